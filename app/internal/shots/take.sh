#!/bin/sh
# Screenshots of every screen of the window under Xvfb, with the machine's
# CJK fonts hidden from the program (a mount namespace over the font
# folders that have any), so every Chinese glyph comes from the bundled
# font. Run as root from the repository's top folder:
#
#   sh app/internal/shots/take.sh [OUT] [SIZES] [MODES]
#
# OUT defaults to docs/screenshots; SIZES to "1366x768 1024x700"; a size
# written 1366x768@1.25 runs with FYNE_SCALE=1.25 on a 1366×768 screen (at
# 96 dpi, so Fyne adds no monitor scale of its own).
set -eu
out=${1:-docs/screenshots}
sizes=${2:-1366x768 1024x700}
modes=${3:-start picker blank calendar form review budget sample after start-after}
wait=${SHOT_WAIT:-7}
tmp=$(mktemp -d)
go build -tags 'no_emoji shots' -o "$tmp/shots" ./app/internal/shots
mkdir -p "$out"
for size in $sizes; do
	screen=${size%@*}
	scale=1
	case $size in *@*) scale=${size#*@} ;; esac
	w=${screen%x*}
	h=${screen#*x}
	# Fyne draws at the scale rounded to a tenth (1.25 → 1.3).
	logical=$(awk -v w="$w" -v h="$h" -v s="$scale" 'BEGIN { s = int(s * 10 + 0.5) / 10; printf "%dx%d", w / s, h / s }')
	name=$screen
	[ "$scale" = 1 ] || name="$screen@$scale"
	for mode in $modes; do
		home=$(mktemp -d)
		HOME=$home LANG=zh_CN.UTF-8 FYNE_SCALE=$scale SHENBAO_SCREENSHOT=$mode SHENBAO_SCREENSHOT_SIZE=$logical \
			unshare -m sh -c '
				for d in /usr/share/fonts/truetype/droid /usr/share/fonts/truetype/noto /usr/share/fonts/opentype/noto; do
					[ -d "$d" ] && mount -t tmpfs none "$d"
				done
				[ -z "$(fc-list :lang=zh)" ] || { echo "CJK fonts still visible" >&2; exit 1; }
				xvfb-run -a -s "-screen 0 $0x24 -dpi 96" sh -c "\"$1\" & sleep $3; import -window root \"$2\"; kill \$!"
			' "$screen" "$tmp/shots" "$out/$mode-$name.png" "$wait"
		sleep 1; rm -rf "$home" || true
		echo "$out/$mode-$name.png"
	done
done
rm -rf "$tmp"

#!/bin/sh
# A scripted walk of this year's call from its notice, in the real window
# under Xvfb (1366×768) with xdotool (docs/notice.md): with a fresh home
# folder, 「新建申报通知…」 on the drafts list, the 2024 notice's text chosen
# in the file dialog, the fact of the deadline shown in the notice (🔍),
# 「保存并使用」, then 新建申报书 (Ctrl+N) of that call, 研究生论坛,
# 新建空白申报书. Then, on disk: the call folder written beside the notice
# loads with the categories of the notice (through the program's own
# loader: `shenbao --call … sample`), the window remembers it as the call
# in use, and the new draft is a forum draft of that year.
#
# Run as root, the machine's CJK fonts are hidden from the program (a mount
# namespace over the font folders, as take.sh does), so every Chinese glyph
# comes from the bundled font; as another user it says so and goes on with
# the machine's fonts.
#
# It waits on conditions, never a fixed time: the window (xdotool search
# --sync), its position, what is on the screen at a known point (a screen's
# blue button, the file's icon in the dialog, a selected sentence), the
# files on disk; each for at most WAIT seconds (60 by default), after which
# it says what it was waiting for and saves the screen as walk-notice-
# failed.png in the current folder. Nothing is typed: Chinese never goes
# through xdotool.
# Run from the repository's top folder:
#
#   sh app/internal/shots/walk-notice.sh [SHOTS]
#
# SHOTS, when given, is a folder for the window's screenshot at each stage
# (notice-start.png, notice-dialog.png, notice-confirm.png,
# notice-saved.png, notice-picker.png, notice-draft.png).
set -eu
shots=${1:-}
[ -z "$shots" ] || shots=$(cd "$shots" && pwd)
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -tags no_emoji -o "$tmp/shenbao" .
export HOME="$tmp/home" LANG=zh_CN.UTF-8 WAIT="${WAIT:-60}"
mkdir -p "$HOME"
# The notice as a secretary saves it from the office's web page: a text
# file in her home folder, which the file dialog opens on. The call folder
# is written beside it.
cp forms/notice/testdata/notice-2024.txt "$HOME/notice-2024.txt"
fonts=/usr/share/fonts/truetype/droid:/usr/share/fonts/truetype/noto:/usr/share/fonts/opentype/noto
hide=
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	hide=1
else
	echo "walk-notice: not root, the machine's CJK fonts stay visible to the program" >&2
fi
cat > "$tmp/walk" <<'WALK'
#!/bin/sh
set -eu
bin=$1 shots=$2 hide=$3 fonts=$4 top=$5
wait_for() {
	end=$(($(date +%s) + WAIT))
	until "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.1
	done
}
until_ok() {
	what=$1; shift
	wait_for "$@" || {
		echo "walk-notice: waited $WAIT s for $what" >&2
		import -window root "$top/walk-notice-failed.png" 2>/dev/null || true
		exit 1
	}
}
# The program, in a mount namespace without the machine's CJK fonts when
# hide is set.
if [ -n "$hide" ]; then
	unshare -m sh -c '
		IFS=:; for d in $1; do [ -d "$d" ] && mount -t tmpfs none "$d"; done
		[ -z "$(fc-list :lang=zh)" ] || { echo "walk-notice: CJK fonts still visible" >&2; exit 1; }
		exec "$0"' "$bin" "$fonts" &
else
	"$bin" &
fi
pid=$!
trap 'kill $pid 2>/dev/null && wait $pid 2>/dev/null; true' EXIT
win=$(timeout "$WAIT" xdotool search --sync --onlyvisible --pid $pid --name 申报助手 | head -1) || true
[ -n "$win" ] || { echo "walk-notice: no window of the program after $WAIT s" >&2; exit 1; }
where() { xdotool getwindowgeometry "$1" | sed -n 's/.*Position: \([-0-9]*,[-0-9]*\).*/\1/p'; }
at() { [ "$(where "$1")" = "$2" ]; }
xdotool windowmove "$win" 0 0
until_ok "the window at (0,0)" at "$win" 0,0
# shows X Y R,G,B: the screen's pixel at (X, Y) has that colour.
shows() { import -window root -crop "1x1+$1+$2" txt:- | grep -q "srgb($3)"; }
blue=41,111,246      # a button of high importance (the theme's primary colour)
icon=86,86,86        # a file's icon in Fyne's file dialog
selected=191,218,255 # a selected row of a list
shot() { [ -z "$shots" ] || import -window "$win" "$shots/notice-$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; }
# The drafts list: the 2024 call has closed and nobody chose it, so the
# start screen says so, 「从通知正文生成…」 first (blue).
until_ok "the drafts list with the closed call's banner" shows 10 228 $blue
shot start
click 960 92 # 「新建申报通知…」 in the call bar
until_ok "the file dialog showing notice-2024.txt" shows 525 160 $icon
shot dialog
click 525 175 # notice-2024.txt
until_ok "打开 enabled once the file is selected" shows 1023 618 $blue
click 1023 618 # 打开
until_ok "the notice beside its facts (保存并使用)" shows 605 668 $blue
click 1176 460 # 🔍 of 申报截止时间: its sentence selected and highlighted
until_ok "the deadline's sentence selected in the notice" shows 490 612 $selected
shot confirm
click 563 658 # 保存并使用
call="$HOME/2024年度申报通知/call.toml"
until_ok "the call folder on disk" test -s "$call"
until_ok "the saved dialog's 确定" shows 842 432 $blue
remembered() { grep -q "\"importedCalls\":\"$call\"" "$HOME"/.config/fyne/*/preferences.json; }
until_ok "the preferences to remember $call" remembered
shot saved
xdotool key --delay 60 Tab space # 确定
until_ok "the dialog gone" sh -c '! import -window root -crop 1x1+842+432 txt:- | grep -q "srgb($1)"' - $blue
xdotool key --delay 60 ctrl+n # 新建申报书: the imported call was chosen, so no question first
until_ok "the category picker (新建空白申报书)" shows 450 655 $blue
shot picker
click 120 165 # the second category, 研究生论坛
click 500 655 # 新建空白申报书: the draft is written at once
draft() { ls "$HOME"/Documents/申报助手/*.shenbao.json; }
until_ok "the new draft on disk" draft
until_ok "the form of the new draft (下一步)" shows 100 658 $blue
shot draft
WALK
started=$(date +%s)
xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" sh "$tmp/walk" "$tmp/shenbao" "$shots" "$hide" "$fonts" "$top"
call="$HOME/2024年度申报通知/call.toml"
fail=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fail=1; }
# The call file loads with the program's loader and has the notice's five
# categories, those of the shipped 2024 call.
want=$("$tmp/shenbao" sample | tr '\n' ' ')
got=$("$tmp/shenbao" --call "$call" sample 2>&1 | tr '\n' ' ') || true
[ -n "$want" ] && [ "$got" = "$want" ] && ok "the call folder loads, categories: $got" || bad "categories of $call: $got, want $want"
for name in 年会分会场 研究生论坛 演讲比赛 基础研究学术交流活动 高水平对外学术交流活动; do
	grep -q "^name = \".*$name.*\"  # 通知 一（" "$call" && ok "category $name read from the notice, with its clause" || bad "no category $name with its clause in $call"
done
grep -q '^deadline = 2024-04-22  # 通知 二、5' "$call" && ok "deadline 2024-04-22 from 二、5" || bad "deadline not 2024-04-22 from 二、5"
# The window uses it and remembers it.
prefs=$(cat "$HOME"/.config/fyne/*/preferences.json 2>/dev/null || true)
case $prefs in *"\"currentCall\":\"$call\""*) ok "the window uses the new call" ;; *) bad "currentCall is not $call: $prefs" ;; esac
case $prefs in *"\"importedCalls\":\"$call\""*) ok "the window remembers the new call" ;; *) bad "importedCalls is not $call: $prefs" ;; esac
# The new draft: the forum, of that call's year.
d=$(ls "$HOME"/Documents/申报助手/*.shenbao.json 2>/dev/null | head -1)
if [ -n "$d" ] && grep -q '"category": "forum"' "$d" && grep -q '"call_year": 2024' "$d"; then
	ok "new draft $(basename "$d"): category forum, call_year 2024"
else
	bad "new draft ${d:-(none)}: not a forum draft of 2024"
fi
echo "walk-notice: $(($(date +%s) - started)) s in the window and the checks${hide:+, the machine's CJK fonts hidden}"
exit $fail

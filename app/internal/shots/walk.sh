#!/bin/sh
# A scripted walk through the real window under Xvfb with xdotool: from the
# drafts list to a new blank forum draft, typing into its first steps with
# the keyboard, saving with Ctrl+S, exporting with Ctrl+E past the
# confirmation; then the saved draft and the exported package are checked
# (docs/window.md, "A scripted walk"). Then, with a fresh home folder, the
# window's position round trip: moved to (300, 200), closed with 文件 → 退出,
# opened again where it was.
# Run from the repository's top folder:
#
#   sh app/internal/shots/walk.sh [SHOTS]
#
# SHOTS, when given, is a folder for a screenshot after each stage.
set -eu
shots=${1:-}
tmp=$(mktemp -d)
go build -tags no_emoji -o "$tmp/shenbao" .
export HOME="$tmp/home" LANG=zh_CN.UTF-8
mkdir -p "$HOME"
cat > "$tmp/walk" <<'WALK'
#!/bin/sh
set -eu
bin=$1 shots=$2
"$bin" & pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
n=0
shot() { n=$((n + 1)); [ -z "$shots" ] || import -window root "$shots/walk-$n-$1.png"; }
key() { xdotool key --delay 60 "$@"; sleep 0.4; }
typ() { LC_ALL=C.UTF-8 xdotool type --delay 150 "$1"; sleep 0.6; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.8; }
for i in $(seq 1 50); do
	xdotool search --name 申报助手 >/dev/null 2>&1 && break
	sleep 0.2
done
sleep 2
win=$(xdotool search --name 申报助手 | head -1)
xdotool windowmove "$win" 0 0
shot start
key ctrl+n # 新建申报书: the shipped call's deadline has passed and nobody chose it, so it asks first
key Tab space # the question's first button, 仍用2024年度通知新建 → the category picker
shot picker
# The picker at 1200×680: the second category (研究生论坛), then 新建空白申报书.
click 120 165
click 500 655
shot blank
# Step 封面 has the cursor in 申报日期: type a date the way secretaries do.
key ctrl+a
typ "2024/4/12"
key Tab
shot cover
click 130 657 # 下一步 → 一、申报单位基本情况, the cursor in 单位名称
typ "吉林省测试学会"
key Tab Tab # 单位类型 (select), then 统一社会信用代码
typ "51220000MJ0000000X"
key Tab
typ "吉林省长春市人民大街1号"
key Tab
typ "13000"
key Tab # leaving it: the postcode's message appears now, not while typing
shot applicant
key ctrl+s
sleep 1
shot saved
key ctrl+e # export: errors remain, so it asks first
sleep 1
shot confirm
key Tab Tab space # the confirmation's second button, 仍然导出
sleep 6
shot exported
WALK
xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" sh "$tmp/walk" "$tmp/shenbao" "$shots"
cat > "$tmp/place" <<'PLACE'
#!/bin/sh
set -eu
bin=$1 out=$2
pid=
trap '[ -z "$pid" ] || kill $pid 2>/dev/null || true' EXIT
start() {
	"$bin" & pid=$!
	win=
	for i in $(seq 1 150); do
		win=$(xdotool search --pid $pid --name 申报助手 2>/dev/null | head -1)
		[ -z "$win" ] || break
		kill -0 $pid 2>/dev/null || { echo "place: the program ended at start" >&2; exit 1; }
		sleep 0.2
	done
	[ -n "$win" ] || { echo "place: no window of the program after 30 s" >&2; exit 1; }
	sleep 1.5
}
where() { xdotool getwindowgeometry "$win" | sed -n 's/.*Position: \([-0-9]*,[-0-9]*\).*/\1/p'; }
start
xdotool windowmove "$win" 300 200
sleep 0.5
where > "$out/moved"
xdotool mousemove --window "$win" 20 12 click 1 # 文件
sleep 0.8
xdotool mousemove --window "$win" 30 355 click 1 # 退出, the menu's last item
for i in $(seq 1 50); do
	kill -0 $pid 2>/dev/null || break
	sleep 0.1
done
kill $pid 2>/dev/null && echo "退出 did not end the program" >&2
start
where > "$out/reopened"
PLACE
mkdir -p "$tmp/home-place" "$tmp/place-out"
HOME="$tmp/home-place" xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" sh "$tmp/place" "$tmp/shenbao" "$tmp/place-out" || true
draft=$(ls "$HOME"/Documents/申报助手/*.shenbao.json)
fail=0
check() {
	if grep -q "$2" "$draft"; then echo "ok: $1"; else echo "FAIL: $1 (no $2 in $draft)"; fail=1; fi
}
check "unit name typed in Chinese" '"name": "吉林省测试学会"'
check "credit code" '"credit_code": "51220000MJ0000000X"'
check "address" '"address": "吉林省长春市人民大街1号"'
check "postcode as typed" '"postcode": "13000"'
check "date typed 2024/4/12, saved as 2024-04-12" '"apply_date": "2024-04-12"'
if ls "$HOME"/Documents/申报助手/报送材料/*/*.pdf >/dev/null 2>&1; then
	echo "ok: package exported: $(ls "$HOME"/Documents/申报助手/报送材料/*/ | tr '\n' ' ')"
else
	echo "FAIL: no exported package"; fail=1
fi
moved=$(cat "$tmp/place-out/moved" 2>/dev/null || true)
reopened=$(cat "$tmp/place-out/reopened" 2>/dev/null || true)
if [ "$moved" = "300,200" ] && [ "$reopened" = "$moved" ]; then
	echo "ok: window moved to ($moved), closed, reopened at ($reopened)"
else
	echo "FAIL: window moved to ($moved), closed, reopened at ($reopened)"; fail=1
fi
rm -rf "$tmp"
exit $fail

#!/bin/sh
# A scripted walk through the real window under Xvfb with xdotool: from the
# drafts list to a new blank forum draft, typing into its first steps with
# the keyboard, saving with Ctrl+S, exporting with Ctrl+E past the
# confirmation; then the saved draft and the exported package are checked
# (docs/window.md, "A scripted walk"). Then, with a fresh home folder, the
# window's position round trip: moved to (300, 200), closed with 文件 → 退出,
# opened again where it was.
#
# It waits on conditions, never a fixed time: the window (xdotool search
# --sync), its position, the draft file's content and the exported files
# on disk, each with a time limit (WAIT seconds, 60 by default) after which
# it says what it was waiting for. Between its key presses and clicks it
# does not wait: X delivers them in order and the window handles each one
# (a new screen, a dialog) before the next.
# Run from the repository's top folder:
#
#   sh app/internal/shots/walk.sh [SHOTS]
#
# SHOTS, when given, is a folder for a screenshot after each stage.
set -eu
shots=${1:-}
tmp=$(mktemp -d)
go build -tags no_emoji -o "$tmp/shenbao" .
export HOME="$tmp/home" LANG=zh_CN.UTF-8 WAIT="${WAIT:-60}"
mkdir -p "$HOME"
# Shared by both scripts: waiting with a limit.
cat > "$tmp/lib" <<'LIB'
# wait_for COMMAND...: runs COMMAND every 0.1 s until it succeeds, at most
# $WAIT s; fails after that.
wait_for() {
	end=$(($(date +%s) + WAIT))
	until "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.1
	done
}
# until_ok WHAT COMMAND...: wait_for, stopping the walk saying WHAT it
# waited for in vain.
until_ok() {
	what=$1; shift
	wait_for "$@" || { echo "walk: waited $WAIT s for $what" >&2; exit 1; }
}
# window PID: the program's window, once it is mapped.
window() { timeout "$WAIT" xdotool search --sync --onlyvisible --pid "$1" --name 申报助手 | head -1; }
where() { xdotool getwindowgeometry "$1" | sed -n 's/.*Position: \([-0-9]*,[-0-9]*\).*/\1/p'; }
at() { [ "$(where "$1")" = "$2" ]; }
LIB
cat > "$tmp/walk" <<'WALK'
#!/bin/sh
set -eu
bin=$1 shots=$2 lib=$3
. "$lib"
"$bin" & pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
n=0
shot() { n=$((n + 1)); [ -z "$shots" ] || import -window root "$shots/walk-$n-$1.png"; }
key() { xdotool key --delay 60 "$@"; }
typ() { xdotool type --delay 60 "$1"; }
# Chinese is pasted through the clipboard, as a user pastes it: xdotool
# types it through spare keycodes it remaps per character, and on a loaded
# machine the window read some after the next remapping (characters lost).
clip() { [ "$(xclip -o -selection clipboard)" = "$1" ]; }
paste() {
	printf '%s' "$1" | xclip -selection clipboard
	until_ok "the clipboard to hold $1" clip "$1"
	key ctrl+v
}
click() { xdotool mousemove "$1" "$2" click 1; }
tabs() { i=0; while [ $i -lt "$1" ]; do key Tab; i=$((i + 1)); done; }
drafts="$HOME/Documents/申报助手"
draft() { ls "$drafts"/*.shenbao.json 2>/dev/null | head -1; }
saved() { d=$(draft) && [ -n "$d" ] && grep -q "$1" "$d"; }
win=$(window $pid)
[ -n "$win" ] || { echo "walk: no window of the program after $WAIT s" >&2; exit 1; }
xdotool windowmove "$win" 0 0
until_ok "the window at (0,0)" at "$win" 0,0
shot start
key ctrl+n # 新建申报书: the shipped call's deadline has passed and nobody chose it, so it asks first
key Tab space # the question's first button, 仍用2024年度通知新建 → the category picker
shot picker
# The picker at 1200×680: the second category (研究生论坛), then 新建空白申报书,
# which writes the new draft into the drafts folder at once.
click 120 165
click 500 655
until_ok "the new blank draft on disk" draft
shot blank
# Step 封面 has the cursor in 申报日期: type a date the way secretaries do.
typ "2024/4/12"
key Tab
shot cover
click 130 657 # 下一步 → 一、申报单位基本情况, the cursor in 单位名称
paste "吉林省测试学会"
key Tab Tab # 单位类型 (select), then 统一社会信用代码
typ "51220000MJ0000000X"
key Tab
paste "吉林省长春市人民大街1号"
key Tab
typ "13000"
key Tab # leaving it: the postcode's message appears now, not while typing
shot applicant
click 130 657 # 下一步 → 二、项目基本情况, the cursor in 项目名称
# The forum's step 二 in Tab order: 项目名称, 主题, 开始日期 and its
# calendar button, 结束日期 and its button, 举办城市, 举办地点, 活动形式,
# 预计参会人数 (9 Tabs), 征集论文数, 主办/承办单位, 协办单位, 支持单位,
# 项目简介 (5 more), 申请资助.
tabs 9
typ "30" # an empty box (待填): 30, not 300
tabs 5
typ "ABC youxian"
key Tab # leaves 项目简介: no tab character typed into it
typ "8000" # into 申请资助, where that Tab went
key Tab
shot project
key ctrl+s
until_ok "the saved draft with the typed values" saved '"requested_amount": 8000'
shot saved
key ctrl+e # export: errors remain, so it asks first
key Tab Tab space # the confirmation's second button, 仍然导出
until_ok "the exported PDF" sh -c 'ls "$1"/报送材料/*/*.pdf' - "$drafts"
shot exported
WALK
xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" sh "$tmp/walk" "$tmp/shenbao" "$shots" "$tmp/lib"
cat > "$tmp/place" <<'PLACE'
#!/bin/sh
set -eu
bin=$1 out=$2 lib=$3
. "$lib"
pid=
trap '[ -z "$pid" ] || kill $pid 2>/dev/null || true' EXIT
start() {
	"$bin" & pid=$!
	win=$(window $pid)
	[ -n "$win" ] || { echo "place: no window of the program after $WAIT s" >&2; exit 1; }
}
ended() { ! kill -0 $pid 2>/dev/null; }
start
xdotool windowmove "$win" 300 200
until_ok "the window at (300,200)" at "$win" 300,200
where "$win" > "$out/moved"
xdotool mousemove --window "$win" 20 12 click 1 # 文件
xdotool mousemove --window "$win" 30 355 click 1 # 退出, the menu's last item
until_ok "the program to end after 退出" ended
pid=
start
# The position is asked for before the window shows; a window manager
# (none here) may still move it: wait for it to settle where it was put.
wait_for at "$win" "$(cat "$out/moved")" || true
where "$win" > "$out/reopened"
PLACE
mkdir -p "$tmp/home-place" "$tmp/place-out"
HOME="$tmp/home-place" xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" sh "$tmp/place" "$tmp/shenbao" "$tmp/place-out" "$tmp/lib" || true
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
check "participants typed 30 after Tab, saved 30" '"participants": 30,'
check "summary left with Tab, no tab character saved" '"summary": "ABC youxian",'
check "the Tab out of 项目简介 went to 申请资助: 8000" '"requested_amount": 8000'
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
	echo "the preferences remembered:"; cat "$tmp"/home-place/.config/fyne/*/preferences.json 2>/dev/null || echo "(none)"
fi
rm -rf "$tmp"
exit $fail

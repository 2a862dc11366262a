#!/usr/bin/env bash
# Run by `.ci/ship wine-ime` inside Xvfb, with WINEPREFIX and SHIP_* set:
# the .exe's probe (SHENBAO_IME_PROBE, app/imehook.go) writes where the
# input method was told the composition goes and where the caret is; this
# compares them and finds the caret on a screenshot at that place.
set -euo pipefail
t0=$SECONDS
wineboot -i >/dev/null 2>&1
wineserver -w
echo "wine prefix ready in $((SECONDS - t0)) s"
cp "$SHIP_TMP/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

out=$SHIP_TMP/ime.txt
t0=$SECONDS
(cd "$SHIP_TMP" && SHENBAO_IME_PROBE=ime.txt exec wine "$SHIP_GUI") >"$SHIP_TMP/wine.log" 2>&1 &
pid=$!
fail() {
	echo "ship: $*" >&2
	[ ! -f "$out" ] || sed 's/^/  probe: /' "$out" >&2
	tail -20 "$SHIP_TMP/wine.log" >&2
	kill $pid 2>/dev/null || true
	wineserver -k || true
	exit 1
}
# The probe's file (written whole: it is renamed into place).
for _ in $(seq 1 360); do
	[ -f "$out" ] && break
	kill -0 $pid 2>/dev/null || fail "the .exe exited before writing $out"
	sleep 0.5
done
[ -f "$out" ] || fail "no $out within 180 s"
echo "probe written $((SECONDS - t0)) s after start:"
sed 's/^/  /' "$out"
! grep -q '^error' "$out" || fail "the probe failed"

tol=$SHIP_TOL
read -r _ cx cy _ _ _ lh _ colour < <(grep '^client' "$out")
prev=-1
last=
while read -r _ col _ ix iy _ ex ey _ kx ky _ l t r b; do
	dx=$((ix - ex)) dy=$((iy - ey))
	[ ${dx#-} -le "$tol" ] && [ ${dy#-} -le "$tol" ] ||
		fail "caret $col: the input method holds ($ix,$iy), the caret is at ($ex,$ey)"
	[ "$ix" -gt "$prev" ] || fail "caret $col: the composition ($ix) is not right of the previous caret's ($prev)"
	prev=$ix
	# The candidate list: below the caret's line, avoiding its rectangle.
	[ "$ky" -ge $((iy + lh - tol)) ] && [ "$t" -le $((iy + tol)) ] && [ "$b" -ge $((iy + lh - tol)) ] ||
		fail "caret $col: candidates at ($kx,$ky) avoiding ($l,$t)-($r,$b), not below the caret's line ($iy + $lh)"
	echo "ok: caret $col: input method at ($ix,$iy), caret at ($ex,$ey) (client pixels); candidates at ($kx,$ky), avoiding ($l,$t)-($r,$b)"
	last="$ix $iy"
done < <(grep '^caret' "$out")
[ -n "$last" ] || fail "the probe wrote no caret"

# On screen, the last caret placed: a column of its colour within 2 px of
# the composition point, over half the line's height. It blinks: up to 40
# screenshots until one shows it.
read -r ix iy <<<"$last"
sx=$((cx + ix - 2)) sy=$((cy + iy))
seen= n=0
for try in $(seq 1 40); do
	import -window root "$SHIP_SHOT"
	n=$(convert "$SHIP_SHOT" -crop "6x${lh}+${sx}+${sy}" +repage -depth 8 txt:- | python3 -c '
import re, sys
c = sys.argv[1]
want = [int(c[i:i + 2], 16) for i in (0, 2, 4)]
cols = {}
for line in sys.stdin:
    m = re.match(r"(\d+),(\d+):.*#([0-9A-Fa-f]{6})", line)
    if not m:
        continue
    px = [int(m.group(3)[i:i + 2], 16) for i in (0, 2, 4)]
    if sum((a - b) ** 2 for a, b in zip(px, want)) < 40 ** 2:
        cols[m.group(1)] = cols.get(m.group(1), 0) + 1
print(max(cols.values(), default=0))' "$colour")
	if [ "$n" -ge $((lh / 2)) ]; then seen=$try; break; fi
done
[ -n "$seen" ] || fail "no caret (#$colour) on screen at ($((cx + ix)),$((cy + iy))) in 40 screenshots (the last: $SHIP_SHOT)"
echo "ok: the caret is on screen where the input method was told: $n px of #$colour in a column at ($((cx + ix)),$((cy + iy))) (screenshot $seen, $SHIP_SHOT)"

# Let the window quit (the probe waits for its file to go).
rm -f "$out"
for _ in $(seq 1 60); do
	kill -0 $pid 2>/dev/null || break
	sleep 0.5
done
kill -0 $pid 2>/dev/null && fail "the .exe did not quit within 30 s of the probe's end"
wineserver -k || true
echo "wine-ime: $((SECONDS)) s in Xvfb"

#!/bin/sh
# The shipped program holds none of the screenshot and measuring code: the
# files of package app built only with the tag shots (app/shots.go,
# app/session.go) are left out of it. Builds the program as shipped and
# with the tag, and looks for every function of those files in each
# binary's symbol table (go tool nm) and for the variables that switch
# them on (SHENBAO_SCREENSHOT, SHENBAO_SESSION_*) in its bytes: none in the
# shipped one; in the tagged one, runSession and screenshotMode at least,
# so that the check cannot pass by looking for names that never exist.
# Run from the repository's top folder:
#
#   sh app/internal/shots/absent.sh
set -eu
GO=${GO:-go}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=$(grep -l '^//go:build shots$' app/*.go)
[ -n "$files" ] || { echo "absent: no file of package app is built only with the tag shots" >&2; exit 1; }
# Each function's symbol: shenbao/app.name, or shenbao/app.(*T).name for a
# method (with or without the pointer); not init, which every package has.
sed -n 's/^func \(([a-z]* \**\([A-Za-z]*\)) \)\{0,1\}\([A-Za-z0-9_]*\).*/\2 \3/p' $files |
	while read -r recv name; do
		[ -n "$name" ] || name=$recv recv=
		[ "$name" != init ] || continue
		if [ -n "$recv" ]; then
			printf 'shenbao/app.(*%s).%s\nshenbao/app.%s.%s\n' "$recv" "$name" "$recv" "$name"
		else
			printf 'shenbao/app.%s\n' "$name"
		fi
	done >"$tmp/names"
$GO build -tags no_emoji -o "$tmp/shenbao" .
$GO build -tags 'no_emoji shots' -o "$tmp/shots" ./app/internal/shots
# The symbols, without their closures (name.func1 …).
$GO tool nm "$tmp/shenbao" | awk '{print $3}' | sed 's/\.func[0-9.]*$//' | sort -u >"$tmp/shipped"
$GO tool nm "$tmp/shots" | awk '{print $3}' | sed 's/\.func[0-9.]*$//' | sort -u >"$tmp/tagged"
found=$(grep -Fxf "$tmp/names" "$tmp/shipped" || true)
if [ -n "$found" ]; then
	echo "absent: the shipped program holds the screenshot and measuring code:" >&2
	echo "$found" >&2
	exit 1
fi
if grep -aq 'SHENBAO_SCREENSHOT\|SHENBAO_SESSION' "$tmp/shenbao"; then
	echo "absent: the shipped program reads SHENBAO_SCREENSHOT or SHENBAO_SESSION_*" >&2
	exit 1
fi
for want in 'shenbao/app.(*ui).runSession' 'shenbao/app.(*ui).screenshotMode'; do
	grep -Fxq "$want" "$tmp/names" || { echo "absent: $want is not among the tagged files' functions" >&2; exit 1; }
	grep -Fxq "$want" "$tmp/tagged" || { echo "absent: $want missing from the program built with the tag shots" >&2; exit 1; }
done
echo "absent: none of the $(grep -c . "$tmp/names") symbols of $(echo $files) in the shipped program ($(grep -Fxf "$tmp/names" "$tmp/tagged" | wc -l) in the shots build)"

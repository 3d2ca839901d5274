#!/bin/sh
# plan_texts.sh - import plan --dry-run on plans the program was not
# written from: each tests/data/plans/NAME.txt beside a NAME.expected that
# a reader wrote down from the text (kinds and styles the seeds lack: an
# HD guidance with bridge points and start times, a district plan in
# quarters and rounds, a commune plan dated "28/11/2017" asking for no
# essay). Every expected line is one check; then nothing else is printed.
# The share of fields right is printed per text.
. "$top_srcdir/tests/tap.sh"
tap_tmpdir
plans=$top_srcdir/tests/data/plans
LC_ALL=C.UTF-8; export LC_ALL
QUANTRIET_DB=$TAP_TMP/never.db; export QUANTRIET_DB

for want in "$plans"/*.expected; do
	name=$(basename "$want" .expected)
	out=$TAP_TMP/$name.out
	"$QUANTRIET" import plan --file "$plans/$name.txt" --dry-run > "$out"
	is $? 0 "$name: read"
	right=0
	total=0
	while IFS= read -r line; do
		total=$((total + 1))
		if grep -Fxq -- "$line" "$out"; then
			right=$((right + 1))
			ok 0 "$name: $line"
		else
			ok 1 "$name: $line"
		fi
	done < "$want"
	extra=$(grep -Fxvc -f "$want" "$out")
	is "$extra" 0 "$name: nothing printed that the text does not say"
	echo "# $name: $right of $total fields right, $extra extra"
done
done_testing

#!/bin/sh
# Replays every kept input of every fuzz target (tests/fuzz/NAME/: the
# corpus and each crash found) through the target's entry point with a
# plain main(), so a bug a fuzzer found once fails the suite if it comes
# back. Under the sanitizer build a report is a failure too.
. "$top_srcdir/tests/tap.sh"
tap_tmpdir
for t in wire csv date deadline plan_text telex display; do
	n=$(ls "$top_srcdir/tests/fuzz/$t" | wc -l)
	got=$("$top_builddir/tests/fuzz/replay_$t" "$top_srcdir/tests/fuzz/$t" \
	    2> "$TAP_TMP/$t.err")
	rc=$?
	[ $rc -eq 0 ] && [ "$got" = "$n" ] && ! grep -q "runtime error\|Sanitizer" "$TAP_TMP/$t.err"
	ok $? "$t: the $n kept inputs replay cleanly"
	[ $rc -eq 0 ] || tail -n 20 "$TAP_TMP/$t.err" | sed 's/^/# /'
done
done_testing

#!/bin/sh
# At 80 columns the clerk's own deadline is shown first and whole: on
# 20/04/2021 the commune's date in plan 13-KH/TU is 31/05 (the district's
# 30/04 is not the commune's), on Home and on the plan's own screen, and
# no date on that screen is ever cut; with and without diacritics.
. "$top_srcdir/tests/e2e/lib.sh"

QUANTRIET_TODAY=2021-04-20
export QUANTRIET_TODAY

# line_with TEXT: the first line of the screen holding TEXT.
line_with() {
	e2e_screen | grep -F -- "$1" | head -1
}

# schedule: the lines of the plan's schedule (below "$asks", above the rule).
schedule() {
	e2e_screen | sed -n "/$asks/,/^[─-]\{20\}/p" | sed '1d;$d'
}

e2e_demo
for lang in C.UTF-8 C; do
	if [ "$lang" = C ]; then
		home="Han toi" asks="Ke hoach yeu cau:" commune="Dang bo co so: 1."
	else
		home="Hạn tới" asks="Kế hoạch yêu cầu:" commune="Đảng bộ cơ sở: 1."
	fi
	e2e_start "$lang"
	e2e_wait "$home"; ok $? "$lang: Home opens"
	case "$(line_with 13-KH/TU)" in
	*" 31/05/2021") ok 0 "$lang: Home shows the commune's own deadline in 13-KH/TU" ;;
	*) ok 1 "$lang: Home shows the commune's own deadline in 13-KH/TU"
	   e2e_screen | sed 's/^/# | /' ;;
	esac
	! e2e_screen | grep -q "30/04/2021"
	ok $? "$lang: and never the district's 30/04 as the commune's"
	e2e_keys 2
	e2e_wait "13-KH/TU"
	e2e_keys Down Enter
	e2e_wait "$asks"; ok $? "$lang: the plan's screen opens"
	first=$(schedule | head -1)
	case "$first" in
	*"$commune"*" 31/05/2021") ok 0 "$lang: the commune's item comes first, with its 31/05 deadline" ;;
	*) ok 1 "$lang: the commune's item comes first, with its 31/05 deadline"
	   echo "# first item: $first" ;;
	esac
	[ "$(schedule | wc -l)" -eq 5 ] &&
	    ! schedule | grep -v ' [Hh]\(ạ\|a\)n [0-9][0-9]/[0-9][0-9]/[0-9]\{4\}$'
	ok $? "$lang: no date of the schedule is cut at 80 columns"
	case "$(e2e_screen | sed -n 2p)" in
	*"13-KH/TU"*" 31/05/2021") ok 0 "$lang: the heading ends with the commune's deadline" ;;
	*) ok 1 "$lang: the heading ends with the commune's deadline" ;;
	esac
	e2e_fits "$lang: plan screen at 80 columns"
	e2e_quit
done
done_testing

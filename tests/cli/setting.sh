#!/bin/sh
# setting.sh - quantriet setting shows and sets only the settings a clerk
# sets by hand; the place it sets is the one the printed report names.
. "$top_srcdir/tests/tap.sh"
tap_tmpdir
db=$TAP_TMP/demo.db
"$QUANTRIET" demo --db "$db" >/dev/null 2>&1

is "$("$QUANTRIET" setting --db "$db" place)" "place=Vĩnh Hòa Hiệp" \
    "shows one setting"
is "$("$QUANTRIET" setting --db "$db" place "Xã Vĩnh Hòa Hiệp, Châu Thành")" \
    "place=Xã Vĩnh Hòa Hiệp, Châu Thành" "sets it"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU |
    grep -q "Xã Vĩnh Hòa Hiệp, Châu Thành, ngày"
ok $? "the printed report names the place set"
"$QUANTRIET" setting --db "$db" home_unit_id 1 2>"$TAP_TMP/err"
is $? 2 "a setting of the program's own is refused"
grep -q "không có thiết lập 'home_unit_id'" "$TAP_TMP/err"; ok $? "saying so"
"$QUANTRIET" setting --db "$db" place "$(printf 'a\033b')" 2>/dev/null
is $? 2 "a control character is refused"
is "$("$QUANTRIET" setting --db "$db")" "place=Xã Vĩnh Hòa Hiệp, Châu Thành
print_command=" "lists every setting, unchanged by the refusals"
is "$("$QUANTRIET" setting --db "$db" print_command "lpr -P hp1020")" \
    "print_command=lpr -P hp1020" "the print command F4 uses is set"
done_testing

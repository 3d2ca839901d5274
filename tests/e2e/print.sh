#!/bin/sh
# "In" on the tally screen: the form written to a file the clerk names
# (RTF or text by its extension, private, never replaced without asking)
# in ~/Documents by default, sent to the print command when one is set,
# and the message says where it went and what the printer said.
. "$top_srcdir/tests/e2e/lib.sh"

command -v stat >/dev/null 2>&1 || skip_all "stat không có trên máy"

home="$TAP_TMP/home"
docs="$home/Documents"
mkdir -p "$docs"
E2E_ENV="HOME=$home"
# The default folder is ~/Documents only when no other is named.
unset XDG_DOCUMENTS_DIR
# A printer that keeps what it is sent and how it was called.
cat > "$TAP_TMP/fake-lpr" <<EOF
#!/bin/sh
echo "\$*" > "$TAP_TMP/printer-args"
cat > "$TAP_TMP/printed.txt"
EOF
chmod 755 "$TAP_TMP/fake-lpr"

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_keys 4
e2e_wait "BÁO CÁO TỔNG HỢP BÀI THU HOẠCH"
e2e_keys Right Right Right
e2e_wait "Đơn vị: < Chi bộ ấp Vĩnh Phước >"; ok $? "a cell's report"
e2e_keys F4
e2e_wait "In ra tệp (.rtf hoặc .txt)"; ok $? "F4 asks for a file"
e2e_wait "kh-du-chi-bo-ap-vinh-phuoc-dot1.rtf"
ok $? "named after the plan, the unit and the round"
e2e_keys Enter
rtf="$docs/baocao-08-kh-du-chi-bo-ap-vinh-phuoc-dot1.rtf"
e2e_wait "Đã ghi ~/Documents/baocao-08-kh-du-chi-bo-ap-vinh-phuoc-dot1.rtf"
ok $? "Enter writes it in ~/Documents and says where"
e2e_hides "máy in"; ok $? "no print command set: nothing printed"
is "$(stat -c %a "$rtf" 2>/dev/null)" 600 "the file is private (0600)"
head -c 11 "$rtf" 2>/dev/null | grep -q '^{\\rtf1\\ansi'; ok $? "it is RTF"
grep -q -- '-BC/CB' "$rtf" && grep -q 'Times New Roman' "$rtf"
ok $? "with the number line and the party's font"

# The same report again, as text, to a printer.
"$QUANTRIET" setting --db "$E2E_DB" print_command "$TAP_TMP/fake-lpr -P hp" >/dev/null
ok $? "quantriet setting print_command"
e2e_keys F4
e2e_wait "In ra tệp (.rtf hoặc .txt)"
e2e_keys C-u 'ban-in.txt' Enter
e2e_wait "Đã ghi ~/Documents/ban-in.txt; đã gửi máy in"
ok $? "a bare name goes in ~/Documents; printed"
is "$(cat "$TAP_TMP/printer-args" 2>/dev/null)" "-P hp" \
    "the print command ran with its options, no shell"
grep -q "ĐẢNG CỘNG SẢN VIỆT NAM" "$TAP_TMP/printed.txt" &&
    grep -q "^6\. Kiến nghị, đề xuất" "$TAP_TMP/printed.txt"
ok $? "the printer got the text form"
cmp -s "$TAP_TMP/printed.txt" "$docs/ban-in.txt"
ok $? "the same as the file written"
is "$(stat -c %a "$docs/ban-in.txt" 2>/dev/null)" 600 "the text file is private"

# An existing file is replaced only when the clerk says so.
echo keep > "$docs/ban-in.txt"
e2e_keys F4
e2e_wait "In ra tệp (.rtf hoặc .txt)"
e2e_keys C-u 'ban-in.txt' Enter
e2e_wait "Tệp đã có. Ghi đè?"; ok $? "asks before replacing a file"
e2e_keys k
e2e_wait_gone "Tệp đã có. Ghi đè?"
is "$(cat "$docs/ban-in.txt")" keep "k keeps the file"

# A printer that fails says so.
"$QUANTRIET" setting --db "$E2E_DB" print_command false >/dev/null
e2e_keys F4
e2e_wait "In ra tệp (.rtf hoặc .txt)"
e2e_keys C-u 'lan-hai.txt' Enter
e2e_wait "không in được: lệnh in false báo lỗi (mã 1)"
ok $? "a print command that fails is reported"
[ -s "$docs/lan-hai.txt" ]; ok $? "the file is written all the same"

e2e_quit

# On a terminal that is not UTF-8 the messages are unaccented, the form
# written keeps its diacritics (it is printed elsewhere).
e2e_start C
e2e_wait "Trang chinh" || { done_testing; exit 1; }
e2e_keys 4
e2e_wait "BAO CAO TONG HOP BAI THU HOACH"
e2e_keys F4
e2e_wait "In ra tep (.rtf hoac .txt)"; ok $? "LANG=C: F4 asks, unaccented"
e2e_keys C-u 'lang-c.txt' Enter
e2e_wait "Da ghi ~/Documents/lang-c.txt"; ok $? "LANG=C: says where it went"
grep -q "ĐẢNG CỘNG SẢN VIỆT NAM" "$docs/lang-c.txt"
ok $? "LANG=C: the form keeps its diacritics"
e2e_quit
done_testing

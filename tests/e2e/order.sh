#!/bin/sh
# The members list is in Vietnamese order: by given name, then middle and
# family name; Đ after D, tones after the bare letter. Search still finds
# names without their diacritics.
. "$top_srcdir/tests/e2e/lib.sh"

# in_order NAME...: each NAME is on the screen, on a line below the one
# before (the screen read once, so the list cannot move in between).
in_order() {
	_o_screen=$(e2e_screen)
	_o_prev=0
	for _o_name in "$@"; do
		_o_line=$(printf '%s\n' "$_o_screen" | grep -n -F -- "$_o_name" |
		    head -1 | cut -d: -f1)
		if [ -z "$_o_line" ] || [ "$_o_line" -le "$_o_prev" ]; then
			echo "# not in order: $_o_name"
			printf '%s\n' "$_o_screen" | sed 's/^/# | /'
			return 1
		fi
		_o_prev=$_o_line
	done
}

e2e_demo
e2e_start
e2e_wait "Trang chính"
e2e_keys 1
e2e_wait "Họ và tên"; ok $? "the members list opens"
in_order "Phan Chí Bình" "Trần Công Bình" "Đoàn Thị Cúc" "Huỳnh Thị Cúc" \
    "Phan Thị Kim Cúc"
ok $? "by given name first, then middle and family name"
in_order "Trần Văn Dũng" "Trần Thị Mỹ Duyên" "Huỳnh Thị Ngọc Duyên" \
    "Thạch Thị Bích Đào" "Huỳnh Đức Đạt" "Huỳnh Hoàng Đạt"
ok $? "Đ after every D, middle names in order"
in_order "Huỳnh Quốc Hải" "Tô Thanh Hạnh" "Huỳnh Thị Hằng"
ok $? "letters before tones: Hải < Hạnh < Hằng"
e2e_keys / 'duyen' Enter
e2e_wait "Tìm: duyen"
in_order "Trần Thị Mỹ Duyên" "Huỳnh Thị Ngọc Duyên"
ok $? "a search without diacritics finds both Duyên, in order"
e2e_fits "members in Vietnamese order"
e2e_quit
done_testing

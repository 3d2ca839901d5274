#!/bin/sh
# The resolutions a plan studies, on the plan's form: one a line, a known
# one found by its number or its title, a new one added, a line removed
# unlinks it, an overlong title is refused with the line it is on.
. "$top_srcdir/tests/e2e/lib.sh"

# linked: the resolutions 08-KH/ĐU studies, their codes, in order.
linked() {
	sqlite3 "$E2E_DB" "SELECT group_concat(c, ' ') FROM (SELECT
	    CASE r.code WHEN '' THEN 'dh' ELSE r.code END AS c
	    FROM document_resolution x JOIN resolution r ON r.id = x.resolution_id
	    JOIN document d ON d.id = x.document_id WHERE d.number = '08-KH/ĐU'
	    ORDER BY c)"
}

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
is "$(linked)" "dh" "the demo's plan studies the congress resolution"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys Home e
e2e_wait "Sửa văn bản"
e2e_wait "Nghị quyết Đại hội Đảng bộ tỉnh Kiên Giang"
ok $? "the form shows the resolution it studies"
e2e_fits "document form with its resolutions"
# To the resolutions (the 8th field), at the end of its line, a new line.
e2e_keys Down Down Down Down Down Down Down C-e Enter "18-nq/tw"
e2e_keys Enter "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học"
e2e_keys F2
e2e_wait "Đã lưu văn bản"; ok $? "the plan is saved"
is "$(linked)" "18-NQ/TW 57-NQ/TW dh" \
    "a number finds the known resolution, a new title is added with its number"
is "$(sqlite3 "$E2E_DB" "SELECT count(*) FROM resolution WHERE code = '18-NQ/TW'")" 1 \
    "the known one was not added twice"
is "$(sqlite3 "$E2E_DB" "SELECT count(*) FROM sync_outbox WHERE tbl =
    'document_resolution'")" 2 "the two new links wait to be sent"

e2e_keys e
e2e_wait "Sửa văn bản"
e2e_wait "57-NQ/TW"
# Down to the resolutions (the cursor at the end of the last line, the
# congress resolution's): clear that line and the line break before it.
e2e_keys Down Down Down Down Down Down Down C-u BSpace
e2e_keys F2
e2e_wait "Đã lưu văn bản"
is "$(linked)" "18-NQ/TW 57-NQ/TW" "a line removed unlinks that resolution"
is "$(sqlite3 "$E2E_DB" "SELECT count(*) FROM resolution")" 7 \
    "the resolution itself stays for other plans"

e2e_keys e
e2e_wait "Sửa văn bản"
long=$(printf '%0601d' 0 | tr 0 x)
e2e_keys Down Down Down Down Down Down Down C-e Enter "$long"
e2e_keys F2
e2e_wait "Nghị quyết dòng 3"; ok $? "an overlong title is refused with its line"
e2e_shows "quá dài"; ok $? "saying why"
e2e_keys Escape c
is "$(linked)" "18-NQ/TW 57-NQ/TW" "and nothing was saved"
e2e_quit
done_testing

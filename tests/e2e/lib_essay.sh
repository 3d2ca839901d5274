# lib_essay.sh - what the essays and tally tests add to lib.sh (sourced).
. "$top_srcdir/tests/e2e/lib.sh"

# page_until TEXT: PgDn until TEXT shows; 1 when the page stops changing.
page_until() {
	while ! e2e_screen | grep -F -q -- "$1"; do
		_prev=$(e2e_screen)
		e2e_keys NPage
		_end=$(( $(date +%s) + E2E_TIMEOUT ))
		while [ "$(e2e_screen)" = "$_prev" ]; do
			[ "$(date +%s)" -le "$_end" ] || return 1
			sleep 0.05
		done
	done
}

/*
 * enroll.c - trading a one-time code for this device's credential.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "hlc.h"
#include "sync/http.h"
#include "sync/netlib.h"
#include "sync/sync.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/*
 * Saves what the enrolment reply says about this device, and matches the
 * local units to the server's that follow the header in rd (rekey.c), in
 * one transaction.
 */
static int
enroll_save(struct db *db, const char *url, const struct wire_record *hdr,
    struct wire_reader *rd, const char *cacert, const char *pin,
    int64_t server_now, char **err)
{
	char *token = wire_get_str(hdr, "token"), num[32];
	int64_t unit;
	int rc = -1;

	if (token == NULL || wire_get_int(hdr, "unit", &unit) != 0 ||
	    strspn(token, "0123456789abcdef") != strlen(token) || *token == '\0') {
		*err = xstrdup("Máy chủ tỉnh trả lời đăng ký không hiểu được");
		goto out;
	}
	snprintf(num, sizeof num, "%lld", (long long)unit);
	if (cred_save(db, url, token, err) != 0)
		goto out;
	if (db_begin(db) != 0) {
		*err = xstrdup(db_error(db));
		goto out;
	}
	if (db_setting_set(db, SYNC_KEY_UNIT, num) != 0 ||
	    db_setting_set(db, SYNC_KEY_CURSOR, "0") != 0 ||
	    (cacert != NULL && db_setting_set(db, SYNC_KEY_CACERT, cacert) != 0) ||
	    (pin != NULL && db_setting_set(db, SYNC_KEY_PIN, pin) != 0) ||
	    hlc_set_offset(db, hlc_wall_ms(), server_now) != 0 ||
	    rekey_enrol(db, rd) < 0) {
		*err = xstrdup(db_error(db));
		db_rollback(db);
		goto out;
	}
	if (db_commit(db) != 0) {
		*err = xstrdup(db_error(db));
		goto out;
	}
	rc = 0;
out:
	free(token);
	return rc;
}

int
sync_enroll(struct db *db, const char *url, const char *code,
    const char *cacert, const char *pin, char **err)
{
	struct http_opts o = { cacert, pin, NULL, 0 };
	struct wire_record *hdr = xmalloc(sizeof *hdr);
	struct buf body = { 0 }, plain = { 0 };
	struct wire_reader rd;
	struct http_call *call;
	CURLM *multi = NULL;
	CURLcode result;
	char *base = xstrdup(url), abs[PATH_MAX];
	int64_t server_now;
	int rc = -1;

	*err = NULL;
	if (netlib_load(err) == NULL)
		goto out;
	multi = netlib()->multi_init();
	base[strcspn(base, "\r\n")] = '\0';
	while (*base != '\0' && base[strlen(base) - 1] == '/')
		base[strlen(base) - 1] = '\0';
	if (!http_url_allowed(base)) {
		*err = xasprintf("Địa chỉ máy chủ phải bắt đầu bằng https:// "
		    "(đã nhận: %s)", base);
		goto out;
	}
	if (cacert != NULL && realpath(cacert, abs) == NULL) {
		*err = xasprintf("Không đọc được tệp chứng chỉ %s", cacert);
		goto out;
	}
	sync_header(&body, "enroll");
	wire_str(&body, "code", code);
	wire_end(&body);
	call = http_call_start(multi, base, "/v1/enroll", &o, &body);
	if (http_call_run(multi, call, &result) != 0)
		result = CURLE_RECV_ERROR;
	if (http_call_finish(call, result, "enrolled", &plain, hdr, &rd,
	    &server_now, err) == 0)
		rc = enroll_save(db, base, hdr, &rd,
		    cacert != NULL ? abs : NULL, pin, server_now, err);
	http_call_free(multi, &call);
out:
	if (multi != NULL)
		netlib()->multi_cleanup(multi);
	buf_free(&body);
	buf_free(&plain);
	free(base);
	free(hdr);
	return rc;
}

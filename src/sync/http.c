/*
 * http.c - libcurl transfers for the sync protocol, and the clerk's
 * sentence for every way one can fail.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hlc.h"

#include "sync/http.h"
#include "sync/netlib.h"
#include "xmalloc.h"

/* Below this many bytes per second for LOW_TIME seconds, give up. */
#define HTTP_LOW_SPEED		10
#define HTTP_LOW_TIME		60
#define HTTP_CONNECT_TIMEOUT	30
/*
 * And whatever the speed, a request must be over within DEADLINE_MS plus
 * a second per DEADLINE_RATE bytes it sends and expects back (the reply's
 * Content-Length once its headers are in): a link slower than that
 * (8 kbit/s) will not finish a sync this run, and a server or proxy
 * dripping a few bytes a second just above the low-speed limit would
 * otherwise hold the sync for as long as it likes.
 */
#define HTTP_DEADLINE_MS	30000
#define HTTP_DEADLINE_RATE	1000
/* For tests only: the fixed part of that deadline, in ms. */
#define HTTP_DEADLINE_ENV	"QUANTRIET_TEST_DEADLINE_MS"

struct http_call {
	CURL			*easy;
	struct curl_slist	*headers;
	struct buf		 out;	/* compressed request body */
	struct buf		 in;	/* reply body as received */
	int			 too_big;
	int			 overdue;	/* stopped at its deadline */
	int64_t			 started_ms;	/* hlc_mono_ms() */
	int64_t			 sent_ms;	/* the request all sent; 0: not yet */
	int64_t			 deadline_ms;	/* the fixed part */
	char			 errbuf[CURL_ERROR_SIZE];
};

int
http_url_allowed(const char *url)
{
	static const char *const loopback[] = {
		"http://127.0.0.1", "http://localhost", "http://[::1]", NULL,
	};
	const char *const *p;

	if (strncmp(url, "https://", 8) == 0 && url[8] != '\0')
		return 1;
	for (p = loopback; *p != NULL; p++)
		if (strncmp(url, *p, strlen(*p)) == 0 &&
		    (url[strlen(*p)] == ':' || url[strlen(*p)] == '/'))
			return 2;
	return 0;
}

static size_t
http_write(char *p, size_t size, size_t n, void *arg)
{
	struct http_call *call = arg;

	if (call->in.len + size * n > WIRE_MAX_BODY) {
		call->too_big = 1;
		return 0;	/* makes libcurl stop with CURLE_WRITE_ERROR */
	}
	buf_add(&call->in, p, size * n);
	return size * n;
}

/*
 * libcurl calls this at least once a second: stops the transfer past its
 * deadline. Before the reply's headers no reply is counted; a reply
 * without a length counts as the largest a body may be. The time the
 * server takes between the request sent and the first byte of its reply
 * is its work, not the link's, and is not counted (the low-speed limit
 * bounds it: no byte for HTTP_LOW_TIME seconds ends the transfer).
 */
static int
http_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow,
    curl_off_t ultotal, curl_off_t ulnow)
{
	struct http_call *call = arg;
	int64_t expected = dltotal > 0 ? dltotal : dlnow > 0 ? WIRE_MAX_BODY : 0;
	int64_t now = hlc_mono_ms(), elapsed = now - call->started_ms;
	curl_off_t first = 0;	/* µs from the start to the reply's first byte */

	if (ultotal > 0 && ulnow >= ultotal && call->sent_ms == 0)
		call->sent_ms = now;
	if (call->sent_ms != 0) {
		netlib()->easy_getinfo(call->easy,
		    CURLINFO_STARTTRANSFER_TIME_T, &first);
		if (first > 0)
			now = call->started_ms + first / 1000;
		if (now > call->sent_ms)
			elapsed -= now - call->sent_ms;
	}
	if (elapsed <= call->deadline_ms +
	    ((int64_t)call->out.len + expected) * 1000 / HTTP_DEADLINE_RATE)
		return 0;
	call->overdue = 1;
	return 1;	/* CURLE_ABORTED_BY_CALLBACK */
}

/*
 * A small handshake (docs/sync.md, Transport): TLS 1.3 only, with the one
 * cipher suite and the two groups every TLS 1.3 server has, no ALPN: a
 * ClientHello of some 250 bytes instead of 600. The suites and groups
 * are OpenSSL's names; a libcurl built on GnuTLS keeps its own.
 */
static void
http_small_handshake(CURL *easy)
{
	const struct netlib *net = netlib();
	const curl_version_info_data *v = net->version_info(CURLVERSION_NOW);

	net->easy_setopt(easy, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_3);
	net->easy_setopt(easy, CURLOPT_SSL_ENABLE_ALPN, 0L);
	if (v == NULL || v->ssl_version == NULL ||
	    strncmp(v->ssl_version, "OpenSSL", 7) != 0)
		return;
	net->easy_setopt(easy, CURLOPT_TLS13_CIPHERS, "TLS_AES_128_GCM_SHA256");
	net->easy_setopt(easy, CURLOPT_SSL_EC_CURVES, "X25519:P-256");
}

struct http_call *
http_call_start(CURLM *multi, const char *base_url, const char *path,
    const struct http_opts *o, const struct buf *plain)
{
	const struct netlib *net = netlib();
	struct http_call *call = xcalloc(1, sizeof *call);
	char *url = xasprintf("%s%s", base_url, path);
	const char *env;

	if (o->zstd)
		wire_zstd(plain->data, plain->len, &call->out);
	else
		wire_deflate(plain->data, plain->len, &call->out);
	/* Every byte counts at 64 kbit/s: no header the server does not read. */
	call->headers = net->slist_append(NULL, "Content-Type:");
	call->headers = net->slist_append(call->headers, "Expect:");
	call->headers = net->slist_append(call->headers, "Accept:");
	if (o->token != NULL) {
		char *auth = xasprintf("Authorization: Bearer %s", o->token);

		call->headers = net->slist_append(call->headers, auth);
		free(auth);
	}
	call->easy = net->easy_init();
	if (call->easy == NULL)
		abort();
	net->easy_setopt(call->easy, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
	net->easy_setopt(call->easy, CURLOPT_PROTOCOLS_STR,
	    http_url_allowed(url) == 2 ? "https,http" : "https");
#else
	net->easy_setopt(call->easy, CURLOPT_PROTOCOLS,
	    http_url_allowed(url) == 2 ?
	    (long)(CURLPROTO_HTTPS | CURLPROTO_HTTP) : (long)CURLPROTO_HTTPS);
#endif
	net->easy_setopt(call->easy, CURLOPT_HTTPHEADER, call->headers);
	net->easy_setopt(call->easy, CURLOPT_POSTFIELDS, call->out.data);
	net->easy_setopt(call->easy, CURLOPT_POSTFIELDSIZE_LARGE,
	    (curl_off_t)call->out.len);
	net->easy_setopt(call->easy, CURLOPT_WRITEFUNCTION, http_write);
	net->easy_setopt(call->easy, CURLOPT_WRITEDATA, call);
	net->easy_setopt(call->easy, CURLOPT_ERRORBUFFER, call->errbuf);
	net->easy_setopt(call->easy, CURLOPT_SSL_VERIFYPEER, 1L);
	net->easy_setopt(call->easy, CURLOPT_SSL_VERIFYHOST, 2L);
	if (o->cacert != NULL)
		net->easy_setopt(call->easy, CURLOPT_CAINFO, o->cacert);
	if (o->pin != NULL)
		net->easy_setopt(call->easy, CURLOPT_PINNEDPUBLICKEY, o->pin);
	net->easy_setopt(call->easy, CURLOPT_CONNECTTIMEOUT,
	    (long)HTTP_CONNECT_TIMEOUT);
	net->easy_setopt(call->easy, CURLOPT_LOW_SPEED_LIMIT,
	    (long)HTTP_LOW_SPEED);
	net->easy_setopt(call->easy, CURLOPT_LOW_SPEED_TIME, (long)HTTP_LOW_TIME);
	net->easy_setopt(call->easy, CURLOPT_NOSIGNAL, 1L);
	env = getenv(HTTP_DEADLINE_ENV);
	call->deadline_ms = env != NULL ? strtoll(env, NULL, 10) : HTTP_DEADLINE_MS;
	call->started_ms = hlc_mono_ms();
	net->easy_setopt(call->easy, CURLOPT_XFERINFOFUNCTION, http_progress);
	net->easy_setopt(call->easy, CURLOPT_XFERINFODATA, call);
	net->easy_setopt(call->easy, CURLOPT_NOPROGRESS, 0L);
	net->easy_setopt(call->easy, CURLOPT_USERAGENT, "qt/" PACKAGE_VERSION);
	http_small_handshake(call->easy);
	net->easy_setopt(call->easy, CURLOPT_PRIVATE, call);
	free(url);
	net->multi_add_handle(multi, call->easy);
	return call;
}

CURL *
http_call_easy(struct http_call *call)
{
	return call->easy;
}

void
http_call_bytes(struct http_call *call, int64_t *sent, int64_t *recv)
{
	curl_off_t up = 0, down = 0;

	netlib()->easy_getinfo(call->easy, CURLINFO_SIZE_UPLOAD_T, &up);
	netlib()->easy_getinfo(call->easy, CURLINFO_SIZE_DOWNLOAD_T, &down);
	*sent = up;
	*recv = down;
}

/* The clerk's sentence for a reply that is not our protocol. */
static char *
http_garbage(long status)
{
	return xasprintf("Máy chủ trả lời không hiểu được (mã %ld): có thể "
	    "mạng cần đăng nhập (Wi-Fi công cộng) hoặc địa chỉ máy chủ sai. "
	    "Không có gì bị thay đổi", status);
}

/* The clerk's sentence for a transfer that did not complete. */
static char *
http_explain_transfer(struct http_call *call, CURLcode result)
{
	const char *detail = call->errbuf[0] ? call->errbuf :
	    netlib()->easy_strerror(result);

	switch (result) {
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_CERTPROBLEM:
		return xasprintf("Chứng chỉ của máy chủ tỉnh không đúng (%s): "
		    "có thể mạng đang bị giả mạo hoặc máy chủ đã đổi chứng chỉ. "
		    "Không gửi dữ liệu; hãy báo cán bộ tỉnh", detail);
	case CURLE_WRITE_ERROR:
		if (call->too_big)
			return http_garbage(0);
		break;
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_UNSUPPORTED_PROTOCOL:
		return http_garbage(0);
	case CURLE_ABORTED_BY_CALLBACK:
		if (call->overdue)
			return xasprintf("Mạng quá chậm: yêu cầu chưa xong sau "
			    "%lld giây. Dữ liệu đã gửi không mất; lần đồng bộ "
			    "sau sẽ gửi tiếp", (long long)(hlc_mono_ms() -
			    call->started_ms) / 1000);
		break;
	case CURLE_OPERATION_TIMEDOUT:
		return xasprintf("Mạng quá chậm hoặc bị ngắt giữa chừng (%s): "
		    "dữ liệu đã gửi không mất, hãy đồng bộ lại sau", detail);
	default:
		break;
	}
	return xasprintf("Không kết nối được tới máy chủ tỉnh (%s): kiểm tra "
	    "mạng rồi đồng bộ lại; dữ liệu không mất", detail);
}

/* The clerk's sentence for an error reply the server sent. */
static char *
http_explain_error(const struct wire_record *hdr, long status)
{
	char *msg = wire_get_str(hdr, "message"), *out;

	out = xasprintf("Máy chủ tỉnh từ chối (%ld): %s", status,
	    msg != NULL ? msg : "không rõ lý do");
	free(msg);
	return out;
}

/*
 * 1 if trying again in a while may succeed: the network failed on the
 * way (not a certificate, not our deadline), or the server or a proxy in
 * front of it is overloaded (429, 5xx).
 */
static int
http_transient(CURLcode result, long status)
{
	switch (result) {
	case CURLE_OK:
		return status == 429 || status >= 500;
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_PARTIAL_FILE:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
		return 1;
	default:
		return 0;
	}
}

int
http_call_finish(struct http_call *call, CURLcode result,
    const char *want_type, struct buf *plain, struct wire_record *hdr,
    struct wire_reader *rd, int64_t *server_now, char **err)
{
	long status = 0;
	int64_t v;

	*err = NULL;
	*server_now = 0;
	if (result != CURLE_OK) {
		*err = http_explain_transfer(call, result);
		return http_transient(result, 0) ? HTTP_RETRY : HTTP_FAIL;
	}
	netlib()->easy_getinfo(call->easy, CURLINFO_RESPONSE_CODE, &status);
	/* Anything but our compressed header record is not our server. */
	if (wire_inflate(call->in.data, call->in.len, plain,
	    WIRE_MAX_PLAIN) != 0)
		goto garbage;
	wire_reader_init(rd, plain->data, plain->len);
	if (wire_next(rd, hdr) != 1 || strcmp(hdr->word, "qtsync") != 0 ||
	    wire_get_int(hdr, "v", &v) != 0 ||
	    wire_get_int(hdr, "now", server_now) != 0)
		goto garbage;
	/* An older server refusing our version: the province must update. */
	/* (Before version 3 there was no /v1/sync: "not-found".) */
	if (wire_is(hdr, "type", "error") && (wire_is(hdr, "code", "version") ||
	    wire_is(hdr, "code", "not-found")) && v < WIRE_VERSION) {
		*err = xasprintf("Máy chủ tỉnh dùng phiên bản giao thức cũ (%lld, "
		    "máy này dùng %d): hãy báo cấp tỉnh cập nhật quantriet-server",
		    (long long)v, WIRE_VERSION);
		return -1;
	}
	if (wire_is(hdr, "type", "error")) {
		*err = http_explain_error(hdr, status);
		return http_transient(result, status) ? HTTP_RETRY : HTTP_FAIL;
	}
	if (v != WIRE_VERSION || status != 200 || !wire_is(hdr, "type", want_type))
		goto garbage;
	return 0;
garbage:
	/* A proxy's own "502 Bad Gateway" page: the server may be back soon. */
	*err = http_transient(result, status) ? xasprintf("Máy chủ tỉnh hoặc "
	    "mạng trung gian tạm thời không trả lời được (mã %ld); dữ liệu "
	    "không mất", status) : http_garbage(status);
	return http_transient(result, status) ? HTTP_RETRY : HTTP_FAIL;
}

unsigned
http_call_retry_after(struct http_call *call)
{
	curl_off_t wait = 0;

	if (netlib()->easy_getinfo(call->easy, CURLINFO_RETRY_AFTER, &wait) !=
	    CURLE_OK || wait < 0)
		return 0;
	return wait > 3600 ? 3600 : (unsigned)wait;
}

void
http_call_free(CURLM *multi, struct http_call **pcall)
{
	struct http_call *call = *pcall;

	if (call == NULL)
		return;
	netlib()->multi_remove_handle(multi, call->easy);
	netlib()->easy_cleanup(call->easy);
	netlib()->slist_free_all(call->headers);
	buf_free(&call->out);
	buf_free(&call->in);
	free(call);
	*pcall = NULL;
}

int
http_call_run(CURLM *multi, struct http_call *call, CURLcode *result)
{
	int running = 1;

	*result = CURLE_GOT_NOTHING;
	while (running) {
		CURLMsg *m;
		int left;

		if (netlib()->multi_perform(multi, &running) != CURLM_OK ||
		    (running && netlib()->multi_poll(multi, NULL, 0, 1000,
		    NULL) != CURLM_OK))
			return -1;
		while ((m = netlib()->multi_info_read(multi, &left)) != NULL)
			if (m->msg == CURLMSG_DONE && m->easy_handle == call->easy)
				*result = m->data.result;
	}
	return 0;
}

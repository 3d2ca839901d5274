/*
 * http.h - one protocol request over libcurl, driven by a multi handle.
 *
 * Peer and host verification are always on; there is no way to turn
 * them off. The body goes out compressed and the reply is inflated and
 * its header record checked before anyone reads it.
 */
#ifndef QT_SYNC_HTTP_H
#define QT_SYNC_HTTP_H

#include <curl/curl.h>

#include "sync/wire.h"

struct http_opts {
	const char	*cacert;	/* CA file, or NULL for the system's */
	const char	*pin;		/* CURLOPT_PINNEDPUBLICKEY, or NULL */
	const char	*token;		/* device credential, or NULL */
	int		 zstd;		/* compress as version 3, else zlib */
};

struct http_call;

/*
 * 1 for an https:// URL, 2 for plain http:// to this machine (a server
 * behind a local proxy, or a test), 0 for anything else: plain HTTP over
 * a network is never used.
 */
int	 http_url_allowed(const char *url);

/*
 * Starts POSTing plain (compressed on the way) to base_url + path on multi.
 * The caller owns the call; release with http_call_free().
 */
struct http_call *http_call_start(CURLM *multi, const char *base_url,
	    const char *path, const struct http_opts *o, const struct buf *plain);
/* The easy handle, to match curl_multi_info_read() messages. */
CURL	*http_call_easy(struct http_call *call);
/* Bytes sent and received so far. */
void	 http_call_bytes(struct http_call *call, int64_t *sent, int64_t *recv);
enum {
	HTTP_FAIL = -1,		/* trying again now will not help */
	HTTP_RETRY = -2,	/* the network or a busy server: later may */
};

/*
 * Finishes a call whose transfer ended with result. On success fills
 * *plain with the inflated reply, *hdr with its first record (of type
 * want_type) and *rd just after it, and returns 0. Otherwise returns
 * HTTP_FAIL or HTTP_RETRY and *err is a Vietnamese sentence the clerk
 * can act on (caller frees); *server_now is the server's clock when the
 * reply said it (else 0).
 *
 * Every call has a deadline: 30 s plus a second per 1000 bytes sent and
 * expected back (the reply's length once known), whatever the speed.
 */
int	 http_call_finish(struct http_call *call, CURLcode result,
	    const char *want_type, struct buf *plain, struct wire_record *hdr,
	    struct wire_reader *rd, int64_t *server_now, char **err);
/* The reply's Retry-After in seconds (at most an hour), 0 if none. */
unsigned http_call_retry_after(struct http_call *call);
void	 http_call_free(CURLM *multi, struct http_call **pcall);
/* Runs a call to completion on its own (for quantriet enroll). */
int	 http_call_run(CURLM *multi, struct http_call *call, CURLcode *result);

#endif

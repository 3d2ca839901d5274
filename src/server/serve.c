/*
 * serve.c - quantriet-server serve: the HTTPS front of the protocol.
 *
 * libmicrohttpd runs a pool of threads (--threads) for the network and
 * TLS, so a handshake never waits for another commune's batch. The
 * database has one connection, used by one request at a time (db_lock):
 * SQLite takes one writer anyway, and the server's work per request is
 * short. What would otherwise let a crowd or a stranger exhaust it is
 * bounded here, before the body is read: requests admitted at once
 * (--queue, SERVE_QUEUE) and the body bytes they may bring (SERVE_UPLOAD_TOTAL)
 * are answered 503 with Retry-After beyond the bound; connections per
 * address (--per-address) are refused beyond theirs; and every
 * connection has a deadline for its headers that a trickle does not
 * reset (src/server/guard.c).
 */
#include "config.h"

#include <arpa/inet.h>
#include <getopt.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "files.h"
#include "hlc.h"
#include "msg.h"
#include "optnum.h"
#include "server/srv.h"
#include "xmalloc.h"

#define SERVE_CONTENT_TYPE	"application/x-quantriet-sync"
/* What libmicrohttpd may hold per connection before the body (its default). */
#define SERVE_CONN_MEMORY	(32 * 1024)
/* Connections at once, all addresses together. */
#define SERVE_CONNECTIONS	512
/* Requests admitted at once (reading their body or waiting for the db). */
#define SERVE_QUEUE		64
#define SERVE_QUEUE_MAX		4096
/* Body bytes the admitted requests may bring, together. */
#define SERVE_UPLOAD_TOTAL	(32 * 1024 * 1024)
/* A body must arrive within this, plus a second per SERVE_BODY_RATE bytes. */
#define SERVE_BODY_MS		30000
#define SERVE_BODY_RATE		256
/* An idle connection is closed after this many seconds. */
#define SERVE_IDLE_SECONDS	120

struct serve {
	struct db	*db;
	pthread_mutex_t	 db_lock;	/* one request at a time on db */
	struct srv_guard guard;
	int64_t		 header_ms;	/* --header-timeout */
	unsigned	 queue;		/* --queue */
	int		 log;
	pthread_mutex_t	 lock;		/* everything below */
	struct srv_throttle throttle;
	unsigned long	 requests;	/* answered, for /v1/stats */
	unsigned long	 pushes;
	unsigned long	 pulls;
	unsigned long	 syncs;
	unsigned long	 busy;		/* answered 503 at admission */
	unsigned	 queued;	/* requests admitted, not yet answered */
	size_t		 reserved;	/* body bytes they may still bring */
	int64_t		 hlc;		/* server clock after the last request */
	int64_t		 work_ms;	/* time a request holds db, averaged */
};

enum serve_route {
	ROUTE_NONE, ROUTE_ENROLL, ROUTE_PUSH, ROUTE_PULL, ROUTE_SYNC
};

/* One request being received. */
struct serve_conn {
	enum serve_route	 route;
	struct srv_device	 dev;	/* push and pull: who, known from headers */
	size_t			 max;	/* body bytes accepted */
	size_t			 reserved;	/* counted in serve.reserved */
	int			 admitted;	/* counted in serve.queued */
	struct buf		 body;
	int			 too_big;
};

static enum MHD_Result
serve_send(struct MHD_Connection *c, int status, const void *data, size_t len,
    const char *type, unsigned retry_after)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(len,
	    (void *)data, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ret;
	char wait[24];

	if (type != NULL)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	if (retry_after > 0) {
		snprintf(wait, sizeof wait, "%u", retry_after);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, wait);
	}
	ret = MHD_queue_response(c, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Answers with r's body compressed, as every protocol reply is. */
static enum MHD_Result
serve_reply(struct MHD_Connection *c, struct srv_reply *r)
{
	struct buf z = { 0 };
	enum MHD_Result ret;

	/*
	 * A reply to version 3 is zstd and names no type (its first bytes
	 * do; 44 bytes less of a no-op sync's 1.5 KB); before, as it was.
	 */
	if (r->version >= 3)
		wire_zstd(r->body.data, r->body.len, &z);
	else
		wire_deflate(r->body.data, r->body.len, &z);
	ret = serve_send(c, r->status, z.data, z.len, r->version >= 3 ? NULL :
	    SERVE_CONTENT_TYPE, r->retry_after);
	buf_free(&z);
	return ret;
}

static void
serve_stats(struct serve *s, struct MHD_Connection *c)
{
	char text[256];

	pthread_mutex_lock(&s->lock);
	s->requests++;
	snprintf(text, sizeof text, "requests %lu\npush %lu\npull %lu\n"
	    "sync %lu\nbusy %lu\ncut %lu\nqueued %u\n", s->requests, s->pushes,
	    s->pulls, s->syncs, s->busy, srv_guard_cut(&s->guard), s->queued);
	pthread_mutex_unlock(&s->lock);
	serve_send(c, 200, text, strlen(text), "text/plain; charset=utf-8", 0);
}

/* An error reply made without the database (its clock as last seen). */
static void
serve_error(struct serve *s, struct srv_reply *r, int status, const char *code,
    const char *message)
{
	int64_t hlc;

	pthread_mutex_lock(&s->lock);
	hlc = s->hlc;
	pthread_mutex_unlock(&s->lock);
	srv_reply_fail(r, hlc, status, code, message);
}

/*
 * Counts the request among those admitted, with the body bytes it may
 * bring; -1 with a 503 when either bound is reached. Retry-After is the
 * time the queue ahead should take, at least a second.
 */
static int
serve_enqueue(struct serve *s, struct serve_conn *sc, size_t len,
    struct srv_reply *r)
{
	unsigned wait = 0;

	pthread_mutex_lock(&s->lock);
	if (s->queued >= s->queue || s->reserved + len > SERVE_UPLOAD_TOTAL) {
		s->busy++;
		wait = (unsigned)(1 + s->queued * s->work_ms / 1000);
	} else {
		s->queued++;
		s->reserved += len;
		sc->admitted = 1;
		sc->reserved = len;
	}
	pthread_mutex_unlock(&s->lock);
	if (wait == 0)
		return 0;
	serve_error(s, r, 503, "busy", "Máy chủ tỉnh đang bận vì nhiều nơi "
	    "cùng đồng bộ; dữ liệu không mất, hãy đồng bộ lại sau ít phút");
	r->retry_after = wait > 120 ? 120 : wait;
	return -1;
}

/*
 * Everything that can be decided from the request line and the headers,
 * before a byte of the body is read: the method, the address, the
 * credential, the enrolment throttle, the declared length, the room
 * left. Returns 0 to read the body, or -1 with r filled in to answer at
 * once.
 */
static int
serve_admit(struct serve *s, struct MHD_Connection *c, const char *url,
    const char *method, struct serve_conn *sc, struct srv_reply *r)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	unsigned long long len;
	unsigned wait;
	int rc;

	sc->max = WIRE_MAX_BODY;
	if (strcmp(url, "/v1/enroll") == 0)
		sc->route = ROUTE_ENROLL;
	else if (strcmp(url, "/v1/push") == 0)
		sc->route = ROUTE_PUSH;
	else if (strcmp(url, "/v1/pull") == 0)
		sc->route = ROUTE_PULL;
	else if (strcmp(url, "/v1/sync") == 0)
		sc->route = ROUTE_SYNC;
	if (strcmp(method, "POST") != 0) {
		serve_error(s, r, 405, "bad-request", "Chỉ nhận POST");
		return -1;
	}
	if (sc->route == ROUTE_NONE) {
		serve_error(s, r, 404, "not-found", "Địa chỉ không có "
		    "trên máy chủ tỉnh: kiểm tra lại địa chỉ máy chủ");
		return -1;
	}
	if (sc->route == ROUTE_ENROLL) {
		pthread_mutex_lock(&s->lock);
		wait = srv_throttle_wait(&s->throttle,
		    ci != NULL ? ci->client_addr : NULL, time(NULL));
		pthread_mutex_unlock(&s->lock);
		if (wait > 0) {
			serve_error(s, r, 429, "busy", "Đã nhập sai mã "
			    "đăng ký quá nhiều lần: hãy chờ ít phút rồi thử lại");
			r->retry_after = wait;
			return -1;
		}
		sc->max = SRV_ENROLL_MAX_BODY;
	}
	len = length != NULL ? strtoull(length, NULL, 10) : sc->max;
	if (len > sc->max) {
		serve_error(s, r, 413, "too-large", "Gói dữ liệu quá lớn "
		    "so với giới hạn của máy chủ tỉnh");
		return -1;
	}
	if (serve_enqueue(s, sc, (size_t)len, r) != 0)
		return -1;
	if (sc->route == ROUTE_ENROLL)
		return 0;
	pthread_mutex_lock(&s->db_lock);
	rc = srv_authenticate(s->db, MHD_lookup_connection_value(c,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION), &sc->dev, r);
	pthread_mutex_unlock(&s->db_lock);
	return rc;
}

/* Inflates the body and hands it to its handler; s->db_lock held. */
static void
serve_handle(struct serve *s, struct serve_conn *sc, struct srv_reply *r)
{
	struct buf plain = { 0 };
	struct wire_reader rd;

	if (sc->too_big) {
		srv_reply_error(s->db, r, 413, "too-large", "Gói dữ liệu quá lớn "
		    "so với giới hạn của máy chủ tỉnh");
	} else if (wire_inflate(sc->body.data, sc->body.len, &plain,
	    sc->route == ROUTE_ENROLL ? SRV_ENROLL_MAX_PLAIN :
	    WIRE_MAX_PLAIN) != 0) {
		srv_reply_error(s->db, r, 400, "bad-request", "Nội dung gửi lên "
		    "không giải nén được hoặc quá lớn");
	} else {
		wire_reader_init(&rd, plain.data, plain.len);
		if (sc->route == ROUTE_ENROLL)
			srv_enroll(s->db, &rd, r);
		else if (sc->route == ROUTE_PUSH)
			srv_push(s->db, &sc->dev, &rd, r);
		else if (sc->route == ROUTE_PULL)
			srv_pull(s->db, &sc->dev, &rd, r);
		else
			srv_sync(s->db, &sc->dev, &rd, r);
	}
	buf_free(&plain);
}

/*
 * Runs a complete, admitted request on the database, then counts it; a
 * failed enrolment counts against its address.
 */
static void
serve_route(struct serve *s, struct MHD_Connection *c, struct serve_conn *sc,
    struct srv_reply *r)
{
	const union MHD_ConnectionInfo *ci;
	int64_t started, hlc;

	pthread_mutex_lock(&s->db_lock);
	started = hlc_mono_ms();
	serve_handle(s, sc, r);
	hlc = srv_clock(s->db);
	pthread_mutex_unlock(&s->db_lock);
	pthread_mutex_lock(&s->lock);
	s->hlc = hlc;
	/* An average that follows the last few dozen requests. */
	s->work_ms += (hlc_mono_ms() - started - s->work_ms) / 16;
	if (sc->route == ROUTE_PUSH)
		s->pushes++;
	else if (sc->route == ROUTE_PULL)
		s->pulls++;
	else if (sc->route == ROUTE_SYNC)
		s->syncs++;
	else if (r->status != 200) {
		ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		srv_throttle_fail(&s->throttle, ci != NULL ? ci->client_addr :
		    NULL, time(NULL));
	}
	pthread_mutex_unlock(&s->lock);
}

/* Answers r, and logs the request if asked to. */
static enum MHD_Result
serve_answer(struct serve *s, struct MHD_Connection *c, const char *url,
    const char *method, struct serve_conn *sc, struct srv_reply *r)
{
	enum MHD_Result ret;

	pthread_mutex_lock(&s->lock);
	s->requests++;
	pthread_mutex_unlock(&s->lock);
	if (s->log) {
		/* The URL is the client's: printed through the sanitiser. */
		char *line = xasprintf("quantriet-server: %s %s %d %zu\n",
		    method, url, r->status, sc->body.len);

		msg_put(stderr, line);
		free(line);
	}
	ret = serve_reply(c, r);
	buf_free(&r->body);
	return ret;
}

/* The deadline of the connection c belongs to. */
static struct srv_guard_conn *
serve_guarded(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci != NULL ? ci->socket_context : NULL;
}

static enum MHD_Result
serve_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct serve *s = cls;
	struct serve_conn *sc = *con_cls;
	struct srv_reply r = { 0 };

	if (sc == NULL) {
		*con_cls = sc = xcalloc(1, sizeof *sc);
		if (strcmp(url, "/v1/stats") == 0) {
			serve_stats(s, c);
			return MHD_YES;
		}
		/* Refused before the body is read, not after. */
		if (serve_admit(s, c, url, method, sc, &r) == 0) {
			srv_guard_arm(&s->guard, serve_guarded(c), SERVE_BODY_MS +
			    (int64_t)sc->reserved * 1000 / SERVE_BODY_RATE);
			return MHD_YES;
		}
		return serve_answer(s, c, url, method, sc, &r);
	}
	if (*upload_size > 0) {
		if (sc->body.len + *upload_size > sc->max) {
			sc->too_big = 1;
			buf_free(&sc->body);
		} else if (!sc->too_big)
			buf_add(&sc->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	srv_guard_arm(&s->guard, serve_guarded(c), 0);
	serve_route(s, c, sc, &r);
	return serve_answer(s, c, url, method, sc, &r);
}

/* A request is over: its room is free, the next must come in time. */
static void
serve_completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct serve *s = cls;
	struct serve_conn *sc = *con_cls;

	if (sc == NULL)
		return;
	if (sc->admitted) {
		pthread_mutex_lock(&s->lock);
		s->queued--;
		s->reserved -= sc->reserved;
		pthread_mutex_unlock(&s->lock);
	}
	buf_free(&sc->body);
	free(sc);
	*con_cls = NULL;
	srv_guard_arm(&s->guard, serve_guarded(c), s->header_ms);
}

/* Each connection has a deadline from the moment it is accepted. */
static void
serve_connection(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode code)
{
	struct serve *s = cls;
	const union MHD_ConnectionInfo *ci;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		if (ci != NULL)
			*socket_context = srv_guard_open(&s->guard,
			    ci->connect_fd, s->header_ms);
	} else
		srv_guard_close(&s->guard,
		    (struct srv_guard_conn **)socket_context);
}

/* Reads a whole PEM file; NULL after printing why. Caller frees. */
static char *
serve_read_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	struct buf b = { 0 };
	char chunk[4096];
	size_t n;

	if (fp == NULL) {
		msg_error("không đọc được %s", path);
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	if (b.data == NULL)
		buf_add(&b, "", 0);
	return b.data;
}

static int
serve_write_port(const char *path, unsigned port)
{
	char text[16];
	int n = snprintf(text, sizeof text, "%u\n", port);

	if (files_write(path, text, (size_t)n) == 0)
		return 0;
	msg_error("không ghi được %s", path);
	return -1;
}

static void
serve_usage(void)
{
	msg_put(stderr, "Cách dùng: quantriet-server serve --db TỆP "
	    "(--cert TỆP --key TỆP | --insecure-http) [--listen ĐỊA_CHỈ] "
	    "[--port SỐ] [--port-file TỆP] [--threads SỐ] [--per-address SỐ] "
	    "[--header-timeout GIÂY] [--queue SỐ] [--log]\n");
}

struct serve_opts {
	const char	*db, *cert, *key, *listen, *port_file;
	int		 port, insecure, log;
	int		 threads;	/* network and TLS */
	int		 per_address;	/* connections from one address */
	int		 header_timeout;	/* seconds to the end of the headers */
	int		 queue;		/* requests admitted at once */
};

static int
serve_parse(int argc, char **argv, struct serve_opts *o)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "cert", required_argument, NULL, 'c' },
		{ "key", required_argument, NULL, 'k' },
		{ "listen", required_argument, NULL, 'l' },
		{ "port", required_argument, NULL, 'p' },
		{ "port-file", required_argument, NULL, 'f' },
		{ "insecure-http", no_argument, NULL, 'i' },
		{ "log", no_argument, NULL, 'v' },
		{ "threads", required_argument, NULL, 't' },
		{ "per-address", required_argument, NULL, 'a' },
		{ "header-timeout", required_argument, NULL, 'H' },
		{ "queue", required_argument, NULL, 'Q' },
		{ NULL, 0, NULL, 0 },
	};
	int ch, bad = 0;

	memset(o, 0, sizeof *o);
	o->port = 8443;
	o->threads = 8;
	o->per_address = 32;
	o->header_timeout = 15;
	o->queue = SERVE_QUEUE;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o->db = optarg; break;
		case 'c': o->cert = optarg; break;
		case 'k': o->key = optarg; break;
		case 'l': o->listen = optarg; break;
		case 'p': bad |= optnum_int(optarg, 0, 65535, &o->port); break;
		case 'f': o->port_file = optarg; break;
		case 'i': o->insecure = 1; break;
		case 'v': o->log = 1; break;
		case 't': bad |= optnum_int(optarg, 1, 64, &o->threads); break;
		case 'a':
			bad |= optnum_int(optarg, 1, SERVE_CONNECTIONS, &o->per_address);
			break;
		case 'H':
			bad |= optnum_int(optarg, 1, SERVE_IDLE_SECONDS,
			    &o->header_timeout);
			break;
		case 'Q': bad |= optnum_int(optarg, 1, SERVE_QUEUE_MAX, &o->queue); break;
		default: return -1;
		}
	}
	if (o->db == NULL || optind != argc || bad ||
	    (o->insecure ? o->cert != NULL || o->key != NULL :
	    o->cert == NULL || o->key == NULL))
		return -1;
	if (o->listen == NULL)
		o->listen = o->insecure ? "127.0.0.1" : "0.0.0.0";
	return 0;
}

/* Waits for SIGINT or SIGTERM, which the caller has blocked. */
static void
serve_wait(void)
{
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigwait(&set, &sig);
}

/* Opens the database and readies what the threads share; -1 after saying why. */
static int
serve_open(struct serve *s, const struct serve_opts *o)
{
	char *err;

	if ((s->db = db_open(o->db, DB_OPEN_CREATE, &err)) == NULL) {
		msg_error("%s", err);
		free(err);
		return -1;
	}
	/* Rows stored here are not a local outbox: keep the triggers quiet. */
	if (db_exec(s->db, "INSERT OR IGNORE INTO sync_mute VALUES (1)") != 0) {
		msg_error("%s", db_error(s->db));
		return -1;
	}
	s->hlc = srv_clock(s->db);
	s->log = o->log;
	s->header_ms = (int64_t)o->header_timeout * 1000;
	s->queue = (unsigned)o->queue;
	if (srv_guard_start(&s->guard) != 0) {
		msg_error("không tạo được luồng canh kết nối");
		return -1;
	}
	return 0;
}

static struct MHD_Daemon *
serve_start(struct serve *s, const struct serve_opts *o,
    const struct sockaddr_in *sin, const char *cert, const char *key)
{
	/* epoll on Linux, poll elsewhere: not select's 1024 descriptors. */
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
	    MHD_USE_ERROR_LOG | (o->insecure ? 0 : MHD_USE_TLS);

	return MHD_start_daemon(flags, 0, NULL, NULL, serve_request, s,
	    MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)sin,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads,
	    MHD_OPTION_NOTIFY_COMPLETED, serve_completed, s,
	    MHD_OPTION_NOTIFY_CONNECTION, serve_connection, s,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_IDLE_SECONDS,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_CONNECTIONS,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)o->per_address,
	    /* Request line and headers; a body is never kept here. */
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_CONN_MEMORY,
	    /* Plain HTTP ends the list before the TLS options. */
	    o->insecure ? MHD_OPTION_END : MHD_OPTION_HTTPS_MEM_CERT, cert,
	    MHD_OPTION_HTTPS_MEM_KEY, key,
	    MHD_OPTION_END);
}

int
srv_serve(int argc, char **argv)
{
	struct serve s;
	struct serve_opts o;
	struct sockaddr_in sin;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	char *cert = NULL, *key = NULL;
	sigset_t set;
	int rc = 1, guarded = 0;

	if (serve_parse(argc, argv, &o) != 0) {
		serve_usage();
		return 2;
	}
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)o.port);
	if (inet_pton(AF_INET, o.listen, &sin.sin_addr) != 1) {
		msg_error("địa chỉ nghe không hợp lệ: %s", o.listen);
		return 2;
	}
	memset(&s, 0, sizeof s);
	pthread_mutex_init(&s.db_lock, NULL);
	pthread_mutex_init(&s.lock, NULL);
	if (!o.insecure) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			msg_error("libmicrohttpd được dựng không có TLS");
			goto out;
		}
		if ((cert = serve_read_file(o.cert)) == NULL ||
		    (key = serve_read_file(o.key)) == NULL)
			goto out;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	/* Blocked before any thread starts, so every thread inherits it. */
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (serve_open(&s, &o) != 0)
		goto out;
	guarded = 1;
	if ((d = serve_start(&s, &o, &sin, cert, key)) == NULL) {
		msg_error("không mở được cổng %s:%d (cổng đang dùng, hoặc "
		    "chứng chỉ/khóa không hợp lệ)", o.listen, o.port);
		goto out;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (o.port_file == NULL ||
	    serve_write_port(o.port_file, info->port) == 0) {
		serve_wait();
		rc = 0;
	}
	MHD_stop_daemon(d);
out:
	if (guarded)
		srv_guard_stop(&s.guard);
	db_close(&s.db);
	pthread_mutex_destroy(&s.lock);
	pthread_mutex_destroy(&s.db_lock);
	free(cert);
	free(key);
	return rc;
}

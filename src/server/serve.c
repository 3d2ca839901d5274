/*
 * serve.c - quantriet-server serve: the HTTPS front of the protocol.
 *
 * libmicrohttpd runs one internal thread that answers every request, so
 * the database connection is only ever used from that thread. Bodies are
 * collected up to WIRE_MAX_BODY and refused beyond it.
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
#include "msg.h"
#include "server/srv.h"
#include "xmalloc.h"

#define SERVE_CONTENT_TYPE	"application/x-quantriet-sync"
/* What libmicrohttpd may hold per connection before the body (its default). */
#define SERVE_CONN_MEMORY	(32 * 1024)

struct serve {
	struct db	*db;
	struct srv_throttle throttle;
	unsigned long	 requests;	/* answered, for /v1/stats */
	unsigned long	 pushes;
	unsigned long	 pulls;
	int		 log;
};

enum serve_route { ROUTE_NONE, ROUTE_ENROLL, ROUTE_PUSH, ROUTE_PULL };

/* One request being received. */
struct serve_conn {
	enum serve_route	 route;
	struct srv_device	 dev;	/* push and pull: who, known from headers */
	size_t			 max;	/* body bytes accepted */
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

	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
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

	wire_deflate(r->body.data, r->body.len, &z);
	ret = serve_send(c, r->status, z.data, z.len, SERVE_CONTENT_TYPE,
	    r->retry_after);
	buf_free(&z);
	return ret;
}

static void
serve_stats(struct serve *s, struct MHD_Connection *c)
{
	char text[256];

	snprintf(text, sizeof text, "requests %lu\npush %lu\npull %lu\n",
	    s->requests, s->pushes, s->pulls);
	serve_send(c, 200, text, strlen(text), "text/plain; charset=utf-8", 0);
}

/*
 * Everything that can be decided from the request line and the headers,
 * before a byte of the body is read: the method, the address, the
 * credential, the enrolment throttle, the declared length. Returns 0 to
 * read the body, or -1 with r filled in to answer at once.
 */
static int
serve_admit(struct serve *s, struct MHD_Connection *c, const char *url,
    const char *method, struct serve_conn *sc, struct srv_reply *r)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);

	sc->max = WIRE_MAX_BODY;
	if (strcmp(url, "/v1/enroll") == 0)
		sc->route = ROUTE_ENROLL;
	else if (strcmp(url, "/v1/push") == 0)
		sc->route = ROUTE_PUSH;
	else if (strcmp(url, "/v1/pull") == 0)
		sc->route = ROUTE_PULL;
	if (strcmp(method, "POST") != 0) {
		srv_reply_error(s->db, r, 405, "bad-request", "Chỉ nhận POST");
		return -1;
	}
	if (sc->route == ROUTE_NONE) {
		srv_reply_error(s->db, r, 404, "not-found", "Địa chỉ không có "
		    "trên máy chủ tỉnh: kiểm tra lại địa chỉ máy chủ");
		return -1;
	}
	if (sc->route == ROUTE_ENROLL) {
		unsigned wait = srv_throttle_wait(&s->throttle,
		    ci != NULL ? ci->client_addr : NULL, time(NULL));

		if (wait > 0) {
			srv_reply_error(s->db, r, 429, "busy", "Đã nhập sai mã "
			    "đăng ký quá nhiều lần: hãy chờ ít phút rồi thử lại");
			r->retry_after = wait;
			return -1;
		}
		sc->max = SRV_ENROLL_MAX_BODY;
	} else if (srv_authenticate(s->db, MHD_lookup_connection_value(c,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION), &sc->dev, r) != 0)
		return -1;
	if (length != NULL && strtoull(length, NULL, 10) > sc->max) {
		srv_reply_error(s->db, r, 413, "too-large", "Gói dữ liệu quá lớn "
		    "so với giới hạn của máy chủ tỉnh");
		return -1;
	}
	return 0;
}

/* Dispatches a complete, admitted request to its handler. */
static void
serve_route(struct serve *s, struct MHD_Connection *c, struct serve_conn *sc,
    struct srv_reply *r)
{
	const union MHD_ConnectionInfo *ci;
	struct buf plain = { 0 };
	struct wire_reader rd;

	if (sc->too_big) {
		srv_reply_error(s->db, r, 413, "too-large", "Gói dữ liệu quá lớn "
		    "so với giới hạn của máy chủ tỉnh");
	} else if (wire_inflate(sc->body.data, sc->body.len, &plain) != 0) {
		srv_reply_error(s->db, r, 400, "bad-request", "Nội dung gửi lên "
		    "không giải nén được hoặc quá lớn");
	} else {
		rd.p = plain.data;
		rd.end = plain.data + plain.len;
		if (sc->route == ROUTE_ENROLL)
			srv_enroll(s->db, &rd, r);
		else if (sc->route == ROUTE_PUSH) {
			s->pushes++;
			srv_push(s->db, &sc->dev, &rd, r);
		} else {
			s->pulls++;
			srv_pull(s->db, &sc->dev, &rd, r);
		}
	}
	buf_free(&plain);
	if (sc->route == ROUTE_ENROLL && r->status != 200) {
		ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		srv_throttle_fail(&s->throttle, ci != NULL ? ci->client_addr :
		    NULL, time(NULL));
	}
}

/* Answers r, and logs the request if asked to. */
static enum MHD_Result
serve_answer(struct serve *s, struct MHD_Connection *c, const char *url,
    const char *method, struct serve_conn *sc, struct srv_reply *r)
{
	enum MHD_Result ret;

	s->requests++;
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
			s->requests++;
			serve_stats(s, c);
			return MHD_YES;
		}
		/* Refused before the body is read, not after. */
		if (serve_admit(s, c, url, method, sc, &r) == 0)
			return MHD_YES;
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
	serve_route(s, c, sc, &r);
	return serve_answer(s, c, url, method, sc, &r);
}

static void
serve_completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct serve_conn *sc = *con_cls;

	if (sc != NULL) {
		buf_free(&sc->body);
		free(sc);
		*con_cls = NULL;
	}
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
	    "[--port SỐ] [--port-file TỆP] [--log]\n");
}

struct serve_opts {
	const char	*db, *cert, *key, *listen, *port_file;
	int		 port, insecure, log;
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
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	memset(o, 0, sizeof *o);
	o->port = 8443;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o->db = optarg; break;
		case 'c': o->cert = optarg; break;
		case 'k': o->key = optarg; break;
		case 'l': o->listen = optarg; break;
		case 'p': o->port = atoi(optarg); break;
		case 'f': o->port_file = optarg; break;
		case 'i': o->insecure = 1; break;
		case 'v': o->log = 1; break;
		default: return -1;
		}
	}
	if (o->db == NULL || optind != argc || o->port < 0 || o->port > 65535 ||
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

int
srv_serve(int argc, char **argv)
{
	struct serve s = { 0 };
	struct serve_opts o;
	struct sockaddr_in sin;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	char *cert = NULL, *key = NULL, *err;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	sigset_t set;
	int rc = 1;

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
	if (!o.insecure) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			msg_error("libmicrohttpd được dựng không có TLS");
			return 1;
		}
		if ((cert = serve_read_file(o.cert)) == NULL ||
		    (key = serve_read_file(o.key)) == NULL)
			goto out;
		flags |= MHD_USE_TLS;
	}
	if ((s.db = db_open(o.db, DB_OPEN_CREATE, &err)) == NULL) {
		msg_error("%s", err);
		free(err);
		goto out;
	}
	/* Rows stored here are not a local outbox: keep the triggers quiet. */
	if (db_exec(s.db, "INSERT OR IGNORE INTO sync_mute VALUES (1)") != 0) {
		msg_error("%s", db_error(s.db));
		goto out;
	}
	s.log = o.log;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(flags, 0, NULL, NULL, serve_request, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
	    MHD_OPTION_NOTIFY_COMPLETED, serve_completed, NULL,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)200,
	    /* Request line and headers; a body is never kept here. */
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_CONN_MEMORY,
	    /* Plain HTTP ends the list before the TLS options. */
	    o.insecure ? MHD_OPTION_END : MHD_OPTION_HTTPS_MEM_CERT, cert,
	    MHD_OPTION_HTTPS_MEM_KEY, key,
	    MHD_OPTION_END);
	if (d == NULL) {
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
	db_close(&s.db);
	free(cert);
	free(key);
	return rc;
}

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
#include <unistd.h>

#include "db.h"
#include "files.h"
#include "msg.h"
#include "server/srv.h"
#include "xmalloc.h"

#define SERVE_CONTENT_TYPE	"application/x-quantriet-sync"

struct serve {
	struct db	*db;
	unsigned long	 requests;	/* answered, for /v1/stats */
	unsigned long	 pushes;
	unsigned long	 pulls;
	int		 log;
};

/* One request being received. */
struct serve_conn {
	struct buf	body;
	int		too_big;
};

static enum MHD_Result
serve_send(struct MHD_Connection *c, int status, const void *data, size_t len,
    const char *type)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(len,
	    (void *)data, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ret;

	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
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
	ret = serve_send(c, r->status, z.data, z.len, SERVE_CONTENT_TYPE);
	buf_free(&z);
	return ret;
}

static void
serve_stats(struct serve *s, struct MHD_Connection *c)
{
	char text[256];

	snprintf(text, sizeof text, "requests %lu\npush %lu\npull %lu\n",
	    s->requests, s->pushes, s->pulls);
	serve_send(c, 200, text, strlen(text), "text/plain; charset=utf-8");
}

/* Dispatches a complete request to its handler. */
static void
serve_route(struct serve *s, struct MHD_Connection *c, const char *url,
    const char *method, struct serve_conn *sc, struct srv_reply *r)
{
	struct buf plain = { 0 };
	struct wire_reader rd;
	struct srv_device dev;
	const char *auth;

	if (strcmp(method, "POST") != 0) {
		srv_reply_error(s->db, r, 405, "bad-request", "Chỉ nhận POST");
		return;
	}
	if (sc->too_big) {
		srv_reply_error(s->db, r, 413, "too-large", "Gói dữ liệu quá lớn "
		    "so với giới hạn của máy chủ tỉnh");
		return;
	}
	if (wire_inflate(sc->body.data, sc->body.len, &plain) != 0) {
		srv_reply_error(s->db, r, 400, "bad-request", "Nội dung gửi lên "
		    "không giải nén được hoặc quá lớn");
		buf_free(&plain);
		return;
	}
	rd.p = plain.data;
	rd.end = plain.data + plain.len;
	auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_AUTHORIZATION);
	if (strcmp(url, "/v1/enroll") == 0)
		srv_enroll(s->db, &rd, r);
	else if (strcmp(url, "/v1/push") == 0) {
		s->pushes++;
		if (srv_authenticate(s->db, auth, &dev, r) == 0)
			srv_push(s->db, &dev, &rd, r);
	} else if (strcmp(url, "/v1/pull") == 0) {
		s->pulls++;
		if (srv_authenticate(s->db, auth, &dev, r) == 0)
			srv_pull(s->db, &dev, &rd, r);
	} else
		srv_reply_error(s->db, r, 404, "not-found", "Địa chỉ không có "
		    "trên máy chủ tỉnh: kiểm tra lại địa chỉ máy chủ");
	buf_free(&plain);
}

static enum MHD_Result
serve_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct serve *s = cls;
	struct serve_conn *sc = *con_cls;
	struct srv_reply r = { 0, { 0 } };
	enum MHD_Result ret;

	if (sc == NULL) {
		const char *length = MHD_lookup_connection_value(c,
		    MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);

		*con_cls = sc = xcalloc(1, sizeof *sc);
		/* Refused before the body is read, not after. */
		if (length == NULL || strtoull(length, NULL, 10) <= WIRE_MAX_BODY)
			return MHD_YES;
		sc->too_big = 1;
		s->requests++;
		serve_route(s, c, url, method, sc, &r);
		ret = serve_reply(c, &r);
		buf_free(&r.body);
		return ret;
	}
	if (*upload_size > 0) {
		if (sc->body.len + *upload_size > WIRE_MAX_BODY) {
			sc->too_big = 1;
			buf_free(&sc->body);
		} else if (!sc->too_big)
			buf_add(&sc->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	s->requests++;
	if (strcmp(url, "/v1/stats") == 0) {
		serve_stats(s, c);
		return MHD_YES;
	}
	serve_route(s, c, url, method, sc, &r);
	if (s->log) {
		/* The URL is the client's: printed through the sanitiser. */
		char *line = xasprintf("quantriet-server: %s %s %d %zu\n",
		    method, url, r.status, sc->body.len);

		msg_put(stderr, line);
		free(line);
	}
	ret = serve_reply(c, &r);
	buf_free(&r.body);
	return ret;
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

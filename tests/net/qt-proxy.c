/*
 * qt-proxy.c - loopback TCP forwarder that makes links bad, for the tests.
 *
 * One thread, one poll() loop.  Every connection has two directions (up:
 * client to target, down: target to client); each is a queue of chunks
 * stamped with the time they may leave (--latency-ms), drained through a
 * token bucket (--rate-bps).  A cut resets both sockets (SO_LINGER 0) once
 * the connection's byte budget is spent, which is what a dropped link looks
 * like to the programs at both ends.
 *
 * Only loopback addresses are accepted, so a test can never reach out of
 * the machine.  --echo and --connect turn the same engine into an echo
 * server and a netcat-like client, so the self-test needs nothing else.
 * See tests/net/README.md.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONN	64
#define QUEUE_MAX	(64 * 1024)	/* bytes held per direction */
#define READ_MAX	(16 * 1024)

/* Bytes read from one side, waiting until DUE to go out the other. */
struct chunk {
	struct chunk	*next;
	uint64_t	 due;		/* monotonic microseconds */
	size_t		 off;
	size_t		 len;
	char		 data[];
};

struct dir {
	int		 from;
	int		 to;
	struct chunk	*head;
	struct chunk	*tail;
	size_t		 queued;
	int		 eof;		/* FROM said end of file */
	int		 done;		/* drained, and TO was told */
	uint64_t	 passed;	/* bytes delivered to TO */
	double		 tokens;	/* bytes the rate allows now */
	uint64_t	 refilled;	/* when TOKENS was last topped up */
};

struct conn {
	int		 used;
	unsigned	 id;
	int		 sock[2];	/* sockets we own, -1 for none */
	struct dir	 dir[2];	/* 0 up, 1 down */
	uint64_t	 cut;		/* total bytes before a reset, 0 never */
};

enum how { CLOSE_OK, CLOSE_ERROR, CLOSE_CUT };
enum mode { MODE_NONE, MODE_PROXY, MODE_ECHO, MODE_CLIENT };

static struct {
	enum mode		 mode;
	struct sockaddr_storage	 peer;		/* --target or --connect */
	socklen_t		 peerlen;
	struct sockaddr_storage	 bind;
	socklen_t		 bindlen;
	const char		*port_file;
	const char		*stats_file;
	uint64_t		 cut_after;
	uint64_t		 cut_max;
	int			 cut_random;
	double			 rate;		/* bytes per second, 0 none */
	double			 burst;		/* token bucket size */
	uint64_t		 latency;	/* microseconds */
	uint64_t		 max_seconds;
} opt;

static struct conn		 conns[MAX_CONN];
static unsigned			 conns_seen;
static int			 listen_fd = -1;
static int			 wake_pipe[2] = { -1, -1 };
static volatile sig_atomic_t	 stopping;
static uint64_t			 rng_state;
static int			 exit_status;

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list	ap;

	fputs("qt-proxy: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void __attribute__((format(printf, 1, 2)))
say(const char *fmt, ...)
{
	va_list	ap;

	fputs("qt-proxy: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr,
	    "usage: qt-proxy --target ADDR:PORT --port-file FILE [options]\n"
	    "       qt-proxy --echo --port-file FILE [options]\n"
	    "       qt-proxy --connect ADDR:PORT  (stdin to socket to stdout)\n"
	    "options: --listen-addr ADDR --listen-port P --cut-after BYTES\n"
	    "         --cut-random SEED --cut-max BYTES --rate-bps BITS\n"
	    "         --latency-ms MS --stats-file FILE --max-seconds N\n"
	    "ADDR must be loopback: 127.0.0.0/8, ::1 or localhost;\n"
	    "write IPv6 as [::1]:PORT.\n");
	exit(2);
}

static uint64_t
now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

/* splitmix64: tiny, and the same sequence everywhere, so cuts repeat. */
static uint64_t
rng_next(void)
{
	uint64_t	z;

	z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [1, max]; the top values that would bias the modulo are redrawn. */
static uint64_t
rng_range(uint64_t max)
{
	uint64_t	limit = UINT64_MAX - UINT64_MAX % max, r;

	do
		r = rng_next();
	while (r >= limit);
	return 1 + r % max;
}

static uint64_t
number(const char *s, const char *what, uint64_t min, uint64_t max)
{
	unsigned long long	 v;
	char			*end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (s[0] < '0' || s[0] > '9' || *end != '\0' || errno != 0 ||
	    v < min || v > max)
		die("%s: bad %s (want %llu to %llu)", s, what,
		    (unsigned long long)min, (unsigned long long)max);
	return v;
}

/*
 * Fills SS with HOST and PORT if HOST is a numeric loopback address (or
 * "localhost", taken as 127.0.0.1 so no resolver is involved).  The check
 * is the point of the tool: a test must not be able to talk to the world.
 */
static void
loopback(const char *host, unsigned port, struct sockaddr_storage *ss,
    socklen_t *len)
{
	struct sockaddr_in	*sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6	*sin6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof *ss);
	if (strcmp(host, "localhost") == 0)
		host = "127.0.0.1";
	if (inet_pton(AF_INET, host, &sin->sin_addr) == 1) {
		if ((ntohl(sin->sin_addr.s_addr) >> 24) != 127)
			die("%s: refused, not a loopback address", host);
		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		*len = sizeof *sin;
	} else if (inet_pton(AF_INET6, host, &sin6->sin6_addr) == 1) {
		if (!IN6_IS_ADDR_LOOPBACK(&sin6->sin6_addr))
			die("%s: refused, not a loopback address", host);
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(port);
		*len = sizeof *sin6;
	} else
		die("%s: refused, not a numeric loopback address", host);
}

/* ADDR:PORT or [ADDR]:PORT. */
static void
loopback_port(const char *arg, struct sockaddr_storage *ss, socklen_t *len)
{
	char		*host, *colon;
	unsigned	 port;

	if ((host = strdup(arg)) == NULL)
		die("out of memory");
	if ((colon = strrchr(host, ':')) == NULL)
		die("%s: want ADDR:PORT", arg);
	*colon = '\0';
	port = number(colon + 1, "port", 1, 65535);
	if (host[0] == '[' && colon > host + 1 && colon[-1] == ']') {
		colon[-1] = '\0';
		loopback(host + 1, port, ss, len);
	} else
		loopback(host, port, ss, len);
	free(host);
}

static void
set_nonblock(int fd)
{
	int	flags = fcntl(fd, F_GETFL);

	if (flags == -1 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) == -1)
		die("fcntl: %s", strerror(errno));
}

/* Small writes are the point of --rate-bps: Nagle must not batch them. */
static void
set_nodelay(int fd)
{
	int	on = 1;

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

static void
on_signal(int sig)
{
	int	saved = errno;

	(void)sig;
	stopping = 1;
	/* Wakes poll() even if the signal came just before it was entered. */
	if (write(wake_pipe[1], "", 1) == -1) {
		/* full: poll() will wake anyway */
	}
	errno = saved;
}

/* Written to a temporary name and renamed so a reader never sees half. */
static void
write_port_file(unsigned port)
{
	char	 tmp[4096];
	FILE	*f;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.%ld.tmp", opt.port_file,
	    (long)getpid()) >= sizeof tmp)
		die("%s: path too long", opt.port_file);
	if ((f = fopen(tmp, "w")) == NULL)
		die("%s: %s", tmp, strerror(errno));
	fprintf(f, "%u\n", port);
	if (fclose(f) != 0 || rename(tmp, opt.port_file) != 0)
		die("%s: %s", opt.port_file, strerror(errno));
}

static void
stats_line(const struct conn *c, enum how how)
{
	FILE	*f;

	if (opt.stats_file == NULL)
		return;
	if ((f = fopen(opt.stats_file, "a")) == NULL) {
		say("%s: %s", opt.stats_file, strerror(errno));
		return;
	}
	fprintf(f, "conn %u up %llu down %llu cut %s\n", c->id,
	    (unsigned long long)c->dir[0].passed,
	    (unsigned long long)c->dir[1].passed,
	    how == CLOSE_CUT ? "yes" : "no");
	fclose(f);
}

/*
 * The stats line goes first: a test that sees its client finish can then
 * rely on finding it.  Errors and cuts reset both sides so that the damage
 * shows at both ends, as it would on a real link.
 */
static void
conn_close(struct conn *c, enum how how)
{
	struct linger	 rst = { 1, 0 };
	struct chunk	*ch, *next;
	int		 i;

	stats_line(c, how);
	for (i = 0; i < 2; i++) {
		if (c->sock[i] == -1)
			continue;
		if (how != CLOSE_OK)
			setsockopt(c->sock[i], SOL_SOCKET, SO_LINGER, &rst,
			    sizeof rst);
		close(c->sock[i]);
	}
	for (i = 0; i < 2; i++) {
		for (ch = c->dir[i].head; ch != NULL; ch = next) {
			next = ch->next;
			free(ch);
		}
	}
	if (how == CLOSE_ERROR)
		exit_status = 1;
	memset(c, 0, sizeof *c);
}

static void
dir_init(struct dir *d, int from, int to, uint64_t now)
{
	d->from = from;
	d->to = to;
	d->tokens = opt.burst;
	d->refilled = now;
}

static struct conn *
conn_new(void)
{
	struct conn	*c;
	int		 i;

	for (i = 0; i < MAX_CONN; i++) {
		c = &conns[i];
		if (c->used)
			continue;
		memset(c, 0, sizeof *c);
		c->used = 1;
		c->id = ++conns_seen;
		c->sock[0] = c->sock[1] = -1;
		if (opt.cut_random)
			c->cut = rng_range(opt.cut_max);
		else
			c->cut = opt.cut_after;
		return c;
	}
	return NULL;
}

static int
conn_count(void)
{
	int	i, n = 0;

	for (i = 0; i < MAX_CONN; i++)
		n += conns[i].used;
	return n;
}

static void
refill(struct dir *d, uint64_t now)
{
	d->tokens += (double)(now - d->refilled) * opt.rate / 1e6;
	if (d->tokens > opt.burst)
		d->tokens = opt.burst;
	d->refilled = now;
}

/* Whether D may write now; if it may only later, lowers *WAKE to then. */
static int
dir_ready(struct dir *d, uint64_t now, uint64_t *wake)
{
	struct chunk	*ch = d->head;
	double		 need;
	uint64_t	 t;

	if (ch == NULL)
		return 0;
	if (ch->due > now) {
		if (ch->due < *wake)
			*wake = ch->due;
		return 0;
	}
	if (opt.rate == 0)
		return 1;
	refill(d, now);
	need = (double)(ch->len - ch->off);
	if (need > opt.burst)
		need = opt.burst;
	if (d->tokens >= need)
		return 1;
	t = now + (uint64_t)((need - d->tokens) * 1e6 / opt.rate) + 1;
	if (t < *wake)
		*wake = t;
	return 0;
}

static int
would_block(void)
{
	return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
}

/* Returns -1 on a read error, else 0. */
static int
dir_read(struct dir *d, uint64_t now)
{
	char		 buf[READ_MAX];
	size_t		 room = QUEUE_MAX - d->queued;
	ssize_t		 n;
	struct chunk	*ch;

	n = read(d->from, buf, room < sizeof buf ? room : sizeof buf);
	if (n == -1)
		return would_block() ? 0 : -1;
	if (n == 0) {
		d->eof = 1;
		return 0;
	}
	if ((ch = malloc(sizeof *ch + (size_t)n)) == NULL)
		die("out of memory");
	memcpy(ch->data, buf, (size_t)n);
	ch->next = NULL;
	ch->due = now + opt.latency;
	ch->off = 0;
	ch->len = (size_t)n;
	if (d->tail != NULL)
		d->tail->next = ch;
	else
		d->head = ch;
	d->tail = ch;
	d->queued += (size_t)n;
	return 0;
}

/* Sends what the tokens and the cut allow; CLOSE_CUT once the cut is hit. */
static int
dir_write(struct conn *c, struct dir *d)
{
	struct chunk	*ch = d->head;
	uint64_t	 total = c->dir[0].passed + c->dir[1].passed;
	size_t		 n = ch->len - ch->off;
	ssize_t		 w;

	if (opt.rate > 0 && n > (size_t)d->tokens)
		n = (size_t)d->tokens;
	if (c->cut != 0 && n > c->cut - total)
		n = c->cut - total;
	if ((w = write(d->to, ch->data + ch->off, n)) == -1)
		return would_block() ? CLOSE_OK : CLOSE_ERROR;
	d->passed += (size_t)w;
	d->tokens -= (double)w;
	d->queued -= (size_t)w;
	if ((ch->off += (size_t)w) == ch->len) {
		if ((d->head = ch->next) == NULL)
			d->tail = NULL;
		free(ch);
	}
	if (c->cut != 0 && total + (size_t)w >= c->cut)
		return CLOSE_CUT;
	return CLOSE_OK;
}

/*
 * Passes on end of file once a direction is drained, and ends the
 * connection when both are.  The last one is told by the close itself,
 * after the stats line.
 */
static void
conn_settle(struct conn *c)
{
	struct dir	*d;
	int		 i;

	for (i = 0; i < 2; i++) {
		d = &c->dir[i];
		if (d->done || !d->eof || d->head != NULL)
			continue;
		if (!c->dir[!i].done)
			shutdown(d->to, SHUT_WR);	/* ENOTSOCK on stdout */
		d->done = 1;
	}
	if (c->dir[0].done && c->dir[1].done)
		conn_close(c, CLOSE_OK);
}

static void
open_listener(void)
{
	struct sockaddr_storage	ss;
	socklen_t		len = sizeof ss;
	int			on = 1;
	unsigned		port;

	listen_fd = socket(opt.bind.ss_family, SOCK_STREAM, 0);
	if (listen_fd == -1)
		die("socket: %s", strerror(errno));
	setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	if (bind(listen_fd, (struct sockaddr *)&opt.bind, opt.bindlen) == -1)
		die("bind: %s", strerror(errno));
	if (listen(listen_fd, 16) == -1)
		die("listen: %s", strerror(errno));
	if (getsockname(listen_fd, (struct sockaddr *)&ss, &len) == -1)
		die("getsockname: %s", strerror(errno));
	if (ss.ss_family == AF_INET)
		port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	else
		port = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	set_nonblock(listen_fd);
	write_port_file(port);
}

/*
 * The connect to the target is non-blocking and left to finish by itself:
 * poll() holds the up direction until the socket is writable, and a refusal
 * shows as a read or write error that resets the client.
 */
static void
accept_one(uint64_t now)
{
	struct conn	*c;
	int		 fd, up;

	if ((fd = accept(listen_fd, NULL, NULL)) == -1)
		return;
	set_nonblock(fd);
	set_nodelay(fd);
	c = conn_new();	/* cannot fail: not polled when full */
	c->sock[0] = fd;
	if (opt.mode == MODE_ECHO) {
		dir_init(&c->dir[0], fd, fd, now);
		c->dir[1].done = 1;
		return;
	}
	if ((up = socket(opt.peer.ss_family, SOCK_STREAM, 0)) == -1) {
		say("socket: %s", strerror(errno));
		conn_close(c, CLOSE_ERROR);
		return;
	}
	c->sock[1] = up;
	set_nonblock(up);
	set_nodelay(up);
	if (connect(up, (struct sockaddr *)&opt.peer, opt.peerlen) == -1 &&
	    errno != EINPROGRESS) {
		say("connect: %s", strerror(errno));
		conn_close(c, CLOSE_ERROR);
		return;
	}
	dir_init(&c->dir[0], fd, up, now);
	dir_init(&c->dir[1], up, fd, now);
}

static void
start_client(uint64_t now)
{
	struct conn	*c;
	int		 fd;

	if ((fd = socket(opt.peer.ss_family, SOCK_STREAM, 0)) == -1)
		die("socket: %s", strerror(errno));
	if (connect(fd, (struct sockaddr *)&opt.peer, opt.peerlen) == -1)
		die("connect: %s", strerror(errno));
	set_nonblock(fd);
	set_nodelay(fd);
	c = conn_new();
	c->sock[1] = fd;
	/* stdin and stdout stay blocking: they may be shared with a shell. */
	dir_init(&c->dir[0], STDIN_FILENO, fd, now);
	dir_init(&c->dir[1], fd, STDOUT_FILENO, now);
}

static void
parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "target",	 required_argument, NULL, 't' },
		{ "echo",	 no_argument,	    NULL, 'e' },
		{ "connect",	 required_argument, NULL, 'c' },
		{ "listen-addr", required_argument, NULL, 'a' },
		{ "listen-port", required_argument, NULL, 'p' },
		{ "port-file",	 required_argument, NULL, 'f' },
		{ "cut-after",	 required_argument, NULL, 'C' },
		{ "cut-random",	 required_argument, NULL, 'R' },
		{ "cut-max",	 required_argument, NULL, 'M' },
		{ "rate-bps",	 required_argument, NULL, 'r' },
		{ "latency-ms",	 required_argument, NULL, 'l' },
		{ "stats-file",	 required_argument, NULL, 's' },
		{ "max-seconds", required_argument, NULL, 'x' },
		{ "help",	 no_argument,	    NULL, 'h' },
		{ NULL,		 0,		    NULL, 0 }
	};
	const char	*listen_addr = "127.0.0.1";
	unsigned	 listen_port = 0;
	int		 ch, modes = 0;

	opt.max_seconds = 300;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 't':
			opt.mode = MODE_PROXY;
			loopback_port(optarg, &opt.peer, &opt.peerlen);
			modes++;
			break;
		case 'e':
			opt.mode = MODE_ECHO;
			modes++;
			break;
		case 'c':
			opt.mode = MODE_CLIENT;
			loopback_port(optarg, &opt.peer, &opt.peerlen);
			modes++;
			break;
		case 'a':
			listen_addr = optarg;
			break;
		case 'p':
			listen_port = number(optarg, "port", 0, 65535);
			break;
		case 'f':
			opt.port_file = optarg;
			break;
		case 'C':
			opt.cut_after = number(optarg, "byte count", 1,
			    UINT64_MAX);
			break;
		case 'R':
			opt.cut_random = 1;
			rng_state = number(optarg, "seed", 0, UINT64_MAX);
			break;
		case 'M':
			opt.cut_max = number(optarg, "byte count", 1,
			    UINT64_MAX);
			break;
		case 'r':
			opt.rate = number(optarg, "rate", 8, UINT32_MAX) / 8.0;
			break;
		case 'l':
			opt.latency = number(optarg, "latency", 0, 3600000) *
			    1000;
			break;
		case 's':
			opt.stats_file = optarg;
			break;
		case 'x':
			opt.max_seconds = number(optarg, "time", 0, 86400);
			break;
		default:
			usage();
		}
	}
	if (optind != argc || modes != 1)
		usage();
	if (opt.cut_random && opt.cut_max == 0)
		die("--cut-random needs --cut-max");
	if (opt.cut_random && opt.cut_after != 0)
		die("--cut-after and --cut-random exclude each other");
	if (opt.mode != MODE_CLIENT) {
		if (opt.port_file == NULL)
			die("--port-file is needed");
		loopback(listen_addr, listen_port, &opt.bind, &opt.bindlen);
	}

	/* 20 ms worth: smooth, yet not a wake-up for every few bytes. */
	opt.burst = opt.rate / 50;
	if (opt.burst < 1)
		opt.burst = 1;
}

/* What poll() reported on, so the answer can be taken back to its owner. */
struct slot {
	struct conn	*c;
	int		 dir;
	int		 write;
};

int
main(int argc, char **argv)
{
	struct pollfd		 pfd[2 + MAX_CONN * 4];
	struct slot		 slot[2 + MAX_CONN * 4];
	struct sigaction	 sa;
	struct conn		*c;
	struct dir		*d;
	uint64_t		 now, wake, deadline = UINT64_MAX;
	int			 i, j, n, npfd, timeout, how, timed_out = 0;
	char			 drain[16];

	parse_args(argc, argv);

	if (pipe(wake_pipe) == -1)
		die("pipe: %s", strerror(errno));
	set_nonblock(wake_pipe[0]);
	set_nonblock(wake_pipe[1]);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);	/* EPIPE is handled as a reset */

	now = now_us();
	if (opt.max_seconds != 0)
		deadline = now + opt.max_seconds * 1000000;
	if (opt.mode == MODE_CLIENT)
		start_client(now);
	else
		open_listener();

	while (!stopping) {
		for (i = 0; i < MAX_CONN; i++) {
			if (conns[i].used)
				conn_settle(&conns[i]);
		}
		if (opt.mode == MODE_CLIENT && conn_count() == 0)
			break;
		now = now_us();
		if (now >= deadline) {
			timed_out = 1;
			break;
		}

		npfd = 0;
		wake = deadline;
		pfd[npfd].fd = wake_pipe[0];
		pfd[npfd].events = POLLIN;
		slot[npfd++].c = NULL;
		if (listen_fd != -1 && conn_count() < MAX_CONN) {
			pfd[npfd].fd = listen_fd;
			pfd[npfd].events = POLLIN;
			slot[npfd++].c = NULL;
		}
		for (i = 0; i < MAX_CONN; i++) {
			c = &conns[i];
			for (j = 0; c->used && j < 2; j++) {
				d = &c->dir[j];
				if (d->done)
					continue;
				if (!d->eof && d->queued < QUEUE_MAX) {
					pfd[npfd].fd = d->from;
					pfd[npfd].events = POLLIN;
					slot[npfd].c = c;
					slot[npfd].dir = j;
					slot[npfd++].write = 0;
				}
				if (dir_ready(d, now, &wake)) {
					pfd[npfd].fd = d->to;
					pfd[npfd].events = POLLOUT;
					slot[npfd].c = c;
					slot[npfd].dir = j;
					slot[npfd++].write = 1;
				}
			}
		}

		if (wake == UINT64_MAX)
			timeout = -1;
		else if (wake <= now)
			timeout = 0;
		else if (wake - now > 60000000)
			timeout = 60000;
		else
			timeout = (int)((wake - now + 999) / 1000);
		if ((n = poll(pfd, npfd, timeout)) == -1) {
			if (errno == EINTR)
				continue;
			die("poll: %s", strerror(errno));
		}
		now = now_us();

		/* Listener last: a slot freed above must not be reused yet. */
		for (i = 0; i < npfd; i++) {
			if (pfd[i].revents == 0 || (c = slot[i].c) == NULL)
				continue;
			if (!c->used)
				continue;	/* closed by an earlier slot */
			d = &c->dir[slot[i].dir];
			if (slot[i].write)
				how = dir_write(c, d);
			else
				how = dir_read(d, now) == -1 ? CLOSE_ERROR :
				    CLOSE_OK;
			if (how != CLOSE_OK)
				conn_close(c, how);
		}
		for (i = 0; i < npfd; i++) {
			if (pfd[i].revents == 0 || slot[i].c != NULL)
				continue;
			if (pfd[i].fd == listen_fd)
				accept_one(now);
			else
				while (read(wake_pipe[0], drain,
				    sizeof drain) > 0)
					;
		}
	}

	for (i = 0; i < MAX_CONN; i++) {
		if (conns[i].used)
			conn_close(&conns[i], CLOSE_OK);
	}
	if (timed_out) {
		say("--max-seconds %llu reached, exiting",
		    (unsigned long long)opt.max_seconds);
		if (opt.mode == MODE_CLIENT)
			return 1;
	}
	if (opt.mode == MODE_CLIENT && exit_status != 0)
		say("connection reset or failed");
	return opt.mode == MODE_CLIENT ? exit_status : 0;
}

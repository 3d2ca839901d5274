/*
 * qt-slow.c - slow peers for the tests: a client that trickles, a server
 * that drips. Loopback only.
 *
 *	qt-slow --trickle 127.0.0.1:PORT --from 127.0.0.2 --conns N --seconds S
 *
 * keeps N connections open from source address --from, each sending one
 * byte of a request that never ends every 500 ms; a connection the server
 * closes is opened again at once, as an attacker would. At the end it
 * prints "opened O closed C longest_ms L open_ms A": connections made,
 * closed by the server, the longest any lived before the server closed
 * it, and the age of the oldest still open at the end.
 *
 * With --header LINE (e.g. "Authorization: Bearer ..."), each connection
 * sends a whole request head with that line and a Content-Length of 1 MB
 * at once, then trickles the body: a request the server has admitted.
 *
 *	qt-slow --drip --port-file F --rate BYTES --length N --seconds S
 *
 * answers each request (HTTP/1.1, read up to the end of its headers)
 * with "200 OK" and a Content-Length of N at once, then the body at
 * BYTES bytes per second: a server or proxy dripping just above
 * libcurl's low-speed limit.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SLOW_MAX_CONNS	512
#define SLOW_TICK_MS	500

static int64_t
slow_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Parses "A.B.C.D:PORT" (loopback only) into sin; -1 if not. */
static int
slow_addr(const char *s, struct sockaddr_in *sin, int want_port)
{
	char host[64];
	const char *colon = strrchr(s, ':');
	size_t n = colon != NULL && want_port ? (size_t)(colon - s) : strlen(s);

	if (n >= sizeof host)
		return -1;
	memcpy(host, s, n);
	host[n] = '\0';
	memset(sin, 0, sizeof *sin);
	sin->sin_family = AF_INET;
	if (inet_pton(AF_INET, host, &sin->sin_addr) != 1 ||
	    (ntohl(sin->sin_addr.s_addr) >> 24) != 127)
		return -1;
	if (want_port) {
		if (colon == NULL)
			return -1;
		sin->sin_port = htons((uint16_t)atoi(colon + 1));
	}
	return 0;
}

/* A connection from `from` to `to`, non-blocking; -1 if refused. */
static int
slow_connect(const struct sockaddr_in *to, const struct sockaddr_in *from)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	if (bind(fd, (const struct sockaddr *)from, sizeof *from) != 0 ||
	    connect(fd, (const struct sockaddr *)to, sizeof *to) != 0) {
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	return fd;
}

static int
slow_trickle(const char *target, const char *source, int conns, int seconds,
    const char *line)
{
	static const char endless[] = "POST /v1/push HTTP/1.1\r\nHost: x\r\nX-Slow: ";
	char head[1024];
	size_t head_len;
	struct sockaddr_in to, from;
	int fd[SLOW_MAX_CONNS];
	int64_t born[SLOW_MAX_CONNS], longest = 0, oldest = 0, end, now;
	size_t sent[SLOW_MAX_CONNS];
	long opened = 0, closed = 0;
	char sink[256];
	int i;

	if (slow_addr(target, &to, 1) != 0 || slow_addr(source, &from, 0) != 0 ||
	    conns < 1 || conns > SLOW_MAX_CONNS) {
		fprintf(stderr, "qt-slow: bad --trickle, --from or --conns\n");
		return 2;
	}
	if (line != NULL)
		snprintf(head, sizeof head, "POST /v1/push HTTP/1.1\r\nHost: x\r\n"
		    "%s\r\nContent-Length: 1000000\r\n\r\n", line);
	else
		snprintf(head, sizeof head, "%s", endless);
	head_len = strlen(head);
	end = slow_now_ms() + (int64_t)seconds * 1000;
	for (i = 0; i < conns; i++)
		fd[i] = -1;
	while ((now = slow_now_ms()) < end) {
		for (i = 0; i < conns; i++) {
			ssize_t n;
			char c;

			if (fd[i] < 0) {
				if ((fd[i] = slow_connect(&to, &from)) < 0)
					continue;
				opened++;
				born[i] = now;
				sent[i] = 0;
				/* An admitted request: its head at once. */
				if (line != NULL && send(fd[i], head, head_len,
				    MSG_NOSIGNAL) == (ssize_t)head_len)
					sent[i] = head_len;
			}
			/* The server's answer or its end: read and drop. */
			n = recv(fd[i], sink, sizeof sink, 0);
			c = sent[i] < head_len ? head[sent[i]] : 'a';
			if (n == 0 || (n < 0 && errno != EAGAIN) ||
			    send(fd[i], &c, 1, MSG_NOSIGNAL) != 1) {
				closed++;
				if (now - born[i] > longest)
					longest = now - born[i];
				close(fd[i]);
				fd[i] = -1;
				continue;
			}
			sent[i]++;
		}
		poll(NULL, 0, SLOW_TICK_MS);
	}
	for (i = 0; i < conns; i++)
		if (fd[i] >= 0) {
			if (now - born[i] > oldest)
				oldest = now - born[i];
			close(fd[i]);
		}
	printf("opened %ld closed %ld longest_ms %lld open_ms %lld\n", opened,
	    closed, (long long)longest, (long long)oldest);
	return 0;
}

/* Reads a request up to the end of its headers; -1 if the peer went. */
static int
slow_read_head(int fd)
{
	char buf[4096];
	size_t have = 0;
	ssize_t n;

	while ((n = recv(fd, buf + have, sizeof buf - 1 - have, 0)) > 0) {
		have += (size_t)n;
		buf[have] = '\0';
		if (strstr(buf, "\r\n\r\n") != NULL)
			return 0;
		if (have == sizeof buf - 1)
			have = 0;	/* keep looking; the head is all we need */
	}
	return -1;
}

static int
slow_drip(const char *port_file, int rate, long length, int seconds)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int lfd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	int64_t end = slow_now_ms() + (int64_t)seconds * 1000;
	FILE *fp;
	char tmp[4096];

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (rate < 1 || length < 1 || bind(lfd, (struct sockaddr *)&sin,
	    sizeof sin) != 0 || listen(lfd, 8) != 0 ||
	    getsockname(lfd, (struct sockaddr *)&sin, &len) != 0) {
		fprintf(stderr, "qt-slow: cannot listen\n");
		return 2;
	}
	snprintf(tmp, sizeof tmp, "%s.tmp", port_file);
	if ((fp = fopen(tmp, "w")) == NULL)
		return 2;
	fprintf(fp, "%u\n", ntohs(sin.sin_port));
	fclose(fp);
	rename(tmp, port_file);
	while (slow_now_ms() < end) {
		struct pollfd p = { lfd, POLLIN, 0 };
		long left = length;
		int fd;

		if (poll(&p, 1, 200) <= 0 || (fd = accept(lfd, NULL, NULL)) < 0)
			continue;
		if (slow_read_head(fd) == 0) {
			int n = snprintf(tmp, sizeof tmp, "HTTP/1.1 200 OK\r\n"
			    "Content-Type: application/x-quantriet-sync\r\n"
			    "Content-Length: %ld\r\n\r\n", length);

			if (send(fd, tmp, (size_t)n, MSG_NOSIGNAL) == n)
				while (left > 0 && slow_now_ms() < end) {
					int k = left < rate ? (int)left : rate;

					memset(tmp, 'x', (size_t)k);
					if (send(fd, tmp, (size_t)k, MSG_NOSIGNAL) != k)
						break;
					left -= k;
					poll(NULL, 0, 1000);
				}
		}
		close(fd);
	}
	close(lfd);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "trickle", required_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'f' },
		{ "conns", required_argument, NULL, 'n' },
		{ "seconds", required_argument, NULL, 's' },
		{ "drip", no_argument, NULL, 'd' },
		{ "port-file", required_argument, NULL, 'p' },
		{ "rate", required_argument, NULL, 'r' },
		{ "length", required_argument, NULL, 'l' },
		{ "header", required_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 },
	};
	const char *target = NULL, *source = "127.0.0.1", *port_file = NULL;
	const char *line = NULL;
	int conns = 1, seconds = 10, drip = 0, rate = 12, ch;
	long length = 1000;

	signal(SIGPIPE, SIG_IGN);
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 't': target = optarg; break;
		case 'f': source = optarg; break;
		case 'n': conns = atoi(optarg); break;
		case 's': seconds = atoi(optarg); break;
		case 'd': drip = 1; break;
		case 'p': port_file = optarg; break;
		case 'r': rate = atoi(optarg); break;
		case 'l': length = atol(optarg); break;
		case 'H': line = optarg; break;
		default: return 2;
		}
	}
	if (drip && port_file != NULL)
		return slow_drip(port_file, rate, length, seconds);
	if (!drip && target != NULL)
		return slow_trickle(target, source, conns, seconds, line);
	fprintf(stderr, "usage: qt-slow --trickle 127.0.0.1:PORT [--from ADDR] "
	    "[--conns N] [--seconds S] [--header LINE] | --drip --port-file F [--rate B] "
	    "[--length N] [--seconds S]\n");
	return 2;
}

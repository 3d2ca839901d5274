/*
 * guard.c - a deadline per connection that arriving bytes do not reset.
 *
 * libmicrohttpd's connection timeout restarts at every byte, so a client
 * sending one byte every few seconds keeps its connection, and 200 such
 * connections kept every commune out. Here each connection gets a
 * deadline when it is accepted (its TLS handshake and headers must be in
 * by then), a longer one for its body, none while the server works on it,
 * and a fresh one for the next request on a kept-alive connection. A
 * thread looks every SRV_GUARD_TICK_MS and shuts down the socket of a
 * connection past its deadline; libmicrohttpd then sees the end of the
 * stream and closes it the usual way. The socket is only ever shut while
 * its entry is listed, and the entry leaves the list (under the same
 * lock) before libmicrohttpd closes the descriptor, so a number reused
 * by a later connection is never touched.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

#include "hlc.h"
#include "server/srv.h"
#include "xmalloc.h"

#define SRV_GUARD_TICK_MS	200

struct srv_guard_conn {
	struct srv_guard_conn	*prev, *next;
	int			 fd;
	int64_t			 deadline;	/* hlc_mono_ms(); 0: none */
};

/* Shuts every listed connection past its deadline; g->lock held. */
static void
guard_sweep(struct srv_guard *g)
{
	struct srv_guard_conn *gc;
	int64_t now = hlc_mono_ms();

	for (gc = g->head; gc != NULL; gc = gc->next)
		if (gc->deadline != 0 && now >= gc->deadline) {
			shutdown(gc->fd, SHUT_RDWR);
			gc->deadline = 0;
			g->cut++;
		}
}

static void *
guard_main(void *arg)
{
	struct srv_guard *g = arg;
	struct timespec until;

	pthread_mutex_lock(&g->lock);
	while (!g->stop) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += SRV_GUARD_TICK_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		if (pthread_cond_timedwait(&g->wake, &g->lock, &until) == ETIMEDOUT)
			guard_sweep(g);
	}
	pthread_mutex_unlock(&g->lock);
	return NULL;
}

int
srv_guard_start(struct srv_guard *g)
{
	g->head = NULL;
	g->stop = 0;
	g->cut = 0;
	pthread_mutex_init(&g->lock, NULL);
	pthread_cond_init(&g->wake, NULL);
	if (pthread_create(&g->thread, NULL, guard_main, g) != 0) {
		pthread_cond_destroy(&g->wake);
		pthread_mutex_destroy(&g->lock);
		return -1;
	}
	return 0;
}

void
srv_guard_stop(struct srv_guard *g)
{
	pthread_mutex_lock(&g->lock);
	g->stop = 1;
	pthread_cond_signal(&g->wake);
	pthread_mutex_unlock(&g->lock);
	pthread_join(g->thread, NULL);
	pthread_cond_destroy(&g->wake);
	pthread_mutex_destroy(&g->lock);
}

struct srv_guard_conn *
srv_guard_open(struct srv_guard *g, int fd, int64_t ms)
{
	struct srv_guard_conn *gc = xcalloc(1, sizeof *gc);

	gc->fd = fd;
	gc->deadline = hlc_mono_ms() + ms;
	pthread_mutex_lock(&g->lock);
	gc->next = g->head;
	if (g->head != NULL)
		g->head->prev = gc;
	g->head = gc;
	pthread_mutex_unlock(&g->lock);
	return gc;
}

void
srv_guard_arm(struct srv_guard *g, struct srv_guard_conn *gc, int64_t ms)
{
	if (gc == NULL)
		return;
	pthread_mutex_lock(&g->lock);
	gc->deadline = ms > 0 ? hlc_mono_ms() + ms : 0;
	pthread_mutex_unlock(&g->lock);
}

void
srv_guard_close(struct srv_guard *g, struct srv_guard_conn **pgc)
{
	struct srv_guard_conn *gc = *pgc;

	if (gc == NULL)
		return;
	pthread_mutex_lock(&g->lock);
	if (gc->prev != NULL)
		gc->prev->next = gc->next;
	else
		g->head = gc->next;
	if (gc->next != NULL)
		gc->next->prev = gc->prev;
	pthread_mutex_unlock(&g->lock);
	free(gc);
	*pgc = NULL;
}

unsigned long
srv_guard_cut(struct srv_guard *g)
{
	unsigned long n;

	pthread_mutex_lock(&g->lock);
	n = g->cut;
	pthread_mutex_unlock(&g->lock);
	return n;
}

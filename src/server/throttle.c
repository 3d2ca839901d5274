/*
 * throttle.c - failed enrolments per address, in a table of fixed size.
 *
 * /v1/enroll is the one request that needs no credential, so it is the one
 * a stranger can repeat. Each address may fail SRV_ENROLL_FAILS times in
 * SRV_ENROLL_WINDOW seconds; then it waits for the window to end. Only
 * failures count: a province enrolling 150 communes from one office
 * never waits. When the table is full the oldest entry gives way, so its
 * size, not the number of addresses, bounds the memory.
 */
#include "config.h"

#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "server/srv.h"

/* The address as 16 bytes (IPv4 as IPv4-mapped IPv6). */
static void
throttle_key(const struct sockaddr *sa, unsigned char key[16])
{
	memset(key, 0, 16);
	if (sa == NULL)
		return;
	if (sa->sa_family == AF_INET) {
		key[10] = key[11] = 0xff;
		memcpy(key + 12, &((const struct sockaddr_in *)(const void *)sa)->
		    sin_addr, 4);
	} else if (sa->sa_family == AF_INET6)
		memcpy(key, &((const struct sockaddr_in6 *)(const void *)sa)->
		    sin6_addr, 16);
}

/* The entry of the address, or NULL. */
static struct srv_throttle_slot *
throttle_find(struct srv_throttle *t, const unsigned char key[16], time_t now)
{
	size_t i;

	for (i = 0; i < SRV_THROTTLE_SLOTS; i++) {
		struct srv_throttle_slot *s = &t->slot[i];

		if (s->fails > 0 && memcmp(s->addr, key, 16) == 0) {
			if (now - s->since >= SRV_ENROLL_WINDOW)
				s->fails = 0;	/* its window is over */
			return s->fails > 0 ? s : NULL;
		}
	}
	return NULL;
}

unsigned
srv_throttle_wait(struct srv_throttle *t, const struct sockaddr *sa, time_t now)
{
	unsigned char key[16];
	struct srv_throttle_slot *s;

	throttle_key(sa, key);
	if ((s = throttle_find(t, key, now)) == NULL ||
	    s->fails < SRV_ENROLL_FAILS)
		return 0;
	return (unsigned)(s->since + SRV_ENROLL_WINDOW - now);
}

void
srv_throttle_fail(struct srv_throttle *t, const struct sockaddr *sa, time_t now)
{
	unsigned char key[16];
	struct srv_throttle_slot *s, *oldest;
	size_t i;

	throttle_key(sa, key);
	if ((s = throttle_find(t, key, now)) == NULL) {
		oldest = &t->slot[0];
		for (i = 0; i < SRV_THROTTLE_SLOTS && s == NULL; i++) {
			struct srv_throttle_slot *c = &t->slot[i];

			if (c->fails == 0 || now - c->since >= SRV_ENROLL_WINDOW)
				s = c;
			else if (c->since < oldest->since)
				oldest = c;
		}
		if (s == NULL)
			s = oldest;
		memcpy(s->addr, key, 16);
		s->since = now;
		s->fails = 0;
	}
	s->fails++;
}

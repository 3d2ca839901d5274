/*
 * srv.h - the parts of quantriet-server(8) shared between its files.
 */
#ifndef QT_SERVER_SRV_H
#define QT_SERVER_SRV_H

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "sync/sync_int.h"
#include "sync/wire.h"

struct db;

/* Rows a pull page carries at most (versions 1 and 2). */
#define SRV_PAGE_ROWS		500
/*
 * Version 3: a page is cut at these compressed bytes, or less as the
 * device asks (not under SRV_PAGE_ZMIN), or SRV_PAGE_ROWS_V3 rows.
 */
#define SRV_PAGE_ZBYTES		(32 * 1024)
#define SRV_PAGE_ZMIN		(4 * 1024)
#define SRV_PAGE_ROWS_V3	2000
/*
 * The poll hint (docs/sync.md): none while the device's scope changed
 * within SRV_POLL_QUIET seconds, else half its quiet time, at most
 * SRV_POLL_MAX. For tests only, the environment sets SRV_POLL_QUIET.
 */
#define SRV_POLL_QUIET		3600
#define SRV_POLL_MAX		(2 * 3600)
#define SRV_POLL_QUIET_ENV	"QUANTRIET_TEST_POLL_QUIET_S"
/* Days an enrolment code stays valid unless --days says otherwise. */
#define SRV_CODE_DAYS		14

/* Bytes an enrolment body may have (413 beyond, before it is read). */
#define SRV_ENROLL_MAX_BODY	4096
/* and inflated: a code and a header are a few dozen bytes. */
#define SRV_ENROLL_MAX_PLAIN	(64 * 1024)
/* Failed enrolments an address may make in SRV_ENROLL_WINDOW seconds. */
#define SRV_ENROLL_FAILS	10
#define SRV_ENROLL_WINDOW	600
/* Addresses the enrolment throttle remembers at most. */
#define SRV_THROTTLE_SLOTS	1024

struct srv_throttle_slot {
	unsigned char	addr[16];
	time_t		since;		/* first failure of the window */
	unsigned	fails;		/* 0: a free slot */
};

struct srv_throttle {
	struct srv_throttle_slot slot[SRV_THROTTLE_SLOTS];
};

struct sockaddr;
/* Seconds addr must wait before it may try to enrol again; 0: none. */
unsigned srv_throttle_wait(struct srv_throttle *t, const struct sockaddr *sa,
	    time_t now);
/* Counts a failed enrolment from addr (src/server/throttle.c). */
void	srv_throttle_fail(struct srv_throttle *t, const struct sockaddr *sa,
	    time_t now);

/*
 * Deadlines per connection that arriving bytes do not reset
 * (src/server/guard.c): a thread shuts down the socket of a connection
 * past its deadline.
 */
struct srv_guard_conn;
struct srv_guard {
	pthread_mutex_t		 lock;
	pthread_cond_t		 wake;
	pthread_t		 thread;
	struct srv_guard_conn	*head;
	int			 stop;
	unsigned long		 cut;	/* connections shut at their deadline */
};

/* Starts the watching thread; -1 if it cannot. */
int	srv_guard_start(struct srv_guard *g);
/* Stops the thread (connections still listed are left alone). */
void	srv_guard_stop(struct srv_guard *g);
/* Lists the connection on socket fd, due within ms. Free with _close. */
struct srv_guard_conn *srv_guard_open(struct srv_guard *g, int fd, int64_t ms);
/* Sets a new deadline ms from now; 0: none (the server is working). */
void	srv_guard_arm(struct srv_guard *g, struct srv_guard_conn *gc,
	    int64_t ms);
/* Unlists the connection, before its socket is closed. */
void	srv_guard_close(struct srv_guard *g, struct srv_guard_conn **pgc);
/* How many connections have been shut at their deadline. */
unsigned long srv_guard_cut(struct srv_guard *g);

struct srv_device {
	int64_t	id;
	int64_t	unit_id;
};

/* A reply: HTTP status and the plain (not yet compressed) body. */
struct srv_reply {
	int		status;
	unsigned	retry_after;	/* seconds, for a Retry-After header; 0: none */
	struct buf	body;
	int		version;	/* the request's, once read; 0: ours */
};

/* The server's clock (sync_clock.hlc). */
int64_t	srv_clock(struct db *db);
/*
 * Starts a reply's header record "qtsync v V type TYPE now .. hlc ..", V
 * the version the request was made in (r->version), else WIRE_VERSION.
 */
void	srv_reply_begin(struct db *db, struct srv_reply *r, int status,
	    const char *type);
/* The same with the clock given, for a thread that may not use the db. */
void	srv_reply_head(struct srv_reply *r, int status, const char *type,
	    int64_t hlc);
/* Makes r an error reply with code (English word) and Vietnamese message. */
void	srv_reply_error(struct db *db, struct srv_reply *r, int status,
	    const char *code, const char *message);
void	srv_reply_fail(struct srv_reply *r, int64_t hlc, int status,
	    const char *code, const char *message);
/*
 * Checks body's first record is "qtsync" of a version this server speaks
 * (WIRE_VERSION_MIN to WIRE_VERSION, kept in r->version: the reply is
 * made in it) and the type given; on failure fills an error reply and
 * returns -1.
 */
int	srv_check_header(struct db *db, struct wire_reader *rd,
	    struct wire_record *rec, const char *type, struct srv_reply *r);
/* 1 if unit owner is dev_unit or below it. */
int	srv_in_scope(struct db *db, int64_t dev_unit, int64_t owner);
struct sync_row;
/*
 * NULL if every reference the row will hold (rec's, or the stored one for
 * a column rec leaves out) is one the device may make (src/server/scope.c);
 * else a Vietnamese reason, the same whether the referenced row belongs
 * to another unit or does not exist. Caller frees.
 */
char	*srv_scope_refs(struct db *db, const struct srv_device *dev,
	    const struct sync_row *row, const struct wire_record *rec);
/* Random bytes as lower-case hex (2 * n characters); caller frees. */
char	*srv_random_hex(size_t n);

/* The handlers of the protocol's requests (src/server/push.c, pull.c, enrol.c). */
void	srv_push(struct db *db, const struct srv_device *dev,
	    struct wire_reader *rd, struct srv_reply *r);
void	srv_pull(struct db *db, const struct srv_device *dev,
	    struct wire_reader *rd, struct srv_reply *r);
/* Version 3: a batch (if any) and a page in one request (src/server/sync.c). */
void	srv_sync(struct db *db, const struct srv_device *dev,
	    struct wire_reader *rd, struct srv_reply *r);
/*
 * Applies the batch hdr announces (batch, count; its rows in rd) and
 * fills *ack with its acknowledgement less the header's fields (the
 * stored one for a batch seen before); rows written as "cols"/"r" from
 * version 3. 0, or -1 with an error reply in r.
 */
int	srv_push_batch(struct db *db, const struct srv_device *dev,
	    const struct wire_record *hdr, struct wire_reader *rd,
	    struct srv_reply *r, struct buf *ack);
/*
 * Appends a page after cursor to the record r's body has begun (version
 * 1 and 2: the reply's header; 3: "page", cut at about zbytes
 * compressed): its cursor, more, count and (version 3) poll fields,
 * then its rows and "end". -1 with r made an error reply.
 */
int	srv_page(struct db *db, const struct srv_device *dev, int conflicts,
	    int64_t cursor, int64_t zbytes, struct srv_reply *r);
void	srv_enroll(struct db *db, struct wire_reader *rd, struct srv_reply *r);
/* Looks up the device presenting token; fills an error reply on failure. */
int	srv_authenticate(struct db *db, const char *token,
	    struct srv_device *dev, struct srv_reply *r);

/*
 * Records that the row changed, for the pulls to come: sent by device_id
 * (0: none), at clock hlc (0: unknown).
 */
int	srv_row_touch(struct db *db, const char *tbl, int64_t key,
	    int64_t owner, int public, int64_t device_id, int64_t hlc);

/*
 * Conflicts between two devices' changes (src/server/conflict.c). The
 * srv_row entries of this name are conflicts for a pull, not rows.
 */
#define SRV_CONFLICT_TBL	"conflict"

struct srv_conflict {
	const char	*kind;		/* "edit" or "delete"; NULL: none */
	char		*kept;		/* the value kept, "column=value; ..." */
	char		*lost;		/* the value not kept; "": a delete */
	int64_t		 kept_by;	/* devices; 0: none */
	int64_t		 lost_by;
	int64_t		 kept_at;	/* clocks of the two changes */
	int64_t		 lost_at;
};

enum srv_verdict {
	SRV_NO_CONFLICT,
	SRV_CONFLICT_WON,	/* concurrent; the pushed change is kept */
	SRV_CONFLICT_LOST,	/* concurrent; the stored one is kept (stale) */
};

/*
 * Whether row (rec), pushed by dev and to be stored at clock hlc, was
 * made without seeing the stored version (stored: its clock, -1 gone)
 * that another device wrote; fills *c (free with srv_conflict_clear) but
 * for the value kept when the pushed change wins (known once written).
 */
enum srv_verdict srv_conflict_find(struct db *db, const struct srv_device *dev,
	    const struct sync_row *row, const struct wire_record *rec,
	    int64_t stored, int64_t hlc, struct srv_conflict *c);
void	srv_conflict_clear(struct srv_conflict *c);
/*
 * 1 if the stored row is this device's change at row's clock: the same
 * change sent again, under another batch (a batch the client split
 * after cuts, docs/sync.md), so it is applied already.
 */
int	srv_row_resent(struct db *db, const struct srv_device *dev,
	    const struct sync_row *row);
/*
 * 1 if the row, gone from the server, was deleted by another device of
 * dev's unit or below: a refused edit of it may say so (it tells nothing
 * of another unit).
 */
int	srv_conflict_gone(struct db *db, const struct srv_device *dev,
	    const struct sync_row *row);
/*
 * Records the conflict for the other device's next pull and appends the
 * pushing device's note to note. 1 saved, 0 nothing lost (the same
 * value), -1 on a database error.
 */
int	srv_conflict_save(struct db *db, const struct srv_device *dev,
	    const struct sync_row *row, struct srv_conflict *c,
	    struct buf *note);
/*
 * Appends conflict id to out if it is for dev: 1 appended, 0 not dev's,
 * -1 on a database error.
 */
int	srv_conflict_pull(struct db *db, const struct srv_device *dev,
	    int64_t id, struct buf *out);

/* Runs the HTTP(S) server until SIGINT/SIGTERM (src/server/serve.c). */
int	srv_serve(int argc, char **argv);

/*
 * Opens the server's database for an administration command, with the
 * outbox triggers muted (rows stored here are not a device's to send);
 * NULL after printing why.
 */
struct db *srv_open(const char *path, int flags);
/* The id of the unit with code CODE, or 0 after printing why. */
int64_t	srv_unit(struct db *db, const char *code);

/*
 * import-bundle F [--reply R] [--receipt] [--unit CODE]: a bundle a
 * commune carried by hand, applied as its requests would be over the
 * network (src/server/bundle.c, docs/sync.md "Bundles"). Exit status.
 */
int	srv_import_bundle(int argc, char **argv);

/* What a bundle brought, for its receipt (src/server/receipt.c). */
#define SRV_RECEIPT_TABLES	32
struct srv_receipt {
	int64_t			rows[SRV_RECEIPT_TABLES];	/* by sync_tables rank */
	struct sync_tally	acks;	/* sync_tally_ack: applied is "pushed" */
};
/* Counts the rows of a request body by table. */
void	srv_receipt_rows(struct srv_receipt *rc, const struct buf *request);
/*
 * The receipt: unit, device, when the bundle was made and imported, the
 * SHA-256 (hex) of the bundle's file, rows by table, what was applied.
 * Caller frees.
 */
char	*srv_receipt_text(struct db *db, const struct srv_receipt *rc,
	    int64_t unit, int64_t device, int64_t made, const char *hash);

#endif

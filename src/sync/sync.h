/*
 * sync.h - synchronising a commune's database with the provincial server.
 *
 * Single-threaded: sync_start() prepares a run and sync_step() advances it
 * for at most timeout_ms, so the interface calls it from its input loop's
 * timeout and stays responsive. Every local change is queued by triggers
 * (data/schema/002_sync.sql) whoever made it; a run pushes the queue in
 * acknowledged batches, then pulls what changed in the unit's scope.
 * docs/sync.md describes the protocol.
 */
#ifndef QT_SYNC_SYNC_H
#define QT_SYNC_SYNC_H

#include <stdint.h>

struct db;
struct sync_run;

struct sync_progress {
	int64_t	bytes_sent;		/* on the wire, this run */
	int64_t	bytes_received;
	int	batches_done;		/* push batches acknowledged */
	int	batches_total;		/* estimate; grows if edits arrive */
	int	seconds_left;		/* estimate, -1 when unknown */
	char	phase[96];		/* what it is doing, in Vietnamese */
};

/*
 * Records changed and waiting to be sent or acknowledged (rejected ones
 * not counted, nor the audit rows that go with the records).
 */
int64_t	 sync_pending_count(struct db *db);
/*
 * 1 if a cron run may skip the network: nothing waits to be pushed and
 * the server's last poll hint has not ended (docs/sync.md, "Poll hint").
 */
int	 sync_poll_skip(struct db *db);
/*
 * When the last verified sync finished ("2026-11-23 10:15" local time), or
 * "chưa bao giờ" if never. Never NULL; the caller frees.
 */
char	*sync_last_success(struct db *db);

/*
 * Prepares a run with the device credential (quantriet enroll). One run
 * at a time per database: another one running, sync_start waits up to
 * wait_s seconds for it to end. Returns NULL with *err (Vietnamese,
 * caller frees) when the device is not enrolled, the database is not
 * ready or another run holds it. The caller owns the run and releases
 * it (and the database) with sync_free().
 */
struct sync_run *sync_start(struct db *db, int wait_s, char **err);

/*
 * How a run tries again after a failure that may pass (the network, a
 * busy server): waits base_ms, doubling up to max_ms, half of each wait
 * at random and never less than the server's Retry-After, until total_ms
 * from the start would pass. All 0 (the default): no second try.
 */
struct sync_retry {
	int64_t	base_ms;
	int64_t	max_ms;
	int64_t	total_ms;
};
void	 sync_set_retry(struct sync_run *run, const struct sync_retry *r);
/*
 * Advances the run for at most timeout_ms and fills *p (may be NULL).
 * Returns 1 while running, 0 once the server has verifiably acknowledged
 * everything, -1 on failure (sync_error()). What was acknowledged before
 * a failure stays acknowledged; the next run resumes after it.
 */
int	 sync_step(struct sync_run *run, int timeout_ms, struct sync_progress *p);
/* Stops the run; harmless at any moment (sync_step then returns -1). */
void	 sync_cancel(struct sync_run *run);
/* Why the run failed, in Vietnamese; owned by the run. */
const char *sync_error(struct sync_run *run);
/* A one-line Vietnamese summary of what the run did; owned by the run. */
const char *sync_summary(struct sync_run *run);
void	 sync_free(struct sync_run **prun);

/*
 * Overrides for this run of the CA file and the public-key pin; NULL
 * keeps what quantriet enroll saved.
 */
void	 sync_set_tls(struct sync_run *run, const char *cacert, const char *pin);

/*
 * Enrols this database with the server at url using a one-time code and
 * saves its device credential (mode 0600, under paths_config_dir(), named
 * by the database's id: each database has its own).
 * cacert and pin may be NULL. Blocking; returns 0, or -1 with *err.
 */
int	 sync_enroll(struct db *db, const char *url, const char *code,
	    const char *cacert, const char *pin, char **err);

enum sync_state {
	SYNC_DONE,		/* nothing to send: the server has it */
	SYNC_WAITING,		/* changed here, not yet sent */
	SYNC_SENT,		/* sent, acknowledgement not yet received */
	SYNC_REJECTED,		/* set aside by the server (see the reason) */
};

/* Where one record (table name and id) stands. */
enum sync_state sync_record_state(struct db *db, const char *table, int64_t id);

/* A record set aside by the server, or a local value that lost. */
struct sync_issue {
	char	*table;		/* e.g. "essay" */
	int64_t	 row_id;
	/* the values, "column=value; ..." (conflicts: the value not kept) */
	char	*what;
	char	*kept;		/* conflicts: the value kept, "" if unknown */
	char	*reason;	/* the server's reason, Vietnamese */
	char	*at;		/* when (conflicts), "" for rejected records */
};

int64_t	 sync_rejected_count(struct db *db);
int64_t	 sync_conflict_count(struct db *db);
/*
 * Fills *items (caller frees with sync_issues_free) with at most limit
 * records from offset, newest first for conflicts. Returns how many, or
 * -1 on a database error.
 */
int	 sync_list_rejected(struct db *db, int offset, int limit,
	    struct sync_issue **items);
int	 sync_list_conflicts(struct db *db, int offset, int limit,
	    struct sync_issue **items);
void	 sync_issues_free(struct sync_issue *items, int n);

/*
 * Matching the units of a database that held work before enrolment to
 * the server's (src/sync/rekey.c, docs/sync.md). Enrolment matches by
 * id and code; what is left waits for the clerk, and sync refuses to run
 * until sync_match_apply().
 */
enum sync_match_state {
	SYNC_MATCH_SAME,	/* the server's unit, by id */
	SYNC_MATCH_PAIRED,	/* matched (by code or by the clerk) */
	SYNC_MATCH_NEW,		/* local: below a matched unit, will be pushed */
	SYNC_MATCH_UNPLACED,	/* local: no place in the server's tree */
};

struct sync_match_unit {
	int64_t			 id;
	int			 depth;		/* in its tree, 0: a root */
	char			*code;
	char			*name;
	int64_t			 pair;		/* the unit matched with, or 0 */
	char			*pair_name;	/* its name, "" if none */
	enum sync_match_state	 state;		/* server units: SAME, PAIRED, NEW */
};

/* 1 while units wait for the clerk (sync refuses to run). */
int	 sync_match_pending(struct db *db);
/* Local units nothing places yet, or -1. */
int64_t	 sync_match_unplaced(struct db *db);
/* Units of the local tree (remote 0) or of the server's; -1 on error. */
int64_t	 sync_match_count(struct db *db, int remote);
/*
 * A page of the local tree or of the server's, in tree order; fills
 * *items (caller frees with sync_match_free). Returns how many, or -1.
 */
int	 sync_match_local(struct db *db, int offset, int limit,
	    struct sync_match_unit **items);
int	 sync_match_remote(struct db *db, int offset, int limit,
	    struct sync_match_unit **items);
void	 sync_match_free(struct sync_match_unit *items, int n);
/*
 * The clerk's choice: local is the server's unit remote (0: none); if
 * remote is already here (enrolled again) the local one merges into it.
 */
int	 sync_match_pair(struct db *db, int64_t local, int64_t remote);
/*
 * Re-keys, in one transaction, every local unit matched to its server
 * unit, stores the server's units and ends the matching; local units left
 * unmatched stay this PC's own. 0, or -1 with db_error().
 */
int	 sync_match_apply(struct db *db);

/*
 * Sends every rejected record again at the next sync (after the cause
 * was fixed). Returns how many, or -1.
 */
int64_t	 sync_requeue_rejected(struct db *db);

/*
 * A sync carried by hand (docs/sync.md, "Bundles"). sync_bundle_export
 * writes to path everything waiting for the server as the requests a
 * sync would send, signed with the device's credential; *hash is the
 * file's SHA-256 (hex, caller frees), *rows the records in it. 0, or -1
 * with *err (Vietnamese, caller frees).
 */
int	 sync_bundle_export(struct db *db, const char *path, char **hash,
	    int64_t *rows, char **err);
/*
 * Applies the province's reply bundle at path in one transaction, after
 * checking it is whole, unaltered and this device's. *summary says what
 * it did, *receipt is the province's receipt text (NULL if none); both
 * caller frees. 0 applied, 1 applied before (nothing changed), -1 with
 * *err and nothing changed.
 */
int	 sync_bundle_import(struct db *db, const char *path, char **summary,
	    char **receipt, char **err);

/*
 * The server URL this database is enrolled with, or NULL when it is not
 * enrolled (or its credential cannot be read). Caller frees.
 */
char	*sync_server_url(struct db *db);

#endif

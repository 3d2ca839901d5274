/*
 * sync_int.h - what the client's files share, not for the interface.
 */
#ifndef QT_SYNC_INT_H
#define QT_SYNC_INT_H

#include <stdint.h>
#include <time.h>

#include "sync/wire.h"

struct db;

/* Rows and compressed bytes one push batch carries at most (about). */
#define SYNC_BATCH_ROWS		5000
#define SYNC_BATCH_ZBYTES	(32 * 1024)
/* After this many cut transfers a batch is split; its size halves to this. */
#define SYNC_SPLIT_AFTER	2
#define SYNC_BATCH_ZMIN		(4 * 1024)

/* Settings keys. */
/* The unit this database keeps (reports and the interface use it too). */
#define SYNC_KEY_UNIT		"home_unit_id"
#define SYNC_KEY_CURSOR		"sync.cursor"
#define SYNC_KEY_CACERT		"sync.cacert"
#define SYNC_KEY_PIN		"sync.pin"
#define SYNC_KEY_LAST		"sync.last_success"
/* When the server's poll hint ends (seconds since 1970; docs/sync.md). */
#define SYNC_KEY_POLL		"sync.poll_until"
/* The compressed bytes of a new batch, and the batch cut last (split.c). */
#define SYNC_KEY_BATCH_SIZE	"sync.batch_bytes"
#define SYNC_KEY_BATCH_CUT	"sync.batch_cut"

/*
 * The push batch to send: the one awaiting acknowledgement if any, else a
 * new one made from the waiting changes (saved before it is sent). Fills
 * *plain with its records, rows and "end", to follow the request's
 * header. Returns 1, 0 when nothing waits, -1.
 */
int	 queue_next_batch(struct db *db, struct buf *plain, int64_t *batch,
	    int64_t *count);
/*
 * The stored batch (awaiting acknowledgement) of the lowest id above
 * after, as queue_next_batch fills it; 1, 0 when there is none, -1.
 */
int	 queue_stored_batch(struct db *db, int64_t after, struct buf *plain,
	    int64_t *batch, int64_t *count);
/* A new batch of the waiting changes, saved, even if others are stored. */
int	 queue_new_batch(struct db *db, struct buf *plain, int64_t *batch,
	    int64_t *count);
/*
 * Records the server's acknowledgement of batch (records after the header
 * in rd, up to the end or to a "page" record, left to read): rejected
 * rows set aside with their reason, stale rows logged as conflicts, the
 * rest done. Returns 0, or -1 if the acknowledgement does not match the
 * batch (nothing is changed then).
 */
int	 queue_ack(struct db *db, int64_t batch, const struct wire_record *hdr,
	    struct wire_reader *rd);
/* The compressed bytes a new batch or a page is cut at (src/sync/split.c). */
int64_t	 queue_batch_target(struct db *db);
/* A round trip got through: the next batch and page may be larger. */
int	 queue_link_ok(struct db *db);
/*
 * A transfer carrying batch (0: none) was cut: the next are half the
 * size, and at the SYNC_SPLIT_AFTER-th cut of batch its rows wait again,
 * for smaller batches. 0, or -1 (db_error).
 */
int	 queue_link_cut(struct db *db, int64_t batch);
/* Adds a row to the conflict log: the value kept ("" unknown), the one lost. */
int	 queue_log_conflict(struct db *db, const char *tbl, int64_t key,
	    const char *kept, const char *lost, const char *reason);
/*
 * Logs a "conflict" record of the server (an acknowledgement's note or a
 * pulled record, src/sync/conflict.c): two devices changed the same row,
 * what was kept and what was not, by whom and when. 0, or -1 if rec is
 * malformed or cannot be stored.
 */
int	 conflict_log(struct db *db, const struct wire_record *rec);

/* Keeps a pulled page's rows until the last page has come; -1 if malformed. */
int	 inbox_store(struct db *db, struct wire_reader *rd, int64_t count,
	    int64_t cursor);
/* Applies every stored row in one transaction; -1 with db_error(). */
int	 inbox_apply(struct db *db, int64_t *applied);

/* The device credential of db saved by quantriet enroll (src/sync/cred.c). */
int	 cred_load(struct db *db, char **url, char **token, char **err);
int	 cred_save(struct db *db, const char *url, const char *token, char **err);

/*
 * Matches the local units to the server's unit records that follow the
 * enrolment reply's header in rd (src/sync/rekey.c) and re-keys them,
 * inside the caller's transaction. Returns 0 done, 1 when units wait for
 * the clerk (sync_match_*), -1 with db_error().
 */
int	 rekey_enrol(struct db *db, struct wire_reader *rd);

/*
 * Takes the database's sync lock (src/sync/lock.c), waiting up to wait_s
 * seconds for another run to end. 0 with *fd to give to sync_unlock, or
 * -1 with *err (Vietnamese, caller frees).
 */
int	 sync_lock(const char *db_path, int wait_s, int *fd, char **err);
void	 sync_unlock(int *fd);

/* Request bodies start with this header record (then wire_end). */
void	 sync_header(struct buf *b, const char *type);

/* What replies brought, added up over a run or a bundle. */
struct sync_tally {
	int64_t	pushed, rejected, stale, pulled;
	int	batches;	/* acknowledgements taken */
	int	pull_done;	/* the last page has come */
	int64_t	poll;		/* the last page's poll hint */
};

/* Records when the last verified sync was (sync_last_success shows it). */
int	 sync_set_last(struct db *db, time_t when);
/* Adds an acknowledgement's figures (applied to pushed) and counts it. */
void	 sync_tally_ack(struct sync_tally *t, const struct wire_record *ack);
/*
 * Appends a version 3 request (src/sync/reply.c): the header with the
 * pull cursor (and the page size the link carries), then, if batch is
 * not 0, batch's count and its rows.
 */
void	 sync_request(struct db *db, struct buf *plain, int64_t batch,
	    int64_t count, const struct buf *rows);
/*
 * Reads a version 3 reply after its header: the acknowledgement of
 * batch (0: none was sent; -1, a bundle's part: the one the reply names
 * if any, passed over if that batch is no longer stored), then the page,
 * stored, and applied with the others when it is the last. Adds to *t.
 * 0, or -1 with *err (Vietnamese, caller frees).
 */
int	 sync_reply_read(struct db *db, int64_t batch, struct wire_reader *rd,
	    struct sync_tally *t, char **err);

#endif

/*
 * run.c - one sync run: round trips (POST /v1/sync) each carrying the
 * next push batch, if any, and the pull cursor, answered with the
 * batch's acknowledgement and a page; what was pulled is applied after
 * the last page. Each step is verified against the server's reply
 * before anything is marked done, so a cut link or a captive portal's
 * "200 OK" never loses or invents a change.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "hlc.h"
#include "sync/http.h"
#include "sync/netlib.h"
#include "sync/sync.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

enum run_state {
	RUN_IDLE, RUN_SENDING, RUN_WAITING, RUN_DONE, RUN_FAILED
};

struct sync_run {
	struct db		*db;
	CURLM			*multi;
	struct http_call	*call;
	enum run_state		 state;
	char			*url;
	char			*token;
	char			*cacert;
	char			*pin;
	int64_t			 batch;		/* in flight; 0: none */
	struct sync_tally	 tally;		/* what the replies brought */
	int64_t			 requests;
	int64_t			 bytes_sent, bytes_received;
	struct sync_progress	 progress;
	time_t			 started;
	int			 lock;		/* sync_lock() */
	struct sync_retry	 retry;
	int64_t			 started_ms;	/* hlc_mono_ms() */
	int64_t			 wake_ms;	/* RUN_WAITING until then */
	int			 retries;	/* waits so far */
	char			*error;
	char			*summary;
};

struct sync_run *
sync_start(struct db *db, int wait_s, char **err)
{
	struct sync_run *run;
	char *url, *token;
	int lock;

	*err = NULL;
	if (sync_match_pending(db)) {
		*err = xstrdup("Các đơn vị nhập trên máy này trước khi đăng ký "
		    "chưa ghép với đơn vị của tỉnh: mở quantriet, màn hình Đồng "
		    "bộ (phím 5), phím g để ghép, rồi mới đồng bộ");
		return NULL;
	}
	if (netlib_load(err) == NULL)
		return NULL;
	if (cred_load(db, &url, &token, err) != 0)
		return NULL;
	if (!http_url_allowed(url)) {
		*err = xasprintf("Địa chỉ máy chủ %s không dùng HTTPS: hãy đăng "
		    "ký lại với địa chỉ https://", url);
		free(url);
		free(token);
		return NULL;
	}
	if (sync_lock(db_path(db), wait_s, &lock, err) != 0) {
		free(url);
		free(token);
		return NULL;
	}
	run = xcalloc(1, sizeof *run);
	run->lock = lock;
	run->started_ms = hlc_mono_ms();
	run->db = db;
	run->url = url;
	run->token = token;
	run->cacert = db_setting_get(db, SYNC_KEY_CACERT);
	run->pin = db_setting_get(db, SYNC_KEY_PIN);
	run->multi = netlib()->multi_init();
	run->started = time(NULL);
	run->progress.seconds_left = -1;
	run->progress.batches_total = (int)((sync_pending_count(db) +
	    SYNC_BATCH_ROWS - 1) / SYNC_BATCH_ROWS);
	return run;
}

void
sync_set_tls(struct sync_run *run, const char *cacert, const char *pin)
{
	if (cacert != NULL) {
		free(run->cacert);
		run->cacert = xstrdup(cacert);
	}
	if (pin != NULL) {
		free(run->pin);
		run->pin = xstrdup(pin);
	}
}

void
sync_set_retry(struct sync_run *run, const struct sync_retry *r)
{
	run->retry = *r;
}

static void
run_fail(struct sync_run *run, char *why)
{
	free(run->error);
	run->error = why;
	run->state = RUN_FAILED;
}

static void
run_send(struct sync_run *run, const char *path, const struct buf *plain)
{
	struct http_opts o = { run->cacert, run->pin, run->token, 1 };

	run->call = http_call_start(run->multi, run->url, path, &o, plain);
	run->requests++;
}

/* The end of a run: everything pushed and the last page applied. */
static void
run_done(struct sync_run *run)
{
	char until[32];
	time_t now = time(NULL);

	snprintf(run->progress.phase, sizeof run->progress.phase,
	    "Đã đồng bộ xong");
	snprintf(until, sizeof until, "%lld", (long long)now + run->tally.poll);
	if (sync_set_last(run->db, now) != 0 ||
	    db_setting_set(run->db, SYNC_KEY_POLL, until) != 0) {
		run_fail(run, xstrdup(db_error(run->db)));
		return;
	}
	run->state = RUN_DONE;
}

/*
 * Batches are cut by their compressed bytes, so how many rows one holds
 * is known once it is cut: the rows still queued (this batch's among
 * them, audit rows too) over this batch's give the batches left.
 */
static void
run_estimate_batches(struct sync_run *run, int64_t count)
{
	int64_t left = db_int(run->db, 0, "SELECT count(*) FROM sync_outbox "
	    "WHERE state <> 'rejected'", 0);

	if (count > 0)
		run->progress.batches_total = run->progress.batches_done +
		    (int)((left + count - 1) / count);
	if (run->progress.batches_total <= run->progress.batches_done)
		run->progress.batches_total = run->progress.batches_done + 1;
}

/*
 * Starts the next round trip: the next batch to push, if any, with the
 * pull cursor; or ends the run when nothing is left either way.
 */
static void
run_next(struct sync_run *run)
{
	struct buf plain = { 0 }, rows = { 0 };
	int64_t count = 0;
	int rc = queue_next_batch(run->db, &rows, &run->batch, &count);

	if (rc < 0) {
		run_fail(run, xstrdup(db_error(run->db)));
		buf_free(&rows);
		return;
	}
	if (rc == 0 && run->tally.pull_done) {
		buf_free(&rows);
		run_done(run);
		return;
	}
	if (rc > 0) {
		run_estimate_batches(run, count);
		snprintf(run->progress.phase, sizeof run->progress.phase,
		    "Đang gửi gói %d (%lld bản ghi)", run->progress.batches_done + 1,
		    (long long)count);
	} else {
		run->batch = 0;
		snprintf(run->progress.phase, sizeof run->progress.phase,
		    "Đang nhận dữ liệu từ máy chủ tỉnh");
	}
	sync_request(run->db, &plain, run->batch, count, &rows);
	run->state = RUN_SENDING;
	run_send(run, "/v1/sync", &plain);
	buf_free(&rows);
	buf_free(&plain);
}

/*
 * Schedules another try after a failure that may pass (why: the reason,
 * kept), if the run's retry bound allows: the wait doubles from base to
 * max, half of it drawn at random so that communes refused together do
 * not come back together, and is never shorter than the server's
 * Retry-After. Returns 0 when no try is left.
 */
static int
run_retry(struct sync_run *run, unsigned retry_after, char *why)
{
	const struct sync_retry *r = &run->retry;
	int64_t step = r->base_ms, wait, now = hlc_mono_ms();
	int i;

	if (r->total_ms <= 0 || step <= 0)
		return 0;
	for (i = 0; i < run->retries && step < r->max_ms; i++)
		step *= 2;
	if (step > r->max_ms)
		step = r->max_ms;
	wait = (int64_t)retry_after * 1000;
	if (wait < step / 2)
		wait = step / 2;
	wait += db_new_id() % (step / 2 + 1);
	if (now + wait - run->started_ms > r->total_ms)
		return 0;
	run->retries++;
	run->wake_ms = now + wait;
	run->state = RUN_WAITING;
	free(run->error);
	run->error = why;
	snprintf(run->progress.phase, sizeof run->progress.phase,
	    "Chưa được (lần %d): thử lại sau %lld giây", run->retries,
	    (long long)(wait + 999) / 1000);
	return 1;
}

/* why, and how long the run kept trying; frees why. */
static char *
run_gave_up(struct sync_run *run, char *why)
{
	char *out = xasprintf("%s (đã thử lại %d lần trong %lld giây)", why,
	    run->retries, (long long)(hlc_mono_ms() - run->started_ms) / 1000);

	free(why);
	return out;
}

/* Reads a reply after its header: the acknowledgement, then the page. */
static void
run_read(struct sync_run *run, struct wire_reader *rd)
{
	char *err;

	if (sync_reply_read(run->db, run->batch, rd, &run->tally, &err) != 0) {
		run_fail(run, err);
		return;
	}
	run->progress.batches_done = run->tally.batches;
	if (run->progress.batches_total < run->progress.batches_done)
		run->progress.batches_total = run->progress.batches_done;
	run->state = RUN_IDLE;
}

/* Handles the reply to the request in flight. */
static void
run_reply(struct sync_run *run, CURLcode result)
{
	struct wire_record *hdr = xmalloc(sizeof *hdr);
	struct buf plain = { 0 };
	struct wire_reader rd;
	int64_t server_now, sent, recv, hlc;
	char *err = NULL;
	int rc;

	http_call_bytes(run->call, &sent, &recv);
	run->bytes_sent += sent;
	run->bytes_received += recv;
	/* A cut link: smaller batches and pages; a batch cut again is split. */
	if (result != CURLE_OK && queue_link_cut(run->db, run->batch) != 0) {
		run_fail(run, xstrdup(db_error(run->db)));
	} else if ((rc = http_call_finish(run->call, result, "sync", &plain,
	    hdr, &rd, &server_now, &err)) != 0) {
		if (rc != HTTP_RETRY || !run_retry(run,
		    http_call_retry_after(run->call), err))
			run_fail(run, run->retries == 0 ? err : run_gave_up(run,
			    err));
	} else if (hlc_set_offset(run->db, hlc_wall_ms(), server_now) != 0 ||
	    queue_link_ok(run->db) != 0) {
		run_fail(run, xstrdup(db_error(run->db)));
	} else {
		if (wire_get_int(hdr, "hlc", &hlc) == 0)
			hlc_observe(run->db, hlc);
		run_read(run, &rd);
	}
	http_call_free(run->multi, &run->call);
	buf_free(&plain);
	free(hdr);
}

static void
run_progress(struct sync_run *run, struct sync_progress *p)
{
	int64_t sent = 0, recv = 0;
	double elapsed = difftime(time(NULL), run->started);
	int done = run->progress.batches_done, total = run->progress.batches_total;

	if (run->call != NULL)
		http_call_bytes(run->call, &sent, &recv);
	run->progress.bytes_sent = run->bytes_sent + sent;
	run->progress.bytes_received = run->bytes_received + recv;
	run->progress.seconds_left = done > 0 && total >= done ?
	    (int)(elapsed / done * (total - done)) : -1;
	if (p != NULL)
		*p = run->progress;
}

int
sync_step(struct sync_run *run, int timeout_ms, struct sync_progress *p)
{
	int running = 0;
	CURLMsg *m;
	int left;

	if (run->state == RUN_WAITING) {
		int64_t due = run->wake_ms - hlc_mono_ms();

		if (due > 0) {
			struct timespec nap;

			if (due > timeout_ms)
				due = timeout_ms;
			nap.tv_sec = due / 1000;
			nap.tv_nsec = (due % 1000) * 1000000L;
			nanosleep(&nap, NULL);
			run_progress(run, p);
			return 1;
		}
		run->state = RUN_IDLE;
	}
	if (run->state == RUN_IDLE)
		run_next(run);
	if (run->state == RUN_SENDING) {
		netlib()->multi_perform(run->multi, &running);
		if (running)
			netlib()->multi_poll(run->multi, NULL, 0, timeout_ms,
			    NULL);
		netlib()->multi_perform(run->multi, &running);
		while ((m = netlib()->multi_info_read(run->multi, &left)) !=
		    NULL)
			if (m->msg == CURLMSG_DONE && run->call != NULL &&
			    m->easy_handle == http_call_easy(run->call))
				run_reply(run, m->data.result);
	}
	run_progress(run, p);
	if (run->state == RUN_DONE)
		return 0;
	return run->state == RUN_FAILED ? -1 : 1;
}

void
sync_cancel(struct sync_run *run)
{
	http_call_free(run->multi, &run->call);
	if (run->state != RUN_DONE && run->state != RUN_FAILED)
		run_fail(run, xstrdup("Đã dừng đồng bộ; dữ liệu chưa gửi sẽ "
		    "được gửi ở lần sau"));
}

const char *
sync_error(struct sync_run *run)
{
	return run->error != NULL ? run->error : "";
}

const char *
sync_summary(struct sync_run *run)
{
	free(run->summary);
	run->summary = xasprintf("Đã gửi %lld bản ghi (%lld bị từ chối, %lld "
	    "bị bản mới hơn thay), nhận %lld bản ghi; %lld yêu cầu, %lld byte "
	    "gửi, %lld byte nhận", (long long)run->tally.pushed,
	    (long long)run->tally.rejected, (long long)run->tally.stale,
	    (long long)run->tally.pulled, (long long)run->requests,
	    (long long)run->progress.bytes_sent,
	    (long long)run->progress.bytes_received);
	return run->summary;
}

void
sync_free(struct sync_run **prun)
{
	struct sync_run *run = *prun;

	if (run == NULL)
		return;
	http_call_free(run->multi, &run->call);
	netlib()->multi_cleanup(run->multi);
	sync_unlock(&run->lock);
	free(run->url);
	free(run->token);
	free(run->cacert);
	free(run->pin);
	free(run->error);
	free(run->summary);
	free(run);
	*prun = NULL;
}

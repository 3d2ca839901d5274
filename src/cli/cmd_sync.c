/*
 * cmd_sync.c - quantriet sync: push and pull, for the clerk and cron.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cmd.h"
#include "cli/sync_opts.h"
#include "db.h"
#include "msg.h"
#include "sync/sync.h"

/*
 * A cron run (--quiet) first waits a random time up to this many seconds
 * unless --jitter says otherwise, so 150 communes on the same cron line
 * (every 30 minutes) reach the province over five minutes, not in one
 * second.
 */
#define SYNC_JITTER_S		300
/* Seconds a run waits for another run on the same database to end. */
#define SYNC_LOCK_WAIT_S	10
/*
 * Within a run, a failure that may pass is tried again after 5 s, 10 s,
 * 20 s ... up to 10 min between tries, for 20 min at most, so a run
 * from cron every 30 minutes ends before the next one starts.
 */
static const struct sync_retry sync_retry_default = {
	5 * 1000, 10 * 60 * 1000, 20 * 60 * 1000
};
/* For tests only: those figures in milliseconds. */
#define SYNC_JITTER_ENV		"QUANTRIET_TEST_JITTER_MS"
#define SYNC_BACKOFF_ENV	"QUANTRIET_TEST_BACKOFF_MS"	/* BASE,MAX,TOTAL */

/* Sleeps a random time up to the jitter the options ask for. */
static void
sync_jitter(const struct sync_opts *o)
{
	const char *env = getenv(SYNC_JITTER_ENV);
	int64_t ms = 0;
	struct timespec nap;

	if (o->jitter >= 0)
		ms = (int64_t)o->jitter * 1000;
	else if (o->quiet)
		ms = env != NULL ? strtoll(env, NULL, 10) : SYNC_JITTER_S * 1000;
	if (ms <= 0)
		return;
	ms = db_new_id() % (ms + 1);
	nap.tv_sec = ms / 1000;
	nap.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&nap, &nap) != 0 && errno == EINTR)
		;
}

/* The retry figures: the defaults, or the test's. */
static void
sync_retry_policy(struct sync_retry *r)
{
	const char *env = getenv(SYNC_BACKOFF_ENV);
	long long base, max, total;

	*r = sync_retry_default;
	if (env != NULL && sscanf(env, "%lld,%lld,%lld", &base, &max, &total) == 3) {
		r->base_ms = base;
		r->max_ms = max;
		r->total_ms = total;
	}
}

static int
cmd_sync(int argc, char **argv)
{
	struct sync_opts o;
	struct sync_retry retry;
	struct sync_run *run;
	struct db *db;
	char *err;
	int rc;

	if (sync_opts_parse(argc, argv, &o) != 0 || optind != argc || o.help) {
		msg_put(o.help ? stdout : stderr, "Cách dùng: quantriet sync "
		    "[--db TỆP] [--cacert TỆP] [--pin sha256//...] [--quiet] "
		    "[--jitter GIÂY]\n"
		    "Gửi các thay đổi chưa gửi lên máy chủ tỉnh rồi nhận kế "
		    "hoạch mới; thoát 0 chỉ khi máy chủ đã xác nhận. Mạng lỗi "
		    "hoặc máy chủ bận thì tự thử lại, tối đa 20 phút.\n"
		    "--quiet (cho cron) chờ ngẫu nhiên tới 5 phút trước khi "
		    "bắt đầu; --jitter GIÂY đặt thời gian chờ đó (0: không chờ). "
		    "Với --quiet, khi không có gì để gửi và máy chủ tỉnh báo "
		    "chưa có tin mới, không kết nối mạng.\n");
		return o.help ? 0 : EXIT_USAGE;
	}
	if ((db = cli_open_db(o.db, DB_OPEN_EXISTING)) == NULL)
		return 1;
	/* From cron, nothing to send and no news yet: no connection at all. */
	if (o.quiet && sync_poll_skip(db)) {
		db_close(&db);
		return 0;
	}
	sync_jitter(&o);
	if ((run = sync_start(db, SYNC_LOCK_WAIT_S, &err)) == NULL) {
		msg_error("%s", err);
		free(err);
		db_close(&db);
		return 1;
	}
	sync_set_tls(run, o.cacert, o.pin);
	sync_retry_policy(&retry);
	sync_set_retry(run, &retry);
	while ((rc = sync_step(run, 1000, NULL)) == 1)
		;
	if (rc == 0 && !o.quiet)
		msg_info("%s", sync_summary(run));
	if (rc != 0)
		msg_error("%s", sync_error(run));
	sync_opts_clock_warning(db);
	if (rc == 0 && !o.quiet && sync_rejected_count(db) > 0)
		msg_info("%lld bản ghi bị máy chủ tỉnh từ chối: xem trong màn "
		    "hình Đồng bộ", (long long)sync_rejected_count(db));
	sync_free(&run);
	db_close(&db);
	return rc == 0 ? 0 : 1;
}

const struct cmd_entry cmd_sync_entry = {
	"sync", "gửi và nhận dữ liệu với máy chủ tỉnh", cmd_sync
};

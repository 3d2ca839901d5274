/*
 * test_powerloss.c - a power cut at every point of a run of saves loses
 * nothing a save had acknowledged.
 *
 * As SQLite's own crash tests do, a small VFS sits over the real one and
 * keeps, for every file, what the disk would hold after a power cut:
 * the content as of its last fsync, and whether its name is there (a new
 * file's name becomes durable with its first fsync, an unlinked one's
 * only when the directory is synced). At the chosen I/O operation the
 * power goes: that operation and every later one fail, and each file is
 * put back as the disk would have it. Then the database is opened as the
 * program opens it after the cut, and every acknowledged save must be
 * there, and integrity_check must pass. With synchronous=OFF the same run
 * does lose saves: proof that the test can see a loss.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "tap.h"
#include "xmalloc.h"

/* Stops the whole test: the harness itself failed. */
static void __attribute__((noreturn))
bail(const char *why)
{
	printf("Bail out! %s\n", why);
	exit(1);
}

#define SAVES		8	/* acknowledged transactions per run */
#define MAX_FILES	8

/* What the disk holds of one file name, as a power cut would leave it. */
struct durable {
	char		*path;
	int		 exists;
	unsigned char	*data;
	sqlite3_int64	 len;
};

static struct {
	sqlite3_vfs	*real;
	struct durable	 files[MAX_FILES];
	int		 nfiles;
	long		 ops;		/* writes, syncs, truncates, deletes so far */
	long		 cut_at;	/* the operation the power goes at; 0 never */
	int		 dead;
} cut;

struct cut_file {
	sqlite3_file	 base;
	const char	*path;
	sqlite3_file	*real;		/* follows this struct */
};

static struct durable *
cut_durable(const char *path)
{
	int i;

	for (i = 0; i < cut.nfiles; i++)
		if (strcmp(cut.files[i].path, path) == 0)
			return &cut.files[i];
	if (cut.nfiles == MAX_FILES)
		bail("too many files");
	cut.files[cut.nfiles].path = xstrdup(path);
	return &cut.files[cut.nfiles++];
}

/* 1 if the power is (now) off: this operation and the rest fail. */
static int
cut_tick(void)
{
	if (!cut.dead && ++cut.ops == cut.cut_at)
		cut.dead = 1;
	return cut.dead;
}

/* The file's whole content is on the disk now, and so is its name. */
static int
cut_snapshot(struct cut_file *f)
{
	struct durable *d = cut_durable(f->path);
	sqlite3_int64 len;

	if (f->real->pMethods->xFileSize(f->real, &len) != SQLITE_OK)
		return SQLITE_IOERR_FSYNC;
	free(d->data);
	d->data = xmalloc(len > 0 ? (size_t)len : 1);
	d->len = len;
	d->exists = 1;
	if (len > 0 && f->real->pMethods->xRead(f->real, d->data, (int)len, 0) !=
	    SQLITE_OK)
		return SQLITE_IOERR_FSYNC;
	return SQLITE_OK;
}

static int
cut_close(sqlite3_file *file)
{
	struct cut_file *f = (struct cut_file *)file;

	return f->real->pMethods->xClose(f->real);
}

static int
cut_read(sqlite3_file *file, void *buf, int n, sqlite3_int64 off)
{
	struct cut_file *f = (struct cut_file *)file;

	return f->real->pMethods->xRead(f->real, buf, n, off);
}

static int
cut_write(sqlite3_file *file, const void *buf, int n, sqlite3_int64 off)
{
	struct cut_file *f = (struct cut_file *)file;

	if (cut_tick())
		return SQLITE_IOERR_WRITE;
	return f->real->pMethods->xWrite(f->real, buf, n, off);
}

static int
cut_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	struct cut_file *f = (struct cut_file *)file;

	if (cut_tick())
		return SQLITE_IOERR_TRUNCATE;
	return f->real->pMethods->xTruncate(f->real, size);
}

static int
cut_sync(sqlite3_file *file, int flags)
{
	struct cut_file *f = (struct cut_file *)file;

	/* The model decides what is on the disk: no real fsync, so the
	 * hundreds of runs stay quick. */
	(void)flags;
	if (cut_tick())
		return SQLITE_IOERR_FSYNC;
	return cut_snapshot(f);
}

static int
cut_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
	struct cut_file *f = (struct cut_file *)file;

	return f->real->pMethods->xFileSize(f->real, size);
}

static int
cut_lock(sqlite3_file *file, int level)
{
	struct cut_file *f = (struct cut_file *)file;

	return f->real->pMethods->xLock(f->real, level);
}

static int
cut_unlock(sqlite3_file *file, int level)
{
	struct cut_file *f = (struct cut_file *)file;

	return f->real->pMethods->xUnlock(f->real, level);
}

static int
cut_check_lock(sqlite3_file *file, int *out)
{
	struct cut_file *f = (struct cut_file *)file;

	return f->real->pMethods->xCheckReservedLock(f->real, out);
}

static int
cut_control(sqlite3_file *file, int op, void *arg)
{
	struct cut_file *f = (struct cut_file *)file;

	return f->real->pMethods->xFileControl(f->real, op, arg);
}

static int
cut_sector(sqlite3_file *file)
{
	struct cut_file *f = (struct cut_file *)file;

	return f->real->pMethods->xSectorSize(f->real);
}

static int
cut_characteristics(sqlite3_file *file)
{
	struct cut_file *f = (struct cut_file *)file;

	return f->real->pMethods->xDeviceCharacteristics(f->real);
}

/* Version 1 methods only: no shared memory, so no WAL (DELETE mode). */
static const sqlite3_io_methods cut_methods = {
	1, cut_close, cut_read, cut_write, cut_truncate, cut_sync,
	cut_file_size, cut_lock, cut_unlock, cut_check_lock, cut_control,
	cut_sector, cut_characteristics, NULL, NULL, NULL, NULL, NULL, NULL
};

static int
cut_open(sqlite3_vfs *vfs, const char *path, sqlite3_file *file, int flags,
    int *out_flags)
{
	struct cut_file *f = (struct cut_file *)file;
	int rc;

	(void)vfs;
	memset(f, 0, sizeof *f);
	f->real = (sqlite3_file *)(f + 1);
	f->path = path;
	if ((rc = cut.real->xOpen(cut.real, path, f->real, flags, out_flags)) !=
	    SQLITE_OK)
		return rc;
	f->base.pMethods = &cut_methods;
	return SQLITE_OK;
}

static int
cut_delete(sqlite3_vfs *vfs, const char *path, int sync_dir)
{
	int rc;

	(void)vfs;
	if (cut_tick())
		return SQLITE_IOERR_DELETE;
	rc = cut.real->xDelete(cut.real, path, sync_dir);
	/* Without a directory sync the name may come back after a cut. */
	if (rc == SQLITE_OK && sync_dir)
		cut_durable(path)->exists = 0;
	return rc;
}

static int
cut_access(sqlite3_vfs *vfs, const char *path, int flags, int *out)
{
	(void)vfs;
	return cut.real->xAccess(cut.real, path, flags, out);
}

static int
cut_full_path(sqlite3_vfs *vfs, const char *path, int n, char *out)
{
	(void)vfs;
	return cut.real->xFullPathname(cut.real, path, n, out);
}

static int
cut_random(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return cut.real->xRandomness(cut.real, n, out);
}

static int
cut_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return cut.real->xSleep(cut.real, us);
}

static int
cut_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return cut.real->xCurrentTime(cut.real, out);
}

static int
cut_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return cut.real->xGetLastError(cut.real, n, out);
}

static sqlite3_vfs cut_vfs = {
	1, 0, 0, NULL, "powercut", NULL, cut_open, cut_delete, cut_access,
	cut_full_path, NULL, NULL, NULL, NULL, cut_random, cut_sleep, cut_time,
	cut_last_error, NULL, NULL, NULL, NULL
};

/* The new, empty database every run starts from. */
static struct durable base;

static void
make_base(const char *path)
{
	char *err = NULL;
	struct db *db;
	FILE *fp;

	unlink(path);
	if ((db = db_open(path, DB_OPEN_CREATE, &err)) == NULL)
		bail(err);
	db_close(&db);
	if ((fp = fopen(path, "rb")) == NULL || fseek(fp, 0, SEEK_END) != 0 ||
	    (base.len = ftell(fp)) <= 0 || fseek(fp, 0, SEEK_SET) != 0)
		bail("cannot read the new database");
	base.data = xmalloc((size_t)base.len);
	if (fread(base.data, 1, (size_t)base.len, fp) != (size_t)base.len)
		bail("cannot read the new database");
	fclose(fp);
}

/* The disk as the power cut left it: each file's durable content. */
static void
cut_restore(void)
{
	int i;

	for (i = 0; i < cut.nfiles; i++) {
		struct durable *d = &cut.files[i];
		FILE *fp;

		if (!d->exists) {
			unlink(d->path);
			continue;
		}
		if ((fp = fopen(d->path, "wb")) == NULL ||
		    fwrite(d->data, 1, (size_t)d->len, fp) != (size_t)d->len ||
		    fclose(fp) != 0)
			bail("cannot restore a file");
	}
}

static void
cut_reset(long cut_at)
{
	int i;

	for (i = 0; i < cut.nfiles; i++) {
		free(cut.files[i].path);
		free(cut.files[i].data);
	}
	memset(cut.files, 0, sizeof cut.files);
	cut.nfiles = 0;
	cut.ops = 0;
	cut.cut_at = cut_at;
	cut.dead = 0;
}

/*
 * One run on a fresh database at path: SAVES transactions, each one row,
 * through db.c as the program makes them, the power going at operation
 * cut_at (0: never). Returns how many were acknowledged; *ops the
 * operations the run made.
 */
static int
run(const char *path, long cut_at, const char *sync_pragma, long *ops)
{
	struct db *db;
	char *err = NULL;
	int acked = 0, i;
	struct durable *d;

	/* The empty database is on the disk before the run starts. */
	cut_reset(cut_at);
	d = cut_durable(path);
	d->exists = 1;
	d->len = base.len;
	d->data = xmalloc((size_t)base.len);
	memcpy(d->data, base.data, (size_t)base.len);
	cut_restore();
	if ((db = db_open(path, DB_OPEN_EXISTING, &err)) == NULL) {
		free(err);
		goto done;
	}
	if (sync_pragma != NULL && db_exec(db, sync_pragma) != 0)
		goto close;
	for (i = 0; i < SAVES; i++) {
		char sql[128];

		snprintf(sql, sizeof sql, "INSERT INTO setting(key, value)"
		    " VALUES ('k%d', 'v')", i);
		if (db_begin(db) != 0)
			break;
		if (db_exec(db, sql) != 0) {
			db_rollback(db);
			break;
		}
		if (db_commit(db) != 0)
			break;
		acked++;
	}
close:
	db_close(&db);
done:
	*ops = cut.ops;
	cut_restore();
	return acked;
}

/*
 * After the cut: how many of the saves are there, and is the file sound?
 * Opened as the program opens it (a hot journal is rolled back), through
 * the same VFS with the power on: no real fsync needed to read.
 */
static int
check(const char *path, int *sound)
{
	char *err = NULL;
	struct db *db;
	int n;

	cut_reset(0);
	db = db_open(path, DB_OPEN_EXISTING, &err);
	if (db == NULL) {
		free(err);
		*sound = 0;
		return -1;
	}
	n = (int)db_int(db, -1, "SELECT count(*) FROM setting WHERE key GLOB"
	    " 'k[0-9]*'", 0);
	*sound = db_int(db, 0, "SELECT integrity_check = 'ok' FROM"
	    " pragma_integrity_check", 0) == 1;
	db_close(&db);
	return n;
}

/*
 * Cuts the power at every operation of a run with sync_pragma; returns
 * the cuts that lost an acknowledged save (or left a broken file), and
 * the number of cut points tried in *points.
 */
static int
sweep(const char *path, const char *sync_pragma, long *points, int *broken)
{
	long ops, k;
	int lost = 0;

	run(path, 0, sync_pragma, &ops);
	*points = ops;
	*broken = 0;
	for (k = 1; k <= ops; k++) {
		long unused;
		int acked = run(path, k, sync_pragma, &unused), sound;
		int found = check(path, &sound);

		if (found < acked)
			lost++;
		if (!sound)
			(*broken)++;
	}
	return lost;
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/qt-powerloss-%ld.db", tmp != NULL ? tmp :
	    "/tmp", (long)getpid());
	long points;
	int lost, broken;

	cut_vfs.szOsFile = (int)sizeof(struct cut_file) +
	    sqlite3_vfs_find(NULL)->szOsFile;
	cut_vfs.mxPathname = sqlite3_vfs_find(NULL)->mxPathname;
	make_base(path);
	cut.real = sqlite3_vfs_find(NULL);
	sqlite3_vfs_register(&cut_vfs, 1);
	lost = sweep(path, NULL, &points, &broken);
	tap_ok(points > SAVES * 3, "a run of %d saves makes %ld I/O operations",
	    SAVES, points);
	tap_is_int(lost, 0, "a power cut at any of them loses no acknowledged "
	    "save, with the program's settings");
	tap_is_int(broken, 0, "and leaves a database integrity_check accepts");
	lost = sweep(path, "PRAGMA synchronous = OFF", &points, &broken);
	tap_ok(lost > 0, "with synchronous=OFF the same cuts lose saves (%d of "
	    "%ld): the test sees a loss", lost, points);
	cut_reset(0);
	sqlite3_vfs_unregister(&cut_vfs);
	unlink(path);
	free(path);
	free(base.data);
	return tap_done();
}

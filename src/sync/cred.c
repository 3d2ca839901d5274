/*
 * cred.c - the device credential of a database
 * (paths_config_dir()/credential-DATABASE_ID).
 *
 * Two lines, "url URL" and "token TOKEN", mode 0600: anyone who can read
 * the token can sync as this commune until the province revokes it. The
 * file is named by the database's own id (the setting database_id, made
 * once per database, never synced), so two databases of one Unix user
 * each keep their own enrolment; a database moved or restored from a
 * backup keeps it.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "files.h"
#include "msg.h"
#include "paths.h"
#include "sync/sync.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/* The file before credentials were per database (one per Unix user). */
#define CRED_LEGACY	"credential"

/* The path of db's credential (caller frees), or NULL with *err. */
static char *
cred_path(struct db *db, char **err)
{
	char *dir = paths_config_dir(), *id = db_setting_get(db, "database_id");
	char *path = NULL;

	if (id != NULL && *id != '\0' && strspn(id, "0123456789abcdef") ==
	    strlen(id))
		path = xasprintf("%s/credential-%s", dir, id);
	else
		*err = xstrdup("Cơ sở dữ liệu không có mã nhận dạng "
		    "(database_id): hãy chạy quantriet check");
	free(id);
	free(dir);
	return path;
}

/*
 * A credential of the old, per-user kind goes to the first enrolled
 * database that looks for its own: before, every database of the user
 * used it, and an enrolled one is the one that was meant.
 */
static void
cred_adopt_legacy(struct db *db, const char *path)
{
	char *dir = paths_config_dir(), *old = xasprintf("%s/" CRED_LEGACY, dir);
	char *unit = db_setting_get(db, SYNC_KEY_UNIT);

	if (unit != NULL && access(path, F_OK) != 0 && access(old, F_OK) == 0)
		rename(old, path);
	free(unit);
	free(old);
	free(dir);
}

int
cred_load(struct db *db, char **url, char **token, char **err)
{
	char *path = cred_path(db, err), line[1024];
	FILE *fp;

	*url = *token = NULL;
	if (path == NULL)
		return -1;
	cred_adopt_legacy(db, path);
	if ((fp = fopen(path, "r")) == NULL) {
		*err = xasprintf("Cơ sở dữ liệu này chưa đăng ký với máy chủ tỉnh "
		    "(không có %s): hãy chạy quantriet enroll ĐỊA_CHỈ MÃ với mã "
		    "do cấp tỉnh cấp", path);
		free(path);
		return -1;
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (strncmp(line, "url ", 4) == 0 && *url == NULL)
			*url = xstrdup(line + 4);
		else if (strncmp(line, "token ", 6) == 0 && *token == NULL)
			*token = xstrdup(line + 6);
	}
	fclose(fp);
	if (*url == NULL || *token == NULL) {
		*err = xasprintf("Tệp %s bị hỏng: hãy đăng ký lại bằng mã mới",
		    path);
		x_free(url);
		x_free(token);
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

int
cred_save(struct db *db, const char *url, const char *token, char **err)
{
	char *dir = paths_config_dir(), *path = cred_path(db, err);
	char *text = xasprintf("url %s\ntoken %s\n", url, token);
	int rc = -1;

	if (path != NULL && (paths_make_dir(dir) != 0 ||
	    files_write(path, text, strlen(text)) != 0))
		*err = xasprintf("Không lưu được thông tin đăng ký vào %s: %s",
		    path, msg_strerror(errno));
	else if (path != NULL)
		rc = 0;
	free(text);
	free(dir);
	free(path);
	return rc;
}

char *
sync_server_url(struct db *db)
{
	char *url, *token, *err = NULL;

	if (cred_load(db, &url, &token, &err) != 0) {
		free(err);
		return NULL;
	}
	free(token);
	return url;
}

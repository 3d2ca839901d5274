/*
 * cred.c - the device credential file (paths_config_dir()/credential).
 *
 * Two lines, "url URL" and "token TOKEN", mode 0600: anyone who can read
 * the token can sync as this commune until the province revokes it.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "msg.h"
#include "paths.h"
#include "sync/sync.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

static char *
cred_path(void)
{
	char *dir = paths_config_dir(), *path = xasprintf("%s/credential", dir);

	free(dir);
	return path;
}

int
cred_load(char **url, char **token, char **err)
{
	char *path = cred_path(), line[1024];
	FILE *fp = fopen(path, "r");

	*url = *token = NULL;
	if (fp == NULL) {
		*err = xasprintf("Máy này chưa đăng ký với máy chủ tỉnh (không "
		    "có %s): hãy chạy quantriet enroll ĐỊA_CHỈ MÃ với mã do cấp "
		    "tỉnh cấp", path);
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
cred_save(const char *url, const char *token, char **err)
{
	char *dir = paths_config_dir(), *path = cred_path();
	char *text = xasprintf("url %s\ntoken %s\n", url, token);
	int rc = 0;

	if (paths_make_dir(dir) != 0 ||
	    files_write(path, text, strlen(text)) != 0) {
		*err = xasprintf("Không lưu được thông tin đăng ký vào %s: %s",
		    path, msg_strerror(errno));
		rc = -1;
	}
	free(text);
	free(dir);
	free(path);
	return rc;
}

char *
sync_server_url(void)
{
	char *url, *token, *err = NULL;

	if (cred_load(&url, &token, &err) != 0) {
		free(err);
		return NULL;
	}
	free(token);
	return url;
}

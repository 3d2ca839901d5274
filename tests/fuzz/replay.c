/*
 * replay.c - runs a fuzz target's entry point on files, without libFuzzer:
 * "replay_NAME DIR|FILE..." feeds it every regular file given or found in
 * a directory given, and prints how many it ran. A crash, or a sanitizer's
 * report, fails the test that runs it (tests/fuzz/replay.sh).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "xmalloc.h"

/* Feeds one file to the target; 0, or -1 if it cannot be read. */
static int
replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t len = 0, n;
	uint8_t chunk[65536];

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		data = xrealloc(data, len + n);
		memcpy(data + len, chunk, n);
		len += n;
	}
	fclose(fp);
	/* A copy of exactly len bytes, so a read past the end is caught. */
	LLVMFuzzerTestOneInput(data != NULL ? data : chunk, len);
	free(data);
	return 0;
}

int
main(int argc, char **argv)
{
	struct stat st;
	long files = 0;
	int i, bad = 0;

	for (i = 1; i < argc; i++) {
		DIR *dir;
		struct dirent *e;

		if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			bad |= replay_file(argv[i]) != 0;
			files++;
			continue;
		}
		if ((dir = opendir(argv[i])) == NULL) {
			perror(argv[i]);
			return 1;
		}
		while ((e = readdir(dir)) != NULL) {
			char *path = xasprintf("%s/%s", argv[i], e->d_name);

			if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
				bad |= replay_file(path) != 0;
				files++;
			}
			free(path);
		}
		closedir(dir);
	}
	printf("%ld\n", files);
	return bad;
}

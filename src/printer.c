/*
 * printer.c - running the print command (printer.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "printer.h"
#include "xmalloc.h"

extern char **environ;

/* COMMAND split at spaces and tabs into a NULL-ended argv; *copy owns it. */
static char **
printer_argv(const char *command, char **copy)
{
	char **argv = xcalloc(strlen(command) / 2 + 2, sizeof *argv), *p, *save;
	size_t n = 0;

	*copy = xstrdup(command);
	for (p = strtok_r(*copy, " \t", &save); p != NULL;
	    p = strtok_r(NULL, " \t", &save))
		argv[n++] = p;
	argv[n] = NULL;
	return argv;
}

/* Writes all of data to fd; a reader that quits early is not our error. */
static void
printer_feed(int fd, const char *data, size_t len)
{
	struct sigaction ign, old;

	/* A command that exits without reading must not kill us by SIGPIPE. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	while (len > 0) {
		ssize_t w = write(fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		data += w;
		len -= (size_t)w;
	}
	sigaction(SIGPIPE, &old, NULL);
}

int
printer_send(const char *command, const char *data, size_t len, char **err)
{
	posix_spawn_file_actions_t fa;
	char *copy, **argv = printer_argv(command, &copy);
	int fds[2], status, rc;
	pid_t pid;

	*err = NULL;
	if (argv[0] == NULL) {
		*err = xstrdup("chưa đặt lệnh in");
		goto done;
	}
	if (pipe(fds) != 0) {
		*err = xasprintf("không chạy được %s: %s", argv[0],
		    strerror(errno));
		goto done;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[0], STDIN_FILENO);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
	    O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	    O_WRONLY, 0);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[0]);
	if (rc != 0) {
		close(fds[1]);
		*err = xasprintf("không chạy được lệnh in %s: %s", argv[0],
		    strerror(rc));
		goto done;
	}
	printer_feed(fds[1], data, len);
	close(fds[1]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		*err = xasprintf("không tìm thấy lệnh in %s", argv[0]);
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		*err = xasprintf("lệnh in %s báo lỗi (mã %d)", argv[0],
		    WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		*err = xasprintf("lệnh in %s bị dừng (tín hiệu %d)", argv[0],
		    WTERMSIG(status));
done:
	free(argv);
	free(copy);
	return *err == NULL ? 0 : -1;
}

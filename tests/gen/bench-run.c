/*
 * bench-run.c - runs a command once and writes its wall time and peak
 * memory, for contrib/bench.sh.
 *
 * The shell's way (date before, /usr/bin/time around, date after) adds
 * three process starts to what it measures: 10-20 ms on a virtual
 * machine, as much as the fastest figure's goal. Here the clock starts
 * just before fork and stops when wait4 returns, so what is measured is
 * the command's own start, run and exit.
 *
 * Usage: bench-run FILE CMD [ARG...]
 * Writes "MS KB" to FILE (wall milliseconds with one decimal, peak
 * resident KiB) and exits with CMD's status.
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	struct rusage ru;
	double t0, t1;
	FILE *out;
	pid_t pid;
	int status;

	if (argc < 3) {
		fprintf(stderr, "usage: bench-run FILE CMD [ARG...]\n");
		return 2;
	}
	t0 = now_ms();
	if ((pid = fork()) < 0) {
		perror("bench-run: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid) {
		perror("bench-run: wait4");
		return 2;
	}
	t1 = now_ms();
	if ((out = fopen(argv[1], "w")) == NULL) {
		perror(argv[1]);
		return 2;
	}
	fprintf(out, "%.1f %ld\n", t1 - t0, ru.ru_maxrss);
	if (fclose(out) != 0) {
		perror(argv[1]);
		return 2;
	}
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

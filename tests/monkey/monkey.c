/*
 * monkey.c - drives the real program with seeded random keys in a
 * pseudo-terminal; fails on a crash, a sanitizer report or a hang.
 *
 * monkey [-s SEED] [-n KEYS] [-t SECONDS] [-z COLSxLINES] -l LOG
 *        [-o OUTPUT] [-v] -- PROGRAM [ARG...]
 *
 * PROGRAM runs on a pty of COLSxLINES with its stderr on LOG (where
 * AddressSanitizer and UBSan write). Keys come from a xorshift generator
 * seeded with SEED: printable ASCII, Vietnamese and other UTF-8, control
 * keys, Enter/Esc/Tab/Backspace, the arrows, editing and function keys as
 * xterm, PuTTY, the Linux console and vt100/vt220 send them, escape
 * sequences nobody knows, invalid bytes, resizes (TIOCSWINSZ: the kernel
 * sends SIGWINCH) and, rarely, a hangup (the terminal closes: SIGHUP).
 * The pauses between keys come from the same generator, so the same SEED
 * and KEYS send the same keys again, and -n K replays only the first K.
 * -o keeps what the program drew, to see which screens the keys reached;
 * -v prints each key.
 *
 * When the program quits (F10 and Q are among the keys, rarely) or its
 * terminal hangs up, its exit is checked and it is started again on the
 * same files (so drafts are offered back). After KEYS keys
 * (or SECONDS) it is asked to quit: back to the base size, Esc, c, F10,
 * Q, a few times. A failure is a signal, a non-zero exit, anything on
 * LOG, input the program stops reading for HANG_MS, or no exit after the
 * quit keys or HANG_MS after a hangup; it is printed with the seed, the
 * key number and the last keys sent.
 *
 * Exit status: 0 all well, 1 a failure, 2 usage.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_PTY_H
#include <pty.h>
#else
#include <util.h>
#endif

/* Input the program leaves unread this long is a hang. */
#define HANG_MS		30000
/* How long one round of quit keys waits for the exit. */
#define QUIT_WAIT_MS	2000
#define QUIT_ROUNDS	6
/* Keys remembered for the failure report. */
#define RING		32
#define KEY_MAX		96

/* The sizes a resize picks from (the base size is picked half the time). */
static const struct winsize monkey_sizes[] = {
	{ 10, 40, 0, 0 }, { 24, 80, 0, 0 }, { 60, 200, 0, 0 },
	{ 23, 80, 0, 0 }, { 24, 79, 0, 0 }, { 25, 81, 0, 0 },
	{ 30, 100, 0, 0 }, { 43, 132, 0, 0 }, { 5, 20, 0, 0 },
	{ 1, 1, 0, 0 }, { 2, 3, 0, 0 }, { 100, 300, 0, 0 },
};

/* Keys as TERM=xterm (what the runs set) says they come: ncurses knows them. */
static const char *const monkey_xterm[] = {
	"\033OA", "\033OB", "\033OC", "\033OD", "\033[1;5A", "\033[1;2B",
	"\033[1;3C", "\033[1;5D", "\033OH", "\033OF", "\033[1;2H",
	"\033[2~", "\033[3~", "\033[5~", "\033[6~", "\033[5;2~", "\033[Z",
	"\033OP", "\033OQ", "\033OR", "\033OS", "\033[15~", "\033[17~",
	"\033[18~", "\033[19~", "\033[20~", "\033[23~", "\033[24~",
	"\033[1;2P", "\033[15;2~", "\033[1;5Q", "\033OM",
};

/*
 * What other terminals send for the same keys: normal-mode arrows,
 * Home/End of PuTTY, vt220 and rxvt, PuTTY's and the Linux console's
 * F1-F5, the keypad, mouse and focus reports, a bracketed paste.
 */
static const char *const monkey_foreign[] = {
	"\033[A", "\033[B", "\033[C", "\033[D", "\033[H", "\033[F",
	"\033[1~", "\033[4~", "\033[7~", "\033[8~",
	"\033[11~", "\033[12~", "\033[13~", "\033[14~",
	"\033[[A", "\033[[B", "\033[[C", "\033[[D", "\033[[E",
	"\033Oj", "\033Ok", "\033Om", "\033Op", "\033Oq",
	"\033[M !!", "\033[<0;10;5M", "\033[<0;10;5m", "\033[I", "\033[O",
	"\033[200~Nguyễn Văn A\033[201~",
};

/* Text a clerk types: Vietnamese precomposed and decomposed, and more. */
static const char *const monkey_text[] = {
	"ă", "â", "đ", "ê", "ô", "ơ", "ư", "Ă", "Â", "Đ", "Ê", "Ô", "Ơ", "Ư",
	"á", "à", "ả", "ã", "ạ", "ấ", "ầ", "ẩ", "ẫ", "ậ", "ắ", "ằ", "ẳ",
	"ẵ", "ặ", "é", "è", "ẻ", "ẽ", "ẹ", "ế", "ề", "ể", "ễ", "ệ", "í", "ì",
	"ỉ", "ĩ", "ị", "ó", "ò", "ỏ", "õ", "ọ", "ố", "ồ", "ổ", "ỗ", "ộ", "ớ",
	"ờ", "ở", "ỡ", "ợ", "ú", "ù", "ủ", "ũ", "ụ", "ứ", "ừ", "ử", "ữ", "ự",
	"ý", "ỳ", "ỷ", "ỹ", "ỵ", "Nguyễn", "Trần Thị Bích", "Đảng",
	"a\xcc\x81", "e\xcc\x82\xcc\x81", "\xcc\x80",	/* combining marks */
	"中", "文", "😀", "\xe2\x80\x8d", "\xe2\x80\xae", "\xef\xbb\xbf",
	"\xc2\xa0", "\xe2\x80\x8b",
};

struct monkey {
	uint64_t	 state;		/* xorshift64* */
	uint64_t	 seed;
	long		 keys;		/* to send */
	long		 sent;
	long		 lives;
	long		 resizes;
	long		 hangups;
	struct winsize	 base;
	struct winsize	 size;
	long long	 deadline_ms;	/* stop sending keys; 0: none */
	const char	*log;
	int		 logfd;
	FILE		*out;		/* -o: what the program drew */
	int		 verbose;	/* -v: each key on stderr */
	char *const	*argv;
	pid_t		 pid;
	int		 master;
	char		 ring[RING][KEY_MAX];
	long		 ring_n;
};

static long long
monkey_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static uint64_t
monkey_rand(struct monkey *m)
{
	m->state ^= m->state >> 12;
	m->state ^= m->state << 25;
	m->state ^= m->state >> 27;
	return m->state * UINT64_C(2685821657736338717);
}

/* A number in [0, n). */
static unsigned
monkey_pick(struct monkey *m, unsigned n)
{
	return (unsigned)((monkey_rand(m) >> 11) % n);
}

/* Remembers a key (shown with C escapes) for the failure report. */
static void
monkey_remember(struct monkey *m, const char *key, size_t len)
{
	char *out = m->ring[m->ring_n++ % RING];
	size_t i, o = 0;

	for (i = 0; i < len && o + 5 < KEY_MAX; i++) {
		unsigned char c = (unsigned char)key[i];

		if (c == 033)
			o += (size_t)snprintf(out + o, KEY_MAX - o, "\\e");
		else if (c < 0x20 || c == 0x7f || c == '\\')
			o += (size_t)snprintf(out + o, KEY_MAX - o, "\\x%02x", c);
		else
			out[o++] = (char)c;
	}
	out[o] = '\0';
	if (m->verbose)
		fprintf(stderr, "monkey: key %ld: [%s]\n", m->sent, out);
}

static void
monkey_report(struct monkey *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints a failure: what, the seed and size to replay, the last keys, LOG. */
static void
monkey_report(struct monkey *m, const char *fmt, ...)
{
	va_list ap;
	long i;
	char line[512];
	FILE *fp;
	int n = 0;

	fprintf(stderr, "monkey: FAIL seed %" PRIu64 " size %dx%d, key %ld "
	    "of %ld, start %ld: ", m->seed, m->base.ws_col, m->base.ws_row,
	    m->sent, m->keys, m->lives);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nmonkey: replay with -s %" PRIu64 " -n %ld -z %dx%d\n"
	    "monkey: last keys (oldest first):", m->seed, m->sent,
	    m->base.ws_col, m->base.ws_row);
	for (i = m->ring_n > RING ? m->ring_n - RING : 0; i < m->ring_n; i++)
		fprintf(stderr, " [%s]", m->ring[i % RING]);
	fputc('\n', stderr);
	if ((fp = fopen(m->log, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, fp) != NULL && n++ < 80)
		fprintf(stderr, "monkey: log: %s", line);
	fclose(fp);
}

/* Reads and drops whatever the program drew, for up to ms. */
static void
monkey_drain(struct monkey *m, int ms)
{
	struct pollfd p = { m->master, POLLIN, 0 };
	long long end = monkey_now_ms() + ms;
	char buf[8192];
	ssize_t got;
	int left;

	do {
		left = (int)(end - monkey_now_ms());
		if (poll(&p, 1, left > 0 ? left : 0) <= 0)
			return;
		if ((got = read(m->master, buf, sizeof buf)) <= 0)
			return;		/* EIO: the program has gone */
		if (m->out != NULL)
			fwrite(buf, 1, (size_t)got, m->out);
	} while (monkey_now_ms() < end);
}

/* Checks how a life of the program ended; 0 if well. */
static int
monkey_check_exit(struct monkey *m, int status)
{
	struct stat st;

	m->pid = -1;
	if (WIFSIGNALED(status)) {
		monkey_report(m, "killed by signal %d (%s)", WTERMSIG(status),
		    strsignal(WTERMSIG(status)));
		return -1;
	}
	if (WEXITSTATUS(status) != 0) {
		monkey_report(m, "exit status %d", WEXITSTATUS(status));
		return -1;
	}
	if (fstat(m->logfd, &st) == 0 && st.st_size > 0) {
		monkey_report(m, "the program wrote on stderr");
		return -1;
	}
	return 0;
}

/* 1 if the program has exited (checked: -1 on failure), else 0. */
static int
monkey_exited(struct monkey *m)
{
	int status;
	pid_t r;

	if (m->pid <= 0)
		return 0;
	if ((r = waitpid(m->pid, &status, WNOHANG)) == 0)
		return 0;
	if (r < 0) {
		monkey_report(m, "waitpid: %s", strerror(errno));
		return -1;
	}
	close(m->master);
	return monkey_check_exit(m, status) == 0 ? 1 : -1;
}

static int
monkey_start(struct monkey *m)
{
	struct winsize ws = m->base;

	m->size = m->base;
	m->pid = forkpty(&m->master, NULL, NULL, &ws);
	if (m->pid < 0) {
		fprintf(stderr, "monkey: forkpty: %s\n", strerror(errno));
		return -1;
	}
	if (m->pid == 0) {
		dup2(m->logfd, STDERR_FILENO);
		close(m->logfd);
		execvp(m->argv[0], m->argv);
		_exit(127);
	}
	fcntl(m->master, F_SETFL, fcntl(m->master, F_GETFL) | O_NONBLOCK);
	m->lives++;
	return 0;
}

/* Writes all of key, reading output while the program catches up. */
static int
monkey_write(struct monkey *m, const char *key, size_t len)
{
	long long since = monkey_now_ms();
	ssize_t w;

	while (len > 0) {
		w = write(m->master, key, len);
		if (w > 0) {
			key += w;
			len -= (size_t)w;
			since = monkey_now_ms();
			continue;
		}
		if (w < 0 && errno != EAGAIN && errno != EINTR)
			return 0;	/* gone: the exit check tells */
		if (monkey_now_ms() - since > HANG_MS) {
			monkey_report(m, "hang: no key read for %d s",
			    HANG_MS / 1000);
			return -1;
		}
		monkey_drain(m, 10);
	}
	return 0;
}

static int
monkey_resize(struct monkey *m, struct winsize ws)
{
	m->size = ws;
	m->resizes++;
	return ioctl(m->master, TIOCSWINSZ, &ws);
}

/* An escape sequence nobody defined, or a torn or overlong one. */
static size_t
monkey_unknown(struct monkey *m, char *buf, size_t cap)
{
	size_t n = 0, len, i;

	switch (monkey_pick(m, 7)) {
	case 0:		/* CSI with random parameters and final byte */
		n = (size_t)snprintf(buf, cap, "\033[");
		len = monkey_pick(m, 12);
		for (i = 0; i < len; i++)
			buf[n++] = "0123456789;:?<>"[monkey_pick(m, 15)];
		buf[n++] = (char)(0x40 + monkey_pick(m, 0x3f));
		break;
	case 1:		/* SS3 and a random byte */
		n = (size_t)snprintf(buf, cap, "\033O%c", 0x20 + monkey_pick(m, 0x5f));
		break;
	case 2:		/* Alt and a key */
		n = (size_t)snprintf(buf, cap, "\033%c", 0x20 + monkey_pick(m, 0x5f));
		break;
	case 3:		/* a sequence cut short */
		n = (size_t)snprintf(buf, cap, "\033[%u", monkey_pick(m, 30));
		break;
	case 4:		/* an overlong CSI */
		n = (size_t)snprintf(buf, cap, "\033[");
		while (n < 60)
			buf[n++] = (char)('0' + monkey_pick(m, 10));
		buf[n++] = '~';
		break;
	case 5:		/* a title string (OSC) */
		n = (size_t)snprintf(buf, cap, "\033]0;x\007");
		break;
	default:	/* bytes that are not UTF-8, C1 controls */
		len = 1 + monkey_pick(m, 3);
		for (i = 0; i < len; i++)
			buf[n++] = (char)(0x80 + monkey_pick(m, 0x80));
		break;
	}
	return n;
}

/* What monkey_next drew. */
enum monkey_event {
	MONKEY_KEY,
	MONKEY_RESIZE,
	MONKEY_HANGUP
};

/*
 * Draws the next event; for a key, its bytes into buf and their count.
 * *pause is how long to wait after it (Esc alone must outlast ESCDELAY
 * to be Esc).
 */
static size_t
monkey_next(struct monkey *m, char *buf, size_t cap, int *pause,
    enum monkey_event *ev)
{
	unsigned r = monkey_pick(m, 1000);
	const char *s = NULL;
	size_t n = 0;

	*ev = MONKEY_KEY;
	*pause = (int)monkey_pick(m, 4);
	if (monkey_pick(m, 1000) == 0)	/* a pause long enough for a draft */
		*pause = 1100;
	if (r < 340) {
		buf[n++] = (char)(0x20 + monkey_pick(m, 0x5f));
		/* Q quits: keep it rare so the screens get explored. */
		if (buf[0] == 'Q' && monkey_pick(m, 20) != 0)
			buf[0] = 'R';
	} else if (r < 420)
		s = monkey_text[monkey_pick(m, sizeof monkey_text /
		    sizeof monkey_text[0])];
	else if (r < 470) {
		/*
		 * Not Esc (below, with its pause), nor ^C ^Z ^\: at start-up
		 * and exit the pty is not raw and they would be signals.
		 */
		buf[n] = (char)monkey_pick(m, 0x20);
		if (memchr("\033\003\032\034", buf[n], 4) != NULL)
			buf[n] = 0x7f;
		n++;
	} else if (r < 570) {
		s = (const char *[]){ "\r", "\n", "\t", "\177", "\b" }
		    [monkey_pick(m, 5)];
	} else if (r < 582) {
		s = "\033";	/* alone: it must outlast ESCDELAY */
		*pause = 40 + (int)monkey_pick(m, 40);
	} else if (r < 930)
		s = monkey_xterm[monkey_pick(m, sizeof monkey_xterm /
		    sizeof monkey_xterm[0])];
	else if (r < 960)
		s = monkey_foreign[monkey_pick(m, sizeof monkey_foreign /
		    sizeof monkey_foreign[0])];
	else if (r < 961)
		s = monkey_pick(m, 2) ? "\033[21~" : "Q";	/* F10, quit */
	else if (r < 989) {
		n = monkey_unknown(m, buf, cap);
		*pause += 30;
	} else if (r < 990)
		*ev = MONKEY_HANGUP;
	else {
		*ev = MONKEY_RESIZE;
		*pause = 20 + (int)monkey_pick(m, 40);
	}
	if (s != NULL) {
		n = strlen(s);
		memcpy(buf, s, n);
	}
	return n;
}

/* Asks the program to quit, waiting for it; 0 once it has exited well. */
static int
monkey_quit(struct monkey *m)
{
	/*
	 * Esc closes a question or a screen; c says yes to "discard what was
	 * typed?" (F10 does not answer a question, and a vt100 has none);
	 * F10 quits from anywhere else, Q from a window too small.
	 */
	static const char *const steps[] = { "\033", "c", "\033[21~", "Q" };
	long long end;
	size_t i;
	int round, r;

	for (round = 0; round < QUIT_ROUNDS; round++) {
		if (m->size.ws_row != m->base.ws_row ||
		    m->size.ws_col != m->base.ws_col)
			monkey_resize(m, m->base);
		for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
			monkey_remember(m, steps[i], strlen(steps[i]));
			if (monkey_write(m, steps[i], strlen(steps[i])) != 0)
				return -1;
			monkey_drain(m, 80);
			if ((r = monkey_exited(m)) != 0)
				return r > 0 ? 0 : -1;
		}
		/* The last round leaves a slow exit (a loaded machine) time. */
		end = monkey_now_ms() + (round + 1 < QUIT_ROUNDS ? QUIT_WAIT_MS :
		    HANG_MS);
		while (monkey_now_ms() < end) {
			monkey_drain(m, 50);
			if ((r = monkey_exited(m)) != 0)
				return r > 0 ? 0 : -1;
		}
	}
	monkey_report(m, "hang: still running after the quit keys");
	return -1;
}

/*
 * Waits until the program has put the pty in raw mode (curses is up), so
 * no key is read by a line discipline that still edits lines or stops
 * output on ^S. 1 once raw, 0 if the program exited (checked), -1.
 */
static int
monkey_wait_raw(struct monkey *m)
{
	long long end = monkey_now_ms() + HANG_MS;
	struct termios t;
	int r;

	while (monkey_now_ms() < end) {
		if (tcgetattr(m->master, &t) == 0 && !(t.c_lflag & ICANON))
			return 1;
		monkey_drain(m, 10);
		if ((r = monkey_exited(m)) != 0)
			return r > 0 ? 0 : -1;
	}
	monkey_report(m, "hang: the interface did not start in %d s",
	    HANG_MS / 1000);
	return -1;
}

/*
 * Closes the terminal under the program, as a dropped SSH link does: it
 * must keep what was typed and leave, cleanly, within HANG_MS.
 */
static int
monkey_hangup(struct monkey *m)
{
	long long end = monkey_now_ms() + HANG_MS;
	struct timespec tick = { 0, 10 * 1000000 };
	int status;
	pid_t r;

	monkey_remember(m, "hangup", 6);
	m->hangups++;
	close(m->master);
	while ((r = waitpid(m->pid, &status, WNOHANG)) == 0 &&
	    monkey_now_ms() < end)
		nanosleep(&tick, NULL);
	if (r == 0) {
		monkey_report(m, "hang: still running %d s after a hangup",
		    HANG_MS / 1000);
		return -1;
	}
	if (r < 0) {
		monkey_report(m, "waitpid: %s", strerror(errno));
		return -1;
	}
	return monkey_check_exit(m, status);
}

static int
monkey_run(struct monkey *m)
{
	struct winsize ws;
	enum monkey_event ev;
	char key[128];
	size_t n;
	int pause, r;

	while (m->sent < m->keys && (m->deadline_ms == 0 ||
	    monkey_now_ms() < m->deadline_ms)) {
		if (m->pid < 0) {
			if (monkey_start(m) != 0 || (r = monkey_wait_raw(m)) < 0)
				return -1;
			if (r == 0) {
				monkey_report(m, "the program left before "
				    "reading a key");
				return -1;
			}
		}
		if (monkey_exited(m) < 0)
			return -1;
		if (m->pid < 0)
			continue;
		n = monkey_next(m, key, sizeof key, &pause, &ev);
		m->sent++;
		if (ev == MONKEY_HANGUP) {
			if (monkey_hangup(m) != 0)
				return -1;
			continue;
		}
		if (ev == MONKEY_RESIZE) {
			ws = monkey_pick(m, 2) ? m->base :
			    monkey_sizes[monkey_pick(m, sizeof monkey_sizes /
			    sizeof monkey_sizes[0])];
			snprintf(key, sizeof key, "resize %dx%d", ws.ws_col,
			    ws.ws_row);
			monkey_remember(m, key, strlen(key));
			monkey_resize(m, ws);
		} else {
			monkey_remember(m, key, n);
			if (monkey_write(m, key, n) != 0)
				return -1;
		}
		monkey_drain(m, pause);
	}
	return m->pid > 0 ? monkey_quit(m) : 0;
}

static int
monkey_usage(void)
{
	fprintf(stderr, "usage: monkey [-s SEED] [-n KEYS] [-t SECONDS] "
	    "[-z COLSxLINES] [-v] -l LOG [-o OUTPUT] -- PROGRAM [ARG...]\n");
	return 2;
}

int
main(int argc, char **argv)
{
	struct monkey m;
	int c, cols = 80, rows = 24, seconds = 0;

	memset(&m, 0, sizeof m);
	m.seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	m.keys = 1000;
	m.pid = -1;
	while ((c = getopt(argc, argv, "s:n:t:z:l:o:v")) != -1) {
		switch (c) {
		case 's':
			m.seed = strtoull(optarg, NULL, 10);
			break;
		case 'n':
			m.keys = strtol(optarg, NULL, 10);
			break;
		case 't':
			seconds = atoi(optarg);
			break;
		case 'z':
			if (sscanf(optarg, "%dx%d", &cols, &rows) != 2 ||
			    cols < 1 || rows < 1)
				return monkey_usage();
			break;
		case 'l':
			m.log = optarg;
			break;
		case 'v':
			m.verbose = 1;
			break;
		case 'o':
			if ((m.out = fopen(optarg, "w")) == NULL) {
				fprintf(stderr, "monkey: %s: %s\n", optarg,
				    strerror(errno));
				return 2;
			}
			break;
		default:
			return monkey_usage();
		}
	}
	if (m.log == NULL || optind >= argc)
		return monkey_usage();
	m.argv = argv + optind;
	m.base.ws_col = (unsigned short)cols;
	m.base.ws_row = (unsigned short)rows;
	m.state = m.seed != 0 ? m.seed : UINT64_C(0x9e3779b97f4a7c15);
	if (seconds > 0)
		m.deadline_ms = monkey_now_ms() + seconds * 1000LL;
	m.logfd = open(m.log, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
	if (m.logfd < 0) {
		fprintf(stderr, "monkey: %s: %s\n", m.log, strerror(errno));
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	c = monkey_run(&m);
	if (m.out != NULL)
		fclose(m.out);
	if (c != 0) {
		if (m.pid > 0) {
			kill(m.pid, SIGKILL);
			waitpid(m.pid, NULL, 0);
		}
		return 1;
	}
	printf("monkey: seed %" PRIu64 " size %dx%d: %ld keys, %ld resizes, "
	    "%ld hangups, %ld starts, no crash, nothing on stderr\n", m.seed,
	    cols, rows, m.sent, m.resizes, m.hangups, m.lives);
	return 0;
}

/*
 * sync_opts.h - what quantriet sync and quantriet enroll share: their
 * options and the warning of a wrong PC clock.
 */
#ifndef QT_SYNC_OPTS_H
#define QT_SYNC_OPTS_H

struct sync_opts {
	const char	*db, *cacert, *pin;
	int		 quiet;
	int		 help;
	int		 jitter;	/* --jitter seconds; -1 when not given */
};

struct db;

/* Fills *o from argv; optind is left after the options. -1 on an unknown one. */
int	sync_opts_parse(int argc, char **argv, struct sync_opts *o);
/*
 * Says on stderr, even with --quiet (cron mails it), that the PC clock
 * is off and the server's time is used (hlc_offset_warning), if it is.
 */
void	sync_opts_clock_warning(struct db *db);

#endif

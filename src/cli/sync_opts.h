/*
 * sync_opts.h - the options quantriet sync and quantriet enroll share.
 */
#ifndef QT_SYNC_OPTS_H
#define QT_SYNC_OPTS_H

struct sync_opts {
	const char	*db, *cacert, *pin;
	int		 quiet;
	int		 help;
};

/* Fills *o from argv; optind is left after the options. -1 on an unknown one. */
int	sync_opts_parse(int argc, char **argv, struct sync_opts *o);

#endif

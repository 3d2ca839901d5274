/*
 * sync_opts.c - what quantriet sync and quantriet enroll share.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/sync_opts.h"
#include "hlc.h"
#include "msg.h"
#include "optnum.h"

static const struct option sync_longopts[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "cacert", required_argument, NULL, 'c' },
	{ "pin", required_argument, NULL, 'p' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "jitter", required_argument, NULL, 'j' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int
sync_opts_parse(int argc, char **argv, struct sync_opts *o)
{
	int ch;

	memset(o, 0, sizeof *o);
	o->jitter = -1;
	while ((ch = getopt_long(argc, argv, "q", sync_longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o->db = optarg; break;
		case 'c': o->cacert = optarg; break;
		case 'p': o->pin = optarg; break;
		case 'q': o->quiet = 1; break;
		case 'j':
			if (optnum_int(optarg, 0, 3600, &o->jitter) != 0)
				return -1;
			break;
		case 'h': o->help = 1; break;
		default: return -1;
		}
	}
	return 0;
}


void
sync_opts_clock_warning(struct db *db)
{
	char *warn = hlc_offset_warning(db);

	if (warn != NULL)
		msg_error("%s", warn);
	free(warn);
}

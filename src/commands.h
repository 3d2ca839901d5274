/*
 * commands.h - the subcommands of quantriet(1).
 *
 * Each takes the arguments after the program name (argv[0] is the
 * subcommand's own name, so getopt_long works as usual) and returns the
 * process exit status: 0 on success, 1 on failure after printing one line
 * with msg_error(), 2 for a usage error.
 */
#ifndef QT_COMMANDS_H
#define QT_COMMANDS_H

int	cmd_ui(int argc, char **argv);		/* src/ui: the terminal interface */
int	cmd_demo(int argc, char **argv);	/* src/domain: demo database */
int	cmd_report(int argc, char **argv);	/* src/domain: printed reports */
int	cmd_check(int argc, char **argv);	/* src/domain: verify a database */
int	cmd_import(int argc, char **argv);	/* src/domain: member lists from files */
int	cmd_import_plan(int argc, char **argv);	/* src/domain: a plan's text, read */
int	cmd_enroll(int argc, char **argv);	/* src/sync: get a device credential */
int	cmd_sync(int argc, char **argv);	/* src/sync: push and pull */

/* Exit statuses shared by every command. */
#define EXIT_USAGE	2

#endif

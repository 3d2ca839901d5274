/*
 * cmd.h - the subcommands of quantriet(1), one file each in src/cli/.
 *
 * Each file defines one const struct cmd_entry, listed in cmd_table
 * (cmd_table.c), as tmux does with its cmd_entry: main.c only looks a
 * name up. exec takes the arguments after the program name (argv[0] is
 * the subcommand's own name, so getopt_long works as usual) and returns
 * the process exit status: 0 on success, 1 on failure after printing one
 * line with msg_error(), EXIT_USAGE for a usage error.
 */
#ifndef QT_CMD_H
#define QT_CMD_H

#include <stdint.h>

struct db;

struct cmd_entry {
	const char	*name;
	const char	*summary;	/* its line in quantriet --help */
	int		(*exec)(int argc, char **argv);
};

extern const struct cmd_entry cmd_ui_entry;
extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_enroll_entry;
extern const struct cmd_entry cmd_sync_entry;
extern const struct cmd_entry cmd_setup_district_entry;
extern const struct cmd_entry cmd_setting_entry;
extern const struct cmd_entry cmd_audit_entry;
extern const struct cmd_entry cmd_export_entry;

/* Every subcommand, in the order quantriet --help lists them; NULL ends it. */
extern const struct cmd_entry *const cmd_table[];

/* The entry named name, or NULL. */
const struct cmd_entry *cmd_find(const char *name);

/* quantriet import plan: "import" hands its arguments on (cmd_import_plan.c). */
int		 cmd_import_plan(int argc, char **argv);
/* quantriet import bundle, likewise (cmd_bundle.c). */
int		 cmd_import_bundle(int argc, char **argv);

/*
 * quantriet report completeness (cmd_report_review.c): the completeness
 * of ROUND of plan DOCUMENT_ID for the units below UNIT_ID as of today,
 * as text or CSV, with each unit's history when asked. Newly allocated,
 * NULL on error (db_error).
 */
char		*report_completeness(struct db *db, int csv,
		    int64_t document_id, int64_t unit_id, int round,
		    int history);
/*
 * quantriet report actions (cmd_report_review.c): the review as of today
 * of UNIT_ID's action programme for plan DOCUMENT_ID (domain/action.h).
 * Newly allocated, NULL on error (db_error).
 */
char		*report_actions(struct db *db, int64_t document_id,
		    int64_t unit_id);
/*
 * quantriet report submit / accept / return (KIND): the report of UNIT_ID
 * for ROUND of plan DOCUMENT_ID is made final, which submits it (what is
 * still open is said first; figures that do not add up are refused), or
 * the clerk's unit (lookup_home_unit) accepts it or returns it for
 * REASON. Says what it did; the exit status.
 */
int		 report_review(struct db *db, const char *kind,
		    int64_t document_id, int64_t unit_id, int round,
		    const char *reason);

/*
 * Opens the database named by --db (opt_db), else the default one
 * (paths_default_db: on a district server, the clerk's unit's). On
 * failure prints the reason and returns NULL.
 */
struct db	*cli_open_db(const char *opt_db, int flags);

/* Exit status of a usage error, shared by every command. */
#define EXIT_USAGE	2

#endif

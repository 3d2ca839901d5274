/*
 * cmd_table.c - the list of subcommands main.c dispatches to.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "cli/cmd.h"

const struct cmd_entry *const cmd_table[] = {
	&cmd_ui_entry,
	&cmd_demo_entry,
	&cmd_report_entry,
	&cmd_check_entry,
	&cmd_import_entry,
	&cmd_enroll_entry,
	&cmd_sync_entry,
	&cmd_export_entry,
	&cmd_setup_district_entry,
	&cmd_setting_entry,
	&cmd_audit_entry,
	NULL
};

const struct cmd_entry *
cmd_find(const char *name)
{
	const struct cmd_entry *const *e;

	for (e = cmd_table; *e != NULL; e++)
		if (strcmp((*e)->name, name) == 0)
			return *e;
	return NULL;
}

/*
 * district.h - the layout of a district server (docs/district-server.md).
 *
 * One directory per unit under the district directory, named after the
 * unit's Unix group: DIR/GROUP, owned by root and that group, mode 2770,
 * holding the unit's database DIR/GROUP/quantriet.db, mode 0660. The
 * district directory itself is root's and nobody else may write it. So
 * the operating system, not quantriet, keeps one unit's clerks out of
 * another's data.
 */
#ifndef QT_DISTRICT_H
#define QT_DISTRICT_H

#include <stddef.h>

struct district_unit {
	char	*group;		/* Unix group and directory name */
	char	*code;		/* the unit's code at the province, e.g. DU-VHH */
	char	*name;		/* its name, e.g. Đảng bộ xã Vĩnh Hòa Hiệp */
};

struct district_units {
	struct district_unit	*v;
	size_t			 n;
};

/*
 * Reads a list of units from FILE, one a line: GROUP CODE NAME, split at
 * the first two runs of blanks; blank lines and lines starting with # are
 * skipped. A group name is what useradd accepts ([a-z_][a-z0-9_-]*, at
 * most 32 bytes). Refuses the whole file, with the line, on the first bad
 * line or a group named twice: 0, or -1 with *err (caller frees).
 */
int	district_units_read(const char *file, struct district_units *units,
	    char **err);
void	district_units_free(struct district_units *units);

/*
 * Brings DIR to the layout above for UNITS, as root: creates what is
 * missing (groups with groupadd, directories, empty databases at the
 * current schema) and corrects the owner, group and mode of what exists;
 * nothing else is touched. Each change is reported by calling SAY with a
 * Vietnamese sentence; with DRY_RUN the changes are only reported. Returns
 * the number of changes (0: everything was already so), or -1 with *err
 * after reporting the changes made so far.
 */
int	district_setup(const char *dir, const struct district_units *units,
	    int dry_run, void (*say)(const char *), char **err);

#endif

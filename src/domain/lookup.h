/*
 * lookup.h - finding a document or a unit from what a clerk types on the
 * command line, ignoring case, spaces and diacritics.
 */
#ifndef QT_LOOKUP_H
#define QT_LOOKUP_H

#include <stdint.h>

struct db;

/*
 * The document numbered like NUMBER: "13-kh/tu", "13 - KH/TU" and
 * "13-KH/TU" are the same number. 0 ok (*id set); -1 when none or more
 * than one matches or the database fails, with *err a newly allocated
 * Vietnamese sentence naming the candidates (caller frees).
 */
int	lookup_document(struct db *db, const char *number, int64_t *id,
	    char **err);

/*
 * The unit whose code or name is NAME (accent- and case-insensitive), else
 * the only unit whose name contains it. Returns as lookup_document.
 */
int	lookup_unit(struct db *db, const char *name, int64_t *id, char **err);

/*
 * The clerk's own unit, the one rule of the command line and the
 * interface: the setting home_unit_id if it names a unit; else the
 * smallest unit that holds every party cell with members (a commune's
 * database that also holds the units above it, from sync or the demo, is
 * the commune's, not the Central Committee's); else, with no member at
 * all, the root of the unit tree when there is only one. Returns as
 * lookup_document; with several roots and no member, none.
 */
int	lookup_home_unit(struct db *db, int64_t *id, char **err);

#endif

#!/usr/bin/env python3
"""Writes the per-table audit triggers of data/schema/NNN_audit.sql.

Usage: contrib/gen-audit-sql.py [SRCDIR] > triggers.sql

The columns of each synced table are read from the schema steps before
the audit step (applied to a database in memory), so the triggers name
every column there is. A later step that adds a column to a synced table
re-creates that table's triggers with this script's output; the unit test
tests/unit/test_audit.c fails while a column is missing from them.
"""
import glob
import os
import sqlite3
import sys

# The columns the audit never records: the clock (changes with every
# write) and what each database computes from the others.
SKIP = {"hlc", "name_fold", "name_sort"}

# (table, key, owner, parent, condition): owner is the unit owning the
# row, R standing for NEW or OLD (as sync_tables' owner_sql in
# src/sync/rows.c, written on the row itself); parent (table, column)
# names the row whose deletion cascades to this one, whose own audit row
# then gives the owner; condition limits the rows audited (as in the
# sync triggers: a plan's own exemption rules, never the defaults).
TABLES = [
    ("unit", "id", "R.id", None, None),
    ("resolution", "id", None, None, None),
    ("document", "id", "R.owner_unit_id", None, None),
    ("plan_session", "id", None, ("document", "document_id"), None),
    ("essay_rule", "document_id", None, ("document", "document_id"), None),
    ("document_resolution", "id", None, ("document", "document_id"), None),
    ("exemption_rule", "id", None, ("document", "document_id"),
     "R.document_id IS NOT NULL"),
    ("report_deadline", "id", None, ("document", "document_id"), None),
    ("member", "id", "R.unit_id", None, None),
    ("session", "id", "R.unit_id", None, None),
    ("attendance", "id", None, ("session", "session_id"), None),
    ("essay", "id", "(SELECT unit_id FROM member WHERE id = R.member_id)",
     None, None),
    ("tally_report", "id", "R.unit_id", None, None),
    ("tally_event", "id", None, ("tally_report", "report_id"), None),
    ("action_item", "id", "R.unit_id", None, None),
]

# The parents qt_owner knows, with the column naming their unit.
PARENT_OWNER = {
    "document": "owner_unit_id",
    "session": "unit_id",
    "tally_report": "unit_id",
}

HOME = "(SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')"


def owner(table, own, parent, r):
    """The SQL of the owning unit of row r (NEW or OLD)."""
    parts = []
    if own is not None:
        parts.append(own.replace("R.", r + "."))
    if parent is not None:
        # The parent's unit, else its latest audit row's, else the home
        # unit: qt_owner in src/db.c (schema step 023).
        ptable, pcol = parent
        assert ptable in PARENT_OWNER
        parts.append("qt_owner('%s', %s.%s)" % (ptable, r, pcol))
    elif own is None:
        parts.append(HOME)
    return parts[0] if len(parts) == 1 else "coalesce(%s)" % ", ".join(parts)


def changes(cols, old, new):
    args = []
    for c in cols:
        o = "OLD." + c if old else "NULL"
        n = "NEW." + c if new else "NULL"
        args.append("'%s', %s, %s" % (c, o, n))
    return "qt_changes(%s)" % ",\n    ".join(args)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "."
    db = sqlite3.connect(":memory:")
    db.create_function("qt_new_id", 0, lambda: 1)
    db.create_function("qt_fold", 1, lambda s: s)
    db.create_function("qt_name_sort", 1, lambda s: s)
    steps = sorted(glob.glob(os.path.join(src, "data/schema/[0-9]*.sql")))
    for step in steps:
        if step.endswith("_audit.sql"):
            break
        db.executescript(open(step, encoding="utf-8").read())
    for table, key, own, parent, cond in TABLES:
        cols = [r[1] for r in db.execute("SELECT * FROM pragma_table_info(?)",
                                          (table,))
                if r[1] not in SKIP and r[1] != key]
        def when(r):
            return (" WHEN " + cond.replace("R.", r + ".")) if cond else ""
        print("CREATE TRIGGER audit_%s_i AFTER INSERT ON %s%s BEGIN\n"
              "  INSERT INTO audit_touch VALUES ('%s', NEW.%s, 'insert',\n"
              "    %s, NULL); END;"
              % (table, table, when("NEW"), table, key,
                 owner(table, own, parent, "NEW")))
        print("CREATE TRIGGER audit_%s_u AFTER UPDATE ON %s%s BEGIN\n"
              "  INSERT INTO audit_touch SELECT '%s', NEW.%s, 'update',\n"
              "    %s, c FROM (SELECT %s AS c) WHERE c IS NOT NULL; END;"
              % (table, table, when("NEW"), table, key,
                 owner(table, own, parent, "NEW"), changes(cols, 1, 1)))
        print("CREATE TRIGGER audit_%s_d BEFORE DELETE ON %s%s BEGIN\n"
              "  INSERT INTO audit_touch VALUES ('%s', OLD.%s, 'delete',\n"
              "    %s,\n    %s); END;"
              % (table, table, when("OLD"), table, key,
                 owner(table, own, parent, "OLD"), changes(cols, 1, 0)))
        print()


if __name__ == "__main__":
    main()

# SQL and reference data compiled into the program (see src/embed.awk).
# Paths are relative to the top source directory.
QT_EMBEDDED = \
	data/schema/001_init.sql \
	data/schema/005_database_id.sql \
	data/schema/006_name_sort.sql \
	data/schema/007_essay_none.sql \
	data/schema/008_enrol_units.sql \
	data/schema/009_clock_offset.sql \
	data/schema/010_report_snapshot.sql \
	data/schema/011_member_search.sql \
	data/schema/012_report_review.sql \
	data/schema/013_audit.sql \
	data/schema/014_counters.sql \
	data/schema/015_conflicts.sql \
	data/schema/016_plan_details.sql \
	data/schema/017_report_live.sql \
	data/schema/018_read_indexes.sql \
	data/schema/019_plan_due.sql \
	data/schema/020_essay_date.sql \
	data/schema/021_recount_order.sql \
	data/schema/022_unit_by_name.sql \
	data/schema/023_audit_owner.sql
EXTRA_DIST += $(QT_EMBEDDED)

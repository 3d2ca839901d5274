EXTRA_DIST += docs/architecture.md docs/storage.md docs/files.md docs/bad-input.md \
	docs/deadlines.md docs/district-server.md docs/audit.md \
	contrib/gen-audit-sql.py

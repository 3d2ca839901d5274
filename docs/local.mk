EXTRA_DIST += docs/architecture.md docs/storage.md

EXTRA_DIST += contrib/install-deps.sh contrib/try-demo.sh contrib/run-tests.sh \
	contrib/monkey-long.sh contrib/kill-loop.sh \
	contrib/sync-tree.sh contrib/soak-cuts.sh

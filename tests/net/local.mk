# Network test tools for the sync tests: a loopback proxy that cuts,
# throttles and delays connections, a test PKI, shell helpers.
check_PROGRAMS += tests/net/qt-proxy
tests_net_qt_proxy_SOURCES = tests/net/qt-proxy.c
tests_net_qt_proxy_CFLAGS = $(AM_CFLAGS)
# Slow peers: connections that trickle, a server that drips (slow.sh).
check_PROGRAMS += tests/net/qt-slow
tests_net_qt_slow_SOURCES = tests/net/qt-slow.c
tests_net_qt_slow_CFLAGS = $(AM_CFLAGS)

TESTS += tests/net/test-proxy.sh
EXTRA_DIST += tests/net/mkca.sh tests/net/lib.sh tests/net/README.md \
	tests/net/test-proxy.sh

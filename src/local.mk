# The core: command line, database, allocation, embedded data.
#
# Each part of quantriet is its own static library, built from its own
# local.mk: a test links only the parts it exercises, and the parts depend
# downwards only (cli -> ui -> sync -> store -> domain -> core -> text).
QT_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS) $(SQLITE3_CFLAGS) $(LIBCURL_CFLAGS) $(ZLIB_CFLAGS) $(ZSTD_CFLAGS) $(MHD_CFLAGS)
# libcurl is not linked: src/sync/netlib.c loads it when a sync starts.
QT_SYSLIBS = $(NCURSESW_LIBS) $(SQLITE3_LIBS) $(ZLIB_LIBS) $(ZSTD_LIBS) $(LIBS)

noinst_LIBRARIES += libqt_core.a
libqt_core_a_CFLAGS = $(QT_CFLAGS)
libqt_core_a_SOURCES = \
	src/xmalloc.c src/xmalloc.h \
	src/msg.c src/msg.h \
	src/db.c src/db.h \
	src/db_snapshot.c \
	src/paths.c src/paths.h \
	src/district.c src/district.h \
	src/files.c src/files.h \
	src/optnum.c src/optnum.h \
	src/printer.c src/printer.h \
	src/hlc.c src/hlc.h \
	src/embedded.h src/embedded_find.c
nodist_libqt_core_a_SOURCES = src/embedded.c
BUILT_SOURCES += src/embedded.c
CLEANFILES += src/embedded.c

# What a test needs to open a database.
QT_CORE_LIBS = libqt_core.a libqt_text.a $(QT_SYSLIBS)

bin_PROGRAMS += quantriet
quantriet_SOURCES = src/cli/main.c
quantriet_CFLAGS = $(QT_CFLAGS)
quantriet_LDADD = libqt_cli.a libqt_ui.a libqt_sync.a libqt_store.a \
	libqt_domain.a $(QT_CORE_LIBS)

# data/ files compiled into the program, so a copied binary is complete.
src/embedded.c: $(QT_EMBEDDED) $(top_srcdir)/src/embed.awk
	$(AM_V_GEN)$(AWK) -f $(top_srcdir)/src/embed.awk \
	  -v srcdir='$(top_srcdir)' $(QT_EMBEDDED) > $@.tmp && mv $@.tmp $@
EXTRA_DIST += src/embed.awk

include src/text/local.mk
include src/domain/local.mk
include src/store/local.mk
include src/ui/local.mk
include src/sync/local.mk
include src/server/local.mk
include src/cli/local.mk

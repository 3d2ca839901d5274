/*
 * netlib.c - libcurl, loaded when a sync starts (see netlib.h for why).
 */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "sync/netlib.h"
#include "xmalloc.h"

/* Debian's libcurl4 (OpenSSL) first, then libcurl3-gnutls: same ABI. */
static const char *const netlib_files[] = {
	"libcurl.so.4", "libcurl-gnutls.so.4", NULL,
};

static struct netlib netlib_table;
static int netlib_loaded;

/* Stores symbol NAME of handle into the function pointer at FN. */
static int
netlib_symbol(void *handle, const char *name, void *fn)
{
	void *p = dlsym(handle, name);

	if (p == NULL)
		return -1;
	memcpy(fn, &p, sizeof p);	/* POSIX: a void * holds a function */
	return 0;
}

#define NETLIB_SYMBOL(field) \
	netlib_symbol(handle, "curl_" #field, &netlib_table.field)

const struct netlib *
netlib_load(char **err)
{
	const char *const *file;
	void *handle = NULL;

	*err = NULL;
	if (netlib_loaded)
		return &netlib_table;
	for (file = netlib_files; *file != NULL && handle == NULL; file++)
		handle = dlopen(*file, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL) {
		*err = xasprintf("Không nạp được thư viện mạng libcurl (%s): "
		    "hãy cài gói libcurl4. Dữ liệu không mất; mọi việc khác "
		    "vẫn làm được", dlerror());
		return NULL;
	}
	/* Kept open for the life of the program: libcurl keeps global state. */
	if (NETLIB_SYMBOL(easy_init) || NETLIB_SYMBOL(easy_setopt) ||
	    NETLIB_SYMBOL(easy_getinfo) || NETLIB_SYMBOL(easy_cleanup) ||
	    NETLIB_SYMBOL(easy_strerror) || NETLIB_SYMBOL(slist_append) ||
	    NETLIB_SYMBOL(slist_free_all) || NETLIB_SYMBOL(multi_init) ||
	    NETLIB_SYMBOL(multi_add_handle) ||
	    NETLIB_SYMBOL(multi_remove_handle) ||
	    NETLIB_SYMBOL(multi_perform) || NETLIB_SYMBOL(multi_poll) ||
	    NETLIB_SYMBOL(multi_info_read) || NETLIB_SYMBOL(multi_cleanup) ||
	    NETLIB_SYMBOL(version_info)) {
		*err = xasprintf("Thư viện mạng libcurl quá cũ (%s): hãy cập "
		    "nhật gói libcurl4. Dữ liệu không mất", dlerror());
		dlclose(handle);
		return NULL;
	}
	netlib_loaded = 1;
	return &netlib_table;
}

const struct netlib *
netlib(void)
{
	if (!netlib_loaded)
		abort();	/* a caller skipped netlib_load() */
	return &netlib_table;
}

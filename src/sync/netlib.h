/*
 * netlib.h - libcurl, loaded when a sync starts.
 *
 * Linked in, libcurl brings some 37 shared libraries (TLS, Kerberos,
 * LDAP, SSH...) into every start of the interface: a third of its
 * start-up work and most of its memory, for a screen a clerk may never
 * open. Loaded on the first sync instead, it costs only the clerks who
 * sync, and only then.
 */
#ifndef QT_SYNC_NETLIB_H
#define QT_SYNC_NETLIB_H

#include <curl/curl.h>

/* The libcurl functions the client calls, by the name after "curl_". */
struct netlib {
	CURL		*(*easy_init)(void);
	CURLcode	 (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode	 (*easy_getinfo)(CURL *, CURLINFO, ...);
	void		 (*easy_cleanup)(CURL *);
	const char	*(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void		 (*slist_free_all)(struct curl_slist *);
	CURLM		*(*multi_init)(void);
	CURLMcode	 (*multi_add_handle)(CURLM *, CURL *);
	CURLMcode	 (*multi_remove_handle)(CURLM *, CURL *);
	CURLMcode	 (*multi_perform)(CURLM *, int *);
	CURLMcode	 (*multi_poll)(CURLM *, struct curl_waitfd [],
			    unsigned int, int, int *);
	CURLMsg		*(*multi_info_read)(CURLM *, int *);
	CURLMcode	 (*multi_cleanup)(CURLM *);
	curl_version_info_data *(*version_info)(CURLversion);
};

/*
 * Loads libcurl the first time (later calls return the same table).
 * NULL if it cannot, with *err a Vietnamese sentence (caller frees).
 */
const struct netlib *netlib_load(char **err);
/* The table netlib_load() filled; only after it succeeded. */
const struct netlib *netlib(void);

#endif

/*
 * rtf_read.c - a small RTF reader for the tests (rtf_read.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rtf_read.h"
#include "text/text.h"
#include "xmalloc.h"

char *
rtf_read(const char *rtf)
{
	size_t len = strlen(rtf), i = 0, o = 0;
	char *out = xmalloc(len * 2 + 1);
	int depth = 0, skip_depth = -1;
	unsigned high = 0;

	while (i < len) {
		char c = rtf[i++];

		if (c == '{') {
			depth++;
			continue;
		}
		if (c == '}') {
			if (--depth < 0)
				break;
			if (depth < skip_depth)
				skip_depth = -1;
			continue;
		}
		if (c == '\r' || c == '\n')
			continue;
		if (c != '\\') {
			if (skip_depth < 0)
				out[o++] = c;
			continue;
		}
		if (strchr("\\{}", rtf[i]) != NULL) {
			if (skip_depth < 0)
				out[o++] = rtf[i];
			i++;
			continue;
		}
		{
			char word[32];
			size_t w = 0;
			long num = 0;
			int neg = 0, has_num = 0;

			while (i < len && w < sizeof word - 1 &&
			    ((rtf[i] >= 'a' && rtf[i] <= 'z')))
				word[w++] = rtf[i++];
			word[w] = '\0';
			if (rtf[i] == '-') {
				neg = 1;
				i++;
			}
			while (rtf[i] >= '0' && rtf[i] <= '9') {
				num = num * 10 + (rtf[i++] - '0');
				has_num = 1;
			}
			if (rtf[i] == ' ')
				i++;
			if (strcmp(word, "fonttbl") == 0)
				skip_depth = depth;
			if (skip_depth >= 0)
				continue;
			if (strcmp(word, "u") == 0 && has_num) {
				unsigned unit = (unsigned)(neg ? 0x10000 - num : num);
				uint32_t cp = unit;

				i++;	/* the fallback character */
				if (unit >= 0xd800 && unit < 0xdc00) {
					high = unit;
					continue;
				}
				if (unit >= 0xdc00 && unit < 0xe000)
					cp = 0x10000 + ((high - 0xd800) << 10) +
					    (unit - 0xdc00);
				o += text_utf8_encode(cp, out + o);
			} else if (strcmp(word, "par") == 0 ||
			    strcmp(word, "line") == 0 ||
			    strcmp(word, "cell") == 0 || strcmp(word, "row") == 0)
				out[o++] = '\n';
			else if (strcmp(word, "tab") == 0)
				out[o++] = '\t';
		}
	}
	out[o] = '\0';
	if (depth != 0) {
		free(out);
		return NULL;
	}
	return out;
}


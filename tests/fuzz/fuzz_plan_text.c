/*
 * fuzz_plan_text.c - the plan-text importer (src/domain/plan_text.c) on
 * a file's text as `quantriet import plan` has it: decoded and checked
 * by textfile_decode first, which leaves valid UTF-8 or refuses.
 */
#include "config.h"

#include <stdlib.h>

#include "domain/plan_text.h"
#include "domain/textfile.h"

#include "fuzz.h"

static const struct textfile_kind fuzz_plan = {
	.zip = "zip", .ole = "ole", .utf16 = NULL, .nul = "nul",
	.too_long = "long", .line_max = 64 * 1024,
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan_text p;
	char *err = NULL;
	char *text = textfile_decode(&fuzz_plan, (const char *)data, size, NULL,
	    &err);

	free(err);
	if (text == NULL)
		return 0;
	plan_text_parse(text, &p);
	plan_text_clear(&p);
	free(text);
	return 0;
}

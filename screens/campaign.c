/*
 * campaign.c - the plan and unit choices of the essays and tally screens.
 */
#include "config.h"

#include <stdlib.h>

#include "campaign.h"

int
campaign_plans(struct ui *ui, int64_t want, struct store_plan **plans,
    size_t *n, size_t *pick)
{
	int got = store_plans_list(ui->db, ui->home_unit, ui->today, plans);
	size_t i;

	if (got <= 0) {
		ui_message(ui, 1, "Chưa có kế hoạch học tập nào cho đơn vị "
		    "này");
		store_plans_free(plans, got > 0 ? (size_t)got : 0);
		return -1;
	}
	*n = (size_t)got;
	*pick = 0;
	for (i = 0; i < *n; i++)
		if ((*plans)[i].id == want)
			*pick = i;
	return 0;
}

size_t
campaign_find_unit(const struct store_choice *units, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strtoll(units[i].code, NULL, 10) == id)
			return i;
	return n;
}

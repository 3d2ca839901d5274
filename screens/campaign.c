/*
 * campaign.c - the plan and unit choices of the essays and tally screens.
 */
#include "config.h"

#include <stdio.h>
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

void
campaign_ask_round(struct ui *ui, int *round)
{
	char cur[8], *q, *end;
	long r;

	snprintf(cur, sizeof cur, "%d", *round);
	if ((q = ui_prompt(ui, "Đợt báo cáo (1-12)", cur)) == NULL)
		return;
	r = strtol(q, &end, 10);
	if (*q == '\0' || *end != '\0' || r < 1 || r > 12)
		ui_message(ui, 1, "Đợt phải là một số từ 1 đến 12");
	else
		*round = (int)r;
	free(q);
}

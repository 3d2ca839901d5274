/*
 * campaign.h - choosing the plan and the unit the essays and tally
 * screens show (a helper of screens/essays.c and tally.c).
 */
#ifndef QT_SCREENS_CAMPAIGN_H
#define QT_SCREENS_CAMPAIGN_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "ui/ui.h"

/*
 * The plans of the clerk's unit, most recent first, into *plans and *n
 * (the caller frees them with store_plans_free), and in *pick the index
 * of the plan want (the first when it is not among them). 0, or -1 after
 * a message on the message line when there is no plan.
 */
int	campaign_plans(struct ui *ui, int64_t want, struct store_plan **plans,
	    size_t *n, size_t *pick);
/* Asks for a report round on the message line; 1..12 as the schema allows. */
void	campaign_ask_round(struct ui *ui, int *round);
/* The index of the choice whose code is the unit id, or n when none is. */
size_t	campaign_find_unit(const struct store_choice *units, size_t n,
	    int64_t id);

#endif

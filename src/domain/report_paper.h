/*
 * report_paper.h - the tally report (report.h) laid out as the form a
 * unit files (paper.h): seed 000's form in the layout of Hướng dẫn
 * 36-HD/VPTW, with item 6's proposals grouped (proposals.h).
 */
#ifndef QT_REPORT_PAPER_H
#define QT_REPORT_PAPER_H

#include <stddef.h>

#include "domain/paper.h"
#include "domain/proposals.h"

struct report;

/* Every member's proposal, by name, in an annex on a page of its own. */
#define REPORT_PAPER_ANNEX	0x1

/*
 * Lays r out into *out (overwritten; release with paper_clear):
 * - header: the unit above and the unit in capitals, "Số .....-BC/CB"
 *   (a cell) or "-BC/ĐU" (a party committee) with the number left to
 *   write by hand, "<place>, ngày 05 tháng 3 năm 2021" (day, and months
 *   1 and 2, on two digits, as 36-HD writes dates);
 * - "BÁO CÁO", "TỔNG HỢP BÀI THU HOẠCH", what was studied, the plan and
 *   the round;
 * - items 1-4 from r's counts, 4 with its reasons; item 5 the
 *   assessment, else dotted lines; item 6 the unit's own text, then the
 *   members' proposals grouped, each once with how many members wrote
 *   it (and, above a cell, in which cells), commonest first;
 * - the recipients (the unit above, "Lưu") and the signature block;
 * - with REPORT_PAPER_ANNEX, every member's proposal as written.
 * r must have been built with REPORT_WITH_PROPOSALS for item 6's
 * proposals. Every string from r goes through the display sanitiser.
 */
void	 report_paper(const struct report *r, int flags, struct paper *out);

/*
 * Item 6's members' proposals of r grouped (proposals.h), the one
 * grouping the paper and the tally screen show: *in gets a new array of
 * the proposals the groups index (pointing into r; free it), *out the
 * groups (proposals_free). Returns the number of groups.
 */
size_t	 report_proposal_groups(const struct report *r, struct proposal **in,
	    struct proposal_group **out);
/*
 * How many members wrote group g and, above a cell, where: "5 đảng viên:
 * Chi bộ ấp Vĩnh Hòa 2 người, Chi bộ ấp Vĩnh Phước 3 người", through the
 * display sanitiser. Newly allocated.
 */
char	*report_group_note(const struct report *r, const struct proposal *in,
	    const struct proposal_group *g);

/* report_paper's layout as text (paper_text) or RTF (paper_rtf). Newly
 * allocated. */
char	*report_paper_txt(const struct report *r, int flags);
char	*report_paper_rtf(const struct report *r, int flags);

#endif

/*
 * plan_text.h - what a plan's text says, read by the rules of how party
 * documents are laid out (Hướng dẫn 36-HD/VPTW), not fitted to one file.
 *
 * The header: the issuer's lines top left (the body above, then the one
 * issuing), "ĐẢNG CỘNG SẢN VIỆT NAM" top right, "Số 13-KH/TU", "Place,
 * ngày … tháng … năm …", then the kind in capitals (KẾ HOẠCH, HƯỚNG DẪN…)
 * and the title's lines. "Thực hiện …"/"Căn cứ …" name the parents with
 * "số NN-XX/YY, ngày …". Numbered headings name a level ("Cấp tỉnh",
 * "Đối với chi bộ", "Hội nghị do cấp cơ sở tổ chức"), under which a
 * "Thời gian …" or "hoàn thành …" line gives the deadline. A field that
 * is not found is left empty, never guessed.
 */
#ifndef QT_PLAN_TEXT_H
#define QT_PLAN_TEXT_H

#include <stddef.h>

#include "domain/date.h"

struct plan_text_parent {
	char		*number;	/* "04-KH/BTGTU" */
	struct qt_date	 date;		/* y 0: not written */
	int		 line;
};

struct plan_text_resolution {
	char		*title;		/* "Nghị quyết … “…”" as written */
	int		 line;		/* the title's when read from it */
};

/* A session a level is asked to hold (or a task with its deadline). */
struct plan_text_item {
	char		*level;		/* "tỉnh", "huyện", "cơ sở", "chi bộ", joined ", " */
	char		*what;		/* its heading */
	char		*words;		/* the deadline as written, or NULL */
	struct qt_date	 last;		/* y 0: no deadline */
	int		 line;		/* the heading's line */
	/*
	 * What its block says plainly, or NULL: after "Thành phần:" or
	 * "Đối tượng:", after "Báo cáo viên:", the length after "Thời gian:"
	 * with its parts on the lines below (domain/plan_item.h), and the
	 * clause giving the materials' ratio ("03 đảng viên/01 cuốn").
	 */
	char		*audience;
	char		*presenter;
	char		*length;
	char		*ratio;
	/*
	 * How it is held, when its block says (plan_text_how.c): the start
	 * time "HH:MM" ("" not said), the form ("in_person", "online" or
	 * NULL), the bridge points' count as written (0 not said) and their
	 * names, one a line (NULL none named).
	 */
	char		 start[6];
	const char	*form;
	int		 bridge_count;
	char		*bridges;
};

/* A report asked for, one per round. */
struct plan_text_report {
	char		*level;		/* who reports, "" when not said */
	char		*what;
	int		 round;		/* 0: no rounds */
	struct qt_date	 last;
	int		 line;
};

enum plan_text_essay { PLAN_ESSAY_UNKNOWN, PLAN_ESSAY_DAYS, PLAN_ESSAY_DATE,
	PLAN_ESSAY_NONE };

/*
 * What was read, each field with the line (from 1) it came from so a
 * clerk can check it against the text; line 0 when it was not found.
 */
struct plan_text {
	char			*number, *kind, *issuer, *place, *title;
	struct qt_date		 date;		/* y 0: not found */
	int			 number_line, issuer_line, date_line;
	int			 title_line;	/* the kind word's line */
	struct plan_text_parent	*parents;
	size_t			 nparents;
	struct plan_text_resolution *resolutions;
	size_t			 nresolutions;
	struct plan_text_item	*items;
	size_t			 nitems;
	struct plan_text_report	*reports;
	size_t			 nreports;
	enum plan_text_essay	 essay;
	char			*essay_words;	/* the rule as written */
	int			 essay_days;
	struct qt_date		 essay_date;
	int			 essay_line;
};

/*
 * The unit kind (unit_kind.code: "province", "district", "commune",
 * "cell") of one level name as items list them ("tỉnh", "cơ sở"...), or
 * NULL for a name that is none of them.
 */
const char *plan_text_level_kind(const char *name);

/* Reads text (UTF-8) into *out; free with plan_text_clear. */
void	plan_text_parse(const char *text, struct plan_text *out);
void	plan_text_clear(struct plan_text *p);
/* Frees what one item holds (a review form drops an item). */
void	plan_text_item_clear(struct plan_text_item *it);

#endif

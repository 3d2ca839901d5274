/*
 * plan_item.h - the parts of a plan item written as words: its length
 * with its parts, and the ratio its materials are handed out by.
 *
 * Plans write a session's length in days or half-day sittings ("01 buổi",
 * "1,5 ngày"), often with its parts: "0,5 ngày nghiên cứu + 0,5 ngày thảo
 * luận", or "01 ngày. Trong đó: - Nghiên cứu …: 0,5 ngày; - Thảo luận …:
 * 0,5 ngày". Materials are given per head: "cấp bình quân 03 đảng
 * viên/01 cuốn". The words are kept as written; these functions read them.
 */
#ifndef QT_PLAN_ITEM_H
#define QT_PLAN_ITEM_H

/* Parts one length can name; more is refused. */
#define PLAN_LENGTH_MAX_PARTS	8

struct plan_length_part {
	int	 half_days;
	char	*label;		/* what the part is for ("nghiên cứu"), or "" */
};

struct plan_length {
	int			 half_days;	/* the whole length */
	int			 nparts;	/* 0: no parts named */
	struct plan_length_part	 parts[PLAN_LENGTH_MAX_PARTS];
};

/*
 * Reads a length. Each amount is a number (decimal comma or point)
 * followed by "ngày" (days) or "buổi" (half-day sittings); each must be a
 * whole number of half days. Amounts are cut apart by "+", ";" or a new
 * line, and each part's label is the words after its unit, else the words
 * before it ("Thảo luận …: 0,5 ngày"). When the first amount equals the
 * sum of the others it is the whole and the others its parts ("01 ngày;
 * trong đó 0,5 ngày … + 0,5 ngày …"); otherwise the whole is the sum.
 * Returns NULL with *out filled (free with plan_length_clear), or a
 * Vietnamese message in a static buffer; *out is then empty.
 */
const char	*plan_length_parse(const char *words, struct plan_length *out);
void		 plan_length_clear(struct plan_length *l);

/*
 * Reads a materials ratio: two numbers around a "/" ("03 đảng viên/01
 * cuốn", "1 cuốn/3 đảng viên", "3/1"). The side naming people ("đảng
 * viên", "người", "học viên", "đại biểu") is the number of members, else
 * the first side is. Returns 0 with *members and *copies set (both >= 1),
 * -1 if the words hold no such ratio.
 */
int	 plan_ratio_parse(const char *words, int *members, int *copies);

/*
 * Copies a unit of n members needs under the ratio: rounded up, so that
 * nobody is left without ("03 đảng viên/01 cuốn", 10 members: 4 copies).
 * -1 if the words hold no ratio.
 */
int	 plan_ratio_copies(const char *words, int n);

/*
 * Reads a start time as plans and clerks write it ("7:30", "07h30", "7 giờ
 * 30", "14h") into "HH:MM". 0, or -1 if it is not a time of day.
 */
int	 plan_time_parse(const char *words, char out[6]);

#endif

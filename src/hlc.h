/*
 * hlc.h - the hybrid logical clock that orders edits across devices.
 *
 * A clock value is (milliseconds since 1970 << 16) | counter. Local changes
 * are stamped by triggers in data/schema/002_sync.sql from sync_clock; this
 * module folds in clocks seen from elsewhere, so the next local change is
 * later than anything this device has seen even when the PC clock is wrong,
 * and a PC clock far from the server's is corrected by an offset.
 */
#ifndef QT_HLC_H
#define QT_HLC_H

#include <stdint.h>

struct db;

/* How far a PC clock may stray from the server's before its offset is used. */
#define HLC_MAX_SKEW_MS		(60 * 60 * 1000LL)

/* The PC clock in milliseconds (plus $QUANTRIET_CLOCK_OFFSET_S, for tests). */
int64_t	 hlc_wall_ms(void);
/*
 * Milliseconds on a clock that never jumps (CLOCK_MONOTONIC), for waits
 * and deadlines; only differences mean anything.
 */
int64_t	 hlc_mono_ms(void);
/* The milliseconds part of a clock value. */
int64_t	 hlc_ms(int64_t hlc);
/* Advances the database's clock and returns the new value (0 on error). */
int64_t	 hlc_next(struct db *db);
/* Moves the database's clock past remote if it is behind; 0 or -1. */
int	 hlc_observe(struct db *db, int64_t remote);
/*
 * Records how far the PC clock (local_ms) is from the server's (both in
 * ms): beyond HLC_MAX_SKEW_MS, local changes are stamped from then on
 * with the PC clock plus the difference (sync_clock.offset_ms); within
 * it, with the PC clock. 0 or -1.
 */
int	 hlc_set_offset(struct db *db, int64_t local_ms, int64_t server_ms);
/*
 * The clerk's warning "Đồng hồ máy tính chậm N giờ..." while an offset is
 * in use, else NULL. Caller frees.
 */
char	*hlc_offset_warning(struct db *db);

#endif

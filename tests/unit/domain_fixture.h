/*
 * domain_fixture.h - a small hand-built database for the domain tests.
 *
 * Province P (1) > commune C (2) > cells A (3), B (4), E (5). Plans: D1
 * (100, the province's), D2 (101, the commune's, implementing D1), D3
 * (102, unrelated). The rows and what each is for are described in
 * domain_fixture.c.
 */
#ifndef QT_DOMAIN_FIXTURE_H
#define QT_DOMAIN_FIXTURE_H

struct db;

enum {
	FX_P = 1, FX_C = 2, FX_A = 3, FX_B = 4, FX_E = 5,
	FX_D1 = 100, FX_D2 = 101, FX_D3 = 102,
	FX_A1 = 11, FX_A2, FX_A3, FX_A4, FX_A5, FX_A6,
	FX_B1 = 21, FX_B2, FX_B3, FX_B4,
	FX_E1 = 31,
};

/* Creates the database in a new temporary directory; aborts on failure. */
struct db	*fixture_open(void);
/* Closes the database and removes its directory. */
void		 fixture_close(struct db **pdb);

#endif

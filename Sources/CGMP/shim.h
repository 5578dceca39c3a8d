#include <gmp.h>
// GMP macros Swift cannot import, exposed as functions.
static inline int cgmp_mpz_sgn(mpz_srcptr x) { return mpz_sgn(x); }
static inline int cgmp_mpq_sgn(mpq_srcptr x) { return mpq_sgn(x); }
static inline mpz_ptr cgmp_mpq_numref(mpq_ptr x) { return mpq_numref(x); }
static inline mpz_ptr cgmp_mpq_denref(mpq_ptr x) { return mpq_denref(x); }
static inline mpz_srcptr cgmp_mpq_numref_const(mpq_srcptr x) { return mpq_numref(x); }
static inline mpz_srcptr cgmp_mpq_denref_const(mpq_srcptr x) { return mpq_denref(x); }
static inline int cgmp_mpz_odd_p(mpz_srcptr x) { return mpz_odd_p(x); }

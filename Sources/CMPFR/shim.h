#include <gmp.h>
#include <mpfr.h>
// MPFR macros Swift cannot import, exposed as functions.
static inline int cmpfr_sgn(mpfr_srcptr x) { return mpfr_sgn(x); }
static inline long cmpfr_prec_max(void) { return MPFR_PREC_MAX; }
static inline long cmpfr_prec_min(void) { return MPFR_PREC_MIN; }
static inline long cmpfr_get_exp(mpfr_srcptr x) { return mpfr_get_exp(x); }

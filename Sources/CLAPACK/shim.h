#include <complex.h>
#include <lapacke.h>

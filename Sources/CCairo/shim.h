// cairo 1.16+ (Debian: libcairo2-dev): image, PDF and SVG surfaces and the toy text API.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

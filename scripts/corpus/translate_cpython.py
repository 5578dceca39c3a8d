#!/usr/bin/env python3
"""Translate CPython's tables of elementary-function values into a Referee value corpus (a
development tool, not a dependency of Referee or of its tests).

Source: `cmath_testcases.txt` and `math_testcases.txt` of CPython's test suite (Lib/test/ or
Lib/test/mathdata/), written by CPython's developers for their C99 conformance tests: arguments
near branch cuts, tiny and huge magnitudes, near-cancellation. Each line is

    <id> <function> <re> <im> -> <re> <im> <flags>        (cmath)
    <id> <function> <x> -> <y> <flags>                     (math)

The arguments are IEEE doubles and enter Referee as the exact binary rationals they are. The
reference is the function recomputed by mpmath at 80 digits from that exact input (confirmed at
100), and it must agree with CPython's own expected value to 1e-13 relative; a case whose
expectation differs (a signed zero choosing the side of a branch cut, which an exact input cannot
express), an infinite or NaN input or output, or any flag (overflow, invalid, divide-by-zero) is
skipped with the reason.

Output: Tests/Corpus/cpython-values.tsv, same columns as values.tsv.

Usage: scripts/corpus/translate_cpython.py [--cmath FILE] [--math FILE] [--out Tests/Corpus]
"""
import argparse
import collections
import fractions
import glob
import os
import sys

import mpmath

# Referee's spelling of each function (the names the parser knows), and mpmath's implementation.
FUNCTIONS = {
    "sqrt": ("sqrt", mpmath.sqrt), "exp": ("exp", mpmath.exp), "log": ("log", mpmath.log),
    "sin": ("sin", mpmath.sin), "cos": ("cos", mpmath.cos), "tan": ("tan", mpmath.tan),
    "sinh": ("sinh", mpmath.sinh), "cosh": ("cosh", mpmath.cosh), "tanh": ("tanh", mpmath.tanh),
    "atan": ("atan", mpmath.atan),
}
# Functions of CPython's tables that Referee does not have (asin, acos, asinh, acosh, atanh, log10,
# expm1, log1p, …) are skipped and counted as "function … not in Referee", as for mpmath's tests.


def rational_text(x):
    q = fractions.Fraction(x)
    if q.denominator == 1:
        return "(%d)" % q.numerator
    return "(%d/%d)" % (q.numerator, q.denominator)


def reference(f, z):
    with mpmath.workdps(80):
        a = f(z)
    with mpmath.workdps(100):
        b = f(z)
    if abs(a - b) > abs(b) * mpmath.mpf(10) ** -75 + mpmath.mpf(10) ** -400:
        return None
    return b


def fmt(v):
    with mpmath.workdps(70):
        if isinstance(v, mpmath.mpc) and v.imag != 0:
            return "%s|%s" % (mpmath.nstr(v.real, 70, min_fixed=-1, max_fixed=1), mpmath.nstr(v.imag, 70, min_fixed=-1, max_fixed=1))
        re = v.real if isinstance(v, mpmath.mpc) else v
        return mpmath.nstr(re, 70, min_fixed=-1, max_fixed=1)


def close(computed, expected):
    """mpmath's value against CPython's expected double, 1e-13 relative per component (1e-300 absolute)."""
    c = mpmath.mpc(computed)
    for got, want in ((c.real, expected.real), (c.imag, expected.imag)):
        if abs(got - want) > mpmath.mpf(1e-13) * max(abs(c), 1e-300):
            return False
    return True


def translate(path, complex_table, kept, skipped, rows):
    name = os.path.basename(path)
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("--")[0].strip()
        if not line or "->" not in line:
            continue
        lhs, rhs = line.split("->")
        words, out = lhs.split(), rhs.split()
        if complex_table:
            if len(words) != 4 or len(out) < 2:
                skipped["syntax"] += 1; continue
            ident, fn, re, im = words
            flags = out[2:]
        else:
            if len(words) != 3 or len(out) < 1:
                skipped["syntax"] += 1; continue
            ident, fn, re = words
            im = "0.0"
            flags = out[1:]
        if fn not in FUNCTIONS:
            skipped["function %s not in Referee" % fn] += 1; continue
        if flags:
            skipped["flag " + " ".join(sorted(flags))] += 1; continue
        try:
            x, y = float(re), float(im)
            ex = complex(float(out[0]), float(out[1]) if complex_table else 0.0)
        except ValueError:
            skipped["syntax"] += 1; continue
        if any(v != v or v in (float("inf"), float("-inf")) for v in (x, y, ex.real, ex.imag)):
            skipped["infinite or NaN"] += 1; continue
        spelling, f = FUNCTIONS[fn]
        z = mpmath.mpc(mpmath.mpf(x), mpmath.mpf(y)) if complex_table else mpmath.mpf(x)
        try:
            v = reference(f, z)
        except (ValueError, ZeroDivisionError):
            skipped["mpmath raises"] += 1; continue
        if v is None:
            skipped["reference not confirmed at 100 digits"] += 1; continue
        if not complex_table and isinstance(v, mpmath.mpc) and v.imag != 0:
            skipped["math: complex result"] += 1; continue
        if not close(v, ex):
            reason = "signed zero on a branch cut" if (y == 0.0 or x == 0.0) else "mpmath and CPython disagree"
            skipped[reason] += 1; continue
        if complex_table:
            arg = rational_text(x) if y == 0 else "(%s + %s*I)" % (rational_text(x), rational_text(y))
        else:
            arg = rational_text(x)
        rows.append("cpython\t%s:%s\t%s(%s)\t%s" % (name, ident, spelling, arg, fmt(v)))
        kept[name] += 1


def main():
    p = argparse.ArgumentParser()
    found = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.13*/lib/python3.13/test/mathdata/*_testcases.txt")))
    p.add_argument("--cmath", default=next((f for f in found if f.endswith("cmath_testcases.txt")), None))
    p.add_argument("--math", default=next((f for f in found if f.endswith("/math_testcases.txt")), None))
    p.add_argument("--out", default="Tests/Corpus")
    a = p.parse_args()
    kept, skipped, rows = collections.Counter(), collections.Counter(), []
    for path, complex_table in ((a.cmath, True), (a.math, False)):
        if not path:
            sys.exit("translate_cpython: CPython's %s_testcases.txt not found; pass --%s FILE" % (("cmath", "cmath") if complex_table else ("math", "math")))
        translate(path, complex_table, kept, skipped, rows)
    with open(os.path.join(a.out, "cpython-values.tsv"), "w", encoding="utf-8") as out:
        out.write("# source\tplace\texpression\treference (mpmath, 70 digits; re|im when complex)  (generated by scripts/corpus/translate_cpython.py; do not edit)\n")
        out.write("\n".join(rows) + "\n")
    with open(os.path.join(a.out, "SKIPPED-cpython.md"), "w", encoding="utf-8") as out:
        out.write("# CPython value tables: what was kept and what was skipped\n\nGenerated by `scripts/corpus/translate_cpython.py` (mpmath %s).\n\n" % mpmath.__version__)
        out.write("| kept | count |\n|---|---|\n" + "".join("| %s | %d |\n" % kv for kv in sorted(kept.items())))
        out.write("\n| skipped (reason) | count |\n|---|---|\n" + "".join("| %s | %d |\n" % kv for kv in skipped.most_common()))
    print("kept", dict(kept), "skipped", dict(skipped), file=sys.stderr)


if __name__ == "__main__":
    main()

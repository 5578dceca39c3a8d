#!/usr/bin/env python3
"""mpmath side of the evaluation benchmark (Benchmarks/referee-bench/EvaluationBenchmark.swift).

The same two computations as the Swift side, at the same decimal precisions:
  * a 200-term expression  sum_{k=1}^{200} sin(k x) exp(-k y) / (k^2 + z)  at x = 1/3, y = 1/7, z = 2/5;
  * the integrand  sqrt(x) / (exp((x - 1)/t) + 1)  at x = 7/10, t = 1/20.
Prints one JSON object per line: {"case", "digits", "seconds_per_eval", "value"}.
Benchmark only: never used by the product or its tests.
"""
import json
import sys
import time

from mpmath import mp, mpf, sin, exp, sqrt, nstr


def two_hundred_terms():
    x, y, z = mpf(1) / 3, mpf(1) / 7, mpf(2) / 5
    total = mpf(0)
    for k in range(1, 201):
        total += sin(k * x) * exp(-k * y) / (k * k + z)
    return total


def integrand():
    x, t = mpf(7) / 10, mpf(1) / 20
    return sqrt(x) / (exp((x - 1) / t) + 1)


def timed(f, min_seconds=0.3):
    f()
    n, start = 0, time.perf_counter()
    while True:
        f()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return elapsed / n


def main(digits_list):
    for digits in digits_list:
        mp.dps = digits
        for name, f in (("200-term sum", two_hundred_terms), ("fermi integrand", integrand)):
            seconds = timed(f)
            print(json.dumps({"case": name, "digits": digits, "seconds_per_eval": seconds,
                              "value": nstr(f(), min(digits, 40))}))
            sys.stdout.flush()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50, 1000])

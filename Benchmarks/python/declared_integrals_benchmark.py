"""mpmath side of `referee-bench declared-integrals` (issue 15): the same integrals at the same
digits, timed warm (best of n), with the value for a digit-by-digit comparison.

    python Benchmarks/python/declared_integrals_benchmark.py [50,1000]
"""
import json
import sys
import time

import mpmath
from mpmath import mp, mpf


def cases():
    t = mpf(1) / 100
    f = lambda u: 1 / (mpmath.exp((u * u - 1) / t) + 1)
    fe = lambda e: 1 / (mpmath.exp((e - 1) / t) + 1)
    return [
        ("rkky_x5_t0.01", "quad [0,1,inf]", lambda: mpmath.quad(lambda u: u * mpmath.sin(5 * u) * f(u), [0, 1, mpmath.inf])),
        ("alpha_t0.01", "quad [0,1,inf]", lambda: mpmath.quad(lambda e: e * fe(e) * (1 - fe(e)) / t, [0, 1, mpmath.inf])),
        ("rkky_x5_t0", "quad [0,1]", lambda: mpmath.quad(lambda u: u * mpmath.sin(5 * u), [0, 1])),
        ("sommerfeld_sqrt_t0.01", "quad [0,1,inf]", lambda: mpmath.quad(lambda e: mpmath.sqrt(e) * fe(e), [0, 1, mpmath.inf])),
        ("fourier_cos2u_lorentzian", "quadosc", lambda: mpmath.quadosc(lambda u: mpmath.cos(2 * u) / (1 + u * u), [0, mpmath.inf], omega=2)),
    ]


def main():
    digits = [int(d) for d in (sys.argv[1] if len(sys.argv) > 1 else "50").split(",")]
    for d in digits:
        mp.dps = d + 5
        for name, rule, run in cases():
            reps = 1 if d >= 500 else 3
            run()
            best = float("inf")
            for _ in range(reps):
                t0 = time.perf_counter()
                v = run()
                best = min(best, time.perf_counter() - t0)
            print(json.dumps({"name": name, "digits": d, "route": "mpmath " + rule, "warm_s": best, "value": mpmath.nstr(v, d + 3)}))
            sys.stdout.flush()


if __name__ == "__main__":
    main()

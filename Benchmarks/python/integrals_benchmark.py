"""Side-by-side benchmark of the arbitrary-precision integrals (issue 5).

Runs, on the same machine and in one go:
  * Referee (Swift, MPFR): `.build/release/referee-bench integrals <digits>` (build it first with
    `swift build -c release --product referee-bench`);
  * mpmath `quad` (tanh-sinh), given the kink of the Fermi function as a split point;
  * Arb through python-flint `acb.integral` (rigorous; its ball is the reference for correctness).

Integrals (t = k_B T / eps_F, mu = eps_F):
  fermi_t0.01, fermi_t0.05 : int_0^oo sqrt(x)/(exp((x-1)/t)+1) dx
  rkky_x5_t0.01            : int_0^oo u sin(5u)/(exp((u^2-1)/t)+1) du   (I(x,t), derivations/integrals.md)
  alpha_t0.01              : int_0^oo e (-df/de) de                      (E(t) = t log(1+e^{1/t}))

Timings: "cold" includes node generation for that precision, "warm" reuses cached nodes (best of
several runs; mpmath also caches its nodes). Correct digits are counted against the Arb ball
(or, for alpha, the closed form t log(1 + e^{1/t}) evaluated by mpmath at 2N digits; with
`noarb`, agreement with mpmath's value, an independent method).

Usage: Benchmarks/.venv/bin/python Benchmarks/python/integrals_benchmark.py [15,50,100,1000] [case,case,...] [noarb]
(at 1000 digits mpmath needs minutes per case; the optional case list and `noarb` shorten a run)
Benchmark-only: never imported by the product or its tests.
"""
import json
import math
import subprocess
import sys
import time

import mpmath
from mpmath import mp, mpf
import flint
from flint import acb, arb, ctx

ROOT = __file__.rsplit("/Benchmarks/", 1)[0]
T1, T5 = "0.01", "0.05"


def timed(fn, reps):
    t0 = time.perf_counter()
    v = fn()
    cold = time.perf_counter() - t0
    best = math.inf
    for _ in range(reps):
        t1 = time.perf_counter()
        v = fn()
        best = min(best, time.perf_counter() - t1)
    return v, cold, best


def mpmath_case(name, digits):
    mp.dps = digits + 5
    if name.startswith("fermi"):
        t = mpf(name.split("_t")[1])
        f = lambda x: mpmath.sqrt(x) / (mpmath.exp((x - 1) / t) + 1)
        return lambda: mp.quad(f, [0, 1, mpmath.inf], error=True)
    if name.startswith("rkky"):
        t = mpf("0.01")
        f = lambda u: u * mpmath.sin(5 * u) / (mpmath.exp((u * u - 1) / t) + 1)
        if digits >= 500:
            # On [0, 1, inf] mpmath did not finish in 65 minutes at 1000 digits (the oscillating tail):
            # it gets the finite range of the Arb reference instead, where the neglected tail is
            # below 10^-(digits+10) (Referee truncates the same way, with the tail bound added).
            bits = int((digits + 10) * 3.3219) + 20
            U = mpmath.sqrt(1 + t * (bits + 20) * mpmath.log(2))
            return lambda: mp.quad(f, [0, 1, U], error=True)
        return lambda: mp.quad(f, [0, 1, mpmath.inf], error=True)
    if name.startswith("alpha"):
        t = mpf("0.01")
        f = lambda e: e / (4 * t * mpmath.cosh((e - 1) / (2 * t)) ** 2)
        return lambda: mp.quad(f, [0, 1, mpmath.inf], error=True)


def arb_case(name, digits):
    """Arb on a finite range [0, U] where the neglected tail is below 10^-(digits+10)."""
    ctx.prec = int((digits + 10) * 3.3219) + 20
    bits = ctx.prec
    if name.startswith("fermi") or name.startswith("rkky"):
        t = arb(name.split("_t")[1]) if name.startswith("fermi") else arb("0.01")
        U = (1 + t * (bits + 20) * arb(2).log()).sqrt()
        if name.startswith("fermi"):
            # x = u^2 (the square root is not analytic at 0): 2u^2 f(u^2)
            g = lambda u, _: 2 * u * u / (((u * u - 1) / t).exp() + 1)
        else:
            g = lambda u, _: u * (5 * u).sin() / (((u * u - 1) / t).exp() + 1)
        return lambda: acb.integral(g, 0, U)
    if name.startswith("alpha"):
        t = arb("0.01")
        E = 1 + t * (bits + 20) * arb(2).log()
        g = lambda e, _: e / (4 * t * ((e - 1) / (2 * t)).cosh() ** 2)
        return lambda: acb.integral(g, 0, E)


def correct_digits(value_str, ref):
    """Digits of value_str that agree with the reference ball/mpf."""
    mp.dps = 2 * len(value_str) + 20
    v = mpf(value_str)
    r = mpf(ref) if not isinstance(ref, acb) else mpf(ref.real.mid().str(len(value_str) + 20, radius=False))
    if r == 0:
        return 0
    d = abs(v - r) / abs(r)
    return 10**6 if d == 0 else int(-mpmath.log10(d))


def main():
    digit_list = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "15,50,100,1000").split(",")]
    names = ["fermi_t0.01", "fermi_t0.05", "rkky_x5_t0.01", "alpha_t0.01"]
    if len(sys.argv) > 2 and sys.argv[2]:
        names = sys.argv[2].split(",")
    use_arb = not (len(sys.argv) > 3 and sys.argv[3] == "noarb")
    rows = []
    for d in digit_list:
        out = subprocess.run([f"{ROOT}/.build/release/referee-bench", "integrals", str(d)],
                             capture_output=True, text=True, check=True).stdout
        swift = {j["name"]: j for j in map(json.loads, (l for l in out.strip().splitlines() if l.startswith("{")))}
        for name in names:
            reps = 1 if d >= 500 else 3
            # Arb (reference)
            if use_arb:
                av, acold, awarm = timed(arb_case(name, d), reps)
            else:
                av, acold, awarm = None, math.nan, math.nan
            # mpmath
            (mv, merr), mcold, mwarm = timed(mpmath_case(name, d), reps)
            mp.dps = d + 5
            mstr = mpmath.nstr(mv, d + 5, strip_zeros=False)
            ref = av
            if ref is None:
                # without Arb: agreement with mpmath (an independent method) is what is counted
                ref = mv
            if name.startswith("alpha"):
                mp.dps = 2 * d + 20
                t = mpf("0.01")
                ref = t * mpmath.log1p(mpmath.exp(1 / t))
            s = swift[name]
            rows.append({
                "integral": name, "digits": d,
                "referee_warm_s": s["warm_s"], "referee_cold_s": s["cold_s"],
                "referee_correct": min(correct_digits(s["value"], ref), d + 5),
                "referee_claimed": s["digits_reached"],
                "mpmath_warm_s": mwarm, "mpmath_cold_s": mcold,
                "mpmath_correct": min(correct_digits(mstr, ref), d + 5),
                "mpmath_err_estimate": mpmath.nstr(merr, 3),
                "mpmath_range": "[0, 1, U]" if name.startswith("rkky") and d >= 500 else "[0, 1, inf]",
                "arb_warm_s": awarm, "arb_cold_s": acold,
                "arb_radius": (av.real.rad().str(3) if hasattr(av.real.rad(), "str") else str(av.real.rad())) if av is not None else "n/a",
                "speedup_vs_mpmath_warm": mwarm / s["warm_s"],
                "speedup_vs_arb_warm": awarm / s["warm_s"] if av is not None else math.nan,
            })
            r = rows[-1]
            print(f"{name:15s} {d:5d} digits | referee {r['referee_warm_s']:.4g}s (cold {r['referee_cold_s']:.3g}s) "
                  f"correct {r['referee_correct']} | mpmath {r['mpmath_warm_s']:.4g}s (cold {r['mpmath_cold_s']:.3g}s) "
                  f"correct {r['mpmath_correct']} (est. err {r['mpmath_err_estimate']}) | arb {r['arb_warm_s']:.4g}s rad {r['arb_radius']} "
                  f"| x{r['speedup_vs_mpmath_warm']:.1f} vs mpmath, x{r['speedup_vs_arb_warm']:.1f} vs arb", flush=True)
    # Merge into the kept results: rows of this run replace those with the same integral and digits.
    path = f"{ROOT}/Benchmarks/python/integrals_benchmark_results.json"
    try:
        with open(path) as fh:
            kept = json.load(fh)
    except (OSError, ValueError):
        kept = []
    stamp = time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime())
    for r in rows:
        r["run"] = f"{stamp} (integrals_benchmark.py {','.join(map(str, digit_list))})"
    done = {(r["integral"], r["digits"]) for r in rows}
    merged = [r for r in kept if (r["integral"], r["digits"]) not in done] + rows
    merged.sort(key=lambda r: (r["digits"], r["integral"]))
    with open(path, "w") as fh:
        json.dump(merged, fh, indent=1)

if __name__ == "__main__":
    main()

"""Side-by-side benchmark of the dynamics harness (issue 6): the NC(8) phase diagram per grid point.

The same grid points as `referee-bench dynamics` (Benchmarks/referee-bench/DynamicsBenchmark.swift):
cell centres of a columns x rows grid over r = gamma_B/(alpha_B|g_B|) in [0, 2.5] and j_AB in [0, 10] meV,
Fig. 5 caption otherwise (j_AA = 10, j_BB = 5 meV, alpha_A = 0.1, alpha_B = 2e-3, g_B = -10 meV, n = 1,
k_BT = 9 meV); point i = row*columns + column starts from the SplitMix64 initial condition with seed 1 + i
(m_A, m_B uniform in the unit disc), reproduced bit for bit below. Each point is integrated over
[0, t_final] by scipy.integrate.solve_ivp(method='DOP853', rtol=1e-10, atol=1e-12) on the right-hand side
of NC(8) as implemented in Sources/Verify/Dynamics/Models/BilayerMeanField.swift; the Swift `fixed`
workload does the same. checksum = sum over points of sum_i |y_i(t_final)|, to compare the final states.

Usage: python3 Benchmarks/python/dynamics_benchmark.py [COLUMNSxROWS] [T_FINAL] [SWIFT_JSON_LINES] [STRIDE]
  STRIDE k integrates only the points i = 0, k, 2k, ... of the grid (the Swift benchmark takes the same
  sample from REFEREE_BENCH_DYNAMICS_STRIDE), so that a 200x200 grid can be timed in scipy in minutes.
  With a file of the Swift benchmark's output lines, the results are merged into
  Benchmarks/python/dynamics_benchmark_results.json. Benchmark-only: never a dependency of the product.
"""
import json
import math
import os
import sys
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp

MASK = (1 << 64) - 1
CAPTION = dict(jAA=10.0, jBB=5.0, alphaA=0.1, alphaB=2e-3, gB=-10.0, n=1.0, T=9.0)


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def initial_condition(seed):
    g = splitmix64(seed)
    y = []
    for _ in range(2):
        r = math.sqrt((next(g) >> 11) * 2.0 ** -53)
        angle = 2 * math.pi * ((next(g) >> 11) * 2.0 ** -53)
        y += [r * math.cos(angle), r * math.sin(angle)]
    return y


def grid_point(i, columns, rows):
    c, w = i % columns, i // columns
    ratio = 0 + (c + 0.5) / columns * 2.5
    jab = 0 + (w + 0.5) / rows * 10
    return ratio, jab


def rhs_factory(ratio, jab):
    p = CAPTION
    T = p["T"]
    gamma_b = ratio * p["alphaB"] * abs(p["gB"])
    omega = gamma_b / abs(p["gB"]) * jab
    cubic = 1 / (3 * T * T)
    jaa, jbb, aa, ab, decay = p["jAA"], p["jBB"], p["alphaA"], p["alphaB"], gamma_b * p["n"]

    def rhs(t, y):
        hax = jaa * y[0] + jab * y[2]
        hay = jaa * y[1] + jab * y[3]
        hbx = jab * y[0] + jbb * y[2]
        hby = jab * y[1] + jbb * y[3]
        ca = 1 - (hax * hax + hay * hay) * cubic
        cb = 1 - (hbx * hbx + hby * hby) * cubic
        return [aa * (ca * hax - T * y[0]),
                aa * (ca * hay - T * y[1]),
                ab * (cb * hbx - T * y[2]) - decay * y[2] - omega * y[0],
                ab * (cb * hby - T * y[3]) - decay * y[3] - omega * y[1]]
    return rhs


def main():
    columns, rows = 10, 10
    if len(sys.argv) > 1:
        columns, rows = (int(x) for x in sys.argv[1].split("x"))
    t_final = float(sys.argv[2]) if len(sys.argv) > 2 else 5000.0
    stride = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    indices = range(0, columns * rows, stride)
    count = len(indices)
    steps = nfev = 0
    checksum = 0.0
    start = time.perf_counter()
    for i in indices:
        ratio, jab = grid_point(i, columns, rows)
        sol = solve_ivp(rhs_factory(ratio, jab), (0.0, t_final), initial_condition(1 + i), method="DOP853",
                        rtol=1e-10, atol=1e-12)
        nfev += sol.nfev
        steps += len(sol.t) - 1
        checksum += float(np.sum(np.abs(sol.y[:, -1])))
    seconds = time.perf_counter() - start
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else []
    scipy_result = {"name": "scipy-fixed", "grid": f"{columns}x{rows}", "stride": stride, "points": count, "t_final": t_final, "rtol": 1e-10, "atol": 1e-12,
                    "threads": 1, "seconds": seconds, "s_per_point": seconds / count, "accepted_steps": steps,
                    "evaluations": nfev, "checksum": float(f"{checksum:.12g}"), "loadavg": " ".join(load),
                    "python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__}
    print(json.dumps(scipy_result))
    if len(sys.argv) > 3:
        swift = [json.loads(line) for line in open(sys.argv[3]) if line.startswith("{")]
        fixed = {r["threads"]: r for r in swift if r["name"] == "fixed" and r.get("stride", 1) == stride}
        sweep = {r["threads"]: r for r in swift if r["name"] == "phase-diagram"}
        summary = {
            "grid": f"{columns}x{rows}", "stride": stride, "points_timed_in_scipy": count,
            "swift_s_per_point_1core": fixed[1]["s_per_point"],
            "swift_s_per_point_2cores": fixed[2]["s_per_point"],
            "scipy_s_per_point_1core": scipy_result["s_per_point"],
            "ratio_scipy_over_swift_1core": scipy_result["s_per_point"] / fixed[1]["s_per_point"],
            "speedup_1_to_2_cores_fixed": fixed[1]["seconds"] / fixed[2]["seconds"],
            "speedup_1_to_2_cores_phase_diagram": sweep[1]["seconds"] / sweep[2]["seconds"] if 1 in sweep and 2 in sweep else None,
            "checksum_relative_difference": abs(fixed[1]["checksum"] - scipy_result["checksum"]) / abs(scipy_result["checksum"]),
        }
        out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dynamics_benchmark_results.json")
        with open(out, "w") as f:
            json.dump({"description": __doc__.strip().splitlines()[0], "swift": swift, "scipy": scipy_result, "summary": summary},
                      f, indent=2)
            f.write("\n")
        print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()

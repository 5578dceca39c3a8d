"""Python counterparts of `referee-bench lindblad` (issue 3), run in the benchmark-only venv
Benchmarks/.venv (qutip, openfermion; never a dependency of the product or its tests).

Prints one JSON object per line, the same fields as the Swift benchmark:
- liouvillian: QuTiP builds H and the collapse operators of NC(3) (impurity + N spinful levels,
  Jordan-Wigner via qutip.fdestroy) and qutip.liouvillian, from the parameters (construct_s: the
  counterpart of referee's construct_s, which builds the same superoperator from the same parameters);
  eigenvalues of the dense Liouvillian for N = 1, 2.
- normal-ordering: OpenFermion (sum_ij c_i^dag c_j)**3 with M = 8, normal_ordered, number of terms.

    lindblad_benchmark.py [--no-spectra]    (--no-spectra: construction and normal ordering only,
                                             the counterpart of `referee-bench lindblad-construct`)
"""
import json
import time

import numpy as np
import qutip
import openfermion as of


def best_of(fn, minimum=0.5):
    best = float("inf")
    for _ in range(3):
        n, start = 0, time.perf_counter()
        while True:
            fn()
            n += 1
            if time.perf_counter() - start >= minimum / 3:
                break
        best = min(best, (time.perf_counter() - start) / n)
    return best


def model(n_levels, ed=-1.0, U=3.0, kappa=0.5, v=0.1):
    modes = 2 + 2 * n_levels
    c = [qutip.fdestroy(modes, j) for j in range(modes)]
    nop = [x.dag() * x for x in c]
    H = ed * (nop[0] + nop[1]) + U * nop[0] * nop[1]
    for k in range(n_levels):
        e = 0.1 * (k + 1)
        H += e * (nop[2 + 2 * k] + nop[3 + 2 * k])
    for s in range(2):
        cR = sum(c[2 + 2 * k + s] for k in range(n_levels))
        H += v * c[s].dag() * cR + np.conj(v) * cR.dag() * c[s]
    P2 = nop[0] * nop[1]
    c_ops = [np.sqrt(kappa) * c[s] * P2 for s in range(2)]
    return H, c_ops


def liouvillian_benchmark(spectra=True):
    for n in (1, 2, 3):
        holder = {}

        def build():
            H, c_ops = model(n)
            holder["L"] = qutip.liouvillian(H, c_ops)

        t = best_of(build, 2.0 if n == 3 else 0.5)
        L = holder["L"]
        out = {"name": "liouvillian", "levels": n, "dimension": L.shape[0],
               "nonzeros": int(L.data.as_scipy().nnz) if hasattr(L.data, "as_scipy") else None, "construct_s": t}
        if spectra and n <= 2:
            dense = L.full()
            t0 = time.perf_counter()
            ev = np.linalg.eigvals(dense)
            out["spectrum_s"] = time.perf_counter() - t0
            out["max_real_eigenvalue"] = float(np.max(ev.real))
        print(json.dumps(out), flush=True)


def normal_ordering_benchmark():
    M = 8
    hop = of.FermionOperator()
    for i in range(M):
        for j in range(M):
            hop += of.FermionOperator(((i, 1), (j, 0)))
    holder = {}

    def run():
        holder["r"] = of.normal_ordered(hop ** 3)

    start = time.perf_counter()
    run()
    t = time.perf_counter() - start
    print(json.dumps({"name": "normal-ordering", "modes": M, "power": 3, "terms": len(holder["r"].terms), "seconds": t}), flush=True)


if __name__ == "__main__":
    import sys
    liouvillian_benchmark(spectra="--no-spectra" not in sys.argv[1:])
    normal_ordering_benchmark()

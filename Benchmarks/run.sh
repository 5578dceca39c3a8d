#!/usr/bin/env bash
# Side-by-side benchmarks: each Swift benchmark (release) and its Python counterpart in one run.
#
#   Benchmarks/run.sh [dynamics|integrals|declared-integrals|lindblad|lindblad-construct|exponential|evaluation …]
#                                                     (default: dynamics integrals lindblad evaluation)
#   lindblad: Liouvillian construction, spectra (minutes for N = 2) and normal ordering on both sides;
#   lindblad-construct: the same without the spectra.
#   exponential: e^{−y} by FixedPointExponential against MPFR's mpfr_exp (Swift only, no Python side).
#
# The Python side runs in the benchmark-only virtual environment Benchmarks/.venv (scipy, mpmath,
# python-flint for Arb, qutip, openfermion), created here on first use; it is never a dependency of the
# product or of its tests. Results are printed and merged into Benchmarks/python/*_results.json.
#
# Options through the environment:
#   REFEREE_BENCH_DYNAMICS_GRID=200x200 REFEREE_BENCH_DYNAMICS_STRIDE=100   (defaults)
#   REFEREE_BENCH_DIGITS=15,50,100,1000                                      (integrals)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=Benchmarks/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || { echo "run.sh: cannot create $venv; install it with: sudo apt-get install -y python3-venv" >&2; exit 2; }
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet numpy scipy mpmath python-flint qutip openfermion
fi
py="$venv/bin/python"

swift build -c release --product referee-bench >/dev/null
bench=.build/release/referee-bench

what=("$@")
[ ${#what[@]} -eq 0 ] && what=(dynamics integrals lindblad evaluation)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"

for name in "${what[@]}"; do
  echo "== $name"
  case "$name" in
    dynamics)
      grid=${REFEREE_BENCH_DYNAMICS_GRID:-200x200}
      stride=${REFEREE_BENCH_DYNAMICS_STRIDE:-100}
      out=$(mktemp)
      REFEREE_BENCH_DYNAMICS_GRID=$grid REFEREE_BENCH_DYNAMICS_STRIDE=$stride "$bench" dynamics | tee "$out"
      "$py" Benchmarks/python/dynamics_benchmark.py "$grid" 5000 "$out" "$stride"
      rm -f "$out" ;;
    integrals)
      digits=${REFEREE_BENCH_DIGITS:-15,50,100,1000}
      "$bench" integrals "$digits"
      "$py" Benchmarks/python/integrals_benchmark.py "$digits" ;;
    declared-integrals)
      # integrate(…) of the derivation language vs the specialised Swift path vs mpmath (issue 15)
      digits=${REFEREE_BENCH_DIGITS:-50}
      "$bench" declared-integrals "$digits"
      "$py" Benchmarks/python/declared_integrals_benchmark.py "$digits" ;;
    lindblad)
      "$bench" lindblad
      "$py" Benchmarks/python/lindblad_benchmark.py ;;
    lindblad-construct)
      "$bench" lindblad-construct
      "$py" Benchmarks/python/lindblad_benchmark.py --no-spectra ;;
    exponential)
      "$bench" exponential ;;
    evaluation)
      "$bench" evaluation
      "$py" Benchmarks/python/evaluation_mpmath.py ;;
    *) echo "run.sh: unknown benchmark '$name'; known: dynamics integrals declared-integrals lindblad lindblad-construct exponential evaluation" >&2; exit 2 ;;
  esac
done

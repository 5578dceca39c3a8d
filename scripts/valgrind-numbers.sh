#!/usr/bin/env bash
# Runs the number-layer tests (BigInt, BigRational, BigFloat, BigComplex, FixedPointExponential) under valgrind's memcheck
# and fails on any memory error or definite leak. Known one-time allocations of XCTest and the Swift
# runtime are suppressed by scripts/valgrind-swift.supp (never GMP, MPFR or Symbolic frames).
# Takes a few minutes (valgrind slows the property tests ~50×).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed: apt-get install -y valgrind" >&2; exit 2; }
scripts/dependencies.sh
swift build --build-tests
bin=$(swift build --show-bin-path)/RefereePackageTests.xctest
tests=SymbolicTests.NumbersBigIntTests,SymbolicTests.NumbersBigRationalTests,SymbolicTests.NumbersGaussianRationalTests,SymbolicTests.NumbersBigFloatTests,SymbolicTests.NumbersBigComplexTests,SymbolicTests.NumbersConcurrencyTests,SymbolicTests.NumbersFixedPointExponentialTests
exec valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
    --error-exitcode=1 --num-callers=40 --suppressions=scripts/valgrind-swift.supp \
    "$bin" "$tests"

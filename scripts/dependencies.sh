#!/usr/bin/env bash
# Makes sure the C libraries Referee links against are installed (Debian/Ubuntu).
# Installs them when running as root; otherwise prints the exact command and stops.
set -euo pipefail
packages=(pkg-config libgmp-dev libmpfr-dev liblapacke-dev libopenblas-dev libcairo2-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then
  echo "referee: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "referee: missing system packages: ${missing[*]}" >&2
  echo "run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 2
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "referee: the Swift toolchain (6.0 or later) is not on PATH; install it from swift.org and retry" >&2
  exit 2
fi

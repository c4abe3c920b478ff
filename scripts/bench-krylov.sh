#!/usr/bin/env bash
# The matrix-free acceptance runs, with SciPy's svds side by side in the same session (docs/benchmarks.md).
#   scripts/bench-krylov.sh            200,000 x 150,000 with 2 million entries, k = 1..3, orders 1..4, vs svds
#   scripts/bench-krylov.sh compare    3000 x 2000 at 1 % and dense 4000 x 4000 (entries in [0, 1), then mean zero):
#                                      matrix-free against the dense path
#   --no-build as a second argument runs the Release build already there (for measurements on a quiet machine).
# Installs Debian's python3-scipy when missing (as root). The matrices are generated into a temporary directory
# and deleted afterwards; nothing is committed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! /usr/bin/python3 -c 'import scipy' 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-scipy
fi
if [[ "${2:-}" != "--no-build" ]]; then
  dotnet build -c Release "$root/benchmarks/SpectralSensitivity.Benchmarks" -v quiet -nologo >/dev/null
fi
runner=("dotnet" "$root/benchmarks/SpectralSensitivity.Benchmarks/bin/Release/net10.0/SpectralSensitivity.Benchmarks.dll")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [[ "${1:-scale}" == "compare" ]]; then
  "${runner[@]}" krylov-versus-dense 3000 2000 0.01 5 4 1
  /usr/bin/time -f "wall %e s, peak RSS %M KB" "${runner[@]}" krylov-versus-dense 4000 4000 1 1 4 2 0
  /usr/bin/time -f "wall %e s, peak RSS %M KB" "${runner[@]}" krylov-versus-dense 4000 4000 1 1 4 2 0.5
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  /usr/bin/python3 "$root/scripts/bench-krylov.py" "$work"
  /usr/bin/time -f "wall %e s, peak RSS %M KB" "${runner[@]}" krylov-scale "$work/a.mtx" "$work/e.mtx" 3 4
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

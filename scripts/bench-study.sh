#!/usr/bin/env bash
# Study benchmarks (docs/benchmarks.md, docs/scale.md). Needs a built spectral (pass its path, or it is built here).
#   scripts/bench-study.sh protocol [SPECTRAL]        the paper's protocol as one command, then the same protocol in PyTorch
#                                                     autograd (Debian python3-torch) on the matrices it saved; wall, CPU, ratio
#   scripts/bench-study.sh scaling P [SPECTRAL]       a 48-trial 2000 x 1000 study (k = 1..5, orders 1..8) on P MPI ranks of one
#                                                     worker thread each; P above the core count runs with --oversubscribe
#   scripts/bench-study.sh threads W [SPECTRAL]       the same study in one process (no MPI) with W worker threads, at the
#                                                     default shard size (about 64 shards: one trial each here)
# Every run prints the load average before and after. Outputs go to a temporary folder, deleted afterwards.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:?protocol, scaling or threads}"
if [[ "$mode" == "scaling" || "$mode" == "threads" ]]; then
  ranks="${2:?number of ranks or threads}"
  spectral="${3:-}"
else
  spectral="${2:-}"
fi
if [[ -z "$spectral" ]]; then
  dotnet build -c Release "$root/src/SpectralSensitivity.Cli" -v quiet -nologo >/dev/null
  spectral="$root/src/SpectralSensitivity.Cli/bin/Release/net10.0/spectral"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
timing='%e s wall, %U s user + %S s system CPU'
study=(study --ensemble gaussian --rows 2000 --columns 1000 --trials 48 -k 1..5 -N 8 --output "$work/scale")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
case "$mode" in
  protocol)
    /usr/bin/time -f "spectral study: $timing" -o "$work/study.time" \
      "$spectral" study --ensemble gaussian uniform beta:2,5 --rows 6 --columns 10 --trials 500 -k all -N 2 \
      --validate hessian,finite-differences --save-matrices --output "$work/paper"
    /usr/bin/time -f "PyTorch autograd: $timing" -o "$work/torch.time" \
      /usr/bin/python3 "$root/scripts/study-protocol-torch.py" "$work/paper"
    cat "$work/study.time" "$work/torch.time"
    /usr/bin/python3 - "$work/study.time" "$work/torch.time" <<'PY'
import re, sys
def read(path):
    wall, user, system = map(float, re.findall(r"([0-9.]+) s", open(path).read())[:3])
    return wall, user + system
(sw, sc), (tw, tc) = read(sys.argv[1]), read(sys.argv[2])
print(f"ratio PyTorch / spectral: {tw / sw:.1f}x wall, {tc / sc:.1f}x CPU")
PY
    ;;
  scaling)
    extra=()
    if (( ranks > $(nproc) )); then extra=(--oversubscribe); fi
    /usr/bin/time -f "$ranks ranks${extra[*]:+ (oversubscribed)}, 1 worker each: $timing" \
      mpirun --allow-run-as-root "${extra[@]}" -n "$ranks" "$spectral" "${study[@]}" --threads 1
    sha256sum "$work/scale/results.csv"
    ;;
  threads)
    /usr/bin/time -f "1 process, $ranks worker thread(s): $timing" \
      "$spectral" "${study[@]}" --threads "$ranks"
    sha256sum "$work/scale/results.csv"
    ;;
  *)
    echo "unknown mode '$mode': protocol, scaling or threads" >&2
    exit 2
    ;;
esac
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

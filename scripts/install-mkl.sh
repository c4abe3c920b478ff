#!/usr/bin/env bash
# Installs the native linear-algebra libraries used by SpectralSensitivity.Providers.Mkl:
#   - Intel MKL (libmkl-rt, Debian "non-free" component) -> libmkl_rt.so
#   - OpenBLAS, pthread flavour (libopenblas0-pthread, Debian "main") -> libopenblas.so.0
# Idempotent and non-interactive; must run as root on Debian (bookworm or later).
# Usage: sudo bash scripts/install-mkl.sh [--no-openblas]
set -euo pipefail

want_openblas=1
for arg in "$@"; do
  case "$arg" in
    --no-openblas) want_openblas=0 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "install-mkl.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/lib/debian-packages.sh"
require_root install-mkl.sh

packages=(libmkl-rt)
if [[ $want_openblas -eq 1 ]]; then packages+=(libopenblas0-pthread); fi
read -r -a missing <<< "$(missing_packages "${packages[@]}")"
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-mkl.sh: already installed: ${packages[*]}"
  exit 0
fi

# Enable "non-free" next to the existing Debian sources: same URIs, suites and keyring.
base=/etc/apt/sources.list.d/debian.sources
target=/etc/apt/sources.list.d/spectral-non-free.sources
if [[ ! -f "$base" ]]; then
  echo "install-mkl.sh: $base not found; add the non-free component to your apt sources by hand" >&2
  exit 1
fi
new=$(sed -E 's/^Components:.*/Components: non-free/' "$base")
if [[ ! -f "$target" ]] || [[ "$(cat "$target")" != "$new" ]]; then
  printf '%s\n' "$new" > "$target"
  echo "install-mkl.sh: wrote $target"
fi

install_packages "${missing[@]}"
echo "install-mkl.sh: installed ${missing[*]}"

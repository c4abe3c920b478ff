#!/usr/bin/env bash
# Installs Open MPI (Debian "main": openmpi-bin for mpirun, libopenmpi-dev for libmpi.so.40) for `spectral study`
# under mpirun. Idempotent and non-interactive; must run as root on Debian (bookworm or later).
# Usage: sudo bash scripts/install-mpi.sh
set -euo pipefail

for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "install-mpi.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/lib/debian-packages.sh"
require_root install-mpi.sh

packages=(openmpi-bin libopenmpi-dev)
read -r -a missing <<< "$(missing_packages "${packages[@]}")"
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-mpi.sh: already installed: ${packages[*]}"
  exit 0
fi

install_packages "${missing[@]}"
command -v mpirun >/dev/null || { echo "install-mpi.sh: mpirun not found after installing ${missing[*]}" >&2; exit 1; }
echo "install-mpi.sh: installed ${missing[*]} ($(mpirun --version | head -n 1))"

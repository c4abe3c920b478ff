#!/usr/bin/env bash
# Packs the five packages (SpectralSensitivity, SpectralSensitivity.IO, SpectralSensitivity.Providers.Mkl,
# SpectralSensitivity.Studies and the SpectralSensitivity.Cli tool), with their symbol packages, into a local NuGet feed folder.
#
#   bash scripts/pack-local-feed.sh [FEED_DIR]          # default: artifacts/feed
#
# Environment: SPECTRAL_PACK_BUILD_DIR = where the Release build goes (default: artifacts/pack-build), so packing
# never touches the bin/ and obj/ folders of a development build or a running test.
# The build is deterministic (ContinuousIntegrationBuild=true: source paths in the PDBs are mapped to /_/).
# Prints the package files it wrote, one per line.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
feed="${1:-$root/artifacts/feed}"
build="${SPECTRAL_PACK_BUILD_DIR:-$root/artifacts/pack-build}"
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

projects=(
  src/SpectralSensitivity/SpectralSensitivity.csproj
  src/SpectralSensitivity.IO/SpectralSensitivity.IO.csproj
  src/SpectralSensitivity.Providers.Mkl/SpectralSensitivity.Providers.Mkl.csproj
  src/SpectralSensitivity.Studies/SpectralSensitivity.Studies.csproj
  src/SpectralSensitivity.Cli/SpectralSensitivity.Cli.csproj
)

# One build graph for all five (a solution filter), so the shared projects build once.
filter="$(mktemp -d)/packages.slnf"
trap 'rm -rf "$(dirname "$filter")"' EXIT
{
  printf '{ "solution": { "path": "%s", "projects": [' "$root/SpectralSensitivity.sln"
  sep=""
  for p in "${projects[@]}"; do printf '%s "%s"' "$sep" "${p//\//\\\\}"; sep=","; done
  printf ' ] } }\n'
} >"$filter"

dotnet pack "$filter" -c Release -o "$feed" --artifacts-path "$build" -p:ContinuousIntegrationBuild=true -nologo -v quiet >&2

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -1)"
for p in "${projects[@]}"; do
  id="$(basename "$p" .csproj)"
  for f in "$feed/$id.$version.nupkg" "$feed/$id.$version.snupkg"; do
    [[ -f "$f" ]] || { echo "pack-local-feed: $f was not produced" >&2; exit 1; }
    echo "$f"
  done
done

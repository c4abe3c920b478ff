# Shared by the install scripts: sourced, not run. Root check and idempotent, non-interactive installation of Debian
# packages (only the ones not yet installed; one apt-get update before installing).

# require_root NAME: exits 1 with "NAME: must run as root" unless the effective user is root.
require_root() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "$1: must run as root" >&2
    exit 1
  fi
}

# missing_packages PACKAGE...: prints, space-separated, the packages dpkg does not report as installed.
missing_packages() {
  local p missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  echo "${missing[*]}"
}

# install_packages PACKAGE...: apt-get update, then installs the packages without recommends, non-interactively.
install_packages() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$@"
}

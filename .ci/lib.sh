# Shared by .ci/setup and .ci/test: installs what a fresh Debian or Ubuntu machine with
# Swift 6 lacks. Sourced, not run.

# Debian packages Dossier builds against.
DOSSIER_DEBIAN_PACKAGES=(libcmark-gfm-dev libcmark-gfm-extensions-dev libgraphviz-dev pkg-config)

# ensure_debian_packages PKG...: installs the packages that are not installed yet, with
# sudo only when not root. Does nothing (and needs no network) when all are present.
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  echo "==> installing Debian packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null; then
    "${sudo[@]}" apt-get update -q </dev/null
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
  fi
}

ensure_swift() {
  command -v swift >/dev/null || {
    echo "error: Swift 6 is not installed (see https://www.swift.org/install/linux/)" >&2
    return 1
  }
}

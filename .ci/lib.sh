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

# ensure_python_module MODULE DEBIAN_PACKAGE PIP_PACKAGE: makes `import MODULE` work for the
# python3 on PATH: Debian's package when python3 is the system one, else pip.
ensure_python_module() {
  local module=$1 debian=$2 pip=$3
  command -v python3 >/dev/null || ensure_debian_packages python3
  python3 -c "import $module" 2>/dev/null && return 0
  ensure_debian_packages "$debian" || true
  python3 -c "import $module" 2>/dev/null && return 0
  echo "==> installing $pip from PyPI for $(command -v python3)"
  python3 -m pip install -q "$pip" 2>/dev/null || python3 -m pip install -q --user "$pip" || python3 -m pip install -q --break-system-packages "$pip"
}

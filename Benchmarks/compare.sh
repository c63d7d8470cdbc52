#!/usr/bin/env bash
# Builds dossier in release and compares it with Hugo and the bare libcmark-gfm floor on N
# synthetic profiles, with the shared harness (../shared/bench/compare.sh beside the
# repository, or $DOSSIER_SHARED_BENCH).
#
# usage: Benchmarks/compare.sh [N] [RUNS]
#   N     profiles (default 1000; the targets are stated for 1000 and 10000)
#   RUNS  timed runs per tool after one warm-up (default: the harness's, 5)
#
# Set SKIP_BUILD=1 to use the existing .build/release/dossier. The machine is shared:
# quote the medians' ratios, not seconds.
set -euo pipefail
N=${1:-1000}
RUNS=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${DOSSIER_SHARED_BENCH:-$ROOT/../shared/bench}

if [[ ! -x $SHARED/compare.sh && ! -f $SHARED/compare.sh ]]; then
  echo "compare.sh: the shared benchmark harness is not at $SHARED" >&2
  echo "  (expected ../shared/bench/compare.sh beside the repository; set DOSSIER_SHARED_BENCH to its folder)" >&2
  exit 2
fi

# The public tools the harness and these scripts use.
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]]; then apt-get install -y -q "${missing[@]}" >/dev/null
  else echo "compare.sh: missing ${missing[*]}: apt-get install ${missing[*]}" >&2; exit 2; fi
fi

cd "$ROOT"
if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "building dossier (release)…" >&2
  swift build -c release --product dossier >&2
fi
[[ -x .build/release/dossier ]] || { echo "compare.sh: no .build/release/dossier" >&2; exit 2; }

echo "N=$N  dossier $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)"
bash "$SHARED/compare.sh" "$N" .build/release/dossier ${RUNS:+"$RUNS"}

#!/usr/bin/env bash
# Builds the pathological handbooks of gen_stress.py with dossier and reports, per case,
# the median build time (hyperfine), the peak memory (GNU time, %M), the summary line and
# the site's size. A build that crashes or runs past the time limit is reported as such,
# with its last lines of standard error.
#
# usage: Benchmarks/stress.sh [CASE ...]
#   CASE  seed big-profile long-list long-list-page mermaid-2000 arrow-300 (default: all)
#
# Environment: DOSSIER (binary; default .build/release/dossier, built when SKIP_BUILD is
# unset), RUNS (hyperfine runs, default 3), STRESS_TIMEOUT (seconds per build, default
# 600), STRESS_DIR (work folder, default ${TMPDIR:-/tmp}/dossier-stress).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE=$ROOT/Benchmarks
RUNS=${RUNS:-3}
LIMIT=${STRESS_TIMEOUT:-600}
WORK=${STRESS_DIR:-${TMPDIR:-/tmp}/dossier-stress}
CASES=("$@")
((${#CASES[@]})) || CASES=(seed big-profile long-list long-list-page mermaid-2000 arrow-300)

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]]; then apt-get install -y -q "${missing[@]}" >/dev/null
  else echo "stress.sh: missing ${missing[*]}: apt-get install ${missing[*]}" >&2; exit 2; fi
fi

if [[ -z ${DOSSIER:-} ]]; then
  if [[ -z ${SKIP_BUILD:-} ]]; then
    echo "building dossier (release)…" >&2
    (cd "$ROOT" && swift build -c release --product dossier >&2)
  fi
  DOSSIER=$ROOT/.build/release/dossier
fi
DOSSIER=$(realpath "$DOSSIER")

rm -rf "$WORK" && mkdir -p "$WORK"
python3 "$HERE/gen_stress.py" "$WORK" "${CASES[@]/#/--case=}" >&2

printf '%-15s %10s %10s %9s %9s  %s\n' case input median_s peak_MiB site summary
for case in "${CASES[@]}"; do
  dir=$WORK/$case
  input=$(du -sh "$dir/content" | cut -f1)
  # One run under GNU time and a time limit first: the peak memory, and whether it
  # finishes at all.
  # Cold builds: no site and no cache (the cache would make every run after the first a
  # rebuild that reuses the layouts and models).
  rm -rf "$dir/site" "$dir/.dossier-cache"
  set +e
  timeout "$LIMIT" /usr/bin/time -o "$dir/time.txt" -f '%e %M %U %S' \
    "$DOSSIER" build --root "$dir" --output "$dir/site" >"$dir/stdout.txt" 2>"$dir/stderr.txt"
  status=$?
  set -e
  summary=$(tail -n 1 "$dir/stdout.txt" 2>/dev/null | cut -c1-90)
  if ((status == 124)); then
    printf '%-15s %10s %10s %9s %9s  %s\n' "$case" "$input" ">$LIMIT" "-" "-" "TIMED OUT (killed after ${LIMIT}s)"
    continue
  elif ((status > 1)); then
    printf '%-15s %10s %10s %9s %9s  %s\n' "$case" "$input" "-" "-" "-" "CRASHED (status $status)"
    tail -n 20 "$dir/stderr.txt" | sed 's/^/    /'
    continue
  fi
  # GNU time puts "Command exited with non-zero status N" first when the build fails.
  read -r elapsed peak user sys < <(tail -n 1 "$dir/time.txt")
  median=$elapsed
  # Then hyperfine, unless one build already takes minutes.
  if awk "BEGIN { exit !($elapsed < 120) }"; then
    hyperfine --runs "$RUNS" --export-json "$dir/hyperfine.json" --prepare "rm -rf $dir/site $dir/.dossier-cache" \
      "$DOSSIER build --root $dir --output $dir/site" >"$dir/hyperfine.txt" 2>&1 || true
    median=$(python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$dir/hyperfine.json" 2>/dev/null || echo "$elapsed")
  fi
  site=$(du -sh "$dir/site" 2>/dev/null | cut -f1)
  printf '%-15s %10s %10s %9s %9s  %s\n' "$case" "$input" "$median" "$((peak / 1024))" "${site:--}" "$summary"
  printf '%-15s %10s %10s %9s %9s  %s\n' "" "" "" "" "" "(one run: ${elapsed}s wall, ${user}s user, ${sys}s sys; exit $status)"
done
echo "work folder: $WORK (per case: stdout.txt, stderr.txt, time.txt, hyperfine.json)"

#!/usr/bin/env python3
"""CPU and wall time per phase of a `dossier build`, from `perf script` output.

Usage:
    perf record -e cpu-clock -F 499 -g -o perf.data dossier build ...
    perf script -i perf.data -F tid,time,ip,sym | swift demangle --simplified > perf.txt
    python3 profile_phases.py perf.txt [HZ] [--other]

A sample belongs to the first phase whose function appears in its call chain. Frames in
libraries built without frame pointers (libc, Graphviz's libpathplan) lose their callers:
those samples are "unattributed"; --other lists what they are. Standard library only.
"""
import collections
import re
import sys

PHASES = [  # (phase, a function in the call chain), first match wins
    ("documents (extract + render + write each page)", "DocumentBuild.run"),
    ("guides (parallel)", "closure #1 in AggregatePages.files"),
    ("aggregate pages + search index (serial)", "AggregatePages.files"),
    ("export (data/)", "DataExport.files"),
    ("load (read files, route)", "HandbookLoader.load"),
    ("write aggregate files", "SiteSink.write"),
    ("commit", "OutputFolder"),
    ("other build steps", "SiteBuilder.build"),
]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[0]
    hz = float(args[1]) if len(args) > 1 else 499.0
    samples, current = [], None
    for line in open(path, errors="replace"):
        if line.startswith("\t"):
            if current is not None:
                current["stack"].append(line.strip())
            continue
        m = re.match(r"\s*(\d+)\s+([\d.]+):", line)
        if m:
            current = {"tid": int(m.group(1)), "t": float(m.group(2)), "stack": []}
            samples.append(current)
    t0 = min(s["t"] for s in samples)
    t1 = max(s["t"] for s in samples)
    print("span %.1f s wall, %d samples = %.1f CPU-s (%.2f cores busy on average)"
          % (t1 - t0, len(samples), len(samples) / hz, len(samples) / hz / max(t1 - t0, 1e-9)))

    def phase(sample):
        chain = " | ".join(sample["stack"])
        for name, key in PHASES:
            if key in chain:
                return name
        return "unattributed (libc/Graphviz frames without callers, kernel)"

    groups = collections.defaultdict(list)
    for s in samples:
        groups[phase(s)].append(s)
    for name, group in sorted(groups.items(), key=lambda kv: min(x["t"] for x in kv[1])):
        ts = sorted(x["t"] for x in group)
        lo, hi = ts[int(len(ts) * 0.02)], ts[max(0, int(len(ts) * 0.98) - 1)]
        print("%-58s %5.1f%%  %6.1f CPU-s  wall %6.1f → %6.1f s  threads %d"
              % (name, 100 * len(group) / len(samples), len(group) / hz, lo - t0, hi - t0,
                 len({x["tid"] for x in group})))
    if "--other" in sys.argv:
        leaves = collections.Counter()
        for s in groups.get("unattributed (libc/Graphviz frames without callers, kernel)", []):
            frames = [re.sub(r"^\S+\s+", "", f) for f in s["stack"]]
            leaves[" < ".join(frames[:3]) if frames else "?"] += 1
        for chain, n in leaves.most_common(20):
            print("%6d  %s" % (n, chain[:160]))


if __name__ == "__main__":
    main()

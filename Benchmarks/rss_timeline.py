#!/usr/bin/env python3
"""Runs a command and samples its resident memory (VmRSS) every 50 ms.

Usage:
    python3 rss_timeline.py COMMAND [ARG ...]

Prints one line per second of wall time (RSS, and how many files the build's staging or
output folder holds, a rough progress measure when the command is `dossier build --output
DIR`), then the peak and when it happened. Linux only; standard library only.
"""
import os
import subprocess
import sys
import time


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def count_files(folder):
    if not folder:
        return 0
    parent = os.path.dirname(folder.rstrip("/")) or "."
    total = 0
    try:
        names = os.listdir(parent)
    except OSError:
        return 0
    base = os.path.basename(folder.rstrip("/"))
    for name in names:  # the output folder and its staging sibling
        if name.startswith(base) or name.startswith("." + base):
            for _, _, files in os.walk(os.path.join(parent, name)):
                total += len(files)
    return total


def main():
    cmd = sys.argv[1:]
    output = cmd[cmd.index("--output") + 1] if "--output" in cmd else None
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    peak, peak_at, next_print = 0, 0.0, 0.0
    while proc.poll() is None:
        now = time.monotonic() - start
        rss = rss_kib(proc.pid)
        if rss > peak:
            peak, peak_at = rss, now
        if now >= next_print:
            print("%7.1f s  RSS %7.1f MiB  files %d" % (now, rss / 1024, count_files(output)), flush=True)
            next_print += 1.0
        time.sleep(0.05)
    print("exit %d after %.1f s; peak RSS %.1f MiB at %.1f s" % (proc.returncode, time.monotonic() - start, peak / 1024, peak_at))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Measures `dossier serve`'s live-reload latency: from saving a profile to the reload
event reaching a listening page.

Usage:
    python3 Benchmarks/serve_latency.py [--dossier PATH] [--root DIR] [--runs N]
                                        [--file REL] [--timeout SECONDS]

    --dossier  the dossier binary (default: .build/release/dossier beside this script)
    --root     the handbook folder (default: the repository, whose content/ is the sample)
    --runs     how many saves to time (default: 20)
    --file     the Markdown file to edit, relative to the root (default: the first profile
               under content/profiles/, by name)
    --timeout  how long to wait for the server to start and for each event (default: 600)

It starts `dossier serve --port 0` on the handbook, waits for the "Serving http://…" line,
opens the event stream (/.dossier/events) as a page would, then for each run appends a
line to the file and times until an `update` event naming the file's page arrives (the
edited page is published before the pages that list it; the next run waits for the whole
rebuild to end). The
file is restored afterwards (also on Ctrl-C). It prints each run, then the median and
90th percentile of the save-to-event time, and, from the server's own lines, the median
build time and server-side latency (change noticed → event sent).

A 1,000-profile handbook for the benchmark:
    python3 /work/shared/bench/gen_corpus.py /tmp/bench1000/content/profiles 1000 --seed 42
    swift build -c release
    python3 Benchmarks/serve_latency.py --root /tmp/bench1000

Standard library only.
"""
import argparse
import json
import os
import queue
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(HERE)


def parse_arguments():
    parser = argparse.ArgumentParser(description="Time dossier serve's save-to-reload-event latency.")
    parser.add_argument("--dossier", default=os.path.join(REPOSITORY, ".build", "release", "dossier"))
    parser.add_argument("--root", default=REPOSITORY)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--file")
    parser.add_argument("--timeout", type=float, default=600.0)
    return parser.parse_args()


def first_profile(root):
    folder = os.path.join(root, "content", "profiles")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".md") and not n.startswith("."))
    if not names:
        sys.exit(f"no profiles in {folder}; pass --file")
    return os.path.join("content", "profiles", names[0])


class ServerOutput:
    """Reads the server's standard output on a thread: the address, and its rebuild lines."""

    def __init__(self, process):
        self.lines = queue.Queue()
        self.rebuilds = []  # (build ms, server-side latency ms or None)
        thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        thread.start()

    def _read(self, stream):
        for raw in stream:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            build = re.search(r"in (\d+) ms", line)
            latency = re.search(r"(\d+) ms from change to reload", line)
            if " → " in line and build and "content/" in line:
                self.rebuilds.append((int(build.group(1)), int(latency.group(1)) if latency else None))
            self.lines.put(line)
        self.lines.put(None)

    def wait_for_address(self, timeout):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                sys.exit("the server did not say where it listens in time")
            line = self.lines.get(timeout=remaining)
            if line is None:
                sys.exit("the server exited before it was ready")
            print("  server:", line)
            found = re.search(r"Serving (http://[^ ]+)", line)
            if found:
                return found.group(1)

    def wait_for_rebuilds(self, count, timeout):
        """Waits until the server has reported `count` rebuilds: the page's update can come
        before the build ends (the edited page is published before the aggregate pages)."""
        deadline = time.monotonic() + timeout
        while len(self.rebuilds) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the server did not finish rebuild {count} within {timeout} s")
            time.sleep(0.01)


class EventStream:
    """The live-reload stream, read on a thread; each event is queued with its arrival time."""

    def __init__(self, host, port):
        self.events = queue.Queue()
        self.sock = socket.create_connection((host, port))
        self.sock.sendall(f"GET /.dossier/events HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        text = ""
        head_done = False
        try:
            while True:
                data = self.sock.recv(65536)
                if not data:
                    break
                buffer += data
                if not head_done:
                    if b"\r\n\r\n" not in buffer:
                        continue
                    _, buffer = buffer.split(b"\r\n\r\n", 1)
                    head_done = True
                # Undo chunked transfer encoding.
                while b"\r\n" in buffer:
                    size_line, rest = buffer.split(b"\r\n", 1)
                    size = int(size_line.split(b";")[0] or b"0", 16)
                    if len(rest) < size + 2:
                        break
                    text += rest[:size].decode("utf-8", "replace")
                    buffer = rest[size + 2:]
                # Split Server-Sent Events.
                while "\n\n" in text:
                    block, text = text.split("\n\n", 1)
                    name, data_lines = "message", []
                    for line in block.split("\n"):
                        if line.startswith("event: "):
                            name = line[7:]
                        elif line.startswith("data: "):
                            data_lines.append(line[6:])
                    if data_lines:
                        self.events.put((time.perf_counter(), name, json.loads("\n".join(data_lines))))
        except OSError:
            pass

    def next(self, name, timeout):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no {name} event within {timeout} s")
            arrived, event, data = self.events.get(timeout=remaining)
            if event == name:
                return arrived, data

    def drain(self):
        while not self.events.empty():
            self.events.get_nowait()


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main():
    args = parse_arguments()
    root = os.path.abspath(args.root)
    relative = args.file or first_profile(root)
    path = os.path.join(root, relative)
    with open(path, "rb") as f:
        original = f.read()
    if not os.access(args.dossier, os.X_OK):
        sys.exit(f"no dossier binary at {args.dossier}; build it with `swift build -c release` or pass --dossier")

    print(f"dossier serve on {root}, editing {relative}, {args.runs} runs")
    process = subprocess.Popen([args.dossier, "serve", "--root", root, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    latencies = []
    try:
        output = ServerOutput(process)
        address = output.wait_for_address(args.timeout)
        host, port = re.match(r"http://([^:/]+):(\d+)", address).groups()
        stream = EventStream(host, int(port))
        stream.next("hello", args.timeout)
        for run in range(1, args.runs + 1):
            # A fresh start for each save: the previous build finished, then a moment to settle.
            output.wait_for_rebuilds(run - 1, args.timeout)
            time.sleep(0.3)
            stream.drain()
            saved = time.perf_counter()
            with open(path, "ab") as f:
                f.write(f"\nA line the latency benchmark added, run {run}.\n".encode())
            arrived, data = stream.next("update", args.timeout)
            elapsed = (arrived - saved) * 1000
            latencies.append(elapsed)
            pages = ", ".join(data.get("paths", [])[:3])
            print(f"  run {run:3}: {elapsed:7.1f} ms  ({pages})")
    finally:
        with open(path, "wb") as f:
            f.write(original)
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()

    if latencies:
        print(f"save → reload event: median {statistics.median(latencies):.1f} ms, "
              f"p90 {percentile(latencies, 0.9):.1f} ms, min {min(latencies):.1f} ms, max {max(latencies):.1f} ms "
              f"over {len(latencies)} runs")
    # The server's own line per rebuild: its build time, and the time from the change being
    # noticed to the first update event (the edited page, sent before the build ends).
    timed = [(build, latency) for build, latency in output.rebuilds if latency is not None][: len(latencies)]
    if timed:
        print(f"server: build median {statistics.median(b for b, _ in timed)} ms; change noticed → first event sent "
              f"median {statistics.median(l for _, l in timed)} ms")


if __name__ == "__main__":
    main()

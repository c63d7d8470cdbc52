#!/usr/bin/env python3
"""Builds the sample handbook and takes the README's screenshots with headless Chromium:
the AWS Expert profile and the serverless pattern's deployment guide, at 1280×900 in the
light theme, written to docs/screenshots/. Standard library only, so it runs wherever
Chromium does (`python3 Tests/Browser/readme_screenshots.py` from the repository root).

A screenshot over the size budget (150 KB) is rewritten with a palette of its 256 most
used colours; one still over it makes the script fail."""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHOTS = [
    ("profiles/aws-expert/index.html", "profile.png"),
    ("guides/aws-expert-serverless-api-with-python/index.html", "guide.png"),
]
WIDTH, HEIGHT = 1280, 900
BUDGET = 150 * 1024  # bytes per PNG: the README should stay light


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("readme_screenshots: no Chromium found (apt-get install chromium)")


def build(output):
    subprocess.run(["swift", "run", "dossier", "build", "--output", output], cwd=ROOT, check=True)


def shoot(browser, url, path, profile):
    args = [browser, "--headless=new", "--disable-gpu", "--hide-scrollbars", "--force-color-profile=srgb",
            # Light theme whatever the machine prefers; no first-run noise in the image.
            "--blink-settings=preferredColorScheme=1", "--no-first-run", "--no-default-browser-check",
            f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={path}", url]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def read_png(path):
    """The pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes), as
    (width, height, channels, rows of bytes), or None for anything else."""
    with open(path, "rb") as f:
        data = f.read()
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunks.append((kind, data[at + 8:at + 8 + length]))
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", dict(chunks)[b"IHDR"])
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or interlace or channels is None:
        return None
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride, bpp = width * channels, channels
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = previous[i], previous[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + (0, a, b, (a + b) >> 1, paeth(a, b, c))[kind]) & 0xFF
        rows.append(line)
        previous = line
    return width, height, channels, rows


def reduce_colours(path):
    """Rewrites a screenshot as a palette PNG of its 256 most used colours, every other
    colour drawn as the nearest of them. Pages are flat colours and anti-aliased text, so
    the difference is invisible and the file about half the size."""
    image = read_png(path)
    if image is None:
        return
    width, height, channels, rows = image
    counts = {}
    for line in rows:
        for i in range(0, len(line), channels):
            colour = bytes(line[i:i + 3])
            counts[colour] = counts.get(colour, 0) + 1
    palette = sorted(counts, key=lambda c: -counts[c])[:256]
    index = {colour: n for n, colour in enumerate(palette)}
    for colour in counts:
        if colour not in index:
            index[colour] = min(range(len(palette)), key=lambda n: sum((x - y) ** 2 for x, y in zip(colour, palette[n])))
    out = bytearray()
    for line in rows:
        out.append(0)
        out += bytes(index[bytes(line[i:i + 3])] for i in range(0, len(line), channels))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
           + chunk(b"PLTE", b"".join(palette)) + chunk(b"IDAT", zlib.compress(bytes(out), 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)


def main():
    browser = chromium()
    target = os.path.join(ROOT, "docs", "screenshots")
    os.makedirs(target, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dossier-shots-") as work:
        site = os.path.join(work, "site")
        build(site)
        too_big = []
        for page, name in SHOTS:
            path = os.path.join(target, name)
            shoot(browser, "file://" + os.path.join(site, page), path, os.path.join(work, "chromium"))
            if os.path.getsize(path) > BUDGET:
                reduce_colours(path)
            size = os.path.getsize(path)
            print(f"{os.path.relpath(path, ROOT)}: {size // 1024} KB")
            if size > BUDGET:
                too_big.append(f"{name} is {size // 1024} KB (budget {BUDGET // 1024} KB)")
    if too_big:
        sys.exit("readme_screenshots: " + "; ".join(too_big))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compare Dossier's own layered layout with Graphviz's dot, side by side.

For each handbook folder given, exports its diagrams (`dossier export`), draws every one
with dot and, where it qualifies, with the own layout (the CompareLayouts executable of this
package), prints how many took the own path and how long each path took per diagram, and
writes an HTML page per handbook with the two drawings side by side, screenshotted with
headless Chromium. Look at the screenshots.

    swift build --package-path Benchmarks --product CompareLayouts
    python3 Benchmarks/compare_layouts.py --out /tmp/layout-compare \\
        ../shared/seed/aws-expert.md ../shared/corpus/adlc .

Each input is a handbook folder (holding content/), a folder holding profiles/ and
patterns/ (such as ../shared/corpus/adlc), or a single profile file.

`--branches` adds a generated handbook of branch shapes (fan-out, join, LR and TB, rounded
nodes, lines without arrowheads, thick lines, two separate parts). `--sample N` limits the
pages to N diagrams per handbook (spread evenly over those that qualify), `--per-page`
splits them into screenshots; the counts and timings always cover all of them.
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

BRANCHES = """# Branch shapes

Diagrams written for comparing layouts.

```mermaid
flowchart LR
  gw[API Gateway] --> fn[Lambda]
  gw --> sf[Step Functions]
  gw --> q[SQS Queue]
```

```mermaid
flowchart TB
  gw[API Gateway] --> fn[Lambda]
  gw --> sf[Step Functions]
  gw --> q[SQS Queue]
```

```mermaid
flowchart LR
  a[Orders service] --> w[Warehouse loader]
  b[Billing service] --> w
  c[CRM export] --> w
  w --> d[Warehouse]
```

```mermaid
flowchart TB
  a[Orders service] --> w[Warehouse loader]
  b[Billing service] --> w
  w --> d[Dashboards]
```

```
Frontend → CloudFront → API Gateway → Lambda → DynamoDB
                                        ↓
                                  CloudWatch Logs
```

```mermaid
flowchart TB
  s(Start) --> v(Validate input)
  v --- l(Log)
  v ==> p(Process)
  p --> r(Report)
  p --> a(Archive)
  x(Unrelated job) --> y(Its output)
```

```mermaid
flowchart TB
  r[Root] --> a[Left]
  r --> b[Right]
  a --> a1[Left one]
  a --> a2[Left two]
  b --> b1[Right one]
```
"""


def handbook(path, work):
    """A folder holding content/ for `path`: the path itself, or a copy under `work`."""
    path = os.path.abspath(path)
    if os.path.isdir(os.path.join(path, "content")):
        return path
    name = os.path.splitext(os.path.basename(os.path.normpath(path)))[0]
    root = os.path.join(work, "handbooks", name)
    content = os.path.join(root, "content")
    shutil.rmtree(root, ignore_errors=True)
    if os.path.isfile(path):
        os.makedirs(os.path.join(content, "profiles"))
        shutil.copy(path, os.path.join(content, "profiles"))
    else:
        shutil.copytree(path, content, ignore=shutil.ignore_patterns(".*"))
    return root


def export_diagrams(dossier, root, work):
    """Every diagram of the handbook at `root`, once each, from `dossier export`."""
    name = os.path.basename(os.path.normpath(root))
    out = os.path.join(work, name + ".export.json")
    subprocess.run([dossier, "export", "--root", root, "--output", out], check=True,
                   stderr=subprocess.DEVNULL)
    with open(out) as f:
        document = json.load(f)
    found, seen = [], set()

    def walk(value):
        if isinstance(value, dict):
            if {"kind", "direction", "nodes", "edges", "clusters", "mermaid", "source"} <= value.keys():
                key = json.dumps([value[k] for k in ("kind", "direction", "nodes", "edges", "clusters", "source")],
                                 sort_keys=True)
                if key not in seen:
                    seen.add(key)
                    found.append(value)
                return
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    return name, found


def size(svg):
    match = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def page(name, diagrams, chosen, folder):
    """An HTML page with dot's drawing and the own drawing of each chosen diagram."""
    rows, width, height = [], 0, 40
    for index in chosen:
        with open(os.path.join(folder, f"{index}.dot.svg")) as f:
            dot = f.read()
        with open(os.path.join(folder, f"{index}.own.svg")) as f:
            own = f.read()
        (dw, dh), (ow, oh) = size(dot), size(own)
        width = max(width, dw + ow + 80)
        height += max(dh, oh) + 48
        source = diagrams[index]["source"]
        rows.append(
            f'<section><h2>#{index} · {html.escape(source["path"])}:{source["line"]} · '
            f'{diagrams[index]["direction"]}, {len(diagrams[index]["nodes"])} nodes</h2>'
            f'<div class="pair"><figure><figcaption>dot</figcaption>{dot}</figure>'
            f'<figure><figcaption>own</figcaption>{own}</figure></div></section>')
    body = "\n".join(rows)
    document = f"""<!doctype html><meta charset="utf-8"><title>{html.escape(name)}: dot vs own layout</title>
<style>
body {{ font: 12px system-ui, sans-serif; margin: 12px; background: #fff; color: #111; }}
h2 {{ font-size: 12px; margin: 6px 0 2px; color: #555; font-weight: normal; }}
.pair {{ display: flex; gap: 24px; align-items: flex-start; }}
figure {{ margin: 0; border: 1px solid #ddd; padding: 4px; }}
figcaption {{ font-size: 11px; color: #888; }}
</style>
{body}
"""
    return document, min(max(width, 600), 2400), min(height, 16000)


def screenshot(html_path, png_path, width, height):
    subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--hide-scrollbars",
                    f"--screenshot={png_path}", f"--window-size={width},{height}",
                    "file://" + html_path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("roots", nargs="*", help="handbooks, corpus folders or profile files")
    parser.add_argument("--out", required=True, help="folder for SVGs, pages and screenshots")
    parser.add_argument("--dossier", default=os.path.join(ROOT, ".build", "release", "dossier"))
    parser.add_argument("--tool", default=os.path.join(HERE, ".build", "debug", "CompareLayouts"))
    parser.add_argument("--branches", action="store_true", help="add the generated branch shapes")
    parser.add_argument("--sample", type=int, default=0, help="diagrams per page (0: all that qualify)")
    parser.add_argument("--per-page", type=int, default=8, help="diagrams per screenshot")
    parser.add_argument("--pick", default="", help="name:index,index;... diagrams to put on the pages first")
    args = parser.parse_args()

    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    roots = list(args.roots)
    if args.branches:
        branches = os.path.join(out, "branches")
        os.makedirs(os.path.join(branches, "content", "profiles"), exist_ok=True)
        with open(os.path.join(branches, "content", "profiles", "branches.md"), "w") as f:
            f.write(BRANCHES)
        roots.append(branches)
    picks = {}
    for item in filter(None, args.pick.split(";")):
        name, indices = item.split(":")
        picks[name] = [int(i) for i in indices.split(",")]

    for root in roots:
        name, diagrams = export_diagrams(args.dossier, handbook(root, out), out)
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        listing = os.path.join(folder, "diagrams.json")
        with open(listing, "w") as f:
            json.dump(diagrams, f)
        report = json.loads(subprocess.run([args.tool, listing, folder], check=True,
                                           capture_output=True, text=True).stdout)
        own = report["own"]
        share = len(own) / max(report["diagrams"], 1)
        print(f"{name}: {len(own)} of {report['diagrams']} diagrams laid out without Graphviz ({share:.1%}); "
              f"per diagram: own {report['ownMicrosecondsPerDiagram']:.0f} µs, "
              f"dot {report['dotMicrosecondsPerDiagram']:.0f} µs (layout + SVG)")
        chosen = [i for i in picks.get(name, []) if i in own]
        rest = [i for i in own if i not in chosen]
        if args.sample and len(rest) > args.sample:
            step = len(rest) / args.sample
            rest = [rest[int(k * step)] for k in range(args.sample)]
        chosen += rest
        if not chosen:
            continue
        for number, start in enumerate(range(0, len(chosen), args.per_page), start=1):
            document, width, height = page(name, diagrams, chosen[start:start + args.per_page], folder)
            html_path = os.path.join(out, f"{name}-{number}.html")
            with open(html_path, "w") as f:
                f.write(document)
            png = os.path.join(out, f"{name}-{number}.png")
            screenshot(html_path, png, width, height)
            print(f"  {png}")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Who holds the peak heap of a `dossier build`, from heaptrack's peak flame-graph stacks.

Usage:
    heaptrack_print -f heap.zst -p 0 -a 0 -T 0 -F heap.stacks --flamegraph-cost-type peak
    swift demangle --simplified < heap.stacks > heap.txt
    python3 heap_holders.py heap.txt [--other]

Each stack is put in the first group whose function appears in it (where the memory was
allocated, which for long-lived values is the stage that made them). Standard library only.
"""
import collections
import sys

GROUPS = [
    ("export and CSV tables (data/), as written", "DataExport.write"),
    ("search index (JSON)", "SearchIndex"),
    ("guides: pattern and owner read back, HTML and Markdown", "GuidePage"),
    ("other aggregate work: listing pages, guide jobs", "AggregatePages.write"),
    ("site model (assemble)", "SiteModel"),
    ("slim model (SpooledDocument.slim) and spooling", "SpooledDocument"),
    ("Markdown parse (strings the model still shares)", "MarkdownParser.parse"),
    ("extraction: profiles, patterns, records", "Extractor.extract"),
    ("page rendering (Graphviz layout cache, ...)", "DocumentBuild.run"),
    ("loading: file texts, routes", "HandbookLoader.load"),
    ("templates", "TemplateSet"),
]


def main():
    total = 0
    groups = collections.Counter()
    other = collections.Counter()
    for line in open(sys.argv[1], errors="replace"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        try:
            count = int(count)
        except ValueError:
            continue
        total += count
        for name, key in GROUPS:
            if key in stack:
                groups[name] += count
                break
        else:
            groups["other"] += count
            other[";".join(f[:60] for f in stack.split(";")[-4:])] += count
    print("peak heap %.1f MiB" % (total / 2**20))
    for name, count in groups.most_common():
        print("%8.1f MiB %5.1f%%  %s" % (count / 2**20, 100 * count / max(total, 1), name))
    if "--other" in sys.argv:
        for chain, count in other.most_common(12):
            print("%8.1f MiB  %s" % (count / 2**20, chain[:200]))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the pathological handbooks that stress.sh builds, one folder per case.

Usage:
    python3 gen_stress.py OUTDIR [--seed-file PATH] [--case NAME ...]

Cases (each OUTDIR/<case>/ is a handbook: content/ and a dossier.yml):

  seed           the seed profile alone: the baseline the others are compared with.
  big-profile    one ~5 MB profile in the seed's shape: every section of the seed, its
                 lists scaled up (thousands of capabilities, services, practices,
                 troubleshooting entries) and 200 architecture patterns, each with its
                 own arrow diagram (so 200 Graphviz layouts and 200 guides).
  long-list      the seed profile with 50,000 capabilities in its Primary Expertise list
                 (one list of 50,000 items: extraction, bars, search, export, CSV).
  long-list-page a plain page that is one bullet list of 50,000 items (parse + render).
  mermaid-2000   a plain page with a Mermaid flowchart of 2,000 nodes and ~2,600 edges.
  arrow-300      a plain page with an arrow diagram of 300 nodes (299 in a chain and a
                 monitoring node under the middle one).

Deterministic; standard library only.
"""
import argparse
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEED = os.path.join(HERE, "..", "content", "profiles", "aws-expert.md")

WORDS = ("scalable resilient secure observable event-driven serverless containerized "
         "incremental declarative idempotent pipelines deployments schemas APIs workflows "
         "clusters dashboards migrations integrations caches queues indexes permissions "
         "backups runbooks function container database storage network identity stream "
         "batch search frontend backend edge release secret policy tenant metric trace").split()
VERBS = "Design Implement Optimize Troubleshoot Automate Review Document Migrate Harden Monitor".split()
SERVICES = ("Lambda Fargate Cognito DynamoDB Aurora Kinesis Athena Glue Redshift S3 SNS SQS "
            "EventBridge CloudFront Route53 WAF IAM KMS CloudWatch X-Ray").split()
ARCH = ["Frontend", "CloudFront", "API Gateway", "Lambda", "RDS", "ALB", "Fargate (ECS)", "Queue",
        "Worker", "Cache", "Search Index", "Object Store", "Auth Service", "Event Bus", "Scheduler",
        "Warehouse", "CDN", "Edge Function", "GraphQL Server", "Read Replica", "Stream"]
MONITOR = ["CloudWatch Logs", "Container Insights", "Tracing Backend", "Dead Letter Queue", "Audit Log"]


def sentence(r, n=None):
    n = n or r.randint(6, 14)
    s = " ".join([r.choice(VERBS).lower()] + [r.choice(WORDS) for _ in range(n - 1)])
    return s[0].upper() + s[1:]


def arrow(nodes, k, below):
    """The generator's arrow diagram: a chain, a ↓ under node k, `below` under the arrow."""
    top = " → ".join(nodes)
    col = len(" → ".join(nodes[:k])) + 3 + len(nodes[k]) // 2
    return ["```", top, " " * col + "↓", " " * max(0, col - len(below) // 2) + below, "```"]


def big_profile(r, scale):
    """The seed's sections, each list `scale` times longer; 200 patterns."""
    out = ["# Big Expert", "", "## Role & Expertise",
           "Expert cloud architect. " + " ".join(sentence(r) + "." for _ in range(5)), "",
           "## Core Responsibilities"]
    out += ["- %s %s" % (sentence(r, 5), sentence(r, 4).lower()) for _ in range(6 * scale)]
    out += ["", "## Capability Confidence Levels", ""]
    for title, lo, hi, note in (("Primary Expertise (≥0.85)", 0.85, 0.98, "last updated: feature-x"),
                                ("Secondary Expertise (0.60-0.84)", 0.60, 0.84, "needs integration testing"),
                                ("Developing Areas (<0.60)", 0.30, 0.59, "limited practical experience")):
        out += ["### " + title, "*Tasks by tier*"]
        out += ["- %s %d: %.2f (%s)" % (sentence(r, 5), i, r.uniform(lo, hi), note) for i in range(8 * scale)]
        out.append("")
    out += ["## Performance Metrics", "- **Total project invocations**: 12 (feature-x)",
            "- **Success rate**: 92% (11 success / 12 attempt)", "",
            "## Knowledge Base", "", "### Best Practices"]
    for i in range(3 * scale):
        out.append("- **%s %d** (learned from: feature-%d)" % (sentence(r, 4), i, i))
        out += ["  - " + sentence(r) + " `npx deploy --stage prod`" for _ in range(4)]
    out += ["", "### Troubleshooting Guide", "*Solutions to recurring issues*"]
    out += ["- **%s %d** → Solution: %s (success rate: 100%%)" % (sentence(r, 5), i, sentence(r))
            for i in range(6 * scale)]
    out += ["", "### Integration Strategies"]
    out += ["- **With peer-%d**: %s (success rate from 1 project: 100%%)" % (i, sentence(r)) for i in range(scale)]
    out += ["", "## Learning & Improvement", "", "### Knowledge Gaps Identified"]
    for i in range(2 * scale):
        out.append("- **%s %d** (identified in: feature-%d, priority: high)" % (sentence(r, 5), i, i))
        out += ["  - " + sentence(r) for _ in range(2)]
    out += ["", "## AWS Service Expertise Matrix", ""]
    for c in range(max(1, scale // 4)):
        out.append("### Category %d" % c)
        out += ["- **%s %d-%d**: %.2f - %s" % (r.choice(SERVICES), c, i, r.uniform(0.45, 0.95), sentence(r, 6).lower())
                for i in range(20)]
        out.append("")
    out += ["## Proven Architecture Patterns", ""]
    for p in range(200):
        nodes = ["%s %d" % (name, p) for name in r.sample(ARCH, r.randint(3, 6))]
        out += ["### Pattern %d: %s" % (p + 1, sentence(r, 4)),
                "**Confidence**: %.2f | **Cost**: $10-20/month | **Proven in**: feature-%d" % (r.uniform(0.5, 0.95), p), ""]
        out += arrow(nodes, r.randrange(1, len(nodes)), r.choice(MONITOR))
        out += ["", "**When to use**:"] + ["- " + sentence(r, 5) for _ in range(4)]
        out += ["", "**Implementation**:"] + ["- " + sentence(r, 6) for _ in range(4)] + [""]
    return "\n".join(out) + "\n"


def long_list(seed, n):
    """The seed with `n` capabilities in its first tier."""
    lines = seed.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("### Primary Expertise")) + 2
    r = random.Random(7)
    items = ["- Capability %d %s: %.2f (last updated: feature-x)" % (i, sentence(r, 4).lower(), r.uniform(0.85, 0.98))
             for i in range(n)]
    return "\n".join(lines[:at] + items + lines[at:])


def long_list_page(n):
    r = random.Random(8)
    return "# A Long List\n\nEvery item of the inventory.\n\n" + "\n".join(
        "- Item %d: %s" % (i, sentence(r, 6)) for i in range(n)) + "\n"


def mermaid_page(n):
    """A flowchart of `n` nodes: a tree (each node under an earlier one) plus cross links."""
    r = random.Random(9)
    out = ["# Service Map", "", "The whole estate, every service and what it calls.", "", "```mermaid", "flowchart TD"]
    for i in range(n):
        out.append('    n%d["%s %d"]' % (i, r.choice(ARCH), i))
    for i in range(1, n):
        out.append("    n%d --> n%d" % (r.randrange(max(0, i - 40), i), i))
    for _ in range(n // 3):
        a = r.randrange(n)
        b = r.randrange(n)
        if a != b:
            out.append("    n%d -.-> n%d" % (min(a, b), max(a, b)))
    out += ["```", ""]
    return "\n".join(out)


def arrow_page(n):
    nodes = ["%s %d" % (ARCH[i % len(ARCH)], i) for i in range(n - 1)]
    return "\n".join(["# Pipeline", "", "The whole pipeline, one stage after another.", ""]
                     + arrow(nodes, len(nodes) // 2, "CloudWatch Logs") + [""])


def write(folder, files):
    for path, text in files.items():
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed-file", default=DEFAULT_SEED)
    ap.add_argument("--case", action="append", help="only these cases (repeatable)")
    a = ap.parse_args()
    with open(a.seed_file, encoding="utf-8") as f:
        seed = f.read()

    def big():
        # Scale so that the profile is about 5 MB: size = fixed + scale × per-step.
        s10, s20 = (len(big_profile(random.Random(1), s).encode()) for s in (10, 20))
        per_step = (s20 - s10) / 10
        scale = max(10, int(10 + (5_000_000 - s10) / per_step))
        return big_profile(random.Random(1), scale)

    cases = {
        "seed": lambda: {"content/profiles/aws-expert.md": seed},
        "big-profile": lambda: {"content/profiles/big-expert.md": big()},
        "long-list": lambda: {"content/profiles/list-expert.md": long_list(seed, 50_000)},
        "long-list-page": lambda: {"content/inventory.md": long_list_page(50_000)},
        "mermaid-2000": lambda: {"content/service-map.md": mermaid_page(2_000)},
        "arrow-300": lambda: {"content/pipeline.md": arrow_page(300)},
    }
    for name in a.case or cases:
        files = cases[name]()
        files["dossier.yml"] = "title: Stress %s\n" % name
        folder = os.path.join(a.outdir, name)
        write(folder, files)
        size = sum(len(t.encode()) for p, t in files.items() if p.startswith("content/"))
        print("%-15s %9d bytes  %s" % (name, size, folder))


if __name__ == "__main__":
    main()

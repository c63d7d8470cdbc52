"""Builds the handbooks the browser and accessibility checks look at.

Two sites: the repository's sample handbook (`sample`) and, when it is present, the
real-world corpus (`corpus`: its profiles/ and patterns/ copied into a temporary
handbook's content/). Each is built with the `dossier` binary into a temporary folder.
"""

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass


@dataclass
class Site:
    """A built handbook: its name (used in reports and screenshot names) and output folder."""
    name: str
    folder: str


def default_corpus(repository):
    """`../shared/corpus/adlc` beside the repository, where the corpus lives."""
    return os.path.normpath(os.path.join(repository, "..", "shared", "corpus", "adlc"))


def build_sites(dossier, repository, corpus, workspace, only=None):
    """Builds the sample handbook and, when `corpus` exists, the corpus, under `workspace`;
    only the one named `only` ("sample" or "corpus") when given.

    Returns the built sites. Raises RuntimeError with dossier's output when a build fails.
    """
    sites = []
    if only in (None, "sample"):
        sites.append(_build(dossier, repository, os.path.join(workspace, "sample"), "sample"))
    if only == "corpus" and not (corpus and os.path.isdir(corpus)):
        raise RuntimeError(f"the corpus folder {corpus} does not exist")
    if only in (None, "corpus") and corpus and os.path.isdir(corpus):
        root = os.path.join(workspace, "corpus-handbook")
        for folder in ("profiles", "patterns"):
            source = os.path.join(corpus, folder)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(root, "content", folder))
        sites.append(_build(dossier, root, os.path.join(workspace, "corpus"), "corpus"))
    return sites


def _build(dossier, root, output, name):
    result = subprocess.run(
        [dossier, "build", "--root", root, "--output", output],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    if result.returncode != 0 or not os.path.isfile(os.path.join(output, "index.html")):
        raise RuntimeError(f"dossier build of the {name} handbook failed ({result.returncode}):\n{result.stdout}")
    summary = result.stdout.strip().splitlines()[-1:] or ["(no output)"]
    print(f"built {name}: {summary[0]}")
    return Site(name, output)


def html_pages(site):
    """Every .html file of a site, as paths relative to its folder, sorted."""
    pages = []
    for folder, _, files in os.walk(site.folder):
        for file in files:
            if file.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(folder, file), site.folder))
    return sorted(pages)


def workspace():
    """A fresh temporary folder for the builds; the caller removes it."""
    return tempfile.mkdtemp(prefix="dossier-browser-")

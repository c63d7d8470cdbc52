#!/usr/bin/env python3
"""Static accessibility checks over every HTML page of built Dossier sites.

Standard library only, no network. Either builds the sample handbook (and the corpus,
when present) with the dossier binary, or checks site folders given on the command line:

    a11y_check.py --dossier .build/debug/dossier --repository . [--corpus DIR]
    a11y_check.py SITE_FOLDER...

Checks, per page: html[lang]; the landmarks header/banner, nav, main and footer; exactly
one h1 and it is the first heading; heading levels never skip going deeper (a failure in
the page chrome and generated parts, a warning inside author Markdown, `.markdown`); img
alt; every svg either aria-hidden="true" or with a <title> child, role="img" and an
aria-labelledby naming existing ids; an accessible name for every input, select,
textarea and button; ids unique; id references (label[for], aria-labelledby,
aria-describedby, aria-controls) pointing at existing ids; links with text.
Failures are printed as `site/path:line: message` and make the exit status 1.
"""

import argparse
import os
import shutil
import sys
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sites as sitelib  # noqa: E402

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# End tags the HTML parser infers when a sibling opens (enough for what Dossier emits).
IMPLIED_END = {"p": {"p", "div", "ul", "ol", "table", "section", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "figure", "dl"},
               "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th", "tr"},
               "th": {"td", "th", "tr"}, "option": {"option"}}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
IDREF_ATTRIBUTES = ("aria-labelledby", "aria-describedby", "aria-controls")


class Element:
    """One element of the parsed page, with its source line."""

    def __init__(self, tag, attrs, line, parent):
        self.tag, self.attrs, self.line, self.parent = tag, dict(attrs), line, parent
        self.children = []  # Elements and text strings, in order

    def get(self, name, default=None):
        value = self.attrs.get(name, default)
        return default if value is None and default is not None else value

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def walk(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.walk()

    def hidden(self):
        """Hidden from assistive technology: aria-hidden="true" or `hidden` on it or an ancestor."""
        return any(n.attrs.get("aria-hidden") == "true" or "hidden" in n.attrs for n in [self, *self.ancestors()])

    def text(self, skip_hidden=True):
        """Text content, leaving out aria-hidden subtrees; img alt and svg titles count."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif skip_hidden and child.attrs.get("aria-hidden") == "true":
                continue
            elif child.tag == "img":
                parts.append(child.attrs.get("alt") or "")
            else:
                parts.append(child.text(skip_hidden))
        return " ".join(" ".join(parts).split())


class PageParser(HTMLParser):
    """Builds an Element tree from HTML, closing elements the way browsers do for Dossier's output."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [], 1, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        implied = IMPLIED_END.get(self.current.tag)
        if implied and tag in implied:
            self.current = self.current.parent
        element = Element(tag, attrs, self.getpos()[0], self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.getpos()[0], self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


class Report:
    """Failures and warnings, each `where:line: message`; the same message on one page is
    reported once with its count and lines (a task list gives one line, not twenty)."""

    def __init__(self):
        self._failures, self._warnings = {}, {}

    def fail(self, where, line, message):
        self._failures.setdefault((where, message), []).append(line)

    def warn(self, where, line, message):
        self._warnings.setdefault((where, message), []).append(line)

    @staticmethod
    def _lines(found, prefix):
        out = []
        for (where, message), lines in found.items():
            more = f" (×{len(lines)}, lines {', '.join(map(str, lines[:12]))}{'…' if len(lines) > 12 else ''})" if len(lines) > 1 else ""
            out.append(f"{where}:{lines[0]}: {prefix}{message}{more}")
        return out

    @property
    def failures(self):
        return self._lines(self._failures, "")

    @property
    def warnings(self):
        return self._lines(self._warnings, "warning: ")

    def counts(self):
        return sum(map(len, self._failures.values())), sum(map(len, self._warnings.values()))


def check_page(path, where, report):
    with open(path, encoding="utf-8") as file:
        parser = PageParser()
        parser.feed(file.read())
        parser.close()
    elements = list(parser.root.walk())
    ids = {}
    for element in elements:
        if "id" in element.attrs:
            ids.setdefault(element.attrs["id"], []).append(element)

    html = next((e for e in elements if e.tag == "html"), None)
    if html is None or not (html.get("lang") or "").strip():
        report.fail(where, html.line if html else 1, "html has no lang attribute")

    check_landmarks(elements, where, report)
    check_headings(elements, where, report)
    for identifier, holders in ids.items():
        if len(holders) > 1:
            lines = ", ".join(str(h.line) for h in holders)
            report.fail(where, holders[1].line, f"id “{identifier}” is used {len(holders)} times (lines {lines})")
    for element in elements:
        check_references(element, ids, where, report)
        if element.tag == "img" and "alt" not in element.attrs:
            report.fail(where, element.line, f"img without alt (src={element.get('src')!r})")
        if element.tag == "svg" and not any(a.tag == "svg" for a in element.ancestors()):
            check_svg(element, ids, where, report)
        if element.tag in ("input", "select", "textarea", "button"):
            check_control(element, elements, ids, where, report)
        if element.tag == "a" and "href" in element.attrs and not element.hidden():
            check_link(element, ids, where, report)


def check_landmarks(elements, where, report):
    def has(tags, role):
        return any(e.tag in tags or e.get("role") == role for e in elements)
    # A <header>/<footer> is a banner/contentinfo only outside article, aside, main, nav and section.
    sectioning = {"article", "aside", "main", "nav", "section"}
    top_header = any((e.tag == "header" and not any(a.tag in sectioning for a in e.ancestors())) or e.get("role") == "banner" for e in elements)
    top_footer = any((e.tag == "footer" and not any(a.tag in sectioning for a in e.ancestors())) or e.get("role") == "contentinfo" for e in elements)
    if not top_header:
        report.fail(where, 1, "no banner landmark (a <header> outside sectioning elements, or role=banner)")
    if not has({"nav"}, "navigation"):
        report.fail(where, 1, "no navigation landmark (<nav>)")
    mains = [e for e in elements if e.tag == "main" or e.get("role") == "main"]
    if len(mains) != 1:
        report.fail(where, mains[1].line if len(mains) > 1 else 1, f"{len(mains)} main landmarks, expected exactly one")
    if not top_footer:
        report.fail(where, 1, "no contentinfo landmark (a <footer> outside sectioning elements, or role=contentinfo)")


def check_headings(elements, where, report):
    headings = [e for e in elements if e.tag in HEADINGS and not any(a.tag == "svg" for a in e.ancestors())]
    h1s = [h for h in headings if h.tag == "h1"]
    if len(h1s) != 1:
        lines = ", ".join(str(h.line) for h in h1s) or "none"
        report.fail(where, h1s[1].line if len(h1s) > 1 else 1, f"{len(h1s)} h1 elements (lines {lines}), expected exactly one")
    if headings and headings[0].tag != "h1":
        report.fail(where, headings[0].line, f"the first heading is {headings[0].tag} “{headings[0].text()[:60]}”, not the h1")
    previous = None
    for heading in headings:
        level = HEADINGS[heading.tag]
        if not heading.text():
            report.fail(where, heading.line, f"empty {heading.tag}")
        if previous is not None and level > HEADINGS[previous.tag] + 1:
            message = (f"heading level skips from {previous.tag} (line {previous.line}) to {heading.tag} "
                       f"“{heading.text()[:60]}”")
            in_markdown = any("markdown" in a.classes() for a in heading.ancestors())
            (report.warn if in_markdown else report.fail)(where, heading.line, message + (" in author Markdown" if in_markdown else ""))
        previous = heading


def check_references(element, ids, where, report):
    for attribute in IDREF_ATTRIBUTES:
        for identifier in (element.get(attribute) or "").split():
            if identifier not in ids:
                report.fail(where, element.line, f"<{element.tag} {attribute}> names “{identifier}”, which is not an id on the page")
    if element.tag == "label" and element.get("for") and element.get("for") not in ids:
        report.fail(where, element.line, f"<label for> names “{element.get('for')}”, which is not an id on the page")


def check_svg(svg, ids, where, report):
    if svg.get("aria-hidden") == "true":
        return
    titles = [c for c in svg.children if isinstance(c, Element) and c.tag == "title" and c.text(False)]
    if not titles:
        report.fail(where, svg.line, "svg is neither aria-hidden=\"true\" nor titled (no <title> child)")
        return
    if svg.get("role") != "img":
        report.fail(where, svg.line, f"titled svg has role={svg.get('role')!r}, expected role=\"img\"")
    labelled = (svg.get("aria-labelledby") or "").split()
    if not labelled:
        report.fail(where, svg.line, "titled svg has no aria-labelledby")
    elif titles[0].get("id") not in labelled:
        report.fail(where, svg.line, "svg aria-labelledby does not name its <title>")


def accessible_name(element, elements, ids):
    """The control's name from aria-labelledby, aria-label, a label, its text or value, or title."""
    for identifier in (element.get("aria-labelledby") or "").split():
        if identifier in ids and ids[identifier][0].text(False):
            return ids[identifier][0].text(False)
    if (element.get("aria-label") or "").strip():
        return element.get("aria-label").strip()
    if element.get("id"):
        for label in (e for e in elements if e.tag == "label" and e.get("for") == element.get("id")):
            if label.text():
                return label.text()
    wrapping = next((a for a in element.ancestors() if a.tag == "label"), None)
    if wrapping is not None and wrapping.text():
        return wrapping.text()
    if element.tag == "button" and element.text():
        return element.text()
    if element.tag == "input" and element.get("type") in ("submit", "button", "reset") and (element.get("value") or "").strip():
        return element.get("value")
    if element.tag == "input" and element.get("type") == "image" and (element.get("alt") or "").strip():
        return element.get("alt")
    return (element.get("title") or "").strip()


def check_control(element, elements, ids, where, report):
    if element.tag == "input" and element.get("type") == "hidden":
        return
    if not accessible_name(element, elements, ids):
        description = element.tag + "".join(f" {k}={v!r}" for k, v in element.attrs.items() if k in ("type", "name", "id", "class"))
        report.fail(where, element.line, f"<{description}> has no accessible name")


def check_link(link, ids, where, report):
    if link.text() or (link.get("aria-label") or "").strip() or (link.get("title") or "").strip() or link.get("xlink:title"):
        return
    if any(i in ids and ids[i][0].text(False) for i in (link.get("aria-labelledby") or "").split()):
        return
    if any(e.tag == "svg" and any(isinstance(c, Element) and c.tag == "title" for c in e.children) for e in link.walk()):
        return
    report.fail(where, link.line, f"link to {link.get('href')!r} has no text")


def check_site(site, report):
    pages = sitelib.html_pages(site)
    for page in pages:
        check_page(os.path.join(site.folder, page), f"{site.name}/{page}", report)
    return len(pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", help="built site folders to check (instead of building)")
    parser.add_argument("--dossier", help="the dossier binary, to build the sample handbook (and the corpus)")
    parser.add_argument("--repository", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")),
                        help="the repository root: the sample handbook (default: this script's repository)")
    parser.add_argument("--corpus", help="the corpus folder with profiles/ and patterns/ (default: ../shared/corpus/adlc)")
    parser.add_argument("--only", choices=["sample", "corpus"], help="build and check only this handbook")
    parser.add_argument("--warnings", type=int, default=40, help="how many warnings to print per run (default 40)")
    arguments = parser.parse_args()

    workspace = None
    try:
        if arguments.folders:
            targets = [sitelib.Site(os.path.basename(os.path.normpath(f)), f) for f in arguments.folders]
        elif arguments.dossier:
            workspace = sitelib.workspace()
            corpus = arguments.corpus or sitelib.default_corpus(arguments.repository)
            targets = sitelib.build_sites(arguments.dossier, arguments.repository, corpus, workspace, arguments.only)
        else:
            parser.error("give site folders or --dossier")
        report = Report()
        for site in targets:
            before_f, before_w = report.counts()
            count = check_site(site, report)
            after_f, after_w = report.counts()
            print(f"a11y {site.name}: {count} pages, {after_f - before_f} failures, {after_w - before_w} warnings")
        for line in report.warnings[:arguments.warnings]:
            print(line)
        if len(report.warnings) > arguments.warnings:
            print(f"… and {len(report.warnings) - arguments.warnings} more warnings")
        for line in report.failures:
            print(line)
        if report.failures:
            print(f"FAILED: {report.counts()[0]} accessibility failures")
            return 1
        print("a11y: all checks passed")
        return 0
    finally:
        if workspace:
            shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

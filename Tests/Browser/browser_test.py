#!/usr/bin/env python3
"""Drives built Dossier sites in headless Chromium and checks what readers see.

    browser_test.py --dossier PATH/TO/dossier --screenshots OUT [--repository DIR] [--corpus DIR]

Builds the sample handbook (the repository) and, when present, the corpus; serves each
with http.server on a loopback port and also opens it from file://. For each page kind
(home, profiles, profile, matrix, patterns, pattern, guide, graph, page, 404), over http
and file:// (404.html only over http: it links its assets from the site root), it checks:
no console errors or warnings, nothing loaded from another host, folder links rewritten
to index.html on disk, and search as you type (results, Escape, a click elsewhere, arrow
keys, Enter). Every page of the site is also opened on a 390 px phone: no console
messages, no sideways scrolling. Once per site: the dark theme (system preference,
toggle, remembered across a reload), the matrix sort buttons, the pattern library
filters, and pages with JavaScript off. Screenshots of every kind at 1280 and 390 px
(and some in the dark theme, and the profile without JavaScript) go to OUT as
`<site>-<kind>-<width>.png`, at most 8000 px tall.

Exits 1 with a report of every failed check; 2 when Chromium or Selenium cannot start.
"""

import argparse
import functools
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sites as sitelib  # noqa: E402

try:
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError as error:  # the Swift wrapper skips before this; say why when run by hand
    print(f"selenium is not installed ({error}): pip install selenium", file=sys.stderr)
    sys.exit(2)
from browser_support import (  # noqa: E402
    DARK_SHOTS, FIND_OVERFLOW, KINDS, SCREENSHOT_CAP, SEARCH_QUERY, WIDTHS, Results, Server, contrast, drain_logs,
    emulate_scheme, file_url, foreign, load, luminance, make_driver, page_kinds, set_viewport)


class SiteRun:
    """The checks for one built site."""

    def __init__(self, site, driver, results, screenshots):
        self.site, self.driver, self.results, self.screenshots = site, driver, results, screenshots
        self.kinds = page_kinds(site)
        self.server = Server(site.folder)

    def url(self, kind, protocol):
        path = self.kinds[kind]
        return self.server.base + path if protocol == "http" else file_url(self.site, path)

    def label(self, *parts):
        return " ".join([self.site.name, *parts])

    def run(self, no_js_driver):
        print(f"== {self.site.name}: {', '.join(k + '=/' + v for k, v in self.kinds.items())}", flush=True)
        missing = [k for k in KINDS if k not in self.kinds]
        if missing:
            print(f"   (no page of kind {', '.join(missing)} in this site)")
        steps = [self.check_pages, self.check_every_page_on_a_phone, self.check_theme, self.check_matrix, self.check_library,
                 functools.partial(self.check_without_javascript, no_js_driver), self.take_screenshots]
        try:
            for step in steps:
                name = getattr(step, "__name__", None) or step.func.__name__
                try:
                    step()
                except Exception as error:  # one broken step must not hide the others' results
                    self.results.error(self.label(name), error)
                    self.reset()
        finally:
            self.server.close()

    def reset(self):
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        emulate_scheme(self.driver, "light")
        set_viewport(self.driver, 1280)
        drain_logs(self.driver)

    # Console, hosts, search, on every page kind, over http and file://.
    def check_pages(self):
        self.reset()
        for protocol in ("http", "file"):
            for kind in self.kinds:
                # 404.html links its assets from the site root ("/assets/…"): it works from any
                # folder of a server, and from disk it cannot, by design.
                if kind == "404" and protocol == "file":
                    continue
                label = self.label(kind, protocol)
                try:
                    self.check_console(kind, protocol, label)
                    if kind != "404" or protocol == "http":
                        self.check_search(kind, protocol, label)
                except Exception as error:
                    self.results.error(label, error)
                    self.reset()

    def check_console(self, kind, protocol, label):
        drain_logs(self.driver)
        load(self.driver, self.url(kind, protocol))
        time.sleep(0.2)
        console, requests = drain_logs(self.driver)
        self.results.check(f"{label} console", not console,
                           "; ".join(f"{e['level']}: {e['message']}" for e in console))
        outside = foreign(requests, self.server.base if protocol == "http" else None)
        self.results.check(f"{label} same-host loads", not outside, f"loaded from other hosts: {outside}")
        has_js = self.driver.execute_script("return document.documentElement.classList.contains('js')")
        self.results.check(f"{label} styles and script", has_js and self.driver.execute_script(
            "return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid",
            "the page's CSS or the inline script did not apply")
        if protocol == "file":
            folders = self.driver.execute_script("""
                return Array.prototype.filter.call(document.querySelectorAll('a[href]'), function (a) {
                  var h = a.getAttribute('href');
                  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.charAt(0) === '#') return false;
                  var path = h.split(/[?#]/)[0];
                  return path === '' || path.slice(-1) === '/';
                }).map(function (a) { return a.getAttribute('href'); });""")
            self.results.check(f"{label} folder links point at index.html", not folders,
                               f"{len(folders)} links still end in '/': {folders[:5]}")

    def search_results(self, form):
        return self.driver.execute_script("""
            return Array.prototype.map.call(arguments[0].querySelectorAll('.search-results li[role=option]'), function (li) {
              var a = li.querySelector('a'), kind = a.querySelector('.kind');
              return {id: li.id, kind: kind ? kind.textContent : '', title: a.childNodes[1] ? a.childNodes[1].textContent : a.textContent,
                      href: a.href, raw: a.getAttribute('href'), selected: li.getAttribute('aria-selected')};
            });""", form)

    def check_search(self, kind, protocol, label):
        url = self.url(kind, protocol)
        boxes = ["#search-header"] + (["#search-home"] if kind == "home" else [])
        for box in boxes:
            load(self.driver, url)
            what = f"{label} search {box}"
            field = self.driver.find_element(By.CSS_SELECTOR, box)
            form = field.find_element(By.XPATH, "./ancestor::form")
            if not self.results.check(f"{what} visible", field.is_displayed(), "the search box is not displayed"):
                continue
            field.click()
            field.send_keys(SEARCH_QUERY)
            try:
                WebDriverWait(self.driver, 10).until(lambda d: self.search_results(form))
            except TimeoutException:
                console, _ = drain_logs(self.driver)
                self.results.check(f"{what} results", False, f"no results listed for “{SEARCH_QUERY}” (console: {console})")
                continue
            results = self.search_results(form)
            titles = [f"{r['kind']}: {r['title']}" for r in results]
            self.results.check(f"{what} finds the AWS Expert profile",
                               any(r["kind"] == "profile" and r["title"] == "AWS Expert" for r in results), f"results: {titles}")
            self.results.check(f"{what} finds the Serverless API with Python pattern",
                               any(r["kind"] in ("pattern", "guide") and "Serverless API with Python" in r["title"] for r in results),
                               f"results: {titles}")
            self.results.check(f"{what} aria-expanded", field.get_attribute("aria-expanded") == "true",
                               f"aria-expanded={field.get_attribute('aria-expanded')!r} while results show")
            if protocol == "file":
                folders = [r["raw"] for r in results if r["raw"].split("#")[0].endswith("/")]
                self.results.check(f"{what} result links point at index.html", not folders, f"folder links: {folders}")

            # Escape and a click elsewhere close the list, and say so.
            field.send_keys(Keys.ESCAPE)
            closed = self.driver.execute_script("return arguments[0].querySelector('.search-results').hidden", form)
            self.results.check(f"{what} Escape closes", closed and field.get_attribute("aria-expanded") == "false",
                               f"after Escape: list hidden={closed}, aria-expanded={field.get_attribute('aria-expanded')!r}")
            field.send_keys(Keys.BACKSPACE)
            field.send_keys(SEARCH_QUERY[-1])
            WebDriverWait(self.driver, 10).until(lambda d: field.get_attribute("aria-expanded") == "true")
            self.driver.find_element(By.CSS_SELECTOR, ".site-footer p").click()
            closed = self.driver.execute_script("return arguments[0].querySelector('.search-results').hidden", form)
            self.results.check(f"{what} a click elsewhere closes", closed and field.get_attribute("aria-expanded") == "false",
                               f"after a click on the footer: list hidden={closed}, aria-expanded={field.get_attribute('aria-expanded')!r}")
            field.send_keys(Keys.BACKSPACE)
            field.send_keys(SEARCH_QUERY[-1])
            WebDriverWait(self.driver, 10).until(lambda d: field.get_attribute("aria-expanded") == "true")

            # Arrow keys move the selection; Enter opens the selected result.
            field.send_keys(Keys.ARROW_DOWN)
            field.send_keys(Keys.ARROW_DOWN)
            field.send_keys(Keys.ARROW_UP)
            results = self.search_results(form)
            selected = [r["id"] for r in results if r["selected"] == "true"]
            self.results.check(f"{what} arrow keys select", selected == [results[0]["id"]] and
                               field.get_attribute("aria-activedescendant") == results[0]["id"],
                               f"after ↓↓↑ selected {selected}, aria-activedescendant="
                               f"{field.get_attribute('aria-activedescendant')!r}, expected {results[0]['id']!r}")
            here = self.driver.current_url.split("#")[0]
            target = next((i for i, r in enumerate(results) if r["href"].split("#")[0] != here), None)
            if target is None:
                continue
            for _ in range(target):
                field.send_keys(Keys.ARROW_DOWN)
            expected = results[target]["href"]
            field.send_keys(Keys.ENTER)
            try:
                WebDriverWait(self.driver, 10).until(lambda d: d.current_url == expected)
                load_ok = self.driver.execute_script("return !!document.querySelector('main h1')")
                self.results.check(f"{what} Enter opens the result", load_ok, f"{expected} has no main h1 (a folder listing?)")
            except TimeoutException:
                self.results.check(f"{what} Enter opens the result", False,
                                   f"expected {expected}, the browser is at {self.driver.current_url}")
        console, requests = drain_logs(self.driver)
        self.results.check(f"{label} search console", not console, "; ".join(f"{e['level']}: {e['message']}" for e in console))
        outside = foreign(requests, self.server.base if protocol == "http" else None)
        self.results.check(f"{label} search same-host loads", not outside, f"loaded from other hosts: {outside}")

    # Every page of the site on a phone: no console messages, no sideways scrolling.
    def check_every_page_on_a_phone(self):
        self.reset()
        set_viewport(self.driver, WIDTHS[-1])
        pages = [p for p in sitelib.html_pages(self.site)]
        overflowing, noisy = [], []
        for page in pages:
            path = "" if page == "index.html" else (page[:-len("index.html")] if page.endswith("/index.html") else page)
            load(self.driver, self.server.base + path)
            overflow = self.driver.execute_script(FIND_OVERFLOW)
            if overflow["scrollWidth"] > overflow["width"]:
                overflowing.append(f"/{path} is {overflow['scrollWidth']} px wide: {overflow['culprits']}")
            console, _ = drain_logs(self.driver)
            if console:
                noisy.append(f"/{path}: " + "; ".join(f"{e['level']}: {e['message']}" for e in console))
        self.results.check(self.label(f"every page ({len(pages)}) fits {WIDTHS[-1]} px"), not overflowing,
                           f"{len(overflowing)} pages scroll sideways in a {WIDTHS[-1]} px viewport:\n      " + "\n      ".join(overflowing))
        self.results.check(self.label(f"every page ({len(pages)}) console"), not noisy, "\n      ".join(noisy))
        set_viewport(self.driver, 1280)

    # Theme: the system preference, the toggle, and the stored choice.
    def background(self):
        return self.driver.execute_script("return getComputedStyle(document.body).backgroundColor")

    def theme_state(self):
        return self.driver.execute_script("""
            var t = document.querySelector('.theme-toggle'), b = getComputedStyle(document.body);
            return {theme: document.documentElement.getAttribute('data-theme'), bg: b.backgroundColor, fg: b.color,
                    pressed: t && t.getAttribute('aria-pressed'), label: t && t.querySelector('.label').textContent};""")

    def check_theme(self):
        for protocol in ("http", "file"):
            for kind in ("profile", "matrix"):
                if kind in self.kinds:
                    self.check_theme_on(kind, protocol)

    def check_theme_on(self, kind, protocol):
        label = self.label(kind, protocol, "theme")
        self.reset()
        url = self.url(kind, protocol)
        try:
            emulate_scheme(self.driver, "dark")
            load(self.driver, url)
            self.driver.execute_script("localStorage.clear()")
            load(self.driver, url)
            state = self.theme_state()
            self.results.check(f"{label} follows a dark system", state["theme"] is None and luminance(state["bg"]) < 0.05,
                               f"with prefers-color-scheme: dark, data-theme={state['theme']!r}, body background {state['bg']}")
            self.results.check(f"{label} dark text contrast", contrast(state["bg"], state["fg"]) >= 4.5,
                               f"body {state['fg']} on {state['bg']}: {contrast(state['bg'], state['fg']):.2f}")
            self.results.check(f"{label} toggle says dark", state["pressed"] == "true" and state["label"] == "Dark",
                               f"aria-pressed={state['pressed']!r}, label={state['label']!r}")
            self.driver.find_element(By.CSS_SELECTOR, ".theme-toggle").click()
            state = self.theme_state()
            self.results.check(f"{label} toggle switches to light", state["theme"] == "light" and luminance(state["bg"]) > 0.8
                               and state["pressed"] == "false", f"after a click: {state}")
            load(self.driver, url)
            state = self.theme_state()
            self.results.check(f"{label} light choice survives a reload", state["theme"] == "light" and luminance(state["bg"]) > 0.8,
                               f"after a reload: {state}")
            self.driver.find_element(By.CSS_SELECTOR, ".theme-toggle").click()
            emulate_scheme(self.driver, "light")
            load(self.driver, url)
            state = self.theme_state()
            self.results.check(f"{label} dark choice beats a light system", state["theme"] == "dark" and luminance(state["bg"]) < 0.05,
                               f"after choosing dark and reloading with a light system: {state}")
            self.driver.execute_script("localStorage.clear()")
            load(self.driver, url)
            state = self.theme_state()
            self.results.check(f"{label} follows a light system", state["theme"] is None and luminance(state["bg"]) > 0.8
                               and contrast(state["bg"], state["fg"]) >= 4.5, f"without a stored choice: {state}")
        finally:
            self.driver.execute_script("try { localStorage.clear() } catch (e) {}")
            emulate_scheme(self.driver, "light")

    # Matrix: sort buttons reorder the rows and set aria-sort.
    def table_state(self, table, column):
        return self.driver.execute_script("""
            var table = arguments[0], column = arguments[1];
            var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
              var cell = row.cells[column], value = cell ? cell.getAttribute('data-value') : null;
              return {name: row.cells[0].textContent.trim(), key: cell ? (value === null ? cell.textContent.trim() : value) : '', numeric: value !== null};
            });
            var sorts = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.getAttribute('aria-sort'); });
            return {rows: rows, sorts: sorts, url: location.href};""", table, column)

    def ordered(self, keys, numeric, descending):
        if numeric:
            values = [float(k) if k != "" else -1 for k in keys]
        else:
            values = keys
        pairs = list(zip(values, values[1:]))
        if numeric:
            return all((a >= b) if descending else (a <= b) for a, b in pairs)
        compare = self.driver.execute_script("""
            var v = arguments[0]; return v.slice(1).map(function (b, i) { return v[i].toLowerCase().localeCompare(b.toLowerCase()); });""", values)
        return all((c >= 0) if descending else (c <= 0) for c in compare)

    def check_matrix(self):
        if "matrix" not in self.kinds:
            return
        self.reset()
        url = self.url("matrix", "http")
        load(self.driver, url)
        tables = self.driver.find_elements(By.CSS_SELECTOR, "table.sortable")
        self.results.check(self.label("matrix has sortable tables"), bool(tables), "no table.sortable on the matrix page")
        if not tables:
            return
        heads = tables[0].find_elements(By.CSS_SELECTOR, "thead th")
        columns = [0] + ([1] if len(heads) > 1 else [])
        for column in columns:
            load(self.driver, url)
            table = self.driver.find_elements(By.CSS_SELECTOR, "table.sortable")[0]
            head = table.find_elements(By.CSS_SELECTOR, "thead th")[column]
            name = " ".join(head.text.split())
            label = self.label("matrix sort", f"column {column} “{name}”")
            buttons = head.find_elements(By.CSS_SELECTOR, "button")
            if not self.results.check(f"{label} has a button", bool(buttons), "the header cell has no sort button"):
                continue
            before = self.table_state(table, column)
            buttons[0].click()
            if self.driver.current_url != url:
                self.results.check(f"{label} click sorts", False,
                                   f"clicking the sort button navigated to {self.driver.current_url} instead of sorting "
                                   f"(the header's link is inside the button)")
                continue
            after = self.table_state(table, column)
            keys = [r["key"] for r in after["rows"]]
            numeric = bool(after["rows"]) and after["rows"][0]["numeric"]
            self.results.check(f"{label} ascending", after["sorts"][column] == "ascending" and
                               all(s is None for i, s in enumerate(after["sorts"]) if i != column) and self.ordered(keys, numeric, False),
                               f"aria-sort {after['sorts']}, keys {keys[:12]}")
            if len(set(keys)) > 1 and not self.ordered([r["key"] for r in before["rows"]], numeric, False):
                self.results.check(f"{label} reorders", [r["name"] for r in before["rows"]] != [r["name"] for r in after["rows"]],
                                   "the row order did not change")
            buttons[0].click()
            again = self.table_state(table, column)
            keys = [r["key"] for r in again["rows"]]
            self.results.check(f"{label} descending", again["sorts"][column] == "descending" and self.ordered(keys, numeric, True),
                               f"aria-sort {again['sorts']}, keys {keys[:12]}")
        console, _ = drain_logs(self.driver)
        self.results.check(self.label("matrix sort console"), not console, f"{console}")

    # Pattern library: the service filter hides rows and updates the count.
    def library_state(self):
        return self.driver.execute_script("""
            var rows = Array.prototype.map.call(document.querySelectorAll('[data-pattern-row]'), function (r) {
              return {services: (r.getAttribute('data-services') || '').split('|'), confidence: parseFloat(r.getAttribute('data-confidence')),
                      hidden: r.hidden, shown: r.getBoundingClientRect().height > 0, text: r.textContent.toLowerCase()};
            });
            var count = document.querySelector('.library-count');
            return {rows: rows, count: count ? count.textContent.trim() : null};""")

    def check_library(self):
        if "patterns" not in self.kinds:
            return
        self.reset()
        load(self.driver, self.url("patterns", "http"))
        label = self.label("patterns filter")
        state = self.library_state()
        total = len(state["rows"])
        if not self.results.check(f"{label} has rows", total > 0, "the pattern library lists no patterns"):
            return
        self.results.check(f"{label} initial count", state["count"] == f"{total} of {total} patterns", f"count text {state['count']!r}")
        select = Select(self.driver.find_element(By.CSS_SELECTOR, ".library-filters select[name=service]"))
        services = [o.get_attribute("value") for o in select.options if o.get_attribute("value")]
        usage = {s: sum(s in r["services"] for r in state["rows"]) for s in services}
        self.results.check(f"{label} every service is used", all(usage.values()), f"services no row has: {[s for s, n in usage.items() if not n]}")
        choice = min(services, key=lambda s: (not 0 < usage[s] < total, -usage[s])) if services else None
        if choice is None:
            self.results.check(f"{label} offers services", False, "the service filter has no options")
            return
        # Chosen with the keyboard, as a reader would (Selenium's select_by_value fires only
        # `change`, where a browser fires `input` and `change`).
        element = self.driver.find_element(By.CSS_SELECTOR, ".library-filters select[name=service]")
        element.send_keys(choice)
        self.results.check(f"{label} keyboard chooses “{choice}”", element.get_attribute("value") == choice,
                           f"typing “{choice}” chose {element.get_attribute('value')!r}")
        state = self.library_state()
        wrong = [r["text"][:50] for r in state["rows"] if r["hidden"] == (choice in r["services"]) or r["shown"] == r["hidden"]]
        shown = sum(not r["hidden"] for r in state["rows"])
        self.results.check(f"{label} service “{choice}” hides the others", not wrong and shown == usage[choice], f"rows shown wrongly: {wrong}")
        self.results.check(f"{label} service “{choice}” count", state["count"] == f"{shown} of {total} patterns", f"count text {state['count']!r}, {shown} shown")
        element.send_keys(Keys.HOME)
        self.results.check(f"{label} back to any service", self.library_state()["count"] == f"{total} of {total} patterns",
                           f"count text {self.library_state()['count']!r} after choosing “Any service”")
        confidences = sorted(r["confidence"] for r in state["rows"] if r["confidence"] is not None)
        floor = confidences[-1] if confidences else 0.5
        self.driver.execute_script("var i = document.querySelector('.library-filters [name=confidence]'); i.value = arguments[0];"
                                   "i.dispatchEvent(new Event('input', {bubbles: true}));", str(floor))
        state = self.library_state()
        wrong = [r["text"][:50] for r in state["rows"] if r["hidden"] == (r["confidence"] is not None and r["confidence"] >= floor)]
        self.results.check(f"{label} minimum confidence {floor}", not wrong, f"rows shown wrongly: {wrong}")
        self.driver.execute_script("var i = document.querySelector('.library-filters [name=confidence]'); i.value = 0;"
                                   "i.dispatchEvent(new Event('input', {bubbles: true}));")
        words = self.driver.find_element(By.CSS_SELECTOR, ".library-filters [name=q]")
        words.send_keys("zzqx-no-such-pattern")
        state = self.library_state()
        self.results.check(f"{label} words", all(r["hidden"] for r in state["rows"]) and state["count"] == f"0 of {total} patterns",
                           f"after typing a word no row has: count {state['count']!r}")
        console, _ = drain_logs(self.driver)
        self.results.check(f"{label} console", not console, f"{console}")

    # JavaScript off: content is there, the JavaScript-only controls are not.
    def check_without_javascript(self, driver):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        for kind in ("profile", "matrix", "patterns", "home"):
            if kind not in self.kinds:
                continue
            label = self.label(kind, "without JavaScript")
            driver.get(self.url(kind, "http"))
            classes = driver.find_element(By.TAG_NAME, "html").get_attribute("class") or ""
            self.results.check(f"{label} scripts are off", "js" not in classes.split(), f"html class={classes!r}: scripts ran")

            def shown(selector):
                return [e for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]
            self.results.check(f"{label} has its h1", bool(shown("main h1")), "no visible h1")
            self.results.check(f"{label} no search box", not shown(".search input"), "a search box shows without JavaScript")
            self.results.check(f"{label} no theme toggle", not shown(".theme-toggle"), "the theme toggle shows without JavaScript")
            self.results.check(f"{label} no copy buttons", not shown(".copy-button"), "copy buttons show without JavaScript")
            if kind == "profile":
                bars = shown(".bars > li")
                self.results.check(f"{label} capability bars", bool(bars) and bool(shown(".bars .bar-fill")), "no capability bars are visible")
                self.results.check(f"{label} tables", bool(shown("main table")), "no table is visible")
            if kind == "matrix":
                self.results.check(f"{label} tables", bool(shown("table.matrix tbody tr")), "no matrix rows are visible")
            if kind == "patterns":
                self.results.check(f"{label} no filters", not shown(".library-filters"), "the filters show without JavaScript")
                self.results.check(f"{label} every pattern listed", len(shown("[data-pattern-row]")) == len(driver.find_elements(By.CSS_SELECTOR, "[data-pattern-row]")),
                                   "some pattern rows are hidden")
            if kind == "profile":
                for width in WIDTHS:
                    self.screenshot(driver, f"{kind}-nojs", width)
        drain_logs(driver)

    # Screenshots, and horizontal overflow on a phone.
    def screenshot(self, driver, name, width):
        set_viewport(driver, width)
        height = driver.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
        set_viewport(driver, width, max(600, min(height, SCREENSHOT_CAP)))
        time.sleep(0.15)
        path = os.path.join(self.screenshots, f"{self.site.name}-{name}-{width}.png")
        driver.get_screenshot_as_file(path)
        set_viewport(driver, width)
        return path

    def take_screenshots(self):
        self.reset()
        for kind in self.kinds:
            for width in WIDTHS:
                set_viewport(self.driver, width)
                load(self.driver, self.url(kind, "http"))
                self.screenshot(self.driver, kind, width)
        emulate_scheme(self.driver, "dark")
        for kind in DARK_SHOTS & set(self.kinds):
            for width in WIDTHS:
                set_viewport(self.driver, width)
                load(self.driver, self.url(kind, "http"))
                self.screenshot(self.driver, f"{kind}-dark", width)
        emulate_scheme(self.driver, "light")
        drain_logs(self.driver)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossier", required=True, help="the dossier binary")
    parser.add_argument("--screenshots", required=True, help="folder for the screenshots")
    parser.add_argument("--repository", default=os.path.normpath(os.path.join(here, "..", "..")), help="the sample handbook (the repository root)")
    parser.add_argument("--corpus", help="the corpus folder (default: ../shared/corpus/adlc beside the repository)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    parser.add_argument("--only", choices=["sample", "corpus"], help="build and check only this handbook")
    parser.add_argument("--keep", action="store_true", help="keep the built sites (their folder is printed)")
    arguments = parser.parse_args()

    os.makedirs(arguments.screenshots, exist_ok=True)
    workspace = sitelib.workspace()
    results = Results()
    drivers = []
    try:
        built = sitelib.build_sites(arguments.dossier, arguments.repository,
                                    arguments.corpus or sitelib.default_corpus(arguments.repository), workspace, arguments.only)
        try:
            driver = make_driver(arguments.chromium, arguments.chromedriver)
            drivers.append(driver)
            no_js = make_driver(arguments.chromium, arguments.chromedriver, javascript=False)
            drivers.append(no_js)
        except WebDriverException as error:
            print(f"cannot start Chromium ({arguments.chromium}) through chromedriver ({arguments.chromedriver}): {error.msg}", file=sys.stderr)
            return 2
        for site in built:
            SiteRun(site, driver, results, arguments.screenshots).run(no_js)
    finally:
        for driver in drivers:
            try:
                driver.quit()
            except Exception:
                pass
        if arguments.keep:
            print(f"built sites kept in {workspace}")
        else:
            shutil.rmtree(workspace, ignore_errors=True)

    print(f"\nbrowser: {results.passed} checks passed, {len(results.failures)} failed; screenshots in {arguments.screenshots}")
    if results.failures:
        print("FAILED:")
        for failure in results.failures:
            print(f"  - {failure}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

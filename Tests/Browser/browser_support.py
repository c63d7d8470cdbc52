"""What browser_test.py drives the browser with: the local server, Chromium through
Selenium, the page kinds of a built site, logs, colours and the overflow finder."""

import functools
import http.server
import json
import os
import threading
import traceback
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

KINDS = ["home", "profiles", "profile", "matrix", "patterns", "pattern", "guide", "graph", "page", "404"]
WIDTHS = [1280, 390]
DARK_SHOTS = {"home", "profile", "matrix", "patterns", "guide", "graph"}
SCREENSHOT_CAP = 8000  # px: taller pages are cut (Chromium's texture limit and a viewable image)
SEARCH_QUERY = "lambda"
# What makes a page wider than the viewport: elements that stick out, or whose own content
# (a long unbreakable word) sticks out of them, outside any scrolling container.
FIND_OVERFLOW = """
var width = document.documentElement.clientWidth, found = [];
function clipped(e) {
  for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return true;
  }
  return false;
}
function name(e) {
  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
}
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect(), s = getComputedStyle(e);
  if (r.width === 0 || s.position === 'fixed' || clipped(e)) return;
  var sticksOut = r.right > width + 1, contentSticksOut = s.overflowX === 'visible' && r.left + e.scrollWidth > width + 1;
  if (!sticksOut && !contentSticksOut) return;
  found = found.filter(function (f) { return !f.el.contains(e); });  // keep the innermost
  found.push({el: e, text: name(e) + ' (to ' + Math.round(Math.max(r.right, r.left + e.scrollWidth)) + ' px: “' +
    e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 70) + '”)'});
});
return {scrollWidth: document.documentElement.scrollWidth, width: width, culprits: found.slice(0, 6).map(function (f) { return f.text; })};
"""


class Results:
    """Every check's outcome, printed as it happens and summarised at the end."""

    def __init__(self):
        self.failures, self.passed = [], 0

    def check(self, label, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failures.append(f"{label}: {detail}")
            print(f"FAIL {label}: {detail}", flush=True)
        return ok

    def error(self, label, error):
        message = "".join(traceback.format_exception_only(type(error), error)).strip()
        self.failures.append(f"{label}: {message}")
        print(f"FAIL {label}: {message}", flush=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    """http.server on 127.0.0.1 and a free port, in a daemon thread."""

    def __init__(self, folder):
        handler = functools.partial(QuietHandler, directory=folder)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def page_kinds(site):
    """The site path of one page of each kind that the site has."""
    folder = site.folder

    def page(path):
        return os.path.isfile(os.path.join(folder, path, "index.html"))

    def first(parent, preferred):
        if page(f"{parent}/{preferred}"):
            return f"{parent}/{preferred}/"
        base = os.path.join(folder, parent)
        names = sorted(n for n in os.listdir(base) if page(f"{parent}/{n}")) if os.path.isdir(base) else []
        return f"{parent}/{names[0]}/" if names else None

    reserved = {"profiles", "patterns", "guides", "matrix", "graph", "assets", "data"}
    plain = sorted(n for n in os.listdir(folder) if n not in reserved and page(n))
    kinds = {
        "home": "", "profiles": "profiles/", "profile": first("profiles", "aws-expert"), "matrix": "matrix/",
        "patterns": "patterns/", "pattern": first("patterns", "aws-docs-deployment-pattern"),
        "guide": first("guides", "aws-expert-serverless-api-with-python"), "graph": "graph/",
        "page": "about/" if "about" in plain else (f"{plain[0]}/" if plain else None), "404": "404.html",
    }
    return {k: v for k, v in kinds.items() if v is not None and os.path.isfile(os.path.join(folder, v or "", "index.html") if not v.endswith(".html") else os.path.join(folder, v))}


def file_url(site, path):
    if path == "" or path.endswith("/"):
        path += "index.html"
    return "file://" + urllib.parse.quote(os.path.join(os.path.abspath(site.folder), path))


def make_driver(chromium, chromedriver, javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--hide-scrollbars", "--force-color-profile=srgb",
                     "--disable-extensions", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-default-apps"):
        options.add_argument(argument)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(chromedriver))
    driver.set_page_load_timeout(60)
    return driver


def set_viewport(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def emulate_scheme(driver, scheme):
    features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": features})


def load(driver, url):
    driver.get(url)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def drain_logs(driver):
    """Console messages (SEVERE/WARNING) and requested URLs since the last call."""
    console = [entry for entry in driver.get_log("browser") if entry.get("level") in ("SEVERE", "WARNING")]
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"]).get("message", {})
        if message.get("method") == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    return console, requests


def foreign(urls, base):
    """URLs that leave the site: anything but the served origin, file:, data: and about:."""
    allowed = ("file:", "data:", "about:", "blob:") + ((base,) if base else ())
    return [u for u in urls if not u.startswith(allowed)]


def luminance(css_colour):
    """Relative luminance of a computed `rgb(...)`/`rgba(...)`/`color(srgb ...)` value."""
    inner = css_colour[css_colour.index("(") + 1:css_colour.rindex(")")].replace(",", " ").replace("/", " ").split()
    if inner[0] == "srgb":
        channels = [float(v) for v in inner[1:4]]
    else:
        channels = [float(v) / 255 for v in inner[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)

"""The demo report in a real browser: `funnel --format html
examples/report.funnel` is opened in headless Chromium, which must render it
without a console error, and its screenshots (a laptop window and a phone's
width) must look like the committed ones in this folder.

The comparison: the same size, and a mean difference per pixel and channel
under TOLERANCE of the full range. Fonts that render slightly differently
on another machine (hinting, anti-aliasing, a DejaVu point release) change
the edges of the text and may move a line by a pixel: the whole page
shifted down by 1 pixel measures 0.019, by 3 pixels 0.032, by 20 pixels
0.062. So 0.03 lets a pixel or two of drift through and fails on a section,
chart or table row that appears, goes or changes height. What the page
holds (six charts, the headings, the footer) is checked exactly from its
text and from the DOM Chromium builds. `FUNNEL_RECORD=1`
rewrites the reference screenshots (look at them before committing).

Skipped, saying why, only when no Chromium is installed (scripts/test
installs it: `apt-get install chromium fonts-dejavu-core`).
"""
import os
import pathlib
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, ImageChops, ImageStat

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
BINARY = os.environ.get("FUNNEL_BIN", str(ROOT / ".build" / "debug" / "funnel"))
ENV = {**os.environ, "NO_COLOR": "1", "FUNNEL_TODAY": "2026-07-01", "FUNNEL_HISTORY": "/dev/null"}
RECORD = os.environ.get("FUNNEL_RECORD") == "1"
# Mean |difference| per pixel and channel, as a share of 255.
TOLERANCE = 0.03
SIZES = {"report": (900, 1400), "report-phone": (390, 1400)}


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The demo report's file, made by the built binary."""
    folder = tmp_path_factory.mktemp("report")
    run = subprocess.run(
        [BINARY, "--format", "html", str(ROOT / "examples" / "report.funnel")],
        capture_output=True, text=True, env=ENV, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    page = folder / "report.html"
    page.write_text(run.stdout, encoding="utf-8")
    return page


def browse(page, *arguments):
    browser = chromium()
    if browser is None:
        pytest.skip("chromium is not installed (scripts/test installs it: apt-get install chromium fonts-dejavu-core)")
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--enable-logging=stderr", "--v=0", f"--user-data-dir={page.parent / 'profile'}", *arguments,
         page.as_uri()],
        capture_output=True, text=True, timeout=120)


def test_the_page_is_one_well_formed_document(report):
    text = report.read_text(encoding="utf-8")
    assert text.count("<!DOCTYPE html>") == 1 and text.count("</html>") == 1
    root = ET.fromstring(text.split("\n", 1)[1])
    svg = "{http://www.w3.org/2000/svg}svg"
    assert len(list(root.iter(svg))) == 6, "a chart for each of the six results"
    assert root.find("./body/main/h1").text == "Pipeline report"
    assert [h.text for h in root.iter("h2")][:2] == ["The funnel", "Leads by channel"]
    assert root.find("./body/main/footer/p").text == "Data: demo data, 20,000 leads, seed 42"
    for banned in ("<script", "<link", "@import", "url("):
        assert banned not in text


def test_chromium_renders_it_without_an_error(report):
    run = browse(report, "--dump-dom")
    assert run.returncode == 0, run.stderr
    assert "<h1>Pipeline report</h1>" in run.stdout
    assert run.stdout.count("<svg") == 6
    # Console messages (a script error, a resource that failed) are logged as CONSOLE lines.
    problems = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Failed to load" in line]
    assert problems == []


@pytest.mark.parametrize("name", sorted(SIZES))
def test_the_screenshot_looks_as_committed(report, name):
    width, height = SIZES[name]
    shot = report.parent / f"{name}.png"
    run = browse(report, f"--screenshot={shot}", f"--window-size={width},{height}")
    assert run.returncode == 0 and shot.exists(), run.stderr
    reference = HERE / f"{name}.png"
    if RECORD:
        shutil.copyfile(shot, reference)
        return
    actual = Image.open(shot).convert("RGB")
    expected = Image.open(reference).convert("RGB")
    assert actual.size == expected.size == (width, height)
    difference = sum(ImageStat.Stat(ImageChops.difference(actual, expected)).mean) / 3 / 255
    assert difference < TOLERANCE, f"{name}: mean difference {difference:.4f} (screenshot: {shot})"

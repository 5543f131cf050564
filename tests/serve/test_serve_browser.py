"""The map page in Debian's headless Chromium (Selenium + /usr/bin/chromedriver), over the seed article's store:
the seed's events are on the map over approximate oblast lines, brushing the timeline filters them, clicking one
shows its evidence."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
    "--no-first-run", "--disable-component-update", "--disable-sync", "--window-size=1400,900",
)  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        msg = "Debian's chromium and chromium-driver are not installed (`make install` installs them)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="eventwire-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


ON_MAP = """
const markers = document.querySelectorAll('#map .ew-marker').length;
let clustered = 0;
for (const c of document.querySelectorAll('#map .ew-cluster span')) clustered += parseInt(c.textContent, 10);
return [markers, clustered, document.getElementById('map').dataset.shown];
"""


ADMIN1_PATHS = "return document.querySelectorAll('#map .leaflet-admin1-pane path').length"


def drawn(driver) -> int:
    """Events drawn on the map: single markers plus the counts of the cluster icons."""
    markers, clustered, _ = driver.execute_script(ON_MAP)
    return markers + clustered


def test_map_timeline_and_evidence(browser, seed_server, tmp_path_factory, capsys):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url = seed_server.url
    located = httpx.get(url + "/events.geojson").json()["features"]
    assert len(located) >= 5  # the seed's located events (Lysychansk, Luhansk, Sievierodonetsk, Ukraine)
    wait = WebDriverWait(browser, 30)

    browser.get(url + "/")
    wait.until(lambda d: d.execute_script("return document.body.dataset.ready") == "true")

    # the basemap's countries and every located event are drawn (as markers or inside clusters)
    assert browser.execute_script("return document.querySelectorAll('#map path.leaflet-interactive, #map path').length") > 100
    # (cluster icons fade in and out while the map zooms: wait for it to settle)
    wait.until(lambda d: drawn(d) == len(located))
    assert browser.execute_script(ON_MAP)[2] == str(len(located))
    status = browser.find_element(By.ID, "status").text
    assert f"{len(located)} on the map" in status

    # approximate province (oblast) lines of the events' country, under the events, with a toggle and a note
    wait.until(lambda d: d.execute_script(ADMIN1_PATHS) > 5)
    attribution = browser.find_element(By.CSS_SELECTOR, "#map .leaflet-control-attribution")
    assert "province lines approximate, from GeoNames settlements" in attribution.text
    toggle = browser.find_element(By.ID, "admin1-toggle")
    assert toggle.is_selected()
    toggle.click()
    wait.until(lambda d: d.execute_script(ADMIN1_PATHS) == 0)
    assert "province lines approximate" not in attribution.text
    toggle.click()
    wait.until(lambda d: d.execute_script(ADMIN1_PATHS) > 5)
    assert drawn(browser) == len(located)  # the toggle is no filter

    # the timeline has one bar per day; dragging over its right end keeps only the later events
    days = httpx.get(url + "/stats").json()["by_day"]
    bars = browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")
    assert len(bars) == len(days)
    overlay = browser.find_element(By.CSS_SELECTOR, "#timeline .brush .overlay")
    width = overlay.size["width"]
    (
        ActionChains(browser)
        .move_to_element_with_offset(overlay, int(width * 0.30), 0)
        .click_and_hold()
        .move_to_element_with_offset(overlay, int(width * 0.45), 0)
        .move_to_element_with_offset(overlay, int(width * 0.5) - 2, 0)
        .release()
        .perform()
    )
    wait.until(lambda d: d.execute_script("return window.eventwire.state.since") is not None)
    since, until = browser.execute_script("return [window.eventwire.state.since, window.eventwire.state.until]")
    expected = httpx.get(url + "/events.geojson", params={"since": since, "until": until}).json()["features"]
    assert 0 < len(expected) < len(located)
    wait.until(lambda d: d.execute_script(ON_MAP)[2] == str(len(expected)) and drawn(d) == len(expected))
    assert browser.find_element(By.ID, "range").text == f"{since} – {until}"
    list_ids = [li.get_attribute("data-event-id") for li in browser.find_elements(By.CSS_SELECTOR, "#list li")]
    dated = httpx.get(url + "/events", params={"since": since, "until": until, "limit": 500}).json()
    assert set(list_ids) == {e["event_id"] for e in dated["events"]}

    # click an event on the map (opening a cluster first when every event is in one)
    if not browser.find_elements(By.CSS_SELECTOR, "#map .ew-marker"):
        browser.find_element(By.CSS_SELECTOR, "#map .ew-cluster").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#map .ew-marker"))
    marker = browser.find_elements(By.CSS_SELECTOR, "#map .ew-marker")[0]
    event_id = marker.get_attribute("data-event-id")
    marker.click()
    detail = browser.find_element(By.ID, "detail")
    wait.until(lambda d: detail.is_displayed() and detail.get_attribute("data-event-id") == event_id)

    record = httpx.get(f"{url}/events/{event_id}").json()
    sentences = [q.text for q in detail.find_elements(By.CSS_SELECTOR, ".mentions q.evidence")]
    assert sentences == [m["sentence"] for m in record["mentions"]]
    triggers = [mk.text for mk in detail.find_elements(By.CSS_SELECTOR, ".mentions mark.hl-trigger")]
    assert triggers == [m["trigger"] for m in record["mentions"]]
    cites = [c.text for c in detail.find_elements(By.CSS_SELECTOR, ".mentions cite")]
    assert all("Shafaq News" in c for c in cites)
    assert record["event_type"] in detail.find_element(By.TAG_NAME, "h2").text

    shots = Path(os.environ.get("EVENTWIRE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "map-seed.png"
    assert browser.save_screenshot(str(shot))
    with capsys.disabled():
        print(f"\nscreenshot of the map page (seed store): {shot}")

    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def test_control_layer_and_date_slider(browser, seed_server):
    """The territorial-control overlay: one marker per controlled place, a slider over the change dates."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 30)
    browser.get(seed_server.url + "/")
    wait.until(lambda d: d.execute_script("return document.getElementById('control-panel').dataset.ready") == "true")
    slider = browser.find_element(By.ID, "control-slider")
    assert slider.get_attribute("type") == "range" and slider.get_attribute("max") == "1"  # two change dates
    assert browser.execute_script("return document.querySelectorAll('#map path.ew-control').length") == 3
    browser.execute_script("const s = document.getElementById('control-slider'); s.value = '0'; "
                           "s.dispatchEvent(new Event('input'));")
    wait.until(lambda d: d.execute_script("return document.getElementById('map').dataset.control") == "1")
    assert browser.find_element(By.ID, "control-date").text == "2022-06-26"

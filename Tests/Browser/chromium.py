"""Headless Chromium for the browser tests: Debian's chromium and chromium-driver, through selenium."""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def fail(script, reason):
    """Prints why a check failed and exits with status 1."""
    print(f"{script}: {reason}", file=sys.stderr)
    sys.exit(1)


def driver(width, height):
    """A headless Chromium whose viewport is WIDTH x HEIGHT (a phone below 600 px), logging network events."""
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    chrome = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    chrome.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    return chrome


def network_requests(chrome):
    """The requests the page sent to anything but itself (file:, data:, blob:, about:srcdoc)."""
    local = ("file://", "data:", "blob:", "about:srcdoc")
    return [entry for entry in chrome.get_log("performance") if '"Network.requestWillBeSent"' in entry["message"]
            and not any(scheme in entry["message"] for scheme in local)]

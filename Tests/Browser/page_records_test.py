#!/usr/bin/env python3
"""Runs every input through the offline page's module in headless Chromium and compares.

Usage: page_records_test.py PAGE.html MANIFEST.json

MANIFEST lists objects with `input` (a file), and for each mode the page runs — 2 (JSON Lines,
the records the table shows) and 7 (the diagnostics) — `status` and `output` (a file holding
what the native build makes). Each input's bytes go through the page's own `run()` as a picked
file's would, East Asian code pages decoded by the page's `TextDecoder`; the status and bytes
must equal the native ones. Exit status 0 when all do; else 1 with the inputs that differ.
"""
import base64
import json
import sys
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import chromium

RUN = """
const input = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
return arguments[1].map(mode => {
  const result = run(input, mode);
  let text = "";
  for (let i = 0; i < result.output.length; i += 8192) text += String.fromCharCode.apply(null, result.output.subarray(i, i + 8192));
  return [result.status, btoa(text)];
});
"""


def main():
    if len(sys.argv) != 3:
        chromium.fail("page_records_test", __doc__.strip().splitlines()[2])
    page, manifest = Path(sys.argv[1]).resolve(), json.loads(Path(sys.argv[2]).read_text())
    driver = chromium.driver(1280, 800)
    differing = []
    try:
        driver.get(page.as_uri())
        WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "status").text == "Ready.")
        for entry in manifest:
            modes = entry["modes"]
            encoded = base64.b64encode(Path(entry["input"]).read_bytes()).decode()
            results = driver.execute_script(RUN, encoded, [int(mode) for mode in modes])
            for (mode, expected), (status, output) in zip(modes.items(), results):
                if status != expected["status"] or base64.b64decode(output) != Path(expected["output"]).read_bytes():
                    differing.append(f"{entry['input']} mode {mode}")
    finally:
        driver.quit()
    if differing:
        chromium.fail("page_records_test", f"{len(differing)} outputs differ from the CLI's: " + ", ".join(differing[:5]))
    print(f"page: {len(manifest)} inputs, records and diagnostics equal the CLI's")


main()

#!/usr/bin/env python3
"""Drives the offline page (.build/wasm/netconv.html) in headless Chromium as a helper would.

Usage: page_test.py PAGE.html PASTE.txt RECORDS SCREENSHOT.png WIDTH HEIGHT

In a WIDTH x HEIGHT window (a phone below 600 px), checks that the tab key reaches the paste
box, "Read it" and the file picker in that order; pastes PASTE.txt into the box and presses
"Read it" with the keyboard, then checks that the remote-access finding is on the screen
without scrolling, that nothing is wider than the window, that the table lists RECORDS
sockets, that opening the same file with the file picker, or dropping it on the paste box,
gives the same table, and that the page made no network request. Exit status 0 when all hold; else 1 and the reason.
"""
import base64
import sys
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import chromium


def fail(reason):
    chromium.fail("page_test", reason)


def table_of(wait, records, action):
    """Waits until the table lists RECORDS sockets; fails naming ACTION when it does not."""
    try:
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#records tr")) - 1 == records)
    except TimeoutException:
        fail(f"{action} did not give a table of {records} sockets")


def main():
    if len(sys.argv) != 7:
        fail(__doc__.strip().splitlines()[2])
    page, paste, records, screenshot = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), int(sys.argv[3]), sys.argv[4]
    width, height = int(sys.argv[5]), int(sys.argv[6])
    driver = chromium.driver(width, height)
    try:
        driver.get(page.as_uri())
        wait = WebDriverWait(driver, 20)
        wait.until(lambda d: d.find_element(By.ID, "status").text == "Ready.")
        focused = []
        for _ in range(3):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            focused.append(driver.execute_script("return document.activeElement.id"))
        if focused != ["paste", "read", "file"]:
            fail(f"the tab key goes to {focused}, not to the paste box, 'Read it' and the file picker")
        box = driver.find_element(By.ID, "paste")
        driver.execute_script("arguments[0].value = arguments[1]", box, paste.read_text(encoding="utf-8"))
        box.click()
        ActionChains(driver).send_keys(Keys.TAB).send_keys(Keys.ENTER).perform()
        wait.until(lambda d: "read" in d.find_element(By.ID, "status").text)
        rows = len(driver.find_elements(By.CSS_SELECTOR, "#records tr")) - 1
        if rows != records:
            fail(f"the table lists {rows} sockets, the CLI reads {records}")
        wait.until(lambda d: d.execute_script(
            "const f = document.getElementById('report'); return f.contentDocument && f.contentDocument.readyState === 'complete'"))
        # Where the finding is on the screen as the helper sees it (viewport coordinates).
        box = driver.execute_script("""
            const frame = document.getElementById('report').getBoundingClientRect();
            const finding = document.getElementById('report').contentDocument
                .querySelector('li[data-code="remote_access_connected"]');
            if (!finding) return null;
            const inside = finding.getBoundingClientRect();
            return { top: frame.top + inside.top, bottom: frame.top + inside.bottom, text: finding.textContent,
                     wide: document.documentElement.scrollWidth };""")
        if box is None:
            fail("the report shows no remote-access finding")
        top, bottom, text = box["top"], box["bottom"], box["text"]
        if top < 0 or bottom > height:
            fail(f"the finding spans {top:.0f}–{bottom:.0f} px, not within the first {height} px on the screen")
        if box["wide"] > width:
            fail(f"the page is {box['wide']} px wide in a {width} px window")
        if "AnyDesk" not in text:
            fail(f"the finding does not name AnyDesk: {text!r}")
        driver.save_screenshot(screenshot)
        # The file picker gives the same table.
        driver.execute_script("document.getElementById('records').replaceChildren()")
        driver.find_element(By.ID, "file").send_keys(str(paste))
        table_of(wait, records, "opening the file with the file picker")
        # So does dropping the file on the paste box (a drop event carrying it, as a desktop sends).
        driver.execute_script("document.getElementById('records').replaceChildren()")
        driver.execute_script("""
            const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], "paste.txt", { type: "text/plain" }));
            const drop = document.getElementById("drop");
            drop.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
            drop.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));""",
            base64.b64encode(paste.read_bytes()).decode())
        table_of(wait, records, "dropping the file on the paste box")
        requests = chromium.network_requests(driver)
        if requests:
            fail(f"the page made {len(requests)} network request(s): {requests[0]['message'][:300]}")
    finally:
        driver.quit()
    print(f"page: {records} sockets, the AnyDesk finding ends at {bottom:.0f} px of {height}; screenshot {screenshot}")


main()

#!/usr/bin/env python3
"""Drives the offline page (.build/wasm/netconv.html) in headless Chromium as a helper would.

Usage: page_test.py PAGE.html PASTE.txt RECORDS SCREENSHOT.png

Checks that the tab key reaches the paste box, "Read it" and the file picker in that order;
pastes PASTE.txt into the box and presses "Read it" with the keyboard, then checks that the
report shows the remote-access finding within the first 800 pixels of a 1280 x 800 window,
that the table lists RECORDS sockets, that opening the same file with the file picker gives
the same table, and that the page made no network request. Exit status 0 when all hold; else
1 and the reason.
"""
import sys
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import chromium


def fail(reason):
    chromium.fail("page_test", reason)


def main():
    if len(sys.argv) != 5:
        fail(__doc__.strip().splitlines()[2])
    page, paste, records, screenshot = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), int(sys.argv[3]), sys.argv[4]
    driver = chromium.driver(1280, 800)
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
        frame = driver.find_element(By.ID, "report")
        top = frame.rect["y"]
        driver.switch_to.frame(frame)
        found = driver.find_elements(By.CSS_SELECTOR, 'li[data-code="remote_access_connected"]')
        if not found:
            fail("the report shows no remote-access finding")
        finding = found[0].rect
        text = found[0].text
        driver.switch_to.default_content()
        bottom = top + finding["y"] + finding["height"]
        if bottom > 800:
            fail(f"the finding ends at {bottom:.0f} px, below the first 800 px")
        if "AnyDesk" not in text:
            fail(f"the finding does not name AnyDesk: {text!r}")
        driver.save_screenshot(screenshot)
        # The file picker gives the same table.
        driver.execute_script("document.getElementById('records').replaceChildren()")
        driver.find_element(By.ID, "file").send_keys(str(paste))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#records tr")) - 1 == records)
        requests = chromium.network_requests(driver)
        if requests:
            fail(f"the page made {len(requests)} network request(s): {requests[0]['message'][:300]}")
    finally:
        driver.quit()
    print(f"page: {records} sockets, the AnyDesk finding ends at {bottom:.0f} px; screenshot {screenshot}")


main()

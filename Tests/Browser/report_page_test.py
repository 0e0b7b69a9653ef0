#!/usr/bin/env python3
"""Opens a netconv HTML report in headless Chromium and checks what a helper sees.

Usage: report_page_test.py PAGE.html SCREENSHOT.png CODE [WIDTH HEIGHT]

Checks, at a window of WIDTH x HEIGHT (default 1280 x 800):
- the finding with data-code CODE is displayed and lies within the first HEIGHT pixels;
- the page made no network request and runs no script (there is none to run);
- the screenshot is a real picture of the page: a PNG of the window's size in which the
  finding's red background (#fde8e8) shows inside the finding's box.
Exit status 0 when all hold; otherwise 1 with the reason on stderr.
"""
import struct
import sys
import zlib
from pathlib import Path

from selenium.webdriver.common.by import By

import chromium


def fail(reason):
    chromium.fail("report_page_test", reason)


def png_pixels(data):
    """Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes) to rows of RGB tuples."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        fail(f"unexpected PNG format (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def main():
    if len(sys.argv) not in (4, 6):
        fail(__doc__.strip().splitlines()[2])
    page, screenshot, code = Path(sys.argv[1]).resolve(), Path(sys.argv[2]), sys.argv[3]
    width, height = (int(sys.argv[4]), int(sys.argv[5])) if len(sys.argv) == 6 else (1280, 800)
    driver = chromium.driver(width, height)
    try:
        driver.get(page.as_uri())
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        found = driver.find_elements(By.CSS_SELECTOR, f'li[data-code="{code}"]')
        if not found:
            fail(f"no finding with code {code} on the page")
        finding = found[0]
        if not finding.is_displayed():
            fail("the finding is not displayed")
        box = finding.rect
        if box["y"] + box["height"] > inner[1]:
            fail(f"the finding ends at {box['y'] + box['height']:.0f} px, below the first {inner[1]} px")
        requests = chromium.network_requests(driver)
        if requests:
            fail(f"the page made {len(requests)} network request(s)")
        if driver.find_elements(By.TAG_NAME, "script"):
            fail("the page has a script")
        driver.save_screenshot(str(screenshot))
    finally:
        driver.quit()
    shot_width, shot_height, rows = png_pixels(screenshot.read_bytes())
    if (shot_width, shot_height) != tuple(inner):
        fail(f"the screenshot is {shot_width}x{shot_height}, the window {inner[0]}x{inner[1]}")
    top, bottom = int(box["y"]) + 2, min(shot_height, int(box["y"] + box["height"]) - 2)
    left, right = int(box["x"]) + 8, min(shot_width, int(box["x"] + box["width"]) - 2)
    pink = sum(1 for y in range(top, bottom) for x in range(left, right, 4) if rows[y][x] == (0xFD, 0xE8, 0xE8))
    if pink < 50:
        fail(f"the screenshot does not show the finding's background inside its box ({pink} pixels)")
    print(f"finding {code} at y={box['y']:.0f}..{box['y'] + box['height']:.0f} of {inner[1]} px; screenshot {screenshot}")


main()

"""End to end, as a committee secretary would before a meeting: open the
demo panel, export the selected candidate's packet and then the whole
committee book as PDF from the main menu, through the file chooser, and
find both complete on disk."""

import os
import subprocess
import tempfile
import time

from dogtail import rawinput

import rungtest
from rungtest import Failure, find, names, start, stop

DEMO_CANDIDATES = ["Amara Okafor", "Kenji Watanabe", "Nguyễn Thị Lan", "Rafael Oliveira",
                   "Viktor Petrov", "Zoë Müller-Ågren"]


def wait_for_file(path, timeout=60):
    deadline = time.time() + timeout
    while not os.path.exists(path):
        if time.time() > deadline:
            raise Failure(f"{os.path.basename(path)} was never written")
        time.sleep(0.3)


def wait_for_name(app, words, timeout=20):
    deadline = time.time() + timeout
    while not any(words in name for name in names(app)):
        if time.time() > deadline:
            raise Failure(f"{words!r} never appeared")
        time.sleep(0.3)


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], check=True, capture_output=True, text=True).stdout


def export_from_menu(app, item, file_name):
    """Chooses @item in the main menu and saves as @file_name in the chooser."""
    # F10 opens the window's primary menu, as a keyboard user would.
    rawinput.pressKey("F10")
    time.sleep(0.8)
    entry = find(app, item, "menu item")
    entry.doActionNamed("click") if "click" in entry.actions else entry.click()
    time.sleep(1.0)
    find(app, "Name:", "text").text = file_name
    time.sleep(0.3)
    button = find(app, "Export", "push button")
    button.doActionNamed("click")
    time.sleep(0.6)


def test(rung):
    with tempfile.TemporaryDirectory() as folder:
        panel = os.path.join(folder, "demo.rung")
        subprocess.run([rung, "--demo", panel], check=True, capture_output=True)

        proc, app = start(rung, panel, cwd=folder)
        try:
            wait_for_name(app, "Amara Okafor")

            export_from_menu(app, "Export Packet as PDF…", "packet.pdf")
            packet = os.path.join(folder, "packet.pdf")
            wait_for_file(packet)
            wait_for_name(app, "Exported “packet.pdf”")
            text = pdf_text(packet)
            if "Amara Okafor" not in text or "Kenji Watanabe" in text:
                raise Failure("the packet is not the selected candidate's alone")
            if "Wrote the ledger v2 design" not in text:
                raise Failure("the packet lacks the candidate's evidence")

            export_from_menu(app, "Export Committee Book as PDF…", "book.pdf")
            book = os.path.join(folder, "book.pdf")
            wait_for_file(book)
            wait_for_name(app, "Exported “book.pdf”")
            text = pdf_text(book)
            missing = [name for name in DEMO_CANDIDATES if name not in text]
            if missing:
                raise Failure(f"the book lacks {', '.join(missing)}")
            if "Summary of decisions" not in text:
                raise Failure("the book lacks its summary of decisions")

            # Readable by its owner alone.
            for path in (packet, book):
                if os.stat(path).st_mode & 0o777 != 0o600:
                    raise Failure(f"{os.path.basename(path)} is readable by others")
        finally:
            stop(proc)


if __name__ == "__main__":
    rungtest.run(test)

"""End to end, as a committee secretary would when the managers' packets
arrive: open the demo panel, choose Import Packets… in the main menu, pick
every packet of a folder in the file chooser, and see the candidates in the
sidebar beside the demo's."""

import os
import subprocess
import tempfile
import time

from dogtail import rawinput

import rungtest
from rungtest import Failure, find, names, start, stop

NEWCOMERS = ["Grace Hopper", "Alan Turing", "Katherine Johnson"]


def wait_for_name(app, words, timeout=30):
    deadline = time.time() + timeout
    while not any(words in name for name in names(app)):
        if time.time() > deadline:
            raise Failure(f"{words!r} never appeared")
        time.sleep(0.3)


def write_packets(rung, panel, folder):
    """Three packets from managers, made from a demo candidate's under other names."""
    amara = os.path.join(folder, "amara.rungpacket")
    subprocess.run([rung, panel, "--export-packet", amara, "--candidate", "Amara Okafor"],
                   check=True, capture_output=True)
    with open(amara, encoding="utf-8") as f:
        xml = f.read()
    os.unlink(amara)

    packets = os.path.join(folder, "packets")
    os.mkdir(packets)
    for i, name in enumerate(NEWCOMERS):
        with open(os.path.join(packets, f"{i} {name}.rungpacket"), "w", encoding="utf-8") as f:
            f.write(xml.replace("<name>Amara Okafor</name>", f"<name>{name}</name>"))
    return packets


def choose_all_in(app, folder):
    """In the open file chooser: go to @folder, select all its files, Import."""
    rawinput.keyCombo("<Control>l")
    time.sleep(0.5)
    rawinput.typeText(folder + "/")
    rawinput.pressKey("Return")
    time.sleep(1.5)
    rawinput.keyCombo("<Control>a")
    time.sleep(0.5)
    find(app, "Import", "push button").doActionNamed("click")


def test(rung):
    with tempfile.TemporaryDirectory() as folder:
        panel = os.path.join(folder, "demo.rung")
        subprocess.run([rung, "--demo", panel], check=True, capture_output=True)
        packets = write_packets(rung, panel, folder)

        proc, app = start(rung, panel, cwd=folder)
        try:
            wait_for_name(app, "Amara Okafor")

            # F10 opens the window's primary menu, as a keyboard user would.
            rawinput.pressKey("F10")
            time.sleep(0.8)
            entry = find(app, "Import Packets…", "menu item")
            entry.doActionNamed("click") if "click" in entry.actions else entry.click()
            time.sleep(1.5)
            choose_all_in(app, packets)

            # The toast ("Imported 3 packets", Undo) is gone before a walk
            # of the tree ends; the widget tests read it. The sidebar stays.
            for name in NEWCOMERS:
                wait_for_name(app, name)
            if "Amara Okafor" not in names(app):
                raise Failure("the demo's candidates went")
        finally:
            stop(proc)


if __name__ == "__main__":
    rungtest.run(test)

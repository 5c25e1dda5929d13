"""End to end, as a committee secretary would: create a panel, add a
candidate, write evidence for two expectations, add two panelists and a
conflict, rate, record a decision and revise it, quit, start again and find
everything; a conflicted panelist cannot rate; the search finds the candidate
by a word of the evidence."""

import os
import subprocess
import tempfile
import time

from dogtail import rawinput

import rungtest
from rungtest import Failure, find, names, start, stop


def shows(app, words):
    return any(words in name for name in names(app))


def wait_for(app, words, timeout=10):
    deadline = time.time() + timeout
    while not shows(app, words):
        if time.time() > deadline:
            raise Failure(f"{words!r} never appeared")
        time.sleep(0.3)


def click(app, name, role=None):
    node = find(app, name, role)
    if "click" in node.actions:
        node.doActionNamed("click")
    else:
        node.click()
    time.sleep(0.6)
    return node


def type_into(app, name, text, role=None):
    node = find(app, name, role)
    node.click()
    time.sleep(0.3)
    rawinput.typeText(text)
    time.sleep(0.3)


def add_evidence(app, expectation, title, text):
    click(app, f"Add evidence for “{expectation}”", "push button")
    # The new item's title has the focus.
    rawinput.typeText(title)
    time.sleep(0.3)
    # Tab past the Remove button to the text.
    rawinput.pressKey("Tab")
    rawinput.pressKey("Tab")
    time.sleep(0.3)
    rawinput.typeText(text)
    time.sleep(0.8)


def choose_in_dropdown(app, dropdown_name, steps_down):
    """Opens a dropdown and moves down its list with the keyboard."""
    click(app, dropdown_name)
    time.sleep(0.5)
    for _ in range(steps_down):
        rawinput.pressKey("Down")
        time.sleep(0.2)
    rawinput.pressKey("Return")
    time.sleep(0.8)


def journey(rung, folder):
    proc, app = start(rung, cwd=folder)
    try:
        click(app, "New Panel…", "push button")
        find(app, "Panel name").text = "Journey panel"
        click(app, "Choose Location…", "push button")
        find(app, "Name:", "text").text = "journey.rung"
        click(app, "Create", "push button")
        wait_for(app, "Journey panel")

        click(app, "New Candidate", "push button")
        find(app, "Name", "text").text = "Ada Lovelace"
        click(app, "Add", "push button")
        wait_for(app, "Ada Lovelace")

        add_evidence(app, "Codebase and technical direction", "Analytical engine",
                     "Wrote the first published algorithm for the engine")
        add_evidence(app, "Critical shared infrastructure", "Note G",
                     "Her notes became the reference every team used")

        click(app, "Panel")
        for panelist in ("Grace Hopper", "Alan Turing"):
            click(app, "Add Panelist…", "push button")
            find(app, "Panelist name").text = panelist
            click(app, "Add", "push button")
            wait_for(app, f"Rating of Impact by {panelist}")

        click(app, "Alan Turing has a conflict of interest")
        wait_for(app, "Recused: conflict of interest")
        if shows(app, "Rating of Impact by Alan Turing"):
            raise Failure("a conflicted panelist can still rate")

        # The list reads "—", 4, 3, …: two steps down is 3, Meets.
        choose_in_dropdown(app, "Rating of Impact by Grace Hopper", 2)

        click(app, "Decision")
        click(app, "Record Decision…", "push button")
        type_into(app, "Rationale", "Clear evidence of impact at the level", "text")
        click(app, "Record", "push button")
        wait_for(app, "Revision 1: Promote")

        click(app, "Change Decision…", "push button")
        type_into(app, "Rationale", "The panel wants one more cycle", "text")
        type_into(app, "Reason for the change", "New concerns from the chair", "text")
        click(app, "Record", "push button")
        wait_for(app, "Revision 2: Promote")
        wait_for(app, "Why it changed: New concerns from the chair")

        rawinput.keyCombo("<Control>q")
        proc.wait(15)
    finally:
        stop(proc)


def again(rung, folder):
    proc, app = start(rung, os.path.join(folder, "journey.rung"))
    try:
        wait_for(app, "Journey panel")
        wait_for(app, "Ada Lovelace")
        wait_for(app, "Wrote the first published algorithm for the engine")
        wait_for(app, "Her notes became the reference every team used")

        click(app, "Panel")
        wait_for(app, "Recused: conflict of interest")
        rating = find(app, "Rating of Impact by Grace Hopper")
        if not any(n.name == "3" for n in rating.findChildren(lambda n: n.roleName == "label")):
            raise Failure("Grace Hopper's rating of Impact is not 3 after a restart: "
                          + ", ".join(n.name for n in rating.findChildren(lambda n: True)))

        click(app, "Decision")
        wait_for(app, "Revision 2: Promote")
        wait_for(app, "Revision 1: Promote")

        search = find(app, "Search candidates")
        search.text = "analytical"
        time.sleep(1)
        if not shows(app, "Ada Lovelace"):
            raise Failure("the search does not find Ada by a word of her evidence")
        search.text = "nonexistentword"
        wait_for(app, "No Candidates Found")
    finally:
        stop(proc)


def test(rung):
    with tempfile.TemporaryDirectory() as folder:
        journey(rung, folder)
        if not os.path.exists(os.path.join(folder, "journey.rung")):
            raise Failure("the panel file was not created")
        again(rung, folder)


if __name__ == "__main__":
    rungtest.run(test)

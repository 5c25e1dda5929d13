"""End to end: the real binary shows the L6 ladder's areas and anti-patterns;
a click and the keyboard move between areas."""

import time

from dogtail import rawinput

import rungtest
from rungtest import Failure, find, names, start, stop

AREAS = ["Responsibilities", "Impact", "Ownership", "Process",
         "Culture", "Communication", "Growth", "Leadership"]
ANTI_PATTERNS = ["Arrogance", "Excuses", "Eminence"]


def shows(app, words):
    return any(words in name for name in names(app))


def test(rung):
    proc, app = start(rung)
    try:
        # The welcome page leads to the ladder.
        find(app, "Browse the Ladder", "push button").doActionNamed("click")
        find(app, "Engineering ladder", "frame")

        for area in AREAS:
            find(app, area, "label")
        for anti_pattern in ANTI_PATTERNS:
            find(app, anti_pattern)
        if not shows(app, "An L6 is an extraordinary engineer"):
            raise Failure("the overview does not show the level's summary")

        find(app, "Open Ladder…", "push button")

        find(app, "Responsibilities", "label").click()
        time.sleep(0.5)
        if not shows(app, "responsible for the codebase as a whole"):
            raise Failure("clicking Responsibilities does not show its expectations")

        rawinput.keyCombo("<Alt>Down")
        time.sleep(0.5)
        if not shows(app, "most senior technical contributors"):
            raise Failure("Alt+Down does not step to the Impact area")

        rawinput.keyCombo("<Control>Page_Up")
        time.sleep(0.5)
        if not shows(app, "responsible for the codebase as a whole"):
            raise Failure("Ctrl+Page Up does not step back to Responsibilities")
    finally:
        stop(proc)


if __name__ == "__main__":
    rungtest.run(test)

"""End to end, as a committee chair would run a meeting: open the demo
panel, start a meeting in blind mode (F5), and find no candidate's name,
manager or team anywhere in the accessibility tree; put the agenda in order
of disagreement (Ctrl+Shift+D) and find the most contested candidate first,
by the spread the file's ratings give; record decisions for three
candidates from the keyboard alone (Ctrl+D, the outcome's number, the
votes, the rationale, Ctrl+Enter, and on to the next), the first citing an
evidence item (Alt+E, Tab, Space); end the meeting, export its minutes from
the main menu, and find the decisions and the citation in the PDF."""

import os
import re
import subprocess
import tempfile
import time

from dogtail import rawinput

import rungtest
from rungtest import Failure, find, names, start, stop

# The demo's people, as app/model/rung-demo's data has them.
DEMO_CANDIDATES = ["Amara Okafor", "Kenji Watanabe", "Nguyễn Thị Lan", "Rafael Oliveira",
                   "Viktor Petrov", "Zoë Müller-Ågren"]

DECISIONS = [
    # (the outcome's number in the dialog, votes for, against, abstaining, rationale)
    # (three votes at most: some demo candidates have a conflicted panelist)
    ("1", "2", "1", "0", "Sustained impact across two teams, settled in the meeting"),
    ("2", "1", "2", "0", "Scope of ownership not yet at the level, revisit next cycle"),
    ("1", "3", "0", "0", "Unanimous: the evidence meets every area of the ladder"),
]


def wait_for_name(app, words, timeout=20):
    deadline = time.time() + timeout
    while not any(words in name for name in names(app)):
        if time.time() > deadline:
            raise Failure(f"{words!r} never appeared")
        time.sleep(0.3)


def wait_for_file(path, timeout=60):
    deadline = time.time() + timeout
    while not os.path.exists(path):
        if time.time() > deadline:
            raise Failure(f"{os.path.basename(path)} was never written")
        time.sleep(0.3)


def key(name, pause=0.5):
    rawinput.pressKey(name)
    time.sleep(pause)


def combo(keys, pause=0.5):
    rawinput.keyCombo(keys)
    time.sleep(pause)


def type_text(text):
    rawinput.typeText(text)
    time.sleep(0.3)


def query(panel, sql):
    out = subprocess.run(["sqlite3", panel, sql], check=True, capture_output=True, text=True).stdout
    return {field for line in out.splitlines() for field in line.split("|") if field}


def hidden_words(panel):
    """Every candidate's name, manager and team, read from the file itself.
    A manager who sits on the panel stays named as a panelist: the meeting
    shows who attends and who is recused."""
    words = query(panel, "SELECT name, manager, team FROM candidates")
    if not set(DEMO_CANDIDATES) <= words:
        raise Failure("the demo's candidates are not in the file")
    return words - query(panel, "SELECT name FROM panelists")


def most_contested_spread(panel):
    """The largest spread of any live candidate, as the agenda shows it: the
    mean over areas that two or more rated of the highest rating minus the
    lowest (app/model/rung-disagreement.c), worked out here in SQL."""
    spreads = query(panel, "SELECT printf('%.1f', max(spread)) FROM"
                           " (SELECT candidate_id, avg(range) AS spread FROM"
                           "  (SELECT candidate_id, area_id, max(value) - min(value) AS range"
                           "   FROM ratings JOIN candidates ON candidates.id = ratings.candidate_id"
                           "   WHERE candidates.deleted_at IS NULL"
                           "   GROUP BY candidate_id, area_id HAVING count(*) >= 2)"
                           "  GROUP BY candidate_id)")
    if len(spreads) != 1:
        raise Failure("the demo has no ratings to spread")
    return spreads.pop()


def agenda_row(app, position):
    """The accessible name of the agenda's row at @position, from 1."""
    rows = [name for name in names(app) if name.startswith(f"{position}. Candidate ")]
    if not rows:
        raise Failure(f"the agenda has no row {position}")
    return rows[0]


def assert_blind(app, words, where):
    shown = names(app)
    leaks = sorted({word for word in words for name in shown if word in name})
    if leaks:
        raise Failure(f"{where}: the accessibility tree names {', '.join(leaks)}")


def cite_first_item(app, words):
    """Alt+E to the filter of Cite evidence, Tab to its first item, Space
    to check it; returns the item's label."""
    combo("<Alt>e")
    focused = []
    # A change starts from what the latest revision cited: pass those.
    for _ in range(12):
        combo("Tab")
        focused = [node for node in app.findChildren(lambda n: n.roleName == "check box" and n.focused)]
        if not focused or not focused[0].checked:
            break
    if not focused:
        raise Failure("Alt+E and Tab did not reach an evidence item to cite")
    label = rungtest.spoken(focused[0].name)
    key("space")
    if not focused[0].checked:
        raise Failure(f"Space did not cite “{label}”")
    assert_blind(app, words, "in the dialog's list of evidence to cite")
    return label


def record_decision(app, number, votes_for, votes_against, votes_abstain, rationale, cite=None):
    """Records a decision on the candidate under discussion, by keyboard;
    with cite, citing the first evidence item and giving its label."""
    combo("<Control>d", 1.0)
    find(app, "Outcome")                      # the dialog is open
    combo(f"<Alt>{number}")                   # the outcome
    combo("<Alt>f")                           # the votes
    combo("<Control>a", 0.2)
    type_text(votes_for)
    combo("<Alt>a")
    combo("<Control>a", 0.2)
    type_text(votes_against)
    combo("<Alt>b")
    combo("<Control>a", 0.2)
    type_text(votes_abstain)
    combo("<Alt>t")                           # the rationale
    type_text(rationale)
    if any(name.startswith("Change the Decision") for name in names(app)):
        combo("<Alt>h")                       # a change needs its reason
        type_text("Settled in the meeting")
    cited = cite_first_item(app, cite) if cite is not None else None
    combo("<Control>Return", 1.0)             # record, and on to the next
    return cited


def test(rung):
    with tempfile.TemporaryDirectory() as folder:
        panel = os.path.join(folder, "demo.rung")
        subprocess.run([rung, "--demo", panel], check=True, capture_output=True)
        words = hidden_words(panel)

        proc, app = start(rung, panel, cwd=folder)
        try:
            wait_for_name(app, "Amara Okafor")

            # F5: Start a Meeting, blind, and start.
            key("F5", 1.0)
            find(app, "Start a Meeting")
            blind = [node for node in app.findChildren(lambda n: rungtest.spoken(n.name) == "Blind mode")
                     if node.roleName != "label"]
            if not blind:
                raise Failure("the Start a Meeting dialog has no Blind mode switch")
            combo("<Alt>b")
            if not blind[0].checked:
                raise Failure(f"Alt+B did not turn blind mode on ({blind[0].roleName})")
            key("Return", 1.5)

            # The meeting is on: nobody's name anywhere, the letters instead.
            wait_for_name(app, "Candidate A")
            assert_blind(app, words, "after starting the meeting")

            # Disagreement first: the most contested candidate goes to the top,
            # still by their letter; the agreed are marked for a quick confirmation.
            top = most_contested_spread(panel)
            find(app, "Order by Disagreement", "push button")
            combo("<Control><Shift>d", 1.5)
            if f"Spread {top}" not in agenda_row(app, 1):
                raise Failure(f"after Order by Disagreement the first row is {agenda_row(app, 1)!r},"
                              f" not the most contested (Spread {top})")
            if not any(name.endswith(", Consensus") for name in names(app)):
                raise Failure("no agenda row is marked Consensus")
            assert_blind(app, words, "after ordering by disagreement")

            key("Return", 1.0)                # Start with the First Candidate
            wait_for_name(app, "Candidate 1 of 6")
            assert_blind(app, words, "with the first candidate under discussion")

            cited = None
            for number, votes_for, against, abstain, rationale in DECISIONS:
                label = record_decision(app, number, votes_for, against, abstain, rationale,
                                        cite=words if cited is None else None)
                cited = cited or label
                assert_blind(app, words, f"after deciding “{rationale}”")
            labels = query(panel, "SELECT label FROM citations WHERE decision_id = (SELECT max (id) FROM decisions"
                                  " WHERE rationale LIKE 'Sustained impact%')")
            if not any(label.startswith(cited) for label in labels):
                raise Failure(f"the decision does not cite “{cited}” (it cites {sorted(labels)})")
            wait_for_name(app, "3 decided")

            # End the meeting: the dialog asks first.
            find(app, "End Meeting…", "push button").doActionNamed("click")
            time.sleep(1.0)
            find(app, "End Meeting", "push button").doActionNamed("click")
            time.sleep(1.0)
            wait_for_name(app, "The meeting has ended")

            # The minutes, from the main menu.
            key("F10", 0.8)
            entry = find(app, "Export Minutes as PDF…", "menu item")
            entry.doActionNamed("click") if "click" in entry.actions else entry.click()
            time.sleep(1.0)
            find(app, "Name:", "text").text = "minutes.pdf"
            time.sleep(0.3)
            find(app, "Export", "push button").doActionNamed("click")
            minutes = os.path.join(folder, "minutes.pdf")
            wait_for_file(minutes)
            time.sleep(1.0)

            text = " ".join(subprocess.run(["pdftotext", minutes, "-"], check=True,
                                           capture_output=True, text=True).stdout.split())
            for _, votes_for, against, abstain, rationale in DECISIONS:
                if rationale not in text:
                    raise Failure(f"the minutes lack the rationale “{rationale}”")
            for attendee in ("Priya Raman", "Marcus Bell"):
                if attendee not in text:
                    raise Failure(f"the minutes lack the attendee {attendee}")
            if not re.search("Cites: .{0,600}?" + re.escape(cited), text):
                raise Failure(f"the minutes do not show the citation of “{cited}”")
            if "Cites no evidence" not in text:
                raise Failure("the minutes do not mark the decisions that cite nothing")
            if "Not decided" not in text:
                raise Failure("the minutes do not say who was not decided")
            if os.stat(minutes).st_mode & 0o777 != 0o600:
                raise Failure("the minutes are readable by others")
        finally:
            stop(proc)


if __name__ == "__main__":
    rungtest.run(test)

#!/usr/bin/env python3
"""The headless command line: rung --validate-ladder, --demo, --export-csv,
--export-pdf and --export-minutes, without a display."""

import os
import re
import sqlite3
import stat
import subprocess
import sys
import tempfile

rung, data = sys.argv[1], sys.argv[2]
env = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)
failures = 0


def check(name, condition, detail=""):
    global failures
    print(("ok" if condition else "not ok") + f" - {name}" + (f": {detail}" if detail and not condition else ""))
    if not condition:
        failures += 1


def run(*args):
    return subprocess.run([rung, *args], capture_output=True, text=True, env=env, timeout=60)


ok = run("--validate-ladder", os.path.join(data, "..", "..", "data", "ladders", "l6.xml"))
check("bundled ladder validates", ok.returncode == 0, ok.stderr)
check("one line of counts",
      ok.stdout == "rung-engineering 1.0: 1 level, 8 areas, 13 expectations, 3 anti-patterns\n",
      repr(ok.stdout))
check("nothing on stderr", ok.stderr == "", ok.stderr)

good = run("--validate-ladder", os.path.join(data, "ladders", "good", "custom-scale.xml"))
check("custom ladder validates", good.returncode == 0 and ": 2 levels," in good.stdout, good.stdout + good.stderr)

for bad in sorted(os.listdir(os.path.join(data, "ladders", "bad"))):
    if bad == "EXPECTED":
        continue
    path = os.path.join(data, "ladders", "bad", bad)
    result = run("--validate-ladder", path)
    shape = re.match(r"^(.+):(\d+):(\d+): \S", result.stderr)
    check(f"{bad} is refused", result.returncode != 0 and result.stdout == "", result.stdout)
    check(f"{bad} error is FILE:LINE:COL", shape is not None and shape.group(1).endswith(bad),
          result.stderr)
    check(f"{bad} reveals no other file", "root:x:0" not in result.stderr, result.stderr)

missing = run("--validate-ladder", "/nonexistent/ladder.xml")
check("missing file fails", missing.returncode != 0 and missing.stderr.startswith("/nonexistent/ladder.xml:"),
      missing.stderr)

with tempfile.TemporaryDirectory() as tmp:
    panel = os.path.join(tmp, "demo.rung")
    demo = run("--demo", panel)
    check("--demo creates a panel", demo.returncode == 0 and os.path.exists(panel), demo.stderr)
    check("the demo panel is private", stat.S_IMODE(os.stat(panel).st_mode) == 0o600,
          oct(os.stat(panel).st_mode))
    before = open(panel, "rb").read()
    again = run("--demo", panel)
    check("--demo refuses an existing file",
          again.returncode != 0 and "already exists" in again.stderr and open(panel, "rb").read() == before,
          again.stderr)

    out = os.path.join(tmp, "decisions.csv")
    csv_run = run("--export-csv", out, panel)
    check("--export-csv succeeds", csv_run.returncode == 0, csv_run.stderr)
    rows = open(out, newline="", encoding="utf-8").read().split("\r\n")
    check("one header and six candidates", len(rows) == 8 and rows[-1] == "", repr(rows[:2]))
    check("CSV header", rows[0].startswith("Name,Current level,Target level,Manager,Status,Outcome"), rows[0])
    check("a decided candidate's row", any(r.startswith("Amara Okafor,L5,L6,Daniel Ferreira,Decided,Promote,4,0,0,") for r in rows),
          "\n".join(rows))

    # PDFs: the committee book, a packet, on either paper, without a display.
    def pdfinfo(path):
        info = subprocess.run(["pdfinfo", "-enc", "UTF-8", path], capture_output=True, text=True, env=env).stdout
        return dict(line.split(":", 1) for line in info.splitlines() if ":" in line)

    book = os.path.join(tmp, "book.pdf")
    pdf_env = dict(env, SOURCE_DATE_EPOCH="1795512600")  # 24 November 2026, 09:30 UTC
    book_run = subprocess.run([rung, "--export-pdf", book, "--paper", "a4", panel],
                              capture_output=True, text=True, env=pdf_env, timeout=120)
    check("--export-pdf writes the committee book", book_run.returncode == 0 and os.path.exists(book),
          book_run.stderr)
    pages = re.match(r"^Wrote .*book\.pdf: (\d+) pages\n$", book_run.stdout)
    check("--export-pdf says how many pages", pages is not None, repr(book_run.stdout))
    info = pdfinfo(book) if os.path.exists(book) else {}
    check("the book's pages", pages is not None and info.get("Pages", "").strip() == pages.group(1),
          repr(info.get("Pages")))
    check("the book's title", info.get("Title", "").strip() == "Committee book: H2 2026 Staff+ promotions",
          repr(info.get("Title")))
    check("the book's author", info.get("Author", "").strip() == "Engineering Promotion Committee",
          repr(info.get("Author")))
    check("the book's date", "Nov 24" in info.get("CreationDate", "") and "2026" in info.get("CreationDate", ""),
          repr(info.get("CreationDate")))
    check("the book is A4", "595.276 x 841.89" in info.get("Page size", ""), repr(info.get("Page size")))
    check("the book is private", os.path.exists(book) and stat.S_IMODE(os.stat(book).st_mode) == 0o600)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", book, "-"], capture_output=True, text=True).stdout
    check("the book holds every candidate",
          all(name in text for name in ("Amara Okafor", "Kenji Watanabe", "Viktor Petrov", "Summary of decisions")),
          text[:400])

    packet = os.path.join(tmp, "packet.pdf")
    packet_run = run("--export-pdf", packet, "--candidate", "Amara Okafor", "--paper", "letter", panel)
    check("--export-pdf --candidate writes a packet", packet_run.returncode == 0, packet_run.stderr)
    info = pdfinfo(packet) if os.path.exists(packet) else {}
    check("the packet's title", info.get("Title", "").strip() == "Promotion packet: Amara Okafor",
          repr(info.get("Title")))
    check("the packet is US Letter", "612 x 792" in info.get("Page size", ""), repr(info.get("Page size")))
    check("the packet is shorter than the book",
          pages is not None and 0 < int(info.get("Pages", "0")) < int(pages.group(1)), repr(info.get("Pages")))

    nobody = os.path.join(tmp, "nobody.pdf")
    missing_run = run("--export-pdf", nobody, "--candidate", "Nobody Atall", panel)
    check("--candidate must name a candidate",
          missing_run.returncode != 0 and "Nobody Atall" in missing_run.stderr and not os.path.exists(nobody),
          missing_run.stderr)
    paper_run = run("--export-pdf", nobody, "--paper", "a5", panel)
    check("--paper knows a4 and letter",
          paper_run.returncode != 0 and "a4 or letter" in paper_run.stderr and not os.path.exists(nobody),
          paper_run.stderr)
    alone = run("--candidate", "Amara Okafor", panel)
    check("--candidate alone is refused", alone.returncode != 0 and "--export-pdf" in alone.stderr, alone.stderr)

    # Minutes: the demo panel has had no meeting yet.
    minutes = os.path.join(tmp, "minutes.pdf")
    none_run = run("--export-minutes", minutes, panel)
    check("--export-minutes needs an ended meeting",
          none_run.returncode != 0 and "no meeting that has ended" in none_run.stderr and
          not os.path.exists(minutes), none_run.stderr)

    # A meeting that ended, as the window would have left it, and one under
    # way after it, blind.
    db = sqlite3.connect(panel)
    with db:
        ended_id = db.execute("INSERT INTO meetings (title, minutes_per_candidate, blind, started_at)"
                              " VALUES ('Calibration round', 12, 0,"
                              " strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 hours'))").lastrowid
        ids = [row[0] for row in db.execute("SELECT id FROM candidates WHERE deleted_at IS NULL ORDER BY name")]
        for position, candidate in enumerate(ids):
            decided = db.execute("SELECT count(*) FROM decisions WHERE candidate_id = ?", (candidate,)).fetchone()[0]
            db.execute("INSERT INTO agenda (meeting_id, candidate_id, position, state, seconds_spent, alias)"
                       " VALUES (?, ?, ?, ?, ?, ?)",
                       (ended_id, candidate, position, "decided" if decided else "waiting", 540 + 60 * position,
                        position))
        db.execute("INSERT INTO attendees (meeting_id, panelist_id, name) SELECT ?, id, name FROM panelists",
                   (ended_id,))
        db.execute("UPDATE meetings SET ended_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", (ended_id,))
    db.close()

    minutes_run = run("--export-minutes", minutes, "--paper", "a4", panel)
    check("--export-minutes writes the last ended meeting's minutes",
          minutes_run.returncode == 0 and os.path.exists(minutes), minutes_run.stderr)
    check("--export-minutes says how many pages",
          re.match(r"^Wrote .*minutes\.pdf: \d+ pages?\n$", minutes_run.stdout) is not None, repr(minutes_run.stdout))
    check("the minutes are private", os.path.exists(minutes) and stat.S_IMODE(os.stat(minutes).st_mode) == 0o600)
    info = pdfinfo(minutes) if os.path.exists(minutes) else {}
    check("the minutes' title", info.get("Title", "").strip() == "Minutes: Calibration round", repr(info.get("Title")))
    check("the minutes are A4", "595.276 x 841.89" in info.get("Page size", ""), repr(info.get("Page size")))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", minutes, "-"], capture_output=True, text=True).stdout
    missing = [word for word in ("Amara Okafor", "Viktor Petrov", "Promote", "Not decided", "Summary",
                                 "12 minutes for each candidate") if word not in text]
    check("the minutes name the candidates and the decisions", not missing, f"missing {missing}: {text[:3000]}")

    # A blind meeting under way: its draft minutes, and the earlier ones,
    # name nobody.
    db = sqlite3.connect(panel)
    with db:
        open_id = db.execute("INSERT INTO meetings (title, blind) VALUES ('Follow-up', 1)").lastrowid
        for position, candidate in enumerate(ids):
            db.execute("INSERT INTO agenda (meeting_id, candidate_id, position, alias) VALUES (?, ?, ?, ?)",
                       (open_id, candidate, position, (position + 2) % len(ids)))
    db.close()
    names = ("Amara", "Okafor", "Kenji", "Viktor", "Payments Platform")

    again_run = run("--export-minutes", minutes, panel)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", minutes, "-"], capture_output=True, text=True).stdout
    check("the minutes are still of the last ended meeting",
          again_run.returncode == 0 and "Calibration round" in text and "Follow-up" not in text,
          again_run.stderr + text[:300])
    check("the minutes name no candidate while a blind meeting is under way",
          "Candidate A" in text and not any(name in text for name in names), text[:600])

    draft = os.path.join(tmp, "draft.pdf")
    draft_run = run("--export-minutes", draft, "--meeting", str(open_id), panel)
    draft_text = subprocess.run(["pdftotext", "-enc", "UTF-8", draft, "-"], capture_output=True,
                                text=True).stdout if os.path.exists(draft) else ""
    check("--meeting picks a meeting, even one under way",
          draft_run.returncode == 0 and "Follow-up" in draft_text and "DRAFT" in draft_text.replace(" ", ""),
          draft_run.stderr + draft_text[:300])
    check("the draft minutes of a blind meeting name no candidate",
          "Candidate A" in draft_text and not any(name in draft_text for name in names),
          draft_text[:600])

    unknown = os.path.join(tmp, "unknown.pdf")
    unknown_run = run("--export-minutes", unknown, "--meeting", "999", panel)
    check("--meeting must name a meeting of the panel",
          unknown_run.returncode != 0 and "no meeting 999" in unknown_run.stderr and
          "Calibration round" in unknown_run.stderr and not os.path.exists(unknown), unknown_run.stderr)
    word_run = run("--export-minutes", unknown, "--meeting", "first", panel)
    check("--meeting takes a number",
          word_run.returncode != 0 and "“first”" in word_run.stderr and not os.path.exists(unknown), word_run.stderr)
    stray = run("--meeting", str(ended_id), panel)
    check("--meeting alone is refused", stray.returncode != 0 and "--export-minutes" in stray.stderr, stray.stderr)

    notes = os.path.join(tmp, "notes.txt")
    open(notes, "w").write("not a panel")
    bad = run("--export-csv", out, notes)
    check("--export-csv refuses what is not a panel", bad.returncode != 0 and "not a Rung panel" in bad.stderr,
          bad.stderr)
    bad_pdf = run("--export-pdf", os.path.join(tmp, "notes.pdf"), notes)
    check("--export-pdf refuses what is not a panel",
          bad_pdf.returncode != 0 and "not a Rung panel" in bad_pdf.stderr and
          not os.path.exists(os.path.join(tmp, "notes.pdf")), bad_pdf.stderr)
    bad_minutes = run("--export-minutes", os.path.join(tmp, "notes-minutes.pdf"), notes)
    check("--export-minutes refuses what is not a panel",
          bad_minutes.returncode != 0 and "not a Rung panel" in bad_minutes.stderr and
          not os.path.exists(os.path.join(tmp, "notes-minutes.pdf")), bad_minutes.stderr)

version = run("--version")
check("--version", version.returncode == 0 and version.stdout.startswith("rung "), version.stdout)

sys.exit(1 if failures else 0)

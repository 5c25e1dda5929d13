#!/usr/bin/env python3
"""The headless command line: rung --validate-ladder, without a display."""

import os
import re
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

    notes = os.path.join(tmp, "notes.txt")
    open(notes, "w").write("not a panel")
    bad = run("--export-csv", out, notes)
    check("--export-csv refuses what is not a panel", bad.returncode != 0 and "not a Rung panel" in bad.stderr,
          bad.stderr)

version = run("--version")
check("--version", version.returncode == 0 and version.stdout.startswith("rung "), version.stdout)

sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""The headless command line: rung --validate-ladder, without a display."""

import os
import re
import subprocess
import sys

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

version = run("--version")
check("--version", version.returncode == 0 and version.stdout.startswith("rung "), version.stdout)

sys.exit(1 if failures else 0)

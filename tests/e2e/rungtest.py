"""Shared helpers for Rung's end-to-end tests through the accessibility tree."""

import os
import subprocess
import sys
import time

from dogtail.config import config

config.searchCutoffCount = 5
config.defaultDelay = 0.2
config.actionDelay = 0.2
config.typingDelay = 0.02
config.logDebugToFile = False
config.logDebugToStdOut = False

import dogtail.tree  # noqa: E402  (must follow the config)


class Failure(Exception):
    pass


def start(rung, *args, cwd=None):
    """Starts the real binary and returns (process, its accessible application)."""
    proc = subprocess.Popen([os.path.abspath(rung), *args], cwd=cwd)
    deadline = time.time() + 30
    while time.time() < deadline:
        if proc.poll() is not None:
            raise Failure(f"rung exited early with status {proc.returncode}")
        try:
            for app in dogtail.tree.root.applications():
                if app.name == "rung":
                    return proc, app
        except Exception:  # the registry may not answer yet
            pass
        time.sleep(0.5)
    proc.kill()
    raise Failure("rung never appeared in the accessibility tree")


def spoken(name):
    """The name as a screen reader says it. GTK 4.8 names a button with a
    label by its label twice ("Open Open"); say it once."""
    name = (name or "").replace("_", "")
    half = (len(name) - 1) // 2
    if len(name) % 2 == 1 and name[half] == " " and name[:half] == name[half + 1:]:
        return name[:half]
    return name


def find(node, name, role=None, timeout=10):
    """Finds a descendant by accessible name (and role), waiting for it to appear."""
    deadline = time.time() + timeout
    while True:
        found = node.findChild(lambda n: spoken(n.name) == name and (role is None or n.roleName == role),
                               retry=False, requireResult=False)
        if found is not None:
            return found
        if time.time() > deadline:
            raise Failure(f"no {role or 'node'} named {name!r} in the accessibility tree")
        time.sleep(0.3)


def names(node):
    """Every accessible name under node, and the contents of text fields."""
    out = []

    def walk(n, depth=0):
        if depth > 60:
            return
        try:
            if n.name:
                out.append(n.name)
            if n.roleName == "text" and n.text:
                out.append(n.text)
            for child in n.children:
                walk(child, depth + 1)
        except Exception:
            pass

    walk(node)
    return out


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def run(test):
    rung = sys.argv[1]
    try:
        test(rung)
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        sys.exit(1)
    print("ok")

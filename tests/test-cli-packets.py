#!/usr/bin/env python3
"""Packets on the command line: rung --export-packet and --import-packet, with
--allow-unmapped, --replace and --keep-both, without a display."""

import hashlib
import os
import re
import sqlite3
import stat
import subprocess
import sys
import tempfile

rung, data, schema = sys.argv[1], sys.argv[2], sys.argv[3]
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
    return subprocess.run([rung, *args], capture_output=True, text=True, env=env, timeout=120)


def query(panel, sql, *args):
    db = sqlite3.connect(f"file:{panel}?mode=ro", uri=True)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def live_names(panel):
    return sorted(row[0] for row in query(panel, "SELECT name FROM candidates WHERE deleted_at IS NULL"))


def evidence_of(panel, name):
    """Every item of the live candidate NAME, as the file holds it."""
    return query(panel,
                 "SELECT e.expectation_id, e.title, e.text, e.link, e.date, e.author"
                 " FROM evidence e JOIN candidates c ON c.id = e.candidate_id"
                 " WHERE c.name = ? AND c.deleted_at IS NULL ORDER BY e.expectation_id, e.position", name)


def fingerprint(panel):
    """What must not change when an import is refused."""
    return (query(panel, "SELECT count(*) FROM candidates")[0][0],
            query(panel, "SELECT count(*) FROM evidence")[0][0],
            query(panel, "SELECT count(*) FROM audit")[0][0])


def edited(source, target, *replacements):
    """A copy of the packet SOURCE with each regular expression replaced once."""
    text = open(source, encoding="utf-8").read()
    for pattern, new in replacements:
        check(f"the packet holds {pattern!r} to replace", re.search(pattern, text) is not None)
        text = re.sub(pattern, new, text, count=1)
    open(target, "w", encoding="utf-8").write(text)
    return target


def refused(result):
    shape = re.match(r"^(.+):(\d+):(\d+): \S", result.stderr)
    return result.returncode != 0 and shape is not None


with tempfile.TemporaryDirectory() as tmp:
    manager = os.path.join(tmp, "manager.rung")
    committee = os.path.join(tmp, "committee.rung")
    check("a demo panel for the manager", run("--demo", manager).returncode == 0)
    check("a demo panel for the committee", run("--demo", committee).returncode == 0)

    # The committee's panel starts without candidates.
    db = sqlite3.connect(committee)
    with db:
        db.execute("UPDATE candidates SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
    db.close()

    # Export
    packet = os.path.join(tmp, "amara.rungpacket")
    exported = run("--export-packet", packet, "--candidate", "Amara Okafor", manager)
    n_items = len(evidence_of(manager, "Amara Okafor"))
    check("--export-packet writes the packet", exported.returncode == 0 and os.path.exists(packet), exported.stderr)
    check("--export-packet says what it wrote",
          exported.stdout == f"Wrote {packet}: the packet of Amara Okafor, {n_items} items of evidence\n",
          repr(exported.stdout))
    check("the packet is private", stat.S_IMODE(os.stat(packet).st_mode) == 0o600, oct(os.stat(packet).st_mode))
    valid = subprocess.run(["xmllint", "--noout", "--relaxng", schema, packet], capture_output=True, text=True)
    check("the packet is valid against data/packet.rng", valid.returncode == 0, valid.stderr)
    check("the packet names the ladder and its SHA-256",
          re.search(r'<ladder [^>]*id="rung-engineering"', open(packet).read()) is not None and
          re.search(r'sha256="[0-9a-f]{64}"', open(packet).read()) is not None)

    nobody = os.path.join(tmp, "nobody.rungpacket")
    missing = run("--export-packet", nobody, "--candidate", "Nobody Atall", manager)
    check("--export-packet needs a candidate of the panel",
          missing.returncode != 0 and "Nobody Atall" in missing.stderr and not os.path.exists(nobody), missing.stderr)
    unnamed = run("--export-packet", nobody, manager)
    check("--export-packet needs --candidate",
          unnamed.returncode != 0 and "--candidate" in unnamed.stderr and not os.path.exists(nobody), unnamed.stderr)

    # Import: the round trip gives identical evidence.
    imported = run("--import-packet", packet, committee)
    check("--import-packet imports", imported.returncode == 0, imported.stderr)
    check("--import-packet says what it did",
          imported.stdout == f"Imported Amara Okafor from {packet}: {n_items} items of evidence\n",
          repr(imported.stdout))
    check("the candidate is in the committee's panel", live_names(committee) == ["Amara Okafor"],
          live_names(committee))
    check("export then import gives identical evidence",
          n_items > 0 and evidence_of(committee, "Amara Okafor") == evidence_of(manager, "Amara Okafor"))
    details = "SELECT current_level, target_level, manager, team, summary FROM candidates" \
              " WHERE name = 'Amara Okafor' AND deleted_at IS NULL"
    check("and identical details", query(committee, details) == query(manager, details))

    # A duplicate is refused, unless --replace or --keep-both.
    before = fingerprint(committee)
    again = run("--import-packet", packet, committee)
    check("a duplicate is refused", again.returncode != 0 and "already in the panel" in again.stderr, again.stderr)
    check("the refusal says what to do", "--replace" in again.stderr and "--keep-both" in again.stderr,
          again.stderr)
    check("a refused duplicate changes nothing", fingerprint(committee) == before)

    both = run("--import-packet", packet, "--replace", "--keep-both", committee)
    check("--replace and --keep-both together are refused", both.returncode != 0 and fingerprint(committee) == before,
          both.stderr)
    alone = run("--replace", committee)
    check("--replace alone is refused", alone.returncode != 0 and "--import-packet" in alone.stderr, alone.stderr)

    replaced = run("--import-packet", packet, "--replace", committee)
    check("--replace replaces", replaced.returncode == 0 and live_names(committee) == ["Amara Okafor"],
          replaced.stderr)
    check("the replaced candidate is kept, deleted",
          query(committee, "SELECT count(*) FROM candidates WHERE name = 'Amara Okafor'"
                           " AND deleted_at IS NOT NULL")[0][0] >= 2)
    kept = run("--import-packet", packet, "--keep-both", committee)
    check("--keep-both keeps both",
          kept.returncode == 0 and live_names(committee) == ["Amara Okafor", "Amara Okafor"], kept.stderr)

    # Another version of the ladder: what does not map is reported first.
    items = re.findall(r'expectation="([^"]+)"', open(packet).read())
    other_version = edited(packet, os.path.join(tmp, "v2.rungpacket"),
                           (r'(<ladder [^>]*)version="1\.0"', r'\1version="0.9"'),
                           (f'expectation="{items[0]}"', 'expectation="l6-retired-expectation"'))
    ladder_line = open(other_version).read().split('<ladder ')[0].count("\n") + 1
    db = sqlite3.connect(committee)
    with db:
        db.execute("UPDATE candidates SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
    db.close()
    before = fingerprint(committee)
    unmapped = run("--import-packet", other_version, committee)
    check("an unmapped item is refused", unmapped.returncode != 0 and "l6-retired-expectation" in unmapped.stderr,
          unmapped.stderr)
    check("the refusal names the versions", "version 0.9" in unmapped.stderr and "version 1.0" in unmapped.stderr,
          unmapped.stderr)
    check("the unmapped item is named by FILE:LINE:COLUMN",
          re.search(r"v2\.rungpacket:\d+:\d+: The evidence .*l6-retired-expectation", unmapped.stderr) is not None,
          unmapped.stderr)
    check("the refusal says what to do", "--allow-unmapped" in unmapped.stderr, unmapped.stderr)
    check("a refused unmapped packet changes nothing", fingerprint(committee) == before)

    allowed = run("--import-packet", other_version, "--allow-unmapped", committee)
    check("--allow-unmapped imports what maps",
          allowed.returncode == 0 and len(evidence_of(committee, "Amara Okafor")) == n_items - 1,
          allowed.stderr + allowed.stdout)
    check("--allow-unmapped says what it left out",
          "left out:" in allowed.stderr and "l6-retired-expectation" in allowed.stderr, allowed.stderr)

    other_ladder = edited(packet, os.path.join(tmp, "design.rungpacket"),
                          (r'(<ladder [^>]*)id="rung-engineering"', r'\1id="design-ladder"'))
    before = fingerprint(committee)
    foreign = run("--import-packet", other_ladder, "--allow-unmapped", "--keep-both", committee)
    check("a packet of another ladder is refused",
          refused(foreign) and "design-ladder" in foreign.stderr and
          foreign.stderr.startswith(f"{other_ladder}:{ladder_line}:"), foreign.stderr)
    check("a packet of another ladder changes nothing", fingerprint(committee) == before)

    # Hostile packets change nothing and say where.
    bad_dir = os.path.join(data, "packets", "bad")
    for bad in sorted(os.listdir(bad_dir)):
        if bad == "EXPECTED":
            continue
        result = run("--import-packet", os.path.join(bad_dir, bad), committee)
        check(f"{bad} is refused with FILE:LINE:COLUMN",
          refused(result) and result.stderr.split(":")[0].endswith(bad),
              result.stderr)
        check(f"{bad} reveals no other file", "root:x:0" not in result.stderr, result.stderr)
        check(f"{bad} changes nothing", fingerprint(committee) == before)

    # Many at once: each all or nothing, the good ones in.
    second = os.path.join(tmp, "kenji.rungpacket")
    check("a second packet", run("--export-packet", second, "--candidate", "Kenji Watanabe", manager).returncode == 0)
    first_bad = sorted(name for name in os.listdir(bad_dir) if name != "EXPECTED")[0]
    mixed = run("--import-packet", second, "--import-packet", os.path.join(bad_dir, first_bad), committee)
    check("a bad packet among good ones fails the command",
          mixed.returncode != 0 and "1 of 2 packets was not imported" in mixed.stderr, mixed.stderr)
    check("and the good one is in", "Kenji Watanabe" in live_names(committee), live_names(committee))

    # A panel that cannot be written.
    os.chmod(committee, 0o444)
    before = fingerprint(committee)
    read_only = run("--import-packet", packet, "--keep-both", committee)
    check("a read-only panel is refused", read_only.returncode != 0 and "read" in read_only.stderr.lower(),
          read_only.stderr)
    check("a read-only panel is unchanged", fingerprint(committee) == before)
    os.chmod(committee, 0o600)

    absent = run("--import-packet", os.path.join(tmp, "absent.rungpacket"), committee)
    check("a missing packet is named", absent.returncode != 0 and "absent.rungpacket" in absent.stderr,
          absent.stderr)

sys.exit(1 if failures else 0)

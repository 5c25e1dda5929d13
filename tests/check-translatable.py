#!/usr/bin/env python3
"""Fails when a user-visible string of Rung is not marked for translation.

Three checks, over the source tree given as the first argument:

1. po/POTFILES.in lists every file with marked strings, and nothing else.
2. C files: xgettext extracts every string literal (-a), and again only
   the marked ones (_(), N_(), C_(), NC_(), ngettext ()).  A literal left
   over that reads like words is a defect, unless it is
   - the message of a log call (g_warning (), g_debug (), …), which goes
     to developers, not users;
   - SQL, a GResource path, a signal or action name;
   - preceded by a comment that begins "Not translated:" and says why.
3. UI files: every property that users see (label, title, tooltip-text, …)
   with letters in it carries translatable="yes" (or "no" on purpose).
"""

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MARK_KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'ngettext:1,2',
                 'g_dngettext:2,3', 'g_dpgettext2:2c,3']
LOG_KEYWORDS = ['g_warning', 'g_critical', 'g_error', 'g_debug', 'g_message',
                'g_info', 'g_test_message', 'g_test_skip', 'g_test_fail_printf',
                'g_test_summary', 'g_test_bug', 'g_print_warning',
                # the bundled demo file's mistakes are a developer's
                'demo_file_error:3']
EXEMPT_TAG = 'Not translated:'

UI_PROPERTIES = {
    'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup',
    'placeholder-text', 'description', 'heading', 'body', 'text',
    'secondary-text', 'accessible-name', 'icon-name-tooltip',
    'primary-icon-tooltip-text', 'secondary-icon-tooltip-text',
    'accelerator-label', 'search-placeholder',
}
UI_ATTRIBUTES = {'label'}          # <attribute name="label"> in menus

SQL = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|'
                 r'BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|WHERE|FROM|JOIN|'
                 r'ORDER BY|GROUP BY|ON CONFLICT|PRIMARY KEY|NOT NULL|VALUES)\b')
WORDS = re.compile(r"[A-Za-z’']{2,}[,.;:!?]? +[A-Za-z%“]")
COLUMNS = re.compile(r'^[a-z_.]+(, [a-z_.]+)+$')      # SQL column lists
FONT = re.compile(r'^(Sans|Serif|Monospace)( [A-Z][a-z]+)* [0-9.]+$')
ONE_WORD = re.compile(r'^[A-Z][a-z]{2,}$')


def read_potfiles(top):
    with open(os.path.join(top, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f
                if line.strip() and not line.startswith('#')]


def source_files(top):
    found = []
    for folder in ('app', 'ui', 'data'):
        for root, _dirs, files in os.walk(os.path.join(top, folder)):
            for name in files:
                if name.endswith(('.c', '.ui', '.desktop.in', '.metainfo.xml.in',
                                  '.gschema.xml')):
                    found.append(os.path.relpath(os.path.join(root, name), top))
    return sorted(found)


def has_marks(top, path):
    with open(os.path.join(top, path), encoding='utf-8') as f:
        text = f.read()
    if path.endswith('.c'):
        return re.search(r'\b(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(', text) is not None
    if path.endswith('.ui'):
        return 'translatable="yes"' in text
    return True  # desktop, metainfo and schema files are always translated


def xgettext(top, files, keywords, extract_all=False):
    with tempfile.NamedTemporaryFile(suffix='.pot', delete=False) as out:
        pot = out.name
    args = ['xgettext', '--from-code=UTF-8', '-L', 'C', '--no-wrap',
            '--add-comments=' + EXEMPT_TAG, '-o', pot, '-D', top]
    if extract_all:
        args.append('-a')
    else:
        args.append('-k')
        args += ['-k' + k for k in keywords]
    subprocess.run(args + files, check=True, stderr=subprocess.DEVNULL)
    try:
        with open(pot, encoding='utf-8') as f:
            return parse_pot(f.read())
    finally:
        os.unlink(pot)


def parse_pot(text):
    """Yields (msgid, msgid_plural, references, comments) per entry."""
    entries = []
    for block in text.split('\n\n'):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if not msgid:
            continue
        plural = re.search(r'^msgid_plural ((?:".*"\n?)+)', block, re.M)
        refs = []
        for line in re.findall(r'^#: (.*)$', block, re.M):
            refs += line.split()
        entries.append((
            ''.join(re.findall(r'"(.*)"', msgid.group(1))),
            ''.join(re.findall(r'"(.*)"', plural.group(1))) if plural else None,
            refs,
            re.findall(r'^#\. (.*)$', block, re.M),
        ))
    return entries


def reads_like_words(text):
    if SQL.search(text) or COLUMNS.match(text) or FONT.match(text):
        return False
    if text.startswith(('/dev/rung/', 'notify::', 'changed::')):
        return False
    return WORDS.search(text) is not None or ONE_WORD.match(text) is not None


def check_potfiles(top, listed):
    problems = []
    for path in listed:
        if not os.path.exists(os.path.join(top, path)):
            problems.append(f'po/POTFILES.in: {path} does not exist')
    for path in source_files(top):
        marked = has_marks(top, path)
        if marked and path not in listed:
            problems.append(f'{path}: has marked strings but is not in po/POTFILES.in')
        if not marked and path in listed and path.endswith('.c'):
            problems.append(f'po/POTFILES.in: {path} has no marked strings')
    return problems


def check_c(top):
    files = [p for p in source_files(top) if p.endswith('.c')]
    marked = set()
    for msgid, plural, _refs, _comments in xgettext(top, files, MARK_KEYWORDS):
        marked.add(msgid)
        if plural:
            marked.add(plural)
    logged = set()
    for _msgid, _plural, refs, _comments in xgettext(top, files, LOG_KEYWORDS):
        logged.update(refs)

    problems = []
    for msgid, _plural, refs, comments in xgettext(top, files, [], extract_all=True):
        if msgid in marked or not reads_like_words(msgid):
            continue
        if any(c.startswith(EXEMPT_TAG) for c in comments):
            continue
        for ref in refs:
            if ref not in logged:
                problems.append(f'{ref}: "{msgid}" is not marked for translation')
    return problems


def check_ui(top):
    problems = []
    for path in (p for p in source_files(top) if p.endswith('.ui')):
        tree = ET.parse(os.path.join(top, path))
        for element in tree.iter():
            name = element.get('name')
            visible = ((element.tag == 'property' and name in UI_PROPERTIES) or
                       (element.tag == 'attribute' and name in UI_ATTRIBUTES) or
                       element.tag == 'item')
            text = (element.text or '').strip()
            if not visible or not re.search(r'[A-Za-z]{2}', text):
                continue
            if element.get('translatable') not in ('yes', 'no'):
                problems.append(f'{path}: <{element.tag} name="{name}">{text}</{element.tag}> '
                                'needs translatable="yes"')
    return problems


def main():
    top = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
    problems = check_potfiles(top, read_potfiles(top)) + check_c(top) + check_ui(top)
    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} user-visible strings or files are not marked for translation.')
        return 1
    print('Every user-visible string is marked for translation.')
    return 0


if __name__ == '__main__':
    sys.exit(main())

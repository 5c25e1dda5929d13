#!/usr/bin/env python3
"""Fails when a translation of Rung is incomplete or would break a string.

For every language in po/LINGUAS: extracts the messages afresh from the
files of po/POTFILES.in (so a string added to the sources and not yet
translated is found without running `ninja rung-update-po`), merges the
language's .po file against them, and asks for every message translated,
nothing fuzzy, and

- the printf directives as in the original (msgfmt --check);
- one mnemonic underscore where the original has one;
- the ellipsis where the original has one;
- German quotation marks („…“) where the original quotes (“…”).
"""

import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'ngettext:1,2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3']
MNEMONIC = re.compile(r'_[^\W_]')


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def extract(top, pot):
    run(['xgettext', '--package-name=rung', '--from-code=UTF-8', '--add-comments',
         '-D', top, '--files-from=' + os.path.join(top, 'po', 'POTFILES.in'),
         '-o', pot] + ['--keyword=' + k for k in KEYWORDS])


def entries(po):
    text = run(['msgcat', '--no-wrap', po]).stdout
    for block in text.split('\n\n'):
        if block.startswith('#~'):
            continue
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        if not msgid or msgid.group(1) == '':
            continue
        plural = re.search(r'^msgid_plural "(.*)"$', block, re.M)
        strs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', block, re.M)
        yield msgid.group(1), plural.group(1) if plural else None, strs, block


def style_problems(language, msgid, strs):
    problems = []
    for msgstr in strs:
        if msgstr == '':
            continue
        if len(MNEMONIC.findall(msgid)) == 1 and len(MNEMONIC.findall(msgstr)) != 1:
            problems.append(f'"{msgstr}" needs one mnemonic underscore, as "{msgid}" has')
        if '…' in msgid and '…' not in msgstr:
            problems.append(f'"{msgstr}" lost the ellipsis of "{msgid}"')
        if language == 'de' and '”' in msgstr:
            problems.append(f'"{msgstr}" quotes the English way; German quotes „so“')
    return problems


def check_language(top, pot, language, workdir):
    po = os.path.join(top, 'po', language + '.po')
    merged = os.path.join(workdir, language + '.po')
    run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot])
    check = subprocess.run(['msgfmt', '--check', '-o', os.devnull, merged],
                           capture_output=True, text=True)
    problems = [line for line in check.stderr.splitlines() if line.strip()]

    for msgid, _plural, strs, block in entries(merged):
        if not strs or any(s == '' for s in strs):
            problems.append(f'{language}: not translated: "{msgid}"')
        elif '#, fuzzy' in block or re.search(r'^#,.*\bfuzzy\b', block, re.M):
            problems.append(f'{language}: fuzzy: "{msgid}"')
        problems += [f'{language}: {p}' for p in style_problems(language, msgid, strs)]
    return problems


def main():
    top = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
    with open(os.path.join(top, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]
    if not languages:
        print('po/LINGUAS names no language')
        return 1

    problems = []
    with tempfile.TemporaryDirectory() as workdir:
        pot = os.path.join(workdir, 'rung.pot')
        extract(top, pot)
        for language in languages:
            problems += check_language(top, pot, language, workdir)

    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} problems in the translations.')
        return 1
    print(f'Complete: {", ".join(languages)}.')
    return 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""The command line and the PDFs in German, as a German user's session has
them (LANGUAGE=de and a German locale; tests/meson.build sets both): the
messages, the PDFs' fixed texts, dates and numbers in German, A4 paper from
the locale, and the ladder's own texts as the ladder file has them.

Usage: test-cli-german.py RUNG LADDER"""

import csv
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

RUNG, LADDER = sys.argv[1], sys.argv[2]
NS = '{https://rung.dev/ns/ladder/1}'
MONTHS = 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember'
failures = []


def check(condition, message):
    print(('ok - ' if condition else 'not ok - ') + message)
    if not condition:
        failures.append(message)


def rung(*args):
    return subprocess.run([RUNG, *args], capture_output=True, text=True)


def pdf_text(pdf, layout=True):
    return subprocess.run(['pdftotext'] + (['-layout'] if layout else []) + [pdf, '-'],
                          capture_output=True, text=True, check=True).stdout


def page_size(pdf):
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True, check=True).stdout
    return re.search(r'Page size:\s+([\d.]+) x ([\d.]+)', info).groups()


def ladder_texts():
    root = ET.parse(LADDER).getroot()
    return ([a.find(NS + 'title').text for a in root.iter(NS + 'area')],
            [e.find(NS + 'title').text for e in root.iter(NS + 'expectation')])


def main():
    check(os.environ.get('LANGUAGE') == 'de', 'runs in the German environment')
    areas, expectations = ladder_texts()

    with tempfile.TemporaryDirectory() as tmp:
        panel = os.path.join(tmp, 'demo.rung')

        result = rung('--help')
        check('Eine Gremiumsdatei für ein Beispielgremium' in result.stdout,
              '--help describes the options in German')
        check('--export-pdf' in result.stdout, '--help keeps the option names')

        result = rung('--demo', panel)
        check(result.returncode == 0 and result.stdout.startswith('Beispielgremium '),
              f'--demo says so in German: {result.stdout.strip()!r}')

        result = rung('--export-pdf', os.path.join(tmp, 'x.pdf'), os.path.join(tmp, 'none.rung'))
        check(result.returncode == 1 and 'Es gibt keine Gremiumsdatei' in result.stderr,
              f'a missing panel is named in German: {result.stderr.strip()!r}')

        result = rung('--candidate', 'Amara Okafor', panel)
        check(result.returncode != 0 and 'ist nur zusammen mit' in result.stderr,
              f'a misused option is explained in German: {result.stderr.strip()!r}')

        packet = os.path.join(tmp, 'amara.pdf')
        result = rung('--export-pdf', packet, '--candidate', 'Amara Okafor', panel)
        check(result.returncode == 0 and re.search(r'geschrieben: \d+ Seiten', result.stdout),
              f'--export-pdf reports in German: {result.stdout.strip()!r}{result.stderr.strip()!r}')
        if result.returncode == 0:
            text = pdf_text(packet)
            for words in ['Führungskraft', 'Zusammenfassung', 'Vertraulich', 'Seite 1 von',
                          'Erwartungen haben Nachweise', 'Bewertungen', 'Mittelwert']:
                check(words in text, f'the packet says “{words}”')
            check(re.search(rf'\b\d{{1,2}}\. ({MONTHS}) \d{{4}}\b', text) is not None,
                  'the packet dates the German way (2. Dezember 2026)')
            check(re.search(r'\s[0-4],\d\s', text) is not None,
                  'the mean ratings have a decimal comma (3,8)')
            check(all(a in text for a in areas), 'the ladder’s areas are as the file has them')
            flowing = ' '.join(pdf_text(packet, layout=False).split())
            shown = [e for e in expectations if e in flowing]
            check(len(shown) == len(expectations),
                  f'the ladder’s expectations are as the file has them ({len(shown)} of {len(expectations)})')
            check(page_size(packet) == ('595.276', '841.89') or
                  tuple(round(float(v)) for v in page_size(packet)) == (595, 842),
                  f'a German locale prints on A4 ({page_size(packet)})')

        book = os.path.join(tmp, 'book.pdf')
        result = rung('--export-pdf', book, panel)
        check(result.returncode == 0, 'the committee book is written')
        if result.returncode == 0:
            text = pdf_text(book)
            for words in ['Sitzungsmappe', 'Inhalt', 'Übersicht der Entscheidungen', 'Befördern']:
                check(words in text, f'the committee book says “{words}”')

        table = os.path.join(tmp, 'decisions.csv')
        result = rung('--export-csv', table, panel)
        check(result.returncode == 0, 'the decisions are written as CSV')
        with open(table, encoding='utf-8', newline='') as f:
            rows = list(csv.reader(f))
        check(rows[0][:3] == ['Name', 'Aktuelle Stufe', 'Zielstufe'],
              f'the CSV has German headings: {rows[0][:3]}')
        check(all(len(row) == len(rows[0]) for row in rows) and len(rows) > 1,
              'the CSV stays a table in German')

    if failures:
        print(f'{len(failures)} checks failed')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())

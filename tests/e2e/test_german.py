"""End to end, as a German committee member would: with LANGUAGE=de (and a
German locale for dates and numbers), open the demo panel and find the
window speaking German through the accessibility tree, the ladder's own
texts as the ladder file has them, and no English message of Rung left
untranslated anywhere in the tree: on a candidate's evidence, panel and
decision tabs, and in the main menu."""

import gettext
import os
import re
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET

from dogtail import rawinput

import rungtest
from rungtest import Failure, find, names, spoken, start, stop

LADDER = os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'ladders', 'l6.xml')
NS = '{https://rung.dev/ns/ladder/1}'


def german_catalog():
    mo = os.path.join(os.environ['RUNG_LOCALEDIR'], 'de', 'LC_MESSAGES', 'rung.mo')
    with open(mo, 'rb') as f:
        return gettext.GNUTranslations(f)._catalog


def english_messages(catalog):
    """The messages whose German differs, as a window would show them."""
    english = set()
    for key, german in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split('\x04')[-1]          # drop a context
        if msgid == '' or msgid == german or '%' in msgid or not re.search(r'[A-Za-z]{3}', msgid):
            continue
        english.add(msgid.replace('_', ''))
    return english


def ladder_texts():
    root = ET.parse(LADDER).getroot()
    lang = root.get('{http://www.w3.org/XML/1998/namespace}lang')
    areas = [a.find(NS + 'title').text for a in root.iter(NS + 'area')]
    return lang, areas


def untranslated(app, english):
    return sorted({spoken(n) for n in names(app)} & english)


def wait_for(app, text, timeout=20):
    deadline = time.time() + timeout
    while not any(text in spoken(n) for n in names(app)):
        if time.time() > deadline:
            raise Failure(f'{text!r} never appeared')
        time.sleep(0.3)


def test(rung):
    if os.environ.get('LANGUAGE') != 'de':
        raise Failure('run with the German environment of tests/meson.build')
    english = english_messages(german_catalog())
    lang, areas = ladder_texts()

    with tempfile.TemporaryDirectory() as folder:
        panel = os.path.join(folder, 'demo.rung')
        made = subprocess.run([rung, '--demo', panel], check=True, capture_output=True, text=True)
        if 'Beispielgremium' not in made.stdout:
            raise Failure(f'the command line answered in another language: {made.stdout!r}')

        proc, app = start(rung, panel)
        try:
            # The window, the sidebar and the candidate's page.
            for label in ['Hauptmenü', 'Sitzungsmodus', 'Kandidaten suchen', 'Nachweise',
                          'Gremium', 'Entscheidung', 'Details bearbeiten']:
                find(app, label, timeout=20)
            wait_for(app, 'Nachweise für 13 von 13 Erwartungen')

            # The ladder's texts are English in the file, and stay so.
            if lang != 'en':
                raise Failure(f'the L6 ladder says xml:lang="{lang}"')
            shown = {spoken(n) for n in names(app)}
            missing = [a for a in areas if a not in shown]
            if missing:
                raise Failure(f'ladder areas not shown as the file has them: {missing}')

            left = untranslated(app, english)
            if left:
                raise Failure(f'shown in English: {left}')

            # The panel's ratings, and how each panelist rates.
            find(app, 'Gremium', 'page tab').doActionNamed('click')
            wait_for(app, 'Wie jedes Gremiumsmitglied bewertet')
            left = untranslated(app, english)
            if left:
                raise Failure(f'shown in English on the Panel tab: {left}')

            # A decision: dates and numbers the German way.
            find(app, 'Entscheidung', 'page tab').doActionNamed('click')
            wait_for(app, 'Begründung')
            dates = [n for n in names(app) if re.search(r'\b\d\d\.\d\d\.\d{4}\b', n)]
            if not dates:
                raise Failure('no date in the German form (dd.mm.yyyy) on the Decision tab')
            left = untranslated(app, english)
            if left:
                raise Failure(f'shown in English on the Decision tab: {left}')

            # The main menu.
            rawinput.pressKey('F10')
            wait_for(app, 'Dossiers importieren…')
            left = untranslated(app, english)
            if left:
                raise Failure(f'shown in English in the main menu: {left}')
            rawinput.pressKey('Escape')
        finally:
            stop(proc)


if __name__ == '__main__':
    rungtest.run(test)

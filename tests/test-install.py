#!/usr/bin/env python3
"""Installs Rung into a temporary DESTDIR and validates every installed file.

Each installed file must match one of the kinds below, and each kind has
its validator; a file of no known kind fails the test, so that nothing is
installed unchecked. Beyond validating, the test asks the desktop what a
user's file manager would: which type a panel file is (by its name, and by
its contents alone), and which application opens it.

Usage: test-install.py BUILDDIR SOURCEDIR
"""

import fnmatch
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import zlib

APP_ID = 'dev.rung.Rung'
failures = []


def check(condition, message):
    print(('ok: ' if condition else 'FAIL: ') + message)
    if not condition:
        failures.append(message)


def run(args, env=None, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, env=env, **kwargs)


def passes(args, message, env=None):
    result = run(args, env=env)
    if result.returncode != 0:
        message = f'{message}\n{result.stdout}{result.stderr}'.strip()
    check(result.returncode == 0, message)
    return result


# --- validators, one per kind of installed file ------------------------------

def validate_binary(path, root):
    result = passes([path, '--version'], f'{path} --version runs')
    check(result.stdout.startswith('rung '), f'--version says "{result.stdout.strip()}"')


def validate_desktop(path, root):
    passes(['desktop-file-validate', path], f'desktop-file-validate {path}')
    with open(path, encoding='utf-8') as f:
        keys = dict(line.rstrip('\n').split('=', 1) for line in f if '=' in line)
    check(keys.get('Icon') == APP_ID, 'the desktop file names the app icon')
    check('application/x-rung-panel' in keys.get('MimeType', '').split(';'),
          'the desktop file opens panel files')
    check('%F' in keys.get('Exec', '') or '%U' in keys.get('Exec', ''),
          'the desktop file hands the files to open to Rung')
    check(any(k.startswith('Name[de]') for k in keys), 'the desktop file has a German name')


def validate_metainfo(path, root):
    passes(['appstreamcli', 'validate', '--no-net', '--pedantic', path],
           f'appstreamcli validate {path}')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    check(text.count('<screenshot') >= 3, 'the metainfo shows screenshots')
    check('<caption xml:lang="de">' in text, 'the screenshots have German captions')
    version = run([os.path.join(root, 'bin', 'rung'), '--version']).stdout.split()[-1]
    check(f'<release version="{version}"' in text,
          f'the metainfo has release notes for version {version}')
    check(f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text,
          'the metainfo launches the installed desktop file')


def validate_schema(path, root):
    passes(['glib-compile-schemas', '--strict', '--dry-run', os.path.dirname(path)],
           f'glib-compile-schemas --strict {path}')


def png_pixels(png):
    """The RGBA pixels of an 8-bit RGBA PNG, as gdk-pixbuf writes them."""
    with open(png, 'rb') as f:
        data = f.read()
    pos, idat, width, height = 8, b'', 0, 0
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            assert depth == 8 and colour == 6, 'an RGBA PNG'
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * 4, [], bytearray(width * 4)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - 4] if x >= 4 else 0
            b = previous[x]
            c = previous[x - 4] if x >= 4 else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        previous = line
    return [tuple(row[x:x + 4]) for row in rows for x in range(0, stride, 4)]


def render_icon(path, size):
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, 'icon.png')
        result = run(['gdk-pixbuf-thumbnailer', '-s', str(size), path, png])
        check(result.returncode == 0 and os.path.exists(png),
              f'{os.path.basename(path)} renders at {size} px {result.stderr.strip()}')
        return png_pixels(png) if os.path.exists(png) else []


def validate_icon(path, root):
    passes(['xmllint', '--noout', path], f'{path} is well-formed SVG')
    pixels = render_icon(path, 128)
    opaque = [p for p in pixels if p[3] > 200]
    check(len(opaque) > len(pixels) // 3, 'the app icon fills its square')
    check(len({p[:3] for p in opaque}) > 8, 'the app icon is in full colour')


def validate_symbolic_icon(path, root):
    passes(['xmllint', '--noout', path], f'{path} is well-formed SVG')
    pixels = render_icon(path, 16)
    drawn = [p for p in pixels if p[3] > 100]
    check(0 < len(drawn) < len(pixels), 'the symbolic icon draws a shape at 16 px')
    check(all(max(p[:3]) - min(p[:3]) < 40 for p in drawn),
          'the symbolic icon is one neutral colour, for the theme to recolour')


def validate_mime(path, root):
    share = os.path.join(root, 'share')
    passes(['update-mime-database', os.path.join(share, 'mime')],
           f'update-mime-database accepts {path}')
    passes(['update-desktop-database', os.path.join(share, 'applications')],
           'update-desktop-database accepts the desktop file')
    check_file_types(root)


def validate_translation(path, root):
    result = passes(['msgunfmt', path], f'{path} is a valid message catalogue')
    check('msgstr "Neues Gremium…"' in result.stdout or 'Gremium' in result.stdout,
          f'{path} holds the German texts')


def validate_ladder(path, root):
    schema = os.path.join(root, 'share', 'rung', 'ladder.rng')
    passes(['xmllint', '--noout', '--relaxng', schema, path],
           f'{os.path.basename(path)} follows the installed ladder.rng')
    passes([os.path.join(root, 'bin', 'rung'), '--validate-ladder', path],
           f'the installed rung loads {os.path.basename(path)}')


def validate_schema_rng(path, root):
    passes(['xmllint', '--noout', path], f'{path} is well-formed')


def validate_packet_rng(path, root):
    source = sys.argv[2]
    example = os.path.join(source, 'tests', 'data', 'packets', 'good', 'minimal.rungpacket')
    passes(['xmllint', '--noout', '--relaxng', path, example],
           'a packet validates against the installed packet.rng')


KINDS = [
    ('bin/rung', validate_binary),
    ('share/applications/dev.rung.Rung.desktop', validate_desktop),
    ('share/metainfo/dev.rung.Rung.metainfo.xml', validate_metainfo),
    ('share/glib-2.0/schemas/dev.rung.Rung.gschema.xml', validate_schema),
    ('share/icons/hicolor/scalable/apps/dev.rung.Rung.svg', validate_icon),
    ('share/icons/hicolor/symbolic/apps/dev.rung.Rung-symbolic.svg', validate_symbolic_icon),
    ('share/mime/packages/dev.rung.Rung.xml', validate_mime),
    ('share/locale/*/LC_MESSAGES/rung.mo', validate_translation),
    ('share/rung/ladders/*.xml', validate_ladder),
    ('share/rung/ladder.rng', validate_schema_rng),
    ('share/rung/packet.rng', validate_packet_rng),
]
REQUIRED = [pattern for pattern, _ in KINDS]


# --- what the desktop makes of Rung's files ---------------------------------

def desktop_env(root):
    env = dict(os.environ)
    home = tempfile.mkdtemp()
    env.update({
        'XDG_DATA_DIRS': os.path.join(root, 'share') + ':/usr/share',
        'XDG_DATA_HOME': os.path.join(home, 'data'),
        'XDG_CONFIG_HOME': os.path.join(home, 'config'),
        'XDG_CONFIG_DIRS': os.path.join(home, 'etc'),
        # GIO lists an application only when its program is on PATH.
        'PATH': os.path.join(root, 'bin') + ':' + env.get('PATH', ''),
    })
    return env


def content_type(path, env):
    result = run(['gio', 'info', '-a', 'standard::content-type', path], env=env)
    for line in result.stdout.splitlines():
        if 'standard::content-type:' in line:
            return line.split(':', 3)[-1].strip()
    return None


def check_file_types(root):
    env = desktop_env(root)
    rung = os.path.join(root, 'bin', 'rung')
    with tempfile.TemporaryDirectory() as tmp:
        panel = os.path.join(tmp, 'Review 2026.rung')
        passes([rung, '--demo', panel], 'the installed rung writes a demo panel')
        unnamed = os.path.join(tmp, 'attachment')
        shutil.copy(panel, unnamed)
        other = os.path.join(tmp, 'other.db')
        sqlite3.connect(other).execute('CREATE TABLE t (x)').connection.close()
        packet = os.path.join(tmp, 'ada.rungpacket')
        passes([rung, '--export-packet', packet, '--candidate', 'Amara Okafor', panel],
               'the installed rung writes a packet')

        check(content_type(panel, env) == 'application/x-rung-panel',
              'a .rung file is a Rung panel')
        check(content_type(unnamed, env) == 'application/x-rung-panel',
              'a panel without its extension is known by its contents')
        check(content_type(other, env) == 'application/vnd.sqlite3',
              'another SQLite file is not taken for a panel')
        check(content_type(packet, env) == 'application/x-rung-packet',
              'a .rungpacket file is a Rung packet')

    result = run(['gio', 'mime', 'application/x-rung-panel'], env=env)
    check(f'Default application for “application/x-rung-panel”: {APP_ID}.desktop' in result.stdout
          or f'{APP_ID}.desktop' in result.stdout.split('Registered applications:')[-1],
          'the file manager opens panels with Rung')


def main():
    builddir, _source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as destdir:
        result = run(['meson', 'install', '-C', builddir, '--destdir', destdir,
                      '--no-rebuild', '--quiet'])
        check(result.returncode == 0, f'meson install {result.stderr.strip()}')

        prefix = run(['meson', 'introspect', '--buildoptions', builddir]).stdout
        import json
        prefix = next(o['value'] for o in json.loads(prefix) if o['name'] == 'prefix')
        root = destdir + prefix

        installed = []
        for folder, _dirs, files in os.walk(root):
            installed += [os.path.relpath(os.path.join(folder, f), root) for f in files]
        installed.sort()

        for pattern in REQUIRED:
            check(any(fnmatch.fnmatch(p, pattern) for p in installed), f'installs {pattern}')
        for path in installed:
            kind = next((v for pattern, v in KINDS if fnmatch.fnmatch(path, pattern)), None)
            check(kind is not None, f'{path} is a kind of file this test validates')
            if kind is not None:
                kind(os.path.join(root, path), root)

    if failures:
        print(f'{len(failures)} checks failed')
        return 1
    print('every installed file is valid')
    return 0


if __name__ == '__main__':
    sys.exit(main())

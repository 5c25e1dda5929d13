/* store-fixture.h: a temporary folder and panel file for the store's tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "rung-store.h"

static inline RungStore *
store_fixture_create (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ladder = g_bytes_new_static ("<ladder/>", 9);
  RungPanelInfo info = { .name = (char *)"Test panel", .committee = (char *)"Committee" };
  RungStore *store;

  store = rung_store_create (path, &info, ladder,
                             "0000000000000000000000000000000000000000000000000000000000000000",
                             &error);
  g_assert_no_error (error);

  return store;
}

static inline void
store_fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0600);
      g_unlink (path);
    }
  g_chmod (dir, 0700);
  g_rmdir (dir);
}

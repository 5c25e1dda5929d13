/* window-fixture.h: a main window for widget tests, with a demo panel
 * file in a temporary folder of its own, removed afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "rung-candidate-list.h"
#include "rung-candidate-page.h"
#include "rung-demo.h"
#include "rung-panel.h"
#include "rung-panel-view.h"
#include "rung-window.h"
#include "widget-helpers.h"

typedef struct
{
  char       *dir;
  char       *path;
  RungWindow *window;
} Fixture;

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) demo = NULL;

  fixture->dir = g_dir_make_tmp ("rung-window-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "demo.rung", NULL);
  demo = rung_demo_create (fixture->path, &error);
  g_assert_no_error (error);
  rung_panel_close (demo);

  fixture->window = rung_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate_main_loop ();
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_chmod (path, 0600);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static inline RungPanelView *
panel_view_of (Fixture *fixture)
{
  return template_child (fixture->window, RUNG_TYPE_WINDOW, "panel_view");
}

static inline RungCandidateList *
candidate_list_of (Fixture *fixture)
{
  return template_child (panel_view_of (fixture), RUNG_TYPE_PANEL_VIEW, "candidate_list");
}

static inline RungCandidatePage *
candidate_page_of (Fixture *fixture)
{
  return template_child (panel_view_of (fixture), RUNG_TYPE_PANEL_VIEW, "candidate_page");
}

static inline void
open_demo (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);

  g_assert_true (rung_window_open_panel_file (fixture->window, file));
  iterate_main_loop ();
}

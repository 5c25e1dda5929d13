/* main.c: starts Rung: one of its headless commands, or the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rung-application.h"
#include "rung-command-line.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RungApplication) app = NULL;
  const char *localedir = g_getenv ("RUNG_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Run from the build tree (build-aux/dev run, the tests), the
   * translations are not installed yet: RUNG_LOCALEDIR names where the
   * build put them. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands never touch GTK, so they run without a display. */
  if (rung_command_line_wants_headless (argc, argv))
    return rung_command_line_run (argc, argv);

  app = rung_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

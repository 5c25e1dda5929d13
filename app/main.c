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

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands never touch GTK, so they run without a display. */
  if (rung_command_line_wants_headless (argc, argv))
    return rung_command_line_run (argc, argv);

  app = rung_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* rung-application.c: the application: command-line handling (headless
 * commands run before any display is touched), app-wide actions and their
 * accelerators, and the About window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-application.h"
#include "rung-command-line.h"
#include "rung-panel.h"
#include "rung-preferences-window.h"
#include "rung-window.h"

struct _RungApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RungApplication, rung_application, ADW_TYPE_APPLICATION)

RungApplication *
rung_application_new (void)
{
  return g_object_new (RUNG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

static RungWindow *
main_window (GApplication *app)
{
  for (GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
       windows != NULL;
       windows = windows->next)
    if (RUNG_IS_WINDOW (windows->data))
      return windows->data;

  return rung_window_new (GTK_APPLICATION (app));
}

static void
rung_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (main_window (app)));
}

/* `rung FILE` and the file manager: open the panel in the main window. */
static void
rung_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  g_autofree char *path = n_files > 0 ? g_file_get_path (files[0]) : NULL;
  RungPanelOpening *opening = NULL;
  RungWindow *window;

  /* On a first start, the file is checked while the window is built. */
  if (path != NULL && gtk_application_get_windows (GTK_APPLICATION (app)) == NULL)
    opening = rung_panel_open_begin (path, RUNG_STORE_OPEN_READ_ONLY_OK);

  window = main_window (app);
  gtk_window_present (GTK_WINDOW (window));
  if (opening != NULL)
    rung_window_finish_opening (window, opening);
  else if (n_files > 0)
    rung_window_open_panel_file (window, files[0]);
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWidget *preferences = rung_preferences_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (preferences), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Rung developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Rung"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Review promotion packets against a career ladder, "
                                       "decide as a panel, and print the record. "
                                       "Everything stays on this computer."),
                         "developers", developers,
                         "copyright", _("© 2026 The Rung developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  GApplication *app = user_data;

  /* Closing each window writes its pending edits first. */
  for (GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
       windows != NULL;
       windows = gtk_application_get_windows (GTK_APPLICATION (app)))
    {
      if (RUNG_IS_WINDOW (windows->data))
        rung_window_set_panel (windows->data, NULL);
      gtk_window_destroy (windows->data);
    }

  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "preferences", show_preferences },
  { "quit", quit },
};

static void
rung_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_panel_accels[] = { "<Control><Shift>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *new_candidate_accels[] = { "<Control>n", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };
  static const char *print_packet_accels[] = { "<Control>p", NULL };
  static const char *export_packet_accels[] = { "<Control><Shift>e", NULL };
  static const char *print_book_accels[] = { "<Control><Shift>p", NULL };
  static const char *import_packets_accels[] = { "<Control>i", NULL };

  G_APPLICATION_CLASS (rung_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open-panel", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "ladder-window.open-ladder", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-panel", new_panel_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.close-panel", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-candidate", new_candidate_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print-packet", print_packet_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-packet", export_packet_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print-book", print_book_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import-packets", import_packets_accels);
}

static void
rung_application_class_init (RungApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = rung_application_startup;
  app_class->activate = rung_application_activate;
  app_class->open = rung_application_open;
}

static void
rung_application_init (RungApplication *self)
{
  /* main() runs these before the application starts; they are here for --help. */
  g_application_add_main_option_entries (G_APPLICATION (self), rung_command_line_get_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Review promotion packets against a career ladder."));
}

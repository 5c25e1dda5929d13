/* rung-preferences-window.c: your name, as the audit log and decisions
 * record it. Empty means the name of your account.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-preferences-window"

#include "config.h"

#include "rung-preferences-window.h"

struct _RungPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwEntryRow          *name_row;
};

G_DEFINE_FINAL_TYPE (RungPreferencesWindow, rung_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

GtkWidget *
rung_preferences_window_new (void)
{
  return g_object_new (RUNG_TYPE_PREFERENCES_WINDOW, NULL);
}

static void
rung_preferences_window_dispose (GObject *object)
{
  RungPreferencesWindow *self = (RungPreferencesWindow *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUNG_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (rung_preferences_window_parent_class)->dispose (object);
}

static void
rung_preferences_window_class_init (RungPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RungPreferencesWindow, name_row);
}

static void
rung_preferences_window_init (RungPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "user-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
}

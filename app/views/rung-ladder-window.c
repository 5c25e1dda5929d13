/* rung-ladder-window.c: the main window: a header bar with the ladder's title and
 * the main menu, and the ladder view. It keeps its size in GSettings and
 * opens other ladder files, showing why one cannot be opened while keeping
 * the ladder it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-ladder-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-ladder.h"
#include "rung-ladder-view.h"
#include "rung-level.h"
#include "rung-ladder-window.h"

struct _RungLadderWindow
{
  AdwApplicationWindow  parent_instance;

  RungLadder           *ladder;
  GtkFileChooserNative *chooser;

  AdwWindowTitle       *window_title;
  RungLadderView       *ladder_view;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (RungLadderWindow, rung_ladder_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LADDER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * rung_ladder_window_new:
 * @ladder: (nullable): the ladder to show; the bundled one when %NULL
 */
RungLadderWindow *
rung_ladder_window_new (GtkApplication *application,
                        RungLadder     *ladder)
{
  g_autoptr(RungLadder) bundled = ladder ? NULL : rung_ladder_new_bundled ();

  return g_object_new (RUNG_TYPE_LADDER_WINDOW,
                       "application", application,
                       "ladder", ladder ? ladder : bundled,
                       NULL);
}

static void
update_title (RungLadderWindow *self)
{
  GListModel *levels;
  g_autoptr(RungLevel) level = NULL;

  adw_window_title_set_title (self->window_title, rung_ladder_get_title (self->ladder));
  gtk_window_set_title (GTK_WINDOW (self), rung_ladder_get_title (self->ladder));

  levels = rung_ladder_get_levels (self->ladder);
  if (g_list_model_get_n_items (levels) == 1)
    {
      level = g_list_model_get_item (levels, 0);
      adw_window_title_set_subtitle (self->window_title, rung_level_get_title (level));
    }
  else
    adw_window_title_set_subtitle (self->window_title, rung_ladder_get_version (self->ladder));
}

RungLadder *
rung_ladder_window_get_ladder (RungLadderWindow *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER_WINDOW (self), NULL);

  return self->ladder;
}

void
rung_ladder_window_set_ladder (RungLadderWindow *self,
                        RungLadder *ladder)
{
  g_return_if_fail (RUNG_IS_LADDER_WINDOW (self));
  g_return_if_fail (RUNG_IS_LADDER (ladder));

  if (!g_set_object (&self->ladder, ladder))
    return;

  rung_ladder_view_set_ladder (self->ladder_view, ladder);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LADDER]);
}

static void
show_open_error (RungLadderWindow   *self,
                 const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Open the Ladder"),
                                                       NULL));
  /* The message holds file names and file contents: never markup. */
  adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * rung_ladder_window_open_ladder_file:
 *
 * Shows the ladder in @file, or, when it cannot be loaded, a dialog that says
 * why, keeping the ladder the window has.
 *
 * Returns: whether the ladder was opened
 */
gboolean
rung_ladder_window_open_ladder_file (RungLadderWindow *self,
                              GFile      *file)
{
  g_autoptr(RungLadder) ladder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RUNG_IS_LADDER_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(ladder = rung_ladder_new_from_file (file, &error)))
    {
      show_open_error (self, error);
      return FALSE;
    }

  rung_ladder_window_set_ladder (self, ladder);

  name = g_file_get_basename (file);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("Opened the ladder “%s”"), name));
  return TRUE;
}

static void
on_chooser_response (RungLadderWindow           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    rung_ladder_window_open_ladder_file (self, file);
}

static void
open_ladder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RungLadderWindow *self = RUNG_LADDER_WINDOW (widget);
  g_autoptr(GtkFileFilter) xml_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (xml_filter, _("Ladder files"));
  gtk_file_filter_add_mime_type (xml_filter, "application/xml");
  gtk_file_filter_add_mime_type (xml_filter, "text/xml");
  gtk_file_filter_add_suffix (xml_filter, "xml");
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  self->chooser = gtk_file_chooser_native_new (_("Open Ladder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), xml_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all_filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
rung_ladder_window_dispose (GObject *object)
{
  RungLadderWindow *self = (RungLadderWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->ladder);

  gtk_widget_dispose_template (GTK_WIDGET (self), RUNG_TYPE_LADDER_WINDOW);

  G_OBJECT_CLASS (rung_ladder_window_parent_class)->dispose (object);
}

static void
rung_ladder_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RungLadderWindow *self = RUNG_LADDER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LADDER:
      g_value_set_object (value, self->ladder);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_ladder_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RungLadderWindow *self = RUNG_LADDER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LADDER:
      rung_ladder_window_set_ladder (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_ladder_window_class_init (RungLadderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_ladder_window_dispose;
  object_class->get_property = rung_ladder_window_get_property;
  object_class->set_property = rung_ladder_window_set_property;

  properties [PROP_LADDER] =
    g_param_spec_object ("ladder", NULL, NULL, RUNG_TYPE_LADDER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RUNG_TYPE_LADDER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-ladder-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RungLadderWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RungLadderWindow, ladder_view);
  gtk_widget_class_bind_template_child (widget_class, RungLadderWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "ladder-window.open-ladder", NULL, open_ladder_action);
}

static void
rung_ladder_window_init (RungLadderWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

}

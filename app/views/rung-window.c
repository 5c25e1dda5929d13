/* rung-window.c: the main window. Without a panel it welcomes: what Rung is
 * for, New Panel…, Open Panel…, the demo and the recent panels. With one it
 * shows the panel view, with the panel's name as title and a bar that says
 * when the file is read-only. Files that cannot be opened get their error in
 * a dialog and change nothing. Closing the window writes pending edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-demo.h"
#include "rung-ladder.h"
#include "rung-calibration-window.h"
#include "rung-ladder-window.h"
#include "rung-language-window.h"
#include "rung-meeting-view.h"
#include "rung-panel.h"
#include "rung-panel-view.h"
#include "rung-status-icon.h"
#include "rung-window.h"
#include "rung-window-private.h"

#define MAX_RECENT 8

struct _RungWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  RungPanel            *panel;
  GtkFileChooserNative *chooser;

  /* What the New Panel dialog asked, until a file is chosen. */
  char                 *new_name;
  char                 *new_committee;
  char                 *new_cycle;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;
  GMenu                *recent_menu;
  AdwWindowTitle       *panel_title;
  GtkRevealer          *read_only_revealer;
  RungPanelView        *panel_view;
  RungMeetingView      *meeting_view;
};

G_DEFINE_FINAL_TYPE (RungWindow, rung_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PANEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

RungWindow *
rung_window_new (GtkApplication *application)
{
  return g_object_new (RUNG_TYPE_WINDOW, "application", application, NULL);
}

void
rung_window_add_toast (RungWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (RUNG_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (RungWindow *self,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  /* File names and file contents are never markup. */
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

RungPanelView *
_rung_window_get_panel_view (RungWindow *self)
{
  return RUNG_PANEL_VIEW (gtk_widget_get_template_child (GTK_WIDGET (self), RUNG_TYPE_WINDOW, "panel_view"));
}

/* The candidate selected in the sidebar, when a panel is open. */
RungCandidate *
_rung_window_get_selected_candidate (RungWindow *self)
{
  return rung_window_get_panel (self) ? rung_panel_view_get_selected (_rung_window_get_panel_view (self)) : NULL;
}

/* Calls @callback (swapped) whenever the selected candidate or the panel changes. */
void
_rung_window_follow_selection (RungWindow *self,
                               GCallback   callback)
{
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (_rung_window_get_panel_view (self)),
                                                 RUNG_TYPE_PANEL_VIEW, "candidate_list");

  g_signal_connect_object (list, "notify::selected", callback, self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::panel", callback, self);
}

/**
 * _rung_window_toast_text:
 * @text: plain text, never markup
 *
 * Shows @text in a toast. A toast's title is markup, and file names,
 * errors and names are not.
 */
void
_rung_window_toast_text (RungWindow *self,
                         const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  rung_window_add_toast (self, adw_toast_new (escaped));
}

/**
 * _rung_window_show_error:
 * @body: plain text, never markup
 *
 * Says in a dialog what went wrong, for the window's other files.
 */
void
_rung_window_show_error (RungWindow *self,
                         const char *heading,
                         const char *body)
{
  show_error (self, heading, body);
}

/* Recent panels */

static void
remember_recent (RungWindow *self,
                 const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-panels");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-panels", (const char * const *)recent);
}

static void
on_recent_activated (RungWindow    *self,
                     AdwActionRow  *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rung_window_open_panel_file (self, file);
}

/* The main menu's Open Recent lists the same panels as the welcome page. */
static void
fill_recent_menu (RungWindow  *self,
                  char       **recent)
{
  g_menu_remove_all (self->recent_menu);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_basename (recent[i]);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_file_test (recent[i], G_FILE_TEST_EXISTS))
        continue;

      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
update_recent_list (RungWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-panels");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_basename (recent[i]);
      g_autofree char *dir = g_path_get_dirname (recent[i]);
      g_autofree char *dir_display = g_filename_display_name (dir);
      GtkWidget *row;

      if (!g_file_test (recent[i], G_FILE_TEST_EXISTS))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir_display);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_recent_activated), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  gtk_widget_set_visible (self->recent_group, shown > 0);
  fill_recent_menu (self, recent);
}

/* The panel */

static void
update_title (RungWindow *self)
{
  g_autofree char *file_name = NULL;
  g_autofree char *subtitle = NULL;

  if (self->panel == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Rung"));
      return;
    }

  file_name = g_filename_display_basename (rung_panel_get_path (self->panel));
  if (rung_panel_is_read_only (self->panel))
    /* Translators: the window's subtitle: a file name, and that it is read-only */
    subtitle = g_strdup_printf (_("%s (read-only)"), file_name);
  else
    subtitle = g_steal_pointer (&file_name);

  adw_window_title_set_title (self->panel_title, rung_panel_get_name (self->panel));
  adw_window_title_set_subtitle (self->panel_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), rung_panel_get_name (self->panel));
}

RungPanel *
rung_window_get_panel (RungWindow *self)
{
  g_return_val_if_fail (RUNG_IS_WINDOW (self), NULL);

  return self->panel;
}

/**
 * rung_window_set_panel:
 * @panel: (nullable): the panel to show, or %NULL for the welcome page
 *
 * Closes the panel the window had, writing its pending edits.
 */
void
rung_window_set_panel (RungWindow *self,
                       RungPanel  *panel)
{
  g_return_if_fail (RUNG_IS_WINDOW (self));
  g_return_if_fail (!panel || RUNG_IS_PANEL (panel));

  if (self->panel == panel)
    return;

  if (self->panel != NULL)
    {
      rung_panel_view_set_panel (self->panel_view, NULL);
      rung_panel_close (self->panel);
      g_clear_object (&self->panel);
    }

  if (panel != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *user_name = g_settings_get_string (settings, "user-name");

      self->panel = g_object_ref (panel);
      rung_panel_set_user_name (panel, user_name);
      g_settings_bind (self->settings, "user-name", panel, "user-name", G_SETTINGS_BIND_GET);
      rung_panel_view_set_panel (self->panel_view, panel);
      remember_recent (self, rung_panel_get_path (panel));
    }

  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 panel != NULL && rung_panel_is_read_only (panel));
  gtk_stack_set_visible_child_name (self->main_stack, panel ? "panel" : "welcome");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-panel", panel != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-calibration", panel != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-candidate",
                                 panel != NULL && !rung_panel_is_read_only (panel));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", panel != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.subjective-language", panel != NULL);
  update_recent_list (self);
  update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PANEL]);
}

/**
 * rung_window_open_panel_file:
 *
 * Opens the panel in @file (read-only when it cannot be written), or shows
 * why it cannot be opened, keeping what the window showed.
 *
 * Returns: whether the panel was opened
 */
gboolean
rung_window_open_panel_file (RungWindow *self,
                             GFile      *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RUNG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      show_error (self, _("Could Not Open the Panel"), _("Rung opens panel files on this computer only."));
      return FALSE;
    }

  if (self->panel != NULL && g_strcmp0 (rung_panel_get_path (self->panel), path) == 0)
    return TRUE;

  return rung_window_finish_opening (self, rung_panel_open_begin (path, RUNG_STORE_OPEN_READ_ONLY_OK));
}

/**
 * rung_window_finish_opening:
 * @opening: (transfer full): from rung_panel_open_begin()
 *
 * Shows the panel @opening opens (waiting for its checks), or why it cannot
 * be opened, keeping what the window showed. Starting the opening before
 * building the window lets the file be checked meanwhile.
 *
 * Returns: whether the panel was opened
 */
gboolean
rung_window_finish_opening (RungWindow       *self,
                            RungPanelOpening *opening)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;

  g_return_val_if_fail (RUNG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (opening != NULL, FALSE);

  if (!(panel = rung_panel_open_finish (opening, &error)))
    {
      show_error (self, _("Could Not Open the Panel"), error->message);
      return FALSE;
    }

  rung_window_set_panel (self, panel);
  return TRUE;
}

/**
 * rung_window_create_panel:
 *
 * Creates a panel file on the bundled ladder and shows it.
 */
gboolean
rung_window_create_panel (RungWindow *self,
                          GFile      *file,
                          const char *name,
                          const char *committee,
                          const char *cycle_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (RUNG_IS_WINDOW (self), FALSE);

  if (path == NULL || !(panel = rung_panel_create (path, name, committee, cycle_name, ladder, &error)))
    {
      show_error (self, _("Could Not Create the Panel"),
                  error ? error->message : _("Rung creates panel files on this computer only."));
      return FALSE;
    }

  rung_window_set_panel (self, panel);
  return TRUE;
}

/**
 * rung_window_open_demo:
 *
 * Opens the demo panel, creating it in the user's data folder the first time.
 */
void
rung_window_open_demo (RungWindow *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "rung", NULL);
  /* Translators: the file name of the demo panel */
  g_autofree char *path = g_build_filename (dir, _("Demo panel.rung"), NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RUNG_IS_WINDOW (self));

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(RungPanel) demo = NULL;

      g_mkdir_with_parents (dir, 0700);
      if (!(demo = rung_demo_create (path, &error)))
        {
          show_error (self, _("Could Not Create the Demo"), error->message);
          return;
        }
      rung_panel_close (demo);
    }

  rung_window_open_panel_file (self, file);
}

/* Actions */

static void
on_open_response (RungWindow           *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    rung_window_open_panel_file (self, file);
}

static void
add_panel_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) panels = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (panels, _("Panel files"));
  gtk_file_filter_add_mime_type (panels, "application/x-rung-panel");
  gtk_file_filter_add_suffix (panels, "rung");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, panels);
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_panel_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Panel"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  add_panel_filters (GTK_FILE_CHOOSER (self->chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_open_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_save_response (RungWindow           *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    {
      /* Panels carry their extension, so the file manager knows them. */
      g_autoptr(GFile) named = _rung_file_with_extension (file, ".rung");

      rung_window_create_panel (self, named, self->new_name, self->new_committee, self->new_cycle);
    }
}

/**
 * _rung_file_with_extension:
 * @extension: such as ".pdf"
 *
 * Returns: (transfer full): @file, or beside it the same name with
 *   @extension where it lacks it
 */
GFile *
_rung_file_with_extension (GFile      *file,
                           const char *extension)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (basename, -1);
  g_autofree char *named = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (lower, extension))
    return g_object_ref (file);

  named = g_strconcat (basename, extension, NULL);
  parent = g_file_get_parent (file);

  return g_file_get_child (parent, named);
}

static void
choose_new_panel_location (RungWindow *self)
{
  g_autofree char *suggested = g_strconcat (self->new_name, ".rung", NULL);

  self->chooser = gtk_file_chooser_native_new (_("Save the New Panel"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Create"), _("_Cancel"));
  add_panel_filters (GTK_FILE_CHOOSER (self->chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkWidget *
form_entry (GtkWidget  *box,
            const char *label,
            const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (GTK_BOX (box), entry);

  return entry;
}

static void
on_new_panel_response (AdwMessageDialog *dialog,
                       const char       *response,
                       RungWindow       *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *committee = gtk_widget_get_next_sibling (name);
  GtkWidget *cycle = gtk_widget_get_next_sibling (committee);

  if (!g_str_equal (response, "create"))
    return;

  g_free (self->new_name);
  g_free (self->new_committee);
  g_free (self->new_cycle);
  self->new_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name))));
  self->new_committee = g_strdup (gtk_editable_get_text (GTK_EDITABLE (committee)));
  self->new_cycle = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cycle)));

  choose_new_panel_location (self);
}

static void
on_new_panel_name_changed (GtkEditable      *name,
                           AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "create", text[0] != '\0');
}

static void
new_panel_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *name;

  if (self->chooser != NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("New Panel"),
                                                       _("A panel file holds one committee’s review of "
                                                         "one promotion cycle, on the L6 ladder.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  name = form_entry (box, _("Panel name"), NULL);
  form_entry (box, _("Committee"), NULL);
  form_entry (box, _("Cycle"), NULL);
  gtk_entry_set_activates_default (GTK_ENTRY (name), TRUE);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_hoose Location…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "create", FALSE);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (name, "changed", G_CALLBACK (on_new_panel_name_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_panel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  rung_window_open_panel_file (RUNG_WINDOW (widget), file);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rung_window_open_demo (RUNG_WINDOW (widget));
}

static void
close_panel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rung_window_set_panel (RUNG_WINDOW (widget), NULL);
}

static void
browse_ladder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);
  RungLadderWindow *ladder_window;

  ladder_window = rung_ladder_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                          self->panel ? rung_panel_get_ladder (self->panel) : NULL);
  gtk_window_present (GTK_WINDOW (ladder_window));
}

static void
subjective_language_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);

  if (self->panel != NULL)
    gtk_window_present (GTK_WINDOW (rung_language_window_new (GTK_WINDOW (self), self->panel)));
}

/* Rater Calibration: a window of its own, so the chair can keep it beside
 * the panel; opened again, it computes again. */
static void
show_calibration_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);
  RungCalibrationWindow *window;

  if (self->panel == NULL)
    return;

  window = rung_calibration_window_new (GTK_WINDOW (self), self->panel);
  gtk_window_present (GTK_WINDOW (window));
}

/* The header bar sits outside the panel view: its buttons reach the
 * panel's actions through the window. */
static void
forward_to_panel_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);
  const char *panel_action = g_str_equal (action_name, "win.new-candidate") ? "panel.new-candidate"
                                                                             : "panel.find";

  if (self->panel != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->panel_view), panel_action, NULL);
}

static gboolean
rung_window_close_request (GtkWindow *window)
{
  RungWindow *self = RUNG_WINDOW (window);

  /* Pending edits are written before the window goes. */
  rung_window_set_panel (self, NULL);

  return GTK_WINDOW_CLASS (rung_window_parent_class)->close_request (window);
}

static void
rung_window_dispose (GObject *object)
{
  RungWindow *self = (RungWindow *)object;

  if (self->panel != NULL)
    rung_panel_close (self->panel);
  g_clear_object (&self->panel);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), RUNG_TYPE_WINDOW);

  G_OBJECT_CLASS (rung_window_parent_class)->dispose (object);
}

static void
rung_window_finalize (GObject *object)
{
  RungWindow *self = (RungWindow *)object;

  g_free (self->new_name);
  g_free (self->new_committee);
  g_free (self->new_cycle);

  G_OBJECT_CLASS (rung_window_parent_class)->finalize (object);
}

static void
rung_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RungWindow *self = RUNG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      g_value_set_object (value, self->panel);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RungWindow *self = RUNG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      rung_window_set_panel (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_window_class_init (RungWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rung_window_dispose;
  object_class->finalize = rung_window_finalize;
  object_class->get_property = rung_window_get_property;
  object_class->set_property = rung_window_set_property;
  window_class->close_request = rung_window_close_request;

  properties [PROP_PANEL] =
    g_param_spec_object ("panel", NULL, NULL, RUNG_TYPE_PANEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RUNG_TYPE_PANEL_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RungWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RungWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RungWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RungWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, RungWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, RungWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, RungWindow, panel_title);
  gtk_widget_class_bind_template_child (widget_class, RungWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, RungWindow, panel_view);
  gtk_widget_class_bind_template_child (widget_class, RungWindow, meeting_view);

  gtk_widget_class_install_action (widget_class, "win.new-panel", NULL, new_panel_action);
  gtk_widget_class_install_action (widget_class, "win.open-panel", NULL, open_panel_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.close-panel", NULL, close_panel_action);
  gtk_widget_class_install_action (widget_class, "win.browse-ladder", NULL, browse_ladder_action);
  gtk_widget_class_install_action (widget_class, "win.subjective-language", NULL, subjective_language_action);
  gtk_widget_class_install_action (widget_class, "win.show-calibration", NULL, show_calibration_action);
  gtk_widget_class_install_action (widget_class, "win.new-candidate", NULL, forward_to_panel_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, forward_to_panel_action);
  _rung_window_class_init_print (widget_class);
  _rung_window_class_init_meeting (widget_class);
  _rung_window_class_init_packets (widget_class);
}

static void
rung_window_init (RungWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rung_status_page_defer_icon (self->welcome_page);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::recent-panels",
                           G_CALLBACK (update_recent_list), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-panel", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-candidate", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-calibration", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.subjective-language", FALSE);
  _rung_window_init_print (self);
  _rung_window_init_meeting (self);
  _rung_window_init_packets (self);
  update_recent_list (self);
  update_title (self);
}

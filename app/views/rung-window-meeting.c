/* rung-window-meeting.c: the window's part in meeting mode. Start Meeting…
 * (F5) asks for a title, the length of each discussion, blind mode and who
 * attends, then shows the meeting view; the meeting stays open when the
 * window goes back to the panel, and F5 returns to it. End Meeting… asks
 * first, then keeps the minutes, which Print Minutes… and Export Minutes as
 * PDF… print. F11 puts the meeting on the whole screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-meeting.h"
#include "rung-meeting-view.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-window.h"
#include "rung-window-private.h"

static RungMeetingView *
meeting_view_of (RungWindow *self)
{
  return RUNG_MEETING_VIEW (gtk_widget_get_template_child (GTK_WIDGET (self), RUNG_TYPE_WINDOW, "meeting_view"));
}

static GtkStack *
main_stack_of (RungWindow *self)
{
  return GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), RUNG_TYPE_WINDOW, "main_stack"));
}

/* Whether the meeting view is what the window shows. */
static gboolean
showing_meeting (RungWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (main_stack_of (self)), "meeting") == 0;
}

static void
show_meeting (RungWindow  *self,
              RungMeeting *meeting)
{
  rung_meeting_view_set_meeting (meeting_view_of (self), meeting);
  gtk_stack_set_visible_child_name (main_stack_of (self), "meeting");
  gtk_widget_grab_focus (GTK_WIDGET (meeting_view_of (self)));
}

static void
leave_meeting (RungWindow *self)
{
  rung_meeting_view_flush (meeting_view_of (self));
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    gtk_window_unfullscreen (GTK_WINDOW (self));
  if (rung_window_get_panel (self) != NULL)
    gtk_stack_set_visible_child_name (main_stack_of (self), "panel");
}

/* Start Meeting… */

typedef struct
{
  RungWindow    *window;
  GtkEntry      *title;
  GtkSpinButton *minutes;
  GtkSwitch     *blind;
  GPtrArray     *attendees;   /* GtkCheckButton, one per panelist, with "panelist" set */
} StartForm;

static void
start_form_free (StartForm *form)
{
  g_clear_pointer (&form->attendees, g_ptr_array_unref);
  g_free (form);
}

static gboolean
start_meeting (StartForm  *form,
               GError    **error)
{
  RungPanel *panel = rung_window_get_panel (form->window);
  g_autoptr(GPtrArray) present = g_ptr_array_new ();
  RungMeeting *meeting;

  gtk_spin_button_update (form->minutes);
  meeting = rung_panel_start_meeting (panel, gtk_editable_get_text (GTK_EDITABLE (form->title)),
                                      (guint)gtk_spin_button_get_value_as_int (form->minutes),
                                      gtk_switch_get_active (form->blind), error);
  if (meeting == NULL)
    return FALSE;

  for (guint i = 0; i < form->attendees->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (form->attendees, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (present, g_object_get_data (G_OBJECT (check), "panelist"));
    }

  if (!rung_meeting_set_attendees (meeting, (RungPanelist **)present->pdata, present->len, error))
    return FALSE;

  show_meeting (form->window, meeting);
  return TRUE;
}

static void
on_start_response (AdwMessageDialog *dialog,
                   const char       *response,
                   StartForm        *form)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "start") && !start_meeting (form, &error))
    _rung_window_toast_text (form->window, error->message);
}

static void
validate_start (AdwMessageDialog *dialog)
{
  StartForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->title))));

  adw_message_dialog_set_response_enabled (dialog, "start", title[0] != '\0');
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);

  return box;
}

/* Who attends: every panelist, ticked; untick who is away. */
static GtkWidget *
attendee_choices (StartForm *form,
                  RungPanel *panel)
{
  GListModel *panelists = rung_panel_get_panelists (panel);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  guint n = g_list_model_get_n_items (panelists);

  form->attendees = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, i);
      GtkWidget *check = gtk_check_button_new_with_label (rung_panelist_get_name (panelist));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data_full (G_OBJECT (check), "panelist", g_object_ref (panelist), g_object_unref);
      g_ptr_array_add (form->attendees, check);
      gtk_box_append (GTK_BOX (box), check);
    }

  if (n == 0)
    gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "label", _("The panel has no panelists yet."),
                                                 "xalign", 0.0f, "css-classes", (const char *[]) { "dim-label", NULL },
                                                 NULL));

  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attendees"), -1);

  return box;
}

static void
present_start_dialog (RungWindow *self)
{
  RungPanel *panel = rung_window_get_panel (self);
  StartForm *form = g_new0 (StartForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *blind_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *blind_text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *blind_label;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%x");
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;

  form->window = self;

  /* Translators: a new meeting's title; %s is today's date */
  title = g_strdup_printf (_("Committee meeting, %s"), today);
  form->title = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (form->title), title);
  gtk_entry_set_activates_default (form->title, TRUE);
  gtk_box_append (GTK_BOX (box), labelled (_("_Title"), GTK_WIDGET (form->title)));

  form->minutes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 240, 1));
  gtk_spin_button_set_value (form->minutes, RUNG_MEETING_DEFAULT_MINUTES);
  gtk_widget_set_halign (GTK_WIDGET (form->minutes), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), labelled (_("_Minutes for each candidate"), GTK_WIDGET (form->minutes)));

  form->blind = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (form->blind), GTK_ALIGN_CENTER);
  blind_label = gtk_label_new_with_mnemonic (_("_Blind mode"));
  gtk_label_set_xalign (GTK_LABEL (blind_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (blind_label), GTK_WIDGET (form->blind));
  gtk_box_append (GTK_BOX (blind_text), blind_label);
  gtk_box_append (GTK_BOX (blind_text),
                  g_object_new (GTK_TYPE_LABEL, "label",
                                _("Names, managers and teams are shown as Candidate A, Candidate B, … everywhere, "
                                  "also in printouts, until the meeting ends."),
                                "wrap", TRUE, "xalign", 0.0f, "max-width-chars", 40,
                                "css-classes", (const char *[]) { "dim-label", "caption", NULL }, NULL));
  gtk_widget_set_hexpand (blind_text, TRUE);
  gtk_box_append (GTK_BOX (blind_row), blind_text);
  gtk_box_append (GTK_BOX (blind_row), GTK_WIDGET (form->blind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->blind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Blind mode"), -1);
  gtk_box_append (GTK_BOX (box), blind_row);

  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "label", _("Attendees"), "xalign", 0.0f,
                                               "css-classes", (const char *[]) { "heading", NULL }, NULL));
  gtk_box_append (GTK_BOX (box), attendee_choices (form, panel));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Start a Meeting"),
                                                       _("Every candidate goes on the agenda, waiting. You can "
                                                         "change the order before and during the meeting.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "start");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify)start_form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_start_response), form);
  g_signal_connect_swapped (form->title, "changed", G_CALLBACK (validate_start), dialog);
  validate_start (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->title));
}

/* F5: the meeting under way, or a new one. */
static void
start_meeting_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RungWindow *self = RUNG_WINDOW (widget);
  RungPanel *panel = rung_window_get_panel (self);
  RungMeeting *meeting;

  if (panel == NULL)
    return;

  if ((meeting = rung_panel_get_open_meeting (panel)))
    show_meeting (self, meeting);
  else if (rung_panel_is_read_only (panel))
    _rung_window_toast_text (self, _("This panel is read-only: a meeting cannot be held in it."));
  else
    present_start_dialog (self);
}

static void
leave_meeting_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  leave_meeting (RUNG_WINDOW (widget));
}

/* End Meeting… */

static void
on_end_response (AdwMessageDialog *dialog,
                 const char       *response,
                 RungWindow       *self)
{
  RungPanel *panel = rung_window_get_panel (self);
  RungMeeting *meeting = panel ? rung_panel_get_open_meeting (panel) : NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!g_str_equal (response, "end") || meeting == NULL)
    return;

  /* The view lets the meeting go first: its timer writes the last seconds
   * of the discussion while the meeting can still take them. */
  rung_meeting_view_set_meeting (meeting_view_of (self), NULL);
  if (!rung_meeting_end (meeting, &error))
    {
      rung_meeting_view_set_meeting (meeting_view_of (self), meeting);
      _rung_window_toast_text (self, error->message);
      return;
    }

  leave_meeting (self);

  toast = adw_toast_new (_("The meeting has ended, and its minutes are kept"));
  adw_toast_set_button_label (toast, _("Export Minutes…"));
  adw_toast_set_action_name (toast, "win.export-minutes");
  adw_toast_set_timeout (toast, 10);
  rung_window_add_toast (self, toast);
}

static void
end_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RungWindow *self = RUNG_WINDOW (widget);
  RungPanel *panel = rung_window_get_panel (self);
  RungMeeting *meeting = panel ? rung_panel_get_open_meeting (panel) : NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n, decided;

  if (meeting == NULL)
    return;

  n = g_list_model_get_n_items (rung_meeting_get_agenda (meeting));
  decided = rung_meeting_count_decided (meeting);

  /* Translators: before a meeting ends; the first %u is how many are decided */
  body = g_strdup_printf (ngettext ("%u of %u candidate is decided. Once the meeting ends, its minutes cannot "
                                    "change; decisions can still be revised later, each with a reason.",
                                    "%u of %u candidates are decided. Once the meeting ends, its minutes cannot "
                                    "change; decisions can still be revised later, each with a reason.", n),
                          decided, n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("End the Meeting?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "end", _("_End Meeting"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "end");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_end_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Full screen */

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
leave_fullscreen_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
}

/* In full screen the room sees the candidate alone: no header bar. Esc
 * leaves full screen, and only then means that. */
static void
on_fullscreened (RungWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  g_object_set (meeting_view_of (self), "header-visible", !fullscreen, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-fullscreen", fullscreen);
  if (fullscreen && showing_meeting (self))
    _rung_window_toast_text (self, _("Press F11 or Esc to leave full screen"));
}

/* Actions follow the panel and its meeting. */
static void
update_actions (RungWindow *self)
{
  RungPanel *panel = rung_window_get_panel (self);
  RungMeeting *meeting = panel ? rung_panel_get_open_meeting (panel) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-meeting", panel != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.end-meeting", meeting != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-meeting", panel != NULL);

  /* The meeting ended elsewhere, or the panel closed: back to the panel. */
  if (meeting == NULL && rung_meeting_view_get_meeting (meeting_view_of (self)) != NULL)
    {
      rung_meeting_view_set_meeting (meeting_view_of (self), NULL);
      if (showing_meeting (self))
        leave_meeting (self);
    }
}

static void
on_panel_changed (RungWindow *self)
{
  RungPanel *panel = rung_window_get_panel (self);

  if (panel != NULL)
    {
      g_signal_connect_object (panel, "notify::open-meeting", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      /* Before the panel closes, the timer writes what it counted. */
      g_signal_connect_object (panel, "flush", G_CALLBACK (rung_meeting_view_flush), meeting_view_of (self),
                               G_CONNECT_SWAPPED);
    }
  update_actions (self);
}

void
_rung_window_class_init_meeting (GtkWidgetClass *widget_class)
{
  g_type_ensure (RUNG_TYPE_MEETING_VIEW);

  gtk_widget_class_install_action (widget_class, "win.start-meeting", NULL, start_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.leave-meeting", NULL, leave_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.end-meeting", NULL, end_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.leave-fullscreen", NULL, leave_fullscreen_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.start-meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.leave-meeting", NULL);
}

void
_rung_window_init_meeting (RungWindow *self)
{
  g_signal_connect_object (self, "notify::panel", G_CALLBACK (on_panel_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::fullscreened", G_CALLBACK (on_fullscreened), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-fullscreen", FALSE);
  update_actions (self);
}

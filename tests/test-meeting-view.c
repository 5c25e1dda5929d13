/* test-meeting-view.c: meeting mode in a real window under Xvfb: the
 * agenda's order by the keyboard and by drag and drop, stepping through the
 * areas, moving from candidate to candidate, blind mode in the view, a
 * decision recorded from the view, ending the meeting, and the agenda's
 * spreads, consensus marks and order by disagreement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rung-agenda-item.h"
#include "rung-agenda-list.h"
#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-decision.h"
#include "rung-disagreement.h"
#include "rung-level.h"
#include "rung-meeting.h"
#include "rung-meeting-view.h"
#include "window-fixture.h"

static RungMeetingView *
meeting_view_of (Fixture *fixture)
{
  return template_child (fixture->window, RUNG_TYPE_WINDOW, "meeting_view");
}

static RungAgendaList *
agenda_list_of (Fixture *fixture)
{
  return template_child (meeting_view_of (fixture), RUNG_TYPE_MEETING_VIEW, "agenda_list");
}

static GtkListBox *
agenda_rows_of (Fixture *fixture)
{
  return template_child (agenda_list_of (fixture), RUNG_TYPE_AGENDA_LIST, "list");
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (template_child (meeting_view_of (fixture), RUNG_TYPE_MEETING_VIEW, name));
}

static RungPanel *
panel_of (Fixture *fixture)
{
  return rung_window_get_panel (fixture->window);
}

/* Opens the demo, starts a meeting in the panel and shows it, as F5 does
 * once a meeting is open. */
static RungMeeting *
start_meeting (Fixture  *fixture,
               gboolean  blind)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting;

  open_demo (fixture);
  meeting = rung_panel_start_meeting (panel_of (fixture), "Calibration", 10, blind, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-meeting", NULL));
  iterate_main_loop ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (fixture->window, RUNG_TYPE_WINDOW, "main_stack")),
                   ==, "meeting");
  g_assert_true (rung_meeting_view_get_meeting (meeting_view_of (fixture)) == meeting);

  return meeting;
}

static RungAgendaItem *
item_at (RungMeeting *meeting,
         guint        position)
{
  g_autoptr(RungAgendaItem) item = g_list_model_get_item (rung_meeting_get_agenda (meeting), position);

  g_assert_nonnull (item);
  return item;   /* the agenda keeps it */
}

/* The name shown on the agenda's row at @index. */
static const char *
row_name (Fixture *fixture,
          guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (agenda_rows_of (fixture), (int)index);

  g_assert_nonnull (row);
  return gtk_label_get_text (g_object_get_data (G_OBJECT (row), "name"));
}

static void
test_agenda_order_by_keyboard (Fixture       *fixture,
                               gconstpointer  data)
{
  RungMeeting *meeting = start_meeting (fixture, FALSE);
  RungCandidate *first = rung_agenda_item_get_candidate (item_at (meeting, 0));
  RungCandidate *second = rung_agenda_item_get_candidate (item_at (meeting, 1));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (agenda_rows_of (fixture), 0);
  g_autoptr(RungPanel) reopened = NULL;
  g_autoptr(GError) error = NULL;
  RungMeeting *on_file;

  g_assert_cmpstr (row_name (fixture, 0), ==, rung_candidate_get_name (first));

  /* Alt+Down on the first row: it goes second, and keeps the keyboard. */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (agenda_list_of (fixture)), "agenda.move-down", NULL));
  iterate_main_loop ();
  g_assert_true (rung_agenda_item_get_candidate (item_at (meeting, 0)) == second);
  g_assert_true (rung_agenda_item_get_candidate (item_at (meeting, 1)) == first);
  g_assert_cmpstr (row_name (fixture, 0), ==, rung_candidate_get_name (second));
  g_assert_cmpstr (row_name (fixture, 1), ==, rung_candidate_get_name (first));
  row = gtk_list_box_get_row_at_index (agenda_rows_of (fixture), 1);
  /* The window's focus, whether or not the window is active on this display. */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (row)));

  /* Alt+Up brings them back; at the top it does nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (agenda_list_of (fixture)), "agenda.move-up", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (agenda_list_of (fixture)), "agenda.move-up", NULL));
  iterate_main_loop ();
  g_assert_true (rung_agenda_item_get_candidate (item_at (meeting, 0)) == first);
  g_assert_cmpstr (row_name (fixture, 0), ==, rung_candidate_get_name (first));

  /* The order is in the file. */
  g_assert_true (rung_agenda_list_move (agenda_list_of (fixture), 0, 3));
  reopened = rung_panel_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  on_file = rung_panel_get_open_meeting (reopened);
  g_assert_nonnull (on_file);
  g_assert_cmpstr (rung_candidate_get_name (rung_agenda_item_get_candidate (item_at (on_file, 3))), ==,
                   rung_candidate_get_name (first));
  rung_panel_close (reopened);
}

/* The list's drop target, found among its controllers. */
static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
}

static void
test_agenda_order_by_drag_and_drop (Fixture       *fixture,
                                    gconstpointer  data)
{
  RungMeeting *meeting = start_meeting (fixture, FALSE);
  RungAgendaItem *dragged = item_at (meeting, 0);
  RungCandidate *candidate = rung_agenda_item_get_candidate (dragged);
  GtkListBox *list = agenda_rows_of (fixture);
  GtkListBoxRow *target_row = gtk_list_box_get_row_at_index (list, 2);
  GtkDropTarget *target = drop_target_of (GTK_WIDGET (list));
  graphene_rect_t bounds;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  /* Dropped on the third row, the first candidate takes its place. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (target_row), GTK_WIDGET (list), &bounds));
  g_value_init (&value, RUNG_TYPE_AGENDA_ITEM);
  g_value_set_object (&value, dragged);
  g_signal_emit_by_name (target, "drop", &value, 10.0, (double)(bounds.origin.y + bounds.size.height / 2), &dropped);
  g_value_unset (&value);
  iterate_main_loop ();

  g_assert_true (dropped);
  g_assert_cmpuint (rung_agenda_item_get_position (dragged), ==, 2);
  g_assert_true (rung_agenda_item_get_candidate (item_at (meeting, 2)) == candidate);
  g_assert_cmpstr (row_name (fixture, 2), ==, rung_candidate_get_name (candidate));
}

static guint
n_areas_of (RungCandidate *candidate)
{
  return g_list_model_get_n_items (rung_level_get_areas (rung_candidate_get_level (candidate)));
}

static void
test_stepping_areas_and_candidates (Fixture       *fixture,
                                    gconstpointer  data)
{
  RungMeeting *meeting = start_meeting (fixture, FALSE);
  RungMeetingView *view = meeting_view_of (fixture);
  GtkStack *stack = template_child (view, RUNG_TYPE_MEETING_VIEW, "stack");
  RungCandidate *first = rung_agenda_item_get_candidate (item_at (meeting, 0));
  g_autoptr(GError) error = NULL;
  g_autoptr(RungArea) area = NULL;
  guint n_areas = n_areas_of (first);
  g_autofree char *second_area = NULL;

  /* Nobody under discussion yet: the view says how to begin, with its icon
   * (loaded only now that the page is shown). */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "idle");
  g_assert_cmpstr (adw_status_page_get_icon_name (template_child (view, RUNG_TYPE_MEETING_VIEW, "idle_page")), ==,
                   "x-office-presentation-symbolic");
  g_assert_null (adw_status_page_get_icon_name (template_child (view, RUNG_TYPE_MEETING_VIEW, "done_page")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.next-candidate", NULL));
  iterate_main_loop ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "candidate");
  g_assert_true (rung_meeting_view_get_current (view) == item_at (meeting, 0));
  g_assert_cmpint (rung_agenda_item_get_state (item_at (meeting, 0)), ==, RUNG_AGENDA_STATE_NOW);
  g_assert_cmpstr (label_text (fixture, "name_label"), ==, rung_candidate_get_name (first));
  g_assert_nonnull (strstr (label_text (fixture, "details_label"), rung_candidate_get_manager (first)));

  /* Page Down: the next area; at the last, no further. */
  g_assert_cmpuint (rung_meeting_view_get_area_index (view), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.next-area", NULL));
  area = g_list_model_get_item (rung_level_get_areas (rung_candidate_get_level (first)), 1);
  second_area = g_strdup_printf ("%s · 2 of %u", rung_area_get_title (area), n_areas);
  g_assert_cmpstr (label_text (fixture, "area_label"), ==, second_area);
  for (guint i = 0; i < n_areas + 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "meeting.next-area", NULL);
  g_assert_cmpuint (rung_meeting_view_get_area_index (view), ==, n_areas - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.previous-area", NULL));
  g_assert_cmpuint (rung_meeting_view_get_area_index (view), ==, n_areas - 2);

  /* The next candidate skips the decided, and starts at the first area. */
  g_assert_true (rung_meeting_mark_decided (meeting, item_at (meeting, 1), &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.next-candidate", NULL));
  iterate_main_loop ();
  g_assert_true (rung_meeting_view_get_current (view) == item_at (meeting, 2));
  g_assert_cmpuint (rung_meeting_view_get_area_index (view), ==, 0);
  g_assert_cmpint (rung_agenda_item_get_state (item_at (meeting, 0)), ==, RUNG_AGENDA_STATE_WAITING);
  g_assert_cmpstr (label_text (fixture, "name_label"), ==,
                   rung_candidate_get_name (rung_agenda_item_get_candidate (item_at (meeting, 2))));

  /* Back goes to the one before, decided or not. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.previous-candidate", NULL));
  iterate_main_loop ();
  g_assert_true (rung_meeting_view_get_current (view) == item_at (meeting, 1));

  /* Activating a row on the agenda discusses that candidate now. */
  g_signal_emit_by_name (agenda_rows_of (fixture), "row-activated",
                         gtk_list_box_get_row_at_index (agenda_rows_of (fixture), 4));
  iterate_main_loop ();
  g_assert_true (rung_meeting_get_current (meeting) == item_at (meeting, 4));
  g_assert_true (rung_meeting_view_get_current (view) == item_at (meeting, 4));
  save_screenshot (GTK_WIDGET (fixture->window), "meeting.png");
}

/* What a screen reader hears of the agenda's row at @index: the letter
 * (never the name) in a blind meeting, the state, the spread, consensus. */
static char *
expected_row_label (Fixture     *fixture,
                    RungMeeting *meeting,
                    guint        index,
                    const char  *state)
{
  RungCandidate *candidate = rung_agenda_item_get_candidate (item_at (meeting, index));
  g_autoptr(GHashTable) disagreements = rung_panel_compute_disagreement (panel_of (fixture), NULL);
  gint64 id = rung_candidate_get_id (candidate);
  RungDisagreement *disagreement = g_hash_table_lookup (disagreements, &id);
  g_autofree char *name = rung_meeting_dup_display_name (meeting, candidate);
  g_autofree char *spread = NULL;

  /* A candidate nobody rated (the demo's Zoë) has no spread to say. */
  if (disagreement == NULL || disagreement->n_areas == 0)
    return g_strdup_printf ("%u. %s, %s", index + 1, name, state);

  spread = rung_disagreement_dup_label (disagreement);
  return g_strdup_printf ("%u. %s, %s · %s%s", index + 1, name, state, spread,
                          disagreement->consensus ? ", Consensus" : "");
}

static void
test_blind_meeting_view (Fixture       *fixture,
                         gconstpointer  data)
{
  RungMeeting *meeting = start_meeting (fixture, TRUE);
  RungMeetingView *view = meeting_view_of (fixture);
  RungCandidate *first = rung_agenda_item_get_candidate (item_at (meeting, 0));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (agenda_rows_of (fixture), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) words = g_strsplit (rung_candidate_get_name (first), " ", 2);
  g_autofree char *summary = g_strdup_printf ("%s led the ledger migration.", words[0]);

  /* A summary that names the candidate shows their letter instead. */
  g_assert_true (rung_candidate_set_summary (first, summary, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.next-candidate", NULL));
  iterate_main_loop ();

  g_assert_cmpstr (label_text (fixture, "summary_label"), ==, "Candidate A led the ledger migration.");
  g_assert_cmpstr (label_text (fixture, "name_label"), ==, "Candidate A");
  g_assert_null (strstr (label_text (fixture, "details_label"), rung_candidate_get_manager (first)));
  g_assert_null (strstr (label_text (fixture, "details_label"), rung_candidate_get_team (first)));
  g_assert_cmpstr (row_name (fixture, 0), ==, "Candidate A");
  g_assert_cmpstr (row_name (fixture, 1), ==, "Candidate B");
  expected = expected_row_label (fixture, meeting, 0, "Now");
  accessible = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_null (accessible);
  save_screenshot (GTK_WIDGET (fixture->window), "meeting-blind.png");

  /* Seeing again shows the names at once. */
  g_assert_true (rung_meeting_set_blind (meeting, FALSE, &error));
  g_assert_no_error (error);
  iterate_main_loop ();
  g_assert_cmpstr (label_text (fixture, "name_label"), ==, rung_candidate_get_name (first));
  g_assert_cmpstr (row_name (fixture, 0), ==, rung_candidate_get_name (first));
}

/* The AdwMessageDialog the window has open, if any. */
static AdwMessageDialog *
open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Answers @dialog as its button would, which also closes it. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_main_loop ();
}

/* The first widget of @type under @widget. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_decision_moves_on (Fixture       *fixture,
                        gconstpointer  data)
{
  RungMeeting *meeting = start_meeting (fixture, FALSE);
  RungMeetingView *view = meeting_view_of (fixture);
  RungCandidate *first = rung_agenda_item_get_candidate (item_at (meeting, 0));
  guint n_before = g_list_model_get_n_items (rung_candidate_get_decisions (first));
  AdwMessageDialog *dialog;
  GtkTextView *rationale;
  RungDecision *latest;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.next-candidate", NULL));
  iterate_main_loop ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.record-decision", NULL));
  iterate_main_loop ();
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  /* No rationale yet: nothing to record. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));

  rationale = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (rationale), "Calibrated in the meeting.", -1);
  if (n_before > 0)
    gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)),
                           "Discussed again");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  respond (dialog, "record");

  /* Recorded, marked decided, and the meeting has moved on. */
  g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_decisions (first)), ==, n_before + 1);
  latest = rung_candidate_get_latest_decision (first);
  g_assert_cmpstr (rung_decision_get_rationale (latest), ==, "Calibrated in the meeting.");
  g_assert_cmpint (rung_agenda_item_get_state (item_at (meeting, 0)), ==, RUNG_AGENDA_STATE_DECIDED);
  g_assert_true (rung_meeting_view_get_current (view) == item_at (meeting, 1));
}

/* Where meeting mode shows the decision, it shows what it cites, or that it
 * cites nothing. */
static void
test_decision_citations (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting = start_meeting (fixture, FALSE);
  GtkWidget *cites = template_child (meeting_view_of (fixture), RUNG_TYPE_MEETING_VIEW, "citations_label");
  GListModel *agenda = rung_meeting_get_agenda (meeting);
  RungAgendaItem *amara = NULL, *kenji = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      RungAgendaItem *item = item_at (meeting, i);
      const char *name = rung_candidate_get_name (rung_agenda_item_get_candidate (item));

      if (g_str_equal (name, "Amara Okafor"))
        amara = item;
      else if (g_str_equal (name, "Kenji Watanabe"))
        kenji = item;
    }
  g_assert_nonnull (amara);
  g_assert_nonnull (kenji);

  g_assert_true (rung_meeting_set_current (meeting, amara, &error));
  g_assert_no_error (error);
  iterate_main_loop ();
  g_assert_true (gtk_widget_get_visible (cites));
  g_assert_true (g_str_has_prefix (label_text (fixture, "citations_label"),
                                   "Cites: Ledger v2 architecture (Responsibilities); "
                                   "Incident command for payments (Responsibilities); Marcus Bell: Impact — "));
  g_assert_false (gtk_widget_has_css_class (cites, "warning"));

  g_assert_true (rung_meeting_set_current (meeting, kenji, &error));
  g_assert_no_error (error);
  iterate_main_loop ();
  g_assert_cmpstr (label_text (fixture, "citations_label"), ==, "Cites no evidence");
  g_assert_true (gtk_widget_has_css_class (cites, "warning"));
}

static void
test_end_meeting (Fixture       *fixture,
                  gconstpointer  data)
{
  RungMeeting *meeting = start_meeting (fixture, TRUE);
  GtkStack *main_stack = template_child (fixture->window, RUNG_TYPE_WINDOW, "main_stack");
  AdwMessageDialog *dialog;

  g_object_ref (meeting);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.end-meeting", NULL));
  iterate_main_loop ();
  dialog = open_dialog ();
  g_assert_nonnull (dialog);

  /* Cancel changes nothing. */
  respond (dialog, "cancel");
  g_assert_true (rung_meeting_is_open (meeting));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "meeting");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.end-meeting", NULL));
  iterate_main_loop ();
  respond (open_dialog (), "end");

  g_assert_false (rung_meeting_is_open (meeting));
  g_assert_null (rung_panel_get_open_meeting (panel_of (fixture)));
  g_assert_false (rung_panel_get_blind (panel_of (fixture)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "panel");
  g_assert_null (rung_meeting_view_get_meeting (meeting_view_of (fixture)));
  g_object_unref (meeting);
}

static const char *
row_detail (Fixture *fixture,
            guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (agenda_rows_of (fixture), (int)index);

  return gtk_label_get_text (g_object_get_data (G_OBJECT (row), "state"));
}

static gboolean
row_is_consensus (Fixture *fixture,
                  guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (agenda_rows_of (fixture), (int)index);

  return gtk_widget_get_visible (g_object_get_data (G_OBJECT (row), "consensus"));
}

/* The button under @widget whose label is @label, if any: a toast's. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_order_by_disagreement (Fixture       *fixture,
                            gconstpointer  data)
{
  gboolean blind = GPOINTER_TO_INT (data);
  RungMeeting *meeting = start_meeting (fixture, blind);
  RungMeetingView *view = meeting_view_of (fixture);
  GtkWidget *button = template_child (agenda_list_of (fixture), RUNG_TYPE_AGENDA_LIST, "order_button");
  static const char * const by_disagreement[] = {
    "Rafael Oliveira", "Nguyễn Thị Lan", "Viktor Petrov", "Kenji Watanabe", "Amara Okafor", "Zoë Müller-Ågren",
  };
  g_autoptr(GArray) before = NULL;
  g_autoptr(GError) error = NULL;

  /* Amara's ratings agree; Rafael's spread the most. */
  for (guint i = 0; i < G_N_ELEMENTS (by_disagreement); i++)
    {
      const char *name = rung_candidate_get_name (rung_agenda_item_get_candidate (item_at (meeting, i)));

      if (g_str_equal (name, "Amara Okafor"))
        {
          g_assert_true (row_is_consensus (fixture, i));
          g_assert_nonnull (strstr (row_detail (fixture, i), "Spread 0.2"));
        }
      else
        g_assert_false (row_is_consensus (fixture, i));
      if (g_str_equal (name, "Rafael Oliveira"))
        g_assert_nonnull (strstr (row_detail (fixture, i), "Spread 1.5"));
      if (g_str_equal (name, "Zoë Müller-Ågren"))
        g_assert_null (strstr (row_detail (fixture, i), "Spread"));
    }
  save_screenshot (GTK_WIDGET (fixture->window), blind ? "agenda-spreads-blind.png" : "agenda-spreads.png");

  before = rung_meeting_dup_order (meeting);

  /* The button names the action, which the view enables while the meeting is open. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "meeting.order-by-disagreement");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate_main_loop ();

  for (guint i = 0; i < G_N_ELEMENTS (by_disagreement); i++)
    g_assert_cmpstr (rung_candidate_get_name (rung_agenda_item_get_candidate (item_at (meeting, i))), ==,
                     by_disagreement[i]);
  g_assert_nonnull (strstr (row_detail (fixture, 0), "Spread 1.5"));
  g_assert_true (row_is_consensus (fixture, 4));
  g_assert_false (row_is_consensus (fixture, 0));
  save_screenshot (GTK_WIDGET (fixture->window),
                   blind ? "agenda-by-disagreement-blind.png" : "agenda-by-disagreement.png");

  /* The toast's Undo puts the order back; again, and it is by
   * disagreement once more. */
  {
    g_autoptr(GArray) reordered = rung_meeting_dup_order (meeting);
    g_autoptr(GArray) undone = NULL;
    g_autoptr(GArray) again = NULL;
    GtkWidget *undo = find_button (GTK_WIDGET (fixture->window), "_Undo");

    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    iterate_main_loop ();
    undone = rung_meeting_dup_order (meeting);
    g_assert_cmpmem (undone->data, undone->len * sizeof (gint64), before->data, before->len * sizeof (gint64));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.order-by-disagreement", NULL));
    iterate_main_loop ();
    again = rung_meeting_dup_order (meeting);
    g_assert_cmpmem (again->data, again->len * sizeof (gint64), reordered->data, reordered->len * sizeof (gint64));
  }

  if (blind)
    {
      /* The rows still show letters, never names. */
      g_autofree char *accessible = NULL;
      g_autofree char *expected = expected_row_label (fixture, meeting, 0, "Waiting");
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (agenda_rows_of (fixture), 0);

      g_assert_true (g_str_has_prefix (row_name (fixture, 0), "Candidate "));
      g_assert_null (strstr (expected, "Rafael"));
      accessible = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
      g_assert_null (accessible);
    }
  else
    g_assert_cmpstr (row_name (fixture, 0), ==, "Rafael Oliveira");

  /* Ctrl+Shift+D again changes nothing; an ended meeting cannot be reordered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.order-by-disagreement", NULL));
  iterate_main_loop ();
  g_assert_cmpstr (rung_candidate_get_name (rung_agenda_item_get_candidate (item_at (meeting, 0))), ==,
                   "Rafael Oliveira");
  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);
  iterate_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/rung/meeting-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("agenda-order-by-keyboard", test_agenda_order_by_keyboard);
  ADD ("agenda-order-by-drag-and-drop", test_agenda_order_by_drag_and_drop);
  ADD ("stepping-areas-and-candidates", test_stepping_areas_and_candidates);
  ADD ("blind", test_blind_meeting_view);
  ADD ("decision-moves-on", test_decision_moves_on);
  ADD ("decision-citations", test_decision_citations);
  ADD ("end-meeting", test_end_meeting);
#undef ADD
  g_test_add ("/rung/meeting-view/order-by-disagreement", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_order_by_disagreement, fixture_tear_down);
  g_test_add ("/rung/meeting-view/order-by-disagreement-blind", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_order_by_disagreement, fixture_tear_down);

  return g_test_run ();
}

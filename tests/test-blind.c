/* test-blind.c: blind mode in the window. A blind meeting starts on the
 * demo panel while the window is open, and then no text of any window says
 * a candidate's name, manager or team: no label, field, button, tooltip,
 * window title, stack page title or accessible label or description, on
 * every candidate and every part of their page, in the compare window and
 * in a toast. The list is in the letters' order, its search finds letters
 * and nothing else, and Edit Details is off. Seeing again brings the names
 * back, live.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rung-candidate.h"
#include "rung-candidate-list.h"
#include "rung-candidate-page.h"
#include "rung-compare-window.h"
#include "rung-evidence-view.h"
#include "rung-meeting.h"
#include "rung-panel.h"
#include "rung-panel-view.h"
#include "rung-panelist.h"
#include "rung-window.h"
#include "widget-helpers.h"
#include "window-fixture.h"

/* What must not be seen while blind: every candidate's name, manager and
 * team, as the model has them. A manager who sits on the panel is the
 * exception: panelists are shown by name, to rate and to be recused. */
static GPtrArray *
secrets_of (RungPanel *panel)
{
  GListModel *candidates = rung_panel_get_candidates (panel);
  GListModel *panelists = rung_panel_get_panelists (panel);
  GPtrArray *secrets = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      const char *values[] = {
        rung_candidate_get_name (candidate),
        rung_candidate_get_manager (candidate),
        rung_candidate_get_team (candidate),
      };

      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          gboolean panelist = FALSE;

          if (values[v] == NULL || values[v][0] == '\0')
            continue;

          for (guint p = 0; v == 1 && p < g_list_model_get_n_items (panelists); p++)
            {
              g_autoptr(RungPanelist) other = g_list_model_get_item (panelists, p);

              panelist |= g_str_equal (rung_panelist_get_name (other), values[v]);
            }

          if (!panelist)
            g_ptr_array_add (secrets, g_strdup (values[v]));
        }
    }

  g_assert_cmpuint (secrets->len, >=, 12);

  return secrets;
}

typedef struct
{
  GPtrArray *secrets;
  GString   *leaks;     /* "GtkLabel label: Amara Okafor\n", … */
  GString   *all;       /* every text, one a line */
} Walk;

static void
look_at (Walk       *walk,
         GObject    *object,
         const char *what,
         const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  g_string_append_printf (walk->all, "%s\n", text);
  for (guint i = 0; i < walk->secrets->len; i++)
    if (strstr (text, g_ptr_array_index (walk->secrets, i)) != NULL)
      g_string_append_printf (walk->leaks, "%s %s: %s\n", G_OBJECT_TYPE_NAME (object), what, text);
}

/* An accessible property set with gtk_accessible_update_property(): the
 * test API gives the value back when it is not the one expected. */
static void
look_at_accessible (Walk                  *walk,
                    GtkAccessible         *accessible,
                    GtkAccessibleProperty  property,
                    const char            *what)
{
  g_autofree char *value = NULL;

  if (!gtk_test_accessible_has_property (accessible, property))
    return;

  value = gtk_test_accessible_check_property (accessible, property, "\x01 not this \x01");
  look_at (walk, G_OBJECT (accessible), what, value);
}

/* Every text of @widget and of all below it, shown or not. */
static void
walk_widget (Walk      *walk,
             GtkWidget *widget)
{
  GObject *object = G_OBJECT (widget);

  if (GTK_IS_LABEL (widget))
    look_at (walk, object, "label", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_EDITABLE (widget))
    look_at (walk, object, "text", gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      g_autofree char *text = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      look_at (walk, object, "text", text);
    }
  if (GTK_IS_BUTTON (widget))
    look_at (walk, object, "label", gtk_button_get_label (GTK_BUTTON (widget)));
  if (GTK_IS_CHECK_BUTTON (widget))
    look_at (walk, object, "label", gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget))
    look_at (walk, object, "label", gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));
  if (GTK_IS_WINDOW (widget))
    look_at (walk, object, "title", gtk_window_get_title (GTK_WINDOW (widget)));
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      look_at (walk, object, "title", adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
      look_at (walk, object, "subtitle", adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
    }
  if (ADW_IS_PREFERENCES_ROW (widget))
    look_at (walk, object, "title", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    look_at (walk, object, "subtitle", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_STATUS_PAGE (widget))
    {
      look_at (walk, object, "title", adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      look_at (walk, object, "description", adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          GtkStackPage *page = g_list_model_get_item (G_LIST_MODEL (pages), i);

          look_at (walk, object, "page title", gtk_stack_page_get_title (page));
          g_object_unref (page);
        }
    }

  look_at (walk, object, "tooltip", gtk_widget_get_tooltip_text (widget));
  look_at_accessible (walk, GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "accessible label");
  look_at_accessible (walk, GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "accessible description");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    walk_widget (walk, child);
}

/* Walks every window there is: the main one, the compare window, dialogs;
 * returns every text seen, one a line, and asserts none is a secret. */
static char *
assert_nothing_tells (GPtrArray  *secrets,
                      const char *where)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  Walk walk = { secrets, g_string_new (NULL), g_string_new (NULL) };

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      walk_widget (&walk, toplevel);
    }

  if (walk.leaks->len > 0)
    g_test_message ("Names shown %s:\n%s", where, walk.leaks->str);
  g_assert_cmpstr (walk.leaks->str, ==, "");
  g_string_free (walk.leaks, TRUE);

  return g_string_free (walk.all, FALSE);
}

static gboolean
contains_line (const char *texts,
               const char *line)
{
  g_auto(GStrv) lines = g_strsplit (texts, "\n", -1);

  return g_strv_contains ((const char * const *)lines, line);
}

/* The candidates as the sidebar lists them, by display name, comma-separated. */
static char *
listed_names (Fixture *fixture)
{
  GtkListView *list_view = template_child (candidate_list_of (fixture), RUNG_TYPE_CANDIDATE_LIST, "list_view");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (model, i);
      g_autofree char *name = rung_candidate_dup_display_name (candidate);

      g_string_append_printf (names, "%s%s", i ? "," : "", name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
}

/* The first button under @widget with that label, as a toast has. */
static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The labels of the check buttons under @widget, comma-separated. */
static void
append_check_labels (GtkWidget *widget,
                     GString   *labels)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_string_append_printf (labels, "%s%s", labels->len ? "," : "",
                            gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    append_check_labels (child, labels);
}

static char *
check_labels (GtkWidget *widget)
{
  GString *labels = g_string_new (NULL);

  append_check_labels (widget, labels);

  return g_string_free (labels, FALSE);
}

static char *
summary_shown (RungCandidatePage *page)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "summary_view"));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Managers write the summary with the candidate's first name in it: while
 * blind, it shows no word of their name, and cannot be edited. */
static void
assert_summary_is_blind (RungCandidatePage *page,
                         RungCandidate     *candidate)
{
  g_autofree char *summary = summary_shown (page);
  g_auto(GStrv) words = g_strsplit_set (rung_candidate_get_name (candidate), " -", -1);
  g_autofree char *alias = rung_candidate_dup_display_name (candidate);

  for (guint i = 0; words[i] != NULL; i++)
    if (strlen (words[i]) >= 2)
      g_assert_null (strstr (summary, words[i]));
  if (g_str_has_prefix (rung_candidate_get_summary (candidate), rung_candidate_get_name (candidate)) ||
      g_str_has_prefix (rung_candidate_get_summary (candidate), words[0]))
    g_assert_true (g_str_has_prefix (summary, alias));
  g_assert_false (gtk_text_view_get_editable (template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "summary_view")));
}

static void
search_for (Fixture    *fixture,
            const char *text)
{
  gtk_editable_set_text (template_child (candidate_list_of (fixture), RUNG_TYPE_CANDIDATE_LIST, "search_entry"),
                         text);
  iterate_main_loop ();
}

static void
test_blind_hides_names (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) secrets = NULL;
  g_autoptr(GPtrArray) nobody = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *order = NULL;
  RungCandidateList *list;
  RungCandidatePage *page;
  RungEvidenceView *evidence_view;
  GtkStack *parts;
  GtkLabel *heading;
  GtkLabel *details;
  GListModel *candidates;
  GListModel *toplevels = gtk_window_get_toplevels ();
  RungCompareWindow *compare;
  RungMeeting *meeting;
  RungPanel *panel;
  RungCandidate *amara;
  guint n_windows;

  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  candidates = rung_panel_get_candidates (panel);
  secrets = secrets_of (panel);
  list = candidate_list_of (fixture);
  page = candidate_page_of (fixture);
  parts = template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "view_stack");
  evidence_view = template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "evidence_view");
  heading = template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "name_label");
  details = template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "details_label");

  /* Before: names, in the order of names, with manager and team. */
  amara = rung_panel_find_candidate_by_name (panel, "Amara Okafor");
  rung_panel_view_select (panel_view_of (fixture), amara);
  iterate_main_loop ();
  g_assert_cmpstr (gtk_label_get_text (heading), ==, "Amara Okafor");
  g_assert_nonnull (strstr (gtk_label_get_text (details), "Daniel Ferreira"));
  order = listed_names (fixture);
  g_assert_true (g_str_has_prefix (order, "Amara Okafor,"));
  g_clear_pointer (&order, g_free);

  /* The meeting starts blind with the window open, on Amara's page. */
  meeting = rung_panel_start_meeting (panel, "Calibration", RUNG_MEETING_DEFAULT_MINUTES, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (rung_panel_get_blind (panel));
  iterate_main_loop ();

  g_assert_true (rung_candidate_list_get_selected (list) == amara);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (heading), "Candidate "));
  g_assert_cmpstr (gtk_label_get_text (details), ==, "L5 → L6");

  /* A revision Amara's manager recorded, whose history would name him. */
  {
    g_autofree char *user = g_strdup (rung_panel_get_user_name (panel));

    rung_panel_set_user_name (panel, "Daniel Ferreira");
    g_assert_nonnull (rung_panel_record_decision (panel, amara, "promote", 1, 0, 0, "Strong throughout.",
                                                  "Recorded again by the manager.", &error));
    g_assert_no_error (error);
    rung_panel_set_user_name (panel, user);
  }

  /* The list goes by letter, which says nothing of the names. */
  order = listed_names (fixture);
  g_assert_cmpstr (order, ==, "Candidate A,Candidate B,Candidate C,Candidate D,Candidate E,Candidate F");

  /* Each candidate, each part of their page: nothing tells. */
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      g_autofree char *alias = rung_candidate_dup_display_name (candidate);
      const char *part_names[] = { "evidence", "panel", "decision" };

      rung_panel_view_select (panel_view_of (fixture), candidate);
      for (guint p = 0; p < G_N_ELEMENTS (part_names); p++)
        {
          g_autofree char *where = g_strdup_printf ("on the %s of %s", part_names[p],
                                                    rung_candidate_get_name (candidate));
          g_autofree char *seen = NULL;

          gtk_stack_set_visible_child_name (parts, part_names[p]);
          iterate_main_loop_until ((WidgetHelpersDone)rung_evidence_view_is_filled, evidence_view);
          g_assert_cmpstr (gtk_label_get_text (heading), ==, alias);
          assert_summary_is_blind (page, candidate);
          seen = assert_nothing_tells (secrets, where);
          g_assert_true (contains_line (seen, "Candidate A"));
          g_assert_true (contains_line (seen, alias));
        }
      gtk_stack_set_visible_child_name (parts, "evidence");

      /* Edit Details would show the name: it is off, by button and by key. */
      n_windows = g_list_model_get_n_items (toplevels);
      g_assert_false (gtk_widget_is_sensitive (template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "edit_button")));
      gtk_widget_activate_action (GTK_WIDGET (panel_view_of (fixture)), "panel.edit-candidate", NULL);
      iterate_main_loop ();
      g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows);
    }

  /* The picture of it, with RUNG_SCREENSHOT_DIR. */
  rung_panel_view_select (panel_view_of (fixture), amara);
  iterate_main_loop_until ((WidgetHelpersDone)rung_evidence_view_is_filled, evidence_view);
  save_screenshot (GTK_WIDGET (fixture->window), "blind.png");

  /* The compare window: its checks and columns. */
  gtk_widget_activate_action (GTK_WIDGET (panel_view_of (fixture)), "panel.compare", NULL);
  iterate_main_loop ();
  compare = RUNG_COMPARE_WINDOW (find_toplevel (RUNG_TYPE_COMPARE_WINDOW));
  g_assert_nonnull (compare);
  g_assert_cmpuint (rung_compare_window_get_n_shown (compare), ==, 2);
  texts = assert_nothing_tells (secrets, "with the compare window open");
  g_clear_pointer (&texts, g_free);
  g_clear_pointer (&order, g_free);
  order = check_labels (GTK_WIDGET (compare));
  g_assert_true (g_str_has_prefix (order, "Candidate A,Candidate B,"));
  save_screenshot (GTK_WIDGET (compare), "blind-compare.png");

  /* The search finds letters, not names, managers, teams or evidence. */
  search_for (fixture, "Amara Okafor");
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 0);
  search_for (fixture, "Daniel");
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 0);
  search_for (fixture, "Payments");
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 0);
  search_for (fixture, "Candidate B");
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 1);
  {
    g_autofree char *name = rung_candidate_dup_display_name (rung_candidate_list_get_selected (list));

    g_assert_cmpstr (name, ==, "Candidate B");
  }
  search_for (fixture, "c");
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 1);
  /* A word only Kenji's evidence holds. */
  search_for (fixture, "indexer");
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 0);

  /* Seeing again, the search is the full-text one once more, at once. */
  g_assert_true (rung_meeting_set_blind (meeting, FALSE, &error));
  g_assert_no_error (error);
  iterate_main_loop ();
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 1);
  g_assert_cmpstr (rung_candidate_get_name (rung_candidate_list_get_selected (list)), ==, "Kenji Watanabe");
  search_for (fixture, "");
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 6);

  /* The names are back everywhere, and the order of names. */
  rung_panel_view_select (panel_view_of (fixture), amara);
  iterate_main_loop ();
  g_assert_cmpstr (gtk_label_get_text (heading), ==, "Amara Okafor");
  g_assert_nonnull (strstr (gtk_label_get_text (details), "Manager: Daniel Ferreira"));
  g_assert_nonnull (strstr (gtk_label_get_text (details), "Team: Payments Platform"));
  g_assert_true (gtk_widget_is_sensitive (template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "edit_button")));
  {
    g_autofree char *summary = summary_shown (page);

    g_assert_cmpstr (summary, ==, rung_candidate_get_summary (amara));
    g_assert_true (gtk_text_view_get_editable (template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "summary_view")));
  }
  g_clear_pointer (&order, g_free);
  order = listed_names (fixture);
  g_assert_true (g_str_has_prefix (order, "Amara Okafor,"));
  {
    g_autofree char *seen = assert_nothing_tells (nobody, "");

    for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
      {
        g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);

        /* In the sidebar and in the compare window's checks. */
        g_assert_nonnull (strstr (seen, rung_candidate_get_name (candidate)));
      }
    g_assert_false (contains_line (seen, "Candidate A"));
  }
  gtk_stack_set_visible_child_name (parts, "decision");
  iterate_main_loop ();
  texts = assert_nothing_tells (nobody, "");
  g_assert_nonnull (strstr (texts, "Recorded by Daniel Ferreira on "));
  g_clear_pointer (&texts, g_free);
  gtk_stack_set_visible_child_name (parts, "evidence");
  g_clear_pointer (&order, g_free);
  order = check_labels (GTK_WIDGET (compare));
  g_assert_true (g_str_has_prefix (order, "Amara Okafor,"));

  /* Blind again: the open compare window follows too. */
  g_assert_true (rung_meeting_set_blind (meeting, TRUE, &error));
  g_assert_no_error (error);
  iterate_main_loop ();
  texts = assert_nothing_tells (secrets, "when blind came back");
  g_assert_true (contains_line (texts, "Candidate A"));
  g_clear_pointer (&texts, g_free);

  /* Deleting says which letter went; Undo brings the candidate back. */
  rung_panel_view_select (panel_view_of (fixture), amara);
  iterate_main_loop ();
  {
    g_autofree char *alias = rung_candidate_dup_display_name (amara);
    g_autofree char *toast = g_strdup_printf ("Deleted “%s”", alias);
    gint64 id = rung_candidate_get_id (amara);

    gtk_widget_activate_action (GTK_WIDGET (panel_view_of (fixture)), "panel.delete-candidate", NULL);
    iterate_main_loop ();
    g_assert_null (rung_panel_find_candidate (panel, id));
    texts = assert_nothing_tells (secrets, "after a deletion");
    g_assert_true (contains_line (texts, toast));
    g_clear_pointer (&texts, g_free);

    g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (fixture->window), "_Undo"), "clicked");
    iterate_main_loop ();
    g_assert_nonnull (rung_panel_find_candidate (panel, id));
    texts = assert_nothing_tells (secrets, "after an undo");
    g_clear_pointer (&texts, g_free);
  }

  gtk_window_destroy (GTK_WINDOW (compare));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add ("/rung/blind/hides-names", Fixture, NULL, fixture_set_up, test_blind_hides_names, fixture_tear_down);

  return g_test_run ();
}

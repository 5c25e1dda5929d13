/* test-window.c: the main window under a (virtual) display, bound to real
 * panel files: the welcome page, opening the demo, the candidate list and
 * its search, the candidate page and its evidence editors (edits reach the
 * file), a file that cannot be opened, and a read-only panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-candidate-list.h"
#include "rung-candidate-page.h"
#include "rung-compare-window.h"
#include "rung-concern.h"
#include "rung-demo.h"
#include "rung-evidence.h"
#include "rung-evidence-editor.h"
#include "rung-evidence-view.h"
#include "rung-expectation.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panel-view.h"
#include "rung-window.h"
#include "widget-helpers.h"
#include "window-fixture.h"

/* The first evidence editor on the candidate page, in reading order. */
static RungEvidenceEditor *
find_first_editor (GtkWidget *widget)
{
  if (RUNG_IS_EVIDENCE_EDITOR (widget))
    return RUNG_EVIDENCE_EDITOR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      RungEvidenceEditor *found = find_first_editor (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A text view is tall enough for all its text, at the width it was given. */
static void
assert_shows_all_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  PangoLayout *layout;
  GtkTextIter start, end;
  int width = gtk_widget_get_width (GTK_WIDGET (view)) -
              gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  int needed;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &needed);
  g_object_unref (layout);

  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=,
                   needed + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view));
}

static void
test_welcome (Fixture       *fixture,
              gconstpointer  data)
{
  GtkStack *stack = template_child (fixture->window, RUNG_TYPE_WINDOW, "main_stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");
  g_assert_null (rung_window_get_panel (fixture->window));
  g_assert_false (gtk_widget_get_visible (template_child (fixture->window, RUNG_TYPE_WINDOW, "recent_group")));
  save_screenshot (GTK_WIDGET (fixture->window), "welcome.png");
}

/* A window opened on a panel loads no icon for the status pages it does not
 * show (at their size Adwaita's icons are SVG, and loading one brings in
 * librsvg); each page gets its icon when it is first shown. */
static void
test_status_page_icons_load_when_shown (Fixture       *fixture,
                                        gconstpointer  data)
{
  RungWindow *window = rung_window_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  AdwStatusPage *welcome = template_child (window, RUNG_TYPE_WINDOW, "welcome_page");
  RungPanelView *view = template_child (window, RUNG_TYPE_WINDOW, "panel_view");
  AdwStatusPage *empty = template_child (view, RUNG_TYPE_PANEL_VIEW, "empty_page");

  g_assert_true (rung_window_open_panel_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  iterate_main_loop ();
  g_assert_null (adw_status_page_get_icon_name (welcome));
  g_assert_null (adw_status_page_get_icon_name (empty));

  rung_window_set_panel (window, NULL);
  iterate_main_loop ();
  g_assert_cmpstr (adw_status_page_get_icon_name (welcome), ==, APP_ID);

  /* Shown once, the page keeps its icon. */
  g_assert_true (rung_window_open_panel_file (window, file));
  iterate_main_loop ();
  g_assert_cmpstr (adw_status_page_get_icon_name (welcome), ==, APP_ID);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_shows_candidates (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkStack *stack = template_child (fixture->window, RUNG_TYPE_WINDOW, "main_stack");
  RungCandidateList *list;
  RungCandidate *selected;

  open_demo (fixture);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "panel");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "H2 2026 Staff+ promotions");

  list = candidate_list_of (fixture);
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 6);
  selected = rung_candidate_list_get_selected (list);
  g_assert_nonnull (selected);
  g_assert_true (rung_candidate_page_get_candidate (candidate_page_of (fixture)) == selected);

  /* Amara's first item is long: every line of it is shown, none cut off. */
  {
    RungEvidenceEditor *editor = find_first_editor (GTK_WIDGET (candidate_page_of (fixture)));

    iterate_main_loop ();
    assert_shows_all_text (template_child (editor, RUNG_TYPE_EVIDENCE_EDITOR, "text_view"));
  }

  save_screenshot (GTK_WIDGET (fixture->window), "panel.png");

  /* Closing the panel goes back to the welcome page, now with a recent panel. */
  rung_window_set_panel (fixture->window, NULL);
  iterate_main_loop ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");
  g_assert_true (gtk_widget_get_visible (template_child (fixture->window, RUNG_TYPE_WINDOW, "recent_group")));
  save_screenshot (GTK_WIDGET (fixture->window), "welcome-recent.png");

  /* Open Recent in the menu knows the panel too, and opens it. */
  {
    GMenuModel *recent = template_child (fixture->window, RUNG_TYPE_WINDOW, "recent_menu");
    g_autoptr(GVariant) target = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (recent), ==, 1);
    target = g_menu_model_get_item_attribute_value (recent, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, fixture->path);

    gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), "win.open-recent", target);
    iterate_main_loop ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "panel");
  }
}

static void
test_search_by_evidence (Fixture       *fixture,
                         gconstpointer  data)
{
  RungCandidateList *list;
  GtkEditable *search;

  open_demo (fixture);
  list = candidate_list_of (fixture);
  search = template_child (list, RUNG_TYPE_CANDIDATE_LIST, "search_entry");

  /* A word only Kenji's evidence holds. */
  gtk_editable_set_text (search, "indexer");
  iterate_main_loop ();
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 1);
  g_assert_cmpstr (rung_candidate_get_name (rung_candidate_list_get_selected (list)), ==, "Kenji Watanabe");

  gtk_editable_set_text (search, "no such word anywhere");
  iterate_main_loop ();
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (list, RUNG_TYPE_CANDIDATE_LIST, "list_stack")),
                   ==, "empty");

  gtk_editable_set_text (search, "");
  iterate_main_loop ();
  g_assert_cmpuint (rung_candidate_list_get_n_shown (list), ==, 6);
}

static void
test_evidence_edits_reach_the_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  RungEvidenceEditor *editor;
  GtkTextView *text_view;
  gint64 evidence_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) reopened = NULL;
  RungCandidate *candidate;
  char *name;
  gboolean found = FALSE;

  open_demo (fixture);
  editor = find_first_editor (GTK_WIDGET (candidate_page_of (fixture)));
  g_assert_nonnull (editor);
  evidence_id = rung_evidence_get_id (rung_evidence_editor_get_evidence (editor));
  name = g_strdup (rung_candidate_get_name (rung_candidate_list_get_selected (candidate_list_of (fixture))));

  text_view = template_child (editor, RUNG_TYPE_EVIDENCE_EDITOR, "text_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "Rewritten <b>in the window</b>.", -1);
  g_assert_cmpstr (gtk_label_get_text (template_child (editor, RUNG_TYPE_EVIDENCE_EDITOR, "state_label")),
                   ==, "Saving…");

  /* Closing the panel flushes the edit before the debounce runs out. */
  rung_window_set_panel (fixture->window, NULL);

  reopened = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  candidate = rung_panel_find_candidate_by_name (reopened, name);
  g_free (name);

  {
    g_autoptr(GPtrArray) audit = rung_panel_list_audit (reopened, 1, &error);
    RungAuditRecord *last = g_ptr_array_index (audit, 0);

    g_assert_cmpstr (last->entity, ==, "evidence");
    g_assert_cmpint (last->entity_id, ==, evidence_id);
    found = strstr (last->after, "Rewritten <b>in the window</b>.") != NULL;
  }
  g_assert_true (found);
  g_assert_nonnull (candidate);
  rung_panel_close (reopened);
}

/* Whether some label under @widget says @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static void
test_panel_and_decision_pages (Fixture       *fixture,
                               gconstpointer  data)
{
  RungCandidatePage *page;
  GtkStack *parts;
  RungPanel *panel;
  RungCandidate *rafael;
  g_autoptr(GError) error = NULL;

  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  page = candidate_page_of (fixture);
  parts = template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "view_stack");

  /* Rafael's former manager is recused from rating him. */
  rafael = rung_panel_find_candidate_by_name (panel, "Rafael Oliveira");
  rung_panel_view_select (panel_view_of (fixture), rafael);
  gtk_stack_set_visible_child_name (parts, "panel");
  iterate_main_loop ();
  g_assert_true (shows_text (GTK_WIDGET (page), "Mei Lin Chen"));
  g_assert_true (shows_text (GTK_WIDGET (page), "Recused: conflict of interest"));
  save_screenshot (GTK_WIDGET (fixture->window), "candidate-panel.png");

  /* The decision page shows both revisions, the newest first, and follows
   * a new one. */
  gtk_stack_set_visible_child_name (parts, "decision");
  iterate_main_loop ();
  g_assert_true (shows_text (GTK_WIDGET (page), "Revision 2: Not yet"));
  g_assert_true (shows_text (GTK_WIDGET (page), "Revision 1: Defer"));
  save_screenshot (GTK_WIDGET (fixture->window), "candidate-decision.png");

  g_assert_nonnull (rung_panel_record_decision (panel, rafael, "promote", 3, 0, 0,
                                                "New evidence of cross-team leadership.",
                                                "The panel reviewed the development plan.", &error));
  g_assert_no_error (error);
  iterate_main_loop ();
  g_assert_true (shows_text (GTK_WIDGET (page), "Revision 3: Promote"));
  g_assert_true (shows_text (GTK_WIDGET (page), "Why it changed: The panel reviewed the development plan."));
}

/* The first button under @widget with that accessible label. */
static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *prefix)
{
  if (GTK_IS_BUTTON (widget))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));

      if (label != NULL && g_str_has_prefix (label, prefix) && gtk_widget_get_mapped (widget))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first button shown in @widget whose tooltip is @tooltip: icon
 * buttons have no label. */
static GtkWidget *
find_button_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks @button and answers the message dialog it opens with @response,
 * after setting its note entry to @note. */
static void
answer_concern_dialog (GtkWidget  *button,
                       const char *note,
                       const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(AdwMessageDialog) dialog = NULL;
  guint n = g_list_model_get_n_items (toplevels);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n + 1);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = g_object_ref (ADW_MESSAGE_DIALOG (toplevel));
    }
  g_assert_nonnull (dialog);

  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_last_child (adw_message_dialog_get_extra_child (dialog))), note);
  adw_message_dialog_response (dialog, response);
  iterate_main_loop ();
}

static void
test_raise_concern (Fixture       *fixture,
                    gconstpointer  data)
{
  RungCandidatePage *page;
  RungPanel *panel;
  RungCandidate *amara;
  GListModel *concerns;

  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  amara = rung_panel_find_candidate_by_name (panel, "Amara Okafor");
  rung_panel_view_select (panel_view_of (fixture), amara);
  page = candidate_page_of (fixture);
  iterate_main_loop ();
  concerns = rung_candidate_get_concerns (amara);
  g_assert_cmpuint (g_list_model_get_n_items (concerns), ==, 0);

  answer_concern_dialog (find_button_labelled (GTK_WIDGET (page), "Raise a Concern"),
                         "Dismissed a junior's <b>question</b>", "save");

  /* The concern is in the model, and the page shows it, as text. */
  g_assert_cmpuint (g_list_model_get_n_items (concerns), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (page), "Priya Raman: Dismissed a junior's <b>question</b>"));

  /* Edited, it keeps its panelist and says what it says now. */
  answer_concern_dialog (find_button_with_tooltip (GTK_WIDGET (page), "Edit the Concern"),
                         "Talked over a junior twice", "save");
  g_assert_cmpuint (g_list_model_get_n_items (concerns), ==, 1);
  {
    g_autoptr(RungConcern) concern = g_list_model_get_item (concerns, 0);

    g_assert_cmpstr (rung_concern_get_note (concern), ==, "Talked over a junior twice");
  }
  g_assert_true (shows_text (GTK_WIDGET (page), "Priya Raman: Talked over a junior twice"));
  g_assert_false (shows_text (GTK_WIDGET (page), "Priya Raman: Dismissed a junior's <b>question</b>"));

  /* Withdrawn, it is gone from the file; Undo in the toast brings it back. */
  g_signal_emit_by_name (find_button_with_tooltip (GTK_WIDGET (page), "Withdraw the Concern"), "clicked");
  iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (concerns), ==, 0);
  g_assert_false (shows_text (GTK_WIDGET (page), "Priya Raman: Talked over a junior twice"));

  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (fixture->window), "_Undo"), "clicked");
  iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (concerns), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (page), "Priya Raman: Talked over a junior twice"));

  /* The anti-patterns end the page: scrolled to its end, for the picture. */
  {
    GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (template_child (page, RUNG_TYPE_CANDIDATE_PAGE,
                                                                                 "scroller"));

    gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
    iterate_main_loop ();
  }
  save_screenshot (GTK_WIDGET (fixture->window), "candidate-concerns.png");
}

static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  RungPanel *panel;
  GtkWidget *compare;
  RungCompareWindow *window;
  GListModel *candidates;

  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  candidates = rung_panel_get_candidates (panel);

  compare = rung_compare_window_new (panel, rung_panel_find_candidate_by_name (panel, "Kenji Watanabe"));
  window = RUNG_COMPARE_WINDOW (compare);
  gtk_window_present (GTK_WINDOW (compare));
  iterate_main_loop ();

  /* It starts with two, and takes no more than four. */
  g_assert_cmpuint (rung_compare_window_get_n_shown (window), ==, 2);
  g_assert_true (shows_text (compare, "Codebase and technical direction"));
  save_screenshot (compare, "compare.png");

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);

      rung_compare_window_set_shown (window, candidate, TRUE);
    }
  g_assert_cmpuint (rung_compare_window_get_n_shown (window), ==, RUNG_COMPARE_MAX);

  rung_compare_window_set_shown (window, rung_panel_find_candidate_by_name (panel, "Kenji Watanabe"), FALSE);
  g_assert_cmpuint (rung_compare_window_get_n_shown (window), ==, RUNG_COMPARE_MAX - 1);

  gtk_window_destroy (GTK_WINDOW (compare));
}

static void
test_bad_file_changes_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "notes.rung", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bad);
  GListModel *toplevels = gtk_window_get_toplevels ();
  RungPanel *before;
  guint n;

  open_demo (fixture);
  before = rung_window_get_panel (fixture->window);
  g_assert_true (g_file_set_contents (bad, "just notes", -1, NULL));

  n = g_list_model_get_n_items (toplevels);
  g_assert_false (rung_window_open_panel_file (fixture->window, file));
  iterate_main_loop ();

  g_assert_true (rung_window_get_panel (fixture->window) == before);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n + 1);
  {
    g_autoptr(GtkWindow) dialog = g_list_model_get_item (toplevels, 0);
    guint i = 0;

    while (!ADW_IS_MESSAGE_DIALOG (dialog) && ++i < g_list_model_get_n_items (toplevels))
      {
        g_clear_object (&dialog);
        dialog = g_list_model_get_item (toplevels, i);
      }

    g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not a Rung panel"));
    save_screenshot (GTK_WIDGET (dialog), "panel-open-error.png");
    gtk_window_destroy (dialog);
  }
}

static void
test_read_only_panel (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkRevealer *bar = template_child (fixture->window, RUNG_TYPE_WINDOW, "read_only_revealer");
  RungEvidenceEditor *editor;

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  open_demo (fixture);

  g_assert_true (rung_panel_is_read_only (rung_window_get_panel (fixture->window)));
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  /* New Candidate does nothing: no dialog comes up. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint n = g_list_model_get_n_items (toplevels);

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-candidate", NULL);
    iterate_main_loop ();
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n);
  }
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (template_child (candidate_page_of (fixture),
                                                                       RUNG_TYPE_CANDIDATE_PAGE,
                                                                       "status_dropdown"))));

  editor = find_first_editor (GTK_WIDGET (candidate_page_of (fixture)));
  g_assert_false (gtk_text_view_get_editable (template_child (editor, RUNG_TYPE_EVIDENCE_EDITOR, "text_view")));
  /* It reads as text: styled so, and no fields for what the item lacks. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor), "read-only"));
  g_assert_true (gtk_widget_has_css_class (template_child (candidate_page_of (fixture), RUNG_TYPE_CANDIDATE_PAGE,
                                                           "summary_frame"), "read-only"));
  save_screenshot (GTK_WIDGET (fixture->window), "panel-read-only.png");
}

/* Collects every evidence editor on the page that is shown, in reading order. */
static void
collect_shown_editors (GtkWidget *widget,
                       GPtrArray *editors)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (RUNG_IS_EVIDENCE_EDITOR (widget))
    {
      g_ptr_array_add (editors, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shown_editors (child, editors);
}

/* The page shows @candidate's items, each once, in the ladder's order. */
static void
assert_page_shows_evidence_of (Fixture       *fixture,
                               RungCandidate *candidate)
{
  g_autoptr(GPtrArray) editors = g_ptr_array_new ();
  RungLevel *level = rung_candidate_get_level (candidate);
  GListModel *areas = rung_level_get_areas (level);
  guint shown = 0;

  collect_shown_editors (GTK_WIDGET (candidate_page_of (fixture)), editors);
  g_assert_cmpuint (editors->len, ==, rung_candidate_get_n_evidence (candidate));

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      GListModel *expectations = rung_area_get_expectations (area);

      for (guint e = 0; e < g_list_model_get_n_items (expectations); e++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, e);
          GListModel *items = rung_candidate_get_evidence (candidate, rung_expectation_get_id (expectation));

          for (guint i = 0; i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, i);
              RungEvidenceEditor *editor = g_ptr_array_index (editors, shown++);
              GtkTextView *text_view = template_child (editor, RUNG_TYPE_EVIDENCE_EDITOR, "text_view");
              GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
              GtkTextIter start, end;
              g_autofree char *text = NULL;

              g_assert_true (rung_evidence_editor_get_evidence (editor) == evidence);
              gtk_text_buffer_get_bounds (buffer, &start, &end);
              text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
              g_assert_cmpstr (text, ==, rung_evidence_get_text (evidence));
            }
        }
    }
}

/* How many items @candidate has for the first expectation of their level. */
static guint
n_items_in_first_row (RungCandidate *candidate)
{
  g_autoptr(RungArea) area = g_list_model_get_item (rung_level_get_areas (rung_candidate_get_level (candidate)), 0);
  g_autoptr(RungExpectation) expectation = g_list_model_get_item (rung_area_get_expectations (area), 0);

  return g_list_model_get_n_items (rung_candidate_get_evidence (candidate, rung_expectation_get_id (expectation)));
}

static void
test_switching_candidates_shows_their_evidence (Fixture       *fixture,
                                                gconstpointer  data)
{
  RungPanelView *view;
  GListModel *candidates;
  RungEvidenceView *evidence_view;
  g_autoptr(GPtrArray) with_first_row = g_ptr_array_new_with_free_func (g_object_unref);

  open_demo (fixture);
  view = panel_view_of (fixture);
  candidates = rung_panel_get_candidates (rung_window_get_panel (fixture->window));
  evidence_view = template_child (candidate_page_of (fixture), RUNG_TYPE_CANDIDATE_PAGE, "evidence_view");
  g_assert_cmpuint (g_list_model_get_n_items (candidates), >=, 3);

  /* Every candidate in turn, and back to the first: the editors the page
   * reuses show the items of the candidate shown, never the one before. */
  for (guint i = 0; i <= g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i % g_list_model_get_n_items (candidates));

      rung_panel_view_select (view, candidate);
      /* The rows below the first screen follow right after the first frame. */
      iterate_main_loop_until ((WidgetHelpersDone)rung_evidence_view_is_filled, evidence_view);
      g_assert_true (rung_evidence_view_is_filled (evidence_view));
      assert_page_shows_evidence_of (fixture, candidate);

      if (i < g_list_model_get_n_items (candidates) && n_items_in_first_row (candidate) > 0)
        g_ptr_array_add (with_first_row, g_object_ref (candidate));
    }

  /* Between two candidates with evidence in the first row, its editor is
   * the same widget, handed the other candidate's item. */
  g_assert_cmpuint (with_first_row->len, >=, 2);
  {
    RungEvidenceEditor *first;

    rung_panel_view_select (view, g_ptr_array_index (with_first_row, 0));
    iterate_main_loop ();
    first = find_first_editor (GTK_WIDGET (candidate_page_of (fixture)));
    rung_panel_view_select (view, g_ptr_array_index (with_first_row, 1));
    iterate_main_loop_until ((WidgetHelpersDone)rung_evidence_view_is_filled, evidence_view);
    g_assert_true (find_first_editor (GTK_WIDGET (candidate_page_of (fixture))) == first);
    assert_page_shows_evidence_of (fixture, g_ptr_array_index (with_first_row, 1));
  }
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/rung/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("welcome", test_welcome);
  ADD ("open-shows-candidates", test_open_shows_candidates);
  ADD ("status-page-icons-load-when-shown", test_status_page_icons_load_when_shown);
  ADD ("search-by-evidence", test_search_by_evidence);
  ADD ("evidence-edits-reach-the-file", test_evidence_edits_reach_the_file);
  ADD ("switching-candidates-shows-their-evidence", test_switching_candidates_shows_their_evidence);
  ADD ("panel-and-decision-pages", test_panel_and_decision_pages);
  ADD ("raise-concern", test_raise_concern);
  ADD ("compare", test_compare);
  ADD ("bad-file-changes-nothing", test_bad_file_changes_nothing);
  ADD ("read-only-panel", test_read_only_panel);
#undef ADD

  return g_test_run ();
}

/* test-coverage-window.c: the coverage gate in the window. Choosing Ready
 * for a draft with an area of no evidence asks for a reason first: Cancel
 * leaves the candidate a draft, a reason moves them on and shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rung-candidate.h"
#include "window-fixture.h"

static RungCandidate *
select_draft_with_gaps (Fixture *fixture)
{
  RungPanel *panel = rung_panel_view_get_panel (panel_view_of (fixture));
  RungCandidate *zoe = rung_panel_find_candidate_by_name (panel, "Zoë Müller-Ågren");
  g_autofree char *uncovered = NULL;

  g_assert_nonnull (zoe);
  g_assert_cmpint (rung_candidate_get_status (zoe), ==, RUNG_CANDIDATE_STATUS_DRAFT);
  uncovered = rung_candidate_dup_uncovered_summary (zoe);
  g_assert_nonnull (uncovered);

  rung_panel_view_select (panel_view_of (fixture), zoe);
  iterate_main_loop ();

  return zoe;
}

/* Chooses @status in the page's dropdown and returns the dialog it opened. */
static AdwMessageDialog *
choose_status (Fixture             *fixture,
               RungCandidateStatus  status)
{
  GtkDropDown *dropdown = template_child (candidate_page_of (fixture), RUNG_TYPE_CANDIDATE_PAGE,
                                          "status_dropdown");
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  gtk_drop_down_set_selected (dropdown, status);
  iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n + 1);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  g_assert_not_reached ();
}

static GtkEditable *
reason_entry (AdwMessageDialog *dialog)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);

  return GTK_EDITABLE (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)));
}

static void
test_cancel_keeps_draft (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkDropDown *dropdown;
  RungCandidate *zoe;
  AdwMessageDialog *dialog;

  open_demo (fixture);
  zoe = select_draft_with_gaps (fixture);
  dialog = choose_status (fixture, RUNG_CANDIDATE_STATUS_READY);

  /* Nothing is written while it asks, and Override needs a reason. */
  g_assert_cmpint (rung_candidate_get_status (zoe), ==, RUNG_CANDIDATE_STATUS_DRAFT);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Zoë Müller-Ågren has no evidence for"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "override"));
  gtk_editable_set_text (reason_entry (dialog), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "override"));

  adw_message_dialog_response (dialog, "cancel");
  iterate_main_loop ();

  dropdown = template_child (candidate_page_of (fixture), RUNG_TYPE_CANDIDATE_PAGE, "status_dropdown");
  g_assert_cmpint (rung_candidate_get_status (zoe), ==, RUNG_CANDIDATE_STATUS_DRAFT);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, RUNG_CANDIDATE_STATUS_DRAFT);
  g_assert_null (rung_candidate_get_coverage_override (zoe));
}

static void
test_reason_overrides (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkLabel *label;
  RungCandidate *zoe;
  AdwMessageDialog *dialog;

  open_demo (fixture);
  zoe = select_draft_with_gaps (fixture);
  label = template_child (candidate_page_of (fixture), RUNG_TYPE_CANDIDATE_PAGE, "override_label");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));

  dialog = choose_status (fixture, RUNG_CANDIDATE_STATUS_READY);
  gtk_editable_set_text (reason_entry (dialog), "Her manager is on leave; the panel asked to see her now.");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "override"));
  save_screenshot (GTK_WIDGET (dialog), "coverage-override.png");
  adw_message_dialog_response (dialog, "override");
  iterate_main_loop ();

  g_assert_cmpint (rung_candidate_get_status (zoe), ==, RUNG_CANDIDATE_STATUS_READY);
  g_assert_cmpstr (rung_candidate_get_coverage_override (zoe), ==,
                   "Her manager is on leave; the panel asked to see her now.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "Her manager is on leave"));
  save_screenshot (GTK_WIDGET (fixture->window), "candidate-override.png");
}

static void
test_covered_needs_no_reason (Fixture       *fixture,
                              gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  RungPanel *panel;
  RungCandidate *amara;
  GtkDropDown *dropdown;
  g_autofree char *uncovered = NULL;
  guint n;

  open_demo (fixture);
  panel = rung_panel_view_get_panel (panel_view_of (fixture));
  amara = rung_panel_find_candidate_by_name (panel, "Amara Okafor");
  uncovered = rung_candidate_dup_uncovered_summary (amara);
  g_assert_null (uncovered);
  rung_panel_view_select (panel_view_of (fixture), amara);
  iterate_main_loop ();

  /* Decided already; back to draft and on again, with no question. */
  dropdown = template_child (candidate_page_of (fixture), RUNG_TYPE_CANDIDATE_PAGE, "status_dropdown");
  n = g_list_model_get_n_items (toplevels);
  gtk_drop_down_set_selected (dropdown, RUNG_CANDIDATE_STATUS_DRAFT);
  iterate_main_loop ();
  gtk_drop_down_set_selected (dropdown, RUNG_CANDIDATE_STATUS_READY);
  iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n);
  g_assert_cmpint (rung_candidate_get_status (amara), ==, RUNG_CANDIDATE_STATUS_READY);
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add ("/rung/coverage-window/cancel-keeps-draft", Fixture, NULL,
              fixture_set_up, test_cancel_keeps_draft, fixture_tear_down);
  g_test_add ("/rung/coverage-window/reason-overrides", Fixture, NULL,
              fixture_set_up, test_reason_overrides, fixture_tear_down);
  g_test_add ("/rung/coverage-window/covered-needs-no-reason", Fixture, NULL,
              fixture_set_up, test_covered_needs_no_reason, fixture_tear_down);

  return g_test_run ();
}

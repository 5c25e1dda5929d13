/* test-calibration-window.c: Rater Calibration in a real window under Xvfb:
 * opened from the panel's menu on the demo, the chart, its description in
 * words, the neutral sentences and the table; and the empty state when
 * nobody has rated five candidates that others rated too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rung-calibration-chart.h"
#include "rung-calibration-window.h"
#include "rung-candidate.h"
#include "window-fixture.h"

/* The Rater Calibration window the test opened, if any. */
static RungCalibrationWindow *
calibration_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (RUNG_IS_CALIBRATION_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return RUNG_CALIBRATION_WINDOW (window);
    }

  return NULL;
}

static RungCalibrationWindow *
open_calibration (Fixture *fixture)
{
  RungCalibrationWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-calibration", NULL));
  iterate_main_loop ();
  window = calibration_window ();
  g_assert_nonnull (window);

  return window;
}

/* Every label's text under @widget, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  RungCalibrationWindow *window;
  RungCalibrationChart *chart;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *description = NULL;
  g_autofree char *mismatch = NULL;

  /* Without a panel there is nothing to calibrate. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-calibration", NULL);
  iterate_main_loop ();
  g_assert_null (calibration_window ());

  open_demo (fixture);
  window = open_calibration (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (window, RUNG_TYPE_CALIBRATION_WINDOW, "stack")),
                   ==, "calibration");

  /* The chart says in words what it draws, Sofia above and Marcus below. */
  chart = template_child (window, RUNG_TYPE_CALIBRATION_WINDOW, "chart");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 4 * 30);
  description = rung_calibration_chart_dup_description (chart);
  g_assert_nonnull (strstr (description, "Sofia Haddad: 0.6 above the rest of the panel on average"));
  g_assert_nonnull (strstr (description, "Marcus Bell: 0.7 below the rest of the panel on average"));
  g_assert_nonnull (strstr (description, "Priya Raman: in line with the rest of the panel"));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 description);
  g_assert_null (mismatch);

  /* The sentences, neutral, and the numbers as text. */
  collect_text (GTK_WIDGET (window), text);
  g_assert_nonnull (strstr (text->str,
                            "Sofia Haddad’s ratings sit above the rest of the panel’s for 5 of 5 candidates, by 0.6 on average."));
  g_assert_nonnull (strstr (text->str,
                            "Marcus Bell’s ratings sit below the rest of the panel’s for 5 of 5 candidates, by 0.7 on average."));
  g_assert_nonnull (strstr (text->str, "+0.6 ± 0.3"));
  g_assert_null (strstr (text->str, "lenient"));
  g_assert_null (strstr (text->str, "harsh"));
  save_screenshot (GTK_WIDGET (window), "calibration.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_not_enough (Fixture       *fixture,
                 gconstpointer  data)
{
  RungCalibrationWindow *window;
  RungPanel *panel;
  RungCandidate *amara;
  g_autoptr(GError) error = NULL;

  /* Without Amara nobody has rated five candidates. */
  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  amara = rung_panel_find_candidate_by_name (panel, "Amara Okafor");
  g_assert_nonnull (amara);
  g_assert_true (rung_panel_delete_candidate (panel, amara, &error));
  g_assert_no_error (error);

  window = open_calibration (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (window, RUNG_TYPE_CALIBRATION_WINDOW, "stack")),
                   ==, "empty");
  save_screenshot (GTK_WIDGET (window), "calibration-empty.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Panel tab shows the same beside a candidate's ratings. */
static void
test_in_the_panel_tab (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) later = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  RungPanelView *view;
  GtkWidget *ratings;
  RungPanel *panel;

  open_demo (fixture);
  view = panel_view_of (fixture);
  panel = rung_window_get_panel (fixture->window);
  rung_panel_view_select (view, rung_panel_find_candidate_by_name (panel, "Kenji Watanabe"));
  iterate_main_loop ();
  gtk_stack_set_visible_child_name (template_child (candidate_page_of (fixture), RUNG_TYPE_CANDIDATE_PAGE,
                                                    "view_stack"), "panel");
  iterate_main_loop ();

  ratings = template_child (candidate_page_of (fixture), RUNG_TYPE_CANDIDATE_PAGE, "ratings_view");
  collect_text (ratings, text);
  g_assert_nonnull (strstr (text->str, "How Each Panelist Rates"));
  g_assert_nonnull (strstr (text->str,
                            "Sofia Haddad’s ratings sit above the rest of the panel’s for 5 of 5 candidates, by 0.6 on average."));
  g_assert_null (strstr (text->str, "Calibration shows once"));
  save_screenshot (ratings, "candidate-panel-calibration.png");

  /* Too few candidates left: it says so, the next time it is shown. */
  g_assert_true (rung_panel_delete_candidate (panel, rung_panel_find_candidate_by_name (panel, "Amara Okafor"), &error));
  g_assert_no_error (error);
  rung_panel_view_select (view, rung_panel_find_candidate_by_name (panel, "Rafael Oliveira"));
  iterate_main_loop ();
  collect_text (ratings, later);
  g_assert_nonnull (strstr (later->str, "Calibration shows once panelists have rated at least five"));
  g_assert_null (strstr (later->str, "Sofia Haddad’s ratings sit"));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add ("/rung/calibration-window/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);
  g_test_add ("/rung/calibration-window/in-the-panel-tab", Fixture, NULL, fixture_set_up, test_in_the_panel_tab,
              fixture_tear_down);
  g_test_add ("/rung/calibration-window/not-enough", Fixture, NULL, fixture_set_up, test_not_enough,
              fixture_tear_down);

  return g_test_run ();
}

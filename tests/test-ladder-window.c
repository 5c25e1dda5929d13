/* test-ladder-window.c: the ladder window under a (virtual) display: it shows the
 * bundled ladder's areas, switching area shows its expectations, another
 * ladder replaces it, and a bad file leaves the current ladder in place.
 * With RUNG_SCREENSHOT_DIR set, it also saves PNGs of the views it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "widget-helpers.h"

#include "rung-area.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-ladder-view.h"
#include "rung-level.h"
#include "rung-ladder-window.h"

static RungLadderView *
ladder_view_of (RungLadderWindow *window)
{
  return template_child (window, RUNG_TYPE_LADDER_WINDOW, "ladder_view");
}

static const char *
view_label (RungLadderView *view,
            const char     *name)
{
  return gtk_label_get_text (template_child (view, RUNG_TYPE_LADDER_VIEW, name));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static RungLadderWindow *
create_window (RungLadder *ladder)
{
  RungLadderWindow *window = rung_ladder_window_new (NULL, ladder);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  iterate_main_loop ();

  return window;
}

static void
test_window_shows_bundled_ladder (void)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  RungLadderWindow *window = create_window (ladder);
  RungLadderView *view = ladder_view_of (window);
  GtkListView *sections = template_child (view, RUNG_TYPE_LADDER_VIEW, "sections_list");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (sections));
  GtkStack *stack = template_child (view, RUNG_TYPE_LADDER_VIEW, "content_stack");
  GtkListBox *anti_patterns = template_child (view, RUNG_TYPE_LADDER_VIEW, "anti_patterns_list");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Engineering ladder");

  /* The overview, then the eight areas. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);
  for (guint i = 1; i < 9; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (RUNG_IS_AREA (item));
    }

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "overview");
  g_assert_cmpstr (view_label (view, "overview_title"), ==, "L6");
  g_assert_true (g_str_has_prefix (view_label (view, "overview_summary"),
                                   "An L6 is an extraordinary engineer"));
  g_assert_cmpuint (count_rows (anti_patterns), ==, 3);

  save_screenshot (GTK_WIDGET (window), "ladder-overview.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_switching_area_shows_its_expectations (void)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  RungLadderWindow *window = create_window (ladder);
  RungLadderView *view = ladder_view_of (window);
  GtkStack *stack = template_child (view, RUNG_TYPE_LADDER_VIEW, "content_stack");
  GtkListBox *expectations = template_child (view, RUNG_TYPE_LADDER_VIEW, "expectations_list");
  g_autoptr(RungLevel) level = g_list_model_get_item (rung_ladder_get_levels (ladder), 0);
  GListModel *areas = rung_level_get_areas (level);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);
      GListModel *area_expectations = rung_area_get_expectations (area);
      g_autoptr(RungExpectation) first = g_list_model_get_item (area_expectations, 0);
      GtkListBoxRow *row;
      GtkWidget *box;

      rung_ladder_view_set_selected (view, i + 1);
      iterate_main_loop ();

      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "area");
      g_assert_cmpstr (view_label (view, "area_title"), ==, rung_area_get_title (area));
      g_assert_cmpuint (count_rows (expectations), ==, g_list_model_get_n_items (area_expectations));

      /* The row shows the expectation's full text, verbatim. */
      row = gtk_list_box_get_row_at_index (expectations, 0);
      box = gtk_list_box_row_get_child (row);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box))), ==,
                       rung_expectation_get_title (first));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box))), ==,
                       rung_expectation_get_text (first));
    }

  rung_ladder_view_set_selected (view, 1);
  iterate_main_loop ();
  save_screenshot (GTK_WIDGET (window), "ladder-area.png");

  /* The keyboard steps through the sections. */
  gtk_widget_activate_action (GTK_WIDGET (view), "ladder.next-section", NULL);
  g_assert_cmpuint (rung_ladder_view_get_selected (view), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (view), "ladder.previous-section", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "ladder.previous-section", NULL);
  g_assert_cmpuint (rung_ladder_view_get_selected (view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "ladder.previous-section", NULL);
  g_assert_cmpuint (rung_ladder_view_get_selected (view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "overview");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_other_ladder_replaces_and_bad_file_keeps (void)
{
  g_autoptr(RungLadder) bundled = rung_ladder_new_bundled ();
  RungLadderWindow *window = create_window (bundled);
  RungLadderView *view = ladder_view_of (window);
  GtkDropDown *levels = template_child (view, RUNG_TYPE_LADDER_VIEW, "level_dropdown");
  g_autofree char *good_path = g_build_filename (TEST_DATA_DIR, "ladders", "good", "custom-scale.xml", NULL);
  g_autofree char *bad_path = g_build_filename (TEST_DATA_DIR, "ladders", "bad", "xxe-file.xml", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels;
  RungLadder *custom;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (levels)));

  g_assert_true (rung_ladder_window_open_ladder_file (window, good));
  custom = rung_ladder_window_get_ladder (window);
  g_assert_true (custom != bundled);
  g_assert_true (rung_ladder_view_get_ladder (view) == custom);
  /* Two levels: the level chooser appears. */
  iterate_main_loop ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (levels)));
  save_screenshot (GTK_WIDGET (window), "ladder-custom.png");

  n_toplevels = g_list_model_get_n_items (toplevels);
  g_assert_false (rung_ladder_window_open_ladder_file (window, bad));
  iterate_main_loop ();

  /* The ladder stays, and a dialog says why the file was refused. */
  g_assert_true (rung_ladder_window_get_ladder (window) == custom);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel));

          g_assert_nonnull (strstr (body, "xxe-file.xml:"));
          g_assert_nonnull (strstr (body, "entity"));
          save_screenshot (GTK_WIDGET (toplevel), "ladder-open-error.png");
          gtk_window_destroy (toplevel);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add_func ("/rung/ladder-window/shows-bundled-ladder", test_window_shows_bundled_ladder);
  g_test_add_func ("/rung/ladder-window/switching-area", test_switching_area_shows_its_expectations);
  g_test_add_func ("/rung/ladder-window/open-ladder", test_other_ladder_replaces_and_bad_file_keeps);

  return g_test_run ();
}

/* test-citations-window.c: citing evidence in the decision dialog from the
 * keyboard (Alt+E to the filter, Tab to a choice, Space to check it), and
 * seeing what each revision cites in the decision view and its history; a
 * decision that cites nothing says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rung-candidate.h"
#include "rung-citation.h"
#include "rung-citation-picker.h"
#include "rung-decision.h"
#include "rung-evidence.h"
#include "window-fixture.h"

/* The first mapped label under @widget reading @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  return find_label (widget, text) != NULL;
}

/* The first mapped button under @widget whose label starts with @prefix. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *prefix)
{
  const char *label = NULL;

  if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  if (label != NULL && g_str_has_prefix (label, prefix) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

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

static AdwMessageDialog *
open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_root_get_focus (GTK_ROOT (data)) != NULL;
}

/* The dialog @button opens, once it is on screen with its first focus. */
static AdwMessageDialog *
open_dialog_with (GtkWidget *button)
{
  AdwMessageDialog *dialog;

  g_signal_emit_by_name (button, "clicked");
  iterate_main_loop ();
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  iterate_main_loop_until (dialog_is_shown, dialog);

  return dialog;
}

static gboolean
filter_has_focus (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (data));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

static GtkWidget *
focused_widget (AdwMessageDialog *dialog)
{
  return gtk_root_get_focus (GTK_ROOT (dialog));
}

struct ExpectedChoice
{
  GtkWidget  *dialog;
  const char *label;
};

static guint
count_mapped_choices (GtkWidget *widget)
{
  guint n = GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_mapped (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_mapped_choices (child);

  return n;
}

/* The filter has left @label's choice alone on screen, laid out: Tab
 * orders widgets by where they are, so it must have its place. */
static gboolean
only_choice_shown (gpointer data)
{
  struct ExpectedChoice *choice = data;
  GtkWidget *picker = find_descendant (choice->dialog, RUNG_TYPE_CITATION_PICKER);
  GtkWidget *button = find_button (picker, choice->label);
  graphene_rect_t bounds;

  return button != NULL && count_mapped_choices (picker) == 1 &&
         gtk_widget_compute_bounds (button, choice->dialog, &bounds) &&
         bounds.size.width > 0 && bounds.size.height > 0;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames_drawn (gpointer data)
{
  return *(guint *)data >= 2;
}

/* Waits until @widget's window has drawn two frames: a change of layout
 * is allocated by then, even on a display other tests keep busy. */
static void
wait_for_layout (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  iterate_main_loop_until (two_frames_drawn, &frames);
  gtk_widget_remove_tick_callback (widget, id);
}

/* Alt+E, typing @filter, Tab to the first choice left, and Space: what the
 * keyboard does, through the handlers the keys reach. */
static void
cite_by_keyboard (AdwMessageDialog *dialog,
                  const char       *filter,
                  const char       *expected)
{
  struct ExpectedChoice expected_choice;
  GtkWidget *caption = find_label (GTK_WIDGET (dialog), "Cite evidence");
  GtkWidget *entry;
  GtkWidget *choice;

  g_assert_nonnull (caption);
  g_assert_true (gtk_label_get_use_underline (GTK_LABEL (caption)));
  g_assert_cmpuint (gtk_label_get_mnemonic_keyval (GTK_LABEL (caption)), ==, GDK_KEY_e);
  g_assert_true (gtk_widget_mnemonic_activate (caption, FALSE));
  entry = gtk_label_get_mnemonic_widget (GTK_LABEL (caption));
  g_assert_true (GTK_IS_SEARCH_ENTRY (entry));
  iterate_main_loop_until (filter_has_focus, entry);
  g_assert_true (filter_has_focus (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), filter);
  expected_choice.dialog = GTK_WIDGET (dialog);
  expected_choice.label = expected;
  iterate_main_loop_until (only_choice_shown, &expected_choice);
  wait_for_layout (GTK_WIDGET (dialog));
  g_assert_true (only_choice_shown (&expected_choice));
  g_assert_true (filter_has_focus (entry));

  /* Tab, as the picker passes it on from its filter. (Asked of the whole
   * dialog, the answer depends on whether the X server gives the window
   * the focus, which other tests on this display take now and then.) */
  g_assert_true (gtk_widget_child_focus (find_descendant (GTK_WIDGET (dialog), RUNG_TYPE_CITATION_PICKER),
                                         GTK_DIR_TAB_FORWARD));
  choice = focused_widget (dialog);
  g_assert_true (GTK_IS_CHECK_BUTTON (choice));
  g_assert_true (gtk_widget_is_focus (choice));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (choice)), ==, expected);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (choice)));

  /* Space is the check button's activate binding. */
  g_assert_true (gtk_widget_activate (choice));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (choice)));
}

static void
write_rationale (AdwMessageDialog *dialog,
                 const char       *text)
{
  GtkTextView *rationale = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (rationale), text, -1);
}

static void
record (AdwMessageDialog *dialog)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  adw_message_dialog_response (dialog, "record");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_main_loop ();
}

static void
show_decision_of (Fixture    *fixture,
                  const char *name)
{
  RungPanel *panel = rung_window_get_panel (fixture->window);
  RungCandidatePage *page = candidate_page_of (fixture);
  GtkStack *parts = template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "view_stack");

  rung_panel_view_select (panel_view_of (fixture), rung_panel_find_candidate_by_name (panel, name));
  gtk_stack_set_visible_child_name (parts, "decision");
  iterate_main_loop ();
}

static void
test_cite_by_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  RungCandidatePage *page;
  RungCandidate *zoe;
  AdwMessageDialog *dialog;
  RungDecision *latest;
  GtkWidget *button;
  GtkWidget *checked;

  open_demo (fixture);
  page = candidate_page_of (fixture);
  zoe = rung_panel_find_candidate_by_name (rung_window_get_panel (fixture->window), "Zoë Müller-Ågren");
  g_assert_nonnull (zoe);
  show_decision_of (fixture, "Zoë Müller-Ågren");

  button = find_button (GTK_WIDGET (page), "_Record Decision");
  g_assert_nonnull (button);
  dialog = open_dialog_with (button);

  /* Every item has an accessible name: the label it shows. */
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "Remote build execution"));

  cite_by_keyboard (dialog, "build execution", "Remote build execution");
  cite_by_keyboard (dialog, "hours", "Engineer hours saved");
  write_rationale (dialog, "Platform impact across every team that builds.");
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY)), "");
  iterate_main_loop ();
  save_screenshot (GTK_WIDGET (dialog), "decision-dialog-citations.png");
  record (dialog);

  latest = rung_candidate_get_latest_decision (zoe);
  g_assert_nonnull (latest);
  g_assert_cmpuint (rung_decision_get_n_citations (latest), ==, 2);

  /* The decision view lists them. */
  g_assert_true (shows_text (GTK_WIDGET (page), "Cites:"));
  g_assert_true (shows_text (GTK_WIDGET (page), "• Remote build execution (Responsibilities)"));
  g_assert_true (shows_text (GTK_WIDGET (page), "• Engineer hours saved (Impact)"));
  g_assert_false (shows_text (GTK_WIDGET (page), "Cites no evidence"));
  save_screenshot (GTK_WIDGET (fixture->window), "decision-view-citations.png");

  /* A change starts from what the latest cited; unchecking one leaves
   * the history of the first as it was. */
  button = find_button (GTK_WIDGET (page), "_Change Decision");
  g_assert_nonnull (button);
  dialog = open_dialog_with (button);
  checked = find_button (GTK_WIDGET (dialog), "Engineer hours saved");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (checked)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_button (GTK_WIDGET (dialog),
                                                                             "Remote build execution"))));
  gtk_widget_activate (checked);
  write_rationale (dialog, "The build work alone carries it.");
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), "Rescoped");
  record (dialog);

  latest = rung_candidate_get_latest_decision (zoe);
  g_assert_cmpint (rung_decision_get_revision (latest), ==, 2);
  g_assert_cmpuint (rung_decision_get_n_citations (latest), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (page), "Revision 2: Promote"));
  g_assert_true (shows_text (GTK_WIDGET (page), "Revision 1: Promote"));
  g_assert_true (shows_text (GTK_WIDGET (page), "• Engineer hours saved (Impact)"));
}

static void
test_cites_nothing_is_marked (Fixture       *fixture,
                              gconstpointer  data)
{
  RungCandidatePage *page;
  GtkWidget *none;
  RungCandidate *amara;
  g_autoptr(GError) error = NULL;
  RungEvidence *cited;
  GListModel *evidence;

  open_demo (fixture);
  page = candidate_page_of (fixture);
  show_decision_of (fixture, "Kenji Watanabe");

  none = find_label (GTK_WIDGET (page), "Cites no evidence");
  g_assert_nonnull (none);
  g_assert_true (gtk_widget_has_css_class (none, "warning"));
  g_assert_false (shows_text (GTK_WIDGET (page), "Cites:"));
  save_screenshot (GTK_WIDGET (fixture->window), "decision-view-cites-nothing.png");

  /* Evidence cited and then removed keeps its label, and says so. */
  show_decision_of (fixture, "Amara Okafor");
  g_assert_true (shows_text (GTK_WIDGET (page), "• Ledger v2 architecture (Responsibilities)"));
  amara = rung_panel_find_candidate_by_name (rung_window_get_panel (fixture->window), "Amara Okafor");
  evidence = rung_candidate_get_evidence (amara, "l6-responsibilities-technical-direction");
  cited = g_list_model_get_item (evidence, 0);
  g_assert_cmpstr (rung_evidence_get_title (cited), ==, "Ledger v2 architecture");
  g_assert_true (rung_candidate_remove_evidence (amara, cited, &error));
  g_assert_no_error (error);
  g_object_unref (cited);
  iterate_main_loop ();
  g_assert_true (shows_text (GTK_WIDGET (page), "• Ledger v2 architecture (Responsibilities) (since removed)"));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/rung/citations-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("cite-by-keyboard", test_cite_by_keyboard);
  ADD ("cites-nothing-is-marked", test_cites_nothing_is_marked);
#undef ADD

  return g_test_run ();
}

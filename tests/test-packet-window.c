/* test-packet-window.c: packet files from the main window, under a
 * (virtual) display: Export Packet… and Import Packets… into another panel
 * with identical evidence, two hundred packets at once with the progress
 * dialog advancing, the duplicate question (Replace, Keep Both, Skip, and
 * Do the same), items that do not map, a hostile file among good ones in
 * the summary, Cancel (also while a question waits), Undo, and when the
 * actions are off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-candidate-list.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-packet.h"
#include "rung-packet-importer.h"
#include "rung-panel.h"
#include "rung-window.h"
#include "rung-window-private.h"
#include "widget-helpers.h"
#include "window-fixture.h"

/* Long enough for two hundred packets on a slow, shared machine. */
#define IMPORT_TIMEOUT_S 120

/* Helpers */

static GFile *
file_in (Fixture    *fixture,
         const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static GListModel *
files_of (GPtrArray *files)
{
  GListStore *store = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; i < files->len; i++)
    g_list_store_append (store, g_ptr_array_index (files, i));

  return G_LIST_MODEL (store);
}

/* Shows a new panel without candidates, on the bundled ladder. */
static RungPanel *
show_empty_panel (Fixture    *fixture,
                  const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".rung", NULL);
  g_autoptr(GFile) file = file_in (fixture, file_name);

  g_assert_true (rung_window_create_panel (fixture->window, file, name, "Committee", "H2"));
  iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (rung_window_get_panel (fixture->window))),
                    ==, 0);

  return rung_window_get_panel (fixture->window);
}

/* Writes @candidate's packet to @name in the fixture's folder. */
static GFile *
write_packet (Fixture       *fixture,
              RungCandidate *candidate,
              const char    *name)
{
  g_autoptr(RungPacket) packet = rung_packet_new_from_candidate (candidate);
  g_autoptr(GError) error = NULL;
  GFile *file = file_in (fixture, name);

  g_assert_true (rung_packet_write_file (packet, file, &error));
  g_assert_no_error (error);

  return file;
}

/* Writes the demo panel's @names as packets, in that order. */
static GPtrArray *
write_demo_packets (Fixture            *fixture,
                    const char * const *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) demo = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *file_name = g_strdup_printf ("%02u %s.rungpacket", i, names[i]);
      RungCandidate *candidate = rung_panel_find_candidate_by_name (demo, names[i]);

      g_assert_nonnull (candidate);
      g_ptr_array_add (files, write_packet (fixture, candidate, file_name));
    }
  rung_panel_close (demo);

  return files;
}

/* Lets the import run until it is over, answering nothing. */
static void
wait_for_import (RungPacketImporter *importer)
{
  gint64 deadline = g_get_monotonic_time () + IMPORT_TIMEOUT_S * G_USEC_PER_SEC;

  while (rung_packet_importer_is_running (importer) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_false (rung_packet_importer_is_running (importer));
  iterate_main_loop ();
}

/* The message dialog shown whose heading is @heading, or %NULL. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

typedef struct
{
  const char       *heading;
  AdwMessageDialog *found;
  RungPacketImporter *importer;
} DialogWait;

static gboolean
dialog_is_shown (gpointer data)
{
  DialogWait *wait = data;

  wait->found = find_dialog (wait->heading);
  return wait->found != NULL || (wait->importer != NULL && !rung_packet_importer_is_running (wait->importer));
}

/* Waits for the question or summary @heading, while @importer (nullable) runs. */
static AdwMessageDialog *
wait_for_dialog (RungPacketImporter *importer,
                 const char         *heading)
{
  DialogWait wait = { heading, NULL, importer };

  iterate_main_loop_until (dialog_is_shown, &wait);
  g_assert_nonnull (wait.found);

  return wait.found;
}

/* The first widget of @type under @widget. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a label shown under @widget says @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* The button shown under @widget whose label is @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_named (RungPanel  *panel,
             const char *name)
{
  GListModel *candidates = rung_panel_get_candidates (panel);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);

      n += g_str_equal (rung_candidate_get_name (candidate), name);
    }

  return n;
}

/* @a and @b have the same details and the same items, in the same order. */
static void
assert_same_packet (RungCandidate *a,
                    RungCandidate *b)
{
  GListModel *areas = rung_level_get_areas (rung_candidate_get_level (a));

  g_assert_cmpstr (rung_candidate_get_name (a), ==, rung_candidate_get_name (b));
  g_assert_cmpstr (rung_candidate_get_current_level (a), ==, rung_candidate_get_current_level (b));
  g_assert_cmpstr (rung_candidate_get_target_level (a), ==, rung_candidate_get_target_level (b));
  g_assert_cmpstr (rung_candidate_get_manager (a), ==, rung_candidate_get_manager (b));
  g_assert_cmpstr (rung_candidate_get_team (a), ==, rung_candidate_get_team (b));
  g_assert_cmpstr (rung_candidate_get_summary (a), ==, rung_candidate_get_summary (b));
  g_assert_cmpuint (rung_candidate_get_n_evidence (a), ==, rung_candidate_get_n_evidence (b));
  g_assert_cmpuint (rung_candidate_get_n_evidence (a), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);
      GListModel *expectations = rung_area_get_expectations (area);

      for (guint e = 0; e < g_list_model_get_n_items (expectations); e++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, e);
          GListModel *items_a = rung_candidate_get_evidence (a, rung_expectation_get_id (expectation));
          GListModel *items_b = rung_candidate_get_evidence (b, rung_expectation_get_id (expectation));

          g_assert_cmpuint (g_list_model_get_n_items (items_a), ==, g_list_model_get_n_items (items_b));
          for (guint k = 0; k < g_list_model_get_n_items (items_a); k++)
            {
              g_autoptr(RungEvidence) item_a = g_list_model_get_item (items_a, k);
              g_autoptr(RungEvidence) item_b = g_list_model_get_item (items_b, k);

              g_assert_cmpstr (rung_evidence_get_title (item_a), ==, rung_evidence_get_title (item_b));
              g_assert_cmpstr (rung_evidence_get_text (item_a), ==, rung_evidence_get_text (item_b));
              g_assert_cmpstr (rung_evidence_get_link (item_a), ==, rung_evidence_get_link (item_b));
              g_assert_cmpstr (rung_evidence_get_date (item_a), ==, rung_evidence_get_date (item_b));
            }
        }
    }
}

static RungPacketImporter *
import_files (Fixture   *fixture,
              GPtrArray *files)
{
  g_autoptr(GListModel) model = files_of (files);
  RungPacketImporter *importer = _rung_window_import_packets (fixture->window, model);

  g_assert_nonnull (importer);
  return g_object_ref (importer);
}

static const char * const amara[] = { "Amara Okafor", NULL };

/* Cases */

static void
test_export_then_import (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) chosen = file_in (fixture, "amara.rungpacket");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RungPacketImporter) importer = NULL;
  g_autoptr(RungPanel) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (chosen);
  RungCandidate *original;
  RungCandidate *imported;
  RungPanel *panel;
  GStatBuf st;

  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  original = rung_panel_find_candidate_by_name (panel, "Amara Okafor");
  rung_panel_view_select (panel_view_of (fixture), original);
  iterate_main_loop ();

  _rung_window_export_packet_file (fixture->window, chosen);
  iterate_main_loop ();
  g_assert_true (shows_text (GTK_WIDGET (fixture->window), "Exported the packet of Amara Okafor"));
  /* Readable by its owner alone, like the panel. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  show_empty_panel (fixture, "Second");
  g_ptr_array_add (files, g_object_ref (chosen));
  importer = import_files (fixture, files);
  wait_for_import (importer);

  panel = rung_window_get_panel (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 1);
  imported = rung_panel_find_candidate_by_name (panel, "Amara Okafor");
  g_assert_nonnull (imported);
  g_assert_true (rung_candidate_list_get_selected (candidate_list_of (fixture)) == imported);
  g_assert_true (shows_text (GTK_WIDGET (fixture->window), "Imported the packet of Amara Okafor"));

  demo = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_same_packet (rung_panel_find_candidate_by_name (demo, "Amara Okafor"), imported);
  rung_panel_close (demo);
}

/* The progress bar, sampled while the import runs. */
typedef struct
{
  RungPacketImporter *importer;
  GtkProgressBar     *bar;
  GArray             *fractions;   /* of double, each more than the one before */
  gboolean            shown;
  char               *text;
} Samples;

static gboolean
sample_progress (gpointer data)
{
  Samples *samples = data;
  AdwMessageDialog *dialog;
  double fraction;

  if (!rung_packet_importer_is_running (samples->importer))
    return G_SOURCE_REMOVE;

  if (samples->bar == NULL && (dialog = find_dialog ("Importing Packets")) != NULL)
    samples->bar = GTK_PROGRESS_BAR (find_widget (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR));
  if (samples->bar == NULL)
    return G_SOURCE_CONTINUE;

  samples->shown |= gtk_widget_get_mapped (GTK_WIDGET (samples->bar));
  fraction = gtk_progress_bar_get_fraction (samples->bar);
  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  if (samples->fractions->len == 0 || fraction > g_array_index (samples->fractions, double, samples->fractions->len - 1))
    g_array_append_val (samples->fractions, fraction);
  else
    g_assert_cmpfloat (fraction, ==, g_array_index (samples->fractions, double, samples->fractions->len - 1));
  if (samples->text == NULL && fraction > 0)
    samples->text = g_strdup (gtk_progress_bar_get_text (samples->bar));

  return G_SOURCE_CONTINUE;
}

/* Writes @n packets, of candidates with an item each, from a panel of
 * their own made with the model. */
static GPtrArray *
write_generated_packets (Fixture *fixture,
                         guint    n)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  g_autofree char *source_path = g_build_filename (fixture->dir, "source.rung", NULL);
  g_autoptr(RungPanel) source = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  source = rung_panel_create (source_path, "Source", "Managers", "H2", ladder, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %03u", i);
      g_autofree char *file_name = g_strdup_printf ("candidate-%03u.rungpacket", i);
      g_autofree char *text = g_strdup_printf ("Led project %u from design to launch.", i);
      RungCandidate *candidate = rung_panel_add_candidate (source, name, "L5", "L6", "A Manager", "A Team", &error);
      g_autoptr(RungArea) area = NULL;
      g_autoptr(RungExpectation) expectation = NULL;

      g_assert_no_error (error);
      area = g_list_model_get_item (rung_level_get_areas (rung_candidate_get_level (candidate)), i % 3);
      expectation = g_list_model_get_item (rung_area_get_expectations (area), 0);
      rung_candidate_add_evidence (candidate, rung_expectation_get_id (expectation), "Project", text,
                                   NULL, "2026-05-01", &error);
      g_assert_no_error (error);
      g_ptr_array_add (files, write_packet (fixture, candidate, file_name));
    }
  rung_panel_close (source);
  g_unlink (source_path);

  return files;
}

static void
test_two_hundred_packets (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) files = write_generated_packets (fixture, 200);
  g_autoptr(RungPacketImporter) importer = NULL;
  Samples samples = { NULL };
  RungPanel *panel;

  panel = show_empty_panel (fixture, "Committee");
  importer = import_files (fixture, files);

  samples.importer = importer;
  samples.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_timeout_add (10, sample_progress, &samples);
  wait_for_import (importer);

  /* It was shown, and went forward, packet by packet. */
  g_assert_true (samples.shown);
  g_assert_cmpuint (samples.fractions->len, >=, 3);
  g_assert_nonnull (samples.text);
  g_assert_true (g_str_has_suffix (samples.text, " of 200"));
  g_assert_null (find_dialog ("Importing Packets"));

  g_assert_cmpuint (g_list_model_get_n_items (rung_packet_importer_get_imported (importer)), ==, 200);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 200);
  g_assert_cmpuint (rung_candidate_list_get_n_shown (candidate_list_of (fixture)), ==, 200);
  g_assert_true (shows_text (GTK_WIDGET (fixture->window), "Imported 200 packets"));
  g_assert_nonnull (rung_candidate_list_get_selected (candidate_list_of (fixture)));

  g_array_unref (samples.fractions);
  g_free (samples.text);
}

static void
test_progress_waits_for_an_answer (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) files = write_generated_packets (fixture, 40);
  g_autoptr(RungPacketImporter) importer = NULL;
  AdwMessageDialog *progress;
  AdwMessageDialog *question;
  GtkProgressBar *bar;
  RungPanel *panel;

  /* The 21st file is the 5th again. */
  g_ptr_array_insert (files, 20, g_object_ref (g_ptr_array_index (files, 4)));

  panel = show_empty_panel (fixture, "Committee");
  importer = import_files (fixture, files);
  question = wait_for_dialog (importer, "Replace the Candidate?");

  /* The progress stays, and waits for the answer. */
  progress = find_dialog ("Importing Packets");
  g_assert_nonnull (progress);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (question)) == GTK_WINDOW (fixture->window));
  bar = GTK_PROGRESS_BAR (find_widget (GTK_WIDGET (progress), GTK_TYPE_PROGRESS_BAR));
  g_assert_cmpstr (gtk_progress_bar_get_text (bar), ==, "21 of 41");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 20.0 / 41);
  g_assert_true (shows_text (GTK_WIDGET (progress), "Reading “candidate-004.rungpacket”"));
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 20);
  save_screenshot (GTK_WIDGET (progress), "import-progress.png");
  /* More packets follow: the answer can hold for them. */
  g_assert_nonnull (find_widget (GTK_WIDGET (question), GTK_TYPE_CHECK_BUTTON));

  adw_message_dialog_response (question, "skip");
  wait_for_import (importer);

  /* One skipped among many is told, with the others. */
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 40);
  question = wait_for_dialog (NULL, "Imported 40 of 41 Packets");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_widget (adw_message_dialog_get_extra_child (question),
                                                                          GTK_TYPE_LABEL))),
                            "Skipped: “Candidate 004” is already in the panel"));
  gtk_window_destroy (GTK_WINDOW (question));
}

/* Imports Amara's packet into the demo, which has her, and answers @response. */
static RungPacketImporter *
import_amara_again (Fixture    *fixture,
                    const char *response)
{
  g_autoptr(GPtrArray) files = write_demo_packets (fixture, amara);
  RungPacketImporter *importer;
  AdwMessageDialog *question;

  open_demo (fixture);
  importer = import_files (fixture, files);
  question = wait_for_dialog (importer, "Replace the Candidate?");

  /* Skip is what Enter and Escape say; Replace is styled as destructive. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "skip");
  g_assert_cmpstr (adw_message_dialog_get_close_response (question), ==, "skip");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (question, "replace"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_true (adw_message_dialog_has_response (question, "keep-both"));
  /* One packet: nothing else to do the same for. */
  g_assert_null (find_widget (GTK_WIDGET (question), GTK_TYPE_CHECK_BUTTON));
  save_screenshot (GTK_WIDGET (question), "import-duplicate.png");

  adw_message_dialog_response (question, response);
  wait_for_import (importer);

  return importer;
}

static void
test_duplicate_replace (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RungPacketImporter) importer = NULL;
  RungPanel *panel;
  gint64 old_id;

  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  old_id = rung_candidate_get_id (rung_panel_find_candidate_by_name (panel, "Amara Okafor"));

  importer = import_amara_again (fixture, "replace");

  /* Still six, and Amara is the one from the packet. */
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 6);
  g_assert_cmpuint (count_named (panel, "Amara Okafor"), ==, 1);
  g_assert_cmpint (rung_candidate_get_id (rung_panel_find_candidate_by_name (panel, "Amara Okafor")), !=, old_id);
  g_assert_null (rung_panel_find_candidate (panel, old_id));

  /* Undo brings back the one she replaced. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (fixture->window), "_Undo"), "clicked");
  iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 6);
  g_assert_cmpuint (count_named (panel, "Amara Okafor"), ==, 1);
  g_assert_cmpint (rung_candidate_get_id (rung_panel_find_candidate_by_name (panel, "Amara Okafor")), ==, old_id);
}

static void
test_duplicate_keep_both (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RungPacketImporter) importer = import_amara_again (fixture, "keep-both");
  RungPanel *panel = rung_window_get_panel (fixture->window);

  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 7);
  g_assert_cmpuint (count_named (panel, "Amara Okafor"), ==, 2);
}

static void
test_duplicate_skip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RungPacketImporter) importer = import_amara_again (fixture, "skip");
  RungPanel *panel = rung_window_get_panel (fixture->window);

  /* Nothing changed, and nothing more is said: the user just chose it. */
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (rung_packet_importer_get_imported (importer)), ==, 0);
  g_assert_null (find_dialog ("Could Not Import the Packet"));
}

static void
test_duplicate_do_the_same (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const names[] = { "Amara Okafor", "Kenji Watanabe", "Rafael Oliveira", NULL };
  g_autoptr(GPtrArray) files = write_demo_packets (fixture, names);
  g_autoptr(RungPacketImporter) importer = NULL;
  AdwMessageDialog *question;
  GtkCheckButton *same;
  RungPanel *panel;

  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  importer = import_files (fixture, files);

  /* Asked once, for the first; the answer holds for the other two. */
  question = wait_for_dialog (importer, "Replace the Candidate?");
  same = GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (question), GTK_TYPE_CHECK_BUTTON));
  g_assert_nonnull (same);
  g_assert_cmpstr (gtk_check_button_get_label (same), ==, "_Do the same for the other packets");
  gtk_check_button_set_active (same, TRUE);
  adw_message_dialog_response (question, "keep-both");
  wait_for_import (importer);

  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 9);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_cmpuint (count_named (panel, names[i]), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (fixture->window), "Imported 3 packets"));
}

static void
test_unmapped_items (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) files = write_demo_packets (fixture, amara);
  g_autoptr(RungPacketImporter) importer = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (g_ptr_array_index (files, 0));
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;
  GtkLabel *details;
  RungCandidate *imported;
  RungPanel *panel;
  guint n_items;

  /* Her first item, for an expectation another ladder had. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, "expectation=\"", "expectation=\"gone-since-1-0-", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, changed->str, -1, &error));

  {
    g_autoptr(RungPanel) demo = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);

    n_items = rung_candidate_get_n_evidence (rung_panel_find_candidate_by_name (demo, "Amara Okafor"));
    rung_panel_close (demo);
  }

  panel = show_empty_panel (fixture, "Other ladder version");
  importer = import_files (fixture, files);
  question = wait_for_dialog (importer, "Import Without Some Items?");

  /* What would be left out, where it is, as text to select. */
  details = GTK_LABEL (find_widget (adw_message_dialog_get_extra_child (question), GTK_TYPE_LABEL));
  g_assert_false (gtk_label_get_use_markup (details));
  g_assert_true (gtk_label_get_selectable (details));
  g_assert_true (g_regex_match_simple ("^[^\n]*00 Amara Okafor\\.rungpacket:\\d+:\\d+: [^\n]*gone-since-1-0-",
                                       gtk_label_get_text (details), 0, 0));
  g_assert_null (strchr (gtk_label_get_text (details), '\n'));
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "skip");

  adw_message_dialog_response (question, "leave-out");
  wait_for_import (importer);

  imported = rung_panel_find_candidate_by_name (panel, "Amara Okafor");
  g_assert_nonnull (imported);
  g_assert_cmpuint (rung_candidate_get_n_evidence (imported), ==, n_items - 1);
}

static void
test_hostile_among_good (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const names[] = { "Amara Okafor", "Kenji Watanabe", NULL };
  static const char hostile[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE packet [\n"
    "  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
    "]>\n"
    "<packet xmlns=\"" RUNG_PACKET_NAMESPACE "\" format=\"1\">\n"
    "  <candidate><name>&x;</name></candidate>\n"
    "</packet>\n";
  g_autoptr(GPtrArray) files = write_demo_packets (fixture, names);
  g_autoptr(GFile) bad = file_in (fixture, "hostile <b> & co.rungpacket");
  g_autoptr(RungPacketImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *summary;
  GtkLabel *list;
  RungPanel *panel;

  g_assert_true (g_file_replace_contents (bad, hostile, strlen (hostile), NULL, FALSE, 0, NULL, NULL, &error));
  g_ptr_array_insert (files, 1, g_object_ref (bad));

  panel = show_empty_panel (fixture, "Committee");
  importer = import_files (fixture, files);
  summary = wait_for_dialog (importer, "Imported 2 of 3 Packets");
  wait_for_import (importer);

  /* Only the good ones are in the panel. */
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 2);
  g_assert_cmpuint (count_named (panel, "Amara Okafor"), ==, 1);
  g_assert_cmpuint (count_named (panel, "Kenji Watanabe"), ==, 1);

  /* The hostile file, by name and with where it went wrong, as text. */
  list = GTK_LABEL (find_widget (adw_message_dialog_get_extra_child (summary), GTK_TYPE_LABEL));
  g_assert_false (gtk_label_get_use_markup (list));
  g_assert_true (gtk_label_get_selectable (list));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (list), "hostile <b> & co.rungpacket\n"));
  g_assert_true (g_regex_match_simple ("^[^\n]*hostile <b> & co\\.rungpacket:\\d+:\\d+: ", gtk_label_get_text (list),
                                       G_REGEX_MULTILINE, 0));
  g_assert_null (strstr (gtk_label_get_text (list), "root:"));

  /* Undo is offered once the list is read. */
  g_assert_null (find_button (GTK_WIDGET (fixture->window), "_Undo"));
  adw_message_dialog_response (summary, "close");
  iterate_main_loop ();
  g_assert_true (shows_text (GTK_WIDGET (fixture->window), "Imported 2 of 3 packets"));
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->window), "_Undo"));
}

static void
test_undo_removes_imported (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const names[] = { "Amara Okafor", "Kenji Watanabe", "Viktor Petrov", NULL };
  g_autoptr(GPtrArray) files = write_demo_packets (fixture, names);
  g_autoptr(RungPacketImporter) importer = NULL;
  RungPanel *panel;

  panel = show_empty_panel (fixture, "Committee");
  importer = import_files (fixture, files);
  wait_for_import (importer);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 3);
  g_assert_true (shows_text (GTK_WIDGET (fixture->window), "Imported 3 packets"));

  g_signal_emit_by_name (find_button (GTK_WIDGET (fixture->window), "_Undo"), "clicked");
  iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 0);
  g_assert_cmpuint (rung_candidate_list_get_n_shown (candidate_list_of (fixture)), ==, 0);
}

static void
stop_at_second (GListModel         *imported,
                guint               position,
                guint               removed,
                guint               added,
                RungPacketImporter *importer)
{
  if (g_list_model_get_n_items (imported) == 2)
    rung_packet_importer_cancel (importer);
}

static void
test_cancel_keeps_imported (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const names[] = { "Amara Okafor", "Kenji Watanabe", "Nguyễn Thị Lan", "Rafael Oliveira",
                                        "Viktor Petrov", NULL };
  g_autoptr(GPtrArray) files = write_demo_packets (fixture, names);
  g_autoptr(RungPacketImporter) importer = NULL;
  AdwMessageDialog *progress;
  RungPanel *panel;

  panel = show_empty_panel (fixture, "Committee");
  importer = import_files (fixture, files);

  /* Shown at once for several files; Escape says Cancel. */
  progress = find_dialog ("Importing Packets");
  g_assert_nonnull (progress);
  g_assert_cmpstr (adw_message_dialog_get_close_response (progress), ==, "cancel");

  /* Cancel while the third is read: the two before it stay. */
  g_signal_connect (rung_packet_importer_get_imported (importer), "items-changed",
                    G_CALLBACK (stop_at_second), importer);
  wait_for_import (importer);

  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 2);
  g_assert_null (find_dialog ("Importing Packets"));
  g_assert_null (find_dialog ("Imported 2 of 5 Packets"));
  g_assert_true (shows_text (GTK_WIDGET (fixture->window), "Imported 2 of 5 packets"));
}

static void
test_cancel_while_asking (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const names[] = { "Amara Okafor", "Kenji Watanabe", NULL };
  g_autoptr(GPtrArray) files = write_demo_packets (fixture, names);
  g_autoptr(RungPacketImporter) importer = NULL;
  RungPanel *panel;

  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  importer = import_files (fixture, files);
  wait_for_dialog (importer, "Replace the Candidate?");

  /* The progress's Cancel is in reach behind the question: both go. */
  rung_packet_importer_cancel (importer);
  g_assert_false (rung_packet_importer_is_running (importer));
  iterate_main_loop ();
  g_assert_null (find_dialog ("Replace the Candidate?"));
  g_assert_null (find_dialog ("Importing Packets"));
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 6);
  g_assert_cmpuint (count_named (panel, "Kenji Watanabe"), ==, 1);
}

/* A button in the window for @action, whose sensitivity says whether
 * the action is on, as the menu item's would. */
static GtkWidget *
action_probe (Fixture    *fixture,
              const char *action)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_button_new_with_label (action);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_popover_set_child (GTK_POPOVER (popover), button);
  gtk_widget_set_parent (popover, GTK_WIDGET (panel_view_of (fixture)));

  return button;
}

static void
test_actions_follow_the_panel (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *import = action_probe (fixture, "win.import-packets");
  GtkWidget *export = action_probe (fixture, "win.export-packet-file");
  g_autoptr(GListModel) none = G_LIST_MODEL (g_list_store_new (G_TYPE_FILE));
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) some = NULL;

  g_ptr_array_add (files, file_in (fixture, "any.rungpacket"));
  some = files_of (files);

  /* No panel: nothing to import into, nobody to export. */
  g_assert_false (gtk_widget_get_sensitive (import));
  g_assert_false (gtk_widget_get_sensitive (export));
  g_assert_null (_rung_window_import_packets (fixture->window, some));

  /* The demo, with a candidate selected. */
  open_demo (fixture);
  g_assert_true (gtk_widget_get_sensitive (import));
  g_assert_true (gtk_widget_get_sensitive (export));
  /* An empty choice does nothing. */
  g_assert_null (_rung_window_import_packets (fixture->window, none));

  /* A panel without candidates has nobody to export. */
  show_empty_panel (fixture, "Empty");
  g_assert_true (gtk_widget_get_sensitive (import));
  g_assert_false (gtk_widget_get_sensitive (export));

  /* A read-only panel takes no packets; its candidates can still go. */
  rung_window_set_panel (fixture->window, NULL);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  open_demo (fixture);
  g_assert_true (rung_panel_is_read_only (rung_window_get_panel (fixture->window)));
  g_assert_false (gtk_widget_get_sensitive (import));
  g_assert_true (gtk_widget_get_sensitive (export));
  g_assert_null (_rung_window_import_packets (fixture->window, some));

  gtk_widget_unparent (gtk_widget_get_ancestor (import, GTK_TYPE_POPOVER));
  gtk_widget_unparent (gtk_widget_get_ancestor (export, GTK_TYPE_POPOVER));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/rung/packet-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("export-then-import", test_export_then_import);
  ADD ("two-hundred-packets", test_two_hundred_packets);
  ADD ("progress-waits-for-an-answer", test_progress_waits_for_an_answer);
  ADD ("duplicate-replace", test_duplicate_replace);
  ADD ("duplicate-keep-both", test_duplicate_keep_both);
  ADD ("duplicate-skip", test_duplicate_skip);
  ADD ("duplicate-do-the-same", test_duplicate_do_the_same);
  ADD ("unmapped-items", test_unmapped_items);
  ADD ("hostile-among-good", test_hostile_among_good);
  ADD ("undo-removes-imported", test_undo_removes_imported);
  ADD ("cancel-keeps-imported", test_cancel_keeps_imported);
  ADD ("cancel-while-asking", test_cancel_while_asking);
  ADD ("actions-follow-the-panel", test_actions_follow_the_panel);
#undef ADD

  return g_test_run ();
}

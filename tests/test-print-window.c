/* test-print-window.c: Print… and Export PDF… from the window, under a
 * (virtual) display: the print dialog's drawing writes the same pages as
 * the headless export, and the exports the window writes are complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "rung-candidate.h"
#include "rung-candidate-page.h"
#include "rung-demo.h"
#include "rung-panel.h"
#include "rung-panel-view.h"
#include "rung-paper.h"
#include "rung-pdf-export.h"
#include "rung-print-document.h"
#include "rung-window.h"
#include "rung-window-private.h"
#include "widget-helpers.h"
#include "window-fixture.h"

/* The window's fixture, with the demo panel open. */
static void
demo_set_up (Fixture       *fixture,
             gconstpointer  data)
{
  fixture_set_up (fixture, data);
  open_demo (fixture);
}

/* What poppler's @tool (pdftotext or pdfinfo) reads in @pdf. */
static char *
poppler (const char *tool,
         const char *pdf)
{
  const char *argv[] = { tool, pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static guint
count_pages (const char *pdf)
{
  g_autofree char *info = poppler ("pdfinfo", pdf);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static RungCandidate *
select_candidate (Fixture    *fixture,
                  const char *name)
{
  RungPanelView *view = panel_view_of (fixture);
  RungCandidate *candidate = rung_panel_find_candidate_by_name (rung_window_get_panel (fixture->window), name);

  g_assert_nonnull (candidate);
  rung_panel_view_select (view, candidate);
  iterate_main_loop ();

  return candidate;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The print dialog's path, exporting without a dialog, draws what the
 * headless export draws: the same pages with the same text. */
static void
test_print_operation_matches_export (Fixture       *fixture,
                                     gconstpointer  data)
{
  RungCandidate *candidate = select_candidate (fixture, "Amara Okafor");
  g_autoptr(RungPrintDocument) exported = rung_print_document_new_packet (candidate);
  g_autofree char *print_path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *export_path = g_build_filename (fixture->dir, "exported.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autoptr(GError) error = NULL;

  _rung_window_print_packet (fixture->window, GTK_PRINT_OPERATION_ACTION_EXPORT, print_path);
  iterate_main_loop_until (file_exists, print_path);
  iterate_main_loop ();
  g_assert_true (rung_pdf_export (exported, export_path, rung_paper_get_default (), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_pages (print_path), >=, 4);
  g_assert_cmpuint (count_pages (print_path), ==, count_pages (export_path));

  printed_text = poppler ("pdftotext", print_path);
  exported_text = poppler ("pdftotext", export_path);
  g_assert_nonnull (strstr (printed_text, "Amara Okafor"));
  g_assert_nonnull (strstr (printed_text, "Wrote the ledger v2 design"));
  g_assert_cmpstr (printed_text, ==, exported_text);
}

/* Export Packet as PDF… writes the selected candidate's packet, readable
 * by its owner alone. */
static void
test_export_packet (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "packet.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  struct stat st;

  select_candidate (fixture, "Kenji Watanabe");
  _rung_window_export_packet (fixture->window, file, RUNG_PAPER_LETTER);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = poppler ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Kenji Watanabe"));
  g_assert_null (strstr (text, "Amara Okafor"));
  info = poppler ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "612 x 792 pts"));
}

static gboolean
no_dialog_left (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return FALSE;
    }

  return TRUE;
}

/* The committee book is written in a worker thread, from the file, with
 * what was typed a moment ago: every candidate is in it. */
static void
test_export_book (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "book.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *candidates = rung_panel_get_candidates (rung_window_get_panel (fixture->window));
  g_autofree char *text = NULL;
  GtkWidget *page;
  GtkTextView *summary;

  /* Typed a moment ago, not yet written: the export writes it first. */
  select_candidate (fixture, "Viktor Petrov");
  page = GTK_WIDGET (candidate_page_of (fixture));
  summary = template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "summary_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (summary), "Summary typed just before the export", -1);

  _rung_window_export_book (fixture->window, file, RUNG_PAPER_A4);
  g_assert_false (no_dialog_left (NULL));
  iterate_main_loop_until (no_dialog_left, NULL);
  g_assert_true (no_dialog_left (NULL));

  text = poppler ("pdftotext", path);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) each = g_list_model_get_item (candidates, i);

      g_assert_nonnull (strstr (text, rung_candidate_get_name (each)));
    }
  g_assert_nonnull (strstr (text, "Summary typed just before the export"));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);
  /* The printed and the exported packet bear the same date, even at midnight. */
  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);

#define ADD(path, func) \
  g_test_add ("/rung/print-window/" path, Fixture, NULL, demo_set_up, func, fixture_tear_down)
  ADD ("print-operation-matches-export", test_print_operation_matches_export);
  ADD ("export-packet", test_export_packet);
  ADD ("export-book", test_export_book);
#undef ADD

  return g_test_run ();
}

/* bench-window.c: the review window with the synthetic panel of N
 * candidates (1,000 unless told), against a bare libadwaita window started the same way in the same
 * run: time to the first frame and peak resident memory (each a fresh
 * process, median of several), then, in one process, switching between
 * candidates and a search keystroke, each after a pause and until the next
 * frame is drawn.
 * Run under a display (build-aux/dev bench uses Xvfb). Prints; asserts nothing.
 *
 *   bench-window [N_CANDIDATES] [--in-process]
 *
 * --in-process skips the fresh-process starts and measures only what runs in
 * one process, for a profiler (perf record) to see that part alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-common.h"
#include "rung-candidate.h"
#include "rung-candidate-list.h"
#include "rung-candidate-page.h"
#include "rung-evidence-view.h"
#include "rung-panel.h"
#include "rung-panel-view.h"
#include "rung-window.h"
#include "synthetic-panel.h"

#define STARTS 7
#define STEPS  31

static gint64 start_time;

static void
on_first_frame (GdkFrameClock *clock,
                gpointer       user_data)
{
  /* The child reports when its window first painted, then leaves. */
  g_print ("%.3f\n", (g_get_monotonic_time () - start_time) / 1000.0);
  exit (0);
}

static void
wait_for_first_frame (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_frame), NULL);
}

static int
run_child (const char *mode,
           const char *path)
{
  GtkWidget *window;

  start_time = g_get_monotonic_time ();
  gtk_init ();
  adw_init ();

  if (g_str_equal (mode, "bare"))
    window = adw_application_window_new (NULL);
  else
    {
      /* As `rung FILE` starts: the file is checked while the window is built. */
      RungPanelOpening *opening = rung_panel_open_begin (path, RUNG_STORE_OPEN_READ_ONLY_OK);

      window = GTK_WIDGET (rung_window_new (NULL));
      rung_window_finish_opening (RUNG_WINDOW (window), opening);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wait_for_first_frame (window);

  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

/* Starts @mode in a fresh process; returns its first-frame time and peak RSS. */
static void
measure_start (const char *self_path,
               const char *mode,
               const char *path,
               double     *first_frame_ms,
               double     *peak_rss_mb)
{
  const char *argv[] = { self_path, "--child", mode, path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out = -1, status = 0;
  char buffer[64] = { 0 };
  struct rusage usage;
  gssize n;

  if (!g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out, NULL, &error))
    g_error ("%s", error->message);

  n = read (out, buffer, sizeof buffer - 1);
  close (out);
  wait4 (pid, &status, 0, &usage);
  g_spawn_close_pid (pid);

  *first_frame_ms = n > 0 ? g_ascii_strtod (buffer, NULL) : -1;
  *peak_rss_mb = usage.ru_maxrss / 1024.0;
}

static gboolean frame_done;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  frame_done = TRUE;
}

/* Runs the main loop until @widget has been drawn again. */
static void
until_next_frame (GtkWidget *widget)
{
  frame_done = FALSE;
  gtk_widget_queue_draw (widget);
  while (!frame_done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
stop_resting (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, as a user pauses between two actions: what
 * the window does after a frame is done, and its frame clock is at rest. */
static void
rest (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, stop_resting, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  guint n_candidates, n_starts;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  double bare_ms[STARTS], rung_ms[STARTS], bare_mb[STARTS], rung_mb[STARTS];
  double switch_ms[STEPS], filled_ms[STEPS], search_ms[STEPS];
  RungEvidenceView *evidence;
  GtkWidget *page;
  RungWindow *window;
  RungPanelView *view;
  GListModel *candidates;
  RungCandidateList *list;

  setlocale (LC_ALL, "");
  /* Without a GPU, GTK's GL renderer runs on Mesa's software rasterizer and
   * the figures would be Mesa's: Rung and the bare window both draw with
   * GTK's cairo renderer, unless the caller chose another. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  n_candidates = argc > 1 ? (guint)atoi (argv[1]) : 1000;
  n_starts = argc > 2 && g_str_equal (argv[2], "--in-process") ? 0 : STARTS;
  dir = g_dir_make_tmp ("rung-bench-window-XXXXXX", NULL);
  path = g_build_filename (dir, "synthetic.rung", NULL);
  bench_set_context ("window", n_candidates);
  if (!synthetic_panel_copy (path, n_candidates, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < n_starts; i++)
    {
      measure_start (argv[0], "bare", path, &bare_ms[i], &bare_mb[i]);
      measure_start (argv[0], "rung", path, &rung_ms[i], &rung_mb[i]);
    }

  gtk_init ();
  adw_init ();
  window = rung_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    rung_window_open_panel_file (window, file);
  }
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  until_next_frame (GTK_WIDGET (window));

  view = RUNG_PANEL_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), RUNG_TYPE_WINDOW, "panel_view"));
  list = RUNG_CANDIDATE_LIST (gtk_widget_get_template_child (GTK_WIDGET (view), RUNG_TYPE_PANEL_VIEW, "candidate_list"));
  candidates = rung_panel_get_candidates (rung_window_get_panel (window));
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), RUNG_TYPE_PANEL_VIEW, "candidate_page"));
  evidence = RUNG_EVIDENCE_VIEW (gtk_widget_get_template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "evidence_view"));

  for (guint i = 0; i < STEPS; i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, (i * 37 + 5) % n_candidates);
      double start;

      rest (100);
      start = bench_now_ms ();
      rung_panel_view_select (view, candidate);
      until_next_frame (GTK_WIDGET (window));
      switch_ms[i] = bench_now_ms () - start;

      /* The rows below the first screen follow, one per idle turn. */
      while (!rung_evidence_view_is_filled (evidence))
        g_main_context_iteration (NULL, TRUE);
      until_next_frame (GTK_WIDGET (window));
      filled_ms[i] = bench_now_ms () - start;
    }

  for (guint i = 0; i < STEPS; i++)
    {
      static const char *keystrokes[] = { "m", "mi", "mig", "migr", "migra", "migrat", "migrati" };
      GtkEditable *search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (list), RUNG_TYPE_CANDIDATE_LIST,
                                                                         "search_entry"));
      double start;

      rest (100);
      start = bench_now_ms ();
      /* The search entry's own typing delay is left out: this is the work,
       * to the frame that shows the keystroke and the list it leaves. */
      gtk_editable_set_text (search, keystrokes[i % G_N_ELEMENTS (keystrokes)]);
      g_signal_emit_by_name (search, "search-changed");
      until_next_frame (GTK_WIDGET (search));
      search_ms[i] = bench_now_ms () - start;
    }

  title = g_strdup_printf ("Review window, %u candidates (medians; starts: %d fresh processes each)",
                           n_candidates, STARTS);
  bench_print_header (title);
  if (n_starts > 0)
    bench_print_row ("time to first frame (vs bare libadwaita window)",
                     bench_median (rung_ms, n_starts), bench_median (bare_ms, n_starts), "ms", "≤ 1.2×");
  bench_print_row ("switch candidate, to the next frame", bench_median (switch_ms, STEPS), 0, "ms", "≤ 16 ms");
  bench_print_row ("switch candidate, until every row is drawn", bench_median (filled_ms, STEPS), 0, "ms", "");
  bench_print_row ("search keystroke, to the next frame", bench_median (search_ms, STEPS), 0, "ms", "< 10 ms");
  if (n_starts > 0)
    bench_print_row ("peak resident memory (vs bare window)",
                     bench_median (rung_mb, n_starts), bench_median (bare_mb, n_starts), "MB", "≤ 1.25×");

  rung_window_set_panel (window, NULL);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return 0;
}

/* bench-print.c: the committee book of the synthetic panel (1,000
 * candidates by default) exported to PDF, against a minimal program that
 * lays out and draws the same texts with pango and cairo alone, in the same
 * run: time, pages per second and peak resident memory. Each export runs in
 * a process of its own, so that its peak memory is its own; the book is
 * also made for a tenth of the candidates, to show whether memory grows
 * with the pages. Prints medians; asserts nothing.
 *
 *   build/tests/bench/bench-print [N_CANDIDATES] [RUNS]
 *   build/tests/bench/bench-print --generate PANEL N_CANDIDATES
 *   build/tests/bench/bench-print --child rung|paginate|baseline PANEL OUT.pdf
 *
 * The baseline draws every text the packets hold (details, expectations and
 * evidence beside each other, anti-patterns, every rating, the decision) on
 * pages of the same size, in the same fonts and column widths, in one pass:
 * no pagination rules, no page numbers, no repeated headings, no contents,
 * outline or links. What Rung does beyond it is the price of those.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "bench-common.h"
#include "rung-anti-pattern.h"
#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-decision.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-paper.h"
#include "rung-pdf-export.h"
#include "rung-print-document.h"
#include "rung-rating.h"
#include "synthetic-panel.h"

#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.89
#define MARGIN        56.0
#define MARGIN_TOP    68.0
#define GUTTER        14.0

/* The baseline: pango and cairo alone */

typedef struct
{
  cairo_t      *cr;
  PangoContext *pango;
  double        y;
  guint         pages;
  PangoFontDescription *body, *strong, *heading, *small;
  const char   *panel_name;
  const char   *candidate_name;
} Baseline;

static PangoLayout *
baseline_layout (Baseline             *b,
                 PangoFontDescription *font,
                 const char           *text,
                 double                width)
{
  PangoLayout *layout = pango_layout_new (b->pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
baseline_marginal (Baseline   *b,
                   const char *text,
                   double      x,
                   double      y)
{
  PangoLayout *layout = baseline_layout (b, b->small, text, (PAGE_WIDTH - 2 * MARGIN) / 2);

  cairo_move_to (b->cr, x, y);
  pango_cairo_show_layout (b->cr, layout);
  g_object_unref (layout);
}

/* Every page of the book has a running head and foot: so has this one. */
static void
baseline_new_page (Baseline *b)
{
  g_autofree char *number = g_strdup_printf ("Page %u", b->pages + 1);

  baseline_marginal (b, b->panel_name, MARGIN, 32);
  baseline_marginal (b, b->candidate_name, PAGE_WIDTH / 2, 32);
  baseline_marginal (b, "Confidential: for the promotion committee only", MARGIN, PAGE_HEIGHT - 46);
  baseline_marginal (b, number, PAGE_WIDTH / 2, PAGE_HEIGHT - 46);
  cairo_show_page (b->cr);
  b->pages++;
  b->y = MARGIN_TOP;
}

/* Draws texts side by side in columns starting at @y, a new page first if
 * they do not fit; returns nothing, moves @y below the tallest. */
static void
baseline_row (Baseline              *b,
              guint                  n,
              PangoFontDescription **fonts,
              const char           **texts,
              const double          *shares)
{
  double width = PAGE_WIDTH - 2 * MARGIN - GUTTER * (n - 1);
  PangoLayout *layouts[16];
  double x = MARGIN, tallest = 0;

  g_assert (n <= G_N_ELEMENTS (layouts));
  for (guint i = 0; i < n; i++)
    {
      int height;

      layouts[i] = baseline_layout (b, fonts[i], texts[i], width * shares[i]);
      pango_layout_get_size (layouts[i], NULL, &height);
      tallest = MAX (tallest, (double)height / PANGO_SCALE);
    }

  if (b->y + tallest > PAGE_HEIGHT - MARGIN && b->y > MARGIN_TOP)
    baseline_new_page (b);

  for (guint i = 0; i < n; i++)
    {
      cairo_move_to (b->cr, x, b->y);
      pango_cairo_show_layout (b->cr, layouts[i]);
      x += width * shares[i] + GUTTER;
      g_object_unref (layouts[i]);
    }
  b->y += tallest + 6;
}

static void
baseline_text (Baseline             *b,
               PangoFontDescription *font,
               const char           *text)
{
  static const double whole[] = { 1 };

  baseline_row (b, 1, &font, &text, whole);
}

static void
baseline_candidate (Baseline      *b,
                    RungPanel     *panel,
                    RungCandidate *candidate)
{
  static const double halves[] = { 0.41, 0.59 };
  RungLevel *level = rung_candidate_get_level (candidate);
  GListModel *areas = rung_level_get_areas (level);
  GListModel *anti_patterns = rung_level_get_anti_patterns (level);
  GListModel *panelists = rung_panel_get_panelists (panel);
  RungDecision *decision = rung_candidate_get_latest_decision (candidate);
  const char *details[] = { rung_candidate_get_name (candidate), rung_candidate_get_manager (candidate),
                            rung_candidate_get_team (candidate), rung_candidate_get_summary (candidate) };

  b->candidate_name = rung_candidate_get_name (candidate);
  /* The cover */
  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    baseline_text (b, i == 0 ? b->heading : b->body, details[i]);
  baseline_new_page (b);

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      GListModel *expectations = rung_area_get_expectations (area);

      baseline_text (b, b->heading, rung_area_get_title (area));
      for (guint e = 0; e < g_list_model_get_n_items (expectations); e++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, e);
          GListModel *items = rung_candidate_get_evidence (candidate, rung_expectation_get_id (expectation));
          PangoFontDescription *strong[] = { b->strong, b->strong };
          PangoFontDescription *body[] = { b->body, b->body };
          const char *titles[2] = { rung_expectation_get_title (expectation), "" };
          const char *texts[2] = { rung_expectation_get_text (expectation), "" };

          if (g_list_model_get_n_items (items) == 0)
            {
              baseline_row (b, 2, strong, titles, halves);
              baseline_row (b, 2, body, texts, halves);
            }
          for (guint i = 0; i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, i);

              titles[1] = rung_evidence_get_title (evidence);
              texts[1] = rung_evidence_get_text (evidence);
              baseline_row (b, 2, strong, titles, halves);
              baseline_row (b, 2, body, texts, halves);
              titles[0] = texts[0] = "";
            }
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (anti_patterns); i++)
    {
      g_autoptr(RungAntiPattern) anti_pattern = g_list_model_get_item (anti_patterns, i);

      baseline_text (b, b->strong, rung_anti_pattern_get_title (anti_pattern));
      baseline_text (b, b->body, rung_anti_pattern_get_text (anti_pattern));
    }

  /* Every rating, a cell each, as the ratings table has them. */
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      guint n = MIN (g_list_model_get_n_items (panelists), 14);
      PangoFontDescription *fonts[16];
      const char *texts[16];
      double shares[16];
      g_autofree char *values = g_strnfill (2 * n, ' ');

      fonts[0] = b->body;
      texts[0] = rung_area_get_title (area);
      shares[0] = 2.2 / (2.2 + n);
      for (guint p = 0; p < n; p++)
        {
          g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, p);
          RungRating *rating = rung_candidate_find_rating (candidate, panelist, rung_area_get_id (area));

          values[2 * p] = rating ? '0' + rung_rating_get_value (rating) : '-';
          values[2 * p + 1] = '\0';
          fonts[p + 1] = b->body;
          texts[p + 1] = &values[2 * p];
          shares[p + 1] = 1 / (2.2 + n);
        }
      baseline_row (b, n + 1, fonts, texts, shares);
    }

  if (decision != NULL)
    baseline_text (b, b->body, rung_decision_get_rationale (decision));
  baseline_new_page (b);
}

static guint
run_baseline (RungPanel  *panel,
              const char *out)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (out, PAGE_WIDTH, PAGE_HEIGHT);
  PangoContext *pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();
  GListModel *candidates = rung_panel_get_candidates (panel);
  Baseline b = { cairo_create (surface), pango, MARGIN_TOP, 0 };
  guint pages;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango, options);
  pango_cairo_context_set_resolution (pango, 72);
  b.body = pango_font_description_from_string ("Sans 8.8");
  b.strong = pango_font_description_from_string ("Sans Bold 8.8");
  b.heading = pango_font_description_from_string ("Sans Bold 15");
  b.small = pango_font_description_from_string ("Sans 7");
  b.panel_name = rung_panel_get_name (panel);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);

      baseline_candidate (&b, panel, candidate);
    }

  pages = b.pages;
  cairo_destroy (b.cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("baseline: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
  pango_font_description_free (b.body);
  pango_font_description_free (b.strong);
  pango_font_description_free (b.heading);
  pango_font_description_free (b.small);
  cairo_font_options_destroy (options);
  g_object_unref (pango);

  return pages;
}

/* Pagination alone: the first of the two passes of an export. */
static guint
run_pagination (RungPanel  *panel,
                const char *out)
{
  g_autoptr(RungPrintDocument) book = rung_print_document_new_book (panel);
  g_autoptr(GError) error = NULL;

  if (!rung_print_document_paginate (book, PAGE_WIDTH, PAGE_HEIGHT, &error))
    g_error ("%s", error->message);

  return rung_print_document_get_n_pages (book);
}

static guint
run_rung (RungPanel  *panel,
          const char *out)
{
  g_autoptr(RungPrintDocument) book = rung_print_document_new_book (panel);
  g_autoptr(GError) error = NULL;

  if (!rung_pdf_export (book, out, RUNG_PAPER_A4, &error))
    g_error ("%s", error->message);

  return rung_print_document_get_n_pages (book);
}

/* In the child: open the panel, export, print "PAGES MILLISECONDS". */
static int
child_main (const char *which,
            const char *panel_path,
            const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = rung_panel_open (panel_path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  double start;
  guint pages;

  if (panel == NULL)
    g_error ("%s", error->message);

  start = bench_now_ms ();
  if (g_str_equal (which, "rung"))
    pages = run_rung (panel, out);
  else if (g_str_equal (which, "paginate"))
    pages = run_pagination (panel, out);
  else
    pages = run_baseline (panel, out);
  g_print ("%u %.3f\n", pages, bench_now_ms () - start);
  rung_panel_close (panel);

  return 0;
}

/* In the parent */

typedef struct
{
  guint  pages;
  double ms;
  double peak_mb;
} Result;

static Result
run_child (const char *self,
           const char *which,
           const char *panel_path,
           const char *out)
{
  int pipe_fds[2];
  pid_t pid;
  int status;
  struct rusage usage;
  char buffer[128] = { 0 };
  Result result = { 0 };
  ssize_t n;

  if (pipe (pipe_fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  pid = fork ();
  if (pid == 0)
    {
      dup2 (pipe_fds[1], STDOUT_FILENO);
      close (pipe_fds[0]);
      execl (self, self, "--child", which, panel_path, out, (char *)NULL);
      _exit (127);
    }
  close (pipe_fds[1]);
  n = read (pipe_fds[0], buffer, sizeof buffer - 1);
  close (pipe_fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0 || n <= 0)
    g_error ("the %s export failed", which);

  if (sscanf (buffer, "%u %lf", &result.pages, &result.ms) != 2)
    g_error ("the %s export said “%s”", which, buffer);
  result.peak_mb = usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */

  return result;
}

/* Median time and largest peak over @runs. */
static Result
measure (const char *self,
         const char *which,
         const char *panel_path,
         const char *out,
         guint       runs)
{
  g_autofree double *times = g_new (double, runs);
  Result result = { 0 };

  for (guint i = 0; i < runs; i++)
    {
      Result one = run_child (self, which, panel_path, out);

      times[i] = one.ms;
      result.pages = one.pages;
      result.peak_mb = MAX (result.peak_mb, one.peak_mb);
    }
  result.ms = bench_median (times, runs);

  return result;
}

int
main (int   argc,
      char *argv[])
{
  guint n_candidates, runs, small;
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL, *small_path = NULL, *out = NULL;
  g_autofree char *title = NULL, *pages_figure = NULL, *small_figure = NULL;
  g_autoptr(GError) error = NULL;
  Result rung, baseline, rung_small, baseline_small;
  double generate_start;

  setlocale (LC_ALL, "");

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3], argv[4]);

  /* For a profiler: make a panel to run one child on. */
  if (argc == 4 && g_str_equal (argv[1], "--generate"))
    {
      if (!synthetic_panel_create (argv[2], (guint)atoi (argv[3]), &error))
        g_error ("%s", error->message);
      return 0;
    }

  n_candidates = argc > 1 ? (guint)atoi (argv[1]) : 1000;
  runs = argc > 2 ? (guint)atoi (argv[2]) : 3;
  small = MAX (n_candidates / 10, 1);
  self = g_file_read_link ("/proc/self/exe", &error);
  if (self == NULL)
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("rung-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "synthetic.rung", NULL);
  small_path = g_build_filename (dir, "small.rung", NULL);
  out = g_build_filename (dir, "book.pdf", NULL);

  generate_start = bench_now_ms ();
  bench_set_context ("print", n_candidates);
  if (!synthetic_panel_copy (path, n_candidates, &error) ||
      !synthetic_panel_copy (small_path, small, &error))
    g_error ("%s", error->message);
  g_print ("Made or copied %u and %u candidates in %.1f s\n", n_candidates, small,
           (bench_now_ms () - generate_start) / 1000);

  /* Interleaved, so that both see the machine in the same mood. */
  rung = measure (self, "rung", path, out, runs);
  baseline = measure (self, "baseline", path, out, runs);
  rung_small = measure (self, "rung", small_path, out, 1);
  baseline_small = measure (self, "baseline", small_path, out, 1);

  title = g_strdup_printf ("Committee book, %u candidates: %u pages (Rung), %u (baseline); medians of %u runs",
                           n_candidates, rung.pages, baseline.pages, runs);
  bench_print_header (title);
  pages_figure = g_strdup_printf ("export the book (vs pango+cairo alone)");
  bench_print_row (pages_figure, rung.ms / 1000, baseline.ms / 1000, "s", "≤ 1.3×");
  bench_print_row ("time per page (vs pango+cairo alone)", rung.ms / rung.pages,
                   baseline.ms / baseline.pages, "ms", "≤ 1.3×");
  bench_print_row ("pages per second (vs pango+cairo alone)", rung.pages / (rung.ms / 1000),
                   baseline.pages / (baseline.ms / 1000), "p/s", "");
  bench_print_row ("peak resident memory (vs pango+cairo alone)", rung.peak_mb, baseline.peak_mb, "MB", "");
  small_figure = g_strdup_printf ("peak memory, %u candidates (vs %u)", small, n_candidates);
  bench_print_row (small_figure, rung_small.peak_mb, rung.peak_mb, "MB", "flat");
  bench_print_row ("baseline peak memory, the same", baseline_small.peak_mb, baseline.peak_mb, "MB", "");

  g_unlink (out);
  g_unlink (path);
  g_unlink (small_path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autofree char *small_wal = g_strconcat (small_path, "-wal", NULL);
    g_autofree char *small_shm = g_strconcat (small_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (small_wal);
    g_unlink (small_shm);
  }
  g_rmdir (dir);

  return 0;
}

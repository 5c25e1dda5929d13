/* bench-common.h: timing, medians and the table every benchmark prints.
 *
 * With RUNG_BENCH_ROWS=FILE, every row is also appended to FILE as one line
 * of tab-separated fields: benchmark, candidates, figure, Rung, baseline (0
 * for none), unit, target. build-aux/dev bench makes its combined table and
 * its growth table from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

static const char *bench_name = "";
static guint bench_candidates;

/* Names the benchmark and the panel size its rows are for. */
static inline void
bench_set_context (const char *name,
                   guint       n_candidates)
{
  bench_name = name;
  bench_candidates = n_candidates;
}

static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median of @n samples, sorting them in place. */
static inline double
bench_median (double *samples,
              guint   n)
{
  qsort (samples, n, sizeof *samples, bench_compare_doubles);

  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static inline double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* printf pads by bytes; the table pads by characters. */
static inline char *
bench_pad (const char *text,
           guint       width,
           gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *spaces = g_strnfill (length < width ? width - length : 0, ' ');

  return right ? g_strconcat (spaces, text, NULL) : g_strconcat (text, spaces, NULL);
}

static inline void
bench_print_cells (const char *figure,
                   const char *rung,
                   const char *baseline,
                   const char *ratio,
                   const char *target)
{
  g_autofree char *a = bench_pad (figure, 44, FALSE);
  g_autofree char *b = bench_pad (rung, 12, TRUE);
  g_autofree char *c = bench_pad (baseline, 12, TRUE);
  g_autofree char *d = bench_pad (ratio, 7, TRUE);
  g_autofree char *e = bench_pad (target, 10, FALSE);

  g_print ("| %s | %s | %s | %s | %s |\n", a, b, c, d, e);
}

static inline void
bench_print_header (const char *title)
{
  g_print ("\n%s\n\n", title);
  bench_print_cells ("figure", "Rung", "baseline", "ratio", "target");
  g_print ("|%s|%s|%s|%s|%s|\n", "----------------------------------------------",
           "-------------:", "-------------:", "--------:", "------------");
}

/* A row; a baseline of 0 means none was measured. */
static inline void
bench_print_row (const char *figure,
                 double      value,
                 double      baseline,
                 const char *unit,
                 const char *target)
{
  g_autofree char *rung = g_strdup_printf ("%.3f %s", value, unit);
  g_autofree char *base = baseline > 0 ? g_strdup_printf ("%.3f %s", baseline, unit) : g_strdup ("–");
  g_autofree char *ratio = baseline > 0 ? g_strdup_printf ("%.2f×", value / baseline) : g_strdup ("–");
  const char *rows = g_getenv ("RUNG_BENCH_ROWS");
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  FILE *file;

  bench_print_cells (figure, rung, base, ratio, target);

  if (rows != NULL && *rows != '\0' && (file = fopen (rows, "a")) != NULL)
    {
      /* A dot for the decimals, whatever the locale. */
      fprintf (file, "%s\t%u\t%s\t%s\t%s\t%s\t%s\n", bench_name, bench_candidates, figure,
               g_ascii_dtostr (a, sizeof a, value), g_ascii_dtostr (b, sizeof b, MAX (baseline, 0)), unit, target);
      fclose (file);
    }
}

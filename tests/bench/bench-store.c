/* bench-store.c: the panel file with N synthetic candidates (1,000 unless
 * told): opening it,
 * loading one candidate with all their evidence, a full-text search, and a
 * durable decision write against a raw SQLite insert of the same row with the
 * same pragmas, measured in the same run. Prints medians; asserts nothing.
 *
 *   build/tests/bench/bench-store [N_CANDIDATES]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-common.h"
#include "rung-candidate.h"
#include "rung-decision.h"
#include "rung-panel.h"
#include "synthetic-panel.h"

#define RUNS 31

static double
time_open (const char *path)
{
  double samples[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      double start = bench_now_ms ();
      g_autoptr(RungPanel) panel = rung_panel_open (path, RUNG_STORE_OPEN_DEFAULT, &error);

      samples[i] = bench_now_ms () - start;
      if (panel == NULL)
        g_error ("%s", error->message);
      rung_panel_close (panel);
    }

  return bench_median (samples, RUNS);
}

static double
time_load_candidate (RungPanel *panel)
{
  GListModel *candidates = rung_panel_get_candidates (panel);
  guint n = g_list_model_get_n_items (candidates);
  double samples[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      /* A different candidate each time: nothing of theirs is loaded yet. */
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, (i * 37) % n);
      double start = bench_now_ms ();

      rung_candidate_get_n_evidence (candidate);
      rung_candidate_get_ratings (candidate);
      rung_candidate_get_concerns (candidate);
      rung_candidate_get_decisions (candidate);
      samples[i] = bench_now_ms () - start;

      if (rung_candidate_get_n_evidence (candidate) == 0)
        g_error ("The synthetic candidate has no evidence");
    }

  return bench_median (samples, RUNS);
}

static double
time_search (RungPanel *panel)
{
  static const char *queries[] = { "migration", "latency throughput", "candidate 0500", "observ", "zebra" };
  double samples[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      double start = bench_now_ms ();
      g_autoptr(GArray) ids = rung_panel_search (panel, queries[i % G_N_ELEMENTS (queries)], &error);

      samples[i] = bench_now_ms () - start;
      if (ids == NULL)
        g_error ("%s", error->message);
    }

  return bench_median (samples, RUNS);
}

static double
time_decisions (RungPanel *panel)
{
  GListModel *candidates = rung_panel_get_candidates (panel);
  guint n = g_list_model_get_n_items (candidates);
  double samples[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      /* A decision on a different candidate each time, as in a meeting. */
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, (i * 31 + 1) % n);
      g_autoptr(GError) error = NULL;
      RungDecision *decision;
      double start;

      rung_candidate_get_decisions (candidate);
      start = bench_now_ms ();
      decision = rung_panel_record_decision (panel, candidate, "promote", 5, 1, 1,
                                             "Strong evidence throughout.", "Benchmark revision", &error);
      samples[i] = bench_now_ms () - start;
      if (decision == NULL)
        g_error ("%s", error->message);
    }

  return bench_median (samples, RUNS);
}

/* The baseline: the same row into the same table shape, same pragmas, raw. */
static double
time_raw_inserts (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "raw.db", NULL);
  double samples[RUNS];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  sqlite3_open (path, &db);
  sqlite3_exec (db,
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                "CREATE TABLE decisions (id INTEGER PRIMARY KEY, candidate_id INTEGER NOT NULL,"
                " revision INTEGER NOT NULL, outcome_id TEXT NOT NULL, votes_for INTEGER NOT NULL,"
                " votes_against INTEGER NOT NULL, votes_abstain INTEGER NOT NULL, rationale TEXT NOT NULL,"
                " recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL, reason TEXT,"
                " UNIQUE (candidate_id, revision));",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO decisions (candidate_id, revision, outcome_id, votes_for, votes_against,"
                      " votes_abstain, rationale, recorded_by, recorded_at, reason)"
                      " VALUES (2, ?1, 'promote', 5, 1, 1, 'Strong evidence throughout.', 'Chair',"
                      " strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'Benchmark revision')",
                      -1, &stmt, NULL);

  for (guint i = 0; i < RUNS; i++)
    {
      double start = bench_now_ms ();

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i + 1);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("raw insert: %s", sqlite3_errmsg (db));
      samples[i] = bench_now_ms () - start;
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_unlink (path);

  return bench_median (samples, RUNS);
}

static double
file_size_mb (const char *path)
{
  struct stat st;

  g_stat (path, &st);
  return st.st_size / (1024.0 * 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  guint n_candidates = argc > 1 ? (guint)atoi (argv[1]) : 1000;
  g_autofree char *dir = g_dir_make_tmp ("rung-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "synthetic.rung", NULL);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;
  double generate_start = bench_now_ms ();
  double open_ms, load_ms, search_ms, decision_ms, raw_ms;

  setlocale (LC_ALL, "");

  bench_set_context ("store", n_candidates);
  if (!synthetic_panel_copy (path, n_candidates, &error))
    g_error ("%s", error->message);
  g_print ("Made or copied %u candidates in %.1f s\n", n_candidates, (bench_now_ms () - generate_start) / 1000);

  open_ms = time_open (path);
  panel = rung_panel_open (path, RUNG_STORE_OPEN_DEFAULT, &error);
  load_ms = time_load_candidate (panel);
  search_ms = time_search (panel);
  decision_ms = time_decisions (panel);
  raw_ms = time_raw_inserts (dir);
  rung_panel_close (panel);

  title = g_strdup_printf ("Panel file, %u candidates (medians of %d runs)", n_candidates, RUNS);
  bench_print_header (title);
  bench_print_row ("open the panel file", open_ms, 0, "ms", "");
  bench_print_row ("load one candidate with all evidence", load_ms, 0, "ms", "");
  bench_print_row ("full-text search", search_ms, 0, "ms", "");
  bench_print_row ("durable decision write (vs raw insert)", decision_ms, raw_ms, "ms", "≤ 2×");
  bench_print_row ("file size", file_size_mb (path), 0, "MB", "");

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

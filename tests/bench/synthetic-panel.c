/* synthetic-panel.c: a panel of N candidates on the bundled ladder, with
 * evidence of about 1.5 KB for every expectation, seven panelists who rate
 * every area of every candidate, and a decision for every third candidate.
 * The panel is made through the model, then filled with plain SQL in one
 * transaction: a benchmark needs the data, not a million audited writes.
 *
 * Making 10,000 candidates takes a while, so synthetic_panel_copy() keeps
 * the panels it makes in $RUNG_BENCH_CACHE (build-aux/dev bench sets it to
 * build-bench/panels), named by size, by the version of this generator and
 * by the schema version, and hands out copies: the benchmarks write to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rung-area.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-store.h"
#include "synthetic-panel.h"

#define N_PANELISTS 7

/* Bump it whenever the panels this file makes change. */
#define GENERATOR_VERSION 1

static const char *words[] = {
  "migration", "latency", "reliability", "roadmap", "mentoring", "incident", "platform",
  "throughput", "architecture", "customers", "revenue", "design", "review", "on-call",
  "observability", "capacity", "storage", "pipeline", "strategy", "alignment", "launch",
};

static char *
evidence_text (GRand *rand,
               guint  candidate)
{
  GString *text = g_string_new (NULL);

  while (text->len < 1500)
    {
      g_string_append_printf (text, "In quarter %u the candidate %u led the %s of the %s work, ",
                              g_rand_int_range (rand, 1, 5), candidate,
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_printf (text, "improving %s by %u%% for %u teams. ",
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                              g_rand_int_range (rand, 5, 90), g_rand_int_range (rand, 2, 30));
    }

  return g_string_free (text, FALSE);
}

static gboolean
check (sqlite3  *db,
       int       rc,
       GError  **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: %s", sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
fill (sqlite3    *db,
      RungLevel  *level,
      guint       n_candidates,
      GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GListModel *areas = rung_level_get_areas (level);
  sqlite3_stmt *candidate = NULL, *evidence = NULL, *rating = NULL, *decision = NULL;
  gboolean ok = TRUE;

  ok = check (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), error);
  for (guint p = 1; ok && p <= N_PANELISTS; p++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO panelists (name) VALUES ('Panelist %u')", p);

      ok = check (db, sqlite3_exec (db, sql, NULL, NULL, NULL), error);
    }

  ok = ok &&
       check (db, sqlite3_prepare_v2 (db, "INSERT INTO candidates (name, current_level, target_level,"
                                      " manager, team, status, summary) VALUES (?1, 'L5', 'L6', ?2, ?3, 'in-review', ?4)",
                                      -1, &candidate, NULL), error) &&
       check (db, sqlite3_prepare_v2 (db, "INSERT INTO evidence (candidate_id, expectation_id, position,"
                                      " title, text, author) VALUES (?1, ?2, 1, ?3, ?4, 'Manager')",
                                      -1, &evidence, NULL), error) &&
       check (db, sqlite3_prepare_v2 (db, "INSERT INTO ratings (panelist_id, candidate_id, area_id, value,"
                                      " comment) VALUES (?1, ?2, ?3, ?4, '')",
                                      -1, &rating, NULL), error) &&
       check (db, sqlite3_prepare_v2 (db, "INSERT INTO decisions (candidate_id, revision, outcome_id,"
                                      " votes_for, votes_against, votes_abstain, rationale, recorded_by)"
                                      " VALUES (?1, 1, 'promote', 5, 1, 1, 'Strong evidence throughout.', 'Chair')",
                                      -1, &decision, NULL), error);

  for (guint c = 1; ok && c <= n_candidates; c++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %04u %s", c, words[c % G_N_ELEMENTS (words)]);
      g_autofree char *manager = g_strdup_printf ("Manager %u", c % 40);
      g_autofree char *team = g_strdup_printf ("Team %s", words[c % 13]);
      gint64 id;

      sqlite3_reset (candidate);
      sqlite3_bind_text (candidate, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (candidate, 2, manager, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (candidate, 3, team, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (candidate, 4, "A synthetic candidate for the benchmarks.", -1, SQLITE_STATIC);
      if (!(ok = check (db, sqlite3_step (candidate), error)))
        break;
      id = sqlite3_last_insert_rowid (db);

      for (guint a = 0; ok && a < g_list_model_get_n_items (areas); a++)
        {
          g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
          GListModel *expectations = rung_area_get_expectations (area);

          for (guint e = 0; ok && e < g_list_model_get_n_items (expectations); e++)
            {
              g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, e);
              g_autofree char *text = evidence_text (rand, c);

              sqlite3_reset (evidence);
              sqlite3_bind_int64 (evidence, 1, id);
              sqlite3_bind_text (evidence, 2, rung_expectation_get_id (expectation), -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (evidence, 3, rung_expectation_get_title (expectation), -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (evidence, 4, text, -1, SQLITE_TRANSIENT);
              ok = check (db, sqlite3_step (evidence), error);
            }

          for (guint p = 1; ok && p <= N_PANELISTS; p++)
            {
              sqlite3_reset (rating);
              sqlite3_bind_int (rating, 1, p);
              sqlite3_bind_int64 (rating, 2, id);
              sqlite3_bind_text (rating, 3, rung_area_get_id (area), -1, SQLITE_TRANSIENT);
              sqlite3_bind_int (rating, 4, g_rand_int_range (rand, 1, 5));
              ok = check (db, sqlite3_step (rating), error);
            }
        }

      if (ok && c % 3 == 0)
        {
          sqlite3_reset (decision);
          sqlite3_bind_int64 (decision, 1, id);
          ok = check (db, sqlite3_step (decision), error);
        }
    }

  sqlite3_finalize (candidate);
  sqlite3_finalize (evidence);
  sqlite3_finalize (rating);
  sqlite3_finalize (decision);

  return ok && check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), error);
}

gboolean
synthetic_panel_create (const char  *path,
                        guint        n_candidates,
                        GError     **error)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  g_autoptr(RungPanel) panel = NULL;
  RungLevel *level = rung_ladder_find_level (ladder, "L6");
  sqlite3 *db = NULL;
  gboolean ok;

  if (!(panel = rung_panel_create (path, "Synthetic panel", "Benchmark committee", "Synthetic cycle",
                                   ladder, error)))
    return FALSE;
  rung_panel_close (panel);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot open %s", path);
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF", NULL, NULL, NULL);
  ok = fill (db, level, n_candidates, error);
  sqlite3_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (db);

  return ok;
}

/* Makes the panel of @n_candidates in @path, or copies the one made before. */
gboolean
synthetic_panel_copy (const char  *path,
                      guint        n_candidates,
                      GError     **error)
{
  const char *cache = g_getenv ("RUNG_BENCH_CACHE");
  g_autofree char *name = NULL, *cached = NULL, *partial = NULL;
  g_autoptr(GFile) source = NULL, destination = NULL;

  if (cache == NULL || *cache == '\0')
    return synthetic_panel_create (path, n_candidates, error);

  name = g_strdup_printf ("synthetic-g%d-s%d-%u.rung", GENERATOR_VERSION, RUNG_STORE_SCHEMA_VERSION, n_candidates);
  cached = g_build_filename (cache, name, NULL);
  if (!g_file_test (cached, G_FILE_TEST_EXISTS))
    {
      double start = g_get_monotonic_time ();

      /* Made under another name first: an interrupted run leaves no half panel. */
      partial = g_strconcat (cached, ".partial", NULL);
      g_mkdir_with_parents (cache, 0755);
      g_unlink (partial);
      if (!synthetic_panel_create (partial, n_candidates, error))
        return FALSE;
      if (g_rename (partial, cached) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Cannot rename %s", partial);
          return FALSE;
        }
      g_printerr ("Made the panel of %u candidates in %.1f s: %s\n", n_candidates,
                  (g_get_monotonic_time () - start) / 1e6, cached);
    }

  source = g_file_new_for_path (cached);
  destination = g_file_new_for_path (path);

  return g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

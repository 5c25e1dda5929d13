/* test-durability.c: no write that returned is ever lost. A child process
 * (this program again, with --writer) records decisions and adds evidence in
 * a tight loop and reports each write on stdout once the call has returned;
 * the parent kills it with SIGKILL at a random moment, reopens the file and
 * finds every reported write, with the file intact. Then two processes write
 * to one file at once, and both succeed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "rung-store.h"
#include "store-fixture.h"

#define ROUNDS 60

static const char *self_path;

/* The child: opens the panel, says "ready", then writes until killed, or
 * for @duration_ms if that is positive, printing "d ID" or "e ID" after each
 * write has returned. */
static int
run_writer (const char *path,
            gint64      candidate_id,
            gint64      duration_ms)
{
  g_autoptr(GError) error = NULL;
  RungStore *store = rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, &error);
  gint64 end = duration_ms > 0 ? g_get_monotonic_time () + duration_ms * 1000 : G_MAXINT64;

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  setvbuf (stdout, NULL, _IONBF, 0);
  printf ("ready\n");

  for (guint i = 0; g_get_monotonic_time () < end; i++)
    {
      gint64 id;

      if (i % 2 == 0)
        {
          RungDecisionRecord decision = { .candidate_id = candidate_id, .outcome_id = (char *)"promote",
                                          .votes_for = 1, .rationale = (char *)"Burst",
                                          .reason = (char *)"Recount", .recorded_by = (char *)"writer" };

          id = rung_store_record_decision (store, "writer", &decision, &error);
          if (id == 0)
            break;
          printf ("d %" G_GINT64_FORMAT "\n", id);
        }
      else
        {
          RungEvidenceRecord evidence = { .candidate_id = candidate_id, .expectation_id = (char *)"e",
                                          .title = (char *)"Burst", .text = (char *)"Written in a burst" };

          id = rung_store_add_evidence (store, "writer", &evidence, &error);
          if (id == 0)
            break;
          printf ("e %" G_GINT64_FORMAT "\n", id);
        }

      /* Timed writers share the file with another: a breath between writes
       * lets SQLite's busy handler, which sleeps between its tries, find the
       * file free now and then, as it would between a person's edits. */
      if (duration_ms > 0)
        g_usleep (g_random_int_range (0, 2000));
    }

  rung_store_close (store);

  if (error != NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  return 0;
}

typedef struct
{
  GPid     pid;
  int      out;
  GString *reported;
} Writer;

static void
read_line (Writer *writer)
{
  char c;

  while (read (writer->out, &c, 1) == 1)
    {
      g_string_append_c (writer->reported, c);
      if (c == '\n')
        return;
    }
}

/* Starts a writer and waits until it has the panel open. */
static void
start_writer (Writer     *writer,
              const char *path,
              gint64      candidate_id,
              gint64      duration_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, candidate_id);
  g_autofree char *duration = g_strdup_printf ("%" G_GINT64_FORMAT, duration_ms);
  const char *argv[] = { self_path, "--writer", path, id, duration, NULL };

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &writer->pid, NULL, &writer->out, NULL, &error);
  g_assert_no_error (error);
  writer->reported = g_string_new (NULL);

  read_line (writer);
  g_assert_cmpstr (writer->reported->str, ==, "ready\n");
  g_string_truncate (writer->reported, 0);
}

/* Reads what is left of the writer's reports and reaps it. */
static int
wait_writer (Writer *writer)
{
  char buffer[4096];
  gssize n;
  int status = 0;

  while ((n = read (writer->out, buffer, sizeof buffer)) > 0)
    g_string_append_len (writer->reported, buffer, n);
  close (writer->out);
  g_assert_cmpint (waitpid (writer->pid, &status, 0), ==, writer->pid);
  g_spawn_close_pid (writer->pid);

  return status;
}

static void
assert_file_intact (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* The full-text index agrees with the evidence it indexes. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Every write reported in @reported is in the file, which Rung opens as it
 * would after a crash; returns how many were checked. */
static guint
check_reported (const char *path,
                gint64      candidate_id,
                const char *reported)
{
  g_auto(GStrv) lines = g_strsplit (reported, "\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GHashTable) decision_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  RungStore *store;
  guint checked = 0;

  store = rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  decisions = rung_store_list_decisions (store, candidate_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decisions->len; i++)
    {
      RungDecisionRecord *decision = g_ptr_array_index (decisions, i);

      /* Revisions stay consecutive through every crash. */
      g_assert_cmpint (decision->revision, ==, (int)i + 1);
      g_hash_table_add (decision_ids, g_memdup2 (&decision->id, sizeof decision->id));
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 id;

      /* The last piece has no newline: a report cut by the kill, or nothing. */
      if (lines[i + 1] == NULL)
        break;

      g_assert_true (lines[i][0] == 'd' || lines[i][0] == 'e');
      g_assert_true (lines[i][1] == ' ');
      id = g_ascii_strtoll (lines[i] + 2, NULL, 10);
      g_assert_cmpint (id, >, 0);

      if (lines[i][0] == 'd')
        {
          if (!g_hash_table_contains (decision_ids, &id))
            g_error ("The decision %" G_GINT64_FORMAT " was reported recorded but is not in the file", id);
        }
      else
        {
          g_autoptr(RungEvidenceRecord) item = rung_store_get_evidence (store, id, &error);

          if (item == NULL)
            g_error ("The evidence %" G_GINT64_FORMAT " was reported added but is not in the file: %s",
                     id, error->message);
          g_assert_cmpstr (item->text, ==, "Written in a burst");
        }
      checked++;
    }

  rung_store_close (store);
  assert_file_intact (path);

  return checked;
}

static gint64
make_panel (const char *path)
{
  g_autoptr(GError) error = NULL;
  RungStore *store = store_fixture_create (path);
  RungCandidateRecord candidate = { .name = (char *)"Durable", .target_level = (char *)"L6" };
  gint64 id;

  rung_store_add_panelist (store, "t", "One", NULL, &error);
  g_assert_no_error (error);
  rung_store_add_panelist (store, "t", "Two", NULL, &error);
  g_assert_no_error (error);
  id = rung_store_add_candidate (store, "t", &candidate, &error);
  g_assert_no_error (error);
  rung_store_close (store);

  return id;
}

static void
test_sigkill_loses_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-durability-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "panel.rung", NULL);
  gint64 candidate = make_panel (path);
  guint total = 0;
  guint rounds_with_writes = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      Writer writer;
      int status;
      guint checked;

      start_writer (&writer, path, candidate, 0);
      g_usleep (1000 * g_test_rand_int_range (1, 81));
      g_assert_cmpint (kill (writer.pid, SIGKILL), ==, 0);
      status = wait_writer (&writer);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      checked = check_reported (path, candidate, writer.reported->str);
      total += checked;
      rounds_with_writes += checked > 0;
      g_string_free (writer.reported, TRUE);
    }

  g_test_message ("%u reported writes checked over %d kills, %u of which came after writes",
                  total, ROUNDS, rounds_with_writes);
  g_assert_cmpuint (rounds_with_writes, >, ROUNDS / 4);
  store_fixture_remove_dir (dir);
}

static guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = text; *p; p++)
    lines += *p == '\n';

  return lines;
}

static void
test_two_writers_at_once (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-concurrent-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "panel.rung", NULL);
  gint64 candidate = make_panel (path);
  Writer first, second;
  g_autoptr(GString) both = g_string_new (NULL);
  int status;
  guint first_count, second_count;

  start_writer (&first, path, candidate, 1000);
  start_writer (&second, path, candidate, 1000);

  status = wait_writer (&first);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  status = wait_writer (&second);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  first_count = count_lines (first.reported->str);
  second_count = count_lines (second.reported->str);
  g_test_message ("%u and %u writes", first_count, second_count);
  g_assert_cmpuint (first_count, >, 0);
  g_assert_cmpuint (second_count, >, 0);

  g_string_append (both, first.reported->str);
  g_string_append (both, second.reported->str);
  g_assert_cmpuint (check_reported (path, candidate, both->str), ==, first_count + second_count);

  g_string_free (first.reported, TRUE);
  g_string_free (second.reported, TRUE);
  store_fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], g_ascii_strtoll (argv[3], NULL, 10), g_ascii_strtoll (argv[4], NULL, 10));

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rung/store/durability/sigkill-loses-nothing", test_sigkill_loses_nothing);
  g_test_add_func ("/rung/store/durability/two-writers-at-once", test_two_writers_at_once);

  return g_test_run ();
}

/* test-durability.c: no write that returned is ever lost. A child process
 * writes decisions and evidence in a burst and reports each write once the
 * call has returned; the parent kills it with SIGKILL at a random moment,
 * reopens the file and finds every reported write, with the file intact.
 * Then two processes write to one file at once and both succeed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "rung-store.h"
#include "store-fixture.h"

#define ROUNDS 60

static const char *self_path;

/* The child: writes until killed, or @limit writes, printing "d ID" or
 * "e ID" after each write has returned. */
static int
run_writer (const char *path,
            gint64      candidate_id,
            int         limit)
{
  g_autoptr(GError) error = NULL;
  RungStore *store = rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  setvbuf (stdout, NULL, _IONBF, 0);
  for (int i = 0; limit < 0 || i < limit; i++)
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
    }

  if (error != NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      rung_store_close (store);
      return 1;
    }

  rung_store_close (store);
  return 0;
}

typedef struct
{
  GPid     pid;
  int      out;
  GString *reported;
} Writer;

static void
start_writer (Writer     *writer,
              const char *path,
              gint64      candidate_id,
              int         limit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, candidate_id);
  g_autofree char *count = g_strdup_printf ("%d", limit);
  const char *argv[] = { self_path, "--writer", path, id, count, NULL };

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &writer->pid, NULL, &writer->out, NULL, &error);
  g_assert_no_error (error);
  writer->reported = g_string_new (NULL);
}

static void
read_reports (Writer *writer)
{
  char buffer[4096];
  gssize n;

  while ((n = read (writer->out, buffer, sizeof buffer)) > 0)
    g_string_append_len (writer->reported, buffer, n);
}

static int
wait_writer (Writer *writer)
{
  int status = 0;

  read_reports (writer);
  close (writer->out);
  waitpid (writer->pid, &status, 0);
  g_spawn_close_pid (writer->pid);

  return status;
}

static gboolean
row_exists (sqlite3    *db,
            const char *table,
            gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return found;
}

/* Every reported write is in the file, and the file is intact. */
static guint
check_reported (const char *path,
                const char *reported)
{
  g_auto(GStrv) lines = g_strsplit (reported, "\n", -1);
  g_autoptr(GError) error = NULL;
  RungStore *store;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint checked = 0;

  /* Opening recovers the file as Rung would. */
  store = rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rung_store_close (store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 id;

      /* A line cut by the kill was never a complete report. */
      if (lines[i + 1] == NULL || strlen (lines[i]) < 3)
        continue;

      id = g_ascii_strtoll (lines[i] + 2, NULL, 10);
      if (!row_exists (db, lines[i][0] == 'd' ? "decisions" : "evidence", id))
        g_error ("The write “%s” was reported done but is not in the file", lines[i]);
      checked++;
    }

  sqlite3_close (db);
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
  rung_store_add_panelist (store, "t", "Two", NULL, &error);
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

  for (guint round = 0; round < ROUNDS; round++)
    {
      Writer writer;
      guint checked;

      start_writer (&writer, path, candidate, -1);
      g_usleep (1000 * g_test_rand_int_range (1, 80));
      kill (writer.pid, SIGKILL);
      wait_writer (&writer);

      checked = check_reported (path, writer.reported->str);
      total += checked;
      g_string_free (writer.reported, TRUE);
    }

  g_test_message ("%u reported writes checked over %d kills", total, ROUNDS);
  g_assert_cmpuint (total, >, 0);
  store_fixture_remove_dir (dir);
}

static void
test_two_writers_at_once (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-concurrent-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "panel.rung", NULL);
  gint64 candidate = make_panel (path);
  Writer first, second;
  g_autoptr(GString) both = g_string_new (NULL);

  start_writer (&first, path, candidate, 150);
  start_writer (&second, path, candidate, 150);

  g_assert_cmpint (wait_writer (&first), ==, 0);
  g_assert_cmpint (wait_writer (&second), ==, 0);

  g_string_append (both, first.reported->str);
  g_string_append (both, second.reported->str);
  g_assert_cmpuint (check_reported (path, both->str), ==, 300);

  g_string_free (first.reported, TRUE);
  g_string_free (second.reported, TRUE);
  store_fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], g_ascii_strtoll (argv[3], NULL, 10), atoi (argv[4]));

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rung/store/durability/sigkill-loses-nothing", test_sigkill_loses_nothing);
  g_test_add_func ("/rung/store/durability/two-writers-at-once", test_two_writers_at_once);

  return g_test_run ();
}

/* test-store.c: the panel file itself: creation, the bad-file corpus (each
 * refused with its error and left byte for byte as it was), the rules the
 * schema enforces even against raw SQL, full-text search, migration from the
 * version-1 fixture, and the audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "rung-store.h"
#include "store-fixture.h"

typedef struct
{
  char      *dir;
  char      *path;
  RungStore *store;
  gint64     ada;
  gint64     grace;
  gint64     alan;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidateRecord ada = { .name = (char *)"Ada Lovelace", .target_level = (char *)"L6",
                              .manager = (char *)"Charles Babbage", .team = (char *)"Engines" };

  fixture->dir = g_dir_make_tmp ("rung-store-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "panel.rung", NULL);
  fixture->store = store_fixture_create (fixture->path);

  fixture->ada = rung_store_add_candidate (fixture->store, "tester", &ada, &error);
  g_assert_no_error (error);
  fixture->grace = rung_store_add_panelist (fixture->store, "tester", "Grace Hopper", "Chair", &error);
  g_assert_no_error (error);
  fixture->alan = rung_store_add_panelist (fixture->store, "tester", "Alan Turing", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->store, rung_store_close);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static gboolean
has_side_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  return g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (shm, G_FILE_TEST_EXISTS) ||
         g_file_test (journal, G_FILE_TEST_EXISTS);
}

static void
test_create_mode_and_no_temporary_files (Fixture       *fixture,
                                         gconstpointer  data)
{
  struct stat st;
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, ".panel.rung."));
}

static void
test_create_refuses_existing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ladder = g_bytes_new_static ("<x/>", 4);
  RungPanelInfo info = { .name = (char *)"Other" };
  g_autofree char *other = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RungStore *store;

  g_assert_true (g_file_set_contents (other, "my notes", -1, NULL));
  before = file_sha256 (other);

  store = rung_store_create (other, &info, ladder, "00", &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_EXISTS);

  after = file_sha256 (other);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  const char *name;
  int         code;
} BadFile;

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  RungStore *store;

  store = rung_store_open (path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, code);
  g_test_message ("%s: %s", path, error->message);

  /* A sentence for a person, naming the file. */
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_nonnull (strstr (error->message, "“"));

  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (has_side_files (path));
}

static void
write_random (const char *path,
              gsize       size)
{
  g_autofree guchar *bytes = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, (const char *)bytes, size, NULL));
}

static void
make_other_programs_database (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
truncate_to_half (const char *source,
                  const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.rung", NULL);
  g_autofree char *random = g_build_filename (fixture->dir, "random.rung", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "text.rung", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "music.db", NULL);
  g_autofree char *truncated = g_build_filename (fixture->dir, "truncated.rung", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "newer.rung", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.rung", NULL);
  g_autoptr(GError) error = NULL;
  RungStore *store;

  /* Make the panel big enough that half of it cuts through its pages. */
  for (guint i = 0; i < 200; i++)
    {
      RungCandidateRecord record = { .name = (char *)"Filler", .target_level = (char *)"L6",
                                     .summary = (char *)"A summary long enough to fill pages of the file." };

      g_assert_cmpint (rung_store_add_candidate (fixture->store, "t", &record, NULL), >, 0);
    }
  g_clear_pointer (&fixture->store, rung_store_close);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  write_random (random, 8192);
  g_assert_true (g_file_set_contents (text, "These are not the panels you are looking for.\n", -1, NULL));
  make_other_programs_database (other);
  truncate_to_half (fixture->path, truncated);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (newer, contents, length, NULL));
    set_user_version (newer, 99);
  }

  assert_refused_untouched (empty, RUNG_STORE_ERROR_NOT_A_PANEL);
  assert_refused_untouched (random, RUNG_STORE_ERROR_NOT_A_PANEL);
  assert_refused_untouched (text, RUNG_STORE_ERROR_NOT_A_PANEL);
  assert_refused_untouched (other, RUNG_STORE_ERROR_NOT_A_PANEL);
  assert_refused_untouched (truncated, RUNG_STORE_ERROR_CORRUPT);
  assert_refused_untouched (newer, RUNG_STORE_ERROR_TOO_NEW);

  store = rung_store_open (missing, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_damaged_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  for (guint i = 0; i < 100; i++)
    {
      RungCandidateRecord record = { .name = (char *)"Filler", .target_level = (char *)"L6",
                                     .summary = (char *)"Text that fills the pages of the file." };

      rung_store_add_candidate (fixture->store, "t", &record, NULL);
    }
  g_clear_pointer (&fixture->store, rung_store_close);

  /* Scribble over the second page: the header is fine, the content is not. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  memset (contents + 4096, 0xA5, 4096);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  g_chmod (fixture->path, 0600);

  assert_refused_untouched (fixture->path, RUNG_STORE_ERROR_CORRUPT);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  RungCandidateRecord record = { .name = (char *)"New", .target_level = (char *)"L6" };
  RungStore *store;

  g_clear_pointer (&fixture->store, rung_store_close);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  before = file_sha256 (fixture->path);

  store = rung_store_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  store = rung_store_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  g_assert_true (rung_store_is_read_only (store));

  candidates = rung_store_list_candidates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);

  g_assert_cmpint (rung_store_add_candidate (store, "t", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  rung_store_close (store);

  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (has_side_files (fixture->path));
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int ready[2];
  pid_t child;
  char byte;
  RungStore *store;

  g_clear_pointer (&fixture->store, rung_store_close);
  before = file_sha256 (fixture->path);
  g_assert_cmpint (pipe (ready), ==, 0);

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      /* Another program that holds the file for itself. */
      sqlite3 *db = NULL;

      close (ready[0]);
      if (sqlite3_open (fixture->path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      if (write (ready[1], "x", 1) != 1)
        _exit (1);
      pause ();
      _exit (0);
    }

  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);

  store = rung_store_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  kill (child, SIGKILL);
  waitpid (child, NULL, 0);

  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_LOCKED);
  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static void
test_decisions_append_only (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  RungDecisionRecord record = { .candidate_id = fixture->ada, .outcome_id = (char *)"promote",
                                .votes_for = 2, .rationale = (char *)"Strong", .recorded_by = (char *)"Grace" };
  sqlite3 *db;
  gint64 id;

  id = rung_store_record_decision (fixture->store, "Grace", &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Not even SQL can change or remove a decision. */
  db = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE decisions SET outcome_id = 'defer'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM decisions", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  /* A second revision without a reason is refused; with one it is kept. */
  record.outcome_id = (char *)"defer";
  g_assert_cmpint (rung_store_record_decision (fixture->store, "Grace", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  record.reason = (char *)"   ";
  g_assert_cmpint (rung_store_record_decision (fixture->store, "Grace", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  record.reason = (char *)"New evidence arrived";
  g_assert_cmpint (rung_store_record_decision (fixture->store, "Grace", &record, &error), >, id);
  g_assert_no_error (error);

  record.votes_for = 3;
  g_assert_cmpint (rung_store_record_decision (fixture->store, "Grace", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  record.votes_for = 1;
  record.rationale = (char *)"";
  g_assert_cmpint (rung_store_record_decision (fixture->store, "Grace", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  decisions = rung_store_list_decisions (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_cmpstr (((RungDecisionRecord *)g_ptr_array_index (decisions, 0))->outcome_id, ==, "promote");
  g_assert_cmpint (((RungDecisionRecord *)g_ptr_array_index (decisions, 1))->revision, ==, 2);
  g_assert_cmpstr (((RungDecisionRecord *)g_ptr_array_index (decisions, 1))->reason, ==, "New evidence arrived");
}

static void
test_conflicts_even_in_sql (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;

  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "impact", 3, "ok", &error));
  g_assert_true (rung_store_set_concern (fixture->store, "t", fixture->alan, fixture->ada, "arrogance", "n", &error));
  g_assert_true (rung_store_set_conflict (fixture->store, "t", fixture->alan, fixture->ada, "Friend", &error));
  g_assert_no_error (error);

  ratings = rung_store_list_ratings (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (ratings->len, ==, 0);

  g_assert_false (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "impact", 3, "", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  db = open_raw (fixture->path);
  sql = g_strdup_printf ("INSERT INTO ratings (panelist_id, candidate_id, area_id, value) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'growth', 2)",
                         fixture->alan, fixture->ada);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (rung_store_clear_conflict (fixture->store, "t", fixture->alan, fixture->ada, &error));
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "impact", 2, "", &error));
  g_assert_no_error (error);
}

static void
test_no_such_row (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungEvidenceRecord evidence = { .candidate_id = 9999, .expectation_id = (char *)"x" };

  g_assert_cmpint (rung_store_add_evidence (fixture->store, "t", &evidence, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  g_assert_null (rung_store_get_candidate (fixture->store, 9999, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  g_assert_false (rung_store_delete_candidate (fixture->store, "t", 9999, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  g_assert_false (rung_store_set_rating (fixture->store, "t", 9999, fixture->ada, "impact", 1, "", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
}

static gboolean
search_finds (RungStore  *store,
              const char *query,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rung_store_search_candidates (store, query, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungEvidenceRecord evidence = { .candidate_id = fixture->ada, .expectation_id = (char *)"e",
                                  .title = (char *)"Engine", .text = (char *)"Wrote the first program for the Analytical Engine." };
  static const char *hostile[] = {
    "\"", "*", "AND", "OR NOT", "NEAR(a b)", "a\"b", "(", "-", "^", "title:x", "'; DROP TABLE candidates; --",
  };
  g_autoptr(GArray) all = NULL;
  RungEvidenceRecord *stored;
  gint64 id;

  g_assert_true (search_finds (fixture->store, "lovelace", fixture->ada));
  g_assert_true (search_finds (fixture->store, "babb", fixture->ada));
  g_assert_false (search_finds (fixture->store, "analytical", fixture->ada));

  id = rung_store_add_evidence (fixture->store, "t", &evidence, &error);
  g_assert_no_error (error);
  g_assert_true (search_finds (fixture->store, "analytical", fixture->ada));
  g_assert_true (search_finds (fixture->store, "ada analyt", fixture->ada));
  g_assert_false (search_finds (fixture->store, "ada quantum", fixture->ada));

  stored = rung_store_get_evidence (fixture->store, id, &error);
  g_free (stored->text);
  stored->text = g_strdup ("Translated Menabrea's article, with notes longer than the article.");
  g_assert_true (rung_store_update_evidence (fixture->store, "t", stored, &error));
  rung_evidence_record_free (stored);
  g_assert_false (search_finds (fixture->store, "analytical", fixture->ada));
  g_assert_true (search_finds (fixture->store, "menabrea", fixture->ada));

  g_assert_true (rung_store_delete_evidence (fixture->store, "t", id, &error));
  g_assert_false (search_finds (fixture->store, "menabrea", fixture->ada));

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GArray) ids = rung_store_search_candidates (fixture->store, hostile[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (ids);
    }

  all = rung_store_search_candidates (fixture->store, "  ", &error);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_true (rung_store_delete_candidate (fixture->store, "t", fixture->ada, &error));
  g_assert_false (search_finds (fixture->store, "lovelace", fixture->ada));
  g_assert_true (rung_store_restore_candidate (fixture->store, "t", fixture->ada, &error));
  g_assert_true (search_finds (fixture->store, "lovelace", fixture->ada));
}

static void
test_migrate_from_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.rung", NULL);
  g_autofree char *fixture_path = g_build_filename (TEST_DATA_DIR, "panels", "v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  RungStore *store;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture_path, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rung_store_get_opened_version (store), ==, 1);

  candidates = rung_store_list_candidates (store, &error);
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_cmpstr (((RungCandidateRecord *)g_ptr_array_index (candidates, 0))->name, ==, "Barbara McClintock");
  evidence = rung_store_list_evidence (store, 1, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  ratings = rung_store_list_ratings (store, 1, &error);
  g_assert_cmpuint (ratings->len, ==, 2);
  decisions = rung_store_list_decisions (store, 1, &error);
  g_assert_cmpuint (decisions->len, ==, 1);
  conflicts = rung_store_list_conflicts (store, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);

  /* What version 2 added works on the migrated data. */
  g_assert_true (search_finds (store, "crystallography", 1));
  g_assert_true (search_finds (store, "maize", 2));
  g_assert_true (rung_store_delete_candidate (store, "t", 2, &error));
  g_assert_no_error (error);

  audit = rung_store_list_audit (store, 10, &error);
  g_assert_cmpstr (((RungAuditRecord *)g_ptr_array_index (audit, 1))->action, ==, "migrate");
  rung_store_close (store);

  /* Opened again, it is a version-2 file. */
  store = rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rung_store_get_opened_version (store), ==, RUNG_STORE_SCHEMA_VERSION);
  rung_store_close (store);

  store_fixture_remove_dir (dir);
}

static void
test_audit_log (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(RungCandidateRecord) ada = rung_store_get_candidate (fixture->store, fixture->ada, &error);
  RungAuditRecord *last;

  g_free (ada->summary);
  ada->summary = g_strdup ("Poet of numbers");
  g_assert_true (rung_store_update_candidate (fixture->store, "Charles", ada, &error));

  audit = rung_store_list_audit (fixture->store, 100, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (last->who, ==, "Charles");
  g_assert_cmpstr (last->action, ==, "update");
  g_assert_cmpstr (last->entity, ==, "candidate");
  g_assert_cmpint (last->entity_id, ==, fixture->ada);
  g_assert_nonnull (strstr (last->before, "\"summary\":\"\""));
  g_assert_nonnull (strstr (last->after, "\"summary\":\"Poet of numbers\""));

  /* create, migrate, candidate, two panelists, the update */
  g_assert_cmpuint (audit->len, ==, 6);
}

static void
test_unicode_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char *texts[] = {
    "مرحبا بالعالم", "שלום עולם", "👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈", "e\u0301 a\u0308 n\u0303", "Ǆemal 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      RungCandidateRecord record = { .name = (char *)texts[i], .target_level = (char *)"L6",
                                     .manager = (char *)texts[i], .team = (char *)texts[i],
                                     .summary = (char *)texts[i] };
      RungEvidenceRecord evidence = { .expectation_id = (char *)"e", .title = (char *)texts[i],
                                      .text = (char *)texts[i], .link = (char *)texts[i] };
      g_autoptr(RungCandidateRecord) back = NULL;
      g_autoptr(GPtrArray) items = NULL;
      gint64 id = rung_store_add_candidate (fixture->store, texts[i], &record, &error);

      g_assert_no_error (error);
      evidence.candidate_id = id;
      rung_store_add_evidence (fixture->store, texts[i], &evidence, &error);
      g_assert_no_error (error);

      back = rung_store_get_candidate (fixture->store, id, &error);
      g_assert_cmpstr (back->name, ==, texts[i]);
      g_assert_cmpstr (back->manager, ==, texts[i]);
      g_assert_cmpstr (back->summary, ==, texts[i]);
      items = rung_store_list_evidence (fixture->store, id, &error);
      g_assert_cmpstr (((RungEvidenceRecord *)g_ptr_array_index (items, 0))->text, ==, texts[i]);
      g_assert_cmpstr (((RungEvidenceRecord *)g_ptr_array_index (items, 0))->link, ==, texts[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rung/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create/mode-0600-no-temporary-files", test_create_mode_and_no_temporary_files);
  ADD ("create/refuses-existing", test_create_refuses_existing);
  ADD ("open/bad-files", test_bad_files);
  ADD ("open/damaged-page", test_damaged_page);
  ADD ("open/read-only", test_read_only);
  ADD ("open/locked", test_locked);
  ADD ("decision/append-only", test_decisions_append_only);
  ADD ("conflict/enforced-in-sql", test_conflicts_even_in_sql);
  ADD ("no-such-row", test_no_such_row);
  ADD ("search", test_search);
  ADD ("audit", test_audit_log);
  ADD ("unicode-round-trip", test_unicode_round_trip);
#undef ADD
  g_test_add_func ("/rung/store/migrate/from-v1", test_migrate_from_v1);

  return g_test_run ();
}

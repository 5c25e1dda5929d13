/* test-store.c: the panel file itself: creation, the bad-file corpus (each
 * refused with its error and left byte for byte as it was), every operation
 * and every rule (enforced by the schema even against raw SQL), full-text
 * search, migration from the version-1 fixture, the audit log and Unicode.
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
#include "rung-store-private.h"
#include "store-fixture.h"

#define LADDER_SHA256 "0000000000000000000000000000000000000000000000000000000000000000"

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
                              .current_level = (char *)"L5",
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

/* Helpers */

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* Which of SQLite's files beside @path exist, as a string to compare. */
static char *
side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  GString *found = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_string_append (found, suffixes[i]);
    }

  return g_string_free (found, FALSE);
}

static void
assert_no_side_files (const char *path)
{
  g_autofree char *found = side_files (path);

  g_assert_cmpstr (found, ==, "");
}

/* A message for a person: a sentence that names the file. */
static void
assert_sentence (const GError *error,
                 const char   *path)
{
  g_autofree char *base = g_path_get_basename (path);
  gunichar first = g_utf8_get_char (error->message);

  g_test_message ("%s: %s", base, error->message);
  g_assert_true (g_unichar_isupper (first) || first == 0x201C /* “ */);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_nonnull (strstr (error->message, base));
  g_assert_null (strstr (error->message, "sqlite"));
  g_assert_null (strstr (error->message, "SQLITE"));
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

/* The first column of the first row of @sql, as text. */
static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static gboolean
is_json_object (const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean valid;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT json_valid (?1) AND json_type (?1) = 'object'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  valid = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return valid;
}

static gboolean
is_iso_time (const char *text)
{
  return text != NULL &&
         g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$",
                               text, 0, 0);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  g_assert_cmpint (g_chmod (to, 0600), ==, 0);
}

static guint
audit_count (RungStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = rung_store_list_audit (store, G_MAXUINT, &error);

  g_assert_no_error (error);
  return audit->len;
}

/* The newest entry of the audit log is the one described. */
static void
assert_last_audit (RungStore  *store,
                   guint       back,
                   const char *who,
                   const char *action,
                   const char *entity,
                   gint64      entity_id,
                   gboolean    has_before,
                   gboolean    has_after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = rung_store_list_audit (store, back + 1, &error);
  RungAuditRecord *record;

  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, back + 1);
  record = g_ptr_array_index (audit, back);

  g_assert_true (is_iso_time (record->at));
  g_assert_cmpstr (record->who, ==, who);
  g_assert_cmpstr (record->action, ==, action);
  g_assert_cmpstr (record->entity, ==, entity);
  g_assert_cmpint (record->entity_id, ==, entity_id);
  if (has_before)
    g_assert_true (is_json_object (record->before));
  else
    g_assert_null (record->before);
  if (has_after)
    g_assert_true (is_json_object (record->after));
  else
    g_assert_null (record->after);
}

static gboolean
search_finds (RungStore  *store,
              const char *query,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rung_store_search_candidates (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static gint64
add_candidate (RungStore  *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  RungCandidateRecord record = { .name = (char *)name, .target_level = (char *)"L6" };
  gint64 id = rung_store_add_candidate (store, "tester", &record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
add_evidence (RungStore  *store,
              gint64      candidate_id,
              const char *expectation_id,
              const char *title,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  RungEvidenceRecord record = { .candidate_id = candidate_id, .expectation_id = (char *)expectation_id,
                                .title = (char *)title, .text = (char *)text };
  gint64 id = rung_store_add_evidence (store, "tester", &record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
record_decision (RungStore  *store,
                 gint64      candidate_id,
                 const char *outcome_id,
                 int         votes_for,
                 const char *reason,
                 GError    **error)
{
  RungDecisionRecord record = { .candidate_id = candidate_id, .outcome_id = (char *)outcome_id,
                                .votes_for = votes_for, .rationale = (char *)"Strong evidence",
                                .recorded_by = (char *)"Grace", .reason = (char *)reason };

  return rung_store_record_decision (store, "Grace", &record, error);
}

/* Creating */

static void
test_create_mode_0600 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "panel.rung", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  RungStore *store;
  struct stat st;
  mode_t old_umask;

  /* The most permissive umask cannot widen the file's mode. */
  old_umask = umask (0);
  store = store_fixture_create (path);
  add_candidate (store, "Someone");
  umask (old_umask);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* SQLite's write-ahead log is as private as the panel. */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  rung_store_close (store);
  store_fixture_remove_dir (dir);
}

static void
test_create_contents (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanelInfo) info = NULL;
  g_autoptr(GBytes) ladder = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *journal_mode = NULL;
  sqlite3 *db;

  info = rung_store_get_panel_info (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->name, ==, "Test panel");
  g_assert_cmpstr (info->committee, ==, "Committee");
  g_assert_null (info->cycle_start);
  g_assert_true (is_iso_time (info->created_at));

  ladder = rung_store_get_ladder (fixture->store, &sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (ladder, NULL), g_bytes_get_size (ladder), "<ladder/>", 9);
  g_assert_cmpstr (sha256, ==, LADDER_SHA256);

  g_assert_cmpstr (rung_store_get_path (fixture->store), ==, fixture->path);
  g_assert_false (rung_store_is_read_only (fixture->store));
  g_assert_cmpint (rung_store_get_opened_version (fixture->store), ==, RUNG_STORE_SCHEMA_VERSION);

  /* The connection's settings. */
  db = _rung_store_get_database (fixture->store);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (db, "PRAGMA busy_timeout"), ==, 5000);
  journal_mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");

  /* The file's header, as another program sees it. */
  g_clear_pointer (&fixture->store, rung_store_close);
  db = open_raw (fixture->path);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, RUNG_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, RUNG_STORE_SCHEMA_VERSION);
  sqlite3_close (db);
}

static void
assert_no_temporary_files (const char *dir_path,
                           const char *allowed)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_test_message ("in the folder: %s", name);
      g_assert_true (g_str_has_prefix (name, allowed));
      g_assert_false (g_str_has_prefix (name, "."));
    }
}

static void
test_create_no_temporary_files (Fixture       *fixture,
                                gconstpointer  data)
{
  g_clear_pointer (&fixture->store, rung_store_close);
  assert_no_temporary_files (fixture->dir, "panel.rung");
}

static void
test_create_refuses_existing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ladder = g_bytes_new_static ("<x/>", 4);
  RungPanelInfo info = { .name = (char *)"Other" };
  g_autofree char *other = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *before_other = NULL;
  g_autofree char *after_other = NULL;
  g_autofree char *before_panel = NULL;
  g_autofree char *after_panel = NULL;
  RungStore *store;

  g_assert_true (g_file_set_contents (other, "my notes", -1, NULL));
  before_other = file_sha256 (other);

  store = rung_store_create (other, &info, ladder, "00", &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_EXISTS);
  assert_sentence (error, other);
  g_clear_error (&error);

  after_other = file_sha256 (other);
  g_assert_cmpstr (before_other, ==, after_other);

  /* Nor over a panel. */
  g_clear_pointer (&fixture->store, rung_store_close);
  before_panel = file_sha256 (fixture->path);
  store = rung_store_create (fixture->path, &info, ladder, "00", &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_EXISTS);
  after_panel = file_sha256 (fixture->path);
  g_assert_cmpstr (before_panel, ==, after_panel);

  g_assert_cmpint (g_unlink (other), ==, 0);
  assert_no_temporary_files (fixture->dir, "panel.rung");
}

static void
test_create_missing_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ladder = g_bytes_new_static ("<x/>", 4);
  RungPanelInfo info = { .name = (char *)"Nowhere" };
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "panel.rung", NULL);
  RungStore *store;

  store = rung_store_create (path, &info, ladder, "00", &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO);
  assert_sentence (error, path);

  g_clear_pointer (&fixture->store, rung_store_close);
  assert_no_temporary_files (fixture->dir, "panel.rung");
}

static void
test_create_needs_name (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ladder = g_bytes_new_static ("<x/>", 4);
  RungPanelInfo info = { .name = (char *)" " };
  g_autofree char *path = g_build_filename (fixture->dir, "nameless.rung", NULL);
  RungStore *store;

  store = rung_store_create (path, &info, ladder, "00", &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "A panel needs a name.");

  g_clear_pointer (&fixture->store, rung_store_close);
  assert_no_temporary_files (fixture->dir, "panel.rung");
}

/* Opening: the bad-file corpus */

typedef void (*MakeBadFile) (Fixture    *fixture,
                             const char *path);

typedef struct
{
  const char  *name;
  MakeBadFile  make;
  int          code;
} BadFile;

static void
make_empty (Fixture    *fixture,
            const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
make_random (Fixture    *fixture,
             const char *path)
{
  g_autofree guchar *bytes = g_malloc (8192);

  for (gsize i = 0; i < 8192; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, (const char *)bytes, 8192, NULL));
}

static void
make_text (Fixture    *fixture,
           const char *path)
{
  g_assert_true (g_file_set_contents (path, "These are not the panels you are looking for.\n", -1, NULL));
}

static void
make_other_programs_database (Fixture    *fixture,
                              const char *path)
{
  sqlite3 *db = open_raw (path);

  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A real panel, big enough that cutting it cuts through its pages. */
static void
fill_and_close (Fixture *fixture)
{
  for (guint i = 0; i < 200; i++)
    {
      RungCandidateRecord record = { .name = (char *)"Filler", .target_level = (char *)"L6",
                                     .summary = (char *)"A summary long enough to fill pages of the file." };

      g_assert_cmpint (rung_store_add_candidate (fixture->store, "t", &record, NULL), >, 0);
    }
  g_clear_pointer (&fixture->store, rung_store_close);
  assert_no_side_files (fixture->path);
}

static void
make_truncated (Fixture    *fixture,
                const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  fill_and_close (fixture);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
}

/* Cut in half, and with a header that no longer vouches for the file's size,
 * so that SQLite itself has to find the damage. */
static void
make_truncated_stale_header (Fixture    *fixture,
                             const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  fill_and_close (fixture);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  contents[95] ^= 0x55;
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
}

static void
make_header_only (Fixture    *fixture,
                  const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_clear_pointer (&fixture->store, rung_store_close);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, 60, NULL));
}

static void
make_damaged_page (Fixture    *fixture,
                   const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  fill_and_close (fixture);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  /* Scribble over the second page: the header is fine, the content is not. */
  memset (contents + 4096, 0xA5, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
make_newer (Fixture    *fixture,
            const char *path)
{
  sqlite3 *db;

  g_clear_pointer (&fixture->store, rung_store_close);
  copy_file (fixture->path, path);
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_no_side_files (path);
}

static const BadFile bad_files[] = {
  { "empty", make_empty, RUNG_STORE_ERROR_NOT_A_PANEL },
  { "random-bytes", make_random, RUNG_STORE_ERROR_NOT_A_PANEL },
  { "text", make_text, RUNG_STORE_ERROR_NOT_A_PANEL },
  { "another-programs-database", make_other_programs_database, RUNG_STORE_ERROR_NOT_A_PANEL },
  { "header-only", make_header_only, RUNG_STORE_ERROR_NOT_A_PANEL },
  { "truncated", make_truncated, RUNG_STORE_ERROR_CORRUPT },
  { "truncated-stale-header", make_truncated_stale_header, RUNG_STORE_ERROR_CORRUPT },
  { "damaged-page", make_damaged_page, RUNG_STORE_ERROR_CORRUPT },
  { "newer-version", make_newer, RUNG_STORE_ERROR_TOO_NEW },
};

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const BadFile *bad = data;
  g_autofree char *name = g_strconcat (bad->name, ".rung", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *before = NULL;
  const RungStoreOpenFlags flags[] = { RUNG_STORE_OPEN_DEFAULT, RUNG_STORE_OPEN_READ_ONLY_OK };

  bad->make (fixture, path);
  before = file_sha256 (path);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      RungStore *store;

      store = rung_store_open (path, flags[i], &error);
      g_assert_null (store);
      g_assert_error (error, RUNG_STORE_ERROR, bad->code);
      assert_sentence (error, path);

      after = file_sha256 (path);
      g_assert_cmpstr (before, ==, after);
      assert_no_side_files (path);
    }
}

static void
test_open_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.rung", NULL);
  g_autoptr(GError) error = NULL;
  RungStore *store;

  store = rung_store_open (missing, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NOT_FOUND);
  assert_sentence (error, missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_no_side_files (missing);
}

static void
test_open_folder (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungStore *store;

  store = rung_store_open (fixture->dir, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NOT_A_PANEL);
  assert_sentence (error, fixture->dir);
}

/* Every write of a read-only store is refused, and reading works. */
static void
assert_read_only_store (RungStore *store,
                        gint64     candidate_id,
                        gint64     panelist_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GBytes) ladder = NULL;
  RungCandidateRecord record = { .name = (char *)"New", .target_level = (char *)"L6" };
  RungEvidenceRecord evidence = { .candidate_id = candidate_id, .expectation_id = (char *)"e" };
  RungPanelInfo info = { .name = (char *)"Renamed" };

  g_assert_true (rung_store_is_read_only (store));

  candidates = rung_store_list_candidates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);
  found = rung_store_search_candidates (store, "lovelace", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  audit = rung_store_list_audit (store, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >, 0);
  ladder = rung_store_get_ladder (store, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (rung_store_add_candidate (store, "t", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  assert_sentence (error, rung_store_get_path (store));
  g_clear_error (&error);

  g_assert_false (rung_store_update_panel_info (store, "t", &info, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (rung_store_add_evidence (store, "t", &evidence, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (rung_store_set_rating (store, "t", panelist_id, candidate_id, "impact", 3, "", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (record_decision (store, candidate_id, "promote", 1, NULL, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (rung_store_delete_candidate (store, "t", candidate_id, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (rung_store_add_panelist (store, "t", "Someone", NULL, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
}

static void
test_open_read_only (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RungStore *store;

  g_clear_pointer (&fixture->store, rung_store_close);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  before = file_sha256 (fixture->path);

  store = rung_store_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  assert_sentence (error, fixture->path);
  g_clear_error (&error);
  assert_no_side_files (fixture->path);

  store = rung_store_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  assert_read_only_store (store, fixture->ada, fixture->alan);
  rung_store_close (store);

  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
  assert_no_side_files (fixture->path);
}

/* SQLite is given the path as a URI: no character of a file name may change
 * what it opens, or how. */
static void
test_open_read_only_odd_name (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *odd_dir = g_build_filename (fixture->dir, "a ?b#c%20d&mode=rwc", NULL);
  g_autofree char *odd = g_build_filename (odd_dir, "Pänel ?x=1#frag%41.rung", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RungStore *store;

  g_clear_pointer (&fixture->store, rung_store_close);
  g_assert_cmpint (g_mkdir (odd_dir, 0700), ==, 0);
  copy_file (fixture->path, odd);
  g_assert_cmpint (g_chmod (odd, 0400), ==, 0);
  before = file_sha256 (odd);

  store = rung_store_open (odd, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  assert_read_only_store (store, fixture->ada, fixture->alan);
  rung_store_close (store);

  after = file_sha256 (odd);
  g_assert_cmpstr (before, ==, after);
  assert_no_side_files (odd);
  store_fixture_remove_dir (odd_dir);
}

static void
test_open_read_only_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungStore *store;

  g_clear_pointer (&fixture->store, rung_store_close);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  store = rung_store_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  store = rung_store_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  assert_read_only_store (store, fixture->ada, fixture->alan);
  rung_store_close (store);
  assert_no_side_files (fixture->path);
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
}

/* A copy taken while Rung had the panel open: the latest changes are still
 * in the write-ahead log beside it. */
static void
copy_with_write_ahead_log (Fixture    *fixture,
                           const char *copy,
                           gint64     *added)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);

  *added = add_candidate (fixture->store, "Katherine Johnson");
  copy_file (fixture->path, copy);
  copy_file (wal, copy_wal);
}

static void
test_open_recovers_write_ahead_log (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungCandidateRecord) katherine = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.rung", NULL);
  RungStore *store;
  gint64 added;

  copy_with_write_ahead_log (fixture, copy, &added);

  store = rung_store_open (copy, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  katherine = rung_store_get_candidate (store, added, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (katherine->name, ==, "Katherine Johnson");
  rung_store_close (store);
  assert_no_side_files (copy);
}

/* Read-only, it could only be read without its last changes: refused. */
static void
test_open_read_only_with_write_ahead_log (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.rung", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sides_before = NULL;
  g_autofree char *sides_after = NULL;
  RungStore *store;
  gint64 added;

  copy_with_write_ahead_log (fixture, copy, &added);
  g_assert_cmpint (g_chmod (copy, 0444), ==, 0);
  before = file_sha256 (copy);
  sides_before = side_files (copy);

  store = rung_store_open (copy, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  assert_sentence (error, copy);

  after = file_sha256 (copy);
  sides_after = side_files (copy);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (sides_before, ==, sides_after);
}

static void
test_open_locked (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sides_before = NULL;
  g_autofree char *sides_after = NULL;
  int ready[2];
  int status = 0;
  pid_t child;
  char byte;
  RungStore *store;

  g_clear_pointer (&fixture->store, rung_store_close);
  g_assert_cmpint (pipe (ready), ==, 0);

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      /* Another program that writes to the file and keeps it for itself. */
      sqlite3 *db = NULL;

      close (ready[0]);
      if (sqlite3_open (fixture->path, &db) != SQLITE_OK ||
          sqlite3_exec (db,
                        "PRAGMA locking_mode = EXCLUSIVE;"
                        "INSERT INTO audit (who, action, entity) VALUES ('other', 'lock', 'panel');",
                        NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      if (write (ready[1], "x", 1) != 1)
        _exit (1);
      pause ();
      _exit (0);
    }

  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);

  before = file_sha256 (fixture->path);
  sides_before = side_files (fixture->path);

  store = rung_store_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);

  after = file_sha256 (fixture->path);
  sides_after = side_files (fixture->path);
  kill (child, SIGKILL);
  waitpid (child, &status, 0);
  g_assert_true (WIFSIGNALED (status));

  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_LOCKED);
  assert_sentence (error, fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (sides_before, ==, sides_after);
}

/* Migration */

static char *
make_v1_panel (const char *dir)
{
  g_autofree char *fixture_path = g_build_filename (TEST_DATA_DIR, "panels", "v1.sql", NULL);
  g_autofree char *sql = NULL;
  char *path = g_build_filename (dir, "old.rung", NULL);
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture_path, &sql, NULL, NULL));
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  sqlite3_close (db);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  return path;
}

static void
test_migrate_from_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-migrate-XXXXXX", NULL);
  g_autofree char *path = make_v1_panel (dir);
  g_autofree char *ladder_path = g_build_filename (TEST_DATA_DIR, "ladders", "good", "minimal.xml", NULL);
  g_autofree char *ladder_xml = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *check = NULL;
  gsize ladder_length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) panelists = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(RungPanelInfo) info = NULL;
  g_autoptr(GBytes) ladder = NULL;
  RungCandidateRecord *rosalind;
  RungEvidenceRecord *item;
  RungRatingRecord *rating;
  RungDecisionRecord *decision;
  RungAuditRecord *migration;
  RungStore *store;
  sqlite3 *db;

  store = rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rung_store_get_opened_version (store), ==, 1);

  info = rung_store_get_panel_info (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->name, ==, "Spring 2025");
  g_assert_cmpstr (info->committee, ==, "Design committee");
  g_assert_cmpstr (info->created_at, ==, "2025-03-01T09:00:00.000Z");

  g_assert_true (g_file_get_contents (ladder_path, &ladder_xml, &ladder_length, NULL));
  ladder = rung_store_get_ladder (store, &sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (ladder, NULL), g_bytes_get_size (ladder), ladder_xml, ladder_length);
  g_assert_cmpstr (sha256, ==, "2b2e60d7bc7e4a1a3ab259e8b194b6d2480254f69dbe15519047f9368af096c0");

  candidates = rung_store_list_candidates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_cmpstr (((RungCandidateRecord *)g_ptr_array_index (candidates, 0))->name, ==, "Barbara McClintock");
  rosalind = g_ptr_array_index (candidates, 1);
  g_assert_cmpint (rosalind->id, ==, 1);
  g_assert_cmpstr (rosalind->name, ==, "Rosalind Franklin");
  g_assert_cmpstr (rosalind->current_level, ==, "L0");
  g_assert_cmpstr (rosalind->manager, ==, "Maurice Wilkins");
  g_assert_cmpstr (rosalind->team, ==, "Imaging");
  g_assert_cmpint (rosalind->status, ==, RUNG_CANDIDATE_STATUS_DECIDED);
  g_assert_cmpstr (rosalind->summary, ==, "Photo 51 and the structure of DNA.");

  evidence = rung_store_list_evidence (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);
  item = g_ptr_array_index (evidence, 0);
  g_assert_cmpstr (item->title, ==, "X-ray crystallography");
  g_assert_cmpstr (item->date, ==, "1952-05-06");
  g_assert_cmpint (item->position, ==, 1);

  ratings = rung_store_list_ratings (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 2);
  rating = g_ptr_array_index (ratings, 0);
  g_assert_cmpint (rating->panelist_id, ==, 1);
  g_assert_cmpint (rating->value, ==, 4);
  g_assert_cmpstr (rating->comment, ==, "Exceptional");

  decisions = rung_store_list_decisions (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 1);
  decision = g_ptr_array_index (decisions, 0);
  g_assert_cmpstr (decision->outcome_id, ==, "promote");
  g_assert_cmpstr (decision->rationale, ==, "Evidence strong in every area.");
  g_assert_null (decision->reason);

  panelists = rung_store_list_panelists (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panelists->len, ==, 2);
  conflicts = rung_store_list_conflicts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((RungConflictRecord *)g_ptr_array_index (conflicts, 0))->reason, ==, "Co-author");

  /* The migration is in the audit log. */
  audit = rung_store_list_audit (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  migration = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (migration->action, ==, "migrate");
  g_assert_cmpstr (migration->entity, ==, "panel");
  g_assert_cmpstr (migration->before, ==, "{\"version\":1}");
  g_assert_cmpstr (migration->after, ==, "{\"version\":" G_STRINGIFY (RUNG_STORE_SCHEMA_VERSION) "}");

  /* What version 2 added works on the migrated data: search and undo. */
  g_assert_true (search_finds (store, "crystallography", 1));
  g_assert_true (search_finds (store, "maize", 2));
  g_assert_true (search_finds (store, "wilkins", 1));
  g_assert_false (search_finds (store, "maize", 1));
  g_assert_true (rung_store_delete_candidate (store, "t", 2, &error));
  g_assert_no_error (error);
  g_assert_false (search_finds (store, "maize", 2));
  g_assert_true (rung_store_restore_candidate (store, "t", 2, &error));
  g_assert_no_error (error);
  rung_store_close (store);

  db = open_raw (path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, RUNG_STORE_SCHEMA_VERSION);
  /* Version 3's index of who owns each evidence item, which the search uses. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"
                                  " WHERE type = 'index' AND name = 'evidence_owner'"), ==, 1);
  /* Version 4's meetings, empty, with the rules that keep their minutes. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                  " AND name IN ('meetings', 'agenda', 'attendees')"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                  " AND name LIKE '%ended%'"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO candidates_fts (candidates_fts) VALUES ('integrity-check');"
                                     "INSERT INTO evidence_fts (evidence_fts) VALUES ('integrity-check');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  check = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  sqlite3_close (db);

  /* Opened again, it is a current file, migrated once. */
  store = rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rung_store_get_opened_version (store), ==, RUNG_STORE_SCHEMA_VERSION);
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = rung_store_list_audit (store, 100, &error);
  g_assert_cmpuint (audit->len, ==, 4);
  rung_store_close (store);

  store_fixture_remove_dir (dir);
}

/* A migration that fails leaves the file as it was: one transaction. */
static void
test_migrate_all_or_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-migrate-XXXXXX", NULL);
  g_autofree char *path = make_v1_panel (dir);
  g_autoptr(GError) error = NULL;
  RungStore *store;
  sqlite3 *db;

  /* Something in the way of the second half of the migration. */
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE evidence_fts (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO);
  assert_sentence (error, path);

  db = open_raw (path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM pragma_table_info ('candidates')"
                                  " WHERE name = 'deleted_at'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM sqlite_schema WHERE name = 'candidates_fts'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM audit"), ==, 1);
  sqlite3_close (db);

  store_fixture_remove_dir (dir);
}

static void
test_migrate_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-migrate-XXXXXX", NULL);
  g_autofree char *path = make_v1_panel (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RungStore *store;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = file_sha256 (path);

  store = rung_store_open (path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_null (store);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  assert_sentence (error, path);
  g_assert_nonnull (strstr (error->message, "older version"));

  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_side_files (path);

  store_fixture_remove_dir (dir);
}

/* The panel */

static void
test_panel_update_info (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanelInfo) info = NULL;
  RungPanelInfo changed = { .name = (char *)"Autumn review", .committee = (char *)"Engineering",
                            .cycle_name = (char *)"2026 H2", .cycle_start = (char *)"2026-07-01",
                            .cycle_end = (char *)"2026-12-31" };
  RungPanelInfo nameless = { .name = (char *)"  " };
  guint count;

  g_assert_true (rung_store_update_panel_info (fixture->store, "Grace", &changed, &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "Grace", "update", "panel", 0, TRUE, TRUE);

  info = rung_store_get_panel_info (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->name, ==, "Autumn review");
  g_assert_cmpstr (info->committee, ==, "Engineering");
  g_assert_cmpstr (info->cycle_name, ==, "2026 H2");
  g_assert_cmpstr (info->cycle_start, ==, "2026-07-01");
  g_assert_cmpstr (info->cycle_end, ==, "2026-12-31");

  count = audit_count (fixture->store);
  g_assert_false (rung_store_update_panel_info (fixture->store, "Grace", &nameless, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpuint (audit_count (fixture->store), ==, count);
}

/* Candidates */

static void
test_candidate_add_get_update_list (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungCandidateRecord) ada = NULL;
  g_autoptr(RungCandidateRecord) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 barbara, zed;

  ada = rung_store_get_candidate (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ada->id, ==, fixture->ada);
  g_assert_cmpstr (ada->name, ==, "Ada Lovelace");
  g_assert_cmpstr (ada->current_level, ==, "L5");
  g_assert_cmpstr (ada->target_level, ==, "L6");
  g_assert_cmpstr (ada->manager, ==, "Charles Babbage");
  g_assert_cmpstr (ada->team, ==, "Engines");
  g_assert_cmpint (ada->status, ==, RUNG_CANDIDATE_STATUS_DRAFT);
  g_assert_cmpstr (ada->summary, ==, "");
  g_assert_true (is_iso_time (ada->created_at));
  g_assert_true (is_iso_time (ada->updated_at));
  assert_last_audit (fixture->store, 2, "tester", "add", "candidate", fixture->ada, FALSE, TRUE);

  g_free (ada->summary);
  ada->summary = g_strdup ("The first programmer.");
  g_free (ada->current_level);
  ada->current_level = NULL;
  ada->status = RUNG_CANDIDATE_STATUS_IN_REVIEW;
  g_usleep (2000);
  g_assert_true (rung_store_update_candidate (fixture->store, "Charles", ada, &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "Charles", "update", "candidate", fixture->ada, TRUE, TRUE);

  again = rung_store_get_candidate (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->summary, ==, "The first programmer.");
  g_assert_null (again->current_level);
  g_assert_cmpint (again->status, ==, RUNG_CANDIDATE_STATUS_IN_REVIEW);
  g_assert_cmpstr (again->created_at, ==, ada->created_at);
  g_assert_cmpstr (again->updated_at, >, ada->updated_at);

  /* Listed by name. */
  zed = add_candidate (fixture->store, "Zed Shaw");
  barbara = add_candidate (fixture->store, "barbara Liskov");
  list = rung_store_list_candidates (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((RungCandidateRecord *)g_ptr_array_index (list, 0))->id, ==, fixture->ada);
  g_assert_cmpint (((RungCandidateRecord *)g_ptr_array_index (list, 1))->id, ==, barbara);
  g_assert_cmpint (((RungCandidateRecord *)g_ptr_array_index (list, 2))->id, ==, zed);
}

static void
test_candidate_needs_name (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungCandidateRecord) ada = NULL;
  RungCandidateRecord blank = { .name = (char *)" \t", .target_level = (char *)"L6" };
  RungCandidateRecord levelless = { .name = (char *)"Someone" };
  guint count = audit_count (fixture->store);

  g_assert_cmpint (rung_store_add_candidate (fixture->store, "t", &blank, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "A candidate needs a name.");
  g_clear_error (&error);

  g_assert_cmpint (rung_store_add_candidate (fixture->store, "t", &levelless, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  ada = rung_store_get_candidate (fixture->store, fixture->ada, &error);
  g_free (ada->name);
  ada->name = g_strdup ("");
  g_assert_false (rung_store_update_candidate (fixture->store, "t", ada, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);

  g_assert_cmpuint (audit_count (fixture->store), ==, count);
}

static void
test_candidate_status_strings (void)
{
  static const struct { RungCandidateStatus status; const char *text; } statuses[] = {
    { RUNG_CANDIDATE_STATUS_DRAFT, "draft" },
    { RUNG_CANDIDATE_STATUS_READY, "ready" },
    { RUNG_CANDIDATE_STATUS_IN_REVIEW, "in-review" },
    { RUNG_CANDIDATE_STATUS_DECIDED, "decided" },
  };
  RungCandidateStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_assert_cmpstr (rung_candidate_status_to_string (statuses[i].status), ==, statuses[i].text);
      g_assert_true (rung_candidate_status_from_string (statuses[i].text, &status));
      g_assert_cmpint (status, ==, statuses[i].status);
    }

  g_assert_false (rung_candidate_status_from_string ("promoted", &status));
  g_assert_false (rung_candidate_status_from_string (NULL, &status));
}

static void
test_candidate_delete_and_restore (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(RungCandidateRecord) ada = NULL;
  g_autoptr(RungCandidateRecord) back = NULL;
  RungEvidenceRecord item = { .candidate_id = fixture->ada, .expectation_id = (char *)"e" };
  RungEvidenceRecord *stored;
  gint64 evidence_id;
  guint count;

  evidence_id = add_evidence (fixture->store, fixture->ada, "e", "Notes", "Notes on the engine");
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->grace, fixture->ada, "impact", 4, "", &error));
  g_assert_true (rung_store_set_concern (fixture->store, "t", fixture->grace, fixture->ada, "arrogance", "", &error));
  g_assert_cmpint (record_decision (fixture->store, fixture->ada, "promote", 2, NULL, &error), >, 0);
  g_assert_no_error (error);
  ada = rung_store_get_candidate (fixture->store, fixture->ada, &error);

  g_assert_true (rung_store_delete_candidate (fixture->store, "Grace", fixture->ada, &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "Grace", "delete", "candidate", fixture->ada, TRUE, TRUE);

  /* Gone from every view. */
  list = rung_store_list_candidates (fixture->store, &error);
  g_assert_cmpuint (list->len, ==, 0);
  all = rung_store_search_candidates (fixture->store, "", &error);
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_null (rung_store_get_candidate (fixture->store, fixture->ada, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_null (rung_store_get_evidence (fixture->store, evidence_id, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  /* And no write concerning them is taken. */
  count = audit_count (fixture->store);
  g_assert_false (rung_store_update_candidate (fixture->store, "t", ada, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_false (rung_store_delete_candidate (fixture->store, "t", fixture->ada, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_cmpint (rung_store_add_evidence (fixture->store, "t", &item, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_false (rung_store_delete_evidence (fixture->store, "t", evidence_id, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_false (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "impact", 1, "", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_false (rung_store_set_concern (fixture->store, "t", fixture->alan, fixture->ada, "excuses", "", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_false (rung_store_set_conflict (fixture->store, "t", fixture->alan, fixture->ada, NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_cmpint (record_decision (fixture->store, fixture->ada, "defer", 1, "Why", &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_cmpuint (audit_count (fixture->store), ==, count);

  /* Undo brings back everything. */
  g_assert_true (rung_store_restore_candidate (fixture->store, "Grace", fixture->ada, &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "Grace", "restore", "candidate", fixture->ada, TRUE, TRUE);

  back = rung_store_get_candidate (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Ada Lovelace");
  g_assert_cmpint (back->status, ==, RUNG_CANDIDATE_STATUS_DECIDED);
  evidence = rung_store_list_evidence (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  ratings = rung_store_list_ratings (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (ratings->len, ==, 1);
  concerns = rung_store_list_concerns (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (concerns->len, ==, 1);
  decisions = rung_store_list_decisions (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (decisions->len, ==, 1);
  stored = rung_store_get_evidence (fixture->store, evidence_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->text, ==, "Notes on the engine");
  rung_evidence_record_free (stored);

  /* A live candidate cannot be restored. */
  g_assert_false (rung_store_restore_candidate (fixture->store, "Grace", fixture->ada, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
}

/* Evidence */

static void
test_evidence_positions_and_order (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 other = add_candidate (fixture->store, "Other");
  gint64 b1, a1, b2, a2, o1;
  static const struct { const char *expectation; int position; } expected[] = {
    { "a-impact", 1 }, { "a-impact", 2 }, { "b-craft", 1 }, { "b-craft", 2 },
  };

  b1 = add_evidence (fixture->store, fixture->ada, "b-craft", "b1", "");
  a1 = add_evidence (fixture->store, fixture->ada, "a-impact", "a1", "");
  o1 = add_evidence (fixture->store, other, "a-impact", "o1", "");
  b2 = add_evidence (fixture->store, fixture->ada, "b-craft", "b2", "");
  a2 = add_evidence (fixture->store, fixture->ada, "a-impact", "a2", "");
  assert_last_audit (fixture->store, 0, "tester", "add", "evidence", a2, FALSE, TRUE);

  items = rung_store_list_evidence (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);
  for (guint i = 0; i < items->len; i++)
    {
      RungEvidenceRecord *item = g_ptr_array_index (items, i);

      g_assert_cmpint (item->candidate_id, ==, fixture->ada);
      g_assert_cmpstr (item->expectation_id, ==, expected[i].expectation);
      g_assert_cmpint (item->position, ==, expected[i].position);
      g_assert_true (is_iso_time (item->created_at));
    }
  g_assert_cmpint (((RungEvidenceRecord *)g_ptr_array_index (items, 0))->id, ==, a1);
  g_assert_cmpint (((RungEvidenceRecord *)g_ptr_array_index (items, 1))->id, ==, a2);
  g_assert_cmpint (((RungEvidenceRecord *)g_ptr_array_index (items, 2))->id, ==, b1);
  g_assert_cmpint (((RungEvidenceRecord *)g_ptr_array_index (items, 3))->id, ==, b2);

  g_clear_pointer (&items, g_ptr_array_unref);
  items = rung_store_list_evidence (fixture->store, other, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((RungEvidenceRecord *)g_ptr_array_index (items, 0))->id, ==, o1);
  g_assert_cmpint (((RungEvidenceRecord *)g_ptr_array_index (items, 0))->position, ==, 1);
}

static void
test_evidence_update_and_delete (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungEvidenceRecord record = { .candidate_id = fixture->ada, .expectation_id = (char *)"e",
                                .title = (char *)"Title", .text = (char *)"Text",
                                .link = (char *)"https://example.com/a", .date = (char *)"1843-09-01",
                                .author = (char *)"Charles" };
  RungEvidenceRecord *stored;
  gint64 id;

  id = rung_store_add_evidence (fixture->store, "Charles", &record, &error);
  g_assert_no_error (error);

  stored = rung_store_get_evidence (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "Title");
  g_assert_cmpstr (stored->link, ==, "https://example.com/a");
  g_assert_cmpstr (stored->date, ==, "1843-09-01");
  g_assert_cmpstr (stored->author, ==, "Charles");

  g_free (stored->title);
  stored->title = g_strdup ("Note G");
  g_free (stored->author);
  stored->author = g_strdup ("Ada");
  g_clear_pointer (&stored->link, g_free);
  g_assert_true (rung_store_update_evidence (fixture->store, "Ada", stored, &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "Ada", "update", "evidence", id, TRUE, TRUE);
  rung_evidence_record_free (stored);

  stored = rung_store_get_evidence (fixture->store, id, &error);
  g_assert_cmpstr (stored->title, ==, "Note G");
  g_assert_cmpstr (stored->text, ==, "Text");
  g_assert_null (stored->link);
  g_assert_cmpstr (stored->date, ==, "1843-09-01");
  g_assert_cmpstr (stored->author, ==, "Ada");
  g_assert_cmpint (stored->position, ==, 1);

  g_assert_true (rung_store_delete_evidence (fixture->store, "Ada", id, &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "Ada", "delete", "evidence", id, TRUE, FALSE);

  g_assert_null (rung_store_get_evidence (fixture->store, id, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_false (rung_store_update_evidence (fixture->store, "Ada", stored, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_false (rung_store_delete_evidence (fixture->store, "Ada", id, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  rung_evidence_record_free (stored);
}

/* Panelists and conflicts */

static void
test_panelists (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) panelists = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  RungPanelistRecord renamed = { .id = fixture->alan, .name = (char *)"Alan M. Turing", .role = (char *)"Member" };
  RungPanelistRecord clash = { .id = fixture->alan, .name = (char *)"Grace Hopper" };
  RungPanelistRecord *first;
  guint count;

  panelists = rung_store_list_panelists (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panelists->len, ==, 2);
  first = g_ptr_array_index (panelists, 0);
  g_assert_cmpint (first->id, ==, fixture->grace);
  g_assert_cmpstr (first->name, ==, "Grace Hopper");
  g_assert_cmpstr (first->role, ==, "Chair");
  g_assert_null (((RungPanelistRecord *)g_ptr_array_index (panelists, 1))->role);
  assert_last_audit (fixture->store, 0, "tester", "add", "panelist", fixture->alan, FALSE, TRUE);

  g_assert_true (rung_store_update_panelist (fixture->store, "t", &renamed, &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "t", "update", "panelist", fixture->alan, TRUE, TRUE);
  g_clear_pointer (&panelists, g_ptr_array_unref);
  panelists = rung_store_list_panelists (fixture->store, &error);
  g_assert_cmpstr (((RungPanelistRecord *)g_ptr_array_index (panelists, 1))->name, ==, "Alan M. Turing");
  g_assert_cmpstr (((RungPanelistRecord *)g_ptr_array_index (panelists, 1))->role, ==, "Member");

  /* Names are unique and never blank. */
  count = audit_count (fixture->store);
  g_assert_cmpint (rung_store_add_panelist (fixture->store, "t", "Grace Hopper", NULL, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "The panel already has a panelist named “Grace Hopper”.");
  g_clear_error (&error);
  g_assert_false (rung_store_update_panelist (fixture->store, "t", &clash, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_cmpint (rung_store_add_panelist (fixture->store, "t", " ", NULL, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_cmpuint (audit_count (fixture->store), ==, count);

  /* Deleting a panelist takes their ratings and conflicts along. */
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "impact", 3, "", &error));
  g_assert_true (rung_store_set_conflict (fixture->store, "t", fixture->grace, fixture->ada, NULL, &error));
  g_assert_true (rung_store_delete_panelist (fixture->store, "t", fixture->alan, &error));
  g_assert_true (rung_store_delete_panelist (fixture->store, "t", fixture->grace, &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "t", "delete", "panelist", fixture->grace, TRUE, FALSE);

  g_clear_pointer (&panelists, g_ptr_array_unref);
  panelists = rung_store_list_panelists (fixture->store, &error);
  g_assert_cmpuint (panelists->len, ==, 0);
  ratings = rung_store_list_ratings (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (ratings->len, ==, 0);
  conflicts = rung_store_list_conflicts (fixture->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  g_assert_false (rung_store_delete_panelist (fixture->store, "t", fixture->alan, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
}

static void
test_conflict_refuses_rating (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  guint count;

  g_assert_true (rung_store_set_conflict (fixture->store, "t", fixture->alan, fixture->ada, "Friend", &error));
  g_assert_no_error (error);

  count = audit_count (fixture->store);
  g_assert_false (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "impact", 3, "", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==,
                   "Alan Turing has a conflict of interest with Ada Lovelace and cannot rate them.");
  g_assert_cmpuint (audit_count (fixture->store), ==, count);

  ratings = rung_store_list_ratings (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (ratings->len, ==, 0);
}

static void
test_conflict_refuses_concern (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) concerns = NULL;

  g_assert_true (rung_store_set_conflict (fixture->store, "t", fixture->alan, fixture->ada, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (rung_store_set_concern (fixture->store, "t", fixture->alan, fixture->ada, "arrogance", "", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_nonnull (strstr (error->message, "Alan Turing has a conflict of interest with Ada Lovelace"));
  g_clear_error (&error);

  /* The other panelist is free to. */
  g_assert_true (rung_store_set_concern (fixture->store, "t", fixture->grace, fixture->ada, "arrogance", "", &error));
  g_assert_no_error (error);
  concerns = rung_store_list_concerns (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (concerns->len, ==, 1);
  g_assert_cmpint (((RungConcernRecord *)g_ptr_array_index (concerns, 0))->panelist_id, ==, fixture->grace);
}

static void
test_conflict_withdraws_ratings (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  gint64 other = add_candidate (fixture->store, "Other");
  guint count;

  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "impact", 3, "ok", &error));
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "growth", 2, "", &error));
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->grace, fixture->ada, "impact", 4, "", &error));
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->alan, other, "impact", 1, "", &error));
  g_assert_true (rung_store_set_concern (fixture->store, "t", fixture->alan, fixture->ada, "arrogance", "n", &error));
  g_assert_no_error (error);

  count = audit_count (fixture->store);
  g_assert_true (rung_store_set_conflict (fixture->store, "Grace", fixture->alan, fixture->ada, "Friend", &error));
  g_assert_no_error (error);

  /* Alan's two ratings and one concern for Ada are gone, the rest stay. */
  ratings = rung_store_list_ratings (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (ratings->len, ==, 1);
  g_assert_cmpint (((RungRatingRecord *)g_ptr_array_index (ratings, 0))->panelist_id, ==, fixture->grace);
  concerns = rung_store_list_concerns (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (concerns->len, ==, 0);
  g_clear_pointer (&ratings, g_ptr_array_unref);
  ratings = rung_store_list_ratings (fixture->store, other, &error);
  g_assert_cmpuint (ratings->len, ==, 1);

  /* Each withdrawal is in the audit log, with the conflict itself. */
  g_assert_cmpuint (audit_count (fixture->store), ==, count + 4);
  assert_last_audit (fixture->store, 0, "Grace", "set", "conflict", fixture->ada, FALSE, TRUE);
  assert_last_audit (fixture->store, 1, "Grace", "withdraw", "concern", fixture->ada, TRUE, FALSE);
  assert_last_audit (fixture->store, 2, "Grace", "withdraw", "rating", fixture->ada, TRUE, FALSE);
  assert_last_audit (fixture->store, 3, "Grace", "withdraw", "rating", fixture->ada, TRUE, FALSE);
}

static void
test_conflict_list_and_clear (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  RungConflictRecord *conflict;

  g_assert_true (rung_store_set_conflict (fixture->store, "t", fixture->alan, fixture->ada, "Friend", &error));
  /* Setting it again changes the reason. */
  g_assert_true (rung_store_set_conflict (fixture->store, "t", fixture->alan, fixture->ada, "Former manager", &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "t", "set", "conflict", fixture->ada, TRUE, TRUE);

  conflicts = rung_store_list_conflicts (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->panelist_id, ==, fixture->alan);
  g_assert_cmpint (conflict->candidate_id, ==, fixture->ada);
  g_assert_cmpstr (conflict->reason, ==, "Former manager");

  g_assert_true (rung_store_clear_conflict (fixture->store, "t", fixture->alan, fixture->ada, &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "t", "clear", "conflict", fixture->ada, TRUE, FALSE);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = rung_store_list_conflicts (fixture->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  /* Cleared, the panelist may rate again. */
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "impact", 2, "", &error));
  g_assert_no_error (error);
}

/* The rule holds even for SQL written by hand on the file. */
static void
test_conflict_enforced_in_sql (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *update = NULL;
  g_autofree char *concern = NULL;
  g_autofree char *conflict = NULL;
  sqlite3 *db;

  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->grace, fixture->ada, "impact", 3, "", &error));
  g_assert_no_error (error);

  db = open_raw (fixture->path);
  conflict = g_strdup_printf ("INSERT INTO conflicts (panelist_id, candidate_id) VALUES (%" G_GINT64_FORMAT
                              ", %" G_GINT64_FORMAT ")", fixture->alan, fixture->ada);
  g_assert_cmpint (sqlite3_exec (db, conflict, NULL, NULL, NULL), ==, SQLITE_OK);

  insert = g_strdup_printf ("INSERT INTO ratings (panelist_id, candidate_id, area_id, value) "
                            "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'growth', 2)",
                            fixture->alan, fixture->ada);
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpstr (sqlite3_errmsg (db), ==, "conflict");

  /* Nor can a rating be moved onto the conflicted panelist. */
  update = g_strdup_printf ("UPDATE ratings SET panelist_id = %" G_GINT64_FORMAT, fixture->alan);
  g_assert_cmpint (sqlite3_exec (db, update, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

  concern = g_strdup_printf ("INSERT INTO concerns (panelist_id, candidate_id, anti_pattern_id) "
                             "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'excuses')",
                             fixture->alan, fixture->ada);
  g_assert_cmpint (sqlite3_exec (db, concern, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Ratings and concerns */

static void
test_ratings (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  static const struct { int panelist; const char *area; int value; const char *comment; } expected[] = {
    { 0, "growth", 2, "" }, { 0, "impact", 4, "Changed my mind" }, { 1, "impact", 3, "" },
  };
  gint64 panelists[2] = { fixture->grace, fixture->alan };

  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->alan, fixture->ada, "impact", 3, NULL, &error));
  assert_last_audit (fixture->store, 0, "t", "set", "rating", fixture->ada, FALSE, TRUE);
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->grace, fixture->ada, "impact", 2, "First", &error));
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->grace, fixture->ada, "growth", 2, "", &error));
  g_assert_true (rung_store_set_rating (fixture->store, "t", fixture->grace, fixture->ada, "impact", 4,
                                        "Changed my mind", &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "t", "set", "rating", fixture->ada, TRUE, TRUE);

  ratings = rung_store_list_ratings (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ratings->len; i++)
    {
      RungRatingRecord *rating = g_ptr_array_index (ratings, i);

      g_assert_cmpint (rating->panelist_id, ==, panelists[expected[i].panelist]);
      g_assert_cmpint (rating->candidate_id, ==, fixture->ada);
      g_assert_cmpstr (rating->area_id, ==, expected[i].area);
      g_assert_cmpint (rating->value, ==, expected[i].value);
      g_assert_cmpstr (rating->comment, ==, expected[i].comment);
      g_assert_true (is_iso_time (rating->updated_at));
    }

  g_assert_true (rung_store_clear_rating (fixture->store, "t", fixture->grace, fixture->ada, "impact", &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "t", "clear", "rating", fixture->ada, TRUE, FALSE);
  g_clear_pointer (&ratings, g_ptr_array_unref);
  ratings = rung_store_list_ratings (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (ratings->len, ==, 2);
}

static void
test_concerns (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  RungConcernRecord *concern;

  g_assert_true (rung_store_set_concern (fixture->store, "t", fixture->alan, fixture->ada, "excuses", NULL, &error));
  assert_last_audit (fixture->store, 0, "t", "set", "concern", fixture->ada, FALSE, TRUE);
  g_assert_true (rung_store_set_concern (fixture->store, "t", fixture->grace, fixture->ada, "eminence", "a", &error));
  g_assert_true (rung_store_set_concern (fixture->store, "t", fixture->grace, fixture->ada, "arrogance", "b", &error));
  g_assert_true (rung_store_set_concern (fixture->store, "t", fixture->grace, fixture->ada, "eminence", "c", &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "t", "set", "concern", fixture->ada, TRUE, TRUE);

  concerns = rung_store_list_concerns (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (concerns->len, ==, 3);
  concern = g_ptr_array_index (concerns, 0);
  g_assert_cmpint (concern->panelist_id, ==, fixture->grace);
  g_assert_cmpstr (concern->anti_pattern_id, ==, "arrogance");
  concern = g_ptr_array_index (concerns, 1);
  g_assert_cmpstr (concern->anti_pattern_id, ==, "eminence");
  g_assert_cmpstr (concern->note, ==, "c");
  concern = g_ptr_array_index (concerns, 2);
  g_assert_cmpint (concern->panelist_id, ==, fixture->alan);
  g_assert_cmpstr (concern->note, ==, "");
  g_assert_true (is_iso_time (concern->updated_at));

  g_assert_true (rung_store_clear_concern (fixture->store, "t", fixture->alan, fixture->ada, "excuses", &error));
  g_assert_no_error (error);
  assert_last_audit (fixture->store, 0, "t", "clear", "concern", fixture->ada, TRUE, FALSE);
  g_clear_pointer (&concerns, g_ptr_array_unref);
  concerns = rung_store_list_concerns (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (concerns->len, ==, 2);
}

/* Decisions */

static void
test_decision_revision_needs_reason (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  gint64 first, second;
  guint count;

  first = record_decision (fixture->store, fixture->ada, "promote", 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);

  count = audit_count (fixture->store);
  g_assert_cmpint (record_decision (fixture->store, fixture->ada, "defer", 2, NULL, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "A changed decision needs a reason.");
  g_clear_error (&error);

  g_assert_cmpint (record_decision (fixture->store, fixture->ada, "defer", 2, " \n ", &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_cmpuint (audit_count (fixture->store), ==, count);

  second = record_decision (fixture->store, fixture->ada, "defer", 1, "New evidence arrived", &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);

  decisions = rung_store_list_decisions (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_cmpint (((RungDecisionRecord *)g_ptr_array_index (decisions, 1))->revision, ==, 2);
  g_assert_cmpstr (((RungDecisionRecord *)g_ptr_array_index (decisions, 1))->reason, ==, "New evidence arrived");
}

static void
test_decision_needs_rationale (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  RungDecisionRecord record = { .candidate_id = fixture->ada, .outcome_id = (char *)"promote",
                                .votes_for = 1, .rationale = (char *)"  " };

  g_assert_cmpint (rung_store_record_decision (fixture->store, "t", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "A decision needs a rationale.");
  g_clear_error (&error);

  record.rationale = NULL;
  g_assert_cmpint (rung_store_record_decision (fixture->store, "t", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);

  decisions = rung_store_list_decisions (fixture->store, fixture->ada, NULL);
  g_assert_cmpuint (decisions->len, ==, 0);
}

static void
test_decision_too_many_votes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungDecisionRecord record = { .candidate_id = fixture->ada, .outcome_id = (char *)"promote",
                                .votes_for = 1, .votes_against = 1, .votes_abstain = 1,
                                .rationale = (char *)"Split" };

  /* Two panelists, three votes. */
  g_assert_cmpint (rung_store_record_decision (fixture->store, "t", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "Only 2 panelists without a conflict can vote on Ada Lovelace.");
  g_clear_error (&error);

  /* A conflict takes a vote away. */
  g_assert_true (rung_store_set_conflict (fixture->store, "t", fixture->alan, fixture->ada, NULL, &error));
  record.votes_abstain = 0;
  g_assert_cmpint (rung_store_record_decision (fixture->store, "t", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "Only 1 panelist without a conflict can vote on Ada Lovelace.");
  g_clear_error (&error);

  record.votes_against = 0;
  g_assert_cmpint (rung_store_record_decision (fixture->store, "t", &record, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_decision_negative_votes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungDecisionRecord record = { .candidate_id = fixture->ada, .outcome_id = (char *)"promote",
                                .votes_for = 3, .votes_against = -2, .rationale = (char *)"Sums" };

  g_assert_cmpint (rung_store_record_decision (fixture->store, "t", &record, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
}

static void
test_decision_append_only (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autofree char *outcome = NULL;
  sqlite3 *db;
  gint64 id;

  id = record_decision (fixture->store, fixture->ada, "promote", 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Not even SQL on the file can change or remove a decision. */
  db = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE decisions SET outcome_id = 'defer'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpstr (sqlite3_errmsg (db), ==, "append-only");
  g_assert_cmpint (sqlite3_exec (db, "UPDATE decisions SET votes_for = 0, rationale = 'x'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM decisions", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT OR REPLACE INTO decisions (candidate_id, revision, outcome_id,"
                                     " votes_for, votes_against, votes_abstain, rationale, recorded_by)"
                                     " SELECT candidate_id, revision, 'defer', 0, 0, 0, 'x', 'y' FROM decisions",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  outcome = query_text (db, "SELECT group_concat (outcome_id) FROM decisions");
  g_assert_cmpstr (outcome, ==, "promote");
  sqlite3_close (db);

  decisions = rung_store_list_decisions (fixture->store, fixture->ada, &error);
  g_assert_cmpuint (decisions->len, ==, 1);
}

static void
test_decision_history (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(RungCandidateRecord) ada = NULL;
  static const char * const outcomes[] = { "promote", "defer", "promote" };
  gint64 ids[3];
  gint64 other = add_candidate (fixture->store, "Other");

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      ids[i] = record_decision (fixture->store, fixture->ada, outcomes[i], 1, i ? "Recount" : NULL, &error);
      g_assert_no_error (error);
      if (i == 0)
        {
          /* The audit log has the decision, then the candidate's new status. */
          assert_last_audit (fixture->store, 1, "Grace", "record", "decision", ids[0], FALSE, TRUE);
          assert_last_audit (fixture->store, 0, "Grace", "update", "candidate", fixture->ada, TRUE, TRUE);
        }
      else
        assert_last_audit (fixture->store, 0, "Grace", "record", "decision", ids[i], FALSE, TRUE);
    }
  /* Revisions count per candidate. */
  g_assert_cmpint (record_decision (fixture->store, other, "promote", 0, NULL, &error), >, 0);
  g_assert_no_error (error);

  decisions = rung_store_list_decisions (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 3);
  for (guint i = 0; i < decisions->len; i++)
    {
      RungDecisionRecord *decision = g_ptr_array_index (decisions, i);

      g_assert_cmpint (decision->id, ==, ids[i]);
      g_assert_cmpint (decision->candidate_id, ==, fixture->ada);
      g_assert_cmpint (decision->revision, ==, (int)i + 1);
      g_assert_cmpstr (decision->outcome_id, ==, outcomes[i]);
      g_assert_cmpint (decision->votes_for, ==, 1);
      g_assert_cmpstr (decision->rationale, ==, "Strong evidence");
      g_assert_cmpstr (decision->recorded_by, ==, "Grace");
      g_assert_true (is_iso_time (decision->recorded_at));
      if (i == 0)
        g_assert_null (decision->reason);
      else
        g_assert_cmpstr (decision->reason, ==, "Recount");
    }

  ada = rung_store_get_candidate (fixture->store, fixture->ada, &error);
  g_assert_cmpint (ada->status, ==, RUNG_CANDIDATE_STATUS_DECIDED);
}

/* Ids that name nothing */

static void
test_no_such_row (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const gint64 nobody = 9999;
  RungEvidenceRecord evidence = { .id = nobody, .candidate_id = nobody, .expectation_id = (char *)"x" };
  RungCandidateRecord candidate = { .id = nobody, .name = (char *)"Ghost", .target_level = (char *)"L6" };
  RungPanelistRecord panelist = { .id = nobody, .name = (char *)"Ghost" };
  guint count = audit_count (fixture->store);

#define ASSERT_NO_SUCH_ROW(call) \
  G_STMT_START { \
    g_assert_false ((call) != 0); \
    g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW); \
    g_assert_true (g_str_has_suffix (error->message, ".")); \
    g_clear_error (&error); \
  } G_STMT_END

  ASSERT_NO_SUCH_ROW (rung_store_get_candidate (fixture->store, nobody, &error) != NULL);
  ASSERT_NO_SUCH_ROW (rung_store_update_candidate (fixture->store, "t", &candidate, &error));
  ASSERT_NO_SUCH_ROW (rung_store_delete_candidate (fixture->store, "t", nobody, &error));
  ASSERT_NO_SUCH_ROW (rung_store_restore_candidate (fixture->store, "t", nobody, &error));
  ASSERT_NO_SUCH_ROW (rung_store_add_evidence (fixture->store, "t", &evidence, &error));
  ASSERT_NO_SUCH_ROW (rung_store_update_evidence (fixture->store, "t", &evidence, &error));
  ASSERT_NO_SUCH_ROW (rung_store_delete_evidence (fixture->store, "t", nobody, &error));
  ASSERT_NO_SUCH_ROW (rung_store_get_evidence (fixture->store, nobody, &error) != NULL);
  ASSERT_NO_SUCH_ROW (rung_store_update_panelist (fixture->store, "t", &panelist, &error));
  ASSERT_NO_SUCH_ROW (rung_store_delete_panelist (fixture->store, "t", nobody, &error));
  ASSERT_NO_SUCH_ROW (rung_store_set_conflict (fixture->store, "t", nobody, fixture->ada, NULL, &error));
  ASSERT_NO_SUCH_ROW (rung_store_set_conflict (fixture->store, "t", fixture->alan, nobody, NULL, &error));
  ASSERT_NO_SUCH_ROW (rung_store_clear_conflict (fixture->store, "t", nobody, fixture->ada, &error));
  ASSERT_NO_SUCH_ROW (rung_store_clear_conflict (fixture->store, "t", fixture->alan, nobody, &error));
  ASSERT_NO_SUCH_ROW (rung_store_set_rating (fixture->store, "t", nobody, fixture->ada, "impact", 1, "", &error));
  ASSERT_NO_SUCH_ROW (rung_store_set_rating (fixture->store, "t", fixture->alan, nobody, "impact", 1, "", &error));
  ASSERT_NO_SUCH_ROW (rung_store_clear_rating (fixture->store, "t", nobody, fixture->ada, "impact", &error));
  ASSERT_NO_SUCH_ROW (rung_store_set_concern (fixture->store, "t", nobody, fixture->ada, "excuses", "", &error));
  ASSERT_NO_SUCH_ROW (rung_store_set_concern (fixture->store, "t", fixture->alan, nobody, "excuses", "", &error));
  ASSERT_NO_SUCH_ROW (rung_store_clear_concern (fixture->store, "t", fixture->alan, nobody, "excuses", &error));
  ASSERT_NO_SUCH_ROW (record_decision (fixture->store, nobody, "promote", 0, NULL, &error));
#undef ASSERT_NO_SUCH_ROW

  g_assert_cmpuint (audit_count (fixture->store), ==, count);
}

/* Full-text search */

/* A common word finds thousands of items; their owners are then found by a
 * walk down the index of owners, not a look-up each: the same candidates. */
static void
test_search_many_matching_items (Fixture       *fixture,
                                 gconstpointer  data)
{
  enum { MATCHING = 35, OTHERS = 5, ITEMS = 60 };
  gint64 matching[MATCHING], others[OTHERS];
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  gint64 removed = 0;

  for (guint c = 0; c < MATCHING; c++)
    matching[c] = add_candidate (fixture->store, "Matching");
  for (guint c = 0; c < OTHERS; c++)
    others[c] = add_candidate (fixture->store, "Other");

  /* Round the candidates, so that each one's items are far apart. */
  for (guint i = 0; i < ITEMS; i++)
    for (guint c = 0; c < MATCHING; c++)
      removed = add_evidence (fixture->store, matching[c], "e", "Ledger", "Reconciled the ledger.");
  for (guint c = 0; c < OTHERS; c++)
    add_evidence (fixture->store, others[c], "e", "Toil", "Automated the release.");
  g_assert_true (rung_store_delete_evidence (fixture->store, "t", removed, &error));

  for (guint q = 0; q < 2; q++)
    {
      g_clear_pointer (&found, g_array_unref);
      found = rung_store_search_candidates (fixture->store, q == 0 ? "ledger" : "LEDG", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, MATCHING);
      for (guint c = 0; c < MATCHING; c++)
        g_assert_true (search_finds (fixture->store, "ledger", matching[c]));
      for (guint c = 0; c < OTHERS; c++)
        g_assert_false (search_finds (fixture->store, "ledger", others[c]));
    }

  /* Every word must still match: a rare word narrows the common one. */
  g_assert_true (search_finds (fixture->store, "ledger matching", matching[0]));
  g_assert_false (search_finds (fixture->store, "ledger release", others[0]));
  g_assert_true (search_finds (fixture->store, "release", others[0]));
}

static void
test_search_candidates_and_evidence (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungCandidateRecord) ada = NULL;
  RungEvidenceRecord *stored;
  gint64 grace_candidate = add_candidate (fixture->store, "Grace Brewster");
  gint64 id;

  /* Name, manager, team and summary; words and the starts of words; any case. */
  g_assert_true (search_finds (fixture->store, "lovelace", fixture->ada));
  g_assert_true (search_finds (fixture->store, "LOVE", fixture->ada));
  g_assert_true (search_finds (fixture->store, "babb", fixture->ada));
  g_assert_true (search_finds (fixture->store, "engines", fixture->ada));
  g_assert_false (search_finds (fixture->store, "velace", fixture->ada));
  g_assert_false (search_finds (fixture->store, "lovelace", grace_candidate));
  g_assert_false (search_finds (fixture->store, "analytical", fixture->ada));

  /* Evidence joins in as it is added, and every word must match somewhere. */
  id = add_evidence (fixture->store, fixture->ada, "e", "Engine notes",
                     "Wrote the first program for the Analytical Engine.");
  g_assert_true (search_finds (fixture->store, "analytical", fixture->ada));
  g_assert_true (search_finds (fixture->store, "ada analyt", fixture->ada));
  g_assert_false (search_finds (fixture->store, "ada quantum", fixture->ada));
  g_assert_false (search_finds (fixture->store, "analytical", grace_candidate));

  /* Edited evidence is found by its new words only. */
  stored = rung_store_get_evidence (fixture->store, id, &error);
  g_free (stored->text);
  stored->text = g_strdup ("Translated Menabrea's article, with notes longer than the article.");
  g_assert_true (rung_store_update_evidence (fixture->store, "t", stored, &error));
  rung_evidence_record_free (stored);
  g_assert_false (search_finds (fixture->store, "analytical", fixture->ada));
  g_assert_true (search_finds (fixture->store, "menabrea", fixture->ada));
  g_assert_true (search_finds (fixture->store, "Menabrea's", fixture->ada));

  /* Deleted evidence is not found. */
  g_assert_true (rung_store_delete_evidence (fixture->store, "t", id, &error));
  g_assert_false (search_finds (fixture->store, "menabrea", fixture->ada));

  /* An edited candidate neither. */
  ada = rung_store_get_candidate (fixture->store, fixture->ada, &error);
  g_free (ada->name);
  ada->name = g_strdup ("Augusta King");
  g_free (ada->summary);
  ada->summary = g_strdup ("Countess of Lovelace");
  g_assert_true (rung_store_update_candidate (fixture->store, "t", ada, &error));
  g_assert_no_error (error);
  g_assert_true (search_finds (fixture->store, "augusta", fixture->ada));
  g_assert_true (search_finds (fixture->store, "countess", fixture->ada));
  g_assert_false (search_finds (fixture->store, "ada", fixture->ada));

  /* A deleted candidate is not found, and is again once restored. */
  g_assert_true (rung_store_delete_candidate (fixture->store, "t", fixture->ada, &error));
  g_assert_false (search_finds (fixture->store, "augusta", fixture->ada));
  g_assert_true (rung_store_restore_candidate (fixture->store, "t", fixture->ada, &error));
  g_assert_true (search_finds (fixture->store, "augusta", fixture->ada));
  g_assert_no_error (error);
}

static void
test_search_hostile_queries (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const hostile[] = {
    "\"", "\"\"", "*", "AND", "OR NOT", "NOT", "NEAR(a b)", "NEAR(", "a\"b", "(", ")", "-", "^", "+",
    "title:x", "name:", "{name manager}: x", "'; DROP TABLE candidates; --", "a OR", "\"ada\" AND \"",
    "ada*", "*ada", "\\", "%", "_", "\x01\x02", "\xff\xfe invalid UTF-8", "ada\xc3",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;

  add_evidence (fixture->store, fixture->ada, "e", "Notes", "Notes and more notes");

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GArray) ids = rung_store_search_candidates (fixture->store, hostile[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (ids);
      g_assert_cmpuint (ids->len, <=, 1);
    }

  /* FTS syntax is only words: these find Ada by her words. */
  g_assert_true (search_finds (fixture->store, "\"Ada", fixture->ada));
  g_assert_true (search_finds (fixture->store, "Ada*", fixture->ada));
  g_assert_true (search_finds (fixture->store, "(Ada)", fixture->ada));
  g_assert_true (search_finds (fixture->store, "Ada -", fixture->ada));
  g_assert_true (search_finds (fixture->store, "Ada AND", fixture->ada));
  g_assert_true (search_finds (fixture->store, "Ada and", fixture->ada));
  /* OR is a word, not a choice; NOT finds the start of "Notes", it does not
   * leave Ada out. */
  g_assert_false (search_finds (fixture->store, "Ada OR Grace", fixture->ada));
  g_assert_true (search_finds (fixture->store, "NOT ada", fixture->ada));
  g_assert_false (search_finds (fixture->store, "-", fixture->ada));

  /* The panel is as it was. */
  candidates = rung_store_list_candidates (fixture->store, &error);
  g_assert_cmpuint (candidates->len, ==, 1);
}

static void
test_search_empty_lists_all (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const empty[] = { NULL, "", " ", "\t\n", "\u3000" };
  gint64 zed = add_candidate (fixture->store, "Zed");
  gint64 bea = add_candidate (fixture->store, "Bea");
  gint64 gone = add_candidate (fixture->store, "Gone");
  g_autoptr(GError) error = NULL;

  g_assert_true (rung_store_delete_candidate (fixture->store, "t", gone, &error));

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(GArray) ids = rung_store_search_candidates (fixture->store, empty[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, 3);
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->ada);
      g_assert_cmpint (g_array_index (ids, gint64, 1), ==, bea);
      g_assert_cmpint (g_array_index (ids, gint64, 2), ==, zed);
    }
}

/* Found once each, in order of name, however many items match. */
static void
test_search_each_once_by_name (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 bea = add_candidate (fixture->store, "Bea");

  for (guint i = 0; i < 3; i++)
    {
      add_evidence (fixture->store, fixture->ada, "e", "Compiler", "compiler work");
      add_evidence (fixture->store, bea, "e", "Compiler", "compiler work");
    }

  ids = rung_store_search_candidates (fixture->store, "compiler", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->ada);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, bea);
}

/* The external-content indexes agree with their tables after every kind of
 * change. */
static void
test_search_index_integrity (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungCandidateRecord) ada = NULL;
  RungEvidenceRecord *stored;
  sqlite3 *db;
  gint64 id;

  id = add_evidence (fixture->store, fixture->ada, "e", "One", "First text");
  add_evidence (fixture->store, fixture->ada, "e", "Two", "Second text");
  stored = rung_store_get_evidence (fixture->store, id, &error);
  g_free (stored->title);
  stored->title = g_strdup ("Uno");
  g_assert_true (rung_store_update_evidence (fixture->store, "t", stored, &error));
  rung_evidence_record_free (stored);
  g_assert_true (rung_store_delete_evidence (fixture->store, "t", id, &error));
  ada = rung_store_get_candidate (fixture->store, fixture->ada, &error);
  g_free (ada->manager);
  ada->manager = NULL;
  g_assert_true (rung_store_update_candidate (fixture->store, "t", ada, &error));
  g_assert_true (rung_store_delete_candidate (fixture->store, "t", fixture->ada, &error));
  g_assert_no_error (error);

  db = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO candidates_fts (candidates_fts, rank) VALUES ('integrity-check', 1);"
                                     "INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('integrity-check', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The audit log */

static void
test_audit_newest_first (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) two = NULL;

  audit = rung_store_list_audit (fixture->store, 100, &error);
  g_assert_no_error (error);
  /* create, migrate, a candidate, two panelists */
  g_assert_cmpuint (audit->len, ==, 5);
  g_assert_cmpstr (((RungAuditRecord *)g_ptr_array_index (audit, 4))->action, ==, "create");
  g_assert_cmpstr (((RungAuditRecord *)g_ptr_array_index (audit, 3))->action, ==, "migrate");
  for (guint i = 1; i < audit->len; i++)
    {
      RungAuditRecord *newer = g_ptr_array_index (audit, i - 1);
      RungAuditRecord *older = g_ptr_array_index (audit, i);

      g_assert_cmpint (newer->id, >, older->id);
      g_assert_cmpstr (newer->at, >=, older->at);
    }

  two = rung_store_list_audit (fixture->store, 2, &error);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpint (((RungAuditRecord *)g_ptr_array_index (two, 0))->entity_id, ==, fixture->alan);
  g_assert_cmpint (((RungAuditRecord *)g_ptr_array_index (two, 1))->entity_id, ==, fixture->grace);
}

static void
test_audit_before_and_after (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(RungCandidateRecord) ada = rung_store_get_candidate (fixture->store, fixture->ada, &error);
  RungAuditRecord *last;

  g_free (ada->summary);
  ada->summary = g_strdup ("Poet of \"numbers\"");
  g_assert_true (rung_store_update_candidate (fixture->store, "Charles", ada, &error));

  audit = rung_store_list_audit (fixture->store, 1, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (audit, 0);
  g_assert_nonnull (strstr (last->before, "\"summary\":\"\""));
  g_assert_nonnull (strstr (last->after, "\"summary\":\"Poet of \\\"numbers\\\"\""));
  g_assert_nonnull (strstr (last->after, "\"name\":\"Ada Lovelace\""));
}

/* Unicode */

static void
test_unicode_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const texts[] = {
    "مرحبا بالعالم",                                   /* Arabic, right to left */
    "שָׁלוֹם עוֹלָם",                                    /* Hebrew with points */
    "👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 🇫🇷",                    /* ZWJ sequences, a flag */
    "e\u0301 a\u0308 n\u0303 Z\u0351\u0352\u0353",     /* combining marks */
    "\u202Eevil\u202C \u200Fmixed עברית and English\u200E",
    "Ǆemal 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 日本語 한국어",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *t = texts[i];
      RungPanelInfo info = { .name = (char *)t, .committee = (char *)t, .cycle_name = (char *)t,
                             .cycle_start = (char *)t, .cycle_end = (char *)t };
      RungCandidateRecord record = { .name = (char *)t, .current_level = (char *)t,
                                     .target_level = (char *)t, .manager = (char *)t,
                                     .team = (char *)t, .summary = (char *)t };
      RungEvidenceRecord evidence = { .expectation_id = (char *)t, .title = (char *)t,
                                      .text = (char *)t, .link = (char *)t, .date = (char *)t,
                                      .author = (char *)t };
      RungDecisionRecord decision = { .outcome_id = (char *)t, .rationale = (char *)t,
                                      .recorded_by = (char *)t };
      g_autoptr(RungPanelInfo) info_back = NULL;
      g_autoptr(RungCandidateRecord) back = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GPtrArray) panelists = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GPtrArray) ratings = NULL;
      g_autoptr(GPtrArray) concerns = NULL;
      g_autoptr(GPtrArray) decisions = NULL;
      g_autoptr(GPtrArray) audit = NULL;
      RungEvidenceRecord *item;
      RungPanelistRecord *panelist;
      RungDecisionRecord *revision;
      gint64 candidate_id, panelist_id;

      g_assert_true (rung_store_update_panel_info (fixture->store, t, &info, &error));
      g_assert_no_error (error);
      info_back = rung_store_get_panel_info (fixture->store, &error);
      g_assert_cmpstr (info_back->name, ==, t);
      g_assert_cmpstr (info_back->committee, ==, t);
      g_assert_cmpstr (info_back->cycle_name, ==, t);
      g_assert_cmpstr (info_back->cycle_start, ==, t);
      g_assert_cmpstr (info_back->cycle_end, ==, t);

      candidate_id = rung_store_add_candidate (fixture->store, t, &record, &error);
      g_assert_no_error (error);
      back = rung_store_get_candidate (fixture->store, candidate_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back->name, ==, t);
      g_assert_cmpstr (back->current_level, ==, t);
      g_assert_cmpstr (back->target_level, ==, t);
      g_assert_cmpstr (back->manager, ==, t);
      g_assert_cmpstr (back->team, ==, t);
      g_assert_cmpstr (back->summary, ==, t);

      evidence.candidate_id = candidate_id;
      rung_store_add_evidence (fixture->store, t, &evidence, &error);
      g_assert_no_error (error);
      items = rung_store_list_evidence (fixture->store, candidate_id, &error);
      g_assert_cmpuint (items->len, ==, 1);
      item = g_ptr_array_index (items, 0);
      g_assert_cmpstr (item->expectation_id, ==, t);
      g_assert_cmpstr (item->title, ==, t);
      g_assert_cmpstr (item->text, ==, t);
      g_assert_cmpstr (item->link, ==, t);
      g_assert_cmpstr (item->date, ==, t);
      g_assert_cmpstr (item->author, ==, t);

      panelist_id = rung_store_add_panelist (fixture->store, t, t, t, &error);
      g_assert_no_error (error);
      panelists = rung_store_list_panelists (fixture->store, &error);
      panelist = g_ptr_array_index (panelists, panelists->len - 1);
      g_assert_cmpint (panelist->id, ==, panelist_id);
      g_assert_cmpstr (panelist->name, ==, t);
      g_assert_cmpstr (panelist->role, ==, t);

      g_assert_true (rung_store_set_conflict (fixture->store, t, panelist_id, candidate_id, t, &error));
      g_assert_no_error (error);
      conflicts = rung_store_list_conflicts (fixture->store, &error);
      g_assert_cmpstr (((RungConflictRecord *)g_ptr_array_index (conflicts, conflicts->len - 1))->reason, ==, t);

      g_assert_true (rung_store_set_rating (fixture->store, t, fixture->alan, candidate_id, t, 3, t, &error));
      g_assert_no_error (error);
      ratings = rung_store_list_ratings (fixture->store, candidate_id, &error);
      g_assert_cmpstr (((RungRatingRecord *)g_ptr_array_index (ratings, 0))->area_id, ==, t);
      g_assert_cmpstr (((RungRatingRecord *)g_ptr_array_index (ratings, 0))->comment, ==, t);

      g_assert_true (rung_store_set_concern (fixture->store, t, fixture->alan, candidate_id, t, t, &error));
      g_assert_no_error (error);
      concerns = rung_store_list_concerns (fixture->store, candidate_id, &error);
      g_assert_cmpstr (((RungConcernRecord *)g_ptr_array_index (concerns, 0))->anti_pattern_id, ==, t);
      g_assert_cmpstr (((RungConcernRecord *)g_ptr_array_index (concerns, 0))->note, ==, t);

      decision.candidate_id = candidate_id;
      g_assert_cmpint (rung_store_record_decision (fixture->store, t, &decision, &error), >, 0);
      decision.reason = (char *)t;
      g_assert_cmpint (rung_store_record_decision (fixture->store, t, &decision, &error), >, 0);
      g_assert_no_error (error);
      decisions = rung_store_list_decisions (fixture->store, candidate_id, &error);
      revision = g_ptr_array_index (decisions, 1);
      g_assert_cmpstr (revision->outcome_id, ==, t);
      g_assert_cmpstr (revision->rationale, ==, t);
      g_assert_cmpstr (revision->recorded_by, ==, t);
      g_assert_cmpstr (revision->reason, ==, t);

      audit = rung_store_list_audit (fixture->store, 1, &error);
      g_assert_cmpstr (((RungAuditRecord *)g_ptr_array_index (audit, 0))->who, ==, t);
      g_assert_true (is_json_object (((RungAuditRecord *)g_ptr_array_index (audit, 0))->after));
    }

  /* Right-to-left words are found like any others. */
  {
    g_autoptr(GArray) arabic = rung_store_search_candidates (fixture->store, "بالعالم", &error);
    g_autoptr(GArray) hebrew = rung_store_search_candidates (fixture->store, "עברית", &error);
    g_autoptr(GArray) korean = rung_store_search_candidates (fixture->store, "한국", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (arabic->len, ==, 1);
    g_assert_cmpuint (hebrew->len, ==, 1);
    g_assert_cmpuint (korean->len, ==, 1);
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
  g_test_add_func ("/rung/store/create/mode-0600", test_create_mode_0600);
  ADD ("create/contents", test_create_contents);
  ADD ("create/no-temporary-files", test_create_no_temporary_files);
  ADD ("create/refuses-existing", test_create_refuses_existing);
  ADD ("create/missing-folder", test_create_missing_folder);
  ADD ("create/needs-name", test_create_needs_name);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strconcat ("/rung/store/open/bad-file/", bad_files[i].name, NULL);

      g_test_add (path, Fixture, &bad_files[i], fixture_set_up, test_bad_file, fixture_tear_down);
    }
  ADD ("open/missing", test_open_missing);
  ADD ("open/folder", test_open_folder);
  ADD ("open/read-only", test_open_read_only);
  ADD ("open/read-only-odd-name", test_open_read_only_odd_name);
  ADD ("open/read-only-folder", test_open_read_only_folder);
  ADD ("open/recovers-write-ahead-log", test_open_recovers_write_ahead_log);
  ADD ("open/read-only-with-write-ahead-log", test_open_read_only_with_write_ahead_log);
  ADD ("open/locked", test_open_locked);

  g_test_add_func ("/rung/store/migrate/from-v1", test_migrate_from_v1);
  g_test_add_func ("/rung/store/migrate/all-or-nothing", test_migrate_all_or_nothing);
  g_test_add_func ("/rung/store/migrate/read-only", test_migrate_read_only);

  ADD ("panel/update-info", test_panel_update_info);
  ADD ("candidate/add-get-update-list", test_candidate_add_get_update_list);
  ADD ("candidate/needs-name", test_candidate_needs_name);
  g_test_add_func ("/rung/store/candidate/status-strings", test_candidate_status_strings);
  ADD ("candidate/delete-and-restore", test_candidate_delete_and_restore);
  ADD ("evidence/positions-and-order", test_evidence_positions_and_order);
  ADD ("evidence/update-and-delete", test_evidence_update_and_delete);
  ADD ("panelist/add-update-delete", test_panelists);
  ADD ("conflict/refuses-rating", test_conflict_refuses_rating);
  ADD ("conflict/refuses-concern", test_conflict_refuses_concern);
  ADD ("conflict/withdraws-ratings-and-concerns", test_conflict_withdraws_ratings);
  ADD ("conflict/list-and-clear", test_conflict_list_and_clear);
  ADD ("conflict/enforced-in-sql", test_conflict_enforced_in_sql);
  ADD ("rating/set-change-clear-list", test_ratings);
  ADD ("concern/set-change-clear-list", test_concerns);
  ADD ("decision/revision-needs-reason", test_decision_revision_needs_reason);
  ADD ("decision/needs-rationale", test_decision_needs_rationale);
  ADD ("decision/too-many-votes", test_decision_too_many_votes);
  ADD ("decision/negative-votes", test_decision_negative_votes);
  ADD ("decision/append-only", test_decision_append_only);
  ADD ("decision/history", test_decision_history);
  ADD ("no-such-row", test_no_such_row);
  ADD ("search/candidates-and-evidence", test_search_candidates_and_evidence);
  ADD ("search/many-matching-items", test_search_many_matching_items);
  ADD ("search/hostile-queries", test_search_hostile_queries);
  ADD ("search/empty-lists-all", test_search_empty_lists_all);
  ADD ("search/each-once-by-name", test_search_each_once_by_name);
  ADD ("search/index-integrity", test_search_index_integrity);
  ADD ("audit/newest-first", test_audit_newest_first);
  ADD ("audit/before-and-after", test_audit_before_and_after);
  ADD ("unicode/round-trip", test_unicode_round_trip);
#undef ADD

  return g_test_run ();
}

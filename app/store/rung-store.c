/* rung-store.c: the panel file in SQLite. Every write is one IMMEDIATE
 * transaction with its audit row, on a file in WAL mode with synchronous=FULL,
 * so a change is on disk when the call returns. A file is checked before
 * SQLite may write to it: something that is not a Rung panel, is damaged,
 * comes from a newer Rung, is read-only or locked gets an error that says so,
 * and stays exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rung-store-private.h"

#define BUSY_TIMEOUT_MS 5000
#define HEADER_SIZE     100

static void
statement_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

G_DEFINE_QUARK (rung-store-error-quark, rung_store_error)

static const char * const status_names[] = {
  [RUNG_CANDIDATE_STATUS_DRAFT] = "draft",
  [RUNG_CANDIDATE_STATUS_READY] = "ready",
  [RUNG_CANDIDATE_STATUS_IN_REVIEW] = "in-review",
  [RUNG_CANDIDATE_STATUS_DECIDED] = "decided",
};

const char *
rung_candidate_status_to_string (RungCandidateStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
rung_candidate_status_from_string (const char          *text,
                                   RungCandidateStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

/* Records */

void
rung_panel_info_free (RungPanelInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_free (info->committee);
  g_free (info->cycle_name);
  g_free (info->cycle_start);
  g_free (info->cycle_end);
  g_free (info->created_at);
  g_free (info);
}

void
rung_candidate_record_free (RungCandidateRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record->current_level);
  g_free (record->target_level);
  g_free (record->manager);
  g_free (record->team);
  g_free (record->summary);
  g_free (record->coverage_override);
  g_free (record->created_at);
  g_free (record->updated_at);
  g_free (record);
}

void
rung_evidence_record_free (RungEvidenceRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->expectation_id);
  g_free (record->title);
  g_free (record->text);
  g_free (record->link);
  g_free (record->date);
  g_free (record->author);
  g_free (record->created_at);
  g_free (record->updated_at);
  g_free (record);
}

void
rung_panelist_record_free (RungPanelistRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record->role);
  g_free (record);
}

void
rung_conflict_record_free (RungConflictRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->reason);
  g_free (record);
}

void
rung_rating_record_free (RungRatingRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->area_id);
  g_free (record->comment);
  g_free (record->updated_at);
  g_free (record);
}

void
rung_concern_record_free (RungConcernRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->anti_pattern_id);
  g_free (record->note);
  g_free (record->updated_at);
  g_free (record);
}

void
rung_decision_record_free (RungDecisionRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->outcome_id);
  g_free (record->rationale);
  g_free (record->recorded_by);
  g_free (record->recorded_at);
  g_free (record->reason);
  g_clear_pointer (&record->citations, g_ptr_array_unref);
  g_free (record);
}

void
rung_citation_record_free (RungCitationRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->area_id);
  g_free (record->label);
  g_free (record);
}

void
rung_audit_record_free (RungAuditRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->at);
  g_free (record->who);
  g_free (record->action);
  g_free (record->entity);
  g_free (record->before);
  g_free (record->after);
  g_free (record);
}

/* Errors */

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

/* Turns what SQLite said into an error a manager understands. */
gboolean
_rung_store_set_sqlite_error (RungStore  *self,
                              GError    **error,
                              int         rc)
{
  g_autofree char *name = display_name (self->path);
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xFF)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_LOCKED,
                   _("The panel “%s” is in use by another program. Close it there, or try again in a moment."),
                   name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_CORRUPT,
                   _("The panel “%s” is damaged and cannot be read. Open a backup copy instead."),
                   name);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY,
                   _("The panel “%s” cannot be changed: it is read-only."), name);
      break;

    case SQLITE_CONSTRAINT:
      if (strstr (detail, "conflict") != NULL)
        g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                             _("A panelist with a conflict of interest cannot rate or raise concerns about that candidate."));
      else if (strstr (detail, "append-only") != NULL)
        g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                             _("A decision is never changed; record a new revision instead."));
      else if (strstr (detail, "meeting-ended") != NULL)
        g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                             _("The meeting has ended, and its minutes cannot be changed."));
      else if (strstr (detail, "meetings_one_open") != NULL)
        g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                             _("Another meeting is under way; end it before starting a new one."));
      else if (strstr (detail, "UNIQUE") != NULL && strstr (detail, "panelists.name") != NULL)
        g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                             _("The panel already has a panelist of that name."));
      else
        g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                     _("The change breaks a rule of the panel file (%s)."), detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO,
                   _("The disk is full, so the change to “%s” was not saved."), name);
      break;

    default:
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO,
                   _("The panel “%s” could not be read or written (%s)."), name, detail);
      break;
    }

  return FALSE;
}

static gboolean
exec (RungStore   *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _rung_store_set_sqlite_error (self, error, rc);

  return TRUE;
}

/* Returns the statement for @sql from the cache, preparing it once. */
RungStatement *
_rung_store_prepare (RungStore   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rung_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

void
_rung_store_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_rung_store_column_text (sqlite3_stmt *stmt,
                         int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text ? g_strdup ((const char *)text) : NULL;
}

/* Runs a statement that returns no rows. */
gboolean
_rung_store_step_done (RungStore     *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _rung_store_set_sqlite_error (self, error, rc);

  return TRUE;
}

static gboolean
check_writable (RungStore  *self,
                GError    **error)
{
  if (self->read_only)
    {
      g_autofree char *name = display_name (self->path);

      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY,
                   _("The panel “%s” is open read-only, so it cannot be changed."), name);
      return FALSE;
    }

  return TRUE;
}

gboolean
_rung_store_begin (RungStore  *self,
                   GError    **error)
{
  /* A write would fail inside the snapshot's transaction, and its rollback
   * would end the snapshot. */
  if (self->snapshot_depth > 0)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO,
                           /* Not translated: only a bug in Rung gets here */
                           "A write on a store that holds a snapshot");
      return FALSE;
    }

  return check_writable (self, error) && exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (RungStore  *self,
        GError    **error)
{
  if (!exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Ends a transaction: commits when @ok, otherwise rolls back. */
gboolean
_rung_store_finish (RungStore  *self,
                    gboolean    ok,
                    GError    **error)
{
  if (!ok)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return commit (self, error);
}

gboolean
_rung_store_no_such_row (GError **error)
{
  g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW,
                       _("That is no longer in the panel."));
  return FALSE;
}

gboolean
_rung_store_rule_broken (GError     **error,
                         const char  *message)
{
  g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE, message);
  return FALSE;
}

/* Whether @text is NULL, empty or white space alone; text that is not
 * UTF-8 is not blank. */
gboolean
_rung_store_is_blank_text (const char *text)
{
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_isspace (c))
        return FALSE;
    }

  return TRUE;
}

/* The name of a row, for a message; "" if there is none. */
static char *
lookup_name (RungStore  *self,
             const char *sql,
             gint64      id)
{
  g_autoptr(RungStatement) stmt = _rung_store_prepare (self, sql, NULL);
  char *name = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = _rung_store_column_text (stmt, 0);
    }

  return name ? name : g_strdup ("");
}

char *
_rung_store_candidate_name (RungStore *self,
                            gint64     candidate_id)
{
  return lookup_name (self, "SELECT name FROM candidates WHERE id = ?1", candidate_id);
}

char *
_rung_store_panelist_name (RungStore *self,
                           gint64     panelist_id)
{
  return lookup_name (self, "SELECT name FROM panelists WHERE id = ?1", panelist_id);
}

/* The audit log: who changed what, when, and the row before and after, as
 * JSON. The JSON comes from SQL selecting json_object() of the row. */

char *
_rung_store_row_json (RungStore  *self,
                      const char *sql,
                      gint64      a,
                      gint64      b,
                      const char *c)
{
  g_autoptr(RungStatement) stmt = _rung_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  _rung_store_bind_text (stmt, 3, c);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return _rung_store_column_text (stmt, 0);
}


gboolean
_rung_store_audit (RungStore   *self,
                   const char  *who,
                   const char  *action,
                   const char  *entity,
                   gint64       entity_id,
                   const char  *before,
                   const char  *after,
                   GError     **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self,
                         "INSERT INTO audit (at, who, action, entity, entity_id, before, after)"
                         " VALUES (" NOW_SQL ", ?1, ?2, ?3, ?4, ?5, ?6)",
                         error);

  if (stmt == NULL)
    return FALSE;

  _rung_store_bind_text (stmt, 1, who ? who : "");
  _rung_store_bind_text (stmt, 2, action);
  _rung_store_bind_text (stmt, 3, entity);
  if (entity_id != 0)
    sqlite3_bind_int64 (stmt, 4, entity_id);
  _rung_store_bind_text (stmt, 5, before);
  _rung_store_bind_text (stmt, 6, after);

  return _rung_store_step_done (self, stmt, error);
}

/* Collects one record per row; NULL and @error on failure. */
GPtrArray *
_rung_store_collect (RungStore      *self,
                     sqlite3_stmt   *stmt,
                     RungReadRow     read_row,
                     GDestroyNotify  free_record,
                     GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_record);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _rung_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* Files */

/* Reads the first 100 bytes of @path: the SQLite header. */
static gboolean
read_header (const char *path,
             guchar      header[HEADER_SIZE],
             gsize      *length)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gssize n;

  if (fd < 0)
    return FALSE;

  n = read (fd, header, HEADER_SIZE);
  close (fd);
  *length = n > 0 ? (gsize)n : 0;

  return n >= 0;
}

static guint32
read_be32 (const guchar *bytes)
{
  return ((guint32)bytes[0] << 24) | ((guint32)bytes[1] << 16) | ((guint32)bytes[2] << 8) | bytes[3];
}

static gboolean
can_write (const char  *path,
           struct stat *st)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat dir_st;

  /* The permission bits count even for root, who could write anyway: a
   * panel, or a folder, someone marked read-only is treated as read-only.
   * SQLite needs the folder too, for the write-ahead log beside the file. */
  return (st->st_mode & S_IWUSR) != 0 &&
         access (path, W_OK) == 0 &&
         g_stat (dir, &dir_st) == 0 &&
         (dir_st.st_mode & S_IWUSR) != 0 &&
         access (dir, W_OK) == 0;
}

static gboolean
has_write_ahead_log (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

typedef struct
{
  gboolean writable;
  gboolean has_wal;
  int      version;
  gint64   file_size;
  gint64   expected_size;
} FileCheck;

/* Everything that can be known of a file without handing it to SQLite. */
static gboolean
check_file (const char  *path,
            FileCheck   *check,
            GError     **error)
{
  g_autofree char *name = display_name (path);
  guchar header[HEADER_SIZE];
  gsize length = 0;
  struct stat st;
  guint32 page_size;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NOT_FOUND,
                     _("There is no panel file “%s”."), name);
      else
        g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO,
                     _("The panel “%s” cannot be read: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NOT_A_PANEL,
                   _("“%s” is not a file, so it is not a Rung panel."), name);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NOT_A_PANEL,
                   _("The file “%s” is empty; it is not a Rung panel."), name);
      return FALSE;
    }

  if (!read_header (path, header, &length))
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO,
                   _("The panel “%s” cannot be read: %s."), name, g_strerror (errno));
      return FALSE;
    }

  /* Not translated: the first bytes of every SQLite file */
  if (length < HEADER_SIZE || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NOT_A_PANEL,
                   _("The file “%s” is not a Rung panel."), name);
      return FALSE;
    }

  if (read_be32 (header + 68) != RUNG_STORE_APPLICATION_ID)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NOT_A_PANEL,
                   _("“%s” is a database of another program, not a Rung panel."), name);
      return FALSE;
    }

  check->version = (int)read_be32 (header + 60);
  if (check->version > RUNG_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_TOO_NEW,
                   _("The panel “%s” was saved by a newer version of Rung. Update Rung to open it."),
                   name);
      return FALSE;
    }

  if (check->version < 1)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_CORRUPT,
                   _("The panel “%s” is damaged and cannot be read. Open a backup copy instead."),
                   name);
      return FALSE;
    }

  /* A file shorter than its header says was cut off, unless a write-ahead
   * log is there to complete it: a crash during a checkpoint leaves the file
   * short until SQLite recovers it from the log. */
  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  check->file_size = st.st_size;
  /* The size in the header counts only if the file says it is current:
   * "version-valid-for" (offset 92) equals the change counter (offset 24). */
  if (read_be32 (header + 92) == read_be32 (header + 24))
    check->expected_size = (gint64)page_size * read_be32 (header + 28);
  check->has_wal = has_write_ahead_log (path);
  if (check->expected_size > check->file_size && !check->has_wal)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_CORRUPT,
                   _("The panel “%s” is damaged (it is shorter than it should be) and cannot be read. "
                     "Open a backup copy instead."),
                   name);
      return FALSE;
    }

  check->writable = can_write (path, &st);

  return TRUE;
}

static gboolean
quick_check (RungStore  *self,
             GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  int rc;

  if (!(stmt = _rung_store_prepare (self, "PRAGMA quick_check (1)", error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _rung_store_set_sqlite_error (self, error, rc);

  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    return _rung_store_set_sqlite_error (self, error, SQLITE_CORRUPT);

  return TRUE;
}

static int
read_user_version (RungStore *self)
{
  g_autoptr(RungStatement) stmt = _rung_store_prepare (self, "PRAGMA user_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int (stmt, 0);
}

/* Brings the file to the current schema in one transaction, with one audit
 * row: a file is either wholly migrated or left as it was. The version is read
 * again inside the transaction, in case another Rung migrated it meanwhile. */
static gboolean
migrate (RungStore   *self,
         const char  *who,
         GError     **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", RUNG_STORE_SCHEMA_VERSION);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int version;
  gboolean ok = TRUE;

  if (read_user_version (self) >= RUNG_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  version = read_user_version (self);
  if (version >= RUNG_STORE_SCHEMA_VERSION)
    return _rung_store_finish (self, TRUE, error);
  if (version < 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return _rung_store_set_sqlite_error (self, error, SQLITE_CORRUPT);
    }

  before = g_strdup_printf ("{\"version\":%d}", version);
  after = g_strdup_printf ("{\"version\":%d}", RUNG_STORE_SCHEMA_VERSION);

  for (int v = version; ok && v < RUNG_STORE_SCHEMA_VERSION; v++)
    ok = exec (self, _rung_store_migration (v), error);

  ok = ok &&
       exec (self, pragma, error) &&
       _rung_store_audit (self, who, "migrate", "panel", 0, before, after, error);

  return _rung_store_finish (self, ok, error);
}

static void
apply_connection_pragmas (RungStore *self)
{
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (!self->read_only)
    {
      sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      sqlite3_exec (self->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
    }
}

static RungStore *
store_new (const char *path)
{
  RungStore *self = g_new0 (RungStore, 1);

  self->path = g_canonicalize_filename (path, NULL);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            statement_finalize);

  return self;
}

/**
 * rung_store_open:
 *
 * Opens a panel file. Nothing is written to a file that fails a check.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
RungStore *
rung_store_open (const char          *path,
                 RungStoreOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(RungStore) self = NULL;
  g_autofree char *name = NULL;
  FileCheck check = { 0 };
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_file (path, &check, error))
    return NULL;

  self = store_new (path);
  name = display_name (path);

  if (!check.writable)
    {
      if (!(flags & RUNG_STORE_OPEN_READ_ONLY_OK))
        {
          g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY,
                       _("The panel “%s” is read-only, so it cannot be changed."), name);
          return NULL;
        }

      if (check.version < RUNG_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY,
                       _("The panel “%s” was saved by an older version of Rung and needs "
                         "updating, but it is read-only. Copy it somewhere you can write to."),
                       name);
          return NULL;
        }

      /* An immutable file is read without its write-ahead log: changes
       * still waiting there would be silently missing. */
      if (check.has_wal)
        {
          g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY,
                       _("The panel “%s” was not closed properly and is read-only, so Rung cannot "
                         "recover its last changes. Copy it, with the file beside it whose name "
                         "ends in “-wal”, somewhere you can write to."),
                       name);
          return NULL;
        }

      self->read_only = TRUE;
    }

  if (self->read_only)
    {
      /* immutable=1: SQLite neither locks the file nor creates anything
       * beside it. Everything but unreserved characters and slashes is
       * percent-encoded, so no file name can add to the query. */
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file://", escaped, "?mode=ro&immutable=1", NULL);

      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  else
    rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    {
      _rung_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!quick_check (self, error))
    return NULL;

  apply_connection_pragmas (self);
  self->opened_version = read_user_version (self);

  if (!self->read_only && !migrate (self, g_get_user_name (), error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Removes a file SQLite had open, and whatever SQLite kept beside it. */
static void
remove_with_side_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_unlink (side);
    }
}

static gboolean
build_new_file (const char           *path,
                const RungPanelInfo  *info,
                GBytes               *ladder_xml,
                const char           *ladder_sha256,
                GError              **error)
{
  g_autoptr(RungStore) self = store_new (path);
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1",
                                             RUNG_STORE_APPLICATION_ID);
  gsize size;
  const void *data = g_bytes_get_data (ladder_xml, &size);
  int rc;

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    return _rung_store_set_sqlite_error (self, error, rc);

  sqlite3_extended_result_codes (self->db, TRUE);
  apply_connection_pragmas (self);

  if (!exec (self, "BEGIN IMMEDIATE", error) ||
      !exec (self, _rung_store_schema_v1 (), error) ||
      !exec (self, pragma, error) ||
      !(stmt = _rung_store_prepare (self,
                                    "INSERT INTO panel (id, name, committee, cycle_name, cycle_start, cycle_end,"
                                    " ladder_xml, ladder_sha256) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                    error)))
    return _rung_store_finish (self, FALSE, NULL);

  _rung_store_bind_text (stmt, 1, info->name);
  _rung_store_bind_text (stmt, 2, info->committee);
  _rung_store_bind_text (stmt, 3, info->cycle_name);
  _rung_store_bind_text (stmt, 4, info->cycle_start);
  _rung_store_bind_text (stmt, 5, info->cycle_end);
  sqlite3_bind_blob (stmt, 6, data, (int)size, SQLITE_TRANSIENT);
  _rung_store_bind_text (stmt, 7, ladder_sha256);

  if (!_rung_store_finish (self, _rung_store_step_done (self, stmt, error) &&
                                 _rung_store_audit (self, g_get_user_name (), "create", "panel", 0, NULL, NULL, error),
                           error))
    return FALSE;

  return migrate (self, g_get_user_name (), error);
}

/**
 * rung_store_create:
 *
 * Creates a panel file at @path, never over an existing file. The file is
 * built under a temporary name beside it, readable by its owner alone, and
 * appears under its name only once complete.
 *
 * Returns: (transfer full) (nullable): the open store
 */
RungStore *
rung_store_create (const char           *path,
                   const RungPanelInfo  *info,
                   GBytes               *ladder_xml,
                   const char           *ladder_sha256,
                   GError              **error)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (info != NULL && info->name != NULL, NULL);
  g_return_val_if_fail (ladder_xml != NULL, NULL);
  g_return_val_if_fail (ladder_sha256 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (_rung_store_is_blank_text (info->name))
    {
      _rung_store_rule_broken (error, _("A panel needs a name."));
      return NULL;
    }

  name = display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_EXISTS,
                   _("A file named “%s” already exists; Rung does not overwrite it."), name);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO,
                   _("The panel “%s” could not be created: %s."), name, g_strerror (errno));
      return NULL;
    }
  /* The mode given to g_mkstemp_full() can only be narrowed by the umask;
   * set it once more in case the file system thinks otherwise. */
  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      remove_with_side_files (temp);
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO,
                   _("The panel “%s” could not be created: %s."), name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  if (!build_new_file (temp, info, ladder_xml, ladder_sha256, error))
    {
      remove_with_side_files (temp);
      return NULL;
    }

  /* link() fails if a file appeared under the name meanwhile: nothing is
   * ever overwritten, and the name only ever holds a complete panel. */
  if (link (temp, path) != 0)
    {
      int saved_errno = errno;

      remove_with_side_files (temp);
      if (saved_errno == EEXIST)
        g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_EXISTS,
                     _("A file named “%s” already exists; Rung does not overwrite it."), name);
      else
        g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO,
                     _("The panel “%s” could not be created: %s."), name, g_strerror (saved_errno));
      return NULL;
    }
  g_unlink (temp);

  {
    int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }

  return rung_store_open (path, RUNG_STORE_OPEN_DEFAULT, error);
}

void
rung_store_close (RungStore *self)
{
  if (self == NULL)
    return;

  /* Statements go before the connection they belong to. */
  g_hash_table_unref (self->statements);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self);
}

/**
 * rung_store_begin_snapshot:
 *
 * Opens a read transaction: until the matching rung_store_end_snapshot(),
 * every read through @self sees the file as it is now, whatever other
 * connections write meanwhile (in WAL mode they go on writing; only the
 * checkpoint waits). For an export, which reads each candidate twice and
 * needs the same both times. Calls nest; writes through @self fail while
 * a snapshot is held.
 *
 * Returns: whether the snapshot is held (end it then)
 */
gboolean
rung_store_begin_snapshot (RungStore  *self,
                           GError    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->snapshot_depth == 0)
    {
      /* BEGIN alone takes no snapshot: the first read does. */
      if (!exec (self, "BEGIN DEFERRED", error))
        return FALSE;
      if (!exec (self, "SELECT count (*) FROM panel", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  self->snapshot_depth++;

  return TRUE;
}

void
rung_store_end_snapshot (RungStore *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->snapshot_depth > 0);

  /* Nothing was written: ending the read cannot lose anything. */
  if (--self->snapshot_depth == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

const char *
rung_store_get_path (RungStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
rung_store_is_read_only (RungStore *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->read_only;
}

/**
 * rung_store_get_opened_version:
 *
 * Returns: the schema version the file had when it was opened (before any
 *   migration)
 */
int
rung_store_get_opened_version (RungStore *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->opened_version;
}

sqlite3 *
_rung_store_get_database (RungStore *self)
{
  return self->db;
}

/* The panel */

RungPanelInfo *
rung_store_get_panel_info (RungStore  *self,
                           GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  RungPanelInfo *info;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT name, committee, cycle_name, cycle_start, cycle_end, created_at"
                                    " FROM panel WHERE id = 1",
                                    error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _rung_store_set_sqlite_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return NULL;
    }

  info = g_new0 (RungPanelInfo, 1);
  info->name = _rung_store_column_text (stmt, 0);
  info->committee = _rung_store_column_text (stmt, 1);
  info->cycle_name = _rung_store_column_text (stmt, 2);
  info->cycle_start = _rung_store_column_text (stmt, 3);
  info->cycle_end = _rung_store_column_text (stmt, 4);
  info->created_at = _rung_store_column_text (stmt, 5);

  return info;
}

gboolean
rung_store_update_panel_info (RungStore            *self,
                              const char           *who,
                              const RungPanelInfo  *info,
                              GError              **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (info != NULL && info->name != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  before = _rung_store_row_json (self, PANEL_JSON, 0, 0, NULL);
  ok = (!_rung_store_is_blank_text (info->name) || _rung_store_rule_broken (error, _("A panel needs a name."))) &&
       (stmt = _rung_store_prepare (self,
                                    "UPDATE panel SET name = ?1, committee = ?2, cycle_name = ?3,"
                                    " cycle_start = ?4, cycle_end = ?5 WHERE id = 1",
                                    error)) != NULL;
  if (ok)
    {
      _rung_store_bind_text (stmt, 1, info->name);
      _rung_store_bind_text (stmt, 2, info->committee);
      _rung_store_bind_text (stmt, 3, info->cycle_name);
      _rung_store_bind_text (stmt, 4, info->cycle_start);
      _rung_store_bind_text (stmt, 5, info->cycle_end);
      ok = _rung_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      after = _rung_store_row_json (self, PANEL_JSON, 0, 0, NULL);
      ok = _rung_store_audit (self, who, "update", "panel", 0, before, after, error);
    }

  return _rung_store_finish (self, ok, error);
}

/**
 * rung_store_get_ladder:
 * @sha256: (out) (optional): the SHA-256 stored with the snapshot
 *
 * Returns: (transfer full) (nullable): the ladder XML the panel was made with
 */
GBytes *
rung_store_get_ladder (RungStore  *self,
                       char      **sha256,
                       GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self, "SELECT ladder_xml, ladder_sha256 FROM panel WHERE id = 1", error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _rung_store_set_sqlite_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return NULL;
    }

  if (sha256 != NULL)
    *sha256 = _rung_store_column_text (stmt, 1);

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* The audit log */

static RungAuditRecord *
read_audit (sqlite3_stmt *stmt)
{
  RungAuditRecord *record = g_new0 (RungAuditRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->at = _rung_store_column_text (stmt, 1);
  record->who = _rung_store_column_text (stmt, 2);
  record->action = _rung_store_column_text (stmt, 3);
  record->entity = _rung_store_column_text (stmt, 4);
  record->entity_id = sqlite3_column_int64 (stmt, 5);
  record->before = _rung_store_column_text (stmt, 6);
  record->after = _rung_store_column_text (stmt, 7);

  return record;
}

/**
 * rung_store_list_audit:
 *
 * Returns: (transfer full) (element-type RungAuditRecord): the newest
 *   @limit entries of the audit log, newest first
 */
GPtrArray *
rung_store_list_audit (RungStore  *self,
                       guint       limit,
                       GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT id, at, who, action, entity, entity_id, before, after"
                                    " FROM audit ORDER BY id DESC LIMIT ?1",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit);

  return _rung_store_collect (self, stmt, (RungReadRow)read_audit,
                              (GDestroyNotify)rung_audit_record_free, error);
}

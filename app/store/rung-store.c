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
#define NOW_SQL         "strftime('%Y-%m-%dT%H:%M:%fZ','now')"

struct _RungStore
{
  sqlite3    *db;
  char       *path;
  gboolean    read_only;
  int         opened_version;
  GHashTable *statements;   /* SQL → prepared sqlite3_stmt, kept for reuse */
};

/* A statement borrowed from the store's cache: going out of scope resets it
 * for the next caller instead of finalizing it. Preparing SQL costs more than
 * running most of it. */
typedef sqlite3_stmt RungStatement;

static void
statement_release (RungStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungStatement, statement_release)

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
static gboolean
set_sqlite_error (RungStore  *self,
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
    return set_sqlite_error (self, error, rc);

  return TRUE;
}

/* Returns the statement for @sql from the cache, preparing it once. */
static RungStatement *
prepare (RungStore   *self,
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
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text ? g_strdup ((const char *)text) : NULL;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (RungStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, rc);

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

static gboolean
begin (RungStore  *self,
       GError    **error)
{
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
static gboolean
finish (RungStore  *self,
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

static gboolean
no_such_row (GError **error)
{
  g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW,
                       _("That is no longer in the panel."));
  return FALSE;
}

static gboolean
rule_broken (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE, message);
  return FALSE;
}

/* Whether @text is NULL, empty or white space alone; text that is not
 * UTF-8 is not blank. */
static gboolean
is_blank_text (const char *text)
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
  g_autoptr(RungStatement) stmt = prepare (self, sql, NULL);
  char *name = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = column_text (stmt, 0);
    }

  return name ? name : g_strdup ("");
}

static char *
candidate_name (RungStore *self,
                gint64     candidate_id)
{
  return lookup_name (self, "SELECT name FROM candidates WHERE id = ?1", candidate_id);
}

static char *
panelist_name (RungStore *self,
               gint64     panelist_id)
{
  return lookup_name (self, "SELECT name FROM panelists WHERE id = ?1", panelist_id);
}

/* The audit log: who changed what, when, and the row before and after, as
 * JSON. The JSON comes from SQL selecting json_object() of the row. */

static char *
row_json (RungStore  *self,
          const char *sql,
          gint64      a,
          gint64      b,
          const char *c)
{
  g_autoptr(RungStatement) stmt = prepare (self, sql, NULL);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  bind_text (stmt, 3, c);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return column_text (stmt, 0);
}

#define PANEL_JSON \
  "SELECT json_object ('name', name, 'committee', committee, 'cycle_name', cycle_name," \
  " 'cycle_start', cycle_start, 'cycle_end', cycle_end, 'ladder_sha256', ladder_sha256)" \
  " FROM panel WHERE id = 1 AND ?1 = ?1 AND ?2 = ?2 AND coalesce (?3, '') = coalesce (?3, '')"
#define CANDIDATE_JSON \
  "SELECT json_object ('id', id, 'name', name, 'current_level', current_level," \
  " 'target_level', target_level, 'manager', manager, 'team', team, 'status', status," \
  " 'summary', summary, 'deleted_at', deleted_at)" \
  " FROM candidates WHERE id = ?1 AND ?2 = ?2 AND coalesce (?3, '') = coalesce (?3, '')"
#define EVIDENCE_JSON \
  "SELECT json_object ('id', id, 'candidate_id', candidate_id, 'expectation_id', expectation_id," \
  " 'position', position, 'title', title, 'text', text, 'link', link, 'date', date, 'author', author)" \
  " FROM evidence WHERE id = ?1 AND ?2 = ?2 AND coalesce (?3, '') = coalesce (?3, '')"
#define PANELIST_JSON \
  "SELECT json_object ('id', id, 'name', name, 'role', role)" \
  " FROM panelists WHERE id = ?1 AND ?2 = ?2 AND coalesce (?3, '') = coalesce (?3, '')"
#define CONFLICT_JSON \
  "SELECT json_object ('panelist_id', panelist_id, 'candidate_id', candidate_id, 'reason', reason)" \
  " FROM conflicts WHERE panelist_id = ?1 AND candidate_id = ?2 AND coalesce (?3, '') = coalesce (?3, '')"
#define RATING_JSON \
  "SELECT json_object ('panelist_id', panelist_id, 'candidate_id', candidate_id," \
  " 'area_id', area_id, 'value', value, 'comment', comment)" \
  " FROM ratings WHERE panelist_id = ?1 AND candidate_id = ?2 AND area_id = ?3"
#define CONCERN_JSON \
  "SELECT json_object ('panelist_id', panelist_id, 'candidate_id', candidate_id," \
  " 'anti_pattern_id', anti_pattern_id, 'note', note)" \
  " FROM concerns WHERE panelist_id = ?1 AND candidate_id = ?2 AND anti_pattern_id = ?3"
#define DECISION_JSON \
  "SELECT json_object ('id', id, 'candidate_id', candidate_id, 'revision', revision," \
  " 'outcome_id', outcome_id, 'votes_for', votes_for, 'votes_against', votes_against," \
  " 'votes_abstain', votes_abstain, 'rationale', rationale, 'recorded_by', recorded_by," \
  " 'recorded_at', recorded_at, 'reason', reason)" \
  " FROM decisions WHERE id = ?1 AND ?2 = ?2 AND coalesce (?3, '') = coalesce (?3, '')"

static gboolean
audit (RungStore   *self,
       const char  *who,
       const char  *action,
       const char  *entity,
       gint64       entity_id,
       const char  *before,
       const char  *after,
       GError     **error)
{
  g_autoptr(RungStatement) stmt =
    prepare (self,
             "INSERT INTO audit (at, who, action, entity, entity_id, before, after)"
             " VALUES (" NOW_SQL ", ?1, ?2, ?3, ?4, ?5, ?6)",
             error);

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, who ? who : "");
  bind_text (stmt, 2, action);
  bind_text (stmt, 3, entity);
  if (entity_id != 0)
    sqlite3_bind_int64 (stmt, 4, entity_id);
  bind_text (stmt, 5, before);
  bind_text (stmt, 6, after);

  return step_done (self, stmt, error);
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

  if (!(stmt = prepare (self, "PRAGMA quick_check (1)", error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self, error, rc);

  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    return set_sqlite_error (self, error, SQLITE_CORRUPT);

  return TRUE;
}

static int
read_user_version (RungStore *self)
{
  g_autoptr(RungStatement) stmt = prepare (self, "PRAGMA user_version", NULL);

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
    return finish (self, TRUE, error);
  if (version < 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return set_sqlite_error (self, error, SQLITE_CORRUPT);
    }

  before = g_strdup_printf ("{\"version\":%d}", version);
  after = g_strdup_printf ("{\"version\":%d}", RUNG_STORE_SCHEMA_VERSION);

  for (int v = version; ok && v < RUNG_STORE_SCHEMA_VERSION; v++)
    ok = exec (self, _rung_store_migration (v), error);

  ok = ok &&
       exec (self, pragma, error) &&
       audit (self, who, "migrate", "panel", 0, before, after, error);

  return finish (self, ok, error);
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
      set_sqlite_error (self, error, rc);
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
    return set_sqlite_error (self, error, rc);

  sqlite3_extended_result_codes (self->db, TRUE);
  apply_connection_pragmas (self);

  if (!exec (self, "BEGIN IMMEDIATE", error) ||
      !exec (self, _rung_store_schema_v1 (), error) ||
      !exec (self, pragma, error) ||
      !(stmt = prepare (self,
                        "INSERT INTO panel (id, name, committee, cycle_name, cycle_start, cycle_end,"
                        " ladder_xml, ladder_sha256) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        error)))
    return finish (self, FALSE, NULL);

  bind_text (stmt, 1, info->name);
  bind_text (stmt, 2, info->committee);
  bind_text (stmt, 3, info->cycle_name);
  bind_text (stmt, 4, info->cycle_start);
  bind_text (stmt, 5, info->cycle_end);
  sqlite3_bind_blob (stmt, 6, data, (int)size, SQLITE_TRANSIENT);
  bind_text (stmt, 7, ladder_sha256);

  if (!finish (self, step_done (self, stmt, error) &&
                     audit (self, g_get_user_name (), "create", "panel", 0, NULL, NULL, error),
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

  if (is_blank_text (info->name))
    {
      rule_broken (error, _("A panel needs a name."));
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

  if (!(stmt = prepare (self,
                        "SELECT name, committee, cycle_name, cycle_start, cycle_end, created_at"
                        " FROM panel WHERE id = 1",
                        error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return NULL;
    }

  info = g_new0 (RungPanelInfo, 1);
  info->name = column_text (stmt, 0);
  info->committee = column_text (stmt, 1);
  info->cycle_name = column_text (stmt, 2);
  info->cycle_start = column_text (stmt, 3);
  info->cycle_end = column_text (stmt, 4);
  info->created_at = column_text (stmt, 5);

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

  if (!begin (self, error))
    return FALSE;

  before = row_json (self, PANEL_JSON, 0, 0, NULL);
  ok = (!is_blank_text (info->name) || rule_broken (error, _("A panel needs a name."))) &&
       (stmt = prepare (self,
                        "UPDATE panel SET name = ?1, committee = ?2, cycle_name = ?3,"
                        " cycle_start = ?4, cycle_end = ?5 WHERE id = 1",
                        error)) != NULL;
  if (ok)
    {
      bind_text (stmt, 1, info->name);
      bind_text (stmt, 2, info->committee);
      bind_text (stmt, 3, info->cycle_name);
      bind_text (stmt, 4, info->cycle_start);
      bind_text (stmt, 5, info->cycle_end);
      ok = step_done (self, stmt, error);
    }
  if (ok)
    {
      after = row_json (self, PANEL_JSON, 0, 0, NULL);
      ok = audit (self, who, "update", "panel", 0, before, after, error);
    }

  return finish (self, ok, error);
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

  if (!(stmt = prepare (self, "SELECT ladder_xml, ladder_sha256 FROM panel WHERE id = 1", error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return NULL;
    }

  if (sha256 != NULL)
    *sha256 = column_text (stmt, 1);

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* Candidates */

#define CANDIDATE_COLUMNS \
  "id, name, current_level, target_level, manager, team, status, summary, created_at, updated_at"

static RungCandidateRecord *
read_candidate (sqlite3_stmt *stmt)
{
  RungCandidateRecord *record = g_new0 (RungCandidateRecord, 1);
  g_autofree char *status = NULL;

  record->id = sqlite3_column_int64 (stmt, 0);
  record->name = column_text (stmt, 1);
  record->current_level = column_text (stmt, 2);
  record->target_level = column_text (stmt, 3);
  record->manager = column_text (stmt, 4);
  record->team = column_text (stmt, 5);
  status = column_text (stmt, 6);
  if (!rung_candidate_status_from_string (status, &record->status))
    record->status = RUNG_CANDIDATE_STATUS_DRAFT;
  record->summary = column_text (stmt, 7);
  if (record->summary == NULL)
    record->summary = g_strdup ("");
  record->created_at = column_text (stmt, 8);
  record->updated_at = column_text (stmt, 9);

  return record;
}

/* Whether the candidate exists and is not deleted. */
static gboolean
candidate_is_live (RungStore  *self,
                   gint64      candidate_id,
                   GError    **error)
{
  g_autoptr(RungStatement) stmt =
    prepare (self, "SELECT 1 FROM candidates WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return no_such_row (error);

  return TRUE;
}

static gboolean
check_candidate_record (const RungCandidateRecord  *record,
                        GError                    **error)
{
  if (is_blank_text (record->name))
    return rule_broken (error, _("A candidate needs a name."));

  if (record->target_level == NULL)
    return rule_broken (error, _("A candidate needs a target level."));

  return TRUE;
}

gint64
rung_store_add_candidate (RungStore                  *self,
                          const char                 *who,
                          const RungCandidateRecord  *record,
                          GError                    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *after = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record != NULL, 0);

  if (!begin (self, error))
    return 0;

  ok = check_candidate_record (record, error) &&
       (stmt = prepare (self,
                        "INSERT INTO candidates (name, current_level, target_level, manager, team,"
                        " status, summary, created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " NOW_SQL ", " NOW_SQL ")",
                        error)) != NULL;
  if (ok)
    {
      bind_text (stmt, 1, record->name);
      bind_text (stmt, 2, record->current_level);
      bind_text (stmt, 3, record->target_level);
      bind_text (stmt, 4, record->manager);
      bind_text (stmt, 5, record->team);
      bind_text (stmt, 6, rung_candidate_status_to_string (record->status));
      bind_text (stmt, 7, record->summary ? record->summary : "");
      ok = step_done (self, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      after = row_json (self, CANDIDATE_JSON, id, 0, NULL);
      ok = audit (self, who, "add", "candidate", id, NULL, after, error);
    }

  return finish (self, ok, error) ? id : 0;
}

gboolean
rung_store_update_candidate (RungStore                  *self,
                             const char                 *who,
                             const RungCandidateRecord  *record,
                             GError                    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ok = candidate_is_live (self, record->id, error) &&
       check_candidate_record (record, error);
  if (ok)
    {
      before = row_json (self, CANDIDATE_JSON, record->id, 0, NULL);
      ok = (stmt = prepare (self,
                            "UPDATE candidates SET name = ?2, current_level = ?3, target_level = ?4,"
                            " manager = ?5, team = ?6, status = ?7, summary = ?8,"
                            " updated_at = " NOW_SQL " WHERE id = ?1",
                            error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      bind_text (stmt, 2, record->name);
      bind_text (stmt, 3, record->current_level);
      bind_text (stmt, 4, record->target_level);
      bind_text (stmt, 5, record->manager);
      bind_text (stmt, 6, record->team);
      bind_text (stmt, 7, rung_candidate_status_to_string (record->status));
      bind_text (stmt, 8, record->summary ? record->summary : "");
      ok = step_done (self, stmt, error);
    }
  if (ok)
    {
      after = row_json (self, CANDIDATE_JSON, record->id, 0, NULL);
      ok = audit (self, who, "update", "candidate", record->id, before, after, error);
    }

  return finish (self, ok, error);
}

static gboolean
set_candidate_deleted (RungStore   *self,
                       const char  *who,
                       gint64       candidate_id,
                       gboolean     deleted,
                       GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;

  before = row_json (self, CANDIDATE_JSON, candidate_id, 0, NULL);
  ok = (stmt = prepare (self,
                        deleted
                        ? "UPDATE candidates SET deleted_at = " NOW_SQL " WHERE id = ?1 AND deleted_at IS NULL"
                        : "UPDATE candidates SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                        error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, candidate_id);
      ok = step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) != 1)
    ok = no_such_row (error);
  if (ok)
    {
      after = row_json (self, CANDIDATE_JSON, candidate_id, 0, NULL);
      ok = audit (self, who, deleted ? "delete" : "restore", "candidate", candidate_id,
                  before, after, error);
    }

  return finish (self, ok, error);
}

/**
 * rung_store_delete_candidate:
 *
 * Marks the candidate deleted. Their evidence, ratings and decisions stay in
 * the file, so rung_store_restore_candidate() brings everything back.
 */
gboolean
rung_store_delete_candidate (RungStore   *self,
                             const char  *who,
                             gint64       candidate_id,
                             GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return set_candidate_deleted (self, who, candidate_id, TRUE, error);
}

gboolean
rung_store_restore_candidate (RungStore   *self,
                              const char  *who,
                              gint64       candidate_id,
                              GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return set_candidate_deleted (self, who, candidate_id, FALSE, error);
}

RungCandidateRecord *
rung_store_get_candidate (RungStore  *self,
                          gint64      candidate_id,
                          GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT " CANDIDATE_COLUMNS " FROM candidates"
                        " WHERE id = ?1 AND deleted_at IS NULL",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      no_such_row (error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return read_candidate (stmt);
}

/* Collects one record per row; NULL and @error on failure. */
typedef gpointer (*ReadRow) (sqlite3_stmt *stmt);

static GPtrArray *
collect (RungStore      *self,
         sqlite3_stmt   *stmt,
         ReadRow         read_row,
         GDestroyNotify  free_record,
         GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_record);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_row (stmt));

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * rung_store_list_candidates:
 *
 * Returns: (transfer full) (element-type RungCandidateRecord): the live
 *   candidates, by name
 */
GPtrArray *
rung_store_list_candidates (RungStore  *self,
                            GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT " CANDIDATE_COLUMNS " FROM candidates WHERE deleted_at IS NULL"
                        " ORDER BY name COLLATE NOCASE, id",
                        error)))
    return NULL;

  return collect (self, stmt, (ReadRow)read_candidate,
                  (GDestroyNotify)rung_candidate_record_free, error);
}

/* Whether the FTS5 tokenizer (unicode61) finds a token in @word: it keeps
 * letters, digits, marks and private-use characters and drops the rest. */
static gboolean
has_token (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c) ||
          g_unichar_type (c) == G_UNICODE_PRIVATE_USE)
        return TRUE;
    }

  return FALSE;
}

/* The words of a query as FTS5 prefix terms. Each word is an FTS5 string,
 * quoted with its quotes doubled and followed by `*`, so no text a user types
 * is ever FTS5 syntax: `AND`, `NEAR(` or a lone `"` are words like any other.
 * Words with nothing the tokenizer keeps (punctuation, emoji) are left out,
 * as they are left out of the index. */
static GPtrArray *
query_terms (const char *query)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  g_assert (g_utf8_validate (query, -1, NULL));

  for (const char *p = query; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && !g_unichar_isspace (c))
        {
          if (c == '"')
            g_string_append_c (word, '"');
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0 && has_token (word->str))
        g_ptr_array_add (terms, g_strdup_printf ("\"%s\"*", word->str));
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);

  return terms;
}

static GHashTable *
ids_matching_term (RungStore   *self,
                   const char  *term,
                   GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  if (!(stmt = prepare (self,
                        "SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH ?1"
                        " UNION"
                        " SELECT evidence.candidate_id FROM evidence_fts"
                        "  JOIN evidence ON evidence.id = evidence_fts.rowid"
                        "  WHERE evidence_fts MATCH ?1",
                        error)))
    return NULL;

  bind_text (stmt, 1, term);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * rung_store_search_candidates:
 *
 * Finds the live candidates whose name, manager, team, summary or evidence
 * holds every word of @query (as a word or the start of one). Any text is a
 * valid query; an empty one finds every candidate.
 *
 * Returns: (transfer full) (element-type gint64): candidate ids, by name
 */
GArray *
rung_store_search_candidates (RungStore   *self,
                              const char  *query,
                              GError     **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *valid = NULL;
  GArray *ids;

  g_return_val_if_fail (self != NULL, NULL);

  valid = g_utf8_make_valid (query ? query : "", -1);
  terms = query_terms (valid);

  for (guint i = 0; i < terms->len; i++)
    {
      g_autoptr(GHashTable) matching = ids_matching_term (self, g_ptr_array_index (terms, i), error);
      GHashTableIter iter;
      gpointer key;

      if (matching == NULL)
        return NULL;

      if (found == NULL)
        {
          found = g_steal_pointer (&matching);
          continue;
        }

      g_hash_table_iter_init (&iter, found);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (matching, key))
          g_hash_table_iter_remove (&iter);
    }

  if (!(candidates = rung_store_list_candidates (self, error)))
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Text made only of punctuation finds nothing. */
  if (terms->len == 0 && !is_blank_text (valid))
    return ids;

  for (guint i = 0; i < candidates->len; i++)
    {
      RungCandidateRecord *record = g_ptr_array_index (candidates, i);

      if (found == NULL || g_hash_table_contains (found, &record->id))
        g_array_append_val (ids, record->id);
    }

  return ids;
}

/* Evidence */

#define EVIDENCE_COLUMNS \
  "id, candidate_id, expectation_id, position, title, text, link, date, author, created_at, updated_at"

static RungEvidenceRecord *
read_evidence (sqlite3_stmt *stmt)
{
  RungEvidenceRecord *record = g_new0 (RungEvidenceRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->candidate_id = sqlite3_column_int64 (stmt, 1);
  record->expectation_id = column_text (stmt, 2);
  record->position = sqlite3_column_int (stmt, 3);
  record->title = column_text (stmt, 4);
  record->text = column_text (stmt, 5);
  record->link = column_text (stmt, 6);
  record->date = column_text (stmt, 7);
  record->author = column_text (stmt, 8);
  record->created_at = column_text (stmt, 9);
  record->updated_at = column_text (stmt, 10);

  return record;
}

/* The candidate an evidence item belongs to, if both are live. */
static gboolean
evidence_is_live (RungStore  *self,
                  gint64      evidence_id,
                  GError    **error)
{
  g_autoptr(RungStatement) stmt =
    prepare (self,
             "SELECT 1 FROM evidence JOIN candidates ON candidates.id = evidence.candidate_id"
             " WHERE evidence.id = ?1 AND candidates.deleted_at IS NULL",
             error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return no_such_row (error);

  return TRUE;
}

gint64
rung_store_add_evidence (RungStore                 *self,
                         const char                *who,
                         const RungEvidenceRecord  *record,
                         GError                   **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *after = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record != NULL && record->expectation_id != NULL, 0);

  if (!begin (self, error))
    return 0;

  ok = candidate_is_live (self, record->candidate_id, error) &&
       (stmt = prepare (self,
                        "INSERT INTO evidence (candidate_id, expectation_id, position, title, text,"
                        " link, date, author, created_at, updated_at)"
                        " VALUES (?1, ?2, (SELECT coalesce (max (position), 0) + 1 FROM evidence"
                        "                  WHERE candidate_id = ?1 AND expectation_id = ?2),"
                        " ?3, ?4, ?5, ?6, ?7, " NOW_SQL ", " NOW_SQL ")",
                        error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->candidate_id);
      bind_text (stmt, 2, record->expectation_id);
      bind_text (stmt, 3, record->title ? record->title : "");
      bind_text (stmt, 4, record->text ? record->text : "");
      bind_text (stmt, 5, record->link);
      bind_text (stmt, 6, record->date);
      bind_text (stmt, 7, record->author);
      ok = step_done (self, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      after = row_json (self, EVIDENCE_JSON, id, 0, NULL);
      ok = audit (self, who, "add", "evidence", id, NULL, after, error);
    }

  return finish (self, ok, error) ? id : 0;
}

gboolean
rung_store_update_evidence (RungStore                 *self,
                            const char                *who,
                            const RungEvidenceRecord  *record,
                            GError                   **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ok = evidence_is_live (self, record->id, error);
  if (ok)
    {
      before = row_json (self, EVIDENCE_JSON, record->id, 0, NULL);
      ok = (stmt = prepare (self,
                            "UPDATE evidence SET title = ?2, text = ?3, link = ?4, date = ?5,"
                            " author = ?6, updated_at = " NOW_SQL " WHERE id = ?1",
                            error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      bind_text (stmt, 2, record->title ? record->title : "");
      bind_text (stmt, 3, record->text ? record->text : "");
      bind_text (stmt, 4, record->link);
      bind_text (stmt, 5, record->date);
      bind_text (stmt, 6, record->author);
      ok = step_done (self, stmt, error);
    }
  if (ok)
    {
      after = row_json (self, EVIDENCE_JSON, record->id, 0, NULL);
      ok = audit (self, who, "update", "evidence", record->id, before, after, error);
    }

  return finish (self, ok, error);
}

gboolean
rung_store_delete_evidence (RungStore   *self,
                            const char  *who,
                            gint64       evidence_id,
                            GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ok = evidence_is_live (self, evidence_id, error);
  if (ok)
    {
      /* The audit log keeps the item's words, so a deletion can be traced. */
      before = row_json (self, EVIDENCE_JSON, evidence_id, 0, NULL);
      ok = (stmt = prepare (self, "DELETE FROM evidence WHERE id = ?1", error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, evidence_id);
      ok = step_done (self, stmt, error) &&
           audit (self, who, "delete", "evidence", evidence_id, before, NULL, error);
    }

  return finish (self, ok, error);
}

RungEvidenceRecord *
rung_store_get_evidence (RungStore  *self,
                         gint64      evidence_id,
                         GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE id = ?1 AND candidate_id IN"
                        " (SELECT id FROM candidates WHERE deleted_at IS NULL)",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      no_such_row (error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return read_evidence (stmt);
}

/**
 * rung_store_list_evidence:
 *
 * Returns: (transfer full) (element-type RungEvidenceRecord): the candidate's
 *   evidence, by expectation and then in the order it was added
 */
GPtrArray *
rung_store_list_evidence (RungStore  *self,
                          gint64      candidate_id,
                          GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE candidate_id = ?1"
                        " ORDER BY expectation_id, position, id",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  return collect (self, stmt, (ReadRow)read_evidence,
                  (GDestroyNotify)rung_evidence_record_free, error);
}

/* Panelists and conflicts */

static RungPanelistRecord *
read_panelist (sqlite3_stmt *stmt)
{
  RungPanelistRecord *record = g_new0 (RungPanelistRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->name = column_text (stmt, 1);
  record->role = column_text (stmt, 2);

  return record;
}

static gboolean
panelist_exists (RungStore  *self,
                 gint64      panelist_id,
                 GError    **error)
{
  g_autoptr(RungStatement) stmt = prepare (self, "SELECT 1 FROM panelists WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, panelist_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return no_such_row (error);

  return TRUE;
}

/* A panelist needs a name no other panelist has. */
static gboolean
check_panelist_name (RungStore   *self,
                     gint64       panelist_id,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  if (is_blank_text (name))
    return rule_broken (error, _("A panelist needs a name."));

  if (!(stmt = prepare (self, "SELECT 1 FROM panelists WHERE name = ?1 AND id != ?2", error)))
    return FALSE;

  bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, panelist_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("The panel already has a panelist named “%s”."), name);
      return FALSE;
    }

  return TRUE;
}

gint64
rung_store_add_panelist (RungStore   *self,
                         const char  *who,
                         const char  *name,
                         const char  *role,
                         GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *after = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!begin (self, error))
    return 0;

  ok = check_panelist_name (self, 0, name, error) &&
       (stmt = prepare (self, "INSERT INTO panelists (name, role) VALUES (?1, ?2)", error)) != NULL;
  if (ok)
    {
      bind_text (stmt, 1, name);
      bind_text (stmt, 2, role);
      ok = step_done (self, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      after = row_json (self, PANELIST_JSON, id, 0, NULL);
      ok = audit (self, who, "add", "panelist", id, NULL, after, error);
    }

  return finish (self, ok, error) ? id : 0;
}

gboolean
rung_store_update_panelist (RungStore                 *self,
                            const char                *who,
                            const RungPanelistRecord  *record,
                            GError                   **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (record != NULL && record->name != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ok = panelist_exists (self, record->id, error) &&
       check_panelist_name (self, record->id, record->name, error);
  if (ok)
    {
      before = row_json (self, PANELIST_JSON, record->id, 0, NULL);
      ok = (stmt = prepare (self, "UPDATE panelists SET name = ?2, role = ?3 WHERE id = ?1", error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      bind_text (stmt, 2, record->name);
      bind_text (stmt, 3, record->role);
      ok = step_done (self, stmt, error);
    }
  if (ok)
    {
      after = row_json (self, PANELIST_JSON, record->id, 0, NULL);
      ok = audit (self, who, "update", "panelist", record->id, before, after, error);
    }

  return finish (self, ok, error);
}

gboolean
rung_store_delete_panelist (RungStore   *self,
                            const char  *who,
                            gint64       panelist_id,
                            GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ok = panelist_exists (self, panelist_id, error);
  if (ok)
    {
      before = row_json (self, PANELIST_JSON, panelist_id, 0, NULL);
      ok = (stmt = prepare (self, "DELETE FROM panelists WHERE id = ?1", error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, panelist_id);
      ok = step_done (self, stmt, error) &&
           audit (self, who, "delete", "panelist", panelist_id, before, NULL, error);
    }

  return finish (self, ok, error);
}

GPtrArray *
rung_store_list_panelists (RungStore  *self,
                           GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = prepare (self, "SELECT id, name, role FROM panelists ORDER BY id", error)))
    return NULL;

  return collect (self, stmt, (ReadRow)read_panelist,
                  (GDestroyNotify)rung_panelist_record_free, error);
}

/* Removes the panelist's ratings and concerns for a candidate, each audited. */
static gboolean
withdraw_ratings_and_concerns (RungStore   *self,
                               const char  *who,
                               gint64       panelist_id,
                               gint64       candidate_id,
                               GError     **error)
{
  static const struct { const char *select, *remove, *entity; } kinds[] = {
    { "SELECT json_object ('panelist_id', panelist_id, 'candidate_id', candidate_id,"
      " 'area_id', area_id, 'value', value, 'comment', comment)"
      " FROM ratings WHERE panelist_id = ?1 AND candidate_id = ?2",
      "DELETE FROM ratings WHERE panelist_id = ?1 AND candidate_id = ?2", "rating" },
    { "SELECT json_object ('panelist_id', panelist_id, 'candidate_id', candidate_id,"
      " 'anti_pattern_id', anti_pattern_id, 'note', note)"
      " FROM concerns WHERE panelist_id = ?1 AND candidate_id = ?2",
      "DELETE FROM concerns WHERE panelist_id = ?1 AND candidate_id = ?2", "concern" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(RungStatement) select = prepare (self, kinds[i].select, error);
      g_autoptr(RungStatement) remove = NULL;

      if (select == NULL)
        return FALSE;

      sqlite3_bind_int64 (select, 1, panelist_id);
      sqlite3_bind_int64 (select, 2, candidate_id);
      while (sqlite3_step (select) == SQLITE_ROW)
        if (!audit (self, who, "withdraw", kinds[i].entity, candidate_id,
                    (const char *)sqlite3_column_text (select, 0), NULL, error))
          return FALSE;

      if (!(remove = prepare (self, kinds[i].remove, error)))
        return FALSE;
      sqlite3_bind_int64 (remove, 1, panelist_id);
      sqlite3_bind_int64 (remove, 2, candidate_id);
      if (!step_done (self, remove, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rung_store_set_conflict:
 *
 * Declares a conflict of interest; the panelist's ratings and concerns for
 * the candidate are withdrawn in the same transaction.
 */
gboolean
rung_store_set_conflict (RungStore   *self,
                         const char  *who,
                         gint64       panelist_id,
                         gint64       candidate_id,
                         const char  *reason,
                         GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ok = panelist_exists (self, panelist_id, error) &&
       candidate_is_live (self, candidate_id, error);
  if (ok)
    {
      before = row_json (self, CONFLICT_JSON, panelist_id, candidate_id, NULL);
      ok = (stmt = prepare (self,
                            "INSERT INTO conflicts (panelist_id, candidate_id, reason) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (panelist_id, candidate_id) DO UPDATE SET reason = excluded.reason",
                            error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, panelist_id);
      sqlite3_bind_int64 (stmt, 2, candidate_id);
      bind_text (stmt, 3, reason);
      ok = step_done (self, stmt, error) &&
           withdraw_ratings_and_concerns (self, who, panelist_id, candidate_id, error);
    }
  if (ok)
    {
      after = row_json (self, CONFLICT_JSON, panelist_id, candidate_id, NULL);
      ok = audit (self, who, "set", "conflict", candidate_id, before, after, error);
    }

  return finish (self, ok, error);
}

gboolean
rung_store_clear_conflict (RungStore   *self,
                           const char  *who,
                           gint64       panelist_id,
                           gint64       candidate_id,
                           GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ok = panelist_exists (self, panelist_id, error) &&
       candidate_is_live (self, candidate_id, error);
  if (ok)
    {
      before = row_json (self, CONFLICT_JSON, panelist_id, candidate_id, NULL);
      ok = (stmt = prepare (self, "DELETE FROM conflicts WHERE panelist_id = ?1 AND candidate_id = ?2",
                            error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, panelist_id);
      sqlite3_bind_int64 (stmt, 2, candidate_id);
      ok = step_done (self, stmt, error);
    }
  if (ok && before != NULL)
    ok = audit (self, who, "clear", "conflict", candidate_id, before, NULL, error);

  return finish (self, ok, error);
}

static RungConflictRecord *
read_conflict (sqlite3_stmt *stmt)
{
  RungConflictRecord *record = g_new0 (RungConflictRecord, 1);

  record->panelist_id = sqlite3_column_int64 (stmt, 0);
  record->candidate_id = sqlite3_column_int64 (stmt, 1);
  record->reason = column_text (stmt, 2);

  return record;
}

GPtrArray *
rung_store_list_conflicts (RungStore  *self,
                           GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT panelist_id, candidate_id, reason FROM conflicts"
                        " ORDER BY panelist_id, candidate_id",
                        error)))
    return NULL;

  return collect (self, stmt, (ReadRow)read_conflict,
                  (GDestroyNotify)rung_conflict_record_free, error);
}

/* Ratings and concerns */

/* The schema's triggers refuse a conflicted panelist's rating or concern;
 * this says so in words. */
static gboolean
conflict_refused (RungStore   *self,
                  const char  *entity,
                  gint64       panelist_id,
                  gint64       candidate_id,
                  GError     **error)
{
  g_autofree char *panelist = panelist_name (self, panelist_id);
  g_autofree char *candidate = candidate_name (self, candidate_id);

  if (g_str_equal (entity, "rating"))
    g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                 _("%s has a conflict of interest with %s and cannot rate them."),
                 panelist, candidate);
  else
    g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                 _("%s has a conflict of interest with %s and cannot raise concerns about them."),
                 panelist, candidate);

  return FALSE;
}

/* Upserts or deletes one rating or concern and audits it. */
static gboolean
write_opinion (RungStore   *self,
               const char  *who,
               const char  *entity,
               const char  *json_sql,
               const char  *write_sql,
               gint64       panelist_id,
               gint64       candidate_id,
               const char  *key,
               gboolean     has_value,
               int          value,
               const char  *text,
               GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;
  int rc;

  if (!begin (self, error))
    return FALSE;

  ok = panelist_exists (self, panelist_id, error) &&
       candidate_is_live (self, candidate_id, error);
  if (ok)
    {
      before = row_json (self, json_sql, panelist_id, candidate_id, key);
      ok = (stmt = prepare (self, write_sql, error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, panelist_id);
      sqlite3_bind_int64 (stmt, 2, candidate_id);
      bind_text (stmt, 3, key);
      if (has_value)
        sqlite3_bind_int (stmt, 4, value);
      if (text != NULL)
        bind_text (stmt, has_value ? 5 : 4, text);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        ok = TRUE;
      else if (rc == SQLITE_CONSTRAINT_TRIGGER && g_strcmp0 (sqlite3_errmsg (self->db), "conflict") == 0)
        ok = conflict_refused (self, entity, panelist_id, candidate_id, error);
      else
        ok = set_sqlite_error (self, error, rc);
    }
  if (ok)
    {
      after = row_json (self, json_sql, panelist_id, candidate_id, key);
      if (before != NULL || after != NULL)
        ok = audit (self, who, after ? "set" : "clear", entity, candidate_id, before, after, error);
    }

  return finish (self, ok, error);
}

gboolean
rung_store_set_rating (RungStore   *self,
                       const char  *who,
                       gint64       panelist_id,
                       gint64       candidate_id,
                       const char  *area_id,
                       int          value,
                       const char  *comment,
                       GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (area_id != NULL, FALSE);

  return write_opinion (self, who, "rating", RATING_JSON,
                        "INSERT INTO ratings (panelist_id, candidate_id, area_id, value, comment, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, " NOW_SQL ")"
                        " ON CONFLICT (panelist_id, candidate_id, area_id) DO UPDATE SET"
                        " value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at",
                        panelist_id, candidate_id, area_id, TRUE, value,
                        comment ? comment : "", error);
}

gboolean
rung_store_clear_rating (RungStore   *self,
                         const char  *who,
                         gint64       panelist_id,
                         gint64       candidate_id,
                         const char  *area_id,
                         GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (area_id != NULL, FALSE);

  return write_opinion (self, who, "rating", RATING_JSON,
                        "DELETE FROM ratings WHERE panelist_id = ?1 AND candidate_id = ?2 AND area_id = ?3",
                        panelist_id, candidate_id, area_id, FALSE, 0, NULL, error);
}

static RungRatingRecord *
read_rating (sqlite3_stmt *stmt)
{
  RungRatingRecord *record = g_new0 (RungRatingRecord, 1);

  record->panelist_id = sqlite3_column_int64 (stmt, 0);
  record->candidate_id = sqlite3_column_int64 (stmt, 1);
  record->area_id = column_text (stmt, 2);
  record->value = sqlite3_column_int (stmt, 3);
  record->comment = column_text (stmt, 4);
  if (record->comment == NULL)
    record->comment = g_strdup ("");
  record->updated_at = column_text (stmt, 5);

  return record;
}

GPtrArray *
rung_store_list_ratings (RungStore  *self,
                         gint64      candidate_id,
                         GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT panelist_id, candidate_id, area_id, value, comment, updated_at"
                        " FROM ratings WHERE candidate_id = ?1 ORDER BY panelist_id, area_id",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  return collect (self, stmt, (ReadRow)read_rating,
                  (GDestroyNotify)rung_rating_record_free, error);
}

gboolean
rung_store_set_concern (RungStore   *self,
                        const char  *who,
                        gint64       panelist_id,
                        gint64       candidate_id,
                        const char  *anti_pattern_id,
                        const char  *note,
                        GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (anti_pattern_id != NULL, FALSE);

  return write_opinion (self, who, "concern", CONCERN_JSON,
                        "INSERT INTO concerns (panelist_id, candidate_id, anti_pattern_id, note, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, " NOW_SQL ")"
                        " ON CONFLICT (panelist_id, candidate_id, anti_pattern_id) DO UPDATE SET"
                        " note = excluded.note, updated_at = excluded.updated_at",
                        panelist_id, candidate_id, anti_pattern_id, FALSE, 0,
                        note ? note : "", error);
}

gboolean
rung_store_clear_concern (RungStore   *self,
                          const char  *who,
                          gint64       panelist_id,
                          gint64       candidate_id,
                          const char  *anti_pattern_id,
                          GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (anti_pattern_id != NULL, FALSE);

  return write_opinion (self, who, "concern", CONCERN_JSON,
                        "DELETE FROM concerns WHERE panelist_id = ?1 AND candidate_id = ?2"
                        " AND anti_pattern_id = ?3",
                        panelist_id, candidate_id, anti_pattern_id, FALSE, 0, NULL, error);
}

static RungConcernRecord *
read_concern (sqlite3_stmt *stmt)
{
  RungConcernRecord *record = g_new0 (RungConcernRecord, 1);

  record->panelist_id = sqlite3_column_int64 (stmt, 0);
  record->candidate_id = sqlite3_column_int64 (stmt, 1);
  record->anti_pattern_id = column_text (stmt, 2);
  record->note = column_text (stmt, 3);
  if (record->note == NULL)
    record->note = g_strdup ("");
  record->updated_at = column_text (stmt, 4);

  return record;
}

GPtrArray *
rung_store_list_concerns (RungStore  *self,
                          gint64      candidate_id,
                          GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT panelist_id, candidate_id, anti_pattern_id, note, updated_at"
                        " FROM concerns WHERE candidate_id = ?1 ORDER BY panelist_id, anti_pattern_id",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  return collect (self, stmt, (ReadRow)read_concern,
                  (GDestroyNotify)rung_concern_record_free, error);
}

/* Decisions */

static gboolean
count_eligible_voters (RungStore  *self,
                       gint64      candidate_id,
                       gint64     *eligible,
                       GError    **error)
{
  g_autoptr(RungStatement) stmt =
    prepare (self,
             "SELECT count (*) FROM panelists WHERE id NOT IN"
             " (SELECT panelist_id FROM conflicts WHERE candidate_id = ?1)",
             error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return set_sqlite_error (self, error, SQLITE_IOERR);

  *eligible = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static int
next_revision (RungStore *self,
               gint64     candidate_id)
{
  g_autoptr(RungStatement) stmt =
    prepare (self, "SELECT coalesce (max (revision), 0) + 1 FROM decisions WHERE candidate_id = ?1", NULL);

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int (stmt, 0);
}

/* A decided candidate says so, in the same transaction as the decision, and
 * the audit log records the change of status like any other. */
static gboolean
mark_decided (RungStore   *self,
              const char  *who,
              gint64       candidate_id,
              GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!(stmt = prepare (self,
                        "UPDATE candidates SET status = 'decided', updated_at = " NOW_SQL
                        " WHERE id = ?1 AND status != 'decided'",
                        error)))
    return FALSE;

  before = row_json (self, CANDIDATE_JSON, candidate_id, 0, NULL);
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    return TRUE;

  after = row_json (self, CANDIDATE_JSON, candidate_id, 0, NULL);

  return audit (self, who, "update", "candidate", candidate_id, before, after, error);
}

/**
 * rung_store_record_decision:
 *
 * Appends a revision of the decision on a candidate. A revision after the
 * first needs a reason; a rationale is always needed; the votes cannot be
 * more than the panelists without a conflict. The candidate is marked
 * decided in the same transaction. On disk when it returns.
 *
 * Returns: the new decision's id, or 0 with @error set
 */
gint64
rung_store_record_decision (RungStore                 *self,
                            const char                *who,
                            const RungDecisionRecord  *record,
                            GError                   **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *after = NULL;
  gint64 eligible = 0;
  gint64 id = 0;
  int revision;
  gboolean ok;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record != NULL && record->outcome_id != NULL, 0);

  if (!begin (self, error))
    return 0;

  ok = candidate_is_live (self, record->candidate_id, error) &&
       count_eligible_voters (self, record->candidate_id, &eligible, error);
  revision = ok ? next_revision (self, record->candidate_id) : -1;

  if (ok && revision < 1)
    ok = set_sqlite_error (self, error, SQLITE_IOERR);
  else if (ok && is_blank_text (record->rationale))
    ok = rule_broken (error, _("A decision needs a rationale."));
  else if (ok && revision > 1 && is_blank_text (record->reason))
    ok = rule_broken (error, _("A changed decision needs a reason."));
  else if (ok && (record->votes_for < 0 || record->votes_against < 0 || record->votes_abstain < 0))
    ok = rule_broken (error, _("Votes cannot be negative."));
  else if (ok && (gint64)record->votes_for + record->votes_against + record->votes_abstain > eligible)
    {
      g_autofree char *name = candidate_name (self, record->candidate_id);

      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   ngettext ("Only %u panelist without a conflict can vote on %s.",
                             "Only %u panelists without a conflict can vote on %s.",
                             (gulong)eligible),
                   (guint)eligible, name);
      ok = FALSE;
    }

  if (ok)
    ok = (stmt = prepare (self,
                          "INSERT INTO decisions (candidate_id, revision, outcome_id, votes_for,"
                          " votes_against, votes_abstain, rationale, recorded_by, recorded_at, reason)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " NOW_SQL ", ?9)",
                          error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->candidate_id);
      sqlite3_bind_int (stmt, 2, revision);
      bind_text (stmt, 3, record->outcome_id);
      sqlite3_bind_int (stmt, 4, record->votes_for);
      sqlite3_bind_int (stmt, 5, record->votes_against);
      sqlite3_bind_int (stmt, 6, record->votes_abstain);
      bind_text (stmt, 7, record->rationale);
      bind_text (stmt, 8, record->recorded_by ? record->recorded_by : who);
      bind_text (stmt, 9, revision > 1 ? record->reason : NULL);
      ok = step_done (self, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      after = row_json (self, DECISION_JSON, id, 0, NULL);
      ok = audit (self, who, "record", "decision", id, NULL, after, error) &&
           mark_decided (self, who, record->candidate_id, error);
    }

  return finish (self, ok, error) ? id : 0;
}

static RungDecisionRecord *
read_decision (sqlite3_stmt *stmt)
{
  RungDecisionRecord *record = g_new0 (RungDecisionRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->candidate_id = sqlite3_column_int64 (stmt, 1);
  record->revision = sqlite3_column_int (stmt, 2);
  record->outcome_id = column_text (stmt, 3);
  record->votes_for = sqlite3_column_int (stmt, 4);
  record->votes_against = sqlite3_column_int (stmt, 5);
  record->votes_abstain = sqlite3_column_int (stmt, 6);
  record->rationale = column_text (stmt, 7);
  record->recorded_by = column_text (stmt, 8);
  record->recorded_at = column_text (stmt, 9);
  record->reason = column_text (stmt, 10);

  return record;
}

GPtrArray *
rung_store_list_decisions (RungStore  *self,
                           gint64      candidate_id,
                           GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT id, candidate_id, revision, outcome_id, votes_for, votes_against,"
                        " votes_abstain, rationale, recorded_by, recorded_at, reason"
                        " FROM decisions WHERE candidate_id = ?1 ORDER BY revision",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  return collect (self, stmt, (ReadRow)read_decision,
                  (GDestroyNotify)rung_decision_record_free, error);
}

/* The audit log */

static RungAuditRecord *
read_audit (sqlite3_stmt *stmt)
{
  RungAuditRecord *record = g_new0 (RungAuditRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->at = column_text (stmt, 1);
  record->who = column_text (stmt, 2);
  record->action = column_text (stmt, 3);
  record->entity = column_text (stmt, 4);
  record->entity_id = sqlite3_column_int64 (stmt, 5);
  record->before = column_text (stmt, 6);
  record->after = column_text (stmt, 7);

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

  if (!(stmt = prepare (self,
                        "SELECT id, at, who, action, entity, entity_id, before, after"
                        " FROM audit ORDER BY id DESC LIMIT ?1",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit);

  return collect (self, stmt, (ReadRow)read_audit,
                  (GDestroyNotify)rung_audit_record_free, error);
}

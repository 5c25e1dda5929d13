/* rung-store-candidates.c: the candidates of a panel file, their evidence,
 * and the full-text search over both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-store-private.h"

/* Candidates */

#define CANDIDATE_COLUMNS \
  "id, name, current_level, target_level, manager, team, status, summary, created_at, updated_at," \
  " coverage_override"

static RungCandidateRecord *
read_candidate (sqlite3_stmt *stmt)
{
  RungCandidateRecord *record = g_new0 (RungCandidateRecord, 1);
  g_autofree char *status = NULL;

  record->id = sqlite3_column_int64 (stmt, 0);
  record->name = _rung_store_column_text (stmt, 1);
  record->current_level = _rung_store_column_text (stmt, 2);
  record->target_level = _rung_store_column_text (stmt, 3);
  record->manager = _rung_store_column_text (stmt, 4);
  record->team = _rung_store_column_text (stmt, 5);
  status = _rung_store_column_text (stmt, 6);
  if (!rung_candidate_status_from_string (status, &record->status))
    record->status = RUNG_CANDIDATE_STATUS_DRAFT;
  record->summary = _rung_store_column_text (stmt, 7);
  if (record->summary == NULL)
    record->summary = g_strdup ("");
  record->created_at = _rung_store_column_text (stmt, 8);
  record->updated_at = _rung_store_column_text (stmt, 9);
  record->coverage_override = _rung_store_column_text (stmt, 10);

  return record;
}

/* Whether the candidate exists and is not deleted. */
gboolean
_rung_store_candidate_is_live (RungStore  *self,
                               gint64      candidate_id,
                               GError    **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self, "SELECT 1 FROM candidates WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rung_store_no_such_row (error);

  return TRUE;
}

static gboolean
check_candidate_record (const RungCandidateRecord  *record,
                        GError                    **error)
{
  if (_rung_store_is_blank_text (record->name))
    return _rung_store_rule_broken (error, _("A candidate needs a name."));

  if (record->target_level == NULL)
    return _rung_store_rule_broken (error, _("A candidate needs a target level."));

  if (record->coverage_override != NULL && _rung_store_is_blank_text (record->coverage_override))
    return _rung_store_rule_broken (error, _("An override of the evidence check needs a reason."));

  return TRUE;
}

/* "override" when the change gives a new reason for overriding the
 * evidence check, so that the audit log's readers find each one. */
static const char *
update_action (RungStore                 *self,
               const RungCandidateRecord *record)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self, "SELECT coverage_override FROM candidates WHERE id = ?1", NULL);
  g_autofree char *stored = NULL;

  if (record->coverage_override == NULL || stmt == NULL)
    return "update";

  sqlite3_bind_int64 (stmt, 1, record->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = _rung_store_column_text (stmt, 0);

  return g_strcmp0 (stored, record->coverage_override) != 0 ? "override" : "update";
}

/* Adds a candidate and its audit row, inside the caller's transaction. */
static gint64
insert_candidate (RungStore                  *self,
                  const char                 *who,
                  const RungCandidateRecord  *record,
                  GError                    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  if (!check_candidate_record (record, error) ||
      !(stmt = _rung_store_prepare (self,
                                    "INSERT INTO candidates (name, current_level, target_level, manager, team,"
                                    " status, summary, coverage_override, created_at, updated_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " NOW_SQL ", " NOW_SQL ")",
                                    error)))
    return 0;

  _rung_store_bind_text (stmt, 1, record->name);
  _rung_store_bind_text (stmt, 2, record->current_level);
  _rung_store_bind_text (stmt, 3, record->target_level);
  _rung_store_bind_text (stmt, 4, record->manager);
  _rung_store_bind_text (stmt, 5, record->team);
  _rung_store_bind_text (stmt, 6, rung_candidate_status_to_string (record->status));
  _rung_store_bind_text (stmt, 7, record->summary ? record->summary : "");
  _rung_store_bind_text (stmt, 8, record->coverage_override);
  if (!_rung_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
  after = _rung_store_row_json (self, CANDIDATE_JSON, id, 0, NULL);

  return _rung_store_audit (self, who, "add", "candidate", id, NULL, after, error) ? id : 0;
}

gint64
rung_store_add_candidate (RungStore                  *self,
                          const char                 *who,
                          const RungCandidateRecord  *record,
                          GError                    **error)
{
  gint64 id;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record != NULL, 0);

  if (!_rung_store_begin (self, error))
    return 0;

  id = insert_candidate (self, who, record, error);

  return _rung_store_finish (self, id != 0, error) ? id : 0;
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
  const char *action = "update";
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = _rung_store_candidate_is_live (self, record->id, error) &&
       check_candidate_record (record, error);
  if (ok)
    {
      action = update_action (self, record);
      before = _rung_store_row_json (self, CANDIDATE_JSON, record->id, 0, NULL);
      ok = (stmt = _rung_store_prepare (self,
                                        "UPDATE candidates SET name = ?2, current_level = ?3, target_level = ?4,"
                                        " manager = ?5, team = ?6, status = ?7, summary = ?8,"
                                        " coverage_override = ?9, updated_at = " NOW_SQL " WHERE id = ?1",
                                        error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      _rung_store_bind_text (stmt, 2, record->name);
      _rung_store_bind_text (stmt, 3, record->current_level);
      _rung_store_bind_text (stmt, 4, record->target_level);
      _rung_store_bind_text (stmt, 5, record->manager);
      _rung_store_bind_text (stmt, 6, record->team);
      _rung_store_bind_text (stmt, 7, rung_candidate_status_to_string (record->status));
      _rung_store_bind_text (stmt, 8, record->summary ? record->summary : "");
      _rung_store_bind_text (stmt, 9, record->coverage_override);
      ok = _rung_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      after = _rung_store_row_json (self, CANDIDATE_JSON, record->id, 0, NULL);
      ok = _rung_store_audit (self, who, action, "candidate", record->id, before, after, error);
    }

  return _rung_store_finish (self, ok, error);
}

/* Marks a candidate deleted or live again, with its audit row, inside the
 * caller's transaction. */
static gboolean
mark_candidate_deleted (RungStore   *self,
                        const char  *who,
                        gint64       candidate_id,
                        gboolean     deleted,
                        GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = _rung_store_row_json (self, CANDIDATE_JSON, candidate_id, 0, NULL);
  if (!(stmt = _rung_store_prepare (self,
                                    deleted
                                    ? "UPDATE candidates SET deleted_at = " NOW_SQL " WHERE id = ?1 AND deleted_at IS NULL"
                                    : "UPDATE candidates SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (!_rung_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    return _rung_store_no_such_row (error);

  after = _rung_store_row_json (self, CANDIDATE_JSON, candidate_id, 0, NULL);

  return _rung_store_audit (self, who, deleted ? "delete" : "restore", "candidate", candidate_id,
                            before, after, error);
}

static gboolean
set_candidate_deleted (RungStore   *self,
                       const char  *who,
                       gint64       candidate_id,
                       gboolean     deleted,
                       GError     **error)
{
  if (!_rung_store_begin (self, error))
    return FALSE;

  return _rung_store_finish (self, mark_candidate_deleted (self, who, candidate_id, deleted, error), error);
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

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT " CANDIDATE_COLUMNS " FROM candidates"
                                    " WHERE id = ?1 AND deleted_at IS NULL",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _rung_store_no_such_row (error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _rung_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return read_candidate (stmt);
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

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT " CANDIDATE_COLUMNS " FROM candidates WHERE deleted_at IS NULL"
                                    " ORDER BY name COLLATE NOCASE, id",
                                    error)))
    return NULL;

  return _rung_store_collect (self, stmt, (RungReadRow)read_candidate,
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

/* Adds the id in the first column of every row @stmt gives to @ids. */
static gboolean
collect_ids (RungStore     *self,
             RungStatement *stmt,
             GHashTable    *ids,
             GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  return rc == SQLITE_DONE || _rung_store_set_sqlite_error (self, error, rc);
}

/* From this many matching items on, their owners come from one walk down the
 * whole evidence_owner index rather than a look-up for each. */
#define OWNERS_BY_WALK 2048

/* Adds the owners of the evidence items @term finds to @ids. The owners come
 * from the small evidence_owner index: looking them up in the table itself
 * read every matching item, long texts and all. A common word, or the first
 * letter typed, finds nearly every item: on 10,000 candidates, 113,000 of
 * 130,000, and looking up each one's owner was most of a 100 ms search. The
 * index and the full-text matches are both in the order of the items' ids, so
 * walking the two side by side (a merge) finds the same owners several times
 * faster. Fewer matches are looked up as before (matching the term again costs
 * little then), as a walk would read the whole index for them. */
static gboolean
add_evidence_owners (RungStore   *self,
                     const char  *term,
                     GHashTable  *ids,
                     GError     **error)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RungStatement) stmt = NULL;
  gint64 owner = 0;
  guint next = 0;
  int rc;

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?1 ORDER BY rowid",
                                    error)))
    return FALSE;

  _rung_store_bind_text (stmt, 1, term);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (items, item);
    }
  if (rc != SQLITE_DONE)
    return _rung_store_set_sqlite_error (self, error, rc);
  g_clear_pointer (&stmt, statement_release);

  if (items->len < OWNERS_BY_WALK)
    {
      if (!(stmt = _rung_store_prepare (self,
                                        "SELECT candidate_id FROM evidence INDEXED BY evidence_owner"
                                        " WHERE id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?1)",
                                        error)))
        return FALSE;
      _rung_store_bind_text (stmt, 1, term);
      return collect_ids (self, stmt, ids, error);
    }

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT id, candidate_id FROM evidence INDEXED BY evidence_owner ORDER BY id",
                                    error)))
    return FALSE;

  while (next < items->len && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item = sqlite3_column_int64 (stmt, 0);

      while (next < items->len && g_array_index (items, gint64, next) < item)
        next++;
      if (next < items->len && g_array_index (items, gint64, next) == item)
        {
          gint64 id = sqlite3_column_int64 (stmt, 1);

          /* A candidate's items are mostly added together: ids in a row. */
          if (id != owner)
            g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
          owner = id;
          next++;
        }
    }

  return next == items->len || rc == SQLITE_DONE || _rung_store_set_sqlite_error (self, error, rc);
}

/* The candidates a term finds, in their own fields or their evidence. */
static GHashTable *
ids_matching_term (RungStore   *self,
                   const char  *term,
                   GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!(stmt = _rung_store_prepare (self, "SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH ?1", error)))
    return NULL;

  _rung_store_bind_text (stmt, 1, term);
  if (!collect_ids (self, stmt, ids, error) || !add_evidence_owners (self, term, ids, error))
    return NULL;

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
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *valid = NULL;
  GArray *ids;
  int rc;

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

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Text made only of punctuation finds nothing. */
  if ((terms->len == 0 && !_rung_store_is_blank_text (valid)) ||
      (found != NULL && g_hash_table_size (found) == 0))
    return ids;

  /* The ids alone, in the list's order: reading whole records of every
   * candidate here was most of a search that finds few on a large panel. */
  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT id FROM candidates WHERE deleted_at IS NULL"
                                    " ORDER BY name COLLATE NOCASE, id",
                                    error)))
    {
      g_array_unref (ids);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (found == NULL || g_hash_table_contains (found, &id))
        g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _rung_store_set_sqlite_error (self, error, rc);
      g_array_unref (ids);
      return NULL;
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
  record->expectation_id = _rung_store_column_text (stmt, 2);
  record->position = sqlite3_column_int (stmt, 3);
  record->title = _rung_store_column_text (stmt, 4);
  record->text = _rung_store_column_text (stmt, 5);
  record->link = _rung_store_column_text (stmt, 6);
  record->date = _rung_store_column_text (stmt, 7);
  record->author = _rung_store_column_text (stmt, 8);
  record->created_at = _rung_store_column_text (stmt, 9);
  record->updated_at = _rung_store_column_text (stmt, 10);

  return record;
}

/* The candidate an evidence item belongs to, if both are live. */
static gboolean
evidence_is_live (RungStore  *self,
                  gint64      evidence_id,
                  GError    **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self,
                         "SELECT 1 FROM evidence JOIN candidates ON candidates.id = evidence.candidate_id"
                         " WHERE evidence.id = ?1 AND candidates.deleted_at IS NULL",
                         error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rung_store_no_such_row (error);

  return TRUE;
}

/* Adds an item of evidence and its audit row, inside the caller's transaction. */
static gint64
insert_evidence (RungStore                 *self,
                 const char                *who,
                 const RungEvidenceRecord  *record,
                 GError                   **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  if (!_rung_store_candidate_is_live (self, record->candidate_id, error) ||
      !(stmt = _rung_store_prepare (self,
                                    "INSERT INTO evidence (candidate_id, expectation_id, position, title, text,"
                                    " link, date, author, created_at, updated_at)"
                                    " VALUES (?1, ?2, (SELECT coalesce (max (position), 0) + 1 FROM evidence"
                                    "                  WHERE candidate_id = ?1 AND expectation_id = ?2),"
                                    " ?3, ?4, ?5, ?6, ?7, " NOW_SQL ", " NOW_SQL ")",
                                    error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, record->candidate_id);
  _rung_store_bind_text (stmt, 2, record->expectation_id);
  _rung_store_bind_text (stmt, 3, record->title ? record->title : "");
  _rung_store_bind_text (stmt, 4, record->text ? record->text : "");
  _rung_store_bind_text (stmt, 5, record->link);
  _rung_store_bind_text (stmt, 6, record->date);
  _rung_store_bind_text (stmt, 7, record->author);
  if (!_rung_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
  after = _rung_store_row_json (self, EVIDENCE_JSON, id, 0, NULL);

  return _rung_store_audit (self, who, "add", "evidence", id, NULL, after, error) ? id : 0;
}

gint64
rung_store_add_evidence (RungStore                 *self,
                         const char                *who,
                         const RungEvidenceRecord  *record,
                         GError                   **error)
{
  gint64 id;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record != NULL && record->expectation_id != NULL, 0);

  if (!_rung_store_begin (self, error))
    return 0;

  id = insert_evidence (self, who, record, error);

  return _rung_store_finish (self, id != 0, error) ? id : 0;
}

static gboolean
audit_import (RungStore               *self,
              const char              *who,
              gint64                   candidate_id,
              guint                    n_items,
              gint64                   replaced_id,
              const RungImportSource  *source,
              GError                 **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self,
                         "SELECT json_object ('file', ?1, 'ladder_version', ?2, 'ladder_sha256', ?3,"
                         " 'items', ?4, 'left_out', ?5, 'replaced', ?6)",
                         error);
  g_autofree char *after = NULL;

  if (stmt == NULL)
    return FALSE;

  _rung_store_bind_text (stmt, 1, source->file);
  _rung_store_bind_text (stmt, 2, source->ladder_version);
  _rung_store_bind_text (stmt, 3, source->ladder_sha256);
  sqlite3_bind_int (stmt, 4, n_items);
  sqlite3_bind_int (stmt, 5, source->n_left_out);
  if (replaced_id != 0)
    sqlite3_bind_int64 (stmt, 6, replaced_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rung_store_set_sqlite_error (self, error, sqlite3_errcode (self->db));
  after = _rung_store_column_text (stmt, 0);

  return _rung_store_audit (self, who, "import", "candidate", candidate_id, NULL, after, error);
}

/**
 * rung_store_import_candidate:
 * @replaced_id: a live candidate to delete in the same transaction, or 0
 * @source: where the candidate came from, for the audit log
 *
 * Adds a candidate with all of @items (their candidate_id is ignored) in one
 * transaction: on any failure, nothing of it is in the file.
 *
 * Returns: the new candidate's id, or 0 and @error
 */
gint64
rung_store_import_candidate (RungStore                  *self,
                             const char                 *who,
                             const RungCandidateRecord  *record,
                             const RungEvidenceRecord   *items,
                             guint                       n_items,
                             gint64                      replaced_id,
                             const RungImportSource     *source,
                             GError                    **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record != NULL, 0);
  g_return_val_if_fail (source != NULL, 0);
  g_return_val_if_fail (items != NULL || n_items == 0, 0);
  for (guint i = 0; i < n_items; i++)
    g_return_val_if_fail (items[i].expectation_id != NULL, 0);

  if (!_rung_store_begin (self, error))
    return 0;

  ok = (replaced_id == 0 || mark_candidate_deleted (self, who, replaced_id, TRUE, error)) &&
       (id = insert_candidate (self, who, record, error)) != 0;

  for (guint i = 0; ok && i < n_items; i++)
    {
      RungEvidenceRecord item = items[i];

      item.candidate_id = id;
      ok = insert_evidence (self, who, &item, error) != 0;
    }

  ok = ok && audit_import (self, who, id, n_items, replaced_id, source, error);

  return _rung_store_finish (self, ok, error) ? id : 0;
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

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = evidence_is_live (self, record->id, error);
  if (ok)
    {
      before = _rung_store_row_json (self, EVIDENCE_JSON, record->id, 0, NULL);
      ok = (stmt = _rung_store_prepare (self,
                                        "UPDATE evidence SET title = ?2, text = ?3, link = ?4, date = ?5,"
                                        " author = ?6, updated_at = " NOW_SQL " WHERE id = ?1",
                                        error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      _rung_store_bind_text (stmt, 2, record->title ? record->title : "");
      _rung_store_bind_text (stmt, 3, record->text ? record->text : "");
      _rung_store_bind_text (stmt, 4, record->link);
      _rung_store_bind_text (stmt, 5, record->date);
      _rung_store_bind_text (stmt, 6, record->author);
      ok = _rung_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      after = _rung_store_row_json (self, EVIDENCE_JSON, record->id, 0, NULL);
      ok = _rung_store_audit (self, who, "update", "evidence", record->id, before, after, error);
    }

  return _rung_store_finish (self, ok, error);
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

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = evidence_is_live (self, evidence_id, error);
  if (ok)
    {
      /* The audit log keeps the item's words, so a deletion can be traced. */
      before = _rung_store_row_json (self, EVIDENCE_JSON, evidence_id, 0, NULL);
      ok = (stmt = _rung_store_prepare (self, "DELETE FROM evidence WHERE id = ?1", error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, evidence_id);
      ok = _rung_store_step_done (self, stmt, error) &&
           _rung_store_audit (self, who, "delete", "evidence", evidence_id, before, NULL, error);
    }

  return _rung_store_finish (self, ok, error);
}

RungEvidenceRecord *
rung_store_get_evidence (RungStore  *self,
                         gint64      evidence_id,
                         GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE id = ?1 AND candidate_id IN"
                                    " (SELECT id FROM candidates WHERE deleted_at IS NULL)",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _rung_store_no_such_row (error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _rung_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return read_evidence (stmt);
}

static char *
read_expectation_id (sqlite3_stmt *stmt)
{
  return _rung_store_column_text (stmt, 0);
}

/**
 * rung_store_list_covered:
 *
 * Which expectations the candidate has evidence for, read from the index
 * alone: no item's text is read, which a list of candidates with their
 * coverage would otherwise read for every row.
 *
 * Returns: (transfer full) (element-type utf8): expectation ids
 */
GPtrArray *
rung_store_list_covered (RungStore  *self,
                         gint64      candidate_id,
                         GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT DISTINCT expectation_id FROM evidence INDEXED BY evidence_by_candidate"
                                    " WHERE candidate_id = ?1",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  return _rung_store_collect (self, stmt, (RungReadRow)read_expectation_id, g_free, error);
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

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE candidate_id = ?1"
                                    " ORDER BY expectation_id, position, id",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  return _rung_store_collect (self, stmt, (RungReadRow)read_evidence,
                              (GDestroyNotify)rung_evidence_record_free, error);
}

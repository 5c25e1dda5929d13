/* rung-store-panel.c: the panel's side of a panel file: panelists and
 * their conflicts of interest, ratings, concerns, and the append-only
 * decisions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-store-private.h"

/* Panelists and conflicts */

static RungPanelistRecord *
read_panelist (sqlite3_stmt *stmt)
{
  RungPanelistRecord *record = g_new0 (RungPanelistRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->name = _rung_store_column_text (stmt, 1);
  record->role = _rung_store_column_text (stmt, 2);

  return record;
}

static gboolean
panelist_exists (RungStore  *self,
                 gint64      panelist_id,
                 GError    **error)
{
  g_autoptr(RungStatement) stmt = _rung_store_prepare (self, "SELECT 1 FROM panelists WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, panelist_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rung_store_no_such_row (error);

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

  if (_rung_store_is_blank_text (name))
    return _rung_store_rule_broken (error, _("A panelist needs a name."));

  if (!(stmt = _rung_store_prepare (self, "SELECT 1 FROM panelists WHERE name = ?1 AND id != ?2", error)))
    return FALSE;

  _rung_store_bind_text (stmt, 1, name);
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

  if (!_rung_store_begin (self, error))
    return 0;

  ok = check_panelist_name (self, 0, name, error) &&
       (stmt = _rung_store_prepare (self, "INSERT INTO panelists (name, role) VALUES (?1, ?2)", error)) != NULL;
  if (ok)
    {
      _rung_store_bind_text (stmt, 1, name);
      _rung_store_bind_text (stmt, 2, role);
      ok = _rung_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      after = _rung_store_row_json (self, PANELIST_JSON, id, 0, NULL);
      ok = _rung_store_audit (self, who, "add", "panelist", id, NULL, after, error);
    }

  return _rung_store_finish (self, ok, error) ? id : 0;
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

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = panelist_exists (self, record->id, error) &&
       check_panelist_name (self, record->id, record->name, error);
  if (ok)
    {
      before = _rung_store_row_json (self, PANELIST_JSON, record->id, 0, NULL);
      ok = (stmt = _rung_store_prepare (self, "UPDATE panelists SET name = ?2, role = ?3 WHERE id = ?1", error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      _rung_store_bind_text (stmt, 2, record->name);
      _rung_store_bind_text (stmt, 3, record->role);
      ok = _rung_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      after = _rung_store_row_json (self, PANELIST_JSON, record->id, 0, NULL);
      ok = _rung_store_audit (self, who, "update", "panelist", record->id, before, after, error);
    }

  return _rung_store_finish (self, ok, error);
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

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = panelist_exists (self, panelist_id, error) &&
       _rung_store_check_can_remove_panelist (self, panelist_id, error);
  if (ok)
    {
      before = _rung_store_row_json (self, PANELIST_JSON, panelist_id, 0, NULL);
      ok = (stmt = _rung_store_prepare (self, "DELETE FROM panelists WHERE id = ?1", error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, panelist_id);
      ok = _rung_store_step_done (self, stmt, error) &&
           _rung_store_audit (self, who, "delete", "panelist", panelist_id, before, NULL, error);
    }

  return _rung_store_finish (self, ok, error);
}

GPtrArray *
rung_store_list_panelists (RungStore  *self,
                           GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self, "SELECT id, name, role FROM panelists ORDER BY id", error)))
    return NULL;

  return _rung_store_collect (self, stmt, (RungReadRow)read_panelist,
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
      g_autoptr(RungStatement) select = _rung_store_prepare (self, kinds[i].select, error);
      g_autoptr(RungStatement) remove = NULL;

      if (select == NULL)
        return FALSE;

      sqlite3_bind_int64 (select, 1, panelist_id);
      sqlite3_bind_int64 (select, 2, candidate_id);
      while (sqlite3_step (select) == SQLITE_ROW)
        if (!_rung_store_audit (self, who, "withdraw", kinds[i].entity, candidate_id,
                                (const char *)sqlite3_column_text (select, 0), NULL, error))
          return FALSE;

      if (!(remove = _rung_store_prepare (self, kinds[i].remove, error)))
        return FALSE;
      sqlite3_bind_int64 (remove, 1, panelist_id);
      sqlite3_bind_int64 (remove, 2, candidate_id);
      if (!_rung_store_step_done (self, remove, error))
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

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = panelist_exists (self, panelist_id, error) &&
       _rung_store_candidate_is_live (self, candidate_id, error);
  if (ok)
    {
      before = _rung_store_row_json (self, CONFLICT_JSON, panelist_id, candidate_id, NULL);
      ok = (stmt = _rung_store_prepare (self,
                                        "INSERT INTO conflicts (panelist_id, candidate_id, reason) VALUES (?1, ?2, ?3)"
                                        " ON CONFLICT (panelist_id, candidate_id) DO UPDATE SET reason = excluded.reason",
                                        error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, panelist_id);
      sqlite3_bind_int64 (stmt, 2, candidate_id);
      _rung_store_bind_text (stmt, 3, reason);
      ok = _rung_store_step_done (self, stmt, error) &&
           withdraw_ratings_and_concerns (self, who, panelist_id, candidate_id, error);
    }
  if (ok)
    {
      after = _rung_store_row_json (self, CONFLICT_JSON, panelist_id, candidate_id, NULL);
      ok = _rung_store_audit (self, who, "set", "conflict", candidate_id, before, after, error);
    }

  return _rung_store_finish (self, ok, error);
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

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = panelist_exists (self, panelist_id, error) &&
       _rung_store_candidate_is_live (self, candidate_id, error);
  if (ok)
    {
      before = _rung_store_row_json (self, CONFLICT_JSON, panelist_id, candidate_id, NULL);
      ok = (stmt = _rung_store_prepare (self, "DELETE FROM conflicts WHERE panelist_id = ?1 AND candidate_id = ?2",
                                        error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, panelist_id);
      sqlite3_bind_int64 (stmt, 2, candidate_id);
      ok = _rung_store_step_done (self, stmt, error);
    }
  if (ok && before != NULL)
    ok = _rung_store_audit (self, who, "clear", "conflict", candidate_id, before, NULL, error);

  return _rung_store_finish (self, ok, error);
}

static RungConflictRecord *
read_conflict (sqlite3_stmt *stmt)
{
  RungConflictRecord *record = g_new0 (RungConflictRecord, 1);

  record->panelist_id = sqlite3_column_int64 (stmt, 0);
  record->candidate_id = sqlite3_column_int64 (stmt, 1);
  record->reason = _rung_store_column_text (stmt, 2);

  return record;
}

GPtrArray *
rung_store_list_conflicts (RungStore  *self,
                           GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT panelist_id, candidate_id, reason FROM conflicts"
                                    " ORDER BY panelist_id, candidate_id",
                                    error)))
    return NULL;

  return _rung_store_collect (self, stmt, (RungReadRow)read_conflict,
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
  g_autofree char *panelist = _rung_store_panelist_name (self, panelist_id);
  g_autofree char *candidate = _rung_store_candidate_name (self, candidate_id);

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

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = panelist_exists (self, panelist_id, error) &&
       _rung_store_candidate_is_live (self, candidate_id, error);
  if (ok)
    {
      before = _rung_store_row_json (self, json_sql, panelist_id, candidate_id, key);
      ok = (stmt = _rung_store_prepare (self, write_sql, error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, panelist_id);
      sqlite3_bind_int64 (stmt, 2, candidate_id);
      _rung_store_bind_text (stmt, 3, key);
      if (has_value)
        sqlite3_bind_int (stmt, 4, value);
      if (text != NULL)
        _rung_store_bind_text (stmt, has_value ? 5 : 4, text);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        ok = TRUE;
      else if (rc == SQLITE_CONSTRAINT_TRIGGER && g_strcmp0 (sqlite3_errmsg (self->db), "conflict") == 0)
        ok = conflict_refused (self, entity, panelist_id, candidate_id, error);
      else
        ok = _rung_store_set_sqlite_error (self, error, rc);
    }
  if (ok)
    {
      after = _rung_store_row_json (self, json_sql, panelist_id, candidate_id, key);
      if (before != NULL || after != NULL)
        ok = _rung_store_audit (self, who, after ? "set" : "clear", entity, candidate_id, before, after, error);
    }

  return _rung_store_finish (self, ok, error);
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
  record->area_id = _rung_store_column_text (stmt, 2);
  record->value = sqlite3_column_int (stmt, 3);
  record->comment = _rung_store_column_text (stmt, 4);
  if (record->comment == NULL)
    record->comment = g_strdup ("");
  record->updated_at = _rung_store_column_text (stmt, 5);

  return record;
}

GPtrArray *
rung_store_list_ratings (RungStore  *self,
                         gint64      candidate_id,
                         GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT panelist_id, candidate_id, area_id, value, comment, updated_at"
                                    " FROM ratings WHERE candidate_id = ?1 ORDER BY panelist_id, area_id",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  return _rung_store_collect (self, stmt, (RungReadRow)read_rating,
                              (GDestroyNotify)rung_rating_record_free, error);
}

/**
 * rung_store_list_live_ratings:
 *
 * Every rating of every live candidate, in one statement, for what looks at
 * the whole panel at once (calibration, disagreement). A rating a conflict
 * of interest should have ruled out is left out too.
 *
 * Returns: a #GPtrArray of #RungRatingRecord, by candidate, panelist, area
 */
GPtrArray *
rung_store_list_live_ratings (RungStore  *self,
                              GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT ratings.panelist_id, ratings.candidate_id, ratings.area_id,"
                                    " ratings.value, ratings.comment, ratings.updated_at"
                                    " FROM ratings JOIN candidates ON candidates.id = ratings.candidate_id"
                                    " WHERE candidates.deleted_at IS NULL AND NOT EXISTS"
                                    " (SELECT 1 FROM conflicts WHERE conflicts.panelist_id = ratings.panelist_id"
                                    "  AND conflicts.candidate_id = ratings.candidate_id)"
                                    " ORDER BY ratings.candidate_id, ratings.panelist_id, ratings.area_id",
                                    error)))
    return NULL;

  return _rung_store_collect (self, stmt, (RungReadRow)read_rating,
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
  record->anti_pattern_id = _rung_store_column_text (stmt, 2);
  record->note = _rung_store_column_text (stmt, 3);
  if (record->note == NULL)
    record->note = g_strdup ("");
  record->updated_at = _rung_store_column_text (stmt, 4);

  return record;
}

GPtrArray *
rung_store_list_concerns (RungStore  *self,
                          gint64      candidate_id,
                          GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT panelist_id, candidate_id, anti_pattern_id, note, updated_at"
                                    " FROM concerns WHERE candidate_id = ?1 ORDER BY panelist_id, anti_pattern_id",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  return _rung_store_collect (self, stmt, (RungReadRow)read_concern,
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
    _rung_store_prepare (self,
                         "SELECT count (*) FROM panelists WHERE id NOT IN"
                         " (SELECT panelist_id FROM conflicts WHERE candidate_id = ?1)",
                         error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rung_store_set_sqlite_error (self, error, SQLITE_IOERR);

  *eligible = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static int
next_revision (RungStore *self,
               gint64     candidate_id)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self, "SELECT coalesce (max (revision), 0) + 1 FROM decisions WHERE candidate_id = ?1", NULL);

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

  if (!(stmt = _rung_store_prepare (self,
                                    "UPDATE candidates SET status = 'decided', updated_at = " NOW_SQL
                                    " WHERE id = ?1 AND status != 'decided'",
                                    error)))
    return FALSE;

  before = _rung_store_row_json (self, CANDIDATE_JSON, candidate_id, 0, NULL);
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (!_rung_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    return TRUE;

  after = _rung_store_row_json (self, CANDIDATE_JSON, candidate_id, 0, NULL);

  return _rung_store_audit (self, who, "update", "candidate", candidate_id, before, after, error);
}

/**
 * rung_store_record_decision:
 *
 * Appends a revision of the decision on a candidate, citing nothing; see
 * rung_store_record_decision_with_citations().
 *
 * Returns: the new decision's id, or 0 with @error set
 */
gint64
rung_store_record_decision (RungStore                 *self,
                            const char                *who,
                            const RungDecisionRecord  *record,
                            GError                   **error)
{
  return rung_store_record_decision_with_citations (self, who, record, NULL, 0, error);
}

/**
 * rung_store_record_decision_with_citations:
 * @citations: (array length=n_citations) (nullable): what the rationale
 *   cites, in order; their ids and positions are ignored
 *
 * Appends a revision of the decision on a candidate. A revision after the
 * first needs a reason; a rationale is always needed; the votes cannot be
 * more than the panelists without a conflict. A citation names evidence of
 * the candidate or one of their ratings, with a label. The citations, the
 * audit row (which lists them) and the candidate marked decided are written
 * in the decision's transaction: all of it or nothing. On disk when it
 * returns.
 *
 * Returns: the new decision's id, or 0 with @error set
 */
gint64
rung_store_record_decision_with_citations (RungStore                 *self,
                                           const char                *who,
                                           const RungDecisionRecord  *record,
                                           const RungCitationRecord  *citations,
                                           guint                      n_citations,
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
  g_return_val_if_fail (citations != NULL || n_citations == 0, 0);

  if (!_rung_store_begin (self, error))
    return 0;

  ok = _rung_store_candidate_is_live (self, record->candidate_id, error) &&
       count_eligible_voters (self, record->candidate_id, &eligible, error);
  revision = ok ? next_revision (self, record->candidate_id) : -1;

  if (ok && revision < 1)
    ok = _rung_store_set_sqlite_error (self, error, SQLITE_IOERR);
  else if (ok && _rung_store_is_blank_text (record->rationale))
    ok = _rung_store_rule_broken (error, _("A decision needs a rationale."));
  else if (ok && revision > 1 && _rung_store_is_blank_text (record->reason))
    ok = _rung_store_rule_broken (error, _("A changed decision needs a reason."));
  else if (ok && (record->votes_for < 0 || record->votes_against < 0 || record->votes_abstain < 0))
    ok = _rung_store_rule_broken (error, _("Votes cannot be negative."));
  else if (ok && (gint64)record->votes_for + record->votes_against + record->votes_abstain > eligible)
    {
      g_autofree char *name = _rung_store_candidate_name (self, record->candidate_id);

      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   ngettext ("Only %u panelist without a conflict can vote on %s.",
                             "Only %u panelists without a conflict can vote on %s.",
                             (gulong)eligible),
                   (guint)eligible, name);
      ok = FALSE;
    }

  if (ok)
    ok = (stmt = _rung_store_prepare (self,
                                      "INSERT INTO decisions (candidate_id, revision, outcome_id, votes_for,"
                                      " votes_against, votes_abstain, rationale, recorded_by, recorded_at, reason)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " NOW_SQL ", ?9)",
                                      error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, record->candidate_id);
      sqlite3_bind_int (stmt, 2, revision);
      _rung_store_bind_text (stmt, 3, record->outcome_id);
      sqlite3_bind_int (stmt, 4, record->votes_for);
      sqlite3_bind_int (stmt, 5, record->votes_against);
      sqlite3_bind_int (stmt, 6, record->votes_abstain);
      _rung_store_bind_text (stmt, 7, record->rationale);
      _rung_store_bind_text (stmt, 8, record->recorded_by ? record->recorded_by : who);
      _rung_store_bind_text (stmt, 9, revision > 1 ? record->reason : NULL);
      ok = _rung_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      ok = _rung_store_write_citations (self, record, id, citations, n_citations, error);
    }
  if (ok)
    {
      after = _rung_store_row_json (self, DECISION_JSON, id, 0, NULL);
      ok = _rung_store_audit (self, who, "record", "decision", id, NULL, after, error) &&
           mark_decided (self, who, record->candidate_id, error) &&
           _rung_store_agenda_decided (self, who, record->candidate_id, error);
    }

  return _rung_store_finish (self, ok, error) ? id : 0;
}

static RungDecisionRecord *
read_decision (sqlite3_stmt *stmt)
{
  RungDecisionRecord *record = g_new0 (RungDecisionRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->candidate_id = sqlite3_column_int64 (stmt, 1);
  record->revision = sqlite3_column_int (stmt, 2);
  record->outcome_id = _rung_store_column_text (stmt, 3);
  record->votes_for = sqlite3_column_int (stmt, 4);
  record->votes_against = sqlite3_column_int (stmt, 5);
  record->votes_abstain = sqlite3_column_int (stmt, 6);
  record->rationale = _rung_store_column_text (stmt, 7);
  record->recorded_by = _rung_store_column_text (stmt, 8);
  record->recorded_at = _rung_store_column_text (stmt, 9);
  record->reason = _rung_store_column_text (stmt, 10);

  return record;
}

/* Gives each of @decisions its citations, read in one query. */
static gboolean
attach_citations (RungStore  *self,
                  gint64      candidate_id,
                  GPtrArray  *decisions,
                  GError    **error)
{
  g_autoptr(GPtrArray) citations = rung_store_list_candidate_citations (self, candidate_id, error);
  guint next = 0;

  if (citations == NULL)
    return FALSE;

  /* Both are ordered by decision id (revisions go up with ids). */
  g_ptr_array_set_free_func (citations, NULL);
  for (guint i = 0; i < decisions->len; i++)
    {
      RungDecisionRecord *decision = g_ptr_array_index (decisions, i);

      decision->citations = g_ptr_array_new_with_free_func ((GDestroyNotify)rung_citation_record_free);
      while (next < citations->len &&
             ((RungCitationRecord *)g_ptr_array_index (citations, next))->decision_id == decision->id)
        g_ptr_array_add (decision->citations, g_ptr_array_index (citations, next++));
    }

  /* Only a citation of no listed decision is left; the schema rules it out. */
  for (; next < citations->len; next++)
    rung_citation_record_free (g_ptr_array_index (citations, next));

  return TRUE;
}

/**
 * rung_store_list_decisions:
 *
 * Returns: (transfer full) (nullable): a #GPtrArray of #RungDecisionRecord
 *   by revision, each with its citations
 */
GPtrArray *
rung_store_list_decisions (RungStore  *self,
                           gint64      candidate_id,
                           GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autoptr(GPtrArray) decisions = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT id, candidate_id, revision, outcome_id, votes_for, votes_against,"
                                    " votes_abstain, rationale, recorded_by, recorded_at, reason"
                                    " FROM decisions WHERE candidate_id = ?1 ORDER BY revision",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  if (!(decisions = _rung_store_collect (self, stmt, (RungReadRow)read_decision,
                                         (GDestroyNotify)rung_decision_record_free, error)))
    return NULL;

  return attach_citations (self, candidate_id, decisions, error) ? g_steal_pointer (&decisions) : NULL;
}

/* rung-store-citations.c: what a decision's rationale cites: evidence items
 * and ratings, each with the label it had on the day. Citations are written
 * in the transaction of their decision and, like it, never change: the
 * schema's triggers refuse any update, removal or replacement, and any
 * citation for a decision that is not the latest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-store-private.h"

static const char * const kind_names[] = {
  [RUNG_CITATION_EVIDENCE] = "evidence",
  [RUNG_CITATION_RATING] = "rating",
};

const char *
rung_citation_kind_to_string (RungCitationKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
rung_citation_kind_from_string (const char       *text,
                                RungCitationKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/* Whether the row @sql selects with @a, @b and @c exists. */
static gboolean
row_exists (RungStore  *self,
            const char *sql,
            gint64      a,
            gint64      b,
            const char *c,
            gboolean   *exists,
            GError    **error)
{
  g_autoptr(RungStatement) stmt = _rung_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  _rung_store_bind_text (stmt, 3, c);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _rung_store_set_sqlite_error (self, error, rc);

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* A citation names evidence of the decision's candidate, or a rating of
 * them that exists, and has a label. */
static gboolean
check_citation (RungStore                *self,
                gint64                    candidate_id,
                const RungCitationRecord *citation,
                GError                  **error)
{
  gboolean exists = FALSE;

  if (_rung_store_is_blank_text (citation->label))
    return _rung_store_rule_broken (error, _("A citation needs a label."));

  switch (citation->kind)
    {
    case RUNG_CITATION_EVIDENCE:
      if (!row_exists (self,
                       "SELECT 1 FROM evidence WHERE id = ?1 AND candidate_id = ?2 AND coalesce (?3, '') = ''",
                       citation->evidence_id, candidate_id, NULL, &exists, error))
        return FALSE;
      if (!exists)
        return _rung_store_rule_broken (error, _("A decision can cite only the candidate’s own evidence."));
      return TRUE;

    case RUNG_CITATION_RATING:
      if (citation->area_id != NULL &&
          !row_exists (self,
                       "SELECT 1 FROM ratings WHERE panelist_id = ?1 AND candidate_id = ?2 AND area_id = ?3",
                       citation->panelist_id, candidate_id, citation->area_id, &exists, error))
        return FALSE;
      if (!exists)
        return _rung_store_rule_broken (error, _("A decision can cite only a rating the candidate has."));
      return TRUE;

    default:
      /* Not translated: only a bug in Rung gets here */
      return _rung_store_rule_broken (error, "Unknown kind of citation");
    }
}

/* Called inside the transaction that inserted @decision as @decision_id. */
gboolean
_rung_store_write_citations (RungStore                *self,
                             const RungDecisionRecord *decision,
                             gint64                    decision_id,
                             const RungCitationRecord *citations,
                             guint                     n_citations,
                             GError                  **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  if (n_citations == 0)
    return TRUE;

  if (!(stmt = _rung_store_prepare (self,
                                    "INSERT INTO citations (decision_id, position, kind, evidence_id,"
                                    " panelist_id, area_id, label) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                    error)))
    return FALSE;

  for (guint i = 0; i < n_citations; i++)
    {
      const RungCitationRecord *citation = &citations[i];
      gboolean rating = citation->kind == RUNG_CITATION_RATING;
      g_autofree char *label = NULL;

      if (!check_citation (self, decision->candidate_id, citation, error))
        return FALSE;

      label = g_strstrip (g_strdup (citation->label));
      sqlite3_bind_int64 (stmt, 1, decision_id);
      sqlite3_bind_int (stmt, 2, i);
      _rung_store_bind_text (stmt, 3, rung_citation_kind_to_string (citation->kind));
      if (!rating)
        sqlite3_bind_int64 (stmt, 4, citation->evidence_id);
      else
        sqlite3_bind_null (stmt, 4);
      if (rating)
        sqlite3_bind_int64 (stmt, 5, citation->panelist_id);
      else
        sqlite3_bind_null (stmt, 5);
      _rung_store_bind_text (stmt, 6, rating ? citation->area_id : NULL);
      _rung_store_bind_text (stmt, 7, label);
      if (!_rung_store_step_done (self, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static RungCitationRecord *
read_citation (sqlite3_stmt *stmt)
{
  RungCitationRecord *record = g_new0 (RungCitationRecord, 1);
  g_autofree char *kind = NULL;

  record->decision_id = sqlite3_column_int64 (stmt, 0);
  record->position = sqlite3_column_int (stmt, 1);
  kind = _rung_store_column_text (stmt, 2);
  if (!rung_citation_kind_from_string (kind, &record->kind))
    record->kind = RUNG_CITATION_EVIDENCE;
  record->evidence_id = sqlite3_column_int64 (stmt, 3);
  record->panelist_id = sqlite3_column_int64 (stmt, 4);
  record->area_id = _rung_store_column_text (stmt, 5);
  record->label = _rung_store_column_text (stmt, 6);

  return record;
}

#define CITATION_COLUMNS \
  "SELECT c.decision_id, c.position, c.kind, c.evidence_id, c.panelist_id, c.area_id, c.label FROM citations AS c"

/**
 * rung_store_list_citations:
 *
 * Returns: (transfer full) (nullable): a #GPtrArray of #RungCitationRecord,
 *   what @decision_id cites in the order it was cited
 */
GPtrArray *
rung_store_list_citations (RungStore  *self,
                           gint64      decision_id,
                           GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self, CITATION_COLUMNS " WHERE c.decision_id = ?1 ORDER BY c.position", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, decision_id);

  return _rung_store_collect (self, stmt, (RungReadRow)read_citation,
                              (GDestroyNotify)rung_citation_record_free, error);
}

/**
 * rung_store_list_candidate_citations:
 *
 * Returns: (transfer full) (nullable): a #GPtrArray of #RungCitationRecord,
 *   what every decision on @candidate_id cites, by decision and position
 */
GPtrArray *
rung_store_list_candidate_citations (RungStore  *self,
                                     gint64      candidate_id,
                                     GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    CITATION_COLUMNS " JOIN decisions AS d ON d.id = c.decision_id"
                                    " WHERE d.candidate_id = ?1 ORDER BY c.decision_id, c.position",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, candidate_id);

  return _rung_store_collect (self, stmt, (RungReadRow)read_citation,
                              (GDestroyNotify)rung_citation_record_free, error);
}

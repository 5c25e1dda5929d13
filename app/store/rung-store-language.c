/* rung-store-language.c: the panel's own changes to Rung's list of
 * subjective language: the phrases it adds, each with a reason, and the
 * phrases of Rung's list it hides. The store does not know Rung's list;
 * the model checks that what is hidden is on it. Every change is audited
 * as entity "language-term", with the row before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-store-private.h"

#define LANGUAGE_TERM_JSON \
  "SELECT json_object ('phrase', phrase, 'reason', reason, 'hidden', hidden)" \
  " FROM language_terms WHERE phrase = ?3 AND ?1 = ?1 AND ?2 = ?2"

void
rung_language_term_record_free (RungLanguageTermRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->phrase);
  g_free (record->reason);
  g_free (record);
}

static RungLanguageTermRecord *
read_language_term (sqlite3_stmt *stmt)
{
  RungLanguageTermRecord *record = g_new0 (RungLanguageTermRecord, 1);

  record->phrase = _rung_store_column_text (stmt, 0);
  record->reason = _rung_store_column_text (stmt, 1);
  record->hidden = sqlite3_column_int (stmt, 2) != 0;

  return record;
}

/**
 * rung_store_list_language_terms:
 *
 * Returns: (transfer full) (element-type RungLanguageTermRecord): the
 *   panel's additions and hidden phrases, by phrase
 */
GPtrArray *
rung_store_list_language_terms (RungStore  *self,
                                GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT phrase, reason, hidden FROM language_terms ORDER BY phrase",
                                    error)))
    return NULL;

  return _rung_store_collect (self, stmt, (RungReadRow)read_language_term,
                              (GDestroyNotify)rung_language_term_record_free, error);
}

/* Whether a row for @phrase exists (in any case), and whether it hides. */
static gboolean
find_row (RungStore  *self,
          const char *phrase,
          gboolean   *hidden)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self, "SELECT hidden FROM language_terms WHERE phrase = ?1", NULL);

  if (stmt == NULL)
    return FALSE;

  _rung_store_bind_text (stmt, 1, phrase);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *hidden = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Inserts a row and audits it as @action. */
static gboolean
insert_row (RungStore   *self,
            const char  *who,
            const char  *action,
            const char  *phrase,
            const char  *reason,
            gboolean     hidden,
            GError     **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self, "INSERT INTO language_terms (phrase, reason, hidden) VALUES (?1, ?2, ?3)", error);
  g_autofree char *after = NULL;

  if (stmt == NULL)
    return FALSE;

  _rung_store_bind_text (stmt, 1, phrase);
  _rung_store_bind_text (stmt, 2, reason);
  sqlite3_bind_int (stmt, 3, hidden ? 1 : 0);
  if (!_rung_store_step_done (self, stmt, error))
    return FALSE;

  after = _rung_store_row_json (self, LANGUAGE_TERM_JSON, 0, 0, phrase);
  return _rung_store_audit (self, who, action, "language-term", 0, NULL, after, error);
}

/* Deletes the row of @phrase that is (or is not) @hidden, audited as @action. */
static gboolean
delete_row (RungStore   *self,
            const char  *who,
            const char  *action,
            const char  *phrase,
            gboolean     hidden,
            GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean row_hidden;

  if (!find_row (self, phrase, &row_hidden) || row_hidden != hidden)
    return _rung_store_no_such_row (error);

  before = _rung_store_row_json (self, LANGUAGE_TERM_JSON, 0, 0, phrase);
  if (!(stmt = _rung_store_prepare (self, "DELETE FROM language_terms WHERE phrase = ?1", error)))
    return FALSE;

  _rung_store_bind_text (stmt, 1, phrase);

  return _rung_store_step_done (self, stmt, error) &&
         _rung_store_audit (self, who, action, "language-term", 0, before, NULL, error);
}

/**
 * rung_store_add_language_term:
 *
 * Adds a phrase of the panel's own, with the reason shown beside it. A
 * phrase the panel already adds or hides (in any case) is refused.
 */
gboolean
rung_store_add_language_term (RungStore   *self,
                              const char  *who,
                              const char  *phrase,
                              const char  *reason,
                              GError     **error)
{
  gboolean hidden;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (phrase != NULL && reason != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  if (_rung_store_is_blank_text (phrase))
    ok = _rung_store_rule_broken (error, _("A phrase cannot be empty."));
  else if (_rung_store_is_blank_text (reason))
    ok = _rung_store_rule_broken (error, _("A phrase needs a reason, shown to whoever writes it."));
  else if (find_row (self, phrase, &hidden))
    ok = _rung_store_rule_broken (error, _("That phrase is already on the panel’s list."));
  else
    ok = insert_row (self, who, "add", phrase, reason, FALSE, error);

  return _rung_store_finish (self, ok, error);
}

/**
 * rung_store_remove_language_term:
 *
 * Removes a phrase the panel added.
 */
gboolean
rung_store_remove_language_term (RungStore   *self,
                                 const char  *who,
                                 const char  *phrase,
                                 GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  return _rung_store_finish (self, delete_row (self, who, "delete", phrase, FALSE, error), error);
}

/**
 * rung_store_set_language_term_hidden:
 *
 * Hides a phrase of Rung's list in this panel, or shows it again. Hiding
 * a phrase twice, or showing one that is not hidden, changes nothing.
 */
gboolean
rung_store_set_language_term_hidden (RungStore   *self,
                                     const char  *who,
                                     const char  *phrase,
                                     gboolean     hidden,
                                     GError     **error)
{
  gboolean row_hidden = FALSE;
  gboolean exists;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  exists = find_row (self, phrase, &row_hidden);
  if (_rung_store_is_blank_text (phrase))
    ok = _rung_store_rule_broken (error, _("A phrase cannot be empty."));
  else if (exists && !row_hidden)
    ok = _rung_store_rule_broken (error, _("That phrase is the panel’s own: remove it instead."));
  else if (hidden)
    ok = exists || insert_row (self, who, "hide", phrase, "", TRUE, error);
  else
    ok = !exists || delete_row (self, who, "unhide", phrase, TRUE, error);

  return _rung_store_finish (self, ok, error);
}

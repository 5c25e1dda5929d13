/* rung-store-meetings.c: the committee's meetings in the panel file: the
 * agenda (the order candidates are discussed in, who is under discussion now,
 * who is decided, and how long each discussion took), blind mode and the
 * attendees. One meeting is open at a time; an ended meeting is the record
 * its minutes are made from, and the schema refuses to change it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-store-private.h"

#define MEETING_COLUMNS "id, title, minutes_per_candidate, blind, started_at, ended_at"

#define MINUTES_MIN 1
#define MINUTES_MAX 240

static const char * const state_names[] = {
  [RUNG_AGENDA_STATE_WAITING] = "waiting",
  [RUNG_AGENDA_STATE_NOW] = "now",
  [RUNG_AGENDA_STATE_DECIDED] = "decided",
};

const char *
rung_agenda_state_to_string (RungAgendaState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

gboolean
rung_agenda_state_from_string (const char      *text,
                               RungAgendaState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = i;
        return TRUE;
      }

  return FALSE;
}

void
rung_meeting_record_free (RungMeetingRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->title);
  g_free (record->started_at);
  g_free (record->ended_at);
  g_free (record);
}

void
rung_agenda_record_free (RungAgendaRecord *record)
{
  g_free (record);
}

void
rung_attendee_record_free (RungAttendeeRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record);
}

static RungMeetingRecord *
read_meeting (sqlite3_stmt *stmt)
{
  RungMeetingRecord *record = g_new0 (RungMeetingRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->title = _rung_store_column_text (stmt, 1);
  record->minutes_per_candidate = sqlite3_column_int (stmt, 2);
  record->blind = sqlite3_column_int (stmt, 3) != 0;
  record->started_at = _rung_store_column_text (stmt, 4);
  record->ended_at = _rung_store_column_text (stmt, 5);

  return record;
}

static RungAgendaRecord *
read_agenda (sqlite3_stmt *stmt)
{
  RungAgendaRecord *record = g_new0 (RungAgendaRecord, 1);

  record->meeting_id = sqlite3_column_int64 (stmt, 0);
  record->candidate_id = sqlite3_column_int64 (stmt, 1);
  record->position = sqlite3_column_int (stmt, 2);
  if (!rung_agenda_state_from_string ((const char *)sqlite3_column_text (stmt, 3), &record->state))
    record->state = RUNG_AGENDA_STATE_WAITING;
  record->seconds_spent = sqlite3_column_int64 (stmt, 4);
  record->alias = (guint)MAX (sqlite3_column_int (stmt, 5), 0);

  return record;
}

static RungAttendeeRecord *
read_attendee (sqlite3_stmt *stmt)
{
  RungAttendeeRecord *record = g_new0 (RungAttendeeRecord, 1);

  record->meeting_id = sqlite3_column_int64 (stmt, 0);
  record->panelist_id = sqlite3_column_int64 (stmt, 1);
  record->name = _rung_store_column_text (stmt, 2);

  return record;
}

/* Whether a meeting exists and can still be changed. */
static gboolean
check_meeting_open (RungStore   *self,
                    gint64       meeting_id,
                    GError     **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self, "SELECT ended_at IS NULL FROM meetings WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rung_store_no_such_row (error);

  if (sqlite3_column_int (stmt, 0) == 0)
    return _rung_store_rule_broken (error, _("The meeting has ended, and its minutes cannot be changed."));

  return TRUE;
}

/* Whether a live candidate is on a meeting's agenda. */
static gboolean
check_on_agenda (RungStore   *self,
                 gint64       meeting_id,
                 gint64       candidate_id,
                 GError     **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self,
                         "SELECT 1 FROM agenda JOIN candidates ON candidates.id = agenda.candidate_id"
                         " WHERE agenda.meeting_id = ?1 AND agenda.candidate_id = ?2"
                         " AND candidates.deleted_at IS NULL",
                         error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, candidate_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _rung_store_no_such_row (error);

  return TRUE;
}

/* Runs one write to an agenda item and audits it, if it changed anything. */
static gboolean
write_agenda_item (RungStore   *self,
                   const char  *who,
                   const char  *action,
                   const char  *sql,
                   gint64       meeting_id,
                   gint64       candidate_id,
                   gint64       value,
                   GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = _rung_store_row_json (self, AGENDA_JSON, meeting_id, candidate_id, NULL);
  g_autofree char *after = NULL;

  if (!(stmt = _rung_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, candidate_id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, value);
  if (!_rung_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_rung_store_get_database (self)) == 0)
    return TRUE;

  after = _rung_store_row_json (self, AGENDA_JSON, meeting_id, candidate_id, NULL);

  return _rung_store_audit (self, who, action, "agenda", candidate_id, before, after, error);
}

/* Whoever is under discussion stops being so: decided if the panel recorded
 * a decision on them since the meeting began, waiting otherwise. */
static gboolean
release_current (RungStore   *self,
                 const char  *who,
                 gint64       meeting_id,
                 GError     **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self, "SELECT candidate_id FROM agenda WHERE meeting_id = ?1 AND state = 'now'", error);
  gint64 candidate_id;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  candidate_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return write_agenda_item (self, who, "update",
                            "UPDATE agenda SET state = CASE WHEN EXISTS"
                            " (SELECT 1 FROM decisions, meetings"
                            "  WHERE decisions.candidate_id = ?2 AND meetings.id = ?1"
                            "  AND decisions.recorded_at >= meetings.started_at)"
                            " THEN 'decided' ELSE 'waiting' END"
                            " WHERE meeting_id = ?1 AND candidate_id = ?2 AND state = 'now'",
                            meeting_id, candidate_id, 0, error);
}

static gboolean
has_open_meeting (RungStore  *self,
                  gboolean   *open,
                  GError    **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self, "SELECT 1 FROM meetings WHERE ended_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;

  *open = sqlite3_step (stmt) == SQLITE_ROW;
  return TRUE;
}

/* The live candidates in the panel's order by name, for an agenda nobody set. */
static GArray *
list_live_candidate_ids (RungStore  *self,
                         GError    **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self, "SELECT id FROM candidates WHERE deleted_at IS NULL ORDER BY name, id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _rung_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Whether @values holds each of 0 … @n - 1 once. */
static gboolean
is_permutation (const guint *values,
                guint        n)
{
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      if (values[i] >= n || seen[values[i]])
        return FALSE;
      seen[values[i]] = TRUE;
    }

  return TRUE;
}

/**
 * rung_store_create_meeting:
 * @candidate_ids: (nullable) (array length=n_candidates): the agenda, in
 *   order; %NULL for every live candidate in order of name
 * @aliases: (nullable) (array length=n_candidates): each candidate's letter
 *   in blind mode, 0 for A, a permutation of 0 … @n_candidates - 1; %NULL
 *   for the agenda's order
 *
 * Starts a meeting. There can be only one open meeting at a time; each
 * candidate is on the agenda once, waiting, and must not be deleted.
 *
 * Returns: the new meeting's id, or 0 with @error set
 */
gint64
rung_store_create_meeting (RungStore     *self,
                           const char    *who,
                           const char    *title,
                           int            minutes_per_candidate,
                           gboolean       blind,
                           const gint64  *candidate_ids,
                           const guint   *aliases,
                           guint          n_candidates,
                           GError       **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *after = NULL;
  gboolean open = FALSE;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (candidate_ids != NULL || n_candidates == 0, 0);
  g_return_val_if_fail (aliases == NULL || candidate_ids != NULL, 0);

  if (_rung_store_is_blank_text (title))
    return _rung_store_rule_broken (error, _("A meeting needs a title."));

  if (minutes_per_candidate < MINUTES_MIN || minutes_per_candidate > MINUTES_MAX)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("A discussion can last from %d to %d minutes."), MINUTES_MIN, MINUTES_MAX);
      return 0;
    }

  if (!_rung_store_begin (self, error))
    return 0;

  ok = has_open_meeting (self, &open, error);
  if (ok && open)
    ok = _rung_store_rule_broken (error, _("Another meeting is under way; end it before starting a new one."));

  if (ok && candidate_ids == NULL)
    {
      ok = (all = list_live_candidate_ids (self, error)) != NULL;
      if (ok)
        {
          candidate_ids = (const gint64 *)(gpointer)all->data;
          n_candidates = all->len;
        }
    }

  for (guint i = 0; ok && i < n_candidates; i++)
    {
      ok = _rung_store_candidate_is_live (self, candidate_ids[i], error);
      if (ok && !g_hash_table_add (seen, (gpointer)&candidate_ids[i]))
        ok = _rung_store_rule_broken (error, _("A candidate can be on the agenda only once."));
    }

  if (ok && aliases != NULL && !is_permutation (aliases, n_candidates))
    ok = _rung_store_rule_broken (error, _("Each candidate on the agenda needs a letter of their own."));

  if (ok)
    ok = (stmt = _rung_store_prepare (self,
                                      "INSERT INTO meetings (title, minutes_per_candidate, blind, started_at)"
                                      " VALUES (?1, ?2, ?3, " NOW_SQL ")",
                                      error)) != NULL;
  if (ok)
    {
      _rung_store_bind_text (stmt, 1, title);
      sqlite3_bind_int (stmt, 2, minutes_per_candidate);
      sqlite3_bind_int (stmt, 3, blind ? 1 : 0);
      ok = _rung_store_step_done (self, stmt, error);
      id = ok ? sqlite3_last_insert_rowid (_rung_store_get_database (self)) : 0;
    }

  for (guint i = 0; ok && i < n_candidates; i++)
    {
      g_autoptr(RungStatement) insert =
        _rung_store_prepare (self,
                             "INSERT INTO agenda (meeting_id, candidate_id, position, alias)"
                             " VALUES (?1, ?2, ?3, ?4)",
                             error);

      ok = insert != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (insert, 1, id);
          sqlite3_bind_int64 (insert, 2, candidate_ids[i]);
          sqlite3_bind_int (insert, 3, i);
          sqlite3_bind_int (insert, 4, aliases ? (int)aliases[i] : (int)i);
          ok = _rung_store_step_done (self, insert, error);
        }
    }

  if (ok)
    {
      after = _rung_store_row_json (self, MEETING_JSON, id, 0, NULL);
      ok = _rung_store_audit (self, who, "start", "meeting", id, NULL, after, error);
    }

  return _rung_store_finish (self, ok, error) ? id : 0;
}

RungMeetingRecord *
rung_store_get_meeting (RungStore  *self,
                        gint64      meeting_id,
                        GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self, "SELECT " MEETING_COLUMNS " FROM meetings WHERE id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _rung_store_no_such_row (error);
      return NULL;
    }

  return read_meeting (stmt);
}

/**
 * rung_store_get_open_meeting:
 *
 * Returns: (nullable): the meeting under way; %NULL without @error set when
 *   there is none
 */
RungMeetingRecord *
rung_store_get_open_meeting (RungStore  *self,
                             GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self, "SELECT " MEETING_COLUMNS " FROM meetings WHERE ended_at IS NULL",
                                    error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_meeting (stmt);
  if (rc != SQLITE_DONE)
    _rung_store_set_sqlite_error (self, error, rc);

  return NULL;
}

/**
 * rung_store_list_meetings:
 *
 * Returns: every meeting, the first one first
 */
GPtrArray *
rung_store_list_meetings (RungStore  *self,
                          GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self, "SELECT " MEETING_COLUMNS " FROM meetings ORDER BY started_at, id",
                                    error)))
    return NULL;

  return _rung_store_collect (self, stmt, (RungReadRow)read_meeting,
                              (GDestroyNotify)rung_meeting_record_free, error);
}

/**
 * rung_store_list_agenda:
 *
 * The agenda in order. A deleted candidate is left out, and the positions
 * count the others: 0, 1, … with no gaps.
 *
 * Returns: a #GPtrArray of #RungAgendaRecord
 */
GPtrArray *
rung_store_list_agenda (RungStore  *self,
                        gint64      meeting_id,
                        GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT agenda.meeting_id, agenda.candidate_id,"
                                    " row_number () OVER (ORDER BY agenda.position) - 1,"
                                    " agenda.state, agenda.seconds_spent,"
                                    " coalesce (agenda.alias, agenda.position)"
                                    " FROM agenda JOIN candidates ON candidates.id = agenda.candidate_id"
                                    " WHERE agenda.meeting_id = ?1 AND candidates.deleted_at IS NULL"
                                    " ORDER BY agenda.position",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);

  return _rung_store_collect (self, stmt, (RungReadRow)read_agenda,
                              (GDestroyNotify)rung_agenda_record_free, error);
}

/* The agenda's candidates in order: the live ones, then the deleted. */
static GArray *
agenda_order (RungStore  *self,
              gint64      meeting_id,
              guint      *n_live,
              GError    **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self,
                         "SELECT agenda.candidate_id, candidates.deleted_at IS NULL"
                         " FROM agenda JOIN candidates ON candidates.id = agenda.candidate_id"
                         " WHERE agenda.meeting_id = ?1"
                         " ORDER BY candidates.deleted_at IS NOT NULL, agenda.position",
                         error);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;

  *n_live = 0;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (order, id);
      if (sqlite3_column_int (stmt, 1))
        (*n_live)++;
    }

  if (rc != SQLITE_DONE)
    {
      _rung_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&order);
}

/* Gives each candidate of @order its index as position. */
static gboolean
write_agenda_order (RungStore     *self,
                    gint64         meeting_id,
                    const GArray  *order,
                    GError       **error)
{
  g_autoptr(RungStatement) park = NULL;
  gboolean ok;

  /* Out of the way first, so that no two rows ever share a position. */
  ok = (park = _rung_store_prepare (self, "UPDATE agenda SET position = -1 - position WHERE meeting_id = ?1",
                                    error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (park, 1, meeting_id);
      ok = _rung_store_step_done (self, park, error);
    }

  for (guint i = 0; ok && i < order->len; i++)
    {
      g_autoptr(RungStatement) place =
        _rung_store_prepare (self, "UPDATE agenda SET position = ?3 WHERE meeting_id = ?1 AND candidate_id = ?2",
                             error);

      ok = place != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (place, 1, meeting_id);
          sqlite3_bind_int64 (place, 2, g_array_index (order, gint64, i));
          sqlite3_bind_int (place, 3, i);
          ok = _rung_store_step_done (self, place, error);
        }
    }

  return ok;
}

/**
 * rung_store_move_agenda_item:
 * @new_position: where the candidate goes among the live candidates of the
 *   agenda; past the end means last
 *
 * Moves a candidate on the agenda; the others close up behind it, all in one
 * transaction.
 */
gboolean
rung_store_move_agenda_item (RungStore   *self,
                             const char  *who,
                             gint64       meeting_id,
                             gint64       candidate_id,
                             guint        new_position,
                             GError     **error)
{
  g_autoptr(GArray) order = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_live = 0;
  guint old_position = G_MAXUINT;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = check_meeting_open (self, meeting_id, error) &&
       check_on_agenda (self, meeting_id, candidate_id, error) &&
       (order = agenda_order (self, meeting_id, &n_live, error)) != NULL;

  for (guint i = 0; ok && i < n_live; i++)
    if (g_array_index (order, gint64, i) == candidate_id)
      old_position = i;

  if (ok && old_position == G_MAXUINT)
    ok = _rung_store_no_such_row (error);

  new_position = MIN (new_position, n_live - 1);
  if (!ok || new_position == old_position)
    return _rung_store_finish (self, ok, error);

  g_array_remove_index (order, old_position);
  g_array_insert_val (order, new_position, candidate_id);

  before = _rung_store_row_json (self, AGENDA_JSON, meeting_id, candidate_id, NULL);
  ok = write_agenda_order (self, meeting_id, order, error);

  if (ok)
    {
      after = _rung_store_row_json (self, AGENDA_JSON, meeting_id, candidate_id, NULL);
      ok = _rung_store_audit (self, who, "move", "agenda", candidate_id, before, after, error);
    }

  return _rung_store_finish (self, ok, error);
}

/**
 * rung_store_set_agenda_order:
 * @candidate_ids: (array length=n_candidates): every live candidate of the
 *   agenda once, in their new order
 *
 * Puts the whole agenda in a new order at once, in one transaction and one
 * entry of the audit log: ordering by disagreement, and undoing that. A
 * deleted candidate keeps its row, after the live ones.
 */
gboolean
rung_store_set_agenda_order (RungStore     *self,
                             const char    *who,
                             gint64         meeting_id,
                             const gint64  *candidate_ids,
                             guint          n_candidates,
                             GError       **error)
{
  g_autoptr(GArray) order = NULL;
  g_autoptr(GHashTable) live = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_live = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (candidate_ids != NULL || n_candidates == 0, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = check_meeting_open (self, meeting_id, error) &&
       (order = agenda_order (self, meeting_id, &n_live, error)) != NULL;

  for (guint i = 0; ok && i < n_live; i++)
    g_hash_table_add (live, &g_array_index (order, gint64, i));

  if (ok && n_candidates != n_live)
    ok = _rung_store_rule_broken (error, _("A new order of the agenda must name each of its candidates once."));

  /* Each one named must be a different live candidate of the agenda. */
  for (guint i = 0; ok && i < n_candidates; i++)
    if (!g_hash_table_remove (live, &candidate_ids[i]))
      ok = _rung_store_rule_broken (error, _("A new order of the agenda must name each of its candidates once."));

  if (!ok)
    return _rung_store_finish (self, FALSE, error);

  before = _rung_store_row_json (self, MEETING_JSON, meeting_id, 0, NULL);

  /* The deleted stay behind the live, in their order. */
  g_array_remove_range (order, 0, n_live);
  g_array_prepend_vals (order, candidate_ids, n_candidates);
  ok = write_agenda_order (self, meeting_id, order, error);

  if (ok)
    {
      after = _rung_store_row_json (self, MEETING_JSON, meeting_id, 0, NULL);
      if (g_strcmp0 (before, after) != 0)
        ok = _rung_store_audit (self, who, "reorder", "meeting", meeting_id, before, after, error);
    }

  return _rung_store_finish (self, ok, error);
}

/**
 * rung_store_set_agenda_current:
 * @candidate_id: who is discussed now, or 0 for nobody
 *
 * The candidate discussed until now goes back to waiting, or on to decided
 * if the panel decided on them in this meeting.
 */
gboolean
rung_store_set_agenda_current (RungStore   *self,
                               const char  *who,
                               gint64       meeting_id,
                               gint64       candidate_id,
                               GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = check_meeting_open (self, meeting_id, error) &&
       (candidate_id == 0 || check_on_agenda (self, meeting_id, candidate_id, error));

  /* Releasing first keeps the one-"now" index satisfied at every step. */
  if (ok)
    {
      g_autoptr(RungStatement) stmt =
        _rung_store_prepare (self, "SELECT 1 FROM agenda WHERE meeting_id = ?1 AND candidate_id = ?2 AND state = 'now'",
                             error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, candidate_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            return _rung_store_finish (self, TRUE, error);
        }
    }

  ok = ok && release_current (self, who, meeting_id, error);
  if (ok && candidate_id != 0)
    ok = write_agenda_item (self, who, "current",
                            "UPDATE agenda SET state = 'now' WHERE meeting_id = ?1 AND candidate_id = ?2",
                            meeting_id, candidate_id, 0, error);

  return _rung_store_finish (self, ok, error);
}

gboolean
rung_store_mark_agenda_decided (RungStore   *self,
                                const char  *who,
                                gint64       meeting_id,
                                gint64       candidate_id,
                                GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = check_meeting_open (self, meeting_id, error) &&
       check_on_agenda (self, meeting_id, candidate_id, error) &&
       write_agenda_item (self, who, "decide",
                          "UPDATE agenda SET state = 'decided'"
                          " WHERE meeting_id = ?1 AND candidate_id = ?2 AND state != 'decided'",
                          meeting_id, candidate_id, 0, error);

  return _rung_store_finish (self, ok, error);
}

/* A decision recorded on a candidate on the open meeting's agenda marks them
 * decided there, in the decision's transaction. */
gboolean
_rung_store_agenda_decided (RungStore   *self,
                            const char  *who,
                            gint64       candidate_id,
                            GError     **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self,
                         "SELECT agenda.meeting_id FROM agenda JOIN meetings ON meetings.id = agenda.meeting_id"
                         " WHERE meetings.ended_at IS NULL AND agenda.candidate_id = ?1",
                         error);
  gint64 meeting_id;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  meeting_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return write_agenda_item (self, who, "decide",
                            "UPDATE agenda SET state = 'decided'"
                            " WHERE meeting_id = ?1 AND candidate_id = ?2 AND state != 'decided'",
                            meeting_id, candidate_id, 0, error);
}

/**
 * rung_store_add_agenda_time:
 * @seconds: time spent on the candidate since the last call
 *
 * Adds to the time the meeting spent discussing a candidate. The meeting's
 * timer calls this as it goes, so that a crash loses a few seconds at most:
 * the time is on disk when this returns.
 */
gboolean
rung_store_add_agenda_time (RungStore   *self,
                            const char  *who,
                            gint64       meeting_id,
                            gint64       candidate_id,
                            guint        seconds,
                            GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = check_meeting_open (self, meeting_id, error) &&
       check_on_agenda (self, meeting_id, candidate_id, error);
  if (ok && seconds > 0)
    ok = write_agenda_item (self, who, "time",
                            "UPDATE agenda SET seconds_spent = seconds_spent + ?3"
                            " WHERE meeting_id = ?1 AND candidate_id = ?2",
                            meeting_id, candidate_id, seconds, error);

  return _rung_store_finish (self, ok, error);
}

/* Runs one write to a meeting and audits it, if it changed anything. */
static gboolean
write_meeting (RungStore   *self,
               const char  *who,
               const char  *action,
               const char  *sql,
               gint64       meeting_id,
               gint64       value,
               GError     **error)
{
  g_autoptr(RungStatement) stmt = NULL;
  g_autofree char *before = _rung_store_row_json (self, MEETING_JSON, meeting_id, 0, NULL);
  g_autofree char *after = NULL;

  if (!(stmt = _rung_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, value);
  if (!_rung_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_rung_store_get_database (self)) == 0)
    return TRUE;

  after = _rung_store_row_json (self, MEETING_JSON, meeting_id, 0, NULL);

  return _rung_store_audit (self, who, action, "meeting", meeting_id, before, after, error);
}

gboolean
rung_store_set_meeting_blind (RungStore   *self,
                              const char  *who,
                              gint64       meeting_id,
                              gboolean     blind,
                              GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = check_meeting_open (self, meeting_id, error) &&
       write_meeting (self, who, "update",
                      "UPDATE meetings SET blind = ?2 WHERE id = ?1 AND blind != ?2",
                      meeting_id, blind ? 1 : 0, error);

  return _rung_store_finish (self, ok, error);
}

/**
 * rung_store_set_attendees:
 * @panelist_ids: (array length=n_panelists): who attends; a panelist named
 *   twice attends once
 *
 * Replaces the meeting's list of attendees. Their names are kept as they
 * are now, for the minutes.
 */
gboolean
rung_store_set_attendees (RungStore     *self,
                          const char    *who,
                          gint64         meeting_id,
                          const gint64  *panelist_ids,
                          guint          n_panelists,
                          GError       **error)
{
  g_autoptr(RungStatement) clear = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (panelist_ids != NULL || n_panelists == 0, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = check_meeting_open (self, meeting_id, error);
  if (ok)
    {
      before = _rung_store_row_json (self, MEETING_JSON, meeting_id, 0, NULL);
      ok = (clear = _rung_store_prepare (self, "DELETE FROM attendees WHERE meeting_id = ?1", error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (clear, 1, meeting_id);
      ok = _rung_store_step_done (self, clear, error);
    }

  for (guint i = 0; ok && i < n_panelists; i++)
    {
      g_autoptr(RungStatement) insert =
        _rung_store_prepare (self,
                             "INSERT INTO attendees (meeting_id, panelist_id, name)"
                             " SELECT ?1, id, name FROM panelists WHERE id = ?2"
                             " ON CONFLICT (meeting_id, panelist_id) DO NOTHING",
                             error);

      ok = insert != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (insert, 1, meeting_id);
          sqlite3_bind_int64 (insert, 2, panelist_ids[i]);
          ok = _rung_store_step_done (self, insert, error);
        }
      if (ok && sqlite3_changes (_rung_store_get_database (self)) == 0)
        {
          g_autoptr(RungStatement) exists =
            _rung_store_prepare (self, "SELECT 1 FROM panelists WHERE id = ?1", error);

          ok = exists != NULL;
          if (ok)
            {
              sqlite3_bind_int64 (exists, 1, panelist_ids[i]);
              if (sqlite3_step (exists) != SQLITE_ROW)
                ok = _rung_store_no_such_row (error);
            }
        }
    }

  if (ok)
    {
      after = _rung_store_row_json (self, MEETING_JSON, meeting_id, 0, NULL);
      if (g_strcmp0 (before, after) != 0)
        ok = _rung_store_audit (self, who, "attendees", "meeting", meeting_id, before, after, error);
    }

  return _rung_store_finish (self, ok, error);
}

/**
 * rung_store_list_attendees:
 *
 * Returns: a #GPtrArray of #RungAttendeeRecord, by name
 */
GPtrArray *
rung_store_list_attendees (RungStore  *self,
                           gint64      meeting_id,
                           GError    **error)
{
  g_autoptr(RungStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _rung_store_prepare (self,
                                    "SELECT meeting_id, panelist_id, name FROM attendees WHERE meeting_id = ?1"
                                    " ORDER BY name, panelist_id",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);

  return _rung_store_collect (self, stmt, (RungReadRow)read_attendee,
                              (GDestroyNotify)rung_attendee_record_free, error);
}

/**
 * rung_store_end_meeting:
 *
 * Ends the meeting: whoever was under discussion is released, and from now
 * on nothing of the meeting, its agenda or its attendees can change.
 */
gboolean
rung_store_end_meeting (RungStore   *self,
                        const char  *who,
                        gint64       meeting_id,
                        GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!_rung_store_begin (self, error))
    return FALSE;

  ok = check_meeting_open (self, meeting_id, error) &&
       release_current (self, who, meeting_id, error) &&
       write_meeting (self, who, "end",
                      "UPDATE meetings SET ended_at = " NOW_SQL " WHERE id = ?1 AND ended_at IS NULL",
                      meeting_id, 0, error);

  return _rung_store_finish (self, ok, error);
}

/* A panelist who attended an ended meeting stays in the panel: the minutes
 * name them. */
gboolean
_rung_store_check_can_remove_panelist (RungStore   *self,
                                       gint64       panelist_id,
                                       GError     **error)
{
  g_autoptr(RungStatement) stmt =
    _rung_store_prepare (self,
                         "SELECT attendees.name, meetings.title FROM attendees"
                         " JOIN meetings ON meetings.id = attendees.meeting_id"
                         " WHERE attendees.panelist_id = ?1 AND meetings.ended_at IS NOT NULL"
                         " ORDER BY meetings.started_at LIMIT 1",
                         error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, panelist_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("%s attended the meeting “%s”, whose minutes name them, so they stay in the panel."),
                   (const char *)sqlite3_column_text (stmt, 0),
                   (const char *)sqlite3_column_text (stmt, 1));
      return FALSE;
    }

  return TRUE;
}

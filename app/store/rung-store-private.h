/* rung-store-private.h: what the store's files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rung-store.h"

G_BEGIN_DECLS

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%fZ','now')"

struct _RungStore
{
  sqlite3    *db;
  char       *path;
  gboolean    read_only;
  int         opened_version;
  guint       snapshot_depth; /* rung_store_begin_snapshot() calls not yet ended */
  GHashTable *statements;   /* SQL → prepared sqlite3_stmt, kept for reuse */
};

/* A statement borrowed from the store's cache: going out of scope resets it
 * for the next caller instead of finalizing it. Preparing SQL costs more than
 * running most of it. */
typedef sqlite3_stmt RungStatement;

static inline void
statement_release (RungStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungStatement, statement_release)

#define PANEL_JSON \
  "SELECT json_object ('name', name, 'committee', committee, 'cycle_name', cycle_name," \
  " 'cycle_start', cycle_start, 'cycle_end', cycle_end, 'ladder_sha256', ladder_sha256)" \
  " FROM panel WHERE id = 1 AND ?1 = ?1 AND ?2 = ?2 AND coalesce (?3, '') = coalesce (?3, '')"
#define CANDIDATE_JSON \
  "SELECT json_object ('id', id, 'name', name, 'current_level', current_level," \
  " 'target_level', target_level, 'manager', manager, 'team', team, 'status', status," \
  " 'summary', summary, 'coverage_override', coverage_override, 'deleted_at', deleted_at)" \
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
  " 'recorded_at', recorded_at, 'reason', reason," \
  " 'citations', json ((SELECT json_group_array (json_object ('kind', kind, 'evidence_id', evidence_id," \
  "   'panelist_id', panelist_id, 'area_id', area_id, 'label', label)) FROM" \
  "   (SELECT * FROM citations WHERE decision_id = d.id ORDER BY position))))" \
  " FROM decisions AS d WHERE id = ?1 AND ?2 = ?2 AND coalesce (?3, '') = coalesce (?3, '')"

#define MEETING_JSON \
  "SELECT json_object ('id', id, 'title', title, 'minutes_per_candidate', minutes_per_candidate," \
  " 'blind', blind, 'started_at', started_at, 'ended_at', ended_at," \
  " 'agenda', json ((SELECT json_group_array (candidate_id) FROM" \
  "   (SELECT candidate_id FROM agenda WHERE meeting_id = m.id ORDER BY position)))," \
  " 'attendees', json ((SELECT json_group_array (panelist_id) FROM" \
  "   (SELECT panelist_id FROM attendees WHERE meeting_id = m.id ORDER BY panelist_id))))" \
  " FROM meetings AS m WHERE id = ?1 AND ?2 = ?2 AND coalesce (?3, '') = coalesce (?3, '')"
#define AGENDA_JSON \
  "SELECT json_object ('meeting_id', meeting_id, 'candidate_id', candidate_id," \
  " 'position', position, 'state', state, 'seconds_spent', seconds_spent)" \
  " FROM agenda WHERE meeting_id = ?1 AND candidate_id = ?2 AND coalesce (?3, '') = coalesce (?3, '')"

/* Reads one row of a statement into a record. */
typedef gpointer (*RungReadRow) (sqlite3_stmt *stmt);

const char *_rung_store_schema_v1    (void);
const char *_rung_store_migration    (int        from_version);
sqlite3    *_rung_store_get_database (RungStore *self);

gboolean       _rung_store_set_sqlite_error  (RungStore       *self,
                                              GError         **error,
                                              int              rc);
RungStatement *_rung_store_prepare           (RungStore       *self,
                                              const char      *sql,
                                              GError         **error);
void           _rung_store_bind_text         (sqlite3_stmt    *stmt,
                                              int              index,
                                              const char      *text);
char          *_rung_store_column_text       (sqlite3_stmt    *stmt,
                                              int              index);
gboolean       _rung_store_step_done         (RungStore       *self,
                                              sqlite3_stmt    *stmt,
                                              GError         **error);
gboolean       _rung_store_begin             (RungStore       *self,
                                              GError         **error);
gboolean       _rung_store_finish            (RungStore       *self,
                                              gboolean         ok,
                                              GError         **error);
gboolean       _rung_store_no_such_row       (GError         **error);
gboolean       _rung_store_rule_broken       (GError         **error,
                                              const char      *message);
gboolean       _rung_store_is_blank_text     (const char      *text);
char          *_rung_store_candidate_name    (RungStore       *self,
                                              gint64           candidate_id);
char          *_rung_store_panelist_name     (RungStore       *self,
                                              gint64           panelist_id);
char          *_rung_store_row_json          (RungStore       *self,
                                              const char      *sql,
                                              gint64           a,
                                              gint64           b,
                                              const char      *c);
gboolean       _rung_store_audit             (RungStore       *self,
                                              const char      *who,
                                              const char      *action,
                                              const char      *entity,
                                              gint64           entity_id,
                                              const char      *before,
                                              const char      *after,
                                              GError         **error);
GPtrArray     *_rung_store_collect           (RungStore       *self,
                                              sqlite3_stmt    *stmt,
                                              RungReadRow      read_row,
                                              GDestroyNotify   free_record,
                                              GError         **error);
gboolean       _rung_store_candidate_is_live (RungStore       *self,
                                              gint64           candidate_id,
                                              GError         **error);
gboolean       _rung_store_agenda_decided    (RungStore       *self,
                                              const char      *who,
                                              gint64           candidate_id,
                                              GError         **error);
gboolean       _rung_store_write_citations   (RungStore                *self,
                                              const RungDecisionRecord *decision,
                                              gint64                    decision_id,
                                              const RungCitationRecord *citations,
                                              guint                     n_citations,
                                              GError                  **error);
gboolean       _rung_store_check_can_remove_panelist (RungStore  *self,
                                                      gint64      panelist_id,
                                                      GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS

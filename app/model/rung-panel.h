/* rung-panel.h: the panel file, Rung's document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_PANEL (rung_panel_get_type ())

G_DECLARE_FINAL_TYPE (RungPanel, rung_panel, RUNG, PANEL, GObject)

RungPanel     *rung_panel_create               (const char     *path,
                                                const char     *name,
                                                const char     *committee,
                                                const char     *cycle_name,
                                                RungLadder     *ladder,
                                                GError        **error);
RungPanel     *rung_panel_open                 (const char     *path,
                                                RungStoreOpenFlags flags,
                                                GError        **error);

/* A panel file opened and checked on a thread of its own, while the caller
 * builds what will show it; finish it (once) to get the panel. */
RungPanelOpening *rung_panel_open_begin        (const char     *path,
                                                RungStoreOpenFlags flags);
const char    *rung_panel_opening_get_path     (RungPanelOpening *opening);
RungPanel     *rung_panel_open_finish          (RungPanelOpening *opening,
                                                GError        **error);

void           rung_panel_flush                (RungPanel      *self);
void           rung_panel_close                (RungPanel      *self);
gboolean       rung_panel_is_closed            (RungPanel      *self);
const char    *rung_panel_get_path             (RungPanel      *self);
gboolean       rung_panel_is_read_only         (RungPanel      *self);
RungLadder    *rung_panel_get_ladder           (RungPanel      *self);
const char    *rung_panel_get_name             (RungPanel      *self);
const char    *rung_panel_get_committee        (RungPanel      *self);
const char    *rung_panel_get_cycle_name       (RungPanel      *self);
gboolean       rung_panel_set_info             (RungPanel      *self,
                                                const char     *name,
                                                const char     *committee,
                                                const char     *cycle_name,
                                                GError        **error);
const char    *rung_panel_get_user_name        (RungPanel      *self);
void           rung_panel_set_user_name        (RungPanel      *self,
                                                const char     *user_name);
gboolean       rung_panel_begin_snapshot       (RungPanel      *self,
                                                GError        **error);
void           rung_panel_end_snapshot         (RungPanel      *self);

/* Candidates */
GListModel    *rung_panel_get_candidates       (RungPanel      *self);
RungCandidate *rung_panel_find_candidate       (RungPanel      *self,
                                                gint64          candidate_id);
RungCandidate *rung_panel_find_candidate_by_name (RungPanel    *self,
                                                  const char   *name);
RungCandidate *rung_panel_add_candidate        (RungPanel      *self,
                                                const char     *name,
                                                const char     *current_level,
                                                const char     *target_level,
                                                const char     *manager,
                                                const char     *team,
                                                GError        **error);
gboolean       rung_panel_delete_candidate     (RungPanel      *self,
                                                RungCandidate  *candidate,
                                                GError        **error);
RungCandidate *rung_panel_restore_candidate    (RungPanel      *self,
                                                gint64          candidate_id,
                                                GError        **error);
GArray        *rung_panel_search               (RungPanel      *self,
                                                const char     *query,
                                                GError        **error);

/* Panelists and conflicts */
GListModel    *rung_panel_get_panelists        (RungPanel      *self);
RungPanelist  *rung_panel_find_panelist        (RungPanel      *self,
                                                gint64          panelist_id);
RungPanelist  *rung_panel_add_panelist         (RungPanel      *self,
                                                const char     *name,
                                                const char     *role,
                                                GError        **error);
gboolean       rung_panel_rename_panelist      (RungPanel      *self,
                                                RungPanelist   *panelist,
                                                const char     *name,
                                                const char     *role,
                                                GError        **error);
gboolean       rung_panel_remove_panelist      (RungPanel      *self,
                                                RungPanelist   *panelist,
                                                GError        **error);
gboolean       rung_panel_has_conflict         (RungPanel      *self,
                                                RungPanelist   *panelist,
                                                RungCandidate  *candidate);
gboolean       rung_panel_set_conflict         (RungPanel      *self,
                                                RungPanelist   *panelist,
                                                RungCandidate  *candidate,
                                                gboolean        conflicted,
                                                const char     *reason,
                                                GError        **error);
guint          rung_panel_count_eligible_voters (RungPanel     *self,
                                                 RungCandidate *candidate);

/* Ratings, concerns, decisions */
gboolean       rung_panel_set_rating           (RungPanel      *self,
                                                RungPanelist   *panelist,
                                                RungCandidate  *candidate,
                                                const char     *area_id,
                                                int             value,
                                                const char     *comment,
                                                GError        **error);
gboolean       rung_panel_clear_rating         (RungPanel      *self,
                                                RungPanelist   *panelist,
                                                RungCandidate  *candidate,
                                                const char     *area_id,
                                                GError        **error);
gboolean       rung_panel_set_concern          (RungPanel      *self,
                                                RungPanelist   *panelist,
                                                RungCandidate  *candidate,
                                                const char     *anti_pattern_id,
                                                const char     *note,
                                                GError        **error);
gboolean       rung_panel_clear_concern        (RungPanel      *self,
                                                RungPanelist   *panelist,
                                                RungCandidate  *candidate,
                                                const char     *anti_pattern_id,
                                                GError        **error);
RungDecision  *rung_panel_record_decision      (RungPanel      *self,
                                                RungCandidate  *candidate,
                                                const char     *outcome_id,
                                                guint           votes_for,
                                                guint           votes_against,
                                                guint           votes_abstain,
                                                const char     *rationale,
                                                const char     *reason,
                                                GError        **error);
RungDecision  *rung_panel_record_decision_citing (RungPanel    *self,
                                                  RungCandidate *candidate,
                                                  const char   *outcome_id,
                                                  guint         votes_for,
                                                  guint         votes_against,
                                                  guint         votes_abstain,
                                                  const char   *rationale,
                                                  const char   *reason,
                                                  GPtrArray    *cited,
                                                  GError      **error);
/* Meetings */
RungMeeting   *rung_panel_start_meeting        (RungPanel      *self,
                                                const char     *title,
                                                guint           minutes_per_candidate,
                                                gboolean        blind,
                                                GError        **error);
RungMeeting   *rung_panel_get_open_meeting     (RungPanel      *self);
gboolean       rung_panel_get_blind            (RungPanel      *self);
GListModel    *rung_panel_list_meetings        (RungPanel      *self,
                                                GError        **error);

/* Subjective language */
RungLanguageTerms *rung_panel_get_language_terms (RungPanel    *self);

GPtrArray     *rung_panel_list_audit           (RungPanel      *self,
                                                guint           limit,
                                                GError        **error);

G_END_DECLS

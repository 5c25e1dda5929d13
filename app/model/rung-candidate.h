/* rung-candidate.h: a candidate for promotion, in a panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_CANDIDATE (rung_candidate_get_type ())

G_DECLARE_FINAL_TYPE (RungCandidate, rung_candidate, RUNG, CANDIDATE, GObject)

const char          *rung_candidate_status_get_label    (RungCandidateStatus   status);
gint64               rung_candidate_get_id              (RungCandidate        *self);
RungPanel           *rung_candidate_get_panel           (RungCandidate        *self);
const char          *rung_candidate_get_name            (RungCandidate        *self);
char                *rung_candidate_dup_display_name    (RungCandidate        *self);
char                *rung_candidate_dup_blind_text      (RungCandidate        *self,
                                                         const char           *text);
char                *rung_candidate_dup_text_without_name (RungCandidate      *self,
                                                         const char           *text,
                                                         const char           *alias);
const char          *rung_candidate_get_current_level   (RungCandidate        *self);
const char          *rung_candidate_get_target_level    (RungCandidate        *self);
const char          *rung_candidate_get_manager         (RungCandidate        *self);
const char          *rung_candidate_get_team            (RungCandidate        *self);
const char          *rung_candidate_get_summary         (RungCandidate        *self);
RungCandidateStatus  rung_candidate_get_status          (RungCandidate        *self);
const char          *rung_candidate_get_updated_at      (RungCandidate        *self);
RungLevel           *rung_candidate_get_level           (RungCandidate        *self);
gboolean             rung_candidate_set_details         (RungCandidate        *self,
                                                         const char           *name,
                                                         const char           *current_level,
                                                         const char           *target_level,
                                                         const char           *manager,
                                                         const char           *team,
                                                         GError              **error);
gboolean             rung_candidate_set_summary         (RungCandidate        *self,
                                                         const char           *summary,
                                                         GError              **error);
gboolean             rung_candidate_set_status          (RungCandidate        *self,
                                                         RungCandidateStatus   status,
                                                         GError              **error);

/* The coverage gate: leaving draft needs evidence in every area, or a reason */
GPtrArray           *rung_candidate_list_uncovered_areas (RungCandidate       *self);
char                *rung_candidate_dup_uncovered_summary (RungCandidate      *self);
const char          *rung_candidate_get_coverage_override (RungCandidate      *self);
gboolean             rung_candidate_override_coverage   (RungCandidate        *self,
                                                         RungCandidateStatus   status,
                                                         const char           *reason,
                                                         GError              **error);

/* Evidence, per expectation of the target level */
GListModel          *rung_candidate_get_evidence        (RungCandidate        *self,
                                                         const char           *expectation_id);
guint                rung_candidate_get_n_evidence      (RungCandidate        *self);
guint                rung_candidate_get_n_covered       (RungCandidate        *self);
guint                rung_candidate_get_n_expectations  (RungCandidate        *self);
guint                rung_candidate_get_n_covered_in_area (RungCandidate      *self,
                                                           RungArea           *area);
RungEvidence        *rung_candidate_add_evidence        (RungCandidate        *self,
                                                         const char           *expectation_id,
                                                         const char           *title,
                                                         const char           *text,
                                                         const char           *link,
                                                         const char           *date,
                                                         GError              **error);
gboolean             rung_candidate_remove_evidence     (RungCandidate        *self,
                                                         RungEvidence         *evidence,
                                                         GError              **error);
RungEvidence        *rung_candidate_find_evidence       (RungCandidate        *self,
                                                         gint64                evidence_id);

/* What the panel said */
GListModel          *rung_candidate_get_ratings         (RungCandidate        *self);
RungRating          *rung_candidate_find_rating         (RungCandidate        *self,
                                                         RungPanelist         *panelist,
                                                         const char           *area_id);
GListModel          *rung_candidate_get_concerns        (RungCandidate        *self);
GListModel          *rung_candidate_get_decisions       (RungCandidate        *self);
RungDecision        *rung_candidate_get_latest_decision (RungCandidate        *self);

/* Memory */
void                 rung_candidate_forget_loaded       (RungCandidate        *self);

G_END_DECLS

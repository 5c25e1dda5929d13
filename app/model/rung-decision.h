/* rung-decision.h: one revision of a panel's decision on a candidate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_DECISION (rung_decision_get_type ())

G_DECLARE_FINAL_TYPE (RungDecision, rung_decision, RUNG, DECISION, GObject)

gint64                    rung_decision_get_id            (RungDecision *self);
gint64                    rung_decision_get_candidate_id  (RungDecision *self);
int                       rung_decision_get_revision      (RungDecision *self);
const char               *rung_decision_get_outcome_id    (RungDecision *self);
int                       rung_decision_get_votes_for     (RungDecision *self);
int                       rung_decision_get_votes_against (RungDecision *self);
int                       rung_decision_get_votes_abstain (RungDecision *self);
const char               *rung_decision_get_rationale     (RungDecision *self);
const char               *rung_decision_get_recorded_by   (RungDecision *self);
const char               *rung_decision_get_recorded_at   (RungDecision *self);
const char               *rung_decision_get_reason        (RungDecision *self);
GListModel               *rung_decision_get_citations     (RungDecision *self);
guint                     rung_decision_get_n_citations   (RungDecision *self);
const RungDecisionRecord *rung_decision_get_record        (RungDecision *self);

G_END_DECLS

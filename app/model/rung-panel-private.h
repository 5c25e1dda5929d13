/* rung-panel-private.h: how the panel and its objects work together. The
 * panel owns the store; candidates and evidence write through it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-agenda-item.h"
#include "rung-candidate.h"
#include "rung-concern.h"
#include "rung-decision.h"
#include "rung-evidence.h"
#include "rung-meeting.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-rating.h"
#include "rung-store.h"

G_BEGIN_DECLS

RungStore     *_rung_panel_get_store          (RungPanel           *self);
const char    *_rung_panel_get_who            (RungPanel           *self);
gboolean       _rung_panel_check_writable     (RungPanel           *self,
                                               GError             **error);
RungCandidate *_rung_panel_adopt_imported     (RungPanel           *self,
                                               gint64               candidate_id,
                                               RungCandidate       *replaced,
                                               GError             **error);
void           _rung_panel_candidate_changed  (RungPanel           *self,
                                               RungCandidate       *candidate);
void           _rung_panel_candidate_renamed  (RungPanel           *self,
                                               RungCandidate       *candidate);

RungCandidate *_rung_candidate_new            (RungPanel           *panel,
                                               RungCandidateRecord *record);
void           _rung_candidate_take_record    (RungCandidate       *self,
                                               RungCandidateRecord *record);
void           _rung_candidate_reload_ratings (RungCandidate       *self);
void           _rung_candidate_notify_display_name (RungCandidate  *self);
void           _rung_candidate_reload_concerns (RungCandidate      *self);
void           _rung_candidate_reload_decisions (RungCandidate     *self);

RungEvidence  *_rung_evidence_new             (RungCandidate       *candidate,
                                               RungEvidenceRecord  *record);

RungPanelist  *_rung_panelist_new             (RungPanelistRecord  *record);
RungRating    *_rung_rating_new               (RungRatingRecord    *record);
RungConcern   *_rung_concern_new              (RungConcernRecord   *record);
RungDecision  *_rung_decision_new             (RungDecisionRecord  *record);
RungCitation  *_rung_citation_new             (const RungCitationRecord *record);
gboolean       _rung_citation_record_init     (RungCitationRecord  *record,
                                               RungCandidate       *candidate,
                                               GObject             *cited,
                                               GError             **error);
void           _rung_citation_record_clear    (RungCitationRecord  *record);

RungMeeting   *_rung_meeting_new              (RungPanel           *panel,
                                               RungMeetingRecord   *record);
void           _rung_meeting_sync             (RungMeeting         *self);
void           _rung_panel_meeting_ended      (RungPanel           *self,
                                               RungMeeting         *meeting);

RungAgendaItem *_rung_agenda_item_new         (RungCandidate          *candidate,
                                               const RungAgendaRecord *record);
void           _rung_agenda_item_update       (RungAgendaItem         *self,
                                               const RungAgendaRecord *record);
const gint64  *_rung_agenda_item_peek_candidate_id (RungAgendaItem    *self);

G_END_DECLS

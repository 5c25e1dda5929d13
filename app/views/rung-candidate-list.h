/* rung-candidate-list.h: the sidebar of a panel: its candidates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_CANDIDATE_LIST (rung_candidate_list_get_type ())

G_DECLARE_FINAL_TYPE (RungCandidateList, rung_candidate_list, RUNG, CANDIDATE_LIST, AdwBin)

RungPanel     *rung_candidate_list_get_panel     (RungCandidateList *self);
void           rung_candidate_list_set_panel     (RungCandidateList *self,
                                                  RungPanel         *panel);
RungCandidate *rung_candidate_list_get_selected  (RungCandidateList *self);
void           rung_candidate_list_select        (RungCandidateList *self,
                                                  RungCandidate     *candidate);
void           rung_candidate_list_focus_search  (RungCandidateList *self);
guint          rung_candidate_list_get_n_shown   (RungCandidateList *self);

G_END_DECLS

/* rung-candidate-page.h: one candidate: details, summary, evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_CANDIDATE_PAGE (rung_candidate_page_get_type ())

G_DECLARE_FINAL_TYPE (RungCandidatePage, rung_candidate_page, RUNG, CANDIDATE_PAGE, AdwBin)

RungCandidate *rung_candidate_page_get_candidate (RungCandidatePage *self);
void           rung_candidate_page_set_candidate (RungCandidatePage *self,
                                                  RungCandidate     *candidate);

G_END_DECLS

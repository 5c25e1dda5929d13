/* rung-evidence-view.h: a candidate's evidence beside every expectation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_EVIDENCE_VIEW (rung_evidence_view_get_type ())

G_DECLARE_FINAL_TYPE (RungEvidenceView, rung_evidence_view, RUNG, EVIDENCE_VIEW, AdwBin)

GtkWidget     *rung_evidence_view_new           (void);
RungCandidate *rung_evidence_view_get_candidate (RungEvidenceView *self);
void           rung_evidence_view_set_candidate (RungEvidenceView *self,
                                                 RungCandidate    *candidate);
gboolean       rung_evidence_view_is_filled     (RungEvidenceView *self);

G_END_DECLS

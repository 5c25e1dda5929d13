/* rung-decision-view.h: the panel's decision on a candidate, and its history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_DECISION_VIEW (rung_decision_view_get_type ())

G_DECLARE_FINAL_TYPE (RungDecisionView, rung_decision_view, RUNG, DECISION_VIEW, AdwBin)

GtkWidget *rung_decision_view_new           (void);
void       rung_decision_view_set_candidate (RungDecisionView *self,
                                             RungCandidate    *candidate);

G_END_DECLS

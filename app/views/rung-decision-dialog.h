/* rung-decision-dialog.h: Record Decision: the outcome, the votes and a
 * rationale, and for a change a reason; from the keyboard alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

/* Called once a decision has been recorded. */
typedef void (*RungDecisionRecorded) (RungCandidate *candidate,
                                      RungDecision  *decision,
                                      gpointer       user_data);

GtkWindow *rung_decision_dialog_present (GtkWidget            *parent,
                                         RungCandidate        *candidate,
                                         RungDecisionRecorded  recorded,
                                         gpointer              user_data);

G_END_DECLS

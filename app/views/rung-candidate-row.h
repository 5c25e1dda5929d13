/* rung-candidate-row.h: a candidate as the sidebar lists them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_CANDIDATE_ROW (rung_candidate_row_get_type ())

G_DECLARE_FINAL_TYPE (RungCandidateRow, rung_candidate_row, RUNG, CANDIDATE_ROW, GtkWidget)

GtkWidget     *rung_candidate_row_new           (void);
RungCandidate *rung_candidate_row_get_candidate (RungCandidateRow *self);
void           rung_candidate_row_set_candidate (RungCandidateRow *self,
                                                 RungCandidate    *candidate);

G_END_DECLS

/* rung-outcome.h: one decision a committee can reach.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_OUTCOME (rung_outcome_get_type ())

G_DECLARE_FINAL_TYPE (RungOutcome, rung_outcome, RUNG, OUTCOME, GObject)

const char *rung_outcome_get_id          (RungOutcome *self);
const char *rung_outcome_get_label       (RungOutcome *self);
const char *rung_outcome_get_description (RungOutcome *self);

G_END_DECLS

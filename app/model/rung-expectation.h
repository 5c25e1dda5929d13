/* rung-expectation.h: one expectation of a ladder's area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_EXPECTATION (rung_expectation_get_type ())

G_DECLARE_FINAL_TYPE (RungExpectation, rung_expectation, RUNG, EXPECTATION, GObject)

const char *rung_expectation_get_id      (RungExpectation *self);
const char *rung_expectation_get_title   (RungExpectation *self);
const char *rung_expectation_get_text    (RungExpectation *self);
const char *rung_expectation_get_area_id (RungExpectation *self);

G_END_DECLS

/* rung-grade.h: one step of a ladder's rating scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_GRADE (rung_grade_get_type ())

G_DECLARE_FINAL_TYPE (RungGrade, rung_grade, RUNG, GRADE, GObject)

int         rung_grade_get_value       (RungGrade *self);
const char *rung_grade_get_label       (RungGrade *self);
const char *rung_grade_get_description (RungGrade *self);

G_END_DECLS

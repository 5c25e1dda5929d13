/* rung-level.h: one level of a ladder (L6): summary, areas, anti-patterns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_LEVEL (rung_level_get_type ())

G_DECLARE_FINAL_TYPE (RungLevel, rung_level, RUNG, LEVEL, GObject)

const char      *rung_level_get_id                (RungLevel  *self);
const char      *rung_level_get_title             (RungLevel  *self);
const char      *rung_level_get_summary           (RungLevel  *self);
GListModel      *rung_level_get_areas             (RungLevel  *self);
GListModel      *rung_level_get_anti_patterns     (RungLevel  *self);
RungArea        *rung_level_find_area             (RungLevel  *self,
                                                   const char *area_id);
RungExpectation *rung_level_find_expectation      (RungLevel  *self,
                                                   const char *expectation_id);
guint            rung_level_get_n_expectations    (RungLevel  *self);

G_END_DECLS

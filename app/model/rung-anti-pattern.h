/* rung-anti-pattern.h: a behaviour a level warns against.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_ANTI_PATTERN (rung_anti_pattern_get_type ())

G_DECLARE_FINAL_TYPE (RungAntiPattern, rung_anti_pattern, RUNG, ANTI_PATTERN, GObject)

const char *rung_anti_pattern_get_id    (RungAntiPattern *self);
const char *rung_anti_pattern_get_title (RungAntiPattern *self);
const char *rung_anti_pattern_get_text  (RungAntiPattern *self);

G_END_DECLS

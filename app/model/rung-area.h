/* rung-area.h: an area of a level (Impact, Ownership, …) and its expectations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_AREA (rung_area_get_type ())

G_DECLARE_FINAL_TYPE (RungArea, rung_area, RUNG, AREA, GObject)

const char *rung_area_get_id           (RungArea   *self);
const char *rung_area_get_title        (RungArea   *self);
const char *rung_area_get_note         (RungArea   *self);
GListModel *rung_area_get_expectations (RungArea   *self);

G_END_DECLS

/* rung-panelist.h: a member of the panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_PANELIST (rung_panelist_get_type ())

G_DECLARE_FINAL_TYPE (RungPanelist, rung_panelist, RUNG, PANELIST, GObject)

gint64                    rung_panelist_get_id     (RungPanelist *self);
const char               *rung_panelist_get_name   (RungPanelist *self);
const char               *rung_panelist_get_role   (RungPanelist *self);
const RungPanelistRecord *rung_panelist_get_record (RungPanelist *self);

G_END_DECLS

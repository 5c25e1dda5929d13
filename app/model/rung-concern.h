/* rung-concern.h: a panelist's concern that a candidate shows an anti-pattern.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_CONCERN (rung_concern_get_type ())

G_DECLARE_FINAL_TYPE (RungConcern, rung_concern, RUNG, CONCERN, GObject)

gint64                   rung_concern_get_panelist_id     (RungConcern *self);
gint64                   rung_concern_get_candidate_id    (RungConcern *self);
const char              *rung_concern_get_anti_pattern_id (RungConcern *self);
const char              *rung_concern_get_note            (RungConcern *self);
const char              *rung_concern_get_updated_at      (RungConcern *self);
const RungConcernRecord *rung_concern_get_record          (RungConcern *self);

G_END_DECLS

/* rung-rating.h: one panelist's rating of one area of a candidate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_RATING (rung_rating_get_type ())

G_DECLARE_FINAL_TYPE (RungRating, rung_rating, RUNG, RATING, GObject)

gint64                  rung_rating_get_panelist_id  (RungRating *self);
gint64                  rung_rating_get_candidate_id (RungRating *self);
const char             *rung_rating_get_area_id      (RungRating *self);
int                     rung_rating_get_value        (RungRating *self);
const char             *rung_rating_get_comment      (RungRating *self);
const char             *rung_rating_get_updated_at   (RungRating *self);
const RungRatingRecord *rung_rating_get_record       (RungRating *self);

G_END_DECLS

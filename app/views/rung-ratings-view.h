/* rung-ratings-view.h: the panel's side of a candidate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_RATINGS_VIEW (rung_ratings_view_get_type ())

G_DECLARE_FINAL_TYPE (RungRatingsView, rung_ratings_view, RUNG, RATINGS_VIEW, AdwBin)

GtkWidget *rung_ratings_view_new           (void);
void       rung_ratings_view_set_candidate (RungRatingsView *self,
                                            RungCandidate   *candidate);

G_END_DECLS

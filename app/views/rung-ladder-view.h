/* rung-ladder-view.h: shows a ladder: its areas, expectations and anti-patterns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_LADDER_VIEW (rung_ladder_view_get_type ())

G_DECLARE_FINAL_TYPE (RungLadderView, rung_ladder_view, RUNG, LADDER_VIEW, AdwBin)

GtkWidget  *rung_ladder_view_new              (void);
RungLadder *rung_ladder_view_get_ladder       (RungLadderView *self);
void        rung_ladder_view_set_ladder       (RungLadderView *self,
                                               RungLadder     *ladder);
guint       rung_ladder_view_get_selected     (RungLadderView *self);
void        rung_ladder_view_set_selected     (RungLadderView *self,
                                               guint           position);

G_END_DECLS

/* rung-ladder-window.h: Rung's main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_LADDER_WINDOW (rung_ladder_window_get_type ())

G_DECLARE_FINAL_TYPE (RungLadderWindow, rung_ladder_window, RUNG, LADDER_WINDOW, AdwApplicationWindow)

RungLadderWindow *rung_ladder_window_new              (GtkApplication   *application,
                                                       RungLadder       *ladder);
RungLadder       *rung_ladder_window_get_ladder       (RungLadderWindow *self);
void              rung_ladder_window_set_ladder       (RungLadderWindow *self,
                                                       RungLadder       *ladder);
gboolean          rung_ladder_window_open_ladder_file (RungLadderWindow *self,
                                                       GFile            *file);

G_END_DECLS

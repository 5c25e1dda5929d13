/* rung-window.h: Rung's main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-application.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_WINDOW (rung_window_get_type ())

G_DECLARE_FINAL_TYPE (RungWindow, rung_window, RUNG, WINDOW, AdwApplicationWindow)

RungWindow *rung_window_new        (RungApplication *application);
RungLadder *rung_window_get_ladder (RungWindow      *self);
void        rung_window_set_ladder (RungWindow      *self,
                                    RungLadder      *ladder);
gboolean    rung_window_open_ladder_file (RungWindow *self,
                                          GFile      *file);

G_END_DECLS

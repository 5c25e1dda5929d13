/* rung-window.h: Rung's main window, on one panel file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_WINDOW (rung_window_get_type ())

G_DECLARE_FINAL_TYPE (RungWindow, rung_window, RUNG, WINDOW, AdwApplicationWindow)

RungWindow *rung_window_new             (GtkApplication  *application);
RungPanel  *rung_window_get_panel       (RungWindow      *self);
void        rung_window_set_panel       (RungWindow      *self,
                                         RungPanel       *panel);
gboolean    rung_window_open_panel_file (RungWindow      *self,
                                         GFile           *file);
gboolean    rung_window_finish_opening  (RungWindow      *self,
                                         RungPanelOpening *opening);
gboolean    rung_window_create_panel    (RungWindow      *self,
                                         GFile           *file,
                                         const char      *name,
                                         const char      *committee,
                                         const char      *cycle_name);
void        rung_window_open_demo       (RungWindow      *self);
void        rung_window_add_toast       (RungWindow      *self,
                                         AdwToast        *toast);

G_END_DECLS

/* rung-panel-view.h: a panel: its candidates beside the selected one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_PANEL_VIEW (rung_panel_view_get_type ())

G_DECLARE_FINAL_TYPE (RungPanelView, rung_panel_view, RUNG, PANEL_VIEW, AdwBin)

RungPanel     *rung_panel_view_get_panel             (RungPanelView *self);
void           rung_panel_view_set_panel             (RungPanelView *self,
                                                      RungPanel     *panel);
RungCandidate *rung_panel_view_get_selected          (RungPanelView *self);
void           rung_panel_view_select                (RungPanelView *self,
                                                      RungCandidate *candidate);

G_END_DECLS

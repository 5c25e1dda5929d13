/* rung-calibration-window.h: the panel's rater calibration, in a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_CALIBRATION_WINDOW (rung_calibration_window_get_type ())

G_DECLARE_FINAL_TYPE (RungCalibrationWindow, rung_calibration_window, RUNG, CALIBRATION_WINDOW, AdwWindow)

RungCalibrationWindow *rung_calibration_window_new    (GtkWindow             *parent,
                                                       RungPanel             *panel);
void                   rung_calibration_window_reload (RungCalibrationWindow *self);

G_END_DECLS

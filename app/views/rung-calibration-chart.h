/* rung-calibration-chart.h: each panelist's ratings against the panel's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RUNG_TYPE_CALIBRATION_CHART (rung_calibration_chart_get_type ())

G_DECLARE_FINAL_TYPE (RungCalibrationChart, rung_calibration_chart, RUNG, CALIBRATION_CHART, GtkWidget)

GtkWidget *rung_calibration_chart_new              (void);
void       rung_calibration_chart_set_calibrations (RungCalibrationChart *self,
                                                    GPtrArray            *calibrations);
char      *rung_calibration_chart_dup_description  (RungCalibrationChart *self);

G_END_DECLS

/* rung-spread-chart.h: how the panel's ratings spread, area by area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_SPREAD_CHART (rung_spread_chart_get_type ())

G_DECLARE_FINAL_TYPE (RungSpreadChart, rung_spread_chart, RUNG, SPREAD_CHART, GtkWidget)

GtkWidget *rung_spread_chart_new           (void);
void       rung_spread_chart_set_candidate (RungSpreadChart *self,
                                            RungCandidate   *candidate);

G_END_DECLS

/* rung-compare-window.h: candidates for the same level, side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_COMPARE_MAX 4

#define RUNG_TYPE_COMPARE_WINDOW (rung_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (RungCompareWindow, rung_compare_window, RUNG, COMPARE_WINDOW, AdwWindow)

GtkWidget *rung_compare_window_new        (RungPanel         *panel,
                                           RungCandidate     *first);
void       rung_compare_window_set_shown  (RungCompareWindow *self,
                                           RungCandidate     *candidate,
                                           gboolean           shown);
guint      rung_compare_window_get_n_shown (RungCompareWindow *self);

G_END_DECLS

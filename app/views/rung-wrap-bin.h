/* rung-wrap-bin.h: a bin for wrapped text whose width never depends on
 * its height.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RUNG_TYPE_WRAP_BIN (rung_wrap_bin_get_type ())

G_DECLARE_FINAL_TYPE (RungWrapBin, rung_wrap_bin, RUNG, WRAP_BIN, GtkWidget)

GtkWidget *rung_wrap_bin_new       (GtkWidget   *child);
GtkWidget *rung_wrap_bin_get_child (RungWrapBin *self);

G_END_DECLS

/* rung-growing-text-view.h: a text view as tall as its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RUNG_TYPE_GROWING_TEXT_VIEW (rung_growing_text_view_get_type ())

G_DECLARE_FINAL_TYPE (RungGrowingTextView, rung_growing_text_view, RUNG, GROWING_TEXT_VIEW, GtkTextView)

G_END_DECLS

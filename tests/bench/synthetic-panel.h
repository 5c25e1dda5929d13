/* synthetic-panel.h: makes large panels for the benchmarks, or copies them
 * from a cache of panels already made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean synthetic_panel_create (const char  *path,
                                 guint        n_candidates,
                                 GError     **error);

gboolean synthetic_panel_copy   (const char  *path,
                                 guint        n_candidates,
                                 GError     **error);

G_END_DECLS

/* rung-preferences-window.h: Rung's preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RUNG_TYPE_PREFERENCES_WINDOW (rung_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RungPreferencesWindow, rung_preferences_window, RUNG, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *rung_preferences_window_new (void);

G_END_DECLS

/* rung-language-window.h: Subjective Language…, the panel's list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_LANGUAGE_WINDOW (rung_language_window_get_type ())

G_DECLARE_FINAL_TYPE (RungLanguageWindow, rung_language_window, RUNG, LANGUAGE_WINDOW, AdwWindow)

RungLanguageWindow *rung_language_window_new (GtkWindow *parent,
                                              RungPanel *panel);

G_END_DECLS

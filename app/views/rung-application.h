/* rung-application.h: the Rung application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RUNG_TYPE_APPLICATION (rung_application_get_type ())

G_DECLARE_FINAL_TYPE (RungApplication, rung_application, RUNG, APPLICATION, AdwApplication)

RungApplication *rung_application_new (void);

G_END_DECLS

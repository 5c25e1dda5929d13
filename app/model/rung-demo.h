/* rung-demo.h: the demo panel, with fictional candidates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-types.h"

G_BEGIN_DECLS

RungPanel *rung_demo_create (const char  *path,
                             GError     **error);

G_END_DECLS

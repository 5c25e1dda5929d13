/* rung-command-line.h: Rung's headless commands (no display needed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

const GOptionEntry *rung_command_line_get_entries      (void);
gboolean            rung_command_line_wants_headless   (int    argc,
                                                        char **argv);
int                 rung_command_line_run              (int    argc,
                                                        char **argv);

G_END_DECLS

/* rung-csv.h: the panel's decisions as a spreadsheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-types.h"

G_BEGIN_DECLS

char     *rung_csv_escape_cell         (const char  *text);
char     *rung_csv_format_decisions    (RungPanel   *panel);
gboolean  rung_csv_export_decisions    (RungPanel   *panel,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS

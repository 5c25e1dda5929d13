/* rung-pdf-export.h: a printable document as a PDF file, without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rung-paper.h"
#include "rung-print-document.h"

G_BEGIN_DECLS

gboolean rung_pdf_export (RungPrintDocument  *document,
                          const char         *path,
                          RungPaper           paper,
                          GError            **error);

G_END_DECLS

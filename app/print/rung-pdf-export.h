/* rung-pdf-export.h: a printable document as a PDF file, without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-paper.h"
#include "rung-print-document.h"

G_BEGIN_DECLS

/* @fraction from 0 to 1, called in the thread that exports. */
typedef void (*RungPdfProgressFunc) (double    fraction,
                                     gpointer  user_data);

gboolean rung_pdf_export      (RungPrintDocument    *document,
                               const char           *path,
                               RungPaper             paper,
                               GError              **error);
gboolean rung_pdf_export_full (RungPrintDocument    *document,
                               const char           *path,
                               RungPaper             paper,
                               GCancellable         *cancellable,
                               RungPdfProgressFunc   progress,
                               gpointer              user_data,
                               GError              **error);

G_END_DECLS

/* rung-print-document-private.h: what the PDF export asks of a document
 * beyond drawing it: the entries of the outline, as their pages are drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-print-document.h"

G_BEGIN_DECLS

/* @level 1 is a candidate (or a part of the book), 2 a part of a packet;
 * @page is 1-based and @y in points from the top of the page. */
typedef void (*RungPrintOutlineFunc) (int         level,
                                      const char *title,
                                      guint       page,
                                      double      y,
                                      gpointer    user_data);

void _rung_print_document_set_outline_func (RungPrintDocument    *self,
                                            RungPrintOutlineFunc  func,
                                            gpointer              user_data);
gboolean _rung_print_document_is_book      (RungPrintDocument    *self);

G_END_DECLS

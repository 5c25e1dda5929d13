/* rung-print-document-private.h: what the PDF export asks of a document
 * beyond drawing it: the entries of the outline, as their pages are drawn,
 * and a pagination that says how far it is and can be cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-print-document.h"

G_BEGIN_DECLS

/* @level 1 is a candidate (or a part of the book), 2 a part of a packet;
 * @page is 1-based and @y in points from the top of the page. */
typedef void (*RungPrintOutlineFunc) (int         level,
                                      const char *title,
                                      guint       page,
                                      double      y,
                                      gpointer    user_data);

/* @fraction from 0 to 1, in the thread that paginates, after every page. */
typedef void (*RungPrintProgressFunc) (double      fraction,
                                       gpointer    user_data);

void       _rung_print_document_set_outline_func (RungPrintDocument      *self,
                                                  RungPrintOutlineFunc    func,
                                                  gpointer                user_data);
gboolean   _rung_print_document_is_book          (RungPrintDocument      *self);
RungPanel *_rung_print_document_get_panel        (RungPrintDocument      *self);
gboolean   _rung_print_document_paginate_full    (RungPrintDocument      *self,
                                                  double                  page_width,
                                                  double                  page_height,
                                                  GCancellable           *cancellable,
                                                  RungPrintProgressFunc   progress,
                                                  gpointer                user_data,
                                                  GError                **error);

G_END_DECLS

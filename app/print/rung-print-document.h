/* rung-print-document.h: a printable document of a panel: one candidate's
 * packet, the committee book, or the minutes of a meeting. Paginate it for a page size, then draw any
 * page onto any cairo context: a PDF surface (see rung-pdf-export.h) or the
 * context of a GtkPrintOperation.
 *
 * A document belongs to the thread that makes it, as its panel does: it
 * lays text out with that thread's fonts (pango's default font map is one
 * per thread). To export in a worker thread, open the panel a second time
 * there and make the document there; nothing in print/ is shared between
 * documents but constant styles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_PRINT_DOCUMENT (rung_print_document_get_type ())

G_DECLARE_FINAL_TYPE (RungPrintDocument, rung_print_document, RUNG, PRINT_DOCUMENT, GObject)

RungPrintDocument *rung_print_document_new_packet   (RungCandidate     *candidate);
RungPrintDocument *rung_print_document_new_book     (RungPanel         *panel);
RungPrintDocument *rung_print_document_new_minutes  (RungPanel         *panel,
                                                     RungMeeting       *meeting);
void               rung_print_document_set_date     (RungPrintDocument *self,
                                                     GDateTime         *date);
GDateTime         *rung_print_document_get_date     (RungPrintDocument *self);
const char        *rung_print_document_get_title    (RungPrintDocument *self);
const char        *rung_print_document_get_subject  (RungPrintDocument *self);
const char        *rung_print_document_get_author   (RungPrintDocument *self);
gboolean           rung_print_document_paginate     (RungPrintDocument *self,
                                                     double             page_width,
                                                     double             page_height,
                                                     GError           **error);
guint              rung_print_document_get_n_pages  (RungPrintDocument *self);
void               rung_print_document_draw_page    (RungPrintDocument *self,
                                                     cairo_t           *cr,
                                                     guint              page_nr);

G_END_DECLS

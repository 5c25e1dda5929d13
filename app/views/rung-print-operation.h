/* rung-print-operation.h: prints a packet or the committee book.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_PRINT_OPERATION (rung_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (RungPrintOperation, rung_print_operation, RUNG, PRINT_OPERATION, GtkPrintOperation)

RungPrintOperation *rung_print_operation_new          (RungPrintDocument  *document);
RungPrintDocument  *rung_print_operation_get_document (RungPrintOperation *self);

G_END_DECLS

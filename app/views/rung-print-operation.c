/* rung-print-operation.c: a GtkPrintOperation for a packet or the committee
 * book. The print dialog, its preview and its page setup draw with the
 * same code as the PDF export (app/print): the document is paginated for
 * the paper the dialog chose and drawn a page at a time onto the cairo
 * context GTK gives, on the whole sheet, as the document keeps its own
 * margins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-paper.h"
#include "rung-print-document.h"
#include "rung-print-operation.h"

struct _RungPrintOperation
{
  GtkPrintOperation  parent_instance;

  RungPrintDocument *document;
};

G_DEFINE_FINAL_TYPE (RungPrintOperation, rung_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
rung_print_operation_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  RungPrintOperation *self = RUNG_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  if (!rung_print_document_paginate (self->document,
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context),
                                     &error))
    {
      g_warning ("Could not lay out the pages: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, rung_print_document_get_n_pages (self->document));
}

static void
rung_print_operation_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page_nr)
{
  RungPrintOperation *self = RUNG_PRINT_OPERATION (operation);

  rung_print_document_draw_page (self->document, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
rung_print_operation_dispose (GObject *object)
{
  RungPrintOperation *self = RUNG_PRINT_OPERATION (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (rung_print_operation_parent_class)->dispose (object);
}

static void
rung_print_operation_class_init (RungPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = rung_print_operation_dispose;

  operation_class->begin_print = rung_print_operation_begin_print;
  operation_class->draw_page = rung_print_operation_draw_page;
}

/* The paper of the user's locale, A4 or US Letter, until the dialog says
 * otherwise. */
static GtkPageSetup *
default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (rung_paper_get_default () == RUNG_PAPER_LETTER
                                                      ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, paper);

  return setup;
}

static void
rung_print_operation_init (RungPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = default_page_setup ();

  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
}

/**
 * rung_print_operation_new:
 *
 * Returns: (transfer full): an operation that prints @document
 */
RungPrintOperation *
rung_print_operation_new (RungPrintDocument *document)
{
  RungPrintOperation *self;

  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (document), NULL);

  self = g_object_new (RUNG_TYPE_PRINT_OPERATION, NULL);
  self->document = g_object_ref (document);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), rung_print_document_get_title (document));

  return self;
}

RungPrintDocument *
rung_print_operation_get_document (RungPrintOperation *self)
{
  g_return_val_if_fail (RUNG_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}

/* rung-pdf-export.c: writes a printable document to a PDF file with a cairo
 * PDF surface: no display, no GTK. Besides the pages, the file gets its
 * metadata (title, author, subject, creator, creation date), an outline
 * with a bookmark for each candidate and each part of their packet, and
 * the links of the contents, which the document tags as it draws.
 *
 * The file is written under a temporary name beside its destination, with
 * mode 0600 (it is confidential), and takes its name only once complete:
 * a failed export leaves nothing behind and an older file untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-pdf-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rung-pdf-export.h"
#include "rung-print-document-private.h"

typedef struct
{
  FILE   *file;
  int     saved_errno;
} Writer;

typedef struct
{
  cairo_surface_t *surface;
  int              candidate;   /* the outline entry of the candidate being drawn */
  int              flags;
} Outline;

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Writer *writer = closure;

  if (fwrite (data, 1, length, writer->file) != length)
    {
      writer->saved_errno = errno;
      return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline_entry (int         level,
                   const char *title,
                   guint       page,
                   double      y,
                   gpointer    user_data)
{
  Outline *outline = user_data;
  g_autofree char *link = NULL;
  char x_text[G_ASCII_DTOSTR_BUF_SIZE], y_text[G_ASCII_DTOSTR_BUF_SIZE];
  int parent;

  /* The attributes are parsed in the C locale's terms, whatever the user's. */
  g_ascii_formatd (x_text, sizeof x_text, "%.1f", 0.0);
  g_ascii_formatd (y_text, sizeof y_text, "%.1f", MAX (y - 12, 0));
  link = g_strdup_printf ("page=%u pos=[%s %s]", page, x_text, y_text);

  parent = level > 1 && outline->candidate != 0 ? outline->candidate : CAIRO_PDF_OUTLINE_ROOT;
  if (level == 1)
    outline->candidate = cairo_pdf_surface_add_outline (outline->surface, CAIRO_PDF_OUTLINE_ROOT,
                                                        title, link, outline->flags);
  else
    cairo_pdf_surface_add_outline (outline->surface, parent, title, link, 0);
}

static void
set_metadata (cairo_surface_t   *surface,
              RungPrintDocument *document)
{
  g_autofree char *created = g_date_time_format (rung_print_document_get_date (document),
                                                 "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  rung_print_document_get_title (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  rung_print_document_get_author (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  rung_print_document_get_subject (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Rung " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* Draws every page onto @surface, one at a time. */
static cairo_status_t
draw_pages (cairo_surface_t   *surface,
            RungPrintDocument *document)
{
  /* A packet's outline opens on its parts; a book's lists the candidates. */
  Outline outline = { surface, 0, _rung_print_document_is_book (document) ? 0 : CAIRO_PDF_OUTLINE_FLAG_OPEN };
  guint n_pages = rung_print_document_get_n_pages (document);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  _rung_print_document_set_outline_func (document, add_outline_entry, &outline);
  for (guint page = 0; page < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      rung_print_document_draw_page (document, cr, page);
      cairo_show_page (cr);
    }
  _rung_print_document_set_outline_func (document, NULL, NULL);

  status = cairo_status (cr);
  cairo_destroy (cr);

  return status;
}

/**
 * rung_pdf_export:
 * @path: where to write the PDF; a file there is replaced
 * @paper: the paper's size
 *
 * Paginates @document for @paper and writes it as a PDF.
 *
 * Returns: whether the file was written
 */
gboolean
rung_pdf_export (RungPrintDocument  *document,
                 const char         *path,
                 RungPaper           paper,
                 GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temporary = NULL;
  Writer writer = { NULL, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  int fd;

  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rung_paper_get_size (paper, &width, &height);
  if (!rung_print_document_paginate (document, width, height, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temporary = g_strdup_printf ("%s%c.%s-XXXXXX", dir, G_DIR_SEPARATOR, base);
  if ((fd = g_mkstemp_full (temporary, O_WRONLY, 0600)) < 0 ||
      (writer.file = fdopen (fd, "wb")) == NULL)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (temporary);
        }
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_bytes, &writer, width, height);
  set_metadata (surface, document);
  status = draw_pages (surface, document);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS &&
      (fflush (writer.file) != 0 || fsync (fileno (writer.file)) != 0))
    {
      writer.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (fclose (writer.file) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      writer.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status == CAIRO_STATUS_SUCCESS && g_rename (temporary, path) != 0)
    {
      writer.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temporary);
      if (writer.saved_errno != 0)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (writer.saved_errno),
                     _("Could not write %s: %s"), path, g_strerror (writer.saved_errno));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not write %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

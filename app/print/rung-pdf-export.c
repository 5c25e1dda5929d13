/* rung-pdf-export.c: writes a printable document to a PDF file with a cairo
 * PDF surface: no display, no GTK. Besides the pages, the file gets its
 * metadata (title, author, subject, creator, creation date), an outline
 * with a bookmark for each candidate and each part of their packet, and
 * the links of the contents, which the document tags as it draws.
 *
 * The file is written under a temporary name beside its destination, with
 * mode 0600 (it is confidential), and takes its name only once complete:
 * a failed or cancelled export leaves nothing behind and an older file
 * untouched.
 *
 * A committee book takes tens of seconds, so the export can run in a
 * worker thread, on a panel opened there for it, and say how far it is.
 * The panel is read in one snapshot: pagination and drawing read each
 * candidate, and must both see the same whatever the window writes
 * meanwhile.
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

#include "rung-panel.h"
#include "rung-pdf-export.h"
#include "rung-print-document-private.h"

/* The shares of the time an export takes, measured on the book of the
 * synthetic panel (bench-print; 13 s, 27 s and 0.1 s): laying the pages
 * out, then drawing them (each section is built and laid out again), and
 * what is left for cairo to write the fonts and the outline. */
#define PAGINATE_SHARE 0.33
#define DRAW_SHARE     0.665

/* What the caller is told: at most every hundredth, or every tenth of a
 * second when a hundredth takes longer. */
#define PROGRESS_STEP     0.01
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 10)

typedef struct
{
  FILE         *file;
  GCancellable *cancellable;
  int           saved_errno;
} Writer;

typedef struct
{
  RungPdfProgressFunc  func;
  gpointer             user_data;
  GCancellable        *cancellable;
  double               offset;      /* where the phase under way starts */
  double               share;       /* and how much of the whole it is */
  double               reported;    /* the last fraction told, or -1 */
  gint64               reported_at;
} Progress;

typedef struct
{
  cairo_surface_t *surface;
  int              candidate;   /* the outline entry of the candidate being drawn */
  int              flags;
} Outline;

static void
progress_report (Progress *progress,
                 double    fraction)
{
  gint64 now;

  /* Once cancelled, nothing is going forward. */
  if (progress->func == NULL || g_cancellable_is_cancelled (progress->cancellable))
    return;

  /* Never backwards, and 1 only once the file is there. */
  fraction = CLAMP (fraction, MAX (progress->reported, 0), 0.999);
  now = g_get_monotonic_time ();
  if (progress->reported >= 0 &&
      fraction - progress->reported < PROGRESS_STEP &&
      (fraction <= progress->reported || now - progress->reported_at < PROGRESS_INTERVAL))
    return;

  progress->reported = fraction;
  progress->reported_at = now;
  progress->func (fraction, progress->user_data);
}

static void
progress_done (Progress *progress)
{
  if (progress->func != NULL)
    progress->func (1.0, progress->user_data);
}

/* Starts the phase that takes @share of the whole. */
static void
progress_begin_phase (Progress *progress,
                      double    share)
{
  progress->offset += progress->share;
  progress->share = share;
  progress_report (progress, progress->offset);
}

/* @fraction of the phase under way is done. */
static void
progress_phase (double   fraction,
                gpointer user_data)
{
  Progress *progress = user_data;

  progress_report (progress, progress->offset + progress->share * CLAMP (fraction, 0, 1));
}

/* cairo 1.16 is never told of a failed write: told, its surface can stay
 * a success over a truncated file, and drawing on can trip an assertion
 * of cairo's as the surface finishes. The writer notes the failure (or
 * the cancellation) and lets what cairo writes after it go nowhere; the
 * export stops drawing, and looks at the writer. */
static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Writer *writer = closure;

  if (writer->saved_errno != 0 || g_cancellable_is_cancelled (writer->cancellable))
    return CAIRO_STATUS_SUCCESS;

  errno = 0;
  if (fwrite (data, 1, length, writer->file) != length)
    writer->saved_errno = errno != 0 ? errno : EIO;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
writer_failed (Writer *writer)
{
  return writer->saved_errno != 0 || g_cancellable_is_cancelled (writer->cancellable);
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
  int parent;

  /* Whole points: cairo 1.16 reads a decimal number in the user's locale
   * ("12,5" in German) and refuses "12.5" there, whatever we write. */
  link = g_strdup_printf ("page=%u pos=[0 %d]", page, (int)MAX (y - 12, 0));

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

/* Draws every page onto @surface, one at a time, until @writer fails or
 * is cancelled. */
static cairo_status_t
draw_pages (cairo_surface_t   *surface,
            RungPrintDocument *document,
            Writer            *writer,
            Progress          *progress)
{
  /* A packet's outline opens on its parts; a book's lists the candidates. */
  Outline outline = { surface, 0, _rung_print_document_is_book (document) ? 0 : CAIRO_PDF_OUTLINE_FLAG_OPEN };
  guint n_pages = rung_print_document_get_n_pages (document);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  _rung_print_document_set_outline_func (document, add_outline_entry, &outline);
  for (guint page = 0;
       page < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS && !writer_failed (writer);
       page++)
    {
      rung_print_document_draw_page (document, cr, page);
      cairo_show_page (cr);
      progress_phase ((double)(page + 1) / n_pages, progress);
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
  return rung_pdf_export_full (document, path, paper, NULL, NULL, NULL, error);
}

/* Writes the paginated @document to @path's temporary beside it, then
 * gives it @path's name. */
static gboolean
write_file (RungPrintDocument  *document,
            const char         *path,
            double              width,
            double              height,
            GCancellable       *cancellable,
            Progress           *progress,
            GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temporary = NULL;
  Writer writer = { NULL, cancellable, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  int fd;

  /* Pagination may have finished as it was cancelled. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
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
  progress_begin_phase (progress, DRAW_SHARE);
  status = draw_pages (surface, document, &writer, progress);
  progress_begin_phase (progress, 1.0 - PAGINATE_SHARE - DRAW_SHARE);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.saved_errno != 0)
    status = CAIRO_STATUS_WRITE_ERROR;

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

  /* Cancelled up to the last moment, the file is not wanted. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temporary);
      return FALSE;
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

/**
 * rung_pdf_export_full:
 * @path: where to write the PDF; a file there is replaced
 * @paper: the paper's size
 * @cancellable: (nullable): to stop the export
 * @progress: (nullable) (scope call): told how far the export is
 * @user_data: for @progress
 *
 * Paginates @document for @paper and writes it as a PDF, as
 * rung_pdf_export() does, reading its panel in one snapshot (see
 * rung_panel_begin_snapshot()) taken before @progress is first called:
 * what is written to the file meanwhile is not in this PDF.
 *
 * @progress is called in the thread that exports, at most every hundredth
 * or every tenth of a second, with a fraction from 0 that only grows, and
 * with exactly 1 once the file is written. Cancelled, the export stops
 * within a page and fails with %G_IO_ERROR_CANCELLED, leaving no file and
 * whatever was at @path as it was.
 *
 * It may run in any thread that made @document: open the panel a second
 * time in a worker, make the document there, and export; the window goes
 * on with its own panel meanwhile (see rung-print-document.h).
 * @cancellable is the one thing to share: cancel it from any thread.
 *
 * Returns: whether the file was written
 */
gboolean
rung_pdf_export_full (RungPrintDocument    *document,
                      const char           *path,
                      RungPaper             paper,
                      GCancellable         *cancellable,
                      RungPdfProgressFunc   progress,
                      gpointer              user_data,
                      GError              **error)
{
  Progress reporter = { progress, user_data, cancellable, 0, 0, -1, 0 };
  RungPanel *panel;
  double width, height;
  gboolean written;

  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  panel = _rung_print_document_get_panel (document);
  if (!rung_panel_begin_snapshot (panel, error))
    return FALSE;

  rung_paper_get_size (paper, &width, &height);
  progress_begin_phase (&reporter, PAGINATE_SHARE);
  written = _rung_print_document_paginate_full (document, width, height, cancellable,
                                                progress_phase, &reporter, error) &&
            write_file (document, path, width, height, cancellable, &reporter, error);

  rung_panel_end_snapshot (panel);

  if (written)
    progress_done (&reporter);

  return written;
}

/* rung-window-print.c: the window's Print… and Export PDF… for the selected
 * candidate's packet and for the whole committee book.
 *
 * Printing goes through GtkPrintOperation (RungPrintOperation), with its
 * preview and page setup. The dialog lays the pages out first and draws
 * them later, while the window goes on editing: it reads from a panel of
 * its own on the same file, held in one snapshot, so that what is typed
 * meanwhile cannot move its pages. Export PDF… writes with the same drawing code as
 * `rung --export-pdf`: a packet at once, and the book, which for a large
 * panel runs to thousands of pages, in a worker thread with a progress
 * dialog and Cancel. The worker opens the panel file a second time, for
 * itself, so it never touches the objects the window edits; what is typed
 * but not yet written is written first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-window-print"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-candidate-list.h"
#include "rung-meeting.h"
#include "rung-panel.h"
#include "rung-panel-view.h"
#include "rung-paper.h"
#include "rung-pdf-export.h"
#include "rung-print-document.h"
#include "rung-print-operation.h"
#include "rung-window.h"
#include "rung-window-private.h"

#define PRINT_SETTINGS_KEY "rung-print-settings"
#define PAGE_SETUP_KEY     "rung-page-setup"

/* Printing */

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               RungWindow              *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _rung_window_toast_text (self, error ? error->message : _("The document could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* The next print starts from the printer and paper chosen now. */
      g_object_set_data_full (G_OBJECT (self), PRINT_SETTINGS_KEY,
                              g_object_ref (gtk_print_operation_get_print_settings (operation)), g_object_unref);
      g_object_set_data_full (G_OBJECT (self), PAGE_SETUP_KEY,
                              g_object_ref (gtk_print_operation_get_default_page_setup (operation)), g_object_unref);
    }
}

/* A panel of the printing's own, on the window's file, in a snapshot of
 * it as it is now: with what was typed a moment ago. */
static RungPanel *
open_print_panel (RungWindow  *self,
                  GError     **error)
{
  RungPanel *panel = rung_window_get_panel (self);
  g_autoptr(RungPanel) print_panel = NULL;

  rung_panel_flush (panel);
  if (!(print_panel = rung_panel_open (rung_panel_get_path (panel), RUNG_STORE_OPEN_READ_ONLY_OK, error)) ||
      !rung_panel_begin_snapshot (print_panel, error))
    return NULL;

  return g_steal_pointer (&print_panel);
}

static void
close_print_panel (RungPanel *panel)
{
  rung_panel_end_snapshot (panel);
  rung_panel_close (panel);
  g_object_unref (panel);
}

/**
 * _rung_window_print:
 * @panel: (transfer full): the panel @document reads, its own, which the
 *   operation closes when it is done
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG from the menu; tests
 *   export with %GTK_PRINT_OPERATION_ACTION_EXPORT to @export_path
 *
 * Prints @document through the print dialog.
 */
void
_rung_window_print (RungWindow              *self,
                    RungPanel               *panel,
                    RungPrintDocument       *document,
                    GtkPrintOperationAction  action,
                    const char              *export_path)
{
  g_autoptr(RungPrintOperation) operation = rung_print_operation_new (document);
  GtkPrintSettings *settings = g_object_get_data (G_OBJECT (self), PRINT_SETTINGS_KEY);
  GtkPageSetup *setup = g_object_get_data (G_OBJECT (self), PAGE_SETUP_KEY);
  g_autoptr(GError) error = NULL;

  /* The panel lives as long as the operation that draws from it. */
  g_object_set_data_full (G_OBJECT (operation), "panel", panel, (GDestroyNotify)close_print_panel);

  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_path);

  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), action, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    _rung_window_toast_text (self, error->message);
}

/**
 * _rung_window_print_packet:
 *
 * Prints the selected candidate's packet.
 */
void
_rung_window_print_packet (RungWindow              *self,
                           GtkPrintOperationAction  action,
                           const char              *export_path)
{
  RungCandidate *selected = _rung_window_get_selected_candidate (self);
  g_autoptr(RungPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  RungCandidate *candidate;
  RungPanel *panel;

  if (selected == NULL)
    return;

  if (!(panel = open_print_panel (self, &error)))
    {
      _rung_window_toast_text (self, error->message);
      return;
    }

  if (!(candidate = rung_panel_find_candidate (panel, rung_candidate_get_id (selected))))
    {
      close_print_panel (panel);
      return;
    }

  document = rung_print_document_new_packet (candidate);
  _rung_window_print (self, panel, document, action, export_path);
}

static void
print_packet_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _rung_window_print_packet (RUNG_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/* Makes a document from the printing's own panel; %NULL if there is none
 * to make. */
typedef RungPrintDocument *(*MakeDocument) (RungPanel *panel);

/* Prints what @make makes, from a panel of the printing's own. */
static void
print_own_document (RungWindow   *self,
                    MakeDocument  make)
{
  g_autoptr(RungPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  RungPanel *panel;

  if (rung_window_get_panel (self) == NULL)
    return;

  if (!(panel = open_print_panel (self, &error)))
    {
      _rung_window_toast_text (self, error->message);
      return;
    }

  if (!(document = make (panel)))
    {
      close_print_panel (panel);
      return;
    }

  _rung_window_print (self, panel, document, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

static void
print_book_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  print_own_document (RUNG_WINDOW (widget), rung_print_document_new_book);
}

/* Exporting */

static void
open_exported (AdwToast *toast,
               GFile    *file)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *window = app ? gtk_application_get_active_window (app) : NULL;
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
toast_exported (RungWindow *self,
                GFile      *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: the name of the PDF file that was written */
  title = g_markup_printf_escaped (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  /* Long enough to reach Open from the keyboard, as the meeting's end is. */
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_exported),
                         g_object_ref (file), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  rung_window_add_toast (self, toast);
}

typedef void (*ExportFunc) (RungWindow *self,
                            GFile      *file,
                            RungPaper   paper);

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    RungWindow      *self)
{
  ExportFunc export = g_object_get_data (G_OBJECT (chooser), "export");
  const char *paper_name;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  RungPaper paper = rung_paper_get_default ();

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if ((paper_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper")) != NULL)
    rung_paper_from_string (paper_name, &paper, NULL);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (chosen == NULL)
    return;

  /* PDFs carry their extension, so that what opens them knows them. */
  file = _rung_file_with_extension (chosen, ".pdf");
  export (self, file, paper);
}

/* Asks where to write the PDF, and on which paper, then calls @export. */
static void
choose_export_file (RungWindow *self,
                    const char *title,
                    const char *suggested_name,
                    ExportFunc  export)
{
  const char *paper_ids[] = { rung_paper_to_string (RUNG_PAPER_A4), rung_paper_to_string (RUNG_PAPER_LETTER), NULL };
  const char *paper_labels[] = { _("A4"), _("US Letter"), NULL };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *current = g_strconcat (suggested_name, ".pdf", NULL);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Slashes would make the suggestion a path. */
  g_strdelimit (current, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", _("Paper"), paper_ids, paper_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "paper", rung_paper_to_string (rung_paper_get_default ()));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "export", export);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * _rung_window_export_packet:
 *
 * Writes the selected candidate's packet to @file, at once: a packet is a
 * few pages.
 */
void
_rung_window_export_packet (RungWindow *self,
                            GFile      *file,
                            RungPaper   paper)
{
  RungCandidate *candidate = _rung_window_get_selected_candidate (self);
  g_autoptr(RungPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (candidate == NULL)
    return;

  rung_panel_flush (rung_window_get_panel (self));
  document = rung_print_document_new_packet (candidate);
  if (path == NULL || !rung_pdf_export (document, path, paper, &error))
    _rung_window_toast_text (self, error ? error->message : _("PDFs can only be written to local folders"));
  else
    toast_exported (self, file);
}

static void
export_packet_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);
  RungCandidate *candidate = _rung_window_get_selected_candidate (self);
  g_autofree char *name = NULL;

  if (candidate == NULL)
    return;

  /* The file chooser is on the shared screen too: during a blind meeting
   * it proposes the candidate's letter. */
  name = rung_candidate_dup_display_name (candidate);
  choose_export_file (self, _("Export the Packet as PDF"), name, _rung_window_export_packet);
}

/* The committee book, in a worker thread. */

typedef struct
{
  char         *panel_path;
  char         *pdf_path;
  RungPaper     paper;
  GCancellable *cancellable;

  /* Written by the worker, read by the window in an idle. */
  GMutex        lock;
  double        fraction;
  guint         progress_source;

  GtkProgressBar *bar;      /* (weak) */
} BookExport;

static void
book_export_free (BookExport *job)
{
  g_clear_handle_id (&job->progress_source, g_source_remove);
  g_clear_weak_pointer (&job->bar);
  g_clear_object (&job->cancellable);
  g_mutex_clear (&job->lock);
  g_free (job->panel_path);
  g_free (job->pdf_path);
  g_free (job);
}

static gboolean
show_progress (gpointer user_data)
{
  BookExport *job = user_data;
  double fraction;

  g_mutex_lock (&job->lock);
  fraction = job->fraction;
  job->progress_source = 0;
  g_mutex_unlock (&job->lock);

  if (job->bar != NULL)
    gtk_progress_bar_set_fraction (job->bar, fraction);

  return G_SOURCE_REMOVE;
}

static void
on_book_progress (double   fraction,
                  gpointer user_data)
{
  BookExport *job = user_data;

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  if (job->progress_source == 0)
    job->progress_source = g_idle_add (show_progress, job);
  g_mutex_unlock (&job->lock);
}

static void
export_book_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  BookExport *job = task_data;
  g_autoptr(RungPanel) panel = NULL;
  g_autoptr(RungPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (!(panel = rung_panel_open (job->panel_path, RUNG_STORE_OPEN_READ_ONLY_OK, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  document = rung_print_document_new_book (panel);
  done = rung_pdf_export_full (document, job->pdf_path, job->paper, cancellable, on_book_progress, job, &error);

  /* The worker's own panel is closed before the window hears of it. */
  g_clear_object (&document);
  rung_panel_close (panel);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_book_exported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RungWindow *self = RUNG_WINDOW (source);
  AdwMessageDialog *dialog = user_data;
  BookExport *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());

  /* A window closed meanwhile has no one to tell. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autoptr(GFile) file = g_file_new_for_path (job->pdf_path);

      toast_exported (self, file);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _rung_window_toast_text (self, error->message);
}

static void
on_progress_response (AdwMessageDialog *dialog,
                      const char       *response,
                      GCancellable     *cancellable)
{
  /* The dialog goes when the worker has stopped and cleaned up. */
  g_signal_stop_emission_by_name (dialog, "response");
  adw_message_dialog_set_response_enabled (dialog, "cancel", FALSE);
  adw_message_dialog_set_body (dialog, _("Cancelling…"));
  g_cancellable_cancel (cancellable);
}

/* A dialog with a progress bar and Cancel, for the worker's progress. */
static AdwMessageDialog *
progress_dialog (RungWindow   *self,
                 BookExport   *job)
{
  AdwMessageDialog *dialog;
  GtkWidget *bar = gtk_progress_bar_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Exporting the Committee Book"),
                                                       _("Every candidate’s packet, with the contents and the summary of decisions.")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export progress"), -1);
  gtk_widget_set_size_request (bar, 280, -1);
  adw_message_dialog_set_extra_child (dialog, bar);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_progress_response), job->cancellable, 0);
  g_set_weak_pointer (&job->bar, GTK_PROGRESS_BAR (bar));

  return dialog;
}

/**
 * _rung_window_export_book:
 *
 * Writes the committee book of the window's panel to @file, in a worker
 * thread, while a dialog shows how far it is.
 */
void
_rung_window_export_book (RungWindow *self,
                          GFile      *file,
                          RungPaper   paper)
{
  RungPanel *panel = rung_window_get_panel (self);
  g_autoptr(GTask) task = NULL;
  AdwMessageDialog *dialog;
  BookExport *job;

  if (panel == NULL)
    return;

  if (!g_file_is_native (file))
    {
      _rung_window_toast_text (self, _("PDFs can only be written to local folders"));
      return;
    }

  /* The worker reads the file: what was typed goes there first. */
  rung_panel_flush (panel);

  job = g_new0 (BookExport, 1);
  job->panel_path = g_strdup (rung_panel_get_path (panel));
  job->pdf_path = g_file_get_path (file);
  job->paper = paper;
  job->cancellable = g_cancellable_new ();
  g_mutex_init (&job->lock);

  /* Closing the window while the book is written leaves no half a file:
   * the application stays until the worker is done. */
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());

  dialog = progress_dialog (self, job);
  task = g_task_new (self, job->cancellable, on_book_exported, g_object_ref (dialog));
  g_task_set_task_data (task, job, (GDestroyNotify)book_export_free);
  g_task_run_in_thread (task, export_book_in_thread);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_book_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);
  RungPanel *panel = rung_window_get_panel (self);
  g_autofree char *name = NULL;

  if (panel == NULL)
    return;

  /* Translators: the suggested file name of a panel's committee book */
  name = g_strdup_printf (_("%s – Committee Book"), rung_panel_get_name (panel));
  choose_export_file (self, _("Export the Committee Book as PDF"), name, _rung_window_export_book);
}

/* Minutes */

/* The meeting whose minutes the menu prints: the last one that ended. */
static RungMeeting *
last_ended_meeting (RungPanel *panel)
{
  g_autoptr(GListModel) meetings = panel ? rung_panel_list_meetings (panel, NULL) : NULL;
  guint n = meetings ? g_list_model_get_n_items (meetings) : 0;

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(RungMeeting) meeting = g_list_model_get_item (meetings, i - 1);

      if (!rung_meeting_is_open (meeting))
        return g_steal_pointer (&meeting);
    }

  return NULL;
}

/* The minutes of @panel's last ended meeting, if it has one. */
static RungPrintDocument *
new_last_minutes (RungPanel *panel)
{
  g_autoptr(RungMeeting) meeting = last_ended_meeting (panel);

  return meeting ? rung_print_document_new_minutes (panel, meeting) : NULL;
}

static void
print_minutes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  print_own_document (RUNG_WINDOW (widget), new_last_minutes);
}

/**
 * _rung_window_export_minutes:
 *
 * Writes the minutes of the panel's last ended meeting to @file.
 */
void
_rung_window_export_minutes (RungWindow *self,
                             GFile      *file,
                             RungPaper   paper)
{
  RungPanel *panel = rung_window_get_panel (self);
  g_autoptr(RungPrintDocument) document = new_last_minutes (panel);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (document == NULL)
    return;

  if (path == NULL || !rung_pdf_export (document, path, paper, &error))
    _rung_window_toast_text (self, error ? error->message : _("PDFs can only be written to local folders"));
  else
    toast_exported (self, file);
}

static void
export_minutes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);
  g_autoptr(RungMeeting) meeting = last_ended_meeting (rung_window_get_panel (self));
  g_autofree char *name = NULL;

  if (meeting == NULL)
    return;

  /* Translators: the suggested file name of a meeting's minutes */
  name = g_strdup_printf (_("%s – Minutes"), rung_meeting_get_title (meeting));
  choose_export_file (self, _("Export the Minutes as PDF"), name, _rung_window_export_minutes);
}

/* The minutes are there once a meeting has ended. */
static void
update_minutes_actions (RungWindow *self)
{
  g_autoptr(RungMeeting) meeting = last_ended_meeting (rung_window_get_panel (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-minutes", meeting != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-minutes", meeting != NULL);
}

static void
on_panel_for_minutes (RungWindow *self)
{
  RungPanel *panel = rung_window_get_panel (self);

  if (panel != NULL)
    g_signal_connect_object (panel, "notify::open-meeting", G_CALLBACK (update_minutes_actions), self,
                             G_CONNECT_SWAPPED);
  update_minutes_actions (self);
}

/* Set up */

static void
update_print_actions (RungWindow *self)
{
  RungPanel *panel = rung_window_get_panel (self);
  gboolean has_candidates = panel != NULL && g_list_model_get_n_items (rung_panel_get_candidates (panel)) > 0;
  gboolean selected = _rung_window_get_selected_candidate (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-packet", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-packet", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-book", has_candidates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-book", has_candidates);
}

void
_rung_window_class_init_print (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print-packet", NULL, print_packet_action);
  gtk_widget_class_install_action (widget_class, "win.export-packet", NULL, export_packet_action);
  gtk_widget_class_install_action (widget_class, "win.print-book", NULL, print_book_action);
  gtk_widget_class_install_action (widget_class, "win.export-book", NULL, export_book_action);
  gtk_widget_class_install_action (widget_class, "win.print-minutes", NULL, print_minutes_action);
  gtk_widget_class_install_action (widget_class, "win.export-minutes", NULL, export_minutes_action);
}

void
_rung_window_init_print (RungWindow *self)
{
  /* The selection follows the panel, so it says when either changes. */
  _rung_window_follow_selection (self, G_CALLBACK (update_print_actions));
  g_signal_connect_swapped (self, "notify::panel", G_CALLBACK (on_panel_for_minutes), self);
  update_print_actions (self);
  update_minutes_actions (self);
}

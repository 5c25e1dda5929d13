/* rung-packet-importer.c: Import Packets… into the window's panel.
 *
 * Files are taken one after the other. Each is parsed in a worker thread,
 * so that a large or hostile file cannot freeze the window; then, on the
 * main thread, it is planned and imported in one transaction: a packet is
 * in the panel whole or not at all. Before a packet is written the importer
 * asks what to do when a candidate of the same name is already in the panel
 * (Replace, Keep Both, Skip) and when some items would be left out because
 * the packet was written against another version of the ladder; "Do the same
 * for the other packets" keeps the answer for the rest.
 *
 * A dialog shows how far it is, for more than one file or once one file
 * takes a moment; Cancel stops before the next packet, and what was imported
 * by then stays. At the end a toast offers Undo, which deletes the imported
 * candidates and brings back those they replaced; files that were not
 * imported are listed with the reason, in a dialog, first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-packet-importer"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-packet.h"
#include "rung-packet-import.h"
#include "rung-packet-importer.h"
#include "rung-panel.h"
#include "rung-window.h"

/* A single file gets the progress dialog only if it takes longer than this. */
#define PROGRESS_DELAY_MS 300

/* How the user answered a question, and whether to keep the answer. */
typedef enum
{
  ANSWER_ASK = 0,
  ANSWER_SKIP,
  ANSWER_REPLACE,
  ANSWER_KEEP_BOTH,
  ANSWER_LEAVE_OUT,
} Answer;

/* A file that was not imported, and why. */
typedef struct
{
  char *file_name;
  char *reason;
} NotImported;

struct _RungPacketImporter
{
  GObject                parent_instance;

  RungWindow            *window;     /* (weak) */
  RungPanel             *panel;
  GListModel            *files;
  guint                  n_files;
  guint                  position;   /* of the file being read or asked about */

  gboolean               running;
  gboolean               cancelled;

  /* The packet being asked about, and what was answered so far. */
  RungPacket            *packet;
  RungPacketPlan        *plan;
  RungPacketImportFlags  flags;
  Answer                 duplicate_answer;
  Answer                 unmapped_answer;

  GListStore            *imported;   /* of RungCandidate */
  GArray                *replaced;   /* of gint64: candidates the import deleted */
  GArray                *not_imported;
  guint                  n_skipped;

  AdwMessageDialog      *progress;
  GtkProgressBar        *bar;
  GtkLabel              *file_label;
  guint                  present_source;
  AdwMessageDialog      *question;
};

G_DEFINE_FINAL_TYPE (RungPacketImporter, rung_packet_importer, G_TYPE_OBJECT)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void read_next_packet (RungPacketImporter *self);
static void go_on_with_packet (RungPacketImporter *self);

static void
not_imported_clear (NotImported *item)
{
  g_clear_pointer (&item->file_name, g_free);
  g_clear_pointer (&item->reason, g_free);
}

static char *
display_name_of (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename ? g_filename_display_name (basename) : g_file_get_parse_name (file);
}

static GFile *
current_file (RungPacketImporter *self)
{
  return g_list_model_get_item (self->files, self->position);
}

/* The window still shows the panel the import started on. */
static gboolean
panel_still_shown (RungPacketImporter *self)
{
  return self->window != NULL &&
         rung_window_get_panel (self->window) == self->panel &&
         !rung_panel_is_closed (self->panel);
}

static gboolean
more_packets_remain (RungPacketImporter *self)
{
  return self->position + 1 < self->n_files;
}

/* Closes a dialog the importer keeps, without hearing from it again. */
static void
close_dialog (RungPacketImporter  *self,
              AdwMessageDialog   **dialog)
{
  if (*dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (*dialog, self);
  gtk_window_destroy (GTK_WINDOW (*dialog));
  g_clear_object (dialog);
}

/* Text that may be long, as plain text that can be selected and copied,
 * scrolled past a few lines; @attributes (nullable) set some of it in bold. */
static GtkWidget *
scrolled_text (const char    *text,
               PangoAttrList *attributes)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  /* Its natural height is measured at about the dialog's width. */
  gtk_label_set_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 9);
  gtk_widget_set_margin_end (label, 9);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "card");

  return scroller;
}

/* The progress dialog */

static void
on_progress_response (AdwMessageDialog   *dialog,
                      const char         *response,
                      RungPacketImporter *self)
{
  /* It goes when the packet being read is done with. */
  g_signal_stop_emission_by_name (dialog, "response");
  rung_packet_importer_cancel (self);
}

static void
create_progress_dialog (RungPacketImporter *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *file_label = gtk_label_new (NULL);

  self->progress = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window), _("Importing Packets"),
                                                               _("Cancel stops before the next packet; the packets "
                                                                 "imported by then stay in the panel.")));
  g_object_ref (self->progress);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self->progress), TRUE);

  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  gtk_widget_set_size_request (bar, 280, -1);
  gtk_label_set_ellipsize (GTK_LABEL (file_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_single_line_mode (GTK_LABEL (file_label), TRUE);
  gtk_widget_add_css_class (file_label, "dim-label");
  gtk_widget_add_css_class (file_label, "caption");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), file_label);
  adw_message_dialog_set_extra_child (self->progress, box);

  adw_message_dialog_add_response (self->progress, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (self->progress, "cancel");
  g_signal_connect_object (self->progress, "response", G_CALLBACK (on_progress_response), self, 0);

  self->bar = GTK_PROGRESS_BAR (bar);
  self->file_label = GTK_LABEL (file_label);
}

static void
present_progress (RungPacketImporter *self)
{
  g_clear_handle_id (&self->present_source, g_source_remove);

  if (self->progress != NULL && self->question == NULL)
    gtk_window_present (GTK_WINDOW (self->progress));
}

static gboolean
on_progress_delay (gpointer user_data)
{
  RungPacketImporter *self = user_data;

  self->present_source = 0;
  present_progress (self);

  return G_SOURCE_REMOVE;
}

static void
show_progress (RungPacketImporter *self,
               GFile              *file)
{
  g_autofree char *name = display_name_of (file);
  g_autofree char *reading = NULL;
  g_autofree char *count = NULL;

  /* Translators: the file an import is reading */
  reading = g_strdup_printf (_("Reading “%s”"), name);
  /* Translators: in the progress bar of an import: the packet being read, of how many */
  count = g_strdup_printf (_("%u of %u"), self->position + 1, self->n_files);

  gtk_progress_bar_set_fraction (self->bar, (double)self->position / self->n_files);
  gtk_progress_bar_set_text (self->bar, count);
  gtk_label_set_text (self->file_label, reading);
}

/* The end */

typedef struct
{
  RungWindow *window;       /* (weak) */
  RungPanel  *panel;
  GArray     *imported;     /* of gint64 */
  GArray     *replaced;     /* of gint64 */
} UndoImport;

static void
undo_import_free (UndoImport *undo)
{
  g_clear_weak_pointer (&undo->window);
  g_clear_object (&undo->panel);
  g_clear_pointer (&undo->imported, g_array_unref);
  g_clear_pointer (&undo->replaced, g_array_unref);
  g_free (undo);
}

static UndoImport *
undo_import_new (RungPacketImporter *self)
{
  UndoImport *undo = g_new0 (UndoImport, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->imported));

  g_set_weak_pointer (&undo->window, self->window);
  undo->panel = g_object_ref (self->panel);
  undo->imported = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  undo->replaced = g_array_copy (self->replaced);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (self->imported), i);
      gint64 id = rung_candidate_get_id (candidate);

      g_array_append_val (undo->imported, id);
    }

  return undo;
}

static void
toast_error (RungWindow *window,
             const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);   /* a toast's title is markup */
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  rung_window_add_toast (window, toast);
}

static void
undo_import (AdwToast   *toast,
             UndoImport *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->window == NULL || rung_window_get_panel (undo->window) != undo->panel ||
      rung_panel_is_closed (undo->panel))
    return;

  rung_panel_flush (undo->panel);

  /* The newest first, then those they replaced, as they were. */
  for (guint i = undo->imported->len; i > 0 && error == NULL; i--)
    {
      RungCandidate *candidate = rung_panel_find_candidate (undo->panel,
                                                            g_array_index (undo->imported, gint64, i - 1));

      if (candidate != NULL)
        rung_panel_delete_candidate (undo->panel, candidate, &error);
    }

  for (guint i = undo->replaced->len; i > 0 && error == NULL; i--)
    {
      g_autoptr(GError) restore_error = NULL;

      if (!rung_panel_restore_candidate (undo->panel, g_array_index (undo->replaced, gint64, i - 1), &restore_error))
        error = g_steal_pointer (&restore_error);
    }

  if (error != NULL)
    toast_error (undo->window, error->message);
}

static char *
describe_imported (RungPacketImporter *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->imported));

  if (n == 1 && self->n_files == 1)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (self->imported), 0);
      /* During a blind meeting, their letter. */
      g_autofree char *name = rung_candidate_dup_display_name (candidate);

      /* Translators: a toast, after importing one candidate's packet */
      return g_markup_printf_escaped (_("Imported the packet of %s"), name);
    }

  if (n == self->n_files)
    return g_strdup_printf (ngettext ("Imported %u packet", "Imported %u packets", n), n);

  return g_strdup_printf (ngettext ("Imported %u of %u packet", "Imported %u of %u packets", self->n_files),
                          n, self->n_files);
}

/* Says what was imported, with Undo. */
static void
toast_imported (RungWindow *window,
                const char *title,
                UndoImport *undo)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_import), undo,
                         (GClosureNotify)(void (*) (void))undo_import_free, 0);
  rung_window_add_toast (window, toast);
}

/* What the summary needs once the importer is gone: the toast that
 * follows it. */
typedef struct
{
  char       *toast_title;
  UndoImport *undo;
} AfterSummary;

static void
after_summary_free (AfterSummary *after)
{
  g_free (after->toast_title);
  g_clear_pointer (&after->undo, undo_import_free);
  g_free (after);
}

static void
on_summary_response (AdwMessageDialog *dialog,
                     const char       *response,
                     AfterSummary     *after)
{
  RungWindow *window = after->undo ? after->undo->window : NULL;

  /* Undo is offered once the list was read, not under it. */
  if (window != NULL)
    toast_imported (window, after->toast_title, g_steal_pointer (&after->undo));
}

static GtkWidget *
not_imported_list (RungPacketImporter *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  for (guint i = 0; i < self->not_imported->len; i++)
    {
      NotImported *item = &g_array_index (self->not_imported, NotImported, i);
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      if (i > 0)
        g_string_append (text, "\n\n");
      bold->start_index = text->len;
      g_string_append (text, item->file_name);
      bold->end_index = text->len;
      pango_attr_list_insert (attributes, bold);
      g_string_append_c (text, '\n');
      g_string_append (text, item->reason);
    }

  return scrolled_text (text->str, attributes);
}

static void
show_summary (RungPacketImporter *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->imported));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  AfterSummary *after;

  if (self->n_files == 1)
    heading = g_strdup (_("Could Not Import the Packet"));
  else
    heading = g_strdup_printf (ngettext ("Imported %u of %u Packet", "Imported %u of %u Packets", self->n_files),
                               n, self->n_files);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window), heading,
                                                       ngettext ("This file was not imported:",
                                                                 "These files were not imported:",
                                                                 self->not_imported->len)));
  adw_message_dialog_set_extra_child (dialog, not_imported_list (self));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");

  after = g_new0 (AfterSummary, 1);
  if (n > 0)
    {
      after->toast_title = describe_imported (self);
      after->undo = undo_import_new (self);
    }
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_summary_response), after,
                         (GClosureNotify)(void (*) (void))after_summary_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report (RungPacketImporter *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->imported));
  guint n_failed = self->not_imported->len - self->n_skipped;

  /* One packet skipped is what the user just said: nothing to tell. */
  if (n_failed > 0 || (self->n_skipped > 0 && self->n_files > 1))
    show_summary (self);
  else if (n > 0)
    {
      g_autofree char *title = describe_imported (self);

      toast_imported (self->window, title, undo_import_new (self));
    }
}

static void
finish (RungPacketImporter *self)
{
  g_assert (self->running);

  self->running = FALSE;
  g_clear_handle_id (&self->present_source, g_source_remove);
  g_clear_pointer (&self->plan, rung_packet_plan_free);
  g_clear_object (&self->packet);
  close_dialog (self, &self->question);
  close_dialog (self, &self->progress);

  /* A window that went, or moved to another panel, has no one to tell. */
  if (panel_still_shown (self))
    report (self);

  g_signal_emit (self, signals [FINISHED], 0);

  /* The reference rung_packet_importer_start() took. */
  g_object_unref (self);
}

/* One packet */

static void
add_not_imported (RungPacketImporter *self,
                  const char         *reason)
{
  g_autoptr(GFile) file = current_file (self);
  NotImported item = { display_name_of (file), g_strdup (reason) };

  g_array_append_val (self->not_imported, item);
}

static void
next_packet (RungPacketImporter *self)
{
  g_clear_pointer (&self->plan, rung_packet_plan_free);
  g_clear_object (&self->packet);
  self->position++;
  read_next_packet (self);
}

static void
skip_packet (RungPacketImporter *self,
             const char         *reason)
{
  add_not_imported (self, reason);
  self->n_skipped++;
  next_packet (self);
}

static void
import_packet (RungPacketImporter *self)
{
  RungCandidate *existing = self->plan->existing;
  g_autoptr(GError) error = NULL;
  RungCandidate *candidate;
  gint64 replaced_id = 0;
  guint position;

  if (existing != NULL && (self->flags & RUNG_PACKET_IMPORT_REPLACE))
    {
      /* Replacing a packet of this same import: Undo forgets both, rather
       * than bring back what the panel never had. */
      if (g_list_store_find (self->imported, existing, &position))
        g_list_store_remove (self->imported, position);
      else
        replaced_id = rung_candidate_get_id (existing);
    }

  if (!(candidate = rung_panel_import_packet (self->panel, self->packet, self->flags, &error)))
    add_not_imported (self, error->message);
  else
    {
      g_list_store_append (self->imported, candidate);
      if (replaced_id != 0)
        g_array_append_val (self->replaced, replaced_id);
    }

  next_packet (self);
}

/* Questions */

static GtkWidget *
do_the_same_check (RungPacketImporter *self)
{
  GtkWidget *check;

  if (!more_packets_remain (self))
    return NULL;

  check = gtk_check_button_new_with_mnemonic (_("_Do the same for the other packets"));
  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);

  return check;
}

/* Asks @dialog's question about the current packet, with @details
 * (nullable) under it; @on_response gets the answer. */
static void
ask (RungPacketImporter *self,
     AdwMessageDialog   *dialog,
     GtkWidget          *details,
     GCallback           on_response)
{
  GtkWidget *check = do_the_same_check (self);

  if (details != NULL || check != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      if (details != NULL)
        gtk_box_append (GTK_BOX (box), details);
      if (check != NULL)
        gtk_box_append (GTK_BOX (box), check);
      adw_message_dialog_set_extra_child (dialog, box);
    }

  /* Over the window, not the progress: a message dialog is no wider than
   * its parent, and the progress stays in sight behind it. */
  g_object_set_data (G_OBJECT (dialog), "do-the-same", check);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", on_response, self, 0);

  /* A single file that gets a question needs no progress dialog. */
  g_clear_handle_id (&self->present_source, g_source_remove);
  self->question = g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Takes the answer; keeps it in @kept when the user said to do the same. */
static Answer
take_answer (RungPacketImporter *self,
             const char         *response,
             Answer             *kept)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (self->question), "do-the-same");
  Answer answer = ANSWER_SKIP;

  if (g_str_equal (response, "replace"))
    answer = ANSWER_REPLACE;
  else if (g_str_equal (response, "keep-both"))
    answer = ANSWER_KEEP_BOTH;
  else if (g_str_equal (response, "leave-out"))
    answer = ANSWER_LEAVE_OUT;

  if (check != NULL && gtk_check_button_get_active (check))
    *kept = answer;

  /* The dialog closes itself once its response is handled. */
  g_signal_handlers_disconnect_by_data (self->question, self);
  g_clear_object (&self->question);

  return answer;
}

static void
skip_duplicate (RungPacketImporter *self)
{
  g_autofree char *name = rung_candidate_dup_display_name (self->plan->existing);
  g_autofree char *reason = NULL;

  /* Translators: why a packet was not imported: the name of the candidate */
  reason = g_strdup_printf (_("Skipped: “%s” is already in the panel"), name);
  skip_packet (self, reason);
}

static void
answer_duplicate (RungPacketImporter *self,
                  Answer              answer)
{
  if (answer == ANSWER_REPLACE)
    self->flags |= RUNG_PACKET_IMPORT_REPLACE;
  else if (answer == ANSWER_KEEP_BOTH)
    self->flags |= RUNG_PACKET_IMPORT_KEEP_BOTH;

  if (answer == ANSWER_SKIP)
    skip_duplicate (self);
  else
    go_on_with_packet (self);
}

static void
on_duplicate_response (AdwMessageDialog   *dialog,
                       const char         *response,
                       RungPacketImporter *self)
{
  answer_duplicate (self, take_answer (self, response, &self->duplicate_answer));
}

static void
ask_about_duplicate (RungPacketImporter *self)
{
  g_autoptr(GFile) file = current_file (self);
  g_autofree char *file_name = display_name_of (file);
  g_autofree char *name = rung_candidate_dup_display_name (self->plan->existing);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the name of a candidate, then a file name */
  body = g_strdup_printf (_("A candidate named “%s” is already in this panel. Replace deletes them, with their "
                            "ratings and decisions, for the one in “%s”; Keep Both adds that one beside them."),
                          name, file_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window), _("Replace the Candidate?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "skip", _("_Skip"),
                                    "keep-both", _("_Keep Both"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "skip");
  adw_message_dialog_set_close_response (dialog, "skip");

  ask (self, dialog, NULL, G_CALLBACK (on_duplicate_response));
}

static void
answer_unmapped (RungPacketImporter *self,
                 Answer              answer)
{
  if (answer == ANSWER_LEAVE_OUT)
    {
      self->flags |= RUNG_PACKET_IMPORT_ALLOW_UNMAPPED;
      go_on_with_packet (self);
    }
  else
    skip_packet (self, _("Skipped: some of its items do not map to this panel’s ladder"));
}

static void
on_unmapped_response (AdwMessageDialog   *dialog,
                      const char         *response,
                      RungPacketImporter *self)
{
  answer_unmapped (self, take_answer (self, response, &self->unmapped_answer));
}

static void
ask_about_unmapped (RungPacketImporter *self)
{
  g_autoptr(GFile) file = current_file (self);
  g_autofree char *file_name = display_name_of (file);
  g_autofree char *body = NULL;
  g_autoptr(GString) sentences = g_string_new (NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < self->plan->unmapped->len; i++)
    {
      if (i > 0)
        g_string_append_c (sentences, '\n');
      g_string_append (sentences, g_ptr_array_index (self->plan->unmapped, i));
    }

  /* Translators: a file name */
  body = g_strdup_printf (_("“%s” was written against another version of the ladder. Importing it leaves out:"),
                          file_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window), _("Import Without Some Items?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "skip", _("_Skip"),
                                    "leave-out", _("_Import Without Them"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "skip");
  adw_message_dialog_set_close_response (dialog, "skip");

  ask (self, dialog, scrolled_text (sentences->str, NULL), G_CALLBACK (on_unmapped_response));
}

/* Asks what is still to be asked about the current packet, or imports it. */
static void
go_on_with_packet (RungPacketImporter *self)
{
  RungPacketImportFlags duplicate_flags = RUNG_PACKET_IMPORT_REPLACE | RUNG_PACKET_IMPORT_KEEP_BOTH;

  if (self->plan->existing != NULL && !(self->flags & duplicate_flags))
    {
      if (self->duplicate_answer == ANSWER_ASK)
        ask_about_duplicate (self);
      else
        answer_duplicate (self, self->duplicate_answer);
      return;
    }

  if (self->plan->unmapped->len > 0 && !(self->flags & RUNG_PACKET_IMPORT_ALLOW_UNMAPPED))
    {
      if (self->unmapped_answer == ANSWER_ASK)
        ask_about_unmapped (self);
      else
        answer_unmapped (self, self->unmapped_answer);
      return;
    }

  import_packet (self);
}

/* Reading */

static void
read_packet_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  RungPacket *packet;

  if ((packet = rung_packet_new_from_file (file, &error)))
    g_task_return_pointer (task, packet, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_packet_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RungPacketImporter *self = RUNG_PACKET_IMPORTER (source);
  g_autoptr(RungPacket) packet = NULL;
  g_autoptr(GError) error = NULL;

  packet = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancel stops before anything of this packet is written. */
  if (self->cancelled || !panel_still_shown (self))
    {
      finish (self);
      return;
    }

  if (packet == NULL || !(self->plan = rung_panel_plan_packet_import (self->panel, packet, &error)))
    {
      add_not_imported (self, error->message);
      next_packet (self);
      return;
    }

  self->packet = g_steal_pointer (&packet);
  self->flags = RUNG_PACKET_IMPORT_DEFAULT;
  go_on_with_packet (self);
}

static void
read_next_packet (RungPacketImporter *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;

  if (self->cancelled || self->position >= self->n_files || !panel_still_shown (self))
    {
      finish (self);
      return;
    }

  file = current_file (self);
  show_progress (self, file);

  task = g_task_new (self, NULL, on_packet_read, NULL);
  g_task_set_source_tag (task, read_next_packet);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_packet_in_thread);
}

/* The importer */

/**
 * rung_packet_importer_new:
 * @window: the window whose panel takes the packets
 */
RungPacketImporter *
rung_packet_importer_new (RungWindow *window)
{
  RungPacketImporter *self;

  g_return_val_if_fail (RUNG_IS_WINDOW (window), NULL);

  self = g_object_new (RUNG_TYPE_PACKET_IMPORTER, NULL);
  g_set_weak_pointer (&self->window, window);

  return self;
}

/**
 * rung_packet_importer_start:
 * @files: (element-type GFile): the packet files, imported in this order
 *
 * Imports @files into the panel the window shows, which must be writable.
 * The importer keeps itself until it is done, and emits
 * RungPacketImporter::finished then.
 */
void
rung_packet_importer_start (RungPacketImporter *self,
                            GListModel         *files)
{
  RungPanel *panel;

  g_return_if_fail (RUNG_IS_PACKET_IMPORTER (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (!self->running);
  g_return_if_fail (self->window != NULL);

  panel = rung_window_get_panel (self->window);
  g_return_if_fail (panel != NULL && !rung_panel_is_read_only (panel));

  g_set_object (&self->panel, panel);
  g_set_object (&self->files, files);
  self->n_files = g_list_model_get_n_items (files);
  self->position = 0;
  self->running = TRUE;
  g_object_ref (self);

  /* What was typed a moment ago is written before a candidate is replaced. */
  rung_panel_flush (panel);

  create_progress_dialog (self);
  if (self->n_files > 1)
    present_progress (self);
  else
    self->present_source = g_timeout_add (PROGRESS_DELAY_MS, on_progress_delay, self);

  read_next_packet (self);
}

/**
 * rung_packet_importer_cancel:
 *
 * Stops before the next packet; those imported stay.
 */
void
rung_packet_importer_cancel (RungPacketImporter *self)
{
  g_return_if_fail (RUNG_IS_PACKET_IMPORTER (self));

  if (!self->running || self->cancelled)
    return;

  self->cancelled = TRUE;
  if (self->progress != NULL)
    {
      adw_message_dialog_set_response_enabled (self->progress, "cancel", FALSE);
      adw_message_dialog_set_body (self->progress, _("Stopping…"));
    }

  /* A question waits for nobody now; otherwise a packet is being read or
   * written, and the importer stops as soon as that is done. */
  if (self->question != NULL)
    finish (self);
}

gboolean
rung_packet_importer_is_running (RungPacketImporter *self)
{
  g_return_val_if_fail (RUNG_IS_PACKET_IMPORTER (self), FALSE);

  return self->running;
}

guint
rung_packet_importer_get_n_files (RungPacketImporter *self)
{
  g_return_val_if_fail (RUNG_IS_PACKET_IMPORTER (self), 0);

  return self->n_files;
}

/**
 * rung_packet_importer_get_imported:
 *
 * Returns: (transfer none): the candidates imported so far, in the order
 *   of their files
 */
GListModel *
rung_packet_importer_get_imported (RungPacketImporter *self)
{
  g_return_val_if_fail (RUNG_IS_PACKET_IMPORTER (self), NULL);

  return G_LIST_MODEL (self->imported);
}

static void
rung_packet_importer_dispose (GObject *object)
{
  RungPacketImporter *self = (RungPacketImporter *)object;

  g_clear_handle_id (&self->present_source, g_source_remove);
  close_dialog (self, &self->question);
  close_dialog (self, &self->progress);
  g_clear_pointer (&self->plan, rung_packet_plan_free);
  g_clear_object (&self->packet);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->panel);
  g_clear_object (&self->files);
  g_clear_object (&self->imported);

  G_OBJECT_CLASS (rung_packet_importer_parent_class)->dispose (object);
}

static void
rung_packet_importer_finalize (GObject *object)
{
  RungPacketImporter *self = (RungPacketImporter *)object;

  g_array_unref (self->replaced);
  g_array_unref (self->not_imported);

  G_OBJECT_CLASS (rung_packet_importer_parent_class)->finalize (object);
}

static void
rung_packet_importer_class_init (RungPacketImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_packet_importer_dispose;
  object_class->finalize = rung_packet_importer_finalize;

  /**
   * RungPacketImporter::finished:
   *
   * The import is over: done, cancelled, or left when the window went to
   * another panel.
   */
  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rung_packet_importer_init (RungPacketImporter *self)
{
  self->imported = g_list_store_new (RUNG_TYPE_CANDIDATE);
  self->replaced = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->not_imported = g_array_new (FALSE, FALSE, sizeof (NotImported));
  g_array_set_clear_func (self->not_imported, (GDestroyNotify)not_imported_clear);
}

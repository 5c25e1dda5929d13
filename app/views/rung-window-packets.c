/* rung-window-packets.c: the window's Export Packet… and Import Packets….
 *
 * Export Packet… writes the selected candidate (details and evidence) to a
 * .rungpacket file, which a manager sends to the committee; Import
 * Packets… brings any number of them into the panel, through
 * RungPacketImporter, and selects what it imported. Neither is the
 * printable packet: Export Packet as PDF… is rung-window-print.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-candidate-list.h"
#include "rung-packet.h"
#include "rung-packet-importer.h"
#include "rung-panel.h"
#include "rung-panel-view.h"
#include "rung-window.h"
#include "rung-window-private.h"

/* The import under way, kept on the window while it runs. */
#define IMPORTER_KEY "rung-packet-importer"

static void
add_packet_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) packets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (packets, _("Rung packets"));
  gtk_file_filter_add_suffix (packets, RUNG_PACKET_SUFFIX + 1);   /* without its dot */
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, packets);
  gtk_file_chooser_add_filter (chooser, all);
}

/* Export Packet… */

/**
 * _rung_window_export_packet_file:
 * @file: where to write, as it is named
 *
 * Writes the selected candidate's packet file, and says so in a toast, or
 * why it could not in a dialog.
 */
void
_rung_window_export_packet_file (RungWindow *self,
                                 GFile      *file)
{
  RungCandidate *candidate = _rung_window_get_selected_candidate (self);
  g_autoptr(RungPacket) packet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (RUNG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (candidate == NULL)
    return;

  /* What was typed a moment ago goes into the packet too. */
  rung_panel_flush (rung_window_get_panel (self));

  packet = rung_packet_new_from_candidate (candidate);
  if (!rung_packet_write_file (packet, file, &error))
    {
      _rung_window_show_error (self, _("Could Not Export the Packet"), error->message);
      return;
    }

  /* During a blind meeting the toast, on the shared screen, says their letter. */
  name = rung_candidate_dup_display_name (candidate);
  /* Translators: a toast: the candidate whose packet file was written */
  title = g_markup_printf_escaped (_("Exported the packet of %s"), name);
  rung_window_add_toast (self, adw_toast_new (title));
}

static void
on_export_packet_response (GtkNativeDialog *chooser,
                           int              response,
                           RungWindow      *self)
{
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (chosen != NULL)
    {
      /* Packets carry their extension, so that Import Packets… lists them. */
      g_autoptr(GFile) file = _rung_file_with_extension (chosen, RUNG_PACKET_SUFFIX);

      _rung_window_export_packet_file (self, file);
    }
}

static void
export_packet_file_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);
  RungCandidate *candidate = _rung_window_get_selected_candidate (self);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;

  if (candidate == NULL)
    return;

  /* The chooser may be on the shared screen: during a blind meeting it
   * proposes the candidate's letter. */
  name = rung_candidate_dup_display_name (candidate);
  suggested = g_strconcat (name, RUNG_PACKET_SUFFIX, NULL);
  /* Slashes would make the suggestion a path. */
  g_strdelimit (suggested, "/", '-');

  chooser = gtk_file_chooser_native_new (_("Export the Packet"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  add_packet_filters (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_packet_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import Packets… */

static RungPacketImporter *
current_importer (RungWindow *self)
{
  return g_object_get_data (G_OBJECT (self), IMPORTER_KEY);
}

static void
update_packet_actions (RungWindow *self)
{
  RungPanel *panel = rung_window_get_panel (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-packet-file", _rung_window_get_selected_candidate (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-packets",
                                 panel != NULL && !rung_panel_is_read_only (panel) &&
                                 current_importer (self) == NULL);
}

static void
on_import_finished (RungWindow         *self,
                    RungPacketImporter *importer)
{
  GListModel *imported = rung_packet_importer_get_imported (importer);

  /* The first of them, where the committee starts reading. */
  if (g_list_model_get_n_items (imported) > 0 && rung_window_get_panel (self) != NULL)
    {
      g_autoptr(RungCandidate) first = g_list_model_get_item (imported, 0);

      if (rung_candidate_get_panel (first) == rung_window_get_panel (self))
        rung_panel_view_select (_rung_window_get_panel_view (self), first);
    }

  g_object_set_data (G_OBJECT (self), IMPORTER_KEY, NULL);
  update_packet_actions (self);
}

/**
 * _rung_window_import_packets:
 * @files: (element-type GFile): packet files
 *
 * Imports @files into the window's panel, asking what to do where a packet
 * does not fit, and selects the first candidate it imported. Does nothing
 * without files, without a writable panel, or while an import runs.
 *
 * Returns: (transfer none) (nullable): the import, which goes on after
 *   this returns, until RungPacketImporter::finished
 */
RungPacketImporter *
_rung_window_import_packets (RungWindow *self,
                             GListModel *files)
{
  RungPanel *panel = rung_window_get_panel (self);
  RungPacketImporter *importer;

  g_return_val_if_fail (RUNG_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  if (panel == NULL || rung_panel_is_read_only (panel) || current_importer (self) != NULL ||
      g_list_model_get_n_items (files) == 0)
    return NULL;

  importer = rung_packet_importer_new (self);
  g_object_set_data_full (G_OBJECT (self), IMPORTER_KEY, importer, g_object_unref);
  g_signal_connect_object (importer, "finished", G_CALLBACK (on_import_finished), self, G_CONNECT_SWAPPED);
  update_packet_actions (self);
  rung_packet_importer_start (importer, files);

  return importer;
}

static void
on_import_packets_response (GtkNativeDialog *chooser,
                            int              response,
                            RungWindow      *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (files != NULL)
    _rung_window_import_packets (self, files);
}

static void
import_packets_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RungWindow *self = RUNG_WINDOW (widget);
  RungPanel *panel = rung_window_get_panel (self);
  GtkFileChooserNative *chooser;

  if (panel == NULL || rung_panel_is_read_only (panel) || current_importer (self) != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Packets"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  add_packet_filters (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_packets_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Set up */

void
_rung_window_class_init_packets (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-packet-file", NULL, export_packet_file_action);
  gtk_widget_class_install_action (widget_class, "win.import-packets", NULL, import_packets_action);
}

void
_rung_window_init_packets (RungWindow *self)
{
  _rung_window_follow_selection (self, G_CALLBACK (update_packet_actions));
  update_packet_actions (self);
}

/* rung-window-private.h: what the window's own files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-packet-importer.h"
#include "rung-panel-view.h"
#include "rung-paper.h"
#include "rung-print-document.h"
#include "rung-window.h"

G_BEGIN_DECLS

/* rung-window.c */
RungPanelView *_rung_window_get_panel_view         (RungWindow *self);
RungCandidate *_rung_window_get_selected_candidate (RungWindow *self);
void           _rung_window_follow_selection       (RungWindow *self,
                                                    GCallback   callback);
void           _rung_window_toast_text             (RungWindow *self,
                                                    const char *text);

GFile *_rung_file_with_extension   (GFile                   *file,
                                    const char              *extension);
void   _rung_window_show_error     (RungWindow              *self,
                                    const char              *heading,
                                    const char              *body);

/* rung-window-meeting.c */
void _rung_window_class_init_meeting (GtkWidgetClass        *widget_class);
void _rung_window_init_meeting       (RungWindow            *self);

/* rung-window-packets.c */
void                _rung_window_class_init_packets  (GtkWidgetClass *widget_class);
void                _rung_window_init_packets        (RungWindow     *self);
void                _rung_window_export_packet_file  (RungWindow     *self,
                                                      GFile          *file);
RungPacketImporter *_rung_window_import_packets      (RungWindow     *self,
                                                      GListModel     *files);

/* rung-window-print.c */
void _rung_window_class_init_print (GtkWidgetClass          *widget_class);
void _rung_window_init_print       (RungWindow              *self);
void _rung_window_print            (RungWindow              *self,
                                    RungPanel               *panel,
                                    RungPrintDocument       *document,
                                    GtkPrintOperationAction  action,
                                    const char              *export_path);
void _rung_window_print_packet     (RungWindow              *self,
                                    GtkPrintOperationAction  action,
                                    const char              *export_path);
void _rung_window_export_packet    (RungWindow              *self,
                                    GFile                   *file,
                                    RungPaper                paper);
void _rung_window_export_book      (RungWindow              *self,
                                    GFile                   *file,
                                    RungPaper                paper);
void _rung_window_export_minutes   (RungWindow              *self,
                                    GFile                   *file,
                                    RungPaper                paper);

G_END_DECLS

/* rung-window-private.h: what the window's own files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-paper.h"
#include "rung-print-document.h"
#include "rung-window.h"

G_BEGIN_DECLS

/* rung-window.c */
GFile *_rung_file_with_extension   (GFile                   *file,
                                    const char              *extension);

/* rung-window-meeting.c */
void _rung_window_class_init_meeting (GtkWidgetClass        *widget_class);
void _rung_window_init_meeting       (RungWindow            *self);

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

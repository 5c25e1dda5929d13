/* rung-agenda-list.h: a meeting's agenda, in order, to reorder by drag and
 * drop or from the keyboard and to pick who is discussed now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_AGENDA_LIST (rung_agenda_list_get_type ())

G_DECLARE_FINAL_TYPE (RungAgendaList, rung_agenda_list, RUNG, AGENDA_LIST, GtkWidget)

GtkWidget   *rung_agenda_list_new          (void);
RungMeeting *rung_agenda_list_get_meeting  (RungAgendaList *self);
void         rung_agenda_list_set_meeting  (RungAgendaList *self,
                                            RungMeeting    *meeting);
gboolean     rung_agenda_list_move         (RungAgendaList *self,
                                            guint           from,
                                            guint           to);

G_END_DECLS

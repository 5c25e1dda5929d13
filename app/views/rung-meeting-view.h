/* rung-meeting-view.h: meeting mode: the agenda, and the candidate under
 * discussion presented to be read from across a room.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_MEETING_VIEW (rung_meeting_view_get_type ())

G_DECLARE_FINAL_TYPE (RungMeetingView, rung_meeting_view, RUNG, MEETING_VIEW, GtkWidget)

GtkWidget      *rung_meeting_view_new              (void);
RungMeeting    *rung_meeting_view_get_meeting      (RungMeetingView *self);
void            rung_meeting_view_set_meeting      (RungMeetingView *self,
                                                    RungMeeting     *meeting);
RungAgendaItem *rung_meeting_view_get_current      (RungMeetingView *self);
guint           rung_meeting_view_get_area_index   (RungMeetingView *self);
gboolean        rung_meeting_view_next_candidate   (RungMeetingView *self);
gboolean        rung_meeting_view_previous_candidate (RungMeetingView *self);
void            rung_meeting_view_flush            (RungMeetingView *self);

G_END_DECLS

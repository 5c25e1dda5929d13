/* rung-meeting-timer.h: how long the discussion of one candidate has left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_MEETING_TIMER (rung_meeting_timer_get_type ())

G_DECLARE_FINAL_TYPE (RungMeetingTimer, rung_meeting_timer, RUNG, MEETING_TIMER, AdwBin)

GtkWidget      *rung_meeting_timer_new                   (void);
RungMeeting    *rung_meeting_timer_get_meeting           (RungMeetingTimer *self);
void            rung_meeting_timer_set_meeting           (RungMeetingTimer *self,
                                                          RungMeeting      *meeting);
RungAgendaItem *rung_meeting_timer_get_item              (RungMeetingTimer *self);
void            rung_meeting_timer_set_item              (RungMeetingTimer *self,
                                                          RungAgendaItem   *item);
gboolean        rung_meeting_timer_get_running           (RungMeetingTimer *self);
void            rung_meeting_timer_set_running           (RungMeetingTimer *self,
                                                          gboolean          running);
void            rung_meeting_timer_toggle                (RungMeetingTimer *self);
gint64          rung_meeting_timer_get_elapsed_seconds   (RungMeetingTimer *self);
gint64          rung_meeting_timer_get_remaining_seconds (RungMeetingTimer *self);
void            rung_meeting_timer_flush                 (RungMeetingTimer *self);
GActionGroup   *rung_meeting_timer_get_action_group      (RungMeetingTimer *self);

G_END_DECLS

/* rung-meeting-timer-private.h: what the timer's tests reach: a clock of
 * their own, a tick when they say so, and the words shown and spoken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-meeting-timer.h"

G_BEGIN_DECLS

/* Microseconds on a clock that only goes forward, like g_get_monotonic_time(). */
typedef gint64 (*RungMeetingTimerClock) (gpointer data);

void        _rung_meeting_timer_set_clock       (RungMeetingTimer      *self,
                                                 RungMeetingTimerClock  now_us,
                                                 gpointer               data);
void        _rung_meeting_timer_tick            (RungMeetingTimer      *self);
const char *_rung_meeting_timer_get_text        (RungMeetingTimer      *self);
const char *_rung_meeting_timer_get_caption     (RungMeetingTimer      *self);
const char *_rung_meeting_timer_get_spoken      (RungMeetingTimer      *self);
gboolean    _rung_meeting_timer_is_ticking      (RungMeetingTimer      *self);

G_END_DECLS

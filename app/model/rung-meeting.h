/* rung-meeting.h: a meeting of the panel: its agenda, timer record, blind
 * mode and attendees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_MEETING (rung_meeting_get_type ())

/* How long each discussion lasts unless the meeting says otherwise. */
#define RUNG_MEETING_DEFAULT_MINUTES 10

G_DECLARE_FINAL_TYPE (RungMeeting, rung_meeting, RUNG, MEETING, GObject)

gint64          rung_meeting_get_id                    (RungMeeting     *self);
const char     *rung_meeting_get_title                 (RungMeeting     *self);
guint           rung_meeting_get_minutes_per_candidate (RungMeeting     *self);
gboolean        rung_meeting_get_blind                 (RungMeeting     *self);
const char     *rung_meeting_get_started_at            (RungMeeting     *self);
const char     *rung_meeting_get_ended_at              (RungMeeting     *self);
gboolean        rung_meeting_is_open                   (RungMeeting     *self);
GListModel     *rung_meeting_get_agenda                (RungMeeting     *self);
RungAgendaItem *rung_meeting_get_current               (RungMeeting     *self);
RungAgendaItem *rung_meeting_find_item                 (RungMeeting     *self,
                                                        RungCandidate   *candidate);
GListModel     *rung_meeting_get_attendees             (RungMeeting     *self);
gboolean        rung_meeting_move                      (RungMeeting     *self,
                                                        RungAgendaItem  *item,
                                                        guint            new_position,
                                                        GError         **error);
GArray         *rung_meeting_dup_order                 (RungMeeting     *self);
gboolean        rung_meeting_set_order                 (RungMeeting     *self,
                                                        GArray          *order,
                                                        GError         **error);
gboolean        rung_meeting_order_by_disagreement     (RungMeeting     *self,
                                                        gboolean        *changed,
                                                        GError         **error);
gboolean        rung_meeting_set_current               (RungMeeting     *self,
                                                        RungAgendaItem  *item,
                                                        GError         **error);
gboolean        rung_meeting_mark_decided              (RungMeeting     *self,
                                                        RungAgendaItem  *item,
                                                        GError         **error);
gboolean        rung_meeting_add_time                  (RungMeeting     *self,
                                                        RungAgendaItem  *item,
                                                        guint            seconds,
                                                        GError         **error);
gboolean        rung_meeting_set_blind                 (RungMeeting     *self,
                                                        gboolean         blind,
                                                        GError         **error);
gboolean        rung_meeting_set_attendees             (RungMeeting     *self,
                                                        RungPanelist   **panelists,
                                                        guint            n_panelists,
                                                        GError         **error);
gboolean        rung_meeting_end                       (RungMeeting     *self,
                                                        GError         **error);
guint           rung_meeting_count_decided             (RungMeeting     *self);
char           *rung_meeting_dup_display_name          (RungMeeting     *self,
                                                        RungCandidate   *candidate);

G_END_DECLS

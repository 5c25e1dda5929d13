/* rung-agenda-item.h: one candidate on a meeting's agenda.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_AGENDA_STATE (rung_agenda_state_get_type ())
#define RUNG_TYPE_AGENDA_ITEM  (rung_agenda_item_get_type ())

GType rung_agenda_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (RungAgendaItem, rung_agenda_item, RUNG, AGENDA_ITEM, GObject)

RungCandidate   *rung_agenda_item_get_candidate     (RungAgendaItem *self);
RungAgendaState  rung_agenda_item_get_state         (RungAgendaItem *self);
guint            rung_agenda_item_get_position      (RungAgendaItem *self);
guint            rung_agenda_item_get_alias         (RungAgendaItem *self);
gint64           rung_agenda_item_get_seconds_spent (RungAgendaItem *self);

G_END_DECLS

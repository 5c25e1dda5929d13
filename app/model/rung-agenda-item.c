/* rung-agenda-item.c: one candidate on a meeting's agenda: where they are
 * in the order, whether they are waiting, under discussion now or decided,
 * and how long the meeting has spent on them.
 *
 * The meeting keeps one object per candidate and updates it in place when
 * the file changes, so a view can bind to its properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-agenda-item"

#include "config.h"

#include "rung-agenda-item.h"
#include "rung-candidate.h"
#include "rung-panel-private.h"

struct _RungAgendaItem
{
  GObject          parent_instance;

  RungCandidate   *candidate;
  gint64           candidate_id;
  RungAgendaState  state;
  guint            position;
  guint            alias;
  gint64           seconds_spent;
};

G_DEFINE_ENUM_TYPE (RungAgendaState, rung_agenda_state,
                    G_DEFINE_ENUM_VALUE (RUNG_AGENDA_STATE_WAITING, "waiting"),
                    G_DEFINE_ENUM_VALUE (RUNG_AGENDA_STATE_NOW, "now"),
                    G_DEFINE_ENUM_VALUE (RUNG_AGENDA_STATE_DECIDED, "decided"))

G_DEFINE_FINAL_TYPE (RungAgendaItem, rung_agenda_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CANDIDATE,
  PROP_STATE,
  PROP_POSITION,
  PROP_SECONDS_SPENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_agenda_item_dispose (GObject *object)
{
  RungAgendaItem *self = (RungAgendaItem *)object;

  g_clear_object (&self->candidate);

  G_OBJECT_CLASS (rung_agenda_item_parent_class)->dispose (object);
}

static void
rung_agenda_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RungAgendaItem *self = RUNG_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_SECONDS_SPENT:
      g_value_set_int64 (value, self->seconds_spent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_agenda_item_class_init (RungAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rung_agenda_item_dispose;
  object_class->get_property = rung_agenda_item_get_property;

  properties [PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL, RUNG_TYPE_CANDIDATE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, RUNG_TYPE_AGENDA_STATE, RUNG_AGENDA_STATE_WAITING, flags);
  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_SECONDS_SPENT] =
    g_param_spec_int64 ("seconds-spent", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_agenda_item_init (RungAgendaItem *self)
{
}

RungAgendaItem *
_rung_agenda_item_new (RungCandidate          *candidate,
                       const RungAgendaRecord *record)
{
  RungAgendaItem *self = g_object_new (RUNG_TYPE_AGENDA_ITEM, NULL);

  self->candidate = g_object_ref (candidate);
  self->candidate_id = record->candidate_id;
  self->state = record->state;
  self->position = record->position;
  self->alias = record->alias;
  self->seconds_spent = record->seconds_spent;

  return self;
}

/* Takes what the file says now, and tells whoever watches what changed. */
void
_rung_agenda_item_update (RungAgendaItem         *self,
                          const RungAgendaRecord *record)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != record->state)
    {
      self->state = record->state;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
    }

  if (self->position != (guint)record->position)
    {
      self->position = record->position;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSITION]);
    }

  if (self->seconds_spent != record->seconds_spent)
    {
      self->seconds_spent = record->seconds_spent;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECONDS_SPENT]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* The candidate's id, stored as long as the item lives: a hash table key. */
const gint64 *
_rung_agenda_item_peek_candidate_id (RungAgendaItem *self)
{
  return &self->candidate_id;
}

/**
 * rung_agenda_item_get_candidate:
 *
 * Returns: (transfer none): the candidate
 */
RungCandidate *
rung_agenda_item_get_candidate (RungAgendaItem *self)
{
  g_return_val_if_fail (RUNG_IS_AGENDA_ITEM (self), NULL);

  return self->candidate;
}

RungAgendaState
rung_agenda_item_get_state (RungAgendaItem *self)
{
  g_return_val_if_fail (RUNG_IS_AGENDA_ITEM (self), RUNG_AGENDA_STATE_WAITING);

  return self->state;
}

/**
 * rung_agenda_item_get_alias:
 *
 * Returns: which letter stands for the candidate in blind mode: 0 for
 *   "Candidate A", 1 for "Candidate B", …; fixed when the meeting started
 */
guint
rung_agenda_item_get_alias (RungAgendaItem *self)
{
  g_return_val_if_fail (RUNG_IS_AGENDA_ITEM (self), 0);

  return self->alias;
}

/**
 * rung_agenda_item_get_position:
 *
 * Returns: the item's place on the agenda, from 0
 */
guint
rung_agenda_item_get_position (RungAgendaItem *self)
{
  g_return_val_if_fail (RUNG_IS_AGENDA_ITEM (self), 0);

  return self->position;
}

/**
 * rung_agenda_item_get_seconds_spent:
 *
 * Returns: how long the meeting has discussed the candidate, as recorded
 */
gint64
rung_agenda_item_get_seconds_spent (RungAgendaItem *self)
{
  g_return_val_if_fail (RUNG_IS_AGENDA_ITEM (self), 0);

  return self->seconds_spent;
}

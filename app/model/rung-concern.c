/* rung-concern.c: a panelist's concern that a candidate shows one of the level's
 * anti-patterns, with a note.
 *
 * The object is a snapshot of one row of the panel file; the panel replaces
 * it when the row changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-concern"

#include "config.h"

#include "rung-panel-private.h"
#include "rung-concern.h"

struct _RungConcern
{
  GObject  parent_instance;

  RungConcernRecord *record;
};

G_DEFINE_FINAL_TYPE (RungConcern, rung_concern, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PANELIST_ID,
  PROP_CANDIDATE_ID,
  PROP_ANTI_PATTERN_ID,
  PROP_NOTE,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_concern_finalize (GObject *object)
{
  RungConcern *self = (RungConcern *)object;

  g_clear_pointer (&self->record, rung_concern_record_free);

  G_OBJECT_CLASS (rung_concern_parent_class)->finalize (object);
}

static void
rung_concern_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RungConcern *self = RUNG_CONCERN (object);

  switch (prop_id)
    {
    case PROP_PANELIST_ID:
      g_value_set_int64 (value, self->record->panelist_id);
      break;

    case PROP_CANDIDATE_ID:
      g_value_set_int64 (value, self->record->candidate_id);
      break;

    case PROP_ANTI_PATTERN_ID:
      g_value_set_string (value, self->record->anti_pattern_id);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->record->note);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->record->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_concern_class_init (RungConcernClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_concern_finalize;
  object_class->get_property = rung_concern_get_property;

  properties [PROP_PANELIST_ID] =
    g_param_spec_int64 ("panelist-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CANDIDATE_ID] =
    g_param_spec_int64 ("candidate-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ANTI_PATTERN_ID] =
    g_param_spec_string ("anti-pattern-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_concern_init (RungConcern *self)
{
}

/* Takes ownership of @record. */
RungConcern *
_rung_concern_new (RungConcernRecord *record)
{
  RungConcern *self = g_object_new (RUNG_TYPE_CONCERN, NULL);

  self->record = record;

  return self;
}

const RungConcernRecord *
rung_concern_get_record (RungConcern *self)
{
  g_return_val_if_fail (RUNG_IS_CONCERN (self), NULL);

  return self->record;
}

gint64
rung_concern_get_panelist_id (RungConcern *self)
{
  g_return_val_if_fail (RUNG_IS_CONCERN (self), 0);

  return self->record->panelist_id;
}

gint64
rung_concern_get_candidate_id (RungConcern *self)
{
  g_return_val_if_fail (RUNG_IS_CONCERN (self), 0);

  return self->record->candidate_id;
}

const char *
rung_concern_get_anti_pattern_id (RungConcern *self)
{
  g_return_val_if_fail (RUNG_IS_CONCERN (self), NULL);

  return self->record->anti_pattern_id;
}

const char *
rung_concern_get_note (RungConcern *self)
{
  g_return_val_if_fail (RUNG_IS_CONCERN (self), NULL);

  return self->record->note;
}

const char *
rung_concern_get_updated_at (RungConcern *self)
{
  g_return_val_if_fail (RUNG_IS_CONCERN (self), NULL);

  return self->record->updated_at;
}

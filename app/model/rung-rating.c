/* rung-rating.c: one panelist's rating of one area of a candidate: a grade value
 * of the ladder's scale and a comment.
 *
 * The object is a snapshot of one row of the panel file; the panel replaces
 * it when the row changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-rating"

#include "config.h"

#include "rung-panel-private.h"
#include "rung-rating.h"

struct _RungRating
{
  GObject  parent_instance;

  RungRatingRecord *record;
};

G_DEFINE_FINAL_TYPE (RungRating, rung_rating, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PANELIST_ID,
  PROP_CANDIDATE_ID,
  PROP_AREA_ID,
  PROP_VALUE,
  PROP_COMMENT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_rating_finalize (GObject *object)
{
  RungRating *self = (RungRating *)object;

  g_clear_pointer (&self->record, rung_rating_record_free);

  G_OBJECT_CLASS (rung_rating_parent_class)->finalize (object);
}

static void
rung_rating_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RungRating *self = RUNG_RATING (object);

  switch (prop_id)
    {
    case PROP_PANELIST_ID:
      g_value_set_int64 (value, self->record->panelist_id);
      break;

    case PROP_CANDIDATE_ID:
      g_value_set_int64 (value, self->record->candidate_id);
      break;

    case PROP_AREA_ID:
      g_value_set_string (value, self->record->area_id);
      break;

    case PROP_VALUE:
      g_value_set_int (value, self->record->value);
      break;

    case PROP_COMMENT:
      g_value_set_string (value, self->record->comment);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->record->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_rating_class_init (RungRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_rating_finalize;
  object_class->get_property = rung_rating_get_property;

  properties [PROP_PANELIST_ID] =
    g_param_spec_int64 ("panelist-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CANDIDATE_ID] =
    g_param_spec_int64 ("candidate-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_AREA_ID] =
    g_param_spec_string ("area-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_rating_init (RungRating *self)
{
}

/* Takes ownership of @record. */
RungRating *
_rung_rating_new (RungRatingRecord *record)
{
  RungRating *self = g_object_new (RUNG_TYPE_RATING, NULL);

  self->record = record;

  return self;
}

const RungRatingRecord *
rung_rating_get_record (RungRating *self)
{
  g_return_val_if_fail (RUNG_IS_RATING (self), NULL);

  return self->record;
}

gint64
rung_rating_get_panelist_id (RungRating *self)
{
  g_return_val_if_fail (RUNG_IS_RATING (self), 0);

  return self->record->panelist_id;
}

gint64
rung_rating_get_candidate_id (RungRating *self)
{
  g_return_val_if_fail (RUNG_IS_RATING (self), 0);

  return self->record->candidate_id;
}

const char *
rung_rating_get_area_id (RungRating *self)
{
  g_return_val_if_fail (RUNG_IS_RATING (self), NULL);

  return self->record->area_id;
}

int
rung_rating_get_value (RungRating *self)
{
  g_return_val_if_fail (RUNG_IS_RATING (self), 0);

  return self->record->value;
}

const char *
rung_rating_get_comment (RungRating *self)
{
  g_return_val_if_fail (RUNG_IS_RATING (self), NULL);

  return self->record->comment;
}

const char *
rung_rating_get_updated_at (RungRating *self)
{
  g_return_val_if_fail (RUNG_IS_RATING (self), NULL);

  return self->record->updated_at;
}

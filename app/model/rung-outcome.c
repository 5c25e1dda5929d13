/* rung-outcome.c: one decision a committee can reach ("Promote", "Not yet",
 * "Defer"), either declared by the ladder or one of Rung's defaults.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-outcome"

#include "config.h"

#include "rung-ladder-private.h"

struct _RungOutcome
{
  GObject  parent_instance;

  char    *id;
  char    *label;
  char    *description;
};

G_DEFINE_FINAL_TYPE (RungOutcome, rung_outcome, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_outcome_finalize (GObject *object)
{
  RungOutcome *self = (RungOutcome *)object;

  g_free (self->id);
  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (rung_outcome_parent_class)->finalize (object);
}

static void
rung_outcome_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RungOutcome *self = RUNG_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_outcome_class_init (RungOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_outcome_finalize;
  object_class->get_property = rung_outcome_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_outcome_init (RungOutcome *self)
{
}

RungOutcome *
_rung_outcome_new (const char *id,
                   const char *label,
                   const char *description)
{
  RungOutcome *self = g_object_new (RUNG_TYPE_OUTCOME, NULL);

  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->description = g_strdup (description ? description : "");

  return self;
}

const char *
rung_outcome_get_id (RungOutcome *self)
{
  g_return_val_if_fail (RUNG_IS_OUTCOME (self), NULL);

  return self->id;
}

const char *
rung_outcome_get_label (RungOutcome *self)
{
  g_return_val_if_fail (RUNG_IS_OUTCOME (self), NULL);

  return self->label;
}

const char *
rung_outcome_get_description (RungOutcome *self)
{
  g_return_val_if_fail (RUNG_IS_OUTCOME (self), NULL);

  return self->description;
}

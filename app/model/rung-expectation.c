/* rung-expectation.c: one expectation of a ladder's area: a stable id, a short
 * title and the full text of the ladder, verbatim.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-expectation"

#include "config.h"

#include "rung-ladder-private.h"

struct _RungExpectation
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *text;
  char    *area_id;
};

G_DEFINE_FINAL_TYPE (RungExpectation, rung_expectation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TEXT,
  PROP_AREA_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_expectation_finalize (GObject *object)
{
  RungExpectation *self = (RungExpectation *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->text);
  g_free (self->area_id);

  G_OBJECT_CLASS (rung_expectation_parent_class)->finalize (object);
}

static void
rung_expectation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RungExpectation *self = RUNG_EXPECTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_AREA_ID:
      g_value_set_string (value, self->area_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_expectation_class_init (RungExpectationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_expectation_finalize;
  object_class->get_property = rung_expectation_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_AREA_ID] =
    g_param_spec_string ("area-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_expectation_init (RungExpectation *self)
{
}

RungExpectation *
_rung_expectation_new (const char *id,
                       const char *title,
                       const char *text,
                       const char *area_id)
{
  RungExpectation *self = g_object_new (RUNG_TYPE_EXPECTATION, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->text = g_strdup (text);
  self->area_id = g_strdup (area_id);

  return self;
}

const char *
rung_expectation_get_id (RungExpectation *self)
{
  g_return_val_if_fail (RUNG_IS_EXPECTATION (self), NULL);

  return self->id;
}

const char *
rung_expectation_get_title (RungExpectation *self)
{
  g_return_val_if_fail (RUNG_IS_EXPECTATION (self), NULL);

  return self->title;
}

const char *
rung_expectation_get_text (RungExpectation *self)
{
  g_return_val_if_fail (RUNG_IS_EXPECTATION (self), NULL);

  return self->text;
}

const char *
rung_expectation_get_area_id (RungExpectation *self)
{
  g_return_val_if_fail (RUNG_IS_EXPECTATION (self), NULL);

  return self->area_id;
}

/* rung-area.c: an area of a level (Responsibilities, Impact, …): a title, its
 * expectations in the ladder's order, and an optional closing note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-area"

#include "config.h"

#include "rung-expectation.h"
#include "rung-ladder-private.h"

struct _RungArea
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *note;
  GListStore *expectations;
};

G_DEFINE_FINAL_TYPE (RungArea, rung_area, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_NOTE,
  PROP_EXPECTATIONS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_area_dispose (GObject *object)
{
  RungArea *self = (RungArea *)object;

  g_clear_object (&self->expectations);

  G_OBJECT_CLASS (rung_area_parent_class)->dispose (object);
}

static void
rung_area_finalize (GObject *object)
{
  RungArea *self = (RungArea *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->note);

  G_OBJECT_CLASS (rung_area_parent_class)->finalize (object);
}

static void
rung_area_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RungArea *self = RUNG_AREA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_EXPECTATIONS:
      g_value_set_object (value, self->expectations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_area_class_init (RungAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_area_dispose;
  object_class->finalize = rung_area_finalize;
  object_class->get_property = rung_area_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_EXPECTATIONS] =
    g_param_spec_object ("expectations", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_area_init (RungArea *self)
{
  self->expectations = g_list_store_new (RUNG_TYPE_EXPECTATION);
}

RungArea *
_rung_area_new (const char *id,
                const char *title,
                const char *note)
{
  RungArea *self = g_object_new (RUNG_TYPE_AREA, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->note = g_strdup (note);

  return self;
}

void
_rung_area_add_expectation (RungArea        *self,
                            RungExpectation *expectation)
{
  g_list_store_append (self->expectations, expectation);
}

const char *
rung_area_get_id (RungArea *self)
{
  g_return_val_if_fail (RUNG_IS_AREA (self), NULL);

  return self->id;
}

const char *
rung_area_get_title (RungArea *self)
{
  g_return_val_if_fail (RUNG_IS_AREA (self), NULL);

  return self->title;
}

/**
 * rung_area_get_note:
 *
 * Returns: (nullable): a remark the ladder makes after the expectations
 */
const char *
rung_area_get_note (RungArea *self)
{
  g_return_val_if_fail (RUNG_IS_AREA (self), NULL);

  return self->note;
}

/**
 * rung_area_get_expectations:
 *
 * Returns: (transfer none): a #GListModel of #RungExpectation
 */
GListModel *
rung_area_get_expectations (RungArea *self)
{
  g_return_val_if_fail (RUNG_IS_AREA (self), NULL);

  return G_LIST_MODEL (self->expectations);
}

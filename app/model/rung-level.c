/* rung-level.c: one level of a ladder (L6): its summary, its areas with their
 * expectations, and the anti-patterns it warns against.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-level"

#include "config.h"

#include "rung-anti-pattern.h"
#include "rung-area.h"
#include "rung-expectation.h"
#include "rung-ladder-private.h"
#include "rung-level.h"

struct _RungLevel
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *summary;
  GListStore *areas;
  GListStore *anti_patterns;
};

G_DEFINE_FINAL_TYPE (RungLevel, rung_level, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_AREAS,
  PROP_ANTI_PATTERNS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_level_dispose (GObject *object)
{
  RungLevel *self = (RungLevel *)object;

  g_clear_object (&self->areas);
  g_clear_object (&self->anti_patterns);

  G_OBJECT_CLASS (rung_level_parent_class)->dispose (object);
}

static void
rung_level_finalize (GObject *object)
{
  RungLevel *self = (RungLevel *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);

  G_OBJECT_CLASS (rung_level_parent_class)->finalize (object);
}

static void
rung_level_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RungLevel *self = RUNG_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_AREAS:
      g_value_set_object (value, self->areas);
      break;

    case PROP_ANTI_PATTERNS:
      g_value_set_object (value, self->anti_patterns);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_level_class_init (RungLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_level_dispose;
  object_class->finalize = rung_level_finalize;
  object_class->get_property = rung_level_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_AREAS] =
    g_param_spec_object ("areas", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ANTI_PATTERNS] =
    g_param_spec_object ("anti-patterns", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_level_init (RungLevel *self)
{
  self->areas = g_list_store_new (RUNG_TYPE_AREA);
  self->anti_patterns = g_list_store_new (RUNG_TYPE_ANTI_PATTERN);
}

RungLevel *
_rung_level_new (const char *id,
                 const char *title,
                 const char *summary)
{
  RungLevel *self = g_object_new (RUNG_TYPE_LEVEL, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->summary = g_strdup (summary);

  return self;
}

void
_rung_level_add_area (RungLevel *self,
                      RungArea  *area)
{
  g_list_store_append (self->areas, area);
}

void
_rung_level_add_anti_pattern (RungLevel       *self,
                              RungAntiPattern *anti_pattern)
{
  g_list_store_append (self->anti_patterns, anti_pattern);
}

const char *
rung_level_get_id (RungLevel *self)
{
  g_return_val_if_fail (RUNG_IS_LEVEL (self), NULL);

  return self->id;
}

const char *
rung_level_get_title (RungLevel *self)
{
  g_return_val_if_fail (RUNG_IS_LEVEL (self), NULL);

  return self->title;
}

/**
 * rung_level_get_summary:
 *
 * Returns: the level's summary, paragraphs separated by a blank line
 */
const char *
rung_level_get_summary (RungLevel *self)
{
  g_return_val_if_fail (RUNG_IS_LEVEL (self), NULL);

  return self->summary;
}

/**
 * rung_level_get_areas:
 *
 * Returns: (transfer none): a #GListModel of #RungArea
 */
GListModel *
rung_level_get_areas (RungLevel *self)
{
  g_return_val_if_fail (RUNG_IS_LEVEL (self), NULL);

  return G_LIST_MODEL (self->areas);
}

/**
 * rung_level_get_anti_patterns:
 *
 * Returns: (transfer none): a #GListModel of #RungAntiPattern
 */
GListModel *
rung_level_get_anti_patterns (RungLevel *self)
{
  g_return_val_if_fail (RUNG_IS_LEVEL (self), NULL);

  return G_LIST_MODEL (self->anti_patterns);
}

/**
 * rung_level_find_area:
 *
 * Returns: (transfer none) (nullable): the area with that id
 */
RungArea *
rung_level_find_area (RungLevel  *self,
                      const char *area_id)
{
  guint n;

  g_return_val_if_fail (RUNG_IS_LEVEL (self), NULL);
  g_return_val_if_fail (area_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);

      if (g_strcmp0 (rung_area_get_id (area), area_id) == 0)
        return area;
    }

  return NULL;
}

/**
 * rung_level_find_expectation:
 *
 * Returns: (transfer none) (nullable): the expectation with that id, in any area
 */
RungExpectation *
rung_level_find_expectation (RungLevel  *self,
                             const char *expectation_id)
{
  guint n_areas;

  g_return_val_if_fail (RUNG_IS_LEVEL (self), NULL);
  g_return_val_if_fail (expectation_id != NULL, NULL);

  n_areas = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);
      GListModel *expectations = rung_area_get_expectations (area);
      guint n = g_list_model_get_n_items (expectations);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, j);

          if (g_strcmp0 (rung_expectation_get_id (expectation), expectation_id) == 0)
            return expectation;
        }
    }

  return NULL;
}

guint
rung_level_get_n_expectations (RungLevel *self)
{
  guint n_areas;
  guint total = 0;

  g_return_val_if_fail (RUNG_IS_LEVEL (self), 0);

  n_areas = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);

      total += g_list_model_get_n_items (rung_area_get_expectations (area));
    }

  return total;
}

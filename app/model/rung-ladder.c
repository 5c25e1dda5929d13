/* rung-ladder.c: a career ladder: its levels, its rating scale and the
 * outcomes a committee can decide, with the XML it was read from (a panel
 * keeps that text and its SHA-256 as its snapshot of the ladder).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-ladder"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-ladder-private.h"

struct _RungLadder
{
  GObject     parent_instance;

  char       *id;
  char       *version;
  char       *title;
  char       *language;
  GBytes     *source;
  char       *sha256;
  GListStore *levels;
  GListStore *scale;
  GListStore *outcomes;
  guint       declares_scale : 1;
  guint       declares_outcomes : 1;
};

G_DEFINE_FINAL_TYPE (RungLadder, rung_ladder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_TITLE,
  PROP_LANGUAGE,
  PROP_SHA256,
  PROP_LEVELS,
  PROP_SCALE,
  PROP_OUTCOMES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_ladder_dispose (GObject *object)
{
  RungLadder *self = (RungLadder *)object;

  g_clear_object (&self->levels);
  g_clear_object (&self->scale);
  g_clear_object (&self->outcomes);

  G_OBJECT_CLASS (rung_ladder_parent_class)->dispose (object);
}

static void
rung_ladder_finalize (GObject *object)
{
  RungLadder *self = (RungLadder *)object;

  g_free (self->id);
  g_free (self->version);
  g_free (self->title);
  g_free (self->language);
  g_free (self->sha256);
  g_clear_pointer (&self->source, g_bytes_unref);

  G_OBJECT_CLASS (rung_ladder_parent_class)->finalize (object);
}

static void
rung_ladder_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RungLadder *self = RUNG_LADDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_LEVELS:
      g_value_set_object (value, self->levels);
      break;

    case PROP_SCALE:
      g_value_set_object (value, self->scale);
      break;

    case PROP_OUTCOMES:
      g_value_set_object (value, self->outcomes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_ladder_class_init (RungLadderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_ladder_dispose;
  object_class->finalize = rung_ladder_finalize;
  object_class->get_property = rung_ladder_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LEVELS] =
    g_param_spec_object ("levels", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SCALE] =
    g_param_spec_object ("scale", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_OUTCOMES] =
    g_param_spec_object ("outcomes", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_ladder_init (RungLadder *self)
{
  self->levels = g_list_store_new (RUNG_TYPE_LEVEL);
  self->scale = g_list_store_new (RUNG_TYPE_GRADE);
  self->outcomes = g_list_store_new (RUNG_TYPE_OUTCOME);
}

RungLadder *
_rung_ladder_new (const char *id,
                  const char *version,
                  const char *title,
                  const char *language,
                  GBytes     *source)
{
  RungLadder *self = g_object_new (RUNG_TYPE_LADDER, NULL);
  gsize size;
  const guchar *data = g_bytes_get_data (source, &size);

  self->id = g_strdup (id);
  self->version = g_strdup (version);
  self->title = g_strdup (title);
  self->language = g_strdup (language);
  self->source = g_bytes_ref (source);
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

  return self;
}

void
_rung_ladder_add_level (RungLadder *self,
                        RungLevel  *level)
{
  g_list_store_append (self->levels, level);
}

void
_rung_ladder_add_grade (RungLadder *self,
                        RungGrade  *grade,
                        gboolean    declared)
{
  g_list_store_append (self->scale, grade);
  self->declares_scale = !!declared;
}

void
_rung_ladder_add_outcome (RungLadder  *self,
                          RungOutcome *outcome,
                          gboolean     declared)
{
  g_list_store_append (self->outcomes, outcome);
  self->declares_outcomes = !!declared;
}

const char *
rung_ladder_get_id (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  return self->id;
}

const char *
rung_ladder_get_version (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  return self->version;
}

const char *
rung_ladder_get_title (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  return self->title;
}

/**
 * rung_ladder_get_language:
 *
 * Returns: (nullable): the language of the ladder's texts (`xml:lang`)
 */
const char *
rung_ladder_get_language (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  return self->language;
}

/**
 * rung_ladder_get_source:
 *
 * Returns: (transfer none): the XML the ladder was read from, byte for byte
 */
GBytes *
rung_ladder_get_source (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  return self->source;
}

/**
 * rung_ladder_get_sha256:
 *
 * Returns: the SHA-256 of the source, in lowercase hexadecimal
 */
const char *
rung_ladder_get_sha256 (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  return self->sha256;
}

/**
 * rung_ladder_get_levels:
 *
 * Returns: (transfer none): a #GListModel of #RungLevel
 */
GListModel *
rung_ladder_get_levels (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  return G_LIST_MODEL (self->levels);
}

/**
 * rung_ladder_get_scale:
 *
 * Returns: (transfer none): a #GListModel of #RungGrade, highest first
 */
GListModel *
rung_ladder_get_scale (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  return G_LIST_MODEL (self->scale);
}

/**
 * rung_ladder_get_outcomes:
 *
 * Returns: (transfer none): a #GListModel of #RungOutcome
 */
GListModel *
rung_ladder_get_outcomes (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  return G_LIST_MODEL (self->outcomes);
}

gboolean
rung_ladder_declares_scale (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), FALSE);

  return self->declares_scale;
}

gboolean
rung_ladder_declares_outcomes (RungLadder *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER (self), FALSE);

  return self->declares_outcomes;
}

/**
 * rung_ladder_find_level:
 *
 * Returns: (transfer none) (nullable): the level with that id
 */
RungLevel *
rung_ladder_find_level (RungLadder *self,
                        const char *level_id)
{
  guint n;

  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);
  g_return_val_if_fail (level_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->levels));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungLevel) level = g_list_model_get_item (G_LIST_MODEL (self->levels), i);

      if (g_strcmp0 (rung_level_get_id (level), level_id) == 0)
        return level;
    }

  return NULL;
}

/**
 * rung_ladder_find_grade:
 *
 * Returns: (transfer none) (nullable): the grade of the scale with that value
 */
RungGrade *
rung_ladder_find_grade (RungLadder *self,
                        int         value)
{
  guint n;

  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->scale));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungGrade) grade = g_list_model_get_item (G_LIST_MODEL (self->scale), i);

      if (rung_grade_get_value (grade) == value)
        return grade;
    }

  return NULL;
}

/**
 * rung_ladder_find_outcome:
 *
 * Returns: (transfer none) (nullable): the outcome with that id
 */
RungOutcome *
rung_ladder_find_outcome (RungLadder *self,
                          const char *outcome_id)
{
  guint n;

  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);
  g_return_val_if_fail (outcome_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->outcomes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungOutcome) outcome = g_list_model_get_item (G_LIST_MODEL (self->outcomes), i);

      if (g_strcmp0 (rung_outcome_get_id (outcome), outcome_id) == 0)
        return outcome;
    }

  return NULL;
}

/**
 * rung_ladder_describe:
 *
 * Returns: (transfer full): one line naming the ladder and counting what it
 *   holds, as `rung --validate-ladder` prints it
 */
char *
rung_ladder_describe (RungLadder *self)
{
  guint n_levels, n_areas = 0, n_expectations = 0, n_anti_patterns = 0;

  g_return_val_if_fail (RUNG_IS_LADDER (self), NULL);

  n_levels = g_list_model_get_n_items (G_LIST_MODEL (self->levels));
  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(RungLevel) level = g_list_model_get_item (G_LIST_MODEL (self->levels), i);

      n_areas += g_list_model_get_n_items (rung_level_get_areas (level));
      n_expectations += rung_level_get_n_expectations (level);
      n_anti_patterns += g_list_model_get_n_items (rung_level_get_anti_patterns (level));
    }

  {
    g_autofree char *levels = g_strdup_printf (ngettext ("%u level", "%u levels", n_levels), n_levels);
    g_autofree char *areas = g_strdup_printf (ngettext ("%u area", "%u areas", n_areas), n_areas);
    g_autofree char *expectations = g_strdup_printf (ngettext ("%u expectation", "%u expectations",
                                                               n_expectations), n_expectations);
    g_autofree char *anti_patterns = g_strdup_printf (ngettext ("%u anti-pattern", "%u anti-patterns",
                                                                n_anti_patterns), n_anti_patterns);

    /* Translators: a ladder's id and version, then the counts of its levels,
     * areas, expectations and anti-patterns, written out by the strings above. */
    return g_strdup_printf (_("%s %s: %s, %s, %s, %s"), self->id, self->version,
                            levels, areas, expectations, anti_patterns);
  }
}

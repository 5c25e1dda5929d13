/* rung-anti-pattern.c: a behaviour a level warns against (for L6: Arrogance,
 * Excuses, Eminence), with the ladder's text verbatim. Panelists raise
 * concerns against these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-anti-pattern"

#include "config.h"

#include "rung-ladder-private.h"

struct _RungAntiPattern
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *text;
};

G_DEFINE_FINAL_TYPE (RungAntiPattern, rung_anti_pattern, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_anti_pattern_finalize (GObject *object)
{
  RungAntiPattern *self = (RungAntiPattern *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->text);

  G_OBJECT_CLASS (rung_anti_pattern_parent_class)->finalize (object);
}

static void
rung_anti_pattern_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RungAntiPattern *self = RUNG_ANTI_PATTERN (object);

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_anti_pattern_class_init (RungAntiPatternClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_anti_pattern_finalize;
  object_class->get_property = rung_anti_pattern_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_anti_pattern_init (RungAntiPattern *self)
{
}

RungAntiPattern *
_rung_anti_pattern_new (const char *id,
                        const char *title,
                        const char *text)
{
  RungAntiPattern *self = g_object_new (RUNG_TYPE_ANTI_PATTERN, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->text = g_strdup (text);

  return self;
}

const char *
rung_anti_pattern_get_id (RungAntiPattern *self)
{
  g_return_val_if_fail (RUNG_IS_ANTI_PATTERN (self), NULL);

  return self->id;
}

const char *
rung_anti_pattern_get_title (RungAntiPattern *self)
{
  g_return_val_if_fail (RUNG_IS_ANTI_PATTERN (self), NULL);

  return self->title;
}

const char *
rung_anti_pattern_get_text (RungAntiPattern *self)
{
  g_return_val_if_fail (RUNG_IS_ANTI_PATTERN (self), NULL);

  return self->text;
}

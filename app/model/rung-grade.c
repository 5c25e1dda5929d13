/* rung-grade.c: one step of a ladder's rating scale ("Strong evidence" = 4),
 * either declared by the ladder or one of Rung's defaults.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-grade"

#include "config.h"

#include "rung-ladder-private.h"

struct _RungGrade
{
  GObject  parent_instance;

  int      value;
  char    *label;
  char    *description;
};

G_DEFINE_FINAL_TYPE (RungGrade, rung_grade, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_LABEL,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_grade_finalize (GObject *object)
{
  RungGrade *self = (RungGrade *)object;

  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (rung_grade_parent_class)->finalize (object);
}

static void
rung_grade_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RungGrade *self = RUNG_GRADE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
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
rung_grade_class_init (RungGradeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_grade_finalize;
  object_class->get_property = rung_grade_get_property;

  properties [PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, 0, 100, 0,
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
rung_grade_init (RungGrade *self)
{
}

RungGrade *
_rung_grade_new (int         value,
                 const char *label,
                 const char *description)
{
  RungGrade *self = g_object_new (RUNG_TYPE_GRADE, NULL);

  self->value = value;
  self->label = g_strdup (label);
  self->description = g_strdup (description ? description : "");

  return self;
}

int
rung_grade_get_value (RungGrade *self)
{
  g_return_val_if_fail (RUNG_IS_GRADE (self), 0);

  return self->value;
}

const char *
rung_grade_get_label (RungGrade *self)
{
  g_return_val_if_fail (RUNG_IS_GRADE (self), NULL);

  return self->label;
}

const char *
rung_grade_get_description (RungGrade *self)
{
  g_return_val_if_fail (RUNG_IS_GRADE (self), NULL);

  return self->description;
}

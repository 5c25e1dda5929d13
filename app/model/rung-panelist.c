/* rung-panelist.c: a member of the panel: a name and a role. Panelists rate candidates,
 * raise concerns and vote, unless they have a conflict with a candidate.
 *
 * The object is a snapshot of one row of the panel file; the panel replaces
 * it when the row changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-panelist"

#include "config.h"

#include "rung-panel-private.h"
#include "rung-panelist.h"

struct _RungPanelist
{
  GObject  parent_instance;

  RungPanelistRecord *record;
};

G_DEFINE_FINAL_TYPE (RungPanelist, rung_panelist, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_panelist_finalize (GObject *object)
{
  RungPanelist *self = (RungPanelist *)object;

  g_clear_pointer (&self->record, rung_panelist_record_free);

  G_OBJECT_CLASS (rung_panelist_parent_class)->finalize (object);
}

static void
rung_panelist_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RungPanelist *self = RUNG_PANELIST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->record->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->record->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_panelist_class_init (RungPanelistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_panelist_finalize;
  object_class->get_property = rung_panelist_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_panelist_init (RungPanelist *self)
{
}

/* Takes ownership of @record. */
RungPanelist *
_rung_panelist_new (RungPanelistRecord *record)
{
  RungPanelist *self = g_object_new (RUNG_TYPE_PANELIST, NULL);

  self->record = record;

  return self;
}

const RungPanelistRecord *
rung_panelist_get_record (RungPanelist *self)
{
  g_return_val_if_fail (RUNG_IS_PANELIST (self), NULL);

  return self->record;
}

gint64
rung_panelist_get_id (RungPanelist *self)
{
  g_return_val_if_fail (RUNG_IS_PANELIST (self), 0);

  return self->record->id;
}

const char *
rung_panelist_get_name (RungPanelist *self)
{
  g_return_val_if_fail (RUNG_IS_PANELIST (self), NULL);

  return self->record->name;
}

const char *
rung_panelist_get_role (RungPanelist *self)
{
  g_return_val_if_fail (RUNG_IS_PANELIST (self), NULL);

  return self->record->role;
}

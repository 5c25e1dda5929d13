/* rung-debouncer.c: text edits are written half a second after the last
 * keystroke, or at once when flushed (focus leaves the field, the panel or
 * window closes, the application quits). The state says whether the edit is
 * saved, waiting, or failed, so the field can show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-debouncer"

#include "config.h"

#include "rung-debouncer.h"

struct _RungDebouncer
{
  GObject             parent_instance;

  RungDebouncerWrite  write;
  gpointer            user_data;
  guint               timeout_id;
  RungEditState       state;
  char               *error;
};

G_DEFINE_FINAL_TYPE (RungDebouncer, rung_debouncer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_state (RungDebouncer *self,
           RungEditState  state,
           const char    *error)
{
  g_free (self->error);
  self->error = g_strdup (error);

  if (self->state == state && state != RUNG_EDIT_FAILED)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

static gboolean
on_timeout (gpointer data)
{
  RungDebouncer *self = data;

  self->timeout_id = 0;
  rung_debouncer_flush (self);

  return G_SOURCE_REMOVE;
}

static void
rung_debouncer_dispose (GObject *object)
{
  RungDebouncer *self = (RungDebouncer *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (rung_debouncer_parent_class)->dispose (object);
}

static void
rung_debouncer_finalize (GObject *object)
{
  RungDebouncer *self = (RungDebouncer *)object;

  g_free (self->error);

  G_OBJECT_CLASS (rung_debouncer_parent_class)->finalize (object);
}

static void
rung_debouncer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RungDebouncer *self = RUNG_DEBOUNCER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_debouncer_class_init (RungDebouncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_debouncer_dispose;
  object_class->finalize = rung_debouncer_finalize;
  object_class->get_property = rung_debouncer_get_property;

  properties [PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, RUNG_EDIT_SAVED, RUNG_EDIT_FAILED, RUNG_EDIT_SAVED,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_debouncer_init (RungDebouncer *self)
{
}

/**
 * rung_debouncer_new:
 * @write: writes the edit; called from the main loop or a flush
 */
RungDebouncer *
rung_debouncer_new (RungDebouncerWrite write,
                    gpointer           user_data)
{
  RungDebouncer *self = g_object_new (RUNG_TYPE_DEBOUNCER, NULL);

  self->write = write;
  self->user_data = user_data;

  return self;
}

/**
 * rung_debouncer_poke:
 *
 * Something changed: write it once no change follows for a moment.
 */
void
rung_debouncer_poke (RungDebouncer *self)
{
  g_return_if_fail (RUNG_IS_DEBOUNCER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (RUNG_DEBOUNCE_MS, on_timeout, self);
  set_state (self, RUNG_EDIT_PENDING, NULL);
}

/**
 * rung_debouncer_flush:
 *
 * Writes a waiting edit now.
 *
 * Returns: %FALSE if the write failed
 */
gboolean
rung_debouncer_flush (RungDebouncer *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RUNG_IS_DEBOUNCER (self), FALSE);

  if (self->state != RUNG_EDIT_PENDING)
    return self->state == RUNG_EDIT_SAVED;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!self->write (self->user_data, &error))
    {
      set_state (self, RUNG_EDIT_FAILED, error ? error->message : NULL);
      return FALSE;
    }

  set_state (self, RUNG_EDIT_SAVED, NULL);
  return TRUE;
}

/**
 * rung_debouncer_cancel:
 *
 * Forgets a waiting edit, as when its object is gone.
 */
void
rung_debouncer_cancel (RungDebouncer *self)
{
  g_return_if_fail (RUNG_IS_DEBOUNCER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  set_state (self, RUNG_EDIT_SAVED, NULL);
}

RungEditState
rung_debouncer_get_state (RungDebouncer *self)
{
  g_return_val_if_fail (RUNG_IS_DEBOUNCER (self), RUNG_EDIT_SAVED);

  return self->state;
}

const char *
rung_debouncer_get_error (RungDebouncer *self)
{
  g_return_val_if_fail (RUNG_IS_DEBOUNCER (self), NULL);

  return self->error;
}

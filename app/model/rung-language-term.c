/* rung-language-term.c: one phrase of subjective language: the phrase, the
 * reason shown beside it, other forms marked with it (a German adjective's
 * endings), and whether it is Rung's or the panel's own. A phrase of
 * Rung's can be hidden in a panel; RungLanguageTerms writes that, this
 * object only says it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-language"

#include "config.h"

#include "rung-language-term.h"

struct _RungLanguageTerm
{
  GObject    parent_instance;

  char      *phrase;
  char      *reason;
  char     **forms;
  gboolean   builtin;
  gboolean   hidden;
};

G_DEFINE_FINAL_TYPE (RungLanguageTerm, rung_language_term, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PHRASE,
  PROP_REASON,
  PROP_BUILTIN,
  PROP_HIDDEN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_language_term_finalize (GObject *object)
{
  RungLanguageTerm *self = (RungLanguageTerm *)object;

  g_free (self->phrase);
  g_free (self->reason);
  g_strfreev (self->forms);

  G_OBJECT_CLASS (rung_language_term_parent_class)->finalize (object);
}

static void
rung_language_term_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RungLanguageTerm *self = RUNG_LANGUAGE_TERM (object);

  switch (prop_id)
    {
    case PROP_PHRASE:
      g_value_set_string (value, self->phrase);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;

    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_language_term_class_init (RungLanguageTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rung_language_term_finalize;
  object_class->get_property = rung_language_term_get_property;

  properties [PROP_PHRASE] = g_param_spec_string ("phrase", NULL, NULL, NULL, flags);
  properties [PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties [PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, flags);
  properties [PROP_HIDDEN] = g_param_spec_boolean ("hidden", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_language_term_init (RungLanguageTerm *self)
{
}

/**
 * rung_language_term_new:
 * @forms: (nullable) (array zero-terminated=1): other forms, marked with
 *   the same reason
 * @builtin: whether the phrase is on Rung's list, not the panel's own
 */
RungLanguageTerm *
rung_language_term_new (const char         *phrase,
                        const char         *reason,
                        const char * const *forms,
                        gboolean            builtin)
{
  RungLanguageTerm *self;

  g_return_val_if_fail (phrase != NULL, NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  self = g_object_new (RUNG_TYPE_LANGUAGE_TERM, NULL);
  self->phrase = g_strdup (phrase);
  self->reason = g_strdup (reason);
  self->forms = g_strdupv ((char **)forms);
  self->builtin = builtin;

  return self;
}

const char *
rung_language_term_get_phrase (RungLanguageTerm *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERM (self), NULL);

  return self->phrase;
}

const char *
rung_language_term_get_reason (RungLanguageTerm *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERM (self), NULL);

  return self->reason;
}

/**
 * rung_language_term_get_forms:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the other
 *   forms of the phrase
 */
const char * const *
rung_language_term_get_forms (RungLanguageTerm *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERM (self), NULL);

  return (const char * const *)self->forms;
}

gboolean
rung_language_term_is_builtin (RungLanguageTerm *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERM (self), FALSE);

  return self->builtin;
}

gboolean
rung_language_term_get_hidden (RungLanguageTerm *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERM (self), FALSE);

  return self->hidden;
}

/* For RungLanguageTerms, once the panel file says so. */
void
rung_language_term_set_hidden (RungLanguageTerm *self,
                               gboolean          hidden)
{
  g_return_if_fail (RUNG_IS_LANGUAGE_TERM (self));

  hidden = !!hidden;
  if (self->hidden == hidden)
    return;

  self->hidden = hidden;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIDDEN]);
}

/* rung-evidence.c: one item of a candidate's evidence for one expectation of
 * the ladder: a title, the text the manager wrote, an optional link and date.
 * Every update is written to the panel file at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-panel-private.h"

struct _RungEvidence
{
  GObject             parent_instance;

  RungCandidate      *candidate;   /* weak */
  RungEvidenceRecord *record;
};

G_DEFINE_FINAL_TYPE (RungEvidence, rung_evidence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EXPECTATION_ID,
  PROP_TITLE,
  PROP_TEXT,
  PROP_LINK,
  PROP_DATE,
  PROP_AUTHOR,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_evidence_dispose (GObject *object)
{
  RungEvidence *self = (RungEvidence *)object;

  g_clear_weak_pointer (&self->candidate);

  G_OBJECT_CLASS (rung_evidence_parent_class)->dispose (object);
}

static void
rung_evidence_finalize (GObject *object)
{
  RungEvidence *self = (RungEvidence *)object;

  g_clear_pointer (&self->record, rung_evidence_record_free);

  G_OBJECT_CLASS (rung_evidence_parent_class)->finalize (object);
}

static void
rung_evidence_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RungEvidence *self = RUNG_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;

    case PROP_EXPECTATION_ID:
      g_value_set_string (value, self->record->expectation_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->record->title);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->record->text);
      break;

    case PROP_LINK:
      g_value_set_string (value, self->record->link);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->record->date);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->record->author);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->record->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_evidence_class_init (RungEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_evidence_dispose;
  object_class->finalize = rung_evidence_finalize;
  object_class->get_property = rung_evidence_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_EXPECTATION_ID] =
    g_param_spec_string ("expectation-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LINK] =
    g_param_spec_string ("link", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_evidence_init (RungEvidence *self)
{
}

/* Takes ownership of @record. */
RungEvidence *
_rung_evidence_new (RungCandidate      *candidate,
                    RungEvidenceRecord *record)
{
  RungEvidence *self = g_object_new (RUNG_TYPE_EVIDENCE, NULL);

  g_set_weak_pointer (&self->candidate, candidate);
  self->record = record;

  return self;
}

gint64
rung_evidence_get_id (RungEvidence *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), 0);

  return self->record->id;
}

/**
 * rung_evidence_get_candidate:
 *
 * Returns: (transfer none) (nullable): the candidate, while it lives
 */
RungCandidate *
rung_evidence_get_candidate (RungEvidence *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), NULL);

  return self->candidate;
}

const char *
rung_evidence_get_expectation_id (RungEvidence *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), NULL);

  return self->record->expectation_id;
}

const char *
rung_evidence_get_title (RungEvidence *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), NULL);

  return self->record->title;
}

const char *
rung_evidence_get_text (RungEvidence *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), NULL);

  return self->record->text;
}

const char *
rung_evidence_get_link (RungEvidence *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), NULL);

  return self->record->link;
}

const char *
rung_evidence_get_date (RungEvidence *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), NULL);

  return self->record->date;
}

const char *
rung_evidence_get_author (RungEvidence *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), NULL);

  return self->record->author;
}

const char *
rung_evidence_get_updated_at (RungEvidence *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), NULL);

  return self->record->updated_at;
}

static char *
empty_to_null (const char *text)
{
  return (text == NULL || text[0] == '\0') ? NULL : g_strdup (text);
}

/**
 * rung_evidence_update:
 *
 * Writes the item's new title, text, link and date to the panel file in one
 * transaction. Callers that follow typing debounce their calls.
 *
 * Returns: whether the change was written
 */
gboolean
rung_evidence_update (RungEvidence  *self,
                      const char    *title,
                      const char    *text,
                      const char    *link,
                      const char    *date,
                      GError       **error)
{
  RungPanel *panel;
  RungStore *store;
  g_autoptr(RungEvidenceRecord) changed = NULL;
  RungEvidenceRecord *stored;

  g_return_val_if_fail (RUNG_IS_EVIDENCE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->candidate == NULL || !(panel = rung_candidate_get_panel (self->candidate)))
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW,
                           _("The evidence no longer belongs to an open panel."));
      return FALSE;
    }

  if (!_rung_panel_check_writable (panel, error))
    return FALSE;

  if (g_strcmp0 (title, self->record->title) == 0 &&
      g_strcmp0 (text, self->record->text) == 0 &&
      g_strcmp0 (link ? link : "", self->record->link ? self->record->link : "") == 0 &&
      g_strcmp0 (date ? date : "", self->record->date ? self->record->date : "") == 0)
    return TRUE;

  store = _rung_panel_get_store (panel);
  changed = g_new0 (RungEvidenceRecord, 1);
  changed->id = self->record->id;
  changed->candidate_id = self->record->candidate_id;
  changed->expectation_id = g_strdup (self->record->expectation_id);
  changed->position = self->record->position;
  changed->title = g_strdup (title ? title : "");
  changed->text = g_strdup (text ? text : "");
  changed->link = empty_to_null (link);
  changed->date = empty_to_null (date);
  changed->author = g_strdup (self->record->author);

  if (!rung_store_update_evidence (store, _rung_panel_get_who (panel), changed, error))
    return FALSE;

  if (!(stored = rung_store_get_evidence (store, self->record->id, error)))
    return FALSE;

  g_clear_pointer (&self->record, rung_evidence_record_free);
  self->record = stored;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
  g_object_thaw_notify (G_OBJECT (self));

  _rung_panel_candidate_changed (panel, self->candidate);

  return TRUE;
}

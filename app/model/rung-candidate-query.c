/* rung-candidate-query.c: a GListModel of the panel's candidates that match a
 * set of statuses and a full-text query (names, managers, teams, summaries,
 * evidence). It follows the panel: added, removed, renamed and edited
 * candidates come and go as they match. Views bind their candidate list to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-candidate-query"

#include "config.h"

#include "rung-candidate.h"
#include "rung-candidate-query.h"
#include "rung-panel.h"

struct _RungCandidateQuery
{
  GObject     parent_instance;

  RungPanel  *panel;
  char       *text;
  guint       statuses;

  GPtrArray  *matches;    /* RungCandidate, in the panel's order */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RungCandidateQuery, rung_candidate_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_PANEL,
  PROP_TEXT,
  PROP_STATUSES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return RUNG_TYPE_CANDIDATE;
}

static guint
get_n_items (GListModel *model)
{
  return RUNG_CANDIDATE_QUERY (model)->matches->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RungCandidateQuery *self = RUNG_CANDIDATE_QUERY (model);

  if (position >= self->matches->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->matches, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
has_text (RungCandidateQuery *self)
{
  return self->text != NULL && self->text[0] != '\0';
}

/* The ids the full-text index finds, or NULL when there is no text. */
static GHashTable *
search_ids (RungCandidateQuery *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *set;

  if (!has_text (self))
    return NULL;

  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ids = rung_panel_search (self->panel, self->text, &error);
  if (ids == NULL)
    {
      g_debug ("Search failed: %s", error->message);
      return set;
    }

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));

  return set;
}

/* Recomputes the matches, and tells views only the span that changed. */
static void
refilter (RungCandidateQuery *self)
{
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  GListModel *candidates;
  guint n, prefix = 0, suffix = 0, old_len, new_len;

  if (self->panel == NULL)
    return;

  found = search_ids (self);
  candidates = rung_panel_get_candidates (self->panel);
  n = g_list_model_get_n_items (candidates);
  matches = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      gint64 id = rung_candidate_get_id (candidate);

      if (!(self->statuses & RUNG_CANDIDATE_QUERY_STATUS (rung_candidate_get_status (candidate))))
        continue;
      if (found != NULL && !g_hash_table_contains (found, &id))
        continue;

      g_ptr_array_add (matches, g_steal_pointer (&candidate));
    }

  old_len = self->matches->len;
  new_len = matches->len;
  while (prefix < old_len && prefix < new_len &&
         g_ptr_array_index (self->matches, prefix) == g_ptr_array_index (matches, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_ptr_array_index (self->matches, old_len - 1 - suffix) ==
         g_ptr_array_index (matches, new_len - 1 - suffix))
    suffix++;

  g_ptr_array_unref (self->matches);
  self->matches = g_steal_pointer (&matches);

  if (old_len != new_len || prefix != old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);
}

static void
on_candidates_changed (RungCandidateQuery *self)
{
  refilter (self);
}

static void
on_candidate_changed (RungCandidateQuery *self,
                      RungCandidate      *candidate)
{
  /* Status and text decide membership; without filters nothing moves. */
  if (has_text (self) || self->statuses != RUNG_CANDIDATE_QUERY_ANY_STATUS)
    refilter (self);
}

static void
rung_candidate_query_dispose (GObject *object)
{
  RungCandidateQuery *self = (RungCandidateQuery *)object;

  g_clear_object (&self->panel);
  g_ptr_array_set_size (self->matches, 0);

  G_OBJECT_CLASS (rung_candidate_query_parent_class)->dispose (object);
}

static void
rung_candidate_query_finalize (GObject *object)
{
  RungCandidateQuery *self = (RungCandidateQuery *)object;

  g_ptr_array_unref (self->matches);
  g_free (self->text);

  G_OBJECT_CLASS (rung_candidate_query_parent_class)->finalize (object);
}

static void
rung_candidate_query_constructed (GObject *object)
{
  RungCandidateQuery *self = (RungCandidateQuery *)object;

  G_OBJECT_CLASS (rung_candidate_query_parent_class)->constructed (object);

  g_return_if_fail (RUNG_IS_PANEL (self->panel));

  g_signal_connect_object (rung_panel_get_candidates (self->panel), "items-changed",
                           G_CALLBACK (on_candidates_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->panel, "candidate-changed",
                           G_CALLBACK (on_candidate_changed), self, G_CONNECT_SWAPPED);
  refilter (self);
}

static void
rung_candidate_query_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RungCandidateQuery *self = RUNG_CANDIDATE_QUERY (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      g_value_set_object (value, self->panel);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_STATUSES:
      g_value_set_uint (value, self->statuses);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_candidate_query_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RungCandidateQuery *self = RUNG_CANDIDATE_QUERY (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      self->panel = g_value_dup_object (value);
      break;

    case PROP_TEXT:
      rung_candidate_query_set_text (self, g_value_get_string (value));
      break;

    case PROP_STATUSES:
      rung_candidate_query_set_statuses (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_candidate_query_class_init (RungCandidateQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_candidate_query_dispose;
  object_class->finalize = rung_candidate_query_finalize;
  object_class->constructed = rung_candidate_query_constructed;
  object_class->get_property = rung_candidate_query_get_property;
  object_class->set_property = rung_candidate_query_set_property;

  properties [PROP_PANEL] =
    g_param_spec_object ("panel", NULL, NULL, RUNG_TYPE_PANEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUSES] =
    g_param_spec_uint ("statuses", NULL, NULL, 0, RUNG_CANDIDATE_QUERY_ANY_STATUS,
                       RUNG_CANDIDATE_QUERY_ANY_STATUS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_candidate_query_init (RungCandidateQuery *self)
{
  self->matches = g_ptr_array_new_with_free_func (g_object_unref);
  self->statuses = RUNG_CANDIDATE_QUERY_ANY_STATUS;
}

RungCandidateQuery *
rung_candidate_query_new (RungPanel *panel)
{
  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);

  return g_object_new (RUNG_TYPE_CANDIDATE_QUERY, "panel", panel, NULL);
}

const char *
rung_candidate_query_get_text (RungCandidateQuery *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE_QUERY (self), NULL);

  return self->text;
}

/**
 * rung_candidate_query_set_text:
 *
 * Sets the words to look for; any text is fine, an empty one matches all.
 */
void
rung_candidate_query_set_text (RungCandidateQuery *self,
                               const char         *text)
{
  g_return_if_fail (RUNG_IS_CANDIDATE_QUERY (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

guint
rung_candidate_query_get_statuses (RungCandidateQuery *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE_QUERY (self), 0);

  return self->statuses;
}

/**
 * rung_candidate_query_set_statuses:
 * @statuses: RUNG_CANDIDATE_QUERY_STATUS() bits, or
 *   %RUNG_CANDIDATE_QUERY_ANY_STATUS
 */
void
rung_candidate_query_set_statuses (RungCandidateQuery *self,
                                   guint               statuses)
{
  g_return_if_fail (RUNG_IS_CANDIDATE_QUERY (self));

  statuses &= RUNG_CANDIDATE_QUERY_ANY_STATUS;
  if (self->statuses == statuses)
    return;

  self->statuses = statuses;
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUSES]);
}

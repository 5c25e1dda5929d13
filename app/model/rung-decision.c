/* rung-decision.c: one revision of a panel's decision on a candidate. Decisions are
 * never changed: a new revision, with its reason, follows the last.
 *
 * The object is a snapshot of one row of the panel file; the panel replaces
 * it when the row changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-decision"

#include "config.h"

#include "rung-citation.h"
#include "rung-panel-private.h"
#include "rung-decision.h"

struct _RungDecision
{
  GObject  parent_instance;

  RungDecisionRecord *record;
  GListStore         *citations;   /* of RungCitation; NULL until first asked for */
};

G_DEFINE_FINAL_TYPE (RungDecision, rung_decision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CANDIDATE_ID,
  PROP_REVISION,
  PROP_OUTCOME_ID,
  PROP_VOTES_FOR,
  PROP_VOTES_AGAINST,
  PROP_VOTES_ABSTAIN,
  PROP_RATIONALE,
  PROP_RECORDED_BY,
  PROP_RECORDED_AT,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_decision_finalize (GObject *object)
{
  RungDecision *self = (RungDecision *)object;

  g_clear_pointer (&self->record, rung_decision_record_free);
  g_clear_object (&self->citations);

  G_OBJECT_CLASS (rung_decision_parent_class)->finalize (object);
}

static void
rung_decision_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RungDecision *self = RUNG_DECISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;

    case PROP_CANDIDATE_ID:
      g_value_set_int64 (value, self->record->candidate_id);
      break;

    case PROP_REVISION:
      g_value_set_int (value, self->record->revision);
      break;

    case PROP_OUTCOME_ID:
      g_value_set_string (value, self->record->outcome_id);
      break;

    case PROP_VOTES_FOR:
      g_value_set_int (value, self->record->votes_for);
      break;

    case PROP_VOTES_AGAINST:
      g_value_set_int (value, self->record->votes_against);
      break;

    case PROP_VOTES_ABSTAIN:
      g_value_set_int (value, self->record->votes_abstain);
      break;

    case PROP_RATIONALE:
      g_value_set_string (value, self->record->rationale);
      break;

    case PROP_RECORDED_BY:
      g_value_set_string (value, self->record->recorded_by);
      break;

    case PROP_RECORDED_AT:
      g_value_set_string (value, self->record->recorded_at);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->record->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_decision_class_init (RungDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_decision_finalize;
  object_class->get_property = rung_decision_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CANDIDATE_ID] =
    g_param_spec_int64 ("candidate-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_REVISION] =
    g_param_spec_int ("revision", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_OUTCOME_ID] =
    g_param_spec_string ("outcome-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_VOTES_FOR] =
    g_param_spec_int ("votes-for", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_VOTES_AGAINST] =
    g_param_spec_int ("votes-against", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_VOTES_ABSTAIN] =
    g_param_spec_int ("votes-abstain", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_RATIONALE] =
    g_param_spec_string ("rationale", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_RECORDED_BY] =
    g_param_spec_string ("recorded-by", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_RECORDED_AT] =
    g_param_spec_string ("recorded-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_decision_init (RungDecision *self)
{
}

/* Takes ownership of @record. */
RungDecision *
_rung_decision_new (RungDecisionRecord *record)
{
  RungDecision *self = g_object_new (RUNG_TYPE_DECISION, NULL);

  self->record = record;

  return self;
}

const RungDecisionRecord *
rung_decision_get_record (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), NULL);

  return self->record;
}

gint64
rung_decision_get_id (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), 0);

  return self->record->id;
}

gint64
rung_decision_get_candidate_id (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), 0);

  return self->record->candidate_id;
}

int
rung_decision_get_revision (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), 0);

  return self->record->revision;
}

const char *
rung_decision_get_outcome_id (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), NULL);

  return self->record->outcome_id;
}

int
rung_decision_get_votes_for (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), 0);

  return self->record->votes_for;
}

int
rung_decision_get_votes_against (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), 0);

  return self->record->votes_against;
}

int
rung_decision_get_votes_abstain (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), 0);

  return self->record->votes_abstain;
}

const char *
rung_decision_get_rationale (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), NULL);

  return self->record->rationale;
}

const char *
rung_decision_get_recorded_by (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), NULL);

  return self->record->recorded_by;
}

const char *
rung_decision_get_recorded_at (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), NULL);

  return self->record->recorded_at;
}

const char *
rung_decision_get_reason (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), NULL);

  return self->record->reason;
}

/**
 * rung_decision_get_citations:
 *
 * Returns: (transfer none): a #GListModel of #RungCitation, what the
 *   rationale cites in the order it was cited; empty when it cites nothing
 */
GListModel *
rung_decision_get_citations (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), NULL);

  if (self->citations == NULL)
    {
      GPtrArray *records = self->record->citations;

      self->citations = g_list_store_new (RUNG_TYPE_CITATION);
      for (guint i = 0; records != NULL && i < records->len; i++)
        {
          g_autoptr(RungCitation) citation = _rung_citation_new (g_ptr_array_index (records, i));

          g_list_store_append (self->citations, citation);
        }
    }

  return G_LIST_MODEL (self->citations);
}

guint
rung_decision_get_n_citations (RungDecision *self)
{
  g_return_val_if_fail (RUNG_IS_DECISION (self), 0);

  return self->record->citations ? self->record->citations->len : 0;
}

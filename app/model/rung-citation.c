/* rung-citation.c: one thing a decision's rationale cites. The label was
 * written when the decision was recorded and never changes, so a citation
 * still reads as it did on the day after the evidence is edited or removed;
 * whether the item is still there is asked of the candidate when shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-citation"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-citation.h"
#include "rung-expectation.h"
#include "rung-grade.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel-private.h"
#include "rung-rating.h"

struct _RungCitation
{
  GObject             parent_instance;

  RungCitationRecord *record;
};

G_DEFINE_FINAL_TYPE (RungCitation, rung_citation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_citation_finalize (GObject *object)
{
  RungCitation *self = (RungCitation *)object;

  g_clear_pointer (&self->record, rung_citation_record_free);

  G_OBJECT_CLASS (rung_citation_parent_class)->finalize (object);
}

static void
rung_citation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RungCitation *self = RUNG_CITATION (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->record->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_citation_class_init (RungCitationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_citation_finalize;
  object_class->get_property = rung_citation_get_property;

  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_citation_init (RungCitation *self)
{
}

/* Copies @record. */
RungCitation *
_rung_citation_new (const RungCitationRecord *record)
{
  RungCitation *self = g_object_new (RUNG_TYPE_CITATION, NULL);

  self->record = g_new0 (RungCitationRecord, 1);
  *self->record = *record;
  self->record->area_id = g_strdup (record->area_id);
  self->record->label = g_strdup (record->label);

  return self;
}

RungCitationKind
rung_citation_get_kind (RungCitation *self)
{
  g_return_val_if_fail (RUNG_IS_CITATION (self), RUNG_CITATION_EVIDENCE);

  return self->record->kind;
}

gint64
rung_citation_get_evidence_id (RungCitation *self)
{
  g_return_val_if_fail (RUNG_IS_CITATION (self), 0);

  return self->record->kind == RUNG_CITATION_EVIDENCE ? self->record->evidence_id : 0;
}

gint64
rung_citation_get_panelist_id (RungCitation *self)
{
  g_return_val_if_fail (RUNG_IS_CITATION (self), 0);

  return self->record->kind == RUNG_CITATION_RATING ? self->record->panelist_id : 0;
}

const char *
rung_citation_get_area_id (RungCitation *self)
{
  g_return_val_if_fail (RUNG_IS_CITATION (self), NULL);

  return self->record->kind == RUNG_CITATION_RATING ? self->record->area_id : NULL;
}

/**
 * rung_citation_get_label:
 *
 * Returns: what was cited as it read when the decision was recorded, such
 *   as "Ledger v2 architecture (Responsibilities)" or "Marcus Bell: Impact
 *   — Meets"; it may hold the candidate's name (see
 *   rung_citation_dup_display_label())
 */
const char *
rung_citation_get_label (RungCitation *self)
{
  g_return_val_if_fail (RUNG_IS_CITATION (self), NULL);

  return self->record->label;
}

/* The rating of @panelist_id for @area_id among the candidate's. */
static gboolean
has_rating (RungCandidate *candidate,
            gint64         panelist_id,
            const char    *area_id)
{
  GListModel *ratings = rung_candidate_get_ratings (candidate);
  guint n = g_list_model_get_n_items (ratings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungRating) rating = g_list_model_get_item (ratings, i);

      if (rung_rating_get_panelist_id (rating) == panelist_id &&
          g_strcmp0 (rung_rating_get_area_id (rating), area_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * rung_citation_is_present:
 * @candidate: the candidate the citation's decision is on
 *
 * Returns: whether the evidence item or the rating cited is still in the
 *   panel
 */
gboolean
rung_citation_is_present (RungCitation  *self,
                          RungCandidate *candidate)
{
  g_return_val_if_fail (RUNG_IS_CITATION (self), FALSE);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), FALSE);

  if (self->record->kind == RUNG_CITATION_RATING)
    return has_rating (candidate, self->record->panelist_id, self->record->area_id);

  return rung_candidate_find_evidence (candidate, self->record->evidence_id) != NULL;
}

/**
 * rung_citation_dup_display_label:
 * @candidate: the candidate the citation's decision is on
 *
 * The label as the room may see it: without the candidate's name during a
 * blind meeting, and "(since removed)" after it when what it cites is gone.
 * Plain text, never markup.
 *
 * Returns: (transfer full): the label to show
 */
char *
rung_citation_dup_display_label (RungCitation  *self,
                                 RungCandidate *candidate)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (RUNG_IS_CITATION (self), NULL);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), NULL);

  label = rung_candidate_dup_blind_text (candidate, self->record->label);
  if (rung_citation_is_present (self, candidate))
    return g_steal_pointer (&label);

  /* Translators: a citation of evidence (or a rating) that was removed
   * after the decision cited it */
  return g_strdup_printf (_("%s (since removed)"), label);
}

/* Recording */

static const char *
area_title (RungCandidate *candidate,
            const char    *area_id)
{
  RungLevel *level = rung_candidate_get_level (candidate);
  RungArea *area = level && area_id ? rung_level_find_area (level, area_id) : NULL;

  return area ? rung_area_get_title (area) : area_id;
}

/* "Ledger v2 architecture (Responsibilities)": the title, and the area of
 * its expectation while the ladder has it. */
static char *
evidence_label (RungCandidate *candidate,
                RungEvidence  *evidence)
{
  RungLevel *level = rung_candidate_get_level (candidate);
  RungExpectation *expectation = level ? rung_level_find_expectation (level, rung_evidence_get_expectation_id (evidence))
                                       : NULL;
  g_autofree char *title = g_strstrip (g_strdup (rung_evidence_get_title (evidence)));

  if (title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled evidence"));
    }
  if (expectation == NULL)
    return g_steal_pointer (&title);

  /* Translators: a cited evidence item: its title, then its area */
  return g_strdup_printf (_("%s (%s)"), title, area_title (candidate, rung_expectation_get_area_id (expectation)));
}

/* "Marcus Bell: Impact — Meets". */
static char *
rating_label (RungCandidate *candidate,
              RungRating    *rating,
              RungPanelist  *panelist)
{
  RungPanel *panel = rung_candidate_get_panel (candidate);
  RungGrade *grade = rung_ladder_find_grade (rung_panel_get_ladder (panel), rung_rating_get_value (rating));
  g_autofree char *value = g_strdup_printf ("%d", rung_rating_get_value (rating));

  /* Translators: a cited rating: the panelist, the area, the grade */
  return g_strdup_printf (_("%s: %s — %s"), rung_panelist_get_name (panelist),
                          area_title (candidate, rung_rating_get_area_id (rating)),
                          grade ? rung_grade_get_label (grade) : value);
}

static gboolean
is_candidates_rating (RungCandidate *candidate,
                      RungRating    *rating)
{
  GListModel *ratings = rung_candidate_get_ratings (candidate);
  guint n = g_list_model_get_n_items (ratings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungRating) item = g_list_model_get_item (ratings, i);

      if (item == rating)
        return TRUE;
    }

  return FALSE;
}

/*
 * _rung_citation_record_init:
 * @cited: a #RungEvidence or a #RungRating of @candidate
 *
 * Fills @record to cite @cited, with its label as it reads now; refuses
 * evidence of another candidate, or a rating that is no longer there.
 */
gboolean
_rung_citation_record_init (RungCitationRecord  *record,
                            RungCandidate       *candidate,
                            GObject             *cited,
                            GError             **error)
{
  RungPanel *panel = rung_candidate_get_panel (candidate);
  g_autofree char *name = rung_candidate_dup_display_name (candidate);

  memset (record, 0, sizeof *record);

  if (RUNG_IS_EVIDENCE (cited))
    {
      RungEvidence *evidence = RUNG_EVIDENCE (cited);

      if (rung_evidence_get_candidate (evidence) != candidate ||
          rung_candidate_find_evidence (candidate, rung_evidence_get_id (evidence)) != evidence)
        {
          g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                       _("The decision on %s can cite only their own evidence."), name);
          return FALSE;
        }

      record->kind = RUNG_CITATION_EVIDENCE;
      record->evidence_id = rung_evidence_get_id (evidence);
      record->label = evidence_label (candidate, evidence);
      return TRUE;
    }

  if (RUNG_IS_RATING (cited))
    {
      RungRating *rating = RUNG_RATING (cited);
      RungPanelist *panelist = panel ? rung_panel_find_panelist (panel, rung_rating_get_panelist_id (rating)) : NULL;

      if (rung_rating_get_candidate_id (rating) != rung_candidate_get_id (candidate) ||
          panelist == NULL || !is_candidates_rating (candidate, rating))
        {
          g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                       _("The decision on %s can cite only a rating they have."), name);
          return FALSE;
        }

      record->kind = RUNG_CITATION_RATING;
      record->panelist_id = rung_rating_get_panelist_id (rating);
      record->area_id = g_strdup (rung_rating_get_area_id (rating));
      record->label = rating_label (candidate, rating, panelist);
      return TRUE;
    }

  g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                       _("A decision cites evidence items and ratings alone."));
  return FALSE;
}

void
_rung_citation_record_clear (RungCitationRecord *record)
{
  g_clear_pointer (&record->area_id, g_free);
  g_clear_pointer (&record->label, g_free);
}

/**
 * rung_citation_dup_label_of:
 * @cited: a #RungEvidence or #RungRating of @candidate
 *
 * Returns: (transfer full) (nullable): the label a decision citing @cited
 *   now would record, or NULL if it cannot be cited
 */
char *
rung_citation_dup_label_of (RungCandidate *candidate,
                            GObject       *cited)
{
  RungCitationRecord record;
  char *label;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), NULL);
  g_return_val_if_fail (G_IS_OBJECT (cited), NULL);

  if (!_rung_citation_record_init (&record, candidate, cited, NULL))
    return NULL;

  label = g_steal_pointer (&record.label);
  _rung_citation_record_clear (&record);

  return label;
}

/**
 * rung_citation_names:
 * @item: a #RungEvidence or a #RungRating
 *
 * Returns: whether @self cites @item
 */
gboolean
rung_citation_names (RungCitation *self,
                     GObject      *item)
{
  g_return_val_if_fail (RUNG_IS_CITATION (self), FALSE);

  if (RUNG_IS_EVIDENCE (item))
    return self->record->kind == RUNG_CITATION_EVIDENCE &&
           self->record->evidence_id == rung_evidence_get_id (RUNG_EVIDENCE (item));

  if (RUNG_IS_RATING (item))
    return self->record->kind == RUNG_CITATION_RATING &&
           self->record->panelist_id == rung_rating_get_panelist_id (RUNG_RATING (item)) &&
           g_strcmp0 (self->record->area_id, rung_rating_get_area_id (RUNG_RATING (item))) == 0;

  return FALSE;
}

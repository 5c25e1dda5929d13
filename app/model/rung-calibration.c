/* rung-calibration.c: rater calibration. Much of the variance in ratings
 * comes from who gave them rather than who was rated; this shows the
 * committee how each panelist's ratings sit against the rest of the panel's.
 *
 * The definition, leave-one-out so that a panelist is never compared with
 * themselves:
 *
 * - For each live candidate c a panelist p rated, take the areas p rated on
 *   c that at least one other panelist rated too. p's offset on c is p's
 *   mean over those areas minus the mean of every other panelist's ratings
 *   over the same areas. A candidate nobody else rated does not count.
 * - p's calibration is the mean of those offsets and their (population)
 *   standard deviation, over n candidates; beside it, the mean and standard
 *   deviation of p's own ratings and of the others' ratings there.
 * - p is pointed out when n ≥ RUNG_CALIBRATION_MIN_CANDIDATES, the mean
 *   offset is at least RUNG_CALIBRATION_MIN_OFFSET grades from 0, and at
 *   least RUNG_CALIBRATION_MIN_SAME_SIDE of the offsets lie on that side
 *   (an offset of exactly 0 lies on neither).
 *
 * What it says is neutral on purpose: above or below the panel, never
 * "lenient" or "harsh": the rest of the panel may be the ones off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-calibration"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rung-calibration.h"
#include "rung-panel-private.h"

/* Sums that give a mean and a standard deviation. */
typedef struct
{
  double n;
  double sum;
  double sum_of_squares;
} Moments;

typedef struct
{
  Moments offsets;
  Moments own;
  Moments panel;
  guint   n_above;
  guint   n_below;
} Tally;

/* One area of one candidate: everybody's ratings there, summed. */
typedef struct
{
  Moments ratings;
} AreaSums;

static void
moments_add (Moments *moments,
             double   value,
             double   weight)
{
  moments->n += weight;
  moments->sum += value * weight;
  moments->sum_of_squares += value * value * weight;
}

static double
moments_mean (const Moments *moments)
{
  return moments->n > 0 ? moments->sum / moments->n : 0.0;
}

static double
moments_sd (const Moments *moments)
{
  double mean = moments_mean (moments);

  if (moments->n <= 0)
    return 0.0;

  return sqrt (MAX (moments->sum_of_squares / moments->n - mean * mean, 0.0));
}

void
rung_rater_calibration_free (RungRaterCalibration *calibration)
{
  if (calibration == NULL)
    return;

  g_free (calibration->name);
  g_free (calibration);
}

/* Adds one candidate's ratings, [start, end) of @ratings, to the tallies. */
static void
tally_candidate (GPtrArray  *ratings,
                 guint       start,
                 guint       end,
                 GHashTable *tallies)
{
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint i = start;

  for (guint k = start; k < end; k++)
    {
      RungRatingRecord *rating = g_ptr_array_index (ratings, k);
      AreaSums *sums = g_hash_table_lookup (areas, rating->area_id);

      if (sums == NULL)
        g_hash_table_insert (areas, rating->area_id, (sums = g_new0 (AreaSums, 1)));
      moments_add (&sums->ratings, rating->value, 1);
    }

  /* The ratings come by panelist within a candidate. */
  while (i < end)
    {
      gint64 panelist_id = ((RungRatingRecord *)g_ptr_array_index (ratings, i))->panelist_id;
      Moments own = { 0 }, others = { 0 };
      Tally *tally;
      double offset;

      for (; i < end && ((RungRatingRecord *)g_ptr_array_index (ratings, i))->panelist_id == panelist_id; i++)
        {
          RungRatingRecord *rating = g_ptr_array_index (ratings, i);
          AreaSums *sums = g_hash_table_lookup (areas, rating->area_id);

          if (sums->ratings.n < 2)
            continue;

          moments_add (&own, rating->value, 1);
          others.n += sums->ratings.n - 1;
          others.sum += sums->ratings.sum - rating->value;
          others.sum_of_squares += sums->ratings.sum_of_squares - (double)rating->value * rating->value;
        }

      if (own.n == 0)
        continue;

      if (!(tally = g_hash_table_lookup (tallies, &panelist_id)))
        {
          gint64 *key = g_new (gint64, 1);

          *key = panelist_id;
          g_hash_table_insert (tallies, key, (tally = g_new0 (Tally, 1)));
        }

      offset = moments_mean (&own) - moments_mean (&others);
      moments_add (&tally->offsets, offset, 1);
      tally->own.n += own.n;
      tally->own.sum += own.sum;
      tally->own.sum_of_squares += own.sum_of_squares;
      tally->panel.n += others.n;
      tally->panel.sum += others.sum;
      tally->panel.sum_of_squares += others.sum_of_squares;
      /* A difference of rounding is no offset. */
      if (offset > 1e-9)
        tally->n_above++;
      else if (offset < -1e-9)
        tally->n_below++;
    }
}

static RungCalibrationSide
judge_side (const RungRaterCalibration *calibration)
{
  double needed = ceil (RUNG_CALIBRATION_MIN_SAME_SIDE * calibration->n_candidates - 1e-9);

  if (calibration->n_candidates < RUNG_CALIBRATION_MIN_CANDIDATES)
    return RUNG_CALIBRATION_IN_LINE;

  if (calibration->mean_offset >= RUNG_CALIBRATION_MIN_OFFSET - 1e-9 && calibration->n_above >= needed)
    return RUNG_CALIBRATION_ABOVE;

  if (calibration->mean_offset <= -RUNG_CALIBRATION_MIN_OFFSET + 1e-9 && calibration->n_below >= needed)
    return RUNG_CALIBRATION_BELOW;

  return RUNG_CALIBRATION_IN_LINE;
}

static RungRaterCalibration *
calibration_from_tally (gint64       panelist_id,
                        const Tally *tally)
{
  RungRaterCalibration *calibration = g_new0 (RungRaterCalibration, 1);

  calibration->panelist_id = panelist_id;
  calibration->n_candidates = (guint)tally->offsets.n;
  calibration->n_above = tally->n_above;
  calibration->n_below = tally->n_below;
  calibration->mean_offset = moments_mean (&tally->offsets);
  calibration->sd_offset = moments_sd (&tally->offsets);
  calibration->own_mean = moments_mean (&tally->own);
  calibration->own_sd = moments_sd (&tally->own);
  calibration->panel_mean = moments_mean (&tally->panel);
  calibration->panel_sd = moments_sd (&tally->panel);
  calibration->side = judge_side (calibration);

  return calibration;
}

static int
compare_by_panelist (gconstpointer a,
                     gconstpointer b)
{
  const RungRaterCalibration *x = *(RungRaterCalibration * const *)a;
  const RungRaterCalibration *y = *(RungRaterCalibration * const *)b;

  return (x->panelist_id > y->panelist_id) - (x->panelist_id < y->panelist_id);
}

/**
 * rung_calibration_compute:
 * @ratings: (element-type RungRatingRecord): ratings by candidate, then by
 *   panelist, as rung_store_list_live_ratings() gives them
 *
 * Returns: (transfer full) (element-type RungRaterCalibration): one for
 *   each panelist who rated a candidate somebody else rated too, by id
 */
GPtrArray *
rung_calibration_compute (GPtrArray *ratings)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GPtrArray *calibrations = g_ptr_array_new_with_free_func ((GDestroyNotify)rung_rater_calibration_free);
  GHashTableIter iter;
  gpointer key, value;
  guint start = 0;

  g_return_val_if_fail (ratings != NULL, calibrations);

  while (start < ratings->len)
    {
      gint64 candidate_id = ((RungRatingRecord *)g_ptr_array_index (ratings, start))->candidate_id;
      guint end = start;

      while (end < ratings->len && ((RungRatingRecord *)g_ptr_array_index (ratings, end))->candidate_id == candidate_id)
        end++;

      tally_candidate (ratings, start, end, tallies);
      start = end;
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (calibrations, calibration_from_tally (*(gint64 *)key, value));

  g_ptr_array_sort (calibrations, compare_by_panelist);

  return calibrations;
}

/**
 * rung_calibration_is_enough:
 *
 * Returns: whether any panelist has rated enough candidates for their
 *   calibration to say something
 */
gboolean
rung_calibration_is_enough (GPtrArray *calibrations)
{
  g_return_val_if_fail (calibrations != NULL, FALSE);

  for (guint i = 0; i < calibrations->len; i++)
    {
      RungRaterCalibration *calibration = g_ptr_array_index (calibrations, i);

      if (calibration->n_candidates >= RUNG_CALIBRATION_MIN_CANDIDATES)
        return TRUE;
    }

  return FALSE;
}

/**
 * rung_rater_calibration_dup_sentence:
 *
 * Returns: (nullable): for a panelist who is pointed out, a neutral
 *   sentence that says so; %NULL for everybody else
 */
char *
rung_rater_calibration_dup_sentence (const RungRaterCalibration *calibration)
{
  g_autofree char *offset = NULL;
  guint n = calibration->n_candidates;
  const char *name;

  g_return_val_if_fail (calibration != NULL, NULL);

  if (calibration->side == RUNG_CALIBRATION_IN_LINE)
    return NULL;

  name = calibration->name ? calibration->name : _("A panelist");
  offset = g_strdup_printf ("%.1f", fabs (calibration->mean_offset));

  if (calibration->side == RUNG_CALIBRATION_ABOVE)
    /* Translators: "Marcus Bell’s ratings sit above the rest of the panel’s for 6 of 7 candidates, by 0.8 on average." */
    return g_strdup_printf (ngettext ("%s’s ratings sit above the rest of the panel’s for %u of %u candidate, by %s on average.",
                                      "%s’s ratings sit above the rest of the panel’s for %u of %u candidates, by %s on average.",
                                      n),
                            name, calibration->n_above, n, offset);

  /* Translators: "Marcus Bell’s ratings sit below the rest of the panel’s for 6 of 7 candidates, by 0.8 on average." */
  return g_strdup_printf (ngettext ("%s’s ratings sit below the rest of the panel’s for %u of %u candidate, by %s on average.",
                                    "%s’s ratings sit below the rest of the panel’s for %u of %u candidates, by %s on average.",
                                    n),
                          name, calibration->n_below, n, offset);
}

/**
 * rung_panel_compute_calibration:
 *
 * The calibration of each of the panel's panelists, over every live
 * candidate, from one query of the file. A panelist who has rated no
 * candidate that somebody else rated is left out.
 *
 * Returns: (transfer full) (element-type RungRaterCalibration): in the
 *   order of the panel's panelists, or %NULL with @error set
 */
GPtrArray *
rung_panel_compute_calibration (RungPanel  *panel,
                                GError    **error)
{
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) computed = NULL;
  GPtrArray *calibrations;
  GListModel *panelists;

  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);

  if (rung_panel_is_closed (panel))
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO, _("The panel is closed."));
      return NULL;
    }

  if (!(ratings = rung_store_list_live_ratings (_rung_panel_get_store (panel), error)))
    return NULL;

  computed = rung_calibration_compute (ratings);
  calibrations = g_ptr_array_new_with_free_func ((GDestroyNotify)rung_rater_calibration_free);
  panelists = rung_panel_get_panelists (panel);

  for (guint i = 0; i < g_list_model_get_n_items (panelists); i++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, i);

      for (guint k = 0; k < computed->len; k++)
        {
          RungRaterCalibration *calibration = g_ptr_array_index (computed, k);

          if (calibration->panelist_id == rung_panelist_get_id (panelist))
            {
              calibration->name = g_strdup (rung_panelist_get_name (panelist));
              g_ptr_array_add (calibrations, g_ptr_array_steal_index (computed, k));
              break;
            }
        }
    }

  return calibrations;
}

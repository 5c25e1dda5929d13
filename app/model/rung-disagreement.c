/* rung-disagreement.c: disagreement first. Committees spend most of their
 * time on candidates they already agree on while the contested ones get
 * rushed; the spread of each candidate's ratings lets a meeting take the
 * contested first and confirm the agreed quickly.
 *
 * The definitions:
 *
 * - In each area of a candidate that two panelists or more rated, the
 *   range is the highest rating minus the lowest. The candidate's spread is
 *   the mean of those ranges; areas with fewer than two ratings do not
 *   count, and a candidate without any such area has no spread (0).
 * - A candidate is a consensus when at least two panelists rated them and
 *   in every area that two or more rated, the ratings are within one grade
 *   of each other (a range of 0 or 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-disagreement"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-disagreement.h"
#include "rung-panel-private.h"

typedef struct
{
  guint n;
  int   lowest;
  int   highest;
} AreaRange;

static RungDisagreement *
measure_candidate (GPtrArray *ratings,
                   guint      start,
                   guint      end)
{
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  RungDisagreement *disagreement = g_new0 (RungDisagreement, 1);
  gint64 last_panelist = 0;
  GHashTableIter iter;
  AreaRange *range;
  double total = 0;
  gboolean within_one = TRUE;

  disagreement->candidate_id = ((RungRatingRecord *)g_ptr_array_index (ratings, start))->candidate_id;

  for (guint i = start; i < end; i++)
    {
      RungRatingRecord *rating = g_ptr_array_index (ratings, i);

      /* The ratings come by panelist within a candidate. */
      if (i == start || rating->panelist_id != last_panelist)
        disagreement->n_raters++;
      last_panelist = rating->panelist_id;

      if (!(range = g_hash_table_lookup (areas, rating->area_id)))
        {
          range = g_new0 (AreaRange, 1);
          range->lowest = range->highest = rating->value;
          g_hash_table_insert (areas, rating->area_id, range);
        }
      range->n++;
      range->lowest = MIN (range->lowest, rating->value);
      range->highest = MAX (range->highest, rating->value);
    }

  g_hash_table_iter_init (&iter, areas);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&range))
    {
      if (range->n < 2)
        continue;

      disagreement->n_areas++;
      total += range->highest - range->lowest;
      within_one = within_one && range->highest - range->lowest <= 1;
    }

  disagreement->spread = disagreement->n_areas > 0 ? total / disagreement->n_areas : 0.0;
  disagreement->consensus = disagreement->n_raters >= 2 && disagreement->n_areas > 0 && within_one;

  return disagreement;
}

/**
 * rung_disagreement_compute:
 * @ratings: (element-type RungRatingRecord): ratings by candidate, then by
 *   panelist, as rung_store_list_live_ratings() gives them
 *
 * Returns: (transfer full): a #GHashTable from a candidate's id (a
 *   pointer to a #gint64) to their #RungDisagreement; a candidate nobody
 *   rated is not in it
 */
GHashTable *
rung_disagreement_compute (GPtrArray *ratings)
{
  GHashTable *disagreements = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  guint start = 0;

  g_return_val_if_fail (ratings != NULL, disagreements);

  while (start < ratings->len)
    {
      gint64 candidate_id = ((RungRatingRecord *)g_ptr_array_index (ratings, start))->candidate_id;
      RungDisagreement *disagreement;
      guint end = start;

      while (end < ratings->len && ((RungRatingRecord *)g_ptr_array_index (ratings, end))->candidate_id == candidate_id)
        end++;

      disagreement = measure_candidate (ratings, start, end);
      g_hash_table_insert (disagreements, &disagreement->candidate_id, disagreement);
      start = end;
    }

  return disagreements;
}

/**
 * rung_panel_compute_disagreement:
 *
 * The disagreement over each live candidate, from one query of the file.
 *
 * Returns: (transfer full): as rung_disagreement_compute(), or %NULL with
 *   @error set
 */
GHashTable *
rung_panel_compute_disagreement (RungPanel  *panel,
                                 GError    **error)
{
  g_autoptr(GPtrArray) ratings = NULL;

  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);

  if (rung_panel_is_closed (panel))
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO, _("The panel is closed."));
      return NULL;
    }

  if (!(ratings = rung_store_list_live_ratings (_rung_panel_get_store (panel), error)))
    return NULL;

  return rung_disagreement_compute (ratings);
}

/**
 * rung_disagreement_dup_label:
 * @disagreement: (nullable): a candidate's, or %NULL for one nobody rated
 *
 * Returns: "Spread 1.8", or words that say it cannot be measured yet
 */
char *
rung_disagreement_dup_label (const RungDisagreement *disagreement)
{
  if (disagreement == NULL || disagreement->n_areas == 0)
    return g_strdup (_("Spread not known yet"));

  /* Translators: how widely the panel's ratings of a candidate spread, in grades */
  return g_strdup_printf (_("Spread %.1f"), disagreement->spread);
}

/* test-calibration.c: rater calibration and disagreement first: the rules
 * over plain rating records (leave-one-out offsets, the thresholds for
 * pointing a panelist out, ties, spread and consensus), then over a real
 * panel file (deleted candidates and conflicts do not count), and the
 * meeting's order by disagreement, one write that an ended meeting refuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rung-agenda-item.h"
#include "rung-calibration.h"
#include "rung-candidate.h"
#include "rung-disagreement.h"
#include "rung-ladder.h"
#include "rung-meeting.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "store-fixture.h"

static const char * const areas[] = { "responsibilities", "impact", "ownership" };

/* Ratings as the store lists them: by candidate, panelist, area. */
static void
add (GPtrArray  *ratings,
     gint64      candidate_id,
     gint64      panelist_id,
     const char *area_id,
     int         value)
{
  RungRatingRecord *record = g_new0 (RungRatingRecord, 1);

  record->candidate_id = candidate_id;
  record->panelist_id = panelist_id;
  record->area_id = g_strdup (area_id);
  record->value = value;
  record->comment = g_strdup ("");
  g_ptr_array_add (ratings, record);
}

/* A panelist's ratings in every area of a candidate, all the same value. */
static void
add_all (GPtrArray *ratings,
         gint64     candidate_id,
         gint64     panelist_id,
         int        value)
{
  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    add (ratings, candidate_id, panelist_id, areas[a], value);
}

static GPtrArray *
new_ratings (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)rung_rating_record_free);
}

static const RungRaterCalibration *
find (GPtrArray *calibrations,
      gint64     panelist_id)
{
  for (guint i = 0; i < calibrations->len; i++)
    {
      const RungRaterCalibration *calibration = g_ptr_array_index (calibrations, i);

      if (calibration->panelist_id == panelist_id)
        return calibration;
    }

  return NULL;
}

/* Panelist 1 rates 3 where panelists 2 and 3 rate 2, on @n candidates. */
static GPtrArray *
one_above (guint n)
{
  GPtrArray *ratings = new_ratings ();

  for (guint c = 1; c <= n; c++)
    {
      add_all (ratings, c, 1, 3);
      add_all (ratings, c, 2, 2);
      add_all (ratings, c, 3, 2);
    }

  return ratings;
}

static void
test_leave_one_out (void)
{
  g_autoptr(GPtrArray) ratings = one_above (5);
  g_autoptr(GPtrArray) calibrations = rung_calibration_compute (ratings);
  const RungRaterCalibration *high = find (calibrations, 1);
  const RungRaterCalibration *low = find (calibrations, 2);

  g_assert_cmpuint (calibrations->len, ==, 3);
  g_assert_nonnull (high);
  g_assert_cmpuint (high->n_candidates, ==, 5);
  /* Against the others alone: 3 − 2, not 3 − the mean of all three. */
  g_assert_cmpfloat_with_epsilon (high->mean_offset, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (high->sd_offset, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (high->own_mean, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (high->own_sd, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (high->panel_mean, 2.0, 1e-9);
  g_assert_cmpuint (high->n_above, ==, 5);
  g_assert_cmpint (high->side, ==, RUNG_CALIBRATION_ABOVE);

  /* 2 against the mean of 3 and 2: −0.5, which is on the threshold. */
  g_assert_cmpfloat_with_epsilon (low->mean_offset, -0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (low->panel_mean, 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (low->panel_sd, 0.5, 1e-9);
  g_assert_cmpint (low->side, ==, RUNG_CALIBRATION_BELOW);
  g_assert_true (rung_calibration_is_enough (calibrations));
}

static void
test_spread_of_offsets (void)
{
  g_autoptr(GPtrArray) ratings = new_ratings ();
  g_autoptr(GPtrArray) calibrations = NULL;
  const RungRaterCalibration *calibration;

  /* Offsets +2, 0, +2, 0: mean 1, standard deviation 1. */
  for (guint c = 1; c <= 4; c++)
    {
      add_all (ratings, c, 1, c % 2 ? 4 : 2);
      add_all (ratings, c, 2, 2);
    }
  calibrations = rung_calibration_compute (ratings);
  calibration = find (calibrations, 1);

  g_assert_cmpfloat_with_epsilon (calibration->mean_offset, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (calibration->sd_offset, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (calibration->own_sd, 1.0, 1e-9);
  /* An offset of exactly 0 is on neither side. */
  g_assert_cmpuint (calibration->n_above, ==, 2);
  g_assert_cmpuint (calibration->n_below, ==, 0);
}

static void
test_fewer_than_five (void)
{
  g_autoptr(GPtrArray) ratings = one_above (4);
  g_autoptr(GPtrArray) calibrations = rung_calibration_compute (ratings);
  const RungRaterCalibration *high = find (calibrations, 1);

  g_assert_cmpuint (high->n_candidates, ==, 4);
  g_assert_cmpfloat_with_epsilon (high->mean_offset, 1.0, 1e-9);
  g_assert_cmpint (high->side, ==, RUNG_CALIBRATION_IN_LINE);
  g_assert_null (rung_rater_calibration_dup_sentence (high));
  g_assert_false (rung_calibration_is_enough (calibrations));
}

static void
test_alone_does_not_count (void)
{
  g_autoptr(GPtrArray) ratings = one_above (4);
  g_autoptr(GPtrArray) calibrations = NULL;
  const RungRaterCalibration *high;

  /* An area of candidate 4 only panelist 1 rated (after the others'
   * ratings, which is not the store's order: the rule must not care), and
   * a fifth candidate only they rated. */
  add (ratings, 4, 1, "growth", 0);
  add_all (ratings, 9, 1, 4);
  calibrations = rung_calibration_compute (ratings);
  high = find (calibrations, 1);

  g_assert_cmpuint (high->n_candidates, ==, 4);
  g_assert_cmpfloat_with_epsilon (high->mean_offset, 1.0, 1e-9);
  g_assert_cmpint (high->side, ==, RUNG_CALIBRATION_IN_LINE);
}

/* Panelist 1 against panelist 2: @n_plus offsets of +@plus, @n_zero of 0
 * and @n_minus of −1. */
static GPtrArray *
offsets (guint n_plus,
         int   plus,
         guint n_zero,
         guint n_minus)
{
  GPtrArray *ratings = new_ratings ();
  guint c = 1;

  for (guint i = 0; i < n_plus; i++, c++)
    {
      add_all (ratings, c, 1, 1 + plus);
      add_all (ratings, c, 2, 1);
    }
  for (guint i = 0; i < n_zero; i++, c++)
    {
      add_all (ratings, c, 1, 2);
      add_all (ratings, c, 2, 2);
    }
  for (guint i = 0; i < n_minus; i++, c++)
    {
      add_all (ratings, c, 1, 1);
      add_all (ratings, c, 2, 2);
    }

  return ratings;
}

static RungCalibrationSide
side_of (GPtrArray *ratings)
{
  g_autoptr(GPtrArray) calibrations = rung_calibration_compute (ratings);

  g_ptr_array_unref (ratings);
  return find (calibrations, 1)->side;
}

static void
test_thresholds (void)
{
  /* 4 of 5 above by +1, one tie: mean 0.8, 80% on one side. */
  g_assert_cmpint (side_of (offsets (4, 1, 1, 0)), ==, RUNG_CALIBRATION_ABOVE);
  /* 3 of 5 above, two ties: mean 0.6 but only 60% on one side. */
  g_assert_cmpint (side_of (offsets (3, 1, 2, 0)), ==, RUNG_CALIBRATION_IN_LINE);
  /* 4 of 5 above by +2, one below by 1: mean 1.4, 80% on one side. */
  g_assert_cmpint (side_of (offsets (4, 2, 0, 1)), ==, RUNG_CALIBRATION_ABOVE);
  /* 3 above by +2, two below: 60%. */
  g_assert_cmpint (side_of (offsets (3, 2, 0, 2)), ==, RUNG_CALIBRATION_IN_LINE);
  /* All ten above, but by too little: 2 of +1 and 8 ties is 0.2 on average. */
  g_assert_cmpint (side_of (offsets (2, 1, 8, 0)), ==, RUNG_CALIBRATION_IN_LINE);
  /* Below, the same. */
  g_assert_cmpint (side_of (offsets (0, 0, 0, 5)), ==, RUNG_CALIBRATION_BELOW);
}

static void
test_sentence (void)
{
  g_autoptr(GPtrArray) ratings = offsets (6, 1, 1, 0);
  g_autoptr(GPtrArray) calibrations = rung_calibration_compute (ratings);
  RungRaterCalibration *calibration = (RungRaterCalibration *)find (calibrations, 1);
  g_autofree char *sentence = NULL;
  g_autofree char *other = NULL;

  calibration->name = g_strdup ("Marcus Bell");
  sentence = rung_rater_calibration_dup_sentence (calibration);
  g_assert_cmpstr (sentence, ==,
                   "Marcus Bell’s ratings sit above the rest of the panel’s for 6 of 7 candidates, by 0.9 on average.");
  g_assert_null (strstr (sentence, "lenient"));

  other = rung_rater_calibration_dup_sentence (find (calibrations, 2));
  g_assert_nonnull (other);
  g_assert_true (g_str_has_prefix (other, "A panelist’s ratings sit below the rest of the panel’s for 6 of 7"));
}

static void
test_spread_and_consensus (void)
{
  g_autoptr(GPtrArray) ratings = new_ratings ();
  g_autoptr(GHashTable) disagreements = NULL;
  RungDisagreement *contested, *agreed, *alone, *single_areas;
  gint64 id;

  /* 1: ranges 3, 1 and (impact, rated once) nothing: spread 2. */
  add (ratings, 1, 1, "ownership", 4);
  add (ratings, 1, 1, "responsibilities", 2);
  add (ratings, 1, 2, "impact", 3);
  add (ratings, 1, 2, "ownership", 1);
  add (ratings, 1, 2, "responsibilities", 3);
  /* 2: three panelists, within one grade everywhere. */
  add_all (ratings, 2, 1, 3);
  add_all (ratings, 2, 2, 4);
  add_all (ratings, 2, 3, 3);
  /* 3: one panelist alone: no spread, and no consensus of one. */
  add_all (ratings, 3, 1, 2);
  /* 4: two panelists, but never in the same area. */
  add (ratings, 4, 1, "impact", 0);
  add (ratings, 4, 2, "ownership", 4);

  disagreements = rung_disagreement_compute (ratings);
  g_assert_cmpuint (g_hash_table_size (disagreements), ==, 4);

  contested = g_hash_table_lookup (disagreements, (id = 1, &id));
  g_assert_cmpuint (contested->n_raters, ==, 2);
  g_assert_cmpuint (contested->n_areas, ==, 2);
  g_assert_cmpfloat_with_epsilon (contested->spread, 2.0, 1e-9);
  g_assert_false (contested->consensus);

  agreed = g_hash_table_lookup (disagreements, (id = 2, &id));
  g_assert_cmpuint (agreed->n_raters, ==, 3);
  g_assert_cmpfloat_with_epsilon (agreed->spread, 1.0, 1e-9);
  g_assert_true (agreed->consensus);

  alone = g_hash_table_lookup (disagreements, (id = 3, &id));
  g_assert_cmpuint (alone->n_areas, ==, 0);
  g_assert_cmpfloat_with_epsilon (alone->spread, 0.0, 1e-9);
  g_assert_false (alone->consensus);

  single_areas = g_hash_table_lookup (disagreements, (id = 4, &id));
  g_assert_cmpuint (single_areas->n_raters, ==, 2);
  g_assert_false (single_areas->consensus);

  {
    g_autofree char *label = rung_disagreement_dup_label (contested);
    g_autofree char *unknown = rung_disagreement_dup_label (alone);

    g_assert_cmpstr (label, ==, "Spread 2.0");
    g_assert_cmpstr (unknown, !=, label);
  }
}

/* Over a real panel file. */

typedef struct
{
  char          *dir;
  char          *path;
  RungLadder    *ladder;
  RungPanel     *panel;
  RungPanelist  *panelists[3];
  RungCandidate *candidates[6];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const people[] = { "Ada Lovelace", "Alan Turing", "Grace Hopper" };
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rung-calibration-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->ladder = rung_ladder_new_bundled ();
  fixture->panel = rung_panel_create (fixture->path, "H2 2026", "Committee", "H2 2026", fixture->ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");

  for (guint p = 0; p < G_N_ELEMENTS (fixture->panelists); p++)
    {
      fixture->panelists[p] = rung_panel_add_panelist (fixture->panel, people[p], NULL, &error);
      g_assert_no_error (error);
    }

  for (guint c = 0; c < G_N_ELEMENTS (fixture->candidates); c++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %u", c + 1);

      fixture->candidates[c] = rung_panel_add_candidate (fixture->panel, name, "L5", "L6", "M", "T", &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  g_clear_object (&fixture->ladder);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
rate (Fixture *fixture,
      guint    panelist,
      guint    candidate,
      int      value)
{
  g_autoptr(GError) error = NULL;

  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      rung_panel_set_rating (fixture->panel, fixture->panelists[panelist], fixture->candidates[candidate],
                             areas[a], value, NULL, &error);
      g_assert_no_error (error);
    }
}

static const RungRaterCalibration *
calibration_of (GPtrArray *calibrations,
                Fixture   *fixture,
                guint      panelist)
{
  return find (calibrations, rung_panelist_get_id (fixture->panelists[panelist]));
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  /* Ada rates 4 where the others rate 2, on every candidate. */
  for (guint c = 0; c < 6; c++)
    {
      rate (fixture, 0, c, 4);
      rate (fixture, 1, c, 2);
      rate (fixture, 2, c, 2);
    }

  before = rung_panel_compute_calibration (fixture->panel, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 3);
  g_assert_cmpstr (((RungRaterCalibration *)g_ptr_array_index (before, 0))->name, ==, "Ada Lovelace");
  g_assert_cmpuint (calibration_of (before, fixture, 0)->n_candidates, ==, 6);
  g_assert_cmpint (calibration_of (before, fixture, 0)->side, ==, RUNG_CALIBRATION_ABOVE);

  /* A deleted candidate does not count, nor does a conflicted panelist's. */
  g_assert_true (rung_panel_delete_candidate (fixture->panel, fixture->candidates[5], &error));
  g_assert_true (rung_panel_set_conflict (fixture->panel, fixture->panelists[0], fixture->candidates[4],
                                          TRUE, "Her manager", &error));
  g_assert_no_error (error);

  after = rung_panel_compute_calibration (fixture->panel, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calibration_of (after, fixture, 0)->n_candidates, ==, 4);
  g_assert_cmpint (calibration_of (after, fixture, 0)->side, ==, RUNG_CALIBRATION_IN_LINE);
  g_assert_cmpuint (calibration_of (after, fixture, 1)->n_candidates, ==, 5);
  /* Alan against Grace alone on candidate 5, where both rate 2. */
  g_assert_cmpuint (calibration_of (after, fixture, 1)->n_below, ==, 4);
}

static void
test_panel_disagreement (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GHashTable) disagreements = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rate (fixture, 0, 0, 4);
  rate (fixture, 1, 0, 0);
  rate (fixture, 0, 1, 3);
  rate (fixture, 1, 1, 3);
  rate (fixture, 0, 2, 1);
  rate (fixture, 1, 2, 2);
  g_assert_true (rung_panel_delete_candidate (fixture->panel, fixture->candidates[2], &error));

  disagreements = rung_panel_compute_disagreement (fixture->panel, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (disagreements), ==, 2);
  id = rung_candidate_get_id (fixture->candidates[0]);
  g_assert_cmpfloat_with_epsilon (((RungDisagreement *)g_hash_table_lookup (disagreements, &id))->spread, 4.0, 1e-9);
  id = rung_candidate_get_id (fixture->candidates[1]);
  g_assert_true (((RungDisagreement *)g_hash_table_lookup (disagreements, &id))->consensus);
}

static char *
order_names (RungMeeting *meeting)
{
  GListModel *agenda = rung_meeting_get_agenda (meeting);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(RungAgendaItem) item = g_list_model_get_item (agenda, i);

      g_assert_cmpuint (rung_agenda_item_get_position (item), ==, i);
      g_string_append_printf (names, "%s%s", i ? "," : "",
                              rung_candidate_get_name (rung_agenda_item_get_candidate (item)) + strlen ("Candidate "));
    }

  return g_string_free (names, FALSE);
}

static guint
count_audit (Fixture    *fixture,
             const char *action)
{
  g_autoptr(GPtrArray) audit = rung_panel_list_audit (fixture->panel, 1000, NULL);
  guint n = 0;

  for (guint i = 0; i < audit->len; i++)
    n += g_str_equal (((RungAuditRecord *)g_ptr_array_index (audit, i))->action, action);

  return n;
}

static void
test_order_by_disagreement (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) previous = NULL;
  g_autofree char *names = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *unchanged = NULL;
  g_autoptr(RungMeeting) meeting = NULL;
  gboolean changed = FALSE;
  guint n_audit;

  /* Spreads: 1 → 1, 2 → 4, 3 → 3, 4 → 2 (decided), 5 → 4 (now), 6 unrated. */
  rate (fixture, 0, 0, 2); rate (fixture, 1, 0, 3);
  rate (fixture, 0, 1, 0); rate (fixture, 1, 1, 4);
  rate (fixture, 0, 2, 1); rate (fixture, 1, 2, 4);
  rate (fixture, 0, 3, 2); rate (fixture, 1, 3, 4);
  rate (fixture, 0, 4, 4); rate (fixture, 1, 4, 0);

  /* The panel lets go of the meeting as it ends. */
  meeting = g_object_ref (rung_panel_start_meeting (fixture->panel, "Calibration", 10, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (rung_meeting_set_current (meeting, rung_meeting_find_item (meeting, fixture->candidates[4]), &error));
  g_assert_true (rung_meeting_mark_decided (meeting, rung_meeting_find_item (meeting, fixture->candidates[3]), &error));
  g_assert_no_error (error);
  previous = rung_meeting_dup_order (meeting);
  n_audit = count_audit (fixture, "reorder");

  g_assert_true (rung_meeting_order_by_disagreement (meeting, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  names = order_names (meeting);
  /* 4 (decided) and 5 (now) keep their places; the waiting 2, 3, 1 by
   * spread in the places left, the unrated 6 last. */
  g_assert_cmpstr (names, ==, "2,3,1,4,5,6");
  g_assert_cmpuint (count_audit (fixture, "reorder"), ==, n_audit + 1);

  /* Again changes nothing, and writes nothing. */
  g_assert_true (rung_meeting_order_by_disagreement (meeting, &changed, &error));
  g_assert_false (changed);
  g_assert_cmpuint (count_audit (fixture, "reorder"), ==, n_audit + 1);

  /* Undo puts the order back. */
  g_assert_true (rung_meeting_set_order (meeting, previous, &error));
  g_assert_no_error (error);
  restored = order_names (meeting);
  g_assert_cmpstr (restored, ==, "1,2,3,4,5,6");

  /* An ended meeting refuses, and keeps its order. */
  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_false (rung_meeting_order_by_disagreement (meeting, NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  unchanged = order_names (meeting);
  g_assert_cmpstr (unchanged, ==, "1,2,3,4,5,6");
}

static void
test_order_ties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  RungMeeting *meeting;

  /* 1 and 2 spread 2 each, 3 spreads 4; the rest are unrated. */
  rate (fixture, 0, 0, 1); rate (fixture, 1, 0, 3);
  rate (fixture, 0, 1, 2); rate (fixture, 1, 1, 4);
  rate (fixture, 0, 2, 0); rate (fixture, 1, 2, 4);

  meeting = rung_panel_start_meeting (fixture->panel, "Ties", 10, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rung_meeting_order_by_disagreement (meeting, NULL, &error));
  first = order_names (meeting);
  g_assert_cmpstr (first, ==, "3,1,2,4,5,6");

  /* Equal spreads keep the order they had, whichever it was. */
  g_assert_true (rung_meeting_move (meeting, rung_meeting_find_item (meeting, fixture->candidates[1]), 0, &error));
  g_assert_true (rung_meeting_move (meeting, rung_meeting_find_item (meeting, fixture->candidates[5]), 1, &error));
  g_assert_true (rung_meeting_order_by_disagreement (meeting, NULL, &error));
  g_assert_no_error (error);
  second = order_names (meeting);
  g_assert_cmpstr (second, ==, "3,2,1,6,4,5");
}

static void
test_store_set_order (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-calibration-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cycle.rung", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  RungStore *store = store_fixture_create (path);
  RungCandidateRecord record = { .target_level = (char *)"L6" };
  gint64 ids[4], meeting;
  gint64 reversed[3], duplicated[3], missing[2];

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %u", i + 1);

      record.name = name;
      ids[i] = rung_store_add_candidate (store, "Chair", &record, &error);
      g_assert_no_error (error);
    }
  meeting = rung_store_create_meeting (store, "Chair", "Meeting", 10, FALSE, ids, NULL, 4, &error);
  g_assert_no_error (error);
  /* A deleted candidate keeps its row behind the live. */
  g_assert_true (rung_store_delete_candidate (store, "Chair", ids[1], &error));

  reversed[0] = ids[3], reversed[1] = ids[2], reversed[2] = ids[0];
  duplicated[0] = ids[3], duplicated[1] = ids[3], duplicated[2] = ids[0];
  missing[0] = ids[3], missing[1] = ids[0];

  /* Refused, and nothing written: a name twice, a name missing, a deleted. */
  g_assert_false (rung_store_set_agenda_order (store, "Chair", meeting, duplicated, 3, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_store_set_agenda_order (store, "Chair", meeting, missing, 2, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  duplicated[1] = ids[1];
  g_assert_false (rung_store_set_agenda_order (store, "Chair", meeting, duplicated, 3, &error));
  g_clear_error (&error);
  agenda = rung_store_list_agenda (store, meeting, &error);
  g_assert_cmpint (((RungAgendaRecord *)g_ptr_array_index (agenda, 0))->candidate_id, ==, ids[0]);
  g_clear_pointer (&agenda, g_ptr_array_unref);

  /* The whole order in one write, and one entry of the audit log. */
  g_assert_true (rung_store_set_agenda_order (store, "Chair", meeting, reversed, 3, &error));
  g_assert_no_error (error);
  agenda = rung_store_list_agenda (store, meeting, &error);
  g_assert_cmpuint (agenda->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (((RungAgendaRecord *)g_ptr_array_index (agenda, i))->candidate_id, ==, reversed[i]);
      g_assert_cmpint (((RungAgendaRecord *)g_ptr_array_index (agenda, i))->position, ==, i);
    }
  audit = rung_store_list_audit (store, 1, &error);
  g_assert_cmpstr (((RungAuditRecord *)g_ptr_array_index (audit, 0))->action, ==, "reorder");
  g_assert_cmpstr (((RungAuditRecord *)g_ptr_array_index (audit, 0))->entity, ==, "meeting");
  g_assert_nonnull (strstr (((RungAuditRecord *)g_ptr_array_index (audit, 0))->before, "\"agenda\""));
  g_assert_cmpstr (((RungAuditRecord *)g_ptr_array_index (audit, 0))->before, !=,
                   ((RungAuditRecord *)g_ptr_array_index (audit, 0))->after);

  /* The deleted candidate, restored, comes back last. */
  g_assert_true (rung_store_restore_candidate (store, "Chair", ids[1], &error));
  g_clear_pointer (&agenda, g_ptr_array_unref);
  agenda = rung_store_list_agenda (store, meeting, &error);
  g_assert_cmpint (((RungAgendaRecord *)g_ptr_array_index (agenda, 3))->candidate_id, ==, ids[1]);

  /* An ended meeting refuses. */
  g_assert_true (rung_store_end_meeting (store, "Chair", meeting, &error));
  g_assert_false (rung_store_set_agenda_order (store, "Chair", meeting, reversed, 3, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);

  rung_store_close (store);
  store_fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rung/calibration/leave-one-out", test_leave_one_out);
  g_test_add_func ("/rung/calibration/spread-of-offsets", test_spread_of_offsets);
  g_test_add_func ("/rung/calibration/fewer-than-five", test_fewer_than_five);
  g_test_add_func ("/rung/calibration/alone-does-not-count", test_alone_does_not_count);
  g_test_add_func ("/rung/calibration/thresholds", test_thresholds);
  g_test_add_func ("/rung/calibration/sentence", test_sentence);
  g_test_add_func ("/rung/disagreement/spread-and-consensus", test_spread_and_consensus);
  g_test_add ("/rung/calibration/panel", Fixture, NULL, fixture_set_up, test_panel, fixture_tear_down);
  g_test_add ("/rung/disagreement/panel", Fixture, NULL, fixture_set_up, test_panel_disagreement, fixture_tear_down);
  g_test_add ("/rung/disagreement/order-meeting", Fixture, NULL, fixture_set_up, test_order_by_disagreement,
              fixture_tear_down);
  g_test_add ("/rung/disagreement/order-ties", Fixture, NULL, fixture_set_up, test_order_ties, fixture_tear_down);
  g_test_add_func ("/rung/store/agenda/set-order", test_store_set_order);

  return g_test_run ();
}

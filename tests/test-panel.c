/* test-panel.c: the model over a real panel file: every operation, every rule
 * (and each refused case), the candidate query, and the CSV export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-candidate-query.h"
#include "rung-concern.h"
#include "rung-csv.h"
#include "rung-decision.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-rating.h"
#include "store-fixture.h"

typedef struct
{
  char          *dir;
  char          *path;
  RungLadder    *ladder;
  RungPanel     *panel;
  RungCandidate *ada;
  RungPanelist  *chair;
  RungPanelist  *member;
} Fixture;

/* The first expectation of the Impact area, whatever its id. */
static const char *
impact_expectation (Fixture *fixture)
{
  RungLevel *level = rung_ladder_find_level (fixture->ladder, "L6");
  RungArea *impact = rung_level_find_area (level, "impact");
  g_autoptr(RungExpectation) first = g_list_model_get_item (rung_area_get_expectations (impact), 0);

  return rung_expectation_get_id (first);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rung-panel-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->ladder = rung_ladder_new_bundled ();
  fixture->panel = rung_panel_create (fixture->path, "H2 2026", "Engineering committee",
                                      "H2 2026", fixture->ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");

  fixture->ada = rung_panel_add_candidate (fixture->panel, "Ada Lovelace", "L5", "L6",
                                           "Charles Babbage", "Engines", &error);
  g_assert_no_error (error);
  fixture->chair = rung_panel_add_panelist (fixture->panel, "Grace Hopper", "Chair", &error);
  g_assert_no_error (error);
  fixture->member = rung_panel_add_panelist (fixture->panel, "Alan Turing", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->panel != NULL)
    rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  g_clear_object (&fixture->ladder);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static RungPanel *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RungPanel *panel;

  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);

  panel = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->panel = panel;

  return panel;
}

static void
test_create_and_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  struct stat st;
  RungPanel *panel;
  RungCandidate *ada;

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  panel = reopen (fixture);
  g_assert_cmpstr (rung_panel_get_name (panel), ==, "H2 2026");
  g_assert_cmpstr (rung_panel_get_committee (panel), ==, "Engineering committee");
  g_assert_cmpstr (rung_ladder_get_sha256 (rung_panel_get_ladder (panel)), ==,
                   rung_ladder_get_sha256 (fixture->ladder));
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (panel)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_panelists (panel)), ==, 2);

  ada = rung_panel_find_candidate_by_name (panel, "Ada Lovelace");
  g_assert_nonnull (ada);
  g_assert_cmpstr (rung_candidate_get_manager (ada), ==, "Charles Babbage");
  g_assert_cmpint (rung_candidate_get_status (ada), ==, RUNG_CANDIDATE_STATUS_DRAFT);
}

/* Opening on a thread of its own gives the same panel, and the same errors,
 * as opening in one go: a damaged file is refused and left as it was. */
static void
test_open_on_a_thread (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.rung", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.rung", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RungPanelOpening *opening;
  gsize size, size_after;

  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);

  opening = rung_panel_open_begin (fixture->path, RUNG_STORE_OPEN_DEFAULT);
  g_assert_cmpstr (rung_panel_opening_get_path (opening), ==, fixture->path);
  panel = rung_panel_open_finish (opening, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rung_panel_get_name (panel), ==, "H2 2026");
  g_assert_nonnull (rung_panel_find_candidate_by_name (panel, "Ada Lovelace"));
  g_assert_true (rung_candidate_set_summary (rung_panel_find_candidate_by_name (panel, "Ada Lovelace"),
                                             "Written after a threaded open", &error));
  g_assert_no_error (error);
  rung_panel_close (panel);

  /* A file whose second page is scribbled over fails the check. */
  g_assert_true (g_file_get_contents (fixture->path, &before, &size, NULL));
  g_assert_cmpuint (size, >, 8192);
  memset (before + 4096, 0xA5, 4096);
  g_assert_true (g_file_set_contents (damaged, before, size, NULL));
  opening = rung_panel_open_begin (damaged, RUNG_STORE_OPEN_DEFAULT);
  g_assert_null (rung_panel_open_finish (opening, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (damaged, &after, &size_after, NULL));
  g_assert_cmpuint (size_after, ==, size);
  g_assert_cmpmem (after, size_after, before, size);

  opening = rung_panel_open_begin (missing, RUNG_STORE_OPEN_DEFAULT);
  g_assert_null (rung_panel_open_finish (opening, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NOT_FOUND);
}

static void
test_create_refuses_existing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) again = rung_panel_create (fixture->path, "Again", NULL, NULL,
                                                  fixture->ladder, &error);

  g_assert_null (again);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_EXISTS);
}

static void
test_candidate_rules (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *candidate;

  candidate = rung_panel_add_candidate (fixture->panel, "   ", "L5", "L6", NULL, NULL, &error);
  g_assert_null (candidate);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  candidate = rung_panel_add_candidate (fixture->panel, "Bob", "L5", "L9", NULL, NULL, &error);
  g_assert_null (candidate);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  g_assert_false (rung_candidate_set_details (fixture->ada, "", "L5", "L6", NULL, NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (fixture->panel)), ==, 1);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *counter)
{
  (*counter)++;
}

static void
test_candidates_sorted_and_renamed (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  g_autoptr(RungCandidate) first = NULL;
  g_autoptr(RungCandidate) last = NULL;
  RungCandidate *zed;

  zed = rung_panel_add_candidate (fixture->panel, "Zed", "L5", "L6", NULL, NULL, &error);
  g_assert_no_error (error);
  rung_panel_add_candidate (fixture->panel, "Mia", "L5", "L6", NULL, NULL, &error);
  g_assert_no_error (error);

  first = g_list_model_get_item (candidates, 0);
  g_assert_cmpstr (rung_candidate_get_name (first), ==, "Ada Lovelace");

  g_assert_true (rung_candidate_set_details (zed, "Aaron", "L5", "L6", "M", "T", &error));
  g_assert_no_error (error);
  g_clear_object (&first);
  first = g_list_model_get_item (candidates, 0);
  last = g_list_model_get_item (candidates, 2);
  g_assert_true (first == zed);
  g_assert_cmpstr (rung_candidate_get_name (last), ==, "Mia");
}

static void
test_evidence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *expectation = impact_expectation (fixture);
  GListModel *items = rung_candidate_get_evidence (fixture->ada, expectation);
  RungEvidence *first, *second;
  guint changes = 0;

  g_signal_connect (items, "items-changed", G_CALLBACK (count_changes), &changes);
  g_assert_cmpuint (rung_candidate_get_n_covered (fixture->ada), ==, 0);
  g_assert_cmpuint (rung_candidate_get_n_expectations (fixture->ada), ==, 13);

  g_assert_null (rung_candidate_add_evidence (fixture->ada, "no-such-expectation",
                                              "T", "Text", NULL, NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  first = rung_candidate_add_evidence (fixture->ada, expectation, "Analytical Engine",
                                       "Designed the first algorithm.", "https://example.com/notes",
                                       "1843-09-01", &error);
  g_assert_no_error (error);
  second = rung_candidate_add_evidence (fixture->ada, expectation, "Second", "More.", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpuint (rung_candidate_get_n_covered (fixture->ada), ==, 1);
  g_assert_cmpuint (rung_candidate_get_n_evidence (fixture->ada), ==, 2);
  g_assert_cmpstr (rung_evidence_get_author (first), ==, "Test Chair");

  g_assert_true (rung_evidence_update (first, "Analytical Engine", "Wrote Note G.", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rung_evidence_get_text (first), ==, "Wrote Note G.");
  g_assert_null (rung_evidence_get_link (first));

  g_assert_true (rung_candidate_remove_evidence (fixture->ada, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  /* Everything is in the file. */
  {
    RungPanel *panel = reopen (fixture);
    RungCandidate *ada = rung_panel_find_candidate_by_name (panel, "Ada Lovelace");
    GListModel *again = rung_candidate_get_evidence (ada, expectation);
    g_autoptr(RungEvidence) item = g_list_model_get_item (again, 0);

    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 1);
    g_assert_cmpstr (rung_evidence_get_text (item), ==, "Wrote Note G.");
    g_assert_cmpuint (rung_candidate_get_n_covered (ada), ==, 1);
  }
}

/* Coverage is counted from the file's index while the items are not
 * loaded, and from the items once they are: both say the same, through
 * every change. */
static void
test_coverage_without_loading (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungLevel *level = rung_ladder_find_level (fixture->ladder, "L6");
  RungArea *impact = rung_level_find_area (level, "impact");
  RungArea *growth = rung_level_find_area (level, "growth");
  g_autoptr(RungExpectation) growth_first = g_list_model_get_item (rung_area_get_expectations (growth), 0);
  const char *expectation = impact_expectation (fixture);
  RungPanel *panel;
  RungCandidate *ada;

  g_assert_nonnull (rung_candidate_add_evidence (fixture->ada, expectation, "One", "Text.", NULL, NULL, &error));
  g_assert_nonnull (rung_candidate_add_evidence (fixture->ada, expectation, "Two", "Text.", NULL, NULL, &error));
  g_assert_no_error (error);

  /* Opened again, nothing of Ada's evidence is loaded: the index counts. */
  panel = reopen (fixture);
  ada = rung_panel_find_candidate_by_name (panel, "Ada Lovelace");
  g_assert_cmpuint (rung_candidate_get_n_covered (ada), ==, 1);
  g_assert_cmpuint (rung_candidate_get_n_covered_in_area (ada, impact), ==, 1);

  /* Loaded, the items count, and follow what is added and removed. */
  g_assert_cmpuint (rung_candidate_get_n_evidence (ada), ==, 2);
  g_assert_cmpuint (rung_candidate_get_n_covered (ada), ==, 1);
  g_assert_nonnull (rung_candidate_add_evidence (ada, rung_expectation_get_id (growth_first), "Three", "Text.",
                                                 NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rung_candidate_get_n_covered (ada), ==, 2);
  g_assert_cmpuint (rung_candidate_get_n_covered_in_area (ada, growth), ==, 1);

  /* Forgotten, the items go and the index counts again: the same. */
  rung_candidate_forget_loaded (ada);
  g_assert_cmpuint (rung_candidate_get_n_covered (ada), ==, 2);
  g_assert_cmpuint (rung_candidate_get_n_covered_in_area (ada, growth), ==, 1);
  {
    g_autoptr(RungEvidence) item = g_list_model_get_item (rung_candidate_get_evidence (ada, rung_expectation_get_id (growth_first)), 0);

    g_assert_true (rung_candidate_remove_evidence (ada, item, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (rung_candidate_get_n_covered (ada), ==, 1);
  g_assert_cmpuint (rung_candidate_get_n_covered_in_area (ada, growth), ==, 0);
}

static void
test_conflicted_panelist_cannot_rate (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *ratings = rung_candidate_get_ratings (fixture->ada);

  g_assert_true (rung_panel_set_rating (fixture->panel, fixture->member, fixture->ada,
                                        "impact", 3, "Solid", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 1);

  g_assert_true (rung_panel_set_conflict (fixture->panel, fixture->member, fixture->ada,
                                          TRUE, "Former manager", &error));
  g_assert_no_error (error);
  g_assert_true (rung_panel_has_conflict (fixture->panel, fixture->member, fixture->ada));

  /* The conflict withdrew the rating, and no new one is taken. */
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 0);
  g_assert_false (rung_panel_set_rating (fixture->panel, fixture->member, fixture->ada,
                                         "impact", 4, NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_panel_set_concern (fixture->panel, fixture->member, fixture->ada,
                                          "arrogance", "note", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  g_assert_cmpuint (rung_panel_count_eligible_voters (fixture->panel, fixture->ada), ==, 1);

  /* Lifting the conflict lets them rate again. */
  g_assert_true (rung_panel_set_conflict (fixture->panel, fixture->member, fixture->ada,
                                          FALSE, NULL, &error));
  g_assert_true (rung_panel_set_rating (fixture->panel, fixture->member, fixture->ada,
                                        "impact", 4, NULL, &error));
  g_assert_no_error (error);
}

static void
test_ratings_use_the_scale (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungRating *rating;

  g_assert_false (rung_panel_set_rating (fixture->panel, fixture->chair, fixture->ada,
                                         "impact", 7, NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  g_assert_false (rung_panel_set_rating (fixture->panel, fixture->chair, fixture->ada,
                                         "charisma", 3, NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  g_assert_true (rung_panel_set_rating (fixture->panel, fixture->chair, fixture->ada,
                                        "growth", 2, "Learning fast", &error));
  g_assert_true (rung_panel_set_rating (fixture->panel, fixture->chair, fixture->ada,
                                        "growth", 3, "Changed my mind", &error));
  g_assert_no_error (error);

  rating = rung_candidate_find_rating (fixture->ada, fixture->chair, "growth");
  g_assert_nonnull (rating);
  g_assert_cmpint (rung_rating_get_value (rating), ==, 3);
  g_assert_cmpstr (rung_rating_get_comment (rating), ==, "Changed my mind");
  g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_ratings (fixture->ada)), ==, 1);

  g_assert_true (rung_panel_clear_rating (fixture->panel, fixture->chair, fixture->ada, "growth", &error));
  g_assert_null (rung_candidate_find_rating (fixture->ada, fixture->chair, "growth"));
}

static void
test_concerns (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *concerns = rung_candidate_get_concerns (fixture->ada);
  g_autoptr(RungConcern) concern = NULL;

  g_assert_false (rung_panel_set_concern (fixture->panel, fixture->chair, fixture->ada,
                                          "laziness", "n", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  g_assert_true (rung_panel_set_concern (fixture->panel, fixture->chair, fixture->ada,
                                         "eminence", "Uses the same tool for everything", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (concerns), ==, 1);
  concern = g_list_model_get_item (concerns, 0);
  g_assert_cmpstr (rung_concern_get_anti_pattern_id (concern), ==, "eminence");

  g_assert_true (rung_panel_clear_concern (fixture->panel, fixture->chair, fixture->ada, "eminence", &error));
  g_assert_cmpuint (g_list_model_get_n_items (concerns), ==, 0);
}

static void
test_decisions_are_revisions (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungDecision *first, *second;
  GListModel *history;

  g_assert_null (rung_panel_record_decision (fixture->panel, fixture->ada, "fire",
                                             1, 0, 0, "Because", NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  g_assert_null (rung_panel_record_decision (fixture->panel, fixture->ada, "promote",
                                             1, 0, 0, "   ", NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  /* Two panelists: three votes are one too many. */
  g_assert_null (rung_panel_record_decision (fixture->panel, fixture->ada, "promote",
                                             2, 1, 0, "Strong", NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  first = rung_panel_record_decision (fixture->panel, fixture->ada, "promote",
                                      2, 0, 0, "Strong evidence everywhere", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rung_decision_get_revision (first), ==, 1);
  g_assert_cmpstr (rung_decision_get_recorded_by (first), ==, "Test Chair");
  g_assert_cmpint (rung_candidate_get_status (fixture->ada), ==, RUNG_CANDIDATE_STATUS_DECIDED);

  /* A change is a new revision, and it needs a reason. */
  g_assert_null (rung_panel_record_decision (fixture->panel, fixture->ada, "defer",
                                             1, 1, 0, "Wait", NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  second = rung_panel_record_decision (fixture->panel, fixture->ada, "defer",
                                       1, 1, 0, "Wait for the launch", "New evidence expected", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rung_decision_get_revision (second), ==, 2);
  g_assert_cmpstr (rung_decision_get_reason (second), ==, "New evidence expected");

  history = rung_candidate_get_decisions (fixture->ada);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  g_assert_true (rung_candidate_get_latest_decision (fixture->ada) == second);

  /* A conflict makes one voter fewer. */
  g_assert_true (rung_panel_set_conflict (fixture->panel, fixture->member, fixture->ada, TRUE, NULL, &error));
  g_assert_null (rung_panel_record_decision (fixture->panel, fixture->ada, "promote",
                                             2, 0, 0, "Again", "Recount", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  {
    RungPanel *panel = reopen (fixture);
    RungCandidate *ada = rung_panel_find_candidate_by_name (panel, "Ada Lovelace");
    RungDecision *latest = rung_candidate_get_latest_decision (ada);

    g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_decisions (ada)), ==, 2);
    g_assert_cmpstr (rung_decision_get_outcome_id (latest), ==, "defer");
  }
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rung_candidate_get_id (fixture->ada);
  RungCandidate *back;

  rung_candidate_add_evidence (fixture->ada, impact_expectation (fixture), "T", "Kept", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (rung_panel_delete_candidate (fixture->panel, fixture->ada, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (fixture->panel)), ==, 0);

  back = rung_panel_restore_candidate (fixture->panel, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (fixture->panel)), ==, 1);
  g_assert_cmpuint (rung_candidate_get_n_evidence (back), ==, 1);
}

static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungCandidateQuery) query = rung_candidate_query_new (fixture->panel);
  RungCandidate *bob;

  bob = rung_panel_add_candidate (fixture->panel, "Bob Builder", "L5", "L6", NULL, "Platform", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 2);

  rung_candidate_query_set_text (query, "quasar");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 0);

  /* A word of new evidence finds its candidate as soon as it is written. */
  rung_candidate_add_evidence (bob, impact_expectation (fixture), "Launch",
                               "Shipped the quasar pipeline", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 1);

  rung_candidate_query_set_text (query, "plat");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 1);

  rung_candidate_query_set_text (query, "\" AND * NEAR( ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), <=, 2);

  rung_candidate_query_set_text (query, "");
  rung_candidate_query_set_statuses (query, RUNG_CANDIDATE_QUERY_STATUS (RUNG_CANDIDATE_STATUS_READY));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 0);
  g_assert_true (rung_candidate_override_coverage (bob, RUNG_CANDIDATE_STATUS_READY, "Test", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 1);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;
  RungCandidate *ada;

  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);

  panel = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_null (panel);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  panel = rung_panel_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  g_assert_true (rung_panel_is_read_only (panel));

  ada = rung_panel_find_candidate_by_name (panel, "Ada Lovelace");
  g_assert_false (rung_candidate_set_summary (ada, "New", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (rung_panel_add_candidate (panel, "X", NULL, "L6", NULL, NULL, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  rung_panel_close (panel);
}

static void
test_unicode_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *name = "زينب الحسيني 👩🏽‍💻";
  const char *text = "שלום — e\u0301le\u0300ve <b>not bold</b> & 👨‍👩‍👧";
  RungCandidate *zaynab;
  RungPanel *panel;

  zaynab = rung_panel_add_candidate (fixture->panel, name, "L5", "L6", "Ñandú", "🚀", &error);
  g_assert_no_error (error);
  rung_candidate_add_evidence (zaynab, impact_expectation (fixture), text, text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rung_candidate_set_summary (zaynab, text, &error));

  panel = reopen (fixture);
  zaynab = rung_panel_find_candidate_by_name (panel, name);
  g_assert_nonnull (zaynab);
  g_assert_cmpstr (rung_candidate_get_summary (zaynab), ==, text);
  g_assert_cmpstr (rung_candidate_get_team (zaynab), ==, "🚀");
  {
    g_autoptr(RungEvidence) item = g_list_model_get_item (rung_candidate_get_evidence (zaynab, impact_expectation (fixture)), 0);

    g_assert_cmpstr (rung_evidence_get_text (item), ==, text);
  }
}

static void
on_flush (RungPanel *panel,
          guint     *flushed)
{
  (*flushed)++;
}

static void
test_flush_on_close (Fixture       *fixture,
                     gconstpointer  data)
{
  guint flushed = 0;

  g_signal_connect (fixture->panel, "flush", G_CALLBACK (on_flush), &flushed);
  rung_panel_close (fixture->panel);
  g_assert_cmpuint (flushed, ==, 1);
  g_assert_true (rung_panel_is_closed (fixture->panel));
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  g_assert_true (rung_candidate_set_summary (fixture->ada, "Counted", &error));
  audit = rung_panel_list_audit (fixture->panel, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >=, 4);
  g_assert_cmpstr (((RungAuditRecord *)g_ptr_array_index (audit, 0))->who, ==, "Test Chair");
}

static void
test_csv_cells (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=SUM(A1:A9)", "'=SUM(A1:A9)" },
    { "+1", "'+1" },
    { "-2", "'-2" },
    { "@cmd", "'@cmd" },
    { "=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = rung_csv_escape_cell (cases[i].in);

      g_assert_cmpstr (cell, ==, cases[i].out);
    }
}

static void
test_csv_export (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "decisions.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;
  struct stat st;

  rung_panel_add_candidate (fixture->panel, "=cmd|' /C calc'!A0", "L5", "L6", NULL, NULL, &error);
  g_assert_no_error (error);
  rung_panel_record_decision (fixture->panel, fixture->ada, "promote", 2, 0, 0,
                              "Clear, consistent \"L6\" impact", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (rung_csv_export_decisions (fixture->panel, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  rows = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 4);
  g_assert_true (g_str_has_prefix (rows[0], "Name,Current level,Target level"));
  g_assert_true (g_str_has_prefix (rows[1], "'=cmd|' /C calc'!A0,L5,L6"));
  g_assert_true (g_str_has_prefix (rows[2], "Ada Lovelace,L5,L6,Charles Babbage,Decided,Promote,2,0,0,"
                                            "\"Clear, consistent \"\"L6\"\" impact\",Test Chair,"));
  g_assert_cmpstr (rows[3], ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rung/panel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-and-reopen", test_create_and_reopen);
  ADD ("create-refuses-existing", test_create_refuses_existing);
  ADD ("open-on-a-thread", test_open_on_a_thread);
  ADD ("candidate/rules", test_candidate_rules);
  ADD ("candidate/sorted-and-renamed", test_candidates_sorted_and_renamed);
  ADD ("candidate/delete-and-restore", test_delete_and_restore);
  ADD ("evidence", test_evidence);
  ADD ("coverage-without-loading", test_coverage_without_loading);
  ADD ("rating/conflicted-panelist-cannot-rate", test_conflicted_panelist_cannot_rate);
  ADD ("rating/uses-the-scale", test_ratings_use_the_scale);
  ADD ("concerns", test_concerns);
  ADD ("decision/revisions", test_decisions_are_revisions);
  ADD ("query", test_query);
  ADD ("read-only", test_read_only);
  ADD ("unicode-round-trip", test_unicode_round_trip);
  ADD ("flush-on-close", test_flush_on_close);
  ADD ("audit", test_audit);
  ADD ("csv/export", test_csv_export);
#undef ADD
  g_test_add_func ("/rung/panel/csv/cells", test_csv_cells);

  return g_test_run ();
}

/* test-demo.c: the demo panel shows what Rung is for, and is made through the
 * model's rules: candidates of varied strength whose evidence keys on the
 * bundled ladder, one conflict that the ratings respect, concerns, decisions
 * with one revised, and a history in the names of real people. Creating it
 * never replaces a file, and a failure leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rung-anti-pattern.h"
#include "rung-calibration.h"
#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-concern.h"
#include "rung-citation.h"
#include "rung-decision.h"
#include "rung-demo.h"
#include "rung-disagreement.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-rating.h"

typedef struct
{
  char      *dir;
  char      *path;
  RungPanel *panel;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rung-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.rung", NULL);
  fixture->panel = rung_demo_create (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->panel);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->panel != NULL)
    rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static RungCandidate *
candidate_named (Fixture    *fixture,
                 const char *name)
{
  RungCandidate *candidate = rung_panel_find_candidate_by_name (fixture->panel, name);

  g_assert_nonnull (candidate);
  return candidate;
}

static RungPanelist *
chair_of (RungPanel *panel)
{
  GListModel *panelists = rung_panel_get_panelists (panel);
  RungPanelist *chair = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (panelists); i++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, i);

      if (g_strcmp0 (rung_panelist_get_role (panelist), "Chair") == 0)
        {
          g_assert_null (chair);
          chair = panelist;
        }
    }

  g_assert_nonnull (chair);
  return chair;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  GListModel *panelists = rung_panel_get_panelists (fixture->panel);
  gboolean non_ascii = FALSE;

  g_assert_cmpstr (rung_panel_get_name (fixture->panel), ==, "H2 2026 Staff+ promotions");
  g_assert_cmpstr (rung_panel_get_committee (fixture->panel), ==, "Engineering Promotion Committee");
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (panelists), ==, 4);
  chair_of (fixture->panel);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      const char *name = rung_candidate_get_name (candidate);
      const char *summary = rung_candidate_get_summary (candidate);

      g_assert_true (g_utf8_validate (name, -1, NULL));
      for (const char *p = name; *p; p++)
        non_ascii |= (guchar)*p >= 0x80;

      g_assert_cmpstr (rung_candidate_get_current_level (candidate), ==, "L5");
      g_assert_cmpstr (rung_candidate_get_target_level (candidate), ==, "L6");
      g_assert_nonnull (rung_candidate_get_level (candidate));
      g_assert_nonnull (rung_candidate_get_manager (candidate));
      g_assert_nonnull (rung_candidate_get_team (candidate));
      g_assert_cmpuint (strlen (summary), >, 80);
    }

  g_assert_true (non_ascii);
}

static void
test_evidence_keys_on_the_ladder (Fixture       *fixture,
                                  gconstpointer  data)
{
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  guint with_link = 0, total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      RungLevel *level = rung_candidate_get_level (candidate);
      GListModel *areas = rung_level_get_areas (level);
      guint found = 0;

      g_assert_cmpuint (rung_candidate_get_n_expectations (candidate), ==, 13);

      /* Walking the ladder finds every item: none keys on an unknown id. */
      for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
        {
          g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
          GListModel *expectations = rung_area_get_expectations (area);

          for (guint e = 0; e < g_list_model_get_n_items (expectations); e++)
            {
              g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, e);
              GListModel *items = rung_candidate_get_evidence (candidate, rung_expectation_get_id (expectation));

              for (guint k = 0; k < g_list_model_get_n_items (items); k++)
                {
                  g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, k);
                  const char *date = rung_evidence_get_date (evidence);
                  const char *link = rung_evidence_get_link (evidence);

                  g_assert_nonnull (rung_level_find_expectation (level, rung_evidence_get_expectation_id (evidence)));
                  g_assert_cmpuint (strlen (rung_evidence_get_title (evidence)), >, 0);
                  g_assert_cmpuint (strlen (rung_evidence_get_text (evidence)), >, 20);
                  g_assert_null (strchr (rung_evidence_get_text (evidence), '\n'));
                  if (date != NULL)
                    g_assert_true (g_regex_match_simple ("^2026-[01][0-9]-[0-3][0-9]$", date, 0, 0));
                  if (link != NULL)
                    {
                      g_assert_true (g_str_has_prefix (link, "https://"));
                      g_assert_true (strstr (link, ".example.com/") != NULL);
                      with_link++;
                    }
                  /* The packet is written by the candidate's manager. */
                  g_assert_cmpstr (rung_evidence_get_author (evidence), ==,
                                   rung_candidate_get_manager (candidate));
                  found++;
                }
            }
        }

      g_assert_cmpuint (found, ==, rung_candidate_get_n_evidence (candidate));
      total += found;
    }

  g_assert_cmpuint (total, >=, 50);
  g_assert_cmpuint (with_link, >=, total / 2);
}

static void
test_coverage_as_designed (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct {
    const char *name;
    guint       min_covered;
    guint       max_covered;
    const char *status;
  } designed[] = {
    { "Amara Okafor",      11, 13, "decided" },     /* strong */
    { "Kenji Watanabe",    11, 13, "decided" },     /* strong */
    { "Zoë Müller-Ågren",   5, 10, "draft" },       /* mixed */
    { "Rafael Oliveira",    5, 10, "decided" },     /* mixed */
    { "Nguyễn Thị Lan",     1,  4, "decided" },     /* weak */
    { "Viktor Petrov",      8, 12, "in-review" },   /* borderline */
  };
  guint drafts = 0;

  for (guint i = 0; i < G_N_ELEMENTS (designed); i++)
    {
      RungCandidate *candidate = candidate_named (fixture, designed[i].name);
      guint covered = rung_candidate_get_n_covered (candidate);
      RungCandidateStatus status;

      g_test_message ("%s covers %u of 13", designed[i].name, covered);
      g_assert_cmpuint (covered, >=, designed[i].min_covered);
      g_assert_cmpuint (covered, <=, designed[i].max_covered);
      g_assert_true (rung_candidate_status_from_string (designed[i].status, &status));
      g_assert_cmpint (rung_candidate_get_status (candidate), ==, status);
      drafts += status == RUNG_CANDIDATE_STATUS_DRAFT;
    }

  g_assert_cmpuint (drafts, ==, 1);
  /* The weak packet is short as well as narrow. */
  g_assert_cmpuint (rung_candidate_get_n_evidence (candidate_named (fixture, "Nguyễn Thị Lan")), <=, 4);
}

/* The coverage gate's signal: one candidate moved on by override, with
 * the reason in the audit log; nobody else needed one. */
static void
test_coverage_override (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = rung_panel_list_audit (fixture->panel, 10000, &error);
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  RungCandidate *viktor = candidate_named (fixture, "Viktor Petrov");
  g_autofree char *uncovered = rung_candidate_dup_uncovered_summary (viktor);
  guint overrides = 0;

  g_assert_no_error (error);
  g_assert_nonnull (uncovered);
  g_assert_nonnull (strstr (rung_candidate_get_coverage_override (viktor), "Culture and Growth"));

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);

      if (candidate != viktor)
        g_assert_null (rung_candidate_get_coverage_override (candidate));
    }

  for (guint i = 0; i < audit->len; i++)
    {
      RungAuditRecord *record = g_ptr_array_index (audit, i);

      if (g_str_equal (record->action, "override"))
        {
          g_assert_cmpstr (record->who, ==, "Priya Raman");
          g_assert_nonnull (strstr (record->after, "storage migration"));
          overrides++;
        }
    }
  g_assert_cmpuint (overrides, ==, 1);
}

static void
test_one_conflict (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  GListModel *panelists = rung_panel_get_panelists (fixture->panel);
  guint conflicts = 0;

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      GListModel *areas = rung_level_get_areas (rung_candidate_get_level (candidate));

      for (guint p = 0; p < g_list_model_get_n_items (panelists); p++)
        {
          g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, p);

          if (!rung_panel_has_conflict (fixture->panel, panelist, candidate))
            continue;

          conflicts++;
          g_assert_cmpuint (rung_panel_count_eligible_voters (fixture->panel, candidate), ==, 3);
          for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
            {
              g_autoptr(RungArea) area = g_list_model_get_item (areas, a);

              g_assert_null (rung_candidate_find_rating (candidate, panelist, rung_area_get_id (area)));
            }
        }
    }

  g_assert_cmpuint (conflicts, ==, 1);
}

static void
test_ratings (Fixture       *fixture,
              gconstpointer  data)
{
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  GListModel *panelists = rung_panel_get_panelists (fixture->panel);
  guint n_panelists = g_list_model_get_n_items (panelists);
  g_autofree int *sums = g_new0 (int, n_panelists);
  g_autofree guint *counts = g_new0 (guint, n_panelists);
  guint disagreements = 0, comments = 0, harshest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      GListModel *areas = rung_level_get_areas (rung_candidate_get_level (candidate));
      guint n_areas = g_list_model_get_n_items (areas);

      if (rung_candidate_get_status (candidate) == RUNG_CANDIDATE_STATUS_DRAFT)
        continue;

      g_assert_cmpuint (n_areas, ==, 8);
      g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_ratings (candidate)), ==,
                        rung_panel_count_eligible_voters (fixture->panel, candidate) * n_areas);

      for (guint a = 0; a < n_areas; a++)
        {
          g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
          int lowest = G_MAXINT, highest = G_MININT;

          for (guint p = 0; p < n_panelists; p++)
            {
              g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, p);
              RungRating *rating;
              int value;

              if (rung_panel_has_conflict (fixture->panel, panelist, candidate))
                continue;

              rating = rung_candidate_find_rating (candidate, panelist, rung_area_get_id (area));
              g_assert_nonnull (rating);
              value = rung_rating_get_value (rating);
              g_assert_nonnull (rung_ladder_find_grade (rung_panel_get_ladder (fixture->panel), value));
              lowest = MIN (lowest, value);
              highest = MAX (highest, value);
              sums[p] += value;
              counts[p]++;
              comments += rung_rating_get_comment (rating) != NULL && rung_rating_get_comment (rating)[0] != '\0';
            }

          disagreements += lowest != highest;
        }
    }

  /* Panelists disagree, one rates a little harsher, and some explain. */
  g_assert_cmpuint (disagreements, >=, 10);
  g_assert_cmpuint (comments, >=, 5);
  for (guint p = 1; p < n_panelists; p++)
    if (sums[p] * (int)counts[harshest] < sums[harshest] * (int)counts[p])
      harshest = p;
  for (guint p = 0; p < n_panelists; p++)
    if (p != harshest)
      g_assert_cmpint (sums[harshest] * (int)counts[p], <, sums[p] * (int)counts[harshest]);
}

static void
test_concerns (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  guint concerns = 0;

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      GListModel *list = rung_candidate_get_concerns (candidate);
      GListModel *anti_patterns = rung_level_get_anti_patterns (rung_candidate_get_level (candidate));

      for (guint c = 0; c < g_list_model_get_n_items (list); c++)
        {
          g_autoptr(RungConcern) concern = g_list_model_get_item (list, c);
          gboolean known = FALSE;

          for (guint a = 0; a < g_list_model_get_n_items (anti_patterns); a++)
            {
              g_autoptr(RungAntiPattern) anti_pattern = g_list_model_get_item (anti_patterns, a);

              known |= g_strcmp0 (rung_anti_pattern_get_id (anti_pattern),
                                  rung_concern_get_anti_pattern_id (concern)) == 0;
            }

          g_assert_true (known);
          g_assert_nonnull (rung_concern_get_note (concern));
          concerns++;
        }
    }

  g_assert_cmpuint (concerns, >=, 2);
  g_assert_cmpuint (concerns, <=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_concerns (candidate_named (fixture, "Viktor Petrov"))),
                    >=, 1);
}

static void
test_decisions (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  const char *chair = rung_panelist_get_name (chair_of (fixture->panel));
  guint decided = 0, revised = 0;

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      GListModel *decisions = rung_candidate_get_decisions (candidate);
      guint n = g_list_model_get_n_items (decisions);
      guint eligible = rung_panel_count_eligible_voters (fixture->panel, candidate);

      if (n == 0)
        {
          g_assert_cmpint (rung_candidate_get_status (candidate), !=, RUNG_CANDIDATE_STATUS_DECIDED);
          continue;
        }

      decided++;
      g_assert_cmpint (rung_candidate_get_status (candidate), ==, RUNG_CANDIDATE_STATUS_DECIDED);

      for (guint d = 0; d < n; d++)
        {
          g_autoptr(RungDecision) decision = g_list_model_get_item (decisions, d);
          const char *reason = rung_decision_get_reason (decision);

          g_assert_cmpint (rung_decision_get_revision (decision), ==, d + 1);
          g_assert_cmpstr (rung_decision_get_recorded_by (decision), ==, chair);
          g_assert_cmpuint (rung_decision_get_votes_for (decision) +
                            rung_decision_get_votes_against (decision) +
                            rung_decision_get_votes_abstain (decision), <=, eligible);
          g_assert_cmpuint (strlen (rung_decision_get_rationale (decision)), >, 20);
          if (d > 0)
            g_assert_true (reason != NULL && reason[0] != '\0');
        }

      revised += n == 2;
    }

  g_assert_cmpuint (decided, >=, 3);
  g_assert_cmpuint (revised, ==, 1);

  {
    RungDecision *latest = rung_candidate_get_latest_decision (candidate_named (fixture, "Amara Okafor"));

    g_assert_cmpstr (rung_decision_get_outcome_id (latest), ==, "promote");
    latest = rung_candidate_get_latest_decision (candidate_named (fixture, "Nguyễn Thị Lan"));
    g_assert_cmpstr (rung_decision_get_outcome_id (latest), ==, "not-yet");
  }
}

/* Decisions cite the evidence and ratings cites= names, labelled as they
 * read; one cites nothing, so the demo shows the warning too. */
static void
test_decisions_cite (Fixture       *fixture,
                     gconstpointer  data)
{
  RungCandidate *amara = candidate_named (fixture, "Amara Okafor");
  RungDecision *latest = rung_candidate_get_latest_decision (amara);
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  GListModel *citations = rung_decision_get_citations (latest);
  g_autoptr(RungCitation) first = g_list_model_get_item (citations, 0);
  g_autoptr(RungCitation) rating = g_list_model_get_item (citations, 2);
  guint citing = 0, citing_nothing = 0;

  g_assert_cmpuint (g_list_model_get_n_items (citations), ==, 3);
  g_assert_cmpint (rung_citation_get_kind (first), ==, RUNG_CITATION_EVIDENCE);
  g_assert_cmpstr (rung_citation_get_label (first), ==, "Ledger v2 architecture (Responsibilities)");
  g_assert_true (rung_citation_is_present (first, amara));
  g_assert_cmpint (rung_citation_get_kind (rating), ==, RUNG_CITATION_RATING);
  g_assert_cmpstr (rung_citation_get_area_id (rating), ==, "impact");
  g_assert_true (g_str_has_prefix (rung_citation_get_label (rating), "Marcus Bell: Impact — "));

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      GListModel *decisions = rung_candidate_get_decisions (candidate);

      for (guint d = 0; d < g_list_model_get_n_items (decisions); d++)
        {
          g_autoptr(RungDecision) decision = g_list_model_get_item (decisions, d);

          if (rung_decision_get_n_citations (decision) > 0)
            citing++;
          else
            citing_nothing++;
        }
    }

  g_assert_cmpuint (citing, >=, 3);
  g_assert_cmpuint (citing_nothing, >=, 1);
}

/* The demo acts in its people's names, then hands the panel back to the user. */
static void
test_user_name_restored (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) other = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.rung", NULL);

  other = rung_panel_create (other_path, "Other", NULL, NULL, rung_panel_get_ladder (fixture->panel), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rung_panel_get_user_name (fixture->panel), ==, rung_panel_get_user_name (other));
  rung_panel_close (other);
}

static void
test_refuses_existing_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) again = NULL;
  g_autoptr(RungPanel) reopened = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  rung_panel_close (fixture->panel);
  before = file_sha256 (fixture->path);

  again = rung_demo_create (fixture->path, &error);
  g_assert_null (again);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* And it still opens, whole. */
  reopened = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (reopened)), ==, 6);
  rung_panel_close (reopened);
}

static void
test_failure_leaves_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-demo-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", NULL);
  g_autofree char *path = g_build_filename (missing, "demo.rung", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;
  g_autoptr(GDir) handle = NULL;

  panel = rung_demo_create (path, &error);
  g_assert_null (panel);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  handle = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (handle));
  g_rmdir (dir);
}

/* The demo shows both of the calibration signals: a panelist whose ratings
 * sit above the rest's (and one below), and contested and agreed candidates. */
static void
test_calibration_signals (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calibrations = rung_panel_compute_calibration (fixture->panel, &error);
  g_autoptr(GHashTable) disagreements = rung_panel_compute_disagreement (fixture->panel, &error);
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  guint pointed_out = 0, consensus = 0, contested = 0;

  g_assert_no_error (error);
  g_assert_true (rung_calibration_is_enough (calibrations));
  for (guint i = 0; i < calibrations->len; i++)
    {
      RungRaterCalibration *calibration = g_ptr_array_index (calibrations, i);

      if (calibration->side == RUNG_CALIBRATION_IN_LINE)
        continue;

      /* Sofia above the rest for every candidate; Marcus, the harshest, below. */
      pointed_out++;
      g_assert_cmpuint (calibration->n_candidates, >=, RUNG_CALIBRATION_MIN_CANDIDATES);
      if (g_str_equal (calibration->name, "Sofia Haddad"))
        {
          g_assert_cmpint (calibration->side, ==, RUNG_CALIBRATION_ABOVE);
          g_assert_cmpuint (calibration->n_above, ==, calibration->n_candidates);
        }
      else
        {
          g_assert_cmpstr (calibration->name, ==, "Marcus Bell");
          g_assert_cmpint (calibration->side, ==, RUNG_CALIBRATION_BELOW);
        }
    }
  g_assert_cmpuint (pointed_out, ==, 2);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      gint64 id = rung_candidate_get_id (candidate);
      RungDisagreement *disagreement = g_hash_table_lookup (disagreements, &id);

      if (disagreement == NULL)
        continue;
      consensus += disagreement->consensus;
      contested += !disagreement->consensus && disagreement->spread >= 1.5;
    }
  g_assert_cmpuint (consensus, >=, 1);
  g_assert_cmpuint (contested, >=, 1);
}

#define add_test(path, func) \
  g_test_add ("/rung/demo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  add_test ("people", test_people);
  add_test ("evidence-keys-on-the-ladder", test_evidence_keys_on_the_ladder);
  add_test ("coverage-as-designed", test_coverage_as_designed);
  add_test ("coverage-override", test_coverage_override);
  add_test ("one-conflict", test_one_conflict);
  add_test ("ratings", test_ratings);
  add_test ("calibration-signals", test_calibration_signals);
  add_test ("concerns", test_concerns);
  add_test ("decisions", test_decisions);
  add_test ("decisions-cite", test_decisions_cite);
  add_test ("user-name-restored", test_user_name_restored);
  add_test ("refuses-existing-file", test_refuses_existing_file);
  g_test_add_func ("/rung/demo/failure-leaves-nothing", test_failure_leaves_nothing);

  return g_test_run ();
}

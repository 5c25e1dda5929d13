/* test-coverage-gate.c: a candidate leaves draft for the panel only with
 * evidence in every area of their target level, unless someone overrides
 * the check with a reason, which the audit log keeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "store-fixture.h"

typedef struct
{
  char          *dir;
  char          *path;
  RungPanel     *panel;
  RungCandidate *ada;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();

  fixture->dir = g_dir_make_tmp ("rung-gate-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->panel = rung_panel_create (fixture->path, "H2 2026", NULL, NULL, ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Grace Hopper");
  fixture->ada = rung_panel_add_candidate (fixture->panel, "Ada Lovelace", "L5", "L6", NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->panel);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Evidence for the first expectation of every area but @except (or all). */
static void
cover_areas (Fixture    *fixture,
             const char *except)
{
  RungLevel *level = rung_candidate_get_level (fixture->ada);
  GListModel *areas = rung_level_get_areas (level);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);
      g_autoptr(RungExpectation) first = g_list_model_get_item (rung_area_get_expectations (area), 0);
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (rung_area_get_id (area), except) == 0)
        continue;

      rung_candidate_add_evidence (fixture->ada, rung_expectation_get_id (first), "Item", "Text",
                                   NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

/* The audit log's latest row, in an array that frees it. */
static GPtrArray *
last_audit (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *audit = rung_panel_list_audit (fixture->panel, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);

  return audit;
}

static void
test_uncovered_areas_listed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) all = rung_candidate_list_uncovered_areas (fixture->ada);
  g_autoptr(GPtrArray) one = NULL;
  g_autofree char *summary = NULL;

  g_assert_cmpuint (all->len, ==, 8);

  cover_areas (fixture, "growth");
  one = rung_candidate_list_uncovered_areas (fixture->ada);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (rung_area_get_id (g_ptr_array_index (one, 0)), ==, "growth");
  summary = rung_candidate_dup_uncovered_summary (fixture->ada);
  g_assert_cmpstr (summary, ==, "Growth");
}

static void
test_refused_with_gaps (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const RungCandidateStatus past_draft[] = {
    RUNG_CANDIDATE_STATUS_READY, RUNG_CANDIDATE_STATUS_IN_REVIEW, RUNG_CANDIDATE_STATUS_DECIDED,
  };

  cover_areas (fixture, "culture");

  for (guint i = 0; i < G_N_ELEMENTS (past_draft); i++)
    {
      g_assert_false (rung_candidate_set_status (fixture->ada, past_draft[i], &error));
      g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
      g_assert_nonnull (strstr (error->message, "Ada Lovelace has no evidence for Culture"));
      g_clear_error (&error);
      g_assert_cmpint (rung_candidate_get_status (fixture->ada), ==, RUNG_CANDIDATE_STATUS_DRAFT);
    }
}

static void
test_allowed_when_covered (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  cover_areas (fixture, NULL);
  g_assert_true (rung_candidate_set_status (fixture->ada, RUNG_CANDIDATE_STATUS_READY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rung_candidate_get_status (fixture->ada), ==, RUNG_CANDIDATE_STATUS_READY);
  g_assert_null (rung_candidate_get_coverage_override (fixture->ada));
  audit = last_audit (fixture);
  g_assert_cmpstr (((RungAuditRecord *)g_ptr_array_index (audit, 0))->action, ==, "update");
}

static void
test_override_needs_reason (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *blanks[] = { "", "   ", "\n\t" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_assert_false (rung_candidate_override_coverage (fixture->ada, RUNG_CANDIDATE_STATUS_READY,
                                                        blanks[i], &error));
      g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
      g_clear_error (&error);
    }

  g_assert_cmpint (rung_candidate_get_status (fixture->ada), ==, RUNG_CANDIDATE_STATUS_DRAFT);
  g_assert_null (rung_candidate_get_coverage_override (fixture->ada));
}

static void
test_override_is_audited_and_kept (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) reopened = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  RungAuditRecord *audit;
  RungCandidate *ada;

  g_assert_true (rung_candidate_override_coverage (fixture->ada, RUNG_CANDIDATE_STATUS_READY,
                                                   "  Growth is shown in the summary  ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rung_candidate_get_status (fixture->ada), ==, RUNG_CANDIDATE_STATUS_READY);
  g_assert_cmpstr (rung_candidate_get_coverage_override (fixture->ada), ==, "Growth is shown in the summary");

  rows = last_audit (fixture);
  audit = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (audit->action, ==, "override");
  g_assert_cmpstr (audit->who, ==, "Grace Hopper");
  g_assert_nonnull (strstr (audit->after, "\"coverage_override\":\"Growth is shown in the summary\""));
  g_assert_nonnull (strstr (audit->after, "\"status\":\"ready\""));

  /* Later moves keep the reason and need no second one. */
  g_assert_true (rung_candidate_set_status (fixture->ada, RUNG_CANDIDATE_STATUS_IN_REVIEW, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rung_candidate_get_coverage_override (fixture->ada), ==, "Growth is shown in the summary");

  g_clear_object (&fixture->panel);
  reopened = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ada = rung_panel_find_candidate_by_name (reopened, "Ada Lovelace");
  g_assert_cmpint (rung_candidate_get_status (ada), ==, RUNG_CANDIDATE_STATUS_IN_REVIEW);
  g_assert_cmpstr (rung_candidate_get_coverage_override (ada), ==, "Growth is shown in the summary");
}

static void
count_call (guint *count)
{
  (*count)++;
}

static void
test_back_to_draft_forgets_override (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect_swapped (fixture->ada, "notify::coverage-override", G_CALLBACK (count_call), &notified);

  g_assert_true (rung_candidate_override_coverage (fixture->ada, RUNG_CANDIDATE_STATUS_READY, "Reason", &error));
  g_assert_true (rung_candidate_set_status (fixture->ada, RUNG_CANDIDATE_STATUS_DRAFT, &error));
  g_assert_no_error (error);
  g_assert_null (rung_candidate_get_coverage_override (fixture->ada));
  g_assert_cmpuint (notified, ==, 2);

  /* Out of draft again, the gate applies again. */
  g_assert_false (rung_candidate_set_status (fixture->ada, RUNG_CANDIDATE_STATUS_READY, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
}

static void
test_decision_is_not_gated (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungPanelist *chair = rung_panel_add_panelist (fixture->panel, "Grace Hopper", "Chair", &error);

  g_assert_no_error (error);
  g_assert_nonnull (chair);

  /* A committee decides on what it has; the gate is for leaving draft by hand. */
  g_assert_nonnull (rung_panel_record_decision (fixture->panel, fixture->ada, "not-yet", 1, 0, 0,
                                                "Too little evidence yet.", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rung_candidate_get_status (fixture->ada), ==, RUNG_CANDIDATE_STATUS_DECIDED);
}

#define ADD_TEST(path, func) \
  g_test_add ("/rung/coverage-gate/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("uncovered-areas-listed", test_uncovered_areas_listed);
  ADD_TEST ("refused-with-gaps", test_refused_with_gaps);
  ADD_TEST ("allowed-when-covered", test_allowed_when_covered);
  ADD_TEST ("override-needs-reason", test_override_needs_reason);
  ADD_TEST ("override-is-audited-and-kept", test_override_is_audited_and_kept);
  ADD_TEST ("back-to-draft-forgets-override", test_back_to_draft_forgets_override);
  ADD_TEST ("decision-is-not-gated", test_decision_is_not_gated);

  return g_test_run ();
}

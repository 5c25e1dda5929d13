/* test-demo.c: the demo panel shows what Rung is for: candidates of varied
 * strength, a conflict, ratings, concerns and a revised decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-decision.h"
#include "rung-demo.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panelist.h"

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static guint
count_conflicts (RungPanel     *panel,
                 RungCandidate *candidate,
                 RungPanelist **conflicted)
{
  GListModel *panelists = rung_panel_get_panelists (panel);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (panelists); i++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, i);

      if (rung_panel_has_conflict (panel, panelist, candidate))
        {
          *conflicted = panelist;
          n++;
        }
    }

  return n;
}

static void
test_demo_content (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rung-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.rung", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = rung_demo_create (path, &error);
  GListModel *candidates;
  guint conflicts = 0, revised = 0, strong = 0, weak = 0, concerns = 0;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RungPanel) again = NULL;

  g_assert_no_error (error);
  candidates = rung_panel_get_candidates (panel);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_panelists (panel)), ==, 4);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      RungLevel *level = rung_candidate_get_level (candidate);
      GListModel *areas = rung_level_get_areas (level);
      RungPanelist *conflicted = NULL;
      guint covered = rung_candidate_get_n_covered (candidate);
      guint eligible = rung_panel_count_eligible_voters (panel, candidate);
      GListModel *decisions = rung_candidate_get_decisions (candidate);

      conflicts += count_conflicts (panel, candidate, &conflicted);
      strong += covered >= 11;
      weak += covered <= 4;
      concerns += g_list_model_get_n_items (rung_candidate_get_concerns (candidate));
      if (g_list_model_get_n_items (decisions) >= 2)
        {
          g_autoptr(RungDecision) second = g_list_model_get_item (decisions, 1);

          g_assert_nonnull (rung_decision_get_reason (second));
          revised++;
        }

      /* Every non-draft candidate is rated by every panelist who may. */
      if (rung_candidate_get_status (candidate) != RUNG_CANDIDATE_STATUS_DRAFT)
        g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_ratings (candidate)), ==,
                          eligible * g_list_model_get_n_items (areas));

      if (conflicted != NULL)
        for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
          {
            g_autoptr(RungArea) area = g_list_model_get_item (areas, a);

            g_assert_null (rung_candidate_find_rating (candidate, conflicted, rung_area_get_id (area)));
          }
    }

  g_assert_cmpuint (conflicts, ==, 1);
  g_assert_cmpuint (revised, ==, 1);
  g_assert_cmpuint (strong, ==, 2);
  g_assert_cmpuint (weak, ==, 1);
  g_assert_cmpuint (concerns, >=, 2);

  rung_panel_close (panel);

  /* The demo never replaces a file. */
  before = file_sha256 (path);
  again = rung_demo_create (path, &error);
  g_assert_null (again);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_EXISTS);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rung/demo/content", test_demo_content);

  return g_test_run ();
}

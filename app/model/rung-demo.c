/* rung-demo.c: creates the demo panel on the bundled ladder from the key file
 * data/demo/demo-panel.ini: six fictional candidates of varied strength, four
 * panelists, a conflict, ratings, concerns and decisions, one of them revised.
 * Everything goes through the model, so the demo obeys the same rules as a
 * panel made by hand. A demo that fails half-way leaves no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-demo.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panelist.h"

#define DEMO_RESOURCE "/dev/rung/Rung/demo/demo-panel.ini"

typedef struct
{
  GKeyFile  *keys;
  RungPanel *panel;
  GPtrArray *panelists;    /* RungPanelist, by their number in the file - 1 */
  GPtrArray *candidates;   /* RungCandidate, likewise */
} Demo;

static gpointer
nth (GPtrArray   *items,
     const char  *group,
     const char  *key,
     Demo        *demo,
     GError     **error)
{
  int n = g_key_file_get_integer (demo->keys, group, key, error);

  if (n < 1 || (guint)n > items->len)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                     "[%s] %s=%d names nothing", group, key, n);
      return NULL;
    }

  return g_ptr_array_index (items, n - 1);
}

static gboolean
add_panelists (Demo    *demo,
               char   **groups,
               GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;
      RungPanelist *panelist;

      if (!g_str_has_prefix (groups[i], "panelist "))
        continue;

      if (!(name = g_key_file_get_string (demo->keys, groups[i], "name", error)))
        return FALSE;
      role = g_key_file_get_string (demo->keys, groups[i], "role", NULL);

      if (!(panelist = rung_panel_add_panelist (demo->panel, name, role, error)))
        return FALSE;
      g_ptr_array_add (demo->panelists, panelist);
    }

  return TRUE;
}

static gboolean
add_evidence (Demo          *demo,
              RungCandidate *candidate,
              guint          number,
              char         **groups,
              GError       **error)
{
  g_autofree char *prefix = g_strdup_printf ("evidence %u.", number);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *expectation = NULL;
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;
      g_autofree char *date = NULL;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;

      if (!(expectation = g_key_file_get_string (demo->keys, groups[i], "expectation", error)) ||
          !(title = g_key_file_get_string (demo->keys, groups[i], "title", error)) ||
          !(text = g_key_file_get_string (demo->keys, groups[i], "text", error)))
        return FALSE;
      date = g_key_file_get_string (demo->keys, groups[i], "date", NULL);

      if (!rung_candidate_add_evidence (candidate, expectation, title, text, NULL, date, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_candidates (Demo    *demo,
                char   **groups,
                GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      g_autofree char *name = NULL;
      g_autofree char *current = NULL;
      g_autofree char *target = NULL;
      g_autofree char *manager = NULL;
      g_autofree char *team = NULL;
      g_autofree char *summary = NULL;
      RungCandidate *candidate;

      if (!g_str_has_prefix (group, "candidate "))
        continue;

      if (!(name = g_key_file_get_string (demo->keys, group, "name", error)) ||
          !(target = g_key_file_get_string (demo->keys, group, "target-level", error)))
        return FALSE;
      current = g_key_file_get_string (demo->keys, group, "current-level", NULL);
      manager = g_key_file_get_string (demo->keys, group, "manager", NULL);
      team = g_key_file_get_string (demo->keys, group, "team", NULL);
      summary = g_key_file_get_string (demo->keys, group, "summary", NULL);

      if (!(candidate = rung_panel_add_candidate (demo->panel, name, current, target, manager, team, error)) ||
          !rung_candidate_set_summary (candidate, summary, error))
        return FALSE;

      g_ptr_array_add (demo->candidates, candidate);
      if (!add_evidence (demo, candidate, demo->candidates->len, groups, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_conflicts (Demo    *demo,
               char   **groups,
               GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *reason = NULL;
      RungPanelist *panelist;
      RungCandidate *candidate;

      if (!g_str_has_prefix (groups[i], "conflict "))
        continue;

      if (!(panelist = nth (demo->panelists, groups[i], "panelist", demo, error)) ||
          !(candidate = nth (demo->candidates, groups[i], "candidate", demo, error)))
        return FALSE;
      reason = g_key_file_get_string (demo->keys, groups[i], "reason", NULL);

      if (!rung_panel_set_conflict (demo->panel, panelist, candidate, TRUE, reason, error))
        return FALSE;
    }

  return TRUE;
}

/* [ratings C.P]: panelist P's values for each area of candidate C's level. */
static gboolean
add_ratings (Demo    *demo,
             char   **groups,
             GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) numbers = NULL;
      g_autofree int *values = NULL;
      RungCandidate *candidate;
      RungPanelist *panelist;
      GListModel *areas;
      gsize n_values = 0;
      guint c, p;

      if (sscanf (groups[i], "ratings %u.%u", &c, &p) != 2)
        continue;

      if (c < 1 || c > demo->candidates->len || p < 1 || p > demo->panelists->len)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "[%s] names nobody", groups[i]);
          return FALSE;
        }

      candidate = g_ptr_array_index (demo->candidates, c - 1);
      panelist = g_ptr_array_index (demo->panelists, p - 1);
      areas = rung_level_get_areas (rung_candidate_get_level (candidate));

      if (!(values = g_key_file_get_integer_list (demo->keys, groups[i], "values", &n_values, error)))
        return FALSE;

      for (guint a = 0; a < n_values && a < g_list_model_get_n_items (areas); a++)
        {
          g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
          g_autofree char *key = g_strconcat ("comment-", rung_area_get_id (area), NULL);
          g_autofree char *comment = g_key_file_get_string (demo->keys, groups[i], key, NULL);

          if (!rung_panel_set_rating (demo->panel, panelist, candidate, rung_area_get_id (area),
                                      values[a], comment, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_concerns (Demo    *demo,
              char   **groups,
              GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *anti_pattern = NULL;
      g_autofree char *note = NULL;
      RungPanelist *panelist;
      RungCandidate *candidate;

      if (!g_str_has_prefix (groups[i], "concern "))
        continue;

      if (!(panelist = nth (demo->panelists, groups[i], "panelist", demo, error)) ||
          !(candidate = nth (demo->candidates, groups[i], "candidate", demo, error)) ||
          !(anti_pattern = g_key_file_get_string (demo->keys, groups[i], "anti-pattern", error)))
        return FALSE;
      note = g_key_file_get_string (demo->keys, groups[i], "note", NULL);

      if (!rung_panel_set_concern (demo->panel, panelist, candidate, anti_pattern, note, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
record_decisions (Demo    *demo,
                  char   **groups,
                  GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *by = NULL;
      g_autofree char *outcome = NULL;
      g_autofree char *rationale = NULL;
      g_autofree char *reason = NULL;
      g_autofree int *votes = NULL;
      gsize n_votes = 0;
      RungCandidate *candidate;

      if (!g_str_has_prefix (groups[i], "decision "))
        continue;

      if (!(candidate = nth (demo->candidates, groups[i], "candidate", demo, error)) ||
          !(outcome = g_key_file_get_string (demo->keys, groups[i], "outcome", error)) ||
          !(rationale = g_key_file_get_string (demo->keys, groups[i], "rationale", error)) ||
          !(votes = g_key_file_get_integer_list (demo->keys, groups[i], "votes", &n_votes, error)))
        return FALSE;
      by = g_key_file_get_string (demo->keys, groups[i], "recorded-by", NULL);
      reason = g_key_file_get_string (demo->keys, groups[i], "reason", NULL);

      if (n_votes != 3 || votes[0] < 0 || votes[1] < 0 || votes[2] < 0)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "[%s] votes= needs three counts", groups[i]);
          return FALSE;
        }

      /* Decisions show who recorded them: the chair, not whoever ran --demo. */
      if (by != NULL)
        rung_panel_set_user_name (demo->panel, by);

      if (!rung_panel_record_decision (demo->panel, candidate, outcome,
                                       votes[0], votes[1], votes[2], rationale, reason, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_statuses (Demo    *demo,
              char   **groups,
              GError **error)
{
  guint n = 0;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *status = NULL;
      RungCandidateStatus value;

      if (!g_str_has_prefix (groups[i], "candidate "))
        continue;

      status = g_key_file_get_string (demo->keys, groups[i], "status", NULL);
      if (status != NULL && rung_candidate_status_from_string (status, &value) &&
          !rung_candidate_set_status (g_ptr_array_index (demo->candidates, n), value, error))
        return FALSE;
      n++;
    }

  return TRUE;
}

static gboolean
fill (Demo    *demo,
      GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (demo->keys, NULL);

  return add_panelists (demo, groups, error) &&
         add_candidates (demo, groups, error) &&
         add_conflicts (demo, groups, error) &&
         add_ratings (demo, groups, error) &&
         add_concerns (demo, groups, error) &&
         record_decisions (demo, groups, error) &&
         set_statuses (demo, groups, error);
}

static void
remove_panel_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/**
 * rung_demo_create:
 *
 * Creates the demo panel at @path; never over an existing file.
 *
 * Returns: (transfer full) (nullable): the open demo panel
 */
RungPanel *
rung_demo_create (const char  *path,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(RungLadder) ladder = NULL;
  g_autoptr(GPtrArray) panelists = g_ptr_array_new ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autofree char *name = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *cycle = NULL;
  g_autoptr(RungPanel) panel = NULL;
  Demo demo;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = g_resources_lookup_data (DEMO_RESOURCE, 0, error)) ||
      !g_key_file_load_from_bytes (keys, bytes, G_KEY_FILE_NONE, error) ||
      !(name = g_key_file_get_string (keys, "panel", "name", error)))
    return NULL;

  committee = g_key_file_get_string (keys, "panel", "committee", NULL);
  cycle = g_key_file_get_string (keys, "panel", "cycle", NULL);
  ladder = rung_ladder_new_bundled ();

  if (!(panel = rung_panel_create (path, name, committee, cycle, ladder, error)))
    return NULL;

  demo.keys = keys;
  demo.panel = panel;
  demo.panelists = panelists;
  demo.candidates = candidates;

  if (!fill (&demo, error))
    {
      rung_panel_close (panel);
      remove_panel_files (path);
      return NULL;
    }

  return g_steal_pointer (&panel);
}

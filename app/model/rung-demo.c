/* rung-demo.c: creates the demo panel on the bundled ladder from the key file
 * data/demo/demo-panel.ini (its header describes the groups): six fictional
 * candidates of varied strength, four panelists, a conflict, ratings,
 * concerns and decisions, one of them revised, citing evidence and ratings.
 *
 * Everything goes through the model, so the demo obeys the same rules as a
 * panel made by hand, and each change is made in the name of the person who
 * would have made it (evidence by the candidate's manager, ratings by their
 * panelist, decisions by the chair) so that the history reads like a real
 * one. A demo that fails half-way leaves no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-demo"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rung-candidate.h"
#include "rung-evidence.h"
#include "rung-demo.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panelist.h"

#define DEMO_RESOURCE "/dev/rung/Rung/demo/demo-panel.ini"

typedef struct
{
  GKeyFile      *keys;
  char         **groups;
  RungPanel     *panel;
  GPtrArray     *panelists;     /* RungPanelist, [panelist N] at N - 1 */
  GPtrArray     *candidates;    /* RungCandidate, [candidate N] at N - 1 */
  RungPanelist  *chair;
  char         **rating_areas;  /* the area ids that values= lists follow */
  GHashTable    *evidence;      /* "C.N" of [evidence C.N] → its RungEvidence */
} Demo;

/* The key file is ours, so a mistake in it is a developer's: the messages
 * below are not translated. */
static gboolean
demo_file_error (GError     **error,
                 const char  *group,
                 const char  *message)
{
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               "%s: [%s] %s", DEMO_RESOURCE, group, message);
  return FALSE;
}

/* The person or candidate that @key of @group names by its number. */
static gpointer
lookup (Demo        *demo,
        GPtrArray   *items,
        const char  *group,
        const char  *key,
        GError     **error)
{
  GError *local_error = NULL;
  int n = g_key_file_get_integer (demo->keys, group, key, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (n < 1 || (guint)n > items->len)
    {
      /* Not translated: the demo file's own terms */
      g_autofree char *message = g_strdup_printf ("%s=%d names nobody", key, n);

      demo_file_error (error, group, message);
      return NULL;
    }

  return g_ptr_array_index (items, n - 1);
}

/* Whether @group is "@kind N"; @number is then N, or 0 if N is no number. */
static gboolean
is_group (const char *group,
          const char *kind,
          guint      *number)
{
  gsize length = strlen (kind);
  guint64 n = 0;

  if (strncmp (group, kind, length) != 0 || group[length] != ' ')
    return FALSE;

  if (!g_ascii_string_to_unsigned (group + length + 1, 10, 1, G_MAXUINT, &n, NULL))
    n = 0;
  *number = n;

  return TRUE;
}

static void
act_as (Demo       *demo,
        const char *name)
{
  if (name != NULL && name[0] != '\0')
    rung_panel_set_user_name (demo->panel, name);
}

static gboolean
add_panelists (Demo    *demo,
               GError **error)
{
  for (guint i = 0; demo->groups[i] != NULL; i++)
    {
      const char *group = demo->groups[i];
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;
      RungPanelist *panelist;
      guint number;

      if (!is_group (group, "panelist", &number))
        continue;
      if (number != demo->panelists->len + 1)
        return demo_file_error (error, group, "is out of order");

      if (!(name = g_key_file_get_string (demo->keys, group, "name", error)))
        return FALSE;
      role = g_key_file_get_string (demo->keys, group, "role", NULL);

      if (!(panelist = rung_panel_add_panelist (demo->panel, name, role, error)))
        return FALSE;
      g_ptr_array_add (demo->panelists, panelist);

      /* Not translated: the demo file's own terms */
      if (demo->chair == NULL && g_strcmp0 (role, "Chair") == 0)
        demo->chair = panelist;
    }

  if (demo->chair == NULL)
    return demo_file_error (error, "panel", "has no panelist with role=Chair");

  return TRUE;
}

static gboolean
add_evidence (Demo          *demo,
              RungCandidate *candidate,
              guint          number,
              GError       **error)
{
  /* Not translated: the demo file's own terms */
  g_autofree char *prefix = g_strdup_printf ("evidence %u.", number);

  /* The packet is the manager's work. */
  act_as (demo, rung_candidate_get_manager (candidate));

  for (guint i = 0; demo->groups[i] != NULL; i++)
    {
      const char *group = demo->groups[i];
      g_autofree char *expectation = NULL;
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;
      g_autofree char *link = NULL;
      g_autofree char *date = NULL;
      RungEvidence *evidence;

      if (!g_str_has_prefix (group, prefix))
        continue;

      if (!(expectation = g_key_file_get_string (demo->keys, group, "expectation", error)) ||
          !(title = g_key_file_get_string (demo->keys, group, "title", error)) ||
          !(text = g_key_file_get_string (demo->keys, group, "text", error)))
        return FALSE;
      link = g_key_file_get_string (demo->keys, group, "link", NULL);
      date = g_key_file_get_string (demo->keys, group, "date", NULL);

      if (!(evidence = rung_candidate_add_evidence (candidate, expectation, title, text, link, date, error)))
        return FALSE;
      g_hash_table_insert (demo->evidence, g_strdup (group + strlen ("evidence ")), evidence);
    }

  return TRUE;
}

static gboolean
add_candidates (Demo    *demo,
                GError **error)
{
  for (guint i = 0; demo->groups[i] != NULL; i++)
    {
      const char *group = demo->groups[i];
      g_autofree char *name = NULL;
      g_autofree char *current = NULL;
      g_autofree char *target = NULL;
      g_autofree char *manager = NULL;
      g_autofree char *team = NULL;
      g_autofree char *summary = NULL;
      RungCandidate *candidate;
      guint number;

      if (!is_group (group, "candidate", &number))
        continue;
      if (number != demo->candidates->len + 1)
        return demo_file_error (error, group, "is out of order");

      if (!(name = g_key_file_get_string (demo->keys, group, "name", error)) ||
          !(target = g_key_file_get_string (demo->keys, group, "target-level", error)))
        return FALSE;
      current = g_key_file_get_string (demo->keys, group, "current-level", NULL);
      manager = g_key_file_get_string (demo->keys, group, "manager", NULL);
      team = g_key_file_get_string (demo->keys, group, "team", NULL);
      summary = g_key_file_get_string (demo->keys, group, "summary", NULL);

      act_as (demo, manager);
      if (!(candidate = rung_panel_add_candidate (demo->panel, name, current, target,
                                                  manager, team, error)) ||
          !rung_candidate_set_summary (candidate, summary, error))
        return FALSE;
      g_ptr_array_add (demo->candidates, candidate);

      if (!add_evidence (demo, candidate, demo->candidates->len, error))
        return FALSE;
    }

  /* Evidence numbered for a candidate that does not exist would be lost. */
  for (guint i = 0; demo->groups[i] != NULL; i++)
    {
      guint c, n;
      char end;

      if (g_str_has_prefix (demo->groups[i], "evidence ") &&
          /* Not translated: the demo file's own terms */
          (sscanf (demo->groups[i], "evidence %u.%u%c", &c, &n, &end) != 2 ||
           c < 1 || c > demo->candidates->len))
        return demo_file_error (error, demo->groups[i], "names no candidate");
    }

  return TRUE;
}

static gboolean
add_conflicts (Demo    *demo,
               GError **error)
{
  act_as (demo, rung_panelist_get_name (demo->chair));

  for (guint i = 0; demo->groups[i] != NULL; i++)
    {
      const char *group = demo->groups[i];
      g_autofree char *reason = NULL;
      RungPanelist *panelist;
      RungCandidate *candidate;

      if (!g_str_has_prefix (group, "conflict "))
        continue;

      if (!(panelist = lookup (demo, demo->panelists, group, "panelist", error)) ||
          !(candidate = lookup (demo, demo->candidates, group, "candidate", error)))
        return FALSE;
      reason = g_key_file_get_string (demo->keys, group, "reason", NULL);

      if (!rung_panel_set_conflict (demo->panel, panelist, candidate, TRUE, reason, error))
        return FALSE;
    }

  return TRUE;
}

/* [ratings C.P]: panelist P's values for candidate C, one per rating area. */
static gboolean
add_ratings (Demo    *demo,
             GError **error)
{
  guint n_areas = g_strv_length (demo->rating_areas);

  for (guint i = 0; demo->groups[i] != NULL; i++)
    {
      const char *group = demo->groups[i];
      g_autofree int *values = NULL;
      RungCandidate *candidate;
      RungPanelist *panelist;
      gsize n_values = 0;
      guint c, p;
      char end;

      if (!g_str_has_prefix (group, "ratings "))
        continue;

      /* Not translated: the demo file's own terms */
      if (sscanf (group, "ratings %u.%u%c", &c, &p, &end) != 2 ||
          c < 1 || c > demo->candidates->len || p < 1 || p > demo->panelists->len)
        return demo_file_error (error, group, "names nobody");

      candidate = g_ptr_array_index (demo->candidates, c - 1);
      panelist = g_ptr_array_index (demo->panelists, p - 1);

      if (!(values = g_key_file_get_integer_list (demo->keys, group, "values", &n_values, error)))
        return FALSE;
      if (n_values != n_areas)
        return demo_file_error (error, group, "needs one value per rating area");

      act_as (demo, rung_panelist_get_name (panelist));
      for (guint a = 0; a < n_areas; a++)
        {
          const char *area_id = demo->rating_areas[a];
          g_autofree char *key = g_strconcat ("comment-", area_id, NULL);
          g_autofree char *comment = g_key_file_get_string (demo->keys, group, key, NULL);

          if (!rung_panel_set_rating (demo->panel, panelist, candidate, area_id,
                                      values[a], comment, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_concerns (Demo    *demo,
              GError **error)
{
  for (guint i = 0; demo->groups[i] != NULL; i++)
    {
      const char *group = demo->groups[i];
      g_autofree char *anti_pattern = NULL;
      g_autofree char *note = NULL;
      RungPanelist *panelist;
      RungCandidate *candidate;

      if (!g_str_has_prefix (group, "concern "))
        continue;

      if (!(panelist = lookup (demo, demo->panelists, group, "panelist", error)) ||
          !(candidate = lookup (demo, demo->candidates, group, "candidate", error)) ||
          !(anti_pattern = g_key_file_get_string (demo->keys, group, "anti-pattern", error)))
        return FALSE;
      note = g_key_file_get_string (demo->keys, group, "note", NULL);

      act_as (demo, rung_panelist_get_name (panelist));
      if (!rung_panel_set_concern (demo->panel, panelist, candidate, anti_pattern, note, error))
        return FALSE;
    }

  return TRUE;
}

/* What cites= of [decision N] names: evidence as "C.N" of [evidence C.N],
 * ratings as "rating:C.P:AREA" of [ratings C.P]. */
static GPtrArray *
cited_items (Demo          *demo,
             const char    *group,
             RungCandidate *candidate,
             GError       **error)
{
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  g_auto(GStrv) keys = g_key_file_get_string_list (demo->keys, group, "cites", NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gpointer item = NULL;
      guint c, p;
      char area[64];

      if (g_str_has_prefix (keys[i], "rating:"))
        {
          RungPanelist *panelist;

          if (sscanf (keys[i], "rating:%u.%u:%63s", &c, &p, area) != 3 ||
              p < 1 || p > demo->panelists->len || c < 1 || c > demo->candidates->len ||
              g_ptr_array_index (demo->candidates, c - 1) != candidate)
            {
              demo_file_error (error, group, "cites= names no rating of the candidate");
              return NULL;
            }
          panelist = g_ptr_array_index (demo->panelists, p - 1);
          item = rung_candidate_find_rating (candidate, panelist, area);
        }
      else
        item = g_hash_table_lookup (demo->evidence, keys[i]);

      if (item == NULL)
        {
          demo_file_error (error, group, "cites= names something that is not there");
          return NULL;
        }
      g_ptr_array_add (cited, item);
    }

  return g_steal_pointer (&cited);
}

static gboolean
record_decisions (Demo    *demo,
                  GError **error)
{
  for (guint i = 0; demo->groups[i] != NULL; i++)
    {
      const char *group = demo->groups[i];
      g_autofree char *by = NULL;
      g_autofree char *outcome = NULL;
      g_autofree char *rationale = NULL;
      g_autofree char *reason = NULL;
      g_autofree int *votes = NULL;
      g_autoptr(GPtrArray) cited = NULL;
      gsize n_votes = 0;
      RungCandidate *candidate;

      if (!g_str_has_prefix (group, "decision "))
        continue;

      if (!(candidate = lookup (demo, demo->candidates, group, "candidate", error)) ||
          !(outcome = g_key_file_get_string (demo->keys, group, "outcome", error)) ||
          !(rationale = g_key_file_get_string (demo->keys, group, "rationale", error)) ||
          !(votes = g_key_file_get_integer_list (demo->keys, group, "votes", &n_votes, error)))
        return FALSE;
      by = g_key_file_get_string (demo->keys, group, "recorded-by", NULL);
      reason = g_key_file_get_string (demo->keys, group, "reason", NULL);

      if (n_votes != 3 || votes[0] < 0 || votes[1] < 0 || votes[2] < 0)
        return demo_file_error (error, group, "votes= needs three counts: for, against, abstain");

      /* The history shows a person, not whoever ran --demo. */
      act_as (demo, by != NULL ? by : rung_panelist_get_name (demo->chair));

      if (!(cited = cited_items (demo, group, candidate, error)) ||
          !rung_panel_record_decision_citing (demo->panel, candidate, outcome, votes[0], votes[1],
                                              votes[2], rationale, reason, cited, error))
        return FALSE;
    }

  return TRUE;
}

/* Last, since recording a decision marks its candidate decided. */
static gboolean
set_statuses (Demo    *demo,
              GError **error)
{
  act_as (demo, rung_panelist_get_name (demo->chair));

  for (guint n = 0; n < demo->candidates->len; n++)
    {
      /* Not translated: the demo file's own terms */
      g_autofree char *group = g_strdup_printf ("candidate %u", n + 1);
      g_autofree char *status = g_key_file_get_string (demo->keys, group, "status", NULL);
      g_autofree char *override = g_key_file_get_string (demo->keys, group, "coverage-override", NULL);
      RungCandidate *candidate = g_ptr_array_index (demo->candidates, n);
      RungCandidateStatus value;

      if (status == NULL)
        continue;

      if (!rung_candidate_status_from_string (status, &value))
        return demo_file_error (error, group, "has an unknown status");

      if (override != NULL
          ? !rung_candidate_override_coverage (candidate, value, override, error)
          : !rung_candidate_set_status (candidate, value, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill (Demo    *demo,
      GError **error)
{
  g_autofree char *user_name = g_strdup (rung_panel_get_user_name (demo->panel));
  gboolean ok;

  ok = add_panelists (demo, error) &&
       add_candidates (demo, error) &&
       add_conflicts (demo, error) &&
       add_ratings (demo, error) &&
       add_concerns (demo, error) &&
       record_decisions (demo, error) &&
       set_statuses (demo, error);

  /* Whoever goes on to use the panel does so in their own name. */
  rung_panel_set_user_name (demo->panel, user_name);

  return ok;
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
 * @path: where to create the panel file, which must not exist
 * @error: return location for a #GError
 *
 * Creates the demo panel at @path; never over an existing file. On failure
 * nothing is left at @path.
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
  g_autoptr(GHashTable) evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) rating_areas = NULL;
  g_autofree char *name = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *cycle = NULL;
  g_autoptr(RungPanel) panel = NULL;
  Demo demo = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = g_resources_lookup_data (DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error)) ||
      !g_key_file_load_from_bytes (keys, bytes, G_KEY_FILE_NONE, error) ||
      !(name = g_key_file_get_string (keys, "panel", "name", error)) ||
      !(rating_areas = g_key_file_get_string_list (keys, "panel", "rating-areas", NULL, error)))
    return NULL;

  committee = g_key_file_get_string (keys, "panel", "committee", NULL);
  cycle = g_key_file_get_string (keys, "panel", "cycle", NULL);
  groups = g_key_file_get_groups (keys, NULL);
  ladder = rung_ladder_new_bundled ();

  /* Refuses an existing file, which is then not ours to remove. */
  if (!(panel = rung_panel_create (path, name, committee, cycle, ladder, error)))
    return NULL;

  demo.keys = keys;
  demo.groups = groups;
  demo.panel = panel;
  demo.panelists = panelists;
  demo.candidates = candidates;
  demo.rating_areas = rating_areas;
  demo.evidence = evidence;

  if (!fill (&demo, error))
    {
      rung_panel_close (panel);
      remove_panel_files (path);
      return NULL;
    }

  return g_steal_pointer (&panel);
}

/* rung-csv.c: writes the panel's decisions as RFC 4180 CSV, one row per
 * candidate. A cell a spreadsheet would run as a formula (one starting with
 * = + - @, a tab or a carriage return) is neutralised with a leading
 * apostrophe, so a candidate's text can never become a formula.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-csv.h"
#include "rung-decision.h"
#include "rung-ladder.h"
#include "rung-outcome.h"
#include "rung-panel.h"

static gboolean
starts_like_formula (const char *text)
{
  return text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
         text[0] == '\t' || text[0] == '\r';
}

/**
 * rung_csv_escape_cell:
 *
 * Returns: (transfer full): @text as one CSV cell: neutralised if it looks
 *   like a formula, quoted if it holds a comma, quote or line break
 */
char *
rung_csv_escape_cell (const char *text)
{
  GString *cell = g_string_new (NULL);
  gboolean quote;

  if (text == NULL)
    text = "";

  if (starts_like_formula (text))
    g_string_append_c (cell, '\'');
  g_string_append (cell, text);

  quote = strpbrk (cell->str, ",\"\r\n") != NULL;
  if (!quote)
    return g_string_free (cell, FALSE);

  g_string_replace (cell, "\"", "\"\"", 0);
  g_string_prepend_c (cell, '"');
  g_string_append_c (cell, '"');

  return g_string_free (cell, FALSE);
}

static void
append_row (GString     *csv,
            const char **cells,
            guint        n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *cell = rung_csv_escape_cell (cells[i]);

      if (i > 0)
        g_string_append_c (csv, ',');
      g_string_append (csv, cell);
    }

  /* RFC 4180 ends records with CRLF. */
  g_string_append (csv, "\r\n");
}

/**
 * rung_csv_format_decisions:
 *
 * Returns: (transfer full): the CSV text: a header row, then one row per
 *   candidate with the latest revision of their decision
 */
char *
rung_csv_format_decisions (RungPanel *panel)
{
  GString *csv = g_string_new (NULL);
  GListModel *candidates;
  RungLadder *ladder;
  const char *header[] = {
    _("Name"), _("Current level"), _("Target level"), _("Manager"), _("Status"),
    _("Outcome"), _("Votes for"), _("Votes against"), _("Abstentions"),
    _("Rationale"), _("Decided by"), _("Decided at"),
  };

  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);

  ladder = rung_panel_get_ladder (panel);
  append_row (csv, header, G_N_ELEMENTS (header));

  candidates = rung_panel_get_candidates (panel);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      RungDecision *decision = rung_candidate_get_latest_decision (candidate);
      g_autofree char *votes_for = NULL;
      g_autofree char *votes_against = NULL;
      g_autofree char *votes_abstain = NULL;
      const char *outcome = "";
      const char *row[G_N_ELEMENTS (header)];

      if (decision != NULL)
        {
          RungOutcome *known = rung_ladder_find_outcome (ladder, rung_decision_get_outcome_id (decision));

          outcome = known ? rung_outcome_get_label (known) : rung_decision_get_outcome_id (decision);
          votes_for = g_strdup_printf ("%d", rung_decision_get_votes_for (decision));
          votes_against = g_strdup_printf ("%d", rung_decision_get_votes_against (decision));
          votes_abstain = g_strdup_printf ("%d", rung_decision_get_votes_abstain (decision));
        }

      row[0] = rung_candidate_get_name (candidate);
      row[1] = rung_candidate_get_current_level (candidate);
      row[2] = rung_candidate_get_target_level (candidate);
      row[3] = rung_candidate_get_manager (candidate);
      row[4] = rung_candidate_status_get_label (rung_candidate_get_status (candidate));
      row[5] = outcome;
      row[6] = votes_for;
      row[7] = votes_against;
      row[8] = votes_abstain;
      row[9] = decision ? rung_decision_get_rationale (decision) : NULL;
      row[10] = decision ? rung_decision_get_recorded_by (decision) : NULL;
      row[11] = decision ? rung_decision_get_recorded_at (decision) : NULL;

      append_row (csv, row, G_N_ELEMENTS (row));
    }

  return g_string_free (csv, FALSE);
}

/**
 * rung_csv_export_decisions:
 *
 * Writes the decisions to @path, replacing it atomically, readable by its
 * owner alone: the file holds confidential decisions.
 */
gboolean
rung_csv_export_decisions (RungPanel   *panel,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (RUNG_IS_PANEL (panel), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = rung_csv_format_decisions (panel);

  return g_file_set_contents_full (path, csv, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0600, error);
}

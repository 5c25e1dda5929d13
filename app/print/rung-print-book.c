/* rung-print-book.c: the parts of the committee book around the packets:
 * its cover, the contents (each candidate with the page their packet
 * starts on, linked to it), and the summary of every decision. The rater
 * calibration that follows it is in rung-print-calibration.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-book"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-decision.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-print-content-private.h"

static guint
count_decided (GPtrArray *candidates)
{
  guint n = 0;

  for (guint i = 0; i < candidates->len; i++)
    if (rung_candidate_get_latest_decision (g_ptr_array_index (candidates, i)) != NULL)
      n++;

  return n;
}

static char *
panelist_names (RungPanel *panel)
{
  GListModel *panelists = rung_panel_get_panelists (panel);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (panelists); i++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, i);
      const char *role = rung_panelist_get_role (panelist);

      if (i > 0)
        g_string_append (names, _(", "));
      if (role != NULL && *role != '\0')
        /* Translators: a panelist's name, then their role on the panel */
        g_string_append_printf (names, _("%s (%s)"), rung_panelist_get_name (panelist), role);
      else
        g_string_append (names, rung_panelist_get_name (panelist));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * rung_print_book_build_cover:
 *
 * Returns: (transfer full): the blocks of the book's cover
 */
GPtrArray *
rung_print_book_build_cover (const RungPrintInfo *info,
                             GPtrArray           *candidates)
{
  GPtrArray *blocks = rung_print_blocks_new ();
  RungPanel *panel = info->panel;
  g_autofree char *kicker = rung_print_theme_transform (RUNG_PRINT_STYLE_KICKER, _("Committee book"));
  g_autofree char *count = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *panelists = panelist_names (panel);
  const char *committee = rung_panel_get_committee (panel);
  const char *labels[] = { _("Committee"), _("Cycle"), _("Candidates"), _("Decided"), _("Panelists"),
                           _("Date"), NULL };
  const char *values[G_N_ELEMENTS (labels)];

  count = g_strdup_printf (ngettext ("%u candidate", "%u candidates", candidates->len), candidates->len);
  /* Translators: decided candidates of all, as in "4 of 6" */
  decided = g_strdup_printf (_("%u of %u"), count_decided (candidates), candidates->len);
  values[0] = committee;
  values[1] = rung_panel_get_cycle_name (panel);
  values[2] = count;
  values[3] = decided;
  values[4] = panelists;
  values[5] = info->date;
  values[6] = NULL;

  rung_print_add_space (blocks, 72);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_KICKER, kicker, 0);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_TITLE, rung_panel_get_name (panel), 8);
  if (committee != NULL && *committee != '\0')
    rung_print_add_text (blocks, RUNG_PRINT_STYLE_SUBTITLE, committee, 4);
  rung_print_add_rule (blocks, 18);
  rung_print_add_space (blocks, 14);
  rung_print_add_details (blocks, labels, values);
  rung_print_add_note (blocks, _("Confidential"), info->confidential);

  return blocks;
}

static RungPrintBlock *
contents_row (RungPrintTable *table,
              const char     *title,
              const char     *detail,
              guint           section)
{
  GPtrArray *cells = rung_print_cells_new ();
  GPtrArray *left = rung_print_cell_new ();
  GPtrArray *right = rung_print_cell_new ();
  RungPrintParagraph *page;
  RungPrintBlock *row;

  rung_print_add_paragraph (left, RUNG_PRINT_STYLE_STRONG, title, 0);
  if (detail != NULL)
    rung_print_add_paragraph (left, RUNG_PRINT_STYLE_SMALL, detail, 1);
  page = rung_print_add_paragraph (right, RUNG_PRINT_STYLE_NUMBER, "", 0);
  page->page_of_section = section;
  page->alignment = PANGO_ALIGN_RIGHT;
  g_ptr_array_add (cells, left);
  g_ptr_array_add (cells, right);

  row = rung_print_block_new_row (table, cells);
  row->link_section = section;

  return row;
}

static char *
candidate_detail (const RungPrintInfo *info,
                  RungCandidate       *candidate)
{
  g_autofree char *levels = rung_print_format_levels (candidate);
  const char *team = rung_print_candidate_team (info, candidate);
  const char *status = rung_candidate_status_get_label (rung_candidate_get_status (candidate));

  if (team != NULL && *team != '\0')
    /* Translators: in the contents: a candidate's levels, team and status */
    return g_strdup_printf (_("%s · %s · %s"), levels, team, status);

  /* Translators: in the contents: a candidate's levels and status */
  return g_strdup_printf (_("%s · %s"), levels, status);
}

/**
 * rung_print_book_build_contents:
 * @first_packet_section: the section of the first candidate's packet
 * @summary_section: the section of the summary
 *
 * Returns: (transfer full): the blocks of the contents
 */
GPtrArray *
rung_print_book_build_contents (const RungPrintInfo *info,
                                GPtrArray           *candidates,
                                guint                first_packet_section,
                                guint                summary_section)
{
  static const double widths[] = { 6, 1 };
  const char *headings[] = { _("Candidate"), _("Page") };
  const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT };
  GPtrArray *blocks = rung_print_blocks_new ();
  g_autoptr(RungPrintTable) table = rung_print_table_new (2, widths);
  RungPrintBlock *block;

  rung_print_table_set_head (table, headings, alignments);
  table->padding = 4;

  block = rung_print_add_text (blocks, RUNG_PRINT_STYLE_HEADING, _("Contents"), 0);
  block->keep_with_next = TRUE;
  rung_print_block_set_outline (block, 1, _("Contents"));

  for (guint i = 0; i < candidates->len; i++)
    {
      RungCandidate *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *detail = candidate_detail (info, candidate);

      block = contents_row (table, rung_print_candidate_name (info, candidate), detail, first_packet_section + i);
      block->space_before = i == 0 ? 12 : 0;
      g_ptr_array_add (blocks, block);
    }

  block = contents_row (table, _("Summary of decisions"), NULL, summary_section);
  block->space_before = candidates->len == 0 ? 12 : 0;
  g_ptr_array_add (blocks, block);
  /* The rater calibration follows the summary. */
  g_ptr_array_add (blocks, contents_row (table, _("Rater calibration"), NULL, summary_section + 1));

  return blocks;
}

static GPtrArray *
text_cell (RungPrintStyle  style,
           const char     *text)
{
  GPtrArray *cell = rung_print_cell_new ();

  rung_print_add_paragraph (cell, style, text, 0);

  return cell;
}

static RungPrintBlock *
summary_row (RungPrintTable      *table,
             const RungPrintInfo *info,
             RungCandidate       *candidate)
{
  RungPanel *panel = info->panel;
  RungDecision *decision = rung_candidate_get_latest_decision (candidate);
  g_autofree char *levels = rung_print_format_levels (candidate);
  const char *team = rung_print_candidate_team (info, candidate);
  GPtrArray *cells = rung_print_cells_new ();
  GPtrArray *cell;

  cell = text_cell (RUNG_PRINT_STYLE_STRONG, rung_print_candidate_name (info, candidate));
  if (team != NULL && *team != '\0')
    rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SMALL, team, 1);
  g_ptr_array_add (cells, cell);
  g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_BODY, levels));

  if (decision == NULL)
    {
      const char *status = rung_candidate_status_get_label (rung_candidate_get_status (candidate));
      g_autofree char *pending = g_strdup_printf (_("Not decided (%s)"), status);

      g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_EMPTY, pending));
      g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_NUMBER, "–"));
      g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_NUMBER, "–"));
    }
  else
    {
      g_autofree char *votes = g_strdup_printf ("%d · %d · %d",
                                                rung_decision_get_votes_for (decision),
                                                rung_decision_get_votes_against (decision),
                                                rung_decision_get_votes_abstain (decision));
      g_autofree char *when = rung_print_format_date (rung_decision_get_recorded_at (decision));

      cell = text_cell (RUNG_PRINT_STYLE_STRONG,
                        rung_print_outcome_label (panel, rung_decision_get_outcome_id (decision)));
      if (rung_decision_get_revision (decision) > 1)
        {
          g_autofree char *revision = g_strdup_printf (_("Revision %d"), rung_decision_get_revision (decision));

          rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SMALL, revision, 1);
        }
      {
        RungPrintStyle style;
        g_autofree char *cites = rung_print_format_citations (info, candidate, decision, &style);

        rung_print_add_paragraph (cell, style, cites, 2);
      }
      g_ptr_array_add (cells, cell);
      g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_NUMBER, votes));
      cell = text_cell (RUNG_PRINT_STYLE_BODY, when);
      if (rung_print_decision_recorder (info, candidate, decision) != NULL)
        rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SMALL, rung_print_decision_recorder (info, candidate, decision), 1);
      g_ptr_array_add (cells, cell);
    }

  return rung_print_block_new_row (table, cells);
}

/**
 * rung_print_book_build_summary:
 *
 * Returns: (transfer full): the blocks of the summary of decisions
 */
GPtrArray *
rung_print_book_build_summary (const RungPrintInfo *info,
                               GPtrArray           *candidates)
{
  static const double widths[] = { 2.3, 1, 1.5, 1.2, 1.7 };
  const char *headings[] = { _("Candidate"), _("Levels"), _("Outcome"), _("For · against · abstain"),
                             _("Recorded") };
  GPtrArray *blocks = rung_print_blocks_new ();
  g_autoptr(RungPrintTable) table = rung_print_table_new (5, widths);
  g_autofree char *counts = NULL;
  guint decided = count_decided (candidates);
  RungPrintBlock *block;

  rung_print_table_set_head (table, headings, NULL);
  table->padding = 5;
  table->gutter = 10;

  block = rung_print_add_text (blocks, RUNG_PRINT_STYLE_HEADING, _("Summary of decisions"), 0);
  block->keep_with_next = TRUE;
  rung_print_block_set_outline (block, 1, _("Summary of decisions"));
  counts = g_strdup_printf (ngettext ("%u of %u candidate decided; the latest revision of each decision.",
                                      "%u of %u candidates decided; the latest revision of each decision.",
                                      candidates->len),
                            decided, candidates->len);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_SMALL, counts, 3)->keep_with_next = TRUE;

  for (guint i = 0; i < candidates->len; i++)
    {
      block = summary_row (table, info, g_ptr_array_index (candidates, i));
      block->space_before = i == 0 ? 12 : 0;
      g_ptr_array_add (blocks, block);
    }

  return blocks;
}

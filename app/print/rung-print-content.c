/* rung-print-content.c: what the packet and the book both show: lists of
 * details, the confidentiality note, rules and space, and how candidates,
 * levels, dates and outcomes read on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-content"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-citation.h"
#include "rung-decision.h"
#include "rung-ladder.h"
#include "rung-outcome.h"
#include "rung-panel.h"
#include "rung-print-content-private.h"

GPtrArray *
rung_print_blocks_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)rung_print_block_free);
}

/**
 * rung_print_candidate_name:
 *
 * Returns: (transfer none): the name to print for @candidate: their own,
 *   or while blind the alias of the meeting
 */
const char *
rung_print_candidate_name (const RungPrintInfo *info,
                           RungCandidate       *candidate)
{
  const char *name;

  if (!info->blind)
    return rung_candidate_get_name (candidate);

  /* A candidate the document did not know of is named by nobody. */
  name = info->display_names ? g_hash_table_lookup (info->display_names, candidate) : NULL;

  return name ? name : _("A candidate");
}

/**
 * rung_print_candidate_text:
 * @text: (nullable): what someone wrote about @candidate
 *
 * Returns: (transfer full) (nullable): @text, or while blind @text with
 *   the candidate's name, manager and team taken out
 */
char *
rung_print_candidate_text (const RungPrintInfo *info,
                           RungCandidate       *candidate,
                           const char          *text)
{
  if (!info->blind || text == NULL)
    return g_strdup (text);

  return rung_candidate_dup_text_without_name (candidate, text, rung_print_candidate_name (info, candidate));
}

/**
 * rung_print_candidate_manager:
 *
 * Returns: (transfer none) (nullable): @candidate's manager, or %NULL while blind
 */
const char *
rung_print_candidate_manager (const RungPrintInfo *info,
                              RungCandidate       *candidate)
{
  return info->blind ? NULL : rung_candidate_get_manager (candidate);
}

/**
 * rung_print_candidate_team:
 *
 * Returns: (transfer none) (nullable): @candidate's team, or %NULL while blind
 */
const char *
rung_print_candidate_team (const RungPrintInfo *info,
                           RungCandidate       *candidate)
{
  return info->blind ? NULL : rung_candidate_get_team (candidate);
}

/**
 * rung_print_decision_recorder:
 *
 * Who recorded @decision, as the views show it: while blind, a decision
 * recorded by the candidate's manager does not say so, for the manager's
 * name would tell who the candidate is.
 *
 * Returns: (transfer none) (nullable): who recorded @decision, or %NULL
 */
const char *
rung_print_decision_recorder (const RungPrintInfo *info,
                              RungCandidate       *candidate,
                              RungDecision        *decision)
{
  const char *manager = rung_candidate_get_manager (candidate);
  const char *recorder = rung_decision_get_recorded_by (decision);

  if (info->blind && manager != NULL && *manager != '\0' && g_strcmp0 (recorder, manager) == 0)
    return NULL;

  return recorder;
}

/**
 * rung_print_format_citations:
 * @style: (out): how to print it: quietly, or as something missing
 *
 * What @decision cites, as every printout shows it: "Cites: Ledger v2
 * architecture (Responsibilities); Marcus Bell: Impact — Meets", each label
 * as recorded (while blind without the candidate's name, and "(since
 * removed)" after evidence that is gone), or "Cites no evidence".
 *
 * Returns: (transfer full): the text
 */
char *
rung_print_format_citations (const RungPrintInfo *info,
                             RungCandidate       *candidate,
                             RungDecision        *decision,
                             RungPrintStyle      *style)
{
  GListModel *citations = rung_decision_get_citations (decision);
  guint n = g_list_model_get_n_items (citations);
  g_autoptr(GString) list = g_string_new (NULL);

  if (n == 0)
    {
      *style = RUNG_PRINT_STYLE_EMPTY;
      return g_strdup (_("Cites no evidence"));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCitation) citation = g_list_model_get_item (citations, i);
      g_autofree char *label = rung_print_candidate_text (info, candidate, rung_citation_get_label (citation));

      if (list->len > 0)
        /* Translators: between the items of what a decision cites */
        g_string_append (list, _("; "));
      if (rung_citation_is_present (citation, candidate))
        g_string_append (list, label);
      else
        /* Translators: a citation of evidence (or a rating) that was removed
         * after the decision cited it */
        g_string_append_printf (list, _("%s (since removed)"), label);
    }

  *style = RUNG_PRINT_STYLE_SMALL;
  /* Translators: what the decision cites, as in "Cites: Ledger v2 (Impact); …" */
  return g_strdup_printf (_("Cites: %s"), list->str);
}

/**
 * rung_print_format_levels:
 *
 * Returns: (transfer full): "L5 → L6", or "For L6" without a current level
 */
char *
rung_print_format_levels (RungCandidate *candidate)
{
  const char *current = rung_candidate_get_current_level (candidate);
  const char *target = rung_candidate_get_target_level (candidate);

  if (current == NULL || *current == '\0')
    /* Translators: a candidate without a current level, for the level they are reviewed for */
    return g_strdup_printf (_("For %s"), target ? target : "");

  /* Translators: a candidate's current level, then the level they are reviewed for */
  return g_strdup_printf (_("%s → %s"), current, target ? target : "");
}

/**
 * rung_print_format_date:
 * @iso8601: a date ("2026-01-20") or a time ("2026-11-24T09:30:00.123Z")
 *
 * Returns: (transfer full): the date as people read it; a time, in local
 *   time, with the hour; text that is neither, as it is
 */
char *
rung_print_format_date (const char *iso8601)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return g_strdup ("");

  if (strlen (iso8601) == 10)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autofree char *midday = g_strconcat (iso8601, "T12:00:00", NULL);
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (midday, utc);

      /* Translators: a date in g_date_time_format()'s terms */
      return date ? g_date_time_format (date, _("%-d %B %Y")) : g_strdup (iso8601);
    }

  if ((time = g_date_time_new_from_iso8601 (iso8601, NULL)))
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (time);

      /* Translators: a date and time in g_date_time_format()'s terms */
      return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
    }

  return g_strdup (iso8601);
}

/**
 * rung_print_outcome_label:
 *
 * Returns: (transfer none): the ladder's label for @outcome_id, or the id
 */
const char *
rung_print_outcome_label (RungPanel  *panel,
                          const char *outcome_id)
{
  RungOutcome *outcome = rung_ladder_find_outcome (rung_panel_get_ladder (panel), outcome_id);

  return outcome ? rung_outcome_get_label (outcome) : outcome_id;
}

/**
 * rung_print_add_details:
 * @labels: %NULL-terminated
 * @values: as many as @labels; a %NULL or empty value leaves its row out
 *
 * Adds a list of details: a label and a value to a row, without rules.
 */
void
rung_print_add_details (GPtrArray          *blocks,
                        const char * const *labels,
                        const char * const *values)
{
  static const double widths[] = { 1, 3.2 };
  g_autoptr(RungPrintTable) table = rung_print_table_new (2, widths);

  table->rules = FALSE;
  table->padding = 2.5;
  table->gutter = 12;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      GPtrArray *label = rung_print_cell_new ();
      GPtrArray *value = rung_print_cell_new ();

      if (values[i] == NULL || values[i][0] == '\0')
        {
          g_ptr_array_unref (cells);
          g_ptr_array_unref (label);
          g_ptr_array_unref (value);
          continue;
        }

      g_ptr_array_add (label, rung_print_paragraph_new (RUNG_PRINT_STYLE_LABEL, labels[i]));
      ((RungPrintParagraph *)g_ptr_array_index (label, 0))->shared = TRUE;
      g_ptr_array_add (value, rung_print_paragraph_new (RUNG_PRINT_STYLE_BODY, values[i]));
      g_ptr_array_add (cells, label);
      g_ptr_array_add (cells, value);
      g_ptr_array_add (blocks, rung_print_block_new_row (table, cells));
    }
}

/* Adds a note on a tinted ground: @title in bold, then @text. */
void
rung_print_add_note (GPtrArray  *blocks,
                     const char *title,
                     const char *text)
{
  static const double widths[] = { 1 };
  g_autoptr(RungPrintTable) table = rung_print_table_new (1, widths);
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *cell = rung_print_cell_new ();
  RungPrintParagraph *paragraph;
  RungPrintBlock *block;

  table->rules = FALSE;
  table->tinted = TRUE;
  table->padding = 10;

  paragraph = rung_print_paragraph_new (RUNG_PRINT_STYLE_STRONG, title);
  paragraph->keep_with_next = TRUE;
  g_ptr_array_add (cell, paragraph);
  paragraph = rung_print_paragraph_new (RUNG_PRINT_STYLE_QUIET, text);
  paragraph->space_before = 3;
  g_ptr_array_add (cell, paragraph);
  g_ptr_array_add (cells, cell);

  block = rung_print_block_new_row (table, cells);
  block->space_before = 28;
  g_ptr_array_add (blocks, block);
}

static void
draw_rule (cairo_t              *cr,
           const RungPrintFrame *frame,
           double                x,
           double                y,
           double                width,
           gpointer              data)
{
  rung_print_theme_set_ink (cr, RUNG_PRINT_INK);
  cairo_set_line_width (cr, RUNG_PRINT_RULE_STRONG);
  cairo_move_to (cr, x, y + 0.5);
  cairo_line_to (cr, x + MIN (width, 72), y + 0.5);
  cairo_stroke (cr);
}

/* A short strong rule, as under a cover's title. */
void
rung_print_add_rule (GPtrArray *blocks,
                     double     space_before)
{
  RungPrintBlock *block = rung_print_block_new_figure (1, draw_rule, NULL, NULL);

  block->space_before = space_before;
  g_ptr_array_add (blocks, block);
}

static void
draw_nothing (cairo_t              *cr,
              const RungPrintFrame *frame,
              double                x,
              double                y,
              double                width,
              gpointer              data)
{
}

/* Blank space that stays even at the top of a page: a cover's top. */
void
rung_print_add_space (GPtrArray *blocks,
                      double     height)
{
  g_ptr_array_add (blocks, rung_print_block_new_figure (height, draw_nothing, NULL, NULL));
}

/**
 * rung_print_cells_new:
 *
 * Returns: (transfer full): the cells of a table's row, each a #GPtrArray
 *   of #RungPrintParagraph
 */
GPtrArray *
rung_print_cells_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
}

/**
 * rung_print_add_paragraph:
 *
 * Adds a paragraph of @text to @cell, @space_before points below the last.
 *
 * Returns: (transfer none): the paragraph, to set more of
 */
RungPrintParagraph *
rung_print_add_paragraph (GPtrArray      *cell,
                          RungPrintStyle  style,
                          const char     *text,
                          double          space_before)
{
  RungPrintParagraph *paragraph = rung_print_paragraph_new (style, text);

  paragraph->space_before = space_before;
  g_ptr_array_add (cell, paragraph);

  return paragraph;
}

/**
 * rung_print_add_text:
 *
 * Adds a block of @text to @blocks, @space_before points below the last.
 *
 * Returns: (transfer none): the block, to set more of
 */
RungPrintBlock *
rung_print_add_text (GPtrArray      *blocks,
                     RungPrintStyle  style,
                     const char     *text,
                     double          space_before)
{
  RungPrintBlock *block = rung_print_block_new_text (style, text, space_before);

  g_ptr_array_add (blocks, block);

  return block;
}

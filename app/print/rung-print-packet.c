/* rung-print-packet.c: a candidate's packet, as blocks. A cover with who
 * they are and the confidentiality note; for each area of their level, the
 * ladder's expectations beside their evidence; the anti-patterns beside the
 * panel's concerns; the ratings, their comments and the chart of their
 * spread; and the decision with every revision of it.
 *
 * Every text a person wrote goes into a paragraph as it is: the blocks
 * never parse it as markup, and nothing of it is shortened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-packet"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-anti-pattern.h"
#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-concern.h"
#include "rung-decision.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-grade.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-print-content-private.h"
#include "rung-rating.h"

#define SECTION_SPACE    26.0
#define PART_SPACE       16.0

/* A paragraph that every packet repeats: the ladder's text, our own words. */
static RungPrintParagraph *
add_shared (GPtrArray      *cell,
            RungPrintStyle  style,
            const char     *text,
            double          space_before)
{
  RungPrintParagraph *paragraph = rung_print_add_paragraph (cell, style, text, space_before);

  paragraph->shared = TRUE;

  return paragraph;
}

static void
add_title (GPtrArray      *cell,
           RungPrintStyle  style,
           const char     *text,
           double          space_before)
{
  rung_print_add_paragraph (cell, style, text, space_before)->keep_with_next = TRUE;
}

/* A heading of the packet, kept with what follows it, in the outline. */
static void
add_heading (GPtrArray  *blocks,
             const char *title,
             double      space_before)
{
  RungPrintBlock *block = rung_print_add_text (blocks, RUNG_PRINT_STYLE_HEADING, title, space_before);

  rung_print_block_set_shared (block);
  block->keep_with_next = TRUE;
  rung_print_block_set_outline (block, 2, title);
}

static void
add_subheading (GPtrArray  *blocks,
                const char *title)
{
  RungPrintBlock *block = rung_print_add_text (blocks, RUNG_PRINT_STYLE_SUBHEADING, title, PART_SPACE);

  rung_print_block_set_shared (block);
  block->keep_with_next = TRUE;
}

static void
add_intro (GPtrArray  *blocks,
           const char *text)
{
  RungPrintBlock *block = rung_print_add_text (blocks, RUNG_PRINT_STYLE_SMALL, text, 3);

  block->keep_with_next = TRUE;
}

static RungPanelist *
panelist_of (RungPanel *panel,
             gint64     panelist_id)
{
  return rung_panel_find_panelist (panel, panelist_id);
}

static const char *
panelist_name (RungPanel *panel,
               gint64     panelist_id)
{
  RungPanelist *panelist = panelist_of (panel, panelist_id);

  return panelist ? rung_panelist_get_name (panelist) : _("A former panelist");
}

/* The cover */

/* Why the candidate is before the panel without evidence in every area. */
static void
add_coverage_override (GPtrArray           *blocks,
                       const RungPrintInfo *info,
                       RungCandidate       *candidate)
{
  const char *reason = rung_candidate_get_coverage_override (candidate);
  g_autofree char *shown = NULL;
  g_autofree char *uncovered = NULL;
  g_autofree char *text = NULL;

  if (reason == NULL)
    return;

  shown = rung_print_candidate_text (info, candidate, reason);
  uncovered = rung_candidate_dup_uncovered_summary (candidate);
  if (uncovered != NULL)
    text = g_strdup_printf (_("No evidence for %s. Reason: %s"), uncovered, shown);
  else
    text = g_strdup_printf (_("Reason: %s"), shown);

  rung_print_add_space (blocks, 10);
  rung_print_add_note (blocks, _("Moved on without evidence in every area"), text);
}

static void
add_cover (GPtrArray           *blocks,
           const RungPrintInfo *info,
           RungCandidate       *candidate)
{
  RungPanel *panel = info->panel;
  g_autofree char *kicker = rung_print_theme_transform (RUNG_PRINT_STYLE_KICKER, _("Promotion packet"));
  g_autofree char *levels = rung_print_format_levels (candidate);
  g_autofree char *coverage = NULL;
  RungPrintBlock *block;
  const char *summary = rung_candidate_get_summary (candidate);
  guint n_expectations = rung_candidate_get_n_expectations (candidate);
  const char *labels[] = {
    _("Manager"), _("Team"), _("Cycle"), _("Committee"), _("Panel"), _("Status"), _("Evidence"),
    _("Date"), NULL
  };
  const char *values[G_N_ELEMENTS (labels)];

  coverage = g_strdup_printf (ngettext ("%u of %u expectation has evidence",
                                        "%u of %u expectations have evidence", n_expectations),
                              rung_candidate_get_n_covered (candidate), n_expectations);
  values[0] = rung_print_candidate_manager (info, candidate);
  values[1] = rung_print_candidate_team (info, candidate);
  values[2] = rung_panel_get_cycle_name (panel);
  values[3] = rung_panel_get_committee (panel);
  values[4] = rung_panel_get_name (panel);
  values[5] = rung_candidate_status_get_label (rung_candidate_get_status (candidate));
  values[6] = coverage;
  values[7] = info->date;
  values[8] = NULL;

  rung_print_add_space (blocks, 72);
  block = rung_print_add_text (blocks, RUNG_PRINT_STYLE_KICKER, kicker, 0);
  rung_print_block_set_outline (block, 1, rung_print_candidate_name (info, candidate));
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_TITLE, rung_print_candidate_name (info, candidate), 8);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_SUBTITLE, levels, 4);
  rung_print_add_rule (blocks, 18);
  rung_print_add_space (blocks, 14);
  rung_print_add_details (blocks, labels, values);
  add_coverage_override (blocks, info, candidate);

  if (summary != NULL && *summary != '\0')
    {
      g_autofree char *shown = rung_print_candidate_text (info, candidate, summary);

      add_subheading (blocks, _("Summary"));
      rung_print_add_text (blocks, RUNG_PRINT_STYLE_BODY, shown, 4);
    }

  rung_print_add_note (blocks, _("Confidential"), info->confidential);
  g_ptr_array_add (blocks, rung_print_block_new_page_break ());
}

/* The areas: the ladder beside the evidence */

static RungPrintTable *
evidence_table_new (void)
{
  static const double widths[] = { 0.41, 0.59 };
  const char *headings[] = { _("Expectation"), _("Evidence") };
  RungPrintTable *table = rung_print_table_new (2, widths);

  rung_print_table_set_head (table, headings, NULL);
  table->padding = 6;

  return table;
}

static GPtrArray *
expectation_cell (RungExpectation *expectation)
{
  GPtrArray *cell = rung_print_cell_new ();

  add_shared (cell, RUNG_PRINT_STYLE_STRONG, rung_expectation_get_title (expectation), 0)->keep_with_next = TRUE;
  add_shared (cell, RUNG_PRINT_STYLE_QUIET, rung_expectation_get_text (expectation), 2);

  return cell;
}

static char *
evidence_meta (RungEvidence *evidence)
{
  g_autofree char *date = rung_print_format_date (rung_evidence_get_date (evidence));
  const char *link = rung_evidence_get_link (evidence);
  gboolean has_date = date[0] != '\0', has_link = link != NULL && link[0] != '\0';

  if (has_date && has_link)
    /* Translators: an evidence item's date, then its link */
    return g_strdup_printf (_("%s · %s"), date, link);
  if (has_link)
    return g_strdup (link);

  return g_steal_pointer (&date);
}

static GPtrArray *
evidence_cell (const RungPrintInfo *info,
               RungCandidate       *candidate,
               GListModel          *items)
{
  GPtrArray *cell = rung_print_cell_new ();
  guint n = g_list_model_get_n_items (items);

  if (n == 0)
    add_shared (cell, RUNG_PRINT_STYLE_EMPTY, _("No evidence yet"), 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, i);
      g_autofree char *meta = evidence_meta (evidence);
      g_autofree char *title = rung_print_candidate_text (info, candidate, rung_evidence_get_title (evidence));
      g_autofree char *text = rung_print_candidate_text (info, candidate, rung_evidence_get_text (evidence));
      double space = i > 0 ? 9 : 0;

      if (title != NULL && *title != '\0')
        {
          add_title (cell, RUNG_PRINT_STYLE_STRONG, title, space);
          space = 1;
        }
      if (meta[0] != '\0')
        {
          add_title (cell, RUNG_PRINT_STYLE_SMALL, meta, space);
          space = 2;
        }
      if (text != NULL && *text != '\0')
        rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_BODY, text, space);
    }

  return cell;
}

static void
add_area (GPtrArray           *blocks,
          const RungPrintInfo *info,
          RungCandidate       *candidate,
          RungArea            *area)
{
  GListModel *expectations = rung_area_get_expectations (area);
  guint n = g_list_model_get_n_items (expectations);
  g_autoptr(RungPrintTable) table = evidence_table_new ();
  g_autofree char *coverage = NULL;
  const char *note = rung_area_get_note (area);

  coverage = g_strdup_printf (ngettext ("%u of %u expectation has evidence",
                                        "%u of %u expectations have evidence", n),
                              rung_candidate_get_n_covered_in_area (candidate, area), n);
  add_heading (blocks, rung_area_get_title (area), SECTION_SPACE);
  add_intro (blocks, coverage);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, i);
      GListModel *items = rung_candidate_get_evidence (candidate, rung_expectation_get_id (expectation));
      GPtrArray *cells = rung_print_cells_new ();
      RungPrintBlock *row;

      g_ptr_array_add (cells, expectation_cell (expectation));
      g_ptr_array_add (cells, evidence_cell (info, candidate, items));
      row = rung_print_block_new_row (table, cells);
      row->space_before = i == 0 ? 10 : 0;
      g_ptr_array_add (blocks, row);
    }

  if (note != NULL && *note != '\0')
    rung_print_add_text (blocks, RUNG_PRINT_STYLE_QUIET, note, 6);
}

/* Anti-patterns and concerns */

static GPtrArray *
concerns_cell (const RungPrintInfo *info,
               RungCandidate       *candidate,
               RungAntiPattern     *anti_pattern)
{
  GListModel *concerns = rung_candidate_get_concerns (candidate);
  GPtrArray *cell = rung_print_cell_new ();
  guint n = g_list_model_get_n_items (concerns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungConcern) concern = g_list_model_get_item (concerns, i);
      g_autofree char *note = rung_print_candidate_text (info, candidate, rung_concern_get_note (concern));

      if (g_strcmp0 (rung_concern_get_anti_pattern_id (concern), rung_anti_pattern_get_id (anti_pattern)) != 0)
        continue;

      add_title (cell, RUNG_PRINT_STYLE_STRONG, panelist_name (info->panel, rung_concern_get_panelist_id (concern)),
                 cell->len > 0 ? 8 : 0);
      rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_BODY,
                     note && *note ? note : _("Raised a concern without a note."), 1);
    }

  if (cell->len == 0)
    add_shared (cell, RUNG_PRINT_STYLE_EMPTY, _("No concerns raised"), 0);

  return cell;
}

static void
add_anti_patterns (GPtrArray           *blocks,
                   const RungPrintInfo *info,
                   RungCandidate       *candidate,
                   RungLevel           *level)
{
  static const double widths[] = { 0.41, 0.59 };
  const char *headings[] = { _("Anti-pattern"), _("Concerns of the panel") };
  GListModel *anti_patterns = rung_level_get_anti_patterns (level);
  guint n = g_list_model_get_n_items (anti_patterns);
  g_autoptr(RungPrintTable) table = NULL;

  if (n == 0)
    return;

  table = rung_print_table_new (2, widths);
  rung_print_table_set_head (table, headings, NULL);
  table->padding = 6;

  add_heading (blocks, _("Anti-patterns"), SECTION_SPACE);
  add_intro (blocks, _("What the ladder warns against, and the concerns panelists raised."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungAntiPattern) anti_pattern = g_list_model_get_item (anti_patterns, i);
      GPtrArray *cells = rung_print_cells_new ();
      GPtrArray *left = rung_print_cell_new ();
      RungPrintBlock *row;

      add_shared (left, RUNG_PRINT_STYLE_STRONG, rung_anti_pattern_get_title (anti_pattern), 0)->keep_with_next = TRUE;
      add_shared (left, RUNG_PRINT_STYLE_QUIET, rung_anti_pattern_get_text (anti_pattern), 2);
      g_ptr_array_add (cells, left);
      g_ptr_array_add (cells, concerns_cell (info, candidate, anti_pattern));
      row = rung_print_block_new_row (table, cells);
      row->space_before = i == 0 ? 10 : 0;
      g_ptr_array_add (blocks, row);
    }
}

/* Ratings */

static char *
scale_legend (RungLadder *ladder)
{
  GListModel *scale = rung_ladder_get_scale (ladder);
  g_autoptr(GString) legend = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (scale); i++)
    {
      g_autoptr(RungGrade) grade = g_list_model_get_item (scale, i);

      if (i > 0)
        g_string_append (legend, _(", "));
      /* Translators: a grade of the rating scale: its value, then its label */
      g_string_append_printf (legend, _("%d %s"), rung_grade_get_value (grade), rung_grade_get_label (grade));
    }

  /* Translators: the legend under the ratings table; %s lists the grades */
  return g_strdup_printf (_("Scale: %s. “Recused”: a conflict of interest; “–”: not rated."), legend->str);
}

static GPtrArray *
centred_cell (RungPrintStyle  style,
              const char     *text)
{
  GPtrArray *cell = rung_print_cell_new ();

  add_shared (cell, style, text, 0)->alignment = PANGO_ALIGN_CENTER;

  return cell;
}

static void
add_ratings_table (GPtrArray     *blocks,
                   RungPanel     *panel,
                   RungCandidate *candidate,
                   GListModel    *areas)
{
  GListModel *panelists = rung_panel_get_panelists (panel);
  guint n_panelists = g_list_model_get_n_items (panelists);
  g_autofree double *widths = g_new (double, n_panelists + 2);
  g_autofree const char **headings = g_new0 (const char *, n_panelists + 2);
  g_autofree PangoAlignment *alignments = g_new (PangoAlignment, n_panelists + 2);
  g_autoptr(GPtrArray) panelist_refs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RungPrintTable) table = NULL;

  widths[0] = 2.2;
  headings[0] = _("Area");
  alignments[0] = PANGO_ALIGN_LEFT;
  for (guint p = 0; p < n_panelists; p++)
    {
      RungPanelist *panelist = g_list_model_get_item (panelists, p);

      g_ptr_array_add (panelist_refs, panelist);
      widths[p + 1] = 1;
      headings[p + 1] = rung_panelist_get_name (panelist);
      alignments[p + 1] = PANGO_ALIGN_CENTER;
    }
  widths[n_panelists + 1] = 0.9;
  headings[n_panelists + 1] = _("Mean");
  alignments[n_panelists + 1] = PANGO_ALIGN_CENTER;

  table = rung_print_table_new (n_panelists + 2, widths);
  rung_print_table_set_head (table, headings, alignments);
  table->padding = 4;
  table->gutter = 8;

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      GPtrArray *cells = rung_print_cells_new ();
      GPtrArray *name = rung_print_cell_new ();
      RungPrintBlock *row;
      double sum = 0;
      guint count = 0;

      add_shared (name, RUNG_PRINT_STYLE_BODY, rung_area_get_title (area), 0);
      g_ptr_array_add (cells, name);

      for (guint p = 0; p < n_panelists; p++)
        {
          RungPanelist *panelist = g_ptr_array_index (panelist_refs, p);
          RungRating *rating = rung_candidate_find_rating (candidate, panelist, rung_area_get_id (area));

          if (rung_panel_has_conflict (panel, panelist, candidate))
            g_ptr_array_add (cells, centred_cell (RUNG_PRINT_STYLE_EMPTY, _("Recused")));
          else if (rating == NULL)
            g_ptr_array_add (cells, centred_cell (RUNG_PRINT_STYLE_NUMBER, "–"));
          else
            {
              g_autofree char *value = g_strdup_printf ("%d", rung_rating_get_value (rating));

              g_ptr_array_add (cells, centred_cell (RUNG_PRINT_STYLE_NUMBER, value));
              sum += rung_rating_get_value (rating);
              count++;
            }
        }

      if (count > 0)
        {
          g_autofree char *mean = g_strdup_printf ("%.1f", sum / count);

          g_ptr_array_add (cells, centred_cell (RUNG_PRINT_STYLE_STRONG, mean));
        }
      else
        g_ptr_array_add (cells, centred_cell (RUNG_PRINT_STYLE_NUMBER, "–"));

      row = rung_print_block_new_row (table, cells);
      row->space_before = a == 0 ? 10 : 0;
      g_ptr_array_add (blocks, row);
    }
}

static void
add_rating_comments (GPtrArray           *blocks,
                     const RungPrintInfo *info,
                     RungCandidate       *candidate,
                     GListModel          *areas)
{
  RungPanel *panel = info->panel;
  static const double widths[] = { 1.2, 1.2, 3.6 };
  const char *headings[] = { _("Area"), _("Panelist"), _("Comment") };
  GListModel *ratings = rung_candidate_get_ratings (candidate);
  g_autoptr(RungPrintTable) table = rung_print_table_new (3, widths);
  gboolean first = TRUE;

  rung_print_table_set_head (table, headings, NULL);
  table->padding = 5;

  /* In the ladder's order of areas. */
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);

      for (guint r = 0; r < g_list_model_get_n_items (ratings); r++)
        {
          g_autoptr(RungRating) rating = g_list_model_get_item (ratings, r);
          g_autofree char *comment = rung_print_candidate_text (info, candidate, rung_rating_get_comment (rating));
          GPtrArray *cells, *cell;
          RungPrintBlock *row;

          if (comment == NULL || *comment == '\0' ||
              g_strcmp0 (rung_rating_get_area_id (rating), rung_area_get_id (area)) != 0)
            continue;

          if (first)
            add_subheading (blocks, _("Comments"));

          cells = rung_print_cells_new ();
          cell = rung_print_cell_new ();
          rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_BODY, rung_area_get_title (area), 0);
          g_ptr_array_add (cells, cell);
          cell = rung_print_cell_new ();
          rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_BODY, panelist_name (panel, rung_rating_get_panelist_id (rating)), 0);
          g_ptr_array_add (cells, cell);
          cell = rung_print_cell_new ();
          rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_BODY, comment, 0);
          g_ptr_array_add (cells, cell);

          row = rung_print_block_new_row (table, cells);
          row->space_before = first ? 8 : 0;
          g_ptr_array_add (blocks, row);
          first = FALSE;
        }
    }
}

static void
add_ratings (GPtrArray           *blocks,
             const RungPrintInfo *info,
             RungCandidate       *candidate,
             RungLevel           *level)
{
  RungPanel *panel = info->panel;
  GListModel *areas = rung_level_get_areas (level);
  g_autofree char *legend = scale_legend (rung_panel_get_ladder (panel));
  guint n_ratings = g_list_model_get_n_items (rung_candidate_get_ratings (candidate));
  RungPrintBlock *chart;

  add_heading (blocks, _("Ratings"), SECTION_SPACE);

  if (g_list_model_get_n_items (rung_panel_get_panelists (panel)) == 0)
    {
      rung_print_add_text (blocks, RUNG_PRINT_STYLE_EMPTY, _("The panel has no panelists yet."), 6);
      return;
    }

  add_intro (blocks, _("Each panelist’s rating of each area, on the ladder’s scale."));
  add_ratings_table (blocks, panel, candidate, areas);
  rung_print_block_set_shared (rung_print_add_text (blocks, RUNG_PRINT_STYLE_SMALL, legend, 6));
  add_rating_comments (blocks, info, candidate, areas);

  add_subheading (blocks, _("Spread of the ratings"));
  if (n_ratings == 0)
    {
      rung_print_add_text (blocks, RUNG_PRINT_STYLE_EMPTY, _("No ratings yet."), 6);
      return;
    }
  chart = rung_print_chart_new (candidate);
  chart->space_before = 8;
  chart->keep_with_next = TRUE;
  g_ptr_array_add (blocks, chart);
  rung_print_block_set_shared (rung_print_add_text (blocks, RUNG_PRINT_STYLE_SMALL,
                                         _("Each dot is one panelist’s rating; the bar marks the mean."), 4));
}

/* The decision and its history */

static char *
format_votes (RungDecision *decision)
{
  /* Translators: the votes of a decision: for, against, abstaining */
  return g_strdup_printf (_("%d for, %d against, %d abstaining"),
                          rung_decision_get_votes_for (decision),
                          rung_decision_get_votes_against (decision),
                          rung_decision_get_votes_abstain (decision));
}

static char *
format_recorded (const RungPrintInfo *info,
                 RungCandidate       *candidate,
                 RungDecision        *decision)
{
  g_autofree char *when = rung_print_format_date (rung_decision_get_recorded_at (decision));
  const char *recorder = rung_print_decision_recorder (info, candidate, decision);

  if (recorder == NULL)
    /* Translators: when a decision was recorded, during a blind meeting
     * that hides who recorded it */
    return g_strdup_printf (_("Recorded on %s"), when);

  /* Translators: who recorded a decision, and when */
  return g_strdup_printf (_("Recorded by %s on %s"), recorder, when);
}

static void
add_history (GPtrArray           *blocks,
             const RungPrintInfo *info,
             RungCandidate       *candidate,
             GListModel          *decisions)
{
  RungPanel *panel = info->panel;
  static const double widths[] = { 0.55, 1.5, 1.5, 3.2 };
  const char *headings[] = { _("Rev."), _("Recorded"), _("Outcome"), _("Rationale") };
  g_autoptr(RungPrintTable) table = rung_print_table_new (4, widths);
  guint n = g_list_model_get_n_items (decisions);

  rung_print_table_set_head (table, headings, NULL);
  table->padding = 5;
  table->gutter = 10;
  add_subheading (blocks, _("History"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungDecision) decision = g_list_model_get_item (decisions, i);
      g_autofree char *revision = g_strdup_printf ("%d", rung_decision_get_revision (decision));
      g_autofree char *when = rung_print_format_date (rung_decision_get_recorded_at (decision));
      g_autofree char *votes = format_votes (decision);
      g_autofree char *rationale = rung_print_candidate_text (info, candidate, rung_decision_get_rationale (decision));
      g_autofree char *reason = rung_print_candidate_text (info, candidate, rung_decision_get_reason (decision));
      GPtrArray *cells = rung_print_cells_new ();
      GPtrArray *cell;
      RungPrintBlock *row;

      cell = rung_print_cell_new ();
      rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_NUMBER, revision, 0);
      g_ptr_array_add (cells, cell);

      cell = rung_print_cell_new ();
      rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_BODY, when, 0);
      if (rung_print_decision_recorder (info, candidate, decision) != NULL)
        rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SMALL, rung_print_decision_recorder (info, candidate, decision), 1);
      g_ptr_array_add (cells, cell);

      cell = rung_print_cell_new ();
      rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_STRONG,
                     rung_print_outcome_label (panel, rung_decision_get_outcome_id (decision)), 0);
      rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SMALL, votes, 1);
      g_ptr_array_add (cells, cell);

      cell = rung_print_cell_new ();
      rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_BODY, rationale, 0);
      {
        RungPrintStyle style;
        g_autofree char *cites = rung_print_format_citations (info, candidate, decision, &style);

        rung_print_add_paragraph (cell, style, cites, 3);
      }
      if (reason != NULL && *reason != '\0')
        {
          g_autofree char *why = g_strdup_printf (_("Why it changed: %s"), reason);

          rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_QUIET, why, 3);
        }
      g_ptr_array_add (cells, cell);

      row = rung_print_block_new_row (table, cells);
      row->space_before = i == 0 ? 8 : 0;
      g_ptr_array_add (blocks, row);
    }
}

static void
add_decision (GPtrArray           *blocks,
              const RungPrintInfo *info,
              RungCandidate       *candidate)
{
  RungPanel *panel = info->panel;
  GListModel *decisions = rung_candidate_get_decisions (candidate);
  RungDecision *latest = rung_candidate_get_latest_decision (candidate);
  g_autofree char *votes = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *rationale = NULL;
  g_autofree char *cites = NULL;
  RungPrintStyle cites_style;

  add_heading (blocks, _("Decision"), SECTION_SPACE);

  if (latest == NULL)
    {
      rung_print_add_text (blocks, RUNG_PRINT_STYLE_EMPTY, _("No decision recorded yet."), 6);
      return;
    }

  votes = format_votes (latest);
  recorded = format_recorded (info, candidate, latest);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_OUTCOME,
            rung_print_outcome_label (panel, rung_decision_get_outcome_id (latest)), 8)->keep_with_next = TRUE;
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_SMALL, votes, 2)->keep_with_next = TRUE;
  rationale = rung_print_candidate_text (info, candidate, rung_decision_get_rationale (latest));
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_BODY, rationale, 8);
  cites = rung_print_format_citations (info, candidate, latest, &cites_style);
  rung_print_add_text (blocks, cites_style, cites, 5);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_SMALL, recorded, 5);

  add_history (blocks, info, candidate, decisions);
}

/**
 * rung_print_packet_build:
 *
 * Returns: (transfer full): the blocks of @candidate's packet
 */
GPtrArray *
rung_print_packet_build (const RungPrintInfo *info,
                         RungCandidate       *candidate)
{
  GPtrArray *blocks = rung_print_blocks_new ();
  RungLevel *level = rung_candidate_get_level (candidate);

  add_cover (blocks, info, candidate);

  if (level == NULL)
    {
      g_autofree char *missing =
        g_strdup_printf (_("The panel’s ladder has no level “%s”: there are no expectations to show."),
                         rung_candidate_get_target_level (candidate));

      rung_print_add_text (blocks, RUNG_PRINT_STYLE_EMPTY, missing, 0);
    }
  else
    {
      GListModel *areas = rung_level_get_areas (level);

      for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
        {
          g_autoptr(RungArea) area = g_list_model_get_item (areas, a);

          add_area (blocks, info, candidate, area);
        }

      add_anti_patterns (blocks, info, candidate, level);
      add_ratings (blocks, info, candidate, level);
    }

  add_decision (blocks, info, candidate);

  return blocks;
}

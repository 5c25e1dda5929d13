/* rung-print-minutes.c: the minutes of a meeting, as blocks. A head with
 * the meeting's particulars (when it started and ended, how long it took,
 * the time planned for each candidate, blind mode) and who attended; then,
 * in agenda order, each candidate with the panel's decision, its votes and
 * rationale, who was recused and how long the discussion took against the
 * plan; and a summary of the decisions and the time.
 *
 * The minutes are the record of the meeting: a decision shows as it stood
 * when the meeting ended, and a revision recorded afterwards changes
 * nothing here. While a blind meeting is under way (this one, or another
 * after it), candidates go by its aliases and nothing else that would name
 * them (their team) is printed; once it has ended, the minutes name them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-minutes"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-agenda-item.h"
#include "rung-candidate.h"
#include "rung-decision.h"
#include "rung-ladder.h"
#include "rung-meeting.h"
#include "rung-outcome.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-print-content-private.h"

#define SECTION_SPACE    26.0
#define CANDIDATE_SPACE  20.0

typedef struct
{
  const RungPrintInfo *info;
  RungMeeting         *meeting;
  GDateTime           *ended;        /* NULL while the meeting is under way */
  gboolean             anonymous;    /* a blind meeting under way: aliases only */
  GPtrArray           *attendees;    /* RungPanelist, as the meeting recorded them */
  GHashTable          *decided;      /* outcome id → GPtrArray of the names decided so */
  GPtrArray           *undecided;    /* the names of those not decided */
  guint                n_decided;
  guint                n_overrun;
  gint64               seconds_spent;
} Minutes;

static RungPrintBlock *
add_heading (GPtrArray  *blocks,
             const char *title,
             double      space_before)
{
  RungPrintBlock *block = rung_print_add_text (blocks, RUNG_PRINT_STYLE_HEADING, title, space_before);

  block->keep_with_next = TRUE;
  rung_print_block_set_outline (block, 1, title);

  return block;
}

static GDateTime *
parse_time (const char *iso8601)
{
  return iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
}

/* "1 h 05 min", "12 min 30 s", "10 min", "45 s". */
static char *
format_duration (gint64 seconds)
{
  guint h, m, s;

  seconds = MAX (seconds, 0);
  h = (guint)(seconds / 3600);
  m = (guint)(seconds / 60 % 60);
  s = (guint)(seconds % 60);

  if (h > 0)
    /* Translators: a length of time in hours and minutes, as in "1 h 05 min" */
    return g_strdup_printf (_("%u h %02u min"), h, m);
  if (m > 0 && s == 0)
    /* Translators: a length of time in minutes, as in "10 min" */
    return g_strdup_printf (_("%u min"), m);
  if (m > 0)
    /* Translators: a length of time in minutes and seconds, as in "12 min 30 s" */
    return g_strdup_printf (_("%u min %02u s"), m, s);

  /* Translators: a length of time in seconds, as in "45 s" */
  return g_strdup_printf (_("%u s"), s);
}

/* An ended meeting that was blind names its candidates: the minutes are
 * read once the committee may know who it decided on. */
static char *
candidate_name (Minutes       *minutes,
                RungCandidate *candidate)
{
  return g_strdup (rung_print_candidate_name (minutes->info, candidate));
}

/* Whether @decision was recorded after the meeting ended. */
static gboolean
recorded_after_end (Minutes      *minutes,
                    RungDecision *decision)
{
  g_autoptr(GDateTime) recorded = NULL;

  if (minutes->ended == NULL)
    return FALSE;

  if (!(recorded = parse_time (rung_decision_get_recorded_at (decision))))
    return g_strcmp0 (rung_decision_get_recorded_at (decision), rung_meeting_get_ended_at (minutes->meeting)) > 0;

  return g_date_time_compare (recorded, minutes->ended) > 0;
}

/* The decision on @candidate as it stood when the meeting ended. */
static RungDecision *
decision_at_end (Minutes       *minutes,
                 RungCandidate *candidate)
{
  GListModel *decisions = rung_candidate_get_decisions (candidate);

  for (guint i = g_list_model_get_n_items (decisions); i > 0; i--)
    {
      g_autoptr(RungDecision) decision = g_list_model_get_item (decisions, i - 1);

      if (!recorded_after_end (minutes, decision))
        return g_steal_pointer (&decision);
    }

  return NULL;
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (joined, _(", "));
      g_string_append (joined, g_ptr_array_index (names, i));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static char *
attendee_names (Minutes *minutes)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < minutes->attendees->len; i++)
    g_ptr_array_add (names, (gpointer)rung_panelist_get_name (g_ptr_array_index (minutes->attendees, i)));

  return join_names (names);
}

/* The attendees who have a conflict of interest with @candidate. */
static char *
recused_names (Minutes       *minutes,
               RungCandidate *candidate)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < minutes->attendees->len; i++)
    {
      RungPanelist *attendee = g_ptr_array_index (minutes->attendees, i);

      if (rung_panel_has_conflict (minutes->info->panel, attendee, candidate))
        g_ptr_array_add (names, (gpointer)rung_panelist_get_name (attendee));
    }

  return names->len > 0 ? join_names (names) : NULL;
}

/* A list of details, as on a cover, whose values may be several paragraphs. */
static RungPrintTable *
details_table_new (void)
{
  static const double widths[] = { 1, 3.2 };
  RungPrintTable *table = rung_print_table_new (2, widths);

  table->rules = FALSE;
  table->padding = 2.5;
  table->gutter = 12;

  return table;
}

static RungPrintBlock *
add_detail (GPtrArray      *blocks,
            RungPrintTable *table,
            const char     *label,
            RungPrintStyle  style,
            const char     *value)
{
  GPtrArray *cells = rung_print_cells_new ();
  GPtrArray *label_cell = rung_print_cell_new ();
  GPtrArray *value_cell = rung_print_cell_new ();
  RungPrintBlock *row;

  rung_print_add_paragraph (label_cell, RUNG_PRINT_STYLE_LABEL, label, 0)->shared = TRUE;
  rung_print_add_paragraph (value_cell, style, value, 0);
  g_ptr_array_add (cells, label_cell);
  g_ptr_array_add (cells, value_cell);
  row = rung_print_block_new_row (table, cells);
  g_ptr_array_add (blocks, row);

  return row;
}

/* The cell of a detail's value, to add paragraphs under it. */
static GPtrArray *
value_of (RungPrintBlock *detail)
{
  return g_ptr_array_index (detail->cells, 1);
}

/* The head: what the meeting was, and who was there */

static void
add_head (GPtrArray *blocks,
          Minutes   *minutes)
{
  RungMeeting *meeting = minutes->meeting;
  RungPanel *panel = minutes->info->panel;
  g_autoptr(RungPrintTable) table = details_table_new ();
  g_autofree char *kicker = NULL;
  g_autofree char *started = rung_print_format_date (rung_meeting_get_started_at (meeting));
  g_autofree char *ended = NULL;
  g_autofree char *length = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *attendees = attendee_names (minutes);
  g_autofree char *count = NULL;
  const char *committee = rung_panel_get_committee (panel);
  const char *cycle = rung_panel_get_cycle_name (panel);
  guint per_candidate = rung_meeting_get_minutes_per_candidate (meeting);
  GPtrArray *cell;

  kicker = rung_print_theme_transform (RUNG_PRINT_STYLE_KICKER,
                                       minutes->ended ? _("Minutes of the meeting")
                                                      : _("Draft minutes of a meeting under way"));
  rung_print_add_space (blocks, 40);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_KICKER, kicker, 0);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_TITLE, rung_meeting_get_title (meeting), 8);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_SUBTITLE, rung_panel_get_name (panel), 4);
  rung_print_add_rule (blocks, 18);
  rung_print_add_space (blocks, 14);

  if (committee != NULL && *committee != '\0')
    add_detail (blocks, table, _("Committee"), RUNG_PRINT_STYLE_BODY, committee);
  if (cycle != NULL && *cycle != '\0')
    add_detail (blocks, table, _("Cycle"), RUNG_PRINT_STYLE_BODY, cycle);
  add_detail (blocks, table, _("Started"), RUNG_PRINT_STYLE_BODY, started);

  if (minutes->ended != NULL)
    {
      g_autoptr(GDateTime) start = parse_time (rung_meeting_get_started_at (meeting));

      ended = rung_print_format_date (rung_meeting_get_ended_at (meeting));
      add_detail (blocks, table, _("Ended"), RUNG_PRINT_STYLE_BODY, ended);
      if (start != NULL)
        {
          length = format_duration (g_date_time_difference (minutes->ended, start) / G_TIME_SPAN_SECOND);
          add_detail (blocks, table, _("Length"), RUNG_PRINT_STYLE_BODY, length);
        }
    }
  else
    add_detail (blocks, table, _("Ended"), RUNG_PRINT_STYLE_EMPTY,
                _("Not yet: the meeting is under way, and these minutes are a draft."));

  planned = g_strdup_printf (ngettext ("%u minute for each candidate", "%u minutes for each candidate",
                                       per_candidate),
                             per_candidate);
  add_detail (blocks, table, _("Planned"), RUNG_PRINT_STYLE_BODY, planned);

  if (rung_meeting_is_open (meeting) && rung_meeting_get_blind (meeting))
    add_detail (blocks, table, _("Blind"), RUNG_PRINT_STYLE_BODY,
                _("Yes: candidates go by “Candidate A”, “Candidate B”, … and are named once the meeting ends."));
  else
    {
      cell = value_of (add_detail (blocks, table, _("Blind"), RUNG_PRINT_STYLE_BODY,
                                   rung_meeting_get_blind (meeting)
                                     ? _("Yes: the panel saw “Candidate A”, “Candidate B”, … in place of names.")
                                     : _("No: the panel saw the candidates’ names.")));
      if (minutes->anonymous)
        rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SMALL,
                       _("A blind meeting is under way: these minutes give its letters in place of names."), 1);
    }

  if (minutes->attendees->len == 0)
    add_detail (blocks, table, _("Attendees"), RUNG_PRINT_STYLE_EMPTY, _("None recorded"));
  else
    {
      cell = value_of (add_detail (blocks, table, _("Attendees"), RUNG_PRINT_STYLE_BODY, attendees));
      count = g_strdup_printf (ngettext ("%u panelist", "%u panelists", minutes->attendees->len),
                               minutes->attendees->len);
      rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SMALL, count, 1);
    }

  add_detail (blocks, table, _("Printed"), RUNG_PRINT_STYLE_BODY, minutes->info->date);
}

/* One candidate of the agenda */

static RungPrintBlock *
candidate_title (Minutes        *minutes,
                 RungAgendaItem *item,
                 const char     *name,
                 const char     *outcome,
                 gboolean        decided)
{
  static const double widths[] = { 0.6, 7.2, 3.2 };
  g_autoptr(RungPrintTable) table = rung_print_table_new (3, widths);
  RungCandidate *candidate = rung_agenda_item_get_candidate (item);
  g_autofree char *number = g_strdup_printf ("%u", rung_agenda_item_get_position (item) + 1);
  g_autofree char *levels = rung_print_format_levels (candidate);
  g_autofree char *meta = NULL;
  const char *team = rung_print_candidate_team (minutes->info, candidate);
  GPtrArray *cells = rung_print_cells_new ();
  GPtrArray *cell;
  RungPrintBlock *row;

  table->padding = 4;
  table->gutter = 6;

  if (team != NULL && *team != '\0')
    /* Translators: under a candidate's name in the minutes: their levels and team */
    meta = g_strdup_printf (_("%s · %s"), levels, team);
  else
    meta = g_steal_pointer (&levels);

  cell = rung_print_cell_new ();
  rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SUBHEADING, number, 0);
  g_ptr_array_add (cells, cell);

  cell = rung_print_cell_new ();
  rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SUBHEADING, name, 0)->keep_with_next = TRUE;
  rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SMALL, meta, 2);
  g_ptr_array_add (cells, cell);

  cell = rung_print_cell_new ();
  rung_print_add_paragraph (cell, decided ? RUNG_PRINT_STYLE_SUBHEADING : RUNG_PRINT_STYLE_EMPTY, outcome, 0)->alignment =
    PANGO_ALIGN_RIGHT;
  g_ptr_array_add (cells, cell);

  row = rung_print_block_new_row (table, cells);
  row->keep_with_next = TRUE;
  row->space_before = CANDIDATE_SPACE;
  rung_print_block_set_outline (row, 1, name);

  return row;
}

static void
add_time (GPtrArray      *blocks,
          RungPrintTable *table,
          Minutes        *minutes,
          RungAgendaItem *item)
{
  gint64 spent = rung_agenda_item_get_seconds_spent (item);
  gint64 plan = (gint64)rung_meeting_get_minutes_per_candidate (minutes->meeting) * 60;
  g_autofree char *spent_text = format_duration (spent);
  g_autofree char *plan_text = format_duration (plan);
  g_autofree char *value = NULL;
  GPtrArray *cell;

  minutes->seconds_spent += spent;

  if (spent == 0)
    {
      add_detail (blocks, table, _("Discussion"), RUNG_PRINT_STYLE_EMPTY, _("Not timed"));
      return;
    }

  /* Translators: how long a discussion took, then how long was planned for it */
  value = g_strdup_printf (_("%s of %s planned"), spent_text, plan_text);
  cell = value_of (add_detail (blocks, table, _("Discussion"), RUNG_PRINT_STYLE_BODY, value));

  if (spent > plan)
    {
      g_autofree char *over_text = format_duration (spent - plan);
      /* Translators: a discussion took longer than planned, by this much */
      g_autofree char *over = g_strdup_printf (_("Overran by %s"), over_text);

      rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_STRONG, over, 1);
      minutes->n_overrun++;
    }
}

static void
count_outcome (Minutes    *minutes,
               const char *outcome_id,
               const char *name)
{
  GPtrArray *names = g_hash_table_lookup (minutes->decided, outcome_id);

  if (names == NULL)
    {
      names = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (minutes->decided, g_strdup (outcome_id), names);
    }

  g_ptr_array_add (names, g_strdup (name));
  minutes->n_decided++;
}

static void
add_candidate (GPtrArray      *blocks,
               Minutes        *minutes,
               RungAgendaItem *item)
{
  RungPanel *panel = minutes->info->panel;
  RungCandidate *candidate = rung_agenda_item_get_candidate (item);
  gboolean decided = rung_agenda_item_get_state (item) == RUNG_AGENDA_STATE_DECIDED;
  g_autoptr(RungDecision) decision = decision_at_end (minutes, candidate);
  g_autoptr(RungPrintTable) table = details_table_new ();
  g_autofree char *name = candidate_name (minutes, candidate);
  g_autofree char *recused = recused_names (minutes, candidate);
  const char *outcome;
  RungPrintBlock *first;
  guint first_index;

  if (decided && decision != NULL)
    outcome = rung_print_outcome_label (panel, rung_decision_get_outcome_id (decision));
  else
    outcome = _("Not decided");

  g_ptr_array_add (blocks, candidate_title (minutes, item, name, outcome, decided && decision != NULL));
  first_index = blocks->len;

  if (decided && decision != NULL)
    {
      /* Translators: the votes of a decision: for, against, abstaining */
      g_autofree char *votes = g_strdup_printf (_("%d for, %d against, %d abstaining"),
                                                rung_decision_get_votes_for (decision),
                                                rung_decision_get_votes_against (decision),
                                                rung_decision_get_votes_abstain (decision));
      g_autofree char *when = rung_print_format_date (rung_decision_get_recorded_at (decision));
      const char *recorder = rung_print_decision_recorder (minutes->info, candidate, decision);
      g_autofree char *recorded = NULL;
      const char *rationale = rung_decision_get_rationale (decision);
      const char *reason = rung_decision_get_reason (decision);
      GPtrArray *cell;

      if (recorder != NULL)
        /* Translators: who recorded a decision, and when */
        recorded = g_strdup_printf (_("Recorded by %s on %s"), recorder, when);
      else
        /* Translators: when a decision was recorded, during a blind meeting
         * that hides who recorded it */
        recorded = g_strdup_printf (_("Recorded on %s"), when);

      count_outcome (minutes, rung_decision_get_outcome_id (decision), name);
      add_detail (blocks, table, _("Votes"), RUNG_PRINT_STYLE_BODY, votes);
      add_detail (blocks, table, _("Recused"), recused ? RUNG_PRINT_STYLE_BODY : RUNG_PRINT_STYLE_EMPTY,
                  recused ? recused : _("Nobody"));
      add_time (blocks, table, minutes, item);
      add_detail (blocks, table, _("Rationale"),
                  rationale && *rationale ? RUNG_PRINT_STYLE_BODY : RUNG_PRINT_STYLE_EMPTY,
                  rationale && *rationale ? rationale : _("No rationale recorded."));
      {
        RungPrintStyle style;
        g_autofree char *cites = rung_print_format_citations (minutes->info, candidate, decision, &style);

        /* Translators: the label of what a decision cites, in the minutes */
        add_detail (blocks, table, _("Evidence"), style == RUNG_PRINT_STYLE_EMPTY ? style : RUNG_PRINT_STYLE_BODY, cites);
      }

      cell = value_of (add_detail (blocks, table, _("Recorded"), RUNG_PRINT_STYLE_SMALL, recorded));
      if (rung_decision_get_revision (decision) > 1)
        {
          g_autofree char *revision = NULL;

          if (reason != NULL && *reason != '\0')
            /* Translators: a decision's revision number, then why it changed */
            revision = g_strdup_printf (_("Revision %d, because: %s"), rung_decision_get_revision (decision), reason);
          else
            revision = g_strdup_printf (_("Revision %d"), rung_decision_get_revision (decision));
          rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_SMALL, revision, 1);
        }
    }
  else
    {
      g_ptr_array_add (minutes->undecided, g_strdup (name));
      add_detail (blocks, table, _("Recused"), recused ? RUNG_PRINT_STYLE_BODY : RUNG_PRINT_STYLE_EMPTY,
                  recused ? recused : _("Nobody"));
      add_time (blocks, table, minutes, item);

      if (decided)
        add_detail (blocks, table, _("Decision"), RUNG_PRINT_STYLE_EMPTY,
                    _("Marked decided, but no decision was recorded."));
      else if (decision != NULL)
        {
          g_autofree char *when = rung_print_format_date (rung_decision_get_recorded_at (decision));
          /* Translators: a candidate not decided in the meeting: the outcome
           * of their earlier decision, and when it was recorded */
          g_autofree char *earlier = g_strdup_printf (_("%s, recorded on %s, before the meeting"),
                                                      rung_print_outcome_label (panel,
                                                                                rung_decision_get_outcome_id (decision)),
                                                      when);

          add_detail (blocks, table, _("Earlier decision"), RUNG_PRINT_STYLE_QUIET, earlier);
        }
    }

  first = g_ptr_array_index (blocks, first_index);
  first->space_before = 6;
}

/* The summary: decisions by outcome, and the time */

static RungPrintBlock *
outcome_row (RungPrintTable *table,
             const char     *label,
             RungPrintStyle  style,
             GPtrArray      *names)
{
  g_autofree char *number = g_strdup_printf ("%u", names ? names->len : 0);
  g_autofree char *who = names && names->len > 0 ? join_names (names) : NULL;
  GPtrArray *cells = rung_print_cells_new ();
  GPtrArray *cell;

  cell = rung_print_cell_new ();
  rung_print_add_paragraph (cell, style, label, 0);
  g_ptr_array_add (cells, cell);
  cell = rung_print_cell_new ();
  rung_print_add_paragraph (cell, RUNG_PRINT_STYLE_NUMBER, number, 0)->alignment = PANGO_ALIGN_RIGHT;
  g_ptr_array_add (cells, cell);
  cell = rung_print_cell_new ();
  rung_print_add_paragraph (cell, who ? RUNG_PRINT_STYLE_BODY : RUNG_PRINT_STYLE_EMPTY, who ? who : "–", 0);
  g_ptr_array_add (cells, cell);

  return rung_print_block_new_row (table, cells);
}

static void
add_summary (GPtrArray *blocks,
             Minutes   *minutes,
             guint      n_candidates)
{
  static const double widths[] = { 1.5, 0.9, 4.2 };
  const char *headings[] = { _("Outcome"), _("Candidates"), _("Who") };
  const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT };
  RungPanel *panel = minutes->info->panel;
  GListModel *outcomes = rung_ladder_get_outcomes (rung_panel_get_ladder (panel));
  g_autoptr(RungPrintTable) table = rung_print_table_new (3, widths);
  g_autoptr(RungPrintTable) times = details_table_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *decided = NULL;
  g_autofree char *spent = format_duration (minutes->seconds_spent);
  g_autofree char *plan = format_duration ((gint64)rung_meeting_get_minutes_per_candidate (minutes->meeting) *
                                           60 * n_candidates);
  g_autofree char *discussion = NULL;
  g_autofree char *overruns = NULL;
  GHashTableIter iter;
  gpointer key, value;
  RungPrintBlock *block;

  rung_print_table_set_head (table, headings, alignments);
  table->padding = 4;
  table->gutter = 12;

  add_heading (blocks, _("Summary"), SECTION_SPACE + 8);
  decided = g_strdup_printf (ngettext ("%u of %u candidate decided in the meeting.",
                                       "%u of %u candidates decided in the meeting.", n_candidates),
                             minutes->n_decided, n_candidates);
  rung_print_add_text (blocks, RUNG_PRINT_STYLE_SMALL, decided, 3)->keep_with_next = TRUE;

  /* The ladder's outcomes in its order, then any it no longer declares. */
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(RungOutcome) outcome = g_list_model_get_item (outcomes, i);
      const char *id = rung_outcome_get_id (outcome);

      g_ptr_array_add (rows, outcome_row (table, rung_outcome_get_label (outcome), RUNG_PRINT_STYLE_STRONG,
                                          g_hash_table_lookup (minutes->decided, id)));
      g_hash_table_add (listed, (gpointer)id);
    }

  g_hash_table_iter_init (&iter, minutes->decided);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      g_ptr_array_add (rows, outcome_row (table, key, RUNG_PRINT_STYLE_STRONG, value));

  g_ptr_array_add (rows, outcome_row (table, _("Not decided"), RUNG_PRINT_STYLE_EMPTY, minutes->undecided));

  ((RungPrintBlock *)g_ptr_array_index (rows, 0))->space_before = 10;
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (blocks, g_ptr_array_index (rows, i));

  rung_print_add_text (blocks, RUNG_PRINT_STYLE_SUBHEADING, _("Time"), 18)->keep_with_next = TRUE;

  /* Translators: the time the meeting spent on its candidates, then the time planned for them */
  discussion = g_strdup_printf (_("%s of %s planned"), spent, plan);
  block = add_detail (blocks, times, _("Discussions"), RUNG_PRINT_STYLE_BODY, discussion);
  block->space_before = 6;
  /* The few lines of the time stay together. */
  block->keep_with_next = TRUE;
  overruns = g_strdup_printf (ngettext ("%u discussion took longer than planned",
                                        "%u discussions took longer than planned", minutes->n_overrun),
                              minutes->n_overrun);
  block = add_detail (blocks, times, _("Overruns"), RUNG_PRINT_STYLE_BODY, overruns);

  if (minutes->ended != NULL)
    {
      g_autoptr(GDateTime) start = parse_time (rung_meeting_get_started_at (minutes->meeting));

      if (start != NULL)
        {
          g_autofree char *length =
            format_duration (g_date_time_difference (minutes->ended, start) / G_TIME_SPAN_SECOND);

          block->keep_with_next = TRUE;
          add_detail (blocks, times, _("Meeting"), RUNG_PRINT_STYLE_BODY, length);
        }
    }
}

/**
 * rung_print_minutes_build:
 *
 * Returns: (transfer full): the blocks of @meeting's minutes
 */
GPtrArray *
rung_print_minutes_build (const RungPrintInfo *info,
                          RungMeeting         *meeting)
{
  GPtrArray *blocks = rung_print_blocks_new ();
  GListModel *agenda = rung_meeting_get_agenda (meeting);
  GListModel *attendees = rung_meeting_get_attendees (meeting);
  guint n = g_list_model_get_n_items (agenda);
  g_autoptr(GPtrArray) attendee_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) decided = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) undecided = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) ended = parse_time (rung_meeting_get_ended_at (meeting));
  g_autofree char *intro = NULL;
  Minutes minutes = {
    .info = info,
    .meeting = meeting,
    .ended = ended,
    .anonymous = info->blind,
    .attendees = attendee_list,
    .decided = decided,
    .undecided = undecided,
  };

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    g_ptr_array_add (attendee_list, g_list_model_get_item (attendees, i));

  add_head (blocks, &minutes);

  add_heading (blocks, _("Candidates"), SECTION_SPACE + 8);
  if (n == 0)
    rung_print_add_text (blocks, RUNG_PRINT_STYLE_EMPTY, _("The agenda had no candidates."), 6);
  else
    {
      if (minutes.ended != NULL)
        intro = g_strdup (_("In the order of the agenda. Each decision is shown as it stood when the meeting "
                            "ended; a later revision is in the candidate’s packet."));
      else
        intro = g_strdup (_("In the order of the agenda. Each decision is shown as it stands now."));
      rung_print_add_text (blocks, RUNG_PRINT_STYLE_SMALL, intro, 3)->keep_with_next = TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungAgendaItem) item = g_list_model_get_item (agenda, i);

      add_candidate (blocks, &minutes, item);
    }

  add_summary (blocks, &minutes, n);
  rung_print_add_note (blocks, _("Confidential"), info->confidential);

  return blocks;
}

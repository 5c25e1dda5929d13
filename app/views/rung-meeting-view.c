/* rung-meeting-view.c: meeting mode. The agenda at the side, and the
 * candidate under discussion in type large enough to read from across the
 * room: their name (the alias in a blind meeting), levels, summary, the
 * evidence beside the ladder's expectations one area at a time, the spread
 * of the panel's ratings, the concerns raised and who is recused, the
 * discussion's timer, and the decision.
 *
 * Everything is at the keyboard: Page Up and Page Down step through the
 * areas, Ctrl+Page Up and Ctrl+Page Down go from candidate to candidate,
 * Ctrl+D records a decision (and moves on to the next candidate), Space
 * pauses the timer, F9 shows or hides the agenda, Ctrl+Shift+D puts the
 * waiting candidates in order of disagreement (with a toast to undo it).
 *
 * The type scales with the view's width (the scale-* classes in style.css),
 * so the same screen reads on a laptop and on a projector.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-meeting-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rung-agenda-item.h"
#include "rung-agenda-list.h"
#include "rung-anti-pattern.h"
#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-concern.h"
#include "rung-citation.h"
#include "rung-decision.h"
#include "rung-decision-dialog.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-meeting.h"
#include "rung-meeting-timer.h"
#include "rung-meeting-view.h"
#include "rung-outcome.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-spread-chart.h"
#include "rung-status-icon.h"

struct _RungMeetingView
{
  GtkWidget         parent_instance;

  RungMeeting      *meeting;
  RungAgendaItem   *current;
  GSignalGroup     *candidate_signals;
  guint             area_index;
  guint             scale;

  GtkRevealer      *header_revealer;
  AdwWindowTitle   *window_title;
  AdwFlap          *flap;
  RungAgendaList   *agenda_list;
  GtkStack         *stack;
  AdwStatusPage    *idle_page;
  AdwStatusPage    *done_page;
  GtkWidget        *presentation;
  GtkLabel         *name_label;
  GtkLabel         *details_label;
  GtkBox           *timer_box;
  RungMeetingTimer *timer;
  GtkScrolledWindow *evidence_scroller;
  GtkLabel         *summary_label;
  GtkLabel         *area_label;
  GtkBox           *area_box;
  RungSpreadChart  *spread_chart;
  GtkBox           *concerns_box;
  GtkLabel         *recused_label;
  GtkLabel         *decision_label;
  GtkLabel         *citations_label;
};

G_DEFINE_FINAL_TYPE (RungMeetingView, rung_meeting_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_HEADER_VISIBLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The widths at which the type grows a step: a laptop, a desktop, a 1080p
 * projector, a large screen, a 4K screen. */
static const int scale_widths[] = { 0, 1300, 1700, 2200, 3000 };

GtkWidget *
rung_meeting_view_new (void)
{
  return g_object_new (RUNG_TYPE_MEETING_VIEW, NULL);
}

static RungCandidate *
current_candidate (RungMeetingView *self)
{
  return self->current ? rung_agenda_item_get_candidate (self->current) : NULL;
}

static RungLevel *
current_level (RungMeetingView *self)
{
  RungCandidate *candidate = current_candidate (self);

  return candidate ? rung_candidate_get_level (candidate) : NULL;
}

static void
show_toast (RungMeetingView *self,
            const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);   /* a toast's title is markup */
  AdwToast *toast = adw_toast_new (escaped);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
on_agenda_failed (RungMeetingView *self,
                  const char      *message)
{
  show_toast (self, message);
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f, "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* What someone wrote about the candidate, with their name hidden while the
 * meeting is blind. */
static GtkWidget *
candidate_text_label (RungCandidate *candidate,
                      const char    *text,
                      const char    *css_class)
{
  g_autofree char *shown = rung_candidate_dup_blind_text (candidate, text);

  return text_label (shown, css_class);
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* The evidence for one expectation, or a plain "No evidence". */
static GtkWidget *
evidence_column (RungCandidate   *candidate,
                 RungExpectation *expectation)
{
  GListModel *items = rung_candidate_get_evidence (candidate, rung_expectation_get_id (expectation));
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  guint n = items ? g_list_model_get_n_items (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, i);
      const char *title = rung_evidence_get_title (evidence);

      if (title != NULL && title[0] != '\0')
        gtk_box_append (GTK_BOX (column), candidate_text_label (candidate, title, "meeting-evidence-title"));
      gtk_box_append (GTK_BOX (column),
                      candidate_text_label (candidate, rung_evidence_get_text (evidence), "meeting-text"));
    }

  if (n == 0)
    gtk_box_append (GTK_BOX (column), text_label (_("No evidence"), "meeting-missing"));

  return column;
}

/* One expectation of the ladder, with the candidate's evidence beside it. */
static GtkWidget *
expectation_row (RungCandidate   *candidate,
                 RungExpectation *expectation)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *ladder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *evidence = evidence_column (candidate, expectation);
  g_autofree char *accessible = NULL;

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_box_append (GTK_BOX (ladder), text_label (rung_expectation_get_title (expectation), "meeting-expectation"));
  gtk_box_append (GTK_BOX (ladder), text_label (rung_expectation_get_text (expectation), "meeting-ladder-text"));
  gtk_widget_set_valign (ladder, GTK_ALIGN_START);
  gtk_widget_set_valign (evidence, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), ladder);
  gtk_box_append (GTK_BOX (row), evidence);

  gtk_accessible_update_property (GTK_ACCESSIBLE (ladder), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rung_expectation_get_title (expectation), -1);
  /* Translators: the evidence beside an expectation, for a screen reader */
  accessible = g_strdup_printf (_("Evidence for %s"), rung_expectation_get_title (expectation));
  gtk_accessible_update_property (GTK_ACCESSIBLE (evidence), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return row;
}

static void
show_area (RungMeetingView *self)
{
  RungCandidate *candidate = current_candidate (self);
  RungLevel *level = current_level (self);
  GListModel *areas = level ? rung_level_get_areas (level) : NULL;
  guint n_areas = areas ? g_list_model_get_n_items (areas) : 0;
  g_autoptr(RungArea) area = NULL;
  g_autofree char *heading = NULL;
  GListModel *expectations;
  guint n;

  remove_children (self->area_box);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.previous-area", self->area_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.next-area", self->area_index + 1 < n_areas);

  if (candidate == NULL || n_areas == 0)
    {
      gtk_label_set_text (self->area_label, "");
      return;
    }

  self->area_index = MIN (self->area_index, n_areas - 1);
  area = g_list_model_get_item (areas, self->area_index);

  /* Translators: the area on screen, as in "Impact · 2 of 8" */
  heading = g_strdup_printf (_("%s · %u of %u"), rung_area_get_title (area), self->area_index + 1, n_areas);
  gtk_label_set_text (self->area_label, heading);

  expectations = rung_area_get_expectations (area);
  n = g_list_model_get_n_items (expectations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, i);

      gtk_box_append (self->area_box, expectation_row (candidate, expectation));
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->evidence_scroller), 0);
}

static void
show_concerns (RungMeetingView *self)
{
  RungCandidate *candidate = current_candidate (self);
  RungPanel *panel = candidate ? rung_candidate_get_panel (candidate) : NULL;
  RungLevel *level = current_level (self);
  GListModel *concerns;
  guint n;

  remove_children (self->concerns_box);
  if (candidate == NULL || panel == NULL)
    return;

  concerns = rung_candidate_get_concerns (candidate);
  n = g_list_model_get_n_items (concerns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungConcern) concern = g_list_model_get_item (concerns, i);
      RungPanelist *panelist = rung_panel_find_panelist (panel, rung_concern_get_panelist_id (concern));
      RungAntiPattern *pattern = NULL;
      const char *note = rung_concern_get_note (concern);
      g_autofree char *heading = NULL;
      GListModel *patterns = level ? rung_level_get_anti_patterns (level) : NULL;

      for (guint j = 0; patterns && j < g_list_model_get_n_items (patterns) && pattern == NULL; j++)
        {
          g_autoptr(RungAntiPattern) candidate_pattern = g_list_model_get_item (patterns, j);

          if (g_strcmp0 (rung_anti_pattern_get_id (candidate_pattern), rung_concern_get_anti_pattern_id (concern)) == 0)
            pattern = candidate_pattern;
        }

      /* Translators: a concern: the anti-pattern, and who raised it */
      heading = g_strdup_printf (_("%s, raised by %s"),
                                 pattern ? rung_anti_pattern_get_title (pattern) : rung_concern_get_anti_pattern_id (concern),
                                 panelist ? rung_panelist_get_name (panelist) : _("a former panelist"));
      gtk_box_append (self->concerns_box, text_label (heading, "meeting-evidence-title"));
      if (note != NULL && note[0] != '\0')
        gtk_box_append (self->concerns_box, candidate_text_label (candidate, note, "meeting-text"));
    }

  if (n == 0)
    gtk_box_append (self->concerns_box, text_label (_("None raised"), "meeting-missing"));
}

static void
show_recused (RungMeetingView *self)
{
  RungCandidate *candidate = current_candidate (self);
  RungPanel *panel = candidate ? rung_candidate_get_panel (candidate) : NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  GListModel *panelists;
  guint n;

  if (panel == NULL)
    return;

  panelists = rung_panel_get_panelists (panel);
  n = g_list_model_get_n_items (panelists);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, i);

      if (!rung_panel_has_conflict (panel, panelist, candidate))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, rung_panelist_get_name (panelist));
    }

  gtk_label_set_text (self->recused_label, names->len > 0 ? names->str : _("No one"));
}

static const char *
outcome_label (RungPanel  *panel,
               const char *outcome_id)
{
  RungOutcome *outcome = rung_ladder_find_outcome (rung_panel_get_ladder (panel), outcome_id);

  return outcome ? rung_outcome_get_label (outcome) : outcome_id;
}

/* "Cites: A; B", or a warning that the decision cites nothing; the whole
 * list in the tooltip, as the line may be cut short. */
static void
show_citations (RungMeetingView *self,
                RungCandidate   *candidate,
                RungDecision    *decision)
{
  GListModel *citations = rung_decision_get_citations (decision);
  guint n = g_list_model_get_n_items (citations);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->citations_label), TRUE);
  if (n == 0)
    {
      gtk_label_set_text (self->citations_label, _("Cites no evidence"));
      gtk_widget_add_css_class (GTK_WIDGET (self->citations_label), "warning");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->citations_label), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->citations_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("The rationale of this decision cites no evidence item or rating."), -1);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCitation) citation = g_list_model_get_item (citations, i);
      g_autofree char *label = rung_citation_dup_display_label (citation, candidate);

      if (list->len > 0)
        /* Translators: between the items of what a decision cites */
        g_string_append (list, _("; "));
      g_string_append (list, label);
    }

  /* Translators: what the decision cites, as in "Cites: Ledger v2 (Impact); …" */
  text = g_strdup_printf (_("Cites: %s"), list->str);
  gtk_label_set_text (self->citations_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->citations_label), "warning");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->citations_label), text);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->citations_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
show_decision (RungMeetingView *self)
{
  RungCandidate *candidate = current_candidate (self);
  RungDecision *decision = candidate ? rung_candidate_get_latest_decision (candidate) : NULL;
  g_autofree char *text = NULL;

  if (decision == NULL)
    {
      gtk_label_set_text (self->decision_label, candidate ? _("Not decided yet") : "");
      gtk_widget_set_visible (GTK_WIDGET (self->citations_label), FALSE);
      return;
    }

  show_citations (self, candidate, decision);

  /* Translators: the decision so far: outcome, and the votes for, against, abstaining */
  text = g_strdup_printf (_("Decided: %s (%d for, %d against, %d abstaining)"),
                          outcome_label (rung_candidate_get_panel (candidate), rung_decision_get_outcome_id (decision)),
                          rung_decision_get_votes_for (decision), rung_decision_get_votes_against (decision),
                          rung_decision_get_votes_abstain (decision));
  gtk_label_set_text (self->decision_label, text);
}

/* The candidate's name, levels and, unless blind, team and manager. */
static void
show_heading (RungMeetingView *self)
{
  RungCandidate *candidate = current_candidate (self);
  RungPanel *panel = candidate ? rung_candidate_get_panel (candidate) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  const char *current;

  if (candidate == NULL || panel == NULL)
    return;

  name = rung_candidate_dup_display_name (candidate);
  current = rung_candidate_get_current_level (candidate);
  /* Translators: current level → target level */
  g_string_printf (details, _("%s → %s"), current ? current : "—", rung_candidate_get_target_level (candidate));
  if (!rung_panel_get_blind (panel))
    {
      const char *team = rung_candidate_get_team (candidate);
      const char *manager = rung_candidate_get_manager (candidate);

      if (team != NULL && team[0] != '\0')
        g_string_append_printf (details, " · %s", team);
      if (manager != NULL && manager[0] != '\0')
        /* Translators: who manages the candidate */
        g_string_append_printf (details, _(" · managed by %s"), manager);
    }

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->details_label, details->str);
  summary = rung_candidate_dup_blind_text (candidate, rung_candidate_get_summary (candidate));
  gtk_label_set_text (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && summary[0] != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->presentation), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* "Candidate 3 of 12 · 5 decided" under the meeting's title. */
static void
show_title (RungMeetingView *self)
{
  guint n, decided;
  g_autofree char *subtitle = NULL;

  if (self->meeting == NULL)
    return;

  n = g_list_model_get_n_items (rung_meeting_get_agenda (self->meeting));
  decided = rung_meeting_count_decided (self->meeting);
  if (self->current != NULL)
    /* Translators: where the meeting is: "Candidate 3 of 12 · 5 decided" */
    subtitle = g_strdup_printf (_("Candidate %u of %u · %u decided"),
                                rung_agenda_item_get_position (self->current) + 1, n, decided);
  else
    subtitle = g_strdup_printf (ngettext ("%u candidate · %u decided", "%u candidates · %u decided", n), n, decided);

  adw_window_title_set_title (self->window_title, rung_meeting_get_title (self->meeting));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static gboolean
all_decided (RungMeetingView *self)
{
  guint n = g_list_model_get_n_items (rung_meeting_get_agenda (self->meeting));

  return n > 0 && rung_meeting_count_decided (self->meeting) == n;
}

static void
show_candidate (RungMeetingView *self)
{
  RungCandidate *candidate = current_candidate (self);
  gboolean writable = self->meeting != NULL && rung_meeting_is_open (self->meeting);

  show_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.record-decision", candidate != NULL && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.order-by-disagreement", writable);

  if (candidate == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->meeting && all_decided (self) ? "done" : "idle");
      return;
    }

  show_heading (self);
  show_area (self);
  rung_spread_chart_set_candidate (self->spread_chart, candidate);
  show_concerns (self);
  show_recused (self);
  show_decision (self);
  gtk_stack_set_visible_child_name (self->stack, "candidate");
}

/* The meeting moved on to another candidate, or to none. */
static void
on_current_changed (RungMeetingView *self)
{
  RungAgendaItem *current = self->meeting ? rung_meeting_get_current (self->meeting) : NULL;

  if (current != self->current)
    {
      g_set_object (&self->current, current);
      self->area_index = 0;
      rung_meeting_timer_set_item (self->timer, current);
      rung_meeting_timer_set_running (self->timer, current != NULL);
    }

  g_signal_group_set_target (self->candidate_signals, current_candidate (self));
  show_candidate (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
set_current (RungMeetingView *self,
             RungAgendaItem  *item)
{
  g_autoptr(GError) error = NULL;

  if (!rung_meeting_set_current (self->meeting, item, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  return TRUE;
}

/* The first candidate after @from (or from the start) still waiting,
 * going round the agenda once in @step's direction. */
static RungAgendaItem *
find_waiting (RungMeetingView *self,
              int              step)
{
  GListModel *agenda = rung_meeting_get_agenda (self->meeting);
  int n = (int)g_list_model_get_n_items (agenda);
  int from = self->current ? (int)rung_agenda_item_get_position (self->current) : (step > 0 ? -1 : n);

  for (int k = 1; k <= n; k++)
    {
      int i = ((from + step * k) % n + n) % n;
      g_autoptr(RungAgendaItem) item = g_list_model_get_item (agenda, (guint)i);

      if (rung_agenda_item_get_state (item) != RUNG_AGENDA_STATE_DECIDED && item != self->current)
        return item;
    }

  return NULL;
}

/**
 * rung_meeting_view_next_candidate:
 *
 * Puts the next candidate still waiting under discussion; when everyone is
 * decided, none.
 *
 * Returns: whether a candidate is under discussion now
 */
gboolean
rung_meeting_view_next_candidate (RungMeetingView *self)
{
  RungAgendaItem *next;

  g_return_val_if_fail (RUNG_IS_MEETING_VIEW (self), FALSE);

  if (self->meeting == NULL)
    return FALSE;

  next = find_waiting (self, 1);
  if (next == NULL && self->current != NULL &&
      rung_agenda_item_get_state (self->current) != RUNG_AGENDA_STATE_DECIDED)
    return TRUE;   /* the only one left */

  return set_current (self, next) && next != NULL;
}

/**
 * rung_meeting_view_previous_candidate:
 *
 * Goes back along the agenda to the candidate before the current one,
 * decided or not, to look again.
 *
 * Returns: whether the candidate changed
 */
gboolean
rung_meeting_view_previous_candidate (RungMeetingView *self)
{
  GListModel *agenda;
  g_autoptr(RungAgendaItem) previous = NULL;
  guint position;

  g_return_val_if_fail (RUNG_IS_MEETING_VIEW (self), FALSE);

  if (self->meeting == NULL || self->current == NULL)
    return FALSE;

  agenda = rung_meeting_get_agenda (self->meeting);
  position = rung_agenda_item_get_position (self->current);
  if (position == 0 || !(previous = g_list_model_get_item (agenda, position - 1)))
    return FALSE;

  return set_current (self, previous);
}

static void
on_decision_recorded (RungCandidate *candidate,
                      RungDecision  *decision,
                      gpointer       user_data)
{
  RungMeetingView *self = user_data;
  g_autofree char *name = rung_candidate_dup_display_name (candidate);
  g_autofree char *message = NULL;

  /* Translators: %s is the candidate (or their letter in a blind meeting) */
  message = g_strdup_printf (_("Decision on %s recorded"), name);
  show_toast (self, message);
  rung_meeting_view_next_candidate (self);
}

/* Undo for the order by disagreement: the meeting and its order before. */
static void
on_undo_order (AdwToast *toast,
               GArray   *order)
{
  RungMeetingView *self = g_object_get_data (G_OBJECT (toast), "view");
  RungMeeting *meeting = g_object_get_data (G_OBJECT (toast), "meeting");
  g_autoptr(GError) error = NULL;

  if (self != NULL && meeting != NULL && !rung_meeting_set_order (meeting, order, &error))
    show_toast (self, error->message);
}

/* Puts the waiting candidates in order of disagreement, the most contested
 * first, with a toast to undo it. */
static void
order_by_disagreement_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  RungMeetingView *self = RUNG_MEETING_VIEW (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GArray) previous = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  gboolean changed = FALSE;

  if (self->meeting == NULL)
    return;

  previous = rung_meeting_dup_order (self->meeting);
  if (!rung_meeting_order_by_disagreement (self->meeting, &changed, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (!changed)
    {
      show_toast (self, _("The waiting candidates are in order of disagreement already."));
      return;
    }

  toast = adw_toast_new (_("Waiting candidates ordered by disagreement, the most contested first"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "meeting", g_object_ref (self->meeting), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "view", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_order),
                         g_steal_pointer (&previous), (GClosureNotify)(void (*) (void))g_array_unref, 0);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
record_decision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RungMeetingView *self = RUNG_MEETING_VIEW (widget);

  /* The dialog is modal to the window that holds the view. */
  if (current_candidate (self) != NULL)
    rung_decision_dialog_present (widget, current_candidate (self), on_decision_recorded, self);
}

static void
step_area (RungMeetingView *self,
           int              step)
{
  RungLevel *level = current_level (self);
  guint n = level ? g_list_model_get_n_items (rung_level_get_areas (level)) : 0;

  if (step < 0 && self->area_index == 0)
    return;
  if (step > 0 && self->area_index + 1 >= n)
    return;

  self->area_index = (guint)((int)self->area_index + step);
  show_area (self);
}

static void
area_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  step_area (RUNG_MEETING_VIEW (widget), g_str_equal (action_name, "meeting.next-area") ? 1 : -1);
}

static void
candidate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RungMeetingView *self = RUNG_MEETING_VIEW (widget);

  if (g_str_equal (action_name, "meeting.next-candidate"))
    rung_meeting_view_next_candidate (self);
  else
    rung_meeting_view_previous_candidate (self);
}

static void
toggle_timer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RungMeetingView *self = RUNG_MEETING_VIEW (widget);

  if (self->current != NULL)
    rung_meeting_timer_toggle (self->timer);
}

static void
toggle_agenda_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RungMeetingView *self = RUNG_MEETING_VIEW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* The keyboard goes where the meeting goes on: the candidate under
 * discussion, or the button that begins. */
static gboolean
rung_meeting_view_grab_focus (GtkWidget *widget)
{
  RungMeetingView *self = RUNG_MEETING_VIEW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (page == self->presentation)
    return gtk_widget_grab_focus (self->presentation);

  return gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD) ||
         GTK_WIDGET_CLASS (rung_meeting_view_parent_class)->grab_focus (widget);
}

/* Picks the type's size for the width the view has. */
static void
rung_meeting_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RungMeetingView *self = RUNG_MEETING_VIEW (widget);
  guint scale = 0;

  while (scale + 1 < G_N_ELEMENTS (scale_widths) && width >= scale_widths[scale + 1])
    scale++;

  if (scale != self->scale)
    {
      g_autofree char *old_class = g_strdup_printf ("scale-%u", self->scale);
      g_autofree char *new_class = g_strdup_printf ("scale-%u", scale);

      /* The candidate grows; the header bar and the agenda keep their size. */
      gtk_widget_remove_css_class (GTK_WIDGET (self->stack), old_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->stack), new_class);
      self->scale = scale;
    }

  GTK_WIDGET_CLASS (rung_meeting_view_parent_class)->size_allocate (widget, width, height, baseline);
}

RungMeeting *
rung_meeting_view_get_meeting (RungMeetingView *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_VIEW (self), NULL);

  return self->meeting;
}

RungAgendaItem *
rung_meeting_view_get_current (RungMeetingView *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_VIEW (self), NULL);

  return self->current;
}

/**
 * rung_meeting_view_get_area_index:
 *
 * Returns: which area of the candidate's level is on screen, from 0
 */
guint
rung_meeting_view_get_area_index (RungMeetingView *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_VIEW (self), 0);

  return self->area_index;
}

/**
 * rung_meeting_view_flush:
 *
 * Writes the time the timer has counted and not yet recorded.
 */
void
rung_meeting_view_flush (RungMeetingView *self)
{
  g_return_if_fail (RUNG_IS_MEETING_VIEW (self));

  rung_meeting_timer_flush (self->timer);
}

void
rung_meeting_view_set_meeting (RungMeetingView *self,
                               RungMeeting     *meeting)
{
  g_return_if_fail (RUNG_IS_MEETING_VIEW (self));
  g_return_if_fail (meeting == NULL || RUNG_IS_MEETING (meeting));

  if (self->meeting == meeting)
    return;

  if (self->meeting != NULL)
    {
      rung_meeting_timer_flush (self->timer);
      g_signal_handlers_disconnect_by_data (self->meeting, self);
      g_signal_handlers_disconnect_by_data (rung_meeting_get_agenda (self->meeting), self);
    }

  rung_meeting_timer_set_item (self->timer, NULL);
  g_set_object (&self->meeting, meeting);
  g_clear_object (&self->current);
  rung_meeting_timer_set_meeting (self->timer, meeting);
  rung_agenda_list_set_meeting (self->agenda_list, meeting);

  if (meeting != NULL)
    {
      g_signal_connect_object (meeting, "notify::current", G_CALLBACK (on_current_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (meeting, "notify::blind", G_CALLBACK (show_candidate), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rung_meeting_get_agenda (meeting), "items-changed",
                               G_CALLBACK (show_title), self, G_CONNECT_SWAPPED);
    }

  on_current_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEETING]);
}

static void
rung_meeting_view_dispose (GObject *object)
{
  RungMeetingView *self = (RungMeetingView *)object;
  GtkWidget *child;

  if (self->timer != NULL)
    rung_meeting_timer_flush (self->timer);
  g_clear_object (&self->candidate_signals);
  g_clear_object (&self->current);
  g_clear_object (&self->meeting);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUNG_TYPE_MEETING_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rung_meeting_view_parent_class)->dispose (object);
}

static void
rung_meeting_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RungMeetingView *self = RUNG_MEETING_VIEW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;

    case PROP_HEADER_VISIBLE:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->header_revealer));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_meeting_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RungMeetingView *self = RUNG_MEETING_VIEW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      rung_meeting_view_set_meeting (self, g_value_get_object (value));
      break;

    case PROP_HEADER_VISIBLE:
      gtk_revealer_set_reveal_child (self->header_revealer, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_meeting_view_class_init (RungMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_meeting_view_dispose;
  object_class->get_property = rung_meeting_view_get_property;
  object_class->set_property = rung_meeting_view_set_property;
  widget_class->size_allocate = rung_meeting_view_size_allocate;
  widget_class->grab_focus = rung_meeting_view_grab_focus;

  properties [PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, RUNG_TYPE_MEETING,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Off in full screen, where the room sees only the candidate. */
  properties [PROP_HEADER_VISIBLE] =
    g_param_spec_boolean ("header-visible", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RUNG_TYPE_AGENDA_LIST);
  g_type_ensure (RUNG_TYPE_SPREAD_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-meeting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, window_title);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, flap);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, stack);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, idle_page);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, done_page);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, presentation);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, name_label);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, details_label);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, timer_box);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, evidence_scroller);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, area_label);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, area_box);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, spread_chart);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, concerns_box);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, recused_label);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, decision_label);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingView, citations_label);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_failed);

  gtk_widget_class_install_action (widget_class, "meeting.previous-area", NULL, area_action);
  gtk_widget_class_install_action (widget_class, "meeting.next-area", NULL, area_action);
  gtk_widget_class_install_action (widget_class, "meeting.previous-candidate", NULL, candidate_action);
  gtk_widget_class_install_action (widget_class, "meeting.next-candidate", NULL, candidate_action);
  gtk_widget_class_install_action (widget_class, "meeting.record-decision", NULL, record_decision_action);
  gtk_widget_class_install_action (widget_class, "meeting.toggle-timer", NULL, toggle_timer_action);
  gtk_widget_class_install_action (widget_class, "meeting.toggle-agenda", NULL, toggle_agenda_action);
  gtk_widget_class_install_action (widget_class, "meeting.order-by-disagreement", NULL,
                                   order_by_disagreement_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "meeting.previous-area", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "meeting.next-area", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "meeting.previous-candidate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "meeting.next-candidate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "meeting.record-decision", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "meeting.toggle-timer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "meeting.toggle-agenda", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "meeting.order-by-disagreement", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingview");
}

static void
rung_meeting_view_init (RungMeetingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rung_status_page_defer_icon (self->idle_page);
  rung_status_page_defer_icon (self->done_page);

  gtk_widget_add_css_class (GTK_WIDGET (self->stack), "scale-0");

  self->timer = RUNG_MEETING_TIMER (rung_meeting_timer_new ());
  gtk_box_append (self->timer_box, GTK_WIDGET (self->timer));

  /* What is shown follows the candidate as the panel changes them. */
  self->candidate_signals = g_signal_group_new (RUNG_TYPE_CANDIDATE);
  g_signal_group_connect_swapped (self->candidate_signals, "notify", G_CALLBACK (show_candidate), self);
}

/* rung-decision-view.c: the decision on a candidate: Record Decision… (the
 * outcome from the ladder's outcomes, the votes of the panelists without a
 * conflict, a rationale, and for a change a reason), and every revision in
 * the history, newest first, with who recorded it and when, and what each
 * revision's rationale cites (or that it cites nothing). Nothing is ever
 * overwritten. During a blind meeting a revision the candidate's manager
 * recorded says when alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-decision-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-citation.h"
#include "rung-decision.h"
#include "rung-decision-dialog.h"
#include "rung-decision-view.h"
#include "rung-ladder.h"
#include "rung-outcome.h"
#include "rung-panel.h"

struct _RungDecisionView
{
  AdwBin         parent_instance;

  RungCandidate *candidate;
  RungPanel     *panel;

  GtkButton     *record_button;
  GtkLabel      *eligible_label;
  GtkListBox    *history;
};

G_DEFINE_FINAL_TYPE (RungDecisionView, rung_decision_view, ADW_TYPE_BIN)

GtkWidget *
rung_decision_view_new (void)
{
  return g_object_new (RUNG_TYPE_DECISION_VIEW, NULL);
}

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f, "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR, "selectable", FALSE, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static const char *
outcome_label (RungPanel  *panel,
               const char *outcome_id)
{
  RungOutcome *outcome = rung_ladder_find_outcome (rung_panel_get_ladder (panel), outcome_id);

  return outcome ? rung_outcome_get_label (outcome) : outcome_id;
}

/* "2026-11-24T09:30:00.123Z" as the user's locale writes dates and times. */
static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%x %X") : g_strdup (iso ? iso : "");
}

/* During a blind meeting a decision recorded by the candidate's manager
 * does not say so: the manager's name would tell who the candidate is. */
static gboolean
recorder_is_hidden (RungDecisionView *self,
                    RungDecision     *decision)
{
  const char *manager = rung_candidate_get_manager (self->candidate);

  return rung_panel_get_blind (self->panel) && manager != NULL && manager[0] != '\0' &&
         g_strcmp0 (rung_decision_get_recorded_by (decision), manager) == 0;
}

/* "Cites:" and a line per citation, as the room may read it; or a warning
 * that the decision cites nothing. */
static GtkWidget *
citation_list (RungDecisionView *self,
               RungDecision     *decision)
{
  GListModel *citations = rung_decision_get_citations (decision);
  guint n = g_list_model_get_n_items (citations);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading;

  gtk_widget_add_css_class (box, "decision-citations");
  if (n == 0)
    {
      GtkWidget *none = plain_label (_("Cites no evidence"), "warning");

      gtk_accessible_update_property (GTK_ACCESSIBLE (none), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("The rationale of this decision cites no evidence item or rating."), -1);
      gtk_box_append (GTK_BOX (box), none);
      return box;
    }

  /* Translators: before the list of what a decision cites */
  heading = plain_label (_("Cites:"), "caption-heading");
  gtk_box_append (GTK_BOX (box), heading);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCitation) citation = g_list_model_get_item (citations, i);
      g_autofree char *label = rung_citation_dup_display_label (citation, self->candidate);
      /* Translators: one item of the list of what a decision cites */
      g_autofree char *line = g_strdup_printf (_("• %s"), label);
      GtkWidget *item = plain_label (line, rung_citation_is_present (citation, self->candidate) ? NULL : "dim-label");

      gtk_widget_set_margin_start (item, 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (box), item);
    }

  return box;
}

static GtkWidget *
revision_row (RungDecisionView *self,
              RungDecision     *decision)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *when = format_time (rung_decision_get_recorded_at (decision));
  g_autofree char *title = NULL;
  g_autofree char *votes = NULL;
  g_autofree char *meta = NULL;
  const char *reason = rung_decision_get_reason (decision);

  /* Translators: a revision number and an outcome, as in "Revision 2: Promote" */
  title = g_strdup_printf (_("Revision %d: %s"), rung_decision_get_revision (decision),
                           outcome_label (self->panel, rung_decision_get_outcome_id (decision)));
  votes = g_strdup_printf (_("%d for, %d against, %d abstaining"),
                           rung_decision_get_votes_for (decision), rung_decision_get_votes_against (decision),
                           rung_decision_get_votes_abstain (decision));
  if (recorder_is_hidden (self, decision))
    /* Translators: when a decision was recorded, during a blind meeting
     * that hides who recorded it */
    meta = g_strdup_printf (_("Recorded on %s"), when);
  else
    /* Translators: who recorded a decision, and when */
    meta = g_strdup_printf (_("Recorded by %s on %s"), rung_decision_get_recorded_by (decision), when);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), plain_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), plain_label (votes, NULL));
  gtk_box_append (GTK_BOX (box), plain_label (rung_decision_get_rationale (decision), NULL));
  gtk_box_append (GTK_BOX (box), citation_list (self, decision));
  if (reason != NULL)
    {
      g_autofree char *why = g_strdup_printf (_("Why it changed: %s"), reason);

      gtk_box_append (GTK_BOX (box), plain_label (why, "revision-reason"));
    }
  gtk_box_append (GTK_BOX (box), plain_label (meta, "dim-label"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  return row;
}

static void
update (RungDecisionView *self)
{
  GListModel *decisions;
  GtkWidget *child;
  guint n, eligible;
  g_autofree char *eligible_text = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history))))
    gtk_list_box_remove (self->history, child);

  if (self->candidate == NULL || self->panel == NULL)
    return;

  decisions = rung_candidate_get_decisions (self->candidate);
  n = g_list_model_get_n_items (decisions);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(RungDecision) decision = g_list_model_get_item (decisions, i - 1);

      gtk_list_box_append (self->history, revision_row (self, decision));
    }

  if (n == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), g_object_new (GTK_TYPE_LABEL,
                                  "label", _("No decision yet"), "margin-top", 12, "margin-bottom", 12,
                                  "css-classes", (const char *[]) { "dim-label", NULL }, NULL));
      gtk_list_box_append (self->history, row);
    }

  eligible = rung_panel_count_eligible_voters (self->panel, self->candidate);
  eligible_text = g_strdup_printf (ngettext ("%u panelist without a conflict can vote.",
                                             "%u panelists without a conflict can vote.", eligible),
                                   eligible);
  gtk_label_set_text (self->eligible_label, eligible_text);
  gtk_button_set_label (self->record_button, n == 0 ? _("_Record Decision…") : _("_Change Decision…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), !rung_panel_is_read_only (self->panel));
}

static void
record_clicked (RungDecisionView *self)
{
  rung_decision_dialog_present (GTK_WIDGET (self), self->candidate, NULL, NULL);
}

void
rung_decision_view_set_candidate (RungDecisionView *self,
                                  RungCandidate    *candidate)
{
  g_return_if_fail (RUNG_IS_DECISION_VIEW (self));

  if (self->candidate == candidate)
    return;

  if (self->candidate != NULL)
    {
      g_signal_handlers_disconnect_by_data (rung_candidate_get_decisions (self->candidate), self);
      g_signal_handlers_disconnect_by_data (rung_candidate_get_ratings (self->candidate), self);
      g_signal_handlers_disconnect_by_data (self->candidate, self);
    }
  if (self->panel != NULL)
    g_signal_handlers_disconnect_by_data (self->panel, self);

  g_set_object (&self->candidate, candidate);
  {
    RungPanel *panel = candidate ? rung_candidate_get_panel (candidate) : NULL;

    g_set_object (&self->panel, panel);
  }

  if (candidate != NULL && self->panel != NULL)
    {
      g_signal_connect_object (rung_candidate_get_decisions (candidate), "items-changed",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      /* A cited item removed since says so. */
      g_signal_connect_object (candidate, "notify::n-evidence", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rung_candidate_get_ratings (candidate), "items-changed",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->panel, "conflicts-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->panel, "notify::blind", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  update (self);
}

static void
rung_decision_view_dispose (GObject *object)
{
  RungDecisionView *self = (RungDecisionView *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->candidate);
  g_clear_object (&self->panel);

  G_OBJECT_CLASS (rung_decision_view_parent_class)->dispose (object);
}

static void
rung_decision_view_class_init (RungDecisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_decision_view_dispose;
}

static void
rung_decision_view_init (RungDecisionView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->record_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Record Decision…")));
  gtk_widget_add_css_class (GTK_WIDGET (self->record_button), "suggested-action");
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (record_clicked), self);
  self->eligible_label = GTK_LABEL (plain_label ("", "dim-label"));
  gtk_widget_set_valign (GTK_WIDGET (self->eligible_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->record_button));
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->eligible_label));

  self->history = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->history, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->history), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Decision history"), -1);

  gtk_box_append (GTK_BOX (box), plain_label (_("Decision"), "title-2"));
  gtk_box_append (GTK_BOX (box), actions);
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "label", _("History"), "xalign", 0.0f,
                                               "margin-top", 12, "css-classes", (const char *[]) { "heading", NULL },
                                               NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->history));

  adw_bin_set_child (ADW_BIN (self), box);
}

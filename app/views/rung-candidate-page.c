/* rung-candidate-page.c: one candidate: their name, levels, manager, team
 * and status, the summary their manager wrote (saved as it is typed), and
 * three parts of the review: the evidence beside the ladder, the panel's
 * ratings, and the decision.
 *
 * During a blind meeting the heading is the candidate's letter ("Candidate
 * C"), with no manager or team, and their details cannot be edited: the
 * dialog would show them. The summary, which managers write with the
 * candidate's name in it, is then read only, with the name, the manager and
 * the team taken out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-candidate-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-candidate-page.h"
#include "rung-coverage-dialog.h"
#include "rung-debouncer.h"
#include "rung-growing-text-view.h"
#include "rung-decision-view.h"
#include "rung-evidence-view.h"
#include "rung-ratings-view.h"
#include "rung-panel.h"
#include "rung-wrap-bin.h"

struct _RungCandidatePage
{
  AdwBin             parent_instance;

  RungCandidate     *candidate;
  GSignalGroup      *signals;
  RungDebouncer     *summary_debouncer;
  gboolean           loading;
  gboolean           summary_blind;   /* whether the summary shown is the blind one */

  GtkScrolledWindow *scroller;
  GtkLabel          *name_label;
  GtkLabel          *details_label;
  GtkLabel          *override_label;
  GtkDropDown       *status_dropdown;
  GtkButton         *edit_button;
  GtkFrame          *summary_frame;
  GtkTextView       *summary_view;
  GtkLabel          *summary_state;
  GtkStack          *view_stack;
  RungEvidenceView  *evidence_view;
  RungRatingsView   *ratings_view;
  RungDecisionView  *decision_view;
};

G_DEFINE_FINAL_TYPE (RungCandidatePage, rung_candidate_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CANDIDATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
is_editable (RungCandidatePage *self)
{
  RungPanel *panel = self->candidate ? rung_candidate_get_panel (self->candidate) : NULL;

  return panel != NULL && !rung_panel_is_read_only (panel);
}

static gboolean
is_blind (RungCandidatePage *self)
{
  RungPanel *panel = self->candidate ? rung_candidate_get_panel (self->candidate) : NULL;

  return panel != NULL && rung_panel_get_blind (panel);
}

/* Shows the summary: as it is, to edit, or during a blind meeting read
 * only, without names. */
static void
load_summary (RungCandidatePage *self)
{
  RungCandidate *candidate = self->candidate;
  gboolean blind = is_blind (self);
  gboolean editable = is_editable (self) && !blind;
  g_autofree char *text = NULL;

  self->summary_blind = blind;
  if (candidate != NULL)
    text = blind ? rung_candidate_dup_blind_text (candidate, rung_candidate_get_summary (candidate))
                 : g_strdup (rung_candidate_get_summary (candidate));

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), text ? text : "", -1);
  self->loading = FALSE;
  gtk_text_view_set_editable (self->summary_view, editable);
  /* Read only, the summary is text rather than a field. */
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_frame), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_frame), "read-only");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_state), editable);
}

/* Edit Details shows the name, the manager and the team: not while blind. */
static void
update_editing (RungCandidatePage *self)
{
  gboolean blind = is_blind (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.edit-candidate", is_editable (self) && !blind);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->edit_button),
                               blind ? _("Details can’t be edited during a blind meeting")
                                     : _("Edit Details (Ctrl+E)"));
}

/* Why the candidate left draft without evidence in every area, if they did. */
static void
update_override (RungCandidatePage *self)
{
  const char *reason = rung_candidate_get_coverage_override (self->candidate);
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->override_label), reason != NULL);
  if (reason == NULL)
    return;

  shown = rung_candidate_dup_blind_text (self->candidate, reason);
  text = g_strdup_printf (_("Moved on without evidence in every area. Reason: %s"), shown);
  gtk_label_set_text (self->override_label, text);
}

static void
update_header (RungCandidatePage *self)
{
  RungCandidate *candidate = self->candidate;
  const char *current, *manager = NULL, *team = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *name = NULL;

  if (candidate == NULL)
    return;

  /* notify::display-name brings us here when blind mode comes or goes. */
  name = rung_candidate_dup_display_name (candidate);
  current = rung_candidate_get_current_level (candidate);
  if (!is_blind (self))
    {
      manager = rung_candidate_get_manager (candidate);
      team = rung_candidate_get_team (candidate);
    }

  /* Translators: current level → target level */
  g_string_append_printf (details, _("%s → %s"), current ? current : "—",
                          rung_candidate_get_target_level (candidate));
  if (manager != NULL)
    /* Translators: follows the levels in a candidate's header */
    g_string_append_printf (details, _(" · Manager: %s"), manager);
  if (team != NULL)
    g_string_append_printf (details, _(" · Team: %s"), team);

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->details_label, details->str);
  update_override (self);
  update_editing (self);

  /* Blind mode came or went: what was typed is written, then the summary
   * is shown anew. */
  if (self->summary_blind != is_blind (self))
    {
      self->summary_blind = is_blind (self);
      rung_debouncer_flush (self->summary_debouncer);
      load_summary (self);
    }

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, rung_candidate_get_status (candidate));
  self->loading = FALSE;
}

static void
on_coverage_dialog_done (RungCandidate *candidate,
                         gboolean       overridden,
                         gpointer       user_data)
{
  g_autoptr(RungCandidatePage) self = user_data;

  /* Cancelled: the status shown goes back to what it is. */
  if (!overridden && self->candidate == candidate)
    update_header (self);
}

/* Leaving draft with an area of no evidence needs a reason (the gate). */
static gboolean
needs_override (RungCandidatePage   *self,
                RungCandidateStatus  status)
{
  g_autofree char *uncovered = NULL;

  if (rung_candidate_get_status (self->candidate) != RUNG_CANDIDATE_STATUS_DRAFT ||
      status == RUNG_CANDIDATE_STATUS_DRAFT)
    return FALSE;

  uncovered = rung_candidate_dup_uncovered_summary (self->candidate);

  return uncovered != NULL;
}

static void
on_status_selected (RungCandidatePage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->loading || self->candidate == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (needs_override (self, selected))
    {
      rung_coverage_dialog_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->candidate, selected,
                                    on_coverage_dialog_done, g_object_ref (self));
      return;
    }

  if (!rung_candidate_set_status (self->candidate, selected, &error))
    {
      g_warning ("%s", error->message);
      update_header (self);
    }
}

static char *
summary_text (RungCandidatePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
write_summary (gpointer   user_data,
               GError   **error)
{
  RungCandidatePage *self = user_data;
  g_autofree char *text = summary_text (self);

  if (self->candidate == NULL)
    return TRUE;

  return rung_candidate_set_summary (self->candidate, text, error);
}

static void
on_summary_state (RungCandidatePage *self)
{
  switch (rung_debouncer_get_state (self->summary_debouncer))
    {
    case RUNG_EDIT_PENDING:
      gtk_label_set_text (self->summary_state, _("Saving…"));
      break;

    case RUNG_EDIT_FAILED:
      {
        g_autofree char *message = g_strdup_printf (_("Not saved: %s"),
                                                    rung_debouncer_get_error (self->summary_debouncer));

        gtk_label_set_text (self->summary_state, message);
      }
      break;

    case RUNG_EDIT_SAVED:
    default:
      gtk_label_set_text (self->summary_state, _("Saved"));
      break;
    }
}

static void
on_summary_changed (RungCandidatePage *self)
{
  if (!self->loading)
    rung_debouncer_poke (self->summary_debouncer);
}

static void
on_summary_focus_leave (RungCandidatePage *self)
{
  rung_debouncer_flush (self->summary_debouncer);
}

static void
on_panel_flush (RungCandidatePage *self)
{
  rung_debouncer_flush (self->summary_debouncer);
}

/* Only the part on screen is built for a candidate: the others follow when
 * they are shown, so moving between candidates stays quick. */
static void
show_visible_part (RungCandidatePage *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->view_stack);
  RungCandidate *candidate = self->candidate;

  rung_evidence_view_set_candidate (self->evidence_view,
                                    g_strcmp0 (visible, "evidence") == 0 ? candidate : NULL);
  rung_ratings_view_set_candidate (self->ratings_view,
                                   g_strcmp0 (visible, "panel") == 0 ? candidate : NULL);
  rung_decision_view_set_candidate (self->decision_view,
                                    g_strcmp0 (visible, "decision") == 0 ? candidate : NULL);
}

RungCandidate *
rung_candidate_page_get_candidate (RungCandidatePage *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE_PAGE (self), NULL);

  return self->candidate;
}

void
rung_candidate_page_set_candidate (RungCandidatePage *self,
                                   RungCandidate     *candidate)
{
  RungPanel *panel;
  gboolean editable;

  g_return_if_fail (RUNG_IS_CANDIDATE_PAGE (self));

  if (self->candidate == candidate)
    return;

  /* The summary being left is written before the page changes. */
  rung_debouncer_flush (self->summary_debouncer);

  if (self->candidate != NULL && (panel = rung_candidate_get_panel (self->candidate)))
    g_signal_handlers_disconnect_by_func (panel, on_panel_flush, self);

  g_set_object (&self->candidate, candidate);
  g_signal_group_set_target (self->signals, candidate);

  if (candidate != NULL && (panel = rung_candidate_get_panel (candidate)))
    g_signal_connect_object (panel, "flush", G_CALLBACK (on_panel_flush), self, G_CONNECT_SWAPPED);

  editable = is_editable (self);
  load_summary (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_dropdown), editable);
  on_summary_state (self);
  update_header (self);

  show_visible_part (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CANDIDATE]);
}

static void
rung_candidate_page_dispose (GObject *object)
{
  RungCandidatePage *self = (RungCandidatePage *)object;

  if (self->summary_debouncer != NULL)
    rung_debouncer_flush (self->summary_debouncer);
  g_clear_object (&self->summary_debouncer);
  g_clear_object (&self->signals);
  g_clear_object (&self->candidate);

  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (rung_candidate_page_parent_class)->dispose (object);
}

static void
rung_candidate_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RungCandidatePage *self = RUNG_CANDIDATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_candidate_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RungCandidatePage *self = RUNG_CANDIDATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      rung_candidate_page_set_candidate (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_candidate_page_class_init (RungCandidatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_candidate_page_dispose;
  object_class->get_property = rung_candidate_page_get_property;
  object_class->set_property = rung_candidate_page_set_property;

  properties [PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL, RUNG_TYPE_CANDIDATE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RUNG_TYPE_EVIDENCE_VIEW);
  g_type_ensure (RUNG_TYPE_RATINGS_VIEW);
  g_type_ensure (RUNG_TYPE_DECISION_VIEW);

  g_type_ensure (RUNG_TYPE_GROWING_TEXT_VIEW);
  g_type_ensure (RUNG_TYPE_WRAP_BIN);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-candidate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, details_label);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, override_label);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, summary_frame);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, summary_state);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, ratings_view);
  gtk_widget_class_bind_template_child (widget_class, RungCandidatePage, decision_view);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
}

static void
rung_candidate_page_init (RungCandidatePage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (RungCandidateStatus status = RUNG_CANDIDATE_STATUS_DRAFT; status <= RUNG_CANDIDATE_STATUS_DECIDED; status++)
    gtk_string_list_append (statuses, rung_candidate_status_get_label (status));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  self->signals = g_signal_group_new (RUNG_TYPE_CANDIDATE);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (update_header), self);

  self->summary_debouncer = rung_debouncer_new (write_summary, self);
  g_signal_connect_object (self->summary_debouncer, "notify::state",
                           G_CALLBACK (on_summary_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (on_summary_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_summary_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->summary_view), focus);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (show_visible_part), self, G_CONNECT_SWAPPED);
}

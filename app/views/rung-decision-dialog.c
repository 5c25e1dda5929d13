/* rung-decision-dialog.c: Record Decision. The outcome is one of the
 * ladder's outcomes, each with a number (Alt+1, Alt+2, …); the votes are
 * those of the panelists without a conflict; the rationale is required, and
 * a change to a decision also needs a reason, since nothing is ever
 * overwritten. The rationale cites evidence and ratings (Alt+E filters
 * them), starting, for a change, from what the latest revision cited.
 * Ctrl+Enter records from anywhere in the dialog, so that a
 * committee records a decision in a few keystrokes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-citation-picker.h"
#include "rung-decision.h"
#include "rung-decision-dialog.h"
#include "rung-ladder.h"
#include "rung-language-highlighter.h"
#include "rung-language-note.h"
#include "rung-outcome.h"
#include "rung-panel.h"

typedef struct
{
  RungCandidate        *candidate;
  GPtrArray            *outcomes;    /* GtkCheckButton, one per outcome, in the ladder's order */
  GtkSpinButton        *votes[3];
  GtkTextView          *rationale;
  GtkEntry             *reason;
  RungCitationPicker   *citations;
  GtkLabel             *error;
  gboolean              revision;
  RungDecisionRecorded  recorded;
  gpointer              user_data;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->candidate);
  g_clear_pointer (&form->outcomes, g_ptr_array_unref);
  g_free (form);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
chosen_outcome (Form *form)
{
  for (guint i = 0; i < form->outcomes->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (form->outcomes, i);

      if (gtk_check_button_get_active (button))
        return g_object_get_data (G_OBJECT (button), "outcome-id");
    }

  return NULL;
}

static gboolean
form_is_complete (Form *form)
{
  g_autofree char *rationale = g_strstrip (text_of (form->rationale));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->reason))));

  return chosen_outcome (form) != NULL && rationale[0] != '\0' && (!form->revision || reason[0] != '\0');
}

static void
validate (AdwMessageDialog *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");

  adw_message_dialog_set_response_enabled (dialog, "record", form_is_complete (form));
}

/* Writes the decision; on a refusal the dialog stays, saying why. */
static gboolean
record (AdwMessageDialog *dialog,
        Form             *form)
{
  RungPanel *panel = rung_candidate_get_panel (form->candidate);
  g_autofree char *rationale = text_of (form->rationale);
  g_autoptr(GPtrArray) cited = rung_citation_picker_dup_cited (form->citations);
  g_autoptr(GError) error = NULL;
  RungDecision *decision;

  if (panel == NULL)
    return TRUE;

  /* The spin buttons take what was typed, also without leaving the field. */
  for (guint i = 0; i < G_N_ELEMENTS (form->votes); i++)
    gtk_spin_button_update (form->votes[i]);

  decision = rung_panel_record_decision_citing (panel, form->candidate, chosen_outcome (form),
                                                gtk_spin_button_get_value_as_int (form->votes[0]),
                                                gtk_spin_button_get_value_as_int (form->votes[1]),
                                                gtk_spin_button_get_value_as_int (form->votes[2]),
                                                rationale,
                                                gtk_editable_get_text (GTK_EDITABLE (form->reason)),
                                                cited, &error);
  if (decision == NULL)
    {
      gtk_label_set_text (form->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (form->error), TRUE);
      return FALSE;
    }

  if (form->recorded != NULL)
    form->recorded (form->candidate, decision, form->user_data);

  return TRUE;
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Form             *form)
{
  if (g_str_equal (response, "record") && !record (dialog, form))
    g_signal_stop_emission_by_name (dialog, "response");
}

/* Ctrl+Enter: record, if the form is complete. */
static gboolean
on_record_shortcut (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (widget);
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");

  if (!form_is_complete (form))
    return TRUE;

  if (record (dialog, form))
    gtk_window_destroy (GTK_WINDOW (dialog));

  return TRUE;
}

static GtkWidget *
caption (const char *text,
         GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (mnemonic_widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  return label;
}

/* One radio button per outcome, numbered: "1  Promote". */
static GtkWidget *
outcome_choices (Form       *form,
                 RungLadder *ladder,
                 const char *current_id)
{
  GListModel *outcomes = rung_ladder_get_outcomes (ladder);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkCheckButton *group = NULL;
  guint n = g_list_model_get_n_items (outcomes);

  form->outcomes = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungOutcome) outcome = g_list_model_get_item (outcomes, i);
      g_autofree char *escaped = g_strdup (rung_outcome_get_label (outcome));
      g_autofree char *label = NULL;
      GtkWidget *button;

      /* The ladder's label may hold an underscore; it is not a mnemonic. */
      g_strdelimit (escaped, "_", ' ');
      label = i < 9 ? g_strdup_printf ("_%u  %s", i + 1, escaped) : g_strdup (escaped);
      button = gtk_check_button_new_with_mnemonic (label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rung_outcome_get_label (outcome), -1);
      if (rung_outcome_get_description (outcome) != NULL)
        gtk_widget_set_tooltip_text (button, rung_outcome_get_description (outcome));
      g_object_set_data_full (G_OBJECT (button), "outcome-id", g_strdup (rung_outcome_get_id (outcome)), g_free);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      else
        group = GTK_CHECK_BUTTON (button);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   current_id ? g_strcmp0 (current_id, rung_outcome_get_id (outcome)) == 0 : i == 0);
      g_ptr_array_add (form->outcomes, button);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome"), -1);

  return box;
}

static GtkWidget *
vote_fields (Form  *form,
             guint  eligible)
{
  static const char *vote_names[] = { N_("_For"), N_("_Against"), N_("A_bstain") };
  GtkWidget *votes = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (votes), 12);
  for (guint i = 0; i < G_N_ELEMENTS (vote_names); i++)
    {
      form->votes[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, MAX (eligible, 1), 1));
      gtk_editable_set_width_chars (GTK_EDITABLE (form->votes[i]), 3);
      gtk_grid_attach (GTK_GRID (votes), caption (_(vote_names[i]), GTK_WIDGET (form->votes[i])), i, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (votes), GTK_WIDGET (form->votes[i]), i, 1, 1, 1);
    }

  return votes;
}

static GtkWidget *
rationale_field (Form *form)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  form->rationale = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (form->rationale, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (form->rationale, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (form->rationale), -1, 90);
  gtk_text_view_set_top_margin (form->rationale, 6);
  gtk_text_view_set_left_margin (form->rationale, 6);
  gtk_text_view_set_right_margin (form->rationale, 6);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (form->rationale));

  return frame;
}

/* Subjective language in the rationale, marked and listed under it. */
static GtkWidget *
language_note (Form      *form,
               RungPanel *panel)
{
  GtkWidget *note = rung_language_note_new ();

  rung_language_note_add_highlighter (RUNG_LANGUAGE_NOTE (note),
                                      rung_language_highlighter_attach (GTK_WIDGET (form->rationale),
                                                                        rung_panel_get_language_terms (panel)));

  return note;
}

/**
 * rung_decision_dialog_present:
 * @parent: a widget of the window the dialog belongs to
 * @recorded: (nullable): called after the decision is written
 *
 * Asks for a decision on @candidate: the first one, or a new revision of
 * the latest, whose outcome it starts from.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
rung_decision_dialog_present (GtkWidget            *parent,
                              RungCandidate        *candidate,
                              RungDecisionRecorded  recorded,
                              gpointer              user_data)
{
  RungPanel *panel = rung_candidate_get_panel (candidate);
  RungDecision *latest = rung_candidate_get_latest_decision (candidate);
  guint eligible = rung_panel_count_eligible_voters (panel, candidate);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *shortcuts;
  g_autofree char *name = rung_candidate_dup_display_name (candidate);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Form *form = g_new0 (Form, 1);

  form->candidate = g_object_ref (candidate);
  form->revision = latest != NULL;
  form->recorded = recorded;
  form->user_data = user_data;

  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "label", _("Outcome"), "xalign", 0.0f,
                                               "css-classes", (const char *[]) { "heading", NULL }, NULL));
  gtk_box_append (GTK_BOX (box), outcome_choices (form, rung_panel_get_ladder (panel),
                                                  latest ? rung_decision_get_outcome_id (latest) : NULL));
  gtk_box_append (GTK_BOX (box), vote_fields (form, eligible));

  {
    GtkWidget *frame = rationale_field (form);

    gtk_box_append (GTK_BOX (box), caption (_("Ra_tionale"), GTK_WIDGET (form->rationale)));
    gtk_box_append (GTK_BOX (box), frame);
    gtk_box_append (GTK_BOX (box), language_note (form, panel));
  }

  form->reason = GTK_ENTRY (gtk_entry_new ());
  gtk_box_append (GTK_BOX (box), caption (_("Reason for the c_hange"), GTK_WIDGET (form->reason)));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->reason));
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (form->reason)), form->revision);
  gtk_widget_set_visible (GTK_WIDGET (form->reason), form->revision);

  form->citations = RUNG_CITATION_PICKER (rung_citation_picker_new (candidate, latest));
  gtk_box_append (GTK_BOX (box), caption (_("Cite _evidence"), rung_citation_picker_get_filter (form->citations)));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->citations));

  form->error = GTK_LABEL (g_object_new (GTK_TYPE_LABEL, "wrap", TRUE, "visible", FALSE, "xalign", 0.0f,
                                         "css-classes", (const char *[]) { "error", NULL }, NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->error));

  /* Translators: the title of the decision dialog; %s is the candidate */
  heading = g_strdup_printf (form->revision ? _("Change the Decision on %s") : _("Decision on %s"), name);
  body = g_strdup_printf (ngettext ("%u panelist without a conflict can vote. A decision is never overwritten: "
                                    "a change is a new revision. Ctrl+Enter records it.",
                                    "%u panelists without a conflict can vote. A decision is never overwritten: "
                                    "a change is a new revision. Ctrl+Enter records it.", eligible),
                          eligible);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading, body));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify)form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), form);
  g_signal_connect_swapped (gtk_text_view_get_buffer (form->rationale), "changed", G_CALLBACK (validate), dialog);
  g_signal_connect_swapped (form->reason, "changed", G_CALLBACK (validate), dialog);
  for (guint i = 0; i < form->outcomes->len; i++)
    g_signal_connect_swapped (g_ptr_array_index (form->outcomes, i), "toggled", G_CALLBACK (validate), dialog);

  shortcuts = gtk_shortcut_controller_new ();
  /* Before the rationale's text view takes the Enter as a new line. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_callback_action_new (on_record_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (dialog), shortcuts);
  validate (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  if (form->outcomes->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (form->outcomes, 0));

  return GTK_WINDOW (dialog);
}

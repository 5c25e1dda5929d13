/* rung-coverage-dialog.c: the coverage gate's question. A candidate leaves
 * draft for the panel only with evidence in every area of their target
 * level; whoever moves them on without it says why, and the reason stays
 * with the candidate and in the audit log. Nothing is written on Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-coverage-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-coverage-dialog.h"

typedef struct
{
  RungCandidate          *candidate;
  RungCandidateStatus     status;
  GtkEditable            *reason;
  GtkLabel               *error;
  RungCoverageDialogDone  done;
  gpointer                user_data;
} Form;

/* Tells the caller once, whichever way the dialog ends. */
static void
finish (Form     *form,
        gboolean  overridden)
{
  RungCoverageDialogDone done = g_steal_pointer (&form->done);

  if (done != NULL)
    done (form->candidate, overridden, form->user_data);
}

static void
form_free (Form *form)
{
  finish (form, FALSE);
  g_clear_object (&form->candidate);
  g_free (form);
}

static void
on_reason_changed (GtkEditable      *reason,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  adw_message_dialog_set_response_enabled (dialog, "override", text[0] != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Form             *form)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "override"))
    {
      finish (form, FALSE);
      return;
    }

  if (!rung_candidate_override_coverage (form->candidate, form->status,
                                         gtk_editable_get_text (form->reason), &error))
    {
      /* The dialog closes on any response: keep it, with why. */
      gtk_label_set_text (form->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (form->error), TRUE);
      g_signal_stop_emission_by_name (dialog, "response");
      return;
    }

  finish (form, TRUE);
}

static GtkWidget *
build_form (Form *form)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = gtk_label_new_with_mnemonic (_("_Reason for the override"));
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why the panel should review them now"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);

  form->reason = GTK_EDITABLE (entry);
  form->error = GTK_LABEL (g_object_new (GTK_TYPE_LABEL, "wrap", TRUE, "visible", FALSE, "xalign", 0.0f,
                                         "css-classes", (const char *[]) { "error", NULL }, NULL));

  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->error));

  return box;
}

/**
 * rung_coverage_dialog_present:
 * @status: where the candidate would go: ready, in review or decided
 * @done: (nullable): called once, when the dialog is answered or goes
 *
 * Asks for the reason to take @candidate out of draft although an area of
 * their target level has no evidence, and overrides the gate with it.
 */
AdwMessageDialog *
rung_coverage_dialog_present (GtkWindow              *parent,
                              RungCandidate          *candidate,
                              RungCandidateStatus     status,
                              RungCoverageDialogDone  done,
                              gpointer                user_data)
{
  AdwMessageDialog *dialog;
  Form *form = g_new0 (Form, 1);
  g_autofree char *name = rung_candidate_dup_display_name (candidate);
  g_autofree char *uncovered = rung_candidate_dup_uncovered_summary (candidate);
  g_autofree char *body = NULL;

  form->candidate = g_object_ref (candidate);
  form->status = status;
  form->done = done;
  form->user_data = user_data;

  body = g_strdup_printf (_("%s has no evidence for %s. A candidate goes to the panel with evidence "
                            "in every area, unless you say why not: the reason stays with them and "
                            "in the audit log."),
                          name, uncovered ? uncovered : _("every area"));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Move On Without Evidence in Every Area?"),
                                                       NULL));
  /* The body is plain text: names are not markup. */
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_set_extra_child (dialog, build_form (form));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "override", _("_Override"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "override", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "override");
  adw_message_dialog_set_close_response (dialog, "cancel");
  on_reason_changed (form->reason, dialog);

  g_signal_connect (form->reason, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), form,
                         (GClosureNotify)(void (*) (void))form_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->reason));

  return dialog;
}

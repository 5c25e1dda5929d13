/* rung-evidence-editor.c: one item of evidence, edited where it is shown:
 * its title, its text, an optional link and date. Changes are written half a
 * second after typing pauses, and at once when the focus leaves the item or
 * the panel asks for a flush; a small label says whether the item is saved.
 * Removing asks for nothing: the panel view offers Undo. An editor can be
 * handed another item, so that moving between candidates reuses the editors
 * already built instead of building them anew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-evidence-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-debouncer.h"
#include "rung-growing-text-view.h"
#include "rung-evidence.h"
#include "rung-evidence-editor.h"
#include "rung-language-highlighter.h"
#include "rung-language-note.h"
#include "rung-panel.h"

struct _RungEvidenceEditor
{
  AdwBin         parent_instance;

  RungEvidence  *evidence;
  RungDebouncer *debouncer;
  GSignalGroup  *panel_signals;
  gboolean       loading;

  GtkEntry      *title_entry;
  GtkTextView   *text_view;
  GtkEntry      *link_entry;
  GtkEntry      *date_entry;
  GtkButton     *remove_button;
  GtkLabel      *state_label;
  RungLanguageNote *language_note;
};

G_DEFINE_FINAL_TYPE (RungEvidenceEditor, rung_evidence_editor, ADW_TYPE_BIN)

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
write_evidence (gpointer   user_data,
                GError   **error)
{
  RungEvidenceEditor *self = user_data;
  g_autofree char *text = text_of (self->text_view);

  return rung_evidence_update (self->evidence,
                               gtk_editable_get_text (GTK_EDITABLE (self->title_entry)),
                               text,
                               gtk_editable_get_text (GTK_EDITABLE (self->link_entry)),
                               gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                               error);
}

static void
on_state_changed (RungEvidenceEditor *self)
{
  switch (rung_debouncer_get_state (self->debouncer))
    {
    case RUNG_EDIT_PENDING:
      gtk_label_set_text (self->state_label, _("Saving…"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
      break;

    case RUNG_EDIT_FAILED:
      {
        g_autofree char *message = g_strdup_printf (_("Not saved: %s"), rung_debouncer_get_error (self->debouncer));

        gtk_label_set_text (self->state_label, message);
        gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
      }
      break;

    case RUNG_EDIT_SAVED:
    default:
      gtk_label_set_text (self->state_label, _("Saved"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
      break;
    }
}

static void
on_changed (RungEvidenceEditor *self)
{
  if (!self->loading)
    rung_debouncer_poke (self->debouncer);
}

static void
on_focus_leave (RungEvidenceEditor *self)
{
  rung_debouncer_flush (self->debouncer);
}

gboolean
rung_evidence_editor_flush (RungEvidenceEditor *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE_EDITOR (self), FALSE);

  return rung_debouncer_flush (self->debouncer);
}

static void
on_panel_flush (RungEvidenceEditor *self)
{
  rung_debouncer_flush (self->debouncer);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RungEvidenceEditor *self = RUNG_EVIDENCE_EDITOR (widget);
  g_autoptr(RungEvidence) evidence = g_object_ref (self->evidence);

  /* Whatever was typed is written first, so an undo brings it back. */
  rung_debouncer_flush (self->debouncer);
  gtk_widget_activate_action (widget, "panel.remove-evidence", "x",
                              rung_evidence_get_id (evidence));
}

static void
load (RungEvidenceEditor *self,
      gboolean            editable)
{
  const char *link = rung_evidence_get_link (self->evidence);
  const char *date = rung_evidence_get_date (self->evidence);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), rung_evidence_get_title (self->evidence));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            rung_evidence_get_text (self->evidence), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->link_entry), link ? link : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date ? date : "");
  self->loading = FALSE;

  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), editable);
  gtk_text_view_set_editable (self->text_view, editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->link_entry), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->date_entry), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), editable);

  /* Read only, the item is text: no empty fields for a link or date. */
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
  gtk_widget_set_visible (GTK_WIDGET (self->link_entry), editable || (link != NULL && link[0] != '\0'));
  gtk_widget_set_visible (GTK_WIDGET (self->date_entry), editable || (date != NULL && date[0] != '\0'));
}

static void
rung_evidence_editor_dispose (GObject *object)
{
  RungEvidenceEditor *self = (RungEvidenceEditor *)object;

  /* An edit still waiting is written before the editor goes. */
  if (self->debouncer != NULL)
    rung_debouncer_flush (self->debouncer);
  g_clear_object (&self->debouncer);
  g_clear_object (&self->panel_signals);
  g_clear_object (&self->evidence);

  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (rung_evidence_editor_parent_class)->dispose (object);
}

static void
rung_evidence_editor_class_init (RungEvidenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_evidence_editor_dispose;

  g_type_ensure (RUNG_TYPE_GROWING_TEXT_VIEW);
  g_type_ensure (RUNG_TYPE_LANGUAGE_NOTE);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-evidence-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RungEvidenceEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, RungEvidenceEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, RungEvidenceEditor, link_entry);
  gtk_widget_class_bind_template_child (widget_class, RungEvidenceEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, RungEvidenceEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RungEvidenceEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, RungEvidenceEditor, language_note);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "evidence.remove", NULL, remove_action);
}

static void
rung_evidence_editor_init (RungEvidenceEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->debouncer = rung_debouncer_new (write_evidence, self);
  g_signal_connect_object (self->debouncer, "notify::state",
                           G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  self->panel_signals = g_signal_group_new (RUNG_TYPE_PANEL);
  g_signal_group_connect_swapped (self->panel_signals, "flush", G_CALLBACK (on_panel_flush), self);

  /* Subjective language in the title and the text, listed under the text. */
  rung_language_note_add_highlighter (self->language_note,
                                      rung_language_highlighter_attach (GTK_WIDGET (self->title_entry), NULL));
  rung_language_note_add_highlighter (self->language_note,
                                      rung_language_highlighter_attach (GTK_WIDGET (self->text_view), NULL));
}

/**
 * rung_evidence_editor_new:
 * @editable: whether the panel can be changed
 */
GtkWidget *
rung_evidence_editor_new (RungEvidence *evidence,
                          gboolean      editable)
{
  RungEvidenceEditor *self;

  g_return_val_if_fail (RUNG_IS_EVIDENCE (evidence), NULL);

  self = g_object_new (RUNG_TYPE_EVIDENCE_EDITOR, NULL);
  rung_evidence_editor_set_evidence (self, evidence, editable);

  return GTK_WIDGET (self);
}

/**
 * rung_evidence_editor_set_evidence:
 * @editable: whether the panel can be changed
 *
 * Shows @evidence instead; what was typed into the item before is written
 * first.
 */
void
rung_evidence_editor_set_evidence (RungEvidenceEditor *self,
                                   RungEvidence       *evidence,
                                   gboolean            editable)
{
  RungCandidate *candidate;
  RungPanel *panel;
  RungLanguageTerms *terms;

  g_return_if_fail (RUNG_IS_EVIDENCE_EDITOR (self));
  g_return_if_fail (RUNG_IS_EVIDENCE (evidence));

  if (self->evidence != NULL)
    rung_debouncer_flush (self->debouncer);

  g_set_object (&self->evidence, evidence);
  load (self, editable);
  on_state_changed (self);

  candidate = rung_evidence_get_candidate (evidence);
  panel = candidate ? rung_candidate_get_panel (candidate) : NULL;
  g_signal_group_set_target (self->panel_signals, panel);

  terms = panel ? rung_panel_get_language_terms (panel) : NULL;
  rung_language_highlighter_attach (GTK_WIDGET (self->title_entry), terms);
  rung_language_highlighter_attach (GTK_WIDGET (self->text_view), terms);
}

RungEvidence *
rung_evidence_editor_get_evidence (RungEvidenceEditor *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE_EDITOR (self), NULL);

  return self->evidence;
}

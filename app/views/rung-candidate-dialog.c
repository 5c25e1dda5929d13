/* rung-candidate-dialog.c: the New Candidate and Edit Details dialog: name,
 * current and target level, manager and team. The target level is one of the
 * ladder's. A name is required; the dialog stays open with the reason when
 * the panel refuses the change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-candidate-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-candidate-dialog.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"

typedef struct
{
  RungPanel               *panel;
  RungCandidate           *candidate;
  RungCandidateDialogDone  done;
  gpointer                 user_data;

  GtkEditable             *name;
  GtkEditable             *current_level;
  GtkDropDown             *target_level;
  GtkEditable             *manager;
  GtkEditable             *team;
  GtkLabel                *error;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->panel);
  g_clear_object (&form->candidate);
  g_free (form);
}

static GtkEditable *
add_field (GtkGrid    *grid,
           int         row,
           const char *label,
           const char *value)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
  gtk_grid_attach (grid, caption, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);

  return GTK_EDITABLE (entry);
}

static GtkDropDown *
add_level_field (GtkGrid    *grid,
                 int         row,
                 RungLadder *ladder,
                 const char *selected_id)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (_("_Target level"));
  GListModel *levels = rung_ladder_get_levels (ladder);
  GtkExpression *title = gtk_property_expression_new (RUNG_TYPE_LEVEL, NULL, "title");
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (levels), title);

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(RungLevel) level = g_list_model_get_item (levels, i);

      if (g_strcmp0 (rung_level_get_id (level), selected_id) == 0)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
    }

  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), dropdown);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
  gtk_grid_attach (grid, caption, 0, row, 1, 1);
  gtk_grid_attach (grid, dropdown, 1, row, 1, 1);

  return GTK_DROP_DOWN (dropdown);
}

static void
on_name_changed (GtkEditable      *name,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "save", text[0] != '\0');
}

static gboolean
save (Form     *form,
      GError  **error)
{
  RungLevel *level = gtk_drop_down_get_selected_item (form->target_level);
  const char *target = level ? rung_level_get_id (level) : NULL;

  if (form->candidate == NULL)
    {
      RungCandidate *candidate = rung_panel_add_candidate (form->panel,
                                                           gtk_editable_get_text (form->name),
                                                           gtk_editable_get_text (form->current_level),
                                                           target,
                                                           gtk_editable_get_text (form->manager),
                                                           gtk_editable_get_text (form->team),
                                                           error);
      if (candidate == NULL)
        return FALSE;

      form->candidate = g_object_ref (candidate);
      return TRUE;
    }

  return rung_candidate_set_details (form->candidate,
                                     gtk_editable_get_text (form->name),
                                     gtk_editable_get_text (form->current_level),
                                     target,
                                     gtk_editable_get_text (form->manager),
                                     gtk_editable_get_text (form->team),
                                     error);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Form             *form)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;

  if (!save (form, &error))
    {
      /* The dialog closes on any response: bring the form back with why. */
      gtk_label_set_text (form->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (form->error), TRUE);
      g_signal_stop_emission_by_name (dialog, "response");
      return;
    }

  if (form->done != NULL)
    form->done (form->candidate, form->user_data);
}

/**
 * rung_candidate_dialog_present:
 * @candidate: (nullable): the candidate to edit, or %NULL for a new one
 * @done: called with the candidate once saved
 */
AdwMessageDialog *
rung_candidate_dialog_present (GtkWindow               *parent,
                               RungPanel               *panel,
                               RungCandidate           *candidate,
                               RungCandidateDialogDone  done,
                               gpointer                 user_data)
{
  AdwMessageDialog *dialog;
  GtkWidget *grid = gtk_grid_new ();
  Form *form = g_new0 (Form, 1);
  RungLadder *ladder = rung_panel_get_ladder (panel);
  g_autoptr(RungLevel) first = g_list_model_get_item (rung_ladder_get_levels (ladder), 0);

  form->panel = g_object_ref (panel);
  form->candidate = candidate ? g_object_ref (candidate) : NULL;
  form->done = done;
  form->user_data = user_data;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  form->name = add_field (GTK_GRID (grid), 0, _("_Name"), candidate ? rung_candidate_get_name (candidate) : NULL);
  form->current_level = add_field (GTK_GRID (grid), 1, _("_Current level"),
                                   candidate ? rung_candidate_get_current_level (candidate) : NULL);
  form->target_level = add_level_field (GTK_GRID (grid), 2, ladder,
                                        candidate ? rung_candidate_get_target_level (candidate)
                                                  : rung_level_get_id (first));
  form->manager = add_field (GTK_GRID (grid), 3, _("_Manager"), candidate ? rung_candidate_get_manager (candidate) : NULL);
  form->team = add_field (GTK_GRID (grid), 4, _("T_eam"), candidate ? rung_candidate_get_team (candidate) : NULL);
  form->error = GTK_LABEL (g_object_new (GTK_TYPE_LABEL, "wrap", TRUE, "visible", FALSE,
                                         "css-classes", (const char *[]) { "error", NULL }, NULL));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (form->error), 0, 5, 2, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       candidate ? _("Edit Details") : _("New Candidate"),
                                                       NULL));
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", candidate ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  on_name_changed (form->name, dialog);

  g_signal_connect (form->name, "changed", G_CALLBACK (on_name_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), form,
                         (GClosureNotify)(void (*) (void))form_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->name));

  return dialog;
}

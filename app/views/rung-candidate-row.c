/* rung-candidate-row.c: a candidate in the sidebar: their name, current and
 * target level, status, and how much of the ladder has evidence. The row
 * follows the candidate as they change; during a blind meeting it shows
 * and speaks the letter that stands for them ("Candidate C") instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-candidate-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-candidate-row.h"

struct _RungCandidateRow
{
  GtkWidget      parent_instance;

  RungCandidate *candidate;
  GSignalGroup  *signals;

  GtkLabel      *name_label;
  GtkLabel      *details_label;
  GtkLevelBar   *coverage_bar;
  GtkLabel      *coverage_label;
};

G_DEFINE_FINAL_TYPE (RungCandidateRow, rung_candidate_row, GTK_TYPE_WIDGET)

static void
update (RungCandidateRow *self)
{
  RungCandidate *candidate = self->candidate;
  const char *current;
  guint covered, total;
  g_autofree char *details = NULL;
  g_autofree char *coverage = NULL;
  g_autofree char *coverage_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  if (candidate == NULL)
    return;

  /* The display name follows blind mode: notify::display-name brings us here. */
  name = rung_candidate_dup_display_name (candidate);

  current = rung_candidate_get_current_level (candidate);
  covered = rung_candidate_get_n_covered (candidate);
  total = rung_candidate_get_n_expectations (candidate);

  /* Translators: current level → target level · status, as in "L5 → L6 · Ready" */
  details = g_strdup_printf (_("%s → %s · %s"), current ? current : "—",
                             rung_candidate_get_target_level (candidate),
                             rung_candidate_status_get_label (rung_candidate_get_status (candidate)));
  coverage = g_strdup_printf ("%u/%u", covered, total);
  coverage_name = g_strdup_printf (_("Evidence for %u of %u expectations"), covered, total);
  /* Translators: how a screen reader describes a candidate's row: their
   * levels and status, then how much evidence they have */
  description = g_strdup_printf (_("%s, %s"), details, coverage_name);

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->coverage_label, coverage);
  gtk_level_bar_set_max_value (self->coverage_bar, MAX (total, 1));
  gtk_level_bar_set_value (self->coverage_bar, covered);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->coverage_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, coverage_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
rung_candidate_row_dispose (GObject *object)
{
  RungCandidateRow *self = (RungCandidateRow *)object;
  GtkWidget *child;

  g_clear_object (&self->signals);
  g_clear_object (&self->candidate);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rung_candidate_row_parent_class)->dispose (object);
}

static void
rung_candidate_row_class_init (RungCandidateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_candidate_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "candidaterow");
  /* A group, named for the candidate, as a screen reader meets the row. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rung_candidate_row_init (RungCandidateRow *self)
{
  GtkWidget *coverage = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 3);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  self->name_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "css-classes", (const char *[]) { "heading", NULL }, NULL);
  self->details_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE,
                                      "css-classes", (const char *[]) { "dim-label", "caption", NULL }, NULL);
  self->coverage_bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
  self->coverage_label = g_object_new (GTK_TYPE_LABEL,
                                       "css-classes", (const char *[]) { "dim-label", "caption", "numeric", NULL },
                                       NULL);

  gtk_widget_set_hexpand (GTK_WIDGET (self->coverage_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->coverage_bar), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (coverage), GTK_WIDGET (self->coverage_bar));
  gtk_box_append (GTK_BOX (coverage), GTK_WIDGET (self->coverage_label));

  gtk_widget_set_parent (GTK_WIDGET (self->name_label), GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->details_label), GTK_WIDGET (self));
  gtk_widget_set_parent (coverage, GTK_WIDGET (self));

  self->signals = g_signal_group_new (RUNG_TYPE_CANDIDATE);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (update), self);
}

GtkWidget *
rung_candidate_row_new (void)
{
  return g_object_new (RUNG_TYPE_CANDIDATE_ROW, NULL);
}

RungCandidate *
rung_candidate_row_get_candidate (RungCandidateRow *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE_ROW (self), NULL);

  return self->candidate;
}

void
rung_candidate_row_set_candidate (RungCandidateRow *self,
                                  RungCandidate    *candidate)
{
  g_return_if_fail (RUNG_IS_CANDIDATE_ROW (self));

  if (!g_set_object (&self->candidate, candidate))
    return;

  g_signal_group_set_target (self->signals, candidate);
  update (self);
}

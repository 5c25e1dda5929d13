/* rung-compare-window.c: calibration across candidates: two to four
 * candidates for the same level, one column each, every expectation of the
 * ladder a row, so a committee reads the same expectation across people.
 * Candidates are picked with the checks at the top.
 *
 * During a blind meeting candidates go by their letters, in the letters'
 * order rather than the names', and the window follows blind mode as it
 * comes and goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-compare-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-compare-window.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"

struct _RungCompareWindow
{
  AdwWindow   parent_instance;

  RungPanel  *panel;
  char       *level_id;
  GPtrArray  *shown;        /* RungCandidate, in the order of ordered_candidates() */

  GtkBox     *choices;
  GtkGrid    *grid;
  GtkLabel   *hint;
};

G_DEFINE_FINAL_TYPE (RungCompareWindow, rung_compare_window, ADW_TYPE_WINDOW)

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  /* Texts can be selected and copied; headings need not. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f, "yalign", 0.0f,
                                   "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "selectable", css_class == NULL || g_str_equal (css_class, "ladder-text"),
                                   "max-width-chars", 40, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* "Candidate B" before "Candidate AA": the letters count like a
 * spreadsheet's columns, so shorter comes first. */
static int
compare_display_names (gconstpointer a,
                       gconstpointer b)
{
  RungCandidate *candidate_a = *(RungCandidate **)a;
  RungCandidate *candidate_b = *(RungCandidate **)b;
  g_autofree char *name_a = rung_candidate_dup_display_name (candidate_a);
  g_autofree char *name_b = rung_candidate_dup_display_name (candidate_b);
  glong length_a = g_utf8_strlen (name_a, -1);
  glong length_b = g_utf8_strlen (name_b, -1);

  if (length_a != length_b)
    return length_a < length_b ? -1 : 1;

  return g_utf8_collate (name_a, name_b);
}

/* The candidates for the window's level, as the checks and the columns
 * list them: in the panel's order, which is by name, or while blind by
 * letter, so that the order says nothing of the names. */
static GPtrArray *
ordered_candidates (RungCompareWindow *self)
{
  GListModel *candidates = rung_panel_get_candidates (self->panel);
  GPtrArray *ordered = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      RungCandidate *candidate = g_list_model_get_item (candidates, i);

      if (g_strcmp0 (rung_candidate_get_target_level (candidate), self->level_id) == 0)
        g_ptr_array_add (ordered, candidate);
      else
        g_object_unref (candidate);
    }

  if (rung_panel_get_blind (self->panel))
    g_ptr_array_sort (ordered, compare_display_names);

  return ordered;
}

static GtkWidget *
evidence_column_cell (RungCandidate   *candidate,
                      RungExpectation *expectation)
{
  GListModel *items = rung_candidate_get_evidence (candidate, rung_expectation_get_id (expectation));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, i);

      gtk_box_append (GTK_BOX (box), text_label (rung_evidence_get_title (evidence), "heading"));
      gtk_box_append (GTK_BOX (box), text_label (rung_evidence_get_text (evidence), NULL));
    }

  if (n == 0)
    gtk_box_append (GTK_BOX (box), text_label (_("No evidence yet"), "missing-evidence"));

  return box;
}

static void
rebuild_grid (RungCompareWindow *self)
{
  RungLevel *level = rung_ladder_find_level (rung_panel_get_ladder (self->panel), self->level_id);
  GListModel *areas = rung_level_get_areas (level);
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);

  gtk_widget_set_visible (GTK_WIDGET (self->hint), self->shown->len < 2);

  gtk_grid_attach (self->grid, text_label (_("The Ladder"), "column-heading"), 0, 0, 1, 1);
  for (guint c = 0; c < self->shown->len; c++)
    {
      RungCandidate *candidate = g_ptr_array_index (self->shown, c);
      g_autofree char *name = rung_candidate_dup_display_name (candidate);
      g_autofree char *heading = g_strdup_printf (_("%s (%u of %u expectations with evidence)"),
                                                  name,
                                                  rung_candidate_get_n_covered (candidate),
                                                  rung_candidate_get_n_expectations (candidate));

      gtk_grid_attach (self->grid, text_label (heading, "title-4"), c + 1, 0, 1, 1);
    }

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      GListModel *expectations = rung_area_get_expectations (area);

      gtk_grid_attach (self->grid, text_label (rung_area_get_title (area), "title-2"), 0, row++, self->shown->len + 1, 1);

      for (guint e = 0; e < g_list_model_get_n_items (expectations); e++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, e);
          GtkWidget *ladder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

          gtk_widget_add_css_class (ladder, "ladder-cell");
          gtk_box_append (GTK_BOX (ladder), text_label (rung_expectation_get_title (expectation), "heading"));
          gtk_box_append (GTK_BOX (ladder), text_label (rung_expectation_get_text (expectation), "ladder-text"));
          gtk_grid_attach (self->grid, ladder, 0, row, 1, 1);

          for (guint c = 0; c < self->shown->len; c++)
            gtk_grid_attach (self->grid, evidence_column_cell (g_ptr_array_index (self->shown, c), expectation),
                             c + 1, row, 1, 1);
          row++;
        }
    }
}

static gboolean
is_shown (RungCompareWindow *self,
          RungCandidate     *candidate)
{
  return g_ptr_array_find (self->shown, candidate, NULL);
}

static void
update_choices (RungCompareWindow *self)
{
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->choices));
       check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      RungCandidate *candidate = g_object_get_data (G_OBJECT (check), "candidate");
      gboolean shown = is_shown (self, candidate);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), shown);
      /* At most four columns: the others wait until one is taken away. */
      gtk_widget_set_sensitive (check, shown || self->shown->len < RUNG_COMPARE_MAX);
    }
}

/* Puts the columns in the order of the checks. */
static void
order_shown (RungCompareWindow *self,
             RungCandidate     *also)
{
  g_autoptr(GPtrArray) candidates = ordered_candidates (self);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < candidates->len; i++)
    {
      RungCandidate *item = g_ptr_array_index (candidates, i);

      if (item == also || is_shown (self, item))
        g_ptr_array_add (ordered, g_object_ref (item));
    }
  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; i < ordered->len; i++)
    g_ptr_array_add (self->shown, g_object_ref (g_ptr_array_index (ordered, i)));
}

void
rung_compare_window_set_shown (RungCompareWindow *self,
                               RungCandidate     *candidate,
                               gboolean           shown)
{
  g_return_if_fail (RUNG_IS_COMPARE_WINDOW (self));
  g_return_if_fail (RUNG_IS_CANDIDATE (candidate));

  if (shown == is_shown (self, candidate) ||
      (shown && self->shown->len >= RUNG_COMPARE_MAX) ||
      g_strcmp0 (rung_candidate_get_target_level (candidate), self->level_id) != 0)
    {
      update_choices (self);
      return;
    }

  if (!shown)
    g_ptr_array_remove (self->shown, candidate);
  else
    order_shown (self, candidate);

  update_choices (self);
  rebuild_grid (self);
}

guint
rung_compare_window_get_n_shown (RungCompareWindow *self)
{
  g_return_val_if_fail (RUNG_IS_COMPARE_WINDOW (self), 0);

  return self->shown->len;
}

static void
on_check_toggled (GtkCheckButton    *check,
                  RungCompareWindow *self)
{
  rung_compare_window_set_shown (self, g_object_get_data (G_OBJECT (check), "candidate"),
                                 gtk_check_button_get_active (check));
}

static void
fill_choices (RungCompareWindow *self)
{
  g_autoptr(GPtrArray) candidates = ordered_candidates (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices))))
    gtk_box_remove (self->choices, child);

  for (guint i = 0; i < candidates->len; i++)
    {
      RungCandidate *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *name = rung_candidate_dup_display_name (candidate);
      GtkWidget *check = gtk_check_button_new_with_label (name);

      g_object_set_data_full (G_OBJECT (check), "candidate", g_object_ref (candidate), g_object_unref);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
      gtk_box_append (self->choices, check);
    }
}

/* Blind mode came or went: every name shown, and the order, change. */
static void
on_blind_changed (RungCompareWindow *self)
{
  if (self->panel == NULL)
    return;

  fill_choices (self);
  order_shown (self, NULL);
  update_choices (self);
  rebuild_grid (self);
}

static void
rung_compare_window_dispose (GObject *object)
{
  RungCompareWindow *self = (RungCompareWindow *)object;

  if (self->panel != NULL)
    g_signal_handlers_disconnect_by_func (self->panel, on_blind_changed, self);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_object (&self->panel);

  G_OBJECT_CLASS (rung_compare_window_parent_class)->dispose (object);
}

static void
rung_compare_window_finalize (GObject *object)
{
  RungCompareWindow *self = (RungCompareWindow *)object;

  g_free (self->level_id);

  G_OBJECT_CLASS (rung_compare_window_parent_class)->finalize (object);
}

static void
rung_compare_window_class_init (RungCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_compare_window_dispose;
  object_class->finalize = rung_compare_window_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rung_compare_window_init (RungCompareWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *choices_label = text_label (_("Show side by side (two to four):"), "heading");

  self->shown = g_ptr_array_new_with_free_func (g_object_unref);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Compare Candidates"), NULL));
  gtk_window_set_title (GTK_WINDOW (self), _("Compare Candidates"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);

  self->choices = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choices), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Candidates to compare"), -1);
  self->hint = GTK_LABEL (text_label (_("Choose at least two candidates to compare."), "dim-label"));
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 12);
  gtk_grid_set_column_homogeneous (self->grid, TRUE);

  gtk_widget_set_margin_start (body, 24);
  gtk_widget_set_margin_end (body, 24);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 24);
  gtk_box_append (GTK_BOX (body), choices_label);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->choices));
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->hint));
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->grid));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), body);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * rung_compare_window_new:
 * @first: the candidate the comparison starts from; the next candidate for
 *   the same level is shown beside them
 */
GtkWidget *
rung_compare_window_new (RungPanel     *panel,
                         RungCandidate *first)
{
  RungCompareWindow *self;
  g_autoptr(GPtrArray) candidates = NULL;

  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (first), NULL);

  self = g_object_new (RUNG_TYPE_COMPARE_WINDOW, NULL);
  self->panel = g_object_ref (panel);
  self->level_id = g_strdup (rung_candidate_get_target_level (first));
  g_signal_connect_object (panel, "notify::blind", G_CALLBACK (on_blind_changed), self, G_CONNECT_SWAPPED);
  fill_choices (self);

  rung_compare_window_set_shown (self, first, TRUE);
  candidates = ordered_candidates (self);
  for (guint i = 0; i < candidates->len && self->shown->len < 2; i++)
    {
      RungCandidate *other = g_ptr_array_index (candidates, i);

      if (other != first)
        rung_compare_window_set_shown (self, other, TRUE);
    }

  rebuild_grid (self);

  return GTK_WIDGET (self);
}

/* rung-ratings-view.c: the panel's side of a candidate: the panelists and
 * their conflicts of interest, a grid of ratings (a row per panelist, a
 * column per area) on the ladder's scale with a comment each, and the chart
 * of how the ratings spread. A conflicted panelist's row says Recused and
 * takes no rating; the model refuses one anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-ratings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-area.h"
#include "rung-calibration.h"
#include "rung-calibration-chart.h"
#include "rung-candidate.h"
#include "rung-grade.h"
#include "rung-ladder.h"
#include "rung-language-highlighter.h"
#include "rung-language-note.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-rating.h"
#include "rung-ratings-view.h"
#include "rung-spread-chart.h"

struct _RungRatingsView
{
  AdwBin           parent_instance;

  RungCandidate   *candidate;
  RungPanel       *panel;
  guint            rebuild_id;

  GtkListBox      *panelists_list;
  GtkLabel        *scale_legend;
  GtkGrid         *grid;
  RungSpreadChart *chart;
  GtkLabel        *error_label;

  RungCalibrationChart *calibration_chart;
  GtkBox               *calibration_notes;
};

G_DEFINE_FINAL_TYPE (RungRatingsView, rung_ratings_view, ADW_TYPE_BIN)

static void schedule_rebuild (RungRatingsView *self);

GtkWidget *
rung_ratings_view_new (void)
{
  return g_object_new (RUNG_TYPE_RATINGS_VIEW, NULL);
}

static gboolean
is_editable (RungRatingsView *self)
{
  return self->panel != NULL && !rung_panel_is_read_only (self->panel);
}

static void
show_error (RungRatingsView *self,
            const GError    *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f,
                                   "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Panelists and conflicts */

static void
on_conflict_toggled (GtkCheckButton  *check,
                     RungRatingsView *self)
{
  RungPanelist *panelist = g_object_get_data (G_OBJECT (check), "panelist");
  gboolean active = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (active == rung_panel_has_conflict (self->panel, panelist, self->candidate))
    return;

  if (!rung_panel_set_conflict (self->panel, panelist, self->candidate, active, NULL, &error))
    show_error (self, error);
  else
    show_error (self, NULL);
}

static void
fill_panelists (RungRatingsView *self)
{
  GListModel *panelists = rung_panel_get_panelists (self->panel);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->panelists_list))))
    gtk_list_box_remove (self->panelists_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (panelists); i++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new_with_label (_("Conflict of interest"));
      g_autofree char *check_name = g_strdup_printf (_("%s has a conflict of interest"),
                                                     rung_panelist_get_name (panelist));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rung_panelist_get_name (panelist));
      if (rung_panelist_get_role (panelist) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rung_panelist_get_role (panelist));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   rung_panel_has_conflict (self->panel, panelist, self->candidate));
      gtk_widget_set_sensitive (check, is_editable (self));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);
      g_object_set_data_full (G_OBJECT (check), "panelist", g_object_ref (panelist), g_object_unref);
      g_signal_connect (check, "toggled", G_CALLBACK (on_conflict_toggled), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->panelists_list, row);
    }

  if (g_list_model_get_n_items (panelists) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No panelists yet"));
      gtk_list_box_append (self->panelists_list, row);
    }
}

static void
on_add_panelist_response (AdwMessageDialog *dialog,
                          const char       *response,
                          RungRatingsView  *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkEditable *name = GTK_EDITABLE (gtk_widget_get_first_child (box));
  GtkEditable *role = GTK_EDITABLE (gtk_widget_get_next_sibling (GTK_WIDGET (name)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || self->panel == NULL)
    return;

  if (!rung_panel_add_panelist (self->panel, gtk_editable_get_text (name), gtk_editable_get_text (role), &error))
    show_error (self, error);
  else
    show_error (self, NULL);
}

static void
add_panelist_clicked (RungRatingsView *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *role = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (role), _("Role (optional), such as Chair"));
  gtk_entry_set_activates_default (GTK_ENTRY (name), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (role), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Panelist name"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Panelist role"), -1);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), role);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Add Panelist"), NULL));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_panelist_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

/* The ratings grid */

typedef struct
{
  RungPanelist *panelist;
  char         *area_id;
} Cell;

static void
cell_free (Cell *cell)
{
  g_object_unref (cell->panelist);
  g_free (cell->area_id);
  g_free (cell);
}

/* The grades of the scale, highest first, as the dropdown lists them after
 * its first entry, "not rated". */
static int
grade_value_at (RungRatingsView *self,
                guint            position)
{
  GListModel *scale = rung_ladder_get_scale (rung_panel_get_ladder (self->panel));
  g_autoptr(RungGrade) grade = g_list_model_get_item (scale, position - 1);

  return grade ? rung_grade_get_value (grade) : -1;
}

static void
write_rating (RungRatingsView *self,
              Cell            *cell,
              guint            position,
              const char      *comment)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    ok = rung_panel_clear_rating (self->panel, cell->panelist, self->candidate, cell->area_id, &error);
  else
    ok = rung_panel_set_rating (self->panel, cell->panelist, self->candidate, cell->area_id,
                                grade_value_at (self, position), comment, &error);

  show_error (self, ok ? NULL : error);
}

static void
on_rating_selected (GtkDropDown     *dropdown,
                    GParamSpec      *pspec,
                    RungRatingsView *self)
{
  Cell *cell = g_object_get_data (G_OBJECT (dropdown), "cell");
  RungRating *rating = rung_candidate_find_rating (self->candidate, cell->panelist, cell->area_id);
  guint position = gtk_drop_down_get_selected (dropdown);

  if (g_object_get_data (G_OBJECT (dropdown), "loading"))
    return;

  write_rating (self, cell, position, rating ? rung_rating_get_comment (rating) : "");
}

static void
on_comment_activate (GtkEntry        *entry,
                     RungRatingsView *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (entry), "dropdown");
  Cell *cell = g_object_get_data (G_OBJECT (dropdown), "cell");
  guint position = gtk_drop_down_get_selected (dropdown);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);

  if (position != 0 && position != GTK_INVALID_LIST_POSITION)
    write_rating (self, cell, position, gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The comment's entry, with its subjective language marked and listed. */
static GtkWidget *
comment_field (RungRatingsView *self,
               GtkWidget       *entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *note = rung_language_note_new ();
  RungLanguageHighlighter *highlighter =
    rung_language_highlighter_attach (entry, rung_panel_get_language_terms (self->panel));

  rung_language_note_add_highlighter (RUNG_LANGUAGE_NOTE (note), highlighter);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), note);

  return box;
}

static GtkWidget *
rating_cell (RungRatingsView *self,
             RungPanelist    *panelist,
             RungArea        *area)
{
  GListModel *scale = rung_ladder_get_scale (rung_panel_get_ladder (self->panel));
  RungRating *rating = rung_candidate_find_rating (self->candidate, panelist, rung_area_get_id (area));
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *dropdown;
  GtkWidget *comment_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *entry = gtk_entry_new ();
  Cell *cell = g_new0 (Cell, 1);
  g_autofree char *name = g_strdup_printf (_("Rating of %s by %s"), rung_area_get_title (area),
                                           rung_panelist_get_name (panelist));
  g_autofree char *comment_name = g_strdup_printf (_("Comment on the rating of %s by %s"),
                                                   rung_area_get_title (area), rung_panelist_get_name (panelist));
  guint selected = 0;

  /* Translators: a cell of the ratings grid that has no rating yet */
  gtk_string_list_append (choices, C_("rating", "—"));
  for (guint i = 0; i < g_list_model_get_n_items (scale); i++)
    {
      g_autoptr(RungGrade) grade = g_list_model_get_item (scale, i);
      g_autofree char *text = g_strdup_printf ("%d", rung_grade_get_value (grade));

      gtk_string_list_append (choices, text);
      if (rating != NULL && rung_rating_get_value (rating) == rung_grade_get_value (grade))
        selected = i + 1;
    }

  cell->panelist = g_object_ref (panelist);
  cell->area_id = g_strdup (rung_area_get_id (area));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
  g_object_set_data_full (G_OBJECT (dropdown), "cell", cell, (GDestroyNotify)cell_free);
  g_object_set_data (G_OBJECT (dropdown), "loading", GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  g_object_set_data (G_OBJECT (dropdown), "loading", NULL);
  gtk_widget_set_sensitive (dropdown, is_editable (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_rating_selected), self);

  gtk_editable_set_text (GTK_EDITABLE (entry), rating ? rung_rating_get_comment (rating) : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Comment, then Enter"));
  gtk_widget_set_size_request (entry, 280, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, comment_name, -1);
  g_object_set_data (G_OBJECT (entry), "dropdown", dropdown);
  g_signal_connect (entry, "activate", G_CALLBACK (on_comment_activate), self);
  gtk_popover_set_child (GTK_POPOVER (popover), comment_field (self, entry));

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (comment_button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (comment_button),
                                 rating && *rung_rating_get_comment (rating) ? "user-available-symbolic"
                                                                             : "document-edit-symbolic");
  gtk_widget_add_css_class (comment_button, "flat");
  gtk_widget_set_sensitive (comment_button, is_editable (self) && rating != NULL);
  gtk_widget_set_tooltip_text (comment_button, rating ? rung_rating_get_comment (rating) : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (comment_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  comment_name, -1);

  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), comment_button);

  return box;
}

static void
fill_grid (RungRatingsView *self)
{
  RungLevel *level = rung_candidate_get_level (self->candidate);
  GListModel *areas = level ? rung_level_get_areas (level) : NULL;
  GListModel *panelists = rung_panel_get_panelists (self->panel);
  GListModel *scale = rung_ladder_get_scale (rung_panel_get_ladder (self->panel));
  g_autoptr(GString) legend = g_string_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);

  for (guint i = 0; i < g_list_model_get_n_items (scale); i++)
    {
      g_autoptr(RungGrade) grade = g_list_model_get_item (scale, i);

      /* Translators: one grade of the scale in the legend, like "4 Strong evidence" */
      g_string_append_printf (legend, i ? _(" · %d %s") : _("%d %s"),
                              rung_grade_get_value (grade), rung_grade_get_label (grade));
    }
  gtk_label_set_text (self->scale_legend, legend->str);

  if (areas == NULL)
    return;

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);

      gtk_grid_attach (self->grid, plain_label (rung_area_get_title (area), "caption-heading"), a + 1, 0, 1, 1);
    }

  for (guint p = 0; p < g_list_model_get_n_items (panelists); p++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, p);
      gboolean recused = rung_panel_has_conflict (self->panel, panelist, self->candidate);

      gtk_grid_attach (self->grid, plain_label (rung_panelist_get_name (panelist), "heading"), 0, p + 1, 1, 1);

      if (recused)
        {
          /* Translators: a panelist with a conflict takes no part for this candidate */
          GtkWidget *label = plain_label (_("Recused: conflict of interest"), "dim-label");

          gtk_grid_attach (self->grid, label, 1, p + 1, g_list_model_get_n_items (areas), 1);
          continue;
        }

      for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
        {
          g_autoptr(RungArea) area = g_list_model_get_item (areas, a);

          gtk_grid_attach (self->grid, rating_cell (self, panelist, area), a + 1, p + 1, 1, 1);
        }
    }
}

/* How each panelist rates, over the whole panel */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* The panel's calibration beside one candidate's ratings: a panelist who
 * rates above or below the rest is worth knowing of while reading theirs. */
static void
fill_calibration (RungRatingsView *self)
{
  g_autoptr(GPtrArray) calibrations = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any = FALSE;

  clear_box (self->calibration_notes);
  calibrations = rung_panel_compute_calibration (self->panel, &error);

  if (calibrations == NULL || !rung_calibration_is_enough (calibrations))
    {
      rung_calibration_chart_set_calibrations (self->calibration_chart, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->calibration_chart), FALSE);
      gtk_box_append (self->calibration_notes,
                      plain_label (error ? error->message
                                         : _("Calibration shows once panelists have rated at least five "
                                             "candidates that others rated too."),
                                   "dim-label"));
      return;
    }

  rung_calibration_chart_set_calibrations (self->calibration_chart, calibrations);
  gtk_widget_set_visible (GTK_WIDGET (self->calibration_chart), TRUE);

  for (guint i = 0; i < calibrations->len; i++)
    {
      g_autofree char *sentence = rung_rater_calibration_dup_sentence (g_ptr_array_index (calibrations, i));

      if (sentence != NULL)
        {
          gtk_box_append (self->calibration_notes, plain_label (sentence, "calibration-note"));
          any = TRUE;
        }
    }

  if (!any)
    gtk_box_append (self->calibration_notes,
                    plain_label (_("Nobody’s ratings sit consistently above or below the rest of the panel’s."),
                                 "dim-label"));
}

static gboolean
rebuild (gpointer data)
{
  RungRatingsView *self = data;

  self->rebuild_id = 0;
  if (self->candidate == NULL || self->panel == NULL)
    return G_SOURCE_REMOVE;

  fill_panelists (self);
  fill_grid (self);
  fill_calibration (self);

  return G_SOURCE_REMOVE;
}

/* Changes arrive from inside our own handlers: rebuild once, afterwards. */
static void
schedule_rebuild (RungRatingsView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild, self);
}

void
rung_ratings_view_set_candidate (RungRatingsView *self,
                                 RungCandidate   *candidate)
{
  g_return_if_fail (RUNG_IS_RATINGS_VIEW (self));

  if (self->candidate == candidate)
    return;

  if (self->candidate != NULL)
    g_signal_handlers_disconnect_by_data (rung_candidate_get_ratings (self->candidate), self);
  if (self->panel != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->panel, self);
      g_signal_handlers_disconnect_by_data (rung_panel_get_panelists (self->panel), self);
    }

  g_set_object (&self->candidate, candidate);
  {
    RungPanel *panel = candidate ? rung_candidate_get_panel (candidate) : NULL;

    g_set_object (&self->panel, panel);
  }
  rung_spread_chart_set_candidate (self->chart, candidate);
  show_error (self, NULL);

  if (candidate != NULL && self->panel != NULL)
    {
      g_signal_connect_object (rung_candidate_get_ratings (candidate), "items-changed",
                               G_CALLBACK (schedule_rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->panel, "conflicts-changed",
                               G_CALLBACK (schedule_rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rung_panel_get_panelists (self->panel), "items-changed",
                               G_CALLBACK (schedule_rebuild), self, G_CONNECT_SWAPPED);
      rebuild (self);
    }
}

static void
rung_ratings_view_dispose (GObject *object)
{
  RungRatingsView *self = (RungRatingsView *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->candidate);
  g_clear_object (&self->panel);

  G_OBJECT_CLASS (rung_ratings_view_parent_class)->dispose (object);
}

static void
rung_ratings_view_class_init (RungRatingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_ratings_view_dispose;
}

static void
append_calibration (RungRatingsView *self,
                    GtkBox          *box)
{
  GtkWidget *details = gtk_button_new_with_mnemonic (_("Rater _Calibration…"));

  self->calibration_chart = RUNG_CALIBRATION_CHART (rung_calibration_chart_new ());
  self->calibration_notes = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (details), "win.show-calibration");
  gtk_widget_set_halign (details, GTK_ALIGN_START);

  gtk_box_append (box, g_object_new (GTK_TYPE_LABEL, "label", _("How Each Panelist Rates"), "xalign", 0.0f,
                                     "margin-top", 18, "css-classes", (const char *[]) { "title-2", NULL },
                                     NULL));
  gtk_box_append (box, plain_label (_("Over every candidate they rated, each panelist’s ratings against the "
                                      "rest of the panel’s."), "dim-label"));
  gtk_box_append (box, GTK_WIDGET (self->calibration_chart));
  gtk_box_append (box, GTK_WIDGET (self->calibration_notes));
  gtk_box_append (box, details);
}

static void
rung_ratings_view_init (RungRatingsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *add = gtk_button_new_with_label (_("Add Panelist…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->panelists_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->panelists_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->panelists_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->panelists_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Panelists"), -1);

  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_panelist_clicked), self);

  self->error_label = GTK_LABEL (plain_label ("", "error"));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->scale_legend = GTK_LABEL (plain_label ("", "dim-label"));
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_grid_set_column_spacing (self->grid, 8);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->grid));
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);

  self->chart = RUNG_SPREAD_CHART (rung_spread_chart_new ());

  gtk_box_append (GTK_BOX (box), plain_label (_("Panelists"), "title-2"));
  gtk_box_append (GTK_BOX (box), plain_label (_("A panelist with a conflict of interest neither rates nor votes for this candidate."), "dim-label"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->panelists_list));
  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "label", _("Ratings"), "xalign", 0.0f,
                                               "margin-top", 18, "css-classes", (const char *[]) { "title-2", NULL },
                                               NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scale_legend));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "label", _("Spread of the Ratings"), "xalign", 0.0f,
                                               "margin-top", 18, "css-classes", (const char *[]) { "title-2", NULL },
                                               NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chart));
  append_calibration (self, GTK_BOX (box));

  adw_bin_set_child (ADW_BIN (self), box);
}

/* rung-evidence-view.c: the heart of the review: for every area of the
 * candidate's level, every expectation of the ladder on the left and the
 * candidate's evidence for it on the right, row by row, so the eye moves
 * across. Expectations without evidence are marked; each area says how much
 * of it has evidence. Then the level's anti-patterns, with the concerns the
 * panel raised beside them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-evidence-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-anti-pattern.h"
#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-concern.h"
#include "rung-evidence.h"
#include "rung-evidence-editor.h"
#include "rung-evidence-view.h"
#include "rung-expectation.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-wrap-bin.h"

struct _RungEvidenceView
{
  AdwBin         parent_instance;

  RungCandidate *candidate;
  GSignalGroup  *concerns_signals;

  /* Built once per level and kept while candidates of that level come and
   * go: laying out the ladder's long texts is most of the cost of a page. */
  RungLevel     *level;
  GtkBox        *sections;
  GPtrArray     *coverage_labels;   /* (RungArea, GtkLabel, GtkLevelBar) per area */
  GPtrArray     *rows;              /* EvidenceRow per expectation */
  GtkWidget     *concerns_box;

  /* Rows below the first screen get the candidate's evidence a little
   * after the page is shown, one per idle turn. */
  guint          fill_source;
  guint          next_row;
};

G_DEFINE_FINAL_TYPE (RungEvidenceView, rung_evidence_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CANDIDATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  RungArea    *area;
  GtkLabel    *label;
  GtkLevelBar *bar;
} AreaCoverage;

static void
area_coverage_free (AreaCoverage *coverage)
{
  g_object_unref (coverage->area);
  g_free (coverage);
}

/* One expectation's row: the ladder's cell, then the candidate's: their
 * evidence items, an Add button, and a mark while there is nothing. Rows
 * are built once per level and bound to each candidate's items in turn, and
 * their editors are reused as items come and go.
 *
 * Rows are homogeneous boxes rather than one grid: a grid asks wrapped
 * text for its height at dozens of widths while it sizes its columns. */
typedef struct
{
  RungEvidenceView *view;
  RungExpectation  *expectation;
  GListModel       *items;
  GSignalGroup     *items_signals;
  GtkWidget        *cell;
  GtkBox           *editors;
  GtkWidget        *missing;
  GtkWidget        *add;
} EvidenceRow;

static void
evidence_row_free (EvidenceRow *row)
{
  g_clear_object (&row->items_signals);
  g_object_unref (row->expectation);
  g_free (row);
}

GtkWidget *
rung_evidence_view_new (void)
{
  return g_object_new (RUNG_TYPE_EVIDENCE_VIEW, NULL);
}

static gboolean
is_editable (RungEvidenceView *self)
{
  RungPanel *panel = self->candidate ? rung_candidate_get_panel (self->candidate) : NULL;

  return panel != NULL && !rung_panel_is_read_only (panel);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A cell of a row, as tall as its content: the alignment is the bin's, so
 * that aligning it asks no box below for its width at a height. */
static GtkWidget *
row_cell (GtkWidget *content)
{
  GtkWidget *cell = rung_wrap_bin_new (content);

  gtk_widget_set_valign (cell, GTK_ALIGN_START);

  return cell;
}

/* The ladder's side of a row: its title above its text. */
static GtkWidget *
ladder_cell (const char *title,
             const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text_label = wrapped_label (text, "ladder-text");

  gtk_label_set_selectable (GTK_LABEL (text_label), TRUE);
  gtk_widget_add_css_class (box, "ladder-cell");
  gtk_box_append (GTK_BOX (box), wrapped_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), text_label);

  return row_cell (box);
}

static void
update_coverage (RungEvidenceView *self)
{
  for (guint i = 0; i < self->coverage_labels->len; i++)
    {
      AreaCoverage *coverage = g_ptr_array_index (self->coverage_labels, i);
      guint n = g_list_model_get_n_items (rung_area_get_expectations (coverage->area));
      guint covered = rung_candidate_get_n_covered_in_area (self->candidate, coverage->area);
      g_autofree char *text = NULL;

      /* Translators: how many of an area's expectations have evidence */
      text = g_strdup_printf (ngettext ("%u of %u expectation has evidence",
                                        "%u of %u expectations have evidence", n),
                              covered, n);
      gtk_label_set_text (coverage->label, text);
      gtk_level_bar_set_max_value (coverage->bar, MAX (n, 1));
      gtk_level_bar_set_value (coverage->bar, covered);
      gtk_accessible_update_property (GTK_ACCESSIBLE (coverage->bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

/* Shows the row's items, reusing the editors it has. */
static void
evidence_row_sync (EvidenceRow *row)
{
  guint n = row->items ? g_list_model_get_n_items (row->items) : 0;
  gboolean editable = is_editable (row->view);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row->editors));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungEvidence) evidence = g_list_model_get_item (row->items, i);

      if (child == NULL)
        {
          gtk_box_append (row->editors, rung_evidence_editor_new (evidence, editable));
          continue;
        }

      /* An item that stays where it was keeps its editor as it is, with
       * the cursor of whoever is typing in it. */
      if (rung_evidence_editor_get_evidence (RUNG_EVIDENCE_EDITOR (child)) != evidence)
        rung_evidence_editor_set_evidence (RUNG_EVIDENCE_EDITOR (child), evidence, editable);
      child = gtk_widget_get_next_sibling (child);
    }

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (row->editors, child);
      child = next;
    }

  gtk_widget_set_visible (row->missing, n == 0);
  gtk_widget_set_visible (row->add, editable);
}

static void
evidence_row_bind (EvidenceRow   *row,
                   RungCandidate *candidate)
{
  row->items = candidate ? rung_candidate_get_evidence (candidate, rung_expectation_get_id (row->expectation)) : NULL;
  g_signal_group_set_target (row->items_signals, row->items);
  evidence_row_sync (row);
}

static void
on_items_changed (EvidenceRow *row)
{
  evidence_row_sync (row);
  update_coverage (row->view);
}

static void
add_evidence_clicked (EvidenceRow *row)
{
  RungEvidenceView *self = row->view;
  g_autoptr(GError) error = NULL;
  GtkWidget *last;

  if (!rung_candidate_add_evidence (self->candidate, rung_expectation_get_id (row->expectation),
                                    "", "", NULL, NULL, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  /* The new item's title takes the focus, to be typed into at once. */
  last = gtk_widget_get_last_child (GTK_WIDGET (row->editors));
  if (last != NULL)
    gtk_widget_child_focus (last, GTK_DIR_TAB_FORWARD);
}

static GtkWidget *
evidence_cell (EvidenceRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *add_name = g_strdup_printf (_("Add evidence for “%s”"),
                                               rung_expectation_get_title (row->expectation));

  row->editors = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  row->missing = wrapped_label (_("No evidence yet"), "missing-evidence");
  row->add = gtk_button_new_with_label (_("Add Evidence"));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->editors));
  gtk_box_append (GTK_BOX (box), row->missing);
  gtk_box_append (GTK_BOX (box), row->add);

  gtk_widget_set_halign (row->add, GTK_ALIGN_START);
  gtk_widget_add_css_class (row->add, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_name, -1);
  g_signal_connect_swapped (row->add, "clicked", G_CALLBACK (add_evidence_clicked), row);

  row->items_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (row->items_signals, "items-changed", G_CALLBACK (on_items_changed), row);

  row->cell = row_cell (box);

  return row->cell;
}

static GtkWidget *
area_section (RungEvidenceView *self,
              RungArea         *area)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *coverage_label = wrapped_label ("", "dim-label");
  GtkWidget *bar = gtk_level_bar_new ();
  GtkWidget *rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GListModel *expectations = rung_area_get_expectations (area);
  AreaCoverage *coverage = g_new0 (AreaCoverage, 1);

  gtk_box_append (GTK_BOX (header), wrapped_label (rung_area_get_title (area), "title-2"));
  gtk_widget_set_hexpand (coverage_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (coverage_label), 1);
  gtk_box_append (GTK_BOX (header), coverage_label);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), bar);
  gtk_box_append (GTK_BOX (section), header);

  coverage->area = g_object_ref (area);
  coverage->label = GTK_LABEL (coverage_label);
  coverage->bar = GTK_LEVEL_BAR (bar);
  g_ptr_array_add (self->coverage_labels, coverage);

  for (guint i = 0; i < g_list_model_get_n_items (expectations); i++)
    {
      g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      EvidenceRow *row = g_new0 (EvidenceRow, 1);

      row->view = self;
      row->expectation = g_object_ref (expectation);
      g_ptr_array_add (self->rows, row);

      gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
      gtk_box_append (GTK_BOX (box),
                      ladder_cell (rung_expectation_get_title (expectation),
                                   rung_expectation_get_text (expectation)));
      gtk_box_append (GTK_BOX (box), evidence_cell (row));
      gtk_box_append (GTK_BOX (rows), box);
    }
  gtk_box_append (GTK_BOX (section), rows);

  return section;
}

typedef struct
{
  RungEvidenceView *view;
  char             *anti_pattern_id;
  GtkDropDown      *panelist;
  GtkEditable      *note;
} ConcernForm;

static void
concern_form_free (ConcernForm *form)
{
  g_free (form->anti_pattern_id);
  g_free (form);
}

static void
on_concern_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ConcernForm      *form)
{
  RungEvidenceView *self = form->view;
  RungPanel *panel = self->candidate ? rung_candidate_get_panel (self->candidate) : NULL;
  RungPanelist *panelist = gtk_drop_down_get_selected_item (form->panelist);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || panel == NULL || panelist == NULL)
    return;

  if (!rung_panel_set_concern (panel, panelist, self->candidate, form->anti_pattern_id,
                               gtk_editable_get_text (form->note), &error))
    {
      adw_message_dialog_set_body (dialog, error->message);
      g_signal_stop_emission_by_name (dialog, "response");
    }
}

/* Panelists without a conflict, who may raise a concern. */
static GListModel *
eligible_panelists (RungEvidenceView *self,
                    RungPanel        *panel)
{
  GListStore *eligible = g_list_store_new (RUNG_TYPE_PANELIST);
  GListModel *panelists = rung_panel_get_panelists (panel);

  for (guint i = 0; i < g_list_model_get_n_items (panelists); i++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (panelists, i);

      if (!rung_panel_has_conflict (panel, panelist, self->candidate))
        g_list_store_append (eligible, panelist);
    }

  return G_LIST_MODEL (eligible);
}

/* The dialog that raises a concern about @anti_pattern, or with @concern,
 * changes what its panelist noted. */
static void
open_concern_dialog (RungEvidenceView *self,
                     RungAntiPattern  *anti_pattern,
                     RungConcern      *concern)
{
  RungPanel *panel = rung_candidate_get_panel (self->candidate);
  const char *title = rung_anti_pattern_get_title (anti_pattern);
  ConcernForm *form = g_new0 (ConcernForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *note = gtk_entry_new ();
  g_autofree char *heading = NULL;
  GListModel *panelists;
  AdwMessageDialog *dialog;

  if (concern != NULL)
    {
      GListStore *only = g_list_store_new (RUNG_TYPE_PANELIST);

      g_list_store_append (only, rung_panel_find_panelist (panel, rung_concern_get_panelist_id (concern)));
      panelists = G_LIST_MODEL (only);
      heading = g_strdup_printf (_("Edit the Concern: %s"), title);
    }
  else
    {
      panelists = eligible_panelists (self, panel);
      heading = g_strdup_printf (_("Raise a Concern: %s"), title);
    }

  form->view = self;
  form->anti_pattern_id = g_strdup (rung_anti_pattern_get_id (anti_pattern));
  form->panelist = GTK_DROP_DOWN (gtk_drop_down_new (panelists,
                                                     gtk_property_expression_new (RUNG_TYPE_PANELIST, NULL, "name")));
  form->note = GTK_EDITABLE (note);
  gtk_widget_set_sensitive (GTK_WIDGET (form->panelist), concern == NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->panelist), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Panelist raising the concern"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("What the panelist saw"));
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  if (concern != NULL)
    gtk_editable_set_text (form->note, rung_concern_get_note (concern));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Concern note"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->panelist));
  gtk_box_append (GTK_BOX (box), note);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       NULL, NULL));
  /* The heading holds the ladder's title: plain text. */
  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "save", concern != NULL ? _("_Save") : _("_Raise"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_concern_response), form,
                         (GClosureNotify)(void (*) (void))concern_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (note);
}

static void
raise_concern_clicked (GtkButton        *button,
                       RungEvidenceView *self)
{
  open_concern_dialog (self, g_object_get_data (G_OBJECT (button), "anti-pattern"), NULL);
}

static void
edit_concern_clicked (GtkButton        *button,
                      RungEvidenceView *self)
{
  open_concern_dialog (self,
                       g_object_get_data (G_OBJECT (button), "anti-pattern"),
                       g_object_get_data (G_OBJECT (button), "concern"));
}

/* A small flat button with an icon, named for screen readers. */
static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *accessible_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);

  return button;
}

/* One panelist's concern: who and what, and, where the panel can be
 * changed, buttons to edit and to withdraw it (the panel view offers
 * Undo). */
static GtkWidget *
concern_row (RungEvidenceView *self,
             RungAntiPattern  *anti_pattern,
             RungConcern      *concern,
             RungPanelist     *panelist)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *name = panelist ? rung_panelist_get_name (panelist) : _("A panelist");
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* Translators: who raised a concern, and their note */
  text = g_strdup_printf (_("%s: %s"), name, rung_concern_get_note (concern));
  label = wrapped_label (text, "concern");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);

  if (is_editable (self) && panelist != NULL)
    {
      g_autofree char *edit_name = g_strdup_printf (_("Edit the concern of %s"), name);
      g_autofree char *withdraw_name = g_strdup_printf (_("Withdraw the concern of %s"), name);
      GtkWidget *edit = icon_button ("document-edit-symbolic", _("Edit the Concern"), edit_name);
      GtkWidget *withdraw = icon_button ("user-trash-symbolic", _("Withdraw the Concern"), withdraw_name);

      g_object_set_data_full (G_OBJECT (edit), "anti-pattern", g_object_ref (anti_pattern), g_object_unref);
      g_object_set_data_full (G_OBJECT (edit), "concern", g_object_ref (concern), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_concern_clicked), self);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (withdraw), "panel.withdraw-concern");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (withdraw), "(xs)",
                                        rung_panelist_get_id (panelist),
                                        rung_anti_pattern_get_id (anti_pattern));
      gtk_box_append (GTK_BOX (row), edit);
      gtk_box_append (GTK_BOX (row), withdraw);
    }

  return row;
}

static void
update_concerns (RungEvidenceView *self)
{
  RungPanel *panel;
  GListModel *concerns;

  if (self->candidate == NULL || self->concerns_box == NULL)
    return;

  panel = rung_candidate_get_panel (self->candidate);
  concerns = rung_candidate_get_concerns (self->candidate);

  for (GtkWidget *row = gtk_widget_get_first_child (self->concerns_box);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      RungAntiPattern *anti_pattern = g_object_get_data (G_OBJECT (row), "anti-pattern");
      const char *anti_pattern_id = rung_anti_pattern_get_id (anti_pattern);
      GtkWidget *cell = g_object_get_data (G_OBJECT (row), "concerns");
      GtkWidget *child;
      guint raised = 0;

      while ((child = gtk_widget_get_first_child (cell)))
        gtk_box_remove (GTK_BOX (cell), child);

      for (guint i = 0; i < g_list_model_get_n_items (concerns); i++)
        {
          g_autoptr(RungConcern) concern = g_list_model_get_item (concerns, i);
          RungPanelist *panelist;

          if (g_strcmp0 (rung_concern_get_anti_pattern_id (concern), anti_pattern_id) != 0)
            continue;

          panelist = panel ? rung_panel_find_panelist (panel, rung_concern_get_panelist_id (concern)) : NULL;
          gtk_box_append (GTK_BOX (cell), concern_row (self, anti_pattern, concern, panelist));
          raised++;
        }

      if (raised == 0)
        gtk_box_append (GTK_BOX (cell), wrapped_label (_("No concerns raised"), "dim-label"));

      if (is_editable (self))
        {
          GtkWidget *raise = gtk_button_new_with_label (_("Raise a Concern…"));
          g_autofree char *raise_name = g_strdup_printf (_("Raise a concern about %s"),
                                                         rung_anti_pattern_get_title (anti_pattern));

          gtk_widget_add_css_class (raise, "flat");
          gtk_widget_set_halign (raise, GTK_ALIGN_START);
          gtk_accessible_update_property (GTK_ACCESSIBLE (raise), GTK_ACCESSIBLE_PROPERTY_LABEL, raise_name, -1);
          g_object_set_data_full (G_OBJECT (raise), "anti-pattern", g_object_ref (anti_pattern), g_object_unref);
          g_signal_connect (raise, "clicked", G_CALLBACK (raise_concern_clicked), self);
          gtk_box_append (GTK_BOX (cell), raise);
        }
    }
}

static GtkWidget *
anti_patterns_section (RungEvidenceView *self,
                       RungLevel        *level)
{
  GListModel *anti_patterns = rung_level_get_anti_patterns (level);
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_box_append (GTK_BOX (section), wrapped_label (_("Anti-patterns"), "title-2"));

  for (guint i = 0; i < g_list_model_get_n_items (anti_patterns); i++)
    {
      g_autoptr(RungAntiPattern) anti_pattern = g_list_model_get_item (anti_patterns, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      GtkWidget *left = ladder_cell (rung_anti_pattern_get_title (anti_pattern),
                                     rung_anti_pattern_get_text (anti_pattern));
      GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "anti-pattern", g_object_ref (anti_pattern), g_object_unref);
      g_object_set_data (G_OBJECT (row), "concerns", right);
      gtk_box_append (GTK_BOX (row), left);
      gtk_box_append (GTK_BOX (row), row_cell (right));
      gtk_box_append (GTK_BOX (rows), row);
    }

  gtk_box_append (GTK_BOX (section), rows);
  self->concerns_box = rows;

  gtk_widget_set_visible (section, g_list_model_get_n_items (anti_patterns) > 0);

  return section;
}

/* The ladder's side, for a level: area headers and the expectations'
 * texts, with an empty place for each one's evidence. */
static void
build_level (RungEvidenceView *self,
             RungLevel        *level)
{
  GtkWidget *child;
  GListModel *areas;

  g_clear_handle_id (&self->fill_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))))
    gtk_box_remove (self->sections, child);
  g_ptr_array_set_size (self->coverage_labels, 0);
  g_ptr_array_set_size (self->rows, 0);
  self->concerns_box = NULL;
  g_set_object (&self->level, level);

  if (level == NULL)
    return;

  areas = rung_level_get_areas (level);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);

      gtk_box_append (self->sections, area_section (self, area));
    }
  gtk_box_append (self->sections, anti_patterns_section (self, level));
}

/* Whether the row starts within the first screen of the page it is on,
 * which opens at its top. Before the first layout nothing is known, and
 * the first rows are taken to be the ones on screen. */
static gboolean
row_starts_on_first_screen (EvidenceRow *row,
                            guint        index)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row->cell, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  double x, y;

  if (scroller == NULL || gtk_widget_get_height (row->cell) == 0)
    return index < 3;

  /* The viewport's child moves as the page scrolls: its coordinates don't. */
  content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))));
  if (!gtk_widget_translate_coordinates (row->cell, content, 0, 0, &x, &y))
    return TRUE;

  return y < gtk_widget_get_height (scroller);
}

/* A row waiting for its evidence shows only the ladder's side. What its
 * editors held is written now, as they wait for the next candidate. */
static void
evidence_row_defer (EvidenceRow *row)
{
  g_signal_group_set_target (row->items_signals, NULL);
  row->items = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row->editors));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rung_evidence_editor_flush (RUNG_EVIDENCE_EDITOR (child));

  gtk_widget_set_visible (row->cell, FALSE);
}

static void
evidence_row_fill (EvidenceRow   *row,
                   RungCandidate *candidate)
{
  evidence_row_bind (row, candidate);
  gtk_widget_set_visible (row->cell, TRUE);
}

static gboolean
fill_next_row (gpointer user_data)
{
  RungEvidenceView *self = user_data;

  if (self->next_row < self->rows->len)
    evidence_row_fill (g_ptr_array_index (self->rows, self->next_row++), self->candidate);

  if (self->next_row < self->rows->len)
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

/* The candidate's side: their evidence beside each expectation. The rows on
 * screen are filled at once and the others right after the page is drawn,
 * so that moving between candidates lays out only what can be seen. */
static void
fill_evidence (RungEvidenceView *self)
{
  guint i;

  g_clear_handle_id (&self->fill_source, g_source_remove);

  if (self->candidate == NULL)
    {
      for (i = 0; i < self->rows->len; i++)
        evidence_row_bind (g_ptr_array_index (self->rows, i), NULL);
      return;
    }

  for (i = 0; i < self->rows->len; i++)
    {
      EvidenceRow *row = g_ptr_array_index (self->rows, i);

      if (!row_starts_on_first_screen (row, i))
        break;
      evidence_row_fill (row, self->candidate);
    }

  self->next_row = i;
  for (; i < self->rows->len; i++)
    evidence_row_defer (g_ptr_array_index (self->rows, i));

  if (self->next_row < self->rows->len)
    self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_next_row, self, NULL);

  update_coverage (self);
  update_concerns (self);
}

/**
 * rung_evidence_view_is_filled:
 *
 * Returns: whether every row shows the candidate's evidence; rows below the
 *   first screen are filled right after the page is drawn
 */
gboolean
rung_evidence_view_is_filled (RungEvidenceView *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE_VIEW (self), FALSE);

  return self->fill_source == 0;
}

RungCandidate *
rung_evidence_view_get_candidate (RungEvidenceView *self)
{
  g_return_val_if_fail (RUNG_IS_EVIDENCE_VIEW (self), NULL);

  return self->candidate;
}

void
rung_evidence_view_set_candidate (RungEvidenceView *self,
                                  RungCandidate    *candidate)
{
  g_return_if_fail (RUNG_IS_EVIDENCE_VIEW (self));
  g_return_if_fail (!candidate || RUNG_IS_CANDIDATE (candidate));

  if (self->candidate == candidate)
    return;

  /* The editors being replaced write what they hold as they go. */
  g_set_object (&self->candidate, candidate);
  g_signal_group_set_target (self->concerns_signals,
                             candidate ? rung_candidate_get_concerns (candidate) : NULL);

  /* Without a candidate, the level stays for the next one. */
  if (candidate != NULL && rung_candidate_get_level (candidate) != self->level)
    build_level (self, rung_candidate_get_level (candidate));
  fill_evidence (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CANDIDATE]);
}

static void
rung_evidence_view_dispose (GObject *object)
{
  RungEvidenceView *self = (RungEvidenceView *)object;

  g_clear_handle_id (&self->fill_source, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->coverage_labels, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->concerns_signals);
  g_clear_object (&self->level);
  g_clear_object (&self->candidate);

  G_OBJECT_CLASS (rung_evidence_view_parent_class)->dispose (object);
}

static void
rung_evidence_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RungEvidenceView *self = RUNG_EVIDENCE_VIEW (object);

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
rung_evidence_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RungEvidenceView *self = RUNG_EVIDENCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      rung_evidence_view_set_candidate (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Above the rows: what each column holds. */
static GtkWidget *
column_headings (void)
{
  GtkWidget *headings = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  gtk_box_set_homogeneous (GTK_BOX (headings), TRUE);
  gtk_box_append (GTK_BOX (headings), wrapped_label (_("The Ladder"), "column-heading"));
  gtk_box_append (GTK_BOX (headings), wrapped_label (_("The Candidate’s Evidence"), "column-heading"));

  return headings;
}

static void
rung_evidence_view_class_init (RungEvidenceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_evidence_view_dispose;
  object_class->get_property = rung_evidence_view_get_property;
  object_class->set_property = rung_evidence_view_set_property;

  properties [PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL, RUNG_TYPE_CANDIDATE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_evidence_view_init (RungEvidenceView *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->sections = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 36));
  gtk_box_append (GTK_BOX (content), column_headings ());
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->sections));
  self->coverage_labels = g_ptr_array_new_with_free_func ((GDestroyNotify)area_coverage_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)evidence_row_free);
  self->concerns_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->concerns_signals, "items-changed",
                                  G_CALLBACK (update_concerns), self);
  /* A stack asks its page for the width at a height: see rung-wrap-bin.c. */
  adw_bin_set_child (ADW_BIN (self), rung_wrap_bin_new (content));
}

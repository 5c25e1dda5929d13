/* rung-citation-picker.c: what a decision's rationale cites. The
 * candidate's evidence items under the headings of their areas, then their
 * ratings, each a check button whose label is what the decision will
 * record; a change to a decision starts from what the latest revision
 * cited. The filter (Alt+E) narrows the list as you type, Tab and the arrow
 * keys go through it, Space toggles. While blind no label names the
 * candidate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-citation-picker"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-citation.h"
#include "rung-citation-picker.h"
#include "rung-decision.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-level.h"
#include "rung-rating.h"

struct _RungCitationPicker
{
  AdwBin          parent_instance;

  RungCandidate  *candidate;
  GtkSearchEntry *filter;
  GtkBox         *choices;
  GtkLabel       *empty_label;
  GPtrArray      *buttons;      /* GtkCheckButton, each with its "cited" object */
};

G_DEFINE_FINAL_TYPE (RungCitationPicker, rung_citation_picker, ADW_TYPE_BIN)

static gboolean
was_cited (RungDecision *latest,
           GObject      *item)
{
  GListModel *citations;
  guint n;

  if (latest == NULL)
    return FALSE;

  citations = rung_decision_get_citations (latest);
  n = g_list_model_get_n_items (citations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCitation) citation = g_list_model_get_item (citations, i);

      if (rung_citation_names (citation, item))
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
group_heading (const char *title)
{
  return g_object_new (GTK_TYPE_LABEL, "label", title, "xalign", 0.0f, "wrap", TRUE, "margin-top", 6,
                       "css-classes", (const char *[]) { "heading", NULL }, NULL);
}

/* A check button for @item; its text is plain, never a mnemonic or markup. */
static void
add_choice (RungCitationPicker *self,
            GObject            *item,
            const char         *text,
            const char         *group,
            RungDecision       *latest)
{
  g_autofree char *label = rung_citation_dup_label_of (self->candidate, item);
  g_autofree char *shown = NULL;
  g_autofree char *search = NULL;
  GtkWidget *button;

  if (label == NULL)
    return;

  shown = rung_candidate_dup_blind_text (self->candidate, text);
  button = gtk_check_button_new_with_label (shown);
  gtk_check_button_set_use_underline (GTK_CHECK_BUTTON (button), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), was_cited (latest, item));
  gtk_widget_set_margin_start (button, 6);
  if (group != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, group, -1);

  {
    /* What the filter finds is what the room may read. */
    g_autofree char *blind = rung_candidate_dup_blind_text (self->candidate, label);

    search = g_utf8_casefold (blind, -1);
  }
  g_object_set_data_full (G_OBJECT (button), "cited", g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (button), "search", g_steal_pointer (&search), g_free);
  g_ptr_array_add (self->buttons, button);
  gtk_box_append (self->choices, button);
}

static void
add_evidence (RungCitationPicker *self,
              RungDecision       *latest)
{
  RungLevel *level = rung_candidate_get_level (self->candidate);
  GListModel *areas = level ? rung_level_get_areas (level) : NULL;
  guint n_areas = areas ? g_list_model_get_n_items (areas) : 0;

  for (guint a = 0; a < n_areas; a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      GListModel *expectations = rung_area_get_expectations (area);
      GtkWidget *heading = group_heading (rung_area_get_title (area));
      guint before = self->buttons->len;

      gtk_box_append (self->choices, heading);
      for (guint e = 0; e < g_list_model_get_n_items (expectations); e++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, e);
          GListModel *items = rung_candidate_get_evidence (self->candidate, rung_expectation_get_id (expectation));

          for (guint i = 0; i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, i);

              add_choice (self, G_OBJECT (evidence), rung_evidence_get_title (evidence),
                          rung_area_get_title (area), latest);
            }
        }

      /* An area without evidence has nothing to cite. */
      if (self->buttons->len == before)
        gtk_box_remove (self->choices, heading);
    }
}

static void
add_ratings (RungCitationPicker *self,
             RungDecision       *latest)
{
  GListModel *ratings = rung_candidate_get_ratings (self->candidate);
  guint n = g_list_model_get_n_items (ratings);

  if (n == 0)
    return;

  gtk_box_append (self->choices, group_heading (_("Ratings")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungRating) rating = g_list_model_get_item (ratings, i);
      g_autofree char *label = rung_citation_dup_label_of (self->candidate, G_OBJECT (rating));

      if (label != NULL)
        add_choice (self, G_OBJECT (rating), label, _("Rating"), latest);
    }
}

/* Shows the choices whose label holds every word of the filter; a heading
 * shows while one of its choices does. */
static void
apply_filter (RungCitationPicker *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->filter)), -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  GtkWidget *heading = NULL;
  gboolean heading_shown = FALSE;
  guint shown = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->choices));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *search = g_object_get_data (G_OBJECT (child), "search");
      gboolean visible = TRUE;

      if (!GTK_IS_CHECK_BUTTON (child))
        {
          if (heading != NULL)
            gtk_widget_set_visible (heading, heading_shown);
          heading = child;
          heading_shown = FALSE;
          continue;
        }

      for (guint i = 0; words[i] != NULL && visible; i++)
        visible = words[i][0] == '\0' || strstr (search, words[i]) != NULL;
      gtk_widget_set_visible (child, visible);
      heading_shown |= visible;
      shown += visible;
    }
  if (heading != NULL)
    gtk_widget_set_visible (heading, heading_shown);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), shown == 0);
  gtk_label_set_text (self->empty_label, self->buttons->len == 0 ? _("No evidence or ratings to cite yet")
                                                                 : _("Nothing matches the filter"));
}

/* Down from the filter goes to the first choice shown. */
static gboolean
on_filter_key (RungCitationPicker    *self,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);

      if (gtk_widget_get_visible (button))
        return gtk_widget_grab_focus (button);
    }

  return FALSE;
}

/**
 * rung_citation_picker_new:
 * @latest: (nullable): the decision a new revision replaces; what it cited
 *   starts checked
 */
GtkWidget *
rung_citation_picker_new (RungCandidate *candidate,
                          RungDecision  *latest)
{
  RungCitationPicker *self;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), NULL);

  self = g_object_new (RUNG_TYPE_CITATION_PICKER, NULL);
  self->candidate = g_object_ref (candidate);
  add_evidence (self, latest);
  add_ratings (self, latest);
  apply_filter (self);

  return GTK_WIDGET (self);
}

/**
 * rung_citation_picker_dup_cited:
 *
 * Returns: (transfer container) (element-type GObject): the checked
 *   #RungEvidence and #RungRating, in the order shown
 */
GPtrArray *
rung_citation_picker_dup_cited (RungCitationPicker *self)
{
  GPtrArray *cited = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (RUNG_IS_CITATION_PICKER (self), cited);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->buttons, i);

      if (gtk_check_button_get_active (button))
        g_ptr_array_add (cited, g_object_ref (g_object_get_data (G_OBJECT (button), "cited")));
    }

  return cited;
}

/**
 * rung_citation_picker_get_filter:
 *
 * Returns: (transfer none): the filter entry, for a mnemonic to focus
 */
GtkWidget *
rung_citation_picker_get_filter (RungCitationPicker *self)
{
  g_return_val_if_fail (RUNG_IS_CITATION_PICKER (self), NULL);

  return GTK_WIDGET (self->filter);
}

static void
rung_citation_picker_dispose (GObject *object)
{
  RungCitationPicker *self = (RungCitationPicker *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->candidate);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (rung_citation_picker_parent_class)->dispose (object);
}

static void
rung_citation_picker_class_init (RungCitationPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_citation_picker_dispose;
}

static void
rung_citation_picker_init (RungCitationPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->buttons = g_ptr_array_new ();

  self->filter = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->filter, "placeholder-text", _("Filter evidence and ratings"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter evidence and ratings"), -1);
  g_signal_connect_swapped (self->filter, "search-changed", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_filter_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->filter), keys);

  self->choices = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_widget_set_margin_start (GTK_WIDGET (self->choices), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->choices), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->choices), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choices), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Evidence and ratings to cite"), -1);
  self->empty_label = GTK_LABEL (g_object_new (GTK_TYPE_LABEL, "wrap", TRUE, "margin-top", 12,
                                               "margin-bottom", 12, "visible", FALSE,
                                               "css-classes", (const char *[]) { "dim-label", NULL }, NULL));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  /* Five items at least, however short the window; more as it allows. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 150);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->choices));
  gtk_widget_add_css_class (scrolled, "card");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->filter));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty_label));
  adw_bin_set_child (ADW_BIN (self), box);
}

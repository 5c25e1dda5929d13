/* rung-candidate-list.c: the panel's candidates in a list bound to the
 * model, with a full-text search (names, managers, teams, summaries and
 * evidence) as you type, and a filter by status. Selecting a candidate shows
 * them; the selection survives edits, searches and sorting.
 *
 * During a blind meeting the list knows candidates by their letters alone:
 * it is in the letters' order, not the names', and the search looks at the
 * letters only, since a search that found a name, a manager, a team or a
 * word of the evidence would tell who is who.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-candidate-list"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-candidate-list.h"
#include "rung-candidate-query.h"
#include "rung-candidate-row.h"
#include "rung-panel.h"

struct _RungCandidateList
{
  AdwBin              parent_instance;

  RungPanel          *panel;
  RungCandidateQuery *query;
  GtkFilterListModel *blind_filtered;   /* over the query: the letters' search */
  GtkSortListModel   *blind_sorted;     /* over that: in the letters' order */
  GtkSingleSelection *selection;
  RungCandidate      *selected;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkListView        *list_view;
  GtkStack           *list_stack;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (RungCandidateList, rung_candidate_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PANEL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The dropdown's entries: "All" first, then each status. */
static guint
statuses_for_position (guint position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return RUNG_CANDIDATE_QUERY_ANY_STATUS;

  return RUNG_CANDIDATE_QUERY_STATUS (position - 1);
}

static gboolean
is_blind (RungCandidateList *self)
{
  return self->panel != NULL && rung_panel_get_blind (self->panel);
}

/* What the list shows: the query, through blind mode's filter and order. */
static GListModel *
shown_model (RungCandidateList *self)
{
  return G_LIST_MODEL (self->blind_sorted);
}

/* "Candidate B" before "Candidate AA": the letters count like a
 * spreadsheet's columns, so shorter comes first. */
static int
compare_display_names (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  g_autofree char *name_a = rung_candidate_dup_display_name ((RungCandidate *)a);
  g_autofree char *name_b = rung_candidate_dup_display_name ((RungCandidate *)b);
  glong length_a = g_utf8_strlen (name_a, -1);
  glong length_b = g_utf8_strlen (name_b, -1);

  if (length_a != length_b)
    return length_a < length_b ? -1 : 1;

  return g_utf8_collate (name_a, name_b);
}

/* While blind, the search finds a candidate by their letter: "C" finds
 * Candidate C (and CA, CB, …), and so does "Candidate C". The letter is
 * the last word of the display name. */
static gboolean
matches_display_name (gpointer item,
                      gpointer user_data)
{
  RungCandidateList *self = user_data;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *name = NULL;
  g_autofree char *folded_text = NULL;
  g_autofree char *folded_name = NULL;
  const char *letters;
  char *text_letters;

  if (text[0] == '\0')
    return TRUE;

  name = rung_candidate_dup_display_name (item);
  folded_text = g_utf8_casefold (text, -1);
  folded_name = g_utf8_casefold (name, -1);
  letters = strrchr (folded_name, ' ');
  letters = letters ? letters + 1 : folded_name;

  /* "candidate c": "c" is the letters typed, "candidate" what comes before. */
  text_letters = strrchr (folded_text, ' ');
  if (text_letters == NULL)
    return g_str_has_prefix (letters, folded_text);

  *text_letters++ = '\0';

  return g_str_has_prefix (letters, text_letters) &&
         g_str_has_prefix (folded_name, g_strchomp (folded_text));
}

/* The full-text search runs only while names may be shown. */
static void
update_query_text (RungCandidateList *self)
{
  if (self->query != NULL)
    rung_candidate_query_set_text (self->query,
                                   is_blind (self) ? "" : gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
update_blind (RungCandidateList *self)
{
  gboolean blind = is_blind (self);
  g_autoptr(GtkFilter) filter = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  guint selected;

  if (blind)
    {
      filter = GTK_FILTER (gtk_custom_filter_new (matches_display_name, self, NULL));
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_display_names, NULL, NULL));
    }

  /* Not blind, both let everything through as the query has it. */
  gtk_filter_list_model_set_filter (self->blind_filtered, filter);
  gtk_sort_list_model_set_sorter (self->blind_sorted, sorter);
  update_query_text (self);

  g_object_set (self->search_entry, "placeholder-text",
                blind ? _("Search candidate letters") : _("Search names and evidence"), NULL);

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
}

static void
update_empty_state (RungCandidateList *self)
{
  guint n = g_list_model_get_n_items (shown_model (self));
  guint total = self->panel ? g_list_model_get_n_items (rung_panel_get_candidates (self->panel)) : 0;

  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Candidates Yet"));
      adw_status_page_set_description (self->empty_page, _("Add the first candidate with the + button."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Candidates Found"));
      adw_status_page_set_description (self->empty_page, _("No candidate matches the search or the status."));
    }

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
on_selection_changed (RungCandidateList *self)
{
  RungCandidate *candidate = gtk_single_selection_get_selected_item (self->selection);

  if (candidate == self->selected)
    return;

  g_set_object (&self->selected, candidate);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}

static void
on_search_changed (RungCandidateList *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->blind_filtered);

  update_query_text (self);
  if (filter != NULL)
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_status_selected (RungCandidateList *self)
{
  if (self->query != NULL)
    rung_candidate_query_set_statuses (self->query,
                                       statuses_for_position (gtk_drop_down_get_selected (self->status_dropdown)));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, rung_candidate_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  rung_candidate_row_set_candidate (RUNG_CANDIDATE_ROW (gtk_list_item_get_child (item)),
                                    gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  rung_candidate_row_set_candidate (RUNG_CANDIDATE_ROW (gtk_list_item_get_child (item)), NULL);
}

RungPanel *
rung_candidate_list_get_panel (RungCandidateList *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE_LIST (self), NULL);

  return self->panel;
}

void
rung_candidate_list_set_panel (RungCandidateList *self,
                               RungPanel         *panel)
{
  g_return_if_fail (RUNG_IS_CANDIDATE_LIST (self));

  if (self->panel == panel)
    return;

  if (self->panel != NULL)
    g_signal_handlers_disconnect_by_func (self->panel, update_blind, self);
  g_set_object (&self->panel, panel);

  g_clear_object (&self->query);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);

  if (panel != NULL)
    {
      self->query = rung_candidate_query_new (panel);
      g_signal_connect_object (panel, "notify::blind", G_CALLBACK (update_blind), self, G_CONNECT_SWAPPED);
    }

  gtk_filter_list_model_set_model (self->blind_filtered, G_LIST_MODEL (self->query));
  update_blind (self);
  gtk_single_selection_set_model (self->selection, shown_model (self));
  update_empty_state (self);
  on_selection_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PANEL]);
}

/**
 * rung_candidate_list_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected candidate
 */
RungCandidate *
rung_candidate_list_get_selected (RungCandidateList *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE_LIST (self), NULL);

  return self->selected;
}

/**
 * rung_candidate_list_select:
 *
 * Selects @candidate, clearing the search and filter if they hide them.
 */
void
rung_candidate_list_select (RungCandidateList *self,
                            RungCandidate     *candidate)
{
  GListModel *model;
  guint n;

  g_return_if_fail (RUNG_IS_CANDIDATE_LIST (self));

  if (self->query == NULL || candidate == NULL)
    return;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      model = shown_model (self);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RungCandidate) item = g_list_model_get_item (model, i);

          if (item == candidate)
            {
              gtk_single_selection_set_selected (self->selection, i);
              gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
              return;
            }
        }

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      on_search_changed (self);
      gtk_drop_down_set_selected (self->status_dropdown, 0);
    }
}

void
rung_candidate_list_focus_search (RungCandidateList *self)
{
  g_return_if_fail (RUNG_IS_CANDIDATE_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

guint
rung_candidate_list_get_n_shown (RungCandidateList *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE_LIST (self), 0);

  return g_list_model_get_n_items (shown_model (self));
}

static void
rung_candidate_list_dispose (GObject *object)
{
  RungCandidateList *self = (RungCandidateList *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);

  if (self->panel != NULL)
    g_signal_handlers_disconnect_by_func (self->panel, update_blind, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->blind_sorted);
  g_clear_object (&self->blind_filtered);
  g_clear_object (&self->query);
  g_clear_object (&self->selected);
  g_clear_object (&self->panel);

  G_OBJECT_CLASS (rung_candidate_list_parent_class)->dispose (object);
}

static void
rung_candidate_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RungCandidateList *self = RUNG_CANDIDATE_LIST (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      g_value_set_object (value, self->panel);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_candidate_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RungCandidateList *self = RUNG_CANDIDATE_LIST (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      rung_candidate_list_set_panel (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_candidate_list_class_init (RungCandidateListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_candidate_list_dispose;
  object_class->get_property = rung_candidate_list_get_property;
  object_class->set_property = rung_candidate_list_set_property;

  properties [PROP_PANEL] =
    g_param_spec_object ("panel", NULL, NULL, RUNG_TYPE_PANEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, RUNG_TYPE_CANDIDATE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-candidate-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RungCandidateList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RungCandidateList, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RungCandidateList, list_view);
  gtk_widget_class_bind_template_child (widget_class, RungCandidateList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RungCandidateList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row);
}

static void
rung_candidate_list_init (RungCandidateList *self)
{
  g_autoptr(GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  statuses = gtk_string_list_new (NULL);
  gtk_string_list_append (statuses, _("All statuses"));
  for (RungCandidateStatus status = RUNG_CANDIDATE_STATUS_DRAFT; status <= RUNG_CANDIDATE_STATUS_DECIDED; status++)
    gtk_string_list_append (statuses, rung_candidate_status_get_label (status));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  self->blind_filtered = gtk_filter_list_model_new (NULL, NULL);
  self->blind_sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->blind_filtered)), NULL);
  g_signal_connect_object (self->blind_sorted, "items-changed",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

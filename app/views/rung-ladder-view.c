/* rung-ladder-view.c: shows one level of a ladder. The sidebar lists an
 * overview and the level's areas (bound to the ladder's models); the content
 * shows the selected area's expectations with their full text, or the level's
 * summary and its anti-patterns. A ladder with several levels gets a level
 * chooser above the sidebar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-ladder-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-area.h"
#include "rung-ladder.h"
#include "rung-ladder-view.h"
#include "rung-level.h"

struct _RungLadderView
{
  AdwBin              parent_instance;

  RungLadder         *ladder;
  RungLevel          *level;
  GtkSingleSelection *selection;

  GtkDropDown        *level_dropdown;
  GtkListView        *sections_list;
  GtkStack           *content_stack;
  GtkScrolledWindow  *overview_scroller;
  GtkLabel           *overview_title;
  GtkLabel           *overview_summary;
  GtkListBox         *anti_patterns_list;
  GtkWidget          *anti_patterns_group;
  GtkScrolledWindow  *area_scroller;
  GtkLabel           *area_title;
  GtkLabel           *area_count;
  GtkListBox         *expectations_list;
  GtkLabel           *area_note;
};

G_DEFINE_FINAL_TYPE (RungLadderView, rung_ladder_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LADDER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
rung_ladder_view_new (void)
{
  return g_object_new (RUNG_TYPE_LADDER_VIEW, NULL);
}

/* A row of the content: a title above its full text. Expectations and
 * anti-patterns both have "title" and "text". Both are the ladder's words,
 * shown as plain text. */
static GtkWidget *
create_text_row (gpointer item,
                 gpointer user_data)
{
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *title_label;
  GtkWidget *text_label;

  g_object_get (item, "title", &title, "text", &text, NULL);

  title_label = g_object_new (GTK_TYPE_LABEL,
                              "label", title,
                              "xalign", 0.0f,
                              "wrap", TRUE,
                              "wrap-mode", PANGO_WRAP_WORD_CHAR,
                              "css-classes", (const char *[]) { "heading", NULL },
                              NULL);
  text_label = g_object_new (GTK_TYPE_LABEL,
                             "label", text,
                             "xalign", 0.0f,
                             "wrap", TRUE,
                             "wrap-mode", PANGO_WRAP_WORD_CHAR,
                             "selectable", TRUE,
                             "css-classes", (const char *[]) { "body", "ladder-text", NULL },
                             NULL);

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 6,
                      "margin-top", 12,
                      "margin-bottom", 12,
                      "margin-start", 14,
                      "margin-end", 14,
                      NULL);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), text_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);

  return row;
}

static void
scroll_to_top (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
show_overview (RungLadderView *self)
{
  GListModel *anti_patterns = rung_level_get_anti_patterns (self->level);

  gtk_label_set_text (self->overview_title, rung_level_get_title (self->level));
  gtk_label_set_text (self->overview_summary, rung_level_get_summary (self->level));
  gtk_list_box_bind_model (self->anti_patterns_list, anti_patterns,
                           create_text_row, NULL, NULL);
  gtk_widget_set_visible (self->anti_patterns_group,
                          g_list_model_get_n_items (anti_patterns) > 0);

  gtk_stack_set_visible_child_name (self->content_stack, "overview");
  scroll_to_top (self->overview_scroller);
}

static void
show_area (RungLadderView *self,
           RungArea       *area)
{
  GListModel *expectations = rung_area_get_expectations (area);
  guint n = g_list_model_get_n_items (expectations);
  g_autofree char *count = NULL;
  const char *note = rung_area_get_note (area);

  count = g_strdup_printf (ngettext ("%u expectation", "%u expectations", n), n);

  gtk_label_set_text (self->area_title, rung_area_get_title (area));
  gtk_label_set_text (self->area_count, count);
  gtk_list_box_bind_model (self->expectations_list, expectations,
                           create_text_row, NULL, NULL);
  gtk_label_set_text (self->area_note, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->area_note), note != NULL);

  gtk_stack_set_visible_child_name (self->content_stack, "area");
  scroll_to_top (self->area_scroller);
}

static void
on_selected_changed (RungLadderView     *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  if (RUNG_IS_AREA (item))
    show_area (self, item);
  else if (self->level != NULL)
    show_overview (self);
}

static void
setup_section_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "hexpand", TRUE,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);
  GtkWidget *count = g_object_new (GTK_TYPE_LABEL,
                                   "css-classes", (const char *[]) { "dim-label", "numeric", NULL },
                                   NULL);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_section_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *title = GTK_LABEL (gtk_widget_get_first_child (box));
  GtkLabel *count = GTK_LABEL (gtk_widget_get_last_child (box));

  if (RUNG_IS_AREA (item))
    {
      guint n = g_list_model_get_n_items (rung_area_get_expectations (item));
      g_autofree char *n_text = g_strdup_printf ("%u", n);
      g_autofree char *description =
        g_strdup_printf (ngettext ("%u expectation", "%u expectations", n), n);

      gtk_label_set_text (title, rung_area_get_title (item));
      gtk_label_set_text (count, n_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (count),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
    }
  else
    {
      /* Translators: the sidebar entry for a level's summary and anti-patterns */
      gtk_label_set_text (title, _("Overview"));
      gtk_label_set_text (count, "");
    }
}

/* The sidebar lists the overview (the level itself) and then the areas. */
static GListModel *
create_sections_model (RungLevel *level)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) overview = g_list_store_new (RUNG_TYPE_LEVEL);

  g_list_store_append (overview, level);
  g_list_store_append (parts, overview);
  g_list_store_append (parts, rung_level_get_areas (level));

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

static void
show_level (RungLadderView *self,
            RungLevel      *level)
{
  g_set_object (&self->level, level);

  gtk_single_selection_set_model (self->selection, NULL);
  if (level == NULL)
    return;

  {
    g_autoptr(GListModel) sections = create_sections_model (level);

    gtk_single_selection_set_model (self->selection, sections);
  }

  gtk_single_selection_set_selected (self->selection, 0);
  show_overview (self);
}

static void
on_level_selected (RungLadderView *self,
                   GParamSpec     *pspec,
                   GtkDropDown    *dropdown)
{
  RungLevel *level = gtk_drop_down_get_selected_item (dropdown);

  if (level != NULL && level != self->level)
    show_level (self, level);
}

RungLadder *
rung_ladder_view_get_ladder (RungLadderView *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER_VIEW (self), NULL);

  return self->ladder;
}

void
rung_ladder_view_set_ladder (RungLadderView *self,
                             RungLadder     *ladder)
{
  GListModel *levels;
  g_autoptr(RungLevel) first = NULL;

  g_return_if_fail (RUNG_IS_LADDER_VIEW (self));
  g_return_if_fail (!ladder || RUNG_IS_LADDER (ladder));

  if (!g_set_object (&self->ladder, ladder))
    return;

  levels = ladder ? rung_ladder_get_levels (ladder) : NULL;
  if (levels != NULL && g_list_model_get_n_items (levels) > 0)
    first = g_list_model_get_item (levels, 0);

  g_signal_handlers_block_by_func (self->level_dropdown, on_level_selected, self);
  gtk_drop_down_set_model (self->level_dropdown, levels);
  gtk_drop_down_set_selected (self->level_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->level_dropdown, on_level_selected, self);
  gtk_widget_set_visible (GTK_WIDGET (self->level_dropdown),
                          levels != NULL && g_list_model_get_n_items (levels) > 1);

  show_level (self, first);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LADDER]);
}

/**
 * rung_ladder_view_get_selected:
 *
 * Returns: the position of the selected section: 0 is the overview, 1 the
 *   first area
 */
guint
rung_ladder_view_get_selected (RungLadderView *self)
{
  g_return_val_if_fail (RUNG_IS_LADDER_VIEW (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

void
rung_ladder_view_set_selected (RungLadderView *self,
                               guint           position)
{
  g_return_if_fail (RUNG_IS_LADDER_VIEW (self));

  gtk_single_selection_set_selected (self->selection, position);
}

static void
step_section (RungLadderView *self,
              int             step)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (selected == GTK_INVALID_LIST_POSITION || n == 0)
    return;

  if ((step < 0 && selected == 0) || (step > 0 && selected + 1 >= n))
    return;

  gtk_single_selection_set_selected (self->selection, selected + step);
  gtk_widget_activate_action (GTK_WIDGET (self->sections_list), "list.scroll-to-item",
                              "u", selected + step);
}

static void
previous_section_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  step_section (RUNG_LADDER_VIEW (widget), -1);
}

static void
next_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_section (RUNG_LADDER_VIEW (widget), 1);
}

static void
rung_ladder_view_dispose (GObject *object)
{
  RungLadderView *self = (RungLadderView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RUNG_TYPE_LADDER_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->level);
  g_clear_object (&self->ladder);

  G_OBJECT_CLASS (rung_ladder_view_parent_class)->dispose (object);
}

static void
rung_ladder_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RungLadderView *self = RUNG_LADDER_VIEW (object);

  switch (prop_id)
    {
    case PROP_LADDER:
      g_value_set_object (value, self->ladder);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_ladder_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RungLadderView *self = RUNG_LADDER_VIEW (object);

  switch (prop_id)
    {
    case PROP_LADDER:
      rung_ladder_view_set_ladder (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_ladder_view_class_init (RungLadderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_ladder_view_dispose;
  object_class->get_property = rung_ladder_view_get_property;
  object_class->set_property = rung_ladder_view_set_property;

  properties [PROP_LADDER] =
    g_param_spec_object ("ladder", NULL, NULL, RUNG_TYPE_LADDER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RUNG_TYPE_LEVEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-ladder-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, sections_list);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, overview_scroller);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, overview_title);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, overview_summary);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, anti_patterns_list);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, anti_patterns_group);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, area_scroller);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, area_title);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, area_count);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, expectations_list);
  gtk_widget_class_bind_template_child (widget_class, RungLadderView, area_note);
  gtk_widget_class_bind_template_callback (widget_class, on_level_selected);
  gtk_widget_class_bind_template_callback (widget_class, setup_section_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_section_row);

  gtk_widget_class_install_action (widget_class, "ladder.previous-section", NULL,
                                   previous_section_action);
  gtk_widget_class_install_action (widget_class, "ladder.next-section", NULL,
                                   next_section_action);
}

/* Stepping through the areas works wherever the focus is in the view, even
 * in the list, which would otherwise take the arrow keys for itself. */
static void
add_navigation_shortcuts (RungLadderView *self)
{
  static const struct { const char *trigger; const char *action; } shortcuts[] = {
    { "<Control>Page_Up", "ladder.previous-section" },
    { "<Alt>Up", "ladder.previous-section" },
    { "<Control>Page_Down", "ladder.next-section" },
    { "<Alt>Down", "ladder.next-section" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
rung_ladder_view_init (RungLadderView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_navigation_shortcuts (self);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->sections_list, GTK_SELECTION_MODEL (self->selection));
}

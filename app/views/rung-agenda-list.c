/* rung-agenda-list.c: the agenda of a meeting, one row per candidate in the
 * order the committee discusses them: the number, the name to show (the
 * alias in a blind meeting), whether they wait, are discussed now or are
 * decided, and how long their discussion took.
 *
 * The order is the committee's: drag a row onto another, or press Alt+Up and
 * Alt+Down on it. Activating a row (Enter, a click) puts that candidate under
 * discussion. Every change goes to the meeting, which writes it at once; the
 * rows follow the meeting's agenda.
 *
 * Each row shows how widely the panel's ratings of the candidate spread and
 * marks a consensus (see rung-disagreement.c), so that the committee can
 * take the contested first ("Order by Disagreement", meeting.order-by-
 * disagreement) and confirm the agreed quickly. The spreads come from one
 * query of the panel file, made again when the agenda or the candidate
 * under discussion changes: ratings change while a candidate is discussed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-agenda-list"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-agenda-item.h"
#include "rung-agenda-list.h"
#include "rung-candidate.h"
#include "rung-disagreement.h"
#include "rung-meeting.h"
#include "rung-panel.h"

struct _RungAgendaList
{
  GtkWidget    parent_instance;

  RungMeeting *meeting;
  GHashTable  *disagreements;   /* candidate id → RungDisagreement, or NULL */

  GtkListBox  *list;
  GtkButton   *order_button;
};

G_DEFINE_FINAL_TYPE (RungAgendaList, rung_agenda_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEETING,
  N_PROPS
};

enum {
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

GtkWidget *
rung_agenda_list_new (void)
{
  return g_object_new (RUNG_TYPE_AGENDA_LIST, NULL);
}

static const char *
state_label (RungAgendaState state)
{
  switch (state)
    {
    case RUNG_AGENDA_STATE_NOW:
      return _("Now");
    case RUNG_AGENDA_STATE_DECIDED:
      return _("Decided");
    case RUNG_AGENDA_STATE_WAITING:
    default:
      return _("Waiting");
    }
}

/* "12 min", or nothing before the discussion began. */
static char *
format_spent (gint64 seconds)
{
  if (seconds <= 0)
    return g_strdup ("");

  if (seconds < 60)
    /* Translators: a length of time in seconds, as in "45 s" */
    return g_strdup_printf (_("%u s"), (guint)seconds);

  /* Translators: a length of time in minutes, as in "10 min" */
  return g_strdup_printf (_("%u min"), (guint)(seconds / 60));
}

static const RungDisagreement *
lookup_disagreement (RungAgendaList *self,
                     RungAgendaItem *item)
{
  gint64 id = rung_candidate_get_id (rung_agenda_item_get_candidate (item));

  return self->disagreements ? g_hash_table_lookup (self->disagreements, &id) : NULL;
}

/* Brings a row's labels in line with its item. */
static void
update_row (GtkWidget *row)
{
  RungAgendaList *self = g_object_get_data (G_OBJECT (row), "list");
  RungAgendaItem *item = g_object_get_data (G_OBJECT (row), "item");
  GtkLabel *number = g_object_get_data (G_OBJECT (row), "number");
  GtkLabel *name = g_object_get_data (G_OBJECT (row), "name");
  GtkLabel *state = g_object_get_data (G_OBJECT (row), "state");
  GtkWidget *consensus = g_object_get_data (G_OBJECT (row), "consensus");
  RungAgendaState agenda_state = rung_agenda_item_get_state (item);
  const RungDisagreement *disagreement = lookup_disagreement (self, item);
  gboolean is_consensus = disagreement != NULL && disagreement->consensus;
  g_autofree char *display_name = rung_candidate_dup_display_name (rung_agenda_item_get_candidate (item));
  g_autofree char *position = g_strdup_printf ("%u", rung_agenda_item_get_position (item) + 1);
  g_autofree char *spent = format_spent (rung_agenda_item_get_seconds_spent (item));
  g_autofree char *spread = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;

  detail = spent[0] != '\0' ? g_strdup_printf ("%s · %s", state_label (agenda_state), spent)
                            : g_strdup (state_label (agenda_state));
  if (disagreement != NULL && disagreement->n_areas > 0)
    {
      g_autofree char *with_state = g_steal_pointer (&detail);

      spread = rung_disagreement_dup_label (disagreement);
      detail = g_strdup_printf ("%s · %s", with_state, spread);
    }

  if (is_consensus)
    /* Translators: an agenda row as a screen reader says it: "3. Candidate C, Waiting · Spread 0.5, Consensus" */
    accessible = g_strdup_printf (_("%s. %s, %s, Consensus"), position, display_name, detail);
  else
    /* Translators: an agenda row as a screen reader says it: "3. Candidate C, Waiting" */
    accessible = g_strdup_printf (_("%s. %s, %s"), position, display_name, detail);

  gtk_label_set_text (number, position);
  gtk_label_set_text (name, display_name);
  gtk_label_set_text (state, detail);
  gtk_widget_set_visible (consensus, is_consensus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  if (agenda_state == RUNG_AGENDA_STATE_NOW)
    gtk_widget_add_css_class (row, "now");
  else
    gtk_widget_remove_css_class (row, "now");

  if (agenda_state == RUNG_AGENDA_STATE_DECIDED)
    gtk_widget_add_css_class (row, "decided");
  else
    gtk_widget_remove_css_class (row, "decided");
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  RungAgendaItem *item = g_object_get_data (G_OBJECT (row), "item");

  return gdk_content_provider_new_typed (RUNG_TYPE_AGENDA_ITEM, item);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = g_object_new (GTK_TYPE_LABEL, "width-chars", 2, "xalign", 1.0f,
                                    "css-classes", (const char *[]) { "agenda-number", "numeric", NULL }, NULL);
  GtkWidget *name = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "ellipsize", PANGO_ELLIPSIZE_END,
                                  "css-classes", (const char *[]) { "agenda-name", NULL }, NULL);
  GtkWidget *state = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f,
                                   "css-classes", (const char *[]) { "dim-label", "caption", NULL }, NULL);
  /* Translators: a mark on an agenda row: the panel's ratings agree */
  GtkWidget *consensus = g_object_new (GTK_TYPE_LABEL, "label", _("Consensus"), "valign", GTK_ALIGN_CENTER,
                                       "hexpand", TRUE, "halign", GTK_ALIGN_END,
                                       "css-classes", (const char *[]) { "consensus", "caption", NULL }, NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), state);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), consensus);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "number", number);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "state", state);
  g_object_set_data (G_OBJECT (row), "consensus", consensus);
  g_object_set_data (G_OBJECT (row), "list", user_data);

  g_signal_connect_object (item, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (rung_agenda_item_get_candidate (item), "notify::display-name",
                           G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  return row;
}

static void
report (RungAgendaList *self,
        GError         *error)
{
  g_signal_emit (self, signals [FAILED], 0, error->message);
}

/**
 * rung_agenda_list_move:
 * @from: where the candidate is on the agenda
 * @to: where they go
 *
 * Moves a candidate on the agenda and keeps the keyboard on their row.
 *
 * Returns: whether the agenda changed
 */
gboolean
rung_agenda_list_move (RungAgendaList *self,
                       guint           from,
                       guint           to)
{
  g_autoptr(RungAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  guint n;

  g_return_val_if_fail (RUNG_IS_AGENDA_LIST (self), FALSE);

  if (self->meeting == NULL)
    return FALSE;

  n = g_list_model_get_n_items (rung_meeting_get_agenda (self->meeting));
  if (from >= n || to >= n || from == to)
    return FALSE;

  item = g_list_model_get_item (rung_meeting_get_agenda (self->meeting), from);
  if (!rung_meeting_move (self->meeting, item, to, &error))
    {
      report (self, error);
      return FALSE;
    }

  if ((row = gtk_list_box_get_row_at_index (self->list, (int)to)))
    gtk_widget_grab_focus (GTK_WIDGET (row));

  return TRUE;
}

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         RungAgendaList *self)
{
  RungAgendaItem *item = g_value_get_object (value);
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, (int)y);
  guint n;

  gtk_list_box_drag_unhighlight_row (self->list);

  if (self->meeting == NULL || item == NULL)
    return FALSE;

  /* Below the last row is the end of the agenda. */
  n = g_list_model_get_n_items (rung_meeting_get_agenda (self->meeting));
  return rung_agenda_list_move (self, rung_agenda_item_get_position (item),
                                row ? (guint)gtk_list_box_row_get_index (row) : n - 1);
}

static GdkDragAction
on_drop_motion (GtkDropTarget  *target,
                double          x,
                double          y,
                RungAgendaList *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, (int)y);

  if (row != NULL)
    gtk_list_box_drag_highlight_row (self->list, row);
  else
    gtk_list_box_drag_unhighlight_row (self->list);

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget  *target,
               RungAgendaList *self)
{
  gtk_list_box_drag_unhighlight_row (self->list);
}

static void
on_row_activated (RungAgendaList *self,
                  GtkListBoxRow  *row)
{
  RungAgendaItem *item = g_object_get_data (G_OBJECT (row), "item");
  g_autoptr(GError) error = NULL;

  if (self->meeting != NULL && item != NULL && !rung_meeting_set_current (self->meeting, item, &error))
    report (self, error);
}

/* Alt+Up and Alt+Down: the focused row one place earlier or later. */
static void
move_focused (RungAgendaList *self,
              int             step)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  int index;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list))
    return;

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index + step >= 0)
    rung_agenda_list_move (self, (guint)index, (guint)(index + step));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  move_focused (RUNG_AGENDA_LIST (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  move_focused (RUNG_AGENDA_LIST (widget), 1);
}

/* Measures every candidate's disagreement again, with one query, and shows
 * it on the rows there are. */
static void
refresh_disagreements (RungAgendaList *self)
{
  GListModel *agenda = rung_meeting_get_agenda (self->meeting);
  g_autoptr(RungAgendaItem) first = g_list_model_get_item (agenda, 0);
  g_autoptr(GError) error = NULL;
  RungPanel *panel;

  g_clear_pointer (&self->disagreements, g_hash_table_unref);
  panel = first ? rung_candidate_get_panel (rung_agenda_item_get_candidate (first)) : NULL;
  /* A panel closing takes its meeting with it; the rows go too. */
  if (panel == NULL || rung_panel_is_closed (panel))
    return;

  self->disagreements = rung_panel_compute_disagreement (panel, &error);
  if (self->disagreements == NULL)
    g_warning ("Could not measure the panel’s disagreement: %s", error->message);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "item") != NULL)
      update_row (row);
}

RungMeeting *
rung_agenda_list_get_meeting (RungAgendaList *self)
{
  g_return_val_if_fail (RUNG_IS_AGENDA_LIST (self), NULL);

  return self->meeting;
}

void
rung_agenda_list_set_meeting (RungAgendaList *self,
                              RungMeeting    *meeting)
{
  g_return_if_fail (RUNG_IS_AGENDA_LIST (self));
  g_return_if_fail (meeting == NULL || RUNG_IS_MEETING (meeting));

  if (self->meeting != NULL)
    {
      g_signal_handlers_disconnect_by_data (rung_meeting_get_agenda (self->meeting), self);
      g_signal_handlers_disconnect_by_data (self->meeting, self);
    }

  if (!g_set_object (&self->meeting, meeting))
    return;

  g_clear_pointer (&self->disagreements, g_hash_table_unref);
  if (meeting != NULL)
    {
      /* Before the list box's own handler, so that new rows see the spreads. */
      g_signal_connect_object (rung_meeting_get_agenda (meeting), "items-changed",
                               G_CALLBACK (refresh_disagreements), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (meeting, "notify::current",
                               G_CALLBACK (refresh_disagreements), self, G_CONNECT_SWAPPED);
      refresh_disagreements (self);
    }

  gtk_list_box_bind_model (self->list, meeting ? rung_meeting_get_agenda (meeting) : NULL,
                           create_row, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEETING]);
}

static void
rung_agenda_list_dispose (GObject *object)
{
  RungAgendaList *self = (RungAgendaList *)object;
  GtkWidget *child;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  if (self->meeting != NULL)
    {
      g_signal_handlers_disconnect_by_data (rung_meeting_get_agenda (self->meeting), self);
      g_signal_handlers_disconnect_by_data (self->meeting, self);
    }
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->disagreements, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUNG_TYPE_AGENDA_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rung_agenda_list_parent_class)->dispose (object);
}

static void
rung_agenda_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RungAgendaList *self = RUNG_AGENDA_LIST (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_agenda_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RungAgendaList *self = RUNG_AGENDA_LIST (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      rung_agenda_list_set_meeting (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_agenda_list_class_init (RungAgendaListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_agenda_list_dispose;
  object_class->get_property = rung_agenda_list_get_property;
  object_class->set_property = rung_agenda_list_set_property;

  properties [PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, RUNG_TYPE_MEETING,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RungAgendaList::failed:
   * @message: what went wrong, for the user
   *
   * A change to the agenda was refused: the meeting has ended, say, or the
   * panel is read-only.
   */
  signals [FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-agenda-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RungAgendaList, list);
  gtk_widget_class_bind_template_child (widget_class, RungAgendaList, order_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, move_down_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "agenda.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agendalist");
}

static void
rung_agenda_list_init (RungAgendaList *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  target = gtk_drop_target_new (RUNG_TYPE_AGENDA_ITEM, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (target));
}

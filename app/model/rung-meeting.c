/* rung-meeting.c: a meeting of the panel. The committee works through an
 * agenda (the order is theirs to change; one candidate is under discussion
 * at a time), a timer records how long each discussion took, blind mode
 * puts "Candidate A", "Candidate B", … in place of names, and ending the
 * meeting freezes it as the record its minutes are made from.
 *
 * Every change is written through the panel's store at once; the agenda's
 * items are updated in place from the file afterwards, so the objects a view
 * holds stay the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-meeting"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-disagreement.h"
#include "rung-panel-private.h"

struct _RungMeeting
{
  GObject            parent_instance;

  RungPanel         *panel;        /* weak: the panel holds the open meeting */
  RungMeetingRecord *record;
  GListStore        *agenda;       /* RungAgendaItem, in order */
  GListStore        *attendees;    /* RungPanelist, as the meeting recorded them; NULL until asked for */
};

G_DEFINE_FINAL_TYPE (RungMeeting, rung_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_MINUTES_PER_CANDIDATE,
  PROP_BLIND,
  PROP_STARTED_AT,
  PROP_ENDED_AT,
  PROP_IS_OPEN,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_meeting_dispose (GObject *object)
{
  RungMeeting *self = (RungMeeting *)object;

  g_clear_weak_pointer (&self->panel);
  g_clear_object (&self->agenda);
  g_clear_object (&self->attendees);

  G_OBJECT_CLASS (rung_meeting_parent_class)->dispose (object);
}

static void
rung_meeting_finalize (GObject *object)
{
  RungMeeting *self = (RungMeeting *)object;

  g_clear_pointer (&self->record, rung_meeting_record_free);

  G_OBJECT_CLASS (rung_meeting_parent_class)->finalize (object);
}

static void
rung_meeting_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RungMeeting *self = RUNG_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->record->title);
      break;

    case PROP_MINUTES_PER_CANDIDATE:
      g_value_set_uint (value, self->record->minutes_per_candidate);
      break;

    case PROP_BLIND:
      g_value_set_boolean (value, self->record->blind);
      break;

    case PROP_STARTED_AT:
      g_value_set_string (value, self->record->started_at);
      break;

    case PROP_ENDED_AT:
      g_value_set_string (value, self->record->ended_at);
      break;

    case PROP_IS_OPEN:
      g_value_set_boolean (value, rung_meeting_is_open (self));
      break;

    case PROP_CURRENT:
      g_value_set_object (value, rung_meeting_get_current (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_meeting_class_init (RungMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rung_meeting_dispose;
  object_class->finalize = rung_meeting_finalize;
  object_class->get_property = rung_meeting_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_MINUTES_PER_CANDIDATE] =
    g_param_spec_uint ("minutes-per-candidate", NULL, NULL, 1, 240, RUNG_MEETING_DEFAULT_MINUTES, flags);
  properties [PROP_BLIND] = g_param_spec_boolean ("blind", NULL, NULL, FALSE, flags);
  properties [PROP_STARTED_AT] = g_param_spec_string ("started-at", NULL, NULL, NULL, flags);
  properties [PROP_ENDED_AT] = g_param_spec_string ("ended-at", NULL, NULL, NULL, flags);
  properties [PROP_IS_OPEN] = g_param_spec_boolean ("is-open", NULL, NULL, TRUE, flags);
  properties [PROP_CURRENT] = g_param_spec_object ("current", NULL, NULL, RUNG_TYPE_AGENDA_ITEM, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_meeting_init (RungMeeting *self)
{
  self->agenda = g_list_store_new (RUNG_TYPE_AGENDA_ITEM);
}

RungMeeting *
_rung_meeting_new (RungPanel         *panel,
                   RungMeetingRecord *record)
{
  RungMeeting *self = g_object_new (RUNG_TYPE_MEETING, NULL);

  g_set_weak_pointer (&self->panel, panel);
  self->record = record;
  _rung_meeting_sync (self);

  return self;
}

static RungStore *
get_store (RungMeeting *self)
{
  return self->panel ? _rung_panel_get_store (self->panel) : NULL;
}

/* Brings the agenda in line with the file: the same item objects, updated,
 * and items-changed over the smallest range that differs. */
void
_rung_meeting_sync (RungMeeting *self)
{
  RungStore *store = get_store (self);
  RungAgendaItem *current_before = rung_meeting_get_current (self);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  guint n_old, first, suffix;

  if (store == NULL)
    return;

  if (!(records = rung_store_list_agenda (store, self->record->id, &error)))
    {
      g_warning ("Could not read the agenda of meeting %" G_GINT64_FORMAT ": %s",
                 self->record->id, error->message);
      return;
    }

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));
  for (guint i = 0; i < n_old; i++)
    {
      RungAgendaItem *item = g_list_model_get_item (G_LIST_MODEL (self->agenda), i);

      /* The candidate's id lives as long as the item, which the list keeps. */
      g_hash_table_insert (by_id, (gpointer)_rung_agenda_item_peek_candidate_id (item), item);
      g_object_unref (item);
    }

  for (guint i = 0; i < records->len; i++)
    {
      RungAgendaRecord *record = g_ptr_array_index (records, i);
      RungAgendaItem *item = g_hash_table_lookup (by_id, &record->candidate_id);
      RungCandidate *candidate;

      if (item != NULL)
        {
          _rung_agenda_item_update (item, record);
          g_ptr_array_add (items, g_object_ref (item));
        }
      else if ((candidate = rung_panel_find_candidate (self->panel, record->candidate_id)))
        g_ptr_array_add (items, _rung_agenda_item_new (candidate, record));
    }

  for (first = 0; first < n_old && first < items->len; first++)
    {
      g_autoptr(RungAgendaItem) old = g_list_model_get_item (G_LIST_MODEL (self->agenda), first);

      if (old != g_ptr_array_index (items, first))
        break;
    }

  for (suffix = 0; suffix < n_old - first && suffix < items->len - first; suffix++)
    {
      g_autoptr(RungAgendaItem) old = g_list_model_get_item (G_LIST_MODEL (self->agenda), n_old - 1 - suffix);

      if (old != g_ptr_array_index (items, items->len - 1 - suffix))
        break;
    }

  if (first < n_old || first < items->len)
    g_list_store_splice (self->agenda, first, n_old - first - suffix,
                         items->pdata + first, items->len - first - suffix);

  if (rung_meeting_get_current (self) != current_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT]);
}

/* Takes the meeting's row as the file has it now. */
static void
reload_record (RungMeeting *self)
{
  RungStore *store = get_store (self);
  RungMeetingRecord *old = self->record;
  RungMeetingRecord *record;

  if (store == NULL || !(record = rung_store_get_meeting (store, old->id, NULL)))
    return;

  self->record = record;

  g_object_freeze_notify (G_OBJECT (self));
  if (old->blind != record->blind)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLIND]);
  if (g_strcmp0 (old->ended_at, record->ended_at) != 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENDED_AT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_OPEN]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  rung_meeting_record_free (old);
}

/* Whether the meeting can change now; says why not in words. */
static gboolean
check_writable (RungMeeting  *self,
                GError      **error)
{
  if (self->panel == NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO, _("The panel is closed."));
      return FALSE;
    }

  if (!_rung_panel_check_writable (self->panel, error))
    return FALSE;

  if (!rung_meeting_is_open (self))
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("The meeting has ended, and its minutes cannot be changed."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_item (RungMeeting     *self,
            RungAgendaItem  *item,
            GError         **error)
{
  if (!g_list_store_find (self->agenda, item, NULL))
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW,
                           _("That candidate is not on the meeting’s agenda."));
      return FALSE;
    }

  return TRUE;
}

static gint64
item_candidate_id (RungAgendaItem *item)
{
  return rung_candidate_get_id (rung_agenda_item_get_candidate (item));
}

gint64
rung_meeting_get_id (RungMeeting *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), 0);

  return self->record->id;
}

const char *
rung_meeting_get_title (RungMeeting *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), NULL);

  return self->record->title;
}

/**
 * rung_meeting_get_minutes_per_candidate:
 *
 * Returns: how long each discussion is meant to last; the timer shows an
 *   overrun after that
 */
guint
rung_meeting_get_minutes_per_candidate (RungMeeting *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), RUNG_MEETING_DEFAULT_MINUTES);

  return self->record->minutes_per_candidate;
}

gboolean
rung_meeting_get_blind (RungMeeting *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);

  return self->record->blind;
}

const char *
rung_meeting_get_started_at (RungMeeting *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), NULL);

  return self->record->started_at;
}

/**
 * rung_meeting_get_ended_at:
 *
 * Returns: (nullable): when the meeting ended; %NULL while it is open
 */
const char *
rung_meeting_get_ended_at (RungMeeting *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), NULL);

  return self->record->ended_at;
}

gboolean
rung_meeting_is_open (RungMeeting *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);

  return self->record->ended_at == NULL;
}

/**
 * rung_meeting_get_agenda:
 *
 * The candidates in the order the meeting discusses them. A deleted
 * candidate leaves the agenda, and comes back if restored.
 *
 * Returns: (transfer none): a #GListModel of #RungAgendaItem
 */
GListModel *
rung_meeting_get_agenda (RungMeeting *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), NULL);

  return G_LIST_MODEL (self->agenda);
}

/**
 * rung_meeting_get_current:
 *
 * Returns: (transfer none) (nullable): the item under discussion now
 */
RungAgendaItem *
rung_meeting_get_current (RungMeeting *self)
{
  guint n;

  g_return_val_if_fail (RUNG_IS_MEETING (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->agenda), i);

      if (rung_agenda_item_get_state (item) == RUNG_AGENDA_STATE_NOW)
        return item;
    }

  return NULL;
}

/**
 * rung_meeting_find_item:
 *
 * Returns: (transfer none) (nullable): @candidate's item on the agenda
 */
RungAgendaItem *
rung_meeting_find_item (RungMeeting   *self,
                        RungCandidate *candidate)
{
  guint n;

  g_return_val_if_fail (RUNG_IS_MEETING (self), NULL);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->agenda), i);

      if (item_candidate_id (item) == rung_candidate_get_id (candidate))
        return item;
    }

  return NULL;
}

static void
load_attendees (RungMeeting *self)
{
  RungStore *store = get_store (self);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) panelists = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (self->attendees == NULL)
    self->attendees = g_list_store_new (RUNG_TYPE_PANELIST);

  if (store == NULL)
    return;

  if (!(records = rung_store_list_attendees (store, self->record->id, &error)))
    {
      g_warning ("Could not read the attendees of meeting %" G_GINT64_FORMAT ": %s",
                 self->record->id, error->message);
      return;
    }

  for (guint i = 0; i < records->len; i++)
    {
      RungAttendeeRecord *attendee = g_ptr_array_index (records, i);
      RungPanelistRecord *record = g_new0 (RungPanelistRecord, 1);

      record->id = attendee->panelist_id;
      record->name = g_strdup (attendee->name);
      g_ptr_array_add (panelists, _rung_panelist_new (record));
    }

  g_list_store_splice (self->attendees, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attendees)),
                       panelists->pdata, panelists->len);
}

/**
 * rung_meeting_get_attendees:
 *
 * Who attended, by name, as the meeting recorded them: their names stay as
 * they were on the day. Compare them with the panel's panelists by id.
 *
 * Returns: (transfer none): a #GListModel of #RungPanelist
 */
GListModel *
rung_meeting_get_attendees (RungMeeting *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), NULL);

  if (self->attendees == NULL)
    load_attendees (self);

  return G_LIST_MODEL (self->attendees);
}

/**
 * rung_meeting_move:
 * @new_position: the item's new place, from 0; past the end means last
 *
 * Moves a candidate on the agenda, for drag and drop or move up and down;
 * the others close up. The agenda emits #GListModel::items-changed.
 */
gboolean
rung_meeting_move (RungMeeting     *self,
                   RungAgendaItem  *item,
                   guint            new_position,
                   GError         **error)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RUNG_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !check_item (self, item, error) ||
      !rung_store_move_agenda_item (get_store (self), _rung_panel_get_who (self->panel),
                                    self->record->id, item_candidate_id (item), new_position, error))
    return FALSE;

  _rung_meeting_sync (self);

  return TRUE;
}

/**
 * rung_meeting_dup_order:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the agenda's
 *   candidates in order, for rung_meeting_set_order() to restore
 */
GArray *
rung_meeting_dup_order (RungMeeting *self)
{
  GListModel *agenda;
  GArray *order;

  g_return_val_if_fail (RUNG_IS_MEETING (self), NULL);

  agenda = G_LIST_MODEL (self->agenda);
  order = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_list_model_get_n_items (agenda));
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(RungAgendaItem) item = g_list_model_get_item (agenda, i);
      gint64 id = item_candidate_id (item);

      g_array_append_val (order, id);
    }

  return order;
}

/**
 * rung_meeting_set_order:
 * @order: (element-type gint64): the ids of every candidate of the agenda
 *   once, in their new order
 *
 * Puts the whole agenda in a new order, in one write.
 */
gboolean
rung_meeting_set_order (RungMeeting  *self,
                        GArray       *order,
                        GError      **error)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);
  g_return_val_if_fail (order != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) ||
      !rung_store_set_agenda_order (get_store (self), _rung_panel_get_who (self->panel), self->record->id,
                                    (const gint64 *)(gpointer)order->data, order->len, error))
    return FALSE;

  _rung_meeting_sync (self);

  return TRUE;
}

typedef struct
{
  gint64  candidate_id;
  guint   position;
  double  spread;
  gboolean measured;
} Waiting;

/* Most contested first; the unmeasured last; otherwise as they were. */
static int
compare_waiting (gconstpointer a,
                 gconstpointer b)
{
  const Waiting *x = a;
  const Waiting *y = b;

  if (x->measured != y->measured)
    return x->measured ? -1 : 1;
  if (x->spread != y->spread)
    return x->spread > y->spread ? -1 : 1;

  return (x->position > y->position) - (x->position < y->position);
}

/**
 * rung_meeting_order_by_disagreement:
 * @changed: (out) (optional): whether the order changed
 *
 * Puts the waiting candidates in order of the spread of their ratings
 * (see rung-disagreement.c), the most contested first, in the places the
 * waiting candidates hold now: the candidate under discussion and the
 * decided ones stay where they are. Candidates with the same spread keep
 * their order, and those nobody can measure yet go last. One write.
 */
gboolean
rung_meeting_order_by_disagreement (RungMeeting  *self,
                                    gboolean     *changed,
                                    GError      **error)
{
  g_autoptr(GHashTable) disagreements = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GArray) waiting = g_array_new (FALSE, FALSE, sizeof (Waiting));
  g_autoptr(GArray) reordered = NULL;
  guint next = 0;

  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (changed != NULL)
    *changed = FALSE;

  if (!check_writable (self, error) ||
      !(disagreements = rung_panel_compute_disagreement (self->panel, error)))
    return FALSE;

  order = rung_meeting_dup_order (self);
  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(RungAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->agenda), i);
      Waiting entry = { g_array_index (order, gint64, i), i, 0.0, FALSE };
      RungDisagreement *disagreement;

      if (rung_agenda_item_get_state (item) != RUNG_AGENDA_STATE_WAITING)
        continue;

      disagreement = g_hash_table_lookup (disagreements, &entry.candidate_id);
      entry.measured = disagreement != NULL && disagreement->n_areas > 0;
      entry.spread = entry.measured ? disagreement->spread : 0.0;
      g_array_append_val (waiting, entry);
    }

  g_array_sort (waiting, compare_waiting);

  reordered = g_array_copy (order);
  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(RungAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->agenda), i);

      if (rung_agenda_item_get_state (item) == RUNG_AGENDA_STATE_WAITING)
        g_array_index (reordered, gint64, i) = g_array_index (waiting, Waiting, next++).candidate_id;
    }

  if (memcmp (order->data, reordered->data, order->len * sizeof (gint64)) == 0)
    return TRUE;

  if (!rung_meeting_set_order (self, reordered, error))
    return FALSE;

  if (changed != NULL)
    *changed = TRUE;

  return TRUE;
}

/**
 * rung_meeting_set_current:
 * @item: (nullable): the candidate to discuss now, or %NULL for nobody
 *
 * The candidate discussed until now goes back to waiting, or on to decided
 * if the panel has decided on them in this meeting.
 */
gboolean
rung_meeting_set_current (RungMeeting     *self,
                          RungAgendaItem  *item,
                          GError         **error)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);
  g_return_val_if_fail (item == NULL || RUNG_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || (item != NULL && !check_item (self, item, error)) ||
      !rung_store_set_agenda_current (get_store (self), _rung_panel_get_who (self->panel),
                                      self->record->id, item ? item_candidate_id (item) : 0, error))
    return FALSE;

  _rung_meeting_sync (self);

  return TRUE;
}

/**
 * rung_meeting_mark_decided:
 *
 * Marks a candidate decided on the agenda. Recording a decision with
 * rung_panel_record_decision() does this too.
 */
gboolean
rung_meeting_mark_decided (RungMeeting     *self,
                           RungAgendaItem  *item,
                           GError         **error)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RUNG_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !check_item (self, item, error) ||
      !rung_store_mark_agenda_decided (get_store (self), _rung_panel_get_who (self->panel),
                                       self->record->id, item_candidate_id (item), error))
    return FALSE;

  _rung_meeting_sync (self);

  return TRUE;
}

/**
 * rung_meeting_add_time:
 * @seconds: time spent discussing the candidate since the last call
 *
 * Records time spent on a candidate. The timer calls this as it runs (every
 * few seconds, on pause and when the discussion moves on), so the record
 * survives a crash; it is on disk when this returns.
 */
gboolean
rung_meeting_add_time (RungMeeting     *self,
                       RungAgendaItem  *item,
                       guint            seconds,
                       GError         **error)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RUNG_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !check_item (self, item, error))
    return FALSE;

  if (seconds == 0)
    return TRUE;

  if (!rung_store_add_agenda_time (get_store (self), _rung_panel_get_who (self->panel),
                                   self->record->id, item_candidate_id (item), seconds, error))
    return FALSE;

  _rung_meeting_sync (self);

  return TRUE;
}

gboolean
rung_meeting_set_blind (RungMeeting  *self,
                        gboolean      blind,
                        GError      **error)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  blind = !!blind;
  if (!check_writable (self, error))
    return FALSE;

  if (blind == self->record->blind)
    return TRUE;

  if (!rung_store_set_meeting_blind (get_store (self), _rung_panel_get_who (self->panel),
                                     self->record->id, blind, error))
    return FALSE;

  reload_record (self);

  return TRUE;
}

/**
 * rung_meeting_set_attendees:
 * @panelists: (array length=n_panelists): the panel's panelists who attend
 *
 * Replaces the list of who attends.
 */
gboolean
rung_meeting_set_attendees (RungMeeting   *self,
                            RungPanelist **panelists,
                            guint          n_panelists,
                            GError       **error)
{
  g_autofree gint64 *ids = NULL;

  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);
  g_return_val_if_fail (panelists != NULL || n_panelists == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  ids = g_new0 (gint64, MAX (n_panelists, 1));
  for (guint i = 0; i < n_panelists; i++)
    {
      g_return_val_if_fail (RUNG_IS_PANELIST (panelists[i]), FALSE);
      ids[i] = rung_panelist_get_id (panelists[i]);
    }

  if (!rung_store_set_attendees (get_store (self), _rung_panel_get_who (self->panel),
                                 self->record->id, ids, n_panelists, error))
    return FALSE;

  load_attendees (self);

  return TRUE;
}

/**
 * rung_meeting_end:
 *
 * Ends the meeting. Whoever was under discussion is released, and the
 * meeting, its agenda and its attendees never change again: they are the
 * record the minutes are made from. The panel can start another meeting.
 */
gboolean
rung_meeting_end (RungMeeting  *self,
                  GError      **error)
{
  g_return_val_if_fail (RUNG_IS_MEETING (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) ||
      !rung_store_end_meeting (get_store (self), _rung_panel_get_who (self->panel), self->record->id, error))
    return FALSE;

  _rung_meeting_sync (self);
  reload_record (self);
  _rung_panel_meeting_ended (self->panel, self);

  return TRUE;
}

/* "A", "B", … "Z", "AA", "AB", …: the letters of a spreadsheet's columns. */
static char *
alias_letters (guint index)
{
  char letters[16];
  guint at = sizeof letters - 1;
  guint64 n = (guint64)index + 1;

  letters[at] = '\0';
  while (n > 0 && at > 0)
    {
      n--;
      letters[--at] = 'A' + n % 26;
      n /= 26;
    }

  return g_strdup (&letters[at]);
}

/* Where a candidate comes in blind mode's order: the letters the agenda
 * was given when the meeting started, then the candidates not on it, by
 * when they were added. */
static guint
alias_index (RungMeeting   *self,
             RungCandidate *candidate)
{
  RungAgendaItem *item = rung_meeting_find_item (self, candidate);
  GListModel *candidates;
  guint n_agenda = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));
  guint n_letters = 0;
  guint before = 0;
  guint n;

  if (item != NULL)
    return rung_agenda_item_get_alias (item);

  /* Past every letter given, also those of candidates deleted since. */
  for (guint i = 0; i < n_agenda; i++)
    {
      g_autoptr(RungAgendaItem) other = g_list_model_get_item (G_LIST_MODEL (self->agenda), i);

      n_letters = MAX (n_letters, rung_agenda_item_get_alias (other) + 1);
    }

  if (self->panel == NULL)
    return n_letters;

  candidates = rung_panel_get_candidates (self->panel);
  n = g_list_model_get_n_items (candidates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCandidate) other = g_list_model_get_item (candidates, i);

      if (rung_candidate_get_id (other) < rung_candidate_get_id (candidate) &&
          rung_meeting_find_item (self, other) == NULL)
        before++;
    }

  return n_letters + before;
}

/**
 * rung_meeting_count_decided:
 *
 * Returns: how many candidates on the agenda are decided
 */
guint
rung_meeting_count_decided (RungMeeting *self)
{
  guint n, decided = 0;

  g_return_val_if_fail (RUNG_IS_MEETING (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->agenda), i);

      decided += rung_agenda_item_get_state (item) == RUNG_AGENDA_STATE_DECIDED;
    }

  return decided;
}

/**
 * rung_meeting_dup_display_name:
 *
 * The name to show and print for @candidate during this meeting: their own,
 * or while the meeting is blind "Candidate A", "Candidate B", …: letters
 * fixed when the meeting started, so that reordering the agenda renames
 * nobody (a candidate not on the agenda comes after those who are). While
 * blind, views show no manager or team either.
 *
 * Returns: (transfer full): the name
 */
char *
rung_meeting_dup_display_name (RungMeeting   *self,
                               RungCandidate *candidate)
{
  g_autofree char *letters = NULL;

  g_return_val_if_fail (RUNG_IS_MEETING (self), NULL);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), NULL);

  if (!self->record->blind)
    return g_strdup (rung_candidate_get_name (candidate));

  letters = alias_letters (alias_index (self, candidate));

  /* Translators: what stands for a candidate's name in a blind meeting;
   * %s is a code of capital letters: A, B, … Z, AA, AB, … */
  return g_strdup_printf (_("Candidate %s"), letters);
}

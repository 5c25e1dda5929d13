/* rung-meeting-timer.c: the clock of one discussion in a meeting. It counts
 * down from the meeting's minutes per candidate, starting from what the
 * agenda item already has on record, turns to a warning in the last two
 * minutes (or the last fifth of a shorter plan) and then shows the overrun.
 *
 * The time it runs is the record of how long the discussion took: it is
 * added to the item through the meeting on pause, when the item changes,
 * when the timer leaves the screen or goes away, when asked, and every
 * thirty seconds while it runs, so that a crash loses half a minute at most.
 * Each second is added once: what is recorded leaves the count of what is
 * not. An ended meeting or a read-only panel is never written; the timer
 * shows what was recorded and does not run.
 *
 * It ticks once a second, on the second, and only while it runs and is on
 * screen; assistive technologies hear the time left in words every fifteen
 * seconds and when its state changes, not at every tick.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-meeting-timer"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-agenda-item.h"
#include "rung-meeting.h"
#include "rung-meeting-timer-private.h"

/* How much running time a crash may lose. */
#define RECORD_EVERY_US (30 * G_USEC_PER_SEC)

/* How often assistive technologies hear the time while nothing else changes. */
#define SPEAK_EVERY_US (15 * G_USEC_PER_SEC)

/* The warning comes this long before the end, or at the last fifth of a
 * plan shorter than ten minutes. */
#define WARNING_SECONDS 120

typedef enum
{
  TIMER_IDLE = 1,   /* nobody under discussion */
  TIMER_READY,      /* nothing spent yet, not started */
  TIMER_RUNNING,
  TIMER_PAUSED,
  TIMER_LOCKED,     /* an ended meeting or a read-only panel: shows the record */
} TimerState;

/* Why a timer cannot record, and so does not run. */
typedef enum
{
  LOCKED_NOT,
  LOCKED_ENDED,
  LOCKED_READ_ONLY,
  LOCKED_OTHER,     /* the panel closed, the candidate left the agenda */
} LockedBy;

typedef enum
{
  TIME_PLENTY,
  TIME_WARNING,
  TIME_OVERRUN,
} TimeLevel;

struct _RungMeetingTimer
{
  AdwBin                 parent_instance;

  RungMeeting           *meeting;
  RungAgendaItem        *item;
  GSimpleActionGroup    *actions;

  RungMeetingTimerClock  now_us;
  gpointer               clock_data;

  gint64                 unrecorded_us;   /* run time not yet added to the item's record */
  gint64                 counted_to_us;   /* while running: the clock's time unrecorded_us counts up to */
  guint                  tick_id;

  char                  *spoken;
  gint64                 spoken_at_us;
  guint                  spoken_key;      /* state and level last spoken; 0 to speak at once */

  LockedBy               locked_by;

  guint                  running : 1;
  guint                  can_record : 1;

  GtkWidget             *time_box;
  GtkLabel              *time_label;
  GtkLabel              *caption_label;
  GtkProgressBar        *bar;
  GtkButton             *toggle_button;
};

G_DEFINE_FINAL_TYPE (RungMeetingTimer, rung_meeting_timer, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_ITEM,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void update_display (RungMeetingTimer *self);
static void schedule_tick  (RungMeetingTimer *self);

static gint64
now_us (RungMeetingTimer *self)
{
  return self->now_us != NULL ? self->now_us (self->clock_data) : g_get_monotonic_time ();
}

/* Brings the count of unrecorded time up to now. */
static void
catch_up (RungMeetingTimer *self)
{
  gint64 now;

  if (!self->running)
    return;

  now = now_us (self);
  self->unrecorded_us += MAX (now - self->counted_to_us, 0);
  self->counted_to_us = now;
}

static gint64
unrecorded_us_now (RungMeetingTimer *self)
{
  if (!self->running)
    return self->unrecorded_us;

  return self->unrecorded_us + MAX (now_us (self) - self->counted_to_us, 0);
}

static guint
planned_seconds (RungMeetingTimer *self)
{
  guint minutes = self->meeting ? rung_meeting_get_minutes_per_candidate (self->meeting)
                                : RUNG_MEETING_DEFAULT_MINUTES;

  return minutes * 60;
}

/* Whether time spent on the item can be written now: the meeting is open,
 * the panel is writable and open, the item is on the agenda. Adding no time
 * checks all of that and writes nothing. */
static gboolean
check_can_record (RungMeetingTimer  *self,
                  GError           **error)
{
  if (self->meeting == NULL || self->item == NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW,
                           _("Nobody is under discussion."));
      return FALSE;
    }

  if (!rung_meeting_is_open (self->meeting))
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE, "The meeting has ended");
      return FALSE;
    }

  return rung_meeting_add_time (self->meeting, self->item, 0, error);
}

/* Adds the whole seconds run since the last record to the item's record;
 * a fraction of a second waits for the next. */
static void
record (RungMeetingTimer *self)
{
  g_autoptr(GError) error = NULL;
  guint seconds;

  catch_up (self);
  seconds = (guint)MIN (self->unrecorded_us / G_USEC_PER_SEC, G_MAXUINT);
  if (seconds == 0)
    return;

  /* Taken off before writing: whatever the store says, never added twice. */
  self->unrecorded_us -= (gint64)seconds * G_USEC_PER_SEC;

  if (!check_can_record (self, &error))
    g_debug ("%u s of discussion not recorded: %s", seconds, error->message);
  else if (!rung_meeting_add_time (self->meeting, self->item, seconds, &error))
    g_warning ("Could not record %u s of discussion: %s", seconds, error->message);
}

static void
stop_ticking (RungMeetingTimer *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* Stops the clock, keeping what it ran. */
static void
stop (RungMeetingTimer *self)
{
  if (!self->running)
    return;

  catch_up (self);
  self->running = FALSE;
  stop_ticking (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
}

static gboolean
can_run (RungMeetingTimer *self)
{
  return self->item != NULL && self->can_record;
}

/* Asks the model whether the item can be recorded, and follows: a timer
 * that cannot record does not run. */
static void
update_can_record (RungMeetingTimer *self)
{
  g_autoptr(GError) error = NULL;
  GAction *toggle = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "toggle");

  self->can_record = check_can_record (self, &error);
  if (self->can_record || self->item == NULL || self->meeting == NULL)
    self->locked_by = LOCKED_NOT;
  else if (!rung_meeting_is_open (self->meeting))
    self->locked_by = LOCKED_ENDED;
  else if (g_error_matches (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY))
    self->locked_by = LOCKED_READ_ONLY;
  else
    self->locked_by = LOCKED_OTHER;

  if (!can_run (self))
    stop (self);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (toggle), can_run (self));
}

static gboolean
on_tick (gpointer data)
{
  RungMeetingTimer *self = data;

  self->tick_id = 0;
  _rung_meeting_timer_tick (self);

  return G_SOURCE_REMOVE;
}

/* Ticks just after the next whole second of running time, so the display
 * turns with it; only while running and on screen. */
static void
schedule_tick (RungMeetingTimer *self)
{
  gint64 into_second_us;
  guint delay_ms;

  if (!self->running || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      stop_ticking (self);
      return;
    }

  if (self->tick_id != 0)
    return;

  into_second_us = unrecorded_us_now (self) % G_USEC_PER_SEC;
  delay_ms = (guint)((G_USEC_PER_SEC - into_second_us) / 1000) + 1;
  self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, on_tick, self, NULL);
  /* Not translated: a name for profilers */
  g_source_set_name_by_id (self->tick_id, "[rung] meeting timer tick");
}

/* "4:12": minutes and seconds of a countdown. */
static char *
format_clock (gint64 seconds)
{
  /* Translators: a countdown's minutes and seconds, as in "4:12"; the
   * minutes can go past 60, as in "90:00". */
  return g_strdup_printf (C_("timer", "%u:%02u"), (guint)(seconds / 60), (guint)(seconds % 60));
}

/* "4 minutes 12 seconds": a duration in words, for screen readers. */
static char *
format_duration (gint64 seconds)
{
  guint minutes = (guint)(seconds / 60);
  guint rest = (guint)(seconds % 60);
  g_autofree char *minutes_text = NULL;
  g_autofree char *seconds_text = NULL;

  if (minutes == 0)
    return g_strdup_printf (ngettext ("%u second", "%u seconds", rest), rest);

  minutes_text = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
  if (rest == 0)
    return g_steal_pointer (&minutes_text);

  seconds_text = g_strdup_printf (ngettext ("%u second", "%u seconds", rest), rest);

  /* Translators: a duration of minutes and seconds, as in "4 minutes 12 seconds". */
  return g_strdup_printf (C_("duration", "%s %s"), minutes_text, seconds_text);
}

static TimerState
get_state (RungMeetingTimer *self,
           gint64            elapsed)
{
  if (self->item == NULL)
    return TIMER_IDLE;
  if (!self->can_record)
    return TIMER_LOCKED;
  if (self->running)
    return TIMER_RUNNING;
  if (elapsed > 0)
    return TIMER_PAUSED;

  return TIMER_READY;
}

static char *
dup_caption (RungMeetingTimer *self,
             TimerState        state,
             TimeLevel         level)
{
  guint minutes = planned_seconds (self) / 60;

  switch (state)
    {
    case TIMER_IDLE:
      return g_strdup (_("No candidate under discussion"));

    case TIMER_LOCKED:
      if (self->locked_by == LOCKED_ENDED)
        return g_strdup (_("The meeting has ended"));
      if (self->locked_by == LOCKED_READ_ONLY)
        return g_strdup (_("Read only: the time is not recorded"));
      return g_strdup (_("The time cannot be recorded"));

    case TIMER_PAUSED:
      return g_strdup (_("Paused"));

    case TIMER_READY:
      /* Translators: under a countdown that has not started yet. */
      return g_strdup_printf (ngettext ("%u minute planned", "%u minutes planned", minutes), minutes);

    case TIMER_RUNNING:
    default:
      if (level == TIME_OVERRUN)
        /* Translators: under the overrun of a discussion, as in "+1:00 over". */
        return g_strdup_printf (ngettext ("past the %u minute planned", "past the %u minutes planned",
                                          minutes), minutes);

      /* Translators: under the time left of a discussion, as in "4:12". */
      return g_strdup_printf (ngettext ("left of %u minute", "left of %u minutes", minutes), minutes);
    }
}

static char *
dup_spoken (RungMeetingTimer *self,
            TimerState        state,
            gint64            remaining)
{
  g_autofree char *duration = format_duration (ABS (remaining));

  if (state == TIMER_IDLE)
    return g_strdup (_("No candidate under discussion"));

  if (remaining < 0)
    {
      if (state == TIMER_PAUSED)
        /* Translators: %s is a duration, as in "1 minute 30 seconds". */
        return g_strdup_printf (_("%s over, paused"), duration);

      /* Translators: %s is a duration, as in "1 minute 30 seconds". */
      return g_strdup_printf (_("%s over"), duration);
    }

  switch (state)
    {
    case TIMER_PAUSED:
      /* Translators: %s is a duration, as in "4 minutes 12 seconds". */
      return g_strdup_printf (_("%s left, paused"), duration);

    case TIMER_READY:
      /* Translators: %s is a duration, as in "10 minutes". */
      return g_strdup_printf (_("%s left, not started"), duration);

    default:
      /* Translators: %s is a duration, as in "4 minutes 12 seconds". */
      return g_strdup_printf (_("%s left"), duration);
    }
}

/* Tells assistive technologies the time in words when the state changes,
 * and every fifteen seconds otherwise: not at every tick. The words name
 * the time's box, whose role is a timer; the digits inside are not
 * presented, since a label's name follows its text, at every tick. */
static void
speak (RungMeetingTimer *self,
       TimerState        state,
       TimeLevel         level,
       gint64            remaining)
{
  guint key = (guint)state << 4 | (guint)level;
  gint64 now = now_us (self);
  g_autofree char *spoken = NULL;

  if (key == self->spoken_key && now - self->spoken_at_us < SPEAK_EVERY_US)
    return;

  self->spoken_key = key;
  self->spoken_at_us = now;

  spoken = dup_spoken (self, state, remaining);
  if (g_strcmp0 (spoken, self->spoken) == 0)
    return;

  g_free (self->spoken);
  self->spoken = g_steal_pointer (&spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->spoken,
                                  -1);
}

static void
set_css_class (GtkWidget  *widget,
               const char *name,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
update_button (RungMeetingTimer *self,
               TimerState        state)
{
  const char *icon_name = "media-playback-start-symbolic";
  const char *label;
  const char *tooltip;

  switch (state)
    {
    case TIMER_RUNNING:
      icon_name = "media-playback-pause-symbolic";
      label = _("Pause timer");
      /* Translators: the tooltip of the timer's button, with its shortcut. */
      tooltip = _("Pause (Space)");
      break;

    case TIMER_PAUSED:
      label = _("Resume timer");
      /* Translators: the tooltip of the timer's button, with its shortcut. */
      tooltip = _("Resume (Space)");
      break;

    case TIMER_IDLE:
    case TIMER_READY:
    case TIMER_LOCKED:
    default:
      label = _("Start timer");
      /* Translators: the tooltip of the timer's button, with its shortcut. */
      tooltip = _("Start (Space)");
      break;
    }

  gtk_button_set_icon_name (self->toggle_button, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_display (RungMeetingTimer *self)
{
  static const char * const state_classes[] = {
    [TIMER_IDLE] = "idle",
    [TIMER_READY] = "ready",
    [TIMER_RUNNING] = "running",
    [TIMER_PAUSED] = "paused",
    [TIMER_LOCKED] = "locked",
  };
  gint64 planned = planned_seconds (self);
  gint64 elapsed = rung_meeting_timer_get_elapsed_seconds (self);
  gint64 remaining = self->item != NULL ? planned - elapsed : planned;
  TimerState state = get_state (self, elapsed);
  TimeLevel level = TIME_PLENTY;
  g_autofree char *text = NULL;
  g_autofree char *caption = NULL;

  if (remaining < 0)
    {
      g_autofree char *clock = format_clock (-remaining);

      level = TIME_OVERRUN;
      /* Translators: a discussion's overrun, as in "+1:00 over". */
      text = g_strdup_printf (_("+%s over"), clock);
    }
  else
    {
      if (state != TIMER_IDLE && remaining <= MIN (WARNING_SECONDS, planned / 5))
        level = TIME_WARNING;
      text = format_clock (remaining);
    }

  caption = dup_caption (self, state, level);

  gtk_label_set_text (self->time_label, text);
  gtk_label_set_text (self->caption_label, caption);
  gtk_progress_bar_set_fraction (self->bar, state == TIMER_IDLE ? 0.0 : CLAMP ((double)elapsed / planned, 0.0, 1.0));

  for (guint i = TIMER_IDLE; i < G_N_ELEMENTS (state_classes); i++)
    set_css_class (GTK_WIDGET (self), state_classes[i], i == state);
  set_css_class (GTK_WIDGET (self), "warning", level == TIME_WARNING);
  set_css_class (GTK_WIDGET (self), "overrun", level == TIME_OVERRUN);

  update_button (self, state);
  speak (self, state, level, remaining);
}

static void
on_item_time_changed (RungMeetingTimer *self)
{
  update_display (self);
}

static void
on_meeting_open_changed (RungMeetingTimer *self)
{
  if (!rung_meeting_is_open (self->meeting))
    {
      catch_up (self);
      /* The meeting is the record now: what was not recorded before it
       * ended cannot be. The meeting view records before it ends it. */
      if (self->unrecorded_us >= G_USEC_PER_SEC)
        g_debug ("%" G_GINT64_FORMAT " s of discussion not recorded: the meeting has ended",
                 self->unrecorded_us / G_USEC_PER_SEC);
      self->unrecorded_us = 0;
    }

  update_can_record (self);
  update_display (self);
}

static void
toggle_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  rung_meeting_timer_toggle (user_data);
}

/**
 * rung_meeting_timer_new:
 *
 * Returns: (transfer floating): a timer with no meeting, idle
 */
GtkWidget *
rung_meeting_timer_new (void)
{
  return g_object_new (RUNG_TYPE_MEETING_TIMER, NULL);
}

/**
 * rung_meeting_timer_get_meeting:
 *
 * Returns: (transfer none) (nullable): the meeting whose plan the timer follows
 */
RungMeeting *
rung_meeting_timer_get_meeting (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), NULL);

  return self->meeting;
}

/**
 * rung_meeting_timer_set_meeting:
 * @meeting: (nullable): the meeting
 *
 * Follows @meeting's minutes per candidate, and records time through it.
 * The item is kept if it is on @meeting's agenda, and let go otherwise.
 */
void
rung_meeting_timer_set_meeting (RungMeetingTimer *self,
                                RungMeeting      *meeting)
{
  g_return_if_fail (RUNG_IS_MEETING_TIMER (self));
  g_return_if_fail (meeting == NULL || RUNG_IS_MEETING (meeting));

  if (meeting == self->meeting)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->item != NULL &&
      (meeting == NULL || rung_meeting_find_item (meeting, rung_agenda_item_get_candidate (self->item)) != self->item))
    rung_meeting_timer_set_item (self, NULL);

  record (self);
  self->unrecorded_us = 0;

  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting, self);
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    g_signal_connect_object (meeting, "notify::is-open",
                             G_CALLBACK (on_meeting_open_changed), self, G_CONNECT_SWAPPED);

  self->spoken_key = 0;
  update_can_record (self);
  update_display (self);
  schedule_tick (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEETING]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * rung_meeting_timer_get_item:
 *
 * Returns: (transfer none) (nullable): the discussion being timed
 */
RungAgendaItem *
rung_meeting_timer_get_item (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), NULL);

  return self->item;
}

/**
 * rung_meeting_timer_set_item:
 * @item: (nullable): the discussion to time, on the meeting's agenda; %NULL
 *   for none
 *
 * Records the time run on the item timed until now, and times @item from
 * what it has on record. A running timer goes on running.
 */
void
rung_meeting_timer_set_item (RungMeetingTimer *self,
                             RungAgendaItem   *item)
{
  g_return_if_fail (RUNG_IS_MEETING_TIMER (self));
  g_return_if_fail (item == NULL || RUNG_IS_AGENDA_ITEM (item));

  if (item == self->item)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  record (self);
  /* Less than a second: not worth a line in the record. */
  self->unrecorded_us = 0;
  self->counted_to_us = now_us (self);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify::seconds-spent",
                             G_CALLBACK (on_item_time_changed), self, G_CONNECT_SWAPPED);

  self->spoken_key = 0;
  update_can_record (self);
  update_display (self);
  schedule_tick (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
rung_meeting_timer_get_running (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), FALSE);

  return self->running;
}

/**
 * rung_meeting_timer_set_running:
 *
 * Starts or pauses the clock; pausing records the time run. A timer with
 * nobody under discussion, in an ended meeting or a read-only panel does
 * not start.
 */
void
rung_meeting_timer_set_running (RungMeetingTimer *self,
                                gboolean          running)
{
  g_return_if_fail (RUNG_IS_MEETING_TIMER (self));

  running = !!running && can_run (self);
  if (running == self->running)
    return;

  if (running)
    {
      self->running = TRUE;
      self->counted_to_us = now_us (self);
    }
  else
    {
      record (self);
      self->running = FALSE;
    }

  update_display (self);
  schedule_tick (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
}

/**
 * rung_meeting_timer_toggle:
 *
 * Pauses a running timer, starts one that is not: the "timer.toggle" action.
 */
void
rung_meeting_timer_toggle (RungMeetingTimer *self)
{
  g_return_if_fail (RUNG_IS_MEETING_TIMER (self));

  rung_meeting_timer_set_running (self, !self->running);
}

/**
 * rung_meeting_timer_get_elapsed_seconds:
 *
 * Returns: how long the item has been discussed: its record and the time
 *   run since, in whole seconds; 0 with no item
 */
gint64
rung_meeting_timer_get_elapsed_seconds (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), 0);

  if (self->item == NULL)
    return 0;

  return rung_agenda_item_get_seconds_spent (self->item) + unrecorded_us_now (self) / G_USEC_PER_SEC;
}

/**
 * rung_meeting_timer_get_remaining_seconds:
 *
 * Returns: the time left of the plan, negative once it is overrun
 */
gint64
rung_meeting_timer_get_remaining_seconds (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), 0);

  return planned_seconds (self) - rung_meeting_timer_get_elapsed_seconds (self);
}

/**
 * rung_meeting_timer_flush:
 *
 * Records the time run so far at once, whole seconds of it; the timer goes
 * on as it was. Call it before the meeting ends, the panel closes or the
 * application quits: time run in an ended meeting cannot be recorded.
 */
void
rung_meeting_timer_flush (RungMeetingTimer *self)
{
  g_return_if_fail (RUNG_IS_MEETING_TIMER (self));

  record (self);
}

/**
 * rung_meeting_timer_get_action_group:
 *
 * The timer's actions, which it inserts on itself as "timer": "toggle"
 * starts or pauses it, and is disabled when it cannot run. Insert the group
 * on an ancestor too to bind a shortcut there.
 *
 * Returns: (transfer none): the actions
 */
GActionGroup *
rung_meeting_timer_get_action_group (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

void
_rung_meeting_timer_set_clock (RungMeetingTimer      *self,
                               RungMeetingTimerClock  now_us_func,
                               gpointer               data)
{
  g_return_if_fail (RUNG_IS_MEETING_TIMER (self));

  catch_up (self);
  self->now_us = now_us_func;
  self->clock_data = data;
  self->counted_to_us = now_us (self);
  self->spoken_key = 0;
  update_display (self);
}

/**
 * _rung_meeting_timer_tick:
 *
 * What a tick of the clock does, now: records if thirty seconds have run
 * unrecorded, and shows the time.
 */
void
_rung_meeting_timer_tick (RungMeetingTimer *self)
{
  g_return_if_fail (RUNG_IS_MEETING_TIMER (self));

  stop_ticking (self);
  catch_up (self);
  if (self->unrecorded_us >= RECORD_EVERY_US)
    record (self);
  update_display (self);
  schedule_tick (self);
}

const char *
_rung_meeting_timer_get_text (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), NULL);

  return gtk_label_get_text (self->time_label);
}

const char *
_rung_meeting_timer_get_caption (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), NULL);

  return gtk_label_get_text (self->caption_label);
}

/* What assistive technologies were last told: the name of the time's box. */
const char *
_rung_meeting_timer_get_spoken (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), NULL);

  return self->spoken;
}

gboolean
_rung_meeting_timer_is_ticking (RungMeetingTimer *self)
{
  g_return_val_if_fail (RUNG_IS_MEETING_TIMER (self), FALSE);

  return self->tick_id != 0;
}

static void
rung_meeting_timer_map (GtkWidget *widget)
{
  RungMeetingTimer *self = RUNG_MEETING_TIMER (widget);

  GTK_WIDGET_CLASS (rung_meeting_timer_parent_class)->map (widget);

  /* The clock ran on while the timer was off screen. */
  update_display (self);
  schedule_tick (self);
}

static void
rung_meeting_timer_unmap (GtkWidget *widget)
{
  RungMeetingTimer *self = RUNG_MEETING_TIMER (widget);

  /* Off screen, the clock runs on without ticking: its time so far goes
   * on record, the rest when it is back or paused. */
  record (self);
  stop_ticking (self);

  GTK_WIDGET_CLASS (rung_meeting_timer_parent_class)->unmap (widget);
}

static void
rung_meeting_timer_dispose (GObject *object)
{
  RungMeetingTimer *self = (RungMeetingTimer *)object;

  record (self);
  self->running = FALSE;
  stop_ticking (self);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting, self);
  g_clear_object (&self->item);
  g_clear_object (&self->meeting);

  adw_bin_set_child (ADW_BIN (self), NULL);

  g_clear_object (&self->actions);

  G_OBJECT_CLASS (rung_meeting_timer_parent_class)->dispose (object);
}

static void
rung_meeting_timer_finalize (GObject *object)
{
  RungMeetingTimer *self = (RungMeetingTimer *)object;

  g_free (self->spoken);

  G_OBJECT_CLASS (rung_meeting_timer_parent_class)->finalize (object);
}

static void
rung_meeting_timer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RungMeetingTimer *self = RUNG_MEETING_TIMER (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_meeting_timer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RungMeetingTimer *self = RUNG_MEETING_TIMER (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      rung_meeting_timer_set_meeting (self, g_value_get_object (value));
      break;

    case PROP_ITEM:
      rung_meeting_timer_set_item (self, g_value_get_object (value));
      break;

    case PROP_RUNNING:
      rung_meeting_timer_set_running (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_meeting_timer_class_init (RungMeetingTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rung_meeting_timer_dispose;
  object_class->finalize = rung_meeting_timer_finalize;
  object_class->get_property = rung_meeting_timer_get_property;
  object_class->set_property = rung_meeting_timer_set_property;

  widget_class->map = rung_meeting_timer_map;
  widget_class->unmap = rung_meeting_timer_unmap;

  properties [PROP_MEETING] = g_param_spec_object ("meeting", NULL, NULL, RUNG_TYPE_MEETING, flags);
  properties [PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, RUNG_TYPE_AGENDA_ITEM, flags);
  properties [PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-meeting-timer.ui");
  gtk_widget_class_bind_template_child (widget_class, RungMeetingTimer, time_box);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingTimer, time_label);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingTimer, caption_label);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingTimer, bar);
  gtk_widget_class_bind_template_child (widget_class, RungMeetingTimer, toggle_button);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rung_meeting_timer_init (RungMeetingTimer *self)
{
  static const GActionEntry entries[] = {
    { "toggle", toggle_action },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "timer", G_ACTION_GROUP (self->actions));

  update_can_record (self);
  update_display (self);
}

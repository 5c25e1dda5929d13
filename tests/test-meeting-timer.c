/* test-meeting-timer.c: the meeting's discussion timer under a (virtual)
 * display, on a clock the tests turn by hand: the countdown and its words,
 * the warning and the overrun, pause and resume, and the record it keeps in
 * the panel file, read back through a second connection to the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rung-agenda-item.h"
#include "rung-candidate.h"
#include "rung-ladder.h"
#include "rung-meeting.h"
#include "rung-meeting-timer.h"
#include "rung-meeting-timer-private.h"
#include "rung-panel.h"
#include "store-fixture.h"
#include "widget-helpers.h"

typedef struct
{
  char             *dir;
  char             *path;
  RungLadder       *ladder;
  RungPanel        *panel;
  RungMeeting      *meeting;
  GtkWindow        *window;
  RungMeetingTimer *timer;
  gint64            now_us;
} Fixture;

static const char * const names[] = { "Ada Lovelace", "Barbara Liskov", "Claude Shannon" };

static gint64
fake_now (gpointer data)
{
  Fixture *fixture = data;

  return fixture->now_us;
}

/* Turns the clock by @seconds (fractions too) and lets the timer tick. */
static void
advance (Fixture *fixture,
         double   seconds)
{
  fixture->now_us += (gint64)(seconds * G_USEC_PER_SEC);
  _rung_meeting_timer_tick (fixture->timer);
}

static RungAgendaItem *
item_at (RungMeeting *meeting,
         guint        position)
{
  g_autoptr(RungAgendaItem) item = g_list_model_get_item (rung_meeting_get_agenda (meeting), position);

  g_assert_nonnull (item);
  return item;   /* the agenda keeps it */
}

static void
start_meeting (Fixture *fixture,
               guint    minutes)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting;

  meeting = rung_panel_start_meeting (fixture->panel, "Calibration", minutes, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  g_set_object (&fixture->meeting, meeting);

  g_assert_true (rung_meeting_set_current (meeting, item_at (meeting, 0), &error));
  g_assert_no_error (error);
}

/* A window with a timer on the meeting's first item; the data says how
 * many minutes each discussion has, 10 unless it says otherwise. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint minutes = data ? GPOINTER_TO_UINT (data) : 10;

  fixture->dir = g_dir_make_tmp ("rung-timer-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->ladder = rung_ladder_new_bundled ();
  fixture->panel = rung_panel_create (fixture->path, "H2 2026", "Engineering committee",
                                      "H2 2026", fixture->ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      rung_panel_add_candidate (fixture->panel, names[i], "L5", "L6", NULL, NULL, &error);
      g_assert_no_error (error);
    }

  start_meeting (fixture, minutes);

  fixture->now_us = 1000 * G_USEC_PER_SEC;
  fixture->timer = RUNG_MEETING_TIMER (rung_meeting_timer_new ());
  _rung_meeting_timer_set_clock (fixture->timer, fake_now, fixture);
  rung_meeting_timer_set_meeting (fixture->timer, fixture->meeting);
  rung_meeting_timer_set_item (fixture->timer, item_at (fixture->meeting, 0));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, -1);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->timer));
  gtk_widget_set_margin_top (GTK_WIDGET (fixture->timer), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (fixture->timer), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (fixture->timer), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (fixture->timer), 24);
  gtk_window_present (fixture->window);
  iterate_main_loop ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  iterate_main_loop ();
  g_clear_object (&fixture->meeting);
  if (fixture->panel != NULL)
    rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  g_clear_object (&fixture->ladder);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The seconds the file has on record for the item at @position of the
 * latest meeting, as a second panel opened on the file reads them. */
static gint64
seconds_on_file (Fixture *fixture,
                 guint    position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) other = rung_panel_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(RungMeeting) meeting = NULL;
  gint64 seconds;

  g_assert_no_error (error);
  meetings = rung_panel_list_meetings (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), >=, 1);
  meeting = g_list_model_get_item (meetings, g_list_model_get_n_items (meetings) - 1);
  g_assert_cmpint (rung_meeting_get_id (meeting), ==, rung_meeting_get_id (fixture->meeting));
  seconds = rung_agenda_item_get_seconds_spent (item_at (meeting, position));
  rung_panel_close (other);

  return seconds;
}

static const char *
text_of (Fixture *fixture)
{
  return _rung_meeting_timer_get_text (fixture->timer);
}

static gboolean
has_class (Fixture    *fixture,
           const char *name)
{
  return gtk_widget_has_css_class (GTK_WIDGET (fixture->timer), name);
}

static gboolean
toggle_enabled (Fixture *fixture)
{
  return g_action_group_get_action_enabled (rung_meeting_timer_get_action_group (fixture->timer), "toggle");
}

/* Counts from the plan down, on the second; a fraction shows no change. */
static void
test_countdown (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_false (rung_meeting_timer_get_running (fixture->timer));
  g_assert_cmpstr (text_of (fixture), ==, "10:00");
  g_assert_cmpstr (_rung_meeting_timer_get_caption (fixture->timer), ==, "10 minutes planned");
  g_assert_true (has_class (fixture, "ready"));
  g_assert_false (_rung_meeting_timer_is_ticking (fixture->timer));

  /* Not running: the clock moves, the timer does not. */
  advance (fixture, 30);
  g_assert_cmpstr (text_of (fixture), ==, "10:00");

  g_assert_true (toggle_enabled (fixture));
  g_action_group_activate_action (rung_meeting_timer_get_action_group (fixture->timer), "toggle", NULL);
  g_assert_true (rung_meeting_timer_get_running (fixture->timer));
  g_assert_true (has_class (fixture, "running"));
  g_assert_false (has_class (fixture, "ready"));
  g_assert_cmpstr (text_of (fixture), ==, "10:00");
  g_assert_cmpstr (_rung_meeting_timer_get_caption (fixture->timer), ==, "left of 10 minutes");
  /* Mapped and running: it ticks, with a timeout, not a frame clock. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->timer)));
  g_assert_true (_rung_meeting_timer_is_ticking (fixture->timer));

  advance (fixture, 0.9);
  g_assert_cmpstr (text_of (fixture), ==, "10:00");
  advance (fixture, 0.1);
  g_assert_cmpstr (text_of (fixture), ==, "9:59");

  advance (fixture, 251);
  g_assert_cmpint (rung_meeting_timer_get_elapsed_seconds (fixture->timer), ==, 252);
  g_assert_cmpint (rung_meeting_timer_get_remaining_seconds (fixture->timer), ==, 348);
  g_assert_cmpstr (text_of (fixture), ==, "5:48");
  advance (fixture, 96);
  g_assert_cmpstr (text_of (fixture), ==, "4:12");
  g_assert_false (has_class (fixture, "warning"));
  g_assert_false (has_class (fixture, "overrun"));

  save_screenshot (GTK_WIDGET (fixture->window), "meeting-timer.png");
}

/* A ten-minute plan warns at two minutes left, not a second before. */
static void
test_warning_at_two_minutes (Fixture       *fixture,
                             gconstpointer  data)
{
  rung_meeting_timer_set_running (fixture->timer, TRUE);

  advance (fixture, 479);
  g_assert_cmpstr (text_of (fixture), ==, "2:01");
  g_assert_false (has_class (fixture, "warning"));

  advance (fixture, 1);
  g_assert_cmpstr (text_of (fixture), ==, "2:00");
  g_assert_true (has_class (fixture, "warning"));
  g_assert_false (has_class (fixture, "overrun"));

  advance (fixture, 36);
  g_assert_cmpstr (text_of (fixture), ==, "1:24");
  save_screenshot (GTK_WIDGET (fixture->window), "meeting-timer-warning.png");

  advance (fixture, 84);
  g_assert_cmpstr (text_of (fixture), ==, "0:00");
  g_assert_true (has_class (fixture, "warning"));
  g_assert_false (has_class (fixture, "overrun"));
}

/* A five-minute plan warns at its last fifth, one minute, not at two. */
static void
test_warning_at_last_fifth (Fixture       *fixture,
                            gconstpointer  data)
{
  rung_meeting_timer_set_running (fixture->timer, TRUE);
  g_assert_cmpstr (text_of (fixture), ==, "5:00");

  advance (fixture, 180);
  g_assert_cmpstr (text_of (fixture), ==, "2:00");
  g_assert_false (has_class (fixture, "warning"));

  advance (fixture, 59);
  g_assert_cmpstr (text_of (fixture), ==, "1:01");
  g_assert_false (has_class (fixture, "warning"));

  advance (fixture, 1);
  g_assert_cmpstr (text_of (fixture), ==, "1:00");
  g_assert_true (has_class (fixture, "warning"));
}

/* Past the plan, the overrun shows, as an error and no more a warning. */
static void
test_overrun (Fixture       *fixture,
              gconstpointer  data)
{
  rung_meeting_timer_set_running (fixture->timer, TRUE);

  advance (fixture, 601);
  g_assert_cmpstr (text_of (fixture), ==, "+0:01 over");
  g_assert_true (has_class (fixture, "overrun"));

  advance (fixture, 59);
  g_assert_cmpint (rung_meeting_timer_get_remaining_seconds (fixture->timer), ==, -60);
  g_assert_cmpstr (text_of (fixture), ==, "+1:00 over");
  g_assert_cmpstr (_rung_meeting_timer_get_caption (fixture->timer), ==, "past the 10 minutes planned");
  g_assert_true (has_class (fixture, "overrun"));
  g_assert_false (has_class (fixture, "warning"));

  save_screenshot (GTK_WIDGET (fixture->window), "meeting-timer-overrun.png");
}

/* Paused, the time stands still and says so; resumed, it goes on from there. */
static void
test_pause_and_resume (Fixture       *fixture,
                       gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect_swapped (fixture->timer, "notify::running", G_CALLBACK (g_atomic_int_inc), &notified);

  rung_meeting_timer_toggle (fixture->timer);
  advance (fixture, 20);
  g_assert_cmpstr (text_of (fixture), ==, "9:40");
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 0);

  rung_meeting_timer_toggle (fixture->timer);
  g_assert_false (rung_meeting_timer_get_running (fixture->timer));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (has_class (fixture, "paused"));
  g_assert_false (has_class (fixture, "running"));
  g_assert_cmpstr (_rung_meeting_timer_get_caption (fixture->timer), ==, "Paused");
  g_assert_false (_rung_meeting_timer_is_ticking (fixture->timer));
  /* Pausing recorded the twenty seconds. */
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 20);

  advance (fixture, 120);
  g_assert_cmpstr (text_of (fixture), ==, "9:40");
  g_assert_cmpint (rung_meeting_timer_get_elapsed_seconds (fixture->timer), ==, 20);
  save_screenshot (GTK_WIDGET (fixture->window), "meeting-timer-paused.png");

  rung_meeting_timer_toggle (fixture->timer);
  g_assert_true (rung_meeting_timer_get_running (fixture->timer));
  g_assert_true (has_class (fixture, "running"));
  g_assert_cmpstr (text_of (fixture), ==, "9:40");
  advance (fixture, 10);
  g_assert_cmpstr (text_of (fixture), ==, "9:30");

  rung_meeting_timer_set_running (fixture->timer, FALSE);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 30);
  g_assert_cmpint (rung_agenda_item_get_seconds_spent (item_at (fixture->meeting, 0)), ==, 30);
  g_assert_cmpstr (text_of (fixture), ==, "9:30");
}

/* The discussion moves on: the seconds go on the record once, and the next
 * candidate's countdown starts from their own record. */
static void
test_switching_item_records_once (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungAgendaItem *ada = item_at (fixture->meeting, 0);
  RungAgendaItem *barbara = item_at (fixture->meeting, 1);

  /* Barbara was discussed for two minutes earlier in the meeting. */
  g_assert_true (rung_meeting_add_time (fixture->meeting, barbara, 120, &error));
  g_assert_no_error (error);

  rung_meeting_timer_set_running (fixture->timer, TRUE);
  advance (fixture, 60);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 60);
  advance (fixture, 15.5);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 60);

  g_assert_true (rung_meeting_set_current (fixture->meeting, barbara, &error));
  g_assert_no_error (error);
  rung_meeting_timer_set_item (fixture->timer, barbara);

  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 75);
  g_assert_cmpint (rung_agenda_item_get_seconds_spent (ada), ==, 75);
  g_assert_cmpint (seconds_on_file (fixture, 1), ==, 120);
  /* Still running, now for Barbara, from her two minutes. */
  g_assert_true (rung_meeting_timer_get_running (fixture->timer));
  g_assert_cmpstr (text_of (fixture), ==, "8:00");

  advance (fixture, 10);
  g_assert_cmpstr (text_of (fixture), ==, "7:50");
  rung_meeting_timer_flush (fixture->timer);
  rung_meeting_timer_flush (fixture->timer);
  g_assert_cmpint (seconds_on_file (fixture, 1), ==, 130);
  g_assert_cmpstr (text_of (fixture), ==, "7:50");

  /* Back to Ada: her 75 seconds, and nothing of hers counted again. */
  advance (fixture, 5);
  rung_meeting_timer_set_item (fixture->timer, ada);
  g_assert_cmpstr (text_of (fixture), ==, "8:45");
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 75);
  g_assert_cmpint (seconds_on_file (fixture, 1), ==, 135);

  rung_meeting_timer_set_running (fixture->timer, FALSE);
  rung_meeting_timer_set_item (fixture->timer, NULL);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 75);
  g_assert_cmpint (seconds_on_file (fixture, 1), ==, 135);
  g_assert_true (has_class (fixture, "idle"));
  g_assert_false (toggle_enabled (fixture));
  g_assert_cmpstr (_rung_meeting_timer_get_caption (fixture->timer), ==, "No candidate under discussion");
  rung_meeting_timer_set_running (fixture->timer, TRUE);
  g_assert_false (rung_meeting_timer_get_running (fixture->timer));
  save_screenshot (GTK_WIDGET (fixture->window), "meeting-timer-idle.png");
}

/* Running, the record is brought up to date every thirty seconds. */
static void
test_records_every_thirty_seconds (Fixture       *fixture,
                                   gconstpointer  data)
{
  rung_meeting_timer_set_running (fixture->timer, TRUE);

  advance (fixture, 29);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 0);
  advance (fixture, 1);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 30);
  g_assert_cmpstr (text_of (fixture), ==, "9:30");

  for (guint i = 0; i < 30; i++)
    advance (fixture, 1);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 60);
  g_assert_cmpstr (text_of (fixture), ==, "9:00");

  /* A long gap (a suspended laptop, a stalled loop) is one write, not many. */
  advance (fixture, 95);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 155);
  g_assert_cmpint (rung_meeting_timer_get_elapsed_seconds (fixture->timer), ==, 155);
  g_assert_cmpstr (text_of (fixture), ==, "7:25");
}

/* Off screen the time goes on record; gone, the rest does too. */
static void
test_unmap_and_dispose_record (Fixture       *fixture,
                               gconstpointer  data)
{
  rung_meeting_timer_set_running (fixture->timer, TRUE);
  advance (fixture, 12);

  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->timer)));
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 12);
  g_assert_false (_rung_meeting_timer_is_ticking (fixture->timer));
  /* The discussion goes on while the timer is off screen, without ticks. */
  g_assert_true (rung_meeting_timer_get_running (fixture->timer));
  _rung_meeting_timer_tick (fixture->timer);
  g_assert_false (_rung_meeting_timer_is_ticking (fixture->timer));

  fixture->now_us += 8 * G_USEC_PER_SEC;
  gtk_window_present (fixture->window);
  iterate_main_loop ();
  g_assert_true (_rung_meeting_timer_is_ticking (fixture->timer));
  g_assert_cmpstr (text_of (fixture), ==, "9:40");

  fixture->now_us += 7 * G_USEC_PER_SEC;
  gtk_window_destroy (g_steal_pointer (&fixture->window));
  iterate_main_loop ();
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 27);

  /* A timer that never was on screen records as it goes away. */
  {
    RungMeetingTimer *timer = g_object_ref_sink (RUNG_MEETING_TIMER (rung_meeting_timer_new ()));

    _rung_meeting_timer_set_clock (timer, fake_now, fixture);
    g_object_set (timer, "meeting", fixture->meeting, "item", item_at (fixture->meeting, 1), "running", TRUE, NULL);
    g_assert_true (rung_meeting_timer_get_running (timer));
    fixture->now_us += 9 * G_USEC_PER_SEC;
    g_object_unref (timer);
    g_assert_cmpint (seconds_on_file (fixture, 1), ==, 9);
  }
}

/* An ended meeting is the record: the timer writes nothing to it, says the
 * meeting has ended and does not start again. */
static void
test_ended_meeting (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect_swapped (fixture->timer, "notify::running", G_CALLBACK (g_atomic_int_inc), &notified);
  rung_meeting_timer_set_running (fixture->timer, TRUE);
  advance (fixture, 30);
  advance (fixture, 10);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 30);

  /* What the meeting view does: flush, then end. */
  rung_meeting_timer_flush (fixture->timer);
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 40);
  g_assert_true (rung_meeting_end (fixture->meeting, &error));
  g_assert_no_error (error);

  g_assert_false (rung_meeting_timer_get_running (fixture->timer));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (toggle_enabled (fixture));
  g_assert_true (has_class (fixture, "locked"));
  g_assert_cmpstr (_rung_meeting_timer_get_caption (fixture->timer), ==, "The meeting has ended");
  g_assert_cmpstr (text_of (fixture), ==, "9:20");

  /* None of this writes: a write would fail, and its warning fail the test. */
  advance (fixture, 45);
  rung_meeting_timer_set_running (fixture->timer, TRUE);
  g_assert_false (rung_meeting_timer_get_running (fixture->timer));
  rung_meeting_timer_toggle (fixture->timer);
  g_assert_false (rung_meeting_timer_get_running (fixture->timer));
  advance (fixture, 45);
  rung_meeting_timer_flush (fixture->timer);
  g_assert_cmpstr (text_of (fixture), ==, "9:20");
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 40);

  /* Nor does moving to another candidate of the ended meeting, or going. */
  rung_meeting_timer_set_item (fixture->timer, item_at (fixture->meeting, 1));
  g_assert_cmpstr (text_of (fixture), ==, "10:00");
  gtk_window_destroy (g_steal_pointer (&fixture->window));
  iterate_main_loop ();
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 40);
  g_assert_cmpint (seconds_on_file (fixture, 1), ==, 0);
}

/* Ended while the timer runs, unflushed: no write, no warning, no crash. */
static void
test_ended_while_running (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rung_meeting_timer_set_running (fixture->timer, TRUE);
  advance (fixture, 20);
  g_assert_true (rung_meeting_end (fixture->meeting, &error));
  g_assert_no_error (error);
  g_assert_false (rung_meeting_timer_get_running (fixture->timer));

  advance (fixture, 20);
  rung_meeting_timer_flush (fixture->timer);
  gtk_window_destroy (g_steal_pointer (&fixture->window));
  iterate_main_loop ();
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 0);
}

/* In a panel opened read-only the timer shows the record and does not run. */
static void
test_read_only_panel (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting;

  g_assert_true (rung_meeting_add_time (fixture->meeting, item_at (fixture->meeting, 0), 200, &error));
  g_assert_no_error (error);
  rung_meeting_timer_set_item (fixture->timer, NULL);
  rung_meeting_timer_set_meeting (fixture->timer, NULL);
  g_clear_object (&fixture->meeting);
  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  fixture->panel = rung_panel_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  g_assert_true (rung_panel_is_read_only (fixture->panel));
  meeting = rung_panel_get_open_meeting (fixture->panel);
  g_assert_nonnull (meeting);
  g_set_object (&fixture->meeting, meeting);

  rung_meeting_timer_set_meeting (fixture->timer, meeting);
  rung_meeting_timer_set_item (fixture->timer, item_at (meeting, 0));
  g_assert_cmpstr (text_of (fixture), ==, "6:40");
  g_assert_true (has_class (fixture, "locked"));
  g_assert_false (toggle_enabled (fixture));
  g_assert_cmpstr (_rung_meeting_timer_get_caption (fixture->timer), ==, "Read only: the time is not recorded");

  rung_meeting_timer_set_running (fixture->timer, TRUE);
  g_assert_false (rung_meeting_timer_get_running (fixture->timer));
  advance (fixture, 60);
  rung_meeting_timer_flush (fixture->timer);
  g_assert_cmpstr (text_of (fixture), ==, "6:40");
  gtk_window_destroy (g_steal_pointer (&fixture->window));
  iterate_main_loop ();
  g_assert_cmpint (seconds_on_file (fixture, 0), ==, 200);
}

/* Screen readers hear the time in words on each change of state and every
 * fifteen seconds, not at each tick. */
static void
test_spoken_time (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "10 minutes left, not started");

  rung_meeting_timer_set_running (fixture->timer, TRUE);
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "10 minutes left");

  advance (fixture, 5);
  g_assert_cmpstr (text_of (fixture), ==, "9:55");
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "10 minutes left");
  advance (fixture, 9);
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "10 minutes left");
  advance (fixture, 1);
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "9 minutes 45 seconds left");

  advance (fixture, 3);
  rung_meeting_timer_set_running (fixture->timer, FALSE);
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "9 minutes 42 seconds left, paused");

  rung_meeting_timer_set_running (fixture->timer, TRUE);
  advance (fixture, 462);
  /* Into the warning: a change of state, said at once. */
  g_assert_cmpstr (text_of (fixture), ==, "2:00");
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "2 minutes left");

  advance (fixture, 119);
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "1 second left");
  advance (fixture, 1);
  g_assert_cmpstr (text_of (fixture), ==, "0:00");
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "1 second left");
  /* Into the overrun: said at once. */
  advance (fixture, 1);
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "1 second over");
  advance (fixture, 89);
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "1 minute 30 seconds over");

  rung_meeting_timer_set_item (fixture->timer, NULL);
  g_assert_cmpstr (_rung_meeting_timer_get_spoken (fixture->timer), ==, "No candidate under discussion");
}

/* The button says what it will do, and names its shortcut. */
static void
test_button_says_what_it_does (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *button = template_child (fixture->timer, RUNG_TYPE_MEETING_TIMER, "toggle_button");

  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Start (Space)");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "media-playback-start-symbolic");
  g_assert_true (gtk_widget_is_sensitive (button));

  /* The button runs the action: the same as Space in the meeting view. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (rung_meeting_timer_get_running (fixture->timer));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Pause (Space)");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "media-playback-pause-symbolic");

  advance (fixture, 3);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (rung_meeting_timer_get_running (fixture->timer));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Resume (Space)");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "media-playback-start-symbolic");

  rung_meeting_timer_set_item (fixture->timer, NULL);
  iterate_main_loop ();
  g_assert_false (gtk_widget_is_sensitive (button));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

#define ADD(path, func, minutes) \
  g_test_add ("/rung/meeting-timer/" path, Fixture, GUINT_TO_POINTER (minutes), fixture_set_up, func, fixture_tear_down)
  ADD ("countdown", test_countdown, 10);
  ADD ("warning-at-two-minutes", test_warning_at_two_minutes, 10);
  ADD ("warning-at-last-fifth", test_warning_at_last_fifth, 5);
  ADD ("overrun", test_overrun, 10);
  ADD ("pause-and-resume", test_pause_and_resume, 10);
  ADD ("switching-item-records-once", test_switching_item_records_once, 10);
  ADD ("records-every-thirty-seconds", test_records_every_thirty_seconds, 10);
  ADD ("unmap-and-dispose-record", test_unmap_and_dispose_record, 10);
  ADD ("ended-meeting", test_ended_meeting, 10);
  ADD ("ended-while-running", test_ended_while_running, 10);
  ADD ("read-only-panel", test_read_only_panel, 10);
  ADD ("spoken-time", test_spoken_time, 10);
  ADD ("button-says-what-it-does", test_button_says_what_it_does, 10);
#undef ADD

  return g_test_run ();
}

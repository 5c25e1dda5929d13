/* test-meeting.c: meetings over a real panel file: the agenda and its order,
 * the one candidate under discussion, decisions, the timer's record, blind
 * mode's aliases, attendees, and an ended meeting that nothing can change,
 * not even SQL on the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "rung-agenda-item.h"
#include "rung-candidate.h"
#include "rung-ladder.h"
#include "rung-meeting.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "store-fixture.h"

typedef struct
{
  char          *dir;
  char          *path;
  RungLadder    *ladder;
  RungPanel     *panel;
  RungPanelist  *chair;
  RungPanelist  *member;
} Fixture;

/* Added out of order of name, so that name order is not the order of ids. */
static const char * const names[] = {
  "Grace Hopper", "Ada Lovelace", "Edsger Dijkstra", "Barbara Liskov", "Claude Shannon",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rung-meeting-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->ladder = rung_ladder_new_bundled ();
  fixture->panel = rung_panel_create (fixture->path, "H2 2026", "Engineering committee",
                                      "H2 2026", fixture->ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      rung_panel_add_candidate (fixture->panel, names[i], "L5", "L6", "Manager", "Team", &error);
      g_assert_no_error (error);
    }

  fixture->chair = rung_panel_add_panelist (fixture->panel, "Katherine Johnson", "Chair", &error);
  g_assert_no_error (error);
  fixture->member = rung_panel_add_panelist (fixture->panel, "Alan Turing", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->panel != NULL)
    rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  g_clear_object (&fixture->ladder);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static RungPanel *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  fixture->panel = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");

  return fixture->panel;
}

static RungMeeting *
start (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting;

  meeting = rung_panel_start_meeting (fixture->panel, "  Calibration  ", RUNG_MEETING_DEFAULT_MINUTES,
                                      FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meeting);

  return meeting;
}

static RungAgendaItem *
item_at (RungMeeting *meeting,
         guint        position)
{
  g_autoptr(RungAgendaItem) item = g_list_model_get_item (rung_meeting_get_agenda (meeting), position);

  g_assert_nonnull (item);
  return item;   /* the agenda keeps it */
}

/* The agenda as "name,name,…", checking that positions run 0..n-1. */
static char *
agenda_names (RungMeeting *meeting)
{
  GListModel *agenda = rung_meeting_get_agenda (meeting);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (agenda);

  for (guint i = 0; i < n; i++)
    {
      RungAgendaItem *item = item_at (meeting, i);

      g_assert_cmpuint (rung_agenda_item_get_position (item), ==, i);
      g_ptr_array_add (parts, (gpointer)rung_candidate_get_name (rung_agenda_item_get_candidate (item)));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (",", (char **)parts->pdata);
}

static guint
count_state (RungMeeting     *meeting,
             RungAgendaState  state)
{
  GListModel *agenda = rung_meeting_get_agenda (meeting);
  guint n = g_list_model_get_n_items (agenda);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (rung_agenda_item_get_state (item_at (meeting, i)) == state)
      count++;

  return count;
}

static RungAgendaItem *
item_named (RungMeeting *meeting,
            RungPanel   *panel,
            const char  *name)
{
  RungCandidate *candidate = rung_panel_find_candidate_by_name (panel, name);

  g_assert_nonnull (candidate);
  return rung_meeting_find_item (meeting, candidate);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
test_create_and_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autofree char *order = NULL;
  RungMeeting *meeting = start (fixture);
  RungPanelist *attendees[] = { fixture->chair, fixture->member };
  GListModel *listed;

  g_assert_cmpstr (rung_meeting_get_title (meeting), ==, "Calibration");
  g_assert_cmpuint (rung_meeting_get_minutes_per_candidate (meeting), ==, 10);
  g_assert_false (rung_meeting_get_blind (meeting));
  g_assert_true (rung_meeting_is_open (meeting));
  g_assert_null (rung_meeting_get_ended_at (meeting));
  g_assert_nonnull (rung_meeting_get_started_at (meeting));
  g_assert_true (rung_panel_get_open_meeting (fixture->panel) == meeting);
  g_assert_null (rung_meeting_get_current (meeting));

  /* The panel's order, by name. */
  order = agenda_names (meeting);
  g_assert_cmpstr (order, ==, "Ada Lovelace,Barbara Liskov,Claude Shannon,Edsger Dijkstra,Grace Hopper");
  g_assert_cmpuint (count_state (meeting, RUNG_AGENDA_STATE_WAITING), ==, 5);

  g_assert_true (rung_meeting_set_attendees (meeting, attendees, 2, &error));
  g_assert_no_error (error);
  g_assert_true (rung_meeting_move (meeting, item_at (meeting, 4), 0, &error));
  g_assert_no_error (error);
  g_assert_true (rung_meeting_set_current (meeting, item_at (meeting, 1), &error));
  g_assert_no_error (error);

  reopen (fixture);
  meeting = rung_panel_get_open_meeting (fixture->panel);
  g_assert_nonnull (meeting);
  g_assert_cmpstr (rung_meeting_get_title (meeting), ==, "Calibration");
  g_clear_pointer (&order, g_free);
  order = agenda_names (meeting);
  g_assert_cmpstr (order, ==, "Grace Hopper,Ada Lovelace,Barbara Liskov,Claude Shannon,Edsger Dijkstra");
  g_assert_true (rung_meeting_get_current (meeting) == item_at (meeting, 1));
  g_assert_cmpuint (rung_agenda_item_get_state (item_at (meeting, 1)), ==, RUNG_AGENDA_STATE_NOW);

  listed = rung_meeting_get_attendees (meeting);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
  {
    g_autoptr(RungPanelist) first = g_list_model_get_item (listed, 0);
    g_autoptr(RungPanelist) second = g_list_model_get_item (listed, 1);

    g_assert_cmpstr (rung_panelist_get_name (first), ==, "Alan Turing");
    g_assert_cmpstr (rung_panelist_get_name (second), ==, "Katherine Johnson");
  }

  meetings = rung_panel_list_meetings (fixture->panel, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
  {
    g_autoptr(RungMeeting) first = g_list_model_get_item (meetings, 0);

    g_assert_true (first == meeting);
  }
}

static void
test_needs_title_and_sane_minutes (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (rung_panel_start_meeting (fixture->panel, "   ", 10, FALSE, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_null (rung_panel_start_meeting (fixture->panel, "Calibration", 0, FALSE, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_null (rung_panel_start_meeting (fixture->panel, "Calibration", 241, FALSE, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_null (rung_panel_get_open_meeting (fixture->panel));

  g_assert_nonnull (rung_panel_start_meeting (fixture->panel, "Calibration", 240, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rung_meeting_get_minutes_per_candidate (rung_panel_get_open_meeting (fixture->panel)), ==, 240);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting = start (fixture);
  GListModel *agenda = rung_meeting_get_agenda (meeting);
  RungAgendaItem *ada = item_at (meeting, 0);
  Change change = { 0 };
  char *order;

  g_signal_connect (agenda, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* Down one, as "move down" does: items-changed over the two rows. */
  g_assert_true (rung_meeting_move (meeting, ada, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 2);
  g_assert_true (item_at (meeting, 1) == ada);
  order = agenda_names (meeting);
  g_assert_cmpstr (order, ==, "Barbara Liskov,Ada Lovelace,Claude Shannon,Edsger Dijkstra,Grace Hopper");
  g_free (order);

  /* To the end, past it, and back to the middle. */
  g_assert_true (rung_meeting_move (meeting, ada, 4, &error));
  g_assert_true (rung_meeting_move (meeting, item_at (meeting, 0), 99, &error));
  g_assert_no_error (error);
  order = agenda_names (meeting);
  g_assert_cmpstr (order, ==, "Claude Shannon,Edsger Dijkstra,Grace Hopper,Ada Lovelace,Barbara Liskov");
  g_free (order);
  g_assert_true (rung_meeting_move (meeting, item_at (meeting, 4), 2, &error));
  g_assert_no_error (error);
  order = agenda_names (meeting);
  g_assert_cmpstr (order, ==, "Claude Shannon,Edsger Dijkstra,Barbara Liskov,Grace Hopper,Ada Lovelace");
  g_free (order);

  /* Where it already is: nothing changes. */
  change.count = 0;
  g_assert_true (rung_meeting_move (meeting, item_at (meeting, 2), 2, &error));
  g_assert_cmpuint (change.count, ==, 0);

  /* The file agrees, with positions unique and dense. */
  reopen (fixture);
  meeting = rung_panel_get_open_meeting (fixture->panel);
  order = agenda_names (meeting);
  g_assert_cmpstr (order, ==, "Claude Shannon,Edsger Dijkstra,Barbara Liskov,Grace Hopper,Ada Lovelace");
  g_free (order);
  rung_panel_close (fixture->panel);
  {
    sqlite3 *db = open_raw (fixture->path);

    g_assert_cmpint (query_int (db, "SELECT count (DISTINCT position) FROM agenda"), ==, 5);
    g_assert_cmpint (query_int (db, "SELECT min (position) FROM agenda"), ==, 0);
    g_assert_cmpint (query_int (db, "SELECT max (position) FROM agenda"), ==, 4);
    /* Two rows never share a place. */
    g_assert_cmpint (sqlite3_exec (db, "UPDATE agenda SET position = 0", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }
}

static void
test_one_current (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting = start (fixture);
  RungAgendaItem *first = item_at (meeting, 0);
  RungAgendaItem *second = item_at (meeting, 1);
  RungAgendaItem *third = item_at (meeting, 2);

  g_assert_true (rung_meeting_set_current (meeting, first, &error));
  g_assert_no_error (error);
  g_assert_true (rung_meeting_get_current (meeting) == first);
  g_assert_true (rung_meeting_set_current (meeting, second, &error));
  g_assert_no_error (error);
  g_assert_true (rung_meeting_get_current (meeting) == second);
  g_assert_cmpuint (rung_agenda_item_get_state (first), ==, RUNG_AGENDA_STATE_WAITING);
  g_assert_cmpuint (count_state (meeting, RUNG_AGENDA_STATE_NOW), ==, 1);

  /* Decided stays decided when the discussion moves on. */
  g_assert_cmpuint (rung_meeting_count_decided (meeting), ==, 0);
  g_assert_true (rung_meeting_mark_decided (meeting, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rung_agenda_item_get_state (second), ==, RUNG_AGENDA_STATE_DECIDED);
  g_assert_null (rung_meeting_get_current (meeting));
  g_assert_true (rung_meeting_set_current (meeting, third, &error));
  g_assert_cmpuint (rung_agenda_item_get_state (second), ==, RUNG_AGENDA_STATE_DECIDED);
  g_assert_true (rung_meeting_set_current (meeting, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (rung_meeting_get_current (meeting));
  g_assert_cmpuint (rung_agenda_item_get_state (third), ==, RUNG_AGENDA_STATE_WAITING);

  reopen (fixture);
  meeting = rung_panel_get_open_meeting (fixture->panel);
  g_assert_cmpuint (rung_agenda_item_get_state (item_at (meeting, 1)), ==, RUNG_AGENDA_STATE_DECIDED);
  g_assert_cmpuint (count_state (meeting, RUNG_AGENDA_STATE_DECIDED), ==, 1);
  g_assert_cmpuint (rung_meeting_count_decided (meeting), ==, 1);

  /* The schema holds one "now" per meeting, whatever writes the file. */
  g_assert_true (rung_meeting_set_current (meeting, item_at (meeting, 0), &error));
  rung_panel_close (fixture->panel);
  {
    sqlite3 *db = open_raw (fixture->path);

    g_assert_cmpint (sqlite3_exec (db, "UPDATE agenda SET state = 'now' WHERE position = 2", NULL, NULL, NULL),
                     ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (query_int (db, "SELECT count (*) FROM agenda WHERE state = 'now'"), ==, 1);
    sqlite3_close (db);
  }
}

static void
test_decision_marks_decided (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting = start (fixture);
  RungAgendaItem *barbara = item_named (meeting, fixture->panel, "Barbara Liskov");
  RungAgendaItem *claude = item_named (meeting, fixture->panel, "Claude Shannon");

  g_assert_true (rung_meeting_set_current (meeting, barbara, &error));
  g_assert_nonnull (rung_panel_record_decision (fixture->panel, rung_agenda_item_get_candidate (barbara),
                                                "promote", 2, 0, 0, "Strong in every area.", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rung_agenda_item_get_state (barbara), ==, RUNG_AGENDA_STATE_DECIDED);

  /* Decided in the meeting while under discussion: moving on keeps it so. */
  g_assert_true (rung_meeting_set_current (meeting, barbara, &error));
  g_assert_cmpuint (rung_agenda_item_get_state (barbara), ==, RUNG_AGENDA_STATE_NOW);
  g_assert_true (rung_meeting_set_current (meeting, claude, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rung_agenda_item_get_state (barbara), ==, RUNG_AGENDA_STATE_DECIDED);

  reopen (fixture);
  meeting = rung_panel_get_open_meeting (fixture->panel);
  g_assert_cmpuint (rung_agenda_item_get_state (item_named (meeting, fixture->panel, "Barbara Liskov")),
                    ==, RUNG_AGENDA_STATE_DECIDED);
}

static void
test_time_is_durable (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting = start (fixture);
  RungAgendaItem *ada = item_at (meeting, 0);
  guint notified = 0;

  g_signal_connect_swapped (ada, "notify::seconds-spent", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_true (rung_meeting_add_time (meeting, ada, 30, &error));
  g_assert_true (rung_meeting_add_time (meeting, ada, 0, &error));
  g_assert_true (rung_meeting_add_time (meeting, ada, 45, &error));
  g_assert_true (rung_meeting_add_time (meeting, item_at (meeting, 1), 600, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rung_agenda_item_get_seconds_spent (ada), ==, 75);
  g_assert_cmpuint (notified, ==, 2);

  /* On disk without a clean close: another connection reads it at once. */
  {
    sqlite3 *db = open_raw (fixture->path);

    g_assert_cmpint (query_int (db, "SELECT seconds_spent FROM agenda WHERE position = 0"), ==, 75);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE agenda SET seconds_spent = -1", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }

  reopen (fixture);
  meeting = rung_panel_get_open_meeting (fixture->panel);
  g_assert_cmpint (rung_agenda_item_get_seconds_spent (item_at (meeting, 0)), ==, 75);
  g_assert_cmpint (rung_agenda_item_get_seconds_spent (item_at (meeting, 1)), ==, 600);
  g_assert_true (rung_meeting_add_time (meeting, item_at (meeting, 0), 5, &error));
  g_assert_cmpint (rung_agenda_item_get_seconds_spent (item_at (meeting, 0)), ==, 80);
}

static void
test_only_one_open (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  RungMeeting *first = start (fixture);

  g_assert_null (rung_panel_start_meeting (fixture->panel, "Second", 10, FALSE, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_true (rung_panel_get_open_meeting (fixture->panel) == first);

  /* Not even SQL on the file opens a second. */
  {
    sqlite3 *db = open_raw (fixture->path);

    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO meetings (title) VALUES ('Rogue')", NULL, NULL, NULL),
                     ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }

  g_object_ref (first);
  g_assert_true (rung_meeting_end (first, &error));
  g_assert_no_error (error);
  g_assert_null (rung_panel_get_open_meeting (fixture->panel));
  g_assert_nonnull (rung_panel_start_meeting (fixture->panel, "Second", 15, TRUE, &error));
  g_assert_no_error (error);

  meetings = rung_panel_list_meetings (fixture->panel, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 2);
  {
    g_autoptr(RungMeeting) ended = g_list_model_get_item (meetings, 0);
    g_autoptr(RungMeeting) open = g_list_model_get_item (meetings, 1);

    g_assert_false (rung_meeting_is_open (ended));
    g_assert_true (rung_meeting_is_open (open));
    g_assert_true (rung_meeting_get_blind (open));
    g_assert_cmpuint (rung_meeting_get_minutes_per_candidate (open), ==, 15);
  }
  g_object_unref (first);
}

static void
test_ended_refuses_changes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(RungMeeting) meeting = g_object_ref (start (fixture));
  RungPanelist *attendees[] = { fixture->chair };
  RungAgendaItem *ada = item_at (meeting, 0);
  guint is_open_notified = 0;

  g_assert_true (rung_meeting_set_attendees (meeting, attendees, 1, &error));
  g_assert_true (rung_meeting_set_current (meeting, ada, &error));
  g_assert_true (rung_meeting_add_time (meeting, ada, 120, &error));
  g_assert_no_error (error);

  g_signal_connect_swapped (meeting, "notify::is-open", G_CALLBACK (g_atomic_int_inc), &is_open_notified);
  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (is_open_notified, ==, 1);
  g_assert_false (rung_meeting_is_open (meeting));
  g_assert_nonnull (rung_meeting_get_ended_at (meeting));
  /* Nobody is under discussion in the minutes. */
  g_assert_cmpuint (rung_agenda_item_get_state (ada), ==, RUNG_AGENDA_STATE_WAITING);

  g_assert_false (rung_meeting_move (meeting, ada, 3, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_meeting_set_current (meeting, ada, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_meeting_mark_decided (meeting, ada, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_meeting_add_time (meeting, ada, 5, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_meeting_set_blind (meeting, TRUE, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_meeting_set_attendees (meeting, NULL, 0, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_meeting_end (meeting, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  /* A recorded decision does not touch an ended meeting's agenda. */
  g_assert_nonnull (rung_panel_record_decision (fixture->panel, rung_agenda_item_get_candidate (ada),
                                                "promote", 1, 0, 0, "After the meeting.", NULL, &error));
  g_assert_no_error (error);

  /* The panelist the minutes name stays in the panel. */
  g_assert_false (rung_panel_remove_panelist (fixture->panel, fixture->chair, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_nonnull (strstr (error->message, "Katherine Johnson"));
  g_clear_error (&error);
  g_assert_true (rung_panel_remove_panelist (fixture->panel, fixture->member, &error));
  g_assert_no_error (error);

  rung_panel_close (fixture->panel);

  /* Nor can SQL on the file change the record. */
  {
    sqlite3 *db = open_raw (fixture->path);
    static const char * const attempts[] = {
      "UPDATE meetings SET ended_at = NULL",
      "UPDATE meetings SET title = 'Forged'",
      "UPDATE meetings SET blind = 1",
      "DELETE FROM meetings",
      "INSERT OR REPLACE INTO meetings (id, title, started_at) SELECT id, 'Forged', started_at FROM meetings",
      "UPDATE agenda SET seconds_spent = 0",
      "UPDATE agenda SET state = 'decided'",
      "UPDATE agenda SET position = position + 10",
      "DELETE FROM agenda",
      "INSERT INTO agenda (meeting_id, candidate_id, position) SELECT 1, 1, 99",
      "DELETE FROM attendees",
      "UPDATE attendees SET name = 'Forged'",
      "INSERT INTO attendees (meeting_id, panelist_id, name) VALUES (1, 2, 'Alan Turing')",
    };

    for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
      {
        g_test_message ("%s", attempts[i]);
        g_assert_cmpint (sqlite3_exec (db, attempts[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
      }
    g_assert_cmpint (query_int (db, "SELECT count (*) FROM meetings WHERE ended_at IS NOT NULL"), ==, 1);
    g_assert_cmpint (query_int (db, "SELECT count (*) FROM agenda"), ==, 5);
    g_assert_cmpint (query_int (db, "SELECT seconds_spent FROM agenda WHERE position = 0"), ==, 120);
    g_assert_cmpint (query_int (db, "SELECT count (*) FROM attendees"), ==, 1);
    sqlite3_close (db);
  }

  g_clear_object (&meeting);
  reopen (fixture);
  g_assert_null (rung_panel_get_open_meeting (fixture->panel));
  meetings = rung_panel_list_meetings (fixture->panel, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RungMeeting) ended = g_list_model_get_item (meetings, 0);
    GListModel *people = rung_meeting_get_attendees (ended);
    g_autoptr(RungPanelist) chair = g_list_model_get_item (people, 0);

    g_assert_false (rung_meeting_is_open (ended));
    g_assert_cmpuint (g_list_model_get_n_items (rung_meeting_get_agenda (ended)), ==, 5);
    g_assert_cmpint (rung_agenda_item_get_seconds_spent (item_at (ended, 0)), ==, 120);
    g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
    g_assert_cmpstr (rung_panelist_get_name (chair), ==, "Katherine Johnson");
  }
}

/* "Candidate A" for 0, … "Candidate AA" for 26, written out by hand. */
static char *
alias_for_index (guint index)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  if (index < 26)
    return g_strdup_printf ("Candidate %c", letters[index]);

  return g_strdup_printf ("Candidate %c%c", letters[index / 26 - 1], letters[index % 26]);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_blind_aliases (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GHashTable) seen = NULL;
  RungCandidate *late;
  RungCandidate *moved;
  guint n;
  char *name;

  /* 28 candidates on the agenda, so the aliases pass Z. */
  for (guint i = 0; i < 23; i++)
    {
      g_autofree char *extra = g_strdup_printf ("Zed %02u", i);

      rung_panel_add_candidate (fixture->panel, extra, NULL, "L6", NULL, NULL, &error);
      g_assert_no_error (error);
    }

  meeting = start (fixture);
  n = g_list_model_get_n_items (rung_meeting_get_agenda (meeting));
  g_assert_cmpuint (n, ==, 28);

  /* Not blind: names. */
  name = rung_meeting_dup_display_name (meeting, rung_agenda_item_get_candidate (item_at (meeting, 0)));
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_free (name);

  g_assert_true (rung_meeting_set_blind (meeting, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (rung_meeting_get_blind (meeting));

  /* Each candidate has a letter of their own, A to AB; the letters were
   * drawn at random, so they need not follow the agenda. */
  before = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      RungCandidate *candidate = rung_agenda_item_get_candidate (item_at (meeting, i));
      g_autofree char *expected = alias_for_index (rung_agenda_item_get_alias (item_at (meeting, i)));

      name = rung_meeting_dup_display_name (meeting, candidate);
      g_assert_null (strstr (name, rung_candidate_get_name (candidate)));
      g_assert_cmpstr (name, ==, expected);
      g_assert_true (g_hash_table_add (seen, name));
      g_ptr_array_add (before, name);
    }
  g_assert_true (g_hash_table_contains (seen, "Candidate A"));
  g_assert_true (g_hash_table_contains (seen, "Candidate Z"));
  g_assert_true (g_hash_table_contains (seen, "Candidate AA"));
  g_assert_true (g_hash_table_contains (seen, "Candidate AB"));

  /* Reordering the agenda renames nobody. */
  moved = rung_agenda_item_get_candidate (item_at (meeting, 27));
  g_assert_true (rung_meeting_move (meeting, item_at (meeting, 27), 0, &error));
  g_assert_no_error (error);
  name = rung_meeting_dup_display_name (meeting, moved);
  g_assert_cmpstr (name, ==, g_ptr_array_index (before, 27));
  g_free (name);
  name = rung_meeting_dup_display_name (meeting, rung_agenda_item_get_candidate (item_at (meeting, 1)));
  g_assert_cmpstr (name, ==, g_ptr_array_index (before, 0));
  g_free (name);

  /* A candidate added after the agenda was set comes after it. */
  late = rung_panel_add_candidate (fixture->panel, "Late Comer", NULL, "L6", NULL, NULL, &error);
  g_assert_no_error (error);
  name = rung_meeting_dup_display_name (meeting, late);
  g_assert_cmpstr (name, ==, "Candidate AC");
  g_free (name);

  /* Blind survives a reopen; seeing again shows names. */
  reopen (fixture);
  meeting = rung_panel_get_open_meeting (fixture->panel);
  g_assert_true (rung_meeting_get_blind (meeting));
  g_assert_true (rung_meeting_set_blind (meeting, FALSE, &error));
  g_assert_no_error (error);
  moved = rung_agenda_item_get_candidate (item_at (meeting, 0));
  name = rung_meeting_dup_display_name (meeting, moved);
  g_assert_cmpstr (name, ==, rung_candidate_get_name (moved));
  g_assert_cmpstr (name, ==, "Zed 22");
  g_free (name);
}

/* While blind, the words of a name in what people wrote give way to the
 * candidate's letter, whole words only, in any case and script. */
static void
test_blind_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *zoe = rung_panel_add_candidate (fixture->panel, "Zoë Müller-Ågren", NULL, "L6", NULL, NULL, &error);
  RungCandidate *lan = rung_panel_add_candidate (fixture->panel, "Nguyễn Thị Lan", NULL, "L6",
                                                 "Dana Scully", "Payments Platform", &error);
  g_autofree char *zoe_alias = NULL;
  g_autofree char *lan_alias = NULL;
  g_autofree char *expected = NULL;
  char *text;

  g_assert_no_error (error);

  /* Not blind: as written. */
  text = rung_candidate_dup_blind_text (zoe, "Zoë led it.");
  g_assert_cmpstr (text, ==, "Zoë led it.");
  g_free (text);

  rung_panel_start_meeting (fixture->panel, "Blind", 10, TRUE, &error);
  g_assert_no_error (error);
  zoe_alias = rung_candidate_dup_display_name (zoe);
  lan_alias = rung_candidate_dup_display_name (lan);

  text = rung_candidate_dup_blind_text (zoe, "Zoë’s design; ZOË and müller-ågren agreed. Zoey and Zoëlla did not.");
  expected = g_strdup_printf ("%s’s design; %s and %s agreed. Zoey and Zoëlla did not.",
                              zoe_alias, zoe_alias, zoe_alias);
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
  g_clear_pointer (&expected, g_free);

  text = rung_candidate_dup_blind_text (lan, "Lan built the Lantern service; Nguyễn Thị Lan owns it.");
  expected = g_strdup_printf ("%s built the Lantern service; %s owns it.", lan_alias, lan_alias);
  g_assert_cmpstr (text, ==, expected);
  g_free (text);

  g_clear_pointer (&expected, g_free);

  /* The manager and the team are taken out too. */
  text = rung_candidate_dup_blind_text (lan, "Dana says the payments platform team relies on Lan.");
  expected = g_strdup_printf ("[manager] says the [team] team relies on %s.", lan_alias);
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
  g_clear_pointer (&expected, g_free);

  /* Another candidate's name is theirs to hide, not this one's. */
  text = rung_candidate_dup_blind_text (lan, "Zoë reviewed it.");
  g_assert_cmpstr (text, ==, "Zoë reviewed it.");
  g_free (text);
}

/* Started blind, the agenda goes Candidate A, B, C, …; the panel says it is
 * blind, and each candidate's display name follows the meeting. */
static void
test_blind_from_start (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting;
  RungCandidate *first;
  guint n, notified = 0;
  char *name;

  g_assert_false (rung_panel_get_blind (fixture->panel));
  meeting = rung_panel_start_meeting (fixture->panel, "Blind", 10, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (rung_panel_get_blind (fixture->panel));

  n = g_list_model_get_n_items (rung_meeting_get_agenda (meeting));
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      RungCandidate *candidate = rung_agenda_item_get_candidate (item_at (meeting, i));
      g_autofree char *expected = alias_for_index (i);

      g_assert_cmpuint (rung_agenda_item_get_alias (item_at (meeting, i)), ==, i);
      name = rung_candidate_dup_display_name (candidate);
      g_assert_cmpstr (name, ==, expected);
      g_free (name);
    }

  first = rung_agenda_item_get_candidate (item_at (meeting, 0));
  g_signal_connect_swapped (first, "notify::display-name", G_CALLBACK (count_notify), &notified);

  g_assert_true (rung_meeting_set_blind (meeting, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (rung_panel_get_blind (fixture->panel));
  g_assert_cmpuint (notified, ==, 1);
  name = rung_candidate_dup_display_name (first);
  g_assert_cmpstr (name, ==, rung_candidate_get_name (first));
  g_free (name);

  g_assert_true (rung_meeting_set_blind (meeting, TRUE, &error));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);
  g_assert_false (rung_panel_get_blind (fixture->panel));
  g_assert_cmpuint (notified, ==, 3);
  name = rung_candidate_dup_display_name (first);
  g_assert_cmpstr (name, ==, rung_candidate_get_name (first));
  g_free (name);
}

static void
test_deleted_candidate_leaves_agenda (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting = start (fixture);
  RungCandidate *barbara = rung_panel_find_candidate_by_name (fixture->panel, "Barbara Liskov");
  gint64 barbara_id = rung_candidate_get_id (barbara);
  char *order;

  g_assert_true (rung_panel_delete_candidate (fixture->panel, barbara, &error));
  g_assert_no_error (error);
  order = agenda_names (meeting);
  g_assert_cmpstr (order, ==, "Ada Lovelace,Claude Shannon,Edsger Dijkstra,Grace Hopper");
  g_free (order);

  /* Moves count the live candidates alone. */
  g_assert_true (rung_meeting_move (meeting, item_at (meeting, 3), 0, &error));
  g_assert_no_error (error);

  reopen (fixture);
  meeting = rung_panel_get_open_meeting (fixture->panel);
  order = agenda_names (meeting);
  g_assert_cmpstr (order, ==, "Grace Hopper,Ada Lovelace,Claude Shannon,Edsger Dijkstra");
  g_free (order);

  /* Restored, they are back on the agenda, after the others. */
  g_assert_nonnull (rung_panel_restore_candidate (fixture->panel, barbara_id, &error));
  g_assert_no_error (error);
  order = agenda_names (meeting);
  g_assert_cmpstr (order, ==, "Grace Hopper,Ada Lovelace,Claude Shannon,Edsger Dijkstra,Barbara Liskov");
  g_free (order);
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  RungMeeting *meeting = start (fixture);
  RungPanelist *attendees[] = { fixture->chair };
  static const char * const expected[][2] = {
    { "end", "meeting" },
    { "update", "agenda" },       /* released as the meeting ends */
    { "update", "meeting" },      /* blind */
    { "attendees", "meeting" },
    { "decide", "agenda" },
    { "time", "agenda" },
    { "current", "agenda" },
    { "move", "agenda" },
    { "start", "meeting" },
  };

  g_assert_true (rung_meeting_move (meeting, item_at (meeting, 0), 2, &error));
  g_assert_true (rung_meeting_set_current (meeting, item_at (meeting, 0), &error));
  g_assert_true (rung_meeting_add_time (meeting, item_at (meeting, 0), 42, &error));
  g_assert_true (rung_meeting_mark_decided (meeting, item_at (meeting, 1), &error));
  g_assert_true (rung_meeting_set_attendees (meeting, attendees, 1, &error));
  g_assert_true (rung_meeting_set_blind (meeting, TRUE, &error));
  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);

  audit = rung_panel_list_audit (fixture->panel, G_N_ELEMENTS (expected), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < audit->len; i++)
    {
      RungAuditRecord *record = g_ptr_array_index (audit, i);

      g_assert_cmpstr (record->action, ==, expected[i][0]);
      g_assert_cmpstr (record->entity, ==, expected[i][1]);
      g_assert_cmpstr (record->who, ==, "Test Chair");
    }

  /* Before and after, as JSON of the row. */
  {
    RungAuditRecord *time = g_ptr_array_index (audit, 5);
    RungAuditRecord *start_row = g_ptr_array_index (audit, 8);
    RungAuditRecord *end_row = g_ptr_array_index (audit, 0);

    g_assert_nonnull (strstr (time->before, "\"seconds_spent\":0"));
    g_assert_nonnull (strstr (time->after, "\"seconds_spent\":42"));
    g_assert_null (start_row->before);
    g_assert_nonnull (strstr (start_row->after, "\"title\":\"Calibration\""));
    g_assert_nonnull (strstr (start_row->after, "\"agenda\":["));
    g_assert_nonnull (strstr (end_row->before, "\"ended_at\":null"));
    g_assert_null (strstr (end_row->after, "\"ended_at\":null"));
  }
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) reader = NULL;
  RungMeeting *meeting;

  start (fixture);
  rung_panel_close (fixture->panel);
  g_assert_cmpint (g_chmod (fixture->path, 0400), ==, 0);

  reader = rung_panel_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  meeting = rung_panel_get_open_meeting (reader);
  g_assert_nonnull (meeting);
  g_assert_cmpuint (g_list_model_get_n_items (rung_meeting_get_agenda (meeting)), ==, 5);
  g_assert_false (rung_meeting_add_time (meeting, item_at (meeting, 0), 5, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  rung_panel_close (reader);
  g_chmod (fixture->path, 0600);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rung/meeting/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-and-reopen", test_create_and_reopen);
  ADD ("needs-title-and-sane-minutes", test_needs_title_and_sane_minutes);
  ADD ("agenda/move", test_move);
  ADD ("agenda/one-current", test_one_current);
  ADD ("agenda/decision-marks-decided", test_decision_marks_decided);
  ADD ("agenda/deleted-candidate-leaves", test_deleted_candidate_leaves_agenda);
  ADD ("time/durable", test_time_is_durable);
  ADD ("only-one-open", test_only_one_open);
  ADD ("ended/refuses-changes", test_ended_refuses_changes);
  ADD ("blind/aliases", test_blind_aliases);
  ADD ("blind/from-start", test_blind_from_start);
  ADD ("blind/text", test_blind_text);
  ADD ("audit", test_audit);
  ADD ("read-only", test_read_only);
#undef ADD

  return g_test_run ();
}

/* test-packet-import.c: a packet goes into a panel whole or not at all.
 * Export → import gives identical evidence; a packet of another version of
 * the ladder is mapped by expectation id and what does not map is reported
 * before anything is written; a packet of another ladder, or for a level the
 * panel lacks, changes nothing; a candidate of the same name is replaced or
 * kept only when asked; a failure in the middle of the transaction, or
 * SIGKILL in the middle of a large import, leaves the panel as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-packet-import.h"
#include "rung-packet.h"
#include "rung-panel.h"
#include "store-fixture.h"

#define KILL_ROUNDS 12
#define LARGE_PACKET_ITEMS 3000

static const char *self_path;

typedef struct
{
  char      *dir;
  RungPanel *source;   /* the manager's panel, on the bundled ladder */
  RungPanel *target;   /* the committee's */
  char      *target_path;
} Fixture;

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static RungPanel *
create_panel (Fixture    *fixture,
              const char *name,
              RungLadder *ladder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, name);
  RungPanel *panel = rung_panel_create (path, name, "Committee", "H2 2026", ladder, &error);

  g_assert_no_error (error);
  rung_panel_set_user_name (panel, "Grace");

  return panel;
}

/* The bundled ladder with @replacements applied to its XML, pairs of
 * from, to; NULL-terminated. */
static RungLadder *
ladder_variant (const char *first,
                ...)
{
  g_autoptr(RungLadder) bundled = rung_ladder_new_bundled ();
  g_autoptr(GError) error = NULL;
  GBytes *source = rung_ladder_get_source (bundled);
  g_autofree char *xml = g_strndup (g_bytes_get_data (source, NULL), g_bytes_get_size (source));
  g_autoptr(GBytes) bytes = NULL;
  RungLadder *ladder;
  va_list args;

  va_start (args, first);
  for (const char *from = first; from != NULL; from = va_arg (args, const char *))
    {
      const char *to = va_arg (args, const char *);
      g_auto(GStrv) parts = g_strsplit (xml, from, -1);

      g_assert_cmpuint (g_strv_length (parts), >, 1);
      g_free (xml);
      xml = g_strjoinv (to, parts);
    }
  va_end (args);

  bytes = g_bytes_new (xml, strlen (xml));
  ladder = rung_ladder_new_from_bytes (bytes, "variant.xml", &error);
  g_assert_no_error (error);

  return ladder;
}

static RungCandidate *
add_candidate (RungPanel  *panel,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *candidate = rung_panel_add_candidate (panel, name, "L5", "L6", "Ada Byron", "Platform", &error);

  g_assert_no_error (error);
  return candidate;
}

static void
add_evidence (RungCandidate *candidate,
              const char    *expectation_id,
              const char    *title,
              const char    *text)
{
  g_autoptr(GError) error = NULL;

  rung_candidate_add_evidence (candidate, expectation_id, title, text,
                               "https://example.org/doc?a=1&b=2", "2026-05-01", &error);
  g_assert_no_error (error);
}

/* A candidate whose evidence is hard to carry: lines, spaces at the ends,
 * markup characters, scripts from right to left. */
static RungCandidate *
add_rich_candidate (RungPanel  *panel,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *candidate = add_candidate (panel, name);

  g_assert_true (rung_candidate_set_summary (candidate, "Ready for L6.\n\nLed the <platform> move & more.", &error));
  g_assert_no_error (error);
  add_evidence (candidate, "l6-impact-results", "Cut build times",
                "  Builds went from 40 to 9 minutes.\n\n\tMeasured over Q2 — ✓ 🚀 ]]> <b>not bold</b>  ");
  add_evidence (candidate, "l6-impact-results", "", "An untitled second item.");
  add_evidence (candidate, "l6-culture-values", "Mentoring", "Mentored four engineers; قاد الفريق; Größe.");
  add_evidence (candidate, "l6-leadership-technical-strategy", "Strategy", "Wrote the 2027 strategy.\r\nWindows line.");

  return candidate;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();

  fixture->dir = g_dir_make_tmp ("rung-packet-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->source = create_panel (fixture, "manager.rung", ladder);
  fixture->target = create_panel (fixture, "committee.rung", ladder);
  fixture->target_path = g_strdup (rung_panel_get_path (fixture->target));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->source);
  g_clear_object (&fixture->target);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->target_path);
}

/* A packet as the committee receives it: written, and read back. */
static RungPacket *
carry (RungCandidate *candidate,
       const char    *display_name)
{
  g_autoptr(RungPacket) written = rung_packet_new_from_candidate (candidate);
  g_autoptr(GBytes) bytes = rung_packet_to_bytes (written);
  g_autoptr(GError) error = NULL;
  RungPacket *read = rung_packet_new_from_bytes (bytes, display_name, &error);

  g_assert_no_error (error);
  return read;
}

static guint
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* What a refused import must leave: the file exactly as it was. */
typedef struct
{
  guint candidates;
  guint evidence;
  guint audit;
} Counts;

static Counts
count_panel (const char *path)
{
  Counts counts = {
    count_rows (path, "SELECT count(*) FROM candidates"),
    count_rows (path, "SELECT count(*) FROM evidence"),
    count_rows (path, "SELECT count(*) FROM audit"),
  };

  return counts;
}

static void
assert_counts_equal (Counts a,
                     Counts b)
{
  g_assert_cmpuint (a.candidates, ==, b.candidates);
  g_assert_cmpuint (a.evidence, ==, b.evidence);
  g_assert_cmpuint (a.audit, ==, b.audit);
}

static void
assert_same_evidence (RungCandidate *a,
                      RungCandidate *b)
{
  RungLevel *level = rung_candidate_get_level (a);
  GListModel *areas = rung_level_get_areas (level);

  g_assert_cmpuint (rung_candidate_get_n_evidence (a), ==, rung_candidate_get_n_evidence (b));

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);
      GListModel *expectations = rung_area_get_expectations (area);

      for (guint j = 0; j < g_list_model_get_n_items (expectations); j++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, j);
          const char *id = rung_expectation_get_id (expectation);
          GListModel *left = rung_candidate_get_evidence (a, id);
          GListModel *right = rung_candidate_get_evidence (b, id);

          g_assert_cmpuint (g_list_model_get_n_items (left), ==, g_list_model_get_n_items (right));
          for (guint k = 0; k < g_list_model_get_n_items (left); k++)
            {
              g_autoptr(RungEvidence) x = g_list_model_get_item (left, k);
              g_autoptr(RungEvidence) y = g_list_model_get_item (right, k);

              g_assert_cmpstr (rung_evidence_get_title (x), ==, rung_evidence_get_title (y));
              g_assert_cmpstr (rung_evidence_get_text (x), ==, rung_evidence_get_text (y));
              g_assert_cmpstr (rung_evidence_get_link (x), ==, rung_evidence_get_link (y));
              g_assert_cmpstr (rung_evidence_get_date (x), ==, rung_evidence_get_date (y));
              g_assert_cmpstr (rung_evidence_get_author (x), ==, rung_evidence_get_author (y));
            }
        }
    }
}

static void
assert_same_details (RungCandidate *a,
                     RungCandidate *b)
{
  g_assert_cmpstr (rung_candidate_get_name (a), ==, rung_candidate_get_name (b));
  g_assert_cmpstr (rung_candidate_get_current_level (a), ==, rung_candidate_get_current_level (b));
  g_assert_cmpstr (rung_candidate_get_target_level (a), ==, rung_candidate_get_target_level (b));
  g_assert_cmpstr (rung_candidate_get_manager (a), ==, rung_candidate_get_manager (b));
  g_assert_cmpstr (rung_candidate_get_team (a), ==, rung_candidate_get_team (b));
  g_assert_cmpstr (rung_candidate_get_summary (a), ==, rung_candidate_get_summary (b));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *original = add_rich_candidate (fixture->source, "Katherine Johnson");
  g_autoptr(RungPacket) packet = carry (original, "katherine.rungpacket");
  g_autoptr(RungPacketPlan) plan = rung_panel_plan_packet_import (fixture->target, packet, &error);
  g_autoptr(RungPanel) reopened = NULL;
  RungCandidate *imported;

  g_assert_no_error (error);
  g_assert_true (plan->same_ladder);
  g_assert_cmpuint (plan->n_mapped, ==, 4);
  g_assert_cmpuint (plan->unmapped->len, ==, 0);
  g_assert_null (plan->existing);

  imported = rung_panel_import_packet (fixture->target, packet, RUNG_PACKET_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (fixture->target)), ==, 1);
  assert_same_details (original, imported);
  assert_same_evidence (original, imported);
  g_assert_cmpint (rung_candidate_get_status (imported), ==, RUNG_CANDIDATE_STATUS_DRAFT);

  /* And so it is in the file. */
  g_clear_object (&fixture->target);
  reopened = rung_panel_open (fixture->target_path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  imported = rung_panel_find_candidate_by_name (reopened, "Katherine Johnson");
  g_assert_nonnull (imported);
  assert_same_details (original, imported);
  assert_same_evidence (original, imported);
}

static void
test_audit_says_where_from (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *original = add_rich_candidate (fixture->source, "Dorothy Vaughan");
  g_autoptr(RungPacket) packet = carry (original, "dorothy.rungpacket");
  g_autoptr(GPtrArray) audit = NULL;
  RungAuditRecord *last;

  g_assert_nonnull (rung_panel_import_packet (fixture->target, packet, RUNG_PACKET_IMPORT_DEFAULT, &error));
  g_assert_no_error (error);

  audit = rung_panel_list_audit (fixture->target, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  last = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (last->action, ==, "import");
  g_assert_cmpstr (last->entity, ==, "candidate");
  g_assert_cmpstr (last->who, ==, "Grace");
  g_assert_nonnull (strstr (last->after, "\"file\":\"dorothy.rungpacket\""));
  g_assert_nonnull (strstr (last->after, "\"items\":4"));
  g_assert_nonnull (strstr (last->after, "\"left_out\":0"));
}

static void
test_other_version_is_mapped (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) v2 = ladder_variant ("version=\"1.0\" xml:lang", "version=\"2.0\" xml:lang",
                                             "\"l6-impact-results\"", "\"l6-impact-outcomes\"",
                                             NULL);
  g_autoptr(RungPanel) committee = create_panel (fixture, "v2.rung", v2);
  RungCandidate *original = add_rich_candidate (fixture->source, "Mary Jackson");
  g_autoptr(RungPacket) packet = carry (original, "mary.rungpacket");
  g_autoptr(RungPacketPlan) plan = rung_panel_plan_packet_import (committee, packet, &error);
  g_autofree char *described = NULL;
  Counts before = count_panel (rung_panel_get_path (committee));
  RungCandidate *imported;

  g_assert_no_error (error);
  g_assert_false (plan->same_ladder);
  g_assert_cmpuint (plan->n_mapped, ==, 2);
  g_assert_cmpuint (plan->unmapped->len, ==, 2);

  /* Each left-out item is named with its place in the packet. */
  described = rung_packet_plan_describe_unmapped (plan);
  g_test_message ("%s", described);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (plan->unmapped, 0), "mary.rungpacket:"));
  g_assert_nonnull (strstr (g_ptr_array_index (plan->unmapped, 0), "Cut build times"));
  g_assert_nonnull (strstr (g_ptr_array_index (plan->unmapped, 0), "l6-impact-results"));
  g_assert_nonnull (strstr (g_ptr_array_index (plan->unmapped, 1), "Untitled"));
  g_assert_nonnull (strstr (described, "version 2.0"));

  /* Refused unless allowed, and nothing written. */
  g_assert_null (rung_panel_import_packet (committee, packet, RUNG_PACKET_IMPORT_DEFAULT, &error));
  g_assert_error (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_UNMAPPED);
  g_assert_nonnull (strstr (error->message, "l6-impact-results"));
  g_assert_nonnull (strstr (error->message, "version 1.0"));
  g_clear_error (&error);
  assert_counts_equal (before, count_panel (rung_panel_get_path (committee)));
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (committee)), ==, 0);

  imported = rung_panel_import_packet (committee, packet, RUNG_PACKET_IMPORT_ALLOW_UNMAPPED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rung_candidate_get_n_evidence (imported), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_evidence (imported, "l6-culture-values")), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_evidence (imported, "l6-impact-outcomes")), ==, 0);
}

static void
test_other_ladder_changes_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) other = ladder_variant ("id=\"rung-engineering\"", "id=\"design-ladder\"", NULL);
  g_autoptr(RungPanel) committee = create_panel (fixture, "design.rung", other);
  RungCandidate *original = add_rich_candidate (fixture->source, "Hedy Lamarr");
  g_autoptr(RungPacket) packet = carry (original, "hedy.rungpacket");
  Counts before = count_panel (rung_panel_get_path (committee));

  g_assert_null (rung_panel_plan_packet_import (committee, packet, &error));
  g_assert_error (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_OTHER_LADDER);
  g_clear_error (&error);

  g_assert_null (rung_panel_import_packet (committee, packet,
                                           RUNG_PACKET_IMPORT_ALLOW_UNMAPPED | RUNG_PACKET_IMPORT_REPLACE,
                                           &error));
  g_assert_error (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_OTHER_LADDER);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "hedy.rungpacket:"));
  g_assert_nonnull (strstr (error->message, "rung-engineering"));
  g_assert_nonnull (strstr (error->message, "design-ladder"));
  assert_counts_equal (before, count_panel (rung_panel_get_path (committee)));
}

static void
test_unknown_level_changes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) other = ladder_variant ("version=\"1.0\" xml:lang", "version=\"3\" xml:lang",
                                                "<level id=\"L6\"", "<level id=\"L7\"", NULL);
  g_autoptr(RungPanel) committee = create_panel (fixture, "l7.rung", other);
  RungCandidate *original = add_rich_candidate (fixture->source, "Radia Perlman");
  g_autoptr(RungPacket) packet = carry (original, "radia.rungpacket");
  Counts before = count_panel (rung_panel_get_path (committee));

  g_assert_null (rung_panel_import_packet (committee, packet, RUNG_PACKET_IMPORT_ALLOW_UNMAPPED, &error));
  g_assert_error (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_NO_LEVEL);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "radia.rungpacket:"));
  g_assert_nonnull (strstr (error->message, "L6"));
  assert_counts_equal (before, count_panel (rung_panel_get_path (committee)));
}

static void
test_duplicate_is_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *original = add_rich_candidate (fixture->source, "Frances Allen");
  g_autoptr(RungPacket) packet = carry (original, "frances.rungpacket");
  RungCandidate *already = add_candidate (fixture->target, "  frances ALLEN ");
  g_autoptr(RungPacketPlan) plan = rung_panel_plan_packet_import (fixture->target, packet, &error);
  Counts before = count_panel (fixture->target_path);

  g_assert_no_error (error);
  g_assert_true (plan->existing == already);

  g_assert_null (rung_panel_import_packet (fixture->target, packet, RUNG_PACKET_IMPORT_DEFAULT, &error));
  g_assert_error (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "frances ALLEN"));
  assert_counts_equal (before, count_panel (fixture->target_path));
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (fixture->target)), ==, 1);
}

static void
test_duplicate_replaced (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *original = add_rich_candidate (fixture->source, "Frances Allen");
  g_autoptr(RungPacket) packet = carry (original, "frances.rungpacket");
  RungCandidate *already = add_candidate (fixture->target, "Frances Allen");
  gint64 old_id = rung_candidate_get_id (already);
  GListModel *candidates = rung_panel_get_candidates (fixture->target);
  RungCandidate *imported;

  add_evidence (already, "l6-culture-values", "Old", "An older draft.");

  imported = rung_panel_import_packet (fixture->target, packet, RUNG_PACKET_IMPORT_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);
  g_assert_true (rung_panel_find_candidate (fixture->target, old_id) == NULL);
  assert_same_evidence (original, imported);

  /* The one replaced is deleted, not gone: it can come back. */
  g_assert_nonnull (rung_panel_restore_candidate (fixture->target, old_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 2);
  g_assert_cmpuint (rung_candidate_get_n_evidence (rung_panel_find_candidate (fixture->target, old_id)), ==, 1);
}

static void
test_duplicate_kept_both (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *original = add_rich_candidate (fixture->source, "Frances Allen");
  g_autoptr(RungPacket) packet = carry (original, "frances.rungpacket");
  RungCandidate *already = add_candidate (fixture->target, "Frances Allen");
  RungCandidate *imported;

  imported = rung_panel_import_packet (fixture->target, packet, RUNG_PACKET_IMPORT_KEEP_BOTH, &error);
  g_assert_no_error (error);
  g_assert_true (imported != already);
  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (fixture->target)), ==, 2);
  g_assert_cmpuint (rung_candidate_get_n_evidence (already), ==, 0);
  g_assert_cmpuint (rung_candidate_get_n_evidence (imported), ==, 4);
}

/* One item in each area of L6, so the candidate passes the coverage gate. */
static void
cover_every_area (RungCandidate *candidate)
{
  const char *ids[] = {
    "l6-responsibilities-technical-direction", "l6-impact-results", "l6-ownership-uptime",
    "l6-process-reduce-toil", "l6-culture-values", "l6-communication-effective-communication",
    "l6-growth-continuous-learning", "l6-leadership-technical-strategy",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    add_evidence (candidate, ids[i], "Covered", "Evidence for the area.");
}

static void
test_decided_arrives_ready (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *original = add_rich_candidate (fixture->source, "Barbara Liskov");
  g_autoptr(RungPacket) packet = NULL;
  RungCandidate *imported;

  cover_every_area (original);
  g_assert_true (rung_candidate_set_status (original, RUNG_CANDIDATE_STATUS_DECIDED, &error));
  g_assert_no_error (error);
  packet = carry (original, "barbara.rungpacket");
  g_assert_cmpint (rung_packet_get_status (packet), ==, RUNG_CANDIDATE_STATUS_DECIDED);

  imported = rung_panel_import_packet (fixture->target, packet, RUNG_PACKET_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rung_candidate_get_status (imported), ==, RUNG_CANDIDATE_STATUS_READY);
}

/* A packet marked ready with an area of no evidence passes no gate here. */
static void
test_uncovered_arrives_draft (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *original = add_rich_candidate (fixture->source, "Shafi Goldwasser");
  g_autoptr(RungPacket) packet = NULL;
  RungCandidate *imported;

  g_assert_true (rung_candidate_override_coverage (original, RUNG_CANDIDATE_STATUS_READY,
                                                   "The manager vouches for the rest", &error));
  g_assert_no_error (error);
  packet = carry (original, "shafi.rungpacket");
  g_assert_cmpint (rung_packet_get_status (packet), ==, RUNG_CANDIDATE_STATUS_READY);

  imported = rung_panel_import_packet (fixture->target, packet, RUNG_PACKET_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rung_candidate_get_status (imported), ==, RUNG_CANDIDATE_STATUS_DRAFT);
  g_assert_null (rung_candidate_get_coverage_override (imported));
}

/* A trigger makes the third item's insert fail, inside the transaction. */
static void
sabotage_evidence (const char *path,
                   const char *title)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("CREATE TRIGGER sabotage BEFORE INSERT ON evidence"
                                          " WHEN NEW.title = '%s'"
                                          " BEGIN SELECT RAISE (ABORT, 'sabotaged'); END", title);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_failure_midway_changes_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *original = add_rich_candidate (fixture->source, "Grace Hopper");
  g_autoptr(RungPacket) packet = carry (original, "grace.rungpacket");
  g_autoptr(RungPanel) reopened = NULL;
  Counts before;

  g_clear_object (&fixture->target);
  sabotage_evidence (fixture->target_path, "Mentoring");
  before = count_panel (fixture->target_path);

  reopened = rung_panel_open (fixture->target_path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (rung_panel_import_packet (reopened, packet, RUNG_PACKET_IMPORT_DEFAULT, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (rung_panel_get_candidates (reopened)), ==, 0);
  assert_counts_equal (before, count_panel (fixture->target_path));
}

static void
test_read_only_panel_refuses (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *original = add_rich_candidate (fixture->source, "Jean Bartik");
  g_autoptr(RungPacket) packet = carry (original, "jean.rungpacket");
  g_autoptr(RungPanel) read_only = NULL;
  Counts before;

  g_clear_object (&fixture->target);
  before = count_panel (fixture->target_path);
  g_assert_cmpint (g_chmod (fixture->target_path, 0400), ==, 0);

  read_only = rung_panel_open (fixture->target_path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  g_assert_true (rung_panel_is_read_only (read_only));

  g_assert_null (rung_panel_import_packet (read_only, packet, RUNG_PACKET_IMPORT_DEFAULT, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  assert_counts_equal (before, count_panel (fixture->target_path));
}

/* SIGKILL in the middle of a large import */

/* The child: reads the packet, says "ready", imports it, says "done". */
static int
run_importer (const char *panel_path,
              const char *packet_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (packet_path);
  g_autoptr(RungPacket) packet = rung_packet_new_from_file (file, &error);
  g_autoptr(RungPanel) panel = NULL;

  if (packet == NULL ||
      !(panel = rung_panel_open (panel_path, RUNG_STORE_OPEN_DEFAULT, &error)))
    {
      g_printerr ("importer: %s\n", error->message);
      return 1;
    }

  setvbuf (stdout, NULL, _IONBF, 0);
  printf ("ready\n");

  if (!rung_panel_import_packet (panel, packet, RUNG_PACKET_IMPORT_DEFAULT, &error))
    {
      g_printerr ("importer: %s\n", error->message);
      return 1;
    }

  printf ("done\n");
  return 0;
}

/* A packet of LARGE_PACKET_ITEMS items: one item written by Rung, repeated. */
static char *
write_large_packet (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *candidate = add_candidate (fixture->source, "Margaret Hamilton");
  g_autofree char *path = fixture_path (fixture, "large.rungpacket");
  g_autoptr(RungPacket) packet = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) xml = NULL;
  const char *start, *end;
  g_autofree char *item = NULL;
  gsize after_item;

  add_evidence (candidate, "l6-impact-results", "Apollo",
                "Shipped the Apollo guidance software, and wrote down how.");
  packet = rung_packet_new_from_candidate (candidate);
  bytes = rung_packet_to_bytes (packet);
  xml = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  start = strstr (xml->str, "<item ");
  end = strstr (xml->str, "</item>");
  g_assert_nonnull (start);
  g_assert_nonnull (end);
  end += strlen ("</item>");
  item = g_strndup (start, end - start);
  after_item = end - xml->str;

  for (guint i = 1; i < LARGE_PACKET_ITEMS; i++)
    g_string_insert (xml, after_item, item);

  g_assert_true (g_file_set_contents (path, xml->str, xml->len, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static gboolean
read_word (int      fd,
           GString *into)
{
  char c;

  g_string_truncate (into, 0);
  while (read (fd, &c, 1) == 1)
    {
      if (c == '\n')
        return TRUE;
      g_string_append_c (into, c);
    }

  return FALSE;
}

static gint64
import_in_child (const char *panel_path,
                 const char *packet_path,
                 gint64      kill_after_us,
                 gboolean   *finished)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  const char *argv[] = { self_path, "--importer", panel_path, packet_path, NULL };
  gint64 started;
  GPid pid;
  int out, status;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (read_word (out, word));
  g_assert_cmpstr (word->str, ==, "ready");
  started = g_get_monotonic_time ();

  if (kill_after_us >= 0)
    {
      g_usleep (kill_after_us);
      kill (pid, SIGKILL);
    }

  *finished = read_word (out, word) && g_str_equal (word->str, "done");
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  close (out);

  return g_get_monotonic_time () - started;
}

static void
assert_all_or_nothing (const char *path)
{
  guint candidates = count_rows (path, "SELECT count(*) FROM candidates WHERE deleted_at IS NULL");
  guint evidence = count_rows (path, "SELECT count(*) FROM evidence");
  guint integrity = count_rows (path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'");

  g_assert_cmpuint (integrity, ==, 1);
  g_assert_true ((candidates == 0 && evidence == 0) ||
                 (candidates == 1 && evidence == LARGE_PACKET_ITEMS));
}

static void
test_sigkill_midway_leaves_panel (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *packet_path = write_large_packet (fixture);
  g_autofree char *copy_path = fixture_path (fixture, "timing.rung");
  g_autofree char *empty = NULL;
  gsize empty_size;
  gboolean finished;
  gint64 duration = 0;
  guint n_cut = 0;

  g_clear_object (&fixture->target);
  g_assert_true (g_file_get_contents (fixture->target_path, &empty, &empty_size, NULL));

  /* How long one import takes here, on a copy: the faster of two, as the
   * second runs with the packet in the page cache, like the rounds below. */
  for (guint i = 0; i < 2; i++)
    {
      gint64 took;

      g_assert_true (g_file_set_contents (copy_path, empty, empty_size, NULL));
      took = import_in_child (copy_path, packet_path, -1, &finished);
      g_assert_true (finished);
      g_assert_cmpuint (count_rows (copy_path, "SELECT count(*) FROM evidence"), ==, LARGE_PACKET_ITEMS);
      duration = i == 0 ? took : MIN (duration, took);
    }
  g_test_message ("One import of %d items takes %.0f ms", LARGE_PACKET_ITEMS, duration / 1000.0);

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      /* Spread the kills over the import. */
      gint64 kill_after = duration * round / KILL_ROUNDS;
      g_autofree char *wal = g_strconcat (fixture->target_path, "-wal", NULL);

      g_assert_true (g_file_set_contents (fixture->target_path, empty, empty_size, NULL));
      g_unlink (wal);
      import_in_child (fixture->target_path, packet_path, kill_after, &finished);
      assert_all_or_nothing (fixture->target_path);
      if (!finished && count_rows (fixture->target_path, "SELECT count(*) FROM candidates") == 0)
        n_cut++;
    }

  g_test_message ("%u of %d imports were cut off by SIGKILL and left nothing", n_cut, KILL_ROUNDS);
  /* Every round was all or nothing; these prove some kills came mid-import. */
  g_assert_cmpuint (n_cut, >=, KILL_ROUNDS / 4);
}

#define ADD_TEST(path, func) \
  g_test_add ("/rung/packet-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--importer"))
    return run_importer (argv[2], argv[3]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("round-trip", test_round_trip);
  ADD_TEST ("audit-says-where-from", test_audit_says_where_from);
  ADD_TEST ("other-version-is-mapped", test_other_version_is_mapped);
  ADD_TEST ("other-ladder-changes-nothing", test_other_ladder_changes_nothing);
  ADD_TEST ("unknown-level-changes-nothing", test_unknown_level_changes_nothing);
  ADD_TEST ("duplicate/refused", test_duplicate_is_refused);
  ADD_TEST ("duplicate/replaced", test_duplicate_replaced);
  ADD_TEST ("duplicate/kept-both", test_duplicate_kept_both);
  ADD_TEST ("decided-arrives-ready", test_decided_arrives_ready);
  ADD_TEST ("uncovered-arrives-draft", test_uncovered_arrives_draft);
  ADD_TEST ("failure-midway-changes-nothing", test_failure_midway_changes_nothing);
  ADD_TEST ("read-only-panel-refuses", test_read_only_panel_refuses);
  ADD_TEST ("sigkill-midway-leaves-panel", test_sigkill_midway_leaves_panel);

  return g_test_run ();
}

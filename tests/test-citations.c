/* test-citations.c: evidence-cited decisions. The store writes citations in
 * their decision's transaction, all or nothing, lists them per decision and
 * per candidate, puts them in the audit row, and its triggers refuse any
 * change even from raw SQL; the model labels what is cited as it reads on
 * the day, refuses what is not the candidate's, hides the candidate's name
 * while blind and says when a cited item was removed since.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-citation.h"
#include "rung-decision.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-meeting.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-rating.h"
#include "rung-store.h"
#include "rung-store-private.h"
#include "store-fixture.h"

/* The store */

typedef struct
{
  char      *dir;
  char      *path;
  RungStore *store;
  gint64     ada;
  gint64     alan_turing;     /* another candidate */
  gint64     grace;
  gint64     engine;          /* Ada's evidence */
  gint64     bombe;           /* Alan's evidence */
} StoreFixture;

static gint64
add_evidence (RungStore  *store,
              gint64      candidate_id,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  RungEvidenceRecord record = { .candidate_id = candidate_id, .expectation_id = (char *)"impact-1",
                                .title = (char *)title, .text = (char *)"Text" };
  gint64 id = rung_store_add_evidence (store, "tester", &record, &error);

  g_assert_no_error (error);
  return id;
}

static void
store_set_up (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidateRecord ada = { .name = (char *)"Ada Lovelace", .target_level = (char *)"L6" };
  RungCandidateRecord alan = { .name = (char *)"Alan Turing", .target_level = (char *)"L6" };

  fixture->dir = g_dir_make_tmp ("rung-citations-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "panel.rung", NULL);
  fixture->store = store_fixture_create (fixture->path);
  fixture->ada = rung_store_add_candidate (fixture->store, "tester", &ada, &error);
  g_assert_no_error (error);
  fixture->alan_turing = rung_store_add_candidate (fixture->store, "tester", &alan, &error);
  g_assert_no_error (error);
  fixture->grace = rung_store_add_panelist (fixture->store, "tester", "Grace Hopper", "Chair", &error);
  g_assert_no_error (error);
  g_assert_true (rung_store_set_rating (fixture->store, "tester", fixture->grace, fixture->ada,
                                        "impact", 3, "", &error));
  g_assert_no_error (error);
  fixture->engine = add_evidence (fixture->store, fixture->ada, "Analytical Engine notes");
  fixture->bombe = add_evidence (fixture->store, fixture->alan_turing, "The Bombe");
}

static void
store_tear_down (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_clear_pointer (&fixture->store, rung_store_close);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
record_citing (StoreFixture             *fixture,
               const char               *reason,
               const RungCitationRecord *citations,
               guint                     n,
               GError                  **error)
{
  RungDecisionRecord record = { .candidate_id = fixture->ada, .outcome_id = (char *)"promote",
                                .votes_for = 1, .rationale = (char *)"Strong evidence",
                                .reason = (char *)reason };

  return rung_store_record_decision_with_citations (fixture->store, "Grace", &record, citations, n, error);
}

static guint
count_rows (RungStore  *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (_rung_store_get_database (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static void
test_store_written_with_decision (StoreFixture  *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  RungCitationRecord cites[] = {
    { .kind = RUNG_CITATION_RATING, .panelist_id = fixture->grace, .area_id = (char *)"impact",
      .label = (char *)"Grace Hopper: Impact — Meets" },
    { .kind = RUNG_CITATION_EVIDENCE, .evidence_id = fixture->engine,
      .label = (char *)"  Analytical Engine notes (Impact) " },
  };
  RungCitationRecord *first;
  RungDecisionRecord *decision;
  RungAuditRecord *row = NULL;
  gint64 id, second;

  id = record_citing (fixture, NULL, cites, G_N_ELEMENTS (cites), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  listed = rung_store_list_citations (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  first = g_ptr_array_index (listed, 0);
  g_assert_cmpint (first->kind, ==, RUNG_CITATION_RATING);
  g_assert_cmpint (first->decision_id, ==, id);
  g_assert_cmpint (first->position, ==, 0);
  g_assert_cmpint (first->panelist_id, ==, fixture->grace);
  g_assert_cmpstr (first->area_id, ==, "impact");
  g_assert_cmpstr (first->label, ==, "Grace Hopper: Impact — Meets");
  g_assert_cmpint (((RungCitationRecord *)g_ptr_array_index (listed, 1))->kind, ==, RUNG_CITATION_EVIDENCE);
  g_assert_cmpint (((RungCitationRecord *)g_ptr_array_index (listed, 1))->evidence_id, ==, fixture->engine);
  g_assert_cmpstr (((RungCitationRecord *)g_ptr_array_index (listed, 1))->label, ==, "Analytical Engine notes (Impact)");

  /* A second revision that cites nothing; each decision keeps its own. */
  second = record_citing (fixture, "Changed our minds", NULL, 0, &error);
  g_assert_no_error (error);
  decisions = rung_store_list_decisions (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 2);
  decision = g_ptr_array_index (decisions, 0);
  g_assert_cmpuint (decision->citations->len, ==, 2);
  g_assert_cmpstr (((RungCitationRecord *)g_ptr_array_index (decision->citations, 1))->label, ==,
                   "Analytical Engine notes (Impact)");
  decision = g_ptr_array_index (decisions, 1);
  g_assert_cmpint (decision->id, ==, second);
  g_assert_nonnull (decision->citations);
  g_assert_cmpuint (decision->citations->len, ==, 0);

  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = rung_store_list_candidate_citations (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);

  /* The decision's audit row lists what it cites. */
  audit = rung_store_list_audit (fixture->store, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len && row == NULL; i++)
    {
      RungAuditRecord *item = g_ptr_array_index (audit, i);

      if (g_strcmp0 (item->entity, "decision") == 0 && item->entity_id == id)
        row = item;
    }
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (row->after, "\"citations\":[{\"kind\":\"rating\""));
  g_assert_nonnull (strstr (row->after, "\"label\":\"Analytical Engine notes (Impact)\""));
}

static void
test_store_all_or_nothing (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  RungCitationRecord someone_elses[] = {
    { .kind = RUNG_CITATION_EVIDENCE, .evidence_id = fixture->engine, .label = (char *)"Engine" },
    { .kind = RUNG_CITATION_EVIDENCE, .evidence_id = fixture->bombe, .label = (char *)"The Bombe" },
  };
  RungCitationRecord no_rating[] = {
    { .kind = RUNG_CITATION_RATING, .panelist_id = fixture->grace, .area_id = (char *)"growth",
      .label = (char *)"Grace Hopper: Growth — Meets" },
  };
  RungCitationRecord no_label[] = {
    { .kind = RUNG_CITATION_EVIDENCE, .evidence_id = fixture->engine, .label = (char *)" " },
  };
  guint audit_rows = count_rows (fixture->store, "SELECT count (*) FROM audit");

  g_assert_cmpint (record_citing (fixture, NULL, someone_elses, 2, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "A decision can cite only the candidate’s own evidence.");
  g_clear_error (&error);

  g_assert_cmpint (record_citing (fixture, NULL, no_rating, 1, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  g_assert_cmpint (record_citing (fixture, NULL, no_label, 1, &error), ==, 0);
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  /* Nothing of the refused decisions was written: no decision, no
   * citation, no audit row, and the candidate is not marked decided. */
  decisions = rung_store_list_decisions (fixture->store, fixture->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 0);
  g_assert_cmpuint (count_rows (fixture->store, "SELECT count (*) FROM citations"), ==, 0);
  g_assert_cmpuint (count_rows (fixture->store, "SELECT count (*) FROM audit"), ==, audit_rows);
  g_assert_cmpuint (count_rows (fixture->store, "SELECT count (*) FROM candidates WHERE status = 'decided'"), ==, 0);
}

/* The primary result code: the store turns on extended ones. */
static int
raw_sql (sqlite3    *db,
         const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) & 0xff;
}

static void
test_store_triggers_refuse_changes (StoreFixture  *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCitationRecord cites[] = {
    { .kind = RUNG_CITATION_EVIDENCE, .evidence_id = fixture->engine, .label = (char *)"Engine (Impact)" },
  };
  sqlite3 *db = _rung_store_get_database (fixture->store);
  g_autofree char *older_insert = NULL;
  g_autofree char *latest_insert = NULL;
  gint64 first, second;

  first = record_citing (fixture, NULL, cites, 1, &error);
  g_assert_no_error (error);
  second = record_citing (fixture, "New evidence", cites, 1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (raw_sql (db, "UPDATE citations SET label = 'Something else'"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_sql (db, "DELETE FROM citations"), ==, SQLITE_CONSTRAINT);
  latest_insert = g_strdup_printf ("INSERT OR REPLACE INTO citations (decision_id, position, kind, evidence_id, label)"
                                   " VALUES (%" G_GINT64_FORMAT ", 0, 'evidence', %" G_GINT64_FORMAT ", 'Replaced')",
                                   second, fixture->engine);
  g_assert_cmpint (raw_sql (db, latest_insert), ==, SQLITE_CONSTRAINT);
  older_insert = g_strdup_printf ("INSERT INTO citations (decision_id, position, kind, evidence_id, label)"
                                  " VALUES (%" G_GINT64_FORMAT ", 1, 'evidence', %" G_GINT64_FORMAT ", 'Late')",
                                  first, fixture->engine);
  g_assert_cmpint (raw_sql (db, older_insert), ==, SQLITE_CONSTRAINT);

  g_assert_cmpuint (count_rows (fixture->store, "SELECT count (*) FROM citations"), ==, 2);
  g_assert_cmpuint (count_rows (fixture->store, "SELECT count (*) FROM citations WHERE label = 'Engine (Impact)'"), ==, 2);

  /* Removing the cited evidence leaves the citation as it was. */
  g_assert_true (rung_store_delete_evidence (fixture->store, "tester", fixture->engine, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture->store, "SELECT count (*) FROM citations WHERE label = 'Engine (Impact)'"), ==, 2);
}

/* The model */

typedef struct
{
  char          *dir;
  char          *path;
  RungLadder    *ladder;
  RungPanel     *panel;
  RungCandidate *ada;
  RungCandidate *alan;
  RungPanelist  *grace;
  RungEvidence  *engine;
  RungEvidence  *notes;
  RungEvidence  *bombe;
} ModelFixture;

static const char *
first_expectation (ModelFixture *fixture,
                   const char   *area_id)
{
  RungLevel *level = rung_ladder_find_level (fixture->ladder, "L6");
  RungArea *area = rung_level_find_area (level, area_id);
  g_autoptr(RungExpectation) first = g_list_model_get_item (rung_area_get_expectations (area), 0);

  return rung_expectation_get_id (first);
}

static void
model_set_up (ModelFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rung-citations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->ladder = rung_ladder_new_bundled ();
  fixture->panel = rung_panel_create (fixture->path, "H2 2026", "Committee", "H2 2026", fixture->ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");
  fixture->ada = rung_panel_add_candidate (fixture->panel, "Ada Lovelace", "L5", "L6", "Charles Babbage",
                                           "Engines", &error);
  g_assert_no_error (error);
  fixture->alan = rung_panel_add_candidate (fixture->panel, "Alan Turing", "L5", "L6", NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->grace = rung_panel_add_panelist (fixture->panel, "Grace Hopper", "Chair", &error);
  g_assert_no_error (error);
  fixture->engine = rung_candidate_add_evidence (fixture->ada, first_expectation (fixture, "impact"),
                                                 "Ada's engine design", "Text", NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->notes = rung_candidate_add_evidence (fixture->ada, first_expectation (fixture, "communication"),
                                                "Notes on the engine", "Text", NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->bombe = rung_candidate_add_evidence (fixture->alan, first_expectation (fixture, "impact"),
                                                "The Bombe", "Text", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rung_panel_set_rating (fixture->panel, fixture->grace, fixture->ada, "impact", 3, "", &error));
  g_assert_no_error (error);
}

static void
model_tear_down (ModelFixture  *fixture,
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

static RungDecision *
decide_citing (ModelFixture  *fixture,
               RungCandidate *candidate,
               const char    *reason,
               GPtrArray     *cited,
               GError       **error)
{
  return rung_panel_record_decision_citing (fixture->panel, candidate, "promote", 1, 0, 0,
                                            "Strong throughout.", reason, cited, error);
}

static RungCitation *
citation_at (RungDecision *decision,
             guint         position)
{
  g_autoptr(RungCitation) citation = g_list_model_get_item (rung_decision_get_citations (decision), position);

  g_assert_nonnull (citation);
  return citation;
}

static void
test_model_labels (ModelFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  RungRating *rating = rung_candidate_find_rating (fixture->ada, fixture->grace, "impact");
  RungDecision *decision;
  RungCitation *citation;
  RungPanel *panel;
  RungCandidate *ada;

  g_ptr_array_add (cited, fixture->engine);
  g_ptr_array_add (cited, rating);
  g_ptr_array_add (cited, fixture->engine);   /* cited twice, kept once */
  decision = decide_citing (fixture, fixture->ada, NULL, cited, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decision);

  g_assert_cmpuint (rung_decision_get_n_citations (decision), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rung_decision_get_citations (decision)), ==, 2);
  citation = citation_at (decision, 0);
  g_assert_cmpint (rung_citation_get_kind (citation), ==, RUNG_CITATION_EVIDENCE);
  g_assert_cmpint (rung_citation_get_evidence_id (citation), ==, rung_evidence_get_id (fixture->engine));
  g_assert_cmpstr (rung_citation_get_label (citation), ==, "Ada's engine design (Impact)");
  g_assert_true (rung_citation_is_present (citation, fixture->ada));
  citation = citation_at (decision, 1);
  g_assert_cmpint (rung_citation_get_kind (citation), ==, RUNG_CITATION_RATING);
  g_assert_cmpint (rung_citation_get_panelist_id (citation), ==, rung_panelist_get_id (fixture->grace));
  g_assert_cmpstr (rung_citation_get_area_id (citation), ==, "impact");
  g_assert_cmpstr (rung_citation_get_label (citation), ==, "Grace Hopper: Impact — Meets");

  /* Labels stay as recorded when the evidence and the panelist change. */
  g_assert_true (rung_evidence_update (fixture->engine, "Renamed", "Text", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rung_panel_rename_panelist (fixture->panel, fixture->grace, "Grace B. Hopper", NULL, &error));
  g_assert_no_error (error);
  panel = g_object_ref (fixture->panel);
  rung_panel_close (panel);
  g_clear_object (&fixture->panel);
  g_object_unref (panel);
  fixture->panel = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ada = rung_panel_find_candidate_by_name (fixture->panel, "Ada Lovelace");
  decision = rung_candidate_get_latest_decision (ada);
  g_assert_cmpuint (rung_decision_get_n_citations (decision), ==, 2);
  g_assert_cmpstr (rung_citation_get_label (citation_at (decision, 0)), ==, "Ada's engine design (Impact)");
  g_assert_cmpstr (rung_citation_get_label (citation_at (decision, 1)), ==, "Grace Hopper: Impact — Meets");
}

static void
test_model_refuses_foreign (ModelFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  g_autoptr(RungRating) gone = NULL;

  g_ptr_array_add (cited, fixture->notes);
  g_ptr_array_add (cited, fixture->bombe);
  g_assert_null (decide_citing (fixture, fixture->ada, NULL, cited, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "The decision on Ada Lovelace can cite only their own evidence.");
  g_clear_error (&error);

  /* A rating cleared since it was shown. */
  gone = g_object_ref (rung_candidate_find_rating (fixture->ada, fixture->grace, "impact"));
  g_assert_true (rung_panel_clear_rating (fixture->panel, fixture->grace, fixture->ada, "impact", &error));
  g_ptr_array_set_size (cited, 0);
  g_ptr_array_add (cited, gone);
  g_assert_null (decide_citing (fixture, fixture->ada, NULL, cited, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "The decision on Ada Lovelace can cite only a rating they have.");
  g_clear_error (&error);

  /* An evidence item removed since it was shown. */
  g_object_ref (fixture->notes);
  g_assert_true (rung_candidate_remove_evidence (fixture->ada, fixture->notes, &error));
  g_ptr_array_set_size (cited, 0);
  g_ptr_array_add (cited, fixture->notes);
  g_assert_null (decide_citing (fixture, fixture->ada, NULL, cited, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_object_unref (fixture->notes);

  g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_decisions (fixture->ada)), ==, 0);
  g_assert_cmpint (rung_candidate_get_status (fixture->ada), !=, RUNG_CANDIDATE_STATUS_DECIDED);
}

static void
test_model_cites_nothing (ModelFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungDecision *decision;

  /* The old call still works, and the decision cites nothing. */
  decision = rung_panel_record_decision (fixture->panel, fixture->ada, "promote", 1, 0, 0, "Fine.", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rung_decision_get_n_citations (decision), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rung_decision_get_citations (decision)), ==, 0);
}

static void
test_model_since_removed (ModelFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  g_autofree char *shown = NULL;
  g_autofree char *after = NULL;
  RungDecision *decision;
  RungCitation *citation;

  g_ptr_array_add (cited, fixture->notes);
  decision = decide_citing (fixture, fixture->ada, NULL, cited, &error);
  g_assert_no_error (error);
  citation = citation_at (decision, 0);
  shown = rung_citation_dup_display_label (citation, fixture->ada);
  g_assert_cmpstr (shown, ==, "Notes on the engine (Communication)");

  g_assert_true (rung_candidate_remove_evidence (fixture->ada, fixture->notes, &error));
  g_assert_no_error (error);
  g_assert_false (rung_citation_is_present (citation, fixture->ada));
  after = rung_citation_dup_display_label (citation, fixture->ada);
  g_assert_cmpstr (after, ==, "Notes on the engine (Communication) (since removed)");
  g_assert_cmpstr (rung_citation_get_label (citation), ==, "Notes on the engine (Communication)");
}

static void
test_model_blind (ModelFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  g_autofree char *shown = NULL;
  g_autofree char *open = NULL;
  RungMeeting *meeting;
  RungDecision *decision;

  meeting = rung_panel_start_meeting (fixture->panel, "Meeting", 10, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  g_assert_true (rung_panel_get_blind (fixture->panel));

  g_ptr_array_add (cited, fixture->engine);
  decision = decide_citing (fixture, fixture->ada, NULL, cited, &error);
  g_assert_no_error (error);

  /* The label keeps the title as it was; what the room sees has no name. */
  g_assert_cmpstr (rung_citation_get_label (citation_at (decision, 0)), ==, "Ada's engine design (Impact)");
  shown = rung_citation_dup_display_label (citation_at (decision, 0), fixture->ada);
  g_assert_null (strstr (shown, "Ada"));
  g_assert_nonnull (strstr (shown, "engine design (Impact)"));

  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);
  g_assert_false (rung_panel_get_blind (fixture->panel));
  open = rung_citation_dup_display_label (citation_at (decision, 0), fixture->ada);
  g_assert_cmpstr (open, ==, "Ada's engine design (Impact)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_STORE(path, func) \
  g_test_add ("/rung/store/citations/" path, StoreFixture, NULL, store_set_up, func, store_tear_down)
#define ADD_MODEL(path, func) \
  g_test_add ("/rung/model/citations/" path, ModelFixture, NULL, model_set_up, func, model_tear_down)

  ADD_STORE ("written-with-decision", test_store_written_with_decision);
  ADD_STORE ("all-or-nothing", test_store_all_or_nothing);
  ADD_STORE ("triggers-refuse-changes", test_store_triggers_refuse_changes);
  ADD_MODEL ("labels-stay-as-recorded", test_model_labels);
  ADD_MODEL ("refuses-what-is-not-the-candidates", test_model_refuses_foreign);
  ADD_MODEL ("cites-nothing", test_model_cites_nothing);
  ADD_MODEL ("since-removed", test_model_since_removed);
  ADD_MODEL ("blind-hides-the-name", test_model_blind);

  return g_test_run ();
}

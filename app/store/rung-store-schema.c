/* rung-store-schema.c: the schema of the panel file and its migrations.
 *
 * A new file gets the first schema and then every migration in turn, so that
 * a new file and a migrated old one are built by the same steps. Add a
 * version by appending a migration; never change one that has shipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-store"

#include "config.h"

#include "rung-store-private.h"

#define NOW "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))"

/* Version 1: the tables, the append-only decisions and the conflict rule. */
static const char schema_v1[] =
  "CREATE TABLE panel ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL,"
  "  committee TEXT,"
  "  cycle_name TEXT,"
  "  cycle_start TEXT,"
  "  cycle_end TEXT,"
  "  ladder_xml BLOB NOT NULL,"
  "  ladder_sha256 TEXT NOT NULL,"
  "  created_at TEXT NOT NULL DEFAULT " NOW ");"

  "CREATE TABLE candidates ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  current_level TEXT,"
  "  target_level TEXT NOT NULL,"
  "  manager TEXT,"
  "  team TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft', 'ready', 'in-review', 'decided')),"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ");"

  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  expectation_id TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL DEFAULT '',"
  "  link TEXT,"
  "  date TEXT,"
  "  author TEXT,"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ");"
  "CREATE INDEX evidence_by_candidate ON evidence (candidate_id, expectation_id, position);"

  "CREATE TABLE panelists ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  role TEXT);"

  "CREATE TABLE conflicts ("
  "  panelist_id INTEGER NOT NULL REFERENCES panelists (id) ON DELETE CASCADE,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  reason TEXT,"
  "  PRIMARY KEY (panelist_id, candidate_id));"

  "CREATE TABLE ratings ("
  "  panelist_id INTEGER NOT NULL REFERENCES panelists (id) ON DELETE CASCADE,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  area_id TEXT NOT NULL,"
  "  value INTEGER NOT NULL,"
  "  comment TEXT NOT NULL DEFAULT '',"
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  PRIMARY KEY (panelist_id, candidate_id, area_id));"
  "CREATE INDEX ratings_by_candidate ON ratings (candidate_id);"

  "CREATE TABLE concerns ("
  "  panelist_id INTEGER NOT NULL REFERENCES panelists (id) ON DELETE CASCADE,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  anti_pattern_id TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  PRIMARY KEY (panelist_id, candidate_id, anti_pattern_id));"
  "CREATE INDEX concerns_by_candidate ON concerns (candidate_id);"

  "CREATE TABLE decisions ("
  "  id INTEGER PRIMARY KEY,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id),"
  "  revision INTEGER NOT NULL CHECK (revision >= 1),"
  "  outcome_id TEXT NOT NULL,"
  "  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),"
  "  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),"
  "  votes_abstain INTEGER NOT NULL CHECK (votes_abstain >= 0),"
  "  rationale TEXT NOT NULL CHECK (length(trim(rationale)) > 0),"
  "  recorded_by TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL DEFAULT " NOW ","
  "  reason TEXT,"
  "  UNIQUE (candidate_id, revision),"
  "  CHECK (revision = 1 OR length(trim(coalesce(reason, ''))) > 0));"

  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT " NOW ","
  "  who TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER,"
  "  before TEXT,"
  "  after TEXT);"

  /* A decision is never changed or removed: a change is a new revision. */
  "CREATE TRIGGER decisions_never_change BEFORE UPDATE ON decisions"
  " BEGIN SELECT RAISE (ABORT, 'append-only'); END;"
  "CREATE TRIGGER decisions_never_go BEFORE DELETE ON decisions"
  " BEGIN SELECT RAISE (ABORT, 'append-only'); END;"

  /* A conflicted panelist neither rates nor raises concerns. */
  "CREATE TRIGGER ratings_respect_conflicts BEFORE INSERT ON ratings"
  " WHEN EXISTS (SELECT 1 FROM conflicts"
  "              WHERE panelist_id = NEW.panelist_id AND candidate_id = NEW.candidate_id)"
  " BEGIN SELECT RAISE (ABORT, 'conflict'); END;"
  "CREATE TRIGGER ratings_respect_conflicts_on_update BEFORE UPDATE ON ratings"
  " WHEN EXISTS (SELECT 1 FROM conflicts"
  "              WHERE panelist_id = NEW.panelist_id AND candidate_id = NEW.candidate_id)"
  " BEGIN SELECT RAISE (ABORT, 'conflict'); END;"
  "CREATE TRIGGER concerns_respect_conflicts BEFORE INSERT ON concerns"
  " WHEN EXISTS (SELECT 1 FROM conflicts"
  "              WHERE panelist_id = NEW.panelist_id AND candidate_id = NEW.candidate_id)"
  " BEGIN SELECT RAISE (ABORT, 'conflict'); END;"
  "CREATE TRIGGER concerns_respect_conflicts_on_update BEFORE UPDATE ON concerns"
  " WHEN EXISTS (SELECT 1 FROM conflicts"
  "              WHERE panelist_id = NEW.panelist_id AND candidate_id = NEW.candidate_id)"
  " BEGIN SELECT RAISE (ABORT, 'conflict'); END;";

/* Version 2: candidates are deleted softly, so a deletion can be undone, and
 * a full-text index over candidates and evidence is kept by triggers. And
 * INSERT OR REPLACE, which deletes without firing delete triggers, cannot
 * replace a decision either. */
static const char migration_to_v2[] =
  "ALTER TABLE candidates ADD COLUMN deleted_at TEXT;"

  "CREATE TRIGGER decisions_never_replaced BEFORE INSERT ON decisions"
  " WHEN EXISTS (SELECT 1 FROM decisions"
  "              WHERE id = NEW.id"
  "                 OR (candidate_id = NEW.candidate_id AND revision = NEW.revision))"
  " BEGIN SELECT RAISE (ABORT, 'append-only'); END;"

  "CREATE VIRTUAL TABLE candidates_fts USING fts5 ("
  "  name, manager, team, summary,"
  "  content = 'candidates', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER candidates_fts_insert AFTER INSERT ON candidates BEGIN"
  "  INSERT INTO candidates_fts (rowid, name, manager, team, summary)"
  "  VALUES (NEW.id, NEW.name, NEW.manager, NEW.team, NEW.summary);"
  " END;"
  "CREATE TRIGGER candidates_fts_delete AFTER DELETE ON candidates BEGIN"
  "  INSERT INTO candidates_fts (candidates_fts, rowid, name, manager, team, summary)"
  "  VALUES ('delete', OLD.id, OLD.name, OLD.manager, OLD.team, OLD.summary);"
  " END;"
  "CREATE TRIGGER candidates_fts_update AFTER UPDATE OF name, manager, team, summary ON candidates BEGIN"
  "  INSERT INTO candidates_fts (candidates_fts, rowid, name, manager, team, summary)"
  "  VALUES ('delete', OLD.id, OLD.name, OLD.manager, OLD.team, OLD.summary);"
  "  INSERT INTO candidates_fts (rowid, name, manager, team, summary)"
  "  VALUES (NEW.id, NEW.name, NEW.manager, NEW.team, NEW.summary);"
  " END;"

  "CREATE VIRTUAL TABLE evidence_fts USING fts5 ("
  "  title, text,"
  "  content = 'evidence', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN"
  "  INSERT INTO evidence_fts (rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);"
  " END;"
  "CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN"
  "  INSERT INTO evidence_fts (evidence_fts, rowid, title, text)"
  "  VALUES ('delete', OLD.id, OLD.title, OLD.text);"
  " END;"
  "CREATE TRIGGER evidence_fts_update AFTER UPDATE OF title, text ON evidence BEGIN"
  "  INSERT INTO evidence_fts (evidence_fts, rowid, title, text)"
  "  VALUES ('delete', OLD.id, OLD.title, OLD.text);"
  "  INSERT INTO evidence_fts (rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);"
  " END;"

  "INSERT INTO candidates_fts (candidates_fts) VALUES ('rebuild');"
  "INSERT INTO evidence_fts (evidence_fts) VALUES ('rebuild');";

/* Version 3: which candidate an evidence item belongs to, in an index small
 * enough that the search finds the owners of thousands of matching items
 * without reading the items themselves. */
static const char migration_to_v3[] =
  "CREATE INDEX evidence_owner ON evidence (id, candidate_id);";

/* Version 4: meetings. A meeting has an agenda (the order the candidates
 * are discussed in, what is under discussion now, and how long each
 * discussion took) and its attendees. One meeting is open at a time, and an
 * ended meeting is the record the minutes are made from: triggers refuse any
 * change to it, its agenda or its attendees, even from SQL on the file. */
static const char migration_to_v4[] =
  "CREATE TABLE meetings ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  minutes_per_candidate INTEGER NOT NULL DEFAULT 10"
  "    CHECK (minutes_per_candidate BETWEEN 1 AND 240),"
  "  blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),"
  "  started_at TEXT NOT NULL DEFAULT " NOW ","
  "  ended_at TEXT);"
  "CREATE UNIQUE INDEX meetings_one_open ON meetings ((ended_at IS NULL)) WHERE ended_at IS NULL;"

  "CREATE TABLE agenda ("
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'now', 'decided')),"
  "  seconds_spent INTEGER NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0),"
  "  PRIMARY KEY (meeting_id, candidate_id),"
  "  UNIQUE (meeting_id, position));"
  "CREATE UNIQUE INDEX agenda_one_now ON agenda (meeting_id) WHERE state = 'now';"
  "CREATE INDEX agenda_by_candidate ON agenda (candidate_id);"

  /* The name is kept as it was on the day, for the minutes. */
  "CREATE TABLE attendees ("
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  panelist_id INTEGER NOT NULL REFERENCES panelists (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  PRIMARY KEY (meeting_id, panelist_id));"
  "CREATE INDEX attendees_by_panelist ON attendees (panelist_id);"

  "CREATE TRIGGER meetings_ended_never_change BEFORE UPDATE ON meetings"
  " WHEN OLD.ended_at IS NOT NULL"
  " BEGIN SELECT RAISE (ABORT, 'meeting-ended'); END;"
  "CREATE TRIGGER meetings_ended_never_go BEFORE DELETE ON meetings"
  " WHEN OLD.ended_at IS NOT NULL"
  " BEGIN SELECT RAISE (ABORT, 'meeting-ended'); END;"
  /* INSERT OR REPLACE deletes without firing delete triggers. */
  "CREATE TRIGGER meetings_ended_never_replaced BEFORE INSERT ON meetings"
  " WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.id AND ended_at IS NOT NULL)"
  " BEGIN SELECT RAISE (ABORT, 'meeting-ended'); END;"

  "CREATE TRIGGER agenda_ended_no_insert BEFORE INSERT ON agenda"
  " WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting_id AND ended_at IS NOT NULL)"
  " BEGIN SELECT RAISE (ABORT, 'meeting-ended'); END;"
  "CREATE TRIGGER agenda_ended_no_update BEFORE UPDATE ON agenda"
  " WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting_id, NEW.meeting_id)"
  "                                         AND ended_at IS NOT NULL)"
  " BEGIN SELECT RAISE (ABORT, 'meeting-ended'); END;"
  "CREATE TRIGGER agenda_ended_no_delete BEFORE DELETE ON agenda"
  " WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id AND ended_at IS NOT NULL)"
  " BEGIN SELECT RAISE (ABORT, 'meeting-ended'); END;"

  "CREATE TRIGGER attendees_ended_no_insert BEFORE INSERT ON attendees"
  " WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting_id AND ended_at IS NOT NULL)"
  " BEGIN SELECT RAISE (ABORT, 'meeting-ended'); END;"
  "CREATE TRIGGER attendees_ended_no_update BEFORE UPDATE ON attendees"
  " WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting_id, NEW.meeting_id)"
  "                                         AND ended_at IS NOT NULL)"
  " BEGIN SELECT RAISE (ABORT, 'meeting-ended'); END;"
  "CREATE TRIGGER attendees_ended_no_delete BEFORE DELETE ON attendees"
  " WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id AND ended_at IS NOT NULL)"
  " BEGIN SELECT RAISE (ABORT, 'meeting-ended'); END;";

/* Version 5: blind mode's aliases are fixed when a meeting starts, so that
 * "Candidate C" stays Candidate C when the agenda is reordered. A meeting
 * started before has none, and its aliases follow the agenda's order. */
static const char migration_to_v5[] =
  "ALTER TABLE agenda ADD COLUMN alias INTEGER CHECK (alias >= 0);";

/* Version 6: fairer panels.
 *
 * A decision may cite evidence items and ratings. A citation keeps what it
 * cited as it read that day (the label), since evidence can be edited or
 * removed later and a decision never changes: citations are append-only
 * like decisions, and are written only with their decision, as the latest.
 * The ids name what was cited while it lasts; they are not foreign keys, so
 * that removing an item does not have to touch a decision's record.
 *
 * The panel's own list of subjective language: phrases it adds to Rung's
 * list, and phrases of Rung's list it hides.
 *
 * A candidate marked ready although an area has no evidence carries the
 * reason someone gave for overriding the coverage gate. */
static const char migration_to_v6[] =
  "CREATE TABLE citations ("
  "  decision_id INTEGER NOT NULL REFERENCES decisions (id),"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('evidence', 'rating')),"
  "  evidence_id INTEGER,"
  "  panelist_id INTEGER,"
  "  area_id TEXT,"
  "  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  PRIMARY KEY (decision_id, position),"
  "  CHECK (kind <> 'evidence' OR evidence_id IS NOT NULL),"
  "  CHECK (kind <> 'rating' OR (panelist_id IS NOT NULL AND area_id IS NOT NULL)));"
  "CREATE TRIGGER citations_never_change BEFORE UPDATE ON citations"
  " BEGIN SELECT RAISE (ABORT, 'append-only'); END;"
  "CREATE TRIGGER citations_never_go BEFORE DELETE ON citations"
  " BEGIN SELECT RAISE (ABORT, 'append-only'); END;"
  /* INSERT OR REPLACE deletes without firing delete triggers. */
  "CREATE TRIGGER citations_never_replaced BEFORE INSERT ON citations"
  " WHEN EXISTS (SELECT 1 FROM citations WHERE decision_id = NEW.decision_id"
  "                                        AND position = NEW.position)"
  " BEGIN SELECT RAISE (ABORT, 'append-only'); END;"
  "CREATE TRIGGER citations_only_with_their_decision BEFORE INSERT ON citations"
  " WHEN NEW.decision_id IS NOT (SELECT max (id) FROM decisions)"
  " BEGIN SELECT RAISE (ABORT, 'append-only'); END;"

  "CREATE TABLE language_terms ("
  "  phrase TEXT NOT NULL PRIMARY KEY COLLATE NOCASE CHECK (length(trim(phrase)) > 0),"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)));"

  "ALTER TABLE candidates ADD COLUMN coverage_override TEXT;";

/* migrations[i] takes a file from version i + 1 to version i + 2. */
static const char * const migrations[] = {
  migration_to_v2,
  migration_to_v3,
  migration_to_v4,
  migration_to_v5,
  migration_to_v6,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) + 1 == RUNG_STORE_SCHEMA_VERSION);

const char *
_rung_store_schema_v1 (void)
{
  return schema_v1;
}

/**
 * _rung_store_migration:
 * @from_version: the version a file has
 *
 * Returns: (nullable): the SQL that takes it one version further
 */
const char *
_rung_store_migration (int from_version)
{
  if (from_version < 1 || from_version >= RUNG_STORE_SCHEMA_VERSION)
    return NULL;

  return migrations[from_version - 1];
}

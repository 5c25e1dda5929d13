-- A panel file as Rung's schema version 1 wrote it, frozen: the store's tests
-- build a file from this script and check that opening it migrates it to the
-- current version with everything intact. Never edit the schema part.
-- The ladder snapshot is tests/data/ladders/good/minimal.xml, byte for byte.

CREATE TABLE panel (  id INTEGER PRIMARY KEY CHECK (id = 1),  name TEXT NOT NULL,  committee TEXT,  cycle_name TEXT,  cycle_start TEXT,  cycle_end TEXT,  ladder_xml BLOB NOT NULL,  ladder_sha256 TEXT NOT NULL,  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE TABLE candidates (  id INTEGER PRIMARY KEY,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  current_level TEXT,  target_level TEXT NOT NULL,  manager TEXT,  team TEXT,  status TEXT NOT NULL DEFAULT 'draft'    CHECK (status IN ('draft', 'ready', 'in-review', 'decided')),  summary TEXT NOT NULL DEFAULT '',  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE TABLE evidence (  id INTEGER PRIMARY KEY,  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,  expectation_id TEXT NOT NULL,  position INTEGER NOT NULL,  title TEXT NOT NULL DEFAULT '',  text TEXT NOT NULL DEFAULT '',  link TEXT,  date TEXT,  author TEXT,  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE INDEX evidence_by_candidate ON evidence (candidate_id, expectation_id, position);
CREATE TABLE panelists (  id INTEGER PRIMARY KEY,  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),  role TEXT);
CREATE TABLE conflicts (  panelist_id INTEGER NOT NULL REFERENCES panelists (id) ON DELETE CASCADE,  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,  reason TEXT,  PRIMARY KEY (panelist_id, candidate_id));
CREATE TABLE ratings (  panelist_id INTEGER NOT NULL REFERENCES panelists (id) ON DELETE CASCADE,  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,  area_id TEXT NOT NULL,  value INTEGER NOT NULL,  comment TEXT NOT NULL DEFAULT '',  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),  PRIMARY KEY (panelist_id, candidate_id, area_id));
CREATE INDEX ratings_by_candidate ON ratings (candidate_id);
CREATE TABLE concerns (  panelist_id INTEGER NOT NULL REFERENCES panelists (id) ON DELETE CASCADE,  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,  anti_pattern_id TEXT NOT NULL,  note TEXT NOT NULL DEFAULT '',  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),  PRIMARY KEY (panelist_id, candidate_id, anti_pattern_id));
CREATE INDEX concerns_by_candidate ON concerns (candidate_id);
CREATE TABLE decisions (  id INTEGER PRIMARY KEY,  candidate_id INTEGER NOT NULL REFERENCES candidates (id),  revision INTEGER NOT NULL CHECK (revision >= 1),  outcome_id TEXT NOT NULL,  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),  votes_abstain INTEGER NOT NULL CHECK (votes_abstain >= 0),  rationale TEXT NOT NULL CHECK (length(trim(rationale)) > 0),  recorded_by TEXT NOT NULL,  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),  reason TEXT,  UNIQUE (candidate_id, revision),  CHECK (revision = 1 OR length(trim(coalesce(reason, ''))) > 0));
CREATE TABLE audit (  id INTEGER PRIMARY KEY,  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),  who TEXT NOT NULL,  action TEXT NOT NULL,  entity TEXT NOT NULL,  entity_id INTEGER,  before TEXT,  after TEXT);
CREATE TRIGGER decisions_never_change BEFORE UPDATE ON decisions BEGIN SELECT RAISE (ABORT, 'append-only'); END;
CREATE TRIGGER decisions_never_go BEFORE DELETE ON decisions BEGIN SELECT RAISE (ABORT, 'append-only'); END;
CREATE TRIGGER ratings_respect_conflicts BEFORE INSERT ON ratings WHEN EXISTS (SELECT 1 FROM conflicts              WHERE panelist_id = NEW.panelist_id AND candidate_id = NEW.candidate_id) BEGIN SELECT RAISE (ABORT, 'conflict'); END;
CREATE TRIGGER ratings_respect_conflicts_on_update BEFORE UPDATE ON ratings WHEN EXISTS (SELECT 1 FROM conflicts              WHERE panelist_id = NEW.panelist_id AND candidate_id = NEW.candidate_id) BEGIN SELECT RAISE (ABORT, 'conflict'); END;
CREATE TRIGGER concerns_respect_conflicts BEFORE INSERT ON concerns WHEN EXISTS (SELECT 1 FROM conflicts              WHERE panelist_id = NEW.panelist_id AND candidate_id = NEW.candidate_id) BEGIN SELECT RAISE (ABORT, 'conflict'); END;
CREATE TRIGGER concerns_respect_conflicts_on_update BEFORE UPDATE ON concerns WHEN EXISTS (SELECT 1 FROM conflicts              WHERE panelist_id = NEW.panelist_id AND candidate_id = NEW.candidate_id) BEGIN SELECT RAISE (ABORT, 'conflict'); END;

INSERT INTO panel (id, name, committee, cycle_name, ladder_xml, ladder_sha256, created_at) VALUES
  (1, 'Spring 2025', 'Design committee', '2025 H1', '<?xml version="1.0" encoding="UTF-8"?>
<ladder xmlns="https://rung.dev/ns/ladder/1" id="minimal" version="0.1">
  <title>Minimal ladder</title>
  <level id="L1">
    <title>Level one</title>
    <summary>
      <p>The smallest ladder Rung accepts.</p>
    </summary>
    <area id="craft">
      <title>Craft</title>
      <expectation id="l1-craft-tests">
        <title>Writes tests</title>
        <text>Writes tests for the code they change.</text>
      </expectation>
    </area>
  </level>
</ladder>
', '2b2e60d7bc7e4a1a3ab259e8b194b6d2480254f69dbe15519047f9368af096c0', '2025-03-01T09:00:00.000Z');
INSERT INTO candidates (id, name, current_level, target_level, manager, team, status, summary, created_at, updated_at) VALUES
  (1, 'Rosalind Franklin', 'L0', 'L1', 'Maurice Wilkins', 'Imaging', 'decided', 'Photo 51 and the structure of DNA.', '2025-03-01T09:05:00.000Z', '2025-03-20T16:00:00.000Z'),
  (2, 'Barbara McClintock', 'L0', 'L1', 'Marcus Rhoades', 'Genetics', 'in-review', 'Transposable elements in maize.', '2025-03-01T09:06:00.000Z', '2025-03-02T10:00:00.000Z');
INSERT INTO evidence (id, candidate_id, expectation_id, position, title, text, link, date, author, created_at, updated_at) VALUES
  (1, 1, 'l1-craft-tests', 1, 'X-ray crystallography', 'Took the sharpest diffraction images of the day.', NULL, '1952-05-06', 'Maurice Wilkins', '2025-03-01T09:10:00.000Z', '2025-03-01T09:10:00.000Z'),
  (2, 2, 'l1-craft-tests', 1, 'Jumping genes', 'Showed that genes move within the genome, decades before anyone believed it.', 'https://example.com/maize', '1950-01-01', 'Marcus Rhoades', '2025-03-01T09:11:00.000Z', '2025-03-01T09:11:00.000Z');
INSERT INTO panelists (id, name, role) VALUES (1, 'Lise Meitner', 'Chair'), (2, 'Chien-Shiung Wu', NULL);
INSERT INTO conflicts (panelist_id, candidate_id, reason) VALUES (2, 2, 'Co-author');
INSERT INTO ratings (panelist_id, candidate_id, area_id, value, comment, updated_at) VALUES
  (1, 1, 'craft', 4, 'Exceptional', '2025-03-10T12:00:00.000Z'),
  (2, 1, 'craft', 3, '', '2025-03-10T12:05:00.000Z'),
  (1, 2, 'craft', 4, 'Ahead of her time', '2025-03-10T12:10:00.000Z');
INSERT INTO decisions (id, candidate_id, revision, outcome_id, votes_for, votes_against, votes_abstain, rationale, recorded_by, recorded_at, reason) VALUES
  (1, 1, 1, 'promote', 2, 0, 0, 'Evidence strong in every area.', 'Lise Meitner', '2025-03-20T16:00:00.000Z', NULL);
INSERT INTO audit (at, who, action, entity, entity_id, before, after) VALUES
  ('2025-03-01T09:00:00.000Z', 'lise', 'create', 'panel', NULL, NULL, NULL);

PRAGMA application_id = 1383427687;
PRAGMA user_version = 1;

/* rung-store.h: the panel file in SQLite: schema, migrations and queries.
 * Used by app/model alone; knows nothing of GObject types or the ladder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* PRAGMA application_id of every panel file: "Rung" in ASCII. */
#define RUNG_STORE_APPLICATION_ID 0x52756E67
/* PRAGMA user_version of the schema this build writes. */
#define RUNG_STORE_SCHEMA_VERSION 6

#define RUNG_STORE_ERROR (rung_store_error_quark ())

typedef enum
{
  RUNG_STORE_ERROR_NOT_FOUND,     /* no file at that path */
  RUNG_STORE_ERROR_EXISTS,        /* create: a file is already there */
  RUNG_STORE_ERROR_NOT_A_PANEL,   /* empty, random bytes, another program's SQLite file */
  RUNG_STORE_ERROR_CORRUPT,       /* a Rung panel, but damaged or truncated */
  RUNG_STORE_ERROR_TOO_NEW,       /* written by a newer Rung */
  RUNG_STORE_ERROR_READ_ONLY,     /* a write on a panel opened read-only */
  RUNG_STORE_ERROR_LOCKED,        /* another process holds the file */
  RUNG_STORE_ERROR_IO,            /* any other failure of the disk or of SQLite */
  RUNG_STORE_ERROR_RULE,          /* a rule of the model was broken (see each call) */
  RUNG_STORE_ERROR_NO_SUCH_ROW,   /* the id names nothing (or a deleted candidate) */
} RungStoreError;

typedef enum
{
  RUNG_CANDIDATE_STATUS_DRAFT,
  RUNG_CANDIDATE_STATUS_READY,
  RUNG_CANDIDATE_STATUS_IN_REVIEW,
  RUNG_CANDIDATE_STATUS_DECIDED,
} RungCandidateStatus;

/* Where a candidate is in a meeting's agenda. */
typedef enum
{
  RUNG_AGENDA_STATE_WAITING,
  RUNG_AGENDA_STATE_NOW,        /* under discussion; one per meeting at most */
  RUNG_AGENDA_STATE_DECIDED,
} RungAgendaState;

typedef enum
{
  RUNG_STORE_OPEN_DEFAULT   = 0,
  /* A file that cannot be written opens read-only instead of failing. */
  RUNG_STORE_OPEN_READ_ONLY_OK = 1 << 0,
} RungStoreOpenFlags;

/* What a decision's rationale cites. */
typedef enum
{
  RUNG_CITATION_EVIDENCE,
  RUNG_CITATION_RATING,
} RungCitationKind;

/* Times are ISO 8601 UTC strings with milliseconds: 2026-11-24T09:30:00.123Z */

typedef struct
{
  char *name;              /* the panel's name, shown as the window title */
  char *committee;
  char *cycle_name;
  char *cycle_start;       /* ISO 8601 date, or NULL */
  char *cycle_end;         /* ISO 8601 date, or NULL */
  char *created_at;        /* read only */
} RungPanelInfo;

typedef struct
{
  gint64               id;
  char                *name;
  char                *current_level;   /* a level id of the ladder, or NULL */
  char                *target_level;    /* a level id of the ladder */
  char                *manager;
  char                *team;
  RungCandidateStatus  status;
  char                *summary;
  char                *coverage_override; /* why they left draft with areas uncovered, or NULL */
  char                *created_at;
  char                *updated_at;
} RungCandidateRecord;

typedef struct
{
  gint64  id;
  gint64  candidate_id;
  char   *expectation_id;
  int     position;        /* order among the candidate's items for that expectation */
  char   *title;
  char   *text;
  char   *link;            /* or NULL */
  char   *date;            /* ISO 8601 date, or NULL */
  char   *author;
  char   *created_at;
  char   *updated_at;
} RungEvidenceRecord;

typedef struct
{
  gint64  id;
  char   *name;
  char   *role;            /* or NULL: "Chair", "Member", … */
} RungPanelistRecord;

typedef struct
{
  gint64  panelist_id;
  gint64  candidate_id;
  char   *reason;          /* or NULL */
} RungConflictRecord;

typedef struct
{
  gint64  panelist_id;
  gint64  candidate_id;
  char   *area_id;
  int     value;           /* a grade value of the ladder's scale */
  char   *comment;         /* never NULL; "" when none */
  char   *updated_at;
} RungRatingRecord;

typedef struct
{
  gint64  panelist_id;
  gint64  candidate_id;
  char   *anti_pattern_id;
  char   *note;            /* never NULL */
  char   *updated_at;
} RungConcernRecord;

typedef struct
{
  gint64  id;
  gint64  candidate_id;
  int     revision;        /* 1, 2, … per candidate */
  char   *outcome_id;
  int     votes_for;
  int     votes_against;
  int     votes_abstain;
  char   *rationale;
  char   *recorded_by;
  char   *recorded_at;
  char   *reason;          /* why this revision replaces the last; NULL for revision 1 */
  GPtrArray *citations;    /* of RungCitationRecord, in order; read only, never NULL once read */
} RungDecisionRecord;

/* One thing a decision cites. No reference to the evidence or panelist:
 * the label keeps what was cited as it read on the day, since evidence can
 * be edited or removed later and a decision never changes. */
typedef struct
{
  gint64            decision_id;     /* read only */
  int               position;        /* read only: 0, 1, … in the order cited */
  RungCitationKind  kind;
  gint64            evidence_id;     /* for RUNG_CITATION_EVIDENCE */
  gint64            panelist_id;     /* for RUNG_CITATION_RATING */
  char             *area_id;         /* for RUNG_CITATION_RATING */
  char             *label;           /* "Ledger v2 architecture (Responsibilities)" */
} RungCitationRecord;

typedef struct
{
  gint64    id;
  char     *title;
  int       minutes_per_candidate;   /* 1 to 240 */
  gboolean  blind;
  char     *started_at;
  char     *ended_at;                /* NULL while the meeting is open */
} RungMeetingRecord;

typedef struct
{
  gint64           meeting_id;
  gint64           candidate_id;
  int              position;         /* 0, 1, … among the agenda's live candidates */
  guint            alias;            /* blind mode's letter: 0 for A, 1 for B, … */
  RungAgendaState  state;
  gint64           seconds_spent;
} RungAgendaRecord;

typedef struct
{
  gint64  meeting_id;
  gint64  panelist_id;
  char   *name;                      /* the panelist's name when the list was set */
} RungAttendeeRecord;

typedef struct
{
  gint64  id;
  char   *at;
  char   *who;
  char   *action;          /* "add", "update", "delete", "restore", "record", … */
  char   *entity;          /* "candidate", "evidence", "rating", … */
  gint64  entity_id;       /* or 0 */
  char   *before;          /* JSON of the row before, or NULL */
  char   *after;           /* JSON of the row after, or NULL */
} RungAuditRecord;

/* A row of the panel's own changes to Rung's list of subjective language. */
typedef struct
{
  char     *phrase;
  char     *reason;        /* "" for a hidden phrase of Rung's list */
  gboolean  hidden;        /* TRUE: hides Rung's phrase; FALSE: the panel adds it */
} RungLanguageTermRecord;

/* Where an imported candidate came from, for the audit log. */
typedef struct
{
  const char *file;              /* the packet's name */
  const char *ladder_version;    /* of the ladder the packet was written against */
  const char *ladder_sha256;
  guint       n_left_out;        /* items that did not map to the panel's ladder */
} RungImportSource;

typedef struct _RungStore RungStore;

GQuark               rung_store_error_quark          (void);

const char          *rung_agenda_state_to_string     (RungAgendaState      state);
gboolean             rung_agenda_state_from_string   (const char          *text,
                                                      RungAgendaState     *state);

const char          *rung_citation_kind_to_string    (RungCitationKind     kind);
gboolean             rung_citation_kind_from_string  (const char          *text,
                                                      RungCitationKind    *kind);

const char          *rung_candidate_status_to_string (RungCandidateStatus  status);
gboolean             rung_candidate_status_from_string (const char        *text,
                                                        RungCandidateStatus *status);

void                 rung_panel_info_free            (RungPanelInfo       *info);
void                 rung_candidate_record_free      (RungCandidateRecord *record);
void                 rung_evidence_record_free       (RungEvidenceRecord  *record);
void                 rung_panelist_record_free       (RungPanelistRecord  *record);
void                 rung_conflict_record_free       (RungConflictRecord  *record);
void                 rung_rating_record_free         (RungRatingRecord    *record);
void                 rung_concern_record_free        (RungConcernRecord   *record);
void                 rung_decision_record_free       (RungDecisionRecord  *record);
void                 rung_citation_record_free       (RungCitationRecord  *record);
void                 rung_meeting_record_free        (RungMeetingRecord   *record);
void                 rung_agenda_record_free         (RungAgendaRecord    *record);
void                 rung_attendee_record_free       (RungAttendeeRecord  *record);
void                 rung_audit_record_free          (RungAuditRecord     *record);
void                 rung_language_term_record_free  (RungLanguageTermRecord *record);

/* Files */
RungStore           *rung_store_create               (const char          *path,
                                                      const RungPanelInfo *info,
                                                      GBytes              *ladder_xml,
                                                      const char          *ladder_sha256,
                                                      GError             **error);
RungStore           *rung_store_open                 (const char          *path,
                                                      RungStoreOpenFlags   flags,
                                                      GError             **error);
void                 rung_store_close                (RungStore           *self);
const char          *rung_store_get_path             (RungStore           *self);
gboolean             rung_store_is_read_only         (RungStore           *self);
int                  rung_store_get_opened_version   (RungStore           *self);
gboolean             rung_store_begin_snapshot       (RungStore           *self,
                                                      GError             **error);
void                 rung_store_end_snapshot         (RungStore           *self);

/* The panel */
RungPanelInfo       *rung_store_get_panel_info       (RungStore           *self,
                                                      GError             **error);
gboolean             rung_store_update_panel_info    (RungStore           *self,
                                                      const char          *who,
                                                      const RungPanelInfo *info,
                                                      GError             **error);
GBytes              *rung_store_get_ladder           (RungStore           *self,
                                                      char               **sha256,
                                                      GError             **error);

/* Candidates */
gint64               rung_store_add_candidate        (RungStore                 *self,
                                                      const char                *who,
                                                      const RungCandidateRecord *record,
                                                      GError                   **error);
gint64               rung_store_import_candidate     (RungStore                 *self,
                                                      const char                *who,
                                                      const RungCandidateRecord *record,
                                                      const RungEvidenceRecord  *items,
                                                      guint                      n_items,
                                                      gint64                     replaced_id,
                                                      const RungImportSource    *source,
                                                      GError                   **error);
gboolean             rung_store_update_candidate     (RungStore                 *self,
                                                      const char                *who,
                                                      const RungCandidateRecord *record,
                                                      GError                   **error);
gboolean             rung_store_delete_candidate     (RungStore           *self,
                                                      const char          *who,
                                                      gint64               candidate_id,
                                                      GError             **error);
gboolean             rung_store_restore_candidate    (RungStore           *self,
                                                      const char          *who,
                                                      gint64               candidate_id,
                                                      GError             **error);
RungCandidateRecord *rung_store_get_candidate        (RungStore           *self,
                                                      gint64               candidate_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_candidates      (RungStore           *self,
                                                      GError             **error);
GArray              *rung_store_search_candidates    (RungStore           *self,
                                                      const char          *query,
                                                      GError             **error);

/* Evidence */
gint64               rung_store_add_evidence         (RungStore                *self,
                                                      const char               *who,
                                                      const RungEvidenceRecord *record,
                                                      GError                  **error);
gboolean             rung_store_update_evidence      (RungStore                *self,
                                                      const char               *who,
                                                      const RungEvidenceRecord *record,
                                                      GError                  **error);
gboolean             rung_store_delete_evidence      (RungStore           *self,
                                                      const char          *who,
                                                      gint64               evidence_id,
                                                      GError             **error);
RungEvidenceRecord  *rung_store_get_evidence         (RungStore           *self,
                                                      gint64               evidence_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_evidence        (RungStore           *self,
                                                      gint64               candidate_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_covered         (RungStore           *self,
                                                      gint64               candidate_id,
                                                      GError             **error);

/* Panelists and conflicts */
gint64               rung_store_add_panelist         (RungStore           *self,
                                                      const char          *who,
                                                      const char          *name,
                                                      const char          *role,
                                                      GError             **error);
gboolean             rung_store_update_panelist      (RungStore                *self,
                                                      const char               *who,
                                                      const RungPanelistRecord *record,
                                                      GError                  **error);
gboolean             rung_store_delete_panelist      (RungStore           *self,
                                                      const char          *who,
                                                      gint64               panelist_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_panelists       (RungStore           *self,
                                                      GError             **error);
gboolean             rung_store_set_conflict         (RungStore           *self,
                                                      const char          *who,
                                                      gint64               panelist_id,
                                                      gint64               candidate_id,
                                                      const char          *reason,
                                                      GError             **error);
gboolean             rung_store_clear_conflict       (RungStore           *self,
                                                      const char          *who,
                                                      gint64               panelist_id,
                                                      gint64               candidate_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_conflicts       (RungStore           *self,
                                                      GError             **error);

/* Ratings and concerns */
gboolean             rung_store_set_rating           (RungStore           *self,
                                                      const char          *who,
                                                      gint64               panelist_id,
                                                      gint64               candidate_id,
                                                      const char          *area_id,
                                                      int                  value,
                                                      const char          *comment,
                                                      GError             **error);
gboolean             rung_store_clear_rating         (RungStore           *self,
                                                      const char          *who,
                                                      gint64               panelist_id,
                                                      gint64               candidate_id,
                                                      const char          *area_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_ratings         (RungStore           *self,
                                                      gint64               candidate_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_live_ratings    (RungStore           *self,
                                                      GError             **error);
gboolean             rung_store_set_concern          (RungStore           *self,
                                                      const char          *who,
                                                      gint64               panelist_id,
                                                      gint64               candidate_id,
                                                      const char          *anti_pattern_id,
                                                      const char          *note,
                                                      GError             **error);
gboolean             rung_store_clear_concern        (RungStore           *self,
                                                      const char          *who,
                                                      gint64               panelist_id,
                                                      gint64               candidate_id,
                                                      const char          *anti_pattern_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_concerns        (RungStore           *self,
                                                      gint64               candidate_id,
                                                      GError             **error);

/* Decisions: append-only */
gint64               rung_store_record_decision      (RungStore                *self,
                                                      const char               *who,
                                                      const RungDecisionRecord *record,
                                                      GError                  **error);
gint64               rung_store_record_decision_with_citations (RungStore                *self,
                                                                const char               *who,
                                                                const RungDecisionRecord *record,
                                                                const RungCitationRecord *citations,
                                                                guint                     n_citations,
                                                                GError                  **error);
GPtrArray           *rung_store_list_decisions       (RungStore           *self,
                                                      gint64               candidate_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_citations       (RungStore           *self,
                                                      gint64               decision_id,
                                                      GError             **error);
GPtrArray           *rung_store_list_candidate_citations (RungStore       *self,
                                                          gint64           candidate_id,
                                                          GError         **error);

/* Meetings: one open at a time; an ended one never changes */
gint64               rung_store_create_meeting       (RungStore           *self,
                                                      const char          *who,
                                                      const char          *title,
                                                      int                  minutes_per_candidate,
                                                      gboolean             blind,
                                                      const gint64        *candidate_ids,
                                                      const guint         *aliases,
                                                      guint                n_candidates,
                                                      GError             **error);
RungMeetingRecord   *rung_store_get_meeting          (RungStore           *self,
                                                      gint64               meeting_id,
                                                      GError             **error);
RungMeetingRecord   *rung_store_get_open_meeting     (RungStore           *self,
                                                      GError             **error);
GPtrArray           *rung_store_list_meetings        (RungStore           *self,
                                                      GError             **error);
GPtrArray           *rung_store_list_agenda          (RungStore           *self,
                                                      gint64               meeting_id,
                                                      GError             **error);
gboolean             rung_store_move_agenda_item     (RungStore           *self,
                                                      const char          *who,
                                                      gint64               meeting_id,
                                                      gint64               candidate_id,
                                                      guint                new_position,
                                                      GError             **error);
gboolean             rung_store_set_agenda_order     (RungStore           *self,
                                                      const char          *who,
                                                      gint64               meeting_id,
                                                      const gint64        *candidate_ids,
                                                      guint                n_candidates,
                                                      GError             **error);
gboolean             rung_store_set_agenda_current   (RungStore           *self,
                                                      const char          *who,
                                                      gint64               meeting_id,
                                                      gint64               candidate_id,
                                                      GError             **error);
gboolean             rung_store_mark_agenda_decided  (RungStore           *self,
                                                      const char          *who,
                                                      gint64               meeting_id,
                                                      gint64               candidate_id,
                                                      GError             **error);
gboolean             rung_store_add_agenda_time      (RungStore           *self,
                                                      const char          *who,
                                                      gint64               meeting_id,
                                                      gint64               candidate_id,
                                                      guint                seconds,
                                                      GError             **error);
gboolean             rung_store_set_meeting_blind    (RungStore           *self,
                                                      const char          *who,
                                                      gint64               meeting_id,
                                                      gboolean             blind,
                                                      GError             **error);
gboolean             rung_store_set_attendees        (RungStore           *self,
                                                      const char          *who,
                                                      gint64               meeting_id,
                                                      const gint64        *panelist_ids,
                                                      guint                n_panelists,
                                                      GError             **error);
GPtrArray           *rung_store_list_attendees       (RungStore           *self,
                                                      gint64               meeting_id,
                                                      GError             **error);
gboolean             rung_store_end_meeting          (RungStore           *self,
                                                      const char          *who,
                                                      gint64               meeting_id,
                                                      GError             **error);

/* Subjective language: the panel's additions to Rung's list and its hides */
GPtrArray           *rung_store_list_language_terms  (RungStore           *self,
                                                      GError             **error);
gboolean             rung_store_add_language_term    (RungStore           *self,
                                                      const char          *who,
                                                      const char          *phrase,
                                                      const char          *reason,
                                                      GError             **error);
gboolean             rung_store_remove_language_term (RungStore           *self,
                                                      const char          *who,
                                                      const char          *phrase,
                                                      GError             **error);
gboolean             rung_store_set_language_term_hidden (RungStore       *self,
                                                          const char      *who,
                                                          const char      *phrase,
                                                          gboolean         hidden,
                                                          GError         **error);

/* Audit log */
GPtrArray           *rung_store_list_audit           (RungStore           *self,
                                                      guint                limit,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungStore, rung_store_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungPanelInfo, rung_panel_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungCandidateRecord, rung_candidate_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungEvidenceRecord, rung_evidence_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungPanelistRecord, rung_panelist_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungConflictRecord, rung_conflict_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungRatingRecord, rung_rating_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungConcernRecord, rung_concern_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungDecisionRecord, rung_decision_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungCitationRecord, rung_citation_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungMeetingRecord, rung_meeting_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungAgendaRecord, rung_agenda_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungAttendeeRecord, rung_attendee_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungAuditRecord, rung_audit_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungLanguageTermRecord, rung_language_term_record_free)

G_END_DECLS

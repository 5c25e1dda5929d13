/* rung-panel.c: the panel file, Rung's document: one committee's review of
 * one promotion cycle. It opens and creates files through the store, keeps
 * the ladder snapshot the panel was made with, and exposes the candidates and
 * panelists as list models that follow every change. It enforces the rules
 * (a conflicted panelist neither rates nor votes, ratings use the ladder's
 * scale, evidence names an expectation of the ladder) before the store, which
 * enforces them again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-anti-pattern.h"
#include "rung-area.h"
#include "rung-grade.h"
#include "rung-ladder.h"
#include "rung-language-terms.h"
#include "rung-level.h"
#include "rung-outcome.h"
#include "rung-panel-private.h"

struct _RungPanel
{
  GObject        parent_instance;

  RungStore     *store;
  RungLadder    *ladder;
  RungPanelInfo *info;
  char          *user_name;

  GListStore    *candidates;
  GListStore    *panelists;
  GHashTable    *conflicts;   /* "panelist:candidate" → reason */
  RungMeeting   *open_meeting;
  gboolean       blind;       /* whether the open meeting is blind */
  RungLanguageTerms *language_terms;   /* made when first asked for */
};

G_DEFINE_FINAL_TYPE (RungPanel, rung_panel, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_NAME,
  PROP_COMMITTEE,
  PROP_CYCLE_NAME,
  PROP_LADDER,
  PROP_READ_ONLY,
  PROP_USER_NAME,
  PROP_OPEN_MEETING,
  PROP_BLIND,
  N_PROPS
};

enum {
  FLUSH,
  CANDIDATE_CHANGED,
  CONFLICTS_CHANGED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
rung_panel_dispose (GObject *object)
{
  RungPanel *self = (RungPanel *)object;

  g_clear_pointer (&self->store, rung_store_close);
  g_clear_object (&self->candidates);
  g_clear_object (&self->panelists);
  g_clear_object (&self->ladder);
  g_clear_pointer (&self->conflicts, g_hash_table_unref);
  g_clear_object (&self->open_meeting);
  g_clear_object (&self->language_terms);

  G_OBJECT_CLASS (rung_panel_parent_class)->dispose (object);
}

static void
rung_panel_finalize (GObject *object)
{
  RungPanel *self = (RungPanel *)object;

  g_clear_pointer (&self->info, rung_panel_info_free);
  g_free (self->user_name);

  G_OBJECT_CLASS (rung_panel_parent_class)->finalize (object);
}

static void
rung_panel_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RungPanel *self = RUNG_PANEL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, rung_panel_get_path (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, rung_panel_get_name (self));
      break;

    case PROP_COMMITTEE:
      g_value_set_string (value, rung_panel_get_committee (self));
      break;

    case PROP_CYCLE_NAME:
      g_value_set_string (value, rung_panel_get_cycle_name (self));
      break;

    case PROP_LADDER:
      g_value_set_object (value, self->ladder);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, rung_panel_is_read_only (self));
      break;

    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    case PROP_OPEN_MEETING:
      g_value_set_object (value, self->open_meeting);
      break;

    case PROP_BLIND:
      g_value_set_boolean (value, self->blind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_panel_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RungPanel *self = RUNG_PANEL (object);

  switch (prop_id)
    {
    case PROP_USER_NAME:
      rung_panel_set_user_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_panel_class_init (RungPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rung_panel_dispose;
  object_class->finalize = rung_panel_finalize;
  object_class->get_property = rung_panel_get_property;
  object_class->set_property = rung_panel_set_property;

  properties [PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_COMMITTEE] = g_param_spec_string ("committee", NULL, NULL, NULL, flags);
  properties [PROP_CYCLE_NAME] = g_param_spec_string ("cycle-name", NULL, NULL, NULL, flags);
  properties [PROP_LADDER] = g_param_spec_object ("ladder", NULL, NULL, RUNG_TYPE_LADDER, flags);
  properties [PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties [PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_OPEN_MEETING] =
    g_param_spec_object ("open-meeting", NULL, NULL, RUNG_TYPE_MEETING, flags);
  properties [PROP_BLIND] = g_param_spec_boolean ("blind", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RungPanel::flush:
   *
   * Asks whoever holds an edit back (a debounced text field) to write it now:
   * before the panel closes, the window closes or the application quits.
   */
  signals [FLUSH] =
    g_signal_new ("flush", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RungPanel::candidate-changed:
   *
   * A candidate's details, status or evidence changed.
   */
  signals [CANDIDATE_CHANGED] =
    g_signal_new ("candidate-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RUNG_TYPE_CANDIDATE);

  signals [CONFLICTS_CHANGED] =
    g_signal_new ("conflicts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals [CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rung_panel_init (RungPanel *self)
{
  const char *real_name = g_get_real_name ();

  self->candidates = g_list_store_new (RUNG_TYPE_CANDIDATE);
  self->panelists = g_list_store_new (RUNG_TYPE_PANELIST);
  self->conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* Not translated: what g_get_real_name () says when it does not know */
  self->user_name = g_strdup (g_strcmp0 (real_name, "Unknown") != 0 ? real_name : g_get_user_name ());
}

static char *
conflict_key (gint64 panelist_id,
              gint64 candidate_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, panelist_id, candidate_id);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  int by_name = g_utf8_collate (rung_candidate_get_name ((RungCandidate *)a),
                                rung_candidate_get_name ((RungCandidate *)b));

  if (by_name != 0)
    return by_name;

  return rung_candidate_get_id ((RungCandidate *)a) < rung_candidate_get_id ((RungCandidate *)b) ? -1 : 1;
}

/* Follows whether the open meeting is blind, and tells every candidate
 * that the name to show has changed when it does. */
static void
update_blind (RungPanel *self)
{
  gboolean blind = self->open_meeting != NULL && rung_meeting_get_blind (self->open_meeting);
  guint n;

  if (blind == self->blind)
    return;

  self->blind = blind;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->candidates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (self->candidates), i);

      _rung_candidate_notify_display_name (candidate);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLIND]);
}

/* Takes @meeting (nullable) as the open meeting. */
static void
set_open_meeting (RungPanel   *self,
                  RungMeeting *meeting)
{
  if (self->open_meeting != NULL)
    g_signal_handlers_disconnect_by_func (self->open_meeting, update_blind, self);

  g_clear_object (&self->open_meeting);
  self->open_meeting = meeting;

  if (meeting != NULL)
    g_signal_connect_object (meeting, "notify::blind", G_CALLBACK (update_blind), self, G_CONNECT_SWAPPED);

  update_blind (self);
}

static gboolean
load_contents (RungPanel  *self,
               GError    **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) panelists = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  RungMeetingRecord *meeting;

  if (!(self->info = rung_store_get_panel_info (self->store, error)) ||
      !(candidates = rung_store_list_candidates (self->store, error)) ||
      !(panelists = rung_store_list_panelists (self->store, error)) ||
      !(conflicts = rung_store_list_conflicts (self->store, error)))
    return FALSE;

  g_ptr_array_set_free_func (candidates, NULL);
  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (objects, _rung_candidate_new (self, g_ptr_array_index (candidates, i)));
  g_list_store_splice (self->candidates, 0, 0, objects->pdata, objects->len);
  g_list_store_sort (self->candidates, compare_candidates, NULL);

  g_ptr_array_set_size (objects, 0);
  g_ptr_array_set_free_func (panelists, NULL);
  for (guint i = 0; i < panelists->len; i++)
    g_ptr_array_add (objects, _rung_panelist_new (g_ptr_array_index (panelists, i)));
  g_list_store_splice (self->panelists, 0, 0, objects->pdata, objects->len);

  for (guint i = 0; i < conflicts->len; i++)
    {
      RungConflictRecord *conflict = g_ptr_array_index (conflicts, i);

      g_hash_table_insert (self->conflicts,
                           conflict_key (conflict->panelist_id, conflict->candidate_id),
                           g_strdup (conflict->reason ? conflict->reason : ""));
    }

  /* After the candidates: the agenda refers to them. */
  if ((meeting = rung_store_get_open_meeting (self->store, &local_error)))
    set_open_meeting (self, _rung_meeting_new (self, meeting));
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static RungLadder *
load_snapshot (RungStore  *store,
               GError    **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RungLadder) ladder = NULL;

  if (!(xml = rung_store_get_ladder (store, &sha256, error)))
    return NULL;

  display_name = g_path_get_basename (rung_store_get_path (store));
  ladder = rung_ladder_new_from_bytes (xml, display_name, &local_error);

  if (ladder == NULL || g_strcmp0 (rung_ladder_get_sha256 (ladder), sha256) != 0)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_CORRUPT,
                   _("The ladder stored in the panel “%s” is damaged, so the panel cannot be opened."),
                   display_name);
      return NULL;
    }

  return g_steal_pointer (&ladder);
}

static RungPanel *
panel_new_for_store (RungStore  *store,
                     GError    **error)
{
  g_autoptr(RungPanel) self = g_object_new (RUNG_TYPE_PANEL, NULL);

  self->store = store;
  if (!(self->ladder = load_snapshot (store, error)) || !load_contents (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rung_panel_create:
 *
 * Creates a new panel file at @path (never over an existing file) with a
 * snapshot of @ladder.
 *
 * Returns: (transfer full) (nullable): the open panel, or %NULL with @error set
 */
RungPanel *
rung_panel_create (const char  *path,
                   const char  *name,
                   const char  *committee,
                   const char  *cycle_name,
                   RungLadder  *ladder,
                   GError     **error)
{
  RungPanelInfo info = { 0 };
  RungStore *store;
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (RUNG_IS_LADDER (ladder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (clean_name[0] == '\0')
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("A panel needs a name."));
      return NULL;
    }

  info.name = clean_name;
  info.committee = (char *)committee;
  info.cycle_name = (char *)cycle_name;

  store = rung_store_create (path, &info, rung_ladder_get_source (ladder),
                             rung_ladder_get_sha256 (ladder), error);
  if (store == NULL)
    return NULL;

  return panel_new_for_store (store, error);
}

/**
 * rung_panel_open:
 *
 * Opens a panel file. A file that is not a panel, is damaged, comes from a
 * newer Rung, is locked or (without %RUNG_STORE_OPEN_READ_ONLY_OK) read-only
 * gives an error that says so, and is left as it was.
 *
 * Returns: (transfer full) (nullable): the panel, or %NULL with @error set
 */
RungPanel *
rung_panel_open (const char          *path,
                 RungStoreOpenFlags   flags,
                 GError             **error)
{
  RungStore *store;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(store = rung_store_open (path, flags, error)))
    return NULL;

  return panel_new_for_store (store, error);
}

struct _RungPanelOpening
{
  GThread            *thread;
  char               *path;
  RungStoreOpenFlags  flags;
  RungStore          *store;
  GError             *error;
};

static gpointer
open_store_in_thread (gpointer data)
{
  RungPanelOpening *opening = data;

  opening->store = rung_store_open (opening->path, opening->flags, &opening->error);
  return NULL;
}

/**
 * rung_panel_open_begin:
 *
 * Starts opening the panel file at @path as rung_panel_open() does. The
 * file's checks, which read all of it, run on a thread of their own;
 * nothing of the panel is read before they pass. Finish the opening with
 * rung_panel_open_finish().
 *
 * Returns: (transfer full): the opening
 */
RungPanelOpening *
rung_panel_open_begin (const char         *path,
                       RungStoreOpenFlags  flags)
{
  RungPanelOpening *opening;

  g_return_val_if_fail (path != NULL, NULL);

  opening = g_new0 (RungPanelOpening, 1);
  opening->path = g_strdup (path);
  opening->flags = flags;
  opening->thread = g_thread_new ("rung-open", open_store_in_thread, opening);

  return opening;
}

const char *
rung_panel_opening_get_path (RungPanelOpening *opening)
{
  g_return_val_if_fail (opening != NULL, NULL);

  return opening->path;
}

/**
 * rung_panel_open_finish:
 *
 * Waits for the checks of @opening, then reads the panel. Frees @opening.
 *
 * Returns: (transfer full) (nullable): the panel, or %NULL with @error set
 *   as rung_panel_open() sets it
 */
RungPanel *
rung_panel_open_finish (RungPanelOpening  *opening,
                        GError           **error)
{
  RungStore *store;

  g_return_val_if_fail (opening != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_thread_join (opening->thread);
  store = opening->store;
  if (store == NULL)
    g_propagate_error (error, opening->error);
  g_free (opening->path);
  g_free (opening);

  return store ? panel_new_for_store (store, error) : NULL;
}

/**
 * rung_panel_flush:
 *
 * Asks every holder of a debounced edit to write it now.
 */
void
rung_panel_flush (RungPanel *self)
{
  g_return_if_fail (RUNG_IS_PANEL (self));

  if (self->store != NULL)
    g_signal_emit (self, signals [FLUSH], 0);
}

/**
 * rung_panel_close:
 *
 * Writes pending edits and closes the file. The objects of the panel stay
 * readable, but every change fails from now on.
 */
void
rung_panel_close (RungPanel *self)
{
  g_return_if_fail (RUNG_IS_PANEL (self));

  if (self->store == NULL)
    return;

  rung_panel_flush (self);
  g_clear_pointer (&self->store, rung_store_close);
  g_signal_emit (self, signals [CLOSED], 0);
}

gboolean
rung_panel_is_closed (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), TRUE);

  return self->store == NULL;
}

/**
 * rung_panel_begin_snapshot:
 *
 * Until the matching rung_panel_end_snapshot(), what the panel reads from
 * its file (a candidate's evidence, ratings, concerns and decisions) is the
 * file as it is now, whatever another connection to it writes meanwhile.
 * An export reads each candidate twice, to paginate and to draw, and must
 * see the same both times. Calls nest; changes through this panel fail
 * while a snapshot is held, so take one on a panel of its own.
 *
 * Returns: whether the snapshot is held (end it then); a closed panel has
 *   nothing to read and always gives one
 */
gboolean
rung_panel_begin_snapshot (RungPanel  *self,
                           GError    **error)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return self->store == NULL || rung_store_begin_snapshot (self->store, error);
}

void
rung_panel_end_snapshot (RungPanel *self)
{
  g_return_if_fail (RUNG_IS_PANEL (self));

  /* A panel closed meanwhile took its snapshot with it. */
  if (self->store != NULL)
    rung_store_end_snapshot (self->store);
}

RungStore *
_rung_panel_get_store (RungPanel *self)
{
  return self->store;
}

const char *
_rung_panel_get_who (RungPanel *self)
{
  return self->user_name;
}

gboolean
_rung_panel_check_writable (RungPanel  *self,
                            GError    **error)
{
  if (self->store == NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO,
                           _("The panel is closed."));
      return FALSE;
    }

  if (rung_store_is_read_only (self->store))
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY,
                           _("The panel is open read-only, so it cannot be changed."));
      return FALSE;
    }

  return TRUE;
}

void
_rung_panel_candidate_changed (RungPanel     *self,
                               RungCandidate *candidate)
{
  g_signal_emit (self, signals [CANDIDATE_CHANGED], 0, candidate);
}

/* Keeps the candidates sorted by name after a rename. */
void
_rung_panel_candidate_renamed (RungPanel     *self,
                               RungCandidate *candidate)
{
  guint position;

  if (!g_list_store_find (self->candidates, candidate, &position))
    return;

  g_object_ref (candidate);
  g_list_store_remove (self->candidates, position);
  g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);
  g_object_unref (candidate);
}

const char *
rung_panel_get_path (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return self->store ? rung_store_get_path (self->store) : NULL;
}

gboolean
rung_panel_is_read_only (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), TRUE);

  return self->store == NULL || rung_store_is_read_only (self->store);
}

/**
 * rung_panel_get_ladder:
 *
 * Returns: (transfer none): the snapshot of the ladder the panel was made with
 */
RungLadder *
rung_panel_get_ladder (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return self->ladder;
}

const char *
rung_panel_get_name (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return self->info->name;
}

const char *
rung_panel_get_committee (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return self->info->committee;
}

const char *
rung_panel_get_cycle_name (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return self->info->cycle_name;
}

gboolean
rung_panel_set_info (RungPanel   *self,
                     const char  *name,
                     const char  *committee,
                     const char  *cycle_name,
                     GError     **error)
{
  RungPanelInfo info = { 0 };
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  RungPanelInfo *stored;

  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rung_panel_check_writable (self, error))
    return FALSE;

  if (clean_name[0] == '\0')
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("A panel needs a name."));
      return FALSE;
    }

  info.name = clean_name;
  info.committee = (char *)committee;
  info.cycle_name = (char *)cycle_name;
  info.cycle_start = self->info->cycle_start;
  info.cycle_end = self->info->cycle_end;

  if (!rung_store_update_panel_info (self->store, self->user_name, &info, error) ||
      !(stored = rung_store_get_panel_info (self->store, error)))
    return FALSE;

  g_clear_pointer (&self->info, rung_panel_info_free);
  self->info = stored;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMMITTEE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CYCLE_NAME]);

  return TRUE;
}

/**
 * rung_panel_get_language_terms:
 *
 * Returns: (transfer none): the panel's list of subjective language: Rung's
 *   list in the user's language with the panel's changes
 */
RungLanguageTerms *
rung_panel_get_language_terms (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  if (self->language_terms == NULL)
    self->language_terms = rung_language_terms_new (self);

  return self->language_terms;
}

const char *
rung_panel_get_user_name (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return self->user_name;
}

/**
 * rung_panel_set_user_name:
 *
 * Sets who is making the changes, as the audit log and decisions record it.
 */
void
rung_panel_set_user_name (RungPanel  *self,
                          const char *user_name)
{
  g_return_if_fail (RUNG_IS_PANEL (self));

  if (user_name == NULL || user_name[0] == '\0')
    return;

  if (g_strcmp0 (self->user_name, user_name) == 0)
    return;

  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_NAME]);
}

typedef gint64 (*GetId) (gpointer item);

/* The item of @model whose id is @id; the model keeps it alive. */
static gpointer
find_by_id (GListModel *model,
            gint64      id,
            GetId       get_id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (get_id (item) == id)
        return item;
    }

  return NULL;
}

/**
 * rung_panel_get_candidates:
 *
 * Returns: (transfer none): a #GListModel of #RungCandidate, sorted by name
 */
GListModel *
rung_panel_get_candidates (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return G_LIST_MODEL (self->candidates);
}

/**
 * rung_panel_find_candidate:
 *
 * Returns: (transfer none) (nullable): the candidate with that id
 */
RungCandidate *
rung_panel_find_candidate (RungPanel *self,
                           gint64     candidate_id)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return find_by_id (G_LIST_MODEL (self->candidates), candidate_id,
                     (GetId)rung_candidate_get_id);
}

/**
 * rung_panel_find_candidate_by_name:
 *
 * Returns: (transfer none) (nullable): the first candidate with that name
 */
RungCandidate *
rung_panel_find_candidate_by_name (RungPanel  *self,
                                   const char *name)
{
  guint n;

  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->candidates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (self->candidates), i);

      if (g_strcmp0 (rung_candidate_get_name (candidate), name) == 0)
        return candidate;
    }

  return NULL;
}

/**
 * rung_panel_add_candidate:
 *
 * Returns: (transfer none) (nullable): the new candidate, a draft
 */
RungCandidate *
rung_panel_add_candidate (RungPanel   *self,
                          const char  *name,
                          const char  *current_level,
                          const char  *target_level,
                          const char  *manager,
                          const char  *team,
                          GError     **error)
{
  RungCandidateRecord record = { 0 };
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  RungCandidateRecord *stored;
  g_autoptr(RungCandidate) candidate = NULL;
  gint64 id;

  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rung_panel_check_writable (self, error))
    return NULL;

  if (clean_name[0] == '\0')
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("A candidate needs a name."));
      return NULL;
    }

  if (target_level == NULL || rung_ladder_find_level (self->ladder, target_level) == NULL)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("The panel’s ladder has no level “%s”."), target_level ? target_level : "");
      return NULL;
    }

  record.name = clean_name;
  record.current_level = (current_level && *current_level) ? (char *)current_level : NULL;
  record.target_level = (char *)target_level;
  record.manager = (manager && *manager) ? (char *)manager : NULL;
  record.team = (team && *team) ? (char *)team : NULL;
  record.status = RUNG_CANDIDATE_STATUS_DRAFT;
  record.summary = (char *)"";

  if (!(id = rung_store_add_candidate (self->store, self->user_name, &record, error)) ||
      !(stored = rung_store_get_candidate (self->store, id, error)))
    return NULL;

  candidate = _rung_candidate_new (self, stored);
  g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);

  return candidate;
}

/**
 * rung_panel_delete_candidate:
 *
 * Removes @candidate from the panel. Everything of theirs stays in the file,
 * so rung_panel_restore_candidate() can bring them back.
 */
gboolean
rung_panel_delete_candidate (RungPanel      *self,
                             RungCandidate  *candidate,
                             GError        **error)
{
  guint position;

  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rung_panel_check_writable (self, error) ||
      !rung_store_delete_candidate (self->store, self->user_name,
                                    rung_candidate_get_id (candidate), error))
    return FALSE;

  if (g_list_store_find (self->candidates, candidate, &position))
    g_list_store_remove (self->candidates, position);

  /* The agenda skips a deleted candidate. */
  if (self->open_meeting != NULL)
    _rung_meeting_sync (self->open_meeting);

  return TRUE;
}

/**
 * rung_panel_restore_candidate:
 *
 * Returns: (transfer none) (nullable): the candidate, back in the panel
 */
RungCandidate *
rung_panel_restore_candidate (RungPanel  *self,
                              gint64      candidate_id,
                              GError    **error)
{
  RungCandidateRecord *stored;
  g_autoptr(RungCandidate) candidate = NULL;

  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rung_panel_check_writable (self, error) ||
      !rung_store_restore_candidate (self->store, self->user_name, candidate_id, error) ||
      !(stored = rung_store_get_candidate (self->store, candidate_id, error)))
    return NULL;

  candidate = _rung_candidate_new (self, stored);
  g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);

  if (self->open_meeting != NULL)
    _rung_meeting_sync (self->open_meeting);

  return candidate;
}

/*
 * _rung_panel_adopt_imported:
 * @replaced: (nullable): the candidate the import deleted for the new one
 *
 * Brings a candidate that rung_store_import_candidate() wrote into the
 * panel's list, and takes out the one it replaced.
 *
 * Returns: (transfer none) (nullable): the new candidate
 */
RungCandidate *
_rung_panel_adopt_imported (RungPanel      *self,
                            gint64          candidate_id,
                            RungCandidate  *replaced,
                            GError        **error)
{
  RungCandidateRecord *stored;
  g_autoptr(RungCandidate) candidate = NULL;
  guint position;

  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  if (replaced != NULL && g_list_store_find (self->candidates, replaced, &position))
    g_list_store_remove (self->candidates, position);

  if (!(stored = rung_store_get_candidate (self->store, candidate_id, error)))
    return NULL;

  candidate = _rung_candidate_new (self, stored);
  g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);

  if (self->open_meeting != NULL)
    _rung_meeting_sync (self->open_meeting);

  return candidate;
}

/**
 * rung_panel_search:
 *
 * Full-text search over the candidates' names, managers, teams, summaries and
 * evidence. Any text is a valid query.
 *
 * Returns: (transfer full) (nullable): a #GArray of candidate ids (gint64)
 */
GArray *
rung_panel_search (RungPanel   *self,
                   const char  *query,
                   GError     **error)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  if (self->store == NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO, _("The panel is closed."));
      return NULL;
    }

  return rung_store_search_candidates (self->store, query ? query : "", error);
}

/**
 * rung_panel_get_panelists:
 *
 * Returns: (transfer none): a #GListModel of #RungPanelist
 */
GListModel *
rung_panel_get_panelists (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return G_LIST_MODEL (self->panelists);
}

/**
 * rung_panel_find_panelist:
 *
 * Returns: (transfer none) (nullable): the panelist with that id
 */
RungPanelist *
rung_panel_find_panelist (RungPanel *self,
                          gint64     panelist_id)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return find_by_id (G_LIST_MODEL (self->panelists), panelist_id,
                     (GetId)rung_panelist_get_id);
}

static RungPanelist *
read_panelist (RungPanel  *self,
               gint64      panelist_id,
               GError    **error)
{
  g_autoptr(GPtrArray) records = rung_store_list_panelists (self->store, error);

  if (records == NULL)
    return NULL;

  for (guint i = 0; i < records->len; i++)
    {
      RungPanelistRecord *record = g_ptr_array_index (records, i);

      if (record->id == panelist_id)
        return _rung_panelist_new (g_ptr_array_steal_index (records, i));
    }

  g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW,
                       _("The panelist is not in the panel file."));
  return NULL;
}

/**
 * rung_panel_add_panelist:
 *
 * Returns: (transfer none) (nullable): the new panelist
 */
RungPanelist *
rung_panel_add_panelist (RungPanel   *self,
                         const char  *name,
                         const char  *role,
                         GError     **error)
{
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(RungPanelist) panelist = NULL;
  gint64 id;

  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rung_panel_check_writable (self, error))
    return NULL;

  if (clean_name[0] == '\0')
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("A panelist needs a name."));
      return NULL;
    }

  if (!(id = rung_store_add_panelist (self->store, self->user_name, clean_name,
                                      (role && *role) ? role : NULL, error)) ||
      !(panelist = read_panelist (self, id, error)))
    return NULL;

  g_list_store_append (self->panelists, panelist);

  return panelist;
}

gboolean
rung_panel_rename_panelist (RungPanel     *self,
                            RungPanelist  *panelist,
                            const char    *name,
                            const char    *role,
                            GError       **error)
{
  RungPanelistRecord record = { 0 };
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(RungPanelist) renamed = NULL;
  guint position;

  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (RUNG_IS_PANELIST (panelist), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rung_panel_check_writable (self, error))
    return FALSE;

  if (clean_name[0] == '\0')
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("A panelist needs a name."));
      return FALSE;
    }

  record.id = rung_panelist_get_id (panelist);
  record.name = clean_name;
  record.role = (role && *role) ? (char *)role : NULL;

  if (!rung_store_update_panelist (self->store, self->user_name, &record, error) ||
      !(renamed = read_panelist (self, record.id, error)))
    return FALSE;

  if (g_list_store_find (self->panelists, panelist, &position))
    g_list_store_splice (self->panelists, position, 1, (gpointer *)&renamed, 1);

  return TRUE;
}

gboolean
rung_panel_remove_panelist (RungPanel     *self,
                            RungPanelist  *panelist,
                            GError       **error)
{
  guint position;

  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (RUNG_IS_PANELIST (panelist), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rung_panel_check_writable (self, error) ||
      !rung_store_delete_panelist (self->store, self->user_name,
                                   rung_panelist_get_id (panelist), error))
    return FALSE;

  if (g_list_store_find (self->panelists, panelist, &position))
    g_list_store_remove (self->panelists, position);

  return TRUE;
}

gboolean
rung_panel_has_conflict (RungPanel     *self,
                         RungPanelist  *panelist,
                         RungCandidate *candidate)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (RUNG_IS_PANELIST (panelist), FALSE);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), FALSE);

  key = conflict_key (rung_panelist_get_id (panelist), rung_candidate_get_id (candidate));

  return g_hash_table_contains (self->conflicts, key);
}

/**
 * rung_panel_set_conflict:
 *
 * Declares or lifts @panelist's conflict of interest with @candidate. A
 * declared conflict also withdraws the panelist's ratings and concerns for
 * the candidate.
 */
gboolean
rung_panel_set_conflict (RungPanel      *self,
                         RungPanelist   *panelist,
                         RungCandidate  *candidate,
                         gboolean        conflicted,
                         const char     *reason,
                         GError        **error)
{
  gint64 panelist_id, candidate_id;
  gboolean ok;

  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (RUNG_IS_PANELIST (panelist), FALSE);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rung_panel_check_writable (self, error))
    return FALSE;

  panelist_id = rung_panelist_get_id (panelist);
  candidate_id = rung_candidate_get_id (candidate);

  if (conflicted)
    ok = rung_store_set_conflict (self->store, self->user_name, panelist_id, candidate_id,
                                  (reason && *reason) ? reason : NULL, error);
  else
    ok = rung_store_clear_conflict (self->store, self->user_name, panelist_id, candidate_id, error);

  if (!ok)
    return FALSE;

  if (conflicted)
    g_hash_table_insert (self->conflicts, conflict_key (panelist_id, candidate_id),
                         g_strdup (reason ? reason : ""));
  else
    {
      g_autofree char *key = conflict_key (panelist_id, candidate_id);

      g_hash_table_remove (self->conflicts, key);
    }

  _rung_candidate_reload_ratings (candidate);
  _rung_candidate_reload_concerns (candidate);
  g_signal_emit (self, signals [CONFLICTS_CHANGED], 0);

  return TRUE;
}

/**
 * rung_panel_count_eligible_voters:
 *
 * Returns: how many panelists have no conflict with @candidate
 */
guint
rung_panel_count_eligible_voters (RungPanel     *self,
                                  RungCandidate *candidate)
{
  guint n, eligible = 0;

  g_return_val_if_fail (RUNG_IS_PANEL (self), 0);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->panelists));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungPanelist) panelist = g_list_model_get_item (G_LIST_MODEL (self->panelists), i);

      if (!rung_panel_has_conflict (self, panelist, candidate))
        eligible++;
    }

  return eligible;
}

static gboolean
check_not_conflicted (RungPanel      *self,
                      RungPanelist   *panelist,
                      RungCandidate  *candidate,
                      GError        **error)
{
  g_autofree char *name = NULL;

  if (!rung_panel_has_conflict (self, panelist, candidate))
    return TRUE;

  /* Messages show on the shared screen too: a blind meeting's letter. */
  name = rung_candidate_dup_display_name (candidate);
  g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
               _("%s has a conflict of interest with %s and cannot rate them."),
               rung_panelist_get_name (panelist), name);
  return FALSE;
}

/**
 * rung_panel_set_rating:
 *
 * Records @panelist's rating of an area of @candidate: a value of the
 * ladder's scale and a comment. A conflicted panelist cannot rate.
 */
gboolean
rung_panel_set_rating (RungPanel      *self,
                       RungPanelist   *panelist,
                       RungCandidate  *candidate,
                       const char     *area_id,
                       int             value,
                       const char     *comment,
                       GError        **error)
{
  RungLevel *level;

  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (RUNG_IS_PANELIST (panelist), FALSE);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (area_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rung_panel_check_writable (self, error) ||
      !check_not_conflicted (self, panelist, candidate, error))
    return FALSE;

  level = rung_candidate_get_level (candidate);
  if (level == NULL || rung_level_find_area (level, area_id) == NULL)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("The ladder has no area “%s” at level %s."),
                   area_id, rung_candidate_get_target_level (candidate));
      return FALSE;
    }

  if (rung_ladder_find_grade (self->ladder, value) == NULL)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("%d is not a rating on the ladder’s scale."), value);
      return FALSE;
    }

  if (!rung_store_set_rating (self->store, self->user_name,
                              rung_panelist_get_id (panelist), rung_candidate_get_id (candidate),
                              area_id, value, comment ? comment : "", error))
    return FALSE;

  _rung_candidate_reload_ratings (candidate);

  return TRUE;
}

gboolean
rung_panel_clear_rating (RungPanel      *self,
                         RungPanelist   *panelist,
                         RungCandidate  *candidate,
                         const char     *area_id,
                         GError        **error)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (RUNG_IS_PANELIST (panelist), FALSE);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rung_panel_check_writable (self, error) ||
      !rung_store_clear_rating (self->store, self->user_name,
                                rung_panelist_get_id (panelist), rung_candidate_get_id (candidate),
                                area_id, error))
    return FALSE;

  _rung_candidate_reload_ratings (candidate);

  return TRUE;
}

gboolean
rung_panel_set_concern (RungPanel      *self,
                        RungPanelist   *panelist,
                        RungCandidate  *candidate,
                        const char     *anti_pattern_id,
                        const char     *note,
                        GError        **error)
{
  RungLevel *level;
  gboolean known = FALSE;

  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (RUNG_IS_PANELIST (panelist), FALSE);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (anti_pattern_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rung_panel_check_writable (self, error) ||
      !check_not_conflicted (self, panelist, candidate, error))
    return FALSE;

  if ((level = rung_candidate_get_level (candidate)))
    {
      GListModel *anti_patterns = rung_level_get_anti_patterns (level);

      for (guint i = 0; i < g_list_model_get_n_items (anti_patterns) && !known; i++)
        {
          g_autoptr(RungAntiPattern) anti_pattern = g_list_model_get_item (anti_patterns, i);

          known = g_strcmp0 (rung_anti_pattern_get_id (anti_pattern), anti_pattern_id) == 0;
        }
    }

  if (!known)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("The ladder has no anti-pattern “%s” at level %s."),
                   anti_pattern_id, rung_candidate_get_target_level (candidate));
      return FALSE;
    }

  if (!rung_store_set_concern (self->store, self->user_name,
                               rung_panelist_get_id (panelist), rung_candidate_get_id (candidate),
                               anti_pattern_id, note ? note : "", error))
    return FALSE;

  _rung_candidate_reload_concerns (candidate);

  return TRUE;
}

gboolean
rung_panel_clear_concern (RungPanel      *self,
                          RungPanelist   *panelist,
                          RungCandidate  *candidate,
                          const char     *anti_pattern_id,
                          GError        **error)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);
  g_return_val_if_fail (RUNG_IS_PANELIST (panelist), FALSE);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rung_panel_check_writable (self, error) ||
      !rung_store_clear_concern (self->store, self->user_name,
                                 rung_panelist_get_id (panelist), rung_candidate_get_id (candidate),
                                 anti_pattern_id, error))
    return FALSE;

  _rung_candidate_reload_concerns (candidate);

  return TRUE;
}

/**
 * rung_panel_record_decision:
 * @reason: (nullable): why this revision replaces the last one; required when
 *   the candidate already has a decision
 *
 * Records the panel's decision on @candidate as a new revision; nothing is
 * ever overwritten. Votes cannot exceed the panelists without a conflict. The
 * decision is on disk when this returns, and the candidate is marked decided.
 *
 * Returns: (transfer none) (nullable): the new revision
 */
RungDecision *
rung_panel_record_decision (RungPanel      *self,
                            RungCandidate  *candidate,
                            const char     *outcome_id,
                            guint           votes_for,
                            guint           votes_against,
                            guint           votes_abstain,
                            const char     *rationale,
                            const char     *reason,
                            GError        **error)
{
  return rung_panel_record_decision_citing (self, candidate, outcome_id, votes_for, votes_against,
                                            votes_abstain, rationale, reason, NULL, error);
}

/* The records for @cited, each once, labelled as they read now. */
static GArray *
citation_records (RungCandidate  *candidate,
                  GPtrArray      *cited,
                  GError        **error)
{
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (RungCitationRecord));
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  g_array_set_clear_func (records, (GDestroyNotify)_rung_citation_record_clear);

  for (guint i = 0; cited != NULL && i < cited->len; i++)
    {
      GObject *item = g_ptr_array_index (cited, i);
      RungCitationRecord record;

      if (g_ptr_array_find (seen, item, NULL))
        continue;
      if (!_rung_citation_record_init (&record, candidate, item, error))
        return NULL;
      g_ptr_array_add (seen, item);
      g_array_append_val (records, record);
    }

  return g_steal_pointer (&records);
}

/**
 * rung_panel_record_decision_citing:
 * @reason: (nullable): why this revision replaces the last one; required when
 *   the candidate already has a decision
 * @cited: (nullable) (element-type GObject): the #RungEvidence items of
 *   @candidate and the #RungRating of them that the rationale cites, in
 *   order; NULL or empty when it cites nothing
 *
 * As rung_panel_record_decision(), and the decision cites @cited: each with
 * a label made now from the evidence's title and area, or the panelist,
 * area and grade of the rating, which stays as it is when they change.
 * Evidence of another candidate, or a rating no longer there, is refused and
 * nothing is written. The citations are written with the decision, in one
 * transaction.
 *
 * Returns: (transfer none) (nullable): the new revision
 */
RungDecision *
rung_panel_record_decision_citing (RungPanel      *self,
                                   RungCandidate  *candidate,
                                   const char     *outcome_id,
                                   guint           votes_for,
                                   guint           votes_against,
                                   guint           votes_abstain,
                                   const char     *rationale,
                                   const char     *reason,
                                   GPtrArray      *cited,
                                   GError        **error)
{
  RungDecisionRecord record = { 0 };
  g_autoptr(GArray) citations = NULL;
  g_autofree char *clean_rationale = g_strstrip (g_strdup (rationale ? rationale : ""));
  g_autofree char *clean_reason = g_strstrip (g_strdup (reason ? reason : ""));
  guint eligible;
  RungCandidateRecord *stored;

  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);
  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rung_panel_check_writable (self, error))
    return NULL;

  if (outcome_id == NULL || rung_ladder_find_outcome (self->ladder, outcome_id) == NULL)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("“%s” is not one of the ladder’s decision outcomes."),
                   outcome_id ? outcome_id : "");
      return NULL;
    }

  if (clean_rationale[0] == '\0')
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("A decision needs a rationale."));
      return NULL;
    }

  eligible = rung_panel_count_eligible_voters (self, candidate);
  if ((guint64)votes_for + votes_against + votes_abstain > eligible)
    {
      g_autofree char *name = rung_candidate_dup_display_name (candidate);

      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   ngettext ("Only %u panelist without a conflict can vote on %s.",
                             "Only %u panelists without a conflict can vote on %s.", eligible),
                   eligible, name);
      return NULL;
    }

  record.candidate_id = rung_candidate_get_id (candidate);
  record.outcome_id = (char *)outcome_id;
  record.votes_for = votes_for;
  record.votes_against = votes_against;
  record.votes_abstain = votes_abstain;
  record.rationale = clean_rationale;
  record.recorded_by = self->user_name;
  record.reason = clean_reason[0] ? clean_reason : NULL;

  if (!(citations = citation_records (candidate, cited, error)))
    return NULL;

  if (!rung_store_record_decision_with_citations (self->store, self->user_name, &record,
                                                  (RungCitationRecord *)citations->data, citations->len,
                                                  error))
    return NULL;

  _rung_candidate_reload_decisions (candidate);
  rung_candidate_get_decisions (candidate);

  /* The store marked the candidate decided in the same transaction. */
  if ((stored = rung_store_get_candidate (self->store, record.candidate_id, NULL)))
    {
      _rung_candidate_take_record (candidate, stored);
      _rung_panel_candidate_changed (self, candidate);
    }

  /* And marked them decided on the open meeting's agenda. */
  if (self->open_meeting != NULL)
    _rung_meeting_sync (self->open_meeting);

  return rung_candidate_get_latest_decision (candidate);
}

/**
 * rung_panel_list_audit:
 *
 * Returns: (transfer full) (nullable): a #GPtrArray of #RungAuditRecord,
 *   newest first
 */
GPtrArray *
rung_panel_list_audit (RungPanel  *self,
                       guint       limit,
                       GError    **error)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  if (self->store == NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO, _("The panel is closed."));
      return NULL;
    }

  return rung_store_list_audit (self->store, limit, error);
}

/* Meetings */

/* The letters 0 … @n - 1 in a random order. */
static guint *
shuffled_letters (guint n)
{
  guint *letters = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    letters[i] = i;

  /* Fisher and Yates */
  for (guint i = n; i > 1; i--)
    {
      guint j = (guint)g_random_int_range (0, (gint32)i);
      guint swap = letters[i - 1];

      letters[i - 1] = letters[j];
      letters[j] = swap;
    }

  return letters;
}

/**
 * rung_panel_start_meeting:
 * @minutes_per_candidate: how long each discussion is meant to last, from 1
 *   to 240 minutes (%RUNG_MEETING_DEFAULT_MINUTES is the usual)
 * @blind: whether names, managers and teams are hidden from the start
 *
 * Starts a meeting with every candidate on the agenda, all waiting. Only
 * one meeting is open at a time.
 *
 * Each candidate is given a letter for blind mode at random, so that
 * "Candidate A" says nothing of a name or of when someone was added. A
 * meeting blind from the start has its agenda in the letters' order; any
 * other in the order of rung_panel_get_candidates().
 *
 * Returns: (transfer none) (nullable): the open meeting, or %NULL with
 *   @error set
 */
RungMeeting *
rung_panel_start_meeting (RungPanel   *self,
                          const char  *title,
                          guint        minutes_per_candidate,
                          gboolean     blind,
                          GError     **error)
{
  g_autofree char *clean_title = g_strstrip (g_strdup (title ? title : ""));
  g_autofree gint64 *ids = NULL;
  g_autofree guint *letters = NULL;
  RungMeetingRecord *record;
  guint n;
  gint64 id;

  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rung_panel_check_writable (self, error))
    return NULL;

  if (clean_title[0] == '\0')
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE, _("A meeting needs a title."));
      return NULL;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->candidates));
  ids = g_new0 (gint64, MAX (n, 1));
  letters = shuffled_letters (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (self->candidates), i);

      /* Blind from the start: the agenda goes A, B, C, … */
      ids[blind ? letters[i] : i] = rung_candidate_get_id (candidate);
    }

  if (!(id = rung_store_create_meeting (self->store, self->user_name, clean_title,
                                        (int)MIN (minutes_per_candidate, G_MAXINT), blind,
                                        ids, blind ? NULL : letters, n, error)) ||
      !(record = rung_store_get_meeting (self->store, id, error)))
    return NULL;

  set_open_meeting (self, _rung_meeting_new (self, record));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OPEN_MEETING]);

  return self->open_meeting;
}

/**
 * rung_panel_get_open_meeting:
 *
 * Returns: (transfer none) (nullable): the meeting under way, if any
 */
RungMeeting *
rung_panel_get_open_meeting (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);

  return self->open_meeting;
}

/**
 * rung_panel_get_blind:
 *
 * Whether a blind meeting is under way: while it is, every view and every
 * printout shows rung_candidate_dup_display_name() in place of names, and no
 * manager or team.
 *
 * Returns: %TRUE while the open meeting is blind
 */
gboolean
rung_panel_get_blind (RungPanel *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL (self), FALSE);

  return self->blind;
}

void
_rung_panel_meeting_ended (RungPanel   *self,
                           RungMeeting *meeting)
{
  if (self->open_meeting != meeting)
    return;

  set_open_meeting (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OPEN_MEETING]);
}

/**
 * rung_panel_list_meetings:
 *
 * Every meeting of the panel, the first one first; the open one is the
 * object rung_panel_get_open_meeting() gives.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #RungMeeting
 */
GListModel *
rung_panel_list_meetings (RungPanel  *self,
                          GError    **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GListStore) meetings = NULL;

  g_return_val_if_fail (RUNG_IS_PANEL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->store == NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO, _("The panel is closed."));
      return NULL;
    }

  if (!(records = rung_store_list_meetings (self->store, error)))
    return NULL;

  meetings = g_list_store_new (RUNG_TYPE_MEETING);
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      RungMeetingRecord *record = g_ptr_array_index (records, i);

      if (self->open_meeting != NULL && record->id == rung_meeting_get_id (self->open_meeting))
        {
          g_list_store_append (meetings, self->open_meeting);
          rung_meeting_record_free (record);
        }
      else
        {
          g_autoptr(RungMeeting) meeting = _rung_meeting_new (self, record);

          g_list_store_append (meetings, meeting);
        }
    }

  return G_LIST_MODEL (g_steal_pointer (&meetings));
}

/* rung-candidate.c: a candidate for promotion: details, summary and status;
 * the evidence for each expectation of the target level; and what the panel
 * said: ratings, concerns and the history of decisions. Lists load from the
 * panel file when first asked for and follow every change made through the
 * model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-candidate"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-area.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel-private.h"

struct _RungCandidate
{
  GObject              parent_instance;

  RungPanel           *panel;       /* weak */
  RungCandidateRecord *record;

  /* expectation id → GListStore of RungEvidence; NULL until first asked for */
  GHashTable          *evidence;
  guint                n_evidence;

  /* The expectation ids with evidence, from the store's index, for counting
   * coverage while the items are not loaded; NULL when unknown. */
  GHashTable          *covered;

  GListStore          *ratings;
  GListStore          *concerns;
  GListStore          *decisions;
};

G_DEFINE_FINAL_TYPE (RungCandidate, rung_candidate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_CURRENT_LEVEL,
  PROP_TARGET_LEVEL,
  PROP_MANAGER,
  PROP_TEAM,
  PROP_SUMMARY,
  PROP_STATUS,
  PROP_COVERAGE_OVERRIDE,
  PROP_UPDATED_AT,
  PROP_N_EVIDENCE,
  PROP_N_COVERED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rung_candidate_dispose (GObject *object)
{
  RungCandidate *self = (RungCandidate *)object;

  g_clear_weak_pointer (&self->panel);
  g_clear_pointer (&self->evidence, g_hash_table_unref);
  g_clear_pointer (&self->covered, g_hash_table_unref);
  g_clear_object (&self->ratings);
  g_clear_object (&self->concerns);
  g_clear_object (&self->decisions);

  G_OBJECT_CLASS (rung_candidate_parent_class)->dispose (object);
}

static void
rung_candidate_finalize (GObject *object)
{
  RungCandidate *self = (RungCandidate *)object;

  g_clear_pointer (&self->record, rung_candidate_record_free);

  G_OBJECT_CLASS (rung_candidate_parent_class)->finalize (object);
}

static void
rung_candidate_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RungCandidate *self = RUNG_CANDIDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->record->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_take_string (value, rung_candidate_dup_display_name (self));
      break;

    case PROP_CURRENT_LEVEL:
      g_value_set_string (value, self->record->current_level);
      break;

    case PROP_TARGET_LEVEL:
      g_value_set_string (value, self->record->target_level);
      break;

    case PROP_MANAGER:
      g_value_set_string (value, self->record->manager);
      break;

    case PROP_TEAM:
      g_value_set_string (value, self->record->team);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->record->summary);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->record->status);
      break;

    case PROP_COVERAGE_OVERRIDE:
      g_value_set_string (value, self->record->coverage_override);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->record->updated_at);
      break;

    case PROP_N_EVIDENCE:
      g_value_set_uint (value, rung_candidate_get_n_evidence (self));
      break;

    case PROP_N_COVERED:
      g_value_set_uint (value, rung_candidate_get_n_covered (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_candidate_class_init (RungCandidateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rung_candidate_dispose;
  object_class->finalize = rung_candidate_finalize;
  object_class->get_property = rung_candidate_get_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties [PROP_CURRENT_LEVEL] = g_param_spec_string ("current-level", NULL, NULL, NULL, flags);
  properties [PROP_TARGET_LEVEL] = g_param_spec_string ("target-level", NULL, NULL, NULL, flags);
  properties [PROP_MANAGER] = g_param_spec_string ("manager", NULL, NULL, NULL, flags);
  properties [PROP_TEAM] = g_param_spec_string ("team", NULL, NULL, NULL, flags);
  properties [PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties [PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      RUNG_CANDIDATE_STATUS_DRAFT, RUNG_CANDIDATE_STATUS_DECIDED,
                      RUNG_CANDIDATE_STATUS_DRAFT, flags);
  properties [PROP_COVERAGE_OVERRIDE] = g_param_spec_string ("coverage-override", NULL, NULL, NULL, flags);
  properties [PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);
  properties [PROP_N_EVIDENCE] = g_param_spec_uint ("n-evidence", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_N_COVERED] = g_param_spec_uint ("n-covered", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_candidate_init (RungCandidate *self)
{
}

/* Takes ownership of @record. */
RungCandidate *
_rung_candidate_new (RungPanel           *panel,
                     RungCandidateRecord *record)
{
  RungCandidate *self = g_object_new (RUNG_TYPE_CANDIDATE, NULL);

  g_set_weak_pointer (&self->panel, panel);
  self->record = record;

  return self;
}

/* Replaces the record with a newer one and notifies what changed. */
void
_rung_candidate_take_record (RungCandidate       *self,
                             RungCandidateRecord *record)
{
  g_autoptr(RungCandidateRecord) old = g_steal_pointer (&self->record);

  self->record = record;

  g_object_freeze_notify (G_OBJECT (self));
#define NOTIFY_IF_CHANGED(field, prop) \
  if (g_strcmp0 (old->field, record->field) != 0) \
    g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
  NOTIFY_IF_CHANGED (name, PROP_NAME)
  NOTIFY_IF_CHANGED (name, PROP_DISPLAY_NAME)
  NOTIFY_IF_CHANGED (current_level, PROP_CURRENT_LEVEL)
  NOTIFY_IF_CHANGED (target_level, PROP_TARGET_LEVEL)
  NOTIFY_IF_CHANGED (manager, PROP_MANAGER)
  NOTIFY_IF_CHANGED (team, PROP_TEAM)
  NOTIFY_IF_CHANGED (summary, PROP_SUMMARY)
  NOTIFY_IF_CHANGED (coverage_override, PROP_COVERAGE_OVERRIDE)
  NOTIFY_IF_CHANGED (updated_at, PROP_UPDATED_AT)
#undef NOTIFY_IF_CHANGED
  if (old->status != record->status)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_rung_candidate_notify_display_name (RungCandidate *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISPLAY_NAME]);
}

/**
 * rung_candidate_dup_display_name:
 *
 * The name to show and print: the candidate's own, or during a blind
 * meeting the letter that stands for it ("Candidate C"). Listen to
 * notify::display-name to follow it.
 *
 * Returns: (transfer full): the name
 */
char *
rung_candidate_dup_display_name (RungCandidate *self)
{
  RungMeeting *meeting;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  if (self->panel != NULL && rung_panel_get_blind (self->panel) &&
      (meeting = rung_panel_get_open_meeting (self->panel)) != NULL)
    return rung_meeting_dup_display_name (meeting, self);

  return g_strdup (self->record->name);
}

/* Adds @name, and each of its words and of their hyphenated parts ("Zoë",
 * "Müller-Ågren", "Müller", "Ågren"), to what is taken out of a text. */
static void
add_name_and_parts (GPtrArray  *terms,
                    const char *name)
{
  g_auto(GStrv) words = NULL;

  if (name == NULL || g_utf8_strlen (name, -1) < 2)
    return;

  g_ptr_array_add (terms, g_strdup (name));
  words = g_strsplit_set (name, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (words[i], "-", -1);

      if (g_utf8_strlen (words[i], -1) >= 2 && !g_str_equal (words[i], name))
        g_ptr_array_add (terms, g_strdup (words[i]));
      for (guint j = 0; parts[1] != NULL && parts[j] != NULL; j++)
        if (g_utf8_strlen (parts[j], -1) >= 2)
          g_ptr_array_add (terms, g_strdup (parts[j]));
    }
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int)strlen (*(const char **)b) - (int)strlen (*(const char **)a);
}

/* Replaces every whole-word @term of @text (any case) with @replacement. */
static char *
replace_words (const char *text,
               const char *term,
               const char *replacement)
{
  g_autofree char *escaped = g_regex_escape_string (term, -1);
  g_autofree char *pattern = g_strdup_printf ("(*UCP)(?<!\\w)%s(?!\\w)", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);

  if (regex == NULL)
    return g_strdup (text);

  return g_regex_replace_literal (regex, text, -1, 0, replacement, 0, NULL);
}

/**
 * rung_candidate_dup_text_without_name:
 * @text: what someone wrote about the candidate
 * @alias: what stands for them: "Candidate C"
 *
 * @text with the candidate's name and each word of it replaced by @alias,
 * and their manager's and team's taken out, so that "Amara led the payments
 * platform" reads "Candidate C led the [team]". Whole words only, in any
 * case and script.
 *
 * Returns: (transfer full): the text
 */
char *
rung_candidate_dup_text_without_name (RungCandidate *self,
                                      const char    *text,
                                      const char    *alias)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) managers = g_ptr_array_new_with_free_func (g_free);
  const char *team;
  char *shown;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (alias != NULL, NULL);

  team = self->record->team;
  shown = g_strdup (text);
  add_name_and_parts (names, self->record->name);
  add_name_and_parts (managers, self->record->manager);
  g_ptr_array_sort (names, longest_first);
  g_ptr_array_sort (managers, longest_first);

  if (team != NULL && g_utf8_strlen (team, -1) >= 2)
    {
      /* Translators: stands for a team's name in a text, during a blind meeting */
      char *replaced = replace_words (shown, team, _("[team]"));

      g_free (shown);
      shown = replaced;
    }
  for (guint i = 0; i < managers->len; i++)
    {
      /* Translators: stands for a manager's name in a text, during a blind meeting */
      char *replaced = replace_words (shown, g_ptr_array_index (managers, i), _("[manager]"));

      g_free (shown);
      shown = replaced;
    }
  for (guint i = 0; i < names->len; i++)
    {
      char *replaced = replace_words (shown, g_ptr_array_index (names, i), alias);

      g_free (shown);
      shown = replaced;
    }

  return shown;
}

/**
 * rung_candidate_dup_blind_text:
 * @text: (nullable): what someone wrote about the candidate
 *
 * During a blind meeting, @text as the room may see it (see
 * rung_candidate_dup_text_without_name()); otherwise @text as it is.
 *
 * Returns: (transfer full) (nullable): the text to show
 */
char *
rung_candidate_dup_blind_text (RungCandidate *self,
                               const char    *text)
{
  g_autofree char *alias = NULL;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  if (text == NULL || self->panel == NULL || !rung_panel_get_blind (self->panel))
    return g_strdup (text);

  alias = rung_candidate_dup_display_name (self);

  return rung_candidate_dup_text_without_name (self, text, alias);
}

/**
 * rung_candidate_status_get_label:
 *
 * Returns: the status as people read it: "Draft", "Ready", "In review", "Decided"
 */
const char *
rung_candidate_status_get_label (RungCandidateStatus status)
{
  switch (status)
    {
    case RUNG_CANDIDATE_STATUS_DRAFT:
      return _("Draft");
    case RUNG_CANDIDATE_STATUS_READY:
      return _("Ready");
    case RUNG_CANDIDATE_STATUS_IN_REVIEW:
      return _("In review");
    case RUNG_CANDIDATE_STATUS_DECIDED:
      return _("Decided");
    default:
      return "";
    }
}

gint64
rung_candidate_get_id (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), 0);

  return self->record->id;
}

/**
 * rung_candidate_get_panel:
 *
 * Returns: (transfer none) (nullable): the panel, while it is open
 */
RungPanel *
rung_candidate_get_panel (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  return self->panel;
}

const char *
rung_candidate_get_name (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  return self->record->name;
}

const char *
rung_candidate_get_current_level (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  return self->record->current_level;
}

const char *
rung_candidate_get_target_level (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  return self->record->target_level;
}

const char *
rung_candidate_get_manager (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  return self->record->manager;
}

const char *
rung_candidate_get_team (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  return self->record->team;
}

const char *
rung_candidate_get_summary (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  return self->record->summary;
}

RungCandidateStatus
rung_candidate_get_status (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), RUNG_CANDIDATE_STATUS_DRAFT);

  return self->record->status;
}

const char *
rung_candidate_get_updated_at (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  return self->record->updated_at;
}

/**
 * rung_candidate_get_level:
 *
 * Returns: (transfer none) (nullable): the ladder's level the candidate is
 *   reviewed for
 */
RungLevel *
rung_candidate_get_level (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  if (self->panel == NULL)
    return NULL;

  return rung_ladder_find_level (rung_panel_get_ladder (self->panel), self->record->target_level);
}

static char *
trimmed_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return copy[0] ? g_steal_pointer (&copy) : NULL;
}

static gboolean
write_record (RungCandidate              *self,
              const RungCandidateRecord  *changed,
              GError                    **error)
{
  RungStore *store;
  RungCandidateRecord *stored;

  if (self->panel == NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW,
                           _("The candidate no longer belongs to an open panel."));
      return FALSE;
    }

  if (!_rung_panel_check_writable (self->panel, error))
    return FALSE;

  store = _rung_panel_get_store (self->panel);
  if (!rung_store_update_candidate (store, _rung_panel_get_who (self->panel), changed, error) ||
      !(stored = rung_store_get_candidate (store, self->record->id, error)))
    return FALSE;

  {
    gboolean renamed = g_strcmp0 (self->record->name, stored->name) != 0;

    _rung_candidate_take_record (self, stored);
    if (renamed)
      _rung_panel_candidate_renamed (self->panel, self);
    _rung_panel_candidate_changed (self->panel, self);
  }

  return TRUE;
}

static RungCandidateRecord *
copy_record (const RungCandidateRecord *record)
{
  RungCandidateRecord *copy = g_new0 (RungCandidateRecord, 1);

  copy->id = record->id;
  copy->name = g_strdup (record->name);
  copy->current_level = g_strdup (record->current_level);
  copy->target_level = g_strdup (record->target_level);
  copy->manager = g_strdup (record->manager);
  copy->team = g_strdup (record->team);
  copy->status = record->status;
  copy->summary = g_strdup (record->summary);
  copy->coverage_override = g_strdup (record->coverage_override);

  return copy;
}

/**
 * rung_candidate_set_details:
 *
 * Changes the candidate's name, levels, manager and team in one transaction.
 * The name cannot be blank and the target level must be one of the ladder's.
 *
 * Returns: whether the change was written
 */
gboolean
rung_candidate_set_details (RungCandidate  *self,
                            const char     *name,
                            const char     *current_level,
                            const char     *target_level,
                            const char     *manager,
                            const char     *team,
                            GError        **error)
{
  g_autoptr(RungCandidateRecord) changed = NULL;
  g_autofree char *clean_name = trimmed_or_null (name);

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (clean_name == NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("A candidate needs a name."));
      return FALSE;
    }

  if (self->panel != NULL &&
      (target_level == NULL ||
       rung_ladder_find_level (rung_panel_get_ladder (self->panel), target_level) == NULL))
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("The panel’s ladder has no level “%s”."), target_level ? target_level : "");
      return FALSE;
    }

  changed = copy_record (self->record);
  g_free (changed->name);
  changed->name = g_steal_pointer (&clean_name);
  g_free (changed->current_level);
  changed->current_level = trimmed_or_null (current_level);
  g_free (changed->target_level);
  changed->target_level = g_strdup (target_level);
  g_free (changed->manager);
  changed->manager = trimmed_or_null (manager);
  g_free (changed->team);
  changed->team = trimmed_or_null (team);

  return write_record (self, changed, error);
}

gboolean
rung_candidate_set_summary (RungCandidate  *self,
                            const char     *summary,
                            GError        **error)
{
  g_autoptr(RungCandidateRecord) changed = NULL;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (summary ? summary : "", self->record->summary ? self->record->summary : "") == 0)
    return TRUE;

  changed = copy_record (self->record);
  g_free (changed->summary);
  changed->summary = g_strdup (summary ? summary : "");

  return write_record (self, changed, error);
}

/* The areas' titles as one phrase: "Impact, Growth and Leadership". */
static char *
join_area_titles (GPtrArray *areas)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < areas->len; i++)
    {
      const char *title = rung_area_get_title (g_ptr_array_index (areas, i));

      if (i == 0)
        g_string_append (joined, title);
      else if (i + 1 < areas->len)
        /* Translators: between two areas of a list, as in "Impact, Growth and Leadership" */
        g_string_append_printf (joined, _(", %s"), title);
      else
        /* Translators: before the last area of a list, as in "Impact, Growth and Leadership" */
        g_string_append_printf (joined, _(" and %s"), title);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/**
 * rung_candidate_list_uncovered_areas:
 *
 * Returns: (transfer container) (element-type RungArea): the areas of the
 *   target level that have no evidence at all, in ladder order
 */
GPtrArray *
rung_candidate_list_uncovered_areas (RungCandidate *self)
{
  GPtrArray *uncovered = g_ptr_array_new_with_free_func (g_object_unref);
  RungLevel *level;
  GListModel *areas;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), uncovered);

  if (!(level = rung_candidate_get_level (self)))
    return uncovered;

  areas = rung_level_get_areas (level);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);

      if (rung_candidate_get_n_covered_in_area (self, area) == 0)
        g_ptr_array_add (uncovered, g_steal_pointer (&area));
    }

  return uncovered;
}

/**
 * rung_candidate_dup_uncovered_summary:
 *
 * Returns: (transfer full) (nullable): the uncovered areas in a phrase
 *   ("Impact and Growth"), or %NULL when every area has evidence
 */
char *
rung_candidate_dup_uncovered_summary (RungCandidate *self)
{
  g_autoptr(GPtrArray) uncovered = rung_candidate_list_uncovered_areas (self);

  return uncovered->len > 0 ? join_area_titles (uncovered) : NULL;
}

const char *
rung_candidate_get_coverage_override (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  return self->record->coverage_override;
}

/* The coverage gate: a candidate leaves draft for the panel only when each
 * area of their target level has evidence, unless someone overrides it. */
static gboolean
check_coverage_gate (RungCandidate        *self,
                     RungCandidateStatus   status,
                     GError              **error)
{
  g_autofree char *uncovered = NULL;
  g_autofree char *name = NULL;

  if (self->record->status != RUNG_CANDIDATE_STATUS_DRAFT ||
      status == RUNG_CANDIDATE_STATUS_DRAFT ||
      !(uncovered = rung_candidate_dup_uncovered_summary (self)))
    return TRUE;

  name = rung_candidate_dup_display_name (self);
  g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
               _("%s has no evidence for %s yet. Add evidence, or give a reason to override "
                 "the check."),
               name, uncovered);
  return FALSE;
}

/**
 * rung_candidate_set_status:
 *
 * Moves the candidate through draft, ready, in review and decided. Leaving
 * draft needs evidence in every area of the target level (see
 * rung_candidate_override_coverage() for when it has not); going back to
 * draft forgets an override.
 */
gboolean
rung_candidate_set_status (RungCandidate        *self,
                           RungCandidateStatus   status,
                           GError              **error)
{
  g_autoptr(RungCandidateRecord) changed = NULL;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), FALSE);
  g_return_val_if_fail (status <= RUNG_CANDIDATE_STATUS_DECIDED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (status == self->record->status)
    return TRUE;

  if (!check_coverage_gate (self, status, error))
    return FALSE;

  changed = copy_record (self->record);
  changed->status = status;
  if (status == RUNG_CANDIDATE_STATUS_DRAFT)
    g_clear_pointer (&changed->coverage_override, g_free);

  return write_record (self, changed, error);
}

/**
 * rung_candidate_override_coverage:
 * @status: where the candidate goes: ready, in review or decided
 * @reason: why, for the audit log and whoever reads the packet
 *
 * Takes the candidate out of draft although an area has no evidence.
 */
gboolean
rung_candidate_override_coverage (RungCandidate        *self,
                                  RungCandidateStatus   status,
                                  const char           *reason,
                                  GError              **error)
{
  g_autoptr(RungCandidateRecord) changed = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason ? reason : ""));

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), FALSE);
  g_return_val_if_fail (status > RUNG_CANDIDATE_STATUS_DRAFT && status <= RUNG_CANDIDATE_STATUS_DECIDED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (clean[0] == '\0')
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("An override of the evidence check needs a reason."));
      return FALSE;
    }

  changed = copy_record (self->record);
  changed->status = status;
  g_free (changed->coverage_override);
  changed->coverage_override = g_steal_pointer (&clean);

  return write_record (self, changed, error);
}

static void
ensure_evidence (RungCandidate *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (self->evidence != NULL)
    return;

  /* From here on the items say what is covered, and follow every change. */
  g_clear_pointer (&self->covered, g_hash_table_unref);
  self->evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->n_evidence = 0;

  if (self->panel == NULL)
    return;

  records = rung_store_list_evidence (_rung_panel_get_store (self->panel), self->record->id, &error);
  if (records == NULL)
    {
      g_warning ("Could not read the evidence of candidate %" G_GINT64_FORMAT ": %s",
                 self->record->id, error->message);
      return;
    }

  /* The records come ordered by expectation and position: append in turn. */
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      RungEvidenceRecord *record = g_ptr_array_index (records, i);
      GListStore *items = g_hash_table_lookup (self->evidence, record->expectation_id);
      g_autoptr(RungEvidence) evidence = NULL;

      if (items == NULL)
        {
          items = g_list_store_new (RUNG_TYPE_EVIDENCE);
          g_hash_table_insert (self->evidence, g_strdup (record->expectation_id), items);
        }

      evidence = _rung_evidence_new (self, record);
      g_list_store_append (items, evidence);
      self->n_evidence++;
    }
}

static GListStore *
evidence_store (RungCandidate *self,
                const char    *expectation_id)
{
  GListStore *items;

  ensure_evidence (self);

  items = g_hash_table_lookup (self->evidence, expectation_id);
  if (items == NULL)
    {
      items = g_list_store_new (RUNG_TYPE_EVIDENCE);
      g_hash_table_insert (self->evidence, g_strdup (expectation_id), items);
    }

  return items;
}

/**
 * rung_candidate_get_evidence:
 *
 * Returns: (transfer none): a #GListModel of the #RungEvidence for one
 *   expectation, in the order they were written; it follows every change
 */
GListModel *
rung_candidate_get_evidence (RungCandidate *self,
                             const char    *expectation_id)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);
  g_return_val_if_fail (expectation_id != NULL, NULL);

  return G_LIST_MODEL (evidence_store (self, expectation_id));
}

guint
rung_candidate_get_n_evidence (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), 0);

  ensure_evidence (self);

  return self->n_evidence;
}

/* The expectations with evidence, while the items are not loaded. */
static GHashTable *
ensure_covered (RungCandidate *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (self->covered != NULL)
    return self->covered;

  self->covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (self->panel == NULL)
    return self->covered;

  if (!(ids = rung_store_list_covered (_rung_panel_get_store (self->panel), self->record->id, &error)))
    {
      g_warning ("Could not read the coverage of candidate %" G_GINT64_FORMAT ": %s",
                 self->record->id, error->message);
      return self->covered;
    }

  g_ptr_array_set_free_func (ids, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->covered, g_ptr_array_index (ids, i));

  return self->covered;
}

static gboolean
is_covered (RungCandidate *self,
            const char    *expectation_id)
{
  GListStore *items;

  if (self->evidence == NULL)
    return g_hash_table_contains (ensure_covered (self), expectation_id);

  items = g_hash_table_lookup (self->evidence, expectation_id);

  return items != NULL && g_list_model_get_n_items (G_LIST_MODEL (items)) > 0;
}

static guint
count_covered (RungCandidate *self,
               GListModel    *expectations)
{
  guint n = g_list_model_get_n_items (expectations);
  guint covered = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, i);

      if (is_covered (self, rung_expectation_get_id (expectation)))
        covered++;
    }

  return covered;
}

guint
rung_candidate_get_n_covered_in_area (RungCandidate *self,
                                      RungArea      *area)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), 0);
  g_return_val_if_fail (RUNG_IS_AREA (area), 0);

  return count_covered (self, rung_area_get_expectations (area));
}

/**
 * rung_candidate_get_n_covered:
 *
 * Returns: how many expectations of the target level have evidence
 */
guint
rung_candidate_get_n_covered (RungCandidate *self)
{
  RungLevel *level;
  GListModel *areas;
  guint covered = 0;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), 0);

  if (!(level = rung_candidate_get_level (self)))
    return 0;

  areas = rung_level_get_areas (level);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);

      covered += rung_candidate_get_n_covered_in_area (self, area);
    }

  return covered;
}

guint
rung_candidate_get_n_expectations (RungCandidate *self)
{
  RungLevel *level;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), 0);

  level = rung_candidate_get_level (self);

  return level ? rung_level_get_n_expectations (level) : 0;
}

static void
notify_evidence_counts (RungCandidate *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_EVIDENCE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_COVERED]);
  if (self->panel != NULL)
    _rung_panel_candidate_changed (self->panel, self);
}

/**
 * rung_candidate_add_evidence:
 *
 * Adds an item of evidence for @expectation_id, which must be an expectation
 * of the candidate's target level, after the items already there.
 *
 * Returns: (transfer none) (nullable): the new item, or %NULL with @error set
 */
RungEvidence *
rung_candidate_add_evidence (RungCandidate  *self,
                             const char     *expectation_id,
                             const char     *title,
                             const char     *text,
                             const char     *link,
                             const char     *date,
                             GError        **error)
{
  RungLevel *level;
  RungStore *store;
  RungEvidenceRecord record = { 0 };
  RungEvidenceRecord *stored;
  g_autoptr(RungEvidence) evidence = NULL;
  gint64 id;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);
  g_return_val_if_fail (expectation_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->panel == NULL || !_rung_panel_check_writable (self->panel, error))
    {
      if (self->panel == NULL)
        g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW,
                             _("The candidate no longer belongs to an open panel."));
      return NULL;
    }

  level = rung_candidate_get_level (self);
  if (level == NULL || rung_level_find_expectation (level, expectation_id) == NULL)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   _("The ladder has no expectation “%s” at level %s."),
                   expectation_id, self->record->target_level);
      return NULL;
    }

  /* Load what the file holds first, so the new item is not counted twice. */
  ensure_evidence (self);

  record.candidate_id = self->record->id;
  record.expectation_id = (char *)expectation_id;
  record.title = (char *)(title ? title : "");
  record.text = (char *)(text ? text : "");
  record.link = (link && *link) ? (char *)link : NULL;
  record.date = (date && *date) ? (char *)date : NULL;
  record.author = (char *)_rung_panel_get_who (self->panel);

  store = _rung_panel_get_store (self->panel);
  if (!(id = rung_store_add_evidence (store, _rung_panel_get_who (self->panel), &record, error)) ||
      !(stored = rung_store_get_evidence (store, id, error)))
    return NULL;

  evidence = _rung_evidence_new (self, stored);
  g_list_store_append (evidence_store (self, expectation_id), evidence);
  self->n_evidence++;
  notify_evidence_counts (self);

  return evidence;
}

gboolean
rung_candidate_remove_evidence (RungCandidate  *self,
                                RungEvidence   *evidence,
                                GError        **error)
{
  GListStore *items;
  guint position;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), FALSE);
  g_return_val_if_fail (RUNG_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->panel == NULL || !_rung_panel_check_writable (self->panel, error))
    {
      if (self->panel == NULL)
        g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW,
                             _("The candidate no longer belongs to an open panel."));
      return FALSE;
    }

  if (!rung_store_delete_evidence (_rung_panel_get_store (self->panel),
                                   _rung_panel_get_who (self->panel),
                                   rung_evidence_get_id (evidence), error))
    return FALSE;

  items = evidence_store (self, rung_evidence_get_expectation_id (evidence));
  if (g_list_store_find (items, evidence, &position))
    {
      g_list_store_remove (items, position);
      self->n_evidence--;
    }
  notify_evidence_counts (self);

  return TRUE;
}

/**
 * rung_candidate_find_evidence:
 *
 * Returns: (transfer none) (nullable): the candidate's evidence item with
 *   @evidence_id, if it is still there
 */
RungEvidence *
rung_candidate_find_evidence (RungCandidate *self,
                              gint64         evidence_id)
{
  GHashTableIter iter;
  gpointer items;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  ensure_evidence (self);

  g_hash_table_iter_init (&iter, self->evidence);
  while (g_hash_table_iter_next (&iter, NULL, &items))
    {
      guint n = g_list_model_get_n_items (items);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, i);

          if (rung_evidence_get_id (evidence) == evidence_id)
            return evidence;
        }
    }

  return NULL;
}

/* Whether nothing but the candidate holds @store and its items. */
static gboolean
store_unused (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (G_OBJECT (store)->ref_count > 1)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (store), i);
      /* Ours, just taken, and the store's. */
      gboolean held = item->ref_count > 2;

      g_object_unref (item);
      if (held)
        return FALSE;
    }

  return TRUE;
}

static gboolean
evidence_unused (RungCandidate *self)
{
  GHashTableIter iter;
  gpointer store;

  g_hash_table_iter_init (&iter, self->evidence);
  while (g_hash_table_iter_next (&iter, NULL, &store))
    if (!store_unused (store))
      return FALSE;

  return TRUE;
}

/**
 * rung_candidate_forget_loaded:
 *
 * Drops the evidence, ratings and concerns loaded from the file, each list
 * only if nothing but the candidate holds it or its items: they load again
 * when next asked for. What reads every candidate once (a committee book)
 * so keeps one candidate's lists in memory, not all of them.
 */
void
rung_candidate_forget_loaded (RungCandidate *self)
{
  g_return_if_fail (RUNG_IS_CANDIDATE (self));

  if (self->evidence != NULL && evidence_unused (self))
    {
      g_clear_pointer (&self->evidence, g_hash_table_unref);
      self->n_evidence = 0;
    }
  if (self->ratings != NULL && store_unused (self->ratings))
    g_clear_object (&self->ratings);
  if (self->concerns != NULL && store_unused (self->concerns))
    g_clear_object (&self->concerns);
}

/* Ratings, concerns and decisions: lists replaced whole from the file. */

typedef gpointer (*WrapRecord) (gpointer record);

static void
replace_items (GListStore *store,
               GPtrArray  *records,
               WrapRecord  wrap)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (objects, wrap (g_ptr_array_index (records, i)));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       objects->pdata, objects->len);
}

void
_rung_candidate_reload_ratings (RungCandidate *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (self->ratings == NULL || self->panel == NULL)
    return;

  records = rung_store_list_ratings (_rung_panel_get_store (self->panel), self->record->id, &error);
  if (records == NULL)
    g_warning ("Could not read ratings: %s", error->message);
  else
    replace_items (self->ratings, records, (WrapRecord)_rung_rating_new);
}

void
_rung_candidate_reload_concerns (RungCandidate *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (self->concerns == NULL || self->panel == NULL)
    return;

  records = rung_store_list_concerns (_rung_panel_get_store (self->panel), self->record->id, &error);
  if (records == NULL)
    g_warning ("Could not read concerns: %s", error->message);
  else
    replace_items (self->concerns, records, (WrapRecord)_rung_concern_new);
}

void
_rung_candidate_reload_decisions (RungCandidate *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (self->decisions == NULL || self->panel == NULL)
    return;

  records = rung_store_list_decisions (_rung_panel_get_store (self->panel), self->record->id, &error);
  if (records == NULL)
    g_warning ("Could not read decisions: %s", error->message);
  else
    replace_items (self->decisions, records, (WrapRecord)_rung_decision_new);
}

/**
 * rung_candidate_get_ratings:
 *
 * Returns: (transfer none): a #GListModel of #RungRating, by panelist and area
 */
GListModel *
rung_candidate_get_ratings (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  if (self->ratings == NULL)
    {
      self->ratings = g_list_store_new (RUNG_TYPE_RATING);
      _rung_candidate_reload_ratings (self);
    }

  return G_LIST_MODEL (self->ratings);
}

/**
 * rung_candidate_find_rating:
 *
 * Returns: (transfer none) (nullable): @panelist's rating of @area_id
 */
RungRating *
rung_candidate_find_rating (RungCandidate *self,
                            RungPanelist  *panelist,
                            const char    *area_id)
{
  GListModel *ratings;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);
  g_return_val_if_fail (RUNG_IS_PANELIST (panelist), NULL);
  g_return_val_if_fail (area_id != NULL, NULL);

  ratings = rung_candidate_get_ratings (self);
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(RungRating) rating = g_list_model_get_item (ratings, i);

      if (rung_rating_get_panelist_id (rating) == rung_panelist_get_id (panelist) &&
          g_strcmp0 (rung_rating_get_area_id (rating), area_id) == 0)
        return rating;
    }

  return NULL;
}

/**
 * rung_candidate_get_concerns:
 *
 * Returns: (transfer none): a #GListModel of #RungConcern
 */
GListModel *
rung_candidate_get_concerns (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  if (self->concerns == NULL)
    {
      self->concerns = g_list_store_new (RUNG_TYPE_CONCERN);
      _rung_candidate_reload_concerns (self);
    }

  return G_LIST_MODEL (self->concerns);
}

/**
 * rung_candidate_get_decisions:
 *
 * Returns: (transfer none): a #GListModel of #RungDecision, oldest revision first
 */
GListModel *
rung_candidate_get_decisions (RungCandidate *self)
{
  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  if (self->decisions == NULL)
    {
      self->decisions = g_list_store_new (RUNG_TYPE_DECISION);
      _rung_candidate_reload_decisions (self);
    }

  return G_LIST_MODEL (self->decisions);
}

/**
 * rung_candidate_get_latest_decision:
 *
 * Returns: (transfer none) (nullable): the decision's latest revision
 */
RungDecision *
rung_candidate_get_latest_decision (RungCandidate *self)
{
  GListModel *decisions;
  guint n;
  g_autoptr(RungDecision) latest = NULL;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (self), NULL);

  decisions = rung_candidate_get_decisions (self);
  n = g_list_model_get_n_items (decisions);
  if (n == 0)
    return NULL;

  latest = g_list_model_get_item (decisions, n - 1);

  return latest;
}

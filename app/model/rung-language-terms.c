/* rung-language-terms.c: a panel's list of subjective language.
 *
 * Rung's list comes from a data file bundled per language
 * (data/language/LANG.ini, its format documented at the top of en.ini),
 * the first of the user's languages that has one, English otherwise. The
 * panel file keeps the panel's own changes to it: phrases it hides and
 * phrases it adds. The list is a GListModel of RungLanguageTerm, Rung's
 * phrases in the file's order and then the panel's in alphabetical order,
 * hidden ones included; "changed" says that what is marked has changed.
 *
 * Matching compiles the phrases shown (and their other forms) into one
 * RungLanguageMatcher, rebuilt when the list changes, so that finding them
 * in a text costs one pass over it: cheap enough for every keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-language"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rung-language-matcher.h"
#include "rung-language-terms.h"
#include "rung-panel-private.h"

#define DEFAULT_LANGUAGE "en"

struct _RungLanguageTerms
{
  GObject              parent_instance;

  RungPanel           *panel;          /* weak */
  char                *language;
  GPtrArray           *terms;          /* RungLanguageTerm: Rung's, then the panel's */
  guint                n_builtin;
  RungLanguageMatcher *matcher;
  GPtrArray           *matched_terms;  /* the matcher's phrase i → its RungLanguageTerm */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RungLanguageTerms, rung_language_terms, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Rung's list */

static GPtrArray *
parse_builtin (GBytes  *bytes,
               GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) phrases = NULL;

  if (!g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, error))
    return NULL;

  phrases = g_key_file_get_groups (file, NULL);
  for (guint i = 0; phrases[i] != NULL; i++)
    {
      g_autofree char *reason = g_key_file_get_string (file, phrases[i], "reason", error);
      g_auto(GStrv) forms = g_key_file_get_string_list (file, phrases[i], "forms", NULL, NULL);

      if (reason == NULL)
        return NULL;

      g_ptr_array_add (terms, rung_language_term_new (phrases[i], g_strstrip (reason),
                                                      (const char * const *)forms, TRUE));
    }

  return g_steal_pointer (&terms);
}

/**
 * rung_language_terms_load_builtin:
 * @language_names: (nullable): the languages to try, in order, as
 *   g_get_language_names() gives them; %NULL for the user's
 * @language: (out) (optional): the language of the list loaded
 *
 * Loads Rung's list of the first language that has one, English if none.
 *
 * Returns: (transfer full) (element-type RungLanguageTerm): the list
 */
GPtrArray *
rung_language_terms_load_builtin (const char * const  *language_names,
                                  char               **language,
                                  GError             **error)
{
  static const char * const fallback[] = { DEFAULT_LANGUAGE, NULL };
  const char * const *tries[] = { language_names ? language_names : g_get_language_names (), fallback };

  for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
    for (guint i = 0; tries[t][i] != NULL; i++)
      {
        g_autofree char *path = g_strdup_printf (RESOURCE_PATH "/language/%s.ini", tries[t][i]);
        g_autoptr(GBytes) bytes = NULL;
        GPtrArray *terms;

        /* "C", or a language Rung has no list for. */
        if (strchr (tries[t][i], '/') != NULL ||
            !(bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL)))
          continue;

        if (!(terms = parse_builtin (bytes, error)))
          return NULL;

        if (language != NULL)
          *language = g_strdup (tries[t][i]);
        return terms;
      }

  g_set_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND,
               /* Not translated: only a broken build gets here */
               "No list of subjective language is bundled");
  return NULL;
}

/* The list model */

static GType
list_model_get_item_type (GListModel *model)
{
  return RUNG_TYPE_LANGUAGE_TERM;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return RUNG_LANGUAGE_TERMS (model)->terms->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  RungLanguageTerms *self = RUNG_LANGUAGE_TERMS (model);

  if (position >= self->terms->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->terms, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
rung_language_terms_dispose (GObject *object)
{
  RungLanguageTerms *self = (RungLanguageTerms *)object;

  g_clear_weak_pointer (&self->panel);
  g_clear_pointer (&self->matcher, rung_language_matcher_free);
  g_clear_pointer (&self->matched_terms, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);

  G_OBJECT_CLASS (rung_language_terms_parent_class)->dispose (object);
}

static void
rung_language_terms_finalize (GObject *object)
{
  RungLanguageTerms *self = (RungLanguageTerms *)object;

  g_free (self->language);

  G_OBJECT_CLASS (rung_language_terms_parent_class)->finalize (object);
}

static void
rung_language_terms_class_init (RungLanguageTermsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_language_terms_dispose;
  object_class->finalize = rung_language_terms_finalize;

  /**
   * RungLanguageTerms::changed:
   *
   * What is marked changed: a phrase was added, removed, hidden or shown.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rung_language_terms_init (RungLanguageTerms *self)
{
  self->terms = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Matching */

static char *
fold (const char *phrase)
{
  g_autofree char *normal = rung_language_normalize_phrase (phrase);

  return g_utf8_casefold (normal, -1);
}

static gboolean
term_says (RungLanguageTerm *term,
           const char       *folded)
{
  const char * const *forms = rung_language_term_get_forms (term);
  g_autofree char *phrase = fold (rung_language_term_get_phrase (term));

  if (g_str_equal (phrase, folded))
    return TRUE;

  for (guint i = 0; forms != NULL && forms[i] != NULL; i++)
    {
      g_autofree char *form = fold (forms[i]);

      if (g_str_equal (form, folded))
        return TRUE;
    }

  return FALSE;
}

static void
rebuild_matcher (RungLanguageTerms *self)
{
  g_autoptr(GPtrArray) phrases = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->matcher, rung_language_matcher_free);
  g_clear_pointer (&self->matched_terms, g_ptr_array_unref);
  self->matched_terms = g_ptr_array_new ();

  for (guint i = 0; i < self->terms->len; i++)
    {
      RungLanguageTerm *term = g_ptr_array_index (self->terms, i);
      const char * const *forms = rung_language_term_get_forms (term);

      if (rung_language_term_get_hidden (term))
        continue;

      g_ptr_array_add (phrases, (gpointer)rung_language_term_get_phrase (term));
      g_ptr_array_add (self->matched_terms, term);
      for (guint f = 0; forms != NULL && forms[f] != NULL; f++)
        {
          g_ptr_array_add (phrases, (gpointer)forms[f]);
          g_ptr_array_add (self->matched_terms, term);
        }
    }

  self->matcher = rung_language_matcher_new ((const char * const *)phrases->pdata, phrases->len, &error);
  /* Every phrase is escaped: only a bug gets here. */
  if (self->matcher == NULL)
    g_critical ("The list of subjective language does not compile: %s", error->message);
}

static void
list_changed (RungLanguageTerms *self)
{
  rebuild_matcher (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
clear_match (RungLanguageMatch *match)
{
  g_clear_object (&match->term);
}

/**
 * rung_language_terms_find:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a nul
 *
 * Returns: (transfer full) (element-type RungLanguageMatch): where the
 *   phrases shown are in @text, in its order, without overlaps
 */
GArray *
rung_language_terms_find (RungLanguageTerms *self,
                          const char        *text,
                          gssize             length)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (RungLanguageMatch));
  g_autoptr(GArray) spans = NULL;

  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERMS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  g_array_set_clear_func (matches, (GDestroyNotify)clear_match);
  if (self->matcher == NULL)
    return g_steal_pointer (&matches);

  spans = rung_language_matcher_find (self->matcher, text, length);
  for (guint i = 0; i < spans->len; i++)
    {
      const RungLanguageSpan *span = &g_array_index (spans, RungLanguageSpan, i);
      RungLanguageMatch match = { span->start, span->end,
                                  g_object_ref (g_ptr_array_index (self->matched_terms, span->phrase_index)) };

      g_array_append_val (matches, match);
    }

  return g_steal_pointer (&matches);
}

/* Building the list */

static int
compare_phrases (gconstpointer a,
                 gconstpointer b)
{
  RungLanguageTerm *x = *(RungLanguageTerm **)a;
  RungLanguageTerm *y = *(RungLanguageTerm **)b;

  return g_utf8_collate (rung_language_term_get_phrase (x), rung_language_term_get_phrase (y));
}

static void
sort_additions (RungLanguageTerms *self)
{
  qsort (self->terms->pdata + self->n_builtin, self->terms->len - self->n_builtin,
         sizeof (gpointer), compare_phrases);
}

/* Takes the panel's rows: hides what they hide, adds what they add. */
static void
apply_rows (RungLanguageTerms *self,
            GPtrArray         *rows)
{
  for (guint r = 0; r < rows->len; r++)
    {
      RungLanguageTermRecord *row = g_ptr_array_index (rows, r);
      RungLanguageTerm *builtin;

      if (!row->hidden)
        {
          g_ptr_array_add (self->terms, rung_language_term_new (row->phrase, row->reason, NULL, FALSE));
          continue;
        }

      /* A phrase of a list in another language hides nothing here. */
      builtin = rung_language_terms_lookup (self, row->phrase);
      if (builtin != NULL && rung_language_term_is_builtin (builtin))
        rung_language_term_set_hidden (builtin, TRUE);
    }
}

/**
 * rung_language_terms_new:
 * @panel: (nullable): the panel whose changes to Rung's list apply; %NULL
 *   for Rung's list alone, which cannot be edited
 *
 * Returns: (transfer full): the list, in the user's language
 */
RungLanguageTerms *
rung_language_terms_new (RungPanel *panel)
{
  g_autoptr(RungLanguageTerms) self = g_object_new (RUNG_TYPE_LANGUAGE_TERMS, NULL);
  g_autoptr(GPtrArray) builtin = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (panel == NULL || RUNG_IS_PANEL (panel), NULL);

  g_set_weak_pointer (&self->panel, panel);

  if (!(builtin = rung_language_terms_load_builtin (NULL, &self->language, &error)))
    g_critical ("Rung’s list of subjective language does not load: %s", error->message);
  else
    g_ptr_array_extend_and_steal (self->terms, g_steal_pointer (&builtin));
  self->n_builtin = self->terms->len;

  if (panel != NULL && _rung_panel_get_store (panel) != NULL)
    {
      if ((rows = rung_store_list_language_terms (_rung_panel_get_store (panel), &error)))
        apply_rows (self, rows);
      else
        g_warning ("The panel’s list of subjective language does not load: %s", error->message);
    }

  sort_additions (self);
  rebuild_matcher (self);

  return g_steal_pointer (&self);
}

/**
 * rung_language_terms_get_language:
 *
 * Returns: the language of Rung's list, as a locale names it ("en", "de")
 */
const char *
rung_language_terms_get_language (RungLanguageTerms *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERMS (self), NULL);

  return self->language;
}

/**
 * rung_language_terms_can_edit:
 *
 * Returns: whether the list belongs to a panel that can be changed
 */
gboolean
rung_language_terms_can_edit (RungLanguageTerms *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERMS (self), FALSE);

  return self->panel != NULL && !rung_panel_is_read_only (self->panel);
}

static gboolean
check_writable (RungLanguageTerms  *self,
                GError            **error)
{
  if (self->panel == NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_IO, _("The panel is closed."));
      return FALSE;
    }

  return _rung_panel_check_writable (self->panel, error);
}

/**
 * rung_language_terms_lookup:
 *
 * Returns: (transfer none) (nullable): the term that has @phrase as its
 *   phrase or one of its forms, ignoring case and spacing, hidden or not
 */
RungLanguageTerm *
rung_language_terms_lookup (RungLanguageTerms *self,
                            const char        *phrase)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERMS (self), NULL);
  g_return_val_if_fail (phrase != NULL, NULL);

  folded = fold (phrase);
  for (guint i = 0; i < self->terms->len; i++)
    if (term_says (g_ptr_array_index (self->terms, i), folded))
      return g_ptr_array_index (self->terms, i);

  return NULL;
}

/* A phrase must name words: one of only punctuation would mark every
 * comma. */
static gboolean
has_word (const char *phrase)
{
  for (const char *p = phrase; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static gboolean
check_new_phrase (RungLanguageTerms  *self,
                  const char         *phrase,
                  const char         *reason,
                  GError            **error)
{
  RungLanguageTerm *existing;
  g_autofree char *message = NULL;

  if (!has_word (phrase))
    message = g_strdup (_("A phrase needs at least one letter or digit."));
  else if (g_utf8_strlen (phrase, -1) > RUNG_LANGUAGE_PHRASE_MAX)
    message = g_strdup_printf (_("A phrase can be at most %d characters long."), RUNG_LANGUAGE_PHRASE_MAX);
  else if (reason[0] == '\0')
    message = g_strdup (_("A phrase needs a reason, shown to whoever writes it."));
  else if (g_utf8_strlen (reason, -1) > RUNG_LANGUAGE_REASON_MAX)
    message = g_strdup_printf (_("A reason can be at most %d characters long."), RUNG_LANGUAGE_REASON_MAX);

  if (message != NULL)
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE, message);
      return FALSE;
    }

  if ((existing = rung_language_terms_lookup (self, phrase)) != NULL)
    {
      g_set_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                   rung_language_term_is_builtin (existing)
                   ? _("“%s” is already on Rung’s list; switch it on there instead.")
                   : _("“%s” is already on the panel’s list."),
                   rung_language_term_get_phrase (existing));
      return FALSE;
    }

  return TRUE;
}

/**
 * rung_language_terms_add:
 * @phrase: a word or phrase, matched literally as whole words
 * @reason: why it is marked, shown beside it
 *
 * Adds a phrase of the panel's own, written to the panel file at once.
 *
 * Returns: (transfer none) (nullable): the new term, or %NULL with @error
 *   set: a read-only panel, a blank or too long phrase or reason, or one
 *   already on the list
 */
RungLanguageTerm *
rung_language_terms_add (RungLanguageTerms  *self,
                         const char         *phrase,
                         const char         *reason,
                         GError            **error)
{
  g_autofree char *clean_phrase = NULL;
  g_autofree char *clean_reason = NULL;
  RungLanguageTerm *term;
  guint position;

  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERMS (self), NULL);
  g_return_val_if_fail (phrase != NULL && reason != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clean_phrase = rung_language_normalize_phrase (phrase);
  clean_reason = g_strstrip (g_strdup (reason));

  if (!check_writable (self, error) ||
      !check_new_phrase (self, clean_phrase, clean_reason, error) ||
      !rung_store_add_language_term (_rung_panel_get_store (self->panel), _rung_panel_get_who (self->panel),
                                     clean_phrase, clean_reason, error))
    return NULL;

  term = rung_language_term_new (clean_phrase, clean_reason, NULL, FALSE);
  g_ptr_array_add (self->terms, term);
  sort_additions (self);
  g_ptr_array_find (self->terms, term, &position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  list_changed (self);

  return term;
}

/**
 * rung_language_terms_remove:
 * @term: a phrase the panel added
 *
 * Removes a phrase of the panel's own; Rung's are hidden instead.
 */
gboolean
rung_language_terms_remove (RungLanguageTerms  *self,
                            RungLanguageTerm   *term,
                            GError            **error)
{
  guint position;

  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERMS (self), FALSE);
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERM (term), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_ptr_array_find (self->terms, term, &position) || rung_language_term_is_builtin (term))
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("Only a phrase the panel added can be removed."));
      return FALSE;
    }

  if (!check_writable (self, error) ||
      !rung_store_remove_language_term (_rung_panel_get_store (self->panel), _rung_panel_get_who (self->panel),
                                        rung_language_term_get_phrase (term), error))
    return FALSE;

  g_ptr_array_remove_index (self->terms, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  list_changed (self);

  return TRUE;
}

/**
 * rung_language_terms_set_hidden:
 * @term: a phrase of Rung's list
 *
 * Hides a phrase of Rung's list in this panel, or shows it again.
 */
gboolean
rung_language_terms_set_hidden (RungLanguageTerms  *self,
                                RungLanguageTerm   *term,
                                gboolean            hidden,
                                GError            **error)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERMS (self), FALSE);
  g_return_val_if_fail (RUNG_IS_LANGUAGE_TERM (term), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_ptr_array_find (self->terms, term, NULL) || !rung_language_term_is_builtin (term))
    {
      g_set_error_literal (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE,
                           _("Only a phrase of Rung’s list can be hidden; remove the panel’s own instead."));
      return FALSE;
    }

  if (!hidden == !rung_language_term_get_hidden (term))
    return TRUE;

  if (!check_writable (self, error) ||
      !rung_store_set_language_term_hidden (_rung_panel_get_store (self->panel), _rung_panel_get_who (self->panel),
                                            rung_language_term_get_phrase (term), hidden, error))
    return FALSE;

  rung_language_term_set_hidden (term, hidden);
  list_changed (self);

  return TRUE;
}

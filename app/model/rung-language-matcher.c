/* rung-language-matcher.c: finds every occurrence of a list of phrases in a
 * text, for the subjective-language marks that follow typing.
 *
 * All the phrases are compiled into one regular expression, an alternation
 * of literal phrases (each escaped: a panel's "a.b" matches "a.b" only),
 * so that a text is read once whatever the length of the list. A phrase
 * matches whole words only: neither side may touch a letter, digit or mark,
 * so "bossy" is not found in "embossy". Each space of a phrase stands for
 * any run of white space, a line break too, and an apostrophe for either
 * apostrophe. Case is ignored, by Unicode's rules. Where phrases overlap,
 * the leftmost wins, and of those starting there the longest, so "not a
 * culture fit" is one mark, not a mark on "culture fit" inside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-language"

#include "config.h"

#include <string.h>

#include "rung-language-matcher.h"

/* What may not touch either end of a match: letters, digits, combining
 * marks and the underscore. */
#define WORD_CHARACTER "[\\p{L}\\p{N}\\p{M}_]"
#define SEPARATOR "[\\s\\p{Z}]+"
#define APOSTROPHE "['\\x{2019}]"

struct _RungLanguageMatcher
{
  GRegex *regex;        /* NULL for an empty list */
  guint  *group_phrase; /* capture group i + 1 → index of its phrase */
  guint   n_groups;
};

/**
 * rung_language_normalize_phrase:
 *
 * Returns: (transfer full): @phrase without white space at either end and
 *   with each run of white space inside made one space
 */
char *
rung_language_normalize_phrase (const char *phrase)
{
  g_autoptr(GString) normal = g_string_new (NULL);
  gboolean in_space = FALSE;

  g_return_val_if_fail (phrase != NULL, NULL);

  for (const char *p = phrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        {
          in_space = TRUE;
          continue;
        }
      if (in_space && normal->len > 0)
        g_string_append_c (normal, ' ');
      in_space = FALSE;
      g_string_append_unichar (normal, c);
    }

  return g_string_free (g_steal_pointer (&normal), FALSE);
}

/* One phrase as a pattern: its words escaped, joined by any white space,
 * and either apostrophe for each apostrophe. */
static void
append_phrase_pattern (GString    *pattern,
                       const char *phrase)
{
  g_autofree char *normalized = rung_language_normalize_phrase (phrase);
  g_autoptr(GString) normal = g_string_new (normalized);
  g_auto(GStrv) words = NULL;

  g_string_replace (normal, "\xe2\x80\x99", "'", 0);
  words = g_strsplit (normal->str, " ", -1);
  for (guint w = 0; words[w] != NULL; w++)
    {
      g_auto(GStrv) pieces = g_strsplit (words[w], "'", -1);

      if (w > 0)
        g_string_append (pattern, SEPARATOR);

      for (guint i = 0; pieces[i] != NULL; i++)
        {
          g_autofree char *escaped = g_regex_escape_string (pieces[i], -1);

          if (i > 0)
            g_string_append (pattern, APOSTROPHE);
          g_string_append (pattern, escaped);
        }
    }
}

typedef struct
{
  const char *phrase;
  guint       index;
  glong       length;
} Alternative;

/* Longest first, so that of the phrases starting at one place the longest
 * wins; the list's order breaks ties, for a result that does not depend on
 * the sort. */
static int
compare_alternatives (gconstpointer a,
                      gconstpointer b)
{
  const Alternative *x = a;
  const Alternative *y = b;

  if (x->length != y->length)
    return x->length > y->length ? -1 : 1;

  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * rung_language_matcher_new:
 * @phrases: (array length=n_phrases): the phrases to find; an empty or
 *   blank one is left out
 *
 * Returns: (transfer full) (nullable): the matcher, or %NULL with @error
 *   set should the expression not compile
 */
RungLanguageMatcher *
rung_language_matcher_new (const char * const  *phrases,
                           guint                n_phrases,
                           GError             **error)
{
  g_autoptr(RungLanguageMatcher) self = g_new0 (RungLanguageMatcher, 1);
  g_autoptr(GArray) alternatives = g_array_new (FALSE, FALSE, sizeof (Alternative));
  g_autoptr(GString) pattern = g_string_new ("(?<!" WORD_CHARACTER ")(?:");

  g_return_val_if_fail (phrases != NULL || n_phrases == 0, NULL);

  for (guint i = 0; i < n_phrases; i++)
    {
      g_autofree char *normal = rung_language_normalize_phrase (phrases[i]);
      Alternative alternative = { phrases[i], i, g_utf8_strlen (normal, -1) };

      if (alternative.length > 0)
        g_array_append_val (alternatives, alternative);
    }

  if (alternatives->len == 0)
    return g_steal_pointer (&self);

  g_array_sort (alternatives, compare_alternatives);
  self->n_groups = alternatives->len;
  self->group_phrase = g_new (guint, self->n_groups);
  for (guint i = 0; i < alternatives->len; i++)
    {
      const Alternative *alternative = &g_array_index (alternatives, Alternative, i);

      g_string_append (pattern, i > 0 ? "|(" : "(");
      append_phrase_pattern (pattern, alternative->phrase);
      g_string_append_c (pattern, ')');
      self->group_phrase[i] = alternative->index;
    }
  g_string_append (pattern, ")(?!" WORD_CHARACTER ")");

  self->regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, error);
  if (self->regex == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

void
rung_language_matcher_free (RungLanguageMatcher *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->regex, g_regex_unref);
  g_free (self->group_phrase);
  g_free (self);
}

/**
 * rung_language_matcher_find:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a nul
 *
 * Returns: (transfer full) (element-type RungLanguageSpan): every match, in
 *   the order of the text; they do not overlap
 */
GArray *
rung_language_matcher_find (RungLanguageMatcher *self,
                            const char          *text,
                            gssize               length)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RungLanguageSpan));
  g_autoptr(GMatchInfo) info = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (self->regex == NULL)
    return g_steal_pointer (&spans);

  g_regex_match_full (self->regex, text, length, 0, 0, &info, NULL);
  while (g_match_info_matches (info))
    {
      for (guint group = 1; group <= self->n_groups; group++)
        {
          int start, end;

          if (g_match_info_fetch_pos (info, group, &start, &end) && start >= 0)
            {
              RungLanguageSpan span = { start, end, self->group_phrase[group - 1] };

              g_array_append_val (spans, span);
              break;
            }
        }
      g_match_info_next (info, NULL);
    }

  return g_steal_pointer (&spans);
}

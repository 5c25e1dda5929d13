/* rung-language-matcher.h: finds a list of phrases in a text, as whole
 * words, ignoring case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize start;         /* byte offset of the first byte */
  gsize end;           /* byte offset just after the last byte */
  guint phrase_index;  /* which of the matcher's phrases */
} RungLanguageSpan;

typedef struct _RungLanguageMatcher RungLanguageMatcher;

RungLanguageMatcher *rung_language_matcher_new  (const char * const  *phrases,
                                                 guint                n_phrases,
                                                 GError             **error);
void                 rung_language_matcher_free (RungLanguageMatcher *self);
GArray              *rung_language_matcher_find (RungLanguageMatcher *self,
                                                 const char          *text,
                                                 gssize               length);

char                *rung_language_normalize_phrase (const char      *phrase);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungLanguageMatcher, rung_language_matcher_free)

G_END_DECLS

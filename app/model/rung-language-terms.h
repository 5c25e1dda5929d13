/* rung-language-terms.h: a panel's list of subjective language, and where
 * its phrases are in a text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-language-term.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_LANGUAGE_TERMS (rung_language_terms_get_type ())

G_DECLARE_FINAL_TYPE (RungLanguageTerms, rung_language_terms, RUNG, LANGUAGE_TERMS, GObject)

/* Where a phrase of the list is in a text. */
typedef struct
{
  gsize             start;   /* byte offsets into the text */
  gsize             end;
  RungLanguageTerm *term;    /* owned by the array */
} RungLanguageMatch;

/* The longest phrase and reason a panel may add, in characters. */
#define RUNG_LANGUAGE_PHRASE_MAX 100
#define RUNG_LANGUAGE_REASON_MAX 300

GPtrArray         *rung_language_terms_load_builtin (const char * const *language_names,
                                                     char              **language,
                                                     GError            **error);

RungLanguageTerms *rung_language_terms_new          (RungPanel          *panel);
const char        *rung_language_terms_get_language (RungLanguageTerms  *self);
gboolean           rung_language_terms_can_edit     (RungLanguageTerms  *self);
RungLanguageTerm  *rung_language_terms_lookup       (RungLanguageTerms  *self,
                                                     const char         *phrase);
GArray            *rung_language_terms_find         (RungLanguageTerms  *self,
                                                     const char         *text,
                                                     gssize              length);
RungLanguageTerm  *rung_language_terms_add          (RungLanguageTerms  *self,
                                                     const char         *phrase,
                                                     const char         *reason,
                                                     GError            **error);
gboolean           rung_language_terms_remove       (RungLanguageTerms  *self,
                                                     RungLanguageTerm   *term,
                                                     GError            **error);
gboolean           rung_language_terms_set_hidden   (RungLanguageTerms  *self,
                                                     RungLanguageTerm   *term,
                                                     gboolean            hidden,
                                                     GError            **error);

G_END_DECLS

/* rung-language-highlighter.h: marks subjective language in a text field
 * as it is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_LANGUAGE_HIGHLIGHTER (rung_language_highlighter_get_type ())

G_DECLARE_FINAL_TYPE (RungLanguageHighlighter, rung_language_highlighter, RUNG, LANGUAGE_HIGHLIGHTER, GObject)

/* The name of the GtkTextTag a text view's marks carry. */
#define RUNG_LANGUAGE_TAG "rung-subjective-language"

RungLanguageHighlighter *rung_language_highlighter_attach         (GtkWidget               *field,
                                                                   RungLanguageTerms       *terms);
RungLanguageHighlighter *rung_language_highlighter_get_for        (GtkWidget               *field);
GtkWidget               *rung_language_highlighter_get_field      (RungLanguageHighlighter *self);
guint                    rung_language_highlighter_get_n_matches  (RungLanguageHighlighter *self);
char                    *rung_language_highlighter_dup_match_text (RungLanguageHighlighter *self,
                                                                   guint                    position);
RungLanguageTerm        *rung_language_highlighter_get_match_term (RungLanguageHighlighter *self,
                                                                   guint                    position);
const char              *rung_language_highlighter_get_reason_at  (RungLanguageHighlighter *self,
                                                                   int                      char_offset);
char                    *rung_language_highlighter_dup_summary    (RungLanguageHighlighter *self);

G_END_DECLS

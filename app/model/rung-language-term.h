/* rung-language-term.h: one phrase of subjective language, with its reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RUNG_TYPE_LANGUAGE_TERM (rung_language_term_get_type ())

G_DECLARE_FINAL_TYPE (RungLanguageTerm, rung_language_term, RUNG, LANGUAGE_TERM, GObject)

RungLanguageTerm   *rung_language_term_new        (const char         *phrase,
                                                   const char         *reason,
                                                   const char * const *forms,
                                                   gboolean            builtin);
const char         *rung_language_term_get_phrase (RungLanguageTerm   *self);
const char         *rung_language_term_get_reason (RungLanguageTerm   *self);
const char * const *rung_language_term_get_forms  (RungLanguageTerm   *self);
gboolean            rung_language_term_is_builtin (RungLanguageTerm   *self);
gboolean            rung_language_term_get_hidden (RungLanguageTerm   *self);
void                rung_language_term_set_hidden (RungLanguageTerm   *self,
                                                   gboolean            hidden);

G_END_DECLS

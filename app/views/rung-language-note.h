/* rung-language-note.h: under a text field, the phrases to reconsider.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-language-highlighter.h"

G_BEGIN_DECLS

#define RUNG_TYPE_LANGUAGE_NOTE (rung_language_note_get_type ())

G_DECLARE_FINAL_TYPE (RungLanguageNote, rung_language_note, RUNG, LANGUAGE_NOTE, AdwBin)

GtkWidget *rung_language_note_new              (void);
void       rung_language_note_add_highlighter  (RungLanguageNote        *self,
                                                RungLanguageHighlighter *highlighter);
guint      rung_language_note_get_n_matches    (RungLanguageNote        *self);
const char *rung_language_note_get_label       (RungLanguageNote        *self);
GtkWidget *rung_language_note_get_list         (RungLanguageNote        *self);

G_END_DECLS

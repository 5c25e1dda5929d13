/* rung-citation-picker.h: "Cite evidence" in the decision dialog: the
 * candidate's evidence by area and their ratings, each with a check button,
 * and a filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_CITATION_PICKER (rung_citation_picker_get_type ())

G_DECLARE_FINAL_TYPE (RungCitationPicker, rung_citation_picker, RUNG, CITATION_PICKER, AdwBin)

GtkWidget *rung_citation_picker_new          (RungCandidate      *candidate,
                                              RungDecision       *latest);
GPtrArray *rung_citation_picker_dup_cited    (RungCitationPicker *self);
GtkWidget *rung_citation_picker_get_filter   (RungCitationPicker *self);

G_END_DECLS

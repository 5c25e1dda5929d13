/* rung-citation.h: one thing a decision's rationale cites, an evidence item
 * or a rating, with its label as it read on the day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_CITATION (rung_citation_get_type ())

G_DECLARE_FINAL_TYPE (RungCitation, rung_citation, RUNG, CITATION, GObject)

RungCitationKind  rung_citation_get_kind          (RungCitation  *self);
gint64            rung_citation_get_evidence_id   (RungCitation  *self);
gint64            rung_citation_get_panelist_id   (RungCitation  *self);
const char       *rung_citation_get_area_id       (RungCitation  *self);
const char       *rung_citation_get_label         (RungCitation  *self);
gboolean          rung_citation_is_present        (RungCitation  *self,
                                                   RungCandidate *candidate);
char             *rung_citation_dup_display_label (RungCitation  *self,
                                                   RungCandidate *candidate);
char             *rung_citation_dup_label_of      (RungCandidate *candidate,
                                                   GObject       *cited);
gboolean          rung_citation_names             (RungCitation  *self,
                                                   GObject       *item);

G_END_DECLS

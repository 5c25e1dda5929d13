/* rung-evidence.h: one item of a candidate's evidence for an expectation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_EVIDENCE (rung_evidence_get_type ())

G_DECLARE_FINAL_TYPE (RungEvidence, rung_evidence, RUNG, EVIDENCE, GObject)

gint64         rung_evidence_get_id             (RungEvidence  *self);
RungCandidate *rung_evidence_get_candidate      (RungEvidence  *self);
const char    *rung_evidence_get_expectation_id (RungEvidence  *self);
const char    *rung_evidence_get_title          (RungEvidence  *self);
const char    *rung_evidence_get_text           (RungEvidence  *self);
const char    *rung_evidence_get_link           (RungEvidence  *self);
const char    *rung_evidence_get_date           (RungEvidence  *self);
const char    *rung_evidence_get_author         (RungEvidence  *self);
const char    *rung_evidence_get_updated_at     (RungEvidence  *self);
gboolean       rung_evidence_update             (RungEvidence  *self,
                                                 const char    *title,
                                                 const char    *text,
                                                 const char    *link,
                                                 const char    *date,
                                                 GError       **error);

G_END_DECLS

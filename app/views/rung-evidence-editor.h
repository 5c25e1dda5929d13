/* rung-evidence-editor.h: edits one item of evidence in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_TYPE_EVIDENCE_EDITOR (rung_evidence_editor_get_type ())

G_DECLARE_FINAL_TYPE (RungEvidenceEditor, rung_evidence_editor, RUNG, EVIDENCE_EDITOR, AdwBin)

GtkWidget    *rung_evidence_editor_new          (RungEvidence       *evidence,
                                                 gboolean            editable);
RungEvidence *rung_evidence_editor_get_evidence (RungEvidenceEditor *self);
void          rung_evidence_editor_set_evidence (RungEvidenceEditor *self,
                                                 RungEvidence       *evidence,
                                                 gboolean            editable);
gboolean      rung_evidence_editor_flush        (RungEvidenceEditor *self);

G_END_DECLS

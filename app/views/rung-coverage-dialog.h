/* rung-coverage-dialog.h: asks why a candidate leaves draft although an
 * area has no evidence (the coverage gate's override).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

/* Called once the dialog closes: @overridden says whether the status changed. */
typedef void (*RungCoverageDialogDone) (RungCandidate *candidate,
                                        gboolean       overridden,
                                        gpointer       user_data);

AdwMessageDialog *rung_coverage_dialog_present (GtkWindow              *parent,
                                                RungCandidate          *candidate,
                                                RungCandidateStatus     status,
                                                RungCoverageDialogDone  done,
                                                gpointer                user_data);

G_END_DECLS

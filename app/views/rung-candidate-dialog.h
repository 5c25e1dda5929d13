/* rung-candidate-dialog.h: asks for a candidate's details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"

G_BEGIN_DECLS

typedef void (*RungCandidateDialogDone) (RungCandidate *candidate,
                                         gpointer       user_data);

AdwMessageDialog *rung_candidate_dialog_present (GtkWindow               *parent,
                                                 RungPanel               *panel,
                                                 RungCandidate           *candidate,
                                                 RungCandidateDialogDone  done,
                                                 gpointer                 user_data);

G_END_DECLS

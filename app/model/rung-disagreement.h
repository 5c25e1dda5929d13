/* rung-disagreement.h: how widely the panel's ratings of a candidate spread,
 * so that a meeting can take the contested candidates first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rung-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    candidate_id;
  guint     n_raters;    /* panelists who rated at least one area */
  guint     n_areas;     /* areas that two panelists or more rated */
  double    spread;      /* mean over those areas of highest − lowest rating; 0 without any */
  gboolean  consensus;   /* two raters or more, and every such area within one grade */
} RungDisagreement;

GHashTable *rung_disagreement_compute       (GPtrArray   *ratings);
GHashTable *rung_panel_compute_disagreement (RungPanel   *panel,
                                             GError     **error);
char       *rung_disagreement_dup_label     (const RungDisagreement *disagreement);

G_END_DECLS

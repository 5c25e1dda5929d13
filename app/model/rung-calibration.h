/* rung-calibration.h: how each panelist's ratings sit against the rest of
 * the panel's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rung-types.h"

G_BEGIN_DECLS

/* A panelist is pointed out only over this many candidates or more … */
#define RUNG_CALIBRATION_MIN_CANDIDATES 5
/* … when their mean offset is at least this far from the panel's, in grades … */
#define RUNG_CALIBRATION_MIN_OFFSET 0.5
/* … and at least this share of their offsets lies on that side. */
#define RUNG_CALIBRATION_MIN_SAME_SIDE 0.8

typedef enum
{
  RUNG_CALIBRATION_IN_LINE,   /* not pointed out */
  RUNG_CALIBRATION_ABOVE,
  RUNG_CALIBRATION_BELOW,
} RungCalibrationSide;

typedef struct
{
  gint64               panelist_id;
  char                *name;          /* or NULL, before rung_panel_compute_calibration() names them */
  guint                n_candidates;  /* candidates they rated that somebody else rated too */
  guint                n_above;       /* candidates where their offset is above 0 */
  guint                n_below;       /* … and below 0; an offset of exactly 0 is neither */
  double               mean_offset;   /* their mean minus the others', averaged over candidates */
  double               sd_offset;     /* the offsets' standard deviation */
  double               own_mean;      /* their ratings on those candidates and areas */
  double               own_sd;
  double               panel_mean;    /* the others' ratings on the same candidates and areas */
  double               panel_sd;
  RungCalibrationSide  side;
} RungRaterCalibration;

void       rung_rater_calibration_free         (RungRaterCalibration       *calibration);
char      *rung_rater_calibration_dup_sentence (const RungRaterCalibration *calibration);

GPtrArray *rung_calibration_compute            (GPtrArray                  *ratings);
gboolean   rung_calibration_is_enough          (GPtrArray                  *calibrations);
GPtrArray *rung_panel_compute_calibration      (RungPanel                  *panel,
                                                GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungRaterCalibration, rung_rater_calibration_free)

G_END_DECLS

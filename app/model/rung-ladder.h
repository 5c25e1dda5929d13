/* rung-ladder.h: a career ladder loaded from XML.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_LADDER_NAMESPACE "https://rung.dev/ns/ladder/1"

#define RUNG_TYPE_LADDER (rung_ladder_get_type ())

G_DECLARE_FINAL_TYPE (RungLadder, rung_ladder, RUNG, LADDER, GObject)

RungLadder  *rung_ladder_new_from_file       (GFile       *file,
                                              GError     **error);
RungLadder  *rung_ladder_new_from_bytes      (GBytes      *bytes,
                                              const char  *display_name,
                                              GError     **error);
RungLadder  *rung_ladder_new_bundled         (void);
const char  *rung_ladder_get_id              (RungLadder  *self);
const char  *rung_ladder_get_version         (RungLadder  *self);
const char  *rung_ladder_get_title           (RungLadder  *self);
const char  *rung_ladder_get_language        (RungLadder  *self);
GBytes      *rung_ladder_get_source          (RungLadder  *self);
const char  *rung_ladder_get_sha256          (RungLadder  *self);
GListModel  *rung_ladder_get_levels          (RungLadder  *self);
GListModel  *rung_ladder_get_scale           (RungLadder  *self);
GListModel  *rung_ladder_get_outcomes        (RungLadder  *self);
gboolean     rung_ladder_declares_scale      (RungLadder  *self);
gboolean     rung_ladder_declares_outcomes   (RungLadder  *self);
RungLevel   *rung_ladder_find_level          (RungLadder  *self,
                                              const char  *level_id);
RungGrade   *rung_ladder_find_grade          (RungLadder  *self,
                                              int          value);
RungOutcome *rung_ladder_find_outcome        (RungLadder  *self,
                                              const char  *outcome_id);
char        *rung_ladder_describe            (RungLadder  *self);

G_END_DECLS

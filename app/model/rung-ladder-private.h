/* rung-ladder-private.h: how the loader builds a ladder's tree of objects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-anti-pattern.h"
#include "rung-area.h"
#include "rung-expectation.h"
#include "rung-grade.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-outcome.h"

G_BEGIN_DECLS

RungLadder      *_rung_ladder_new              (const char      *id,
                                                const char      *version,
                                                const char      *title,
                                                const char      *language,
                                                GBytes          *source);
void             _rung_ladder_add_level        (RungLadder      *self,
                                                RungLevel       *level);
void             _rung_ladder_add_grade        (RungLadder      *self,
                                                RungGrade       *grade,
                                                gboolean         declared);
void             _rung_ladder_add_outcome      (RungLadder      *self,
                                                RungOutcome     *outcome,
                                                gboolean         declared);
RungLevel       *_rung_level_new               (const char      *id,
                                                const char      *title,
                                                const char      *summary);
void             _rung_level_add_area          (RungLevel       *self,
                                                RungArea        *area);
void             _rung_level_add_anti_pattern  (RungLevel       *self,
                                                RungAntiPattern *anti_pattern);
RungArea        *_rung_area_new                (const char      *id,
                                                const char      *title,
                                                const char      *note);
void             _rung_area_add_expectation    (RungArea        *self,
                                                RungExpectation *expectation);
RungExpectation *_rung_expectation_new         (const char      *id,
                                                const char      *title,
                                                const char      *text,
                                                const char      *area_id);
RungAntiPattern *_rung_anti_pattern_new        (const char      *id,
                                                const char      *title,
                                                const char      *text);
RungGrade       *_rung_grade_new               (int              value,
                                                const char      *label,
                                                const char      *description);
RungOutcome     *_rung_outcome_new             (const char      *id,
                                                const char      *label,
                                                const char      *description);

G_END_DECLS

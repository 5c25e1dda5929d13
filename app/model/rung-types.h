/* rung-types.h: forward declarations of Rung's types, so headers include little.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RungAgendaItem      RungAgendaItem;
typedef struct _RungAntiPattern     RungAntiPattern;
typedef struct _RungArea            RungArea;
typedef struct _RungCandidate       RungCandidate;
typedef struct _RungCandidateQuery  RungCandidateQuery;
typedef struct _RungCitation        RungCitation;
typedef struct _RungConcern         RungConcern;
typedef struct _RungDecision        RungDecision;
typedef struct _RungEvidence        RungEvidence;
typedef struct _RungExpectation     RungExpectation;
typedef struct _RungGrade           RungGrade;
typedef struct _RungLadder          RungLadder;
typedef struct _RungLanguageTerm    RungLanguageTerm;
typedef struct _RungLanguageTerms   RungLanguageTerms;
typedef struct _RungLevel           RungLevel;
typedef struct _RungMeeting         RungMeeting;
typedef struct _RungOutcome         RungOutcome;
typedef struct _RungPanel           RungPanel;
typedef struct _RungPanelOpening    RungPanelOpening;
typedef struct _RungPanelist        RungPanelist;
typedef struct _RungRating          RungRating;

G_END_DECLS

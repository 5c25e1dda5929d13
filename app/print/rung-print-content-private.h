/* rung-print-content-private.h: what the documents say, as blocks: the
 * packet of a candidate, the book's cover, contents, summary and rater
 * calibration, a
 * meeting's minutes, and the chart of the ratings' spread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rung-print-block-private.h"
#include "rung-types.h"

G_BEGIN_DECLS

typedef struct
{
  RungPanel  *panel;
  const char *date;            /* as the covers show it */
  const char *confidential;    /* the note on the covers */
  /* Whether a blind meeting was under way when the document was made: it
   * then names candidates as the meeting does, and prints no manager or
   * team. The names are those of that moment, whatever happens after. */
  gboolean    blind;
  GHashTable *display_names;   /* while blind: RungCandidate → the name to print */
} RungPrintInfo;

/* Each returns a GPtrArray of RungPrintBlock. */
GPtrArray      *rung_print_packet_build         (const RungPrintInfo *info,
                                                 RungCandidate       *candidate);
GPtrArray      *rung_print_book_build_cover     (const RungPrintInfo *info,
                                                 GPtrArray           *candidates);
GPtrArray      *rung_print_book_build_contents  (const RungPrintInfo *info,
                                                 GPtrArray           *candidates,
                                                 guint                first_packet_section,
                                                 guint                summary_section);
GPtrArray      *rung_print_book_build_summary   (const RungPrintInfo *info,
                                                 GPtrArray           *candidates);
GPtrArray      *rung_print_calibration_build    (const RungPrintInfo *info);
GPtrArray      *rung_print_minutes_build        (const RungPrintInfo *info,
                                                 RungMeeting         *meeting);

RungPrintBlock *rung_print_chart_new            (RungCandidate       *candidate);

/* Shared by the packet and the book */
const char     *rung_print_candidate_name       (const RungPrintInfo *info,
                                                 RungCandidate       *candidate);
char           *rung_print_candidate_text       (const RungPrintInfo *info,
                                                 RungCandidate       *candidate,
                                                 const char          *text);
const char     *rung_print_candidate_manager    (const RungPrintInfo *info,
                                                 RungCandidate       *candidate);
const char     *rung_print_candidate_team       (const RungPrintInfo *info,
                                                 RungCandidate       *candidate);
const char     *rung_print_decision_recorder    (const RungPrintInfo *info,
                                                 RungCandidate       *candidate,
                                                 RungDecision        *decision);
char           *rung_print_format_citations     (const RungPrintInfo *info,
                                                 RungCandidate       *candidate,
                                                 RungDecision        *decision,
                                                 RungPrintStyle      *style);
char           *rung_print_format_levels        (RungCandidate       *candidate);
char           *rung_print_format_date          (const char          *iso8601);
const char     *rung_print_outcome_label        (RungPanel           *panel,
                                                 const char          *outcome_id);
GPtrArray      *rung_print_blocks_new           (void);
GPtrArray      *rung_print_cells_new            (void);
RungPrintParagraph *rung_print_add_paragraph    (GPtrArray           *cell,
                                                 RungPrintStyle       style,
                                                 const char          *text,
                                                 double               space_before);
RungPrintBlock *rung_print_add_text             (GPtrArray           *blocks,
                                                 RungPrintStyle       style,
                                                 const char          *text,
                                                 double               space_before);
void            rung_print_add_details          (GPtrArray           *blocks,
                                                 const char * const  *labels,
                                                 const char * const  *values);
void            rung_print_add_note             (GPtrArray           *blocks,
                                                 const char          *title,
                                                 const char          *text);
void            rung_print_add_rule             (GPtrArray           *blocks,
                                                 double               space_before);
void            rung_print_add_space            (GPtrArray           *blocks,
                                                 double               height);

G_END_DECLS

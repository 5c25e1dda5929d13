/* rung-candidate-query.h: the panel's candidates, filtered by status and text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

/* The status filter: a set of RungCandidateStatus, as bits. */
#define RUNG_CANDIDATE_QUERY_ANY_STATUS 0xF
#define RUNG_CANDIDATE_QUERY_STATUS(status) (1u << (status))

#define RUNG_TYPE_CANDIDATE_QUERY (rung_candidate_query_get_type ())

G_DECLARE_FINAL_TYPE (RungCandidateQuery, rung_candidate_query, RUNG, CANDIDATE_QUERY, GObject)

RungCandidateQuery *rung_candidate_query_new             (RungPanel          *panel);
const char         *rung_candidate_query_get_text        (RungCandidateQuery *self);
void                rung_candidate_query_set_text        (RungCandidateQuery *self,
                                                          const char         *text);
guint               rung_candidate_query_get_statuses    (RungCandidateQuery *self);
void                rung_candidate_query_set_statuses    (RungCandidateQuery *self,
                                                          guint               statuses);

G_END_DECLS

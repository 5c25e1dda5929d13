/* rung-paper.h: the paper sizes Rung prints on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RUNG_PAPER_A4,
  RUNG_PAPER_LETTER,
} RungPaper;

RungPaper   rung_paper_get_default  (void);
gboolean    rung_paper_from_string  (const char  *name,
                                     RungPaper   *paper,
                                     GError     **error);
const char *rung_paper_to_string    (RungPaper    paper);
void        rung_paper_get_size     (RungPaper    paper,
                                     double      *width,
                                     double      *height);

G_END_DECLS

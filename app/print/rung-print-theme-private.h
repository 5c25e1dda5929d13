/* rung-print-theme-private.h: the typography and colours of Rung's printed
 * documents, in one place, so every page of every document looks alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum
{
  RUNG_PRINT_STYLE_KICKER,        /* "PROMOTION PACKET" above a cover's title */
  RUNG_PRINT_STYLE_TITLE,         /* the cover's title */
  RUNG_PRINT_STYLE_SUBTITLE,      /* the line under it: L5 → L6 */
  RUNG_PRINT_STYLE_HEADING,       /* a section: an area, Ratings, Decision */
  RUNG_PRINT_STYLE_SUBHEADING,    /* a part of a section: History, Comments */
  RUNG_PRINT_STYLE_BODY,          /* what people wrote */
  RUNG_PRINT_STYLE_STRONG,        /* a title inside a table cell */
  RUNG_PRINT_STYLE_QUIET,         /* the ladder's text beside the evidence */
  RUNG_PRINT_STYLE_EMPTY,         /* "No evidence yet" */
  RUNG_PRINT_STYLE_SMALL,         /* dates, links, counts, legends */
  RUNG_PRINT_STYLE_LABEL,         /* the left column of a list of details */
  RUNG_PRINT_STYLE_COLUMN_HEAD,   /* a table's column headings */
  RUNG_PRINT_STYLE_MARGINAL,      /* running heads and feet */
  RUNG_PRINT_STYLE_OUTCOME,       /* the decision's outcome */
  RUNG_PRINT_STYLE_NUMBER,        /* a figure in a table */
  RUNG_PRINT_N_STYLES
} RungPrintStyle;

/* The page's furniture, in points. */
#define RUNG_PRINT_MARGIN_SIDE       56.0
#define RUNG_PRINT_MARGIN_TOP        68.0
#define RUNG_PRINT_MARGIN_BOTTOM     66.0
#define RUNG_PRINT_HEAD_BASELINE     40.0   /* from the top edge */
#define RUNG_PRINT_FOOT_BASELINE     38.0   /* from the bottom edge */

#define RUNG_PRINT_RULE_HAIRLINE      0.4
#define RUNG_PRINT_RULE_STRONG        0.9

typedef enum
{
  RUNG_PRINT_INK,           /* text */
  RUNG_PRINT_INK_SECONDARY, /* labels, meta, the ladder's side */
  RUNG_PRINT_INK_RULE,      /* table rules */
  RUNG_PRINT_INK_ACCENT,    /* the kicker, the chart's dots */
  RUNG_PRINT_INK_TINT,      /* the background of a note */
} RungPrintInk;

void  rung_print_theme_apply      (PangoLayout    *layout,
                                   RungPrintStyle  style);
void  rung_print_theme_set_ink    (cairo_t        *cr,
                                   RungPrintInk    ink);
void  rung_print_theme_set_style_ink (cairo_t     *cr,
                                   RungPrintStyle  style);
char *rung_print_theme_transform  (RungPrintStyle  style,
                                   const char     *text);
PangoContext *rung_print_theme_create_context (void);

G_END_DECLS

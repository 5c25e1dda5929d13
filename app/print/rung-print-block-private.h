/* rung-print-block-private.h: the pieces a printed document is made of, and
 * how each is measured, split across pages and drawn.
 *
 * A document is a list of blocks. A block is a row of a table (a paragraph
 * on its own is a row of a one-column table without rules), a figure of a
 * fixed height drawn by a function (the spread chart), or a page break. A
 * row's cells hold paragraphs; a row breaks between lines of its cells,
 * never inside one, and its table's column headings are drawn again at the
 * top of the next page. Measuring lays the text out; the layouts live only
 * as long as the measure, so a document never holds more than a page's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rung-print-theme-private.h"

G_BEGIN_DECLS

typedef struct
{
  RungPrintStyle  style;
  char           *text;             /* shown as it is: never parsed as markup */
  double          space_before;     /* above it, after another paragraph of its cell */
  PangoAlignment  alignment;
  gboolean        keep_with_next;   /* a title: never the last line on a page */
  int             page_of_section;  /* ≥ 0: the text is the page that section starts on */
  gboolean        shared;           /* the same in every packet (the ladder's): laid out once */
} RungPrintParagraph;

typedef struct _RungPrintBlock RungPrintBlock;

typedef struct
{
  grefcount       ref_count;
  guint           n_columns;
  double         *widths;           /* each column's share of the body, summing to 1 */
  RungPrintBlock *head;             /* the column headings, or NULL */
  gboolean        rules;            /* a rule under the headings and under each row */
  gboolean        tinted;           /* rows on a tinted ground: a note */
  double          gutter;           /* between columns, in points */
  double          padding;          /* above and below a row's text */
} RungPrintTable;

typedef struct _RungPrintFrame RungPrintFrame;

typedef void (*RungPrintDrawFunc) (cairo_t              *cr,
                                   const RungPrintFrame *frame,
                                   double                x,
                                   double                y,
                                   double                width,
                                   gpointer              data);

typedef enum
{
  RUNG_PRINT_BLOCK_ROW,
  RUNG_PRINT_BLOCK_FIGURE,
  RUNG_PRINT_BLOCK_PAGE_BREAK,
} RungPrintBlockKind;

struct _RungPrintBlock
{
  RungPrintBlockKind  kind;
  RungPrintTable     *table;        /* rows only */
  GPtrArray          *cells;        /* rows only: per column, a GPtrArray of paragraphs */
  double              space_before; /* above it, unless it opens a page */
  gboolean            keep_with_next;

  /* An entry of the PDF's outline, drawn with the block's first line. */
  int                 outline_level;  /* 0 for none, 1 or 2 */
  char               *outline_title;
  /* ≥ 0: the block links to the page that section starts on. */
  int                 link_section;

  /* Figures only */
  double              height;
  RungPrintDrawFunc   draw;
  gpointer            draw_data;
  GDestroyNotify      draw_data_free;
};

/* What measuring and drawing need to know of the page and the document. */
struct _RungPrintFrame
{
  PangoContext *pango;
  double        x;                  /* the body's left edge */
  double        width;              /* the body's width */
  const guint  *section_pages;      /* each section's first page (1-based), or NULL before they are known */
  guint         n_sections;
  GHashTable   *shared_layouts;     /* the shared paragraphs laid out, or NULL */
};

typedef struct _RungPrintMeasure RungPrintMeasure;

/* Paragraphs */
RungPrintParagraph *rung_print_paragraph_new       (RungPrintStyle       style,
                                                    const char          *text);
RungPrintParagraph *rung_print_paragraph_take      (RungPrintStyle       style,
                                                    char                *text);
void                rung_print_paragraph_free      (RungPrintParagraph  *paragraph);
GPtrArray          *rung_print_cell_new            (void);
GHashTable         *rung_print_shared_layouts_new  (void);
PangoLayout        *rung_print_frame_get_layout    (const RungPrintFrame *frame,
                                                    RungPrintStyle       style,
                                                    const char          *text,
                                                    double               width,
                                                    PangoAlignment       alignment);

/* Tables */
RungPrintTable     *rung_print_table_new           (guint                n_columns,
                                                    const double        *widths);
RungPrintTable     *rung_print_table_ref           (RungPrintTable      *table);
void                rung_print_table_unref         (RungPrintTable      *table);
void                rung_print_table_set_head      (RungPrintTable      *table,
                                                    const char * const  *headings,
                                                    const PangoAlignment *alignments);

/* Blocks */
RungPrintBlock     *rung_print_block_new_row       (RungPrintTable      *table,
                                                    GPtrArray           *cells);
RungPrintBlock     *rung_print_block_new_text      (RungPrintStyle       style,
                                                    const char          *text,
                                                    double               space_before);
RungPrintBlock     *rung_print_block_new_figure    (double               height,
                                                    RungPrintDrawFunc    draw,
                                                    gpointer             data,
                                                    GDestroyNotify       data_free);
RungPrintBlock     *rung_print_block_new_page_break (void);
void                rung_print_block_set_outline   (RungPrintBlock      *block,
                                                    int                  level,
                                                    const char          *title);
void                rung_print_block_set_shared    (RungPrintBlock      *block);
void                rung_print_block_free          (RungPrintBlock      *block);

/* Measures */
RungPrintMeasure   *rung_print_measure_new         (RungPrintBlock      *block,
                                                    const RungPrintFrame *frame);
void                rung_print_measure_free        (RungPrintMeasure    *measure);
guint               rung_print_measure_get_n_columns (RungPrintMeasure  *measure);
double              rung_print_measure_get_height  (RungPrintMeasure    *measure,
                                                    const guint         *starts);
double              rung_print_measure_get_opening_height (RungPrintMeasure *measure);
gboolean            rung_print_measure_fit         (RungPrintMeasure    *measure,
                                                    const guint         *starts,
                                                    double               available,
                                                    gboolean             strict,
                                                    guint               *ends,
                                                    double              *height);
gboolean            rung_print_measure_is_complete (RungPrintMeasure    *measure,
                                                    const guint         *ends);
void                rung_print_measure_draw        (RungPrintMeasure    *measure,
                                                    cairo_t             *cr,
                                                    const RungPrintFrame *frame,
                                                    const guint         *starts,
                                                    const guint         *ends,
                                                    double               y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungPrintMeasure, rung_print_measure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungPrintTable, rung_print_table_unref)

G_END_DECLS

/* rung-print-block.c: paragraphs, tables and blocks of a printed document;
 * measuring a block (laying out its text and noting where each line sits),
 * finding how much of it fits in the rest of a page, and drawing it.
 *
 * A row breaks between lines: each column takes the lines that fit, and
 * the next page goes on from there. The first part of a row keeps its
 * titles with the first lines that follow them (an expectation's title
 * never stays alone at the foot of a page), a title is never a page's last
 * line, and a paragraph leaves neither its first nor its last line alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-block"

#include "config.h"

#include <pango/pangocairo.h>

#include "rung-print-block-private.h"

/* Lines of a paragraph that keep with the titles above it. */
#define OPENING_LINES 2

typedef struct
{
  double top;           /* from the top of the column's text */
  double bottom;
  double baseline;
  double x;             /* from the column's left edge: alignment, direction */
  guint  paragraph;
  guint  index;         /* the line's index in its paragraph */
  guint  n_in_paragraph;
} Line;

/* A paragraph laid out: its layout and where its lines are, from its top.
 * Shared, reference counted: the same text at the same width (the ladder's,
 * repeated in every packet) is laid out once for a document. */
typedef struct
{
  PangoLayout *layout;
  GArray      *lines;   /* of Line, from the layout's top */
  double       height;
} Laid;

/* Past this many, the shared layouts are dropped and laid out anew. */
#define MAX_SHARED_LAYOUTS 1024

typedef struct
{
  double     x;
  double     width;
  GArray    *lines;     /* of Line */
  GPtrArray *layouts;   /* a Laid per paragraph */
  GPtrArray *paragraphs;  /* the cell's paragraphs, borrowed */
  guint      opening;   /* lines that open the first part of the row together */
} Column;

struct _RungPrintMeasure
{
  RungPrintBlock *block;
  RungPrintTable *table;
  guint           n_columns;
  Column         *columns;
};

/* A paragraph alone is a row of this: one column, no rules, no padding. */
static RungPrintTable flow_table = { .n_columns = 1, .widths = (double[]) { 1.0 } };

RungPrintParagraph *
rung_print_paragraph_take (RungPrintStyle  style,
                           char           *text)
{
  RungPrintParagraph *paragraph = g_new0 (RungPrintParagraph, 1);

  paragraph->style = style;
  paragraph->text = text ? text : g_strdup ("");
  /* The file could hold anything; pango takes only UTF-8. */
  if (!g_utf8_validate (paragraph->text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (paragraph->text, -1);

      g_free (paragraph->text);
      paragraph->text = valid;
    }
  paragraph->alignment = PANGO_ALIGN_LEFT;
  paragraph->page_of_section = -1;

  return paragraph;
}

RungPrintParagraph *
rung_print_paragraph_new (RungPrintStyle  style,
                          const char     *text)
{
  return rung_print_paragraph_take (style, g_strdup (text));
}

void
rung_print_paragraph_free (RungPrintParagraph *paragraph)
{
  if (paragraph == NULL)
    return;

  g_free (paragraph->text);
  g_free (paragraph);
}

GPtrArray *
rung_print_cell_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)rung_print_paragraph_free);
}

RungPrintTable *
rung_print_table_new (guint         n_columns,
                      const double *widths)
{
  RungPrintTable *table = g_new0 (RungPrintTable, 1);
  double sum = 0;

  g_assert (n_columns > 0);

  g_ref_count_init (&table->ref_count);
  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    sum += widths[i];
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] = widths[i] / sum;
  table->rules = TRUE;
  table->gutter = 14;
  table->padding = 5;

  return table;
}

RungPrintTable *
rung_print_table_ref (RungPrintTable *table)
{
  if (table != &flow_table)
    g_ref_count_inc (&table->ref_count);

  return table;
}

void
rung_print_table_unref (RungPrintTable *table)
{
  if (table == NULL || table == &flow_table || !g_ref_count_dec (&table->ref_count))
    return;

  if (table->head != NULL)
    table->head->table = NULL;
  g_clear_pointer (&table->head, rung_print_block_free);
  g_free (table->widths);
  g_free (table);
}

static RungPrintBlock *block_new (RungPrintBlockKind kind);

/* @headings and @alignments: one per column; @alignments may be NULL. */
void
rung_print_table_set_head (RungPrintTable       *table,
                           const char * const   *headings,
                           const PangoAlignment *alignments)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < table->n_columns; i++)
    {
      GPtrArray *cell = rung_print_cell_new ();
      RungPrintParagraph *paragraph = rung_print_paragraph_new (RUNG_PRINT_STYLE_COLUMN_HEAD, headings[i]);

      paragraph->shared = TRUE;

      paragraph->alignment = alignments ? alignments[i] : PANGO_ALIGN_LEFT;
      g_ptr_array_add (cell, paragraph);
      g_ptr_array_add (cells, cell);
    }

  if (table->head != NULL)
    table->head->table = NULL;
  g_clear_pointer (&table->head, rung_print_block_free);
  /* The headings share the table's columns; they do not keep the table
   * alive, it keeps them. */
  table->head = block_new (RUNG_PRINT_BLOCK_ROW);
  table->head->table = table;
  table->head->cells = cells;
}

static RungPrintBlock *
block_new (RungPrintBlockKind kind)
{
  RungPrintBlock *block = g_new0 (RungPrintBlock, 1);

  block->kind = kind;
  block->link_section = -1;

  return block;
}

/**
 * rung_print_block_new_row:
 * @table: (nullable): the table, or %NULL for a paragraph of the flow
 * @cells: (transfer full): one cell (a GPtrArray of paragraphs) per column
 */
RungPrintBlock *
rung_print_block_new_row (RungPrintTable *table,
                          GPtrArray      *cells)
{
  RungPrintBlock *block = block_new (RUNG_PRINT_BLOCK_ROW);

  block->table = table ? rung_print_table_ref (table) : &flow_table;
  g_assert (cells->len == block->table->n_columns);
  block->cells = cells;

  return block;
}

RungPrintBlock *
rung_print_block_new_text (RungPrintStyle  style,
                           const char     *text,
                           double          space_before)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *cell = rung_print_cell_new ();
  RungPrintBlock *block;

  g_ptr_array_add (cell, rung_print_paragraph_new (style, text));
  g_ptr_array_add (cells, cell);
  block = rung_print_block_new_row (NULL, cells);
  block->space_before = space_before;

  return block;
}

RungPrintBlock *
rung_print_block_new_figure (double             height,
                             RungPrintDrawFunc  draw,
                             gpointer           data,
                             GDestroyNotify     data_free)
{
  RungPrintBlock *block = block_new (RUNG_PRINT_BLOCK_FIGURE);

  block->height = height;
  block->draw = draw;
  block->draw_data = data;
  block->draw_data_free = data_free;

  return block;
}

RungPrintBlock *
rung_print_block_new_page_break (void)
{
  return block_new (RUNG_PRINT_BLOCK_PAGE_BREAK);
}

/* Marks every paragraph of @block as the same from packet to packet. */
void
rung_print_block_set_shared (RungPrintBlock *block)
{
  for (guint c = 0; block->cells != NULL && c < block->cells->len; c++)
    {
      GPtrArray *cell = g_ptr_array_index (block->cells, c);

      for (guint p = 0; p < cell->len; p++)
        ((RungPrintParagraph *)g_ptr_array_index (cell, p))->shared = TRUE;
    }
}

void
rung_print_block_set_outline (RungPrintBlock *block,
                              int             level,
                              const char     *title)
{
  block->outline_level = level;
  g_free (block->outline_title);
  block->outline_title = g_strdup (title);
}

void
rung_print_block_free (RungPrintBlock *block)
{
  if (block == NULL)
    return;

  g_clear_pointer (&block->table, rung_print_table_unref);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_free (block->outline_title);
  if (block->draw_data_free != NULL)
    block->draw_data_free (block->draw_data);
  g_free (block);
}

/* Measuring */

static char *
paragraph_text (RungPrintParagraph   *paragraph,
                const RungPrintFrame *frame)
{
  int section = paragraph->page_of_section;

  if (section < 0)
    return g_strdup (paragraph->text);

  /* Before pagination knows the pages, a number as wide as most. */
  if (frame->section_pages == NULL || (guint)section >= frame->n_sections)
    return g_strdup ("0000");

  return g_strdup_printf ("%u", frame->section_pages[section]);
}

static PangoLayout *
layout_paragraph (RungPrintParagraph   *paragraph,
                  const RungPrintFrame *frame,
                  double                width)
{
  PangoLayout *layout = pango_layout_new (frame->pango);
  g_autofree char *text = paragraph_text (paragraph, frame);

  rung_print_theme_apply (layout, paragraph->style);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  /* A word longer than the column breaks between characters rather than
   * running off the page. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, paragraph->alignment);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
laid_clear (Laid *laid)
{
  g_object_unref (laid->layout);
  g_array_unref (laid->lines);
}

static void
laid_release (Laid *laid)
{
  g_rc_box_release_full (laid, (GDestroyNotify)laid_clear);
}

static Laid *
lay_out (RungPrintParagraph   *paragraph,
         const RungPrintFrame *frame,
         double                width)
{
  Laid *laid = g_rc_box_new0 (Laid);
  PangoLayoutIter *iter;
  PangoRectangle logical;
  guint n, index = 0;

  laid->layout = layout_paragraph (paragraph, frame, width);
  laid->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  n = pango_layout_get_line_count (laid->layout);

  iter = pango_layout_get_iter (laid->layout);
  do
    {
      PangoRectangle line_logical;
      int y0, y1;
      Line line;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &line_logical);
      line.top = (double)y0 / PANGO_SCALE;
      line.bottom = (double)y1 / PANGO_SCALE;
      line.baseline = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double)line_logical.x / PANGO_SCALE;
      line.paragraph = 0;
      line.index = index++;
      line.n_in_paragraph = n;
      g_array_append_val (laid->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pango_layout_get_extents (laid->layout, NULL, &logical);
  laid->height = MAX ((double)logical.height / PANGO_SCALE,
                      g_array_index (laid->lines, Line, laid->lines->len - 1).bottom);

  return laid;
}

/* The paragraph laid out, from the document's shared layouts if it is one
 * that repeats. */
static Laid *
lay_out_shared (RungPrintParagraph   *paragraph,
                const RungPrintFrame *frame,
                double                width)
{
  g_autofree char *key = NULL;
  Laid *laid;

  if (!paragraph->shared || frame->shared_layouts == NULL || paragraph->page_of_section >= 0)
    return lay_out (paragraph, frame, width);

  key = g_strdup_printf ("%d %d %d %s", paragraph->style, (int)(width * 64), paragraph->alignment,
                         paragraph->text);
  if ((laid = g_hash_table_lookup (frame->shared_layouts, key)))
    return g_rc_box_acquire (laid);

  if (g_hash_table_size (frame->shared_layouts) >= MAX_SHARED_LAYOUTS)
    g_hash_table_remove_all (frame->shared_layouts);

  laid = lay_out (paragraph, frame, width);
  g_hash_table_insert (frame->shared_layouts, g_steal_pointer (&key), g_rc_box_acquire (laid));

  return laid;
}

/**
 * rung_print_frame_get_layout:
 *
 * Returns: (transfer none): @text laid out in @style at @width, kept in the
 *   frame's shared layouts while the document lives: for figures, which
 *   draw the same labels in every packet
 */
PangoLayout *
rung_print_frame_get_layout (const RungPrintFrame *frame,
                             RungPrintStyle        style,
                             const char           *text,
                             double                width,
                             PangoAlignment        alignment)
{
  RungPrintParagraph paragraph = {
    .style = style,
    .text = (char *)text,
    .alignment = alignment,
    .page_of_section = -1,
    .shared = TRUE,
  };
  Laid *laid;
  PangoLayout *layout;

  g_return_val_if_fail (frame->shared_layouts != NULL, NULL);

  /* The table holds a reference to what it returns until it is cleared,
   * which only pagination does, never while a page is drawn. */
  laid = lay_out_shared (&paragraph, frame, width);
  layout = laid->layout;
  laid_release (laid);

  return layout;
}

/**
 * rung_print_shared_layouts_new:
 *
 * Returns: (transfer full): a table for #RungPrintFrame.shared_layouts
 */
GHashTable *
rung_print_shared_layouts_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)laid_release);
}

/* Lays out the paragraphs of one cell and notes where each line sits. */
static void
measure_column (Column               *column,
                const RungPrintFrame *frame)
{
  double y = 0;
  guint n_titles = 0;
  gboolean opening_done = FALSE;

  column->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  column->layouts = g_ptr_array_new_with_free_func ((GDestroyNotify)laid_release);

  for (guint p = 0; p < column->paragraphs->len; p++)
    {
      RungPrintParagraph *paragraph = g_ptr_array_index (column->paragraphs, p);
      Laid *laid = lay_out_shared (paragraph, frame, column->width);
      guint first = column->lines->len;
      guint n = laid->lines->len;

      if (p > 0)
        y += paragraph->space_before;

      for (guint i = 0; i < n; i++)
        {
          Line line = g_array_index (laid->lines, Line, i);

          line.top += y;
          line.bottom += y;
          line.baseline += y;
          line.paragraph = p;
          g_array_append_val (column->lines, line);
        }

      y += laid->height;
      g_ptr_array_add (column->layouts, laid);

      /* The opening: the titles, and the first lines of what follows them. */
      if (!opening_done)
        {
          if (paragraph->keep_with_next)
            {
              n_titles = column->lines->len;
            }
          else
            {
              column->opening = MAX (n_titles, first + MIN (n, OPENING_LINES));
              opening_done = TRUE;
            }
        }
    }

  if (!opening_done)
    column->opening = column->lines->len;
}

RungPrintMeasure *
rung_print_measure_new (RungPrintBlock       *block,
                        const RungPrintFrame *frame)
{
  RungPrintMeasure *measure = g_new0 (RungPrintMeasure, 1);
  RungPrintTable *table;
  double x;
  double usable;

  measure->block = block;
  if (block->kind != RUNG_PRINT_BLOCK_ROW)
    return measure;

  table = measure->table = block->table;
  measure->n_columns = table->n_columns;
  measure->columns = g_new0 (Column, table->n_columns);

  usable = frame->width - table->gutter * (table->n_columns - 1) - (table->tinted ? 2 * table->padding : 0);
  x = frame->x + (table->tinted ? table->padding : 0);
  for (guint c = 0; c < table->n_columns; c++)
    {
      Column *column = &measure->columns[c];

      column->x = x;
      column->width = MAX (usable * table->widths[c], 1);
      column->paragraphs = g_ptr_array_index (block->cells, c);
      x += column->width + table->gutter;
      measure_column (column, frame);
    }

  return measure;
}

void
rung_print_measure_free (RungPrintMeasure *measure)
{
  if (measure == NULL)
    return;

  for (guint c = 0; c < measure->n_columns; c++)
    {
      g_array_unref (measure->columns[c].lines);
      g_ptr_array_unref (measure->columns[c].layouts);
    }
  g_free (measure->columns);
  g_free (measure);
}

guint
rung_print_measure_get_n_columns (RungPrintMeasure *measure)
{
  return measure->n_columns;
}

static const Line *
line_at (const Column *column,
         guint         index)
{
  return &g_array_index (column->lines, Line, index);
}

static guint
n_lines (const Column *column)
{
  return column->lines->len;
}

/* The height of the lines [@start, @end) of each column, with the row's padding. */
static double
part_height (RungPrintMeasure *measure,
             const guint      *starts,
             const guint      *ends)
{
  double content = 0;

  if (measure->block->kind == RUNG_PRINT_BLOCK_FIGURE)
    return measure->block->height;
  if (measure->block->kind != RUNG_PRINT_BLOCK_ROW)
    return 0;

  for (guint c = 0; c < measure->n_columns; c++)
    {
      const Column *column = &measure->columns[c];
      guint start = starts ? starts[c] : 0;
      guint end = ends ? ends[c] : n_lines (column);

      if (end > start)
        content = MAX (content, line_at (column, end - 1)->bottom - line_at (column, start)->top);
    }

  return content + 2 * measure->table->padding;
}

/**
 * rung_print_measure_get_height:
 * @starts: (nullable): where each column goes on from, or %NULL for the start
 *
 * Returns: the height of the rest of the block
 */
double
rung_print_measure_get_height (RungPrintMeasure *measure,
                               const guint      *starts)
{
  return part_height (measure, starts, NULL);
}

/**
 * rung_print_measure_get_opening_height:
 *
 * Returns: the least of the block that may open it at the foot of a page
 */
double
rung_print_measure_get_opening_height (RungPrintMeasure *measure)
{
  g_autofree guint *ends = NULL;

  if (measure->block->kind != RUNG_PRINT_BLOCK_ROW)
    return part_height (measure, NULL, NULL);

  ends = g_new0 (guint, measure->n_columns);
  for (guint c = 0; c < measure->n_columns; c++)
    ends[c] = measure->columns[c].opening;

  return part_height (measure, NULL, ends);
}

/* Moves @end back so that the page does not end on a title, nor leave a
 * paragraph's first or last line alone. */
static guint
respect_breaks (const Column *column,
                guint         start,
                guint         end)
{
  const Line *last, *next;

  if (end >= n_lines (column) || end <= start)
    return end;

  /* A title goes with what it is the title of. */
  while (end > start)
    {
      RungPrintParagraph *paragraph;

      last = line_at (column, end - 1);
      paragraph = g_ptr_array_index (column->paragraphs, last->paragraph);
      if (!paragraph->keep_with_next)
        break;
      end--;
    }
  if (end <= start)
    return end;

  last = line_at (column, end - 1);
  next = line_at (column, end);

  /* An orphan: the first line of a paragraph alone at the foot. */
  if (last->index == 0 && last->n_in_paragraph > 1 && next->paragraph == last->paragraph)
    return end - 1;

  /* A widow: the last line of a paragraph alone at the head of the next page. */
  if (next->index == next->n_in_paragraph - 1 && next->index >= 2 && end - 1 > start)
    return end - 1;

  return end;
}

/**
 * rung_print_measure_fit:
 * @starts: (nullable): where each column goes on from, or %NULL for the start
 * @available: the height left on the page
 * @strict: whether to keep titles with their text and avoid lone lines; a
 *   page with nothing else on it fits what it can
 * @ends: (out): one per column: the line each column stops before
 * @height: (out): the height of the part that fits
 *
 * Returns: whether a part worth drawing fits: at least the opening of a
 *   row that starts here, at least a line of one that goes on
 */
gboolean
rung_print_measure_fit (RungPrintMeasure *measure,
                        const guint      *starts,
                        double            available,
                        gboolean          strict,
                        guint            *ends,
                        double           *height)
{
  gboolean opening = TRUE, progress = FALSE, acceptable = TRUE;
  double content;

  *height = 0;
  if (measure->block->kind != RUNG_PRINT_BLOCK_ROW)
    {
      *height = part_height (measure, NULL, NULL);
      return *height <= available || !strict;
    }

  content = available - 2 * measure->table->padding;
  for (guint c = 0; c < measure->n_columns; c++)
    {
      const Column *column = &measure->columns[c];
      guint start = starts ? starts[c] : 0;
      guint end = start;
      double top;

      if (start > 0)
        opening = FALSE;
      if (start >= n_lines (column))
        {
          ends[c] = start;
          continue;
        }

      top = line_at (column, start)->top;
      while (end < n_lines (column) && line_at (column, end)->bottom - top <= content + 0.01)
        end++;

      if (strict)
        end = respect_breaks (column, start, end);

      ends[c] = end;
      progress |= end > start;
    }

  if (strict && opening)
    {
      for (guint c = 0; c < measure->n_columns; c++)
        if (ends[c] < MIN (measure->columns[c].opening, n_lines (&measure->columns[c])))
          acceptable = FALSE;
    }

  if (!progress && !strict)
    {
      /* Not one line fits an empty page: show the first anyway. */
      for (guint c = 0; c < measure->n_columns; c++)
        {
          guint start = starts ? starts[c] : 0;

          if (start < n_lines (&measure->columns[c]))
            {
              ends[c] = start + 1;
              progress = TRUE;
              break;
            }
        }
    }

  *height = part_height (measure, starts, ends);

  return acceptable && progress;
}

gboolean
rung_print_measure_is_complete (RungPrintMeasure *measure,
                                const guint      *ends)
{
  for (guint c = 0; c < measure->n_columns; c++)
    if (ends[c] < n_lines (&measure->columns[c]))
      return FALSE;

  return TRUE;
}

/* Drawing */

/* The first baseline of @layout, from its top. */
static double
first_baseline (PangoLayout *layout)
{
  return (double)pango_layout_get_baseline (layout) / PANGO_SCALE;
}

static void
draw_column (const Column *column,
             cairo_t      *cr,
             guint         start,
             guint         end,
             double        y)
{
  double top;
  guint i = start;

  if (end <= start)
    return;

  top = line_at (column, start)->top;
  while (i < end)
    {
      const Line *line = line_at (column, i);
      PangoLayout *layout = ((Laid *)g_ptr_array_index (column->layouts, line->paragraph))->layout;
      RungPrintParagraph *paragraph = g_ptr_array_index (column->paragraphs, line->paragraph);
      GSList *lines;

      rung_print_theme_set_style_ink (cr, paragraph->style);

      /* A paragraph wholly on the page is drawn at once: one call instead
       * of one a line, and the same pixels. */
      if (line->index == 0 && i + line->n_in_paragraph <= end)
        {
          cairo_move_to (cr, column->x, y + (line->baseline - top) - first_baseline (layout));
          pango_cairo_show_layout (cr, layout);
          i += line->n_in_paragraph;
          continue;
        }

      lines = g_slist_nth (pango_layout_get_lines_readonly (layout), line->index);
      for (; i < end && line_at (column, i)->paragraph == line->paragraph; i++, lines = lines->next)
        {
          const Line *l = line_at (column, i);

          cairo_move_to (cr, column->x + l->x, y + l->baseline - top);
          pango_cairo_show_layout_line (cr, lines->data);
        }
    }
}

static void
draw_rule (cairo_t      *cr,
           RungPrintInk  ink,
           double        width,
           double        x0,
           double        x1,
           double        y)
{
  cairo_save (cr);
  rung_print_theme_set_ink (cr, ink);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * rung_print_measure_draw:
 * @starts: (nullable): where each column goes on from, or %NULL for the start
 * @ends: (nullable): where each stops, or %NULL for the end
 * @y: the top of the part on the page
 *
 * Draws a part of the block, with its table's rules or ground.
 */
void
rung_print_measure_draw (RungPrintMeasure     *measure,
                         cairo_t              *cr,
                         const RungPrintFrame *frame,
                         const guint          *starts,
                         const guint          *ends,
                         double                y)
{
  RungPrintBlock *block = measure->block;
  RungPrintTable *table = measure->table;
  double height = part_height (measure, starts, ends);
  g_autofree char *link = NULL;

  if (block->kind == RUNG_PRINT_BLOCK_FIGURE)
    {
      cairo_save (cr);
      block->draw (cr, frame, frame->x, y, frame->width, block->draw_data);
      cairo_restore (cr);
      return;
    }

  if (block->kind != RUNG_PRINT_BLOCK_ROW)
    return;

  if (table->tinted)
    {
      rung_print_theme_set_ink (cr, RUNG_PRINT_INK_TINT);
      cairo_rectangle (cr, frame->x, y, frame->width, height);
      cairo_fill (cr);
    }

  if (block->link_section >= 0 && frame->section_pages != NULL &&
      (guint)block->link_section < frame->n_sections)
    {
      /* A named destination: cairo 1.16 drops links to pages not yet drawn. */
      link = g_strdup_printf ("dest='rung-section-%d'", block->link_section);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
    }

  for (guint c = 0; c < measure->n_columns; c++)
    draw_column (&measure->columns[c], cr,
                 starts ? starts[c] : 0,
                 ends ? ends[c] : n_lines (&measure->columns[c]),
                 y + table->padding);

  if (link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);

  if (table->rules)
    {
      gboolean is_head = table->head == block;

      draw_rule (cr, is_head ? RUNG_PRINT_INK : RUNG_PRINT_INK_RULE,
                 is_head ? RUNG_PRINT_RULE_STRONG : RUNG_PRINT_RULE_HAIRLINE,
                 frame->x, frame->x + frame->width, y + height);
    }
}

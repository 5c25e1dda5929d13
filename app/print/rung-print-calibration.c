/* rung-print-calibration.c: the committee book's page on rater
 * calibration: how each panelist's ratings sit against the rest of the
 * panel's (see app/model/rung-calibration.c), as a chart on an axis from −2
 * to +2 grades with the panel at 0, the neutral sentence for anyone pointed
 * out, and the numbers in a table. Cairo and pango alone, in the
 * document's inks, like the chart of the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-calibration"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rung-calibration.h"
#include "rung-panel.h"
#include "rung-print-content-private.h"

#define LABEL_WIDTH  118.0
#define AXIS_HEIGHT   18.0
#define ROW_HEIGHT    19.0
#define FOOT_HEIGHT   16.0
#define DOT_RADIUS     3.4
#define AXIS_LIMIT     2.0

static double
offset_x (double offset,
          double left,
          double span)
{
  return left + (CLAMP (offset, -AXIS_LIMIT, AXIS_LIMIT) + AXIS_LIMIT) / (2 * AXIS_LIMIT) * span;
}

static void
show_text (cairo_t              *cr,
           const RungPrintFrame *frame,
           RungPrintStyle        style,
           const char           *text,
           double                x,
           double                y,
           double                width,
           PangoAlignment        alignment)
{
  PangoLayout *layout = rung_print_frame_get_layout (frame, style, text, width, alignment);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  rung_print_theme_set_style_ink (cr, style);
  cairo_move_to (cr, x, y - (double)height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_calibration (cairo_t              *cr,
                  const RungPrintFrame *frame,
                  double                x,
                  double                y,
                  double                width,
                  gpointer              data)
{
  GPtrArray *calibrations = data;
  double left = x + LABEL_WIDTH + 12, span = width - LABEL_WIDTH - 12 - 14;
  double bottom = y + AXIS_HEIGHT + calibrations->len * ROW_HEIGHT;

  for (int tick = -2; tick <= 2; tick++)
    {
      g_autofree char *label = tick == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", tick);
      double tx = offset_x (tick, left, span);

      show_text (cr, frame, RUNG_PRINT_STYLE_SMALL, label, tx - 20, y + AXIS_HEIGHT / 2, 40, PANGO_ALIGN_CENTER);
      rung_print_theme_set_ink (cr, tick == 0 ? RUNG_PRINT_INK : RUNG_PRINT_INK_RULE);
      cairo_set_line_width (cr, tick == 0 ? 1.0 : RUNG_PRINT_RULE_HAIRLINE);
      cairo_move_to (cr, tx, y + AXIS_HEIGHT);
      cairo_line_to (cr, tx, bottom);
      cairo_stroke (cr);
    }

  show_text (cr, frame, RUNG_PRINT_STYLE_SMALL, _("below"), left, bottom + FOOT_HEIGHT / 2, span / 3,
             PANGO_ALIGN_LEFT);
  show_text (cr, frame, RUNG_PRINT_STYLE_SMALL, _("The rest of the panel"), left, bottom + FOOT_HEIGHT / 2, span,
             PANGO_ALIGN_CENTER);
  show_text (cr, frame, RUNG_PRINT_STYLE_SMALL, _("above"), left + span * 2 / 3, bottom + FOOT_HEIGHT / 2, span / 3,
             PANGO_ALIGN_RIGHT);

  for (guint i = 0; i < calibrations->len; i++)
    {
      RungRaterCalibration *calibration = g_ptr_array_index (calibrations, i);
      double cy = y + AXIS_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2;
      double low = offset_x (calibration->mean_offset - calibration->sd_offset, left, span);
      double high = offset_x (calibration->mean_offset + calibration->sd_offset, left, span);
      gboolean pointed_out = calibration->side != RUNG_CALIBRATION_IN_LINE;

      show_text (cr, frame, RUNG_PRINT_STYLE_QUIET, calibration->name ? calibration->name : "", x, cy,
                 LABEL_WIDTH, PANGO_ALIGN_LEFT);

      rung_print_theme_set_ink (cr, pointed_out ? RUNG_PRINT_INK_ACCENT : RUNG_PRINT_INK_RULE);
      cairo_rectangle (cr, low, cy - 1.6, MAX (high - low, 0.5), 3.2);
      cairo_fill (cr);

      rung_print_theme_set_ink (cr, pointed_out ? RUNG_PRINT_INK_ACCENT : RUNG_PRINT_INK_SECONDARY);
      cairo_arc (cr, offset_x (calibration->mean_offset, left, span), cy, DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static GPtrArray *
text_cell (RungPrintStyle  style,
           const char     *text)
{
  GPtrArray *cell = rung_print_cell_new ();

  rung_print_add_paragraph (cell, style, text, 0);

  return cell;
}

/* A difference of rounding is shown as 0, not −0.0. */
static double
shown (double value)
{
  return fabs (value) < 0.05 ? 0.0 : value;
}

static RungPrintBlock *
calibration_row (RungPrintTable             *table,
                 const RungRaterCalibration *calibration)
{
  GPtrArray *cells = rung_print_cells_new ();
  g_autofree char *n = g_strdup_printf ("%u", calibration->n_candidates);
  /* Translators: a mean offset and its standard deviation, "+0.8 ± 0.3" */
  g_autofree char *offset = g_strdup_printf (_("%+.1f ± %.1f"), shown (calibration->mean_offset),
                                             calibration->sd_offset);
  /* Translators: a mean and a standard deviation, "2.8 ± 0.4" */
  g_autofree char *own = g_strdup_printf (_("%.1f ± %.1f"), calibration->own_mean, calibration->own_sd);
  g_autofree char *panel = g_strdup_printf (_("%.1f ± %.1f"), calibration->panel_mean, calibration->panel_sd);

  g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_STRONG, calibration->name ? calibration->name : ""));
  g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_NUMBER, n));
  g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_NUMBER, offset));
  g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_NUMBER, own));
  g_ptr_array_add (cells, text_cell (RUNG_PRINT_STYLE_NUMBER, panel));

  return rung_print_block_new_row (table, cells);
}

/**
 * rung_print_calibration_build:
 *
 * Returns: (transfer full): the blocks of the book's rater calibration
 */
GPtrArray *
rung_print_calibration_build (const RungPrintInfo *info)
{
  static const double widths[] = { 2.3, 1, 1.3, 1.3, 1.3 };
  const char *headings[] = { _("Panelist"), _("Candidates"), _("Offset"), _("Their ratings"), _("The panel’s") };
  GPtrArray *blocks = rung_print_blocks_new ();
  g_autoptr(RungPrintTable) table = rung_print_table_new (5, widths);
  g_autoptr(GPtrArray) calibrations = NULL;
  g_autoptr(GError) error = NULL;
  RungPrintBlock *block;

  block = rung_print_add_text (blocks, RUNG_PRINT_STYLE_HEADING, _("Rater calibration"), 0);
  block->keep_with_next = TRUE;
  rung_print_block_set_outline (block, 1, _("Rater calibration"));

  calibrations = rung_panel_compute_calibration (info->panel, &error);
  if (calibrations == NULL || !rung_calibration_is_enough (calibrations))
    {
      rung_print_add_text (blocks, RUNG_PRINT_STYLE_EMPTY,
                           error ? error->message
                                 : _("Calibration shows once panelists have rated at least five candidates that others rated too."),
                           6);
      return blocks;
    }

  rung_print_add_text (blocks, RUNG_PRINT_STYLE_SMALL,
                       _("For each candidate a panelist rated, their mean over the areas they rated, minus the mean "
                         "of the other panelists’ ratings over the same areas. The dot is the mean of those "
                         "differences, the bar one standard deviation either side; the line at 0 is the rest of "
                         "the panel. A panelist is pointed out over five candidates or more, when the mean is at "
                         "least half a grade from 0 and four in five of the differences are on that side."),
                       3)->keep_with_next = TRUE;

  block = rung_print_block_new_figure (AXIS_HEIGHT + calibrations->len * ROW_HEIGHT + FOOT_HEIGHT + 4,
                                       draw_calibration, g_ptr_array_ref (calibrations),
                                       (GDestroyNotify)g_ptr_array_unref);
  block->space_before = 10;
  g_ptr_array_add (blocks, block);

  for (guint i = 0; i < calibrations->len; i++)
    {
      g_autofree char *sentence = rung_rater_calibration_dup_sentence (g_ptr_array_index (calibrations, i));

      if (sentence != NULL)
        rung_print_add_text (blocks, RUNG_PRINT_STYLE_STRONG, sentence, 6);
    }

  rung_print_table_set_head (table, headings, NULL);
  table->padding = 4;
  table->gutter = 10;
  for (guint i = 0; i < calibrations->len; i++)
    {
      block = calibration_row (table, g_ptr_array_index (calibrations, i));
      block->space_before = i == 0 ? 12 : 0;
      g_ptr_array_add (blocks, block);
    }

  return blocks;
}

/* rung-print-chart.c: the spread of a candidate's ratings, for paper: for
 * each area of their level, a line along the ladder's scale with a dot for
 * each panelist's rating (dots on the same grade side by side) and a bar at
 * the mean. The window's chart in views/ says the same with GTK; this one
 * draws with cairo and pango alone, in the document's inks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-chart"

#include "config.h"

#include <pango/pangocairo.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-grade.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-print-content-private.h"
#include "rung-rating.h"

#define LABEL_WIDTH   118.0
#define SCALE_HEIGHT   26.0
#define ROW_HEIGHT     19.0
#define DOT_RADIUS      3.2
#define DOT_STEP        7.6

typedef struct
{
  char   *title;
  GArray *values;          /* of int */
} ChartRow;

typedef struct
{
  GPtrArray *rows;         /* of ChartRow */
  GArray    *grades;       /* of int, lowest first */
  GPtrArray *labels;       /* the grades' labels, in the same order */
} Chart;

static void
chart_row_free (ChartRow *row)
{
  g_free (row->title);
  g_array_unref (row->values);
  g_free (row);
}

static void
chart_free (Chart *chart)
{
  g_ptr_array_unref (chart->rows);
  g_array_unref (chart->grades);
  g_ptr_array_unref (chart->labels);
  g_free (chart);
}

static double
grade_x (Chart  *chart,
         double  value,
         double  left,
         double  width)
{
  int lowest = g_array_index (chart->grades, int, 0);
  int highest = g_array_index (chart->grades, int, chart->grades->len - 1);

  if (highest <= lowest)
    return left + width / 2;

  return left + width * (value - lowest) / (double)(highest - lowest);
}

/* The chart's labels are the same in every packet: laid out once. */
static void
show_text (cairo_t              *cr,
           const RungPrintFrame *frame,
           RungPrintStyle        style,
           const char           *text,
           double                x,
           double                y,
           double                width,
           PangoAlignment        alignment,
           gboolean              centred_vertically)
{
  PangoLayout *layout = rung_print_frame_get_layout (frame, style, text, width, alignment);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  rung_print_theme_set_style_ink (cr, style);
  cairo_move_to (cr, x, centred_vertically ? y - (double)height / PANGO_SCALE / 2 : y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_chart (cairo_t              *cr,
            const RungPrintFrame *frame,
            double                x,
            double                y,
            double                width,
            gpointer              data)
{
  Chart *chart = data;
  double left = x + LABEL_WIDTH + 12, span = width - LABEL_WIDTH - 12 - 14;
  double spacing = chart->grades->len > 1 ? span / (chart->grades->len - 1) : span;
  double bottom = y + SCALE_HEIGHT + chart->rows->len * ROW_HEIGHT;

  /* The scale along the top, and a faint line down from each grade. */
  for (guint g = 0; g < chart->grades->len; g++)
    {
      double gx = grade_x (chart, g_array_index (chart->grades, int, g), left, span);
      g_autofree char *label = g_strdup_printf ("%d %s", g_array_index (chart->grades, int, g),
                                                (const char *)g_ptr_array_index (chart->labels, g));

      show_text (cr, frame, RUNG_PRINT_STYLE_SMALL, label, gx - spacing / 2, y, spacing - 4,
                 PANGO_ALIGN_CENTER, FALSE);
      rung_print_theme_set_ink (cr, RUNG_PRINT_INK_RULE);
      cairo_set_line_width (cr, RUNG_PRINT_RULE_HAIRLINE);
      cairo_move_to (cr, gx, y + SCALE_HEIGHT - 4);
      cairo_line_to (cr, gx, bottom);
      cairo_stroke (cr);
    }

  for (guint r = 0; r < chart->rows->len; r++)
    {
      ChartRow *row = g_ptr_array_index (chart->rows, r);
      double cy = y + SCALE_HEIGHT + r * ROW_HEIGHT + ROW_HEIGHT / 2;
      int stacked[101] = { 0 };
      double sum = 0;

      show_text (cr, frame, RUNG_PRINT_STYLE_QUIET, row->title, x, cy, LABEL_WIDTH, PANGO_ALIGN_LEFT, TRUE);

      rung_print_theme_set_ink (cr, RUNG_PRINT_INK_RULE);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, left, cy);
      cairo_line_to (cr, left + span, cy);
      cairo_stroke (cr);

      for (guint v = 0; v < row->values->len; v++)
        {
          int value = g_array_index (row->values, int, v);
          int k = value >= 0 && value <= 100 ? stacked[value]++ : 0;
          int lowest = g_array_index (chart->grades, int, 0);
          int highest = g_array_index (chart->grades, int, chart->grades->len - 1);
          double dx;

          /* The first dot on its grade, the next beside it, inwards at
           * either end of the scale, alternately left and right between. */
          if (value >= highest)
            dx = -k * DOT_STEP;
          else if (value <= lowest)
            dx = k * DOT_STEP;
          else
            dx = (k % 2 ? -1 : 1) * ((k + 1) / 2) * DOT_STEP;

          sum += value;
          cairo_arc (cr, grade_x (chart, value, left, span) + dx, cy, DOT_RADIUS, 0, 2 * G_PI);
          rung_print_theme_set_ink (cr, RUNG_PRINT_INK_ACCENT);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 0.8);
          cairo_stroke (cr);
        }

      if (row->values->len > 0)
        {
          double mx = grade_x (chart, sum / row->values->len, left, span);

          rung_print_theme_set_ink (cr, RUNG_PRINT_INK);
          cairo_rectangle (cr, mx - 0.8, cy - 6.5, 1.6, 13);
          cairo_fill (cr);
        }
    }
}

/**
 * rung_print_chart_new:
 *
 * Returns: (transfer full): a figure of the spread of @candidate's ratings;
 *   what it shows is copied, so the figure does not follow later changes
 */
RungPrintBlock *
rung_print_chart_new (RungCandidate *candidate)
{
  RungPanel *panel = rung_candidate_get_panel (candidate);
  RungLevel *level = rung_candidate_get_level (candidate);
  GListModel *areas = level ? rung_level_get_areas (level) : NULL;
  GListModel *scale = rung_ladder_get_scale (rung_panel_get_ladder (panel));
  GListModel *ratings = rung_candidate_get_ratings (candidate);
  Chart *chart = g_new0 (Chart, 1);
  guint n_areas = areas ? g_list_model_get_n_items (areas) : 0;
  guint n_grades = g_list_model_get_n_items (scale);

  chart->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)chart_row_free);
  chart->grades = g_array_new (FALSE, FALSE, sizeof (int));
  chart->labels = g_ptr_array_new_with_free_func (g_free);

  /* The ladder lists its scale highest first; the chart reads left to right. */
  for (guint g = n_grades; g > 0; g--)
    {
      g_autoptr(RungGrade) grade = g_list_model_get_item (scale, g - 1);
      int value = rung_grade_get_value (grade);

      g_array_append_val (chart->grades, value);
      g_ptr_array_add (chart->labels, g_strdup (rung_grade_get_label (grade)));
    }
  if (chart->grades->len == 0)
    {
      int zero = 0;

      g_array_append_val (chart->grades, zero);
      g_ptr_array_add (chart->labels, g_strdup (""));
    }

  for (guint a = 0; a < n_areas; a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      ChartRow *row = g_new0 (ChartRow, 1);

      row->title = g_strdup (rung_area_get_title (area));
      row->values = g_array_new (FALSE, FALSE, sizeof (int));
      for (guint r = 0; r < g_list_model_get_n_items (ratings); r++)
        {
          g_autoptr(RungRating) rating = g_list_model_get_item (ratings, r);
          int value = rung_rating_get_value (rating);

          if (g_strcmp0 (rung_rating_get_area_id (rating), rung_area_get_id (area)) == 0)
            g_array_append_val (row->values, value);
        }
      g_ptr_array_add (chart->rows, row);
    }

  return rung_print_block_new_figure (SCALE_HEIGHT + n_areas * ROW_HEIGHT + 4,
                                      draw_chart, chart, (GDestroyNotify)chart_free);
}

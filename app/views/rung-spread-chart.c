/* rung-spread-chart.c: for each area of the candidate's level, a row on the
 * ladder's scale with one dot per panelist's rating (dots on the same grade
 * stack up) and a mark at the mean, so a committee sees at once where it
 * agrees and where it does not. Drawn with cairo and pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-spread-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-grade.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-rating.h"
#include "rung-spread-chart.h"

#define ROW_HEIGHT    34
#define LABEL_WIDTH  150
#define HEADER_HEIGHT 28
#define DOT_RADIUS     5

struct _RungSpreadChart
{
  GtkWidget      parent_instance;

  RungCandidate *candidate;
  GSignalGroup  *ratings_signals;
};

G_DEFINE_FINAL_TYPE (RungSpreadChart, rung_spread_chart, GTK_TYPE_WIDGET)

GtkWidget *
rung_spread_chart_new (void)
{
  return g_object_new (RUNG_TYPE_SPREAD_CHART, NULL);
}

static GListModel *
areas_of (RungSpreadChart *self)
{
  RungLevel *level = self->candidate ? rung_candidate_get_level (self->candidate) : NULL;

  return level ? rung_level_get_areas (level) : NULL;
}

static GListModel *
scale_of (RungSpreadChart *self)
{
  RungPanel *panel = self->candidate ? rung_candidate_get_panel (self->candidate) : NULL;

  return panel ? rung_ladder_get_scale (rung_panel_get_ladder (panel)) : NULL;
}

/* The horizontal position of a grade: lowest value on the left. */
static double
grade_x (GListModel *scale,
         double      value,
         double      left,
         double      width)
{
  guint n = g_list_model_get_n_items (scale);
  int lowest = G_MAXINT, highest = G_MININT;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungGrade) grade = g_list_model_get_item (scale, i);

      lowest = MIN (lowest, rung_grade_get_value (grade));
      highest = MAX (highest, rung_grade_get_value (grade));
    }

  if (highest <= lowest)
    return left + width / 2;

  return left + width * (value - lowest) / (double)(highest - lowest);
}

static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           gboolean    centered)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, centered ? x - width / 2.0 : x, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
rung_spread_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  RungSpreadChart *self = RUNG_SPREAD_CHART (widget);
  GListModel *areas = areas_of (self);
  GListModel *scale = scale_of (self);
  GListModel *ratings;
  int width = gtk_widget_get_width (widget);
  double left = LABEL_WIDTH, right = width - 40, span;   /* room for dots stacked beside the top grade */
  cairo_t *cr;
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1 };

  if (areas == NULL || scale == NULL || width <= LABEL_WIDTH + 60)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  span = right - left;
  ratings = rung_candidate_get_ratings (self->candidate);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, width, gtk_widget_get_height (widget)));

  /* The scale along the top. */
  for (guint g = 0; g < g_list_model_get_n_items (scale); g++)
    {
      g_autoptr(RungGrade) grade = g_list_model_get_item (scale, g);
      double x = grade_x (scale, rung_grade_get_value (grade), left, span);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      draw_text (widget, cr, rung_grade_get_label (grade), x, HEADER_HEIGHT / 2.0,
                 span / g_list_model_get_n_items (scale), TRUE);
    }

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      double y = HEADER_HEIGHT + a * ROW_HEIGHT + ROW_HEIGHT / 2.0;
      int stacked[101] = { 0 };
      double sum = 0;
      guint count = 0;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 1);
      draw_text (widget, cr, rung_area_get_title (area), 8, y, LABEL_WIDTH - 16, FALSE);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.15);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);

      for (guint r = 0; r < g_list_model_get_n_items (ratings); r++)
        {
          g_autoptr(RungRating) rating = g_list_model_get_item (ratings, r);
          int value = rung_rating_get_value (rating);
          double x;

          if (g_strcmp0 (rung_rating_get_area_id (rating), rung_area_get_id (area)) != 0 ||
              value < 0 || value > 100)
            continue;

          /* Ratings on the same grade sit side by side around it. */
          x = grade_x (scale, value, left, span) + (stacked[value] % 2 ? 1 : -1) * ((stacked[value] + 1) / 2) * (DOT_RADIUS * 2 + 2);
          stacked[value]++;
          sum += value;
          count++;

          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.85);
          cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
          cairo_fill (cr);
        }

      if (count > 0)
        {
          double x = grade_x (scale, sum / count, left, span);

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x, y - ROW_HEIGHT / 2.0 + 6);
          cairo_line_to (cr, x, y + ROW_HEIGHT / 2.0 - 6);
          cairo_stroke (cr);
        }
    }

  cairo_destroy (cr);
}

static void
rung_spread_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RungSpreadChart *self = RUNG_SPREAD_CHART (widget);
  GListModel *areas = areas_of (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = LABEL_WIDTH + 320;
  else
    *minimum = *natural = HEADER_HEIGHT + (areas ? g_list_model_get_n_items (areas) : 0) * ROW_HEIGHT + 8;
}

/* What the chart shows, in words, for screen readers. */
static void
update_description (RungSpreadChart *self)
{
  GListModel *ratings = self->candidate ? rung_candidate_get_ratings (self->candidate) : NULL;
  guint n = ratings ? g_list_model_get_n_items (ratings) : 0;
  g_autofree char *text = g_strdup_printf (ngettext ("The spread of %u rating over the areas of the ladder",
                                                     "The spread of %u ratings over the areas of the ladder", n), n);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
on_ratings_changed (RungSpreadChart *self)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rung_spread_chart_set_candidate (RungSpreadChart *self,
                                 RungCandidate   *candidate)
{
  g_return_if_fail (RUNG_IS_SPREAD_CHART (self));

  if (!g_set_object (&self->candidate, candidate))
    return;

  g_signal_group_set_target (self->ratings_signals,
                             candidate ? rung_candidate_get_ratings (candidate) : NULL);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
rung_spread_chart_dispose (GObject *object)
{
  RungSpreadChart *self = (RungSpreadChart *)object;

  g_clear_object (&self->ratings_signals);
  g_clear_object (&self->candidate);

  G_OBJECT_CLASS (rung_spread_chart_parent_class)->dispose (object);
}

static void
rung_spread_chart_class_init (RungSpreadChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_spread_chart_dispose;
  widget_class->snapshot = rung_spread_chart_snapshot;
  widget_class->measure = rung_spread_chart_measure;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "spreadchart");
}

static void
rung_spread_chart_init (RungSpreadChart *self)
{
  self->ratings_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->ratings_signals, "items-changed",
                                  G_CALLBACK (on_ratings_changed), self);
}

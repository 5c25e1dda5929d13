/* rung-calibration-chart.c: rater calibration as a chart. A row per
 * panelist on an axis from −2 to +2 grades, the zero line being the rest of
 * the panel: a dot at the panelist's mean offset and a bar one standard
 * deviation either side of it. A panelist who is pointed out (see
 * rung-calibration.c) is drawn in the accent colour. Drawn with cairo and
 * pango; the accessible description says the same in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-calibration-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rung-calibration.h"
#include "rung-calibration-chart.h"

#define ROW_HEIGHT     32
#define LABEL_WIDTH   170
#define HEADER_HEIGHT  28
#define FOOTER_HEIGHT  24
#define DOT_RADIUS      6
#define AXIS_LIMIT    2.0

struct _RungCalibrationChart
{
  GtkWidget  parent_instance;

  GPtrArray *calibrations;   /* RungRaterCalibration, borrowed from whoever set them */
};

G_DEFINE_FINAL_TYPE (RungCalibrationChart, rung_calibration_chart, GTK_TYPE_WIDGET)

GtkWidget *
rung_calibration_chart_new (void)
{
  return g_object_new (RUNG_TYPE_CALIBRATION_CHART, NULL);
}

static guint
n_rows (RungCalibrationChart *self)
{
  return self->calibrations ? self->calibrations->len : 0;
}

static double
offset_x (double offset,
          double left,
          double span)
{
  return left + (CLAMP (offset, -AXIS_LIMIT, AXIS_LIMIT) + AXIS_LIMIT) / (2 * AXIS_LIMIT) * span;
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
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, centered ? x - width / 2.0 : x, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
rung_calibration_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  RungCalibrationChart *self = RUNG_CALIBRATION_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double left = LABEL_WIDTH, right = width - 24, span, zero;
  double bottom = HEADER_HEIGHT + n_rows (self) * ROW_HEIGHT;
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1 };
  cairo_t *cr;

  if (n_rows (self) == 0 || width <= LABEL_WIDTH + 120)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  span = right - left;
  zero = offset_x (0, left, span);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The axis: −2 … +2 along the top, the panel's zero line down the middle. */
  for (int tick = -2; tick <= 2; tick++)
    {
      g_autofree char *label = tick == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", tick);
      double x = offset_x (tick, left, span);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      draw_text (widget, cr, label, x, HEADER_HEIGHT / 2.0, 40, TRUE);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, tick == 0 ? 0.55 : 0.12);
      cairo_set_line_width (cr, tick == 0 ? 2 : 1);
      cairo_move_to (cr, x, HEADER_HEIGHT);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
    }

  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
  /* Translators: under the zero line of the calibration chart */
  draw_text (widget, cr, _("The rest of the panel"), zero, bottom + FOOTER_HEIGHT / 2.0, span, TRUE);
  draw_text (widget, cr, _("below"), left, bottom + FOOTER_HEIGHT / 2.0, span / 3, FALSE);
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, _("above"));
    int text_width, text_height;

    pango_layout_get_pixel_size (layout, &text_width, &text_height);
    cairo_move_to (cr, right - text_width, bottom + FOOTER_HEIGHT / 2.0 - text_height / 2.0);
    pango_cairo_show_layout (cr, layout);
  }

  for (guint i = 0; i < n_rows (self); i++)
    {
      RungRaterCalibration *calibration = g_ptr_array_index (self->calibrations, i);
      double y = HEADER_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2.0;
      double x = offset_x (calibration->mean_offset, left, span);
      gboolean pointed_out = calibration->side != RUNG_CALIBRATION_IN_LINE;
      double alpha = calibration->n_candidates >= RUNG_CALIBRATION_MIN_CANDIDATES ? 1.0 : 0.45;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, alpha);
      draw_text (widget, cr, calibration->name ? calibration->name : "", 8, y, LABEL_WIDTH - 16, FALSE);

      /* One standard deviation either side of the mean. */
      if (pointed_out)
        cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
      else
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25 * alpha);
      cairo_rectangle (cr, offset_x (calibration->mean_offset - calibration->sd_offset, left, span), y - 3,
                       offset_x (calibration->mean_offset + calibration->sd_offset, left, span) -
                       offset_x (calibration->mean_offset - calibration->sd_offset, left, span), 6);
      cairo_fill (cr);

      if (pointed_out)
        cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
      else
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.75 * alpha);
      cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
rung_calibration_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  RungCalibrationChart *self = RUNG_CALIBRATION_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH + 240;
      *natural = LABEL_WIDTH + 480;
    }
  else
    *minimum = *natural = HEADER_HEIGHT + n_rows (self) * ROW_HEIGHT + FOOTER_HEIGHT;
}

/* One panelist in words: "Ada Lovelace: 0.8 above the rest of the panel on
 * average, spread 0.3, over 6 candidates." */
static void
describe_row (GString                    *text,
              const RungRaterCalibration *calibration)
{
  g_autofree char *offset = g_strdup_printf ("%.1f", fabs (calibration->mean_offset));
  g_autofree char *sd = g_strdup_printf ("%.1f", calibration->sd_offset);
  const char *name = calibration->name ? calibration->name : "";
  guint n = calibration->n_candidates;

  if (text->len > 0)
    g_string_append_c (text, ' ');

  if (calibration->mean_offset >= 0.05)
    /* Translators: the calibration chart in words, one panelist */
    g_string_append_printf (text, ngettext ("%s: %s above the rest of the panel on average, spread %s, over %u candidate.",
                                            "%s: %s above the rest of the panel on average, spread %s, over %u candidates.", n),
                            name, offset, sd, n);
  else if (calibration->mean_offset <= -0.05)
    g_string_append_printf (text, ngettext ("%s: %s below the rest of the panel on average, spread %s, over %u candidate.",
                                            "%s: %s below the rest of the panel on average, spread %s, over %u candidates.", n),
                            name, offset, sd, n);
  else
    g_string_append_printf (text, ngettext ("%s: in line with the rest of the panel on average, spread %s, over %u candidate.",
                                            "%s: in line with the rest of the panel on average, spread %s, over %u candidates.", n),
                            name, sd, n);
}

/**
 * rung_calibration_chart_dup_description:
 *
 * Returns: what the chart shows, in words, as screen readers hear it
 */
char *
rung_calibration_chart_dup_description (RungCalibrationChart *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (RUNG_IS_CALIBRATION_CHART (self), NULL);

  for (guint i = 0; i < n_rows (self); i++)
    describe_row (text, g_ptr_array_index (self->calibrations, i));

  return g_string_free (text, FALSE);
}

/**
 * rung_calibration_chart_set_calibrations:
 * @calibrations: (nullable) (element-type RungRaterCalibration): as
 *   rung_panel_compute_calibration() gives them
 */
void
rung_calibration_chart_set_calibrations (RungCalibrationChart *self,
                                         GPtrArray            *calibrations)
{
  g_autofree char *description = NULL;

  g_return_if_fail (RUNG_IS_CALIBRATION_CHART (self));

  if (calibrations != NULL)
    g_ptr_array_ref (calibrations);
  g_clear_pointer (&self->calibrations, g_ptr_array_unref);
  self->calibrations = calibrations;

  description = rung_calibration_chart_dup_description (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
rung_calibration_chart_dispose (GObject *object)
{
  RungCalibrationChart *self = (RungCalibrationChart *)object;

  g_clear_pointer (&self->calibrations, g_ptr_array_unref);

  G_OBJECT_CLASS (rung_calibration_chart_parent_class)->dispose (object);
}

static void
rung_calibration_chart_class_init (RungCalibrationChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_calibration_chart_dispose;
  widget_class->snapshot = rung_calibration_chart_snapshot;
  widget_class->measure = rung_calibration_chart_measure;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "calibrationchart");
}

static void
rung_calibration_chart_init (RungCalibrationChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rater calibration chart"), -1);
}

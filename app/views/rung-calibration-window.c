/* rung-calibration-window.c: Rater Calibration, from the panel's menu: how
 * each panelist's ratings sit against the rest of the panel's, as a chart,
 * as numbers, and, for anyone pointed out, a neutral sentence. An empty
 * state until somebody has rated enough candidates. What it computes is in
 * app/model/rung-calibration.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-calibration-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rung-calibration.h"
#include "rung-calibration-chart.h"
#include "rung-calibration-window.h"
#include "rung-panel.h"

struct _RungCalibrationWindow
{
  AdwWindow             parent_instance;

  RungPanel            *panel;

  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  RungCalibrationChart *chart;
  GtkBox               *notes_box;
  GtkGrid              *table;
};

G_DEFINE_FINAL_TYPE (RungCalibrationWindow, rung_calibration_window, ADW_TYPE_WINDOW)

/* A label of plain text: names are what users typed, never markup. */
static GtkWidget *
text_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static char *
format_mean_sd (double mean,
                double sd)
{
  /* Translators: a mean and a standard deviation, "2.8 ± 0.4" */
  return g_strdup_printf (_("%.1f ± %.1f"), mean, sd);
}

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)))
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static void
fill_table (RungCalibrationWindow *self,
            GPtrArray             *calibrations)
{
  const char *headers[] = {
    _("Panelist"), _("Candidates"), _("Offset"), _("Their ratings"), _("The panel’s"),
  };

  clear_children (GTK_WIDGET (self->table));

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    gtk_grid_attach (self->table, text_label (headers[c], c == 0 ? 0.0f : 1.0f, "heading"), c, 0, 1, 1);

  for (guint i = 0; i < calibrations->len; i++)
    {
      RungRaterCalibration *calibration = g_ptr_array_index (calibrations, i);
      g_autofree char *n = g_strdup_printf ("%u", calibration->n_candidates);
      g_autofree char *offset = NULL;
      g_autofree char *own = format_mean_sd (calibration->own_mean, calibration->own_sd);
      g_autofree char *panel = format_mean_sd (calibration->panel_mean, calibration->panel_sd);

      /* Translators: a mean offset and its standard deviation, "+0.8 ± 0.3" */
      offset = g_strdup_printf (_("%+.1f ± %.1f"), fabs (calibration->mean_offset) < 0.05 ? 0.0 : calibration->mean_offset,
                                calibration->sd_offset);

      gtk_grid_attach (self->table, text_label (calibration->name, 0.0f, NULL), 0, i + 1, 1, 1);
      gtk_grid_attach (self->table, text_label (n, 1.0f, "numeric"), 1, i + 1, 1, 1);
      gtk_grid_attach (self->table, text_label (offset, 1.0f, "numeric"), 2, i + 1, 1, 1);
      gtk_grid_attach (self->table, text_label (own, 1.0f, "numeric"), 3, i + 1, 1, 1);
      gtk_grid_attach (self->table, text_label (panel, 1.0f, "numeric"), 4, i + 1, 1, 1);
    }
}

static void
fill_notes (RungCalibrationWindow *self,
            GPtrArray             *calibrations)
{
  gboolean any = FALSE;

  clear_children (GTK_WIDGET (self->notes_box));

  for (guint i = 0; i < calibrations->len; i++)
    {
      g_autofree char *sentence = rung_rater_calibration_dup_sentence (g_ptr_array_index (calibrations, i));

      if (sentence == NULL)
        continue;

      gtk_box_append (self->notes_box, text_label (sentence, 0.0f, "calibration-note"));
      any = TRUE;
    }

  if (!any)
    gtk_box_append (self->notes_box,
                    text_label (_("Nobody’s ratings sit consistently above or below the rest of the panel’s."),
                                0.0f, "dim-label"));
}

/**
 * rung_calibration_window_reload:
 *
 * Computes the calibration again from the panel file.
 */
void
rung_calibration_window_reload (RungCalibrationWindow *self)
{
  g_autoptr(GPtrArray) calibrations = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RUNG_IS_CALIBRATION_WINDOW (self));

  if (self->panel != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, rung_panel_get_name (self->panel));
      calibrations = rung_panel_compute_calibration (self->panel, &error);
    }

  if (calibrations == NULL || !rung_calibration_is_enough (calibrations))
    {
      if (error != NULL)
        adw_status_page_set_description (self->empty_page, error->message);
      rung_calibration_chart_set_calibrations (self->chart, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  rung_calibration_chart_set_calibrations (self->chart, calibrations);
  fill_notes (self, calibrations);
  fill_table (self, calibrations);
  gtk_stack_set_visible_child_name (self->stack, "calibration");
}

RungCalibrationWindow *
rung_calibration_window_new (GtkWindow *parent,
                             RungPanel *panel)
{
  RungCalibrationWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (panel == NULL || RUNG_IS_PANEL (panel), NULL);

  self = g_object_new (RUNG_TYPE_CALIBRATION_WINDOW, "transient-for", parent, NULL);
  g_set_object (&self->panel, panel);
  rung_calibration_window_reload (self);

  return self;
}

static void
rung_calibration_window_dispose (GObject *object)
{
  RungCalibrationWindow *self = (RungCalibrationWindow *)object;

  g_clear_object (&self->panel);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUNG_TYPE_CALIBRATION_WINDOW);

  G_OBJECT_CLASS (rung_calibration_window_parent_class)->dispose (object);
}

static void
rung_calibration_window_class_init (RungCalibrationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_calibration_window_dispose;

  g_type_ensure (RUNG_TYPE_CALIBRATION_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-calibration-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RungCalibrationWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RungCalibrationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RungCalibrationWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RungCalibrationWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, RungCalibrationWindow, notes_box);
  gtk_widget_class_bind_template_child (widget_class, RungCalibrationWindow, table);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rung_calibration_window_init (RungCalibrationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

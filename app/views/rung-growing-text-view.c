/* rung-growing-text-view.c: a GtkTextView that asks for the height its
 * whole text needs at the width it is given. GTK 4.8's text view measures
 * its height for the width it had before, so in a layout that gives it less
 * it showed only the first lines of a long item. Nothing a user wrote is
 * ever cut off.
 *
 * Layout asks for the same few widths again and again while the page is
 * sized, and shaping a long text is the dearest thing on the page, so the
 * heights are kept per width until the text or its font changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-growing-text-view"

#include "config.h"

#include "rung-growing-text-view.h"

/* Enough for the widths one layout pass asks for (minimum, natural and the
 * one allocated), and then some. */
#define N_CACHED_HEIGHTS 4

typedef struct
{
  int width;
  int height;
} CachedHeight;

struct _RungGrowingTextView
{
  GtkTextView   parent_instance;

  CachedHeight  heights[N_CACHED_HEIGHTS];
  guint         n_heights;
  guint         next_slot;
};

G_DEFINE_FINAL_TYPE (RungGrowingTextView, rung_growing_text_view, GTK_TYPE_TEXT_VIEW)

static GtkSizeRequestMode
rung_growing_text_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
text_height_for_width (GtkTextView *view,
                       int          width)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  PangoLayout *layout;
  GtkTextIter start, end;
  int inner = width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  int height = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (inner, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  g_object_unref (layout);

  return height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

static int
cached_height_for_width (RungGrowingTextView *self,
                         int                  width)
{
  CachedHeight *slot;

  for (guint i = 0; i < self->n_heights; i++)
    if (self->heights[i].width == width)
      return self->heights[i].height;

  slot = &self->heights[self->next_slot];
  slot->width = width;
  slot->height = text_height_for_width (GTK_TEXT_VIEW (self), width);
  self->next_slot = (self->next_slot + 1) % N_CACHED_HEIGHTS;
  self->n_heights = MIN (self->n_heights + 1, N_CACHED_HEIGHTS);

  return slot->height;
}

static void
forget_heights (RungGrowingTextView *self)
{
  self->n_heights = 0;
  self->next_slot = 0;
}

static void
rung_growing_text_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  GTK_WIDGET_CLASS (rung_growing_text_view_parent_class)->measure (widget, orientation, for_size,
                                                                   minimum, natural,
                                                                   minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > 0)
    {
      int height = cached_height_for_width (RUNG_GROWING_TEXT_VIEW (widget), for_size);

      *minimum = MAX (*minimum, height);
      *natural = MAX (*natural, height);
    }
}

static void
rung_growing_text_view_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rung_growing_text_view_parent_class)->css_changed (widget, change);

  /* A new font or text scale changes every height. */
  forget_heights (RUNG_GROWING_TEXT_VIEW (widget));
}

static void
on_buffer_changed (RungGrowingTextView *self)
{
  forget_heights (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
rung_growing_text_view_class_init (RungGrowingTextViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = rung_growing_text_view_get_request_mode;
  widget_class->measure = rung_growing_text_view_measure;
  widget_class->css_changed = rung_growing_text_view_css_changed;
}

static void
rung_growing_text_view_init (RungGrowingTextView *self)
{
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
}

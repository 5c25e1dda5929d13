/* rung-wrap-bin.c: a bin for wrapped text whose width never depends on its
 * height.
 *
 * A horizontal box allocating its children, or a stack allocating its page,
 * asks each child for its width at the height it will get. For a column of
 * wrapped text that question has no better answer than the width alone, yet
 * answering it makes every box below measure each text at dozens of widths
 * in search of one, and laying out long evidence once per width was most of
 * the time a candidate's page took to appear. This bin answers it as the
 * question for any height, so each text is laid out for the width it gets.
 *
 * Asked for its height at no particular width, which GTK answers for the
 * natural width, it answers for the width it has. A scrolled window asks its
 * content so each time the window sizes itself, and wrapped text has a
 * natural width of one line a paragraph, which no window gives it: every
 * text of a page was laid out a second time, for nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-wrap-bin"

#include "config.h"

#include "rung-wrap-bin.h"

struct _RungWrapBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

static void buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RungWrapBin, rung_wrap_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_iface_init))

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

static GtkSizeRequestMode
rung_wrap_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rung_wrap_bin_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RungWrapBin *self = RUNG_WRAP_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  else if (for_size < 0 && gtk_widget_get_width (widget) > 0)
    for_size = gtk_widget_get_width (widget);

  gtk_widget_measure (self->child, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rung_wrap_bin_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RungWrapBin *self = RUNG_WRAP_BIN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
rung_wrap_bin_compute_expand (GtkWidget *widget,
                              gboolean  *hexpand,
                              gboolean  *vexpand)
{
  RungWrapBin *self = RUNG_WRAP_BIN (widget);

  *hexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_VERTICAL);
}

static void
rung_wrap_bin_set_child (RungWrapBin *self,
                         GtkWidget   *child)
{
  g_return_if_fail (child == NULL || gtk_widget_get_parent (child) == NULL);

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHILD]);
}

static void
rung_wrap_bin_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  if (GTK_IS_WIDGET (child))
    rung_wrap_bin_set_child (RUNG_WRAP_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rung_wrap_bin_add_child;
}

static void
rung_wrap_bin_dispose (GObject *object)
{
  RungWrapBin *self = RUNG_WRAP_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (rung_wrap_bin_parent_class)->dispose (object);
}

static void
rung_wrap_bin_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RungWrapBin *self = RUNG_WRAP_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_wrap_bin_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RungWrapBin *self = RUNG_WRAP_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      rung_wrap_bin_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_wrap_bin_class_init (RungWrapBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_wrap_bin_dispose;
  object_class->get_property = rung_wrap_bin_get_property;
  object_class->set_property = rung_wrap_bin_set_property;

  widget_class->get_request_mode = rung_wrap_bin_get_request_mode;
  widget_class->measure = rung_wrap_bin_measure;
  widget_class->size_allocate = rung_wrap_bin_size_allocate;
  widget_class->compute_expand = rung_wrap_bin_compute_expand;

  /* A container of what it holds, to assistive technologies as a box is. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  properties [PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rung_wrap_bin_init (RungWrapBin *self)
{
}

GtkWidget *
rung_wrap_bin_new (GtkWidget *child)
{
  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);

  return g_object_new (RUNG_TYPE_WRAP_BIN, "child", child, NULL);
}

GtkWidget *
rung_wrap_bin_get_child (RungWrapBin *self)
{
  g_return_val_if_fail (RUNG_IS_WRAP_BIN (self), NULL);

  return self->child;
}

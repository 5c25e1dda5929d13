/* widget-helpers.h: what the widget tests share: waiting for GTK to draw,
 * reaching template children, and saving screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <adwaita.h>

static gboolean
widget_helpers_quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Lets GTK lay out and draw what changed: the frame clock needs real time. */
static inline void
iterate_main_loop (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (150, widget_helpers_quit_loop, loop);
  g_main_loop_run (loop);
}

typedef gboolean (*WidgetHelpersDone) (gpointer data);

/* Lets GTK run until @done says so, for at most ten seconds: work that
 * follows the first frame, in idle turns, takes as long as the machine. */
static inline void
iterate_main_loop_until (WidgetHelpersDone done,
                         gpointer          data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  iterate_main_loop ();
}

static inline gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* With RUNG_SCREENSHOT_DIR set, saves a PNG of @widget there; RUNG_DARK
 * adds "-dark" to the name. */
static inline void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("RUNG_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  graphene_rect_t bounds;

  if (dir == NULL)
    return;

  /* Let transitions (the stacks crossfade) finish before the picture. */
  for (guint i = 0; i < 4; i++)
    iterate_main_loop ();

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);

  g_mkdir_with_parents (dir, 0755);
  if (g_getenv ("RUNG_DARK") != NULL)
    {
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".png"));
      g_autofree char *dark_name = g_strconcat (stem, "-dark.png", NULL);

      path = g_build_filename (dir, dark_name, NULL);
    }
  else
    path = g_build_filename (dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

/* Starts GTK for a widget test, with the styles the application loads. */
static inline void
widget_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* What GtkApplication adds for its resource base path. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/dev/rung/Rung/icons");

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/dev/rung/Rung/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  if (g_getenv ("RUNG_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
}

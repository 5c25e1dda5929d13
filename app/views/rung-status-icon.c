/* rung-status-icon.c: a status page's icon, loaded when the page is shown.
 *
 * When a window is shown, GTK looks up the icon of every image in it, on
 * pages not on screen too. A status page's icon is 128 pixels, a size at
 * which Adwaita's icons come as SVG only: loading one brings in librsvg
 * (about 6 MB of memory) and draws the icon, for pages such as the welcome
 * or meeting pages that a window opened on a panel may never show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-status-icon"

#include "config.h"

#include "rung-status-icon.h"

#define ICON_NAME_KEY "rung-deferred-icon-name"

static void
on_page_map (GtkWidget *widget,
             gpointer   user_data)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (widget);

  adw_status_page_set_icon_name (page, g_object_get_data (G_OBJECT (page), ICON_NAME_KEY));
  g_signal_handlers_disconnect_by_func (page, on_page_map, user_data);
  g_object_set_data (G_OBJECT (page), ICON_NAME_KEY, NULL);
}

/**
 * rung_status_page_defer_icon:
 *
 * Takes the icon name @page was given and gives it back when @page is
 * first mapped, so that the icon is only loaded to be shown. Call it before
 * the window is shown.
 */
void
rung_status_page_defer_icon (AdwStatusPage *page)
{
  const char *icon_name;

  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  icon_name = adw_status_page_get_icon_name (page);
  if (icon_name == NULL || gtk_widget_get_mapped (GTK_WIDGET (page)))
    return;

  g_object_set_data_full (G_OBJECT (page), ICON_NAME_KEY, g_strdup (icon_name), g_free);
  adw_status_page_set_icon_name (page, NULL);
  g_signal_connect (page, "map", G_CALLBACK (on_page_map), NULL);
}

/* rung-status-icon.h: a status page's icon, loaded when the page is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rung_status_page_defer_icon (AdwStatusPage *page);

G_END_DECLS

/* rung-packet-importer.h: imports packet files into the window's panel, one
 * at a time, asking what to do where a packet does not fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rung-types.h"
#include "rung-window.h"

G_BEGIN_DECLS

#define RUNG_TYPE_PACKET_IMPORTER (rung_packet_importer_get_type ())

G_DECLARE_FINAL_TYPE (RungPacketImporter, rung_packet_importer, RUNG, PACKET_IMPORTER, GObject)

RungPacketImporter *rung_packet_importer_new             (RungWindow         *window);
void                rung_packet_importer_start           (RungPacketImporter *self,
                                                          GListModel         *files);
void                rung_packet_importer_cancel          (RungPacketImporter *self);
gboolean            rung_packet_importer_is_running      (RungPacketImporter *self);
guint               rung_packet_importer_get_n_files     (RungPacketImporter *self);
GListModel         *rung_packet_importer_get_imported    (RungPacketImporter *self);

G_END_DECLS

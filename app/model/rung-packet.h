/* rung-packet.h: a packet file, which carries one candidate (details and
 * evidence) from a manager's machine to the committee's panel file.
 *
 * A packet is XML in the namespace below, valid against data/packet.rng. It
 * names the ladder it was written against (id, version, SHA-256), and keys
 * each evidence item by expectation id, so that a panel on another version of
 * the same ladder can map it (see rung-packet-import.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-store.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_PACKET_NAMESPACE "https://rung.dev/ns/packet/1"
/* The extension Rung gives packet files. */
#define RUNG_PACKET_SUFFIX ".rungpacket"

/* One evidence item, as the packet holds it. */
typedef struct
{
  char *expectation_id;
  char *title;             /* never NULL; may be "" */
  char *text;              /* never NULL; may be ""; white space kept as written */
  char *link;              /* or NULL */
  char *date;              /* free text, as the manager wrote it (at most 64
                            * characters), or NULL */
  char *author;            /* or NULL */
  char *location;          /* "FILE:LINE:COLUMN" of the item's element, for
                            * messages; NULL in a packet made from a candidate */
} RungPacketItem;

#define RUNG_TYPE_PACKET (rung_packet_get_type ())

G_DECLARE_FINAL_TYPE (RungPacket, rung_packet, RUNG, PACKET, GObject)

/* Reading: every problem is one RUNG_XML_ERROR that reads FILE:LINE:COLUMN: … */
RungPacket           *rung_packet_new_from_file       (GFile          *file,
                                                       GError        **error);
RungPacket           *rung_packet_new_from_bytes      (GBytes         *bytes,
                                                       const char     *display_name,
                                                       GError        **error);

/* Writing: a snapshot of @candidate and of its panel's ladder. */
RungPacket           *rung_packet_new_from_candidate  (RungCandidate  *candidate);
GBytes               *rung_packet_to_bytes            (RungPacket     *self);
gboolean              rung_packet_write_file          (RungPacket     *self,
                                                       GFile          *file,
                                                       GError        **error);

/* What it holds */
const char           *rung_packet_get_display_name    (RungPacket     *self);
const char           *rung_packet_get_exported_at     (RungPacket     *self);
const char           *rung_packet_get_ladder_id       (RungPacket     *self);
const char           *rung_packet_get_ladder_version  (RungPacket     *self);
const char           *rung_packet_get_ladder_sha256   (RungPacket     *self);
const char           *rung_packet_get_ladder_location (RungPacket     *self);
const char           *rung_packet_get_name            (RungPacket     *self);
const char           *rung_packet_get_current_level   (RungPacket     *self);
const char           *rung_packet_get_current_level_location (RungPacket *self);
const char           *rung_packet_get_target_level    (RungPacket     *self);
const char           *rung_packet_get_target_level_location  (RungPacket *self);
const char           *rung_packet_get_manager         (RungPacket     *self);
const char           *rung_packet_get_team            (RungPacket     *self);
const char           *rung_packet_get_summary         (RungPacket     *self);
RungCandidateStatus   rung_packet_get_status          (RungPacket     *self);
guint                 rung_packet_get_n_items         (RungPacket     *self);
const RungPacketItem *rung_packet_get_item            (RungPacket     *self,
                                                       guint           index);

G_END_DECLS

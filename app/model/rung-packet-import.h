/* rung-packet-import.h: bringing a packet into a panel.
 *
 * An import is all or nothing: one transaction adds the candidate and every
 * item, or nothing changes. Before anything is written, a plan says what
 * would not fit: items for expectations the panel's ladder lacks (a packet
 * from another version of the ladder is mapped by expectation id), and a
 * candidate of the same name already in the panel. The import refuses both
 * unless its flags say what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rung-packet.h"
#include "rung-types.h"

G_BEGIN_DECLS

#define RUNG_PACKET_ERROR (rung_packet_error_quark ())

typedef enum
{
  RUNG_PACKET_ERROR_OTHER_LADDER,   /* written for another ladder altogether */
  RUNG_PACKET_ERROR_NO_LEVEL,       /* the target level is not in the panel's ladder */
  RUNG_PACKET_ERROR_UNMAPPED,       /* some items do not map; see the plan */
  RUNG_PACKET_ERROR_DUPLICATE,      /* a candidate of that name is in the panel */
} RungPacketError;

typedef enum
{
  RUNG_PACKET_IMPORT_DEFAULT        = 0,
  /* Import what maps and leave out what does not. */
  RUNG_PACKET_IMPORT_ALLOW_UNMAPPED = 1 << 0,
  /* A candidate of the same name is deleted (and can be restored) for the new one. */
  RUNG_PACKET_IMPORT_REPLACE        = 1 << 1,
  /* A candidate of the same name stays, and the new one is added beside it. */
  RUNG_PACKET_IMPORT_KEEP_BOTH      = 1 << 2,
} RungPacketImportFlags;

/* What importing a packet into a panel would do. */
typedef struct
{
  RungPacket    *packet;
  gboolean       same_ladder;   /* written against the panel's ladder, byte for byte */
  guint          n_mapped;      /* items that would be imported */
  GPtrArray     *unmapped;      /* of char *: one sentence per item left out,
                                 * each starting "FILE:LINE:COLUMN: " */
  RungCandidate *existing;      /* a live candidate of the same name, or NULL */
} RungPacketPlan;

GQuark          rung_packet_error_quark        (void);

RungPacketPlan *rung_panel_plan_packet_import  (RungPanel              *panel,
                                                RungPacket             *packet,
                                                GError                **error);
void            rung_packet_plan_free          (RungPacketPlan         *plan);
char           *rung_packet_plan_describe_unmapped (RungPacketPlan     *plan);

RungCandidate  *rung_panel_import_packet       (RungPanel              *panel,
                                                RungPacket             *packet,
                                                RungPacketImportFlags   flags,
                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungPacketPlan, rung_packet_plan_free)

G_END_DECLS

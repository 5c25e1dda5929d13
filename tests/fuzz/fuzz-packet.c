/* fuzz-packet.c: a libFuzzer target for the packet parser and the import
 * plan. Each input is the bytes of a packet file; when it parses, its import
 * into a panel on the bundled L6 ladder is planned (nothing is written). The
 * panel is made once, in a temporary folder, with one candidate, so that each
 * input's name is compared with another; each input costs a parse and a plan.
 *
 * Built only with -Dfuzzing=true (build-aux/dev fuzz).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "rung-ladder.h"
#include "rung-packet.h"
#include "rung-packet-import.h"
#include "rung-panel.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static RungPanel *panel;
static char *panel_dir;

/* The temporary folder goes when the fuzzer exits, whatever it found. */
static void
remove_panel_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (panel_dir, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (panel_dir, entry, NULL);
      g_unlink (path);
    }
  g_rmdir (panel_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RungCandidate *candidate;   /* the panel's */

  (void) argc;
  (void) argv;

  if (!(panel_dir = g_dir_make_tmp ("rung-fuzz-packet-XXXXXX", &error)))
    g_error ("No temporary folder: %s", error->message);
  atexit (remove_panel_dir);

  path = g_build_filename (panel_dir, "panel.rung", NULL);
  panel = rung_panel_create (path, "Fuzz", "Committee", "H2 2026", ladder, &error);
  if (panel == NULL)
    g_error ("No panel: %s", error->message);

  /* Whose name the seed packets share, in another case. */
  candidate = rung_panel_add_candidate (panel, "ada LOVELACE", "L5", "L6", NULL, NULL, &error);
  if (candidate == NULL)
    g_error ("No candidate: %s", error->message);

  return 0;
}

/* Planning must give a plan or an error, never both or neither; a plan's
 * counts add up to the packet's items. */
static void
plan_import (RungPacket *packet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacketPlan) plan = rung_panel_plan_packet_import (panel, packet, &error);
  g_autofree char *unmapped = NULL;

  if ((plan == NULL) == (error == NULL))
    g_error ("rung_panel_plan_packet_import gave %s plan and %s error",
             plan ? "a" : "no", error ? "an" : "no");
  if (plan == NULL)
    return;

  if (plan->n_mapped + plan->unmapped->len != rung_packet_get_n_items (packet))
    g_error ("The plan counts %u + %u items of %u", plan->n_mapped, plan->unmapped->len,
             rung_packet_get_n_items (packet));

  unmapped = rung_packet_plan_describe_unmapped (plan);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacket) packet = rung_packet_new_from_bytes (bytes, "fuzz.rungpacket", &error);

  if ((packet == NULL) == (error == NULL))
    g_error ("rung_packet_new_from_bytes gave %s packet and %s error",
             packet ? "a" : "no", error ? "an" : "no");

  if (packet != NULL)
    plan_import (packet);

  return 0;
}

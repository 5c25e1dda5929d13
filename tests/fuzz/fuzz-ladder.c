/* fuzz-ladder.c: a libFuzzer target for the ladder loader. Each input is the
 * bytes of a ladder file; it must load or be refused with one error, and
 * neither may crash, leak or touch undefined behaviour.
 *
 * Built only with -Dfuzzing=true (build-aux/dev fuzz).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>

#include "rung-ladder.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A loaded ladder's getters are part of what must hold up. */
static void
touch_ladder (RungLadder *ladder)
{
  (void) rung_ladder_get_id (ladder);
  (void) rung_ladder_get_sha256 (ladder);
  (void) g_list_model_get_n_items (rung_ladder_get_levels (ladder));
  (void) g_list_model_get_n_items (rung_ladder_get_scale (ladder));
  (void) g_list_model_get_n_items (rung_ladder_get_outcomes (ladder));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = rung_ladder_new_from_bytes (bytes, "fuzz.xml", &error);

  /* Exactly one of a ladder and an error. */
  if ((ladder == NULL) == (error == NULL))
    g_error ("rung_ladder_new_from_bytes gave %s ladder and %s error",
             ladder ? "a" : "no", error ? "an" : "no");

  if (ladder != NULL)
    touch_ladder (ladder);

  return 0;
}

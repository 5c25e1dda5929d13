/* rung-debouncer.h: writes an edit once typing pauses, or when asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RUNG_DEBOUNCE_MS 500

typedef gboolean (*RungDebouncerWrite) (gpointer   user_data,
                                        GError   **error);

typedef enum
{
  RUNG_EDIT_SAVED,
  RUNG_EDIT_PENDING,
  RUNG_EDIT_FAILED,
} RungEditState;

#define RUNG_TYPE_DEBOUNCER (rung_debouncer_get_type ())

G_DECLARE_FINAL_TYPE (RungDebouncer, rung_debouncer, RUNG, DEBOUNCER, GObject)

RungDebouncer *rung_debouncer_new       (RungDebouncerWrite  write,
                                         gpointer            user_data);
void           rung_debouncer_poke      (RungDebouncer      *self);
gboolean       rung_debouncer_flush     (RungDebouncer      *self);
void           rung_debouncer_cancel    (RungDebouncer      *self);
RungEditState  rung_debouncer_get_state (RungDebouncer      *self);
const char    *rung_debouncer_get_error (RungDebouncer      *self);

G_END_DECLS

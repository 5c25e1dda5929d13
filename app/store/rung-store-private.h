/* rung-store-private.h: what the store's files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rung-store.h"

G_BEGIN_DECLS

const char *_rung_store_schema_v1    (void);
const char *_rung_store_migration    (int        from_version);
sqlite3    *_rung_store_get_database (RungStore *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS

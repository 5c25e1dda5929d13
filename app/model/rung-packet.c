/* rung-packet.c: reading and writing packet files, which carry one candidate
 * (details and evidence) from a manager's machine to the committee's panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-packet"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-packet.h"
#include "rung-xml-reader.h"

struct _RungPacket
{
  GObject              parent_instance;

  char                *display_name;
  char                *exported_at;
  char                *generator;

  char                *ladder_id;
  char                *ladder_version;
  char                *ladder_sha256;
  char                *ladder_location;

  char                *name;
  char                *current_level;
  char                *current_level_location;
  char                *target_level;
  char                *target_level_location;
  char                *manager;
  char                *team;
  char                *summary;
  RungCandidateStatus  status;

  GArray              *items;   /* of RungPacketItem */
};

G_DEFINE_FINAL_TYPE (RungPacket, rung_packet, G_TYPE_OBJECT)

static void
rung_packet_item_clear (RungPacketItem *item)
{
  g_clear_pointer (&item->expectation_id, g_free);
  g_clear_pointer (&item->title, g_free);
  g_clear_pointer (&item->text, g_free);
  g_clear_pointer (&item->link, g_free);
  g_clear_pointer (&item->date, g_free);
  g_clear_pointer (&item->author, g_free);
  g_clear_pointer (&item->location, g_free);
}

static void
rung_packet_finalize (GObject *object)
{
  RungPacket *self = (RungPacket *)object;

  g_free (self->display_name);
  g_free (self->exported_at);
  g_free (self->generator);
  g_free (self->ladder_id);
  g_free (self->ladder_version);
  g_free (self->ladder_sha256);
  g_free (self->ladder_location);
  g_free (self->name);
  g_free (self->current_level);
  g_free (self->current_level_location);
  g_free (self->target_level);
  g_free (self->target_level_location);
  g_free (self->manager);
  g_free (self->team);
  g_free (self->summary);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (rung_packet_parent_class)->finalize (object);
}

static void
rung_packet_class_init (RungPacketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rung_packet_finalize;
}

static void
rung_packet_init (RungPacket *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (RungPacketItem));
  g_array_set_clear_func (self->items, (GDestroyNotify)rung_packet_item_clear);
}

RungPacket *
rung_packet_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_set_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_READ,
               "%s:1:1: %s", display_name, _("Reading packets is not ready yet."));
  return NULL;
}

RungPacket *
rung_packet_new_from_file (GFile   *file,
                           GError **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  g_set_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_READ,
               "%s:1:1: %s", name, _("Reading packets is not ready yet."));
  return NULL;
}

RungPacket *
rung_packet_new_from_candidate (RungCandidate *candidate)
{
  RungPacket *self;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), NULL);

  self = g_object_new (RUNG_TYPE_PACKET, NULL);
  self->display_name = g_strdup ("");
  self->name = g_strdup ("");
  self->target_level = g_strdup ("");

  return self;
}

GBytes *
rung_packet_to_bytes (RungPacket *self)
{
  g_return_val_if_fail (RUNG_IS_PACKET (self), NULL);

  return g_bytes_new (NULL, 0);
}

gboolean
rung_packet_write_file (RungPacket  *self,
                        GFile       *file,
                        GError     **error)
{
  g_return_val_if_fail (RUNG_IS_PACKET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Writing packets is not ready yet."));
  return FALSE;
}

#define DEFINE_GETTER(field)                                   \
const char *                                                   \
rung_packet_get_##field (RungPacket *self)                     \
{                                                              \
  g_return_val_if_fail (RUNG_IS_PACKET (self), NULL);          \
                                                               \
  return self->field;                                          \
}

DEFINE_GETTER (display_name)
DEFINE_GETTER (exported_at)
DEFINE_GETTER (ladder_id)
DEFINE_GETTER (ladder_version)
DEFINE_GETTER (ladder_sha256)
DEFINE_GETTER (ladder_location)
DEFINE_GETTER (name)
DEFINE_GETTER (current_level)
DEFINE_GETTER (current_level_location)
DEFINE_GETTER (target_level)
DEFINE_GETTER (target_level_location)
DEFINE_GETTER (manager)
DEFINE_GETTER (team)
DEFINE_GETTER (summary)

RungCandidateStatus
rung_packet_get_status (RungPacket *self)
{
  g_return_val_if_fail (RUNG_IS_PACKET (self), 0);

  return self->status;
}

guint
rung_packet_get_n_items (RungPacket *self)
{
  g_return_val_if_fail (RUNG_IS_PACKET (self), 0);

  return self->items->len;
}

const RungPacketItem *
rung_packet_get_item (RungPacket *self,
                      guint       index)
{
  g_return_val_if_fail (RUNG_IS_PACKET (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, RungPacketItem, index);
}

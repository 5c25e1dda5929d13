/* rung-packet.c: reading and writing packet files, which carry one candidate
 * (details and evidence) from a manager's machine to the committee's panel.
 *
 * Reading goes through the hardened reader and data/packet.rng, then checks
 * what the schema cannot; on any problem the caller gets one error and no
 * packet. Writing snapshots a candidate and serialises it with libxml2's
 * text writer, so that whatever a manager typed comes out as well-formed XML
 * that reads back the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-packet"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-packet.h"
#include "rung-panel.h"
#include "rung-xml-reader.h"

#define PACKET_MAX_SIZE (16 * 1024 * 1024)
#define PACKET_FORMAT   "1"
#define PACKET_SCHEMA   "/dev/rung/Rung/packet.rng"
/* As data/packet.rng says. */
#define DATE_MAX_CHARS  64

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

static const RungXmlDocumentKind *
packet_kind (void)
{
  static RungXmlDocumentKind kind = {
    .root_name = "packet",
    .namespace_uri = RUNG_PACKET_NAMESPACE,
    .schema_resource = PACKET_SCHEMA,
    .max_size = PACKET_MAX_SIZE,
  };
  static gsize translated;

  if (g_once_init_enter (&translated))
    {
      kind.kind = _("a Rung packet");
      g_once_init_leave (&translated, 1);
    }

  return &kind;
}

/* Reading */

/* A single line (a name, a link): the white space around it is not part of
 * it. NULL when the element is missing or blank. */
static char *
read_line (xmlNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;

  text = g_strstrip (rung_xml_get_raw_text (node));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Prose (a summary, an item's text), kept as written; NULL when missing. */
static char *
read_prose (xmlNode *node)
{
  return node != NULL ? rung_xml_get_raw_text (node) : NULL;
}

static void
read_ladder (RungPacket    *self,
             RungXmlReader *reader,
             xmlNode       *node)
{
  self->ladder_id = rung_xml_get_attribute (node, "id");
  self->ladder_version = rung_xml_get_attribute (node, "version");
  self->ladder_sha256 = rung_xml_get_attribute (node, "sha256");
  self->ladder_location = rung_xml_reader_locate (reader, node);
}

static gboolean
read_candidate (RungPacket     *self,
                RungXmlReader  *reader,
                xmlNode        *node,
                GError        **error)
{
  g_autofree char *status = rung_xml_get_attribute (node, "status");
  xmlNode *name = rung_xml_first_child (node, "name");
  xmlNode *current_level = rung_xml_first_child (node, "current-level");
  xmlNode *target_level = rung_xml_first_child (node, "target-level");

  /* The schema allows only the four names; this is for a schema that drifts. */
  if (!rung_candidate_status_from_string (status, &self->status))
    {
      rung_xml_reader_error_at (reader, error, RUNG_XML_ERROR_INVALID, node,
                                _("The candidate’s status “%s” is not one Rung knows."),
                                status ? status : "");
      return FALSE;
    }

  if (!(self->name = read_line (name)))
    {
      rung_xml_reader_error_at (reader, error, RUNG_XML_ERROR_INVALID, name,
                                _("The candidate’s name is empty, but a packet is always "
                                  "for someone."));
      return FALSE;
    }

  if ((self->current_level = read_line (current_level)))
    self->current_level_location = rung_xml_reader_locate (reader, current_level);

  self->target_level = rung_xml_get_text (target_level);
  self->target_level_location = rung_xml_reader_locate (reader, target_level);

  self->manager = read_line (rung_xml_first_child (node, "manager"));
  self->team = read_line (rung_xml_first_child (node, "team"));
  self->summary = read_prose (rung_xml_first_child (node, "summary"));

  return TRUE;
}

static void
read_item (RungPacket    *self,
           RungXmlReader *reader,
           xmlNode       *node)
{
  RungPacketItem item = { 0 };

  item.expectation_id = rung_xml_get_attribute (node, "expectation");
  item.title = rung_xml_get_raw_text (rung_xml_first_child (node, "title"));
  item.text = rung_xml_get_raw_text (rung_xml_first_child (node, "text"));
  item.link = read_line (rung_xml_first_child (node, "link"));
  item.date = read_line (rung_xml_first_child (node, "date"));
  item.author = read_line (rung_xml_first_child (node, "author"));
  item.location = rung_xml_reader_locate (reader, node);

  g_array_append_val (self->items, item);
}

static RungPacket *
read_packet (RungXmlReader  *reader,
             xmlDoc         *doc,
             const char     *display_name,
             GError        **error)
{
  g_autoptr(RungPacket) self = g_object_new (RUNG_TYPE_PACKET, NULL);
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *evidence = rung_xml_first_child (root, "evidence");

  self->display_name = g_strdup (display_name);
  self->exported_at = rung_xml_get_attribute (root, "exported-at");
  self->generator = rung_xml_get_attribute (root, "generator");

  read_ladder (self, reader, rung_xml_first_child (root, "ladder"));
  if (!read_candidate (self, reader, rung_xml_first_child (root, "candidate"), error))
    return NULL;

  for (xmlNode *node = rung_xml_first_child (evidence, "item");
       node != NULL;
       node = rung_xml_next_sibling (node, "item"))
    read_item (self, reader, node);

  return g_steal_pointer (&self);
}

/**
 * rung_packet_new_from_bytes:
 * @bytes: the XML of a packet file
 * @display_name: how to name the file in errors and locations
 *
 * Returns: (transfer full) (nullable): the packet, or %NULL with @error set to
 *   a #RUNG_XML_ERROR whose message starts with `display_name:LINE:COLUMN:`
 */
RungPacket *
rung_packet_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(RungXmlReader) reader = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = rung_xml_reader_new (bytes, display_name);
  if (!(doc = rung_xml_reader_read (reader, packet_kind (), error)))
    return NULL;

  return read_packet (reader, doc, display_name, error);
}

/**
 * rung_packet_new_from_file:
 *
 * Reads a packet file, refusing one too large to be a packet before reading it.
 *
 * Returns: (transfer full) (nullable): the packet, or %NULL with @error set to
 *   a #RUNG_XML_ERROR whose message starts with `FILE:LINE:COLUMN:`
 */
RungPacket *
rung_packet_new_from_file (GFile   *file,
                           GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = rung_xml_load_file (file, packet_kind (), &name, error)))
    return NULL;

  return rung_packet_new_from_bytes (bytes, name, error);
}

/* Writing */

/* XML 1.0 holds TAB, LF, CR and everything from U+0020 up, but for U+FFFE
 * and U+FFFF (surrogates are never valid UTF-8). Anything else a manager
 * pasted into a text is dropped, so that the packet stays readable. */
static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' ||
         (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
}

/* What a manager typed, as a packet can hold it. */
static char *
dup_clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Prose: NULL when there is none, as a reader finds it. */
static char *
dup_clean_or_null (const char *text)
{
  g_autofree char *clean = dup_clean (text);

  return clean[0] != '\0' ? g_steal_pointer (&clean) : NULL;
}

/* A single line: without the white space around it; NULL when blank. */
static char *
dup_clean_line (const char *text)
{
  g_autofree char *clean = g_strstrip (dup_clean (text));

  return clean[0] != '\0' ? g_steal_pointer (&clean) : NULL;
}

/* At most @max_chars characters: what a packet can hold of a free-text date. */
static char *
dup_clean_line_at_most (const char *text,
                        glong       max_chars)
{
  g_autofree char *line = dup_clean_line (text);

  if (line != NULL && g_utf8_strlen (line, -1) > max_chars)
    {
      *g_utf8_offset_to_pointer (line, max_chars) = '\0';
      g_strchomp (line);
    }

  return g_steal_pointer (&line);
}

static void
add_evidence (RungPacket      *self,
              RungCandidate   *candidate,
              RungExpectation *expectation)
{
  const char *expectation_id = rung_expectation_get_id (expectation);
  GListModel *evidence = rung_candidate_get_evidence (candidate, expectation_id);

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(RungEvidence) source = g_list_model_get_item (evidence, i);
      RungPacketItem item = { 0 };

      item.expectation_id = g_strdup (expectation_id);
      item.title = dup_clean (rung_evidence_get_title (source));
      item.text = dup_clean (rung_evidence_get_text (source));
      item.link = dup_clean_line (rung_evidence_get_link (source));
      /* The app's date field has no limit; a packet's has, and a packet its
       * reader refuses would be worse than a date cut short. */
      item.date = dup_clean_line_at_most (rung_evidence_get_date (source), DATE_MAX_CHARS);
      item.author = dup_clean_line (rung_evidence_get_author (source));

      g_array_append_val (self->items, item);
    }
}

static char *
dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  /* As the panel file writes its times: UTC, to the millisecond. */
  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

/**
 * rung_packet_new_from_candidate:
 *
 * Snapshots @candidate: its details, summary and status, the id, version and
 * SHA-256 of its panel's ladder, and its evidence for every expectation of
 * the target level, in ladder order. The snapshot has no display name nor
 * locations; it is not a file yet.
 *
 * Returns: (transfer full): the packet
 */
RungPacket *
rung_packet_new_from_candidate (RungCandidate *candidate)
{
  g_autoptr(RungPacket) self = NULL;
  RungPanel *panel;
  RungLadder *ladder;
  RungLevel *level;
  GListModel *areas;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), NULL);
  g_return_val_if_fail (rung_candidate_get_panel (candidate) != NULL, NULL);

  panel = rung_candidate_get_panel (candidate);
  ladder = rung_panel_get_ladder (panel);
  level = rung_candidate_get_level (candidate);

  self = g_object_new (RUNG_TYPE_PACKET, NULL);
  self->exported_at = dup_now ();
  self->generator = g_strdup ("Rung " PACKAGE_VERSION);

  self->ladder_id = g_strdup (rung_ladder_get_id (ladder));
  self->ladder_version = g_strdup (rung_ladder_get_version (ladder));
  self->ladder_sha256 = g_strdup (rung_ladder_get_sha256 (ladder));

  self->name = dup_clean_line (rung_candidate_get_name (candidate));
  self->current_level = dup_clean_line (rung_candidate_get_current_level (candidate));
  self->target_level = g_strdup (rung_candidate_get_target_level (candidate));
  self->manager = dup_clean_line (rung_candidate_get_manager (candidate));
  self->team = dup_clean_line (rung_candidate_get_team (candidate));
  self->summary = dup_clean_or_null (rung_candidate_get_summary (candidate));
  self->status = rung_candidate_get_status (candidate);

  /* The model keeps the target level one of the ladder's; without it there
   * is no evidence to take. */
  if (level == NULL)
    return g_steal_pointer (&self);

  areas = rung_level_get_areas (level);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);
      GListModel *expectations = rung_area_get_expectations (area);

      for (guint j = 0; j < g_list_model_get_n_items (expectations); j++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, j);

          add_evidence (self, candidate, expectation);
        }
    }

  return g_steal_pointer (&self);
}

/* xmlTextWriter escapes <, >, & and writes a CR as &#13;, which a reader
 * keeps as a CR instead of turning it into a line feed. What it writes is
 * XML because a packet holds only what XML can: a snapshot is cleaned, and
 * what was read was XML already. */
static void
write_element (xmlTextWriterPtr  writer,
               const char       *name,
               const char       *text)
{
  xmlTextWriterWriteElement (writer, (const xmlChar *)name, (const xmlChar *)(text ? text : ""));
}

static void
write_optional_element (xmlTextWriterPtr  writer,
                        const char       *name,
                        const char       *text)
{
  if (text != NULL && text[0] != '\0')
    write_element (writer, name, text);
}

static void
write_attribute (xmlTextWriterPtr  writer,
                 const char       *name,
                 const char       *value)
{
  xmlTextWriterWriteAttribute (writer, (const xmlChar *)name, (const xmlChar *)(value ? value : ""));
}

static void
write_ladder (RungPacket       *self,
              xmlTextWriterPtr  writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "ladder");
  write_attribute (writer, "id", self->ladder_id);
  write_attribute (writer, "version", self->ladder_version);
  write_attribute (writer, "sha256", self->ladder_sha256);
  xmlTextWriterEndElement (writer);
}

static void
write_candidate (RungPacket       *self,
                 xmlTextWriterPtr  writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "candidate");
  write_attribute (writer, "status", rung_candidate_status_to_string (self->status));
  write_element (writer, "name", self->name);
  write_optional_element (writer, "current-level", self->current_level);
  write_element (writer, "target-level", self->target_level);
  write_optional_element (writer, "manager", self->manager);
  write_optional_element (writer, "team", self->team);
  write_optional_element (writer, "summary", self->summary);
  xmlTextWriterEndElement (writer);
}

static void
write_item (const RungPacketItem *item,
            xmlTextWriterPtr      writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "item");
  write_attribute (writer, "expectation", item->expectation_id);
  write_element (writer, "title", item->title);
  write_element (writer, "text", item->text);
  write_optional_element (writer, "link", item->link);
  write_optional_element (writer, "date", item->date);
  write_optional_element (writer, "author", item->author);
  xmlTextWriterEndElement (writer);
}

/**
 * rung_packet_to_bytes:
 *
 * Returns: (transfer full): the packet as XML, valid against data/packet.rng
 */
GBytes *
rung_packet_to_bytes (RungPacket *self)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  GBytes *bytes;

  g_return_val_if_fail (RUNG_IS_PACKET (self), NULL);

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");

  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (writer, BAD_CAST "packet");
  write_attribute (writer, "xmlns", RUNG_PACKET_NAMESPACE);
  write_attribute (writer, "format", PACKET_FORMAT);
  write_attribute (writer, "exported-at", self->exported_at);
  if (self->generator != NULL)
    write_attribute (writer, "generator", self->generator);

  write_ladder (self, writer);
  write_candidate (self, writer);

  xmlTextWriterStartElement (writer, BAD_CAST "evidence");
  for (guint i = 0; i < self->items->len; i++)
    write_item (&g_array_index (self->items, RungPacketItem, i), writer);
  xmlTextWriterEndElement (writer);

  xmlTextWriterEndElement (writer);
  /* Flushes the writer into the buffer; in memory, only running out of it
   * can fail, and GLib aborts on that. */
  if (xmlTextWriterEndDocument (writer) < 0)
    g_error ("The packet could not be written out");
  xmlFreeTextWriter (writer);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  return bytes;
}

/* GLib's messages name the temporary file; say what the manager can do. */
static const char *
explain_write_error (const GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return error->message;

  switch (error->code)
    {
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return _("you are not allowed to write in that folder");

    case G_FILE_ERROR_ROFS:
      return _("the disk is read-only");

    case G_FILE_ERROR_NOSPC:
      return _("the disk is full");

    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      return _("the folder does not exist");

    case G_FILE_ERROR_ISDIR:
      return _("a folder of that name is in the way");

    default:
      return error->message;
    }
}

/**
 * rung_packet_write_file:
 *
 * Writes the packet to @file at once or not at all, readable by its owner
 * alone: promotion data is confidential.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
rung_packet_write_file (RungPacket  *self,
                        GFile       *file,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RUNG_IS_PACKET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);
  if (!(path = g_file_get_path (file)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write the packet to %s: Rung writes packets to local "
                     "folders only."), name);
      return FALSE;
    }

  bytes = rung_packet_to_bytes (self);
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write the packet to %s: %s"), name,
                   explain_write_error (local_error));
      return FALSE;
    }

  return TRUE;
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

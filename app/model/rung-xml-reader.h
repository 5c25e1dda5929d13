/* rung-xml-reader.h: hardened reading of Rung's XML files (ladders, packets).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define RUNG_XML_ERROR (rung_xml_error_quark ())

typedef enum
{
  RUNG_XML_ERROR_READ,
  RUNG_XML_ERROR_TOO_LARGE,
  RUNG_XML_ERROR_EMPTY,
  RUNG_XML_ERROR_ENCODING,
  RUNG_XML_ERROR_MALFORMED,
  RUNG_XML_ERROR_FORBIDDEN,
  RUNG_XML_ERROR_WRONG_DOCUMENT,
  RUNG_XML_ERROR_SCHEMA,
  RUNG_XML_ERROR_INVALID,
} RungXmlError;

/* What a caller expects of a document: its root, namespace and schema. */
typedef struct
{
  const char *root_name;        /* "ladder" */
  const char *namespace_uri;    /* "https://rung.dev/ns/ladder/1" */
  const char *schema_resource;  /* GResource path of the RELAX NG schema */
  const char *kind;             /* translated: "a Rung ladder" */
  gsize       max_size;         /* bytes */
} RungXmlDocumentKind;

typedef struct _RungXmlReader RungXmlReader;

GQuark         rung_xml_error_quark       (void);

GBytes        *rung_xml_load_file         (GFile                     *file,
                                           const RungXmlDocumentKind *kind,
                                           char                     **display_name,
                                           GError                   **error);

RungXmlReader *rung_xml_reader_new        (GBytes                    *bytes,
                                           const char                *display_name);
void           rung_xml_reader_free       (RungXmlReader             *self);
xmlDoc        *rung_xml_reader_read       (RungXmlReader             *self,
                                           const RungXmlDocumentKind *kind,
                                           GError                   **error);
void           rung_xml_reader_error_at   (RungXmlReader             *self,
                                           GError                   **error,
                                           int                        code,
                                           xmlNode                   *node,
                                           const char                *format,
                                           ...) G_GNUC_PRINTF (5, 6);
void           rung_xml_reader_error_at_line (RungXmlReader          *self,
                                              GError                **error,
                                              int                     code,
                                              int                     line,
                                              int                     column,
                                              const char             *format,
                                              ...) G_GNUC_PRINTF (6, 7);
char          *rung_xml_reader_locate     (RungXmlReader             *self,
                                           xmlNode                   *node);

/* Helpers over a validated tree; names are compared in the expected namespace. */
gboolean       rung_xml_node_is           (xmlNode                   *node,
                                           const char                *name);
xmlNode       *rung_xml_first_child       (xmlNode                   *node,
                                           const char                *name);
xmlNode       *rung_xml_next_sibling      (xmlNode                   *node,
                                           const char                *name);
char          *rung_xml_get_text          (xmlNode                   *node);
char          *rung_xml_get_raw_text      (xmlNode                   *node);
char          *rung_xml_get_attribute     (xmlNode                   *node,
                                           const char                *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RungXmlReader, rung_xml_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS

/* rung-xml-reader.c: reads Rung's XML files (ladders, packets) so that a hostile
 * file cannot hurt: no network, no external entities or DTDs, no entity
 * declarations at all, no XInclude, limits on size and depth, UTF-8 only, and
 * validation against the document's RELAX NG schema. Every problem becomes one
 * GError that names the file, line and column in words a manager understands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "rung-xml-reader.h"

/* No Rung document nests deeper than a handful of elements. */
#define MAX_DEPTH 32

typedef struct
{
  gboolean  set;
  int       code;
  int       line;
  int       column;
  char     *message;
} Problem;

struct _RungXmlReader
{
  GBytes                    *bytes;
  char                      *display_name;
  const RungXmlDocumentKind *kind;

  int                        depth;
  gboolean                   saw_doctype;
  int                        doctype_line;
  int                        doctype_column;

  /* A rule of ours that stopped the parser, and the first error of libxml2's. */
  Problem                    refusal;
  Problem                    parse_error;
  Problem                    validity_error;
  xmlNode                   *validity_node;
};

G_DEFINE_QUARK (rung-xml-error-quark, rung_xml_error)

static void
problem_clear (Problem *problem)
{
  g_clear_pointer (&problem->message, g_free);
  problem->set = FALSE;
}

static void
problem_take (Problem *problem,
              int      code,
              int      line,
              int      column,
              char    *message)
{
  if (problem->set)
    {
      g_free (message);
      return;
    }

  problem->set = TRUE;
  problem->code = code;
  problem->line = MAX (line, 1);
  problem->column = MAX (column, 1);
  problem->message = message;
}

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static void
ensure_libxml_hardened (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      /* Belt and braces: even if something asked libxml2 for an external
       * resource, it gets nothing. */
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

RungXmlReader *
rung_xml_reader_new (GBytes     *bytes,
                     const char *display_name)
{
  RungXmlReader *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_new0 (RungXmlReader, 1);
  self->bytes = g_bytes_ref (bytes);
  self->display_name = g_strdup (display_name);

  return self;
}

void
rung_xml_reader_free (RungXmlReader *self)
{
  if (self == NULL)
    return;

  problem_clear (&self->refusal);
  problem_clear (&self->parse_error);
  problem_clear (&self->validity_error);
  g_bytes_unref (self->bytes);
  g_free (self->display_name);
  g_free (self);
}

static void
set_error (RungXmlReader  *self,
           GError        **error,
           int             code,
           int             line,
           int             column,
           const char     *message)
{
  g_set_error (error, RUNG_XML_ERROR, code, "%s:%d:%d: %s",
               self->display_name, MAX (line, 1), MAX (column, 1), message);
}

void
rung_xml_reader_error_at_line (RungXmlReader  *self,
                               GError        **error,
                               int             code,
                               int             line,
                               int             column,
                               const char     *format,
                               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_error (self, error, code, line, column, message);
}

/* libxml2 keeps the line of an element but not its column: find the start
 * tag on that line of the source. */
static int
column_of_node (RungXmlReader *self,
                xmlNode       *node,
                int            line)
{
  gsize size;
  const char *data = g_bytes_get_data (self->bytes, &size);
  const char *end = data + size;
  const char *line_start = data;
  const char *line_end;
  g_autofree char *needle = NULL;
  const char *found;

  if (node == NULL || node->name == NULL || line < 1)
    return 1;

  for (int i = 1; i < line && line_start < end; i++)
    {
      const char *nl = memchr (line_start, '\n', end - line_start);

      if (nl == NULL)
        return 1;
      line_start = nl + 1;
    }

  line_end = memchr (line_start, '\n', end - line_start);
  if (line_end == NULL)
    line_end = end;

  if (node->ns != NULL && node->ns->prefix != NULL)
    needle = g_strdup_printf ("<%s:%s", node->ns->prefix, node->name);
  else
    needle = g_strdup_printf ("<%s", node->name);

  found = g_strstr_len (line_start, line_end - line_start, needle);
  if (found == NULL)
    return 1;

  return (int)g_utf8_strlen (line_start, found - line_start) + 1;
}

void
rung_xml_reader_error_at (RungXmlReader  *self,
                          GError        **error,
                          int             code,
                          xmlNode        *node,
                          const char     *format,
                          ...)
{
  g_autofree char *message = NULL;
  int line = node ? (int)xmlGetLineNo (node) : 1;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_error (self, error, code, line, column_of_node (self, node, line), message);
}

/**
 * rung_xml_reader_locate:
 *
 * Says where @node starts, as the reader's messages do, for a caller that
 * reports a problem later (an importer naming the item it leaves out).
 *
 * Returns: (transfer full): "FILE:LINE:COLUMN"
 */
char *
rung_xml_reader_locate (RungXmlReader *self,
                        xmlNode       *node)
{
  int line;

  g_return_val_if_fail (self != NULL, NULL);

  line = node ? (int)xmlGetLineNo (node) : 1;

  return g_strdup_printf ("%s:%d:%d", self->display_name, MAX (line, 1),
                          column_of_node (self, node, line));
}

static RungXmlReader *
reader_of (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;

  return ctxt->_private;
}

static void
refuse (void *ctx,
        int   code,
        char *message)
{
  xmlParserCtxtPtr ctxt = ctx;
  RungXmlReader *self = reader_of (ctx);

  problem_take (&self->refusal, code,
                xmlSAX2GetLineNumber (ctxt), xmlSAX2GetColumnNumber (ctxt),
                message);
  xmlStopParser (ctxt);
}

static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  RungXmlReader *self = reader_of (ctx);

  self->saw_doctype = TRUE;
  self->doctype_line = xmlSAX2GetLineNumber (ctxt);
  self->doctype_column = xmlSAX2GetColumnNumber (ctxt);

  if (external_id != NULL || system_id != NULL)
    {
      refuse (ctx, RUNG_XML_ERROR_FORBIDDEN,
              g_strdup_printf (_("The file refers to an external document type (DTD) “%s”. "
                                 "Rung does not load other files or network addresses, "
                                 "so the file is refused."),
                               system_id ? (const char *)system_id : (const char *)external_id));
      return;
    }

  /* The document gets its (internal) DTD node, though the file is refused
   * for it once the subset is read: libxml2 hangs the comments and
   * processing instructions of the subset on that node, and without it they
   * belong to nothing and leak (found by tests/fuzz/fuzz-packet). Nothing
   * is loaded: this only records the DOCTYPE's name. */
  xmlSAX2InternalSubset (ctx, name, NULL, NULL);
}

static void
on_external_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  RungXmlReader *self = reader_of (ctx);

  /* Called once the internal subset is read: a DOCTYPE without entities
   * still has no business in a Rung file. */
  if (self->saw_doctype)
    {
      problem_take (&self->refusal, RUNG_XML_ERROR_FORBIDDEN,
                    self->doctype_line, self->doctype_column,
                    g_strdup (_("The file contains a document type declaration (DTD). "
                                "Rung files never have one, so the file is refused.")));
      xmlStopParser (ctx);
    }
}

static void
on_entity_decl (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse (ctx, RUNG_XML_ERROR_FORBIDDEN,
          g_strdup_printf (_("The file declares the entity “%s”. Entities can read other "
                             "files or expand without end, so files that declare them are refused."),
                           (const char *)name));
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  RungXmlReader *self = reader_of (ctx);

  if (++self->depth > MAX_DEPTH)
    {
      refuse (ctx, RUNG_XML_ERROR_MALFORMED,
              g_strdup_printf (_("Elements are nested too deeply (more than %d levels); "
                                 "no Rung file is built like this."),
                               MAX_DEPTH));
      return;
    }

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

static void
on_end_element (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  RungXmlReader *self = reader_of (ctx);

  self->depth--;
  xmlSAX2EndElementNs (ctx, localname, prefix, uri);
}

static char *
clean_libxml_message (const char *message)
{
  g_autofree char *copy = g_strdup (message ? message : "");

  g_strstrip (copy);
  for (char *p = copy; *p; p++)
    if (*p == '\n')
      *p = ' ';

  return g_steal_pointer (&copy);
}

static void
on_parse_error (void        *ctx,
                xmlErrorPtr  error)
{
  RungXmlReader *self = reader_of (ctx);

  if (error->level < XML_ERR_ERROR)
    return;

  problem_take (&self->parse_error, error->code, error->line, error->int2,
                clean_libxml_message (error->message));
}

static void
on_validity_error (void        *user_data,
                   xmlErrorPtr  error)
{
  RungXmlReader *self = user_data;

  if (error->level < XML_ERR_ERROR)
    return;

  /* A bad attribute of the root comes first as an error with neither node
   * nor line, then again with both and the attribute's name: keep the one
   * that says where. */
  if (self->validity_error.set && (self->validity_node != NULL || error->node == NULL))
    return;
  problem_clear (&self->validity_error);

  self->validity_node = error->node;
  problem_take (&self->validity_error, error->code, error->line, 0,
                clean_libxml_message (error->message));
}

/* Where libxml2 found a document not well-formed, say what that means. */
static const char *
explain_parse_error (int code)
{
  switch (code)
    {
    case XML_ERR_TAG_NAME_MISMATCH:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
      return _("an element is not closed properly");

    case XML_ERR_DOCUMENT_END:
      return _("there is more after the end of the document");

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      return _("it refers to an entity that is not defined");

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_CHARREF:
      return _("it contains a character that XML does not allow");

    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_ATTRIBUTE_REDEFINED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
      return _("an attribute is written wrongly");

    default:
      return _("the file is damaged or is not XML");
    }
}

/* Whether an error on @line is at the end of the data: a cut-off file. */
static gboolean
ends_early (const char *data,
            gsize       size,
            int         line)
{
  int lines = 1;

  for (gsize i = 0; i < size; i++)
    if (data[i] == '\n' && i + 1 < size)
      lines++;

  return line >= lines;
}

static gboolean
check_utf8 (RungXmlReader  *self,
            const char     *data,
            gsize           size,
            GError        **error)
{
  const char *bad;
  const char *line_start = data;
  int line = 1;

  if (g_utf8_validate_len (data, size, &bad))
    return TRUE;

  for (const char *p = data; p < bad; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }

  if (*bad == '\0')
    rung_xml_reader_error_at_line (self, error, RUNG_XML_ERROR_MALFORMED, line,
                                   (int)g_utf8_strlen (line_start, bad - line_start) + 1,
                                   _("The file is not well-formed XML: it contains a NUL "
                                     "byte, as binary files do."));
  else
    rung_xml_reader_error_at_line (self, error, RUNG_XML_ERROR_ENCODING, line,
                                   (int)g_utf8_strlen (line_start, bad - line_start) + 1,
                                   _("The file is not valid UTF-8 text (byte 0x%02X). "
                                     "Rung files are always written in UTF-8."),
                                   (guint)(guchar)*bad);

  return FALSE;
}

static xmlDoc *
parse_well_formed (RungXmlReader  *self,
                   const char     *data,
                   gsize           size,
                   GError        **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  gboolean well_formed;

  ctxt = xmlCreateMemoryParserCtxt (data, (int)size);
  if (ctxt == NULL)
    {
      set_error (self, error, RUNG_XML_ERROR_READ, 1, 1,
                 _("The file could not be read: out of memory."));
      return NULL;
    }

  /* No XML_PARSE_NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE: entities are not
   * substituted, nothing is loaded, and libxml2's own limits stay on. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  ctxt->_private = self;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->externalSubset = on_external_subset;
  ctxt->sax->entityDecl = on_entity_decl;
  ctxt->sax->startElementNs = on_start_element;
  ctxt->sax->endElementNs = on_end_element;
  ctxt->sax->serror = on_parse_error;

  xmlParseDocument (ctxt);

  doc = g_steal_pointer (&ctxt->myDoc);
  well_formed = ctxt->wellFormed;
  xmlFreeParserCtxt (ctxt);

  if (self->refusal.set || !well_formed || doc == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);

      if (self->refusal.set)
        set_error (self, error, self->refusal.code, self->refusal.line,
                   self->refusal.column, self->refusal.message);
      else if (self->parse_error.set && self->parse_error.code == XML_ERR_DOCUMENT_EMPTY)
        set_error (self, error, RUNG_XML_ERROR_EMPTY, self->parse_error.line,
                   self->parse_error.column,
                   _("The file is empty: it holds no XML document."));
      else if (self->parse_error.set)
        {
          g_autofree char *message =
            g_strdup_printf (_("The file is not well-formed XML: %s (%s)."),
                             self->parse_error.code != XML_ERR_DOCUMENT_END &&
                             ends_early (data, size, self->parse_error.line)
                               ? _("it ends before the document does, as if it were cut off")
                               : explain_parse_error (self->parse_error.code),
                             self->parse_error.message);

          set_error (self, error, RUNG_XML_ERROR_MALFORMED, self->parse_error.line,
                     self->parse_error.column, message);
        }
      else
        set_error (self, error, RUNG_XML_ERROR_MALFORMED, 1, 1,
                   _("The file is not well-formed XML."));

      return NULL;
    }

  return doc;
}

static xmlRelaxNGPtr
load_schema (const char  *resource,
             GError     **error)
{
  static GMutex lock;
  static GHashTable *schemas;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  xmlRelaxNGPtr schema;
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  gsize size;
  const char *data;

  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((schema = g_hash_table_lookup (schemas, resource)))
    return schema;

  if (!(bytes = g_resources_lookup_data (resource, 0, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int)size);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);

  if (schema == NULL)
    {
      g_set_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_READ,
                   /* Not translated: only a broken build gets here */
                   "The schema %s does not compile", resource);
      return NULL;
    }

  /* Schemas are parsed once and kept for the life of the process. */
  g_hash_table_insert (schemas, g_strdup (resource), schema);

  return schema;
}

static gboolean
check_root (RungXmlReader  *self,
            xmlDoc         *doc,
            GError        **error)
{
  const RungXmlDocumentKind *kind = self->kind;
  xmlNode *root = xmlDocGetRootElement (doc);

  if (doc->encoding != NULL && g_ascii_strcasecmp ((const char *)doc->encoding, "UTF-8") != 0)
    {
      rung_xml_reader_error_at_line (self, error, RUNG_XML_ERROR_ENCODING, 1, 1,
                                     _("The file declares the encoding “%s”, but Rung "
                                       "files are always UTF-8."),
                                     (const char *)doc->encoding);
      return FALSE;
    }

  if (root != NULL &&
      g_strcmp0 ((const char *)root->name, kind->root_name) == 0 &&
      root->ns != NULL &&
      g_strcmp0 ((const char *)root->ns->href, kind->namespace_uri) == 0)
    return TRUE;

  if (root != NULL && g_strcmp0 ((const char *)root->name, kind->root_name) == 0)
    rung_xml_reader_error_at (self, error, RUNG_XML_ERROR_WRONG_DOCUMENT, root,
                              _("This is not %s: the element <%s> is not in Rung’s namespace “%s”."),
                              kind->kind, kind->root_name, kind->namespace_uri);
  else
    rung_xml_reader_error_at (self, error, RUNG_XML_ERROR_WRONG_DOCUMENT, root,
                              _("This is not %s: the document starts with <%s> instead of <%s>."),
                              kind->kind, root ? (const char *)root->name : "",
                              kind->root_name);

  return FALSE;
}

static gboolean
validate (RungXmlReader  *self,
          xmlDoc         *doc,
          GError        **error)
{
  xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr validator;
  int result;

  if (!(schema = load_schema (self->kind->schema_resource, error)))
    return FALSE;

  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, on_validity_error, self);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);

  if (result == 0)
    return TRUE;

  if (self->validity_error.set)
    {
      int line = self->validity_node ? (int)xmlGetLineNo (self->validity_node)
                                     : self->validity_error.line;

      rung_xml_reader_error_at_line (self, error, RUNG_XML_ERROR_SCHEMA, line,
                                     column_of_node (self, self->validity_node, line),
                                     _("The file does not follow the schema of %s: %s."),
                                     self->kind->kind, self->validity_error.message);
    }
  else
    set_error (self, error, RUNG_XML_ERROR_SCHEMA, 1, 1,
               _("The file does not follow the schema."));

  return FALSE;
}

/**
 * rung_xml_reader_read:
 *
 * Parses and validates the reader's bytes as a document of @kind.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
xmlDoc *
rung_xml_reader_read (RungXmlReader              *self,
                      const RungXmlDocumentKind  *kind,
                      GError                    **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  ensure_libxml_hardened ();
  self->kind = kind;

  data = g_bytes_get_data (self->bytes, &size);

  if (size == 0)
    {
      set_error (self, error, RUNG_XML_ERROR_EMPTY, 1, 1,
                 _("The file is empty: it holds no XML document."));
      return NULL;
    }

  if (size > kind->max_size || size > G_MAXINT)
    {
      g_autofree char *actual = g_format_size (size);
      g_autofree char *limit = g_format_size (kind->max_size);

      rung_xml_reader_error_at_line (self, error, RUNG_XML_ERROR_TOO_LARGE, 1, 1,
                                     _("The file is too large (%s) to be %s; the limit is %s."),
                                     actual, kind->kind, limit);
      return NULL;
    }

  if (!check_utf8 (self, data, size, error))
    return NULL;

  if (!(doc = parse_well_formed (self, data, size, error)))
    return NULL;

  if (!check_root (self, doc, error) || !validate (self, doc, error))
    return NULL;

  return g_steal_pointer (&doc);
}

/* Reading a file */

static void
set_read_error (GError                    **error,
                const char                 *name,
                const RungXmlDocumentKind  *kind,
                const GError               *cause)
{
  g_autofree char *message = NULL;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    message = g_strdup (_("The file does not exist. It may have been moved, renamed or deleted."));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    message = g_strdup (_("You are not allowed to read the file."));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    /* Translators: %s is the kind of file, as in "a Rung packet" */
    message = g_strdup_printf (_("This is a folder, not %s."), kind->kind);
  else
    message = g_strdup_printf (_("The file could not be read: %s"), cause->message);

  g_set_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_READ, "%s:1:1: %s", name, message);
}

static void
set_too_large_error (GError                    **error,
                     const char                 *name,
                     const RungXmlDocumentKind  *kind,
                     goffset                     size)
{
  g_autofree char *actual = g_format_size (size);
  g_autofree char *limit = g_format_size (kind->max_size);

  g_set_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_TOO_LARGE,
               _("%s:1:1: The file is too large (%s) to be %s; the limit is %s."),
               name, actual, kind->kind, limit);
}

/* Reads no more than the limit and one chunk, whatever size the file
 * claimed: it may grow between the two looks, or be a device that never ends. */
static GBytes *
load_bounded (GFile                      *file,
              const char                 *name,
              const RungXmlDocumentKind  *kind,
              GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[64 * 1024];
  gssize n_read;

  if (!(stream = g_file_read (file, NULL, &local_error)))
    {
      set_read_error (error, name, kind, local_error);
      return NULL;
    }

  while ((n_read = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                        NULL, &local_error)) > 0)
    {
      if (data->len + (gsize)n_read > kind->max_size)
        {
          set_too_large_error (error, name, kind, data->len + n_read);
          return NULL;
        }
      g_byte_array_append (data, chunk, (guint)n_read);
    }

  if (n_read < 0)
    {
      set_read_error (error, name, kind, local_error);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * rung_xml_load_file:
 * @display_name: (out): how to name the file in errors, even on failure
 *
 * Reads a file for rung_xml_reader_new(), refusing one too large for @kind
 * before reading it (and one that grows past the limit while it is read),
 * and a folder, with errors that read FILE:1:1: what is wrong.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
rung_xml_load_file (GFile                      *file,
                    const RungXmlDocumentKind  *kind,
                    char                      **display_name,
                    GError                    **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);

  if (info == NULL)
    set_read_error (error, name, kind, local_error);
  else if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");
      set_read_error (error, name, kind, local_error);
    }
  else if (g_file_info_get_size (info) > (goffset)kind->max_size)
    set_too_large_error (error, name, kind, g_file_info_get_size (info));
  else
    bytes = load_bounded (file, name, kind, error);

  *display_name = g_steal_pointer (&name);

  return bytes;
}

gboolean
rung_xml_node_is (xmlNode    *node,
                  const char *name)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         g_strcmp0 ((const char *)node->name, name) == 0;
}

xmlNode *
rung_xml_next_sibling (xmlNode    *node,
                       const char *name)
{
  for (node = node ? node->next : NULL; node != NULL; node = node->next)
    if (rung_xml_node_is (node, name))
      return node;

  return NULL;
}

xmlNode *
rung_xml_first_child (xmlNode    *node,
                      const char *name)
{
  if (node == NULL)
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (rung_xml_node_is (child, name))
      return child;

  return NULL;
}

/* Prose in XML may be wrapped by whoever wrote it: runs of white space are
 * one space, and the ends are trimmed. */
static char *
collapse_white_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * rung_xml_get_text:
 *
 * Returns: (transfer full): the text of @node with white space collapsed, or
 *   an empty string for a missing node
 */
char *
rung_xml_get_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return g_strdup ("");

  content = xmlNodeGetContent (node);
  text = collapse_white_space (content ? (const char *)content : "");
  xmlFree (content);

  return text;
}

/**
 * rung_xml_get_raw_text:
 *
 * For what people wrote (evidence, a summary), where line breaks, indents and
 * spaces at either end are theirs to keep.
 *
 * Returns: (transfer full): the text of @node exactly as the document holds
 *   it, or an empty string for a missing node
 */
char *
rung_xml_get_raw_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return g_strdup ("");

  content = xmlNodeGetContent (node);
  text = g_strdup (content ? (const char *)content : "");
  xmlFree (content);

  return text;
}

/**
 * rung_xml_get_attribute:
 *
 * Returns: (transfer full) (nullable): the attribute's value, trimmed
 */
char *
rung_xml_get_attribute (xmlNode    *node,
                        const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strstrip (g_strdup ((const char *)value));
  xmlFree (value);

  return copy;
}

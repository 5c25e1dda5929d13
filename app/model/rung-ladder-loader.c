/* rung-ladder-loader.c: builds a RungLadder from a ladder file. The hardened
 * reader parses and validates against data/ladder.rng; this file checks what
 * a schema cannot (unique ids, no blank texts), supplies the default rating
 * scale and outcomes, and only then hands out a ladder: on any problem the
 * caller gets one error and nothing of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-ladder-loader"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-ladder-private.h"
#include "rung-xml-reader.h"

#define LADDER_MAX_SIZE (4 * 1024 * 1024)
#define BUNDLED_LADDER  "/dev/rung/Rung/ladders/l6.xml"

typedef struct
{
  int         value;
  const char *label;
  const char *description;
} DefaultGrade;

typedef struct
{
  const char *id;
  const char *label;
  const char *description;
} DefaultOutcome;

static const DefaultGrade default_scale[] = {
  { 4, N_("Strong evidence"), N_("The evidence shows the expectation met consistently and beyond doubt.") },
  { 3, N_("Meets"), N_("The evidence shows the expectation met.") },
  { 2, N_("Partial"), N_("The evidence shows the expectation met in part, or only at times.") },
  { 1, N_("Not demonstrated"), N_("The evidence does not show the expectation met.") },
  { 0, N_("No evidence"), N_("There is no evidence to judge this by.") },
};

static const DefaultOutcome default_outcomes[] = {
  { "promote", N_("Promote"), N_("The candidate is promoted to the target level.") },
  { "not-yet", N_("Not yet"), N_("The candidate is not promoted this cycle; the panel says what is missing.") },
  { "defer", N_("Defer"), N_("The decision waits for more evidence or a later meeting.") },
};

typedef struct
{
  RungXmlReader *reader;
  GHashTable    *expectation_ids;   /* id → line, unique across the ladder */
} Loader;

static const RungXmlDocumentKind *
ladder_kind (void)
{
  static RungXmlDocumentKind kind = {
    .root_name = "ladder",
    .namespace_uri = RUNG_LADDER_NAMESPACE,
    .schema_resource = "/dev/rung/Rung/ladder.rng",
    .max_size = LADDER_MAX_SIZE,
  };
  static gsize translated;

  /* Once: a panel opened in a worker thread loads its ladder there, while
   * the window may be loading another. */
  if (g_once_init_enter (&translated))
    {
      kind.kind = _("a Rung ladder");
      g_once_init_leave (&translated, 1);
    }

  return &kind;
}

static gboolean
read_text (Loader      *loader,
           xmlNode     *node,
           char       **text,
           GError     **error)
{
  g_autofree char *value = rung_xml_get_text (node);

  if (value[0] == '\0')
    {
      rung_xml_reader_error_at (loader->reader, error, RUNG_XML_ERROR_INVALID, node,
                                _("The <%s> element is empty, but a ladder’s titles and "
                                  "texts cannot be blank."),
                                (const char *)node->name);
      return FALSE;
    }

  *text = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
read_child_text (Loader      *loader,
                 xmlNode     *parent,
                 const char  *name,
                 char       **text,
                 GError     **error)
{
  return read_text (loader, rung_xml_first_child (parent, name), text, error);
}

/* Paragraph-like children (<p> of a summary, <note>s of an area) joined by a
 * blank line; NULL when there are none. */
static gboolean
read_paragraphs (Loader      *loader,
                 xmlNode     *first,
                 const char  *name,
                 char       **text,
                 GError     **error)
{
  g_autoptr(GString) joined = NULL;

  for (xmlNode *node = first; node != NULL; node = rung_xml_next_sibling (node, name))
    {
      g_autofree char *paragraph = NULL;

      if (!read_text (loader, node, &paragraph, error))
        return FALSE;

      if (joined == NULL)
        joined = g_string_new (paragraph);
      else
        g_string_append_printf (joined, "\n\n%s", paragraph);
    }

  *text = joined ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
  return TRUE;
}

/* Ids must be unique within @seen; @what names the kind of id for the user. */
static gboolean
claim_id (Loader      *loader,
          GHashTable  *seen,
          const char  *id,
          xmlNode     *node,
          const char  *what,
          GError     **error)
{
  gpointer first_line;

  if (g_hash_table_lookup_extended (seen, id, NULL, &first_line))
    {
      rung_xml_reader_error_at (loader->reader, error, RUNG_XML_ERROR_INVALID, node,
                                _("Duplicate %s “%s”: line %d already uses it, and each "
                                  "must be unique."),
                                what, id, GPOINTER_TO_INT (first_line));
      return FALSE;
    }

  g_hash_table_insert (seen, g_strdup (id), GINT_TO_POINTER ((int)xmlGetLineNo (node)));
  return TRUE;
}

static gboolean
read_scale (Loader      *loader,
            RungLadder  *ladder,
            xmlNode     *scale,
            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (scale == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (default_scale); i++)
        {
          g_autoptr(RungGrade) grade = _rung_grade_new (default_scale[i].value,
                                                        _(default_scale[i].label),
                                                        _(default_scale[i].description));
          _rung_ladder_add_grade (ladder, grade, FALSE);
        }
      return TRUE;
    }

  for (xmlNode *node = rung_xml_first_child (scale, "grade");
       node != NULL;
       node = rung_xml_next_sibling (node, "grade"))
    {
      g_autofree char *value = rung_xml_get_attribute (node, "value");
      g_autofree char *label = NULL;
      g_autofree char *description = rung_xml_get_text (rung_xml_first_child (node, "description"));
      g_autoptr(RungGrade) grade = NULL;

      if (!claim_id (loader, seen, value, node, _("grade value"), error) ||
          !read_child_text (loader, node, "label", &label, error))
        return FALSE;

      grade = _rung_grade_new ((int)g_ascii_strtoll (value, NULL, 10), label, description);
      _rung_ladder_add_grade (ladder, grade, TRUE);
    }

  return TRUE;
}

static gboolean
read_outcomes (Loader      *loader,
               RungLadder  *ladder,
               xmlNode     *outcomes,
               GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (outcomes == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (default_outcomes); i++)
        {
          g_autoptr(RungOutcome) outcome = _rung_outcome_new (default_outcomes[i].id,
                                                              _(default_outcomes[i].label),
                                                              _(default_outcomes[i].description));
          _rung_ladder_add_outcome (ladder, outcome, FALSE);
        }
      return TRUE;
    }

  for (xmlNode *node = rung_xml_first_child (outcomes, "outcome");
       node != NULL;
       node = rung_xml_next_sibling (node, "outcome"))
    {
      g_autofree char *id = rung_xml_get_attribute (node, "id");
      g_autofree char *label = NULL;
      g_autofree char *description = rung_xml_get_text (rung_xml_first_child (node, "description"));
      g_autoptr(RungOutcome) outcome = NULL;

      if (!claim_id (loader, seen, id, node, _("outcome id"), error) ||
          !read_child_text (loader, node, "label", &label, error))
        return FALSE;

      outcome = _rung_outcome_new (id, label, description);
      _rung_ladder_add_outcome (ladder, outcome, TRUE);
    }

  return TRUE;
}

static RungExpectation *
read_expectation (Loader      *loader,
                  xmlNode     *node,
                  const char  *area_id,
                  GError     **error)
{
  g_autofree char *id = rung_xml_get_attribute (node, "id");
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  if (!claim_id (loader, loader->expectation_ids, id, node, _("expectation id"), error) ||
      !read_child_text (loader, node, "title", &title, error) ||
      !read_child_text (loader, node, "text", &text, error))
    return NULL;

  return _rung_expectation_new (id, title, text, area_id);
}

static RungArea *
read_area (Loader      *loader,
           xmlNode     *node,
           GError     **error)
{
  g_autofree char *id = rung_xml_get_attribute (node, "id");
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autoptr(RungArea) area = NULL;
  g_autoptr(GPtrArray) expectations = g_ptr_array_new_with_free_func (g_object_unref);

  if (!read_child_text (loader, node, "title", &title, error))
    return NULL;

  for (xmlNode *child = rung_xml_first_child (node, "expectation");
       child != NULL;
       child = rung_xml_next_sibling (child, "expectation"))
    {
      RungExpectation *expectation = read_expectation (loader, child, id, error);

      if (expectation == NULL)
        return NULL;
      g_ptr_array_add (expectations, expectation);
    }

  if (!read_paragraphs (loader, rung_xml_first_child (node, "note"), "note", &note, error))
    return NULL;

  area = _rung_area_new (id, title, note);
  for (guint i = 0; i < expectations->len; i++)
    _rung_area_add_expectation (area, g_ptr_array_index (expectations, i));

  return g_steal_pointer (&area);
}

static RungAntiPattern *
read_anti_pattern (Loader      *loader,
                   xmlNode     *node,
                   GError     **error)
{
  g_autofree char *id = rung_xml_get_attribute (node, "id");
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  if (!read_child_text (loader, node, "title", &title, error) ||
      !read_child_text (loader, node, "text", &text, error))
    return NULL;

  return _rung_anti_pattern_new (id, title, text);
}

static RungLevel *
read_level (Loader      *loader,
            xmlNode     *node,
            GError     **error)
{
  g_autoptr(GHashTable) area_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) anti_pattern_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *id = rung_xml_get_attribute (node, "id");
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(RungLevel) level = NULL;
  xmlNode *summary_node = rung_xml_first_child (node, "summary");

  if (!read_child_text (loader, node, "title", &title, error) ||
      !read_paragraphs (loader, rung_xml_first_child (summary_node, "p"), "p", &summary, error))
    return NULL;

  level = _rung_level_new (id, title, summary);

  for (xmlNode *child = rung_xml_first_child (node, "area");
       child != NULL;
       child = rung_xml_next_sibling (child, "area"))
    {
      g_autofree char *area_id = rung_xml_get_attribute (child, "id");
      g_autoptr(RungArea) area = NULL;

      if (!claim_id (loader, area_ids, area_id, child, _("area id"), error) ||
          !(area = read_area (loader, child, error)))
        return NULL;

      _rung_level_add_area (level, area);
    }

  for (xmlNode *child = rung_xml_first_child (node, "anti-pattern");
       child != NULL;
       child = rung_xml_next_sibling (child, "anti-pattern"))
    {
      g_autofree char *anti_pattern_id = rung_xml_get_attribute (child, "id");
      g_autoptr(RungAntiPattern) anti_pattern = NULL;

      if (!claim_id (loader, anti_pattern_ids, anti_pattern_id, child, _("anti-pattern id"), error) ||
          !(anti_pattern = read_anti_pattern (loader, child, error)))
        return NULL;

      _rung_level_add_anti_pattern (level, anti_pattern);
    }

  return g_steal_pointer (&level);
}

static RungLadder *
read_ladder (Loader      *loader,
             xmlDoc      *doc,
             GBytes      *source,
             GError     **error)
{
  g_autoptr(GHashTable) level_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *id = rung_xml_get_attribute (root, "id");
  g_autofree char *version = rung_xml_get_attribute (root, "version");
  g_autofree char *title = NULL;
  g_autoptr(RungLadder) ladder = NULL;
  xmlChar *language = xmlNodeGetLang (root);

  if (!read_child_text (loader, root, "title", &title, error))
    {
      xmlFree (language);
      return NULL;
    }

  ladder = _rung_ladder_new (id, version, title, (const char *)language, source);
  xmlFree (language);

  if (!read_scale (loader, ladder, rung_xml_first_child (root, "scale"), error) ||
      !read_outcomes (loader, ladder, rung_xml_first_child (root, "outcomes"), error))
    return NULL;

  for (xmlNode *node = rung_xml_first_child (root, "level");
       node != NULL;
       node = rung_xml_next_sibling (node, "level"))
    {
      g_autofree char *level_id = rung_xml_get_attribute (node, "id");
      g_autoptr(RungLevel) level = NULL;

      if (!claim_id (loader, level_ids, level_id, node, _("level id"), error) ||
          !(level = read_level (loader, node, error)))
        return NULL;

      _rung_ladder_add_level (ladder, level);
    }

  return g_steal_pointer (&ladder);
}

/**
 * rung_ladder_new_from_bytes:
 * @bytes: the XML of a ladder file
 * @display_name: how to name the file in errors
 *
 * Returns: (transfer full) (nullable): the ladder, or %NULL with @error set to
 *   a #RUNG_XML_ERROR whose message starts with `display_name:LINE:COLUMN:`
 */
RungLadder *
rung_ladder_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(RungXmlReader) reader = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) expectation_ids = NULL;
  Loader loader;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = rung_xml_reader_new (bytes, display_name);
  if (!(doc = rung_xml_reader_read (reader, ladder_kind (), error)))
    return NULL;

  expectation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.reader = reader;
  loader.expectation_ids = expectation_ids;

  return read_ladder (&loader, doc, bytes, error);
}

/**
 * rung_ladder_new_from_file:
 *
 * Reads a ladder file, refusing one too large to be a ladder before reading it.
 *
 * Returns: (transfer full) (nullable): the ladder, or %NULL with @error set
 */
RungLadder *
rung_ladder_new_from_file (GFile   *file,
                           GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = rung_xml_load_file (file, ladder_kind (), &name, error)))
    return NULL;

  return rung_ladder_new_from_bytes (bytes, name, error);
}

/**
 * rung_ladder_new_bundled:
 *
 * Returns: (transfer full): the ladder Rung ships (the L6 level)
 */
RungLadder *
rung_ladder_new_bundled (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RungLadder *ladder;

  bytes = g_resources_lookup_data (BUNDLED_LADDER, 0, &error);
  if (bytes == NULL)
    g_error ("The bundled ladder is missing: %s", error->message);

  ladder = rung_ladder_new_from_bytes (bytes, "l6.xml", &error);
  if (ladder == NULL)
    g_error ("The bundled ladder does not load: %s", error->message);

  return ladder;
}

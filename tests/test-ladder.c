/* test-ladder.c: the ladder loader: the bundled ladder, good ladders, every
 * error path and the hostile corpus under tests/data/ladders/bad.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rung-anti-pattern.h"
#include "rung-area.h"
#include "rung-expectation.h"
#include "rung-grade.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-outcome.h"
#include "rung-xml-reader.h"

static const char *l6_areas[] = {
  "Responsibilities", "Impact", "Ownership", "Process",
  "Culture", "Communication", "Growth", "Leadership",
};

static char *
data_path (const char *first,
           ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer)TEST_DATA_DIR);
  g_ptr_array_add (parts, (gpointer)first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)))
    g_ptr_array_add (parts, (gpointer)part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **)parts->pdata);
}

static RungLadder *
load_data_file (const char  *relative,
                GError     **error)
{
  g_autofree char *path = data_path (relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return rung_ladder_new_from_file (file, error);
}

static void
test_bundled_structure (void)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  GListModel *levels = rung_ladder_get_levels (ladder);
  g_autoptr(RungLevel) level = NULL;
  GListModel *areas;
  guint n_expectations = 0;

  g_assert_cmpstr (rung_ladder_get_id (ladder), ==, "rung-engineering");
  g_assert_cmpstr (rung_ladder_get_language (ladder), ==, "en");
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 1);

  level = g_list_model_get_item (levels, 0);
  g_assert_cmpstr (rung_level_get_id (level), ==, "L6");
  g_assert_true (g_str_has_prefix (rung_level_get_summary (level),
                                   "An L6 is an extraordinary engineer"));

  areas = rung_level_get_areas (level);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, G_N_ELEMENTS (l6_areas));
  for (guint i = 0; i < G_N_ELEMENTS (l6_areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);
      GListModel *expectations = rung_area_get_expectations (area);

      g_assert_cmpstr (rung_area_get_title (area), ==, l6_areas[i]);
      g_assert_cmpuint (g_list_model_get_n_items (expectations), >, 0);

      for (guint j = 0; j < g_list_model_get_n_items (expectations); j++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, j);

          g_assert_cmpstr (rung_expectation_get_area_id (expectation), ==, rung_area_get_id (area));
          g_assert_cmpuint (strlen (rung_expectation_get_title (expectation)), >, 0);
          g_assert_cmpuint (strlen (rung_expectation_get_text (expectation)), >, 40);
          g_assert_true (rung_level_find_expectation (level, rung_expectation_get_id (expectation)) == expectation);
          n_expectations++;
        }
    }

  /* One expectation per paragraph of the seed's areas. */
  g_assert_cmpuint (n_expectations, ==, 13);
  g_assert_cmpuint (rung_level_get_n_expectations (level), ==, 13);
  g_assert_cmpuint (g_list_model_get_n_items (rung_level_get_anti_patterns (level)), ==, 3);
  g_assert_nonnull (rung_level_find_area (level, "growth"));
  g_assert_null (rung_level_find_area (level, "nonexistent"));
  g_assert_null (rung_level_find_expectation (level, "nonexistent"));
}

static void
test_bundled_defaults (void)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  GListModel *scale = rung_ladder_get_scale (ladder);
  GListModel *outcomes = rung_ladder_get_outcomes (ladder);
  static const char *labels[] = { "Strong evidence", "Meets", "Partial", "Not demonstrated", "No evidence" };
  static const char *outcome_ids[] = { "promote", "not-yet", "defer" };

  g_assert_false (rung_ladder_declares_scale (ladder));
  g_assert_false (rung_ladder_declares_outcomes (ladder));

  g_assert_cmpuint (g_list_model_get_n_items (scale), ==, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(RungGrade) grade = g_list_model_get_item (scale, i);

      g_assert_cmpstr (rung_grade_get_label (grade), ==, labels[i]);
      g_assert_cmpint (rung_grade_get_value (grade), ==, (int)(G_N_ELEMENTS (labels) - 1 - i));
      g_assert_cmpuint (strlen (rung_grade_get_description (grade)), >, 0);
    }

  g_assert_cmpuint (g_list_model_get_n_items (outcomes), ==, G_N_ELEMENTS (outcome_ids));
  for (guint i = 0; i < G_N_ELEMENTS (outcome_ids); i++)
    g_assert_nonnull (rung_ladder_find_outcome (ladder, outcome_ids[i]));

  g_assert_nonnull (rung_ladder_find_grade (ladder, 4));
  g_assert_null (rung_ladder_find_grade (ladder, 5));
  g_assert_null (rung_ladder_find_outcome (ladder, "fire"));
}

static void
test_bundled_checksum (void)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  GBytes *source = rung_ladder_get_source (ladder);
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, source);

  g_assert_cmpstr (rung_ladder_get_sha256 (ladder), ==, expected);
  g_assert_cmpuint (strlen (expected), ==, 64);
}

static void
collect_texts (RungLadder *ladder,
               GString    *all)
{
  GListModel *levels = rung_ladder_get_levels (ladder);

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(RungLevel) level = g_list_model_get_item (levels, i);
      GListModel *areas = rung_level_get_areas (level);
      GListModel *anti_patterns = rung_level_get_anti_patterns (level);

      g_string_append_printf (all, "%s\n%s\n", rung_level_get_title (level),
                              rung_level_get_summary (level));
      for (guint j = 0; j < g_list_model_get_n_items (areas); j++)
        {
          g_autoptr(RungArea) area = g_list_model_get_item (areas, j);
          GListModel *expectations = rung_area_get_expectations (area);

          g_string_append_printf (all, "%s\n%s\n", rung_area_get_title (area),
                                  rung_area_get_note (area) ? rung_area_get_note (area) : "");
          for (guint k = 0; k < g_list_model_get_n_items (expectations); k++)
            {
              g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, k);

              g_string_append_printf (all, "%s\n", rung_expectation_get_text (expectation));
            }
        }
      for (guint j = 0; j < g_list_model_get_n_items (anti_patterns); j++)
        {
          g_autoptr(RungAntiPattern) anti_pattern = g_list_model_get_item (anti_patterns, j);

          g_string_append_printf (all, "%s\n%s\n", rung_anti_pattern_get_title (anti_pattern),
                                  rung_anti_pattern_get_text (anti_pattern));
        }
    }
}

/* Strips the seed's markdown: "# " headings and "* **Title**. " bullets. */
static char *
seed_paragraph_text (const char *line,
                     char      **title)
{
  *title = NULL;

  while (*line == '#')
    line++;
  if (line != NULL && g_str_has_prefix (line, "* **"))
    {
      const char *end = strstr (line + 4, "**. ");

      g_assert_nonnull (end);
      *title = g_strndup (line + 4, end - (line + 4));
      line = end + 4;
    }

  return g_strstrip (g_strdup (line));
}

static void
test_bundled_holds_the_whole_seed (void)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *seed_path = data_path ("seed-l6.md", NULL);
  g_autofree char *seed = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (seed_path, &seed, NULL, NULL));
  collect_texts (ladder, all);

  lines = g_strsplit (seed, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *text = seed_paragraph_text (lines[i], &title);

      /* The heading "Overview" became the summary, and "Anti-patterns" the
       * section the anti-patterns live in: neither is a text of its own. */
      if (text[0] == '\0' || g_str_equal (text, "Overview") || g_str_equal (text, "Anti-patterns"))
        continue;

      if (strstr (all->str, text) == NULL)
        g_error ("The seed's line %u is missing from the ladder: %s", i + 1, text);
      if (title != NULL && strstr (all->str, title) == NULL)
        g_error ("The anti-pattern %s is missing from the ladder", title);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 20);
}

static void
test_good_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = load_data_file ("ladders/good/minimal.xml", &error);
  g_autoptr(RungLevel) level = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (ladder);
  level = g_list_model_get_item (rung_ladder_get_levels (ladder), 0);
  g_assert_cmpuint (rung_level_get_n_expectations (level), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rung_level_get_anti_patterns (level)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rung_ladder_get_scale (ladder)), ==, 5);
}

static void
test_good_custom_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = load_data_file ("ladders/good/custom-scale.xml", &error);

  g_assert_no_error (error);
  g_assert_true (rung_ladder_declares_scale (ladder));
  g_assert_true (rung_ladder_declares_outcomes (ladder));
  g_assert_cmpuint (g_list_model_get_n_items (rung_ladder_get_scale (ladder)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (rung_ladder_get_outcomes (ladder)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (rung_ladder_get_levels (ladder)), ==, 2);
  g_assert_nonnull (rung_ladder_find_level (ladder, "L5"));
  g_assert_nonnull (rung_ladder_find_level (ladder, "L6"));
}

static void
assert_error_shape (const GError *error,
                    const char   *display_name,
                    int           line)
{
  g_autofree char *prefix = NULL;
  g_autoptr(GRegex) shape = g_regex_new ("^.+:[0-9]+:[0-9]+: [A-Z]", 0, 0, NULL);

  g_assert_nonnull (error);
  g_assert_true (error->domain == RUNG_XML_ERROR);
  if (!g_regex_match (shape, error->message, 0, NULL))
    g_error ("Not FILE:LINE:COL: message: %s", error->message);

  if (line > 0)
    prefix = g_strdup_printf ("%s:%d:", display_name, line);
  else
    prefix = g_strdup_printf ("%s:", display_name);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("Expected the error to start with “%s”: %s", prefix, error->message);

  /* Nothing of another file is ever revealed. */
  g_assert_null (strstr (error->message, "root:x:0"));
}

static void
test_bad_corpus (void)
{
  g_autofree char *expected_path = data_path ("ladders", "bad", "EXPECTED", NULL);
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cases = 0;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RungLadder) ladder = NULL;
      g_autofree char *lower = NULL;
      g_autofree char *display_name = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      path = data_path ("ladders", "bad", fields[0], NULL);
      file = g_file_new_for_path (path);
      display_name = g_file_get_parse_name (file);
      ladder = rung_ladder_new_from_file (file, &error);

      if (ladder != NULL)
        g_error ("%s loaded, but must be refused", fields[0]);

      g_test_message ("%s: %s", fields[0], error->message);
      assert_error_shape (error, display_name, atoi (fields[1]));

      lower = g_utf8_strdown (error->message, -1);
      if (strstr (lower, fields[2]) == NULL)
        g_error ("%s: expected “%s” in: %s", fields[0], fields[2], error->message);

      n_cases++;
    }

  g_assert_cmpuint (n_cases, >=, 25);
}

static GBytes *
ladder_wrapping (const char *inner)
{
  char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ladder xmlns=\"" RUNG_LADDER_NAMESPACE "\" id=\"x\" version=\"1\">\n"
    "  <title>%s</title>\n"
    "  <level id=\"L1\"><title>L1</title><summary><p>S</p></summary>\n"
    "    <area id=\"a\"><title>A</title>\n"
    "      <expectation id=\"e\"><title>E</title><text>T</text></expectation>\n"
    "    </area>\n"
    "  </level>\n"
    "</ladder>\n", inner);

  return g_bytes_new_take (xml, strlen (xml));
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<ladder xmlns=\"" RUNG_LADDER_NAMESPACE "\">");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</a>");
  g_string_append (xml, "</ladder>\n");

  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  ladder = rung_ladder_new_from_bytes (bytes, "deep.xml", &error);

  g_assert_null (ladder);
  g_assert_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_MALFORMED);
  assert_error_shape (error, "deep.xml", 2);
  g_assert_nonnull (strstr (error->message, "deep"));
}

static void
test_huge_text_node (void)
{
  gsize size = 60 * 1024 * 1024;
  char *huge = g_malloc (size + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autoptr(RungLadder) ladder = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("rung-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "huge.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  memset (huge, 'x', size);
  huge[size] = '\0';
  bytes = ladder_wrapping (huge);
  g_free (huge);

  ladder = rung_ladder_new_from_bytes (bytes, "huge.xml", &error);
  g_assert_null (ladder);
  g_assert_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_TOO_LARGE);
  assert_error_shape (error, "huge.xml", 1);

  /* From a file, the size is refused before anything is read. */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  ladder = rung_ladder_new_from_file (file, &file_error);
  g_assert_null (ladder);
  g_assert_error (file_error, RUNG_XML_ERROR, RUNG_XML_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (file_error->message, "too large"));

  g_unlink (path);
  g_rmdir (tmpdir);
}

static void
test_large_text_node_below_limit (void)
{
  /* 3 MB of one word: under the size limit, so libxml2 reads it whole. */
  gsize size = 3 * 1024 * 1024;
  char *text = g_malloc (size + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = NULL;

  memset (text, 'y', size);
  text[size] = '\0';
  bytes = ladder_wrapping (text);
  g_free (text);

  ladder = rung_ladder_new_from_bytes (bytes, "large.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (rung_ladder_get_title (ladder)), ==, size);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/ladder.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = rung_ladder_new_from_file (file, &error);

  g_assert_null (ladder);
  g_assert_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_READ);
  assert_error_shape (error, "/nonexistent/ladder.xml", 1);
}

static void
test_whitespace_is_collapsed (void)
{
  g_autoptr(GBytes) bytes = ladder_wrapping ("\n   A  wrapped\n      title\t ");
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = rung_ladder_new_from_bytes (bytes, "wrapped.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rung_ladder_get_title (ladder), ==, "A wrapped title");
}

static void
test_markup_like_text_is_kept (void)
{
  g_autoptr(GBytes) bytes = ladder_wrapping ("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;span foreground='red'&gt;");
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = rung_ladder_new_from_bytes (bytes, "markup.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rung_ladder_get_title (ladder), ==, "<b>bold</b> & <span foreground='red'>");
}

static void
test_describe (void)
{
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  g_autofree char *line = rung_ladder_describe (ladder);

  g_assert_cmpstr (line, ==, "rung-engineering 1.0: 1 level, 8 areas, 13 expectations, 3 anti-patterns");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rung/ladder/bundled/structure", test_bundled_structure);
  g_test_add_func ("/rung/ladder/bundled/defaults", test_bundled_defaults);
  g_test_add_func ("/rung/ladder/bundled/checksum", test_bundled_checksum);
  g_test_add_func ("/rung/ladder/bundled/holds-the-whole-seed", test_bundled_holds_the_whole_seed);
  g_test_add_func ("/rung/ladder/bundled/describe", test_describe);
  g_test_add_func ("/rung/ladder/good/minimal", test_good_minimal);
  g_test_add_func ("/rung/ladder/good/custom-scale", test_good_custom_scale);
  g_test_add_func ("/rung/ladder/good/whitespace-collapsed", test_whitespace_is_collapsed);
  g_test_add_func ("/rung/ladder/good/markup-like-text-kept", test_markup_like_text_is_kept);
  g_test_add_func ("/rung/ladder/good/large-text-below-limit", test_large_text_node_below_limit);
  g_test_add_func ("/rung/ladder/bad/corpus", test_bad_corpus);
  g_test_add_func ("/rung/ladder/bad/deep-nesting", test_deep_nesting);
  g_test_add_func ("/rung/ladder/bad/huge-text-node", test_huge_text_node);
  g_test_add_func ("/rung/ladder/bad/missing-file", test_missing_file);

  return g_test_run ();
}

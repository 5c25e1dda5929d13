/* test-packet.c: packet files: the good packets under tests/data/packets/good,
 * the hostile corpus under tests/data/packets/bad, size and depth limits,
 * files that cannot be read, and the round trip from a candidate in a real
 * panel file to a packet file and back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-packet.h"
#include "rung-panel.h"
#include "rung-xml-reader.h"
#include "store-fixture.h"

/* Whatever a manager might type, and what XML makes hard: line breaks of
 * every kind, white space at both ends, tabs, scripts written right to left,
 * markup characters and the end of a CDATA section. */
#define AWKWARD_TEXT \
  "  Led the migration of the engine cards.\n" \
  "\tThree teams now use them:\n" \
  "    - the mill\r\n" \
  "    - the store\r" \
  "    - the printer\n" \
  "\n" \
  "Grüße aus Köln, Straße 5 — 🚀👩🏽‍💻 — שלום עולם — مرحبا بالعالم\n" \
  "<b>not bold</b> & \"quoted\" 'single' ]]> &amp; literally  \n\t "

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

static RungPacket *
load_data_file (const char  *relative,
                char       **display_name,
                GError     **error)
{
  g_autofree char *path = data_path (relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (display_name != NULL)
    *display_name = g_file_get_parse_name (file);

  return rung_packet_new_from_file (file, error);
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
assert_location (const char *location,
                 const char *display_name,
                 int         line,
                 int         column)
{
  g_autofree char *expected = g_strdup_printf ("%s:%d:%d", display_name, line, column);

  g_assert_cmpstr (location, ==, expected);
}

/* That "FILE:LINE:COLUMN" names where @what starts in @xml. */
static void
assert_points_at (const char *xml,
                  const char *location,
                  const char *what)
{
  g_auto(GStrv) lines = g_strsplit (xml, "\n", -1);
  g_auto(GStrv) parts = NULL;
  guint line;
  guint column;

  g_assert_nonnull (location);
  parts = g_strsplit (location, ":", -1);
  g_assert_cmpuint (g_strv_length (parts), >=, 3);
  line = atoi (parts[g_strv_length (parts) - 2]);
  column = atoi (parts[g_strv_length (parts) - 1]);

  g_assert_cmpuint (line, >=, 1);
  g_assert_cmpuint (line, <=, g_strv_length (lines));
  g_assert_cmpuint (column, >=, 1);
  g_assert_cmpuint (column, <=, strlen (lines[line - 1]));
  if (!g_str_has_prefix (lines[line - 1] + column - 1, what))
    g_error ("%s is not at “%s”: %s", location, what, lines[line - 1]);
}

static void
assert_same_packet (RungPacket *a,
                    RungPacket *b)
{
  g_assert_cmpstr (rung_packet_get_exported_at (a), ==, rung_packet_get_exported_at (b));
  g_assert_cmpstr (rung_packet_get_ladder_id (a), ==, rung_packet_get_ladder_id (b));
  g_assert_cmpstr (rung_packet_get_ladder_version (a), ==, rung_packet_get_ladder_version (b));
  g_assert_cmpstr (rung_packet_get_ladder_sha256 (a), ==, rung_packet_get_ladder_sha256 (b));
  g_assert_cmpstr (rung_packet_get_name (a), ==, rung_packet_get_name (b));
  g_assert_cmpstr (rung_packet_get_current_level (a), ==, rung_packet_get_current_level (b));
  g_assert_cmpstr (rung_packet_get_target_level (a), ==, rung_packet_get_target_level (b));
  g_assert_cmpstr (rung_packet_get_manager (a), ==, rung_packet_get_manager (b));
  g_assert_cmpstr (rung_packet_get_team (a), ==, rung_packet_get_team (b));
  g_assert_cmpstr (rung_packet_get_summary (a), ==, rung_packet_get_summary (b));
  g_assert_cmpint (rung_packet_get_status (a), ==, rung_packet_get_status (b));
  g_assert_cmpuint (rung_packet_get_n_items (a), ==, rung_packet_get_n_items (b));

  for (guint i = 0; i < rung_packet_get_n_items (a); i++)
    {
      const RungPacketItem *x = rung_packet_get_item (a, i);
      const RungPacketItem *y = rung_packet_get_item (b, i);

      g_assert_cmpstr (x->expectation_id, ==, y->expectation_id);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpstr (x->link, ==, y->link);
      g_assert_cmpstr (x->date, ==, y->date);
      g_assert_cmpstr (x->author, ==, y->author);
    }
}

/* An independent judge of the output: xmllint, against the schema in the
 * source tree. */
static void
assert_valid_with_xmllint (const char *path)
{
  g_autofree char *schema = g_build_filename (TEST_DATA_DIR, "..", "..", "data", "packet.rng", NULL);
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint refuses %s: %s", path, err);
}

static void
test_good_hand_written (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(RungPacket) packet = load_data_file ("packets/good/ada-lovelace-l6.rungpacket", &name, &error);
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();
  RungLevel *level = rung_ladder_find_level (ladder, "L6");
  const RungPacketItem *item;

  g_assert_no_error (error);
  g_assert_nonnull (packet);

  g_assert_cmpstr (rung_packet_get_display_name (packet), ==, name);
  g_assert_cmpstr (rung_packet_get_exported_at (packet), ==, "2026-12-02T01:00:00.000Z");

  /* Written against the ladder Rung ships, byte for byte. */
  g_assert_cmpstr (rung_packet_get_ladder_id (packet), ==, rung_ladder_get_id (ladder));
  g_assert_cmpstr (rung_packet_get_ladder_version (packet), ==, rung_ladder_get_version (ladder));
  g_assert_cmpstr (rung_packet_get_ladder_sha256 (packet), ==, rung_ladder_get_sha256 (ladder));
  assert_location (rung_packet_get_ladder_location (packet), name, 7, 3);

  g_assert_cmpstr (rung_packet_get_name (packet), ==, "Ada Lovelace");
  g_assert_cmpstr (rung_packet_get_current_level (packet), ==, "L5");
  assert_location (rung_packet_get_current_level_location (packet), name, 10, 5);
  g_assert_cmpstr (rung_packet_get_target_level (packet), ==, "L6");
  assert_location (rung_packet_get_target_level_location (packet), name, 11, 5);
  g_assert_cmpstr (rung_packet_get_manager (packet), ==, "Charles Babbage");
  g_assert_cmpstr (rung_packet_get_team (packet), ==, "Analytical Engines");
  g_assert_cmpstr (rung_packet_get_summary (packet), ==,
                   "Ada has set the technical direction of the engine team for two years.\n"
                   "\n"
                   "She wrote the first published algorithm for the engine, and taught the "
                   "team to think of it as more than a calculator.");
  g_assert_cmpint (rung_packet_get_status (packet), ==, RUNG_CANDIDATE_STATUS_READY);

  g_assert_cmpuint (rung_packet_get_n_items (packet), ==, 5);
  for (guint i = 0; i < rung_packet_get_n_items (packet); i++)
    g_assert_nonnull (rung_level_find_expectation (level, rung_packet_get_item (packet, i)->expectation_id));

  item = rung_packet_get_item (packet, 0);
  g_assert_cmpstr (item->expectation_id, ==, "l6-responsibilities-technical-direction");
  g_assert_cmpstr (item->title, ==, "Direction for the Analytical Engine");
  g_assert_cmpstr (item->text, ==,
                   "Wrote the design notes (Note G) that the whole team now builds against.\n"
                   "  - the notes run to three times the length of the original paper\n"
                   "  - every later design review cites them");
  g_assert_cmpstr (item->link, ==, "https://example.com/notes/note-g");
  g_assert_cmpstr (item->date, ==, "1843-09");
  g_assert_cmpstr (item->author, ==, "Charles Babbage");
  assert_location (item->location, name, 19, 5);

  item = rung_packet_get_item (packet, 1);
  g_assert_cmpstr (item->date, ==, "Q3 1843");
  g_assert_null (item->link);
  g_assert_null (item->author);
  assert_location (item->location, name, 28, 5);

  item = rung_packet_get_item (packet, 2);
  g_assert_cmpstr (item->expectation_id, ==, "l6-impact-shared-infrastructure");
  g_assert_cmpstr (item->title, ==, "");
  g_assert_null (item->date);
  assert_location (item->location, name, 33, 5);

  item = rung_packet_get_item (packet, 4);
  g_assert_cmpstr (item->expectation_id, ==, "l6-leadership-technical-strategy");
  assert_location (item->location, name, 42, 5);
}

static void
test_good_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacket) packet = load_data_file ("packets/good/minimal.rungpacket", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rung_packet_get_name (packet), ==, "Grace Hopper");
  g_assert_cmpstr (rung_packet_get_target_level (packet), ==, "L6");
  g_assert_cmpint (rung_packet_get_status (packet), ==, RUNG_CANDIDATE_STATUS_DRAFT);
  g_assert_null (rung_packet_get_current_level (packet));
  g_assert_null (rung_packet_get_current_level_location (packet));
  g_assert_null (rung_packet_get_manager (packet));
  g_assert_null (rung_packet_get_team (packet));
  g_assert_null (rung_packet_get_summary (packet));
  g_assert_cmpuint (rung_packet_get_n_items (packet), ==, 0);
}

static GBytes *
packet_with_item (const char *item_inner)
{
  char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<packet xmlns=\"" RUNG_PACKET_NAMESPACE "\" format=\"1\" exported-at=\"2026-12-02T01:00:00Z\">\n"
    "  <ladder id=\"rung-engineering\" version=\"1.0\" sha256=\"%s\"/>\n"
    "  <candidate status=\"in-review\">\n"
    "    <name>\n      Ada   Lovelace\n    </name>\n"
    "    <current-level>  </current-level>\n"
    "    <target-level> L6 </target-level>\n"
    "  </candidate>\n"
    "  <evidence><item expectation=\"l6-impact-results\">%s</item></evidence>\n"
    "</packet>\n",
    "f7408ebd2ef0d22d8755407a2f6fdb763947b6817a28dcfc7be476c262305582", item_inner);

  return g_bytes_new_take (xml, strlen (xml));
}

static void
test_good_white_space (void)
{
  g_autoptr(GBytes) bytes = packet_with_item ("<title>  T  </title>"
                                              "<text><![CDATA[<kept> & ]]>\n  as is  </text>"
                                              "<link>  https://example.com  </link>"
                                              "<date>   </date>");
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacket) packet = rung_packet_new_from_bytes (bytes, "spaces.rungpacket", &error);
  const RungPacketItem *item;

  g_assert_no_error (error);
  g_assert_cmpint (rung_packet_get_status (packet), ==, RUNG_CANDIDATE_STATUS_IN_REVIEW);
  /* Single lines lose the white space around them, and nothing else. */
  g_assert_cmpstr (rung_packet_get_name (packet), ==, "Ada   Lovelace");
  g_assert_cmpstr (rung_packet_get_target_level (packet), ==, "L6");
  /* A blank optional field is no field. */
  g_assert_null (rung_packet_get_current_level (packet));

  item = rung_packet_get_item (packet, 0);
  g_assert_cmpstr (item->title, ==, "  T  ");
  g_assert_cmpstr (item->text, ==, "<kept> & \n  as is  ");
  g_assert_cmpstr (item->link, ==, "https://example.com");
  g_assert_null (item->date);
  assert_location (item->location, "spaces.rungpacket", 11, 13);
}

static void
test_good_line_endings (void)
{
  /* XML reads a written CR LF or CR as LF; only a reference keeps a CR. */
  g_autoptr(GBytes) bytes = packet_with_item ("<title/><text>a\r\nb\rc&#13;d&#xD;</text>");
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacket) packet = rung_packet_new_from_bytes (bytes, "crlf.rungpacket", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rung_packet_get_item (packet, 0)->text, ==, "a\nb\nc\rd\r");
  g_assert_cmpstr (rung_packet_get_item (packet, 0)->title, ==, "");
}

static void
test_bad_corpus (void)
{
  g_autofree char *expected_path = data_path ("packets", "bad", "EXPECTED", NULL);
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
      g_autoptr(GError) bytes_error = NULL;
      g_autoptr(RungPacket) packet = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *lower = NULL;
      g_autofree char *display_name = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      path = data_path ("packets", "bad", fields[0], NULL);
      file = g_file_new_for_path (path);
      display_name = g_file_get_parse_name (file);
      packet = rung_packet_new_from_file (file, &error);

      if (packet != NULL)
        g_error ("%s loaded, but must be refused", fields[0]);

      g_test_message ("%s: %s", fields[0], error->message);
      assert_error_shape (error, display_name, atoi (fields[1]));

      lower = g_utf8_strdown (error->message, -1);
      if (strstr (lower, fields[2]) == NULL)
        g_error ("%s: expected “%s” in: %s", fields[0], fields[2], error->message);

      /* The same bytes given directly are refused the same way. */
      bytes = g_file_load_bytes (file, NULL, NULL, NULL);
      g_assert_nonnull (bytes);
      g_assert_null (rung_packet_new_from_bytes (bytes, display_name, &bytes_error));
      g_assert_nonnull (bytes_error);
      g_assert_cmpstr (bytes_error->message, ==, error->message);

      n_cases++;
    }

  /* Every entry of the folder is in EXPECTED, and the other way round. */
  {
    g_autofree char *dir_path = data_path ("packets", "bad", NULL);
    g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
    const char *entry;
    guint n_files = 0;

    while ((entry = g_dir_read_name (dir)))
      if (!g_str_equal (entry, "EXPECTED"))
        {
          g_autofree char *line = g_strdup_printf ("\n%s\t", entry);

          if (strstr (expected, line) == NULL)
            g_error ("%s is not in EXPECTED", entry);
          n_files++;
        }

    g_assert_cmpuint (n_files, ==, n_cases);
  }

  g_assert_cmpuint (n_cases, >=, 40);
}

static void
test_bad_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<packet xmlns=\"" RUNG_PACKET_NAMESPACE "\">");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacket) packet = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<item>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</item>");
  g_string_append (xml, "</packet>\n");

  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  packet = rung_packet_new_from_bytes (bytes, "deep.rungpacket", &error);

  g_assert_null (packet);
  g_assert_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_MALFORMED);
  assert_error_shape (error, "deep.rungpacket", 2);
  g_assert_nonnull (strstr (error->message, "deep"));
}

static void
test_bad_huge_text_node (void)
{
  gsize size = 60 * 1000 * 1000;
  char *huge = g_malloc (size + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autoptr(RungPacket) packet = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("rung-packet-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "huge.rungpacket", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autofree char *title = NULL;

  memset (huge, 'x', size);
  huge[size] = '\0';
  title = g_strdup_printf ("<title/><text>%s</text>", huge);
  g_free (huge);
  bytes = packet_with_item (title);
  g_clear_pointer (&title, g_free);

  packet = rung_packet_new_from_bytes (bytes, "huge.rungpacket", &error);
  g_assert_null (packet);
  g_assert_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_TOO_LARGE);
  assert_error_shape (error, "huge.rungpacket", 1);

  /* From a file, the size is refused before anything is read. */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  packet = rung_packet_new_from_file (file, &file_error);
  g_assert_null (packet);
  g_assert_error (file_error, RUNG_XML_ERROR, RUNG_XML_ERROR_TOO_LARGE);
  assert_error_shape (file_error, display_name, 1);
  g_assert_nonnull (strstr (file_error->message, "too large"));
  g_assert_nonnull (strstr (file_error->message, "a Rung packet"));

  g_unlink (path);
  g_rmdir (tmpdir);
}

static void
test_bad_endless_file (void)
{
  /* A device claims no size and never ends: reading stops at the limit. */
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacket) packet = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No /dev/zero here");
      return;
    }

  packet = rung_packet_new_from_file (file, &error);
  g_assert_null (packet);
  g_assert_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_TOO_LARGE);
  assert_error_shape (error, "/dev/zero", 1);
}

static void
test_bad_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/ada.rungpacket");
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacket) packet = rung_packet_new_from_file (file, &error);

  g_assert_null (packet);
  g_assert_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_READ);
  assert_error_shape (error, "/nonexistent/ada.rungpacket", 1);
  g_assert_nonnull (strstr (error->message, "does not exist"));
}

static void
test_bad_folder (void)
{
  g_autofree char *path = data_path ("packets", "good", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacket) packet = rung_packet_new_from_file (file, &error);

  g_assert_null (packet);
  g_assert_error (error, RUNG_XML_ERROR, RUNG_XML_ERROR_READ);
  assert_error_shape (error, display_name, 1);
  g_assert_nonnull (strstr (error->message, "folder"));
}

/* A panel on the bundled ladder with one candidate. */
typedef struct
{
  char          *dir;
  char          *path;
  RungLadder    *ladder;
  RungPanel     *panel;
  RungCandidate *ada;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rung-packet-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->ladder = rung_ladder_new_bundled ();
  fixture->panel = rung_panel_create (fixture->path, "H2 2026", "Engineering committee",
                                      "H2 2026", fixture->ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Charles Babbage");

  /* The app's current level is free text: not a level of this ladder. */
  fixture->ada = rung_panel_add_candidate (fixture->panel, "Ada Lovelace", "Senior engineer II",
                                           "L6", "Charles Babbage", "Analytical Engines", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->panel != NULL)
    rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  g_clear_object (&fixture->ladder);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
add_evidence (Fixture    *fixture,
              const char *expectation_id,
              const char *title,
              const char *text,
              const char *link,
              const char *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (rung_candidate_add_evidence (fixture->ada, expectation_id, title, text,
                                                 link, date, &error));
  g_assert_no_error (error);
}

static void
fill_candidate (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rung_candidate_set_summary (fixture->ada,
                                             "  Two years of direction.\n\n\tAnd a CR:\r done.  ",
                                             &error));
  g_assert_no_error (error);
  /* Ready before every area has evidence: the coverage gate wants a reason. */
  g_assert_true (rung_candidate_override_coverage (fixture->ada, RUNG_CANDIDATE_STATUS_READY,
                                                   "The rest is in the summary", &error));
  g_assert_no_error (error);

  /* Written out of ladder order, and two for one expectation. */
  add_evidence (fixture, "l6-leadership-technical-strategy", "Beyond numbers",
                "Set the team's strategy.", NULL, NULL);
  add_evidence (fixture, "l6-impact-results", "", AWKWARD_TEXT,
                "https://example.com/cards?a=1&b=<2>", "Q3 1843, the week after the fair");
  add_evidence (fixture, "l6-responsibilities-technical-direction", "Note G", "", NULL, "1843-09");
  add_evidence (fixture, "l6-impact-results", "Second <item> & more", "Another.", NULL, NULL);
}

static void
test_from_candidate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RungPacket) packet = NULL;
  g_autoptr(GRegex) utc_millis = g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$",
                                              0, 0, NULL);
  static const char *order[] = {
    "l6-responsibilities-technical-direction",
    "l6-impact-results",
    "l6-impact-results",
    "l6-leadership-technical-strategy",
  };
  const RungPacketItem *item;

  fill_candidate (fixture);
  packet = rung_packet_new_from_candidate (fixture->ada);

  g_assert_true (g_regex_match (utc_millis, rung_packet_get_exported_at (packet), 0, NULL));
  g_assert_cmpstr (rung_packet_get_ladder_id (packet), ==, "rung-engineering");
  g_assert_cmpstr (rung_packet_get_ladder_version (packet), ==, rung_ladder_get_version (fixture->ladder));
  g_assert_cmpstr (rung_packet_get_ladder_sha256 (packet), ==, rung_ladder_get_sha256 (fixture->ladder));
  g_assert_cmpstr (rung_packet_get_name (packet), ==, "Ada Lovelace");
  g_assert_cmpstr (rung_packet_get_current_level (packet), ==, "Senior engineer II");
  g_assert_cmpstr (rung_packet_get_target_level (packet), ==, "L6");
  g_assert_cmpstr (rung_packet_get_manager (packet), ==, "Charles Babbage");
  g_assert_cmpstr (rung_packet_get_team (packet), ==, "Analytical Engines");
  g_assert_cmpstr (rung_packet_get_summary (packet), ==, rung_candidate_get_summary (fixture->ada));
  g_assert_cmpint (rung_packet_get_status (packet), ==, RUNG_CANDIDATE_STATUS_READY);
  /* Not read from a file: nowhere to point at. */
  g_assert_null (rung_packet_get_ladder_location (packet));

  /* In ladder order; items of one expectation in the order written. */
  g_assert_cmpuint (rung_packet_get_n_items (packet), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      item = rung_packet_get_item (packet, i);
      g_assert_cmpstr (item->expectation_id, ==, order[i]);
      g_assert_cmpstr (item->author, ==, "Charles Babbage");
      g_assert_null (item->location);
    }

  item = rung_packet_get_item (packet, 1);
  g_assert_cmpstr (item->title, ==, "");
  g_assert_cmpstr (item->text, ==, AWKWARD_TEXT);
  g_assert_cmpstr (item->link, ==, "https://example.com/cards?a=1&b=<2>");
  g_assert_cmpstr (item->date, ==, "Q3 1843, the week after the fair");
  g_assert_cmpstr (rung_packet_get_item (packet, 2)->title, ==, "Second <item> & more");
  g_assert_null (rung_packet_get_item (packet, 3)->link);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RungPacket) packet = NULL;
  g_autoptr(RungPacket) again = NULL;
  g_autoptr(RungPacket) from_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "Ada Lovelace" RUNG_PACKET_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *xml = NULL;
  struct stat st;

  fill_candidate (fixture);
  packet = rung_packet_new_from_candidate (fixture->ada);
  bytes = rung_packet_to_bytes (packet);
  xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_test_message ("%s", xml);

  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet"));
  g_assert_nonnull (strstr (xml, " generator=\"Rung " PACKAGE_VERSION "\""));
  /* Indented, one element a line. */
  g_assert_nonnull (strstr (xml, "\n  <ladder "));
  g_assert_nonnull (strstr (xml, "\n    <item expectation=\"l6-impact-results\">\n      <title></title>\n"));
  /* A CR is a reference, or XML would read it as a line feed. */
  g_assert_null (strchr (xml, '\r'));
  g_assert_nonnull (strstr (xml, "&#13;"));

  again = rung_packet_new_from_bytes (bytes, "again.rungpacket", &error);
  g_assert_no_error (error);
  assert_same_packet (packet, again);
  g_assert_cmpstr (rung_packet_get_item (again, 1)->text, ==, AWKWARD_TEXT);

  g_assert_true (rung_packet_write_file (packet, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_valid_with_xmllint (path);

  from_file = rung_packet_new_from_file (file, &error);
  g_assert_no_error (error);
  assert_same_packet (packet, from_file);
  for (guint i = 0; i < rung_packet_get_n_items (from_file); i++)
    assert_points_at (xml, rung_packet_get_item (from_file, i)->location, "<item ");
  assert_points_at (xml, rung_packet_get_ladder_location (from_file), "<ladder ");
  assert_points_at (xml, rung_packet_get_current_level_location (from_file), "<current-level>");
  assert_points_at (xml, rung_packet_get_target_level_location (from_file), "<target-level>");
}

static void
test_round_trip_bare (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *grace = rung_panel_add_candidate (fixture->panel, "Grace Hopper", NULL, "L6",
                                                   NULL, NULL, &error);
  g_autoptr(RungPacket) packet = NULL;
  g_autoptr(RungPacket) again = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  packet = rung_packet_new_from_candidate (grace);
  g_assert_null (rung_packet_get_current_level (packet));
  g_assert_null (rung_packet_get_manager (packet));
  g_assert_cmpuint (rung_packet_get_n_items (packet), ==, 0);

  bytes = rung_packet_to_bytes (packet);
  again = rung_packet_new_from_bytes (bytes, "bare.rungpacket", &error);
  g_assert_no_error (error);
  assert_same_packet (packet, again);
  g_assert_cmpint (rung_packet_get_status (again), ==, RUNG_CANDIDATE_STATUS_DRAFT);
}

static void
test_write_drops_what_xml_cannot_hold (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(RungPacket) packet = NULL;
  g_autoptr(RungPacket) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* Pasted from a terminal or a binary: NUL cannot be in a C string, the
   * rest of C0 and U+FFFE, U+FFFF cannot be in XML 1.0. */
  add_evidence (fixture, "l6-impact-results", "Bell\a and escape\x1b[0m",
                "tab\there\x01\x02\x0b\x0c\x1f, line\nCR\r \xef\xbf\xbe\xef\xbf\xbf end \xf0\x9f\x9a\x80",
                NULL, "\x08" "1843");

  packet = rung_packet_new_from_candidate (fixture->ada);
  bytes = rung_packet_to_bytes (packet);
  again = rung_packet_new_from_bytes (bytes, "controls.rungpacket", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rung_packet_get_item (again, 0)->title, ==, "Bell and escape[0m");
  g_assert_cmpstr (rung_packet_get_item (again, 0)->text, ==, "tab\there, line\nCR\r  end \xf0\x9f\x9a\x80");
  g_assert_cmpstr (rung_packet_get_item (again, 0)->date, ==, "1843");
}

static void
test_write_long_date (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RungPacket) packet = NULL;
  g_autoptr(RungPacket) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) date = g_string_new (NULL);
  const char *kept;

  /* The app's date field has no limit, a packet's has: a packet that its
   * reader refuses would be worse than a date cut short. */
  for (guint i = 0; i < 20; i++)
    g_string_append (date, "Grüße ");

  add_evidence (fixture, "l6-impact-results", "T", "X", NULL, date->str);
  packet = rung_packet_new_from_candidate (fixture->ada);
  kept = rung_packet_get_item (packet, 0)->date;
  g_assert_cmpint (g_utf8_strlen (kept, -1), <=, 64);
  g_assert_true (g_str_has_prefix (date->str, kept));

  bytes = rung_packet_to_bytes (packet);
  again = rung_packet_new_from_bytes (bytes, "date.rungpacket", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rung_packet_get_item (again, 0)->date, ==, kept);
}

static void
test_write_replaces_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RungPacket) packet = rung_packet_new_from_candidate (fixture->ada);
  g_autofree char *path = g_build_filename (fixture->dir, "old.rungpacket", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct stat st;

  /* A file that was readable by all becomes its owner's alone. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_true (rung_packet_write_file (packet, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
}

static void
test_write_missing_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RungPacket) packet = rung_packet_new_from_candidate (fixture->ada);
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "ada.rungpacket", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (rung_packet_write_file (packet, file, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "folder does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rung/packet/good/hand-written", test_good_hand_written);
  g_test_add_func ("/rung/packet/good/minimal", test_good_minimal);
  g_test_add_func ("/rung/packet/good/white-space", test_good_white_space);
  g_test_add_func ("/rung/packet/good/line-endings", test_good_line_endings);
  g_test_add_func ("/rung/packet/bad/corpus", test_bad_corpus);
  g_test_add_func ("/rung/packet/bad/deep-nesting", test_bad_deep_nesting);
  g_test_add_func ("/rung/packet/bad/huge-text-node", test_bad_huge_text_node);
  g_test_add_func ("/rung/packet/bad/endless-file", test_bad_endless_file);
  g_test_add_func ("/rung/packet/bad/missing-file", test_bad_missing_file);
  g_test_add_func ("/rung/packet/bad/folder", test_bad_folder);
  g_test_add ("/rung/packet/write/from-candidate", Fixture, NULL,
              fixture_set_up, test_from_candidate, fixture_tear_down);
  g_test_add ("/rung/packet/write/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/rung/packet/write/round-trip-bare", Fixture, NULL,
              fixture_set_up, test_round_trip_bare, fixture_tear_down);
  g_test_add ("/rung/packet/write/drops-what-xml-cannot-hold", Fixture, NULL,
              fixture_set_up, test_write_drops_what_xml_cannot_hold, fixture_tear_down);
  g_test_add ("/rung/packet/write/long-date", Fixture, NULL,
              fixture_set_up, test_write_long_date, fixture_tear_down);
  g_test_add ("/rung/packet/write/replaces-file", Fixture, NULL,
              fixture_set_up, test_write_replaces_file, fixture_tear_down);
  g_test_add ("/rung/packet/write/missing-folder", Fixture, NULL,
              fixture_set_up, test_write_missing_folder, fixture_tear_down);

  return g_test_run ();
}

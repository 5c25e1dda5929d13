/* test-print.c: the printed documents, read back as a reader's tools read
 * them: pdftotext for the text (every expectation and evidence item whole
 * and in order, whatever it holds), pdfinfo for the pages and metadata,
 * pdftohtml for the outline and links. And the layout rules themselves:
 * rows that break between lines, titles kept with their text, headings
 * repeated, on any cairo surface. And the export as the window runs it:
 * in a worker thread, on a panel of its own that the window goes on
 * writing to, saying how far it is, and cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-demo.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-meeting.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-paper.h"
#include "rung-pdf-export.h"
#include "rung-print-block-private.h"
#include "rung-print-document.h"
#include "pdf-helpers.h"
#include "store-fixture.h"

#define LONG_EVIDENCE_LENGTH 20000

static const char markup_text[] =
  "<b>&amp;</b> <span foreground=\"red\">red</span> &lt;i&gt; <i>not italic</i> %s %n \\ 'quote' &#x41;";
static const char rtl_text[] = "شارك في مراجعة التصميم — נתן הרצאה על ארכיטקטורה";
static const char emoji_text[] = "Shipped the launch 🚀 with the team 👍🏽 across 🇩🇪 and 🇯🇵 offices.";

typedef struct
{
  char          *dir;
  char          *path;
  RungLadder    *ladder;
  RungPanel     *panel;
  RungCandidate *candidate;
  char          *long_text;
  char          *long_word;
} Fixture;

/* Text and helpers */

static char *
pdf_text (const char *pdf,
          int         first_page,
          int         last_page)
{
  g_autofree char *first = g_strdup_printf ("%d", first_page);
  g_autofree char *last = g_strdup_printf ("%d", last_page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", last, pdf, "-", NULL };

  return run_tool (argv);
}

/* The text in a rectangle of the pages from @first_page to @last_page, in points. */
static char *
pdf_pages_text_in (const char *pdf,
                   int         first_page,
                   int         last_page,
                   double      x,
                   double      y,
                   double      width,
                   double      height)
{
  g_autofree char *first = g_strdup_printf ("%d", first_page);
  g_autofree char *last = g_strdup_printf ("%d", last_page);
  g_autofree char *xs = g_strdup_printf ("%d", (int)x);
  g_autofree char *ys = g_strdup_printf ("%d", (int)y);
  g_autofree char *ws = g_strdup_printf ("%d", (int)width);
  g_autofree char *hs = g_strdup_printf ("%d", (int)height);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", last,
                         "-x", xs, "-y", ys, "-W", ws, "-H", hs, pdf, "-", NULL };

  return run_tool (argv);
}

/* The text in a rectangle of every page. */
static char *
pdf_text_in (const char *pdf,
             double      x,
             double      y,
             double      width,
             double      height)
{
  return pdf_pages_text_in (pdf, 1, 100000, x, y, width, height);
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = pdf_info (pdf);
  g_autofree char *pages = info_field (info, "Pages");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages, NULL, 10);
}

/* The pages of pdftotext's output, split at its form feeds. */
static GStrv
pdf_page_texts (const char *pdf)
{
  g_autofree char *text = pdf_text (pdf, 1, 100000);

  return g_strsplit (text, "\f", -1);
}

/* Asserts that each of @needles is in @haystack after the one before it. */
static void
assert_in_order (const char *haystack,
                 GPtrArray  *needles,
                 const char *what)
{
  g_autofree char *squeezed = squeeze (haystack);
  const char *from = squeezed;

  for (guint i = 0; i < needles->len; i++)
    {
      g_autofree char *needle = squeeze (g_ptr_array_index (needles, i));
      const char *found = strstr (from, needle);

      if (found == NULL)
        g_error ("%s %u of %u is missing or out of order: “%.80s…”\nexpected: %s\nafter the one before: %.2000s",
                 what, i + 1, needles->len, (const char *)g_ptr_array_index (needles, i), needle, from);
      from = found + strlen (needle);
    }
}

/* The fixture: a panel on the bundled ladder, one candidate with evidence
 * for every expectation, and items that are hard to print. */

static char *
long_evidence (void)
{
  GString *text = g_string_new (NULL);
  guint n = 0;

  while (text->len < LONG_EVIDENCE_LENGTH)
    g_string_append_printf (text, "Milestone %05u shipped on time. ", ++n);
  g_string_truncate (text, LONG_EVIDENCE_LENGTH - 6);
  g_string_append (text, " [END]");

  return g_string_free (text, FALSE);
}

static GPtrArray *
expectations_of (RungLadder *ladder)
{
  RungLevel *level = rung_ladder_find_level (ladder, "L6");
  GListModel *areas = rung_level_get_areas (level);
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      GListModel *expectations = rung_area_get_expectations (area);

      for (guint e = 0; e < g_list_model_get_n_items (expectations); e++)
        g_ptr_array_add (all, g_list_model_get_item (expectations, e));
    }

  return all;
}

static void
add_evidence (Fixture    *fixture,
              const char *expectation_id,
              const char *title,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  rung_candidate_add_evidence (fixture->candidate, expectation_id, title, text,
                               "https://wiki.example.com/evidence", "2026-03-14", &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expectations = NULL;
  RungPanelist *chair, *member;
  GString *word = g_string_new ("Supercalifragilistic");

  fixture->dir = g_dir_make_tmp ("rung-print-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->ladder = rung_ladder_new_bundled ();
  fixture->panel = rung_panel_create (fixture->path, "Print test panel", "Print committee", "Cycle P",
                                      fixture->ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");

  fixture->candidate = rung_panel_add_candidate (fixture->panel, "Ada Lovelace", "L5", "L6",
                                                 "Charles Babbage", "Engines", &error);
  g_assert_no_error (error);
  chair = rung_panel_add_panelist (fixture->panel, "Grace Hopper", "Chair", &error);
  g_assert_no_error (error);
  member = rung_panel_add_panelist (fixture->panel, "Alan Turing", NULL, &error);
  g_assert_no_error (error);

  fixture->long_text = long_evidence ();
  while (word->len < 400)
    g_string_append (word, "expialidocious");
  fixture->long_word = g_string_free (word, FALSE);

  expectations = expectations_of (fixture->ladder);
  for (guint i = 0; i < expectations->len; i++)
    {
      RungExpectation *expectation = g_ptr_array_index (expectations, i);
      const char *id = rung_expectation_get_id (expectation);
      g_autofree char *title = g_strdup_printf ("Item %02u for %s", i + 1, rung_expectation_get_title (expectation));
      g_autofree char *text = g_strdup_printf ("Evidence %02u: the candidate did work number %u that meets “%s”, "
                                               "measured and reviewed by the team.",
                                               i + 1, i + 1, rung_expectation_get_title (expectation));

      add_evidence (fixture, id, title, text);
      if (i == 1)
        add_evidence (fixture, id, "The long item", fixture->long_text);
      if (i == 3)
        add_evidence (fixture, id, "<b>Markup</b> & such", markup_text);
      if (i == 5)
        add_evidence (fixture, id, "Right to left", rtl_text);
      if (i == 7)
        add_evidence (fixture, id, "Emoji", emoji_text);
      if (i == 9)
        add_evidence (fixture, id, "A long word", fixture->long_word);
    }

  g_assert_true (rung_panel_set_rating (fixture->panel, chair, fixture->candidate, "impact", 4,
                                        "Clear and measured.", &error));
  g_assert_no_error (error);
  g_assert_true (rung_panel_set_rating (fixture->panel, member, fixture->candidate, "impact", 3, "", &error));
  g_assert_no_error (error);
  g_assert_nonnull (rung_panel_record_decision (fixture->panel, fixture->candidate, "promote", 2, 0, 0,
                                                "Strong throughout.", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  g_clear_object (&fixture->ladder);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->long_text);
  g_free (fixture->long_word);
}

static char *
export (Fixture        *fixture,
        RungCandidate  *candidate,
        RungPaper       paper,
        const char     *name,
        guint          *n_pages)
{
  g_autoptr(RungPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 24, 9, 30, 0);
  char *pdf = g_build_filename (fixture->dir, name, NULL);

  document = candidate ? rung_print_document_new_packet (candidate) : rung_print_document_new_book (fixture->panel);
  rung_print_document_set_date (document, date);
  g_assert_true (rung_pdf_export (document, pdf, paper, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = rung_print_document_get_n_pages (document);

  return pdf;
}

/* Where the two columns of an evidence table are. */
static void
column_bounds (RungPaper  paper,
               gboolean   evidence,
               double    *x,
               double    *width)
{
  double paper_width, paper_height, body, usable;

  rung_paper_get_size (paper, &paper_width, &paper_height);
  body = paper_width - 2 * RUNG_PRINT_MARGIN_SIDE;
  usable = body - 14;
  if (evidence)
    {
      *x = RUNG_PRINT_MARGIN_SIDE + usable * 0.41 + 14 - 2;
      *width = paper_width - *x;
    }
  else
    {
      *x = RUNG_PRINT_MARGIN_SIDE - 2;
      *width = usable * 0.41 + 4;
    }
}

/* The text of one column of every page, squeezed, without the column's
 * heading that a page repeats at its top when a row goes on there. */
static char *
column_text_on (const char *pdf,
                RungPaper   paper,
                gboolean    evidence)
{
  const char *heading = evidence ? "Evidence" : "Expectation";
  double x, width, paper_width, paper_height;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  GString *joined = g_string_new (NULL);

  rung_paper_get_size (paper, &paper_width, &paper_height);
  column_bounds (paper, evidence, &x, &width);

  /* Below the running head and above the foot. */
  text = pdf_text_in (pdf, x, RUNG_PRINT_MARGIN_TOP - 4, width,
                      paper_height - RUNG_PRINT_MARGIN_TOP - RUNG_PRINT_MARGIN_BOTTOM + 8);
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p]; p++)
    {
      g_autofree char *page = squeeze (pages[p]);

      g_string_append (joined, g_str_has_prefix (page, heading) ? page + strlen (heading) : page);
    }

  return g_string_free (joined, FALSE);
}

static char *
column_text (const char *pdf,
             gboolean    evidence)
{
  return column_text_on (pdf, RUNG_PAPER_A4, evidence);
}

/* Tests of the packet */

static void
test_packet_expectations_complete_in_order (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autofree char *pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", NULL);
  g_autofree char *left = column_text (pdf, FALSE);
  g_autoptr(GPtrArray) expectations = expectations_of (fixture->ladder);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < expectations->len; i++)
    {
      g_ptr_array_add (texts, (char *)rung_expectation_get_title (g_ptr_array_index (expectations, i)));
      g_ptr_array_add (texts, (char *)rung_expectation_get_text (g_ptr_array_index (expectations, i)));
    }

  assert_in_order (left, texts, "The expectation text");
}

static void
test_packet_evidence_complete_in_order (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", NULL);
  g_autofree char *right = column_text (pdf, TRUE);
  g_autoptr(GPtrArray) expectations = expectations_of (fixture->ladder);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < expectations->len; i++)
    {
      const char *id = rung_expectation_get_id (g_ptr_array_index (expectations, i));
      GListModel *items = rung_candidate_get_evidence (fixture->candidate, id);

      g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, j);

          /* Emoji need a font that has them; the text around them must be whole. */
          if (g_str_equal (rung_evidence_get_title (evidence), "Emoji") ||
              g_str_equal (rung_evidence_get_title (evidence), "Right to left"))
            continue;
          g_ptr_array_add (texts, (char *)rung_evidence_get_title (evidence));
          g_ptr_array_add (texts, (char *)rung_evidence_get_text (evidence));
        }
    }

  g_assert_cmpuint (texts->len, ==, 2 * (expectations->len + 3));
  assert_in_order (right, texts, "The evidence text");
}

/* The evidence column of each page, as pdftotext gives it. */
static GStrv
evidence_column_pages (const char *pdf)
{
  double x, width, paper_width, paper_height;
  g_autofree char *text = NULL;

  rung_paper_get_size (RUNG_PAPER_A4, &paper_width, &paper_height);
  column_bounds (RUNG_PAPER_A4, TRUE, &x, &width);
  text = pdf_text_in (pdf, x, RUNG_PRINT_MARGIN_TOP - 4, width,
                      paper_height - RUNG_PRINT_MARGIN_TOP - RUNG_PRINT_MARGIN_BOTTOM + 8);

  return g_strsplit (text, "\f", -1);
}

static void
test_packet_long_evidence_spans_pages (Fixture       *fixture,
                                       gconstpointer  data)
{
  guint n_pages = 0, first = 0, last = 0;
  g_autofree char *pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", &n_pages);
  g_auto(GStrv) pages = evidence_column_pages (pdf);
  g_autofree char *column = column_text (pdf, TRUE);
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);

  /* Every milestone of the 20,000 characters, once and in order. */
  for (guint n = 1; ; n++)
    {
      g_autofree char *milestone = g_strdup_printf ("Milestone %05u shipped on time.", n);

      if (strstr (fixture->long_text, milestone) == NULL)
        break;
      g_ptr_array_add (pieces, g_steal_pointer (&milestone));
    }
  g_assert_cmpuint (pieces->len, >, 500);
  g_ptr_array_add (pieces, g_strdup ("[END]"));
  assert_in_order (column, pieces, "A milestone of the long item");
  g_assert_true (contains_squeezed (column, fixture->long_text));

  for (guint p = 0; pages[p] != NULL; p++)
    {
      if (first == 0 && strstr (pages[p], "Milestone 00001 shipped"))
        first = p + 1;
      if (strstr (pages[p], "[END]"))
        last = p + 1;
    }
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (last, >=, first + 2);
  g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);

  /* The pages it goes on to start with the table's column heading. */
  for (guint p = first; p < last; p++)
    {
      g_autofree char *top = squeeze (pages[p]);

      g_assert_true (g_str_has_prefix (top, "Evidence"));
      g_assert_nonnull (strstr (top, "shippedontime."));
    }
}

static void
test_packet_markup_stays_literal (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", NULL);
  g_autofree char *text = pdf_text (pdf, 1, 1000);

  g_assert_true (contains_squeezed (text, markup_text));
  g_assert_true (contains_squeezed (text, "<b>Markup</b> & such"));
  g_assert_true (contains_squeezed (text, fixture->long_word));
}

static void
test_packet_rtl_and_emoji (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", NULL);
  g_autofree char *column = column_text (pdf, TRUE);

  /* Arabic and Hebrew come out whole, in their logical order. */
  g_assert_true (contains_squeezed (column, rtl_text));

  /* Emoji need a font that has them (fonts-noto-color-emoji). With one or
   * without, the words around them are whole; pdftotext reads the words of
   * a line with colour glyphs in an order of its own, so only that. */
  {
    const char *words[] = { "Shippedthelaunch", "withtheteam", "across", "and", "offices." };
    const char *item = strstr (column, "Shippedthelaunch");
    const char *next = item ? strstr (item, "EvidenceItem09") : NULL;

    g_assert_nonnull (item);
    g_assert_nonnull (next);
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      g_assert_nonnull (g_strstr_len (item, next - item, words[i]));
  }
}

static void
test_packet_pages_and_metadata (Fixture       *fixture,
                                gconstpointer  data)
{
  guint n_pages = 0;
  g_autofree char *pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", &n_pages);
  g_autofree char *info = pdf_info (pdf);
  g_autofree char *title = info_field (info, "Title");
  g_autofree char *author = info_field (info, "Author");
  g_autofree char *subject = info_field (info, "Subject");
  g_autofree char *creator = info_field (info, "Creator");
  g_autofree char *created = info_field (info, "CreationDate");
  g_autofree char *size = info_field (info, "Page size");
  g_auto(GStrv) pages = pdf_page_texts (pdf);

  g_assert_cmpstr (title, ==, "Promotion packet: Ada Lovelace");
  g_assert_cmpstr (author, ==, "Print committee");
  g_assert_nonnull (strstr (subject, "Ada Lovelace"));
  g_assert_nonnull (strstr (subject, "Print test panel"));
  g_assert_true (g_str_has_prefix (creator, "Rung "));
  g_assert_nonnull (strstr (created, "Nov 24"));
  g_assert_nonnull (strstr (created, "2026"));
  g_assert_nonnull (strstr (size, "595.276 x 841.89"));
  g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);
  g_assert_cmpuint (n_pages, >=, 6);

  /* The file is as private as the panel. */
  assert_private_file (pdf);

  /* Every page: the panel and the candidate at the head, "Page X of Y" and
   * the confidentiality note at the foot. */
  assert_every_page_framed (pages, n_pages, "Print test panel", "Ada Lovelace", "Confidential");
}

static void
test_packet_letter (Fixture       *fixture,
                    gconstpointer  data)
{
  guint a4_pages = 0, letter_pages = 0;
  g_autofree char *a4 = export (fixture, fixture->candidate, RUNG_PAPER_A4, "a4.pdf", &a4_pages);
  g_autofree char *letter = export (fixture, fixture->candidate, RUNG_PAPER_LETTER, "letter.pdf", &letter_pages);
  g_autofree char *info = pdf_info (letter);
  g_autofree char *size = info_field (info, "Page size");
  g_autofree char *column = column_text_on (letter, RUNG_PAPER_LETTER, TRUE);

  g_assert_nonnull (strstr (size, "612 x 792"));
  g_assert_cmpuint (pdf_pages (letter), ==, letter_pages);
  /* Letter is shorter than A4: the same packet takes at least as many pages. */
  g_assert_cmpuint (letter_pages, >=, a4_pages);
  g_assert_true (contains_squeezed (column, fixture->long_text));
}

static void
test_packet_cover (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", NULL);
  g_autofree char *cover = pdf_text (pdf, 1, 1);
  const char *expected[] = { "PROMOTION PACKET", "Ada Lovelace", "L5 → L6", "Charles Babbage", "Engines",
                             "Cycle P", "Print committee", "13 of 13 expectations have evidence",
                             "24 November 2026", "Confidential" };

  /* Squeezed: pdftotext reads the letter-spaced capitals as several words. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!contains_squeezed (cover, expected[i]))
      g_error ("The cover lacks “%s”:\n%s", expected[i], cover);

  /* The areas start on a page of their own. */
  g_assert_null (strstr (cover, "Responsibilities"));
}

static void
test_packet_ratings_and_decision (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", NULL);
  g_autofree char *text = pdf_text (pdf, 1, 1000);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  g_ptr_array_add (order, "Anti-patterns");
  g_ptr_array_add (order, "Arrogance");
  g_ptr_array_add (order, "No concerns raised");
  g_ptr_array_add (order, "Ratings");
  g_ptr_array_add (order, "Grace Hopper");
  g_ptr_array_add (order, "Alan Turing");
  g_ptr_array_add (order, "Clear and measured.");
  g_ptr_array_add (order, "Spread of the ratings");
  g_ptr_array_add (order, "Decision");
  g_ptr_array_add (order, "Promote");
  g_ptr_array_add (order, "2 for, 0 against, 0 abstaining");
  g_ptr_array_add (order, "Strong throughout.");
  g_ptr_array_add (order, "History");
  assert_in_order (text, order, "A part of the packet");
}

/* Every decision printed shows what it cites, as recorded; one citing
 * nothing says so; evidence removed since says that. */
static void
test_packet_and_book_citations (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  GListModel *panelists = rung_panel_get_panelists (fixture->panel);
  g_autoptr(RungPanelist) chair = g_list_model_get_item (panelists, 0);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *book_pdf = NULL;
  g_autofree char *book = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  RungEvidence *review;
  RungEvidence *gone;

  review = rung_candidate_add_evidence (fixture->candidate, "l6-impact-results", "Design review of the mill",
                                        "Reviewed.", NULL, NULL, &error);
  g_assert_no_error (error);
  gone = rung_candidate_add_evidence (fixture->candidate, "l6-impact-results", "Draft to be withdrawn",
                                      "Withdrawn.", NULL, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (cited, review);
  g_ptr_array_add (cited, rung_candidate_find_rating (fixture->candidate, chair, "impact"));
  g_ptr_array_add (cited, gone);
  g_assert_nonnull (rung_panel_record_decision_citing (fixture->panel, fixture->candidate, "promote", 2, 0, 0,
                                                       "Cited this time.", "Now with citations.", cited, &error));
  g_assert_no_error (error);
  g_assert_true (rung_candidate_remove_evidence (fixture->candidate, gone, &error));
  g_assert_no_error (error);

  pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", NULL);
  text = pdf_text (pdf, 1, 1000);
  g_ptr_array_add (order, "Decision");
  g_ptr_array_add (order, "Cited this time.");
  g_ptr_array_add (order, "Cites: Design review of the mill (Impact); Grace Hopper: Impact — Strong evidence; "
                          "Draft to be withdrawn (Impact) (since removed)");
  g_ptr_array_add (order, "History");
  g_ptr_array_add (order, "Strong throughout.");
  g_ptr_array_add (order, "Cites no evidence");
  g_ptr_array_add (order, "Cited this time.");
  g_ptr_array_add (order, "Cites: Design review of the mill (Impact)");
  assert_in_order (text, order, "A part of the decision");

  /* The book's summary of decisions too. */
  book_pdf = export (fixture, NULL, RUNG_PAPER_A4, "book.pdf", NULL);
  book = pdf_text (book_pdf, 1, 1000);
  g_ptr_array_set_size (order, 0);
  g_ptr_array_add (order, "Summary of decisions");
  g_ptr_array_add (order, "the latest revision of each decision");
  g_ptr_array_add (order, "Cites: Design review of the mill (Impact)");
  assert_in_order (book, order, "A part of the summary");
}

/* Tests of the book */

static void
add_second_candidate (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *grace = rung_panel_add_candidate (fixture->panel, "Bea Ramos", NULL, "L6", NULL, NULL, &error);

  g_assert_no_error (error);
  rung_candidate_add_evidence (grace, "l6-impact-results", "One result", "A result that mattered.", NULL, NULL,
                               &error);
  g_assert_no_error (error);
}

static void
test_packet_cover_override (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *ada_pdf = NULL;
  g_autofree char *ada_cover = NULL;
  RungCandidate *bea;

  add_second_candidate (fixture);
  bea = rung_panel_find_candidate_by_name (fixture->panel, "Bea Ramos");
  g_assert_true (rung_candidate_override_coverage (bea, RUNG_CANDIDATE_STATUS_READY,
                                                   "Her manager vouches for the rest.", &error));
  g_assert_no_error (error);

  pdf = export (fixture, bea, RUNG_PAPER_A4, "bea.pdf", NULL);
  cover = pdf_text (pdf, 1, 1);
  if (!contains_squeezed (cover, "Moved on without evidence in every area") ||
      !contains_squeezed (cover, "No evidence for Responsibilities, Ownership") ||
      !contains_squeezed (cover, "Reason: Her manager vouches for the rest."))
    g_error ("The cover lacks the override:\n%s", cover);

  /* A candidate who needed none says nothing of it. */
  ada_pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "ada.pdf", NULL);
  ada_cover = pdf_text (ada_pdf, 1, 1);
  g_assert_false (contains_squeezed (ada_cover, "without evidence in every area"));
}

static void
test_book_contents_pages_and_links (Fixture       *fixture,
                                    gconstpointer  data)
{
  guint n_pages = 0, ada_page = 0, bea_page = 0, summary_page = 0, calibration_page = 0;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *html = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *raw = NULL;
  gsize raw_length = 0;
  const char *links;
  guint n_links = 0;

  add_second_candidate (fixture);
  pdf = export (fixture, NULL, RUNG_PAPER_A4, "book.pdf", &n_pages);
  pages = pdf_page_texts (pdf);
  g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);

  for (guint p = 0; p < n_pages; p++)
    {
      gboolean packet_cover = contains_squeezed (pages[p], "PROMOTION PACKET");

      if (packet_cover && strstr (pages[p], "Ada Lovelace"))
        ada_page = p + 1;
      if (packet_cover && strstr (pages[p], "Bea Ramos"))
        bea_page = p + 1;
      if (p > 1 && strstr (pages[p], "Summary of decisions") && strstr (pages[p], "Bea Ramos"))
        summary_page = p + 1;
      if (p > 1 && strstr (pages[p], "Rater calibration") && !strstr (pages[p], "Summary of decisions"))
        calibration_page = p + 1;
    }
  g_assert_true (contains_squeezed (pages[0], "COMMITTEE BOOK"));
  g_assert_cmpuint (ada_page, ==, 3);
  g_assert_cmpuint (bea_page, >, ada_page);
  /* The rater calibration ends the book, on a page of its own. */
  g_assert_cmpuint (summary_page, ==, n_pages - 1);
  g_assert_cmpuint (calibration_page, ==, n_pages);

  /* The contents list each packet, and in their column of numbers, the
   * page it starts on. */
  contents = squeeze (pages[1]);
  g_assert_nonnull (strstr (contents, "AdaLovelace"));
  g_assert_nonnull (strstr (contents, "L5→L6·Engines·Decided"));
  g_assert_nonnull (strstr (contents, "BeaRamos"));
  g_assert_nonnull (strstr (contents, "ForL6·Draft"));
  {
    double paper_width, paper_height;
    g_autofree char *numbers = NULL;
    g_autofree char *column = NULL;
    g_autofree char *expected = g_strdup_printf ("Page%u%u%u%u", ada_page, bea_page, summary_page,
                                                 calibration_page);

    rung_paper_get_size (RUNG_PAPER_A4, &paper_width, &paper_height);
    numbers = pdf_pages_text_in (pdf, 2, 2, paper_width - RUNG_PRINT_MARGIN_SIDE - 60, RUNG_PRINT_MARGIN_TOP,
                           62, paper_height - RUNG_PRINT_MARGIN_TOP - RUNG_PRINT_MARGIN_BOTTOM);
    column = squeeze (numbers);
    g_assert_true (g_str_has_prefix (column, expected));
  }

  /* The summary has a row for each: decided, and not. */
  g_assert_nonnull (strstr (pages[summary_page - 1], "Promote"));
  g_assert_nonnull (strstr (pages[summary_page - 1], "Not decided (Draft)"));

  /* The contents link to those pages. */
  g_assert_true (g_file_get_contents (pdf, &raw, &raw_length, NULL));
  /* memmem: the file holds NUL bytes, where g_strstr_len() would stop. */
  for (links = raw; (links = memmem (links, raw + raw_length - links, "/Subtype /Link", 14)); links++)
    {
      const char *end = memmem (links, raw + raw_length - links, "endobj", 6);

      g_assert_nonnull (end);
      g_assert_nonnull (g_strstr_len (links, end - links, "/Dest (rung-section-"));
      n_links++;
    }
  g_assert_cmpuint (n_links, ==, 4);

  /* The outline: a bookmark for the contents, each candidate and their
   * areas, and the summary, each on its page. */
  html_path = g_build_filename (fixture->dir, "book", NULL);
  {
    const char *argv[] = { "pdftohtml", "-xml", "-i", "-q", pdf, html_path, NULL };
    g_autofree char *xml = g_strconcat (html_path, ".xml", NULL);
    g_autofree char *out = run_tool (argv);
    g_autofree char *ada = g_strdup_printf ("<item page=\"%u\">Ada Lovelace</item>", ada_page);
    g_autofree char *bea = g_strdup_printf ("<item page=\"%u\">Bea Ramos</item>", bea_page);
    g_autofree char *summary = g_strdup_printf ("<item page=\"%u\">Summary of decisions</item>", summary_page);
    g_autofree char *calibration = g_strdup_printf ("<item page=\"%u\">Rater calibration</item>", calibration_page);
    g_autofree char *areas = g_strdup_printf ("<item page=\"%u\">Responsibilities</item>", ada_page + 1);

    g_assert_true (g_file_get_contents (xml, &html, NULL, NULL));
    g_unlink (xml);
    g_assert_nonnull (strstr (html, "<outline>"));
    g_assert_nonnull (strstr (html, "<item page=\"2\">Contents</item>"));
    g_assert_nonnull (strstr (html, ada));
    g_assert_nonnull (strstr (html, bea));
    g_assert_nonnull (strstr (html, summary));
    g_assert_nonnull (strstr (html, calibration));
    g_assert_nonnull (strstr (html, areas));
    g_assert_nonnull (strstr (html, "Anti-patterns</item>"));
    g_assert_nonnull (strstr (html, "Decision</item>"));
  }
}

static void
test_book_metadata (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pdf = export (fixture, NULL, RUNG_PAPER_LETTER, "book.pdf", NULL);
  g_autofree char *info = pdf_info (pdf);
  g_autofree char *title = info_field (info, "Title");
  g_autofree char *subject = info_field (info, "Subject");
  g_autofree char *size = info_field (info, "Page size");

  g_assert_cmpstr (title, ==, "Committee book: Print test panel");
  g_assert_nonnull (strstr (subject, "1 candidate"));
  g_assert_nonnull (strstr (size, "612 x 792"));
}

/* Blind mode */

/* Everything a reader's tools find in @pdf: the text of the pages (as laid
 * out and as read), the metadata, and the outline and text as pdftohtml
 * gives them. */
static char *
pdf_everything (Fixture    *fixture,
                const char *pdf)
{
  g_autofree char *xml_base = g_build_filename (fixture->dir, "everything", NULL);
  g_autofree char *xml_path = g_strconcat (xml_base, ".xml", NULL);
  const char *html_argv[] = { "pdftohtml", "-xml", "-i", "-q", pdf, xml_base, NULL };
  const char *layout_argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *html_out = run_tool (html_argv);
  g_autofree char *xml = NULL;
  g_autofree char *text = pdf_text (pdf, 1, 100000);
  g_autofree char *layout = run_tool (layout_argv);
  g_autofree char *info = pdf_info (pdf);

  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_unlink (xml_path);
  g_assert_nonnull (strstr (xml, "<outline>"));

  return g_strjoin ("\n", text, layout, info, xml, NULL);
}

/* Asserts that nothing in @everything names Ada, her manager or her team
 * (or Bea, and hers). */
static void
assert_names_nobody (const char *everything)
{
  const char * const names[] = {
    "Ada Lovelace", "Lovelace", "Charles Babbage", "Babbage", "Engines",
    "Bea Ramos", "Ramos", "Tim Berners-Lee", "Berners", "Web Platform",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_test_message ("looking for %s", names[i]);
      g_assert_null (strstr (everything, names[i]));
      g_assert_false (contains_squeezed (everything, names[i]));
    }
}

/* Starts a blind meeting, once Ada's manager has recorded a revision of
 * her decision: a name that would tell who she is. */
static RungMeeting *
start_blind_meeting (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting;

  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  RungEvidence *named;

  /* A citation's label keeps an evidence title that names her. */
  named = rung_candidate_add_evidence (fixture->candidate, "l6-impact-results", "Lovelace's engine notes",
                                       "Notes on the engine.", NULL, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (cited, named);
  rung_panel_set_user_name (fixture->panel, "Charles Babbage");
  g_assert_nonnull (rung_panel_record_decision_citing (fixture->panel, fixture->candidate, "promote", 2, 0, 0,
                                                       "Strong throughout, on a second look.", "Typo in the first.",
                                                       cited, &error));
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");
  /* What people wrote names her too. */
  g_assert_true (rung_candidate_set_summary (fixture->candidate,
                                             "Ada led the Engines team's move; Babbage says Lovelace is ready.",
                                             &error));
  g_assert_no_error (error);

  meeting = rung_panel_start_meeting (fixture->panel, "Calibration", 10, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  g_assert_true (rung_panel_get_blind (fixture->panel));

  return g_object_ref (meeting);
}

static void
test_packet_blind (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungMeeting) meeting = start_blind_meeting (fixture);
  g_autofree char *pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "packet.pdf", NULL);
  g_autofree char *everything = pdf_everything (fixture, pdf);
  g_autofree char *info = pdf_info (pdf);
  g_autofree char *title = info_field (info, "Title");
  g_autofree char *subject = info_field (info, "Subject");
  g_auto(GStrv) pages = pdf_page_texts (pdf);
  g_autofree char *named_pdf = NULL;
  g_autofree char *named = NULL;

  assert_names_nobody (everything);

  /* The alias in the title, the metadata, the outline and every running head. */
  g_assert_cmpstr (title, ==, "Promotion packet: Candidate A");
  g_assert_nonnull (strstr (subject, "Candidate A"));
  g_assert_nonnull (strstr (everything, ">Candidate A</item>"));
  g_assert_true (contains_squeezed (pages[0], "PROMOTION PACKET"));
  for (guint p = 0; pages[p] != NULL && pages[p + 1] != NULL; p++)
    g_assert_nonnull (strstr (pages[p], "Candidate A"));

  /* The cover has no manager or team; the rest of the packet is there. */
  g_assert_null (strstr (pages[0], "Manager"));
  g_assert_null (strstr (pages[0], "Team"));
  g_assert_true (contains_squeezed (everything, "Strong throughout, on a second look."));
  g_assert_true (contains_squeezed (everything, "Evidence 01: the candidate did work number 1"));
  g_assert_true (contains_squeezed (everything,
                                    "Candidate A led the [team] team's move; [manager] says Candidate A is ready."));

  /* What the decision cites, without her name. */
  g_assert_true (contains_squeezed (everything, "Cites: Candidate A's engine notes (Impact)"));

  /* Her manager's revision says when, not who; the chair's says who. */
  g_assert_true (contains_squeezed (everything, "Recorded on"));
  g_assert_true (contains_squeezed (everything, "Test Chair"));

  /* Once the meeting ends, the packet names her again. */
  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);
  named_pdf = export (fixture, fixture->candidate, RUNG_PAPER_A4, "named.pdf", NULL);
  named = pdf_everything (fixture, named_pdf);
  g_assert_nonnull (strstr (named, "Promotion packet: Ada Lovelace"));
  g_assert_nonnull (strstr (named, "Charles Babbage"));
  g_assert_null (strstr (named, "Candidate A"));
}

static void
test_book_blind (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungMeeting) meeting = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *everything = NULL;
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *cited = NULL;
  const char *a, *b;

  rung_panel_add_candidate (fixture->panel, "Bea Ramos", NULL, "L6", "Tim Berners-Lee", "Web Platform", &error);
  g_assert_no_error (error);
  meeting = start_blind_meeting (fixture);

  pdf = export (fixture, NULL, RUNG_PAPER_A4, "book.pdf", NULL);
  everything = pdf_everything (fixture, pdf);
  info = pdf_info (pdf);
  title = info_field (info, "Title");
  pages = pdf_page_texts (pdf);

  assert_names_nobody (everything);
  g_assert_cmpstr (title, ==, "Committee book: Print test panel");

  /* The contents list the two by their letters, in the letters' order
   * (in order of name they would say who is who), with no team. */
  contents = squeeze (pages[1]);
  a = strstr (contents, "CandidateA");
  b = strstr (contents, "CandidateB");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (a < b);
  g_assert_nonnull (strstr (contents, "L5→L6·Decided"));

  /* Both packets, and the summary, by their letters; in the outline too. */
  g_assert_nonnull (strstr (everything, ">Candidate A</item>"));
  g_assert_nonnull (strstr (everything, ">Candidate B</item>"));
  g_assert_true (contains_squeezed (everything, "Summary of decisions"));
  g_assert_true (contains_squeezed (everything, "Strong throughout."));

  /* The letters are drawn at random: what the decision cites reads with hers. */
  letter = rung_candidate_dup_display_name (fixture->candidate);
  cited = g_strdup_printf ("Cites: %s's engine notes (Impact)", letter);
  g_assert_true (g_str_has_prefix (letter, "Candidate "));
  g_assert_true (contains_squeezed (everything, cited));
}

static void
test_book_of_empty_panel (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "empty.rung", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "empty.pdf", NULL);
  g_autoptr(RungPanel) empty = rung_panel_create (path, "Empty", NULL, NULL, fixture->ladder, &error);
  g_autoptr(RungPrintDocument) document = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  document = rung_print_document_new_book (empty);
  g_assert_true (rung_pdf_export (document, pdf, RUNG_PAPER_A4, &error));
  g_assert_no_error (error);
  /* Cover, contents, summary, and the calibration's empty state. */
  g_assert_cmpuint (pdf_pages (pdf), ==, 4);
  text = pdf_text (pdf, 1, 4);
  g_assert_nonnull (strstr (text, "0 of 0 candidates decided"));
  g_assert_true (contains_squeezed (text, "Calibration shows once panelists have rated at least five candidates"));
  rung_panel_close (empty);
}

/* Tests of the document on other surfaces, and of its failures */

static gboolean
has_ink (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint dark = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (data[y * stride + x * 4 + 1] < 200)
        dark++;

  return dark > 200;
}

static void
test_document_draws_on_any_surface (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(RungPrintDocument) document = rung_print_document_new_packet (fixture->candidate);
  g_autoptr(GError) error = NULL;
  double width, height;
  guint n_pages;

  rung_paper_get_size (RUNG_PAPER_A4, &width, &height);
  g_assert_cmpuint (rung_print_document_get_n_pages (document), ==, 0);
  g_assert_true (rung_print_document_paginate (document, width, height, &error));
  g_assert_no_error (error);
  n_pages = rung_print_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >=, 6);

  /* As a print dialog would: any page, in any order, at its own scale. */
  for (guint i = 0; i < 3; i++)
    {
      guint page = (n_pages - 1) * (i % 2) + i / 2;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)(width * 0.5), (int)(height * 0.5));
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      rung_print_document_draw_page (document, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (has_ink (surface));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* The same pages again after the page size changed. */
  g_assert_true (rung_print_document_paginate (document, 612, 792, &error));
  g_assert_cmpuint (rung_print_document_get_n_pages (document), >=, n_pages);

  g_assert_false (rung_print_document_paginate (document, 100, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_export_failure_leaves_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(RungPrintDocument) document = rung_print_document_new_packet (fixture->candidate);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "packet.pdf", NULL);
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.pdf", NULL);
  g_autofree char *contents = NULL;

  g_assert_false (rung_pdf_export (document, missing, RUNG_PAPER_A4, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An export over an older file replaces it whole. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_true (rung_pdf_export (document, existing, RUNG_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

/* The model's side: a book reads each candidate once, and lets their lists
 * go unless someone holds them. */
static void
test_document_forgets_what_nobody_holds (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GPtrArray) expectations = expectations_of (fixture->ladder);
  const char *id = rung_expectation_get_id (g_ptr_array_index (expectations, 1));
  guint n_evidence = rung_candidate_get_n_evidence (fixture->candidate);
  GListModel *items = rung_candidate_get_evidence (fixture->candidate, id);
  guint n_items = g_list_model_get_n_items (items);
  g_autoptr(RungEvidence) held = g_list_model_get_item (items, 0);
  g_autofree char *pdf = NULL;

  /* A view holds an item: its list stays, the same object, through a book. */
  pdf = export (fixture, NULL, RUNG_PAPER_A4, "book.pdf", NULL);
  g_assert_true (rung_candidate_get_evidence (fixture->candidate, id) == items);
  g_clear_object (&held);

  /* Nobody does: the list goes, and comes back whole when asked for. */
  {
    GListModel *gone = items;

    g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *)&gone);
    rung_candidate_forget_loaded (fixture->candidate);
    g_assert_null (gone);
  }
  items = rung_candidate_get_evidence (fixture->candidate, id);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_items);
  g_assert_cmpuint (rung_candidate_get_n_evidence (fixture->candidate), ==, n_evidence);
  g_assert_cmpuint (g_list_model_get_n_items (rung_candidate_get_ratings (fixture->candidate)), ==, 2);
}

/* The export as the window runs it, on the demo panel's book: made once,
 * and copied for each test. */

typedef struct
{
  char      *dir;
  char      *path;
  RungPanel *panel;
} DemoFixture;

static char *demo_master_dir;
static char *demo_master_path;

static const char *
demo_master (void)
{
  if (demo_master_path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RungPanel) panel = NULL;

      demo_master_dir = g_dir_make_tmp ("rung-print-demo-XXXXXX", &error);
      g_assert_no_error (error);
      demo_master_path = g_build_filename (demo_master_dir, "demo.rung", NULL);
      panel = rung_demo_create (demo_master_path, &error);
      g_assert_no_error (error);
      /* Closed, the file holds everything: no log beside it to copy. */
      rung_panel_close (panel);
    }

  return demo_master_path;
}

static void
demo_set_up (DemoFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) master = g_file_new_for_path (demo_master ());
  g_autoptr(GFile) copy = NULL;

  fixture->dir = g_dir_make_tmp ("rung-print-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.rung", NULL);
  copy = g_file_new_for_path (fixture->path);
  g_assert_true (g_file_copy (master, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  fixture->panel = rung_panel_open (fixture->path, RUNG_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");
}

static void
demo_tear_down (DemoFixture   *fixture,
                gconstpointer  data)
{
  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

/* Whether the export's temporary file for @pdf is in its folder. */
static gboolean
has_temporary (const char *pdf)
{
  g_autofree char *dir = g_path_get_dirname (pdf);
  g_autofree char *base = g_path_get_basename (pdf);
  g_autofree char *prefix = g_strconcat (".", base, "-", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    if (g_str_has_prefix (name, prefix))
      return TRUE;

  return FALSE;
}

/* An expectation of @candidate's level that evidence can be added to. */
static const char *
some_expectation (RungCandidate *candidate)
{
  RungLevel *level = rung_candidate_get_level (candidate);
  g_autoptr(RungArea) area = g_list_model_get_item (rung_level_get_areas (level), 0);
  g_autoptr(RungExpectation) expectation = g_list_model_get_item (rung_area_get_expectations (area), 0);

  return rung_expectation_get_id (expectation);
}

typedef struct
{
  GArray       *fractions;     /* of double */
  GArray       *times;         /* of gint64, when each was told */
  GArray       *temporary;     /* of gboolean: was the temporary file there */
  const char   *pdf;
  GThread      *thread;        /* where the export runs */
  GCancellable *cancellable;
  double        cancel_at;     /* cancel at the first fraction past this; 0 never */
  gint64        cancelled_at;
  gboolean      temporary_when_cancelled;
} Recorder;

static void
recorder_init (Recorder   *recorder,
               const char *pdf)
{
  recorder->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  recorder->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  recorder->temporary = g_array_new (FALSE, FALSE, sizeof (gboolean));
  recorder->pdf = pdf;
  recorder->thread = g_thread_self ();
  recorder->cancellable = g_cancellable_new ();
}

static void
recorder_clear (Recorder *recorder)
{
  g_array_unref (recorder->fractions);
  g_array_unref (recorder->times);
  g_array_unref (recorder->temporary);
  g_object_unref (recorder->cancellable);
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  Recorder *recorder = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean temporary = has_temporary (recorder->pdf);

  g_assert_true (g_thread_self () == recorder->thread);
  g_array_append_val (recorder->fractions, fraction);
  g_array_append_val (recorder->times, now);
  g_array_append_val (recorder->temporary, temporary);

  if (recorder->cancel_at > 0 && fraction >= recorder->cancel_at && recorder->cancelled_at == 0)
    {
      recorder->cancelled_at = now;
      recorder->temporary_when_cancelled = temporary;
      g_cancellable_cancel (recorder->cancellable);
    }
}

static void
test_export_progress (DemoFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(RungPrintDocument) document = rung_print_document_new_book (fixture->panel);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "book.pdf", NULL);
  Recorder recorder = { 0 };
  guint n, paginating = 0, drawing = 0;
  double last_paginating = 0;
  gint64 started, elapsed;

  recorder_init (&recorder, pdf);
  started = g_get_monotonic_time ();
  g_assert_true (rung_pdf_export_full (document, pdf, RUNG_PAPER_A4, recorder.cancellable,
                                       record_progress, &recorder, &error));
  g_assert_no_error (error);
  elapsed = g_get_monotonic_time () - started;
  g_assert_cmpuint (pdf_pages (pdf), ==, rung_print_document_get_n_pages (document));

  n = recorder.fractions->len;
  g_test_message ("%u reports in %" G_GINT64_FORMAT " ms for %u pages", n, elapsed / 1000,
                  rung_print_document_get_n_pages (document));

  /* From the start, never backwards, and 1 exactly, once, at the end. */
  g_assert_cmpfloat (g_array_index (recorder.fractions, double, 0), >=, 0);
  g_assert_cmpfloat (g_array_index (recorder.fractions, double, 0), <=, 0.01);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (g_array_index (recorder.fractions, double, i), >=,
                       g_array_index (recorder.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (recorder.fractions, double, n - 1), ==, 1.0);
  g_assert_cmpfloat (g_array_index (recorder.fractions, double, n - 2), <, 1.0);

  /* Often enough for a bar that moves, never more than every hundredth or
   * every tenth of a second. */
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpuint (n, <=, 102 + elapsed / (G_USEC_PER_SEC / 10));
  for (guint i = 1; i < n - 1; i++)
    {
      double step = g_array_index (recorder.fractions, double, i) - g_array_index (recorder.fractions, double, i - 1);
      gint64 interval = g_array_index (recorder.times, gint64, i) - g_array_index (recorder.times, gint64, i - 1);

      if (step < 0.0099 && interval < G_USEC_PER_SEC / 10 - 5000)
        g_error ("report %u came %.4f and %" G_GINT64_FORMAT " µs after the one before", i, step, interval);
    }

  /* Pagination, before the file is begun, has a share of its own, and so
   * has drawing. */
  for (guint i = 0; i < n - 1; i++)
    if (!g_array_index (recorder.temporary, gboolean, i))
      {
        g_assert_cmpuint (drawing, ==, 0);
        paginating++;
        last_paginating = g_array_index (recorder.fractions, double, i);
      }
    else
      drawing++;
  g_assert_cmpuint (paginating, >=, 5);
  g_assert_cmpuint (drawing, >=, 5);
  g_assert_cmpfloat (last_paginating, >=, 0.2);
  g_assert_cmpfloat (last_paginating, <=, 0.6);
  g_assert_false (has_temporary (pdf));

  recorder_clear (&recorder);
}

static void
test_export_cancelled (DemoFixture   *fixture,
                       gconstpointer  data)
{
  double cancel_at = *(const double *)data;
  g_autoptr(RungPrintDocument) document = rung_print_document_new_book (fixture->panel);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "book.pdf", NULL);
  g_autofree char *before = dir_listing (fixture->dir);
  g_autofree char *after = NULL;
  Recorder recorder = { 0 };
  gint64 returned;
  double last;

  recorder_init (&recorder, pdf);
  recorder.cancel_at = cancel_at;
  g_assert_false (rung_pdf_export_full (document, pdf, RUNG_PAPER_A4, recorder.cancellable,
                                        record_progress, &recorder, &error));
  returned = g_get_monotonic_time ();
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (recorder.cancelled_at, >, 0);
  g_test_message ("returned %" G_GINT64_FORMAT " µs after the cancellation", returned - recorder.cancelled_at);

  /* It stops at once: within a page, and nothing told after. */
  g_assert_cmpint (returned - recorder.cancelled_at, <, G_USEC_PER_SEC / 2);
  last = g_array_index (recorder.fractions, double, recorder.fractions->len - 1);
  g_assert_cmpfloat (last, >=, cancel_at);
  g_assert_cmpfloat (last, <, 1.0);
  g_assert_cmpint (g_array_index (recorder.times, gint64, recorder.times->len - 1), ==, recorder.cancelled_at);

  /* Cancelled while drawing, it had begun the file: it goes. Nothing is
   * left but the panel's own files. */
  g_assert_true (recorder.temporary_when_cancelled == (cancel_at > 0.5));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  after = dir_listing (fixture->dir);
  g_assert_cmpstr (after, ==, before);

  recorder_clear (&recorder);
}

static void
test_export_cancelled_before_start (DemoFixture   *fixture,
                                    gconstpointer  data)
{
  g_autoptr(RungCandidate) candidate = g_list_model_get_item (rung_panel_get_candidates (fixture->panel), 0);
  g_autoptr(RungPrintDocument) document = rung_print_document_new_packet (candidate);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "packet.pdf", NULL);
  g_autofree char *before = dir_listing (fixture->dir);
  g_autofree char *after = NULL;
  Recorder recorder = { 0 };

  recorder_init (&recorder, pdf);
  g_cancellable_cancel (recorder.cancellable);
  g_assert_false (rung_pdf_export_full (document, pdf, RUNG_PAPER_A4, recorder.cancellable,
                                        record_progress, &recorder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (recorder.fractions->len, ==, 0);
  g_assert_cmpuint (rung_print_document_get_n_pages (document), ==, 0);
  after = dir_listing (fixture->dir);
  g_assert_cmpstr (after, ==, before);

  /* And the document is as good as new for the next export. */
  g_clear_error (&error);
  g_assert_true (rung_pdf_export_full (document, pdf, RUNG_PAPER_A4, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf), ==, rung_print_document_get_n_pages (document));

  recorder_clear (&recorder);
}

static void
test_export_cancelled_keeps_older_file (DemoFixture   *fixture,
                                        gconstpointer  data)
{
  g_autoptr(RungPrintDocument) document = rung_print_document_new_book (fixture->panel);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "book.pdf", NULL);
  g_autofree char *old = NULL;
  g_autofree char *kept = NULL;
  gsize old_length = 0, kept_length = 0;
  struct stat old_stat, kept_stat;
  Recorder recorder = { 0 };

  /* Last week's book. */
  g_assert_true (rung_pdf_export (document, pdf, RUNG_PAPER_LETTER, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &old, &old_length, NULL));
  g_assert_cmpint (g_stat (pdf, &old_stat), ==, 0);

  recorder_init (&recorder, pdf);
  recorder.cancel_at = 0.7;
  g_assert_false (rung_pdf_export_full (document, pdf, RUNG_PAPER_A4, recorder.cancellable,
                                        record_progress, &recorder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (recorder.temporary_when_cancelled);

  /* The same file, not a copy: the same bytes in the same inode. */
  g_assert_true (g_file_get_contents (pdf, &kept, &kept_length, NULL));
  g_assert_cmpmem (kept, kept_length, old, old_length);
  g_assert_cmpint (g_stat (pdf, &kept_stat), ==, 0);
  g_assert_cmpuint (kept_stat.st_ino, ==, old_stat.st_ino);
  g_assert_false (has_temporary (pdf));

  recorder_clear (&recorder);
}

/* A disk that fills up half-way through the book (here, a limit on the
 * size of files, in a process of its own): the export fails, saying so,
 * and leaves nothing. */
static void
test_export_disk_full (DemoFixture   *fixture,
                       gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(RungPrintDocument) document = rung_print_document_new_book (fixture->panel);
      g_autoptr(GError) error = NULL;
      g_autofree char *pdf = g_build_filename (fixture->dir, "book.pdf", NULL);
      g_autofree char *before = dir_listing (fixture->dir);
      g_autofree char *after = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      /* Past the limit, write() fails with EFBIG instead of killing us. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (rung_pdf_export (document, pdf, RUNG_PAPER_A4, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));

      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      after = dir_listing (fixture->dir);
      g_assert_cmpstr (after, ==, before);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A panel's snapshot: the file as it was, whatever another connection
 * writes, until it ends. */
static void
test_export_snapshot (DemoFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) second = rung_panel_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_autoptr(RungCandidate) writer_side = NULL;
  g_autoptr(RungCandidate) reader_side = NULL;
  guint n_evidence;

  g_assert_no_error (error);
  writer_side = g_list_model_get_item (rung_panel_get_candidates (fixture->panel), 0);
  reader_side = g_list_model_get_item (rung_panel_get_candidates (second), 0);
  g_assert_cmpint (rung_candidate_get_id (writer_side), ==, rung_candidate_get_id (reader_side));

  g_assert_true (rung_panel_begin_snapshot (second, &error));
  g_assert_no_error (error);
  n_evidence = rung_candidate_get_n_evidence (reader_side);
  rung_candidate_forget_loaded (reader_side);

  g_assert_nonnull (rung_candidate_add_evidence (writer_side, some_expectation (writer_side), "Added meanwhile",
                                                 "Written while the other connection reads.", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rung_candidate_get_n_evidence (reader_side), ==, n_evidence);
  rung_candidate_forget_loaded (reader_side);

  /* Nested, it ends with the outer call; writes through it fail meanwhile. */
  g_assert_true (rung_panel_begin_snapshot (second, &error));
  rung_panel_end_snapshot (second);
  g_assert_null (rung_candidate_add_evidence (reader_side, some_expectation (reader_side), "Refused",
                                              "Not while the snapshot is held.", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (rung_candidate_get_n_evidence (reader_side), ==, n_evidence);
  rung_candidate_forget_loaded (reader_side);

  rung_panel_end_snapshot (second);
  g_assert_cmpuint (rung_candidate_get_n_evidence (reader_side), ==, n_evidence + 1);
  rung_panel_close (second);
}

/* The demo's book ends with its rater calibration: the chart, the
 * sentences, neutral, and the numbers. */
static void
test_book_calibration (DemoFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(RungPrintDocument) document = rung_print_document_new_book (fixture->panel);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "book.pdf", NULL);
  g_autofree char *text = NULL;
  guint n_pages;

  g_assert_true (rung_pdf_export (document, pdf, RUNG_PAPER_A4, &error));
  g_assert_no_error (error);
  n_pages = pdf_pages (pdf);
  text = pdf_text (pdf, n_pages, n_pages);

  g_assert_true (contains_squeezed (text, "Rater calibration"));
  g_assert_true (contains_squeezed (text, "The rest of the panel"));
  g_assert_true (contains_squeezed (text, "Sofia Haddad’s ratings sit above the rest of the panel’s for 5 of 5 "
                                          "candidates, by 0.6 on average."));
  g_assert_true (contains_squeezed (text, "Marcus Bell’s ratings sit below the rest of the panel’s for 5 of 5 "
                                          "candidates, by 0.7 on average."));
  g_assert_true (contains_squeezed (text, "+0.6 ± 0.3"));
  g_assert_true (contains_squeezed (text, "Mei Lin Chen"));
  g_assert_false (contains_squeezed (text, "lenient"));
}

/* The window's way: the book exported in a worker thread, on a second
 * panel of the same file, while the window goes on writing through its
 * own. */

#define MARKER "Written during the export"

typedef struct
{
  GMutex      lock;
  GCond       cond;
  const char *path;
  const char *pdf;
  GThread    *thread;
  gboolean    started;     /* the export told its first fraction */
  gboolean    done;
  guint       written;     /* items the main thread wrote meanwhile */
  guint       n_pages;
  GError     *error;
} Worker;

/* Waits while @worker's export draws until the main thread wrote a few
 * items: so they land between pagination and drawing, where a book read
 * without a snapshot would come apart. */
static void
worker_progress (double   fraction,
                 gpointer user_data)
{
  Worker *worker = user_data;
  static const guint wanted = 10;
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  g_assert_true (g_thread_self () == worker->thread);

  g_mutex_lock (&worker->lock);
  if (!worker->started)
    {
      worker->started = TRUE;
      g_cond_broadcast (&worker->cond);
    }
  if (fraction > 0.5 && fraction < 1.0)
    while (worker->written < wanted)
      if (!g_cond_wait_until (&worker->cond, &worker->lock, deadline))
        g_error ("The main thread wrote nothing in 30 s");
  g_mutex_unlock (&worker->lock);
}

static gpointer
worker_export (gpointer data)
{
  Worker *worker = data;
  g_autoptr(RungPanel) panel = NULL;
  g_autoptr(RungPrintDocument) document = NULL;
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&worker->lock);
  worker->thread = g_thread_self ();
  g_mutex_unlock (&worker->lock);

  /* As the window opens it: read-only if the file cannot be written. */
  if ((panel = rung_panel_open (worker->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error)))
    {
      document = rung_print_document_new_book (panel);
      ok = rung_pdf_export_full (document, worker->pdf, RUNG_PAPER_A4, NULL, worker_progress, worker, &error);
      g_assert_true (ok == (error == NULL));
    }

  g_mutex_lock (&worker->lock);
  worker->error = error;
  worker->n_pages = document ? rung_print_document_get_n_pages (document) : 0;
  worker->done = TRUE;
  g_cond_broadcast (&worker->cond);
  g_mutex_unlock (&worker->lock);

  return NULL;
}

static void
test_export_in_worker_while_writing (DemoFixture   *fixture,
                                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "book.pdf", NULL);
  g_autofree char *after_pdf = NULL;
  GListModel *candidates = rung_panel_get_candidates (fixture->panel);
  guint n_candidates = g_list_model_get_n_items (candidates);
  Worker worker = { .path = fixture->path, .pdf = pdf };
  g_autofree char *text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *last_page = NULL;
  g_autoptr(GThread) thread = NULL;
  gboolean done = FALSE;
  guint written = 0;

  g_mutex_init (&worker.lock);
  g_cond_init (&worker.cond);
  thread = g_thread_new ("export", worker_export, &worker);

  g_mutex_lock (&worker.lock);
  while (!worker.started && !worker.done)
    g_cond_wait (&worker.cond, &worker.lock);
  g_mutex_unlock (&worker.lock);

  /* The window goes on: evidence for one candidate after the other. */
  while (!done)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, written % n_candidates);
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf (MARKER " %03u", written + 1);

      g_assert_nonnull (rung_candidate_add_evidence (candidate, some_expectation (candidate), title,
                                                     "An item the book must not show, nor half of.",
                                                     NULL, NULL, &error));
      g_assert_no_error (error);

      g_mutex_lock (&worker.lock);
      worker.written = ++written;
      g_cond_broadcast (&worker.cond);
      done = worker.done;
      g_mutex_unlock (&worker.lock);
    }
  g_thread_join (g_steal_pointer (&thread));
  g_test_message ("%u items written during the export", written);

  /* The book is whole: every page, every candidate, the last page's foot. */
  g_assert_no_error (worker.error);
  g_assert_cmpuint (worker.n_pages, >, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, worker.n_pages);
  text = pdf_text (pdf, 1, worker.n_pages);
  for (guint i = 0; i < n_candidates; i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);

      g_assert_true (contains_squeezed (text, rung_candidate_get_name (candidate)));
    }
  last_page = pdf_text (pdf, worker.n_pages, worker.n_pages);
  {
    g_autofree char *foot = g_strdup_printf ("Page %u of %u", worker.n_pages, worker.n_pages);

    g_assert_true (contains_squeezed (last_page, foot));
  }

  /* It is the panel as it was when the export began: none of the items
   * written meanwhile, and so none cut in two between pages. */
  g_assert_cmpuint (written, >=, 10);
  g_assert_false (contains_squeezed (text, MARKER));

  /* They are in the file all the same, for the next book. */
  after_pdf = g_build_filename (fixture->dir, "after.pdf", NULL);
  {
    g_autoptr(RungPrintDocument) document = rung_print_document_new_book (fixture->panel);
    g_autoptr(GError) error = NULL;

    g_assert_true (rung_pdf_export (document, after_pdf, RUNG_PAPER_A4, &error));
    g_assert_no_error (error);
  }
  after_text = pdf_text (after_pdf, 1, 100000);
  for (guint i = 1; i <= written; i++)
    {
      g_autofree char *title = g_strdup_printf (MARKER " %03u", i);

      g_assert_true (contains_squeezed (after_text, title));
    }

  g_mutex_clear (&worker.lock);
  g_cond_clear (&worker.cond);
}

/* Tests of the layout rules, on blocks alone */

static RungPrintFrame
test_frame (PangoContext *pango)
{
  RungPrintFrame frame = { pango, 56, 480, NULL, 0 };

  return frame;
}

static RungPrintBlock *
two_column_row (RungPrintTable *table,
                const char     *title,
                const char     *text,
                const char     *evidence)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *left = rung_print_cell_new ();
  GPtrArray *right = rung_print_cell_new ();
  RungPrintParagraph *paragraph;

  paragraph = rung_print_paragraph_new (RUNG_PRINT_STYLE_STRONG, title);
  paragraph->keep_with_next = TRUE;
  g_ptr_array_add (left, paragraph);
  g_ptr_array_add (left, rung_print_paragraph_new (RUNG_PRINT_STYLE_QUIET, text));
  g_ptr_array_add (right, rung_print_paragraph_new (RUNG_PRINT_STYLE_BODY, evidence));
  g_ptr_array_add (cells, left);
  g_ptr_array_add (cells, right);

  return rung_print_block_new_row (table, cells);
}

static void
test_layout_row_keeps_title_with_text (void)
{
  static const double widths[] = { 0.41, 0.59 };
  PangoContext *pango = rung_print_theme_create_context ();
  g_autoptr(RungPrintTable) table = rung_print_table_new (2, widths);
  RungPrintFrame frame = test_frame (pango);
  g_autofree char *long_text = long_evidence ();
  RungPrintBlock *block = two_column_row (table, "A title", long_text, long_text);
  g_autoptr(RungPrintMeasure) measure = rung_print_measure_new (block, &frame);
  double opening = rung_print_measure_get_opening_height (measure);
  double total = rung_print_measure_get_height (measure, NULL);
  double height;
  guint ends[2], starts[2] = { 0, 0 };
  guint parts = 0;

  g_assert_cmpfloat (opening, >, 20);
  g_assert_cmpfloat (total, >, opening * 10);

  /* Room for the title and one line: the row must not start here. */
  g_assert_false (rung_print_measure_fit (measure, NULL, opening - 3, TRUE, ends, &height));
  /* Room for the opening: it starts, with the title and two lines at least. */
  g_assert_true (rung_print_measure_fit (measure, NULL, opening + 0.5, TRUE, ends, &height));
  g_assert_cmpuint (ends[0], >=, 3);
  g_assert_cmpfloat (height, <=, opening + 0.5);
  /* An empty page takes what fits, whatever the rules. */
  g_assert_true (rung_print_measure_fit (measure, NULL, opening - 3, FALSE, ends, &height));
  g_assert_cmpfloat (height, <=, opening - 3);

  /* Page after page of 300 points: each part fits, none is empty, and the
   * parts add up to the whole row. */
  while (!rung_print_measure_is_complete (measure, starts))
    {
      g_assert_true (rung_print_measure_fit (measure, parts ? starts : NULL, 300, TRUE, ends, &height));
      g_assert_cmpfloat (height, <=, 300);
      g_assert_true (ends[0] > starts[0] || ends[1] > starts[1]);
      memcpy (starts, ends, sizeof starts);
      parts++;
      g_assert_cmpuint (parts, <, 200);
    }
  g_assert_cmpuint (parts, >, 10);

  g_clear_pointer (&measure, rung_print_measure_free);
  rung_print_block_free (block);
  g_object_unref (pango);
}

static void
test_layout_title_never_ends_a_page (void)
{
  static const double widths[] = { 1 };
  PangoContext *pango = rung_print_theme_create_context ();
  g_autoptr(RungPrintTable) table = rung_print_table_new (1, widths);
  RungPrintFrame frame = test_frame (pango);
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *cell = rung_print_cell_new ();
  RungPrintParagraph *paragraph;
  RungPrintBlock *block;
  g_autoptr(RungPrintMeasure) measure = NULL;
  g_autofree char *filler = g_strnfill (800, 'x');
  double before, height;
  guint ends[1], first_end;

  /* A long first item, then a title and its text. */
  g_ptr_array_add (cell, rung_print_paragraph_new (RUNG_PRINT_STYLE_BODY, "One two three four five six seven."));
  paragraph = rung_print_paragraph_new (RUNG_PRINT_STYLE_STRONG, "The second item");
  paragraph->keep_with_next = TRUE;
  paragraph->space_before = 9;
  g_ptr_array_add (cell, paragraph);
  g_ptr_array_add (cell, rung_print_paragraph_new (RUNG_PRINT_STYLE_BODY, filler));
  g_ptr_array_add (cells, cell);
  block = rung_print_block_new_row (table, cells);
  measure = rung_print_measure_new (block, &frame);

  /* Room for the first item and the title, not the title's text: the page
   * ends after the first item, and the title goes on to the next. */
  g_assert_true (rung_print_measure_fit (measure, NULL, 1000, TRUE, ends, &height));
  g_assert_true (rung_print_measure_is_complete (measure, ends));
  g_assert_true (rung_print_measure_fit (measure, NULL, 40, FALSE, ends, &before));
  first_end = ends[0];
  g_assert_cmpuint (first_end, ==, 2);
  g_assert_true (rung_print_measure_fit (measure, NULL, before + 0.2, TRUE, ends, &height));
  g_assert_cmpuint (ends[0], ==, 1);

  g_clear_pointer (&measure, rung_print_measure_free);
  rung_print_block_free (block);
  g_object_unref (pango);
}

int
main (int   argc,
      char *argv[])
{
  static const double cancel_paginating = 0.3, cancel_drawing = 0.7;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rung/print/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("packet/expectations-complete-in-order", test_packet_expectations_complete_in_order);
  ADD ("packet/evidence-complete-in-order", test_packet_evidence_complete_in_order);
  ADD ("packet/long-evidence-spans-pages", test_packet_long_evidence_spans_pages);
  ADD ("packet/markup-stays-literal", test_packet_markup_stays_literal);
  ADD ("packet/rtl-and-emoji", test_packet_rtl_and_emoji);
  ADD ("packet/pages-and-metadata", test_packet_pages_and_metadata);
  ADD ("packet/letter", test_packet_letter);
  ADD ("packet/cover", test_packet_cover);
  ADD ("packet/cover-override", test_packet_cover_override);
  ADD ("packet/ratings-and-decision", test_packet_ratings_and_decision);
  ADD ("packet/citations", test_packet_and_book_citations);
  ADD ("book/contents-pages-and-links", test_book_contents_pages_and_links);
  ADD ("book/metadata", test_book_metadata);
  ADD ("book/empty-panel", test_book_of_empty_panel);
  ADD ("packet/blind", test_packet_blind);
  ADD ("book/blind", test_book_blind);
  ADD ("document/draws-on-any-surface", test_document_draws_on_any_surface);
  ADD ("export/failure-leaves-nothing", test_export_failure_leaves_nothing);
  ADD ("document/forgets-what-nobody-holds", test_document_forgets_what_nobody_holds);
  g_test_add_func ("/rung/print/layout/row-keeps-title-with-text", test_layout_row_keeps_title_with_text);
  g_test_add_func ("/rung/print/layout/title-never-ends-a-page", test_layout_title_never_ends_a_page);

#define ADD_DEMO(path, data, func) \
  g_test_add ("/rung/print/" path, DemoFixture, data, demo_set_up, func, demo_tear_down)

  ADD_DEMO ("export/progress", NULL, test_export_progress);
  ADD_DEMO ("export/cancelled-while-paginating", &cancel_paginating, test_export_cancelled);
  ADD_DEMO ("export/cancelled-while-drawing", &cancel_drawing, test_export_cancelled);
  ADD_DEMO ("export/cancelled-before-start", NULL, test_export_cancelled_before_start);
  ADD_DEMO ("export/cancelled-keeps-older-file", NULL, test_export_cancelled_keeps_older_file);
  ADD_DEMO ("export/disk-full-leaves-nothing", NULL, test_export_disk_full);
  ADD_DEMO ("export/snapshot", NULL, test_export_snapshot);
  ADD_DEMO ("book/calibration", NULL, test_book_calibration);
  ADD_DEMO ("export/in-worker-while-writing", NULL, test_export_in_worker_while_writing);

  status = g_test_run ();

  if (demo_master_dir != NULL)
    store_fixture_remove_dir (demo_master_dir);
  g_free (demo_master_dir);
  g_free (demo_master_path);

  return status;
}

/* test-minutes.c: a meeting's minutes, read back from the PDF as a reader's
 * tools read it (pdftotext, pdfinfo): the meeting's particulars and its
 * attendees, each candidate in agenda order with the decision as it stood
 * when the meeting ended (not a revision recorded after), the votes, the
 * rationale whatever it holds, who was recused, the time against the plan,
 * the candidates not decided and the summary; and minutes printed while a
 * blind meeting is under way (draft minutes of that meeting, or those of
 * an earlier one), which name nobody.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "rung-agenda-item.h"
#include "rung-candidate.h"
#include "rung-decision.h"
#include "rung-evidence.h"
#include "rung-ladder.h"
#include "rung-meeting.h"
#include "rung-panel.h"
#include "rung-panelist.h"
#include "rung-paper.h"
#include "rung-pdf-export.h"
#include "rung-print-document.h"
#include "rung-print-theme-private.h"
#include "pdf-helpers.h"
#include "store-fixture.h"

static const char markup_rationale[] =
  "<b>Not yet</b> &amp; <span foreground=\"red\">growth</span> &lt;i&gt; %s %n \\ 'quoted' &#x41;";
static const char rtl_rationale[] = "شارك في مراجعة التصميم — נתן הרצאה על ארכיטקטורה";

typedef struct
{
  char          *dir;
  char          *path;
  RungLadder    *ladder;
  RungPanel     *panel;
  RungPanelist  *chair;
  RungPanelist  *member;
  RungPanelist  *conflicted;
  RungPanelist  *absent;
  char          *long_word;
} Fixture;

/* Name, team: added in order of name, so that the agenda's order (set
 * below) is not the order they were added in. */
static const char * const candidates[][2] = {
  { "Ada Lovelace", "Analytical Engines" },
  { "Barbara Liskov", "Substitution Systems" },
  { "Edsger Dijkstra", "Shortest Paths" },
  { "Grace Hopper", "Compiler Works" },
};

/* The agenda: Grace, Ada, Edsger, Barbara. */
static const char * const agenda_order[] = { "Grace Hopper", "Ada Lovelace", "Edsger Dijkstra", "Barbara Liskov" };

/* Text and tools */

/* In the layout of the page: a row's cells on one line, left to right. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

  return run_tool (argv);
}

/* pdf_text() without the running head and foot of each page, so that a
 * text that goes on from one page to the next reads on. */
static char *
pdf_body_text (const char *pdf)
{
  g_autofree char *text = pdf_text (pdf);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GString *body = g_string_new (NULL);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      int first = -1, last = -1;

      for (int i = 0; lines[i] != NULL; i++)
        if (strspn (lines[i], " \t") < strlen (lines[i]))
          {
            if (first < 0)
              first = i;
            last = i;
          }

      for (int i = first + 1; first >= 0 && i < last; i++)
        g_string_append_printf (body, "%s\n", lines[i]);
    }

  return g_string_free (body, FALSE);
}

/* The text of the column the values of the details are in, on every page. */
static char *
pdf_values_text (const char *pdf)
{
  double width, height, body, x;
  g_autofree char *xs = NULL;
  g_autofree char *ws = NULL;
  g_autofree char *hs = NULL;

  rung_paper_get_size (RUNG_PAPER_A4, &width, &height);
  body = width - 2 * RUNG_PRINT_MARGIN_SIDE;
  x = RUNG_PRINT_MARGIN_SIDE + (body - 12) / 4.2 + 12 - 2;
  xs = g_strdup_printf ("%d", (int)x);
  ws = g_strdup_printf ("%d", (int)(width - x));
  hs = g_strdup_printf ("%d", (int)(height - RUNG_PRINT_MARGIN_TOP - RUNG_PRINT_MARGIN_BOTTOM + 8));

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-x", xs, "-y", "64", "-W", ws, "-H", hs,
                           pdf, "-", NULL };

    return run_tool (argv);
  }
}

/* Asserts that each of @needles (NULL-terminated) is in @haystack, each
 * after the one before it. */
static void
assert_in_order (const char         *haystack,
                 const char * const *needles)
{
  g_autofree char *squeezed = squeeze (haystack);
  const char *from = squeezed;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      g_autofree char *needle = squeeze (needles[i]);
      const char *found = strstr (from, needle);

      if (found == NULL)
        g_error ("“%s” is missing or out of order; after the one before comes: %.1500s", needles[i], from);
      from = found + strlen (needle);
    }
}

/* The fixture: a panel of four candidates and four panelists, one of them
 * conflicted with Grace Hopper, one who stays away from the meeting. */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *grace = NULL;
  GString *word = g_string_new ("Antidisestablishmentarianism");

  fixture->dir = g_dir_make_tmp ("rung-minutes-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->ladder = rung_ladder_new_bundled ();
  fixture->panel = rung_panel_create (fixture->path, "Staff+ panel H2", "Engineering committee", "H2 2026",
                                      fixture->ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Secretary");

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      RungCandidate *candidate = rung_panel_add_candidate (fixture->panel, candidates[i][0], "L5", "L6",
                                                           "Manager Mxyzptlk", candidates[i][1], &error);

      g_assert_no_error (error);
      if (g_str_equal (candidates[i][0], "Grace Hopper"))
        grace = candidate;
    }

  fixture->chair = rung_panel_add_panelist (fixture->panel, "Katherine Johnson", "Chair", &error);
  g_assert_no_error (error);
  fixture->member = rung_panel_add_panelist (fixture->panel, "Margaret Hamilton", NULL, &error);
  g_assert_no_error (error);
  fixture->conflicted = rung_panel_add_panelist (fixture->panel, "Alan Turing", NULL, &error);
  g_assert_no_error (error);
  fixture->absent = rung_panel_add_panelist (fixture->panel, "Dorothy Vaughan", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rung_panel_set_conflict (fixture->panel, fixture->conflicted, grace, TRUE, "Former manager",
                                          &error));
  g_assert_no_error (error);

  while (word->len < 300)
    g_string_append (word, "Floccinaucinihilipilification");
  fixture->long_word = g_string_free (word, FALSE);
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
  g_free (fixture->long_word);
}

static RungCandidate *
candidate_named (Fixture    *fixture,
                 const char *name)
{
  RungCandidate *candidate = rung_panel_find_candidate_by_name (fixture->panel, name);

  g_assert_nonnull (candidate);
  return candidate;
}

static RungAgendaItem *
item_named (Fixture     *fixture,
            RungMeeting *meeting,
            const char  *name)
{
  RungAgendaItem *item = rung_meeting_find_item (meeting, candidate_named (fixture, name));

  g_assert_nonnull (item);
  return item;
}

static RungMeeting *
start_meeting (Fixture  *fixture,
               gboolean  blind)
{
  g_autoptr(GError) error = NULL;
  RungPanelist *attendees[] = { fixture->chair, fixture->member, fixture->conflicted };
  RungMeeting *meeting;

  meeting = rung_panel_start_meeting (fixture->panel, "Calibration <i>day</i>", 10, blind, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meeting);

  for (guint i = 0; i < G_N_ELEMENTS (agenda_order); i++)
    {
      g_assert_true (rung_meeting_move (meeting, item_named (fixture, meeting, agenda_order[i]), i, &error));
      g_assert_no_error (error);
    }

  g_assert_true (rung_meeting_set_attendees (meeting, attendees, G_N_ELEMENTS (attendees), &error));
  g_assert_no_error (error);

  return meeting;
}

static void
discuss (Fixture     *fixture,
         RungMeeting *meeting,
         const char  *name,
         guint        seconds)
{
  g_autoptr(GError) error = NULL;
  RungAgendaItem *item = item_named (fixture, meeting, name);

  g_assert_true (rung_meeting_set_current (meeting, item, &error));
  g_assert_no_error (error);
  g_assert_true (rung_meeting_add_time (meeting, item, seconds, &error));
  g_assert_no_error (error);
}

static void
decide (Fixture    *fixture,
        const char *name,
        const char *outcome,
        guint       votes_for,
        guint       votes_against,
        guint       votes_abstain,
        const char *rationale,
        const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (rung_panel_record_decision (fixture->panel, candidate_named (fixture, name), outcome,
                                                votes_for, votes_against, votes_abstain, rationale, reason,
                                                &error));
  g_assert_no_error (error);
}

/* As decide(), citing a new evidence item of @name's titled @title. */
static void
decide_citing (Fixture    *fixture,
               const char *name,
               const char *outcome,
               guint       votes_for,
               const char *rationale,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  RungCandidate *candidate = candidate_named (fixture, name);
  RungEvidence *evidence = rung_candidate_add_evidence (candidate, "l6-impact-results", title, "Notes.",
                                                        NULL, NULL, &error);

  g_assert_no_error (error);
  g_ptr_array_add (cited, evidence);
  g_assert_nonnull (rung_panel_record_decision_citing (fixture->panel, candidate, outcome, votes_for, 0, 0,
                                                       rationale, NULL, cited, &error));
  g_assert_no_error (error);
}

static char *
export_minutes (Fixture     *fixture,
                RungMeeting *meeting,
                const char  *name)
{
  g_autoptr(RungPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 24, 9, 30, 0);
  char *pdf = g_build_filename (fixture->dir, name, NULL);

  document = rung_print_document_new_minutes (fixture->panel, meeting);
  rung_print_document_set_date (document, date);
  g_assert_true (rung_pdf_export (document, pdf, RUNG_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rung_print_document_get_n_pages (document), >=, 1);

  return pdf;
}

/* The meeting of the main tests: Grace decided (revised during the
 * meeting) after a discussion that overran, Ada decided and revised once
 * the meeting had ended, Edsger discussed but not decided, Barbara decided
 * on the minute. */
static RungMeeting *
hold_meeting (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RungMeeting *meeting = start_meeting (fixture, FALSE);

  g_object_ref (meeting);

  discuss (fixture, meeting, "Grace Hopper", 750);
  decide (fixture, "Grace Hopper", "promote", 3, 0, 0, "First thoughts: promote.", NULL);
  decide (fixture, "Grace Hopper", "not-yet", 2, 0, 1, markup_rationale, "The panel looked again at growth.");

  discuss (fixture, meeting, "Ada Lovelace", 420);
  /* Its label names her, which blind minutes must not. */
  decide_citing (fixture, "Ada Lovelace", "promote", 4, "PRE-END rationale: strong across every area.",
                 "Lovelace's engine notes");

  discuss (fixture, meeting, "Edsger Dijkstra", 95);

  discuss (fixture, meeting, "Barbara Liskov", 600);
  {
    g_autofree char *rationale = g_strdup_printf ("%s %s", rtl_rationale, fixture->long_word);

    decide (fixture, "Barbara Liskov", "promote", 3, 1, 0, rationale, NULL);
  }

  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);

  /* After the end, in a later millisecond than the end itself. */
  g_usleep (20 * 1000);
  decide (fixture, "Ada Lovelace", "not-yet", 1, 3, 0, "POST-END rationale: should not be in the minutes.",
          "Reconsidered the next day.");

  return meeting;
}

/* Tests */

static void
test_minutes_record_the_meeting (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(RungMeeting) meeting = hold_meeting (fixture);
  g_autofree char *pdf = export_minutes (fixture, meeting, "minutes.pdf");
  g_autofree char *text = pdf_body_text (pdf);
  const char * const order[] = {
    "MINUTES OF THE MEETING",
    "Calibration <i>day</i>",
    "Staff+ panel H2",
    "Planned", "10 minutes for each candidate",
    "Blind", "No",
    "Attendees", "Alan Turing, Katherine Johnson, Margaret Hamilton", "3 panelists",

    "Candidates",
    "1", "Grace Hopper", "Not yet", "L5 → L6 · Compiler Works",
    "2 for, 0 against, 1 abstaining",
    "Alan Turing",
    "12 min 30 s of 10 min planned", "Overran by 2 min 30 s",
    markup_rationale,
    "Cites no evidence",
    "Revision 2, because: The panel looked again at growth.",

    "2", "Ada Lovelace", "Promote", "L5 → L6 · Analytical Engines",
    "4 for, 0 against, 0 abstaining",
    "Nobody",
    "7 min of 10 min planned",
    "PRE-END rationale: strong across every area.",
    "Evidence", "Cites: Lovelace's engine notes (Impact)",

    "3", "Edsger Dijkstra", "Not decided",
    "1 min 35 s of 10 min planned",

    "4", "Barbara Liskov", "Promote",
    "3 for, 1 against, 0 abstaining",
    "10 min of 10 min planned",

    "Summary",
    "3 of 4 candidates decided in the meeting.",
    "Promote", "2", "Ada Lovelace, Barbara Liskov",
    "Not yet", "1", "Grace Hopper",
    "Not decided", "1", "Edsger Dijkstra",
    "Time",
    "31 min 05 s of 40 min planned",
    "1 discussion took longer than planned",
    NULL
  };

  assert_in_order (text, order);

  /* The revision recorded after the meeting ended is not in its minutes;
   * the one it replaced is. */
  g_assert_false (contains_squeezed (text, "POST-END"));
  g_assert_false (contains_squeezed (text, "Reconsidered the next day"));
  g_assert_true (contains_squeezed (text, "PRE-END"));

  /* A panelist who did not attend is not in the minutes; Grace's first
   * revision, replaced during the meeting, is not either. */
  g_assert_false (contains_squeezed (text, "Dorothy Vaughan"));
  g_assert_false (contains_squeezed (text, "First thoughts"));

  /* Only Grace's discussion overran: Barbara's took exactly the time planned. */
  g_assert_null (strstr (strstr (text, "Barbara Liskov"), "Overran by"));

  /* The minutes name no manager. */
  g_assert_false (contains_squeezed (text, "Mxyzptlk"));
}

static void
test_minutes_hostile_text (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RungMeeting) meeting = hold_meeting (fixture);
  g_autofree char *pdf = export_minutes (fixture, meeting, "minutes.pdf");
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *values = pdf_values_text (pdf);

  /* Markup is printed as written, never parsed: the tags are there, and
   * so is the meeting's title with its own. */
  g_assert_true (contains_squeezed (text, markup_rationale));
  g_assert_true (contains_squeezed (text, "Calibration <i>day</i>"));

  /* Arabic and Hebrew whole, in their logical order; a word longer than
   * the column whole too, broken across lines. */
  g_assert_true (contains_squeezed (values, rtl_rationale));
  g_assert_true (contains_squeezed (values, fixture->long_word));
}

static void
test_minutes_pages_and_metadata (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(RungMeeting) meeting = hold_meeting (fixture);
  g_autofree char *pdf = export_minutes (fixture, meeting, "minutes.pdf");
  g_autofree char *info = pdf_info (pdf);
  g_autofree char *title = info_field (info, "Title");
  g_autofree char *author = info_field (info, "Author");
  g_autofree char *subject = info_field (info, "Subject");
  g_autofree char *pages_field = info_field (info, "Pages");
  g_autofree char *text = pdf_text (pdf);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n_pages = (guint)g_ascii_strtoull (pages_field, NULL, 10);

  g_assert_cmpstr (title, ==, "Minutes: Calibration <i>day</i>");
  g_assert_cmpstr (author, ==, "Engineering committee");
  g_assert_nonnull (strstr (subject, "Calibration <i>day</i>"));
  g_assert_nonnull (strstr (subject, "Staff+ panel H2"));
  g_assert_cmpuint (n_pages, >=, 1);

  assert_private_file (pdf);

  /* Every page: the panel and the minutes at the head, "Page X of Y" and
   * the confidentiality note at the foot. */
  assert_every_page_framed (pages, n_pages, "Staff+ panel H2", "Minutes: Calibration",
                            "Confidential: for the promotion committee only");
}

/* Enough candidates, with long rationales, for the minutes to run over pages. */
static void
test_minutes_span_pages (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) rationale = g_string_new (NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  RungMeeting *meeting;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra Candidate %02u", i + 1);

      rung_panel_add_candidate (fixture->panel, name, "L5", "L6", NULL, NULL, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (rationale, "Point %02u of the panel's reasoning. ", i + 1);
  g_string_append (rationale, "[END]");

  meeting = start_meeting (fixture, FALSE);
  g_object_ref (meeting);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra Candidate %02u", i + 1);

      discuss (fixture, meeting, name, 60 * (i + 1));
      decide (fixture, name, i % 2 ? "promote" : "not-yet", 2, 1, 0, rationale->str, NULL);
      g_ptr_array_add (order, g_steal_pointer (&name));
      g_ptr_array_add (order, g_strdup (rationale->str));
    }
  g_ptr_array_add (order, g_strdup ("12 of 16 candidates decided"));
  g_ptr_array_add (order, NULL);
  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);

  pdf = export_minutes (fixture, meeting, "long.pdf");
  text = pdf_body_text (pdf);
  info = pdf_info (pdf);
  pages = info_field (info, "Pages");
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), >=, 3);

  /* Each rationale whole, in agenda order (the new candidates follow the
   * four the agenda was set for, by name), and the summary after them. */
  assert_in_order (text, (const char * const *)order->pdata);
  g_object_unref (meeting);
}

/* While a blind meeting is under way its draft minutes give the aliases,
 * and nothing else that would tell who a candidate is; once it ends, the
 * minutes name everyone. */
static void
test_minutes_blind_meeting_under_way (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungMeeting) meeting = g_object_ref (start_meeting (fixture, TRUE));
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *ended_pdf = NULL;
  g_autofree char *ended_text = NULL;

  discuss (fixture, meeting, "Grace Hopper", 300);
  decide (fixture, "Grace Hopper", "promote", 3, 0, 0, "Decided while blind.", NULL);
  discuss (fixture, meeting, "Ada Lovelace", 200);

  pdf = export_minutes (fixture, meeting, "draft.pdf");
  text = pdf_text (pdf);
  info = pdf_info (pdf);

  g_assert_true (contains_squeezed (text, "DRAFT MINUTES"));

  /* Each of the four on the agenda under a letter: "2   Candidate C … Not decided". */
  {
    g_autoptr(GRegex) title = g_regex_new ("^ *[1-4] +Candidate [A-D] ", G_REGEX_MULTILINE, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint n = 0;

    g_regex_match (title, text, 0, &match);
    for (; g_match_info_matches (match); g_match_info_next (match, NULL))
      n++;
    g_assert_cmpuint (n, ==, 4);
    g_assert_true (contains_squeezed (text, "Candidate A"));
  }
  g_assert_true (contains_squeezed (text, "Decided while blind."));
  g_assert_true (contains_squeezed (text, "Alan Turing"));   /* panelists are named */

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *first = g_strndup (candidates[i][0], strchr (candidates[i][0], ' ') - candidates[i][0]);
      const char *surname = strchr (candidates[i][0], ' ') + 1;

      g_test_message ("looking for %s", candidates[i][0]);
      g_assert_false (contains_squeezed (text, first));
      g_assert_false (contains_squeezed (text, surname));
      g_assert_false (contains_squeezed (text, candidates[i][1]));
      g_assert_null (strstr (info, first));
      g_assert_null (strstr (info, surname));
      g_assert_null (strstr (info, candidates[i][1]));
    }
  g_assert_false (contains_squeezed (text, "Mxyzptlk"));

  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);

  ended_pdf = export_minutes (fixture, meeting, "ended.pdf");
  ended_text = pdf_text (ended_pdf);
  g_assert_true (contains_squeezed (ended_text, "MINUTES OF THE MEETING"));
  g_assert_false (contains_squeezed (ended_text, "DRAFT"));
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_assert_true (contains_squeezed (ended_text, candidates[i][0]));
      g_assert_true (contains_squeezed (ended_text, candidates[i][1]));
    }
}

/* Printed while a later blind meeting is under way, the minutes of an
 * earlier one give that meeting's letters too: a printout names nobody
 * while the panel is blind. */
static void
test_minutes_printed_while_blind (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungMeeting) earlier = hold_meeting (fixture);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  g_assert_nonnull (rung_panel_start_meeting (fixture->panel, "Second round", 10, TRUE, &error));
  g_assert_no_error (error);

  pdf = export_minutes (fixture, earlier, "earlier.pdf");
  text = pdf_text (pdf);
  info = pdf_info (pdf);

  g_assert_true (contains_squeezed (text, "MINUTES OF THE MEETING"));
  g_assert_true (contains_squeezed (text, "A blind meeting is under way: these minutes give its letters"));
  g_assert_true (contains_squeezed (text, "PRE-END rationale"));
  g_assert_true (contains_squeezed (text, "engine notes (Impact)"));
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *surname = strchr (candidates[i][0], ' ') + 1;

      g_assert_false (contains_squeezed (text, surname));
      g_assert_false (contains_squeezed (text, candidates[i][1]));
      g_assert_null (strstr (info, surname));
    }
}

/* A meeting that decided nothing and recorded no attendees still makes
 * minutes that say so. */
static void
test_minutes_of_an_empty_meeting (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungMeeting) meeting = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char * const order[] = {
    "Attendees", "None recorded",
    "1", "Ada Lovelace", "Not decided", "Not timed",
    "Summary", "0 of 4 candidates decided in the meeting.",
    "Not decided", "4",
    "0 s of 40 min planned",
    NULL
  };

  /* An earlier decision on Ada stands, and the minutes say it was not theirs. */
  decide (fixture, "Ada Lovelace", "promote", 3, 0, 0, "Decided before the meeting.", NULL);
  g_usleep (20 * 1000);

  meeting = g_object_ref (rung_panel_start_meeting (fixture->panel, "Nothing decided", 10, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (rung_meeting_end (meeting, &error));
  g_assert_no_error (error);

  pdf = export_minutes (fixture, meeting, "empty.pdf");
  text = pdf_body_text (pdf);
  assert_in_order (text, order);
  g_assert_true (contains_squeezed (text, "before the meeting"));
  g_assert_false (contains_squeezed (text, "Decided before the meeting."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rung/print/minutes/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("record-the-meeting", test_minutes_record_the_meeting);
  ADD ("hostile-text", test_minutes_hostile_text);
  ADD ("pages-and-metadata", test_minutes_pages_and_metadata);
  ADD ("span-pages", test_minutes_span_pages);
  ADD ("blind-meeting-under-way", test_minutes_blind_meeting_under_way);
  ADD ("printed-while-blind", test_minutes_printed_while_blind);
  ADD ("empty-meeting", test_minutes_of_an_empty_meeting);

  return g_test_run ();
}

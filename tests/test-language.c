/* test-language.c: subjective language: Rung's lists and how one is
 * picked, the matcher (whole words, case, phrases across lines, Unicode,
 * overlaps, hostile phrases), and a panel's own changes to the list:
 * written, audited, kept across a reopen, refused on a read-only panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rung-candidate.h"
#include "rung-demo.h"
#include "rung-evidence.h"
#include "rung-ladder.h"
#include "rung-language-matcher.h"
#include "rung-language-terms.h"
#include "rung-panel.h"
#include "rung-rating.h"
#include "store-fixture.h"

/* Rung's lists */

static void
check_list (GPtrArray  *terms,
            guint       at_least)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (terms->len, >=, at_least);
  for (guint i = 0; i < terms->len; i++)
    {
      RungLanguageTerm *term = g_ptr_array_index (terms, i);
      const char *reason = rung_language_term_get_reason (term);
      g_autofree char *folded = g_utf8_casefold (rung_language_term_get_phrase (term), -1);

      g_assert_true (rung_language_term_is_builtin (term));
      g_assert_false (rung_language_term_get_hidden (term));
      /* A reason a committee can read: a sentence or two, not a stub. */
      g_assert_cmpuint (g_utf8_strlen (reason, -1), >=, 30);
      g_assert_cmpuint (g_utf8_strlen (reason, -1), <=, RUNG_LANGUAGE_REASON_MAX);
      g_assert_true (g_str_has_suffix (reason, "."));
      g_assert_true (g_hash_table_add (seen, g_steal_pointer (&folded)));
    }
}

static void
test_bundled_lists (void)
{
  static const char * const english[] = { "en", NULL };
  static const char * const german[] = { "de", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) en = rung_language_terms_load_builtin (english, NULL, &error);
  g_autoptr(GPtrArray) de = NULL;

  g_assert_no_error (error);
  check_list (en, 25);
  de = rung_language_terms_load_builtin (german, NULL, &error);
  g_assert_no_error (error);
  check_list (de, 20);
}

static gboolean
list_has (GPtrArray  *terms,
          const char *phrase)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_str_equal (rung_language_term_get_phrase (g_ptr_array_index (terms, i)), phrase))
      return TRUE;

  return FALSE;
}

static void
test_language_is_picked (void)
{
  static const char * const austrian[] = { "de_AT.UTF-8", "de_AT", "de", "C", NULL };
  static const char * const unknown[] = { "xx_YY", "xx", "C", NULL };
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree char *language = NULL;

  terms = rung_language_terms_load_builtin (austrian, &language, NULL);
  g_assert_cmpstr (language, ==, "de");
  g_assert_true (list_has (terms, "schroff"));
  g_clear_pointer (&terms, g_ptr_array_unref);
  g_clear_pointer (&language, g_free);

  terms = rung_language_terms_load_builtin (unknown, &language, NULL);
  g_assert_cmpstr (language, ==, "en");
  g_assert_true (list_has (terms, "abrasive"));
  g_clear_pointer (&terms, g_ptr_array_unref);
  g_clear_pointer (&language, g_free);

  /* The user's own languages, as the environment says them. */
  g_setenv ("LANGUAGE", "de", TRUE);
  terms = rung_language_terms_load_builtin (NULL, &language, NULL);
  g_assert_cmpstr (language, ==, "de");
  g_clear_pointer (&terms, g_ptr_array_unref);
  g_clear_pointer (&language, g_free);

  g_setenv ("LANGUAGE", "C", TRUE);
  terms = rung_language_terms_load_builtin (NULL, &language, NULL);
  g_assert_cmpstr (language, ==, "en");
}

/* The matcher */

/* The matches of @phrases in @text as "start-end:index …". */
static char *
find (const char * const *phrases,
      const char         *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLanguageMatcher) matcher = rung_language_matcher_new (phrases, g_strv_length ((char **)phrases), &error);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  spans = rung_language_matcher_find (matcher, text, -1);
  for (guint i = 0; i < spans->len; i++)
    {
      const RungLanguageSpan *span = &g_array_index (spans, RungLanguageSpan, i);

      g_string_append_printf (out, "%s%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ":%u",
                              i ? " " : "", span->start, span->end, span->phrase_index);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define ASSERT_FINDS(phrases, text, expected) \
  G_STMT_START { g_autofree char *found_ = find (phrases, text); \
                 g_assert_cmpstr (found_, ==, expected); } G_STMT_END

static void
test_whole_words (void)
{
  const char * const phrases[] = { "bossy", "abrasive", NULL };

  ASSERT_FINDS (phrases, "bossy", "0-5:0");
  ASSERT_FINDS (phrases, "embossy", "");
  ASSERT_FINDS (phrases, "bossyness", "");
  ASSERT_FINDS (phrases, "bossy_x x_bossy 2bossy", "");
  ASSERT_FINDS (phrases, "Not bossy, just abrasive.", "4-9:0 16-24:1");
  ASSERT_FINDS (phrases, "(bossy)", "1-6:0");
  ASSERT_FINDS (phrases, "abrasive-sounding", "0-8:1");
}

static void
test_case (void)
{
  const char * const phrases[] = { "Lacks Presence", NULL };

  ASSERT_FINDS (phrases, "lacks presence", "0-14:0");
  ASSERT_FINDS (phrases, "LACKS PRESENCE", "0-14:0");
  ASSERT_FINDS (phrases, "She lAcKs PrEsEnCe.", "4-18:0");
}

static void
test_phrases_across_white_space (void)
{
  const char * const phrases[] = { "not a culture fit", NULL };
  const char * const spaced[] = { "  not   a\tculture fit ", NULL };

  ASSERT_FINDS (phrases, "He is not a\nculture fit.", "6-23:0");
  ASSERT_FINDS (phrases, "not  a \n\n culture\tfit", "0-21:0");
  /* A no-break space is white space too. */
  ASSERT_FINDS (phrases, "not a\xc2\xa0" "culture fit", "0-18:0");
  ASSERT_FINDS (phrases, "not aculture fit", "");
  /* However the phrase was spaced when it was written. */
  ASSERT_FINDS (spaced, "not a culture fit", "0-17:0");
}

static void
test_unicode (void)
{
  const char * const phrases[] = { "einschüchternd", "überheblich", "fleißig", NULL };

  /* Byte offsets: ü and ß take two bytes each. */
  ASSERT_FINDS (phrases, "Sehr einschüchternd.", "5-20:0");
  ASSERT_FINDS (phrases, "ÜBERHEBLICH", "0-12:1");
  ASSERT_FINDS (phrases, "Überheblich und fleißig", "0-12:1 17-25:2");
  /* A letter beyond ASCII is part of the word. */
  ASSERT_FINDS (phrases, "überheblichkeit äfleißig fleißigé", "");
  ASSERT_FINDS (phrases, "日本語fleißig", "");
}

static void
test_overlapping_phrases (void)
{
  const char * const phrases[] = { "culture fit", "not a culture fit", "fit", NULL };

  /* The longest phrase that starts first, once. */
  ASSERT_FINDS (phrases, "not a culture fit", "0-17:1");
  ASSERT_FINDS (phrases, "a culture fit", "2-13:0");
  ASSERT_FINDS (phrases, "fit, culture fit, not a culture fit", "0-3:2 5-16:0 18-35:1");
}

static void
test_apostrophes (void)
{
  const char * const phrases[] = { "doesn’t fit in", NULL };

  ASSERT_FINDS (phrases, "She doesn't fit in.", "4-18:0");
  ASSERT_FINDS (phrases, "She doesn’t fit in.", "4-20:0");
}

static void
test_hostile_phrases (void)
{
  const char * const phrases[] = { "a.b", "c++", "(x|y)*", "\\d+", "[z]", "$)", NULL };

  ASSERT_FINDS (phrases, "axb", "");
  ASSERT_FINDS (phrases, "a.b", "0-3:0");
  ASSERT_FINDS (phrases, "c c++", "2-5:1");
  ASSERT_FINDS (phrases, "x xy (x|y)*", "5-11:2");
  ASSERT_FINDS (phrases, "123 \\d+", "4-7:3");
  ASSERT_FINDS (phrases, "z [z]", "2-5:4");
}

static void
test_empty_list (void)
{
  const char * const none[] = { "", "   ", NULL };

  ASSERT_FINDS (none, "anything at all", "");
}

/* Measured, not asserted: the tests' machines are shared and noisy. */
static void
test_speed_on_a_long_text (void)
{
  static const char * const english[] = { "en", NULL };
  g_autoptr(GPtrArray) terms = rung_language_terms_load_builtin (english, NULL, NULL);
  g_autoptr(GPtrArray) phrases = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RungLanguageMatcher) matcher = NULL;
  gint64 start, elapsed;
  guint found = 0;
  const guint runs = 200;

  for (guint i = 0; i < terms->len; i++)
    {
      RungLanguageTerm *term = g_ptr_array_index (terms, i);
      const char * const *forms = rung_language_term_get_forms (term);

      g_ptr_array_add (phrases, (gpointer)rung_language_term_get_phrase (term));
      for (guint f = 0; forms && forms[f]; f++)
        g_ptr_array_add (phrases, (gpointer)forms[f]);
    }
  matcher = rung_language_matcher_new ((const char * const *)phrases->pdata, phrases->len, NULL);

  while (text->len < 5000)
    g_string_append (text, "Led the migration of the ledger, and can be abrasive in design reviews. ");

  start = g_get_monotonic_time ();
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GArray) spans = rung_language_matcher_find (matcher, text->str, text->len);

      found = spans->len;
    }
  elapsed = g_get_monotonic_time () - start;

  g_assert_cmpuint (found, ==, (text->len + 71) / 72);
  g_test_message ("%u phrases in %" G_GSIZE_FORMAT " bytes: %.1f µs a scan (%u matches)",
                  phrases->len, text->len, (double)elapsed / runs, found);
}

/* A panel's list */

typedef struct
{
  char      *dir;
  char      *path;
  RungPanel *panel;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = rung_ladder_new_bundled ();

  fixture->dir = g_dir_make_tmp ("rung-language-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "cycle.rung", NULL);
  fixture->panel = rung_panel_create (fixture->path, "H2 2026", NULL, NULL, ladder, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->panel != NULL)
    rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
reopen (Fixture            *fixture,
        RungStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  fixture->panel = rung_panel_open (fixture->path, flags, &error);
  g_assert_no_error (error);
  rung_panel_set_user_name (fixture->panel, "Test Chair");
}

/* The phrases of @terms found in @text, by phrase, separated by "|". */
static char *
phrases_in (RungLanguageTerms *terms,
            const char        *text)
{
  g_autoptr(GArray) matches = rung_language_terms_find (terms, text, -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      RungLanguageMatch *match = &g_array_index (matches, RungLanguageMatch, i);

      g_string_append_printf (out, "%s%s", i ? "|" : "", rung_language_term_get_phrase (match->term));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define ASSERT_MARKS(terms, text, expected) \
  G_STMT_START { g_autofree char *found_ = phrases_in (terms, text); \
                 g_assert_cmpstr (found_, ==, expected); } G_STMT_END

static void
on_changed (RungLanguageTerms *terms,
            guint             *count)
{
  (*count)++;
}

static guint
count_audit (RungPanel  *panel,
             const char *action,
             const char *phrase)
{
  g_autoptr(GPtrArray) audit = rung_panel_list_audit (panel, 100, NULL);
  g_autofree char *quoted = g_strdup_printf ("\"phrase\":\"%s\"", phrase);
  guint n = 0;

  for (guint i = 0; i < audit->len; i++)
    {
      RungAuditRecord *record = g_ptr_array_index (audit, i);
      const char *row = record->after ? record->after : record->before;

      n += g_str_equal (record->entity, "language-term") && g_str_equal (record->action, action) &&
           g_str_equal (record->who, "Test Chair") && row != NULL && strstr (row, quoted) != NULL;
    }

  return n;
}

static void
test_panel_list_is_rungs (Fixture       *fixture,
                          gconstpointer  data)
{
  RungLanguageTerms *terms = rung_panel_get_language_terms (fixture->panel);
  g_autoptr(RungLanguageTerm) first = g_list_model_get_item (G_LIST_MODEL (terms), 0);

  g_assert_true (rung_panel_get_language_terms (fixture->panel) == terms);
  g_assert_cmpstr (rung_language_terms_get_language (terms), ==, "en");
  g_assert_cmpstr (rung_language_term_get_phrase (first), ==, "abrasive");
  g_assert_true (rung_language_terms_can_edit (terms));
  ASSERT_MARKS (terms, "Can come across as Abrasive in reviews, and is not a cultural fit.",
                "abrasive|not a culture fit");
  /* A form marks with its phrase. */
  ASSERT_MARKS (terms, "Her abrasiveness", "abrasive");
}

static void
test_add_and_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  RungLanguageTerms *terms = rung_panel_get_language_terms (fixture->panel);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (terms));
  g_autoptr(GError) error = NULL;
  RungLanguageTerm *term;
  guint changes = 0;

  g_signal_connect (terms, "changed", G_CALLBACK (on_changed), &changes);
  ASSERT_MARKS (terms, "a rockstar engineer", "");

  term = rung_language_terms_add (terms, "  rockstar \n engineer ", " Says little about the work. ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rung_language_term_get_phrase (term), ==, "rockstar engineer");
  g_assert_cmpstr (rung_language_term_get_reason (term), ==, "Says little about the work.");
  g_assert_false (rung_language_term_is_builtin (term));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (terms)), ==, n + 1);
  g_assert_cmpuint (changes, ==, 1);
  ASSERT_MARKS (terms, "a Rockstar\nEngineer", "rockstar engineer");
  g_assert_cmpuint (count_audit (fixture->panel, "add", "rockstar engineer"), ==, 1);

  /* Kept in the file. */
  reopen (fixture, RUNG_STORE_OPEN_DEFAULT);
  terms = rung_panel_get_language_terms (fixture->panel);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (terms)), ==, n + 1);
  term = rung_language_terms_lookup (terms, "ROCKSTAR ENGINEER");
  g_assert_nonnull (term);
  g_assert_cmpstr (rung_language_term_get_reason (term), ==, "Says little about the work.");
  ASSERT_MARKS (terms, "a rockstar engineer", "rockstar engineer");

  g_assert_true (rung_language_terms_remove (terms, term, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (terms)), ==, n);
  ASSERT_MARKS (terms, "a rockstar engineer", "");
  g_assert_cmpuint (count_audit (fixture->panel, "delete", "rockstar engineer"), ==, 1);

  reopen (fixture, RUNG_STORE_OPEN_DEFAULT);
  terms = rung_panel_get_language_terms (fixture->panel);
  g_assert_null (rung_language_terms_lookup (terms, "rockstar engineer"));
}

static void
test_additions_are_checked (Fixture       *fixture,
                            gconstpointer  data)
{
  RungLanguageTerms *terms = rung_panel_get_language_terms (fixture->panel);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (terms));
  g_autofree char *long_phrase = g_strnfill (RUNG_LANGUAGE_PHRASE_MAX + 1, 'a');
  g_autofree char *long_reason = g_strnfill (RUNG_LANGUAGE_REASON_MAX + 1, 'r');
  g_autoptr(GError) error = NULL;
  RungLanguageTerm *abrasive = rung_language_terms_lookup (terms, "abrasive");
  const struct { const char *phrase, *reason; } refused[] = {
    { "", "A reason." },
    { " \t ", "A reason." },
    { "?!…", "Punctuation alone would mark every comma." },
    { long_phrase, "Too long." },
    { "wizard", "" },
    { "wizard", "   " },
    { "wizard", long_reason },
    { "Abrasive", "On Rung's list already." },
    { "abrasiveness", "A form of a phrase on Rung's list." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_null (rung_language_terms_add (terms, refused[i].phrase, refused[i].reason, &error));
      g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
      g_clear_error (&error);
    }

  g_assert_nonnull (rung_language_terms_add (terms, "wizard", "Says little about the work.", &error));
  g_assert_null (rung_language_terms_add (terms, "WIZARD", "Twice.", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  /* Rung's phrases are hidden, not removed; the panel's are removed. */
  g_assert_false (rung_language_terms_remove (terms, abrasive, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_language_terms_set_hidden (terms, rung_language_terms_lookup (terms, "wizard"), TRUE, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (terms)), ==, n + 1);
}

static void
test_a_hostile_addition_is_literal (Fixture       *fixture,
                                    gconstpointer  data)
{
  RungLanguageTerms *terms = rung_panel_get_language_terms (fixture->panel);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (rung_language_terms_add (terms, "ninja (.*)", "Literal.", &error));
  g_assert_no_error (error);
  g_assert_nonnull (rung_language_terms_add (terms, "x|", "Literal.", &error));
  g_assert_no_error (error);
  ASSERT_MARKS (terms, "a ninja engineer", "");
  ASSERT_MARKS (terms, "a ninja (.*) engineer", "ninja (.*)");
  ASSERT_MARKS (terms, "x y z", "");
  ASSERT_MARKS (terms, "x| is it", "x|");
  /* Rung's phrases are still found beside them. */
  ASSERT_MARKS (terms, "bossy ninja (.*)", "bossy|ninja (.*)");
}

static void
test_hide_and_show (Fixture       *fixture,
                    gconstpointer  data)
{
  RungLanguageTerms *terms = rung_panel_get_language_terms (fixture->panel);
  RungLanguageTerm *bossy = rung_language_terms_lookup (terms, "bossy");
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (terms, "changed", G_CALLBACK (on_changed), &changes);
  g_assert_true (rung_language_terms_set_hidden (terms, bossy, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (rung_language_term_get_hidden (bossy));
  g_assert_cmpuint (changes, ==, 1);
  ASSERT_MARKS (terms, "bossy and abrasive", "abrasive");
  g_assert_cmpuint (count_audit (fixture->panel, "hide", "bossy"), ==, 1);

  /* Hiding twice changes nothing, and is not audited twice. */
  g_assert_true (rung_language_terms_set_hidden (terms, bossy, TRUE, &error));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (count_audit (fixture->panel, "hide", "bossy"), ==, 1);

  reopen (fixture, RUNG_STORE_OPEN_DEFAULT);
  terms = rung_panel_get_language_terms (fixture->panel);
  bossy = rung_language_terms_lookup (terms, "bossy");
  g_assert_true (rung_language_term_get_hidden (bossy));
  ASSERT_MARKS (terms, "bossy and abrasive", "abrasive");

  g_assert_true (rung_language_terms_set_hidden (terms, bossy, FALSE, &error));
  g_assert_no_error (error);
  ASSERT_MARKS (terms, "bossy and abrasive", "bossy|abrasive");
  g_assert_cmpuint (count_audit (fixture->panel, "unhide", "bossy"), ==, 1);

  reopen (fixture, RUNG_STORE_OPEN_DEFAULT);
  terms = rung_panel_get_language_terms (fixture->panel);
  g_assert_false (rung_language_term_get_hidden (rung_language_terms_lookup (terms, "bossy")));
}

static void
test_read_only_panel_refuses_edits (Fixture       *fixture,
                                    gconstpointer  data)
{
  RungLanguageTerms *terms = rung_panel_get_language_terms (fixture->panel);
  g_autoptr(GError) error = NULL;
  RungLanguageTerm *term;

  g_assert_nonnull (rung_language_terms_add (terms, "wizard", "Says little about the work.", &error));
  rung_panel_close (fixture->panel);
  g_clear_object (&fixture->panel);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  fixture->panel = rung_panel_open (fixture->path, RUNG_STORE_OPEN_READ_ONLY_OK, &error);
  g_assert_no_error (error);
  g_assert_true (rung_panel_is_read_only (fixture->panel));

  /* Read, and marked, as it was. */
  terms = rung_panel_get_language_terms (fixture->panel);
  g_assert_false (rung_language_terms_can_edit (terms));
  ASSERT_MARKS (terms, "a bossy wizard", "bossy|wizard");

  g_assert_null (rung_language_terms_add (terms, "guru", "Says little about the work.", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  term = rung_language_terms_lookup (terms, "wizard");
  g_assert_false (rung_language_terms_remove (terms, term, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  term = rung_language_terms_lookup (terms, "bossy");
  g_assert_false (rung_language_terms_set_hidden (terms, term, TRUE, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_READ_ONLY);
  g_assert_false (rung_language_term_get_hidden (term));
  ASSERT_MARKS (terms, "a bossy wizard", "bossy|wizard");
}

/* The demo shows the marks: a rating comment and an evidence text. */
static void
test_demo_has_marks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rung-language-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.rung", NULL);
  g_autoptr(RungPanel) panel = rung_demo_create (path, &error);
  RungLanguageTerms *terms;
  RungCandidate *lan, *viktor;
  GListModel *ratings, *items;
  guint marked = 0;

  g_assert_no_error (error);
  terms = rung_panel_get_language_terms (panel);
  viktor = rung_panel_find_candidate_by_name (panel, "Viktor Petrov");
  ratings = rung_candidate_get_ratings (viktor);
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(RungRating) rating = g_list_model_get_item (ratings, i);
      g_autofree char *found = phrases_in (terms, rung_rating_get_comment (rating));

      marked += g_str_equal (found, "abrasive");
    }
  g_assert_cmpuint (marked, ==, 1);

  lan = rung_panel_find_candidate_by_name (panel, "Nguyễn Thị Lan");
  items = rung_candidate_get_evidence (lan, "l6-culture-values");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  {
    g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, 0);

    ASSERT_MARKS (terms, rung_evidence_get_text (evidence), "helpful");
  }

  rung_panel_close (panel);
  store_fixture_remove_dir (dir);
}

static void
test_store_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rung-language-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.rung", NULL);
  g_autoptr(RungStore) store = store_fixture_create (path);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (rung_store_add_language_term (store, "me", "Guru", "Vague.", &error));
  g_assert_false (rung_store_add_language_term (store, "me", "guru", "Again.", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_false (rung_store_add_language_term (store, "me", "oracle", " ", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  /* An addition is removed, not hidden; a hidden phrase is shown, not removed. */
  g_assert_false (rung_store_set_language_term_hidden (store, "me", "guru", TRUE, &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_RULE);
  g_clear_error (&error);
  g_assert_true (rung_store_set_language_term_hidden (store, "me", "bossy", TRUE, &error));
  g_assert_false (rung_store_remove_language_term (store, "me", "bossy", &error));
  g_assert_error (error, RUNG_STORE_ERROR, RUNG_STORE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  rows = rung_store_list_language_terms (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((RungLanguageTermRecord *)rows->pdata[0])->phrase, ==, "bossy");
  g_assert_true (((RungLanguageTermRecord *)rows->pdata[0])->hidden);
  g_assert_cmpstr (((RungLanguageTermRecord *)rows->pdata[1])->phrase, ==, "Guru");
  g_assert_cmpstr (((RungLanguageTermRecord *)rows->pdata[1])->reason, ==, "Vague.");

  g_clear_pointer (&store, rung_store_close);
  store_fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rung/language/list/bundled", test_bundled_lists);
  g_test_add_func ("/rung/language/list/language-is-picked", test_language_is_picked);
  g_test_add_func ("/rung/language/match/whole-words", test_whole_words);
  g_test_add_func ("/rung/language/match/case", test_case);
  g_test_add_func ("/rung/language/match/across-white-space", test_phrases_across_white_space);
  g_test_add_func ("/rung/language/match/unicode", test_unicode);
  g_test_add_func ("/rung/language/match/overlapping", test_overlapping_phrases);
  g_test_add_func ("/rung/language/match/apostrophes", test_apostrophes);
  g_test_add_func ("/rung/language/match/hostile-phrases", test_hostile_phrases);
  g_test_add_func ("/rung/language/match/empty-list", test_empty_list);
  g_test_add_func ("/rung/language/match/speed", test_speed_on_a_long_text);
  g_test_add_func ("/rung/language/store/rules", test_store_rules);
  g_test_add_func ("/rung/language/demo-has-marks", test_demo_has_marks);

#define ADD(path, func) \
  g_test_add ("/rung/language/panel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("is-rungs-list", test_panel_list_is_rungs);
  ADD ("add-and-remove", test_add_and_remove);
  ADD ("additions-are-checked", test_additions_are_checked);
  ADD ("hostile-addition-is-literal", test_a_hostile_addition_is_literal);
  ADD ("hide-and-show", test_hide_and_show);
  ADD ("read-only-refuses-edits", test_read_only_panel_refuses_edits);
#undef ADD

  return g_test_run ();
}

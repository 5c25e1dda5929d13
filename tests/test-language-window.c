/* test-language-window.c: subjective language in the window: marks as
 * evidence is typed (exactly over the phrase, with its reason in the
 * tooltip and in the note under the field), gone when the phrase is; rating
 * comments and the decision's rationale marked; the Subjective Language
 * window hiding a phrase of Rung's and adding the panel's own, which every
 * open field follows; and a read-only panel's list, shown but not changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-decision-dialog.h"
#include "rung-evidence.h"
#include "rung-evidence-editor.h"
#include "rung-language-highlighter.h"
#include "rung-language-note.h"
#include "rung-language-terms.h"
#include "rung-language-window.h"
#include "window-fixture.h"

static RungEvidenceEditor *
find_first_editor (GtkWidget *widget)
{
  if (RUNG_IS_EVIDENCE_EDITOR (widget))
    return RUNG_EVIDENCE_EDITOR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      RungEvidenceEditor *found = find_first_editor (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every widget of @type under @widget, popovers included. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* Whether some label under @widget says @text, shown or in a popover. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;

  return FALSE;
}

/* The marked characters of a text view, as "start-end" ranges. */
static char *
tagged_ranges (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), RUNG_LANGUAGE_TAG);
  g_autoptr(GString) out = g_string_new (NULL);
  GtkTextIter iter;
  int start = -1;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      gboolean tagged = gtk_text_iter_has_tag (&iter, tag) && !gtk_text_iter_is_end (&iter);

      if (tagged && start < 0)
        start = gtk_text_iter_get_offset (&iter);
      else if (!tagged && start >= 0)
        {
          g_string_append_printf (out, "%s%d-%d", out->len ? " " : "", start, gtk_text_iter_get_offset (&iter));
          start = -1;
        }
    }
  while (gtk_text_iter_forward_char (&iter) || (start >= 0 && !gtk_text_iter_is_end (&iter)));

  if (start >= 0)
    g_string_append_printf (out, "%s%d-%d", out->len ? " " : "", start, gtk_text_iter_get_offset (&iter));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define ASSERT_TAGGED(view, expected) \
  G_STMT_START { g_autofree char *ranges_ = tagged_ranges (view); \
                 g_assert_cmpstr (ranges_, ==, expected); } G_STMT_END

static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  /* As typing does: a character at a time, at the cursor. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
}

static const char *
reason_of (Fixture    *fixture,
           const char *phrase)
{
  RungLanguageTerms *terms = rung_panel_get_language_terms (rung_window_get_panel (fixture->window));

  return rung_language_term_get_reason (rung_language_terms_lookup (terms, phrase));
}

static void
test_evidence_is_marked_as_typed (Fixture       *fixture,
                                  gconstpointer  data)
{
  RungEvidenceEditor *editor;
  GtkTextView *text_view;
  GtkEntry *title;
  RungLanguageNote *note;
  RungLanguageHighlighter *highlighter;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  open_demo (fixture);
  editor = find_first_editor (GTK_WIDGET (candidate_page_of (fixture)));
  text_view = template_child (editor, RUNG_TYPE_EVIDENCE_EDITOR, "text_view");
  title = template_child (editor, RUNG_TYPE_EVIDENCE_EDITOR, "title_entry");
  note = template_child (editor, RUNG_TYPE_EVIDENCE_EDITOR, "language_note");
  highlighter = rung_language_highlighter_get_for (GTK_WIDGET (text_view));
  buffer = gtk_text_view_get_buffer (text_view);

  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  type_text (text_view, "Can be abrasive");
  ASSERT_TAGGED (text_view, "7-15");
  /* Not yet a word of its own: "abrasively" is not the phrase. */
  type_text (text_view, "ly");
  ASSERT_TAGGED (text_view, "");
  gtk_text_buffer_get_end_iter (buffer, &end);
  start = end;
  gtk_text_iter_backward_chars (&start, 2);
  gtk_text_buffer_delete (buffer, &start, &end);
  type_text (text_view, " in reviews.");
  ASSERT_TAGGED (text_view, "7-15");

  /* The reason: over the mark, in the note, in the note's popover. */
  g_assert_cmpstr (rung_language_highlighter_get_reason_at (highlighter, 7), ==, reason_of (fixture, "abrasive"));
  g_assert_cmpstr (rung_language_highlighter_get_reason_at (highlighter, 14), ==, reason_of (fixture, "abrasive"));
  g_assert_null (rung_language_highlighter_get_reason_at (highlighter, 6));
  g_assert_null (rung_language_highlighter_get_reason_at (highlighter, 15));
  iterate_main_loop ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (note)));
  g_assert_cmpstr (rung_language_note_get_label (note), ==, "1 phrase to reconsider");
  g_assert_true (has_label (rung_language_note_get_list (note), "“abrasive”"));
  g_assert_true (has_label (rung_language_note_get_list (note), reason_of (fixture, "abrasive")));
  save_screenshot (GTK_WIDGET (fixture->window), "subjective-language-typed.png");

  /* The title counts too, and the note lists both. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Bossy at times");
  g_assert_cmpuint (rung_language_note_get_n_matches (note), ==, 2);
  g_assert_nonnull (gtk_entry_get_attributes (title));
  g_assert_true (has_label (rung_language_note_get_list (note), "“Bossy”"));

  /* Removing the words removes the marks, and the note goes. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Reviews");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 7);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 16);
  gtk_text_buffer_delete (buffer, &start, &end);
  ASSERT_TAGGED (text_view, "");
  g_assert_cmpuint (rung_language_note_get_n_matches (note), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (note)));
  g_assert_cmpuint (rung_language_highlighter_get_n_matches (highlighter), ==, 0);
}

/* The entry of the underline attributes, as "start-end" byte ranges. */
static char *
underlined_ranges (GtkEntry *entry)
{
  PangoAttrList *attributes = gtk_entry_get_attributes (entry);
  g_autoptr(GString) out = g_string_new (NULL);
  GSList *list = attributes ? pango_attr_list_get_attributes (attributes) : NULL;

  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_UNDERLINE)
        g_string_append_printf (out, "%s%u-%u", out->len ? " " : "", attribute->start_index, attribute->end_index);
    }
  g_slist_free_full (list, (GDestroyNotify)pango_attribute_destroy);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_rating_comment_is_marked (Fixture       *fixture,
                               gconstpointer  data)
{
  RungCandidatePage *page;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkEntry *marked = NULL;
  guint n_marked = 0;

  open_demo (fixture);
  page = candidate_page_of (fixture);
  rung_panel_view_select (panel_view_of (fixture),
                          rung_panel_find_candidate_by_name (rung_window_get_panel (fixture->window), "Viktor Petrov"));
  gtk_stack_set_visible_child_name (template_child (page, RUNG_TYPE_CANDIDATE_PAGE, "view_stack"), "panel");
  iterate_main_loop ();

  collect (GTK_WIDGET (page), GTK_TYPE_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    {
      RungLanguageHighlighter *highlighter = rung_language_highlighter_get_for (entries->pdata[i]);

      if (highlighter != NULL && rung_language_highlighter_get_n_matches (highlighter) > 0)
        {
          marked = entries->pdata[i];
          n_marked++;
        }
    }

  /* The demo's one comment with a phrase of the list. */
  g_assert_cmpuint (n_marked, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (marked)), ==, "Can come across as abrasive in reviews.");
  {
    g_autofree char *ranges = underlined_ranges (marked);

    g_assert_cmpstr (ranges, ==, "19-27");
  }
  g_assert_true (g_str_has_suffix (gtk_widget_get_tooltip_text (GTK_WIDGET (marked)), reason_of (fixture, "abrasive")));

  /* Typed away, the mark goes. */
  gtk_editable_set_text (GTK_EDITABLE (marked), "Can come across as curt in reviews.");
  {
    g_autofree char *ranges = underlined_ranges (marked);

    g_assert_cmpstr (ranges, ==, "");
  }
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (marked)));
}

static void
test_rationale_is_marked (Fixture       *fixture,
                          gconstpointer  data)
{
  RungPanel *panel;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  GtkTextView *rationale;

  open_demo (fixture);
  panel = rung_window_get_panel (fixture->window);
  dialog = rung_decision_dialog_present (GTK_WIDGET (fixture->window),
                                         rung_panel_find_candidate_by_name (panel, "Viktor Petrov"), NULL, NULL);
  iterate_main_loop ();

  collect (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  rationale = views->pdata[0];
  gtk_widget_grab_focus (GTK_WIDGET (rationale));
  type_text (rationale, "Strong record, but not a\nculture fit for L6.");
  ASSERT_TAGGED (rationale, "19-36");

  collect (GTK_WIDGET (dialog), RUNG_TYPE_LANGUAGE_NOTE, notes);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (rung_language_note_get_label (notes->pdata[0]), ==, "1 phrase to reconsider");
  g_assert_true (has_label (rung_language_note_get_list (notes->pdata[0]), reason_of (fixture, "not a culture fit")));
  save_screenshot (GTK_WIDGET (dialog), "subjective-language-rationale.png");

  gtk_window_destroy (dialog);
}

static RungLanguageWindow *
open_language_window (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.subjective-language", NULL);
  iterate_main_loop ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (RUNG_IS_LANGUAGE_WINDOW (window))
        return RUNG_LANGUAGE_WINDOW (window);
    }

  g_assert_not_reached ();
}

/* The row of @phrase in a list of the language window. */
static GtkWidget *
row_of (RungLanguageWindow *window,
        const char         *list_name,
        const char         *phrase)
{
  GtkWidget *list = template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, list_name);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), phrase) == 0)
      return row;

  return NULL;
}

static gpointer
first_of_type (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  g_assert_cmpuint (found->len, >=, 1);

  return found->pdata[0];
}

static void
test_list_window_changes_the_marks (Fixture       *fixture,
                                    gconstpointer  data)
{
  RungEvidenceEditor *editor;
  GtkTextView *text_view;
  RungLanguageWindow *window;
  GtkSwitch *bossy;
  GtkWidget *row;

  open_demo (fixture);
  editor = find_first_editor (GTK_WIDGET (candidate_page_of (fixture)));
  text_view = template_child (editor, RUNG_TYPE_EVIDENCE_EDITOR, "text_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "Bossy, abrasive, a rockstar.", -1);
  ASSERT_TAGGED (text_view, "0-5 7-15");

  window = open_language_window (fixture);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_false (gtk_widget_get_visible (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, "read_only_label")));
  /* The panel has no phrases of its own yet: the list says so. */
  g_assert_true (has_label (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, "own_list"),
                            "No phrases of the panel’s own yet. Add one below, with the reason to show beside it."));
  save_screenshot (GTK_WIDGET (window), "subjective-language-window-empty.png");

  /* Hiding Rung's "bossy" takes its mark away at once. */
  row = row_of (window, "builtin_list", "bossy");
  g_assert_nonnull (row);
  bossy = first_of_type (row, GTK_TYPE_SWITCH);
  g_assert_true (gtk_switch_get_active (bossy));
  gtk_switch_set_active (bossy, FALSE);
  ASSERT_TAGGED (text_view, "7-15");
  g_assert_true (rung_language_term_get_hidden (rung_language_terms_lookup (
    rung_panel_get_language_terms (rung_window_get_panel (fixture->window)), "bossy")));

  /* The panel's own phrase marks too, and is removed again. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, "phrase_entry")), "rockstar");
  gtk_editable_set_text (GTK_EDITABLE (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, "reason_entry")),
                         "Says little about the work. Describe what was achieved.");
  gtk_widget_activate_action (GTK_WIDGET (window), "language.add", NULL);
  iterate_main_loop ();
  ASSERT_TAGGED (text_view, "7-15 19-27");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW,
                                                                        "phrase_entry"))), ==, "");
  row = row_of (window, "own_list", "rockstar");
  g_assert_nonnull (row);
  save_screenshot (GTK_WIDGET (window), "subjective-language-window.png");

  /* A phrase without a reason is refused, and the window says why. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, "phrase_entry")), "ninja");
  gtk_widget_activate_action (GTK_WIDGET (window), "language.add", NULL);
  g_assert_cmpstr (gtk_label_get_text (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, "error_label")), ==,
                   "A phrase needs a reason, shown to whoever writes it.");
  g_assert_null (row_of (window, "own_list", "ninja"));

  {
    GtkWidget *remove = first_of_type (row, GTK_TYPE_BUTTON);

    g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Remove Phrase");
    g_signal_emit_by_name (remove, "clicked");
    iterate_main_loop ();
  }
  g_assert_null (row_of (window, "own_list", "rockstar"));
  ASSERT_TAGGED (text_view, "7-15");

  gtk_switch_set_active (first_of_type (row_of (window, "builtin_list", "bossy"), GTK_TYPE_SWITCH), TRUE);
  ASSERT_TAGGED (text_view, "0-5 7-15");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_read_only_list_window (Fixture       *fixture,
                            gconstpointer  data)
{
  RungLanguageWindow *window;
  GtkWidget *row;

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  open_demo (fixture);
  g_assert_true (rung_panel_is_read_only (rung_window_get_panel (fixture->window)));

  window = open_language_window (fixture);
  g_assert_true (gtk_widget_get_visible (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, "read_only_label")));
  g_assert_false (gtk_widget_get_visible (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, "add_form")));
  g_assert_true (has_label (template_child (window, RUNG_TYPE_LANGUAGE_WINDOW, "own_list"),
                            "The panel has no phrases of its own."));
  row = row_of (window, "builtin_list", "abrasive");
  g_assert_false (gtk_widget_is_sensitive (first_of_type (row, GTK_TYPE_SWITCH)));
  /* Its other forms are listed with it. */
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "\nAlso marks: abrasiveness"));
  g_assert_false (rung_language_terms_can_edit (rung_panel_get_language_terms (rung_window_get_panel (fixture->window))));
  save_screenshot (GTK_WIDGET (window), "subjective-language-window-read-only.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/rung/language-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("evidence-is-marked-as-typed", test_evidence_is_marked_as_typed);
  ADD ("rating-comment-is-marked", test_rating_comment_is_marked);
  ADD ("rationale-is-marked", test_rationale_is_marked);
  ADD ("list-window-changes-the-marks", test_list_window_changes_the_marks);
  ADD ("read-only-list-window", test_read_only_list_window);
#undef ADD

  return g_test_run ();
}

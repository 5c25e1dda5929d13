/* rung-language-highlighter.c: marks the subjective language of a panel's
 * list in a text field, as it is typed: a wavy underline (a GtkTextTag in
 * a text view, Pango attributes in an entry), the reason in a tooltip over
 * the mark, and the phrases with their reasons in the field's accessible
 * description, for screen readers. RungLanguageNote lists them under the
 * field for the keyboard. Nothing is blocked or changed: a mark is only a
 * prompt to reconsider.
 *
 * The field owns its highlighter. Every change of the text rescans it
 * whole: one pass of the list's compiled expression, far cheaper than the
 * layout a keystroke costs anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-language-highlighter"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rung-language-highlighter.h"
#include "rung-language-terms.h"

#define HIGHLIGHTER_KEY "rung-language-highlighter"

/* Adwaita's orange: apart from the red of spelling, legible on light and
 * dark backgrounds alike. A faint wash of it behind the phrase makes the
 * mark findable at a glance; the text keeps its colour. */
#define LIGHT_COLOUR "#e66100"
#define DARK_COLOUR "#ffa348"
#define WASH_ALPHA 0.14

struct _RungLanguageHighlighter
{
  GObject            parent_instance;

  GtkWidget         *field;          /* weak: a GtkTextView or a GtkEntry */
  RungLanguageTerms *terms;
  char              *text;           /* as last scanned */
  GArray            *matches;        /* RungLanguageMatch, byte offsets into text */
  GArray            *char_ranges;    /* the same, as pairs of character offsets */
};

G_DEFINE_FINAL_TYPE (RungLanguageHighlighter, rung_language_highlighter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void rescan (RungLanguageHighlighter *self);

static GdkRGBA
mark_colour (void)
{
  GdkRGBA colour;

  gdk_rgba_parse (&colour, adw_style_manager_get_dark (adw_style_manager_get_default ())
                           ? DARK_COLOUR : LIGHT_COLOUR);
  return colour;
}

static char *
field_text (RungLanguageHighlighter *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (self->field))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->field)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->field));
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, RUNG_LANGUAGE_TAG);
  GdkRGBA colour = mark_colour ();
  GdkRGBA wash = colour;

  wash.alpha = WASH_ALPHA;
  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, RUNG_LANGUAGE_TAG,
                                      "underline", PANGO_UNDERLINE_ERROR, NULL);
  g_object_set (tag, "underline-rgba", &colour, "background-rgba", &wash, NULL);

  return tag;
}

static void
mark_text_view (RungLanguageHighlighter *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->field));
  GtkTextTag *tag = ensure_tag (buffer);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);

  for (guint i = 0; i < self->char_ranges->len; i += 2)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_array_index (self->char_ranges, int, i));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (self->char_ranges, int, i + 1));
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

static void
mark_entry (RungLanguageHighlighter *self)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  GdkRGBA colour = mark_colour ();
  g_autofree char *tooltip = NULL;

  for (guint i = 0; i < self->matches->len; i++)
    {
      const RungLanguageMatch *match = &g_array_index (self->matches, RungLanguageMatch, i);
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
      PangoAttribute *underline_colour = pango_attr_underline_color_new (colour.red * 65535, colour.green * 65535,
                                                                         colour.blue * 65535);
      PangoAttribute *background = pango_attr_background_new (colour.red * 65535, colour.green * 65535,
                                                              colour.blue * 65535);
      PangoAttribute *background_alpha = pango_attr_background_alpha_new (WASH_ALPHA * 65535);
      PangoAttribute *attrs[] = { underline, underline_colour, background, background_alpha };

      for (guint a = 0; a < G_N_ELEMENTS (attrs); a++)
        {
          attrs[a]->start_index = match->start;
          attrs[a]->end_index = match->end;
          pango_attr_list_insert (attributes, attrs[a]);
        }
    }

  gtk_entry_set_attributes (GTK_ENTRY (self->field), attributes);

  /* An entry shows one line: its tooltip gives every reason at once. */
  if (self->matches->len > 0)
    tooltip = rung_language_highlighter_dup_summary (self);
  gtk_widget_set_tooltip_text (self->field, tooltip);
}

static void
describe (RungLanguageHighlighter *self)
{
  g_autofree char *summary = NULL;

  if (self->matches->len == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  summary = rung_language_highlighter_dup_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

/* The matches' character offsets, which text iters and tooltips use. */
static void
count_characters (RungLanguageHighlighter *self)
{
  const char *at = self->text;
  int offset = 0;

  g_array_set_size (self->char_ranges, 0);
  for (guint i = 0; i < self->matches->len; i++)
    {
      const RungLanguageMatch *match = &g_array_index (self->matches, RungLanguageMatch, i);
      int start, end;

      offset += g_utf8_pointer_to_offset (at, self->text + match->start);
      start = offset;
      end = start + g_utf8_pointer_to_offset (self->text + match->start, self->text + match->end);
      g_array_append_val (self->char_ranges, start);
      g_array_append_val (self->char_ranges, end);
      at = self->text + match->end;
      offset = end;
    }
}

static void
rescan (RungLanguageHighlighter *self)
{
  guint n_before = self->matches->len;

  if (self->field == NULL)
    return;

  g_free (self->text);
  self->text = field_text (self);
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = self->terms ? rung_language_terms_find (self->terms, self->text, -1)
                              : g_array_new (FALSE, FALSE, sizeof (RungLanguageMatch));
  count_characters (self);

  if (GTK_IS_TEXT_VIEW (self->field))
    mark_text_view (self);
  else if (self->matches->len > 0 || n_before > 0)
    mark_entry (self);

  describe (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static gboolean
on_query_tooltip (GtkWidget               *widget,
                  int                      x,
                  int                      y,
                  gboolean                 keyboard_mode,
                  GtkTooltip              *tooltip,
                  RungLanguageHighlighter *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkTextIter iter;
  const char *reason;

  if (keyboard_mode)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }
  else
    {
      int buffer_x, buffer_y;

      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &buffer_x, &buffer_y);
      if (!gtk_text_view_get_iter_at_location (view, &iter, buffer_x, buffer_y))
        return FALSE;
    }

  if (!(reason = rung_language_highlighter_get_reason_at (self, gtk_text_iter_get_offset (&iter))))
    return FALSE;

  gtk_tooltip_set_text (tooltip, reason);
  return TRUE;
}

static void
rung_language_highlighter_dispose (GObject *object)
{
  RungLanguageHighlighter *self = (RungLanguageHighlighter *)object;

  g_clear_weak_pointer (&self->field);
  if (self->terms != NULL)
    g_signal_handlers_disconnect_by_data (self->terms, self);
  g_clear_object (&self->terms);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (rung_language_highlighter_parent_class)->dispose (object);
}

static void
rung_language_highlighter_finalize (GObject *object)
{
  RungLanguageHighlighter *self = (RungLanguageHighlighter *)object;

  g_free (self->text);
  g_clear_pointer (&self->char_ranges, g_array_unref);

  G_OBJECT_CLASS (rung_language_highlighter_parent_class)->finalize (object);
}

static void
rung_language_highlighter_class_init (RungLanguageHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_language_highlighter_dispose;
  object_class->finalize = rung_language_highlighter_finalize;

  /**
   * RungLanguageHighlighter::changed:
   *
   * The field was scanned again, and what is marked may have changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rung_language_highlighter_init (RungLanguageHighlighter *self)
{
  self->matches = g_array_new (FALSE, FALSE, sizeof (RungLanguageMatch));
  self->char_ranges = g_array_new (FALSE, FALSE, sizeof (int));
  self->text = g_strdup ("");
}

static void
set_terms (RungLanguageHighlighter *self,
           RungLanguageTerms       *terms)
{
  if (self->terms == terms)
    return;

  if (self->terms != NULL)
    g_signal_handlers_disconnect_by_data (self->terms, self);
  g_set_object (&self->terms, terms);
  if (terms != NULL)
    g_signal_connect_object (terms, "changed", G_CALLBACK (rescan), self, G_CONNECT_SWAPPED);
}

/**
 * rung_language_highlighter_attach:
 * @field: a #GtkTextView or a #GtkEntry
 * @terms: (nullable): the list to mark, %NULL for none
 *
 * Marks the phrases of @terms in @field from now on; a field that has a
 * highlighter takes @terms instead.
 *
 * Returns: (transfer none): the field's highlighter, which it owns
 */
RungLanguageHighlighter *
rung_language_highlighter_attach (GtkWidget         *field,
                                  RungLanguageTerms *terms)
{
  RungLanguageHighlighter *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (field) || GTK_IS_ENTRY (field), NULL);
  g_return_val_if_fail (terms == NULL || RUNG_IS_LANGUAGE_TERMS (terms), NULL);

  if ((self = rung_language_highlighter_get_for (field)) == NULL)
    {
      self = g_object_new (RUNG_TYPE_LANGUAGE_HIGHLIGHTER, NULL);
      g_set_weak_pointer (&self->field, field);
      g_object_set_data_full (G_OBJECT (field), HIGHLIGHTER_KEY, self, g_object_unref);

      if (GTK_IS_TEXT_VIEW (field))
        {
          g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "changed",
                                   G_CALLBACK (rescan), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (field, "query-tooltip", G_CALLBACK (on_query_tooltip), self, 0);
          gtk_widget_set_has_tooltip (field, TRUE);
        }
      else
        g_signal_connect_object (field, "changed", G_CALLBACK (rescan), self, G_CONNECT_SWAPPED);

      /* The marks' colour follows the style. */
      g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                               G_CALLBACK (rescan), self, G_CONNECT_SWAPPED);
    }

  set_terms (self, terms);
  rescan (self);

  return self;
}

/**
 * rung_language_highlighter_get_for:
 *
 * Returns: (transfer none) (nullable): the highlighter of @field, if it has one
 */
RungLanguageHighlighter *
rung_language_highlighter_get_for (GtkWidget *field)
{
  g_return_val_if_fail (GTK_IS_WIDGET (field), NULL);

  return g_object_get_data (G_OBJECT (field), HIGHLIGHTER_KEY);
}

/**
 * rung_language_highlighter_get_field:
 *
 * Returns: (transfer none) (nullable): the field, while it lasts
 */
GtkWidget *
rung_language_highlighter_get_field (RungLanguageHighlighter *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_HIGHLIGHTER (self), NULL);

  return self->field;
}

guint
rung_language_highlighter_get_n_matches (RungLanguageHighlighter *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_HIGHLIGHTER (self), 0);

  return self->matches->len;
}

/**
 * rung_language_highlighter_dup_match_text:
 *
 * Returns: (transfer full): the text of a match as it was typed
 */
char *
rung_language_highlighter_dup_match_text (RungLanguageHighlighter *self,
                                          guint                    position)
{
  const RungLanguageMatch *match;

  g_return_val_if_fail (RUNG_IS_LANGUAGE_HIGHLIGHTER (self), NULL);
  g_return_val_if_fail (position < self->matches->len, NULL);

  match = &g_array_index (self->matches, RungLanguageMatch, position);
  return g_strndup (self->text + match->start, match->end - match->start);
}

/**
 * rung_language_highlighter_get_match_term:
 *
 * Returns: (transfer none): the phrase of the list a match is of
 */
RungLanguageTerm *
rung_language_highlighter_get_match_term (RungLanguageHighlighter *self,
                                          guint                    position)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_HIGHLIGHTER (self), NULL);
  g_return_val_if_fail (position < self->matches->len, NULL);

  return g_array_index (self->matches, RungLanguageMatch, position).term;
}

/**
 * rung_language_highlighter_get_reason_at:
 * @char_offset: a character offset into the field's text
 *
 * Returns: (nullable): the reason of the mark over that character, if any
 */
const char *
rung_language_highlighter_get_reason_at (RungLanguageHighlighter *self,
                                         int                      char_offset)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_HIGHLIGHTER (self), NULL);

  for (guint i = 0; i < self->matches->len; i++)
    if (char_offset >= g_array_index (self->char_ranges, int, 2 * i) &&
        char_offset < g_array_index (self->char_ranges, int, 2 * i + 1))
      return rung_language_term_get_reason (g_array_index (self->matches, RungLanguageMatch, i).term);

  return NULL;
}

/**
 * rung_language_highlighter_dup_summary:
 *
 * Returns: (transfer full): every mark and its reason, as plain text on
 *   lines of their own: for a tooltip or a screen reader
 */
char *
rung_language_highlighter_dup_summary (RungLanguageHighlighter *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (RUNG_IS_LANGUAGE_HIGHLIGHTER (self), NULL);

  n = self->matches->len;
  g_string_printf (summary, ngettext ("%u phrase to reconsider", "%u phrases to reconsider", n), n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = rung_language_highlighter_dup_match_text (self, i);

      /* Translators: a marked phrase as it was typed, and why it is marked */
      g_string_append_printf (summary, _("\n“%s”: %s"), text,
                              rung_language_term_get_reason (rung_language_highlighter_get_match_term (self, i)));
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

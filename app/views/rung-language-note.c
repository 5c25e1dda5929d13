/* rung-language-note.c: a small button under one or more text fields, "2
 * phrases to reconsider", whose popover lists each marked phrase as it was
 * typed with its reason. It is how the reasons reach whoever does not hover
 * a mark: the keyboard, and a screen reader. It hides when nothing is
 * marked. The phrases are the user's text, shown as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-language-note"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-language-note.h"
#include "rung-language-term.h"

struct _RungLanguageNote
{
  AdwBin          parent_instance;

  GPtrArray      *highlighters;   /* RungLanguageHighlighter */
  guint           n_matches;

  GtkMenuButton  *button;
  GtkLabel       *label;
  GtkBox         *list;
};

G_DEFINE_FINAL_TYPE (RungLanguageNote, rung_language_note, ADW_TYPE_BIN)

static GtkWidget *
match_entry (RungLanguageHighlighter *highlighter,
             guint                    position)
{
  g_autofree char *text = rung_language_highlighter_dup_match_text (highlighter, position);
  /* Translators: a marked phrase as it was typed, in quotes */
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), text);
  RungLanguageTerm *term = rung_language_highlighter_get_match_term (highlighter, position);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "label", quoted, "xalign", 0.0f,
                                               "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                               "max-width-chars", 40,
                                               "css-classes", (const char *[]) { "heading", NULL }, NULL));
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "label", rung_language_term_get_reason (term),
                                               "xalign", 0.0f, "wrap", TRUE, "max-width-chars", 40,
                                               "width-chars", 30, NULL));

  return box;
}

static void
update (RungLanguageNote *self)
{
  g_autofree char *text = NULL;
  GtkWidget *child;

  self->n_matches = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_box_remove (self->list, child);

  for (guint h = 0; h < self->highlighters->len; h++)
    {
      RungLanguageHighlighter *highlighter = g_ptr_array_index (self->highlighters, h);
      guint n = rung_language_highlighter_get_n_matches (highlighter);

      for (guint i = 0; i < n; i++)
        gtk_box_append (self->list, match_entry (highlighter, i));
      self->n_matches += n;
    }

  text = g_strdup_printf (ngettext ("%u phrase to reconsider", "%u phrases to reconsider", self->n_matches),
                          self->n_matches);
  gtk_label_set_text (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Subjective language: each phrase with why it is marked"),
                                  -1);
  if (self->n_matches == 0)
    gtk_menu_button_popdown (self->button);
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_matches > 0);
}

static void
rung_language_note_dispose (GObject *object)
{
  RungLanguageNote *self = (RungLanguageNote *)object;

  g_clear_pointer (&self->highlighters, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (rung_language_note_parent_class)->dispose (object);
}

static void
rung_language_note_class_init (RungLanguageNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_language_note_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-language-note.ui");
  gtk_widget_class_bind_template_child (widget_class, RungLanguageNote, button);
  gtk_widget_class_bind_template_child (widget_class, RungLanguageNote, label);
  gtk_widget_class_bind_template_child (widget_class, RungLanguageNote, list);
}

static void
rung_language_note_init (RungLanguageNote *self)
{
  self->highlighters = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
rung_language_note_new (void)
{
  return g_object_new (RUNG_TYPE_LANGUAGE_NOTE, NULL);
}

/**
 * rung_language_note_add_highlighter:
 *
 * Lists the marks of @highlighter's field too.
 */
void
rung_language_note_add_highlighter (RungLanguageNote        *self,
                                    RungLanguageHighlighter *highlighter)
{
  g_return_if_fail (RUNG_IS_LANGUAGE_NOTE (self));
  g_return_if_fail (RUNG_IS_LANGUAGE_HIGHLIGHTER (highlighter));

  if (g_ptr_array_find (self->highlighters, highlighter, NULL))
    return;

  g_ptr_array_add (self->highlighters, g_object_ref (highlighter));
  g_signal_connect_object (highlighter, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

guint
rung_language_note_get_n_matches (RungLanguageNote *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_NOTE (self), 0);

  return self->n_matches;
}

const char *
rung_language_note_get_label (RungLanguageNote *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_NOTE (self), NULL);

  return gtk_label_get_text (self->label);
}

/**
 * rung_language_note_get_list:
 *
 * Returns: (transfer none): the box the popover lists the marks in
 */
GtkWidget *
rung_language_note_get_list (RungLanguageNote *self)
{
  g_return_val_if_fail (RUNG_IS_LANGUAGE_NOTE (self), NULL);

  return GTK_WIDGET (self->list);
}

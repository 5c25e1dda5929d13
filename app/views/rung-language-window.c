/* rung-language-window.c: Subjective Language…, the panel's list of the
 * words and phrases Rung marks. Rung's phrases each have a switch that
 * hides the phrase in this panel; the panel's own are added with a reason
 * and removed. Every change is written at once, and every open field
 * follows it. A read-only panel shows its list and changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-language-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-language-terms.h"
#include "rung-language-window.h"
#include "rung-panel.h"

struct _RungLanguageWindow
{
  AdwWindow          parent_instance;

  RungLanguageTerms *terms;

  GtkLabel          *read_only_label;
  GtkListBox        *own_list;
  GtkWidget         *add_form;
  GtkEntry          *phrase_entry;
  GtkEntry          *reason_entry;
  GtkLabel          *error_label;
  GtkWidget         *add_button;
  GtkListBox        *builtin_list;
};

G_DEFINE_FINAL_TYPE (RungLanguageWindow, rung_language_window, ADW_TYPE_WINDOW)

static void
show_error (RungLanguageWindow *self,
            const GError       *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
}

/* The phrase, and under it its reason and the other forms it marks. */
static GtkWidget *
term_row (RungLanguageTerm *term)
{
  GtkWidget *row = adw_action_row_new ();
  const char * const *forms = rung_language_term_get_forms (term);
  g_autofree char *subtitle = NULL;

  if (forms != NULL && forms[0] != NULL)
    {
      /* Translators: a list of phrases, separated by commas */
      g_autofree char *list = g_strjoinv (_(", "), (char **)forms);

      /* Translators: the reason a phrase is marked, then the other forms it marks */
      subtitle = g_strdup_printf (_("%s\nAlso marks: %s"), rung_language_term_get_reason (term), list);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rung_language_term_get_phrase (term));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : rung_language_term_get_reason (term));

  return row;
}

static void
on_switch_active (GtkSwitch          *toggle,
                  GParamSpec         *pspec,
                  RungLanguageWindow *self)
{
  RungLanguageTerm *term = g_object_get_data (G_OBJECT (toggle), "term");
  gboolean hidden = !gtk_switch_get_active (toggle);
  g_autoptr(GError) error = NULL;

  if (hidden == rung_language_term_get_hidden (term))
    return;

  if (!rung_language_terms_set_hidden (self->terms, term, hidden, &error))
    gtk_switch_set_active (toggle, !rung_language_term_get_hidden (term));
  show_error (self, error);
}

static GtkWidget *
create_builtin_row (gpointer item,
                    gpointer user_data)
{
  RungLanguageWindow *self = user_data;
  RungLanguageTerm *term = item;
  GtkWidget *row = term_row (term);
  GtkWidget *toggle = gtk_switch_new ();
  /* Translators: the accessible name of a phrase's switch */
  g_autofree char *name = g_strdup_printf (_("Mark “%s”"), rung_language_term_get_phrase (term));

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (toggle, rung_language_terms_can_edit (self->terms));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (toggle), "term", g_object_ref (term), g_object_unref);
  g_object_bind_property (term, "hidden", toggle, "active", G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_switch_active), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);

  return row;
}

static void
on_remove_clicked (GtkButton          *button,
                   RungLanguageWindow *self)
{
  RungLanguageTerm *term = g_object_get_data (G_OBJECT (button), "term");
  g_autoptr(GError) error = NULL;

  rung_language_terms_remove (self->terms, term, &error);
  show_error (self, error);
}

static GtkWidget *
create_own_row (gpointer item,
                gpointer user_data)
{
  RungLanguageWindow *self = user_data;
  RungLanguageTerm *term = item;
  GtkWidget *row = term_row (term);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: the accessible name of a phrase's Remove button */
  g_autofree char *name = g_strdup_printf (_("Remove “%s”"), rung_language_term_get_phrase (term));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Phrase"));
  gtk_widget_set_visible (remove, rung_language_terms_can_edit (self->terms));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (remove), "term", g_object_ref (term), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RungLanguageWindow *self = RUNG_LANGUAGE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (rung_language_terms_add (self->terms, gtk_editable_get_text (GTK_EDITABLE (self->phrase_entry)),
                               gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)), &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->phrase_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->phrase_entry));
    }
  show_error (self, error);
}

static gboolean
is_builtin (gpointer item,
            gpointer user_data)
{
  return rung_language_term_is_builtin (item) == GPOINTER_TO_INT (user_data);
}

static void
bind_list (RungLanguageWindow       *self,
           GtkListBox               *list,
           gboolean                  builtin,
           GtkListBoxCreateWidgetFunc create_row)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (is_builtin, GINT_TO_POINTER (builtin), NULL);
  g_autoptr(GtkFilterListModel) model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->terms)),
                                                                   GTK_FILTER (filter));

  gtk_list_box_bind_model (list, G_LIST_MODEL (model), create_row, self, NULL);
}

static void
rung_language_window_dispose (GObject *object)
{
  RungLanguageWindow *self = (RungLanguageWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RUNG_TYPE_LANGUAGE_WINDOW);
  g_clear_object (&self->terms);

  G_OBJECT_CLASS (rung_language_window_parent_class)->dispose (object);
}

static void
rung_language_window_class_init (RungLanguageWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_language_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-language-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RungLanguageWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, RungLanguageWindow, own_list);
  gtk_widget_class_bind_template_child (widget_class, RungLanguageWindow, add_form);
  gtk_widget_class_bind_template_child (widget_class, RungLanguageWindow, phrase_entry);
  gtk_widget_class_bind_template_child (widget_class, RungLanguageWindow, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, RungLanguageWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, RungLanguageWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, RungLanguageWindow, builtin_list);

  gtk_widget_class_install_action (widget_class, "language.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rung_language_window_init (RungLanguageWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_empty_state (RungLanguageWindow *self,
                 gboolean            editable)
{
  GtkWidget *empty = gtk_label_new (editable ? _("No phrases of the panel’s own yet. Add one below, with the reason to show beside it.")
                                             : _("The panel has no phrases of its own."));

  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_list_box_set_placeholder (self->own_list, empty);
}

/**
 * rung_language_window_new:
 * @parent: (nullable): the window it belongs to
 */
RungLanguageWindow *
rung_language_window_new (GtkWindow *parent,
                          RungPanel *panel)
{
  RungLanguageWindow *self;
  gboolean editable;

  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);

  self = g_object_new (RUNG_TYPE_LANGUAGE_WINDOW, "transient-for", parent, NULL);
  self->terms = g_object_ref (rung_panel_get_language_terms (panel));
  editable = rung_language_terms_can_edit (self->terms);

  set_empty_state (self, editable);
  bind_list (self, self->own_list, FALSE, create_own_row);
  bind_list (self, self->builtin_list, TRUE, create_builtin_row);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), !editable);
  gtk_widget_set_visible (self->add_form, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "language.add", editable);
  if (editable)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);

  return self;
}

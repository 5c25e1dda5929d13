/* rung-panel-view.c: a panel file open in the window: the candidate list on
 * the left, the selected candidate on the right, or an empty state that says
 * what to do. It owns the panel's actions: new, edit and delete candidates
 * (a deletion offers Undo), remove evidence (with Undo too), and find.
 * During a blind meeting a candidate's details cannot be edited (the dialog
 * shows their name), and what it says of a candidate uses their letter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-panel-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-area.h"
#include "rung-candidate.h"
#include "rung-candidate-dialog.h"
#include "rung-candidate-list.h"
#include "rung-candidate-page.h"
#include "rung-compare-window.h"
#include "rung-concern.h"
#include "rung-evidence.h"
#include "rung-expectation.h"
#include "rung-level.h"
#include "rung-panel.h"
#include "rung-panel-view.h"
#include "rung-panelist.h"
#include "rung-status-icon.h"

struct _RungPanelView
{
  AdwBin             parent_instance;

  RungPanel         *panel;

  RungCandidateList *candidate_list;
  GtkStack          *content_stack;
  AdwStatusPage     *empty_page;
  RungCandidatePage *candidate_page;
};

G_DEFINE_FINAL_TYPE (RungPanelView, rung_panel_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PANEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
is_editable (RungPanelView *self)
{
  return self->panel != NULL && !rung_panel_is_read_only (self->panel);
}

/* A toast's title is markup: names and texts are escaped. */
static AdwToast *
toast_printf (RungPanelView *self,
              const char    *format,
              ...) G_GNUC_PRINTF (2, 3);

static AdwToast *
toast_printf (RungPanelView *self,
              const char    *format,
              ...)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  AdwToast *toast;
  va_list args;

  va_start (args, format);
  title = g_markup_vprintf_escaped (format, args);
  va_end (args);

  toast = adw_toast_new (title);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));

  return toast;
}

static void
show_error (RungPanelView *self,
            const GError  *error)
{
  g_autoptr(AdwToast) toast = toast_printf (self, "%s", error->message);

  adw_toast_set_timeout (toast, 0);
}

static void
update_content (RungPanelView *self)
{
  RungCandidate *selected = rung_candidate_list_get_selected (self->candidate_list);
  guint total = self->panel ? g_list_model_get_n_items (rung_panel_get_candidates (self->panel)) : 0;

  rung_candidate_page_set_candidate (self->candidate_page, selected);

  if (selected != NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "candidate");
      return;
    }

  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Candidates Yet"));
      adw_status_page_set_description (self->empty_page,
                                       is_editable (self)
                                       ? _("Add a candidate, then write their evidence beside each expectation of the ladder.")
                                       : _("This panel has no candidates."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Candidate Selected"));
      adw_status_page_set_description (self->empty_page, _("Choose a candidate in the list."));
    }

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
update_actions (RungPanelView *self)
{
  gboolean editable = is_editable (self);
  gboolean selected = rung_candidate_list_get_selected (self->candidate_list) != NULL;
  gboolean blind = self->panel != NULL && rung_panel_get_blind (self->panel);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.new-candidate", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.edit-candidate", editable && selected && !blind);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.delete-candidate", editable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.remove-evidence", editable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.withdraw-concern", editable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.compare", selected);
}

static void
on_selected_changed (RungPanelView *self)
{
  update_content (self);
  update_actions (self);
}

static void
select_saved (RungCandidate *candidate,
              gpointer       user_data)
{
  RungPanelView *self = user_data;

  rung_candidate_list_select (self->candidate_list, candidate);
}

static void
new_candidate_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RungPanelView *self = RUNG_PANEL_VIEW (widget);

  rung_candidate_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->panel, NULL,
                                 select_saved, self);
}

static void
edit_candidate_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RungPanelView *self = RUNG_PANEL_VIEW (widget);
  RungCandidate *candidate = rung_candidate_list_get_selected (self->candidate_list);

  /* The action is off while blind; a shortcut must not get round that. */
  if (candidate != NULL && !rung_panel_get_blind (self->panel))
    rung_candidate_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->panel, candidate,
                                   select_saved, self);
}

typedef struct
{
  RungPanelView *view;
  gint64         candidate_id;
} UndoDelete;

static void
undo_delete (AdwToast   *toast,
             UndoDelete *undo)
{
  g_autoptr(GError) error = NULL;
  RungCandidate *candidate;

  if (undo->view->panel == NULL)
    return;

  if (!(candidate = rung_panel_restore_candidate (undo->view->panel, undo->candidate_id, &error)))
    show_error (undo->view, error);
  else
    rung_candidate_list_select (undo->view->candidate_list, candidate);
}

static void
delete_candidate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RungPanelView *self = RUNG_PANEL_VIEW (widget);
  g_autoptr(RungCandidate) candidate = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *name = NULL;
  UndoDelete *undo;

  if (!(candidate = rung_candidate_list_get_selected (self->candidate_list)))
    return;
  g_object_ref (candidate);

  /* Taken before the deletion: a blind meeting's letter is the agenda's. */
  name = rung_candidate_dup_display_name (candidate);

  /* Anything typed is written before the candidate goes. */
  rung_panel_flush (self->panel);

  if (!rung_panel_delete_candidate (self->panel, candidate, &error))
    {
      show_error (self, error);
      return;
    }

  undo = g_new0 (UndoDelete, 1);
  undo->view = self;
  undo->candidate_id = rung_candidate_get_id (candidate);

  toast = toast_printf (self, _("Deleted “%s”"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete), undo,
                         (GClosureNotify)(void (*) (void))g_free, 0);
}

static RungEvidence *
find_evidence (RungCandidate *candidate,
               gint64         evidence_id)
{
  RungLevel *level = rung_candidate_get_level (candidate);
  GListModel *areas = level ? rung_level_get_areas (level) : NULL;

  for (guint a = 0; areas != NULL && a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, a);
      GListModel *expectations = rung_area_get_expectations (area);

      for (guint e = 0; e < g_list_model_get_n_items (expectations); e++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, e);
          GListModel *items = rung_candidate_get_evidence (candidate, rung_expectation_get_id (expectation));

          for (guint i = 0; i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(RungEvidence) evidence = g_list_model_get_item (items, i);

              if (rung_evidence_get_id (evidence) == evidence_id)
                return evidence;
            }
        }
    }

  return NULL;
}

typedef struct
{
  RungCandidate *candidate;
  char          *expectation_id;
  char          *title;
  char          *text;
  char          *link;
  char          *date;
} UndoRemove;

static void
undo_remove_free (UndoRemove *undo)
{
  g_clear_object (&undo->candidate);
  g_free (undo->expectation_id);
  g_free (undo->title);
  g_free (undo->text);
  g_free (undo->link);
  g_free (undo->date);
  g_free (undo);
}

static void
undo_remove (AdwToast   *toast,
             UndoRemove *undo)
{
  g_autoptr(GError) error = NULL;

  if (!rung_candidate_add_evidence (undo->candidate, undo->expectation_id, undo->title,
                                    undo->text, undo->link, undo->date, &error))
    g_warning ("Could not bring the evidence back: %s", error->message);
}

static void
remove_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RungPanelView *self = RUNG_PANEL_VIEW (widget);
  RungCandidate *candidate = rung_candidate_list_get_selected (self->candidate_list);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  RungEvidence *evidence;
  UndoRemove *undo;

  if (candidate == NULL || !(evidence = find_evidence (candidate, g_variant_get_int64 (parameter))))
    return;

  undo = g_new0 (UndoRemove, 1);
  undo->candidate = g_object_ref (candidate);
  undo->expectation_id = g_strdup (rung_evidence_get_expectation_id (evidence));
  undo->title = g_strdup (rung_evidence_get_title (evidence));
  undo->text = g_strdup (rung_evidence_get_text (evidence));
  undo->link = g_strdup (rung_evidence_get_link (evidence));
  undo->date = g_strdup (rung_evidence_get_date (evidence));

  if (!rung_candidate_remove_evidence (candidate, evidence, &error))
    {
      undo_remove_free (undo);
      show_error (self, error);
      return;
    }

  toast = toast_printf (self, "%s", _("Evidence removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove), undo,
                         (GClosureNotify)(void (*) (void))undo_remove_free, 0);
}

typedef struct
{
  RungCandidate *candidate;
  RungPanelist  *panelist;
  char          *anti_pattern_id;
  char          *note;
} UndoWithdraw;

static void
undo_withdraw_free (UndoWithdraw *undo)
{
  g_clear_object (&undo->candidate);
  g_clear_object (&undo->panelist);
  g_free (undo->anti_pattern_id);
  g_free (undo->note);
  g_free (undo);
}

static void
undo_withdraw (AdwToast     *toast,
               UndoWithdraw *undo)
{
  RungPanel *panel = rung_candidate_get_panel (undo->candidate);
  g_autoptr(GError) error = NULL;

  if (panel == NULL ||
      !rung_panel_set_concern (panel, undo->panelist, undo->candidate, undo->anti_pattern_id, undo->note, &error))
    g_warning ("Could not bring the concern back: %s", error ? error->message : "the panel is closed");
}

/* The note a panelist wrote about an anti-pattern of @candidate, if any. */
static const char *
find_concern_note (RungCandidate *candidate,
                   gint64         panelist_id,
                   const char    *anti_pattern_id)
{
  GListModel *concerns = rung_candidate_get_concerns (candidate);

  for (guint i = 0; i < g_list_model_get_n_items (concerns); i++)
    {
      g_autoptr(RungConcern) concern = g_list_model_get_item (concerns, i);

      if (rung_concern_get_panelist_id (concern) == panelist_id &&
          g_strcmp0 (rung_concern_get_anti_pattern_id (concern), anti_pattern_id) == 0)
        return rung_concern_get_note (concern);
    }

  return NULL;
}

static void
withdraw_concern_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RungPanelView *self = RUNG_PANEL_VIEW (widget);
  RungCandidate *candidate = rung_candidate_list_get_selected (self->candidate_list);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  RungPanelist *panelist;
  const char *anti_pattern_id;
  const char *note;
  gint64 panelist_id;
  UndoWithdraw *undo;

  g_variant_get (parameter, "(x&s)", &panelist_id, &anti_pattern_id);
  if (candidate == NULL ||
      !(panelist = rung_panel_find_panelist (self->panel, panelist_id)) ||
      !(note = find_concern_note (candidate, panelist_id, anti_pattern_id)))
    return;

  undo = g_new0 (UndoWithdraw, 1);
  undo->candidate = g_object_ref (candidate);
  undo->panelist = g_object_ref (panelist);
  undo->anti_pattern_id = g_strdup (anti_pattern_id);
  undo->note = g_strdup (note);

  if (!rung_panel_clear_concern (self->panel, panelist, candidate, anti_pattern_id, &error))
    {
      undo_withdraw_free (undo);
      show_error (self, error);
      return;
    }

  toast = toast_printf (self, _("Concern of %s withdrawn"), rung_panelist_get_name (panelist));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_withdraw), undo,
                         (GClosureNotify)(void (*) (void))undo_withdraw_free, 0);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RungPanelView *self = RUNG_PANEL_VIEW (widget);
  RungCandidate *candidate = rung_candidate_list_get_selected (self->candidate_list);
  GtkWidget *compare;

  if (candidate == NULL)
    return;

  compare = rung_compare_window_new (self->panel, candidate);
  gtk_window_set_transient_for (GTK_WINDOW (compare), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (compare));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rung_candidate_list_focus_search (RUNG_PANEL_VIEW (widget)->candidate_list);
}

RungPanel *
rung_panel_view_get_panel (RungPanelView *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL_VIEW (self), NULL);

  return self->panel;
}

void
rung_panel_view_set_panel (RungPanelView *self,
                           RungPanel     *panel)
{
  g_return_if_fail (RUNG_IS_PANEL_VIEW (self));

  if (self->panel == panel)
    return;

  if (self->panel != NULL)
    {
      g_signal_handlers_disconnect_by_data (rung_panel_get_candidates (self->panel), self);
      g_signal_handlers_disconnect_by_func (self->panel, update_actions, self);
    }

  g_set_object (&self->panel, panel);
  rung_candidate_list_set_panel (self->candidate_list, panel);

  if (panel != NULL)
    {
      g_signal_connect_object (rung_panel_get_candidates (panel), "items-changed",
                               G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (panel, "notify::blind", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
    }

  update_content (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PANEL]);
}

RungCandidate *
rung_panel_view_get_selected (RungPanelView *self)
{
  g_return_val_if_fail (RUNG_IS_PANEL_VIEW (self), NULL);

  return rung_candidate_list_get_selected (self->candidate_list);
}

void
rung_panel_view_select (RungPanelView *self,
                        RungCandidate *candidate)
{
  g_return_if_fail (RUNG_IS_PANEL_VIEW (self));

  rung_candidate_list_select (self->candidate_list, candidate);
}

static void
rung_panel_view_dispose (GObject *object)
{
  RungPanelView *self = (RungPanelView *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->panel != NULL)
    g_signal_handlers_disconnect_by_func (self->panel, update_actions, self);
  g_clear_object (&self->panel);

  G_OBJECT_CLASS (rung_panel_view_parent_class)->dispose (object);
}

static void
rung_panel_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RungPanelView *self = RUNG_PANEL_VIEW (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      g_value_set_object (value, self->panel);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_panel_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RungPanelView *self = RUNG_PANEL_VIEW (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      rung_panel_view_set_panel (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rung_panel_view_class_init (RungPanelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rung_panel_view_dispose;
  object_class->get_property = rung_panel_view_get_property;
  object_class->set_property = rung_panel_view_set_property;

  properties [PROP_PANEL] =
    g_param_spec_object ("panel", NULL, NULL, RUNG_TYPE_PANEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RUNG_TYPE_CANDIDATE_LIST);
  g_type_ensure (RUNG_TYPE_CANDIDATE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/dev/rung/Rung/rung-panel-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RungPanelView, candidate_list);
  gtk_widget_class_bind_template_child (widget_class, RungPanelView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RungPanelView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RungPanelView, candidate_page);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_changed);

  gtk_widget_class_install_action (widget_class, "panel.new-candidate", NULL, new_candidate_action);
  gtk_widget_class_install_action (widget_class, "panel.edit-candidate", NULL, edit_candidate_action);
  gtk_widget_class_install_action (widget_class, "panel.delete-candidate", NULL, delete_candidate_action);
  gtk_widget_class_install_action (widget_class, "panel.remove-evidence", "x", remove_evidence_action);
  gtk_widget_class_install_action (widget_class, "panel.withdraw-concern", "(xs)", withdraw_concern_action);
  gtk_widget_class_install_action (widget_class, "panel.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "panel.compare", NULL, compare_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "panel.edit-candidate", NULL);
}

static void
rung_panel_view_init (RungPanelView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rung_status_page_defer_icon (self->empty_page);
  update_actions (self);
}

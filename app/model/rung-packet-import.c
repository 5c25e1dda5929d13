/* rung-packet-import.c: brings a packet into a panel. The plan compares the
 * packet with the panel's ladder and candidates without writing anything;
 * the import acts on it only when the caller's flags say what to do with
 * what does not fit, and then writes everything in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-packet-import"

#include "config.h"

#include <glib/gi18n.h>

#include "rung-area.h"
#include "rung-expectation.h"
#include "rung-ladder.h"
#include "rung-level.h"
#include "rung-packet-import.h"
#include "rung-panel-private.h"

G_DEFINE_QUARK (rung-packet-error-quark, rung_packet_error)

void
rung_packet_plan_free (RungPacketPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_object (&plan->packet);
  g_clear_pointer (&plan->unmapped, g_ptr_array_unref);
  g_clear_object (&plan->existing);
  g_free (plan);
}

/* Names are the same person when they match but for case and the white
 * space around them: “ada lovelace ” is Ada Lovelace. */
static char *
name_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *normalized = g_utf8_normalize (stripped, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normalized ? normalized : stripped, -1);
}

static RungCandidate *
find_same_name (RungPanel  *panel,
                const char *name)
{
  GListModel *candidates = rung_panel_get_candidates (panel);
  g_autofree char *key = name_key (name);
  guint n = g_list_model_get_n_items (candidates);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungCandidate) candidate = g_list_model_get_item (candidates, i);
      g_autofree char *other = name_key (rung_candidate_get_name (candidate));

      if (g_str_equal (key, other))
        return g_steal_pointer (&candidate);
    }

  return NULL;
}

static gboolean
check_same_ladder_id (RungPacket  *packet,
                      RungLadder  *ladder,
                      GError     **error)
{
  if (g_str_equal (rung_packet_get_ladder_id (packet), rung_ladder_get_id (ladder)))
    return TRUE;

  g_set_error (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_OTHER_LADDER,
               _("%s: The packet was written for the ladder “%s” (version %s), but this panel "
                 "uses the ladder “%s” (version %s)."),
               rung_packet_get_ladder_location (packet),
               rung_packet_get_ladder_id (packet), rung_packet_get_ladder_version (packet),
               rung_ladder_get_id (ladder), rung_ladder_get_version (ladder));
  return FALSE;
}

static RungLevel *
find_target_level (RungPacket  *packet,
                   RungLadder  *ladder,
                   GError     **error)
{
  RungLevel *level = rung_ladder_find_level (ladder, rung_packet_get_target_level (packet));

  if (level == NULL)
    g_set_error (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_NO_LEVEL,
                 _("%s: The packet is for level “%s”, which version %s of the panel’s ladder "
                   "does not have."),
                 rung_packet_get_target_level_location (packet),
                 rung_packet_get_target_level (packet), rung_ladder_get_version (ladder));

  return level;
}

static gboolean
item_maps (const RungPacketItem *item,
           RungLevel            *level)
{
  return rung_level_find_expectation (level, item->expectation_id) != NULL;
}

static void
note_unmapped_item (RungPacketPlan       *plan,
                    const RungPacketItem *item,
                    RungLevel            *level,
                    RungLadder           *ladder)
{
  g_ptr_array_add (plan->unmapped,
                   g_strdup_printf (_("%s: The evidence “%s” is for the expectation “%s”, which "
                                      "level %s of the panel’s ladder (version %s) does not have."),
                                    item->location,
                                    item->title[0] != '\0' ? item->title : _("Untitled"),
                                    item->expectation_id,
                                    rung_level_get_id (level),
                                    rung_ladder_get_version (ladder)));
}

/**
 * rung_panel_plan_packet_import:
 *
 * Says what importing @packet into @panel would do, writing nothing.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL and @error when the
 *   packet cannot go into this panel at all (another ladder, an unknown level)
 */
RungPacketPlan *
rung_panel_plan_packet_import (RungPanel   *panel,
                               RungPacket  *packet,
                               GError     **error)
{
  RungLadder *ladder;
  RungLevel *level;
  g_autoptr(RungPacketPlan) plan = NULL;

  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);
  g_return_val_if_fail (RUNG_IS_PACKET (packet), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ladder = rung_panel_get_ladder (panel);
  if (!check_same_ladder_id (packet, ladder, error) ||
      !(level = find_target_level (packet, ladder, error)))
    return NULL;

  plan = g_new0 (RungPacketPlan, 1);
  plan->packet = g_object_ref (packet);
  plan->unmapped = g_ptr_array_new_with_free_func (g_free);
  plan->same_ladder = g_strcmp0 (rung_packet_get_ladder_sha256 (packet),
                                 rung_ladder_get_sha256 (ladder)) == 0;
  plan->existing = find_same_name (panel, rung_packet_get_name (packet));

  for (guint i = 0; i < rung_packet_get_n_items (packet); i++)
    {
      const RungPacketItem *item = rung_packet_get_item (packet, i);

      if (item_maps (item, level))
        plan->n_mapped++;
      else
        note_unmapped_item (plan, item, level, ladder);
    }

  return g_steal_pointer (&plan);
}

/**
 * rung_packet_plan_describe_unmapped:
 *
 * Returns: (transfer full): what would be left out, one line each
 */
char *
rung_packet_plan_describe_unmapped (RungPacketPlan *plan)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->unmapped->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (plan->unmapped, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
check_plan_allowed (RungPacketPlan         *plan,
                    RungLadder             *ladder,
                    RungPacketImportFlags   flags,
                    GError                **error)
{
  RungPacket *packet = plan->packet;

  if (plan->unmapped->len > 0 && !(flags & RUNG_PACKET_IMPORT_ALLOW_UNMAPPED))
    {
      g_autofree char *details = rung_packet_plan_describe_unmapped (plan);

      g_set_error (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_UNMAPPED,
                   ngettext ("%s: The packet was written against version %s of the ladder, and "
                             "%u thing in it does not map to the panel’s version %s:\n%s",
                             "%s: The packet was written against version %s of the ladder, and "
                             "%u things in it do not map to the panel’s version %s:\n%s",
                             plan->unmapped->len),
                   rung_packet_get_display_name (packet), rung_packet_get_ladder_version (packet),
                   plan->unmapped->len,
                   rung_ladder_get_version (ladder), details);
      return FALSE;
    }

  if (plan->existing != NULL &&
      !(flags & (RUNG_PACKET_IMPORT_REPLACE | RUNG_PACKET_IMPORT_KEEP_BOTH)))
    {
      g_set_error (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_DUPLICATE,
                   _("%s: %s is already in the panel."),
                   rung_packet_get_display_name (packet), rung_candidate_get_name (plan->existing));
      return FALSE;
    }

  return TRUE;
}

static gboolean
area_has_item (RungArea     *area,
               const GArray *items)
{
  GListModel *expectations = rung_area_get_expectations (area);

  for (guint i = 0; i < items->len; i++)
    {
      const RungEvidenceRecord *item = &g_array_index (items, RungEvidenceRecord, i);

      for (guint j = 0; j < g_list_model_get_n_items (expectations); j++)
        {
          g_autoptr(RungExpectation) expectation = g_list_model_get_item (expectations, j);

          if (g_str_equal (rung_expectation_get_id (expectation), item->expectation_id))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
covers_every_area (RungLevel    *level,
                   const GArray *items)
{
  GListModel *areas = rung_level_get_areas (level);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RungArea) area = g_list_model_get_item (areas, i);

      if (!area_has_item (area, items))
        return FALSE;
    }

  return TRUE;
}

/* A packet ready for the panel arrives ready, if its evidence passes the
 * panel's coverage gate (an area without evidence keeps it a draft: no one
 * here has given a reason to override). A packet from a committee's own
 * panel may say "in review" or "decided", but the decisions stay in that
 * panel: here it is ready. */
static RungCandidateStatus
imported_status (RungPacket   *packet,
                 RungLevel    *level,
                 const GArray *items)
{
  if (rung_packet_get_status (packet) == RUNG_CANDIDATE_STATUS_DRAFT ||
      !covers_every_area (level, items))
    return RUNG_CANDIDATE_STATUS_DRAFT;

  return RUNG_CANDIDATE_STATUS_READY;
}

static char *
nonempty_or_null (const char *text)
{
  return (text != NULL && text[0] != '\0') ? (char *)text : NULL;
}

static GArray *
mapped_items (RungPacket *packet,
              RungLevel  *level)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (RungEvidenceRecord));

  for (guint i = 0; i < rung_packet_get_n_items (packet); i++)
    {
      const RungPacketItem *item = rung_packet_get_item (packet, i);
      RungEvidenceRecord record = { 0 };

      if (!item_maps (item, level))
        continue;

      /* Borrowed from the packet, which outlives the array. */
      record.expectation_id = item->expectation_id;
      record.title = item->title;
      record.text = item->text;
      record.link = nonempty_or_null (item->link);
      record.date = nonempty_or_null (item->date);
      record.author = nonempty_or_null (item->author);
      g_array_append_val (items, record);
    }

  return items;
}

/**
 * rung_panel_import_packet:
 *
 * Adds the candidate of @packet, with every item of evidence that maps, to
 * @panel in one transaction: on any failure the panel is as it was. Without
 * %RUNG_PACKET_IMPORT_ALLOW_UNMAPPED, a packet of which anything does not map
 * is refused; without %RUNG_PACKET_IMPORT_REPLACE or
 * %RUNG_PACKET_IMPORT_KEEP_BOTH, so is one whose candidate is already there.
 *
 * Returns: (transfer none) (nullable): the new candidate
 */
RungCandidate *
rung_panel_import_packet (RungPanel              *panel,
                          RungPacket             *packet,
                          RungPacketImportFlags   flags,
                          GError                **error)
{
  g_autoptr(RungPacketPlan) plan = NULL;
  g_autoptr(GArray) items = NULL;
  g_autofree char *name = NULL;
  RungLadder *ladder;
  RungLevel *level;
  RungCandidate *replaced = NULL;
  RungCandidateRecord record = { 0 };
  RungImportSource source = { 0 };
  gint64 id;

  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);
  g_return_val_if_fail (RUNG_IS_PACKET (packet), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail ((flags & RUNG_PACKET_IMPORT_REPLACE) == 0 ||
                        (flags & RUNG_PACKET_IMPORT_KEEP_BOTH) == 0, NULL);

  if (!_rung_panel_check_writable (panel, error) ||
      !(plan = rung_panel_plan_packet_import (panel, packet, error)) ||
      !check_plan_allowed (plan, rung_panel_get_ladder (panel), flags, error))
    return NULL;

  ladder = rung_panel_get_ladder (panel);
  if (plan->existing != NULL && (flags & RUNG_PACKET_IMPORT_REPLACE))
    replaced = plan->existing;

  name = g_strstrip (g_strdup (rung_packet_get_name (packet)));
  record.name = name;
  /* The current level is the candidate's history: a panel takes it as it is. */
  record.current_level = nonempty_or_null (rung_packet_get_current_level (packet));
  record.target_level = (char *)rung_packet_get_target_level (packet);
  record.manager = nonempty_or_null (rung_packet_get_manager (packet));
  record.team = nonempty_or_null (rung_packet_get_team (packet));
  record.summary = (char *)(rung_packet_get_summary (packet) ? rung_packet_get_summary (packet) : "");

  level = rung_ladder_find_level (ladder, record.target_level);
  items = mapped_items (packet, level);
  record.status = imported_status (packet, level, items);

  source.file = rung_packet_get_display_name (packet);
  source.ladder_version = rung_packet_get_ladder_version (packet);
  source.ladder_sha256 = rung_packet_get_ladder_sha256 (packet);
  source.n_left_out = rung_packet_get_n_items (packet) - items->len;

  id = rung_store_import_candidate (_rung_panel_get_store (panel), _rung_panel_get_who (panel),
                                    &record, (const RungEvidenceRecord *)items->data, items->len,
                                    replaced ? rung_candidate_get_id (replaced) : 0,
                                    &source, error);
  if (id == 0)
    return NULL;

  return _rung_panel_adopt_imported (panel, id, replaced, error);
}

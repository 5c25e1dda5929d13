/* rung-print-document.c: a printable document (a candidate's packet, the
 * committee book, or a meeting's minutes) as sections of blocks, paginated
 * for a page size and drawn a page at a time.
 *
 * Pagination runs the same code as drawing, without a cairo context: it
 * lays out each block, places what fits, and notes only where each page
 * starts (a section, a block, and for a row that goes on from the page
 * before, the line each of its columns goes on from). Drawing page N
 * builds that section's blocks again and fills the page from there. Blocks
 * hold text, not layouts; a layout lives only while its block is placed.
 * Memory so stays that of one page and one section, whatever the length.
 *
 * A document made while a blind meeting is under way names candidates as
 * the meeting does, in its title, running heads, outline and pages, and
 * prints no manager or team: it takes the names when it is made, so that
 * every page agrees whatever the meeting does meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-document"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rung-agenda-item.h"
#include "rung-candidate.h"
#include "rung-meeting.h"
#include "rung-panel.h"
#include "rung-print-content-private.h"
#include "rung-print-document-private.h"

/* The smallest page worth laying out: a postcard. */
#define MIN_PAGE_WIDTH  280.0
#define MIN_PAGE_HEIGHT 400.0

typedef enum
{
  SECTION_BOOK_COVER,
  SECTION_CONTENTS,
  SECTION_PACKET,
  SECTION_SUMMARY,
  SECTION_CALIBRATION,
  SECTION_MINUTES,
} SectionKind;

typedef struct
{
  SectionKind    kind;
  RungCandidate *candidate;   /* packets only; owned by the document's array */
} Section;

/* Where a page starts. */
typedef struct
{
  guint  section;
  guint  block;
  guint *starts;              /* per column of a row begun on an earlier page, or NULL */
} Cursor;

struct _RungPrintDocument
{
  GObject               parent_instance;

  RungPanel            *panel;
  RungMeeting          *meeting;       /* minutes only */
  gboolean              is_book;
  gboolean              blind;
  GHashTable           *display_names; /* while blind: RungCandidate → the name to print */
  GPtrArray            *candidates;
  GArray               *sections;
  GDateTime            *date;
  char                 *date_text;
  char                 *confidential;
  char                 *footer_note;
  char                 *title;
  char                 *subject;
  char                 *author;

  PangoContext         *pango;
  double                page_width;
  double                page_height;
  GArray               *pages;         /* of Cursor */
  guint                *section_pages; /* 1-based, once paginated */

  /* What every page repeats, laid out once for the page size. */
  GHashTable           *shared_layouts;
  PangoLayout          *head_layout;
  PangoLayout          *foot_layout;

  /* The blocks of one section, built when a page of it is filled. */
  guint                 blocks_section;
  GPtrArray            *blocks;

  RungPrintOutlineFunc  outline_func;
  gpointer              outline_data;
};

G_DEFINE_FINAL_TYPE (RungPrintDocument, rung_print_document, G_TYPE_OBJECT)

static void
cursor_clear (Cursor *cursor)
{
  g_clear_pointer (&cursor->starts, g_free);
}

static void
rung_print_document_dispose (GObject *object)
{
  RungPrintDocument *self = (RungPrintDocument *)object;

  g_clear_object (&self->panel);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->display_names, g_hash_table_unref);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->shared_layouts, g_hash_table_unref);
  g_clear_object (&self->head_layout);
  g_clear_object (&self->foot_layout);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (rung_print_document_parent_class)->dispose (object);
}

static void
rung_print_document_finalize (GObject *object)
{
  RungPrintDocument *self = (RungPrintDocument *)object;

  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->section_pages);
  g_free (self->date_text);
  g_free (self->confidential);
  g_free (self->footer_note);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->author);

  G_OBJECT_CLASS (rung_print_document_parent_class)->finalize (object);
}

static void
rung_print_document_class_init (RungPrintDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rung_print_document_dispose;
  object_class->finalize = rung_print_document_finalize;
}

static void
rung_print_document_init (RungPrintDocument *self)
{
  self->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  self->sections = g_array_new (FALSE, FALSE, sizeof (Section));
  self->pages = g_array_new (FALSE, FALSE, sizeof (Cursor));
  g_array_set_clear_func (self->pages, (GDestroyNotify)cursor_clear);
  self->blocks_section = G_MAXUINT;
  self->pango = rung_print_theme_create_context ();
  self->shared_layouts = rung_print_shared_layouts_new ();
  self->footer_note = g_strdup (_("Confidential: for the promotion committee only"));
}

static const char *
or_blank (const char *text)
{
  return text ? text : "";
}

static void
set_common_texts (RungPrintDocument *self)
{
  const char *committee = rung_panel_get_committee (self->panel);
  const char *cycle = rung_panel_get_cycle_name (self->panel);

  self->author = g_strdup (committee && *committee ? committee : or_blank (rung_panel_get_user_name (self->panel)));
  self->confidential =
    g_strdup_printf (_("This document holds confidential, personal information about people under "
                       "review for promotion by %s in the cycle %s. It is for the members of the "
                       "committee alone: do not copy it, pass it on or leave it where others can "
                       "read it, and destroy printed copies once the decisions are made."),
                     committee && *committee ? committee : _("the committee"),
                     cycle && *cycle ? cycle : _("under way"));
  rung_print_document_set_date (self, NULL);
}

/* While a blind meeting is under way, the names to print are its aliases,
 * as they are now. */
static void
take_display_names (RungPrintDocument *self,
                    GPtrArray         *candidates)
{
  self->blind = rung_panel_get_blind (self->panel);
  if (!self->blind)
    return;

  self->display_names = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  for (guint i = 0; i < candidates->len; i++)
    {
      RungCandidate *candidate = g_ptr_array_index (candidates, i);

      g_hash_table_insert (self->display_names, g_object_ref (candidate),
                           rung_candidate_dup_display_name (candidate));
    }
}

static const char *
candidate_name (RungPrintDocument *self,
                RungCandidate     *candidate)
{
  RungPrintInfo info = { .blind = self->blind, .display_names = self->display_names };

  return rung_print_candidate_name (&info, candidate);
}

/* "Candidate B" before "Candidate AA": shorter codes first. */
static int
compare_display_names (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  RungPrintDocument *self = user_data;
  const char *name_a = candidate_name (self, *(RungCandidate * const *)a);
  const char *name_b = candidate_name (self, *(RungCandidate * const *)b);
  gsize length_a = strlen (name_a), length_b = strlen (name_b);

  if (length_a != length_b)
    return length_a < length_b ? -1 : 1;

  return strcmp (name_a, name_b);
}

static void
add_section (RungPrintDocument *self,
             SectionKind        kind,
             RungCandidate     *candidate)
{
  Section section = { kind, candidate };

  g_array_append_val (self->sections, section);
}

/**
 * rung_print_document_new_packet:
 * @candidate: a candidate of an open panel
 *
 * Returns: (transfer full): the packet of @candidate: a cover, the evidence
 *   for each area beside the ladder, the anti-patterns and concerns, the
 *   ratings and their spread, and the decision with its history
 */
RungPrintDocument *
rung_print_document_new_packet (RungCandidate *candidate)
{
  RungPrintDocument *self;
  RungPanel *panel;

  g_return_val_if_fail (RUNG_IS_CANDIDATE (candidate), NULL);
  panel = rung_candidate_get_panel (candidate);
  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);

  self = g_object_new (RUNG_TYPE_PRINT_DOCUMENT, NULL);
  self->panel = g_object_ref (panel);
  g_ptr_array_add (self->candidates, g_object_ref (candidate));
  take_display_names (self, self->candidates);
  add_section (self, SECTION_PACKET, candidate);

  self->title = g_strdup_printf (_("Promotion packet: %s"), candidate_name (self, candidate));
  self->subject = g_strdup_printf (_("The promotion review of %s to %s by %s"),
                                   candidate_name (self, candidate),
                                   or_blank (rung_candidate_get_target_level (candidate)),
                                   rung_panel_get_name (panel));
  set_common_texts (self);

  return self;
}

/**
 * rung_print_document_new_book:
 * @panel: an open panel
 *
 * Returns: (transfer full): the committee book of @panel: a cover, the
 *   contents, every candidate's packet, a summary of the decisions and
 *   the rater calibration
 */
RungPrintDocument *
rung_print_document_new_book (RungPanel *panel)
{
  RungPrintDocument *self;
  GListModel *candidates;
  guint n;

  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);

  self = g_object_new (RUNG_TYPE_PRINT_DOCUMENT, NULL);
  self->panel = g_object_ref (panel);
  self->is_book = TRUE;

  candidates = rung_panel_get_candidates (panel);
  n = g_list_model_get_n_items (candidates);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->candidates, g_list_model_get_item (candidates, i));

  /* In order of name the aliases would tell whose they are: in their own. */
  take_display_names (self, self->candidates);
  if (self->blind)
    g_ptr_array_sort_with_data (self->candidates, compare_display_names, self);

  add_section (self, SECTION_BOOK_COVER, NULL);
  add_section (self, SECTION_CONTENTS, NULL);
  for (guint i = 0; i < self->candidates->len; i++)
    add_section (self, SECTION_PACKET, g_ptr_array_index (self->candidates, i));
  add_section (self, SECTION_SUMMARY, NULL);
  add_section (self, SECTION_CALIBRATION, NULL);

  self->title = g_strdup_printf (_("Committee book: %s"), rung_panel_get_name (panel));
  self->subject = g_strdup_printf (ngettext ("The promotion review of %u candidate by %s",
                                             "The promotion reviews of %u candidates by %s", n),
                                   n, rung_panel_get_name (panel));
  set_common_texts (self);

  return self;
}

/**
 * rung_print_document_new_minutes:
 * @panel: an open panel
 * @meeting: a meeting of @panel, ended or under way
 *
 * The minutes show each decision as it stood when @meeting ended. While
 * @meeting is under way they are a draft and, if it is blind, give the
 * candidates' aliases in place of their names.
 *
 * Returns: (transfer full): the minutes of @meeting: when and how long it
 *   was, who attended, each candidate of the agenda with the decision, its
 *   votes and rationale, who was recused and the time the discussion took,
 *   and a summary
 */
RungPrintDocument *
rung_print_document_new_minutes (RungPanel   *panel,
                                 RungMeeting *meeting)
{
  RungPrintDocument *self;
  g_autofree char *started = NULL;

  g_return_val_if_fail (RUNG_IS_PANEL (panel), NULL);
  g_return_val_if_fail (RUNG_IS_MEETING (meeting), NULL);

  self = g_object_new (RUNG_TYPE_PRINT_DOCUMENT, NULL);
  self->panel = g_object_ref (panel);
  self->meeting = g_object_ref (meeting);
  add_section (self, SECTION_MINUTES, NULL);

  {
    GListModel *agenda = rung_meeting_get_agenda (meeting);
    g_autoptr(GPtrArray) on_agenda = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
      {
        g_autoptr(RungAgendaItem) item = g_list_model_get_item (agenda, i);

        g_ptr_array_add (on_agenda, g_object_ref (rung_agenda_item_get_candidate (item)));
      }
    take_display_names (self, on_agenda);
  }

  started = rung_print_format_date (rung_meeting_get_started_at (meeting));
  self->title = g_strdup_printf (_("Minutes: %s"), rung_meeting_get_title (meeting));
  /* Translators: the subject of a meeting's minutes: the meeting's title,
   * the panel's name, and when the meeting started */
  self->subject = g_strdup_printf (_("The minutes of the meeting “%s” of %s, started on %s"),
                                   rung_meeting_get_title (meeting), rung_panel_get_name (panel), started);
  set_common_texts (self);

  return self;
}

/* Now, or SOURCE_DATE_EPOCH for output that is the same from run to run. */
static GDateTime *
date_of_now (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64)seconds);

  return g_date_time_new_now_local ();
}

/**
 * rung_print_document_set_date:
 * @date: (nullable): the date the document bears, or %NULL for now (or
 *   SOURCE_DATE_EPOCH where it is set)
 */
void
rung_print_document_set_date (RungPrintDocument *self,
                              GDateTime         *date)
{
  g_return_if_fail (RUNG_IS_PRINT_DOCUMENT (self));

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date ? g_date_time_ref (date) : date_of_now ();
  g_free (self->date_text);
  /* Translators: the date on a cover, in g_date_time_format()'s terms */
  self->date_text = g_date_time_format (self->date, _("%-d %B %Y"));
}

/**
 * rung_print_document_get_date:
 *
 * Returns: (transfer none): the date the document bears
 */
GDateTime *
rung_print_document_get_date (RungPrintDocument *self)
{
  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (self), NULL);

  return self->date;
}

const char *
rung_print_document_get_title (RungPrintDocument *self)
{
  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (self), NULL);

  return self->title;
}

const char *
rung_print_document_get_subject (RungPrintDocument *self)
{
  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (self), NULL);

  return self->subject;
}

const char *
rung_print_document_get_author (RungPrintDocument *self)
{
  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (self), NULL);

  return self->author;
}

void
_rung_print_document_set_outline_func (RungPrintDocument    *self,
                                       RungPrintOutlineFunc  func,
                                       gpointer              user_data)
{
  self->outline_func = func;
  self->outline_data = user_data;
}

gboolean
_rung_print_document_is_book (RungPrintDocument *self)
{
  return self->is_book;
}

RungPanel *
_rung_print_document_get_panel (RungPrintDocument *self)
{
  return self->panel;
}

/* Sections and their blocks */

static GPtrArray *
build_section (RungPrintDocument *self,
               guint              index)
{
  const Section *section = &g_array_index (self->sections, Section, index);
  RungPrintInfo info = { self->panel, self->date_text, self->confidential, self->blind, self->display_names };

  switch (section->kind)
    {
    case SECTION_BOOK_COVER:
      return rung_print_book_build_cover (&info, self->candidates);
    case SECTION_CONTENTS:
      /* The packets follow the cover and the contents; the summary and the
       * rater calibration end the book. */
      return rung_print_book_build_contents (&info, self->candidates, 2, self->sections->len - 2);
    case SECTION_PACKET:
      {
        GPtrArray *blocks = rung_print_packet_build (&info, section->candidate);

        /* The blocks hold copies of what they show: the candidate's lists
         * can go, so that a book does not keep every candidate's. */
        rung_candidate_forget_loaded (section->candidate);

        return blocks;
      }
    case SECTION_SUMMARY:
      return rung_print_book_build_summary (&info, self->candidates);
    case SECTION_CALIBRATION:
      return rung_print_calibration_build (&info);
    case SECTION_MINUTES:
      return rung_print_minutes_build (&info, self->meeting);
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
ensure_blocks (RungPrintDocument *self,
               guint              section)
{
  if (self->blocks_section != section)
    {
      g_clear_pointer (&self->blocks, g_ptr_array_unref);
      self->blocks = build_section (self, section);
      self->blocks_section = section;
    }

  return self->blocks;
}

static const char *
running_head (RungPrintDocument *self,
              guint              section)
{
  const Section *s = &g_array_index (self->sections, Section, section);

  switch (s->kind)
    {
    case SECTION_PACKET:
      return candidate_name (self, s->candidate);
    case SECTION_CONTENTS:
      return _("Contents");
    case SECTION_SUMMARY:
      return _("Summary of decisions");
    case SECTION_CALIBRATION:
      return _("Rater calibration");
    case SECTION_MINUTES:
      return self->title;
    case SECTION_BOOK_COVER:
    default:
      return _("Committee book");
    }
}

/* Page furniture */

static PangoLayout *
marginal_layout (RungPrintDocument *self,
                 const char        *text,
                 double             width,
                 PangoAlignment     alignment)
{
  PangoLayout *layout = pango_layout_new (self->pango);

  rung_print_theme_apply (layout, RUNG_PRINT_STYLE_MARGINAL);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  /* A running head is a reminder of what the page holds, in full elsewhere. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
show_marginal (cairo_t     *cr,
               PangoLayout *layout,
               double       x,
               double       baseline)
{
  rung_print_theme_set_style_ink (cr, RUNG_PRINT_STYLE_MARGINAL);
  cairo_move_to (cr, x, baseline - (double)pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

/* Draws @text, or the layout kept in @keep for what every page repeats. */
static void
draw_marginal (RungPrintDocument  *self,
               cairo_t            *cr,
               PangoLayout       **keep,
               const char         *text,
               double              x,
               double              baseline,
               double              width,
               PangoAlignment      alignment)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (keep != NULL && *keep == NULL)
    *keep = marginal_layout (self, text, width, alignment);
  if (keep == NULL)
    layout = marginal_layout (self, text, width, alignment);

  show_marginal (cr, keep ? *keep : layout, x, baseline);
}

static void
draw_furniture (RungPrintDocument *self,
                cairo_t           *cr,
                guint              section,
                guint              page_number)
{
  double left = RUNG_PRINT_MARGIN_SIDE, width = self->page_width - 2 * RUNG_PRINT_MARGIN_SIDE;
  double foot = self->page_height - RUNG_PRINT_FOOT_BASELINE;
  g_autofree char *page_text = NULL;

  cairo_save (cr);

  draw_marginal (self, cr, &self->head_layout, rung_panel_get_name (self->panel), left,
                 RUNG_PRINT_HEAD_BASELINE, width * 0.48, PANGO_ALIGN_LEFT);
  draw_marginal (self, cr, NULL, running_head (self, section), left + width * 0.52,
                 RUNG_PRINT_HEAD_BASELINE, width * 0.48, PANGO_ALIGN_RIGHT);

  rung_print_theme_set_ink (cr, RUNG_PRINT_INK_RULE);
  cairo_set_line_width (cr, RUNG_PRINT_RULE_HAIRLINE);
  cairo_move_to (cr, left, RUNG_PRINT_HEAD_BASELINE + 6);
  cairo_line_to (cr, left + width, RUNG_PRINT_HEAD_BASELINE + 6);
  cairo_move_to (cr, left, foot - 11);
  cairo_line_to (cr, left + width, foot - 11);
  cairo_stroke (cr);

  /* Translators: the foot of every printed page */
  page_text = g_strdup_printf (_("Page %u of %u"), page_number, self->pages->len);
  draw_marginal (self, cr, &self->foot_layout, self->footer_note, left, foot, width * 0.7, PANGO_ALIGN_LEFT);
  draw_marginal (self, cr, NULL, page_text, left + width * 0.7, foot, width * 0.3, PANGO_ALIGN_RIGHT);

  cairo_restore (cr);
}

/* Filling a page */

typedef struct
{
  RungPrintDocument *self;
  GPtrArray         *blocks;
  RungPrintFrame     frame;
  cairo_t           *cr;
  guint              page_number;
  /* Blocks measured ahead (to keep a heading with what follows it) are
   * kept until they are placed or the page ends. */
  GHashTable        *measures;     /* block → RungPrintMeasure */
} Filler;

static RungPrintMeasure *
measure_of (Filler         *filler,
            RungPrintBlock *block)
{
  RungPrintMeasure *measure = g_hash_table_lookup (filler->measures, block);

  if (measure == NULL)
    {
      measure = rung_print_measure_new (block, &filler->frame);
      g_hash_table_insert (filler->measures, block, measure);
    }

  return measure;
}

static void
forget_measure (Filler         *filler,
                RungPrintBlock *block)
{
  g_hash_table_remove (filler->measures, block);
}

/* The headings of @index's table, if it opens its table or the page. */
static RungPrintBlock *
head_before (Filler   *filler,
             guint     index,
             gboolean  placed)
{
  RungPrintBlock *block = g_ptr_array_index (filler->blocks, index);
  RungPrintBlock *previous;

  if (block->kind != RUNG_PRINT_BLOCK_ROW || block->table->head == NULL)
    return NULL;
  if (!placed || index == 0)
    return block->table->head;

  previous = g_ptr_array_index (filler->blocks, index - 1);

  return previous->table != block->table ? block->table->head : NULL;
}

/* The height that must fit below a heading for it to stay on this page:
 * the opening of what follows, and of what follows that if it too keeps
 * with the next. */
static double
opening_height (Filler *filler,
                guint   index,
                guint   depth)
{
  RungPrintBlock *block, *head;
  double height;

  if (index >= filler->blocks->len)
    return 0;

  block = g_ptr_array_index (filler->blocks, index);
  if (block->kind == RUNG_PRINT_BLOCK_PAGE_BREAK)
    return 0;

  height = block->space_before;
  if ((head = head_before (filler, index, TRUE)))
    height += rung_print_measure_get_height (measure_of (filler, head), NULL);

  if (block->keep_with_next && depth < 3)
    height += rung_print_measure_get_height (measure_of (filler, block), NULL) +
              opening_height (filler, index + 1, depth + 1);
  else
    height += rung_print_measure_get_opening_height (measure_of (filler, block));

  return height;
}

static void
place (Filler           *filler,
       RungPrintBlock   *head,
       RungPrintMeasure *measure,
       RungPrintBlock   *block,
       const guint      *starts,
       const guint      *ends,
       double            y)
{
  RungPrintDocument *self = filler->self;

  if (filler->cr == NULL)
    return;

  if (head != NULL)
    {
      RungPrintMeasure *head_measure = measure_of (filler, head);

      rung_print_measure_draw (head_measure, filler->cr, &filler->frame, NULL, NULL, y);
      y += rung_print_measure_get_height (head_measure, NULL);
    }

  if (starts == NULL && block->outline_level > 0 && self->outline_func != NULL)
    self->outline_func (block->outline_level, block->outline_title, filler->page_number, y,
                        self->outline_data);

  rung_print_measure_draw (measure, filler->cr, &filler->frame, starts, ends, y);
}

/* Fills the page that starts at @cursor, drawing it on @cr if there is one,
 * and moves @cursor to where the next page starts. */
static void
fill_page (RungPrintDocument *self,
           Cursor            *cursor,
           cairo_t           *cr,
           guint              page_number)
{
  double bottom = self->page_height - RUNG_PRINT_MARGIN_BOTTOM;
  double y = RUNG_PRINT_MARGIN_TOP;
  gboolean placed = FALSE;
  Filler filler = {
    .self = self,
    .cr = cr,
    .page_number = page_number,
    .frame = {
      .pango = self->pango,
      .x = RUNG_PRINT_MARGIN_SIDE,
      .width = self->page_width - 2 * RUNG_PRINT_MARGIN_SIDE,
      .section_pages = self->section_pages,
      .n_sections = self->sections->len,
      .shared_layouts = self->shared_layouts,
    },
    .measures = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)rung_print_measure_free),
  };

  if (cr != NULL)
    {
      draw_furniture (self, cr, cursor->section, page_number);

      /* Where the contents' links to this section lead. */
      if (cursor->block == 0 && cursor->starts == NULL)
        {
          /* Not translated: the attributes of a cairo tag */
          g_autofree char *dest = g_strdup_printf ("name='rung-section-%u' x=0 y=0", cursor->section);

          cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
          cairo_tag_end (cr, CAIRO_TAG_DEST);
        }
    }

  while (cursor->section < self->sections->len)
    {
      RungPrintBlock *block, *head;
      RungPrintMeasure *measure;
      g_autofree guint *ends = NULL;
      double gap, head_height = 0, available, rest, height;

      filler.blocks = ensure_blocks (self, cursor->section);
      if (cursor->block >= filler.blocks->len)
        {
          /* Every section starts on a page of its own. */
          cursor->section++;
          cursor->block = 0;
          cursor_clear (cursor);
          if (placed)
            break;
          continue;
        }

      block = g_ptr_array_index (filler.blocks, cursor->block);
      if (block->kind == RUNG_PRINT_BLOCK_PAGE_BREAK)
        {
          cursor->block++;
          if (placed)
            break;
          continue;
        }

      measure = measure_of (&filler, block);
      head = head_before (&filler, cursor->block, placed);
      gap = placed ? block->space_before : 0;
      if (head != NULL)
        head_height = rung_print_measure_get_height (measure_of (&filler, head), NULL);
      available = bottom - y - gap - head_height;
      rest = rung_print_measure_get_height (measure, cursor->starts);

      if (rest <= available + 0.01)
        {
          if (placed && block->keep_with_next && cursor->starts == NULL &&
              rest + opening_height (&filler, cursor->block + 1, 0) > available + 0.01)
            break;

          place (&filler, head, measure, block, cursor->starts, NULL, y + gap);
          y += gap + head_height + rest;
          placed = TRUE;
          forget_measure (&filler, block);
          cursor->block++;
          cursor_clear (cursor);
          continue;
        }

      /* It does not fit whole: a figure goes to the next page, a row breaks
       * between lines, and an empty page takes what it can. */
      ends = g_new0 (guint, MAX (rung_print_measure_get_n_columns (measure), 1));
      if (!rung_print_measure_fit (measure, cursor->starts, available, TRUE, ends, &height))
        {
          if (placed)
            break;
          rung_print_measure_fit (measure, cursor->starts, available, FALSE, ends, &height);
        }

      place (&filler, head, measure, block, cursor->starts, ends, y + gap);
      y += gap + head_height + height;
      placed = TRUE;

      if (block->kind != RUNG_PRINT_BLOCK_ROW || rung_print_measure_is_complete (measure, ends))
        {
          forget_measure (&filler, block);
          cursor->block++;
          cursor_clear (cursor);
          continue;
        }

      g_free (cursor->starts);
      cursor->starts = g_steal_pointer (&ends);
      break;
    }

  g_hash_table_unref (filler.measures);
}

static gboolean
cursor_equal (const Cursor *a,
              const Cursor *b,
              guint         n_columns)
{
  if (a->section != b->section || a->block != b->block)
    return FALSE;
  if ((a->starts == NULL) != (b->starts == NULL))
    return FALSE;

  return a->starts == NULL || memcmp (a->starts, b->starts, n_columns * sizeof (guint)) == 0;
}

static guint
columns_at (RungPrintDocument *self,
            const Cursor      *cursor)
{
  GPtrArray *blocks;
  RungPrintBlock *block;

  if (cursor->section >= self->sections->len)
    return 0;
  blocks = ensure_blocks (self, cursor->section);
  if (cursor->block >= blocks->len)
    return 0;
  block = g_ptr_array_index (blocks, cursor->block);

  return block->kind == RUNG_PRINT_BLOCK_ROW ? block->table->n_columns : 0;
}

static Cursor
cursor_copy (const Cursor *cursor,
             guint         n_columns)
{
  Cursor copy = *cursor;

  copy.starts = cursor->starts ? g_memdup2 (cursor->starts, n_columns * sizeof (guint)) : NULL;

  return copy;
}

/* How far pagination has come: sections done, and the share of the
 * section under way that its blocks placed so far are. */
static double
pagination_fraction (RungPrintDocument *self,
                     const Cursor      *cursor)
{
  double within = 0;

  if (cursor->section >= self->sections->len)
    return 1.0;
  if (self->blocks_section == cursor->section && self->blocks->len > 0)
    within = (double)MIN (cursor->block, self->blocks->len) / self->blocks->len;

  return (cursor->section + within) / self->sections->len;
}

/**
 * rung_print_document_paginate:
 * @page_width: in points, the paper's full width
 * @page_height: in points, the paper's full height
 *
 * Lays the document out on pages of this size (the document keeps its own
 * margins, so draw on the whole paper: in a GtkPrintOperation, use the full
 * page and points). Only where each page starts is kept.
 *
 * Returns: whether it could be laid out; pages too small are refused
 */
gboolean
rung_print_document_paginate (RungPrintDocument  *self,
                              double              page_width,
                              double              page_height,
                              GError            **error)
{
  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _rung_print_document_paginate_full (self, page_width, page_height, NULL, NULL, NULL, error);
}

/* rung_print_document_paginate(), telling @progress how far it is after
 * each page and giving up between two pages once @cancellable is
 * cancelled: the document is then left without pages. */
gboolean
_rung_print_document_paginate_full (RungPrintDocument      *self,
                                    double                  page_width,
                                    double                  page_height,
                                    GCancellable           *cancellable,
                                    RungPrintProgressFunc   progress,
                                    gpointer                user_data,
                                    GError                **error)
{
  Cursor cursor = { 0 };

  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (page_width < MIN_PAGE_WIDTH || page_height < MIN_PAGE_HEIGHT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The page is too small to print on (%.0f × %.0f points)."),
                   page_width, page_height);
      return FALSE;
    }

  self->page_width = page_width;
  self->page_height = page_height;
  g_hash_table_remove_all (self->shared_layouts);
  g_clear_object (&self->head_layout);
  g_clear_object (&self->foot_layout);
  g_array_set_size (self->pages, 0);
  g_clear_pointer (&self->section_pages, g_free);

  /* The first pages of the sections, for the contents and the links. */
  {
    g_autofree guint *section_pages = g_new0 (guint, self->sections->len);

    while (cursor.section < self->sections->len)
      {
        guint n_columns;
        Cursor start;

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          {
            cursor_clear (&cursor);
            g_array_set_size (self->pages, 0);
            return FALSE;
          }

        n_columns = columns_at (self, &cursor);
        start = cursor_copy (&cursor, n_columns);

        if (cursor.block == 0 && cursor.starts == NULL && section_pages[cursor.section] == 0)
          section_pages[cursor.section] = self->pages->len + 1;

        g_array_append_val (self->pages, start);
        fill_page (self, &cursor, NULL, self->pages->len);

        /* Every page places something or moves on; if not, move on by force. */
        if (cursor_equal (&cursor, &start, n_columns))
          {
            g_warn_if_reached ();
            cursor_clear (&cursor);
            cursor.block++;
          }

        if (progress != NULL)
          progress (pagination_fraction (self, &cursor), user_data);
      }
    cursor_clear (&cursor);

    if (self->pages->len == 0)
      {
        Cursor blank = { 0 };

        g_array_append_val (self->pages, blank);
      }

    for (guint s = 0; s < self->sections->len; s++)
      if (section_pages[s] == 0)
        section_pages[s] = MIN (s > 0 ? section_pages[s - 1] : 1, self->pages->len);

    self->section_pages = g_steal_pointer (&section_pages);
  }

  return TRUE;
}

/**
 * rung_print_document_get_n_pages:
 *
 * Returns: the number of pages, once paginated; 0 before
 */
guint
rung_print_document_get_n_pages (RungPrintDocument *self)
{
  g_return_val_if_fail (RUNG_IS_PRINT_DOCUMENT (self), 0);

  return self->section_pages ? self->pages->len : 0;
}

/**
 * rung_print_document_draw_page:
 * @cr: a cairo context whose user space is the page, in points
 * @page_nr: 0-based, less than rung_print_document_get_n_pages()
 *
 * Draws one page: its running head and foot, and what it holds. The links
 * of the contents are tagged for surfaces that keep them (PDF).
 */
void
rung_print_document_draw_page (RungPrintDocument *self,
                               cairo_t           *cr,
                               guint              page_nr)
{
  Cursor cursor;
  const Cursor *start;

  g_return_if_fail (RUNG_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->section_pages != NULL);
  g_return_if_fail (page_nr < self->pages->len);

  start = &g_array_index (self->pages, Cursor, page_nr);
  cursor = cursor_copy (start, columns_at (self, start));

  cairo_save (cr);
  fill_page (self, &cursor, cr, page_nr + 1);
  cairo_restore (cr);

  cursor_clear (&cursor);
}

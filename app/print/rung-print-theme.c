/* rung-print-theme.c: fonts, sizes and inks of the printed documents. One
 * sans-serif family in a few sizes and weights, near-black text, grey for
 * what is secondary, one blue accent; everything in points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-print-theme"

#include "config.h"

#include <pango/pangocairo.h>

#include "rung-print-theme-private.h"

typedef struct
{
  const char   *font;
  double        line_spacing;   /* a factor of the font's height; 0 for the font's own */
  double        letter_spacing; /* points */
  gboolean      uppercase;      /* our own headings only: never applied to user text */
  RungPrintInk  ink;
} StyleSpec;

static const StyleSpec styles[RUNG_PRINT_N_STYLES] = {
  [RUNG_PRINT_STYLE_KICKER]      = { "Sans Bold 8.5",    0,    0.9, TRUE,  RUNG_PRINT_INK_ACCENT },
  [RUNG_PRINT_STYLE_TITLE]       = { "Sans Bold 25",     1.05, 0,   FALSE, RUNG_PRINT_INK },
  [RUNG_PRINT_STYLE_SUBTITLE]    = { "Sans 14",          1.1,  0,   FALSE, RUNG_PRINT_INK_SECONDARY },
  [RUNG_PRINT_STYLE_HEADING]     = { "Sans Bold 15",     1.1,  0,   FALSE, RUNG_PRINT_INK },
  [RUNG_PRINT_STYLE_SUBHEADING]  = { "Sans Bold 10.5",   1.1,  0,   FALSE, RUNG_PRINT_INK },
  [RUNG_PRINT_STYLE_BODY]        = { "Sans 8.8",         1.22, 0,   FALSE, RUNG_PRINT_INK },
  [RUNG_PRINT_STYLE_STRONG]      = { "Sans Bold 8.8",    1.18, 0,   FALSE, RUNG_PRINT_INK },
  [RUNG_PRINT_STYLE_QUIET]       = { "Sans 8.3",         1.22, 0,   FALSE, RUNG_PRINT_INK_SECONDARY },
  [RUNG_PRINT_STYLE_EMPTY]       = { "Sans Italic 8.5",  1.2,  0,   FALSE, RUNG_PRINT_INK_SECONDARY },
  [RUNG_PRINT_STYLE_SMALL]       = { "Sans 7.4",         1.2,  0,   FALSE, RUNG_PRINT_INK_SECONDARY },
  [RUNG_PRINT_STYLE_LABEL]       = { "Sans 8.5",         1.22, 0,   FALSE, RUNG_PRINT_INK_SECONDARY },
  [RUNG_PRINT_STYLE_COLUMN_HEAD] = { "Sans Bold 6.8",    1.15, 0,   FALSE, RUNG_PRINT_INK_SECONDARY },
  [RUNG_PRINT_STYLE_MARGINAL]    = { "Sans 7",           0,    0.2, FALSE, RUNG_PRINT_INK_SECONDARY },
  [RUNG_PRINT_STYLE_OUTCOME]     = { "Sans Bold 13",     1.1,  0,   FALSE, RUNG_PRINT_INK },
  [RUNG_PRINT_STYLE_NUMBER]      = { "Sans 8.8",         1.2,  0,   FALSE, RUNG_PRINT_INK },
};

static const double inks[][3] = {
  [RUNG_PRINT_INK]           = { 0.110, 0.110, 0.122 },
  [RUNG_PRINT_INK_SECONDARY] = { 0.369, 0.369, 0.400 },
  [RUNG_PRINT_INK_RULE]      = { 0.760, 0.760, 0.785 },
  [RUNG_PRINT_INK_ACCENT]    = { 0.106, 0.357, 0.690 },
  [RUNG_PRINT_INK_TINT]      = { 0.945, 0.953, 0.969 },
};

/* What every paragraph asks for, made once for the process and never
 * changed after: documents are laid out in several threads at once (the
 * window exports a book in a worker while it prints a packet), and each
 * layout only reads these. */
typedef struct
{
  PangoFontDescription *fonts[RUNG_PRINT_N_STYLES];
  /* A word broken across lines gets no hyphen: what people wrote (a link,
   * a long identifier) copies out of the PDF as they wrote it. */
  PangoAttrList        *plain;
  PangoAttrList        *spaced[RUNG_PRINT_N_STYLES];
} Shared;

static const Shared *
shared (void)
{
  static Shared shared;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      shared.plain = pango_attr_list_new ();
      pango_attr_list_insert (shared.plain, pango_attr_insert_hyphens_new (FALSE));

      for (guint style = 0; style < RUNG_PRINT_N_STYLES; style++)
        {
          const StyleSpec *spec = &styles[style];

          shared.fonts[style] = pango_font_description_from_string (spec->font);
          if (spec->letter_spacing > 0)
            {
              shared.spaced[style] = pango_attr_list_new ();
              pango_attr_list_insert (shared.spaced[style], pango_attr_insert_hyphens_new (FALSE));
              pango_attr_list_insert (shared.spaced[style],
                                      pango_attr_letter_spacing_new ((int)(spec->letter_spacing * PANGO_SCALE)));
            }
        }

      g_once_init_leave (&initialized, 1);
    }

  return &shared;
}

/**
 * rung_print_theme_create_context:
 *
 * A Pango context that lays text out in points, with unhinted metrics: the
 * lines break the same way whatever the cairo context they are drawn on
 * (a PDF surface, a printer's, a scaled preview), so pages measured once
 * draw the same everywhere.
 */
PangoContext *
rung_print_theme_create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);

  return context;
}

void
rung_print_theme_apply (PangoLayout    *layout,
                        RungPrintStyle  style)
{
  const StyleSpec *spec;

  g_assert (style < RUNG_PRINT_N_STYLES);

  spec = &styles[style];
  pango_layout_set_font_description (layout, shared ()->fonts[style]);
  if (spec->line_spacing > 0)
    pango_layout_set_line_spacing (layout, spec->line_spacing);

  pango_layout_set_attributes (layout, shared ()->spaced[style] ? shared ()->spaced[style] : shared ()->plain);
}

/* Our own headings may be set in capitals; what users wrote never is. */
char *
rung_print_theme_transform (RungPrintStyle  style,
                            const char     *text)
{
  g_assert (style < RUNG_PRINT_N_STYLES);

  return styles[style].uppercase ? g_utf8_strup (text, -1) : g_strdup (text);
}

void
rung_print_theme_set_ink (cairo_t      *cr,
                          RungPrintInk  ink)
{
  cairo_set_source_rgb (cr, inks[ink][0], inks[ink][1], inks[ink][2]);
}

void
rung_print_theme_set_style_ink (cairo_t        *cr,
                                RungPrintStyle  style)
{
  g_assert (style < RUNG_PRINT_N_STYLES);

  rung_print_theme_set_ink (cr, styles[style].ink);
}

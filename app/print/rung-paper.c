/* rung-paper.c: A4 and US Letter, in PostScript points, and which of them
 * the user's locale prints on (LC_PAPER), A4 when it does not say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-paper"

#include "config.h"

#include <langinfo.h>

#include <glib/gi18n.h>

#include "rung-paper.h"

#define POINTS_PER_MM (72.0 / 25.4)

/**
 * rung_paper_get_default:
 *
 * Returns: US Letter where the locale's paper is 216 × 279 mm, A4 otherwise
 */
RungPaper
rung_paper_get_default (void)
{
#ifdef __GLIBC__
  /* glibc answers these as ints smuggled through the pointer. */
  int width = (int)(gintptr)nl_langinfo (_NL_PAPER_WIDTH);
  int height = (int)(gintptr)nl_langinfo (_NL_PAPER_HEIGHT);

  if (width == 216 && height == 279)
    return RUNG_PAPER_LETTER;
#endif

  return RUNG_PAPER_A4;
}

/**
 * rung_paper_from_string:
 * @name: "a4" or "letter", in any case
 *
 * Returns: whether @name is a paper Rung knows; @error says which it knows
 */
gboolean
rung_paper_from_string (const char  *name,
                        RungPaper   *paper,
                        GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = RUNG_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = RUNG_PAPER_LETTER;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: "a4" and "letter" are values of --paper; keep them as they are */
                   _("Unknown paper “%s”: use a4 or letter."), name);
      return FALSE;
    }

  return TRUE;
}

const char *
rung_paper_to_string (RungPaper paper)
{
  return paper == RUNG_PAPER_LETTER ? "letter" : "a4";
}

/**
 * rung_paper_get_size:
 *
 * The size of @paper in points (1/72 inch), portrait.
 */
void
rung_paper_get_size (RungPaper  paper,
                     double    *width,
                     double    *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == RUNG_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 210 * POINTS_PER_MM;
      *height = 297 * POINTS_PER_MM;
    }
}

/* pdf-helpers.h: what the print tests share to read a PDF back: running
 * poppler's tools, its metadata, and comparing text as pdftotext gives it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* Without white space: line breaks, columns and justification aside, every
 * other character must come out, in order. Hyphens go too: pdftotext joins
 * a line that ends in one to the next and drops it, as if the typesetter
 * had hyphenated the word (Rung never does). */
static inline char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* pdftotext marks right-to-left runs with embedding controls. */
      gboolean bidi_control = c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
                              (c >= 0x2066 && c <= 0x2069);

      if (!g_unichar_isspace (c) && c != 0x200B && c != '-' && !bidi_control)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static inline gboolean
contains_squeezed (const char *haystack,
                   const char *needle)
{
  g_autofree char *h = squeeze (haystack);
  g_autofree char *n = squeeze (needle);

  return strstr (h, n) != NULL;
}

/* Runs @argv and gives what it printed; a failure fails the test. */
static inline char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

static inline char *
pdf_info (const char *pdf)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", pdf, NULL };

  return run_tool (argv);
}

/* The value of @field ("Title", "Pages", …) in pdfinfo's @info. */
static inline char *
info_field (const char *info,
            const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (field, ":", NULL);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));

  return NULL;
}

/* Asserts that a PDF is readable by its owner alone, as the panel is. */
static inline void
assert_private_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Asserts that each of @n_pages @pages (pdftotext's, split at form feeds)
 * has @head and @title at the head, and "Page X of Y" and @foot at the
 * foot. */
static inline void
assert_every_page_framed (char       **pages,
                          guint        n_pages,
                          const char  *head,
                          const char  *title,
                          const char  *foot)
{
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page_of = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (pages[p]);
      g_assert_nonnull (strstr (pages[p], head));
      g_assert_nonnull (strstr (pages[p], title));
      g_assert_nonnull (strstr (pages[p], page_of));
      g_assert_nonnull (strstr (pages[p], foot));
    }
}

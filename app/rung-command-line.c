/* rung-command-line.c: the headless side of the `rung` binary. When the
 * command line asks for one of these commands, main() runs it here without
 * ever starting GTK: it works without a display, prints its result to stdout,
 * its errors to stderr, and exits non-zero on failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rung-command-line"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rung-candidate.h"
#include "rung-command-line.h"
#include "rung-csv.h"
#include "rung-demo.h"
#include "rung-ladder.h"
#include "rung-meeting.h"
#include "rung-packet-import.h"
#include "rung-packet.h"
#include "rung-panel.h"
#include "rung-pdf-export.h"
#include "rung-print-document.h"

typedef struct
{
  char     *validate_ladder;
  char     *demo;
  char     *export_csv;
  char     *export_pdf;
  char     *candidate;
  char     *paper;
  char     *export_minutes;
  char     *meeting;
  char     *export_packet;
  char    **import_packets;
  gboolean  allow_unmapped;
  gboolean  replace;
  gboolean  keep_both;
  gboolean  version;
  char    **files;
} Options;

/* The entries as the window's --help shows them: GApplication takes them
 * with no storage of their own. */
static const GOptionEntry help_entries[] = {
  { "validate-ladder", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a ladder file and print what it holds"), N_("LADDER") },
  { "demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Create a demo panel file with fictional candidates"), N_("FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the decisions of the panel FILE as a spreadsheet (CSV) to OUT"), N_("OUT") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the committee book of the panel FILE, or with --candidate one packet, as a PDF to OUT"), N_("OUT") },
  { "candidate", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf or --export-packet, the candidate whose packet to write"), N_("NAME") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf or --export-minutes, the paper: a4 or letter (default: the locale’s)"), N_("PAPER") },
  { "export-minutes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the minutes of the panel FILE’s last ended meeting, or with --meeting another, as a PDF to OUT"),
    N_("OUT") },
  { "meeting", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-minutes, the id of the meeting whose minutes to write"), N_("ID") },
  { "export-packet", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the packet file of the --candidate of the panel FILE to OUT, for another panel to import"),
    N_("OUT") },
  { "import-packet", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Import a packet file into the panel FILE; give it once for each packet"), N_("PACKET") },
  { "allow-unmapped", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-packet, leave out what does not map to the panel’s version of the ladder"), NULL },
  { "replace", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-packet, replace a candidate of the same name (they can be restored)"), NULL },
  { "keep-both", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-packet, add the candidate beside one of the same name"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

const GOptionEntry *
rung_command_line_get_entries (void)
{
  return help_entries;
}

/**
 * rung_command_line_wants_headless:
 *
 * Returns: whether @argv asks for a headless command rather than the window
 */
gboolean
rung_command_line_wants_headless (int    argc,
                                  char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;

      for (guint j = 0; help_entries[j].long_name != NULL; j++)
        {
          g_autofree char *option = g_strconcat ("--", help_entries[j].long_name, NULL);

          if (g_str_equal (argv[i], option) ||
              (g_str_has_prefix (argv[i], option) && argv[i][strlen (option)] == '='))
            return TRUE;
        }
    }

  return FALSE;
}

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Not translated: the program's name before its message */
  g_printerr ("rung: %s\n", message);
  return 1;
}

static int
validate_ladder (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RungLadder) ladder = NULL;
  g_autofree char *description = NULL;

  ladder = rung_ladder_new_from_file (file, &error);
  if (ladder == NULL)
    {
      /* The message already reads FILE:LINE:COLUMN: what is wrong. */
      g_printerr ("%s\n", error->message);
      return 1;
    }

  description = rung_ladder_describe (ladder);
  g_print ("%s\n", description);

  return 0;
}

static int
create_demo (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;

  if (!(panel = rung_demo_create (path, &error)))
    return fail ("%s", error->message);

  rung_panel_close (panel);
  g_print (_("Created the demo panel %s\n"), path);

  return 0;
}

static RungPanel *
open_panel (char    **files,
            GError  **error)
{
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Name exactly one panel file."));
      return NULL;
    }

  return rung_panel_open (files[0], RUNG_STORE_OPEN_READ_ONLY_OK, error);
}

static int
export_csv (const char  *out,
            char       **files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;

  if (!(panel = open_panel (files, &error)))
    return fail ("%s", error->message);

  if (!rung_csv_export_decisions (panel, out, &error))
    return fail ("%s", error->message);

  return 0;
}

static int
export_pdf (const char  *out,
            const char  *candidate_name,
            const char  *paper_name,
            char       **files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;
  g_autoptr(RungPrintDocument) document = NULL;
  RungPaper paper = rung_paper_get_default ();
  guint n_pages;

  if (paper_name != NULL && !rung_paper_from_string (paper_name, &paper, &error))
    return fail ("%s", error->message);

  if (!(panel = open_panel (files, &error)))
    return fail ("%s", error->message);

  if (candidate_name != NULL)
    {
      RungCandidate *candidate = rung_panel_find_candidate_by_name (panel, candidate_name);

      if (candidate == NULL)
        return fail (_("The panel has no candidate “%s”."), candidate_name);
      document = rung_print_document_new_packet (candidate);
    }
  else
    {
      document = rung_print_document_new_book (panel);
    }

  if (!rung_pdf_export (document, out, paper, &error))
    return fail ("%s", error->message);

  n_pages = rung_print_document_get_n_pages (document);
  g_print (ngettext ("Wrote %s: %u page\n", "Wrote %s: %u pages\n", n_pages), out, n_pages);

  return 0;
}

/* The meeting @id_text names, or the last one to have ended. */
static RungMeeting *
find_meeting (RungPanel   *panel,
              const char  *id_text,
              GError     **error)
{
  g_autoptr(GListModel) meetings = NULL;
  RungMeeting *found = NULL;
  gint64 id = 0;
  guint n;

  if (id_text != NULL && !g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a meeting id: give the number of a meeting."), id_text);
      return NULL;
    }

  if (!(meetings = rung_panel_list_meetings (panel, error)))
    return NULL;

  /* The first meeting first, and one open at a time: the last ended meeting
   * of the list is the one that ended last. */
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RungMeeting) meeting = g_list_model_get_item (meetings, i);

      if (id_text != NULL ? rung_meeting_get_id (meeting) == id : !rung_meeting_is_open (meeting))
        {
          g_set_object (&found, meeting);
          if (id_text != NULL)
            break;
        }
    }

  if (found == NULL && id_text != NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RungMeeting) meeting = g_list_model_get_item (meetings, i);
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, rung_meeting_get_id (meeting));

          if (i > 0)
            g_string_append (known, _(", "));
          /* Translators: a meeting in a list: its id, then its title */
          g_string_append_printf (known, _("%s (“%s”)"), number, rung_meeting_get_title (meeting));
        }

      if (n == 0)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("The panel has no meeting %s: it has had no meetings."), id_text);
      else
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("The panel has no meeting %s. Its meetings are %s."), id_text, known->str);
    }
  else if (found == NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         _("The panel has no meeting that has ended, so there are no minutes to write. "
                           "For the draft minutes of a meeting under way, name it with --meeting."));

  return found;
}

static int
export_minutes (const char  *out,
                const char  *meeting_id,
                const char  *paper_name,
                char       **files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;
  g_autoptr(RungMeeting) meeting = NULL;
  g_autoptr(RungPrintDocument) document = NULL;
  RungPaper paper = rung_paper_get_default ();
  guint n_pages;

  if (paper_name != NULL && !rung_paper_from_string (paper_name, &paper, &error))
    return fail ("%s", error->message);

  if (!(panel = open_panel (files, &error)))
    return fail ("%s", error->message);

  if (!(meeting = find_meeting (panel, meeting_id, &error)))
    return fail ("%s", error->message);

  document = rung_print_document_new_minutes (panel, meeting);
  if (!rung_pdf_export (document, out, paper, &error))
    return fail ("%s", error->message);

  n_pages = rung_print_document_get_n_pages (document);
  g_print (ngettext ("Wrote %s: %u page\n", "Wrote %s: %u pages\n", n_pages), out, n_pages);

  return 0;
}

static int
export_packet (const char  *out,
               const char  *candidate_name,
               char       **files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;
  g_autoptr(RungPacket) packet = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);
  RungCandidate *candidate;
  guint n_items;

  if (candidate_name == NULL)
    return fail ("%s", _("Name the candidate whose packet to write with --candidate."));

  if (!(panel = open_panel (files, &error)))
    return fail ("%s", error->message);

  if (!(candidate = rung_panel_find_candidate_by_name (panel, candidate_name)))
    return fail (_("The panel has no candidate “%s”."), candidate_name);

  packet = rung_packet_new_from_candidate (candidate);
  if (!rung_packet_write_file (packet, file, &error))
    return fail ("%s", error->message);

  n_items = rung_packet_get_n_items (packet);
  g_print (ngettext ("Wrote %s: the packet of %s, %u item of evidence\n",
                     "Wrote %s: the packet of %s, %u items of evidence\n", n_items),
           out, rung_candidate_get_name (candidate), n_items);

  return 0;
}

static RungPacketImportFlags
import_flags (const Options *options)
{
  RungPacketImportFlags flags = RUNG_PACKET_IMPORT_DEFAULT;

  if (options->allow_unmapped)
    flags |= RUNG_PACKET_IMPORT_ALLOW_UNMAPPED;
  if (options->replace)
    flags |= RUNG_PACKET_IMPORT_REPLACE;
  if (options->keep_both)
    flags |= RUNG_PACKET_IMPORT_KEEP_BOTH;

  return flags;
}

/* What to do about a refusal the command line's flags could overcome. */
static const char *
import_hint (const GError *error)
{
  if (g_error_matches (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_UNMAPPED))
    return _("To import it without them, add --allow-unmapped.");
  if (g_error_matches (error, RUNG_PACKET_ERROR, RUNG_PACKET_ERROR_DUPLICATE))
    return _("To replace them, add --replace; to add the packet beside them, --keep-both.");

  return NULL;
}

static void
print_left_out (RungPanel  *panel,
                RungPacket *packet)
{
  g_autoptr(RungPacketPlan) plan = rung_panel_plan_packet_import (panel, packet, NULL);

  if (plan == NULL)
    return;

  for (guint i = 0; i < plan->unmapped->len; i++)
    /* Translators: one thing a packet held that the import left out */
    g_printerr (_("rung: left out: %s\n"), (const char *)g_ptr_array_index (plan->unmapped, i));
}

/* Imports one packet, all or nothing, and says what it did. */
static gboolean
import_one_packet (RungPanel              *panel,
                   const char             *path,
                   RungPacketImportFlags   flags)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPacket) packet = NULL;
  RungCandidate *candidate;
  guint n_items;

  if (!(packet = rung_packet_new_from_file (file, &error)))
    {
      /* The message already reads FILE:LINE:COLUMN: what is wrong. */
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  if (flags & RUNG_PACKET_IMPORT_ALLOW_UNMAPPED)
    print_left_out (panel, packet);

  if (!(candidate = rung_panel_import_packet (panel, packet, flags, &error)))
    {
      const char *hint = import_hint (error);

      g_printerr ("%s\n", error->message);
      if (hint != NULL)
        g_printerr ("%s\n", hint);
      return FALSE;
    }

  n_items = rung_candidate_get_n_evidence (candidate);
  g_print (ngettext ("Imported %s from %s: %u item of evidence\n",
                     "Imported %s from %s: %u items of evidence\n", n_items),
           rung_candidate_get_name (candidate), rung_packet_get_display_name (packet), n_items);

  return TRUE;
}

static int
import_packets (char                  **paths,
                RungPacketImportFlags   flags,
                char                  **files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RungPanel) panel = NULL;
  guint n_failed = 0;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return fail ("%s", _("Name exactly one panel file."));

  if (!(panel = rung_panel_open (files[0], RUNG_STORE_OPEN_DEFAULT, &error)))
    return fail ("%s", error->message);

  for (guint i = 0; paths[i] != NULL; i++)
    if (!import_one_packet (panel, paths[i], flags))
      n_failed++;

  rung_panel_close (panel);

  if (n_failed > 0 && paths[1] != NULL)
    return fail (ngettext ("%u of %u packets was not imported; the others were.",
                           "%u of %u packets were not imported; the others were.", n_failed),
                 n_failed, g_strv_length (paths));

  return n_failed > 0 ? 1 : 0;
}

static void
options_clear (Options *options)
{
  g_free (options->validate_ladder);
  g_free (options->demo);
  g_free (options->export_csv);
  g_free (options->export_pdf);
  g_free (options->candidate);
  g_free (options->paper);
  g_free (options->export_minutes);
  g_free (options->meeting);
  g_free (options->export_packet);
  g_strfreev (options->import_packets);
  g_strfreev (options->files);
}

/**
 * rung_command_line_run:
 *
 * Parses @argv and runs the headless command it asks for.
 *
 * Returns: the exit status
 */
int
rung_command_line_run (int    argc,
                       char **argv)
{
  Options options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "validate-ladder", 0, 0, G_OPTION_ARG_FILENAME, &options.validate_ladder, NULL, NULL },
    { "demo", 0, 0, G_OPTION_ARG_FILENAME, &options.demo, NULL, NULL },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &options.export_csv, NULL, NULL },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, &options.export_pdf, NULL, NULL },
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &options.candidate, NULL, NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper, NULL, NULL },
    { "export-minutes", 0, 0, G_OPTION_ARG_FILENAME, &options.export_minutes, NULL, NULL },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &options.meeting, NULL, NULL },
    { "export-packet", 0, 0, G_OPTION_ARG_FILENAME, &options.export_packet, NULL, NULL },
    { "import-packet", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.import_packets, NULL, NULL },
    { "allow-unmapped", 0, 0, G_OPTION_ARG_NONE, &options.allow_unmapped, NULL, NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &options.replace, NULL, NULL },
    { "keep-both", 0, 0, G_OPTION_ARG_NONE, &options.keep_both, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, NULL },
    { NULL }
  };

  for (guint i = 0; help_entries[i].long_name != NULL; i++)
    {
      entries[i].description = help_entries[i].description;
      entries[i].arg_description = help_entries[i].arg_description;
    }

  context = g_option_context_new (_("[FILE]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      options_clear (&options);
      return fail ("%s", error->message);
    }

  if (options.version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      status = 0;
    }
  else if (options.validate_ladder != NULL)
    status = validate_ladder (options.validate_ladder);
  else if (options.demo != NULL)
    status = create_demo (options.demo);
  else if (options.export_csv != NULL)
    status = export_csv (options.export_csv, options.files);
  else if (options.export_pdf != NULL && options.meeting != NULL)
    status = fail ("%s", _("--meeting goes with --export-minutes."));
  else if (options.export_pdf != NULL)
    status = export_pdf (options.export_pdf, options.candidate, options.paper, options.files);
  else if (options.export_minutes != NULL && options.candidate != NULL)
    status = fail ("%s", _("--candidate goes with --export-pdf or --export-packet."));
  else if (options.export_minutes != NULL)
    status = export_minutes (options.export_minutes, options.meeting, options.paper, options.files);
  else if (options.export_packet != NULL)
    status = export_packet (options.export_packet, options.candidate, options.files);
  else if (options.import_packets != NULL && options.replace && options.keep_both)
    status = fail ("%s", _("Give --replace or --keep-both, not both."));
  else if (options.import_packets != NULL)
    status = import_packets (options.import_packets, import_flags (&options), options.files);
  else if (options.meeting != NULL)
    status = fail ("%s", _("--meeting goes with --export-minutes."));
  else if (options.allow_unmapped || options.replace || options.keep_both)
    status = fail ("%s", _("--allow-unmapped, --replace and --keep-both go with --import-packet."));
  else if (options.candidate != NULL || options.paper != NULL)
    status = fail ("%s", _("--candidate goes with --export-pdf or --export-packet, and --paper with "
                           "--export-pdf or --export-minutes."));
  else
    status = fail ("%s", _("No command given."));

  options_clear (&options);

  return status;
}

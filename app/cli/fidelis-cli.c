/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli: the headless face of libfidelis-core. A small dispatcher:
 * the first argument names the command, the larger commands live in their
 * own files (fid-cli-*.c), the one-screen ones (info, search) here. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fid-cli-admin.h"
#include "fid-cli-campaign.h"
#include "fid-cli-geo.h"
#include "fid-cli-loyalty.h"
#include "fid-cli-nbo.h"
#include "fid-cli-private.h"
#include "fid-cli-report.h"
#include "fid-cli-survey.h"
#include "fid-store.h"

void
fid_cli_print_usage (FILE     *stream,
                     gboolean  full)
{
  fprintf (stream, "%s",
           _("Usage:\n"
             "  fidelis-cli demo [--customers N] [--seed S] --output FILE\n"
             "  fidelis-cli info FILE\n"
             "  fidelis-cli customer show ID FILE\n"
             "  fidelis-cli search TEXT FILE\n"
             "  fidelis-cli export customers|transactions|interactions FILE\n"
             "  fidelis-cli segment SCHEME FILE --as-of YYYY-MM-DD [--window-days N]\n"
             "                      [--format csv|json] [--output PATH] [--save]\n"
             "                      [--a-percent N] [--b-percent N]\n"
             "  fidelis-cli segment summary FILE --as-of YYYY-MM-DD [--window-days N]\n"
             "  fidelis-cli survey analyze kano|servqual|nps|csat|ces FILE.csv\n"
             "                     [--weights FILE.csv] [--format json|csv]\n"
             "  fidelis-cli survey import FILE SURVEY_ID FILE.csv [--weights FILE.csv]\n"
             "  fidelis-cli report FILE --output FILE.pdf [--dashboard marketing|advisor]\n"
             "                     [--branch ID] [--advisor ID] [--months N] [--end YYYY-MM-DD]\n"
             "  fidelis-cli help\n"));
  fprintf (stream, "%s",
           _("  fidelis-cli import FILE.csv|FILE.vcf DB --kind KIND [--map COLUMN=FIELD]…\n"
             "                     [--dry-run]\n"));
  fprintf (stream, "%s",
           _("  fidelis-cli backup FILE DEST | FILE --auto [--keep N] [--dir DIR]\n"
             "  fidelis-cli restore BACKUP FILE [--no-safety-copy]\n"
             "  fidelis-cli audit verify FILE | audit list FILE [--customer ID] [--limit N]\n"
             "  fidelis-cli gdpr export ID FILE [--json OUT] [--pdf OUT]\n"
             "  fidelis-cli gdpr erase ID FILE [--anonymise]\n"));
  fprintf (stream, "%s",
           _("  fidelis-cli geo import FILE.geojson DB [--name-property P] [--code-property P]\n"
             "                  [--set-name NAME]\n"
             "  fidelis-cli geo summary DB --measure customers|revenue|penetration|mean-margin|segment:NAME\n"
             "                  [--format csv|json] [--branches]\n"));
  fprintf (stream, "%s",
           _("  fidelis-cli nbo CUSTOMER_ID FILE [--as-of YYYY-MM-DD] [--max N] [--json]\n"
             "  fidelis-cli nbo refresh FILE\n"
             "  fidelis-cli pipeline FILE [--advisor ID] [--branch ID] [--json]\n"));
  fprintf (stream, "%s",
           _("  fidelis-cli campaign list FILE\n"
             "  fidelis-cli campaign create FILE --name NAME [--channel C] [--preferred-channel]\n"
             "                     [--family F] [--starts DATE] [--ends DATE] [--objective TEXT]\n"
             "                     [--saved-segment SCHEME:DATE:SEGMENT] [--segment S]\n"
             "                     [--lifecycle STAGE] [--branch ID] [--holds F] [--not-holds F]\n"
             "                     [--age MIN-MAX] [--control PCT] [--seed N]\n"
             "                     [--cost-per-contact EUR] [--fixed-cost EUR] [--margin EUR]\n"
             "                     [--attribution-days N]\n"
             "  fidelis-cli campaign plan ID FILE [--cap N] [--cap-days D] [--at WHEN]\n"
             "                     [--launch] [--json]\n"
             "  fidelis-cli campaign responses ID FILE RESPONSES.csv\n"
             "  fidelis-cli campaign results ID FILE [--json]\n"));
  fprintf (stream, "%s",
           _("  fidelis-cli loyalty ledger CUSTOMER_ID FILE | loyalty accrue FILE [--as-of DATE]\n"
             "  fidelis-cli loyalty stats FILE --from DATE --to DATE\n"
             "  fidelis-cli score FILE [--format csv|json] [--as-of DATE] [--explain] [--save]\n"));

  if (!full)
    return;

  fprintf (stream, "\n%s",
           _("Commands:\n"
             "  demo      Generate a demo bank (default 20000 customers, seed 1)\n"
             "  info      Show the schema version and the rows in each table\n"
             "  customer  Print a customer’s 360 view as JSON\n"
             "  search    List the customers matching TEXT (each word a prefix)\n"
             "  export    Write a table as CSV on standard output\n"
             "  segment   Segment the customers as of a date, one row per customer;\n"
             "            SCHEME is rfm, frat, abc, profitability, loyalty, clv or\n"
             "            lifecycle (window 365 days, ABC shares A 10 %, B 35 %);\n"
             "            --save keeps the result as a snapshot in FILE;\n"
             "            summary counts the customers per RFM, ABC and lifecycle\n"
             "            segment\n"
             "  survey    Analyse a Kano, SERVQUAL, NPS, CSAT or CES answers file\n"
             "            (JSON by default; --weights: the SERVQUAL 100-point\n"
             "            allocation); import adds such a file to survey SURVEY_ID\n"
             "  report    Write a dashboard as a PDF report (title page with the key\n"
             "            figures, one chart per page); by default the marketing\n"
             "            dashboard of the 12 months to the last day with data. It\n"
             "            runs the fidelis application, which draws the charts; no\n"
             "            display is needed\n"
             "\n"
             "Databases are opened read-only, except by demo, which creates one,\n"
             "segment --save, which writes the snapshot, and survey import.\n"
             "Exit status: 0 on success, 1 on an error, 2 on a usage error.\n"));
  fprintf (stream, "\n%s",
           _("Importing:\n"
             "  import    Read FILE.csv (KIND is customers, transactions, holdings or\n"
             "            interactions) or FILE.vcf (contacts, imported as customers):\n"
             "            UTF-8 or Windows-1252, separator , ; or tab, French amounts\n"
             "            and DD/MM/YYYY dates. Every row is checked first; the\n"
             "            problems go to standard error (line, column, reason) and then\n"
             "            nothing is written. Otherwise all rows are written to DB in\n"
             "            one transaction. Columns are mapped from their names; --map\n"
             "            COLUMN=FIELD (a name or number, a field or -) changes that;\n"
             "            --dry-run only checks.\n"));
  fprintf (stream, "\n%s",
           _("Backups, audit trail and personal data:\n"
             "  backup    Copy FILE to DEST while it is in use; --auto writes the\n"
             "            daily backup into DIR (~/.local/share/fidelis/backups) and\n"
             "            keeps the newest N (7)\n"
             "  restore   Check BACKUP (integrity, version, audit trail), save FILE\n"
             "            beside the automatic backups, then replace its content\n"
             "  audit     verify checks the audit trail's hash chain and names the\n"
             "            first altered row; list prints the rows, newest first\n"
             "  gdpr      export writes everything held about a customer as JSON\n"
             "            (- for standard output) and/or a PDF; erase deletes the\n"
             "            customer and everything linked, or with --anonymise removes\n"
             "            what identifies them and keeps the financial records; erasure\n"
             "            is refused, with the reason, while anti-money-laundering\n"
             "            rules keep those records (five years after the relationship)\n"
             "restore and gdpr erase write to FILE; customer show, export, backup\n"
             "and gdpr export record themselves in its audit trail when it can be\n"
             "written.\n"));
  fprintf (stream, "\n%s",
           _("Géomarketing:\n"
             "  geo       import checks a GeoJSON file of polygons (WGS 84, longitude\n"
             "            first; properties \"nom\" and \"code\" unless told otherwise)\n"
             "            and writes nothing if any feature is wrong; otherwise it\n"
             "            stores the territories and places every customer in one\n"
             "            transaction. summary prints one row per territory, highest\n"
             "            first (revenue: the last 12 months; segment: share of the\n"
             "            customers in that segment of the latest saved segmentation);\n"
             "            --branches prints each branch's catchment area instead\n"));
  fprintf (stream, "\n%s",
           _("Next best offer and pipeline:\n"
             "  nbo       The customer's suggested offers (3 by default), best first,\n"
             "            with their reason: life-event rules, then products often\n"
             "            held together; refresh recomputes the co-holding statistics\n"
             "            (writes FILE)\n"
             "  pipeline  Opportunities, amount and weighted amount per stage, and the\n"
             "            weighted forecast per month of expected close\n"));
  fprintf (stream, "\n%s",
           _("Campaigns:\n"
             "  campaign  create writes a draft campaign and prints its number; plan\n"
             "            counts the targeted customers, those excluded for want of\n"
             "            marketing consent (e-mail and SMS need a yes, phone and post\n"
             "            a no excludes) or by the contact-pressure cap (at most N\n"
             "            marketing contacts in D days, default 2 in 30; 0: no cap),\n"
             "            the control group and those to contact; --launch records\n"
             "            the contacts (writes FILE); responses imports a CSV file\n"
             "            with a customer_id column (and responded_at), all or\n"
             "            nothing; results prints the response and conversion rates\n"
             "            of both groups, the uplift with its z-test, the incremental\n"
             "            margin and the return on investment\n"));
  fprintf (stream, "\n%s",
           _("Loyalty and engagement:\n"
             "  loyalty   ledger prints a customer's points, newest first, and the\n"
             "            balance; accrue credits the years of relationship and\n"
             "            expires points that are due (writes FILE); stats prints\n"
             "            the programme's figures over a period\n"
             "  score     Every customer's engagement score 0-100 as of a date (today\n"
             "            by default) from contacts, campaign responses, surveys and\n"
             "            referrals; --explain adds what made it; --save caches the\n"
             "            scores for the customer list instead of printing them\n"
             "            (writes FILE)\n"));
}

int
fid_cli_usage_error (const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "fidelis-cli: %s\n", message);
  fid_cli_print_usage (stderr, FALSE);
  fprintf (stderr, "%s\n", _("Run “fidelis-cli help” for more."));
  return FID_CLI_EXIT_USAGE;
}

int
fid_cli_runtime_error (const GError *error)
{
  g_autofree char *message = g_strdup (error->message);

  /* One line, so that scripts can log it as one. */
  g_strdelimit (message, "\r\n", ' ');
  fprintf (stderr, "fidelis-cli: %s\n", message);
  return FID_CLI_EXIT_FAILURE;
}

FidStore *
fid_cli_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  FidStore *store;

  store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    fid_cli_runtime_error (error);
  return store;
}

gboolean
fid_cli_parse_id (const char *text,
                  gint64     *id)
{
  return g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

gboolean
fid_cli_wants_help (int    argc,
                    char **argv)
{
  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "--help"))
        return TRUE;
    }
  return FALSE;
}

/* Reads the value of --name VALUE or --name=VALUE at argv[*i], advancing *i
 * past it. *matched tells whether argv[*i] is that option at all; NULL with
 * *matched set means the value is missing. */
const char *
fid_cli_take_option_value (int          argc,
                           char       **argv,
                           int         *i,
                           const char  *name,
                           gboolean    *matched)
{
  size_t len = strlen (name);
  const char *arg = argv[*i];

  *matched = FALSE;
  if (strncmp (arg, name, len) != 0)
    return NULL;

  if (arg[len] == '=')
    {
      *matched = TRUE;
      return arg + len + 1;
    }
  if (arg[len] != '\0')
    return NULL;

  *matched = TRUE;
  if (*i + 1 >= argc)
    return NULL;
  *i += 1;
  return argv[*i];
}

/* fidelis-cli info FILE */
static int
cli_info (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GArray) counts = NULL;
  const char * const *names = NULL;
  const char *version_label = _("Schema version");
  int name_width;
  int count_width = 1;

  if (argc != 1)
    return fid_cli_usage_error (_("info takes one argument, the database file"));

  store = fid_cli_open_store (argv[0]);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;

  counts = fid_store_count_rows (store, &names, &error);
  if (counts == NULL)
    return fid_cli_runtime_error (error);

  /* One column of names, one of right-aligned counts, wide enough for the
   * longest of each. */
  name_width = (int) g_utf8_strlen (version_label, -1);
  for (guint i = 0; i < counts->len; i++)
    {
      g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 g_array_index (counts, gint64, i));

      name_width = MAX (name_width, (int) strlen (names[i]));
      count_width = MAX (count_width, (int) strlen (digits));
    }

  /* Pad by characters, not bytes: the label is translated. */
  printf ("%s%*s  %*d\n", version_label,
          name_width - (int) g_utf8_strlen (version_label, -1), "",
          count_width, fid_store_get_schema_version (store));
  printf ("\n");
  for (guint i = 0; i < counts->len; i++)
    printf ("%-*s  %*" G_GINT64_FORMAT "\n",
            name_width, names[i], count_width, g_array_index (counts, gint64, i));

  return FID_CLI_EXIT_OK;
}

/* A field of a tab-separated line: tabs and line breaks would split it. */
static char *
tsv_field (const char *text)
{
  return g_strdelimit (g_strdup (text ? text : ""), "\t\r\n", ' ');
}

/* fidelis-cli search TEXT FILE */
static int
cli_search (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GPtrArray) customers = NULL;

  if (argc != 2)
    return fid_cli_usage_error (_("search takes two arguments, the text and the database file"));

  store = fid_cli_open_store (argv[1]);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;

  customers = fid_store_search_customers (store, argv[0], 50, &error);
  if (customers == NULL)
    return fid_cli_runtime_error (error);

  for (guint i = 0; i < customers->len; i++)
    {
      FidCustomer *customer = g_ptr_array_index (customers, i);
      g_autofree char *display_name = fid_customer_dup_display_name (customer);
      g_autofree char *name = tsv_field (display_name);
      g_autofree char *city = tsv_field (fid_customer_get_city (customer));
      g_autofree char *email = tsv_field (fid_customer_get_email (customer));

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
              fid_customer_get_id (customer), name, city, email);
    }

  return FID_CLI_EXIT_OK;
}

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "demo", fid_cli_demo },
  { "info", cli_info },
  { "customer", fid_cli_customer },
  { "search", cli_search },
  { "export", fid_cli_export },
  { "segment", fid_cli_segment },
  { "survey", fid_cli_survey },
  { "report", fid_cli_report },
  { "import", fid_cli_import },
  { "backup", fid_cli_backup },
  { "restore", fid_cli_restore },
  { "audit", fid_cli_audit },
  { "gdpr", fid_cli_gdpr },
  { "geo", fid_cli_geo },
  { "nbo", fid_cli_nbo },
  { "pipeline", fid_cli_pipeline },
  { "campaign", fid_cli_campaign },
  { "loyalty", fid_cli_loyalty },
  { "score", fid_cli_score },
};

/* "fidelis-cli COMMAND --help": the usage lines of that command only (with
 * their continuation lines), from the full, translated usage text. */
static void
print_command_usage (FILE       *stream,
                     const char *command)
{
  g_autofree char *prefix = g_strdup_printf ("fidelis-cli %s", command);
  g_auto(GStrv) lines = NULL;
  char *text = NULL;
  size_t size = 0;
  FILE *memory = open_memstream (&text, &size);
  gboolean in_command = FALSE;

  if (memory == NULL)
    {
      fid_cli_print_usage (stream, TRUE);
      return;
    }
  fid_cli_print_usage (memory, TRUE);
  fclose (memory);
  lines = g_strsplit (text, "\n", -1);
  free (text);

  /* The first line is the "Usage:" title. */
  fprintf (stream, "%s\n", lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *start = lines[i] + strspn (lines[i], " ");

      if (g_str_has_prefix (start, "fidelis-cli "))
        in_command = g_str_has_prefix (start, prefix) &&
                     (start[strlen (prefix)] == ' ' || start[strlen (prefix)] == '\0');
      if (in_command && *start != '\0')
        fprintf (stream, "%s\n", lines[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  const char *name;
  int status;

  setlocale (LC_ALL, "");
  /* FIDELIS_LOCALEDIR lets a run from the build folder (build-aux/run, the
   * tests) use the catalogues meson compiles there, before any install. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FIDELIS_LOCALEDIR") ? g_getenv ("FIDELIS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("fidelis-cli");

  if (argc < 2)
    return fid_cli_usage_error (_("missing command"));

  name = argv[1];
  if (g_str_equal (name, "help") || g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    {
      fid_cli_print_usage (stdout, TRUE);
      return FID_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      printf ("fidelis-cli %s\n", PACKAGE_VERSION);
      return FID_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (name, commands[i].name))
        continue;

      if (fid_cli_wants_help (argc - 2, argv + 2))
        {
          print_command_usage (stdout, name);
          return FID_CLI_EXIT_OK;
        }

      status = commands[i].run (argc - 2, argv + 2);

      /* A full disk or closed pipe shows only when the buffer is flushed. */
      if (fflush (stdout) != 0 && status == FID_CLI_EXIT_OK)
        {
          fprintf (stderr, "fidelis-cli: %s\n", _("Could not write the output."));
          status = FID_CLI_EXIT_FAILURE;
        }
      return status;
    }

  return fid_cli_usage_error (_("unknown command “%s”"), name);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Importing files as people have them (issue 9): encodings, separators,
 * quoted fields, French numbers and dates, the column mapping, every
 * kind, all or nothing, cancelling, vCard 3 and 4. The bad-input
 * catalogue is test-import-bad.c. */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "fid-csv.h"
#include "fid-import.h"
#include "fid-store-export.h"
#include "fid-store-workspace.h"
#include "fid-test-util.h"
#include "fid-vcard.h"

/* Helpers */

static FidImport *
load (FidImportKind  kind,
      const char    *name,
      const char    *data,
      gssize         length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  FidImport *import = fid_import_new (kind);

  if (!fid_import_load_bytes (import, bytes, name, &error))
    {
      for (guint i = 0; i < fid_import_get_n_problems (import); i++)
        g_printerr ("%s\n", fid_import_problem_to_string (fid_import_get_problem (import, i)));
      g_error ("loading %s: %s", name, error->message);
    }
  return import;
}

static FidImport *
load_fixture (FidImportKind  kind,
              const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FidImport *import = fid_import_new (kind);

  g_assert_true (fid_import_load_file (import, file, NULL, &error));
  g_assert_no_error (error);
  return import;
}

static void
print_report (FidImport *import)
{
  for (guint i = 0; i < fid_import_get_n_problems (import); i++)
    {
      g_autofree char *text = fid_import_problem_to_string (fid_import_get_problem (import, i));

      g_test_message ("%s", text);
    }
}

static void
assert_run_ok (FidImport *import,
               FidStore  *store,
               guint      n_expected)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = fid_import_run (import, store, FALSE, NULL, NULL, NULL, &error);

  print_report (import);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (fid_import_get_n_imported (import), ==, n_expected);
}

/* The field mapped to the column named @name. */
static const char *
mapped_field (FidImport  *import,
              const char *name)
{
  for (guint i = 0; i < fid_import_get_n_columns (import); i++)
    if (g_str_equal (fid_import_get_column_name (import, i), name))
      {
        int field = fid_import_get_mapping (import, i);

        return field >= 0 ? fid_import_field_get_key (fid_import_get_kind (import), field) : "-";
      }
  g_error ("no column %s", name);
  return NULL;
}

/* The store's content: every table's rows (fid_store_content_digest) and
 * the number of audit rows, which the digest leaves out. */
static char *
content (FidStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = fid_store_content_digest (store, &error);
  g_autoptr(GArray) counts = NULL;
  const char * const *names = NULL;
  g_autoptr(GString) out = NULL;

  g_assert_no_error (error);
  counts = fid_store_count_rows (store, &names, &error);
  g_assert_no_error (error);
  out = g_string_new (digest);
  for (guint i = 0; i < counts->len; i++)
    g_string_append_printf (out, " %s=%" G_GINT64_FORMAT, names[i], g_array_index (counts, gint64, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
count_rows (FidStore   *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = NULL;
  const char * const *names = NULL;

  counts = fid_store_count_rows (store, &names, &error);
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], table))
      return g_array_index (counts, gint64, i);
  g_assert_not_reached ();
  return -1;
}

/* A store with three customers (ids 1, 2, 3), the second with an e-mail. */
static FidStore *
store_with_customers (void)
{
  FidStore *store = fid_test_new_store ();
  g_autoptr(FidCustomer) second = fid_test_customer ("Paul", "Martin", "Lyon");
  g_autoptr(GError) error = NULL;

  fid_test_insert (store, "Hélène", "Château", "Lyon");
  fid_customer_set_email (second, "paul.martin@exemple.fr");
  g_assert_true (fid_store_insert_customer (store, second, &error));
  g_assert_no_error (error);
  fid_test_insert (store, "Anne", "Durand", "Nantes");
  fid_test_exec_raw (fid_store_get_path (store),
                     "INSERT INTO branches (id, code, name, city) VALUES (1, 'LYO', 'Lyon Bellecour', 'Lyon');"
                     "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES (1, 1, 'Jeanne', 'Roux');"
                     "INSERT INTO products (id, code, name, family) VALUES"
                     " (1, 'LIV-A', 'Livret A', 'savings'), (2, 'CC-STD', 'Compte courant', 'current_account');");
  return store;
}

/* The CSV reader */

static void
test_csv_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  FidCsvInfo info;
  /* "Nom;Ville\nHélène;Château" in Windows-1252 (French Excel). */
  static const char cp1252[] = "Nom;Ville\r\nH\xe9l\xe8ne;Ch\xe2teau\r\n\x8c" "uvre;\x80\r\n";
  static const char bom[] = "\xef\xbb\xbfNom;Ville\nH\xc3\xa9l\xc3\xa8ne;Ch\xc3\xa2teau\n";
  /* UTF-16LE with its BOM: Excel's "Unicode text", tab-separated. */
  static const char utf16[] = "\xff\xfeN\0o\0m\0\t\0V\0i\0l\0l\0e\0\r\0\n\0H\0\xe9\0l\0\xe8\0n\0e\0\t\0L\0y\0o\0n\0\r\0\n\0";
  FidCsvRecord *r;

  records = fid_csv_read (cp1252, sizeof cp1252 - 1, 0, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.encoding, ==, FID_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpint (info.separator, ==, ';');
  g_assert_cmpuint (records->len, ==, 3);
  r = g_ptr_array_index (records, 1);
  g_assert_cmpstr (r->fields[0], ==, "Hélène");
  g_assert_cmpstr (r->fields[1], ==, "Château");
  r = g_ptr_array_index (records, 2);
  g_assert_cmpstr (r->fields[0], ==, "Œuvre");
  g_assert_cmpstr (r->fields[1], ==, "€");
  g_clear_pointer (&records, g_ptr_array_unref);

  records = fid_csv_read (bom, sizeof bom - 1, 0, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.encoding, ==, FID_CSV_ENCODING_UTF8_BOM);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpstr (r->fields[0], ==, "Nom");  /* no BOM left in the first name */
  r = g_ptr_array_index (records, 1);
  g_assert_cmpstr (r->fields[0], ==, "Hélène");
  g_clear_pointer (&records, g_ptr_array_unref);

  records = fid_csv_read (bom + 3, sizeof bom - 4, 0, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.encoding, ==, FID_CSV_ENCODING_UTF8);
  g_clear_pointer (&records, g_ptr_array_unref);

  records = fid_csv_read (utf16, sizeof utf16 - 1, 0, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.encoding, ==, FID_CSV_ENCODING_UTF16);
  g_assert_cmpint (info.separator, ==, '\t');
  r = g_ptr_array_index (records, 1);
  g_assert_cmpstr (r->fields[0], ==, "Hélène");
  g_assert_cmpstr (r->fields[1], ==, "Lyon");
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Not text at all. */
  records = fid_csv_read ("Nom\nA\nB\0C\n", 10, 0, &info, &error);
  g_assert_null (records);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (info.error_line, ==, 3);
  g_assert_nonnull (strstr (error->message, "NUL"));
  g_clear_error (&error);

  /* 0x81 has no character in Windows-1252. */
  records = fid_csv_read ("Nom\nA\xe9\n\x81\n", 9, 0, &info, &error);
  g_assert_null (records);
  g_assert_cmpuint (info.error_line, ==, 3);
  g_clear_error (&error);
}

static void
test_csv_separators (void)
{
  static const struct
  {
    const char *text;
    char        separator;
    guint       n_fields;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',', 3 },
    { "a;b;c\n1;2,5;3\n", ';', 3 },                       /* a French decimal is not a separator */
    { "a\tb\tc\n1\t2;3\t4,5\n", '\t', 3 },
    { "nom,notes\nA,\"x; y; z\"\nB,\"p;q\"\n", ',', 2 },  /* separators inside quotes do not count */
    { "nom;notes\nA;\"1,2,3,4\"\n", ';', 2 },
    { "nom\nA\nB\n", ',', 1 },                            /* one column: nothing to detect */
    { "a;b\r\n1;2\r\n", ';', 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;
      FidCsvInfo info;
      FidCsvRecord *r;

      records = fid_csv_read (cases[i].text, strlen (cases[i].text), 0, &info, &error);
      g_assert_no_error (error);
      g_assert_cmpint (info.separator, ==, cases[i].separator);
      r = g_ptr_array_index (records, 1);
      g_assert_cmpuint (g_strv_length (r->fields), ==, cases[i].n_fields);
    }
}

static void
test_csv_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  static const char text[] =
    "nom;notes;montant\r\n"
    "Dupont;\"Appel du 3 mars ; rappeler\r\nle 10 \"\"sans faute\"\"\";\"1 234,56\"\r\n"
    "\r\n"
    "Martin;\"\";12\r\n"
    "\"Durand\" ;x;1";
  FidCsvRecord *r;
  guint line = 0, column = 0;

  records = fid_csv_parse_strict (text, strlen (text), 0, &line, &column, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 4);
  r = g_ptr_array_index (records, 1);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_cmpstr (r->fields[1], ==, "Appel du 3 mars ; rappeler\nle 10 \"sans faute\"");
  g_assert_cmpstr (r->fields[2], ==, "1 234,56");
  r = g_ptr_array_index (records, 2);
  g_assert_cmpuint (r->line, ==, 5);  /* after a record of two lines and a blank line */
  g_assert_cmpstr (r->fields[1], ==, "");
  r = g_ptr_array_index (records, 3);
  g_assert_cmpuint (r->line, ==, 6);
  g_assert_cmpstr (r->fields[0], ==, "Durand");  /* spaces after the closing quote */
  g_assert_cmpstr (r->fields[2], ==, "1");        /* no final line break */
  g_clear_pointer (&records, g_ptr_array_unref);

  /* An unclosed quote is reported where it opens. */
  records = fid_csv_parse_strict ("a;b\n1;2\n3;\"x\n4;5\n", 17, ';', &line, &column, &error);
  g_assert_null (records);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 2);
  g_clear_error (&error);

  /* Text after a closing quote is a broken field. */
  records = fid_csv_parse_strict ("a;b\n\"x\"y;2\n", 11, ';', &line, &column, &error);
  g_assert_null (records);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 1);
  g_clear_error (&error);

  /* fid_csv_parse keeps its old, lenient contract. */
  records = fid_csv_parse ("a,b\n\"x\"y,2\n", 11, &error);
  g_assert_no_error (error);
  r = g_ptr_array_index (records, 1);
  g_assert_cmpstr (r->fields[0], ==, "xy");
  g_clear_pointer (&records, g_ptr_array_unref);
  records = fid_csv_parse ("a,b\n\"x,2\n", 9, &error);
  g_assert_null (records);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);
  records = fid_csv_parse ("a\tb\n1\t2\n", 8, &error);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpuint (g_strv_length (r->fields), ==, 1);  /* tabs were never its separator */
}

/* Values */

static void
test_amounts (void)
{
  static const struct
  {
    const char *text;
    gboolean    ok;
    gint64      cents;
  } cases[] = {
    { "12", TRUE, 1200 },
    { "12,5", TRUE, 1250 },
    { "12.50", TRUE, 1250 },
    { "1 234,56", TRUE, 123456 },
    { "1\xc2\xa0" "234,56", TRUE, 123456 },          /* no-break space: French Excel */
    { "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567,8", TRUE, 123456780 },  /* narrow no-break space */
    { "1.234,56", TRUE, 123456 },
    { "1,234.56", TRUE, 123456 },
    { "1.234.567", TRUE, 123456700 },
    { "-12,50", TRUE, -1250 },
    { "\xe2\x88\x92" "3", TRUE, -300 },              /* U+2212 minus sign */
    { "(45,00)", TRUE, -4500 },
    { "12,50 €", TRUE, 1250 },
    { "€ 3", TRUE, 300 },
    { "99 EUR", TRUE, 9900 },
    { ",5", TRUE, 50 },
    { "0", TRUE, 0 },
    { "12,345", FALSE, 0 },                           /* three decimals */
    { "1.23.45", FALSE, 0 },
    { "douze", FALSE, 0 },
    { "12a", FALSE, 0 },
    { "1e5", FALSE, 0 },
    { "--3", FALSE, 0 },
    { "", FALSE, 0 },
    { "-", FALSE, 0 },
    { "99999999999999999", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 0;
      gboolean ok = fid_import_parse_amount (cases[i].text, &cents, &error);

      if (ok != cases[i].ok)
        g_error ("“%s”: expected %s", cases[i].text, cases[i].ok ? "an amount" : "an error");
      if (ok)
        g_assert_cmpint (cents, ==, cases[i].cents);
      else
        g_assert_nonnull (error);
    }
}

static void
test_dates (void)
{
  static const struct
  {
    const char *text;
    gboolean    with_time;
    const char *iso;     /* NULL: refused */
    const char *reason;  /* part of the refusal */
  } cases[] = {
    { "14/07/1985", FALSE, "1985-07-14", NULL },
    { "1/2/2024", FALSE, "2024-02-01", NULL },
    { "29/02/2024", FALSE, "2024-02-29", NULL },
    { "2024-02-29", FALSE, "2024-02-29", NULL },
    { "14-07-1985", FALSE, "1985-07-14", NULL },
    { "14.07.1985", FALSE, "1985-07-14", NULL },
    { " 03/04/2020 00:00 ", FALSE, "2020-04-03", NULL },
    { "31/02/2024", FALSE, NULL, "29 days" },
    { "29/02/2023", FALSE, NULL, "28 days" },
    { "31/04/2024", FALSE, NULL, "30 days" },
    { "2024-02-30", FALSE, NULL, "29 days" },
    { "12/31/2024", FALSE, NULL, "month 31" },
    { "01/02/24", FALSE, NULL, "four digits" },
    { "00/01/2024", FALSE, NULL, "31 days" },
    { "01/01/0024", FALSE, NULL, "year" },
    { "demain", FALSE, NULL, "not a date" },
    { "2024/13/01", FALSE, NULL, "month 13" },
    { "15/03/2024 14:30", TRUE, "2024-03-15T14:30:00", NULL },
    { "15/03/2024 14h30", TRUE, "2024-03-15T14:30:00", NULL },
    { "2024-03-15T09:05:07", TRUE, "2024-03-15T09:05:07", NULL },
    { "2024-03-15", TRUE, "2024-03-15T00:00:00", NULL },
    { "15/03/2024 25:00", TRUE, NULL, "date and time" },
    { "15/03/2024 à midi", TRUE, NULL, "date and time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      gboolean ok = cases[i].with_time ? fid_import_parse_date_time (cases[i].text, &iso, &error)
                                       : fid_import_parse_date (cases[i].text, &iso, &error);

      if (cases[i].iso != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
      else
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
          if (strstr (error->message, cases[i].reason) == NULL)
            g_error ("“%s”: “%s” does not say “%s”", cases[i].text, error->message, cases[i].reason);
        }
    }
}

/* Mapping */

static void
test_mapping_guess (void)
{
  g_autoptr(FidImport) customers = NULL;
  g_autoptr(FidImport) transactions = NULL;
  g_autoptr(FidImport) english = NULL;
  g_autoptr(GError) error = NULL;

  customers = load (FID_IMPORT_CUSTOMERS, "clients.csv",
                    "Civilité;Nom;Prénom;Date de naissance;Courriel;Tél. portable;Adresse;CP;Ville;"
                    "Revenus annuels;Remarque\n"
                    "Mme;Château;Hélène;14/07/1985;h@exemple.fr;0612345678;1 rue;69001;Lyon;42 000;x\n", -1);
  g_assert_cmpstr (mapped_field (customers, "Civilité"), ==, "title");
  g_assert_cmpstr (mapped_field (customers, "Nom"), ==, "last_name");
  g_assert_cmpstr (mapped_field (customers, "Prénom"), ==, "first_name");
  g_assert_cmpstr (mapped_field (customers, "Date de naissance"), ==, "birth_date");
  g_assert_cmpstr (mapped_field (customers, "Courriel"), ==, "email");
  g_assert_cmpstr (mapped_field (customers, "Tél. portable"), ==, "phone");
  g_assert_cmpstr (mapped_field (customers, "Adresse"), ==, "address");
  g_assert_cmpstr (mapped_field (customers, "CP"), ==, "postcode");
  g_assert_cmpstr (mapped_field (customers, "Ville"), ==, "city");
  g_assert_cmpstr (mapped_field (customers, "Revenus annuels"), ==, "annual_income");
  g_assert_cmpstr (mapped_field (customers, "Remarque"), ==, "-");

  transactions = load (FID_IMPORT_TRANSACTIONS, "ventes.csv",
                       "N° client;Date de l'opération;Montant TTC (€);Famille de produit;Canal\n"
                       "1;02/01/2024;12,50;Épargne;Agence\n", -1);
  g_assert_cmpstr (mapped_field (transactions, "N° client"), ==, "customer_id");
  g_assert_cmpstr (mapped_field (transactions, "Date de l'opération"), ==, "date");
  g_assert_cmpstr (mapped_field (transactions, "Montant TTC (€)"), ==, "amount");
  g_assert_cmpstr (mapped_field (transactions, "Famille de produit"), ==, "product_family");
  g_assert_cmpstr (mapped_field (transactions, "Canal"), ==, "channel");

  english = load (FID_IMPORT_CUSTOMERS, "export.csv",
                  "First name,Last name,Date of birth,E-mail,Phone,Postcode,City,Company\n"
                  "Jane,Doe,1980-01-02,j@example.com,0612345678,75001,Paris,x\n", -1);
  g_assert_cmpstr (mapped_field (english, "First name"), ==, "first_name");
  g_assert_cmpstr (mapped_field (english, "Last name"), ==, "last_name");
  g_assert_cmpstr (mapped_field (english, "Date of birth"), ==, "birth_date");
  g_assert_cmpstr (mapped_field (english, "E-mail"), ==, "email");
  /* "Company" would be the name too, but the name is taken. */
  g_assert_cmpstr (mapped_field (english, "Company"), ==, "-");

  /* The user's changes: a column by name or number, a field by key or label. */
  g_assert_true (fid_import_map (english, "Company=last_name", &error));
  g_assert_cmpstr (mapped_field (english, "Company"), ==, "last_name");
  g_assert_cmpstr (mapped_field (english, "Last name"), ==, "-");
  g_assert_true (fid_import_map (english, "8=-", &error));
  g_assert_cmpstr (mapped_field (english, "Company"), ==, "-");
  g_assert_true (fid_import_map (english, "last name=Last name", &error));
  g_assert_cmpstr (mapped_field (english, "Last name"), ==, "last_name");
  g_assert_false (fid_import_map (english, "Nope=email", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (fid_import_map (english, "City=shoe_size", &error));
  g_assert_nonnull (strstr (error->message, "last_name"));  /* lists the fields */
  g_clear_error (&error);

  /* What the header names best. */
  g_assert_cmpint (fid_import_guess_kind (customers), ==, FID_IMPORT_CUSTOMERS);
  g_assert_cmpint (fid_import_guess_kind (transactions), ==, FID_IMPORT_TRANSACTIONS);
  g_assert_cmpint (fid_import_get_kind (transactions), ==, FID_IMPORT_TRANSACTIONS);  /* unchanged */
  {
    g_auto(GStrv) missing = fid_import_dup_missing_fields (transactions);

    g_assert_cmpuint (g_strv_length (missing), ==, 0);
  }

  /* Changing the kind guesses again. */
  fid_import_set_kind (transactions, FID_IMPORT_INTERACTIONS);
  g_assert_cmpstr (mapped_field (transactions, "Date de l'opération"), ==, "-");
  g_assert_cmpstr (mapped_field (transactions, "Canal"), ==, "channel");
  {
    g_auto(GStrv) missing = fid_import_dup_missing_fields (transactions);

    g_assert_cmpuint (g_strv_length (missing), ==, 1);
    g_assert_cmpstr (missing[0], ==, "Date and time");
  }
}

/* Every kind */

static void
test_customers_cp1252 (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidImport) import = load_fixture (FID_IMPORT_CUSTOMERS, "customers-fr-cp1252.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCustomer) helene = NULL;
  g_autoptr(FidCustomer) francois = NULL;
  g_autoptr(FidCustomer) oeuvre = NULL;

  g_assert_cmpint (fid_import_get_encoding (import), ==, FID_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpint (fid_import_get_separator (import), ==, ';');
  g_assert_cmpuint (fid_import_get_n_rows (import), ==, 3);
  g_assert_cmpstr (mapped_field (import, "N° client"), ==, "id");
  g_assert_cmpstr (mapped_field (import, "Revenu annuel"), ==, "annual_income");

  assert_run_ok (import, store, 3);
  helene = fid_store_get_customer (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_customer_get_last_name (helene), ==, "Château");
  g_assert_cmpstr (fid_customer_get_first_name (helene), ==, "Hélène");
  g_assert_cmpstr (fid_customer_get_title (helene), ==, "Mme");
  g_assert_cmpstr (fid_customer_get_birth_date (helene), ==, "1985-07-14");
  g_assert_cmpstr (fid_customer_get_address (helene), ==, "12, rue de l'Église");
  g_assert_cmpint (fid_customer_get_annual_income_cents (helene), ==, 4250000);
  g_assert_cmpstr (fid_customer_get_lifecycle_stage (helene), ==, "prospect");
  francois = fid_store_get_customer (store, 2, &error);
  g_assert_cmpstr (fid_customer_get_address (francois), ==, "3 place Bellecour, Bâtiment B");
  g_assert_cmpint (fid_customer_get_annual_income_cents (francois), ==, 123456);
  oeuvre = fid_store_get_customer (store, 3, &error);
  g_assert_cmpstr (fid_customer_get_last_name (oeuvre), ==, "Œuvre & Cie");
  g_assert_cmpint (fid_customer_get_annual_income_cents (oeuvre), ==, -1);

  /* Found by search as any customer (the index follows in the transaction). */
  {
    g_autoptr(GPtrArray) found = fid_store_search_customers (store, "helene chat", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
  }
  /* One audit row for the import. */
  g_assert_cmpint (count_rows (store, "audit_log"), >=, 1);
}

static void
test_customers_ids (void)
{
  g_autoptr(FidStore) store = store_with_customers ();
  g_autoptr(FidImport) import = NULL;
  g_autoptr(FidCustomer) kept = NULL;
  g_autoptr(GError) error = NULL;

  /* The file's own numbers are kept when they are free. */
  import = load (FID_IMPORT_CUSTOMERS, "c.csv",
                 "id,type,last_name,first_name,lifecycle_stage,advisor_id,branch_id\n"
                 "1000,entreprise,Boulangerie Martin,,Nouveau,1,1\n"
                 "1001,particulier,Roux,Léa,satisfait,,\n", -1);
  assert_run_ok (import, store, 2);
  kept = fid_store_get_customer (store, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_customer_get_kind (kept), ==, "company");
  g_assert_cmpstr (fid_customer_get_lifecycle_stage (kept), ==, "new");
  g_assert_cmpint (fid_customer_get_advisor_id (kept), ==, 1);
}

static void
test_transactions (void)
{
  g_autoptr(FidStore) store = store_with_customers ();
  g_autoptr(FidImport) import = NULL;
  g_autoptr(FidCustomer) paul = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wrong = -1;

  import = load (FID_IMPORT_TRANSACTIONS, "ventes.tsv",
                 "Client\tE-mail\tDate\tMontant\tMarge\tFamille\tCanal\n"
                 "1\t\t02/01/2024\t1 234,56\t-10,00\tÉpargne\tAgence\n"
                 "\tPAUL.MARTIN@exemple.fr\t2024-03-15\t99\t\tcarte\tweb\n"
                 "2\t\t31/12/2023\t0,5\t\t\t\n"
                 "3\t\t05/01/2024\t10\t\tlivret a\t\n"     /* a product: its family */
                 "\t\t\t\t\t\t\n", -1);
  g_assert_cmpint (fid_import_get_separator (import), ==, '\t');
  g_assert_cmpstr (mapped_field (import, "E-mail"), ==, "customer_email");
  assert_run_ok (import, store, 4);

  paul = fid_store_get_customer (store, 2, &error);
  g_assert_cmpint (fid_customer_get_tx_count (paul), ==, 2);
  g_assert_cmpint (fid_customer_get_tx_sum_cents (paul), ==, 9950);
  g_assert_cmpstr (fid_customer_get_first_tx_date (paul), ==, "2023-12-31");
  g_assert_cmpstr (fid_customer_get_last_tx_date (paul), ==, "2024-03-15");
  g_assert_true (fid_store_check_aggregates (store, &wrong, &error));
  g_assert_cmpint (wrong, ==, 0);
  {
    g_autoptr(GPtrArray) timeline = fid_store_get_timeline_filtered (store, 3, "transaction", NULL, NULL, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (timeline->len, ==, 1);
    g_assert_cmpstr (fid_timeline_entry_get_title (g_ptr_array_index (timeline, 0)), ==, "savings");
  }
}

static void
test_holdings (void)
{
  g_autoptr(FidStore) store = store_with_customers ();
  g_autoptr(FidImport) import = NULL;
  g_autoptr(GPtrArray) holdings = NULL;
  g_autoptr(GError) error = NULL;

  import = load (FID_IMPORT_HOLDINGS, "contrats.csv",
                 "N° client;Produit;Date d'ouverture;Date de clôture;Solde\n"
                 "1;LIV-A;01/02/2020;;\"12 000,00\"\n"
                 "1;compte courant;15/06/2010;31/12/2023;-250,40\n", -1);
  assert_run_ok (import, store, 2);
  holdings = fid_store_get_holdings (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holdings->len, ==, 2);
  g_assert_cmpstr (fid_holding_get_product_code (g_ptr_array_index (holdings, 0)), ==, "CC-STD");
  g_assert_cmpstr (fid_holding_get_closed_on (g_ptr_array_index (holdings, 0)), ==, "2023-12-31");
  g_assert_cmpint (fid_holding_get_balance_cents (g_ptr_array_index (holdings, 0)), ==, -25040);
  g_assert_cmpint (fid_holding_get_balance_cents (g_ptr_array_index (holdings, 1)), ==, 1200000);
}

static void
test_interactions (void)
{
  g_autoptr(FidStore) store = store_with_customers ();
  g_autoptr(FidImport) import = NULL;
  g_autoptr(FidInteraction) first = NULL;
  g_autoptr(FidCustomer) helene = NULL;
  g_autoptr(GError) error = NULL;

  import = load (FID_IMPORT_INTERACTIONS, "contacts.csv",
                 "Client;Canal;Sens;Date;Conseiller;Objet;Compte rendu;Statut;Relance\n"
                 "1;Téléphone;entrant;15/03/2024 14h30;1;Question carte;\"Carte bloquée ; débloquée.\n"
                 "Rappeler vendredi.\";fait;22/03/2024\n"
                 "3;courriel;sortant;2024-03-16 09:00;;Relevé;;prévu;\n", -1);
  assert_run_ok (import, store, 2);
  first = fid_store_get_interaction (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_interaction_get_channel (first), ==, "phone");
  g_assert_cmpstr (fid_interaction_get_direction (first), ==, "inbound");
  g_assert_cmpstr (fid_interaction_get_at (first), ==, "2024-03-15T14:30:00");
  g_assert_cmpstr (fid_interaction_get_notes (first), ==, "Carte bloquée ; débloquée.\nRappeler vendredi.");
  g_assert_cmpstr (fid_interaction_get_follow_up_on (first), ==, "2024-03-22");
  helene = fid_store_get_customer (store, 1, &error);
  g_assert_cmpstr (fid_customer_get_last_contact_at (helene), ==, "2024-03-15T14:30:00");
}

/* All or nothing */

static char *
transactions_file (guint        n_rows,
                   const char  *last_line)
{
  GString *out = g_string_new ("N° client;Date;Montant;Famille\r\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (out, "%u;%02u/%02u/2024;%u,%02u;épargne\r\n",
                            1 + i % 3, 1 + i % 28, 1 + i % 12, 10 + i, i % 100);
  if (last_line != NULL)
    g_string_append_printf (out, "%s\r\n", last_line);
  return g_string_free (out, FALSE);
}

static void
test_all_or_nothing (void)
{
  g_autoptr(FidStore) store = store_with_customers ();
  g_autofree char *before = content (store);
  g_autofree char *text = transactions_file (2000, "1;31/02/2024;10,00;épargne");
  g_autoptr(FidImport) import = load (FID_IMPORT_TRANSACTIONS, "t.csv", text, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const FidImportProblem *problem;

  g_assert_false (fid_import_run (import, store, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, FID_IMPORT_ERROR, FID_IMPORT_ERROR_INVALID);
  g_assert_cmpuint (fid_import_get_n_problems (import), ==, 1);
  g_assert_cmpuint (fid_import_get_n_imported (import), ==, 0);
  problem = fid_import_get_problem (import, 0);
  g_assert_cmpuint (problem->line, ==, 2002);
  g_assert_cmpuint (problem->column, ==, 2);
  g_assert_cmpstr (problem->column_name, ==, "Date");
  g_assert_nonnull (strstr (problem->reason, "31/02/2024"));
  after = content (store);
  g_assert_cmpstr (before, ==, after);

  /* A failure in the middle of the write (here a trigger refusing the
   * third row) rolls back the rows written before it. */
  g_clear_error (&error);
  g_clear_object (&import);
  g_clear_pointer (&text, g_free);
  fid_test_exec_raw (fid_store_get_path (store),
                     "CREATE TRIGGER boom BEFORE INSERT ON transactions WHEN new.amount_cents = 300"
                     " BEGIN SELECT RAISE (ABORT, 'boom'); END;");
  text = g_strdup ("N° client;Date;Montant\n1;01/01/2024;1\n1;01/01/2024;2\n1;01/01/2024;3\n");
  import = load (FID_IMPORT_TRANSACTIONS, "t.csv", text, -1);
  g_clear_pointer (&before, g_free);
  before = content (store);
  g_assert_false (fid_import_run (import, store, FALSE, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "line 4"));
  g_assert_cmpuint (fid_import_get_n_imported (import), ==, 0);
  g_clear_pointer (&after, g_free);
  after = content (store);
  g_assert_cmpstr (before, ==, after);
  fid_test_exec_raw (fid_store_get_path (store), "DROP TRIGGER boom");
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  double        last;
  guint         n_calls;
} CancelData;

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  CancelData *data = user_data;

  g_assert_cmpfloat (fraction, >=, data->last);
  data->last = fraction;
  data->n_calls++;
  if (fraction >= data->cancel_at)
    g_cancellable_cancel (data->cancellable);
}

static void
test_cancel (void)
{
  g_autoptr(FidStore) store = store_with_customers ();
  g_autofree char *before = content (store);
  g_autofree char *text = transactions_file (3000, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  double stops[] = { 0.1, 0.5, 0.9 };  /* while checking, while writing, near the end */

  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      g_autoptr(FidImport) import = load (FID_IMPORT_TRANSACTIONS, "t.csv", text, -1);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      CancelData data = { cancellable, stops[i], 0, 0 };

      g_cancellable_reset (cancellable);
      g_assert_false (fid_import_run (import, store, FALSE, cancellable, cancel_on_progress, &data, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (data.n_calls, >, 1);
      after = content (store);
      g_assert_cmpstr (before, ==, after);
    }

  /* Not cancelled: everything, with progress up to 1. */
  {
    g_autoptr(FidImport) import = load (FID_IMPORT_TRANSACTIONS, "t.csv", text, -1);
    g_autoptr(GError) error = NULL;
    CancelData data = { NULL, 2.0, 0, 0 };

    g_assert_true (fid_import_run (import, store, FALSE, NULL, cancel_on_progress, &data, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (data.last, ==, 1.0);
    g_assert_cmpint (count_rows (store, "transactions"), ==, 3000);
  }
}

static void
on_run_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  fid_import_run_finish (FID_IMPORT (object), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");  /* marks the end */
}

static void
test_async (void)
{
  g_autoptr(FidStore) store = store_with_customers ();
  g_autofree char *text = transactions_file (500, NULL);
  g_autoptr(FidImport) import = load (FID_IMPORT_TRANSACTIONS, "t.csv", text, -1);
  GError *error = NULL;

  /* A dry run writes nothing; then the run, on a connection of its own. */
  fid_import_run_async (import, fid_store_get_path (store), TRUE, NULL, on_run_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "transactions"), ==, 0);
  g_assert_cmpuint (fid_import_get_n_imported (import), ==, 500);

  fid_import_run_async (import, fid_store_get_path (store), FALSE, NULL, on_run_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpfloat (fid_import_get_fraction (import), ==, 1.0);
  g_assert_cmpint (count_rows (store, "transactions"), ==, 500);
}

/* vCard */

static void
test_vcard3 (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidImport) import = load_fixture (FID_IMPORT_CUSTOMERS, "contacts-v3.vcf");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  FidCustomer *c;

  g_assert_cmpint (fid_import_get_format (import), ==, FID_IMPORT_FORMAT_VCARD);
  g_assert_cmpuint (fid_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (fid_import_get_row_line (import, 1), ==, 14);
  assert_run_ok (import, store, 3);

  all = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_ID, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  c = g_ptr_array_index (all, 0);
  g_assert_cmpstr (fid_customer_get_last_name (c), ==, "Château");
  g_assert_cmpstr (fid_customer_get_first_name (c), ==, "Hélène");
  g_assert_cmpstr (fid_customer_get_title (c), ==, "Mme");
  g_assert_cmpstr (fid_customer_get_email (c), ==, "helene.chateau@exemple.fr");  /* the preferred one */
  g_assert_cmpstr (fid_customer_get_phone (c), ==, "+33 6 12 34 56 78");
  g_assert_cmpstr (fid_customer_get_address (c), ==, "12, rue de l'Église");
  g_assert_cmpstr (fid_customer_get_postcode (c), ==, "69001");
  g_assert_cmpstr (fid_customer_get_city (c), ==, "Lyon");
  g_assert_cmpstr (fid_customer_get_birth_date (c), ==, "1985-07-14");
  g_assert_cmpstr (fid_customer_get_lifecycle_stage (c), ==, "prospect");
  c = g_ptr_array_index (all, 1);
  g_assert_cmpstr (fid_customer_get_last_name (c), ==, "Lefèvre");      /* quoted-printable */
  g_assert_cmpstr (fid_customer_get_first_name (c), ==, "François");
  g_assert_cmpstr (fid_customer_get_email (c), ==, "francois.lefevre@exemple.fr");  /* grouped */
  g_assert_cmpstr (fid_customer_get_birth_date (c), ==, "1970-02-03");
  c = g_ptr_array_index (all, 2);
  g_assert_cmpstr (fid_customer_get_kind (c), ==, "company");
  g_assert_cmpstr (fid_customer_get_last_name (c), ==, "Boulangerie Martin");
  g_assert_cmpstr (fid_customer_get_address (c), ==, "8 avenue Jean Jaurès");
}

static void
test_vcard4 (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidImport) import = load_fixture (FID_IMPORT_CUSTOMERS, "contacts-v4.vcf");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "contacts-v4.vcf", NULL);
  g_autofree char *text = NULL;
  gsize length;
  FidCustomer *c;
  FidVcard *card;

  /* The reader itself: folding, escapes, several cards. */
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  cards = fid_vcard_parse (text, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 3);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (card->version, ==, "4.0");
  g_assert_cmpstr (card->phone, ==, "+33-6-98-76-54-32");
  g_assert_cmpstr (card->street, ==, "5 quai des Chartrons, Appartement 4");
  g_assert_null (card->birthday);  /* --0412: no year */
  g_assert_null (card->bad_birthday);
  card = g_ptr_array_index (cards, 1);
  g_assert_cmpstr (card->note, ==, "Ligne pliée sur deux lignes, avec un espace de continuation");
  g_assert_cmpstr (card->birthday, ==, "1962-11-30");
  card = g_ptr_array_index (cards, 2);
  g_assert_true (card->is_organization);

  assert_run_ok (import, store, 3);
  all = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_ID, NULL, 10, &error);
  g_assert_cmpuint (all->len, ==, 3);
  c = g_ptr_array_index (all, 0);
  g_assert_cmpstr (fid_customer_get_last_name (c), ==, "Marchand");
  g_assert_cmpstr (fid_customer_get_first_name (c), ==, "Élodie");
  g_assert_cmpstr (fid_customer_get_city (c), ==, "Bordeaux");
  c = g_ptr_array_index (all, 1);
  g_assert_cmpstr (fid_customer_get_first_name (c), ==, "Jean-Pierre");  /* from FN */
  g_assert_cmpstr (fid_customer_get_last_name (c), ==, "Dubois-Leroy");
  c = g_ptr_array_index (all, 2);
  g_assert_cmpstr (fid_customer_get_kind (c), ==, "company");
  g_assert_cmpstr (fid_customer_get_last_name (c), ==, "Cabinet Roux & Associés");

  /* A vCard file is contacts: refused as anything else. */
  fid_import_set_kind (import, FID_IMPORT_TRANSACTIONS);
  g_assert_false (fid_import_check (import, store, NULL, &error));
  g_assert_error (error, FID_IMPORT_ERROR, FID_IMPORT_ERROR_INVALID);
}

/* vCard 2.1 as phones export it: quoted-printable with soft line breaks,
 * bare parameters, another charset. */
static void
test_vcard21 (void)
{
  static const char text[] =
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Lef=\r\n"
    " =C3=A8vre;Fran=C3=A7ois;;;\r\n"
    "ADR;HOME;ENCODING=QUOTED-PRINTABLE:;;12 rue de l'=C3=89glise, =\r\n"
    "B=C3=A2timent A;Lyon;;69001;France\r\n"
    "TEL;HOME:04 78 00 00 00\r\n"
    "TEL;CELL;PREF:06 12 34 56 78\r\n"
    "NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Caf=E9\r\n"
    "END:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = fid_vcard_parse (text, sizeof text - 1, NULL, &error);
  FidVcard *card;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (card->family_name, ==, "Lefèvre");
  g_assert_cmpstr (card->given_name, ==, "François");
  g_assert_cmpstr (card->street, ==, "12 rue de l'Église, Bâtiment A");
  g_assert_cmpstr (card->locality, ==, "Lyon");
  g_assert_cmpstr (card->phone, ==, "06 12 34 56 78");
  g_assert_cmpstr (card->note, ==, "Café");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/encodings", test_csv_encodings);
  g_test_add_func ("/import/csv/separators", test_csv_separators);
  g_test_add_func ("/import/csv/quotes", test_csv_quotes);
  g_test_add_func ("/import/values/amounts", test_amounts);
  g_test_add_func ("/import/values/dates", test_dates);
  g_test_add_func ("/import/mapping/guess", test_mapping_guess);
  g_test_add_func ("/import/customers/windows-1252", test_customers_cp1252);
  g_test_add_func ("/import/customers/ids", test_customers_ids);
  g_test_add_func ("/import/transactions", test_transactions);
  g_test_add_func ("/import/holdings", test_holdings);
  g_test_add_func ("/import/interactions", test_interactions);
  g_test_add_func ("/import/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/async", test_async);
  g_test_add_func ("/import/vcard/2.1", test_vcard21);
  g_test_add_func ("/import/vcard/3.0", test_vcard3);
  g_test_add_func ("/import/vcard/4.0", test_vcard4);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidImport: the fields of each kind, the header names they are guessed
 * from (French and English, as spreadsheets name their columns), the
 * words people write for the store's values, and the parsing of amounts
 * and dates as French spreadsheets write them. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-import-private.h"
#include "fid-text.h"

typedef struct
{
  const char *key;
  const char *label;      /* N_() */
  gboolean    required;
  const char *names;      /* normalised header names, '|' between them */
} Field;

#define CUSTOMER_NUMBER_NAMES \
  "customerid|customer|client|idclient|clientid|nclient|noclient|numeroclient|numclient|" \
  "codeclient|refclient|referenceclient|customernumber|customerno|customerref"
#define CUSTOMER_EMAIL_NAMES \
  "customeremail|email|mail|courriel|emailclient|mailclient|adresseemail|emailaddress"

static const Field customer_fields[C_N_FIELDS] = {
  /* Not "client" alone: in a customers file that column holds names. */
  [C_ID] = { "id", N_("Customer number"), FALSE,
             "id|customerid|idclient|clientid|nclient|noclient|numeroclient|numclient|codeclient|"
             "refclient|referenceclient|customernumber|customerno|customerref|numero|reference|ref" },
  [C_KIND] = { "kind", N_("Person or company"), FALSE,
               "kind|type|typeclient|typedeclient|customertype|nature|typedepersonne" },
  [C_TITLE] = { "title", N_("Title"), FALSE, "title|civilite|civ|salutation|titre" },
  [C_FIRST_NAME] = { "first_name", N_("First name"), FALSE,
                     "firstname|prenom|givenname|forename|first|prenoms" },
  [C_LAST_NAME] = { "last_name", N_("Last name"), TRUE,
                    "lastname|nom|nomdefamille|surname|familyname|name|raisonsociale|nomclient|last|"
                    "nomdusage|companyname|company|societe|entreprise" },
  [C_BIRTH_DATE] = { "birth_date", N_("Birth date"), FALSE,
                     "birthdate|datedenaissance|datenaissance|dateofbirth|dob|birthday|naissance|"
                     "nele|neele|nee|birth|datenaiss" },
  [C_EMAIL] = { "email", N_("E-mail"), FALSE,
                "email|mail|courriel|adresseemail|emailaddress|adressemail|adressecourriel|mel|"
                "adresseelectronique" },
  [C_PHONE] = { "phone", N_("Phone"), FALSE,
                "phone|telephone|tel|mobile|portable|phonenumber|numerodetelephone|gsm|cellphone|"
                "telportable|telmobile|telephoneportable|telephonemobile" },
  [C_ADDRESS] = { "address", N_("Address"), FALSE,
                  "address|adresse|rue|street|adressepostale|voie|streetaddress|adresse1|address1" },
  [C_POSTCODE] = { "postcode", N_("Postcode"), FALSE,
                   "postcode|codepostal|cp|zip|zipcode|postalcode" },
  [C_CITY] = { "city", N_("City"), FALSE, "city|ville|commune|localite|town" },
  [C_ADVISOR] = { "advisor_id", N_("Advisor number"), FALSE,
                  "advisorid|advisor|conseiller|idconseiller|conseillerid|nconseiller" },
  [C_BRANCH] = { "branch_id", N_("Branch number"), FALSE,
                 "branchid|branch|agence|idagence|agenceid|nagence" },
  [C_LIFECYCLE] = { "lifecycle_stage", N_("Lifecycle stage"), FALSE,
                    "lifecyclestage|lifecycle|cycledevie|stade|etape|stage|statut|status" },
  [C_SEGMENT] = { "segment", N_("Segment"), FALSE, "segment" },
  [C_INCOME] = { "annual_income", N_("Annual income"), FALSE,
                 "annualincome|income|revenuannuel|revenu|revenus|salaire|revenusannuels|salaireannuel" },
  [C_CHANNEL] = { "preferred_channel", N_("Preferred channel"), FALSE,
                  "preferredchannel|canalprefere|canal|channel|canaldecontact" },
};

static const Field transaction_fields[T_N_FIELDS] = {
  [T_ID] = { "id", N_("Transaction number"), FALSE,
             "id|transactionid|idtransaction|noperation|numerooperation|idoperation|operationid|"
             "transaction|operation" },
  [T_CUSTOMER] = { "customer_id", N_("Customer number"), FALSE, CUSTOMER_NUMBER_NAMES },
  [T_EMAIL] = { "customer_email", N_("Customer e-mail"), FALSE, CUSTOMER_EMAIL_NAMES },
  [T_DATE] = { "date", N_("Date"), TRUE,
               "date|dateoperation|datedeloperation|transactiondate|datetransaction|jour|dateachat|"
               "dateeffet|datevaleur|datedachat" },
  [T_AMOUNT] = { "amount", N_("Amount"), TRUE,
                 "amount|montant|montantttc|montanteur|montanteuros|somme|total|prix|price|valeur|"
                 "value|ca|chiffredaffaires" },
  [T_MARGIN] = { "margin", N_("Margin"), FALSE, "margin|marge|margeeur|marginamount|margebrute" },
  [T_FAMILY] = { "product_family", N_("Product family"), FALSE,
                 "productfamily|famille|familleproduit|familledeproduit|produit|product|family|"
                 "categorie|category|typeproduit|typedeproduit" },
  [T_CHANNEL] = { "channel", N_("Channel"), FALSE, "channel|canal|canaldevente|saleschannel" },
};

static const Field holding_fields[H_N_FIELDS] = {
  [H_ID] = { "id", N_("Contract number"), FALSE,
             "id|holdingid|contratid|idcontrat|ncontrat|numerocontrat|contractid|contract|contrat|"
             "nocontrat" },
  [H_CUSTOMER] = { "customer_id", N_("Customer number"), FALSE, CUSTOMER_NUMBER_NAMES },
  [H_EMAIL] = { "customer_email", N_("Customer e-mail"), FALSE, CUSTOMER_EMAIL_NAMES },
  [H_PRODUCT] = { "product", N_("Product (code or name)"), TRUE,
                  "product|produit|productcode|codeproduit|libelleproduit|productname|offre|code" },
  [H_OPENED] = { "opened_on", N_("Opened on"), TRUE,
                 "openedon|opened|dateouverture|datedouverture|ouverture|ouvertle|startdate|datedebut|"
                 "datesouscription|souscription|opening|openingdate|date" },
  [H_CLOSED] = { "closed_on", N_("Closed on"), FALSE,
                 "closedon|closed|datecloture|datedecloture|cloture|fermeture|datefermeture|enddate|"
                 "datefin|closingdate|clos" },
  [H_BALANCE] = { "balance", N_("Balance"), FALSE,
                  "balance|solde|encours|montant|amount|balanceeur|soldeeur|capital" },
};

static const Field interaction_fields[I_N_FIELDS] = {
  [I_ID] = { "id", N_("Interaction number"), FALSE, "id|interactionid|idinteraction|contactid" },
  [I_CUSTOMER] = { "customer_id", N_("Customer number"), FALSE, CUSTOMER_NUMBER_NAMES },
  [I_EMAIL] = { "customer_email", N_("Customer e-mail"), FALSE, CUSTOMER_EMAIL_NAMES },
  [I_CHANNEL] = { "channel", N_("Channel"), TRUE, "channel|canal|media|moyen|typedecontact|type" },
  [I_DIRECTION] = { "direction", N_("Direction"), FALSE, "direction|sens|inout|entrantsortant" },
  [I_AT] = { "at", N_("Date and time"), TRUE,
             "at|date|dateheure|datetime|quand|when|datecontact|datedecontact|horodatage|moment|"
             "datedelinteraction" },
  [I_ADVISOR] = { "advisor_id", N_("Advisor number"), FALSE,
                  "advisorid|advisor|conseiller|idconseiller|conseillerid|nconseiller" },
  [I_SUBJECT] = { "subject", N_("Subject"), FALSE, "subject|objet|sujet|motif|titre|title" },
  [I_NOTES] = { "notes", N_("Notes"), FALSE,
                "notes|note|compterendu|commentaire|commentaires|comment|comments|details|"
                "description|cr|message" },
  [I_OUTCOME] = { "outcome", N_("Outcome"), FALSE, "outcome|resultat|issue|result" },
  [I_NEXT_STEP] = { "next_step", N_("Next step"), FALSE,
                    "nextstep|prochaineetape|suite|suiteadonner|action|prochaineaction" },
  [I_FOLLOW_UP] = { "follow_up_on", N_("Follow-up on"), FALSE,
                    "followupon|followup|relance|daterelance|rappel|daterappel|relancele|datedesuivi" },
  [I_STATUS] = { "status", N_("Status"), FALSE, "status|statut|etat" },
};

static const struct
{
  const char  *key;
  const char  *label;
  const Field *fields;
  guint        n_fields;
} kinds[FID_IMPORT_N_KINDS] = {
  [FID_IMPORT_CUSTOMERS] = { "customers", N_("Customers"), customer_fields, C_N_FIELDS },
  [FID_IMPORT_TRANSACTIONS] = { "transactions", N_("Transactions"), transaction_fields, T_N_FIELDS },
  [FID_IMPORT_HOLDINGS] = { "holdings", N_("Holdings"), holding_fields, H_N_FIELDS },
  [FID_IMPORT_INTERACTIONS] = { "interactions", N_("Interactions"), interaction_fields, I_N_FIELDS },
};

/* Values: "store key|what people write|…", normalised. */
const char * const fid_import_kinds_of_customer[] = {
  "person|personne|particulier|individual|individu|physique|personnephysique|pp|p|private|prive",
  "company|entreprise|societe|professionnel|pro|personnemorale|pm|business|organisation|organization|org|e",
  NULL
};
const char * const fid_import_lifecycle_stages[] = {
  "unknown|inconnu", "prospect|prospects", "new|nouveau|nouveauclient|nouvelle",
  "satisfied|satisfait|satisfaite", "dissatisfied|insatisfait|insatisfaite|mecontent|mecontente",
  "inactive|inactif", "lost|perdu|perdue", "reactivated|reactive|reactivee", NULL
};
const char * const fid_import_product_families[] = {
  "current_account|currentaccount|comptecourant|compte|cc|checking|checkingaccount",
  "savings|epargne|livret|savingsaccount",
  "card|carte|cartebancaire|cb|carddebit|creditcard",
  "mortgage|creditimmobilier|pretimmobilier|immobilier|homeloan",
  "consumer_loan|consumerloan|creditconso|creditconsommation|pretpersonnel|pretconso|creditalaconsommation|"
  "pretalaconsommation|personalloan",
  "student_loan|studentloan|pretetudiant|pretetudiants|pretetudes",
  "insurance|assurance|assurances",
  "investment|placement|placements|investissement|investissements|bourse",
  NULL
};
const char * const fid_import_channels[] = {
  "phone|telephone|tel|appel|call|appeltelephonique",
  "email|courriel|mel|emails",
  "sms|texto|smstexto",
  "branch|agence|rendezvous|rdv|visite|guichet|entretien|rendezvousenagence",
  "mail|courrier|lettre|post|postal|letter|courrierpostal",
  "web|internet|site|siteweb|formulaire|online|enligne|webform",
  NULL
};
const char * const fid_import_directions[] = {
  "inbound|in|entrant|entrante|recu|recue|incoming|entree|e",
  "outbound|out|sortant|sortante|emis|emise|outgoing|sortie|s",
  NULL
};
const char * const fid_import_statuses[] = {
  "done|fait|faite|realise|realisee|effectue|effectuee|termine|terminee|ok",
  "failed|echec|echoue|echouee|failure|rate",
  "planned|prevu|prevue|planifie|planifiee|aplanifier|todo|afaire",
  NULL
};

char *
fid_import_normalize (const char *text)
{
  g_autofree char *folded = fid_text_fold (text);
  char *out = g_malloc (strlen (folded) + 1);
  char *q = out;

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      *q++ = *p;
  *q = '\0';
  return out;
}

/* Whether @word is one of the '|'-separated @names. */
static gboolean
names_contain (const char *names,
               const char *word)
{
  gsize n = strlen (word);

  if (n == 0)
    return FALSE;
  for (const char *p = names; p != NULL && *p != '\0'; )
    {
      const char *bar = strchr (p, '|');
      gsize len = bar != NULL ? (gsize) (bar - p) : strlen (p);

      if (len == n && memcmp (p, word, n) == 0)
        return TRUE;
      p = bar != NULL ? bar + 1 : NULL;
    }
  return FALSE;
}

/* The longest of @names that starts @word (at least five letters), or 0. */
static gsize
names_prefix (const char *names,
              const char *word)
{
  gsize best = 0;

  for (const char *p = names; p != NULL && *p != '\0'; )
    {
      const char *bar = strchr (p, '|');
      gsize len = bar != NULL ? (gsize) (bar - p) : strlen (p);

      if (len >= 5 && len > best && strncmp (word, p, len) == 0)
        best = len;
      p = bar != NULL ? bar + 1 : NULL;
    }
  return best;
}

const char *
fid_import_lookup_value (const char * const *table,
                         const char         *text)
{
  g_autofree char *word = fid_import_normalize (text);

  for (guint i = 0; table[i] != NULL; i++)
    {
      const char *bar = strchr (table[i], '|');
      g_autofree char *key = g_strndup (table[i], bar != NULL ? (gsize) (bar - table[i]) : strlen (table[i]));
      g_autofree char *key_word = fid_import_normalize (key);

      if (g_str_equal (word, key_word) || names_contain (table[i], word))
        return g_intern_string (key);
    }
  return NULL;
}

const char *
fid_import_kind_to_key (FidImportKind kind)
{
  g_return_val_if_fail ((guint) kind < FID_IMPORT_N_KINDS, NULL);
  return kinds[kind].key;
}

gboolean
fid_import_kind_from_key (const char    *key,
                          FidImportKind *kind)
{
  for (guint i = 0; i < FID_IMPORT_N_KINDS; i++)
    if (g_strcmp0 (key, kinds[i].key) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
fid_import_kind_get_label (FidImportKind kind)
{
  g_return_val_if_fail ((guint) kind < FID_IMPORT_N_KINDS, NULL);
  return _(kinds[kind].label);
}

guint
fid_import_kind_get_n_fields (FidImportKind kind)
{
  g_return_val_if_fail ((guint) kind < FID_IMPORT_N_KINDS, 0);
  return kinds[kind].n_fields;
}

const char *
fid_import_field_get_key (FidImportKind kind,
                          guint         field)
{
  g_return_val_if_fail ((guint) kind < FID_IMPORT_N_KINDS, NULL);
  g_return_val_if_fail (field < kinds[kind].n_fields, NULL);
  return kinds[kind].fields[field].key;
}

const char *
fid_import_field_get_label (FidImportKind kind,
                            guint         field)
{
  g_return_val_if_fail ((guint) kind < FID_IMPORT_N_KINDS, NULL);
  g_return_val_if_fail (field < kinds[kind].n_fields, NULL);
  return _(kinds[kind].fields[field].label);
}

gboolean
fid_import_field_is_required (FidImportKind kind,
                              guint         field)
{
  g_return_val_if_fail ((guint) kind < FID_IMPORT_N_KINDS, FALSE);
  g_return_val_if_fail (field < kinds[kind].n_fields, FALSE);
  return kinds[kind].fields[field].required;
}

int
fid_import_field_find (FidImportKind  kind,
                       const char    *name)
{
  g_autofree char *word = NULL;
  const Field *fields;
  guint n;
  int best = -1;
  gsize best_len = 0;

  g_return_val_if_fail ((guint) kind < FID_IMPORT_N_KINDS, -1);

  if (name == NULL)
    return -1;
  word = fid_import_normalize (name);
  if (*word == '\0')
    return -1;
  fields = kinds[kind].fields;
  n = kinds[kind].n_fields;

  /* The key, the label in English or in the user's language, a known
   * header name; then a header that starts with one ("Montant TTC (€)"). */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = fid_import_normalize (fields[i].key);
      g_autofree char *label = fid_import_normalize (fields[i].label);
      g_autofree char *translated = fid_import_normalize (_(fields[i].label));

      if (g_str_equal (word, key) || g_str_equal (word, label) || g_str_equal (word, translated) ||
          names_contain (fields[i].names, word))
        return i;
    }
  for (guint i = 0; i < n; i++)
    {
      gsize len = names_prefix (fields[i].names, word);

      if (len > best_len)
        best = i, best_len = len;
    }
  return best;
}

/* Amounts */

/* Removes the spaces people and spreadsheets put in numbers: ASCII
 * spaces, no-break spaces (U+00A0, French Excel's thousands separator),
 * narrow no-break spaces (U+202F), apostrophes (Swiss). */
static char *
squeeze_number (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == 0x00a0 || c == 0x202f || c == 0x2009 || c == '\'' || c == 0x2019)
        continue;
      if (c == 0x2212)  /* minus sign */
        c = '-';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether the digits between the thousands separators @sep in
 * @int_part are groups of three ("1.234.567"). */
static gboolean
groups_of_three (const char *int_part,
                 char        sep)
{
  g_auto(GStrv) groups = g_strsplit (int_part, (char[]) { sep, '\0' }, -1);
  guint n = g_strv_length (groups);

  if (n < 2 || strlen (groups[0]) == 0 || strlen (groups[0]) > 3)
    return FALSE;
  for (guint i = 1; i < n; i++)
    if (strlen (groups[i]) != 3)
      return FALSE;
  return TRUE;
}

gboolean
fid_import_parse_amount (const char  *text,
                         gint64      *cents,
                         GError     **error)
{
  g_autofree char *s = NULL;
  g_autofree char *int_part = NULL;
  const char *frac = "";
  char *p;
  gboolean negative = FALSE;
  char decimal = 0, thousands = 0;
  const char *last_comma, *last_dot;
  guint64 euros = 0;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);

  s = squeeze_number (text);
  len = strlen (s);

  /* Currency before or after: "12,50 €", "€12.50", "12.50 EUR". */
  if (g_str_has_suffix (s, "€"))
    s[len - strlen ("€")] = '\0';
  else if (len >= 3 && g_ascii_strcasecmp (s + len - 3, "EUR") == 0)
    s[len - 3] = '\0';
  if (g_str_has_prefix (s, "€"))
    memmove (s, s + strlen ("€"), strlen (s) - strlen ("€") + 1);

  /* Sign: "-12", "+12", "(12)" (accounting). */
  p = s;
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  else if (*p == '(' && strlen (p) >= 2 && p[strlen (p) - 1] == ')')
    {
      negative = TRUE;
      p[strlen (p) - 1] = '\0';
      p++;
    }
  if (*p == '\0' || (!g_ascii_isdigit (*p) && *p != ',' && *p != '.'))
    goto not_a_number;
  for (const char *q = p; *q != '\0'; q++)
    if (!g_ascii_isdigit (*q) && *q != ',' && *q != '.')
      goto not_a_number;

  /* Which of ',' and '.' is the decimal separator: the last of the two
   * when both appear; the only one when it appears once; a thousands
   * separator when it appears several times. */
  last_comma = strrchr (p, ',');
  last_dot = strrchr (p, '.');
  if (last_comma != NULL && last_dot != NULL)
    {
      decimal = last_comma > last_dot ? ',' : '.';
      thousands = decimal == ',' ? '.' : ',';
    }
  else if (last_comma != NULL || last_dot != NULL)
    {
      char c = last_comma != NULL ? ',' : '.';

      if (strchr (p, c) == strrchr (p, c))
        decimal = c;
      else
        thousands = c;
    }

  if (decimal != 0)
    {
      char *d = strrchr (p, decimal);

      *d = '\0';
      frac = d + 1;
      if (strchr (frac, ',') != NULL || strchr (frac, '.') != NULL)
        goto not_a_number;
    }
  int_part = g_strdup (p);
  if (thousands != 0 && strchr (int_part, thousands) != NULL)
    {
      char *w = int_part;

      if (!groups_of_three (int_part, thousands))
        goto not_a_number;
      for (const char *r = int_part; *r != '\0'; r++)
        if (*r != thousands)
          *w++ = *r;
      *w = '\0';
    }
  if (*int_part == '\0' && *frac == '\0')
    goto not_a_number;
  if (strlen (frac) > 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” has more than two decimals (amounts are in euros and cents)"), text);
      return FALSE;
    }
  if (strlen (int_part) > 13)
    goto too_large;
  for (const char *r = int_part; *r != '\0'; r++)
    euros = euros * 10 + (guint64) (*r - '0');
  {
    guint64 value = euros * 100;

    if (frac[0] != '\0')
      value += (guint64) (frac[0] - '0') * 10 + (frac[1] != '\0' ? (guint64) (frac[1] - '0') : 0);
    *cents = negative ? -(gint64) value : (gint64) value;
  }
  return TRUE;

too_large:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is too large an amount"), text);
  return FALSE;

not_a_number:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not an amount (for example 1 234,56)"), text);
  return FALSE;
}

/* Dates */

/* Reads 1 to @max digits at *p into *value. */
static gboolean
read_number (const char **p,
             guint        max,
             guint       *n_digits,
             int         *value)
{
  *value = 0;
  *n_digits = 0;
  while (g_ascii_isdigit (**p) && *n_digits < max)
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      (*n_digits)++;
    }
  return *n_digits > 0;
}

/* Parses the date at the start of @text; *rest is what follows it. */
static gboolean
parse_day (const char  *text,
           const char **rest,
           GDate       *date,
           GError     **error)
{
  const char *p = text;
  guint n1, n2, n3;
  int a, b, c, day, month, year;
  char sep;

  if (!read_number (&p, 4, &n1, &a) || (*p != '/' && *p != '-' && *p != '.'))
    goto not_a_date;
  sep = *p++;
  if (!read_number (&p, 2, &n2, &b) || *p != sep)
    goto not_a_date;
  p++;
  if (!read_number (&p, 4, &n3, &c))
    goto not_a_date;
  if (g_ascii_isdigit (*p))
    goto not_a_date;

  if (n1 == 4 && n3 <= 2)
    year = a, month = b, day = c;           /* YYYY-MM-DD */
  else if (n1 <= 2 && n3 == 4)
    day = a, month = b, year = c;           /* DD/MM/YYYY, day first as in France */
  else if (n1 <= 2 && n3 == 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s”: write the year with four digits (DD/MM/YYYY)"), text);
      return FALSE;
    }
  else
    goto not_a_date;

  if (month < 1 || month > 12)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: there is no month %d (dates are read day first, DD/MM/YYYY)"),
                   text, month);
      return FALSE;
    }
  if (year < 1800 || year > 2200)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a plausible date: the year is %d"), text, year);
      return FALSE;
    }
  if (day < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: %02d/%d has %d days"),
                   text, month, year, g_date_get_days_in_month (month, year));
      return FALSE;
    }
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  *rest = p;
  return TRUE;

not_a_date:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not a date (expected DD/MM/YYYY or YYYY-MM-DD)"), text);
  return FALSE;
}

/* HH:MM[:SS], HHhMM, after a space or a T; *has_time FALSE when none. */
static gboolean
parse_time (const char *text,
            const char *p,
            int        *hour,
            int        *minute,
            int        *second,
            GError    **error)
{
  guint n;

  *hour = *minute = *second = 0;
  if (*p == '\0')
    return TRUE;
  if (*p != ' ' && *p != 'T')
    goto not_a_time;
  while (*p == ' ' || *p == 'T')
    p++;
  if (!read_number (&p, 2, &n, hour) || (*p != ':' && *p != 'h' && *p != 'H'))
    goto not_a_time;
  p++;
  if (!read_number (&p, 2, &n, minute) || n != 2)
    {
      if (n == 0 && *p == '\0' && (p[-1] == 'h' || p[-1] == 'H'))
        *minute = 0;  /* "14h" */
      else
        goto not_a_time;
    }
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, &n, second) || n != 2)
        goto not_a_time;
      /* Fractions of a second and a UTC offset: dropped. */
      if (*p == '.')
        for (p++; g_ascii_isdigit (*p); p++)
          ;
    }
  if (*p == 'Z')
    p++;
  if (*p != '\0' || *hour > 23 || *minute > 59 || *second > 59)
    goto not_a_time;
  return TRUE;

not_a_time:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not a date and time (expected DD/MM/YYYY HH:MM or YYYY-MM-DD HH:MM)"), text);
  return FALSE;
}

gboolean
fid_import_parse_date (const char  *text,
                       char       **iso,
                       GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *rest;
  GDate date;
  int h, m, s;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!parse_day (trimmed, &rest, &date, error))
    return FALSE;
  /* "12/03/2024 00:00", as spreadsheets export dates: the time is dropped. */
  if (*rest != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      if (!parse_time (trimmed, rest, &h, &m, &s, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a date (expected DD/MM/YYYY or YYYY-MM-DD)"), trimmed);
          return FALSE;
        }
    }
  *iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
  return TRUE;
}

gboolean
fid_import_parse_date_time (const char  *text,
                            char       **iso,
                            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *rest;
  GDate date;
  int h, m, s;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!parse_day (trimmed, &rest, &date, error) ||
      !parse_time (trimmed, rest, &h, &m, &s, error))
    return FALSE;
  *iso = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date), h, m, s);
  return TRUE;
}

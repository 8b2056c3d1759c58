/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading vCard files (issue 9): the contacts GNOME Contacts or a phone
 * exports, turned into FidVcard structures that the importer maps to
 * customers. The file's structure is checked strictly (every card ends,
 * nothing lies outside a card); the values are read leniently, as writers
 * differ. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-vcard.h"

void
fid_vcard_free (FidVcard *card)
{
  if (card == NULL)
    return;
  g_free (card->version);
  g_free (card->formatted_name);
  g_free (card->family_name);
  g_free (card->given_name);
  g_free (card->prefix);
  g_free (card->organization);
  g_free (card->email);
  g_free (card->phone);
  g_free (card->street);
  g_free (card->locality);
  g_free (card->postcode);
  g_free (card->country);
  g_free (card->birthday);
  g_free (card->bad_birthday);
  g_free (card->note);
  g_free (card);
}

/* Lines */

typedef struct
{
  guint    line;
  GString *text;
} Line;

static void
line_clear (gpointer data)
{
  Line *line = data;

  if (line->text != NULL)
    g_string_free (line->text, TRUE);
}

/* Physical lines joined into logical ones: a line starting with a space
 * or a tab continues the previous one (RFC 6350 §3.2). */
static GArray *
unfold (const char *text,
        gsize       length)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const char *p = text;
  const char *end = text + length;
  guint number = 0;

  g_array_set_clear_func (lines, line_clear);
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *stop = eol != NULL ? eol : end;
      gsize n;

      number++;
      n = stop - p;
      if (n > 0 && p[n - 1] == '\r')
        n--;
      if ((*p == ' ' || *p == '\t') && lines->len > 0 && n > 0)
        g_string_append_len (g_array_index (lines, Line, lines->len - 1).text, p + 1, n - 1);
      else
        {
          Line line = { number, g_string_new_len (p, n) };

          g_array_append_val (lines, line);
        }
      p = eol != NULL ? eol + 1 : end;
    }
  return lines;
}

/* Properties */

typedef struct
{
  char     *name;       /* upper case, without group */
  gboolean  quoted_printable;
  char     *charset;
  gboolean  preferred;
  gboolean  is_uri;     /* VALUE=uri */
  char     *types;      /* TYPE values, upper case, comma-separated */
  char     *value;      /* raw */
} Property;

static void
property_clear (Property *property)
{
  g_clear_pointer (&property->name, g_free);
  g_clear_pointer (&property->charset, g_free);
  g_clear_pointer (&property->types, g_free);
  g_clear_pointer (&property->value, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Property, property_clear)

static void
add_parameter (Property   *property,
               const char *parameter)
{
  const char *eq = strchr (parameter, '=');
  g_autofree char *key = g_ascii_strup (parameter, eq != NULL ? eq - parameter : -1);
  g_autofree char *value = NULL;

  if (eq == NULL)
    {
      /* vCard 2.1: bare values (HOME, PREF, QUOTED-PRINTABLE). */
      value = g_steal_pointer (&key);
      key = g_strdup ("TYPE");
    }
  else
    {
      value = g_ascii_strup (eq + 1, -1);
      if (value[0] == '"' && strlen (value) >= 2 && value[strlen (value) - 1] == '"')
        {
          char *unquoted = g_strndup (value + 1, strlen (value) - 2);

          g_free (value);
          value = unquoted;
        }
    }

  if (g_str_equal (key, "ENCODING") || (g_str_equal (key, "TYPE") && g_str_equal (value, "QUOTED-PRINTABLE")))
    property->quoted_printable |= g_str_equal (value, "QUOTED-PRINTABLE");
  else if (g_str_equal (key, "CHARSET"))
    {
      g_free (property->charset);
      property->charset = g_steal_pointer (&value);
    }
  else if (g_str_equal (key, "PREF"))
    property->preferred = TRUE;
  else if (g_str_equal (key, "VALUE"))
    property->is_uri |= g_str_equal (value, "URI");
  else if (g_str_equal (key, "TYPE"))
    {
      g_auto(GStrv) types = g_strsplit (value, ",", -1);

      for (guint i = 0; types[i] != NULL; i++)
        property->preferred |= g_str_equal (types[i], "PREF");
      if (property->types == NULL)
        property->types = g_steal_pointer (&value);
      else
        {
          char *joined = g_strconcat (property->types, ",", value, NULL);

          g_free (property->types);
          property->types = joined;
        }
    }
}

/* NAME;PARAM=…;…:VALUE (a group "item1." before the name is dropped).
 * FALSE when there is no colon. */
static gboolean
parse_property (const char *text,
                Property   *property)
{
  const char *p = text;
  const char *name_end;
  const char *dot;
  gboolean in_quotes = FALSE;
  GString *parameter = NULL;

  name_end = p + strcspn (p, ";:");
  if (*name_end == '\0' || name_end == p)
    return FALSE;
  dot = memchr (p, '.', name_end - p);
  while (dot != NULL)
    {
      p = dot + 1;
      dot = memchr (p, '.', name_end - p);
    }
  property->name = g_ascii_strup (p, name_end - p);

  p = name_end;
  while (*p == ';')
    {
      parameter = g_string_new (NULL);
      for (p++; *p != '\0' && (in_quotes || (*p != ';' && *p != ':')); p++)
        {
          if (*p == '"')
            in_quotes = !in_quotes;
          g_string_append_c (parameter, *p);
        }
      if (parameter->len > 0)
        add_parameter (property, parameter->str);
      g_string_free (parameter, TRUE);
    }
  if (*p != ':')
    return FALSE;
  property->value = g_strdup (p + 1);
  return TRUE;
}

/* Values */

static gboolean
decode_quoted_printable (const char  *text,
                         GString     *out)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '=')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '\0')
        break;  /* a soft line break left at the very end */
      if (p[1] == '=')
        continue;  /* a soft line break whose next line was folded onto it */
      if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
        return FALSE;
      g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
      p += 2;
    }
  return TRUE;
}

/* The property's value as UTF-8 text, still escaped; NULL with @error when
 * it cannot be decoded. */
static char *
decode_value (const Property  *property,
              GError         **error)
{
  g_autoptr(GString) bytes = g_string_new (NULL);

  if (property->quoted_printable)
    {
      if (!decode_quoted_printable (property->value, bytes))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the %s value is not valid quoted-printable text"), property->name);
          return NULL;
        }
    }
  else
    g_string_append (bytes, property->value);

  if (property->charset != NULL && g_ascii_strcasecmp (property->charset, "UTF-8") != 0)
    {
      g_autoptr(GError) local_error = NULL;
      char *converted = g_convert (bytes->str, bytes->len, "UTF-8", property->charset, NULL, NULL, &local_error);

      if (converted == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the %s value is not %s text"), property->name, property->charset);
          return NULL;
        }
      return converted;
    }
  if (!g_utf8_validate_len (bytes->str, bytes->len, NULL))
    {
      /* Quoted-printable Latin text without a CHARSET: what old phones write. */
      char *converted = g_convert (bytes->str, bytes->len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

      if (converted == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("the %s value is not UTF-8 text"), property->name);
      return converted;
    }
  if (memchr (bytes->str, '\0', bytes->len) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the %s value holds a NUL byte"), property->name);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&bytes), FALSE);
}

/* Splits on unescaped ';' and unescapes each component (\, \; \\ \n \N). */
static GStrv
split_components (const char *value)
{
  GPtrArray *parts = g_ptr_array_new ();
  GString *part = g_string_new (NULL);

  for (const char *p = value; ; p++)
    {
      if (*p == '\0' || *p == ';')
        {
          g_ptr_array_add (parts, g_strstrip (g_string_free (part, FALSE)));
          if (*p == '\0')
            break;
          part = g_string_new (NULL);
        }
      else if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (part, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else
        g_string_append_c (part, *p);
    }
  g_ptr_array_add (parts, NULL);
  return (GStrv) g_ptr_array_free (parts, FALSE);
}

static char *
unescape (const char *value)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static char *
non_empty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The unescaped value, NULL when empty. */
static char *
text_value (const char *value)
{
  g_autofree char *text = unescape (value);

  return non_empty (text);
}

static char *
component (GStrv  parts,
           guint  index)
{
  return index < g_strv_length (parts) ? non_empty (parts[index]) : NULL;
}

/* BDAY: YYYY-MM-DD, YYYYMMDD, either with a time after T; --MMDD and
 * --MM-DD (no year) are not dates one can store. */
static void
read_birthday (FidVcard   *card,
               const char *value)
{
  g_autofree char *day = g_strndup (value, strcspn (value, "T"));
  char digits[9] = { 0 };
  guint n = 0;
  int y, m, d;

  g_strstrip (day);
  if (g_str_has_prefix (day, "--") || *day == '\0')
    return;
  for (const char *p = day; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && n < 8)
        digits[n++] = *p;
      else if (*p != '-' || n >= 8)
        goto bad;
    }
  if (n != 8)
    goto bad;
  y = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
  m = (digits[4] - '0') * 10 + (digits[5] - '0');
  d = (digits[6] - '0') * 10 + (digits[7] - '0');
  if (!g_date_valid_dmy (d, m, y))
    {
      /* Written as a date, so that the report says what is wrong with it. */
      g_free (card->bad_birthday);
      card->bad_birthday = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
      return;
    }
  g_free (card->birthday);
  card->birthday = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return;

bad:
  g_free (card->bad_birthday);
  card->bad_birthday = g_strdup (value);
}

static void
set_preferred (char       **slot,
               gboolean    *slot_preferred,
               char        *value,
               gboolean     preferred)
{
  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  if (*slot == NULL || (preferred && !*slot_preferred))
    {
      g_free (*slot);
      *slot = value;
      *slot_preferred = preferred;
    }
  else
    g_free (value);
}

typedef struct
{
  FidVcard *card;
  gboolean  email_preferred;
  gboolean  phone_preferred;
  gboolean  has_address;
} CardBuilder;

static gboolean
read_property (CardBuilder     *builder,
               const Property  *property,
               GError         **error)
{
  static const char * const wanted[] = {
    "VERSION", "FN", "N", "ORG", "EMAIL", "TEL", "ADR", "BDAY", "NOTE", "KIND", "X-ABSHOWAS", NULL
  };
  FidVcard *card = builder->card;
  g_autofree char *value = NULL;

  if (!g_strv_contains (wanted, property->name))
    return TRUE;  /* PHOTO, UID, REV, X-…: not kept */
  if ((value = decode_value (property, error)) == NULL)
    return FALSE;

  if (g_str_equal (property->name, "VERSION"))
    {
      g_strstrip (value);
      if (!g_str_equal (value, "2.1") && !g_str_equal (value, "3.0") && !g_str_equal (value, "4.0"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("vCard version “%s” is not supported (2.1, 3.0 or 4.0)"), value);
          return FALSE;
        }
      g_free (card->version);
      card->version = g_steal_pointer (&value);
    }
  else if (g_str_equal (property->name, "FN") && card->formatted_name == NULL)
    card->formatted_name = text_value (value);
  else if (g_str_equal (property->name, "N") && card->family_name == NULL && card->given_name == NULL)
    {
      g_auto(GStrv) parts = split_components (value);

      card->family_name = component (parts, 0);
      card->given_name = component (parts, 1);
      g_free (card->prefix);
      card->prefix = component (parts, 3);
    }
  else if (g_str_equal (property->name, "ORG") && card->organization == NULL)
    {
      g_auto(GStrv) parts = split_components (value);

      card->organization = component (parts, 0);
    }
  else if (g_str_equal (property->name, "EMAIL"))
    set_preferred (&card->email, &builder->email_preferred, unescape (value), property->preferred);
  else if (g_str_equal (property->name, "TEL"))
    {
      g_autofree char *tel = unescape (value);
      const char *number = tel;

      if (g_ascii_strncasecmp (number, "tel:", 4) == 0)
        number += 4;
      set_preferred (&card->phone, &builder->phone_preferred,
                     g_strndup (number, strcspn (number, ";")), property->preferred);
    }
  else if (g_str_equal (property->name, "ADR") && (!builder->has_address || property->preferred))
    {
      g_auto(GStrv) parts = split_components (value);
      g_autofree char *extended = component (parts, 1);
      g_autofree char *street = component (parts, 2);

      builder->has_address = TRUE;
      g_clear_pointer (&card->street, g_free);
      if (street != NULL && extended != NULL)
        card->street = g_strconcat (street, ", ", extended, NULL);
      else
        card->street = g_strdup (street != NULL ? street : extended);
      if (card->street != NULL)
        g_strdelimit (card->street, "\n", ',');
      g_free (card->locality);
      card->locality = component (parts, 3);
      g_free (card->postcode);
      card->postcode = component (parts, 5);
      g_free (card->country);
      card->country = component (parts, 6);
    }
  else if (g_str_equal (property->name, "BDAY"))
    read_birthday (card, value);
  else if (g_str_equal (property->name, "NOTE") && card->note == NULL)
    card->note = text_value (value);
  else if (g_str_equal (property->name, "KIND") || g_str_equal (property->name, "X-ABSHOWAS"))
    {
      g_strstrip (value);
      card->is_organization = g_ascii_strcasecmp (value, "org") == 0 ||
                              g_ascii_strcasecmp (value, "company") == 0;
    }
  return TRUE;
}

gboolean
fid_vcard_sniff (const char *text,
                 gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return end - p >= 11 && g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) == 0;
}

GPtrArray *
fid_vcard_parse (const char  *text,
                 gsize        length,
                 guint       *error_line,
                 GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_vcard_free);
  g_autoptr(GArray) lines = NULL;
  CardBuilder builder = { NULL };
  guint dummy_line;
  guint begin_line = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (error_line == NULL)
    error_line = &dummy_line;
  *error_line = 0;
  if (text == NULL)
    text = "";
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3, length -= 3;

  lines = unfold (text, length);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_auto(Property) property = { NULL };
      g_autoptr(GError) local_error = NULL;

      g_strstrip (line->text->str);
      if (line->text->str[0] == '\0')
        continue;
      *error_line = line->line;
      if (!parse_property (line->text->str, &property))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               builder.card != NULL
                               ? _("not a vCard property: the line has no “:”")
                               : _("text outside a card: a vCard file holds BEGIN:VCARD … END:VCARD blocks only"));
          goto failed;
        }

      /* A quoted-printable value ending with "=" goes on on the next line. */
      while (property.quoted_printable && g_str_has_suffix (property.value, "=") && i + 1 < lines->len)
        {
          Line *next = &g_array_index (lines, Line, ++i);
          char *joined;

          property.value[strlen (property.value) - 1] = '\0';
          joined = g_strconcat (property.value, g_strstrip (next->text->str), NULL);
          g_free (property.value);
          property.value = joined;
        }

      if (g_str_equal (property.name, "BEGIN"))
        {
          if (g_ascii_strcasecmp (g_strstrip (property.value), "VCARD") != 0)
            {
              if (builder.card != NULL)
                continue;  /* vCard 2.1 AGENT and the like: ignored */
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("“BEGIN:%s” is not a vCard"), property.value);
              goto failed;
            }
          if (builder.card != NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("a card starts here before the card of line %u ends (END:VCARD missing)"),
                           begin_line);
              goto failed;
            }
          builder = (CardBuilder) { g_new0 (FidVcard, 1) };
          builder.card->line = begin_line = line->line;
          continue;
        }
      if (builder.card == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("text outside a card: a vCard file holds BEGIN:VCARD … END:VCARD blocks only"));
          goto failed;
        }
      if (g_str_equal (property.name, "END"))
        {
          if (g_ascii_strcasecmp (g_strstrip (property.value), "VCARD") != 0)
            continue;
          g_ptr_array_add (cards, g_steal_pointer (&builder.card));
          continue;
        }
      if (!read_property (&builder, &property, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
    }

  if (builder.card != NULL)
    {
      *error_line = begin_line;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the card that starts here never ends (END:VCARD missing): is the file truncated?"));
      goto failed;
    }
  if (cards->len == 0)
    {
      *error_line = 1;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the file holds no vCard (no BEGIN:VCARD line)"));
      return NULL;
    }
  *error_line = 0;
  return g_steal_pointer (&cards);

failed:
  fid_vcard_free (builder.card);
  return NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Template filling for the e-mail and postal-mail channels. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fid-template.h"

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

static char *
dup_salutation (FidCustomer *customer)
{
  const char *title = fid_customer_get_title (customer);

  if (g_strcmp0 (title, "Mme") == 0 || g_strcmp0 (title, "Mlle") == 0 ||
      g_strcmp0 (title, "Mrs") == 0 || g_strcmp0 (title, "Ms") == 0)
    /* Translators: the salutation of a letter or e-mail (fr: "Madame") */
    return g_strdup (_("Dear Madam"));
  if (g_strcmp0 (title, "M.") == 0 || g_strcmp0 (title, "Mr") == 0)
    /* Translators: the salutation of a letter or e-mail (fr: "Monsieur") */
    return g_strdup (_("Dear Sir"));

  /* Translators: the salutation of a letter or e-mail (fr: "Madame, Monsieur") */
  return g_strdup (_("Dear Sir or Madam"));
}

static char *
dup_value (FidCustomer *customer,
           const char  *name)
{
  if (g_str_equal (name, "title"))
    return g_strdup (nonnull (fid_customer_get_title (customer)));
  if (g_str_equal (name, "first_name"))
    return g_strdup (nonnull (fid_customer_get_first_name (customer)));
  if (g_str_equal (name, "last_name"))
    return g_strdup (nonnull (fid_customer_get_last_name (customer)));
  if (g_str_equal (name, "name"))
    return fid_customer_dup_display_name (customer);
  if (g_str_equal (name, "email"))
    return g_strdup (nonnull (fid_customer_get_email (customer)));
  if (g_str_equal (name, "phone"))
    return g_strdup (nonnull (fid_customer_get_phone (customer)));
  if (g_str_equal (name, "address"))
    return g_strdup (nonnull (fid_customer_get_address (customer)));
  if (g_str_equal (name, "postcode"))
    return g_strdup (nonnull (fid_customer_get_postcode (customer)));
  if (g_str_equal (name, "city"))
    return g_strdup (nonnull (fid_customer_get_city (customer)));
  if (g_str_equal (name, "advisor"))
    return g_strdup (nonnull (fid_customer_get_advisor_name (customer)));
  if (g_str_equal (name, "branch"))
    return g_strdup (nonnull (fid_customer_get_branch_name (customer)));
  if (g_str_equal (name, "salutation"))
    return dup_salutation (customer);
  if (g_str_equal (name, "today"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      /* Translators: the date in letters and e-mails, see
       * https://docs.gtk.org/glib/method.DateTime.format.html */
      /* xgettext:no-c-format */
      return g_date_time_format (now, _("%-d %B %Y"));
    }

  return NULL;
}

char *
fid_template_fill (const char  *text,
                   FidCustomer *customer)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (FID_IS_CUSTOMER (customer), NULL);

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text) + 64);
  for (p = text; *p != '\0'; )
    {
      const char *close;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL && close - p < 32)
        {
          g_autofree char *name = g_strndup (p + 1, close - p - 1);
          g_autofree char *value = dup_value (customer, name);

          if (value != NULL)
            {
              g_string_append (out, value);
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Next best offer: the suggestions (definitions in fid-nbo.h), the
 * co-holding counts they read, dismissals and acceptance. The rules'
 * editing is in fid-nbo-rules.c.
 *
 * Speed: a 360 view must stay instant on a million customers, so a
 * suggestion reads only the customer's own rows (life events, holdings,
 * opportunities, dismissals: each one index range) and the cached pair
 * counts of the products they hold (primary-key ranges). The counts come
 * from fid_nbo_refresh_pairs, one sequential pass over holdings. */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fid-nbo.h"
#include "fid-store-opportunities.h"
#include "fid-store-private.h"

/* Co-holding thresholds (fid-nbo.h). */
#define MIN_LIFT 1.1
#define MIN_CONFIDENCE 0.10
#define MIN_BOTH 20
/* An announced event counts this many days before it happens. */
#define DAYS_BEFORE_EVENT 90

void
fid_nbo_suggestion_free (FidNboSuggestion *s)
{
  if (s == NULL)
    return;
  g_free (s->product_code);
  g_free (s->product_name);
  g_free (s->product_family);
  g_free (s->reason);
  g_free (s->event_kind);
  g_free (s->event_date);
  g_free (s->antecedent_name);
  g_free (s);
}

gint64
fid_nbo_typical_amount (const char *family)
{
  /* Euros, as the demo bank's opportunities have them. */
  static const struct { const char *family; gint64 euros; } amounts[] = {
    { "current_account", 100 }, { "savings", 8000 }, { "card", 120 }, { "mortgage", 220000 },
    { "consumer_loan", 15000 }, { "student_loan", 10000 }, { "insurance", 900 },
    { "investment", 40000 },
  };

  for (guint i = 0; family != NULL && i < G_N_ELEMENTS (amounts); i++)
    if (g_str_equal (family, amounts[i].family))
      return amounts[i].euros * 100;
  return 0;
}

char *
fid_nbo_event_reason (const char *kind,
                      const char *date)
{
  /* Said of the customer: the event is theirs or their family's. */
  if (g_strcmp0 (kind, "higher_education") == 0)
    return g_strdup_printf (_("Child starting higher education on %s"), date);
  if (g_strcmp0 (kind, "old_vehicle") == 0)
    return g_strdup_printf (_("Vehicle older than average, noted on %s"), date);
  if (g_strcmp0 (kind, "marriage") == 0)
    return g_strdup_printf (_("Marriage on %s"), date);
  if (g_strcmp0 (kind, "birth") == 0)
    return g_strdup_printf (_("Birth of a child on %s"), date);
  if (g_strcmp0 (kind, "move") == 0)
    return g_strdup_printf (_("Moving house on %s"), date);
  if (g_strcmp0 (kind, "retirement") == 0)
    return g_strdup_printf (_("Retiring on %s"), date);
  if (g_strcmp0 (kind, "new_job") == 0)
    return g_strdup_printf (_("New job on %s"), date);
  if (g_strcmp0 (kind, "divorce") == 0)
    return g_strdup_printf (_("Divorce on %s"), date);
  if (g_strcmp0 (kind, "death_in_family") == 0)
    return g_strdup_printf (_("Death in the family on %s"), date);
  if (g_strcmp0 (kind, "inheritance") == 0)
    return g_strdup_printf (_("Inheritance on %s"), date);
  return g_strdup_printf (_("Life event on %s"), date);
}

/* "2 Sep 2026", in the user's language. */
static char *
format_date (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (!fid_parse_iso_date (iso, &date))
    return g_strdup (iso);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  /* Translators: a date in a next-best-offer reason, g_date_time_format syntax */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* The products the customer must not be offered: held now, in an open
 * opportunity, or dismissed. */
static GHashTable *
excluded_products (FidStore    *self,
                   gint64       customer_id,
                   GArray      *held,
                   GHashTable  *held_families,
                   GError     **error)
{
  static const char * const queries[] = {
    "SELECT h.product_id, 1, p.family FROM holdings h JOIN products p ON p.id = h.product_id"
    " WHERE h.customer_id = ?1 AND h.closed_on IS NULL",
    "SELECT product_id, 0, NULL FROM opportunities WHERE customer_id = ?1"
    " AND stage IN ('lead', 'qualified', 'proposal', 'negotiation')",
    "SELECT product_id, 0, NULL FROM nbo_dismissals WHERE customer_id = ?1",
  };
  g_autoptr(GHashTable) excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = fid_store_prepare (self, queries[q], error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
            g_hash_table_add (held_families, g_strdup (fid_sqlite_text (stmt, 2)));
          if (g_hash_table_contains (excluded, &id))
            continue;
          g_hash_table_add (excluded, g_memdup2 (&id, sizeof id));
          if (sqlite3_column_int (stmt, 1) && held != NULL)
            g_array_append_val (held, id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fid_store_set_sqlite_error (self, error, rc, _("read the customer's products"));
          return NULL;
        }
    }
  return g_steal_pointer (&excluded);
}

static gboolean
read_product (FidStore          *self,
              gint64             product_id,
              FidNboSuggestion  *s,
              GError           **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, "SELECT code, name, family FROM products WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  if (!fid_store_step_row (self, stmt, _("read a product"), error,
                           _("Product %" PRId64 " does not exist."), product_id))
    return FALSE;
  s->product_id = product_id;
  s->product_code = g_strdup (fid_sqlite_text (stmt, 0));
  s->product_name = g_strdup (fid_sqlite_text (stmt, 1));
  s->product_family = g_strdup (fid_sqlite_text (stmt, 2));
  sqlite3_reset (stmt);
  return TRUE;
}

/* A rule's product: the one with its code, else the family's most held
 * product the customer may be offered. 0 when there is none. */
static gint64
resolve_rule_product (FidStore    *self,
                      const char  *family,
                      const char  *code,
                      GHashTable  *excluded,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  if (code != NULL)
    {
      stmt = fid_store_prepare (self, "SELECT id FROM products WHERE code = ?1", error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        found = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (found != 0)
        return g_hash_table_contains (excluded, &found) ? 0 : found;
    }
  stmt = fid_store_prepare (self,
                            "SELECT p.id FROM products p"
                            " LEFT JOIN nbo_product_pairs n ON n.product_id = p.id AND n.other_id = p.id"
                            " WHERE p.family = ?1 ORDER BY coalesce (n.both_count, 0) DESC, p.id", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, family, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (excluded, &id))
        {
          found = id;
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the products"));
      return -1;
    }
  return found;
}

/* Keeps the best suggestion per product in @best (product id → suggestion). */
static void
offer (GHashTable       *best,
       FidNboSuggestion *s)
{
  FidNboSuggestion *old = g_hash_table_lookup (best, &s->product_id);

  if (old != NULL && old->score >= s->score)
    {
      fid_nbo_suggestion_free (s);
      return;
    }
  g_hash_table_replace (best, g_memdup2 (&s->product_id, sizeof s->product_id), s);
}

static gboolean
suggest_life_events (FidStore    *self,
                     gint64       customer_id,
                     const GDate *as_of,
                     GHashTable  *excluded,
                     GHashTable  *best,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = fid_store_prepare (self,
                            "SELECT e.id, e.kind, e.occurred_on, r.window_days, r.weight, r.product_family,"
                            " r.product_code"
                            " FROM life_events e JOIN nbo_rules r ON r.event_kind = e.kind AND r.enabled = 1"
                            " WHERE e.customer_id = ?1 ORDER BY e.occurred_on DESC, r.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(FidNboSuggestion) s = NULL;
      g_autofree char *family = g_strdup (fid_sqlite_text (stmt, 5));
      g_autofree char *code = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? NULL : g_strdup (fid_sqlite_text (stmt, 6));
      g_autofree char *when = NULL;
      int window = sqlite3_column_int (stmt, 3);
      GDate occurred;
      gint64 product_id, event_id = sqlite3_column_int64 (stmt, 0);
      int days;

      if (!fid_parse_iso_date (fid_sqlite_text (stmt, 2), &occurred))
        continue;
      days = g_date_days_between (&occurred, as_of);
      if (days < -DAYS_BEFORE_EVENT || days > window)
        continue;

      s = g_new0 (FidNboSuggestion, 1);
      s->source = FID_NBO_SOURCE_LIFE_EVENT;
      s->life_event_id = event_id;
      s->event_kind = g_strdup (fid_sqlite_text (stmt, 1));
      s->event_date = g_strdup (fid_sqlite_text (stmt, 2));
      s->score = 1.0 + sqlite3_column_double (stmt, 4) * (1.0 - (double) MAX (days, 0) / window);
      /* The statement stays open: resolving uses other statements. */
      product_id = resolve_rule_product (self, family, code, excluded, error);
      if (product_id < 0)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (product_id == 0)
        continue;
      if (!read_product (self, product_id, s, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      when = format_date (s->event_date);
      s->reason = fid_nbo_event_reason (s->event_kind, when);
      offer (best, g_steal_pointer (&s));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the life events"));
      return FALSE;
    }
  return TRUE;
}

/* Families where a customer needs one product: a second current account,
 * card or loan of the same kind is not a sensible statistical offer (an
 * explicit life-event rule may still propose one, e.g. the joint account
 * after a marriage). */
static gboolean
family_needs_one (const char *family)
{
  static const char * const single[] = {
    "current_account", "card", "mortgage", "consumer_loan", "student_loan", NULL,
  };

  return g_strv_contains (single, family);
}

static gboolean
suggest_co_holding (FidStore    *self,
                    GArray      *held,
                    GHashTable  *held_families,
                    GHashTable  *excluded,
                    GHashTable  *best,
                    GError     **error)
{
  gint64 n = 0;
  sqlite3_stmt *stmt;

  if (!fid_nbo_get_pairs_state (self, NULL, &n, error))
    return FALSE;
  if (n <= 0 || held->len == 0)
    return TRUE;

  /* Pairs X→Y with the holders of X (hx) and of Y (hy): the diagonal. */
  stmt = fid_store_prepare (self,
                            "SELECT pr.other_id, pr.both_count, hx.both_count, hy.both_count, p.family"
                            " FROM nbo_product_pairs pr JOIN products p ON p.id = pr.other_id"
                            " JOIN nbo_product_pairs hx ON hx.product_id = pr.product_id AND hx.other_id = pr.product_id"
                            " JOIN nbo_product_pairs hy ON hy.product_id = pr.other_id AND hy.other_id = pr.other_id"
                            " WHERE pr.product_id = ?1 AND pr.other_id <> ?1 AND pr.both_count >= ?2", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < held->len; i++)
    {
      gint64 x = g_array_index (held, gint64, i);
      int rc;

      sqlite3_bind_int64 (stmt, 1, x);
      sqlite3_bind_int (stmt, 2, MIN_BOTH);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 y = sqlite3_column_int64 (stmt, 0);
          double both = sqlite3_column_double (stmt, 1);
          double hx = sqlite3_column_double (stmt, 2);
          double hy = sqlite3_column_double (stmt, 3);
          double confidence = both / hx;
          double lift = confidence / (hy / n);
          FidNboSuggestion *s;

          const char *family = fid_sqlite_text (stmt, 4);

          if (g_hash_table_contains (excluded, &y) || lift < MIN_LIFT || confidence < MIN_CONFIDENCE ||
              (family_needs_one (family) && g_hash_table_contains (held_families, family)))
            continue;
          s = g_new0 (FidNboSuggestion, 1);
          s->source = FID_NBO_SOURCE_CO_HOLDING;
          s->product_id = y;
          s->antecedent_id = x;
          s->support = both / n;
          s->confidence = confidence;
          s->lift = lift;
          s->score = confidence * MIN (lift, 3.0) / 3.0;
          offer (best, s);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fid_store_set_sqlite_error (self, error, rc, _("read the co-holding statistics"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Names and reason of a co-holding suggestion that made the top. */
static gboolean
describe_co_holding (FidStore          *self,
                     FidNboSuggestion  *s,
                     GError           **error)
{
  FidNboSuggestion x = { 0, };

  if (!read_product (self, s->product_id, s, error) || !read_product (self, s->antecedent_id, &x, error))
    return FALSE;
  s->antecedent_name = g_steal_pointer (&x.product_name);
  g_free (x.product_code);
  g_free (x.product_family);
  /* Translators: "62 % of customers holding Home loan also hold Home insurance (lift 1.8)" */
  s->reason = g_strdup_printf (_("%d %% of customers holding %s also hold %s (lift %.1f)"),
                               (int) round (s->confidence * 100), s->antecedent_name, s->product_name, s->lift);
  return TRUE;
}

static int
compare_score (gconstpointer a,
               gconstpointer b)
{
  const FidNboSuggestion *x = *(FidNboSuggestion * const *) a;
  const FidNboSuggestion *y = *(FidNboSuggestion * const *) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->product_id < y->product_id ? -1 : x->product_id > y->product_id;
}

/* Computes the counts when they never were, or are stale, and that is
 * cheap (a small bank); a big bank's are refreshed on demand. */
static gboolean
ensure_pairs (FidStore  *self,
              GError   **error)
{
  g_autofree char *refreshed_at = NULL;
  sqlite3_stmt *stmt;
  gint64 holdings = 0;

  if (!fid_nbo_get_pairs_state (self, &refreshed_at, NULL, error))
    return FALSE;
  if ((refreshed_at != NULL && !fid_nbo_pairs_are_stale (self)) || fid_store_is_read_only (self))
    return TRUE;
  /* max (id): instant, unlike count (*), and never below it. */
  stmt = fid_store_prepare (self, "SELECT coalesce (max (id), 0) FROM holdings", error);
  if (stmt == NULL || !fid_store_step_row (self, stmt, _("count the holdings"), error, "%s", ""))
    return FALSE;
  holdings = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return holdings > FID_NBO_INLINE_REFRESH_MAX || fid_nbo_refresh_pairs (self, error);
}

GPtrArray *
fid_nbo_suggest (FidStore    *self,
                 gint64       customer_id,
                 const char  *as_of,
                 guint        max,
                 GError     **error)
{
  g_autoptr(GHashTable) best = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      (GDestroyNotify) fid_nbo_suggestion_free);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_nbo_suggestion_free);
  g_autoptr(GHashTable) excluded = NULL;
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) held_families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *today = NULL;
  GHashTableIter iter;
  gpointer value;
  GDate date;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  if (as_of == NULL)
    as_of = today = fid_store_today_iso ();
  if (!fid_parse_iso_date (as_of, &date))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), as_of);
      return NULL;
    }
  if (!ensure_pairs (self, error) ||
      (excluded = excluded_products (self, customer_id, held, held_families, error)) == NULL ||
      !suggest_life_events (self, customer_id, &date, excluded, best, error) ||
      !suggest_co_holding (self, held, held_families, excluded, best, error))
    return NULL;

  g_hash_table_iter_init (&iter, best);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (result, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (result, compare_score);
  if (max > 0 && result->len > max)
    g_ptr_array_set_size (result, max);
  /* Only the few shown need their names and sentence. */
  for (guint i = 0; i < result->len; i++)
    {
      FidNboSuggestion *s = g_ptr_array_index (result, i);

      if (s->source == FID_NBO_SOURCE_CO_HOLDING && !describe_co_holding (self, s, error))
        return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
fid_nbo_get_pairs_state (FidStore  *self,
                         char     **refreshed_at,
                         gint64    *customers,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (refreshed_at != NULL)
    *refreshed_at = NULL;
  if (customers != NULL)
    *customers = 0;
  stmt = fid_store_prepare (self, "SELECT refreshed_at, customers FROM nbo_pairs_state WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (refreshed_at != NULL)
        *refreshed_at = g_strdup (fid_sqlite_text (stmt, 0));
      if (customers != NULL)
        *customers = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the co-holding statistics"));
      return FALSE;
    }
  return TRUE;
}

gboolean
fid_nbo_pairs_are_stale (FidStore *self)
{
  g_autofree char *refreshed_at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) then = NULL;

  if (!fid_nbo_get_pairs_state (self, &refreshed_at, NULL, NULL) || refreshed_at == NULL)
    return TRUE;
  then = g_date_time_new_from_iso8601 (refreshed_at, local);
  return then == NULL || g_date_time_difference (now, then) > FID_NBO_STALE_DAYS * G_TIME_SPAN_DAY;
}

/* The refresh: every customer's current products as a bit set (one bit per
 * product, customers indexed by id), filled in one sequential scan of
 * holdings (no ORDER BY: a table scan in rowid order beats the index), then
 * the pairs counted per customer. Memory: max customer id × ⌈products/64⌉
 * words, 8 MB for the demo's million customers and 38 products. */
gboolean
fid_nbo_refresh_pairs (FidStore  *self,
                       GError   **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) products = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint64 *sets = NULL;
  g_autofree gint64 *counts = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 max_customer = 0, holdings = 0, customers = 0;
  guint n, words;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  /* Read without the write lock (the scan takes seconds on a big bank):
   * other programs keep writing meanwhile, and the counts are statistics. */
  stmt = fid_store_prepare (self, "SELECT id FROM products ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint i = products->len;

      g_array_append_val (products, id);
      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }
  sqlite3_reset (stmt);
  stmt = fid_store_prepare (self, "SELECT coalesce (max (id), 0) FROM customers", error);
  if (stmt == NULL || !fid_store_step_row (self, stmt, _("count the customers"), error, "%s", ""))
    return FALSE;
  max_customer = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  n = products->len;
  words = MAX (1, (n + 63) / 64);
  sets = g_new0 (guint64, (gsize) (max_customer + 1) * words);
  counts = g_new0 (gint64, (gsize) n * n + 1);

  stmt = fid_store_prepare (self, "SELECT customer_id, product_id FROM holdings WHERE closed_on IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 customer = sqlite3_column_int64 (stmt, 0);
      gint64 product = sqlite3_column_int64 (stmt, 1);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &product));

      if (i == 0 || customer <= 0 || customer > max_customer)
        continue;
      i--;
      sets[customer * words + i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
      holdings++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the holdings"));
      return FALSE;
    }

  for (gint64 c = 1; c <= max_customer; c++)
    {
      guint64 *set = &sets[c * words];
      guint held[256];
      guint k = 0;

      for (guint w = 0; w < words; w++)
        for (guint64 bits = set[w]; bits != 0 && k < G_N_ELEMENTS (held); bits &= bits - 1)
          held[k++] = w * 64 + (guint) __builtin_ctzll (bits);
      if (k == 0)
        continue;
      customers++;
      for (guint a = 0; a < k; a++)
        for (guint b = 0; b < k; b++)
          counts[(gsize) held[a] * n + held[b]]++;
    }

  if (!fid_store_begin (self, error))
    return FALSE;
  if (!fid_store_exec (self, "DELETE FROM nbo_product_pairs", error))
    goto failed;
  stmt = fid_store_prepare (self,
                            "INSERT INTO nbo_product_pairs (product_id, other_id, both_count) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    goto failed;
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      {
        gint64 count = counts[(gsize) a * n + b];

        if (count == 0)
          continue;
        sqlite3_bind_int64 (stmt, 1, g_array_index (products, gint64, a));
        sqlite3_bind_int64 (stmt, 2, g_array_index (products, gint64, b));
        sqlite3_bind_int64 (stmt, 3, count);
        if (!fid_store_step_write (self, stmt, _("save the co-holding statistics"), error))
          goto failed;
      }
  now = fid_store_now_iso ();
  stmt = fid_store_prepare (self,
                            "INSERT INTO nbo_pairs_state (id, refreshed_at, customers, holdings)"
                            " VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE SET"
                            " refreshed_at = excluded.refreshed_at, customers = excluded.customers,"
                            " holdings = excluded.holdings", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, customers);
  sqlite3_bind_int64 (stmt, 3, holdings);
  if (!fid_store_step_write (self, stmt, _("save the co-holding statistics"), error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_nbo_dismiss (FidStore  *self,
                 gint64     customer_id,
                 gint64     product_id,
                 gint64     advisor_id,
                 GError   **error)
{
  g_autofree char *now = fid_store_now_iso ();
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gboolean exists;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?1", customer_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER,
                   _("There is no customer number %" PRId64 "."), customer_id);
      return FALSE;
    }
  if (!fid_store_row_exists (self, "SELECT 1 FROM products WHERE id = ?1", product_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("There is no product number %" PRId64 "."), product_id);
      return FALSE;
    }
  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self,
                            "INSERT INTO nbo_dismissals (customer_id, product_id, dismissed_at, advisor_id, actor)"
                            " VALUES (?1, ?2, ?3, (SELECT id FROM advisors WHERE id = ?4), ?5)"
                            " ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, advisor_id);
  sqlite3_bind_text (stmt, 5, fid_store_get_actor (self) ?: "", -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("remember the dismissal"), error))
    goto failed;
  details = g_strdup_printf ("{\"nbo_dismissed_product_id\":%" PRId64 "}", product_id);
  if (!fid_store_audit (self, "update", "customer", customer_id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gint64
fid_nbo_accept (FidStore                *self,
                gint64                   customer_id,
                const FidNboSuggestion  *suggestion,
                gint64                   advisor_id,
                GError                 **error)
{
  g_return_val_if_fail (FID_IS_STORE (self), 0);
  g_return_val_if_fail (suggestion != NULL, 0);

  return fid_store_add_opportunity (self, customer_id, suggestion->product_id, "nbo", advisor_id,
                                    fid_nbo_typical_amount (suggestion->product_family), -1, NULL, error);
}

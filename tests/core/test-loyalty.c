/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty programme (issue 14): each earning rule, referrals and their
 * conversion, idempotent crediting, redemption at and just above the
 * balance, two redemptions at once from two connections, expiry on its
 * boundary date, the append-only ledger and the programme's figures.
 * Events (holdings, survey responses) are written with plain SQL through
 * another connection, as an import or another program would: the points
 * must arrive all the same. */

#include "config.h"

#include "fid-store-loyalty.h"
#include "fid-store-opportunities.h"
#include "fid-store-workspace.h"
#include "fid-test-util.h"

typedef struct
{
  FidStore *store;
  char     *path;
  gint64    product_id;
} Bank;

static void
bank_init (Bank *bank)
{
  bank->store = fid_test_new_store ();
  bank->path = g_strdup (fid_store_get_path (bank->store));
  fid_test_exec_raw (bank->path, "INSERT INTO products (id, code, name, family)"
                                 " VALUES (1, 'CC', 'Current account', 'current_account')");
  bank->product_id = 1;
}

static void
bank_clear (Bank *bank)
{
  g_clear_object (&bank->store);
  g_clear_pointer (&bank->path, g_free);
}

static void
open_holding (Bank       *bank,
              gint64      customer_id,
              const char *opened_on)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO holdings (customer_id, product_id, opened_on)"
                                          " VALUES (%" G_GINT64_FORMAT ", 1, '%s')", customer_id, opened_on);

  fid_test_exec_raw (bank->path, sql);
}

static gint64
balance (Bank   *bank,
         gint64  customer_id)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (fid_store_loyalty_get_balance (bank->store, customer_id, &value, &error));
  g_assert_no_error (error);
  return value;
}

static gint64
count (Bank       *bank,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (bank->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
add_reward (Bank   *bank,
            gint64  cost)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Reward %" G_GINT64_FORMAT " %u", cost, g_random_int ());
  gint64 id = fid_store_loyalty_add_reward (bank->store, name, cost, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A referrer with 500 points: their referral converted on 2026-02-01. */
static gint64
referrer_with_500 (Bank *bank)
{
  g_autoptr(GError) error = NULL;
  gint64 anne = fid_test_insert (bank->store, "Anne", "Roux", "Brest");
  gint64 leo = fid_test_insert (bank->store, "Léo", "Garnier", "Brest");

  g_assert_cmpint (fid_store_loyalty_record_referral (bank->store, anne, leo, "2026-01-10", &error), >, 0);
  g_assert_no_error (error);
  open_holding (bank, leo, "2026-02-01");
  g_assert_cmpint (balance (bank, anne), ==, 500);
  return anne;
}

static void
test_referral_conversion (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *joined = NULL;
  Bank bank;
  gint64 anne, leo, id;
  FidReferral *r;
  FidLedgerLine *line;

  bank_init (&bank);
  anne = fid_test_insert (bank.store, "Anne", "Roux", "Brest");
  leo = fid_test_insert (bank.store, "Léo", "Garnier", "Brest");

  id = fid_store_loyalty_record_referral (bank.store, anne, leo, "2026-01-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* The referrer is enrolled on the referral's date, with nothing yet. */
  g_assert_true (fid_store_loyalty_get_membership (bank.store, anne, &joined, &error));
  g_assert_cmpstr (joined, ==, "2026-01-10");
  g_assert_cmpint (balance (&bank, anne), ==, 0);
  referrals = fid_store_loyalty_list_referrals (bank.store, leo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (referrals->len, ==, 1);
  r = referrals->pdata[0];
  g_assert_cmpint (r->referrer_id, ==, anne);
  g_assert_cmpstr (r->referrer_name, ==, "Anne Roux");
  g_assert_null (r->converted_on);
  g_clear_pointer (&referrals, g_ptr_array_unref);

  /* Léo opens an account: the referral converts, Anne gets 500 points
   * dated that day, valid 24 months. */
  open_holding (&bank, leo, "2026-02-01");
  g_assert_cmpint (balance (&bank, anne), ==, 500);
  referrals = fid_store_loyalty_list_referrals (bank.store, anne, &error);
  r = referrals->pdata[0];
  g_assert_cmpstr (r->converted_on, ==, "2026-02-01");
  g_assert_cmpint (r->points, ==, 500);
  lines = fid_store_loyalty_list_ledger (bank.store, anne, 0, &error);
  g_assert_cmpuint (lines->len, ==, 1);
  line = lines->pdata[0];
  g_assert_cmpstr (line->source_kind, ==, "referral");
  g_assert_cmpint (line->source_id, ==, id);
  g_assert_cmpstr (line->posted_on, ==, "2026-02-01");
  g_assert_cmpstr (line->expires_on, ==, "2028-02-01");

  /* A second product is not a second conversion; Léo is no member. */
  open_holding (&bank, leo, "2026-03-01");
  g_assert_cmpint (balance (&bank, anne), ==, 500);
  g_assert_cmpint (balance (&bank, leo), ==, 0);
  bank_clear (&bank);
}

static void
test_referral_refused (void)
{
  g_autoptr(GError) error = NULL;
  Bank bank;
  gint64 anne, leo, paul;

  bank_init (&bank);
  anne = fid_test_insert (bank.store, "Anne", "Roux", "Brest");
  leo = fid_test_insert (bank.store, "Léo", "Garnier", "Brest");
  paul = fid_test_insert (bank.store, "Paul", "Morel", "Brest");

  g_assert_cmpint (fid_store_loyalty_record_referral (bank.store, anne, anne, NULL, &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_SAME_CUSTOMER);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_loyalty_record_referral (bank.store, anne, 999, NULL, &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_loyalty_record_referral (bank.store, anne, leo, "2026-13-01", &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_loyalty_record_referral (bank.store, anne, leo, "2999-01-01", &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
  g_clear_error (&error);
  /* Paul already holds a product: not a prospect. */
  open_holding (&bank, paul, "2020-01-01");
  g_assert_cmpint (fid_store_loyalty_record_referral (bank.store, anne, paul, NULL, &error), ==, 0);
  g_assert_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_ALREADY_CUSTOMER);
  g_clear_error (&error);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM referrals"), ==, 0);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM loyalty_members"), ==, 0);

  /* Léo is referred once: Paul cannot refer him again. */
  g_assert_cmpint (fid_store_loyalty_record_referral (bank.store, anne, leo, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (fid_store_loyalty_record_referral (bank.store, paul, leo, NULL, &error), ==, 0);
  g_assert_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_ALREADY_REFERRED);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM referrals"), ==, 1);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM loyalty_members"), ==, 1);
  bank_clear (&bank);
}

static void
test_product_opened (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  Bank bank;
  gint64 member, other;

  bank_init (&bank);
  member = fid_test_insert (bank.store, "Anne", "Roux", "Brest");
  other = fid_test_insert (bank.store, "Paul", "Morel", "Brest");
  g_assert_true (fid_store_loyalty_enrol (bank.store, member, "2026-01-01", &error));
  g_assert_no_error (error);

  /* Before joining: nothing. After: 100 points. Not a member: nothing. */
  open_holding (&bank, member, "2025-12-31");
  g_assert_cmpint (balance (&bank, member), ==, 0);
  open_holding (&bank, member, "2026-01-01");
  g_assert_cmpint (balance (&bank, member), ==, 100);
  open_holding (&bank, other, "2026-01-01");
  g_assert_cmpint (balance (&bank, other), ==, 0);

  /* The rule is editable; 0 switches it off. */
  g_assert_true (fid_store_loyalty_set_rule_points (bank.store, FID_LOYALTY_RULE_PRODUCT_OPENED, 150, &error));
  open_holding (&bank, member, "2026-02-01");
  g_assert_cmpint (balance (&bank, member), ==, 250);
  g_assert_true (fid_store_loyalty_set_rule_points (bank.store, FID_LOYALTY_RULE_PRODUCT_OPENED, 0, &error));
  open_holding (&bank, member, "2026-03-01");
  g_assert_cmpint (balance (&bank, member), ==, 250);
  g_assert_false (fid_store_loyalty_set_rule_points (bank.store, FID_LOYALTY_RULE_PRODUCT_OPENED, -5, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);

  lines = fid_store_loyalty_list_ledger (bank.store, member, 0, &error);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (((FidLedgerLine *) lines->pdata[0])->posted_on, ==, "2026-02-01");
  g_assert_cmpstr (((FidLedgerLine *) lines->pdata[0])->source_kind, ==, "holding");
  bank_clear (&bank);
}

static void
test_survey_answered (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  Bank bank;
  gint64 member;

  bank_init (&bank);
  member = fid_test_insert (bank.store, "Anne", "Roux", "Brest");
  g_assert_true (fid_store_loyalty_enrol (bank.store, member, "2026-01-01", &error));
  sql = g_strdup_printf ("INSERT INTO surveys (id, kind, title, created_at) VALUES (1, 'nps', 'NPS', '2026-01-01');"
                         "INSERT INTO survey_responses (survey_id, customer_id, answered_at)"
                         " VALUES (1, %" G_GINT64_FORMAT ", '2026-04-02T10:00:00'),"
                         " (1, NULL, '2026-04-02T10:00:00');", member);
  fid_test_exec_raw (bank.path, sql);
  g_assert_cmpint (balance (&bank, member), ==, 20);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM points_ledger WHERE source_kind = 'survey_response'"
                                 " AND posted_on = '2026-04-02' AND expires_on = '2028-04-02'"), ==, 1);
  bank_clear (&bank);
}

static void
test_relationship_years (void)
{
  g_autoptr(GError) error = NULL;
  FidLoyaltyAccrual accrual;
  Bank bank;
  gint64 member;

  bank_init (&bank);
  member = fid_test_insert (bank.store, "Anne", "Roux", "Brest");
  /* Customer since 2020-03-15; joins on 2024-06-01: the anniversaries of
   * 2025-03-15 (year 5) and 2026-03-15 (year 6) earn, the earlier ones not. */
  open_holding (&bank, member, "2020-03-15");
  g_assert_true (fid_store_loyalty_enrol (bank.store, member, "2024-06-01", &error));
  g_assert_cmpint (balance (&bank, member), ==, 0);

  g_assert_true (fid_store_loyalty_accrue (bank.store, "2026-03-14", &accrual, &error));
  g_assert_no_error (error);
  g_assert_cmpint (accrual.relationship_lines, ==, 1);
  g_assert_cmpint (accrual.relationship_points, ==, 50);
  g_assert_cmpint (balance (&bank, member), ==, 50);
  g_assert_cmpint (count (&bank, "SELECT source_id FROM points_ledger WHERE posted_on = '2025-03-15'"), ==, 5);

  g_assert_true (fid_store_loyalty_accrue (bank.store, "2026-03-15", &accrual, &error));
  g_assert_cmpint (accrual.relationship_lines, ==, 1);
  g_assert_cmpint (balance (&bank, member), ==, 100);
  bank_clear (&bank);
}

static void
test_idempotent (void)
{
  g_autoptr(GError) error = NULL;
  FidLoyaltyAccrual accrual;
  sqlite3 *db = NULL;
  Bank bank;
  gint64 anne, member;

  bank_init (&bank);
  anne = referrer_with_500 (&bank);
  member = fid_test_insert (bank.store, "Paul", "Morel", "Brest");
  /* Points that never expire, so that the balance counts every year. */
  g_assert_true (fid_store_loyalty_set_validity_months (bank.store, 0, &error));
  open_holding (&bank, member, "2019-05-01");
  g_assert_true (fid_store_loyalty_enrol (bank.store, member, "2019-05-01", &error));

  /* The accrual twice on the same day posts once. */
  g_assert_true (fid_store_loyalty_accrue (bank.store, "2026-06-01", &accrual, &error));
  g_assert_cmpint (accrual.relationship_lines, ==, 7);
  g_assert_true (fid_store_loyalty_accrue (bank.store, "2026-06-01", &accrual, &error));
  g_assert_cmpint (accrual.relationship_lines, ==, 0);
  g_assert_cmpint (balance (&bank, member), ==, 350);

  /* The same source credited again by hand is refused by the schema. */
  g_assert_cmpint (sqlite3_open (bank.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO points_ledger (customer_id, points, reason, source_kind,"
                                     " source_id, posted_on) SELECT customer_id, points, reason, source_kind,"
                                     " source_id, posted_on FROM points_ledger WHERE source_kind = 'referral'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
  g_assert_cmpint (balance (&bank, anne), ==, 500);
  bank_clear (&bank);
}

static void
test_redeem_balance (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  Bank bank;
  gint64 anne, above, exact, one, id;

  bank_init (&bank);
  anne = referrer_with_500 (&bank);
  above = add_reward (&bank, 501);
  exact = add_reward (&bank, 500);
  one = add_reward (&bank, 1);

  /* One point above the balance: refused, with both figures, nothing written. */
  g_assert_cmpint (fid_store_loyalty_redeem (bank.store, anne, above, "2026-03-01", &error), ==, 0);
  g_assert_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_INSUFFICIENT_POINTS);
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_nonnull (strstr (error->message, "501"));
  g_clear_error (&error);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM redemptions"), ==, 0);
  g_assert_cmpint (balance (&bank, anne), ==, 500);

  /* Exactly the balance: accepted, down to zero. */
  id = fid_store_loyalty_redeem (bank.store, anne, exact, "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (balance (&bank, anne), ==, 0);
  lines = fid_store_loyalty_list_ledger (bank.store, anne, 1, &error);
  g_assert_cmpint (((FidLedgerLine *) lines->pdata[0])->points, ==, -500);
  g_assert_cmpstr (((FidLedgerLine *) lines->pdata[0])->source_kind, ==, "redemption");
  g_assert_cmpint (((FidLedgerLine *) lines->pdata[0])->source_id, ==, id);

  /* Then even one point is too much. */
  g_assert_cmpint (fid_store_loyalty_redeem (bank.store, anne, one, "2026-03-01", &error), ==, 0);
  g_assert_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_INSUFFICIENT_POINTS);
  g_clear_error (&error);

  /* A non-member and a withdrawn reward. */
  g_assert_cmpint (fid_store_loyalty_redeem (bank.store, anne, 9999, "2026-03-01", &error), ==, 0);
  g_assert_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_UNKNOWN_REWARD);
  g_clear_error (&error);
  {
    gint64 paul = fid_test_insert (bank.store, "Paul", "Morel", "Brest");

    g_assert_cmpint (fid_store_loyalty_redeem (bank.store, paul, one, NULL, &error), ==, 0);
    g_assert_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_NOT_A_MEMBER);
  }
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM redemptions"), ==, 1);
  bank_clear (&bank);
}

typedef struct
{
  char     *path;
  gint64    customer_id;
  gint64    reward_id;
  gint     *ready;
  gint64    result;
  GError   *error;
} Redeemer;

static gpointer
redeem_thread (gpointer data)
{
  Redeemer *r = data;
  g_autoptr(FidStore) store = fid_store_open (r->path, FID_STORE_OPEN_DEFAULT, &r->error);

  g_assert_no_error (r->error);
  /* Both connections are open before either redeems. */
  g_atomic_int_inc (r->ready);
  while (g_atomic_int_get (r->ready) < 2)
    g_thread_yield ();
  r->result = fid_store_loyalty_redeem (store, r->customer_id, r->reward_id, "2026-03-01", &r->error);
  return NULL;
}

static void
test_concurrent_redemptions (void)
{
  Bank bank;
  gint64 anne, reward;

  bank_init (&bank);
  anne = referrer_with_500 (&bank);
  reward = add_reward (&bank, 300);
  g_clear_object (&bank.store);

  /* 500 points, two redemptions of 300 at once from two connections:
   * exactly one goes through, whatever the timing. Several rounds. */
  for (int round = 0; round < 5; round++)
    {
      gint ready = 0;
      Redeemer a = { bank.path, anne, reward, &ready, 0, NULL };
      Redeemer b = { bank.path, anne, reward, &ready, 0, NULL };
      GThread *ta, *tb;
      GError *failure;

      if (round > 0)
        {
          /* Back to 500 points: a new referral converts, 200 more … */
          g_autoptr(FidStore) store = fid_store_open (bank.path, FID_STORE_OPEN_DEFAULT, NULL);
          g_autofree char *sql = NULL;
          gint64 x = fid_test_insert (store, "Prospect", "X", "Brest");
          gint64 bal = -1;

          g_assert_cmpint (fid_store_loyalty_record_referral (store, anne, x, "2026-01-10", NULL), >, 0);
          sql = g_strdup_printf ("INSERT INTO holdings (customer_id, product_id, opened_on)"
                                 " VALUES (%" G_GINT64_FORMAT ", 1, '2026-02-01')", x);
          fid_test_exec_raw (bank.path, sql);
          g_assert_true (fid_store_loyalty_get_balance (store, anne, &bal, NULL));
          g_assert_cmpint (bal, ==, 700);
          /* … and 200 spent, to stand at 500 again. */
          {
            gint64 two = fid_store_loyalty_add_reward (store, g_strdup_printf ("Two hundred %d", round), 200, NULL);

            g_assert_cmpint (fid_store_loyalty_redeem (store, anne, two, "2026-03-01", NULL), >, 0);
          }
        }
      ta = g_thread_new ("redeem-a", redeem_thread, &a);
      tb = g_thread_new ("redeem-b", redeem_thread, &b);
      g_thread_join (ta);
      g_thread_join (tb);
      g_assert_true ((a.result > 0) != (b.result > 0));
      failure = a.result > 0 ? b.error : a.error;
      g_assert_error (failure, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_INSUFFICIENT_POINTS);
      g_clear_error (&a.error);
      g_clear_error (&b.error);
      g_assert_cmpint (count (&bank, g_strdup_printf ("SELECT sum (points) FROM points_ledger WHERE customer_id = %"
                                                      G_GINT64_FORMAT, anne)), ==, 200);
    }
  bank_clear (&bank);
}

static void
test_expiry_boundary (void)
{
  g_autoptr(GError) error = NULL;
  FidLoyaltyAccrual accrual;
  Bank bank;
  gint64 member, thirty, seventy;

  bank_init (&bank);
  g_assert_true (fid_store_loyalty_set_validity_months (bank.store, 12, &error));
  /* Only the product's points, no anniversary on the boundary date. */
  g_assert_true (fid_store_loyalty_set_rule_points (bank.store, FID_LOYALTY_RULE_RELATIONSHIP_YEAR, 0, &error));
  member = fid_test_insert (bank.store, "Anne", "Roux", "Brest");
  g_assert_true (fid_store_loyalty_enrol (bank.store, member, "2025-01-01", &error));
  /* 100 points on 2025-03-10, valid until 2026-03-09 included. */
  open_holding (&bank, member, "2025-03-10");
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM points_ledger WHERE expires_on = '2026-03-10'"), ==, 1);
  thirty = add_reward (&bank, 30);
  seventy = add_reward (&bank, 70);
  g_assert_cmpint (fid_store_loyalty_redeem (bank.store, member, thirty, "2025-06-01", &error), >, 0);
  g_assert_cmpint (balance (&bank, member), ==, 70);

  /* The day before: nothing expires. */
  g_assert_true (fid_store_loyalty_accrue (bank.store, "2026-03-09", &accrual, &error));
  g_assert_cmpint (accrual.expiry_lines, ==, 0);
  g_assert_cmpint (balance (&bank, member), ==, 70);

  /* On the boundary date a redemption finds the 70 points gone. */
  g_assert_cmpint (fid_store_loyalty_redeem (bank.store, member, seventy, "2026-03-10", &error), ==, 0);
  g_assert_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_INSUFFICIENT_POINTS);
  g_clear_error (&error);
  g_assert_cmpint (balance (&bank, member), ==, 0);
  g_assert_cmpint (count (&bank, "SELECT points FROM points_ledger WHERE source_kind = 'expiry'"
                                 " AND posted_on = '2026-03-10'"), ==, -70);

  /* The accrual on that date then has nothing left to do. */
  g_assert_true (fid_store_loyalty_accrue (bank.store, "2026-03-10", &accrual, &error));
  g_assert_cmpint (accrual.expiry_lines, ==, 0);
  g_assert_cmpint (balance (&bank, member), ==, 0);
  bank_clear (&bank);
}

static void
test_expiry_by_accrual (void)
{
  g_autoptr(GError) error = NULL;
  FidLoyaltyAccrual accrual;
  Bank bank;
  gint64 member, reward;

  bank_init (&bank);
  g_assert_true (fid_store_loyalty_set_rule_points (bank.store, FID_LOYALTY_RULE_RELATIONSHIP_YEAR, 0, &error));
  member = fid_test_insert (bank.store, "Anne", "Roux", "Brest");
  g_assert_true (fid_store_loyalty_enrol (bank.store, member, "2024-01-01", &error));
  /* Two lots, 100 expiring 2026-01-05 and 100 expiring 2026-06-05; 150
   * spent in between takes the first lot whole and half the second. */
  open_holding (&bank, member, "2024-01-05");
  open_holding (&bank, member, "2024-06-05");
  reward = add_reward (&bank, 150);
  g_assert_cmpint (fid_store_loyalty_redeem (bank.store, member, reward, "2025-01-01", &error), >, 0);
  g_assert_true (fid_store_loyalty_accrue (bank.store, "2026-01-05", &accrual, &error));
  g_assert_cmpint (accrual.expiry_lines, ==, 0);
  g_assert_cmpint (balance (&bank, member), ==, 50);
  g_assert_true (fid_store_loyalty_accrue (bank.store, "2026-06-05", &accrual, &error));
  g_assert_cmpint (accrual.expiry_lines, ==, 1);
  g_assert_cmpint (accrual.expired_points, ==, 50);
  g_assert_cmpint (balance (&bank, member), ==, 0);
  bank_clear (&bank);
}

static void
test_append_only (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  Bank bank;
  gint64 anne;

  bank_init (&bank);
  anne = referrer_with_500 (&bank);
  g_assert_cmpint (sqlite3_open (bank.path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE points_ledger SET points = 5000", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM points_ledger", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  /* Any writer is held to the balance, not only the store. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO points_ledger (customer_id, points, reason, source_kind, source_id,"
                                     " posted_on) SELECT customer_id, -501, 'x', 'redemption', 77, '2026-03-01'"
                                     " FROM points_ledger", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
  g_assert_cmpint (balance (&bank, anne), ==, 500);

  /* Erasing the customer takes their lines with them. */
  g_assert_true (fid_store_delete_customer (bank.store, anne, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM points_ledger"), ==, 0);
  bank_clear (&bank);
}

static void
test_stats (void)
{
  g_autoptr(GError) error = NULL;
  FidLoyaltyStats stats;
  Bank bank;
  gint64 anne, paul, reward;

  bank_init (&bank);
  anne = referrer_with_500 (&bank);                       /* a member since 2026-01-10 */
  paul = fid_test_insert (bank.store, "Paul", "Morel", "Brest");
  g_assert_cmpint (fid_store_loyalty_record_referral (bank.store, anne, paul, "2026-02-10", &error), >, 0);
  reward = add_reward (&bank, 300);
  g_assert_cmpint (fid_store_loyalty_redeem (bank.store, anne, reward, "2026-03-01", &error), >, 0);

  g_assert_true (fid_store_loyalty_get_stats (bank.store, "2026-01-01", "2026-12-31", &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.members, ==, 1);
  g_assert_cmpint (stats.active_members, ==, 1);
  g_assert_cmpint (stats.points_issued, ==, 500);
  g_assert_cmpint (stats.points_redeemed, ==, 300);
  g_assert_cmpint (stats.outstanding_points, ==, 200);
  g_assert_cmpint (stats.liability_cents, ==, 200);
  g_assert_cmpint (stats.referrals, ==, 2);
  g_assert_cmpint (stats.referrals_converted, ==, 1);
  g_assert_cmpfloat_with_epsilon (stats.conversion_rate, 0.5, 1e-9);

  g_assert_false (fid_store_loyalty_get_stats (bank.store, "2026-12-31", "2026-01-01", &stats, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
  bank_clear (&bank);
}

/* Deleting a member and undoing it brings back their points, their
 * redemptions and both sides of their referrals exactly; putting their
 * holdings back credits nothing a second time. */
static void
test_trash_and_restore (void)
{
  g_autoptr(GError) error = NULL;
  Bank bank;
  gint64 anne, leo, exact, trash_id;
  gint64 lines_before;

  bank_init (&bank);
  anne = referrer_with_500 (&bank);
  leo = count (&bank, "SELECT referred_id FROM referrals");
  open_holding (&bank, anne, "2026-02-15");        /* a product opened: +points */
  exact = add_reward (&bank, 200);
  g_assert_cmpint (fid_store_loyalty_redeem (bank.store, anne, exact, "2026-03-01", &error), >, 0);
  g_assert_no_error (error);
  lines_before = count (&bank, "SELECT count(*) FROM points_ledger WHERE customer_id = (SELECT referrer_id FROM referrals)");
  g_assert_cmpint (lines_before, >=, 3);
  {
    gint64 before = balance (&bank, anne);

    trash_id = fid_store_trash_customer (bank.store, anne, &error);
    g_assert_no_error (error);
    g_assert_cmpint (trash_id, >, 0);
    g_assert_cmpint (count (&bank, "SELECT count(*) FROM referrals"), ==, 0);
    g_assert_cmpint (count (&bank, "SELECT count(*) FROM redemptions"), ==, 0);

    g_assert_true (fid_store_restore_customer (bank.store, trash_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (balance (&bank, anne), ==, before);
  }
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM points_ledger"), ==, lines_before);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM redemptions"), ==, 1);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM referrals WHERE converted_on IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM loyalty_members"), >=, 1);
  g_assert_cmpint (leo, >, 0);
  bank_clear (&bank);
}

/* The account manager's path through the app (issue 14's done-when): a
 * referral recorded, the referred prospect's opportunity taken to Won on
 * the Pipeline, which opens their account: the referrer's points arrive
 * at once, from the holding the store creates. */
static void
test_referral_through_pipeline (void)
{
  g_autoptr(GError) error = NULL;
  Bank bank;
  gint64 anne, leo, opportunity;

  bank_init (&bank);
  anne = fid_test_insert (bank.store, "Anne", "Roux", "Brest");
  leo = fid_test_insert (bank.store, "Léo", "Garnier", "Brest");
  g_assert_cmpint (fid_store_loyalty_record_referral (bank.store, anne, leo, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (balance (&bank, anne), ==, 0);

  opportunity = fid_store_add_opportunity (bank.store, leo, bank.product_id, "manual", 0, 0, 0.1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fid_store_move_opportunity (bank.store, opportunity, "won", &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (&bank, "SELECT count(*) FROM holdings"), ==, 1);
  g_assert_cmpint (count (&bank, "SELECT count(*) FROM referrals WHERE converted_on IS NOT NULL"), ==, 1);
  g_assert_cmpint (balance (&bank, anne), ==, 500);
  bank_clear (&bank);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loyalty/referral-conversion", test_referral_conversion);
  g_test_add_func ("/loyalty/referral-refused", test_referral_refused);
  g_test_add_func ("/loyalty/rule/product-opened", test_product_opened);
  g_test_add_func ("/loyalty/rule/survey-answered", test_survey_answered);
  g_test_add_func ("/loyalty/rule/relationship-years", test_relationship_years);
  g_test_add_func ("/loyalty/idempotent", test_idempotent);
  g_test_add_func ("/loyalty/redeem/balance", test_redeem_balance);
  g_test_add_func ("/loyalty/redeem/concurrent", test_concurrent_redemptions);
  g_test_add_func ("/loyalty/expiry/boundary", test_expiry_boundary);
  g_test_add_func ("/loyalty/expiry/fifo", test_expiry_by_accrual);
  g_test_add_func ("/loyalty/append-only", test_append_only);
  g_test_add_func ("/loyalty/stats", test_stats);
  g_test_add_func ("/loyalty/trash-and-restore", test_trash_and_restore);
  g_test_add_func ("/loyalty/referral-through-pipeline", test_referral_through_pipeline);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCustomerEditor: the form to create (Ctrl+N) or edit a customer. The
 * store validates; its refusal is shown under the row it is about and
 * nothing is saved. On create, likely duplicates (same e-mail, or same
 * name and birth date) are shown first, with an offer to open one or to
 * merge what was typed into it. Emits ::saved with the customer to show. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-customer-editor.h"
#include "fid-form.h"
#include "fid-format.h"
#include "fid-store-workspace.h"

struct _FidCustomerEditor
{
  AdwWindow            parent_instance;

  FidStore            *store;
  FidCustomer         *customer;     /* NULL when creating */
  gint64               advisor_id;
  GArray              *advisor_ids;  /* per advisor_row item, 0 first */
  GArray              *branch_ids;   /* per branch_row item, 0 first */
  GListStore          *duplicates;
  gboolean             duplicates_checked;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *error_label;
  AdwPreferencesGroup *duplicates_group;
  AdwComboRow         *kind_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *first_name_row;
  AdwEntryRow         *last_name_row;
  AdwEntryRow         *birth_date_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *postcode_row;
  AdwEntryRow         *city_row;
  AdwComboRow         *channel_row;
  AdwComboRow         *advisor_row;
  AdwComboRow         *branch_row;
  AdwComboRow         *lifecycle_row;
  AdwEntryRow         *income_row;
  GtkSwitch           *reference_switch;
  GtkSwitch           *fast_growing_switch;
  GtkSwitch           *other_division_switch;
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FidCustomerEditor, fid_customer_editor, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* In the order of the combo rows' items. */
static const char * const kinds[] = { "person", "company" };
static const char * const channels[] = { NULL, "phone", "email", "sms", "branch", "mail", "web" };
static const char * const stages[] = {
  "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated", "unknown",
};

static GtkWidget *
get_rows (FidCustomerEditor *self,
          guint              i)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->first_name_row), GTK_WIDGET (self->last_name_row),
    GTK_WIDGET (self->birth_date_row), GTK_WIDGET (self->email_row), GTK_WIDGET (self->phone_row),
    GTK_WIDGET (self->address_row), GTK_WIDGET (self->postcode_row), GTK_WIDGET (self->city_row),
    GTK_WIDGET (self->advisor_row), GTK_WIDGET (self->branch_row), GTK_WIDGET (self->lifecycle_row),
    GTK_WIDGET (self->income_row), NULL,
  };

  return i < G_N_ELEMENTS (rows) ? rows[i] : NULL;
}

static void
clear_errors (FidCustomerEditor *self)
{
  GtkWidget *row;

  fid_form_set_label_error (self->error_label, NULL, NULL);
  for (guint i = 0; (row = get_rows (self, i)) != NULL; i++)
    fid_form_set_row_error (row, NULL);
}

/* The row a validation error is about; NULL: the message goes on top. */
static GtkWidget *
row_for_error (FidCustomerEditor *self,
               const GError      *error)
{
  if (error->domain != FID_VALIDATION_ERROR)
    return NULL;

  switch ((FidValidationError) error->code)
    {
    case FID_VALIDATION_ERROR_EMPTY_NAME:
      return GTK_WIDGET (self->last_name_row);
    case FID_VALIDATION_ERROR_INVALID_EMAIL:
      return GTK_WIDGET (self->email_row);
    case FID_VALIDATION_ERROR_INVALID_PHONE:
      return GTK_WIDGET (self->phone_row);
    case FID_VALIDATION_ERROR_INVALID_DATE:
    case FID_VALIDATION_ERROR_FUTURE_BIRTH_DATE:
      return GTK_WIDGET (self->birth_date_row);
    case FID_VALIDATION_ERROR_NEGATIVE_AMOUNT:
      return GTK_WIDGET (self->income_row);
    case FID_VALIDATION_ERROR_UNKNOWN_ADVISOR:
      return GTK_WIDGET (self->advisor_row);
    case FID_VALIDATION_ERROR_UNKNOWN_BRANCH:
      return GTK_WIDGET (self->branch_row);
    case FID_VALIDATION_ERROR_UNKNOWN_HOUSEHOLD:
    case FID_VALIDATION_ERROR_INVALID_VALUE:
    default:
      return NULL;
    }
}

static void
show_error (FidCustomerEditor *self,
            const GError      *error)
{
  GtkWidget *row = row_for_error (self, error);

  if (row != NULL)
    {
      fid_form_set_row_error (row, error->message);
      gtk_widget_grab_focus (row);
    }
  else
    {
      fid_form_set_label_error (self->error_label, NULL, error->message);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
}

static guint
index_of (const char * const *codes,
          guint               n_codes,
          const char         *code,
          guint               fallback)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;

  return fallback;
}

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return 0;
}

/* "45 000", "45000,50", "45,000.50" → cents. */
static gboolean
parse_money (const char *text,
             gint64     *cents)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;
  gboolean negative = FALSE;
  guint decimals = 0;
  gboolean in_decimals = FALSE;
  guint64 value;

  if (*p == '-' || g_str_has_prefix (p, "\u2212"))
    {
      negative = TRUE;
      p = g_utf8_next_char (p);
    }

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *rest = g_utf8_next_char (p);
      gsize n_after = 0;

      if (g_unichar_isdigit (c) && c < 128)
        {
          if (in_decimals && ++decimals > 2)
            return FALSE;
          g_string_append_c (digits, (char) c);
          continue;
        }
      if (g_unichar_isspace (c) || c == 0x202f || c == 0x00a0 || c == 0x20ac)
        continue;
      if ((c == ',' || c == '.') && !in_decimals)
        {
          /* A separator followed by exactly one or two digits is the
           * decimal point; otherwise it groups thousands. */
          while (g_ascii_isdigit (rest[n_after]))
            n_after++;
          if ((n_after == 1 || n_after == 2) && rest[n_after] == '\0')
            in_decimals = TRUE;
          continue;
        }
      return FALSE;
    }

  if (digits->len == 0 || digits->len > 15)
    return FALSE;

  for (; decimals < 2; decimals++)
    g_string_append_c (digits, '0');

  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;

  *cents = negative ? -(gint64) value : (gint64) value;

  return TRUE;
}

/* Reads the form into @customer; FALSE when a field cannot even be read
 * (a date or an amount that does not parse), with its message shown. */
static gboolean
read_form (FidCustomerEditor *self,
           FidCustomer       *customer)
{
  g_autofree char *birth_text = fid_form_dup_text (GTK_EDITABLE (self->birth_date_row));
  g_autofree char *income_text = fid_form_dup_text (GTK_EDITABLE (self->income_row));
  g_autofree char *birth = NULL;
  guint advisor = adw_combo_row_get_selected (self->advisor_row);
  guint branch = adw_combo_row_get_selected (self->branch_row);
  gint64 income = -1;
  gboolean valid = TRUE;

#define SET_TEXT(setter, row) \
  G_STMT_START { \
    g_autofree char *text_ = fid_form_dup_text (GTK_EDITABLE (row)); \
    setter (customer, text_); \
  } G_STMT_END

  SET_TEXT (fid_customer_set_title, self->title_row);
  SET_TEXT (fid_customer_set_first_name, self->first_name_row);
  SET_TEXT (fid_customer_set_last_name, self->last_name_row);
  SET_TEXT (fid_customer_set_email, self->email_row);
  SET_TEXT (fid_customer_set_phone, self->phone_row);
  SET_TEXT (fid_customer_set_address, self->address_row);
  SET_TEXT (fid_customer_set_postcode, self->postcode_row);
  SET_TEXT (fid_customer_set_city, self->city_row);

#undef SET_TEXT

  fid_customer_set_kind (customer, kinds[MIN (adw_combo_row_get_selected (self->kind_row), 1)]);
  fid_customer_set_preferred_channel (customer,
                                      channels[MIN (adw_combo_row_get_selected (self->channel_row),
                                                    G_N_ELEMENTS (channels) - 1)]);
  fid_customer_set_lifecycle_stage (customer,
                                    stages[MIN (adw_combo_row_get_selected (self->lifecycle_row),
                                                G_N_ELEMENTS (stages) - 1)]);
  fid_customer_set_advisor_id (customer, advisor < self->advisor_ids->len
                                         ? g_array_index (self->advisor_ids, gint64, advisor) : 0);
  fid_customer_set_branch_id (customer, branch < self->branch_ids->len
                                        ? g_array_index (self->branch_ids, gint64, branch) : 0);

  if (birth_text != NULL)
    {
      GDate date;

      /* An unreadable date goes to the store as typed: it says why. */
      birth = fid_format_parse_date (birth_text, &date) ? fid_format_date_to_iso (&date) : g_strdup (birth_text);
    }
  fid_customer_set_birth_date (customer, birth);

  if (income_text != NULL && !parse_money (income_text, &income))
    {
      fid_form_set_row_error (GTK_WIDGET (self->income_row),
                              _("Type the amount in euros, e.g. 42 000 or 42000,50."));
      valid = FALSE;
    }
  fid_customer_set_annual_income_cents (customer, income);
  fid_customer_set_is_reference (customer, gtk_switch_get_active (self->reference_switch));
  fid_customer_set_is_fast_growing (customer, gtk_switch_get_active (self->fast_growing_switch));
  fid_customer_set_other_division (customer, gtk_switch_get_active (self->other_division_switch));

  return valid;
}

static void
fill_form (FidCustomerEditor *self)
{
  FidCustomer *c = self->customer;
  g_autofree char *income = NULL;

  adw_combo_row_set_selected (self->kind_row, index_of (kinds, G_N_ELEMENTS (kinds), fid_customer_get_kind (c), 0));
  fid_form_set_text (GTK_EDITABLE (self->title_row), fid_customer_get_title (c));
  fid_form_set_text (GTK_EDITABLE (self->first_name_row), fid_customer_get_first_name (c));
  fid_form_set_text (GTK_EDITABLE (self->last_name_row), fid_customer_get_last_name (c));
  fid_form_set_text (GTK_EDITABLE (self->birth_date_row), fid_customer_get_birth_date (c));
  fid_form_set_text (GTK_EDITABLE (self->email_row), fid_customer_get_email (c));
  fid_form_set_text (GTK_EDITABLE (self->phone_row), fid_customer_get_phone (c));
  fid_form_set_text (GTK_EDITABLE (self->address_row), fid_customer_get_address (c));
  fid_form_set_text (GTK_EDITABLE (self->postcode_row), fid_customer_get_postcode (c));
  fid_form_set_text (GTK_EDITABLE (self->city_row), fid_customer_get_city (c));
  adw_combo_row_set_selected (self->channel_row,
                              index_of (channels, G_N_ELEMENTS (channels), fid_customer_get_preferred_channel (c), 0));
  adw_combo_row_set_selected (self->lifecycle_row,
                              index_of (stages, G_N_ELEMENTS (stages), fid_customer_get_lifecycle_stage (c), 0));
  adw_combo_row_set_selected (self->advisor_row, index_of_id (self->advisor_ids, fid_customer_get_advisor_id (c)));
  adw_combo_row_set_selected (self->branch_row, index_of_id (self->branch_ids, fid_customer_get_branch_id (c)));

  if (fid_customer_get_annual_income_cents (c) > 0 && fid_customer_get_annual_income_cents (c) % 100 != 0)
    income = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fid_customer_get_annual_income_cents (c) / 100,
                              (int) (fid_customer_get_annual_income_cents (c) % 100));
  else if (fid_customer_get_annual_income_cents (c) >= 0)
    income = g_strdup_printf ("%" G_GINT64_FORMAT, fid_customer_get_annual_income_cents (c) / 100);
  fid_form_set_text (GTK_EDITABLE (self->income_row), income);
  gtk_switch_set_active (self->reference_switch, fid_customer_get_is_reference (c));
  gtk_switch_set_active (self->fast_growing_switch, fid_customer_get_is_fast_growing (c));
  gtk_switch_set_active (self->other_division_switch, fid_customer_get_other_division (c));
}

static void
fill_choices (FidCustomerEditor *self)
{
  g_autoptr(GtkStringList) advisors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) branches = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) lifecycle = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) advisor_list = fid_store_list_advisors (self->store, 0, NULL);
  g_autoptr(GPtrArray) branch_list = fid_store_list_branches (self->store, NULL);
  gint64 none = 0;

  gtk_string_list_append (advisors, _("None"));
  g_array_append_val (self->advisor_ids, none);
  for (guint i = 0; advisor_list != NULL && i < advisor_list->len; i++)
    {
      FidAdvisor *advisor = g_ptr_array_index (advisor_list, i);
      g_autofree char *name = fid_advisor_dup_display_name (advisor);
      gint64 id = fid_advisor_get_id (advisor);

      gtk_string_list_append (advisors, name);
      g_array_append_val (self->advisor_ids, id);
    }

  gtk_string_list_append (branches, _("None"));
  g_array_append_val (self->branch_ids, none);
  for (guint i = 0; branch_list != NULL && i < branch_list->len; i++)
    {
      FidBranch *branch = g_ptr_array_index (branch_list, i);
      gint64 id = fid_branch_get_id (branch);

      gtk_string_list_append (branches, fid_branch_get_name (branch));
      g_array_append_val (self->branch_ids, id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    gtk_string_list_append (lifecycle, fid_format_lifecycle_stage (stages[i]));

  adw_combo_row_set_model (self->advisor_row, G_LIST_MODEL (advisors));
  adw_combo_row_set_model (self->branch_row, G_LIST_MODEL (branches));
  adw_combo_row_set_model (self->lifecycle_row, G_LIST_MODEL (lifecycle));
}

static GtkWidget *
create_duplicate_row_cb (gpointer item,
                         gpointer user_data)
{
  FidCustomer *duplicate = item;
  g_autofree char *name = fid_customer_dup_display_name (duplicate);
  g_autofree char *birth = fid_format_date (fid_customer_get_birth_date (duplicate));
  g_autoptr(GString) subtitle = g_string_new (fid_customer_get_email (duplicate));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open_button = gtk_button_new_with_mnemonic (_("_Open"));
  GtkWidget *merge_button = gtk_button_new_with_mnemonic (_("_Merge"));
  gint64 id = fid_customer_get_id (duplicate);

  if (fid_customer_get_birth_date (duplicate) != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", birth);
  if (fid_customer_get_city (duplicate) != NULL && fid_customer_get_city (duplicate)[0] != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", fid_customer_get_city (duplicate));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  gtk_widget_set_valign (open_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open_button), "editor.open-duplicate");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open_button), "x", id);
  gtk_widget_set_tooltip_text (open_button, _("Open this customer and forget what was typed"));

  gtk_widget_set_valign (merge_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (merge_button), "editor.merge-duplicate");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (merge_button), "x", id);
  gtk_widget_set_tooltip_text (merge_button, _("Keep this customer and fill its empty fields with what was typed"));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), merge_button);

  return row;
}

static void
saved (FidCustomerEditor *self,
       gint64             customer_id)
{
  g_signal_emit (self, signals[SAVED], 0, customer_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FidCustomerEditor *self = FID_CUSTOMER_EDITOR (widget);
  g_autoptr(FidCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);

  /* Edit a copy: nothing changes in the shown customer until saved. */
  if (self->customer != NULL)
    customer = fid_store_get_customer (self->store, fid_customer_get_id (self->customer), &error);
  else
    customer = fid_customer_new ();

  if (customer == NULL)
    {
      show_error (self, error);
      return;
    }
  if (self->customer != NULL)
    fid_customer_set_version (customer, fid_customer_get_version (self->customer));

  if (!read_form (self, customer))
    return;

  if (!fid_store_validate_customer (self->store, customer, &error))
    {
      show_error (self, error);
      return;
    }

  if (self->customer == NULL && !self->duplicates_checked)
    {
      g_autoptr(GPtrArray) found = fid_store_find_duplicates (self->store, customer, NULL);

      self->duplicates_checked = TRUE;
      if (found != NULL && found->len > 0)
        {
          g_list_store_splice (self->duplicates, 0, g_list_model_get_n_items (G_LIST_MODEL (self->duplicates)),
                               found->pdata, found->len);
          gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), TRUE);
          gtk_button_set_label (self->save_button, _("Create _Anyway"));
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
          return;
        }
    }

  if (self->customer == NULL ? !fid_store_insert_customer (self->store, customer, &error)
                             : !fid_store_update_customer (self->store, customer, &error))
    {
      show_error (self, error);
      return;
    }

  saved (self, fid_customer_get_id (customer));
}

static void
open_duplicate_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  saved (FID_CUSTOMER_EDITOR (widget), g_variant_get_int64 (parameter));
}

/* Creates the customer typed, then merges it into the duplicate: the
 * duplicate is kept, its empty fields filled from the form. */
static void
merge_duplicate_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FidCustomerEditor *self = FID_CUSTOMER_EDITOR (widget);
  g_autoptr(FidCustomer) customer = fid_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 keep_id = g_variant_get_int64 (parameter);

  clear_errors (self);

  if (!read_form (self, customer))
    return;

  if (!fid_store_insert_customer (self->store, customer, &error))
    {
      show_error (self, error);
      return;
    }

  if (!fid_store_merge_customers (self->store, keep_id, fid_customer_get_id (customer), &error))
    {
      g_autoptr(GError) cleanup_error = NULL;

      /* Leave no half-made customer behind. */
      if (!fid_store_delete_customer (self->store, fid_customer_get_id (customer), &cleanup_error))
        g_warning ("Cannot remove the customer made for the merge: %s", cleanup_error->message);
      show_error (self, error);
      return;
    }

  saved (self, keep_id);
}

static void
fid_customer_editor_dispose (GObject *object)
{
  FidCustomerEditor *self = FID_CUSTOMER_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->customer);
  g_clear_object (&self->duplicates);

  G_OBJECT_CLASS (fid_customer_editor_parent_class)->dispose (object);
}

static void
fid_customer_editor_finalize (GObject *object)
{
  FidCustomerEditor *self = FID_CUSTOMER_EDITOR (object);

  g_clear_pointer (&self->advisor_ids, g_array_unref);
  g_clear_pointer (&self->branch_ids, g_array_unref);

  G_OBJECT_CLASS (fid_customer_editor_parent_class)->finalize (object);
}

static void
fid_customer_editor_class_init (FidCustomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_customer_editor_dispose;
  object_class->finalize = fid_customer_editor_finalize;

  /**
   * FidCustomerEditor::saved:
   * @customer_id: the customer to show: the one created or edited, or the
   *   duplicate opened or merged into
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-customer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, advisor_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, branch_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, lifecycle_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, income_row);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, reference_switch);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, fast_growing_switch);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerEditor, other_division_switch);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.open-duplicate", "x", open_duplicate_action);
  gtk_widget_class_install_action (widget_class, "editor.merge-duplicate", "x", merge_duplicate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
fid_customer_editor_init (FidCustomerEditor *self)
{
  GtkWidget *list;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->advisor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->duplicates = g_list_store_new (FID_TYPE_CUSTOMER);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (self->duplicates),
                           create_duplicate_row_cb, self, NULL);
  adw_preferences_group_add (self->duplicates_group, list);

  fid_form_add_calendar_button (self->birth_date_row);
  fid_form_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

FidCustomerEditor *
fid_customer_editor_new (GtkWindow   *parent,
                         FidStore    *store,
                         FidCustomer *customer,
                         gint64       advisor_id)
{
  FidCustomerEditor *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (!customer || FID_IS_CUSTOMER (customer), NULL);

  self = g_object_new (FID_TYPE_CUSTOMER_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->customer = customer ? g_object_ref (customer) : NULL;
  self->advisor_id = advisor_id;

  fill_choices (self);

  if (customer != NULL)
    {
      g_autofree char *name = fid_customer_dup_display_name (customer);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Customer"));
      adw_window_title_set_title (self->window_title, _("Edit Customer"));
      adw_window_title_set_subtitle (self->window_title, name);
      gtk_button_set_label (self->save_button, _("_Save"));
      fill_form (self);
    }
  else
    {
      g_autoptr(FidAdvisor) advisor = NULL;

      /* A new customer is the signed-in advisor's, in their branch. */
      adw_combo_row_set_selected (self->advisor_row, index_of_id (self->advisor_ids, advisor_id));
      if (advisor_id != 0)
        advisor = fid_store_get_advisor (store, advisor_id, NULL);
      if (advisor != NULL)
        adw_combo_row_set_selected (self->branch_row,
                                    index_of_id (self->branch_ids, fid_advisor_get_branch_id (advisor)));
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->first_name_row));

  return self;
}

GtkWidget *
fid_customer_editor_get_field (FidCustomerEditor *self,
                               const char        *name)
{
  static const struct {
    const char *name;
    gsize       offset;
  } fields[] = {
    { "kind", G_STRUCT_OFFSET (FidCustomerEditor, kind_row) },
    { "title", G_STRUCT_OFFSET (FidCustomerEditor, title_row) },
    { "first-name", G_STRUCT_OFFSET (FidCustomerEditor, first_name_row) },
    { "last-name", G_STRUCT_OFFSET (FidCustomerEditor, last_name_row) },
    { "birth-date", G_STRUCT_OFFSET (FidCustomerEditor, birth_date_row) },
    { "email", G_STRUCT_OFFSET (FidCustomerEditor, email_row) },
    { "phone", G_STRUCT_OFFSET (FidCustomerEditor, phone_row) },
    { "address", G_STRUCT_OFFSET (FidCustomerEditor, address_row) },
    { "postcode", G_STRUCT_OFFSET (FidCustomerEditor, postcode_row) },
    { "city", G_STRUCT_OFFSET (FidCustomerEditor, city_row) },
    { "channel", G_STRUCT_OFFSET (FidCustomerEditor, channel_row) },
    { "advisor", G_STRUCT_OFFSET (FidCustomerEditor, advisor_row) },
    { "branch", G_STRUCT_OFFSET (FidCustomerEditor, branch_row) },
    { "lifecycle", G_STRUCT_OFFSET (FidCustomerEditor, lifecycle_row) },
    { "income", G_STRUCT_OFFSET (FidCustomerEditor, income_row) },
    { "reference", G_STRUCT_OFFSET (FidCustomerEditor, reference_switch) },
    { "fast-growing", G_STRUCT_OFFSET (FidCustomerEditor, fast_growing_switch) },
    { "other-division", G_STRUCT_OFFSET (FidCustomerEditor, other_division_switch) },
  };

  g_return_val_if_fail (FID_IS_CUSTOMER_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (name, fields[i].name) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);

  return NULL;
}

GListModel *
fid_customer_editor_get_duplicates (FidCustomerEditor *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER_EDITOR (self), NULL);

  return G_LIST_MODEL (self->duplicates);
}

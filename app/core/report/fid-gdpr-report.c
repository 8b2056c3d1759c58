/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidGdprReport: the right-of-access PDF. A small flowing layout: headings,
 * paragraphs, label/value lists and tables whose rows wrap their text and
 * break across pages (the header row is repeated on each page). */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "fid-gdpr-report.h"
#include "fid-store-audit.h"
#include "fid-store-gdpr.h"
#include "fid-text.h"

/* A4 in points. */
#define PAGE_WIDTH   595.0
#define PAGE_HEIGHT  842.0
#define MARGIN        48.0
#define FOOTER_SPACE  28.0
#define BODY_SIZE      8.5
#define FONT_FAMILY  "Sans"

typedef enum
{
  KIND_TEXT,
  KIND_CODE,       /* a stored code: current_account reads "current account" */
  KIND_DATE,       /* YYYY-MM-DD of a date or a moment */
  KIND_MOMENT,     /* YYYY-MM-DD HH:MM */
  KIND_MONEY,      /* cents, shown as euros */
  KIND_BOOL,
  KIND_PERCENT,    /* 0..1 */
  KIND_JSON,       /* any value, compact */
  KIND_ANSWERS,    /* a survey response's answers */
} Kind;

typedef struct
{
  const char *title;
  const char *key;
  double      weight;
  Kind        kind;
} Column;

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    page;
  char    *footer;
} Doc;

static const double text_rgb[] = { 0.13, 0.13, 0.15 };
static const double dim_rgb[] = { 0.42, 0.42, 0.45 };
static const double rule_rgb[] = { 0.80, 0.80, 0.83 };
static const double header_rgb[] = { 0.93, 0.93, 0.95 };
static const double accent_rgb[] = { 0.11, 0.35, 0.62 };

/* Text ---------------------------------------------------------------------- */

static PangoLayout *
layout_new (Doc        *doc,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (doc->cr);
  PangoFontDescription *font = pango_font_description_new ();

  /* 72 dpi: a size in points is that size on paper. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
show_layout (Doc          *doc,
             PangoLayout  *layout,
             double        x,
             double        y,
             const double *rgb)
{
  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, rgb[0], rgb[1], rgb[2]);
  cairo_move_to (doc->cr, x, y);
  pango_cairo_show_layout (doc->cr, layout);
  cairo_restore (doc->cr);
}

/* Pages --------------------------------------------------------------------- */

static double
content_width (void)
{
  return PAGE_WIDTH - 2 * MARGIN;
}

static void
finish_page (Doc *doc)
{
  g_autofree char *text = g_strdup_printf (_("%s — page %u"), doc->footer, doc->page);
  g_autoptr(PangoLayout) layout = layout_new (doc, text, 7.5, FALSE, content_width ());

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  show_layout (doc, layout, MARGIN, PAGE_HEIGHT - MARGIN + 6, dim_rgb);
  cairo_show_page (doc->cr);
}

static void
new_page (Doc *doc)
{
  if (doc->page > 0)
    finish_page (doc);
  doc->page++;
  doc->y = MARGIN;
}

/* Starts a new page unless @height fits below the current position. */
static gboolean
ensure_space (Doc    *doc,
              double  height)
{
  if (doc->y + height <= PAGE_HEIGHT - MARGIN - FOOTER_SPACE)
    return FALSE;
  new_page (doc);
  return TRUE;
}

static void
draw_paragraph (Doc          *doc,
                const char   *text,
                double        size,
                gboolean      bold,
                const double *rgb,
                double        space_after)
{
  g_autoptr(PangoLayout) layout = layout_new (doc, text, size, bold, content_width ());
  double h = layout_height (layout);

  ensure_space (doc, h);
  show_layout (doc, layout, MARGIN, doc->y, rgb);
  doc->y += h + space_after;
}

static void
draw_heading (Doc        *doc,
              const char *text)
{
  g_autoptr(PangoLayout) layout = layout_new (doc, text, 12.5, TRUE, content_width ());
  double h = layout_height (layout);

  /* A heading never ends a page: it keeps room for a few lines under it. */
  doc->y += 10;
  ensure_space (doc, h + 48);
  show_layout (doc, layout, MARGIN, doc->y, accent_rgb);
  doc->y += h + 3;
  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, accent_rgb[0], accent_rgb[1], accent_rgb[2]);
  cairo_set_line_width (doc->cr, 0.8);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN, doc->y);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
  doc->y += 7;
}

static void
draw_none (Doc *doc)
{
  draw_paragraph (doc, _("None."), BODY_SIZE, FALSE, dim_rgb, 4);
}

/* Values -------------------------------------------------------------------- */

/* "12 345.67 €": digits grouped by thousands with a narrow no-break space. */
static char *
format_euros (gint64 cents)
{
  g_autofree char *decimal = fid_text_cents_to_decimal (cents);
  const char *digits = decimal[0] == '-' ? decimal + 1 : decimal;
  const char *dot = strchr (digits, '.');
  gsize n_int = dot ? (gsize) (dot - digits) : strlen (digits);
  g_autoptr(GString) out = g_string_new (decimal[0] == '-' ? "−" : "");

  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append (out, "\xe2\x80\xaf");
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, "%s\xc2\xa0€", dot ? dot : "");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_value (JsonObject *row,
              const char *key,
              Kind        kind)
{
  JsonNode *node = json_object_get_member (row, key);
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (kind == KIND_ANSWERS ? "" : "—");

  switch (kind)
    {
    case KIND_MONEY:
      return format_euros (json_node_get_int (node));
    case KIND_CODE:
      text = json_node_get_string (node);
      return text ? g_strdelimit (g_strdup (text), "_", ' ') : g_strdup ("—");
    case KIND_BOOL:
      return g_strdup (json_node_get_int (node) ? _("Yes") : _("No"));
    case KIND_PERCENT:
      return g_strdup_printf ("%.0f %%", json_node_get_double (node) * 100);
    case KIND_DATE:
      text = json_node_get_string (node);
      return text ? g_strndup (text, 10) : g_strdup ("—");
    case KIND_MOMENT:
      {
        char *moment;

        text = json_node_get_string (node);
        if (text == NULL)
          return g_strdup ("—");
        moment = g_strndup (text, 16);
        if (strlen (moment) > 10 && moment[10] == 'T')
          moment[10] = ' ';
        return moment;
      }
    case KIND_JSON:
      return json_to_string (node, FALSE);
    case KIND_ANSWERS:
      {
        JsonArray *answers = json_node_get_array (node);
        g_autoptr(GString) out = g_string_new (NULL);

        for (guint i = 0; answers != NULL && i < json_array_get_length (answers); i++)
          {
            JsonObject *answer = json_array_get_object_element (answers, i);

            g_string_append_printf (out, "%s%s (%s): %" G_GINT64_FORMAT,
                                    out->len ? "\n" : "",
                                    json_object_get_string_member_with_default (answer, "item", ""),
                                    json_object_get_string_member_with_default (answer, "part", ""),
                                    json_object_get_int_member_with_default (answer, "value", 0));
          }
        return g_string_free (g_steal_pointer (&out), FALSE);
      }
    case KIND_TEXT:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          text = json_node_get_string (node);
          return g_strdup (text != NULL && text[0] != '\0' ? text : "—");
        }
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return json_to_string (node, FALSE);
    }
}

/* Label/value lists ------------------------------------------------------------ */

static void
draw_fields (Doc          *doc,
             JsonObject   *object,
             const Column *fields,
             guint         n_fields)
{
  double label_width = content_width () * 0.3;
  double value_width = content_width () - label_width - 8;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = format_value (object, fields[i].key, fields[i].kind);
      g_autoptr(PangoLayout) label = layout_new (doc, _(fields[i].title), BODY_SIZE + 0.5, FALSE, label_width);
      g_autoptr(PangoLayout) text = layout_new (doc, value, BODY_SIZE + 0.5, FALSE, value_width);
      double h = MAX (layout_height (label), layout_height (text));

      ensure_space (doc, h);
      show_layout (doc, label, MARGIN, doc->y, dim_rgb);
      show_layout (doc, text, MARGIN + label_width + 8, doc->y, text_rgb);
      doc->y += h + 2.5;
    }
}

/* Tables ---------------------------------------------------------------------- */

static void
column_geometry (const Column *columns,
                 guint         n_columns,
                 double       *x,
                 double       *w)
{
  double total = 0, left = MARGIN;

  for (guint c = 0; c < n_columns; c++)
    total += columns[c].weight;
  for (guint c = 0; c < n_columns; c++)
    {
      x[c] = left;
      w[c] = content_width () * columns[c].weight / total;
      left += w[c];
    }
}

static gboolean
is_numeric (const Column *column)
{
  return column->kind == KIND_MONEY || column->kind == KIND_PERCENT;
}

static void
draw_table_header (Doc          *doc,
                   const Column *columns,
                   guint         n_columns,
                   const double *x,
                   const double *w)
{
  PangoLayout *layouts[16];
  double h = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      layouts[c] = layout_new (doc, _(columns[c].title), BODY_SIZE, TRUE, w[c] - 12);
      /* A heading breaks between words only. */
      pango_layout_set_wrap (layouts[c], PANGO_WRAP_WORD);
      if (is_numeric (&columns[c]))
        pango_layout_set_alignment (layouts[c], PANGO_ALIGN_RIGHT);
      h = MAX (h, layout_height (layouts[c]));
    }
  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, header_rgb[0], header_rgb[1], header_rgb[2]);
  cairo_rectangle (doc->cr, MARGIN, doc->y, content_width (), h + 5);
  cairo_fill (doc->cr);
  cairo_restore (doc->cr);
  for (guint c = 0; c < n_columns; c++)
    {
      show_layout (doc, layouts[c], x[c] + 4, doc->y + 2.5, text_rgb);
      g_object_unref (layouts[c]);
    }
  doc->y += h + 5;
}

static void
draw_table (Doc          *doc,
            JsonArray    *rows,
            const Column *columns,
            guint         n_columns)
{
  double x[16], w[16];
  guint n_rows = rows ? json_array_get_length (rows) : 0;

  g_assert (n_columns <= G_N_ELEMENTS (x));

  if (n_rows == 0)
    {
      draw_none (doc);
      return;
    }

  column_geometry (columns, n_columns, x, w);
  ensure_space (doc, 30);
  draw_table_header (doc, columns, n_columns, x, w);

  for (guint r = 0; r < n_rows; r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      PangoLayout *layouts[16];
      double h = 0;

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *value = format_value (row, columns[c].key, columns[c].kind);

          layouts[c] = layout_new (doc, value, BODY_SIZE, FALSE, w[c] - 12);
          if (is_numeric (&columns[c]))
            pango_layout_set_alignment (layouts[c], PANGO_ALIGN_RIGHT);
          h = MAX (h, layout_height (layouts[c]));
        }
      if (ensure_space (doc, h + 4))
        draw_table_header (doc, columns, n_columns, x, w);
      for (guint c = 0; c < n_columns; c++)
        {
          show_layout (doc, layouts[c], x[c] + 4, doc->y + 2, text_rgb);
          g_object_unref (layouts[c]);
        }
      doc->y += h + 4;
      cairo_save (doc->cr);
      cairo_set_source_rgb (doc->cr, rule_rgb[0], rule_rgb[1], rule_rgb[2]);
      cairo_set_line_width (doc->cr, 0.4);
      cairo_move_to (doc->cr, MARGIN, doc->y);
      cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN, doc->y);
      cairo_stroke (doc->cr);
      cairo_restore (doc->cr);
    }
  doc->y += 4;
}

/* The document ---------------------------------------------------------------- */

static const Column identity_fields[] = {
  { N_("Customer number"), "id", 1, KIND_TEXT },
  { N_("Kind"), "kind", 1, KIND_TEXT },
  { N_("Title"), "title", 1, KIND_TEXT },
  { N_("First name"), "first_name", 1, KIND_TEXT },
  { N_("Last name"), "last_name", 1, KIND_TEXT },
  { N_("Birth date"), "birth_date", 1, KIND_DATE },
  { N_("E-mail"), "email", 1, KIND_TEXT },
  { N_("Phone"), "phone", 1, KIND_TEXT },
  { N_("Address"), "address", 1, KIND_TEXT },
  { N_("Postcode"), "postcode", 1, KIND_TEXT },
  { N_("City"), "city", 1, KIND_TEXT },
  { N_("Preferred channel"), "preferred_channel", 1, KIND_TEXT },
  { N_("Annual income"), "annual_income_cents", 1, KIND_MONEY },
};

static const Column relationship_fields[] = {
  { N_("Advisor"), "advisor", 1, KIND_TEXT },
  { N_("Branch"), "branch", 1, KIND_TEXT },
  { N_("Lifecycle stage"), "lifecycle_stage", 1, KIND_TEXT },
  { N_("Segment"), "segment", 1, KIND_TEXT },
  { N_("Reference customer"), "is_reference", 1, KIND_BOOL },
  { N_("Fast-growing"), "is_fast_growing", 1, KIND_BOOL },
  { N_("Client of another division"), "other_division", 1, KIND_BOOL },
  { N_("Customer since"), "created_at", 1, KIND_DATE },
  { N_("Last changed"), "updated_at", 1, KIND_MOMENT },
};

static const Column household_fields[] = {
  { N_("Household"), "name", 1, KIND_TEXT },
  { N_("Role"), "role", 1, KIND_TEXT },
  { N_("Members"), "members", 1, KIND_TEXT },
};

static const Column statistics_fields[] = {
  { N_("Transactions"), "tx_count", 1, KIND_TEXT },
  { N_("Total amount"), "tx_sum_cents", 1, KIND_MONEY },
  { N_("First transaction"), "first_tx_date", 1, KIND_DATE },
  { N_("Last transaction"), "last_tx_date", 1, KIND_DATE },
  { N_("Last contact"), "last_contact_at", 1, KIND_MOMENT },
};

static const Column consent_columns[] = {
  { N_("Channel"), "channel", 2, KIND_TEXT },
  { N_("Marketing"), "marketing", 1.3, KIND_BOOL },
  { N_("Given on"), "given_at", 1.6, KIND_MOMENT },
  { N_("Source"), "source", 2, KIND_CODE },
};

static const Column holding_columns[] = {
  { N_("Product"), "product", 3, KIND_TEXT },
  { N_("Family"), "family", 2, KIND_CODE },
  { N_("Opened"), "opened_on", 1.4, KIND_DATE },
  { N_("Closed"), "closed_on", 1.4, KIND_DATE },
  { N_("Balance"), "balance_cents", 1.6, KIND_MONEY },
};

static const Column transaction_columns[] = {
  { N_("Date"), "date", 1.3, KIND_DATE },
  { N_("Amount"), "amount_cents", 1.5, KIND_MONEY },
  { N_("Margin"), "margin_cents", 1.3, KIND_MONEY },
  { N_("Product family"), "product_family", 2, KIND_CODE },
  { N_("Channel"), "channel", 1.5, KIND_CODE },
};

static const Column interaction_columns[] = {
  { N_("Date"), "at", 2.0, KIND_MOMENT },
  { N_("Channel"), "channel", 1.3, KIND_TEXT },
  { N_("Direction"), "direction", 1.4, KIND_TEXT },
  { N_("Subject"), "subject", 2, KIND_TEXT },
  { N_("Notes"), "notes", 2.8, KIND_TEXT },
  { N_("Advisor"), "advisor", 1.5, KIND_TEXT },
};

static const Column ticket_columns[] = {
  { N_("Opened"), "opened_at", 1.9, KIND_MOMENT },
  { N_("Kind"), "kind", 1.1, KIND_TEXT },
  { N_("Subject"), "subject", 2.4, KIND_TEXT },
  { N_("Status"), "status", 1.1, KIND_TEXT },
  { N_("Resolution"), "resolution", 2.4, KIND_TEXT },
};

static const Column life_event_columns[] = {
  { N_("Date"), "occurred_on", 1, KIND_DATE },
  { N_("Event"), "kind", 1.5, KIND_CODE },
  { N_("Notes"), "notes", 3, KIND_TEXT },
};

static const Column opportunity_columns[] = {
  { N_("Created"), "created_at", 1.2, KIND_DATE },
  { N_("Product"), "product", 2.5, KIND_TEXT },
  { N_("Stage"), "stage", 1.2, KIND_TEXT },
  { N_("Amount"), "amount_cents", 1.4, KIND_MONEY },
  { N_("Probability"), "probability", 1.1, KIND_PERCENT },
};

static const Column campaign_columns[] = {
  { N_("Campaign"), "campaign", 2.5, KIND_TEXT },
  { N_("Group"), "target_group", 1, KIND_TEXT },
  { N_("Contacted"), "contacted_at", 1.3, KIND_DATE },
  { N_("Responded"), "responded_at", 1.3, KIND_DATE },
  { N_("Converted"), "converted_at", 1.3, KIND_DATE },
};

static const Column survey_columns[] = {
  { N_("Answered"), "answered_at", 1.2, KIND_DATE },
  { N_("Survey"), "survey", 2, KIND_TEXT },
  { N_("Answers"), "answers", 4, KIND_ANSWERS },
};

static const Column segment_columns[] = {
  { N_("Scheme"), "scheme", 1, KIND_TEXT },
  { N_("Date"), "taken_on", 1, KIND_DATE },
  { N_("Segment"), "segment", 2, KIND_TEXT },
};

static const Column audit_columns[] = {
  { N_("When"), "at", 1.9, KIND_MOMENT },
  { N_("Who"), "actor", 2, KIND_TEXT },
  { N_("Action"), "action", 1.1, KIND_TEXT },
  { N_("Record"), "entity", 1.2, KIND_TEXT },
  { N_("Details"), "details", 2.6, KIND_JSON },
};

typedef struct
{
  const char   *title;
  const char   *key;
  const Column *columns;
  guint         n_columns;
} Section;

#define SECTION(title, key, columns) { title, key, columns, G_N_ELEMENTS (columns) }

static const Section table_sections[] = {
  SECTION (N_("Consents"), "consents", consent_columns),
  SECTION (N_("Contracts"), "holdings", holding_columns),
  SECTION (N_("Transactions"), "transactions", transaction_columns),
  SECTION (N_("Contacts"), "interactions", interaction_columns),
  SECTION (N_("Requests and complaints"), "tickets", ticket_columns),
  SECTION (N_("Life events"), "life_events", life_event_columns),
  SECTION (N_("Opportunities"), "opportunities", opportunity_columns),
  SECTION (N_("Campaigns"), "campaigns", campaign_columns),
  SECTION (N_("Survey answers"), "survey_responses", survey_columns),
  SECTION (N_("Segments"), "segments", segment_columns),
  SECTION (N_("Audit trail"), "audit", audit_columns),
};

static char *
display_name (JsonObject *customer)
{
  const char *first = json_object_get_string_member_with_default (customer, "first_name", "");
  const char *last = json_object_get_string_member_with_default (customer, "last_name", "");

  if (first == NULL || first[0] == '\0')
    return g_strdup (last ? last : "");
  return g_strdup_printf ("%s %s", first, last ? last : "");
}

static void
draw_document (Doc        *doc,
               JsonObject *root)
{
  JsonObject *customer = json_object_get_object_member (root, "customer");
  g_autofree char *name = display_name (customer);
  g_autofree char *title = g_strdup_printf (_("Personal data held about %s"), name);
  g_autofree char *generated = NULL;
  g_autofree char *subtitle = NULL;

  generated = format_value (root, "generated_at", KIND_MOMENT);
  subtitle = g_strdup_printf (_("Customer %" PRId64 " · generated on %s by %s"),
                              json_object_get_int_member (customer, "id"), generated,
                              json_object_get_string_member_with_default (root, "generated_by", ""));

  new_page (doc);
  draw_paragraph (doc, title, 19, TRUE, text_rgb, 4);
  draw_paragraph (doc, subtitle, 9, FALSE, dim_rgb, 10);
  draw_paragraph (doc, _("This document lists everything Fidelis holds about this customer, as the "
                         "right of access of the General Data Protection Regulation (article 15) "
                         "provides: identity and contact details, consents, contracts, transactions, "
                         "contacts, requests, survey answers, segments and the record of who opened "
                         "or changed the customer’s file. The same data is available as a JSON file. "
                         "Amounts are in euros."),
                  BODY_SIZE + 0.5, FALSE, text_rgb, 4);

  draw_heading (doc, _("Identity and contact details"));
  draw_fields (doc, customer, identity_fields, G_N_ELEMENTS (identity_fields));
  draw_heading (doc, _("Relationship"));
  draw_fields (doc, customer, relationship_fields, G_N_ELEMENTS (relationship_fields));
  if (json_object_has_member (root, "household") && !json_object_get_null_member (root, "household"))
    draw_fields (doc, json_object_get_object_member (root, "household"),
                 household_fields, G_N_ELEMENTS (household_fields));
  if (json_object_has_member (root, "statistics") && !json_object_get_null_member (root, "statistics"))
    draw_fields (doc, json_object_get_object_member (root, "statistics"),
                 statistics_fields, G_N_ELEMENTS (statistics_fields));

  for (guint i = 0; i < G_N_ELEMENTS (table_sections); i++)
    {
      const Section *section = &table_sections[i];
      JsonArray *rows = json_object_has_member (root, section->key)
                        ? json_object_get_array_member (root, section->key) : NULL;

      draw_heading (doc, _(section->title));
      draw_table (doc, rows, section->columns, section->n_columns);
    }

  finish_page (doc);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *data,
          const unsigned char *bytes,
          unsigned int         length)
{
  WriteClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (closure->stream, bytes, length, NULL, closure->cancellable, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
fid_gdpr_report_write_data (JsonNode       *data,
                            GOutputStream  *stream,
                            GCancellable   *cancellable,
                            GError        **error)
{
  WriteClosure closure = { stream, cancellable, NULL };
  JsonObject *root;
  JsonObject *customer;
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autofree char *name = NULL;
  g_autofree char *pdf_title = NULL;
  Doc doc = { NULL, 0, 0, NULL };

  g_return_val_if_fail (data != NULL && JSON_NODE_HOLDS_OBJECT (data), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  root = json_node_get_object (data);
  customer = json_object_get_object_member (root, "customer");
  g_return_val_if_fail (customer != NULL, FALSE);

  name = display_name (customer);
  pdf_title = g_strdup_printf (_("Personal data held about %s"), name);
  doc.footer = g_strdup_printf (_("Personal data of customer %" PRId64), json_object_get_int_member (customer, "id"));

  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pdf_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Fidelis");
  doc.cr = cairo_create (surface);
  draw_document (&doc, root);
  status = cairo_status (doc.cr);
  cairo_destroy (doc.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (doc.footer);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
fid_gdpr_report_write (FidStore       *store,
                       gint64          customer_id,
                       GOutputStream  *stream,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(JsonNode) data = NULL;

  g_return_val_if_fail (FID_IS_STORE (store), FALSE);

  data = fid_store_build_customer_data (store, customer_id, error);
  if (data == NULL || !fid_gdpr_report_write_data (data, stream, cancellable, error))
    return FALSE;
  if (fid_store_is_read_only (store))
    return TRUE;
  return fid_store_audit_append (store, "export", "customer", customer_id, "{\"format\": \"pdf\"}", error);
}

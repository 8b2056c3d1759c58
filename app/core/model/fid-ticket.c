/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidTicket: a request, complaint or incident and where it stands in its
 * workflow (open → in progress → resolved → closed). */

#include "config.h"

#include "fid-ticket.h"
#include "fid-model-private.h"

struct _FidTicket
{
  GObject parent_instance;

  gint64 id;
  gint64 customer_id;
  char *customer_name;
  char *kind;
  char *category;
  char *subject;
  char *description;
  char *status;
  char *priority;
  char *opened_at;
  char *due_on;
  char *resolved_at;
  char *resolution;
  gboolean critical_incident;
  gint64 advisor_id;
  char *advisor_name;
  gint64 version;

};

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_KIND,
  PROP_CATEGORY,
  PROP_SUBJECT,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_OPENED_AT,
  PROP_DUE_ON,
  PROP_RESOLVED_AT,
  PROP_RESOLUTION,
  PROP_CRITICAL_INCIDENT,
  PROP_ADVISOR_ID,
  PROP_ADVISOR_NAME,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidTicket, fid_ticket, G_TYPE_OBJECT)


static void
fid_ticket_finalize (GObject *object)
{
  FidTicket *self = ((FidTicket *) object);

  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->priority, g_free);
  g_clear_pointer (&self->opened_at, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->resolved_at, g_free);
  g_clear_pointer (&self->resolution, g_free);
  g_clear_pointer (&self->advisor_name, g_free);

  G_OBJECT_CLASS (fid_ticket_parent_class)->finalize (object);
}

static void
fid_ticket_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FidTicket *self = FID_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_PRIORITY:
      g_value_set_string (value, self->priority);
      break;

    case PROP_OPENED_AT:
      g_value_set_string (value, self->opened_at);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;

    case PROP_RESOLVED_AT:
      g_value_set_string (value, self->resolved_at);
      break;

    case PROP_RESOLUTION:
      g_value_set_string (value, self->resolution);
      break;

    case PROP_CRITICAL_INCIDENT:
      g_value_set_boolean (value, self->critical_incident);
      break;

    case PROP_ADVISOR_ID:
      g_value_set_int64 (value, self->advisor_id);
      break;

    case PROP_ADVISOR_NAME:
      g_value_set_string (value, self->advisor_name);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_ticket_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FidTicket *self = FID_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      fid_ticket_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_ID:
      fid_ticket_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_NAME:
      fid_ticket_set_customer_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      fid_ticket_set_kind (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      fid_ticket_set_category (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      fid_ticket_set_subject (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      fid_ticket_set_description (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      fid_ticket_set_status (self, g_value_get_string (value));
      break;

    case PROP_PRIORITY:
      fid_ticket_set_priority (self, g_value_get_string (value));
      break;

    case PROP_OPENED_AT:
      fid_ticket_set_opened_at (self, g_value_get_string (value));
      break;

    case PROP_DUE_ON:
      fid_ticket_set_due_on (self, g_value_get_string (value));
      break;

    case PROP_RESOLVED_AT:
      fid_ticket_set_resolved_at (self, g_value_get_string (value));
      break;

    case PROP_RESOLUTION:
      fid_ticket_set_resolution (self, g_value_get_string (value));
      break;

    case PROP_CRITICAL_INCIDENT:
      fid_ticket_set_critical_incident (self, g_value_get_boolean (value));
      break;

    case PROP_ADVISOR_ID:
      fid_ticket_set_advisor_id (self, g_value_get_int64 (value));
      break;

    case PROP_ADVISOR_NAME:
      fid_ticket_set_advisor_name (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      fid_ticket_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_ticket_class_init (FidTicketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_ticket_finalize;
  object_class->get_property = fid_ticket_get_property;
  object_class->set_property = fid_ticket_set_property;

  /* Row id; 0 until saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The customer who raised it. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Customer display name (filled by cross-customer listings). */
  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "request", "complaint" or "incident". */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Free category (fees, card, online banking…). */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* One-line subject. */
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* What the customer said. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "open", "in_progress", "resolved" or "closed". */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "low", "normal", "high" or "urgent". */
  properties[PROP_PRIORITY] =
    g_param_spec_string ("priority", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* When it was opened (ISO 8601). */
  properties[PROP_OPENED_AT] =
    g_param_spec_string ("opened-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* YYYY-MM-DD it must be handled by, or NULL. */
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* When it was resolved, or NULL. */
  properties[PROP_RESOLVED_AT] =
    g_param_spec_string ("resolved-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How it was resolved. */
  properties[PROP_RESOLUTION] =
    g_param_spec_string ("resolution", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A complaint flagged as a critical incident (Bitner). */
  properties[PROP_CRITICAL_INCIDENT] =
    g_param_spec_boolean ("critical-incident", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Advisor in charge, 0 for none. */
  properties[PROP_ADVISOR_ID] =
    g_param_spec_int64 ("advisor-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Advisor display name (filled on read). */
  properties[PROP_ADVISOR_NAME] =
    g_param_spec_string ("advisor-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Row version for conflict detection. */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_ticket_init (FidTicket *self)
{
  self->kind = g_strdup ("request");
  self->status = g_strdup ("open");
  self->priority = g_strdup ("normal");
}

FidTicket *
fid_ticket_new (void)
{
  return g_object_new (FID_TYPE_TICKET, NULL);
}

/* Accessors: g_return_if_fail on the instance, notify only on change. */
FID_INT64_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, id, PROP_ID)
FID_INT64_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, customer_id, PROP_CUSTOMER_ID)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, customer_name, PROP_CUSTOMER_NAME)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, kind, PROP_KIND)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, category, PROP_CATEGORY)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, subject, PROP_SUBJECT)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, description, PROP_DESCRIPTION)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, status, PROP_STATUS)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, priority, PROP_PRIORITY)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, opened_at, PROP_OPENED_AT)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, due_on, PROP_DUE_ON)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, resolved_at, PROP_RESOLVED_AT)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, resolution, PROP_RESOLUTION)
FID_BOOLEAN_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, critical_incident, PROP_CRITICAL_INCIDENT)
FID_INT64_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, advisor_id, PROP_ADVISOR_ID)
FID_STRING_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, advisor_name, PROP_ADVISOR_NAME)
FID_INT64_ACCESSORS (FidTicket, fid_ticket, FID_IS_TICKET, version, PROP_VERSION)

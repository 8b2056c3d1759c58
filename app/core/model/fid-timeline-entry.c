/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidTimelineEntry: one line of a customer's unified timeline, whatever
 * table it comes from. */

#include "config.h"

#include "fid-timeline-entry.h"
#include "fid-model-private.h"

struct _FidTimelineEntry
{
  GObject parent_instance;

  char *kind;
  gint64 id;
  char *at;
  char *channel;
  char *title;
  char *detail;
  char *author;
  char *status;
  gint64 amount_cents;
  gint64 count;

};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_AT,
  PROP_CHANNEL,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_AUTHOR,
  PROP_STATUS,
  PROP_AMOUNT_CENTS,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidTimelineEntry, fid_timeline_entry, G_TYPE_OBJECT)


static void
fid_timeline_entry_finalize (GObject *object)
{
  FidTimelineEntry *self = ((FidTimelineEntry *) object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->channel, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (fid_timeline_entry_parent_class)->finalize (object);
}

static void
fid_timeline_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FidTimelineEntry *self = FID_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AT:
      g_value_set_string (value, self->at);
      break;

    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;

    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_timeline_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FidTimelineEntry *self = FID_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      fid_timeline_entry_set_kind (self, g_value_get_string (value));
      break;

    case PROP_ID:
      fid_timeline_entry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_AT:
      fid_timeline_entry_set_at (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL:
      fid_timeline_entry_set_channel (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      fid_timeline_entry_set_title (self, g_value_get_string (value));
      break;

    case PROP_DETAIL:
      fid_timeline_entry_set_detail (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      fid_timeline_entry_set_author (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      fid_timeline_entry_set_status (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_CENTS:
      fid_timeline_entry_set_amount_cents (self, g_value_get_int64 (value));
      break;

    case PROP_COUNT:
      fid_timeline_entry_set_count (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_timeline_entry_class_init (FidTimelineEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_timeline_entry_finalize;
  object_class->get_property = fid_timeline_entry_get_property;
  object_class->set_property = fid_timeline_entry_set_property;

  /* What the entry is: interaction, transaction, ticket, life_event, campaign. */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Row id in the table the kind names. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* When it happened (ISO 8601); the timeline sort key. */
  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Channel id for interactions and campaign contacts, product family for transactions. */
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* One-line summary (subject, product family, ticket subject, life event kind). */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Notes, meeting report, resolution, or NULL. */
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Advisor who wrote it, or NULL. */
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Outcome, ticket status or direction, or NULL. */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Transaction amount in cents; 0 for other kinds. */
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How many rows the entry stands for (the transactions of a "month"
   * entry), or a percentage where the store documents it; 0 otherwise. */
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_timeline_entry_init (FidTimelineEntry *self)
{
}

FidTimelineEntry *
fid_timeline_entry_new (void)
{
  return g_object_new (FID_TYPE_TIMELINE_ENTRY, NULL);
}

/* Accessors: g_return_if_fail on the instance, notify only on change. */
FID_STRING_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, kind, PROP_KIND)
FID_INT64_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, id, PROP_ID)
FID_STRING_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, at, PROP_AT)
FID_STRING_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, channel, PROP_CHANNEL)
FID_STRING_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, title, PROP_TITLE)
FID_STRING_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, detail, PROP_DETAIL)
FID_STRING_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, author, PROP_AUTHOR)
FID_STRING_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, status, PROP_STATUS)
FID_INT64_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, amount_cents, PROP_AMOUNT_CENTS)
FID_INT64_ACCESSORS (FidTimelineEntry, fid_timeline_entry, FID_IS_TIMELINE_ENTRY, count, PROP_COUNT)

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FID_TYPE_TIMELINE_ENTRY (fid_timeline_entry_get_type ())

G_DECLARE_FINAL_TYPE (FidTimelineEntry, fid_timeline_entry, FID, TIMELINE_ENTRY, GObject)

FidTimelineEntry *fid_timeline_entry_new (void);

const char *fid_timeline_entry_get_kind (FidTimelineEntry *self);
void fid_timeline_entry_set_kind (FidTimelineEntry *self, const char *kind);
gint64 fid_timeline_entry_get_id (FidTimelineEntry *self);
void fid_timeline_entry_set_id (FidTimelineEntry *self, gint64 id);
const char *fid_timeline_entry_get_at (FidTimelineEntry *self);
void fid_timeline_entry_set_at (FidTimelineEntry *self, const char *at);
const char *fid_timeline_entry_get_channel (FidTimelineEntry *self);
void fid_timeline_entry_set_channel (FidTimelineEntry *self, const char *channel);
const char *fid_timeline_entry_get_title (FidTimelineEntry *self);
void fid_timeline_entry_set_title (FidTimelineEntry *self, const char *title);
const char *fid_timeline_entry_get_detail (FidTimelineEntry *self);
void fid_timeline_entry_set_detail (FidTimelineEntry *self, const char *detail);
const char *fid_timeline_entry_get_author (FidTimelineEntry *self);
void fid_timeline_entry_set_author (FidTimelineEntry *self, const char *author);
const char *fid_timeline_entry_get_status (FidTimelineEntry *self);
void fid_timeline_entry_set_status (FidTimelineEntry *self, const char *status);
gint64 fid_timeline_entry_get_amount_cents (FidTimelineEntry *self);
void fid_timeline_entry_set_amount_cents (FidTimelineEntry *self, gint64 amount_cents);
gint64 fid_timeline_entry_get_count (FidTimelineEntry *self);
void fid_timeline_entry_set_count (FidTimelineEntry *self, gint64 count);


G_END_DECLS

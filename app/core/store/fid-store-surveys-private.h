/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the fid-store-survey*.c files only. */

#include "fid-store-private.h"
#include "fid-store-surveys.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  int    position;
  int    dimension;   /* FidServqualDimension, -1 when none */
} FidSurveyItemInfo;

/* The kind of survey @survey_id; FID_STORE_ERROR_NOT_FOUND when absent. */
gboolean  fid_store_survey_get_kind       (FidStore       *self,
                                           gint64          survey_id,
                                           FidSurveyKind  *kind,
                                           GError        **error);
/* The survey's items in position order (FidSurveyItemInfo). */
GArray   *fid_store_survey_get_item_infos (FidStore       *self,
                                           gint64          survey_id,
                                           GError        **error);
/* The index in @infos of the item @item_id, or -1. */
int       fid_survey_item_infos_find      (GArray         *infos,
                                           gint64          item_id);

G_END_DECLS

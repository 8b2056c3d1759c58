/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"
#include "fid-store-opportunities.h"

G_BEGIN_DECLS

/* FidPipelineBoard: one column per stage (lead … won, lost) with its
 * totals and its most valuable cards (customer, product, amount,
 * probability). A card moves to the previous or next stage, or to won or
 * lost, with its buttons or from the keyboard (Ctrl+← / Ctrl+→,
 * Ctrl+Shift+W won, Ctrl+Shift+L lost); Enter opens the customer.
 * "moved" (opportunity id) is emitted after a move was saved; errors go to
 * "error" (message). */

#define FID_TYPE_PIPELINE_BOARD (fid_pipeline_board_get_type ())

G_DECLARE_FINAL_TYPE (FidPipelineBoard, fid_pipeline_board, FID, PIPELINE_BOARD, AdwBin)

/* The cards shown per column (the totals count them all). */
#define FID_PIPELINE_CARDS_PER_COLUMN 10

GtkWidget *fid_pipeline_board_new        (void);
/* Reads the board for @filter from @store (NULL: empties it). */
void       fid_pipeline_board_load       (FidPipelineBoard        *self,
                                          FidStore                *store,
                                          const FidPipelineFilter *filter);
/* Moves the opportunity as its buttons do; FALSE (and "error") on failure. */
gboolean   fid_pipeline_board_move       (FidPipelineBoard        *self,
                                          gint64                   opportunity_id,
                                          const char              *stage);
/* For tests: the number of cards in the column of @stage, and the totals. */
guint      fid_pipeline_board_count_cards (FidPipelineBoard       *self,
                                           const char             *stage);
const FidPipelineTotal *fid_pipeline_board_get_totals (FidPipelineBoard *self);

G_END_DECLS

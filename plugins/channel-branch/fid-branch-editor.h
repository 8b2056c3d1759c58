/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel-editor.h"

G_BEGIN_DECLS

/* FidBranchEditor: the meeting report form. */

#define FID_TYPE_BRANCH_EDITOR (fid_branch_editor_get_type ())

G_DECLARE_FINAL_TYPE (FidBranchEditor, fid_branch_editor, FID, BRANCH_EDITOR, FidChannelEditor)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fid-store-error.h"

G_DEFINE_QUARK (fid-store-error-quark, fid_store_error)
G_DEFINE_QUARK (fid-validation-error-quark, fid_validation_error)

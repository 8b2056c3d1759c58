/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors about the database file itself: each message names the file and
 * says what the user can do. */
#define FID_STORE_ERROR (fid_store_error_quark ())

typedef enum
{
  FID_STORE_ERROR_NOT_A_DATABASE,   /* the file is not SQLite, or not a Fidelis database */
  FID_STORE_ERROR_NEWER_SCHEMA,     /* written by a newer Fidelis */
  FID_STORE_ERROR_READ_ONLY,        /* cannot be written */
  FID_STORE_ERROR_NO_DIRECTORY,     /* the folder does not exist */
  FID_STORE_ERROR_NOT_FOUND,        /* the file, or a row, does not exist */
  FID_STORE_ERROR_CORRUPT,          /* damaged or truncated */
  FID_STORE_ERROR_BUSY,             /* another program holds a lock too long */
  FID_STORE_ERROR_CONFLICT,         /* the row changed since it was read */
  FID_STORE_ERROR_FAILED,
  FID_STORE_ERROR_NETWORK_FILESYSTEM, /* on NFS, SMB, sshfs…: SQLite's locks cannot be trusted there */
  FID_STORE_ERROR_RETENTION,        /* the law requires keeping the data (erasure refused) */
} FidStoreError;

/* Errors about what the user typed: one code per rule so the UI can show
 * the message next to the right field. */
#define FID_VALIDATION_ERROR (fid_validation_error_quark ())

typedef enum
{
  FID_VALIDATION_ERROR_EMPTY_NAME,
  FID_VALIDATION_ERROR_INVALID_EMAIL,
  FID_VALIDATION_ERROR_INVALID_PHONE,
  FID_VALIDATION_ERROR_INVALID_DATE,
  FID_VALIDATION_ERROR_FUTURE_BIRTH_DATE,
  FID_VALIDATION_ERROR_NEGATIVE_AMOUNT,
  FID_VALIDATION_ERROR_UNKNOWN_ADVISOR,
  FID_VALIDATION_ERROR_UNKNOWN_HOUSEHOLD,
  FID_VALIDATION_ERROR_UNKNOWN_BRANCH,
  FID_VALIDATION_ERROR_INVALID_VALUE,
  FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER,   /* an interaction or ticket about no one */
  FID_VALIDATION_ERROR_EMPTY_CHANNEL,      /* an interaction without channel */
  FID_VALIDATION_ERROR_INVALID_DATE_TIME,  /* not YYYY-MM-DDTHH:MM[:SS] */
  FID_VALIDATION_ERROR_EMPTY_SUBJECT,      /* a ticket without subject */
  FID_VALIDATION_ERROR_SAME_CUSTOMER,      /* merging a customer into itself */
} FidValidationError;

GQuark fid_store_error_quark      (void);
GQuark fid_validation_error_quark (void);

G_END_DECLS

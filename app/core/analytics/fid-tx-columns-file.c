/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidTxColumns' cache file, which keeps the arrays between runs.
 *
 * The file is the arrays as they are in memory, after a header, so that
 * mapping it is the whole of loading it:
 *
 *   header (FileHeader, padded to HEADER_SPACE bytes)
 *   customer_id  int64[n_customers]
 *   start        uint32[n_customers + 1]
 *   day          int32[n_transactions]
 *   amount_cents int64[n_transactions]
 *   margin_cents int64[n_transactions]
 *   family       uint8[n_transactions]
 *
 * each array starting at a multiple of 8 bytes. Numbers are in the
 * writer's byte order, which the header records: a file from a machine of
 * the other order is rebuilt, not converted (it is only a cache).
 *
 * Nothing read from the file is trusted: the header carries a checksum of
 * itself, the offsets must be exactly the layout its counts give, and the
 * arrays are checked (start[] strictly increasing from 0 to
 * n_transactions, ids strictly ascending, families in range) before any
 * of them is handed out. The days are not checked: a wrong day gives a
 * wrong date, never a crash, and checking them would read 80 MB more at
 * every load. */

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fid-tx-columns-private.h"

#define FILE_MAGIC     "FIDCOLS"
#define FILE_VERSION   1
#define BYTE_ORDER_TAG 0x01020304u
#define HEADER_SPACE   256

enum
{
  ARRAY_CUSTOMER_ID,
  ARRAY_START,
  ARRAY_DAY,
  ARRAY_AMOUNT,
  ARRAY_MARGIN,
  ARRAY_FAMILY,
  N_ARRAYS
};

typedef struct
{
  char     magic[8];                 /* FILE_MAGIC, NUL-padded */
  guint32  version;
  guint32  byte_order;               /* BYTE_ORDER_TAG, as the writer stores it */
  char     token[40];                /* NUL-padded */
  guint64  n_customers;
  guint64  n_transactions;
  guint64  n_families;               /* the family list changes: rebuild */
  guint64  offsets[N_ARRAYS];
  guint64  file_size;
  guint8   checksum[32];             /* SHA-256 of every byte above */
} FileHeader;

G_STATIC_ASSERT (sizeof (FileHeader) <= HEADER_SPACE);

static gsize
array_bytes (int     array,
             guint64 n_customers,
             guint64 n_transactions)
{
  switch (array)
    {
    case ARRAY_CUSTOMER_ID:
      return n_customers * sizeof (gint64);
    case ARRAY_START:
      return (n_customers + 1) * sizeof (guint32);
    case ARRAY_DAY:
      return n_transactions * sizeof (gint32);
    case ARRAY_AMOUNT:
    case ARRAY_MARGIN:
      return n_transactions * sizeof (gint64);
    case ARRAY_FAMILY:
    default:
      return n_transactions;
    }
}

/* The only layout a file may have for these counts: a file is valid when
 * its header says exactly this. */
static void
compute_layout (FileHeader *header)
{
  guint64 offset = HEADER_SPACE;

  for (int a = 0; a < N_ARRAYS; a++)
    {
      header->offsets[a] = offset;
      offset += array_bytes (a, header->n_customers, header->n_transactions);
      offset = (offset + 7) & ~(guint64) 7;
    }
  header->file_size = offset;
}

static void
header_checksum (const FileHeader *header,
                 guint8            digest[32])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize length = 32;

  g_checksum_update (checksum, (const guchar *) header, G_STRUCT_OFFSET (FileHeader, checksum));
  g_checksum_get_digest (checksum, digest, &length);
}

gboolean
fid_tx_columns_token_is_valid (const char *token)
{
  if (token == NULL || strlen (token) != FID_TX_COLUMNS_TOKEN_LEN)
    return FALSE;
  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

char *
fid_tx_columns_new_token (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *token = g_string_new (uuid);

  g_string_replace (token, "-", "", 0);
  return g_string_free (token, FALSE);
}

static char *
columns_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "fidelis", "columns", NULL);
}

char *
fid_tx_columns_file_path (const char *token)
{
  g_autofree char *dir = columns_dir ();
  g_autofree char *name = g_strconcat (token, ".fidcols", NULL);

  return g_build_filename (dir, name, NULL);
}

void
fid_tx_columns_file_remove (const char *token)
{
  g_autofree char *path = NULL;

  if (!fid_tx_columns_token_is_valid (token))
    return;
  path = fid_tx_columns_file_path (token);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_debug ("Could not remove the old analysis cache %s: %s", path, g_strerror (errno));
}

/* Writes in pieces of this size, checking for cancellation between them. */
#define WRITE_CHUNK (8 << 20)

static gboolean
write_all (int            fd,
           const void    *data,
           gsize          length,
           const char    *path,
           GError       **error)
{
  const char *p = data;

  while (length > 0)
    {
      gssize n = write (fd, p, MIN (length, WRITE_CHUNK));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not write the analysis cache “%s”: %s"),
                       path, g_strerror (saved_errno));
          return FALSE;
        }
      p += n;
      length -= n;
    }
  return TRUE;
}

static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Best effort: the rename is durable once its directory is. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
fid_tx_columns_file_write (const char              *token,
                           const FidTxColumnsView  *view,
                           FidProgressFunc          progress,
                           gpointer                 progress_data,
                           double                   progress_from,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autofree char *dir = columns_dir ();
  g_autofree char *path = fid_tx_columns_file_path (token);
  g_autofree char *tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  g_autofree guint8 *head = g_malloc0 (HEADER_SPACE);
  FileHeader *header = (FileHeader *) head;
  const void *arrays[N_ARRAYS];
  static const guint8 zeros[8] = { 0, };
  guint64 written, total;
  int fd;

  g_return_val_if_fail (fid_tx_columns_token_is_valid (token), FALSE);

  if (view->n_transactions >= G_MAXUINT32)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The analysis cache holds at most %u transactions; this bank has %" PRIu64 "."),
                   G_MAXUINT32 - 1, (guint64) view->n_transactions);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the analysis cache folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  memcpy (header->magic, FILE_MAGIC, sizeof FILE_MAGIC);
  header->version = FILE_VERSION;
  header->byte_order = BYTE_ORDER_TAG;
  memcpy (header->token, token, FID_TX_COLUMNS_TOKEN_LEN);
  header->n_customers = view->n_customers;
  header->n_transactions = view->n_transactions;
  header->n_families = FID_N_PRODUCT_FAMILIES;
  compute_layout (header);
  header_checksum (header, header->checksum);

  arrays[ARRAY_CUSTOMER_ID] = view->customer_id;
  arrays[ARRAY_START] = view->start;
  arrays[ARRAY_DAY] = view->day;
  arrays[ARRAY_AMOUNT] = view->amount_cents;
  arrays[ARRAY_MARGIN] = view->margin_cents;
  arrays[ARRAY_FAMILY] = view->family;

  /* Streamed from the arrays: a 400 MB cache is never copied into one
   * buffer. A crash before the rename leaves only the temporary file. */
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the analysis cache “%s”: %s"),
                   tmp_path, g_strerror (saved_errno));
      return FALSE;
    }

  total = header->file_size;
  written = HEADER_SPACE;
  if (!write_all (fd, head, HEADER_SPACE, tmp_path, error))
    goto fail;
  for (int a = 0; a < N_ARRAYS; a++)
    {
      const guint8 *data = arrays[a];
      gsize length = array_bytes (a, header->n_customers, header->n_transactions);

      for (gsize done = 0; done < length; done += WRITE_CHUNK)
        {
          gsize n = MIN (WRITE_CHUNK, length - done);

          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !write_all (fd, data + done, n, tmp_path, error))
            goto fail;
          written += n;
          if (progress != NULL)
            progress (progress_from + (1.0 - progress_from) * written / total, progress_data);
        }
      if (length % 8 != 0 && !write_all (fd, zeros, 8 - length % 8, tmp_path, error))
        goto fail;
      written += (8 - length % 8) % 8;
    }
  g_assert (written == total);

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the analysis cache “%s” to disk: %s"),
                   tmp_path, g_strerror (saved_errno));
      goto fail;
    }
  close (fd);
  fd = -1;
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not rename the analysis cache to “%s”: %s"),
                   path, g_strerror (saved_errno));
      goto fail;
    }
  sync_directory (dir);
  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  return FALSE;
}

/* Why a file is refused: for the debug log only, as the caller rebuilds. */
static GMappedFile *
refuse (GError     **error,
        const char  *path,
        const char  *why)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "The analysis cache “%s” is not usable: %s", path, why);
  return NULL;
}

GMappedFile *
fid_tx_columns_file_map (const char        *token,
                         FidTxColumnsView  *view,
                         GError           **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  FileHeader header, expected;
  guint8 digest[32];
  const guint8 *data;
  gsize length;
  const gint64 *ids;
  const guint32 *start;
  const guint8 *family;
  guint8 bad_family = 0;

  if (!fid_tx_columns_token_is_valid (token))
    return refuse (error, "(none)", "invalid token");
  path = fid_tx_columns_file_path (token);
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  data = (const guint8 *) g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);

  /* The header, in order: is it ours, from this machine's byte order,
   * intact, of this token, and of this family list? */
  if (length < HEADER_SPACE)
    return refuse (error, path, "shorter than its header");
  memcpy (&header, data, sizeof header);
  if (memcmp (header.magic, FILE_MAGIC, sizeof FILE_MAGIC) != 0 || header.version != FILE_VERSION)
    return refuse (error, path, "not a cache file of this version");
  if (header.byte_order != BYTE_ORDER_TAG)
    return refuse (error, path, "written in another byte order");
  header_checksum (&header, digest);
  if (memcmp (digest, header.checksum, sizeof digest) != 0)
    return refuse (error, path, "header checksum mismatch");
  if (memcmp (header.token, token, FID_TX_COLUMNS_TOKEN_LEN) != 0 ||
      header.token[FID_TX_COLUMNS_TOKEN_LEN] != '\0')
    return refuse (error, path, "token mismatch");
  if (header.n_families != FID_N_PRODUCT_FAMILIES)
    return refuse (error, path, "another list of product families");

  /* Counts, then the layout they give, then the file's size. Every
   * customer has a transaction, which bounds n_customers too. */
  if (header.n_transactions >= G_MAXUINT32 || header.n_customers > header.n_transactions)
    return refuse (error, path, "impossible counts");
  expected = header;
  compute_layout (&expected);
  if (memcmp (expected.offsets, header.offsets, sizeof header.offsets) != 0 ||
      expected.file_size != header.file_size)
    return refuse (error, path, "array offsets do not match the counts");
  if (header.file_size != length)
    return refuse (error, path, "size does not match its header");

  /* The arrays that index the others: one bad entry in them would send a
   * reader out of bounds. */
  ids = (const gint64 *) (data + header.offsets[ARRAY_CUSTOMER_ID]);
  start = (const guint32 *) (data + header.offsets[ARRAY_START]);
  family = data + header.offsets[ARRAY_FAMILY];
  if (start[0] != 0 || start[header.n_customers] != header.n_transactions)
    return refuse (error, path, "start[] does not span the transactions");
  for (gsize i = 0; i < header.n_customers; i++)
    if (start[i] >= start[i + 1] || (i > 0 && ids[i - 1] >= ids[i]))
      return refuse (error, path, "start[] or customer ids out of order");
  /* One test after the loop rather than a branch per row: the loop
   * vectorises, and 20 million families are checked in milliseconds. */
  for (gsize i = 0; i < header.n_transactions; i++)
    bad_family |= family[i] >= FID_N_PRODUCT_FAMILIES;
  if (bad_family)
    return refuse (error, path, "unknown product family index");

  view->n_customers = header.n_customers;
  view->customer_id = ids;
  view->start = start;
  view->n_transactions = header.n_transactions;
  view->day = (const gint32 *) (data + header.offsets[ARRAY_DAY]);
  view->amount_cents = (const gint64 *) (data + header.offsets[ARRAY_AMOUNT]);
  view->margin_cents = (const gint64 *) (data + header.offsets[ARRAY_MARGIN]);
  view->family = family;
  return g_steal_pointer (&mapped);
}

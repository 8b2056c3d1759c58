/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore refuses a database on a network file system (issue 9): the
 * kernel's file system type, FUSE subtypes from /proc/self/mountinfo. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/vfs.h>

#include "fid-store-private.h"

/* Network file systems ------------------------------------------------------
 *
 * SQLite's locks are POSIX advisory locks, and WAL shares an mmap'ed index
 * (-shm) between the connections: over NFS, SMB or sshfs the locks are
 * broken or emulated per host, and the shared memory is not shared between
 * computers, so two computers writing the same file can corrupt it
 * (https://sqlite.org/lockingv3.html, section 6; https://sqlite.org/wal.html).
 * A database there is refused before anything is written. */

/* Kernel magic numbers (linux/magic.h and the file systems' own headers). */
static const struct
{
  guint64     f_type;
  const char *name;
} network_filesystems[] = {
  { 0x6969, "NFS" },
  { 0x517B, "SMB" },
  { 0xFF534D42, "CIFS" },
  { 0xFE534D42, "SMB2" },
  { 0x73757245, "Coda" },
  { 0x5346414F, "AFS" },
  { 0x6B414653, "AFS" },
  { 0x00C36400, "CephFS" },
  { 0x01021997, "9P" },
  { 0x564C, "NetWare" },
  { 0x7461636F, "OCFS2" },
  { 0x01161970, "GFS2" },
  { 0x0BD00BD0, "Lustre" },
};

#define FUSE_SUPER_MAGIC 0x65735546

/* FUSE is local as often as not (ntfs-3g, encrypted folders): only these
 * subtypes (the "fuse.NAME" of /proc/self/mountinfo) are remote. */
static const char * const network_fuse_subtypes[] = {
  "sshfs", "s3fs", "rclone", "gcsfuse", "glusterfs", "davfs", "davfs2", "curlftpfs",
  "ceph-fuse", "smbnetfs", "gvfsd-fuse", "afpfs", "goofys", "juicefs", "nfs", "cifs", NULL
};

const char *
fid_filesystem_network_name (guint64     f_type,
                             const char *fuse_subtype)
{
  for (guint i = 0; i < G_N_ELEMENTS (network_filesystems); i++)
    if (network_filesystems[i].f_type == f_type)
      return network_filesystems[i].name;
  if (f_type == FUSE_SUPER_MAGIC && fuse_subtype != NULL &&
      g_strv_contains (network_fuse_subtypes, fuse_subtype))
    return fuse_subtype;
  return NULL;
}

/* The subtype of the FUSE mount holding @dir ("sshfs"), from the mount
 * whose device is @dir's; NULL when there is none. */
static char *
find_fuse_subtype (const char *dir)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  struct stat st;

  if (stat (dir, &st) != 0 || !g_file_get_contents ("/proc/self/mountinfo", &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* ID PARENT MAJOR:MINOR ROOT MOUNTPOINT OPTIONS [OPTIONAL…] - FSTYPE SOURCE SUPEROPTIONS */
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      guint major, minor;
      const char *fstype = NULL;

      if (g_strv_length (fields) < 3 || sscanf (fields[2], "%u:%u", &major, &minor) != 2 ||
          major != major (st.st_dev) || minor != minor (st.st_dev))
        continue;
      for (guint f = 3; fields[f] != NULL; f++)
        if (g_str_equal (fields[f], "-"))
          {
            fstype = fields[f + 1];
            break;
          }
      if (fstype != NULL && g_str_has_prefix (fstype, "fuse."))
        return g_strdup (fstype + strlen ("fuse."));
      return NULL;
    }
  return NULL;
}

/* FIDELIS_TEST_FS_TYPE=MAGIC[:SUBTYPE] pretends the folder is on that file
 * system (tests); FIDELIS_ALLOW_NETWORK_FS=1 lets a database on a network
 * file system open, for someone sure that only one computer uses it. */
gboolean
fid_store_check_local_filesystem (const char  *path,
                                  const char  *dir,
                                  GError     **error)
{
  const char *pretend = g_getenv ("FIDELIS_TEST_FS_TYPE");
  g_autofree char *subtype = NULL;
  const char *name;
  guint64 f_type;

  if (g_strcmp0 (g_getenv ("FIDELIS_ALLOW_NETWORK_FS"), "1") == 0)
    return TRUE;

  if (pretend != NULL && pretend[0] != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (pretend, ":", 2);

      f_type = g_ascii_strtoull (parts[0], NULL, 0);
      subtype = g_strdup (parts[1]);
    }
  else
    {
      struct statfs fs;

      if (statfs (dir, &fs) != 0)
        return TRUE;  /* cannot tell: SQLite will say if it cannot lock */
      f_type = (guint64) (gulong) fs.f_type;
      if (f_type == FUSE_SUPER_MAGIC)
        subtype = find_fuse_subtype (dir);
    }

  name = fid_filesystem_network_name (f_type, subtype);
  if (name == NULL)
    return TRUE;

  g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NETWORK_FILESYSTEM,
               _("“%s” is on a network file system (%s). Fidelis cannot use a database there: "
                 "file locks do not work reliably across computers, and two of them writing at "
                 "once could damage it. Copy the file to a folder on this computer and open the "
                 "copy (Back Up and Restore keep copies on a network share safely)."),
               path, name);
  return FALSE;
}

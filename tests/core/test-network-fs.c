/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A database on a network file system is refused (issue 9, item 4): the
 * classification of statfs f_type values (and FUSE subtypes), and the
 * refusal itself, faked with FIDELIS_TEST_FS_TYPE: the message names the
 * file system, the file is left as it was, and FIDELIS_ALLOW_NETWORK_FS=1
 * lets it open. */

#include "config.h"

#include "fid-test-util.h"

static void
test_classification (void)
{
  /* Network file systems, by their kernel magic. */
  g_assert_cmpstr (fid_filesystem_network_name (0x6969, NULL), ==, "NFS");
  g_assert_cmpstr (fid_filesystem_network_name (0xFF534D42, NULL), ==, "CIFS");
  g_assert_cmpstr (fid_filesystem_network_name (0xFE534D42, NULL), ==, "SMB2");
  g_assert_cmpstr (fid_filesystem_network_name (0x517B, NULL), ==, "SMB");
  g_assert_cmpstr (fid_filesystem_network_name (0x00C36400, NULL), ==, "CephFS");
  g_assert_cmpstr (fid_filesystem_network_name (0x01021997, NULL), ==, "9P");
  g_assert_cmpstr (fid_filesystem_network_name (0x6B414653, NULL), ==, "AFS");

  /* FUSE: remote only for the subtypes that are. */
  g_assert_cmpstr (fid_filesystem_network_name (0x65735546, "sshfs"), ==, "sshfs");
  g_assert_cmpstr (fid_filesystem_network_name (0x65735546, "gvfsd-fuse"), ==, "gvfsd-fuse");
  g_assert_cmpstr (fid_filesystem_network_name (0x65735546, "rclone"), ==, "rclone");
  g_assert_null (fid_filesystem_network_name (0x65735546, "ntfs-3g"));
  g_assert_null (fid_filesystem_network_name (0x65735546, NULL));

  /* Local ones. */
  g_assert_null (fid_filesystem_network_name (0xEF53, NULL));       /* ext4 */
  g_assert_null (fid_filesystem_network_name (0x9123683E, NULL));   /* btrfs */
  g_assert_null (fid_filesystem_network_name (0x58465342, NULL));   /* xfs */
  g_assert_null (fid_filesystem_network_name (0x01021994, NULL));   /* tmpfs */
  g_assert_null (fid_filesystem_network_name (0x794C7630, NULL));   /* overlayfs */
}

static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autofree char *path = g_strdup (fid_store_get_path (store));
  g_autofree char *new_path = fid_test_tmp_path ("new.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fid_test_insert (store, "Hélène", "Dupont", "Lyon");
  g_clear_object (&store);
  before = fid_test_file_digest (path);

  g_setenv ("FIDELIS_TEST_FS_TYPE", "0x6969", TRUE);
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NETWORK_FILESYSTEM);
  g_assert_true (strstr (error->message, path) != NULL);
  g_assert_true (strstr (error->message, "(NFS)") != NULL);
  g_assert_true (strstr (error->message, "Copy the file") != NULL);
  g_clear_error (&error);
  after = fid_test_file_digest (path);
  g_assert_cmpstr (after, ==, before);

  /* Nor is one created there. */
  g_setenv ("FIDELIS_TEST_FS_TYPE", "0x65735546:sshfs", TRUE);
  store = fid_store_open (new_path, FID_STORE_OPEN_CREATE, &error);
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NETWORK_FILESYSTEM);
  g_assert_true (strstr (error->message, "(sshfs)") != NULL);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Reading is allowed (nothing is locked for writing). */
  store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A local FUSE file system is fine. */
  g_setenv ("FIDELIS_TEST_FS_TYPE", "0x65735546:ntfs-3g", TRUE);
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The override. */
  g_setenv ("FIDELIS_TEST_FS_TYPE", "0x6969", TRUE);
  g_setenv ("FIDELIS_ALLOW_NETWORK_FS", "1", TRUE);
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_unsetenv ("FIDELIS_ALLOW_NETWORK_FS");
  g_unsetenv ("FIDELIS_TEST_FS_TYPE");

  /* The real file system of the test folder is local. */
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/network-fs/classification", test_classification);
  g_test_add_func ("/network-fs/refused", test_refused);

  return g_test_run ();
}

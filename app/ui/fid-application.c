/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidApplication: opens a database given on the command line (::open), or
 * the last one used, or the demo bank in the user's data folder, made on
 * first run (::activate). Owns the app actions and the settings. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

#include "fid-application.h"
#include "fid-demo-window.h"
#include "fid-plugin-manager.h"      /* plugin hook (issue 4) */
#include "fid-preferences-window.h"  /* plugin hook (issue 4) */
#include "fid-window.h"

struct _FidApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;       /* NULL when the schema is not installed */
  int             demo_customers;
  gint64          advisor_id;     /* --advisor, or chosen without settings */

  /* Plugin hook (issue 4): the one plugin manager; --safe-mode. */
  FidPluginManager *plugins;
  gboolean        safe_mode;
};

G_DEFINE_FINAL_TYPE (FidApplication, fid_application, ADW_TYPE_APPLICATION)

static void
remember_database (FidApplication *self,
                   const char     *path)
{
  /* GSettings strings are UTF-8; an unusual file name is simply not kept. */
  if (self->settings != NULL && g_utf8_validate (path, -1, NULL))
    g_settings_set_string (self->settings, "last-database", path);
}

/* Opens @path in @window. On failure the window keeps what it showed and
 * says why; nothing is written to the file. */
static gboolean
open_in_window (FidApplication *self,
                FidWindow      *window,
                const char     *path)
{
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      fid_window_show_open_error (window, error);
      return FALSE;
    }

  fid_window_set_store (window, store);
  remember_database (self, path);

  return TRUE;
}

/* The active window when it shows no database yet, else a new one. */
static FidWindow *
get_window_for_open (FidApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  FidWindow *window;

  if (FID_IS_WINDOW (active) && fid_window_get_store (FID_WINDOW (active)) == NULL)
    return FID_WINDOW (active);

  window = fid_window_new (self, NULL);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
on_demo_window_done_cb (FidDemoWindow  *demo_window,
                        FidApplication *self)
{
  FidWindow *window = get_window_for_open (self);

  open_in_window (self, window, fid_demo_window_get_path (demo_window));
  gtk_window_destroy (GTK_WINDOW (demo_window));
}

static void
create_demo_bank (FidApplication *self,
                  const char     *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  FidDemoWindow *demo_window;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s” for the demo bank: %s. "
                     "Check that your data folder can be written."),
                   dir, g_strerror (saved_errno));
      fid_window_show_open_error (get_window_for_open (self), error);
      return;
    }

  demo_window = fid_demo_window_new (GTK_APPLICATION (self), path, self->demo_customers);
  g_signal_connect_object (demo_window, "done",
                           G_CALLBACK (on_demo_window_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (demo_window));
  fid_demo_window_start (demo_window);
}

static void
on_open_response_cb (GtkNativeDialog *native,
                     int              response,
                     FidApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        fid_application_open_database (self, path);
    }

  g_object_unref (native);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  FidApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Database"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (databases, _("Fidelis Databases"));
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (databases, "application/x-sqlite3");
  gtk_file_filter_add_suffix (databases, "db");
  gtk_file_filter_add_suffix (databases, "sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), databases);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  if (FID_IS_WINDOW (parent) && fid_window_get_store (FID_WINDOW (parent)) != NULL)
    {
      FidStore *store = fid_window_get_store (FID_WINDOW (parent));
      g_autoptr(GFile) file = g_file_new_for_path (fid_store_get_path (store));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect (native, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  FidApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  const char *icon_name = APP_ID;
  GtkWidget *about;

  /* Not installed (run from the build folder): a generic icon rather than
   * a broken image. */
  if (!gtk_icon_theme_has_icon (icon_theme, icon_name))
    icon_name = "x-office-address-book";

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Fidelis"),
                        "application-icon", icon_name,
                        "developer-name", _("The Fidelis Developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Know your customers, keep them: a customer "
                                      "relationship manager for retail banks."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Fidelis Developers"),
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Help (F1, app.help): the user guide's page about what the active window
 * shows (fid_window_dup_help_uri), in yelp.
 *
 * Installed, the guide is in share/help/LANG/APP_ID of a folder of
 * XDG_DATA_DIRS, where yelp finds it from the help: URI in the user's
 * language. Otherwise Fidelis runs from its build folder (build-aux/run,
 * the tests) or from a prefix that is not on XDG_DATA_DIRS (meson install
 * --prefix ~/fidelis): then yelp is given the page's file, the copy
 * installed under our own prefix in the user's language, else the source
 * tree's help/C. */
static gboolean
help_is_installed (void)
{
  g_autofree char *user_index = g_build_filename (g_get_user_data_dir (), "help", "C", APP_ID, "index.page", NULL);
  const char * const *dirs = g_get_system_data_dirs ();

  if (g_file_test (user_index, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *index = g_build_filename (dirs[i], "help", "C", APP_ID, "index.page", NULL);

      if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }

  return FALSE;
}

/* The file of the help page @page outside the data folders, or NULL. */
static char *
find_help_file (const char *page)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *name = g_strconcat (page, ".page", NULL);
  g_autofree char *source = g_build_filename (HELP_SOURCE_DIR, "C", name, NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (HELPDIR, languages[i], APP_ID, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  if (g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&source);

  return NULL;
}

static void
show_help_error (GtkWindow    *parent,
                 const GError *error)
{
  GtkWidget *dialog;

  if (parent == NULL)
    {
      g_warning ("Cannot open the help: %s", error->message);
      return;
    }

  dialog = adw_message_dialog_new (parent, _("Could Not Open the Help"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_help_shown_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_help_error (GTK_WINDOW (object), error);
}

/* yelp with the file of @page (or of the index); FALSE when there is no
 * such file or no yelp. */
static gboolean
show_help_file (GtkWindow  *parent,
                const char *page)
{
  g_autofree char *yelp_path = g_find_program_in_path ("yelp");
  g_autofree char *path = NULL;
  g_autoptr(GAppInfo) yelp = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GList files = { NULL, NULL, NULL };

  if (yelp_path == NULL)
    return FALSE;

  path = find_help_file (page);
  if (path == NULL)
    path = find_help_file ("index");
  if (path == NULL)
    return FALSE;

  yelp = g_app_info_create_from_commandline (yelp_path, "Yelp", G_APP_INFO_CREATE_NONE, &error);
  if (yelp != NULL)
    {
      file = g_file_new_for_path (path);
      files.data = file;
      context = gdk_display_get_app_launch_context (parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent))
                                                                   : gdk_display_get_default ());
      g_app_info_launch (yelp, &files, G_APP_LAUNCH_CONTEXT (context), &error);
    }

  if (error != NULL)
    show_help_error (parent, error);

  return TRUE;
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  FidApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *parent = active;
  g_autofree char *uri = NULL;

  /* From a dialog (Preferences…), the page of the window behind it. */
  if (parent != NULL && !FID_IS_WINDOW (parent) && FID_IS_WINDOW (gtk_window_get_transient_for (parent)))
    parent = gtk_window_get_transient_for (parent);

  if (FID_IS_WINDOW (parent))
    uri = fid_window_dup_help_uri (FID_WINDOW (parent));
  else
    uri = g_strdup ("help:" APP_ID "/index");

  if (!help_is_installed () && show_help_file (active, strrchr (uri, '/') + 1))
    return;

  gtk_show_uri_full (active, uri, GDK_CURRENT_TIME, NULL, on_help_shown_cb, NULL);
}

/* Closes every window the way its close button would (windows save their
 * state; a running demo generation is cancelled and cleaned up first). */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  FidApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_list_free (windows);
}

/* Plugin hook (issue 4): Preferences, with the Plugins page. */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  FidApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (fid_preferences_window_new (parent, self->plugins)));
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_action },  /* plugin hook (issue 4) */
  { .name = "open", .activate = open_action },
  { .name = "about", .activate = about_action },
  { .name = "help", .activate = help_action },
  { .name = "quit", .activate = quit_action },
};

static int
fid_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  FidApplication *self = FID_APPLICATION (application);
  const char *value;

  /* A string, not an int: GApplication cannot tell "--customers 0" from
   * no option at all. */
  if (g_variant_dict_lookup (options, "customers", "&s", &value))
    {
      guint64 n_customers;

      if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT, &n_customers, NULL))
        {
          g_printerr (_("--customers expects a whole number of at least 1, not “%s”"), value);
          g_printerr ("\n");
          return EXIT_FAILURE;
        }
      self->demo_customers = (int) n_customers;
    }

  if (g_variant_dict_lookup (options, "advisor", "&s", &value))
    {
      guint64 advisor_id;

      if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &advisor_id, NULL))
        {
          g_printerr (_("--advisor expects an advisor’s number, not “%s”"), value);
          g_printerr ("\n");
          return EXIT_FAILURE;
        }
      self->advisor_id = (gint64) advisor_id;
    }

  /* Plugin hook (issue 4): built-in plugins only. */
  if (g_variant_dict_contains (options, "safe-mode"))
    self->safe_mode = TRUE;

  return -1;
}

static void
fid_application_startup (GApplication *application)
{
  FidApplication *self = FID_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *help_accels[] = { "F1", NULL };
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (fid_application_parent_class)->startup (application);

  /* Run from the build folder without the compiled schema: no settings
   * rather than an abort. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_debug ("Schema %s is not installed: settings are not saved", APP_ID);

  /* --advisor signs in for this and the next starts. */
  if (self->settings != NULL && self->advisor_id != 0)
    g_settings_set_int64 (self->settings, "advisor-id", self->advisor_id);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);

  /* Every window (and the window list of the shell under X11) shows the
   * application's icon: installed in hicolor, and in the resources for a
   * run from the build folder. */
  gtk_window_set_default_icon_name (APP_ID);

  /* Plugin hook (issue 4): load the plugins; every window gets its addins. */
  {
    static const char *preferences_accels[] = { "<Control>comma", NULL };

    self->plugins = fid_plugin_manager_new (self->settings,
                                            self->safe_mode ? FID_PLUGIN_MANAGER_SAFE_MODE
                                                            : FID_PLUGIN_MANAGER_FLAGS_NONE);
    fid_plugin_manager_load (self->plugins);
    fid_plugin_manager_watch_application (self->plugins, GTK_APPLICATION (self));
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  }
}

static void
fid_application_activate (GApplication *application)
{
  FidApplication *self = FID_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *last = NULL;
  g_autofree char *demo_path = NULL;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-database");

  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      fid_application_open_database (self, last);
      return;
    }

  demo_path = fid_application_dup_demo_path ();
  if (g_file_test (demo_path, G_FILE_TEST_EXISTS))
    fid_application_open_database (self, demo_path);
  else
    create_demo_bank (self, demo_path);
}

static void
fid_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  FidApplication *self = FID_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      FidWindow *window = get_window_for_open (self);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autoptr(GError) error = NULL;

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("“%s” is not a local file. Copy the database to this "
                         "computer first, then open the copy."),
                       uri);
          fid_window_show_open_error (window, error);
          continue;
        }

      open_in_window (self, window, path);
    }
}

static void
fid_application_dispose (GObject *object)
{
  FidApplication *self = FID_APPLICATION (object);

  g_clear_object (&self->plugins);  /* plugin hook (issue 4) */
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fid_application_parent_class)->dispose (object);
}

static void
fid_application_class_init (FidApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = fid_application_dispose;

  app_class->handle_local_options = fid_application_handle_local_options;
  app_class->startup = fid_application_startup;
  app_class->activate = fid_application_activate;
  app_class->open = fid_application_open;
}

static void
fid_application_init (FidApplication *self)
{
  self->demo_customers = FID_APPLICATION_DEFAULT_DEMO_CUSTOMERS;

  g_application_add_main_option (G_APPLICATION (self), "customers", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING,
                                 _("Number of customers in the demo bank made on first run (default: 20000)"),
                                 /* Translators: the value of --customers */
                                 _("N"));
  g_application_add_main_option (G_APPLICATION (self), "advisor", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING,
                                 _("Sign in as the advisor with this number"),
                                 /* Translators: the value of --advisor */
                                 _("ID"));
  /* Plugin hook (issue 4) */
  g_application_add_main_option (G_APPLICATION (self), "safe-mode", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Load the built-in plugins only"), NULL);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open a Fidelis database, or the demo bank when none is given."));
}

FidApplication *
fid_application_new (void)
{
  return g_object_new (FID_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/* The settings, or NULL when the schema is not installed. */
GSettings *
fid_application_get_settings (FidApplication *self)
{
  g_return_val_if_fail (FID_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The signed-in advisor: from --advisor or the settings; 0 when nobody
 * was chosen yet. */
gint64
fid_application_get_advisor_id (FidApplication *self)
{
  g_return_val_if_fail (FID_IS_APPLICATION (self), 0);

  if (self->settings != NULL)
    return g_settings_get_int64 (self->settings, "advisor-id");

  return self->advisor_id;
}

void
fid_application_set_advisor_id (FidApplication *self,
                                gint64          advisor_id)
{
  g_return_if_fail (FID_IS_APPLICATION (self));
  g_return_if_fail (advisor_id >= 0);

  self->advisor_id = advisor_id;
  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "advisor-id", advisor_id);
}

/* The demo bank's file in the user's data folder. */
char *
fid_application_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "fidelis", "demo-bank.db", NULL);
}

/* Opens @path in the active window, or in a new one when none is open. */
void
fid_application_open_database (FidApplication *self,
                               const char     *path)
{
  GtkWindow *active;
  FidWindow *window;

  g_return_if_fail (FID_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (FID_IS_WINDOW (active))
    {
      window = FID_WINDOW (active);
    }
  else
    {
      window = fid_window_new (self, NULL);
      gtk_window_present (GTK_WINDOW (window));
    }

  open_in_window (self, window, path);
}

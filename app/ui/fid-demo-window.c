/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDemoWindow: the first-run window that writes the demo bank, with its
 * progress and a Cancel button. Emits ::done when the bank is written; on
 * cancel or failure it closes itself (after telling why), and with it the
 * application when it was the last window. The generator writes into a
 * ".partial" file, so an interrupted run leaves nothing behind. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-demo.h"
#include "fid-demo-window.h"

/* The demo bank is always the same for a given size, and the same as
 * `fidelis-cli demo` makes by default. */
#define DEMO_SEED 1

struct _FidDemoWindow
{
  AdwWindow     parent_instance;

  char         *path;
  guint         n_customers;
  GCancellable *cancellable;
  gboolean      running;

  /* Template widgets */
  GtkLabel       *description_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *stage_label;
  GtkButton      *cancel_button;
};

enum {
  DONE,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FidDemoWindow, fid_demo_window, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static void
on_progress_cb (double      fraction,
                const char *stage,
                gpointer    user_data)
{
  FidDemoWindow *self = user_data;

  /* Disposed while the generator runs (the application quit). */
  if (self->progress_bar == NULL)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));

  if (stage != NULL && !g_cancellable_is_cancelled (self->cancellable))
    gtk_label_set_text (self->stage_label, stage);
}

static void
on_error_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             FidDemoWindow    *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_demo_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(FidDemoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean written;
  GtkWidget *dialog;

  self->running = FALSE;
  written = fid_demo_write_finish (FID_DEMO (object), result, &error);

  /* Disposed meanwhile (the application quit): nobody to tell. */
  if (self->progress_bar == NULL)
    return;

  /* Cancelled, or written anyway although the user asked to stop: honour
   * the request (a complete bank is simply there next time). */
  if (g_cancellable_is_cancelled (self->cancellable) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (!written)
    {
      g_debug ("Cannot create the demo bank: %s", error->message);

      dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                       _("Could Not Create the Demo Bank"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      g_signal_connect_object (dialog, "response",
                               G_CALLBACK (on_error_dialog_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  g_signal_emit (self, signals[DONE], 0);
}

static void
on_cancel_button_clicked_cb (GtkButton     *button,
                             FidDemoWindow *self)
{
  fid_demo_window_cancel (self);
}

static gboolean
fid_demo_window_close_request (GtkWindow *window)
{
  FidDemoWindow *self = FID_DEMO_WINDOW (window);

  /* Closing is cancelling: the window goes once the generator stopped. */
  if (self->running)
    {
      fid_demo_window_cancel (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (fid_demo_window_parent_class)->close_request (window);
}

static void
fid_demo_window_dispose (GObject *object)
{
  FidDemoWindow *self = FID_DEMO_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_DEMO_WINDOW);

  G_OBJECT_CLASS (fid_demo_window_parent_class)->dispose (object);
}

static void
fid_demo_window_finalize (GObject *object)
{
  FidDemoWindow *self = FID_DEMO_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (fid_demo_window_parent_class)->finalize (object);
}

static void
fid_demo_window_class_init (FidDemoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fid_demo_window_dispose;
  object_class->finalize = fid_demo_window_finalize;

  window_class->close_request = fid_demo_window_close_request;

  /**
   * FidDemoWindow::done:
   *
   * The demo bank is written at the window's path and ready to open.
   */
  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-demo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FidDemoWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, FidDemoWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FidDemoWindow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, FidDemoWindow, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fid_demo_window_init (FidDemoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

FidDemoWindow *
fid_demo_window_new (GtkApplication *application,
                     const char     *path,
                     guint           n_customers)
{
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;
  FidDemoWindow *self;

  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (n_customers > 0, NULL);

  self = g_object_new (FID_TYPE_DEMO_WINDOW,
                       "application", application,
                       NULL);
  self->path = g_strdup (path);
  self->n_customers = n_customers;

  number = g_strdup_printf ("%'u", n_customers);
  description = g_strdup_printf (ngettext ("Fidelis is making a fictional bank with %s customer "
                                           "for you to explore. This happens only once.",
                                           "Fidelis is making a fictional bank with %s customers "
                                           "for you to explore. This happens only once.",
                                           n_customers),
                                 number);
  gtk_label_set_text (self->description_label, description);

  return self;
}

const char *
fid_demo_window_get_path (FidDemoWindow *self)
{
  g_return_val_if_fail (FID_IS_DEMO_WINDOW (self), NULL);

  return self->path;
}

/* Starts writing the demo bank; ::done follows. */
void
fid_demo_window_start (FidDemoWindow *self)
{
  g_autoptr(FidDemo) demo = NULL;

  g_return_if_fail (FID_IS_DEMO_WINDOW (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  gtk_label_set_text (self->stage_label, _("Starting…"));

  demo = fid_demo_new (self->n_customers, DEMO_SEED);
  fid_demo_write_async (demo, self->path, self->cancellable,
                        on_progress_cb, g_object_ref (self), g_object_unref,
                        on_demo_written_cb, g_object_ref (self));
}

/* Stops the generator; the window closes when it has stopped. */
void
fid_demo_window_cancel (FidDemoWindow *self)
{
  g_return_if_fail (FID_IS_DEMO_WINDOW (self));

  if (!self->running)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_label_set_text (self->stage_label, _("Cancelling…"));
}

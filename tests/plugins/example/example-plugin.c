/* SPDX-License-Identifier: GPL-3.0-or-later */

/* An example third-party plugin: a "fax" channel, built as a loadable
 * module (shared_module, hidden visibility: only peas_register_types is
 * exported). Its symbols from Fidelis (fid_channel_*, fid_details_*) are
 * resolved from the executable, which exports them. Its type is a dynamic
 * type registered on the module, as loadable plugins should. */

#include <libpeas/peas.h>

#include "fid-channel.h"

#define EXAMPLE_TYPE_FAX_CHANNEL (example_fax_channel_get_type ())
G_DECLARE_FINAL_TYPE (ExampleFaxChannel, example_fax_channel, EXAMPLE, FAX_CHANNEL, GObject)

struct _ExampleFaxChannel
{
  GObject parent_instance;
  guint   loaded;
};

static void channel_iface_init (FidChannelInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ExampleFaxChannel, example_fax_channel, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (FID_TYPE_CHANNEL, channel_iface_init))

static void
example_load (FidChannel *channel)
{
  EXAMPLE_FAX_CHANNEL (channel)->loaded++;
}

static void
example_unload (FidChannel *channel)
{
  EXAMPLE_FAX_CHANNEL (channel)->loaded--;
}

static const char *
example_get_id (FidChannel *channel)
{
  return "fax";
}

static const char *
example_get_name (FidChannel *channel)
{
  /* A real plugin translates this with its own gettext domain. */
  return "Fax";
}

static const char *
example_get_icon_name (FidChannel *channel)
{
  return "printer-symbolic";
}

static const char *
example_get_description (FidChannel *channel)
{
  return "Faxes sent and received";
}

static FidChannelCapabilities
example_get_capabilities (FidChannel *channel)
{
  return FID_CHANNEL_CAN_LOG;
}

static void
channel_iface_init (FidChannelInterface *iface)
{
  iface->load = example_load;
  iface->unload = example_unload;
  iface->get_id = example_get_id;
  iface->get_name = example_get_name;
  iface->get_icon_name = example_get_icon_name;
  iface->get_description = example_get_description;
  iface->get_capabilities = example_get_capabilities;
}

static void
example_fax_channel_class_init (ExampleFaxChannelClass *klass)
{
}

static void
example_fax_channel_class_finalize (ExampleFaxChannelClass *klass)
{
}

static void
example_fax_channel_init (ExampleFaxChannel *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  example_fax_channel_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, FID_TYPE_CHANNEL, EXAMPLE_TYPE_FAX_CHANNEL);
}

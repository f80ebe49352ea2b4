/* jc-plugin-handle.h: what every typed plugin handle is — a handle that
 * may drive a PeerConnection
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include "jc-handle.h"
#include "jc-peer.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

#define JC_TYPE_PLUGIN_HANDLE (jc_plugin_handle_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (JcPluginHandle, jc_plugin_handle, JC, PLUGIN_HANDLE, JcHandle)

/**
 * JcPluginHandleClass:
 * @parent_class: the parent class
 *
 * The class of typed plugin handles.
 */
struct _JcPluginHandleClass
{
  JcHandleClass parent_class;

  /*< private >*/
  gpointer padding[8];
};

JC_AVAILABLE_IN_ALL
JcPeer *jc_plugin_handle_get_peer (JcPluginHandle *self);
JC_AVAILABLE_IN_ALL
void jc_plugin_handle_set_peer (JcPluginHandle *self,
                                JcPeer *peer);

G_END_DECLS

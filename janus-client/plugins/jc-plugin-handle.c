/* jc-plugin-handle.c: the base class of the typed plugin handles — it owns
 * the PeerConnection a plugin drives and the cancellable of the handle's
 * own background work
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-plugin-private.h"

/**
 * JcPluginHandle:
 *
 * The base class of the typed plugin handles ([class@VideoRoom],
 * [class@VideoCall], [class@Streaming], [class@AudioBridge],
 * [class@RecordPlay], [class@EchoTest], [class@TextRoom]): a
 * [class@Handle] that may drive a [class@Peer].
 *
 * The handle owns the peer it drives ([property@PluginHandle:peer]) —
 * making offers for what it publishes, answering Janus's offers, applying
 * Janus's answers — and lets go of it when it is detached, or when it is
 * given another. The peer in turn lets go of its handle once the handle is
 * detached, so the two never keep each other alive.
 *
 * Each plugin class tells what it does with the peer; a class of your own
 * for another plugin derives from this one and reads the peer with
 * [method@PluginHandle.get_peer]:
 *
 * ```c
 * g_autoptr (JcPeer) peer = jc_peer_new (JC_HANDLE (call));
 *
 * jc_peer_set_source (peer, source);
 * jc_peer_set_sink (peer, sink);
 * jc_plugin_handle_set_peer (JC_PLUGIN_HANDLE (call), peer); // or jc_video_call_set_peer ()
 * ```
 */

typedef struct
{
  JcPeer *peer;              /* (owned) (nullable) */
  GCancellable *cancellable; /* (owned) cancelled in dispose and on detach */
} JcPluginHandlePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JcPluginHandle, jc_plugin_handle, JC_TYPE_HANDLE)

enum
{
  PROP_0,
  PROP_PEER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jc_plugin_handle_dispose (GObject *object)
{
  JcPluginHandlePrivate *priv = jc_plugin_handle_get_instance_private (JC_PLUGIN_HANDLE (object));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->peer);
  G_OBJECT_CLASS (jc_plugin_handle_parent_class)->dispose (object);
}

static void
jc_plugin_handle_finalize (GObject *object)
{
  JcPluginHandlePrivate *priv = jc_plugin_handle_get_instance_private (JC_PLUGIN_HANDLE (object));

  g_clear_object (&priv->cancellable);
  G_OBJECT_CLASS (jc_plugin_handle_parent_class)->finalize (object);
}

static void
jc_plugin_handle_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcPluginHandle *self = JC_PLUGIN_HANDLE (object);

  switch (prop_id)
    {
    case PROP_PEER:
      g_value_set_object (value, jc_plugin_handle_get_peer (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_plugin_handle_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JcPluginHandle *self = JC_PLUGIN_HANDLE (object);

  switch (prop_id)
    {
    case PROP_PEER:
      jc_plugin_handle_set_peer (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Once detached nothing more will be negotiated: background work stops
 * and the peer goes (the application may still hold it, e.g. to read its
 * statistics). */
static void
jc_plugin_handle_detached (JcHandle *handle)
{
  JcPluginHandle *self = JC_PLUGIN_HANDLE (handle);
  JcPluginHandlePrivate *priv = jc_plugin_handle_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  jc_plugin_handle_set_peer (self, NULL);
  if (JC_HANDLE_CLASS (jc_plugin_handle_parent_class)->detached != NULL)
    JC_HANDLE_CLASS (jc_plugin_handle_parent_class)->detached (handle);
}

static void
jc_plugin_handle_class_init (JcPluginHandleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jc_plugin_handle_dispose;
  object_class->finalize = jc_plugin_handle_finalize;
  object_class->get_property = jc_plugin_handle_get_property;
  object_class->set_property = jc_plugin_handle_set_property;
  JC_HANDLE_CLASS (klass)->detached = jc_plugin_handle_detached;

  /**
   * JcPluginHandle:peer:
   *
   * The PeerConnection this handle drives, or %NULL.
   */
  properties[PROP_PEER] = g_param_spec_object ("peer", NULL, NULL, JC_TYPE_PEER,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jc_plugin_handle_init (JcPluginHandle *self)
{
  JcPluginHandlePrivate *priv = jc_plugin_handle_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}

/**
 * jc_plugin_handle_get_peer:
 * @self: a plugin handle
 *
 * Gets the peer this handle drives.
 *
 * Returns: (transfer none) (nullable): the peer
 */
JcPeer *
jc_plugin_handle_get_peer (JcPluginHandle *self)
{
  JcPluginHandlePrivate *priv;

  g_return_val_if_fail (JC_IS_PLUGIN_HANDLE (self), NULL);

  priv = jc_plugin_handle_get_instance_private (self);
  return priv->peer;
}

/**
 * jc_plugin_handle_set_peer:
 * @self: a plugin handle
 * @peer: (nullable): a peer made for @self, or %NULL to let go of it
 *
 * Gives the handle the peer it drives; it keeps a reference until it is
 * detached or given another.
 */
void
jc_plugin_handle_set_peer (JcPluginHandle *self, JcPeer *peer)
{
  JcPluginHandlePrivate *priv;

  g_return_if_fail (JC_IS_PLUGIN_HANDLE (self));
  g_return_if_fail (peer == NULL || JC_IS_PEER (peer));

  priv = jc_plugin_handle_get_instance_private (self);
  if (g_set_object (&priv->peer, peer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEER]);
}

GCancellable *
jc_plugin_handle_get_cancellable (gpointer self)
{
  JcPluginHandlePrivate *priv = jc_plugin_handle_get_instance_private (JC_PLUGIN_HANDLE (self));

  return priv->cancellable;
}

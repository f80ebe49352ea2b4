/* jc-peer-data.c: JcPeer's side of its data channels (creating them,
 * the ones Janus opens, closing them all)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gst/webrtc/webrtc.h>

#include "jc-data-channel-private.h"
#include "jc-error.h"

void
jc_peer_data_class_init (GObjectClass *klass)
{
  /**
   * JcPeer::data-channel:
   * @self: the peer
   * @channel: the channel Janus opened
   *
   * Emitted in the peer's main context when the other side opened a data
   * channel (Janus does when it answers on a label the client has no
   * channel for). The peer keeps @channel; its
   * [signal@DataChannel::open] follows when it is open already.
   */
  jc_peer_data_channel_signal = g_signal_new ("data-channel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                              NULL, NULL, G_TYPE_NONE, 1, JC_TYPE_DATA_CHANNEL);
}

typedef struct
{
  GstWebRTCDataChannel *channel; /* (owned) (nullable once wrapped) */
  ChannelBridge *bridge;         /* (owned) (nullable once wrapped) */
} RemoteHop;

static void
remote_hop_free (gpointer data)
{
  RemoteHop *rh = data;

  if (rh->channel != NULL)
    {
      g_signal_handlers_disconnect_matched (rh->channel, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, rh->bridge);
      g_object_unref (rh->channel);
    }
  if (rh->bridge != NULL)
    jc_data_channel_bridge_unref (rh->bridge);
  g_free (rh);
}

static void
deliver_remote_channel (JcPeer *self, gpointer data)
{
  RemoteHop *rh = data;
  g_autoptr (JcDataChannel) channel = NULL;

  if (self->stopped)
    return;
  channel = jc_data_channel_wrap (g_steal_pointer (&rh->channel), g_steal_pointer (&rh->bridge));
  g_debug ("Handle %" G_GUINT64_FORMAT ": Janus opened data channel “%s”", self->handle_id, jc_data_channel_get_label (channel));
  g_ptr_array_add (self->data_channels, g_object_ref (channel));
  g_signal_emit (self, jc_peer_data_channel_signal, 0, channel);
  jc_data_channel_sync_state (channel);
}

/* webrtcbin's thread: listen to the channel at once (its first messages
 * follow this hop, in order), then hop. */
static void
on_data_channel (GstElement *webrtc, GstWebRTCDataChannel *channel, gpointer user_data)
{
  RemoteHop *rh = g_new0 (RemoteHop, 1);

  rh->channel = g_object_ref (channel);
  rh->bridge = jc_data_channel_bridge_new (user_data);
  jc_data_channel_connect (channel, rh->bridge);
  jc_peer_hop (user_data, deliver_remote_channel, rh, remote_hop_free);
}

void
jc_peer_data_init (JcPeer *self)
{
  self->data_channels = g_ptr_array_new_with_free_func (g_object_unref);
  jc_peer_connect_bridged (self, self->webrtc, "on-data-channel", G_CALLBACK (on_data_channel));
}

void
jc_peer_data_close_all (JcPeer *self, gboolean emit)
{
  g_autoptr (GPtrArray) channels = NULL;

  if (self->data_channels == NULL)
    return;
  /* Handlers of closed may create or drop channels. */
  channels = g_ptr_array_copy (self->data_channels, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  for (guint i = 0; i < channels->len; i++)
    {
      JcDataChannel *channel = g_ptr_array_index (channels, i);

      jc_data_channel_mark_closed (channel, emit);
      jc_data_channel_detach (channel);
    }
}

void
jc_peer_data_finalize (JcPeer *self)
{
  g_clear_pointer (&self->data_channels, g_ptr_array_unref);
}

/**
 * jc_peer_create_data_channel:
 * @self: a peer
 * @label: the channel's label (Janus's TextRoom wants `JanusDataChannel`)
 * @error: return location for a #GError
 *
 * Creates a reliable, ordered data channel. Created before
 * [method@Peer.create_offer_async] or [method@Peer.create_answer_async],
 * it makes the offer or answer carry an `m=application` line, also for
 * a peer with no source and no sink; created once the PeerConnection is
 * up, it opens without renegotiation. Messages sent before it opens are
 * queued. Fails with %JC_ERROR_INVALID_ARGUMENT when the peer has a
 * channel with this label that is not closed, %JC_ERROR_CLOSED once the
 * peer stopped, %JC_ERROR_MEDIA when webrtcbin refuses.
 *
 * Returns: (transfer full): the channel, which the peer keeps as well
 */
JcDataChannel *
jc_peer_create_data_channel (JcPeer *self, const char *label, GError **error)
{
  GstWebRTCDataChannel *gst_channel = NULL;
  JcDataChannel *existing, *channel;
  ChannelBridge *cb;

  g_return_val_if_fail (JC_IS_PEER (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->stopped || self->pipeline == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_CLOSED, "Cannot create data channel “%s”: the peer is stopped", label);
      return NULL;
    }
  if (strlen (label) > G_MAXUINT16 || !g_utf8_validate (label, -1, NULL))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                   "A data channel label must be UTF-8 of at most %u bytes", (guint) G_MAXUINT16);
      return NULL;
    }
  existing = jc_peer_get_data_channel (self, label);
  if (existing != NULL && jc_data_channel_get_state (existing) != JC_DATA_CHANNEL_STATE_CLOSED)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "The peer has a data channel “%s” already", label);
      return NULL;
    }
  /* webrtcbin refuses data channels until its thread runs (NULL →
   * READY); the source may still be set until negotiation starts. */
  if (!self->started && gst_element_set_state (self->pipeline, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot create data channel “%s”: webrtcbin does not start",
                   label);
      return NULL;
    }
  g_signal_emit_by_name (self->webrtc, "create-data-channel", label, NULL, &gst_channel);
  if (gst_channel == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "webrtcbin refused to create data channel “%s”", label);
      return NULL;
    }
  cb = jc_data_channel_bridge_new (self->bridge);
  jc_data_channel_connect (gst_channel, cb);
  channel = jc_data_channel_wrap (gst_channel, cb);
  g_ptr_array_add (self->data_channels, g_object_ref (channel));
  /* Created on an association that is up, it may be open already (its
   * on-open may have come before we listened). */
  jc_data_channel_open_if_ready (channel);
  return channel;
}

/**
 * jc_peer_get_data_channel:
 * @self: a peer
 * @label: a label
 *
 * Finds the peer's newest data channel labelled @label, created here or
 * opened by Janus.
 *
 * Returns: (transfer none) (nullable): the channel, or %NULL
 */
JcDataChannel *
jc_peer_get_data_channel (JcPeer *self, const char *label)
{
  g_return_val_if_fail (JC_IS_PEER (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  for (guint i = self->data_channels->len; i > 0; i--)
    {
      JcDataChannel *channel = g_ptr_array_index (self->data_channels, i - 1);

      if (g_strcmp0 (jc_data_channel_get_label (channel), label) == 0)
        return channel;
    }
  return NULL;
}

/**
 * jc_peer_get_data_channels:
 * @self: a peer
 *
 * Gets the peer's data channels, oldest first, closed ones included.
 *
 * Returns: (transfer container) (element-type JcDataChannel): the
 *   channels
 */
GPtrArray *
jc_peer_get_data_channels (JcPeer *self)
{
  GPtrArray *channels;

  g_return_val_if_fail (JC_IS_PEER (self), NULL);

  channels = g_ptr_array_sized_new (self->data_channels->len);
  for (guint i = 0; i < self->data_channels->len; i++)
    g_ptr_array_add (channels, g_ptr_array_index (self->data_channels, i));
  return channels;
}

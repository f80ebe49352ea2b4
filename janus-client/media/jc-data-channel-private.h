/* jc-data-channel-private.h: what JcPeer calls of its data channels
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-data-channel.h"
#include "jc-peer-private.h"

G_BEGIN_DECLS

/* What webrtcbin's threads hold for one channel: never the channel nor
 * the peer. @channel is set in the peer's context before any event of
 * the channel is delivered there (hops run in order). */
typedef struct
{
  GWeakRef channel; /* JcDataChannel */
  PeerBridge *peer; /* (owned) */
} ChannelBridge;

/* jc-data-channel.c, for jc-peer-data.c */
extern guint jc_peer_data_channel_signal;
ChannelBridge *jc_data_channel_bridge_new (PeerBridge *peer);
void jc_data_channel_bridge_unref (gpointer cb);
/* Listens to webrtcbin's @channel through @cb (any thread). */
void jc_data_channel_connect (GstWebRTCDataChannel *channel, ChannelBridge *cb);
/* Wraps webrtcbin's @channel, whose events reach @cb already; takes both. */
JcDataChannel *jc_data_channel_wrap (GstWebRTCDataChannel *channel, ChannelBridge *cb);
/* Follows webrtcbin's ready-state (in the peer's context). */
void jc_data_channel_sync_state (JcDataChannel *self);
/* Marks the channel closed (@emit: notify and JcDataChannel::closed), and
 * stops listening to webrtcbin's channel. */
void jc_data_channel_mark_closed (JcDataChannel *self, gboolean emit);
void jc_data_channel_detach (JcDataChannel *self);
/* Emits "open" (in a hop) when webrtcbin's channel is open already: one
 * created on an association that is up may be. */
void jc_data_channel_open_if_ready (JcDataChannel *self);

/* JcPeer::data-channel, registered on JcPeer's class. */
void jc_peer_data_class_init (GObjectClass *klass);
/* From JcPeer's constructed (): listens for channels Janus opens. */
void jc_peer_data_init (JcPeer *self);
/* Closes every channel. @emit: each emits notify::state and
 * JcDataChannel::closed (not from dispose). */
void jc_peer_data_close_all (JcPeer *self, gboolean emit);
/* From JcPeer's finalize (). */
void jc_peer_data_finalize (JcPeer *self);

G_END_DECLS

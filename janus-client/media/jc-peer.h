/* jc-peer.h: one WebRTC PeerConnection for one handle
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <gio/gio.h>
#include <gst/gst.h>
#include <json-glib/json-glib.h>

#include "jc-data-channel.h"
#include "jc-handle.h"
#include "jc-media-sink.h"
#include "jc-media-source.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

#define JC_TYPE_PEER (jc_peer_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcPeer, jc_peer, JC, PEER, GObject)

JC_AVAILABLE_IN_ALL
JcPeer *jc_peer_new (JcHandle *handle);
JC_AVAILABLE_IN_ALL
JcHandle *jc_peer_get_handle (JcPeer *self);

JC_AVAILABLE_IN_ALL
void jc_peer_set_source (JcPeer *self,
                         JcMediaSource *source);
JC_AVAILABLE_IN_ALL
void jc_peer_set_sink (JcPeer *self,
                       JcMediaSink *sink);
JC_AVAILABLE_IN_ALL
void jc_peer_set_stun_server (JcPeer *self,
                              const char *uri);
JC_AVAILABLE_IN_ALL
void jc_peer_add_turn_server (JcPeer *self,
                              const char *uri);
JC_AVAILABLE_IN_ALL
void jc_peer_set_local_addresses (JcPeer *self,
                                  const char *const *addresses);
JC_AVAILABLE_IN_ALL
void jc_peer_set_latency (JcPeer *self,
                          guint latency_ms);

JC_AVAILABLE_IN_ALL
const char *jc_peer_get_ice_state (JcPeer *self);
JC_AVAILABLE_IN_ALL
const char *jc_peer_get_connection_state (JcPeer *self);
JC_AVAILABLE_IN_ALL
gboolean jc_peer_is_webrtcup (JcPeer *self);
JC_AVAILABLE_IN_ALL
GstElement *jc_peer_get_pipeline (JcPeer *self);

JC_AVAILABLE_IN_ALL
void jc_peer_create_offer_async (JcPeer *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_peer_create_offer_finish (JcPeer *self,
                                         GAsyncResult *result,
                                         GError **error);

JC_AVAILABLE_IN_ALL
void jc_peer_set_remote_description_async (JcPeer *self,
                                           JsonObject *jsep,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_peer_set_remote_description_finish (JcPeer *self,
                                                GAsyncResult *result,
                                                GError **error);

JC_AVAILABLE_IN_ALL
void jc_peer_create_answer_async (JcPeer *self,
                                  JsonObject *offer,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_peer_create_answer_finish (JcPeer *self,
                                          GAsyncResult *result,
                                          GError **error);

JC_AVAILABLE_IN_ALL
void jc_peer_stop_async (JcPeer *self,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_peer_stop_finish (JcPeer *self,
                              GAsyncResult *result,
                              GError **error);

JC_AVAILABLE_IN_ALL
JsonArray *jc_peer_get_track_stats (JcPeer *self);

JC_AVAILABLE_IN_ALL
JcDataChannel *jc_peer_create_data_channel (JcPeer *self,
                                            const char *label,
                                            GError **error);
JC_AVAILABLE_IN_ALL
JcDataChannel *jc_peer_get_data_channel (JcPeer *self,
                                         const char *label);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_peer_get_data_channels (JcPeer *self);

G_END_DECLS

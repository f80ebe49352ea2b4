/* jc-peer.c: one WebRTC PeerConnection for one handle
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-peer.h"

#include <agent.h>
#include <gst/sdp/sdp.h>
#include <gst/video/video.h>
#include <gst/webrtc/webrtc.h>

#include "jc-data-channel-private.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-media-private.h"
#include "jc-peer-private.h"

/**
 * JcPeer:
 *
 * One WebRTC PeerConnection, through GStreamer's webrtcbin, for one
 * [class@Handle].
 *
 * The peer sends what its [class@MediaSource] gives and hands each track
 * it receives to its [class@MediaSink]. It offers
 * ([method@Peer.create_offer_async], then
 * [method@Peer.set_remote_description_async] with Janus's answer) or
 * answers Janus's offer ([method@Peer.create_answer_async]). ICE
 * candidates are trickled through the handle both ways; Janus's early
 * candidates wait until the remote description is set. When Janus says
 * `webrtcup`, a keyframe is forced (Janus may drop the first one).
 *
 * An answer is returned once webrtcbin has applied it. While Janus's offer
 * is being answered, RTP of streams that were not flowing yet is dropped:
 * webrtcbin 1.22 cannot take a new stream before the answer exists, and
 * Janus may start one early (a feed added to a subscription whose
 * PeerConnection comes up meanwhile). Such a stream loses its first
 * milliseconds; its decoder asks for a key frame as usual.
 *
 * webrtcbin's own threads never touch the peer: everything is handed to
 * the main context that was the thread-default when the peer was created.
 *
 * Offering, for plugins that take our offer (EchoTest, a VideoRoom
 * publisher, Record&Play recording):
 *
 * ```c
 * static void
 * on_offer (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr (GError) error = NULL;
 *   g_autoptr (JsonObject) offer = jc_peer_create_offer_finish (JC_PEER (source), result, &error);
 *
 *   if (offer == NULL)
 *     g_printerr ("no offer: %s\n", error->message);
 *   // else: send it with the plugin's request (jc_handle_send_async (handle, body, offer, …)),
 *   // then jc_peer_set_remote_description_async (peer, answer, …) with the jsep Janus answers
 * }
 *
 * peer = jc_peer_new (handle);
 * jc_peer_set_source (peer, source);   // what we send
 * jc_peer_set_sink (peer, sink);       // where what we receive goes
 * jc_peer_create_offer_async (peer, NULL, on_offer, NULL);
 * ```
 *
 * Answering, when Janus offers (a VideoRoom subscriber, Streaming, the
 * callee of a VideoCall; the plugin classes do this for you once given
 * the peer):
 *
 * ```c
 * jc_peer_create_answer_async (peer, janus_offer, NULL, on_answer, NULL);
 * // on_answer: jc_peer_create_answer_finish () gives the jsep to send back with `start`
 * ```
 *
 * Stop the peer with [method@Peer.stop_async] before dropping it: that
 * closes the PeerConnection and finalises the sink's files.
 */

G_DEFINE_FINAL_TYPE (JcPeer, jc_peer, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_HANDLE,
  PROP_ICE_STATE,
  PROP_CONNECTION_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bridge_clear (PeerBridge *bridge)
{
  g_weak_ref_clear (&bridge->peer);
  g_main_context_unref (bridge->context);
}

void
jc_peer_bridge_unref (gpointer bridge)
{
  g_atomic_rc_box_release_full (bridge, (GDestroyNotify) bridge_clear);
}

/* Runs @func (peer, data) in the peer's context if the peer still lives. */

typedef struct
{
  PeerBridge *bridge;
  PeerHopFunc func;
  gpointer data;
  GDestroyNotify free_data;
} PeerHop;

static gboolean
hop_dispatch (gpointer user_data)
{
  PeerHop *hop = user_data;
  g_autoptr (JcPeer) self = g_weak_ref_get (&hop->bridge->peer);

  if (self != NULL)
    hop->func (self, hop->data);
  return G_SOURCE_REMOVE;
}

static void
hop_free (gpointer user_data)
{
  PeerHop *hop = user_data;

  if (hop->free_data != NULL && hop->data != NULL)
    hop->free_data (hop->data);
  jc_peer_bridge_unref (hop->bridge);
  g_free (hop);
}

void
jc_peer_hop (PeerBridge *bridge, PeerHopFunc func, gpointer data, GDestroyNotify free_data)
{
  PeerHop *h = g_new0 (PeerHop, 1);
  GSource *source = g_idle_source_new ();

  h->bridge = g_atomic_rc_box_acquire (bridge);
  h->func = func;
  h->data = data;
  h->free_data = free_data;
  g_source_set_static_name (source, "[janus-client] webrtcbin hop");
  g_source_set_callback (source, hop_dispatch, h, hop_free);
  g_source_attach (source, bridge->context);
  g_source_unref (source);
}

void
jc_peer_connect_bridged (JcPeer *self, gpointer instance, const char *signal, GCallback callback)
{
  g_signal_connect_data (instance, signal, callback, g_atomic_rc_box_acquire (self->bridge),
                         (GClosureNotify) (void (*) (void)) jc_peer_bridge_unref, 0);
}

void
jc_peer_set_error (JcPeer *self, GError *error)
{
  if (self->error == NULL)
    self->error = g_error_copy (error);
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
}

/* Counting */

/* Bus */

static gboolean
on_bus_message (GstBus *bus, GstMessage *message, gpointer user_data)
{
  JcPeer *self = user_data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr (GError) gst_error = NULL;
      g_autofree char *debug = NULL;
      g_autoptr (GError) error = NULL;

      gst_message_parse_error (message, &gst_error, &debug);
      g_debug ("GStreamer error from %s: %s (%s)", GST_OBJECT_NAME (message->src), gst_error->message,
               debug != NULL ? debug : "");
      if (self->stopped)
        return G_SOURCE_CONTINUE;
      error = g_error_new (JC_ERROR, JC_ERROR_MEDIA, "Media pipeline error in %s: %s", GST_OBJECT_NAME (message->src),
                           gst_error->message);
      jc_peer_set_error (self, error);
    }
  return G_SOURCE_CONTINUE;
}

/* GObject */

static void
jc_peer_constructed (GObject *object)
{
  JcPeer *self = JC_PEER (object);
  g_autofree char *name = NULL;
  g_autoptr (GstBus) bus = NULL;

  G_OBJECT_CLASS (jc_peer_parent_class)->constructed (object);

  self->handle_id = jc_handle_get_id (self->handle);
  name = g_strdup_printf ("jc-peer-%" G_GUINT64_FORMAT, self->handle_id);
  self->pipeline = gst_object_ref_sink (gst_pipeline_new (name));
  self->webrtc = gst_element_factory_make ("webrtcbin", "webrtc");
  g_assert (self->webrtc != NULL);
  g_object_set (self->webrtc, "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_MAX_BUNDLE, "latency", 100, NULL);
  gst_bin_add (GST_BIN (self->pipeline), self->webrtc);
  self->guard = jc_peer_guard_new (self->webrtc);

  /* No ICE-TCP (Janus does not use it here) and no UPnP (noise). */
  {
    GObject *ice = NULL;

    g_object_get (self->webrtc, "ice-agent", &ice, NULL);
    if (ice != NULL)
      {
        GObject *agent = NULL;

        if (g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "ice-tcp") != NULL)
          g_object_set (ice, "ice-tcp", FALSE, NULL);
        if (g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "agent") != NULL)
          g_object_get (ice, "agent", &agent, NULL);
        if (agent != NULL)
          {
            g_object_set (agent, "upnp", FALSE, NULL);
            g_object_unref (agent);
          }
        g_object_unref (ice);
      }
  }

  self->bridge = g_atomic_rc_box_new0 (PeerBridge);
  g_weak_ref_init (&self->bridge->peer, self);
  self->bridge->context = g_main_context_ref (self->context);

  jc_peer_ice_connect_webrtc (self);
  jc_peer_connect_bridged (self, self->webrtc, "pad-added", G_CALLBACK (jc_peer_on_pad_added));
  jc_peer_connect_bridged (self, self->webrtc, "pad-removed", G_CALLBACK (jc_peer_on_pad_removed));
  jc_peer_data_init (self);

  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_static_name (self->bus_source, "[janus-client] peer bus");
  g_source_set_callback (self->bus_source, G_SOURCE_FUNC (on_bus_message), self, NULL);
  g_source_attach (self->bus_source, self->context);

  /* Deployments (and tests) that must keep media on given interfaces
   * without changing the application. */
  {
    const char *env = g_getenv ("JANUS_CLIENT_ICE_ADDRESSES");

    if (env != NULL && *env != '\0')
      {
        g_auto (GStrv) addresses = g_strsplit_set (env, ", ", -1);
        g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
        g_auto (GStrv) kept = NULL;

        for (guint i = 0; addresses[i] != NULL; i++)
          if (*addresses[i] != '\0')
            g_strv_builder_add (builder, addresses[i]);
        kept = g_strv_builder_end (builder);
        jc_peer_set_local_addresses (self, (const char *const *) kept);
      }
  }

  jc_peer_ice_connect_handle (self);
}

void
jc_peer_teardown (JcPeer *self)
{
  if (self->pipeline == NULL)
    return;
  self->stopped = TRUE;
  /* Joins webrtcbin's and the streaming threads. */
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
}

static void
jc_peer_dispose (GObject *object)
{
  JcPeer *self = JC_PEER (object);

  jc_peer_teardown (self);
  jc_peer_data_close_all (self, FALSE);
  jc_peer_release_handle (self);
  if (self->bus_source != NULL)
    {
      g_source_destroy (self->bus_source);
      g_clear_pointer (&self->bus_source, g_source_unref);
    }
  if (self->webrtc != NULL)
    g_signal_handlers_disconnect_matched (self->webrtc, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self->bridge);
  if (self->tracks != NULL)
    {
      g_mutex_lock (&self->tracks_lock);
      g_ptr_array_set_size (self->tracks, 0);
      g_mutex_unlock (&self->tracks_lock);
    }
  g_clear_object (&self->pipeline);
  self->webrtc = NULL;
  g_clear_object (&self->source);
  g_clear_object (&self->sink);

  G_OBJECT_CLASS (jc_peer_parent_class)->dispose (object);
}

static void
jc_peer_finalize (GObject *object)
{
  JcPeer *self = JC_PEER (object);

  if (self->bridge != NULL)
    jc_peer_bridge_unref (self->bridge);
  g_clear_pointer (&self->guard, jc_peer_guard_unref);
  g_ptr_array_unref (self->tracks);
  g_mutex_clear (&self->tracks_lock);
  g_ptr_array_unref (self->pending_candidates);
  jc_peer_data_finalize (self);
  g_free (self->ice_state);
  g_free (self->connection_state);
  g_clear_error (&self->error);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (jc_peer_parent_class)->finalize (object);
}

static void
jc_peer_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcPeer *self = JC_PEER (object);

  switch (prop_id)
    {
    case PROP_HANDLE:
      g_value_set_object (value, self->handle);
      break;
    case PROP_ICE_STATE:
      g_value_set_string (value, self->ice_state);
      break;
    case PROP_CONNECTION_STATE:
      g_value_set_string (value, self->connection_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_peer_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JcPeer *self = JC_PEER (object);

  switch (prop_id)
    {
    case PROP_HANDLE:
      self->handle = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_peer_class_init (JcPeerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jc_peer_constructed;
  object_class->dispose = jc_peer_dispose;
  object_class->finalize = jc_peer_finalize;
  object_class->get_property = jc_peer_get_property;
  object_class->set_property = jc_peer_set_property;

  /**
   * JcPeer:handle:
   *
   * The handle whose PeerConnection this is; %NULL once the handle was
   * detached (the peer then lets go of it).
   */
  properties[PROP_HANDLE] =
      g_param_spec_object ("handle", NULL, NULL, JC_TYPE_HANDLE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcPeer:ice-state:
   *
   * The ICE connection state: `new`, `checking`, `connected`,
   * `completed`, `failed`, `disconnected` or `closed`.
   */
  properties[PROP_ICE_STATE] =
      g_param_spec_string ("ice-state", NULL, NULL, "new",
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * JcPeer:connection-state:
   *
   * The PeerConnection state: `new`, `connecting`, `connected`,
   * `disconnected`, `failed` or `closed`.
   */
  properties[PROP_CONNECTION_STATE] =
      g_param_spec_string ("connection-state", NULL, NULL, "new",
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcPeer::error:
   * @self: the peer
   * @error: what went wrong (%JC_ERROR_MEDIA)
   *
   * Emitted in the peer's main context when the media pipeline failed.
   */
  signals[SIGNAL_ERROR] =
      g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_ERROR);
  jc_peer_data_class_init (object_class);
}

static void
jc_peer_init (JcPeer *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_peer_track_free);
  g_mutex_init (&self->tracks_lock);
  self->pending_candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->ice_state = g_strdup ("new");
  self->connection_state = g_strdup ("new");
}

/**
 * jc_peer_new:
 * @handle: the handle whose PeerConnection this is
 *
 * Creates a peer for @handle. Set its source and sink before negotiating.
 *
 * Returns: (transfer full): a new peer
 */
JcPeer *
jc_peer_new (JcHandle *handle)
{
  g_return_val_if_fail (JC_IS_HANDLE (handle), NULL);

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
  return g_object_new (JC_TYPE_PEER, "handle", handle, NULL);
}

/**
 * jc_peer_get_handle:
 * @self: a peer
 *
 * Gets the peer's handle. The peer lets go of it once it is detached
 * (which breaks the reference cycle of a plugin handle that owns its
 * peer).
 *
 * Returns: (transfer none) (nullable): the handle, or %NULL once detached
 */
JcHandle *
jc_peer_get_handle (JcPeer *self)
{
  g_return_val_if_fail (JC_IS_PEER (self), NULL);

  return self->handle;
}

/**
 * jc_peer_set_source:
 * @self: a peer
 * @source: (nullable): what to send, or %NULL to receive only
 *
 * Sets what the peer sends. Call before negotiating.
 */
void
jc_peer_set_source (JcPeer *self, JcMediaSource *source)
{
  g_return_if_fail (JC_IS_PEER (self));
  g_return_if_fail (!self->started);

  g_set_object (&self->source, source);
}

/**
 * jc_peer_set_sink:
 * @self: a peer
 * @sink: (nullable): where incoming tracks go, or %NULL to drop them
 *
 * Sets where incoming tracks go. Call before negotiating.
 */
void
jc_peer_set_sink (JcPeer *self, JcMediaSink *sink)
{
  g_return_if_fail (JC_IS_PEER (self));
  g_return_if_fail (!self->started);

  g_set_object (&self->sink, sink);
}

/**
 * jc_peer_set_stun_server:
 * @self: a peer
 * @uri: (nullable): a `stun://host:port` URI
 *
 * Sets the STUN server used to find server-reflexive candidates.
 */
void
jc_peer_set_stun_server (JcPeer *self, const char *uri)
{
  g_return_if_fail (JC_IS_PEER (self));

  g_object_set (self->webrtc, "stun-server", uri, NULL);
}

/**
 * jc_peer_add_turn_server:
 * @self: a peer
 * @uri: a `turn(s)://user:password@host:port` URI
 *
 * Adds a TURN server for relayed candidates.
 */
void
jc_peer_add_turn_server (JcPeer *self, const char *uri)
{
  gboolean ok = FALSE;

  g_return_if_fail (JC_IS_PEER (self));
  g_return_if_fail (uri != NULL);

  g_signal_emit_by_name (self->webrtc, "add-turn-server", uri, &ok);
  if (!ok)
    g_debug ("webrtcbin refused a TURN server URI");
}

/**
 * jc_peer_set_local_addresses:
 * @self: a peer
 * @addresses: (array zero-terminated=1): IP addresses to gather
 *   candidates on
 *
 * Restricts ICE gathering to these local addresses (for hosts with many
 * interfaces, or tests that must keep traffic on one link). Call before
 * negotiating. The environment variable `JANUS_CLIENT_ICE_ADDRESSES` (IP
 * addresses separated by commas) does the same for every peer a process
 * creates; addresses given here are added to those.
 */
void
jc_peer_set_local_addresses (JcPeer *self, const char *const *addresses)
{
  GObject *ice = NULL;
  NiceAgent *agent = NULL;

  g_return_if_fail (JC_IS_PEER (self));
  g_return_if_fail (addresses != NULL);

  g_object_get (self->webrtc, "ice-agent", &ice, NULL);
  if (ice != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "agent") != NULL)
    g_object_get (ice, "agent", &agent, NULL);
  if (agent != NULL)
    {
      for (guint i = 0; addresses[i] != NULL; i++)
        {
          NiceAddress address;

          nice_address_init (&address);
          if (nice_address_set_from_string (&address, addresses[i]))
            nice_agent_add_local_address (agent, &address);
          else
            g_debug ("Ignoring local address “%s”: not an IP address", addresses[i]);
        }
      g_object_unref (agent);
    }
  g_clear_object (&ice);
}

/**
 * jc_peer_set_latency:
 * @self: a peer
 * @latency_ms: the jitter buffer's latency in milliseconds
 *
 * Sets how long incoming packets may wait to be reordered (100 ms unless
 * set).
 */
void
jc_peer_set_latency (JcPeer *self, guint latency_ms)
{
  g_return_if_fail (JC_IS_PEER (self));

  g_object_set (self->webrtc, "latency", latency_ms, NULL);
}

/**
 * jc_peer_get_ice_state:
 * @self: a peer
 *
 * Gets [property@Peer:ice-state].
 *
 * Returns: (transfer none): the ICE connection state
 */
const char *
jc_peer_get_ice_state (JcPeer *self)
{
  g_return_val_if_fail (JC_IS_PEER (self), NULL);

  return self->ice_state;
}

/**
 * jc_peer_get_connection_state:
 * @self: a peer
 *
 * Gets [property@Peer:connection-state].
 *
 * Returns: (transfer none): the PeerConnection state
 */
const char *
jc_peer_get_connection_state (JcPeer *self)
{
  g_return_val_if_fail (JC_IS_PEER (self), NULL);

  return self->connection_state;
}

/**
 * jc_peer_is_webrtcup:
 * @self: a peer
 *
 * Tells whether Janus said `webrtcup` for this peer's handle.
 *
 * Returns: %TRUE once Janus's side of the PeerConnection is up
 */
gboolean
jc_peer_is_webrtcup (JcPeer *self)
{
  g_return_val_if_fail (JC_IS_PEER (self), FALSE);

  return self->webrtcup;
}

/**
 * jc_peer_get_pipeline:
 * @self: a peer
 *
 * Gets the GStreamer pipeline holding the peer's webrtcbin, source and
 * sink elements: for inspection and debugging (e.g.
 * `GST_DEBUG_BIN_TO_DOT_FILE`). Do not change its state.
 *
 * Returns: (transfer none) (nullable): the pipeline, or %NULL once the
 *   peer is disposed
 */
GstElement *
jc_peer_get_pipeline (JcPeer *self)
{
  g_return_val_if_fail (JC_IS_PEER (self), NULL);

  return self->pipeline;
}

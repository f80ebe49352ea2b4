/* jc-video-room.c: the VideoRoom plugin: the handle, its events, its
 * subscriber's negotiations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-session-private.h"
#include "jc-session.h"
#include "jc-video-room-private.h"

/**
 * JcVideoRoom:
 *
 * A handle on Janus's VideoRoom plugin, the SFU most deployments run. One
 * class covers the three roles the plugin knows:
 *
 * - room administration: [method@VideoRoom.create_async],
 *   [method@VideoRoom.list_participants_async] and every other request the
 *   plugin answers at once;
 * - publishers: [method@VideoRoom.join_publisher_async], then
 *   [method@VideoRoom.publish_media_async] with a [class@Peer] (or the
 *   raw [method@VideoRoom.publish_async] with an offer of your own);
 * - multistream subscribers: [method@VideoRoom.join_subscriber_async] with
 *   any number of feeds, [method@VideoRoom.subscribe_async] and
 *   [method@VideoRoom.unsubscribe_async] later. Give the handle a peer with
 *   [method@VideoRoom.set_peer] and every offer Janus makes — on joining,
 *   on subscribing, and when a publisher leaves — is answered for you;
 *   [method@VideoRoom.follow] subscribes to every publisher a publisher
 *   handle sees.
 *
 * Simulcast: a publisher whose source has
 * [method@MediaSource.set_simulcast] on sends three layers; a subscriber
 * picks one per stream with a `configure` whose `streams` entries carry
 * `mid` and `substream` (0 is the lowest), and hears which one Janus
 * forwards from [signal@VideoRoom::layer-changed]:
 *
 * ```c
 * g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
 * g_autoptr (JsonArray) streams = json_array_new ();
 * JsonObject *stream = json_object_new ();
 *
 * json_object_set_string_member (stream, "mid", video_mid);
 * json_object_set_int_member (stream, "substream", 0);
 * json_array_add_object_element (streams, stream);
 * jc_video_room_request_set_streams (options, streams);
 * jc_video_room_configure_async (subscriber, options, NULL, NULL, on_done, NULL);
 * ```
 *
 * Room and participant ids are [struct@Id]s: numbers, or strings
 * when the plugin runs with `string_ids`. Optional fields of any request
 * go in a [struct@VideoRoomRequest]. Errors the plugin answers arrive as
 * [error@PluginError] with the plugin's code ([enum@VideoRoomError]).
 *
 * ```c
 * g_autoptr (JcId) room = jc_id_new_number (1234);
 * g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
 * g_autoptr (JcPeer) peer = jc_peer_new (JC_HANDLE (videoroom));
 *
 * jc_peer_set_source (peer, source);
 * jc_video_room_request_set_display (options, "camera 1");
 * jc_video_room_publish_media_async (videoroom, room, peer, options, NULL,
 *                                    on_published, NULL);
 * ```
 */

G_DEFINE_FINAL_TYPE (JcVideoRoom, jc_video_room, JC_TYPE_PLUGIN_HANDLE)

guint jc_video_room_signals[VR_N_SIGNALS];

static void
negotiation_free (Negotiation *n)
{
  json_object_unref (n->offer);
  g_clear_object (&n->task);
  g_clear_pointer (&n->data, json_object_unref);
  g_free (n);
}

static void
jc_video_room_dispose (GObject *object)
{
  JcVideoRoom *self = JC_VIDEO_ROOM (object);
  g_autoptr (JcVideoRoom) followed = g_weak_ref_get (&self->followed);
  Negotiation *n;

  if (followed != NULL && self->followed_id != 0)
    g_signal_handler_disconnect (followed, self->followed_id);
  self->followed_id = 0;
  g_weak_ref_set (&self->followed, NULL);
  while ((n = g_queue_pop_head (&self->negotiations)) != NULL)
    {
      if (n->task != NULL)
        g_task_return_new_error (n->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The VideoRoom handle went away");
      negotiation_free (n);
    }
  g_clear_object (&self->sink);

  G_OBJECT_CLASS (jc_video_room_parent_class)->dispose (object);
}

static void
jc_video_room_finalize (GObject *object)
{
  JcVideoRoom *self = JC_VIDEO_ROOM (object);

  jc_id_free (self->room);
  jc_id_free (self->id);
  g_hash_table_unref (self->publishers);
  g_ptr_array_unref (self->streams);
  g_ptr_array_unref (self->pending_feeds);
  g_clear_pointer (&self->subscribing_feeds, g_ptr_array_unref);
  g_weak_ref_clear (&self->followed);

  G_OBJECT_CLASS (jc_video_room_parent_class)->finalize (object);
}

void
jc_video_room_emit_error (JcVideoRoom *self, const GError *error)
{
  g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_ERROR], 0, error);
}

static void
jc_video_room_event (JcHandle *handle, JsonObject *data, JsonObject *jsep)
{
  jc_video_room_dispatch_event (JC_VIDEO_ROOM (handle), data, jsep);
  if (JC_HANDLE_CLASS (jc_video_room_parent_class)->event != NULL)
    JC_HANDLE_CLASS (jc_video_room_parent_class)->event (handle, data, jsep);
}

static void
jc_video_room_class_init (JcVideoRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType id_type = JC_TYPE_ID | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->dispose = jc_video_room_dispose;
  object_class->finalize = jc_video_room_finalize;
  JC_HANDLE_CLASS (klass)->event = jc_video_room_event;

  /**
   * JcVideoRoom::joined:
   * @self: the handle
   * @room: the room
   * @id: our participant id
   *
   * Emitted in the handle's main context when the handle joined a room as
   * a publisher, before the join call completes.
   */
  jc_video_room_signals[VR_SIGNAL_JOINED] = g_signal_new ("joined", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                          NULL, G_TYPE_NONE, 2, id_type, id_type);
  /**
   * JcVideoRoom::publishers:
   * @self: the handle
   * @publishers: (element-type JcVideoRoomParticipant): the publishers,
   *   with their streams
   *
   * Emitted on publisher handles for the publishers present when joining
   * and for each one that starts publishing later.
   */
  jc_video_room_signals[VR_SIGNAL_PUBLISHERS] = g_signal_new ("publishers", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                              NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  /**
   * JcVideoRoom::unpublished:
   * @self: the handle
   * @feed: the publisher that stopped publishing
   *
   * Emitted on publisher handles when another publisher unpublished.
   */
  jc_video_room_signals[VR_SIGNAL_UNPUBLISHED] = g_signal_new ("unpublished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                               NULL, NULL, NULL, G_TYPE_NONE, 1, id_type);
  /**
   * JcVideoRoom::leaving:
   * @self: the handle
   * @feed: the participant that left
   * @reason: (nullable): why, when Janus says
   *
   * Emitted on publisher handles when another participant left the room.
   */
  jc_video_room_signals[VR_SIGNAL_LEAVING] = g_signal_new ("leaving", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::kicked:
   * @self: the handle
   * @feed: the participant kicked out: another one, or our own id when we
   *   were
   *
   * Emitted when a participant was kicked out of the room.
   */
  jc_video_room_signals[VR_SIGNAL_KICKED] = g_signal_new ("kicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                          NULL, G_TYPE_NONE, 1, id_type);
  /**
   * JcVideoRoom::joining:
   * @self: the handle
   * @feed: the participant that joined
   * @display: (nullable): its display name
   *
   * Emitted for every participant that joins a room created with
   * `notify_joining`, publisher or not.
   */
  jc_video_room_signals[VR_SIGNAL_JOINING] = g_signal_new ("joining", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::talking:
   * @self: the handle
   * @feed: the publisher
   * @mid: (nullable): its audio stream
   *
   * Emitted when a publisher starts talking (rooms with
   * `audiolevel_event`).
   */
  jc_video_room_signals[VR_SIGNAL_TALKING] = g_signal_new ("talking", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::stopped-talking:
   * @self: the handle
   * @feed: the publisher
   * @mid: (nullable): its audio stream
   *
   * Emitted when a publisher stops talking.
   */
  jc_video_room_signals[VR_SIGNAL_STOPPED_TALKING] = g_signal_new ("stopped-talking", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::updated:
   * @self: the handle
   * @streams: (element-type JcVideoRoomStream): the subscription's
   *   streams now
   *
   * Emitted on subscriber handles whenever the subscription's streams
   * changed: on joining, subscribing, unsubscribing, and when Janus changed
   * it on its own (a publisher left or unpublished) and offered a new SDP.
   * With a peer ([method@VideoRoom.set_peer]) every offer is answered for
   * you.
   */
  jc_video_room_signals[VR_SIGNAL_UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  /**
   * JcVideoRoom::destroyed:
   * @self: the handle
   * @room: the room
   *
   * Emitted when the room the handle is in was destroyed.
   */
  jc_video_room_signals[VR_SIGNAL_DESTROYED] = g_signal_new ("destroyed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                             NULL, NULL, G_TYPE_NONE, 1, id_type);
  /**
   * JcVideoRoom::configured:
   * @self: the handle
   * @data: the plugin's data
   *
   * Emitted when Janus confirmed a `configure`, `publish` or
   * `joinandconfigure`.
   */
  jc_video_room_signals[VR_SIGNAL_CONFIGURED] = g_signal_new ("configured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                              NULL, NULL, G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
  /**
   * JcVideoRoom::display-changed:
   * @self: the handle
   * @feed: the participant
   * @display: its new display name
   *
   * Emitted when another participant changed its display name.
   */
  jc_video_room_signals[VR_SIGNAL_DISPLAY_CHANGED] = g_signal_new ("display-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::slow-link:
   * @self: the handle
   * @bitrate: the bitrate Janus now asks for, in bits per second (0 when
   *   it gave none)
   *
   * Emitted when Janus saw too many lost packets (`slow_link`).
   */
  jc_video_room_signals[VR_SIGNAL_SLOW_LINK] = g_signal_new ("slow-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                             NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * JcVideoRoom::layer-changed:
   * @self: the subscriber handle
   * @mid: (nullable): the subscription's stream whose layer changed
   * @substream: the simulcast layer now forwarded (0 is the lowest), or -1
   *   when unchanged
   * @temporal: the temporal layer now forwarded, or -1 when unchanged
   *
   * Emitted when Janus starts forwarding another simulcast layer of a
   * stream to this subscriber, after a `configure` asked for it
   * (`substream`, `temporal`) or when the publisher stopped sending the
   * layer that was wanted.
   */
  jc_video_room_signals[VR_SIGNAL_LAYER_CHANGED] = g_signal_new ("layer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                                 NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
  /**
   * JcVideoRoom::error:
   * @self: the handle
   * @error: the error: [error@PluginError] with the plugin's code for an
   *   error event, what failed while answering an offer by ourselves, or
   *   %JC_ERROR_PROTOCOL naming what was wrong with a malformed event or
   *   reply (the rest of it was taken: malformed entries of a list are
   *   left out, the others kept)
   *
   * Emitted for errors no request of ours is waiting for.
   */
  jc_video_room_signals[VR_SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                         G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
jc_video_room_init (JcVideoRoom *self)
{
  self->publishers = g_hash_table_new_full ((GHashFunc) jc_id_hash, (GEqualFunc) jc_id_equal,
                                            (GDestroyNotify) jc_id_free,
                                            (GDestroyNotify) jc_video_room_participant_unref);
  self->streams = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_stream_unref);
  self->pending_feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_id_free);
  g_queue_init (&self->negotiations);
  g_weak_ref_init (&self->followed, NULL);
}

/**
 * jc_video_room_attach_async:
 * @session: a session
 * @opaque_id: (nullable): an opaque id for the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the handle
 * @user_data: data for @callback
 *
 * Attaches a new handle to the VideoRoom plugin. Use one handle per role:
 * administration, each publisher, each subscription.
 */
void
jc_video_room_attach_async (JcSession *session,
                            const char *opaque_id,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (JC_IS_SESSION (session));

  jc_plugin_attach (session, JC_TYPE_VIDEO_ROOM, JC_VIDEO_ROOM_PLUGIN, opaque_id, jc_video_room_attach_async, "jc_video_room_attach_async", cancellable, callback,
                    user_data);
}

/**
 * jc_video_room_attach_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [func@VideoRoom.attach_async].
 *
 * Returns: (transfer full): the new VideoRoom handle
 */
JcVideoRoom *
jc_video_room_attach_finish (GAsyncResult *result, GError **error)
{
  return jc_plugin_attach_finish (result, jc_video_room_attach_async, error);
}

/**
 * jc_video_room_get_room:
 * @self: a VideoRoom handle
 *
 * Gets the room the handle joined last. It stays set after leaving, being
 * kicked or the room's destruction (its kind, numeric or string, still
 * tells how to read ids in late events).
 *
 * Returns: (transfer none) (nullable): the room, or %NULL before joining
 */
const JcId *
jc_video_room_get_room (JcVideoRoom *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), NULL);
  return self->room;
}

/**
 * jc_video_room_get_participant_id:
 * @self: a VideoRoom handle
 *
 * Gets the id a publisher handle joined with (its feed id once it
 * publishes).
 *
 * Returns: (transfer none) (nullable): the id, or %NULL
 */
const JcId *
jc_video_room_get_participant_id (JcVideoRoom *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), NULL);
  return self->id;
}

/**
 * jc_video_room_get_private_id:
 * @self: a VideoRoom handle
 *
 * Gets the private id Janus gave a publisher handle, to pass to
 * subscriptions in rooms that require it.
 *
 * Returns: the private id, or 0
 */
guint64
jc_video_room_get_private_id (JcVideoRoom *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), 0);
  return self->private_id;
}

/**
 * jc_video_room_get_publishers:
 * @self: a VideoRoom handle
 *
 * Gets the publishers a publisher handle knows of now: those present when
 * it joined and those announced since, minus those that left.
 *
 * Returns: (transfer container) (element-type JcVideoRoomParticipant): the
 *   publishers
 */
GPtrArray *
jc_video_room_get_publishers (JcVideoRoom *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_participant_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), out);

  g_hash_table_iter_init (&iter, self->publishers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (out, jc_video_room_participant_ref (value));
  return out;
}

/**
 * jc_video_room_get_streams:
 * @self: a VideoRoom handle
 *
 * Gets a subscriber handle's streams, as Janus last described them.
 *
 * Returns: (transfer container) (element-type JcVideoRoomStream): the
 *   streams
 */
GPtrArray *
jc_video_room_get_streams (JcVideoRoom *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_stream_unref);

  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), out);

  for (guint i = 0; i < self->streams->len; i++)
    g_ptr_array_add (out, jc_video_room_stream_ref (g_ptr_array_index (self->streams, i)));
  return out;
}

/**
 * jc_video_room_set_peer:
 * @self: a VideoRoom handle
 * @peer: (nullable): the handle's peer
 * @sink: (nullable): the sink @peer records to, when it is a directory
 *   sink: each track's file is then named after its feed
 *
 * Gives a subscriber handle the peer that receives its media: from then
 * on every offer Janus sends — after joining, subscribing, unsubscribing,
 * and when publishers leave — is answered with it and confirmed with
 * `start`, in order. Publishers pass their peer to
 * [method@VideoRoom.publish_media_async] instead.
 */
void
jc_video_room_set_peer (JcVideoRoom *self, JcPeer *peer, JcMediaSink *sink)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (peer == NULL || JC_IS_PEER (peer));
  g_return_if_fail (sink == NULL || JC_IS_MEDIA_SINK (sink));

  jc_plugin_handle_set_peer (JC_PLUGIN_HANDLE (self), peer);
  g_set_object (&self->sink, sink);
  jc_video_room_label_tracks (self);
}

/**
 * jc_video_room_get_peer:
 * @self: a VideoRoom handle
 *
 * Gets the peer set with [method@VideoRoom.set_peer] or used to publish.
 *
 * Returns: (transfer none) (nullable): the peer
 */
JcPeer *
jc_video_room_get_peer (JcVideoRoom *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), NULL);
  return JC_PLUGIN_PEER (self);
}

gboolean
jc_video_room_has_peer (JcVideoRoom *self)
{
  return JC_PLUGIN_PEER (self) != NULL;
}

/* Negotiations: one at a time, in order. */

static void negotiate_next (JcVideoRoom *self);

static void
negotiation_done (JcVideoRoom *self, Negotiation *n, GError *error)
{
  if (n->task != NULL)
    {
      if (error != NULL)
        g_task_return_error (n->task, error);
      else
        jc_plugin_return_data (n->task, n->data, NULL);
      g_clear_object (&n->task);
    }
  else if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        jc_video_room_emit_error (self, error);
      g_error_free (error);
    }
  negotiation_free (n);
  self->negotiating = FALSE;
  negotiate_next (self);
}

static void
on_started (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Negotiation *n = user_data;
  JcVideoRoom *self = JC_VIDEO_ROOM (source);
  GError *error = NULL;

  if (!jc_video_room_start_finish (self, result, &error))
    g_prefix_error (&error, "Starting the subscription: ");
  negotiation_done (self, n, error);
  g_object_unref (self);
}

static void
on_answered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Negotiation *n = user_data;
  JcPeer *peer = JC_PEER (source);
  JcVideoRoom *self = n->self; /* not the peer's handle: the peer lets go of it once detached */
  GError *error = NULL;
  g_autoptr (JsonObject) answer = jc_peer_create_answer_finish (peer, result, &error);

  if (answer == NULL)
    {
      g_prefix_error (&error, "Answering Janus's offer: ");
      negotiation_done (self, n, error);
      g_object_unref (self);
      return;
    }
  jc_video_room_start_async (self, answer, jc_plugin_handle_get_cancellable (self), on_started, n);
}

static void
negotiate_next (JcVideoRoom *self)
{
  Negotiation *n;

  if (self->negotiating || (n = g_queue_pop_head (&self->negotiations)) == NULL)
    return;
  if (JC_PLUGIN_PEER (self) == NULL)
    {
      negotiation_done (self, n,
                        g_error_new (JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "The subscriber handle has no peer"));
      return;
    }
  self->negotiating = TRUE;
  jc_video_room_label_tracks (self);
  /* The handle outlives the exchange: on_answered or on_started unrefs. */
  n->self = g_object_ref (self);
  jc_peer_create_answer_async (JC_PLUGIN_PEER (self), n->offer, jc_plugin_handle_get_cancellable (self), on_answered, n);
}

void
jc_video_room_negotiate (JcVideoRoom *self, JsonObject *offer, GTask *task, JsonObject *data)
{
  Negotiation *n = g_new0 (Negotiation, 1);

  n->offer = json_object_ref (offer);
  n->task = task;
  n->data = data != NULL ? json_object_ref (data) : NULL;
  g_queue_push_tail (&self->negotiations, n);
  negotiate_next (self);
}

/* follow () */

static void subscribe_pending (JcVideoRoom *self);

static void
on_follow_subscribed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  JcVideoRoom *self = JC_VIDEO_ROOM (source);
  gboolean join = GPOINTER_TO_INT (user_data);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) streams = join ? jc_video_room_join_subscriber_finish (self, result, NULL, &error)
                                       : jc_video_room_subscribe_finish (self, result, NULL, &error);

  self->subscribing = FALSE;
  g_clear_pointer (&self->subscribing_feeds, g_ptr_array_unref);
  if (streams == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        jc_video_room_emit_error (self, error);
      return;
    }
  subscribe_pending (self);
}

static void
subscribe_pending (JcVideoRoom *self)
{
  g_autoptr (JcVideoRoom) followed = g_weak_ref_get (&self->followed);
  g_autoptr (GPtrArray) feeds = NULL;
  gboolean join;

  if (self->subscribing || self->pending_feeds->len == 0 || followed == NULL)
    return;
  feeds = g_steal_pointer (&self->pending_feeds);
  self->pending_feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_id_free);
  self->subscribing_feeds = g_ptr_array_ref (feeds);
  self->subscribing = TRUE;
  join = !self->subscriber;
  if (join)
    {
      g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();

      if (followed->private_id != 0)
        jc_video_room_request_set_private_id (options, followed->private_id);
      jc_video_room_join_subscriber_async (self, followed->room, feeds, options, jc_plugin_handle_get_cancellable (self),
                                           on_follow_subscribed, GINT_TO_POINTER (TRUE));
    }
  else
    jc_video_room_subscribe_async (self, feeds, NULL, jc_plugin_handle_get_cancellable (self), on_follow_subscribed,
                                   GINT_TO_POINTER (FALSE));
}

static gboolean
has_feed (GPtrArray *feeds, const JcId *feed)
{
  for (guint i = 0; feeds != NULL && i < feeds->len; i++)
    if (jc_id_equal (g_ptr_array_index (feeds, i), feed))
      return TRUE;
  return FALSE;
}

/* Whether @feed is subscribed to already, or about to be. */
static gboolean
follows_feed (JcVideoRoom *self, const JcId *feed)
{
  if (has_feed (self->pending_feeds, feed) || has_feed (self->subscribing_feeds, feed))
    return TRUE;
  for (guint i = 0; i < self->streams->len; i++)
    {
      JcVideoRoomStream *s = g_ptr_array_index (self->streams, i);
      const JcId *f = jc_video_room_stream_get_feed_id (s);

      if (f != NULL && jc_video_room_stream_is_active (s) && jc_id_equal (f, feed))
        return TRUE;
    }
  return FALSE;
}

/* A publisher may be announced again (its streams changed): one
 * subscription per feed. */
static void
queue_feeds (JcVideoRoom *self, GPtrArray *publishers)
{
  for (guint i = 0; i < publishers->len; i++)
    {
      const JcId *feed = jc_video_room_participant_get_id (g_ptr_array_index (publishers, i));

      if (follows_feed (self, feed))
        continue;
      g_ptr_array_add (self->pending_feeds, jc_id_copy (feed));
    }
  subscribe_pending (self);
}

static void
on_followed_publishers (JcVideoRoom *followed, GPtrArray *publishers, gpointer user_data)
{
  queue_feeds (JC_VIDEO_ROOM (user_data), publishers);
}

/**
 * jc_video_room_follow:
 * @self: a subscriber handle, not joined yet
 * @publisher: a publisher handle that joined the room
 *
 * Subscribes @self to every publisher @publisher knows of now and to each
 * that appears later, once each (a publisher may be announced again, for
 * instance when its streams change): the first feeds with a subscriber join (with
 * @publisher's private id), later ones with `subscribe`. Janus itself
 * removes the streams of publishers that leave; give @self a peer with
 * [method@VideoRoom.set_peer] so that every offer is answered. Failures
 * are emitted as [signal@VideoRoom::error] on @self.
 */
void
jc_video_room_follow (JcVideoRoom *self, JcVideoRoom *publisher)
{
  g_autoptr (GPtrArray) present = NULL;

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (JC_IS_VIDEO_ROOM (publisher));
  g_return_if_fail (publisher->room != NULL);

  g_weak_ref_set (&self->followed, publisher);
  self->followed_id = g_signal_connect_object (publisher, "publishers", G_CALLBACK (on_followed_publishers), self, 0);
  present = jc_video_room_get_publishers (publisher);
  queue_feeds (self, present);
}

/* jc-audio-bridge.c: the AudioBridge plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-audio-bridge-private.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-session-private.h"

/**
 * JcAudioBridge:
 *
 * A handle on the AudioBridge plugin: rooms where Janus mixes the audio
 * of every participant and sends each the mix of the others (never its
 * own voice).
 *
 * Every request of Janus 1.1.2 is an async call that completes with the
 * plugin's answer; an error carries the plugin's code in the
 * [error@PluginError] domain (e.g. %JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM).
 * Room administration (`create`, `edit`, `destroy`, `exists`, `list`,
 * `allowed`, `kick`, `kick_all`, `listparticipants`, `mute`, `unmute`,
 * `mute_room`, `unmute_room`, `enable_recording`, `enable_mjrs`,
 * `rtp_forward`, `stop_rtp_forward`, `listforwarders`, `play_file`,
 * `is_playing`, `stop_file`, `resetdecoder`) works on any handle;
 * participating (`join`, `configure`, `changeroom`, `leave`, `hangup`)
 * needs one handle per participant. [method@AudioBridge.request_async]
 * sends anything else.
 *
 * What Janus tells unasked comes as signals in the handle's main context:
 * [signal@AudioBridge::participant-joined],
 * [signal@AudioBridge::participant-updated],
 * [signal@AudioBridge::participant-left], [signal@AudioBridge::talking],
 * [signal@AudioBridge::kicked], [signal@AudioBridge::room-muted],
 * [signal@AudioBridge::destroyed],
 * [signal@AudioBridge::announcement], and [signal@AudioBridge::error]
 * for error events and for malformed events (which are dropped).
 *
 * Joining with media: we offer audio, Janus answers (the offer goes with
 * `join`, as Janus 1.1.2 allows):
 *
 * ```c
 * g_autoptr (JcPeer) peer = jc_peer_new (JC_HANDLE (bridge));
 * g_autoptr (JcMediaSource) source = jc_media_source_new ("pipeline:audiotestsrc is-live=true", NULL);
 * g_autoptr (JcMediaSink) sink = jc_media_sink_new ("mix.webm", NULL);
 * g_autoptr (JcAudioBridgeRequest) options = jc_audio_bridge_request_new ();
 * g_autoptr (JcId) room = jc_id_new_number (1234);
 *
 * jc_media_source_set_video (source, FALSE);
 * jc_peer_set_source (peer, source);
 * jc_peer_set_sink (peer, sink);
 * jc_audio_bridge_request_set_display (options, "bot");
 * g_signal_connect (bridge, "participant-joined", G_CALLBACK (on_joined), NULL);
 * jc_audio_bridge_join_media_async (bridge, room, peer, options, NULL, on_in_room, NULL);
 * ```
 */

G_DEFINE_FINAL_TYPE (JcAudioBridge, jc_audio_bridge, JC_TYPE_PLUGIN_HANDLE)

guint jc_audio_bridge_signals[AB_N_SIGNALS];

static const JcPluginSpec audio_bridge_spec = { "audiobridge", "AudioBridge" };

static void
jc_audio_bridge_finalize (GObject *object)
{
  JcAudioBridge *self = JC_AUDIO_BRIDGE (object);

  g_clear_pointer (&self->room, jc_id_free);
  g_clear_pointer (&self->id, jc_id_free);
  g_hash_table_unref (self->participants);
  G_OBJECT_CLASS (jc_audio_bridge_parent_class)->finalize (object);
}

static void
jc_audio_bridge_event (JcHandle *handle, JsonObject *data, JsonObject *jsep)
{
  jc_audio_bridge_dispatch_event (JC_AUDIO_BRIDGE (handle), data, jsep);
  if (JC_HANDLE_CLASS (jc_audio_bridge_parent_class)->event != NULL)
    JC_HANDLE_CLASS (jc_audio_bridge_parent_class)->event (handle, data, jsep);
}

/* Janus 1.1.2 takes a participant out of its room when its
 * PeerConnection closes, telling only the others. */
static void
jc_audio_bridge_hangup (JcHandle *handle, const char *reason)
{
  JcAudioBridge *self = JC_AUDIO_BRIDGE (handle);

  if (self->room != NULL)
    {
      g_autoptr (JcId) room = jc_id_copy (self->room);

      jc_audio_bridge_clear_membership (self);
      g_signal_emit (self, jc_audio_bridge_signals[AB_SIGNAL_LEFT], 0, room);
    }
  if (JC_HANDLE_CLASS (jc_audio_bridge_parent_class)->hangup != NULL)
    JC_HANDLE_CLASS (jc_audio_bridge_parent_class)->hangup (handle, reason);
}

static void
jc_audio_bridge_class_init (JcAudioBridgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType id_type = JC_TYPE_ID | G_SIGNAL_TYPE_STATIC_SCOPE;
  GType participant_type = JC_TYPE_AUDIO_BRIDGE_PARTICIPANT | G_SIGNAL_TYPE_STATIC_SCOPE;
  GType array_type = G_TYPE_PTR_ARRAY | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->finalize = jc_audio_bridge_finalize;
  JC_HANDLE_CLASS (klass)->event = jc_audio_bridge_event;
  JC_HANDLE_CLASS (klass)->hangup = jc_audio_bridge_hangup;

  /**
   * JcAudioBridge::joined:
   * @self: the handle
   * @room: the room we joined
   * @id: our participant id
   * @participants: (element-type JcAudioBridgeParticipant): the others
   *   already in the room
   *
   * Emitted when our `join` succeeded, before the call completes.
   */
  jc_audio_bridge_signals[AB_SIGNAL_JOINED] = g_signal_new ("joined", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                            NULL, G_TYPE_NONE, 3, id_type, id_type, array_type);
  /**
   * JcAudioBridge::participant-joined:
   * @self: the handle
   * @participant: who joined our room
   *
   * Emitted when someone joins the room we are in.
   */
  jc_audio_bridge_signals[AB_SIGNAL_PARTICIPANT_JOINED] = g_signal_new ("participant-joined", G_TYPE_FROM_CLASS (klass),
                                                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                                                        1, participant_type);
  /**
   * JcAudioBridge::participant-updated:
   * @self: the handle
   * @participant: the participant, as it is now
   *
   * Emitted when a participant of our room changed: muted or unmuted,
   * a new display name, its PeerConnection set up.
   */
  jc_audio_bridge_signals[AB_SIGNAL_PARTICIPANT_UPDATED] = g_signal_new ("participant-updated", G_TYPE_FROM_CLASS (klass),
                                                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                                                         1, participant_type);
  /**
   * JcAudioBridge::participant-left:
   * @self: the handle
   * @id: who left our room
   *
   * Emitted when a participant leaves the room (the `leaving` event).
   */
  jc_audio_bridge_signals[AB_SIGNAL_PARTICIPANT_LEFT] = g_signal_new ("participant-left", G_TYPE_FROM_CLASS (klass),
                                                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                                                      id_type);
  /**
   * JcAudioBridge::talking:
   * @self: the handle
   * @id: the participant (possibly us)
   * @talking: %TRUE when they started talking, %FALSE when they stopped
   *
   * Emitted in rooms created with `audiolevel_event` (the `talking` and
   * `stopped-talking` events), for every participant, ourselves included:
   * Janus reads the audio level each sender puts in its packets (a
   * [class@Peer]'s Opus carries it), `audio_active_packets` and
   * `audio_level_average` (room settings, through
   * [method@AudioBridgeRequest.set_extra]) tune it.
   */
  jc_audio_bridge_signals[AB_SIGNAL_TALKING] = g_signal_new ("talking", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                             NULL, NULL, G_TYPE_NONE, 2, id_type, G_TYPE_BOOLEAN);
  /**
   * JcAudioBridge::configured:
   * @self: the handle
   *
   * Emitted when a `configure` succeeded, before the call completes.
   */
  jc_audio_bridge_signals[AB_SIGNAL_CONFIGURED] = g_signal_new ("configured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * JcAudioBridge::left:
   * @self: the handle
   * @room: the room we left
   *
   * Emitted when we left the room: our `leave`, Janus's `left`, or our
   * PeerConnection closing (Janus then takes us out of the room).
   */
  jc_audio_bridge_signals[AB_SIGNAL_LEFT] = g_signal_new ("left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                          NULL, G_TYPE_NONE, 1, id_type);
  /**
   * JcAudioBridge::kicked:
   * @self: the handle
   * @id: who was kicked: another participant, or us
   *
   * Emitted when a participant of our room was kicked (`kick`, or each
   * participant for `kick_all`). When it is us,
   * we are out of the room (the room and participant id are cleared
   * first).
   */
  jc_audio_bridge_signals[AB_SIGNAL_KICKED] = g_signal_new ("kicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                            NULL, G_TYPE_NONE, 1, id_type);
  /**
   * JcAudioBridge::destroyed:
   * @self: the handle
   * @room: the room
   *
   * Emitted when the room we are in was destroyed: we are out.
   */
  jc_audio_bridge_signals[AB_SIGNAL_DESTROYED] = g_signal_new ("destroyed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                               NULL, NULL, G_TYPE_NONE, 1, id_type);
  /**
   * JcAudioBridge::room-changed:
   * @self: the handle
   * @room: the room we moved to
   * @id: our participant id there
   * @participants: (element-type JcAudioBridgeParticipant): the others
   *   already there
   *
   * Emitted when `changeroom` succeeded, before the call completes.
   */
  jc_audio_bridge_signals[AB_SIGNAL_ROOM_CHANGED] = g_signal_new ("room-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                                  NULL, NULL, NULL, G_TYPE_NONE, 3, id_type, id_type,
                                                                  array_type);
  /**
   * JcAudioBridge::announcement:
   * @self: the handle
   * @file_id: the playback's id (from `play_file`)
   * @playing: %TRUE when it started, %FALSE when it stopped
   *
   * Emitted when a file starts or stops playing in our room
   * (`announcement-started`, `announcement-stopped`).
   */
  jc_audio_bridge_signals[AB_SIGNAL_ANNOUNCEMENT] = g_signal_new ("announcement", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                                                  G_TYPE_BOOLEAN);
  /**
   * JcAudioBridge::room-muted:
   * @self: the handle
   * @muted: whether the room is now muted
   *
   * Emitted when the moderator muted or unmuted the whole room we are in
   * (`mute_room`, `unmute_room`).
   */
  jc_audio_bridge_signals[AB_SIGNAL_ROOM_MUTED] = g_signal_new ("room-muted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /**
   * JcAudioBridge::error:
   * @self: the handle
   * @error: an error event of the plugin ([error@PluginError] with its
   *   code), what failed while driving the peer, or %JC_ERROR_PROTOCOL
   *   naming what was wrong with a malformed event (which was dropped)
   *
   * Emitted for errors no request of ours is waiting for.
   */
  jc_audio_bridge_signals[AB_SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
jc_audio_bridge_init (JcAudioBridge *self)
{
  self->participants = g_hash_table_new_full ((GHashFunc) jc_id_hash, (GEqualFunc) jc_id_equal, (GDestroyNotify) jc_id_free,
                                              (GDestroyNotify) jc_audio_bridge_participant_unref);
}

/**
 * jc_audio_bridge_attach_async:
 * @session: a session
 * @opaque_id: (nullable): an opaque id for the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the handle
 * @user_data: data for @callback
 *
 * Attaches a new handle to the AudioBridge plugin: one per participant.
 */
void
jc_audio_bridge_attach_async (JcSession *session,
                              const char *opaque_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (JC_IS_SESSION (session));

  jc_plugin_attach (session, JC_TYPE_AUDIO_BRIDGE, JC_AUDIO_BRIDGE_PLUGIN, opaque_id, jc_audio_bridge_attach_async,
                    "jc_audio_bridge_attach_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_attach_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [func@AudioBridge.attach_async].
 *
 * Returns: (transfer full): the new AudioBridge handle
 */
JcAudioBridge *
jc_audio_bridge_attach_finish (GAsyncResult *result, GError **error)
{
  return jc_plugin_attach_finish (result, jc_audio_bridge_attach_async, error);
}

/**
 * jc_audio_bridge_get_room:
 * @self: an AudioBridge handle
 *
 * Gets the room this handle is in.
 *
 * Returns: (transfer none) (nullable): the room, or %NULL when not in one
 */
const JcId *
jc_audio_bridge_get_room (JcAudioBridge *self)
{
  g_return_val_if_fail (JC_IS_AUDIO_BRIDGE (self), NULL);
  return self->room;
}

/**
 * jc_audio_bridge_get_participant_id:
 * @self: an AudioBridge handle
 *
 * Gets our participant id in the room.
 *
 * Returns: (transfer none) (nullable): the id, or %NULL when not in a room
 */
const JcId *
jc_audio_bridge_get_participant_id (JcAudioBridge *self)
{
  g_return_val_if_fail (JC_IS_AUDIO_BRIDGE (self), NULL);
  return self->id;
}

/**
 * jc_audio_bridge_get_participants:
 * @self: an AudioBridge handle
 *
 * Gets the other participants of our room, as the events told them.
 *
 * Returns: (transfer container) (element-type JcAudioBridgeParticipant):
 *   the participants, in no order
 */
GPtrArray *
jc_audio_bridge_get_participants (JcAudioBridge *self)
{
  GPtrArray *out;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (JC_IS_AUDIO_BRIDGE (self), NULL);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_audio_bridge_participant_unref);
  g_hash_table_iter_init (&iter, self->participants);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (out, jc_audio_bridge_participant_ref (value));
  return out;
}

/**
 * jc_audio_bridge_get_peer:
 * @self: an AudioBridge handle
 *
 * Gets the peer [method@AudioBridge.join_media_async] drives.
 *
 * Returns: (transfer none) (nullable): the peer
 */
JcPeer *
jc_audio_bridge_get_peer (JcAudioBridge *self)
{
  g_return_val_if_fail (JC_IS_AUDIO_BRIDGE (self), NULL);
  return JC_PLUGIN_PEER (self);
}

void
jc_audio_bridge_send (JcAudioBridge *self,
                      const char *request,
                      const JcId *room,
                      JcAudioBridgeRequest *options,
                      JsonObject *extra,
                      JsonObject *jsep,
                      const char *const *expect,
                      JcPluginReplyHook hook,
                      gpointer source_tag,
                      const char *name,
                      GCancellable *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer user_data)
{
  JsonObject *body = jc_plugin_body_new (request, options != NULL ? jc_audio_bridge_request_peek_body (options) : NULL, extra);

  if (room != NULL)
    json_object_set_member (body, "room", jc_id_to_json (room));
  jc_plugin_send (JC_HANDLE (self), &audio_bridge_spec, body, jsep, expect, hook, source_tag, name, cancellable, callback,
                  user_data);
}

/**
 * jc_audio_bridge_request_async:
 * @self: an AudioBridge handle
 * @request: the request name, e.g. `listparticipants`
 * @room: (nullable): the room, sent as `room`
 * @options: (nullable): the other fields
 * @jsep: (nullable): an offer or answer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugin's answer
 * @user_data: data for @callback
 *
 * Sends any request, for what the typed calls do not cover: the plugin's
 * data comes back untouched (an `error_code` still fails the call). A
 * request Janus 1.1.2 does not know fails with
 * %JC_AUDIO_BRIDGE_ERROR_INVALID_REQUEST.
 */
void
jc_audio_bridge_request_async (JcAudioBridge *self,
                               const char *request,
                               const JcId *room,
                               JcAudioBridgeRequest *options,
                               JsonObject *jsep,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (request != NULL);

  jc_audio_bridge_send (self, request, room, options, NULL, jsep, NULL, NULL, jc_audio_bridge_request_async,
                        "jc_audio_bridge_request_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_request_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @out_jsep: (out) (optional) (nullable) (transfer full): the JSEP that came
 *   with the answer
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.request_async].
 *
 * Returns: (transfer full): the plugin's data
 */
JsonObject *
jc_audio_bridge_request_finish (JcAudioBridge *self, GAsyncResult *result, JsonObject **out_jsep, GError **error)
{
  return jc_plugin_send_finish (JC_HANDLE (self), result, jc_audio_bridge_request_async, out_jsep, error);
}

/* jc-audio-bridge-participant.c: the AudioBridge's participant requests
 * (join, configure, changeroom, leave, hangup), answered asynchronously,
 * and joining with a JcPeer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Janus 1.1.2 takes our offer with `join` itself (or with a later
 * `configure`) and answers in the `joined` event.
 */
#include "config.h"

#include "jc-audio-bridge-private.h"
#include "jc-error.h"
#include "jc-json-private.h"

/* joined and roomchanged: room, our id, the others. */
static gboolean
take_membership (JcAudioBridge *self, JsonObject *data, JsonObject *jsep, guint signal, GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (JcId) room = jc_id_lookup (data, "room");
  g_autoptr (JcId) id = room != NULL ? jc_id_lookup_in (data, "id", room) : NULL;
  g_autoptr (GPtrArray) participants = NULL;
  JsonArray *list = jc_json_lookup_array (data, "participants");

  if (room == NULL)
    jc_plugin_add_problem (problems, "no valid “room”");
  else if (id == NULL)
    jc_plugin_add_problem (problems, "no valid participant “id”");
  if (jc_json_has_member (data, "participants") && list == NULL)
    jc_plugin_add_problem (problems, "“participants” is not an array");
  if (jsep != NULL && !jc_plugin_check_jsep ("AudioBridge", jsep, "answer", error))
    return FALSE;
  if (problems->len > 0)
    return jc_set_protocol_error (error, "AudioBridge sent a malformed “%s”: %s", jc_json_lookup_string (data, "audiobridge"),
                                  problems->str);
  participants = jc_audio_bridge_read_participants (list, room, problems);
  if (problems->len > 0)
    g_debug ("AudioBridge: %s", problems->str);
  jc_audio_bridge_set_membership (self, room, id, participants);
  g_signal_emit (self, jc_audio_bridge_signals[signal], 0, room, id, participants);
  return TRUE;
}

static void
joined_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  GError *error = NULL;
  gboolean changed = g_strcmp0 (jc_json_lookup_string (data, "audiobridge"), "roomchanged") == 0;

  if (!take_membership (source, data, jsep, changed ? AB_SIGNAL_ROOM_CHANGED : AB_SIGNAL_JOINED, &error))
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_audio_bridge_join_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @options: (nullable): `display`, `id`, `pin`, `token`, `muted`,
 *   `bitrate`, `quality`, `volume`, `record`, …
 * @offer: (nullable): our audio offer; Janus's answer comes back
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with our participant id
 * @user_data: data for @callback
 *
 * Joins a room. [signal@AudioBridge::joined] (with the participants
 * already there) is emitted before the call completes. A wrong pin fails
 * with %JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED, a missing one with
 * %JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT. Without @offer, send it later
 * with [method@AudioBridge.configure_async] (or use
 * [method@AudioBridge.join_media_async], which does it all).
 */
void
jc_audio_bridge_join_async (JcAudioBridge *self,
                            const JcId *room,
                            JcAudioBridgeRequest *options,
                            JsonObject *offer,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  static const char *const expect[] = { "joined", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  jc_audio_bridge_send (self, "join", room, options, NULL, offer, expect, joined_hook, jc_audio_bridge_join_async,
                        "jc_audio_bridge_join_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_join_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @out_answer: (out) (optional) (nullable) (transfer full): Janus's answer
 *   to the offer
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.join_async].
 *
 * Returns: (transfer full): our participant id
 */
JcId *
jc_audio_bridge_join_finish (JcAudioBridge *self, GAsyncResult *result, JsonObject **out_answer, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_audio_bridge_join_async, out_answer, error);

  return data != NULL ? jc_id_copy (self->id) : NULL;
}

/* Joining with a peer */

typedef struct
{
  JcPeer *peer;                  /* (owned) */
  JcId *room;                    /* (owned) */
  JcAudioBridgeRequest *options; /* (owned) (nullable) */
  JcId *id;                      /* (owned) (nullable) once joined */
} JoinMedia;

static void
join_media_free (gpointer data)
{
  JoinMedia *jm = data;

  g_object_unref (jm->peer);
  jc_id_free (jm->room);
  g_clear_pointer (&jm->options, jc_audio_bridge_request_unref);
  g_clear_pointer (&jm->id, jc_id_free);
  g_free (jm);
}

static void
on_answer_set (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JoinMedia *jm = g_task_get_task_data (task);
  GError *error = NULL;

  if (!jc_peer_set_remote_description_finish (JC_PEER (source), result, &error))
    {
      g_prefix_error (&error, "Cannot take AudioBridge's answer: ");
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, jc_id_copy (jm->id), (GDestroyNotify) jc_id_free);
}

static void
on_media_joined (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JoinMedia *jm = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (JsonObject) answer = NULL;

  jm->id = jc_audio_bridge_join_finish (JC_AUDIO_BRIDGE (source), result, &answer, &error);
  if (jm->id == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (answer == NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL, "AudioBridge took the offer but sent no answer");
      return;
    }
  jc_peer_set_remote_description_async (jm->peer, answer, g_task_get_cancellable (task), on_answer_set, g_object_ref (task));
}

static void
on_media_offer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JoinMedia *jm = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (JsonObject) offer = jc_peer_create_offer_finish (JC_PEER (source), result, &error);

  if (offer == NULL)
    {
      g_prefix_error (&error, "Cannot make the offer to join: ");
      g_task_return_error (task, error);
      return;
    }
  jc_audio_bridge_join_async (g_task_get_source_object (task), jm->room, jm->options, offer, g_task_get_cancellable (task),
                              on_media_joined, g_object_ref (task));
}

/**
 * jc_audio_bridge_join_media_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @peer: a peer of @self, with its source (audio; video is not offered
 *   to AudioBridge) and sink set
 * @options: (nullable): as for [method@AudioBridge.join_async]
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus's answer is set
 * @user_data: data for @callback
 *
 * Joins with media: @peer offers our audio, the offer goes with `join`,
 * and Janus's answer is set on @peer. Media flows once
 * [signal@Handle::webrtcup] fires; the mix of the others arrives on
 * @peer's sink.
 */
void
jc_audio_bridge_join_media_async (JcAudioBridge *self,
                                  const JcId *room,
                                  JcPeer *peer,
                                  JcAudioBridgeRequest *options,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  GTask *task;
  JoinMedia *jm;

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  g_return_if_fail (JC_IS_PEER (peer));
  g_return_if_fail (jc_peer_get_handle (peer) == JC_HANDLE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_audio_bridge_join_media_async);
  g_task_set_name (task, "jc_audio_bridge_join_media_async");
  jm = g_new0 (JoinMedia, 1);
  jm->peer = g_object_ref (peer);
  jm->room = jc_id_copy (room);
  jm->options = options != NULL ? jc_audio_bridge_request_ref (options) : NULL;
  g_task_set_task_data (task, jm, join_media_free);
  jc_plugin_handle_set_peer (JC_PLUGIN_HANDLE (self), peer);
  jc_peer_create_offer_async (peer, cancellable, on_media_offer, task);
}

/**
 * jc_audio_bridge_join_media_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.join_media_async].
 *
 * Returns: (transfer full): our participant id
 */
JcId *
jc_audio_bridge_join_media_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_audio_bridge_join_media_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* configure */

static void
configured_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  GError *error = NULL;

  if (g_strcmp0 (jc_json_lookup_string (data, "result"), "ok") != 0)
    {
      jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "AudioBridge answered configure without “result”: “ok”"));
      return;
    }
  if (jsep != NULL && !jc_plugin_check_jsep ("AudioBridge", jsep, NULL, &error))
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  g_signal_emit (source, jc_audio_bridge_signals[AB_SIGNAL_CONFIGURED], 0);
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_audio_bridge_configure_async:
 * @self: an AudioBridge handle in a room
 * @options: (nullable): `muted`, `display`, `volume`, `bitrate`,
 *   `quality`, `record`, `group`, …
 * @jsep: (nullable): an offer (the first one, or a renegotiation)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus applied the settings
 * @user_data: data for @callback
 *
 * Changes our participation; with @jsep, negotiates (Janus answers).
 * A change of `muted` or `display` reaches the others as
 * [signal@AudioBridge::participant-updated]. Outside a room it fails with
 * %JC_AUDIO_BRIDGE_ERROR_NOT_JOINED.
 */
void
jc_audio_bridge_configure_async (JcAudioBridge *self,
                                 JcAudioBridgeRequest *options,
                                 JsonObject *jsep,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  static const char *const expect[] = { "event", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  jc_audio_bridge_send (self, "configure", NULL, options, NULL, jsep, expect, configured_hook, jc_audio_bridge_configure_async,
                        "jc_audio_bridge_configure_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_configure_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @out_jsep: (out) (optional) (nullable) (transfer full): Janus's answer,
 *   when an offer was sent
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.configure_async].
 *
 * Returns: %TRUE once applied
 */
gboolean
jc_audio_bridge_configure_finish (JcAudioBridge *self, GAsyncResult *result, JsonObject **out_jsep, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_audio_bridge_configure_async, out_jsep, error);

  return data != NULL;
}

/**
 * jc_audio_bridge_change_room_async:
 * @self: an AudioBridge handle in a room
 * @room: the room to move to
 * @options: (nullable): `display`, `id`, `pin`, `token`, `muted`, …
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with our id in the new room
 * @user_data: data for @callback
 *
 * Moves to another room keeping the PeerConnection (`changeroom`).
 * [signal@AudioBridge::room-changed] is emitted before the call completes.
 */
void
jc_audio_bridge_change_room_async (JcAudioBridge *self,
                                   const JcId *room,
                                   JcAudioBridgeRequest *options,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  static const char *const expect[] = { "roomchanged", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  jc_audio_bridge_send (self, "changeroom", room, options, NULL, NULL, expect, joined_hook, jc_audio_bridge_change_room_async,
                        "jc_audio_bridge_change_room_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_change_room_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.change_room_async].
 *
 * Returns: (transfer full): our participant id in the new room
 */
JcId *
jc_audio_bridge_change_room_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_audio_bridge_change_room_async, NULL, error);

  return data != NULL ? jc_id_copy (self->id) : NULL;
}

static void
left_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  JcAudioBridge *self = source;
  g_autoptr (JcId) room = self->room != NULL ? jc_id_copy (self->room) : jc_id_lookup (data, "room");

  jc_audio_bridge_clear_membership (self);
  if (room != NULL)
    g_signal_emit (self, jc_audio_bridge_signals[AB_SIGNAL_LEFT], 0, room);
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_audio_bridge_leave_async:
 * @self: an AudioBridge handle in a room
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once out of the room
 * @user_data: data for @callback
 *
 * Leaves the room, keeping the PeerConnection for a later `join`.
 * [signal@AudioBridge::left] is emitted before the call completes.
 */
void
jc_audio_bridge_leave_async (JcAudioBridge *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  static const char *const expect[] = { "left", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  jc_audio_bridge_send (self, "leave", NULL, NULL, NULL, NULL, expect, left_hook, jc_audio_bridge_leave_async,
                        "jc_audio_bridge_leave_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_leave_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.leave_async].
 *
 * Returns: %TRUE once out
 */
gboolean
jc_audio_bridge_leave_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_audio_bridge_leave_async, error);
}

/**
 * jc_audio_bridge_hangup_media_async:
 * @self: an AudioBridge handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus closes the PeerConnection
 * @user_data: data for @callback
 *
 * Sends the plugin's `hangup` request (answered `hangingup`): Janus
 * closes our PeerConnection and we leave the room.
 */
void
jc_audio_bridge_hangup_media_async (JcAudioBridge *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  static const char *const expect[] = { "hangingup", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  jc_audio_bridge_send (self, "hangup", NULL, NULL, NULL, NULL, expect, NULL, jc_audio_bridge_hangup_media_async,
                        "jc_audio_bridge_hangup_media_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_hangup_media_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.hangup_media_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_audio_bridge_hangup_media_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_audio_bridge_hangup_media_async, error);
}

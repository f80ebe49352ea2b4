/* jc-audio-bridge-admin.c: the AudioBridge's room requests, which the
 * plugin answers synchronously
 *
 * Recording, RTP forwarders and announcements (file playback) live in
 * jc-audio-bridge-forward.c.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-audio-bridge-private.h"
#include "jc-error.h"
#include "jc-json-private.h"

JsonObject *
jc_audio_bridge_finish_data (JcAudioBridge *self, GAsyncResult *result, gpointer tag, GError **error)
{
  return jc_plugin_send_finish (JC_HANDLE (self), result, tag, NULL, error);
}

gboolean
jc_audio_bridge_finish_ok (JcAudioBridge *self, GAsyncResult *result, gpointer tag, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, tag, error);
}

gpointer
jc_audio_bridge_protocol_error (GError **error, const char *request, const char *problem)
{
  jc_set_protocol_error (error, "AudioBridge answered %s with %s", request, problem);
  return NULL;
}

/**
 * jc_audio_bridge_create_async:
 * @self: an AudioBridge handle
 * @room: (nullable): the id of the new room; Janus picks one when %NULL
 * @options: (nullable): `description`, `secret`, `pin`, `sampling_rate`,
 *   `admin_key`, recording and any other room setting
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the room's id
 * @user_data: data for @callback
 *
 * Creates a room. An existing id fails with
 * %JC_AUDIO_BRIDGE_ERROR_ROOM_EXISTS; with an `admin_key` in the plugin's
 * configuration, a missing key with %JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT
 * and a wrong one with %JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED.
 */
void
jc_audio_bridge_create_async (JcAudioBridge *self,
                              const JcId *room,
                              JcAudioBridgeRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  static const char *const expect[] = { "created", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  jc_audio_bridge_send (self, "create", room, options, NULL, NULL, expect, NULL, jc_audio_bridge_create_async,
                        "jc_audio_bridge_create_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_create_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.create_async].
 *
 * Returns: (transfer full): the new room's id
 */
JcId *
jc_audio_bridge_create_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_audio_bridge_finish_data (self, result, jc_audio_bridge_create_async, error);
  JcId *room;

  if (data == NULL)
    return NULL;
  if ((room = jc_id_lookup (data, "room")) == NULL)
    return jc_audio_bridge_protocol_error (error, "create", "no valid “room”");
  return room;
}

/**
 * jc_audio_bridge_edit_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @options: (nullable): `secret` and the `new_*` fields to change (set
 *   them with [method@AudioBridgeRequest.set_extra])
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once edited
 * @user_data: data for @callback
 *
 * Changes a room's description, secret, pin, privacy or recording
 * folders.
 */
void
jc_audio_bridge_edit_async (JcAudioBridge *self,
                            const JcId *room,
                            JcAudioBridgeRequest *options,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  static const char *const expect[] = { "edited", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  jc_audio_bridge_send (self, "edit", room, options, NULL, NULL, expect, NULL, jc_audio_bridge_edit_async,
                        "jc_audio_bridge_edit_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_edit_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.edit_async].
 *
 * Returns: %TRUE once edited
 */
gboolean
jc_audio_bridge_edit_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_edit_async, error);
}

/**
 * jc_audio_bridge_destroy_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @options: (nullable): `secret`, `permanent`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once destroyed
 * @user_data: data for @callback
 *
 * Destroys a room; its participants get [signal@AudioBridge::destroyed].
 */
void
jc_audio_bridge_destroy_async (JcAudioBridge *self,
                               const JcId *room,
                               JcAudioBridgeRequest *options,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  static const char *const expect[] = { "destroyed", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  jc_audio_bridge_send (self, "destroy", room, options, NULL, NULL, expect, NULL, jc_audio_bridge_destroy_async,
                        "jc_audio_bridge_destroy_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_destroy_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.destroy_async].
 *
 * Returns: %TRUE once destroyed
 */
gboolean
jc_audio_bridge_destroy_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_destroy_async, error);
}

/**
 * jc_audio_bridge_exists_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the answer
 * @user_data: data for @callback
 *
 * Asks whether a room exists.
 */
void
jc_audio_bridge_exists_async (JcAudioBridge *self, const JcId *room, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  jc_audio_bridge_send (self, "exists", room, NULL, NULL, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_exists_async,
                        "jc_audio_bridge_exists_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_exists_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @out_exists: (out): whether the room exists
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.exists_async].
 *
 * Returns: %TRUE when Janus answered
 */
gboolean
jc_audio_bridge_exists_finish (JcAudioBridge *self, GAsyncResult *result, gboolean *out_exists, GError **error)
{
  g_autoptr (JsonObject) data = jc_audio_bridge_finish_data (self, result, jc_audio_bridge_exists_async, error);
  gboolean exists = FALSE;

  if (data == NULL)
    return FALSE;
  if (!jc_json_lookup_bool (data, "exists", &exists))
    return jc_audio_bridge_protocol_error (error, "exists", "no boolean “exists”") != NULL;
  if (out_exists != NULL)
    *out_exists = exists;
  return TRUE;
}

/**
 * jc_audio_bridge_list_async:
 * @self: an AudioBridge handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the rooms
 * @user_data: data for @callback
 *
 * Lists the public rooms.
 */
void
jc_audio_bridge_list_async (JcAudioBridge *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  jc_audio_bridge_send (self, "list", NULL, NULL, NULL, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_list_async,
                        "jc_audio_bridge_list_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_list_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.list_async]. Malformed entries are left
 * out (and logged).
 *
 * Returns: (transfer container) (element-type JcAudioBridgeRoomInfo): the
 *   rooms
 */
GPtrArray *
jc_audio_bridge_list_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_audio_bridge_finish_data (self, result, jc_audio_bridge_list_async, error);
  g_autoptr (GString) problems = g_string_new (NULL);
  GPtrArray *rooms;
  JsonArray *list;

  if (data == NULL)
    return NULL;
  if ((list = jc_json_lookup_array (data, "list")) == NULL)
    return jc_audio_bridge_protocol_error (error, "list", "no “list” array");
  rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_audio_bridge_room_info_unref);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JcAudioBridgeRoomInfo *info;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        jc_plugin_add_problem (problems, "room %u is not an object", i);
      else if ((info = jc_audio_bridge_room_info_from_json (json_node_get_object (node), problems)) != NULL)
        g_ptr_array_add (rooms, info);
    }
  if (problems->len > 0)
    g_debug ("AudioBridge list: %s", problems->str);
  return rooms;
}

/**
 * jc_audio_bridge_allowed_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @action: `enable`, `disable`, `add` or `remove`
 * @tokens: (nullable) (array zero-terminated=1): the tokens to add or
 *   remove
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the room's tokens
 * @user_data: data for @callback
 *
 * Changes who may join the room: with the list enabled, `join` needs one
 * of its tokens.
 */
void
jc_audio_bridge_allowed_async (JcAudioBridge *self,
                               const JcId *room,
                               const char *action,
                               const char *const *tokens,
                               JcAudioBridgeRequest *options,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  g_return_if_fail (action != NULL);

  json_object_set_string_member (extra, "action", action);
  if (tokens != NULL)
    {
      JsonArray *array = json_array_new ();

      for (gsize i = 0; tokens[i] != NULL; i++)
        json_array_add_string_element (array, tokens[i]);
      json_object_set_array_member (extra, "allowed", array);
    }
  jc_audio_bridge_send (self, "allowed", room, options, extra, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_allowed_async,
                        "jc_audio_bridge_allowed_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_allowed_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.allowed_async].
 *
 * Returns: (transfer full) (array zero-terminated=1): the room's tokens
 *   (empty after `disable`)
 */
GStrv
jc_audio_bridge_allowed_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_audio_bridge_finish_data (self, result, jc_audio_bridge_allowed_async, error);
  g_autoptr (GStrvBuilder) builder = NULL;
  JsonArray *list;

  if (data == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  if (jc_json_has_member (data, "allowed") && (list = jc_json_lookup_array (data, "allowed")) == NULL)
    return jc_audio_bridge_protocol_error (error, "allowed", "an “allowed” that is not an array");
  list = jc_json_lookup_array (data, "allowed");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

/**
 * jc_audio_bridge_kick_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @id: the participant
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once kicked
 * @user_data: data for @callback
 *
 * Kicks a participant out of the room (who may join again). An unknown
 * participant fails with %JC_AUDIO_BRIDGE_ERROR_NO_SUCH_USER.
 */
void
jc_audio_bridge_kick_async (JcAudioBridge *self,
                            const JcId *room,
                            const JcId *id,
                            JcAudioBridgeRequest *options,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  g_return_if_fail (id != NULL);

  jc_plugin_set_id (extra, "id", id);
  jc_audio_bridge_send (self, "kick", room, options, extra, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_kick_async,
                        "jc_audio_bridge_kick_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_kick_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.kick_async].
 *
 * Returns: %TRUE once kicked
 */
gboolean
jc_audio_bridge_kick_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_kick_async, error);
}

/**
 * jc_audio_bridge_kick_all_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once everyone was kicked
 * @user_data: data for @callback
 *
 * Kicks every participant out of the room.
 */
void
jc_audio_bridge_kick_all_async (JcAudioBridge *self,
                                const JcId *room,
                                JcAudioBridgeRequest *options,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  jc_audio_bridge_send (self, "kick_all", room, options, NULL, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_kick_all_async,
                        "jc_audio_bridge_kick_all_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_kick_all_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.kick_all_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_audio_bridge_kick_all_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_kick_all_async, error);
}

/**
 * jc_audio_bridge_list_participants_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the participants
 * @user_data: data for @callback
 *
 * Lists a room's participants.
 */
void
jc_audio_bridge_list_participants_async (JcAudioBridge *self,
                                         const JcId *room,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data)
{
  static const char *const expect[] = { "participants", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  jc_audio_bridge_send (self, "listparticipants", room, NULL, NULL, NULL, expect, NULL, jc_audio_bridge_list_participants_async,
                        "jc_audio_bridge_list_participants_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_list_participants_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.list_participants_async]. Malformed
 * entries are left out (and logged).
 *
 * Returns: (transfer container) (element-type JcAudioBridgeParticipant):
 *   the participants
 */
GPtrArray *
jc_audio_bridge_list_participants_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_audio_bridge_finish_data (self, result, jc_audio_bridge_list_participants_async, error);
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (JcId) room = NULL;
  JsonArray *list;
  GPtrArray *out;

  if (data == NULL)
    return NULL;
  if ((list = jc_json_lookup_array (data, "participants")) == NULL)
    return jc_audio_bridge_protocol_error (error, "listparticipants", "no “participants” array");
  room = jc_id_lookup (data, "room");
  out = jc_audio_bridge_read_participants (list, room, problems);
  if (problems->len > 0)
    g_debug ("AudioBridge listparticipants: %s", problems->str);
  return out;
}

/**
 * jc_audio_bridge_reset_decoder_async:
 * @self: an AudioBridge handle in a room
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Has Janus recreate the Opus decoder of our audio (when it came out
 * garbled). Outside a room it fails with
 * %JC_AUDIO_BRIDGE_ERROR_NOT_JOINED.
 */
void
jc_audio_bridge_reset_decoder_async (JcAudioBridge *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  jc_audio_bridge_send (self, "resetdecoder", NULL, NULL, NULL, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_reset_decoder_async,
                        "jc_audio_bridge_reset_decoder_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_reset_decoder_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.reset_decoder_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_audio_bridge_reset_decoder_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_reset_decoder_async, error);
}

/**
 * jc_audio_bridge_mute_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @id: the participant
 * @muted: %TRUE to mute (`mute`), %FALSE to unmute (`unmute`)
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Mutes or unmutes a participant, as the room's moderator; the room is
 * told through [signal@AudioBridge::participant-updated].
 */
void
jc_audio_bridge_mute_async (JcAudioBridge *self,
                            const JcId *room,
                            const JcId *id,
                            gboolean muted,
                            JcAudioBridgeRequest *options,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  g_return_if_fail (id != NULL);

  jc_plugin_set_id (extra, "id", id);
  jc_audio_bridge_send (self, muted ? "mute" : "unmute", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                        jc_audio_bridge_mute_async, "jc_audio_bridge_mute_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_mute_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.mute_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_audio_bridge_mute_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_mute_async, error);
}

/**
 * jc_audio_bridge_mute_room_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @muted: %TRUE to mute everyone (`mute_room`), %FALSE to unmute
 *   (`unmute_room`)
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Mutes or unmutes the whole room (participants who joined with the
 * room's secret excepted).
 */
void
jc_audio_bridge_mute_room_async (JcAudioBridge *self,
                                 const JcId *room,
                                 gboolean muted,
                                 JcAudioBridgeRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  jc_audio_bridge_send (self, muted ? "mute_room" : "unmute_room", room, options, NULL, NULL, jc_plugin_expect_success, NULL,
                        jc_audio_bridge_mute_room_async, "jc_audio_bridge_mute_room_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_mute_room_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.mute_room_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_audio_bridge_mute_room_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_mute_room_async, error);
}

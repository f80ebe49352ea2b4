/* jc-video-room-admin.c: the VideoRoom's room requests, which the plugin
 * answers synchronously
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The requests about RTP forwarders, recording and remote publishers,
 * answered synchronously too, live in jc-video-room-forward.c.
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-video-room-private.h"

static const JcPluginSpec video_room_spec = { "videoroom", "VideoRoom" };

void
jc_video_room_send (JcVideoRoom *self,
                    const char *request,
                    const JcId *room,
                    JcVideoRoomRequest *options,
                    JsonObject *extra,
                    JsonObject *jsep,
                    const char *const *expect,
                    JcVideoRoomReplyHook hook,
                    gpointer source_tag,
                    const char *name,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data)
{
  /* No call's extra members name the room: setting it last changes nothing. */
  JsonObject *body = jc_plugin_body_new (request, options != NULL ? jc_video_room_request_peek_body (options) : NULL, extra);

  if (room != NULL)
    json_object_set_member (body, "room", jc_id_to_json (room));
  jc_plugin_send (JC_HANDLE (self), &video_room_spec, body, jsep, expect, (JcPluginReplyHook) hook, source_tag, name,
                  cancellable, callback, user_data);
}

JsonObject *
jc_video_room_send_finish (JcVideoRoom *self, GAsyncResult *result, gpointer source_tag, JsonObject **out_jsep, GError **error)
{
  return jc_plugin_send_finish (JC_HANDLE (self), result, source_tag, out_jsep, error);
}

gboolean
jc_video_room_finish_ok (JcVideoRoom *self, GAsyncResult *result, gpointer tag, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, tag, error);
}

/**
 * jc_video_room_request_async:
 * @self: a VideoRoom handle
 * @request: the request name, e.g. `listparticipants`
 * @room: (nullable): the room, sent as `room`
 * @options: (nullable): the other fields
 * @jsep: (nullable): an offer or answer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugin's answer
 * @user_data: data for @callback
 *
 * Sends any request, for what the typed calls do not cover: the plugin's
 * data comes back untouched.
 */
void
jc_video_room_request_async (JcVideoRoom *self,
                             const char *request,
                             const JcId *room,
                             JcVideoRoomRequest *options,
                             JsonObject *jsep,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (request != NULL);

  jc_video_room_send (self, request, room, options, NULL, jsep, NULL, NULL, jc_video_room_request_async,
                      "jc_video_room_request_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_request_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @out_jsep: (out) (optional) (nullable) (transfer full): the JSEP that came
 *   with the answer
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.request_async].
 *
 * Returns: (transfer full): the plugin's data
 */
JsonObject *
jc_video_room_request_finish (JcVideoRoom *self, GAsyncResult *result, JsonObject **out_jsep, GError **error)
{
  return jc_video_room_send_finish (self, result, jc_video_room_request_async, out_jsep, error);
}

/**
 * jc_video_room_create_async:
 * @self: a VideoRoom handle
 * @room: (nullable): the id of the new room; Janus picks one when %NULL
 * @options: (nullable): `description`, `secret`, `pin`, `publishers`,
 *   codecs, recording and any other room setting
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the room's id
 * @user_data: data for @callback
 *
 * Creates a room. An existing id fails with
 * %JC_VIDEO_ROOM_ERROR_ROOM_EXISTS.
 */
void
jc_video_room_create_async (JcVideoRoom *self,
                            const JcId *room,
                            JcVideoRoomRequest *options,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  static const char *const expect[] = { "created", NULL };

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));

  jc_video_room_send (self, "create", room, options, NULL, NULL, expect, NULL, jc_video_room_create_async,
                      "jc_video_room_create_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_create_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.create_async].
 *
 * Returns: (transfer full): the new room's id
 */
JcId *
jc_video_room_create_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_create_async, NULL, error);
  JcId *room;

  if (data == NULL)
    return NULL;
  room = jc_id_lookup (data, "room");
  if (room == NULL)
    jc_set_protocol_error (error, "VideoRoom created a room but sent no valid “room”");
  return room;
}

/**
 * jc_video_room_edit_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @options: (nullable): `secret` and the `new_*` fields to change (set
 *   them with [method@VideoRoomRequest.set_extra])
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once edited
 * @user_data: data for @callback
 *
 * Changes a room's settings.
 */
void
jc_video_room_edit_async (JcVideoRoom *self,
                          const JcId *room,
                          JcVideoRoomRequest *options,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  static const char *const expect[] = { "edited", NULL };

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);

  jc_video_room_send (self, "edit", room, options, NULL, NULL, expect, NULL, jc_video_room_edit_async,
                      "jc_video_room_edit_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_edit_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.edit_async].
 *
 * Returns: %TRUE once edited
 */
gboolean
jc_video_room_edit_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_finish_ok (self, result, jc_video_room_edit_async, error);
}

/**
 * jc_video_room_destroy_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @options: (nullable): `secret` (required when the room has one),
 *   `permanent`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once destroyed
 * @user_data: data for @callback
 *
 * Destroys a room; its participants get [signal@VideoRoom::destroyed].
 */
void
jc_video_room_destroy_async (JcVideoRoom *self,
                             const JcId *room,
                             JcVideoRoomRequest *options,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  static const char *const expect[] = { "destroyed", NULL };

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);

  jc_video_room_send (self, "destroy", room, options, NULL, NULL, expect, NULL, jc_video_room_destroy_async,
                      "jc_video_room_destroy_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_destroy_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.destroy_async].
 *
 * Returns: %TRUE once destroyed
 */
gboolean
jc_video_room_destroy_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_finish_ok (self, result, jc_video_room_destroy_async, error);
}

/**
 * jc_video_room_exists_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the answer
 * @user_data: data for @callback
 *
 * Asks whether a room exists.
 */
void
jc_video_room_exists_async (JcVideoRoom *self,
                            const JcId *room,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);

  jc_video_room_send (self, "exists", room, NULL, NULL, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_exists_async, "jc_video_room_exists_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_exists_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @out_exists: (out): whether the room exists
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.exists_async].
 *
 * Returns: %TRUE when Janus answered
 */
gboolean
jc_video_room_exists_finish (JcVideoRoom *self, GAsyncResult *result, gboolean *out_exists, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_exists_async, NULL, error);
  gboolean exists = FALSE;

  *out_exists = FALSE;
  if (data == NULL)
    return FALSE;
  if (!jc_json_lookup_bool (data, "exists", &exists))
    return jc_set_protocol_error (error, "VideoRoom sent no boolean “exists”");
  *out_exists = exists;
  return TRUE;
}

/**
 * jc_video_room_list_async:
 * @self: a VideoRoom handle
 * @options: (nullable): `admin_key`, to see private rooms too
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the rooms
 * @user_data: data for @callback
 *
 * Lists the public rooms.
 */
void
jc_video_room_list_async (JcVideoRoom *self,
                          JcVideoRoomRequest *options,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));

  jc_video_room_send (self, "list", NULL, options, NULL, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_list_async, "jc_video_room_list_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_list_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.list_async].
 *
 * Returns: (transfer container) (element-type JcVideoRoomInfo): the rooms
 */
GPtrArray *
jc_video_room_list_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_list_async, NULL, error);
  GPtrArray *rooms;
  JsonArray *list;

  if (data == NULL)
    return NULL;
  list = jc_json_lookup_array (data, "list");
  if (list == NULL)
    {
      jc_set_protocol_error (error, "VideoRoom sent no “list” array");
      return NULL;
    }
  rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_info_unref);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JcVideoRoomInfo *info = JSON_NODE_HOLDS_OBJECT (node) ? jc_video_room_info_new_from_json (json_node_get_object (node)) : NULL;

      if (info != NULL)
        g_ptr_array_add (rooms, info);
      else
        g_debug ("Dropping a malformed room of a VideoRoom list");
    }
  return rooms;
}

/**
 * jc_video_room_allowed_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @action: what to do with the list
 * @tokens: (nullable) (array zero-terminated=1): the tokens to add or remove
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the resulting list
 * @user_data: data for @callback
 *
 * Manages the tokens a room accepts to join (`allowed`).
 */
void
jc_video_room_allowed_async (JcVideoRoom *self,
                             const JcId *room,
                             JcVideoRoomAllowedAction action,
                             const char *const *tokens,
                             JcVideoRoomRequest *options,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  static const char *const actions[] = { "enable", "disable", "add", "remove" };
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);
  g_return_if_fail ((guint) action < G_N_ELEMENTS (actions));

  json_object_set_string_member (extra, "action", actions[action]);
  if (tokens != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; tokens[i] != NULL; i++)
        json_array_add_string_element (array, tokens[i]);
      json_object_set_array_member (extra, "allowed", array);
    }
  jc_video_room_send (self, "allowed", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_allowed_async, "jc_video_room_allowed_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_allowed_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.allowed_async].
 *
 * Returns: (transfer full): the tokens the room now accepts (empty when
 *   the check is off)
 */
GStrv
jc_video_room_allowed_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_allowed_async, NULL, error);
  g_autoptr (GStrvBuilder) builder = NULL;
  JsonArray *allowed;

  if (data == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  allowed = jc_json_lookup_array (data, "allowed");
  for (guint i = 0; allowed != NULL && i < json_array_get_length (allowed); i++)
    {
      JsonNode *node = json_array_get_element (allowed, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

/**
 * jc_video_room_kick_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @participant: who to kick
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once kicked
 * @user_data: data for @callback
 *
 * Kicks a participant out; an unknown one fails with
 * %JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED.
 */
void
jc_video_room_kick_async (JcVideoRoom *self,
                          const JcId *room,
                          const JcId *participant,
                          JcVideoRoomRequest *options,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && participant != NULL);

  jc_plugin_set_id (extra, "id", participant);
  jc_video_room_send (self, "kick", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_kick_async, "jc_video_room_kick_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_kick_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.kick_async].
 *
 * Returns: %TRUE once kicked
 */
gboolean
jc_video_room_kick_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_finish_ok (self, result, jc_video_room_kick_async, error);
}

/**
 * jc_video_room_moderate_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @participant: whose stream to mute or unmute
 * @mid: the publisher's mid of the stream
 * @mute: %TRUE to mute, %FALSE to unmute
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Mutes or unmutes one stream of a publisher for everyone.
 */
void
jc_video_room_moderate_async (JcVideoRoom *self,
                              const JcId *room,
                              const JcId *participant,
                              const char *mid,
                              gboolean mute,
                              JcVideoRoomRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && participant != NULL && mid != NULL);

  jc_plugin_set_id (extra, "id", participant);
  json_object_set_string_member (extra, "mid", mid);
  json_object_set_boolean_member (extra, "mute", mute);
  jc_video_room_send (self, "moderate", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_moderate_async, "jc_video_room_moderate_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_moderate_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.moderate_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_video_room_moderate_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_finish_ok (self, result, jc_video_room_moderate_async, error);
}

/**
 * jc_video_room_list_participants_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the participants
 * @user_data: data for @callback
 *
 * Lists a room's participants.
 */
void
jc_video_room_list_participants_async (JcVideoRoom *self,
                                       const JcId *room,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  static const char *const expect[] = { "participants", NULL };

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);

  jc_video_room_send (self, "listparticipants", room, NULL, NULL, NULL, expect, NULL,
                      jc_video_room_list_participants_async, "jc_video_room_list_participants_async", cancellable,
                      callback, user_data);
}

/**
 * jc_video_room_list_participants_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.list_participants_async].
 *
 * Returns: (transfer container) (element-type JcVideoRoomParticipant): the
 *   participants
 */
GPtrArray *
jc_video_room_list_participants_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data =
      jc_video_room_send_finish (self, result, jc_video_room_list_participants_async, NULL, error);

  if (data == NULL)
    return NULL;
  if (jc_json_lookup_array (data, "participants") == NULL)
    {
      jc_set_protocol_error (error, "VideoRoom sent no “participants” array");
      return NULL;
    }
  return jc_video_room_participants_from_json (data, "participants");
}

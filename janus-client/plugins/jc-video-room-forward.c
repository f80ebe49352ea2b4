/* jc-video-room-forward.c: the VideoRoom's synchronous requests that take
 * media out of a room or bring it in: RTP forwarders, recording, remote
 * publishers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-video-room-private.h"

static JsonArray *
finish_array (JcVideoRoom *self, GAsyncResult *result, gpointer tag, const char *member, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, tag, NULL, error);
  JsonArray *array;

  if (data == NULL)
    return NULL;
  array = jc_json_lookup_array (data, member);
  if (array == NULL)
    {
      jc_set_protocol_error (error, "VideoRoom sent no “%s” array", member);
      return NULL;
    }
  return json_array_ref (array);
}

static void
extra_set_array (JsonObject *extra, const char *member, JsonArray *array)
{
  if (array != NULL)
    json_object_set_array_member (extra, member, json_array_ref (array));
}

/**
 * jc_video_room_list_forwarders_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the forwarders
 * @user_data: data for @callback
 *
 * Lists a room's RTP forwarders.
 */
void
jc_video_room_list_forwarders_async (JcVideoRoom *self,
                                     const JcId *room,
                                     JcVideoRoomRequest *options,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  static const char *const expect[] = { "forwarders", NULL };

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);

  jc_video_room_send (self, "listforwarders", room, options, NULL, NULL, expect, NULL,
                      jc_video_room_list_forwarders_async, "jc_video_room_list_forwarders_async", cancellable,
                      callback, user_data);
}

/**
 * jc_video_room_list_forwarders_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.list_forwarders_async].
 *
 * Returns: (transfer full): the `publishers` array: per publisher, its
 *   `forwarders`
 */
JsonArray *
jc_video_room_list_forwarders_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return finish_array (self, result, jc_video_room_list_forwarders_async, "publishers", error);
}

/**
 * jc_video_room_enable_recording_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @record: whether Janus records every publisher
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Starts or stops the server-side recording of a whole room.
 */
void
jc_video_room_enable_recording_async (JcVideoRoom *self,
                                      const JcId *room,
                                      gboolean record,
                                      JcVideoRoomRequest *options,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);

  json_object_set_boolean_member (extra, "record", record);
  jc_video_room_send (self, "enable_recording", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_enable_recording_async, "jc_video_room_enable_recording_async", cancellable,
                      callback, user_data);
}

/**
 * jc_video_room_enable_recording_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.enable_recording_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_video_room_enable_recording_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_finish_ok (self, result, jc_video_room_enable_recording_async, error);
}

/**
 * jc_video_room_rtp_forward_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @publisher: whose streams to forward
 * @host: where to send the RTP
 * @streams: (nullable): per stream `mid`, `port` and more, as the plugin
 *   documents them
 * @options: (nullable): `secret` and other fields (`host_family`, …)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the forwarders
 * @user_data: data for @callback
 *
 * Forwards a publisher's streams as plain RTP.
 */
void
jc_video_room_rtp_forward_async (JcVideoRoom *self,
                                 const JcId *room,
                                 const JcId *publisher,
                                 const char *host,
                                 JsonArray *streams,
                                 JcVideoRoomRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  static const char *const expect[] = { "rtp_forward", NULL };
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && publisher != NULL && host != NULL);

  jc_plugin_set_id (extra, "publisher_id", publisher);
  json_object_set_string_member (extra, "host", host);
  extra_set_array (extra, "streams", streams);
  jc_video_room_send (self, "rtp_forward", room, options, extra, NULL, expect, NULL, jc_video_room_rtp_forward_async,
                      "jc_video_room_rtp_forward_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_rtp_forward_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.rtp_forward_async].
 *
 * Returns: (transfer full): the plugin's data: with @streams, a
 *   `forwarders` array (each with its `stream_id`); without, Janus 1.1
 *   takes its deprecated API and answers an `rtp_stream` object
 */
JsonObject *
jc_video_room_rtp_forward_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_send_finish (self, result, jc_video_room_rtp_forward_async, NULL, error);
}

/**
 * jc_video_room_stop_rtp_forward_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @publisher: the forwarded publisher
 * @stream_id: the forwarder's `stream_id`
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once stopped
 * @user_data: data for @callback
 *
 * Stops an RTP forwarder.
 */
void
jc_video_room_stop_rtp_forward_async (JcVideoRoom *self,
                                      const JcId *room,
                                      const JcId *publisher,
                                      guint stream_id,
                                      JcVideoRoomRequest *options,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  static const char *const expect[] = { "stop_rtp_forward", NULL };
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && publisher != NULL);

  jc_plugin_set_id (extra, "publisher_id", publisher);
  json_object_set_int_member (extra, "stream_id", stream_id);
  jc_video_room_send (self, "stop_rtp_forward", room, options, extra, NULL, expect, NULL,
                      jc_video_room_stop_rtp_forward_async, "jc_video_room_stop_rtp_forward_async", cancellable,
                      callback, user_data);
}

/**
 * jc_video_room_stop_rtp_forward_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.stop_rtp_forward_async].
 *
 * Returns: %TRUE once stopped
 */
gboolean
jc_video_room_stop_rtp_forward_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_finish_ok (self, result, jc_video_room_stop_rtp_forward_async, error);
}

/**
 * jc_video_room_list_remotes_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @publisher: a local publisher
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the list
 * @user_data: data for @callback
 *
 * Lists where a publisher is published remotely (`listremotes`, new in
 * Janus 1.1).
 */
void
jc_video_room_list_remotes_async (JcVideoRoom *self,
                                  const JcId *room,
                                  const JcId *publisher,
                                  JcVideoRoomRequest *options,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && publisher != NULL);

  jc_plugin_set_id (extra, "publisher_id", publisher);
  jc_video_room_send (self, "listremotes", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_list_remotes_async, "jc_video_room_list_remotes_async", cancellable, callback,
                      user_data);
}

/**
 * jc_video_room_list_remotes_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.list_remotes_async].
 *
 * Returns: (transfer full): the `list` array
 */
JsonArray *
jc_video_room_list_remotes_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return finish_array (self, result, jc_video_room_list_remotes_async, "list", error);
}

/**
 * jc_video_room_add_remote_publisher_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @streams: the remote publisher's streams (`type`, `mindex`, `mid`,
 *   `codec`, …)
 * @options: (nullable): `secret`, `id`, `display`, and `iface`, `port`
 *   through [method@VideoRoomRequest.set_extra]
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with where to send the RTP
 * @user_data: data for @callback
 *
 * Adds a publisher whose media comes as RTP from another Janus (new in
 * Janus 1.1).
 */
void
jc_video_room_add_remote_publisher_async (JcVideoRoom *self,
                                          const JcId *room,
                                          JsonArray *streams,
                                          JcVideoRoomRequest *options,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && streams != NULL);

  extra_set_array (extra, "streams", streams);
  jc_video_room_send (self, "add_remote_publisher", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_add_remote_publisher_async, "jc_video_room_add_remote_publisher_async",
                      cancellable, callback, user_data);
}

/**
 * jc_video_room_add_remote_publisher_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.add_remote_publisher_async].
 *
 * Returns: (transfer full): the plugin's data: `id`, `ip`, `port`,
 *   `rtcp_port`
 */
JsonObject *
jc_video_room_add_remote_publisher_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_send_finish (self, result, jc_video_room_add_remote_publisher_async, NULL, error);
}

/**
 * jc_video_room_update_remote_publisher_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @publisher: the remote publisher
 * @streams: its new streams
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once updated
 * @user_data: data for @callback
 *
 * Changes a remote publisher's streams (new in Janus 1.1).
 */
void
jc_video_room_update_remote_publisher_async (JcVideoRoom *self,
                                             const JcId *room,
                                             const JcId *publisher,
                                             JsonArray *streams,
                                             JcVideoRoomRequest *options,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && publisher != NULL && streams != NULL);

  jc_plugin_set_id (extra, "id", publisher);
  extra_set_array (extra, "streams", streams);
  jc_video_room_send (self, "update_remote_publisher", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_update_remote_publisher_async, "jc_video_room_update_remote_publisher_async",
                      cancellable, callback, user_data);
}

/**
 * jc_video_room_update_remote_publisher_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.update_remote_publisher_async].
 *
 * Returns: %TRUE once updated
 */
gboolean
jc_video_room_update_remote_publisher_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_finish_ok (self, result, jc_video_room_update_remote_publisher_async, error);
}

/**
 * jc_video_room_remove_remote_publisher_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @publisher: the remote publisher
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once removed
 * @user_data: data for @callback
 *
 * Removes a remote publisher (new in Janus 1.1).
 */
void
jc_video_room_remove_remote_publisher_async (JcVideoRoom *self,
                                             const JcId *room,
                                             const JcId *publisher,
                                             JcVideoRoomRequest *options,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && publisher != NULL);

  jc_plugin_set_id (extra, "id", publisher);
  jc_video_room_send (self, "remove_remote_publisher", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_remove_remote_publisher_async, "jc_video_room_remove_remote_publisher_async",
                      cancellable, callback, user_data);
}

/**
 * jc_video_room_remove_remote_publisher_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.remove_remote_publisher_async].
 *
 * Returns: %TRUE once removed
 */
gboolean
jc_video_room_remove_remote_publisher_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_finish_ok (self, result, jc_video_room_remove_remote_publisher_async, error);
}

/**
 * jc_video_room_publish_remotely_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @publisher: a local publisher
 * @remote_id: a name for this remote publication
 * @host: where to send the RTP (another Janus's remote publisher)
 * @port: its port
 * @options: (nullable): `secret`, and `rtcp_port`, `host_family`, SRTP
 *   settings through [method@VideoRoomRequest.set_extra]
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugin's data
 * @user_data: data for @callback
 *
 * Sends a local publisher to a remote publisher of another Janus (new in
 * Janus 1.1).
 */
void
jc_video_room_publish_remotely_async (JcVideoRoom *self,
                                      const JcId *room,
                                      const JcId *publisher,
                                      const char *remote_id,
                                      const char *host,
                                      guint port,
                                      JcVideoRoomRequest *options,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && publisher != NULL && remote_id != NULL && host != NULL);

  jc_plugin_set_id (extra, "publisher_id", publisher);
  json_object_set_string_member (extra, "remote_id", remote_id);
  json_object_set_string_member (extra, "host", host);
  json_object_set_int_member (extra, "port", port);
  jc_video_room_send (self, "publish_remotely", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_publish_remotely_async, "jc_video_room_publish_remotely_async", cancellable,
                      callback, user_data);
}

/**
 * jc_video_room_publish_remotely_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.publish_remotely_async].
 *
 * Returns: (transfer full): the plugin's data
 */
JsonObject *
jc_video_room_publish_remotely_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_send_finish (self, result, jc_video_room_publish_remotely_async, NULL, error);
}

/**
 * jc_video_room_unpublish_remotely_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @publisher: a local publisher
 * @remote_id: the remote publication's name
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once stopped
 * @user_data: data for @callback
 *
 * Stops a remote publication (new in Janus 1.1).
 */
void
jc_video_room_unpublish_remotely_async (JcVideoRoom *self,
                                        const JcId *room,
                                        const JcId *publisher,
                                        const char *remote_id,
                                        JcVideoRoomRequest *options,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL && publisher != NULL && remote_id != NULL);

  jc_plugin_set_id (extra, "publisher_id", publisher);
  json_object_set_string_member (extra, "remote_id", remote_id);
  jc_video_room_send (self, "unpublish_remotely", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                      jc_video_room_unpublish_remotely_async, "jc_video_room_unpublish_remotely_async",
                      cancellable, callback, user_data);
}

/**
 * jc_video_room_unpublish_remotely_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.unpublish_remotely_async].
 *
 * Returns: %TRUE once stopped
 */
gboolean
jc_video_room_unpublish_remotely_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  return jc_video_room_finish_ok (self, result, jc_video_room_unpublish_remotely_async, error);
}

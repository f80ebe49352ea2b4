/* jc-video-room-subscriber.c: the VideoRoom's subscriber requests
 * (join as a subscriber, subscribe, unsubscribe, update, start, pause,
 * switch), which the plugin answers asynchronously
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-video-room-private.h"

static const char *const expect_event[] = { "event", NULL };

static JsonObject *
feeds_extra (const char *member, GPtrArray *feeds)
{
  JsonObject *extra = json_object_new ();
  JsonArray *array = json_array_new ();

  for (guint i = 0; feeds != NULL && i < feeds->len; i++)
    {
      JsonObject *stream = json_object_new ();

      json_object_set_member (stream, "feed", jc_id_to_json (g_ptr_array_index (feeds, i)));
      json_array_add_object_element (array, stream);
    }
  json_object_set_array_member (extra, member, array);
  return extra;
}

/* Subscribers */

static void
offer_hook (JcVideoRoom *self, GTask *task, JsonObject *data, JsonObject *jsep)
{
  gboolean join = g_task_get_source_tag (task) == jc_video_room_join_subscriber_async;
  GError *error = NULL;

  /* Joining comes with Janus's offer; changes with one when the SDP
   * changes. */
  if (((join || jsep != NULL) && !jc_video_room_check_jsep (jsep, "offer", &error)) ||
      !(join ? jc_video_room_take_join (self, data, FALSE, &error) : jc_video_room_take_streams (self, data, &error)))
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  if (jsep != NULL && jc_video_room_has_peer (self))
    {
      /* Answered and started before the call completes. */
      jc_video_room_negotiate (self, jsep, task, data);
      return;
    }
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

static GPtrArray *
streams_finish (JcVideoRoom *self, GAsyncResult *result, gpointer tag, JsonObject **out_offer, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, tag, out_offer, error);

  /* As the hook took them from the reply, malformed entries left out. */
  if (data == NULL)
    return NULL;
  return jc_video_room_get_streams (self);
}

/**
 * jc_video_room_join_subscriber_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @feeds: (nullable) (element-type JcId): the publishers to
 *   receive, every stream of each
 * @options: (nullable): `private_id`, `pin`, `streams` (to pick single
 *   streams instead of @feeds), `use_msid`, `autoupdate`, …
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the subscription's streams
 * @user_data: data for @callback
 *
 * Subscribes to feeds (`join` with `ptype` `subscriber`): one handle and
 * one PeerConnection for any number of feeds. With a peer set
 * ([method@VideoRoom.set_peer]) Janus's offer is answered and `start` sent
 * before the call completes; without, answer the offer yourself and call
 * [method@VideoRoom.start_async].
 */
void
jc_video_room_join_subscriber_async (JcVideoRoom *self,
                                     const JcId *room,
                                     GPtrArray *feeds,
                                     JcVideoRoomRequest *options,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  static const char *const expect[] = { "attached", NULL };
  g_autoptr (JsonObject) extra = feeds_extra ("streams", feeds);

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);

  if (options != NULL && jc_json_has_member (jc_video_room_request_peek_body (options), "streams"))
    json_object_remove_member (extra, "streams");
  json_object_set_string_member (extra, "ptype", "subscriber");
  jc_video_room_send (self, "join", room, options, extra, NULL, expect, offer_hook,
                      jc_video_room_join_subscriber_async, "jc_video_room_join_subscriber_async", cancellable,
                      callback, user_data);
}

/**
 * jc_video_room_join_subscriber_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @out_offer: (out) (optional) (nullable) (transfer full): Janus's offer
 *   (already answered when the handle has a peer)
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.join_subscriber_async].
 *
 * Returns: (transfer container) (element-type JcVideoRoomStream): the
 *   subscription's streams
 */
GPtrArray *
jc_video_room_join_subscriber_finish (JcVideoRoom *self, GAsyncResult *result, JsonObject **out_offer, GError **error)
{
  return streams_finish (self, result, jc_video_room_join_subscriber_async, out_offer, error);
}

static const char *const expect_updated[] = { "updated", "event", NULL };

/**
 * jc_video_room_update_async:
 * @self: a subscriber handle
 * @subscribe: (nullable) (element-type JcId): feeds to add
 * @unsubscribe: (nullable) (element-type JcId): feeds to remove
 * @options: (nullable): other fields
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the streams
 * @user_data: data for @callback
 *
 * Adds and removes feeds in one renegotiation (`update`). The new offer
 * is answered as for [method@VideoRoom.join_subscriber_async].
 */
void
jc_video_room_update_async (JcVideoRoom *self,
                            GPtrArray *subscribe,
                            GPtrArray *unsubscribe,
                            JcVideoRoomRequest *options,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));

  if (subscribe != NULL)
    {
      g_autoptr (JsonObject) sub = feeds_extra ("subscribe", subscribe);

      json_object_set_member (extra, "subscribe", json_node_copy (json_object_get_member (sub, "subscribe")));
    }
  if (unsubscribe != NULL)
    {
      g_autoptr (JsonObject) unsub = feeds_extra ("unsubscribe", unsubscribe);

      json_object_set_member (extra, "unsubscribe", json_node_copy (json_object_get_member (unsub, "unsubscribe")));
    }
  jc_video_room_send (self, "update", NULL, options, extra, NULL, expect_updated, offer_hook,
                      jc_video_room_update_async, "jc_video_room_update_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_update_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @out_offer: (out) (optional) (nullable) (transfer full): Janus's offer
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.update_async].
 *
 * Returns: (transfer container) (element-type JcVideoRoomStream): the
 *   streams
 */
GPtrArray *
jc_video_room_update_finish (JcVideoRoom *self, GAsyncResult *result, JsonObject **out_offer, GError **error)
{
  return streams_finish (self, result, jc_video_room_update_async, out_offer, error);
}

/**
 * jc_video_room_subscribe_async:
 * @self: a subscriber handle
 * @feeds: (element-type JcId): feeds to add
 * @options: (nullable): `streams` to pick single streams, …
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the streams
 * @user_data: data for @callback
 *
 * Adds feeds to the subscription (`subscribe`).
 */
void
jc_video_room_subscribe_async (JcVideoRoom *self,
                               GPtrArray *feeds,
                               JcVideoRoomRequest *options,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (JsonObject) extra = feeds_extra ("streams", feeds);

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (feeds != NULL || options != NULL);

  if (options != NULL && jc_json_has_member (jc_video_room_request_peek_body (options), "streams"))
    json_object_remove_member (extra, "streams");
  jc_video_room_send (self, "subscribe", NULL, options, extra, NULL, expect_updated, offer_hook,
                      jc_video_room_subscribe_async, "jc_video_room_subscribe_async", cancellable, callback,
                      user_data);
}

/**
 * jc_video_room_subscribe_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @out_offer: (out) (optional) (nullable) (transfer full): Janus's offer
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.subscribe_async].
 *
 * Returns: (transfer container) (element-type JcVideoRoomStream): the
 *   streams
 */
GPtrArray *
jc_video_room_subscribe_finish (JcVideoRoom *self, GAsyncResult *result, JsonObject **out_offer, GError **error)
{
  return streams_finish (self, result, jc_video_room_subscribe_async, out_offer, error);
}

/**
 * jc_video_room_unsubscribe_async:
 * @self: a subscriber handle
 * @feeds: (element-type JcId): feeds to remove
 * @options: (nullable): `streams` to pick single streams, …
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the streams
 * @user_data: data for @callback
 *
 * Removes feeds from the subscription (`unsubscribe`).
 */
void
jc_video_room_unsubscribe_async (JcVideoRoom *self,
                                 GPtrArray *feeds,
                                 JcVideoRoomRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (JsonObject) extra = feeds_extra ("streams", feeds);

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (feeds != NULL || options != NULL);

  if (options != NULL && jc_json_has_member (jc_video_room_request_peek_body (options), "streams"))
    json_object_remove_member (extra, "streams");
  jc_video_room_send (self, "unsubscribe", NULL, options, extra, NULL, expect_updated, offer_hook,
                      jc_video_room_unsubscribe_async, "jc_video_room_unsubscribe_async", cancellable, callback,
                      user_data);
}

/**
 * jc_video_room_unsubscribe_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @out_offer: (out) (optional) (nullable) (transfer full): Janus's offer
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.unsubscribe_async].
 *
 * Returns: (transfer container) (element-type JcVideoRoomStream): the
 *   streams
 */
GPtrArray *
jc_video_room_unsubscribe_finish (JcVideoRoom *self, GAsyncResult *result, JsonObject **out_offer, GError **error)
{
  return streams_finish (self, result, jc_video_room_unsubscribe_async, out_offer, error);
}

/**
 * jc_video_room_start_async:
 * @self: a subscriber handle
 * @answer: (nullable): the answer to Janus's offer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once started
 * @user_data: data for @callback
 *
 * Starts (or resumes) the subscription's media (`start`).
 */
void
jc_video_room_start_async (JcVideoRoom *self,
                           JsonObject *answer,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));

  jc_video_room_send (self, "start", NULL, NULL, NULL, answer, expect_event, NULL, jc_video_room_start_async,
                      "jc_video_room_start_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_start_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.start_async].
 *
 * Returns: %TRUE once started
 */
gboolean
jc_video_room_start_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_start_async, NULL, error);

  return data != NULL;
}

/**
 * jc_video_room_pause_async:
 * @self: a subscriber handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once paused
 * @user_data: data for @callback
 *
 * Pauses the subscription's media (`pause`); [method@VideoRoom.start_async]
 * resumes it.
 */
void
jc_video_room_pause_async (JcVideoRoom *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));

  jc_video_room_send (self, "pause", NULL, NULL, NULL, NULL, expect_event, NULL, jc_video_room_pause_async,
                      "jc_video_room_pause_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_pause_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.pause_async].
 *
 * Returns: %TRUE once paused
 */
gboolean
jc_video_room_pause_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_pause_async, NULL, error);

  return data != NULL;
}

/* Janus answers a switch with the whole subscription as it is now. */
static void
switched_hook (JcVideoRoom *self, GTask *task, JsonObject *data, JsonObject *jsep)
{
  GError *error = NULL;

  if (!jc_video_room_take_streams (self, data, &error))
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_video_room_switch_async:
 * @self: a subscriber handle
 * @streams: `{feed, mid, sub_mid}` objects: which publisher stream each
 *   of our m-lines carries from now on
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once switched
 * @user_data: data for @callback
 *
 * Switches streams of the subscription to other publishers without a
 * renegotiation (`switch`). Janus answers with every stream of the
 * subscription: [method@VideoRoom.get_streams] names the new feeds and
 * [signal@VideoRoom::updated] is emitted before the call completes. A
 * feed that does not exist fails with %JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED
 * and changes nothing.
 */
void
jc_video_room_switch_async (JcVideoRoom *self,
                            JsonArray *streams,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (streams != NULL);

  json_object_set_array_member (extra, "streams", json_array_ref (streams));
  jc_video_room_send (self, "switch", NULL, NULL, extra, NULL, expect_event, switched_hook, jc_video_room_switch_async,
                      "jc_video_room_switch_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_switch_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.switch_async].
 *
 * Returns: %TRUE once switched
 */
gboolean
jc_video_room_switch_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_switch_async, NULL, error);

  return data != NULL;
}

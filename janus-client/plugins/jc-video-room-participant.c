/* jc-video-room-participant.c: the VideoRoom's publisher requests and
 * leave, which the plugin answers asynchronously (the subscriber's are in
 * jc-video-room-subscriber.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-video-room-private.h"

static const char *const expect_event[] = { "event", NULL };

/* Publisher join */

/* Hooks fail a malformed reply before anything changes. */

static void
publisher_joined_hook (JcVideoRoom *self, GTask *task, JsonObject *data, JsonObject *jsep)
{
  GError *error = NULL;

  /* joinandconfigure's offer is answered. */
  if ((jsep != NULL && !jc_video_room_check_jsep (jsep, "answer", &error)) ||
      !jc_video_room_take_join (self, data, TRUE, &error))
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  if (g_task_get_source_tag (task) == jc_video_room_join_and_configure_async)
    jc_video_room_emit_configured (self, data);
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_video_room_join_publisher_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @options: (nullable): `display`, `id`, `pin`, `token`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with our participant id
 * @user_data: data for @callback
 *
 * Joins a room as a publisher (`join` with `ptype` `publisher`), which
 * does not publish anything yet. [signal@VideoRoom::joined] and
 * [signal@VideoRoom::publishers] (for the feeds already there) are
 * emitted before the call completes. A room with a pin fails with
 * %JC_VIDEO_ROOM_ERROR_UNAUTHORIZED without the right one.
 */
void
jc_video_room_join_publisher_async (JcVideoRoom *self,
                                    const JcId *room,
                                    JcVideoRoomRequest *options,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  static const char *const expect[] = { "joined", NULL };
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);

  json_object_set_string_member (extra, "ptype", "publisher");
  jc_video_room_send (self, "join", room, options, extra, NULL, expect, publisher_joined_hook,
                      jc_video_room_join_publisher_async, "jc_video_room_join_publisher_async", cancellable,
                      callback, user_data);
}

static JcId *
joined_id (JsonObject *data, GError **error)
{
  JcId *id;

  if (data == NULL)
    return NULL;
  id = jc_id_lookup (data, "id");
  if (id == NULL)
    jc_set_protocol_error (error, "VideoRoom sent no valid participant “id” on joining");
  return id;
}

/**
 * jc_video_room_join_publisher_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.join_publisher_async].
 *
 * Returns: (transfer full): our participant id
 */
JcId *
jc_video_room_join_publisher_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_join_publisher_async, NULL, error);

  return joined_id (data, error);
}

/**
 * jc_video_room_join_and_configure_async:
 * @self: a VideoRoom handle
 * @room: the room
 * @options: (nullable): the fields of `join` and of `configure`
 * @offer: (nullable): the publisher's offer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with our id and Janus's answer
 * @user_data: data for @callback
 *
 * Joins as a publisher and publishes in one request (`joinandconfigure`).
 */
void
jc_video_room_join_and_configure_async (JcVideoRoom *self,
                                        const JcId *room,
                                        JcVideoRoomRequest *options,
                                        JsonObject *offer,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  static const char *const expect[] = { "joined", NULL };
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (room != NULL);

  json_object_set_string_member (extra, "ptype", "publisher");
  jc_video_room_send (self, "joinandconfigure", room, options, extra, offer, expect, publisher_joined_hook,
                      jc_video_room_join_and_configure_async, "jc_video_room_join_and_configure_async", cancellable,
                      callback, user_data);
}

/**
 * jc_video_room_join_and_configure_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @out_answer: (out) (optional) (nullable) (transfer full): Janus's answer
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.join_and_configure_async].
 *
 * Returns: (transfer full): our participant id
 */
JcId *
jc_video_room_join_and_configure_finish (JcVideoRoom *self, GAsyncResult *result, JsonObject **out_answer, GError **error)
{
  g_autoptr (JsonObject) data =
      jc_video_room_send_finish (self, result, jc_video_room_join_and_configure_async, out_answer, error);

  return joined_id (data, error);
}

/* configure, publish, unpublish */

static void
configured_hook (JcVideoRoom *self, GTask *task, JsonObject *data, JsonObject *jsep)
{
  gboolean publish = g_task_get_source_tag (task) == jc_video_room_publish_async;
  const char *configured = jc_json_lookup_string (data, "configured");
  GError *error = NULL;

  /* A publisher's offer (always with publish) is answered; a subscriber
   * that asks for an ICE restart gets an offer. */
  if ((publish || jc_json_has_member (data, "configured")) && g_strcmp0 (configured, "ok") != 0)
    error = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "VideoRoom did not confirm %s: “configured” is not “ok”",
                         g_task_get_name (task));
  else if (publish || jsep != NULL)
    jc_video_room_check_jsep (jsep, publish || jc_video_room_get_participant_id (self) != NULL ? "answer" : "offer", &error);
  if (error != NULL)
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  jc_video_room_emit_configured (self, data);
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_video_room_configure_async:
 * @self: a joined VideoRoom handle
 * @options: (nullable): what to change: `display`, `bitrate`, `streams`,
 *   `record`, … (publishers); `streams`, substream and layer choices
 *   (subscribers)
 * @jsep: (nullable): an offer, to renegotiate a publisher
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once configured
 * @user_data: data for @callback
 *
 * Changes a participant's settings (`configure`). Other participants see a
 * new display name through [signal@VideoRoom::display-changed].
 */
void
jc_video_room_configure_async (JcVideoRoom *self,
                               JcVideoRoomRequest *options,
                               JsonObject *jsep,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));

  jc_video_room_send (self, "configure", NULL, options, NULL, jsep, expect_event, configured_hook,
                      jc_video_room_configure_async, "jc_video_room_configure_async", cancellable, callback,
                      user_data);
}

/**
 * jc_video_room_configure_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @out_jsep: (out) (optional) (nullable) (transfer full): Janus's answer,
 *   when an offer was sent
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.configure_async].
 *
 * Returns: %TRUE once configured
 */
gboolean
jc_video_room_configure_finish (JcVideoRoom *self, GAsyncResult *result, JsonObject **out_jsep, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_configure_async, out_jsep, error);

  return data != NULL;
}

/**
 * jc_video_room_publish_async:
 * @self: a VideoRoom handle joined as a publisher
 * @options: (nullable): `display`, `bitrate`, codecs, `descriptions`,
 *   `record`, …
 * @offer: the offer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with Janus's answer
 * @user_data: data for @callback
 *
 * Starts publishing (`publish`). Set the answer on the peer that made the
 * offer; [method@VideoRoom.publish_media_async] does all of it.
 */
void
jc_video_room_publish_async (JcVideoRoom *self,
                             JcVideoRoomRequest *options,
                             JsonObject *offer,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (offer != NULL);

  jc_video_room_send (self, "publish", NULL, options, NULL, offer, expect_event, configured_hook,
                      jc_video_room_publish_async, "jc_video_room_publish_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_publish_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @out_answer: (out) (optional) (nullable) (transfer full): Janus's answer
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.publish_async].
 *
 * Returns: %TRUE once Janus accepted the offer
 */
gboolean
jc_video_room_publish_finish (JcVideoRoom *self, GAsyncResult *result, JsonObject **out_answer, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_publish_async, out_answer, error);

  return data != NULL;
}

/**
 * jc_video_room_unpublish_async:
 * @self: a publishing VideoRoom handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once unpublished
 * @user_data: data for @callback
 *
 * Stops publishing and stays in the room (`unpublish`).
 */
void
jc_video_room_unpublish_async (JcVideoRoom *self,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));

  jc_video_room_send (self, "unpublish", NULL, NULL, NULL, NULL, expect_event, NULL, jc_video_room_unpublish_async,
                      "jc_video_room_unpublish_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_unpublish_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.unpublish_async].
 *
 * Returns: %TRUE once unpublished
 */
gboolean
jc_video_room_unpublish_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_unpublish_async, NULL, error);

  return data != NULL;
}

/* publish_media: offer → publish or joinandconfigure → answer */

typedef struct
{
  JcPeer *peer;                /* (owned) */
  JcId *room;                  /* (owned) (nullable) */
  JcVideoRoomRequest *options; /* (owned) (nullable) */
} PublishMedia;

static void
publish_media_free (gpointer data)
{
  PublishMedia *pm = data;

  g_object_unref (pm->peer);
  jc_id_free (pm->room);
  g_clear_pointer (&pm->options, jc_video_room_request_unref);
  g_free (pm);
}

static void
on_answer_set (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!jc_peer_set_remote_description_finish (JC_PEER (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_media_published (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  PublishMedia *pm = g_task_get_task_data (task);
  JcVideoRoom *self = JC_VIDEO_ROOM (source);
  GError *error = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (JcId) id = NULL;
  gboolean ok;

  if (pm->room != NULL)
    ok = (id = jc_video_room_join_and_configure_finish (self, result, &answer, &error)) != NULL;
  else
    ok = jc_video_room_publish_finish (self, result, &answer, &error);
  if (!ok)
    {
      g_task_return_error (task, error);
      return;
    }
  if (answer == NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL, "VideoRoom accepted the offer but sent no answer");
      return;
    }
  jc_peer_set_remote_description_async (pm->peer, answer, g_task_get_cancellable (task), on_answer_set,
                                        g_object_ref (task));
}

static void
on_media_offer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  PublishMedia *pm = g_task_get_task_data (task);
  JcVideoRoom *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (JsonObject) offer = jc_peer_create_offer_finish (JC_PEER (source), result, &error);

  if (offer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (pm->room != NULL)
    jc_video_room_join_and_configure_async (self, pm->room, pm->options, offer, g_task_get_cancellable (task),
                                            on_media_published, g_object_ref (task));
  else
    jc_video_room_publish_async (self, pm->options, offer, g_task_get_cancellable (task), on_media_published,
                                 g_object_ref (task));
}

/**
 * jc_video_room_publish_media_async:
 * @self: a VideoRoom handle
 * @room: (nullable): the room to join and publish in at once
 *   (`joinandconfigure`), or %NULL when @self joined already (`publish`)
 * @peer: a peer of @self with its source set
 * @options: (nullable): `display`, `pin`, `bitrate`, … for the request
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus's answer is set
 * @user_data: data for @callback
 *
 * Publishes @peer's media: creates the offer, sends it, and sets Janus's
 * answer. Media flows once [signal@Handle::webrtcup] fires.
 */
void
jc_video_room_publish_media_async (JcVideoRoom *self,
                                   const JcId *room,
                                   JcPeer *peer,
                                   JcVideoRoomRequest *options,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  PublishMedia *pm;

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (JC_IS_PEER (peer));
  g_return_if_fail (jc_peer_get_handle (peer) == JC_HANDLE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_video_room_publish_media_async);
  g_task_set_name (task, "jc_video_room_publish_media_async");
  if (room == NULL && jc_video_room_get_room (self) == NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                               "Cannot publish: give a room or join one first");
      return;
    }
  pm = g_new0 (PublishMedia, 1);
  pm->peer = g_object_ref (peer);
  pm->room = room != NULL ? jc_id_copy (room) : NULL;
  pm->options = options != NULL ? jc_video_room_request_ref (options) : NULL;
  g_task_set_task_data (task, pm, publish_media_free);
  jc_video_room_set_peer (self, peer, NULL);
  jc_peer_create_offer_async (peer, cancellable, on_media_offer, g_steal_pointer (&task));
}

/**
 * jc_video_room_publish_media_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.publish_media_async].
 *
 * Returns: %TRUE once negotiated
 */
gboolean
jc_video_room_publish_media_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_video_room_publish_media_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
left_hook (JcVideoRoom *self, GTask *task, JsonObject *data, JsonObject *jsep)
{
  jc_video_room_clear_membership (self);
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_video_room_leave_async:
 * @self: a joined VideoRoom handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once left
 * @user_data: data for @callback
 *
 * Leaves the room (`leave`): a publisher stops publishing and leaves, a
 * subscriber ends its subscription.
 *
 * Janus 1.1.2 keeps the PeerConnection of a publisher that only leaves,
 * and its subscribers keep the stale streams: hang the handle up as well
 * ([method@Handle.hangup_async], before or after) so that subscribers get
 * a new offer without the feed.
 */
void
jc_video_room_leave_async (JcVideoRoom *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));

  jc_video_room_send (self, "leave", NULL, NULL, NULL, NULL, expect_event, left_hook, jc_video_room_leave_async,
                      "jc_video_room_leave_async", cancellable, callback, user_data);
}

/**
 * jc_video_room_leave_finish:
 * @self: a VideoRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoRoom.leave_async].
 *
 * Returns: %TRUE once left
 */
gboolean
jc_video_room_leave_finish (JcVideoRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_video_room_send_finish (self, result, jc_video_room_leave_async, NULL, error);

  return data != NULL;
}

/* jc-video-room-request.c: JcVideoRoomRequest, the optional fields of a
 * VideoRoom request
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-json-private.h"
#include "jc-video-room-private.h"

/* Requests */

/**
 * JcVideoRoomRequest:
 *
 * Optional fields of a VideoRoom request: typed setters for the common
 * ones, [method@VideoRoomRequest.set_extra] for any other (fields newer
 * plugins accept, or the `new_*` fields of `edit`). Fields left unset are
 * not sent; the `request` name and the ids the call takes as arguments are
 * set by the call itself.
 */
/* A JcPluginOptions (jc-plugin-private.h). */

G_DEFINE_BOXED_TYPE (JcVideoRoomRequest, jc_video_room_request, jc_video_room_request_ref, jc_video_room_request_unref)

/**
 * jc_video_room_request_new:
 *
 * Creates an empty set of options.
 *
 * Returns: (transfer full): a new request
 */
JcVideoRoomRequest *
jc_video_room_request_new (void)
{
  return jc_plugin_options_new ();
}

/**
 * jc_video_room_request_ref:
 * @self: a request
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcVideoRoomRequest *
jc_video_room_request_ref (JcVideoRoomRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_plugin_options_ref (self);
}

/**
 * jc_video_room_request_unref:
 * @self: (transfer full): a request
 *
 * Drops a reference.
 */
void
jc_video_room_request_unref (JcVideoRoomRequest *self)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_unref (self);
}

/**
 * jc_video_room_request_set_secret:
 * @self: a request
 * @secret: (nullable): the room's secret
 *
 * Sets `secret`, which rooms created with one require to edit, destroy,
 * kick, moderate, forward or record.
 */
void
jc_video_room_request_set_secret (JcVideoRoomRequest *self, const char *secret)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "secret", secret);
}

/**
 * jc_video_room_request_set_pin:
 * @self: a request
 * @pin: (nullable): the room's pin
 *
 * Sets `pin`: required to join (and list) a room created with one; for
 * `create`, the pin of the new room.
 */
void
jc_video_room_request_set_pin (JcVideoRoomRequest *self, const char *pin)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "pin", pin);
}

/**
 * jc_video_room_request_set_token:
 * @self: a request
 * @token: (nullable): an invitation token
 *
 * Sets `token`, checked against the room's `allowed` list when enabled.
 */
void
jc_video_room_request_set_token (JcVideoRoomRequest *self, const char *token)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "token", token);
}

/**
 * jc_video_room_request_set_admin_key:
 * @self: a request
 * @admin_key: (nullable): the plugin's admin key
 *
 * Sets `admin_key`, needed to create rooms when the plugin is configured
 * with one.
 */
void
jc_video_room_request_set_admin_key (JcVideoRoomRequest *self, const char *admin_key)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "admin_key", admin_key);
}

/**
 * jc_video_room_request_set_display:
 * @self: a request
 * @display: (nullable): a display name
 *
 * Sets `display`: the name others see (join, configure).
 */
void
jc_video_room_request_set_display (JcVideoRoomRequest *self, const char *display)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "display", display);
}

/**
 * jc_video_room_request_set_id:
 * @self: a request
 * @id: (nullable): a participant id
 *
 * Sets `id`: the id to join with (chosen by the plugin when unset).
 */
void
jc_video_room_request_set_id (JcVideoRoomRequest *self, const JcId *id)
{
  g_return_if_fail (self != NULL);

  if (id != NULL)
    json_object_set_member (jc_plugin_options_body (self), "id", jc_id_to_json (id));
  else
    json_object_remove_member (jc_plugin_options_body (self), "id");
}

/**
 * jc_video_room_request_set_description:
 * @self: a request
 * @description: (nullable): a room description
 *
 * Sets `description` (create).
 */
void
jc_video_room_request_set_description (JcVideoRoomRequest *self, const char *description)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "description", description);
}

/**
 * jc_video_room_request_set_publishers:
 * @self: a request
 * @publishers: the most publishers at a time
 *
 * Sets `publishers` (create; default 3).
 */
void
jc_video_room_request_set_publishers (JcVideoRoomRequest *self, guint publishers)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "publishers", publishers);
}

/**
 * jc_video_room_request_set_permanent:
 * @self: a request
 * @permanent: whether Janus saves the change to its configuration file
 *
 * Sets `permanent` (create, edit, destroy, allowed).
 */
void
jc_video_room_request_set_permanent (JcVideoRoomRequest *self, gboolean permanent)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "permanent", permanent);
}

/**
 * jc_video_room_request_set_is_private:
 * @self: a request
 * @is_private: whether `list` hides the room
 *
 * Sets `is_private` (create).
 */
void
jc_video_room_request_set_is_private (JcVideoRoomRequest *self, gboolean is_private)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "is_private", is_private);
}

/**
 * jc_video_room_request_set_bitrate:
 * @self: a request
 * @bitrate: bits per second
 *
 * Sets `bitrate`: the room's publisher cap (create) or a publisher's own
 * (configure, publish).
 */
void
jc_video_room_request_set_bitrate (JcVideoRoomRequest *self, guint bitrate)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "bitrate", bitrate);
}

/**
 * jc_video_room_request_set_codecs:
 * @self: a request
 * @audio_codec: (nullable): e.g. `opus` or `opus,pcmu`
 * @video_codec: (nullable): e.g. `vp8` or `vp8,h264`
 *
 * Sets `audiocodec` and `videocodec`: the room's allowed codecs (create)
 * or a publisher's preference (publish).
 */
void
jc_video_room_request_set_codecs (JcVideoRoomRequest *self, const char *audio_codec, const char *video_codec)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "audiocodec", audio_codec);
  jc_plugin_options_set_string (self, "videocodec", video_codec);
}

/**
 * jc_video_room_request_set_record:
 * @self: a request
 * @record: whether Janus records
 * @rec_dir: (nullable): the room's recording folder (`rec_dir`, with
 *   `create`)
 *
 * Sets `record`: server-side recording in Janus's MJR format, one file per
 * stream. With `create`, the whole room; with `configure`, `publish` or
 * `joinandconfigure`, this publisher (name its files with
 * [method@VideoRoomRequest.set_filename]).
 */
void
jc_video_room_request_set_record (JcVideoRoomRequest *self, gboolean record, const char *rec_dir)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "record", record);
  if (rec_dir != NULL)
    json_object_set_string_member (jc_plugin_options_body (self), "rec_dir", rec_dir);
}

/**
 * jc_video_room_request_set_filename:
 * @self: a request
 * @filename: the base of a publisher's recording files, on Janus's machine
 *
 * Sets `filename` (`configure`, `publish`, `joinandconfigure`): Janus 1.1.2
 * writes each recorded stream to `FILENAME-audio-MINDEX.mjr` or
 * `FILENAME-video-MINDEX.mjr`. An absolute path is the tested case. Use
 * with [method@VideoRoomRequest.set_record]; `janus-pp-rec` (Debian's
 * `janus-tools`) turns the files into WebM or Opus.
 */
void
jc_video_room_request_set_filename (JcVideoRoomRequest *self, const char *filename)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (filename != NULL);
  json_object_set_string_member (jc_plugin_options_body (self), "filename", filename);
}

/**
 * jc_video_room_request_set_notify_joining:
 * @self: a request
 * @notify_joining: whether participants hear of every joining participant
 *
 * Sets `notify_joining` (create), which enables
 * [signal@VideoRoom::joining].
 */
void
jc_video_room_request_set_notify_joining (JcVideoRoomRequest *self, gboolean notify_joining)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "notify_joining", notify_joining);
}

/**
 * jc_video_room_request_set_audiolevel_event:
 * @self: a request
 * @audiolevel_event: whether Janus sends talking events
 *
 * Sets `audiolevel_event` (create), which enables
 * [signal@VideoRoom::talking] and [signal@VideoRoom::stopped-talking].
 */
void
jc_video_room_request_set_audiolevel_event (JcVideoRoomRequest *self, gboolean audiolevel_event)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "audiolevel_event", audiolevel_event);
}

/**
 * jc_video_room_request_set_private_id:
 * @self: a request
 * @private_id: the publisher's private id
 *
 * Sets `private_id` (subscriber join), which ties a subscription to a
 * publisher in rooms with `require_pvtid`.
 */
void
jc_video_room_request_set_private_id (JcVideoRoomRequest *self, guint64 private_id)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "private_id", (gint64) private_id);
}

/**
 * jc_video_room_request_set_streams:
 * @self: a request
 * @streams: (transfer none): the `streams` array, copied
 *
 * Sets `streams` as the plugin documents it: per-mid settings for
 * `configure` and `publish`, `{feed, mid}` objects for subscriptions
 * (overriding the feeds the call takes).
 */
void
jc_video_room_request_set_streams (JcVideoRoomRequest *self, JsonArray *streams)
{
  g_autoptr (JsonNode) node = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (streams != NULL);

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, streams);
  json_object_set_member (jc_plugin_options_body (self), "streams", jc_json_node_deep_copy (node));
}

/**
 * jc_video_room_request_set_extra:
 * @self: a request
 * @name: a member name
 * @value: (transfer none): its value, copied
 *
 * Sets any member of the request body.
 */
void
jc_video_room_request_set_extra (JcVideoRoomRequest *self, const char *name, JsonNode *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  jc_plugin_options_set_extra (self, name, value);
}

/**
 * jc_video_room_request_to_json:
 * @self: a request
 *
 * Gets the fields set so far.
 *
 * Returns: (transfer full): a copy of the fields
 */
JsonObject *
jc_video_room_request_to_json (JcVideoRoomRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_json_object_copy (jc_plugin_options_body (self));
}

JsonObject *
jc_video_room_request_peek_body (JcVideoRoomRequest *self)
{
  return jc_plugin_options_body (self);
}

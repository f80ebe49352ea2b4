/* jc-streaming-request.c: the Streaming plugin's request fields
 * (JcStreamingRequest) and the mountpoint builder (JcStreamingMountpoint);
 * the typed results are in jc-streaming-results.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-streaming-private.h"

/* JcStreamingRequest */

/**
 * JcStreamingRequest:
 *
 * The optional fields of a Streaming request: typed setters for the ones
 * Janus 1.1.2 documents (`secret`, `pin`, `admin_key`, `permanent`, and
 * `configure`'s `mid`, `send`, `substream`, …),
 * [method@StreamingRequest.set_extra] for any other (e.g. `edit`'s
 * `new_description`). Fields left unset are not sent.
 */
/* A JcPluginOptions (jc-plugin-private.h). */

G_DEFINE_BOXED_TYPE (JcStreamingRequest, jc_streaming_request, jc_streaming_request_ref, jc_streaming_request_unref)

/**
 * jc_streaming_request_new:
 *
 * Creates an empty request.
 *
 * Returns: (transfer full): a new request
 */
JcStreamingRequest *
jc_streaming_request_new (void)
{
  return jc_plugin_options_new ();
}

/**
 * jc_streaming_request_ref:
 * @self: a request
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcStreamingRequest *
jc_streaming_request_ref (JcStreamingRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_plugin_options_ref (self);
}

/**
 * jc_streaming_request_unref:
 * @self: (transfer full): a request
 *
 * Drops a reference.
 */
void
jc_streaming_request_unref (JcStreamingRequest *self)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_unref (self);
}

JsonObject *
jc_streaming_request_peek_body (JcStreamingRequest *self)
{
  return jc_plugin_options_body (self);
}

/**
 * jc_streaming_request_set_secret:
 * @self: a request
 * @secret: (nullable): the mountpoint's secret; %NULL removes it
 *
 * Sets `secret`: needed to edit, destroy, enable, disable, record or
 * kick the viewers of a protected mountpoint, and for `info` to tell its
 * ports, secret and pin.
 */
void
jc_streaming_request_set_secret (JcStreamingRequest *self, const char *secret)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "secret", secret);
}

/**
 * jc_streaming_request_set_pin:
 * @self: a request
 * @pin: (nullable): the mountpoint's pin; %NULL removes it
 *
 * Sets `pin`: needed to watch a mountpoint that has one.
 */
void
jc_streaming_request_set_pin (JcStreamingRequest *self, const char *pin)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "pin", pin);
}

/**
 * jc_streaming_request_set_admin_key:
 * @self: a request
 * @admin_key: (nullable): the plugin's `admin_key`; %NULL removes it
 *
 * Sets `admin_key`, the key of a plugin configured with one (it locks
 * `create`). The key is redacted in logs.
 */
void
jc_streaming_request_set_admin_key (JcStreamingRequest *self, const char *admin_key)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "admin_key", admin_key);
}

/**
 * jc_streaming_request_set_permanent:
 * @self: a request
 * @permanent: whether Janus saves the change to its configuration file
 *
 * Sets `permanent` (edit, destroy).
 */
void
jc_streaming_request_set_permanent (JcStreamingRequest *self, gboolean permanent)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "permanent", permanent);
}

/**
 * jc_streaming_request_set_mid:
 * @self: a request
 * @mid: (nullable): the m-line a `configure` is about
 *
 * Sets `mid` (configure).
 */
void
jc_streaming_request_set_mid (JcStreamingRequest *self, const char *mid)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "mid", mid);
}

/**
 * jc_streaming_request_set_send:
 * @self: a request
 * @send: whether Janus relays the stream named by
 *   [method@StreamingRequest.set_mid]
 *
 * Sets `send` (configure): turns one stream off or on, where `pause` and
 * `start` turn all of them.
 */
void
jc_streaming_request_set_send (JcStreamingRequest *self, gboolean send)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "send", send);
}

/**
 * jc_streaming_request_set_substream:
 * @self: a request
 * @substream: the simulcast substream to receive, 0 (lowest) to 2
 *
 * Sets `substream` (configure, simulcast mountpoints).
 */
void
jc_streaming_request_set_substream (JcStreamingRequest *self, int substream)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (substream >= 0);
  json_object_set_int_member (jc_plugin_options_body (self), "substream", substream);
}

/**
 * jc_streaming_request_set_temporal:
 * @self: a request
 * @temporal: the simulcast temporal layer to receive, 0 to 2
 *
 * Sets `temporal` (configure, simulcast mountpoints).
 */
void
jc_streaming_request_set_temporal (JcStreamingRequest *self, int temporal)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (temporal >= 0);
  json_object_set_int_member (jc_plugin_options_body (self), "temporal", temporal);
}

/**
 * jc_streaming_request_set_fallback:
 * @self: a request
 * @fallback_us: microseconds without packets after which Janus drops to
 *   the substream below (Janus's default: 250000)
 *
 * Sets `fallback` (configure, simulcast mountpoints).
 */
void
jc_streaming_request_set_fallback (JcStreamingRequest *self, guint fallback_us)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "fallback", fallback_us);
}

/**
 * jc_streaming_request_set_spatial_layer:
 * @self: a request
 * @spatial_layer: the VP9-SVC spatial layer to receive, 0 to 1
 *
 * Sets `spatial_layer` (configure, VP9-SVC mountpoints).
 */
void
jc_streaming_request_set_spatial_layer (JcStreamingRequest *self, int spatial_layer)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (spatial_layer >= 0);
  json_object_set_int_member (jc_plugin_options_body (self), "spatial_layer", spatial_layer);
}

/**
 * jc_streaming_request_set_temporal_layer:
 * @self: a request
 * @temporal_layer: the VP9-SVC temporal layer to receive, 0 to 2
 *
 * Sets `temporal_layer` (configure, VP9-SVC mountpoints).
 */
void
jc_streaming_request_set_temporal_layer (JcStreamingRequest *self, int temporal_layer)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (temporal_layer >= 0);
  json_object_set_int_member (jc_plugin_options_body (self), "temporal_layer", temporal_layer);
}

/**
 * jc_streaming_request_set_playout_delay:
 * @self: a request
 * @min_delay: the least playout delay, in 10 ms blocks; -1: unset
 * @max_delay: the most playout delay, in 10 ms blocks; -1: unset
 *
 * Sets `min_delay` and `max_delay` (configure), told to the viewer with
 * the playout-delay RTP extension when the plugin enables it.
 */
void
jc_streaming_request_set_playout_delay (JcStreamingRequest *self, int min_delay, int max_delay)
{
  g_return_if_fail (self != NULL);
  if (min_delay >= 0)
    json_object_set_int_member (jc_plugin_options_body (self), "min_delay", min_delay);
  if (max_delay >= 0)
    json_object_set_int_member (jc_plugin_options_body (self), "max_delay", max_delay);
}

/**
 * jc_streaming_request_set_media:
 * @self: a request
 * @mids: (nullable) (array zero-terminated=1): the mids to receive;
 *   %NULL removes the field (every stream)
 *
 * Sets `media` (watch): receive only these streams of the mountpoint.
 */
void
jc_streaming_request_set_media (JcStreamingRequest *self, const char *const *mids)
{
  JsonArray *array;

  g_return_if_fail (self != NULL);
  if (mids == NULL)
    {
      json_object_remove_member (jc_plugin_options_body (self), "media");
      return;
    }
  array = json_array_new ();
  for (gsize i = 0; mids[i] != NULL; i++)
    json_array_add_string_element (array, mids[i]);
  json_object_set_array_member (jc_plugin_options_body (self), "media", array);
}

/**
 * jc_streaming_request_set_extra:
 * @self: a request
 * @name: a field name
 * @value: the value (deep-copied)
 *
 * Sets any other field, e.g. `new_description`, `new_secret`,
 * `new_pin`, `new_is_private`, `new_metadata` or `edited_event` for
 * `edit`, `stop_recording` for `disable`.
 */
void
jc_streaming_request_set_extra (JcStreamingRequest *self, const char *name, JsonNode *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  jc_plugin_options_set_extra (self, name, value);
}

/**
 * jc_streaming_request_to_json:
 * @self: a request
 *
 * The fields as they will be sent.
 *
 * Returns: (transfer full): a copy of the fields
 */
JsonObject *
jc_streaming_request_to_json (JcStreamingRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_json_object_copy (jc_plugin_options_body (self));
}

/* JcStreamingMountpoint */

/**
 * JcStreamingMountpoint:
 *
 * What a `create` request sends: the mountpoint's `type` (`rtp`,
 * `live`, `ondemand`, `rtsp`), its common fields, and for RTP
 * mountpoints the `media` array of Janus 1.1.2's multistream API, one
 * entry per stream ([method@StreamingMountpoint.add_rtp_media]). Anything
 * else a type takes (`filename` for live and ondemand, `url`,
 * `rtsp_user`, `rtsp_pwd` for rtsp, per-stream `fmtp`, `bufferkf`,
 * `simulcast`, …) goes through [method@StreamingMountpoint.set_extra]
 * and [method@StreamingMountpoint.set_media_extra].
 *
 * ```c
 * g_autoptr (JcStreamingMountpoint) mp = jc_streaming_mountpoint_new ("rtp");
 *
 * jc_streaming_mountpoint_set_description (mp, "Camera 1");
 * jc_streaming_mountpoint_add_rtp_media (mp, "audio", "a", "opus", 111, 0);
 * jc_streaming_mountpoint_add_rtp_media (mp, "video", "v", "vp8", 96, 0);
 * jc_streaming_create_async (streaming, mp, NULL, on_created, NULL);
 * ```
 */

G_DEFINE_BOXED_TYPE (JcStreamingMountpoint, jc_streaming_mountpoint, jc_streaming_mountpoint_ref, jc_streaming_mountpoint_unref)

/**
 * jc_streaming_mountpoint_new:
 * @type: the mountpoint's type: `rtp`, `live`, `ondemand` or `rtsp`
 *
 * Creates a mountpoint description of @type.
 *
 * Returns: (transfer full): a new mountpoint description
 */
JcStreamingMountpoint *
jc_streaming_mountpoint_new (const char *type)
{
  JcStreamingMountpoint *self;

  g_return_val_if_fail (type != NULL, NULL);
  self = jc_plugin_options_new ();
  json_object_set_string_member (jc_plugin_options_body (self), "type", type);
  return self;
}

/**
 * jc_streaming_mountpoint_ref:
 * @self: a mountpoint description
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcStreamingMountpoint *
jc_streaming_mountpoint_ref (JcStreamingMountpoint *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_plugin_options_ref (self);
}

/**
 * jc_streaming_mountpoint_unref:
 * @self: (transfer full): a mountpoint description
 *
 * Drops a reference.
 */
void
jc_streaming_mountpoint_unref (JcStreamingMountpoint *self)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_unref (self);
}

JsonObject *
jc_streaming_mountpoint_peek_body (JcStreamingMountpoint *self)
{
  return jc_plugin_options_body (self);
}

/**
 * jc_streaming_mountpoint_set_id:
 * @self: a mountpoint description
 * @id: (nullable): the id to give it; %NULL: Janus picks one
 *
 * Sets `id` (a string when the plugin has `string_ids`).
 */
void
jc_streaming_mountpoint_set_id (JcStreamingMountpoint *self, const JcId *id)
{
  g_return_if_fail (self != NULL);
  if (id == NULL)
    json_object_remove_member (jc_plugin_options_body (self), "id");
  else
    jc_plugin_set_id (jc_plugin_options_body (self), "id", id);
}

/**
 * jc_streaming_mountpoint_set_name:
 * @self: a mountpoint description
 * @name: (nullable): a unique name; %NULL: Janus picks one
 *
 * Sets `name`.
 */
void
jc_streaming_mountpoint_set_name (JcStreamingMountpoint *self, const char *name)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "name", name);
}

/**
 * jc_streaming_mountpoint_set_description:
 * @self: a mountpoint description
 * @description: (nullable): what viewers see in `list`
 *
 * Sets `description`.
 */
void
jc_streaming_mountpoint_set_description (JcStreamingMountpoint *self, const char *description)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "description", description);
}

/**
 * jc_streaming_mountpoint_set_metadata:
 * @self: a mountpoint description
 * @metadata: (nullable): free text for viewers
 *
 * Sets `metadata`.
 */
void
jc_streaming_mountpoint_set_metadata (JcStreamingMountpoint *self, const char *metadata)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "metadata", metadata);
}

/**
 * jc_streaming_mountpoint_set_secret:
 * @self: a mountpoint description
 * @secret: (nullable): the secret needed to edit or destroy it
 *
 * Sets `secret`.
 */
void
jc_streaming_mountpoint_set_secret (JcStreamingMountpoint *self, const char *secret)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "secret", secret);
}

/**
 * jc_streaming_mountpoint_set_pin:
 * @self: a mountpoint description
 * @pin: (nullable): the pin needed to watch it
 *
 * Sets `pin`.
 */
void
jc_streaming_mountpoint_set_pin (JcStreamingMountpoint *self, const char *pin)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "pin", pin);
}

/**
 * jc_streaming_mountpoint_set_is_private:
 * @self: a mountpoint description
 * @is_private: whether `list` leaves it out
 *
 * Sets `is_private`.
 */
void
jc_streaming_mountpoint_set_is_private (JcStreamingMountpoint *self, gboolean is_private)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "is_private", is_private);
}

/**
 * jc_streaming_mountpoint_set_permanent:
 * @self: a mountpoint description
 * @permanent: whether Janus saves it to its configuration file
 *
 * Sets `permanent`.
 */
void
jc_streaming_mountpoint_set_permanent (JcStreamingMountpoint *self, gboolean permanent)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "permanent", permanent);
}

/**
 * jc_streaming_mountpoint_set_admin_key:
 * @self: a mountpoint description
 * @admin_key: (nullable): the plugin's `admin_key`, when it has one
 *
 * Sets `admin_key` (redacted in logs).
 */
void
jc_streaming_mountpoint_set_admin_key (JcStreamingMountpoint *self, const char *admin_key)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "admin_key", admin_key);
}

static JsonArray *
media_array (JcStreamingMountpoint *self)
{
  JsonObject *body = jc_plugin_options_body (self);
  JsonArray *array = jc_json_lookup_array (body, "media");

  if (array == NULL)
    {
      array = json_array_new ();
      json_object_set_array_member (body, "media", array);
    }
  return array;
}

/**
 * jc_streaming_mountpoint_add_rtp_media:
 * @self: a mountpoint description
 * @type: `audio`, `video` or `data`
 * @mid: the stream's mid in the viewers' SDP, unique in the mountpoint
 * @codec: (nullable): the codec name, e.g. `opus`, `vp8`, `h264` (not
 *   for data)
 * @pt: the RTP payload type the stream arrives with, or -1 (data)
 * @port: the UDP port Janus binds for it; 0: Janus picks one from its
 *   `rtp_port_range` and tells it in the create reply
 *
 * Appends an entry to the `media` array of an RTP mountpoint.
 */
void
jc_streaming_mountpoint_add_rtp_media (JcStreamingMountpoint *self,
                                       const char *type,
                                       const char *mid,
                                       const char *codec,
                                       int pt,
                                       guint port)
{
  JsonObject *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (type != NULL);
  g_return_if_fail (mid != NULL);
  g_return_if_fail (pt < 128);
  g_return_if_fail (port < 65536);

  entry = json_object_new ();
  json_object_set_string_member (entry, "type", type);
  json_object_set_string_member (entry, "mid", mid);
  if (codec != NULL)
    json_object_set_string_member (entry, "codec", codec);
  if (pt >= 0)
    json_object_set_int_member (entry, "pt", pt);
  json_object_set_int_member (entry, "port", port);
  json_array_add_object_element (media_array (self), entry);
}

/**
 * jc_streaming_mountpoint_set_media_extra:
 * @self: a mountpoint description
 * @mid: the mid of an entry added with
 *   [method@StreamingMountpoint.add_rtp_media]
 * @name: a field name, e.g. `fmtp`, `bufferkf`, `simulcast`, `label`,
 *   `rtcpport`, `skew`
 * @value: the value (deep-copied)
 *
 * Sets another field of one `media` entry.
 *
 * Returns: %FALSE when no entry has @mid
 */
gboolean
jc_streaming_mountpoint_set_media_extra (JcStreamingMountpoint *self, const char *mid, const char *name, JsonNode *value)
{
  JsonArray *array;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (mid != NULL && name != NULL && value != NULL, FALSE);

  array = jc_json_lookup_array (jc_plugin_options_body (self), "media");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (entry != NULL && g_strcmp0 (jc_json_lookup_string (entry, "mid"), mid) == 0)
        {
          json_object_set_member (entry, name, json_node_copy (value));
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * jc_streaming_mountpoint_set_extra:
 * @self: a mountpoint description
 * @name: a field name
 * @value: the value (deep-copied)
 *
 * Sets any other field of the request, e.g. `filename` (live,
 * ondemand), `url`, `rtsp_user`, `rtsp_pwd` (rtsp), `audio`/`video`
 * with the legacy fields, or `media` wholesale.
 */
void
jc_streaming_mountpoint_set_extra (JcStreamingMountpoint *self, const char *name, JsonNode *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  jc_plugin_options_set_extra (self, name, value);
}

/**
 * jc_streaming_mountpoint_to_json:
 * @self: a mountpoint description
 *
 * The fields as `create` will send them.
 *
 * Returns: (transfer full): a copy of the fields
 */
JsonObject *
jc_streaming_mountpoint_to_json (JcStreamingMountpoint *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_json_object_copy (jc_plugin_options_body (self));
}

/* jc-audio-bridge-forward.c: the AudioBridge's recording, RTP forwarder
 * and announcement requests, answered synchronously like the room
 * requests of jc-audio-bridge-admin.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-audio-bridge-private.h"
#include "jc-error.h"
#include "jc-json-private.h"

/**
 * jc_audio_bridge_enable_recording_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @record: whether Janus records the mix (a `.wav` on its machine)
 * @options: (nullable): `secret`, `record_file` (through
 *   [method@AudioBridgeRequest.set_record]), `record_dir`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Starts or stops recording the room's mix.
 */
void
jc_audio_bridge_enable_recording_async (JcAudioBridge *self,
                                        const JcId *room,
                                        gboolean record,
                                        JcAudioBridgeRequest *options,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  json_object_set_boolean_member (extra, "record", record);
  jc_audio_bridge_send (self, "enable_recording", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                        jc_audio_bridge_enable_recording_async, "jc_audio_bridge_enable_recording_async", cancellable,
                        callback, user_data);
}

/**
 * jc_audio_bridge_enable_recording_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.enable_recording_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_audio_bridge_enable_recording_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_enable_recording_async, error);
}

/**
 * jc_audio_bridge_enable_mjrs_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @mjrs: whether Janus records each participant to its own `.mjr`
 * @options: (nullable): `secret`, `mjrs_dir`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Starts or stops recording every participant separately.
 */
void
jc_audio_bridge_enable_mjrs_async (JcAudioBridge *self,
                                   const JcId *room,
                                   gboolean mjrs,
                                   JcAudioBridgeRequest *options,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  json_object_set_boolean_member (extra, "mjrs", mjrs);
  jc_audio_bridge_send (self, "enable_mjrs", room, options, extra, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_enable_mjrs_async,
                        "jc_audio_bridge_enable_mjrs_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_enable_mjrs_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.enable_mjrs_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_audio_bridge_enable_mjrs_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_enable_mjrs_async, error);
}

/**
 * jc_audio_bridge_rtp_forward_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @host: where to send the mix
 * @port: the UDP port there
 * @options: (nullable): `secret`, `admin_key`, `group`, and through
 *   [method@AudioBridgeRequest.set_extra] `codec`, `ptype`, `ssrc`,
 *   `srtp_suite`, `srtp_crypto`, `always_on`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the forwarder's id
 * @user_data: data for @callback
 *
 * Forwards the room's mix as plain RTP (Opus by default).
 */
void
jc_audio_bridge_rtp_forward_async (JcAudioBridge *self,
                                   const JcId *room,
                                   const char *host,
                                   guint port,
                                   JcAudioBridgeRequest *options,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  g_return_if_fail (host != NULL);
  json_object_set_string_member (extra, "host", host);
  json_object_set_int_member (extra, "port", port);
  jc_audio_bridge_send (self, "rtp_forward", room, options, extra, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_rtp_forward_async,
                        "jc_audio_bridge_rtp_forward_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_rtp_forward_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.rtp_forward_async].
 *
 * Returns: the forwarder's `stream_id`, 0 on error
 */
guint
jc_audio_bridge_rtp_forward_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_audio_bridge_finish_data (self, result, jc_audio_bridge_rtp_forward_async, error);
  gint64 stream_id = 0;

  if (data == NULL)
    return 0;
  if (!jc_json_lookup_int (data, "stream_id", &stream_id) || stream_id <= 0 || stream_id > G_MAXUINT32)
    {
      jc_audio_bridge_protocol_error (error, "rtp_forward", "no valid “stream_id”");
      return 0;
    }
  return (guint) stream_id;
}

/**
 * jc_audio_bridge_stop_rtp_forward_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @stream_id: the forwarder
 * @options: (nullable): `secret`, `admin_key`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once stopped
 * @user_data: data for @callback
 *
 * Stops a forwarder of the room's mix.
 */
void
jc_audio_bridge_stop_rtp_forward_async (JcAudioBridge *self,
                                        const JcId *room,
                                        guint stream_id,
                                        JcAudioBridgeRequest *options,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  json_object_set_int_member (extra, "stream_id", stream_id);
  jc_audio_bridge_send (self, "stop_rtp_forward", room, options, extra, NULL, jc_plugin_expect_success, NULL,
                        jc_audio_bridge_stop_rtp_forward_async, "jc_audio_bridge_stop_rtp_forward_async", cancellable,
                        callback, user_data);
}

/**
 * jc_audio_bridge_stop_rtp_forward_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.stop_rtp_forward_async].
 *
 * Returns: %TRUE once stopped
 */
gboolean
jc_audio_bridge_stop_rtp_forward_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_stop_rtp_forward_async, error);
}

/**
 * jc_audio_bridge_list_forwarders_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the forwarders
 * @user_data: data for @callback
 *
 * Lists the forwarders of the room's mix.
 */
void
jc_audio_bridge_list_forwarders_async (JcAudioBridge *self,
                                       const JcId *room,
                                       JcAudioBridgeRequest *options,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  static const char *const expect[] = { "forwarders", NULL };

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  jc_audio_bridge_send (self, "listforwarders", room, options, NULL, NULL, expect, NULL, jc_audio_bridge_list_forwarders_async,
                        "jc_audio_bridge_list_forwarders_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_list_forwarders_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.list_forwarders_async]. Malformed
 * entries are left out (and logged).
 *
 * Returns: (transfer container) (element-type JcAudioBridgeForwarder):
 *   the forwarders
 */
GPtrArray *
jc_audio_bridge_list_forwarders_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_audio_bridge_finish_data (self, result, jc_audio_bridge_list_forwarders_async, error);
  g_autoptr (GString) problems = g_string_new (NULL);
  JsonArray *list;
  GPtrArray *out;

  if (data == NULL)
    return NULL;
  if ((list = jc_json_lookup_array (data, "rtp_forwarders")) == NULL)
    return jc_audio_bridge_protocol_error (error, "listforwarders", "no “rtp_forwarders” array");
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_audio_bridge_forwarder_unref);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JcAudioBridgeForwarder *fwd;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        jc_plugin_add_problem (problems, "forwarder %u is not an object", i);
      else if ((fwd = jc_audio_bridge_forwarder_from_json (json_node_get_object (node), problems)) != NULL)
        g_ptr_array_add (out, fwd);
    }
  if (problems->len > 0)
    g_debug ("AudioBridge listforwarders: %s", problems->str);
  return out;
}

/* Announcements */

static JsonObject *
file_extra (const char *file_id)
{
  JsonObject *extra = json_object_new ();

  if (file_id != NULL)
    json_object_set_string_member (extra, "file_id", file_id);
  return extra;
}

/**
 * jc_audio_bridge_play_file_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @filename: an Ogg Opus file on Janus's machine
 * @file_id: (nullable): the playback's id; Janus picks one when %NULL
 * @loop: whether to play it again and again
 * @options: (nullable): `secret`, `admin_key`, `group`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the playback's id
 * @user_data: data for @callback
 *
 * Plays a file into the room's mix; the room's participants get
 * [signal@AudioBridge::announcement] when it starts and stops.
 */
void
jc_audio_bridge_play_file_async (JcAudioBridge *self,
                                 const JcId *room,
                                 const char *filename,
                                 const char *file_id,
                                 gboolean loop,
                                 JcAudioBridgeRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (JsonObject) extra = file_extra (file_id);

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  g_return_if_fail (filename != NULL);
  json_object_set_string_member (extra, "filename", filename);
  json_object_set_boolean_member (extra, "loop", loop);
  jc_audio_bridge_send (self, "play_file", room, options, extra, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_play_file_async,
                        "jc_audio_bridge_play_file_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_play_file_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.play_file_async].
 *
 * Returns: (transfer full): the playback's `file_id`
 */
char *
jc_audio_bridge_play_file_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_audio_bridge_finish_data (self, result, jc_audio_bridge_play_file_async, error);
  const char *file_id;

  if (data == NULL)
    return NULL;
  if ((file_id = jc_json_lookup_string (data, "file_id")) == NULL)
    return jc_audio_bridge_protocol_error (error, "play_file", "no “file_id” string");
  return g_strdup (file_id);
}

/**
 * jc_audio_bridge_is_playing_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @file_id: the playback
 * @options: (nullable): `secret`, `admin_key`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the answer
 * @user_data: data for @callback
 *
 * Asks whether a playback still plays.
 */
void
jc_audio_bridge_is_playing_async (JcAudioBridge *self,
                                  const JcId *room,
                                  const char *file_id,
                                  JcAudioBridgeRequest *options,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (JsonObject) extra = file_extra (file_id);

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  g_return_if_fail (file_id != NULL);
  jc_audio_bridge_send (self, "is_playing", room, options, extra, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_is_playing_async,
                        "jc_audio_bridge_is_playing_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_is_playing_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @out_playing: (out): whether it plays
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.is_playing_async].
 *
 * Returns: %TRUE when Janus answered
 */
gboolean
jc_audio_bridge_is_playing_finish (JcAudioBridge *self, GAsyncResult *result, gboolean *out_playing, GError **error)
{
  g_autoptr (JsonObject) data = jc_audio_bridge_finish_data (self, result, jc_audio_bridge_is_playing_async, error);
  gboolean playing = FALSE;

  if (data == NULL)
    return FALSE;
  if (!jc_json_lookup_bool (data, "playing", &playing))
    return jc_audio_bridge_protocol_error (error, "is_playing", "no boolean “playing”") != NULL;
  if (out_playing != NULL)
    *out_playing = playing;
  return TRUE;
}

/**
 * jc_audio_bridge_stop_file_async:
 * @self: an AudioBridge handle
 * @room: the room
 * @file_id: the playback
 * @options: (nullable): `secret`, `admin_key`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once stopped
 * @user_data: data for @callback
 *
 * Stops a playback.
 */
void
jc_audio_bridge_stop_file_async (JcAudioBridge *self,
                                 const JcId *room,
                                 const char *file_id,
                                 JcAudioBridgeRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (JsonObject) extra = file_extra (file_id);

  g_return_if_fail (JC_IS_AUDIO_BRIDGE (self));
  g_return_if_fail (room != NULL);
  g_return_if_fail (file_id != NULL);
  jc_audio_bridge_send (self, "stop_file", room, options, extra, NULL, jc_plugin_expect_success, NULL, jc_audio_bridge_stop_file_async,
                        "jc_audio_bridge_stop_file_async", cancellable, callback, user_data);
}

/**
 * jc_audio_bridge_stop_file_finish:
 * @self: an AudioBridge handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@AudioBridge.stop_file_async].
 *
 * Returns: %TRUE once stopped
 */
gboolean
jc_audio_bridge_stop_file_finish (JcAudioBridge *self, GAsyncResult *result, GError **error)
{
  return jc_audio_bridge_finish_ok (self, result, jc_audio_bridge_stop_file_async, error);
}

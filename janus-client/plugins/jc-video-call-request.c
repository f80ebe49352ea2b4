/* jc-video-call-request.c: JcVideoCallRequest, the fields of a VideoCall
 * `call` or `set`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-json-private.h"
#include "jc-video-call-private.h"

/**
 * JcVideoCallRequest:
 *
 * The fields of a VideoCall `set` request (and the settings a `call`
 * applies at once): typed setters for the ones Janus 1.1.2 documents,
 * [method@VideoCallRequest.set_extra] for any other. Fields left unset are
 * not sent.
 */
/* A JcPluginOptions (jc-plugin-private.h). */

G_DEFINE_BOXED_TYPE (JcVideoCallRequest, jc_video_call_request, jc_video_call_request_ref, jc_video_call_request_unref)

/**
 * jc_video_call_request_new:
 *
 * Creates an empty request.
 *
 * Returns: (transfer full): a new request
 */
JcVideoCallRequest *
jc_video_call_request_new (void)
{
  return jc_plugin_options_new ();
}

/**
 * jc_video_call_request_ref:
 * @self: a request
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcVideoCallRequest *
jc_video_call_request_ref (JcVideoCallRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_plugin_options_ref (self);
}

/**
 * jc_video_call_request_unref:
 * @self: (transfer full): a request
 *
 * Drops a reference.
 */
void
jc_video_call_request_unref (JcVideoCallRequest *self)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_unref (self);
}

/**
 * jc_video_call_request_set_audio:
 * @self: a request
 * @audio: whether the plugin relays our audio to the other side
 *
 * Sets `audio`.
 */
void
jc_video_call_request_set_audio (JcVideoCallRequest *self, gboolean audio)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "audio", audio);
}

/**
 * jc_video_call_request_set_video:
 * @self: a request
 * @video: whether the plugin relays our video to the other side
 *
 * Sets `video`.
 */
void
jc_video_call_request_set_video (JcVideoCallRequest *self, gboolean video)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "video", video);
}

/**
 * jc_video_call_request_set_bitrate:
 * @self: a request
 * @bitrate: bits per second; 0 removes the cap
 *
 * Sets `bitrate`: the cap Janus asks our sender to keep to (REMB).
 */
void
jc_video_call_request_set_bitrate (JcVideoCallRequest *self, guint bitrate)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "bitrate", bitrate);
}

/**
 * jc_video_call_request_set_record:
 * @self: a request
 * @record: whether Janus records what we send
 * @filename: (nullable): the base of the recording files on Janus's
 *   machine (`-audio.mjr`, `-video.mjr`, `-data.mjr` are appended)
 *
 * Sets `record` and `filename`: only this side of the call is recorded.
 */
void
jc_video_call_request_set_record (JcVideoCallRequest *self, gboolean record, const char *filename)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "record", record);
  if (filename != NULL)
    json_object_set_string_member (jc_plugin_options_body (self), "filename", filename);
}

/**
 * jc_video_call_request_set_substream:
 * @self: a request
 * @substream: the simulcast layer to receive, 0 (lowest) to 2
 *
 * Sets `substream`, when the other side sends simulcast.
 */
void
jc_video_call_request_set_substream (JcVideoCallRequest *self, int substream)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "substream", substream);
}

/**
 * jc_video_call_request_set_temporal:
 * @self: a request
 * @temporal: the temporal layers to receive, 0 to 2
 *
 * Sets `temporal`, when the other side sends simulcast.
 */
void
jc_video_call_request_set_temporal (JcVideoCallRequest *self, int temporal)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "temporal", temporal);
}

/**
 * jc_video_call_request_set_fallback:
 * @self: a request
 * @fallback_us: microseconds without packets before Janus drops to the
 *   layer below (default 250000)
 *
 * Sets `fallback`.
 */
void
jc_video_call_request_set_fallback (JcVideoCallRequest *self, guint fallback_us)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "fallback", fallback_us);
}

/**
 * jc_video_call_request_set_extra:
 * @self: a request
 * @name: a member name
 * @value: (transfer none): its value, copied
 *
 * Sets any member, for fields newer plugins accept.
 */
void
jc_video_call_request_set_extra (JcVideoCallRequest *self, const char *name, JsonNode *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  jc_plugin_options_set_extra (self, name, value);
}

/**
 * jc_video_call_request_to_json:
 * @self: a request
 *
 * Gets the fields set so far.
 *
 * Returns: (transfer full): a copy of the fields
 */
JsonObject *
jc_video_call_request_to_json (JcVideoCallRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_json_object_copy (jc_plugin_options_body (self));
}

JsonObject *
jc_video_call_request_peek_body (JcVideoCallRequest *self)
{
  return jc_plugin_options_body (self);
}

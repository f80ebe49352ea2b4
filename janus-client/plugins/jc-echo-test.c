/* jc-echo-test.c: the EchoTest plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-echo-test.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-plugin-private.h"
#include "jc-session-private.h"
#include "jc-session.h"

/**
 * JcEchoTest:
 *
 * A handle on Janus's EchoTest plugin, which sends back whatever it
 * receives: the simplest way to prove that media flows both ways.
 *
 * Attach with [func@EchoTest.attach_async], make an offer with a
 * [class@Peer], and send it with [method@EchoTest.configure_async]; the
 * plugin's answer comes back with the result.
 *
 * ```c
 * static void
 * on_configured (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   JcPeer *peer = user_data;
 *   g_autoptr (GError) error = NULL;
 *   g_autoptr (JsonObject) answer = NULL;
 *
 *   if (!jc_echo_test_configure_finish (JC_ECHO_TEST (source), result, &answer, &error))
 *     g_printerr ("EchoTest: %s\n", error->message);
 *   else
 *     jc_peer_set_remote_description_async (peer, answer, NULL, on_answer_applied, NULL);
 * }
 *
 * static void
 * on_offer (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   JcEchoTest *echo = user_data;
 *   g_autoptr (GError) error = NULL;
 *   g_autoptr (JsonObject) offer = jc_peer_create_offer_finish (JC_PEER (source), result, &error);
 *   g_autoptr (JcEchoTestRequest) request = jc_echo_test_request_new ();
 *
 *   if (offer == NULL)
 *     {
 *       g_printerr ("offer: %s\n", error->message);
 *       return;
 *     }
 *   jc_echo_test_request_set_audio (request, TRUE);
 *   jc_echo_test_request_set_video (request, TRUE);
 *   jc_echo_test_request_set_bitrate (request, 256000);
 *   jc_echo_test_configure_async (echo, request, offer, NULL, on_configured, source);
 * }
 *
 * // echo from jc_echo_test_attach_finish (); keep the peer until jc_peer_stop_async ()
 * peer = jc_peer_new (JC_HANDLE (echo));
 * jc_peer_set_source (peer, source);
 * jc_peer_set_sink (peer, sink);
 * jc_peer_create_offer_async (peer, NULL, on_offer, echo);
 * ```
 *
 * The whole program is in the [Getting started in C](getting-started-c.html)
 * guide.
 */

/**
 * JcEchoTestRequest:
 *
 * The body of an EchoTest request: every field the plugin accepts, as
 * typed setters, plus [method@EchoTestRequest.set_extra] for anything
 * else. Fields left unset are not sent.
 */
/* A JcPluginOptions (jc-plugin-private.h). */

G_DEFINE_BOXED_TYPE (JcEchoTestRequest, jc_echo_test_request, jc_echo_test_request_ref, jc_echo_test_request_unref)

/**
 * jc_echo_test_request_new:
 *
 * Creates an empty EchoTest request.
 *
 * Returns: (transfer full): a new request
 */
JcEchoTestRequest *
jc_echo_test_request_new (void)
{
  return jc_plugin_options_new ();
}

/**
 * jc_echo_test_request_ref:
 * @self: a request
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcEchoTestRequest *
jc_echo_test_request_ref (JcEchoTestRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_plugin_options_ref (self);
}

/**
 * jc_echo_test_request_unref:
 * @self: (transfer full): a request
 *
 * Drops a reference.
 */
void
jc_echo_test_request_unref (JcEchoTestRequest *self)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_unref (self);
}

/**
 * jc_echo_test_request_set_audio:
 * @self: a request
 * @audio: whether the plugin echoes audio
 *
 * Sets `audio`.
 */
void
jc_echo_test_request_set_audio (JcEchoTestRequest *self, gboolean audio)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "audio", audio);
}

/**
 * jc_echo_test_request_set_video:
 * @self: a request
 * @video: whether the plugin echoes video
 *
 * Sets `video`.
 */
void
jc_echo_test_request_set_video (JcEchoTestRequest *self, gboolean video)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "video", video);
}

/**
 * jc_echo_test_request_set_bitrate:
 * @self: a request
 * @bitrate: the video bitrate cap in bits per second (REMB); 0 for none
 *
 * Sets `bitrate`.
 */
void
jc_echo_test_request_set_bitrate (JcEchoTestRequest *self, guint bitrate)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "bitrate", bitrate);
}

/**
 * jc_echo_test_request_set_record:
 * @self: a request
 * @record: whether Janus records the session
 * @filename: (nullable): the base name of Janus's recording files
 *
 * Sets `record` and `filename` (server-side recording, in Janus's MJR
 * format).
 */
void
jc_echo_test_request_set_record (JcEchoTestRequest *self, gboolean record, const char *filename)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "record", record);
  if (filename != NULL)
    json_object_set_string_member (jc_plugin_options_body (self), "filename", filename);
}

/**
 * jc_echo_test_request_set_substream:
 * @self: a request
 * @substream: the simulcast substream to echo (0–2)
 *
 * Sets `substream`.
 */
void
jc_echo_test_request_set_substream (JcEchoTestRequest *self, int substream)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "substream", substream);
}

/**
 * jc_echo_test_request_set_temporal:
 * @self: a request
 * @temporal: the simulcast temporal layer to echo (0–2)
 *
 * Sets `temporal`.
 */
void
jc_echo_test_request_set_temporal (JcEchoTestRequest *self, int temporal)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "temporal", temporal);
}

/**
 * jc_echo_test_request_set_fallback:
 * @self: a request
 * @fallback_us: microseconds without packets before Janus falls back to a
 *   lower simulcast substream
 *
 * Sets `fallback`.
 */
void
jc_echo_test_request_set_fallback (JcEchoTestRequest *self, guint fallback_us)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "fallback", fallback_us);
}

/**
 * jc_echo_test_request_set_svc_layers:
 * @self: a request
 * @spatial_layer: the VP9-SVC/AV1-SVC spatial layer to echo, or -1
 * @temporal_layer: the temporal layer to echo, or -1
 *
 * Sets `spatial_layer` and `temporal_layer`.
 */
void
jc_echo_test_request_set_svc_layers (JcEchoTestRequest *self, int spatial_layer, int temporal_layer)
{
  g_return_if_fail (self != NULL);
  if (spatial_layer >= 0)
    json_object_set_int_member (jc_plugin_options_body (self), "spatial_layer", spatial_layer);
  if (temporal_layer >= 0)
    json_object_set_int_member (jc_plugin_options_body (self), "temporal_layer", temporal_layer);
}

/**
 * jc_echo_test_request_set_audio_codec:
 * @self: a request
 * @codec: the audio codec Janus should prefer in its answer, e.g. `opus`
 *
 * Sets `audiocodec`.
 */
void
jc_echo_test_request_set_audio_codec (JcEchoTestRequest *self, const char *codec)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (codec != NULL);
  json_object_set_string_member (jc_plugin_options_body (self), "audiocodec", codec);
}

/**
 * jc_echo_test_request_set_video_codec:
 * @self: a request
 * @codec: the video codec Janus should prefer, e.g. `vp8`
 * @profile: (nullable): the codec profile (`videoprofile`), e.g. `42e01f`
 *
 * Sets `videocodec` and `videoprofile`.
 */
void
jc_echo_test_request_set_video_codec (JcEchoTestRequest *self, const char *codec, const char *profile)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (codec != NULL);
  json_object_set_string_member (jc_plugin_options_body (self), "videocodec", codec);
  if (profile != NULL)
    json_object_set_string_member (jc_plugin_options_body (self), "videoprofile", profile);
}

/**
 * jc_echo_test_request_set_opusred:
 * @self: a request
 * @opusred: whether to negotiate RED for Opus
 *
 * Sets `opusred`.
 */
void
jc_echo_test_request_set_opusred (JcEchoTestRequest *self, gboolean opusred)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "opusred", opusred);
}

/**
 * jc_echo_test_request_set_playout_delay:
 * @self: a request
 * @min_delay: the minimum playout delay in milliseconds, or -1
 * @max_delay: the maximum playout delay in milliseconds, or -1
 *
 * Sets `min_delay` and `max_delay` (the playout-delay extension).
 */
void
jc_echo_test_request_set_playout_delay (JcEchoTestRequest *self, int min_delay, int max_delay)
{
  g_return_if_fail (self != NULL);
  if (min_delay >= 0)
    json_object_set_int_member (jc_plugin_options_body (self), "min_delay", min_delay);
  if (max_delay >= 0)
    json_object_set_int_member (jc_plugin_options_body (self), "max_delay", max_delay);
}

/**
 * jc_echo_test_request_set_extra:
 * @self: a request
 * @name: a member name
 * @value: (transfer none): its value
 *
 * Sets any member, for fields newer plugins accept.
 */
void
jc_echo_test_request_set_extra (JcEchoTestRequest *self, const char *name, JsonNode *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  jc_plugin_options_set_extra (self, name, value);
}

/**
 * jc_echo_test_request_to_json:
 * @self: a request
 *
 * Gets the request body as it will be sent.
 *
 * Returns: (transfer full): a copy of the body
 */
JsonObject *
jc_echo_test_request_to_json (JcEchoTestRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return jc_json_object_copy (jc_plugin_options_body (self));
}

struct _JcEchoTest
{
  JcPluginHandle parent_instance;
};

G_DEFINE_FINAL_TYPE (JcEchoTest, jc_echo_test, JC_TYPE_PLUGIN_HANDLE)

static void
jc_echo_test_class_init (JcEchoTestClass *klass)
{
}

static void
jc_echo_test_init (JcEchoTest *self)
{
}

/**
 * jc_echo_test_attach_async:
 * @session: a session
 * @opaque_id: (nullable): an opaque id for the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the handle
 * @user_data: data for @callback
 *
 * Attaches a new handle to the EchoTest plugin.
 */
void
jc_echo_test_attach_async (JcSession *session,
                           const char *opaque_id,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_SESSION (session));

  jc_plugin_attach (session, JC_TYPE_ECHO_TEST, JC_ECHO_TEST_PLUGIN, opaque_id, jc_echo_test_attach_async, "jc_echo_test_attach_async", cancellable, callback,
                    user_data);
}

/**
 * jc_echo_test_attach_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [func@EchoTest.attach_async].
 *
 * Returns: (transfer full): the new EchoTest handle
 */
JcEchoTest *
jc_echo_test_attach_finish (GAsyncResult *result, GError **error)
{
  return jc_plugin_attach_finish (result, jc_echo_test_attach_async, error);
}

static const JcPluginSpec echo_test_spec = { "echotest", "EchoTest" };
static const char *const expect_event[] = { "event", NULL };

static void
configured_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  const char *outcome = jc_json_lookup_string (data, "result");

  if (g_strcmp0 (outcome, "ok") != 0)
    {
      jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "EchoTest answered “%s” instead of ok",
                                              outcome != NULL ? outcome : "nothing"));
      return;
    }
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_echo_test_configure_async:
 * @self: an EchoTest handle
 * @request: the request body
 * @jsep: (nullable): an offer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugin's result
 * @user_data: data for @callback
 *
 * Sends @request (and @jsep) to the plugin. With an offer, the plugin's
 * answer comes back through [method@EchoTest.configure_finish].
 */
void
jc_echo_test_configure_async (JcEchoTest *self,
                              JcEchoTestRequest *request,
                              JsonObject *jsep,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (JC_IS_ECHO_TEST (self));
  g_return_if_fail (request != NULL);

  jc_plugin_send (JC_HANDLE (self), &echo_test_spec, jc_json_object_copy (jc_plugin_options_body (request)), jsep,
                  expect_event, configured_hook, jc_echo_test_configure_async, "jc_echo_test_configure_async",
                  cancellable, callback, user_data);
}

/**
 * jc_echo_test_configure_finish:
 * @self: an EchoTest handle
 * @result: the result passed to the callback
 * @out_jsep: (out) (optional) (nullable) (transfer full): the plugin's
 *   answer, when an offer was sent
 * @error: return location for a #GError
 *
 * Finishes [method@EchoTest.configure_async].
 *
 * Returns: %TRUE when the plugin answered ok
 */
gboolean
jc_echo_test_configure_finish (JcEchoTest *self, GAsyncResult *result, JsonObject **out_jsep, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_echo_test_configure_async, out_jsep,
                                                       error);

  return data != NULL;
}

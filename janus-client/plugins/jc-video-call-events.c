/* jc-video-call-events.c: JcVideoCall's reading of the plugin's events,
 * with what was malformed reported through the "error" signal
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every VideoCall reply and event is `{"videocall": "event", "result":
 * {"event": …}}`; an error carries `error_code` instead of `result`.
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-video-call-private.h"

void
jc_video_call_emit_error (JcVideoCall *self, const GError *error)
{
  g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_ERROR], 0, error);
}

static void
report (JcVideoCall *self, const char *what, const char *problem)
{
  g_autoptr (GError) error = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "VideoCall sent a malformed “%s”: %s", what, problem);

  g_debug ("%s", error->message);
  jc_video_call_emit_error (self, error);
}

void
jc_video_call_set_state (JcVideoCall *self, JcVideoCallState state, const char *peer_username)
{
  if (peer_username != NULL && g_strcmp0 (peer_username, self->peer_username) != 0)
    {
      g_free (self->peer_username);
      self->peer_username = g_strdup (peer_username);
    }
  if (state == JC_VIDEO_CALL_STATE_IDLE)
    g_clear_pointer (&self->incoming_offer, json_object_unref);
  if (self->state != state)
    {
      self->state = state;
      g_object_notify (G_OBJECT (self), "state");
    }
}

void
jc_video_call_end (JcVideoCall *self, const char *username, const char *reason)
{
  if (self->state == JC_VIDEO_CALL_STATE_IDLE)
    {
      /* Janus tells a hangup up to three times (our request's reply, the
       * other side's, the PeerConnection's): the call ended at the first. */
      g_debug ("VideoCall: a further hangup (%s) for a call that already ended", reason != NULL ? reason : "no reason");
      return;
    }
  jc_video_call_set_state (self, JC_VIDEO_CALL_STATE_IDLE, NULL);
  g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_HUNG_UP], 0, username, reason);
}

/* Optional string members: absent is fine, another type a problem. */
static gboolean
lookup_optional_string (JsonObject *obj, const char *member, const char **out, GString *problems)
{
  *out = NULL;
  if (!jc_json_has_member (obj, member))
    return TRUE;
  *out = jc_json_lookup_string (obj, member);
  if (*out == NULL)
    {
      jc_plugin_add_problem (problems, "“%s” is not a string", member);
      return FALSE;
    }
  return TRUE;
}

static void
on_remote_set (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JcVideoCall) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!jc_peer_set_remote_description_finish (JC_PEER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_prefix_error (&error, "Cannot take the other side's answer: ");
      jc_video_call_emit_error (self, error);
    }
}

static void
on_update_set (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JcVideoCall) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!jc_video_call_set_finish (JC_VIDEO_CALL (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_prefix_error (&error, "Cannot answer the other side's renegotiation: ");
      jc_video_call_emit_error (self, error);
    }
}

static void
on_update_answered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JcVideoCall) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) answer = jc_peer_create_answer_finish (JC_PEER (source), result, &error);
  g_autoptr (JcVideoCallRequest) request = NULL;

  if (answer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_prefix_error (&error, "Cannot answer the other side's renegotiation: ");
          jc_video_call_emit_error (self, error);
        }
      return;
    }
  request = jc_video_call_request_new ();
  jc_video_call_set_async (self, request, answer, jc_plugin_handle_get_cancellable (self), on_update_set, g_object_ref (self));
}

/* The other side's answer (accepted, update) or renegotiation offer
 * (update), applied to our peer when we have one. */
static void
take_remote_jsep (JcVideoCall *self, JsonObject *jsep)
{
  const char *type = jc_json_lookup_string (jsep, "type");

  if (JC_PLUGIN_PEER (self) == NULL)
    return;
  if (g_strcmp0 (type, "offer") == 0)
    jc_peer_create_answer_async (JC_PLUGIN_PEER (self), jsep, jc_plugin_handle_get_cancellable (self), on_update_answered, g_object_ref (self));
  else
    jc_peer_set_remote_description_async (JC_PLUGIN_PEER (self), jsep, jc_plugin_handle_get_cancellable (self), on_remote_set, g_object_ref (self));
}

static void
dispatch_result (JcVideoCall *self, const char *event, JsonObject *result, JsonObject *jsep)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *username = NULL;
  const char *reason = NULL;

  if (!lookup_optional_string (result, "username", &username, problems))
    {
      report (self, event, problems->str);
      return;
    }

  if (g_str_equal (event, "incomingcall"))
    {
      if (username == NULL)
        jc_plugin_add_problem (problems, "no caller “username”");
      if (!jc_plugin_check_jsep ("VideoCall", jsep, "offer", &error))
        jc_plugin_add_problem (problems, "%s", error->message);
      if (problems->len > 0)
        {
          report (self, event, problems->str);
          return;
        }
      g_clear_pointer (&self->incoming_offer, json_object_unref);
      self->incoming_offer = json_object_ref (jsep);
      jc_video_call_set_state (self, JC_VIDEO_CALL_STATE_INCOMING, username);
      g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_INCOMING_CALL], 0, username, jsep);
    }
  else if (g_str_equal (event, "accepted"))
    {
      /* Unasked: our call was accepted, with the callee's answer. */
      if (!jc_plugin_check_jsep ("VideoCall", jsep, "answer", &error))
        {
          report (self, event, error->message);
          return;
        }
      jc_video_call_set_state (self, JC_VIDEO_CALL_STATE_IN_CALL, username);
      take_remote_jsep (self, jsep);
      g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_ACCEPTED], 0, username, jsep);
    }
  else if (g_str_equal (event, "update"))
    {
      if (!jc_plugin_check_jsep ("VideoCall", jsep, NULL, &error))
        {
          report (self, event, error->message);
          return;
        }
      take_remote_jsep (self, jsep);
      g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_UPDATED], 0, jsep);
    }
  else if (g_str_equal (event, "hangup"))
    {
      if (!lookup_optional_string (result, "reason", &reason, problems))
        {
          report (self, event, problems->str);
          return;
        }
      jc_video_call_end (self, username, reason);
    }
  else if (g_str_equal (event, "simulcast"))
    {
      gint64 substream = -1;
      gint64 temporal = -1;
      const char *codec = NULL;

      if (jc_json_has_member (result, "substream") &&
          (!jc_json_lookup_int (result, "substream", &substream) || substream < 0 || substream > 2))
        jc_plugin_add_problem (problems, "“substream” is not a layer (0–2)");
      if (jc_json_has_member (result, "temporal") &&
          (!jc_json_lookup_int (result, "temporal", &temporal) || temporal < 0 || temporal > 2))
        jc_plugin_add_problem (problems, "“temporal” is not a layer (0–2)");
      lookup_optional_string (result, "videocodec", &codec, problems);
      if (problems->len > 0)
        {
          report (self, event, problems->str);
          return;
        }
      g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_SIMULCAST], 0, codec, (int) substream, (int) temporal);
    }
  else if (g_str_equal (event, "slow_link"))
    {
      const char *media = NULL;
      gint64 bitrate = 0;

      lookup_optional_string (result, "media", &media, problems);
      if (jc_json_has_member (result, "current-bitrate") &&
          (!jc_json_lookup_int (result, "current-bitrate", &bitrate) || bitrate < 0 || bitrate > G_MAXUINT))
        jc_plugin_add_problem (problems, "“current-bitrate” is not a bitrate");
      if (problems->len > 0)
        {
          report (self, event, problems->str);
          return;
        }
      g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_SLOW_LINK], 0, media, (guint) bitrate);
    }
  else
    g_debug ("VideoCall: ignoring an event “%s”", event);
}

void
jc_video_call_dispatch_event (JcVideoCall *self, JsonObject *data, JsonObject *jsep)
{
  JsonObject *result;
  const char *event;

  if (jc_json_has_member (data, "error_code"))
    {
      gint64 code = 0;
      const char *text = jc_json_lookup_string (data, "error");
      g_autoptr (GError) error = NULL;

      if (!jc_json_lookup_int (data, "error_code", &code) || code <= 0 || code > G_MAXINT)
        {
          report (self, "error", "“error_code” is not a positive integer");
          return;
        }
      error = g_error_new (JC_PLUGIN_ERROR, (int) code, "%s answered %d (%s)", JC_VIDEO_CALL_PLUGIN, (int) code,
                           text != NULL ? text : "no reason given");
      jc_video_call_emit_error (self, error);
      return;
    }
  if (g_strcmp0 (jc_json_lookup_string (data, "videocall"), "event") != 0)
    {
      report (self, "event", "no “videocall”: “event”");
      return;
    }
  result = jc_json_lookup_object (data, "result");
  event = result != NULL ? jc_json_lookup_string (result, "event") : NULL;
  if (event == NULL)
    {
      report (self, "event", "no “result” object with an “event” string");
      return;
    }
  dispatch_result (self, event, result, jsep);
}

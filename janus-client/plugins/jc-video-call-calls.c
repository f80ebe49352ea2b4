/* jc-video-call-calls.c: JcVideoCall's call requests (call, accept, set,
 * hangup)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-video-call-private.h"

/* The inner request of call and accept, tagged with these. */
static void send_call (GTask *task, JsonObject *offer);
static void send_accept (GTask *task, JsonObject *answer);

static gboolean
return_if_cancelled (GTask *task)
{
  return g_task_return_error_if_cancelled (task);
}

/* call */

static void
on_call_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcVideoCall *self = JC_VIDEO_CALL (source);
  const char *username = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, send_call, NULL, &error);
  JsonObject *res;
  const char *event;

  if (data == NULL || (res = jc_video_call_reply_result (data, NULL, "call", &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  event = jc_json_lookup_string (res, "event");
  if (g_strcmp0 (event, "hangup") == 0)
    {
      /* Refused at once, e.g. "User busy". */
      const char *reason = jc_json_lookup_string (res, "reason");

      g_task_return_new_error (task, JC_ERROR, JC_ERROR_FAILED, "VideoCall: the call to %s ended at once (%s)", username,
                               reason != NULL ? reason : "no reason given");
      return;
    }
  if (g_strcmp0 (event, "calling") != 0)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL, "VideoCall answered “%s” to call (want “calling”)",
                               event != NULL ? event : "nothing");
      return;
    }
  /* The callee may have accepted already (its accepted came first). */
  if (jc_video_call_get_state (self) == JC_VIDEO_CALL_STATE_IDLE)
    jc_video_call_set_state (self, JC_VIDEO_CALL_STATE_CALLING, username);
  g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_CALLING], 0, username);
  g_task_return_boolean (task, TRUE);
}

static void
send_call (GTask *task, JsonObject *offer)
{
  JcVideoCall *self = g_task_get_source_object (task);
  JsonObject *body = jc_plugin_body_new ("call", NULL, NULL);

  json_object_set_string_member (body, "username", g_task_get_task_data (task));
  jc_video_call_send (self, body, offer, NULL, send_call, "jc_video_call_call_async", g_task_get_cancellable (task),
                      on_call_sent, task);
}

static void
on_call_offer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  g_autoptr (JsonObject) offer = jc_peer_create_offer_finish (JC_PEER (source), result, &error);

  if (offer == NULL)
    {
      g_prefix_error (&error, "Cannot make the offer of the call: ");
      jc_plugin_fail_task (task, error);
      return;
    }
  if (return_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  send_call (task, offer);
}

/**
 * jc_video_call_call_async:
 * @self: a registered VideoCall handle
 * @username: the user to call
 * @offer: (nullable): our offer; %NULL to have the peer
 *   ([method@VideoCall.set_peer]) make one
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus rings the other side
 * @user_data: data for @callback
 *
 * Calls @username. Completes when Janus rings them
 * ([signal@VideoCall::calling]); [signal@VideoCall::accepted] follows with
 * their answer, or [signal@VideoCall::hung-up] when they decline. An
 * unknown user fails with %JC_VIDEO_CALL_ERROR_NO_SUCH_USERNAME, calling
 * before registering with %JC_VIDEO_CALL_ERROR_REGISTER_FIRST, a call
 * Janus refuses at once (the user is busy) with %JC_ERROR_FAILED.
 */
void
jc_video_call_call_async (JcVideoCall *self,
                          const char *username,
                          JsonObject *offer,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  GTask *task;
  JcPeer *peer;

  g_return_if_fail (JC_IS_VIDEO_CALL (self));
  g_return_if_fail (username != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_video_call_call_async);
  g_task_set_name (task, "jc_video_call_call_async");
  g_task_set_task_data (task, g_strdup (username), g_free);
  peer = jc_video_call_get_peer (self);
  if (offer != NULL)
    send_call (task, offer);
  else if (peer != NULL)
    jc_peer_create_offer_async (peer, cancellable, on_call_offer, task);
  else
    jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                                            "Cannot call %s: no offer given and no peer set to make one", username));
}

/**
 * jc_video_call_call_finish:
 * @self: a VideoCall handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoCall.call_async].
 *
 * Returns: %TRUE once the other side is ringing
 */
gboolean
jc_video_call_call_finish (JcVideoCall *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_video_call_call_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* accept */

static void
on_accept_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcVideoCall *self = JC_VIDEO_CALL (source);
  GError *error = NULL;
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, send_accept, NULL, &error);

  if (data == NULL || jc_video_call_reply_result (data, "accepted", "accept", &error) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  jc_video_call_set_state (self, JC_VIDEO_CALL_STATE_IN_CALL, NULL);
  g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_ACCEPTED], 0, jc_video_call_get_peer_username (self), NULL);
  g_task_return_boolean (task, TRUE);
}

static void
send_accept (GTask *task, JsonObject *answer)
{
  JcVideoCall *self = g_task_get_source_object (task);

  jc_video_call_send (self, jc_plugin_body_new ("accept", NULL, NULL), answer, NULL, send_accept,
                      "jc_video_call_accept_async", g_task_get_cancellable (task), on_accept_sent, task);
}

static void
on_accept_answer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  g_autoptr (JsonObject) answer = jc_peer_create_answer_finish (JC_PEER (source), result, &error);

  if (answer == NULL)
    {
      g_prefix_error (&error, "Cannot answer the incoming call: ");
      jc_plugin_fail_task (task, error);
      return;
    }
  if (return_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  send_accept (task, answer);
}

/**
 * jc_video_call_accept_async:
 * @self: a VideoCall handle with an incoming call
 * @answer: (nullable): our answer to the caller's offer; %NULL to have
 *   the peer ([method@VideoCall.set_peer]) answer it
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once the call is accepted
 * @user_data: data for @callback
 *
 * Accepts the call [signal@VideoCall::incoming-call] announced. Safe to
 * start from that signal's handler. Without an incoming call, Janus
 * answers %JC_VIDEO_CALL_ERROR_NO_CALL (or, with no answer to send, the
 * call fails at once with %JC_ERROR_INVALID_ARGUMENT).
 */
void
jc_video_call_accept_async (JcVideoCall *self,
                            JsonObject *answer,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_VIDEO_CALL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_video_call_accept_async);
  g_task_set_name (task, "jc_video_call_accept_async");
  if (answer != NULL)
    send_accept (task, answer);
  else if (JC_PLUGIN_PEER (self) != NULL && self->incoming_offer != NULL)
    jc_peer_create_answer_async (JC_PLUGIN_PEER (self), self->incoming_offer, cancellable, on_accept_answer, task);
  else
    jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Cannot accept: %s",
                                            self->incoming_offer == NULL ? "no incoming call to answer"
                                                                         : "no answer given and no peer set to make one"));
}

/**
 * jc_video_call_accept_finish:
 * @self: a VideoCall handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoCall.accept_async].
 *
 * Returns: %TRUE once accepted
 */
gboolean
jc_video_call_accept_finish (JcVideoCall *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_video_call_accept_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* set */

static void
configured_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  GError *error = NULL;

  if (jc_video_call_reply_result (data, "set", "set", &error) == NULL)
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  g_signal_emit (source, jc_video_call_signals[VC_SIGNAL_CONFIGURED], 0);
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_video_call_set_async:
 * @self: a VideoCall handle
 * @request: (nullable): the settings: audio, video, bitrate, recording,
 *   simulcast layer
 * @jsep: (nullable): a renegotiation offer or answer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus applied the settings
 * @user_data: data for @callback
 *
 * Changes the call's settings (the `set` request); with @jsep, also
 * renegotiates (the other side gets [signal@VideoCall::updated]).
 */
void
jc_video_call_set_async (JcVideoCall *self,
                         JcVideoCallRequest *request,
                         JsonObject *jsep,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_CALL (self));

  jc_video_call_send (self, jc_plugin_body_new ("set", request != NULL ? jc_video_call_request_peek_body (request) : NULL, NULL),
                      jsep, configured_hook, jc_video_call_set_async, "jc_video_call_set_async", cancellable, callback,
                      user_data);
}

/**
 * jc_video_call_set_finish:
 * @self: a VideoCall handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoCall.set_async].
 *
 * Returns: %TRUE once applied
 */
gboolean
jc_video_call_set_finish (JcVideoCall *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_video_call_set_async, error);
}

/* hangup */

static void
hangup_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  GError *error = NULL;
  JsonObject *res = jc_video_call_reply_result (data, "hangup", "hangup", &error);

  if (res == NULL)
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  jc_video_call_end (source, jc_json_lookup_string (res, "username"), jc_json_lookup_string (res, "reason"));
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_video_call_hangup_call_async:
 * @self: a VideoCall handle
 * @reason: (nullable): the reason the other side is told
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus ended the call
 * @user_data: data for @callback
 *
 * Ends the call, declines an incoming one or cancels ours (the plugin's
 * `hangup` request; [method@Handle.hangup_async] is Janus's, which only
 * closes the PeerConnection). [signal@VideoCall::hung-up] is emitted
 * first when there was a call.
 */
void
jc_video_call_hangup_call_async (JcVideoCall *self,
                                 const char *reason,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  JsonObject *body;

  g_return_if_fail (JC_IS_VIDEO_CALL (self));

  body = jc_plugin_body_new ("hangup", NULL, NULL);
  if (reason != NULL)
    json_object_set_string_member (body, "reason", reason);
  jc_video_call_send (self, body, NULL, hangup_hook, jc_video_call_hangup_call_async, "jc_video_call_hangup_call_async",
                      cancellable, callback, user_data);
}

/**
 * jc_video_call_hangup_call_finish:
 * @self: a VideoCall handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoCall.hangup_call_async].
 *
 * Returns: %TRUE once Janus ended the call
 */
gboolean
jc_video_call_hangup_call_finish (JcVideoCall *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_video_call_hangup_call_async, error);
}

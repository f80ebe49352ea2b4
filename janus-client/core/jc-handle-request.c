/* jc-handle-request.c: what a JcHandle asks of Janus (message, trickle,
 * hangup, detach)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-handle-private.h"
#include "jc-json-private.h"
#include "jc-session-private.h"

static JsonObject *
new_handle_request (JcHandle *self, const char *verb)
{
  JsonObject *request = json_object_new ();

  json_object_set_string_member (request, "janus", verb);
  json_object_set_int_member (request, "session_id", (gint64) jc_session_get_id (jc_handle_get_session (self)));
  json_object_set_int_member (request, "handle_id", (gint64) jc_handle_get_id (self));
  return request;
}

static gboolean
return_if_detached (JcHandle *self, GTask *task, const char *verb)
{
  if (jc_handle_is_attached (self))
    return FALSE;
  g_task_return_new_error (task, JC_ERROR, JC_ERROR_HANDLE_DETACHED,
                           "Cannot %s: handle %" G_GUINT64_FORMAT " (%s) is detached", verb, jc_handle_get_id (self),
                           jc_handle_get_plugin (self));
  return TRUE;
}

static JcClient *
handle_client (JcHandle *self)
{
  return jc_session_get_client (jc_handle_get_session (self));
}

/* send */

typedef struct
{
  JsonObject *data; /* (owned) */
  JsonObject *jsep; /* (owned) (nullable) */
} SendResult;

static void
send_result_free (gpointer data)
{
  SendResult *sr = data;

  g_clear_pointer (&sr->data, json_object_unref);
  g_clear_pointer (&sr->jsep, json_object_unref);
  g_free (sr);
}

static void
on_send_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcHandle *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);
  SendResult *sr;

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  sr = g_new0 (SendResult, 1);
  sr->data = jc_handle_parse_plugin_reply (self, reply, &sr->jsep, &error);
  if (sr->data == NULL)
    {
      send_result_free (sr);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, sr, send_result_free);
}

/**
 * jc_handle_send_async:
 * @self: a handle
 * @body: the message for the plugin
 * @jsep: (nullable): an offer or answer (`type` and `sdp`)
 * @timeout_ms: the deadline in milliseconds, %JC_TIMEOUT_DEFAULT or
 *   %JC_TIMEOUT_NONE
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugin's answer
 * @user_data: data for @callback
 *
 * Sends @body (and @jsep) to the plugin. Completes with the plugin's data
 * from the synchronous `success`, or from the `event` that follows Janus's
 * `ack` when the plugin handles the request asynchronously. A reply
 * carrying `error_code` fails with [error@PluginError].
 */
void
jc_handle_send_async (JcHandle *self,
                      JsonObject *body,
                      JsonObject *jsep,
                      int timeout_ms,
                      GCancellable *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  JsonObject *request;

  g_return_if_fail (JC_IS_HANDLE (self));
  g_return_if_fail (body != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_handle_send_async);
  g_task_set_name (task, "jc_handle_send_async");
  if (return_if_detached (self, task, "send a message"))
    return;

  request = new_handle_request (self, "message");
  json_object_set_object_member (request, "body", jc_json_object_copy (body));
  if (jsep != NULL)
    json_object_set_object_member (request, "jsep", jc_json_object_copy (jsep));
  jc_client_send_request (handle_client (self), request, JC_REQUEST_FLAGS_WAIT_EVENT, timeout_ms,
                          cancellable, on_send_reply, g_steal_pointer (&task));
}

/**
 * jc_handle_send_finish:
 * @self: a handle
 * @result: the result passed to the callback
 * @out_jsep: (out) (optional) (nullable) (transfer full): the JSEP that
 *   came with the answer, if any
 * @error: return location for a #GError
 *
 * Finishes [method@Handle.send_async].
 *
 * Returns: (transfer full): the plugin's data
 */
JsonObject *
jc_handle_send_finish (JcHandle *self, GAsyncResult *result, JsonObject **out_jsep, GError **error)
{
  SendResult *sr;
  JsonObject *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_handle_send_async, NULL);

  if (out_jsep != NULL)
    *out_jsep = NULL;
  sr = g_task_propagate_pointer (G_TASK (result), error);
  if (sr == NULL)
    return NULL;
  data = g_steal_pointer (&sr->data);
  if (out_jsep != NULL)
    *out_jsep = g_steal_pointer (&sr->jsep);
  send_result_free (sr);
  return data;
}

/* trickle, hangup, detach */

static void
start_simple (JcHandle *self,
              GTask *task_in,
              const char *verb,
              const char *what,
              JsonObject *request_in,
              GCancellable *cancellable)
{
  g_autoptr (GTask) task = task_in;
  g_autoptr (JsonObject) request = request_in;

  if (return_if_detached (self, task, what))
    return;
  jc_client_send_request (handle_client (self), g_steal_pointer (&request), JC_REQUEST_FLAGS_NONE,
                          JC_TIMEOUT_DEFAULT, cancellable, jc_client_return_boolean, g_steal_pointer (&task));
}

static JsonObject *
new_candidate (const char *candidate, const char *sdp_mid, int sdp_mline_index)
{
  JsonObject *obj = json_object_new ();

  if (candidate == NULL)
    {
      json_object_set_boolean_member (obj, "completed", TRUE);
      return obj;
    }
  json_object_set_string_member (obj, "candidate", candidate);
  if (sdp_mid != NULL)
    json_object_set_string_member (obj, "sdpMid", sdp_mid);
  if (sdp_mline_index >= 0)
    json_object_set_int_member (obj, "sdpMLineIndex", sdp_mline_index);
  return obj;
}

/**
 * jc_handle_trickle_async:
 * @self: a handle
 * @candidate: (nullable): an ICE candidate line (`candidate:…`), or %NULL
 *   to say that gathering completed
 * @sdp_mid: (nullable): the candidate's media stream id
 * @sdp_mline_index: the candidate's m-line index, or -1 to leave it out
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus acknowledged the candidate
 * @user_data: data for @callback
 *
 * Trickles one of our ICE candidates to Janus, or the end of candidates.
 */
void
jc_handle_trickle_async (JcHandle *self,
                         const char *candidate,
                         const char *sdp_mid,
                         int sdp_mline_index,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  GTask *task;
  JsonObject *request;

  g_return_if_fail (JC_IS_HANDLE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_handle_trickle_async);
  g_task_set_name (task, "jc_handle_trickle_async");
  request = new_handle_request (self, "trickle");
  json_object_set_object_member (request, "candidate", new_candidate (candidate, sdp_mid, sdp_mline_index));
  start_simple (self, task, "trickle", "trickle a candidate", request, cancellable);
}

/**
 * jc_handle_trickle_finish:
 * @self: a handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Handle.trickle_async].
 *
 * Returns: %TRUE when Janus acknowledged the candidate
 */
gboolean
jc_handle_trickle_finish (JcHandle *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_handle_trickle_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * jc_handle_trickle_many_async:
 * @self: a handle
 * @candidates: candidate objects (`candidate`,
 *   `sdpMid`, `sdpMLineIndex`)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus acknowledged them
 * @user_data: data for @callback
 *
 * Trickles several candidates in one request (`candidates` array).
 */
void
jc_handle_trickle_many_async (JcHandle *self,
                              JsonArray *candidates,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;
  JsonObject *request;
  JsonArray *copy;

  g_return_if_fail (JC_IS_HANDLE (self));
  g_return_if_fail (candidates != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_handle_trickle_many_async);
  g_task_set_name (task, "jc_handle_trickle_many_async");

  copy = json_array_new ();
  for (guint i = 0; i < json_array_get_length (candidates); i++)
    {
      JsonNode *node = json_array_get_element (candidates, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          json_array_unref (copy);
          g_task_return_new_error (task, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                                   "Candidate %u is not a JSON object", i);
          g_object_unref (task);
          return;
        }
      json_array_add_object_element (copy, jc_json_object_copy (json_node_get_object (node)));
    }
  request = new_handle_request (self, "trickle");
  json_object_set_array_member (request, "candidates", copy);
  start_simple (self, task, "trickle", "trickle candidates", request, cancellable);
}

/**
 * jc_handle_trickle_many_finish:
 * @self: a handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Handle.trickle_many_async].
 *
 * Returns: %TRUE when Janus acknowledged the candidates
 */
gboolean
jc_handle_trickle_many_finish (JcHandle *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_handle_trickle_many_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * jc_handle_hangup_async:
 * @self: a handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus accepted the hangup
 * @user_data: data for @callback
 *
 * Asks Janus to close the handle's PeerConnection; the handle stays
 * attached.
 */
void
jc_handle_hangup_async (JcHandle *self,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_HANDLE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_handle_hangup_async);
  g_task_set_name (task, "jc_handle_hangup_async");
  start_simple (self, task, "hangup", "hang up", new_handle_request (self, "hangup"), cancellable);
}

/**
 * jc_handle_hangup_finish:
 * @self: a handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Handle.hangup_async].
 *
 * Returns: %TRUE when Janus accepted the hangup
 */
gboolean
jc_handle_hangup_finish (JcHandle *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_handle_hangup_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_detach_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcHandle *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  jc_handle_mark_detached (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * jc_handle_detach_async:
 * @self: a handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus detached the handle
 * @user_data: data for @callback
 *
 * Detaches the handle from its plugin; [signal@Handle::detached] follows.
 */
void
jc_handle_detach_async (JcHandle *self,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (JC_IS_HANDLE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_handle_detach_async);
  g_task_set_name (task, "jc_handle_detach_async");
  if (return_if_detached (self, task, "detach"))
    return;
  jc_client_send_request (handle_client (self), new_handle_request (self, "detach"),
                          JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT, cancellable, on_detach_reply,
                          g_steal_pointer (&task));
}

/**
 * jc_handle_detach_finish:
 * @self: a handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Handle.detach_async].
 *
 * Returns: %TRUE when the handle was detached
 */
gboolean
jc_handle_detach_finish (JcHandle *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_handle_detach_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

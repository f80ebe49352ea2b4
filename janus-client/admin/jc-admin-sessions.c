/* jc-admin-sessions.c: the Admin API requests about sessions and handles
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-admin-private.h"
#include "jc-error.h"
#include "jc-json-private.h"

/* Reading arrays of the reply: every element is checked, none coerced. */

static GArray *
read_id_array (JsonObject *reply, const char *member, GError **error)
{
  JsonArray *array = jc_json_lookup_array (reply, member);
  g_autoptr (GArray) ids = NULL;

  if (array == NULL)
    {
      jc_set_protocol_error (error, "Janus sent no valid “%s” (want an array of ids)", member);
      return NULL;
    }
  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint64), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gint64 value;
      guint64 id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        {
          jc_set_protocol_error (error, "Janus sent a “%s” whose element %u is not an integer", member, i);
          return NULL;
        }
      value = json_node_get_int (node);
      if (value <= 0 || value > JC_JSON_MAX_ID)
        {
          jc_set_protocol_error (error, "Janus sent a “%s” whose element %u (%" G_GINT64_FORMAT ") is not a valid id",
                                 member, i, value);
          return NULL;
        }
      id = (guint64) value;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* Sessions and handles */

/**
 * jc_admin_list_sessions_async:
 * @self: an admin connection
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the session ids
 * @user_data: data for @callback
 *
 * Lists the sessions Janus holds (`list_sessions`), whoever created them.
 */
void
jc_admin_list_sessions_async (JcAdmin *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  jc_admin_call (self, jc_admin_new_request ("list_sessions", 0, 0), "success", JC_TIMEOUT_DEFAULT,
                 jc_admin_list_sessions_async, "jc_admin_list_sessions_async", cancellable, callback,
                 user_data);
}

/**
 * jc_admin_list_sessions_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.list_sessions_async].
 *
 * Returns: (transfer full) (element-type guint64): the session ids, in
 *   the server's order
 */
GArray *
jc_admin_list_sessions_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) reply = jc_admin_call_finish (self, result, jc_admin_list_sessions_async, error);

  if (reply == NULL)
    return NULL;
  return read_id_array (reply, "sessions", error);
}

/**
 * jc_admin_list_handles_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the handle ids
 * @user_data: data for @callback
 *
 * Lists the handles of a session (`list_handles`). An unknown session
 * fails with %JC_SERVER_ERROR_SESSION_NOT_FOUND.
 */
void
jc_admin_list_handles_async (JcAdmin *self,
                             guint64 session_id,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);

  jc_admin_call (self, jc_admin_new_request ("list_handles", session_id, 0), "success",
                 JC_TIMEOUT_DEFAULT, jc_admin_list_handles_async, "jc_admin_list_handles_async",
                 cancellable, callback, user_data);
}

/**
 * jc_admin_list_handles_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.list_handles_async].
 *
 * Returns: (transfer full) (element-type guint64): the handle ids
 */
GArray *
jc_admin_list_handles_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) reply = jc_admin_call_finish (self, result, jc_admin_list_handles_async, error);

  if (reply == NULL)
    return NULL;
  return read_id_array (reply, "handles", error);
}

/**
 * jc_admin_set_session_timeout_for_session_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @timeout_s: seconds without activity after which Janus drops this
 *   session; 0 for never, -1 to follow the global timeout again
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Changes one session's timeout (`set_session_timeout` with a
 * `session_id`); [method@Admin.handle_info_async] shows it as
 * `session_timeout`.
 */
void
jc_admin_set_session_timeout_for_session_async (JcAdmin *self,
                                                guint64 session_id,
                                                int timeout_s,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer user_data)
{
  JsonObject *request;

  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);
  g_return_if_fail (timeout_s >= -1);

  request = jc_admin_new_request ("set_session_timeout", session_id, 0);
  json_object_set_int_member (request, "timeout", timeout_s);
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT,
                 jc_admin_set_session_timeout_for_session_async,
                 "jc_admin_set_session_timeout_for_session_async", cancellable, callback, user_data);
}

/**
 * jc_admin_set_session_timeout_for_session_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_session_timeout_for_session_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_session_timeout_for_session_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_session_timeout_for_session_async,
                                       error);
}

/**
 * jc_admin_destroy_session_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the session is gone
 * @user_data: data for @callback
 *
 * Destroys a session and its handles (`destroy_session`). Over WebSocket
 * Janus 1.1.2 tells the session's owner nothing (no `timeout`, no
 * `detached`): the owner learns at its next request on the session (a
 * keepalive at the latest), which fails with
 * %JC_SERVER_ERROR_SESSION_NOT_FOUND; a [class@Session] then marks itself
 * dead and its handles detached.
 */
void
jc_admin_destroy_session_async (JcAdmin *self,
                                guint64 session_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);

  jc_admin_call (self, jc_admin_new_request ("destroy_session", session_id, 0), "success",
                 JC_TIMEOUT_DEFAULT, jc_admin_destroy_session_async, "jc_admin_destroy_session_async",
                 cancellable, callback, user_data);
}

/**
 * jc_admin_destroy_session_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.destroy_session_async].
 *
 * Returns: %TRUE when Janus destroyed the session
 */
gboolean
jc_admin_destroy_session_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_destroy_session_async, error);
}

/**
 * jc_admin_handle_info_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @handle_id: one of its handles
 * @plugin_only: %TRUE for the plugin's part only (`plugin_specific`),
 *   without the WebRTC state and statistics
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the info
 * @user_data: data for @callback
 *
 * Asks everything Janus knows about a handle (`handle_info`): its plugin
 * and the plugin's own view, WebRTC flags, SDPs and, once a PeerConnection
 * exists, `webrtc` with `ice` (state, selected pair, candidates), `dtls`
 * (state) and `media`, one object per mid with `stats` `in` and `out`
 * (packets, bytes, bytes_lastsec, nacks).
 */
void
jc_admin_handle_info_async (JcAdmin *self,
                            guint64 session_id,
                            guint64 handle_id,
                            gboolean plugin_only,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  JsonObject *request;

  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);
  g_return_if_fail (handle_id != 0);

  request = jc_admin_new_request ("handle_info", session_id, handle_id);
  if (plugin_only)
    json_object_set_boolean_member (request, "plugin_only", TRUE);
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT, jc_admin_handle_info_async,
                 "jc_admin_handle_info_async", cancellable, callback, user_data);
}

/**
 * jc_admin_handle_info_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.handle_info_async].
 *
 * Returns: (transfer full): the `info` object as Janus sent it
 */
JsonObject *
jc_admin_handle_info_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_object (self, result, jc_admin_handle_info_async, "info", error);
}

static void
handle_action (JcAdmin *self,
               const char *verb,
               guint64 session_id,
               guint64 handle_id,
               gpointer source_tag,
               const char *name,
               GCancellable *cancellable,
               GAsyncReadyCallback callback,
               gpointer user_data)
{
  jc_admin_call (self, jc_admin_new_request (verb, session_id, handle_id), "success",
                 JC_TIMEOUT_DEFAULT, source_tag, name, cancellable, callback, user_data);
}

/**
 * jc_admin_detach_handle_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @handle_id: one of its handles
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the handle is gone
 * @user_data: data for @callback
 *
 * Detaches a handle from its plugin (`detach_handle`); its owner receives
 * `detached`.
 */
void
jc_admin_detach_handle_async (JcAdmin *self,
                              guint64 session_id,
                              guint64 handle_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);
  g_return_if_fail (handle_id != 0);

  handle_action (self, "detach_handle", session_id, handle_id, jc_admin_detach_handle_async,
                 "jc_admin_detach_handle_async", cancellable, callback, user_data);
}

/**
 * jc_admin_detach_handle_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.detach_handle_async].
 *
 * Returns: %TRUE when Janus detached the handle
 */
gboolean
jc_admin_detach_handle_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_detach_handle_async, error);
}

/**
 * jc_admin_hangup_webrtc_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @handle_id: one of its handles
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus hung up
 * @user_data: data for @callback
 *
 * Closes a handle's PeerConnection (`hangup_webrtc`), as if its owner had
 * sent `hangup`; the handle stays attached.
 */
void
jc_admin_hangup_webrtc_async (JcAdmin *self,
                              guint64 session_id,
                              guint64 handle_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);
  g_return_if_fail (handle_id != 0);

  handle_action (self, "hangup_webrtc", session_id, handle_id, jc_admin_hangup_webrtc_async,
                 "jc_admin_hangup_webrtc_async", cancellable, callback, user_data);
}

/**
 * jc_admin_hangup_webrtc_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.hangup_webrtc_async].
 *
 * Returns: %TRUE when Janus hung up
 */
gboolean
jc_admin_hangup_webrtc_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_hangup_webrtc_async, error);
}

static void
start_capture (JcAdmin *self,
               const char *verb,
               guint64 session_id,
               guint64 handle_id,
               const char *folder,
               const char *filename,
               guint truncate,
               gpointer source_tag,
               const char *name,
               GCancellable *cancellable,
               GAsyncReadyCallback callback,
               gpointer user_data)
{
  JsonObject *request = jc_admin_new_request (verb, session_id, handle_id);

  if (folder != NULL)
    json_object_set_string_member (request, "folder", folder);
  if (filename != NULL)
    json_object_set_string_member (request, "filename", filename);
  if (truncate > 0)
    json_object_set_int_member (request, "truncate", truncate);
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT, source_tag, name, cancellable,
                 callback, user_data);
}

/**
 * jc_admin_start_pcap_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @handle_id: one of its handles
 * @folder: (nullable): the folder, on the server, for the file; %NULL
 *   for Janus's working directory
 * @filename: (nullable): the file's name; %NULL for one Janus makes up
 *   from the ids and the time
 * @truncate: the bytes of each packet to keep, 0 for all of them
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the capture started
 * @user_data: data for @callback
 *
 * Starts capturing the handle's unencrypted RTP and RTCP to a pcap file
 * on the server (`start_pcap`); `handle_info` then shows `pcap-file`. A
 * capture already running fails with %JC_SERVER_ERROR_UNKNOWN.
 */
void
jc_admin_start_pcap_async (JcAdmin *self,
                           guint64 session_id,
                           guint64 handle_id,
                           const char *folder,
                           const char *filename,
                           guint truncate,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);
  g_return_if_fail (handle_id != 0);

  start_capture (self, "start_pcap", session_id, handle_id, folder, filename, truncate,
                 jc_admin_start_pcap_async, "jc_admin_start_pcap_async", cancellable, callback,
                 user_data);
}

/**
 * jc_admin_start_pcap_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.start_pcap_async].
 *
 * Returns: %TRUE when the capture started
 */
gboolean
jc_admin_start_pcap_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_start_pcap_async, error);
}

/**
 * jc_admin_stop_pcap_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @handle_id: one of its handles
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the capture stopped
 * @user_data: data for @callback
 *
 * Stops the handle's capture and closes its file (`stop_pcap`). With no
 * capture running it fails with %JC_SERVER_ERROR_UNKNOWN.
 */
void
jc_admin_stop_pcap_async (JcAdmin *self,
                          guint64 session_id,
                          guint64 handle_id,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);
  g_return_if_fail (handle_id != 0);

  handle_action (self, "stop_pcap", session_id, handle_id, jc_admin_stop_pcap_async,
                 "jc_admin_stop_pcap_async", cancellable, callback, user_data);
}

/**
 * jc_admin_stop_pcap_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.stop_pcap_async].
 *
 * Returns: %TRUE when the capture stopped
 */
gboolean
jc_admin_stop_pcap_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_stop_pcap_async, error);
}

/**
 * jc_admin_start_text2pcap_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @handle_id: one of its handles
 * @folder: (nullable): the folder, on the server, for the file; %NULL
 *   for Janus's working directory
 * @filename: (nullable): the file's name; %NULL for one Janus makes up
 * @truncate: the bytes of each packet to keep, 0 for all of them
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the capture started
 * @user_data: data for @callback
 *
 * As [method@Admin.start_pcap_async], but writes the text format that
 * Wireshark's `text2pcap` reads (`start_text2pcap`).
 */
void
jc_admin_start_text2pcap_async (JcAdmin *self,
                                guint64 session_id,
                                guint64 handle_id,
                                const char *folder,
                                const char *filename,
                                guint truncate,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);
  g_return_if_fail (handle_id != 0);

  start_capture (self, "start_text2pcap", session_id, handle_id, folder, filename, truncate,
                 jc_admin_start_text2pcap_async, "jc_admin_start_text2pcap_async", cancellable,
                 callback, user_data);
}

/**
 * jc_admin_start_text2pcap_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.start_text2pcap_async].
 *
 * Returns: %TRUE when the capture started
 */
gboolean
jc_admin_start_text2pcap_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_start_text2pcap_async, error);
}

/**
 * jc_admin_stop_text2pcap_async:
 * @self: an admin connection
 * @session_id: a session's id
 * @handle_id: one of its handles
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the capture stopped
 * @user_data: data for @callback
 *
 * Stops the handle's text2pcap capture (`stop_text2pcap`; Janus treats it
 * as `stop_pcap`: one capture per handle).
 */
void
jc_admin_stop_text2pcap_async (JcAdmin *self,
                               guint64 session_id,
                               guint64 handle_id,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (session_id != 0);
  g_return_if_fail (handle_id != 0);

  handle_action (self, "stop_text2pcap", session_id, handle_id, jc_admin_stop_text2pcap_async,
                 "jc_admin_stop_text2pcap_async", cancellable, callback, user_data);
}

/**
 * jc_admin_stop_text2pcap_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.stop_text2pcap_async].
 *
 * Returns: %TRUE when the capture stopped
 */
gboolean
jc_admin_stop_text2pcap_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_stop_text2pcap_async, error);
}

/* jc-admin-modules.c: the Admin API requests to plugins, transports, event
 * handlers and loggers, custom events and log lines, network helpers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-admin-private.h"
#include "jc-error.h"
#include "jc-json-private.h"

/* Plugins, transports, event handlers, loggers: {"request": {…}} → {"response": {…}} */

static void
query_module (JcAdmin *self,
              const char *verb,
              const char *member,
              const char *module,
              JsonObject *request,
              gpointer source_tag,
              const char *name,
              GCancellable *cancellable,
              GAsyncReadyCallback callback,
              gpointer user_data)
{
  JsonObject *message = jc_admin_new_request (verb, 0, 0);

  json_object_set_string_member (message, member, module);
  if (request != NULL)
    json_object_set_object_member (message, "request", jc_json_object_copy (request));
  jc_admin_call (self, message, "success", JC_TIMEOUT_DEFAULT, source_tag, name, cancellable,
                 callback, user_data);
}

/**
 * jc_admin_message_plugin_async:
 * @self: an admin connection
 * @plugin: the plugin's package name, e.g. `janus.plugin.videoroom`
 * @request: (nullable): what to ask it, e.g. `{"request": "list"}`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugin's answer
 * @user_data: data for @callback
 *
 * Sends a request to a plugin's Admin API hook (`message_plugin`): no
 * session or handle needed. An unknown plugin fails with
 * %JC_SERVER_ERROR_PLUGIN_NOT_FOUND; a plugin's own error comes back in
 * the answer (`error_code`, `error`), not as a #GError.
 */
void
jc_admin_message_plugin_async (JcAdmin *self,
                               const char *plugin,
                               JsonObject *request,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (plugin != NULL);

  query_module (self, "message_plugin", "plugin", plugin, request, jc_admin_message_plugin_async,
                "jc_admin_message_plugin_async", cancellable, callback, user_data);
}

/**
 * jc_admin_message_plugin_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.message_plugin_async].
 *
 * Returns: (transfer full): the plugin's `response`
 */
JsonObject *
jc_admin_message_plugin_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_object (self, result, jc_admin_message_plugin_async, "response", error);
}

/**
 * jc_admin_query_transport_async:
 * @self: an admin connection
 * @transport: the transport's package name, e.g. `janus.transport.http`
 * @request: (nullable): what to ask it, e.g. `{"request": "connections"}`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the transport's answer
 * @user_data: data for @callback
 *
 * Sends a request to a transport plugin (`query_transport`). An unknown
 * transport fails with %JC_SERVER_ERROR_PLUGIN_NOT_FOUND.
 */
void
jc_admin_query_transport_async (JcAdmin *self,
                                const char *transport,
                                JsonObject *request,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (transport != NULL);

  query_module (self, "query_transport", "transport", transport, request,
                jc_admin_query_transport_async, "jc_admin_query_transport_async", cancellable,
                callback, user_data);
}

/**
 * jc_admin_query_transport_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.query_transport_async].
 *
 * Returns: (transfer full): the transport's `response`
 */
JsonObject *
jc_admin_query_transport_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_object (self, result, jc_admin_query_transport_async, "response", error);
}

/**
 * jc_admin_query_eventhandler_async:
 * @self: an admin connection
 * @handler: the event handler's package name, e.g. `janus.eventhandler.sampleevh`
 * @request: (nullable): what to ask it
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the event handler's answer
 * @user_data: data for @callback
 *
 * Sends a request to an event handler (`query_eventhandler`). An unknown
 * handler fails with %JC_SERVER_ERROR_PLUGIN_NOT_FOUND.
 */
void
jc_admin_query_eventhandler_async (JcAdmin *self,
                                   const char *handler,
                                   JsonObject *request,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (handler != NULL);

  query_module (self, "query_eventhandler", "handler", handler, request,
                jc_admin_query_eventhandler_async, "jc_admin_query_eventhandler_async", cancellable,
                callback, user_data);
}

/**
 * jc_admin_query_eventhandler_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.query_eventhandler_async].
 *
 * Returns: (transfer full): the event handler's `response`
 */
JsonObject *
jc_admin_query_eventhandler_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_object (self, result, jc_admin_query_eventhandler_async, "response",
                                      error);
}

/**
 * jc_admin_query_logger_async:
 * @self: an admin connection
 * @logger: the logger's package name, e.g. `janus.logger.jsonlog`
 * @request: (nullable): what to ask it
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the logger's answer
 * @user_data: data for @callback
 *
 * Sends a request to a logger plugin (`query_logger`). An unknown logger
 * fails with %JC_SERVER_ERROR_PLUGIN_NOT_FOUND.
 */
void
jc_admin_query_logger_async (JcAdmin *self,
                             const char *logger,
                             JsonObject *request,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (logger != NULL);

  query_module (self, "query_logger", "logger", logger, request, jc_admin_query_logger_async,
                "jc_admin_query_logger_async", cancellable, callback, user_data);
}

/**
 * jc_admin_query_logger_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.query_logger_async].
 *
 * Returns: (transfer full): the logger's `response`
 */
JsonObject *
jc_admin_query_logger_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_object (self, result, jc_admin_query_logger_async, "response", error);
}

/**
 * jc_admin_custom_event_async:
 * @self: an admin connection
 * @schema: names the kind of event, for whoever consumes it
 * @data: the event
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus took it
 * @user_data: data for @callback
 *
 * Hands an external event to Janus's event handlers (`custom_event`).
 * Janus accepts it even with no event handler to pass it to.
 */
void
jc_admin_custom_event_async (JcAdmin *self,
                             const char *schema,
                             JsonObject *data,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  JsonObject *request;

  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (schema != NULL);
  g_return_if_fail (data != NULL);

  request = jc_admin_new_request ("custom_event", 0, 0);
  json_object_set_string_member (request, "schema", schema);
  json_object_set_object_member (request, "data", jc_json_object_copy (data));
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT, jc_admin_custom_event_async,
                 "jc_admin_custom_event_async", cancellable, callback, user_data);
}

/**
 * jc_admin_custom_event_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.custom_event_async].
 *
 * Returns: %TRUE when Janus took the event
 */
gboolean
jc_admin_custom_event_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_custom_event_async, error);
}

/**
 * jc_admin_custom_logline_async:
 * @self: an admin connection
 * @line: the text to log
 * @level: the log level, 0 to 7, or -1 for Janus's default (4, info)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus logged it
 * @user_data: data for @callback
 *
 * Writes a line of your own to Janus's log (`custom_logline`).
 */
void
jc_admin_custom_logline_async (JcAdmin *self,
                               const char *line,
                               int level,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  JsonObject *request;

  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (line != NULL);
  g_return_if_fail (level >= -1);

  request = jc_admin_new_request ("custom_logline", 0, 0);
  json_object_set_string_member (request, "line", line);
  if (level >= 0)
    json_object_set_int_member (request, "level", level);
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT, jc_admin_custom_logline_async,
                 "jc_admin_custom_logline_async", cancellable, callback, user_data);
}

/**
 * jc_admin_custom_logline_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.custom_logline_async].
 *
 * Returns: %TRUE when Janus logged the line
 */
gboolean
jc_admin_custom_logline_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_custom_logline_async, error);
}

/* Network helpers */

/**
 * jc_admin_resolve_address_async:
 * @self: an admin connection
 * @address: a host name or address
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the address
 * @user_data: data for @callback
 *
 * Asks Janus to resolve @address, to check its DNS (`resolve_address`).
 * A name it cannot resolve fails with %JC_SERVER_ERROR_UNKNOWN.
 */
void
jc_admin_resolve_address_async (JcAdmin *self,
                                const char *address,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  JsonObject *request;

  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (address != NULL);

  request = jc_admin_new_request ("resolve_address", 0, 0);
  json_object_set_string_member (request, "address", address);
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT, jc_admin_resolve_address_async,
                 "jc_admin_resolve_address_async", cancellable, callback, user_data);
}

/**
 * jc_admin_resolve_address_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @elapsed_us: (out) (optional): how long Janus took, in microseconds
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.resolve_address_async].
 *
 * Returns: (transfer full): the address Janus resolved it to
 */
char *
jc_admin_resolve_address_finish (JcAdmin *self, GAsyncResult *result, gint64 *elapsed_us, GError **error)
{
  g_autoptr (JsonObject) reply = jc_admin_call_finish (self, result, jc_admin_resolve_address_async, error);
  const char *ip;
  gint64 elapsed = 0;

  if (reply == NULL || !jc_json_get_string (reply, "ip", &ip, error))
    return NULL;
  if (!jc_json_lookup_int (reply, "elapsed", &elapsed) || elapsed < 0)
    elapsed = 0;
  if (elapsed_us != NULL)
    *elapsed_us = elapsed;
  return g_strdup (ip);
}

/**
 * jc_admin_test_stun_async:
 * @self: an admin connection
 * @address: the STUN server's host name or address
 * @port: the STUN server's UDP port
 * @local_port: the local port Janus sends from, or 0 for any
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the address the STUN server saw
 * @user_data: data for @callback
 *
 * Asks Janus to send a STUN binding request, to check it can reach a
 * STUN server and learn its public address (`test_stun`). Janus waits up
 * to 5 s for the answer, then fails with %JC_SERVER_ERROR_UNKNOWN ("STUN
 * request failed").
 */
void
jc_admin_test_stun_async (JcAdmin *self,
                          const char *address,
                          guint16 port,
                          guint16 local_port,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  JsonObject *request;

  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (address != NULL);
  g_return_if_fail (port != 0);

  request = jc_admin_new_request ("test_stun", 0, 0);
  json_object_set_string_member (request, "address", address);
  json_object_set_int_member (request, "port", port);
  if (local_port != 0)
    json_object_set_int_member (request, "localport", local_port);
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT, jc_admin_test_stun_async,
                 "jc_admin_test_stun_async", cancellable, callback, user_data);
}

/**
 * jc_admin_test_stun_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @public_port: (out) (optional): the public port the STUN server saw
 * @elapsed_us: (out) (optional): how long Janus took, in microseconds
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.test_stun_async].
 *
 * Returns: (transfer full): the public address the STUN server saw
 */
char *
jc_admin_test_stun_finish (JcAdmin *self,
                           GAsyncResult *result,
                           guint16 *public_port,
                           gint64 *elapsed_us,
                           GError **error)
{
  g_autoptr (JsonObject) reply = jc_admin_call_finish (self, result, jc_admin_test_stun_async, error);
  const char *ip;
  gint64 port = 0;
  gint64 elapsed = 0;

  if (reply == NULL || !jc_json_get_string (reply, "public_ip", &ip, error))
    return NULL;
  if (!jc_json_lookup_int (reply, "public_port", &port) || port < 0 || port > G_MAXUINT16)
    {
      jc_set_protocol_error (error, "Janus sent no valid “public_port” (want 0 to 65535)");
      return NULL;
    }
  if (!jc_json_lookup_int (reply, "elapsed", &elapsed) || elapsed < 0)
    elapsed = 0;
  if (public_port != NULL)
    *public_port = (guint16) port;
  if (elapsed_us != NULL)
    *elapsed_us = elapsed;
  return g_strdup (ip);
}

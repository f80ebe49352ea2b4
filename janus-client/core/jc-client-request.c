/* jc-client-request.c: JcClient's transaction table and its requests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-session-private.h"

/* One pending request: the data of its GTask. */
typedef struct
{
  char *transaction;  /* (owned) */
  char *verb;         /* (owned) the request's "janus" */
  guint64 session_id; /* 0 when none */
  guint64 handle_id;  /* 0 when none */
  JcRequestFlags flags;
  guint timeout_ms;        /* the deadline, for the message */
  GSource *timeout_source; /* (owned) (nullable) */
  GSource *cancel_source;  /* (owned) (nullable) */
  gboolean acked;
} JcRequest;

static void
jc_request_free (gpointer data)
{
  JcRequest *request = data;

  if (request->timeout_source != NULL)
    {
      g_source_destroy (request->timeout_source);
      g_source_unref (request->timeout_source);
    }
  if (request->cancel_source != NULL)
    {
      g_source_destroy (request->cancel_source);
      g_source_unref (request->cancel_source);
    }
  g_free (request->transaction);
  g_free (request->verb);
  g_free (request);
}

gboolean
jc_client_request_waits_event (GTask *task)
{
  JcRequest *request = g_task_get_task_data (task);

  return (request->flags & JC_REQUEST_FLAGS_WAIT_EVENT) != 0;
}

void
jc_client_request_mark_acked (GTask *task)
{
  JcRequest *request = g_task_get_task_data (task);

  request->acked = TRUE;
}

static char *
describe_target (JcRequest *request)
{
  if (request->handle_id != 0)
    return g_strdup_printf (" on handle %" G_GUINT64_FORMAT " of session %" G_GUINT64_FORMAT,
                            request->handle_id, request->session_id);
  if (request->session_id != 0)
    return g_strdup_printf (" on session %" G_GUINT64_FORMAT, request->session_id);
  return g_strdup ("");
}

/* Removes the request from the table and stops its sources; the caller
 * returns the task. */
GTask *
jc_client_take_pending (JcClient *self, const char *transaction)
{
  gpointer key = NULL, value = NULL;
  JcRequest *request;

  if (!g_hash_table_steal_extended (self->pending, transaction, &key, &value))
    return NULL;
  g_free (key);
  request = g_task_get_task_data (G_TASK (value));
  if (request->timeout_source != NULL)
    g_source_destroy (request->timeout_source);
  if (request->cancel_source != NULL)
    g_source_destroy (request->cancel_source);
  return G_TASK (value);
}

static gboolean
on_request_timeout (gpointer user_data)
{
  GTask *weak_task = user_data;
  JcRequest *request = g_task_get_task_data (weak_task);
  JcClient *self = g_task_get_source_object (weak_task);
  g_autoptr (GTask) task = jc_client_take_pending (self, request->transaction);
  g_autofree char *target = NULL;

  if (task == NULL)
    return G_SOURCE_REMOVE;
  target = describe_target (request);
  g_task_return_new_error (task, JC_ERROR, JC_ERROR_TIMEOUT,
                           "Janus did not answer %s%s within %u ms%s",
                           request->verb, target, request->timeout_ms,
                           request->acked ? " (it acknowledged the request, but no event followed)" : "");
  return G_SOURCE_REMOVE;
}

static gboolean
on_request_cancelled (GCancellable *cancellable, gpointer user_data)
{
  GTask *weak_task = user_data;
  JcRequest *request = g_task_get_task_data (weak_task);
  JcClient *self = g_task_get_source_object (weak_task);
  g_autoptr (GTask) task = jc_client_take_pending (self, request->transaction);

  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The %s request was cancelled", request->verb);
  return G_SOURCE_REMOVE;
}

void
jc_client_fail_all_pending (JcClient *self, const GError *cause)
{
  g_autoptr (GList) transactions = g_hash_table_get_keys (self->pending);
  g_autoptr (GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);

  /* Take them all first: a callback may start new requests. */
  for (GList *l = transactions; l != NULL; l = l->next)
    {
      GTask *task = jc_client_take_pending (self, l->data);

      if (task != NULL)
        g_ptr_array_add (tasks, task);
    }
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);
      JcRequest *request = g_task_get_task_data (task);
      g_autofree char *target = describe_target (request);

      g_task_return_new_error (task, JC_ERROR, JC_ERROR_CLOSED,
                               "The connection closed before Janus answered %s%s%s%s",
                               request->verb, target,
                               cause != NULL ? ": " : "",
                               cause != NULL ? cause->message : "");
    }
}

void
jc_client_complete_request (JcClient *self, GTask *task, const char *janus, JsonObject *message)
{
  GError *error;
  JcRequest *request = g_task_get_task_data (task);

  if (g_strcmp0 (janus, "error") == 0)
    {
      JsonObject *error_obj = jc_json_lookup_object (message, "error");
      gint64 code = 0;
      const char *reason = jc_json_lookup_string (error_obj, "reason");
      g_autofree char *target = describe_target (request);

      if (!jc_json_lookup_int (error_obj, "code", &code) || code <= 0 || code > G_MAXINT)
        {
          g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL,
                                   "Janus answered %s%s with an error without a valid code",
                                   request->verb, target);
          return;
        }
      error = g_error_new (JC_SERVER_ERROR, (int) code, "Janus answered %d (%s) to %s%s", (int) code,
                           reason != NULL ? reason : jc_server_error_describe ((int) code), request->verb, target);
      /* Janus no longer knows the session (destroyed through the Admin
       * API, timed out unseen): it is dead, whatever asked. A failed claim
       * is the reconnection's to report. */
      if (code == JC_SERVER_ERROR_SESSION_NOT_FOUND && request->session_id != 0 &&
          g_strcmp0 (request->verb, "claim") != 0)
        {
          JcSession *session = g_hash_table_lookup (self->sessions, &request->session_id);

          if (session != NULL)
            {
              g_object_ref (session);
              jc_session_mark_dead (session, error);
              g_object_unref (session);
            }
        }
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, json_object_ref (message), (GDestroyNotify) json_object_unref);
}

/* Sending requests */

void
jc_client_send_request (JcClient *self,
                        JsonObject *request_msg,
                        JcRequestFlags flags,
                        int timeout_ms,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (JsonObject) message = request_msg;
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  JcRequest *request;
  guint deadline;

  g_return_if_fail (JC_IS_CLIENT (self));
  g_return_if_fail (message != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_client_send_request);
  g_task_set_name (task, "jc_client_send_request");

  request = g_new0 (JcRequest, 1);
  request->verb = g_strdup (jc_json_lookup_string (message, "janus"));
  if (request->verb == NULL)
    request->verb = g_strdup ("request");
  jc_json_lookup_id (message, "session_id", &request->session_id);
  jc_json_lookup_id (message, "handle_id", &request->handle_id);
  request->flags = flags;
  request->transaction = g_strdup_printf ("%s-%" G_GUINT64_FORMAT, self->transaction_prefix,
                                          ++self->next_transaction);
  g_task_set_task_data (task, request, jc_request_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!jc_client_is_connected (self))
    {
      g_autofree char *target = describe_target (request);

      g_task_return_new_error (task, JC_ERROR, JC_ERROR_NOT_CONNECTED,
                               "Cannot send %s%s: not connected to %s", request->verb, target,
                               jc_client_get_uri (self));
      return;
    }

  json_object_set_string_member (message, "transaction", request->transaction);
  if (self->api_secret != NULL && !json_object_has_member (message, "apisecret"))
    json_object_set_string_member (message, "apisecret", self->api_secret);
  if (self->token != NULL && !json_object_has_member (message, "token"))
    json_object_set_string_member (message, "token", self->token);
  if (self->admin_secret != NULL && !json_object_has_member (message, "admin_secret"))
    json_object_set_string_member (message, "admin_secret", self->admin_secret);

  if (!jc_transport_send (self->transport, message, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  deadline = timeout_ms < 0 ? self->timeout_ms : (guint) timeout_ms;
  if (timeout_ms == JC_TIMEOUT_NONE)
    deadline = 0;
  request->timeout_ms = deadline;
  if (deadline > 0)
    {
      request->timeout_source = g_timeout_source_new (deadline);
      g_source_set_static_name (request->timeout_source, "[janus-client] request timeout");
      g_source_set_callback (request->timeout_source, on_request_timeout, task, NULL);
      g_source_attach (request->timeout_source, self->context);
    }
  if (cancellable != NULL)
    {
      request->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (request->cancel_source, "[janus-client] request cancelled");
      g_source_set_callback (request->cancel_source, G_SOURCE_FUNC (on_request_cancelled), task, NULL);
      g_source_attach (request->cancel_source, self->context);
    }
  g_hash_table_insert (self->pending, g_strdup (request->transaction), g_steal_pointer (&task));
}

/* A GAsyncReadyCallback for jc_client_send_request () whose user data is
 * a (transfer full) GTask: returns TRUE on it, or the request's error. */
void
jc_client_return_boolean (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);

  if (reply == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

JsonObject *
jc_client_send_request_finish (JcClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_client_send_request, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Forwards a jc_client_send_request () result to the public task. */
static void
on_forward_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  JsonObject *reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);

  if (reply == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, reply, (GDestroyNotify) json_object_unref);
}

/**
 * jc_client_request_async:
 * @self: a client
 * @request: a Janus API message, e.g. `{"janus": "keepalive", "session_id": 1}`
 * @timeout_ms: the deadline in milliseconds, %JC_TIMEOUT_DEFAULT or
 *   %JC_TIMEOUT_NONE
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the answer
 * @user_data: data for @callback
 *
 * Sends any Janus API request: the escape hatch for what the typed API
 * does not cover. The client adds the transaction and the credentials to a
 * copy of @request. A `message` request completes on the `event` (or
 * `success`) that follows its `ack`; every other request on its first
 * answer. A Janus `error` answer fails with [error@ServerError].
 */
void
jc_client_request_async (JcClient *self,
                         JsonObject *request,
                         int timeout_ms,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  JsonObject *copy;
  const char *verb;

  g_return_if_fail (JC_IS_CLIENT (self));
  g_return_if_fail (request != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_client_request_async);
  g_task_set_name (task, "jc_client_request_async");

  verb = jc_json_lookup_string (request, "janus");
  if (verb == NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                               "A Janus request needs a string “janus” member");
      return;
    }
  copy = jc_json_object_copy (request);
  json_object_remove_member (copy, "transaction");
  jc_client_send_request (self, copy,
                          g_str_equal (verb, "message") ? JC_REQUEST_FLAGS_WAIT_EVENT : JC_REQUEST_FLAGS_NONE,
                          timeout_ms, cancellable, on_forward_reply, g_steal_pointer (&task));
}

/**
 * jc_client_request_finish:
 * @self: a client
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Client.request_async].
 *
 * Returns: (transfer full): the answer message as Janus sent it
 */
JsonObject *
jc_client_request_finish (JcClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_client_request_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonObject *
jc_client_new_request (const char *verb)
{
  JsonObject *request = json_object_new ();

  json_object_set_string_member (request, "janus", verb);
  return request;
}

/* info, ping, create */

static void
on_info_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  JsonObject *reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);
  const char *janus;

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  janus = jc_json_lookup_string (reply, "janus");
  if (g_strcmp0 (janus, "server_info") != 0)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL,
                               "Janus answered info with “%s” instead of server_info", janus);
      json_object_unref (reply);
      return;
    }
  json_object_remove_member (reply, "transaction");
  g_task_return_pointer (task, reply, (GDestroyNotify) json_object_unref);
}

/**
 * jc_client_info_async:
 * @self: a client
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the server's info
 * @user_data: data for @callback
 *
 * Asks the server for its `info`: name, version, transports, plugins,
 * session timeouts, ….
 */
void
jc_client_info_async (JcClient *self,
                      GCancellable *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_client_info_async);
  g_task_set_name (task, "jc_client_info_async");
  jc_client_send_request (self, jc_client_new_request ("info"), JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT,
                          cancellable, on_info_reply, task);
}

/**
 * jc_client_info_finish:
 * @self: a client
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Client.info_async].
 *
 * Returns: (transfer full): the server's `server_info` reply, without its
 *   transaction
 */
JsonObject *
jc_client_info_finish (JcClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_client_info_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_ping_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);

  if (reply == NULL)
    g_task_return_error (task, error);
  else if (g_strcmp0 (jc_json_lookup_string (reply, "janus"), "pong") != 0)
    g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL,
                             "Janus answered ping with “%s” instead of pong",
                             jc_json_lookup_string (reply, "janus"));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * jc_client_ping_async:
 * @self: a client
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the pong arrived
 * @user_data: data for @callback
 *
 * Sends a `ping`; Janus answers `pong`.
 */
void
jc_client_ping_async (JcClient *self,
                      GCancellable *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_client_ping_async);
  g_task_set_name (task, "jc_client_ping_async");
  jc_client_send_request (self, jc_client_new_request ("ping"), JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT,
                          cancellable, on_ping_reply, task);
}

/**
 * jc_client_ping_finish:
 * @self: a client
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Client.ping_async].
 *
 * Returns: %TRUE when Janus answered pong
 */
gboolean
jc_client_ping_finish (JcClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_client_ping_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_create_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcClient *self = JC_CLIENT (source);
  GError *error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (self, result, &error);
  JsonObject *data;
  guint64 id;

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_strcmp0 (jc_json_lookup_string (reply, "janus"), "success") != 0 ||
      !jc_json_get_object (reply, "data", &data, &error) ||
      !jc_json_get_id (data, "id", &id, &error))
    {
      if (error == NULL)
        jc_set_protocol_error (&error, "Janus answered create with “%s” instead of success",
                               jc_json_lookup_string (reply, "janus"));
      g_prefix_error (&error, "Creating a session: ");
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, jc_session_new (self, id), g_object_unref);
}

/**
 * jc_client_create_session_async:
 * @self: a client
 * @session_id: the id to ask for, or 0 to let Janus choose
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the new session
 * @user_data: data for @callback
 *
 * Creates a Janus session. The session keeps itself alive with keepalives
 * for as long as the application holds a reference to it.
 */
void
jc_client_create_session_async (JcClient *self,
                                guint64 session_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  GTask *task;
  JsonObject *request;

  g_return_if_fail (JC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_client_create_session_async);
  g_task_set_name (task, "jc_client_create_session_async");
  request = jc_client_new_request ("create");
  if (session_id != 0)
    json_object_set_int_member (request, "id", (gint64) session_id);
  jc_client_send_request (self, request, JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT, cancellable,
                          on_create_reply, task);
}

/**
 * jc_client_create_session_finish:
 * @self: a client
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Client.create_session_async].
 *
 * Returns: (transfer full): the new session
 */
JcSession *
jc_client_create_session_finish (JcClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_client_create_session_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* jc-admin.c: the Janus Admin/Monitor API — the object, the one request
 * path every call takes, server-wide queries and settings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The other requests live beside it: jc-admin-settings.c (server-wide
 * settings), jc-admin-sessions.c (sessions and handles),
 * jc-admin-modules.c (plugins, transports, event handlers, loggers,
 * network helpers) and jc-admin-tokens.c (stored tokens).
 */
#include "config.h"

#include "jc-admin-private.h"
#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-websocket-transport.h"

/**
 * JcAdmin:
 *
 * A connection to the Admin/Monitor API of one Janus server.
 *
 * Janus serves its Admin API on separate endpoints: a WebSocket speaking
 * the `janus-admin-protocol` subprotocol, `/admin` over HTTP, or its own
 * Unix socket. Every request carries the server's `admin_secret`
 * (`info` and `ping` are answered without it). A wrong secret fails every
 * other request with %JC_SERVER_ERROR_UNAUTHORIZED (403).
 *
 * Every request Janus 1.1.2 accepts has a typed asynchronous call: the
 * server-wide queries and settings ([method@Admin.get_status_async],
 * [method@Admin.set_log_level_async], …), the sessions and handles
 * ([method@Admin.list_sessions_async], [method@Admin.handle_info_async],
 * [method@Admin.start_pcap_async], …), the stored tokens
 * ([method@Admin.add_token_async], [method@Admin.list_tokens_async], …) and
 * the queries to plugins, transports, event handlers and loggers. Results
 * are typed where their shape is fixed and a [struct@Json.Object] where the
 * server leaves it free. [method@Admin.request_async] sends anything else.
 *
 * Underneath is a [class@Client] (see [method@Admin.get_client]) whose
 * transactions, deadline ([property@Client:timeout]), cancellation and
 * main-context rules apply to every call: callbacks run in the
 * thread-default main context of the thread that created the admin. It is
 * not thread-safe.
 *
 * ```c
 * static void
 * on_sessions (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr (GError) error = NULL;
 *   g_autoptr (GArray) ids = jc_admin_list_sessions_finish (JC_ADMIN (source), result, &error);
 *
 *   if (ids == NULL)
 *     g_printerr ("list_sessions failed: %s\n", error->message);
 *   for (guint i = 0; ids != NULL && i < ids->len; i++)
 *     g_print ("%" G_GUINT64_FORMAT "\n", g_array_index (ids, guint64, i));
 * }
 *
 * static void
 * on_connected (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr (GError) error = NULL;
 *
 *   if (!jc_admin_connect_finish (JC_ADMIN (source), result, &error))
 *     g_printerr ("%s\n", error->message);
 *   else
 *     jc_admin_list_sessions_async (JC_ADMIN (source), NULL, on_sessions, NULL);
 * }
 *
 * g_autoptr (JcAdmin) admin = jc_admin_new_for_uri ("ws://127.0.0.1:7188", "janusoverlord", &error);
 * jc_admin_connect_async (admin, NULL, on_connected, NULL);
 * ```
 */

struct _JcAdmin
{
  GObject parent_instance;

  JcTransport *transport; /* (owned) (nullable) construct-only, until constructed */
  JcClient *client;       /* (owned) every request goes through it */
  char *admin_secret;     /* (owned) (nullable) construct-only; never logged */
};

G_DEFINE_FINAL_TYPE (JcAdmin, jc_admin, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TRANSPORT,
  PROP_CLIENT,
  PROP_ADMIN_SECRET,
  PROP_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jc_admin_constructed (GObject *object)
{
  JcAdmin *self = JC_ADMIN (object);

  G_OBJECT_CLASS (jc_admin_parent_class)->constructed (object);

  if (self->client == NULL && self->transport != NULL)
    self->client = jc_client_new (self->transport);
  if (self->client == NULL)
    {
      g_critical ("A JcAdmin needs a transport or a client");
      return;
    }
  g_clear_object (&self->transport);
  jc_client_set_admin_secret (self->client, self->admin_secret);
}

static void
jc_admin_dispose (GObject *object)
{
  JcAdmin *self = JC_ADMIN (object);

  g_clear_object (&self->transport);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (jc_admin_parent_class)->dispose (object);
}

static void
jc_admin_finalize (GObject *object)
{
  JcAdmin *self = JC_ADMIN (object);

  g_free (self->admin_secret);

  G_OBJECT_CLASS (jc_admin_parent_class)->finalize (object);
}

static void
jc_admin_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcAdmin *self = JC_ADMIN (object);

  switch (prop_id)
    {
    case PROP_TRANSPORT:
      g_value_set_object (value, self->client != NULL ? jc_client_get_transport (self->client) : NULL);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_URI:
      g_value_set_string (value, self->client != NULL ? jc_client_get_uri (self->client) : NULL);
      break;
    case PROP_ADMIN_SECRET:
      /* write-only: secrets are not read back */
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_admin_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JcAdmin *self = JC_ADMIN (object);

  switch (prop_id)
    {
    case PROP_TRANSPORT:
      self->transport = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_ADMIN_SECRET:
      self->admin_secret = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_admin_class_init (JcAdminClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jc_admin_constructed;
  object_class->dispose = jc_admin_dispose;
  object_class->finalize = jc_admin_finalize;
  object_class->get_property = jc_admin_get_property;
  object_class->set_property = jc_admin_set_property;

  /**
   * JcAdmin:transport:
   *
   * The link to the server's Admin API endpoint (for WebSocket, one that
   * speaks `janus-admin-protocol`). Give this or [property@Admin:client].
   */
  properties[PROP_TRANSPORT] =
      g_param_spec_object ("transport", NULL, NULL, JC_TYPE_TRANSPORT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcAdmin:client:
   *
   * The client every request goes through; it then carries the admin
   * secret. Give this or [property@Admin:transport].
   */
  properties[PROP_CLIENT] =
      g_param_spec_object ("client", NULL, NULL, JC_TYPE_CLIENT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcAdmin:admin-secret:
   *
   * The server's `admin_secret`, sent with every request (write-only;
   * never logged).
   */
  properties[PROP_ADMIN_SECRET] =
      g_param_spec_string ("admin-secret", NULL, NULL, NULL,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcAdmin:uri:
   *
   * The Admin API endpoint's URI.
   */
  properties[PROP_URI] =
      g_param_spec_string ("uri", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jc_admin_init (JcAdmin *self)
{
}

/**
 * jc_admin_new:
 * @transport: the link to the Admin API endpoint; a WebSocket transport
 *   must speak `janus-admin-protocol`
 * @admin_secret: (nullable): the server's `admin_secret`, or %NULL for none
 *
 * Creates an admin connection through @transport. Call
 * [method@Admin.connect_async] next.
 *
 * Returns: (transfer full): a new admin connection
 */
JcAdmin *
jc_admin_new (JcTransport *transport, const char *admin_secret)
{
  g_return_val_if_fail (JC_IS_TRANSPORT (transport), NULL);

  return g_object_new (JC_TYPE_ADMIN, "transport", transport, "admin-secret", admin_secret, NULL);
}

/**
 * jc_admin_new_for_uri:
 * @uri: the Admin API endpoint, e.g. `ws://127.0.0.1:7188`,
 *   `http://127.0.0.1:7088/admin` or `unix:///run/janus/admin.sock`
 * @admin_secret: (nullable): the server's `admin_secret`, or %NULL for none
 * @error: return location for a #GError
 *
 * Creates an admin connection for @uri, picking the transport from its
 * scheme as [ctor@Client.new_for_uri] does; `ws` and `wss` speak the
 * `janus-admin-protocol` subprotocol. Over HTTP the path is the server's
 * `admin_base_path` (`/admin` by default), not `/janus`.
 *
 * Returns: (transfer full) (nullable): a new admin connection, or %NULL
 *   with %JC_ERROR_INVALID_ARGUMENT when the URI is not one the client
 *   speaks
 */
JcAdmin *
jc_admin_new_for_uri (const char *uri, const char *admin_secret, GError **error)
{
  g_autofree char *scheme = NULL;
  g_autoptr (JcClient) client = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  scheme = g_uri_parse_scheme (uri);
  if (scheme != NULL && (g_ascii_strcasecmp (scheme, "ws") == 0 || g_ascii_strcasecmp (scheme, "wss") == 0))
    {
      g_autoptr (JcTransport) transport = jc_websocket_transport_new (uri, "janus-admin-protocol");

      return jc_admin_new (transport, admin_secret);
    }
  /* Every other scheme: whatever the client speaks, the admin speaks. */
  client = jc_client_new_for_uri (uri, error);
  if (client == NULL)
    return NULL;
  return g_object_new (JC_TYPE_ADMIN, "client", client, "admin-secret", admin_secret, NULL);
}

/**
 * jc_admin_get_client:
 * @self: an admin connection
 *
 * Gets the client every request goes through: set its
 * [property@Client:timeout] or watch its [signal@Client::closed] there.
 *
 * Returns: (transfer none): the underlying client
 */
JcClient *
jc_admin_get_client (JcAdmin *self)
{
  g_return_val_if_fail (JC_IS_ADMIN (self), NULL);

  return self->client;
}

/**
 * jc_admin_get_uri:
 * @self: an admin connection
 *
 * Gets the Admin API endpoint's URI.
 *
 * Returns: (transfer none) (nullable): the endpoint's URI
 */
const char *
jc_admin_get_uri (JcAdmin *self)
{
  g_return_val_if_fail (JC_IS_ADMIN (self), NULL);

  return self->client != NULL ? jc_client_get_uri (self->client) : NULL;
}

/**
 * jc_admin_is_connected:
 * @self: an admin connection
 *
 * Tells whether the link to the server is open.
 *
 * Returns: whether the link to the server is open
 */
gboolean
jc_admin_is_connected (JcAdmin *self)
{
  g_return_val_if_fail (JC_IS_ADMIN (self), FALSE);

  return self->client != NULL && jc_client_is_connected (self->client);
}

/**
 * jc_admin_close:
 * @self: an admin connection
 *
 * Closes the connection; pending requests fail with %JC_ERROR_CLOSED.
 */
void
jc_admin_close (JcAdmin *self)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  if (self->client != NULL)
    jc_client_close (self->client);
}

static void
on_client_connected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (jc_client_connect_finish (JC_CLIENT (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * jc_admin_connect_async:
 * @self: an admin connection
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when connected or when connecting failed
 * @user_data: data for @callback
 *
 * Opens the connection, as [method@Client.connect_async] does. Janus
 * answers its `info` without the admin secret, so a wrong secret shows
 * only at the first request that needs it.
 */
void
jc_admin_connect_async (JcAdmin *self,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (self->client != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_admin_connect_async);
  g_task_set_name (task, "jc_admin_connect_async");
  jc_client_connect_async (self->client, cancellable, on_client_connected, task);
}

/**
 * jc_admin_connect_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.connect_async].
 *
 * Returns: %TRUE when connected
 */
gboolean
jc_admin_connect_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_admin_connect_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The one request path */

typedef struct
{
  char *verb;         /* (owned) the request's "janus" */
  const char *expect; /* (unowned) a literal, or NULL */
} CallData;

static void
call_data_free (gpointer data)
{
  CallData *call = data;

  g_free (call->verb);
  g_free (call);
}

JsonObject *
jc_admin_new_request (const char *verb, guint64 session_id, guint64 handle_id)
{
  JsonObject *request = json_object_new ();

  json_object_set_string_member (request, "janus", verb);
  if (session_id != 0)
    json_object_set_int_member (request, "session_id", (gint64) session_id);
  if (handle_id != 0)
    json_object_set_int_member (request, "handle_id", (gint64) handle_id);
  return request;
}

static void
on_call_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  CallData *call = g_task_get_task_data (task);
  GError *error = NULL;
  JsonObject *reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);
  const char *janus;

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  janus = jc_json_lookup_string (reply, "janus");
  if (call->expect != NULL && g_strcmp0 (janus, call->expect) != 0)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL,
                               "Janus answered %s with “%s” instead of %s", call->verb,
                               janus != NULL ? janus : "no valid “janus”", call->expect);
      json_object_unref (reply);
      return;
    }
  json_object_remove_member (reply, "transaction");
  g_task_return_pointer (task, reply, (GDestroyNotify) json_object_unref);
}

void
jc_admin_call (JcAdmin *self,
               JsonObject *request,
               const char *expect,
               int timeout_ms,
               gpointer source_tag,
               const char *name,
               GCancellable *cancellable,
               GAsyncReadyCallback callback,
               gpointer user_data)
{
  GTask *task;
  CallData *call;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  call = g_new0 (CallData, 1);
  call->verb = g_strdup (jc_json_lookup_string (request, "janus"));
  call->expect = expect;
  g_task_set_task_data (task, call, call_data_free);
  jc_client_send_request (self->client, request, JC_REQUEST_FLAGS_NONE, timeout_ms, cancellable,
                          on_call_reply, task);
}

JsonObject *
jc_admin_call_finish (JcAdmin *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
jc_admin_call_finish_boolean (JcAdmin *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_autoptr (JsonObject) reply = jc_admin_call_finish (self, result, source_tag, error);

  return reply != NULL;
}

JsonObject *
jc_admin_call_finish_object (JcAdmin *self,
                             GAsyncResult *result,
                             gpointer source_tag,
                             const char *member,
                             GError **error)
{
  g_autoptr (JsonObject) reply = jc_admin_call_finish (self, result, source_tag, error);
  JsonObject *value;

  if (reply == NULL)
    return NULL;
  if (!jc_json_get_object (reply, member, &value, error))
    return NULL;
  return json_object_ref (value);
}

/* The escape hatch */

/**
 * jc_admin_request_async:
 * @self: an admin connection
 * @request: an Admin API message, e.g. `{"janus": "list_handles", "session_id": 1}`
 * @timeout_ms: the deadline in milliseconds, %JC_TIMEOUT_DEFAULT or
 *   %JC_TIMEOUT_NONE
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the answer
 * @user_data: data for @callback
 *
 * Sends any Admin API request: for what the typed calls do not cover (a
 * request a later Janus adds, a field they do not set). The admin adds
 * the transaction and `admin_secret` to a copy of @request. A Janus
 * `error` answer fails with [error@ServerError].
 */
void
jc_admin_request_async (JcAdmin *self,
                        JsonObject *request,
                        int timeout_ms,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  JsonObject *copy;

  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (request != NULL);

  if (jc_json_lookup_string (request, "janus") == NULL)
    {
      g_task_report_new_error (self, callback, user_data, jc_admin_request_async, JC_ERROR,
                               JC_ERROR_INVALID_ARGUMENT,
                               "An Admin API request needs a string “janus” member");
      return;
    }
  copy = jc_json_object_copy (request);
  json_object_remove_member (copy, "transaction");
  jc_admin_call (self, copy, NULL, timeout_ms, jc_admin_request_async, "jc_admin_request_async",
                 cancellable, callback, user_data);
}

/**
 * jc_admin_request_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.request_async].
 *
 * Returns: (transfer full): the answer as Janus sent it, minus its
 *   transaction
 */
JsonObject *
jc_admin_request_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish (self, result, jc_admin_request_async, error);
}

/* Server */

/**
 * jc_admin_info_async:
 * @self: an admin connection
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the server's info
 * @user_data: data for @callback
 *
 * Asks for the server's `info`, as [method@Client.info_async] does (no
 * secret needed).
 */
void
jc_admin_info_async (JcAdmin *self,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  jc_admin_call (self, jc_admin_new_request ("info", 0, 0), "server_info", JC_TIMEOUT_DEFAULT,
                 jc_admin_info_async, "jc_admin_info_async", cancellable, callback, user_data);
}

/**
 * jc_admin_info_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.info_async].
 *
 * Returns: (transfer full): the server's `server_info` reply, without its
 *   transaction
 */
JsonObject *
jc_admin_info_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish (self, result, jc_admin_info_async, error);
}

/**
 * jc_admin_ping_async:
 * @self: an admin connection
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the pong arrived
 * @user_data: data for @callback
 *
 * Sends a `ping`; Janus answers `pong` (no secret needed).
 */
void
jc_admin_ping_async (JcAdmin *self,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  jc_admin_call (self, jc_admin_new_request ("ping", 0, 0), "pong", JC_TIMEOUT_DEFAULT,
                 jc_admin_ping_async, "jc_admin_ping_async", cancellable, callback, user_data);
}

/**
 * jc_admin_ping_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.ping_async].
 *
 * Returns: %TRUE when Janus answered pong
 */
gboolean
jc_admin_ping_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_ping_async, error);
}

/**
 * jc_admin_get_status_async:
 * @self: an admin connection
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the status
 * @user_data: data for @callback
 *
 * Asks for the server's current settings (`get_status`): `token_auth`,
 * `session_timeout`, `reclaim_session_timeout`, `candidates_timeout`,
 * `log_level`, `log_timestamps`, `log_colors`, `locking_debug`,
 * `refcount_debug`, `libnice_debug`, `min_nack_queue`,
 * `nack-optimizations`, `no_media_timer` and `slowlink_threshold` in
 * Janus 1.1.2.
 */
void
jc_admin_get_status_async (JcAdmin *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  jc_admin_call (self, jc_admin_new_request ("get_status", 0, 0), "success", JC_TIMEOUT_DEFAULT,
                 jc_admin_get_status_async, "jc_admin_get_status_async", cancellable, callback,
                 user_data);
}

/**
 * jc_admin_get_status_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.get_status_async].
 *
 * Returns: (transfer full): the `status` object as Janus sent it
 */
JsonObject *
jc_admin_get_status_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_object (self, result, jc_admin_get_status_async, "status", error);
}

/**
 * jc_admin_loops_info_async:
 * @self: an admin connection
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the loops
 * @user_data: data for @callback
 *
 * Asks how many handles each static event loop serves (`loops_info`);
 * the list is empty unless Janus runs with `event_loops` set.
 */
void
jc_admin_loops_info_async (JcAdmin *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  jc_admin_call (self, jc_admin_new_request ("loops_info", 0, 0), "success", JC_TIMEOUT_DEFAULT,
                 jc_admin_loops_info_async, "jc_admin_loops_info_async", cancellable, callback,
                 user_data);
}

/**
 * jc_admin_loops_info_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.loops_info_async].
 *
 * Returns: (transfer full): the `loops` array as Janus sent it, one
 *   object per loop (`id`, `handles`)
 */
JsonArray *
jc_admin_loops_info_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) reply = jc_admin_call_finish (self, result, jc_admin_loops_info_async, error);
  JsonArray *loops;

  if (reply == NULL)
    return NULL;
  loops = jc_json_lookup_array (reply, "loops");
  if (loops == NULL)
    {
      jc_set_protocol_error (error, "Janus sent no valid “loops” (want an array)");
      return NULL;
    }
  return json_array_ref (loops);
}

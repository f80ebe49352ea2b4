/* jc-client.c: one connection to one Janus server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-http-transport.h"
#include "jc-json-private.h"
#include "jc-session-private.h"
#include "jc-transport-private.h"
#include "jc-unix-transport.h"
#include "jc-websocket-transport.h"

/**
 * JcClient:
 *
 * One connection to one Janus server, over any [class@Transport].
 *
 * The client owns the transport, the table of pending transactions, the
 * credentials (`apisecret`, `token`) added to every request, and the
 * default request timeout. Every request completes exactly once: with the
 * answer, with the server's error ([error@ServerError]), on its deadline
 * (%JC_ERROR_TIMEOUT), when cancelled (%G_IO_ERROR_CANCELLED) or when the
 * connection closes (%JC_ERROR_CLOSED).
 *
 * The client captures the thread-default main context when it is created;
 * every callback and signal of the client and of its sessions and handles
 * runs there. It is not thread-safe.
 *
 * ```c
 * static void
 * on_info (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr (GError) error = NULL;
 *   g_autoptr (JsonObject) info = jc_client_info_finish (JC_CLIENT (source), result, &error);
 *
 *   if (info == NULL)
 *     g_printerr ("info failed: %s\n", error->message);
 * }
 *
 * static void
 * on_connected (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr (GError) error = NULL;
 *
 *   if (!jc_client_connect_finish (JC_CLIENT (source), result, &error))
 *     g_printerr ("%s\n", error->message);
 *   else
 *     jc_client_info_async (JC_CLIENT (source), NULL, on_info, NULL);
 * }
 *
 * g_autoptr (JcClient) client = jc_client_new_for_uri ("ws://127.0.0.1:8188", &error);
 * jc_client_connect_async (client, NULL, on_connected, NULL);
 * ```
 */

#define DEFAULT_TIMEOUT_MS 30000
#define DEFAULT_KEEPALIVE_MS 25000

G_DEFINE_FINAL_TYPE (JcClient, jc_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TRANSPORT,
  PROP_URI,
  PROP_CONNECTED,
  PROP_API_SECRET,
  PROP_TOKEN,
  PROP_TIMEOUT,
  PROP_KEEPALIVE_INTERVAL,
  PROP_RECONNECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CLOSED,
  SIGNAL_DISCONNECTED,
  SIGNAL_RECONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
route_to_session (JcClient *self, const char *janus, JsonObject *message)
{
  guint64 session_id = 0;
  JcSession *session;

  if (!jc_json_lookup_id (message, "session_id", &session_id))
    {
      g_debug ("Dropping a “%s” message with no valid session_id", janus);
      return;
    }
  session = g_hash_table_lookup (self->sessions, &session_id);
  if (session == NULL)
    {
      g_debug ("Dropping a “%s” message for unknown session %" G_GUINT64_FORMAT, janus, session_id);
      return;
    }
  g_object_ref (session);
  jc_session_dispatch (session, janus, message);
  g_object_unref (session);
}

static void
on_transport_message (JcTransport *transport, JsonObject *message, gpointer user_data)
{
  JcClient *self = user_data;
  const char *janus = jc_json_lookup_string (message, "janus");
  const char *transaction = jc_json_lookup_string (message, "transaction");

  if (janus == NULL)
    {
      g_debug ("Dropping a message without a valid “janus” field");
      return;
    }

  if (transaction != NULL)
    {
      GTask *task = g_hash_table_lookup (self->pending, transaction);

      if (task != NULL)
        {
          if (g_str_equal (janus, "ack") && jc_client_request_waits_event (task))
            {
              jc_client_request_mark_acked (task);
              return;
            }
          /* Plugin events also carry a sender: a late event for a message
           * another request already completed goes to the handle below. */
          task = jc_client_take_pending (self, transaction);
          jc_client_complete_request (self, task, janus, message);
          g_object_unref (task);
          return;
        }
    }

  /* Events with no pending transaction: by session, then sender. */
  if (g_str_equal (janus, "error") && transaction == NULL && jc_json_has_member (message, "session_id"))
    {
      /* An HTTP long-poll for a session Janus no longer knows. */
      route_to_session (self, janus, message);
      return;
    }
  if (g_str_equal (janus, "ack") || g_str_equal (janus, "success") || g_str_equal (janus, "error") ||
      g_str_equal (janus, "server_info") || g_str_equal (janus, "pong"))
    {
      g_debug ("Dropping a “%s” for no pending request (transaction %s)",
               janus, transaction != NULL ? transaction : "none");
      return;
    }
  route_to_session (self, janus, message);
}

void
jc_client_notify_connected (JcClient *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

void
jc_client_emit (JcClient *self, JcClientSignal which, const GError *error)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  switch (which)
    {
    case JC_CLIENT_SIGNAL_CLOSED:
      g_signal_emit (self, signals[SIGNAL_CLOSED], 0, error);
      break;
    case JC_CLIENT_SIGNAL_DISCONNECTED:
      g_signal_emit (self, signals[SIGNAL_DISCONNECTED], 0, error);
      break;
    case JC_CLIENT_SIGNAL_RECONNECTED:
      g_signal_emit (self, signals[SIGNAL_RECONNECTED], 0);
      break;
    }
}

static void
jc_client_constructed (GObject *object)
{
  JcClient *self = JC_CLIENT (object);

  G_OBJECT_CLASS (jc_client_parent_class)->constructed (object);

  g_assert (self->transport != NULL);
  self->message_id = g_signal_connect (self->transport, "message",
                                       G_CALLBACK (on_transport_message), self);
  self->closed_id = g_signal_connect (self->transport, "closed",
                                      G_CALLBACK (jc_client_on_transport_closed), self);
}

static void
jc_client_dispose (GObject *object)
{
  JcClient *self = JC_CLIENT (object);

  jc_client_stop_reconnecting (self);
  if (self->transport != NULL)
    {
      g_clear_signal_handler (&self->message_id, self->transport);
      g_clear_signal_handler (&self->closed_id, self->transport);
      jc_transport_close (self->transport);
      g_clear_object (&self->transport);
    }
  /* Each pending task holds a reference on us, so nothing is pending here. */

  G_OBJECT_CLASS (jc_client_parent_class)->dispose (object);
}

static void
jc_client_finalize (GObject *object)
{
  JcClient *self = JC_CLIENT (object);

  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->sessions);
  g_clear_pointer (&self->server_info, json_object_unref);
  g_clear_error (&self->reconnect_cause);
  g_free (self->api_secret);
  g_free (self->token);
  g_free (self->admin_secret);
  g_free (self->transaction_prefix);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (jc_client_parent_class)->finalize (object);
}

static void
jc_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcClient *self = JC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TRANSPORT:
      g_value_set_object (value, self->transport);
      break;
    case PROP_URI:
      g_value_set_string (value, jc_client_get_uri (self));
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, jc_client_is_connected (self));
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_ms);
      break;
    case PROP_KEEPALIVE_INTERVAL:
      g_value_set_uint (value, self->keepalive_ms);
      break;
    case PROP_RECONNECT:
      g_value_set_boolean (value, self->reconnect);
      break;
    case PROP_API_SECRET:
    case PROP_TOKEN:
      /* write-only: secrets are not read back */
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_client_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JcClient *self = JC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TRANSPORT:
      self->transport = g_value_dup_object (value);
      break;
    case PROP_API_SECRET:
      jc_client_set_api_secret (self, g_value_get_string (value));
      break;
    case PROP_TOKEN:
      jc_client_set_token (self, g_value_get_string (value));
      break;
    case PROP_TIMEOUT:
      jc_client_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_KEEPALIVE_INTERVAL:
      jc_client_set_keepalive_interval (self, g_value_get_uint (value));
      break;
    case PROP_RECONNECT:
      jc_client_set_reconnect (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_client_class_init (JcClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jc_client_constructed;
  object_class->dispose = jc_client_dispose;
  object_class->finalize = jc_client_finalize;
  object_class->get_property = jc_client_get_property;
  object_class->set_property = jc_client_set_property;

  /**
   * JcClient:transport:
   *
   * The link to the server.
   */
  properties[PROP_TRANSPORT] =
      g_param_spec_object ("transport", NULL, NULL, JC_TYPE_TRANSPORT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcClient:uri:
   *
   * The server's URI.
   */
  properties[PROP_URI] =
      g_param_spec_string ("uri", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * JcClient:connected:
   *
   * Whether the link to the server is open.
   */
  properties[PROP_CONNECTED] =
      g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * JcClient:api-secret:
   *
   * The `apisecret` sent with every request (write-only; never logged).
   */
  properties[PROP_API_SECRET] =
      g_param_spec_string ("api-secret", NULL, NULL, NULL,
                           G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);

  /**
   * JcClient:token:
   *
   * The stored `token` sent with every request (write-only; never logged).
   */
  properties[PROP_TOKEN] =
      g_param_spec_string ("token", NULL, NULL, NULL,
                           G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);

  /**
   * JcClient:timeout:
   *
   * The default deadline of a request, in milliseconds (30 000 unless
   * set); 0 means none. Calls that take a timeout may override it.
   */
  properties[PROP_TIMEOUT] =
      g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXINT, DEFAULT_TIMEOUT_MS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * JcClient:keepalive-interval:
   *
   * How often new sessions send a keepalive, in milliseconds. 0 (the
   * default) derives it from the server's `session-timeout` (half of it,
   * at most 25 s), or 25 s when the server did not say.
   */
  properties[PROP_KEEPALIVE_INTERVAL] =
      g_param_spec_uint ("keepalive-interval", NULL, NULL, 0, G_MAXINT, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * JcClient:reconnect:
   *
   * Whether the client reconnects when the link drops (the default), with
   * exponential back-off from 100 ms up to 5 s between attempts and at
   * most 10 attempts (see [method@Client.set_reconnect_backoff]), and
   * claims its sessions back.
   */
  properties[PROP_RECONNECT] =
      g_param_spec_boolean ("reconnect", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcClient::closed:
   * @self: the client
   * @error: why the connection closed
   *
   * Emitted in the client's main context when the connection to the
   * server closed, after every pending request failed with
   * %JC_ERROR_CLOSED and every session was marked dead.
   */
  signals[SIGNAL_CLOSED] =
      g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * JcClient::disconnected:
   * @self: the client
   * @error: why the link dropped
   *
   * Emitted in the client's main context when the link dropped and the
   * client starts reconnecting ([property@Client:reconnect]). Requests in
   * flight have failed with %JC_ERROR_CLOSED; sessions and handles stay.
   * [signal@Client::reconnected] or [signal@Client::closed] follows.
   */
  signals[SIGNAL_DISCONNECTED] =
      g_signal_new ("disconnected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * JcClient::reconnected:
   * @self: the client
   *
   * Emitted in the client's main context once the link is back and every
   * live session was claimed again. A session whose claim failed (Janus
   * restarted, or its `reclaim_session_timeout` passed) is dead and emitted
   * [signal@Session::closed].
   */
  signals[SIGNAL_RECONNECTED] =
      g_signal_new ("reconnected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 0);
}

static void
jc_client_init (JcClient *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->reconnect = TRUE;
  self->reconnect_initial_ms = 100;
  self->reconnect_max_ms = 5000;
  self->reconnect_max_attempts = 10;
  self->transaction_prefix = g_strdup_printf ("%08x", g_random_int ());
}

/**
 * jc_client_new:
 * @transport: the link to the server
 *
 * Creates a client that talks through @transport. Call
 * [method@Client.connect_async] next.
 *
 * Returns: (transfer full): a new client
 */
JcClient *
jc_client_new (JcTransport *transport)
{
  g_return_val_if_fail (JC_IS_TRANSPORT (transport), NULL);

  return g_object_new (JC_TYPE_CLIENT, "transport", transport, NULL);
}

/**
 * jc_client_new_for_uri:
 * @uri: the server, e.g. `ws://127.0.0.1:8188`
 * @error: return location for a #GError
 *
 * Creates a client for @uri, picking the transport from its scheme
 * (case-insensitive): `ws` and `wss` for WebSocket, `http` and `https`
 * for HTTP with long-polling (the URI includes the base path, e.g.
 * `http://127.0.0.1:8088/janus`), `unix` for a Unix socket
 * (`unix:///path/to/janus.sock`).
 *
 * Returns: (transfer full) (nullable): a new client, or %NULL with
 *   %JC_ERROR_INVALID_ARGUMENT when the URI is not one the client speaks
 */
JcClient *
jc_client_new_for_uri (const char *uri, GError **error)
{
  g_autofree char *scheme = NULL;
  g_autoptr (JcTransport) transport = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a URI (want ws://, wss://, http://, https:// or unix://)", uri);
      return NULL;
    }
  if (g_ascii_strcasecmp (scheme, "ws") == 0 || g_ascii_strcasecmp (scheme, "wss") == 0)
    {
      transport = jc_websocket_transport_new (uri, "janus-protocol");
    }
  else if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      transport = jc_http_transport_new (uri);
    }
  else if (g_ascii_strcasecmp (scheme, "unix") == 0)
    {
      transport = jc_unix_transport_new (uri);
    }
  else
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                   "Unsupported URI scheme “%s” in “%s” (want ws://, wss://, http://, https:// or unix://)",
                   scheme, uri);
      return NULL;
    }
  return jc_client_new (transport);
}

/**
 * jc_client_get_transport:
 * @self: a client
 *
 * Gets (transfer none): the client's transport.
 *
 * Returns: (transfer none): the client's transport
 */
JcTransport *
jc_client_get_transport (JcClient *self)
{
  g_return_val_if_fail (JC_IS_CLIENT (self), NULL);

  return self->transport;
}

/**
 * jc_client_get_uri:
 * @self: a client
 *
 * Gets (transfer none): the server's URI.
 *
 * Returns: (transfer none): the server's URI
 */
const char *
jc_client_get_uri (JcClient *self)
{
  g_return_val_if_fail (JC_IS_CLIENT (self), NULL);

  return self->transport != NULL ? jc_transport_get_uri (self->transport) : NULL;
}

/**
 * jc_client_is_connected:
 * @self: a client
 *
 * Tells whether the link to the server is open.
 *
 * Returns: whether the link to the server is open
 */
gboolean
jc_client_is_connected (JcClient *self)
{
  g_return_val_if_fail (JC_IS_CLIENT (self), FALSE);

  return self->transport != NULL && jc_transport_is_connected (self->transport);
}

/**
 * jc_client_set_api_secret:
 * @self: a client
 * @api_secret: (nullable): the server's `api_secret`, or %NULL for none
 *
 * Sets the `apisecret` sent with every request.
 */
void
jc_client_set_api_secret (JcClient *self, const char *api_secret)
{
  g_return_if_fail (JC_IS_CLIENT (self));

  g_free (self->api_secret);
  self->api_secret = g_strdup (api_secret);
  jc_transport_set_auth (self->transport, self->api_secret, self->token);
}

/**
 * jc_client_set_token:
 * @self: a client
 * @token: (nullable): a token Janus knows, or %NULL for none
 *
 * Sets the `token` sent with every request.
 */
void
jc_client_set_token (JcClient *self, const char *token)
{
  g_return_if_fail (JC_IS_CLIENT (self));

  g_free (self->token);
  self->token = g_strdup (token);
  jc_transport_set_auth (self->transport, self->api_secret, self->token);
}

/**
 * jc_client_get_timeout:
 * @self: a client
 *
 * Gets the default request deadline in milliseconds (0: none).
 *
 * Returns: the default request deadline in milliseconds (0: none)
 */
guint
jc_client_get_timeout (JcClient *self)
{
  g_return_val_if_fail (JC_IS_CLIENT (self), 0);

  return self->timeout_ms;
}

/**
 * jc_client_set_timeout:
 * @self: a client
 * @timeout_ms: the default request deadline in milliseconds; 0 for none
 *
 * Sets [property@Client:timeout].
 */
void
jc_client_set_timeout (JcClient *self, guint timeout_ms)
{
  g_return_if_fail (JC_IS_CLIENT (self));

  if (self->timeout_ms == timeout_ms)
    return;
  self->timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * jc_client_get_keepalive_interval:
 * @self: a client
 *
 * Gets [property@Client:keepalive-interval] in milliseconds.
 *
 * Returns: [property@Client:keepalive-interval] in milliseconds
 */
guint
jc_client_get_keepalive_interval (JcClient *self)
{
  g_return_val_if_fail (JC_IS_CLIENT (self), 0);

  return self->keepalive_ms;
}

/**
 * jc_client_set_keepalive_interval:
 * @self: a client
 * @interval_ms: milliseconds between keepalives of new sessions; 0 to
 *   derive it from the server
 *
 * Sets [property@Client:keepalive-interval].
 */
void
jc_client_set_keepalive_interval (JcClient *self, guint interval_ms)
{
  g_return_if_fail (JC_IS_CLIENT (self));

  if (self->keepalive_ms == interval_ms)
    return;
  self->keepalive_ms = interval_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEPALIVE_INTERVAL]);
}

void
jc_client_set_admin_secret (JcClient *self, const char *admin_secret)
{
  g_free (self->admin_secret);
  self->admin_secret = g_strdup (admin_secret);
}

guint
jc_client_get_effective_keepalive_interval (JcClient *self)
{
  gint64 session_timeout = 0;

  if (self->keepalive_ms != 0)
    return self->keepalive_ms;
  if (jc_json_lookup_int (self->server_info, "session-timeout", &session_timeout) &&
      session_timeout > 0 && session_timeout < G_MAXINT / 1000)
    return MIN (DEFAULT_KEEPALIVE_MS, (guint) session_timeout * 1000 / 2);
  return DEFAULT_KEEPALIVE_MS;
}

/**
 * jc_client_get_server_info:
 * @self: a client
 *
 * The server's `info` reply, fetched when the client connected.
 *
 * Returns: (transfer none) (nullable): the server's info, or %NULL before
 *   the client connected or when the server did not answer it
 */
JsonObject *
jc_client_get_server_info (JcClient *self)
{
  g_return_val_if_fail (JC_IS_CLIENT (self), NULL);

  return self->server_info;
}

/**
 * jc_client_get_pending_count:
 * @self: a client
 *
 * Gets how many requests wait for an answer.
 *
 * Returns: how many requests wait for an answer
 */
guint
jc_client_get_pending_count (JcClient *self)
{
  g_return_val_if_fail (JC_IS_CLIENT (self), 0);

  return g_hash_table_size (self->pending);
}

GMainContext *
jc_client_get_context (JcClient *self)
{
  return self->context;
}

void
jc_client_add_session (JcClient *self, JcSession *session)
{
  guint64 *key = g_new (guint64, 1);

  *key = jc_session_get_id (session);
  g_hash_table_replace (self->sessions, key, session);
}

void
jc_client_remove_session (JcClient *self, guint64 session_id)
{
  g_hash_table_remove (self->sessions, &session_id);
}

/**
 * jc_client_set_reconnect:
 * @self: a client
 * @reconnect: whether to reconnect when the link drops
 *
 * Sets [property@Client:reconnect].
 */
void
jc_client_set_reconnect (JcClient *self, gboolean reconnect)
{
  g_return_if_fail (JC_IS_CLIENT (self));

  if (self->reconnect == reconnect)
    return;
  self->reconnect = reconnect;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECONNECT]);
}

/**
 * jc_client_get_reconnect:
 * @self: a client
 *
 * Gets [property@Client:reconnect].
 *
 * Returns: whether the client reconnects when the link drops
 */
gboolean
jc_client_get_reconnect (JcClient *self)
{
  g_return_val_if_fail (JC_IS_CLIENT (self), FALSE);

  return self->reconnect;
}

/**
 * jc_client_set_reconnect_backoff:
 * @self: a client
 * @initial_ms: the delay before the first attempt (at least 1 ms)
 * @max_ms: the longest delay between attempts; each delay doubles the
 *   previous one up to this
 * @max_attempts: attempts before giving up ([signal@Client::closed]);
 *   0 to try for ever
 *
 * Tunes reconnection (100 ms, 5 s and 10 attempts unless set).
 */
void
jc_client_set_reconnect_backoff (JcClient *self, guint initial_ms, guint max_ms, guint max_attempts)
{
  g_return_if_fail (JC_IS_CLIENT (self));
  g_return_if_fail (initial_ms > 0 && max_ms >= initial_ms);

  self->reconnect_initial_ms = initial_ms;
  self->reconnect_max_ms = max_ms;
  self->reconnect_max_attempts = max_attempts;
}

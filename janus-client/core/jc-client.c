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

/* Every session dies with @cause and the client is closed for good. */
static void
close_for_good (JcClient *self, const GError *cause)
{
  g_autoptr (GList) sessions = NULL;

  self->reconnecting = FALSE;
  self->reconnect_attempt = 0;
  jc_client_fail_all_pending (self, cause);
  sessions = g_hash_table_get_values (self->sessions);
  g_list_foreach (sessions, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = sessions; l != NULL; l = l->next)
    jc_session_mark_dead (l->data, cause);
  g_list_free_full (g_steal_pointer (&sessions), g_object_unref);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0, cause);
}

static void schedule_reconnect (JcClient *self);

static void
claims_done (JcClient *self)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - self->disconnected_at) / 1000;

  g_debug ("Reconnected to %s after %" G_GINT64_FORMAT " ms and %u attempt(s)", jc_client_get_uri (self), elapsed_ms,
           self->reconnect_attempt);
  self->reconnecting = FALSE;
  self->reconnect_attempt = 0;
  g_clear_error (&self->reconnect_cause);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  g_signal_emit (self, signals[SIGNAL_RECONNECTED], 0);
}

static void
on_claim_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JcSession) session = user_data;
  JcClient *self = JC_CLIENT (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (self, result, &error);

  if (reply == NULL)
    {
      g_prefix_error (&error, "Reclaiming session %" G_GUINT64_FORMAT " after reconnecting: ",
                      jc_session_get_id (session));
      jc_session_mark_dead (session, error);
    }
  else
    {
      jc_transport_session_added (self->transport, jc_session_get_id (session));
    }
  if (--self->pending_claims == 0 && jc_client_is_connected (self))
    claims_done (self);
}

/* The link is back: claim every live session so that its handles (and
 * their PeerConnections) survive. */
static void
claim_sessions (JcClient *self)
{
  g_autoptr (GList) sessions = g_hash_table_get_values (self->sessions);
  gint64 reclaim = -1;

  /* A Janus with reclaim_session_timeout 0 destroyed the sessions of the
   * dropped connection (HTTP sessions belong to no connection). */
  if (!JC_IS_HTTP_TRANSPORT (self->transport) &&
      jc_json_lookup_int (self->server_info, "reclaim-session-timeout", &reclaim) && reclaim == 0)
    {
      g_autoptr (GError) error = g_error_new (JC_ERROR, JC_ERROR_SESSION_DEAD,
                                              "Janus at %s does not keep sessions across reconnections "
                                              "(its reclaim_session_timeout is 0)",
                                              jc_client_get_uri (self));

      g_list_foreach (sessions, (GFunc) (void (*) (void)) g_object_ref, NULL);
      for (GList *l = sessions; l != NULL; l = l->next)
        jc_session_mark_dead (l->data, error);
      g_list_free_full (g_steal_pointer (&sessions), g_object_unref);
      claims_done (self);
      return;
    }

  self->pending_claims = 1; /* held until every claim is sent */
  for (GList *l = sessions; l != NULL; l = l->next)
    {
      JcSession *session = l->data;
      JsonObject *request = jc_client_new_request ("claim");

      json_object_set_int_member (request, "session_id", (gint64) jc_session_get_id (session));
      self->pending_claims++;
      jc_client_send_request (self, request, JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT, NULL, on_claim_reply,
                              g_object_ref (session));
    }
  if (--self->pending_claims == 0)
    claims_done (self);
}

static void
on_reconnected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JcClient) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!self->reconnecting || self->closing)
    return;
  if (!jc_transport_connect_finish (JC_TRANSPORT (source), result, &error))
    {
      g_debug ("Reconnecting to %s (attempt %u) failed: %s", jc_client_get_uri (self), self->reconnect_attempt,
               error->message);
      if (self->reconnect_max_attempts != 0 && self->reconnect_attempt >= self->reconnect_max_attempts)
        {
          g_autoptr (GError) cause = g_error_new (JC_ERROR, JC_ERROR_CLOSED,
                                                  "Gave up reconnecting to %s after %u attempts: %s",
                                                  jc_client_get_uri (self), self->reconnect_attempt,
                                                  self->reconnect_cause != NULL ? self->reconnect_cause->message : error->message);

          g_clear_error (&self->reconnect_cause);
          close_for_good (self, cause);
          return;
        }
      schedule_reconnect (self);
      return;
    }
  claim_sessions (self);
}

static gboolean
on_reconnect_timer (gpointer user_data)
{
  JcClient *self = user_data;

  g_clear_pointer (&self->reconnect_source, g_source_unref);
  self->reconnect_attempt++;
  jc_transport_connect_async (self->transport, NULL, on_reconnected, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (JcClient *self)
{
  self->reconnect_delay_ms = self->reconnect_attempt == 0 ? self->reconnect_initial_ms
                                                          : MIN (self->reconnect_delay_ms * 2, self->reconnect_max_ms);
  self->reconnect_source = g_timeout_source_new (self->reconnect_delay_ms);
  g_source_set_static_name (self->reconnect_source, "[janus-client] reconnect");
  g_source_set_callback (self->reconnect_source, on_reconnect_timer, self, NULL);
  g_source_attach (self->reconnect_source, self->context);
}

static void
stop_reconnecting (JcClient *self)
{
  if (self->reconnect_source != NULL)
    {
      g_source_destroy (self->reconnect_source);
      g_clear_pointer (&self->reconnect_source, g_source_unref);
    }
  self->reconnecting = FALSE;
  self->reconnect_attempt = 0;
}

static void
on_transport_closed (JcTransport *transport, const GError *error, gpointer user_data)
{
  JcClient *self = g_object_ref (user_data);
  g_autoptr (GError) cause = NULL;

  if (error != NULL)
    cause = g_error_copy (error);
  else
    cause = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "The connection to %s was closed",
                         jc_transport_get_uri (transport));

  if (self->closing || !self->reconnect || !self->ever_connected || self->reconnecting)
    {
      if (self->reconnecting && !self->closing && self->reconnect)
        {
          /* Dropped again while claiming: keep trying. */
          jc_client_fail_all_pending (self, cause);
          schedule_reconnect (self);
        }
      else
        {
          stop_reconnecting (self);
          close_for_good (self, cause);
        }
      g_object_unref (self);
      return;
    }

  /* Requests in flight fail (nothing is re-sent behind the caller's back);
   * sessions and handles stay, to be claimed once the link is back. */
  self->disconnected_at = g_get_monotonic_time ();
  self->reconnecting = TRUE;
  g_clear_error (&self->reconnect_cause);
  self->reconnect_cause = g_error_copy (cause);
  jc_client_fail_all_pending (self, cause);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  g_signal_emit (self, signals[SIGNAL_DISCONNECTED], 0, cause);
  if (!self->closing)
    schedule_reconnect (self);
  g_object_unref (self);
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
                                      G_CALLBACK (on_transport_closed), self);
}

static void
jc_client_dispose (GObject *object)
{
  JcClient *self = JC_CLIENT (object);

  stop_reconnecting (self);
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

/* Connecting */

typedef struct
{
  GSource *timeout_source;   /* (owned) (nullable) */
  GCancellable *cancellable; /* (owned) cancels the transport connect on timeout */
  gboolean timed_out;
} ConnectData;

static void
connect_data_free (gpointer data)
{
  ConnectData *cd = data;

  if (cd->timeout_source != NULL)
    {
      g_source_destroy (cd->timeout_source);
      g_source_unref (cd->timeout_source);
    }
  g_clear_object (&cd->cancellable);
  g_free (cd);
}

static gboolean
on_connect_timeout (gpointer user_data)
{
  ConnectData *cd = user_data;

  cd->timed_out = TRUE;
  g_cancellable_cancel (cd->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_connect_info (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcClient *self = JC_CLIENT (source);
  g_autoptr (GError) error = NULL;
  JsonObject *reply;

  self->connecting = FALSE;
  reply = jc_client_send_request_finish (self, result, &error);
  if (reply == NULL)
    {
      if (g_error_matches (error, JC_ERROR, JC_ERROR_CLOSED) ||
          g_error_matches (error, JC_ERROR, JC_ERROR_NOT_CONNECTED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* The server is there; it just keeps its info to itself. */
      g_debug ("No server info from %s (%s): using default keepalive", jc_client_get_uri (self),
               error->message);
    }
  else
    {
      g_clear_pointer (&self->server_info, json_object_unref);
      self->server_info = reply;
    }
  self->ever_connected = TRUE;
  self->closing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  g_task_return_boolean (task, TRUE);
}

static void
on_transport_connected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcClient *self = g_task_get_source_object (task);
  ConnectData *cd = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GCancellable *cancellable;

  if (!jc_transport_connect_finish (JC_TRANSPORT (source), result, &error))
    {
      self->connecting = FALSE;
      if (cd->timed_out)
        g_task_return_new_error (task, JC_ERROR, JC_ERROR_TIMEOUT,
                                 "Timed out connecting to %s after %u ms",
                                 jc_client_get_uri (self), self->timeout_ms);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The info request has its own deadline from here on. */
  if (cd->timeout_source != NULL)
    g_source_destroy (cd->timeout_source);
  cancellable = g_task_get_cancellable (task);
  jc_client_send_request (self, jc_client_new_request ("info"), JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT,
                          cancellable, on_connect_info, g_steal_pointer (&task));
}

static void
on_connect_cancelled (GCancellable *cancellable, gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/**
 * jc_client_connect_async:
 * @self: a client
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when connected or when connecting failed
 * @user_data: data for @callback
 *
 * Opens the connection to the server and fetches its `info` (which sets
 * the keepalive interval of new sessions), within
 * [property@Client:timeout]. Fails with %JC_ERROR_CONNECT naming the URI
 * and the cause, or %JC_ERROR_TIMEOUT.
 */
void
jc_client_connect_async (JcClient *self,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ConnectData *cd;

  g_return_if_fail (JC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_client_connect_async);
  g_task_set_name (task, "jc_client_connect_async");

  if (jc_client_is_connected (self) || self->connecting)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_CONNECT,
                               "Already connected or connecting to %s", jc_client_get_uri (self));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  cd = g_new0 (ConnectData, 1);
  cd->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, cd, connect_data_free);
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (on_connect_cancelled),
                           g_object_ref (cd->cancellable), g_object_unref);
  if (self->timeout_ms > 0)
    {
      cd->timeout_source = g_timeout_source_new (self->timeout_ms);
      g_source_set_static_name (cd->timeout_source, "[janus-client] connect timeout");
      g_source_set_callback (cd->timeout_source, on_connect_timeout, cd, NULL);
      g_source_attach (cd->timeout_source, self->context);
    }
  self->connecting = TRUE;
  jc_transport_connect_async (self->transport, cd->cancellable, on_transport_connected,
                              g_steal_pointer (&task));
}

/**
 * jc_client_connect_finish:
 * @self: a client
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Client.connect_async].
 *
 * Returns: %TRUE when connected
 */
gboolean
jc_client_connect_finish (JcClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_client_connect_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * jc_client_close:
 * @self: a client
 *
 * Closes the connection. Pending requests fail with %JC_ERROR_CLOSED and
 * [signal@Client::closed] follows, in the client's main context.
 */
void
jc_client_close (JcClient *self)
{
  g_return_if_fail (JC_IS_CLIENT (self));

  self->closing = TRUE;
  if (self->reconnecting)
    {
      g_autoptr (GError) cause = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "The client was closed while reconnecting to %s",
                                              jc_client_get_uri (self));

      stop_reconnecting (self);
      g_clear_error (&self->reconnect_cause);
      close_for_good (self, cause);
      return;
    }
  if (self->transport != NULL)
    jc_transport_close (self->transport);
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

/* jc-client.c: one connection to one Janus server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-session-private.h"
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

struct _JcClient
{
  GObject parent_instance;

  JcTransport *transport; /* (owned) */
  GMainContext *context;  /* (owned) thread-default at construction */
  char *api_secret;       /* (owned) (nullable) never logged */
  char *token;            /* (owned) (nullable) never logged */
  char *admin_secret;     /* (owned) (nullable) never logged; JcAdmin only */
  guint timeout_ms;
  guint keepalive_ms;      /* 0: derived from the server's session-timeout */
  JsonObject *server_info; /* (owned) (nullable) from the info on connect */
  GHashTable *pending;     /* (owned) transaction (owned) → GTask (owned) */
  GHashTable *sessions;    /* (owned) guint64 id → (unowned) JcSession, removed in its dispose */
  guint64 next_transaction;
  char *transaction_prefix; /* (owned) */
  gulong message_id;
  gulong closed_id;
  gboolean connecting;
};

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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
static GTask *
take_pending (JcClient *self, const char *transaction)
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
  g_autoptr (GTask) task = take_pending (self, request->transaction);
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
  g_autoptr (GTask) task = take_pending (self, request->transaction);

  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The %s request was cancelled", request->verb);
  return G_SOURCE_REMOVE;
}

static void
fail_all_pending (JcClient *self, const GError *cause)
{
  g_autoptr (GList) transactions = g_hash_table_get_keys (self->pending);
  g_autoptr (GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);

  /* Take them all first: a callback may start new requests. */
  for (GList *l = transactions; l != NULL; l = l->next)
    {
      GTask *task = take_pending (self, l->data);

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

static void
complete_request (JcClient *self, GTask *task, const char *janus, JsonObject *message)
{
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
      g_task_return_new_error (task, JC_SERVER_ERROR, (int) code,
                               "Janus answered %d (%s) to %s%s",
                               (int) code,
                               reason != NULL ? reason : jc_server_error_describe ((int) code),
                               request->verb, target);
      return;
    }
  g_task_return_pointer (task, json_object_ref (message), (GDestroyNotify) json_object_unref);
}

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
          JcRequest *request = g_task_get_task_data (task);

          if (g_str_equal (janus, "ack") && (request->flags & JC_REQUEST_FLAGS_WAIT_EVENT))
            {
              request->acked = TRUE;
              return;
            }
          /* Plugin events also carry a sender: a late event for a message
           * another request already completed goes to the handle below. */
          task = take_pending (self, transaction);
          complete_request (self, task, janus, message);
          g_object_unref (task);
          return;
        }
    }

  /* Events with no pending transaction: by session, then sender. */
  if (g_str_equal (janus, "ack") || g_str_equal (janus, "success") || g_str_equal (janus, "error") ||
      g_str_equal (janus, "server_info") || g_str_equal (janus, "pong"))
    {
      g_debug ("Dropping a “%s” for no pending request (transaction %s)",
               janus, transaction != NULL ? transaction : "none");
      return;
    }
  route_to_session (self, janus, message);
}

static void
on_transport_closed (JcTransport *transport, const GError *error, gpointer user_data)
{
  JcClient *self = g_object_ref (user_data);
  g_autoptr (GError) cause = NULL;
  g_autoptr (GList) sessions = NULL;

  if (error != NULL)
    cause = g_error_copy (error);
  else
    cause = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "The connection to %s was closed",
                         jc_transport_get_uri (transport));

  fail_all_pending (self, cause);

  sessions = g_hash_table_get_values (self->sessions);
  g_list_foreach (sessions, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = sessions; l != NULL; l = l->next)
    jc_session_mark_dead (l->data, cause);
  g_list_free_full (g_steal_pointer (&sessions), g_object_unref);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0, cause);
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
}

static void
jc_client_init (JcClient *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
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
 * (case-insensitive): `ws` and `wss` for WebSocket.
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
  else if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
           g_ascii_strcasecmp (scheme, "unix") == 0)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                   "The %s transport is not supported yet (“%s”); use ws:// or wss://", scheme, uri);
      return NULL;
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

static JsonObject *
new_request (const char *verb)
{
  JsonObject *request = json_object_new ();

  json_object_set_string_member (request, "janus", verb);
  return request;
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
  jc_client_send_request (self, new_request ("info"), JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT,
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

  if (self->transport != NULL)
    jc_transport_close (self->transport);
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
  jc_client_send_request (self, new_request ("info"), JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT,
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
  jc_client_send_request (self, new_request ("ping"), JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT,
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
  request = new_request ("create");
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

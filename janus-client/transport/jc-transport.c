/* jc-transport.c: the abstract link to a Janus server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-transport-private.h"

/**
 * JcTransport:
 *
 * The link between a [class@Client] and one Janus server: it opens a
 * connection, sends one JSON message at a time and emits
 * [signal@Transport::message] for every message that arrives and
 * [signal@Transport::closed] once when the link is gone.
 *
 * Applications rarely touch a transport: [ctor@Client.new_for_uri] picks
 * one from the URI. Implementations ([class@WebsocketTransport], …)
 * override the virtual methods of [struct@TransportClass].
 *
 * A transport captures the thread-default main context when it is created
 * and emits its signals there. It is not thread-safe.
 */

typedef struct
{
  char *uri;             /* (owned) */
  GMainContext *context; /* (owned) thread-default at construction */
  gboolean connected;
  gboolean closed_emitted;
  char *api_secret;           /* (owned) (nullable) never logged */
  char *token;                /* (owned) (nullable) never logged */
  GTlsDatabase *tls_database; /* (owned) (nullable) trusted CAs */
  gboolean tls_insecure;
  gboolean warned_insecure;
} JcTransportPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JcTransport, jc_transport, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_URI,
  PROP_CONNECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_MESSAGE,
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
jc_transport_finalize (GObject *object)
{
  JcTransport *self = JC_TRANSPORT (object);
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  g_free (priv->uri);
  g_free (priv->api_secret);
  g_free (priv->token);
  g_clear_object (&priv->tls_database);
  g_main_context_unref (priv->context);

  G_OBJECT_CLASS (jc_transport_parent_class)->finalize (object);
}

static void
jc_transport_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcTransport *self = JC_TRANSPORT (object);
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, priv->uri);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, priv->connected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_transport_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JcTransport *self = JC_TRANSPORT (object);
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_URI:
      priv->uri = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
default_session_added (JcTransport *self, guint64 session_id)
{
}

static void
default_session_removed (JcTransport *self, guint64 session_id)
{
}

static void
jc_transport_class_init (JcTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jc_transport_finalize;
  object_class->get_property = jc_transport_get_property;
  object_class->set_property = jc_transport_set_property;

  klass->session_added = default_session_added;
  klass->session_removed = default_session_removed;

  /**
   * JcTransport:uri:
   *
   * The server's URI, e.g. `ws://127.0.0.1:8188`.
   */
  properties[PROP_URI] =
      g_param_spec_string ("uri", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcTransport:connected:
   *
   * Whether the link is open.
   */
  properties[PROP_CONNECTED] =
      g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcTransport::message:
   * @self: the transport
   * @message: the message, a JSON object
   *
   * Emitted in the transport's main context for each message the server
   * sent. Messages that are not a JSON object never reach this signal.
   */
  signals[SIGNAL_MESSAGE] =
      g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcTransportClass, message), NULL, NULL, g_cclosure_marshal_VOID__BOXED,
                    G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
  /* It fires for every message: a C marshaller, not libffi's. */
  g_signal_set_va_marshaller (signals[SIGNAL_MESSAGE], G_TYPE_FROM_CLASS (klass), g_cclosure_marshal_VOID__BOXEDv);

  /**
   * JcTransport::closed:
   * @self: the transport
   * @error: (nullable): why the link closed; %NULL after [method@Transport.close]
   *
   * Emitted once, in the transport's main context, when an open link closes.
   */
  signals[SIGNAL_CLOSED] =
      g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcTransportClass, closed), NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
jc_transport_init (JcTransport *self)
{
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  priv->context = g_main_context_ref_thread_default ();
}

/**
 * jc_transport_get_uri:
 * @self: a transport
 *
 * Gets (transfer none): the server's URI.
 *
 * Returns: (transfer none): the server's URI
 */
const char *
jc_transport_get_uri (JcTransport *self)
{
  JcTransportPrivate *priv;

  g_return_val_if_fail (JC_IS_TRANSPORT (self), NULL);

  priv = jc_transport_get_instance_private (self);
  return priv->uri;
}

/**
 * jc_transport_is_connected:
 * @self: a transport
 *
 * Tells whether the link is open.
 *
 * Returns: whether the link is open
 */
gboolean
jc_transport_is_connected (JcTransport *self)
{
  JcTransportPrivate *priv;

  g_return_val_if_fail (JC_IS_TRANSPORT (self), FALSE);

  priv = jc_transport_get_instance_private (self);
  return priv->connected;
}

/**
 * jc_transport_get_context:
 * @self: a transport
 *
 * Gets (transfer none): the main context the transport emits its signals in.
 *
 * Returns: (transfer none): the main context the transport emits its
 *   signals in
 */
GMainContext *
jc_transport_get_context (JcTransport *self)
{
  JcTransportPrivate *priv;

  g_return_val_if_fail (JC_IS_TRANSPORT (self), NULL);

  priv = jc_transport_get_instance_private (self);
  return priv->context;
}

void
jc_transport_set_connected (JcTransport *self, gboolean connected)
{
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  if (priv->connected == connected)
    return;
  priv->connected = connected;
  if (connected)
    priv->closed_emitted = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

void
jc_transport_set_auth (JcTransport *self, const char *api_secret, const char *token)
{
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  g_free (priv->api_secret);
  priv->api_secret = g_strdup (api_secret);
  g_free (priv->token);
  priv->token = g_strdup (token);
}

const char *
jc_transport_get_api_secret (JcTransport *self)
{
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  return priv->api_secret;
}

const char *
jc_transport_get_token (JcTransport *self)
{
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  return priv->token;
}

/**
 * jc_transport_set_tls_ca_file:
 * @self: a transport
 * @path: a PEM file of the certificate authorities to trust
 * @error: return location for a #GError
 *
 * Trusts the certificate authorities in @path (instead of the system's)
 * when verifying a `wss://` or `https://` server. Call before connecting.
 *
 * Returns: %TRUE when the file could be loaded
 */
gboolean
jc_transport_set_tls_ca_file (JcTransport *self, const char *path, GError **error)
{
  JcTransportPrivate *priv;
  g_autoptr (GError) local_error = NULL;
  GTlsDatabase *database;

  g_return_val_if_fail (JC_IS_TRANSPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  priv = jc_transport_get_instance_private (self);
  database = g_tls_file_database_new (path, &local_error);
  if (database == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Cannot use %s as CA file: %s", path,
                   local_error->message);
      return FALSE;
    }
  g_clear_object (&priv->tls_database);
  priv->tls_database = database;
  return TRUE;
}

/**
 * jc_transport_set_tls_insecure:
 * @self: a transport
 * @insecure: %TRUE to accept any server certificate
 *
 * Turns certificate verification off (it is on by default). Anyone on the
 * path can then read and change the traffic, secrets included; a warning
 * is logged the first time an unverified certificate is accepted.
 */
void
jc_transport_set_tls_insecure (JcTransport *self, gboolean insecure)
{
  JcTransportPrivate *priv;

  g_return_if_fail (JC_IS_TRANSPORT (self));

  priv = jc_transport_get_instance_private (self);
  priv->tls_insecure = insecure;
}

static gboolean
accept_any_certificate (SoupMessage *msg, GTlsCertificate *certificate, GTlsCertificateFlags errors, gpointer user_data)
{
  JcTransport *self = user_data;
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  if (!priv->warned_insecure)
    {
      priv->warned_insecure = TRUE;
      g_warning ("Accepting an unverified TLS certificate from %s (verification is turned off)", priv->uri);
    }
  return TRUE;
}

void
jc_transport_apply_tls (JcTransport *self, SoupSession *session, SoupMessage *msg)
{
  JcTransportPrivate *priv = jc_transport_get_instance_private (self);

  if (priv->tls_database != NULL && soup_session_get_tls_database (session) != priv->tls_database)
    soup_session_set_tls_database (session, priv->tls_database);
  if (priv->tls_insecure)
    g_signal_connect_object (msg, "accept-certificate", G_CALLBACK (accept_any_certificate), self, 0);
}

void
jc_transport_log_message (JcTransport *self, const char *direction, JsonObject *message)
{
  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    {
      g_autofree char *text = jc_json_to_redacted_string (message);

      g_debug ("%s %s", direction, text);
    }
}

/**
 * jc_transport_connect_async:
 * @self: a transport
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the link is open or opening failed
 * @user_data: data for @callback
 *
 * Opens the link to the server.
 */
void
jc_transport_connect_async (JcTransport *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (JC_IS_TRANSPORT (self));

  JC_TRANSPORT_GET_CLASS (self)->connect_async (self, cancellable, callback, user_data);
}

/**
 * jc_transport_connect_finish:
 * @self: a transport
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Transport.connect_async].
 *
 * Returns: %TRUE when the link is open
 */
gboolean
jc_transport_connect_finish (JcTransport *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (JC_IS_TRANSPORT (self), FALSE);

  return JC_TRANSPORT_GET_CLASS (self)->connect_finish (self, result, error);
}

/**
 * jc_transport_send:
 * @self: a transport
 * @message: the message to send
 * @error: return location for a #GError
 *
 * Queues @message for sending. Fails with %JC_ERROR_NOT_CONNECTED when the
 * link is not open.
 *
 * Returns: %TRUE when the message was queued
 */
gboolean
jc_transport_send (JcTransport *self, JsonObject *message, GError **error)
{
  g_return_val_if_fail (JC_IS_TRANSPORT (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (!jc_transport_is_connected (self))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_NOT_CONNECTED,
                   "Not connected to %s", jc_transport_get_uri (self));
      return FALSE;
    }
  jc_transport_log_message (self, "→", message);
  return JC_TRANSPORT_GET_CLASS (self)->send (self, message, error);
}

/**
 * jc_transport_close:
 * @self: a transport
 *
 * Closes the link. [signal@Transport::closed] follows (with a %NULL error)
 * if the link was open.
 */
void
jc_transport_close (JcTransport *self)
{
  g_return_if_fail (JC_IS_TRANSPORT (self));

  JC_TRANSPORT_GET_CLASS (self)->close (self);
}

/**
 * jc_transport_session_added:
 * @self: a transport
 * @session_id: the session
 *
 * Tells the transport that a session exists (HTTP long-polls for it).
 */
void
jc_transport_session_added (JcTransport *self, guint64 session_id)
{
  g_return_if_fail (JC_IS_TRANSPORT (self));

  JC_TRANSPORT_GET_CLASS (self)->session_added (self, session_id);
}

/**
 * jc_transport_session_removed:
 * @self: a transport
 * @session_id: the session
 *
 * Tells the transport that a session is gone.
 */
void
jc_transport_session_removed (JcTransport *self, guint64 session_id)
{
  g_return_if_fail (JC_IS_TRANSPORT (self));

  JC_TRANSPORT_GET_CLASS (self)->session_removed (self, session_id);
}

/**
 * jc_transport_emit_message:
 * @self: a transport
 * @message: a message from the server
 *
 * For implementations: delivers one parsed message.
 */
void
jc_transport_emit_message (JcTransport *self, JsonObject *message)
{
  g_return_if_fail (JC_IS_TRANSPORT (self));

  jc_transport_log_message (self, "←", message);
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
}

/**
 * jc_transport_emit_closed:
 * @self: a transport
 * @error: (nullable): the cause
 *
 * For implementations: marks the link closed and emits
 * [signal@Transport::closed], once per opened link.
 */
void
jc_transport_emit_closed (JcTransport *self, const GError *error)
{
  JcTransportPrivate *priv;

  g_return_if_fail (JC_IS_TRANSPORT (self));

  priv = jc_transport_get_instance_private (self);
  jc_transport_set_connected (self, FALSE);
  if (priv->closed_emitted)
    return;
  priv->closed_emitted = TRUE;
  g_debug ("Connection to %s closed: %s", priv->uri, error != NULL ? error->message : "by us");
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0, error);
}

/* jc-websocket-transport.c: Janus over WebSocket
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-websocket-transport.h"

#include <libsoup/soup.h>

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-transport-private.h"

/**
 * JcWebsocketTransport:
 *
 * Janus's WebSocket transport (`ws://` and `wss://`), through libsoup. The
 * subprotocol is `janus-protocol` for the Janus API and
 * `janus-admin-protocol` for the Admin API: Janus closes the socket without
 * an answer when it is missing. Incoming messages may be up to
 * %JC_TRANSPORT_MAX_MESSAGE_SIZE bytes; a larger one closes the link.
 */

struct _JcWebsocketTransport
{
  JcTransport parent_instance;

  char *protocol;                /* (owned) */
  SoupSession *session;          /* (owned) */
  SoupWebsocketConnection *conn; /* (owned) (nullable) */
  GCancellable *connect_cancel;  /* (owned) (nullable) while connecting */
  GError *last_error;            /* (owned) (nullable) from the "error" signal */
  gboolean closing;              /* we asked to close */
};

G_DEFINE_FINAL_TYPE (JcWebsocketTransport, jc_websocket_transport, JC_TYPE_TRANSPORT)

enum
{
  PROP_0,
  PROP_PROTOCOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
drop_connection (JcWebsocketTransport *self)
{
  if (self->conn == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->conn, self);
  if (soup_websocket_connection_get_state (self->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&self->conn);
}

static void
on_ws_message (SoupWebsocketConnection *conn, gint type, GBytes *bytes, gpointer user_data)
{
  JcWebsocketTransport *self = user_data;
  g_autoptr (JsonObject) message = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  message = jc_json_parse_object (data, length, &error);
  if (message == NULL)
    {
      g_debug ("Dropping a message from %s: %s",
               jc_transport_get_uri (JC_TRANSPORT (self)), error->message);
      return;
    }
  jc_transport_emit_message (JC_TRANSPORT (self), message);
}

static void
on_ws_error (SoupWebsocketConnection *conn, GError *error, gpointer user_data)
{
  JcWebsocketTransport *self = user_data;

  g_debug ("WebSocket error on %s: %s", jc_transport_get_uri (JC_TRANSPORT (self)), error->message);
  if (self->last_error == NULL)
    self->last_error = g_error_copy (error);
}

static void
on_ws_closed (SoupWebsocketConnection *conn, gpointer user_data)
{
  JcWebsocketTransport *self = g_object_ref (user_data);
  g_autoptr (GError) error = NULL;
  gushort code = soup_websocket_connection_get_close_code (conn);
  const char *data = soup_websocket_connection_get_close_data (conn);

  if (!self->closing)
    {
      if (self->last_error != NULL)
        error = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "Connection to %s lost: %s",
                             jc_transport_get_uri (JC_TRANSPORT (self)), self->last_error->message);
      else if (code == 0 || code == SOUP_WEBSOCKET_CLOSE_ABNORMAL)
        error = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "Connection to %s lost (no close frame)",
                             jc_transport_get_uri (JC_TRANSPORT (self)));
      else
        error = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "Server %s closed the connection (code %u%s%s)",
                             jc_transport_get_uri (JC_TRANSPORT (self)), code,
                             data != NULL && *data != '\0' ? ": " : "",
                             data != NULL ? data : "");
    }
  g_clear_error (&self->last_error);
  drop_connection (self);
  jc_transport_emit_closed (JC_TRANSPORT (self), error);
  g_object_unref (self);
}

static void
on_connected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcWebsocketTransport *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  SoupWebsocketConnection *conn;

  conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  g_clear_object (&self->connect_cancel);
  if (conn == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, JC_ERROR, JC_ERROR_CONNECT, "Cannot connect to %s: %s",
                                 jc_transport_get_uri (JC_TRANSPORT (self)), error->message);
      return;
    }

  self->conn = conn;
  self->closing = FALSE;
  g_clear_error (&self->last_error);
  soup_websocket_connection_set_max_incoming_payload_size (conn, JC_TRANSPORT_MAX_MESSAGE_SIZE);
  /* A ping every 20 s keeps NATs and proxies from dropping an idle link. */
  soup_websocket_connection_set_keepalive_interval (conn, 20);
  g_signal_connect (conn, "message", G_CALLBACK (on_ws_message), self);
  g_signal_connect (conn, "error", G_CALLBACK (on_ws_error), self);
  g_signal_connect (conn, "closed", G_CALLBACK (on_ws_closed), self);
  jc_transport_set_connected (JC_TRANSPORT (self), TRUE);
  g_task_return_boolean (task, TRUE);
}

static void
jc_websocket_transport_connect_async (JcTransport *transport,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  JcWebsocketTransport *self = JC_WEBSOCKET_TRANSPORT (transport);
  g_autoptr (GTask) task = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) error = NULL;
  const char *protocols[] = { self->protocol, NULL };

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_websocket_transport_connect_async);
  g_task_set_name (task, "jc_websocket_transport_connect_async");

  if (self->conn != NULL || self->connect_cancel != NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_CONNECT,
                               "Already connected or connecting to %s",
                               jc_transport_get_uri (transport));
      return;
    }

  uri = g_uri_parse (jc_transport_get_uri (transport), SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                               "Invalid WebSocket URI “%s”: %s",
                               jc_transport_get_uri (transport), error->message);
      return;
    }
  msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  jc_transport_apply_tls (transport, self->session, msg);
  self->connect_cancel = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  soup_session_websocket_connect_async (self->session, msg, NULL, (char **) protocols,
                                        G_PRIORITY_DEFAULT, self->connect_cancel,
                                        on_connected, g_steal_pointer (&task));
}

static gboolean
jc_websocket_transport_connect_finish (JcTransport *transport, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, transport), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
jc_websocket_transport_send (JcTransport *transport, JsonObject *message, GError **error)
{
  JcWebsocketTransport *self = JC_WEBSOCKET_TRANSPORT (transport);
  g_autofree char *text = NULL;

  if (self->conn == NULL || soup_websocket_connection_get_state (self->conn) != SOUP_WEBSOCKET_STATE_OPEN)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_NOT_CONNECTED, "Not connected to %s",
                   jc_transport_get_uri (transport));
      return FALSE;
    }
  text = jc_json_to_string (message);
  soup_websocket_connection_send_text (self->conn, text);
  return TRUE;
}

static void
jc_websocket_transport_close (JcTransport *transport)
{
  JcWebsocketTransport *self = JC_WEBSOCKET_TRANSPORT (transport);

  if (self->connect_cancel != NULL)
    g_cancellable_cancel (self->connect_cancel);
  if (self->conn == NULL)
    return;
  self->closing = TRUE;
  if (soup_websocket_connection_get_state (self->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  /* "closed" follows once the close handshake ends (or times out). */
}

static void
jc_websocket_transport_dispose (GObject *object)
{
  JcWebsocketTransport *self = JC_WEBSOCKET_TRANSPORT (object);

  if (self->connect_cancel != NULL)
    g_cancellable_cancel (self->connect_cancel);
  drop_connection (self);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (jc_websocket_transport_parent_class)->dispose (object);
}

static void
jc_websocket_transport_finalize (GObject *object)
{
  JcWebsocketTransport *self = JC_WEBSOCKET_TRANSPORT (object);

  g_free (self->protocol);
  g_clear_error (&self->last_error);

  G_OBJECT_CLASS (jc_websocket_transport_parent_class)->finalize (object);
}

static void
jc_websocket_transport_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcWebsocketTransport *self = JC_WEBSOCKET_TRANSPORT (object);

  switch (prop_id)
    {
    case PROP_PROTOCOL:
      g_value_set_string (value, self->protocol);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_websocket_transport_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JcWebsocketTransport *self = JC_WEBSOCKET_TRANSPORT (object);

  switch (prop_id)
    {
    case PROP_PROTOCOL:
      g_free (self->protocol);
      self->protocol = g_value_dup_string (value);
      if (self->protocol == NULL)
        self->protocol = g_strdup ("janus-protocol");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_websocket_transport_class_init (JcWebsocketTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JcTransportClass *transport_class = JC_TRANSPORT_CLASS (klass);

  object_class->dispose = jc_websocket_transport_dispose;
  object_class->finalize = jc_websocket_transport_finalize;
  object_class->get_property = jc_websocket_transport_get_property;
  object_class->set_property = jc_websocket_transport_set_property;

  transport_class->connect_async = jc_websocket_transport_connect_async;
  transport_class->connect_finish = jc_websocket_transport_connect_finish;
  transport_class->send = jc_websocket_transport_send;
  transport_class->close = jc_websocket_transport_close;

  /**
   * JcWebsocketTransport:protocol:
   *
   * The WebSocket subprotocol: `janus-protocol` (the default) or
   * `janus-admin-protocol`.
   */
  properties[PROP_PROTOCOL] =
      g_param_spec_string ("protocol", NULL, NULL, "janus-protocol",
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jc_websocket_transport_init (JcWebsocketTransport *self)
{
  self->session = soup_session_new_with_options ("timeout", 0, "idle-timeout", 0, NULL);
}

/**
 * jc_websocket_transport_new:
 * @uri: a `ws://` or `wss://` URI
 * @protocol: (nullable): the subprotocol; %NULL for `janus-protocol`
 *
 * Creates a WebSocket transport; connect it through a [class@Client].
 *
 * Returns: (transfer full): a new transport
 */
JcTransport *
jc_websocket_transport_new (const char *uri, const char *protocol)
{
  g_return_val_if_fail (uri != NULL, NULL);

  return g_object_new (JC_TYPE_WEBSOCKET_TRANSPORT, "uri", uri, "protocol", protocol, NULL);
}

void
jc_websocket_transport_break (JcTransport *transport)
{
  JcWebsocketTransport *self = JC_WEBSOCKET_TRANSPORT (transport);

  if (self->conn != NULL)
    g_io_stream_close (soup_websocket_connection_get_io_stream (self->conn), NULL, NULL);
}

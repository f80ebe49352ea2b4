/* jc-unix-transport.c: Janus over a Unix socket
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-unix-transport.h"

#include <errno.h>
#include <gio/gunixsocketaddress.h>
#include <sys/socket.h>

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-transport-private.h"

/**
 * JcUnixTransport:
 *
 * Janus's Unix-socket transport (`unix:///path/to/janus.sock`): a
 * `SOCK_SEQPACKET` socket carrying one JSON message per packet, as Janus's
 * pfunix transport expects. Messages may be up to
 * %JC_TRANSPORT_MAX_MESSAGE_SIZE bytes.
 */

struct _JcUnixTransport
{
  JcTransport parent_instance;

  char *path;      /* (owned) */
  GSocket *socket; /* (owned) (nullable) */
  GSource *source; /* (owned) (nullable) readable/hangup watch */
  gboolean closing;
};

G_DEFINE_FINAL_TYPE (JcUnixTransport, jc_unix_transport, JC_TYPE_TRANSPORT)

static void
drop_socket (JcUnixTransport *self)
{
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_clear_pointer (&self->source, g_source_unref);
    }
  if (self->socket != NULL)
    {
      g_socket_close (self->socket, NULL);
      g_clear_object (&self->socket);
    }
}

static void
lost (JcUnixTransport *self, const char *why)
{
  g_autoptr (GError) error = NULL;

  if (!self->closing)
    error = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "Connection to %s lost: %s", self->path, why);
  drop_socket (self);
  jc_transport_emit_closed (JC_TRANSPORT (self), error);
}

static gboolean
on_readable (GSocket *socket, GIOCondition condition, gpointer user_data)
{
  JcUnixTransport *self = g_object_ref (user_data);
  int fd = g_socket_get_fd (socket);
  gboolean keep;

  /* Drain every packet waiting. */
  for (;;)
    {
      g_autofree char *buffer = NULL;
      g_autoptr (JsonObject) message = NULL;
      g_autoptr (GError) error = NULL;
      char peek;
      ssize_t size;

      /* MSG_TRUNC makes a peek return the packet's real size. */
      size = recv (fd, &peek, 1, MSG_PEEK | MSG_TRUNC | MSG_DONTWAIT);
      if (size < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        break;
      if (size <= 0)
        {
          lost (self, size == 0 ? "Janus closed the socket" : g_strerror (errno));
          break;
        }
      if (size > JC_TRANSPORT_MAX_MESSAGE_SIZE)
        {
          recv (fd, &peek, 1, MSG_DONTWAIT); /* discard it */
          g_debug ("Dropping a %zd-byte message from %s: larger than %d bytes", size, self->path,
                   JC_TRANSPORT_MAX_MESSAGE_SIZE);
          continue;
        }
      buffer = g_malloc (size + 1);
      size = recv (fd, buffer, size, MSG_DONTWAIT);
      if (size <= 0)
        {
          lost (self, size == 0 ? "Janus closed the socket" : g_strerror (errno));
          break;
        }
      buffer[size] = '\0';
      message = jc_json_parse_object (buffer, size, &error);
      if (message == NULL)
        {
          g_debug ("Dropping a message from %s: %s", self->path, error->message);
          continue;
        }
      jc_transport_emit_message (JC_TRANSPORT (self), message);
      if (self->socket == NULL)
        break; /* a handler closed us */
    }
  if (self->socket != NULL && (condition & (G_IO_HUP | G_IO_ERR)) && !(condition & G_IO_IN))
    lost (self, "the socket hung up");
  keep = self->socket != NULL;
  g_object_unref (self);
  /* When lost, drop_socket () already destroyed this source. */
  return keep ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
jc_unix_transport_connect_async (JcTransport *transport,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  JcUnixTransport *self = JC_UNIX_TRANSPORT (transport);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GError) error = NULL;

  g_task_set_source_tag (task, jc_unix_transport_connect_async);
  g_task_set_name (task, "jc_unix_transport_connect_async");
  if (self->socket != NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_CONNECT, "Already connected to %s", self->path);
      return;
    }
  if (self->path == NULL || *self->path == '\0')
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                               "“%s” names no socket (want unix:///path/to/janus.sock)",
                               jc_transport_get_uri (transport));
      return;
    }
  self->socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_SEQPACKET, G_SOCKET_PROTOCOL_DEFAULT, &error);
  if (self->socket == NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_CONNECT, "Cannot create a socket for %s: %s", self->path,
                               error->message);
      return;
    }
  address = g_unix_socket_address_new (self->path);
  /* A local connect completes at once (or fails at once). */
  if (!g_socket_connect (self->socket, address, cancellable, &error))
    {
      g_clear_object (&self->socket);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, JC_ERROR, JC_ERROR_CONNECT, "Cannot connect to %s: %s", self->path,
                                 error->message);
      return;
    }
  g_socket_set_blocking (self->socket, TRUE);
  self->closing = FALSE;
  self->source = g_socket_create_source (self->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_static_name (self->source, "[janus-client] unix socket");
  g_source_set_callback (self->source, G_SOURCE_FUNC (on_readable), self, NULL);
  g_source_attach (self->source, jc_transport_get_context (transport));
  jc_transport_set_connected (transport, TRUE);
  g_task_return_boolean (task, TRUE);
}

static gboolean
jc_unix_transport_connect_finish (JcTransport *transport, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, transport), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
jc_unix_transport_send (JcTransport *transport, JsonObject *message, GError **error)
{
  JcUnixTransport *self = JC_UNIX_TRANSPORT (transport);
  g_autofree char *text = jc_json_to_string (message);
  g_autoptr (GError) local_error = NULL;

  if (self->socket == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_NOT_CONNECTED, "Not connected to %s", self->path);
      return FALSE;
    }
  if (g_socket_send (self->socket, text, strlen (text), NULL, &local_error) < 0)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_CLOSED, "Cannot send to %s: %s", self->path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
jc_unix_transport_close (JcTransport *transport)
{
  JcUnixTransport *self = JC_UNIX_TRANSPORT (transport);

  if (self->socket == NULL)
    return;
  self->closing = TRUE;
  lost (self, "closed");
}

static void
jc_unix_transport_dispose (GObject *object)
{
  drop_socket (JC_UNIX_TRANSPORT (object));

  G_OBJECT_CLASS (jc_unix_transport_parent_class)->dispose (object);
}

static void
jc_unix_transport_finalize (GObject *object)
{
  g_free (JC_UNIX_TRANSPORT (object)->path);

  G_OBJECT_CLASS (jc_unix_transport_parent_class)->finalize (object);
}

static void
jc_unix_transport_constructed (GObject *object)
{
  JcUnixTransport *self = JC_UNIX_TRANSPORT (object);
  const char *uri = jc_transport_get_uri (JC_TRANSPORT (self));
  g_autoptr (GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

  G_OBJECT_CLASS (jc_unix_transport_parent_class)->constructed (object);

  if (parsed != NULL)
    self->path = g_uri_unescape_string (g_uri_get_path (parsed), NULL);
}

static void
jc_unix_transport_class_init (JcUnixTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JcTransportClass *transport_class = JC_TRANSPORT_CLASS (klass);

  object_class->constructed = jc_unix_transport_constructed;
  object_class->dispose = jc_unix_transport_dispose;
  object_class->finalize = jc_unix_transport_finalize;

  transport_class->connect_async = jc_unix_transport_connect_async;
  transport_class->connect_finish = jc_unix_transport_connect_finish;
  transport_class->send = jc_unix_transport_send;
  transport_class->close = jc_unix_transport_close;
}

static void
jc_unix_transport_init (JcUnixTransport *self)
{
}

/**
 * jc_unix_transport_new:
 * @uri: a `unix:///path/to/janus.sock` URI
 *
 * Creates a Unix-socket transport; connect it through a [class@Client].
 *
 * Returns: (transfer full): a new transport
 */
JcTransport *
jc_unix_transport_new (const char *uri)
{
  g_return_val_if_fail (uri != NULL, NULL);

  return g_object_new (JC_TYPE_UNIX_TRANSPORT, "uri", uri, NULL);
}

void
jc_unix_transport_break (JcTransport *transport)
{
  JcUnixTransport *self = JC_UNIX_TRANSPORT (transport);

  /* Not shutdown (): replies already queued in the socket would still be
   * read, and a slow process would see its request answered. */
  if (self->socket != NULL)
    lost (self, "the link was cut");
}

/* jc-http-transport.c: Janus over HTTP(S) with long-polling
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-http-transport.h"

#include <libsoup/soup.h>

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-transport-private.h"

/**
 * JcHttpTransport:
 *
 * Janus's HTTP transport (`http://` and `https://`), through libsoup.
 *
 * Each request is a POST on the path Janus expects (`/janus`,
 * `/janus/SESSION`, `/janus/SESSION/HANDLE`, below the URI's base path);
 * requests on one path go out one at a time, so a handle's requests keep
 * their order. Each session has one long-poll GET (`maxev=10`) that brings
 * its events; a long-poll that fails is restarted with back-off.
 * Connections are reused (up to 128 per server).
 *
 * Sessions still send keepalives: Janus refreshes a session when a
 * long-poll starts, but holds each long-poll up to 30 s, so a server whose
 * `session_timeout` is shorter than that would time the session out.
 */

#define MAX_EVENTS 10
#define POLL_BACKOFF_MIN_MS 100
#define POLL_BACKOFF_MAX_MS 5000

typedef struct
{
  JcHttpTransport *self; /* (unowned) */
  guint64 session_id;
  GCancellable *cancel; /* (owned) */
  GSource *retry;       /* (owned) (nullable) */
  guint backoff_ms;
} LongPoll;

typedef struct
{
  char *path;        /* (owned) the queue's key */
  GBytes *body;      /* (owned) */
  char *transaction; /* (owned) (nullable) */
} PostItem;

struct _JcHttpTransport
{
  JcTransport parent_instance;

  SoupSession *session; /* (owned) */
  char *base;           /* (owned) the URI without a trailing slash */
  GCancellable *cancel; /* (owned) cancels every request on close */
  GHashTable *polls;    /* (owned) guint64 session id → (owned) LongPoll */
  GHashTable *queues;   /* (owned) path → (owned) GQueue of (owned) PostItem; head in flight */
  gboolean closing;
};

G_DEFINE_FINAL_TYPE (JcHttpTransport, jc_http_transport, JC_TYPE_TRANSPORT)

static void start_poll (LongPoll *poll);

static void
post_item_free (PostItem *item)
{
  g_free (item->path);
  g_bytes_unref (item->body);
  g_free (item->transaction);
  g_free (item);
}

static void
queue_free (gpointer data)
{
  g_queue_free_full (data, (GDestroyNotify) post_item_free);
}

static void
long_poll_free (gpointer data)
{
  LongPoll *poll = data;

  g_cancellable_cancel (poll->cancel);
  g_object_unref (poll->cancel);
  if (poll->retry != NULL)
    {
      g_source_destroy (poll->retry);
      g_source_unref (poll->retry);
    }
  g_free (poll);
}

/* Delivers one reply body: a JSON object, or an array of them. */
static void
deliver_body (JcHttpTransport *self, GBytes *bytes, const char *what)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  if (length == 0)
    {
      g_debug ("Empty %s reply from %s", what, self->base);
      return;
    }
  if (length > JC_TRANSPORT_MAX_MESSAGE_SIZE)
    {
      g_debug ("Dropping a %" G_GSIZE_FORMAT "-byte %s reply from %s: larger than %d bytes", length, what,
               self->base, JC_TRANSPORT_MAX_MESSAGE_SIZE);
      return;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &error) ||
      json_parser_has_assignment (parser, NULL) || (root = json_parser_get_root (parser)) == NULL)
    {
      g_debug ("Dropping a %s reply from %s that is not JSON", what, self->base);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      jc_transport_emit_message (JC_TRANSPORT (self), json_node_get_object (root));
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      g_autoptr (GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            g_ptr_array_add (messages, json_object_ref (json_node_get_object (node)));
          else
            g_debug ("Dropping a %s array element that is not an object", what);
        }
      /* A handler may close the transport: hold the objects first. */
      g_object_ref (self);
      for (guint i = 0; i < messages->len && !self->closing; i++)
        jc_transport_emit_message (JC_TRANSPORT (self), g_ptr_array_index (messages, i));
      g_object_unref (self);
    }
  else
    {
      g_debug ("Dropping a %s reply from %s that is neither an object nor an array", what, self->base);
    }
}

/* Answers a POST that got no usable reply with a Janus-shaped error, so
 * the one request it carried fails and nothing else does. */
static void
fail_transaction (JcHttpTransport *self, const char *transaction, const char *reason)
{
  g_autoptr (JsonObject) message = NULL;
  JsonObject *error;

  if (transaction == NULL)
    return;
  message = json_object_new ();
  json_object_set_string_member (message, "janus", "error");
  json_object_set_string_member (message, "transaction", transaction);
  error = json_object_new ();
  json_object_set_int_member (error, "code", 450); /* JANUS_ERROR_TRANSPORT_SPECIFIC */
  json_object_set_string_member (error, "reason", reason);
  json_object_set_object_member (message, "error", error);
  jc_transport_emit_message (JC_TRANSPORT (self), message);
}

static void send_next (JcHttpTransport *self, const char *path);

static void
on_post_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autofree char *path = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  JcHttpTransport *self;
  GQueue *queue;
  PostItem *item;
  guint status;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* closing: the transport may be gone */
  self = g_object_get_data (G_OBJECT (source), "jc-transport");
  if (self == NULL)
    return;
  g_object_ref (self);
  queue = g_hash_table_lookup (self->queues, path);
  item = queue != NULL ? g_queue_pop_head (queue) : NULL;
  status = msg != NULL ? soup_message_get_status (msg) : 0;

  if (bytes == NULL)
    {
      g_autoptr (GError) closed = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "Lost %s: %s", self->base, error->message);

      if (item != NULL)
        post_item_free (item);
      jc_transport_emit_closed (JC_TRANSPORT (self), closed);
      g_object_unref (self);
      return;
    }
  if (status < 200 || status >= 300)
    {
      g_autofree char *reason = g_strdup_printf ("HTTP %u %s from %s%s", status,
                                                 msg != NULL ? soup_message_get_reason_phrase (msg) : "", self->base, path);

      /* Janus answers most errors with 200 and a JSON error; use it when it sent one. */
      if (g_bytes_get_size (bytes) > 0 && ((const char *) g_bytes_get_data (bytes, NULL))[0] == '{')
        deliver_body (self, bytes, "POST");
      else
        fail_transaction (self, item != NULL ? item->transaction : NULL, reason);
    }
  else
    {
      deliver_body (self, bytes, "POST");
    }
  if (item != NULL)
    post_item_free (item);
  if (queue != NULL && g_queue_is_empty (queue))
    g_hash_table_remove (self->queues, path);
  else if (!self->closing)
    send_next (self, path);
  g_object_unref (self);
}

static void
send_next (JcHttpTransport *self, const char *path)
{
  GQueue *queue = g_hash_table_lookup (self->queues, path);
  PostItem *item = queue != NULL ? g_queue_peek_head (queue) : NULL;
  g_autofree char *url = NULL;
  g_autoptr (SoupMessage) msg = NULL;

  if (item == NULL)
    return;
  url = g_strconcat (self->base, path, NULL);
  msg = soup_message_new (SOUP_METHOD_POST, url);
  if (msg == NULL)
    {
      fail_transaction (self, item->transaction, "Invalid request URI");
      post_item_free (g_queue_pop_head (queue));
      return;
    }
  soup_message_set_request_body_from_bytes (msg, "application/json", item->body);
  jc_transport_apply_tls (JC_TRANSPORT (self), self->session, msg);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, self->cancel, on_post_done,
                                    g_strdup (path));
}

static char *
request_path (JsonObject *message)
{
  guint64 session_id = 0, handle_id = 0;

  if (jc_json_lookup_id (message, "session_id", &session_id))
    {
      if (jc_json_lookup_id (message, "handle_id", &handle_id))
        return g_strdup_printf ("/%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT, session_id, handle_id);
      return g_strdup_printf ("/%" G_GUINT64_FORMAT, session_id);
    }
  return g_strdup ("");
}

static gboolean
jc_http_transport_send (JcTransport *transport, JsonObject *message, GError **error)
{
  JcHttpTransport *self = JC_HTTP_TRANSPORT (transport);
  g_autofree char *text = jc_json_to_string (message);
  g_autofree char *path = request_path (message);
  PostItem *item = g_new0 (PostItem, 1);
  GQueue *queue = g_hash_table_lookup (self->queues, path);
  gboolean idle = queue == NULL;

  item->path = g_strdup (path);
  {
    gsize length = strlen (text);

    item->body = g_bytes_new_take (g_steal_pointer (&text), length);
  }
  item->transaction = g_strdup (jc_json_lookup_string (message, "transaction"));
  if (queue == NULL)
    {
      queue = g_queue_new ();
      g_hash_table_insert (self->queues, g_strdup (path), queue);
    }
  g_queue_push_tail (queue, item);
  if (idle)
    send_next (self, path);
  return TRUE;
}

/* Long-polls */

static gboolean
on_poll_retry (gpointer user_data)
{
  LongPoll *poll = user_data;

  g_clear_pointer (&poll->retry, g_source_unref);
  start_poll (poll);
  return G_SOURCE_REMOVE;
}

static void
on_poll_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  guint64 session_id = GPOINTER_TO_SIZE (user_data);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  JcHttpTransport *self;
  LongPoll *poll;
  guint status;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = g_object_get_data (G_OBJECT (source), "jc-transport");
  if (self == NULL || self->closing)
    return;
  poll = g_hash_table_lookup (self->polls, &session_id);
  if (poll == NULL)
    return; /* the session went away meanwhile */

  status = msg != NULL ? soup_message_get_status (msg) : 0;
  if (bytes != NULL && status >= 200 && status < 300)
    {
      poll->backoff_ms = 0;
      g_object_ref (self);
      deliver_body (self, bytes, "long-poll");
      /* The handlers may have removed the session (and freed the poll). */
      poll = g_hash_table_lookup (self->polls, &session_id);
      if (poll != NULL && !self->closing)
        start_poll (poll);
      g_object_unref (self);
      return;
    }

  poll->backoff_ms = poll->backoff_ms == 0 ? POLL_BACKOFF_MIN_MS : MIN (poll->backoff_ms * 2, POLL_BACKOFF_MAX_MS);
  g_debug ("Long-poll for session %" G_GUINT64_FORMAT " on %s failed (%s); again in %u ms", session_id, self->base,
           error != NULL ? error->message : soup_status_get_phrase (status), poll->backoff_ms);
  poll->retry = g_timeout_source_new (poll->backoff_ms);
  g_source_set_static_name (poll->retry, "[janus-client] long-poll retry");
  g_source_set_callback (poll->retry, on_poll_retry, poll, NULL);
  g_source_attach (poll->retry, jc_transport_get_context (JC_TRANSPORT (self)));
}

static void
start_poll (LongPoll *poll)
{
  JcHttpTransport *self = poll->self;
  JcTransport *transport = JC_TRANSPORT (self);
  g_autoptr (GString) url = g_string_new (self->base);
  g_autoptr (SoupMessage) msg = NULL;
  const char *secret = jc_transport_get_api_secret (transport);
  const char *token = jc_transport_get_token (transport);

  g_string_append_printf (url, "/%" G_GUINT64_FORMAT "?maxev=%d&rid=%" G_GINT64_FORMAT, poll->session_id,
                          MAX_EVENTS, g_get_real_time () / 1000);
  if (secret != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (secret, NULL, FALSE);

      g_string_append_printf (url, "&apisecret=%s", escaped);
    }
  if (token != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);

      g_string_append_printf (url, "&token=%s", escaped);
    }
  msg = soup_message_new (SOUP_METHOD_GET, url->str);
  if (msg == NULL)
    return;
  jc_transport_apply_tls (transport, self->session, msg);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, poll->cancel, on_poll_done,
                                    GSIZE_TO_POINTER (poll->session_id));
}

static void
jc_http_transport_session_added (JcTransport *transport, guint64 session_id)
{
  JcHttpTransport *self = JC_HTTP_TRANSPORT (transport);
  LongPoll *poll;
  guint64 *key;

  if (g_hash_table_contains (self->polls, &session_id) || self->closing)
    return;
  poll = g_new0 (LongPoll, 1);
  poll->self = self;
  poll->session_id = session_id;
  poll->cancel = g_cancellable_new ();
  key = g_new (guint64, 1);
  *key = session_id;
  g_hash_table_insert (self->polls, key, poll);
  start_poll (poll);
}

static void
jc_http_transport_session_removed (JcTransport *transport, guint64 session_id)
{
  JcHttpTransport *self = JC_HTTP_TRANSPORT (transport);

  g_hash_table_remove (self->polls, &session_id);
}

/* Connecting: one GET on /info proves the server is there. */

static void
on_info_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcHttpTransport *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  guint status = msg != NULL ? soup_message_get_status (msg) : 0;

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, JC_ERROR, JC_ERROR_CONNECT, "Cannot connect to %s: %s", self->base,
                                 error->message);
      return;
    }
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_CONNECT, "%s answered 404: is the base path right (e.g. /janus)?",
                               self->base);
      return;
    }
  self->closing = FALSE;
  jc_transport_set_connected (JC_TRANSPORT (self), TRUE);
  g_task_return_boolean (task, TRUE);
}

static void
jc_http_transport_connect_async (JcTransport *transport,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  JcHttpTransport *self = JC_HTTP_TRANSPORT (transport);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = g_strconcat (self->base, "/info", NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);

  g_task_set_source_tag (task, jc_http_transport_connect_async);
  g_task_set_name (task, "jc_http_transport_connect_async");
  if (msg == NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Invalid HTTP URI “%s”", self->base);
      return;
    }
  jc_transport_apply_tls (transport, self->session, msg);
  if (self->cancel == NULL || g_cancellable_is_cancelled (self->cancel))
    {
      g_clear_object (&self->cancel);
      self->cancel = g_cancellable_new ();
    }
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable, on_info_done,
                                    g_steal_pointer (&task));
}

static gboolean
jc_http_transport_connect_finish (JcTransport *transport, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, transport), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
jc_http_transport_close (JcTransport *transport)
{
  JcHttpTransport *self = JC_HTTP_TRANSPORT (transport);

  if (!jc_transport_is_connected (transport))
    return;
  self->closing = TRUE;
  if (self->cancel != NULL)
    g_cancellable_cancel (self->cancel);
  g_hash_table_remove_all (self->polls);
  g_hash_table_remove_all (self->queues);
  jc_transport_emit_closed (transport, NULL);
}

static void
jc_http_transport_dispose (GObject *object)
{
  JcHttpTransport *self = JC_HTTP_TRANSPORT (object);

  self->closing = TRUE;
  if (self->cancel != NULL)
    g_cancellable_cancel (self->cancel);
  if (self->polls != NULL)
    g_hash_table_remove_all (self->polls);
  if (self->session != NULL)
    {
      g_object_set_data (G_OBJECT (self->session), "jc-transport", NULL);
      soup_session_abort (self->session);
      g_clear_object (&self->session);
    }

  G_OBJECT_CLASS (jc_http_transport_parent_class)->dispose (object);
}

static void
jc_http_transport_finalize (GObject *object)
{
  JcHttpTransport *self = JC_HTTP_TRANSPORT (object);

  g_clear_object (&self->cancel);
  g_hash_table_unref (self->polls);
  g_hash_table_unref (self->queues);
  g_free (self->base);

  G_OBJECT_CLASS (jc_http_transport_parent_class)->finalize (object);
}

static void
jc_http_transport_constructed (GObject *object)
{
  JcHttpTransport *self = JC_HTTP_TRANSPORT (object);
  const char *uri = jc_transport_get_uri (JC_TRANSPORT (self));

  G_OBJECT_CLASS (jc_http_transport_parent_class)->constructed (object);

  self->base = g_strdup (uri);
  while (g_str_has_suffix (self->base, "/"))
    self->base[strlen (self->base) - 1] = '\0';
}

static void
jc_http_transport_class_init (JcHttpTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JcTransportClass *transport_class = JC_TRANSPORT_CLASS (klass);

  object_class->constructed = jc_http_transport_constructed;
  object_class->dispose = jc_http_transport_dispose;
  object_class->finalize = jc_http_transport_finalize;

  transport_class->connect_async = jc_http_transport_connect_async;
  transport_class->connect_finish = jc_http_transport_connect_finish;
  transport_class->send = jc_http_transport_send;
  transport_class->close = jc_http_transport_close;
  transport_class->session_added = jc_http_transport_session_added;
  transport_class->session_removed = jc_http_transport_session_removed;
}

static void
jc_http_transport_init (JcHttpTransport *self)
{
  /* A long-poll pins a connection per session: allow many. Janus holds a
   * long-poll up to 30 s, so no request timeout here (the client's own
   * deadlines apply to requests). */
  self->session = soup_session_new_with_options ("max-conns", 256, "max-conns-per-host", 128, "timeout", 0,
                                                 "idle-timeout", 60, NULL);
  g_object_set_data (G_OBJECT (self->session), "jc-transport", self);
  self->cancel = g_cancellable_new ();
  self->polls = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, long_poll_free);
  self->queues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, queue_free);
}

/**
 * jc_http_transport_new:
 * @uri: an `http://` or `https://` URI with the base path, e.g.
 *   `http://127.0.0.1:8088/janus`
 *
 * Creates an HTTP transport; connect it through a [class@Client].
 *
 * Returns: (transfer full): a new transport
 */
JcTransport *
jc_http_transport_new (const char *uri)
{
  g_return_val_if_fail (uri != NULL, NULL);

  return g_object_new (JC_TYPE_HTTP_TRANSPORT, "uri", uri, NULL);
}

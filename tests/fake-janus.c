/* fake-janus.c: an in-process, scriptable Janus for the unit tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "fake-janus.h"

#include "jc-json-private.h"

struct _FakeJanus
{
  SoupServer *server;
  char *uri;
  GPtrArray *conns;         /* (owned) SoupWebsocketConnection, newest last */
  GHashTable *transactions; /* (owned) transaction → (owned) connection it came on */
  GPtrArray *requests;      /* (owned) JsonObject */
  gint64 session_timeout;
  guint64 next_id;
  FakeJanusHook hook;
  gpointer hook_data;
};

static JsonObject *
parse_extra (const char *extra_json)
{
  g_autoptr (GError) error = NULL;
  JsonObject *obj;

  if (extra_json == NULL)
    return json_object_new ();
  obj = jc_json_parse_object (extra_json, -1, &error);
  g_assert_no_error (error);
  return obj;
}

void
fake_janus_send_object (FakeJanus *self, SoupWebsocketConnection *conn, JsonObject *message)
{
  g_autofree char *text = jc_json_to_string (message);

  if (conn != NULL && soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (conn, text);
}

static SoupWebsocketConnection *
latest_connection (FakeJanus *self)
{
  for (guint i = self->conns->len; i > 0; i--)
    {
      SoupWebsocketConnection *conn = g_ptr_array_index (self->conns, i - 1);

      if (soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
        return conn;
    }
  return NULL;
}

void
fake_janus_send_text (FakeJanus *self, const char *text)
{
  SoupWebsocketConnection *conn = latest_connection (self);

  g_assert_nonnull (conn);
  soup_websocket_connection_send_text (conn, text);
}

void
fake_janus_reply (FakeJanus *self, JsonObject *request, const char *janus, const char *extra_json)
{
  g_autoptr (JsonObject) reply = parse_extra (extra_json);
  const char *transaction = jc_json_lookup_string (request, "transaction");
  gint64 session_id, handle_id;

  json_object_set_string_member (reply, "janus", janus);
  if (transaction != NULL)
    json_object_set_string_member (reply, "transaction", transaction);
  if (jc_json_lookup_int (request, "session_id", &session_id) && !json_object_has_member (reply, "session_id"))
    json_object_set_int_member (reply, "session_id", session_id);
  if ((g_str_equal (janus, "success") || g_str_equal (janus, "event")) &&
      jc_json_lookup_int (request, "handle_id", &handle_id) && !json_object_has_member (reply, "sender"))
    json_object_set_int_member (reply, "sender", handle_id);
  fake_janus_send_object (self, transaction != NULL ? g_hash_table_lookup (self->transactions, transaction) : NULL,
                          reply);
}

void
fake_janus_push (FakeJanus *self, const char *janus, guint64 session_id, guint64 sender, const char *extra_json)
{
  g_autoptr (JsonObject) message = parse_extra (extra_json);

  json_object_set_string_member (message, "janus", janus);
  json_object_set_int_member (message, "session_id", (gint64) session_id);
  if (sender != 0)
    json_object_set_int_member (message, "sender", (gint64) sender);
  fake_janus_send_object (self, latest_connection (self), message);
}

void
fake_janus_reply_default (FakeJanus *self, JsonObject *request)
{
  const char *verb = jc_json_lookup_string (request, "janus");
  g_autofree char *extra = NULL;
  gint64 id;

  if (g_strcmp0 (verb, "info") == 0)
    {
      if (self->session_timeout >= 0)
        extra = g_strdup_printf ("{\"name\": \"Fake Janus\", \"version\": 1102, \"session-timeout\": %" G_GINT64_FORMAT "}",
                                 self->session_timeout);
      fake_janus_reply (self, request, "server_info",
                        extra != NULL ? extra : "{\"name\": \"Fake Janus\", \"version\": 1102}");
    }
  else if (g_strcmp0 (verb, "ping") == 0)
    {
      fake_janus_reply (self, request, "pong", NULL);
    }
  else if (g_strcmp0 (verb, "create") == 0 || g_strcmp0 (verb, "attach") == 0)
    {
      if (!jc_json_lookup_int (request, "id", &id))
        id = (gint64) self->next_id++;
      extra = g_strdup_printf ("{\"data\": {\"id\": %" G_GINT64_FORMAT "}}", id);
      fake_janus_reply (self, request, "success", extra);
    }
  else if (g_strcmp0 (verb, "keepalive") == 0 || g_strcmp0 (verb, "trickle") == 0)
    {
      fake_janus_reply (self, request, "ack", NULL);
    }
  else if (g_strcmp0 (verb, "detach") == 0 || g_strcmp0 (verb, "destroy") == 0 ||
           g_strcmp0 (verb, "hangup") == 0 || g_strcmp0 (verb, "claim") == 0)
    {
      fake_janus_reply (self, request, "success", NULL);
    }
  else if (g_strcmp0 (verb, "message") == 0)
    {
      fake_janus_reply (self, request, "ack", NULL);
      fake_janus_reply (self, request, "event",
                        "{\"plugindata\": {\"plugin\": \"janus.plugin.fake\", \"data\": {\"result\": \"ok\"}}}");
    }
  else
    {
      fake_janus_reply (self, request, "error",
                        "{\"error\": {\"code\": 453, \"reason\": \"Unknown request\"}}");
    }
}

static void
on_message (SoupWebsocketConnection *conn, gint type, GBytes *bytes, gpointer user_data)
{
  FakeJanus *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) request = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *transaction;

  request = jc_json_parse_object (data, (gssize) length, &error);
  g_assert_no_error (error);
  transaction = jc_json_lookup_string (request, "transaction");
  if (transaction != NULL)
    g_hash_table_replace (self->transactions, g_strdup (transaction), g_object_ref (conn));
  g_ptr_array_add (self->requests, json_object_ref (request));
  if (self->hook != NULL && self->hook (self, conn, request, self->hook_data))
    return;
  fake_janus_reply_default (self, request);
}

static void
on_websocket (SoupServer *server,
              SoupServerMessage *msg,
              const char *path,
              SoupWebsocketConnection *conn,
              gpointer user_data)
{
  FakeJanus *self = user_data;

  g_ptr_array_add (self->conns, g_object_ref (conn));
  g_signal_connect (conn, "message", G_CALLBACK (on_message), self);
}

FakeJanus *
fake_janus_new_tls (GTlsCertificate *certificate)
{
  FakeJanus *self = g_new0 (FakeJanus, 1);
  const char *protocols[] = { "janus-protocol", NULL };
  g_autoptr (GError) error = NULL;
  GSList *uris;

  self->conns = g_ptr_array_new_with_free_func (g_object_unref);
  self->transactions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->session_timeout = 60;
  self->next_id = 1000;

  self->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_websocket_handler (self->server, NULL, NULL, (char **) protocols, on_websocket, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | (certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0), &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->uri = g_strdup_printf ("%s://127.0.0.1:%d/janus", certificate != NULL ? "wss" : "ws", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return self;
}

FakeJanus *
fake_janus_new (void)
{
  return fake_janus_new_tls (NULL);
}

void
fake_janus_free (FakeJanus *self)
{
  for (guint i = 0; i < self->conns->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->conns, i), self);
  fake_janus_close_connections (self, SOUP_WEBSOCKET_CLOSE_GOING_AWAY);
  g_hash_table_unref (self->transactions);
  g_ptr_array_unref (self->conns);
  g_ptr_array_unref (self->requests);
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_free (self->uri);
  g_free (self);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

const char *
fake_janus_get_uri (FakeJanus *self)
{
  return self->uri;
}

void
fake_janus_set_session_timeout (FakeJanus *self, gint64 seconds)
{
  self->session_timeout = seconds;
}

void
fake_janus_set_hook (FakeJanus *self, FakeJanusHook hook, gpointer user_data)
{
  self->hook = hook;
  self->hook_data = user_data;
}

GPtrArray *
fake_janus_get_requests (FakeJanus *self)
{
  return self->requests;
}

void
fake_janus_clear_requests (FakeJanus *self)
{
  g_ptr_array_set_size (self->requests, 0);
}

guint
fake_janus_count_requests (FakeJanus *self, const char *verb)
{
  guint n = 0;

  for (guint i = 0; i < self->requests->len; i++)
    if (g_strcmp0 (jc_json_lookup_string (g_ptr_array_index (self->requests, i), "janus"), verb) == 0)
      n++;
  return n;
}

JsonObject *
fake_janus_last_request (FakeJanus *self, const char *verb)
{
  for (guint i = self->requests->len; i > 0; i--)
    {
      JsonObject *request = g_ptr_array_index (self->requests, i - 1);

      if (g_strcmp0 (jc_json_lookup_string (request, "janus"), verb) == 0)
        return request;
    }
  return NULL;
}

guint
fake_janus_get_n_connections (FakeJanus *self)
{
  return self->conns->len;
}

void
fake_janus_close_connections (FakeJanus *self, gushort code)
{
  for (guint i = 0; i < self->conns->len; i++)
    {
      SoupWebsocketConnection *conn = g_ptr_array_index (self->conns, i);

      if (soup_websocket_connection_get_state (conn) != SOUP_WEBSOCKET_STATE_OPEN)
        continue;
      if (code != 0)
        soup_websocket_connection_close (conn, code, "fake janus says bye");
      else
        g_io_stream_close (soup_websocket_connection_get_io_stream (conn), NULL, NULL);
    }
}

/* test-transport.c: URIs and reconnection against the fake Janus
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "fake-janus.h"
#include "jc-test-util.h"
#include "jc-transport-private.h"

static GError *
try_connect (JcClient *client)
{
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  GError *error = NULL;

  jc_client_connect_async (client, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  jc_client_connect_finish (client, result, &error);
  return error;
}

static void
test_uri_schemes (void)
{
  static const struct
  {
    const char *uri;
    GType type;
  } good[] = {
    { "ws://127.0.0.1:1", G_TYPE_INVALID },
    { "WSS://127.0.0.1:1", G_TYPE_INVALID },
    { "http://127.0.0.1:1/janus", G_TYPE_INVALID },
    { "HTTPS://127.0.0.1:1/janus", G_TYPE_INVALID },
    { "unix:///tmp/janus.sock", G_TYPE_INVALID },
    { "Unix:///tmp/janus.sock", G_TYPE_INVALID },
  };
  static const char *const bad[] = { "ftp://x", "nonsense", "mqtt://broker", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JcClient) client = jc_client_new_for_uri (good[i].uri, &error);
      g_autofree char *lower = g_ascii_strdown (good[i].uri, 6);
      GType expected = g_str_has_prefix (lower, "ws") ? JC_TYPE_WEBSOCKET_TRANSPORT
                       : g_str_has_prefix (lower, "http")
                           ? JC_TYPE_HTTP_TRANSPORT
                           : JC_TYPE_UNIX_TRANSPORT;

      g_assert_no_error (error);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (jc_client_get_transport (client), expected));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JcClient) client = jc_client_new_for_uri (bad[i], &error);

      g_assert_null (client);
      g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
    }
}

static void
test_unix_missing_socket (void)
{
  g_autoptr (JcClient) client = jc_client_new_for_uri ("unix:///nonexistent/janus.sock", NULL);
  g_autoptr (GError) error = try_connect (client);

  g_assert_error (error, JC_ERROR, JC_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/janus.sock"));
}

typedef struct
{
  guint disconnected;
  guint reconnected;
} ReconnectEvents;

static void
on_disconnected (JcClient *client, GError *error, ReconnectEvents *events)
{
  events->disconnected++;
}

static void
on_reconnected (JcClient *client, ReconnectEvents *events)
{
  events->reconnected++;
}

static gboolean
hold_messages (FakeJanus *fake, SoupWebsocketConnection *conn, JsonObject *request, gpointer user_data)
{
  const char *verb = json_node_get_string (json_object_get_member (request, "janus"));

  /* Never answer plugin messages: they stay pending until the drop. */
  return g_strcmp0 (verb, "message") == 0;
}

/* The fake server drops the socket mid-session: the pending request fails
 * cleanly, the client reconnects and claims, and the same session works. */
static void
test_fake_drop_reconnects (void)
{
  FakeJanus *fake = fake_janus_new ();
  ReconnectEvents events = { 0 };
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (JsonObject) body = jc_test_json ("{\"request\": \"x\"}");
  g_autoptr (JsonObject) data = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;
  JsonObject *claim;

  client = jc_test_connect (fake_janus_get_uri (fake), &error);
  g_assert_no_error (error);
  g_signal_connect (client, "disconnected", G_CALLBACK (on_disconnected), &events);
  g_signal_connect (client, "reconnected", G_CALLBACK (on_reconnected), &events);
  jc_client_set_reconnect_backoff (client, 10, 100, 5);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  handle = jc_test_attach (session, "janus.plugin.echotest", &error);
  g_assert_no_error (error);

  fake_janus_set_hook (fake, hold_messages, NULL);
  jc_handle_send_async (handle, body, NULL, JC_TIMEOUT_DEFAULT, NULL, jc_test_store_result, &slot);
  JC_TEST_WAIT_UNTIL (fake_janus_count_requests (fake, "message") == 1);
  fake_janus_close_connections (fake, 0);

  result = jc_test_wait_result (&slot);
  data = jc_handle_send_finish (handle, result, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
  g_clear_error (&error);

  JC_TEST_WAIT_UNTIL (events.reconnected == 1);
  g_assert_cmpuint (events.disconnected, ==, 1);
  claim = fake_janus_last_request (fake, "claim");
  g_assert_nonnull (claim);
  g_assert_cmpint (json_node_get_int (json_object_get_member (claim, "session_id")), ==,
                   (gint64) jc_session_get_id (session));
  /* Nothing was re-sent behind the caller's back. */
  g_assert_cmpuint (fake_janus_count_requests (fake, "message"), ==, 1);

  fake_janus_set_hook (fake, NULL, NULL);
  g_clear_object (&result);
  g_clear_pointer (&data, json_object_unref);
  data = jc_test_send (handle, "{\"request\": \"y\"}", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jc_session_is_alive (session));

  g_clear_object (&handle);
  g_clear_object (&session);
  g_clear_object (&client);
  fake_janus_free (fake);
}

static gboolean
forget_sessions (FakeJanus *fake, SoupWebsocketConnection *conn, JsonObject *request, gpointer user_data)
{
  const char *verb = json_node_get_string (json_object_get_member (request, "janus"));

  if (g_strcmp0 (verb, "keepalive") != 0)
    return FALSE;
  fake_janus_reply (fake, request, "error", "{\"error\": {\"code\": 458, \"reason\": \"No such session\"}}");
  return TRUE;
}

static void
on_session_closed (JcSession *session, GError *error, gpointer user_data)
{
  GError **slot = user_data;

  g_assert_null (*slot);
  *slot = g_error_copy (error);
}

/* Any request Janus answers with 458 (a session destroyed behind the
 * client's back, through the Admin API say) marks the session dead. */
static void
test_458_marks_dead (void)
{
  FakeJanus *fake = fake_janus_new ();
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) closed = NULL;
  GAsyncResult *slot = NULL;

  client = jc_test_connect (fake_janus_get_uri (fake), &error);
  g_assert_no_error (error);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  handle = jc_test_attach (session, "janus.plugin.echotest", &error);
  g_assert_no_error (error);
  g_signal_connect (session, "closed", G_CALLBACK (on_session_closed), &closed);

  fake_janus_set_hook (fake, forget_sessions, NULL);
  jc_session_keepalive_async (session, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_false (jc_session_keepalive_finish (session, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND);
  g_assert_false (jc_session_is_alive (session));
  g_assert_false (jc_handle_is_attached (handle));
  g_assert_error (closed, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND);

  g_clear_object (&handle);
  g_clear_object (&session);
  g_clear_object (&client);
  fake_janus_free (fake);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/transport/uri/schemes", test_uri_schemes);
  g_test_add_func ("/transport/unix/missing-socket", test_unix_missing_socket);
  g_test_add_func ("/transport/reconnect/fake-drop", test_fake_drop_reconnects);
  g_test_add_func ("/transport/session/458-marks-dead", test_458_marks_dead);

  return g_test_run ();
}

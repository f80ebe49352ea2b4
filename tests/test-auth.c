/* test-auth.c: api_secret and token authentication against a real Janus
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-client-private.h"
#include "jc-local-janus.h"
#include "jc-test-util.h"

#define API_SECRET "s3cret-api-for-tests"

static JcLocalJanus *secret_janus; /* api_secret = API_SECRET */
static JcLocalJanus *token_janus;  /* token_auth = true */

static const char *
uri_for (JcLocalJanus *server, const char *transport)
{
  if (g_str_equal (transport, "http"))
    return jc_local_janus_get_http_uri (server);
  if (g_str_equal (transport, "unix"))
    return jc_local_janus_get_unix_uri (server);
  return jc_local_janus_get_ws_uri (server);
}

static JcSession *
create_with (const char *uri, const char *secret, const char *token, JcClient **out_client, GError **error)
{
  g_autoptr (JcClient) client = NULL;
  JcSession *session;

  client = jc_client_new_for_uri (uri, error);
  if (client == NULL)
    return NULL;
  jc_client_set_api_secret (client, secret);
  jc_client_set_token (client, token);
  {
    g_autoptr (GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;

    jc_client_connect_async (client, NULL, jc_test_store_result, &slot);
    result = jc_test_wait_result (&slot);
    if (!jc_client_connect_finish (client, result, error))
      return NULL;
  }
  session = jc_test_create_session (client, error);
  *out_client = g_steal_pointer (&client);
  return session;
}

static void
test_api_secret (gconstpointer data)
{
  const char *uri = uri_for (secret_janus, data);
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (JsonObject) reply = NULL;

  /* No secret, a wrong one: 403 with Janus's reason. */
  session = create_with (uri, NULL, NULL, &client, &error);
  g_assert_null (session);
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "403"));
  g_clear_error (&error);
  g_clear_object (&client);

  session = create_with (uri, "wrong", NULL, &client, &error);
  g_assert_null (session);
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_clear_object (&client);

  /* The right one, on every request (over HTTP the long-poll carries it
   * too: the event after the ack arrives through it). */
  session = create_with (uri, API_SECRET, NULL, &client, &error);
  g_assert_no_error (error);
  handle = jc_test_attach (session, "janus.plugin.echotest", &error);
  g_assert_no_error (error);
  reply = jc_test_send (handle, "{\"audio\": true}", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (reply, "result")), ==, "ok");
  g_assert_true (jc_test_destroy (session, &error));
  g_assert_no_error (error);
}

/* Adds a token through the Admin API (WebSocket, janus-admin-protocol). */
static void
admin_request (const char *json)
{
  g_autoptr (JcTransport) transport = jc_websocket_transport_new (jc_local_janus_get_admin_ws_uri (token_janus),
                                                                  "janus-admin-protocol");
  g_autoptr (JcClient) admin = jc_client_new (transport);
  g_autoptr (JsonObject) request = jc_test_json (json);
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;

  jc_client_set_admin_secret (admin, jc_local_janus_get_admin_secret (token_janus));
  jc_client_connect_async (admin, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_client_connect_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_client_request_async (admin, request, JC_TIMEOUT_DEFAULT, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  reply = jc_client_request_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (reply, "janus")), ==, "success");
}

static void
test_token (gconstpointer data)
{
  const char *uri = uri_for (token_janus, data);
  g_autofree char *token = g_strdup_printf ("tok-%s-%u", (const char *) data, g_random_int ());
  g_autofree char *add = g_strdup_printf ("{\"janus\": \"add_token\", \"token\": \"%s\", "
                                          "\"plugins\": [\"janus.plugin.echotest\"]}",
                                          token);
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) allowed = NULL;
  g_autoptr (JcHandle) denied = NULL;

  /* Unknown token. */
  session = create_with (uri, NULL, "nobody-knows-me", &client, &error);
  g_assert_null (session);
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_clear_object (&client);

  admin_request (add);
  session = create_with (uri, NULL, token, &client, &error);
  g_assert_no_error (error);

  /* The token may use the EchoTest, not the VideoRoom. */
  allowed = jc_test_attach (session, "janus.plugin.echotest", &error);
  g_assert_no_error (error);
  denied = jc_test_attach (session, "janus.plugin.videoroom", &error);
  g_assert_null (denied);
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNAUTHORIZED_PLUGIN);
  g_clear_error (&error);

  /* A per-handle token that may use the VideoRoom opens it. */
  {
    g_autofree char *room_token = g_strdup_printf ("%s-room", token);
    g_autofree char *add_room = g_strdup_printf ("{\"janus\": \"add_token\", \"token\": \"%s\", "
                                                 "\"plugins\": [\"janus.plugin.videoroom\"]}",
                                                 room_token);
    g_autoptr (GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;

    admin_request (add_room);
    jc_session_attach_full_async (session, JC_TYPE_HANDLE, "janus.plugin.videoroom", NULL, room_token, NULL,
                                  jc_test_store_result, &slot);
    result = jc_test_wait_result (&slot);
    denied = jc_session_attach_full_finish (session, result, &error);
    g_assert_no_error (error);
    g_assert_nonnull (denied);
  }

  g_assert_true (jc_test_destroy (session, &error));
  g_assert_no_error (error);
}

static void
test_secret_not_logged (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autofree char *logs = NULL;

  jc_test_capture_logs_begin ();
  session = create_with (jc_local_janus_get_http_uri (secret_janus), API_SECRET, NULL, &client, &error);
  g_assert_no_error (error);
  g_assert_true (jc_test_destroy (session, &error));
  logs = jc_test_capture_logs_end ();
  g_assert_no_error (error);
  g_assert_nonnull (strstr (logs, "\"janus\":\"create\""));
  g_assert_null (strstr (logs, API_SECRET));
}

int
main (int argc, char **argv)
{
  static const char *const transports[] = { "ws", "http", "unix" };
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  secret_janus = jc_local_janus_new ();
  jc_local_janus_set_network (secret_janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_api_secret (secret_janus, API_SECRET);
  if (!jc_local_janus_start (secret_janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);
  token_janus = jc_local_janus_new ();
  jc_local_janus_set_network (token_janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_token_auth (token_janus, TRUE);
  if (!jc_local_janus_start (token_janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);

  for (gsize i = 0; i < G_N_ELEMENTS (transports); i++)
    {
      g_autofree char *secret_path = g_strdup_printf ("/auth/%s/api-secret", transports[i]);
      g_autofree char *token_path = g_strdup_printf ("/auth/%s/token", transports[i]);

      g_test_add_data_func (secret_path, transports[i], test_api_secret);
      g_test_add_data_func (token_path, transports[i], test_token);
    }
  g_test_add_func ("/auth/secret-not-logged", test_secret_not_logged);

  ret = g_test_run ();
  jc_local_janus_stop (secret_janus);
  jc_local_janus_stop (token_janus);
  g_clear_object (&secret_janus);
  g_clear_object (&token_janus);
  return ret;
}

/* test-reconnect.c: a dropped link against a real Janus
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-client-private.h"
#include "jc-local-janus.h"
#include "jc-test-util.h"
#include "jc-transport-private.h"

static JcLocalJanus *janus;

typedef struct
{
  guint disconnected;
  guint reconnected;
  guint closed;
  GError *closed_error;
  gint64 reconnected_at;
  guint session_closed;
  GError *session_error;
} Events;

static void
on_disconnected (JcClient *client, GError *error, Events *events)
{
  events->disconnected++;
  g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
}

static void
on_reconnected (JcClient *client, Events *events)
{
  events->reconnected++;
  events->reconnected_at = g_get_monotonic_time ();
}

static void
on_closed (JcClient *client, GError *error, Events *events)
{
  events->closed++;
  g_clear_error (&events->closed_error);
  events->closed_error = g_error_copy (error);
}

static void
on_session_closed (JcSession *session, GError *error, Events *events)
{
  events->session_closed++;
  g_clear_error (&events->session_error);
  events->session_error = g_error_copy (error);
}

static void
events_clear (Events *events)
{
  g_clear_error (&events->closed_error);
  g_clear_error (&events->session_error);
}

static JcClient *
connect_watched (const char *uri, Events *events)
{
  g_autoptr (GError) error = NULL;
  JcClient *client = jc_test_connect (uri, &error);

  g_assert_no_error (error);
  g_signal_connect (client, "disconnected", G_CALLBACK (on_disconnected), events);
  g_signal_connect (client, "reconnected", G_CALLBACK (on_reconnected), events);
  g_signal_connect (client, "closed", G_CALLBACK (on_closed), events);
  return client;
}

static void
break_link (JcClient *client)
{
  JcTransport *transport = jc_client_get_transport (client);

  if (JC_IS_UNIX_TRANSPORT (transport))
    jc_unix_transport_break (transport);
  else
    jc_websocket_transport_break (transport);
}

/* The link drops under a live session with an attached handle: the client
 * reconnects, claims the session, and the same handle works again. */
static void
test_survives (gconstpointer data)
{
  const char *uri = g_str_equal (data, "unix") ? jc_local_janus_get_unix_uri (janus) : jc_local_janus_get_ws_uri (janus);
  Events events = { 0 };
  g_autoptr (JcClient) client = connect_watched (uri, &events);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (JsonObject) data_reply = NULL;
  g_autoptr (JsonObject) body = jc_test_json ("{\"audio\": true}");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;
  guint64 session_id, handle_id;
  gint64 broken_at;

  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_signal_connect (session, "closed", G_CALLBACK (on_session_closed), &events);
  handle = jc_test_attach (session, "janus.plugin.echotest", &error);
  g_assert_no_error (error);
  session_id = jc_session_get_id (session);
  handle_id = jc_handle_get_id (handle);

  /* A request in flight when the link drops fails cleanly; it is not
   * re-sent. */
  jc_handle_send_async (handle, body, NULL, JC_TIMEOUT_DEFAULT, NULL, jc_test_store_result, &slot);
  broken_at = g_get_monotonic_time ();
  break_link (client);
  result = jc_test_wait_result (&slot);
  data_reply = jc_handle_send_finish (handle, result, NULL, &error);
  g_assert_null (data_reply);
  g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
  g_clear_error (&error);
  g_clear_object (&result);

  JC_TEST_WAIT_UNTIL (events.reconnected == 1);
  g_test_message ("%s: link dropped → reconnected in %.1f ms", (const char *) data,
                  (double) (events.reconnected_at - broken_at) / 1000.0);
  g_assert_cmpuint (events.disconnected, ==, 1);
  g_assert_cmpuint (events.closed, ==, 0);
  g_assert_cmpuint (events.session_closed, ==, 0);
  g_assert_true (jc_client_is_connected (client));

  /* Same objects, same ids, and Janus still knows them. */
  g_assert_true (jc_session_is_alive (session));
  g_assert_cmpuint (jc_session_get_id (session), ==, session_id);
  g_assert_true (jc_handle_is_attached (handle));
  g_assert_cmpuint (jc_handle_get_id (handle), ==, handle_id);
  g_clear_pointer (&data_reply, json_object_unref);
  data_reply = jc_test_send (handle, "{\"audio\": true}", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (data_reply, "result")), ==, "ok");

  g_assert_true (jc_test_destroy (session, &error));
  g_assert_no_error (error);
  events_clear (&events);
}

/* A Janus that does not keep sessions (reclaim_session_timeout 0): the
 * link comes back, the claim fails, and the application is told why. */
static void
test_no_reclaim (void)
{
  g_autoptr (JcLocalJanus) forgetful = jc_local_janus_new ();
  Events events = { 0 };
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (GError) error = NULL;

  jc_local_janus_set_network (forgetful, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  g_assert_true (jc_local_janus_start (forgetful, 15000, &error));
  g_assert_no_error (error);
  client = connect_watched (jc_local_janus_get_ws_uri (forgetful), &events);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_signal_connect (session, "closed", G_CALLBACK (on_session_closed), &events);

  break_link (client);
  JC_TEST_WAIT_UNTIL (events.reconnected == 1);
  g_assert_cmpuint (events.session_closed, ==, 1);
  g_assert_error (events.session_error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND);
  g_assert_nonnull (strstr (events.session_error->message, "reclaim_session_timeout"));
  g_assert_false (jc_session_is_alive (session));
  events_clear (&events);
}

/* Janus restarted: the link comes back, but the claim fails with 458 and
 * the application is told through the session; nothing hangs. */
static void
test_janus_restarted (void)
{
  Events events = { 0 };
  g_autoptr (JcClient) client = connect_watched (jc_local_janus_get_ws_uri (janus), &events);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcSession) fresh = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (GError) error = NULL;

  jc_client_set_reconnect_backoff (client, 50, 500, 0);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_signal_connect (session, "closed", G_CALLBACK (on_session_closed), &events);
  handle = jc_test_attach (session, "janus.plugin.echotest", &error);
  g_assert_no_error (error);

  jc_local_janus_restart (janus, 15000, &error);
  g_assert_no_error (error);

  JC_TEST_WAIT_UNTIL (events.reconnected == 1);
  g_assert_cmpuint (events.disconnected, ==, 1);
  g_assert_cmpuint (events.session_closed, ==, 1);
  g_assert_error (events.session_error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND);
  g_assert_nonnull (strstr (events.session_error->message, "claim"));
  g_assert_false (jc_session_is_alive (session));
  g_assert_false (jc_handle_is_attached (handle));
  g_assert_cmpuint (events.closed, ==, 0);

  /* The client itself works on. */
  fresh = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_assert_true (jc_test_destroy (fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jc_client_get_pending_count (client), ==, 0);
  events_clear (&events);
}

/* Nobody to reconnect to: after the last attempt the client closes with
 * the cause, and every session is told. */
static void
test_gives_up (void)
{
  g_autoptr (JcLocalJanus) lonely = jc_local_janus_new ();
  Events events = { 0 };
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (GError) error = NULL;

  jc_local_janus_set_network (lonely, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  g_assert_true (jc_local_janus_start (lonely, 15000, &error));
  g_assert_no_error (error);
  client = connect_watched (jc_local_janus_get_ws_uri (lonely), &events);
  jc_client_set_reconnect_backoff (client, 20, 80, 3);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_signal_connect (session, "closed", G_CALLBACK (on_session_closed), &events);

  jc_local_janus_stop (lonely);
  JC_TEST_WAIT_UNTIL (events.closed == 1);
  g_assert_cmpuint (events.disconnected, ==, 1);
  g_assert_cmpuint (events.reconnected, ==, 0);
  g_assert_error (events.closed_error, JC_ERROR, JC_ERROR_CLOSED);
  g_assert_nonnull (strstr (events.closed_error->message, "Gave up"));
  g_assert_cmpuint (events.session_closed, ==, 1);
  g_assert_false (jc_session_is_alive (session));
  g_assert_false (jc_client_is_connected (client));
  events_clear (&events);
}

/* Reconnection turned off: the first drop closes the client. */
static void
test_disabled (void)
{
  Events events = { 0 };
  g_autoptr (JcClient) client = connect_watched (jc_local_janus_get_ws_uri (janus), &events);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (GError) error = NULL;

  jc_client_set_reconnect (client, FALSE);
  g_assert_false (jc_client_get_reconnect (client));
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_signal_connect (session, "closed", G_CALLBACK (on_session_closed), &events);

  break_link (client);
  JC_TEST_WAIT_UNTIL (events.closed == 1);
  g_assert_cmpuint (events.disconnected, ==, 0);
  g_assert_cmpuint (events.session_closed, ==, 1);
  g_assert_false (jc_session_is_alive (session));
  events_clear (&events);
}

/* jc_client_close () while reconnecting stops the attempts and closes. */
static void
test_close_while_reconnecting (void)
{
  g_autoptr (JcLocalJanus) lonely = jc_local_janus_new ();
  Events events = { 0 };
  g_autoptr (JcClient) client = NULL;
  g_autoptr (GError) error = NULL;

  jc_local_janus_set_network (lonely, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  g_assert_true (jc_local_janus_start (lonely, 15000, &error));
  g_assert_no_error (error);
  client = connect_watched (jc_local_janus_get_ws_uri (lonely), &events);
  jc_client_set_reconnect_backoff (client, 5000, 5000, 0);

  jc_local_janus_stop (lonely);
  JC_TEST_WAIT_UNTIL (events.disconnected == 1);
  jc_client_close (client);
  g_assert_cmpuint (events.closed, ==, 1);
  g_assert_false (jc_client_is_connected (client));
  events_clear (&events);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_reclaim_session_timeout (janus, 20);
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);

  g_test_add_data_func ("/reconnect/ws/survives", "ws", test_survives);
  g_test_add_data_func ("/reconnect/unix/survives", "unix", test_survives);
  g_test_add_func ("/reconnect/disabled", test_disabled);
  g_test_add_func ("/reconnect/close-while-reconnecting", test_close_while_reconnecting);
  g_test_add_func ("/reconnect/gives-up", test_gives_up);
  g_test_add_func ("/reconnect/janus-restarted", test_janus_restarted);
  g_test_add_func ("/reconnect/no-reclaim", test_no_reclaim);

  ret = g_test_run ();
  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  return ret;
}

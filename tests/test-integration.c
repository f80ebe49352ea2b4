/* test-integration.c: the core API against a real, private Janus
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-local-janus.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;       /* the shared server, default settings */
static JcLocalJanus *short_janus; /* session_timeout = 3 s */

static JcLocalJanus *
start_janus (guint session_timeout)
{
  g_autoptr (JcLocalJanus) server = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;

  /* Signalling only: loopback is enough and needs no privileges. */
  jc_local_janus_set_network (server, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_session_timeout (server, session_timeout);
  if (!jc_local_janus_start (server, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);
  return g_steal_pointer (&server);
}

/* The transport under test: "ws", "http" or "unix". */
static const char *transport = "ws";

static const char *
uri_of (JcLocalJanus *server)
{
  if (g_str_equal (transport, "http"))
    return jc_local_janus_get_http_uri (server);
  if (g_str_equal (transport, "unix"))
    return jc_local_janus_get_unix_uri (server);
  return jc_local_janus_get_ws_uri (server);
}

static JcClient *
connect_to (JcLocalJanus *server)
{
  g_autoptr (GError) error = NULL;
  JcClient *client = jc_test_connect (uri_of (server), &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

static void
test_info (void)
{
  g_autoptr (JcClient) client = connect_to (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;
  JsonNode *version;
  JsonNode *plugins;

  jc_client_info_async (client, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  info = jc_client_info_finish (client, result, &error);
  g_assert_no_error (error);

  version = json_object_get_member (info, "version");
  g_assert_nonnull (version);
  g_assert_cmpint (json_node_get_int (version), ==, 1102);
  g_assert_false (json_object_has_member (info, "transaction"));
  plugins = json_object_get_member (info, "plugins");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (plugins));
  g_assert_true (json_object_has_member (json_node_get_object (plugins), "janus.plugin.echotest"));
  g_assert_true (json_object_has_member (json_node_get_object (plugins), "janus.plugin.videoroom"));

  /* The client fetched the info on connect and derived its keepalive. */
  g_assert_nonnull (jc_client_get_server_info (client));
}

static void
test_ping (void)
{
  g_autoptr (JcClient) client = connect_to (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;

  jc_client_ping_async (client, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_client_ping_finish (client, result, &error));
  g_assert_no_error (error);
}

static void
test_echotest_roundtrip (void)
{
  g_autoptr (JcClient) client = connect_to (janus);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (JsonObject) data = NULL;
  g_autoptr (JsonObject) jsep = NULL;
  g_autoptr (GError) error = NULL;

  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jc_session_get_id (session), >, 0);

  handle = jc_test_attach (session, "janus.plugin.echotest", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jc_handle_get_id (handle), >, 0);
  g_assert_true (jc_session_lookup_handle (session, jc_handle_get_id (handle)) == handle);

  /* EchoTest answers asynchronously: ack, then an event. */
  data = jc_test_send (handle, "{\"audio\": true, \"video\": false, \"bitrate\": 128000}", &jsep, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (data, "echotest")), ==, "event");
  g_assert_cmpstr (json_node_get_string (json_object_get_member (data, "result")), ==, "ok");
  g_assert_null (jsep);

  g_assert_true (jc_test_detach (handle, &error));
  g_assert_no_error (error);
  g_assert_false (jc_handle_is_attached (handle));

  g_assert_true (jc_test_destroy (session, &error));
  g_assert_no_error (error);
  g_assert_false (jc_session_is_alive (session));
  g_assert_cmpuint (jc_client_get_pending_count (client), ==, 0);
}

static void
test_plugin_error (void)
{
  g_autoptr (JcClient) client = connect_to (janus);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (JsonObject) data = NULL;
  g_autoptr (GError) error = NULL;

  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  handle = jc_test_attach (session, "janus.plugin.videoroom", &error);
  g_assert_no_error (error);

  /* A synchronous VideoRoom request about a room that does not exist. */
  data = jc_test_send (handle, "{\"request\": \"destroy\", \"room\": 987654321}", NULL, &error);
  g_assert_null (data);
  g_assert_error (error, JC_PLUGIN_ERROR, 426);
  g_assert_nonnull (strstr (error->message, "janus.plugin.videoroom"));
  g_clear_error (&error);

  g_assert_true (jc_test_destroy (session, &error));
  g_assert_no_error (error);
}

static void
test_attach_unknown_plugin (void)
{
  g_autoptr (JcClient) client = connect_to (janus);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (GError) error = NULL;

  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);

  handle = jc_test_attach (session, "janus.plugin.doesnotexist", &error);
  g_assert_null (handle);
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_PLUGIN_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "attach"));
  g_clear_error (&error);

  /* The session is unaffected. */
  handle = jc_test_attach (session, "janus.plugin.echotest", &error);
  g_assert_no_error (error);
  g_assert_true (jc_test_destroy (session, &error));
  g_assert_no_error (error);
}

static void
test_unknown_session (void)
{
  g_autoptr (JcClient) client = connect_to (janus);
  g_autoptr (JsonObject) request = jc_test_json ("{\"janus\": \"keepalive\", \"session_id\": 12345}");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;

  jc_client_request_async (client, request, JC_TIMEOUT_DEFAULT, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  reply = jc_client_request_finish (client, result, &error);
  g_assert_null (reply);
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "458"));
  g_assert_nonnull (strstr (error->message, "keepalive on session 12345"));
}

static void
on_timeout_signal (JcSession *session, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
on_detached_signal (JcHandle *handle, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_session_timeout (void)
{
  g_autoptr (JcClient) client = connect_to (short_janus);
  g_autoptr (JcSession) kept = NULL;
  g_autoptr (JcSession) left = NULL;
  g_autoptr (JcHandle) left_handle = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;
  guint kept_timeouts = 0, left_timeouts = 0, detached = 0;
  gint64 start;

  /* session-timeout 3 s → keepalives every 1.5 s (over HTTP too: a
   * long-poll refreshes the session only when it starts). */
  g_assert_cmpuint (jc_client_get_keepalive_interval (client), ==, 0);
  kept = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jc_session_get_keepalive_interval (kept), ==, 1500);

  left = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  jc_session_set_keepalive_interval (left, 0);
  left_handle = jc_test_attach (left, "janus.plugin.echotest", &error);
  g_assert_no_error (error);

  g_signal_connect (kept, "timeout", G_CALLBACK (on_timeout_signal), &kept_timeouts);
  g_signal_connect (left, "timeout", G_CALLBACK (on_timeout_signal), &left_timeouts);
  g_signal_connect (left_handle, "detached", G_CALLBACK (on_detached_signal), &detached);

  start = g_get_monotonic_time ();
  JC_TEST_WAIT_UNTIL_TIMEOUT (left_timeouts == 1, 20);
  /* Janus checks session timeouts every couple of seconds. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_USEC_PER_SEC);
  g_assert_false (jc_session_is_alive (left));
  g_assert_false (jc_handle_is_attached (left_handle));
  g_assert_cmpuint (detached, ==, 1);

  /* Past another full session timeout, the kept session still answers. */
  jc_test_run_for (4000);
  g_assert_cmpuint (kept_timeouts, ==, 0);
  g_assert_true (jc_session_is_alive (kept));
  jc_session_keepalive_async (kept, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_session_keepalive_finish (kept, result, &error));
  g_assert_no_error (error);

  g_assert_true (jc_test_destroy (kept, &error));
  g_assert_no_error (error);
}

/* 10 sessions × 5 handles at once on one client. */

#define N_SESSIONS 10
#define N_HANDLES 5

typedef struct
{
  JcSession *session;
  JcHandle *handles[N_HANDLES];
  guint n_attached;
  guint n_answered;
  guint n_detached;
  gboolean destroyed;
  GError *error;
} Worker;

static void worker_fail (Worker *worker, GError *error);

static void
worker_fail (Worker *worker, GError *error)
{
  if (worker->error == NULL)
    worker->error = error;
  else
    g_error_free (error);
}

static void
on_worker_destroyed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Worker *worker = user_data;
  GError *error = NULL;

  if (!jc_session_destroy_finish (JC_SESSION (source), result, &error))
    worker_fail (worker, error);
  worker->destroyed = TRUE;
}

static void
on_worker_detached (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Worker *worker = user_data;
  GError *error = NULL;

  if (!jc_handle_detach_finish (JC_HANDLE (source), result, &error))
    worker_fail (worker, error);
  if (++worker->n_detached == N_HANDLES)
    jc_session_destroy_async (worker->session, NULL, on_worker_destroyed, worker);
}

static void
on_worker_answer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Worker *worker = user_data;
  GError *error = NULL;
  g_autoptr (JsonObject) data = jc_handle_send_finish (JC_HANDLE (source), result, NULL, &error);

  if (data == NULL)
    worker_fail (worker, error);
  else if (g_strcmp0 (json_node_get_string (json_object_get_member (data, "result")), "ok") != 0)
    worker_fail (worker, g_error_new (JC_ERROR, JC_ERROR_FAILED, "unexpected answer"));
  if (++worker->n_answered == N_HANDLES)
    for (guint i = 0; i < N_HANDLES; i++)
      jc_handle_detach_async (worker->handles[i], NULL, on_worker_detached, worker);
}

static void
on_worker_attached (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Worker *worker = user_data;
  GError *error = NULL;
  JcHandle *handle = jc_session_attach_finish (JC_SESSION (source), result, &error);
  g_autoptr (JsonObject) body = NULL;

  if (handle == NULL)
    {
      worker_fail (worker, error);
      worker->destroyed = TRUE;
      return;
    }
  worker->handles[worker->n_attached++] = handle;
  body = jc_test_json ("{\"audio\": true}");
  jc_handle_send_async (handle, body, NULL, JC_TIMEOUT_DEFAULT, NULL, on_worker_answer, worker);
}

static void
on_worker_created (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Worker *worker = user_data;
  GError *error = NULL;

  worker->session = jc_client_create_session_finish (JC_CLIENT (source), result, &error);
  if (worker->session == NULL)
    {
      worker_fail (worker, error);
      worker->destroyed = TRUE;
      return;
    }
  for (guint i = 0; i < N_HANDLES; i++)
    jc_session_attach_async (worker->session, "janus.plugin.echotest", NULL, NULL, on_worker_attached, worker);
}

static gboolean
all_destroyed (Worker *workers)
{
  for (guint i = 0; i < N_SESSIONS; i++)
    if (!workers[i].destroyed)
      return FALSE;
  return TRUE;
}

static void
test_concurrent (void)
{
  g_autoptr (JcClient) client = connect_to (janus);
  Worker workers[N_SESSIONS] = { 0 };

  for (guint i = 0; i < N_SESSIONS; i++)
    jc_client_create_session_async (client, 0, NULL, on_worker_created, &workers[i]);
  JC_TEST_WAIT_UNTIL_TIMEOUT (all_destroyed (workers), 30);

  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_assert_no_error (workers[i].error);
      g_assert_cmpuint (workers[i].n_answered, ==, N_HANDLES);
      g_assert_cmpuint (workers[i].n_detached, ==, N_HANDLES);
      g_assert_false (jc_session_is_alive (workers[i].session));
      for (guint j = 0; j < N_HANDLES; j++)
        g_object_unref (workers[i].handles[j]);
      g_object_unref (workers[i].session);
    }
  g_assert_cmpuint (jc_client_get_pending_count (client), ==, 0);
}

static void
test_client_chosen_id (void)
{
  g_autoptr (JcClient) client = connect_to (janus);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcSession) twin = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;
  guint64 id = 4242000000 + g_random_int_range (0, 1000000);

  jc_client_create_session_async (client, id, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  session = jc_client_create_session_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jc_session_get_id (session), ==, id);
  g_clear_object (&result);

  /* The same id twice is a conflict. */
  jc_client_create_session_async (client, id, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  twin = jc_client_create_session_finish (client, result, &error);
  g_assert_null (twin);
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_CONFLICT);
  g_clear_error (&error);

  g_assert_true (jc_test_destroy (session, &error));
  g_assert_no_error (error);
}

static GHashTable *test_funcs; /* path → GTestFunc */

static void
run_on_transport (gconstpointer data)
{
  GTestFunc func = g_hash_table_lookup (test_funcs, g_test_get_path ());

  transport = data;
  func ();
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  test_funcs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  janus = start_janus (60);
  short_janus = start_janus (3);

  {
    static const char *const transports[] = { "ws", "http", "unix" };
    static const struct
    {
      const char *name;
      GTestFunc func;
    } tests[] = {
      { "info", test_info },
      { "ping", test_ping },
      { "echotest/roundtrip", test_echotest_roundtrip },
      { "plugin-error", test_plugin_error },
      { "attach/unknown-plugin", test_attach_unknown_plugin },
      { "unknown-session", test_unknown_session },
      { "session/client-chosen-id", test_client_chosen_id },
      { "session/timeout", test_session_timeout },
      { "concurrent/10x5", test_concurrent },
    };

    for (gsize t = 0; t < G_N_ELEMENTS (transports); t++)
      for (gsize i = 0; i < G_N_ELEMENTS (tests); i++)
        {
          g_autofree char *path = g_strdup_printf ("/integration/%s/%s", transports[t], tests[i].name);

          g_test_add_data_func (path, transports[t], run_on_transport);
          g_hash_table_insert (test_funcs, g_strdup (path), tests[i].func);
        }
  }

  ret = g_test_run ();

  jc_local_janus_stop (short_janus);
  jc_local_janus_stop (janus);
  g_clear_object (&short_janus);
  g_clear_object (&janus);
  g_hash_table_unref (test_funcs);
  return ret;
}

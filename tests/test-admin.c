/* test-admin.c: JcAdmin and `janus-client admin` against a real, private
 * Janus (and a fake one for answers of the wrong shape)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every Admin API request runs at least once with its effect checked.
 * One Janus (default settings) serves most tests; a second one with
 * token_auth serves the token tests. Signalling only: loopback.
 */
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "fake-janus.h"
#include "jc-local-janus.h"
#include "jc-test-util.h"

#define START_TIMEOUT_MS 15000

static JcLocalJanus *janus;       /* (owned) default settings */
static JcLocalJanus *token_janus; /* (owned) (nullable) token_auth, started on first use */
static const char *cli_path;      /* (unowned) from JANUS_CLIENT_CLI */

/* Blocking on async calls: pass STORE as callback and user data, then
 * RUN (…) returns the GAsyncResult. */
static GAsyncResult *slot;
#define STORE jc_test_store_result, &slot
#define RUN(call) (call, jc_test_wait_result (&slot))

static JcLocalJanus *
start_janus (gboolean token_auth)
{
  g_autoptr (JcLocalJanus) server = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;

  jc_local_janus_set_network (server, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_token_auth (server, token_auth);
  if (!jc_local_janus_start (server, START_TIMEOUT_MS, &error))
    g_error ("Cannot start a private Janus: %s", error->message);
  return g_steal_pointer (&server);
}

static JcLocalJanus *
get_token_janus (void)
{
  if (token_janus == NULL)
    token_janus = start_janus (TRUE);
  return token_janus;
}

static JcAdmin *
admin_connect_uri (const char *uri, const char *secret, GError **error)
{
  g_autoptr (JcAdmin) admin = jc_admin_new_for_uri (uri, secret, error);
  g_autoptr (GAsyncResult) result = NULL;

  if (admin == NULL)
    return NULL;
  result = RUN (jc_admin_connect_async (admin, NULL, STORE));
  if (!jc_admin_connect_finish (admin, result, error))
    return NULL;
  return g_steal_pointer (&admin);
}

static JcAdmin *
admin_for (JcLocalJanus *server)
{
  g_autoptr (GError) error = NULL;
  JcAdmin *admin = admin_connect_uri (jc_local_janus_get_admin_ws_uri (server),
                                      jc_local_janus_get_admin_secret (server), &error);

  g_assert_no_error (error);
  g_assert_nonnull (admin);
  g_assert_true (jc_admin_is_connected (admin));
  return admin;
}

static JcClient *
client_for (JcLocalJanus *server, const char *token)
{
  g_autoptr (JcClient) client = jc_client_new_for_uri (jc_local_janus_get_ws_uri (server), NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (client);
  jc_client_set_token (client, token);
  result = RUN (jc_client_connect_async (client, NULL, STORE));
  g_assert_true (jc_client_connect_finish (client, result, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&client);
}

static gboolean
ids_contain (GArray *ids, guint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, guint64, i) == id)
      return TRUE;
  return FALSE;
}

static JsonObject *
get_status (JcAdmin *admin)
{
  g_autoptr (GAsyncResult) result = RUN (jc_admin_get_status_async (admin, NULL, STORE));
  g_autoptr (GError) error = NULL;
  JsonObject *status = jc_admin_get_status_finish (admin, result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (status);
  return status;
}

static JsonNode *
status_member (JcAdmin *admin, const char *member)
{
  g_autoptr (JsonObject) status = get_status (admin);
  JsonNode *node = json_object_get_member (status, member);

  g_assert_nonnull (node);
  return json_node_copy (node);
}

static gint64
status_int (JcAdmin *admin, const char *member)
{
  g_autoptr (JsonNode) node = status_member (admin, member);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

static gboolean
status_bool (JcAdmin *admin, const char *member)
{
  g_autoptr (JsonNode) node = status_member (admin, member);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  return json_node_get_boolean (node);
}

/* A session with one EchoTest handle, made by an ordinary client. */
typedef struct
{
  JcClient *client;
  JcSession *session;
  JcHandle *handle;
  guint64 session_id;
  guint64 handle_id;
} Peer;

static void
peer_open (Peer *peer, JcLocalJanus *server)
{
  g_autoptr (GError) error = NULL;

  peer->client = client_for (server, NULL);
  peer->session = jc_test_create_session (peer->client, &error);
  g_assert_no_error (error);
  peer->handle = jc_test_attach (peer->session, "janus.plugin.echotest", &error);
  g_assert_no_error (error);
  peer->session_id = jc_session_get_id (peer->session);
  peer->handle_id = jc_handle_get_id (peer->handle);
}

static void
peer_close (Peer *peer)
{
  if (peer->session != NULL && jc_session_is_alive (peer->session))
    {
      g_autoptr (GError) error = NULL;

      if (!jc_test_destroy (peer->session, &error))
        g_test_message ("destroying the test session: %s", error->message);
    }
  g_clear_object (&peer->handle);
  g_clear_object (&peer->session);
  if (peer->client != NULL)
    jc_client_close (peer->client);
  g_clear_object (&peer->client);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Peer, peer_close)

/* Construction and connection */

static void
test_info_ping (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (jc_admin_get_uri (admin), ==, jc_local_janus_get_admin_ws_uri (janus));
  g_assert_true (JC_IS_CLIENT (jc_admin_get_client (admin)));

  result = RUN (jc_admin_info_async (admin, NULL, STORE));
  info = jc_admin_info_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_int (json_object_get_member (info, "version")), ==, 1102);
  g_assert_false (json_object_has_member (info, "transaction"));
  g_clear_object (&result);

  result = RUN (jc_admin_ping_async (admin, NULL, STORE));
  g_assert_true (jc_admin_ping_finish (admin, result, &error));
  g_assert_no_error (error);
}

static void
test_wrong_secret (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcAdmin) admin =
      admin_connect_uri (jc_local_janus_get_admin_ws_uri (janus), "not-the-secret", &error);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GArray) ids = NULL;

  /* Janus answers info without the secret, so connecting works… */
  g_assert_no_error (error);
  g_assert_nonnull (admin);
  /* …and the first request that needs it fails. */
  result = RUN (jc_admin_list_sessions_async (admin, NULL, STORE));
  ids = jc_admin_list_sessions_finish (admin, result, &error);
  g_assert_null (ids);
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "list_sessions"));
  g_clear_error (&error);
  g_clear_object (&result);

  /* No secret at all: the same. */
  g_clear_object (&admin);
  admin = admin_connect_uri (jc_local_janus_get_admin_ws_uri (janus), NULL, &error);
  g_assert_no_error (error);
  result = RUN (jc_admin_get_status_async (admin, NULL, STORE));
  g_assert_null (jc_admin_get_status_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNAUTHORIZED);
}

static void
test_bad_uri (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcAdmin) admin = jc_admin_new_for_uri ("ftp://127.0.0.1/admin", "x", &error);

  g_assert_null (admin);
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
}

/* The same requests over the other transports, when the client has them. */
static void
test_transport (gconstpointer data)
{
  const char *which = data;
  const char *uri = g_str_equal (which, "http") ? jc_local_janus_get_admin_http_uri (janus)
                                                : jc_local_janus_get_admin_unix_uri (janus);
  g_autoptr (GError) error = NULL;
  g_autoptr (JcAdmin) admin = jc_admin_new_for_uri (uri, jc_local_janus_get_admin_secret (janus), &error);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GArray) ids = NULL;
  g_auto (Peer) peer = { 0 };

  if (admin == NULL && g_error_matches (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT))
    {
      g_autofree char *why = g_strdup_printf ("no %s transport in the client yet: %s", which, error->message);

      g_test_skip (why);
      return;
    }
  g_assert_no_error (error);
  result = RUN (jc_admin_connect_async (admin, NULL, STORE));
  g_assert_true (jc_admin_connect_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  peer_open (&peer, janus);
  result = RUN (jc_admin_list_sessions_async (admin, NULL, STORE));
  ids = jc_admin_list_sessions_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_true (ids_contain (ids, peer.session_id));
  g_clear_pointer (&ids, g_array_unref);
  g_clear_object (&result);

  /* Session and handle requests too (over HTTP they name /admin/S/H). */
  result = RUN (jc_admin_list_handles_async (admin, peer.session_id, NULL, STORE));
  ids = jc_admin_list_handles_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_true (ids_contain (ids, peer.handle_id));
  jc_admin_close (admin);
}

/* Server-wide settings */

static void
test_log_level (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 before = status_int (admin, "log_level");
  guint other = before == 5 ? 6 : 5;

  result = RUN (jc_admin_set_log_level_async (admin, other, NULL, STORE));
  g_assert_true (jc_admin_set_log_level_finish (admin, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_int (admin, "log_level"), ==, other);
  g_clear_object (&result);

  /* Out of range: Janus refuses, nothing changes. */
  result = RUN (jc_admin_set_log_level_async (admin, 8, NULL, STORE));
  g_assert_false (jc_admin_set_log_level_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_INVALID_ELEMENT_TYPE);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpint (status_int (admin, "log_level"), ==, other);

  result = RUN (jc_admin_set_log_level_async (admin, (guint) before, NULL, STORE));
  g_assert_true (jc_admin_set_log_level_finish (admin, result, &error));
  g_assert_cmpint (status_int (admin, "log_level"), ==, before);
}

/* One setting: how to set it, how get_status shows it. */
typedef struct
{
  const char *name;
  const char *status_member;
  gboolean is_bool;
  void (*set_bool) (JcAdmin *, gboolean, GCancellable *, GAsyncReadyCallback, gpointer);
  void (*set_uint) (JcAdmin *, guint, GCancellable *, GAsyncReadyCallback, gpointer);
  gboolean (*finish) (JcAdmin *, GAsyncResult *, GError **);
} Setting;

static const Setting settings[] = {
  { "session-timeout", "session_timeout", FALSE, NULL, jc_admin_set_session_timeout_async,
    jc_admin_set_session_timeout_finish },
  { "locking-debug", "locking_debug", TRUE, jc_admin_set_locking_debug_async, NULL,
    jc_admin_set_locking_debug_finish },
  { "refcount-debug", "refcount_debug", TRUE, jc_admin_set_refcount_debug_async, NULL,
    jc_admin_set_refcount_debug_finish },
  { "log-timestamps", "log_timestamps", TRUE, jc_admin_set_log_timestamps_async, NULL,
    jc_admin_set_log_timestamps_finish },
  { "log-colors", "log_colors", TRUE, jc_admin_set_log_colors_async, NULL, jc_admin_set_log_colors_finish },
  { "libnice-debug", "libnice_debug", TRUE, jc_admin_set_libnice_debug_async, NULL,
    jc_admin_set_libnice_debug_finish },
  { "min-nack-queue", "min_nack_queue", FALSE, NULL, jc_admin_set_min_nack_queue_async,
    jc_admin_set_min_nack_queue_finish },
  { "nack-optimizations", "nack-optimizations", TRUE, jc_admin_set_nack_optimizations_async, NULL,
    jc_admin_set_nack_optimizations_finish },
  { "no-media-timer", "no_media_timer", FALSE, NULL, jc_admin_set_no_media_timer_async,
    jc_admin_set_no_media_timer_finish },
  { "slowlink-threshold", "slowlink_threshold", FALSE, NULL, jc_admin_set_slowlink_threshold_async,
    jc_admin_set_slowlink_threshold_finish },
};

static void
apply_setting (JcAdmin *admin, const Setting *setting, gint64 value)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  if (setting->is_bool)
    result = RUN (setting->set_bool (admin, value != 0, NULL, STORE));
  else
    result = RUN (setting->set_uint (admin, (guint) value, NULL, STORE));
  g_assert_true (setting->finish (admin, result, &error));
  g_assert_no_error (error);
}

static void
test_setting (gconstpointer data)
{
  const Setting *setting = data;
  g_autoptr (JcAdmin) admin = admin_for (janus);
  gint64 before, other;

  if (setting->is_bool)
    {
      before = status_bool (admin, setting->status_member);
      other = !before;
      apply_setting (admin, setting, other);
      g_assert_cmpint (status_bool (admin, setting->status_member), ==, other);
      apply_setting (admin, setting, before);
      g_assert_cmpint (status_bool (admin, setting->status_member), ==, before);
    }
  else
    {
      before = status_int (admin, setting->status_member);
      other = before + 7;
      apply_setting (admin, setting, other);
      g_assert_cmpint (status_int (admin, setting->status_member), ==, other);
      apply_setting (admin, setting, before);
      g_assert_cmpint (status_int (admin, setting->status_member), ==, before);
    }
}

static void
test_accept_new_sessions (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (JcClient) client = client_for (janus, NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (GError) error = NULL;

  result = RUN (jc_admin_accept_new_sessions_async (admin, FALSE, NULL, STORE));
  g_assert_true (jc_admin_accept_new_sessions_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  session = jc_test_create_session (client, &error);
  g_assert_null (session);
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_NOT_ACCEPTING_SESSIONS);
  g_clear_error (&error);

  result = RUN (jc_admin_accept_new_sessions_async (admin, TRUE, NULL, STORE));
  g_assert_true (jc_admin_accept_new_sessions_finish (admin, result, &error));
  g_assert_no_error (error);

  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_true (jc_test_destroy (session, &error));
  jc_client_close (client);
}

static void
test_loops_info (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = RUN (jc_admin_loops_info_async (admin, NULL, STORE));
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) loops = jc_admin_loops_info_finish (admin, result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loops);
  /* The private Janus runs no static event loops. */
  g_assert_cmpuint (json_array_get_length (loops), ==, 0);
}

/* Sessions and handles */

static void
test_sessions_handles (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Peer) peer = { 0 };

  peer_open (&peer, janus);

  result = RUN (jc_admin_list_sessions_async (admin, NULL, STORE));
  ids = jc_admin_list_sessions_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_true (ids_contain (ids, peer.session_id));
  g_clear_pointer (&ids, g_array_unref);
  g_clear_object (&result);

  result = RUN (jc_admin_list_handles_async (admin, peer.session_id, NULL, STORE));
  ids = jc_admin_list_handles_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpuint (g_array_index (ids, guint64, 0), ==, peer.handle_id);
  g_clear_pointer (&ids, g_array_unref);
  g_clear_object (&result);

  /* A plain handle: plugin known, no PeerConnection yet. */
  result = RUN (jc_admin_handle_info_async (admin, peer.session_id, peer.handle_id, FALSE, NULL, STORE));
  info = jc_admin_handle_info_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (info, "plugin")), ==, "janus.plugin.echotest");
  g_assert_cmpint (json_node_get_int (json_object_get_member (info, "session_id")), ==, peer.session_id);
  g_assert_cmpint (json_node_get_int (json_object_get_member (info, "handle_id")), ==, peer.handle_id);
  g_assert_true (json_object_has_member (info, "flags"));
  g_assert_false (json_object_has_member (info, "webrtc"));
  g_clear_pointer (&info, json_object_unref);
  g_clear_object (&result);

  /* plugin_only leaves the WebRTC part out. */
  result = RUN (jc_admin_handle_info_async (admin, peer.session_id, peer.handle_id, TRUE, NULL, STORE));
  info = jc_admin_handle_info_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (info, "plugin_specific"));
  g_assert_false (json_object_has_member (info, "flags"));
  g_clear_pointer (&info, json_object_unref);
  g_clear_object (&result);

  /* Unknown ids. */
  result = RUN (jc_admin_list_handles_async (admin, 4242, NULL, STORE));
  g_assert_null (jc_admin_list_handles_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);
  result = RUN (jc_admin_handle_info_async (admin, peer.session_id, 4242, FALSE, NULL, STORE));
  g_assert_null (jc_admin_handle_info_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_HANDLE_NOT_FOUND);
}

static gint64
info_session_timeout (JcAdmin *admin, Peer *peer)
{
  g_autoptr (GAsyncResult) result =
      RUN (jc_admin_handle_info_async (admin, peer->session_id, peer->handle_id, FALSE, NULL, STORE));
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) info = jc_admin_handle_info_finish (admin, result, &error);

  g_assert_no_error (error);
  return json_node_get_int (json_object_get_member (info, "session_timeout"));
}

static void
test_session_timeout_for_session (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Peer) peer = { 0 };
  gint64 global = status_int (admin, "session_timeout");

  peer_open (&peer, janus);
  g_assert_cmpint (info_session_timeout (admin, &peer), ==, global);

  result = RUN (jc_admin_set_session_timeout_for_session_async (admin, peer.session_id, 123, NULL, STORE));
  g_assert_true (jc_admin_set_session_timeout_for_session_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (info_session_timeout (admin, &peer), ==, 123);
  /* The global one did not move. */
  g_assert_cmpint (status_int (admin, "session_timeout"), ==, global);

  result = RUN (jc_admin_set_session_timeout_for_session_async (admin, peer.session_id, -1, NULL, STORE));
  g_assert_true (jc_admin_set_session_timeout_for_session_finish (admin, result, &error));
  g_assert_cmpint (info_session_timeout (admin, &peer), ==, global);
}

static void
test_pcap (gconstpointer data)
{
  gboolean text = GPOINTER_TO_INT (data);
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("test-admin-pcap-XXXXXX", &error);
  g_autofree char *path = NULL;
  const char *filename = text ? "capture.txt" : "capture.pcap";
  const char *member = text ? "text2pcap-file" : "pcap-file";
  GStatBuf st;
  g_auto (Peer) peer = { 0 };

  g_assert_no_error (error);
  path = g_build_filename (folder, filename, NULL);
  peer_open (&peer, janus);

  if (text)
    result = RUN (jc_admin_start_text2pcap_async (admin, peer.session_id, peer.handle_id, folder, filename, 0,
                                                  NULL, STORE));
  else
    result = RUN (jc_admin_start_pcap_async (admin, peer.session_id, peer.handle_id, folder, filename, 0, NULL,
                                             STORE));
  g_assert_true (text ? jc_admin_start_text2pcap_finish (admin, result, &error)
                      : jc_admin_start_pcap_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  result = RUN (jc_admin_handle_info_async (admin, peer.session_id, peer.handle_id, FALSE, NULL, STORE));
  info = jc_admin_handle_info_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_object_get_member (info, member));
  g_assert_cmpstr (json_node_get_string (json_object_get_member (info, member)), ==, path);
  g_clear_object (&result);

  /* A second start while one runs fails. */
  result = RUN (jc_admin_start_pcap_async (admin, peer.session_id, peer.handle_id, NULL, NULL, 0, NULL, STORE));
  g_assert_false (jc_admin_start_pcap_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_clear_object (&result);

  if (text)
    result = RUN (jc_admin_stop_text2pcap_async (admin, peer.session_id, peer.handle_id, NULL, STORE));
  else
    result = RUN (jc_admin_stop_pcap_async (admin, peer.session_id, peer.handle_id, NULL, STORE));
  g_assert_true (text ? jc_admin_stop_text2pcap_finish (admin, result, &error)
                      : jc_admin_stop_pcap_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* The file is there, with at least its header (pcap) once closed. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if (!text)
    g_assert_cmpint (st.st_size, >=, 24);

  /* Stopping again: nothing to stop. */
  result = RUN (jc_admin_stop_pcap_async (admin, peer.session_id, peer.handle_id, NULL, STORE));
  g_assert_false (jc_admin_stop_pcap_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNKNOWN);

  g_unlink (path);
  g_rmdir (folder);
}

static void
count_signal (gpointer instance, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
count_closed (gpointer instance, const GError *error, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_hangup_webrtc (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Peer) peer = { 0 };

  peer_open (&peer, janus);
  /* No PeerConnection to close: Janus says success all the same, and the
   * handle stays attached. */
  result = RUN (jc_admin_hangup_webrtc_async (admin, peer.session_id, peer.handle_id, NULL, STORE));
  g_assert_true (jc_admin_hangup_webrtc_finish (admin, result, &error));
  g_assert_no_error (error);
  g_assert_true (jc_handle_is_attached (peer.handle));
  g_clear_object (&result);

  result = RUN (jc_admin_hangup_webrtc_async (admin, peer.session_id, 4242, NULL, STORE));
  g_assert_false (jc_admin_hangup_webrtc_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_HANDLE_NOT_FOUND);
}

static void
test_detach_handle (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Peer) peer = { 0 };
  guint detached = 0;

  peer_open (&peer, janus);
  g_signal_connect (peer.handle, "detached", G_CALLBACK (count_signal), &detached);

  result = RUN (jc_admin_detach_handle_async (admin, peer.session_id, peer.handle_id, NULL, STORE));
  g_assert_true (jc_admin_detach_handle_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Janus tells the owner: "detached" for the handle. */
  JC_TEST_WAIT_UNTIL (detached > 0);
  g_assert_false (jc_handle_is_attached (peer.handle));

  result = RUN (jc_admin_list_handles_async (admin, peer.session_id, NULL, STORE));
  ids = jc_admin_list_handles_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_false (ids_contain (ids, peer.handle_id));
}

static void
test_destroy_session (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Peer) peer = { 0 };
  guint detached = 0, closed = 0, timeouts = 0;

  peer_open (&peer, janus);
  g_signal_connect (peer.handle, "detached", G_CALLBACK (count_signal), &detached);
  g_signal_connect (peer.session, "timeout", G_CALLBACK (count_signal), &timeouts);
  if (g_signal_lookup ("closed", JC_TYPE_SESSION) != 0)
    g_signal_connect (peer.session, "closed", G_CALLBACK (count_closed), &closed);

  result = RUN (jc_admin_destroy_session_async (admin, peer.session_id, NULL, STORE));
  g_assert_true (jc_admin_destroy_session_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* What Janus 1.1.2 tells the session's owner over WebSocket: nothing
   * (no "timeout", no "detached"). A ping on the same connection is the
   * barrier: anything Janus sent before its pong has been handled. */
  result = RUN (jc_client_ping_async (peer.client, NULL, STORE));
  g_assert_true (jc_client_ping_finish (peer.client, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (detached, ==, 0);
  g_assert_cmpuint (timeouts, ==, 0);
  g_assert_true (jc_session_is_alive (peer.session));

  result = RUN (jc_admin_list_sessions_async (admin, NULL, STORE));
  ids = jc_admin_list_sessions_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_false (ids_contain (ids, peer.session_id));
  g_clear_object (&result);

  /* The client learns at its next request on the session: 458. */
  result = RUN (jc_session_keepalive_async (peer.session, NULL, STORE));
  g_assert_false (jc_session_keepalive_finish (peer.session, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND);
  g_clear_error (&error);

  /* The session's own keepalive gets the same 458 and marks it dead, its
   * handle detached (a short interval so the test need not wait 25 s). */
  jc_session_set_keepalive_interval (peer.session, 100);
  JC_TEST_WAIT_UNTIL (!jc_session_is_alive (peer.session));
  g_assert_false (jc_handle_is_attached (peer.handle));
  g_assert_cmpuint (detached, ==, 1);
  g_assert_cmpuint (timeouts, ==, 0);
  if (g_signal_lookup ("closed", JC_TYPE_SESSION) != 0)
    g_assert_cmpuint (closed, ==, 1);

  /* Destroying it again: Janus no longer knows it. */
  g_clear_object (&result);
  result = RUN (jc_admin_destroy_session_async (admin, peer.session_id, NULL, STORE));
  g_assert_false (jc_admin_destroy_session_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND);
}

/* Plugins, transports, event handlers, loggers */

static void
test_message_plugin (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (JsonObject) request = jc_test_json ("{\"request\": \"list\"}");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) response = NULL;
  g_autoptr (GError) error = NULL;

  result = RUN (jc_admin_message_plugin_async (admin, "janus.plugin.videoroom", request, NULL, STORE));
  response = jc_admin_message_plugin_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (response, "videoroom")), ==, "success");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (response, "list")));
  g_clear_object (&result);

  result = RUN (jc_admin_message_plugin_async (admin, "janus.plugin.nope", request, NULL, STORE));
  g_assert_null (jc_admin_message_plugin_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_PLUGIN_NOT_FOUND);
}

static void
test_query_transport (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (JsonObject) request = jc_test_json ("{\"request\": \"connections\"}");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) response = NULL;
  g_autoptr (GError) error = NULL;

  result = RUN (jc_admin_query_transport_async (admin, "janus.transport.http", request, NULL, STORE));
  response = jc_admin_query_transport_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_int (json_object_get_member (response, "result")), ==, 200);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (response, "connections")));
  g_clear_object (&result);

  result = RUN (jc_admin_query_transport_async (admin, "janus.transport.nope", NULL, NULL, STORE));
  g_assert_null (jc_admin_query_transport_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_PLUGIN_NOT_FOUND);
}

/* The private Janus loads no event handler and no logger: both answer
 * "no such module". */
static void
test_query_eventhandler_logger (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (JsonObject) request = jc_test_json ("{\"request\": \"status\"}");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  result = RUN (jc_admin_query_eventhandler_async (admin, "janus.eventhandler.sampleevh", request, NULL, STORE));
  g_assert_null (jc_admin_query_eventhandler_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_PLUGIN_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "event handler"));
  g_clear_error (&error);
  g_clear_object (&result);

  result = RUN (jc_admin_query_logger_async (admin, "janus.logger.jsonlog", request, NULL, STORE));
  g_assert_null (jc_admin_query_logger_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_PLUGIN_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "logger"));
}

static gboolean
log_contains (const char *text)
{
  g_autofree char *log = NULL;

  return g_file_get_contents (jc_local_janus_get_log_path (janus), &log, NULL, NULL) && strstr (log, text) != NULL;
}

static void
test_custom_event_logline (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (JsonObject) data = jc_test_json ("{\"what\": \"test-admin\"}");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = g_strdup_printf ("test-admin custom logline %08x", g_random_int ());

  /* No event handler: Janus takes the event all the same. */
  result = RUN (jc_admin_custom_event_async (admin, "jc:test", data, NULL, STORE));
  g_assert_true (jc_admin_custom_event_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  result = RUN (jc_admin_custom_logline_async (admin, line, 4, NULL, STORE));
  g_assert_true (jc_admin_custom_logline_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  result = RUN (jc_admin_custom_logline_async (admin, "default level", -1, NULL, STORE));
  g_assert_true (jc_admin_custom_logline_finish (admin, result, &error));
  g_assert_no_error (error);

  /* The line reached Janus's log (written by its logger thread). */
  JC_TEST_WAIT_UNTIL (log_contains (line));
}

static void
test_resolve_address (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *ip = NULL;
  gint64 elapsed = -1;

  result = RUN (jc_admin_resolve_address_async (admin, "localhost", NULL, STORE));
  ip = jc_admin_resolve_address_finish (admin, result, &elapsed, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_equal (ip, "127.0.0.1") || g_str_equal (ip, "::1"));
  g_assert_cmpint (elapsed, >=, 0);
  g_clear_object (&result);

  result = RUN (jc_admin_resolve_address_async (admin, "no-such-host.invalid", NULL, STORE));
  g_assert_null (jc_admin_resolve_address_finish (admin, result, NULL, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNKNOWN);
}

static void
test_test_stun (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) silent = NULL;
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  guint16 port;
  gint64 start;

  /* A UDP port on this machine that never answers: bound, never read. */
  silent = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (silent, any, FALSE, &error));
  bound = g_socket_get_local_address (silent, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  start = g_get_monotonic_time ();
  result = RUN (jc_admin_test_stun_async (admin, "127.0.0.1", port, 0, NULL, STORE));
  g_assert_null (jc_admin_test_stun_finish (admin, result, NULL, NULL, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "STUN"));
  /* Janus gives up after its own 5 s. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
}

/* Stored tokens */

static GPtrArray *
list_tokens (JcAdmin *admin)
{
  g_autoptr (GAsyncResult) result = RUN (jc_admin_list_tokens_async (admin, NULL, STORE));
  g_autoptr (GError) error = NULL;
  GPtrArray *tokens = jc_admin_list_tokens_finish (admin, result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tokens);
  return tokens;
}

static int
compare_strings (const void *a, const void *b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The plugins @token may use as a sorted, comma-joined string; NULL when
 * list_tokens does not show it. */
static char *
token_plugins (JcAdmin *admin, const char *token)
{
  g_autoptr (GPtrArray) tokens = list_tokens (admin);

  for (guint i = 0; i < tokens->len; i++)
    {
      JcAdminToken *entry = g_ptr_array_index (tokens, i);

      if (g_str_equal (jc_admin_token_get_token (entry), token))
        {
          g_auto (GStrv) plugins = g_strdupv ((char **) jc_admin_token_get_plugins (entry));

          qsort (plugins, g_strv_length (plugins), sizeof (char *), compare_strings);
          return g_strjoinv (",", plugins);
        }
    }
  return NULL;
}

/* Attaching @plugin on a token_auth Janus with @token: 0 on success, else
 * the JC_SERVER_ERROR code of the first failing step. */
static int
attach_with_token (const char *token, const char *plugin)
{
  g_autoptr (JcClient) client = client_for (get_token_janus (), token);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (GError) error = NULL;
  int code = 0;

  session = jc_test_create_session (client, &error);
  if (session != NULL)
    handle = jc_test_attach (session, plugin, &error);
  if (error != NULL)
    {
      g_assert_true (error->domain == JC_SERVER_ERROR);
      code = error->code;
      g_clear_error (&error);
    }
  if (session != NULL && jc_session_is_alive (session) && !jc_test_destroy (session, &error))
    g_test_message ("destroying: %s", error->message);
  jc_client_close (client);
  return code;
}

static char **
finish_plugins (char **plugins, GError *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (plugins);
  return plugins;
}

static void
test_tokens (void)
{
  g_autoptr (JcAdmin) admin = admin_for (get_token_janus ());
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = g_strdup_printf ("jc-test-%08x", g_random_int ());
  g_autofree char *plugins = NULL;
  g_auto (GStrv) allowed = NULL;
  const char *echotest[] = { "janus.plugin.echotest", NULL };
  const char *videoroom[] = { "janus.plugin.videoroom", NULL };

  g_assert_true (status_bool (admin, "token_auth"));
  g_assert_null (token_plugins (admin, token));

  /* add_token for one plugin. */
  result = RUN (jc_admin_add_token_async (admin, token, echotest, NULL, STORE));
  allowed = finish_plugins (jc_admin_add_token_finish (admin, result, &error), error);
  g_assert_cmpstrv (allowed, echotest);
  g_clear_pointer (&allowed, g_strfreev);
  g_clear_object (&result);
  plugins = token_plugins (admin, token);
  g_assert_cmpstr (plugins, ==, "janus.plugin.echotest");
  g_clear_pointer (&plugins, g_free);

  /* It gates attach: echotest yes, videoroom 405, an unknown token 403. */
  g_assert_cmpint (attach_with_token (token, "janus.plugin.echotest"), ==, 0);
  g_assert_cmpint (attach_with_token (token, "janus.plugin.videoroom"), ==, JC_SERVER_ERROR_UNAUTHORIZED_PLUGIN);
  g_assert_cmpint (attach_with_token ("not-a-token", "janus.plugin.echotest"), ==, JC_SERVER_ERROR_UNAUTHORIZED);

  /* allow_token adds videoroom. */
  result = RUN (jc_admin_allow_token_async (admin, token, videoroom, NULL, STORE));
  allowed = finish_plugins (jc_admin_allow_token_finish (admin, result, &error), error);
  g_assert_cmpuint (g_strv_length (allowed), ==, 2);
  g_clear_pointer (&allowed, g_strfreev);
  g_clear_object (&result);
  plugins = token_plugins (admin, token);
  g_assert_cmpstr (plugins, ==, "janus.plugin.echotest,janus.plugin.videoroom");
  g_clear_pointer (&plugins, g_free);
  g_assert_cmpint (attach_with_token (token, "janus.plugin.videoroom"), ==, 0);

  /* disallow_token removes echotest. */
  result = RUN (jc_admin_disallow_token_async (admin, token, echotest, NULL, STORE));
  allowed = finish_plugins (jc_admin_disallow_token_finish (admin, result, &error), error);
  g_assert_cmpstrv (allowed, videoroom);
  g_clear_pointer (&allowed, g_strfreev);
  g_clear_object (&result);
  plugins = token_plugins (admin, token);
  g_assert_cmpstr (plugins, ==, "janus.plugin.videoroom");
  g_clear_pointer (&plugins, g_free);
  g_assert_cmpint (attach_with_token (token, "janus.plugin.echotest"), ==, JC_SERVER_ERROR_UNAUTHORIZED_PLUGIN);

  /* allow_token for an unknown token. */
  result = RUN (jc_admin_allow_token_async (admin, "not-a-token", videoroom, NULL, STORE));
  g_assert_null (jc_admin_allow_token_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_TOKEN_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);

  /* remove_token: gone from the list, and the token no longer opens anything. */
  result = RUN (jc_admin_remove_token_async (admin, token, NULL, STORE));
  g_assert_true (jc_admin_remove_token_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_null (token_plugins (admin, token));
  g_assert_cmpint (attach_with_token (token, "janus.plugin.videoroom"), ==, JC_SERVER_ERROR_UNAUTHORIZED);
}

/* Without token_auth the token requests fail (490). */
static void
test_tokens_disabled (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GAsyncResult) result = RUN (jc_admin_list_tokens_async (admin, NULL, STORE));
  g_autoptr (GError) error = NULL;

  g_assert_null (jc_admin_list_tokens_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "disabled"));
}

static void
test_token_boxed (void)
{
  const char *plugins[] = { "a", "b", NULL };
  g_autoptr (JcAdminToken) token = jc_admin_token_new ("t", plugins);
  g_autoptr (JcAdminToken) copy = jc_admin_token_copy (token);
  g_autoptr (JcAdminToken) none = jc_admin_token_new ("u", NULL);

  g_assert_cmpstr (jc_admin_token_get_token (copy), ==, "t");
  g_assert_cmpstrv (jc_admin_token_get_plugins (copy), plugins);
  g_assert_cmpuint (g_strv_length ((char **) jc_admin_token_get_plugins (none)), ==, 0);
  g_assert_true (G_TYPE_IS_BOXED (JC_TYPE_ADMIN_TOKEN));
}

/* The escape hatch */

static void
test_generic_request (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (JsonObject) request = jc_test_json ("{\"janus\": \"list_sessions\", \"transaction\": \"mine\"}");
  g_autoptr (JsonObject) bad = jc_test_json ("{\"nojanus\": 1}");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GError) error = NULL;

  result = RUN (jc_admin_request_async (admin, request, JC_TIMEOUT_DEFAULT, NULL, STORE));
  reply = jc_admin_request_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (reply, "janus")), ==, "success");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (reply, "sessions")));
  g_assert_false (json_object_has_member (reply, "transaction"));
  /* The caller's object is untouched. */
  g_assert_cmpstr (json_node_get_string (json_object_get_member (request, "transaction")), ==, "mine");
  g_clear_object (&result);

  result = RUN (jc_admin_request_async (admin, bad, JC_TIMEOUT_DEFAULT, NULL, STORE));
  g_assert_null (jc_admin_request_finish (admin, result, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A request Janus does not know at that path. */
  g_clear_pointer (&request, json_object_unref);
  request = jc_test_json ("{\"janus\": \"no_such_request\"}");
  result = RUN (jc_admin_request_async (admin, request, JC_TIMEOUT_DEFAULT, NULL, STORE));
  g_assert_null (jc_admin_request_finish (admin, result, &error));
  g_assert_error (error, JC_SERVER_ERROR, JC_SERVER_ERROR_INVALID_REQUEST_PATH);
}

static void
test_cancel (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  result = RUN (jc_admin_list_sessions_async (admin, cancellable, STORE));
  g_assert_null (jc_admin_list_sessions_finish (admin, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Answers of the wrong shape, from a fake Janus: JC_ERROR_PROTOCOL. */

typedef struct
{
  const char *verb;
  const char *reply; /* the janus verb, then the extra members */
  const char *extra;
} BadShape;

static const BadShape bad_shapes[] = {
  { "list_sessions", "success", "{\"sessions\": [1, \"2\"]}" },
  { "list_sessions", "success", "{\"sessions\": [0]}" },
  { "list_sessions", "success", "{\"sessions\": {\"a\": 1}}" },
  { "list_sessions", "success", "{}" },
  { "list_sessions", "ack", "{\"sessions\": [1]}" },
  { "list_handles", "success", "{\"handles\": [1.5]}" },
  { "get_status", "success", "{\"status\": [1]}" },
  { "loops_info", "success", "{\"loops\": 1}" },
  { "handle_info", "success", "{\"info\": \"x\"}" },
  { "list_tokens", "success", "{\"data\": {\"tokens\": [{\"token\": 1, \"allowed_plugins\": []}]}}" },
  { "list_tokens", "success", "{\"data\": {\"tokens\": [{\"token\": \"t\", \"allowed_plugins\": [1]}]}}" },
  { "list_tokens", "success", "{\"data\": {\"tokens\": [{\"token\": \"t\"}]}}" },
  { "list_tokens", "success", "{\"data\": {\"tokens\": [\"t\"]}}" },
  { "add_token", "success", "{\"data\": {\"plugins\": \"x\"}}" },
  { "message_plugin", "success", "{\"response\": 5}" },
  { "resolve_address", "success", "{\"ip\": 5}" },
  { "test_stun", "success", "{\"public_ip\": \"1.2.3.4\", \"public_port\": 70000}" },
  { "ping", "success", NULL },
};

static gboolean
bad_shape_hook (FakeJanus *fake, SoupWebsocketConnection *conn, JsonObject *request, gpointer user_data)
{
  const BadShape *shape = user_data;
  JsonNode *verb = json_object_get_member (request, "janus");

  if (verb == NULL || !g_str_equal (json_node_get_string (verb), shape->verb))
    return FALSE;
  fake_janus_reply (fake, request, shape->reply, shape->extra);
  return TRUE;
}

static void
test_bad_shape (gconstpointer data)
{
  const BadShape *shape = data;
  FakeJanus *fake = fake_janus_new ();
  g_autoptr (JcTransport) transport = jc_websocket_transport_new (fake_janus_get_uri (fake), "janus-protocol");
  g_autoptr (JcAdmin) admin = jc_admin_new (transport, "secret");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  const char *plugins[] = { "p", NULL };
  gpointer value = NULL;
  JsonObject *sent;

  fake_janus_set_hook (fake, bad_shape_hook, (gpointer) shape);
  result = RUN (jc_admin_connect_async (admin, NULL, STORE));
  g_assert_true (jc_admin_connect_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  if (g_str_equal (shape->verb, "list_sessions"))
    {
      result = RUN (jc_admin_list_sessions_async (admin, NULL, STORE));
      value = jc_admin_list_sessions_finish (admin, result, &error);
    }
  else if (g_str_equal (shape->verb, "list_handles"))
    {
      result = RUN (jc_admin_list_handles_async (admin, 1, NULL, STORE));
      value = jc_admin_list_handles_finish (admin, result, &error);
    }
  else if (g_str_equal (shape->verb, "get_status"))
    {
      result = RUN (jc_admin_get_status_async (admin, NULL, STORE));
      value = jc_admin_get_status_finish (admin, result, &error);
    }
  else if (g_str_equal (shape->verb, "loops_info"))
    {
      result = RUN (jc_admin_loops_info_async (admin, NULL, STORE));
      value = jc_admin_loops_info_finish (admin, result, &error);
    }
  else if (g_str_equal (shape->verb, "handle_info"))
    {
      result = RUN (jc_admin_handle_info_async (admin, 1, 2, FALSE, NULL, STORE));
      value = jc_admin_handle_info_finish (admin, result, &error);
    }
  else if (g_str_equal (shape->verb, "list_tokens"))
    {
      result = RUN (jc_admin_list_tokens_async (admin, NULL, STORE));
      value = jc_admin_list_tokens_finish (admin, result, &error);
    }
  else if (g_str_equal (shape->verb, "add_token"))
    {
      result = RUN (jc_admin_add_token_async (admin, "t", plugins, NULL, STORE));
      value = jc_admin_add_token_finish (admin, result, &error);
    }
  else if (g_str_equal (shape->verb, "message_plugin"))
    {
      result = RUN (jc_admin_message_plugin_async (admin, "p", NULL, NULL, STORE));
      value = jc_admin_message_plugin_finish (admin, result, &error);
    }
  else if (g_str_equal (shape->verb, "resolve_address"))
    {
      result = RUN (jc_admin_resolve_address_async (admin, "h", NULL, STORE));
      value = jc_admin_resolve_address_finish (admin, result, NULL, &error);
    }
  else if (g_str_equal (shape->verb, "test_stun"))
    {
      result = RUN (jc_admin_test_stun_async (admin, "h", 3478, 0, NULL, STORE));
      value = jc_admin_test_stun_finish (admin, result, NULL, NULL, &error);
    }
  else if (g_str_equal (shape->verb, "ping"))
    {
      result = RUN (jc_admin_ping_async (admin, NULL, STORE));
      value = GINT_TO_POINTER (jc_admin_ping_finish (admin, result, &error));
    }
  else
    {
      g_assert_not_reached ();
    }
  g_assert_null (value);
  g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);

  /* Every request carried the admin secret. */
  sent = fake_janus_last_request (fake, shape->verb);
  g_assert_nonnull (sent);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (sent, "admin_secret")), ==, "secret");

  jc_admin_close (admin);
  g_clear_object (&admin);
  fake_janus_free (fake);
}

/* The CLI */

static void run_cli (JcTestCliRun *run, JcLocalJanus *server, ...) G_GNUC_NULL_TERMINATED;

/* Runs the CLI with --admin-server/--admin-secret of @server (none when
 * NULL) and then the arguments. */
static void
run_cli (JcTestCliRun *run, JcLocalJanus *server, ...)
{
  const char *prefix[] = { "--admin-server", NULL, "--admin-secret", NULL, NULL };
  va_list ap;

  if (server != NULL)
    {
      prefix[1] = jc_local_janus_get_admin_ws_uri (server);
      prefix[3] = jc_local_janus_get_admin_secret (server);
    }
  va_start (ap, server);
  jc_test_cli_run_va (run, server != NULL ? prefix : NULL, ap);
  va_end (ap);
}

/* stdout is exactly one JSON object line. */
static JsonObject *
json_line (const char *out)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  g_assert_nonnull (out);
  g_assert_true (g_str_has_suffix (out, "\n"));
  g_assert_true (strchr (out, '\n') == out + strlen (out) - 1);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static gboolean
json_array_has_id (JsonArray *array, guint64 id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if ((guint64) json_array_get_int_element (array, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_cli_sessions_handles (void)
{
  g_auto (Peer) peer = { 0 };
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) out = NULL;
  g_autofree char *session = NULL;
  g_autofree char *handle = NULL;

  peer_open (&peer, janus);
  session = g_strdup_printf ("%" G_GUINT64_FORMAT, peer.session_id);
  handle = g_strdup_printf ("%" G_GUINT64_FORMAT, peer.handle_id);

  run_cli (&run, janus, "--json", "admin", "sessions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpuint (json_object_get_size (out), ==, 1);
  g_assert_true (json_array_has_id (json_object_get_array_member (out, "sessions"), peer.session_id));
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "admin", "sessions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "SESSION"));
  g_assert_nonnull (strstr (run.out, session));
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "--json", "admin", "handles", session, NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (out, "handles")), ==, 1);
  g_assert_true (json_array_has_id (json_object_get_array_member (out, "handles"), peer.handle_id));
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "admin", "handles", session, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, handle));
  jc_test_cli_run_clear (&run);

  /* handle-info: the info object as Janus sends it, or a summary. */
  run_cli (&run, janus, "--json", "admin", "handle-info", session, handle, NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpstr (json_object_get_string_member (out, "plugin"), ==, "janus.plugin.echotest");
  g_assert_cmpint (json_object_get_int_member (out, "handle_id"), ==, peer.handle_id);
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "admin", "handle-info", session, handle, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "janus.plugin.echotest"));
  g_assert_nonnull (strstr (run.out, "no PeerConnection"));
  jc_test_cli_run_clear (&run);

  /* watch-handle --count: one line per sample. */
  run_cli (&run, janus, "--json", "admin", "watch-handle", session, handle, "--count", "2", "--interval", "0.1",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_auto (GStrv) lines = g_strsplit (run.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *text = g_strconcat (lines[i], "\n", NULL);
        g_autoptr (JsonObject) sample = json_line (text);

        g_assert_true (json_object_has_member (sample, "media"));
        g_assert_true (json_object_has_member (sample, "time_s"));
      }
  }
  jc_test_cli_run_clear (&run);

  /* An unknown session: exit 1 with the error line. */
  run_cli (&run, janus, "--json", "admin", "handles", "4242", NULL);
  g_assert_cmpint (run.status, ==, 1);
  out = json_line (run.out);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (out, "error"), "code"), ==, 458);
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  /* destroy-session from the CLI. */
  run_cli (&run, janus, "--json", "admin", "destroy-session", session, NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpint (json_object_get_int_member (out, "session_id"), ==, peer.session_id);
}

static void
test_cli_set_log_level (void)
{
  g_autoptr (JcAdmin) admin = admin_for (janus);
  gint64 before = status_int (admin, "log_level");
  g_autofree char *restore = g_strdup_printf ("%" G_GINT64_FORMAT, before);
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) out = NULL;

  run_cli (&run, janus, "--json", "admin", "set-log-level", "6", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpint (json_object_get_int_member (out, "level"), ==, 6);
  g_assert_cmpint (status_int (admin, "log_level"), ==, 6);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "admin", "set-log-level", restore, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "level"));
  g_assert_cmpint (status_int (admin, "log_level"), ==, before);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "admin", "set-log-level", "loud", NULL);
  g_assert_cmpint (run.status, ==, 2);
  jc_test_cli_run_clear (&run);

  /* status, human and --json */
  run_cli (&run, janus, "--json", "admin", "status", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&out, json_object_unref);
  out = json_line (run.out);
  g_assert_cmpint (json_object_get_int_member (out, "log_level"), ==, before);
  jc_test_cli_run_clear (&run);
  run_cli (&run, janus, "admin", "status", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "log_level: "));
}

static void
test_cli_tokens (void)
{
  JcLocalJanus *server = get_token_janus ();
  g_autofree char *token = g_strdup_printf ("jc-cli-%08x", g_random_int ());
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) out = NULL;
  JsonArray *tokens;
  gboolean found = FALSE;

  run_cli (&run, server, "--json", "admin", "add-token", token, "--plugins", "janus.plugin.echotest", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpstr (json_object_get_string_member (out, "token"), ==, token);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (out, "allowed_plugins")), ==, 1);
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, server, "--json", "admin", "tokens", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  tokens = json_object_get_array_member (out, "tokens");
  for (guint i = 0; i < json_array_get_length (tokens); i++)
    {
      JsonObject *entry = json_array_get_object_element (tokens, i);

      if (g_str_equal (json_object_get_string_member (entry, "token"), token))
        {
          JsonArray *allowed = json_object_get_array_member (entry, "allowed_plugins");

          found = TRUE;
          g_assert_cmpuint (json_array_get_length (allowed), ==, 1);
          g_assert_cmpstr (json_array_get_string_element (allowed, 0), ==, "janus.plugin.echotest");
        }
    }
  g_assert_true (found);
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, server, "admin", "tokens", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "TOKEN"));
  g_assert_nonnull (strstr (run.out, token));
  jc_test_cli_run_clear (&run);

  run_cli (&run, server, "admin", "remove-token", token, NULL);
  g_assert_cmpint (run.status, ==, 0);
  jc_test_cli_run_clear (&run);

  run_cli (&run, server, "admin", "tokens", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, token));
}

static void
test_cli_errors (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) out = NULL;

  /* A wrong secret: exit 1, error 403. */
  run_cli (&run, NULL, "--json", "--admin-server", jc_local_janus_get_admin_ws_uri (janus), "--admin-secret",
           "wrong", "admin", "sessions", NULL);
  g_assert_cmpint (run.status, ==, 1);
  out = json_line (run.out);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (out, "error"), "code"), ==, 403);
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  /* --server without --admin-server: a usage error. */
  run_cli (&run, NULL, "--server", jc_local_janus_get_ws_uri (janus), "admin", "sessions", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--admin-server"));
  jc_test_cli_run_clear (&run);

  /* Unknown subcommand, missing arguments, bad id. */
  run_cli (&run, janus, "admin", "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  jc_test_cli_run_clear (&run);
  run_cli (&run, janus, "admin", "handles", NULL);
  g_assert_cmpint (run.status, ==, 2);
  jc_test_cli_run_clear (&run);
  run_cli (&run, janus, "admin", "handle-info", "x", "1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  jc_test_cli_run_clear (&run);

  /* --help lists the subcommands. */
  run_cli (&run, NULL, "admin", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "handle-info"));
  g_assert_nonnull (strstr (run.out, "watch-handle"));
}

/* No --server, no --admin-server: the tool's own private Janus. */
static void
test_cli_private_janus (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) out = NULL;

  run_cli (&run, NULL, "--json", "admin", "info", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpint (json_object_get_int_member (out, "version"), ==, 1102);
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, NULL, "--json", "admin", "sessions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (out, "sessions")));
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, NULL, "admin", "info", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1.1.2"));
}

static void
test_cli_misc (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) out = NULL;

  run_cli (&run, janus, "--json", "admin", "message-plugin", "janus.plugin.videoroom", "{\"request\": \"list\"}",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpstr (json_object_get_string_member (out, "videoroom"), ==, "success");
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "--json", "admin", "query-transport", "janus.transport.http",
           "{\"request\": \"connections\"}", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpint (json_object_get_int_member (out, "result"), ==, 200);
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "--json", "admin", "resolve-address", "localhost", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_true (json_object_has_member (out, "ip"));
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "--json", "admin", "ping", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_true (json_object_has_member (out, "rtt_ms"));
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "--json", "admin", "loops", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (out, "loops")), ==, 0);
  g_clear_pointer (&out, json_object_unref);
  jc_test_cli_run_clear (&run);

  run_cli (&run, janus, "--json", "admin", "custom-logline", "from the CLI", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = json_line (run.out);
  g_assert_cmpuint (json_object_get_size (out), ==, 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("JANUS_CLIENT_CLI");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("JANUS_CLIENT_CLI does not name the janus-client binary\n");
      return 1;
    }
  janus = start_janus (FALSE);

  g_test_add_func ("/admin/info-ping", test_info_ping);
  g_test_add_func ("/admin/wrong-secret", test_wrong_secret);
  g_test_add_func ("/admin/bad-uri", test_bad_uri);
  g_test_add_data_func ("/admin/transport/http", "http", test_transport);
  g_test_add_data_func ("/admin/transport/unix", "unix", test_transport);
  g_test_add_func ("/admin/set-log-level", test_log_level);
  for (gsize i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/admin/setting/%s", settings[i].name);

      g_test_add_data_func (path, &settings[i], test_setting);
    }
  g_test_add_func ("/admin/accept-new-sessions", test_accept_new_sessions);
  g_test_add_func ("/admin/loops-info", test_loops_info);
  g_test_add_func ("/admin/sessions-handles", test_sessions_handles);
  g_test_add_func ("/admin/session-timeout-for-session", test_session_timeout_for_session);
  g_test_add_data_func ("/admin/pcap", GINT_TO_POINTER (FALSE), test_pcap);
  g_test_add_data_func ("/admin/text2pcap", GINT_TO_POINTER (TRUE), test_pcap);
  g_test_add_func ("/admin/hangup-webrtc", test_hangup_webrtc);
  g_test_add_func ("/admin/detach-handle", test_detach_handle);
  g_test_add_func ("/admin/destroy-session", test_destroy_session);
  g_test_add_func ("/admin/message-plugin", test_message_plugin);
  g_test_add_func ("/admin/query-transport", test_query_transport);
  g_test_add_func ("/admin/query-eventhandler-logger", test_query_eventhandler_logger);
  g_test_add_func ("/admin/custom-event-logline", test_custom_event_logline);
  g_test_add_func ("/admin/resolve-address", test_resolve_address);
  g_test_add_func ("/admin/test-stun", test_test_stun);
  g_test_add_func ("/admin/tokens", test_tokens);
  g_test_add_func ("/admin/tokens-disabled", test_tokens_disabled);
  g_test_add_func ("/admin/token-boxed", test_token_boxed);
  g_test_add_func ("/admin/request", test_generic_request);
  g_test_add_func ("/admin/cancel", test_cancel);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_shapes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/admin/bad-shape/%s/%" G_GSIZE_FORMAT, bad_shapes[i].verb, i);

      g_test_add_data_func (path, &bad_shapes[i], test_bad_shape);
    }
  g_test_add_func ("/admin/cli/sessions-handles", test_cli_sessions_handles);
  g_test_add_func ("/admin/cli/set-log-level-status", test_cli_set_log_level);
  g_test_add_func ("/admin/cli/tokens", test_cli_tokens);
  g_test_add_func ("/admin/cli/errors", test_cli_errors);
  g_test_add_func ("/admin/cli/private-janus", test_cli_private_janus);
  g_test_add_func ("/admin/cli/misc", test_cli_misc);

  status = g_test_run ();

  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  if (token_janus != NULL)
    jc_local_janus_stop (token_janus);
  g_clear_object (&token_janus);
  return status;
}

/* test-admin-media.c: the Admin API looking at a live PeerConnection
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-local-janus.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;

static void
on_webrtcup (JcHandle *handle, gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static const char *
string_at (JsonObject *obj, const char *first, ...)
{
  va_list args;
  const char *name = first;
  JsonNode *node = NULL;

  va_start (args, first);
  while (name != NULL && obj != NULL)
    {
      node = json_object_get_member (obj, name);
      name = va_arg (args, const char *);
      if (name != NULL)
        obj = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  va_end (args);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* handle_info of a live EchoTest handle shows ICE connected and DTLS up. */
static void
test_handle_info_live (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcEchoTest) echo = NULL;
  g_autoptr (JcPeer) peer = NULL;
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcEchoTestRequest) request = jc_echo_test_request_new ();
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  const char *addresses[] = { NULL, NULL };
  gboolean up = FALSE;
  const char *ice, *dtls;

  if (janus == NULL)
    {
      g_test_skip ("Media needs the private Janus in a network namespace, which needs root");
      return;
    }
  client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  jc_echo_test_attach_async (session, "admin-media-test", NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  echo = jc_echo_test_attach_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_signal_connect (echo, "webrtcup", G_CALLBACK (on_webrtcup), &up);

  peer = jc_peer_new (JC_HANDLE (echo));
  addresses[0] = jc_local_janus_get_client_address (janus);
  jc_peer_set_local_addresses (peer, addresses);
  source = jc_media_source_new ("test", &error);
  g_assert_no_error (error);
  sink = jc_media_sink_new ("null", &error);
  g_assert_no_error (error);
  jc_peer_set_source (peer, source);
  jc_peer_set_sink (peer, sink);

  jc_peer_create_offer_async (peer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  offer = jc_peer_create_offer_finish (peer, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_echo_test_request_set_audio (request, TRUE);
  jc_echo_test_request_set_video (request, TRUE);
  jc_echo_test_configure_async (echo, request, offer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_echo_test_configure_finish (echo, result, &answer, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_peer_set_remote_description_async (peer, answer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_peer_set_remote_description_finish (peer, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  JC_TEST_WAIT_UNTIL (up);

  admin = jc_admin_new_for_uri (jc_local_janus_get_admin_http_uri (janus), jc_local_janus_get_admin_secret (janus),
                                &error);
  g_assert_no_error (error);
  jc_admin_connect_async (admin, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_admin_connect_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_admin_handle_info_async (admin, jc_session_get_id (session), jc_handle_get_id (JC_HANDLE (echo)), FALSE, NULL,
                              jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  info = jc_admin_handle_info_finish (admin, result, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (string_at (info, "plugin", NULL), ==, "janus.plugin.echotest");
  g_assert_cmpstr (string_at (info, "opaque_id", NULL), ==, "admin-media-test");
  ice = string_at (info, "webrtc", "ice", "state", NULL);
  dtls = string_at (info, "webrtc", "dtls", "dtls-state", NULL);
  g_test_message ("ICE %s, DTLS %s", ice, dtls);
  g_assert_true (g_strcmp0 (ice, "connected") == 0 || g_strcmp0 (ice, "ready") == 0);
  g_assert_cmpstr (dtls, ==, "connected");

  g_clear_object (&result);
  jc_peer_stop_async (peer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_peer_stop_finish (peer, result, &error));
  g_assert_true (jc_test_destroy (session, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_AUTO);
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);
  if (!jc_local_janus_has_media (janus))
    {
      jc_local_janus_stop (janus);
      g_clear_object (&janus);
    }

  g_test_add_func ("/admin-media/handle-info/live-echotest", test_handle_info_live);

  ret = g_test_run ();
  if (janus != NULL)
    jc_local_janus_stop (janus);
  g_clear_object (&janus);
  return ret;
}

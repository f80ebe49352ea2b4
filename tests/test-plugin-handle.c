/* test-plugin-handle.c: JcPluginHandle, the base of the typed plugin
 * handles — the peer it drives, and letting go of it once detached
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Against the in-process fake Janus: no media flows, a JcPeer only has to
 * exist (its pipeline needs no network until it negotiates).
 */
#include <janus-client/janus-client.h>

#include "fake-janus.h"
#include "jc-test-util.h"

static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

typedef struct
{
  FakeJanus *fake;
  JcClient *client;
  JcSession *session;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->fake = fake_janus_new ();
  f->client = jc_test_connect (fake_janus_get_uri (f->fake), &error);
  g_assert_no_error (error);
  f->session = jc_test_create_session (f->client, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  jc_test_destroy (f->session, NULL);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
  g_clear_pointer (&f->fake, fake_janus_free);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* Every typed plugin handle is one; the peer it is given is a property
 * (notified once per change), the plugin's own setter included. */
static void
test_peer_property (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcVideoCall) call = NULL;
  g_autoptr (JcPeer) peer = NULL;
  g_autoptr (JcPeer) got = NULL;
  guint notified = 0;

  jc_video_call_attach_async (f->session, NULL, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    call = jc_video_call_attach_finish (result, &error);
  }
  g_assert_no_error (error);
  g_assert_true (JC_IS_PLUGIN_HANDLE (call));
  g_assert_null (jc_plugin_handle_get_peer (JC_PLUGIN_HANDLE (call)));

  g_signal_connect (call, "notify::peer", G_CALLBACK (count_notify), &notified);
  peer = jc_peer_new (JC_HANDLE (call));
  jc_video_call_set_peer (call, peer);
  g_assert_true (jc_plugin_handle_get_peer (JC_PLUGIN_HANDLE (call)) == peer);
  jc_video_call_set_peer (call, peer);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (call, "peer", &got, NULL);
  g_assert_true (got == peer);

  jc_plugin_handle_set_peer (JC_PLUGIN_HANDLE (call), NULL);
  g_assert_null (jc_video_call_get_peer (call));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (jc_test_detach (JC_HANDLE (call), NULL));
}

/* A handle owns its peer and the peer its handle; once the handle is
 * detached both let go, so dropping ours frees both (every kind of plugin
 * handle that drives a peer). */
static void
test_detach_frees (Fixture *f, gconstpointer data)
{
  typedef void (*AttachFunc) (JcSession *, const char *, GCancellable *, GAsyncReadyCallback, gpointer);
  typedef gpointer (*AttachFinish) (GAsyncResult *, GError **);
  static const struct
  {
    AttachFunc attach;
    AttachFinish finish;
  } kinds[] = {
    { jc_video_call_attach_async, (AttachFinish) jc_video_call_attach_finish },
    { jc_video_room_attach_async, (AttachFinish) jc_video_room_attach_finish },
    { jc_streaming_attach_async, (AttachFinish) jc_streaming_attach_finish },
    { jc_record_play_attach_async, (AttachFinish) jc_record_play_attach_finish },
    { jc_audio_bridge_attach_async, (AttachFinish) jc_audio_bridge_attach_finish },
    { jc_echo_test_attach_async, (AttachFinish) jc_echo_test_attach_finish },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr (GError) error = NULL;
      JcPluginHandle *handle;
      JcPeer *peer;
      gpointer handle_alive, peer_alive;

      kinds[i].attach (f->session, NULL, NULL, CB);
      {
        g_autoptr (GAsyncResult) result = WAIT_RESULT ();

        handle = kinds[i].finish (result, &error);
      }
      g_assert_no_error (error);
      peer = jc_peer_new (JC_HANDLE (handle));
      jc_plugin_handle_set_peer (handle, peer);
      handle_alive = handle;
      peer_alive = peer;
      g_object_add_weak_pointer (G_OBJECT (handle), &handle_alive);
      g_object_add_weak_pointer (G_OBJECT (peer), &peer_alive);

      g_assert_true (jc_test_detach (JC_HANDLE (handle), NULL));
      g_assert_null (jc_plugin_handle_get_peer (handle));
      g_assert_null (jc_peer_get_handle (peer));
      g_object_unref (peer);
      g_object_unref (handle);
      JC_TEST_WAIT_UNTIL_TIMEOUT (handle_alive == NULL && peer_alive == NULL, 5);
    }
}

/* A peer still held by the application after the detach keeps working
 * for what needs no handle (its state, its statistics). */
static void
test_peer_outlives_detach (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcStreaming) streaming = NULL;
  g_autoptr (JcPeer) peer = NULL;
  g_autoptr (JsonArray) stats = NULL;
  gpointer streaming_alive;

  jc_streaming_attach_async (f->session, NULL, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    streaming = jc_streaming_attach_finish (result, &error);
  }
  g_assert_no_error (error);
  peer = jc_peer_new (JC_HANDLE (streaming));
  jc_streaming_set_peer (streaming, peer);
  g_assert_true (jc_test_detach (JC_HANDLE (streaming), NULL));
  streaming_alive = streaming;
  g_object_add_weak_pointer (G_OBJECT (streaming), &streaming_alive);
  g_clear_object (&streaming);
  JC_TEST_WAIT_UNTIL_TIMEOUT (streaming_alive == NULL, 5);

  g_assert_null (jc_peer_get_handle (peer));
  g_assert_cmpstr (jc_peer_get_ice_state (peer), ==, "new");
  stats = jc_peer_get_track_stats (peer);
  g_assert_cmpuint (json_array_get_length (stats), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plugin-handle/peer-property", Fixture, NULL, fixture_set_up, test_peer_property, fixture_tear_down);
  g_test_add ("/plugin-handle/detach-frees", Fixture, NULL, fixture_set_up, test_detach_frees, fixture_tear_down);
  g_test_add ("/plugin-handle/peer-outlives-detach", Fixture, NULL, fixture_set_up, test_peer_outlives_detach,
              fixture_tear_down);
  return g_test_run ();
}

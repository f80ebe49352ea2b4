/* test-videoroom-media.c: VideoRoom media through a private Janus in a
 * network namespace: two publishers (test pattern, file) and one
 * multistream subscriber recording a file per feed and mid
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define GST_USE_UNSTABLE_API /* GstWebRTCSignalingState */
#include <glib/gstdio.h>
#include <gst/pbutils/pbutils.h>
#include <gst/webrtc/webrtc.h>
#include <string.h>
#include <unistd.h>

#include "jc-local-janus.h"
#include "jc-test-media.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;
static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

static void
publish (JcVideoRoom *vr, JcPeer *peer, const JcId *room, const char *spec, const char *display)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcMediaSource) source = jc_media_source_new (spec, &error);
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;

  g_assert_no_error (error);
  jc_peer_set_source (peer, source);
  jc_video_room_request_set_display (options, display);
  jc_video_room_publish_media_async (vr, room, peer, options, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_publish_media_finish (vr, result, &error));
  g_assert_no_error (error);
}

static guint
active_feeds (JcVideoRoom *sub)
{
  g_autoptr (GPtrArray) streams = jc_video_room_get_streams (sub);
  g_autoptr (GHashTable) feeds = g_hash_table_new_full ((GHashFunc) jc_id_hash,
                                                        (GEqualFunc) jc_id_equal, NULL, NULL);

  for (guint i = 0; i < streams->len; i++)
    {
      JcVideoRoomStream *s = g_ptr_array_index (streams, i);

      if (jc_video_room_stream_get_feed_id (s) != NULL && jc_video_room_stream_is_active (s))
        g_hash_table_add (feeds, (gpointer) jc_video_room_stream_get_feed_id (s));
    }
  return g_hash_table_size (feeds);
}

static void
test_two_publishers_one_subscriber (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-videoroom-XXXXXX", &error);
  g_autofree char *out_dir = g_build_filename (dir, "out/", NULL);
  g_autofree char *input = jc_test_make_webm (dir, "input.webm", 320, 240, 6);
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = jc_test_create_session (client, &error);
  g_autoptr (JcVideoRoom) admin = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) pub_a = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) pub_b = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) watcher = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) sub = jc_test_video_room_attach (session);
  g_autoptr (JcPeer) peer_a = jc_test_peer_new (janus, JC_HANDLE (pub_a));
  g_autoptr (JcPeer) peer_b = jc_test_peer_new (janus, JC_HANDLE (pub_b));
  g_autoptr (JcPeer) peer_sub = jc_test_peer_new (janus, JC_HANDLE (sub));
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcId) wanted = jc_id_new_number (7000000 + g_random_int_range (0, 100000));
  g_autoptr (JcVideoRoomRequest) create = jc_video_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autofree char *a_video = NULL, *a_audio = NULL, *b_video = NULL, *b_audio = NULL;
  g_autofree char *a_label = NULL, *b_label = NULL;
  gint64 a_before, b_before;
  guint updates = 0;
  guint a_files = 0, b_files = 0;

  g_assert_no_error (error);
  jc_video_room_request_set_codecs (create, "opus", "vp8");
  jc_video_room_request_set_publishers (create, 4);
  room = jc_test_video_room_create (admin, wanted, create);

  /* The subscriber follows a publisher handle that publishes nothing. */
  {
    g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
    g_autoptr (JcId) id = NULL;

    jc_video_room_request_set_display (options, "watcher");
    jc_video_room_join_publisher_async (watcher, room, options, NULL, CB);
    result = WAIT_RESULT ();
    id = jc_video_room_join_publisher_finish (watcher, result, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
  }
  sink = jc_media_sink_new (out_dir, &error);
  g_assert_no_error (error);
  jc_peer_set_sink (peer_sub, sink);
  jc_video_room_set_peer (sub, peer_sub, sink);
  g_signal_connect (sub, "updated", G_CALLBACK (jc_test_video_room_count_updates), &updates);
  g_signal_connect (sub, "error", G_CALLBACK (jc_test_video_room_fail_on_error), NULL);
  jc_video_room_follow (sub, watcher);

  publish (pub_a, peer_a, room, "test", "pattern");
  publish (pub_b, peer_b, room, input, "file");
  JC_TEST_WAIT_UNTIL_TIMEOUT (active_feeds (sub) == 2, 20);
  a_video = jc_test_video_room_sub_mid (sub, jc_video_room_get_participant_id (pub_a), "video");
  a_audio = jc_test_video_room_sub_mid (sub, jc_video_room_get_participant_id (pub_a), "audio");
  b_video = jc_test_video_room_sub_mid (sub, jc_video_room_get_participant_id (pub_b), "video");
  b_audio = jc_test_video_room_sub_mid (sub, jc_video_room_get_participant_id (pub_b), "audio");
  g_assert_nonnull (a_video);
  g_assert_nonnull (a_audio);
  g_assert_nonnull (b_video);
  g_assert_nonnull (b_audio);

  /* Both feeds flow. */
  JC_TEST_WAIT_UNTIL_TIMEOUT (jc_test_received_frames (peer_sub, a_video) > 15 && jc_test_received_frames (peer_sub, b_video) > 15 &&
                                  jc_test_received_frames (peer_sub, a_audio) > 50 && jc_test_received_frames (peer_sub, b_audio) > 50,
                              20);
  jc_test_run_for (1500);

  /* pause stops every stream of the subscription; start resumes it. */
  {
    gint64 paused_at;

    jc_video_room_pause_async (sub, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_video_room_pause_finish (sub, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    jc_test_run_for (500);
    paused_at = jc_test_received_frames (peer_sub, a_video);
    jc_test_run_for (1500);
    g_assert_cmpint (jc_test_received_frames (peer_sub, a_video), <=, paused_at + 2);

    jc_video_room_start_async (sub, NULL, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_video_room_start_finish (sub, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    JC_TEST_WAIT_UNTIL_TIMEOUT (jc_test_received_frames (peer_sub, a_video) > paused_at + 10, 10);
  }

  a_label = jc_id_to_string (jc_video_room_get_participant_id (pub_a));
  b_label = jc_id_to_string (jc_video_room_get_participant_id (pub_b));

  /* The file publisher hangs up and leaves mid-subscription (what a
   * client does; Janus 1.1.2 updates subscribers when the publisher's
   * PeerConnection goes, a bare "leave" leaves them stale): Janus
   * renegotiates, the subscriber answers by itself, the other feed keeps
   * flowing. */
  {
    guint before = updates;

    jc_handle_hangup_async (JC_HANDLE (pub_b), NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_handle_hangup_finish (JC_HANDLE (pub_b), result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    jc_video_room_leave_async (pub_b, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_video_room_leave_finish (pub_b, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    JC_TEST_WAIT_UNTIL_TIMEOUT (updates > before && active_feeds (sub) == 1, 30);
  }
  jc_test_run_for (500);
  a_before = jc_test_received_frames (peer_sub, a_video);
  b_before = jc_test_received_frames (peer_sub, b_video);
  jc_test_run_for (2000);
  g_assert_cmpint (jc_test_received_frames (peer_sub, a_video), >, a_before + 10);
  g_assert_cmpint (jc_test_received_frames (peer_sub, b_video), <=, b_before + 2);
  g_assert_true (g_str_equal (jc_peer_get_ice_state (peer_sub), "connected") ||
                 g_str_equal (jc_peer_get_ice_state (peer_sub), "completed"));

  jc_peer_stop_async (peer_sub, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_peer_stop_finish (peer_sub, result, &error));
  g_clear_object (&result);

  /* A file per feed and mid, with the right codec and duration. */
  files = jc_media_sink_get_track_files (sink);
  g_assert_cmpuint (files->len, ==, 4);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      gboolean is_a = g_str_has_prefix (base, a_label);
      const char *mid = strchr (base, '-') + 1;
      g_autofree char *mid_only = g_strndup (mid, strcspn (mid, "."));
      gboolean video = g_strcmp0 (mid_only, is_a ? a_video : b_video) == 0;

      g_assert_true (is_a || g_str_has_prefix (base, b_label));
      g_assert_true (g_str_has_suffix (base, ".webm"));
      a_files += is_a;
      b_files += !is_a;
      jc_test_check_media_file (path, video ? "video/x-vp8" : "audio/x-opus", is_a ? 4.0 : 2.0);
      g_assert_cmpint (jc_test_received_frames (peer_sub, mid_only), >, video ? 30 : 100);
    }
  g_assert_cmpuint (a_files, ==, 2);
  g_assert_cmpuint (b_files, ==, 2);

  jc_peer_stop_async (peer_a, NULL, CB);
  result = WAIT_RESULT ();
  jc_peer_stop_finish (peer_a, result, NULL);
  g_clear_object (&result);
  jc_peer_stop_async (peer_b, NULL, CB);
  result = WAIT_RESULT ();
  jc_peer_stop_finish (peer_b, result, NULL);
  g_clear_object (&result);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
  jc_test_remove_tree (dir);
}

/* webrtcbin's thread, after a description is applied: from the second
 * remote offer on, holds the answer up for a while, as a loaded machine
 * would. */
static void
on_signaling_state (GstElement *webrtc, GParamSpec *pspec, guint *remote_offers)
{
  GstWebRTCSignalingState state;

  g_object_get (webrtc, "signaling-state", &state, NULL);
  if (state == GST_WEBRTC_SIGNALING_STATE_HAVE_REMOTE_OFFER && g_atomic_int_add (remote_offers, 1) >= 1)
    g_usleep (800 * G_TIME_SPAN_MILLISECOND);
}

static GPtrArray *
feeds_of (JcVideoRoom *publisher)
{
  GPtrArray *feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_id_free);

  g_ptr_array_add (feeds, jc_id_copy (jc_video_room_get_participant_id (publisher)));
  return feeds;
}

/* A subscriber joins with feed A and at once adds feed B. Janus's second
 * offer is still unanswered when the PeerConnection comes up, and Janus
 * then sends both feeds. webrtcbin 1.22 files B's SSRCs (from the offer)
 * under m-lines that get transceivers only when the answer is applied;
 * a packet in between hit a g_warn_if_reached in webrtcbin (what failed
 * this suite now and then), and one that left the jitter buffer in
 * between would have found no transceiver at all. Both feeds must
 * play. */
static void
test_slow_answer (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = jc_test_create_session (client, &error);
  g_autoptr (JcVideoRoom) pub_a = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) pub_b = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) sub = jc_test_video_room_attach (session);
  g_autoptr (JcPeer) peer_a = jc_test_peer_new (janus, JC_HANDLE (pub_a));
  g_autoptr (JcPeer) peer_b = jc_test_peer_new (janus, JC_HANDLE (pub_b));
  g_autoptr (JcPeer) peer_sub = jc_test_peer_new (janus, JC_HANDLE (sub));
  g_autoptr (JcMediaSink) sink = jc_media_sink_new_callback ();
  g_autoptr (JcId) wanted = jc_id_new_number (7100000 + g_random_int_range (0, 100000));
  g_autoptr (JcVideoRoomRequest) create = jc_video_room_request_new ();
  g_autoptr (JcId) room = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GstElement) webrtc = NULL;
  g_autoptr (GPtrArray) a_feeds = NULL;
  g_autoptr (GPtrArray) b_feeds = NULL;
  g_autoptr (GPtrArray) streams = NULL;
  g_autofree char *a_video = NULL, *b_video = NULL, *b_audio = NULL;
  guint remote_offers = 0;
  gboolean up = FALSE;

  g_assert_no_error (error);
  jc_video_room_request_set_codecs (create, "opus", "vp8");
  room = jc_test_video_room_create (pub_a, wanted, create);

  publish (pub_a, peer_a, room, "test", "A");
  publish (pub_b, peer_b, room, "test", "B");
  jc_test_run_for (1000); /* both PeerConnections up: no 428 */

  jc_peer_set_sink (peer_sub, sink);
  jc_video_room_set_peer (sub, peer_sub, NULL);
  g_signal_connect (sub, "error", G_CALLBACK (jc_test_video_room_fail_on_error), NULL);
  g_signal_connect_swapped (sub, "webrtcup", G_CALLBACK (jc_test_set_true), &up);
  webrtc = gst_bin_get_by_name (GST_BIN (jc_peer_get_pipeline (peer_sub)), "webrtc");
  g_assert_nonnull (webrtc);
  g_signal_connect (webrtc, "notify::signaling-state", G_CALLBACK (on_signaling_state), &remote_offers);

  a_feeds = feeds_of (pub_a);
  jc_video_room_join_subscriber_async (sub, room, a_feeds, NULL, NULL, CB);
  result = WAIT_RESULT ();
  streams = jc_video_room_join_subscriber_finish (sub, result, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_clear_pointer (&streams, g_ptr_array_unref);
  g_assert_false (up);

  b_feeds = feeds_of (pub_b);
  jc_video_room_subscribe_async (sub, b_feeds, NULL, NULL, CB);
  result = WAIT_RESULT ();
  streams = jc_video_room_subscribe_finish (sub, result, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_atomic_int_get (&remote_offers), ==, 2);

  a_video = jc_test_video_room_sub_mid (sub, jc_video_room_get_participant_id (pub_a), "video");
  b_video = jc_test_video_room_sub_mid (sub, jc_video_room_get_participant_id (pub_b), "video");
  b_audio = jc_test_video_room_sub_mid (sub, jc_video_room_get_participant_id (pub_b), "audio");
  g_assert_nonnull (a_video);
  g_assert_nonnull (b_video);
  g_assert_nonnull (b_audio);
  JC_TEST_WAIT_UNTIL_TIMEOUT (jc_test_received_frames (peer_sub, a_video) > 15 && jc_test_received_frames (peer_sub, b_video) > 15 &&
                                  jc_test_received_frames (peer_sub, b_audio) > 50,
                              20);
  g_assert_true (up);
  g_signal_handlers_disconnect_by_data (webrtc, &remote_offers);

  jc_test_peer_stop (peer_sub);
  jc_test_peer_stop (peer_a);
  jc_test_peer_stop (peer_b);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
}

/* A publisher asks Janus to record it (record + filename on publish):
 * Janus writes one MJR file per stream, which janus-pp-rec turns into
 * playable VP8 and Opus files of the published length. */
static void
test_server_recording (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-vr-record-XXXXXX", &error);
  g_autofree char *base = g_build_filename (dir, "publisher", NULL);
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = jc_test_create_session (client, &error);
  g_autoptr (JcVideoRoom) pub = jc_test_video_room_attach (session);
  g_autoptr (JcPeer) peer = jc_test_peer_new (janus, JC_HANDLE (pub));
  g_autoptr (JcMediaSource) source = jc_media_source_new ("test", &error);
  g_autoptr (JcId) wanted = jc_id_new_number (7200000 + g_random_int_range (0, 100000));
  g_autoptr (JcVideoRoomRequest) create = jc_video_room_request_new ();
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (JcId) room = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GDir) listing = NULL;
  const char *name;
  guint video = 0, audio = 0;
  gboolean up = FALSE;

  g_assert_no_error (error);
  jc_video_room_request_set_codecs (create, "opus", "vp8");
  room = jc_test_video_room_create (pub, wanted, create);

  g_signal_connect_swapped (pub, "webrtcup", G_CALLBACK (jc_test_set_true), &up);
  jc_peer_set_source (peer, source);
  jc_video_room_request_set_display (options, "recorded");
  jc_video_room_request_set_record (options, TRUE, NULL);
  jc_video_room_request_set_filename (options, base);
  jc_video_room_publish_media_async (pub, room, peer, options, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_publish_media_finish (pub, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  JC_TEST_WAIT_UNTIL_TIMEOUT (up, 20);
  jc_test_run_for (4000);

  /* Janus closes the files when the PeerConnection goes. */
  jc_test_peer_stop (peer);
  jc_handle_hangup_async (JC_HANDLE (pub), NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_handle_hangup_finish (JC_HANDLE (pub), result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
  jc_test_run_for (500);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *mjr = g_build_filename (dir, name, NULL);
      g_autofree char *out = NULL;
      gboolean is_video = g_str_has_prefix (name, "publisher-video-");

      g_test_message ("Janus recorded %s", name);
      if (!g_str_has_suffix (name, ".mjr"))
        continue;
      g_assert_true (is_video || g_str_has_prefix (name, "publisher-audio-"));
      out = g_strconcat (mjr, is_video ? ".webm" : ".opus", NULL);
      jc_test_post_process_mjr (mjr, out);
      jc_test_check_media_file (out, is_video ? "video/x-vp8" : "audio/x-opus", 3.0);
      video += is_video;
      audio += !is_video;
    }
  g_assert_cmpuint (video, ==, 1);
  g_assert_cmpuint (audio, ==, 1);

  /* The same from the CLI: videoroom publish --record BASE. */
  {
    g_autofree char *room_text = jc_id_to_string (room);
    g_autofree char *cli_base = g_build_filename (dir, "cli", NULL);
    g_autofree char *cli_video = g_build_filename (dir, "cli-video-0.mjr", NULL);
    g_autofree char *cli_webm = g_build_filename (dir, "cli-video-0.webm", NULL);
    g_auto (JcTestCliRun) run = { 0 };
    g_auto (JcTestCliRun) bad = { 0 };

    jc_test_cli_runv (&run, NULL, NULL,
                      (const char *const[]){ "--server", jc_local_janus_get_ws_uri (janus), "--ice-address",
                                             jc_local_janus_get_client_address (janus), "videoroom", "publish", "--room",
                                             room_text, "--record", cli_base, "--duration", "4", NULL });
    g_assert_cmpint (run.status, ==, 0);
    jc_test_run_for (500);
    jc_test_post_process_mjr (cli_video, cli_webm);
    jc_test_check_media_file (cli_webm, "video/x-vp8", 2.5);

    jc_test_cli_runv (&bad, NULL, NULL,
                      (const char *const[]){ "--server", jc_local_janus_get_ws_uri (janus), "videoroom", "publish",
                                             "--room", room_text, "--record", "", NULL });
    g_assert_cmpint (bad.status, ==, 2);
    g_assert_nonnull (strstr (bad.err, "--record needs a file name"));
  }
  jc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_test_media_janus_start (NULL);
  jc_test_media_add_func ("/videoroom-media/two-publishers-one-subscriber", test_two_publishers_one_subscriber);
  jc_test_media_add_func ("/videoroom-media/slow-answer", test_slow_answer);
  jc_test_media_add_func ("/videoroom-media/server-recording", test_server_recording);
  ret = g_test_run ();
  g_clear_pointer (&janus, jc_test_media_janus_stop);
  return ret;
}

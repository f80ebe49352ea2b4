/* test-videoroom-media.c: VideoRoom media through a private Janus in a
 * network namespace: two publishers (test pattern, file) and one
 * multistream subscriber recording a file per feed and mid
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib/gstdio.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>
#include <unistd.h>

#include "jc-local-janus.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;
static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

static JcVideoRoom *
attach (JcSession *session)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  JcVideoRoom *vr;

  jc_video_room_attach_async (session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  vr = jc_video_room_attach_finish (result, &error);
  g_assert_no_error (error);
  return vr;
}

static JcPeer *
new_peer (JcVideoRoom *vr)
{
  const char *addresses[] = { jc_local_janus_get_client_address (janus), NULL };
  JcPeer *peer = jc_peer_new (JC_HANDLE (vr));

  jc_peer_set_local_addresses (peer, addresses);
  return peer;
}

/* A 6 s VP8 + Opus WebM made with GStreamer. */
static char *
make_webm (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "input.webm", NULL);
  g_autofree char *description = g_strdup_printf (
      "videotestsrc num-buffers=90 pattern=ball ! video/x-raw,width=320,height=240,framerate=15/1 ! "
      "vp8enc deadline=1 keyframe-max-dist=15 ! webmmux name=mux ! filesink location=\"%s\" "
      "audiotestsrc num-buffers=300 samplesperbuffer=960 ! audio/x-raw,rate=48000 ! opusenc ! mux.",
      path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) message = NULL;

  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return g_steal_pointer (&path);
}

static void
publish (JcVideoRoom *vr, JcPeer *peer, const JcVideoRoomId *room, const char *spec, const char *display)
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

/* Received frames on the subscriber's track with @mid. */
static gint64
frames_of (JcPeer *peer, const char *mid)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);

  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);
      JsonNode *m = json_object_get_member (track, "mid");

      if (m != NULL && JSON_NODE_HOLDS_VALUE (m) && g_strcmp0 (json_node_get_string (m), mid) == 0 &&
          g_strcmp0 (json_node_get_string (json_object_get_member (track, "direction")), "received") == 0)
        return json_node_get_int (json_object_get_member (track, "frames"));
    }
  return 0;
}

/* The subscription's active mids of @feed (video first). */
static void
mids_of (JcVideoRoom *sub, const JcVideoRoomId *feed, char **video, char **audio)
{
  g_autoptr (GPtrArray) streams = jc_video_room_get_streams (sub);

  *video = *audio = NULL;
  for (guint i = 0; i < streams->len; i++)
    {
      JcVideoRoomStream *s = g_ptr_array_index (streams, i);
      const JcVideoRoomId *f = jc_video_room_stream_get_feed_id (s);

      if (f == NULL || !jc_video_room_id_equal (f, feed) || !jc_video_room_stream_is_active (s))
        continue;
      if (g_str_equal (jc_video_room_stream_get_kind (s), "video"))
        *video = g_strdup (jc_video_room_stream_get_mid (s));
      else if (g_str_equal (jc_video_room_stream_get_kind (s), "audio"))
        *audio = g_strdup (jc_video_room_stream_get_mid (s));
    }
}

static guint
active_feeds (JcVideoRoom *sub)
{
  g_autoptr (GPtrArray) streams = jc_video_room_get_streams (sub);
  g_autoptr (GHashTable) feeds = g_hash_table_new_full ((GHashFunc) jc_video_room_id_hash,
                                                        (GEqualFunc) jc_video_room_id_equal, NULL, NULL);

  for (guint i = 0; i < streams->len; i++)
    {
      JcVideoRoomStream *s = g_ptr_array_index (streams, i);

      if (jc_video_room_stream_get_feed_id (s) != NULL && jc_video_room_stream_is_active (s))
        g_hash_table_add (feeds, (gpointer) jc_video_room_stream_get_feed_id (s));
    }
  return g_hash_table_size (feeds);
}

static void
check_file (const char *path, const char *caps_prefix, double min_seconds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstDiscoverer) discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  g_autofree char *uri = gst_filename_to_uri (path, &error);
  g_autoptr (GstDiscovererInfo) info = NULL;
  GList *streams;
  gboolean found = FALSE;

  g_assert_no_error (error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);
  g_test_message ("%s: %.2f s", path, (double) gst_discoverer_info_get_duration (info) / GST_SECOND);
  g_assert_cmpfloat ((double) gst_discoverer_info_get_duration (info) / GST_SECOND, >=, min_seconds);
  streams = gst_discoverer_info_get_stream_list (info);
  for (GList *l = streams; l != NULL; l = l->next)
    {
      g_autoptr (GstCaps) caps = gst_discoverer_stream_info_get_caps (l->data);
      g_autofree char *text = gst_caps_to_string (caps);

      if (g_str_has_prefix (text, caps_prefix))
        found = TRUE;
    }
  gst_discoverer_stream_info_list_free (streams);
  g_assert_true (found);
}

static void
on_updated (JcVideoRoom *vr, GPtrArray *streams, guint *count)
{
  (*count)++;
}

static void
on_error (JcVideoRoom *vr, GError *error, gpointer user_data)
{
  g_error ("Subscriber error: %s", error->message);
}

/* Removes @path and everything below it. */
static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_two_publishers_one_subscriber (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-videoroom-XXXXXX", &error);
  g_autofree char *out_dir = g_build_filename (dir, "out/", NULL);
  g_autofree char *input = make_webm (dir);
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = jc_test_create_session (client, &error);
  g_autoptr (JcVideoRoom) admin = attach (session);
  g_autoptr (JcVideoRoom) pub_a = attach (session);
  g_autoptr (JcVideoRoom) pub_b = attach (session);
  g_autoptr (JcVideoRoom) watcher = attach (session);
  g_autoptr (JcVideoRoom) sub = attach (session);
  g_autoptr (JcPeer) peer_a = new_peer (pub_a);
  g_autoptr (JcPeer) peer_b = new_peer (pub_b);
  g_autoptr (JcPeer) peer_sub = new_peer (sub);
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JcVideoRoomId) room = NULL;
  g_autoptr (JcVideoRoomId) wanted = jc_video_room_id_new_number (7000000 + g_random_int_range (0, 100000));
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
  jc_video_room_create_async (admin, wanted, create, NULL, CB);
  result = WAIT_RESULT ();
  room = jc_video_room_create_finish (admin, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* The subscriber follows a publisher handle that publishes nothing. */
  {
    g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
    g_autoptr (JcVideoRoomId) id = NULL;

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
  g_signal_connect (sub, "updated", G_CALLBACK (on_updated), &updates);
  g_signal_connect (sub, "error", G_CALLBACK (on_error), NULL);
  jc_video_room_follow (sub, watcher);

  publish (pub_a, peer_a, room, "test", "pattern");
  publish (pub_b, peer_b, room, input, "file");
  JC_TEST_WAIT_UNTIL_TIMEOUT (active_feeds (sub) == 2, 20);
  mids_of (sub, jc_video_room_get_participant_id (pub_a), &a_video, &a_audio);
  mids_of (sub, jc_video_room_get_participant_id (pub_b), &b_video, &b_audio);
  g_assert_nonnull (a_video);
  g_assert_nonnull (a_audio);
  g_assert_nonnull (b_video);
  g_assert_nonnull (b_audio);

  /* Both feeds flow. */
  JC_TEST_WAIT_UNTIL_TIMEOUT (frames_of (peer_sub, a_video) > 15 && frames_of (peer_sub, b_video) > 15 &&
                                  frames_of (peer_sub, a_audio) > 50 && frames_of (peer_sub, b_audio) > 50,
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
    paused_at = frames_of (peer_sub, a_video);
    jc_test_run_for (1500);
    g_assert_cmpint (frames_of (peer_sub, a_video), <=, paused_at + 2);

    jc_video_room_start_async (sub, NULL, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_video_room_start_finish (sub, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    JC_TEST_WAIT_UNTIL_TIMEOUT (frames_of (peer_sub, a_video) > paused_at + 10, 10);
  }

  a_label = jc_video_room_id_to_string (jc_video_room_get_participant_id (pub_a));
  b_label = jc_video_room_id_to_string (jc_video_room_get_participant_id (pub_b));

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
    JC_TEST_WAIT_UNTIL_TIMEOUT (updates > before && active_feeds (sub) == 1, 20);
  }
  jc_test_run_for (500);
  a_before = frames_of (peer_sub, a_video);
  b_before = frames_of (peer_sub, b_video);
  jc_test_run_for (2000);
  g_assert_cmpint (frames_of (peer_sub, a_video), >, a_before + 10);
  g_assert_cmpint (frames_of (peer_sub, b_video), <=, b_before + 2);
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
      check_file (path, video ? "video/x-vp8" : "audio/x-opus", is_a ? 4.0 : 2.0);
      g_assert_cmpint (frames_of (peer_sub, mid_only), >, video ? 30 : 100);
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
  remove_tree (dir);
}

static void
skip_without_root (void)
{
  g_test_skip ("Media needs Janus in a network namespace, which needs root");
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  if (geteuid () != 0)
    {
      g_test_add_func ("/videoroom-media/two-publishers-one-subscriber", skip_without_root);
      return g_test_run ();
    }
  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_NAMESPACE);
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus in a namespace: %s", error->message);

  g_test_add_func ("/videoroom-media/two-publishers-one-subscriber", test_two_publishers_one_subscriber);
  ret = g_test_run ();
  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  return ret;
}

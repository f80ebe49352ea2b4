/* test-streaming-media.c: the Streaming plugin with media, against a
 * private Janus in a network namespace: an RTP mountpoint (VP8 + Opus,
 * ports chosen by Janus) fed by JcRtpFeeder from the test source, watched
 * by a viewer that records a file; frames fed vs received, pause and
 * start, info's viewer count, the plugin's codes for a second destroy and
 * a missing mountpoint; the feeder's errors; the CLI's feed and watch
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "jc-local-janus.h"
#include "jc-test-media.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;
static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

typedef struct
{
  JcClient *client;
  JcSession *session;
  JcStreaming *admin;  /* administration */
  JcStreaming *viewer; /* watching */
  guint errors;
  gint64 webrtcup_us;
  guint started;
} Fixture;

static void
on_error (JcStreaming *st, GError *error, Fixture *f)
{
  g_test_message ("Streaming error: %s", error->message);
  f->errors++;
}

static void
on_webrtcup (JcHandle *handle, Fixture *f)
{
  if (f->webrtcup_us == 0)
    f->webrtcup_us = g_get_monotonic_time ();
}

static void
on_status (JcStreaming *st, JcStreamingStatus status, Fixture *f)
{
  if (status == JC_STREAMING_STATUS_STARTED)
    f->started++;
}

static JcStreaming *
attach (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  JcStreaming *st;

  jc_streaming_attach_async (f->session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  st = jc_streaming_attach_finish (result, &error);
  g_assert_no_error (error);
  g_signal_connect (st, "error", G_CALLBACK (on_error), f);
  return st;
}

static void
fixture_init (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  memset (f, 0, sizeof *f);
  f->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  f->session = jc_test_create_session (f->client, &error);
  g_assert_no_error (error);
  f->admin = attach (f);
  f->viewer = attach (f);
  g_signal_connect (f->viewer, "webrtcup", G_CALLBACK (on_webrtcup), f);
  g_signal_connect (f->viewer, "status-changed", G_CALLBACK (on_status), f);
}

static void
fixture_clear (Fixture *f)
{
  JcPeer *peer = jc_streaming_get_peer (f->viewer);

  if (peer != NULL)
    jc_test_peer_stop (peer);
  g_assert_true (jc_test_detach (JC_HANDLE (f->viewer), NULL));
  g_assert_true (jc_test_detach (JC_HANDLE (f->admin), NULL));
  g_clear_object (&f->viewer);
  g_clear_object (&f->admin);
  jc_test_destroy (f->session, NULL);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
}

/* An RTP mountpoint, VP8 + Opus, on ports Janus picks. */
static JcStreamingInfo *
create_mountpoint (JcStreaming *st, const char *secret)
{
  g_autoptr (JcStreamingMountpoint) mp = jc_streaming_mountpoint_new ("rtp");
  g_autoptr (JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  JcStreamingInfo *info;

  jc_streaming_mountpoint_set_description (mp, "test camera");
  jc_streaming_mountpoint_set_secret (mp, secret);
  jc_streaming_mountpoint_add_rtp_media (mp, "audio", "a", "opus", 111, 0);
  jc_streaming_mountpoint_add_rtp_media (mp, "video", "v", "vp8", 96, 0);
  g_assert_true (jc_streaming_mountpoint_set_media_extra (mp, "v", "bufferkf", yes));
  g_assert_false (jc_streaming_mountpoint_set_media_extra (mp, "nope", "bufferkf", yes));
  jc_streaming_create_async (st, mp, NULL, CB);
  result = WAIT_RESULT ();
  info = jc_streaming_create_finish (st, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_nonnull (jc_streaming_info_find_media (info, "audio"));
  g_assert_nonnull (jc_streaming_info_find_media (info, "video"));
  g_assert_cmpuint (jc_streaming_media_get_port (jc_streaming_info_find_media (info, "audio")), >, 0);
  g_assert_cmpuint (jc_streaming_media_get_port (jc_streaming_info_find_media (info, "video")), >, 0);
  g_assert_cmpstr (jc_streaming_media_get_mid (jc_streaming_info_find_media (info, "video")), ==, "v");
  return info;
}

static JcRtpFeeder *
start_feeder (JcStreamingInfo *info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcMediaSource) source = jc_media_source_new ("test", &error);
  JcRtpFeeder *feeder;

  g_assert_no_error (error);
  feeder = jc_rtp_feeder_new (source, jc_local_janus_get_host (janus));
  jc_rtp_feeder_set_audio (feeder, jc_streaming_media_get_port (jc_streaming_info_find_media (info, "audio")), 111);
  jc_rtp_feeder_set_video (feeder, jc_streaming_media_get_port (jc_streaming_info_find_media (info, "video")), 96);
  g_assert_true (jc_rtp_feeder_start (feeder, &error));
  g_assert_no_error (error);
  g_assert_true (jc_rtp_feeder_is_running (feeder));
  return feeder;
}

static void
destroy_mountpoint (JcStreaming *st, const JcId *id, const char *secret)
{
  g_autoptr (JcStreamingRequest) options = jc_streaming_request_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  jc_streaming_request_set_secret (options, secret);
  jc_streaming_destroy_async (st, id, options, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_streaming_destroy_finish (st, result, &error));
  g_assert_no_error (error);
}

static JcStreamingInfo *
info_of (JcStreaming *st, const JcId *id, const char *secret)
{
  g_autoptr (JcStreamingRequest) options = jc_streaming_request_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  JcStreamingInfo *info;

  jc_streaming_request_set_secret (options, secret);
  jc_streaming_info_async (st, id, options, NULL, CB);
  result = WAIT_RESULT ();
  info = jc_streaming_info_finish (st, result, &error);
  g_assert_no_error (error);
  return info;
}

/* Watch with a peer recording to @path: returns once `start` was taken. */
static gint64
watch (Fixture *f, const JcId *id, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcMediaSink) sink = jc_media_sink_new (path, &error);
  g_autoptr (JcPeer) peer = jc_test_peer_new (janus, JC_HANDLE (f->viewer));
  g_autoptr (JsonObject) offer = NULL;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_no_error (error);
  jc_peer_set_sink (peer, sink);
  jc_streaming_set_peer (f->viewer, peer);
  g_assert_true (jc_streaming_get_peer (f->viewer) == peer);
  jc_streaming_watch_async (f->viewer, id, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_streaming_watch_finish (f->viewer, result, &offer, &error));
  g_assert_no_error (error);
  g_assert_nonnull (offer);
  g_assert_true (jc_id_equal (jc_streaming_get_mountpoint (f->viewer), id));
  return t0;
}

static void
test_watch (void)
{
  Fixture f;
  g_autoptr (JcStreamingInfo) created = NULL;
  g_autoptr (JcStreamingInfo) info = NULL;
  g_autoptr (JcRtpFeeder) feeder = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-streaming-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (JcId) missing = jc_id_new_number (987654321);
  const JcId *id;
  JcPeer *peer;
  gint64 t0, answered, first_us = 0, fed0, recv0, fed1, recv1, paused0, paused1, resumed;
  double ratio;

  g_assert_no_error (error);
  path = g_build_filename (dir, "watched.webm", NULL);
  fixture_init (&f);
  created = create_mountpoint (f.admin, "s3cret");
  id = jc_streaming_info_get_id (created);
  feeder = start_feeder (created);
  /* Janus sees the stream (age_ms appears) before anyone watches. */
  jc_test_run_for (1000);
  g_assert_cmpuint (jc_rtp_feeder_get_frames_sent (feeder, "video"), >, 5);
  g_assert_cmpuint (jc_rtp_feeder_get_packets_sent (feeder, "audio"), >, 20);
  g_assert_cmpuint (jc_rtp_feeder_get_bytes_sent (feeder, "video"), >, 1000);

  t0 = watch (&f, id, path);
  answered = g_get_monotonic_time ();
  peer = jc_streaming_get_peer (f.viewer);
  JC_TEST_WAIT_UNTIL (f.webrtcup_us != 0);
  while (jc_test_received_frames (peer, "v") == 0 && g_get_monotonic_time () - t0 < 10 * G_USEC_PER_SEC)
    jc_test_run_for (10);
  first_us = g_get_monotonic_time ();
  g_assert_cmpint (jc_test_received_frames (peer, "v"), >, 0);
  g_test_message ("watch → answer taken (start) %.0f ms, → webrtcup %.0f ms (%.0f ms after the answer), → first video frame %.0f ms",
                  (answered - t0) / 1000.0, (f.webrtcup_us - t0) / 1000.0, (f.webrtcup_us - answered) / 1000.0,
                  (first_us - t0) / 1000.0);
  JC_TEST_WAIT_UNTIL (f.started > 0);
  g_assert_cmpint (jc_streaming_get_status (f.viewer), ==, JC_STREAMING_STATUS_STARTED);

  /* Eight seconds of frames fed vs received. */
  fed0 = jc_rtp_feeder_get_frames_sent (feeder, "video");
  recv0 = jc_test_received_frames (peer, "v");
  jc_test_run_for (8000);
  fed1 = jc_rtp_feeder_get_frames_sent (feeder, "video");
  recv1 = jc_test_received_frames (peer, "v");
  ratio = (double) (recv1 - recv0) / (double) (fed1 - fed0);
  g_test_message ("video frames over 8 s: fed %" G_GINT64_FORMAT ", received %" G_GINT64_FORMAT " (%.1f %%); audio fed %" G_GUINT64_FORMAT
                  ", received %" G_GINT64_FORMAT,
                  fed1 - fed0, recv1 - recv0, ratio * 100, jc_rtp_feeder_get_frames_sent (feeder, "audio"),
                  jc_test_received_frames (peer, "a"));
  g_assert_cmpint (fed1 - fed0, >=, 100);
  g_assert_cmpfloat (ratio, >=, 0.9);
  g_assert_cmpint (jc_test_received_frames (peer, "a"), >, 100);

  /* info (with the secret) shows the viewer and the ports. */
  info = info_of (f.admin, id, "s3cret");
  g_assert_cmpint (jc_streaming_info_get_viewers (info), ==, 1);
  g_assert_cmpstr (jc_streaming_info_get_secret (info), ==, "s3cret");
  g_assert_cmpuint (jc_streaming_media_get_port (jc_streaming_info_find_media (info, "video")), ==,
                    jc_streaming_media_get_port (jc_streaming_info_find_media (created, "video")));
  g_assert_cmpstr (jc_streaming_media_get_codec (jc_streaming_info_find_media (info, "video")), ==, "vp8");
  g_assert_cmpint (jc_streaming_media_get_pt (jc_streaming_info_find_media (info, "audio")), ==, 111);
  g_assert_cmpint (jc_streaming_media_get_age_ms (jc_streaming_info_find_media (info, "video")), <, 1000);

  /* pause stops the frames, start resumes them. */
  jc_streaming_pause_async (f.viewer, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_streaming_pause_finish (f.viewer, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (jc_streaming_get_status (f.viewer), ==, JC_STREAMING_STATUS_PAUSED);
  jc_test_run_for (500);
  paused0 = jc_test_received_frames (peer, "v");
  jc_test_run_for (2000);
  paused1 = jc_test_received_frames (peer, "v");
  g_test_message ("paused: %" G_GINT64_FORMAT " frames in 2 s (audio so far %" G_GINT64_FORMAT ")", paused1 - paused0,
                  jc_test_received_frames (peer, "a"));
  g_assert_cmpint (paused1 - paused0, <=, 2);
  jc_streaming_start_async (f.viewer, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_streaming_start_finish (f.viewer, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (jc_streaming_get_status (f.viewer), ==, JC_STREAMING_STATUS_STARTED);
  jc_test_run_for (2000);
  resumed = jc_test_received_frames (peer, "v") - paused1;
  g_test_message ("resumed: %" G_GINT64_FORMAT " frames in 2 s (audio so far %" G_GINT64_FORMAT ")", resumed,
                  jc_test_received_frames (peer, "a"));
  g_assert_cmpint (resumed, >=, 20);

  /* configure: the video alone off (audio goes on), then on again. */
  {
    g_autoptr (JcStreamingRequest) off = jc_streaming_request_new ();
    g_autoptr (JcStreamingRequest) on = jc_streaming_request_new ();
    gint64 v0, v1, a0, a1;

    jc_streaming_request_set_mid (off, "v");
    jc_streaming_request_set_send (off, FALSE);
    jc_streaming_configure_async (f.viewer, off, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_streaming_configure_finish (f.viewer, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    jc_test_run_for (500);
    v0 = jc_test_received_frames (peer, "v");
    a0 = jc_test_received_frames (peer, "a");
    jc_test_run_for (1500);
    v1 = jc_test_received_frames (peer, "v");
    a1 = jc_test_received_frames (peer, "a");
    g_test_message ("video off: %" G_GINT64_FORMAT " video, %" G_GINT64_FORMAT " audio frames in 1.5 s", v1 - v0, a1 - a0);
    /* Audio is not checked: the WebM muxer of the recording waits for
     * video to interleave, so the audio branch stalls with it. */
    g_assert_cmpint (v1 - v0, <=, 2);
    jc_streaming_request_set_mid (on, "v");
    jc_streaming_request_set_send (on, TRUE);
    jc_streaming_configure_async (f.viewer, on, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_streaming_configure_finish (f.viewer, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    jc_test_run_for (1500);
    g_assert_cmpint (jc_test_received_frames (peer, "v") - v1, >=, 10);
  }

  /* switch to a second mountpoint of the same shape, fed by another
   * feeder: the same PeerConnection goes on receiving. */
  {
    g_autoptr (JcStreamingInfo) second = create_mountpoint (f.admin, "s3cret-2");
    g_autoptr (JcRtpFeeder) feeder2 = start_feeder (second);
    gint64 before;
    guint switched = 0;
    gulong handler = g_signal_connect_swapped (f.viewer, "switched", G_CALLBACK (g_atomic_int_inc), &switched);

    jc_rtp_feeder_stop (feeder);
    jc_test_run_for (1000);
    before = jc_test_received_frames (peer, "v");
    jc_streaming_switch_async (f.viewer, jc_streaming_info_get_id (second), NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_streaming_switch_finish (f.viewer, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_cmpuint (switched, ==, 1);
    g_assert_true (jc_id_equal (jc_streaming_get_mountpoint (f.viewer), jc_streaming_info_get_id (second)));
    jc_test_run_for (3000);
    g_test_message ("after switch: %" G_GINT64_FORMAT " video frames in 3 s", jc_test_received_frames (peer, "v") - before);
    g_assert_cmpint (jc_test_received_frames (peer, "v") - before, >=, 20);
    /* and back */
    g_assert_true (jc_rtp_feeder_start (feeder, &error));
    g_assert_no_error (error);
    jc_streaming_switch_async (f.viewer, id, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_streaming_switch_finish (f.viewer, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_true (jc_id_equal (jc_streaming_get_mountpoint (f.viewer), id));
    g_signal_handler_disconnect (f.viewer, handler);
    jc_rtp_feeder_stop (feeder2);
    destroy_mountpoint (f.admin, jc_streaming_info_get_id (second), "s3cret-2");
  }

  /* The recording plays. */
  jc_test_peer_stop (peer);
  jc_test_check_media_file (path, "video/x-vp8", 5.0);

  /* stop: `stopping`, then Janus's `stopped` event. */
  jc_streaming_stop_async (f.viewer, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_streaming_stop_finish (f.viewer, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  JC_TEST_WAIT_UNTIL_TIMEOUT (jc_streaming_get_status (f.viewer) == JC_STREAMING_STATUS_STOPPED, 30);
  g_assert_null (jc_streaming_get_mountpoint (f.viewer));
  jc_streaming_set_peer (f.viewer, NULL);

  /* Destroying twice: the plugin's 455 the second time. */
  jc_rtp_feeder_stop (feeder);
  g_assert_false (jc_rtp_feeder_is_running (feeder));
  destroy_mountpoint (f.admin, id, "s3cret");
  jc_streaming_destroy_async (f.admin, id, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_streaming_destroy_finish (f.admin, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Watching a missing mountpoint: 455 as well. */
  jc_streaming_watch_async (f.viewer, missing, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_streaming_watch_finish (f.viewer, result, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
  g_clear_error (&error);

  g_assert_cmpuint (f.errors, ==, 0);
  fixture_clear (&f);
  jc_test_remove_tree (dir);
}

/* The feeder's own errors, told before anything is sent. */
static void
test_feeder_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcMediaSource) source = jc_media_source_new ("test", &error);
  g_autoptr (JcMediaSource) silent = jc_media_source_new ("test", &error);
  g_autoptr (JcRtpFeeder) bad_host = NULL;
  g_autoptr (JcRtpFeeder) no_port = NULL;
  g_autoptr (JcRtpFeeder) no_audio = NULL;

  g_assert_no_error (error);
  bad_host = jc_rtp_feeder_new (source, "no-such-host.invalid");
  jc_rtp_feeder_set_video (bad_host, 5004, 96);
  g_assert_false (jc_rtp_feeder_start (bad_host, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "no-such-host.invalid"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (jc_rtp_feeder_is_running (bad_host));

  no_port = jc_rtp_feeder_new (source, "127.0.0.1");
  g_assert_false (jc_rtp_feeder_start (no_port, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  jc_media_source_set_audio (silent, FALSE);
  no_audio = jc_rtp_feeder_new (silent, "127.0.0.1");
  jc_rtp_feeder_set_audio (no_audio, 5002, 111);
  g_assert_false (jc_rtp_feeder_start (no_audio, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "no audio"));
  g_test_message ("%s", error->message);
  g_assert_false (jc_rtp_feeder_is_running (no_audio));
  g_assert_cmpuint (jc_rtp_feeder_get_packets_sent (no_audio, "audio"), ==, 0);
}

static void
on_kicked_notify (JcStreaming *st, GParamSpec *pspec, guint *kicked)
{
  if (jc_streaming_get_status (st) == JC_STREAMING_STATUS_KICKED)
    (*kicked)++;
}

/* `janus-client streaming feed` into a mountpoint watched by a viewer of
 * ours, then `streaming watch` next to it; both print their summaries. */
static void
test_cli (void)
{
  Fixture f;
  const char *cli = g_getenv ("JANUS_CLIENT_CLI");
  const char *ws = jc_local_janus_get_ws_uri (janus);
  const char *ice = jc_local_janus_get_client_address (janus);
  g_autoptr (JcStreamingInfo) created = NULL;
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) feeding = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL, *id_text = NULL, *aport = NULL, *vport = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-streaming-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (JsonObject) feed_summary = NULL;
  g_autoptr (JsonObject) watch_summary = NULL;
  g_auto (JcTestCliRun) run = { 0 };
  JsonArray *tracks;
  gint64 received, sent = 0;

  g_assert_nonnull (cli);
  g_assert_no_error (error);
  path = g_build_filename (dir, "cli.webm", NULL);
  fixture_init (&f);
  created = create_mountpoint (f.admin, "cli-secret");
  id_text = jc_id_to_string (jc_streaming_info_get_id (created));
  aport = g_strdup_printf ("%u", jc_streaming_media_get_port (jc_streaming_info_find_media (created, "audio")));
  vport = g_strdup_printf ("%u", jc_streaming_media_get_port (jc_streaming_info_find_media (created, "video")));

  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  /* The ports from info (given the secret), the host from --server. */
  feeding = g_subprocess_launcher_spawn (launcher, &error, cli, "--json", "--server", ws, "streaming", "feed", "--id", id_text,
                                         "--secret", "cli-secret", "--duration", "9", NULL);
  g_assert_no_error (error);
  watch (&f, jc_streaming_info_get_id (created), path);
  JC_TEST_WAIT_UNTIL (f.webrtcup_us != 0);

  /* The CLI's viewer, next to ours. */
  jc_test_cli_runv (&run, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "--ice-address", ice, "streaming", "watch", "--id", id_text,
                                           "--duration", "3", NULL });
  g_test_message ("watch stdout: %s\nwatch stderr: %s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  watch_summary = jc_test_json (strrchr (g_strstrip (run.out), '\n') != NULL ? strrchr (run.out, '\n') + 1 : run.out);
  g_assert_true (json_object_get_boolean_member (watch_summary, "webrtcup"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (watch_summary, "tracks")), >=, 2);

  g_subprocess_communicate_utf8 (feeding, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("feed stdout: %s\nfeed stderr: %s", out, err);
  g_assert_true (g_subprocess_get_if_exited (feeding));
  g_assert_cmpint (g_subprocess_get_exit_status (feeding), ==, 0);
  g_assert_nonnull (strstr (err, "video frames"));
  g_assert_nonnull (strstr (out, aport));
  g_assert_nonnull (strstr (out, vport));
  feed_summary = jc_test_json (out);
  tracks = json_object_get_array_member (feed_summary, "tracks");
  g_assert_cmpuint (json_array_get_length (tracks), ==, 2);
  for (guint i = 0; i < json_array_get_length (tracks); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (tracks, i), "kind"), "video"))
      sent = json_object_get_int_member (json_array_get_object_element (tracks, i), "frames");
  g_assert_cmpint (sent, >=, 100);
  received = jc_test_received_frames (jc_streaming_get_peer (f.viewer), "v");
  g_test_message ("CLI feed: %" G_GINT64_FORMAT " video frames sent, %" G_GINT64_FORMAT " received by our viewer", sent, received);
  g_assert_cmpint (received, >=, 60);

  /* kick_all: our viewer is told `kicked_all`, then hung up. */
  {
    g_autoptr (JcStreamingRequest) options = jc_streaming_request_new ();
    g_autoptr (GAsyncResult) result = NULL;
    guint kicked = 0;

    g_signal_connect (f.viewer, "notify::status", G_CALLBACK (on_kicked_notify), &kicked);
    jc_streaming_request_set_secret (options, "cli-secret");
    jc_streaming_kick_all_async (f.admin, jc_streaming_info_get_id (created), options, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_streaming_kick_all_finish (f.admin, result, &error));
    g_assert_no_error (error);
    JC_TEST_WAIT_UNTIL_TIMEOUT (jc_streaming_get_status (f.viewer) == JC_STREAMING_STATUS_STOPPED, 30);
    g_assert_cmpuint (kicked, ==, 1);
  }
  destroy_mountpoint (f.admin, jc_streaming_info_get_id (created), "cli-secret");
  fixture_clear (&f);
  jc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_test_media_janus_start (NULL);
  jc_test_media_add_func ("/streaming/media/watch", test_watch);
  g_test_add_func ("/streaming/media/feeder-errors", test_feeder_errors);
  jc_test_media_add_func ("/streaming/media/cli", test_cli);
  ret = g_test_run ();
  g_clear_pointer (&janus, jc_test_media_janus_stop);
  return ret;
}

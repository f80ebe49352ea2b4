/* test-recordplay-media.c: the Record&Play plugin with real media,
 * against a private Janus in a network namespace: record 6 s of the test
 * source (VP8 + Opus), find it in `list` and its MJR files in Janus's
 * folder, play it back to a file (frames counted against what was sent
 * and what was recorded), pause and resume a recording, play a missing
 * id; and the CLI's record, list and play against one server
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
  JcRecordPlay *rp;
  JcPeer *peer;
  guint errors;
  guint done;
  guint recording;
  guint playing;
  guint paused;
  guint resumed;
  gint64 webrtcup_us;
} User;

static void
on_error (JcRecordPlay *rp, GError *error, User *user)
{
  g_test_message ("Record&Play error: %s", error->message);
  user->errors++;
}

static void
on_done (JcRecordPlay *rp, guint64 id, User *user)
{
  user->done++;
}

static void
on_recording (JcRecordPlay *rp, guint64 id, User *user)
{
  user->recording++;
}

static void
on_playing (JcRecordPlay *rp, guint64 id, User *user)
{
  user->playing++;
}

static void
on_paused (JcRecordPlay *rp, guint64 id, User *user)
{
  user->paused++;
}

static void
on_resumed (JcRecordPlay *rp, guint64 id, User *user)
{
  user->resumed++;
}

static void
on_webrtcup (JcHandle *handle, User *user)
{
  if (user->webrtcup_us == 0)
    user->webrtcup_us = g_get_monotonic_time ();
}

static void
user_init (User *user)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  memset (user, 0, sizeof *user);
  user->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  user->session = jc_test_create_session (user->client, &error);
  g_assert_no_error (error);
  jc_record_play_attach_async (user->session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  user->rp = jc_record_play_attach_finish (result, &error);
  g_assert_no_error (error);
  g_signal_connect (user->rp, "error", G_CALLBACK (on_error), user);
  g_signal_connect (user->rp, "done", G_CALLBACK (on_done), user);
  g_signal_connect (user->rp, "recording", G_CALLBACK (on_recording), user);
  g_signal_connect (user->rp, "playing", G_CALLBACK (on_playing), user);
  g_signal_connect (user->rp, "paused", G_CALLBACK (on_paused), user);
  g_signal_connect (user->rp, "resumed", G_CALLBACK (on_resumed), user);
  g_signal_connect (user->rp, "webrtcup", G_CALLBACK (on_webrtcup), user);
  user->peer = jc_test_peer_new (janus, JC_HANDLE (user->rp));
  jc_record_play_set_peer (user->rp, user->peer);
}

static void
user_clear (User *user)
{
  if (user->peer != NULL)
    jc_test_peer_stop (user->peer);
  g_clear_object (&user->peer);
  if (user->rp != NULL)
    g_assert_true (jc_test_detach (JC_HANDLE (user->rp), NULL));
  g_clear_object (&user->rp);
  if (user->session != NULL)
    jc_test_destroy (user->session, NULL);
  g_clear_object (&user->session);
  g_clear_object (&user->client);
}

/* Frames (video) or buffers (audio) sent or received on every track of
 * @kind. */
static gint64
frames (JcPeer *peer, const char *direction, const char *kind)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);
  gint64 total = 0;

  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);

      if (g_strcmp0 (json_object_get_string_member (track, "direction"), direction) == 0 &&
          g_strcmp0 (json_object_get_string_member (track, "kind"), kind) == 0)
        total += json_object_get_int_member (track, "frames");
    }
  return total;
}

static gboolean
keep_going (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Wakes the main context every 10 ms, so that conditions on counters
 * updated elsewhere are seen in time. */
static GSource *
ticker_new (void)
{
  GSource *source = g_timeout_source_new (10);

  g_source_set_callback (source, keep_going, NULL, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

static void
ticker_free (GSource *source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

static void
on_handoff (GstElement *sink, GstBuffer *buffer, GstPad *pad, gpointer user_data)
{
  g_atomic_int_inc ((gint *) user_data);
}

/* Video frames in @path (a WebM of one VP8 stream). */
static gint64
count_file_frames (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *description = g_strdup_printf ("filesrc location=\"%s\" ! matroskademux ! video/x-vp8 ! fakesink name=sink "
                                                  "signal-handoffs=true sync=false",
                                                  path);
  g_autoptr (GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) message = NULL;
  gint count = 0;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), &count);
  bus = gst_element_get_bus (pipeline);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  message = gst_bus_timed_pop_filtered (bus, 20 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return g_atomic_int_get (&count);
}

static guint64
record (User *user, const char *name, gint64 *out_setup_us)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (JcMediaSource) source = jc_media_source_new ("test", &error);
  gint64 start;
  guint64 id;

  g_assert_no_error (error);
  jc_peer_set_source (user->peer, source);
  start = g_get_monotonic_time ();
  jc_record_play_record_async (user->rp, name, 0, NULL, NULL, NULL, CB);
  result = WAIT_RESULT ();
  id = jc_record_play_record_finish (user->rp, result, &answer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (id, !=, 0);
  g_assert_nonnull (answer);
  g_assert_cmpuint (user->recording, ==, 1);
  g_assert_cmpint (jc_record_play_get_state (user->rp), ==, JC_RECORD_PLAY_STATE_RECORDING);
  g_assert_cmpuint (jc_record_play_get_recording_id (user->rp), ==, id);
  JC_TEST_WAIT_UNTIL_TIMEOUT (user->webrtcup_us != 0, 15);
  *out_setup_us = user->webrtcup_us - start;
  return id;
}

static void
stop (User *user)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  jc_record_play_stop_async (user->rp, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_record_play_stop_finish (user->rp, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jc_record_play_get_state (user->rp), ==, JC_RECORD_PLAY_STATE_IDLE);
  JC_TEST_WAIT_UNTIL (user->done == 1);
}

static JcRecordPlayRecording *
find_listed (User *user, guint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) recordings = NULL;

  jc_record_play_list_async (user->rp, NULL, CB);
  result = WAIT_RESULT ();
  recordings = jc_record_play_list_finish (user->rp, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < recordings->len; i++)
    if (jc_record_play_recording_get_id (g_ptr_array_index (recordings, i)) == id)
      return jc_record_play_recording_ref (g_ptr_array_index (recordings, i));
  return NULL;
}

static char *
mjr_path (guint64 id, const char *kind)
{
  g_autofree char *file = g_strdup_printf ("rec-%" G_GUINT64_FORMAT "-%s.mjr", id, kind);

  return g_build_filename (jc_local_janus_get_work_dir (janus), "recordings", file, NULL);
}

static void
test_record_play (void)
{
  User recorder, player;
  g_autofree char *name = g_strdup_printf ("jc-media-%u", g_random_int ());
  g_autofree char *dir = NULL;
  g_autofree char *played = NULL;
  g_autofree char *recorded_webm = NULL;
  g_autofree char *video_mjr = NULL;
  g_autofree char *audio_mjr = NULL;
  g_autoptr (JcRecordPlayRecording) rec = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) offer = NULL;
  gint64 setup_us, sent_video, sent_audio, recorded_video, played_video, played_audio, play_start, first_frame_us, play_webrtcup;
  guint64 id;

  dir = g_dir_make_tmp ("jc-recordplay-media-XXXXXX", &error);
  g_assert_no_error (error);

  /* Record 6 s. */
  user_init (&recorder);
  id = record (&recorder, name, &setup_us);
  jc_test_run_for (6000);
  /* Not listed while it is being recorded. */
  g_assert_null (find_listed (&recorder, id));
  stop (&recorder);
  /* What was sent until Janus closed the recording ("done"). */
  sent_video = frames (recorder.peer, "sent", "video");
  sent_audio = frames (recorder.peer, "sent", "audio");
  jc_test_peer_stop (recorder.peer);
  g_assert_cmpuint (recorder.errors, ==, 0);

  /* Listed with its name and media; the MJR files are in the folder. */
  rec = find_listed (&recorder, id);
  g_assert_nonnull (rec);
  g_assert_cmpstr (jc_record_play_recording_get_name (rec), ==, name);
  g_assert_nonnull (jc_record_play_recording_get_date (rec));
  g_assert_true (jc_record_play_recording_has_audio (rec));
  g_assert_true (jc_record_play_recording_has_video (rec));
  g_assert_cmpstr (jc_record_play_recording_get_video_codec (rec), ==, "vp8");
  g_assert_cmpstr (jc_record_play_recording_get_audio_codec (rec), ==, "opus");
  video_mjr = mjr_path (id, "video");
  audio_mjr = mjr_path (id, "audio");
  g_assert_true (g_file_test (video_mjr, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (audio_mjr, G_FILE_TEST_EXISTS));
  recorded_webm = g_build_filename (dir, "recorded-video.webm", NULL);
  jc_test_post_process_mjr (video_mjr, recorded_webm);
  recorded_video = count_file_frames (recorded_webm);

  /* Play it back to a file, from another handle. */
  user_init (&player);
  played = g_build_filename (dir, "played.webm", NULL);
  {
    g_autoptr (JcMediaSink) sink = jc_media_sink_new (played, &error);

    g_assert_no_error (error);
    jc_peer_set_sink (player.peer, sink);
  }
  play_start = g_get_monotonic_time ();
  jc_record_play_play_async (player.rp, id, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_record_play_play_finish (player.rp, result, &offer, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_nonnull (offer);
  g_assert_cmpuint (player.playing, ==, 1);
  g_assert_cmpint (jc_record_play_get_state (player.rp), ==, JC_RECORD_PLAY_STATE_PLAYING);
  {
    GSource *ticker = ticker_new ();

    JC_TEST_WAIT_UNTIL_TIMEOUT (frames (player.peer, "received", "video") > 0, 15);
    first_frame_us = g_get_monotonic_time () - play_start;
    ticker_free (ticker);
  }
  play_webrtcup = player.webrtcup_us - play_start;
  /* Janus plays it to its end, then closes the PeerConnection. */
  JC_TEST_WAIT_UNTIL_TIMEOUT (player.done == 1, 20);
  g_assert_cmpint (jc_record_play_get_state (player.rp), ==, JC_RECORD_PLAY_STATE_IDLE);
  played_video = frames (player.peer, "received", "video");
  played_audio = frames (player.peer, "received", "audio");
  jc_test_peer_stop (player.peer);
  g_assert_cmpuint (player.errors, ==, 0);

  g_test_message ("record → webrtcup %.0f ms; play → webrtcup %.0f ms, → first frame %.0f ms", setup_us / 1000.0,
                  play_webrtcup / 1000.0, first_frame_us / 1000.0);
  g_test_message ("video frames: sent %" G_GINT64_FORMAT ", recorded %" G_GINT64_FORMAT ", played back %" G_GINT64_FORMAT
                  "; audio buffers: sent %" G_GINT64_FORMAT ", played back %" G_GINT64_FORMAT,
                  sent_video, recorded_video, played_video, sent_audio, played_audio);
  g_assert_cmpint (sent_video, >, 60);
  g_assert_cmpint (recorded_video * 10, >=, sent_video * 9);
  g_assert_cmpint (played_video * 10, >=, recorded_video * 9);
  g_assert_cmpint (played_audio * 10, >=, sent_audio * 8);
  jc_test_check_media_file (played, "video/x-vp8", 5.0);
  jc_test_check_media_file (played, "audio/x-opus", 5.0);

  /* A missing id: the plugin's 416. */
  jc_record_play_play_async (player.rp, id + 1, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_record_play_play_finish (player.rp, result, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  user_clear (&recorder);
  user_clear (&player);
  jc_test_remove_tree (dir);
}

/* pause and resume: Janus leaves the paused stretch out of the file. */
static void
test_pause_resume (void)
{
  User user;
  g_autofree char *name = g_strdup_printf ("jc-pause-%u", g_random_int ());
  g_autofree char *dir = NULL;
  g_autofree char *video_mjr = NULL;
  g_autofree char *webm = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  gint64 setup_us, sent, recorded;
  guint64 id;

  dir = g_dir_make_tmp ("jc-recordplay-pause-XXXXXX", &error);
  g_assert_no_error (error);
  user_init (&user);
  id = record (&user, name, &setup_us);
  jc_test_run_for (1500);
  jc_record_play_pause_async (user.rp, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_record_play_pause_finish (user.rp, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (user.paused, ==, 1);
  g_assert_cmpint (jc_record_play_get_state (user.rp), ==, JC_RECORD_PLAY_STATE_PAUSED);
  jc_test_run_for (2000);
  jc_record_play_resume_async (user.rp, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_record_play_resume_finish (user.rp, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (user.resumed, ==, 1);
  g_assert_cmpint (jc_record_play_get_state (user.rp), ==, JC_RECORD_PLAY_STATE_RECORDING);
  jc_test_run_for (1500);
  sent = frames (user.peer, "sent", "video");
  stop (&user);
  video_mjr = mjr_path (id, "video");
  webm = g_build_filename (dir, "paused.webm", NULL);
  jc_test_post_process_mjr (video_mjr, webm);
  recorded = count_file_frames (webm);
  g_test_message ("pause/resume: sent %" G_GINT64_FORMAT " video frames over 5 s, recorded %" G_GINT64_FORMAT, sent, recorded);
  /* About 2 s of 5 paused: clearly fewer frames, but some on both sides. */
  g_assert_cmpint (recorded, >, sent / 4);
  g_assert_cmpint (recorded * 10, <, sent * 8);
  g_assert_cmpuint (user.errors, ==, 0);
  user_clear (&user);
  jc_test_remove_tree (dir);
}

static JsonObject *
single_line (const JcTestCliRun *run)
{
  g_autofree char *line = g_strdup (run->out);

  g_assert_true (g_str_has_suffix (line, "\n"));
  g_strchomp (line);
  g_assert_null (strchr (line, '\n'));
  return jc_test_json (line);
}

static gint64
track_frames (JsonObject *summary, const char *direction, const char *kind)
{
  JsonArray *tracks = json_object_get_array_member (summary, "tracks");
  gint64 total = 0;

  for (guint i = 0; i < json_array_get_length (tracks); i++)
    {
      JsonObject *t = json_array_get_object_element (tracks, i);

      if (g_strcmp0 (json_object_get_string_member (t, "direction"), direction) == 0 &&
          g_strcmp0 (json_object_get_string_member (t, "kind"), kind) == 0)
        total += json_object_get_int_member (t, "frames");
    }
  return total;
}

/* The CLI against one server: record, list, play. */
static void
test_cli (void)
{
  const char *ws = jc_local_janus_get_ws_uri (janus);
  const char *ice = jc_local_janus_get_client_address (janus);
  g_autofree char *name = g_strdup_printf ("jc-cli-%u", g_random_int ());
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *id_text = NULL;
  g_auto (JcTestCliRun) rec = { 0 };
  g_auto (JcTestCliRun) listed = { 0 };
  g_auto (JcTestCliRun) played = { 0 };
  g_auto (JcTestCliRun) missing = { 0 };
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (JsonObject) play = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *recordings;
  gboolean found = FALSE;
  gint64 id;

  dir = g_dir_make_tmp ("jc-recordplay-cli-XXXXXX", &error);
  g_assert_no_error (error);
  jc_test_cli_runv (&rec, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "--ice-address", ice, "recordplay", "record", "--name", name,
                                           "--duration", "6", NULL });
  g_test_message ("record stderr: %s", rec.err);
  g_assert_cmpint (rec.status, ==, 0);
  summary = single_line (&rec);
  g_assert_true (json_object_get_boolean_member (summary, "webrtcup"));
  id = json_object_get_int_member (summary, "id");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (json_object_get_string_member (summary, "name"), ==, name);
  g_assert_cmpint (track_frames (summary, "sent", "video"), >, 60);

  jc_test_cli_runv (&listed, NULL, NULL, (const char *const[]){ "--json", "--server", ws, "recordplay", "list", NULL });
  g_assert_cmpint (listed.status, ==, 0);
  list = single_line (&listed);
  recordings = json_object_get_array_member (list, "recordings");
  for (guint i = 0; i < json_array_get_length (recordings); i++)
    {
      JsonObject *r = json_array_get_object_element (recordings, i);

      if (json_object_get_int_member (r, "id") == id)
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (r, "name"), ==, name);
          g_assert_nonnull (json_object_get_string_member (r, "date"));
          g_assert_true (json_object_get_boolean_member (r, "audio"));
          g_assert_true (json_object_get_boolean_member (r, "video"));
        }
    }
  g_assert_true (found);

  out = g_build_filename (dir, "cli-played.webm", NULL);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  jc_test_cli_runv (&played, NULL, NULL,
                    (const char *const[]){ "--server", ws, "--ice-address", ice, "--json", "recordplay", "play", "--id", id_text,
                                           "--output", out, NULL });
  g_test_message ("play stderr: %s", played.err);
  g_assert_cmpint (played.status, ==, 0);
  play = single_line (&played);
  g_assert_true (json_object_get_boolean_member (play, "webrtcup"));
  g_assert_cmpint (json_object_get_int_member (play, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (play, "output"), ==, out);
  g_test_message ("CLI: sent %" G_GINT64_FORMAT " video frames, played back %" G_GINT64_FORMAT,
                  track_frames (summary, "sent", "video"), track_frames (play, "received", "video"));
  g_assert_cmpint (track_frames (play, "received", "video") * 10, >=, track_frames (summary, "sent", "video") * 8);
  jc_test_check_media_file (out, "video/x-vp8", 5.0);

  /* A missing id: the plugin's 416, exit 1. */
  jc_test_cli_runv (&missing, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "--ice-address", ice, "recordplay", "play", "--id", "1", NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.out, "\"code\":416"));
  jc_test_remove_tree (dir);
}

/* Without --server, each command's private Janus records into a folder
 * of its own, unless --recordings-dir gives them the same one. */
static void
test_cli_recordings_dir (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *recordings = NULL;
  g_autofree char *id_text = NULL;
  g_auto (JcTestCliRun) rec = { 0 };
  g_auto (JcTestCliRun) listed = { 0 };
  g_auto (JcTestCliRun) played = { 0 };
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (JsonObject) play = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *nfo = NULL;
  JsonArray *array;
  gint64 id;

  dir = g_dir_make_tmp ("jc-recordplay-dir-XXXXXX", &error);
  g_assert_no_error (error);
  recordings = g_build_filename (dir, "kept", NULL);
  jc_test_cli_runv (&rec, NULL, NULL,
                    (const char *const[]){ "--json", "recordplay", "record", "--name", "kept", "--duration", "2",
                                           "--recordings-dir", recordings, NULL });
  g_assert_cmpint (rec.status, ==, 0);
  summary = single_line (&rec);
  id = json_object_get_int_member (summary, "id");
  g_assert_cmpint (id, >, 0);
  nfo = g_strdup_printf ("%s/%" G_GINT64_FORMAT ".nfo", recordings, id);
  g_assert_true (g_file_test (nfo, G_FILE_TEST_EXISTS));

  jc_test_cli_runv (&listed, NULL, NULL,
                    (const char *const[]){ "--json", "recordplay", "list", "--recordings-dir", recordings, NULL });
  g_assert_cmpint (listed.status, ==, 0);
  list = single_line (&listed);
  array = json_object_get_array_member (list, "recordings");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "name"), ==, "kept");

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  jc_test_cli_runv (&played, NULL, NULL,
                    (const char *const[]){ "--json", "recordplay", "play", "--id", id_text, "--recordings-dir", recordings, NULL });
  g_assert_cmpint (played.status, ==, 0);
  play = single_line (&played);
  g_assert_cmpint (track_frames (play, "received", "video"), >, 15);
  jc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_test_media_janus_start (NULL);
  jc_test_media_add_func ("/recordplay/media/record-play", test_record_play);
  jc_test_media_add_func ("/recordplay/media/pause-resume", test_pause_resume);
  jc_test_media_add_func ("/recordplay/media/cli", test_cli);
  jc_test_media_add_func ("/recordplay/media/cli-recordings-dir", test_cli_recordings_dir);
  ret = g_test_run ();
  g_clear_pointer (&janus, jc_test_media_janus_stop);
  return ret;
}

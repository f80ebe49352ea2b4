/* test-simulcast.c: a publisher sending three simulcast layers (rid h, m,
 * l) into a VideoRoom, a subscriber switching between them and seeing the
 * picture size change (VP8, H.264, from a file); EchoTest echoing the layer
 * asked for; the CLI's --simulcast and --substream; talking events from the
 * audio level header extension
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib/gstdio.h>
#include <gst/pbutils/pbutils.h>
#include <gst/video/video.h>
#include <string.h>
#include <unistd.h>

#include "jc-local-janus.h"
#include "jc-test-media.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;
static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

/* What the subscriber's callback sink saw last (main context). */
typedef struct
{
  int width; /* of the last decoded video frame */
  guint video_frames;
  guint audio_buffers;
  int substream; /* last layer-changed */
  guint layer_events;
} Seen;

static void
on_frame (JcMediaSink *sink, const char *kind, const char *mid, GstSample *sample, Seen *seen)
{
  GstCaps *caps = gst_sample_get_caps (sample);
  int width = 0;

  if (g_str_equal (kind, "audio"))
    {
      seen->audio_buffers++;
      return;
    }
  g_assert_nonnull (caps);
  g_assert_true (gst_structure_get_int (gst_caps_get_structure (caps, 0), "width", &width));
  seen->width = width;
  seen->video_frames++;
}

static void
on_layer_changed (JcVideoRoom *vr, const char *mid, int substream, int temporal, Seen *seen)
{
  g_test_message ("layer-changed: mid %s substream %d temporal %d", mid, substream, temporal);
  if (substream >= 0)
    seen->substream = substream;
  seen->layer_events++;
}

static void
on_talking (JcVideoRoom *vr, const JcId *id, const char *mid, guint *count)
{
  (*count)++;
}

/* Key-frame requests each layer's encoder got (streaming threads). */
static gint keyframe_requests[3];

static GstPadProbeReturn
on_keyframe_request (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  if (gst_video_event_is_force_key_unit (GST_PAD_PROBE_INFO_EVENT (info)))
    g_atomic_int_inc (&keyframe_requests[GPOINTER_TO_INT (user_data)]);
  return GST_PAD_PROBE_OK;
}

static void
count_keyframe_requests (JcPeer *peer)
{
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("jc-sim-pay-%d", i);
      g_autoptr (GstElement) payloader = gst_bin_get_by_name (GST_BIN (jc_peer_get_pipeline (peer)), name);
      g_autoptr (GstPad) sink = NULL;

      g_assert_nonnull (payloader);
      sink = gst_element_get_static_pad (payloader, "sink");
      gst_pad_add_probe (sink, GST_PAD_PROBE_TYPE_EVENT_UPSTREAM, on_keyframe_request, GINT_TO_POINTER (i), NULL);
    }
}

/* Asks Janus for @substream of the subscription's video @mid. */
static void
want_layer (JcVideoRoom *sub, const char *mid, int substream)
{
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (JsonArray) streams = json_array_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *stream = json_object_new ();

  json_object_set_string_member (stream, "mid", mid);
  json_object_set_int_member (stream, "substream", substream);
  json_array_add_object_element (streams, stream);
  jc_video_room_request_set_streams (options, streams);
  jc_video_room_configure_async (sub, options, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_configure_finish (sub, result, NULL, &error));
  g_assert_no_error (error);
}

/* The frames Janus forwards are @width wide and stay so. */
static void
wait_width (Seen *seen, int width)
{
  guint frames;

  JC_TEST_WAIT_UNTIL_TIMEOUT (seen->width == width, 15);
  frames = seen->video_frames;
  jc_test_run_for (1000);
  g_assert_cmpint (seen->width, ==, width);
  g_assert_cmpuint (seen->video_frames, >, frames + 5);
}

typedef struct
{
  gboolean file;      /* a looping 640×360 file (decoded and encoded again: no
                       * pass-through with simulcast) instead of the 320×240
                       * test pattern */
  JcVideoCodec codec; /* of the layers (and the room) */
} LayersCase;

static const LayersCase pattern_vp8 = { FALSE, JC_VIDEO_CODEC_VP8 };
static const LayersCase file_vp8 = { TRUE, JC_VIDEO_CODEC_VP8 };
static const LayersCase pattern_h264 = { FALSE, JC_VIDEO_CODEC_H264 };

/* Each layer on request, from the best down and back. */
static void
test_layers (gconstpointer data)
{
  const LayersCase *c = data;
  gboolean file = c->file;
  int full = file ? 640 : 320;
  g_autofree char *dir = NULL;
  g_autofree char *input = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = jc_test_create_session (client, &error);
  g_autoptr (JcVideoRoom) admin = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) pub = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) sub = jc_test_video_room_attach (session);
  g_autoptr (JcPeer) pub_peer = jc_test_peer_new (janus, JC_HANDLE (pub));
  g_autoptr (JcPeer) sub_peer = jc_test_peer_new (janus, JC_HANDLE (sub));
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcId) wanted = jc_id_new_number (8000000 + g_random_int_range (0, 100000));
  g_autoptr (JcVideoRoomRequest) create = jc_video_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_id_free);
  g_autoptr (GPtrArray) streams = NULL;
  const char *video_mid = NULL;
  Seen seen = { 0, 0, 0, -1, 0 };
  guint talking = 0;
  gboolean ok;
  g_autoptr (JsonNode) active_packets = json_node_init_int (json_node_alloc (), 25);

  g_assert_no_error (error);
  jc_video_room_request_set_codecs (create, "opus", jc_video_codec_to_string (c->codec));
  jc_video_room_request_set_audiolevel_event (create, TRUE);
  jc_video_room_request_set_extra (create, "audio_active_packets", active_packets);
  room = jc_test_video_room_create (admin, wanted, create);

  /* The publisher: the test pattern (320×240) in three layers. */
  if (file)
    {
      dir = g_dir_make_tmp ("jc-simulcast-XXXXXX", &error);
      g_assert_no_error (error);
      input = jc_test_make_webm (dir, "input.webm", 640, 360, 4);
    }
  source = jc_media_source_new (file ? input : "test", &error);
  g_assert_no_error (error);
  jc_media_source_set_loop (source, TRUE);
  jc_media_source_set_video_codec (source, c->codec);
  jc_media_source_set_simulcast (source, TRUE);
  g_assert_true (jc_media_source_get_simulcast (source));
  jc_media_source_set_bitrate (source, 600000);
  jc_peer_set_source (pub_peer, source);
  g_signal_connect (pub, "talking", G_CALLBACK (on_talking), &talking);
  g_signal_connect (pub, "error", G_CALLBACK (jc_test_video_room_fail_on_error), NULL);
  jc_video_room_publish_media_async (pub, room, pub_peer, NULL, NULL, CB);
  result = WAIT_RESULT ();
  ok = jc_video_room_publish_media_finish (pub, result, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_clear_object (&result);

  count_keyframe_requests (pub_peer);

  /* Janus offers a feed to subscribers once its PeerConnection is up. */
  JC_TEST_WAIT_UNTIL_TIMEOUT (jc_peer_is_webrtcup (pub_peer), 15);

  /* Janus's view of the publisher: three video SSRCs, named by rid. */
  {
    g_autoptr (JcAdmin) admin_api = jc_admin_new_for_uri (jc_local_janus_get_admin_http_uri (janus),
                                                          jc_local_janus_get_admin_secret (janus), &error);
    g_autoptr (JsonObject) info = NULL;
    JsonObject *media, *video = NULL, *rid, *ssrc, *in;
    JsonArray *rids;
    GList *members;

    g_assert_no_error (error);
    jc_admin_connect_async (admin_api, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_admin_connect_finish (admin_api, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    jc_test_run_for (1000);
    jc_admin_handle_info_async (admin_api, jc_session_get_id (session), jc_handle_get_id (JC_HANDLE (pub)), FALSE,
                                NULL, CB);
    result = WAIT_RESULT ();
    info = jc_admin_handle_info_finish (admin_api, result, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    media = json_object_get_object_member (json_object_get_object_member (info, "webrtc"), "media");
    members = json_object_get_members (media);
    for (GList *l = members; l != NULL; l = l->next)
      {
        JsonObject *medium = json_object_get_object_member (media, l->data);

        if (g_str_equal (json_object_get_string_member (medium, "type"), "video"))
          video = medium;
      }
    g_list_free (members);
    g_assert_nonnull (video);
    rid = json_object_get_object_member (video, "rid-simulcast");
    g_assert_nonnull (rid);
    rids = json_object_get_array_member (rid, "rid");
    g_assert_cmpuint (json_array_get_length (rids), ==, 3);
    g_assert_cmpstr (json_array_get_string_element (rids, 0), ==, "h");
    g_assert_cmpstr (json_array_get_string_element (rids, 1), ==, "m");
    g_assert_cmpstr (json_array_get_string_element (rids, 2), ==, "l");
    g_assert_cmpint (json_object_get_int_member (rid, "rid-ext-id"), ==, 11);
    ssrc = json_object_get_object_member (video, "ssrc");
    g_assert_cmpint (json_object_get_int_member_with_default (ssrc, "ssrc-peer", 0), !=, 0);
    g_assert_cmpint (json_object_get_int_member_with_default (ssrc, "ssrc-peer-sim-1", 0), !=, 0);
    g_assert_cmpint (json_object_get_int_member_with_default (ssrc, "ssrc-peer-sim-2", 0), !=, 0);
    in = json_object_get_object_member (json_object_get_object_member (video, "stats"), "in");
    g_assert_cmpint (json_object_get_int_member (in, "packets"), >, 0);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (in, "video-simulcast-1"), "packets"),
                     >, 0);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (in, "video-simulcast-2"), "packets"),
                     >, 0);
  }

  /* The subscriber decodes what it gets. */
  sink = jc_media_sink_new_callback ();
  g_signal_connect (sink, "frame", G_CALLBACK (on_frame), &seen);
  jc_peer_set_sink (sub_peer, sink);
  jc_video_room_set_peer (sub, sub_peer, NULL);
  g_signal_connect (sub, "layer-changed", G_CALLBACK (on_layer_changed), &seen);
  g_signal_connect (sub, "error", G_CALLBACK (jc_test_video_room_fail_on_error), NULL);
  g_ptr_array_add (feeds, jc_id_copy (jc_video_room_get_participant_id (pub)));
  jc_video_room_join_subscriber_async (sub, room, feeds, NULL, NULL, CB);
  result = WAIT_RESULT ();
  streams = jc_video_room_join_subscriber_finish (sub, result, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; i < streams->len; i++)
    if (g_str_equal (jc_video_room_stream_get_kind (g_ptr_array_index (streams, i)), "video"))
      video_mid = jc_video_room_stream_get_mid (g_ptr_array_index (streams, i));
  g_assert_nonnull (video_mid);

  /* By default a subscriber gets the best layer. */
  JC_TEST_WAIT_UNTIL_TIMEOUT (seen.video_frames > 10 && seen.audio_buffers > 50, 20);
  wait_width (&seen, full);

  /* Each layer on request, announced by a layer-changed event. */
  /* Janus asks the new layer for a key frame (PLI) and the request
   * reaches that layer's encoder, so the switch needs no periodic one. */
  {
    gint64 t0 = g_get_monotonic_time ();

    g_atomic_int_set (&keyframe_requests[2], 0);
    want_layer (sub, video_mid, 0);
    JC_TEST_WAIT_UNTIL_TIMEOUT (seen.substream == 0, 15);
    g_test_message ("switched to the lowest layer in %.2f s", (g_get_monotonic_time () - t0) / 1e6);
    g_assert_cmpint (g_atomic_int_get (&keyframe_requests[2]), >, 0);
  }
  wait_width (&seen, full / 4);
  want_layer (sub, video_mid, 1);
  JC_TEST_WAIT_UNTIL_TIMEOUT (seen.substream == 1, 15);
  wait_width (&seen, full / 2);
  want_layer (sub, video_mid, 2);
  JC_TEST_WAIT_UNTIL_TIMEOUT (seen.substream == 2, 15);
  wait_width (&seen, full);

  /* Encoded Opus carries its audio level: Janus says who talks. (A
   * file's Opus is sent as it is, without levels.) */
  if (!file)
    JC_TEST_WAIT_UNTIL_TIMEOUT (talking > 0, 15);

  jc_test_peer_stop (sub_peer);
  jc_test_peer_stop (pub_peer);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
  if (input != NULL)
    {
      g_unlink (input);
      g_rmdir (dir);
    }
}

static void
echo_configure (JcEchoTest *echo, JcEchoTestRequest *request, JsonObject *offer, JsonObject **out_answer)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  jc_echo_test_configure_async (echo, request, offer, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_echo_test_configure_finish (echo, result, out_answer, &error));
  g_assert_no_error (error);
}

/* EchoTest echoes the layer asked for with `substream`. */
static void
test_echotest_substream (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = jc_test_create_session (client, &error);
  g_autoptr (JcEchoTest) echo = NULL;
  g_autoptr (JcPeer) peer = NULL;
  g_autoptr (JcMediaSource) source = jc_media_source_new ("test", &error);
  g_autoptr (JcMediaSink) sink = jc_media_sink_new_callback ();
  g_autoptr (JcEchoTestRequest) start = jc_echo_test_request_new ();
  g_autoptr (JcEchoTestRequest) lowest = jc_echo_test_request_new ();
  g_autoptr (JcEchoTestRequest) best = jc_echo_test_request_new ();
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  Seen seen = { 0, 0, 0, -1, 0 };

  g_assert_no_error (error);
  jc_echo_test_attach_async (session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  echo = jc_echo_test_attach_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  peer = jc_test_peer_new (janus, JC_HANDLE (echo));
  jc_media_source_set_simulcast (source, TRUE);
  jc_peer_set_source (peer, source);
  g_signal_connect (sink, "frame", G_CALLBACK (on_frame), &seen);
  jc_peer_set_sink (peer, sink);

  jc_peer_create_offer_async (peer, NULL, CB);
  result = WAIT_RESULT ();
  offer = jc_peer_create_offer_finish (peer, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_echo_test_request_set_audio (start, TRUE);
  jc_echo_test_request_set_video (start, TRUE);
  jc_echo_test_request_set_substream (start, 2);
  echo_configure (echo, start, offer, &answer);
  g_assert_nonnull (answer);
  jc_peer_set_remote_description_async (peer, answer, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_peer_set_remote_description_finish (peer, result, &error));
  g_assert_no_error (error);

  JC_TEST_WAIT_UNTIL_TIMEOUT (seen.video_frames > 10, 20);
  wait_width (&seen, 320);
  jc_echo_test_request_set_substream (lowest, 0);
  echo_configure (echo, lowest, NULL, NULL);
  wait_width (&seen, 80);
  jc_echo_test_request_set_substream (best, 2);
  echo_configure (echo, best, NULL, NULL);
  wait_width (&seen, 320);

  jc_test_peer_stop (peer);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
}

/* The CLI's --simulcast, through the EchoTest plugin, which echoes one
 * layer. */
static void
test_cli_echotest (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-simulcast-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "echo.webm", NULL);
  g_autofree char *uri = NULL;
  g_autoptr (GstDiscoverer) discoverer = NULL;
  g_autoptr (GstDiscovererInfo) info = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *tracks;
  JsonArray *layers = NULL;
  static const char *const rids[] = { "h", "m", "l" };
  GList *videos;
  guint received_video = 0;
  gint64 sent_frames = 0, received_frames = 0;
  guint width;

  g_assert_no_error (error);
  jc_test_cli_runv (&run, NULL, NULL,
                    (const char *const[]){ "--json", "echotest", "--simulcast", "--duration", "4", "--output", path,
                                           NULL });
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  tracks = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tracks");
  for (guint i = 0; i < json_array_get_length (tracks); i++)
    {
      JsonObject *track = json_array_get_object_element (tracks, i);

      if (!g_str_equal (json_object_get_string_member (track, "kind"), "video"))
        continue;
      if (g_str_equal (json_object_get_string_member (track, "direction"), "received"))
        {
          received_video++;
          received_frames = json_object_get_int_member (track, "frames");
        }
      else
        {
          sent_frames = json_object_get_int_member (track, "frames");
          layers = json_object_get_array_member (track, "layers");
        }
    }
  g_assert_cmpuint (received_video, ==, 1);
  /* Three layers went out (15 fps each), one comes back. The sent track
   * counts the frames once (the best layer's) and each layer apart. */
  g_test_message ("video frames: %" G_GINT64_FORMAT " sent, %" G_GINT64_FORMAT " received", sent_frames,
                  received_frames);
  g_assert_cmpint (received_frames, >, 20);
  g_assert_cmpint (sent_frames, >, received_frames / 2);
  g_assert_cmpint (sent_frames, <, received_frames * 2);
  g_assert_nonnull (layers);
  g_assert_cmpuint (json_array_get_length (layers), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *layer = json_array_get_object_element (layers, i);
      gint64 frames = json_object_get_int_member (layer, "frames");

      g_assert_cmpstr (json_object_get_string_member (layer, "rid"), ==, rids[i]);
      g_assert_cmpint (json_object_get_int_member (layer, "packets"), >=, frames);
      g_assert_cmpint (frames, >, sent_frames - 5);
      g_assert_cmpint (frames, <, sent_frames + 5);
    }
  /* Smaller layers, fewer bytes. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (layers, 0), "bytes"), >,
                   json_object_get_int_member (json_array_get_object_element (layers, 2), "bytes"));

  discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  g_assert_no_error (error);
  uri = gst_filename_to_uri (path, &error);
  g_assert_no_error (error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  videos = gst_discoverer_info_get_video_streams (info);
  g_assert_nonnull (videos);
  /* One of the layers of the 320×240 pattern: EchoTest starts with the
   * first layer it gets and moves up to the best one. */
  width = gst_discoverer_video_info_get_width (videos->data);
  g_assert_true (width == 320 || width == 160 || width == 80);
  g_assert_cmpuint (gst_discoverer_video_info_get_height (videos->data), ==, width * 3 / 4);
  gst_discoverer_stream_info_list_free (videos);
  g_unlink (path);
  g_rmdir (dir);
}

/* `videoroom subscribe --substream 0` against a simulcast publisher: the
 * CLI asks for the lowest layer and says when Janus forwards it. */
static void
test_cli_subscribe_substream (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = jc_test_create_session (client, &error);
  g_autoptr (JcVideoRoom) pub = jc_test_video_room_attach (session);
  g_autoptr (JcPeer) peer = jc_test_peer_new (janus, JC_HANDLE (pub));
  g_autoptr (JcMediaSource) source = jc_media_source_new ("test", &error);
  g_autoptr (JcId) room = jc_id_new_number (8100000 + g_random_int_range (0, 100000));
  g_autoptr (JcId) created = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *room_text = jc_id_to_string (room);
  g_autofree char *feed_text = NULL;
  g_auto (JcTestCliRun) run = { 0 };
  g_auto (JcTestCliRun) bad = { 0 };
  g_auto (JcTestCliRun) bad_address = { 0 };
  g_auto (GStrv) lines = NULL;
  gboolean layer_line = FALSE, feed_line = FALSE;
  gint64 video_frames = -1;

  g_assert_no_error (error);
  jc_video_room_create_async (pub, room, NULL, NULL, CB);
  result = WAIT_RESULT ();
  created = jc_video_room_create_finish (pub, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_media_source_set_simulcast (source, TRUE);
  jc_peer_set_source (peer, source);
  jc_video_room_publish_media_async (pub, room, peer, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_publish_media_finish (pub, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  JC_TEST_WAIT_UNTIL_TIMEOUT (jc_peer_is_webrtcup (peer), 15);
  feed_text = jc_id_to_string (jc_video_room_get_participant_id (pub));

  /* Media between this host's end of the veth and the namespace only. */
  jc_test_cli_runv (&run, NULL, NULL,
                    (const char *const[]){ "--server", jc_local_janus_get_ws_uri (janus), "--ice-address",
                                           jc_local_janus_get_client_address (janus), "--json", "videoroom",
                                           "subscribe", "--room", room_text, "--feed", feed_text, "--substream", "0",
                                           "--duration", "5", NULL });
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *line;
      const char *event;

      if (*lines[i] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      line = json_node_get_object (json_parser_get_root (parser));
      event = json_object_get_string_member_with_default (line, "event", NULL);
      if (g_strcmp0 (event, "layer") == 0 && json_object_get_int_member (line, "substream") == 0)
        layer_line = TRUE;
      else if (g_strcmp0 (event, "feed") == 0)
        feed_line = TRUE;
      else if (event == NULL)
        {
          JsonArray *tracks = json_object_get_array_member (line, "tracks");

          for (guint j = 0; j < json_array_get_length (tracks); j++)
            {
              JsonObject *track = json_array_get_object_element (tracks, j);

              if (g_str_equal (json_object_get_string_member (track, "kind"), "video"))
                video_frames = json_object_get_int_member (track, "frames");
            }
        }
    }
  g_assert_true (feed_line);
  g_assert_true (layer_line);
  g_test_message ("video frames received by the CLI: %" G_GINT64_FORMAT, video_frames);
  g_assert_cmpint (video_frames, >, 40);

  /* Bad values are usage errors, before anything connects. */
  jc_test_cli_runv (&bad, NULL, NULL,
                    (const char *const[]){ "--server", "ws://127.0.0.1:1", "videoroom", "subscribe", "--room", "1",
                                           "--substream", "3", NULL });
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--substream"));
  jc_test_cli_runv (&bad_address, NULL, NULL,
                    (const char *const[]){ "--server", "ws://127.0.0.1:1", "--ice-address", "eth0", "info", NULL });
  g_assert_cmpint (bad_address.status, ==, 2);
  g_assert_nonnull (strstr (bad_address.err, "eth0"));

  jc_test_peer_stop (peer);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_test_media_janus_start (NULL);
  jc_test_media_add_data_func ("/simulcast/layers/test-pattern", &pattern_vp8, test_layers);
  jc_test_media_add_data_func ("/simulcast/layers/file", &file_vp8, test_layers);
  jc_test_media_add_data_func ("/simulcast/layers/h264", &pattern_h264, test_layers);
  jc_test_media_add_func ("/simulcast/echotest-substream", test_echotest_substream);
  jc_test_media_add_func ("/simulcast/cli-echotest", test_cli_echotest);
  jc_test_media_add_func ("/simulcast/cli-subscribe-substream", test_cli_subscribe_substream);
  ret = g_test_run ();
  g_clear_pointer (&janus, jc_test_media_janus_stop);
  return ret;
}

/* test-media.c: real media through JcPeer, the EchoTest plugin and the
 * echotest command, against a private Janus in a network namespace
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One private Janus runs in a network namespace for the whole program
 * (Janus never gathers ICE candidates on loopback: JANUS-NOTES.md), so
 * this needs root; without it every test is skipped with the reason.
 * Peers gather only on our end of the veth pair. JANUS_CLIENT_CLI names
 * the command-line tool for the CLI tests.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <stdarg.h>
#include <string.h>

#include "jc-local-janus.h"
#include "jc-test-util.h"

#define START_TIMEOUT_MS 20000
#define WEBRTCUP_DEADLINE_S 10
#define PEERS_CHURN 50

static JcLocalJanus *janus;  /* (owned) (nullable) started in main */
static char *janus_why_not;  /* (owned) (nullable) why it did not start */
static const char *cli_path; /* (unowned) (nullable) from JANUS_CLIENT_CLI */
static char *tmp_dir;        /* (owned) per-run scratch folder */

/* Whether media can run; marks the test skipped when it cannot. */
static gboolean
require_media (void)
{
  if (janus == NULL)
    {
      g_test_skip (janus_why_not);
      return FALSE;
    }
  return TRUE;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A client and a session on the private Janus. */

typedef struct
{
  JcClient *client;
  JcSession *session;
} Conn;

static void
conn_open (Conn *conn, const char *uri)
{
  g_autoptr (GError) error = NULL;

  conn->client = jc_test_connect (uri, &error);
  g_assert_no_error (error);
  conn->session = jc_test_create_session (conn->client, &error);
  g_assert_no_error (error);
}

static void
conn_close (Conn *conn)
{
  g_autoptr (GError) error = NULL;

  if (conn->session != NULL && jc_session_is_alive (conn->session))
    {
      jc_test_destroy (conn->session, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&conn->session);
  g_clear_object (&conn->client);
}

/* One EchoTest call. */

typedef struct
{
  JcEchoTest *echo;   /* (owned) */
  JcPeer *peer;       /* (owned) */
  gint64 answer_us;   /* when the answer event arrived */
  gint64 webrtcup_us; /* when Janus said webrtcup */
  gboolean audio_receiving;
  gboolean video_receiving;
  GError *peer_error; /* (owned) (nullable) the first JcPeer::error */
} Call;

static void
on_webrtcup (JcHandle *handle, gpointer user_data)
{
  Call *call = user_data;

  if (call->webrtcup_us == 0)
    call->webrtcup_us = g_get_monotonic_time ();
}

static void
on_media (JcHandle *handle, const char *type, const char *mid, gboolean receiving, gpointer user_data)
{
  Call *call = user_data;

  if (g_strcmp0 (type, "audio") == 0)
    call->audio_receiving = receiving;
  else if (g_strcmp0 (type, "video") == 0)
    call->video_receiving = receiving;
}

static void
on_peer_error (JcPeer *peer, GError *error, gpointer user_data)
{
  Call *call = user_data;

  g_test_message ("peer error: %s", error->message);
  if (call->peer_error == NULL)
    call->peer_error = g_error_copy (error);
}

/* Attaches an EchoTest handle and a peer limited to our veth address. */
static void
call_attach (Call *call, JcSession *session, JcMediaSource *source, JcMediaSink *sink)
{
  const char *addresses[] = { jc_local_janus_get_client_address (janus), NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;

  memset (call, 0, sizeof *call);
  jc_echo_test_attach_async (session, NULL, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  call->echo = jc_echo_test_attach_finish (result, &error);
  g_assert_no_error (error);
  g_signal_connect (call->echo, "webrtcup", G_CALLBACK (on_webrtcup), call);
  g_signal_connect (call->echo, "media", G_CALLBACK (on_media), call);

  call->peer = jc_peer_new (JC_HANDLE (call->echo));
  jc_peer_set_local_addresses (call->peer, addresses);
  jc_peer_set_source (call->peer, source);
  jc_peer_set_sink (call->peer, sink);
  g_signal_connect (call->peer, "error", G_CALLBACK (on_peer_error), call);
}

static JsonObject *
call_create_offer (Call *call, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  jc_peer_create_offer_async (call->peer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  return jc_peer_create_offer_finish (call->peer, result, error);
}

/* Offer, EchoTest answer, remote description; @request NULL: audio and
 * video. */
static void
call_negotiate (Call *call, JcEchoTestRequest *request)
{
  g_autoptr (JcEchoTestRequest) default_request = NULL;
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;

  offer = call_create_offer (call, &error);
  g_assert_no_error (error);
  g_assert_nonnull (offer);

  if (request == NULL)
    {
      default_request = jc_echo_test_request_new ();
      jc_echo_test_request_set_audio (default_request, TRUE);
      jc_echo_test_request_set_video (default_request, TRUE);
      request = default_request;
    }
  jc_echo_test_configure_async (call->echo, request, offer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_echo_test_configure_finish (call->echo, result, &answer, &error));
  g_assert_no_error (error);
  g_assert_nonnull (answer);
  call->answer_us = g_get_monotonic_time ();
  g_clear_object (&result);

  jc_peer_set_remote_description_async (call->peer, answer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_peer_set_remote_description_finish (call->peer, result, &error));
  g_assert_no_error (error);
}

static void
call_wait_webrtcup (Call *call)
{
  JC_TEST_WAIT_UNTIL_TIMEOUT (call->webrtcup_us != 0 || call->peer_error != NULL, WEBRTCUP_DEADLINE_S);
  g_assert_no_error (call->peer_error);
  g_assert_true (jc_peer_is_webrtcup (call->peer));
}

/* Stops the peer (finalising a recording), hangs up and detaches. */
static void
call_stop (Call *call)
{
  g_autoptr (GError) error = NULL;

  if (call->peer != NULL)
    {
      g_autoptr (GAsyncResult) result = NULL;
      GAsyncResult *slot = NULL;

      jc_peer_stop_async (call->peer, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      g_assert_true (jc_peer_stop_finish (call->peer, result, &error));
      g_assert_no_error (error);
    }
  if (call->echo != NULL && jc_handle_is_attached (JC_HANDLE (call->echo)))
    {
      g_autoptr (GAsyncResult) result = NULL;
      GAsyncResult *slot = NULL;

      jc_handle_hangup_async (JC_HANDLE (call->echo), NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      if (!jc_handle_hangup_finish (JC_HANDLE (call->echo), result, &error))
        g_test_message ("hangup: %s", error->message);
      g_clear_error (&error);
      jc_test_detach (JC_HANDLE (call->echo), &error);
      g_assert_no_error (error);
    }
}

static void
call_clear (Call *call)
{
  if (call->peer != NULL)
    g_signal_handlers_disconnect_by_data (call->peer, call);
  if (call->echo != NULL)
    g_signal_handlers_disconnect_by_data (call->echo, call);
  g_clear_object (&call->peer);
  g_clear_object (&call->echo);
  g_clear_error (&call->peer_error);
}

/* Track statistics */

static JsonObject *
find_track (JsonArray *stats, const char *direction, const char *kind)
{
  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);

      if (g_strcmp0 (json_object_get_string_member (track, "direction"), direction) == 0 &&
          g_strcmp0 (json_object_get_string_member (track, "kind"), kind) == 0)
        return track;
    }
  return NULL;
}

static gint64
track_frames (JcPeer *peer, const char *direction, const char *kind)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);
  JsonObject *track = find_track (stats, direction, kind);

  return track != NULL ? json_object_get_int_member (track, "frames") : -1;
}

/* Received frames are at least 80 % of those sent, per kind. */
static void
assert_echoed (JcPeer *peer, const char *kind, const char *codec)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);
  JsonObject *sent = find_track (stats, "sent", kind);
  JsonObject *received = find_track (stats, "received", kind);
  gint64 sent_frames, received_frames;

  g_assert_nonnull (sent);
  g_assert_nonnull (received);
  g_assert_cmpstr (json_object_get_string_member (sent, "codec"), ==, codec);
  g_assert_cmpstr (json_object_get_string_member (received, "codec"), ==, codec);
  sent_frames = json_object_get_int_member (sent, "frames");
  received_frames = json_object_get_int_member (received, "frames");
  g_test_message ("%s %s: %" G_GINT64_FORMAT " frames sent, %" G_GINT64_FORMAT " received (%" G_GINT64_FORMAT
                  " packets sent, %" G_GINT64_FORMAT " received)",
                  kind, codec, sent_frames, received_frames, json_object_get_int_member (sent, "packets"),
                  json_object_get_int_member (received, "packets"));
  g_assert_cmpint (sent_frames, >, 0);
  g_assert_cmpint (received_frames * 100, >=, sent_frames * 80);
}

/* Element list */

typedef struct
{
  GstElement *webrtc;  /* (unowned) webrtcbin, whose DTLS "Encoder"s are not media encoders */
  GPtrArray *encoders; /* (owned) factory names of media encoders found */
  GPtrArray *all;      /* (owned) every factory name */
} ElementScan;

static void
scan_element (const GValue *value, gpointer user_data)
{
  ElementScan *scan = user_data;
  GstElement *element = g_value_get_object (value);
  GstElementFactory *factory = gst_element_get_factory (element);
  const char *name = factory != NULL ? GST_OBJECT_NAME (factory) : GST_OBJECT_NAME (element);
  const char *klass = factory != NULL ? gst_element_factory_get_metadata (factory, GST_ELEMENT_METADATA_KLASS) : "";

  g_ptr_array_add (scan->all, g_strdup (name));
  if (g_str_equal (name, "webrtcbin"))
    scan->webrtc = element;
  /* webrtcbin's dtlssrtpenc/dtlsenc are "Encoder/Network/DTLS": transport
   * encryption, not media encoding; judged after the walk. */
  if ((klass != NULL && strstr (klass, "Encoder") != NULL) || g_str_equal (name, "vp8enc") ||
      g_str_equal (name, "opusenc"))
    g_ptr_array_add (scan->encoders, gst_object_ref (element));
}

/* The media encoders in @peer's pipeline, as "factory (klass)" strings. */
static GPtrArray *
media_encoders (JcPeer *peer, char **out_all)
{
  GstElement *pipeline = jc_peer_get_pipeline (peer);
  g_autoptr (GstIterator) it = NULL;
  ElementScan scan = { NULL, g_ptr_array_new_with_free_func (gst_object_unref), g_ptr_array_new_with_free_func (g_free) };
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (pipeline);
  it = gst_bin_iterate_recurse (GST_BIN (pipeline));
  while (gst_iterator_foreach (it, scan_element, &scan) == GST_ITERATOR_RESYNC)
    {
      gst_iterator_resync (it);
      g_ptr_array_set_size (scan.encoders, 0);
      g_ptr_array_set_size (scan.all, 0);
    }
  g_assert_nonnull (scan.webrtc);
  for (guint i = 0; i < scan.encoders->len; i++)
    {
      GstElement *element = g_ptr_array_index (scan.encoders, i);
      GstElementFactory *factory = gst_element_get_factory (element);
      const char *name = GST_OBJECT_NAME (factory);

      if (gst_object_has_as_ancestor (GST_OBJECT (element), GST_OBJECT (scan.webrtc)) &&
          !g_str_equal (name, "vp8enc") && !g_str_equal (name, "opusenc"))
        continue;
      g_ptr_array_add (result, g_strdup_printf ("%s (%s)", name,
                                                gst_element_factory_get_metadata (factory, GST_ELEMENT_METADATA_KLASS)));
    }
  g_ptr_array_add (scan.all, NULL);
  *out_all = g_strjoinv (" ", (char **) scan.all->pdata);
  g_ptr_array_unref (scan.all);
  g_ptr_array_unref (scan.encoders);
  return result;
}

/* Recordings */

static GstDiscovererInfo *
discover_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstDiscoverer) discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  GstDiscovererInfo *info;

  g_assert_no_error (error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);
  return info;
}

/* The caps name of the first video or audio stream, or NULL. */
static char *
stream_caps (GstDiscovererInfo *info, gboolean video)
{
  GList *streams = video ? gst_discoverer_info_get_video_streams (info) : gst_discoverer_info_get_audio_streams (info);
  char *name = NULL;

  if (streams != NULL)
    {
      g_autoptr (GstCaps) caps = gst_discoverer_stream_info_get_caps (streams->data);

      if (caps != NULL && !gst_caps_is_empty (caps))
        name = g_strdup (gst_structure_get_name (gst_caps_get_structure (caps, 0)));
    }
  gst_discoverer_stream_info_list_free (streams);
  return name;
}

static void
assert_recording (const char *path, const char *video_caps, const char *audio_caps, GstClockTime min_duration)
{
  g_autoptr (GstDiscovererInfo) info = discover_file (path);
  g_autofree char *video = stream_caps (info, TRUE);
  g_autofree char *audio = stream_caps (info, FALSE);
  GstClockTime duration = gst_discoverer_info_get_duration (info);

  g_test_message ("%s: %.2f s, video %s, audio %s", path, (double) duration / GST_SECOND, video, audio);
  g_assert_cmpstr (video, ==, video_caps);
  g_assert_cmpstr (audio, ==, audio_caps);
  g_assert_cmpuint (duration, >=, min_duration);
}

/* The CLI */

static void run_cli (JcTestCliRun *run, ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (JcTestCliRun *run, ...)
{
  va_list ap;

  va_start (ap, run);
  jc_test_cli_run_va (run, NULL, ap);
  va_end (ap);
}

static gboolean
require_cli (void)
{
  if (cli_path == NULL)
    {
      g_test_skip ("JANUS_CLIENT_CLI does not name the janus-client binary");
      return FALSE;
    }
  return TRUE;
}

/* Tests */

typedef struct
{
  const char *transport; /* "ws", "http" or "unix" */
  guint media_ms;
  gboolean record;
} EchoParams;

/* The test source, VP8 + Opus, echoed and recorded. */
static void
test_echo_basic (gconstpointer data)
{
  const EchoParams *params = data;
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) encoders = NULL;
  g_autofree char *elements = NULL;
  g_autofree char *path = NULL;
  Conn conn = { 0 };
  Call call;
  const char *uri;
  gint64 up_ms;

  if (!require_media ())
    return;
  uri = g_str_equal (params->transport, "http")   ? jc_local_janus_get_http_uri (janus)
        : g_str_equal (params->transport, "unix") ? jc_local_janus_get_unix_uri (janus)
                                                  : jc_local_janus_get_ws_uri (janus);
  path = params->record ? tmp_path ("echo-vp8.webm") : NULL;
  source = jc_media_source_new ("test", &error);
  g_assert_no_error (error);
  sink = jc_media_sink_new (params->record ? path : "null", &error);
  g_assert_no_error (error);

  conn_open (&conn, uri);
  call_attach (&call, conn.session, source, sink);
  call_negotiate (&call, NULL);
  call_wait_webrtcup (&call);
  up_ms = (call.webrtcup_us - call.answer_us) / 1000;
  g_test_message ("webrtcup %" G_GINT64_FORMAT " ms after the answer over %s", up_ms, params->transport);
  g_assert_cmpint (up_ms, <=, 2000);

  /* Janus tells when it receives each stream. */
  JC_TEST_WAIT_UNTIL_TIMEOUT ((call.audio_receiving && call.video_receiving) || call.peer_error != NULL, 10);
  g_assert_no_error (call.peer_error);

  /* The test source encodes: the element scan used by the pass-through
   * test must see its encoders (so that test can fail). */
  encoders = media_encoders (call.peer, &elements);
  g_test_message ("elements: %s", elements);
  g_assert_cmpuint (encoders->len, ==, 2);

  jc_test_run_for (params->media_ms);
  g_assert_no_error (call.peer_error);
  call_stop (&call);

  assert_echoed (call.peer, "video", "vp8");
  assert_echoed (call.peer, "audio", "opus");
  if (params->record)
    assert_recording (path, "video/x-vp8", "audio/x-opus", (GstClockTime) (params->media_ms - 1000) * GST_MSECOND);

  call_clear (&call);
  conn_close (&conn);
}

typedef struct
{
  JcVideoCodec codec;
  const char *codec_name; /* as in the track statistics */
  const char *file;       /* recording, by extension */
  const char *video_caps; /* what the recording must hold */
} CodecParams;

static void
test_echo_codec (gconstpointer data)
{
  const CodecParams *params = data;
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  Conn conn = { 0 };
  Call call;

  if (!require_media ())
    return;
  path = tmp_path (params->file);
  source = jc_media_source_new ("test", &error);
  g_assert_no_error (error);
  jc_media_source_set_video_codec (source, params->codec);
  sink = jc_media_sink_new (path, &error);
  g_assert_no_error (error);

  conn_open (&conn, jc_local_janus_get_ws_uri (janus));
  call_attach (&call, conn.session, source, sink);
  call_negotiate (&call, NULL);
  call_wait_webrtcup (&call);
  g_assert_cmpint (call.webrtcup_us - call.answer_us, <=, 2 * G_USEC_PER_SEC);
  jc_test_run_for (3000);
  g_assert_no_error (call.peer_error);
  call_stop (&call);

  assert_echoed (call.peer, "video", params->codec_name);
  assert_echoed (call.peer, "audio", "opus");
  assert_recording (path, params->video_caps, "audio/x-opus", 2 * GST_SECOND);

  call_clear (&call);
  conn_close (&conn);
}

/* Audio only (data TRUE) or video only. */
static void
test_echo_one_kind (gconstpointer data)
{
  gboolean audio = GPOINTER_TO_INT (data);
  const char *kind = audio ? "audio" : "video";
  const char *other = audio ? "video" : "audio";
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JcEchoTestRequest) request = jc_echo_test_request_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) stats = NULL;
  Conn conn = { 0 };
  Call call;

  if (!require_media ())
    return;
  source = jc_media_source_new ("test", &error);
  g_assert_no_error (error);
  jc_media_source_set_audio (source, audio);
  jc_media_source_set_video (source, !audio);
  sink = jc_media_sink_new ("null", &error);
  g_assert_no_error (error);
  jc_echo_test_request_set_audio (request, audio);
  jc_echo_test_request_set_video (request, !audio);

  conn_open (&conn, jc_local_janus_get_ws_uri (janus));
  call_attach (&call, conn.session, source, sink);
  call_negotiate (&call, request);
  call_wait_webrtcup (&call);
  JC_TEST_WAIT_UNTIL_TIMEOUT (track_frames (call.peer, "received", kind) > 0 || call.peer_error != NULL, 10);
  g_assert_no_error (call.peer_error);
  call_stop (&call);

  stats = jc_peer_get_track_stats (call.peer);
  g_assert_nonnull (find_track (stats, "sent", kind));
  g_assert_nonnull (find_track (stats, "received", kind));
  g_assert_null (find_track (stats, "sent", other));
  g_assert_null (find_track (stats, "received", other));

  call_clear (&call);
  conn_close (&conn);
}

/* Writes a VP8 + Opus WebM of a few seconds with GStreamer. */
static void
make_vp8_opus_webm (const char *path, guint seconds)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *desc = g_strdup_printf (
      "videotestsrc num-buffers=%u pattern=ball ! video/x-raw,width=320,height=240,framerate=15/1 ! "
      "vp8enc deadline=1 keyframe-max-dist=30 ! webmmux name=mux ! filesink location=\"%s\" "
      "audiotestsrc num-buffers=%u samplesperbuffer=960 ! audio/x-raw,rate=48000,channels=2 ! opusenc ! mux.",
      seconds * 15, path, seconds * 50);
  g_autoptr (GstElement) pipeline = gst_parse_launch (desc, &error);
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) message = NULL;

  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

/* A VP8/Opus file goes out as it is: no encoder anywhere, and it comes
 * back. */
static void
test_echo_passthrough (void)
{
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) encoders = NULL;
  g_autofree char *elements = NULL;
  g_autofree char *path = NULL;
  Conn conn = { 0 };
  Call call;

  if (!require_media ())
    return;
  path = tmp_path ("passthrough.webm");
  make_vp8_opus_webm (path, 4);
  source = jc_media_source_new (path, &error);
  g_assert_no_error (error);
  sink = jc_media_sink_new ("null", &error);
  g_assert_no_error (error);

  conn_open (&conn, jc_local_janus_get_ws_uri (janus));
  call_attach (&call, conn.session, source, sink);
  call_negotiate (&call, NULL);
  call_wait_webrtcup (&call);

  encoders = media_encoders (call.peer, &elements);
  g_test_message ("elements: %s", elements);
  for (guint i = 0; i < encoders->len; i++)
    g_test_message ("unexpected encoder: %s", (const char *) g_ptr_array_index (encoders, i));
  g_assert_cmpuint (encoders->len, ==, 0);
  /* It is the file's front end that feeds the peer. */
  g_assert_nonnull (strstr (elements, "parsebin"));

  JC_TEST_WAIT_UNTIL_TIMEOUT ((track_frames (call.peer, "received", "video") > 0 &&
                               track_frames (call.peer, "received", "audio") > 0) ||
                                  call.peer_error != NULL,
                              10);
  g_assert_no_error (call.peer_error);
  call_stop (&call);
  g_test_message ("echoed %" G_GINT64_FORMAT " video and %" G_GINT64_FORMAT " audio frames",
                  track_frames (call.peer, "received", "video"), track_frames (call.peer, "received", "audio"));

  call_clear (&call);
  conn_close (&conn);
}

typedef struct
{
  guint video;
  guint audio;
  int width;
  int height;
  gboolean in_main_thread;
} Frames;

static void
on_frame (JcMediaSink *sink, const char *kind, const char *mid, GstSample *sample, gpointer user_data)
{
  Frames *frames = user_data;
  GstCaps *caps = gst_sample_get_caps (sample);
  const GstStructure *s = gst_caps_get_structure (caps, 0);

  /* Delivered in the sink's context: this test's main thread. */
  frames->in_main_thread = g_main_context_is_owner (g_main_context_default ());
  g_assert_nonnull (gst_sample_get_buffer (sample));
  if (g_str_equal (kind, "video"))
    {
      frames->video++;
      g_assert_cmpstr (gst_structure_get_name (s), ==, "video/x-raw");
      gst_structure_get_int (s, "width", &frames->width);
      gst_structure_get_int (s, "height", &frames->height);
    }
  else
    {
      frames->audio++;
      g_assert_cmpstr (gst_structure_get_name (s), ==, "audio/x-raw");
    }
}

/* A callback sink hands decoded frames to the application, in its main
 * context. */
static void
test_callback_sink (void)
{
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (GError) error = NULL;
  Frames frames = { 0 };
  Conn conn = { 0 };
  Call call;

  if (!require_media ())
    return;
  source = jc_media_source_new ("test", &error);
  g_assert_no_error (error);
  sink = jc_media_sink_new_callback ();
  g_assert_cmpint (jc_media_sink_get_kind (sink), ==, JC_MEDIA_SINK_CALLBACK);
  g_signal_connect (sink, "frame", G_CALLBACK (on_frame), &frames);

  conn_open (&conn, jc_local_janus_get_ws_uri (janus));
  call_attach (&call, conn.session, source, sink);
  call_negotiate (&call, NULL);
  call_wait_webrtcup (&call);
  JC_TEST_WAIT_UNTIL ((frames.video >= 15 && frames.audio >= 25) || call.peer_error != NULL);
  g_assert_no_error (call.peer_error);
  call_stop (&call);

  g_test_message ("%u decoded video frames (%dx%d), %u audio buffers", frames.video, frames.width, frames.height,
                  frames.audio);
  g_assert_true (frames.in_main_thread);
  g_assert_cmpint (frames.width, ==, 320);
  g_assert_cmpint (frames.height, ==, 240);

  call_clear (&call);
  conn_close (&conn);
}

/* A 2 s file played in a loop for 5 s: frames keep coming after the
 * file's end, with timestamps that go on. */
static void
test_echo_loop (void)
{
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *recording = NULL;
  Conn conn = { 0 };
  Call call;
  gint64 video;

  if (!require_media ())
    return;
  path = tmp_path ("loop.webm");
  make_vp8_opus_webm (path, 2);
  recording = tmp_path ("loop-echo.webm");
  source = jc_media_source_new (path, &error);
  g_assert_no_error (error);
  jc_media_source_set_loop (source, TRUE);
  sink = jc_media_sink_new (recording, &error);
  g_assert_no_error (error);

  conn_open (&conn, jc_local_janus_get_ws_uri (janus));
  call_attach (&call, conn.session, source, sink);
  call_negotiate (&call, NULL);
  call_wait_webrtcup (&call);
  jc_test_run_for (5000);
  g_assert_no_error (call.peer_error);
  call_stop (&call);

  /* 2 s of 15 fps is 30 frames: a loop sends on (some 75 in 5 s). */
  video = track_frames (call.peer, "received", "video");
  g_test_message ("looped: %" G_GINT64_FORMAT " video frames echoed in 5 s", video);
  g_assert_cmpint (video, >, 45);
  g_assert_cmpint (track_frames (call.peer, "received", "audio"), >, 150);
  assert_recording (recording, "video/x-vp8", "audio/x-opus", 4 * GST_SECOND);

  call_clear (&call);
  conn_close (&conn);
}

/* A text file named .webm: the offer fails naming the file; the CLI
 * exits 4. */
static void
test_bad_file (void)
{
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) offer = NULL;
  g_autofree char *path = NULL;
  g_auto (JcTestCliRun) run = { 0 };
  Conn conn = { 0 };
  Call call;

  if (!require_media ())
    return;
  path = tmp_path ("x.webm");
  g_file_set_contents (path, "This is not a video, only a few words of text.\n", -1, &error);
  g_assert_no_error (error);

  source = jc_media_source_new (path, &error);
  g_assert_no_error (error);
  conn_open (&conn, jc_local_janus_get_ws_uri (janus));
  call_attach (&call, conn.session, source, NULL);
  offer = call_create_offer (&call, &error);
  g_assert_null (offer);
  g_assert_error (error, JC_ERROR, JC_ERROR_MEDIA);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  call_stop (&call);
  call_clear (&call);
  conn_close (&conn);

  if (!require_cli ())
    return;
  run_cli (&run, "--server", jc_local_janus_get_ws_uri (janus), "echotest", "--input", path, "--duration", "2",
           NULL);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (strstr (run.err, path));
}

/* A file that does not exist: JC_ERROR_MEDIA at once; the CLI exits 4. */
static void
test_missing_file (void)
{
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto (JcTestCliRun) run = { 0 };

  if (!require_media ())
    return;
  path = tmp_path ("no-such-file.webm");
  source = jc_media_source_new (path, &error);
  g_assert_null (source);
  g_assert_error (error, JC_ERROR, JC_ERROR_MEDIA);
  g_assert_nonnull (strstr (error->message, path));

  if (!require_cli ())
    return;
  run_cli (&run, "--server", jc_local_janus_get_ws_uri (janus), "echotest", "--input", path, "--duration", "2",
           NULL);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (strstr (run.err, path));
}

static gboolean
have_camera (void)
{
  g_autoptr (GstDeviceMonitor) monitor = gst_device_monitor_new ();
  GList *devices;
  gboolean found;

  gst_device_monitor_add_filter (monitor, "Video/Source", NULL);
  if (!gst_device_monitor_start (monitor))
    return FALSE;
  devices = gst_device_monitor_get_devices (monitor);
  gst_device_monitor_stop (monitor);
  found = devices != NULL;
  g_list_free_full (devices, gst_object_unref);
  return found;
}

/* The `device` source on a machine without a camera. */
static void
test_missing_device (void)
{
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) offer = NULL;
  Conn conn = { 0 };
  Call call;

  if (!require_media ())
    return;
  if (have_camera ())
    {
      g_test_skip ("This machine has a camera: cannot test the missing-camera error");
      return;
    }
  source = jc_media_source_new ("device", &error);
  g_assert_no_error (error);
  conn_open (&conn, jc_local_janus_get_ws_uri (janus));
  call_attach (&call, conn.session, source, NULL);
  offer = call_create_offer (&call, &error);
  g_assert_null (offer);
  g_assert_error (error, JC_ERROR, JC_ERROR_MEDIA);
  g_test_message ("error: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "No camera found"));
  call_stop (&call);
  call_clear (&call);
  conn_close (&conn);
}

static guint
count_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

#define THREADS() count_dir ("/proc/self/task")
/* g_dir_open's own descriptor is counted: the same on every call. */
#define FDS() count_dir ("/proc/self/fd")

/* One short echo: offer, answer, webrtcup, stop. */
static void
churn_one (JcSession *session)
{
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (GError) error = NULL;
  Call call;

  source = jc_media_source_new ("test", &error);
  g_assert_no_error (error);
  sink = jc_media_sink_new ("null", &error);
  g_assert_no_error (error);
  call_attach (&call, session, source, sink);
  call_negotiate (&call, NULL);
  call_wait_webrtcup (&call);
  call_stop (&call);
  call_clear (&call);
}

/* 50 peers one after another: threads and descriptors come back. */
static void
test_peer_churn (void)
{
  Conn conn = { 0 };
  guint base_threads, base_fds, max_threads = 0, max_fds = 0;
  gint64 start = g_get_monotonic_time ();

  if (!require_media ())
    return;
  conn_open (&conn, jc_local_janus_get_ws_uri (janus));
  /* The first peer of a process makes one-time allocations (the DTLS
   * certificate, GStreamer's and libnice's type and class data, the
   * client's own threads): measure from after it. */
  churn_one (conn.session);
  base_threads = THREADS ();
  base_fds = FDS ();
  g_test_message ("after the first peer: %u threads, %u descriptors", base_threads, base_fds);

  for (guint i = 1; i < PEERS_CHURN; i++)
    {
      churn_one (conn.session);
      max_threads = MAX (max_threads, THREADS ());
      max_fds = MAX (max_fds, FDS ());
    }
  g_test_message ("%u peers in %.1f s; at most %u threads and %u descriptors between peers", PEERS_CHURN,
                  (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC, max_threads, max_fds);

  /* GStreamer's and GLib's thread pools keep idle threads a little while. */
  JC_TEST_WAIT_UNTIL_TIMEOUT (THREADS () <= base_threads + 2 && FDS () <= base_fds + 2, 20);
  g_test_message ("settled: %u threads, %u descriptors", THREADS (), FDS ());
  g_assert_cmpuint (THREADS (), <=, base_threads + 2);
  g_assert_cmpuint (FDS (), <=, base_fds + 2);
  conn_close (&conn);
}

/* `echotest --json` with the tool's own private Janus. */
static void
test_cli_json (void)
{
  g_autofree char *path = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_auto (JcTestCliRun) run = { 0 };
  JsonObject *summary;
  JsonArray *tracks;
  gboolean seen[2][2] = { { FALSE } }; /* [received][video] */

  if (!require_media () || !require_cli ())
    return;
  path = tmp_path ("cli.webm");
  run_cli (&run, "--json", "echotest", "--duration", "3", "--output", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  summary = json_node_get_object (json_parser_get_root (parser));

  g_assert_true (json_object_get_boolean_member (summary, "webrtcup"));
  g_assert_nonnull (json_object_get_string_member (summary, "ice_state"));
  g_assert_cmpfloat (json_object_get_double_member (summary, "duration_s"), >=, 2.9);
  g_assert_cmpstr (json_object_get_string_member (summary, "output"), ==, path);
  tracks = json_object_get_array_member (summary, "tracks");
  g_assert_nonnull (tracks);
  for (guint i = 0; i < json_array_get_length (tracks); i++)
    {
      JsonObject *track = json_array_get_object_element (tracks, i);
      const char *direction = json_object_get_string_member (track, "direction");
      const char *kind = json_object_get_string_member (track, "kind");
      const char *codec = json_object_get_string_member (track, "codec");
      gboolean received = g_strcmp0 (direction, "received") == 0;
      gboolean video = g_strcmp0 (kind, "video") == 0;

      g_assert_true (received || g_strcmp0 (direction, "sent") == 0);
      g_assert_true (video || g_strcmp0 (kind, "audio") == 0);
      g_assert_cmpstr (codec, ==, video ? "vp8" : "opus");
      g_assert_true (json_object_has_member (track, "mid"));
      g_assert_cmpint (json_object_get_int_member (track, "packets"), >, 0);
      g_assert_cmpint (json_object_get_int_member (track, "bytes"), >, 0);
      g_assert_cmpint (json_object_get_int_member (track, "frames"), >, 0);
      seen[received][video] = TRUE;
    }
  g_assert_true (seen[0][0] && seen[0][1] && seen[1][0] && seen[1][1]);
  assert_recording (path, "video/x-vp8", "audio/x-opus", 2 * GST_SECOND);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_unlink (child) != 0)
        g_printerr ("# cannot remove %s: %s\n", child, g_strerror (errno));
    }
  g_rmdir (path);
}

static const EchoParams echo_ws = { "ws", 5000, TRUE };
static const EchoParams echo_http = { "http", 3000, FALSE };
static const EchoParams echo_unix = { "unix", 3000, FALSE };
static const CodecParams codec_vp9 = { JC_VIDEO_CODEC_VP9, "vp9", "echo-vp9.webm", "video/x-vp9" };
static const CodecParams codec_h264_mkv = { JC_VIDEO_CODEC_H264, "h264", "echo-h264.mkv", "video/x-h264" };
static const CodecParams codec_h264_mp4 = { JC_VIDEO_CODEC_H264, "h264", "echo-h264.mp4", "video/x-h264" };

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  cli_path = g_getenv ("JANUS_CLIENT_CLI");
  if (cli_path != NULL && !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    cli_path = NULL;
  tmp_dir = g_dir_make_tmp ("jc-test-media-XXXXXX", &error);
  g_assert_no_error (error);

  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_NAMESPACE);
  if (!jc_local_janus_start (janus, START_TIMEOUT_MS, &error))
    {
      janus_why_not = g_strdup_printf ("Media tests need a private Janus in a network namespace (root, iproute2 "
                                       "and the janus package): %s",
                                       error->message);
      g_printerr ("# %s\n", janus_why_not);
      g_clear_object (&janus);
      g_clear_error (&error);
    }

  g_test_add_data_func ("/media/echotest/ws", &echo_ws, test_echo_basic);
  g_test_add_data_func ("/media/echotest/http", &echo_http, test_echo_basic);
  g_test_add_data_func ("/media/echotest/unix", &echo_unix, test_echo_basic);
  g_test_add_data_func ("/media/echotest/vp9", &codec_vp9, test_echo_codec);
  g_test_add_data_func ("/media/echotest/h264-mkv", &codec_h264_mkv, test_echo_codec);
  g_test_add_data_func ("/media/echotest/h264-mp4", &codec_h264_mp4, test_echo_codec);
  g_test_add_data_func ("/media/echotest/audio-only", GINT_TO_POINTER (TRUE), test_echo_one_kind);
  g_test_add_data_func ("/media/echotest/video-only", GINT_TO_POINTER (FALSE), test_echo_one_kind);
  g_test_add_func ("/media/source/passthrough", test_echo_passthrough);
  g_test_add_func ("/media/source/loop", test_echo_loop);
  g_test_add_func ("/media/sink/callback", test_callback_sink);
  g_test_add_func ("/media/source/bad-file", test_bad_file);
  g_test_add_func ("/media/source/missing-file", test_missing_file);
  g_test_add_func ("/media/source/missing-device", test_missing_device);
  g_test_add_func ("/media/peer/churn", test_peer_churn);
  g_test_add_func ("/media/cli/echotest-json", test_cli_json);

  status = g_test_run ();

  if (janus != NULL)
    jc_local_janus_stop (janus);
  g_clear_object (&janus);
  g_clear_pointer (&janus_why_not, g_free);
  remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  return status;
}

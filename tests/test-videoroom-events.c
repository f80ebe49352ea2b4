/* test-videoroom-events.c: VideoRoom features checked with real media
 * through a private Janus in a network namespace: a subscriber's `switch`
 * to another publisher, and rooms and participants with string ids (the
 * plugin-wide `string_ids = true`, so a Janus of their own)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib/gstdio.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>
#include <unistd.h>

#include "jc-local-janus.h"
#include "jc-test-media.h"
#include "jc-test-util.h"

static JcLocalJanus *janus; /* numeric ids */
static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

/* Publisher B's video: another size than the `test` source's 320x240, so
 * that the subscriber can tell whose frames it decodes. */
#define B_WIDTH 480
#define B_SOURCE                                                                        \
  "pipeline:videotestsrc is-live=true pattern=snow ! "                                  \
  "video/x-raw,width=480,height=360,framerate=15/1 ! videoconvert "                     \
  "audiotestsrc is-live=true wave=sine freq=880 volume=0.2 ! audio/x-raw,rate=48000 ! " \
  "audioconvert"

static JcId *
create_room (JcVideoRoom *admin, const JcId *wanted)
{
  g_autoptr (JcVideoRoomRequest) create = jc_video_room_request_new ();

  jc_video_room_request_set_codecs (create, "opus", "vp8");
  jc_video_room_request_set_publishers (create, 4);
  return jc_test_video_room_create (admin, wanted, create);
}

static void
on_webrtcup (JcHandle *handle, gboolean *up)
{
  *up = TRUE;
}

/* Joins @room and publishes @spec (joinandconfigure), as @id if given,
 * and waits for the PeerConnection: Janus 1.1.2 answers a subscription
 * to a publisher whose PeerConnection is not up with 428 "No such feed". */
static void
publish (JcVideoRoom *vr, JcPeer *peer, const JcId *room, const char *spec, const char *display, const JcId *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcMediaSource) source = jc_media_source_new (spec, &error);
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;
  gboolean up = FALSE;
  gulong id_up;

  g_assert_no_error (error);
  id_up = g_signal_connect (vr, "webrtcup", G_CALLBACK (on_webrtcup), &up);
  jc_peer_set_source (peer, source);
  jc_video_room_request_set_display (options, display);
  if (id != NULL)
    jc_video_room_request_set_id (options, id);
  jc_video_room_publish_media_async (vr, room, peer, options, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_publish_media_finish (vr, result, &error));
  g_assert_no_error (error);
  JC_TEST_WAIT_UNTIL (up);
  g_signal_handler_disconnect (vr, id_up);
}

/* Subscribes @sub (with its peer set) to every stream of @feed. */
static void
subscribe (JcVideoRoom *sub, const JcId *room, const JcId *feed)
{
  g_autoptr (GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_id_free);
  g_autoptr (GPtrArray) streams = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (feeds, jc_id_copy (feed));
  jc_video_room_join_subscriber_async (sub, room, feeds, NULL, NULL, CB);
  result = WAIT_RESULT ();
  streams = jc_video_room_join_subscriber_finish (sub, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (streams);
}

/* The subscription's stream with mid @mid, or NULL. (transfer full) */
static JcVideoRoomStream *
sub_stream (JcVideoRoom *sub, const char *mid)
{
  g_autoptr (GPtrArray) streams = jc_video_room_get_streams (sub);

  for (guint i = 0; i < streams->len; i++)
    {
      JcVideoRoomStream *s = g_ptr_array_index (streams, i);

      if (g_strcmp0 (jc_video_room_stream_get_mid (s), mid) == 0)
        return jc_video_room_stream_ref (s);
    }
  return NULL;
}

/* The publisher-side mid of @feed's stream of @kind, as @watcher (a
 * publisher handle in the room) was told, or NULL. */
static char *
feed_mid_of (JcVideoRoom *watcher, const JcId *feed, const char *kind)
{
  g_autoptr (GPtrArray) publishers = jc_video_room_get_publishers (watcher);

  for (guint i = 0; i < publishers->len; i++)
    {
      JcVideoRoomParticipant *p = g_ptr_array_index (publishers, i);
      GPtrArray *streams;

      if (!jc_id_equal (jc_video_room_participant_get_id (p), feed))
        continue;
      streams = jc_video_room_participant_get_streams (p);
      for (guint j = 0; j < streams->len; j++)
        {
          JcVideoRoomStream *s = g_ptr_array_index (streams, j);

          if (g_strcmp0 (jc_video_room_stream_get_kind (s), kind) == 0)
            return g_strdup (jc_video_room_stream_get_mid (s));
        }
    }
  return NULL;
}

/* Sets *@video and *@audio to @feed's publisher-side mids once @watcher
 * knows both. */
static gboolean
feed_mids_known (JcVideoRoom *watcher, const JcId *feed, char **video, char **audio)
{
  g_clear_pointer (video, g_free);
  g_clear_pointer (audio, g_free);
  *video = feed_mid_of (watcher, feed, "video");
  *audio = feed_mid_of (watcher, feed, "audio");
  return *video != NULL && *audio != NULL;
}

/* ---------------------------------------------------------------------- */
/* switch                                                                 */

/* Decoded video frames on the subscription's video mid, by width. */
typedef struct
{
  char *mid;    /* (owned) (nullable) until known */
  guint narrow; /* 320 wide: publisher A's */
  guint wide;   /* B_WIDTH wide: publisher B's */
  guint other;
  gint last_width;
} VideoWatch;

static void
on_frame (JcMediaSink *sink, const char *kind, const char *mid, GstSample *sample, VideoWatch *watch)
{
  GstCaps *caps = gst_sample_get_caps (sample);
  int width = 0;

  if (!g_str_equal (kind, "video") || watch->mid == NULL || g_strcmp0 (mid, watch->mid) != 0 || caps == NULL ||
      !gst_structure_get_int (gst_caps_get_structure (caps, 0), "width", &width))
    return;
  if (width == 320)
    watch->narrow++;
  else if (width == B_WIDTH)
    watch->wide++;
  else
    watch->other++;
  watch->last_width = width;
}

static JsonArray *
switch_streams (const JcId *feed, const char *mid, const char *sub_mid, const char *mid2, const char *sub_mid2)
{
  JsonArray *streams = json_array_new ();
  const char *mids[] = { mid, mid2 };
  const char *sub_mids[] = { sub_mid, sub_mid2 };

  for (guint i = 0; i < G_N_ELEMENTS (mids); i++)
    {
      JsonObject *s;

      if (mids[i] == NULL)
        continue;
      s = json_object_new ();
      json_object_set_member (s, "feed", jc_id_to_json (feed));
      json_object_set_string_member (s, "mid", mids[i]);
      json_object_set_string_member (s, "sub_mid", sub_mids[i]);
      json_array_add_object_element (streams, s);
    }
  return streams;
}

static void
test_switch (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = jc_test_create_session (client, &error);
  g_autoptr (JcVideoRoom) admin = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) pub_a = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) pub_b = jc_test_video_room_attach (session);
  g_autoptr (JcVideoRoom) sub = jc_test_video_room_attach (session);
  g_autoptr (JcPeer) peer_a = jc_test_peer_new (janus, JC_HANDLE (pub_a));
  g_autoptr (JcPeer) peer_b = jc_test_peer_new (janus, JC_HANDLE (pub_b));
  g_autoptr (JcPeer) peer_sub = jc_test_peer_new (janus, JC_HANDLE (sub));
  g_autoptr (JcMediaSink) sink = jc_media_sink_new_callback ();
  g_autoptr (JcId) wanted = jc_id_new_number (8000000 + g_random_int_range (0, 100000));
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcId) nowhere = jc_id_new_number (G_GUINT64_CONSTANT (4503599627370495));
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonArray) to_b = NULL;
  g_autoptr (JsonArray) to_nowhere = NULL;
  g_autoptr (JcVideoRoomStream) video = NULL;
  g_autoptr (JcVideoRoomStream) audio = NULL;
  g_autofree char *video_mid = NULL, *audio_mid = NULL;
  g_autofree char *b_video = NULL, *b_audio = NULL, *a_audio = NULL;
  const JcId *a_id, *b_id;
  VideoWatch watch = { 0 };
  gint64 t0 = g_get_monotonic_time ();
  gint64 video_before, audio_before;
  guint wide_before;
  guint updates = 0, updates_before;

  g_assert_no_error (error);
  room = create_room (admin, wanted);
  publish (pub_a, peer_a, room, "test", "A", NULL);
  publish (pub_b, peer_b, room, B_SOURCE, "B", NULL);
  a_id = jc_video_room_get_participant_id (pub_a);
  b_id = jc_video_room_get_participant_id (pub_b);
  g_assert_nonnull (a_id);
  g_assert_nonnull (b_id);
  g_assert_false (jc_id_equal (a_id, b_id));

  /* B's mids, as the room announces them to A. */
  JC_TEST_WAIT_UNTIL (feed_mids_known (pub_a, b_id, &b_video, &b_audio));

  /* The subscription takes A only. */
  jc_peer_set_sink (peer_sub, sink);
  g_signal_connect (sink, "frame", G_CALLBACK (on_frame), &watch);
  jc_video_room_set_peer (sub, peer_sub, NULL);
  g_signal_connect (sub, "error", G_CALLBACK (jc_test_video_room_fail_on_error), NULL);
  g_signal_connect (sub, "updated", G_CALLBACK (jc_test_video_room_count_updates), &updates);
  subscribe (sub, room, a_id);
  video_mid = jc_test_video_room_sub_mid (sub, a_id, "video");
  audio_mid = jc_test_video_room_sub_mid (sub, a_id, "audio");
  g_assert_nonnull (video_mid);
  g_assert_nonnull (audio_mid);
  g_assert_null (jc_test_video_room_sub_mid (sub, b_id, "video"));
  audio = sub_stream (sub, audio_mid);
  a_audio = g_strdup (jc_video_room_stream_get_feed_mid (audio));
  g_assert_nonnull (a_audio);
  g_clear_pointer (&audio, jc_video_room_stream_unref);
  watch.mid = g_strdup (video_mid);
  JC_TEST_WAIT_UNTIL (watch.narrow > 15 && jc_test_received_frames (peer_sub, audio_mid) > 50);
  g_assert_cmpuint (watch.wide, ==, 0);
  g_test_message ("A flows after %.1f s", (g_get_monotonic_time () - t0) / 1e6);

  /* Both m-lines now carry B, without a renegotiation. */
  to_b = switch_streams (b_id, b_video, video_mid, b_audio, audio_mid);
  video_before = jc_test_received_frames (peer_sub, video_mid);
  audio_before = jc_test_received_frames (peer_sub, audio_mid);
  updates_before = updates;
  jc_video_room_switch_async (sub, to_b, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_switch_finish (sub, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (updates, ==, updates_before + 1);

  video = sub_stream (sub, video_mid);
  audio = sub_stream (sub, audio_mid);
  g_assert_nonnull (video);
  g_assert_nonnull (audio);
  g_assert_true (jc_id_equal (jc_video_room_stream_get_feed_id (video), b_id));
  g_assert_cmpstr (jc_video_room_stream_get_feed_mid (video), ==, b_video);
  g_assert_cmpstr (jc_video_room_stream_get_feed_display (video), ==, "B");
  g_assert_true (jc_video_room_stream_is_active (video));
  g_assert_true (jc_id_equal (jc_video_room_stream_get_feed_id (audio), b_id));
  g_assert_cmpstr (jc_video_room_stream_get_feed_mid (audio), ==, b_audio);
  g_assert_null (jc_test_video_room_sub_mid (sub, a_id, "video"));
  g_clear_pointer (&video, jc_video_room_stream_unref);
  g_clear_pointer (&audio, jc_video_room_stream_unref);

  /* B's frames (another size) arrive on the same mid; audio goes on. */
  JC_TEST_WAIT_UNTIL (watch.wide > 15 && watch.last_width == B_WIDTH);
  JC_TEST_WAIT_UNTIL (jc_test_received_frames (peer_sub, video_mid) > video_before + 15 &&
                      jc_test_received_frames (peer_sub, audio_mid) > audio_before + 50);
  g_assert_cmpuint (watch.other, ==, 0);
  g_test_message ("B flows after %.1f s (%u frames of A, %u of B)", (g_get_monotonic_time () - t0) / 1e6,
                  watch.narrow, watch.wide);

  /* A feed that does not exist: the plugin refuses, nothing changes. */
  to_nowhere = switch_streams (nowhere, b_video, video_mid, NULL, NULL);
  jc_video_room_switch_async (sub, to_nowhere, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_room_switch_finish (sub, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED);
  g_test_message ("switch to a missing feed: %s", error->message);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (updates, ==, updates_before + 1);
  video = sub_stream (sub, video_mid);
  g_assert_nonnull (video);
  g_assert_true (jc_id_equal (jc_video_room_stream_get_feed_id (video), b_id));

  /* The subscription keeps working: B's frames keep coming. */
  wide_before = watch.wide;
  audio_before = jc_test_received_frames (peer_sub, audio_mid);
  JC_TEST_WAIT_UNTIL (watch.wide > wide_before + 15 && jc_test_received_frames (peer_sub, audio_mid) > audio_before + 50);
  g_assert_cmpint (watch.last_width, ==, B_WIDTH);
  g_assert_true (g_str_equal (jc_peer_get_ice_state (peer_sub), "connected") ||
                 g_str_equal (jc_peer_get_ice_state (peer_sub), "completed"));

  /* The plugin's own reply, through the generic request: a partial
   * switch (audio back to A) answers with every stream of the
   * subscription and the number of changes made. */
  {
    g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
    g_autoptr (JsonArray) to_a = switch_streams (a_id, a_audio, audio_mid, NULL, NULL);
    g_autoptr (JsonObject) reply = NULL;
    JsonArray *streams;
    guint checked = 0;

    jc_video_room_request_set_streams (options, to_a);
    jc_video_room_request_async (sub, "switch", NULL, options, NULL, NULL, CB);
    result = WAIT_RESULT ();
    reply = jc_video_room_request_finish (sub, result, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_cmpstr (json_object_get_string_member (reply, "videoroom"), ==, "event");
    g_assert_cmpstr (json_object_get_string_member (reply, "switched"), ==, "ok");
    g_assert_cmpint (json_object_get_int_member (reply, "room"), ==, (gint64) jc_id_get_number (room));
    g_assert_cmpint (json_object_get_int_member (reply, "changes"), ==, 1);
    streams = json_object_get_array_member (reply, "streams");
    g_assert_cmpuint (json_array_get_length (streams), ==, 2);
    for (guint i = 0; i < json_array_get_length (streams); i++)
      {
        JsonObject *stream = json_array_get_object_element (streams, i);
        const char *mid = json_object_get_string_member (stream, "mid");
        gboolean is_audio = g_strcmp0 (mid, audio_mid) == 0;
        const JcId *feed = is_audio ? a_id : b_id;

        g_assert_true (is_audio || g_strcmp0 (mid, video_mid) == 0);
        g_assert_cmpint (json_object_get_int_member (stream, "feed_id"), ==,
                         (gint64) jc_id_get_number (feed));
        g_assert_cmpstr (json_object_get_string_member (stream, "feed_mid"), ==, is_audio ? a_audio : b_video);
        g_assert_cmpstr (json_object_get_string_member (stream, "feed_display"), ==, is_audio ? "A" : "B");
        g_assert_true (json_object_get_boolean_member (stream, "active"));
        checked++;
      }
    g_assert_cmpuint (checked, ==, 2);
    audio_before = jc_test_received_frames (peer_sub, audio_mid);
    JC_TEST_WAIT_UNTIL (jc_test_received_frames (peer_sub, audio_mid) > audio_before + 50);
  }

  jc_test_peer_stop (peer_sub);
  jc_test_peer_stop (peer_a);
  jc_test_peer_stop (peer_b);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
  g_free (watch.mid);
  g_test_message ("switch case: %.1f s", (g_get_monotonic_time () - t0) / 1e6);
}

/* ---------------------------------------------------------------------- */
/* string ids                                                             */

static gboolean
listed (GPtrArray *rooms, const JcId *room)
{
  for (guint i = 0; i < rooms->len; i++)
    {
      const JcId *id = jc_video_room_info_get_room (g_ptr_array_index (rooms, i));

      if (id != NULL && jc_id_is_string (id) && jc_id_equal (id, room))
        return TRUE;
    }
  return FALSE;
}

static void
test_string_ids (void)
{
  g_autoptr (JcLocalJanus) server = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-videoroom-events-XXXXXX", &error);
  g_autofree char *out_dir = g_build_filename (dir, "out/", NULL);
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcVideoRoom) admin = NULL;
  g_autoptr (JcVideoRoom) pub = NULL;
  g_autoptr (JcVideoRoom) sub = NULL;
  g_autoptr (JcPeer) peer_pub = NULL;
  g_autoptr (JcPeer) peer_sub = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autofree char *room_name = g_strdup_printf ("jc-room-%08x", g_random_int ());
  g_autofree char *alice_name = g_strdup_printf ("alice-%08x", g_random_int ());
  g_autoptr (JcId) wanted = jc_id_new_string (room_name);
  g_autoptr (JcId) alice = jc_id_new_string (alice_name);
  g_autoptr (JcId) numeric = jc_id_new_number (1234);
  g_autoptr (JcId) room = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GPtrArray) participants = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autofree char *video_mid = NULL, *audio_mid = NULL;
  gboolean exists = FALSE;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_no_error (error);
  jc_local_janus_set_network (server, JC_LOCAL_JANUS_NETWORK_NAMESPACE);
  jc_local_janus_set_plugin_config (server, "janus.plugin.videoroom", "  string_ids = true");
  jc_local_janus_start (server, 15000, &error);
  g_assert_no_error (error);

  client = jc_test_connect (jc_local_janus_get_ws_uri (server), &error);
  g_assert_no_error (error);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  admin = jc_test_video_room_attach (session);
  pub = jc_test_video_room_attach (session);
  sub = jc_test_video_room_attach (session);
  peer_pub = jc_test_peer_new (server, JC_HANDLE (pub));
  peer_sub = jc_test_peer_new (server, JC_HANDLE (sub));

  /* A numeric room id is refused by a VideoRoom with string ids. */
  {
    g_autoptr (JcId) none = NULL;

    jc_video_room_create_async (admin, numeric, NULL, NULL, CB);
    result = WAIT_RESULT ();
    none = jc_video_room_create_finish (admin, result, &error);
    g_assert_null (none);
    g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_INVALID_ELEMENT);
    g_test_message ("create with a numeric id: %s", error->message);
    g_assert_nonnull (strstr (error->message, "room should be a string"));
    g_clear_error (&error);
    g_clear_object (&result);
  }
  jc_video_room_exists_async (admin, numeric, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_room_exists_finish (admin, result, &exists, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_INVALID_ELEMENT);
  g_test_message ("exists with a numeric id: %s", error->message);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A string room: created, exists, listed with its string id. */
  room = create_room (admin, wanted);
  g_assert_true (jc_id_is_string (room));
  g_assert_cmpstr (jc_id_get_string (room), ==, room_name);
  jc_video_room_exists_async (admin, room, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_exists_finish (admin, result, &exists, &error));
  g_assert_no_error (error);
  g_assert_true (exists);
  g_clear_object (&result);
  {
    g_autoptr (JsonObject) reply = NULL;
    JsonNode *room_node;

    jc_video_room_request_async (admin, "exists", room, NULL, NULL, NULL, CB);
    result = WAIT_RESULT ();
    reply = jc_video_room_request_finish (admin, result, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    room_node = json_object_get_member (reply, "room");
    g_assert_nonnull (room_node);
    g_assert_cmpint (json_node_get_value_type (room_node), ==, G_TYPE_STRING);
    g_assert_cmpstr (json_node_get_string (room_node), ==, room_name);
    g_assert_true (json_object_get_boolean_member (reply, "exists"));
  }
  jc_video_room_list_async (admin, NULL, NULL, CB);
  result = WAIT_RESULT ();
  rooms = jc_video_room_list_finish (admin, result, &error);
  g_assert_no_error (error);
  g_assert_true (listed (rooms, room));
  g_clear_object (&result);

  /* A publisher with a string id. */
  publish (pub, peer_pub, room, "test", "alice", alice);
  g_assert_true (jc_id_is_string (jc_video_room_get_participant_id (pub)));
  g_assert_true (jc_id_equal (jc_video_room_get_participant_id (pub), alice));
  g_assert_true (jc_id_equal (jc_video_room_get_room (pub), room));

  /* A subscription by the string feed id, recorded to files. */
  sink = jc_media_sink_new (out_dir, &error);
  g_assert_no_error (error);
  jc_peer_set_sink (peer_sub, sink);
  jc_video_room_set_peer (sub, peer_sub, sink);
  g_signal_connect (sub, "error", G_CALLBACK (jc_test_video_room_fail_on_error), NULL);
  subscribe (sub, room, alice);
  video_mid = jc_test_video_room_sub_mid (sub, alice, "video");
  audio_mid = jc_test_video_room_sub_mid (sub, alice, "audio");
  g_assert_nonnull (video_mid);
  g_assert_nonnull (audio_mid);
  JC_TEST_WAIT_UNTIL (jc_test_received_frames (peer_sub, video_mid) > 15 && jc_test_received_frames (peer_sub, audio_mid) > 50);

  /* Listed by its string id; a publisher now that its media flows. */
  jc_video_room_list_participants_async (admin, room, NULL, CB);
  result = WAIT_RESULT ();
  participants = jc_video_room_list_participants_finish (admin, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (participants->len, ==, 1);
  {
    JcVideoRoomParticipant *p = g_ptr_array_index (participants, 0);
    JsonNode *id_node = json_object_get_member (jc_video_room_participant_get_json (p), "id");

    g_assert_true (jc_id_is_string (jc_video_room_participant_get_id (p)));
    g_assert_true (jc_id_equal (jc_video_room_participant_get_id (p), alice));
    g_assert_nonnull (id_node);
    g_assert_cmpint (json_node_get_value_type (id_node), ==, G_TYPE_STRING);
    g_assert_cmpstr (jc_video_room_participant_get_display (p), ==, "alice");
    g_assert_true (jc_video_room_participant_is_publisher (p));
  }
  jc_test_run_for (2500);
  jc_test_peer_stop (peer_sub);

  files = jc_media_sink_get_track_files (sink);
  g_assert_cmpuint (files->len, ==, 2);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *video_file = g_strdup_printf ("%s-%s.webm", alice_name, video_mid);
      g_autofree char *audio_file = g_strdup_printf ("%s-%s.webm", alice_name, audio_mid);
      gboolean is_video = g_str_equal (base, video_file);

      g_test_message ("recorded %s", base);
      g_assert_true (is_video || g_str_equal (base, audio_file));
      jc_test_check_media_file (path, is_video ? "video/x-vp8" : "audio/x-opus", 2.0);
      g_assert_cmpint (jc_test_received_frames (peer_sub, is_video ? video_mid : audio_mid), >, is_video ? 30 : 100);
    }

  /* A numeric feed id is refused too. */
  {
    g_autoptr (JcVideoRoom) sub2 = jc_test_video_room_attach (session);
    g_autoptr (GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_id_free);
    g_autoptr (GPtrArray) streams = NULL;

    g_ptr_array_add (feeds, jc_id_new_number (42));
    jc_video_room_join_subscriber_async (sub2, room, feeds, NULL, NULL, CB);
    result = WAIT_RESULT ();
    streams = jc_video_room_join_subscriber_finish (sub2, result, NULL, &error);
    g_assert_null (streams);
    g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_INVALID_ELEMENT);
    g_test_message ("subscribe to a numeric feed id: %s", error->message);
    g_clear_error (&error);
    g_clear_object (&result);
  }

  jc_test_peer_stop (peer_pub);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
  jc_local_janus_stop (server);
  jc_test_remove_tree (dir);
  g_test_message ("string-ids case: %.1f s", (g_get_monotonic_time () - t0) / 1e6);
}

/* Streaming thread: drops one video packet in three on its way to
 * webrtcbin, as a lossy uplink would (no netem on this machine). */
static GstPadProbeReturn
drop_some (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  guint *count = user_data;

  return g_atomic_int_add (count, 1) % 3 == 2 ? GST_PAD_PROBE_DROP : GST_PAD_PROBE_OK;
}

typedef struct
{
  guint core;    /* JcHandle::slowlink, uplink video */
  guint plugin;  /* JcVideoRoom::slow-link */
  guint lost;    /* the last core event's count */
  guint bitrate; /* the last plugin event's current bitrate */
  char *media;   /* (owned) of the last core event */
} SlowLinks;

static void
on_core_slowlink (JcHandle *handle, const char *media, const char *mid, gboolean uplink, guint lost, SlowLinks *seen)
{
  g_test_message ("slowlink: %s mid %s, uplink %s, %u lost", media, mid, uplink ? "true" : "false", lost);
  /* Janus's point of view: not its uplink, the packets it receives. */
  if (uplink)
    return;
  seen->core++;
  seen->lost = lost;
  g_free (seen->media);
  seen->media = g_strdup (media);
}

static void
on_plugin_slow_link (JcVideoRoom *vr, guint bitrate, SlowLinks *seen)
{
  g_test_message ("videoroom slow_link: current bitrate %u", bitrate);
  seen->plugin++;
  seen->bitrate = bitrate;
}

/* Janus runs with slowlink_threshold = 2 (janus.jcfg media): a publisher
 * whose video loses a third of its packets hears of it twice, from the
 * core (slowlink, with uplink false: Janus misses packets it receives)
 * and from the plugin (slow_link, with the room's bitrate cap). */
static void
test_slow_link (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = jc_test_create_session (client, &error);
  g_autoptr (JcVideoRoom) pub = jc_test_video_room_attach (session);
  g_autoptr (JcPeer) peer = jc_test_peer_new (janus, JC_HANDLE (pub));
  g_autoptr (JcId) wanted = jc_id_new_number (7400000 + g_random_int_range (0, 100000));
  g_autoptr (JcId) room = NULL;
  g_autoptr (GstElement) webrtc = NULL;
  g_autoptr (GstPad) video_sink = NULL;
  SlowLinks seen = { 0 };
  guint count = 0;
  gulong probe;

  g_assert_no_error (error);
  {
    g_autoptr (JcVideoRoomRequest) create = jc_video_room_request_new ();

    jc_video_room_request_set_codecs (create, "opus", "vp8");
    jc_video_room_request_set_bitrate (create, 300000);
    room = jc_test_video_room_create (pub, wanted, create);
  }
  g_signal_connect (pub, "slowlink", G_CALLBACK (on_core_slowlink), &seen);
  g_signal_connect (pub, "slow-link", G_CALLBACK (on_plugin_slow_link), &seen);
  publish (pub, peer, room, "test", "lossy", NULL);
  jc_test_run_for (1000);
  g_assert_cmpuint (seen.core, ==, 0);

  /* webrtcbin's first sink pad carries the video (the source's order). */
  webrtc = gst_bin_get_by_name (GST_BIN (jc_peer_get_pipeline (peer)), "webrtc");
  g_assert_nonnull (webrtc);
  video_sink = gst_element_get_static_pad (webrtc, "sink_0");
  g_assert_nonnull (video_sink);
  probe = gst_pad_add_probe (video_sink, GST_PAD_PROBE_TYPE_BUFFER, drop_some, &count, NULL);

  JC_TEST_WAIT_UNTIL_TIMEOUT (seen.core > 0 && seen.plugin > 0, 15);
  g_assert_cmpstr (seen.media, ==, "video");
  g_assert_cmpuint (seen.lost, >, 0);
  g_assert_cmpuint (seen.bitrate, ==, 300000);

  gst_pad_remove_probe (video_sink, probe);
  g_free (seen.media);
  jc_test_peer_stop (peer);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
}

/* slowlink events for as few as 2 lost packets a second */
static void
lossy_links_reported (JcLocalJanus *server)
{
  jc_local_janus_set_extra_media (server, "  slowlink_threshold = 2");
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_test_media_janus_start (lossy_links_reported);
  jc_test_media_add_func ("/videoroom-events/switch", test_switch);
  jc_test_media_add_func ("/videoroom-events/string-ids", test_string_ids);
  jc_test_media_add_func ("/videoroom-events/slow-link", test_slow_link);
  ret = g_test_run ();
  g_clear_pointer (&janus, jc_test_media_janus_stop);
  return ret;
}

/* test-audiobridge-media.c: the AudioBridge plugin with media, against a
 * private Janus in a network namespace: two participants send different
 * tones into one room and each records the mix it gets back, which must
 * hold the OTHER's tone (AudioBridge never sends you your own voice),
 * checked with GStreamer's spectrum element on the decoded recordings;
 * muting one removes its tone from the other's recording; the
 * participants list shows the muted flag; kick; destroy; the CLI's join
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/gst.h>
#include <math.h>
#include <string.h>

#include "jc-local-janus.h"
#include "jc-test-media.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;
static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

#define ALICE_HZ 440
#define BOB_HZ 1000

typedef struct
{
  const char *name;
  JcAudioBridge *ab;
  JcPeer *peer;
  char *path; /* (owned) the recording of the mix */
  gint64 join_us;
  gint64 webrtcup_us;
  guint joined_others; /* participant-joined */
  guint updated;       /* participant-updated */
  guint kicked;
  guint destroyed;
  guint errors;
  JcId *kicked_id;    /* (owned) (nullable) */
  GPtrArray *talkers; /* (owned) (nullable) JcId: every participant told talking */
  gint64 talking_us;  /* when the first talking event came */
} User;

static JcAudioBridge *
attach (JcSession *session)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  JcAudioBridge *ab;

  jc_audio_bridge_attach_async (session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  ab = jc_audio_bridge_attach_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (JC_IS_AUDIO_BRIDGE (ab));
  return ab;
}

static void
on_error (JcAudioBridge *ab, GError *error, User *user)
{
  g_test_message ("%s: AudioBridge error: %s", user->name, error->message);
  user->errors++;
}

static void
on_webrtcup (JcHandle *handle, User *user)
{
  if (user->webrtcup_us == 0)
    user->webrtcup_us = g_get_monotonic_time ();
}

static void
on_participant_joined (JcAudioBridge *ab, JcAudioBridgeParticipant *p, User *user)
{
  user->joined_others++;
}

static void
on_participant_updated (JcAudioBridge *ab, JcAudioBridgeParticipant *p, User *user)
{
  user->updated++;
}

static void
on_kicked (JcAudioBridge *ab, const JcId *id, User *user)
{
  user->kicked++;
  g_clear_pointer (&user->kicked_id, jc_id_free);
  user->kicked_id = jc_id_copy (id);
}

static void
on_talking (JcAudioBridge *ab, const JcId *id, gboolean talking, User *user)
{
  if (!talking)
    return;
  if (user->talkers == NULL)
    user->talkers = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_id_free);
  g_ptr_array_add (user->talkers, jc_id_copy (id));
  if (user->talking_us == 0)
    user->talking_us = g_get_monotonic_time ();
}

static void
on_destroyed (JcAudioBridge *ab, const JcId *room, User *user)
{
  user->destroyed++;
}

static void
user_join (User *user, JcSession *session, const JcId *room, int freq, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *spec = g_strdup_printf ("pipeline:audiotestsrc freq=%d volume=0.3 is-live=true", freq);
  g_autoptr (JcMediaSource) source = jc_media_source_new (spec, &error);
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JcAudioBridgeRequest) options = jc_audio_bridge_request_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcId) id = NULL;

  g_assert_no_error (error);
  user->path = g_build_filename (dir, user->name, NULL);
  {
    g_autofree char *file = g_strconcat (user->path, ".webm", NULL);

    g_free (user->path);
    user->path = g_steal_pointer (&file);
  }
  sink = jc_media_sink_new (user->path, &error);
  g_assert_no_error (error);
  jc_media_source_set_video (source, FALSE);
  user->ab = attach (session);
  g_signal_connect (user->ab, "error", G_CALLBACK (on_error), user);
  g_signal_connect (user->ab, "webrtcup", G_CALLBACK (on_webrtcup), user);
  g_signal_connect (user->ab, "participant-joined", G_CALLBACK (on_participant_joined), user);
  g_signal_connect (user->ab, "participant-updated", G_CALLBACK (on_participant_updated), user);
  g_signal_connect (user->ab, "kicked", G_CALLBACK (on_kicked), user);
  g_signal_connect (user->ab, "destroyed", G_CALLBACK (on_destroyed), user);
  g_signal_connect (user->ab, "talking", G_CALLBACK (on_talking), user);
  user->peer = jc_test_peer_new (janus, JC_HANDLE (user->ab));
  jc_peer_set_source (user->peer, source);
  jc_peer_set_sink (user->peer, sink);
  jc_audio_bridge_request_set_display (options, user->name);
  user->join_us = g_get_monotonic_time ();
  jc_audio_bridge_join_media_async (user->ab, room, user->peer, options, NULL, CB);
  result = WAIT_RESULT ();
  id = jc_audio_bridge_join_media_finish (user->ab, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_true (jc_id_equal (id, jc_audio_bridge_get_participant_id (user->ab)));
  g_assert_true (jc_id_equal (room, jc_audio_bridge_get_room (user->ab)));
}

static void
user_clear (User *user)
{
  if (user->ab != NULL)
    g_signal_handlers_disconnect_by_data (user->ab, user);
  g_clear_object (&user->peer);
  g_clear_object (&user->ab);
  g_clear_pointer (&user->path, g_free);
  g_clear_pointer (&user->kicked_id, jc_id_free);
  g_clear_pointer (&user->talkers, g_ptr_array_unref);
}

static gboolean
told_talking (User *user, const JcId *id)
{
  return user->talkers != NULL && g_ptr_array_find_with_equal_func (user->talkers, id, (GEqualFunc) jc_id_equal, NULL);
}

static gint64
received_buffers (JcPeer *peer)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);
  gint64 frames = 0;

  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (track, "direction", ""), "received") == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (track, "kind", ""), "audio") == 0)
        frames += json_object_get_int_member_with_default (track, "frames", 0);
    }
  return frames;
}

/* The spectrum of a recording: 20 Hz bands from 0 to 8 kHz, one row of
 * magnitudes (dB) per 100 ms. */

#define RATE 16000
#define BANDS 400
#define BAND_HZ (RATE / 2 / BANDS)

typedef struct
{
  double t;         /* s, the window's start in the recording */
  float mag[BANDS]; /* dB */
} Row;

static GArray *
spectrum_of (const char *path)
{
  g_autofree char *desc = g_strdup_printf ("filesrc location=\"%s\" ! decodebin ! audioconvert ! audioresample ! "
                                           "audio/x-raw,rate=%d,channels=1 ! spectrum bands=%d threshold=-120 "
                                           "interval=100000000 post-messages=true message-magnitude=true ! fakesink sync=false",
                                           path, RATE, BANDS);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = gst_parse_launch (desc, &error);
  g_autoptr (GstBus) bus = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  gboolean done = FALSE;

  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  while (!done)
    {
      g_autoptr (GstMessage) msg = gst_bus_timed_pop (bus, 30 * GST_SECOND);
      const GstStructure *s;

      g_assert_nonnull (msg);
      switch (GST_MESSAGE_TYPE (msg))
        {
        case GST_MESSAGE_EOS:
          done = TRUE;
          break;
        case GST_MESSAGE_ERROR:
          {
            g_autoptr (GError) gerr = NULL;

            gst_message_parse_error (msg, &gerr, NULL);
            g_error ("Decoding %s: %s", path, gerr->message);
          }
          break;
        case GST_MESSAGE_ELEMENT:
          s = gst_message_get_structure (msg);
          if (gst_structure_has_name (s, "spectrum"))
            {
              const GValue *list = gst_structure_get_value (s, "magnitude");
              guint64 ts = 0;
              Row row = { 0 };

              gst_structure_get_uint64 (s, "timestamp", &ts);
              row.t = (double) ts / GST_SECOND;
              for (guint i = 0; i < BANDS && i < gst_value_list_get_size (list); i++)
                row.mag[i] = g_value_get_float (gst_value_list_get_value (list, i));
              g_array_append_val (rows, row);
            }
          break;
        default:
          break;
        }
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return rows;
}

static int
compare_float (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;

  return x < y ? -1 : x > y;
}

/* Mean over the rows in [from, to) of the loudest band around @hz, and of
 * the median band (the noise floor). */
static void
band_energy (GArray *rows, double from, double to, int hz, double *out_tone, double *out_noise, guint *out_rows)
{
  double tone = 0, noise = 0;
  guint n = 0;
  int band = hz / BAND_HZ;

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      float sorted[BANDS];
      float peak = -200;

      if (row->t < from || row->t >= to)
        continue;
      for (int b = band - 1; b <= band + 1; b++)
        peak = MAX (peak, row->mag[b]);
      memcpy (sorted, row->mag, sizeof sorted);
      qsort (sorted, BANDS, sizeof (float), compare_float);
      tone += peak;
      noise += sorted[BANDS / 2];
      n++;
    }
  *out_rows = n;
  *out_tone = n > 0 ? tone / n : -200;
  *out_noise = n > 0 ? noise / n : -200;
}

typedef struct
{
  double own_tone, other_tone, noise;
  guint rows;
} Energy;

static Energy
measure (GArray *rows, double from, double to, int own_hz, int other_hz)
{
  Energy e;
  double noise2;
  guint rows2;

  band_energy (rows, from, to, other_hz, &e.other_tone, &e.noise, &e.rows);
  band_energy (rows, from, to, own_hz, &e.own_tone, &noise2, &rows2);
  return e;
}

static void
list_participants (JcAudioBridge *ab, const JcId *room, GPtrArray **out)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  jc_audio_bridge_list_participants_async (ab, room, NULL, CB);
  result = WAIT_RESULT ();
  *out = jc_audio_bridge_list_participants_finish (ab, result, &error);
  g_assert_no_error (error);
}

static JcAudioBridgeParticipant *
find_participant (GPtrArray *list, const JcId *id)
{
  for (guint i = 0; i < list->len; i++)
    if (jc_id_equal (jc_audio_bridge_participant_get_id (g_ptr_array_index (list, i)), id))
      return g_ptr_array_index (list, i);
  return NULL;
}

static void
test_two_tones (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcAudioBridge) admin = NULL;
  g_autoptr (JcAudioBridgeRequest) create = jc_audio_bridge_request_new ();
  g_autoptr (JcAudioBridgeRequest) secret = jc_audio_bridge_request_new ();
  g_autoptr (JcId) wanted = jc_id_new_number (700000 + g_random_int_range (0, 100000));
  g_autoptr (JcId) room = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GArray) alice_rows = NULL;
  g_autoptr (GArray) bob_rows = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-audiobridge-XXXXXX", &error);
  User alice = { "alice" }, bob = { "bob" };
  JcAudioBridgeParticipant *p;
  gint64 mute_us, end_us, alice_buffers, bob_buffers;
  double mute_s, end_s;
  Energy a_pre, a_post, b_pre, b_post;

  g_assert_no_error (error);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  admin = attach (session);

  /* The room: 16 kHz mixing, a secret for the moderator's requests. */
  jc_audio_bridge_request_set_description (create, "two tones");
  jc_audio_bridge_request_set_secret (create, "mod");
  jc_audio_bridge_request_set_sampling_rate (create, RATE);
  /* Talking events from the audio-level extension our Opus carries: a
   * tone at 0.3 is well above the default threshold (25, of 127 = silence),
   * 50 packets (1 s) of it make a participant talk. */
  {
    g_autoptr (JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
    g_autoptr (JsonNode) packets = json_node_init_int (json_node_alloc (), 50);

    jc_audio_bridge_request_set_extra (create, "audiolevel_event", yes);
    jc_audio_bridge_request_set_extra (create, "audio_active_packets", packets);
  }
  jc_audio_bridge_create_async (admin, wanted, create, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    room = jc_audio_bridge_create_finish (admin, result, &error);
    g_assert_no_error (error);
    g_assert_true (jc_id_equal (room, wanted));
  }
  jc_audio_bridge_request_set_secret (secret, "mod");

  user_join (&alice, session, room, ALICE_HZ, dir);
  user_join (&bob, session, room, BOB_HZ, dir);
  JC_TEST_WAIT_UNTIL (alice.webrtcup_us != 0 && bob.webrtcup_us != 0);
  g_test_message ("join → webrtcup: alice %.0f ms, bob %.0f ms", (alice.webrtcup_us - alice.join_us) / 1000.0,
                  (bob.webrtcup_us - bob.join_us) / 1000.0);
  /* Alice heard of Bob joining; Bob found Alice in the joined event. */
  JC_TEST_WAIT_UNTIL (alice.joined_others >= 1);
  {
    g_autoptr (GPtrArray) others = jc_audio_bridge_get_participants (bob.ab);

    g_assert_cmpuint (others->len, ==, 1);
    g_assert_true (jc_id_equal (jc_audio_bridge_participant_get_id (g_ptr_array_index (others, 0)),
                                jc_audio_bridge_get_participant_id (alice.ab)));
    g_assert_cmpstr (jc_audio_bridge_participant_get_display (g_ptr_array_index (others, 0)), ==, "alice");
  }

  /* 5 s of both tones: each is told the other talks (Janus tells the
   * talker too). */
  jc_test_run_for (5000);
  JC_TEST_WAIT_UNTIL (told_talking (&alice, jc_audio_bridge_get_participant_id (bob.ab)) &&
                      told_talking (&bob, jc_audio_bridge_get_participant_id (alice.ab)));
  g_test_message ("webrtcup → talking event: alice told %.0f ms after her webrtcup, bob %.0f ms",
                  (alice.talking_us - alice.webrtcup_us) / 1000.0, (bob.talking_us - bob.webrtcup_us) / 1000.0);
  list_participants (admin, room, &before);
  g_assert_cmpuint (before->len, ==, 2);
  p = find_participant (before, jc_audio_bridge_get_participant_id (alice.ab));
  g_assert_nonnull (p);
  g_assert_cmpstr (jc_audio_bridge_participant_get_display (p), ==, "alice");
  g_assert_false (jc_audio_bridge_participant_is_muted (p));
  g_assert_true (jc_audio_bridge_participant_is_setup (p));

  /* The moderator mutes Alice: Bob is told, and loses her tone. */
  {
    g_autoptr (GAsyncResult) result = NULL;

    mute_us = g_get_monotonic_time ();
    jc_audio_bridge_mute_async (admin, room, jc_audio_bridge_get_participant_id (alice.ab), TRUE, secret, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_audio_bridge_mute_finish (admin, result, &error));
    g_assert_no_error (error);
  }
  JC_TEST_WAIT_UNTIL (bob.updated >= 1);
  {
    g_autoptr (GPtrArray) others = jc_audio_bridge_get_participants (bob.ab);

    g_assert_true (jc_audio_bridge_participant_is_muted (g_ptr_array_index (others, 0)));
  }
  jc_test_run_for (4000);
  end_us = g_get_monotonic_time ();
  list_participants (admin, room, &after);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (jc_audio_bridge_participant_is_muted (find_participant (after, jc_audio_bridge_get_participant_id (alice.ab))));
  g_assert_false (jc_audio_bridge_participant_is_muted (find_participant (after, jc_audio_bridge_get_participant_id (bob.ab))));

  alice_buffers = received_buffers (alice.peer);
  bob_buffers = received_buffers (bob.peer);
  g_test_message ("audio buffers received in %.1f s: alice %" G_GINT64_FORMAT ", bob %" G_GINT64_FORMAT " (50 per second sent)",
                  (end_us - alice.webrtcup_us) / 1e6, alice_buffers, bob_buffers);
  g_assert_cmpint (alice_buffers, >, 300);
  g_assert_cmpint (bob_buffers, >, 300);

  /* Kick Bob: both hear of it, Bob is out of the room. */
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (JcId) bob_id = jc_id_copy (jc_audio_bridge_get_participant_id (bob.ab));

    jc_audio_bridge_kick_async (admin, room, bob_id, secret, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_audio_bridge_kick_finish (admin, result, &error));
    g_assert_no_error (error);
    JC_TEST_WAIT_UNTIL (alice.kicked == 1 && bob.kicked == 1);
    g_assert_true (jc_id_equal (alice.kicked_id, bob_id));
    g_assert_true (jc_id_equal (bob.kicked_id, bob_id));
    g_assert_null (jc_audio_bridge_get_room (bob.ab));
    g_assert_nonnull (jc_audio_bridge_get_room (alice.ab));
  }

  /* Destroy: Alice, still in, is told. */
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_audio_bridge_destroy_async (admin, room, secret, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_audio_bridge_destroy_finish (admin, result, &error));
    g_assert_no_error (error);
    JC_TEST_WAIT_UNTIL (alice.destroyed == 1);
    g_assert_null (jc_audio_bridge_get_room (alice.ab));
    /* Janus 1.1.2 drops a kicked participant once its PeerConnection is
     * closed: a destroy right after the kick may still reach Bob. */
    g_test_message ("bob (kicked) was told of the destruction: %s", bob.destroyed ? "yes" : "no");
  }

  /* Stopping the peers closes the recordings. */
  jc_test_peer_stop (alice.peer);
  jc_test_peer_stop (bob.peer);

  /* The recordings. Their time 0 is the first packet, after webrtcup:
   * the mute lands at or before mute_s in them. */
  alice_rows = spectrum_of (alice.path);
  bob_rows = spectrum_of (bob.path);
  mute_s = (mute_us - bob.webrtcup_us) / 1e6;
  end_s = (end_us - bob.webrtcup_us) / 1e6;
  g_test_message ("recordings: alice %.1f s, bob %.1f s; mute at ≤ %.1f s", alice_rows->len / 10.0, bob_rows->len / 10.0, mute_s);
  g_assert_cmpuint (alice_rows->len, >=, 70);
  g_assert_cmpuint (bob_rows->len, >=, 70);
  a_pre = measure (alice_rows, 1.0, mute_s - 1.0, ALICE_HZ, BOB_HZ);
  b_pre = measure (bob_rows, 1.0, mute_s - 1.0, BOB_HZ, ALICE_HZ);
  a_post = measure (alice_rows, mute_s + 0.5, end_s - 0.5, ALICE_HZ, BOB_HZ);
  b_post = measure (bob_rows, mute_s + 0.5, end_s - 0.5, BOB_HZ, ALICE_HZ);
#define SHOW(who, when, e, own, other)                                                                                                     \
  g_test_message ("%s's recording %s the mute (%u windows): other's tone %d Hz %.1f dB, own tone %d Hz %.1f dB, noise floor %.1f dB", who, \
                  when, e.rows, other, e.other_tone, own, e.own_tone, e.noise)
  SHOW ("alice", "before", a_pre, ALICE_HZ, BOB_HZ);
  SHOW ("alice", "after", a_post, ALICE_HZ, BOB_HZ);
  SHOW ("bob", "before", b_pre, BOB_HZ, ALICE_HZ);
  SHOW ("bob", "after", b_post, BOB_HZ, ALICE_HZ);
#undef SHOW
  g_assert_cmpuint (a_pre.rows, >=, 20);
  g_assert_cmpuint (b_pre.rows, >=, 20);
  g_assert_cmpuint (a_post.rows, >=, 15);
  g_assert_cmpuint (b_post.rows, >=, 15);
  /* Each hears the other, well above the noise, and not itself (what is
   * left in its own band is Opus's noise, 40 dB and more below). */
  g_assert_cmpfloat (a_pre.other_tone - a_pre.noise, >, 30);
  g_assert_cmpfloat (b_pre.other_tone - b_pre.noise, >, 30);
  g_assert_cmpfloat (a_pre.other_tone - a_pre.own_tone, >, 40);
  g_assert_cmpfloat (b_pre.other_tone - b_pre.own_tone, >, 40);
  /* Alice muted: Bob no longer hears her; Alice still hears Bob. */
  g_assert_cmpfloat (b_post.other_tone - b_post.noise, <, 10);
  g_assert_cmpfloat (b_pre.other_tone - b_post.other_tone, >, 25);
  g_assert_cmpfloat (a_post.other_tone - a_post.noise, >, 30);
  g_assert_cmpuint (alice.errors + bob.errors, ==, 0);

  user_clear (&alice);
  user_clear (&bob);
  g_clear_object (&admin);
  jc_test_destroy (session, &error);
  g_assert_no_error (error);
  jc_test_remove_tree (dir);
}

/* The CLI: a muted listener records what a speaker sends; participants,
 * mute and destroy in between. */

static JsonObject *
last_line (const char *out)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);

  while (n > 0 && lines[n - 1][0] == '\0')
    n--;
  g_assert_cmpuint (n, >, 0);
  return jc_test_json (lines[n - 1]);
}

static gint64
received_audio_frames (JsonObject *summary)
{
  JsonArray *tracks = json_object_get_array_member (summary, "tracks");
  gint64 frames = 0;

  for (guint i = 0; i < json_array_get_length (tracks); i++)
    {
      JsonObject *t = json_array_get_object_element (tracks, i);

      if (g_str_equal (json_object_get_string_member (t, "direction"), "received"))
        frames += json_object_get_int_member (t, "frames");
    }
  return frames;
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("JANUS_CLIENT_CLI");
  const char *ws = jc_local_janus_get_ws_uri (janus);
  const char *ice = jc_local_janus_get_client_address (janus);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-audiobridge-cli-XXXXXX", &error);
  g_autofree char *output = g_build_filename (dir, "mix.webm", NULL);
  g_autofree char *room = g_strdup_printf ("%d", 800000 + g_random_int_range (0, 100000));
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) listener = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_auto (JcTestCliRun) create = { 0 };
  g_auto (JcTestCliRun) participants = { 0 };
  g_auto (JcTestCliRun) speaker = { 0 };
  g_auto (JcTestCliRun) mute = { 0 };
  g_auto (JcTestCliRun) destroy = { 0 };
  g_autoptr (JsonObject) created = NULL;
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (JsonObject) speaker_summary = NULL;
  g_autoptr (JsonObject) listed = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autofree char *expect_mute = NULL;
  g_autofree char *expect_destroyed = NULL;
  JsonArray *array = NULL;
  const char *speaker_id = NULL;
  Energy e;

  g_assert_no_error (error);
  g_assert_nonnull (cli);
  jc_test_cli_runv (&create, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "audiobridge", "create", "--room", room, "--secret", "s",
                                           "--description", "cli room", "--sampling-rate", "16000", NULL });
  g_assert_cmpint (create.status, ==, 0);
  created = jc_test_json (create.out);
  g_assert_cmpint (json_object_get_int_member (created, "room"), ==, g_ascii_strtoll (room, NULL, 10));

  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  listener = g_subprocess_launcher_spawn (launcher, &error, cli, "--json", "--server", ws, "--ice-address", ice, "audiobridge",
                                          "join", "--room", room, "--display", "listener", "--muted", "--output", output,
                                          "--duration", "8", NULL);
  g_assert_no_error (error);
  for (int i = 0; i < 50; i++)
    {
      jc_test_cli_run_clear (&participants);
      jc_test_cli_runv (&participants, NULL, NULL,
                        (const char *const[]){ "--json", "--server", ws, "audiobridge", "participants", "--room", room, NULL });
      g_assert_cmpint (participants.status, ==, 0);
      if (strstr (participants.out, "listener") != NULL)
        break;
      jc_test_run_for (200);
    }
  g_assert_nonnull (strstr (participants.out, "{\"participants\":[{\"id\":"));
  g_assert_nonnull (strstr (participants.out, "\"display\":\"listener\",\"muted\":true}"));

  jc_test_cli_runv (&speaker, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "--ice-address", ice, "audiobridge", "join", "--room", room,
                                           "--display", "speaker", "--input",
                                           "pipeline:audiotestsrc freq=600 volume=0.3 is-live=true", "--duration", "4", NULL });
  g_test_message ("speaker stdout: %s\nspeaker stderr: %s", speaker.out, speaker.err);
  g_assert_cmpint (speaker.status, ==, 0);
  g_assert_nonnull (strstr (speaker.out, "{\"event\":\"joined\",\"room\":"));
  g_assert_nonnull (strstr (speaker.err, "to webrtcup"));
  speaker_summary = last_line (speaker.out);
  g_assert_true (json_object_get_boolean_member (speaker_summary, "webrtcup"));
  /* The listener is muted: the speaker gets the room's silence, as packets. */
  g_assert_cmpint (received_audio_frames (speaker_summary), >, 100);

  /* Who is in now: the listener alone, the speaker left. */
  jc_test_cli_run_clear (&participants);
  jc_test_cli_runv (&participants, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "audiobridge", "participants", "--room", room, NULL });
  listed = jc_test_json (participants.out);
  array = json_object_get_array_member (listed, "participants");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  speaker_id = NULL;
  {
    JsonObject *p = json_array_get_object_element (array, 0);
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (p, "id"));

    g_assert_cmpstr (json_object_get_string_member (p, "display"), ==, "listener");
    /* Unmute the listener (its own --muted) through the moderator. */
    jc_test_cli_runv (&mute, NULL, NULL,
                      (const char *const[]){ "--json", "--server", ws, "audiobridge", "unmute", "--room", room, "--id", id,
                                             "--secret", "s", NULL });
    expect_mute = g_strdup_printf ("{\"room\":%s,\"id\":%s,\"muted\":false}\n", room, id);
    g_assert_cmpint (mute.status, ==, 0);
    g_assert_cmpstr (mute.out, ==, expect_mute);
  }
  (void) speaker_id;

  g_subprocess_communicate_utf8 (listener, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("listener stdout: %s\nlistener stderr: %s", out, err);
  g_assert_true (g_subprocess_get_if_exited (listener));
  g_assert_cmpint (g_subprocess_get_exit_status (listener), ==, 0);
  g_assert_nonnull (strstr (out, "\"display\":\"speaker\""));
  g_assert_nonnull (strstr (out, "\"action\":\"joined\""));
  g_assert_nonnull (strstr (out, "\"action\":\"left\""));
  g_assert_nonnull (strstr (err, " s  ICE "));
  summary = last_line (out);
  g_assert_true (json_object_get_boolean_member (summary, "webrtcup"));
  g_assert_cmpstr (json_object_get_string_member (summary, "output"), ==, output);
  g_assert_cmpint (received_audio_frames (summary), >, 200);

  /* The listener's file holds the speaker's 600 Hz. */
  rows = spectrum_of (output);
  e = measure (rows, 0, 60, 300, 600);
  g_test_message ("CLI listener's recording: 600 Hz peak %.1f dB over %u windows (noise floor %.1f dB)", e.other_tone, e.rows, e.noise);
  {
    double best = -200;

    for (guint r = 0; r < rows->len; r++)
      best = MAX (best, g_array_index (rows, Row, r).mag[600 / BAND_HZ]);
    g_test_message ("CLI listener's recording: 600 Hz at best %.1f dB", best);
    g_assert_cmpfloat (best, >, -40);
  }

  jc_test_cli_runv (&destroy, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "audiobridge", "destroy", "--room", room, "--secret", "s", NULL });
  expect_destroyed = g_strdup_printf ("{\"room\":%s,\"destroyed\":true}\n", room);
  g_assert_cmpint (destroy.status, ==, 0);
  g_assert_cmpstr (destroy.out, ==, expect_destroyed);
  jc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_test_media_janus_start (NULL);
  jc_test_media_add_func ("/audiobridge/media/two-tones", test_two_tones);
  jc_test_media_add_func ("/audiobridge/media/cli", test_cli);
  ret = g_test_run ();
  g_clear_pointer (&janus, jc_test_media_janus_stop);
  return ret;
}

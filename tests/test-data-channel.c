/* test-data-channel.c: JcDataChannel against a private Janus in a network
 * namespace: EchoTest echoes data-channel messages (text with a prefix,
 * binary as is, on the label they came on), TextRoom offers a data
 * channel that the client answers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Needs root (the namespace); without it every test is skipped with the
 * reason.
 */
#include <string.h>

#include "jc-json-private.h"
#include "jc-test-media.h"
#include "jc-test-util.h"

#define ECHO_PREFIX "Janus EchoTest here! You wrote: "
#define EARLY_MESSAGES 5

static JcLocalJanus *janus; /* (owned) (nullable) */

/* What one channel received. */

typedef struct
{
  JcDataChannel *channel; /* (owned) */
  GPtrArray *texts;       /* (owned) char * */
  GPtrArray *blobs;       /* (owned) GBytes * */
  guint opened;
  guint closed;
  gint64 open_us;
  GError *error; /* (owned) (nullable) the first JcDataChannel::error */
} Rec;

static void
on_open (JcDataChannel *channel, Rec *rec)
{
  g_assert_cmpint (jc_data_channel_get_state (channel), ==, JC_DATA_CHANNEL_STATE_OPEN);
  rec->opened++;
  rec->open_us = g_get_monotonic_time ();
}

static void
on_message (JcDataChannel *channel, const char *text, Rec *rec)
{
  g_ptr_array_add (rec->texts, g_strdup (text));
}

static void
on_data (JcDataChannel *channel, GBytes *data, Rec *rec)
{
  g_ptr_array_add (rec->blobs, g_bytes_ref (data));
}

static void
on_closed (JcDataChannel *channel, Rec *rec)
{
  g_assert_cmpint (jc_data_channel_get_state (channel), ==, JC_DATA_CHANNEL_STATE_CLOSED);
  rec->closed++;
}

static void
on_channel_error (JcDataChannel *channel, GError *error, Rec *rec)
{
  g_test_message ("data channel %s error: %s", jc_data_channel_get_label (channel), error->message);
  if (rec->error == NULL)
    rec->error = g_error_copy (error);
}

/* Takes @channel. */
static void
rec_init (Rec *rec, JcDataChannel *channel)
{
  memset (rec, 0, sizeof *rec);
  rec->channel = channel;
  rec->texts = g_ptr_array_new_with_free_func (g_free);
  rec->blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_signal_connect (channel, "open", G_CALLBACK (on_open), rec);
  g_signal_connect (channel, "message", G_CALLBACK (on_message), rec);
  g_signal_connect (channel, "data", G_CALLBACK (on_data), rec);
  g_signal_connect (channel, "closed", G_CALLBACK (on_closed), rec);
  g_signal_connect (channel, "error", G_CALLBACK (on_channel_error), rec);
}

static void
rec_clear (Rec *rec)
{
  if (rec->channel != NULL)
    g_signal_handlers_disconnect_by_data (rec->channel, rec);
  g_clear_object (&rec->channel);
  g_clear_pointer (&rec->texts, g_ptr_array_unref);
  g_clear_pointer (&rec->blobs, g_ptr_array_unref);
  g_clear_error (&rec->error);
}

static void
rec_create (Rec *rec, JcPeer *peer, const char *label)
{
  g_autoptr (GError) error = NULL;
  JcDataChannel *channel = jc_peer_create_data_channel (peer, label, &error);

  g_assert_no_error (error);
  g_assert_nonnull (channel);
  g_assert_cmpstr (jc_data_channel_get_label (channel), ==, label);
  g_assert_true (jc_peer_get_data_channel (peer, label) == channel);
  rec_init (rec, channel);
}

static void
send_text (Rec *rec, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jc_data_channel_send_text (rec->channel, text, &error));
  g_assert_no_error (error);
}

static void
wait_open (Rec *rec)
{
  JC_TEST_WAIT_UNTIL (rec->opened > 0 || rec->error != NULL);
  g_assert_no_error (rec->error);
  g_assert_cmpuint (rec->opened, ==, 1);
}

/* A client and a session. */

typedef struct
{
  JcClient *client;
  JcSession *session;
} Conn;

static void
conn_open (Conn *conn)
{
  g_autoptr (GError) error = NULL;

  conn->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
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
  JcEchoTest *echo; /* (owned) */
  JcPeer *peer;     /* (owned) */
  gint64 answer_us; /* when the remote description was set */
  gboolean webrtcup;
  gboolean video_receiving;
  GError *peer_error; /* (owned) (nullable) */
} Call;

static void
on_webrtcup (JcHandle *handle, Call *call)
{
  call->webrtcup = TRUE;
}

static void
on_media (JcHandle *handle, const char *type, const char *mid, gboolean receiving, Call *call)
{
  if (g_strcmp0 (type, "video") == 0)
    call->video_receiving = receiving;
}

static void
on_peer_error (JcPeer *peer, GError *error, Call *call)
{
  g_test_message ("peer error: %s", error->message);
  if (call->peer_error == NULL)
    call->peer_error = g_error_copy (error);
}

static void
call_attach (Call *call, Conn *conn, JcMediaSource *source, JcMediaSink *sink)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;

  memset (call, 0, sizeof *call);
  jc_echo_test_attach_async (conn->session, NULL, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  call->echo = jc_echo_test_attach_finish (result, &error);
  g_assert_no_error (error);
  g_signal_connect (call->echo, "webrtcup", G_CALLBACK (on_webrtcup), call);
  g_signal_connect (call->echo, "media", G_CALLBACK (on_media), call);
  call->peer = jc_test_peer_new (janus, JC_HANDLE (call->echo));
  jc_peer_set_source (call->peer, source);
  jc_peer_set_sink (call->peer, sink);
  g_signal_connect (call->peer, "error", G_CALLBACK (on_peer_error), call);
}

/* Offer (checked for the m-lines wanted), EchoTest's answer, remote
 * description. */
static void
call_negotiate (Call *call, gboolean media)
{
  g_autoptr (JcEchoTestRequest) request = jc_echo_test_request_new ();
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;
  const char *sdp;

  jc_peer_create_offer_async (call->peer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  offer = jc_peer_create_offer_finish (call->peer, result, &error);
  g_assert_no_error (error);
  sdp = jc_json_lookup_string (offer, "sdp");
  g_assert_nonnull (strstr (sdp, "m=application "));
  g_assert_nonnull (strstr (sdp, "webrtc-datachannel"));
  g_assert_true ((strstr (sdp, "m=audio ") != NULL) == media);
  g_assert_true ((strstr (sdp, "m=video ") != NULL) == media);
  g_clear_object (&result);

  if (media)
    {
      jc_echo_test_request_set_audio (request, TRUE);
      jc_echo_test_request_set_video (request, TRUE);
    }
  jc_echo_test_configure_async (call->echo, request, offer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_echo_test_configure_finish (call->echo, result, &answer, &error));
  g_assert_no_error (error);
  g_assert_nonnull (answer);
  g_assert_nonnull (strstr (jc_json_lookup_string (answer, "sdp"), "m=application "));
  g_clear_object (&result);

  jc_peer_set_remote_description_async (call->peer, answer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_peer_set_remote_description_finish (call->peer, result, &error));
  g_assert_no_error (error);
  call->answer_us = g_get_monotonic_time ();
}

static void
handle_close (JcHandle *handle)
{
  g_autoptr (GError) error = NULL;

  if (handle == NULL || !jc_handle_is_attached (handle))
    return;
  {
    g_autoptr (GAsyncResult) result = NULL;
    GAsyncResult *slot = NULL;

    jc_handle_hangup_async (handle, NULL, jc_test_store_result, &slot);
    result = jc_test_wait_result (&slot);
    if (!jc_handle_hangup_finish (handle, result, &error))
      g_test_message ("hangup: %s", error->message);
    g_clear_error (&error);
  }
  jc_test_detach (handle, &error);
  g_assert_no_error (error);
}

static void
call_clear (Call *call)
{
  if (call->peer != NULL)
    {
      jc_test_peer_stop (call->peer);
      g_signal_handlers_disconnect_by_data (call->peer, call);
    }
  handle_close (JC_HANDLE (call->echo));
  if (call->echo != NULL)
    g_signal_handlers_disconnect_by_data (call->echo, call);
  g_assert_no_error (call->peer_error);
  g_clear_object (&call->peer);
  g_clear_object (&call->echo);
}

static char *
echoed (const char *text)
{
  return g_strconcat (ECHO_PREFIX, text, NULL);
}

/* Tests */

/* Data channel only, messages sent before open arrive in order. */
static void
test_echo_text (void)
{
  Conn conn = { 0 };
  Call call;
  Rec rec;

  conn_open (&conn);
  call_attach (&call, &conn, NULL, NULL);
  rec_create (&rec, call.peer, "echo");
  g_assert_cmpint (jc_data_channel_get_state (rec.channel), ==, JC_DATA_CHANNEL_STATE_CONNECTING);
  for (guint i = 0; i < EARLY_MESSAGES; i++)
    {
      g_autofree char *text = g_strdup_printf ("early %u", i);

      send_text (&rec, text);
    }
  call_negotiate (&call, FALSE);
  wait_open (&rec);
  g_test_message ("data channel open %.1f ms after the answer was set",
                  (double) (rec.open_us - call.answer_us) / 1000.0);
  send_text (&rec, "after open");
  {
    g_autoptr (GError) error = NULL;

    /* webrtcbin 1.22 would break the association. */
    g_assert_false (jc_data_channel_send_text (rec.channel, "", &error));
    g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  }
  send_text (&rec, "ünïcödé ✓");
  JC_TEST_WAIT_UNTIL (rec.texts->len >= EARLY_MESSAGES + 2 || rec.error != NULL);
  g_assert_no_error (rec.error);
  for (guint i = 0; i < EARLY_MESSAGES; i++)
    {
      g_autofree char *text = g_strdup_printf ("early %u", i);
      g_autofree char *want = echoed (text);

      g_assert_cmpstr (g_ptr_array_index (rec.texts, i), ==, want);
    }
  {
    g_autofree char *want = echoed ("after open");

    g_assert_cmpstr (g_ptr_array_index (rec.texts, EARLY_MESSAGES), ==, want);
  }
  {
    g_autofree char *want = echoed ("ünïcödé ✓");

    g_assert_cmpstr (g_ptr_array_index (rec.texts, EARLY_MESSAGES + 1), ==, want);
  }
  jc_test_run_for (200);
  g_assert_cmpuint (rec.texts->len, ==, EARLY_MESSAGES + 2);
  g_assert_true (call.webrtcup);

  call_clear (&call);
  g_assert_cmpuint (rec.closed, ==, 1);
  rec_clear (&rec);
  conn_close (&conn);
}

static void
test_echo_binary (void)
{
  g_autoptr (GBytes) small = NULL;
  g_autoptr (GBytes) big = NULL;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  Conn conn = { 0 };
  Call call;
  Rec rec;

  for (guint i = 0; i < 256; i++)
    {
      guint8 b = (guint8) i;

      g_byte_array_append (bytes, &b, 1);
    }
  small = g_bytes_new (bytes->data, bytes->len);
  for (guint i = 0; i < 40000; i++)
    {
      guint8 b = (guint8) g_test_rand_int_range (0, 256);

      g_byte_array_append (bytes, &b, 1);
    }
  big = g_bytes_new (bytes->data, bytes->len);

  conn_open (&conn);
  call_attach (&call, &conn, NULL, NULL);
  rec_create (&rec, call.peer, "binary");
  g_assert_true (jc_data_channel_send_data (rec.channel, small, &error));
  g_assert_no_error (error);
  call_negotiate (&call, FALSE);
  wait_open (&rec);
  g_assert_true (jc_data_channel_send_data (rec.channel, big, &error));
  g_assert_no_error (error);
  send_text (&rec, "text between");
  JC_TEST_WAIT_UNTIL ((rec.blobs->len >= 2 && rec.texts->len >= 1) || rec.error != NULL);
  g_assert_no_error (rec.error);
  g_assert_true (g_bytes_equal (g_ptr_array_index (rec.blobs, 0), small));
  g_assert_true (g_bytes_equal (g_ptr_array_index (rec.blobs, 1), big));
  g_test_message ("binary echoed: %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (small),
                  g_bytes_get_size (big));

  call_clear (&call);
  rec_clear (&rec);
  conn_close (&conn);
}

/* Several labels at once; one more created once SCTP is up. */
static void
test_echo_labels (void)
{
  static const char *const labels[] = { "alpha", "beta", "gamma" };
  g_autoptr (GPtrArray) all = NULL;
  Conn conn = { 0 };
  Call call;
  Rec recs[3];

  conn_open (&conn);
  call_attach (&call, &conn, NULL, NULL);
  rec_create (&recs[0], call.peer, labels[0]);
  rec_create (&recs[1], call.peer, labels[1]);
  {
    g_autoptr (GError) error = NULL;

    g_assert_null (jc_peer_create_data_channel (call.peer, "alpha", &error));
    g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
    g_test_message ("duplicate label: %s", error->message);
  }
  send_text (&recs[0], "to alpha");
  send_text (&recs[1], "to beta");
  call_negotiate (&call, FALSE);
  wait_open (&recs[0]);
  wait_open (&recs[1]);

  rec_create (&recs[2], call.peer, labels[2]);
  g_test_message ("gamma created on a live association: %s",
                  jc_data_channel_get_state (recs[2].channel) == JC_DATA_CHANNEL_STATE_OPEN ? "open already"
                                                                                            : "connecting");
  send_text (&recs[2], "to gamma");
  wait_open (&recs[2]);
  send_text (&recs[1], "to beta again");

  JC_TEST_WAIT_UNTIL (recs[0].texts->len >= 1 && recs[1].texts->len >= 2 && recs[2].texts->len >= 1);
  jc_test_run_for (200);
  for (guint i = 0; i < G_N_ELEMENTS (recs); i++)
    {
      g_autofree char *want = g_strdup_printf (ECHO_PREFIX "to %s", labels[i]);

      g_assert_no_error (recs[i].error);
      g_assert_cmpstr (g_ptr_array_index (recs[i].texts, 0), ==, want);
    }
  g_assert_cmpuint (recs[0].texts->len, ==, 1);
  g_assert_cmpuint (recs[1].texts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (recs[1].texts, 1), ==, ECHO_PREFIX "to beta again");
  g_assert_cmpuint (recs[2].texts->len, ==, 1);

  all = jc_peer_get_data_channels (call.peer);
  g_assert_cmpuint (all->len, ==, 3);
  for (guint i = 0; i < all->len; i++)
    g_assert_true (g_ptr_array_index (all, i) == recs[i].channel);

  call_clear (&call);
  for (guint i = 0; i < G_N_ELEMENTS (recs); i++)
    rec_clear (&recs[i]);
  conn_close (&conn);
}

static gint64
received_frames (JcPeer *peer, const char *kind)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);

  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);

      if (g_strcmp0 (jc_json_lookup_string (track, "direction"), "received") == 0 &&
          g_strcmp0 (jc_json_lookup_string (track, "kind"), kind) == 0)
        return json_object_get_int_member (track, "frames");
    }
  return 0;
}

/* A data channel beside audio and video. */
static void
test_echo_with_media (void)
{
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (GError) error = NULL;
  Conn conn = { 0 };
  Call call;
  Rec rec;

  source = jc_media_source_new ("test", &error);
  g_assert_no_error (error);
  sink = jc_media_sink_new ("null", &error);
  g_assert_no_error (error);
  conn_open (&conn);
  call_attach (&call, &conn, source, sink);
  rec_create (&rec, call.peer, "beside-media");
  send_text (&rec, "with media");
  call_negotiate (&call, TRUE);
  wait_open (&rec);
  JC_TEST_WAIT_UNTIL ((call.webrtcup && call.video_receiving && rec.texts->len >= 1) || call.peer_error != NULL);
  g_assert_no_error (call.peer_error);
  g_assert_cmpstr (g_ptr_array_index (rec.texts, 0), ==, ECHO_PREFIX "with media");
  jc_test_run_for (1500);
  send_text (&rec, "still with media");
  JC_TEST_WAIT_UNTIL (rec.texts->len >= 2);
  g_test_message ("echoed video frames %" G_GINT64_FORMAT ", audio %" G_GINT64_FORMAT,
                  received_frames (call.peer, "video"), received_frames (call.peer, "audio"));
  g_assert_cmpint (received_frames (call.peer, "video"), >, 0);
  g_assert_cmpint (received_frames (call.peer, "audio"), >, 0);

  call_clear (&call);
  rec_clear (&rec);
  conn_close (&conn);
}

/* Too big fails with a readable error; the channel keeps working. */
static void
test_echo_oversize (void)
{
  g_autofree char *huge = g_malloc (JC_DATA_CHANNEL_MAX_MESSAGE_SIZE + 2);
  g_autofree char *large = NULL;
  g_autoptr (GBytes) huge_bytes = NULL;
  g_autoptr (GError) error = NULL;
  Conn conn = { 0 };
  Call call;
  Rec rec;

  memset (huge, 'x', JC_DATA_CHANNEL_MAX_MESSAGE_SIZE + 1);
  huge[JC_DATA_CHANNEL_MAX_MESSAGE_SIZE + 1] = '\0';
  huge_bytes = g_bytes_new (huge, JC_DATA_CHANNEL_MAX_MESSAGE_SIZE + 1);
  large = g_strnfill (16384, 'y');

  conn_open (&conn);
  call_attach (&call, &conn, NULL, NULL);
  rec_create (&rec, call.peer, "sizes");
  /* Refused before open as well: it would never go out. */
  g_assert_false (jc_data_channel_send_text (rec.channel, huge, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  call_negotiate (&call, FALSE);
  wait_open (&rec);

  g_assert_false (jc_data_channel_send_text (rec.channel, huge, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "65537 bytes"));
  g_assert_nonnull (strstr (error->message, "at most 65536"));
  g_assert_nonnull (strstr (error->message, "“sizes”"));
  g_clear_error (&error);
  g_assert_false (jc_data_channel_send_data (rec.channel, huge_bytes, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (jc_data_channel_send_text (rec.channel, "\xff\xfe not UTF-8", &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (jc_data_channel_get_state (rec.channel), ==, JC_DATA_CHANNEL_STATE_OPEN);

  send_text (&rec, large);
  send_text (&rec, "after the failures");
  JC_TEST_WAIT_UNTIL (rec.texts->len >= 2 || rec.error != NULL);
  g_assert_no_error (rec.error);
  g_assert_cmpuint (strlen (g_ptr_array_index (rec.texts, 0)), ==, strlen (ECHO_PREFIX) + 16384);
  g_assert_cmpstr (g_ptr_array_index (rec.texts, 1), ==, ECHO_PREFIX "after the failures");

  call_clear (&call);
  rec_clear (&rec);
  conn_close (&conn);
}

static void
on_state_notify (JcDataChannel *channel, GParamSpec *pspec, GArray *states)
{
  JcDataChannelState state = jc_data_channel_get_state (channel);

  g_array_append_val (states, state);
}

/* Closing a channel, then stopping the peer with another open. */
static void
test_close (void)
{
  g_autoptr (GArray) states = g_array_new (FALSE, FALSE, sizeof (JcDataChannelState));
  g_autoptr (GError) error = NULL;
  Conn conn = { 0 };
  Call call;
  Rec one, two, never;
  gint64 close_us;

  conn_open (&conn);
  call_attach (&call, &conn, NULL, NULL);
  rec_create (&one, call.peer, "one");
  rec_create (&two, call.peer, "two");
  g_signal_connect (one.channel, "notify::state", G_CALLBACK (on_state_notify), states);
  call_negotiate (&call, FALSE);
  wait_open (&one);
  wait_open (&two);

  close_us = g_get_monotonic_time ();
  jc_data_channel_close (one.channel);
  g_assert_cmpint (jc_data_channel_get_state (one.channel), ==, JC_DATA_CHANNEL_STATE_CLOSING);
  g_assert_false (jc_data_channel_send_text (one.channel, "too late", &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
  g_clear_error (&error);
  JC_TEST_WAIT_UNTIL_TIMEOUT (one.closed > 0, 10);
  g_test_message ("closed %.1f ms after close ()", (double) (g_get_monotonic_time () - close_us) / 1000.0);
  g_assert_cmpint (jc_data_channel_get_state (one.channel), ==, JC_DATA_CHANNEL_STATE_CLOSED);
  g_assert_cmpuint (states->len, ==, 3);
  g_assert_cmpint (g_array_index (states, JcDataChannelState, 0), ==, JC_DATA_CHANNEL_STATE_OPEN);
  g_assert_cmpint (g_array_index (states, JcDataChannelState, 1), ==, JC_DATA_CHANNEL_STATE_CLOSING);
  g_assert_cmpint (g_array_index (states, JcDataChannelState, 2), ==, JC_DATA_CHANNEL_STATE_CLOSED);
  g_assert_false (jc_data_channel_send_text (one.channel, "closed", &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  jc_data_channel_close (one.channel);
  g_assert_cmpuint (one.closed, ==, 1);

  /* The other one still works, and the label may be used again. */
  send_text (&two, "two still open");
  JC_TEST_WAIT_UNTIL (two.texts->len >= 1);
  g_assert_cmpstr (g_ptr_array_index (two.texts, 0), ==, ECHO_PREFIX "two still open");
  rec_create (&never, call.peer, "one");
  wait_open (&never);
  g_assert_true (jc_peer_get_data_channel (call.peer, "one") == never.channel);
  jc_test_run_for (300);
  g_test_message ("after reopening “one”: two is %s, new one is %s",
                  jc_data_channel_get_state (two.channel) == JC_DATA_CHANNEL_STATE_OPEN ? "open" : "not open",
                  jc_data_channel_get_state (never.channel) == JC_DATA_CHANNEL_STATE_OPEN ? "open" : "not open");

  /* Stopping the peer closes them all. */
  jc_test_peer_stop (call.peer);
  g_assert_cmpuint (two.closed, ==, 1);
  g_assert_cmpuint (never.closed, ==, 1);
  g_assert_cmpint (jc_data_channel_get_state (two.channel), ==, JC_DATA_CHANNEL_STATE_CLOSED);
  g_assert_false (jc_data_channel_send_text (two.channel, "after stop", &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_null (jc_peer_create_data_channel (call.peer, "late", &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
  g_clear_error (&error);
  jc_test_run_for (100);
  g_assert_cmpuint (one.closed, ==, 1);
  g_assert_cmpuint (two.closed, ==, 1);

  g_signal_handlers_disconnect_by_data (one.channel, states);
  call_clear (&call);
  rec_clear (&one);
  rec_clear (&two);
  rec_clear (&never);
  conn_close (&conn);
}

/* A channel that never opened: closed at once; a peer disposed with a
 * channel the application still holds. */
static void
test_close_unopened (void)
{
  g_autoptr (GError) error = NULL;
  Conn conn = { 0 };
  Call call;
  Rec rec;

  conn_open (&conn);
  call_attach (&call, &conn, NULL, NULL);
  rec_create (&rec, call.peer, "never");
  send_text (&rec, "queued");
  jc_data_channel_close (rec.channel);
  g_assert_cmpuint (rec.closed, ==, 1);
  g_assert_cmpint (jc_data_channel_get_state (rec.channel), ==, JC_DATA_CHANNEL_STATE_CLOSED);
  g_assert_false (jc_data_channel_send_text (rec.channel, "x", &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
  g_clear_error (&error);

  /* Dispose the peer without stopping it: the channel just is closed. */
  {
    Rec held;

    rec_create (&held, call.peer, "held");
    g_signal_handlers_disconnect_by_data (call.peer, &call);
    g_clear_object (&call.peer);
    g_assert_cmpint (jc_data_channel_get_state (held.channel), ==, JC_DATA_CHANNEL_STATE_CLOSED);
    g_assert_cmpuint (held.closed, ==, 0);
    g_assert_false (jc_data_channel_send_text (held.channel, "x", &error));
    g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
    g_clear_error (&error);
    rec_clear (&held);
  }
  jc_test_run_for (100);
  g_assert_cmpuint (rec.closed, ==, 1);

  call_clear (&call);
  rec_clear (&rec);
  conn_close (&conn);
}

/* TextRoom: Janus offers m=application, the client answers. */

static void
on_remote_channel (JcPeer *peer, JcDataChannel *channel, Rec *rec)
{
  g_test_message ("Janus opened data channel “%s”", jc_data_channel_get_label (channel));
  g_assert_null (rec->channel);
  rec_init (rec, g_object_ref (channel));
}

static JsonObject *
handle_send (JcHandle *handle, const char *body_json, JsonObject *jsep, JsonObject **out_jsep)
{
  g_autoptr (JsonObject) body = jc_test_json (body_json);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;
  JsonObject *data;

  jc_handle_send_async (handle, body, jsep, JC_TIMEOUT_DEFAULT, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  data = jc_handle_send_finish (handle, result, out_jsep, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_textroom_answer (gconstpointer data)
{
  const char *label = data;
  gboolean own_label = g_str_equal (label, "JanusDataChannel");
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (JcPeer) peer = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (JsonObject) ack = NULL;
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;
  gint64 answered_us;
  Conn conn = { 0 };
  Rec mine, theirs;
  Rec *replies;
  const char *sdp;

  memset (&theirs, 0, sizeof theirs);
  conn_open (&conn);
  handle = jc_test_attach (conn.session, "janus.plugin.textroom", &error);
  g_assert_no_error (error);
  peer = jc_test_peer_new (janus, handle);
  g_signal_connect (peer, "data-channel", G_CALLBACK (on_remote_channel), &theirs);

  reply = handle_send (handle, "{\"request\": \"setup\"}", NULL, &offer);
  g_assert_nonnull (offer);
  sdp = jc_json_lookup_string (offer, "sdp");
  g_assert_nonnull (strstr (sdp, "m=application "));
  g_assert_null (strstr (sdp, "m=audio "));
  g_assert_null (strstr (sdp, "m=video "));

  /* Our channel before the answer, as Janus's own demo does. */
  rec_create (&mine, peer, label);
  jc_peer_create_answer_async (peer, offer, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  answer = jc_peer_create_answer_finish (peer, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (jc_json_lookup_string (answer, "sdp"), "m=application "));
  ack = handle_send (handle, "{\"request\": \"ack\"}", answer, NULL);
  answered_us = g_get_monotonic_time ();

  wait_open (&mine);
  g_test_message ("“%s” open %.1f ms after the ack", label, (double) (mine.open_us - answered_us) / 1000.0);
  send_text (&mine, "{\"textroom\": \"list\", \"transaction\": \"t1\"}");
  if (own_label)
    replies = &mine;
  else
    {
      /* Janus answers on its own channel, which it opens. */
      JC_TEST_WAIT_UNTIL (theirs.channel != NULL);
      g_assert_cmpstr (jc_data_channel_get_label (theirs.channel), ==, "JanusDataChannel");
      g_assert_true (jc_peer_get_data_channel (peer, "JanusDataChannel") == theirs.channel);
      JC_TEST_WAIT_UNTIL (theirs.opened > 0 || jc_data_channel_get_state (theirs.channel) == JC_DATA_CHANNEL_STATE_OPEN);
      replies = &theirs;
    }
  JC_TEST_WAIT_UNTIL (replies->texts->len >= 1 || replies->error != NULL);
  g_assert_no_error (replies->error);
  list = parse_object (g_ptr_array_index (replies->texts, 0));
  g_assert_cmpstr (jc_json_lookup_string (list, "textroom"), ==, "success");
  g_assert_cmpstr (jc_json_lookup_string (list, "transaction"), ==, "t1");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (list, "list")));
  g_test_message ("list: %u rooms", json_array_get_length (json_object_get_array_member (list, "list")));
  if (own_label)
    g_assert_null (theirs.channel);

  jc_test_peer_stop (peer);
  g_assert_cmpuint (mine.closed, ==, 1);
  handle_close (handle);
  rec_clear (&mine);
  if (theirs.channel != NULL)
    rec_clear (&theirs);
  g_signal_handlers_disconnect_by_data (peer, &theirs);
  conn_close (&conn);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_test_media_janus_start (NULL);

  jc_test_media_add_func ("/media/data-channel/echo/text", test_echo_text);
  jc_test_media_add_func ("/media/data-channel/echo/binary", test_echo_binary);
  jc_test_media_add_func ("/media/data-channel/echo/labels", test_echo_labels);
  jc_test_media_add_func ("/media/data-channel/echo/with-media", test_echo_with_media);
  jc_test_media_add_func ("/media/data-channel/echo/oversize", test_echo_oversize);
  jc_test_media_add_func ("/media/data-channel/close", test_close);
  jc_test_media_add_func ("/media/data-channel/close-unopened", test_close_unopened);
  jc_test_media_add_data_func ("/media/data-channel/textroom/answer", "JanusDataChannel", test_textroom_answer);
  jc_test_media_add_data_func ("/media/data-channel/textroom/janus-opens", "mine", test_textroom_answer);

  status = g_test_run ();

  jc_test_media_janus_stop (janus);
  return status;
}

/* test-recordplay.c: the Record&Play plugin's signalling — against a
 * real, private Janus (loopback: list, update of a folder written by
 * hand, configure, the plugin's error codes), and against an in-process
 * fake Janus that answers and tells with messages of the wrong shape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Janus 1.1.2 (checked here): list → {"recordplay": "list", "list":
 * [{"id", "name", "date", "audio": bool, "video": bool, "data": bool,
 * "audio_codec"?, "video_codec"?}]} (its docs say file names; the code
 * sends booleans), update → "ok", configure → "configure" with
 * "settings"; the rest answer an event with "result": {"status": …}; the
 * end of a recording or playout is "result": "done" (a string).
 */
#include <glib/gstdio.h>
#include <string.h>

#include "fake-janus.h"
#include "jc-json-private.h"
#include "jc-local-janus.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;
static char *recordings_dir;

static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

static JcRecordPlay *
attach (JcSession *session)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  JcRecordPlay *rp;

  jc_record_play_attach_async (session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  rp = jc_record_play_attach_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (JC_IS_RECORD_PLAY (rp));
  g_assert_true (JC_IS_HANDLE (rp));
  return rp;
}

static void
count_error (JcRecordPlay *rp, GError *error, guint *count)
{
  g_test_message ("error signal: %s", error->message);
  g_assert_true (error->domain == JC_ERROR || error->domain == JC_PLUGIN_ERROR);
  (*count)++;
}

typedef struct
{
  JcClient *client;
  JcSession *session;
  JcRecordPlay *rp;
  guint errors;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  f->session = jc_test_create_session (f->client, &error);
  g_assert_no_error (error);
  f->rp = attach (f->session);
  g_signal_connect (f->rp, "error", G_CALLBACK (count_error), &f->errors);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jc_test_detach (JC_HANDLE (f->rp), NULL));
  g_clear_object (&f->rp);
  jc_test_destroy (f->session, &error);
  g_assert_no_error (error);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
}

static GPtrArray *
list (JcRecordPlay *rp)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *recordings;

  jc_record_play_list_async (rp, NULL, CB);
  result = WAIT_RESULT ();
  recordings = jc_record_play_list_finish (rp, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recordings);
  return recordings;
}

static JcRecordPlayRecording *
find (GPtrArray *recordings, guint64 id)
{
  for (guint i = 0; i < recordings->len; i++)
    if (jc_record_play_recording_get_id (g_ptr_array_index (recordings, i)) == id)
      return g_ptr_array_index (recordings, i);
  return NULL;
}

static void
update (JcRecordPlay *rp)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  jc_record_play_update_async (rp, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_record_play_update_finish (rp, result, &error));
  g_assert_no_error (error);
}

static char *
write_nfo (const char *id, const char *name, const char *media)
{
  g_autofree char *file = g_strdup_printf ("%s.nfo", id);
  char *path = g_build_filename (recordings_dir, file, NULL);
  g_autofree char *text = g_strdup_printf ("[%s]\r\nname = %s\r\ndate = 2026-01-02 03:04:05\r\n%s\r\n", id, name, media);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* update rescans the folder: a recording described by hand (a .nfo whose
 * MJR is missing) is listed, and refused when played; an id beyond 2^53
 * (Janus reads .nfo ids as 64 bits) is reported and dropped. */
static void
test_list_update (Fixture *f, gconstpointer data)
{
  g_autofree char *nfo = write_nfo ("1234567", "by hand", "video = missing-video.mjr");
  g_autofree char *big = write_nfo ("1152921504606846976", "too big", "audio = missing-audio.mjr");
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) gone = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  JcRecordPlayRecording *rec;

  before = list (f->rp);
  g_assert_null (find (before, 1234567));
  update (f->rp);
  after = list (f->rp);
  rec = find (after, 1234567);
  g_assert_nonnull (rec);
  g_assert_cmpstr (jc_record_play_recording_get_name (rec), ==, "by hand");
  g_assert_cmpstr (jc_record_play_recording_get_date (rec), ==, "2026-01-02 03:04:05");
  g_assert_true (jc_record_play_recording_has_video (rec));
  g_assert_false (jc_record_play_recording_has_audio (rec));
  g_assert_false (jc_record_play_recording_has_data (rec));
  g_assert_null (jc_record_play_recording_get_video_codec (rec));
  g_assert_nonnull (jc_record_play_recording_get_json (rec));
  /* The 2^60 id: told once through "error", not listed. */
  g_assert_cmpuint (f->errors, ==, 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (jc_record_play_recording_get_name (g_ptr_array_index (after, i)), !=, "too big");

  /* Its files cannot be read: 417. */
  jc_record_play_play_async (f->rp, 1234567, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_record_play_play_finish (f->rp, result, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_INVALID_RECORDING);
  g_clear_error (&error);
  g_clear_object (&result);

  g_assert_cmpint (g_unlink (nfo), ==, 0);
  g_assert_cmpint (g_unlink (big), ==, 0);
  update (f->rp);
  gone = list (f->rp);
  g_assert_null (find (gone, 1234567));
  g_assert_cmpint (jc_record_play_get_state (f->rp), ==, JC_RECORD_PLAY_STATE_IDLE);
}

static JsonObject *
raw (JcRecordPlay *rp, const char *body, GError **error)
{
  return jc_test_send (JC_HANDLE (rp), body, NULL, error);
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;

  /* A missing recording: 416. */
  jc_record_play_play_async (f->rp, 987654321, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_record_play_play_finish (f->rp, result, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "416"));
  g_clear_error (&error);
  g_clear_object (&result);

  /* record without an offer and no peer: told at once, nothing sent. */
  jc_record_play_record_async (f->rp, "no offer", 0, NULL, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_cmpuint (jc_record_play_record_finish (f->rp, result, NULL, &error), ==, 0);
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);
  /* … and sent as is, Janus's code: 415 (missing SDP offer). */
  reply = raw (f->rp, "{\"request\": \"record\", \"name\": \"no offer\"}", &error);
  g_assert_null (reply);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  /* start with nothing to play: 418. */
  reply = raw (f->rp, "{\"request\": \"start\"}", &error);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_INVALID_STATE);
  g_clear_error (&error);
  /* play with an id of the wrong type: 414. */
  reply = raw (f->rp, "{\"request\": \"play\", \"id\": \"12\"}", &error);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_INVALID_ELEMENT);
  g_clear_error (&error);
  /* Requests 1.1.2 lacks: 413. */
  reply = raw (f->rp, "{\"request\": \"destroy\", \"id\": 12}", &error);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  reply = raw (f->rp, "{\"request\": \"listparticipants\"}", &error);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  /* pause with nothing recorded: 1.1.2 answers an empty event. */
  jc_record_play_pause_async (f->rp, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_record_play_pause_finish (f->rp, result, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Local checks: ids are 1 to 2^53-1, names not empty. */
  jc_record_play_play_async (f->rp, G_GUINT64_CONSTANT (1) << 53, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_record_play_play_finish (f->rp, result, NULL, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);
  jc_record_play_start_async (f->rp, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_record_play_start_finish (f->rp, result, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);

  /* configure answers at once with what is in force. */
  {
    g_autoptr (JcRecordPlayRequest) request = jc_record_play_request_new ();
    guint bitrate = 0, interval = 0;

    jc_record_play_request_set_video_bitrate_max (request, 256000);
    jc_record_play_request_set_video_keyframe_interval (request, 5);
    jc_record_play_configure_async (f->rp, request, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_record_play_configure_finish (f->rp, result, &bitrate, &interval, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (bitrate, ==, 256000);
    g_assert_cmpuint (interval, ==, 5);
    g_clear_object (&result);
  }
  /* The handle still works. */
  {
    g_autoptr (GPtrArray) recordings = list (f->rp);
  }
  g_assert_cmpuint (f->errors, ==, 0);
}

static void
test_request_fields (void)
{
  g_autoptr (JcRecordPlayRequest) request = jc_record_play_request_new ();
  g_autoptr (JsonNode) extra = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr (JsonObject) body = NULL;
  g_autofree char *text = NULL;

  jc_record_play_request_set_filename (request, "base");
  jc_record_play_request_set_audio_codec (request, "opus");
  jc_record_play_request_set_video_codec (request, "vp8");
  jc_record_play_request_set_video_profile (request, "2");
  jc_record_play_request_set_opus_red (request, FALSE);
  jc_record_play_request_set_text_data (request, TRUE);
  jc_record_play_request_set_video_bitrate_max (request, 1000);
  jc_record_play_request_set_video_keyframe_interval (request, 3);
  jc_record_play_request_set_extra (request, "is_private", extra);
  jc_record_play_request_set_filename (request, NULL);
  body = jc_record_play_request_to_json (request);
  text = jc_json_to_string (body);
  g_assert_cmpstr (text, ==,
                   "{\"audiocodec\":\"opus\",\"videocodec\":\"vp8\",\"videoprofile\":\"2\",\"opusred\":false,\"textdata\":true,"
                   "\"video-bitrate-max\":1000,\"video-keyframe-interval\":3,\"is_private\":true}");
}

/* The fake Janus */

#define SDP_ANSWER "v=0\\r\\no=- 1 1 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF 111\\r\\nc=IN IP4 0.0.0.0\\r\\na=rtpmap:111 opus/48000/2\\r\\n"

typedef enum
{
  LIST,
  UPDATE,
  CONFIGURE,
  RECORD,
  PLAY,
  START,
  STOP,
  PAUSE,
} Request;

typedef struct
{
  const char *name;
  Request request;
  const char *data; /* plugin data, ' for " */
  const char *jsep; /* (nullable) */
  const char *error;
  int code; /* 0: JC_ERROR_PROTOCOL (or @domain_failed); else the plugin's */
  const char *result;
  guint errors; /* "error" signals expected */
} ReplyCase;

static const char *offer_jsep = "{'type': 'offer', 'sdp': '" SDP_ANSWER "'}";
static const char *answer_jsep = "{'type': 'answer', 'sdp': '" SDP_ANSWER "'}";

static const ReplyCase cases[] = {
  { "list/ok", LIST, "{'recordplay': 'list', 'list': [{'id': 1, 'name': 'a', 'date': 'd', 'audio': true, 'video': false, 'audio_codec': 'opus'}]}", NULL, NULL, 0, "1:a:d:A-:opus" },
  { "list/empty", LIST, "{'recordplay': 'list', 'list': []}", NULL, NULL, 0, "" },
  { "list/not-array", LIST, "{'recordplay': 'list', 'list': {}}", NULL, "“list”" },
  { "list/missing", LIST, "{'recordplay': 'list'}", NULL, "“list”" },
  { "list/kind-ok", LIST, "{'recordplay': 'ok'}", NULL, "answered “ok”" },
  { "list/entries", LIST,
    "{'recordplay': 'list', 'list': [{'id': 9007199254740992, 'name': 'big'}, {'id': '7', 'name': 's'}, {'id': 2}, 5, {'id': 3, 'name': 7},"
    " {'id': 8, 'name': 'x', 'video': 'yes-ish', 'audio': 3}, {'id': 4, 'name': 'ok', 'audio': 'x.mjr'}]}",
    NULL, NULL, 0, "4:ok:-:A-:-", 6 },
  { "list/error", LIST, "{'recordplay': 'event', 'error_code': 416, 'error': 'No such recording'}", NULL, "No such recording", 416 },
  { "update/ok", UPDATE, "{'recordplay': 'ok'}", NULL, NULL, 0, "ok" },
  { "update/kind-list", UPDATE, "{'recordplay': 'list', 'list': []}", NULL, "answered “list”" },
  { "configure/ok", CONFIGURE, "{'recordplay': 'configure', 'status': 'ok', 'settings': {'video-bitrate-max': 1, 'video-keyframe-interval': 2}}", NULL, NULL, 0, "1,2" },
  { "configure/string", CONFIGURE, "{'recordplay': 'configure', 'status': 'ok', 'settings': {'video-bitrate-max': '1', 'video-keyframe-interval': 2}}", NULL, "“video-bitrate-max”" },
  { "configure/no-settings", CONFIGURE, "{'recordplay': 'configure', 'status': 'ok'}", NULL, "“settings”" },
  { "configure/no-status", CONFIGURE, "{'recordplay': 'configure', 'settings': {}}", NULL, "“status”" },
  { "record/ok", RECORD, "{'recordplay': 'event', 'result': {'status': 'recording', 'id': 42}}", "answer", NULL, 0, "42" },
  { "record/id-2^53", RECORD, "{'recordplay': 'event', 'result': {'status': 'recording', 'id': 9007199254740992}}", "answer", "“id”" },
  { "record/id-string", RECORD, "{'recordplay': 'event', 'result': {'status': 'recording', 'id': '42'}}", "answer", "“id”" },
  { "record/id-missing", RECORD, "{'recordplay': 'event', 'result': {'status': 'recording'}}", "answer", "“id”" },
  { "record/status-playing", RECORD, "{'recordplay': 'event', 'result': {'status': 'playing', 'id': 42}}", "answer", "answered “playing”" },
  { "record/result-string", RECORD, "{'recordplay': 'event', 'result': 'done'}", "answer", "“result”" },
  { "record/no-jsep", RECORD, "{'recordplay': 'event', 'result': {'status': 'recording', 'id': 42}}", NULL, "no JSEP" },
  { "record/jsep-offer", RECORD, "{'recordplay': 'event', 'result': {'status': 'recording', 'id': 42}}", "offer", "“offer”" },
  { "record/jsep-garbage", RECORD, "{'recordplay': 'event', 'result': {'status': 'recording', 'id': 42}}", "{'type': 'answer', 'sdp': 'garbage'}", "JSEP answer" },
  { "record/jsep-no-sdp", RECORD, "{'recordplay': 'event', 'result': {'status': 'recording', 'id': 42}}", "{'type': 'answer', 'sdp': 5}", "JSEP answer" },
  { "record/jsep-type", RECORD, "{'recordplay': 'event', 'result': {'status': 'recording', 'id': 42}}", "{'type': 7, 'sdp': 'x'}", "“type”" },
  { "record/kind-list", RECORD, "{'recordplay': 'list', 'list': []}", NULL, "answered “list”" },
  { "record/exists", RECORD, "{'recordplay': 'event', 'error_code': 420, 'error': 'Recording 42 already exists'}", NULL, "already exists", 420 },
  { "record/error-code-string", RECORD, "{'recordplay': 'event', 'error_code': '420'}", NULL, "error_code" },
  { "play/ok", PLAY, "{'recordplay': 'event', 'result': {'status': 'preparing', 'id': 12}}", "offer", NULL, 0, "12" },
  { "play/no-id", PLAY, "{'recordplay': 'event', 'result': {'status': 'preparing'}}", "offer", NULL, 0, "12" },
  { "play/other-id", PLAY, "{'recordplay': 'event', 'result': {'status': 'preparing', 'id': 13}}", "offer", "recording 13" },
  { "play/id-2^53", PLAY, "{'recordplay': 'event', 'result': {'status': 'preparing', 'id': 9007199254740993}}", "offer", "“id”" },
  { "play/jsep-answer", PLAY, "{'recordplay': 'event', 'result': {'status': 'preparing', 'id': 12}}", "answer", "“answer”" },
  { "play/jsep-garbage", PLAY, "{'recordplay': 'event', 'result': {'status': 'preparing', 'id': 12}}", "{'type': 'offer', 'sdp': 'v=0 garbage'}", "JSEP offer" },
  { "play/no-jsep", PLAY, "{'recordplay': 'event', 'result': {'status': 'preparing', 'id': 12}}", NULL, "no JSEP" },
  { "play/not-found", PLAY, "{'recordplay': 'event', 'error_code': 416, 'error': 'No such recording'}", NULL, "No such recording", 416 },
  { "play/no-result", PLAY, "{'recordplay': 'event'}", NULL, "“result”" },
  { "start/ok", START, "{'recordplay': 'event', 'result': {'status': 'playing'}}", NULL, NULL, 0, "ok" },
  { "start/status", START, "{'recordplay': 'event', 'result': {'status': 7}}", NULL, "answered “nothing”" },
  { "stop/ok", STOP, "{'recordplay': 'event', 'result': {'status': 'stopped', 'id': 12}}", NULL, NULL, 0, "ok" },
  { "stop/no-id", STOP, "{'recordplay': 'event', 'result': {'status': 'stopped'}}", NULL, NULL, 0, "ok" },
  { "stop/id-float", STOP, "{'recordplay': 'event', 'result': {'status': 'stopped', 'id': 1.5}}", NULL, "“id”" },
  { "pause/ok", PAUSE, "{'recordplay': 'event', 'result': {'status': 'paused', 'id': 5}}", NULL, NULL, 0, "ok" },
  { "pause/empty", PAUSE, "{'recordplay': 'event'}", NULL, "records nothing", -1 },
  { "pause/resumed", PAUSE, "{'recordplay': 'event', 'result': {'status': 'resumed', 'id': 5}}", NULL, "answered “resumed”" },
};

typedef struct
{
  FakeJanus *fake;
  JcClient *client;
  JcSession *session;
  JcRecordPlay *rp;
  guint errors;
  char *reply; /* (owned) (nullable) plugin data for every message */
  char *jsep;  /* (owned) (nullable) the JSEP to send with it */
} Hostile;

static char *
quotes (const char *text)
{
  return g_strdelimit (g_strdup (text), "'", '"');
}

/* Record&Play answers list, update and configure with a success; the
 * rest with an ack, then an event carrying the transaction. */
static gboolean
hostile_hook (FakeJanus *fake, SoupWebsocketConnection *conn, JsonObject *request, gpointer user_data)
{
  Hostile *h = user_data;
  JsonObject *body = jc_json_lookup_object (request, "body");
  const char *what = body != NULL ? jc_json_lookup_string (body, "request") : NULL;
  g_autofree char *extra = NULL;
  gboolean sync;

  if (g_strcmp0 (jc_json_lookup_string (request, "janus"), "message") != 0 || h->reply == NULL)
    return FALSE;
  sync = g_strcmp0 (what, "list") == 0 || g_strcmp0 (what, "update") == 0 || g_strcmp0 (what, "configure") == 0;
  extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}%s%s}", JC_RECORD_PLAY_PLUGIN, h->reply,
                           h->jsep != NULL ? ", \"jsep\": " : "", h->jsep != NULL ? h->jsep : "");
  if (sync)
    fake_janus_reply (fake, request, "success", extra);
  else
    {
      fake_janus_reply (fake, request, "ack", NULL);
      fake_janus_reply (fake, request, "event", extra);
    }
  return TRUE;
}

static void
hostile_setup (Hostile *h, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  h->fake = fake_janus_new ();
  fake_janus_set_hook (h->fake, hostile_hook, h);
  h->client = jc_test_connect (fake_janus_get_uri (h->fake), &error);
  g_assert_no_error (error);
  h->session = jc_test_create_session (h->client, &error);
  g_assert_no_error (error);
  h->rp = attach (h->session);
  g_signal_connect (h->rp, "error", G_CALLBACK (count_error), &h->errors);
}

static void
hostile_teardown (Hostile *h, gconstpointer data)
{
  g_clear_object (&h->rp);
  g_clear_object (&h->session);
  g_clear_object (&h->client);
  g_clear_pointer (&h->fake, fake_janus_free);
  g_clear_pointer (&h->reply, g_free);
  g_clear_pointer (&h->jsep, g_free);
}

static char *
run_request (Hostile *h, Request request, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) array = NULL;
  g_autoptr (JsonObject) offer = jc_test_json ("{\"type\": \"offer\", \"sdp\": \"" SDP_ANSWER "\"}");
  GString *out = g_string_new (NULL);
  gboolean ok = FALSE;
  guint a = 0, b = 0;
  guint64 id;

  switch (request)
    {
    case LIST:
      jc_record_play_list_async (h->rp, NULL, CB);
      result = WAIT_RESULT ();
      array = jc_record_play_list_finish (h->rp, result, error);
      for (guint i = 0; array != NULL && i < array->len; i++)
        {
          JcRecordPlayRecording *rec = g_ptr_array_index (array, i);
          const char *date = jc_record_play_recording_get_date (rec);
          const char *codec = jc_record_play_recording_get_audio_codec (rec);

          g_string_append_printf (out, "%s%" G_GUINT64_FORMAT ":%s:%s:%s%s:%s", i > 0 ? "," : "", jc_record_play_recording_get_id (rec),
                                  jc_record_play_recording_get_name (rec), date != NULL ? date : "-",
                                  jc_record_play_recording_has_audio (rec) ? "A" : "-", jc_record_play_recording_has_video (rec) ? "V" : "-",
                                  codec != NULL ? codec : "-");
        }
      ok = array != NULL;
      break;
    case UPDATE:
      jc_record_play_update_async (h->rp, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_record_play_update_finish (h->rp, result, error);
      g_string_append (out, "ok");
      break;
    case CONFIGURE:
      jc_record_play_configure_async (h->rp, NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_record_play_configure_finish (h->rp, result, &a, &b, error);
      g_string_append_printf (out, "%u,%u", a, b);
      break;
    case RECORD:
      jc_record_play_record_async (h->rp, "rec", 0, NULL, offer, NULL, CB);
      result = WAIT_RESULT ();
      id = jc_record_play_record_finish (h->rp, result, NULL, error);
      g_string_append_printf (out, "%" G_GUINT64_FORMAT, id);
      ok = id != 0;
      if (ok)
        g_assert_cmpint (jc_record_play_get_state (h->rp), ==, JC_RECORD_PLAY_STATE_RECORDING);
      break;
    case PLAY:
      {
        g_autoptr (JsonObject) got = NULL;

        jc_record_play_play_async (h->rp, 12, NULL, CB);
        result = WAIT_RESULT ();
        ok = jc_record_play_play_finish (h->rp, result, &got, error);
        if (ok)
          {
            g_assert_nonnull (got);
            g_assert_cmpint (jc_record_play_get_state (h->rp), ==, JC_RECORD_PLAY_STATE_PREPARING);
          }
        g_string_append_printf (out, "%" G_GUINT64_FORMAT, jc_record_play_get_recording_id (h->rp));
        break;
      }
    case START:
      {
        g_autoptr (JsonObject) answer = jc_test_json ("{\"type\": \"answer\", \"sdp\": \"" SDP_ANSWER "\"}");

        jc_record_play_start_async (h->rp, answer, NULL, CB);
        result = WAIT_RESULT ();
        ok = jc_record_play_start_finish (h->rp, result, error);
        g_string_append (out, "ok");
        break;
      }
    case STOP:
      jc_record_play_stop_async (h->rp, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_record_play_stop_finish (h->rp, result, error);
      g_string_append (out, "ok");
      break;
    case PAUSE:
      jc_record_play_pause_async (h->rp, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_record_play_pause_finish (h->rp, result, error);
      g_string_append (out, "ok");
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, !ok);
}

static void
test_hostile_reply (Hostile *h, gconstpointer data)
{
  const ReplyCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) after_error = NULL;
  g_autofree char *got = NULL;
  g_autofree char *after = NULL;

  h->reply = quotes (c->data);
  if (g_strcmp0 (c->jsep, "offer") == 0)
    h->jsep = quotes (offer_jsep);
  else if (g_strcmp0 (c->jsep, "answer") == 0)
    h->jsep = quotes (answer_jsep);
  else if (c->jsep != NULL)
    h->jsep = quotes (c->jsep);
  got = run_request (h, c->request, &error);
  if (c->error != NULL)
    {
      g_assert_null (got);
      g_assert_nonnull (error);
      if (c->code == 0)
        g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      else if (c->code < 0)
        g_assert_error (error, JC_ERROR, JC_ERROR_FAILED);
      else
        g_assert_error (error, JC_PLUGIN_ERROR, c->code);
      if (strstr (error->message, c->error) == NULL)
        g_error ("“%s” not in the error message “%s”", c->error, error->message);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, c->result);
    }
  g_assert_cmpuint (h->errors, ==, c->errors);

  /* The handle still works. */
  g_clear_pointer (&h->jsep, g_free);
  g_free (h->reply);
  h->reply = g_strdup ("{\"recordplay\": \"ok\"}");
  after = run_request (h, UPDATE, &after_error);
  g_assert_no_error (after_error);
  g_assert_cmpstr (after, ==, "ok");
}

/* What goes out: the body of each typed request. */
static void
test_hostile_bodies (Hostile *h, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  static const struct
  {
    Request request;
    const char *body;
    gboolean jsep;
  } expected[] = {
    { LIST, "{\"request\":\"list\"}" },
    { UPDATE, "{\"request\":\"update\"}" },
    { CONFIGURE, "{\"request\":\"configure\"}" },
    { RECORD, "{\"request\":\"record\",\"name\":\"rec\"}", TRUE },
    { PLAY, "{\"request\":\"play\",\"id\":12}" },
    { START, "{\"request\":\"start\"}", TRUE },
    { STOP, "{\"request\":\"stop\"}" },
    { PAUSE, "{\"request\":\"pause\"}" },
  };

  h->reply = g_strdup ("{\"recordplay\": \"event\", \"error_code\": 499, \"error\": \"scripted\"}");
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *got = NULL;
      g_autofree char *text = NULL;
      JsonObject *message;
      JsonObject *body = NULL;

      got = run_request (h, expected[i].request, &error);
      g_assert_null (got);
      g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_UNKNOWN);
      g_clear_error (&error);
      message = fake_janus_last_request (h->fake, "message");
      g_assert_nonnull (message);
      g_assert_true (jc_json_get_object (message, "body", &body, NULL));
      text = jc_json_to_string (body);
      g_assert_cmpstr (text, ==, expected[i].body);
      g_assert_true (jc_json_has_member (message, "jsep") == expected[i].jsep);
    }
  /* record with its options and an id */
  {
    g_autoptr (JcRecordPlayRequest) options = jc_record_play_request_new ();
    g_autoptr (JsonObject) offer = jc_test_json ("{\"type\": \"offer\", \"sdp\": \"" SDP_ANSWER "\"}");
    g_autoptr (GAsyncResult) result = NULL;
    g_autofree char *text = NULL;
    JsonObject *body = NULL;

    jc_record_play_request_set_filename (options, "base");
    jc_record_play_request_set_video_codec (options, "vp8");
    jc_record_play_record_async (h->rp, "named", 77, options, offer, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_cmpuint (jc_record_play_record_finish (h->rp, result, NULL, &error), ==, 0);
    g_assert_error (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_UNKNOWN);
    g_assert_true (jc_json_get_object (fake_janus_last_request (h->fake, "message"), "body", &body, NULL));
    text = jc_json_to_string (body);
    g_assert_cmpstr (text, ==, "{\"filename\":\"base\",\"videocodec\":\"vp8\",\"request\":\"record\",\"name\":\"named\",\"id\":77}");
  }
}

static void
count_done (JcRecordPlay *rp, guint64 id, guint *count)
{
  (*count)++;
}

typedef struct
{
  char *media;
  guint bitrate;
  gboolean uplink;
  guint count;
} SlowLink;

static void
on_slow_link (JcRecordPlay *rp, const char *media, guint bitrate, gboolean uplink, SlowLink *s)
{
  g_free (s->media);
  s->media = g_strdup (media);
  s->bitrate = bitrate;
  s->uplink = uplink;
  s->count++;
}

/* What Janus tells unasked, malformed: each reported once, dropped. */
static void
test_hostile_events (Hostile *h, gconstpointer data)
{
  static const char *const bad[] = {
    "{'recordplay': 'event'}",
    "{'recordplay': 7, 'result': 'done'}",
    "{'result': 'done'}",
    "{'recordplay': 'event', 'result': []}",
    "{'recordplay': 'event', 'result': 5}",
    "{'recordplay': 'event', 'result': {}}",
    "{'recordplay': 'event', 'result': {'status': 3}}",
    "{'recordplay': 'event', 'result': {'status': 'done', 'id': 9007199254740992}}",
    "{'recordplay': 'event', 'result': {'status': 'done', 'id': '12'}}",
    "{'recordplay': 'event', 'result': {'status': 'stopped', 'id': -1}}",
    "{'recordplay': 'event', 'result': {'status': 'slow_link', 'current-bitrate': -1}}",
    "{'recordplay': 'event', 'result': {'status': 'slow_link', 'media': 5}}",
    "{'recordplay': 'event', 'result': {'status': 'slow_link', 'uplink': 'yes'}}",
    "{'recordplay': 'event', 'error_code': '416'}",
    "{'recordplay': 'event', 'error_code': 416, 'error': 'No such recording'}",
  };
  guint done = 0;
  SlowLink slow = { 0 };

  g_signal_connect (h->rp, "done", G_CALLBACK (count_done), &done);
  g_signal_connect (h->rp, "slow-link", G_CALLBACK (on_slow_link), &slow);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *data_json = quotes (bad[i]);
      g_autofree char *extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}, \"jsep\": {\"type\": \"offer\", \"sdp\": \"garbage\"}}",
                                                JC_RECORD_PLAY_PLUGIN, data_json);

      fake_janus_push (h->fake, "event", jc_session_get_id (h->session), jc_handle_get_id (JC_HANDLE (h->rp)), extra);
      JC_TEST_WAIT_UNTIL (h->errors == i + 1);
    }
  g_assert_cmpuint (done, ==, 0);
  g_assert_cmpuint (slow.count, ==, 0);
  g_assert_cmpint (jc_record_play_get_state (h->rp), ==, JC_RECORD_PLAY_STATE_IDLE);

  /* Well-formed ones: 1.1.2's "done" (once however often), newer
   * plugins' object form, slow_link; an unknown status is ignored. */
  {
    static const char *const good[] = {
      "{'recordplay': 'event', 'result': {'status': 'future'}}",
      "{'recordplay': 'event', 'result': 'future'}",
      "{'recordplay': 'event', 'result': {'status': 'slow_link', 'media': 'video', 'current-bitrate': 1000, 'uplink': 1}}",
      "{'recordplay': 'event', 'result': 'done'}",
      "{'recordplay': 'event', 'result': 'done'}",
      "{'recordplay': 'event', 'result': {'status': 'done', 'id': 12}}",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
      {
        g_autofree char *data_json = quotes (good[i]);
        g_autofree char *extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}}", JC_RECORD_PLAY_PLUGIN, data_json);

        fake_janus_push (h->fake, "event", jc_session_get_id (h->session), jc_handle_get_id (JC_HANDLE (h->rp)), extra);
      }
    JC_TEST_WAIT_UNTIL (done == 1 && slow.count == 1);
    /* A ping round trip: everything pushed before it was read. */
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;

      h->reply = g_strdup ("{\"recordplay\": \"ok\"}");
      jc_record_play_update_async (h->rp, NULL, CB);
      result = WAIT_RESULT ();
      g_assert_true (jc_record_play_update_finish (h->rp, result, &error));
    }
    g_assert_cmpuint (done, ==, 1);
    g_assert_cmpstr (slow.media, ==, "video");
    g_assert_cmpuint (slow.bitrate, ==, 1000);
    g_assert_true (slow.uplink);
    g_assert_cmpuint (h->errors, ==, G_N_ELEMENTS (bad));
  }
  g_free (slow.media);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *lines = NULL;
  int ret;

  /* The fake Janus: no GSettings schemas, no proxy for 127.0.0.1. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  recordings_dir = g_dir_make_tmp ("jc-recordplay-XXXXXX", &error);
  g_assert_no_error (error);
  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  lines = g_strdup_printf ("path = \"%s\"", recordings_dir);
  jc_local_janus_set_plugin_config (janus, JC_RECORD_PLAY_PLUGIN, lines);
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);

  g_test_add_func ("/recordplay/request-fields", test_request_fields);
#define ADD(path, func) g_test_add ("/recordplay/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("janus/list-update", test_list_update);
  ADD ("janus/errors", test_errors);
#undef ADD
  g_test_add ("/recordplay/hostile/bodies", Hostile, NULL, hostile_setup, test_hostile_bodies, hostile_teardown);
  g_test_add ("/recordplay/hostile/events", Hostile, NULL, hostile_setup, test_hostile_events, hostile_teardown);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/recordplay/hostile/reply/%s", cases[i].name);

      g_test_add (path, Hostile, &cases[i], hostile_setup, test_hostile_reply, hostile_teardown);
    }

  ret = g_test_run ();
  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  g_rmdir (recordings_dir);
  g_free (recordings_dir);
  return ret;
}

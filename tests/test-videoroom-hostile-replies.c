/* test-videoroom-hostile-replies.c: JcVideoRoom's requests answered by a
 * hostile Janus
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each case answers one request with malformed (or borderline) plugin
 * data: the request must fail with a protocol error that names what was
 * wrong, and leave what the handle knows as it was; or, when the reply is
 * usable, succeed with the signals and state expected. Either way the
 * handle keeps working. Criticals and warnings are fatal.
 */
#include "videoroom-fixture.h"

#define N VRF_NONE
#define P VRF_PUBLISHER
#define SUB VRF_SUB
#define SP VRF_SUB_PEER

typedef enum
{
  JOIN,
  JOIN_CONFIGURE,
  CONFIGURE,
  PUBLISH,
  JOIN_SUB,
  SUBSCRIBE,
  UPDATE,
  UNSUBSCRIBE,
  SWITCH,
} Request;

typedef struct
{
  const char *name;
  VrfSetup setup;
  Request request;
  const char *data;
  const char *jsep;   /* (nullable) */
  const char *error;  /* (nullable) in the request's error; NULL: it succeeds */
  int code;           /* of the error: 0 for JC_ERROR_PROTOCOL, else the plugin's */
  const char *log;    /* the signals emitted */
  const char *state;  /* (nullable) vrf_state () afterwards; NULL: as set up */
  const char *signal; /* (nullable) in the message of an "error" signal */
} ReplyCase;

#define JOINED(members) "{'videoroom': 'joined', 'room': 1234, 'description': 'Demo', " members "}"
#define JOINED_OK "joined(1234,1);publishers(100:alice[2]);"
#define ATTACHED(members) "{'videoroom': 'attached', 'room': 1234, " members "}"
#define SUB_STREAMS "'streams': [" VRF_SUB_STREAM "]"
#define UPDATED(members) "{'videoroom': 'updated', 'room': 1234, " members "}"
#define CONFIGURED "{'videoroom': 'event', 'room': 1234, 'configured': 'ok'}"

static const ReplyCase cases[] = {
  /* join as a publisher */
  { "join/ok", N, JOIN, VRF_JOINED, NULL, NULL, 0, JOINED_OK, "100:alice[2]" },
  { "join/id-string", N, JOIN, JOINED ("'id': '1', 'private_id': 777"), NULL, "“id”" },
  { "join/id-missing", N, JOIN, JOINED ("'private_id': 777"), NULL, "“id”" },
  { "join/id-negative", N, JOIN, JOINED ("'id': -1, 'private_id': 777"), NULL, "“id”" },
  { "join/id-float", N, JOIN, JOINED ("'id': 1.5, 'private_id': 777"), NULL, "“id”" },
  { "join/id-2^53", N, JOIN, JOINED ("'id': 9007199254740992, 'private_id': 777"), NULL, "“id”" },
  { "join/id-object", N, JOIN, JOINED ("'id': {'id': 1}, 'private_id': 777"), NULL, "“id”" },
  { "join/private-id-string", N, JOIN, JOINED ("'id': 1, 'private_id': '777'"), NULL, "“private_id”" },
  { "join/private-id-negative", N, JOIN, JOINED ("'id': 1, 'private_id': -777"), NULL, "“private_id”" },
  { "join/private-id-zero", N, JOIN, JOINED ("'id': 1, 'private_id': 0"), NULL, "“private_id”" },
  { "join/private-id-missing", N, JOIN, JOINED ("'id': 1, 'publishers': []"), NULL, NULL, 0, "joined(1234,1);" },
  { "join/publishers-object", N, JOIN, JOINED ("'id': 1, 'private_id': 777, 'publishers': {'id': 100}"), NULL, "“publishers”" },
  { "join/publishers-string", N, JOIN, JOINED ("'id': 1, 'private_id': 777, 'publishers': 'alice'"), NULL, "“publishers”" },
  { "join/publishers-entries", N, JOIN, JOINED ("'id': 1, 'private_id': 777, 'publishers': [5, {'id': 'x'}, {'id': 100, 'display': 'alice'}]"), NULL, NULL, 0, "joined(1234,1);publishers(100:alice[0]);", "100:alice[0]", "dropped 2 of 3 “publishers” entries" },
  { "join/room-missing", N, JOIN, "{'videoroom': 'joined', 'id': 1, 'private_id': 777}", NULL, "“room”" },
  { "join/room-object", N, JOIN, "{'videoroom': 'joined', 'room': {'id': 1234}, 'id': 1, 'private_id': 777}", NULL, "“room”" },
  { "join/room-other-kind", N, JOIN, "{'videoroom': 'joined', 'room': '1234', 'id': 1, 'private_id': 777}", NULL, "“id”" },
  { "join/wrong-type", N, JOIN, "{'videoroom': 'event', 'room': 1234, 'id': 1}", NULL, "answered “event”" },
  { "join/type-number", N, JOIN, "{'videoroom': 5, 'room': 1234, 'id': 1}", NULL, "answered “nothing”" },
  { "join/error-code-string", N, JOIN, "{'videoroom': 'event', 'error_code': '426', 'error': 'No such room'}", NULL, "invalid error_code" },
  { "join/error", N, JOIN, "{'videoroom': 'event', 'error_code': 426, 'error': 'No such room'}", NULL, "No such room", 426 },
  { "join/data-array", N, JOIN, "[" VRF_JOINED "]", NULL, "“data”" },
  /* joinandconfigure */
  { "joinandconfigure/ok", N, JOIN_CONFIGURE, VRF_JOINED, VRF_ANSWER, NULL, 0, JOINED_OK "configured;", "100:alice[2]" },
  { "joinandconfigure/jsep-offer", N, JOIN_CONFIGURE, VRF_JOINED, VRF_OFFER, "answer" },
  { "joinandconfigure/jsep-empty-sdp", N, JOIN_CONFIGURE, VRF_JOINED, "{'type': 'answer', 'sdp': ''}", "SDP" },
  { "joinandconfigure/id-string", N, JOIN_CONFIGURE, JOINED ("'id': '1', 'private_id': 777"), VRF_ANSWER, "“id”" },
  /* configure */
  { "configure/ok", P, CONFIGURE, CONFIGURED, NULL, NULL, 0, "configured;" },
  { "configure/not-ok", P, CONFIGURE, "{'videoroom': 'event', 'room': 1234, 'configured': 'no'}", NULL, "“configured”" },
  { "configure/number", P, CONFIGURE, "{'videoroom': 'event', 'room': 1234, 'configured': 1}", NULL, "“configured”" },
  /* Janus documents "configured" for publishers only: absent is fine */
  { "configure/missing", P, CONFIGURE, "{'videoroom': 'event', 'room': 1234}", NULL, NULL, 0, "configured;" },
  { "configure/jsep-offer", P, CONFIGURE, CONFIGURED, VRF_OFFER, "answer" },
  { "configure/jsep-garbage-sdp", P, CONFIGURE, CONFIGURED, "{'type': 'answer', 'sdp': 'garbage'}", "SDP" },
  /* publish */
  { "publish/ok", P, PUBLISH, CONFIGURED, VRF_ANSWER, NULL, 0, "configured;" },
  { "publish/no-jsep", P, PUBLISH, CONFIGURED, NULL, "answer" },
  { "publish/jsep-offer", P, PUBLISH, CONFIGURED, VRF_OFFER, "answer" },
  { "publish/jsep-garbage-sdp", P, PUBLISH, CONFIGURED, "{'type': 'answer', 'sdp': 'garbage'}", "SDP" },
  { "publish/jsep-sdp-number", P, PUBLISH, CONFIGURED, "{'type': 'answer', 'sdp': 5}", "SDP" },
  { "publish/jsep-type-number", P, PUBLISH, CONFIGURED, "{'type': 5, 'sdp': '" VRF_SDP "'}", "answer" },
  { "publish/not-configured", P, PUBLISH, "{'videoroom': 'event', 'room': 1234}", VRF_ANSWER, "“configured”" },
  /* join as a subscriber */
  { "subscribe-join/ok", N, JOIN_SUB, VRF_ATTACHED, VRF_OFFER, NULL, 0, "updated(0>100);" },
  { "subscribe-join/streams-object", N, JOIN_SUB, ATTACHED ("'streams': {'mid': '0'}"), VRF_OFFER, "“streams”" },
  { "subscribe-join/streams-missing", N, JOIN_SUB, "{'videoroom': 'attached', 'room': 1234}", VRF_OFFER, "“streams”" },
  { "subscribe-join/no-jsep", N, JOIN_SUB, VRF_ATTACHED, NULL, "offer" },
  { "subscribe-join/jsep-answer", N, JOIN_SUB, VRF_ATTACHED, VRF_ANSWER, "answer" },
  { "subscribe-join/jsep-empty-sdp", N, JOIN_SUB, VRF_ATTACHED, "{'type': 'offer', 'sdp': ''}", "SDP" },
  { "subscribe-join/jsep-garbage-sdp", N, JOIN_SUB, VRF_ATTACHED, "{'type': 'offer', 'sdp': 'garbage'}", "SDP" },
  { "subscribe-join/jsep-string", N, JOIN_SUB, VRF_ATTACHED, "'offer'", "offer" },
  { "subscribe-join/room-object", N, JOIN_SUB, "{'videoroom': 'attached', 'room': {}, " SUB_STREAMS "}", VRF_OFFER, "“room”" },
  { "subscribe-join/entries", N, JOIN_SUB, ATTACHED ("'streams': [5, {'type': 'video', 'mid': 5}, {'type': 'video', 'mid': '1', 'feed_id': 'x'}, " VRF_SUB_STREAM "]"), VRF_OFFER, NULL, 0, "updated(0>100);", NULL, "dropped 3 of 4 “streams” entries" },
  /* subscribe, update, unsubscribe, switch */
  { "subscribe/ok", SUB, SUBSCRIBE, UPDATED ("'streams': [" VRF_SUB_STREAM ", {'type': 'audio', 'mid': '1', 'feed_id': 200, 'feed_mid': '0'}]"), VRF_OFFER, NULL, 0, "updated(0>100,1>200);", "0>100,1>200" },
  { "subscribe/no-jsep", SUB, SUBSCRIBE, UPDATED (SUB_STREAMS), NULL, NULL, 0, "updated(0>100);" },
  { "subscribe/streams-object", SUB, SUBSCRIBE, UPDATED ("'streams': {}"), VRF_OFFER, "“streams”" },
  { "subscribe/jsep-answer", SUB, SUBSCRIBE, UPDATED (SUB_STREAMS), VRF_ANSWER, "answer" },
  { "subscribe/peer-garbage-sdp", SP, SUBSCRIBE, UPDATED (SUB_STREAMS), "{'type': 'offer', 'sdp': 'garbage'}", "SDP" },
  { "subscribe/peer-jsep-answer", SP, SUBSCRIBE, UPDATED (SUB_STREAMS), VRF_ANSWER, "answer" },
  { "update/jsep-garbage-sdp", SUB, UPDATE, UPDATED (SUB_STREAMS), "{'type': 'offer', 'sdp': 'garbage'}", "SDP" },
  { "unsubscribe/streams-number", SUB, UNSUBSCRIBE, UPDATED ("'streams': 5"), VRF_OFFER, "“streams”" },
  { "switch/ok", SUB, SWITCH, "{'videoroom': 'event', 'room': 1234, 'switched': 'ok', 'changes': 1, 'streams': [{'type': 'video', 'mid': '0', 'feed_id': 300}]}", NULL, NULL, 0, "updated(0>300);", "0>300" },
  { "switch/streams-object", SUB, SWITCH, "{'videoroom': 'event', 'room': 1234, 'switched': 'ok', 'streams': {}}", NULL, "“streams”" },
};

static void
setup_case (Vrf *f, gconstpointer data)
{
  vrf_setup (f, ((const ReplyCase *) data)->setup);
}

static gboolean
run_request (Vrf *f, Request request, GError **error)
{
  g_autoptr (JcId) room = jc_id_new_number (1234);
  g_autoptr (GPtrArray) feeds = vrf_feeds (200);
  g_autofree char *offer_text = vrf_dq (VRF_OFFER);
  g_autoptr (JsonObject) offer = jc_test_json (offer_text);
  g_autoptr (JsonObject) jsep = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcId) id = NULL;
  g_autoptr (GPtrArray) streams = NULL;
  g_autoptr (JsonArray) switches = json_array_new ();
  GAsyncResult *slot = NULL;

  switch (request)
    {
    case JOIN:
      jc_video_room_join_publisher_async (f->vr, room, NULL, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      return (id = jc_video_room_join_publisher_finish (f->vr, result, error)) != NULL;
    case JOIN_CONFIGURE:
      jc_video_room_join_and_configure_async (f->vr, room, NULL, offer, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      return (id = jc_video_room_join_and_configure_finish (f->vr, result, &jsep, error)) != NULL;
    case CONFIGURE:
      jc_video_room_configure_async (f->vr, NULL, NULL, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      return jc_video_room_configure_finish (f->vr, result, &jsep, error);
    case PUBLISH:
      jc_video_room_publish_async (f->vr, NULL, offer, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      return jc_video_room_publish_finish (f->vr, result, &jsep, error);
    case JOIN_SUB:
      jc_video_room_join_subscriber_async (f->vr, room, feeds, NULL, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      return (streams = jc_video_room_join_subscriber_finish (f->vr, result, &jsep, error)) != NULL;
    case SUBSCRIBE:
      jc_video_room_subscribe_async (f->vr, feeds, NULL, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      return (streams = jc_video_room_subscribe_finish (f->vr, result, &jsep, error)) != NULL;
    case UPDATE:
      jc_video_room_update_async (f->vr, feeds, NULL, NULL, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      return (streams = jc_video_room_update_finish (f->vr, result, &jsep, error)) != NULL;
    case UNSUBSCRIBE:
      jc_video_room_unsubscribe_async (f->vr, feeds, NULL, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      return (streams = jc_video_room_unsubscribe_finish (f->vr, result, &jsep, error)) != NULL;
    case SWITCH:
      jc_video_room_switch_async (f->vr, switches, NULL, jc_test_store_result, &slot);
      result = jc_test_wait_result (&slot);
      return jc_video_room_switch_finish (f->vr, result, error);
    default:
      g_assert_not_reached ();
    }
}

static void
test_reply (Vrf *f, gconstpointer data)
{
  const ReplyCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = vrf_state (f);
  g_autofree char *after = NULL;
  gboolean ok;

  vrf_script (f, c->data, c->jsep);
  ok = run_request (f, c->request, &error);
  vrf_script (f, NULL, NULL);
  vrf_roundtrip (f);
  if (c->error != NULL)
    {
      g_assert_false (ok);
      vrf_assert_error (error, c->code, c->error);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  g_assert_cmpstr (f->log->str, ==, c->log != NULL ? c->log : "");
  g_assert_cmpuint (f->errors->len, ==, c->signal != NULL ? 1 : 0);
  if (c->signal != NULL)
    vrf_assert_error (g_ptr_array_index (f->errors, 0), 0, c->signal);
  after = vrf_state (f);
  g_assert_cmpstr (after, ==, c->state != NULL ? c->state : before);
  if (c->error == NULL && (c->request == JOIN || c->request == JOIN_CONFIGURE))
    {
      g_autofree char *room = vrf_id_text (jc_video_room_get_room (f->vr));
      g_autofree char *id = vrf_id_text (jc_video_room_get_participant_id (f->vr));

      g_assert_cmpstr (room, ==, "1234");
      g_assert_cmpstr (id, ==, "1");
    }
  else if (c->error != NULL && c->setup == VRF_NONE)
    {
      /* A failed join leaves the handle out of any room. */
      g_assert_null (jc_video_room_get_room (f->vr));
      g_assert_null (jc_video_room_get_participant_id (f->vr));
      g_assert_cmpuint (jc_video_room_get_private_id (f->vr), ==, 0);
    }
  vrf_assert_still_working (f, TRUE);
}

int
main (int argc, char **argv)
{
  /* Isolated dirs have no GSettings schemas; no proxy for 127.0.0.1 either. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/videoroom-hostile/reply/%s", cases[i].name);

      g_test_add (path, Vrf, &cases[i], setup_case, test_reply, vrf_teardown);
    }

  return g_test_run ();
}

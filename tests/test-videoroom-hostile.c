/* test-videoroom-hostile.c: JcVideoRoom's events from a hostile Janus
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each case pushes one malformed (or borderline) VideoRoom event to a
 * handle set up as a publisher, a subscriber or in a room with string ids,
 * then checks the signals it emitted, the one "error" it reported (if
 * any: a protocol error naming what was wrong), what it knows afterwards,
 * and that a well-formed event that follows is parsed as usual. Criticals
 * and warnings are fatal.
 */
#include "videoroom-fixture.h"

#define P VRF_PUBLISHER
#define SUB VRF_SUB
#define SP VRF_SUB_PEER
#define X VRF_STRING

/* A VideoRoom "event" in room 1234 / "lobby" */
#define EV(members) "{'videoroom': 'event', 'room': 1234, " members "}"
#define EVX(members) "{'videoroom': 'event', 'room': 'lobby', " members "}"
#define UPDATED(streams) "{'videoroom': 'updated', 'room': 1234, 'streams': " streams "}"

typedef struct
{
  const char *name;
  VrfSetup setup;
  const char *data;
  const char *jsep;  /* (nullable) */
  const char *log;   /* the signals emitted */
  const char *error; /* (nullable) in the message of the one "error" */
  int code;          /* of the error: 0 for JC_ERROR_PROTOCOL, else the plugin's */
  const char *state; /* (nullable) vrf_state () afterwards; NULL: as set up */
  gboolean left;     /* the handle is out of its room afterwards */
} EventCase;

static const EventCase cases[] = {
  /* The event's type */
  { "type/number", P, "{'videoroom': 5, 'room': 1234, 'leaving': 100}", NULL, "", "“videoroom”" },
  { "type/null", P, "{'videoroom': null, 'leaving': 100}", NULL, "", "“videoroom”" },
  { "type/object", P, "{'videoroom': {'event': 1}}", NULL, "", "“videoroom”" },
  { "type/missing", P, "{'room': 1234, 'leaving': 100}", NULL, "", "“videoroom”" },
  { "type/empty-object", P, "{}", NULL, "", "“videoroom”" },
  { "type/unknown", P, "{'videoroom': 'frobnicate', 'leaving': 100}", NULL, "" },
  { "type/empty-string", P, "{'videoroom': '', 'leaving': 100}", NULL, "" },
  /* The core drops plugin data that is not an object */
  { "data/array", P, "[{'videoroom': 'event', 'leaving': 100}]", NULL, "" },
  { "data/string", P, "'event'", NULL, "" },
  { "data/null", P, "null", NULL, "" },
  /* publishers */
  { "publishers/object", P, EV ("'publishers': {'id': 5, 'display': 'x'}"), NULL, "", "“publishers” is not an array" },
  { "publishers/string", P, EV ("'publishers': 'alice'"), NULL, "", "“publishers” is not an array" },
  { "publishers/null", P, EV ("'publishers': null"), NULL, "", "“publishers” is not an array" },
  { "publishers/empty", P, EV ("'publishers': []"), NULL, "" },
  { "publishers/not-objects", P, EV ("'publishers': [1, 'x', null, [], true, {'id': 5, 'display': 'five'}]"), NULL, "publishers(5:five[0]);", "dropped 5 of 6 “publishers” entries", 0, "5:five[0],100:alice[2]" },
  { "publishers/no-id", P, EV ("'publishers': [{'display': 'x', 'streams': []}]"), NULL, "", "dropped 1 of 1 “publishers” entries" },
  { "publishers/id-string", P, EV ("'publishers': [{'id': '5', 'display': 'x'}]"), NULL, "", "dropped 1 of 1 “publishers” entries" },
  { "publishers/id-float", P, EV ("'publishers': [{'id': 5.0}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-fraction", P, EV ("'publishers': [{'id': 5.5}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-negative", P, EV ("'publishers': [{'id': -5}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-zero", P, EV ("'publishers': [{'id': 0}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-2^53", P, EV ("'publishers': [{'id': 9007199254740992}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-2^53-1", P, EV ("'publishers': [{'id': 9007199254740991, 'display': 'max'}]"), NULL, "publishers(9007199254740991:max[0]);", NULL, 0, "100:alice[2],9007199254740991:max[0]" },
  { "publishers/id-2^64", P, EV ("'publishers': [{'id': 18446744073709551615}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-beyond-2^64", P, EV ("'publishers': [{'id': 1000000000000000000000000000}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-bool", P, EV ("'publishers': [{'id': true}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-null", P, EV ("'publishers': [{'id': null}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-object", P, EV ("'publishers': [{'id': {'id': 5}}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/id-array", P, EV ("'publishers': [{'id': [5]}]"), NULL, "", "dropped 1 of 1" },
  { "publishers/display-number", P, EV ("'publishers': [{'id': 5, 'display': 42}]"), NULL, "publishers(5:-[0]);", NULL, 0, "5:-[0],100:alice[2]" },
  { "publishers/display-object", P, EV ("'publishers': [{'id': 5, 'display': {'x': 1}}]"), NULL, "publishers(5:-[0]);", NULL, 0, "5:-[0],100:alice[2]" },
  { "publishers/streams-object", P, EV ("'publishers': [{'id': 5, 'display': 'x', 'streams': {'type': 'audio'}}]"), NULL, "publishers(5:x[0]);", "“streams” of publisher 5 is not an array", 0, "5:x[0],100:alice[2]" },
  { "publishers/streams-string", P, EV ("'publishers': [{'id': 5, 'display': 'x', 'streams': 'audio'}]"), NULL, "publishers(5:x[0]);", "“streams” of publisher 5 is not an array", 0, "5:x[0],100:alice[2]" },
  { "publishers/stream-entries", P, EV ("'publishers': [{'id': 5, 'display': 'x', 'streams': [{'type': 5, 'mid': '0'}, {'type': 'audio', 'mid': 7}, 'x', {'type': 'video', 'mid': '1'}, {'mid': '2'}, {'type': null}]}]"), NULL, "publishers(5:x[1]);", "dropped 5 of 6 “streams” entries of publisher 5", 0, "5:x[1],100:alice[2]" },
  { "publishers/some-bad", P, EV ("'publishers': [{'id': 5, 'display': 'ok'}, {'id': 'bad'}]"), NULL, "publishers(5:ok[0]);", "dropped 1 of 2", 0, "5:ok[0],100:alice[2]" },
  { "publishers/and-bad-leaving", P, EV ("'publishers': [{'id': 5, 'display': 'x'}], 'leaving': {'id': 100}"), NULL, "publishers(5:x[0]);", "“leaving”", 0, "5:x[0],100:alice[2]" },
  /* unpublished, leaving, kicked */
  { "unpublished/object", P, EV ("'unpublished': {'id': 100}"), NULL, "", "“unpublished” is not a valid participant id" },
  { "unpublished/array", P, EV ("'unpublished': [100]"), NULL, "", "“unpublished”" },
  { "unpublished/id-string", P, EV ("'unpublished': '100'"), NULL, "", "“unpublished”" },
  { "unpublished/negative", P, EV ("'unpublished': -100"), NULL, "", "“unpublished”" },
  { "unpublished/null", P, EV ("'unpublished': null"), NULL, "", "“unpublished”" },
  { "unpublished/ok", P, EV ("'unpublished': 'ok'"), NULL, "" },
  { "unpublished/unknown", P, EV ("'unpublished': 999"), NULL, "unpublished(999);" },
  { "unpublished/alice", P, EV ("'unpublished': 100"), NULL, "unpublished(100);", NULL, 0, "" },
  { "leaving/object", P, EV ("'leaving': {'id': 100}"), NULL, "", "“leaving” is not a valid participant id" },
  { "leaving/array", P, EV ("'leaving': [100]"), NULL, "", "“leaving”" },
  { "leaving/bool", P, EV ("'leaving': true"), NULL, "", "“leaving”" },
  { "leaving/id-string", P, EV ("'leaving': '100'"), NULL, "", "“leaving”" },
  { "leaving/float", P, EV ("'leaving': 100.0"), NULL, "", "“leaving”" },
  { "leaving/2^53", P, EV ("'leaving': 9007199254740992"), NULL, "", "“leaving”" },
  { "leaving/reason-number", P, EV ("'leaving': 100, 'reason': 5"), NULL, "leaving(100,-);", NULL, 0, "" },
  { "leaving/alice", P, EV ("'leaving': 100, 'reason': 'bye'"), NULL, "leaving(100,bye);", NULL, 0, "" },
  { "leaving/ok", P, EV ("'leaving': 'ok'"), NULL, "", NULL, 0, "", TRUE },
  { "leaving/ok-kicked", P, EV ("'leaving': 'ok', 'reason': 'kicked'"), NULL, "kicked(1);", NULL, 0, "", TRUE },
  { "kicked/object", P, EV ("'kicked': {'id': 100}"), NULL, "", "“kicked” is not a valid participant id" },
  { "kicked/id-string", P, EV ("'kicked': '100'"), NULL, "", "“kicked”" },
  { "kicked/zero", P, EV ("'kicked': 0"), NULL, "", "“kicked”" },
  { "kicked/ok", P, EV ("'kicked': 'ok'"), NULL, "", "“kicked”" },
  { "kicked/alice", P, EV ("'kicked': 100"), NULL, "kicked(100);", NULL, 0, "" },
  /* joining */
  { "joining/number", P, EV ("'joining': 5"), NULL, "", "“joining”" },
  { "joining/no-id", P, EV ("'joining': {'display': 'x'}"), NULL, "", "“joining”" },
  { "joining/id-string", P, EV ("'joining': {'id': '7', 'display': 'x'}"), NULL, "", "“joining”" },
  { "joining/display-number", P, EV ("'joining': {'id': 7, 'display': 5}"), NULL, "joining(7,-);" },
  { "joining/ok", P, EV ("'joining': {'id': 7, 'display': 'bob'}"), NULL, "joining(7,bob);" },
  /* talking */
  { "talking/no-id", P, "{'videoroom': 'talking', 'room': 1234, 'mid': '0'}", NULL, "", "“id”" },
  { "talking/id-string", P, "{'videoroom': 'talking', 'room': 1234, 'id': '100'}", NULL, "", "“id”" },
  { "talking/id-object", P, "{'videoroom': 'talking', 'room': 1234, 'id': {}}", NULL, "", "“id”" },
  { "talking/mid-number", P, "{'videoroom': 'talking', 'room': 1234, 'id': 100, 'mid': 0}", NULL, "talking(100,-);" },
  { "talking/ok", P, "{'videoroom': 'talking', 'room': 1234, 'id': 100, 'mid': '0'}", NULL, "talking(100,0);" },
  { "stopped-talking/no-id", P, "{'videoroom': 'stopped-talking', 'room': 1234}", NULL, "", "“id”" },
  { "stopped-talking/ok", P, "{'videoroom': 'stopped-talking', 'room': 1234, 'id': 100, 'mid': '0'}", NULL, "stopped-talking(100,0);" },
  /* destroyed */
  { "destroyed/room-object", P, "{'videoroom': 'destroyed', 'room': {'id': 1234}}", NULL, "", "“room”" },
  { "destroyed/room-missing", P, "{'videoroom': 'destroyed'}", NULL, "", "“room”" },
  { "destroyed/room-string", P, "{'videoroom': 'destroyed', 'room': '1234'}", NULL, "", "“room”" },
  { "destroyed/other-room", P, "{'videoroom': 'destroyed', 'room': 999}", NULL, "", "999" },
  { "destroyed/ours", P, "{'videoroom': 'destroyed', 'room': 1234}", NULL, "destroyed(1234);", NULL, 0, "", TRUE },
  /* updated and attached (subscribers) */
  { "updated/streams-object", SUB, UPDATED ("{'mid': '0'}"), NULL, "", "“streams” is not an array" },
  { "updated/streams-string", SUB, UPDATED ("'0'"), NULL, "", "“streams” is not an array" },
  { "updated/streams-missing", SUB, "{'videoroom': 'updated', 'room': 1234}", NULL, "" },
  { "updated/entries", SUB, UPDATED ("[{'type': 'video', 'mid': '0', 'feed_id': 'x'}, {'type': 'audio', 'mid': '1', 'feed_id': 100}, 5, {'mid': '2'}, {'type': 'video', 'mid': 3}, {'type': 'video', 'mid': '4', 'feed_id': -1}]"), NULL, "updated(1>100);", "dropped 5 of 6 “streams” entries", 0, "1>100" },
  { "updated/empty", SUB, UPDATED ("[]"), NULL, "updated();", NULL, 0, "" },
  { "updated/no-peer-garbage-sdp", SUB, UPDATED ("[" VRF_SUB_STREAM "]"), "{'type': 'offer', 'sdp': 'garbage'}", "updated(0>100);" },
  { "updated/jsep-empty-sdp", SP, UPDATED ("[" VRF_SUB_STREAM "]"), "{'type': 'offer', 'sdp': ''}", "updated(0>100);", "SDP" },
  { "updated/jsep-garbage-sdp", SP, UPDATED ("[" VRF_SUB_STREAM "]"), "{'type': 'offer', 'sdp': 'garbage'}", "updated(0>100);", "SDP" },
  { "updated/jsep-binary-sdp", SP, UPDATED ("[" VRF_SUB_STREAM "]"), "{'type': 'offer', 'sdp': '\\u0001\\u00ff\\r\\nm=\\r\\n'}", "updated(0>100);", "SDP" },
  { "updated/jsep-sdp-number", SP, UPDATED ("[" VRF_SUB_STREAM "]"), "{'type': 'offer', 'sdp': 5}", "updated(0>100);", "SDP" },
  { "updated/jsep-answer", SP, UPDATED ("[" VRF_SUB_STREAM "]"), VRF_ANSWER, "updated(0>100);", "answer" },
  { "updated/jsep-no-type", SP, UPDATED ("[" VRF_SUB_STREAM "]"), "{'sdp': '" VRF_SDP "'}", "updated(0>100);", "type" },
  { "attached/streams-string", SUB, "{'videoroom': 'attached', 'room': 1234, 'streams': 'x'}", NULL, "", "“streams” is not an array" },
  { "attached/entries", SUB, "{'videoroom': 'attached', 'room': 1234, 'streams': [null, {'type': null}, " VRF_SUB_STREAM "]}", NULL, "updated(0>100);", "dropped 2 of 3 “streams” entries" },
  /* slow_link: a bitrate Janus does not give is 0 */
  { "slow_link/string", P, "{'videoroom': 'slow_link', 'current-bitrate': 'fast'}", NULL, "slow-link(0);" },
  { "slow_link/negative", P, "{'videoroom': 'slow_link', 'current-bitrate': -5}", NULL, "slow-link(0);" },
  { "slow_link/huge", P, "{'videoroom': 'slow_link', 'current-bitrate': 99999999999}", NULL, "slow-link(0);" },
  { "slow_link/float", P, "{'videoroom': 'slow_link', 'current-bitrate': 1.5e6}", NULL, "slow-link(0);" },
  { "slow_link/ok", P, "{'videoroom': 'slow_link', 'current-bitrate': 256000}", NULL, "slow-link(256000);" },
  /* errors */
  { "error/code-string", P, EV ("'error_code': '426', 'error': 'No such room'"), NULL, "", "invalid “error_code”" },
  { "error/code-negative", P, EV ("'error_code': -1, 'error': 'x'"), NULL, "", "invalid “error_code”" },
  { "error/code-huge", P, EV ("'error_code': 4294967296"), NULL, "", "invalid “error_code”" },
  { "error/code-float", P, EV ("'error_code': 426.0"), NULL, "", "invalid “error_code”" },
  { "error/code-null", P, EV ("'error_code': null"), NULL, "", "invalid “error_code”" },
  { "error/reason-number", P, EV ("'error_code': 426, 'error': 42"), NULL, "", "no reason given", 426 },
  { "error/ok", P, EV ("'error_code': 426, 'error': 'No such room (1234)'"), NULL, "", "No such room (1234)", 426 },
  { "error/with-publishers", P, EV ("'error_code': 428, 'error': 'x', 'publishers': [{'id': 5}]"), NULL, "", "428", 428 },
  /* simulcast layers (subscribers) */
  { "layer/substream-string", SUB, EV ("'mid': '0', 'substream': '1'"), NULL, "", "“substream”" },
  { "layer/temporal-string", SUB, EV ("'mid': '0', 'temporal': 'high'"), NULL, "", "“temporal”" },
  { "layer/both-strings", SUB, EV ("'mid': '0', 'substream': '1', 'temporal': '2'"), NULL, "", "“substream”" },
  { "layer/substream-3", SUB, EV ("'mid': '0', 'substream': 3"), NULL, "", "“substream”" },
  { "layer/substream-negative", SUB, EV ("'mid': '0', 'substream': -1"), NULL, "", "“substream”" },
  { "layer/substream-null", SUB, EV ("'mid': '0', 'substream': null"), NULL, "", "“substream”" },
  { "layer/one-bad", SUB, EV ("'mid': '0', 'substream': 1, 'temporal': 'x'"), NULL, "layer-changed(0,1,-1);", "“temporal”" },
  { "layer/no-mid", SUB, EV ("'substream': 1"), NULL, "layer-changed(-,1,-1);" },
  { "layer/mid-number", SUB, EV ("'mid': 0, 'substream': 2"), NULL, "layer-changed(-,2,-1);" },
  { "layer/ok", SUB, EV ("'mid': '0', 'substream': 2, 'temporal': 1"), NULL, "layer-changed(0,2,1);" },
  /* display changes */
  { "display/alice", P, EV ("'id': 100, 'display': 'bob'"), NULL, "display-changed(100,bob);", NULL, 0, "100:bob[2]" },
  { "display/id-string", P, EV ("'id': '100', 'display': 'bob'"), NULL, "", "“id”" },
  { "display/id-object", P, EV ("'id': {'id': 100}, 'display': 'bob'"), NULL, "", "“id”" },
  { "display/number", P, EV ("'id': 100, 'display': 5"), NULL, "" },
  { "display/unknown-id", P, EV ("'id': 999, 'display': 'x'"), NULL, "display-changed(999,x);" },
  /* a room with string ids */
  { "string/publishers-number-id", X, EVX ("'publishers': [{'id': 5, 'display': 'x'}]"), NULL, "", "dropped 1 of 1" },
  { "string/publishers-empty-id", X, EVX ("'publishers': [{'id': ''}]"), NULL, "", "dropped 1 of 1" },
  { "string/leaving-number", X, EVX ("'leaving': 100"), NULL, "", "“leaving”" },
  { "string/leaving-alice", X, EVX ("'leaving': 'alice'"), NULL, "leaving('alice',-);", NULL, 0, "" },
  { "string/leaving-ok", X, EVX ("'leaving': 'ok'"), NULL, "", NULL, 0, "", TRUE },
  { "string/destroyed-number", X, "{'videoroom': 'destroyed', 'room': 1234}", NULL, "", "“room”" },
  { "string/talking-number", X, "{'videoroom': 'talking', 'room': 'lobby', 'id': 5}", NULL, "", "“id”" },
};

static const char *
initial_state (VrfSetup setup)
{
  switch (setup)
    {
    case VRF_PUBLISHER:
      return "100:alice[2]";
    case VRF_STRING:
      return "'alice':alice[2]";
    case VRF_SUB:
    case VRF_SUB_PEER:
      return "0>100";
    case VRF_NONE:
    default:
      return "";
    }
}

static void
setup_case (Vrf *f, gconstpointer data)
{
  vrf_setup (f, ((const EventCase *) data)->setup);
}

static void
test_event (Vrf *f, gconstpointer data)
{
  const EventCase *c = data;
  g_autofree char *state = NULL;

  vrf_push (f, c->data, c->jsep);
  /* A peer answers offers asynchronously. */
  if (c->setup == VRF_SUB_PEER && c->error != NULL)
    JC_TEST_WAIT_UNTIL (f->errors->len > 0);
  vrf_roundtrip (f);
  g_assert_cmpstr (f->log->str, ==, c->log);
  g_assert_cmpuint (f->errors->len, ==, c->error != NULL ? 1 : 0);
  if (c->error != NULL)
    vrf_assert_error (g_ptr_array_index (f->errors, 0), c->code, c->error);
  state = vrf_state (f);
  g_assert_cmpstr (state, ==, c->state != NULL ? c->state : initial_state (c->setup));
  vrf_assert_still_working (f, !c->left);
}

/* Huge arrays, handled in reasonable time: a linear parse. The time the
 * handle takes is compared with the time to bring the same message to an
 * event nobody reads (sanitizer builds make both slow). */

#define N_HUGE 10000

static void
push_timed (Vrf *f, GString *event)
{
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autofree char *ignored = g_strdup (event->str);
  double base, taken;

  /* The same size, of a type nobody reads: "event" → "Xvent" */
  *(strstr (ignored, "'videoroom': '") + strlen ("'videoroom': '")) = 'X';
  vrf_push (f, ignored, NULL);
  base = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);
  vrf_push (f, event->str, NULL);
  taken = g_timer_elapsed (timer, NULL);
  g_test_message ("%.3f s to read, %.3f s to handle", base, taken);
  g_assert_cmpfloat (taken, <, 4 * base + 1.0);
  g_string_free (event, TRUE);
}

static void
test_huge_publishers (Vrf *f, gconstpointer data)
{
  GString *event = g_string_new ("{'videoroom': 'event', 'room': 1234, 'publishers': [");
  g_autoptr (GPtrArray) publishers = NULL;
  g_autofree char *log = NULL;

  for (guint i = 0; i < N_HUGE; i++)
    g_string_append_printf (event, "%s{'id': %u, 'display': 'p', 'streams': [{'type': 'video', 'mid': '0'}]}", i > 0 ? ", " : "", 10001 + i);
  g_string_append (event, "]}");
  push_timed (f, event);
  log = g_strdup_printf ("publishers(10001:p[1],10002:p[1],10003:p[1],…%u);", N_HUGE);
  g_assert_cmpstr (f->log->str, ==, log);
  g_assert_cmpuint (f->errors->len, ==, 0);
  publishers = jc_video_room_get_publishers (f->vr);
  g_assert_cmpuint (publishers->len, ==, N_HUGE + 1);
  vrf_assert_still_working (f, TRUE);
}

static void
test_huge_garbage (Vrf *f, gconstpointer data)
{
  GString *event = g_string_new ("{'videoroom': 'event', 'room': 1234, 'publishers': [");
  g_autofree char *state = NULL;

  for (guint i = 0; i < N_HUGE; i++)
    g_string_append_printf (event, "{'id': '%u', 'streams': [1, 2, 3]}, [], ", i);
  g_string_append (event, "{'id': 5, 'display': 'five'}]}");
  push_timed (f, event);
  g_assert_cmpstr (f->log->str, ==, "publishers(5:five[0]);");
  g_assert_cmpuint (f->errors->len, ==, 1);
  vrf_assert_error (g_ptr_array_index (f->errors, 0), 0, "dropped 20000 of 20001 “publishers” entries");
  state = vrf_state (f);
  g_assert_cmpstr (state, ==, "5:five[0],100:alice[2]");
  vrf_assert_still_working (f, TRUE);
}

static void
test_huge_streams (Vrf *f, gconstpointer data)
{
  GString *event = g_string_new ("{'videoroom': 'updated', 'room': 1234, 'streams': [");
  g_autoptr (GPtrArray) streams = NULL;
  g_autofree char *log = NULL;

  for (guint i = 0; i < N_HUGE; i++)
    g_string_append_printf (event, "%s{'type': 'video', 'mindex': %u, 'mid': '%u', 'feed_id': %u, 'feed_mid': '1'}", i > 0 ? ", " : "", i, i, 100 + i);
  g_string_append (event, "]}");
  push_timed (f, event);
  log = g_strdup_printf ("updated(0>100,1>101,2>102,…%u);", N_HUGE);
  g_assert_cmpstr (f->log->str, ==, log);
  g_assert_cmpuint (f->errors->len, ==, 0);
  streams = jc_video_room_get_streams (f->vr);
  g_assert_cmpuint (streams->len, ==, N_HUGE);
  vrf_assert_still_working (f, TRUE);
}

/* Many malformed events in a row, each reported */

#define N_CHURN 2000

static double
push_many (Vrf *f, const char *type, const char *leaving)
{
  g_autoptr (GTimer) timer = g_timer_new ();

  for (guint i = 0; i < N_CHURN; i++)
    {
      g_autofree char *extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": {\"videoroom\": \"%s\", \"room\": 1234, \"leaving\": %s}}}",
                                                JC_VIDEO_ROOM_PLUGIN, type, leaving);

      fake_janus_push (f->fake, "event", jc_session_get_id (f->session), jc_handle_get_id (JC_HANDLE (f->vr)), extra);
    }
  vrf_roundtrip (f);
  return g_timer_elapsed (timer, NULL);
}

static void
test_huge_churn (Vrf *f, gconstpointer data)
{
  g_autofree char *state = NULL;
  double base = push_many (f, "Xvent", "{\"id\": 5}");
  double taken = push_many (f, "event", "{\"id\": 5}");

  g_test_message ("%.3f s to read, %.3f s to handle", base, taken);
  g_assert_cmpfloat (taken, <, 4 * base + 1.0);
  g_assert_cmpstr (f->log->str, ==, "");
  g_assert_cmpuint (f->errors->len, ==, N_CHURN);
  vrf_assert_error (g_ptr_array_index (f->errors, N_CHURN - 1), 0, "“leaving” is not a valid participant id");
  state = vrf_state (f);
  g_assert_cmpstr (state, ==, "100:alice[2]");
  vrf_assert_still_working (f, TRUE);
}

static void
setup_publisher (Vrf *f, gconstpointer data)
{
  vrf_setup (f, VRF_PUBLISHER);
}

static void
setup_subscriber (Vrf *f, gconstpointer data)
{
  vrf_setup (f, VRF_SUB);
}

static guint
count_subscribes (Vrf *f, guint64 feed)
{
  GPtrArray *requests = fake_janus_get_requests (f->fake);
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      JsonObject *body = jc_json_lookup_object (g_ptr_array_index (requests, i), "body");
      const char *request = body != NULL ? jc_json_lookup_string (body, "request") : NULL;
      JsonArray *streams = body != NULL ? jc_json_lookup_array (body, "streams") : NULL;

      if (g_strcmp0 (request, "subscribe") != 0 && g_strcmp0 (request, "join") != 0)
        continue;
      for (guint j = 0; streams != NULL && j < json_array_get_length (streams); j++)
        {
          gint64 id = 0;

          if (jc_json_lookup_int (json_array_get_object_element (streams, j), "feed", &id) && (guint64) id == feed)
            n++;
        }
    }
  return n;
}

static guint
n_streams (JcVideoRoom *vr)
{
  g_autoptr (GPtrArray) streams = jc_video_room_get_streams (vr);

  return streams->len;
}

/* follow () subscribes to each feed once: Janus repeats a publisher in a
 * "publishers" event when it renegotiates, and a repeated entry must not
 * become a second subscription. */
static void
test_follow_once (Vrf *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr (JcVideoRoom) sub = NULL;

  jc_video_room_attach_async (f->session, NULL, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  sub = jc_video_room_attach_finish (result, &error);
  g_assert_no_error (error);

  vrf_script (f, VRF_ATTACHED, VRF_OFFER);
  jc_video_room_follow (sub, f->vr);
  JC_TEST_WAIT_UNTIL (count_subscribes (f, 100) == 1 && n_streams (sub) == 1);
  vrf_roundtrip (f);

  /* alice again, and twice in one event */
  vrf_script (f, "{'videoroom': 'updated', 'room': 1234, 'streams': [" VRF_SUB_STREAM ", {'type': 'video', 'mindex': 1, 'mid': '1', 'feed_id': 200, 'feed_mid': '1', 'feed_display': 'bob'}]}", VRF_OFFER);
  vrf_push (f, "{'videoroom': 'event', 'room': 1234, 'publishers': [" VRF_ALICE ", " VRF_ALICE "]}", NULL);
  vrf_roundtrip (f);
  g_assert_cmpuint (count_subscribes (f, 100), ==, 1);

  /* bob, new, twice in one event: one subscription */
  vrf_push (f, "{'videoroom': 'event', 'room': 1234, 'publishers': [{'id': 200, 'display': 'bob', " VRF_STREAMS2 "}, {'id': 200, 'display': 'bob', " VRF_STREAMS2 "}]}", NULL);
  JC_TEST_WAIT_UNTIL (count_subscribes (f, 200) >= 1);
  vrf_roundtrip (f);
  g_assert_cmpuint (count_subscribes (f, 200), ==, 1);
  g_assert_cmpuint (count_subscribes (f, 100), ==, 1);
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
      g_autofree char *path = g_strdup_printf ("/videoroom-hostile/event/%s", cases[i].name);

      g_test_add (path, Vrf, &cases[i], setup_case, test_event, vrf_teardown);
    }
  g_test_add ("/videoroom-hostile/huge/publishers", Vrf, NULL, setup_publisher, test_huge_publishers, vrf_teardown);
  g_test_add ("/videoroom-hostile/huge/garbage", Vrf, NULL, setup_publisher, test_huge_garbage, vrf_teardown);
  g_test_add ("/videoroom-hostile/huge/streams", Vrf, NULL, setup_subscriber, test_huge_streams, vrf_teardown);
  g_test_add ("/videoroom-hostile/huge/churn", Vrf, NULL, setup_publisher, test_huge_churn, vrf_teardown);
  g_test_add ("/videoroom-hostile/follow/once", Vrf, NULL, setup_publisher, test_follow_once, vrf_teardown);

  return g_test_run ();
}

/* test-textroom-chat.c: JcTextRoom over its data channel, against a
 * private Janus in a network namespace: setup, join, public messages and
 * whispers, history replay, leave, kick, announcements, destroy, the
 * plugin's errors (as JC_PLUGIN_ERROR, never a timeout), hostile
 * data-channel input, and `janus-client textroom join`
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
#include "jc-text-room-private.h"

static JcLocalJanus *janus; /* (owned) (nullable) */

static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

static guint64
fresh_room (void)
{
  static guint64 next = 0;

  if (next == 0)
    next = 5000000 + (guint64) g_random_int_range (0, 1000000) * 10;
  return next++;
}

/* One participant: its own client, session, handle and peer, and what
 * its handle's signals brought. */

typedef struct
{
  JcClient *client;
  JcSession *session;
  JcTextRoom *tr;
  JcPeer *peer;
  GPtrArray *messages;      /* (owned) JcTextRoomMessage */
  GPtrArray *announcements; /* (owned) JcTextRoomMessage */
  GPtrArray *joined;        /* (owned) char * */
  GPtrArray *left;          /* (owned) char * */
  GPtrArray *kicked;        /* (owned) char * */
  GPtrArray *errors;        /* (owned) GError */
  guint destroyed;
  gint64 last_message_us;
} Member;

static void
on_message (JcTextRoom *tr, JcTextRoomMessage *message, Member *m)
{
  g_assert_nonnull (jc_text_room_message_get_text (message));
  g_ptr_array_add (m->messages, jc_text_room_message_ref (message));
  m->last_message_us = g_get_monotonic_time ();
}

static void
on_announcement (JcTextRoom *tr, JcTextRoomMessage *message, Member *m)
{
  g_assert_null (jc_text_room_message_get_from (message));
  g_ptr_array_add (m->announcements, jc_text_room_message_ref (message));
}

static void
on_joined (JcTextRoom *tr, guint64 room, const char *username, const char *display, Member *m)
{
  g_ptr_array_add (m->joined, g_strdup (username));
}

static void
on_left (JcTextRoom *tr, guint64 room, const char *username, Member *m)
{
  g_ptr_array_add (m->left, g_strdup (username));
}

static void
on_kicked (JcTextRoom *tr, guint64 room, const char *username, Member *m)
{
  g_ptr_array_add (m->kicked, g_strdup (username));
}

static void
on_destroyed (JcTextRoom *tr, guint64 room, Member *m)
{
  m->destroyed++;
}

static void
on_error (JcTextRoom *tr, GError *error, Member *m)
{
  g_test_message ("TextRoom error: %s", error->message);
  g_ptr_array_add (m->errors, g_error_copy (error));
}

static void
member_open (Member *m)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  memset (m, 0, sizeof *m);
  m->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_text_room_message_unref);
  m->announcements = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_text_room_message_unref);
  m->joined = g_ptr_array_new_with_free_func (g_free);
  m->left = g_ptr_array_new_with_free_func (g_free);
  m->kicked = g_ptr_array_new_with_free_func (g_free);
  m->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  m->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  m->session = jc_test_create_session (m->client, &error);
  g_assert_no_error (error);
  jc_text_room_attach_async (m->session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  m->tr = jc_text_room_attach_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_signal_connect (m->tr, "message", G_CALLBACK (on_message), m);
  g_signal_connect (m->tr, "announcement", G_CALLBACK (on_announcement), m);
  g_signal_connect (m->tr, "joined", G_CALLBACK (on_joined), m);
  g_signal_connect (m->tr, "left", G_CALLBACK (on_left), m);
  g_signal_connect (m->tr, "kicked", G_CALLBACK (on_kicked), m);
  g_signal_connect (m->tr, "destroyed", G_CALLBACK (on_destroyed), m);
  g_signal_connect (m->tr, "error", G_CALLBACK (on_error), m);

  m->peer = jc_test_peer_new (janus, JC_HANDLE (m->tr));
  g_assert_null (jc_text_room_get_data_channel (m->tr));
  start = g_get_monotonic_time ();
  jc_text_room_setup_async (m->tr, m->peer, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_text_room_setup_finish (m->tr, result, &error));
  g_assert_no_error (error);
  g_test_message ("setup → channel open in %.1f ms", (double) (g_get_monotonic_time () - start) / 1000.0);
  g_assert_nonnull (jc_text_room_get_data_channel (m->tr));
  g_assert_cmpstr (jc_data_channel_get_label (jc_text_room_get_data_channel (m->tr)), ==, "JanusDataChannel");
  g_assert_cmpint (jc_data_channel_get_state (jc_text_room_get_data_channel (m->tr)), ==, JC_DATA_CHANNEL_STATE_OPEN);
}

static void
member_close (Member *m)
{
  g_autoptr (GError) error = NULL;

  jc_test_peer_stop (m->peer);
  g_signal_handlers_disconnect_by_data (m->tr, m);
  g_assert_cmpuint (m->errors->len, ==, 0);
  jc_test_detach (JC_HANDLE (m->tr), &error);
  g_assert_no_error (error);
  jc_test_destroy (m->session, &error);
  g_assert_no_error (error);
  g_clear_object (&m->peer);
  g_clear_object (&m->tr);
  g_clear_object (&m->session);
  g_clear_object (&m->client);
  g_clear_pointer (&m->messages, g_ptr_array_unref);
  g_clear_pointer (&m->announcements, g_ptr_array_unref);
  g_clear_pointer (&m->joined, g_ptr_array_unref);
  g_clear_pointer (&m->left, g_ptr_array_unref);
  g_clear_pointer (&m->kicked, g_ptr_array_unref);
  g_clear_pointer (&m->errors, g_ptr_array_unref);
}

/* Creates @room (over the data channel: @m is set up). */
static void
create_room (Member *m, guint64 room, const char *secret, const char *pin, guint history)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  jc_text_room_request_set_secret (options, secret);
  jc_text_room_request_set_pin (options, pin);
  if (history > 0)
    jc_text_room_request_set_history (options, history);
  jc_text_room_create_async (m->tr, room, options, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_cmpuint (jc_text_room_create_finish (m->tr, result, &error), ==, room);
  g_assert_no_error (error);
}

/* Joins @room; returns how many others were there, or -1 with @error. */
static int
join_room (Member *m, guint64 room, const char *username, const char *pin, GError **error)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) others = NULL;

  jc_text_room_request_set_pin (options, pin);
  jc_text_room_join_async (m->tr, room, username, username, options, NULL, CB);
  result = WAIT_RESULT ();
  others = jc_text_room_join_finish (m->tr, result, error);
  return others != NULL ? (int) others->len : -1;
}

static void
join_ok (Member *m, guint64 room, const char *username, const char *pin, int others)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (join_room (m, room, username, pin, &error), ==, others);
  g_assert_no_error (error);
}

static gboolean
say (Member *m, guint64 room, const char *text, const char *const *to, GStrv *out_missed, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  jc_text_room_send_message_async (m->tr, room, text, to, TRUE, NULL, CB);
  result = WAIT_RESULT ();
  return jc_text_room_send_message_finish (m->tr, result, out_missed, error);
}

static void
say_ok (Member *m, guint64 room, const char *text, const char *const *to)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (say (m, room, text, to, NULL, &error));
  g_assert_no_error (error);
}

static JcTextRoomMessage *
last_message (Member *m)
{
  g_assert_cmpuint (m->messages->len, >, 0);
  return g_ptr_array_index (m->messages, m->messages->len - 1);
}

static GPtrArray *
participants (Member *m, guint64 room)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *list;

  jc_text_room_list_participants_async (m->tr, room, NULL, CB);
  result = WAIT_RESULT ();
  list = jc_text_room_list_participants_finish (m->tr, result, &error);
  g_assert_no_error (error);
  return list;
}

static gboolean
has_participant (GPtrArray *list, const char *username)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (jc_text_room_participant_get_username (g_ptr_array_index (list, i)), username) == 0)
      return TRUE;
  return FALSE;
}

static void
leave_ok (Member *m, guint64 room)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  jc_text_room_leave_async (m->tr, room, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_text_room_leave_finish (m->tr, result, &error));
  g_assert_no_error (error);
}

/* Tests */

static void
test_public_and_whisper (void)
{
  Member alice, bob, carol;
  guint64 room = fresh_room ();
  const char *to_bob[] = { "bob", NULL };
  const char *to_nobody[] = { "bob", "nobody", NULL };
  g_auto (GStrv) missed = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  double latency_ms[5];
  JcTextRoomMessage *msg;

  member_open (&alice);
  member_open (&bob);
  member_open (&carol);
  create_room (&alice, room, NULL, NULL, 0);
  join_ok (&alice, room, "alice", NULL, 0);
  join_ok (&bob, room, "bob", NULL, 1);
  join_ok (&carol, room, "carol", NULL, 2);
  JC_TEST_WAIT_UNTIL (alice.joined->len == 2 && bob.joined->len == 1);
  g_assert_cmpstr (g_ptr_array_index (alice.joined, 0), ==, "bob");
  g_assert_cmpstr (g_ptr_array_index (alice.joined, 1), ==, "carol");
  g_assert_cmpstr (g_ptr_array_index (bob.joined, 0), ==, "carol");
  g_assert_cmpuint (carol.joined->len, ==, 0); /* its own join is not told */

  /* Public: everybody, the sender too; alice → Janus → bob, timed. */
  for (guint i = 0; i < G_N_ELEMENTS (latency_ms); i++)
    {
      g_autofree char *text = g_strdup_printf ("hello all %u", i);
      guint before = bob.messages->len;
      gint64 sent_us = g_get_monotonic_time ();

      jc_text_room_send_message_async (alice.tr, room, text, NULL, TRUE, NULL, CB);
      JC_TEST_WAIT_UNTIL (bob.messages->len > before);
      latency_ms[i] = (double) (bob.last_message_us - sent_us) / 1000.0;
      {
        g_autoptr (GAsyncResult) result = WAIT_RESULT ();

        g_assert_true (jc_text_room_send_message_finish (alice.tr, result, NULL, &error));
        g_assert_no_error (error);
      }
      msg = last_message (&bob);
      g_assert_cmpstr (jc_text_room_message_get_text (msg), ==, text);
    }
  g_test_message ("message latency alice → Janus → bob: %.2f %.2f %.2f %.2f %.2f ms", latency_ms[0], latency_ms[1],
                  latency_ms[2], latency_ms[3], latency_ms[4]);
  JC_TEST_WAIT_UNTIL (alice.messages->len == 5 && carol.messages->len == 5);
  msg = last_message (&carol);
  g_assert_cmpstr (jc_text_room_message_get_from (msg), ==, "alice");
  g_assert_cmpstr (jc_text_room_message_get_text (msg), ==, "hello all 4");
  g_assert_cmpuint (jc_text_room_message_get_room (msg), ==, room);
  g_assert_false (jc_text_room_message_is_whisper (msg));
  g_assert_nonnull (jc_text_room_message_get_date (msg));
  g_test_message ("date: %s", jc_text_room_message_get_date (msg));
  g_assert_cmpstr (jc_text_room_message_get_text (last_message (&alice)), ==, "hello all 4");

  /* Whisper: bob only, flagged. */
  say_ok (&alice, room, "psst bob", to_bob);
  JC_TEST_WAIT_UNTIL (bob.messages->len == 6);
  msg = last_message (&bob);
  g_assert_cmpstr (jc_text_room_message_get_text (msg), ==, "psst bob");
  g_assert_cmpstr (jc_text_room_message_get_from (msg), ==, "alice");
  g_assert_true (jc_text_room_message_is_whisper (msg));
  jc_test_run_for (300);
  g_assert_cmpuint (carol.messages->len, ==, 5);
  g_assert_cmpuint (alice.messages->len, ==, 5);

  /* tos with someone absent: still sent to bob, the absent one reported. */
  g_assert_true (say (&alice, room, "psst again", to_nobody, &missed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (missed), ==, 1);
  g_assert_cmpstr (missed[0], ==, "nobody");
  JC_TEST_WAIT_UNTIL (bob.messages->len == 7);
  g_assert_true (jc_text_room_message_is_whisper (last_message (&bob)));

  /* Leave: the others are told, listparticipants agrees. */
  leave_ok (&carol, room);
  JC_TEST_WAIT_UNTIL (alice.left->len == 1 && bob.left->len == 1);
  g_assert_cmpstr (g_ptr_array_index (alice.left, 0), ==, "carol");
  g_assert_cmpuint (carol.left->len, ==, 0);
  list = participants (&alice, room);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (has_participant (list, "alice"));
  g_assert_true (has_participant (list, "bob"));
  g_assert_false (has_participant (list, "carol"));
  /* Not in the room any more: the plugin's error, at once. */
  g_assert_false (say (&carol, room, "ghost", NULL, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NOT_IN_ROOM);
  g_test_message ("message after leave: %d %s", error->code, error->message);
  g_clear_error (&error);

  member_close (&carol);
  member_close (&bob);
  member_close (&alice);
}

static void
test_history (void)
{
  Member alice, bob;
  guint64 room = fresh_room ();
  const char *texts[] = { "first", "second", "third", "fourth" };
  guint n;

  member_open (&alice);
  member_open (&bob);
  create_room (&alice, room, NULL, NULL, 3);
  join_ok (&alice, room, "alice", NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    say_ok (&alice, room, texts[i], NULL);
  JC_TEST_WAIT_UNTIL (alice.messages->len == G_N_ELEMENTS (texts));

  /* Janus replays the history before the join's success: all of it is
   * there, oldest first, by the time join completes. */
  join_ok (&bob, room, "bob", NULL, 1);
  n = bob.messages->len;
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      JcTextRoomMessage *msg = g_ptr_array_index (bob.messages, i);

      g_assert_cmpstr (jc_text_room_message_get_text (msg), ==, texts[i + 1]);
      g_assert_cmpstr (jc_text_room_message_get_from (msg), ==, "alice");
      g_assert_cmpstr (jc_text_room_message_get_display (msg), ==, "alice");
      g_assert_false (jc_text_room_message_is_whisper (msg));
    }

  /* Rejoin without history replay. */
  leave_ok (&bob, room);
  {
    g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GPtrArray) others = NULL;
    g_autoptr (GError) error = NULL;

    jc_text_room_request_set_history_replay (options, FALSE);
    jc_text_room_join_async (bob.tr, room, "bob", NULL, options, NULL, CB);
    result = WAIT_RESULT ();
    others = jc_text_room_join_finish (bob.tr, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (others->len, ==, 1);
  }
  jc_test_run_for (200);
  g_assert_cmpuint (bob.messages->len, ==, 3);

  member_close (&bob);
  member_close (&alice);
}

static void
test_errors (void)
{
  Member alice;
  guint64 room = fresh_room ();
  g_autoptr (GError) error = NULL;
  gint64 start;

  member_open (&alice);
  create_room (&alice, room, "s3cret", "1234", 0);

  /* Each arrives as the plugin's code, at once: not a timeout. */
  start = g_get_monotonic_time ();
  g_assert_cmpint (join_room (&alice, room + 1000000, "alice", NULL, &error), ==, -1);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  g_test_message ("join a missing room: %d “%s” in %.1f ms", error->code, error->message,
                  (double) (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  g_assert_cmpint (join_room (&alice, room, "alice", "4321", &error), ==, -1);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_UNAUTHORIZED);
  g_test_message ("wrong pin: %d “%s”", error->code, error->message);
  g_clear_error (&error);

  g_assert_cmpint (join_room (&alice, room, "alice", NULL, &error), ==, -1);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_MISSING_ELEMENT);
  g_test_message ("no pin: %d “%s”", error->code, error->message);
  g_clear_error (&error);

  join_ok (&alice, room, "alice", "1234", 0);
  g_assert_cmpint (join_room (&alice, room, "alice", "1234", &error), ==, -1);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_ALREADY_IN_ROOM);
  g_clear_error (&error);

  /* Over the channel too: create of an existing room. */
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_create_async (alice.tr, room, NULL, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_cmpuint (jc_text_room_create_finish (alice.tr, result, &error), ==, 0);
    g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_ROOM_EXISTS);
    g_clear_error (&error);
  }

  /* A request Janus never answers (a message asking for no ack, sent as
   * one that waits for a reply) times out. */
  jc_client_set_timeout (alice.client, 400);
  {
    g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
    g_autoptr (JsonNode) no = json_node_init_boolean (json_node_alloc (), FALSE);
    g_autoptr (JsonNode) text = json_node_init_string (json_node_alloc (), "unanswered");
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (JsonObject) reply = NULL;

    jc_text_room_request_set_extra (options, "ack", no);
    jc_text_room_request_set_extra (options, "text", text);
    start = g_get_monotonic_time ();
    jc_text_room_request_async (alice.tr, "message", room, options, NULL, CB);
    result = WAIT_RESULT ();
    reply = jc_text_room_request_finish (alice.tr, result, &error);
    g_assert_null (reply);
    g_assert_error (error, JC_ERROR, JC_ERROR_TIMEOUT);
    g_test_message ("%s after %.0f ms", error->message, (double) (g_get_monotonic_time () - start) / 1000.0);
    g_clear_error (&error);
  }
  jc_client_set_timeout (alice.client, 30000);
  JC_TEST_WAIT_UNTIL (alice.messages->len == 1);

  /* Cancelled while pending. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_send_message_async (alice.tr, room, "cancelled", NULL, TRUE, cancellable, CB);
    g_cancellable_cancel (cancellable);
    result = WAIT_RESULT ();
    g_assert_false (jc_text_room_send_message_finish (alice.tr, result, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  /* Its late reply is dropped; the room keeps working. */
  say_ok (&alice, room, "still here", NULL);
  JC_TEST_WAIT_UNTIL (alice.messages->len == 3);

  member_close (&alice);

  /* Not set up: no channel, a clear error. */
  {
    g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
    g_autoptr (JcSession) session = jc_test_create_session (client, &error);
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GAsyncResult) joined = NULL;
    g_autoptr (JcTextRoom) tr = NULL;
    g_autoptr (GPtrArray) others = NULL;

    g_assert_no_error (error);
    jc_text_room_attach_async (session, NULL, NULL, CB);
    result = WAIT_RESULT ();
    tr = jc_text_room_attach_finish (result, &error);
    g_assert_no_error (error);
    jc_text_room_join_async (tr, room, "x", NULL, NULL, NULL, CB);
    joined = WAIT_RESULT ();
    others = jc_text_room_join_finish (tr, joined, &error);
    g_assert_null (others);
    g_assert_error (error, JC_ERROR, JC_ERROR_CLOSED);
    g_clear_error (&error);
    jc_test_destroy (session, &error);
    g_assert_no_error (error);
  }
}

static void
test_kick_announce_destroy (void)
{
  Member alice, bob;
  guint64 room = fresh_room ();
  g_autoptr (JcTextRoomRequest) secret = jc_text_room_request_new ();
  g_autoptr (JcTextRoomRequest) wrong = jc_text_room_request_new ();
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  jc_text_room_request_set_secret (secret, "s3cret");
  jc_text_room_request_set_secret (wrong, "nope");
  member_open (&alice);
  member_open (&bob);
  create_room (&alice, room, "s3cret", NULL, 0);
  join_ok (&alice, room, "alice", NULL, 0);
  join_ok (&bob, room, "bob", NULL, 1);

  /* Announcement: from the room, to everybody. */
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_announcement_async (alice.tr, room, "maintenance at noon", secret, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_text_room_announcement_finish (alice.tr, result, &error));
    g_assert_no_error (error);
  }
  JC_TEST_WAIT_UNTIL (bob.announcements->len == 1 && alice.announcements->len == 1);
  g_assert_cmpstr (jc_text_room_message_get_text (g_ptr_array_index (bob.announcements, 0)), ==, "maintenance at noon");
  g_assert_cmpuint (jc_text_room_message_get_room (g_ptr_array_index (bob.announcements, 0)), ==, room);

  /* Kick with a wrong secret, then the right one. */
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_kick_async (alice.tr, room, "bob", wrong, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_false (jc_text_room_kick_finish (alice.tr, result, &error));
    g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
  }
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_kick_async (alice.tr, room, "bob", secret, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_text_room_kick_finish (alice.tr, result, &error));
    g_assert_no_error (error);
  }
  JC_TEST_WAIT_UNTIL (bob.kicked->len == 1 && alice.kicked->len == 1);
  g_assert_cmpstr (g_ptr_array_index (bob.kicked, 0), ==, "bob");
  list = participants (&alice, room);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (has_participant (list, "alice"));
  /* Kicked out: messages fail with the plugin's code. */
  g_assert_false (say (&bob, room, "let me in", NULL, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NOT_IN_ROOM);
  g_clear_error (&error);
  /* A user not there. */
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_kick_async (alice.tr, room, "nobody", secret, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_false (jc_text_room_kick_finish (alice.tr, result, &error));
    g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NO_SUCH_USER);
    g_clear_error (&error);
  }

  /* bob rejoins, bob destroys: both members hear of it. */
  join_ok (&bob, room, "bob", NULL, 1);
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_destroy_async (bob.tr, room, secret, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_text_room_destroy_finish (bob.tr, result, &error));
    g_assert_no_error (error);
  }
  JC_TEST_WAIT_UNTIL (alice.destroyed >= 1 && bob.destroyed >= 1);
  g_assert_false (say (&alice, room, "anyone?", NULL, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  g_clear_error (&error);
  {
    g_autoptr (GAsyncResult) result = NULL;
    gboolean exists = TRUE;

    jc_text_room_exists_async (alice.tr, room, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_text_room_exists_finish (alice.tr, result, &exists, &error));
    g_assert_no_error (error);
    g_assert_false (exists);
  }

  member_close (&bob);
  member_close (&alice);
}

/* Hostile input: each line is fed as if Janus sent it on the channel;
 * @errors is how many "error" signals it must raise. */
typedef struct
{
  const char *text;
  guint errors;
  int domain_is_plugin; /* the error's domain: JC_PLUGIN_ERROR, else JC_ERROR_PROTOCOL */
} Hostile;

static void
test_hostile (void)
{
  static const Hostile cases[] = {
    { "not json at all", 1, 0 },
    { "", 1, 0 },
    { "[1, 2, 3]", 1, 0 },
    { "\"a string\"", 1, 0 },
    { "var x = {\"textroom\": \"message\"}", 1, 0 },
    { "{}", 1, 0 },
    { "{\"textroom\": 7}", 1, 0 },
    { "{\"textroom\": \"bogus\"}", 1, 0 },
    { "{\"textroom\": \"message\", \"room\": 1, \"from\": 5, \"text\": \"x\", \"date\": \"d\"}", 1, 0 },
    { "{\"textroom\": \"message\", \"room\": \"12\", \"from\": \"a\", \"text\": \"x\"}", 1, 0 },
    { "{\"textroom\": \"message\", \"room\": 1, \"from\": \"a\", \"text\": null}", 1, 0 },
    { "{\"textroom\": \"message\", \"room\": 1, \"from\": \"a\", \"text\": \"x\", \"whisper\": \"yes\"}", 1, 0 },
    { "{\"textroom\": \"message\", \"room\": 9007199254740993, \"from\": \"a\", \"text\": \"x\"}", 1, 0 },
    { "{\"textroom\": \"join\", \"room\": 9007199254740992, \"username\": \"x\"}", 1, 0 },
    { "{\"textroom\": \"join\", \"room\": 1, \"username\": [\"x\"]}", 1, 0 },
    { "{\"textroom\": \"join\", \"room\": 1, \"username\": \"x\", \"display\": 3}", 1, 0 },
    { "{\"textroom\": \"leave\", \"room\": -1, \"username\": \"x\"}", 1, 0 },
    { "{\"textroom\": \"kicked\", \"room\": 1.5, \"username\": \"x\"}", 1, 0 },
    { "{\"textroom\": \"destroyed\"}", 1, 0 },
    { "{\"textroom\": \"announcement\", \"room\": 1}", 1, 0 },
    { "{\"textroom\": \"success\", \"transaction\": 7}", 1, 0 },
    { "{\"textroom\": \"error\", \"error_code\": 417, \"error\": \"No such room (1)\"}", 1, 1 },
    /* A reply to nothing: dropped quietly. */
    { "{\"textroom\": \"success\", \"transaction\": \"not-ours\"}", 0, 0 },
    { "{\n   \"textroom\": \"error\",\n   \"transaction\": \"jc-tr-999999\",\n   \"error_code\": 417\n}", 0, 0 },
  };
  Member alice, bob;
  guint64 room = fresh_room ();
  guint expected = 0;

  member_open (&alice);
  member_open (&bob);
  create_room (&alice, room, NULL, NULL, 0);
  join_ok (&alice, room, "alice", NULL, 0);
  join_ok (&bob, room, "bob", NULL, 1);
  /* Bob's join is confirmed to Bob; Alice hears of it a little later. */
  JC_TEST_WAIT_UNTIL (alice.joined->len == 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      jc_text_room_feed_channel_message_for_test (alice.tr, cases[i].text);
      expected += cases[i].errors;
      g_assert_cmpuint (alice.errors->len, ==, expected);
      if (cases[i].errors > 0)
        {
          GError *e = g_ptr_array_index (alice.errors, alice.errors->len - 1);

          if (cases[i].domain_is_plugin)
            g_assert_error (e, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
          else
            g_assert_error (e, JC_ERROR, JC_ERROR_PROTOCOL);
        }
    }
  g_assert_cmpuint (alice.messages->len, ==, 0);
  g_assert_cmpuint (alice.joined->len, ==, 1);

  /* A well-formed one fed the same way is an event like any other. */
  jc_text_room_feed_channel_message_for_test (
      alice.tr, "{\n   \"textroom\": \"message\",\n   \"room\": 42,\n   \"from\": \"mallory\",\n   \"date\": "
                "\"2024-01-01T00:00:00+0000\",\n   \"text\": \"hi\",\n   \"whisper\": true\n}");
  g_assert_cmpuint (alice.messages->len, ==, 1);
  g_assert_cmpstr (jc_text_room_message_get_from (last_message (&alice)), ==, "mallory");
  g_assert_true (jc_text_room_message_is_whisper (last_message (&alice)));

  /* The room keeps working. */
  say_ok (&bob, room, "after the storm", NULL);
  JC_TEST_WAIT_UNTIL (alice.messages->len == 2);
  g_assert_cmpstr (jc_text_room_message_get_text (last_message (&alice)), ==, "after the storm");
  say_ok (&alice, room, "still fine", NULL);
  JC_TEST_WAIT_UNTIL (bob.messages->len == 2);

  g_ptr_array_set_size (alice.errors, 0);
  member_close (&bob);
  member_close (&alice);
}

/* The CLI: alice is a `textroom join` process, bob a library client. */

typedef struct
{
  Member *bob;
  guint64 room;
  gboolean greeted;
} Greeter;

static void
greet_alice (JcTextRoom *tr, guint64 room, const char *username, const char *display, Greeter *g)
{
  const char *to_alice[] = { "alice", NULL };

  if (g_strcmp0 (username, "alice") != 0 || g->greeted)
    return;
  g->greeted = TRUE;
  jc_text_room_send_message_async (tr, g->room, "hello alice", NULL, FALSE, NULL, NULL, NULL);
  jc_text_room_send_message_async (tr, g->room, "psst alice", to_alice, FALSE, NULL, NULL, NULL);
}

static void
on_communicated (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GPtrArray *
json_lines (const char *out)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      JsonObject *obj;

      if (*lines[i] == '\0')
        continue;
      obj = jc_json_parse_object (lines[i], -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (objects, obj);
    }
  return objects;
}

static JsonObject *
find_line (GPtrArray *lines, const char *event, const char *member, const char *value)
{
  for (guint i = 0; i < lines->len; i++)
    {
      JsonObject *obj = g_ptr_array_index (lines, i);

      if (g_strcmp0 (jc_json_lookup_string (obj, "event"), event) == 0 &&
          g_strcmp0 (jc_json_lookup_string (obj, member), value) == 0)
        return obj;
    }
  return NULL;
}

static void
test_cli (void)
{
  Member bob;
  guint64 room = fresh_room ();
  g_autofree char *room_text = g_strdup_printf ("%" G_GUINT64_FORMAT, room);
  g_autofree char *missing_text = g_strdup_printf ("%" G_GUINT64_FORMAT, room + 1000000);
  Greeter greeter = { &bob, room, FALSE };
  const char *cli = g_getenv ("JANUS_CLIENT_CLI");
  const char *argv[] = { cli, "--server", jc_local_janus_get_ws_uri (janus), "--ice-address",
                         jc_local_janus_get_client_address (janus), "--json", "textroom", "join", "--room", room_text,
                         "--username", "alice", "--display", "Alice", "--say", "hi", "--say", "hi again",
                         "--listen", "2", NULL };
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GAsyncResult) done = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  JsonObject *line;
  gboolean whisper = FALSE;

  g_assert_nonnull (cli);
  member_open (&bob);
  create_room (&bob, room, NULL, NULL, 0);
  join_ok (&bob, room, "bob", NULL, 0);
  g_signal_connect (bob.tr, "joined", G_CALLBACK (greet_alice), &greeter);

  /* The CLI runs while bob's context runs: bob greets alice on her join. */
  g_test_message ("running: %s … textroom join --room %s --username alice --say hi --say 'hi again' --listen 2",
                  cli, room_text);
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, &done);
  JC_TEST_WAIT_UNTIL_TIMEOUT (done != NULL, 30);
  g_assert_true (g_subprocess_communicate_utf8_finish (process, done, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", g_subprocess_get_exit_status (process), out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (greeter.greeted);

  lines = json_lines (out);
  line = find_line (lines, "message", "text", "hi");
  g_assert_nonnull (line);
  g_assert_cmpstr (jc_json_lookup_string (line, "from"), ==, "alice");
  g_assert_nonnull (jc_json_lookup_string (line, "date"));
  g_assert_false (jc_json_has_member (line, "whisper"));
  g_assert_nonnull (find_line (lines, "message", "text", "hi again"));
  line = find_line (lines, "message", "text", "hello alice");
  g_assert_nonnull (line);
  g_assert_cmpstr (jc_json_lookup_string (line, "from"), ==, "bob");
  g_assert_false (jc_json_has_member (line, "whisper"));
  line = find_line (lines, "message", "text", "psst alice");
  g_assert_nonnull (line);
  g_assert_true (jc_json_lookup_bool (line, "whisper", &whisper) && whisper);
  for (guint i = 0; i < lines->len; i++)
    g_assert_nonnull (jc_json_lookup_string (g_ptr_array_index (lines, i), "event"));

  /* bob saw alice come, speak and leave. */
  JC_TEST_WAIT_UNTIL (bob.left->len == 1);
  g_assert_cmpstr (g_ptr_array_index (bob.joined, 0), ==, "alice");
  g_assert_cmpstr (g_ptr_array_index (bob.left, 0), ==, "alice");
  /* hi and hi again in this order, and his own hello alice somewhere. */
  g_assert_cmpuint (bob.messages->len, ==, 3);
  {
    int hi = -1, again = -1, hello = -1;

    for (guint i = 0; i < bob.messages->len; i++)
      {
        const char *text = jc_text_room_message_get_text (g_ptr_array_index (bob.messages, i));

        if (g_str_equal (text, "hi"))
          hi = (int) i;
        else if (g_str_equal (text, "hi again"))
          again = (int) i;
        else if (g_str_equal (text, "hello alice"))
          hello = (int) i;
      }
    g_assert_cmpint (hi, >=, 0);
    g_assert_cmpint (again, >, hi);
    g_assert_cmpint (hello, >=, 0);
  }

  /* The plugin's errors: exit 1 with its code. A missing room, a taken
   * username; then a usage error. */
  {
    g_auto (JcTestCliRun) run = { 0 };

    jc_test_cli_runv (&run, NULL, NULL,
                      (const char *const[]){ "--server", jc_local_janus_get_ws_uri (janus), "--ice-address",
                                             jc_local_janus_get_client_address (janus), "--json", "textroom", "join",
                                             "--room", missing_text, "--username", "alice", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "\"code\":417"));
  }
  {
    g_auto (JcTestCliRun) run = { 0 };

    jc_test_cli_runv (&run, NULL, NULL,
                      (const char *const[]){ "--server", jc_local_janus_get_ws_uri (janus), "--ice-address",
                                             jc_local_janus_get_client_address (janus), "--json", "textroom", "join",
                                             "--room", room_text, "--username", "bob", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "\"code\":420"));
  }
  {
    g_auto (JcTestCliRun) run = { 0 };

    jc_test_cli_runv (&run, NULL, NULL, (const char *const[]){ "textroom", "join", "--room", room_text, NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--username"));
  }
  /* Human output. */
  {
    g_auto (JcTestCliRun) run = { 0 };

    jc_test_cli_runv (&run, NULL, NULL,
                      (const char *const[]){ "--server", jc_local_janus_get_ws_uri (janus), "--ice-address",
                                             jc_local_janus_get_client_address (janus), "textroom", "join", "--room",
                                             room_text, "--username", "dave", "--say", "plain", "--listen", "1",
                                             NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "dave: plain"));
    g_assert_nonnull (strstr (run.err, "Joined room"));
  }

  member_close (&bob);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_test_media_janus_start (NULL);

  jc_test_media_add_func ("/media/textroom-chat/public-and-whisper", test_public_and_whisper);
  jc_test_media_add_func ("/media/textroom-chat/history", test_history);
  jc_test_media_add_func ("/media/textroom-chat/errors", test_errors);
  jc_test_media_add_func ("/media/textroom-chat/kick-announce-destroy", test_kick_announce_destroy);
  jc_test_media_add_func ("/media/textroom-chat/hostile", test_hostile);
  jc_test_media_add_func ("/media/textroom-chat/cli", test_cli);

  status = g_test_run ();

  jc_test_media_janus_stop (janus);
  return status;
}

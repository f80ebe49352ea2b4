/* test-videoroom.c: VideoRoom room administration and participants against
 * a real, private Janus (signalling only: loopback)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-json-private.h"
#include "jc-local-janus.h"
#include "jc-test-util.h"
#include "jc-video-room-private.h"

static JcLocalJanus *janus;

/* Runs an async call and waits for its result: CALL (jc_x_async (…, cb, ud)). */
static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

typedef struct
{
  JcClient *client;
  JcSession *session;
  JcVideoRoom *admin;
} Fixture;

static JcVideoRoom *
attach (JcSession *session)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  JcVideoRoom *room;

  jc_video_room_attach_async (session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  room = jc_video_room_attach_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (JC_IS_VIDEO_ROOM (room));
  return room;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  f->session = jc_test_create_session (f->client, &error);
  g_assert_no_error (error);
  f->admin = attach (f->session);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->admin);
  jc_test_destroy (f->session, &error);
  g_assert_no_error (error);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
}

static guint64
fresh_room_number (void)
{
  static guint64 next = 0;

  if (next == 0)
    next = 5000000 + (guint64) g_random_int_range (0, 1000000) * 10;
  return next++;
}

static JcId *
create_room (JcVideoRoom *vr, JcVideoRoomRequest *options)
{
  g_autoptr (JcId) wanted = jc_id_new_number (fresh_room_number ());
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  JcId *room;

  jc_video_room_create_async (vr, wanted, options, NULL, CB);
  result = WAIT_RESULT ();
  room = jc_video_room_create_finish (vr, result, &error);
  g_assert_no_error (error);
  g_assert_true (jc_id_equal (room, wanted));
  return room;
}

static gboolean
room_exists (JcVideoRoom *vr, const JcId *room)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean exists = FALSE;

  jc_video_room_exists_async (vr, room, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_exists_finish (vr, result, &exists, &error));
  g_assert_no_error (error);
  return exists;
}

static gboolean
destroy_room (JcVideoRoom *vr, const JcId *room, const char *secret, GError **error)
{
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;

  jc_video_room_request_set_secret (options, secret);
  jc_video_room_destroy_async (vr, room, options, NULL, CB);
  result = WAIT_RESULT ();
  return jc_video_room_destroy_finish (vr, result, error);
}

static GPtrArray *
participants (JcVideoRoom *vr, const JcId *room)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *list;

  jc_video_room_list_participants_async (vr, room, NULL, CB);
  result = WAIT_RESULT ();
  list = jc_video_room_list_participants_finish (vr, result, &error);
  g_assert_no_error (error);
  return list;
}

static JcId *
join_publisher (JcVideoRoom *vr, const JcId *room, const char *display, const char *pin, GError **error)
{
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;

  jc_video_room_request_set_display (options, display);
  jc_video_room_request_set_pin (options, pin);
  jc_video_room_join_publisher_async (vr, room, options, NULL, CB);
  result = WAIT_RESULT ();
  return jc_video_room_join_publisher_finish (vr, result, error);
}

static void
test_ids (void)
{
  g_autoptr (JcId) n = jc_id_parse ("1234");
  g_autoptr (JcId) s = jc_id_parse ("lobby");
  g_autoptr (JcId) n2 = jc_id_new_number (1234);
  g_autoptr (JcId) big = jc_id_parse ("9007199254740991");
  g_autofree char *text = jc_id_to_string (s);

  g_assert_false (jc_id_is_string (n));
  g_assert_cmpuint (jc_id_get_number (n), ==, 1234);
  g_assert_true (jc_id_is_string (s));
  g_assert_cmpstr (text, ==, "lobby");
  g_assert_true (jc_id_equal (n, n2));
  g_assert_false (jc_id_equal (n, s));
  g_assert_cmpuint (jc_id_hash (n), ==, jc_id_hash (n2));
  g_assert_nonnull (big);
  g_assert_null (jc_id_parse ("0"));
  g_assert_null (jc_id_parse ("9007199254740992"));
  g_assert_null (jc_id_parse (""));
}

static void
test_create_exists_list_destroy (Fixture *f, gconstpointer data)
{
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (JcId) room = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GError) error = NULL;
  gboolean found = FALSE;

  jc_video_room_request_set_description (options, "Test room");
  jc_video_room_request_set_publishers (options, 6);
  jc_video_room_request_set_codecs (options, "opus", "vp8,vp9");
  jc_video_room_request_set_notify_joining (options, TRUE);
  room = create_room (f->admin, options);
  g_assert_true (room_exists (f->admin, room));

  /* The same id again: 427. */
  jc_video_room_create_async (f->admin, room, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_null (jc_video_room_create_finish (f->admin, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_ROOM_EXISTS);
  g_clear_error (&error);
  g_clear_object (&result);

  jc_video_room_list_async (f->admin, NULL, NULL, CB);
  result = WAIT_RESULT ();
  rooms = jc_video_room_list_finish (f->admin, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rooms->len; i++)
    {
      JcVideoRoomInfo *info = g_ptr_array_index (rooms, i);

      if (!jc_id_equal (jc_video_room_info_get_room (info), room))
        continue;
      found = TRUE;
      g_assert_cmpstr (jc_video_room_info_get_description (info), ==, "Test room");
      g_assert_cmpuint (jc_video_room_info_get_max_publishers (info), ==, 6);
      g_assert_cmpuint (jc_video_room_info_get_num_participants (info), ==, 0);
      g_assert_false (jc_video_room_info_is_pin_required (info));
      g_assert_cmpstr (jc_json_lookup_string (jc_video_room_info_get_json (info), "videocodec"), ==,
                       "vp8,vp9");
    }
  g_assert_true (found);

  g_assert_true (destroy_room (f->admin, room, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (room_exists (f->admin, room));
  /* Destroying it twice: 426. */
  g_assert_false (destroy_room (f->admin, room, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_NO_SUCH_ROOM);
}

static void
test_string_ids_rejected (Fixture *f, gconstpointer data)
{
  /* The stock plugin uses numeric ids: a string id is an invalid element. */
  g_autoptr (JcId) room = jc_id_new_string ("lobby");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  jc_video_room_exists_async (f->admin, room, NULL, CB);
  result = WAIT_RESULT ();
  {
    gboolean exists;

    g_assert_false (jc_video_room_exists_finish (f->admin, result, &exists, &error));
  }
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_INVALID_ELEMENT);
}

static void
test_secret_and_pin (Fixture *f, gconstpointer data)
{
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcId) id = NULL;
  g_autoptr (JcVideoRoom) member = attach (f->session);
  g_autoptr (GError) error = NULL;

  jc_video_room_request_set_secret (options, "s3cret");
  jc_video_room_request_set_pin (options, "1234");
  room = create_room (f->admin, options);

  /* Joining needs the pin: missing is 429, wrong is 433. */
  id = join_publisher (member, room, "alice", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  id = join_publisher (member, room, "alice", "0000", &error);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  id = join_publisher (member, room, "alice", "1234", &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_true (jc_id_equal (jc_video_room_get_participant_id (member), id));
  g_assert_cmpuint (jc_video_room_get_private_id (member), >, 0);

  /* Destroying needs the secret: missing is 429, wrong is 433. */
  g_assert_false (destroy_room (f->admin, room, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  g_assert_false (destroy_room (f->admin, room, "wrong", &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_true (room_exists (f->admin, room));
  g_assert_true (destroy_room (f->admin, room, "s3cret", &error));
  g_assert_no_error (error);
  g_assert_false (room_exists (f->admin, room));
}

typedef struct
{
  JcId *feed;
  char *display;
  JcId *joining;
  JcId *left;
  JcId *kicked;
  JcId *destroyed;
} Seen;

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->feed, jc_id_free);
  g_clear_pointer (&seen->display, g_free);
  g_clear_pointer (&seen->joining, jc_id_free);
  g_clear_pointer (&seen->left, jc_id_free);
  g_clear_pointer (&seen->kicked, jc_id_free);
  g_clear_pointer (&seen->destroyed, jc_id_free);
}

static void
on_display_changed (JcVideoRoom *vr, const JcId *feed, const char *display, Seen *seen)
{
  g_clear_pointer (&seen->feed, jc_id_free);
  seen->feed = jc_id_copy (feed);
  g_free (seen->display);
  seen->display = g_strdup (display);
}

static void
on_joining (JcVideoRoom *vr, const JcId *feed, const char *display, Seen *seen)
{
  g_clear_pointer (&seen->joining, jc_id_free);
  seen->joining = jc_id_copy (feed);
}

static void
on_leaving (JcVideoRoom *vr, const JcId *feed, const char *reason, Seen *seen)
{
  g_clear_pointer (&seen->left, jc_id_free);
  seen->left = jc_id_copy (feed);
}

static void
on_kicked (JcVideoRoom *vr, const JcId *feed, Seen *seen)
{
  g_clear_pointer (&seen->kicked, jc_id_free);
  seen->kicked = jc_id_copy (feed);
}

static void
on_destroyed (JcVideoRoom *vr, const JcId *room, Seen *seen)
{
  g_clear_pointer (&seen->destroyed, jc_id_free);
  seen->destroyed = jc_id_copy (room);
}

static const char *
display_of (GPtrArray *list, const JcId *id)
{
  for (guint i = 0; i < list->len; i++)
    {
      JcVideoRoomParticipant *p = g_ptr_array_index (list, i);

      if (jc_id_equal (jc_video_room_participant_get_id (p), id))
        return jc_video_room_participant_get_display (p);
    }
  return NULL;
}

static void
test_participants_display_kick (Fixture *f, gconstpointer data)
{
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (JcVideoRoomRequest) change = jc_video_room_request_new ();
  g_autoptr (JcVideoRoom) alice = attach (f->session);
  g_autoptr (JcVideoRoom) bob = attach (f->session);
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcId) alice_id = NULL;
  g_autoptr (JcId) bob_id = NULL;
  g_autoptr (JcId) nobody = jc_id_new_number (424242);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  Seen seen = { 0 };
  Seen alice_seen = { 0 };

  jc_video_room_request_set_notify_joining (options, TRUE);
  room = create_room (f->admin, options);
  alice_id = join_publisher (alice, room, "alice", NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (alice, "joining", G_CALLBACK (on_joining), &seen);
  g_signal_connect (alice, "display-changed", G_CALLBACK (on_display_changed), &seen);
  g_signal_connect (alice, "leaving", G_CALLBACK (on_leaving), &seen);
  g_signal_connect (alice, "kicked", G_CALLBACK (on_kicked), &seen);
  g_signal_connect (alice, "destroyed", G_CALLBACK (on_destroyed), &alice_seen);
  bob_id = join_publisher (bob, room, "bob", NULL, &error);
  g_assert_no_error (error);
  JC_TEST_WAIT_UNTIL (seen.joining != NULL);
  g_assert_true (jc_id_equal (seen.joining, bob_id));

  list = participants (f->admin, room);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (display_of (list, alice_id), ==, "alice");
  g_assert_cmpstr (display_of (list, bob_id), ==, "bob");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* bob renames himself: listparticipants shows it, alice hears of it. */
  jc_video_room_request_set_display (change, "robert");
  jc_video_room_configure_async (bob, change, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_configure_finish (bob, result, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  list = participants (f->admin, room);
  g_assert_cmpstr (display_of (list, bob_id), ==, "robert");
  g_assert_cmpstr (display_of (list, alice_id), ==, "alice");
  g_clear_pointer (&list, g_ptr_array_unref);
  JC_TEST_WAIT_UNTIL (seen.display != NULL);
  g_assert_true (jc_id_equal (seen.feed, bob_id));
  g_assert_cmpstr (seen.display, ==, "robert");

  /* Kicking or moderating somebody who is not there: 428. */
  jc_video_room_kick_async (f->admin, room, nobody, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_room_kick_finish (f->admin, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED);
  g_clear_error (&error);
  g_clear_object (&result);
  jc_video_room_moderate_async (f->admin, room, nobody, "0", TRUE, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_room_moderate_finish (f->admin, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Kicking bob: alice hears of it. */
  jc_video_room_kick_async (f->admin, room, bob_id, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_kick_finish (f->admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  JC_TEST_WAIT_UNTIL (seen.kicked != NULL || seen.left != NULL);
  list = participants (f->admin, room);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Leaving, then the room goes: alice (still in) hears it. */
  g_assert_true (destroy_room (f->admin, room, NULL, &error));
  g_assert_no_error (error);
  JC_TEST_WAIT_UNTIL (alice_seen.destroyed != NULL);
  g_assert_true (jc_id_equal (alice_seen.destroyed, room));
  seen_clear (&seen);
  seen_clear (&alice_seen);
}

static void
test_allowed_recording_forwarders (Fixture *f, gconstpointer data)
{
  static const char *const tokens[] = { "token-a", "token-b", NULL };
  g_autoptr (JcId) room = create_room (f->admin, NULL);
  g_autoptr (JcVideoRoom) member = attach (f->session);
  g_autoptr (JcVideoRoomRequest) with_token = jc_video_room_request_new ();
  g_autoptr (JcId) id = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) allowed = NULL;
  g_autoptr (JsonArray) forwarders = NULL;
  g_autoptr (JsonObject) forwarded = NULL;

  jc_video_room_allowed_async (f->admin, room, JC_VIDEO_ROOM_ALLOWED_ADD, tokens, NULL, NULL, CB);
  result = WAIT_RESULT ();
  allowed = jc_video_room_allowed_finish (f->admin, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char *const *) allowed, "token-a"));
  g_clear_object (&result);
  g_clear_pointer (&allowed, g_strfreev);
  jc_video_room_allowed_async (f->admin, room, JC_VIDEO_ROOM_ALLOWED_ENABLE, NULL, NULL, NULL, CB);
  result = WAIT_RESULT ();
  allowed = jc_video_room_allowed_finish (f->admin, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Without a token: unauthorized; with one: in. */
  id = join_publisher (member, room, "carol", NULL, &error);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  jc_video_room_request_set_token (with_token, "token-b");
  jc_video_room_join_publisher_async (member, room, with_token, NULL, CB);
  result = WAIT_RESULT ();
  id = jc_video_room_join_publisher_finish (member, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  jc_video_room_enable_recording_async (f->admin, room, FALSE, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_enable_recording_finish (f->admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  jc_video_room_list_forwarders_async (f->admin, room, NULL, NULL, CB);
  result = WAIT_RESULT ();
  forwarders = jc_video_room_list_forwarders_finish (f->admin, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (forwarders), ==, 0);
  g_clear_object (&result);

  /* Without streams Janus 1.1.2 takes the deprecated rtp_forward API and
   * forwards nothing (carol publishes nothing anyway). */
  jc_video_room_rtp_forward_async (f->admin, room, id, "127.0.0.1", NULL, NULL, NULL, CB);
  result = WAIT_RESULT ();
  forwarded = jc_video_room_rtp_forward_finish (f->admin, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (jc_json_lookup_object (forwarded, "rtp_stream"));
  g_clear_object (&result);
  jc_video_room_stop_rtp_forward_async (f->admin, room, id, 1, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_room_stop_rtp_forward_finish (f->admin, result, &error));
  g_assert_true (error->domain == JC_PLUGIN_ERROR);
  g_clear_error (&error);
  g_clear_object (&result);

  g_assert_true (destroy_room (f->admin, room, NULL, &error));
}

/* The remote-publisher requests exist in 1.1.2: the plugin knows them (an
 * unknown request would be 423 Invalid request). */
static void
test_remote_publishers (Fixture *f, gconstpointer data)
{
  g_autoptr (JcId) room = create_room (f->admin, NULL);
  g_autoptr (JcId) nobody = jc_id_new_number (777);
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (JsonArray) streams = json_array_new ();
  g_autoptr (JsonObject) stream = json_object_new ();
  g_autoptr (JsonObject) added = NULL;
  g_autoptr (JcId) remote = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) remotes = NULL;
  g_autoptr (GPtrArray) list = NULL;

  jc_video_room_list_remotes_async (f->admin, room, nobody, NULL, NULL, CB);
  result = WAIT_RESULT ();
  remotes = jc_video_room_list_remotes_finish (f->admin, result, &error);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED);
  g_clear_error (&error);
  g_clear_object (&result);

  jc_video_room_unpublish_remotely_async (f->admin, room, nobody, "r1", NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_room_unpublish_remotely_finish (f->admin, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED);
  g_clear_error (&error);
  g_clear_object (&result);

  jc_video_room_publish_remotely_async (f->admin, room, nobody, "r1", "127.0.0.1", 9999, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_null (jc_video_room_publish_remotely_finish (f->admin, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A remote publisher: it shows up as a participant. */
  json_object_set_string_member (stream, "type", "audio");
  json_object_set_int_member (stream, "mindex", 0);
  json_object_set_string_member (stream, "mid", "0");
  json_object_set_string_member (stream, "codec", "opus");
  json_array_add_object_element (streams, json_object_ref (stream));
  jc_video_room_request_set_display (options, "remote one");
  {
    g_autoptr (JsonNode) iface = json_node_init_string (json_node_alloc (), "127.0.0.1");

    jc_video_room_request_set_extra (options, "iface", iface);
  }
  jc_video_room_add_remote_publisher_async (f->admin, room, streams, options, NULL, CB);
  result = WAIT_RESULT ();
  added = jc_video_room_add_remote_publisher_finish (f->admin, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  remote = jc_id_lookup (added, "id");
  g_assert_nonnull (remote);
  /* Janus lists it once its RTP thread runs: poll briefly. */
  for (int i = 0; i < 50; i++)
    {
      g_clear_pointer (&list, g_ptr_array_unref);
      list = participants (f->admin, room);
      if (display_of (list, remote) != NULL)
        break;
      g_usleep (100000);
    }
  g_assert_cmpstr (display_of (list, remote), ==, "remote one");

  jc_video_room_update_remote_publisher_async (f->admin, room, remote, streams, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_update_remote_publisher_finish (f->admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_video_room_remove_remote_publisher_async (f->admin, room, remote, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_room_remove_remote_publisher_finish (f->admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* And an unknown request is 423. */
  jc_video_room_request_async (f->admin, "no_such_request", room, NULL, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_null (jc_video_room_request_finish (f->admin, result, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_ROOM_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  g_assert_true (destroy_room (f->admin, room, NULL, &error));
}

/* 3 sessions × 3 publisher handles join one room at once on one client. */
typedef struct
{
  int pending;
  int failures;
} Concurrent;

static void
on_concurrent_joined (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Concurrent *c = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) id = jc_video_room_join_publisher_finish (JC_VIDEO_ROOM (source), result, &error);

  if (id == NULL)
    {
      g_printerr ("join failed: %s\n", error->message);
      c->failures++;
    }
  c->pending--;
}

static void
test_concurrent_joins (Fixture *f, gconstpointer data)
{
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (JcId) room = NULL;
  g_autoptr (GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) handles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  Concurrent c = { 0 };
  guint publishers = 0;

  jc_video_room_request_set_publishers (options, 9);
  room = create_room (f->admin, options);
  for (int s = 0; s < 3; s++)
    {
      JcSession *session = jc_test_create_session (f->client, &error);

      g_assert_no_error (error);
      g_ptr_array_add (sessions, session);
      for (int h = 0; h < 3; h++)
        g_ptr_array_add (handles, attach (session));
    }
  for (guint i = 0; i < handles->len; i++)
    {
      g_autoptr (JcVideoRoomRequest) join = jc_video_room_request_new ();
      g_autofree char *display = g_strdup_printf ("p%u", i);

      jc_video_room_request_set_display (join, display);
      c.pending++;
      jc_video_room_join_publisher_async (g_ptr_array_index (handles, i), room, join, NULL, on_concurrent_joined, &c);
    }
  JC_TEST_WAIT_UNTIL (c.pending == 0);
  g_assert_cmpint (c.failures, ==, 0);

  list = participants (f->admin, room);
  g_assert_cmpuint (list->len, ==, 9);
  for (guint i = 0; i < list->len; i++)
    publishers += jc_video_room_participant_is_publisher (g_ptr_array_index (list, i));
  g_assert_cmpuint (publishers, ==, 0); /* joined, nothing published */
  for (guint i = 0; i < handles->len; i++)
    {
      JcVideoRoom *vr = g_ptr_array_index (handles, i);

      g_assert_nonnull (jc_video_room_get_participant_id (vr));
      for (guint j = 0; j < i; j++)
        g_assert_false (jc_id_equal (jc_video_room_get_participant_id (vr),
                                     jc_video_room_get_participant_id (g_ptr_array_index (handles, j))));
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      jc_test_destroy (g_ptr_array_index (sessions, i), &error);
      g_assert_no_error (error);
    }
  g_assert_true (destroy_room (f->admin, room, NULL, &error));
}

/* The request builder keeps copies: what the caller changes afterwards
 * does not reach the request. */
static void
test_request_copies (void)
{
  g_autoptr (JcVideoRoomRequest) request = jc_video_room_request_new ();
  g_autoptr (JsonArray) streams = json_array_new ();
  g_autoptr (JsonNode) extra = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonObject) body = NULL;
  JsonObject *stream = json_object_new ();

  json_object_set_string_member (stream, "mid", "0");
  json_array_add_object_element (streams, stream);
  json_node_take_object (extra, json_object_new ());
  json_object_set_int_member (json_node_get_object (extra), "a", 1);
  jc_video_room_request_set_streams (request, streams);
  jc_video_room_request_set_extra (request, "custom", extra);

  json_object_set_string_member (stream, "mid", "changed");
  json_array_add_object_element (streams, json_object_new ());
  json_object_set_int_member (json_node_get_object (extra), "a", 2);

  body = jc_video_room_request_to_json (request);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "streams")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (body, "streams"), 0), "mid"), ==, "0");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (body, "custom"), "a"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);

  g_test_add_func ("/videoroom/ids", test_ids);
  g_test_add_func ("/videoroom/request-copies", test_request_copies);
#define ADD(path, func) g_test_add ("/videoroom/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("admin/create-exists-list-destroy", test_create_exists_list_destroy);
  ADD ("admin/string-ids", test_string_ids_rejected);
  ADD ("admin/secret-and-pin", test_secret_and_pin);
  ADD ("admin/participants-display-kick", test_participants_display_kick);
  ADD ("admin/allowed-recording-forwarders", test_allowed_recording_forwarders);
  ADD ("admin/remote-publishers", test_remote_publishers);
  ADD ("publishers/concurrent-3x3", test_concurrent_joins);
#undef ADD

  ret = g_test_run ();
  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  return ret;
}

/* test-audiobridge.c: AudioBridge administration over the Janus API —
 * against a real, private Janus 1.1.2 (signalling only: loopback, with an
 * admin_key that also locks RTP forwarding and playback), through the
 * library and the CLI; and against an in-process fake Janus that sends
 * replies and events of the wrong shape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What Janus 1.1.2 answers (checked here): create → "created", edit →
 * "edited", destroy → "destroyed", list → "success" with the rooms in
 * "list", listparticipants → "participants", listforwarders →
 * "forwarders" with "rtp_forwarders", the rest → "success"; a missing
 * secret, pin or admin_key is 483, a wrong one 489; suspend, resume,
 * listannouncements and stop_all_files (newer Janus) are 482 "Unknown
 * request". Participants here join without media (Janus accepts a join
 * with no offer), which is enough for events.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "fake-janus.h"
#include "jc-json-private.h"
#include "jc-local-janus.h"
#include "jc-test-util.h"

#define ADMIN_KEY "ab-admin-key"

static JcLocalJanus *janus;

static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

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

typedef struct
{
  JcClient *client;
  JcSession *session;
  JcAudioBridge *ab;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  f->session = jc_test_create_session (f->client, &error);
  g_assert_no_error (error);
  f->ab = attach (f->session);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->ab);
  jc_test_destroy (f->session, &error);
  g_assert_no_error (error);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
}

static JcId *
fresh_room (void)
{
  static guint64 next = 0;

  if (next == 0)
    next = 5000000 + (guint64) g_random_int_range (0, 1000000) * 10;
  return jc_id_new_number (next++);
}

static JcAudioBridgeRequest *
with_secret (const char *secret)
{
  JcAudioBridgeRequest *r = jc_audio_bridge_request_new ();

  jc_audio_bridge_request_set_secret (r, secret);
  return r;
}

static JcAudioBridgeRequest *
with_key (const char *secret)
{
  JcAudioBridgeRequest *r = with_secret (secret);

  jc_audio_bridge_request_set_admin_key (r, ADMIN_KEY);
  return r;
}

static void
assert_code (GError *error, int code)
{
  g_assert_error (error, JC_PLUGIN_ERROR, code);
  g_assert_nonnull (strstr (error->message, JC_AUDIO_BRIDGE_PLUGIN));
}

/* Blocking helpers; each returns the error (or NULL). */

static GError *
create_room (JcAudioBridge *ab, const JcId *room, JcAudioBridgeRequest *options)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcId) created = NULL;
  GError *error = NULL;

  jc_audio_bridge_create_async (ab, room, options, NULL, CB);
  result = WAIT_RESULT ();
  created = jc_audio_bridge_create_finish (ab, result, &error);
  if (created != NULL && room != NULL)
    g_assert_true (jc_id_equal (created, room));
  return error;
}

static gboolean
room_exists (JcAudioBridge *ab, const JcId *room)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean exists = FALSE;

  jc_audio_bridge_exists_async (ab, room, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_audio_bridge_exists_finish (ab, result, &exists, &error));
  g_assert_no_error (error);
  return exists;
}

static JcAudioBridgeRoomInfo *
find_room (JcAudioBridge *ab, const JcId *room)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rooms = NULL;

  jc_audio_bridge_list_async (ab, NULL, CB);
  result = WAIT_RESULT ();
  rooms = jc_audio_bridge_list_finish (ab, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rooms->len; i++)
    if (jc_id_equal (jc_audio_bridge_room_info_get_room (g_ptr_array_index (rooms, i)), room))
      return jc_audio_bridge_room_info_ref (g_ptr_array_index (rooms, i));
  return NULL;
}

static GError *
destroy_room (JcAudioBridge *ab, const JcId *room, JcAudioBridgeRequest *options)
{
  g_autoptr (GAsyncResult) result = NULL;
  GError *error = NULL;

  jc_audio_bridge_destroy_async (ab, room, options, NULL, CB);
  result = WAIT_RESULT ();
  jc_audio_bridge_destroy_finish (ab, result, &error);
  return error;
}

static void
test_request_fields (void)
{
  g_autoptr (JcAudioBridgeRequest) r = jc_audio_bridge_request_new ();
  g_autoptr (JcId) id = jc_id_new_string ("alice");
  g_autoptr (JsonNode) extra = json_node_new (JSON_NODE_VALUE);
  g_autoptr (JsonObject) body = NULL;
  g_autofree char *text = NULL;

  json_node_set_int (extra, 50);
  jc_audio_bridge_request_set_secret (r, "s");
  jc_audio_bridge_request_set_pin (r, "p");
  jc_audio_bridge_request_set_token (r, "t");
  jc_audio_bridge_request_set_admin_key (r, "k");
  jc_audio_bridge_request_set_description (r, "d");
  jc_audio_bridge_request_set_permanent (r, FALSE);
  jc_audio_bridge_request_set_is_private (r, TRUE);
  jc_audio_bridge_request_set_sampling_rate (r, 48000);
  jc_audio_bridge_request_set_record (r, TRUE, "rec");
  jc_audio_bridge_request_set_id (r, id);
  jc_audio_bridge_request_set_display (r, "Alice");
  jc_audio_bridge_request_set_muted (r, TRUE);
  jc_audio_bridge_request_set_volume (r, 120);
  jc_audio_bridge_request_set_bitrate (r, 32000);
  jc_audio_bridge_request_set_quality (r, 7);
  jc_audio_bridge_request_set_group (r, "g");
  jc_audio_bridge_request_set_extra (r, "spatial_position", extra);
  jc_audio_bridge_request_set_pin (r, NULL);
  body = jc_audio_bridge_request_to_json (r);
  text = jc_json_to_string (body);
  g_assert_cmpstr (text, ==,
                   "{\"secret\":\"s\",\"token\":\"t\",\"admin_key\":\"k\",\"description\":\"d\",\"permanent\":false,"
                   "\"is_private\":true,\"sampling_rate\":48000,\"record\":true,\"record_file\":\"rec\",\"filename\":\"rec\","
                   "\"id\":\"alice\",\"display\":\"Alice\",\"muted\":true,\"volume\":120,\"bitrate\":32000,\"quality\":7,"
                   "\"group\":\"g\",\"spatial_position\":50}");
  jc_audio_bridge_request_set_id (r, NULL);
  g_clear_pointer (&body, json_object_unref);
  body = jc_audio_bridge_request_to_json (r);
  g_assert_false (json_object_has_member (body, "id"));
}

static void
test_create_edit_destroy (Fixture *f, gconstpointer data)
{
  g_autoptr (JcId) room = fresh_room ();
  g_autoptr (JcAudioBridgeRequest) nokey = with_secret ("s");
  g_autoptr (JcAudioBridgeRequest) badkey = with_secret ("s");
  g_autoptr (JcAudioBridgeRequest) options = with_key ("s");
  g_autoptr (JcAudioBridgeRequest) wrong = with_secret ("wrong");
  g_autoptr (JcAudioBridgeRequest) none = jc_audio_bridge_request_new ();
  g_autoptr (JcAudioBridgeRequest) edit = with_secret ("s");
  g_autoptr (JcAudioBridgeRequest) secret = with_secret ("s");
  g_autoptr (JcAudioBridgeRoomInfo) info = NULL;
  g_autoptr (JcAudioBridgeRoomInfo) edited = NULL;
  g_autoptr (JsonNode) description = json_node_new (JSON_NODE_VALUE);
  g_autoptr (GError) error = NULL;

  /* admin_key: missing 483, wrong 489. */
  error = create_room (f->ab, room, nokey);
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  jc_audio_bridge_request_set_admin_key (badkey, "not-the-key");
  error = create_room (f->ab, room, badkey);
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_false (room_exists (f->ab, room));

  jc_audio_bridge_request_set_description (options, "first");
  jc_audio_bridge_request_set_sampling_rate (options, 24000);
  jc_audio_bridge_request_set_pin (options, "1234");
  g_assert_null ((error = create_room (f->ab, room, options)));
  g_assert_true (room_exists (f->ab, room));
  error = create_room (f->ab, room, options);
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_ROOM_EXISTS);
  g_clear_error (&error);

  info = find_room (f->ab, room);
  g_assert_nonnull (info);
  g_assert_cmpstr (jc_audio_bridge_room_info_get_description (info), ==, "first");
  g_assert_cmpuint (jc_audio_bridge_room_info_get_sampling_rate (info), ==, 24000);
  g_assert_true (jc_audio_bridge_room_info_is_pin_required (info));
  g_assert_false (jc_audio_bridge_room_info_is_recording (info));
  g_assert_cmpuint (jc_audio_bridge_room_info_get_num_participants (info), ==, 0);
  g_assert_nonnull (jc_audio_bridge_room_info_get_json (info));

  /* edit: secret missing 483, wrong 489. */
  json_node_set_string (description, "second");
  jc_audio_bridge_request_set_extra (edit, "new_description", description);
  jc_audio_bridge_request_set_extra (none, "new_description", description);
  jc_audio_bridge_request_set_extra (wrong, "new_description", description);
  {
    g_autoptr (GAsyncResult) r1 = NULL;
    g_autoptr (GAsyncResult) r2 = NULL;
    g_autoptr (GAsyncResult) r3 = NULL;

    jc_audio_bridge_edit_async (f->ab, room, none, NULL, CB);
    r1 = WAIT_RESULT ();
    g_assert_false (jc_audio_bridge_edit_finish (f->ab, r1, &error));
    assert_code (error, JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT);
    g_clear_error (&error);
    jc_audio_bridge_edit_async (f->ab, room, wrong, NULL, CB);
    r2 = WAIT_RESULT ();
    g_assert_false (jc_audio_bridge_edit_finish (f->ab, r2, &error));
    assert_code (error, JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
    jc_audio_bridge_edit_async (f->ab, room, edit, NULL, CB);
    r3 = WAIT_RESULT ();
    g_assert_true (jc_audio_bridge_edit_finish (f->ab, r3, &error));
    g_assert_no_error (error);
  }
  edited = find_room (f->ab, room);
  g_assert_cmpstr (jc_audio_bridge_room_info_get_description (edited), ==, "second");

  /* recording switches (with the secret) */
  {
    g_autoptr (GAsyncResult) r1 = NULL;
    g_autoptr (GAsyncResult) r2 = NULL;
    g_autoptr (GAsyncResult) r3 = NULL;
    g_autofree char *dir = g_build_filename (jc_local_janus_get_work_dir (janus), "recordings", NULL);
    g_autoptr (JcAudioBridgeRequest) rec = with_secret ("s");
    g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);

    json_node_set_string (node, dir);
    jc_audio_bridge_request_set_extra (rec, "record_dir", node);
    jc_audio_bridge_enable_recording_async (f->ab, room, TRUE, rec, NULL, CB);
    r1 = WAIT_RESULT ();
    g_assert_true (jc_audio_bridge_enable_recording_finish (f->ab, r1, &error));
    g_assert_no_error (error);
    g_clear_pointer (&edited, jc_audio_bridge_room_info_unref);
    edited = find_room (f->ab, room);
    g_assert_true (jc_audio_bridge_room_info_is_recording (edited));
    jc_audio_bridge_enable_recording_async (f->ab, room, FALSE, secret, NULL, CB);
    r2 = WAIT_RESULT ();
    g_assert_true (jc_audio_bridge_enable_recording_finish (f->ab, r2, &error));
    g_assert_no_error (error);
    jc_audio_bridge_enable_mjrs_async (f->ab, room, FALSE, wrong, NULL, CB);
    r3 = WAIT_RESULT ();
    g_assert_false (jc_audio_bridge_enable_mjrs_finish (f->ab, r3, &error));
    assert_code (error, JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
  }

  /* destroy: secret missing 483, wrong 489, then gone: 485. */
  error = destroy_room (f->ab, room, none);
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  error = destroy_room (f->ab, room, wrong);
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_null ((error = destroy_room (f->ab, room, secret)));
  g_assert_false (room_exists (f->ab, room));
  error = destroy_room (f->ab, room, secret);
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);
}

/* A participant without media: its own session and handle, for events. */
typedef struct
{
  JcAudioBridge *ab;
  GString *log; /* what the signals told */
  guint errors;
} Member;

static void
log_participant (GString *log, const char *what, JcAudioBridgeParticipant *p)
{
  g_autofree char *id = jc_id_to_string (jc_audio_bridge_participant_get_id (p));

  g_string_append_printf (log, "%s(%s:%s%s);", what, id,
                          jc_audio_bridge_participant_get_display (p) != NULL ? jc_audio_bridge_participant_get_display (p) : "-",
                          jc_audio_bridge_participant_is_muted (p) ? ",muted" : "");
}

static void
on_joined (JcAudioBridge *ab, JcAudioBridgeParticipant *p, Member *m)
{
  log_participant (m->log, "joined", p);
}

static void
on_updated (JcAudioBridge *ab, JcAudioBridgeParticipant *p, Member *m)
{
  log_participant (m->log, "updated", p);
}

static void
log_id (GString *log, const char *what, const JcId *id)
{
  g_autofree char *text = jc_id_to_string (id);

  g_string_append_printf (log, "%s(%s);", what, text);
}

static void
on_left (JcAudioBridge *ab, const JcId *id, Member *m)
{
  log_id (m->log, "left", id);
}

static void
on_kicked (JcAudioBridge *ab, const JcId *id, Member *m)
{
  log_id (m->log, "kicked", id);
}

static void
on_destroyed (JcAudioBridge *ab, const JcId *room, Member *m)
{
  g_string_append (m->log, "destroyed;");
}

static void
on_self_left (JcAudioBridge *ab, const JcId *room, Member *m)
{
  g_string_append (m->log, "self-left;");
}

static void
on_talking (JcAudioBridge *ab, const JcId *id, gboolean talking, Member *m)
{
  log_id (m->log, talking ? "talking" : "stopped", id);
}

static void
on_announcement (JcAudioBridge *ab, const char *file_id, gboolean playing, Member *m)
{
  g_string_append_printf (m->log, "announcement(%s,%s);", file_id, playing ? "started" : "stopped");
}

static void
on_room_changed (JcAudioBridge *ab, const JcId *room, const JcId *id, GPtrArray *participants, Member *m)
{
  g_string_append_printf (m->log, "roomchanged(%u);", participants->len);
}

static void
on_room_muted (JcAudioBridge *ab, gboolean muted, Member *m)
{
  g_string_append_printf (m->log, "room-muted(%s);", muted ? "true" : "false");
}

static void
on_member_error (JcAudioBridge *ab, GError *error, Member *m)
{
  g_test_message ("member error: %s", error->message);
  m->errors++;
}

static void
member_init (Member *m, JcSession *session)
{
  m->ab = attach (session);
  m->log = g_string_new (NULL);
  g_signal_connect (m->ab, "participant-joined", G_CALLBACK (on_joined), m);
  g_signal_connect (m->ab, "participant-updated", G_CALLBACK (on_updated), m);
  g_signal_connect (m->ab, "participant-left", G_CALLBACK (on_left), m);
  g_signal_connect (m->ab, "kicked", G_CALLBACK (on_kicked), m);
  g_signal_connect (m->ab, "destroyed", G_CALLBACK (on_destroyed), m);
  g_signal_connect (m->ab, "left", G_CALLBACK (on_self_left), m);
  g_signal_connect (m->ab, "talking", G_CALLBACK (on_talking), m);
  g_signal_connect (m->ab, "announcement", G_CALLBACK (on_announcement), m);
  g_signal_connect (m->ab, "room-changed", G_CALLBACK (on_room_changed), m);
  g_signal_connect (m->ab, "room-muted", G_CALLBACK (on_room_muted), m);
  g_signal_connect (m->ab, "error", G_CALLBACK (on_member_error), m);
}

static void
member_clear (Member *m)
{
  g_signal_handlers_disconnect_by_data (m->ab, m);
  g_clear_object (&m->ab);
  g_string_free (m->log, TRUE);
}

static JcId *
member_join (Member *m, const JcId *room, const char *display, const char *pin, GError **error)
{
  g_autoptr (JcAudioBridgeRequest) options = jc_audio_bridge_request_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) answer = NULL;
  JcId *id;

  jc_audio_bridge_request_set_display (options, display);
  jc_audio_bridge_request_set_pin (options, pin);
  jc_audio_bridge_join_async (m->ab, room, options, NULL, NULL, CB);
  result = WAIT_RESULT ();
  id = jc_audio_bridge_join_finish (m->ab, result, &answer, error);
  g_assert_null (answer);
  return id;
}

static void
wait_log (Member *m, const char *expected)
{
  for (int i = 0; i < 500 && strstr (m->log->str, expected) == NULL; i++)
    jc_test_run_for (20);
  if (strstr (m->log->str, expected) == NULL)
    g_error ("“%s” not in what the signals told: “%s”", expected, m->log->str);
}

static gboolean
ok_result (JcAudioBridge *ab, gboolean (*finish) (JcAudioBridge *, GAsyncResult *, GError **), GError **error)
{
  g_autoptr (GAsyncResult) result = WAIT_RESULT ();

  return finish (ab, result, error);
}

static void
test_participants (Fixture *f, gconstpointer data)
{
  g_autoptr (JcId) room = fresh_room ();
  g_autoptr (JcId) room2 = fresh_room ();
  g_autoptr (JcAudioBridgeRequest) options = with_key ("s");
  g_autoptr (JcAudioBridgeRequest) secret = with_secret ("s");
  g_autoptr (JcAudioBridgeRequest) wrong = with_secret ("x");
  g_autoptr (JcId) alice_id = NULL;
  g_autoptr (JcId) bob_id = NULL;
  g_autoptr (JcId) nobody = jc_id_new_number (42);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *expect = NULL;
  g_autofree char *a = NULL, *b = NULL;
  Member alice = { 0 }, bob = { 0 };

  jc_audio_bridge_request_set_pin (options, "9999");
  g_assert_null ((error = create_room (f->ab, room, options)));
  jc_audio_bridge_request_set_pin (options, NULL);
  g_assert_null ((error = create_room (f->ab, room2, options)));
  member_init (&alice, f->session);
  member_init (&bob, f->session);

  /* The pin: missing 483, wrong 489. */
  g_assert_null (member_join (&alice, room, "Alice", NULL, &error));
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  g_assert_null (member_join (&alice, room, "Alice", "0000", &error));
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  alice_id = member_join (&alice, room, "Alice", "9999", &error);
  g_assert_no_error (error);
  g_assert_true (jc_id_equal (jc_audio_bridge_get_room (alice.ab), room));
  g_assert_null (member_join (&alice, room, "Alice", "9999", &error));
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_ALREADY_JOINED);
  g_clear_error (&error);
  bob_id = member_join (&bob, room, "Bob", "9999", &error);
  g_assert_no_error (error);
  a = jc_id_to_string (alice_id);
  b = jc_id_to_string (bob_id);
  expect = g_strdup_printf ("joined(%s:Bob);", b);
  wait_log (&alice, expect);
  {
    g_autoptr (GPtrArray) others = jc_audio_bridge_get_participants (bob.ab);

    g_assert_cmpuint (others->len, ==, 1);
    g_assert_true (jc_id_equal (jc_audio_bridge_participant_get_id (g_ptr_array_index (others, 0)), alice_id));
  }

  jc_audio_bridge_list_participants_async (f->ab, room, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    list = jc_audio_bridge_list_participants_finish (f->ab, result, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      JcAudioBridgeParticipant *p = g_ptr_array_index (list, i);

      g_assert_false (jc_audio_bridge_participant_is_muted (p));
      g_assert_false (jc_audio_bridge_participant_is_setup (p)); /* no PeerConnection */
      g_assert_false (jc_audio_bridge_participant_is_talking (p));
      g_assert_cmpstr (jc_audio_bridge_participant_get_display (p), ==,
                       jc_id_equal (jc_audio_bridge_participant_get_id (p), alice_id) ? "Alice" : "Bob");
    }

  /* The moderator mutes Bob; Alice is told. Without the secret: 483. */
  jc_audio_bridge_mute_async (f->ab, room, bob_id, TRUE, NULL, NULL, CB);
  g_assert_false (ok_result (f->ab, jc_audio_bridge_mute_finish, &error));
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  jc_audio_bridge_mute_async (f->ab, room, nobody, TRUE, secret, NULL, CB);
  g_assert_false (ok_result (f->ab, jc_audio_bridge_mute_finish, &error));
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_USER);
  g_clear_error (&error);
  jc_audio_bridge_mute_async (f->ab, room, bob_id, TRUE, secret, NULL, CB);
  g_assert_true (ok_result (f->ab, jc_audio_bridge_mute_finish, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("updated(%s:Bob,muted);", b);
  wait_log (&alice, expect);
  jc_audio_bridge_mute_async (f->ab, room, bob_id, FALSE, secret, NULL, CB);
  g_assert_true (ok_result (f->ab, jc_audio_bridge_mute_finish, &error));
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("updated(%s:Bob);", b);
  wait_log (&alice, expect);
  jc_audio_bridge_mute_room_async (f->ab, room, TRUE, wrong, NULL, CB);
  g_assert_false (ok_result (f->ab, jc_audio_bridge_mute_room_finish, &error));
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  jc_audio_bridge_mute_room_async (f->ab, room, TRUE, secret, NULL, CB);
  g_assert_true (ok_result (f->ab, jc_audio_bridge_mute_room_finish, &error));
  wait_log (&alice, "room-muted(true);");
  jc_audio_bridge_mute_room_async (f->ab, room, FALSE, secret, NULL, CB);
  g_assert_true (ok_result (f->ab, jc_audio_bridge_mute_room_finish, &error));
  g_assert_no_error (error);
  wait_log (&bob, "room-muted(true);room-muted(false);");

  /* configure: a new display name reaches the others. */
  {
    g_autoptr (JcAudioBridgeRequest) conf = jc_audio_bridge_request_new ();
    g_autoptr (GAsyncResult) result = NULL;

    jc_audio_bridge_request_set_display (conf, "Bobby");
    jc_audio_bridge_request_set_volume (conf, 80);
    jc_audio_bridge_configure_async (bob.ab, conf, NULL, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_audio_bridge_configure_finish (bob.ab, result, NULL, &error));
    g_assert_no_error (error);
    g_clear_pointer (&expect, g_free);
    expect = g_strdup_printf ("updated(%s:Bobby);", b);
    wait_log (&alice, expect);
  }

  /* resetdecoder: in a room fine, outside 487. */
  jc_audio_bridge_reset_decoder_async (alice.ab, NULL, CB);
  g_assert_true (ok_result (alice.ab, jc_audio_bridge_reset_decoder_finish, &error));
  g_assert_no_error (error);
  jc_audio_bridge_reset_decoder_async (f->ab, NULL, CB);
  g_assert_false (ok_result (f->ab, jc_audio_bridge_reset_decoder_finish, &error));
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_NOT_JOINED);
  g_clear_error (&error);

  /* allowed: enable with a token, add, remove, disable. */
  {
    const char *const tokens[] = { "t1", "t2", NULL };
    const char *const remove[] = { "t1", NULL };
    g_auto (GStrv) after_add = NULL;
    g_auto (GStrv) after_remove = NULL;
    g_auto (GStrv) after_disable = NULL;
    g_autoptr (GAsyncResult) r1 = NULL;
    g_autoptr (GAsyncResult) r2 = NULL;
    g_autoptr (GAsyncResult) r3 = NULL;

    jc_audio_bridge_allowed_async (f->ab, room, "add", tokens, secret, NULL, CB);
    r1 = WAIT_RESULT ();
    after_add = jc_audio_bridge_allowed_finish (f->ab, r1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (after_add), ==, 2);
    g_assert_true (g_strv_contains ((const char *const *) after_add, "t1"));
    jc_audio_bridge_allowed_async (f->ab, room, "remove", remove, secret, NULL, CB);
    r2 = WAIT_RESULT ();
    after_remove = jc_audio_bridge_allowed_finish (f->ab, r2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (after_remove), ==, 1);
    g_assert_cmpstr (after_remove[0], ==, "t2");
    jc_audio_bridge_allowed_async (f->ab, room, "disable", NULL, secret, NULL, CB);
    r3 = WAIT_RESULT ();
    after_disable = jc_audio_bridge_allowed_finish (f->ab, r3, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (after_disable), ==, 0);
  }

  /* changeroom: Bob moves to room2; Alice sees him leave. */
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (JcId) moved = NULL;

    jc_audio_bridge_change_room_async (bob.ab, room2, NULL, NULL, CB);
    result = WAIT_RESULT ();
    moved = jc_audio_bridge_change_room_finish (bob.ab, result, &error);
    g_assert_no_error (error);
    g_assert_true (jc_id_equal (jc_audio_bridge_get_room (bob.ab), room2));
    wait_log (&bob, "roomchanged(0);");
    g_clear_pointer (&expect, g_free);
    expect = g_strdup_printf ("left(%s);", b);
    wait_log (&alice, expect);
    g_clear_pointer (&bob_id, jc_id_free);
    bob_id = jc_id_copy (moved);
  }
  /* And comes back by leave + join. */
  jc_audio_bridge_leave_async (bob.ab, NULL, CB);
  g_assert_true (ok_result (bob.ab, jc_audio_bridge_leave_finish, &error));
  g_assert_no_error (error);
  wait_log (&bob, "self-left;");
  g_assert_null (jc_audio_bridge_get_room (bob.ab));
  jc_audio_bridge_leave_async (bob.ab, NULL, CB);
  g_assert_false (ok_result (bob.ab, jc_audio_bridge_leave_finish, &error));
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_NOT_JOINED);
  g_clear_error (&error);
  g_clear_pointer (&bob_id, jc_id_free);
  bob_id = member_join (&bob, room, "Bob", "9999", &error);
  g_assert_no_error (error);
  g_clear_pointer (&b, g_free);
  b = jc_id_to_string (bob_id);

  /* kick: unknown 492; Bob: both are told, Bob is out. */
  jc_audio_bridge_kick_async (f->ab, room, nobody, secret, NULL, CB);
  g_assert_false (ok_result (f->ab, jc_audio_bridge_kick_finish, &error));
  assert_code (error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_USER);
  g_clear_error (&error);
  jc_audio_bridge_kick_async (f->ab, room, bob_id, secret, NULL, CB);
  g_assert_true (ok_result (f->ab, jc_audio_bridge_kick_finish, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("kicked(%s);", b);
  wait_log (&alice, expect);
  wait_log (&bob, expect);
  g_assert_null (jc_audio_bridge_get_room (bob.ab));
  g_assert_null (jc_audio_bridge_get_participant_id (bob.ab));

  /* kick_all, then destroy: Alice out either way. */
  jc_audio_bridge_kick_all_async (f->ab, room, secret, NULL, CB);
  g_assert_true (ok_result (f->ab, jc_audio_bridge_kick_all_finish, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("kicked(%s);", a);
  wait_log (&alice, expect);
  g_assert_null (jc_audio_bridge_get_room (alice.ab));
  g_assert_cmpuint (alice.errors + bob.errors, ==, 0);

  g_assert_null ((error = destroy_room (f->ab, room, secret)));
  g_assert_null ((error = destroy_room (f->ab, room2, secret)));
  member_clear (&alice);
  member_clear (&bob);
}

/* rtp_forward to a UDP socket of ours on 127.0.0.1: packets arrive. */
static void
test_forwarders (Fixture *f, gconstpointer data)
{
  g_autoptr (JcId) room = fresh_room ();
  g_autoptr (JcAudioBridgeRequest) options = with_key ("s");
  g_autoptr (JcAudioBridgeRequest) secret = with_secret ("s");
  g_autoptr (JcAudioBridgeRequest) forward = with_key ("s");
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) bind_to = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GPtrArray) fwds = NULL;
  g_autoptr (JsonNode) always_on = json_node_new (JSON_NODE_VALUE);
  guint port, stream_id, packets = 0;
  gint64 deadline;

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (sock, bind_to, TRUE, &error));
  bound = g_socket_get_local_address (sock, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_assert_null ((error = create_room (f->ab, room, options)));

  /* lock_rtp_forward: the admin_key is needed (483 without). */
  jc_audio_bridge_rtp_forward_async (f->ab, room, "127.0.0.1", port, secret, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    g_assert_cmpuint (jc_audio_bridge_rtp_forward_finish (f->ab, result, &error), ==, 0);
    assert_code (error, JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT);
    g_clear_error (&error);
  }
  json_node_set_boolean (always_on, TRUE);
  jc_audio_bridge_request_set_extra (forward, "always_on", always_on);
  jc_audio_bridge_rtp_forward_async (f->ab, room, "127.0.0.1", port, forward, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    stream_id = jc_audio_bridge_rtp_forward_finish (f->ab, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stream_id, >, 0);
  }
  jc_audio_bridge_list_forwarders_async (f->ab, room, secret, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();
    JcAudioBridgeForwarder *fwd;

    fwds = jc_audio_bridge_list_forwarders_finish (f->ab, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fwds->len, ==, 1);
    fwd = g_ptr_array_index (fwds, 0);
    g_assert_cmpuint (jc_audio_bridge_forwarder_get_stream_id (fwd), ==, stream_id);
    g_assert_cmpstr (jc_audio_bridge_forwarder_get_host (fwd), ==, "127.0.0.1");
    g_assert_cmpuint (jc_audio_bridge_forwarder_get_port (fwd), ==, port);
    g_assert_cmpstr (jc_audio_bridge_forwarder_get_codec (fwd), ==, "opus");
    g_assert_false (jc_audio_bridge_forwarder_is_srtp (fwd));
    g_assert_null (jc_audio_bridge_forwarder_get_group (fwd));
    g_assert_nonnull (jc_audio_bridge_forwarder_get_json (fwd));
  }

  /* always_on: Janus forwards the silence of the empty room. */
  g_socket_set_blocking (sock, FALSE);
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (packets < 10 && g_get_monotonic_time () < deadline)
    {
      char buf[1500];
      gssize n = g_socket_receive (sock, buf, sizeof buf, NULL, NULL);

      if (n >= 12)
        {
          g_assert_cmpint ((guint8) buf[0] >> 6, ==, 2); /* RTP version 2 */
          packets++;
        }
      else
        jc_test_run_for (20);
    }
  g_test_message ("RTP packets forwarded to 127.0.0.1:%u: %u", port, packets);
  g_assert_cmpuint (packets, >=, 10);

  jc_audio_bridge_stop_rtp_forward_async (f->ab, room, stream_id, forward, NULL, CB);
  g_assert_true (ok_result (f->ab, jc_audio_bridge_stop_rtp_forward_finish, &error));
  g_assert_no_error (error);
  jc_audio_bridge_list_forwarders_async (f->ab, room, secret, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();
    g_autoptr (GPtrArray) none = jc_audio_bridge_list_forwarders_finish (f->ab, result, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
  g_assert_null ((error = destroy_room (f->ab, room, secret)));
}

/* play_file of a small Ogg Opus file written here; a participant hears
 * of the announcement starting and stopping. */
static void
test_play_file (Fixture *f, gconstpointer data)
{
  g_autoptr (JcId) room = fresh_room ();
  g_autoptr (JcAudioBridgeRequest) options = with_key ("s");
  g_autoptr (JcAudioBridgeRequest) secret = with_secret ("s");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jc-audiobridge-play-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "tone.opus", NULL);
  g_autofree char *desc = g_strdup_printf ("audiotestsrc num-buffers=300 ! audioconvert ! audioresample ! opusenc ! oggmux ! "
                                           "filesink location=\"%s\"",
                                           path);
  g_autoptr (GstElement) pipeline = NULL;
  g_autofree char *file_id = NULL;
  gboolean playing = FALSE;
  Member alice = { 0 };
  g_autoptr (JcId) alice_id = NULL;

  g_assert_no_error (error);
  pipeline = gst_parse_launch (desc, &error);
  g_assert_no_error (error);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  {
    g_autoptr (GstBus) bus = gst_element_get_bus (pipeline);
    g_autoptr (GstMessage) msg = gst_bus_timed_pop_filtered (bus, 10 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);

    g_assert_nonnull (msg);
    g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  }
  gst_element_set_state (pipeline, GST_STATE_NULL);

  g_assert_null ((error = create_room (f->ab, room, options)));
  member_init (&alice, f->session);
  alice_id = member_join (&alice, room, "Alice", NULL, &error);
  g_assert_no_error (error);

  /* lock_play_file: without the admin_key 483. */
  jc_audio_bridge_play_file_async (f->ab, room, path, "annc", TRUE, secret, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    g_assert_null (jc_audio_bridge_play_file_finish (f->ab, result, &error));
    assert_code (error, JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT);
    g_clear_error (&error);
  }
  jc_audio_bridge_play_file_async (f->ab, room, path, "annc", TRUE, options, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    file_id = jc_audio_bridge_play_file_finish (f->ab, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (file_id, ==, "annc");
  }
  wait_log (&alice, "announcement(annc,started);");
  jc_audio_bridge_is_playing_async (f->ab, room, "annc", options, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    g_assert_true (jc_audio_bridge_is_playing_finish (f->ab, result, &playing, &error));
    g_assert_no_error (error);
    g_assert_true (playing);
  }
  jc_audio_bridge_stop_file_async (f->ab, room, "annc", options, NULL, CB);
  g_assert_true (ok_result (f->ab, jc_audio_bridge_stop_file_finish, &error));
  g_assert_no_error (error);
  wait_log (&alice, "announcement(annc,stopped);");
  jc_audio_bridge_is_playing_async (f->ab, room, "annc", options, NULL, CB);
  {
    g_autoptr (GAsyncResult) result = WAIT_RESULT ();

    g_assert_true (jc_audio_bridge_is_playing_finish (f->ab, result, &playing, &error));
    g_assert_false (playing);
  }
  g_assert_null ((error = destroy_room (f->ab, room, secret)));
  wait_log (&alice, "destroyed;");
  g_assert_null (jc_audio_bridge_get_room (alice.ab));
  g_assert_cmpuint (alice.errors, ==, 0);
  member_clear (&alice);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Requests of newer Janus that 1.1.2 lacks: "Unknown request", 482. */
static void
test_unknown_requests (Fixture *f, gconstpointer data)
{
  const char *const newer[] = { "suspend", "resume", "listannouncements", "stop_all_files", NULL };
  g_autoptr (JcId) room = jc_id_new_number (1);

  for (gsize i = 0; newer[i] != NULL; i++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonObject) reply = NULL;

      jc_audio_bridge_request_async (f->ab, newer[i], room, NULL, NULL, NULL, CB);
      result = WAIT_RESULT ();
      reply = jc_audio_bridge_request_finish (f->ab, result, NULL, &error);
      g_assert_null (reply);
      assert_code (error, JC_AUDIO_BRIDGE_ERROR_INVALID_REQUEST);
      g_assert_nonnull (strstr (error->message, "Unknown request"));
    }
  /* The generic path returns what the typed calls read. */
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonObject) reply = NULL;
    g_autoptr (JcId) missing = fresh_room ();

    jc_audio_bridge_request_async (f->ab, "exists", missing, NULL, NULL, NULL, CB);
    result = WAIT_RESULT ();
    reply = jc_audio_bridge_request_finish (f->ab, result, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (jc_json_lookup_string (reply, "audiobridge"), ==, "success");
    g_assert_true (jc_json_has_member (reply, "exists"));
  }
}

/* The CLI against the same Janus */

static void run_cli (JcTestCliRun *run, ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (JcTestCliRun *run, ...)
{
  const char *prefix[] = { "--server", jc_local_janus_get_ws_uri (janus), "--json", NULL };
  va_list ap;

  va_start (ap, run);
  jc_test_cli_run_va (run, prefix, ap);
  va_end (ap);
}

static void
assert_cli_error (JcTestCliRun *run, int status, const char *domain, int code)
{
  g_autofree char *needle = g_strdup_printf ("\"code\":%d,\"domain\":\"%s\"", code, domain);

  g_assert_cmpint (run->status, ==, status);
  if (strstr (run->out, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, run->out);
}

static void
test_cli (void)
{
  g_autoptr (JcId) room = fresh_room ();
  g_autofree char *room_text = jc_id_to_string (room);
  g_autofree char *expect_created = g_strdup_printf ("{\"room\":%s}\n", room_text);
  g_autofree char *expect_exists = g_strdup_printf ("{\"room\":%s,\"exists\":true}\n", room_text);
  g_autofree char *expect_gone = g_strdup_printf ("{\"room\":%s,\"exists\":false}\n", room_text);
  g_autofree char *expect_destroyed = g_strdup_printf ("{\"room\":%s,\"destroyed\":true}\n", room_text);
  g_autofree char *expect_muted = g_strdup_printf ("{\"room\":%s,\"id\":null,\"muted\":true}\n", room_text);
  g_auto (JcTestCliRun) nokey = { 0 };
  g_auto (JcTestCliRun) wrongkey = { 0 };
  g_auto (JcTestCliRun) create = { 0 };
  g_auto (JcTestCliRun) exists = { 0 };
  g_auto (JcTestCliRun) list = { 0 };
  g_auto (JcTestCliRun) participants = { 0 };
  g_auto (JcTestCliRun) mute_room = { 0 };
  g_auto (JcTestCliRun) mute_nobody = { 0 };
  g_auto (JcTestCliRun) wrong = { 0 };
  g_auto (JcTestCliRun) destroy = { 0 };
  g_auto (JcTestCliRun) gone = { 0 };
  g_auto (JcTestCliRun) twice = { 0 };
  g_auto (JcTestCliRun) no_room = { 0 };
  g_auto (JcTestCliRun) bad_rate = { 0 };
  g_auto (JcTestCliRun) extra = { 0 };
  g_auto (JcTestCliRun) unknown = { 0 };
  g_auto (JcTestCliRun) help = { 0 };
  g_auto (JcTestCliRun) no_audio = { 0 };

  g_unsetenv ("JANUS_CLIENT_ADMIN_KEY");
  run_cli (&nokey, "audiobridge", "create", "--room", room_text, NULL);
  assert_cli_error (&nokey, 1, "plugin", JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT);
  run_cli (&wrongkey, "audiobridge", "create", "--room", room_text, "--admin-key", "nope", NULL);
  assert_cli_error (&wrongkey, 1, "plugin", JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED);
  run_cli (&create, "audiobridge", "create", "--room", room_text, "--description", "cli", "--secret", "s", "--admin-key",
           ADMIN_KEY, "--sampling-rate", "48000", NULL);
  g_assert_cmpint (create.status, ==, 0);
  g_assert_cmpstr (create.out, ==, expect_created);
  run_cli (&exists, "audiobridge", "exists", "--room", room_text, NULL);
  g_assert_cmpstr (exists.out, ==, expect_exists);
  run_cli (&list, "audiobridge", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  {
    g_autofree char *entry = g_strdup_printf ("{\"room\":%s,\"description\":\"cli\",\"num_participants\":0,\"sampling_rate\":48000}", room_text);

    g_assert_nonnull (strstr (list.out, entry));
  }
  run_cli (&participants, "audiobridge", "participants", "--room", room_text, NULL);
  g_assert_cmpstr (participants.out, ==, "{\"participants\":[]}\n");
  run_cli (&mute_room, "audiobridge", "mute", "--room", room_text, "--secret", "s", NULL);
  g_assert_cmpint (mute_room.status, ==, 0);
  g_assert_cmpstr (mute_room.out, ==, expect_muted);
  run_cli (&mute_nobody, "audiobridge", "unmute", "--room", room_text, "--id", "42", "--secret", "s", NULL);
  assert_cli_error (&mute_nobody, 1, "plugin", JC_AUDIO_BRIDGE_ERROR_NO_SUCH_USER);
  run_cli (&wrong, "audiobridge", "destroy", "--room", room_text, "--secret", "wrong", NULL);
  assert_cli_error (&wrong, 1, "plugin", JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED);
  run_cli (&destroy, "audiobridge", "destroy", "--room", room_text, "--secret", "s", NULL);
  g_assert_cmpint (destroy.status, ==, 0);
  g_assert_cmpstr (destroy.out, ==, expect_destroyed);
  run_cli (&gone, "audiobridge", "exists", "--room", room_text, NULL);
  g_assert_cmpstr (gone.out, ==, expect_gone);
  run_cli (&twice, "audiobridge", "destroy", "--room", room_text, "--secret", "s", NULL);
  assert_cli_error (&twice, 1, "plugin", JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);

  /* Usage errors: exit 2, before connecting. */
  run_cli (&no_room, "audiobridge", "participants", NULL);
  assert_cli_error (&no_room, 2, "usage", 2);
  run_cli (&bad_rate, "audiobridge", "create", "--sampling-rate", "44100", NULL);
  assert_cli_error (&bad_rate, 2, "usage", 2);
  run_cli (&extra, "audiobridge", "list", "extra", NULL);
  assert_cli_error (&extra, 2, "usage", 2);
  run_cli (&unknown, "audiobridge", "talk", NULL);
  assert_cli_error (&unknown, 2, "usage", 2);
  run_cli (&no_audio, "audiobridge", "join", "--room", "1", "--no-audio", NULL);
  assert_cli_error (&no_audio, 2, "usage", 2);
  run_cli (&help, "audiobridge", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "participants"));
}

/* Hostile replies: a fake Janus answers every plugin message with the
 * scripted plugin data. */

typedef enum
{
  LIST,
  PARTICIPANTS,
  EXISTS,
  CREATE,
  FORWARD,
  FORWARDERS,
  PLAY,
  JOIN,
  CONFIGURE,
} Request;

typedef struct
{
  const char *name;
  Request request;
  const char *data;   /* plugin data, single-quoted JSON */
  const char *error;  /* (nullable) in the request's error; NULL: it succeeds */
  int code;           /* of the error: 0 for JC_ERROR_PROTOCOL, else the plugin's */
  const char *result; /* (nullable) what the call returned, as run_request writes it */
} ReplyCase;

static const ReplyCase cases[] = {
  { "list/ok", LIST, "{'audiobridge': 'success', 'list': [{'room': 12, 'description': 'a', 'num_participants': 2, 'sampling_rate': 16000, 'pin_required': true}]}", NULL, 0, "12:a:2:16000:pin" },
  { "list/not-array", LIST, "{'audiobridge': 'success', 'list': {'room': 12}}", "“list”" },
  { "list/missing", LIST, "{'audiobridge': 'success'}", "“list”" },
  { "list/entries", LIST, "{'audiobridge': 'success', 'list': [5, 'x', null, {'room': 1.5}, {'room': -3}, {'room': 9007199254740992}, {'description': 'no id'}, {'room': 14, 'num_participants': '2'}, {'room': 'lobby', 'description': 'ok'}, {'room': 13}]}", NULL, 0, "lobby:ok:0:0:-,13:-:0:0:-" },
  { "list/kind-event", LIST, "{'audiobridge': 'event', 'list': []}", "answered “event”" },
  { "list/kind-number", LIST, "{'audiobridge': 5, 'list': []}", "answered “nothing”" },
  { "list/error", LIST, "{'audiobridge': 'event', 'error_code': 485, 'error': 'No such room'}", "No such room", 485 },
  { "list/error-code-string", LIST, "{'audiobridge': 'event', 'error_code': '485'}", "error_code" },
  { "participants/ok", PARTICIPANTS, "{'audiobridge': 'participants', 'room': 12, 'participants': [{'id': 5, 'display': 'A', 'muted': true, 'setup': true, 'talking': false}, {'id': 6}]}", NULL, 0, "5:A:muted:setup,6:-::" },
  { "participants/kind-success", PARTICIPANTS, "{'audiobridge': 'success', 'participants': []}", "answered “success”" },
  { "participants/not-array", PARTICIPANTS, "{'audiobridge': 'participants', 'participants': 'all'}", "“participants”" },
  { "participants/entries", PARTICIPANTS, "{'audiobridge': 'participants', 'room': 12, 'participants': [1, {'display': 'noid'}, {'id': 'str'}, {'id': 9007199254740993}, {'id': 7, 'muted': 'yes'}, {'id': 8, 'display': 9}, {'id': 9, 'display': 'ok'}]}", NULL, 0, "9:ok::" },
  { "exists/ok", EXISTS, "{'audiobridge': 'success', 'room': 12, 'exists': false}", NULL, 0, "false" },
  { "exists/string", EXISTS, "{'audiobridge': 'success', 'exists': 'yes'}", "“exists”" },
  { "create/ok", CREATE, "{'audiobridge': 'created', 'room': 12, 'permanent': false}", NULL, 0, "12" },
  { "create/string-id", CREATE, "{'audiobridge': 'created', 'room': 'lobby'}", NULL, 0, "lobby" },
  { "create/room-2^53", CREATE, "{'audiobridge': 'created', 'room': 9007199254740992}", "“room”" },
  { "create/room-missing", CREATE, "{'audiobridge': 'created'}", "“room”" },
  { "create/kind-success", CREATE, "{'audiobridge': 'success', 'room': 12}", "answered “success”" },
  { "forward/ok", FORWARD, "{'audiobridge': 'success', 'room': 12, 'stream_id': 77, 'host': '127.0.0.1', 'port': 5000}", NULL, 0, "77" },
  { "forward/stream-string", FORWARD, "{'audiobridge': 'success', 'stream_id': '77'}", "“stream_id”" },
  { "forward/stream-big", FORWARD, "{'audiobridge': 'success', 'stream_id': 9007199254740993}", "“stream_id”" },
  { "forwarders/ok", FORWARDERS, "{'audiobridge': 'forwarders', 'room': 12, 'rtp_forwarders': [{'stream_id': 3, 'ip': '10.0.0.1', 'port': 5002, 'codec': 'opus', 'srtp': true}]}", NULL, 0, "3:10.0.0.1:5002:opus:srtp" },
  { "forwarders/entries", FORWARDERS, "{'audiobridge': 'forwarders', 'rtp_forwarders': [1, {'ip': 'x'}, {'stream_id': -1}, {'stream_id': 4, 'port': 70000}, {'stream_id': 5, 'ip': 6}, {'stream_id': 6}]}", NULL, 0, "6:-:0:-:-" },
  { "forwarders/missing", FORWARDERS, "{'audiobridge': 'forwarders', 'forwarders': []}", "“rtp_forwarders”" },
  { "play/ok", PLAY, "{'audiobridge': 'success', 'room': 12, 'file_id': 'f1'}", NULL, 0, "f1" },
  { "play/file-id-number", PLAY, "{'audiobridge': 'success', 'file_id': 1}", "“file_id”" },
  { "join/ok", JOIN, "{'audiobridge': 'joined', 'room': 12, 'id': 5, 'participants': [{'id': 6, 'display': 'B'}]}", NULL, 0, "5[6]" },
  { "join/id-missing", JOIN, "{'audiobridge': 'joined', 'room': 12}", "participant “id”" },
  { "join/id-2^53", JOIN, "{'audiobridge': 'joined', 'room': 12, 'id': 9007199254740992}", "participant “id”" },
  { "join/id-kind", JOIN, "{'audiobridge': 'joined', 'room': 12, 'id': 'five'}", "participant “id”" },
  { "join/room-missing", JOIN, "{'audiobridge': 'joined', 'id': 5}", "“room”" },
  { "join/participants-object", JOIN, "{'audiobridge': 'joined', 'room': 12, 'id': 5, 'participants': {}}", "“participants”" },
  { "join/bad-entries", JOIN, "{'audiobridge': 'joined', 'room': 12, 'id': 5, 'participants': [7, {'id': 'x'}, {'id': 8}]}", NULL, 0, "5[8]" },
  { "join/kind-event", JOIN, "{'audiobridge': 'event', 'room': 12, 'id': 5}", "answered “event”" },
  { "join/error", JOIN, "{'audiobridge': 'event', 'error_code': 489, 'error': 'Unauthorized (wrong pin)'}", "wrong pin", 489 },
  { "configure/ok", CONFIGURE, "{'audiobridge': 'event', 'result': 'ok'}", NULL, 0, "ok" },
  { "configure/no-result", CONFIGURE, "{'audiobridge': 'event'}", "“result”" },
  { "configure/result-number", CONFIGURE, "{'audiobridge': 'event', 'result': 1}", "“result”" },
};

typedef struct
{
  FakeJanus *fake;
  JcClient *client;
  JcSession *session;
  JcAudioBridge *ab;
  char *reply; /* (owned) (nullable) plugin data for every message */
  char *jsep;  /* (owned) (nullable) a JSEP for the reply */
  GPtrArray *errors;
  GString *log;
} Hostile;

static gboolean
hostile_hook (FakeJanus *fake, SoupWebsocketConnection *conn, JsonObject *request, gpointer user_data)
{
  Hostile *h = user_data;
  g_autofree char *extra = NULL;

  if (g_strcmp0 (jc_json_lookup_string (request, "janus"), "message") != 0 || h->reply == NULL)
    return FALSE;
  extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}%s%s}", JC_AUDIO_BRIDGE_PLUGIN, h->reply,
                           h->jsep != NULL ? ", \"jsep\": " : "", h->jsep != NULL ? h->jsep : "");
  fake_janus_reply (fake, request, "success", extra);
  return TRUE;
}

static void
on_hostile_error (JcAudioBridge *ab, GError *error, Hostile *h)
{
  g_ptr_array_add (h->errors, g_error_copy (error));
}

static void
hostile_participant (JcAudioBridge *ab, JcAudioBridgeParticipant *p, Hostile *h)
{
  log_participant (h->log, "p", p);
}

static void
hostile_id (JcAudioBridge *ab, const JcId *id, Hostile *h)
{
  log_id (h->log, "id", id);
}

static void
hostile_talking (JcAudioBridge *ab, const JcId *id, gboolean talking, Hostile *h)
{
  log_id (h->log, talking ? "talking" : "stopped", id);
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
  h->ab = attach (h->session);
  h->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  h->log = g_string_new (NULL);
  g_signal_connect (h->ab, "error", G_CALLBACK (on_hostile_error), h);
  g_signal_connect (h->ab, "participant-joined", G_CALLBACK (hostile_participant), h);
  g_signal_connect (h->ab, "participant-updated", G_CALLBACK (hostile_participant), h);
  g_signal_connect (h->ab, "participant-left", G_CALLBACK (hostile_id), h);
  g_signal_connect (h->ab, "kicked", G_CALLBACK (hostile_id), h);
  g_signal_connect (h->ab, "destroyed", G_CALLBACK (hostile_id), h);
  g_signal_connect (h->ab, "talking", G_CALLBACK (hostile_talking), h);
}

static void
hostile_teardown (Hostile *h, gconstpointer data)
{
  g_signal_handlers_disconnect_by_data (h->ab, h);
  g_clear_object (&h->ab);
  g_clear_object (&h->session);
  g_clear_object (&h->client);
  g_clear_pointer (&h->fake, fake_janus_free);
  g_clear_pointer (&h->reply, g_free);
  g_clear_pointer (&h->jsep, g_free);
  g_ptr_array_unref (h->errors);
  g_string_free (h->log, TRUE);
}

static void
append_id (GString *out, const JcId *id)
{
  g_autofree char *text = jc_id_to_string (id);

  g_string_append (out, text);
}

static char *
run_request (Hostile *h, Request request, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) array = NULL;
  g_autoptr (JcId) room = jc_id_new_number (12);
  g_autoptr (JcId) id = NULL;
  g_autofree char *text = NULL;
  GString *out = g_string_new (NULL);
  gboolean ok = FALSE, flag = FALSE;
  guint n;

  switch (request)
    {
    case LIST:
      jc_audio_bridge_list_async (h->ab, NULL, CB);
      result = WAIT_RESULT ();
      array = jc_audio_bridge_list_finish (h->ab, result, error);
      for (guint i = 0; array != NULL && i < array->len; i++)
        {
          JcAudioBridgeRoomInfo *info = g_ptr_array_index (array, i);
          const char *d = jc_audio_bridge_room_info_get_description (info);

          if (i > 0)
            g_string_append_c (out, ',');
          append_id (out, jc_audio_bridge_room_info_get_room (info));
          g_string_append_printf (out, ":%s:%u:%u:%s", d != NULL ? d : "-", jc_audio_bridge_room_info_get_num_participants (info),
                                  jc_audio_bridge_room_info_get_sampling_rate (info),
                                  jc_audio_bridge_room_info_is_pin_required (info) ? "pin" : "-");
        }
      ok = array != NULL;
      break;
    case PARTICIPANTS:
      jc_audio_bridge_list_participants_async (h->ab, room, NULL, CB);
      result = WAIT_RESULT ();
      array = jc_audio_bridge_list_participants_finish (h->ab, result, error);
      for (guint i = 0; array != NULL && i < array->len; i++)
        {
          JcAudioBridgeParticipant *p = g_ptr_array_index (array, i);
          const char *d = jc_audio_bridge_participant_get_display (p);

          if (i > 0)
            g_string_append_c (out, ',');
          append_id (out, jc_audio_bridge_participant_get_id (p));
          g_string_append_printf (out, ":%s:%s:%s", d != NULL ? d : "-", jc_audio_bridge_participant_is_muted (p) ? "muted" : "",
                                  jc_audio_bridge_participant_is_setup (p) ? "setup" : "");
        }
      ok = array != NULL;
      break;
    case EXISTS:
      jc_audio_bridge_exists_async (h->ab, room, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_audio_bridge_exists_finish (h->ab, result, &flag, error);
      g_string_append (out, flag ? "true" : "false");
      break;
    case CREATE:
      jc_audio_bridge_create_async (h->ab, NULL, NULL, NULL, CB);
      result = WAIT_RESULT ();
      id = jc_audio_bridge_create_finish (h->ab, result, error);
      if ((ok = id != NULL))
        append_id (out, id);
      break;
    case FORWARD:
      jc_audio_bridge_rtp_forward_async (h->ab, room, "127.0.0.1", 5000, NULL, NULL, CB);
      result = WAIT_RESULT ();
      n = jc_audio_bridge_rtp_forward_finish (h->ab, result, error);
      g_string_append_printf (out, "%u", n);
      ok = n != 0;
      break;
    case FORWARDERS:
      jc_audio_bridge_list_forwarders_async (h->ab, room, NULL, NULL, CB);
      result = WAIT_RESULT ();
      array = jc_audio_bridge_list_forwarders_finish (h->ab, result, error);
      for (guint i = 0; array != NULL && i < array->len; i++)
        {
          JcAudioBridgeForwarder *fwd = g_ptr_array_index (array, i);
          const char *host = jc_audio_bridge_forwarder_get_host (fwd);
          const char *codec = jc_audio_bridge_forwarder_get_codec (fwd);

          g_string_append_printf (out, "%s%u:%s:%u:%s:%s", i > 0 ? "," : "", jc_audio_bridge_forwarder_get_stream_id (fwd),
                                  host != NULL ? host : "-", jc_audio_bridge_forwarder_get_port (fwd), codec != NULL ? codec : "-",
                                  jc_audio_bridge_forwarder_is_srtp (fwd) ? "srtp" : "-");
        }
      ok = array != NULL;
      break;
    case PLAY:
      jc_audio_bridge_play_file_async (h->ab, room, "/x.opus", NULL, FALSE, NULL, NULL, CB);
      result = WAIT_RESULT ();
      text = jc_audio_bridge_play_file_finish (h->ab, result, error);
      if ((ok = text != NULL))
        g_string_append (out, text);
      break;
    case JOIN:
      jc_audio_bridge_join_async (h->ab, room, NULL, NULL, NULL, CB);
      result = WAIT_RESULT ();
      id = jc_audio_bridge_join_finish (h->ab, result, NULL, error);
      if ((ok = id != NULL))
        {
          g_autoptr (GPtrArray) others = jc_audio_bridge_get_participants (h->ab);

          append_id (out, id);
          g_string_append_c (out, '[');
          for (guint i = 0; i < others->len; i++)
            append_id (out, jc_audio_bridge_participant_get_id (g_ptr_array_index (others, i)));
          g_string_append_c (out, ']');
        }
      break;
    case CONFIGURE:
      jc_audio_bridge_configure_async (h->ab, NULL, NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_audio_bridge_configure_finish (h->ab, result, NULL, error);
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

  h->reply = g_strdelimit (g_strdup (c->data), "'", '"');
  got = run_request (h, c->request, &error);
  if (c->error != NULL)
    {
      g_assert_null (got);
      g_assert_nonnull (error);
      if (c->code == 0)
        g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      else
        g_assert_error (error, JC_PLUGIN_ERROR, c->code);
      if (strstr (error->message, c->error) == NULL)
        g_error ("“%s” not in the error message “%s”", c->error, error->message);
      /* A failed join changes nothing. */
      g_assert_null (jc_audio_bridge_get_room (h->ab));
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, c->result);
    }

  /* The handle still works. */
  g_free (h->reply);
  h->reply = g_strdup ("{\"audiobridge\": \"success\", \"room\": 12, \"exists\": true}");
  after = run_request (h, EXISTS, &after_error);
  g_assert_no_error (after_error);
  g_assert_cmpstr (after, ==, "true");
}

/* A JSEP that is not an answer, or not SDP at all, fails the join. */
static void
test_hostile_join_jsep (Hostile *h, gconstpointer data)
{
  static const char *const jseps[] = {
    "{\"type\": \"answer\", \"sdp\": \"garbage\"}",
    "{\"type\": \"offer\", \"sdp\": \"v=0\\r\\n\"}",
    "{\"type\": 5}",
  };

  h->reply = g_strdup ("{\"audiobridge\": \"joined\", \"room\": 12, \"id\": 5}");
  for (gsize i = 0; i < G_N_ELEMENTS (jseps); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *got = NULL;

      g_free (h->jsep);
      h->jsep = g_strdup (jseps[i]);
      got = run_request (h, JOIN, &error);
      g_assert_null (got);
      g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, "AudioBridge sent"));
      g_assert_null (jc_audio_bridge_get_room (h->ab));
    }
}

/* What goes out: the body of each typed request. */
static void
test_hostile_bodies (Hostile *h, gconstpointer data)
{
  static const struct
  {
    Request request;
    const char *body;
  } expected[] = {
    { LIST, "{\"request\":\"list\"}" },
    { PARTICIPANTS, "{\"request\":\"listparticipants\",\"room\":12}" },
    { EXISTS, "{\"request\":\"exists\",\"room\":12}" },
    { CREATE, "{\"request\":\"create\"}" },
    { FORWARD, "{\"request\":\"rtp_forward\",\"port\":5000,\"host\":\"127.0.0.1\",\"room\":12}" },
    { FORWARDERS, "{\"request\":\"listforwarders\",\"room\":12}" },
    { PLAY, "{\"request\":\"play_file\",\"filename\":\"/x.opus\",\"loop\":false,\"room\":12}" },
    { JOIN, "{\"request\":\"join\",\"room\":12}" },
    { CONFIGURE, "{\"request\":\"configure\"}" },
  };

  h->reply = g_strdup ("{\"audiobridge\": \"event\", \"error_code\": 499, \"error\": \"scripted\"}");
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *got = NULL;
      g_autofree char *text = NULL;
      JsonObject *message;
      JsonObject *body = NULL;

      got = run_request (h, expected[i].request, &error);
      g_assert_null (got);
      g_assert_error (error, JC_PLUGIN_ERROR, JC_AUDIO_BRIDGE_ERROR_UNKNOWN);
      message = fake_janus_last_request (h->fake, "message");
      g_assert_nonnull (message);
      g_assert_true (jc_json_get_object (message, "body", &body, NULL));
      text = jc_json_to_string (body);
      g_assert_cmpstr (text, ==, expected[i].body);
    }
}

/* Hostile events: pushed by the fake Janus to a handle in room 12 (id 5,
 * with participant 6 there). Each malformed one is one "error", and
 * changes nothing. */
static void
push_event (Hostile *h, const char *data, const char *jsep)
{
  g_autofree char *quoted = g_strdelimit (g_strdup (data), "'", '"');
  g_autofree char *extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}%s%s}", JC_AUDIO_BRIDGE_PLUGIN, quoted,
                                            jsep != NULL ? ", \"jsep\": " : "", jsep != NULL ? jsep : "");

  fake_janus_push (h->fake, "event", jc_session_get_id (h->session), jc_handle_get_id (JC_HANDLE (h->ab)), extra);
}

/* A request answered by the fake after everything pushed before it. */
static void
roundtrip (Hostile *h)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;

  g_free (h->reply);
  h->reply = g_strdup ("{\"audiobridge\": \"success\", \"room\": 12, \"exists\": true}");
  got = run_request (h, EXISTS, &error);
  g_assert_no_error (error);
}

static void
test_hostile_events (Hostile *h, gconstpointer data)
{
  static const struct
  {
    const char *data;
    const char *jsep;
    const char *error; /* in the message */
  } bad[] = {
    { "{'audiobridge': 5}", NULL, "no “audiobridge” string" },
    { "{'room': 12}", NULL, "no “audiobridge” string" },
    { "{'audiobridge': 'event', 'error_code': '485'}", NULL, "“error_code” is not a positive integer" },
    { "{'audiobridge': 'event', 'error_code': -1}", NULL, "“error_code” is not a positive integer" },
    { "{'audiobridge': 'event', 'room': 12, 'participants': {'id': 8}}", NULL, "“participants” is not an array" },
    { "{'audiobridge': 'event', 'room': 12, 'participants': [5, 'x']}", NULL, "participant 0 is not an object" },
    { "{'audiobridge': 'joined', 'room': 12, 'participants': [{'id': 9007199254740993, 'display': 'big'}]}", NULL, "“id” is not a valid participant id" },
    { "{'audiobridge': 'joined', 'room': 12, 'participants': [{'display': 'noid'}]}", NULL, "no participant “id”" },
    { "{'audiobridge': 'joined', 'room': 12, 'participants': [{'id': 'seven'}]}", NULL, "“id” is not a valid participant id" },
    { "{'audiobridge': 'event', 'room': 12, 'participants': [{'id': 6, 'muted': 'yes'}]}", NULL, "“muted” is not a boolean" },
    { "{'audiobridge': 'event', 'room': 12, 'participants': [{'id': 6, 'display': ['x']}]}", NULL, "“display” is not a string" },
    { "{'audiobridge': 'event', 'room': 12, 'leaving': 'six'}", NULL, "“leaving” is not a valid participant id" },
    { "{'audiobridge': 'event', 'room': 12, 'leaving': 9007199254740992}", NULL, "“leaving” is not a valid participant id" },
    { "{'audiobridge': 'event', 'room': 12, 'kicked': 1.5}", NULL, "“kicked” is not a valid participant id" },
    { "{'audiobridge': 'talking', 'room': 12}", NULL, "no participant “id”" },
    { "{'audiobridge': 'stopped-talking', 'room': 12, 'id': {}}", NULL, "“id” is not a valid participant id" },
    { "{'audiobridge': 'announcement-started', 'room': 12, 'file_id': 5}", NULL, "“file_id”" },
    { "{'audiobridge': 'destroyed', 'room': -4}", NULL, "“room” is not a valid room id" },
    { "{'audiobridge': 'event', 'room': 12, 'muted': 'yes'}", NULL, "“muted” is not a boolean" },
    { "{'audiobridge': 'event', 'room': 12, 'kicked_all': [5]}", NULL, "“kicked_all” is not a valid participant id" },
    { "{'audiobridge': 'event', 'room': 12, 'participants': []}", "{\"type\": \"offer\", \"sdp\": \"garbage\"}", "AudioBridge sent" },
    { "{'audiobridge': 'event', 'room': 12, 'participants': []}", "{\"type\": 3}", "AudioBridge sent" },
  };
  static const char *const ignored[] = {
    "{'audiobridge': 'event', 'room': 99, 'leaving': 6}",     /* another room */
    "{'audiobridge': 'event', 'room': 'lobby', 'kicked': 5}", /* another room */
    "{'audiobridge': 'future', 'room': 12}",                  /* unknown: ignored */
    "{'audiobridge': 'event', 'room': 12}",                   /* nothing we know */
  };
  g_autoptr (GPtrArray) others = NULL;
  g_autofree char *joined = NULL;

  /* Join room 12 as 5, with 6 there. */
  h->reply = g_strdup ("{\"audiobridge\": \"joined\", \"room\": 12, \"id\": 5, \"participants\": [{\"id\": 6, \"display\": \"B\"}]}");
  joined = run_request (h, JOIN, NULL);
  g_assert_cmpstr (joined, ==, "5[6]");

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    push_event (h, bad[i].data, bad[i].jsep);
  for (gsize i = 0; i < G_N_ELEMENTS (ignored); i++)
    push_event (h, ignored[i], NULL);
  roundtrip (h);
  g_assert_cmpuint (h->errors->len, ==, G_N_ELEMENTS (bad));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *e = g_ptr_array_index (h->errors, i);

      if (strstr (e->message, bad[i].error) == NULL)
        g_error ("event %" G_GSIZE_FORMAT ": “%s” not in “%s”", i, bad[i].error, e->message);
      g_assert_true (e->domain == JC_ERROR || e->domain == JC_PLUGIN_ERROR);
    }
  /* Dropped: nothing was told, nothing changed. */
  g_assert_cmpstr (h->log->str, ==, "");
  others = jc_audio_bridge_get_participants (h->ab);
  g_assert_cmpuint (others->len, ==, 1);
  g_assert_nonnull (jc_audio_bridge_get_room (h->ab));

  /* An error event of the plugin is told with its code. */
  push_event (h, "{'audiobridge': 'event', 'error_code': 487, 'error': 'Not joined'}", NULL);
  roundtrip (h);
  {
    GError *last = g_ptr_array_index (h->errors, h->errors->len - 1);

    g_assert_error (last, JC_PLUGIN_ERROR, JC_AUDIO_BRIDGE_ERROR_NOT_JOINED);
  }

  /* Well-formed events still work. */
  push_event (h, "{'audiobridge': 'joined', 'room': 12, 'participants': [{'id': 7, 'display': 'C', 'setup': false, 'muted': false}]}", NULL);
  push_event (h, "{'audiobridge': 'event', 'room': 12, 'participants': [{'id': 7, 'display': 'C', 'setup': true, 'muted': true}]}", NULL);
  push_event (h, "{'audiobridge': 'talking', 'room': 12, 'id': 7}", NULL);
  push_event (h, "{'audiobridge': 'stopped-talking', 'room': 12, 'id': 7}", NULL);
  push_event (h, "{'audiobridge': 'event', 'room': 12, 'leaving': 6}", NULL);
  push_event (h, "{'audiobridge': 'event', 'room': 12, 'kicked_all': 7}", NULL);
  push_event (h, "{'audiobridge': 'event', 'room': 12, 'kicked': 5}", NULL);
  push_event (h, "{'audiobridge': 'destroyed', 'room': 12}", NULL);
  roundtrip (h);
  g_assert_cmpstr (h->log->str, ==, "p(7:C);p(7:C,muted);talking(7);stopped(7);id(6);id(7);id(5);id(12);");
  g_assert_null (jc_audio_bridge_get_room (h->ab));
  g_assert_null (jc_audio_bridge_get_participant_id (h->ab));
}

/* Janus takes a participant whose PeerConnection closed out of the room
 * and tells only the others: the core's hangup is our "left". */
static void
test_hostile_hangup (Hostile *h, gconstpointer data)
{
  g_autofree char *joined = NULL;

  h->reply = g_strdup ("{\"audiobridge\": \"joined\", \"room\": 12, \"id\": 5, \"participants\": [{\"id\": 6}]}");
  joined = run_request (h, JOIN, NULL);
  g_assert_cmpstr (joined, ==, "5[6]");
  g_signal_connect (h->ab, "left", G_CALLBACK (hostile_id), h);
  fake_janus_push (h->fake, "hangup", jc_session_get_id (h->session), jc_handle_get_id (JC_HANDLE (h->ab)), "{\"reason\": \"DTLS alert\"}");
  roundtrip (h);
  g_assert_cmpstr (h->log->str, ==, "id(12);");
  g_assert_null (jc_audio_bridge_get_room (h->ab));
  /* A second hangup: nothing more. */
  fake_janus_push (h->fake, "hangup", jc_session_get_id (h->session), jc_handle_get_id (JC_HANDLE (h->ab)), "{\"reason\": \"again\"}");
  roundtrip (h);
  g_assert_cmpstr (h->log->str, ==, "id(12);");
  g_assert_cmpuint (h->errors->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int ret;

  /* The fake Janus: no GSettings schemas, no proxy for 127.0.0.1. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_plugin_config (janus, JC_AUDIO_BRIDGE_PLUGIN,
                                    "  admin_key = \"" ADMIN_KEY "\"\n  lock_rtp_forward = true\n  lock_play_file = true");
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);

  g_test_add_func ("/audiobridge/request-fields", test_request_fields);
#define ADD(path, func) g_test_add ("/audiobridge/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("admin/create-edit-destroy", test_create_edit_destroy);
  ADD ("admin/participants", test_participants);
  ADD ("admin/forwarders", test_forwarders);
  ADD ("admin/play-file", test_play_file);
  ADD ("admin/unknown-requests", test_unknown_requests);
#undef ADD
  g_test_add_func ("/audiobridge/cli", test_cli);
  g_test_add ("/audiobridge/hostile/bodies", Hostile, NULL, hostile_setup, test_hostile_bodies, hostile_teardown);
  g_test_add ("/audiobridge/hostile/join-jsep", Hostile, NULL, hostile_setup, test_hostile_join_jsep, hostile_teardown);
  g_test_add ("/audiobridge/hostile/events", Hostile, NULL, hostile_setup, test_hostile_events, hostile_teardown);
  g_test_add ("/audiobridge/hostile/hangup", Hostile, NULL, hostile_setup, test_hostile_hangup, hostile_teardown);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/audiobridge/hostile/reply/%s", cases[i].name);

      g_test_add (path, Hostile, &cases[i], hostile_setup, test_hostile_reply, hostile_teardown);
    }

  ret = g_test_run ();
  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  return ret;
}

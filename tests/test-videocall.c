/* test-videocall.c: the VideoCall plugin against a private Janus in a
 * network namespace: two sessions register, one calls, the other accepts
 * from its incoming-call handler; media both ways, `set`, hangup; the
 * plugin's errors; hostile events; the CLI's videocall commands
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "jc-local-janus.h"
#include "jc-test-media.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;
static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

typedef struct
{
  JcClient *client;
  JcSession *session;
  JcVideoCall *call;
  JcPeer *peer;
  char *name;
  guint incoming;
  guint accepted;
  guint hung_up;
  guint configured;
  guint errors;
  char *hangup_reason;
  gint64 webrtcup_us;
} User;

static void
on_error (JcVideoCall *call, GError *error, User *user)
{
  g_test_message ("%s: VideoCall error: %s", user->name, error->message);
  user->errors++;
}

static void
on_accepted_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jc_video_call_accept_finish (JC_VIDEO_CALL (source), result, &error));
  g_assert_no_error (error);
}

/* Answers from the signal handler: the async accept starts, the handler
 * returns, the event path goes on. */
static void
on_incoming_call (JcVideoCall *call, const char *caller, JsonObject *offer, User *user)
{
  g_assert_nonnull (caller);
  g_assert_nonnull (offer);
  user->incoming++;
  g_assert_cmpint (jc_video_call_get_state (call), ==, JC_VIDEO_CALL_STATE_INCOMING);
  jc_video_call_accept_async (call, NULL, NULL, on_accepted_done, user);
}

static void
on_accepted (JcVideoCall *call, const char *username, JsonObject *answer, User *user)
{
  user->accepted++;
}

static void
on_hung_up (JcVideoCall *call, const char *username, const char *reason, User *user)
{
  user->hung_up++;
  g_free (user->hangup_reason);
  user->hangup_reason = g_strdup (reason);
}

static void
on_configured (JcVideoCall *call, User *user)
{
  user->configured++;
}

static void
on_webrtcup (JcHandle *handle, User *user)
{
  if (user->webrtcup_us == 0)
    user->webrtcup_us = g_get_monotonic_time ();
}

/* A new peer sending the test pattern (and the old one stopped). */
static void
user_set_media (User *user)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcMediaSource) source = jc_media_source_new ("test", &error);
  g_autoptr (JcMediaSink) sink = jc_media_sink_new ("null", &error);

  g_assert_no_error (error);
  if (user->peer != NULL)
    {
      /* Janus keeps the failed offer's ICE state until a hangup. */
      g_autoptr (GAsyncResult) result = NULL;

      jc_test_peer_stop (user->peer);
      jc_handle_hangup_async (JC_HANDLE (user->call), NULL, CB);
      result = WAIT_RESULT ();
      jc_handle_hangup_finish (JC_HANDLE (user->call), result, NULL);
    }
  g_clear_object (&user->peer);
  user->peer = jc_test_peer_new (janus, JC_HANDLE (user->call));
  jc_peer_set_source (user->peer, source);
  jc_peer_set_sink (user->peer, sink);
  jc_video_call_set_peer (user->call, user->peer);
}

static void
user_init (User *user, const char *name, gboolean with_media)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  memset (user, 0, sizeof *user);
  user->name = g_strdup (name);
  user->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  user->session = jc_test_create_session (user->client, &error);
  g_assert_no_error (error);
  jc_video_call_attach_async (user->session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  user->call = jc_video_call_attach_finish (result, &error);
  g_assert_no_error (error);
  g_signal_connect (user->call, "error", G_CALLBACK (on_error), user);
  g_signal_connect (user->call, "incoming-call", G_CALLBACK (on_incoming_call), user);
  g_signal_connect (user->call, "accepted", G_CALLBACK (on_accepted), user);
  g_signal_connect (user->call, "hung-up", G_CALLBACK (on_hung_up), user);
  g_signal_connect (user->call, "configured", G_CALLBACK (on_configured), user);
  g_signal_connect (user->call, "webrtcup", G_CALLBACK (on_webrtcup), user);
  if (with_media)
    user_set_media (user);
}

static void
user_clear (User *user)
{
  if (user->peer != NULL)
    jc_test_peer_stop (user->peer);
  g_clear_object (&user->peer);
  if (user->call != NULL)
    g_assert_true (jc_test_detach (JC_HANDLE (user->call), NULL));
  g_clear_object (&user->call);
  if (user->session != NULL)
    jc_test_destroy (user->session, NULL);
  g_clear_object (&user->session);
  g_clear_object (&user->client);
  g_free (user->name);
  g_free (user->hangup_reason);
}

/* The handle owns its peer and the peer its handle until the handle is
 * detached: then both go once we drop ours (they used to keep each other
 * alive). Only for users whose call no pending result holds. */
static void
user_clear_finalized (User *user)
{
  gpointer peer = user->peer, call = user->call;

  g_assert_nonnull (peer);
  g_object_add_weak_pointer (peer, &peer);
  g_object_add_weak_pointer (call, &call);
  user_clear (user);
  JC_TEST_WAIT_UNTIL_TIMEOUT (call == NULL && peer == NULL, 5);
}

static void
register_user (User *user, const char *username)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  jc_video_call_register_async (user->call, username, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_call_register_finish (user->call, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jc_video_call_get_username (user->call), ==, username);
}

/* The VideoCall state Janus reports for @user's handle (Admin API). */
static JsonObject *
plugin_state (User *user)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcAdmin) admin = jc_admin_new_for_uri (jc_local_janus_get_admin_http_uri (janus),
                                                    jc_local_janus_get_admin_secret (janus), &error);
  g_autoptr (JsonObject) info = NULL;

  g_assert_no_error (error);
  jc_admin_connect_async (admin, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_admin_connect_finish (admin, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_admin_handle_info_async (admin, jc_session_get_id (user->session), jc_handle_get_id (JC_HANDLE (user->call)), FALSE,
                              NULL, CB);
  result = WAIT_RESULT ();
  info = jc_admin_handle_info_finish (admin, result, &error);
  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (info, "plugin_specific"));
}

static char *
unique (const char *base)
{
  return g_strdup_printf ("%s-%u", base, g_random_int ());
}

/* Frames (video) or buffers (audio) received on every track of @kind. */
static gint64
received (JcPeer *peer, const char *kind)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);
  gint64 total = 0;

  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);

      if (g_strcmp0 (json_object_get_string_member (track, "direction"), "received") == 0 &&
          g_strcmp0 (json_object_get_string_member (track, "kind"), kind) == 0)
        total += json_object_get_int_member (track, "frames");
    }
  return total;
}

static void
test_call (void)
{
  User alice, bob;
  g_autofree char *a = unique ("alice");
  g_autofree char *b = unique ("bob");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start, a_video, b_video, a_audio, b_audio;

  user_init (&alice, "alice", TRUE);
  user_init (&bob, "bob", TRUE);
  register_user (&alice, a);
  register_user (&bob, b);

  /* list shows both */
  {
    g_auto (GStrv) users = NULL;

    jc_video_call_list_async (alice.call, NULL, CB);
    result = WAIT_RESULT ();
    users = jc_video_call_list_finish (alice.call, result, &error);
    g_assert_no_error (error);
    g_assert_true (g_strv_contains ((const char *const *) users, a));
    g_assert_true (g_strv_contains ((const char *const *) users, b));
    g_clear_object (&result);
  }

  start = g_get_monotonic_time ();
  jc_video_call_call_async (alice.call, b, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_call_call_finish (alice.call, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (jc_video_call_get_peer_username (alice.call), ==, b);

  JC_TEST_WAIT_UNTIL_TIMEOUT (alice.accepted == 1 && bob.accepted == 1, 15);
  g_assert_cmpuint (bob.incoming, ==, 1);
  g_assert_cmpstr (jc_video_call_get_peer_username (bob.call), ==, a);
  g_assert_cmpint (jc_video_call_get_state (alice.call), ==, JC_VIDEO_CALL_STATE_IN_CALL);
  g_assert_cmpint (jc_video_call_get_state (bob.call), ==, JC_VIDEO_CALL_STATE_IN_CALL);
  JC_TEST_WAIT_UNTIL_TIMEOUT (alice.webrtcup_us != 0 && bob.webrtcup_us != 0, 15);
  g_test_message ("call → webrtcup: caller %.0f ms, callee %.0f ms", (alice.webrtcup_us - start) / 1000.0,
                  (bob.webrtcup_us - start) / 1000.0);

  /* Media both ways: each side receives the other's video and audio. */
  JC_TEST_WAIT_UNTIL_TIMEOUT (received (alice.peer, "video") > 0 && received (bob.peer, "video") > 0, 20);
  g_test_message ("call → first video frame both ways: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  JC_TEST_WAIT_UNTIL_TIMEOUT (received (alice.peer, "video") > 30 && received (bob.peer, "video") > 30 &&
                                  received (alice.peer, "audio") > 50 && received (bob.peer, "audio") > 50,
                              20);

  /* set: a bitrate cap, answered with the set event */
  {
    g_autoptr (JcVideoCallRequest) request = jc_video_call_request_new ();

    jc_video_call_request_set_bitrate (request, 128000);
    jc_video_call_set_async (alice.call, request, NULL, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_video_call_set_finish (alice.call, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_cmpuint (alice.configured, ==, 1);
  }
  /* set with record + filename: Janus records what alice sends, one MJR
   * file per medium, which janus-pp-rec turns into playable files. */
  {
    g_autoptr (JcVideoCallRequest) request = jc_video_call_request_new ();
    g_autoptr (JcVideoCallRequest) stop = jc_video_call_request_new ();
    g_autofree char *dir = g_dir_make_tmp ("jc-videocall-rec-XXXXXX", &error);
    g_autofree char *base = g_build_filename (dir, "alice", NULL);
    g_autofree char *video_mjr = g_strconcat (base, "-video.mjr", NULL);
    g_autofree char *audio_mjr = g_strconcat (base, "-audio.mjr", NULL);
    g_autofree char *video_out = g_strconcat (base, "-video.webm", NULL);
    g_autofree char *audio_out = g_strconcat (base, "-audio.opus", NULL);

    g_assert_no_error (error);
    jc_video_call_request_set_record (request, TRUE, base);
    jc_video_call_set_async (alice.call, request, NULL, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_video_call_set_finish (alice.call, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    jc_test_run_for (3000);
    jc_video_call_request_set_record (stop, FALSE, NULL);
    jc_video_call_set_async (alice.call, stop, NULL, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_video_call_set_finish (alice.call, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    jc_test_run_for (300);
    g_assert_true (g_file_test (video_mjr, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (audio_mjr, G_FILE_TEST_EXISTS));
    jc_test_post_process_mjr (video_mjr, video_out);
    jc_test_post_process_mjr (audio_mjr, audio_out);
    jc_test_check_media_file (video_out, "video/x-vp8", 2.0);
    jc_test_check_media_file (audio_out, "audio/x-opus", 2.0);
    jc_test_remove_tree (dir);
  }

  /* Janus applied it: its state for alice's handle says so. */
  {
    g_autoptr (JsonObject) state = plugin_state (&alice);

    g_assert_cmpstr (json_object_get_string_member (state, "state"), ==, "incall");
    g_assert_cmpstr (json_object_get_string_member (state, "peer"), ==, b);
    g_assert_cmpint (json_object_get_int_member (state, "bitrate"), ==, 128000);
  }
  jc_test_run_for (1500);
  a_video = received (alice.peer, "video");
  b_video = received (bob.peer, "video");
  a_audio = received (alice.peer, "audio");
  b_audio = received (bob.peer, "audio");
  g_test_message ("frames after %.1f s: alice got %" G_GINT64_FORMAT " video / %" G_GINT64_FORMAT
                  " audio, bob got %" G_GINT64_FORMAT " video / %" G_GINT64_FORMAT " audio",
                  (g_get_monotonic_time () - start) / 1e6, a_video, a_audio, b_video, b_audio);
  g_assert_cmpint (a_video, >, 30);
  g_assert_cmpint (b_video, >, 30);

  /* A second registration on the same handle: 477. */
  jc_video_call_register_async (alice.call, "someone-else", NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_call_register_finish (alice.call, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_CALL_ERROR_ALREADY_REGISTERED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Hangup: seen once by both, however many hangups Janus sends. */
  jc_video_call_hangup_call_async (bob.call, "done", NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_video_call_hangup_call_finish (bob.call, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  JC_TEST_WAIT_UNTIL (alice.hung_up == 1 && bob.hung_up == 1);
  /* Janus tells the callee the caller's reason, and separately that the
   * caller's PeerConnection went; which comes first depends on its
   * threads (under ASan CI saw the second first). */
  g_assert_true (g_strcmp0 (alice.hangup_reason, "done") == 0 || g_strcmp0 (alice.hangup_reason, "Remote WebRTC hangup") == 0);
  jc_test_run_for (500);
  g_assert_cmpuint (alice.hung_up, ==, 1);
  g_assert_cmpuint (bob.hung_up, ==, 1);
  g_assert_cmpint (jc_video_call_get_state (alice.call), ==, JC_VIDEO_CALL_STATE_IDLE);
  g_assert_cmpuint (alice.errors, ==, 0);
  g_assert_cmpuint (bob.errors, ==, 0);

  user_clear_finalized (&alice);
  user_clear_finalized (&bob);
}

static void
test_errors (void)
{
  User alice, bob;
  g_autofree char *a = unique ("alice");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  user_init (&alice, "alice", FALSE);
  user_init (&bob, "bob", FALSE);

  /* Calling before registering: 473 (a real offer: Janus checks the SDP
   * before the plugin sees the request). */
  user_set_media (&alice);
  jc_video_call_call_async (alice.call, "nobody", NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_call_call_finish (alice.call, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_CALL_ERROR_REGISTER_FIRST);
  g_clear_error (&error);
  g_clear_object (&result);

  register_user (&alice, a);

  /* The same username from another handle: 476. */
  jc_video_call_register_async (bob.call, a, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_call_register_finish (bob.call, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_CALL_ERROR_USERNAME_TAKEN);
  g_clear_error (&error);
  g_clear_object (&result);

  /* An unknown user: 478. */
  user_set_media (&alice);
  jc_video_call_call_async (alice.call, "no-such-user-here", NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_call_call_finish (alice.call, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_VIDEO_CALL_ERROR_NO_SUCH_USERNAME);
  g_assert_nonnull (strstr (error->message, "478"));
  g_clear_error (&error);
  g_clear_object (&result);

  /* No offer and no peer: told at once, nothing sent. */
  jc_video_call_call_async (bob.call, "x", NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_call_call_finish (bob.call, result, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Accepting with no incoming call. */
  jc_video_call_accept_async (alice.call, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_video_call_accept_finish (alice.call, result, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);

  /* The handle still works. */
  {
    g_auto (GStrv) users = NULL;

    jc_video_call_list_async (alice.call, NULL, CB);
    result = WAIT_RESULT ();
    users = jc_video_call_list_finish (alice.call, result, &error);
    g_assert_no_error (error);
    g_assert_true (g_strv_contains ((const char *const *) users, a));
  }
  user_clear (&alice);
  user_clear (&bob);
}

/* Hostile events, handed to the handle as Janus would deliver them. */
static void
count_error (JcVideoCall *call, GError *error, guint *count)
{
  g_assert_true (error->domain == JC_ERROR || error->domain == JC_PLUGIN_ERROR);
  (*count)++;
}

static void
test_hostile_events (void)
{
  static const char *const bad[] = {
    "{\"videocall\": \"event\"}",
    "{\"videocall\": 7, \"result\": {\"event\": \"hangup\"}}",
    "{\"videocall\": \"event\", \"result\": []}",
    "{\"videocall\": \"event\", \"result\": {\"event\": 3}}",
    "{\"videocall\": \"event\", \"result\": {\"event\": \"incomingcall\", \"username\": \"x\"}}",
    "{\"videocall\": \"event\", \"result\": {\"event\": \"incomingcall\", \"username\": 5}}",
    "{\"videocall\": \"event\", \"result\": {\"event\": \"accepted\"}}",
    "{\"videocall\": \"event\", \"result\": {\"event\": \"update\"}}",
    "{\"videocall\": \"event\", \"result\": {\"event\": \"hangup\", \"reason\": {}}}",
    "{\"videocall\": \"event\", \"result\": {\"event\": \"simulcast\", \"substream\": 9}}",
    "{\"videocall\": \"event\", \"result\": {\"event\": \"simulcast\", \"temporal\": \"1\"}}",
    "{\"videocall\": \"event\", \"result\": {\"event\": \"slow_link\", \"current-bitrate\": -1}}",
    "{\"videocall\": \"event\", \"error_code\": \"478\"}",
    "{\"videocall\": \"event\", \"error_code\": 478, \"error\": \"No such username\"}",
  };
  User alice;
  guint errors = 0;

  user_init (&alice, "alice", FALSE);
  g_signal_connect (alice.call, "error", G_CALLBACK (count_error), &errors);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonObject) data = jc_test_json (bad[i]);

      g_signal_emit_by_name (alice.call, "event", data, NULL);
    }
  g_assert_cmpuint (errors, ==, G_N_ELEMENTS (bad));
  g_assert_cmpint (jc_video_call_get_state (alice.call), ==, JC_VIDEO_CALL_STATE_IDLE);
  /* An unknown event is ignored, not an error; the handle still works. */
  {
    g_autoptr (JsonObject) data = jc_test_json ("{\"videocall\": \"event\", \"result\": {\"event\": \"future\"}}");

    g_signal_emit_by_name (alice.call, "event", data, NULL);
    g_assert_cmpuint (errors, ==, G_N_ELEMENTS (bad));
  }
  register_user (&alice, "hostile-survivor");
  user_clear (&alice);
}

/* The CLI: `register NAME --accept` in one process answers `call NAME
 * --as ME` from another; both print the media summary. */
static void
test_cli (void)
{
  g_autofree char *callee = unique ("cli-bob");
  g_autofree char *caller = unique ("cli-alice");
  const char *cli = g_getenv ("JANUS_CLIENT_CLI");
  const char *ws = jc_local_janus_get_ws_uri (janus);
  const char *ice = jc_local_janus_get_client_address (janus);
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) answering = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_auto (JcTestCliRun) run = { 0 };
  g_auto (JcTestCliRun) list = { 0 };
  g_auto (JcTestCliRun) missing = { 0 };
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (JsonObject) callee_summary = NULL;

  g_assert_nonnull (cli);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  answering = g_subprocess_launcher_spawn (launcher, &error, cli, "--json", "--server", ws, "--ice-address", ice,
                                           "videocall", "register", callee, "--accept", "--wait", "30", "--duration", "3",
                                           NULL);
  g_assert_no_error (error);

  /* Wait until the callee is registered (list shows it). */
  for (int i = 0; i < 50; i++)
    {
      jc_test_cli_run_clear (&list);
      jc_test_cli_runv (&list, NULL, NULL, (const char *const[]){ "--json", "--server", ws, "videocall", "list", NULL });
      g_assert_cmpint (list.status, ==, 0);
      if (strstr (list.out, callee) != NULL)
        break;
      jc_test_run_for (200);
    }
  g_assert_nonnull (strstr (list.out, "\"users\""));
  g_assert_nonnull (strstr (list.out, callee));

  jc_test_cli_runv (&run, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "--ice-address", ice, "videocall", "call", callee,
                                           "--as", caller, "--duration", "3", "--bitrate", "200000", NULL });
  g_assert_cmpint (run.status, ==, 0);
  summary = jc_test_json (run.out);
  g_assert_true (json_object_get_boolean_member (summary, "webrtcup"));

  g_subprocess_communicate_utf8 (answering, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("callee stdout: %s\ncallee stderr: %s", out, err);
  g_assert_true (g_subprocess_get_if_exited (answering));
  g_assert_cmpint (g_subprocess_get_exit_status (answering), ==, 0);
  callee_summary = jc_test_json (out);
  g_assert_true (json_object_get_boolean_member (callee_summary, "webrtcup"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (callee_summary, "tracks")), >=, 4);

  /* Calling nobody: the plugin's 478, exit 1. */
  jc_test_cli_runv (&missing, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "--ice-address", ice, "videocall", "call",
                                           "nobody-at-all", "--as", caller, NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.out, "\"code\":478"));
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_test_media_janus_start (NULL);
  jc_test_media_add_func ("/videocall/call", test_call);
  jc_test_media_add_func ("/videocall/errors", test_errors);
  jc_test_media_add_func ("/videocall/hostile-events", test_hostile_events);
  jc_test_media_add_func ("/videocall/cli", test_cli);
  ret = g_test_run ();
  g_clear_pointer (&janus, jc_test_media_janus_stop);
  return ret;
}

/* jc-cmd-audiobridge.c: `janus-client audiobridge list|create|destroy|
 * exists|participants|mute|unmute|join`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Room administration over the Janus API, printing the shapes of CLI.md;
 * join sends --input's audio into a room, records the mix the room sends
 * back (everyone but us) with --output, and prints the track summary.
 */
#include <stdio.h>

#include "jc-cli-media.h"
#include "jc-cli.h"

typedef struct
{
  JC_CLI_SESSION_FIELDS
  JcAudioBridge *ab; /* (owned) */
  /* join */
  JcPeer *peer; /* (owned) (nullable) */
  gint64 start_us;
  gint64 webrtcup_us;
  gboolean out; /* kicked, or the room destroyed */
} AbRun;

static GAsyncResult *
ab_wait (AbRun *run)
{
  return jc_cli_session_wait ((JcCliSession *) run);
}

static gboolean
ab_open (AbRun *run, JcLocalJanusNetwork network, GError **error)
{
  if (!jc_cli_session_open ((JcCliSession *) run, network, error))
    return FALSE;
  run->ab = jc_cli_session_attach ((JcCliSession *) run, jc_audio_bridge_attach_async,
                                   (JcCliAttachFinish) jc_audio_bridge_attach_finish, error);
  return run->ab != NULL;
}

static void
ab_close (AbRun *run)
{
  if (run->waiter != NULL && run->peer != NULL)
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_peer_stop_async (run->peer, NULL, jc_cli_waiter_callback, run->waiter);
      result = ab_wait (run);
      jc_peer_stop_finish (run->peer, result, NULL);
    }
  g_clear_object (&run->peer);
  if (run->ab != NULL)
    g_signal_handlers_disconnect_by_data (run->ab, run);
  jc_cli_session_detach ((JcCliSession *) run, run->ab);
  g_clear_object (&run->ab);
  jc_cli_session_close ((JcCliSession *) run);
}

static void
print_room_line (JcCliOptions *opts, const JcId *room, const char *member, gboolean value)
{
  g_autoptr (JsonObject) out = json_object_new ();

  json_object_set_member (out, "room", jc_id_to_json (room));
  if (member != NULL)
    json_object_set_boolean_member (out, member, value);
  jc_cli_print_json_object (opts, out);
}

/* list */

static int
cmd_list (JcCliOptions *opts, int argc, char **argv)
{
  AbRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (JsonObject) out = json_object_new ();
  JsonArray *array = json_array_new ();
  int status = jc_cli_parse_plugin_command (opts, "audiobridge", "list", "List the public rooms.", NULL, &argc, &argv);

  json_object_set_array_member (out, "rooms", array);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (ab_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_audio_bridge_list_async (run.ab, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = ab_wait (&run);
      rooms = jc_audio_bridge_list_finish (run.ab, result, &error);
    }
  ab_close (&run);
  if (rooms == NULL)
    return jc_cli_fail_hinting (opts, error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);
  for (guint i = 0; i < rooms->len; i++)
    {
      JcAudioBridgeRoomInfo *info = g_ptr_array_index (rooms, i);
      JsonObject *room = json_object_new ();
      const char *description = jc_audio_bridge_room_info_get_description (info);
      g_autofree char *id = jc_id_to_string (jc_audio_bridge_room_info_get_room (info));

      json_object_set_member (room, "room", jc_id_to_json (jc_audio_bridge_room_info_get_room (info)));
      jc_cli_json_set_string_or_null (room, "description", description);
      json_object_set_int_member (room, "num_participants", jc_audio_bridge_room_info_get_num_participants (info));
      json_object_set_int_member (room, "sampling_rate", jc_audio_bridge_room_info_get_sampling_rate (info));
      json_array_add_object_element (array, room);
      if (!opts->json)
        printf ("%-12s %3u participants  %5u Hz  %s\n", id, jc_audio_bridge_room_info_get_num_participants (info),
                jc_audio_bridge_room_info_get_sampling_rate (info), description != NULL ? description : "");
    }
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  else if (rooms->len == 0)
    printf ("No public rooms.\n");
  return JC_CLI_EXIT_OK;
}

/* create */

static int
cmd_create (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *description = NULL, *secret = NULL, *pin = NULL, *admin_key = NULL;
  int sampling_rate = 0;
  gboolean is_private = FALSE;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room's id (default: Janus picks one)", "ID" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, "The room's description", "D" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "Secret needed to edit or destroy the room", "S" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "Pin needed to join the room", "P" },
    { "sampling-rate", 0, 0, G_OPTION_ARG_INT, &sampling_rate, "The mixer's rate: 8000, 12000, 16000 (default), 24000 or 48000", "HZ" },
    { "private", 0, 0, G_OPTION_ARG_NONE, &is_private, "Leave the room out of list", NULL },
    JC_CLI_ADMIN_KEY_ENTRY (&admin_key),
    G_OPTION_ENTRY_NULL
  };
  AbRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcAudioBridgeRequest) options = jc_audio_bridge_request_new ();
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcId) created = NULL;
  int status = jc_cli_parse_plugin_command (opts, "audiobridge", "create", "Create a room.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "audiobridge", "create", "room", room_text, FALSE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (sampling_rate != 0 && sampling_rate != 8000 && sampling_rate != 12000 && sampling_rate != 16000 &&
      sampling_rate != 24000 && sampling_rate != 48000)
    return jc_cli_usage_error (opts, "Invalid --sampling-rate %d (want 8000, 12000, 16000, 24000 or 48000)", sampling_rate);
  jc_audio_bridge_request_set_description (options, description);
  jc_audio_bridge_request_set_secret (options, secret);
  jc_audio_bridge_request_set_pin (options, pin);
  jc_audio_bridge_request_set_admin_key (options, jc_cli_admin_key (admin_key));
  if (sampling_rate != 0)
    jc_audio_bridge_request_set_sampling_rate (options, (guint) sampling_rate);
  if (is_private)
    jc_audio_bridge_request_set_is_private (options, TRUE);
  if (ab_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_audio_bridge_create_async (run.ab, room, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = ab_wait (&run);
      created = jc_audio_bridge_create_finish (run.ab, result, &error);
    }
  ab_close (&run);
  if (created == NULL)
    return jc_cli_fail_hinting (opts, error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);
  if (opts->json)
    print_room_line (opts, created, NULL, FALSE);
  else
    {
      g_autofree char *text = jc_id_to_string (created);

      printf ("created room %s\n", text);
    }
  return JC_CLI_EXIT_OK;
}

/* destroy, exists */

static int
cmd_destroy (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *secret = NULL;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "The room's secret", "S" },
    G_OPTION_ENTRY_NULL
  };
  AbRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcAudioBridgeRequest) options = jc_audio_bridge_request_new ();
  g_autoptr (JcId) room = NULL;
  gboolean ok = FALSE;
  int status = jc_cli_parse_plugin_command (opts, "audiobridge", "destroy", "Destroy a room.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "audiobridge", "destroy", "room", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  jc_audio_bridge_request_set_secret (options, secret);
  if (ab_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_audio_bridge_destroy_async (run.ab, room, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = ab_wait (&run);
      ok = jc_audio_bridge_destroy_finish (run.ab, result, &error);
    }
  ab_close (&run);
  if (!ok)
    return jc_cli_fail_hinting (opts, error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);
  if (opts->json)
    print_room_line (opts, room, "destroyed", TRUE);
  else
    printf ("destroyed room %s\n", room_text);
  return JC_CLI_EXIT_OK;
}

static int
cmd_exists (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    G_OPTION_ENTRY_NULL
  };
  AbRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) room = NULL;
  gboolean ok = FALSE, exists = FALSE;
  int status = jc_cli_parse_plugin_command (opts, "audiobridge", "exists", "Tell whether a room exists.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "audiobridge", "exists", "room", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (ab_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_audio_bridge_exists_async (run.ab, room, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = ab_wait (&run);
      ok = jc_audio_bridge_exists_finish (run.ab, result, &exists, &error);
    }
  ab_close (&run);
  if (!ok)
    return jc_cli_fail_hinting (opts, error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);
  if (opts->json)
    print_room_line (opts, room, "exists", exists);
  else
    printf ("room %s %s\n", room_text, exists ? "exists" : "does not exist");
  if (!exists && !opts->json && opts->server == NULL)
    jc_cli_private_janus_hint ();
  return JC_CLI_EXIT_OK;
}

/* participants */

static JsonObject *
participant_json (JcAudioBridgeParticipant *p)
{
  JsonObject *obj = json_object_new ();

  json_object_set_member (obj, "id", jc_id_to_json (jc_audio_bridge_participant_get_id (p)));
  jc_cli_json_set_string_or_null (obj, "display", jc_audio_bridge_participant_get_display (p));
  json_object_set_boolean_member (obj, "muted", jc_audio_bridge_participant_is_muted (p));
  return obj;
}

static int
cmd_participants (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    G_OPTION_ENTRY_NULL
  };
  AbRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) room = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (JsonObject) out = json_object_new ();
  JsonArray *array = json_array_new ();
  int status = jc_cli_parse_plugin_command (opts, "audiobridge", "participants", "List a room's participants.", entries, &argc, &argv);

  json_object_set_array_member (out, "participants", array);
  if (status != JC_CLI_EXIT_OK ||
      (status = jc_cli_parse_id_option (opts, "audiobridge", "participants", "room", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (ab_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_audio_bridge_list_participants_async (run.ab, room, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = ab_wait (&run);
      list = jc_audio_bridge_list_participants_finish (run.ab, result, &error);
    }
  ab_close (&run);
  if (list == NULL)
    return jc_cli_fail_hinting (opts, error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);
  for (guint i = 0; i < list->len; i++)
    {
      JcAudioBridgeParticipant *p = g_ptr_array_index (list, i);
      g_autofree char *id = jc_id_to_string (jc_audio_bridge_participant_get_id (p));

      json_array_add_object_element (array, participant_json (p));
      if (!opts->json)
        printf ("%-20s %-5s  %s\n", id, jc_audio_bridge_participant_is_muted (p) ? "muted" : "",
                jc_audio_bridge_participant_get_display (p) != NULL ? jc_audio_bridge_participant_get_display (p) : "");
    }
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  else if (list->len == 0)
    printf ("Nobody in room %s.\n", room_text);
  return JC_CLI_EXIT_OK;
}

/* mute, unmute */

static int
mute_command (JcCliOptions *opts, int argc, char **argv, gboolean muted)
{
  const char *sub = muted ? "mute" : "unmute";
  g_autofree char *room_text = NULL, *id_text = NULL, *secret = NULL;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, "The participant (default: the whole room)", "ID" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "The room's secret", "S" },
    G_OPTION_ENTRY_NULL
  };
  AbRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcAudioBridgeRequest) options = jc_audio_bridge_request_new ();
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcId) id = NULL;
  g_autoptr (JsonObject) out = json_object_new ();
  gboolean ok = FALSE;
  int status = jc_cli_parse_plugin_command (opts, "audiobridge", sub, muted ? "Mute a participant, or the whole room." : "Unmute a participant, or the whole room.",
                                            entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "audiobridge", sub, "room", room_text, TRUE, &room)) != JC_CLI_EXIT_OK ||
      (status = jc_cli_parse_id_option (opts, "audiobridge", sub, "id", id_text, FALSE, &id)) != JC_CLI_EXIT_OK)
    return status;
  jc_audio_bridge_request_set_secret (options, secret);
  if (ab_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      if (id != NULL)
        jc_audio_bridge_mute_async (run.ab, room, id, muted, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      else
        jc_audio_bridge_mute_room_async (run.ab, room, muted, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = ab_wait (&run);
      ok = id != NULL ? jc_audio_bridge_mute_finish (run.ab, result, &error) : jc_audio_bridge_mute_room_finish (run.ab, result, &error);
    }
  ab_close (&run);
  if (!ok)
    return jc_cli_fail_hinting (opts, error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);
  json_object_set_member (out, "room", jc_id_to_json (room));
  if (id != NULL)
    json_object_set_member (out, "id", jc_id_to_json (id));
  else
    json_object_set_null_member (out, "id");
  json_object_set_boolean_member (out, "muted", muted);
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  else if (id != NULL)
    printf ("%s %s in room %s\n", muted ? "muted" : "unmuted", id_text, room_text);
  else
    printf ("%s room %s\n", muted ? "muted" : "unmuted", room_text);
  return JC_CLI_EXIT_OK;
}

static int
cmd_mute (JcCliOptions *opts, int argc, char **argv)
{
  return mute_command (opts, argc, argv, TRUE);
}

static int
cmd_unmute (JcCliOptions *opts, int argc, char **argv)
{
  return mute_command (opts, argc, argv, FALSE);
}

/* join */

static void
print_event (AbRun *run, const char *event, const JcId *id, JcAudioBridgeParticipant *p, const char *action)
{
  g_autoptr (JsonObject) out = json_object_new ();
  g_autofree char *text = jc_id_to_string (id);

  if (!run->opts->json)
    {
      if (p != NULL)
        printf ("%s %s (%s) %s%s\n", event, text,
                jc_audio_bridge_participant_get_display (p) != NULL ? jc_audio_bridge_participant_get_display (p) : "no name", action,
                jc_audio_bridge_participant_is_muted (p) ? ", muted" : "");
      else
        printf ("%s %s %s\n", event, text, action);
      fflush (stdout);
      return;
    }
  json_object_set_string_member (out, "event", event);
  json_object_set_member (out, "id", jc_id_to_json (id));
  if (p != NULL)
    {
      jc_cli_json_set_string_or_null (out, "display", jc_audio_bridge_participant_get_display (p));
      json_object_set_boolean_member (out, "muted", jc_audio_bridge_participant_is_muted (p));
    }
  json_object_set_string_member (out, "action", action);
  jc_cli_print_json_object (run->opts, out);
}

static void
on_participant_joined (JcAudioBridge *ab, JcAudioBridgeParticipant *p, AbRun *run)
{
  print_event (run, "participant", jc_audio_bridge_participant_get_id (p), p, "joined");
}

static void
on_participant_updated (JcAudioBridge *ab, JcAudioBridgeParticipant *p, AbRun *run)
{
  print_event (run, "participant", jc_audio_bridge_participant_get_id (p), p, "updated");
}

static void
on_participant_left (JcAudioBridge *ab, const JcId *id, AbRun *run)
{
  print_event (run, "participant", id, NULL, "left");
}

static void
on_kicked (JcAudioBridge *ab, const JcId *id, AbRun *run)
{
  if (jc_audio_bridge_get_participant_id (ab) == NULL)
    run->out = TRUE;
  print_event (run, "kicked", id, NULL, run->out ? "kicked (us)" : "kicked");
}

static void
on_destroyed (JcAudioBridge *ab, const JcId *room, AbRun *run)
{
  run->out = TRUE;
  print_event (run, "destroyed", room, NULL, "destroyed");
}

static void
on_error (JcAudioBridge *ab, const GError *error, AbRun *run)
{
  jc_cli_warn ("%s", error->message);
}

static void
on_webrtcup (JcHandle *handle, AbRun *run)
{
  if (run->webrtcup_us == 0)
    run->webrtcup_us = g_get_monotonic_time ();
}

static int
join_in_room (AbRun *run, JcCliMediaOptions *media, const JcId *room, JcAudioBridgeRequest *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcMediaSource) source = jc_cli_media_source (media, &error);
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcId) id = NULL;
  g_autoptr (JsonObject) summary = NULL;
  double elapsed = 0;
  gboolean media_ok = FALSE, completed;

  if (source == NULL)
    return jc_cli_usage_or_fail (run->opts, error);
  if ((sink = jc_cli_media_sink (media, &error)) == NULL)
    return jc_cli_usage_error (run->opts, "%s", error->message);
  /* AudioBridge mixes audio only: no video m-line in the offer. */
  jc_media_source_set_video (source, FALSE);
  run->peer = jc_cli_media_peer (run->opts, JC_HANDLE (run->ab));
  jc_peer_set_source (run->peer, source);
  jc_peer_set_sink (run->peer, sink);
  g_signal_connect (run->ab, "participant-joined", G_CALLBACK (on_participant_joined), run);
  g_signal_connect (run->ab, "participant-updated", G_CALLBACK (on_participant_updated), run);
  g_signal_connect (run->ab, "participant-left", G_CALLBACK (on_participant_left), run);
  g_signal_connect (run->ab, "kicked", G_CALLBACK (on_kicked), run);
  g_signal_connect (run->ab, "destroyed", G_CALLBACK (on_destroyed), run);
  g_signal_connect (run->ab, "error", G_CALLBACK (on_error), run);
  g_signal_connect (run->ab, "webrtcup", G_CALLBACK (on_webrtcup), run);

  run->start_us = g_get_monotonic_time ();
  jc_audio_bridge_join_media_async (run->ab, room, run->peer, options, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = ab_wait (run);
  if ((id = jc_audio_bridge_join_media_finish (run->ab, result, &error)) == NULL)
    return jc_cli_fail_hinting (run->opts, error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);
  {
    g_autofree char *text = jc_id_to_string (id);
    g_autoptr (GPtrArray) others = jc_audio_bridge_get_participants (run->ab);

    if (run->opts->json)
      {
        g_autoptr (JsonObject) out = json_object_new ();
        JsonArray *array = json_array_new ();

        json_object_set_string_member (out, "event", "joined");
        json_object_set_member (out, "room", jc_id_to_json (room));
        json_object_set_member (out, "id", jc_id_to_json (id));
        for (guint i = 0; i < others->len; i++)
          json_array_add_object_element (array, participant_json (g_ptr_array_index (others, i)));
        json_object_set_array_member (out, "participants", array);
        jc_cli_print_json_object (run->opts, out);
      }
    else
      fprintf (stderr, "Joined as %s with %u other participant%s\n", text, others->len, others->len == 1 ? "" : "s");
  }
  completed = jc_cli_media_run_until (run->opts, run->peer, media->duration_s, &run->out, &elapsed);
  if (run->webrtcup_us != 0)
    fprintf (stderr, "Joined in %.0f ms (to webrtcup)\n", (run->webrtcup_us - run->start_us) / 1000.0);
  {
    JcPeer *peer = g_object_ref (run->peer);

    ab_close (run);
    summary = jc_cli_media_summary (peer, elapsed, media->output, &media_ok);
    g_object_unref (peer);
  }
  jc_cli_media_print_summary (run->opts, summary);
  if (!completed)
    return JC_CLI_EXIT_INTERRUPTED;
  if (!media_ok)
    {
      jc_cli_warn ("No audio came from the room (is anyone else in it?)");
      return JC_CLI_EXIT_MEDIA;
    }
  return JC_CLI_EXIT_OK;
}

static int
cmd_join (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *id_text = NULL, *display = NULL, *pin = NULL, *token = NULL;
  gboolean muted = FALSE;
  const GOptionEntry own[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, "Our participant id (default: Janus picks one)", "ID" },
    { "display", 0, 0, G_OPTION_ARG_STRING, &display, "The name the others see", "NAME" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "The room's pin", "P" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, "An invitation token of the room", "T" },
    { "muted", 0, 0, G_OPTION_ARG_NONE, &muted, "Join muted (listen only)", NULL },
    G_OPTION_ENTRY_NULL
  };
  JcCliMediaOptions media;
  g_autofree GOptionEntry *entries = NULL;
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcId) id = NULL;
  g_autoptr (JcAudioBridgeRequest) options = jc_audio_bridge_request_new ();
  g_autoptr (GError) error = NULL;
  AbRun run = { opts };
  int status;

  jc_cli_media_options_init (&media);
  entries = jc_cli_media_join_entries (own, jc_cli_media_entries (&media));
  status = jc_cli_parse_plugin_command (opts, "audiobridge", "join", "Join a room: send --input's audio, record the others' mix to --output.", entries, &argc, &argv);
  if (status == JC_CLI_EXIT_OK)
    status = jc_cli_parse_id_option (opts, "audiobridge", "join", "room", room_text, TRUE, &room);
  if (status == JC_CLI_EXIT_OK)
    status = jc_cli_parse_id_option (opts, "audiobridge", "join", "id", id_text, FALSE, &id);
  if (status == JC_CLI_EXIT_OK && media.no_audio)
    status = jc_cli_usage_error (opts, "audiobridge join sends audio: --no-audio makes no sense (use --muted to listen only)");
  if (status != JC_CLI_EXIT_OK)
    {
      jc_cli_media_options_clear (&media);
      return status;
    }
  jc_audio_bridge_request_set_id (options, id);
  jc_audio_bridge_request_set_display (options, display);
  jc_audio_bridge_request_set_pin (options, pin);
  jc_audio_bridge_request_set_token (options, token);
  if (muted)
    jc_audio_bridge_request_set_muted (options, TRUE);
  if (media.bitrate > 0)
    jc_audio_bridge_request_set_bitrate (options, (guint) media.bitrate);
  if (!ab_open (&run, JC_LOCAL_JANUS_NETWORK_AUTO, &error) || !jc_cli_media_available (opts, &error))
    {
      ab_close (&run);
      jc_cli_media_options_clear (&media);
      return jc_cli_fail_hinting (opts, error, JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM);
    }
  status = join_in_room (&run, &media, room, options);
  ab_close (&run);
  jc_cli_media_options_clear (&media);
  return status;
}

static const JcCliCommand subcommands[] = {
  { "list", "list the public rooms", cmd_list },
  { "create", "create a room", cmd_create },
  { "destroy", "destroy a room", cmd_destroy },
  { "exists", "tell whether a room exists", cmd_exists },
  { "participants", "list a room's participants", cmd_participants },
  { "mute", "mute a participant or the whole room", cmd_mute },
  { "unmute", "unmute a participant or the whole room", cmd_unmute },
  { "join", "join a room: send audio, record the mix", cmd_join },
};

int
jc_cmd_audiobridge (JcCliOptions *opts, int argc, char **argv)
{
  return jc_cli_run_subcommand (opts, "audiobridge", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}

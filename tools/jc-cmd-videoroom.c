/* jc-cmd-videoroom.c: `janus-client videoroom list|create|destroy|exists|
 * participants|publish|subscribe`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Room administration prints the shapes of CLI.md; publish sends media
 * into a room; subscribe receives every feed (or the --feed ones) on one
 * multistream subscriber handle, printing a line per feed that appears or
 * leaves, and a summary of every received track.
 */
#include <stdio.h>

#include "jc-cmd-videoroom-private.h"

GAsyncResult *
jc_vr_wait_result (VrRun *run)
{
  return jc_cli_session_wait ((JcCliSession *) run);
}

JcVideoRoom *
jc_vr_attach (VrRun *run, GError **error)
{
  return jc_cli_session_attach ((JcCliSession *) run, jc_video_room_attach_async,
                                (JcCliAttachFinish) jc_video_room_attach_finish, error);
}

gboolean
jc_vr_open (VrRun *run, JcLocalJanusNetwork network, GError **error)
{
  if (!jc_cli_session_open ((JcCliSession *) run, network, error))
    return FALSE;
  run->vr = jc_vr_attach (run, error);
  return run->vr != NULL;
}

void
jc_vr_detach (VrRun *run, JcVideoRoom *vr)
{
  jc_cli_session_detach ((JcCliSession *) run, vr);
}

void
jc_vr_close (VrRun *run)
{
  jc_vr_detach (run, run->vr);
  g_clear_object (&run->vr);
  jc_cli_session_close ((JcCliSession *) run);
}

static JsonNode *
id_node (const JcId *id)
{
  return jc_id_to_json (id);
}

/* list */

static int
cmd_list (JcCliOptions *opts, int argc, char **argv)
{
  VrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (JsonObject) out = json_object_new ();
  JsonArray *array = json_array_new ();
  int status = jc_cli_parse_plugin_command (opts, "videoroom", "list", "List the public rooms.", NULL, &argc, &argv);

  json_object_set_array_member (out, "rooms", array);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (jc_vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_list_async (run.vr, NULL, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = jc_vr_wait_result (&run);
      rooms = jc_video_room_list_finish (run.vr, result, &error);
    }
  jc_vr_close (&run);
  if (rooms == NULL)
    return jc_cli_fail (opts, error);
  for (guint i = 0; i < rooms->len; i++)
    {
      JcVideoRoomInfo *info = g_ptr_array_index (rooms, i);
      JsonObject *room = json_object_new ();
      const char *description = jc_video_room_info_get_description (info);

      json_object_set_member (room, "room", id_node (jc_video_room_info_get_room (info)));
      jc_cli_json_set_string_or_null (room, "description", description);
      json_object_set_int_member (room, "num_participants", jc_video_room_info_get_num_participants (info));
      json_array_add_object_element (array, room);
    }
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  else if (rooms->len == 0)
    printf ("No public rooms.\n");
  else
    for (guint i = 0; i < rooms->len; i++)
      {
        JcVideoRoomInfo *info = g_ptr_array_index (rooms, i);
        g_autofree char *id = jc_id_to_string (jc_video_room_info_get_room (info));

        printf ("%-12s %3u participants  %s\n", id, jc_video_room_info_get_num_participants (info),
                jc_video_room_info_get_description (info) != NULL ? jc_video_room_info_get_description (info) : "");
      }
  return JC_CLI_EXIT_OK;
}

/* create, destroy, exists, participants */

static int
cmd_create (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *description = NULL, *secret = NULL, *pin = NULL, *admin_key = NULL;
  int publishers = 0;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room's id (default: Janus picks one)", "ID" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, "The room's description", "D" },
    { "publishers", 0, 0, G_OPTION_ARG_INT, &publishers, "Most publishers at a time (default 3)", "N" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "Secret needed to edit or destroy the room", "S" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "Pin needed to join the room", "P" },
    JC_CLI_ADMIN_KEY_ENTRY (&admin_key),
    G_OPTION_ENTRY_NULL
  };
  VrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcId) created = NULL;
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  int status = jc_cli_parse_plugin_command (opts, "videoroom", "create", "Create a room.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "videoroom", "create", "room", room_text, FALSE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (publishers < 0)
    return jc_cli_usage_error (opts, "--publishers must be positive");
  jc_video_room_request_set_description (options, description);
  jc_video_room_request_set_secret (options, secret);
  jc_video_room_request_set_pin (options, pin);
  jc_video_room_request_set_admin_key (options, jc_cli_admin_key (admin_key));
  if (publishers > 0)
    jc_video_room_request_set_publishers (options, (guint) publishers);
  if (jc_vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_create_async (run.vr, room, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = jc_vr_wait_result (&run);
      created = jc_video_room_create_finish (run.vr, result, &error);
    }
  jc_vr_close (&run);
  if (created == NULL)
    return jc_cli_fail (opts, error);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();

      json_object_set_member (out, "room", id_node (created));
      jc_cli_print_json_object (opts, out);
    }
  else
    {
      g_autofree char *text = jc_id_to_string (created);

      printf ("created room %s\n", text);
    }
  return JC_CLI_EXIT_OK;
}

static int
cmd_destroy (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *secret = NULL;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "The room's secret", "S" },
    G_OPTION_ENTRY_NULL
  };
  VrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  gboolean ok = FALSE;
  int status = jc_cli_parse_plugin_command (opts, "videoroom", "destroy", "Destroy a room.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "videoroom", "destroy", "room", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  jc_video_room_request_set_secret (options, secret);
  if (jc_vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_destroy_async (run.vr, room, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = jc_vr_wait_result (&run);
      ok = jc_video_room_destroy_finish (run.vr, result, &error);
    }
  jc_vr_close (&run);
  if (!ok)
    return jc_cli_fail (opts, error);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();

      json_object_set_member (out, "room", id_node (room));
      json_object_set_boolean_member (out, "destroyed", TRUE);
      jc_cli_print_json_object (opts, out);
    }
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
  VrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) room = NULL;
  gboolean ok = FALSE, exists = FALSE;
  int status = jc_cli_parse_plugin_command (opts, "videoroom", "exists", "Tell whether a room exists.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "videoroom", "exists", "room", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (jc_vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_exists_async (run.vr, room, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = jc_vr_wait_result (&run);
      ok = jc_video_room_exists_finish (run.vr, result, &exists, &error);
    }
  jc_vr_close (&run);
  if (!ok)
    return jc_cli_fail (opts, error);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();

      json_object_set_member (out, "room", id_node (room));
      json_object_set_boolean_member (out, "exists", exists);
      jc_cli_print_json_object (opts, out);
    }
  else
    {
      printf ("room %s %s\n", room_text, exists ? "exists" : "does not exist");
      if (!exists && opts->server == NULL)
        jc_cli_private_janus_hint ();
    }
  return JC_CLI_EXIT_OK;
}

static int
cmd_participants (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    G_OPTION_ENTRY_NULL
  };
  VrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) room = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (JsonObject) out = json_object_new ();
  JsonArray *array = json_array_new ();
  int status = jc_cli_parse_plugin_command (opts, "videoroom", "participants", "List a room's participants.", entries, &argc, &argv);

  json_object_set_array_member (out, "participants", array);
  if (status != JC_CLI_EXIT_OK ||
      (status = jc_cli_parse_id_option (opts, "videoroom", "participants", "room", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (jc_vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_list_participants_async (run.vr, room, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = jc_vr_wait_result (&run);
      list = jc_video_room_list_participants_finish (run.vr, result, &error);
    }
  jc_vr_close (&run);
  if (list == NULL)
    return jc_cli_fail (opts, error);
  for (guint i = 0; i < list->len; i++)
    {
      JcVideoRoomParticipant *p = g_ptr_array_index (list, i);
      JsonObject *entry = json_object_new ();
      const char *display = jc_video_room_participant_get_display (p);
      g_autofree char *id = jc_id_to_string (jc_video_room_participant_get_id (p));

      json_object_set_member (entry, "id", id_node (jc_video_room_participant_get_id (p)));
      jc_cli_json_set_string_or_null (entry, "display", display);
      json_object_set_boolean_member (entry, "publisher", jc_video_room_participant_is_publisher (p));
      json_array_add_object_element (array, entry);
      if (!opts->json)
        printf ("%-20s %-9s %s\n", id, jc_video_room_participant_is_publisher (p) ? "publisher" : "-",
                display != NULL ? display : "");
    }
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  return JC_CLI_EXIT_OK;
}

/* Media commands */

void
jc_vr_stop_peer (VrRun *run, JcPeer *peer)
{
  g_autoptr (GAsyncResult) result = NULL;

  if (peer == NULL)
    return;
  jc_peer_stop_async (peer, NULL, jc_cli_waiter_callback, run->waiter);
  result = jc_vr_wait_result (run);
  jc_peer_stop_finish (peer, result, NULL);
}

void
jc_vr_hangup (VrRun *run, JcVideoRoom *vr)
{
  g_autoptr (GAsyncResult) result = NULL;

  if (vr == NULL || !jc_handle_is_attached (JC_HANDLE (vr)))
    return;
  jc_handle_hangup_async (JC_HANDLE (vr), NULL, jc_cli_waiter_callback, run->waiter);
  result = jc_vr_wait_result (run);
  jc_handle_hangup_finish (JC_HANDLE (vr), result, NULL);
}

static int
cmd_publish (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *display = NULL, *pin = NULL, *record = NULL;
  const GOptionEntry own[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "display", 0, 0, G_OPTION_ARG_STRING, &display, "The display name others see", "NAME" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "The room's pin", "P" },
    { "record", 0, 0, G_OPTION_ARG_STRING, &record,
      "Have Janus record what you publish, to BASE-video-N.mjr and BASE-audio-N.mjr on its machine", "BASE" },
    G_OPTION_ENTRY_NULL
  };
  JcCliMediaOptions media;
  g_autofree GOptionEntry *entries = NULL;
  VrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) room = NULL;
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcPeer) peer = NULL;
  g_autoptr (JsonObject) summary = NULL;
  double elapsed = 0;
  gboolean ignored, completed, sent = FALSE;
  int status;

  jc_cli_media_options_init (&media);
  entries = jc_cli_media_join_entries (own, jc_cli_media_entries (&media));
  status = jc_cli_parse_plugin_command (opts, "videoroom", "publish", "Join a room as a publisher and send media.", entries, &argc, &argv);
  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "videoroom", "publish", "room", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    goto out;
  source = jc_cli_media_source (&media, &error);
  if (source == NULL)
    {
      status = jc_cli_usage_or_fail (opts, error);
      goto out;
    }
  jc_video_room_request_set_display (options, display != NULL ? display : "janus-client");
  jc_video_room_request_set_pin (options, pin);
  if (record != NULL)
    {
      if (*record == '\0')
        {
          status = jc_cli_usage_error (opts, "--record needs a file name");
          goto out;
        }
      jc_video_room_request_set_record (options, TRUE, NULL);
      jc_video_room_request_set_filename (options, record);
    }
  if (media.bitrate > 0)
    jc_video_room_request_set_bitrate (options, (guint) media.bitrate);
  if (!jc_vr_open (&run, JC_LOCAL_JANUS_NETWORK_AUTO, &error) || !jc_cli_media_available (opts, &error))
    {
      status = jc_cli_fail (opts, error);
      goto out;
    }
  peer = jc_cli_media_peer (opts, JC_HANDLE (run.vr));
  jc_peer_set_source (peer, source);
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_video_room_publish_media_async (run.vr, room, peer, options, opts->cancellable, jc_cli_waiter_callback,
                                       run.waiter);
    result = jc_vr_wait_result (&run);
    if (!jc_video_room_publish_media_finish (run.vr, result, &error))
      {
        status = jc_cli_fail (opts, error);
        goto out;
      }
  }
  if (!opts->json)
    {
      g_autofree char *id = jc_id_to_string (jc_video_room_get_participant_id (run.vr));

      fprintf (stderr, "publishing in room %s as %s\n", room_text, id);
    }
  completed = jc_cli_media_run (opts, peer, media.duration_s, &elapsed);
  jc_vr_stop_peer (&run, peer);
  jc_vr_hangup (&run, run.vr);
  summary = jc_cli_media_summary (peer, elapsed, NULL, &ignored);
  {
    g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);

    for (guint i = 0; i < json_array_get_length (stats); i++)
      if (jc_cli_json_int (json_array_get_object_element (stats, i), "packets", 0) > 0)
        sent = TRUE;
  }
  jc_cli_media_print_summary (opts, summary);
  if (!completed)
    status = JC_CLI_EXIT_INTERRUPTED;
  else if (!jc_peer_is_webrtcup (peer) || !sent)
    {
      jc_cli_warn ("No media reached Janus (webrtcup: %s, ICE %s)", jc_peer_is_webrtcup (peer) ? "yes" : "no",
                   jc_peer_get_ice_state (peer));
      status = JC_CLI_EXIT_MEDIA;
    }
  else
    status = JC_CLI_EXIT_OK;

out:
  g_clear_object (&peer);
  jc_vr_close (&run);
  jc_cli_media_options_clear (&media);
  return status;
}

static const JcCliCommand subcommands[] = {
  { "list", "list the public rooms", cmd_list },
  { "create", "create a room", cmd_create },
  { "destroy", "destroy a room", cmd_destroy },
  { "exists", "tell whether a room exists", cmd_exists },
  { "participants", "list a room's participants", cmd_participants },
  { "publish", "join as a publisher and send media", cmd_publish },
  { "subscribe", "receive feeds on one multistream subscription", jc_cmd_videoroom_subscribe },
};

int
jc_cmd_videoroom (JcCliOptions *opts, int argc, char **argv)
{
  return jc_cli_run_subcommand (opts, "videoroom", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}

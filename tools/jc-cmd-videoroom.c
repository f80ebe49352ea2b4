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

#include "jc-cli-media.h"

typedef struct
{
  JcCliOptions *opts;
  JcCliWaiter *waiter; /* (owned) */
  JcClient *client;    /* (owned) */
  JcSession *session;  /* (owned) */
  JcVideoRoom *vr;     /* (owned) the main handle */
} VrRun;

static GAsyncResult *
wait_result (VrRun *run)
{
  return jc_cli_waiter_wait (run->waiter);
}

static gboolean
vr_connect (VrRun *run, JcLocalJanusNetwork network, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  run->waiter = jc_cli_waiter_new ();
  run->client = jc_cli_connect (run->opts, network, error);
  if (run->client == NULL)
    return FALSE;
  jc_client_create_session_async (run->client, 0, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = wait_result (run);
  run->session = jc_client_create_session_finish (run->client, result, error);
  return run->session != NULL;
}

static JcVideoRoom *
vr_attach (VrRun *run, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  jc_video_room_attach_async (run->session, NULL, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = wait_result (run);
  return jc_video_room_attach_finish (result, error);
}

static gboolean
vr_open (VrRun *run, JcLocalJanusNetwork network, GError **error)
{
  if (!vr_connect (run, network, error))
    return FALSE;
  run->vr = vr_attach (run, error);
  return run->vr != NULL;
}

static void
vr_detach (VrRun *run, JcVideoRoom *vr)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  if (vr == NULL || !jc_handle_is_attached (JC_HANDLE (vr)))
    return;
  jc_handle_detach_async (JC_HANDLE (vr), NULL, jc_cli_waiter_callback, run->waiter);
  result = wait_result (run);
  if (!jc_handle_detach_finish (JC_HANDLE (vr), result, &error))
    g_debug ("Detach: %s", error->message);
}

static void
vr_close (VrRun *run)
{
  if (run->waiter != NULL)
    {
      vr_detach (run, run->vr);
      if (run->session != NULL && jc_session_is_alive (run->session))
        {
          g_autoptr (GAsyncResult) result = NULL;
          g_autoptr (GError) error = NULL;

          jc_session_destroy_async (run->session, NULL, jc_cli_waiter_callback, run->waiter);
          result = wait_result (run);
          if (!jc_session_destroy_finish (run->session, result, &error))
            g_debug ("Destroy: %s", error->message);
        }
    }
  g_clear_object (&run->vr);
  g_clear_object (&run->session);
  g_clear_object (&run->client);
  g_clear_pointer (&run->waiter, jc_cli_waiter_free);
}

static JsonNode *
id_node (const JcVideoRoomId *id)
{
  return jc_video_room_id_to_json (id);
}

static int
usage_or_fail (JcCliOptions *opts, GError *error)
{
  if (g_error_matches (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT))
    return jc_cli_usage_error (opts, "%s", error->message);
  return jc_cli_fail (opts, error);
}

/* Parses the subcommand's options; --room is required when @need_room. */
static int
parse (JcCliOptions *opts,
       const char *sub,
       const char *summary,
       const GOptionEntry *entries,
       int *argc,
       char ***argv,
       const char *room_text,
       gboolean need_room,
       JcVideoRoomId **out_room)
{
  g_autofree char *command = g_strdup_printf ("videoroom %s", sub);
  int status = jc_cli_parse_command (opts, command, "", summary, entries, argc, argv);

  if (status != JC_CLI_EXIT_OK)
    return status;
  if (*argc > 1)
    return jc_cli_usage_error (opts, "videoroom %s takes no arguments (got “%s”)", sub, (*argv)[1]);
  return JC_CLI_EXIT_OK;
}

static int
parse_room (JcCliOptions *opts, const char *sub, const char *text, gboolean required, JcVideoRoomId **out_room)
{
  *out_room = NULL;
  if (text == NULL)
    return required ? jc_cli_usage_error (opts, "videoroom %s needs --room ID", sub) : JC_CLI_EXIT_OK;
  *out_room = jc_video_room_id_parse (text);
  if (*out_room == NULL)
    return jc_cli_usage_error (opts, "Invalid --room “%s” (want a positive number or a name)", text);
  return JC_CLI_EXIT_OK;
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
  int status = parse (opts, "list", "List the public rooms.", NULL, &argc, &argv, NULL, FALSE, NULL);

  json_object_set_array_member (out, "rooms", array);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_list_async (run.vr, NULL, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = wait_result (&run);
      rooms = jc_video_room_list_finish (run.vr, result, &error);
    }
  vr_close (&run);
  if (rooms == NULL)
    return jc_cli_fail (opts, error);
  for (guint i = 0; i < rooms->len; i++)
    {
      JcVideoRoomInfo *info = g_ptr_array_index (rooms, i);
      JsonObject *room = json_object_new ();
      const char *description = jc_video_room_info_get_description (info);

      json_object_set_member (room, "room", id_node (jc_video_room_info_get_room (info)));
      if (description != NULL)
        json_object_set_string_member (room, "description", description);
      else
        json_object_set_null_member (room, "description");
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
        g_autofree char *id = jc_video_room_id_to_string (jc_video_room_info_get_room (info));

        printf ("%-12s %3u participants  %s\n", id, jc_video_room_info_get_num_participants (info),
                jc_video_room_info_get_description (info) != NULL ? jc_video_room_info_get_description (info) : "");
      }
  return JC_CLI_EXIT_OK;
}

/* create, destroy, exists, participants */

static int
cmd_create (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *description = NULL, *secret = NULL, *pin = NULL;
  int publishers = 0;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room's id (default: Janus picks one)", "ID" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, "The room's description", "D" },
    { "publishers", 0, 0, G_OPTION_ARG_INT, &publishers, "Most publishers at a time (default 3)", "N" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "Secret needed to edit or destroy the room", "S" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "Pin needed to join the room", "P" },
    G_OPTION_ENTRY_NULL
  };
  VrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcVideoRoomId) room = NULL;
  g_autoptr (JcVideoRoomId) created = NULL;
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  int status = parse (opts, "create", "Create a room.", entries, &argc, &argv, NULL, FALSE, NULL);

  if (status != JC_CLI_EXIT_OK || (status = parse_room (opts, "create", room_text, FALSE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (publishers < 0)
    return jc_cli_usage_error (opts, "--publishers must be positive");
  jc_video_room_request_set_description (options, description);
  jc_video_room_request_set_secret (options, secret);
  jc_video_room_request_set_pin (options, pin);
  if (publishers > 0)
    jc_video_room_request_set_publishers (options, (guint) publishers);
  if (vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_create_async (run.vr, room, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = wait_result (&run);
      created = jc_video_room_create_finish (run.vr, result, &error);
    }
  vr_close (&run);
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
      g_autofree char *text = jc_video_room_id_to_string (created);

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
  g_autoptr (JcVideoRoomId) room = NULL;
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  gboolean ok = FALSE;
  int status = parse (opts, "destroy", "Destroy a room.", entries, &argc, &argv, NULL, TRUE, NULL);

  if (status != JC_CLI_EXIT_OK || (status = parse_room (opts, "destroy", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  jc_video_room_request_set_secret (options, secret);
  if (vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_destroy_async (run.vr, room, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = wait_result (&run);
      ok = jc_video_room_destroy_finish (run.vr, result, &error);
    }
  vr_close (&run);
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
  g_autoptr (JcVideoRoomId) room = NULL;
  gboolean ok = FALSE, exists = FALSE;
  int status = parse (opts, "exists", "Tell whether a room exists.", entries, &argc, &argv, NULL, TRUE, NULL);

  if (status != JC_CLI_EXIT_OK || (status = parse_room (opts, "exists", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_exists_async (run.vr, room, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = wait_result (&run);
      ok = jc_video_room_exists_finish (run.vr, result, &exists, &error);
    }
  vr_close (&run);
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
    printf ("room %s %s\n", room_text, exists ? "exists" : "does not exist");
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
  g_autoptr (JcVideoRoomId) room = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (JsonObject) out = json_object_new ();
  JsonArray *array = json_array_new ();
  int status = parse (opts, "participants", "List a room's participants.", entries, &argc, &argv, NULL, TRUE, NULL);

  json_object_set_array_member (out, "participants", array);
  if (status != JC_CLI_EXIT_OK ||
      (status = parse_room (opts, "participants", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (vr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_video_room_list_participants_async (run.vr, room, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = wait_result (&run);
      list = jc_video_room_list_participants_finish (run.vr, result, &error);
    }
  vr_close (&run);
  if (list == NULL)
    return jc_cli_fail (opts, error);
  for (guint i = 0; i < list->len; i++)
    {
      JcVideoRoomParticipant *p = g_ptr_array_index (list, i);
      JsonObject *entry = json_object_new ();
      const char *display = jc_video_room_participant_get_display (p);
      g_autofree char *id = jc_video_room_id_to_string (jc_video_room_participant_get_id (p));

      json_object_set_member (entry, "id", id_node (jc_video_room_participant_get_id (p)));
      if (display != NULL)
        json_object_set_string_member (entry, "display", display);
      else
        json_object_set_null_member (entry, "display");
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

static GOptionEntry *
join_entries (const GOptionEntry *own, const GOptionEntry *media)
{
  GArray *all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; own[i].long_name != NULL; i++)
    g_array_append_val (all, own[i]);
  for (guint i = 0; media != NULL && media[i].long_name != NULL; i++)
    g_array_append_val (all, media[i]);
  return (GOptionEntry *) g_array_free (all, FALSE);
}

static gboolean
media_available (VrRun *run, GError **error)
{
  if (run->opts->local != NULL && !jc_local_janus_has_media (run->opts->local))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA,
                   "Media needs the private Janus in a network namespace (Janus never gathers ICE candidates on "
                   "loopback), and creating one needs root: run as root or give --server");
      return FALSE;
    }
  return TRUE;
}

static void
stop_peer (VrRun *run, JcPeer *peer)
{
  g_autoptr (GAsyncResult) result = NULL;

  if (peer == NULL)
    return;
  jc_peer_stop_async (peer, NULL, jc_cli_waiter_callback, run->waiter);
  result = wait_result (run);
  jc_peer_stop_finish (peer, result, NULL);
}

static void
hangup (VrRun *run, JcVideoRoom *vr)
{
  g_autoptr (GAsyncResult) result = NULL;

  if (vr == NULL || !jc_handle_is_attached (JC_HANDLE (vr)))
    return;
  jc_handle_hangup_async (JC_HANDLE (vr), NULL, jc_cli_waiter_callback, run->waiter);
  result = wait_result (run);
  jc_handle_hangup_finish (JC_HANDLE (vr), result, NULL);
}

static int
cmd_publish (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *display = NULL, *pin = NULL;
  const GOptionEntry own[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "display", 0, 0, G_OPTION_ARG_STRING, &display, "The display name others see", "NAME" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "The room's pin", "P" },
    G_OPTION_ENTRY_NULL
  };
  JcCliMediaOptions media;
  g_autofree GOptionEntry *entries = NULL;
  VrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcVideoRoomId) room = NULL;
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcPeer) peer = NULL;
  g_autoptr (JsonObject) summary = NULL;
  double elapsed = 0;
  gboolean ignored, completed, sent = FALSE;
  int status;

  jc_cli_media_options_init (&media);
  entries = join_entries (own, jc_cli_media_entries (&media));
  status = parse (opts, "publish", "Join a room as a publisher and send media.", entries, &argc, &argv, NULL, TRUE,
                  NULL);
  if (status != JC_CLI_EXIT_OK || (status = parse_room (opts, "publish", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    goto out;
  source = jc_cli_media_source (&media, &error);
  if (source == NULL)
    {
      status = usage_or_fail (opts, error);
      goto out;
    }
  jc_video_room_request_set_display (options, display != NULL ? display : "janus-client");
  jc_video_room_request_set_pin (options, pin);
  if (media.bitrate > 0)
    jc_video_room_request_set_bitrate (options, (guint) media.bitrate);
  if (!vr_open (&run, JC_LOCAL_JANUS_NETWORK_AUTO, &error) || !media_available (&run, &error))
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
    result = wait_result (&run);
    if (!jc_video_room_publish_media_finish (run.vr, result, &error))
      {
        status = jc_cli_fail (opts, error);
        goto out;
      }
  }
  if (!opts->json)
    {
      g_autofree char *id = jc_video_room_id_to_string (jc_video_room_get_participant_id (run.vr));

      fprintf (stderr, "publishing in room %s as %s\n", room_text, id);
    }
  completed = jc_cli_media_run (opts, peer, media.duration_s, &elapsed);
  stop_peer (&run, peer);
  hangup (&run, run.vr);
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
  vr_close (&run);
  jc_cli_media_options_clear (&media);
  return status;
}

/* subscribe: a line per feed that appears or leaves */

typedef struct
{
  JcCliOptions *opts;
  GHashTable *feeds; /* (owned) feed id string → display (nullable) */
  GHashTable *mids;  /* (owned) mid → feed id string, every stream seen */
  guint appeared;
} FeedWatch;

static void
print_feed (FeedWatch *watch, const JcVideoRoomId *feed, const char *display, const char *action)
{
  if (watch->opts->json)
    {
      g_autoptr (JsonObject) line = json_object_new ();

      json_object_set_string_member (line, "event", "feed");
      json_object_set_member (line, "feed", jc_video_room_id_to_json (feed));
      if (display != NULL)
        json_object_set_string_member (line, "display", display);
      else
        json_object_set_null_member (line, "display");
      json_object_set_string_member (line, "action", action);
      jc_cli_print_json_object (watch->opts, line);
    }
  else
    {
      g_autofree char *id = jc_video_room_id_to_string (feed);

      printf ("feed %s%s%s%s %s\n", id, display != NULL ? " (" : "", display != NULL ? display : "",
              display != NULL ? ")" : "", action);
    }
  fflush (stdout);
}

static void
watch_streams (FeedWatch *watch, GPtrArray *streams)
{
  g_autoptr (GHashTable) now = g_hash_table_new_full ((GHashFunc) jc_video_room_id_hash,
                                                      (GEqualFunc) jc_video_room_id_equal,
                                                      (GDestroyNotify) jc_video_room_id_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < streams->len; i++)
    {
      JcVideoRoomStream *s = g_ptr_array_index (streams, i);
      const JcVideoRoomId *feed = jc_video_room_stream_get_feed_id (s);

      if (feed == NULL || !jc_video_room_stream_is_active (s))
        continue;
      if (jc_video_room_stream_get_mid (s) != NULL)
        g_hash_table_replace (watch->mids, g_strdup (jc_video_room_stream_get_mid (s)),
                              jc_video_room_id_to_string (feed));
      if (!g_hash_table_contains (now, feed))
        g_hash_table_insert (now, jc_video_room_id_copy (feed), (gpointer) jc_video_room_stream_get_feed_display (s));
    }
  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (watch->feeds, key))
      {
        print_feed (watch, key, value, "joined");
        g_hash_table_insert (watch->feeds, jc_video_room_id_copy (key), g_strdup (value));
        watch->appeared++;
      }
  g_hash_table_iter_init (&iter, watch->feeds);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (now, key))
      {
        print_feed (watch, key, value, "left");
        g_hash_table_iter_remove (&iter);
      }
}

static void
on_updated (JcVideoRoom *vr, GPtrArray *streams, gpointer user_data)
{
  watch_streams (user_data, streams);
}

static void
on_vr_error (JcVideoRoom *vr, GError *error, gpointer user_data)
{
  jc_cli_warn ("%s", error->message);
}

static int
cmd_subscribe (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *output = NULL, *pin = NULL;
  g_auto (GStrv) feed_texts = NULL;
  int duration = 10;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "feed", 0, 0, G_OPTION_ARG_STRING_ARRAY, &feed_texts, "A publisher to receive (repeat; default: every one)", "ID" },
    { "output", 0, 0, G_OPTION_ARG_STRING, &output, "A .webm/.mkv/.mp4 file, a folder (a file per feed and mid), null (default) or screen", "DEST" },
    { "duration", 0, 0, G_OPTION_ARG_INT, &duration, "Seconds (default 10; 0: until Ctrl-C)", "SECS" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "The room's pin", "P" },
    G_OPTION_ENTRY_NULL
  };
  VrRun run = { opts };
  FeedWatch watch = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcVideoRoomId) room = NULL;
  g_autoptr (GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_id_free);
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JcPeer) peer = NULL;
  g_autoptr (JcVideoRoom) watcher = NULL;
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  double elapsed = 0;
  gboolean media_ok = FALSE, completed;
  int status = parse (opts, "subscribe", "Receive the feeds of a room on one multistream subscription.", entries,
                      &argc, &argv, NULL, TRUE, NULL);

  watch.feeds = g_hash_table_new_full ((GHashFunc) jc_video_room_id_hash, (GEqualFunc) jc_video_room_id_equal,
                                       (GDestroyNotify) jc_video_room_id_free, g_free);
  watch.mids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (status != JC_CLI_EXIT_OK ||
      (status = parse_room (opts, "subscribe", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    goto out;
  if (duration < 0)
    {
      status = jc_cli_usage_error (opts, "--duration must be 0 or more seconds");
      goto out;
    }
  for (guint i = 0; feed_texts != NULL && feed_texts[i] != NULL; i++)
    {
      JcVideoRoomId *feed = jc_video_room_id_parse (feed_texts[i]);

      if (feed == NULL)
        {
          status = jc_cli_usage_error (opts, "Invalid --feed “%s”", feed_texts[i]);
          goto out;
        }
      g_ptr_array_add (feeds, feed);
    }
  sink = jc_media_sink_new (output != NULL ? output : "null", &error);
  if (sink == NULL)
    {
      status = jc_cli_usage_error (opts, "%s", error->message);
      goto out;
    }
  jc_video_room_request_set_pin (options, pin);
  if (!vr_open (&run, JC_LOCAL_JANUS_NETWORK_AUTO, &error) || !media_available (&run, &error))
    {
      status = jc_cli_fail (opts, error);
      goto out;
    }
  peer = jc_cli_media_peer (opts, JC_HANDLE (run.vr));
  jc_peer_set_sink (peer, sink);
  jc_video_room_set_peer (run.vr, peer, sink);
  g_signal_connect (run.vr, "updated", G_CALLBACK (on_updated), &watch);
  g_signal_connect (run.vr, "error", G_CALLBACK (on_vr_error), NULL);

  if (feeds->len > 0)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GPtrArray) streams = NULL;

      jc_video_room_join_subscriber_async (run.vr, room, feeds, options, opts->cancellable, jc_cli_waiter_callback,
                                           run.waiter);
      result = wait_result (&run);
      streams = jc_video_room_join_subscriber_finish (run.vr, result, NULL, &error);
      if (streams == NULL)
        {
          status = jc_cli_fail (opts, error);
          goto out;
        }
    }
  else
    {
      /* Every publisher present and arriving: a publisher handle that
       * publishes nothing hears of them, the subscriber follows it. */
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (JcVideoRoomId) id = NULL;

      watcher = vr_attach (&run, &error);
      if (watcher != NULL)
        {
          jc_video_room_request_set_display (options, "janus-client subscriber");
          jc_video_room_join_publisher_async (watcher, room, options, opts->cancellable, jc_cli_waiter_callback,
                                              run.waiter);
          result = wait_result (&run);
          id = jc_video_room_join_publisher_finish (watcher, result, &error);
        }
      if (id == NULL)
        {
          status = jc_cli_fail (opts, error);
          goto out;
        }
      jc_video_room_follow (run.vr, watcher);
    }

  completed = jc_cli_media_run (opts, peer, duration, &elapsed);
  stop_peer (&run, peer);
  hangup (&run, run.vr);
  if (watcher != NULL)
    {
      vr_detach (&run, watcher);
      g_clear_object (&watcher);
    }
  summary = jc_cli_media_summary (peer, elapsed, output, &media_ok);
  {
    JsonArray *tracks = json_node_get_array (json_object_get_member (summary, "tracks"));
    g_autoptr (GPtrArray) files = jc_media_sink_get_track_files (sink);
    JsonArray *file_array = json_array_new ();

    for (guint i = 0; i < json_array_get_length (tracks); i++)
      {
        JsonObject *track = json_array_get_object_element (tracks, i);
        const char *mid = jc_cli_json_string (track, "mid");
        const char *feed = mid != NULL ? g_hash_table_lookup (watch.mids, mid) : NULL;

        g_autoptr (JcVideoRoomId) feed_id = feed != NULL ? jc_video_room_id_parse (feed) : NULL;

        if (feed_id != NULL)
          json_object_set_member (track, "feed", jc_video_room_id_to_json (feed_id));
        else
          json_object_set_null_member (track, "feed");
      }
    for (guint i = 0; i < files->len; i++)
      json_array_add_string_element (file_array, g_ptr_array_index (files, i));
    json_object_set_array_member (summary, "files", file_array);
    json_object_set_int_member (summary, "feeds", watch.appeared);
  }
  jc_cli_media_print_summary (opts, summary);
  if (!completed)
    status = JC_CLI_EXIT_INTERRUPTED;
  else if (watch.appeared > 0 && !media_ok)
    {
      jc_cli_warn ("No media arrived from the %u feed(s) (webrtcup: %s, ICE %s)", watch.appeared,
                   jc_peer_is_webrtcup (peer) ? "yes" : "no", jc_peer_get_ice_state (peer));
      status = JC_CLI_EXIT_MEDIA;
    }
  else
    {
      if (watch.appeared == 0)
        jc_cli_warn ("No publisher appeared in room %s", room_text);
      status = JC_CLI_EXIT_OK;
    }

out:
  g_clear_object (&peer);
  vr_detach (&run, watcher);
  g_clear_object (&watcher);
  vr_close (&run);
  g_hash_table_unref (watch.feeds);
  g_hash_table_unref (watch.mids);
  return status;
}

static const struct
{
  const char *name;
  const char *summary;
  JcCliCommandFunc run;
} subcommands[] = {
  { "list", "list the public rooms", cmd_list },
  { "create", "create a room", cmd_create },
  { "destroy", "destroy a room", cmd_destroy },
  { "exists", "tell whether a room exists", cmd_exists },
  { "participants", "list a room's participants", cmd_participants },
  { "publish", "join as a publisher and send media", cmd_publish },
  { "subscribe", "receive feeds on one multistream subscription", cmd_subscribe },
};

int
jc_cmd_videoroom (JcCliOptions *opts, int argc, char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      GString *text = g_string_new ("Usage: janus-client videoroom SUBCOMMAND [OPTION…]\n\nSubcommands:\n");

      for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
        g_string_append_printf (text, "  %-13s %s\n", subcommands[i].name, subcommands[i].summary);
      g_string_append (text, "\nRun 'janus-client videoroom SUBCOMMAND --help' for its options.\n");
      if (argc < 2)
        {
          g_printerr ("%s", text->str);
          g_string_free (text, TRUE);
          return jc_cli_usage_error (opts, "videoroom needs a subcommand");
        }
      printf ("%s", text->str);
      g_string_free (text, TRUE);
      return JC_CLI_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (opts, argc - 1, argv + 1);
  return jc_cli_usage_error (opts, "Unknown videoroom subcommand “%s”; see janus-client videoroom --help", argv[1]);
}

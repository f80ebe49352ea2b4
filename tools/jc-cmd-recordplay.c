/* jc-cmd-recordplay.c: `janus-client recordplay list|record|play`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * record sends media for --duration seconds, Janus recording it, then
 * stops and prints the media summary with the recording's id; play has
 * Janus play a recording to us (to --output) until its end. Without
 * --server each process starts its own Janus with its own, new
 * recordings folder: --recordings-dir DIR gives the private Janus that
 * folder instead, so that what one process recorded another can list and
 * play.
 */
#include <stdio.h>
#include <unistd.h>

#include "jc-cli-media.h"

typedef struct
{
  JC_CLI_SESSION_FIELDS
  JcRecordPlay *rp; /* (owned) */
  JcPeer *peer;     /* (owned) (nullable) */

  gboolean done;
  GError *error; /* (owned) (nullable) the first "error" */
  gint64 start_us;
  gint64 webrtcup_us;
} RpRun;

static GAsyncResult *
rp_wait (RpRun *run)
{
  return jc_cli_session_wait ((JcCliSession *) run);
}

static void
on_error (JcRecordPlay *rp, const GError *error, RpRun *run)
{
  g_debug ("Record&Play: %s", error->message);
  if (run->error == NULL)
    run->error = g_error_copy (error);
}

static void
on_done (JcRecordPlay *rp, guint64 id, RpRun *run)
{
  run->done = TRUE;
}

static void
on_webrtcup (JcHandle *handle, RpRun *run)
{
  if (run->webrtcup_us == 0)
    run->webrtcup_us = g_get_monotonic_time ();
}

/* Without --server and with --recordings-dir: the private Janus, started
 * here with that folder as Record&Play's path. */
static gboolean
start_private_janus (JcCliOptions *opts, const char *dir, GError **error)
{
  g_autoptr (JcLocalJanus) local = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lines = NULL;

  if (dir == NULL || opts->server != NULL || opts->local != NULL)
    {
      if (dir != NULL && opts->server != NULL)
        jc_cli_warn ("--recordings-dir is for the private Janus; ignored with --server");
      return TRUE;
    }
  path = g_canonicalize_filename (dir, NULL);
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Cannot create the recordings folder %s", path);
      return FALSE;
    }
  if (strchr (path, '"') != NULL || strchr (path, '\\') != NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "The recordings folder %s has a quote or backslash in its name", path);
      return FALSE;
    }
  local = jc_local_janus_new ();
  jc_local_janus_set_network (local, JC_LOCAL_JANUS_NETWORK_AUTO);
  if (opts->api_secret != NULL)
    jc_local_janus_set_api_secret (local, opts->api_secret);
  lines = g_strdup_printf ("path = \"%s\"", path);
  jc_local_janus_set_plugin_config (local, JC_RECORD_PLAY_PLUGIN, lines);
  g_debug ("No --server: starting a private Janus recording into %s", path);
  if (!jc_local_janus_start (local, JC_CLI_LOCAL_JANUS_START_MS, &local_error))
    {
      jc_local_janus_stop (local);
      g_set_error (error, JC_ERROR, JC_ERROR_CONNECT, "Cannot start a private Janus (no --server given): %s", local_error->message);
      return FALSE;
    }
  if (opts->admin_server == NULL)
    {
      opts->admin_server = g_strdup (jc_local_janus_get_admin_ws_uri (local));
      if (opts->admin_secret == NULL)
        opts->admin_secret = g_strdup (jc_local_janus_get_admin_secret (local));
    }
  opts->local = g_steal_pointer (&local);
  return TRUE;
}

static gboolean
rp_open (RpRun *run, const char *recordings_dir, GError **error)
{
  if (!start_private_janus (run->opts, recordings_dir, error) ||
      !jc_cli_session_open ((JcCliSession *) run, JC_LOCAL_JANUS_NETWORK_AUTO, error))
    return FALSE;
  run->rp = jc_cli_session_attach ((JcCliSession *) run, jc_record_play_attach_async,
                                   (JcCliAttachFinish) jc_record_play_attach_finish, error);
  if (run->rp == NULL)
    return FALSE;
  g_signal_connect (run->rp, "error", G_CALLBACK (on_error), run);
  g_signal_connect (run->rp, "done", G_CALLBACK (on_done), run);
  g_signal_connect (run->rp, "webrtcup", G_CALLBACK (on_webrtcup), run);
  return TRUE;
}

/* Stops what the handle does (recording or playout), waiting a moment
 * for Janus's "done". */
static void
rp_stop (RpRun *run)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  JcRecordPlayState state;

  if (run->waiter == NULL || run->rp == NULL || !jc_handle_is_attached (JC_HANDLE (run->rp)))
    return;
  state = jc_record_play_get_state (run->rp);
  if (state == JC_RECORD_PLAY_STATE_IDLE)
    return;
  jc_record_play_stop_async (run->rp, NULL, jc_cli_waiter_callback, run->waiter);
  result = rp_wait (run);
  if (!jc_record_play_stop_finish (run->rp, result, &error))
    {
      g_debug ("Stop: %s", error->message);
      return;
    }
  for (int i = 0; i < 30 && !run->done; i++)
    jc_cli_sleep (100, NULL);
}

static void
rp_close (RpRun *run)
{
  rp_stop (run);
  if (run->waiter != NULL && run->peer != NULL)
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_peer_stop_async (run->peer, NULL, jc_cli_waiter_callback, run->waiter);
      result = rp_wait (run);
      jc_peer_stop_finish (run->peer, result, NULL);
    }
  jc_cli_session_detach ((JcCliSession *) run, run->rp);
  if (run->rp != NULL)
    g_signal_handlers_disconnect_by_data (run->rp, run);
  g_clear_object (&run->rp);
  jc_cli_session_close ((JcCliSession *) run);
  g_clear_error (&run->error);
}

#define RECORDINGS_DIR_ENTRY(location)                                                                                 \
  {                                                                                                                    \
    "recordings-dir", 0, 0, G_OPTION_ARG_FILENAME, (location),                                                         \
        "Without --server: the private Janus records into and plays from DIR (kept; default: a new temporary folder)", \
        "DIR"                                                                                                          \
  }

static int
fail (RpRun *run, GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? JC_CLI_EXIT_INTERRUPTED : jc_cli_fail (run->opts, error);
}

static int
cmd_list (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *dir = NULL;
  const GOptionEntry entries[] = { RECORDINGS_DIR_ENTRY (&dir), G_OPTION_ENTRY_NULL };
  RpRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) recordings = NULL;
  g_autoptr (JsonObject) out = NULL;
  JsonArray *array;
  int status = jc_cli_parse_plugin_command (opts, "recordplay", "list", "List the recordings Janus can play.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK)
    return status;
  if (!rp_open (&run, dir, &error))
    {
      status = fail (&run, error);
      rp_close (&run);
      return status;
    }
  jc_record_play_list_async (run.rp, opts->cancellable, jc_cli_waiter_callback, run.waiter);
  result = rp_wait (&run);
  recordings = jc_record_play_list_finish (run.rp, result, &error);
  if (recordings == NULL)
    {
      status = fail (&run, error);
      rp_close (&run);
      return status;
    }
  if (run.error != NULL)
    jc_cli_warn ("%s", run.error->message);
  rp_close (&run);

  out = json_object_new ();
  array = json_array_new ();
  for (guint i = 0; i < recordings->len; i++)
    {
      JcRecordPlayRecording *rec = g_ptr_array_index (recordings, i);
      JsonObject *entry = json_object_new ();
      const char *date = jc_record_play_recording_get_date (rec);
      const char *acodec = jc_record_play_recording_get_audio_codec (rec);
      const char *vcodec = jc_record_play_recording_get_video_codec (rec);

      json_object_set_int_member (entry, "id", (gint64) jc_record_play_recording_get_id (rec));
      json_object_set_string_member (entry, "name", jc_record_play_recording_get_name (rec));
      jc_cli_json_set_string_or_null (entry, "date", date);
      json_object_set_boolean_member (entry, "audio", jc_record_play_recording_has_audio (rec));
      json_object_set_boolean_member (entry, "video", jc_record_play_recording_has_video (rec));
      if (acodec != NULL)
        json_object_set_string_member (entry, "audio_codec", acodec);
      if (vcodec != NULL)
        json_object_set_string_member (entry, "video_codec", vcodec);
      json_array_add_object_element (array, entry);
    }
  json_object_set_array_member (out, "recordings", array);
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  else if (recordings->len == 0)
    {
      printf ("No recordings.\n");
      if (opts->server == NULL && dir == NULL)
        fprintf (stderr, "(The private Janus started for this command has an empty recordings folder of its own: give "
                         "--server, or --recordings-dir DIR to every command.)\n");
    }
  else
    for (guint i = 0; i < recordings->len; i++)
      {
        JcRecordPlayRecording *rec = g_ptr_array_index (recordings, i);
        const char *date = jc_record_play_recording_get_date (rec);

        printf ("%" G_GUINT64_FORMAT "  %s  %s%s%s\n", jc_record_play_recording_get_id (rec), date != NULL ? date : "-",
                jc_record_play_recording_get_name (rec), jc_record_play_recording_has_audio (rec) ? "  [audio]" : "",
                jc_record_play_recording_has_video (rec) ? " [video]" : "");
      }
  return JC_CLI_EXIT_OK;
}

static gboolean
parse_id (const char *text, guint64 *out)
{
  guint64 id = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, (G_GUINT64_CONSTANT (1) << 53) - 1, &id, NULL))
    return FALSE;
  *out = id;
  return TRUE;
}

/* Sent packets on any track: what "media flowed" means for a recorder. */
static gboolean
sent_any (JsonObject *summary)
{
  JsonNode *node = json_object_get_member (summary, "tracks");
  JsonArray *tracks = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; tracks != NULL && i < json_array_get_length (tracks); i++)
    {
      JsonObject *track = json_array_get_object_element (tracks, i);

      if (g_strcmp0 (jc_cli_json_string (track, "direction"), "sent") == 0 && jc_cli_json_int (track, "packets", 0) > 0)
        return TRUE;
    }
  return FALSE;
}

static int
cmd_record (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *dir = NULL;
  const GOptionEntry own[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "The recording's name (required)", "NAME" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, "The recording's id (default: Janus picks one)", "ID" },
    { "filename", 0, 0, G_OPTION_ARG_STRING, &filename, "Base name of the MJR files in Janus's folder (default rec-ID)", "BASE" },
    RECORDINGS_DIR_ENTRY (&dir),
    G_OPTION_ENTRY_NULL
  };
  JcCliMediaOptions media;
  g_autofree GOptionEntry *entries = NULL;
  RpRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcRecordPlayRequest) options = jc_record_play_request_new ();
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JsonObject) summary = NULL;
  guint64 id = 0;
  double elapsed = 0;
  gboolean media_ok = FALSE;
  gboolean completed;
  int status;

  jc_cli_media_options_init (&media);
  entries = jc_cli_media_join_entries (own, jc_cli_media_entries (&media));
  status = jc_cli_parse_plugin_command (opts, "recordplay", "record", "Send media that Janus records as NAME, for --duration seconds.", entries, &argc, &argv);
  if (status == JC_CLI_EXIT_OK && (name == NULL || *name == '\0'))
    status = jc_cli_usage_error (opts, "recordplay record needs --name NAME");
  if (status == JC_CLI_EXIT_OK && id_text != NULL && !parse_id (id_text, &id))
    status = jc_cli_usage_error (opts, "--id must be a number from 1 to 2^53-1 (Record&Play ids are numbers)");
  if (status != JC_CLI_EXIT_OK)
    goto out;
  if ((source = jc_cli_media_source (&media, &error)) == NULL)
    {
      status = jc_cli_usage_or_fail (opts, error);
      goto out;
    }
  if (!rp_open (&run, dir, &error) || !jc_cli_media_available (opts, &error))
    goto fail;
  run.peer = jc_cli_media_peer (opts, JC_HANDLE (run.rp));
  jc_peer_set_source (run.peer, source);
  jc_record_play_set_peer (run.rp, run.peer);
  if (filename != NULL)
    jc_record_play_request_set_filename (options, filename);
  if (media.video_codec != NULL)
    jc_record_play_request_set_video_codec (options, media.video_codec);
  if (media.audio_codec != NULL)
    jc_record_play_request_set_audio_codec (options, media.audio_codec);

  run.start_us = g_get_monotonic_time ();
  jc_record_play_record_async (run.rp, name, id, options, NULL, opts->cancellable, jc_cli_waiter_callback, run.waiter);
  result = rp_wait (&run);
  id = jc_record_play_record_finish (run.rp, result, NULL, &error);
  if (id == 0)
    goto fail;
  if (!opts->json)
    fprintf (stderr, "Recording %" G_GUINT64_FORMAT " (“%s”)\n", id, name);
  completed = jc_cli_media_run_until (opts, run.peer, media.duration_s, &run.done, &elapsed);
  if (run.webrtcup_us != 0 && !opts->json)
    fprintf (stderr, "Recording set up in %.0f ms (to webrtcup)\n", (run.webrtcup_us - run.start_us) / 1000.0);
  {
    JcPeer *peer = g_object_ref (run.peer);

    rp_close (&run);
    summary = jc_cli_media_summary (peer, elapsed, NULL, &media_ok);
    g_object_unref (peer);
  }
  json_object_set_int_member (summary, "id", (gint64) id);
  json_object_set_string_member (summary, "name", name);
  jc_cli_media_print_summary (opts, summary);
  if (!opts->json)
    printf ("recording %" G_GUINT64_FORMAT " (“%s”)\n", id, name);
  if (!completed)
    status = JC_CLI_EXIT_INTERRUPTED;
  else if (!json_object_get_boolean_member (summary, "webrtcup") || !sent_any (summary))
    {
      jc_cli_warn ("No media reached Janus: the recording is empty");
      status = JC_CLI_EXIT_MEDIA;
    }
  goto out;

fail:
  status = fail (&run, error);
out:
  rp_close (&run);
  jc_cli_media_options_clear (&media);
  return status;
}

/* Frames and audio buffers received so far. */
static gint64
received_frames (JcPeer *peer)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);
  gint64 total = 0;

  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);

      if (g_strcmp0 (jc_cli_json_string (track, "direction"), "received") == 0)
        total += jc_cli_json_int (track, "frames", 0);
    }
  return total;
}

static void
on_first_frame_check (RpRun *run, gint64 *first_us)
{
  if (*first_us == 0 && run->peer != NULL && received_frames (run->peer) > 0)
    *first_us = g_get_monotonic_time ();
}

static int
cmd_play (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *id_text = NULL;
  g_autofree char *dir = NULL;
  const GOptionEntry own[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, "The recording to play (required; see recordplay list)", "ID" },
    RECORDINGS_DIR_ENTRY (&dir),
    G_OPTION_ENTRY_NULL
  };
  JcCliMediaOptions media;
  g_autofree GOptionEntry *entries = NULL;
  RpRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JsonObject) summary = NULL;
  guint64 id = 0;
  double elapsed = 0;
  gboolean media_ok = FALSE;
  gboolean completed = TRUE;
  gint64 first_us = 0;
  int status;

  jc_cli_media_options_init (&media);
  /* Until the recording's end unless --duration bounds it. */
  media.duration_s = 0;
  entries = jc_cli_media_join_entries (own, jc_cli_media_entries (&media));
  status = jc_cli_parse_plugin_command (opts, "recordplay", "play", "Have Janus play recording ID to --output (until its end or --duration).", entries, &argc,
                                        &argv);
  if (status == JC_CLI_EXIT_OK && !parse_id (id_text, &id))
    status = jc_cli_usage_error (opts, "recordplay play needs --id ID, a number from 1 to 2^53-1");
  if (status != JC_CLI_EXIT_OK)
    goto out;
  if ((sink = jc_cli_media_sink (&media, &error)) == NULL)
    {
      status = jc_cli_usage_error (opts, "%s", error->message);
      goto out;
    }
  if (!rp_open (&run, dir, &error) || !jc_cli_media_available (opts, &error))
    goto fail;
  run.peer = jc_cli_media_peer (opts, JC_HANDLE (run.rp));
  jc_peer_set_sink (run.peer, sink);
  jc_record_play_set_peer (run.rp, run.peer);

  run.start_us = g_get_monotonic_time ();
  jc_record_play_play_async (run.rp, id, opts->cancellable, jc_cli_waiter_callback, run.waiter);
  result = rp_wait (&run);
  if (!jc_record_play_play_finish (run.rp, result, NULL, &error))
    {
      if (opts->server == NULL && dir == NULL && !opts->json && g_error_matches (error, JC_PLUGIN_ERROR, JC_RECORD_PLAY_ERROR_NOT_FOUND))
        fprintf (stderr, "(The private Janus started for this command has an empty recordings folder of its own: give "
                         "--server, or --recordings-dir DIR to every command.)\n");
      goto fail;
    }
  if (!opts->json)
    fprintf (stderr, "Playing recording %" G_GUINT64_FORMAT "\n", id);
  /* In slices of a second, to see the first frame come. */
  {
    gint64 deadline = media.duration_s > 0 ? run.start_us + (gint64) media.duration_s * G_USEC_PER_SEC : 0;
    gint64 begin = g_get_monotonic_time ();
    gint64 next_report = begin + (isatty (STDERR_FILENO) ? 1 : 5) * G_USEC_PER_SEC;

    while (!run.done && run.error == NULL && (deadline == 0 || g_get_monotonic_time () < deadline))
      {
        if (!jc_cli_sleep (first_us == 0 ? 20 : 250, opts->cancellable))
          {
            completed = FALSE;
            break;
          }
        on_first_frame_check (&run, &first_us);
        if (g_get_monotonic_time () >= next_report)
          {
            fprintf (stderr, "%5.1f s  ICE %-9s  in %" G_GINT64_FORMAT " frames\n",
                     (double) (g_get_monotonic_time () - begin) / G_USEC_PER_SEC, jc_peer_get_ice_state (run.peer),
                     received_frames (run.peer));
            next_report += (isatty (STDERR_FILENO) ? 1 : 5) * G_USEC_PER_SEC;
          }
      }
    elapsed = (double) (g_get_monotonic_time () - begin) / G_USEC_PER_SEC;
  }
  if (!opts->json)
    {
      if (run.webrtcup_us != 0)
        fprintf (stderr, "Playout set up in %.0f ms (to webrtcup)\n", (run.webrtcup_us - run.start_us) / 1000.0);
      if (first_us != 0)
        fprintf (stderr, "First frame %.0f ms after play\n", (first_us - run.start_us) / 1000.0);
      if (run.done)
        fprintf (stderr, "Janus played the whole recording\n");
    }
  if (run.error != NULL)
    jc_cli_warn ("%s", run.error->message);
  {
    JcPeer *peer = g_object_ref (run.peer);

    rp_close (&run);
    summary = jc_cli_media_summary (peer, elapsed, media.output, &media_ok);
    g_object_unref (peer);
  }
  json_object_set_int_member (summary, "id", (gint64) id);
  jc_cli_media_print_summary (opts, summary);
  if (!completed)
    status = JC_CLI_EXIT_INTERRUPTED;
  else if (!media_ok)
    {
      jc_cli_warn ("No media came from the recording");
      status = JC_CLI_EXIT_MEDIA;
    }
  goto out;

fail:
  status = fail (&run, error);
out:
  rp_close (&run);
  jc_cli_media_options_clear (&media);
  return status;
}

static const JcCliCommand subcommands[] = {
  { "list", "list the recordings", cmd_list },
  { "record", "send media that Janus records (--name NAME)", cmd_record },
  { "play", "have Janus play a recording to us (--id ID)", cmd_play },
};

int
jc_cmd_recordplay (JcCliOptions *opts, int argc, char **argv)
{
  return jc_cli_run_subcommand (opts, "recordplay", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}

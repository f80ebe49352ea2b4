/* jc-cmd-streaming.c: `janus-client streaming list|info|create|destroy|
 * feed|watch`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Mountpoint administration over the Janus API; `feed` sends plain RTP
 * (JcRtpFeeder) to a mountpoint's ports, `watch` receives a mountpoint
 * over WebRTC and prints the media summary. Without --server each
 * process has its own private Janus: `feed` without --id then creates a
 * mountpoint there and feeds it.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jc-cli-media.h"
#include "jc-cli.h"

typedef struct
{
  JC_CLI_SESSION_FIELDS
  JcStreaming *st; /* (owned) */
  JcPeer *peer;    /* (owned) (nullable) watch */
  gboolean hung_up;
  gint64 start_us;
  gint64 webrtcup_us;
} StRun;

static GAsyncResult *
st_wait (StRun *run)
{
  return jc_cli_session_wait ((JcCliSession *) run);
}

static gboolean
st_open (StRun *run, JcLocalJanusNetwork network, GError **error)
{
  if (!jc_cli_session_open ((JcCliSession *) run, network, error))
    return FALSE;
  run->st = jc_cli_session_attach ((JcCliSession *) run, jc_streaming_attach_async, (JcCliAttachFinish) jc_streaming_attach_finish,
                                   error);
  return run->st != NULL;
}

static void
st_close (StRun *run)
{
  if (run->waiter != NULL && run->peer != NULL)
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_peer_stop_async (run->peer, NULL, jc_cli_waiter_callback, run->waiter);
      result = st_wait (run);
      jc_peer_stop_finish (run->peer, result, NULL);
    }
  jc_cli_session_detach ((JcCliSession *) run, run->st);
  g_clear_object (&run->st);
  jc_cli_session_close ((JcCliSession *) run);
}

static int
st_parse_port (JcCliOptions *opts, const char *name, int value)
{
  if (value < 0 || value > 65535)
    return jc_cli_usage_error (opts, "--%s must be a UDP port (0 to 65535)", name);
  return JC_CLI_EXIT_OK;
}

static JsonObject *
id_line (const JcId *id)
{
  JsonObject *out = json_object_new ();

  json_object_set_member (out, "id", jc_id_to_json (id));
  return out;
}

/* list */

static int
cmd_list (JcCliOptions *opts, int argc, char **argv)
{
  StRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (JsonObject) out = json_object_new ();
  JsonArray *array = json_array_new ();
  int status = jc_cli_parse_plugin_command (opts, "streaming", "list", "List the public mountpoints.", NULL, &argc, &argv);

  json_object_set_array_member (out, "mountpoints", array);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (st_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_streaming_list_async (run.st, NULL, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = st_wait (&run);
      list = jc_streaming_list_finish (run.st, result, &error);
    }
  st_close (&run);
  if (list == NULL)
    return jc_cli_fail_hinting (opts, error, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
  for (guint i = 0; i < list->len; i++)
    {
      JcStreamingInfo *info = g_ptr_array_index (list, i);
      g_autofree char *id = jc_id_to_string (jc_streaming_info_get_id (info));

      json_array_add_object_element (array, json_object_ref (jc_streaming_info_get_json (info)));
      if (!opts->json)
        printf ("%-12s %-9s %-8s %s\n", id, jc_streaming_info_get_mountpoint_type (info) != NULL ? jc_streaming_info_get_mountpoint_type (info) : "",
                jc_streaming_info_is_enabled (info) ? "enabled" : "disabled",
                jc_streaming_info_get_description (info) != NULL ? jc_streaming_info_get_description (info) : "");
    }
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  else if (list->len == 0)
    printf ("No public mountpoints.\n");
  return JC_CLI_EXIT_OK;
}

/* info */

static JcStreamingInfo *
st_info (StRun *run, const JcId *id, const char *secret, GError **error)
{
  g_autoptr (JcStreamingRequest) options = jc_streaming_request_new ();
  g_autoptr (GAsyncResult) result = NULL;

  jc_streaming_request_set_secret (options, secret);
  jc_streaming_info_async (run->st, id, options, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = st_wait (run);
  return jc_streaming_info_finish (run->st, result, error);
}

static int
cmd_info (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *id_text = NULL, *secret = NULL;
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, "The mountpoint", "ID" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "Its secret: Janus then tells everything (ports, pin, …)", "S" },
    G_OPTION_ENTRY_NULL
  };
  StRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) id = NULL;
  g_autoptr (JcStreamingInfo) info = NULL;
  g_autoptr (JsonNode) node = NULL;
  int status = jc_cli_parse_plugin_command (opts, "streaming", "info", "Tell about one mountpoint.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "streaming", "info", "id", id_text, TRUE, &id)) != JC_CLI_EXIT_OK)
    return status;
  if (st_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    info = st_info (&run, id, secret, &error);
  st_close (&run);
  if (info == NULL)
    return jc_cli_fail_hinting (opts, error, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
  node = json_node_init_object (json_node_alloc (), jc_streaming_info_get_json (info));
  jc_cli_print_json_node (opts, node);
  return JC_CLI_EXIT_OK;
}

/* create */

typedef struct
{
  char *id_text, *name, *description, *secret, *pin, *admin_key;
  char *video_codec, *audio_codec;
  gboolean is_private, no_audio, no_video;
  int audio_port, video_port, audio_pt, video_pt;
} CreateOptions;

static void
create_options_clear (CreateOptions *c)
{
  g_free (c->id_text);
  g_free (c->name);
  g_free (c->description);
  g_free (c->secret);
  g_free (c->pin);
  g_free (c->admin_key);
  g_free (c->video_codec);
  g_free (c->audio_codec);
}

/* Creates an RTP mountpoint on run's handle from @c. */
static JcStreamingInfo *
st_create (StRun *run, CreateOptions *c, const JcId *id, GError **error)
{
  g_autoptr (JcStreamingMountpoint) mp = jc_streaming_mountpoint_new ("rtp");
  g_autoptr (GAsyncResult) result = NULL;

  jc_streaming_mountpoint_set_id (mp, id);
  jc_streaming_mountpoint_set_name (mp, c->name);
  jc_streaming_mountpoint_set_description (mp, c->description);
  jc_streaming_mountpoint_set_secret (mp, c->secret);
  jc_streaming_mountpoint_set_pin (mp, c->pin);
  if (c->is_private)
    jc_streaming_mountpoint_set_is_private (mp, TRUE);
  jc_streaming_mountpoint_set_admin_key (mp, jc_cli_admin_key (c->admin_key));
  if (!c->no_audio)
    jc_streaming_mountpoint_add_rtp_media (mp, "audio", "a", c->audio_codec != NULL ? c->audio_codec : "opus", c->audio_pt, (guint) c->audio_port);
  if (!c->no_video)
    {
      g_autoptr (JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);

      jc_streaming_mountpoint_add_rtp_media (mp, "video", "v", c->video_codec != NULL ? c->video_codec : "vp8", c->video_pt,
                                             (guint) c->video_port);
      jc_streaming_mountpoint_set_media_extra (mp, "v", "bufferkf", yes);
    }
  jc_streaming_create_async (run->st, mp, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = st_wait (run);
  return jc_streaming_create_finish (run->st, result, error);
}

static int
check_create_options (JcCliOptions *opts, CreateOptions *c)
{
  int status;

  if (c->no_audio && c->no_video)
    return jc_cli_usage_error (opts, "--no-audio and --no-video leave nothing to stream");
  if ((status = st_parse_port (opts, "audio-port", c->audio_port)) != JC_CLI_EXIT_OK ||
      (status = st_parse_port (opts, "video-port", c->video_port)) != JC_CLI_EXIT_OK)
    return status;
  if (c->audio_pt < 0 || c->audio_pt > 127 || c->video_pt < 0 || c->video_pt > 127)
    return jc_cli_usage_error (opts, "Payload types go from 0 to 127");
  return JC_CLI_EXIT_OK;
}

static void
print_created (JcCliOptions *opts, JcStreamingInfo *info)
{
  g_autoptr (JsonObject) out = id_line (jc_streaming_info_get_id (info));
  JsonObject *ports = json_object_new ();
  g_autofree char *id = jc_id_to_string (jc_streaming_info_get_id (info));
  GPtrArray *media = jc_streaming_info_get_media (info);

  for (guint i = 0; i < media->len; i++)
    {
      JcStreamingMedia *m = g_ptr_array_index (media, i);

      if (jc_streaming_media_get_media_type (m) != NULL && !json_object_has_member (ports, jc_streaming_media_get_media_type (m)))
        json_object_set_int_member (ports, jc_streaming_media_get_media_type (m), jc_streaming_media_get_port (m));
    }
  json_object_set_object_member (out, "ports", ports);
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  else
    {
      printf ("created mountpoint %s", id);
      for (guint i = 0; i < media->len; i++)
        printf ("%s %s port %u", i == 0 ? ":" : ",", jc_streaming_media_get_media_type (g_ptr_array_index (media, i)),
                jc_streaming_media_get_port (g_ptr_array_index (media, i)));
      printf ("\n");
    }
}

#define CREATE_ENTRIES(c)                                                                                                                \
  { "name", 0, 0, G_OPTION_ARG_STRING, &(c).name, "A unique name", "N" },                                                                \
      { "description", 0, 0, G_OPTION_ARG_STRING, &(c).description, "What viewers see in list", "D" },                                   \
      { "secret", 0, 0, G_OPTION_ARG_STRING, &(c).secret, "Secret needed to edit or destroy it (and for info to tell its ports)", "S" }, \
      { "pin", 0, 0, G_OPTION_ARG_STRING, &(c).pin, "Pin needed to watch it", "P" },                                                     \
      { "private", 0, 0, G_OPTION_ARG_NONE, &(c).is_private, "Leave it out of list", NULL },                                             \
      JC_CLI_ADMIN_KEY_ENTRY (&(c).admin_key),                                                                                           \
      { "audio-port", 0, 0, G_OPTION_ARG_INT, &(c).audio_port, "UDP port for the audio (default 0: Janus picks)", "N" },                 \
      { "video-port", 0, 0, G_OPTION_ARG_INT, &(c).video_port, "UDP port for the video (default 0: Janus picks)", "N" },                 \
      { "audio-pt", 0, 0, G_OPTION_ARG_INT, &(c).audio_pt, "Audio payload type (default 111)", "PT" },                                   \
  {                                                                                                                                      \
    "video-pt", 0, 0, G_OPTION_ARG_INT, &(c).video_pt, "Video payload type (default 96)", "PT"                                           \
  }

static void
create_options_init (CreateOptions *c)
{
  memset (c, 0, sizeof *c);
  c->audio_pt = 111;
  c->video_pt = 96;
}

static int
cmd_create (JcCliOptions *opts, int argc, char **argv)
{
  CreateOptions c;
  int status;

  create_options_init (&c);
  {
    const GOptionEntry entries[] = {
      { "id", 0, 0, G_OPTION_ARG_STRING, &c.id_text, "The mountpoint's id (default: Janus picks one)", "ID" },
      CREATE_ENTRIES (c),
      { "video-codec", 0, 0, G_OPTION_ARG_STRING, &c.video_codec, "vp8 (default), vp9, h264", "C" },
      { "audio-codec", 0, 0, G_OPTION_ARG_STRING, &c.audio_codec, "opus (default), pcmu, pcma", "C" },
      { "no-audio", 0, 0, G_OPTION_ARG_NONE, &c.no_audio, "No audio stream", NULL },
      { "no-video", 0, 0, G_OPTION_ARG_NONE, &c.no_video, "No video stream", NULL },
      G_OPTION_ENTRY_NULL
    };
    StRun run = { opts };
    g_autoptr (GError) error = NULL;
    g_autoptr (JcId) id = NULL;
    g_autoptr (JcStreamingInfo) info = NULL;

    status = jc_cli_parse_plugin_command (opts, "streaming", "create", "Create an RTP mountpoint (Opus audio mid a, VP8 video mid v).", entries, &argc, &argv);
    if (status == JC_CLI_EXIT_OK && (status = jc_cli_parse_id_option (opts, "streaming", "create", "id", c.id_text, FALSE, &id)) == JC_CLI_EXIT_OK &&
        (status = check_create_options (opts, &c)) == JC_CLI_EXIT_OK)
      {
        if (st_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
          info = st_create (&run, &c, id, &error);
        st_close (&run);
        if (info == NULL)
          status = jc_cli_fail_hinting (opts, error, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
        else
          print_created (opts, info);
      }
  }
  create_options_clear (&c);
  return status;
}

/* destroy */

static int
cmd_destroy (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *id_text = NULL, *secret = NULL;
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, "The mountpoint", "ID" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "Its secret", "S" },
    G_OPTION_ENTRY_NULL
  };
  StRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) id = NULL;
  g_autoptr (JcStreamingRequest) options = jc_streaming_request_new ();
  gboolean done = FALSE;
  int status = jc_cli_parse_plugin_command (opts, "streaming", "destroy", "Destroy a mountpoint.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "streaming", "destroy", "id", id_text, TRUE, &id)) != JC_CLI_EXIT_OK)
    return status;
  jc_streaming_request_set_secret (options, secret);
  if (st_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_streaming_destroy_async (run.st, id, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = st_wait (&run);
      done = jc_streaming_destroy_finish (run.st, result, &error);
    }
  st_close (&run);
  if (!done)
    return jc_cli_fail_hinting (opts, error, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = id_line (id);

      json_object_set_boolean_member (out, "destroyed", TRUE);
      jc_cli_print_json_object (opts, out);
    }
  else
    printf ("destroyed mountpoint %s\n", id_text);
  return JC_CLI_EXIT_OK;
}

/* feed */

/* The host of --server's URI, or of the private Janus. */
static char *
server_host (JcCliOptions *opts)
{
  g_autoptr (GUri) uri = NULL;

  if (opts->server == NULL)
    return opts->local != NULL ? g_strdup (jc_local_janus_get_host (opts->local)) : NULL;
  uri = g_uri_parse (opts->server, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_str_equal (g_uri_get_scheme (uri), "unix"))
    return NULL;
  return g_strdup (g_uri_get_host (uri));
}

static JsonObject *
feed_track (JcRtpFeeder *feeder, const char *kind, const char *codec, guint port)
{
  JsonObject *track = json_object_new ();

  json_object_set_string_member (track, "kind", kind);
  json_object_set_null_member (track, "mid");
  json_object_set_string_member (track, "codec", codec);
  json_object_set_string_member (track, "direction", "sent");
  json_object_set_int_member (track, "port", port);
  json_object_set_int_member (track, "packets", (gint64) jc_rtp_feeder_get_packets_sent (feeder, kind));
  json_object_set_int_member (track, "bytes", (gint64) jc_rtp_feeder_get_bytes_sent (feeder, kind));
  json_object_set_int_member (track, "frames", (gint64) jc_rtp_feeder_get_frames_sent (feeder, kind));
  return track;
}

static void
on_feeder_error (JcRtpFeeder *feeder, GError *error, GError **slot)
{
  if (*slot == NULL)
    *slot = g_error_copy (error);
}

/* Sends until --duration, printing progress each second (stderr, or
 * JSON lines with --json). */
static int
feed_run (JcCliOptions *opts, JcRtpFeeder *feeder, const JcId *id, const char *host, guint audio_port, guint video_port, JcCliMediaOptions *media)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) summary = json_object_new ();
  JsonArray *tracks = json_array_new ();
  JcMediaSource *source = jc_rtp_feeder_get_source (feeder);
  gint64 start = g_get_monotonic_time ();
  double elapsed = 0;
  gboolean interrupted = FALSE;
  gboolean tty = isatty (STDERR_FILENO);
  int second = 0;

  g_signal_connect (feeder, "error", G_CALLBACK (on_feeder_error), &error);
  if (!jc_rtp_feeder_start (feeder, &error))
    return jc_cli_usage_or_fail (opts, error);
  if (!opts->json)
    {
      g_autofree char *id_text = id != NULL ? jc_id_to_string (id) : g_strdup ("(none)");

      fprintf (stderr, "Feeding mountpoint %s at %s (audio port %u, video port %u)\n", id_text, host, audio_port, video_port);
    }
  while (error == NULL)
    {
      if (!jc_cli_sleep (200, opts->cancellable))
        {
          interrupted = TRUE;
          break;
        }
      elapsed = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      /* Progress on stderr as jc_cli_media_run prints it: a line per
       * second on a terminal, one every 5 s in a log. */
      if ((int) elapsed > second)
        {
          second = (int) elapsed;
          if (tty || second % 5 == 0)
            fprintf (stderr, "%s%5d s  sent %" G_GUINT64_FORMAT " video frames, %" G_GUINT64_FORMAT " audio packets, %" G_GUINT64_FORMAT " bytes%s",
                     tty ? "\r" : "", second, jc_rtp_feeder_get_frames_sent (feeder, "video"), jc_rtp_feeder_get_packets_sent (feeder, "audio"),
                     jc_rtp_feeder_get_bytes_sent (feeder, "video") + jc_rtp_feeder_get_bytes_sent (feeder, "audio"), tty ? "   " : "\n");
        }
      if (media->duration_s > 0 && elapsed >= media->duration_s)
        break;
    }
  if (tty)
    fputc ('\n', stderr);
  jc_rtp_feeder_stop (feeder);
  if (audio_port != 0)
    json_array_add_object_element (tracks, feed_track (feeder, "audio", jc_audio_codec_to_string (jc_media_source_get_audio_codec (source)), audio_port));
  if (video_port != 0)
    json_array_add_object_element (tracks, feed_track (feeder, "video", jc_video_codec_to_string (jc_media_source_get_video_codec (source)), video_port));
  json_object_set_member (summary, "id", id != NULL ? jc_id_to_json (id) : json_node_init_null (json_node_alloc ()));
  json_object_set_string_member (summary, "host", host);
  json_object_set_double_member (summary, "duration_s", ((gint64) (elapsed * 10 + 0.5)) / 10.0);
  json_object_set_array_member (summary, "tracks", tracks);
  json_object_set_null_member (summary, "output");
  if (opts->json)
    jc_cli_print_json_object (opts, summary);
  else
    for (guint i = 0; i < json_array_get_length (tracks); i++)
      {
        JsonObject *t = json_array_get_object_element (tracks, i);

        printf ("  sent     %-5s %-5s port %-5" G_GINT64_FORMAT " %8" G_GINT64_FORMAT " packets %10" G_GINT64_FORMAT " bytes %7" G_GINT64_FORMAT " frames\n",
                jc_cli_json_string (t, "kind"), jc_cli_json_string (t, "codec"), jc_cli_json_int (t, "port", 0),
                jc_cli_json_int (t, "packets", 0), jc_cli_json_int (t, "bytes", 0), jc_cli_json_int (t, "frames", 0));
      }
  if (error != NULL)
    return jc_cli_fail (opts, error);
  if (interrupted)
    return JC_CLI_EXIT_INTERRUPTED;
  return JC_CLI_EXIT_OK;
}

static int
cmd_feed (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *id_text = NULL, *secret = NULL, *host = NULL, *admin_key = NULL;
  int audio_port = 0, video_port = 0, audio_pt = -1, video_pt = -1;
  const GOptionEntry own[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, "The mountpoint (without --server: none, one is created)", "ID" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "Its secret, for info to tell its ports", "S" },
    { "host", 0, 0, G_OPTION_ARG_STRING, &host, "Where to send the RTP (default: the server's host)", "H" },
    { "audio-port", 0, 0, G_OPTION_ARG_INT, &audio_port, "The mountpoint's audio port (default: from info)", "N" },
    { "video-port", 0, 0, G_OPTION_ARG_INT, &video_port, "The mountpoint's video port (default: from info)", "N" },
    { "audio-pt", 0, 0, G_OPTION_ARG_INT, &audio_pt, "Audio payload type (default: from info, or 111)", "PT" },
    { "video-pt", 0, 0, G_OPTION_ARG_INT, &video_pt, "Video payload type (default: from info, or 96)", "PT" },
    JC_CLI_ADMIN_KEY_ENTRY (&admin_key),
    G_OPTION_ENTRY_NULL
  };
  JcCliMediaOptions media;
  g_autofree GOptionEntry *entries = NULL;
  StRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) id = NULL;
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcRtpFeeder) feeder = NULL;
  g_autoptr (JcStreamingInfo) info = NULL;
  g_autofree char *to = NULL;
  int status;

  jc_cli_media_options_init (&media);
  entries = jc_cli_media_join_entries (own, jc_cli_media_entries (&media));
  status = jc_cli_parse_plugin_command (opts, "streaming", "feed", "Send media as plain RTP to a mountpoint's ports.", entries, &argc, &argv);
  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "streaming", "feed", "id", id_text, FALSE, &id)) != JC_CLI_EXIT_OK ||
      (status = st_parse_port (opts, "audio-port", audio_port)) != JC_CLI_EXIT_OK ||
      (status = st_parse_port (opts, "video-port", video_port)) != JC_CLI_EXIT_OK)
    goto out;
  if (audio_pt > 127 || video_pt > 127 || audio_pt < -1 || video_pt < -1)
    {
      status = jc_cli_usage_error (opts, "Payload types go from 0 to 127");
      goto out;
    }
  if (id == NULL && opts->server != NULL && audio_port == 0 && video_port == 0)
    {
      status = jc_cli_usage_error (opts, "streaming feed needs --id ID (or --audio-port/--video-port with --host)");
      goto out;
    }
  if ((source = jc_cli_media_source (&media, &error)) == NULL)
    {
      status = jc_cli_usage_or_fail (opts, error);
      goto out;
    }
  /* The ports: given, or from the mountpoint (info with the secret),
   * or of a mountpoint we create on the private Janus. */
  if (id == NULL && opts->server == NULL)
    {
      CreateOptions c;

      create_options_init (&c);
      c.admin_key = g_strdup (admin_key);
      c.no_audio = media.no_audio;
      c.no_video = media.no_video;
      c.video_codec = g_strdup (media.video_codec);
      c.audio_codec = g_strdup (media.audio_codec);
      if (st_open (&run, JC_LOCAL_JANUS_NETWORK_AUTO, &error))
        info = st_create (&run, &c, NULL, &error);
      create_options_clear (&c);
      if (info != NULL)
        {
          id = jc_id_copy (jc_streaming_info_get_id (info));
          print_created (opts, info);
        }
    }
  else if (id != NULL && ((audio_port == 0 && !media.no_audio) || (video_port == 0 && !media.no_video)))
    {
      if (st_open (&run, JC_LOCAL_JANUS_NETWORK_AUTO, &error))
        info = st_info (&run, id, secret, &error);
    }
  else if (opts->server == NULL && !st_open (&run, JC_LOCAL_JANUS_NETWORK_AUTO, &error))
    info = NULL;
  if (error != NULL)
    {
      st_close (&run);
      status = jc_cli_fail_hinting (opts, error, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
      goto out;
    }
  if (info != NULL)
    {
      JcStreamingMedia *a = jc_streaming_info_find_media (info, "audio");
      JcStreamingMedia *v = jc_streaming_info_find_media (info, "video");

      if (audio_port == 0 && a != NULL && !media.no_audio)
        audio_port = (int) jc_streaming_media_get_port (a);
      if (video_port == 0 && v != NULL && !media.no_video)
        video_port = (int) jc_streaming_media_get_port (v);
      if (audio_pt < 0 && a != NULL)
        audio_pt = jc_streaming_media_get_pt (a);
      if (video_pt < 0 && v != NULL)
        video_pt = jc_streaming_media_get_pt (v);
    }
  if (audio_port == 0 && video_port == 0)
    {
      st_close (&run);
      status = jc_cli_usage_error (opts, "No port to feed: Janus told none (give the mountpoint's --secret) and none was given "
                                         "(--audio-port, --video-port)");
      goto out;
    }
  to = host != NULL ? g_strdup (host) : server_host (opts);
  if (to == NULL)
    {
      st_close (&run);
      status = jc_cli_usage_error (opts, "streaming feed needs --host H with this --server");
      goto out;
    }
  if (media.no_audio)
    audio_port = 0;
  if (media.no_video)
    video_port = 0;
  feeder = jc_rtp_feeder_new (source, to);
  jc_rtp_feeder_set_audio (feeder, (guint) audio_port, audio_pt >= 0 ? audio_pt : 111);
  jc_rtp_feeder_set_video (feeder, (guint) video_port, video_pt >= 0 ? video_pt : 96);
  /* The private Janus (and its mountpoint) lives as long as the session. */
  status = feed_run (opts, feeder, id, to, (guint) audio_port, (guint) video_port, &media);
  st_close (&run);
out:
  jc_cli_media_options_clear (&media);
  return status;
}

/* watch */

static void
on_watch_hangup (JcHandle *handle, const char *reason, StRun *run)
{
  run->hung_up = TRUE;
}

static void
on_watch_webrtcup (JcHandle *handle, StRun *run)
{
  if (run->webrtcup_us == 0)
    run->webrtcup_us = g_get_monotonic_time ();
}

static void
on_watch_error (JcStreaming *st, GError *error, StRun *run)
{
  jc_cli_warn ("%s", error->message);
}

static int
cmd_watch (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *id_text = NULL, *pin = NULL;
  const GOptionEntry own[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, "The mountpoint", "ID" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "Its pin, when it has one", "P" },
    G_OPTION_ENTRY_NULL
  };
  JcCliMediaOptions media;
  g_autofree GOptionEntry *entries = NULL;
  StRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) id = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (JcStreamingRequest) options = jc_streaming_request_new ();
  double elapsed = 0;
  gboolean media_ok = FALSE, completed, watching = FALSE;
  int status;

  jc_cli_media_options_init (&media);
  entries = jc_cli_media_join_entries (own, jc_cli_media_entries (&media));
  status = jc_cli_parse_plugin_command (opts, "streaming", "watch", "Watch a mountpoint and print the media summary.", entries, &argc, &argv);
  if (status != JC_CLI_EXIT_OK || (status = jc_cli_parse_id_option (opts, "streaming", "watch", "id", id_text, TRUE, &id)) != JC_CLI_EXIT_OK)
    goto out;
  if ((sink = jc_cli_media_sink (&media, &error)) == NULL)
    {
      status = jc_cli_usage_error (opts, "%s", error->message);
      goto out;
    }
  jc_streaming_request_set_pin (options, pin);
  if (st_open (&run, JC_LOCAL_JANUS_NETWORK_AUTO, &error) && jc_cli_media_available (opts, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      run.peer = jc_cli_media_peer (opts, JC_HANDLE (run.st));
      jc_peer_set_sink (run.peer, sink);
      jc_streaming_set_peer (run.st, run.peer);
      g_signal_connect (run.st, "hangup", G_CALLBACK (on_watch_hangup), &run);
      g_signal_connect (run.st, "webrtcup", G_CALLBACK (on_watch_webrtcup), &run);
      g_signal_connect (run.st, "error", G_CALLBACK (on_watch_error), &run);
      run.start_us = g_get_monotonic_time ();
      jc_streaming_watch_async (run.st, id, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = st_wait (&run);
      watching = jc_streaming_watch_finish (run.st, result, NULL, &error);
    }
  if (!watching)
    {
      st_close (&run);
      g_clear_object (&run.peer);
      status = jc_cli_fail_hinting (opts, error, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
      goto out;
    }
  if (!opts->json)
    fprintf (stderr, "Watching mountpoint %s\n", id_text);
  completed = jc_cli_media_run_until (opts, run.peer, media.duration_s, &run.hung_up, &elapsed);
  if (run.webrtcup_us != 0 && !opts->json)
    fprintf (stderr, "Set up in %.0f ms (watch to webrtcup)\n", (run.webrtcup_us - run.start_us) / 1000.0);
  {
    JcPeer *peer = g_object_ref (run.peer);

    st_close (&run);
    g_clear_object (&run.peer);
    summary = jc_cli_media_summary (peer, elapsed, media.output, &media_ok);
    g_object_unref (peer);
  }
  jc_cli_media_print_summary (opts, summary);
  if (!completed)
    status = JC_CLI_EXIT_INTERRUPTED;
  else if (!media_ok)
    {
      jc_cli_warn ("No media came from mountpoint %s", id_text);
      status = JC_CLI_EXIT_MEDIA;
    }
out:
  jc_cli_media_options_clear (&media);
  return status;
}

int
jc_cmd_streaming (JcCliOptions *opts, int argc, char **argv)
{
  static const JcCliCommand subcommands[] = {
    { "list", "List the public mountpoints", cmd_list },
    { "info", "Tell about one mountpoint", cmd_info },
    { "create", "Create an RTP mountpoint", cmd_create },
    { "destroy", "Destroy a mountpoint", cmd_destroy },
    { "feed", "Send media as plain RTP to a mountpoint", cmd_feed },
    { "watch", "Watch a mountpoint", cmd_watch },
  };

  return jc_cli_run_subcommand (opts, "streaming", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}

/* jc-cli-media.c: media options, progress and summaries shared by the
 * CLI's media commands
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-cli-media.h"

#include <stdio.h>
#include <unistd.h>

void
jc_cli_media_options_init (JcCliMediaOptions *media)
{
  memset (media, 0, sizeof *media);
  media->duration_s = 10;
}

void
jc_cli_media_options_clear (JcCliMediaOptions *media)
{
  g_clear_pointer (&media->input, g_free);
  g_clear_pointer (&media->output, g_free);
  g_clear_pointer (&media->video_codec, g_free);
  g_clear_pointer (&media->audio_codec, g_free);
}

const GOptionEntry *
jc_cli_media_entries (JcCliMediaOptions *media)
{
  static GOptionEntry entries[11];
  const GOptionEntry built[] = {
    { "input", 0, 0, G_OPTION_ARG_STRING, &media->input, "What to send: test (default), a file or URI, device, or pipeline:DESCRIPTION", "SRC" },
    { "output", 0, 0, G_OPTION_ARG_STRING, &media->output, "Where received media goes: a .webm/.mkv/.mp4 file, null (default) or screen", "DEST" },
    { "duration", 0, 0, G_OPTION_ARG_INT, &media->duration_s, "Seconds of media (default 10; 0: until Ctrl-C)", "SECS" },
    { "video-codec", 0, 0, G_OPTION_ARG_STRING, &media->video_codec, "vp8 (default), vp9 or h264", "CODEC" },
    { "audio-codec", 0, 0, G_OPTION_ARG_STRING, &media->audio_codec, "opus (default), pcmu or pcma", "CODEC" },
    { "no-audio", 0, 0, G_OPTION_ARG_NONE, &media->no_audio, "Send and receive no audio", NULL },
    { "no-video", 0, 0, G_OPTION_ARG_NONE, &media->no_video, "Send and receive no video", NULL },
    { "bitrate", 0, 0, G_OPTION_ARG_INT, &media->bitrate, "Video bitrate in bits per second", "BPS" },
    { "loop", 0, 0, G_OPTION_ARG_NONE, &media->loop, "Play an --input file in a loop", NULL },
    { "simulcast", 0, 0, G_OPTION_ARG_NONE, &media->simulcast, "Send video as three simulcast layers (rid h, m, l)", NULL },
    G_OPTION_ENTRY_NULL
  };

  memcpy (entries, built, sizeof built);
  return entries;
}

JcMediaSource *
jc_cli_media_source (JcCliMediaOptions *media, GError **error)
{
  g_autoptr (JcMediaSource) source = NULL;
  JcVideoCodec video_codec = JC_VIDEO_CODEC_VP8;
  JcAudioCodec audio_codec = JC_AUDIO_CODEC_OPUS;

  if (media->duration_s < 0)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "--duration must be 0 or more seconds");
      return NULL;
    }
  if (media->no_audio && media->no_video)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "--no-audio and --no-video leave nothing to send");
      return NULL;
    }
  if (media->video_codec != NULL && !jc_video_codec_from_string (media->video_codec, &video_codec))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Unknown --video-codec “%s” (want vp8, vp9 or h264)",
                   media->video_codec);
      return NULL;
    }
  if (media->audio_codec != NULL && !jc_audio_codec_from_string (media->audio_codec, &audio_codec))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Unknown --audio-codec “%s” (want opus, pcmu or pcma)",
                   media->audio_codec);
      return NULL;
    }
  if (media->bitrate != 0 && media->bitrate < 16000)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "--bitrate must be at least 16000 bits per second");
      return NULL;
    }
  source = jc_media_source_new (media->input != NULL ? media->input : "test", error);
  if (source == NULL)
    return NULL;
  jc_media_source_set_video_codec (source, video_codec);
  jc_media_source_set_audio_codec (source, audio_codec);
  jc_media_source_set_audio (source, !media->no_audio);
  jc_media_source_set_video (source, !media->no_video);
  jc_media_source_set_loop (source, media->loop);
  jc_media_source_set_simulcast (source, media->simulcast);
  if (media->bitrate > 0)
    jc_media_source_set_bitrate (source, (guint) media->bitrate);
  return g_steal_pointer (&source);
}

JcMediaSink *
jc_cli_media_sink (JcCliMediaOptions *media, GError **error)
{
  return jc_media_sink_new (media->output != NULL ? media->output : "null", error);
}

JcPeer *
jc_cli_media_peer (JcCliOptions *opts, JcHandle *handle)
{
  JcPeer *peer = jc_peer_new (handle);

  if (opts->ice_addresses != NULL)
    jc_peer_set_local_addresses (peer, (const char *const *) opts->ice_addresses);
  else if (opts->local != NULL && jc_local_janus_has_media (opts->local))
    {
      const char *addresses[] = { jc_local_janus_get_client_address (opts->local), NULL };

      jc_peer_set_local_addresses (peer, addresses);
    }
  return peer;
}

typedef struct
{
  gint64 packets_in, packets_out, frames_in, frames_out, bytes_in;
} Totals;

static Totals
totals (JcPeer *peer)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peer);
  Totals t = { 0 };

  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);
      gboolean received = g_strcmp0 (jc_cli_json_string (track, "direction"), "received") == 0;

      if (received)
        {
          t.packets_in += jc_cli_json_int (track, "packets", 0);
          t.frames_in += jc_cli_json_int (track, "frames", 0);
          t.bytes_in += jc_cli_json_int (track, "bytes", 0);
        }
      else
        {
          t.packets_out += jc_cli_json_int (track, "packets", 0);
          t.frames_out += jc_cli_json_int (track, "frames", 0);
        }
    }
  return t;
}

static void
on_peer_error (JcPeer *peer, GError *error, gpointer user_data)
{
  GError **slot = user_data;

  if (*slot == NULL)
    *slot = g_error_copy (error);
}

gboolean
jc_cli_media_run (JcCliOptions *opts, JcPeer *peer, int duration_s, double *out_elapsed_s)
{
  return jc_cli_media_run_until (opts, peer, duration_s, NULL, out_elapsed_s);
}

gboolean
jc_cli_media_run_until (JcCliOptions *opts, JcPeer *peer, int duration_s, const gboolean *stop, double *out_elapsed_s)
{
  gboolean tty = isatty (STDERR_FILENO);
  gint64 start = g_get_monotonic_time ();
  gint64 last_bytes = 0;
  gint64 last_report = start;
  g_autoptr (GError) error = NULL;
  gulong id = g_signal_connect (peer, "error", G_CALLBACK (on_peer_error), &error);
  gboolean interrupted = FALSE;

  for (guint tick = 1;; tick++)
    {
      double elapsed;
      Totals t;

      if (!jc_cli_sleep (1000 - (guint) ((g_get_monotonic_time () - start) / 1000 % 1000), opts->cancellable))
        {
          interrupted = TRUE;
          break;
        }
      elapsed = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      t = totals (peer);
      /* A line per second on a terminal, one every 5 s in a log. */
      if (tty || tick % 5 == 0)
        {
          double kbps = (double) (t.bytes_in - last_bytes) * 8 / 1000 /
                        MAX (0.001, (double) (g_get_monotonic_time () - last_report) / G_USEC_PER_SEC);

          fprintf (stderr, "%s%5.1f s  ICE %-9s  out %" G_GINT64_FORMAT " pkts %" G_GINT64_FORMAT " frames  in %" G_GINT64_FORMAT " pkts %" G_GINT64_FORMAT " frames  %.0f kbit/s%s",
                   tty ? "\r" : "", elapsed, jc_peer_get_ice_state (peer), t.packets_out, t.frames_out, t.packets_in,
                   t.frames_in, kbps, tty ? "   " : "\n");
          last_bytes = t.bytes_in;
          last_report = g_get_monotonic_time ();
        }
      if (error != NULL)
        {
          if (tty)
            fputc ('\n', stderr);
          jc_cli_warn ("%s", error->message);
          break;
        }
      if ((duration_s > 0 && elapsed >= duration_s) || (stop != NULL && *stop))
        break;
    }
  if (tty)
    fputc ('\n', stderr);
  g_signal_handler_disconnect (peer, id);
  *out_elapsed_s = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  return !interrupted;
}

JsonObject *
jc_cli_media_summary (JcPeer *peer, double elapsed_s, const char *output, gboolean *out_media_ok)
{
  JsonObject *summary = json_object_new ();
  JsonArray *stats = jc_peer_get_track_stats (peer);
  gboolean received_any = FALSE;

  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);

      if (g_strcmp0 (jc_cli_json_string (track, "direction"), "received") == 0 &&
          jc_cli_json_int (track, "frames", 0) > 0)
        received_any = TRUE;
    }
  json_object_set_boolean_member (summary, "webrtcup", jc_peer_is_webrtcup (peer));
  json_object_set_string_member (summary, "ice_state", jc_peer_get_ice_state (peer));
  json_object_set_double_member (summary, "duration_s", ((gint64) (elapsed_s * 10 + 0.5)) / 10.0);
  json_object_set_array_member (summary, "tracks", stats);
  if (output != NULL && g_strcmp0 (output, "null") != 0 && g_strcmp0 (output, "screen") != 0)
    json_object_set_string_member (summary, "output", output);
  else
    json_object_set_null_member (summary, "output");
  *out_media_ok = jc_peer_is_webrtcup (peer) && received_any;
  return summary;
}

void
jc_cli_media_print_summary (JcCliOptions *opts, JsonObject *summary)
{
  JsonArray *tracks;

  if (opts->json)
    {
      jc_cli_print_json_object (opts, summary);
      return;
    }
  printf ("webrtcup: %s, ICE %s, %.1f s\n", jc_cli_json_bool (summary, "webrtcup") == 1 ? "yes" : "no",
          jc_cli_json_string (summary, "ice_state"), json_node_get_double (json_object_get_member (summary, "duration_s")));
  tracks = json_node_get_array (json_object_get_member (summary, "tracks"));
  for (guint i = 0; i < json_array_get_length (tracks); i++)
    {
      JsonObject *track = json_array_get_object_element (tracks, i);

      printf ("  %-8s %-5s %-5s mid %-3s %8" G_GINT64_FORMAT " packets %10" G_GINT64_FORMAT " bytes %7" G_GINT64_FORMAT " frames\n",
              jc_cli_json_string (track, "direction"), jc_cli_json_string (track, "kind"),
              jc_cli_json_string (track, "codec"),
              jc_cli_json_string (track, "mid") != NULL ? jc_cli_json_string (track, "mid") : "-",
              jc_cli_json_int (track, "packets", 0), jc_cli_json_int (track, "bytes", 0),
              jc_cli_json_int (track, "frames", 0));
      /* jc_peer_get_track_stats () adds them to simulcast video. */
      if (json_object_has_member (track, "layers"))
        {
          JsonArray *layers = json_object_get_array_member (track, "layers");

          for (guint l = 0; l < json_array_get_length (layers); l++)
            {
              JsonObject *layer = json_array_get_object_element (layers, l);

              printf ("    layer %-9s %8" G_GINT64_FORMAT " packets %10" G_GINT64_FORMAT " bytes %7" G_GINT64_FORMAT
                      " frames\n",
                      jc_cli_json_string (layer, "rid"), jc_cli_json_int (layer, "packets", 0),
                      jc_cli_json_int (layer, "bytes", 0), jc_cli_json_int (layer, "frames", 0));
            }
        }
    }
  if (jc_cli_json_string (summary, "output") != NULL)
    printf ("recorded to %s\n", jc_cli_json_string (summary, "output"));
}

GOptionEntry *
jc_cli_media_join_entries (const GOptionEntry *own, const GOptionEntry *media)
{
  GArray *all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; own[i].long_name != NULL; i++)
    g_array_append_val (all, own[i]);
  for (guint i = 0; media != NULL && media[i].long_name != NULL; i++)
    g_array_append_val (all, media[i]);
  return (GOptionEntry *) g_array_free (all, FALSE);
}

gboolean
jc_cli_media_available (JcCliOptions *opts, GError **error)
{
  if (opts->local != NULL && !jc_local_janus_has_media (opts->local))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA,
                   "Media needs the private Janus in a network namespace (Janus never gathers ICE candidates on "
                   "loopback), and creating one needs root: run as root or give --server");
      return FALSE;
    }
  return TRUE;
}

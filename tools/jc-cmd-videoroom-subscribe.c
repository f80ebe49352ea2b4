/* jc-cmd-videoroom-subscribe.c: `janus-client videoroom subscribe`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Receives every feed of a room (or the --feed ones) on one multistream
 * subscriber handle, printing a line per feed that appears or leaves, and
 * a summary of every received track.
 */
#include <stdio.h>

#include "jc-cmd-videoroom-private.h"

/* subscribe: a line per feed that appears or leaves */

typedef struct
{
  JcCliOptions *opts;
  GHashTable *feeds; /* (owned) feed id string → display (nullable) */
  GHashTable *mids;  /* (owned) mid → feed id string, every stream seen */
  guint appeared;
  JcVideoRoom *vr;     /* (unowned) the subscriber */
  int substream;       /* --substream, -1 when not given */
  GHashTable *layered; /* (owned) video mids asked for --substream */
} FeedWatch;

static void
print_feed (FeedWatch *watch, const JcId *feed, const char *display, const char *action)
{
  if (watch->opts->json)
    {
      g_autoptr (JsonObject) line = json_object_new ();

      json_object_set_string_member (line, "event", "feed");
      json_object_set_member (line, "feed", jc_id_to_json (feed));
      jc_cli_json_set_string_or_null (line, "display", display);
      json_object_set_string_member (line, "action", action);
      jc_cli_print_json_object (watch->opts, line);
    }
  else
    {
      g_autofree char *id = jc_id_to_string (feed);

      printf ("feed %s%s%s%s %s\n", id, display != NULL ? " (" : "", display != NULL ? display : "",
              display != NULL ? ")" : "", action);
    }
  fflush (stdout);
}

static void
watch_streams (FeedWatch *watch, GPtrArray *streams)
{
  g_autoptr (GHashTable) now = g_hash_table_new_full ((GHashFunc) jc_id_hash,
                                                      (GEqualFunc) jc_id_equal,
                                                      (GDestroyNotify) jc_id_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < streams->len; i++)
    {
      JcVideoRoomStream *s = g_ptr_array_index (streams, i);
      const JcId *feed = jc_video_room_stream_get_feed_id (s);

      if (feed == NULL || !jc_video_room_stream_is_active (s))
        continue;
      if (jc_video_room_stream_get_mid (s) != NULL)
        g_hash_table_replace (watch->mids, g_strdup (jc_video_room_stream_get_mid (s)),
                              jc_id_to_string (feed));
      if (!g_hash_table_contains (now, feed))
        g_hash_table_insert (now, jc_id_copy (feed), (gpointer) jc_video_room_stream_get_feed_display (s));
    }
  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (watch->feeds, key))
      {
        print_feed (watch, key, value, "joined");
        g_hash_table_insert (watch->feeds, jc_id_copy (key), g_strdup (value));
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
on_configured (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!jc_video_room_configure_finish (JC_VIDEO_ROOM (source), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    jc_cli_warn ("Cannot choose simulcast layer: %s", error->message);
}

/* --substream: every video stream not asked yet is asked for the layer. */
static void
choose_layers (FeedWatch *watch, GPtrArray *streams)
{
  g_autoptr (JcVideoRoomRequest) options = NULL;
  g_autoptr (JsonArray) wanted = json_array_new ();

  if (watch->substream < 0)
    return;
  for (guint i = 0; i < streams->len; i++)
    {
      JcVideoRoomStream *s = g_ptr_array_index (streams, i);
      const char *mid = jc_video_room_stream_get_mid (s);
      JsonObject *entry;

      if (mid == NULL || !jc_video_room_stream_is_active (s) ||
          g_strcmp0 (jc_video_room_stream_get_kind (s), "video") != 0 || g_hash_table_contains (watch->layered, mid))
        continue;
      g_hash_table_add (watch->layered, g_strdup (mid));
      entry = json_object_new ();
      json_object_set_string_member (entry, "mid", mid);
      json_object_set_int_member (entry, "substream", watch->substream);
      json_array_add_object_element (wanted, entry);
    }
  if (json_array_get_length (wanted) == 0)
    return;
  options = jc_video_room_request_new ();
  jc_video_room_request_set_streams (options, wanted);
  jc_video_room_configure_async (watch->vr, options, NULL, watch->opts->cancellable, on_configured, NULL);
}

static void
on_updated (JcVideoRoom *vr, GPtrArray *streams, gpointer user_data)
{
  watch_streams (user_data, streams);
  choose_layers (user_data, streams);
}

static void
on_layer_changed (JcVideoRoom *vr, const char *mid, int substream, int temporal, gpointer user_data)
{
  FeedWatch *watch = user_data;

  if (watch->opts->json)
    {
      g_autoptr (JsonObject) line = json_object_new ();

      json_object_set_string_member (line, "event", "layer");
      json_object_set_string_member (line, "mid", mid);
      json_object_set_int_member (line, "substream", substream);
      json_object_set_int_member (line, "temporal", temporal);
      jc_cli_print_json_object (watch->opts, line);
    }
  else
    printf ("mid %s: simulcast layer %d\n", mid != NULL ? mid : "?", substream);
  fflush (stdout);
}

static void
on_vr_error (JcVideoRoom *vr, GError *error, gpointer user_data)
{
  jc_cli_warn ("%s", error->message);
}

int
jc_cmd_videoroom_subscribe (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *output = NULL, *pin = NULL;
  g_auto (GStrv) feed_texts = NULL;
  int duration = 10;
  int substream = -1;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "feed", 0, 0, G_OPTION_ARG_STRING_ARRAY, &feed_texts, "A publisher to receive (repeat; default: every one)", "ID" },
    { "output", 0, 0, G_OPTION_ARG_STRING, &output, "A .webm/.mkv/.mp4 file, a folder (a file per feed and mid), null (default) or screen", "DEST" },
    { "duration", 0, 0, G_OPTION_ARG_INT, &duration, "Seconds (default 10; 0: until Ctrl-C)", "SECS" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "The room's pin", "P" },
    { "substream", 0, 0, G_OPTION_ARG_INT, &substream, "Simulcast layer to receive: 0 (lowest) to 2", "N" },
    G_OPTION_ENTRY_NULL
  };
  VrRun run = { opts };
  FeedWatch watch = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) room = NULL;
  g_autoptr (GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_id_free);
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JcPeer) peer = NULL;
  g_autoptr (JcVideoRoom) watcher = NULL;
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
  double elapsed = 0;
  gboolean media_ok = FALSE, completed;
  int status = jc_cli_parse_plugin_command (opts, "videoroom", "subscribe", "Receive the feeds of a room on one multistream subscription.", entries,
                                            &argc, &argv);

  watch.feeds = g_hash_table_new_full ((GHashFunc) jc_id_hash, (GEqualFunc) jc_id_equal,
                                       (GDestroyNotify) jc_id_free, g_free);
  watch.mids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  watch.layered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (status != JC_CLI_EXIT_OK ||
      (status = jc_cli_parse_id_option (opts, "videoroom", "subscribe", "room", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    goto out;
  if (duration < 0)
    {
      status = jc_cli_usage_error (opts, "--duration must be 0 or more seconds");
      goto out;
    }
  if (substream < -1 || substream > 2)
    {
      status = jc_cli_usage_error (opts, "--substream must be 0, 1 or 2");
      goto out;
    }
  watch.substream = substream;
  for (guint i = 0; feed_texts != NULL && feed_texts[i] != NULL; i++)
    {
      JcId *feed = jc_id_parse (feed_texts[i]);

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
  if (!jc_vr_open (&run, JC_LOCAL_JANUS_NETWORK_AUTO, &error) || !jc_cli_media_available (opts, &error))
    {
      status = jc_cli_fail (opts, error);
      goto out;
    }
  peer = jc_cli_media_peer (opts, JC_HANDLE (run.vr));
  jc_peer_set_sink (peer, sink);
  jc_video_room_set_peer (run.vr, peer, sink);
  watch.vr = run.vr;
  g_signal_connect (run.vr, "updated", G_CALLBACK (on_updated), &watch);
  if (substream >= 0)
    g_signal_connect (run.vr, "layer-changed", G_CALLBACK (on_layer_changed), &watch);
  g_signal_connect (run.vr, "error", G_CALLBACK (on_vr_error), NULL);

  if (feeds->len > 0)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GPtrArray) streams = NULL;

      jc_video_room_join_subscriber_async (run.vr, room, feeds, options, opts->cancellable, jc_cli_waiter_callback,
                                           run.waiter);
      result = jc_vr_wait_result (&run);
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
      g_autoptr (JcId) id = NULL;

      watcher = jc_vr_attach (&run, &error);
      if (watcher != NULL)
        {
          jc_video_room_request_set_display (options, "janus-client subscriber");
          jc_video_room_join_publisher_async (watcher, room, options, opts->cancellable, jc_cli_waiter_callback,
                                              run.waiter);
          result = jc_vr_wait_result (&run);
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
  jc_vr_stop_peer (&run, peer);
  jc_vr_hangup (&run, run.vr);
  if (watcher != NULL)
    {
      jc_vr_detach (&run, watcher);
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

        g_autoptr (JcId) feed_id = feed != NULL ? jc_id_parse (feed) : NULL;

        if (feed_id != NULL)
          json_object_set_member (track, "feed", jc_id_to_json (feed_id));
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
  jc_vr_detach (&run, watcher);
  g_clear_object (&watcher);
  jc_vr_close (&run);
  g_hash_table_unref (watch.feeds);
  g_hash_table_unref (watch.mids);
  g_hash_table_unref (watch.layered);
  return status;
}

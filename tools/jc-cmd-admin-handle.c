/* jc-cmd-admin-handle.c: `janus-client admin handle-info S H` and
 * `janus-client admin watch-handle S H`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * handle_info is free-form JSON; this file reads the parts an operator
 * looks at first: plugin, ICE and DTLS state, the selected pair and, per
 * mid, packets and bytes in and out (webrtc.media.<mid>.stats).
 */
#include <stdio.h>

#include "jc-cmd-admin-private.h"

/* The parts of one handle_info this file shows. */

static JsonObject *
webrtc_part (JsonObject *info, const char *member)
{
  return jc_cli_json_object (jc_cli_json_object (info, "webrtc"), member);
}

/* mids in the order Janus numbers them (mindex), then by name. */
static gint
compare_mids (gconstpointer a, gconstpointer b, gpointer user_data)
{
  JsonObject *media = user_data;
  gint64 ia = jc_cli_json_int (jc_cli_json_object (media, a), "mindex", G_MAXINT);
  gint64 ib = jc_cli_json_int (jc_cli_json_object (media, b), "mindex", G_MAXINT);

  if (ia != ib)
    return ia < ib ? -1 : 1;
  return g_strcmp0 (a, b);
}

static GList *
sorted_mids (JsonObject *media)
{
  if (media == NULL)
    return NULL;
  return g_list_sort_with_data (json_object_get_members (media), compare_mids, media);
}

static gint64
stat_value (JsonObject *medium, const char *direction, const char *member)
{
  return jc_cli_json_int (jc_cli_json_object (jc_cli_json_object (medium, "stats"), direction), member, 0);
}

static void
print_handle_summary (guint64 session_id, guint64 handle_id, JsonObject *info)
{
  JsonObject *ice = webrtc_part (info, "ice");
  JsonObject *dtls = webrtc_part (info, "dtls");
  JsonObject *media = webrtc_part (info, "media");
  const char *plugin = jc_cli_json_string (info, "plugin");
  const char *opaque_id = jc_cli_json_string (info, "opaque_id");
  const char *transport = jc_cli_json_string (info, "session_transport");
  const char *pcap = jc_cli_json_string (info, "pcap-file");
  const char *text2pcap = jc_cli_json_string (info, "text2pcap-file");
  g_autoptr (GList) mids = sorted_mids (media);

  g_print ("Handle %" G_GUINT64_FORMAT " of session %" G_GUINT64_FORMAT "\n", handle_id, session_id);
  g_print ("  plugin:            %s\n", plugin != NULL ? plugin : "(none)");
  if (opaque_id != NULL)
    g_print ("  opaque id:         %s\n", opaque_id);
  if (transport != NULL)
    g_print ("  session transport: %s\n", transport);
  if (jc_cli_json_int (info, "session_timeout", -1) >= 0)
    g_print ("  session timeout:   %" G_GINT64_FORMAT " s\n", jc_cli_json_int (info, "session_timeout", 0));
  if (pcap != NULL)
    g_print ("  pcap file:         %s\n", pcap);
  if (text2pcap != NULL)
    g_print ("  text2pcap file:    %s\n", text2pcap);
  if (jc_cli_json_object (info, "webrtc") == NULL)
    {
      g_print ("  WebRTC:            no PeerConnection\n");
      return;
    }
  g_print ("  ICE state:         %s\n", jc_cli_json_string (ice, "state") != NULL ? jc_cli_json_string (ice, "state") : "?");
  if (jc_cli_json_string (ice, "selected-pair") != NULL)
    g_print ("  selected pair:     %s\n", jc_cli_json_string (ice, "selected-pair"));
  g_print ("  DTLS state:        %s", jc_cli_json_string (dtls, "dtls-state") != NULL ? jc_cli_json_string (dtls, "dtls-state") : "?");
  if (jc_cli_json_string (dtls, "dtls-role") != NULL)
    g_print (" (%s)", jc_cli_json_string (dtls, "dtls-role"));
  g_print ("\n");
  if (mids == NULL)
    return;
  g_print ("  %-4s %-6s %-6s %12s %14s %12s %14s\n", "MID", "TYPE", "CODEC", "IN PACKETS", "IN BYTES",
           "OUT PACKETS", "OUT BYTES");
  for (GList *l = mids; l != NULL; l = l->next)
    {
      JsonObject *medium = jc_cli_json_object (media, l->data);
      const char *type = jc_cli_json_string (medium, "type");
      const char *codec = jc_cli_json_string (jc_cli_json_object (medium, "codecs"), "codec");

      g_print ("  %-4s %-6s %-6s %12" G_GINT64_FORMAT " %14" G_GINT64_FORMAT " %12" G_GINT64_FORMAT
               " %14" G_GINT64_FORMAT "\n",
               (const char *) l->data, type != NULL ? type : "?", codec != NULL ? codec : "-",
               stat_value (medium, "in", "packets"), stat_value (medium, "in", "bytes"),
               stat_value (medium, "out", "packets"), stat_value (medium, "out", "bytes"));
    }
}

static JsonObject *
fetch_info (JcCliOptions *opts, JcAdmin *admin, JcCliWaiter *waiter, guint64 session_id, guint64 handle_id, gboolean plugin_only, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  jc_admin_handle_info_async (admin, session_id, handle_id, plugin_only, opts->cancellable,
                              jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  return jc_admin_handle_info_finish (admin, result, error);
}

static int
parse_handle_args (JcCliOptions *opts,
                   const char *name,
                   const char *summary,
                   const GOptionEntry *entries,
                   int *argc,
                   char ***argv,
                   guint64 *session_id,
                   guint64 *handle_id)
{
  g_autofree char *prg = g_strdup_printf ("admin %s", name);
  int status = jc_cli_parse_command (opts, prg, "SESSION HANDLE", summary, entries, argc, argv);

  if (status != JC_CLI_EXIT_OK)
    return status;
  if (*argc != 3)
    return jc_cli_usage_error (opts, "admin %s wants SESSION HANDLE; see janus-client admin %s --help", name,
                               name);
  if (!jc_cmd_admin_parse_id (opts, "SESSION", (*argv)[1], session_id) ||
      !jc_cmd_admin_parse_id (opts, "HANDLE", (*argv)[2], handle_id))
    return JC_CLI_EXIT_USAGE;
  return JC_CLI_EXIT_OK;
}

int
jc_cmd_admin_handle_info (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;
  gboolean plugin_only = FALSE;
  const GOptionEntry entries[] = {
    { "plugin-only", 0, 0, G_OPTION_ARG_NONE, &plugin_only, "Only the plugin's part", NULL },
    G_OPTION_ENTRY_NULL
  };
  guint64 session_id, handle_id;
  int status;

  status = parse_handle_args (opts, "handle-info",
                              "Summarise a handle: plugin, ICE and DTLS state, selected pair, per-mid "
                              "packets and bytes.\nWith --json: the info object as Janus sends it.",
                              entries, &argc, &argv, &session_id, &handle_id);
  if (status != JC_CLI_EXIT_OK)
    return status;
  admin = jc_cmd_admin_connect (opts, &error);
  if (admin == NULL)
    return jc_cli_fail (opts, error);
  waiter = jc_cli_waiter_new ();
  info = fetch_info (opts, admin, waiter, session_id, handle_id, plugin_only, &error);
  if (info == NULL)
    {
      jc_admin_close (admin);
      return jc_cli_fail (opts, error);
    }
  if (opts->json)
    jc_cli_print_json_object (opts, info);
  else
    print_handle_summary (session_id, handle_id, info);
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

/* watch-handle: bitrates from the byte counters' change between polls. */

typedef struct
{
  gint64 in_bytes;
  gint64 out_bytes;
} Counters;

static double
kbps (gint64 bytes_now, gint64 bytes_before, double seconds)
{
  if (seconds <= 0 || bytes_now < bytes_before)
    return 0;
  return (double) (bytes_now - bytes_before) * 8.0 / 1000.0 / seconds;
}

static void
print_sample (JcCliOptions *opts, JsonObject *info, GHashTable *previous, double elapsed_s, double interval_s)
{
  JsonObject *media = webrtc_part (info, "media");
  const char *ice_state = jc_cli_json_string (webrtc_part (info, "ice"), "state");
  const char *dtls_state = jc_cli_json_string (webrtc_part (info, "dtls"), "dtls-state");
  g_autoptr (GList) mids = sorted_mids (media);
  g_autoptr (JsonArray) tracks = json_array_new ();
  g_autoptr (GString) line = g_string_new (NULL);

  for (GList *l = mids; l != NULL; l = l->next)
    {
      JsonObject *medium = jc_cli_json_object (media, l->data);
      const char *type = jc_cli_json_string (medium, "type");
      Counters *before = g_hash_table_lookup (previous, l->data);
      Counters now = { stat_value (medium, "in", "bytes"), stat_value (medium, "out", "bytes") };
      double in_kbps, out_kbps;
      JsonObject *track;

      if (before != NULL)
        {
          in_kbps = kbps (now.in_bytes, before->in_bytes, interval_s);
          out_kbps = kbps (now.out_bytes, before->out_bytes, interval_s);
        }
      else
        {
          /* First sample: Janus's own last-second counters. */
          in_kbps = (double) stat_value (medium, "in", "bytes_lastsec") * 8.0 / 1000.0;
          out_kbps = (double) stat_value (medium, "out", "bytes_lastsec") * 8.0 / 1000.0;
        }
      g_hash_table_replace (previous, g_strdup (l->data), g_memdup2 (&now, sizeof now));

      track = json_object_new ();
      json_object_set_string_member (track, "mid", l->data);
      jc_cli_json_set_string_or_null (track, "type", type);
      json_object_set_double_member (track, "in_kbps", in_kbps);
      json_object_set_double_member (track, "out_kbps", out_kbps);
      json_object_set_int_member (track, "in_packets", stat_value (medium, "in", "packets"));
      json_object_set_int_member (track, "out_packets", stat_value (medium, "out", "packets"));
      json_object_set_int_member (track, "in_bytes", now.in_bytes);
      json_object_set_int_member (track, "out_bytes", now.out_bytes);
      json_array_add_object_element (tracks, track);
      g_string_append_printf (line, "  %s %s in %.1f out %.1f kbit/s", (const char *) l->data,
                              type != NULL ? type : "?", in_kbps, out_kbps);
    }

  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();

      json_object_set_double_member (out, "time_s", elapsed_s);
      jc_cli_json_set_string_or_null (out, "ice_state", ice_state);
      jc_cli_json_set_string_or_null (out, "dtls_state", dtls_state);
      json_object_set_array_member (out, "media", json_array_ref (tracks));
      jc_cli_print_json_object (opts, out);
      return;
    }
  if (jc_cli_json_object (info, "webrtc") == NULL)
    g_print ("%6.1f s  no PeerConnection\n", elapsed_s);
  else
    g_print ("%6.1f s  ICE %s  DTLS %s%s\n", elapsed_s, ice_state != NULL ? ice_state : "?",
             dtls_state != NULL ? dtls_state : "?", line->len > 0 ? line->str : "  (no media)");
  fflush (stdout);
}

int
jc_cmd_admin_watch_handle (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int count = 0;
  double interval_s = 1.0;
  const GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Stop after N samples (default: until Ctrl-C)", "N" },
    { "interval", 0, 0, G_OPTION_ARG_DOUBLE, &interval_s, "Seconds between samples (default 1)", "SECS" },
    G_OPTION_ENTRY_NULL
  };
  guint64 session_id, handle_id;
  gint64 start, last = 0;
  int status;

  status = parse_handle_args (opts, "watch-handle",
                              "Poll handle_info every second and print ICE/DTLS state and the bitrate of each "
                              "mid, in and out, until Ctrl-C.\nWith --json: one object per sample.",
                              entries, &argc, &argv, &session_id, &handle_id);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (count < 0)
    return jc_cli_usage_error (opts, "--count wants 0 (until Ctrl-C) or more, not %d", count);
  if (!(interval_s >= 0.05 && interval_s <= 3600))
    return jc_cli_usage_error (opts, "--interval wants 0.05 to 3600 seconds");

  admin = jc_cmd_admin_connect (opts, &error);
  if (admin == NULL)
    return jc_cli_fail (opts, error);
  waiter = jc_cli_waiter_new ();
  start = g_get_monotonic_time ();
  for (int i = 0; count == 0 || i < count; i++)
    {
      g_autoptr (JsonObject) info = NULL;
      gint64 now;

      if (i > 0 && !jc_cli_sleep ((guint) (interval_s * 1000), opts->cancellable))
        break;
      info = fetch_info (opts, admin, waiter, session_id, handle_id, FALSE, &error);
      if (info == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            break;
          jc_admin_close (admin);
          return jc_cli_fail (opts, error);
        }
      now = g_get_monotonic_time ();
      print_sample (opts, info, previous, (double) (now - start) / G_USEC_PER_SEC,
                    last != 0 ? (double) (now - last) / G_USEC_PER_SEC : interval_s);
      last = now;
    }
  jc_admin_close (admin);
  /* Ctrl-C is how watching ends. */
  return JC_CLI_EXIT_OK;
}

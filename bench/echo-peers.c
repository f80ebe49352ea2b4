/* echo-peers.c: K concurrent EchoTest peers in one process, measured
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   echo-peers --peers K --duration SECS --source test|FILE [--header]
 *
 * Starts a private Janus in a network namespace (needs root), runs one
 * warm-up call (the process's one-time costs: GStreamer plugins, the DTLS
 * certificate), measures the process, brings K EchoTest peers up (null
 * sink), lets them run 2 s, then measures over SECS seconds: client CPU
 * (getrusage, every thread) and Janus's CPU (/proc/PID/stat), RSS and
 * threads compared with after the warm-up, and the video frames each peer
 * received. Prints one Markdown table row (--header: the header first).
 */
#include <errno.h>
#include <gst/gst.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "jc-local-janus.h"
#include "jc-test-util.h"

#define WARMUP_MS 2000
#define UP_DEADLINE_S 60

typedef struct
{
  JcEchoTest *echo; /* (owned) */
  JcPeer *peer;     /* (owned) */
  gboolean up;
  gboolean failed;
} Peer;

static JcLocalJanus *janus;

static void
on_webrtcup (JcHandle *handle, gpointer user_data)
{
  ((Peer *) user_data)->up = TRUE;
}

static void
on_peer_error (JcPeer *peer, GError *error, gpointer user_data)
{
  g_printerr ("peer error: %s\n", error->message);
  ((Peer *) user_data)->failed = TRUE;
}

static void
die_on_error (const char *what, GError *error)
{
  if (error != NULL)
    {
      g_printerr ("echo-peers: %s: %s\n", what, error->message);
      if (janus != NULL)
        jc_local_janus_stop (janus);
      exit (1);
    }
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  return jc_test_wait_result (slot);
}

static gboolean simulcast;

static void
peer_start (Peer *p, JcSession *session, const char *source_spec)
{
  const char *addresses[] = { jc_local_janus_get_client_address (janus), NULL };
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JcEchoTestRequest) request = jc_echo_test_request_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;

  source = jc_media_source_new (source_spec, &error);
  die_on_error ("source", error);
  jc_media_source_set_simulcast (source, simulcast);
  sink = jc_media_sink_new ("null", &error);
  die_on_error ("sink", error);

  jc_echo_test_attach_async (session, NULL, NULL, jc_test_store_result, &slot);
  result = wait_result (&slot);
  p->echo = jc_echo_test_attach_finish (result, &error);
  die_on_error ("attach", error);
  g_clear_object (&result);
  g_signal_connect (p->echo, "webrtcup", G_CALLBACK (on_webrtcup), p);

  p->peer = jc_peer_new (JC_HANDLE (p->echo));
  jc_peer_set_local_addresses (p->peer, addresses);
  jc_peer_set_source (p->peer, source);
  jc_peer_set_sink (p->peer, sink);
  g_signal_connect (p->peer, "error", G_CALLBACK (on_peer_error), p);

  jc_peer_create_offer_async (p->peer, NULL, jc_test_store_result, &slot);
  result = wait_result (&slot);
  offer = jc_peer_create_offer_finish (p->peer, result, &error);
  die_on_error ("offer", error);
  g_clear_object (&result);

  jc_echo_test_request_set_audio (request, TRUE);
  jc_echo_test_request_set_video (request, TRUE);
  jc_echo_test_configure_async (p->echo, request, offer, NULL, jc_test_store_result, &slot);
  result = wait_result (&slot);
  jc_echo_test_configure_finish (p->echo, result, &answer, &error);
  die_on_error ("configure", error);
  g_clear_object (&result);

  jc_peer_set_remote_description_async (p->peer, answer, NULL, jc_test_store_result, &slot);
  result = wait_result (&slot);
  jc_peer_set_remote_description_finish (p->peer, result, &error);
  die_on_error ("answer", error);
}

static void
peer_stop (Peer *p)
{
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  jc_peer_stop_async (p->peer, NULL, jc_test_store_result, &slot);
  result = wait_result (&slot);
  jc_peer_stop_finish (p->peer, result, NULL);
  g_signal_handlers_disconnect_by_data (p->peer, p);
  g_signal_handlers_disconnect_by_data (p->echo, p);
  if (jc_handle_is_attached (JC_HANDLE (p->echo)))
    jc_test_detach (JC_HANDLE (p->echo), NULL);
  g_clear_object (&p->peer);
  g_clear_object (&p->echo);
}

/* Received video frames and audio buffers so far. */
static void
peer_received (Peer *p, gint64 *video, gint64 *audio)
{
  g_autoptr (JsonArray) stats = jc_peer_get_track_stats (p->peer);

  *video = *audio = 0;
  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *track = json_array_get_object_element (stats, i);

      if (g_strcmp0 (json_object_get_string_member (track, "direction"), "received") != 0)
        continue;
      if (g_strcmp0 (json_object_get_string_member (track, "kind"), "video") == 0)
        *video += json_object_get_int_member (track, "frames");
      else
        *audio += json_object_get_int_member (track, "frames");
    }
}

/* Whether every peer is up or failed. */
static gboolean
all_settled (Peer *peers, int k, int *out_up, int *out_failed)
{
  *out_up = *out_failed = 0;
  for (int i = 0; i < k; i++)
    {
      *out_up += peers[i].up;
      *out_failed += peers[i].failed && !peers[i].up;
    }
  return *out_up + *out_failed == k;
}

/* A "Key:   N kB" line of /proc/self/status. */
static gint64
status_value (const char *key)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  gsize key_len = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], key, key_len) == 0 && lines[i][key_len] == ':')
      return g_ascii_strtoll (lines[i] + key_len + 1, NULL, 10);
  return -1;
}

static double
self_cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (double) usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + (double) usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

/* utime + stime of another process, from /proc/PID/stat. */
static double
process_cpu_s (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = NULL;
  g_auto (GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (after = strrchr (text, ')')) == NULL)
    return 0;
  /* After "pid (comm)": state is field 3, utime 14, stime 15. */
  fields = g_strsplit (after + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return 0;
  return (double) (g_ascii_strtoll (fields[11], NULL, 10) + g_ascii_strtoll (fields[12], NULL, 10)) /
         (double) sysconf (_SC_CLK_TCK);
}

int
main (int argc, char **argv)
{
  int k = 1;
  int duration = 20;
  char *source_spec = NULL;
  gboolean header = FALSE;
  const GOptionEntry entries[] = {
    { "peers", 'k', 0, G_OPTION_ARG_INT, &k, "Concurrent peers (default 1)", "K" },
    { "duration", 'd', 0, G_OPTION_ARG_INT, &duration, "Measured seconds (default 20)", "SECS" },
    { "source", 's', 0, G_OPTION_ARG_FILENAME, &source_spec, "test (encode, default) or a media file (pass-through for VP8/Opus)", "SRC" },
    { "simulcast", 0, 0, G_OPTION_ARG_NONE, &simulcast, "Send three simulcast layers (h, m, l)", NULL },
    { "header", 0, 0, G_OPTION_ARG_NONE, &header, "Print the table header first", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- K EchoTest peers in one process, measured");
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autofree Peer *peers = NULL;
  Peer warm = { 0 };
  gint64 base_rss_kb, base_threads, rss_kb, threads;
  gint64 *video0, *audio0;
  double cpu0, janus0, t0, cpu, janus_cpu, wall;
  double fps_sum = 0, fps_min = G_MAXDOUBLE, abuf_sum = 0;
  const char *label;
  int up = 0, failed = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("echo-peers: %s\n", error->message);
      return 2;
    }
  if (k < 1 || duration < 1)
    {
      g_printerr ("echo-peers: --peers and --duration must be at least 1\n");
      return 2;
    }
  if (source_spec == NULL)
    source_spec = g_strdup ("test");
  label = simulcast                           ? (g_str_equal (source_spec, "test") ? "test (simulcast)" : "file (simulcast)")
          : g_str_equal (source_spec, "test") ? "test (encode)"
                                              : "file (pass-through)";
  gst_init (NULL, NULL);

  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_NAMESPACE);
  if (!jc_local_janus_start (janus, 20000, &error))
    die_on_error ("private Janus in a network namespace (needs root)", error);

  client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  die_on_error ("connect", error);
  session = jc_test_create_session (client, &error);
  die_on_error ("session", error);

  /* One call first: what any process pays once is not per peer. */
  peer_start (&warm, session, source_spec);
  JC_TEST_WAIT_UNTIL_TIMEOUT (warm.up || warm.failed, UP_DEADLINE_S);
  jc_test_run_for (500);
  peer_stop (&warm);
  jc_test_run_for (1000);
  base_rss_kb = status_value ("VmRSS");
  base_threads = status_value ("Threads");

  peers = g_new0 (Peer, k);
  for (int i = 0; i < k; i++)
    peer_start (&peers[i], session, source_spec);
  JC_TEST_WAIT_UNTIL_TIMEOUT (all_settled (peers, k, &up, &failed), UP_DEADLINE_S);
  if (failed > 0)
    g_printerr ("echo-peers: %d of %d peers failed\n", failed, k);
  jc_test_run_for (WARMUP_MS);

  video0 = g_new0 (gint64, k);
  audio0 = g_new0 (gint64, k);
  for (int i = 0; i < k; i++)
    peer_received (&peers[i], &video0[i], &audio0[i]);
  cpu0 = self_cpu_s ();
  janus0 = process_cpu_s (jc_local_janus_get_pid (janus));
  t0 = (double) g_get_monotonic_time () / G_USEC_PER_SEC;

  jc_test_run_for ((guint) duration * 1000);

  wall = (double) g_get_monotonic_time () / G_USEC_PER_SEC - t0;
  cpu = self_cpu_s () - cpu0;
  janus_cpu = process_cpu_s (jc_local_janus_get_pid (janus)) - janus0;
  rss_kb = status_value ("VmRSS");
  threads = status_value ("Threads");
  for (int i = 0; i < k; i++)
    {
      gint64 video, audio;
      double fps;

      peer_received (&peers[i], &video, &audio);
      fps = (double) (video - video0[i]) / wall;
      /* A peer short of frames: show its counters (packets against
       * frames tells a stall from frames dropped on the way in). */
      if (fps < 14.0)
        {
          g_autoptr (JsonArray) stats = jc_peer_get_track_stats (peers[i].peer);
          g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), stats);
          g_autofree char *text = json_to_string (node, FALSE);

          g_printerr ("echo-peers: peer %d of %d received %.1f video frames/s: %s\n", i + 1, k, fps, text);
        }
      fps_sum += fps;
      fps_min = MIN (fps_min, fps);
      abuf_sum += (double) (audio - audio0[i]) / wall;
    }

  if (header)
    {
      printf ("| source | K | client CPU %%/peer | client CPU %% total | RSS MiB/peer | threads/peer | "
              "video fps/peer (min) | audio buf/s/peer | Janus CPU %%/peer |\n");
      printf ("|---|---|---|---|---|---|---|---|---|\n");
    }
  printf ("| %s | %d | %.2f | %.1f | %.2f | %.1f | %.1f (%.1f) | %.1f | %.2f |\n", label, k, cpu / wall * 100 / k,
          cpu / wall * 100, (double) (rss_kb - base_rss_kb) / 1024 / k, (double) (threads - base_threads) / k,
          fps_sum / k, fps_min, abuf_sum / k, janus_cpu / wall * 100 / k);
  fflush (stdout);

  for (int i = 0; i < k; i++)
    peer_stop (&peers[i]);
  jc_test_destroy (session, NULL);
  g_free (video0);
  g_free (audio0);
  g_free (source_spec);
  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  return failed > 0 ? 1 : 0;
}

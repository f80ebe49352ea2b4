/* jc-cmd-bench-sessions.c: `janus-client bench sessions -n N [--hold SECS]`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Opens N sessions with one handle each (at most MAX_IN_FLIGHT being
 * opened at once) on one connection, holds them for --hold seconds while
 * the library keeps them alive, then destroys them. Reports the client's
 * RSS per session, the keepalives per second actually answered by Janus
 * (its acks, counted on the transport while holding: nothing else is sent
 * then), and any session that Janus timed out or that died otherwise.
 */
#include "jc-cmd-bench-private.h"

#define MAX_IN_FLIGHT 64
#define DEFAULT_HOLD_S 10
#define MAX_SESSIONS 1000000

typedef struct
{
  JcCliOptions *opts; /* (unowned) */
  JcClient *client;   /* (owned) */
  guint total;
  GPtrArray *sessions; /* (owned) JcSession, the open ones */
  GPtrArray *handles;  /* (owned) JcHandle, one per open session */
  GMainLoop *loop;     /* (owned) */
  gulong message_id;   /* on the client's transport */
  gulong interrupt_id; /* on opts->cancellable */
  GSource *progress;   /* (owned) (nullable) */

  guint launched; /* sessions asked for */
  guint in_flight;
  guint destroyed;
  guint errors;
  guint timeouts;
  guint closed;
  gboolean counting; /* holding: count the acks */
  guint acks;
  gboolean interrupted;
} Sessions;

static void
sessions_error (Sessions *bench, const char *what, const GError *error)
{
  bench->errors++;
  if (bench->errors <= 5)
    jc_cli_warn ("bench sessions: %s failed: %s", what, error->message);
  else if (bench->errors == 6)
    jc_cli_warn ("bench sessions: more errors; only counting them now");
}

static void
on_session_timeout (JcSession *session, gpointer user_data)
{
  Sessions *bench = user_data;

  bench->timeouts++;
  if (bench->timeouts <= 5)
    jc_cli_warn ("bench sessions: Janus timed out session %" G_GUINT64_FORMAT, jc_session_get_id (session));
}

static void
on_session_closed (JcSession *session, const GError *error, gpointer user_data)
{
  Sessions *bench = user_data;
  g_autofree char *what = g_strdup_printf ("session %" G_GUINT64_FORMAT, jc_session_get_id (session));

  bench->closed++;
  sessions_error (bench, what, error);
}

static void
on_message (JcTransport *transport, JsonObject *message, gpointer user_data)
{
  Sessions *bench = user_data;
  const char *janus;

  if (!bench->counting)
    return;
  janus = jc_cli_json_string (message, "janus");
  if (janus != NULL && g_str_equal (janus, "ack"))
    bench->acks++;
}

static void open_more (Sessions *bench);

static void
open_done (Sessions *bench)
{
  bench->in_flight--;
  open_more (bench);
}

static void
on_attached (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Sessions *bench = user_data;
  JcSession *session = JC_SESSION (source);
  g_autoptr (GError) error = NULL;
  JcHandle *handle = jc_session_attach_finish (session, result, &error);

  if (handle == NULL)
    {
      sessions_error (bench, "attach", error);
      /* Keep the session: it is destroyed with the others. */
    }
  else
    g_ptr_array_add (bench->handles, handle);
  open_done (bench);
}

static void
on_created (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Sessions *bench = user_data;
  g_autoptr (GError) error = NULL;
  JcSession *session = jc_client_create_session_finish (JC_CLIENT (source), result, &error);

  if (session == NULL)
    {
      sessions_error (bench, "create", error);
      open_done (bench);
      return;
    }
  g_signal_connect (session, "timeout", G_CALLBACK (on_session_timeout), bench);
  g_signal_connect (session, "closed", G_CALLBACK (on_session_closed), bench);
  g_ptr_array_add (bench->sessions, session);
  jc_session_attach_async (session, "janus.plugin.echotest", NULL, bench->opts->cancellable, on_attached,
                           bench);
}

static void
open_more (Sessions *bench)
{
  while (bench->launched < bench->total && bench->in_flight < MAX_IN_FLIGHT &&
         !g_cancellable_is_cancelled (bench->opts->cancellable))
    {
      bench->launched++;
      bench->in_flight++;
      jc_client_create_session_async (bench->client, 0, bench->opts->cancellable, on_created, bench);
    }
  if (bench->in_flight == 0)
    g_main_loop_quit (bench->loop);
}

static void destroy_more (Sessions *bench);

static void
on_destroyed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Sessions *bench = user_data;
  g_autoptr (GError) error = NULL;

  if (!jc_session_destroy_finish (JC_SESSION (source), result, &error))
    sessions_error (bench, "destroy", error);
  bench->in_flight--;
  destroy_more (bench);
}

/* Destroying runs without the tool's cancellable: an interrupted run still
 * cleans up (a second Ctrl-C quits at once). */
static void
destroy_more (Sessions *bench)
{
  while (bench->destroyed < bench->sessions->len && bench->in_flight < MAX_IN_FLIGHT)
    {
      JcSession *session = g_ptr_array_index (bench->sessions, bench->destroyed++);

      g_signal_handlers_disconnect_by_data (session, bench);
      if (!jc_session_is_alive (session))
        continue;
      bench->in_flight++;
      jc_session_destroy_async (session, NULL, on_destroyed, bench);
    }
  if (bench->in_flight == 0)
    g_main_loop_quit (bench->loop);
}

static gboolean
on_progress (gpointer user_data)
{
  Sessions *bench = user_data;

  if (bench->counting)
    g_printerr ("bench sessions: holding %u sessions, %u keepalive%s answered, %u timeout%s, %u error%s\n",
                bench->sessions->len, bench->acks, bench->acks == 1 ? "" : "s", bench->timeouts,
                bench->timeouts == 1 ? "" : "s", bench->errors, bench->errors == 1 ? "" : "s");
  else if (bench->destroyed > 0)
    g_printerr ("bench sessions: %u/%u destroyed\n", bench->destroyed, bench->sessions->len);
  else
    g_printerr ("bench sessions: %u/%u opened, %u error%s\n", bench->sessions->len - bench->in_flight,
                bench->total, bench->errors, bench->errors == 1 ? "" : "s");
  return G_SOURCE_CONTINUE;
}

static void
on_interrupted (GCancellable *cancellable, gpointer user_data)
{
  Sessions *bench = user_data;

  bench->interrupted = TRUE;
}

static void
sessions_clear (Sessions *bench)
{
  jc_bench_clear_source (&bench->progress);
  if (bench->interrupt_id != 0)
    g_cancellable_disconnect (bench->opts->cancellable, bench->interrupt_id);
  if (bench->message_id != 0)
    g_signal_handler_disconnect (jc_client_get_transport (bench->client), bench->message_id);
  if (bench->sessions != NULL)
    for (guint i = 0; i < bench->sessions->len; i++)
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (bench->sessions, i), bench);
  g_clear_pointer (&bench->handles, g_ptr_array_unref);
  g_clear_pointer (&bench->sessions, g_ptr_array_unref);
  if (bench->client != NULL)
    jc_client_close (bench->client);
  g_clear_object (&bench->client);
  g_clear_pointer (&bench->loop, g_main_loop_unref);
}

int
jc_bench_run_sessions (JcCliOptions *opts, int argc, char **argv)
{
  int total = 0;
  double hold_s = DEFAULT_HOLD_S;
  const GOptionEntry entries[] = {
    { "sessions", 'n', 0, G_OPTION_ARG_INT, &total, "Sessions to open (required)", "N" },
    { "hold", 0, 0, G_OPTION_ARG_DOUBLE, &hold_s, "Seconds to hold them open (default 10)", "SECS" },
    G_OPTION_ENTRY_NULL
  };
  Sessions bench = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) output = NULL;
  guint64 rss0_kib, rss1_kib, anon0_kib, anon1_kib;
  gint64 t_open, t_hold, t_held;
  double open_s, held_s, interval_s, keepalives_per_s;
  guint errors;
  int status;

  status = jc_cli_parse_command (opts, "bench sessions", "",
                                 "Open N sessions with one EchoTest handle each on one connection "
                                 "(64 at a time), hold them\nfor SECS while the library keeps them "
                                 "alive, then destroy them. Reports the RSS per\nsession, the "
                                 "keepalives answered per second and the sessions Janus timed out.\n"
                                 "Exits 0 only when there was no error and no timeout.",
                                 entries, &argc, &argv);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (argc != 1)
    return jc_cli_usage_error (opts, "bench sessions takes no argument (got “%s”); see janus-client bench sessions --help",
                               argv[1]);
  if (total == 0)
    return jc_cli_usage_error (opts, "bench sessions needs -n N (the sessions to open); see janus-client bench sessions --help");
  if (total < 1 || total > MAX_SESSIONS)
    return jc_cli_usage_error (opts, "-n wants 1 to %d sessions, not %d", MAX_SESSIONS, total);
  if (hold_s < 0 || hold_s > 1e6)
    return jc_cli_usage_error (opts, "--hold wants seconds from 0 to 1000000, not %g", hold_s);

  bench.opts = opts;
  bench.total = (guint) total;
  bench.client = jc_cli_connect (opts, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error);
  if (bench.client == NULL)
    return jc_cli_fail (opts, error);
  bench.sessions = g_ptr_array_new_full (bench.total, g_object_unref);
  bench.handles = g_ptr_array_new_full (bench.total, g_object_unref);
  bench.loop = g_main_loop_new (g_main_context_get_thread_default (), FALSE);
  bench.message_id = g_signal_connect (jc_client_get_transport (bench.client), "message",
                                       G_CALLBACK (on_message), &bench);
  bench.interrupt_id = g_cancellable_connect (opts->cancellable, G_CALLBACK (on_interrupted), &bench, NULL);
  bench.progress = jc_bench_add_timeout (1000, on_progress, &bench, "[janus-client] bench progress");

  /* Open */
  rss0_kib = jc_bench_status_kib ("VmRSS");
  anon0_kib = jc_bench_status_kib ("RssAnon");
  if (!opts->json)
    g_printerr ("bench sessions: opening %u sessions (RSS %.1f MiB before)\n", bench.total, rss0_kib / 1024.0);
  t_open = g_get_monotonic_time ();
  open_more (&bench);
  if (bench.in_flight > 0)
    g_main_loop_run (bench.loop);
  t_hold = g_get_monotonic_time ();
  open_s = (double) (t_hold - t_open) / G_USEC_PER_SEC;
  /* What the library chose (from Janus's session timeout, by default). */
  interval_s = bench.sessions->len > 0
                   ? jc_session_get_keepalive_interval (g_ptr_array_index (bench.sessions, 0)) / 1000.0
                   : 0;

  /* Hold */
  bench.counting = TRUE;
  if (!opts->json)
    g_printerr ("bench sessions: %u sessions open in %.2f s; holding them %g s\n", bench.sessions->len,
                open_s, hold_s);
  jc_cli_sleep ((guint) (hold_s * 1000), opts->cancellable);
  t_held = g_get_monotonic_time ();
  bench.counting = FALSE;
  rss1_kib = jc_bench_status_kib ("VmRSS");
  anon1_kib = jc_bench_status_kib ("RssAnon");
  held_s = (double) (t_held - t_hold) / G_USEC_PER_SEC;
  keepalives_per_s = held_s > 0 ? bench.acks / held_s : 0;

  /* Destroy */
  destroy_more (&bench);
  if (bench.in_flight > 0)
    g_main_loop_run (bench.loop);

  errors = bench.errors;
  output = json_object_new ();
  json_object_set_string_member (output, "workload", "sessions");
  json_object_set_int_member (output, "sessions", bench.total);
  json_object_set_double_member (output, "hold_s", (held_s));
  json_object_set_double_member (output, "rss_mib", (rss1_kib / 1024.0));
  json_object_set_double_member (output, "rss_kib_per_session",
                                 (((double) rss1_kib - (double) rss0_kib) / bench.total));
  json_object_set_double_member (output, "keepalives_per_s", (keepalives_per_s));
  json_object_set_int_member (output, "timeouts", bench.timeouts);
  json_object_set_int_member (output, "errors", errors);
  json_object_set_int_member (output, "opened", bench.handles->len);
  json_object_set_double_member (output, "open_s", (open_s));
  json_object_set_double_member (output, "rss_before_mib", (rss0_kib / 1024.0));
  /* RssAnon: the heap, without the mapped libraries (GStreamer, …). */
  json_object_set_double_member (output, "rss_anon_mib", anon1_kib / 1024.0);
  json_object_set_double_member (output, "rss_anon_before_mib", anon0_kib / 1024.0);
  json_object_set_int_member (output, "keepalives", bench.acks);
  json_object_set_double_member (output, "keepalive_interval_s", (interval_s));
  json_object_set_double_member (output, "expected_keepalives_per_s",
                                 (interval_s > 0 ? bench.sessions->len / interval_s : 0));

  if (opts->json)
    jc_bench_print_result (opts, output);
  else
    {
      g_print ("sessions: %u of %u opened (one handle each) in %.2f s, held %.1f s\n", bench.handles->len,
               bench.total, open_s, held_s);
      g_print ("RSS: %.1f MiB (%.1f MiB before; anonymous %.1f MiB, %.1f before): %.2f KiB per session\n",
               rss1_kib / 1024.0, rss0_kib / 1024.0, anon1_kib / 1024.0, anon0_kib / 1024.0,
               ((double) rss1_kib - (double) rss0_kib) / bench.total);
      g_print ("keepalives: %u answered, %.1f/s (one per session every %.1f s: %.1f/s expected)\n", bench.acks,
               keepalives_per_s, interval_s, interval_s > 0 ? bench.sessions->len / interval_s : 0);
      g_print ("timeouts: %u, errors: %u\n", bench.timeouts, errors);
    }

  sessions_clear (&bench);
  if (bench.interrupted)
    return JC_CLI_EXIT_INTERRUPTED;
  return errors == 0 && bench.timeouts == 0 ? JC_CLI_EXIT_OK : JC_CLI_EXIT_SERVER;
}

/* jc-cmd-bench.c: `janus-client bench churn` and `janus-client bench sessions`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Load generators. `churn`: C workers, each running iterations of create
 * session → attach → one plugin request answered by its event → detach →
 * destroy, N iterations in all, over K connections. `sessions`: N sessions
 * with one handle each, held open for a while (the library sends the
 * keepalives), then destroyed. The --json lines are CLI.md's contract.
 */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "jc-cmd-bench-private.h"

#define CHURN_DEFAULT_ITERATIONS 1000
#define CHURN_DEFAULT_WORKERS 8
#define CHURN_MAX_WORKERS 10000
#define CHURN_MAX_CONNECTIONS 256
#define DEFAULT_PLUGIN "janus.plugin.echotest"

/* Helpers shared with jc-cmd-bench-sessions.c */

guint64
jc_bench_status_kib (const char *field)
{
  g_autofree char *text = NULL;
  g_autofree char *key = g_strdup_printf ("\n%s:", field);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return 0;
  line = strstr (text, key);
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen (key), NULL, 10);
}

double
jc_bench_cpu_ms (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return (double) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (double) (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

GSource *
jc_bench_add_timeout (guint ms, GSourceFunc func, gpointer data, const char *name)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_static_name (source, name);
  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

void
jc_bench_clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

/* JsonGenerator writes doubles with 17 digits (0.53900000000000003);
 * these lines carry 3 decimals. */
static void
append_node (GString *out, JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr (GList) members = json_object_get_members (json_node_get_object (node));
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autoptr (JsonNode) name = json_node_init_string (json_node_alloc (), l->data);
          g_autofree char *quoted = json_to_string (name, FALSE);

          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          g_string_append (out, quoted);
          g_string_append_c (out, ':');
          append_node (out, json_object_get_member (json_node_get_object (node), l->data));
        }
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (number, sizeof number, "%.3f", json_node_get_double (node)));
    }
  else
    {
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append (out, text);
    }
}

void
jc_bench_print_result (JcCliOptions *opts, JsonObject *result)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), result);
  g_autoptr (GString) line = g_string_new (NULL);

  if (!opts->json)
    {
      jc_cli_print_json_node (opts, node);
      return;
    }
  append_node (line, node);
  g_string_append_c (line, '\n');
  fputs (line->str, stdout);
  fflush (stdout);
}

/* Churn */

typedef struct _Churn Churn;

typedef enum
{
  STEP_CREATE,
  STEP_ATTACH,
  STEP_SEND,
  STEP_DETACH,
  STEP_DESTROY,
} ChurnStep;

static const char *const step_names[] = { "create", "attach", "message", "detach", "destroy" };

typedef struct
{
  Churn *churn; /* (unowned) */
  guint index;
  JcClient *client;   /* (unowned) one of churn->clients */
  JcSession *session; /* (owned) (nullable) */
  JcHandle *handle;   /* (owned) (nullable) */
  gint64 started_us;  /* the iteration's start, monotonic */
  gboolean failed;    /* a step of this iteration failed */
  gboolean busy;
} ChurnWorker;

struct _Churn
{
  JcCliOptions *opts; /* (unowned) */
  const char *plugin; /* (unowned) */
  JsonObject *body;   /* (owned) the plugin request */
  guint total;
  guint n_workers;
  GPtrArray *clients;   /* (owned) JcClient */
  ChurnWorker *workers; /* (owned) n_workers */
  GMainLoop *loop;      /* (owned) */

  /* Cancelled when in-flight iterations are abandoned: after the deadline's
   * grace period, or on a second reason to stop. */
  GCancellable *cancellable; /* (owned) */
  gulong interrupt_id;       /* on opts->cancellable */
  GSource *deadline;         /* (owned) (nullable) */
  GSource *grace;            /* (owned) (nullable) */
  GSource *progress;         /* (owned) (nullable) */

  guint started;           /* iterations begun */
  guint completed;         /* iterations done in time, without error */
  guint failed_iterations; /* iterations with at least one failed step */
  guint late;              /* iterations in flight at the deadline */
  guint step_errors;       /* failed steps */
  guint active;            /* busy workers */
  gboolean stopping;       /* no new iterations: deadline or interrupt */
  gboolean deadline_hit;
  gboolean interrupted;
  gboolean abandoning; /* in-flight requests cancelled: no more clean-up */

  gint64 *latencies_us; /* (owned) @completed of them */
  gint64 t0_us;
  gint64 t1_us;
  guint last_progress_done;
};

static void churn_next (ChurnWorker *w);

static void
churn_step_failed (ChurnWorker *w, ChurnStep step, const GError *error)
{
  Churn *churn = w->churn;

  /* Requests cancelled because the run is being abandoned are counted as
   * unfinished iterations, not as failed steps. */
  if (churn->abandoning && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  churn->step_errors++;
  if (!w->failed)
    {
      w->failed = TRUE;
      churn->failed_iterations++;
    }
  /* The first few say why; after that the counts say enough. */
  if (churn->step_errors <= 5)
    jc_cli_warn ("bench churn: worker %u: %s failed: %s", w->index, step_names[step], error->message);
  else if (churn->step_errors == 6)
    jc_cli_warn ("bench churn: more errors; only counting them now");
}

/* The iteration is over, however it went. */
static void
churn_iteration_done (ChurnWorker *w)
{
  Churn *churn = w->churn;

  g_clear_object (&w->handle);
  g_clear_object (&w->session);
  if (!w->failed && !churn->deadline_hit && !churn->abandoning)
    churn->latencies_us[churn->completed++] = g_get_monotonic_time () - w->started_us;
  else if (!w->failed)
    churn->late++;
  churn_next (w);
}

/* Every request of an iteration can be cancelled when the run is
 * abandoned; after that nothing new goes on the wire. */
static GCancellable *
churn_cancellable (Churn *churn)
{
  return churn->cancellable;
}

static void
on_destroyed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChurnWorker *w = user_data;
  g_autoptr (GError) error = NULL;

  if (!jc_session_destroy_finish (JC_SESSION (source), result, &error))
    churn_step_failed (w, STEP_DESTROY, error);
  churn_iteration_done (w);
}

static void
churn_destroy (ChurnWorker *w)
{
  if (w->churn->abandoning)
    {
      churn_iteration_done (w);
      return;
    }
  jc_session_destroy_async (w->session, churn_cancellable (w->churn), on_destroyed, w);
}

static void
on_detached (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChurnWorker *w = user_data;
  g_autoptr (GError) error = NULL;

  if (!jc_handle_detach_finish (JC_HANDLE (source), result, &error))
    churn_step_failed (w, STEP_DETACH, error);
  churn_destroy (w);
}

static void
churn_detach (ChurnWorker *w)
{
  if (w->churn->abandoning)
    {
      churn_iteration_done (w);
      return;
    }
  jc_handle_detach_async (w->handle, churn_cancellable (w->churn), on_detached, w);
}

static void
on_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChurnWorker *w = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) data = NULL;

  data = jc_handle_send_finish (JC_HANDLE (source), result, NULL, &error);
  if (data == NULL)
    churn_step_failed (w, STEP_SEND, error);
  churn_detach (w);
}

static void
on_attached (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChurnWorker *w = user_data;
  g_autoptr (GError) error = NULL;

  w->handle = jc_session_attach_finish (JC_SESSION (source), result, &error);
  if (w->handle == NULL)
    {
      churn_step_failed (w, STEP_ATTACH, error);
      churn_destroy (w);
      return;
    }
  if (w->churn->abandoning)
    {
      churn_iteration_done (w);
      return;
    }
  jc_handle_send_async (w->handle, w->churn->body, NULL, JC_TIMEOUT_DEFAULT,
                        churn_cancellable (w->churn), on_sent, w);
}

static void
on_created (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChurnWorker *w = user_data;
  g_autoptr (GError) error = NULL;

  w->session = jc_client_create_session_finish (JC_CLIENT (source), result, &error);
  if (w->session == NULL)
    {
      churn_step_failed (w, STEP_CREATE, error);
      churn_iteration_done (w);
      return;
    }
  if (w->churn->abandoning)
    {
      churn_iteration_done (w);
      return;
    }
  jc_session_attach_async (w->session, w->churn->plugin, NULL, churn_cancellable (w->churn),
                           on_attached, w);
}

static void
churn_next (ChurnWorker *w)
{
  Churn *churn = w->churn;

  if (churn->stopping || churn->started >= churn->total)
    {
      if (w->busy)
        {
          w->busy = FALSE;
          churn->active--;
        }
      if (churn->active == 0)
        {
          churn->t1_us = g_get_monotonic_time ();
          g_main_loop_quit (churn->loop);
        }
      return;
    }
  if (!w->busy)
    {
      w->busy = TRUE;
      churn->active++;
    }
  churn->started++;
  w->failed = FALSE;
  w->started_us = g_get_monotonic_time ();
  jc_client_create_session_async (w->client, 0, churn_cancellable (churn), on_created, w);
}

static gboolean
on_grace_over (gpointer user_data)
{
  Churn *churn = user_data;

  g_clear_pointer (&churn->grace, g_source_unref);
  g_debug ("bench churn: %u iterations still in flight after the grace period: cancelling",
           churn->active);
  churn->abandoning = TRUE;
  g_cancellable_cancel (churn->cancellable);
  return G_SOURCE_REMOVE;
}

/* Stop starting iterations; give those in flight 2 s to finish (and clean
 * up after themselves), then cancel them. */
static void
churn_stop (Churn *churn)
{
  if (churn->stopping)
    {
      if (churn->grace != NULL)
        {
          jc_bench_clear_source (&churn->grace);
          on_grace_over (churn);
        }
      return;
    }
  churn->stopping = TRUE;
  if (churn->active == 0)
    return;
  churn->grace = jc_bench_add_timeout (2000, on_grace_over, churn, "[janus-client] bench grace");
}

static gboolean
on_deadline (gpointer user_data)
{
  Churn *churn = user_data;

  g_clear_pointer (&churn->deadline, g_source_unref);
  if (churn->started >= churn->total && churn->active == 0)
    return G_SOURCE_REMOVE;
  churn->deadline_hit = TRUE;
  churn_stop (churn);
  return G_SOURCE_REMOVE;
}

static void
on_interrupted (GCancellable *cancellable, gpointer user_data)
{
  Churn *churn = user_data;

  churn->interrupted = TRUE;
  churn_stop (churn);
}

static gboolean
on_progress (gpointer user_data)
{
  Churn *churn = user_data;
  guint done = churn->completed + churn->failed_iterations + churn->late;

  g_printerr ("bench churn: %u/%u done, %u it/s, %u error%s\n", done, churn->total,
              done - churn->last_progress_done, churn->step_errors, churn->step_errors == 1 ? "" : "s");
  churn->last_progress_done = done;
  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted @values, in milliseconds. */
static double
percentile_ms (const gint64 *values, guint n, double p)
{
  guint rank;

  if (n == 0)
    return 0;
  rank = (guint) (p / 100.0 * n + 0.999999);
  rank = CLAMP (rank, 1, n);
  return (double) values[rank - 1] / 1000.0;
}

static void
churn_clear (Churn *churn)
{
  jc_bench_clear_source (&churn->deadline);
  jc_bench_clear_source (&churn->grace);
  jc_bench_clear_source (&churn->progress);
  if (churn->interrupt_id != 0)
    g_cancellable_disconnect (churn->opts->cancellable, churn->interrupt_id);
  for (guint i = 0; churn->workers != NULL && i < churn->n_workers; i++)
    {
      g_clear_object (&churn->workers[i].handle);
      g_clear_object (&churn->workers[i].session);
    }
  g_clear_pointer (&churn->workers, g_free);
  if (churn->clients != NULL)
    {
      for (guint i = 0; i < churn->clients->len; i++)
        jc_client_close (g_ptr_array_index (churn->clients, i));
      g_clear_pointer (&churn->clients, g_ptr_array_unref);
    }
  g_clear_pointer (&churn->latencies_us, g_free);
  g_clear_pointer (&churn->body, json_object_unref);
  g_clear_object (&churn->cancellable);
  g_clear_pointer (&churn->loop, g_main_loop_unref);
}

/* The one plugin request: EchoTest answers {"audio": true} with an event
 * after the ack; for the others, "list" is harmless (VideoRoom answers it
 * at once, which is one request all the same). A plugin that answers it
 * with an error counts errors: give --body. */
static JsonObject *
churn_body_for (const char *plugin)
{
  if (g_str_equal (plugin, "janus.plugin.echotest"))
    return jc_cli_parse_json_object ("{\"audio\": true}", "the body", NULL);
  return jc_cli_parse_json_object ("{\"request\": \"list\"}", "the body", NULL);
}

static int
run_churn (JcCliOptions *opts, int argc, char **argv)
{
  int total = CHURN_DEFAULT_ITERATIONS;
  int n_workers = CHURN_DEFAULT_WORKERS;
  int n_connections = 1;
  double deadline_s = 0;
  g_autofree char *plugin = NULL;
  g_autofree char *body_text = NULL;
  const GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &total,
      "Iterations in total, over all workers (default 1000)", "N" },
    { "concurrency", 'c', 0, G_OPTION_ARG_INT, &n_workers, "Concurrent workers (default 8)", "C" },
    { "plugin", 0, 0, G_OPTION_ARG_STRING, &plugin, "Plugin to attach (default janus.plugin.echotest)",
      "NAME" },
    { "body", 0, 0, G_OPTION_ARG_STRING, &body_text,
      "The plugin request (default: {\"audio\": true} for the EchoTest, {\"request\": \"list\"} otherwise)",
      "JSON" },
    { "deadline", 0, 0, G_OPTION_ARG_DOUBLE, &deadline_s,
      "Stop after SECS; unfinished iterations count as errors (default: none)", "SECS" },
    { "connections", 0, 0, G_OPTION_ARG_INT, &n_connections,
      "Connections to spread the workers over, round-robin (default 1)", "K" },
    G_OPTION_ENTRY_NULL
  };
  Churn churn = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) output = NULL;
  g_autoptr (JsonObject) latency = NULL;
  double cpu0_ms, cpu1_ms, wall_s;
  guint unfinished, errors;
  int status;

  status = jc_cli_parse_command (opts, "bench churn", "",
                                 "Churn load: C workers run N iterations in all of create session → "
                                 "attach → one plugin\nrequest answered by its event → detach → destroy, "
                                 "and report throughput,\nlatency percentiles and errors. Exits 0 only "
                                 "when there was no error.",
                                 entries, &argc, &argv);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (argc != 1)
    return jc_cli_usage_error (opts, "bench churn takes no argument (got “%s”); see janus-client bench churn --help",
                               argv[1]);
  if (total < 1)
    return jc_cli_usage_error (opts, "-n wants at least 1 iteration, not %d", total);
  if (n_workers < 1 || n_workers > CHURN_MAX_WORKERS)
    return jc_cli_usage_error (opts, "-c wants 1 to %d workers, not %d", CHURN_MAX_WORKERS, n_workers);
  if (n_connections < 1 || n_connections > CHURN_MAX_CONNECTIONS)
    return jc_cli_usage_error (opts, "--connections wants 1 to %d, not %d", CHURN_MAX_CONNECTIONS,
                               n_connections);
  if (deadline_s < 0 || deadline_s > 1e6)
    return jc_cli_usage_error (opts, "--deadline wants seconds from 0 (none) to 1000000, not %g", deadline_s);
  if (plugin != NULL && plugin[0] == '\0')
    return jc_cli_usage_error (opts, "--plugin wants a plugin name, e.g. janus.plugin.videoroom");
  if (plugin == NULL)
    plugin = g_strdup (DEFAULT_PLUGIN);

  churn.opts = opts;
  churn.plugin = plugin;
  if (body_text != NULL)
    {
      churn.body = jc_cli_parse_json_object (body_text, "--body", &error);
      if (churn.body == NULL)
        return jc_cli_usage_error (opts, "%s", error->message);
    }
  else
    churn.body = churn_body_for (plugin);
  churn.total = (guint) total;
  churn.n_workers = (guint) n_workers;
  churn.clients = g_ptr_array_new_with_free_func (g_object_unref);
  churn.cancellable = g_cancellable_new ();
  churn.loop = g_main_loop_new (g_main_context_get_thread_default (), FALSE);
  churn.latencies_us = g_new (gint64, churn.total);

  for (int i = 0; i < n_connections; i++)
    {
      JcClient *client = jc_cli_connect (opts, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error);

      if (client == NULL)
        {
          churn_clear (&churn);
          return jc_cli_fail (opts, error);
        }
      g_ptr_array_add (churn.clients, client);
    }

  churn.workers = g_new0 (ChurnWorker, churn.n_workers);
  for (guint i = 0; i < churn.n_workers; i++)
    {
      churn.workers[i].churn = &churn;
      churn.workers[i].index = i;
      churn.workers[i].client = g_ptr_array_index (churn.clients, i % churn.clients->len);
    }

  if (!opts->json)
    g_printerr ("bench churn: %u iterations, %u workers, %u connection%s, %s\n", churn.total,
                churn.n_workers, churn.clients->len, churn.clients->len == 1 ? "" : "s", plugin);
  churn.interrupt_id = g_cancellable_connect (opts->cancellable, G_CALLBACK (on_interrupted), &churn, NULL);
  if (deadline_s > 0)
    churn.deadline = jc_bench_add_timeout ((guint) (deadline_s * 1000), on_deadline, &churn,
                                           "[janus-client] bench deadline");
  churn.progress = jc_bench_add_timeout (1000, on_progress, &churn, "[janus-client] bench progress");

  cpu0_ms = jc_bench_cpu_ms ();
  churn.t0_us = g_get_monotonic_time ();
  churn.t1_us = churn.t0_us;
  if (!churn.stopping)
    {
      for (guint i = 0; i < churn.n_workers; i++)
        churn_next (&churn.workers[i]);
      if (churn.active > 0)
        g_main_loop_run (churn.loop);
    }
  cpu1_ms = jc_bench_cpu_ms ();
  jc_bench_clear_source (&churn.progress);

  wall_s = (double) (churn.t1_us - churn.t0_us) / G_USEC_PER_SEC;
  unfinished = churn.total - churn.completed - churn.failed_iterations;
  errors = churn.step_errors + unfinished;
  qsort (churn.latencies_us, churn.completed, sizeof (gint64), compare_gint64);

  output = json_object_new ();
  json_object_set_string_member (output, "workload", "churn");
  json_object_set_int_member (output, "iterations", churn.total);
  json_object_set_int_member (output, "workers", churn.n_workers);
  json_object_set_double_member (output, "wall_s", (wall_s));
  json_object_set_double_member (output, "ops_per_s", (wall_s > 0 ? churn.completed / wall_s : 0));
  latency = json_object_new ();
  json_object_set_double_member (latency, "p50", (percentile_ms (churn.latencies_us, churn.completed, 50)));
  json_object_set_double_member (latency, "p99", (percentile_ms (churn.latencies_us, churn.completed, 99)));
  json_object_set_double_member (latency, "max", (percentile_ms (churn.latencies_us, churn.completed, 100)));
  json_object_set_object_member (output, "latency_ms", g_steal_pointer (&latency));
  json_object_set_int_member (output, "errors", errors);
  json_object_set_int_member (output, "completed", churn.completed);
  json_object_set_int_member (output, "failed_iterations", churn.failed_iterations);
  json_object_set_int_member (output, "unfinished", unfinished);
  json_object_set_int_member (output, "connections", churn.clients->len);
  json_object_set_string_member (output, "plugin", plugin);
  json_object_set_double_member (output, "client_cpu_ms_per_iteration",
                                 (churn.completed > 0 ? (cpu1_ms - cpu0_ms) / churn.completed : 0));
  if (churn.deadline_hit)
    json_object_set_boolean_member (output, "deadline_hit", TRUE);

  if (opts->json)
    jc_bench_print_result (opts, output);
  else
    {
      g_print ("churn: %u of %u iterations in %.2f s: %.1f it/s, %u worker%s, %u connection%s\n",
               churn.completed, churn.total, wall_s, wall_s > 0 ? churn.completed / wall_s : 0,
               churn.n_workers, churn.n_workers == 1 ? "" : "s", churn.clients->len,
               churn.clients->len == 1 ? "" : "s");
      g_print ("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
               percentile_ms (churn.latencies_us, churn.completed, 50),
               percentile_ms (churn.latencies_us, churn.completed, 99),
               percentile_ms (churn.latencies_us, churn.completed, 100));
      g_print ("client CPU: %.3f ms per iteration\n",
               churn.completed > 0 ? (cpu1_ms - cpu0_ms) / churn.completed : 0);
      g_print ("errors: %u (%u failed step%s in %u iteration%s; %u iteration%s unfinished%s)\n", errors,
               churn.step_errors, churn.step_errors == 1 ? "" : "s", churn.failed_iterations,
               churn.failed_iterations == 1 ? "" : "s", unfinished, unfinished == 1 ? "" : "s",
               churn.deadline_hit ? " at the deadline" : "");
    }

  churn_clear (&churn);
  if (churn.interrupted)
    return JC_CLI_EXIT_INTERRUPTED;
  return errors == 0 ? JC_CLI_EXIT_OK : JC_CLI_EXIT_SERVER;
}

/* Dispatch */

static void
print_subcommands (FILE *out)
{
  fprintf (out, "Usage:\n"
                "  janus-client bench churn [-n N] [-c C] [--plugin NAME] [--deadline SECS] [--connections K]\n"
                "  janus-client bench sessions -n N [--hold SECS]\n"
                "\n"
                "Load generators:\n"
                "  churn      create → attach → one request → detach → destroy, N times, C at once\n"
                "  sessions   hold N sessions (one handle each) open, count keepalives and RSS\n"
                "\n"
                "Run 'janus-client bench SUBCOMMAND --help' for a subcommand's options.\n");
}

int
jc_cmd_bench (JcCliOptions *opts, int argc, char **argv)
{
  const char *name;

  if (argc < 2)
    return jc_cli_usage_error (opts, "bench needs a subcommand (churn or sessions); see janus-client bench --help");
  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_subcommands (stdout);
      return JC_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "churn"))
    return run_churn (opts, argc - 1, argv + 1);
  if (g_str_equal (name, "sessions"))
    return jc_bench_run_sessions (opts, argc - 1, argv + 1);
  return jc_cli_usage_error (opts, "unknown bench subcommand “%s”; see janus-client bench --help", name);
}

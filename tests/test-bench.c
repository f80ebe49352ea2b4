/* test-bench.c: `janus-client bench churn` and `bench sessions`, briefly
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * JANUS_CLIENT_CLI names the binary; one private Janus on loopback, started
 * in main (), serves every test. Smoke tests of the load generators: the
 * --json line's shape (CLI.md), zero errors, nothing left behind on Janus,
 * a usage error, and a deadline that is too short.
 */
#include <string.h>

#include "jc-local-janus.h"
#include "jc-test-util.h"

#define START_TIMEOUT_MS 15000

static const char *cli_path;      /* (unowned) from JANUS_CLIENT_CLI */
static JcLocalJanus *local_janus; /* (owned) (nullable) started in main */
static char *local_janus_why_not; /* (owned) (nullable) why it did not start */

static void run_cli (JcTestCliRun *run, ...) G_GNUC_NULL_TERMINATED;

/* Runs the CLI with --server (the shared Janus) and the given arguments. */
static void
run_cli (JcTestCliRun *run, ...)
{
  const char *prefix[] = { "--server", jc_local_janus_get_ws_uri (local_janus), NULL };
  va_list ap;

  va_start (ap, run);
  jc_test_cli_run_va (run, prefix, ap);
  va_end (ap);
}

/* stdout must be exactly one line holding one JSON object. */
static JsonObject *
parse_json_line (const char *out)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  const char *newline;
  JsonNode *root;

  g_assert_nonnull (out);
  newline = strchr (out, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  json_parser_load_from_data (parser, out, (gssize) (newline - out), &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static JsonNode *
member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    g_error ("JSON member “%s” missing", name);
  return node;
}

static gint64
member_int (JsonObject *object, const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);
  return json_node_get_int (node);
}

/* A JSON number: integers are numbers too. */
static double
member_number (JsonObject *object, const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE);
  return json_node_get_double (node);
}

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object, const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static gboolean
skip_without_janus (void)
{
  if (local_janus != NULL)
    return FALSE;
  g_test_skip (local_janus_why_not);
  return TRUE;
}

/* Janus knows no session any more (asked over the Admin API). */
static void
assert_no_sessions_left (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) line = NULL;
  JsonNode *sessions;

  run_cli (&run, "--admin-server", jc_local_janus_get_admin_ws_uri (local_janus), "--admin-secret",
           jc_local_janus_get_admin_secret (local_janus), "--json", "admin", "sessions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = parse_json_line (run.out);
  sessions = member (line, "sessions");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (sessions));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sessions)), ==, 0);
}

static void
test_churn_json (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) line = NULL;
  JsonObject *latency;
  double p50, p99, max;

  if (skip_without_janus ())
    return;
  run_cli (&run, "--json", "bench", "churn", "-n", "200", "-c", "8", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = parse_json_line (run.out);
  g_assert_cmpstr (member_string (line, "workload"), ==, "churn");
  g_assert_cmpint (member_int (line, "iterations"), ==, 200);
  g_assert_cmpint (member_int (line, "workers"), ==, 8);
  g_assert_cmpint (member_int (line, "errors"), ==, 0);
  g_assert_cmpint (member_int (line, "completed"), ==, 200);
  g_assert_cmpfloat (member_number (line, "wall_s"), >, 0);
  g_assert_cmpfloat (member_number (line, "ops_per_s"), >, 0);
  latency = member_object (line, "latency_ms");
  p50 = member_number (latency, "p50");
  p99 = member_number (latency, "p99");
  max = member_number (latency, "max");
  g_assert_cmpfloat (p50, >, 0);
  g_assert_cmpfloat (p50, <=, p99);
  g_assert_cmpfloat (p99, <=, max);
  assert_no_sessions_left ();
}

/* Two connections, another plugin whose "list" is answered at once. */
static void
test_churn_connections (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) line = NULL;

  if (skip_without_janus ())
    return;
  run_cli (&run, "--json", "bench", "churn", "-n", "40", "-c", "4", "--connections", "2", "--plugin",
           "janus.plugin.videoroom", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = parse_json_line (run.out);
  g_assert_cmpint (member_int (line, "errors"), ==, 0);
  g_assert_cmpint (member_int (line, "connections"), ==, 2);
  assert_no_sessions_left ();
}

/* Every attach fails: each failed step counts, none is hidden, exit 1. */
static void
test_churn_errors (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) line = NULL;

  if (skip_without_janus ())
    return;
  run_cli (&run, "--json", "bench", "churn", "-n", "10", "-c", "2", "--plugin", "janus.plugin.nosuch", NULL);
  g_assert_cmpint (run.status, ==, 1);
  line = parse_json_line (run.out);
  g_assert_cmpint (member_int (line, "errors"), ==, 10);
  g_assert_cmpint (member_int (line, "failed_iterations"), ==, 10);
  g_assert_cmpint (member_int (line, "completed"), ==, 0);
  /* The sessions were destroyed all the same. */
  assert_no_sessions_left ();
}

static void
test_churn_usage (void)
{
  const char *const bad[][2] = {
    { "-c", "0" },
    { "-n", "0" },
    { "--connections", "0" },
    { "--deadline", "-1" },
  };

  if (skip_without_janus ())
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto (JcTestCliRun) run = { 0 };
      g_autoptr (JsonObject) line = NULL;

      run_cli (&run, "--json", "bench", "churn", bad[i][0], bad[i][1], NULL);
      g_assert_cmpint (run.status, ==, 2);
      line = parse_json_line (run.out);
      g_assert_cmpstr (member_string (member_object (line, "error"), "domain"), ==, "usage");
    }
}

/* Far more iterations than fit in the deadline: the run stops on time and
 * the ones not done are errors. */
static void
test_churn_deadline (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) line = NULL;
  gint64 completed, errors;

  if (skip_without_janus ())
    return;
  run_cli (&run, "--json", "bench", "churn", "-n", "100000", "-c", "8", "--deadline", "1", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpfloat (run.elapsed_s, <, 3.5);
  line = parse_json_line (run.out);
  completed = member_int (line, "completed");
  errors = member_int (line, "errors");
  g_assert_cmpint (member_int (line, "iterations"), ==, 100000);
  g_assert_cmpint (errors, >, 0);
  g_assert_cmpint (member_int (line, "unfinished"), ==, 100000 - completed);
  g_assert_cmpint (errors, >=, 100000 - completed);
  g_assert_true (json_node_get_boolean (member (line, "deadline_hit")));
  g_assert_nonnull (strstr (run.err, "bench churn:"));
}

static void
test_sessions_json (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) line = NULL;

  if (skip_without_janus ())
    return;
  run_cli (&run, "--json", "bench", "sessions", "-n", "50", "--hold", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpfloat (run.elapsed_s, <, 15);
  line = parse_json_line (run.out);
  g_assert_cmpstr (member_string (line, "workload"), ==, "sessions");
  g_assert_cmpint (member_int (line, "sessions"), ==, 50);
  g_assert_cmpint (member_int (line, "opened"), ==, 50);
  g_assert_cmpfloat (member_number (line, "hold_s"), >=, 3);
  g_assert_cmpfloat (member_number (line, "rss_mib"), >, 0);
  member_number (line, "rss_kib_per_session");
  g_assert_cmpfloat (member_number (line, "keepalives_per_s"), >=, 0);
  g_assert_cmpint (member_int (line, "timeouts"), ==, 0);
  g_assert_cmpint (member_int (line, "errors"), ==, 0);
  assert_no_sessions_left ();
}

static void
test_sessions_usage (void)
{
  g_auto (JcTestCliRun) run = { 0 };

  if (skip_without_janus ())
    return;
  run_cli (&run, "bench", "sessions", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "-n"));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("JANUS_CLIENT_CLI");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("JANUS_CLIENT_CLI does not name the janus-client binary\n");
      return 1;
    }

  local_janus = jc_local_janus_new ();
  jc_local_janus_set_network (local_janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  if (!jc_local_janus_start (local_janus, START_TIMEOUT_MS, &error))
    {
      local_janus_why_not = g_strdup_printf ("no local Janus: %s", error->message);
      g_clear_object (&local_janus);
    }

  g_test_add_func ("/bench/churn/json", test_churn_json);
  g_test_add_func ("/bench/churn/connections", test_churn_connections);
  g_test_add_func ("/bench/churn/errors", test_churn_errors);
  g_test_add_func ("/bench/churn/usage", test_churn_usage);
  g_test_add_func ("/bench/sessions/json", test_sessions_json);
  g_test_add_func ("/bench/sessions/usage", test_sessions_usage);
  /* Last: sessions abandoned at the deadline may linger in Janus. */
  g_test_add_func ("/bench/deadline/churn", test_churn_deadline);

  status = g_test_run ();

  if (local_janus != NULL)
    jc_local_janus_stop (local_janus);
  g_clear_object (&local_janus);
  g_free (local_janus_why_not);
  return status;
}

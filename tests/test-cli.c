/* test-cli.c: the janus-client command-line tool, run as a subprocess
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * JANUS_CLIENT_CLI names the binary. One private Janus, started in main (),
 * serves every test that passes --server; /cli/info/json exercises the
 * tool's own private Janus (no --server) once.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>

#include "jc-local-janus.h"
#include "jc-test-util.h"

#define START_TIMEOUT_MS 15000

static const char *cli_path;      /* (unowned) from JANUS_CLIENT_CLI */
static JcLocalJanus *local_janus; /* (owned) (nullable) started in main */
static char *local_janus_why_not; /* (owned) (nullable) why it did not start */

static void run_cli (JcTestCliRun *run, ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (JcTestCliRun *run, ...)
{
  va_list ap;

  va_start (ap, run);
  jc_test_cli_run_va (run, NULL, ap);
  va_end (ap);
}

/* The shared Janus's URI, or NULL after marking the test skipped. */
static const char *
server_uri (void)
{
  if (local_janus == NULL)
    {
      g_test_skip (local_janus_why_not);
      return NULL;
    }
  return jc_local_janus_get_ws_uri (local_janus);
}

/* stdout must be exactly @n lines, each one JSON object. */
static GPtrArray *
parse_json_lines (const char *out, guint n)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto (GStrv) lines = NULL;
  guint count;

  g_assert_nonnull (out);
  g_assert_true (g_str_has_suffix (out, "\n"));
  lines = g_strsplit (out, "\n", -1);
  count = g_strv_length (lines);
  /* The final "\n" leaves an empty last element. */
  g_assert_cmpuint (count, ==, n + 1);
  g_assert_cmpstr (lines[n], ==, "");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      JsonNode *root;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      root = json_parser_get_root (parser);
      g_assert_nonnull (root);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
      g_ptr_array_add (objects, json_object_ref (json_node_get_object (root)));
    }
  return g_steal_pointer (&objects);
}

static JsonObject *
parse_json_line (const char *out)
{
  g_autoptr (GPtrArray) objects = parse_json_lines (out, 1);

  return json_object_ref (g_ptr_array_index (objects, 0));
}

/* Typed member reads that fail the test instead of warning. */
static JsonNode *
member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    g_error ("JSON member “%s” missing", name);
  return node;
}

static JsonObject *
member_object (JsonObject *object, const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object, const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);
  return json_node_get_int (node);
}

/* The {"error": {…}} line: checks its domain and returns its code. */
static gint64
assert_error_line (const char *out, const char *domain)
{
  g_autoptr (JsonObject) line = parse_json_line (out);
  JsonObject *error = member_object (line, "error");

  g_assert_cmpstr (member_string (error, "domain"), ==, domain);
  g_assert_cmpstr (member_string (error, "message"), !=, "");
  return member_int (error, "code");
}

static gboolean
janus_pid_alive (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/comm", (int) pid);
  g_autofree char *comm = NULL;

  if (kill (pid, 0) != 0)
    {
      g_assert_cmpint (errno, ==, ESRCH);
      return FALSE;
    }
  /* The pid exists: still janus (or its zombie), or already reused? */
  if (!g_file_get_contents (path, &comm, NULL, NULL))
    return FALSE;
  return g_str_equal (g_strstrip (comm), "janus");
}

/* info */

/* No --server: the tool starts, uses and stops its own Janus. -v shows
 * its pid on stderr, and must leave stdout to the JSON line. */
static void
test_info_json (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GRegex) regex = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *pid_text = NULL;
  JsonObject *plugins;
  GPid pid;

  if (local_janus == NULL)
    {
      g_test_skip (local_janus_why_not);
      return;
    }
  run_cli (&run, "-v", "--json", "info", NULL);
  g_assert_cmpint (run.status, ==, 0);
  info = parse_json_line (run.out);
  g_assert_cmpint (member_int (info, "version"), ==, 1102);
  g_assert_cmpstr (member_string (info, "name"), ==, "Janus WebRTC Server");
  g_assert_false (json_object_has_member (info, "transaction"));
  plugins = member_object (info, "plugins");
  g_assert_true (json_object_has_member (plugins, "janus.plugin.echotest"));
  g_assert_nonnull (json_object_get_member (info, "transports"));

  /* Verbose logs went to stderr, the private Janus is gone. */
  regex = g_regex_new ("Started a private Janus \\(pid ([0-9]+)\\)", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, run.err, 0, &match));
  pid_text = g_match_info_fetch (match, 1);
  pid = (GPid) g_ascii_strtoll (pid_text, NULL, 10);
  g_assert_cmpint (pid, >, 0);
  g_assert_false (janus_pid_alive (pid));
}

static void
test_info_human (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  const char *uri = server_uri ();

  if (uri == NULL)
    return;
  run_cli (&run, "--server", uri, "info", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Janus WebRTC Server"));
  g_assert_nonnull (strstr (run.out, "janus.plugin.echotest"));
  g_assert_nonnull (strstr (run.out, "session timeout"));
}

/* ping */

static void
test_ping_json (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (GPtrArray) lines = NULL;
  const char *uri = server_uri ();

  if (uri == NULL)
    return;
  run_cli (&run, "--server", uri, "--json", "ping", "--count", "3", "--interval", "0", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = parse_json_lines (run.out, 3);
  for (guint i = 0; i < lines->len; i++)
    {
      JsonNode *rtt = member (g_ptr_array_index (lines, i), "rtt_ms");

      g_assert_true (JSON_NODE_HOLDS_VALUE (rtt));
      g_assert_cmpfloat (json_node_get_double (rtt), >=, 0);
      g_assert_cmpfloat (json_node_get_double (rtt), <, 5000);
    }
}

static void
test_ping_human (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  const char *uri = server_uri ();

  if (uri == NULL)
    return;
  run_cli (&run, "--server", uri, "ping", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, " ms"));
}

static void
test_ping_bad_count (void)
{
  g_auto (JcTestCliRun) run = { 0 };

  run_cli (&run, "--server", "ws://127.0.0.1:1", "ping", "--count", "0", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* request */

static void
test_request_json (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) reply = NULL;
  JsonObject *data;
  const char *uri = server_uri ();

  if (uri == NULL)
    return;
  run_cli (&run, "--server", uri, "--json", "request", "janus.plugin.echotest", "{\"audio\":true}", NULL);
  g_assert_cmpint (run.status, ==, 0);
  reply = parse_json_line (run.out);
  data = member_object (reply, "data");
  g_assert_cmpstr (member_string (data, "echotest"), ==, "event");
  g_assert_cmpstr (member_string (data, "result"), ==, "ok");
  g_assert_true (JSON_NODE_HOLDS_NULL (member (reply, "jsep")));
}

static void
test_request_human (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  const char *uri = server_uri ();

  if (uri == NULL)
    return;
  run_cli (&run, "--server", uri, "request", "janus.plugin.echotest", "{\"video\":false}", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"echotest\""));
  g_assert_nonnull (strstr (run.out, "\"ok\""));
}

/* Attaching fails in the core: JC_SERVER_ERROR 460. */
static void
test_request_no_such_plugin (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_auto (JcTestCliRun) human = { 0 };
  const char *uri = server_uri ();

  if (uri == NULL)
    return;
  run_cli (&run, "--server", uri, "--json", "request", "janus.plugin.nope", "{}", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpint (assert_error_line (run.out, "janus"), ==, 460);

  run_cli (&human, "--server", uri, "request", "janus.plugin.nope", "{}", NULL);
  g_assert_cmpint (human.status, ==, 1);
  g_assert_cmpstr (human.out, ==, "");
  g_assert_true (g_str_has_prefix (human.err, "janus-client: "));
}

/* The plugin answers error_code: JC_PLUGIN_ERROR, code = error_code. */
static void
test_request_plugin_error (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  const char *uri = server_uri ();

  if (uri == NULL)
    return;
  run_cli (&run, "--server", uri, "--json", "request", "janus.plugin.videoroom",
           "{\"request\":\"destroy\",\"room\":987654321}", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpint (assert_error_line (run.out, "plugin"), ==, 426);
}

static const char *const bad_bodies[] = {
  "[1]",
  "not json",
  "",
  "42",
  "\"text\"",
  "var x = {\"a\": 1}",
};

/* Refused before any connection: nothing listens on port 1, so a body
 * that slipped through would exit 3, not 2. */
static void
test_request_bad_body (gconstpointer data)
{
  const char *body = data;
  g_auto (JcTestCliRun) run = { 0 };
  g_auto (JcTestCliRun) json = { 0 };

  run_cli (&run, "--server", "ws://127.0.0.1:1", "request", "janus.plugin.echotest", body, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "BODY"));

  run_cli (&json, "--server", "ws://127.0.0.1:1", "--json", "request", "janus.plugin.echotest", body,
           NULL);
  g_assert_cmpint (json.status, ==, 2);
  assert_error_line (json.out, "usage");
}

static void
test_request_bad_jsep (void)
{
  g_auto (JcTestCliRun) missing = { 0 };
  g_auto (JcTestCliRun) array = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *absent = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "jsep.json", NULL);
  absent = g_build_filename (dir, "absent.json", NULL);
  g_file_set_contents (path, "[1]", -1, &error);
  g_assert_no_error (error);

  run_cli (&missing, "--server", "ws://127.0.0.1:1", "request", "janus.plugin.echotest", "{}", "--jsep",
           absent, NULL);
  g_assert_cmpint (missing.status, ==, 2);
  run_cli (&array, "--server", "ws://127.0.0.1:1", "request", "janus.plugin.echotest", "{}", "--jsep",
           path, NULL);
  g_assert_cmpint (array.status, ==, 2);
  g_assert_nonnull (strstr (array.err, "--jsep"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_request_missing_args (void)
{
  g_auto (JcTestCliRun) none = { 0 };
  g_auto (JcTestCliRun) one = { 0 };
  g_auto (JcTestCliRun) three = { 0 };

  run_cli (&none, "--server", "ws://127.0.0.1:1", "request", NULL);
  g_assert_cmpint (none.status, ==, 2);
  run_cli (&one, "--server", "ws://127.0.0.1:1", "request", "janus.plugin.echotest", NULL);
  g_assert_cmpint (one.status, ==, 2);
  run_cli (&three, "--server", "ws://127.0.0.1:1", "request", "janus.plugin.echotest", "{}", "{}", NULL);
  g_assert_cmpint (three.status, ==, 2);
}

/* usage */

static void
test_usage_unknown_global_option (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_auto (JcTestCliRun) json = { 0 };

  run_cli (&run, "--foo", "info", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "--foo"));
  g_assert_nonnull (strstr (run.err, "janus-client --help"));

  run_cli (&json, "--json", "--foo", "info", NULL);
  g_assert_cmpint (json.status, ==, 2);
  assert_error_line (json.out, "usage");
}

static void
test_usage_unknown_command (void)
{
  g_auto (JcTestCliRun) run = { 0 };

  run_cli (&run, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
}

static void
test_usage_unknown_command_option (void)
{
  g_auto (JcTestCliRun) run = { 0 };

  run_cli (&run, "--server", "ws://127.0.0.1:1", "info", "--bogus", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--bogus"));
}

static void
test_usage_no_command (void)
{
  g_auto (JcTestCliRun) run = { 0 };

  run_cli (&run, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_usage_bad_timeout (void)
{
  g_auto (JcTestCliRun) negative = { 0 };
  g_auto (JcTestCliRun) text = { 0 };

  run_cli (&negative, "--timeout", "-1", "info", NULL);
  g_assert_cmpint (negative.status, ==, 2);
  run_cli (&text, "--timeout", "soon", "info", NULL);
  g_assert_cmpint (text.status, ==, 2);
}

static void
test_help (gconstpointer data)
{
  const char *command = data;
  g_auto (JcTestCliRun) run = { 0 };

  if (command[0] == '\0')
    run_cli (&run, "--help", NULL);
  else
    run_cli (&run, command, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Usage:"));
  if (command[0] == '\0')
    {
      g_assert_nonnull (strstr (run.out, "--server"));
      g_assert_nonnull (strstr (run.out, "request"));
    }
}

static void
test_version (void)
{
  g_auto (JcTestCliRun) run = { 0 };

  run_cli (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "janus-client "));
}

/* connecting */

static void
test_connect_refused (void)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_auto (JcTestCliRun) json = { 0 };

  run_cli (&run, "--server", "ws://127.0.0.1:1", "info", NULL);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpfloat (run.elapsed_s, <, 5);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "ws://127.0.0.1:1"));

  run_cli (&json, "--server", "ws://127.0.0.1:1", "--json", "ping", NULL);
  g_assert_cmpint (json.status, ==, 3);
  g_assert_cmpint (assert_error_line (json.out, "janus-client"), ==, JC_ERROR_CONNECT);
}

/* A listener that accepts TCP (the kernel does) but never answers the
 * WebSocket handshake. */
static void
test_connect_timeout (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;
  g_auto (JcTestCliRun) run = { 0 };

  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                 &effective, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("ws://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));

  run_cli (&run, "--timeout", "1", "--server", uri, "info", NULL);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpfloat (run.elapsed_s, <, 3);
  g_assert_nonnull (strstr (run.err, uri));
  g_socket_listener_close (listener);
}

/* HTTP arrives later: until then "not supported yet" (2), afterwards a
 * refused connection (3). */
static void
test_connect_http (void)
{
  g_auto (JcTestCliRun) run = { 0 };

  run_cli (&run, "--server", "http://127.0.0.1:1/janus", "info", NULL);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "http://127.0.0.1:1/janus"));
}

/* Every command speaks every transport: the request round trip over
 * HTTP (its event comes by long-poll) and over the Unix socket. */
static void
test_request_transport (gconstpointer data)
{
  g_auto (JcTestCliRun) run = { 0 };
  g_autoptr (JsonObject) reply = NULL;
  const char *uri;

  if (server_uri () == NULL)
    return;
  uri = g_str_equal (data, "http") ? jc_local_janus_get_http_uri (local_janus) : jc_local_janus_get_unix_uri (local_janus);
  run_cli (&run, "--server", uri, "--json", "request", "janus.plugin.echotest", "{\"audio\":true}", NULL);
  g_assert_cmpint (run.status, ==, 0);
  reply = parse_json_line (run.out);
  g_assert_cmpstr (member_string (member_object (reply, "data"), "result"), ==, "ok");
  g_clear_pointer (&reply, json_object_unref);
  jc_test_cli_run_clear (&run);
  run_cli (&run, "--server", uri, "--json", "info", NULL);
  g_assert_cmpint (run.status, ==, 0);
  reply = parse_json_line (run.out);
  g_assert_cmpint (json_node_get_int (member (reply, "version")), ==, 1102);
}

/* No janus in PATH: the launcher's message, exit 3. */
static void
test_local_janus_missing (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-cli-path-XXXXXX", &error);
  const char *const args[] = { "info", NULL };
  g_auto (JcTestCliRun) run = { 0 };

  g_assert_no_error (error);
  jc_test_cli_runv (&run, dir, NULL, args);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "janus"));
  g_assert_nonnull (strstr (run.err, "install"));
  g_rmdir (dir);
}

/* Without --server, a room the command's own private Janus does not know
 * gets a hint on stderr (not in --json mode, whose stdout is for scripts):
 * that Janus lives for one command only. With --server, no hint. */
static void
test_private_janus_room_hint (void)
{
  g_auto (JcTestCliRun) exists = { 0 };
  g_auto (JcTestCliRun) destroy = { 0 };
  g_auto (JcTestCliRun) json = { 0 };
  g_auto (JcTestCliRun) served = { 0 };
  const char *uri = server_uri ();

  if (uri == NULL)
    return;
  run_cli (&exists, "videoroom", "exists", "--room", "4242", NULL);
  g_assert_cmpint (exists.status, ==, 0);
  g_assert_cmpstr (exists.out, ==, "room 4242 does not exist\n");
  g_assert_nonnull (strstr (exists.err, "private Janus of its own"));

  run_cli (&destroy, "videoroom", "destroy", "--room", "4242", NULL);
  g_assert_cmpint (destroy.status, ==, 1);
  g_assert_nonnull (strstr (destroy.err, "No such room"));
  g_assert_nonnull (strstr (destroy.err, "give --server"));

  run_cli (&json, "--json", "videoroom", "destroy", "--room", "4242", NULL);
  g_assert_cmpint (json.status, ==, 1);
  g_assert_null (strstr (json.err, "private Janus of its own"));

  run_cli (&served, "--server", uri, "videoroom", "exists", "--room", "4242", NULL);
  g_assert_cmpint (served.status, ==, 0);
  g_assert_null (strstr (served.err, "private Janus of its own"));
}

/* The same hint for each plugin's own "no such" code: TextRoom 417,
 * AudioBridge 485, Streaming 455 (one private Janus per command). */
static void
test_private_janus_plugin_hint (void)
{
  static const char *const cases[][5] = {
    { "textroom", "destroy", "--room", "4242", "417" },
    { "audiobridge", "destroy", "--room", "4242", "485" },
    { "streaming", "destroy", "--id", "4242", "455" },
  };

  if (server_uri () == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (JcTestCliRun) run = { 0 };
      g_auto (JcTestCliRun) json = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "give --server"));
      run_cli (&json, "--json", cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      g_assert_cmpint (json.status, ==, 1);
      g_assert_cmpint (assert_error_line (json.out, "plugin"), ==, atoi (cases[i][4]));
      g_assert_null (strstr (json.err, "give --server"));
    }
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

  g_test_add_func ("/cli/info/json", test_info_json);
  g_test_add_func ("/cli/info/human", test_info_human);
  g_test_add_func ("/cli/ping/json", test_ping_json);
  g_test_add_func ("/cli/ping/human", test_ping_human);
  g_test_add_func ("/cli/ping/bad-count", test_ping_bad_count);
  g_test_add_func ("/cli/request/json", test_request_json);
  g_test_add_func ("/cli/request/human", test_request_human);
  g_test_add_func ("/cli/request/no-such-plugin", test_request_no_such_plugin);
  g_test_add_func ("/cli/request/plugin-error", test_request_plugin_error);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_bodies); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/request/bad-body/%" G_GSIZE_FORMAT, i);

      g_test_add_data_func (path, bad_bodies[i], test_request_bad_body);
    }
  g_test_add_func ("/cli/request/bad-jsep", test_request_bad_jsep);
  g_test_add_func ("/cli/request/missing-args", test_request_missing_args);
  g_test_add_func ("/cli/usage/unknown-global-option", test_usage_unknown_global_option);
  g_test_add_func ("/cli/usage/unknown-command", test_usage_unknown_command);
  g_test_add_func ("/cli/usage/unknown-command-option", test_usage_unknown_command_option);
  g_test_add_func ("/cli/usage/no-command", test_usage_no_command);
  g_test_add_func ("/cli/usage/bad-timeout", test_usage_bad_timeout);
  g_test_add_data_func ("/cli/help/global", "", test_help);
  g_test_add_data_func ("/cli/help/info", "info", test_help);
  g_test_add_data_func ("/cli/help/ping", "ping", test_help);
  g_test_add_data_func ("/cli/help/request", "request", test_help);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/connect/refused", test_connect_refused);
  g_test_add_func ("/cli/connect/timeout", test_connect_timeout);
  g_test_add_func ("/cli/connect/http", test_connect_http);
  g_test_add_data_func ("/cli/transport/http", "http", test_request_transport);
  g_test_add_data_func ("/cli/transport/unix", "unix", test_request_transport);
  g_test_add_func ("/cli/local-janus/missing", test_local_janus_missing);
  g_test_add_func ("/cli/local-janus/room-hint", test_private_janus_room_hint);
  g_test_add_func ("/cli/local-janus/plugin-hint", test_private_janus_plugin_hint);

  status = g_test_run ();

  if (local_janus != NULL)
    jc_local_janus_stop (local_janus);
  g_clear_object (&local_janus);
  g_clear_pointer (&local_janus_why_not, g_free);
  return status;
}

/* jc-cmd-admin.c: `janus-client admin SUBCOMMAND …`, the Admin/Monitor API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One subcommand per Admin API request. The ones whose answer has a shape
 * worth presenting (sessions, handles, tokens, status, handle-info, …) use
 * the typed JcAdmin calls; the settings and actions whose answer only
 * echoes what was asked are table-driven (simple_commands) and print the
 * answer's data. This file holds what the subcommands share, the
 * server-wide typed ones, the table-driven ones and the dispatcher; the
 * other typed ones live beside it, as the JcAdmin calls do:
 * jc-cmd-admin-sessions.c (sessions, handles, captures),
 * jc-cmd-admin-modules.c (plugins, transports, event handlers, loggers,
 * network helpers), jc-cmd-admin-tokens.c (stored tokens) and
 * jc-cmd-admin-handle.c (handle-info, watch-handle).
 */
#include <stdio.h>
#include <string.h>

#include "jc-cmd-admin-private.h"

/* Connecting */

JcAdmin *
jc_cmd_admin_connect (JcCliOptions *opts, GError **error)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  if (opts->admin_server == NULL)
    {
      g_autoptr (JcClient) client = NULL;

      if (opts->server != NULL)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                       "admin commands need --admin-server (and usually --admin-secret) "
                       "when --server is given");
          return NULL;
        }
      /* Starts the private Janus, which fills in its admin URI and secret. */
      client = jc_cli_connect (opts, JC_LOCAL_JANUS_NETWORK_LOOPBACK, error);
      if (client == NULL)
        return NULL;
      jc_client_close (client);
      if (opts->admin_server == NULL)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_CONNECT, "The private Janus has no Admin API endpoint");
          return NULL;
        }
    }

  admin = jc_admin_new_for_uri (opts->admin_server, opts->admin_secret, error);
  if (admin == NULL)
    return NULL;
  jc_client_set_timeout (jc_admin_get_client (admin), (guint) opts->timeout_s * 1000);

  g_debug ("Connecting to the Admin API at %s (timeout %d s)", opts->admin_server, opts->timeout_s);
  waiter = jc_cli_waiter_new ();
  jc_admin_connect_async (admin, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  if (!jc_admin_connect_finish (admin, result, error))
    return NULL;
  return g_steal_pointer (&admin);
}

/* Arguments */

gboolean
jc_cmd_admin_parse_id (JcCliOptions *opts, const char *what, const char *text, guint64 *out)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, (G_GUINT64_CONSTANT (1) << 53) - 1, &value, NULL))
    {
      jc_cli_usage_error (opts, "%s wants a positive integer id, not “%s”", what, text);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
jc_cmd_admin_parse_uint (JcCliOptions *opts, const char *what, const char *text, guint64 max, guint64 *out)
{
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL))
    {
      jc_cli_usage_error (opts, "%s wants an integer from 0 to %" G_GUINT64_FORMAT ", not “%s”", what, max, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_bool (JcCliOptions *opts, const char *what, const char *text, gboolean *out)
{
  static const char *const yes[] = { "on", "true", "yes", "1", "enable", NULL };
  static const char *const no[] = { "off", "false", "no", "0", "disable", NULL };

  for (gsize i = 0; yes[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *out = TRUE;
        return TRUE;
      }
  for (gsize i = 0; no[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *out = FALSE;
        return TRUE;
      }
  jc_cli_usage_error (opts, "%s wants on or off, not “%s”", what, text);
  return FALSE;
}

JsonArray *
jc_cmd_admin_json_array (JsonObject *object, const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/* Output helpers */

static char *
node_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

/* "key: value" per member, sorted; "done" for an empty object. */
static void
print_members (JsonObject *object)
{
  g_autoptr (GList) names = g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);

  if (names == NULL)
    g_print ("done\n");
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *text = node_to_text (json_object_get_member (object, l->data));

      g_print ("%s: %s\n", (const char *) l->data, text);
    }
}

int
jc_cmd_admin_finish_with_error (JcCliOptions *opts, JcAdmin *admin, const GError *error)
{
  if (admin != NULL)
    jc_admin_close (admin);
  return jc_cli_fail (opts, error);
}

int
jc_cmd_admin_check_args (JcCliOptions *opts, const char *command, int argc, char **argv, int min, int max)
{
  if (argc - 1 < min)
    return jc_cli_usage_error (opts, "admin %s needs more arguments; see janus-client admin %s --help", command,
                               command);
  if (argc - 1 > max)
    return jc_cli_usage_error (opts, "admin %s: unexpected argument “%s”; see janus-client admin %s --help",
                               command, argv[max + 1], command);
  return JC_CLI_EXIT_OK;
}

/* The typed subcommands */

static int
cmd_info (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *plugins;
  JsonObject *transports;

  PARSE ("info", "", "Print the server's info reply, asked over the Admin API.", NULL, 0, 0);
  CONNECT ();
  jc_admin_info_async (admin, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  info = jc_admin_info_finish (admin, result, &error);
  if (info == NULL)
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  if (opts->json)
    {
      jc_cli_print_json_object (opts, info);
    }
  else
    {
      const char *name = jc_cli_json_string (info, "name");
      const char *version = jc_cli_json_string (info, "version_string");
      const char *server_name = jc_cli_json_string (info, "server-name");

      g_print ("%s %s at %s\n", name != NULL ? name : "Janus", version != NULL ? version : "?",
               jc_admin_get_uri (admin));
      if (server_name != NULL)
        g_print ("  server name:          %s\n", server_name);
      g_print ("  accepting sessions:   %s\n",
               jc_cli_json_bool (info, "accepting-new-sessions") == 0 ? "no" : "yes");
      g_print ("  session timeout:      %" G_GINT64_FORMAT " s\n", jc_cli_json_int (info, "session-timeout", 0));
      transports = jc_cli_json_object (info, "transports");
      plugins = jc_cli_json_object (info, "plugins");
      if (transports != NULL)
        {
          g_autoptr (GList) names = g_list_sort (json_object_get_members (transports), (GCompareFunc) g_strcmp0);

          g_print ("Transports:\n");
          for (GList *l = names; l != NULL; l = l->next)
            g_print ("  %s\n", (const char *) l->data);
        }
      if (plugins != NULL)
        {
          g_autoptr (GList) names = g_list_sort (json_object_get_members (plugins), (GCompareFunc) g_strcmp0);

          g_print ("Plugins:\n");
          for (GList *l = names; l != NULL; l = l->next)
            g_print ("  %s\n", (const char *) l->data);
        }
      fflush (stdout);
    }
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

static int
cmd_ping (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;
  double rtt_ms;

  PARSE ("ping", "", "Round-trip a ping to the Admin API and print the latency.", NULL, 0, 0);
  CONNECT ();
  start = g_get_monotonic_time ();
  jc_admin_ping_async (admin, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  if (!jc_admin_ping_finish (admin, result, &error))
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  rtt_ms = (double) (g_get_monotonic_time () - start) / 1000.0;
  if (opts->json)
    g_print ("{\"rtt_ms\":%.3f}\n", rtt_ms);
  else
    g_print ("pong from %s in %.2f ms\n", jc_admin_get_uri (admin), rtt_ms);
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

static int
cmd_status (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) status = NULL;
  g_autoptr (GError) error = NULL;

  PARSE ("status", "", "Print the server's current settings (get_status).", NULL, 0, 0);
  CONNECT ();
  jc_admin_get_status_async (admin, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  status = jc_admin_get_status_finish (admin, result, &error);
  if (status == NULL)
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  if (opts->json)
    jc_cli_print_json_object (opts, status);
  else
    print_members (status);
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

static int
cmd_loops (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonArray) loops = NULL;
  g_autoptr (GError) error = NULL;

  PARSE ("loops", "", "List the static event loops and how many handles each serves (loops_info).",
         NULL, 0, 0);
  CONNECT ();
  jc_admin_loops_info_async (admin, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  loops = jc_admin_loops_info_finish (admin, result, &error);
  if (loops == NULL)
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();

      json_object_set_array_member (out, "loops", json_array_ref (loops));
      jc_cli_print_json_object (opts, out);
    }
  else if (json_array_get_length (loops) == 0)
    {
      g_print ("No static event loops (Janus runs one loop per handle)\n");
    }
  else
    {
      g_print ("%-6s %s\n", "LOOP", "HANDLES");
      for (guint i = 0; i < json_array_get_length (loops); i++)
        {
          JsonNode *node = json_array_get_element (loops, i);
          JsonObject *loop = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

          g_print ("%-6" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", jc_cli_json_int (loop, "id", i),
                   jc_cli_json_int (loop, "handles", 0));
        }
    }
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

/* The table-driven subcommands: positional arguments become members of
 * the request; the output is the answer's data. */

typedef enum
{
  ARG_NONE,
  ARG_ID,     /* a session or handle id */
  ARG_UINT,   /* 0 … G_MAXINT32 */
  ARG_LEVEL,  /* 0 … 7, optional */
  ARG_BOOL,   /* on/off */
  ARG_STRING, /* as given */
  ARG_OBJECT, /* a JSON object */
} ArgKind;

typedef struct
{
  ArgKind kind;
  const char *member;  /* in the request */
  const char *metavar; /* in --help and messages */
  gboolean optional;
} SimpleArg;

typedef struct
{
  const char *name;
  const char *verb;
  const char *summary;
  SimpleArg args[3];
} SimpleCommand;

static const SimpleCommand simple_commands[] = {
  { "set-log-level", "set_log_level", "Set Janus's log level (0: none … 7: everything; default 4).", { { ARG_UINT, "level", "LEVEL", FALSE } } },
  { "set-locking-debug", "set_locking_debug", "Log every lock and unlock (on/off).", { { ARG_BOOL, "debug", "on|off", FALSE } } },
  { "set-refcount-debug", "set_refcount_debug", "Log every reference count change (on/off).", { { ARG_BOOL, "debug", "on|off", FALSE } } },
  { "set-log-timestamps", "set_log_timestamps", "Start log lines with a timestamp (on/off).", { { ARG_BOOL, "timestamps", "on|off", FALSE } } },
  { "set-log-colors", "set_log_colors", "Colour log lines (on/off).", { { ARG_BOOL, "colors", "on|off", FALSE } } },
  { "set-libnice-debug", "set_libnice_debug", "Let libnice log its debug messages (on/off).", { { ARG_BOOL, "debug", "on|off", FALSE } } },
  { "set-min-nack-queue", "set_min_nack_queue", "Set the minimum NACK queue in milliseconds.", { { ARG_UINT, "min_nack_queue", "MS", FALSE } } },
  { "set-nack-optimizations", "set_nack_optimizations", "Skip retransmissions that would arrive too late (on/off).", { { ARG_BOOL, "nack_optimizations", "on|off", FALSE } } },
  { "set-no-media-timer", "set_no_media_timer", "Seconds without media before Janus reports media stopped.", { { ARG_UINT, "no_media_timer", "SECS", FALSE } } },
  { "set-slowlink-threshold", "set_slowlink_threshold", "Lost packets per second that trigger a slowlink (0: off).", { { ARG_UINT, "slowlink_threshold", "N", FALSE } } },
  { "accept-new-sessions", "accept_new_sessions", "Accept new sessions or refuse them to drain the server (on/off).", { { ARG_BOOL, "accept", "on|off", FALSE } } },
  { "destroy-session", "destroy_session", "Destroy a session and its handles.", { { ARG_ID, "session_id", "SESSION", FALSE } } },
  { "detach-handle", "detach_handle", "Detach a handle from its plugin.", { { ARG_ID, "session_id", "SESSION", FALSE }, { ARG_ID, "handle_id", "HANDLE", FALSE } } },
  { "hangup-webrtc", "hangup_webrtc", "Close a handle's PeerConnection.", { { ARG_ID, "session_id", "SESSION", FALSE }, { ARG_ID, "handle_id", "HANDLE", FALSE } } },
  { "stop-pcap", "stop_pcap", "Stop a handle's pcap capture.", { { ARG_ID, "session_id", "SESSION", FALSE }, { ARG_ID, "handle_id", "HANDLE", FALSE } } },
  { "stop-text2pcap", "stop_text2pcap", "Stop a handle's text2pcap capture.", { { ARG_ID, "session_id", "SESSION", FALSE }, { ARG_ID, "handle_id", "HANDLE", FALSE } } },
  { "custom-event", "custom_event", "Hand an external event (DATA, a JSON object) to the event handlers.", { { ARG_STRING, "schema", "SCHEMA", FALSE }, { ARG_OBJECT, "data", "DATA", FALSE } } },
  { "custom-logline", "custom_logline", "Write LINE to Janus's log, at LEVEL (default 4).", { { ARG_STRING, "line", "LINE", FALSE }, { ARG_LEVEL, "level", "LEVEL", TRUE } } },
  { "remove-token", "remove_token", "Remove a stored token.", { { ARG_STRING, "token", "TOKEN", FALSE } } },
};

static int
run_simple (JcCliOptions *opts, const SimpleCommand *command, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) request = json_object_new ();
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) params = g_string_new (NULL);
  g_autofree char *prg = g_strdup_printf ("admin %s", command->name);
  int min = 0, max = 0;
  int status;

  for (gsize i = 0; i < G_N_ELEMENTS (command->args) && command->args[i].kind != ARG_NONE; i++)
    {
      const SimpleArg *arg = &command->args[i];

      g_string_append_printf (params, "%s%s%s%s", params->len > 0 ? " " : "", arg->optional ? "[" : "",
                              arg->metavar, arg->optional ? "]" : "");
      max++;
      if (!arg->optional)
        min++;
    }
  status = jc_cli_parse_command (opts, prg, params->str, command->summary, NULL, &argc, &argv);
  if (status == JC_CLI_EXIT_OK)
    status = jc_cmd_admin_check_args (opts, command->name, argc, argv, min, max);
  if (status != JC_CLI_EXIT_OK)
    return status;

  json_object_set_string_member (request, "janus", command->verb);
  for (int i = 0; i < argc - 1; i++)
    {
      const SimpleArg *arg = &command->args[i];
      const char *text = argv[i + 1];
      guint64 id, number;
      gboolean flag;
      JsonObject *object;

      switch (arg->kind)
        {
        case ARG_ID:
          if (!jc_cmd_admin_parse_id (opts, arg->metavar, text, &id))
            return JC_CLI_EXIT_USAGE;
          json_object_set_int_member (request, arg->member, (gint64) id);
          break;
        case ARG_UINT:
        case ARG_LEVEL:
          if (!jc_cmd_admin_parse_uint (opts, arg->metavar, text, arg->kind == ARG_LEVEL ? 7 : G_MAXINT32, &number))
            return JC_CLI_EXIT_USAGE;
          json_object_set_int_member (request, arg->member, (gint64) number);
          break;
        case ARG_BOOL:
          if (!parse_bool (opts, arg->metavar, text, &flag))
            return JC_CLI_EXIT_USAGE;
          json_object_set_boolean_member (request, arg->member, flag);
          break;
        case ARG_OBJECT:
          object = jc_cli_parse_json_object (text, arg->metavar, &error);
          if (object == NULL)
            return jc_cli_usage_error (opts, "%s", error->message);
          json_object_set_object_member (request, arg->member, object);
          break;
        case ARG_STRING:
        case ARG_NONE:
        default:
          json_object_set_string_member (request, arg->member, text);
          break;
        }
    }

  CONNECT ();
  jc_admin_request_async (admin, request, JC_TIMEOUT_DEFAULT, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  reply = jc_admin_request_finish (admin, result, &error);
  if (reply == NULL)
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  if (g_strcmp0 (jc_cli_json_string (reply, "janus"), "success") != 0)
    {
      g_set_error (&error, JC_ERROR, JC_ERROR_PROTOCOL, "Janus answered %s with “%s” instead of success",
                   command->verb, jc_cli_json_string (reply, "janus"));
      return jc_cmd_admin_finish_with_error (opts, admin, error);
    }
  json_object_remove_member (reply, "janus");
  if (opts->json)
    jc_cli_print_json_object (opts, reply);
  else
    print_members (reply);
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

/* The dispatcher */

typedef struct
{
  const char *name;
  const char *summary;
  JcCliCommandFunc run;
} TypedCommand;

static const TypedCommand typed_commands[] = {
  { "info", "the server's info", cmd_info },
  { "ping", "round-trip a ping", cmd_ping },
  { "status", "the current settings (get_status)", cmd_status },
  { "loops", "static event loops (loops_info)", cmd_loops },
  { "sessions", "list the sessions", jc_cmd_admin_sessions },
  { "handles", "list the handles of a session", jc_cmd_admin_handles },
  { "handle-info", "summary of a handle: plugin, ICE, DTLS, media", jc_cmd_admin_handle_info },
  { "watch-handle", "live bitrates of a handle, every second", jc_cmd_admin_watch_handle },
  { "set-session-timeout", "session timeout, global or --session S", jc_cmd_admin_set_session_timeout },
  { "start-pcap", "dump a handle's RTP/RTCP to a pcap file", jc_cmd_admin_start_pcap },
  { "start-text2pcap", "dump a handle's RTP/RTCP as text2pcap", jc_cmd_admin_start_text2pcap },
  { "message-plugin", "send a request to a plugin", jc_cmd_admin_message_plugin },
  { "query-transport", "send a request to a transport", jc_cmd_admin_query_transport },
  { "query-eventhandler", "send a request to an event handler", jc_cmd_admin_query_eventhandler },
  { "query-logger", "send a request to a logger", jc_cmd_admin_query_logger },
  { "resolve-address", "resolve a host name on the server", jc_cmd_admin_resolve_address },
  { "test-stun", "test a STUN server from the server", jc_cmd_admin_test_stun },
  { "tokens", "list the stored tokens", jc_cmd_admin_tokens },
  { "add-token", "add a stored token", jc_cmd_admin_add_token },
  { "allow-token", "let a token use more plugins", jc_cmd_admin_allow_token },
  { "disallow-token", "stop a token from using plugins", jc_cmd_admin_disallow_token },
};

static void
print_subcommands (FILE *out)
{
  fprintf (out, "Usage:\n  janus-client [GLOBAL OPTION…] admin SUBCOMMAND [OPTION…] [ARG…]\n\n"
                "The Janus Admin/Monitor API, at --admin-server with --admin-secret (default: the\n"
                "private Janus's own).\n\nSubcommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (typed_commands); i++)
    fprintf (out, "  %-22s %s\n", typed_commands[i].name, typed_commands[i].summary);
  for (gsize i = 0; i < G_N_ELEMENTS (simple_commands); i++)
    {
      g_autofree char *summary = g_strdup (simple_commands[i].summary);
      char *dot = strchr (summary, '.');

      if (dot != NULL && dot[1] == '\0')
        *dot = '\0';
      if (g_ascii_isupper (summary[0]))
        summary[0] = g_ascii_tolower (summary[0]);
      fprintf (out, "  %-22s %s\n", simple_commands[i].name, summary);
    }
  fprintf (out, "\nRun 'janus-client admin SUBCOMMAND --help' for a subcommand's arguments.\n");
}

int
jc_cmd_admin (JcCliOptions *opts, int argc, char **argv)
{
  const char *name;

  if (argc < 2)
    return jc_cli_usage_error (opts, "admin needs a subcommand; see janus-client admin --help");
  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_subcommands (stdout);
      return JC_CLI_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (typed_commands); i++)
    if (g_str_equal (typed_commands[i].name, name))
      return typed_commands[i].run (opts, argc - 1, argv + 1);
  for (gsize i = 0; i < G_N_ELEMENTS (simple_commands); i++)
    if (g_str_equal (simple_commands[i].name, name))
      return run_simple (opts, &simple_commands[i], argc - 1, argv + 1);
  return jc_cli_usage_error (opts, "unknown admin subcommand “%s”; see janus-client admin --help", name);
}

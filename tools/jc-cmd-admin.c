/* jc-cmd-admin.c: `janus-client admin SUBCOMMAND …`, the Admin/Monitor API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One subcommand per Admin API request. The ones whose answer has a shape
 * worth presenting (sessions, handles, tokens, status, handle-info, …) use
 * the typed JcAdmin calls; the settings and actions whose answer only
 * echoes what was asked are table-driven (simple_commands) and print the
 * answer's data. handle-info and watch-handle live in
 * jc-cmd-admin-handle.c.
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

static gboolean
parse_uint (JcCliOptions *opts, const char *what, const char *text, guint64 max, guint64 *out)
{
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL))
    {
      jc_cli_usage_error (opts, "%s wants an integer from 0 to %" G_GUINT64_FORMAT ", not “%s”", what, max, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_int (JcCliOptions *opts, const char *what, const char *text, gint64 min, gint64 max, gint64 *out)
{
  if (!g_ascii_string_to_signed (text, 10, min, max, out, NULL))
    {
      jc_cli_usage_error (opts, "%s wants an integer from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT ", not “%s”",
                          what, min, max, text);
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

/* "a,b,,c" → {"a", "b", "c"}; NULL for NULL. */
static char **
split_list (const char *text)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, ",", -1);
  builder = g_strv_builder_new ();
  for (gsize i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
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

static void
print_id_list (JcCliOptions *opts, const char *member, const char *title, GArray *ids)
{
  if (opts->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, member);
      json_builder_begin_array (builder);
      for (guint i = 0; i < ids->len; i++)
        json_builder_add_int_value (builder, (gint64) g_array_index (ids, guint64, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jc_cli_print_json_node (opts, root);
      return;
    }
  {
    g_autofree char *header = g_ascii_strup (title, -1);

    g_print ("%s\n", header);
  }
  for (guint i = 0; i < ids->len; i++)
    g_print ("%" G_GUINT64_FORMAT "\n", g_array_index (ids, guint64, i));
  g_print ("(%u %s)\n", ids->len, ids->len == 1 ? title : member);
  fflush (stdout);
}

/* Waits for the call started with @waiter; returns its result. */
#define WAIT(waiter) jc_cli_waiter_wait (waiter)

static int
finish_with_error (JcCliOptions *opts, JcAdmin *admin, const GError *error)
{
  if (admin != NULL)
    jc_admin_close (admin);
  return jc_cli_fail (opts, error);
}

static int
check_args (JcCliOptions *opts, const char *command, int argc, char **argv, int min, int max)
{
  if (argc - 1 < min)
    return jc_cli_usage_error (opts, "admin %s needs more arguments; see janus-client admin %s --help", command,
                               command);
  if (argc - 1 > max)
    return jc_cli_usage_error (opts, "admin %s: unexpected argument “%s”; see janus-client admin %s --help",
                               command, argv[max + 1], command);
  return JC_CLI_EXIT_OK;
}

#define PARSE(name, params, summary, entries, min, max)                                               \
  G_STMT_START                                                                                        \
  {                                                                                                   \
    int _status = jc_cli_parse_command (opts, "admin " name, params, summary, entries, &argc, &argv); \
    if (_status == JC_CLI_EXIT_OK)                                                                    \
      _status = check_args (opts, name, argc, argv, min, max);                                        \
    if (_status != JC_CLI_EXIT_OK)                                                                    \
      return _status;                                                                                 \
  }                                                                                                   \
  G_STMT_END

#define CONNECT()                                   \
  G_STMT_START                                      \
  {                                                 \
    admin = jc_cmd_admin_connect (opts, &error);    \
    if (admin == NULL)                              \
      return finish_with_error (opts, NULL, error); \
    waiter = jc_cli_waiter_new ();                  \
  }                                                 \
  G_STMT_END

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
    return finish_with_error (opts, admin, error);
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
    return finish_with_error (opts, admin, error);
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
    return finish_with_error (opts, admin, error);
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
    return finish_with_error (opts, admin, error);
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

static int
cmd_sessions (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;

  PARSE ("sessions", "", "List the sessions Janus holds.\nWith --json: {\"sessions\": [ids]}.", NULL, 0, 0);
  CONNECT ();
  jc_admin_list_sessions_async (admin, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  ids = jc_admin_list_sessions_finish (admin, result, &error);
  if (ids == NULL)
    return finish_with_error (opts, admin, error);
  print_id_list (opts, "sessions", "session", ids);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

static int
cmd_handles (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  guint64 session_id;

  PARSE ("handles", "SESSION", "List the handles of a session.\nWith --json: {\"handles\": [ids]}.", NULL, 1,
         1);
  if (!jc_cmd_admin_parse_id (opts, "SESSION", argv[1], &session_id))
    return JC_CLI_EXIT_USAGE;
  CONNECT ();
  jc_admin_list_handles_async (admin, session_id, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  ids = jc_admin_list_handles_finish (admin, result, &error);
  if (ids == NULL)
    return finish_with_error (opts, admin, error);
  print_id_list (opts, "handles", "handle", ids);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

static int
cmd_set_session_timeout (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *session_text = NULL;
  const GOptionEntry entries[] = {
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_text,
      "Change only this session's timeout (-1: back to the global one)", "ID" },
    G_OPTION_ENTRY_NULL
  };
  guint64 session_id = 0;
  gint64 seconds;
  gboolean ok;

  PARSE ("set-session-timeout", "SECS",
         "Change the session timeout in seconds (0: never), globally or for one session.", entries, 1, 1);
  if (session_text != NULL && !jc_cmd_admin_parse_id (opts, "--session", session_text, &session_id))
    return JC_CLI_EXIT_USAGE;
  if (!parse_int (opts, "SECS", argv[1], session_id != 0 ? -1 : 0, G_MAXINT32, &seconds))
    return JC_CLI_EXIT_USAGE;
  CONNECT ();
  if (session_id != 0)
    jc_admin_set_session_timeout_for_session_async (admin, session_id, (int) seconds, opts->cancellable,
                                                    jc_cli_waiter_callback, waiter);
  else
    jc_admin_set_session_timeout_async (admin, (guint) seconds, opts->cancellable, jc_cli_waiter_callback,
                                        waiter);
  result = WAIT (waiter);
  if (session_id != 0)
    ok = jc_admin_set_session_timeout_for_session_finish (admin, result, &error);
  else
    ok = jc_admin_set_session_timeout_finish (admin, result, &error);
  if (!ok)
    return finish_with_error (opts, admin, error);
  if (opts->json && session_id != 0)
    g_print ("{\"session_id\":%" G_GUINT64_FORMAT ",\"timeout\":%" G_GINT64_FORMAT "}\n", session_id, seconds);
  else if (opts->json)
    g_print ("{\"timeout\":%" G_GINT64_FORMAT "}\n", seconds);
  else if (session_id != 0)
    g_print ("session %" G_GUINT64_FORMAT " timeout: %" G_GINT64_FORMAT "\n", session_id, seconds);
  else
    g_print ("timeout: %" G_GINT64_FORMAT "\n", seconds);
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

/* start-pcap / start-text2pcap S H [--file F] [--folder D] [--truncate N] */
static int
start_capture (JcCliOptions *opts, int argc, char **argv, gboolean text)
{
  const char *name = text ? "start-text2pcap" : "start-pcap";
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *filename = NULL;
  int truncate = 0;
  const GOptionEntry entries[] = {
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file,
      "The capture file on the server (a path: its folder is used too)", "FILE" },
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, "The folder for the file, on the server", "DIR" },
    { "truncate", 0, 0, G_OPTION_ARG_INT, &truncate, "Keep only the first N bytes of each packet", "N" },
    G_OPTION_ENTRY_NULL
  };
  guint64 session_id, handle_id;
  gboolean ok;
  const char *written;

  if (text)
    PARSE ("start-text2pcap", "SESSION HANDLE",
           "Start dumping the handle's RTP/RTCP in text2pcap format to a file on the server.", entries, 2, 2);
  else
    PARSE ("start-pcap", "SESSION HANDLE", "Start dumping the handle's RTP/RTCP to a pcap file on the server.",
           entries, 2, 2);
  if (!jc_cmd_admin_parse_id (opts, "SESSION", argv[1], &session_id) ||
      !jc_cmd_admin_parse_id (opts, "HANDLE", argv[2], &handle_id))
    return JC_CLI_EXIT_USAGE;
  if (truncate < 0)
    return jc_cli_usage_error (opts, "--truncate wants a positive number of bytes, not %d", truncate);
  if (file != NULL && strchr (file, '/') != NULL)
    {
      if (folder != NULL)
        return jc_cli_usage_error (opts, "give --folder or a --file with a folder, not both");
      folder = g_path_get_dirname (file);
      filename = g_path_get_basename (file);
    }
  else
    {
      filename = g_steal_pointer (&file);
    }
  CONNECT ();
  if (text)
    jc_admin_start_text2pcap_async (admin, session_id, handle_id, folder, filename, (guint) truncate,
                                    opts->cancellable, jc_cli_waiter_callback, waiter);
  else
    jc_admin_start_pcap_async (admin, session_id, handle_id, folder, filename, (guint) truncate,
                               opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  ok = text ? jc_admin_start_text2pcap_finish (admin, result, &error)
            : jc_admin_start_pcap_finish (admin, result, &error);
  if (!ok)
    return finish_with_error (opts, admin, error);
  g_clear_object (&result);

  /* Janus names the file in handle_info. */
  jc_admin_handle_info_async (admin, session_id, handle_id, FALSE, opts->cancellable, jc_cli_waiter_callback,
                              waiter);
  result = WAIT (waiter);
  info = jc_admin_handle_info_finish (admin, result, &error);
  if (info == NULL)
    g_debug ("No handle_info after %s: %s", name, error->message);
  written = jc_cli_json_string (info, text ? "text2pcap-file" : "pcap-file");
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();

      json_object_set_int_member (out, "session_id", (gint64) session_id);
      json_object_set_int_member (out, "handle_id", (gint64) handle_id);
      if (written != NULL)
        json_object_set_string_member (out, "file", written);
      else
        json_object_set_null_member (out, "file");
      jc_cli_print_json_object (opts, out);
    }
  else
    {
      g_print ("Capturing handle %" G_GUINT64_FORMAT " of session %" G_GUINT64_FORMAT " to %s\n", handle_id,
               session_id, written != NULL ? written : "a file Janus chose");
    }
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

static int
cmd_start_pcap (JcCliOptions *opts, int argc, char **argv)
{
  return start_capture (opts, argc, argv, FALSE);
}

static int
cmd_start_text2pcap (JcCliOptions *opts, int argc, char **argv)
{
  return start_capture (opts, argc, argv, TRUE);
}

/* message-plugin, query-transport, query-eventhandler, query-logger */

typedef void (*QueryAsyncFunc) (JcAdmin *self,
                                const char *module,
                                JsonObject *request,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
typedef JsonObject *(*QueryFinishFunc) (JcAdmin *self, GAsyncResult *result, GError **error);

static int
run_query (JcCliOptions *opts,
           int argc,
           char **argv,
           const char *name,
           const char *what,
           const char *summary,
           QueryAsyncFunc start,
           QueryFinishFunc finish)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (JsonObject) response = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *params = g_strdup_printf ("%s [BODY]", what);
  g_autofree char *prg = g_strdup_printf ("admin %s", name);
  int status;

  status = jc_cli_parse_command (opts, prg, params, summary, NULL, &argc, &argv);
  if (status == JC_CLI_EXIT_OK)
    status = check_args (opts, name, argc, argv, 1, 2);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (argc > 2)
    {
      body = jc_cli_parse_json_object (argv[2], "BODY", &error);
      if (body == NULL)
        return jc_cli_usage_error (opts, "%s", error->message);
    }
  CONNECT ();
  start (admin, argv[1], body, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  response = finish (admin, result, &error);
  if (response == NULL)
    return finish_with_error (opts, admin, error);
  jc_cli_print_json_object (opts, response);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

static int
cmd_message_plugin (JcCliOptions *opts, int argc, char **argv)
{
  return run_query (opts, argc, argv, "message-plugin", "PLUGIN",
                    "Send BODY (a JSON object, e.g. '{\"request\": \"list\"}') to a plugin's Admin API hook "
                    "and print its response.",
                    jc_admin_message_plugin_async, jc_admin_message_plugin_finish);
}

static int
cmd_query_transport (JcCliOptions *opts, int argc, char **argv)
{
  return run_query (opts, argc, argv, "query-transport", "TRANSPORT",
                    "Send BODY (e.g. '{\"request\": \"connections\"}') to a transport plugin "
                    "(e.g. janus.transport.http) and print its response.",
                    jc_admin_query_transport_async, jc_admin_query_transport_finish);
}

static int
cmd_query_eventhandler (JcCliOptions *opts, int argc, char **argv)
{
  return run_query (opts, argc, argv, "query-eventhandler", "HANDLER",
                    "Send BODY to an event handler and print its response.",
                    jc_admin_query_eventhandler_async, jc_admin_query_eventhandler_finish);
}

static int
cmd_query_logger (JcCliOptions *opts, int argc, char **argv)
{
  return run_query (opts, argc, argv, "query-logger", "LOGGER", "Send BODY to a logger and print its response.",
                    jc_admin_query_logger_async, jc_admin_query_logger_finish);
}

static int
cmd_resolve_address (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *ip = NULL;
  gint64 elapsed = 0;

  PARSE ("resolve-address", "HOST", "Ask Janus to resolve HOST (checks the server's DNS).", NULL, 1, 1);
  CONNECT ();
  jc_admin_resolve_address_async (admin, argv[1], opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  ip = jc_admin_resolve_address_finish (admin, result, &elapsed, &error);
  if (ip == NULL)
    return finish_with_error (opts, admin, error);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();

      json_object_set_string_member (out, "ip", ip);
      json_object_set_int_member (out, "elapsed", elapsed);
      jc_cli_print_json_object (opts, out);
    }
  else
    {
      g_print ("%s → %s (%.2f ms)\n", argv[1], ip, (double) elapsed / 1000.0);
    }
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

static int
cmd_test_stun (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *ip = NULL;
  int local_port = 0;
  const GOptionEntry entries[] = {
    { "local-port", 0, 0, G_OPTION_ARG_INT, &local_port, "The local port Janus sends from", "PORT" },
    G_OPTION_ENTRY_NULL
  };
  guint64 port;
  guint16 public_port = 0;
  gint64 elapsed = 0;

  PARSE ("test-stun", "ADDRESS PORT",
         "Ask Janus to send a STUN request to ADDRESS:PORT and print the public address it learnt.", entries, 2,
         2);
  if (!parse_uint (opts, "PORT", argv[2], G_MAXUINT16, &port))
    return JC_CLI_EXIT_USAGE;
  if (port == 0)
    return jc_cli_usage_error (opts, "PORT must not be 0");
  if (local_port < 0 || local_port > G_MAXUINT16)
    return jc_cli_usage_error (opts, "--local-port wants 0 to 65535, not %d", local_port);
  CONNECT ();
  jc_admin_test_stun_async (admin, argv[1], (guint16) port, (guint16) local_port, opts->cancellable,
                            jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  ip = jc_admin_test_stun_finish (admin, result, &public_port, &elapsed, &error);
  if (ip == NULL)
    return finish_with_error (opts, admin, error);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();

      json_object_set_string_member (out, "public_ip", ip);
      json_object_set_int_member (out, "public_port", public_port);
      json_object_set_int_member (out, "elapsed", elapsed);
      jc_cli_print_json_object (opts, out);
    }
  else
    {
      g_print ("public address %s:%u (%.2f ms)\n", ip, public_port, (double) elapsed / 1000.0);
    }
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

/* Tokens */

static void
print_tokens (JcCliOptions *opts, GPtrArray *tokens)
{
  if (opts->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "tokens");
      json_builder_begin_array (builder);
      for (guint i = 0; i < tokens->len; i++)
        {
          JcAdminToken *token = g_ptr_array_index (tokens, i);
          const char *const *plugins = jc_admin_token_get_plugins (token);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "token");
          json_builder_add_string_value (builder, jc_admin_token_get_token (token));
          json_builder_set_member_name (builder, "allowed_plugins");
          json_builder_begin_array (builder);
          for (gsize p = 0; plugins[p] != NULL; p++)
            json_builder_add_string_value (builder, plugins[p]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jc_cli_print_json_node (opts, root);
      return;
    }
  if (tokens->len == 0)
    {
      g_print ("No stored tokens\n");
      return;
    }
  g_print ("%-36s %s\n", "TOKEN", "ALLOWED PLUGINS");
  for (guint i = 0; i < tokens->len; i++)
    {
      JcAdminToken *token = g_ptr_array_index (tokens, i);
      g_autofree char *plugins = g_strjoinv (", ", (char **) jc_admin_token_get_plugins (token));

      g_print ("%-36s %s\n", jc_admin_token_get_token (token), plugins[0] != '\0' ? plugins : "(none)");
    }
  g_print ("(%u token%s)\n", tokens->len, tokens->len == 1 ? "" : "s");
  fflush (stdout);
}

static int
cmd_tokens (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) tokens = NULL;
  g_autoptr (GError) error = NULL;

  PARSE ("tokens", "",
         "List the stored tokens and the plugins each may use (needs token_auth).\n"
         "With --json: {\"tokens\": [{\"token\": …, \"allowed_plugins\": […]}]}.",
         NULL, 0, 0);
  CONNECT ();
  jc_admin_list_tokens_async (admin, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  tokens = jc_admin_list_tokens_finish (admin, result, &error);
  if (tokens == NULL)
    return finish_with_error (opts, admin, error);
  print_tokens (opts, tokens);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

typedef enum
{
  TOKEN_ADD,
  TOKEN_ALLOW,
  TOKEN_DISALLOW,
} TokenAction;

static int
token_command (JcCliOptions *opts, int argc, char **argv, TokenAction action)
{
  static const char *const names[] = { "add-token", "allow-token", "disallow-token" };
  static const char *const summaries[] = {
    "Add a stored token, for all plugins or those given with --plugins.",
    "Let a stored token use more plugins.",
    "Stop a stored token from using some plugins.",
  };
  const char *name = names[action];
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *plugins_text = NULL;
  g_autofree char *prg = g_strdup_printf ("admin %s", name);
  g_auto (GStrv) plugins = NULL;
  g_auto (GStrv) allowed = NULL;
  const GOptionEntry entries[] = {
    { "plugins", 0, 0, G_OPTION_ARG_STRING, &plugins_text, "Comma-separated plugin package names", "P,…" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = jc_cli_parse_command (opts, prg, "TOKEN", summaries[action], entries, &argc, &argv);
  if (status == JC_CLI_EXIT_OK)
    status = check_args (opts, name, argc, argv, 1, 1);
  if (status != JC_CLI_EXIT_OK)
    return status;
  plugins = split_list (plugins_text);
  if (action != TOKEN_ADD && (plugins == NULL || plugins[0] == NULL))
    return jc_cli_usage_error (opts, "admin %s needs --plugins P,…", name);
  CONNECT ();
  switch (action)
    {
    case TOKEN_ADD:
      jc_admin_add_token_async (admin, argv[1], (const char *const *) plugins, opts->cancellable,
                                jc_cli_waiter_callback, waiter);
      result = WAIT (waiter);
      allowed = jc_admin_add_token_finish (admin, result, &error);
      break;
    case TOKEN_ALLOW:
      jc_admin_allow_token_async (admin, argv[1], (const char *const *) plugins, opts->cancellable,
                                  jc_cli_waiter_callback, waiter);
      result = WAIT (waiter);
      allowed = jc_admin_allow_token_finish (admin, result, &error);
      break;
    case TOKEN_DISALLOW:
    default:
      jc_admin_disallow_token_async (admin, argv[1], (const char *const *) plugins, opts->cancellable,
                                     jc_cli_waiter_callback, waiter);
      result = WAIT (waiter);
      allowed = jc_admin_disallow_token_finish (admin, result, &error);
      break;
    }
  if (allowed == NULL)
    return finish_with_error (opts, admin, error);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();
      JsonArray *array = json_array_new ();

      for (gsize i = 0; allowed[i] != NULL; i++)
        json_array_add_string_element (array, allowed[i]);
      json_object_set_string_member (out, "token", argv[1]);
      json_object_set_array_member (out, "allowed_plugins", array);
      jc_cli_print_json_object (opts, out);
    }
  else
    {
      g_autofree char *list = g_strjoinv (", ", allowed);

      g_print ("token %s may use: %s\n", argv[1], list[0] != '\0' ? list : "(no plugin)");
    }
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

static int
cmd_add_token (JcCliOptions *opts, int argc, char **argv)
{
  return token_command (opts, argc, argv, TOKEN_ADD);
}

static int
cmd_allow_token (JcCliOptions *opts, int argc, char **argv)
{
  return token_command (opts, argc, argv, TOKEN_ALLOW);
}

static int
cmd_disallow_token (JcCliOptions *opts, int argc, char **argv)
{
  return token_command (opts, argc, argv, TOKEN_DISALLOW);
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
    status = check_args (opts, command->name, argc, argv, min, max);
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
          if (!parse_uint (opts, arg->metavar, text, arg->kind == ARG_LEVEL ? 7 : G_MAXINT32, &number))
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
    return finish_with_error (opts, admin, error);
  if (g_strcmp0 (jc_cli_json_string (reply, "janus"), "success") != 0)
    {
      g_set_error (&error, JC_ERROR, JC_ERROR_PROTOCOL, "Janus answered %s with “%s” instead of success",
                   command->verb, jc_cli_json_string (reply, "janus"));
      return finish_with_error (opts, admin, error);
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
  { "sessions", "list the sessions", cmd_sessions },
  { "handles", "list the handles of a session", cmd_handles },
  { "handle-info", "summary of a handle: plugin, ICE, DTLS, media", jc_cmd_admin_handle_info },
  { "watch-handle", "live bitrates of a handle, every second", jc_cmd_admin_watch_handle },
  { "set-session-timeout", "session timeout, global or --session S", cmd_set_session_timeout },
  { "start-pcap", "dump a handle's RTP/RTCP to a pcap file", cmd_start_pcap },
  { "start-text2pcap", "dump a handle's RTP/RTCP as text2pcap", cmd_start_text2pcap },
  { "message-plugin", "send a request to a plugin", cmd_message_plugin },
  { "query-transport", "send a request to a transport", cmd_query_transport },
  { "query-eventhandler", "send a request to an event handler", cmd_query_eventhandler },
  { "query-logger", "send a request to a logger", cmd_query_logger },
  { "resolve-address", "resolve a host name on the server", cmd_resolve_address },
  { "test-stun", "test a STUN server from the server", cmd_test_stun },
  { "tokens", "list the stored tokens", cmd_tokens },
  { "add-token", "add a stored token", cmd_add_token },
  { "allow-token", "let a token use more plugins", cmd_allow_token },
  { "disallow-token", "stop a token from using plugins", cmd_disallow_token },
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

/* jc-cmd-admin-modules.c: `janus-client admin message-plugin`,
 * `query-transport`, `query-eventhandler`, `query-logger`,
 * `resolve-address` and `test-stun`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>

#include "jc-cmd-admin-private.h"

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
    status = jc_cmd_admin_check_args (opts, name, argc, argv, 1, 2);
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
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  jc_cli_print_json_object (opts, response);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

int
jc_cmd_admin_message_plugin (JcCliOptions *opts, int argc, char **argv)
{
  return run_query (opts, argc, argv, "message-plugin", "PLUGIN",
                    "Send BODY (a JSON object, e.g. '{\"request\": \"list\"}') to a plugin's Admin API hook "
                    "and print its response.",
                    jc_admin_message_plugin_async, jc_admin_message_plugin_finish);
}

int
jc_cmd_admin_query_transport (JcCliOptions *opts, int argc, char **argv)
{
  return run_query (opts, argc, argv, "query-transport", "TRANSPORT",
                    "Send BODY (e.g. '{\"request\": \"connections\"}') to a transport plugin "
                    "(e.g. janus.transport.http) and print its response.",
                    jc_admin_query_transport_async, jc_admin_query_transport_finish);
}

int
jc_cmd_admin_query_eventhandler (JcCliOptions *opts, int argc, char **argv)
{
  return run_query (opts, argc, argv, "query-eventhandler", "HANDLER",
                    "Send BODY to an event handler and print its response.",
                    jc_admin_query_eventhandler_async, jc_admin_query_eventhandler_finish);
}

int
jc_cmd_admin_query_logger (JcCliOptions *opts, int argc, char **argv)
{
  return run_query (opts, argc, argv, "query-logger", "LOGGER", "Send BODY to a logger and print its response.",
                    jc_admin_query_logger_async, jc_admin_query_logger_finish);
}

int
jc_cmd_admin_resolve_address (JcCliOptions *opts, int argc, char **argv)
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
    return jc_cmd_admin_finish_with_error (opts, admin, error);
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

int
jc_cmd_admin_test_stun (JcCliOptions *opts, int argc, char **argv)
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
  if (!jc_cmd_admin_parse_uint (opts, "PORT", argv[2], G_MAXUINT16, &port))
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
    return jc_cmd_admin_finish_with_error (opts, admin, error);
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

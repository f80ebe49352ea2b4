/* jc-cli.c: plumbing shared by the janus-client command-line tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-cli.h"

#include <stdio.h>
#include <string.h>

/* Options and the private Janus */

void
jc_cli_options_init (JcCliOptions *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->timeout_s = JC_CLI_DEFAULT_TIMEOUT_S;
  opts->cancellable = g_cancellable_new ();
}

void
jc_cli_options_clear (JcCliOptions *opts)
{
  if (opts->local != NULL)
    {
      g_debug ("Stopping the private Janus (pid %d)", (int) jc_local_janus_get_pid (opts->local));
      jc_local_janus_stop (opts->local);
      g_clear_object (&opts->local);
    }
  g_clear_pointer (&opts->server, g_free);
  g_clear_pointer (&opts->api_secret, g_free);
  g_clear_pointer (&opts->token, g_free);
  g_clear_pointer (&opts->admin_server, g_free);
  g_clear_pointer (&opts->admin_secret, g_free);
  g_clear_pointer (&opts->tls_ca_file, g_free);
  g_clear_pointer (&opts->ice_addresses, g_strfreev);
  g_clear_object (&opts->cancellable);
}

/* GOption's messages start with a capital ("Unknown option --foo"); ours
 * continue "janus-client: ". */
static char *
lower_first (const char *message)
{
  char *copy = g_strdup (message);

  if (g_ascii_isupper (copy[0]) && !g_ascii_isupper (copy[1]))
    copy[0] = g_ascii_tolower (copy[0]);
  return copy;
}

int
jc_cli_parse_command (JcCliOptions *opts,
                      const char *command,
                      const char *parameter_string,
                      const char *summary,
                      const GOptionEntry *entries,
                      int *argc,
                      char ***argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("janus-client %s", command);

  /* --help says "janus-client COMMAND [OPTION…] ARGS". */
  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context,
                                    "Global options (--server, --json, --timeout, …) go before the "
                                    "command: see janus-client --help.");
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *message = lower_first (error->message);

      return jc_cli_usage_error (opts, "%s; see janus-client %s --help", message, command);
    }
  return JC_CLI_EXIT_OK;
}

static gboolean
start_local_janus (JcCliOptions *opts, JcLocalJanusNetwork network, GError **error)
{
  g_autoptr (JcLocalJanus) local = jc_local_janus_new ();
  g_autoptr (GError) local_error = NULL;

  jc_local_janus_set_network (local, network);
  if (opts->api_secret != NULL)
    jc_local_janus_set_api_secret (local, opts->api_secret);
  g_debug ("No --server: starting a private Janus");
  if (!jc_local_janus_start (local, JC_CLI_LOCAL_JANUS_START_MS, &local_error))
    {
      jc_local_janus_stop (local);
      g_set_error (error, JC_ERROR, JC_ERROR_CONNECT,
                   "Cannot start a private Janus (no --server given): %s", local_error->message);
      return FALSE;
    }
  g_debug ("Started a private Janus (pid %d) at %s, admin %s, work dir %s",
           (int) jc_local_janus_get_pid (local), jc_local_janus_get_ws_uri (local),
           jc_local_janus_get_admin_ws_uri (local), jc_local_janus_get_work_dir (local));
  if (opts->admin_server == NULL)
    {
      opts->admin_server = g_strdup (jc_local_janus_get_admin_ws_uri (local));
      if (opts->admin_secret == NULL)
        opts->admin_secret = g_strdup (jc_local_janus_get_admin_secret (local));
    }
  opts->local = g_steal_pointer (&local);
  return TRUE;
}

JcClient *
jc_cli_connect (JcCliOptions *opts, JcLocalJanusNetwork network, GError **error)
{
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  const char *uri = opts->server;

  if (uri == NULL)
    {
      /* The URI of a private Janus is always one we speak. */
      if (opts->local == NULL && !start_local_janus (opts, network, error))
        return NULL;
      uri = jc_local_janus_get_ws_uri (opts->local);
    }

  client = jc_client_new_for_uri (uri, error);
  if (client == NULL)
    return NULL;
  jc_client_set_api_secret (client, opts->api_secret);
  jc_client_set_token (client, opts->token);
  jc_client_set_timeout (client, (guint) opts->timeout_s * 1000);
  if (opts->tls_ca_file != NULL &&
      !jc_transport_set_tls_ca_file (jc_client_get_transport (client), opts->tls_ca_file, error))
    return NULL;
  jc_transport_set_tls_insecure (jc_client_get_transport (client), opts->insecure);

  g_debug ("Connecting to %s (timeout %d s)", uri, opts->timeout_s);
  waiter = jc_cli_waiter_new ();
  jc_client_connect_async (client, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  if (!jc_client_connect_finish (client, result, error))
    return NULL;
  return g_steal_pointer (&client);
}

/* Waiting */

struct _JcCliWaiter
{
  GMainLoop *loop;      /* (owned) on the thread-default context */
  GAsyncResult *result; /* (owned) (nullable) */
};

JcCliWaiter *
jc_cli_waiter_new (void)
{
  JcCliWaiter *waiter = g_new0 (JcCliWaiter, 1);

  waiter->loop = g_main_loop_new (g_main_context_get_thread_default (), FALSE);
  return waiter;
}

void
jc_cli_waiter_free (JcCliWaiter *waiter)
{
  if (waiter == NULL)
    return;
  g_clear_object (&waiter->result);
  g_main_loop_unref (waiter->loop);
  g_free (waiter);
}

void
jc_cli_waiter_callback (GObject *source, GAsyncResult *result, gpointer user_data)
{
  JcCliWaiter *waiter = user_data;

  g_return_if_fail (waiter->result == NULL);
  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

GAsyncResult *
jc_cli_waiter_wait (JcCliWaiter *waiter)
{
  while (waiter->result == NULL)
    g_main_loop_run (waiter->loop);
  return g_steal_pointer (&waiter->result);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_loop_cancelled (GCancellable *cancellable, gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

gboolean
jc_cli_sleep (guint ms, GCancellable *cancellable)
{
  GMainContext *context = g_main_context_get_thread_default ();
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GSource) timeout = NULL;
  g_autoptr (GSource) cancelled = NULL;

  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;
  if (ms == 0)
    return TRUE;
  loop = g_main_loop_new (context, FALSE);
  timeout = g_timeout_source_new (ms);
  g_source_set_static_name (timeout, "[janus-client] sleep");
  g_source_set_callback (timeout, quit_loop, loop, NULL);
  g_source_attach (timeout, context);
  if (cancellable != NULL)
    {
      cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (cancelled, G_SOURCE_FUNC (quit_loop_cancelled), loop, NULL);
      g_source_attach (cancelled, context);
    }
  g_main_loop_run (loop);
  g_source_destroy (timeout);
  if (cancelled != NULL)
    g_source_destroy (cancelled);
  return !g_cancellable_is_cancelled (cancellable);
}

/* Errors */

static const char *
domain_name (GQuark domain)
{
  if (domain == JC_ERROR)
    return "janus-client";
  if (domain == JC_SERVER_ERROR)
    return "janus";
  if (domain == JC_PLUGIN_ERROR)
    return "plugin";
  if (domain == G_IO_ERROR)
    return "gio";
  if (domain == G_OPTION_ERROR)
    return "usage";
  return g_quark_to_string (domain);
}

int
jc_cli_exit_status (const GError *error)
{
  if (error->domain == JC_SERVER_ERROR || error->domain == JC_PLUGIN_ERROR)
    return JC_CLI_EXIT_SERVER;
  if (error->domain == JC_ERROR)
    {
      switch ((JcError) error->code)
        {
        case JC_ERROR_CONNECT:
        case JC_ERROR_TIMEOUT:
        case JC_ERROR_CLOSED:
        case JC_ERROR_NOT_CONNECTED:
          return JC_CLI_EXIT_CONNECT;
        case JC_ERROR_INVALID_ARGUMENT:
          return JC_CLI_EXIT_USAGE;
        case JC_ERROR_MEDIA:
          return JC_CLI_EXIT_MEDIA;
        case JC_ERROR_FAILED:
        case JC_ERROR_PROTOCOL:
        case JC_ERROR_SESSION_DEAD:
        case JC_ERROR_HANDLE_DETACHED:
        default:
          return JC_CLI_EXIT_SERVER;
        }
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return JC_CLI_EXIT_INTERRUPTED;
  if (error->domain == G_OPTION_ERROR || error->domain == G_FILE_ERROR ||
      error->domain == JSON_PARSER_ERROR)
    return JC_CLI_EXIT_USAGE;
  return JC_CLI_EXIT_SERVER;
}

static void
print_error_line (const char *domain, int code, const char *message)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, code);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, domain);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

int
jc_cli_fail (JcCliOptions *opts, const GError *error)
{
  const char *message = error->message;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = "Interrupted";
  if (opts->json)
    print_error_line (domain_name (error->domain), error->code, message);
  else
    g_printerr ("janus-client: %s\n", message);
  /* "No such room" (VideoRoom, TextRoom, AudioBridge…) from a Janus that
   * lives for one command only surprises people. */
  if (!opts->json && opts->server == NULL && g_error_matches (error, JC_PLUGIN_ERROR, 426))
    jc_cli_private_janus_hint ();
  return jc_cli_exit_status (error);
}

int
jc_cli_fail_hinting (JcCliOptions *opts, const GError *error, int missing_code)
{
  int status = jc_cli_fail (opts, error);

  if (!opts->json && opts->server == NULL && missing_code != 426 && g_error_matches (error, JC_PLUGIN_ERROR, missing_code))
    jc_cli_private_janus_hint ();
  return status;
}

int
jc_cli_parse_plugin_command (JcCliOptions *opts,
                             const char *plugin,
                             const char *sub,
                             const char *summary,
                             const GOptionEntry *entries,
                             int *argc,
                             char ***argv)
{
  g_autofree char *command = g_strdup_printf ("%s %s", plugin, sub);
  int status = jc_cli_parse_command (opts, command, "", summary, entries, argc, argv);

  if (status != JC_CLI_EXIT_OK)
    return status;
  if (*argc > 1)
    return jc_cli_usage_error (opts, "%s takes no arguments (got “%s”)", command, (*argv)[1]);
  return JC_CLI_EXIT_OK;
}

int
jc_cli_parse_id_option (JcCliOptions *opts,
                        const char *plugin,
                        const char *sub,
                        const char *option,
                        const char *text,
                        gboolean required,
                        JcId **out)
{
  *out = NULL;
  if (text == NULL)
    return required ? jc_cli_usage_error (opts, "%s %s needs --%s ID", plugin, sub, option) : JC_CLI_EXIT_OK;
  if ((*out = jc_id_parse (text)) == NULL)
    return jc_cli_usage_error (opts, "Invalid --%s “%s” (want a number from 1 to 2^53-1, or a name)", option, text);
  return JC_CLI_EXIT_OK;
}

void
jc_cli_json_set_string_or_null (JsonObject *obj, const char *member, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (obj, member, value);
  else
    json_object_set_null_member (obj, member);
}

const char *
jc_cli_admin_key (const char *option_value)
{
  const char *env;

  if (option_value != NULL)
    return *option_value != '\0' ? option_value : NULL;
  env = g_getenv (JC_CLI_ADMIN_KEY_ENV);
  return env != NULL && *env != '\0' ? env : NULL;
}

void
jc_cli_private_janus_hint (void)
{
  g_printerr ("janus-client: (no --server: this command started a private Janus of its own, which knows only the "
              "rooms of its configuration; give --server to work with a running Janus)\n");
}

int
jc_cli_usage_error (JcCliOptions *opts, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* On stderr in both modes (a person is probably typing), and as the
   * error line on stdout for scripts. */
  g_printerr ("janus-client: %s\n", message);
  if (opts != NULL && opts->json)
    print_error_line (domain_name (G_OPTION_ERROR), JC_CLI_EXIT_USAGE, message);
  return JC_CLI_EXIT_USAGE;
}

void
jc_cli_warn (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("janus-client: warning: %s\n", message);
}

/* JSON */

void
jc_cli_print_json_node (JcCliOptions *opts, JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  if (!opts->json)
    {
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
    }
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

void
jc_cli_print_json_object (JcCliOptions *opts, JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

  jc_cli_print_json_node (opts, node);
}

JsonObject *
jc_cli_parse_json_object (const char *text, const char *what, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, &local_error))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "%s is not valid JSON: %s", what,
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || json_parser_has_assignment (parser, NULL) || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "%s must be a JSON object ({…}), not %s",
                   what,
                   root == NULL                                ? "empty"
                   : json_parser_has_assignment (parser, NULL) ? "an assignment"
                   : JSON_NODE_HOLDS_ARRAY (root)              ? "an array"
                                                               : "a single value");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static JsonNode *
get_member (JsonObject *object, const char *member)
{
  if (object == NULL)
    return NULL;
  return json_object_get_member (object, member);
}

const char *
jc_cli_json_string (JsonObject *object, const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
jc_cli_json_int (JsonObject *object, const char *member, gint64 fallback)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

JsonObject *
jc_cli_json_object (JsonObject *object, const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

int
jc_cli_json_bool (JsonObject *object, const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return -1;
  return json_node_get_boolean (node) ? 1 : 0;
}

int
jc_cli_usage_or_fail (JcCliOptions *opts, const GError *error)
{
  if (g_error_matches (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT))
    return jc_cli_usage_error (opts, "%s", error->message);
  return jc_cli_fail (opts, error);
}

int
jc_cli_run_subcommand (JcCliOptions *opts, const char *command, const JcCliCommand *subcommands, gsize n, int argc, char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_autoptr (GString) text = g_string_new (NULL);

      g_string_append_printf (text, "Usage: janus-client %s SUBCOMMAND [OPTION…]\n\nSubcommands:\n", command);
      for (gsize i = 0; i < n; i++)
        g_string_append_printf (text, "  %-13s %s\n", subcommands[i].name, subcommands[i].summary);
      g_string_append_printf (text, "\nRun 'janus-client %s SUBCOMMAND --help' for its options.\n", command);
      if (argc < 2)
        {
          g_printerr ("%s", text->str);
          return jc_cli_usage_error (opts, "%s needs a subcommand", command);
        }
      fputs (text->str, stdout);
      return JC_CLI_EXIT_OK;
    }
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (opts, argc - 1, argv + 1);
  return jc_cli_usage_error (opts, "Unknown %s subcommand “%s”; see janus-client %s --help", command, argv[1], command);
}

gboolean
jc_cli_session_open (JcCliSession *run, JcLocalJanusNetwork network, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  run->waiter = jc_cli_waiter_new ();
  run->client = jc_cli_connect (run->opts, network, error);
  if (run->client == NULL)
    return FALSE;
  jc_client_create_session_async (run->client, 0, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = jc_cli_session_wait (run);
  run->session = jc_client_create_session_finish (run->client, result, error);
  return run->session != NULL;
}

GAsyncResult *
jc_cli_session_wait (JcCliSession *run)
{
  return jc_cli_waiter_wait (run->waiter);
}

gpointer
jc_cli_session_attach (JcCliSession *run, JcCliAttachAsync attach_async, JcCliAttachFinish attach_finish, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  attach_async (run->session, NULL, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = jc_cli_session_wait (run);
  return attach_finish (result, error);
}

void
jc_cli_session_detach (JcCliSession *run, gpointer handle)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  if (run->waiter == NULL || handle == NULL || !jc_handle_is_attached (JC_HANDLE (handle)))
    return;
  jc_handle_detach_async (JC_HANDLE (handle), NULL, jc_cli_waiter_callback, run->waiter);
  result = jc_cli_session_wait (run);
  if (!jc_handle_detach_finish (JC_HANDLE (handle), result, &error))
    g_debug ("Detach: %s", error->message);
}

void
jc_cli_session_close (JcCliSession *run)
{
  if (run->waiter != NULL && run->session != NULL && jc_session_is_alive (run->session))
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;

      jc_session_destroy_async (run->session, NULL, jc_cli_waiter_callback, run->waiter);
      result = jc_cli_session_wait (run);
      if (!jc_session_destroy_finish (run->session, result, &error))
        g_debug ("Destroy: %s", error->message);
    }
  g_clear_object (&run->session);
  g_clear_object (&run->client);
  g_clear_pointer (&run->waiter, jc_cli_waiter_free);
}

/* janus-client.c: the janus-client command-line tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   janus-client [GLOBAL OPTION…] COMMAND [COMMAND OPTION…] [ARG…]
 *
 * The contract (options, --json output, exit statuses) is CLI.md.
 */
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jc-cli.h"

int jc_cmd_admin (JcCliOptions *opts, int argc, char **argv);

static const JcCliCommand commands[] = {
  { "info", "print the server's info reply", jc_cmd_info },
  { "ping", "round-trip a ping, print the latency", jc_cmd_ping },
  { "request", "send one message to a plugin, print the reply", jc_cmd_request },
  { "admin", "Admin/Monitor API (admin --help lists its subcommands)", jc_cmd_admin },
  { "echotest", "send media to the EchoTest plugin and receive it back", jc_cmd_echotest },
  { "videoroom", "VideoRoom rooms, publishers and subscribers (videoroom --help)", jc_cmd_videoroom },
  { "videocall", "VideoCall: register, call, answer (videocall --help)", jc_cmd_videocall },
  { "textroom", "TextRoom rooms (textroom --help)", jc_cmd_textroom },
  { "streaming", "Streaming mountpoints: list, create, feed, watch (streaming --help)", jc_cmd_streaming },
  { "audiobridge", "AudioBridge rooms: list, create, join (audiobridge --help)", jc_cmd_audiobridge },
  { "recordplay", "Record&Play: list, record, play (recordplay --help)", jc_cmd_recordplay },
  { "bench", "load generators: bench churn, bench sessions", jc_cmd_bench },
};

static gboolean
on_signal (gpointer user_data)
{
  JcCliOptions *opts = user_data;

  if (g_cancellable_is_cancelled (opts->cancellable))
    {
      /* Second signal: stop waiting for clean-ups. The private Janus dies
       * with us (PR_SET_PDEATHSIG), but stop it properly all the same. */
      if (opts->local != NULL)
        jc_local_janus_stop (opts->local);
      _exit (JC_CLI_EXIT_INTERRUPTED);
    }
  g_debug ("Interrupted: cancelling");
  g_cancellable_cancel (opts->cancellable);
  return G_SOURCE_CONTINUE;
}

static char *
describe_commands (void)
{
  GString *text = g_string_new ("Commands:\n");

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, commands[i].summary);
  g_string_append (text,
                   "\nWithout --server, janus-client starts a private Janus (the 'janus' program\n"
                   "from PATH) on loopback, uses it and stops it on exit.\n"
                   "\n"
                   "Exit status: 0 success, 1 Janus or a plugin answered an error, 2 usage\n"
                   "error, 3 connection failure or timeout, 4 media failure.\n"
                   "\n"
                   "Run 'janus-client COMMAND --help' for a command's options.");
  return g_string_free (text, FALSE);
}

static const JcCliCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* Before options are parsed we do not know about --json yet; a usage error
 * in the global options still gets its error line when it was given. */
static gboolean
argv_has_json (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        return TRUE;
      if (argv[i][0] != '-' && find_command (argv[i]) != NULL)
        return FALSE;
    }
  return FALSE;
}

static int
run (JcCliOptions *opts, int argc, char **argv)
{
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &opts->server,
      "Janus server: ws://, wss://, http://, https:// or unix:// URI (default: a private Janus)",
      "URI" },
    { "api-secret", 0, 0, G_OPTION_ARG_STRING, &opts->api_secret, "Janus API secret", "S" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &opts->token, "Janus API token", "T" },
    { "admin-server", 0, 0, G_OPTION_ARG_STRING, &opts->admin_server,
      "Janus Admin API server (default with a private Janus: its own)", "URI" },
    { "admin-secret", 0, 0, G_OPTION_ARG_STRING, &opts->admin_secret, "Janus Admin API secret", "S" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &opts->timeout_s,
      "Per-request timeout in seconds (default 30; 0: none)", "SECS" },
    { "tls-ca-file", 0, 0, G_OPTION_ARG_FILENAME, &opts->tls_ca_file,
      "Trust the CA certificates in FILE for wss:// and https://", "FILE" },
    { "insecure", 0, 0, G_OPTION_ARG_NONE, &opts->insecure,
      "Do not verify the server's TLS certificate (logs a warning)", NULL },
    { "ice-address", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opts->ice_addresses,
      "Gather ICE candidates on this local IP address only (repeat for more)", "ADDR" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opts->json,
      "Machine output: one JSON object per line on stdout", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts->verbose, "Debug logging on stderr", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("COMMAND [ARG…]");
  g_autoptr (GError) error = NULL;
  g_autofree char *description = describe_commands ();
  const JcCliCommand *command;

  /* Stop at the command word: what follows belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context, "A command-line client for the Janus WebRTC Server.");
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_autofree char *message = g_strdup (error->message);

      if (g_ascii_isupper (message[0]) && !g_ascii_isupper (message[1]))
        message[0] = g_ascii_tolower (message[0]);
      opts->json = argv_has_json (argc, argv);
      return jc_cli_usage_error (opts, "%s; see janus-client --help", message);
    }

  if (opts->verbose)
    g_setenv ("G_MESSAGES_DEBUG", "janus-client", TRUE);

  if (version)
    {
      if (opts->json)
        g_print ("{\"version\":\"%s\"}\n", JC_VERSION_S);
      else
        g_print ("janus-client %s\n", JC_VERSION_S);
      return JC_CLI_EXIT_OK;
    }
  if (opts->timeout_s < 0 || opts->timeout_s > 1000000)
    return jc_cli_usage_error (opts, "--timeout wants seconds from 0 (none) to 1000000, not %d",
                               opts->timeout_s);
  for (guint i = 0; opts->ice_addresses != NULL && opts->ice_addresses[i] != NULL; i++)
    if (!g_hostname_is_ip_address (opts->ice_addresses[i]))
      return jc_cli_usage_error (opts, "--ice-address wants an IP address, not “%s”", opts->ice_addresses[i]);
  if (opts->server != NULL && opts->server[0] == '\0')
    return jc_cli_usage_error (opts, "--server wants a URI; see janus-client --help");
  if (argc < 2)
    return jc_cli_usage_error (opts, "no command given; see janus-client --help");
  if (argv[1][0] == '-')
    return jc_cli_usage_error (opts, "unknown option %s; see janus-client --help", argv[1]);

  command = find_command (argv[1]);
  if (command == NULL)
    return jc_cli_usage_error (opts, "unknown command “%s”; see janus-client --help", argv[1]);
  return command->run (opts, argc - 1, argv + 1);
}

int
main (int argc, char **argv)
{
  JcCliOptions opts;
  int status;

  setlocale (LC_ALL, "");
  /* Debug logs never reach stdout, which --json keeps for its lines. */
  g_log_writer_default_set_use_stderr (TRUE);
  g_set_prgname ("janus-client");

  jc_cli_options_init (&opts);
  g_unix_signal_add (SIGINT, on_signal, &opts);
  g_unix_signal_add (SIGTERM, on_signal, &opts);

  status = run (&opts, argc, argv);

  jc_cli_options_clear (&opts);
  return status;
}

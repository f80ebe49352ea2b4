/* jc-cmd-admin-private.h: what the files of `janus-client admin` share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-cli.h"

G_BEGIN_DECLS

/* A connected admin for --admin-server/--admin-secret, or for the private
 * Janus (started now) when neither --server nor --admin-server was given. */
JcAdmin *jc_cmd_admin_connect (JcCliOptions *opts, GError **error);

/* Parses a session or handle id argument; FALSE after a usage message. */
gboolean jc_cmd_admin_parse_id (JcCliOptions *opts, const char *what, const char *text, guint64 *out);

/* Safe reads of server JSON (never a critical, never a coercion). */
JsonArray *jc_cmd_admin_json_array (JsonObject *object, const char *member);

/* Parses an integer argument from 0 to @max; FALSE after a usage message. */
gboolean jc_cmd_admin_parse_uint (JcCliOptions *opts, const char *what, const char *text, guint64 max, guint64 *out);
/* Checks the count of positional arguments (argv[0] is the subcommand). */
int jc_cmd_admin_check_args (JcCliOptions *opts, const char *command, int argc, char **argv, int min, int max);
/* Closes @admin, if any, and reports @error. */
int jc_cmd_admin_finish_with_error (JcCliOptions *opts, JcAdmin *admin, const GError *error);

/* The steps of the typed subcommands, which use the subcommand's opts,
 * argc, argv, admin, waiter and error. */

/* Waits for the call started with @waiter; returns its result. */
#define WAIT(waiter) jc_cli_waiter_wait (waiter)

/* Parses the subcommand's options and checks its positional arguments;
 * returns from the subcommand on failure. */
#define PARSE(name, params, summary, entries, min, max)                                               \
  G_STMT_START                                                                                        \
  {                                                                                                   \
    int _status = jc_cli_parse_command (opts, "admin " name, params, summary, entries, &argc, &argv); \
    if (_status == JC_CLI_EXIT_OK)                                                                    \
      _status = jc_cmd_admin_check_args (opts, name, argc, argv, min, max);                           \
    if (_status != JC_CLI_EXIT_OK)                                                                    \
      return _status;                                                                                 \
  }                                                                                                   \
  G_STMT_END

/* Connects admin and creates waiter; returns from the subcommand on
 * failure. */
#define CONNECT()                                                \
  G_STMT_START                                                   \
  {                                                              \
    admin = jc_cmd_admin_connect (opts, &error);                 \
    if (admin == NULL)                                           \
      return jc_cmd_admin_finish_with_error (opts, NULL, error); \
    waiter = jc_cli_waiter_new ();                               \
  }                                                              \
  G_STMT_END

int jc_cmd_admin (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_handle_info (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_watch_handle (JcCliOptions *opts, int argc, char **argv);

/* jc-cmd-admin-sessions.c */
int jc_cmd_admin_sessions (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_handles (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_set_session_timeout (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_start_pcap (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_start_text2pcap (JcCliOptions *opts, int argc, char **argv);

/* jc-cmd-admin-modules.c */
int jc_cmd_admin_message_plugin (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_query_transport (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_query_eventhandler (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_query_logger (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_resolve_address (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_test_stun (JcCliOptions *opts, int argc, char **argv);

/* jc-cmd-admin-tokens.c */
int jc_cmd_admin_tokens (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_add_token (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_allow_token (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_disallow_token (JcCliOptions *opts, int argc, char **argv);

G_END_DECLS

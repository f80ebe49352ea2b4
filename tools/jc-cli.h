/* jc-cli.h: plumbing shared by the janus-client command-line tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <janus-client/janus-client.h>

#include "jc-local-janus.h"

G_BEGIN_DECLS

/* Exit statuses: see /work/shared/CLI.md. */
typedef enum
{
  JC_CLI_EXIT_OK = 0,
  JC_CLI_EXIT_SERVER = 1,       /* Janus or a plugin answered an error */
  JC_CLI_EXIT_USAGE = 2,        /* unknown option, bad value */
  JC_CLI_EXIT_CONNECT = 3,      /* connection failure or timeout */
  JC_CLI_EXIT_MEDIA = 4,        /* no media flowed */
  JC_CLI_EXIT_INTERRUPTED = 130 /* SIGINT or SIGTERM */
} JcCliExit;

#define JC_CLI_DEFAULT_TIMEOUT_S 30
#define JC_CLI_LOCAL_JANUS_START_MS 15000

/* The global options, given before the command word, and what the tool
 * set up from them. */
typedef struct
{
  char *server;        /* (owned) (nullable) --server; NULL: a private Janus */
  char *api_secret;    /* (owned) (nullable) */
  char *token;         /* (owned) (nullable) */
  char *admin_server;  /* (owned) (nullable) filled from the private Janus */
  char *admin_secret;  /* (owned) (nullable) filled from the private Janus */
  char *tls_ca_file;   /* (owned) (nullable) --tls-ca-file */
  gboolean insecure;   /* --insecure: no certificate verification */
  GStrv ice_addresses; /* (owned) (nullable) --ice-address, repeatable */
  int timeout_s;       /* per-request timeout; 0: none */
  gboolean json;
  gboolean verbose;

  GCancellable *cancellable; /* (owned) cancelled on SIGINT/SIGTERM */
  JcLocalJanus *local;       /* (owned) (nullable) the private Janus */
} JcCliOptions;

/* A command: parses its own options from @argv (argv[0] is the command
 * word) and returns the exit status. */
typedef int (*JcCliCommandFunc) (JcCliOptions *opts, int argc, char **argv);

typedef struct
{
  const char *name;
  const char *summary;
  JcCliCommandFunc run;
} JcCliCommand;

int jc_cmd_info (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_ping (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_request (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_echotest (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_videoroom (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_textroom (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_videocall (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_streaming (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_audiobridge (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_recordplay (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_bench (JcCliOptions *opts, int argc, char **argv);

void jc_cli_options_init (JcCliOptions *opts);
/* Closes nothing but stops the private Janus and frees the options. */
void jc_cli_options_clear (JcCliOptions *opts);

/* Parses a command's options with @entries (may be NULL): handles --help
 * (prints, exits 0) and turns a bad option into a usage message. Returns
 * JC_CLI_EXIT_OK, or the status to exit with. On success, argc and argv hold
 * the command word followed by the positional arguments. */
int jc_cli_parse_command (JcCliOptions *opts,
                          const char *command,
                          const char *parameter_string,
                          const char *summary,
                          const GOptionEntry *entries,
                          int *argc,
                          char ***argv);

/* A connected client for the --server (or for a private Janus started
 * now, on @network, when --server is absent), with the credentials and
 * the timeout set. Failing to start Janus is a JC_ERROR_CONNECT. */
JcClient *jc_cli_connect (JcCliOptions *opts,
                          JcLocalJanusNetwork network,
                          GError **error);

/* Blocking on async calls: pass jc_cli_waiter_callback with the waiter as
 * user data, then jc_cli_waiter_wait () runs a main loop on the
 * thread-default context until the callback ran and returns its result
 * (transfer full). One call at a time per waiter. */
typedef struct _JcCliWaiter JcCliWaiter;

JcCliWaiter *jc_cli_waiter_new (void);
void jc_cli_waiter_free (JcCliWaiter *waiter);
void jc_cli_waiter_callback (GObject *source,
                             GAsyncResult *result,
                             gpointer user_data);
GAsyncResult *jc_cli_waiter_wait (JcCliWaiter *waiter);
/* Runs the main loop for @ms milliseconds or until @cancellable fires;
 * returns FALSE when cancelled. */
gboolean jc_cli_sleep (guint ms,
                       GCancellable *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcCliWaiter, jc_cli_waiter_free)

/* One command's Janus session: the fields every plugin command's run
 * starts with (JC_CLI_SESSION_FIELDS first, then its handles), so that
 * (JcCliSession *) run works. */
#define JC_CLI_SESSION_FIELDS                                                \
  JcCliOptions *opts;                                                        \
  JcCliWaiter *waiter; /* (owned) (nullable) until jc_cli_session_open () */ \
  JcClient *client;    /* (owned) (nullable) */                              \
  JcSession *session;  /* (owned) (nullable) */

typedef struct
{
  JC_CLI_SESSION_FIELDS
} JcCliSession;

typedef void (*JcCliAttachAsync) (JcSession *session, const char *opaque_id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
typedef gpointer (*JcCliAttachFinish) (GAsyncResult *result, GError **error);

/* Connects (see jc_cli_connect) and creates the session. */
gboolean jc_cli_session_open (JcCliSession *run,
                              JcLocalJanusNetwork network,
                              GError **error);
GAsyncResult *jc_cli_session_wait (JcCliSession *run);
/* A new handle from a plugin's attach pair (transfer full). */
gpointer jc_cli_session_attach (JcCliSession *run,
                                JcCliAttachAsync attach_async,
                                JcCliAttachFinish attach_finish,
                                GError **error);
/* Detaches @handle if it still is attached; failures are debug lines. */
void jc_cli_session_detach (JcCliSession *run,
                            gpointer handle);
/* Destroys the session, frees client, session and waiter (the caller
 * detaches and frees its handles first). Safe to call twice. */
void jc_cli_session_close (JcCliSession *run);

/* Errors: print @error (human: "janus-client: MESSAGE" on stderr; --json:
 * the error line on stdout) and return its exit status. */
int jc_cli_exit_status (const GError *error);
int jc_cli_fail (JcCliOptions *opts,
                 const GError *error);
/* A usage error: prints "janus-client: MESSAGE" on stderr (and the error
 * line on stdout with --json); returns JC_CLI_EXIT_USAGE. */
int jc_cli_usage_error (JcCliOptions *opts,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

/* jc_cli_fail, plus the private-Janus hint (no --server) when @error is
 * the plugin's code @missing_code for "no such room" (or mountpoint,
 * recording): jc_cli_fail knows VideoRoom's 426 only. */
int jc_cli_fail_hinting (JcCliOptions *opts,
                         const GError *error,
                         int missing_code);

/* Parses the options of the plugin subcommand "@plugin @sub" (e.g.
 * "audiobridge create") and refuses positional arguments. */
int jc_cli_parse_plugin_command (JcCliOptions *opts,
                                 const char *plugin,
                                 const char *sub,
                                 const char *summary,
                                 const GOptionEntry *entries,
                                 int *argc,
                                 char ***argv);
/* An id option (--@option ID, e.g. --room): digits are a numeric id,
 * anything else a string id (plugins with string_ids). *@out is NULL when
 * absent; a usage error when @required and absent, or invalid. */
int jc_cli_parse_id_option (JcCliOptions *opts,
                            const char *plugin,
                            const char *sub,
                            const char *option,
                            const char *text,
                            gboolean required,
                            JcId **out);

/* A JC_ERROR_INVALID_ARGUMENT is a usage error, anything else a failure. */
int jc_cli_usage_or_fail (JcCliOptions *opts,
                          const GError *error);
/* Runs the subcommand argv[1] of @command from @subcommands, or prints
 * their list (--help, or a usage error when there is none). */
int jc_cli_run_subcommand (JcCliOptions *opts,
                           const char *command,
                           const JcCliCommand *subcommands,
                           gsize n,
                           int argc,
                           char **argv);

/* Plugin admin keys: every `create` a plugin can lock with its admin_key
 * takes --admin-key K (JC_CLI_ADMIN_KEY_ENTRY), the environment variable
 * JANUS_CLIENT_ADMIN_KEY being the default. */
#define JC_CLI_ADMIN_KEY_ENV "JANUS_CLIENT_ADMIN_KEY"
#define JC_CLI_ADMIN_KEY_ENTRY(location)                                                    \
  {                                                                                         \
    "admin-key", 0, 0, G_OPTION_ARG_STRING, (location),                                     \
        "The plugin's admin_key, when it has one (default: $" JC_CLI_ADMIN_KEY_ENV ")", "K" \
  }
/* The key to send: @option_value when the option was given (an empty one
 * sends none, overriding the environment), else JANUS_CLIENT_ADMIN_KEY
 * when set and not empty, else NULL. (transfer none) */
const char *jc_cli_admin_key (const char *option_value);

/* Tells on stderr that a private Janus (no --server) knows only the rooms
 * of its configuration. */
void jc_cli_private_janus_hint (void);
/* A warning on stderr, in both modes. */
void jc_cli_warn (const char *format,
                  ...) G_GNUC_PRINTF (1, 2);

/* Sets @member of @obj to the string @value, or to null when @value is
 * NULL (--json output keeps its members whether known or not). */
void jc_cli_json_set_string_or_null (JsonObject *obj,
                                     const char *member,
                                     const char *value);

/* Output: one compact line with --json, pretty printed otherwise. */
void jc_cli_print_json_node (JcCliOptions *opts,
                             JsonNode *node);
void jc_cli_print_json_object (JcCliOptions *opts,
                               JsonObject *object);
/* Parses @text as a JSON object (strictly: no assignment, one root, an
 * object); @what names it in the error ("BODY", "the --jsep file"). */
JsonObject *jc_cli_parse_json_object (const char *text,
                                      const char *what,
                                      GError **error);

/* Typed reads of server JSON that never warn: NULL / @fallback when the
 * member is missing or has another type. */
const char *jc_cli_json_string (JsonObject *object,
                                const char *member);
gint64 jc_cli_json_int (JsonObject *object,
                        const char *member,
                        gint64 fallback);
JsonObject *jc_cli_json_object (JsonObject *object,
                                const char *member);
/* -1: missing or not a boolean. */
int jc_cli_json_bool (JsonObject *object,
                      const char *member);

G_END_DECLS

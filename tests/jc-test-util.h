/* jc-test-util.h: helpers shared by the test programs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <janus-client/janus-client.h>

G_BEGIN_DECLS

/* Wait for @cond while iterating the thread-default main context, failing
 * the test after @secs seconds. Never sleep to synchronise. */
#define JC_TEST_WAIT_UNTIL_TIMEOUT(cond, secs)                               \
  G_STMT_START                                                               \
  {                                                                          \
    gboolean _expired = FALSE;                                               \
    GSource *_src = g_timeout_source_new_seconds (secs);                     \
    g_source_set_callback (_src, jc_test_set_true, &_expired, NULL);         \
    g_source_attach (_src, g_main_context_get_thread_default ());            \
    while (!(cond) && !_expired)                                             \
      g_main_context_iteration (g_main_context_get_thread_default (), TRUE); \
    g_source_destroy (_src);                                                 \
    g_source_unref (_src);                                                   \
    if (_expired)                                                            \
      g_error ("Timed out after %d s waiting for: %s", (int) (secs), #cond); \
  }                                                                          \
  G_STMT_END

#define JC_TEST_WAIT_UNTIL(cond) JC_TEST_WAIT_UNTIL_TIMEOUT (cond, 10)

gboolean jc_test_set_true (gpointer user_data);

/* Iterates the thread-default main context for @ms: "run media (or let
 * sessions live) this long", never a way to wait for an event. */
void jc_test_run_for (guint ms);

/* Stores the GAsyncResult (a ref) in *(GAsyncResult **) user_data. */
void jc_test_store_result (GObject *source, GAsyncResult *result, gpointer user_data);
/* Runs the main context until *result_slot is set; returns it (transfer full). */
GAsyncResult *jc_test_wait_result (GAsyncResult **result_slot);

/* Blocking wrappers for tests: connect, create, attach, send. */
JcClient *jc_test_connect (const char *uri, GError **error);
JcSession *jc_test_create_session (JcClient *client, GError **error);
JcHandle *jc_test_attach (JcSession *session, const char *plugin, GError **error);
JsonObject *jc_test_send (JcHandle *handle, const char *body_json, JsonObject **out_jsep, GError **error);
gboolean jc_test_detach (JcHandle *handle, GError **error);
gboolean jc_test_destroy (JcSession *session, GError **error);

/* Parses a JSON object literal; aborts the test on bad JSON. */
JsonObject *jc_test_json (const char *text);

/* A GLogWriterFunc that captures every debug and warning line into a
 * GString (for the secret-redaction tests); install with
 * jc_test_capture_logs_begin () and read with jc_test_capture_logs_end (). */
void jc_test_capture_logs_begin (void);
char *jc_test_capture_logs_end (void);

/* Running the janus-client CLI (JANUS_CLIENT_CLI names the binary). */
typedef struct
{
  int status;       /* exit status, or -1 when killed by a signal */
  char *out;        /* (owned) stdout */
  char *err;        /* (owned) stderr */
  double elapsed_s; /* wall time of the run */
} JcTestCliRun;

void jc_test_cli_run_clear (JcTestCliRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JcTestCliRun, jc_test_cli_run_clear)

/* Runs the CLI with @prefix (nullable, NULL-terminated) then @args
 * (NULL-terminated), without G_MESSAGES_DEBUG; @path_env (nullable)
 * replaces PATH. The tool bounds its own run; the test's meson timeout is
 * the outer deadline. */
void jc_test_cli_runv (JcTestCliRun *run, const char *path_env, const char *const *prefix, const char *const *args);
/* The same with the arguments of @ap (NULL-terminated). */
void jc_test_cli_run_va (JcTestCliRun *run, const char *const *prefix, va_list ap);

G_END_DECLS

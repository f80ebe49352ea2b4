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

G_END_DECLS

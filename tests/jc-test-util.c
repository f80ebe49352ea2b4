/* jc-test-util.c: helpers shared by the test programs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-test-util.h"

gboolean
jc_test_set_true (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
jc_test_run_for (guint ms)
{
  GMainContext *context = g_main_context_get_thread_default ();
  gboolean done = FALSE;
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, jc_test_set_true, &done, NULL);
  g_source_attach (source, context);
  while (!done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (source);
  g_source_unref (source);
}

void
jc_test_store_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
jc_test_wait_result (GAsyncResult **result_slot)
{
  JC_TEST_WAIT_UNTIL_TIMEOUT (*result_slot != NULL, 60);
  return g_steal_pointer (result_slot);
}

JcClient *
jc_test_connect (const char *uri, GError **error)
{
  g_autoptr (JcClient) client = jc_client_new_for_uri (uri, error);
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  if (client == NULL)
    return NULL;
  jc_client_connect_async (client, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  if (!jc_client_connect_finish (client, result, error))
    return NULL;
  return g_steal_pointer (&client);
}

JcSession *
jc_test_create_session (JcClient *client, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  jc_client_create_session_async (client, 0, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  return jc_client_create_session_finish (client, result, error);
}

JcHandle *
jc_test_attach (JcSession *session, const char *plugin, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  jc_session_attach_async (session, plugin, NULL, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  return jc_session_attach_finish (session, result, error);
}

JsonObject *
jc_test_send (JcHandle *handle, const char *body_json, JsonObject **out_jsep, GError **error)
{
  g_autoptr (JsonObject) body = jc_test_json (body_json);
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  jc_handle_send_async (handle, body, NULL, JC_TIMEOUT_DEFAULT, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  return jc_handle_send_finish (handle, result, out_jsep, error);
}

gboolean
jc_test_detach (JcHandle *handle, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  jc_handle_detach_async (handle, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  return jc_handle_detach_finish (handle, result, error);
}

gboolean
jc_test_destroy (JcSession *session, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  jc_session_destroy_async (session, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  return jc_session_destroy_finish (session, result, error);
}

JsonObject *
jc_test_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static GString *captured;

static GLogWriterOutput
capture_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  if (captured != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE"))
          {
            g_string_append_len (captured, fields[i].value, fields[i].length < 0 ? (gssize) strlen (fields[i].value) : fields[i].length);
            g_string_append_c (captured, '\n');
          }
      /* Captured warnings are checked by the test, not fatal. */
      if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_WARNING))
        return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

void
jc_test_capture_logs_begin (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_log_set_writer_func (capture_writer, NULL, NULL);
      g_once_init_leave (&once, 1);
    }
  g_log_set_debug_enabled (TRUE);
  captured = g_string_new (NULL);
}

char *
jc_test_capture_logs_end (void)
{
  g_log_set_debug_enabled (FALSE);
  return g_string_free (g_steal_pointer (&captured), FALSE);
}

void
jc_test_cli_run_clear (JcTestCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
jc_test_cli_runv (JcTestCliRun *run, const char *path_env, const char *const *prefix, const char *const *args)
{
  g_autoptr (GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *joined = NULL;
  const char *cli = g_getenv ("JANUS_CLIENT_CLI");
  gint64 start;

  g_assert_nonnull (cli);
  memset (run, 0, sizeof *run);
  g_ptr_array_add (argv, (gpointer) cli);
  for (const char *const *a = prefix; a != NULL && *a != NULL; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  for (const char *const *a = args; *a != NULL; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);

  joined = g_strjoinv (" ", (char **) argv->pdata);
  g_test_message ("running: %s", joined);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  if (path_env != NULL)
    g_subprocess_launcher_setenv (launcher, "PATH", path_env, TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  run->elapsed_s = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_test_message ("exit %d after %.2f s\nstdout: %s\nstderr: %s", run->status, run->elapsed_s, run->out, run->err);
}

void
jc_test_cli_run_va (JcTestCliRun *run, const char *const *prefix, va_list ap)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);
  jc_test_cli_runv (run, NULL, prefix, (const char *const *) args->pdata);
}

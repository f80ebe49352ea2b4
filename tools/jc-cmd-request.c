/* jc-cmd-request.c: `janus-client request PLUGIN BODY [--jsep FILE]`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The escape hatch, curl for Janus: create a session, attach PLUGIN, send
 * BODY, print the plugin's reply, detach, destroy.
 */
#include "jc-cli.h"

/* Detaching and destroying run without the tool's cancellable, so that an
 * interrupted request still cleans up (within the timeout). */
static gboolean
detach_handle (JcHandle *handle, GError **error)
{
  g_autoptr (JcCliWaiter) waiter = jc_cli_waiter_new ();
  g_autoptr (GAsyncResult) result = NULL;

  jc_handle_detach_async (handle, NULL, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  return jc_handle_detach_finish (handle, result, error);
}

static gboolean
destroy_session (JcSession *session, GError **error)
{
  g_autoptr (JcCliWaiter) waiter = jc_cli_waiter_new ();
  g_autoptr (GAsyncResult) result = NULL;

  jc_session_destroy_async (session, NULL, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  return jc_session_destroy_finish (session, result, error);
}

/* Runs the whole exchange; returns the plugin's data (and *out_jsep) or
 * NULL with @error. Cleans up on every path; a clean-up failure after a
 * success is only a warning. */
static JsonObject *
run_request (JcCliOptions *opts,
             JcClient *client,
             const char *plugin,
             JsonObject *body,
             JsonObject *jsep,
             JsonObject **out_jsep,
             GError **error)
{
  g_autoptr (JcCliWaiter) waiter = jc_cli_waiter_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcHandle) handle = NULL;
  g_autoptr (JsonObject) data = NULL;
  g_autoptr (GError) cleanup_error = NULL;

  jc_client_create_session_async (client, 0, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  session = jc_client_create_session_finish (client, result, error);
  g_clear_object (&result);
  if (session == NULL)
    return NULL;
  g_debug ("Created session %" G_GUINT64_FORMAT, jc_session_get_id (session));

  jc_session_attach_async (session, plugin, NULL, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  handle = jc_session_attach_finish (session, result, error);
  g_clear_object (&result);
  if (handle == NULL)
    {
      if (!destroy_session (session, &cleanup_error))
        g_debug ("Destroying session after a failure: %s", cleanup_error->message);
      return NULL;
    }
  g_debug ("Attached %s as handle %" G_GUINT64_FORMAT, plugin, jc_handle_get_id (handle));

  jc_handle_send_async (handle, body, jsep, JC_TIMEOUT_DEFAULT, opts->cancellable,
                        jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  data = jc_handle_send_finish (handle, result, out_jsep, error);

  if (!detach_handle (handle, &cleanup_error) || !destroy_session (session, &cleanup_error))
    {
      if (data != NULL)
        jc_cli_warn ("%s", cleanup_error->message);
      else
        g_debug ("Cleaning up after a failure: %s", cleanup_error->message);
    }
  return g_steal_pointer (&data);
}

int
jc_cmd_request (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *jsep_path = NULL;
  const GOptionEntry entries[] = {
    { "jsep", 0, 0, G_OPTION_ARG_FILENAME, &jsep_path,
      "Send the JSEP (a JSON object with type and sdp) read from FILE", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (JsonObject) jsep = NULL;
  g_autoptr (JsonObject) data = NULL;
  g_autoptr (JsonObject) reply_jsep = NULL;
  g_autoptr (JsonObject) output = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = jc_cli_parse_command (opts, "request", "PLUGIN BODY",
                                 "Create a session, attach PLUGIN (e.g. janus.plugin.videoroom), send "
                                 "BODY (a JSON object),\nprint the reply as {\"data\": {…}, \"jsep\": "
                                 "{…} or null}, detach and destroy.\nA plugin error (error_code in "
                                 "its data) exits 1.",
                                 entries, &argc, &argv);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (argc != 3)
    return jc_cli_usage_error (opts, "request wants PLUGIN and BODY (got %d argument%s); see "
                                     "janus-client request --help",
                               argc - 1, argc == 2 ? "" : "s");
  if (argv[1][0] == '\0')
    return jc_cli_usage_error (opts, "PLUGIN is empty; see janus-client request --help");

  /* Check what the user gave before starting or reaching any Janus. */
  body = jc_cli_parse_json_object (argv[2], "BODY", &error);
  if (body == NULL)
    return jc_cli_usage_error (opts, "%s", error->message);
  if (jsep_path != NULL)
    {
      g_autofree char *text = NULL;

      if (!g_file_get_contents (jsep_path, &text, NULL, &error))
        return jc_cli_usage_error (opts, "Cannot read the --jsep file: %s", error->message);
      jsep = jc_cli_parse_json_object (text, "The --jsep file", &error);
      if (jsep == NULL)
        return jc_cli_usage_error (opts, "%s", error->message);
    }

  client = jc_cli_connect (opts, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error);
  if (client == NULL)
    return jc_cli_fail (opts, error);

  data = run_request (opts, client, argv[1], body, jsep, &reply_jsep, &error);
  jc_client_close (client);
  if (data == NULL)
    return jc_cli_fail (opts, error);

  output = json_object_new ();
  json_object_set_object_member (output, "data", json_object_ref (data));
  if (reply_jsep != NULL)
    json_object_set_object_member (output, "jsep", json_object_ref (reply_jsep));
  else
    json_object_set_null_member (output, "jsep");
  jc_cli_print_json_object (opts, output);
  return JC_CLI_EXIT_OK;
}

/* jc-cmd-admin-sessions.c: `janus-client admin sessions`, `handles`,
 * `set-session-timeout`, `start-pcap` and `start-text2pcap`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "jc-cmd-admin-private.h"

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

int
jc_cmd_admin_sessions (JcCliOptions *opts, int argc, char **argv)
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
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  print_id_list (opts, "sessions", "session", ids);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

int
jc_cmd_admin_handles (JcCliOptions *opts, int argc, char **argv)
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
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  print_id_list (opts, "handles", "handle", ids);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

int
jc_cmd_admin_set_session_timeout (JcCliOptions *opts, int argc, char **argv)
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
    return jc_cmd_admin_finish_with_error (opts, admin, error);
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
    return jc_cmd_admin_finish_with_error (opts, admin, error);
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
      jc_cli_json_set_string_or_null (out, "file", written);
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

int
jc_cmd_admin_start_pcap (JcCliOptions *opts, int argc, char **argv)
{
  return start_capture (opts, argc, argv, FALSE);
}

int
jc_cmd_admin_start_text2pcap (JcCliOptions *opts, int argc, char **argv)
{
  return start_capture (opts, argc, argv, TRUE);
}

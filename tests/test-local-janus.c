/* test-local-janus.c: the private Janus launcher used by integration tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jc-local-janus.h"

#define START_TIMEOUT_MS 10000

static const char *const plugins[] = {
  "janus.plugin.echotest",
  "janus.plugin.videoroom",
  "janus.plugin.videocall",
  "janus.plugin.textroom",
  "janus.plugin.streaming",
  "janus.plugin.audiobridge",
  "janus.plugin.recordplay",
  "janus.plugin.nosip",
};

static const char *const transports[] = {
  "janus.transport.http",
  "janus.transport.websockets",
  "janus.transport.pfunix",
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A blocking HTTP/1.0 request to @uri (http://HOST:PORT/PATH); returns the
 * status code and sets @out_body. Independent of the launcher's own code
 * so that the getters' URIs are really exercised. */
static guint
http_request (const char *method, const char *uri, const char *body, char **out_body)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, &error);
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) conn = NULL;
  g_autoptr (GString) request = g_string_new (NULL);
  g_autoptr (GByteArray) answer = g_byte_array_new ();
  guint8 chunk[4096];
  gssize n;
  guint status = 0;
  const char *sep;

  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (parsed), ==, "http");
  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_timeout (client, 5);
  conn = g_socket_client_connect_to_host (client, g_uri_get_host (parsed),
                                          (guint16) g_uri_get_port (parsed), NULL, &error);
  g_assert_no_error (error);
  g_string_printf (request, "%s %s HTTP/1.0\r\nHost: %s:%d\r\n", method, g_uri_get_path (parsed),
                   g_uri_get_host (parsed), g_uri_get_port (parsed));
  if (body != NULL)
    g_string_append_printf (request, "Content-Type: application/json\r\nContent-Length: %zu\r\n",
                            strlen (body));
  g_string_append_printf (request, "\r\n%s", body != NULL ? body : "");
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), request->str,
                             request->len, NULL, NULL, &error);
  g_assert_no_error (error);
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (conn)), chunk,
                                   sizeof chunk, NULL, &error)) > 0)
    g_byte_array_append (answer, chunk, (guint) n);
  g_assert_no_error (error);
  g_byte_array_append (answer, (const guint8 *) "", 1);

  g_assert_cmpint (sscanf ((const char *) answer->data, "HTTP/1.%*d %u", &status), ==, 1);
  sep = strstr ((const char *) answer->data, "\r\n\r\n");
  g_assert_nonnull (sep);
  *out_body = g_strdup (sep + 4);
  return status;
}

static gboolean
json_has_member (const char *json, const char *name)
{
  g_autofree char *key = g_strdup_printf ("\"%s\":", name);

  return strstr (json, key) != NULL;
}

static gint64
json_int_member (const char *json, const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("\"%s\":\\s*(-?[0-9]+)", name);
  g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *digits = NULL;

  if (!g_regex_match (regex, json, G_REGEX_MATCH_DEFAULT, &match))
    return G_MININT64;
  digits = g_match_info_fetch (match, 1);
  return g_ascii_strtoll (digits, NULL, 10);
}

static char *
run_ip (const char *args)
{
  g_autofree char *cmd = g_strdup_printf ("ip %s", args);
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync (cmd, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static gboolean
netns_exists (const char *name)
{
  g_autofree char *list = run_ip ("netns list");
  g_auto (GStrv) lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *first = g_strndup (lines[i], strcspn (lines[i], " "));
      if (g_strcmp0 (first, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
link_exists (const char *name)
{
  g_autofree char *list = run_ip ("-o link show");
  g_autofree char *needle = g_strdup_printf (": %s", name);
  const char *p = list;

  while ((p = strstr (p, needle)) != NULL)
    {
      p += strlen (needle);
      if (*p == '@' || *p == ':')
        return TRUE;
    }
  return FALSE;
}

static gboolean
have_root (void)
{
  if (geteuid () == 0)
    return TRUE;
  g_test_skip ("network namespaces need root: media tests will be skipped too");
  return FALSE;
}

/* A pid that certainly belongs to no process right now. */
static pid_t
dead_pid (void)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_cmpint (kill (pid, 0), ==, -1);
  return pid;
}

/* Checks a running server over every transport. */
static void
check_running (JcLocalJanus *janus)
{
  g_autofree char *info = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *admin_body = NULL;
  const char *unix_uri = jc_local_janus_get_unix_uri (janus);
  const char *admin_unix_uri = jc_local_janus_get_admin_unix_uri (janus);
  g_autofree char *http_info_uri = g_strconcat (jc_local_janus_get_http_uri (janus), "/info", NULL);

  g_assert_true (jc_local_janus_is_running (janus));
  g_assert_cmpint (kill (jc_local_janus_get_pid (janus), 0), ==, 0);

  g_assert_cmpuint (http_request ("GET", http_info_uri, NULL, &info), ==, 200);
  g_assert_cmpint (json_int_member (info, "version"), ==, 1102);
  for (gsize i = 0; i < G_N_ELEMENTS (plugins); i++)
    g_assert_true (json_has_member (info, plugins[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (transports); i++)
    g_assert_true (json_has_member (info, transports[i]));

  /* The admin API answers with the generated secret. */
  admin_body = g_strdup_printf ("{\"janus\":\"list_sessions\",\"transaction\":\"t1\",\"admin_secret\":\"%s\"}",
                                jc_local_janus_get_admin_secret (janus));
  g_assert_cmpuint (http_request ("POST", jc_local_janus_get_admin_http_uri (janus), admin_body,
                                  &admin),
                    ==, 200);
  g_assert_nonnull (strstr (admin, "\"janus\":\"success\""));
  g_assert_nonnull (strstr (admin, "\"sessions\":"));

  g_assert_true (g_str_has_prefix (jc_local_janus_get_ws_uri (janus), "ws://"));
  g_assert_true (g_str_has_prefix (jc_local_janus_get_admin_ws_uri (janus), "ws://"));
  g_assert_cmpstr (jc_local_janus_get_ws_uri (janus), !=, jc_local_janus_get_admin_ws_uri (janus));
  g_assert_true (g_str_has_prefix (unix_uri, "unix:///"));
  g_assert_true (g_str_has_prefix (admin_unix_uri, "unix:///"));
  g_assert_true (g_file_test (unix_uri + strlen ("unix://"), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (admin_unix_uri + strlen ("unix://"), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (jc_local_janus_get_log_path (janus), G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (jc_local_janus_get_work_dir (janus), G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (strlen (jc_local_janus_get_admin_secret (janus)), >=, 16);
}

/* Stops @janus and checks nothing is left behind. */
static void
stop_and_check_gone (JcLocalJanus *janus)
{
  GPid pid = jc_local_janus_get_pid (janus);
  g_autofree char *work_dir = g_strdup (jc_local_janus_get_work_dir (janus));
  g_autofree char *netns = g_strdup (jc_local_janus_get_netns (janus));

  jc_local_janus_stop (janus);
  g_assert_false (jc_local_janus_is_running (janus));
  g_assert_cmpint (kill (pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);
  g_assert_false (g_file_test (work_dir, G_FILE_TEST_EXISTS));
  if (netns != NULL)
    {
      g_autofree char *host_if = NULL;
      long owner = 0;
      guint n = 0;

      g_assert_false (netns_exists (netns));
      g_assert_cmpint (sscanf (netns, "jcns-%ld-%u", &owner, &n), ==, 2);
      host_if = g_strdup_printf ("jch%ldn%u", owner, n);
      g_assert_false (link_exists (host_if));
    }
  /* Idempotent. */
  jc_local_janus_stop (janus);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_auto (void)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;

  jc_local_janus_start (janus, START_TIMEOUT_MS, &error);
  g_assert_no_error (error);
  check_running (janus);

  if (jc_local_janus_get_network (janus) == JC_LOCAL_JANUS_NETWORK_NAMESPACE)
    {
      const char *netns = jc_local_janus_get_netns (janus);

      g_assert_true (jc_local_janus_has_media (janus));
      g_assert_nonnull (netns);
      g_assert_true (netns_exists (netns));
      g_assert_true (g_str_has_prefix (jc_local_janus_get_host (janus), "198.1"));
      g_assert_cmpstr (jc_local_janus_get_host (janus), !=, jc_local_janus_get_client_address (janus));
    }
  else
    {
      g_assert_cmpint (jc_local_janus_get_network (janus), ==, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
      g_assert_false (jc_local_janus_has_media (janus));
      g_test_message ("not root: Janus ran on loopback, namespace checks skipped");
    }

  stop_and_check_gone (janus);
}

static void
test_loopback (void)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;

  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_start (janus, START_TIMEOUT_MS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jc_local_janus_get_network (janus), ==, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  g_assert_false (jc_local_janus_has_media (janus));
  g_assert_cmpstr (jc_local_janus_get_host (janus), ==, "127.0.0.1");
  g_assert_cmpstr (jc_local_janus_get_client_address (janus), ==, "127.0.0.1");
  g_assert_null (jc_local_janus_get_netns (janus));
  check_running (janus);

  /* Starting twice is refused. */
  g_assert_false (jc_local_janus_start (janus, START_TIMEOUT_MS, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  stop_and_check_gone (janus);
}

static void
test_settings (void)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *info = NULL;

  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_session_timeout (janus, 17);
  jc_local_janus_set_reclaim_session_timeout (janus, 5);
  jc_local_janus_set_api_secret (janus, "s\"ecret");
  jc_local_janus_set_token_auth (janus, TRUE);
  jc_local_janus_set_extra_general (janus, "  server_name = \"extra-name\"");
  jc_local_janus_set_extra_media (janus, "  slowlink_threshold = 3");
  jc_local_janus_start (janus, START_TIMEOUT_MS, &error);
  g_assert_no_error (error);
  {
    g_autofree char *path = g_build_filename (jc_local_janus_get_work_dir (janus), "janus.jcfg", NULL);
    g_autofree char *text = NULL;
    const char *media;

    g_assert_true (g_file_get_contents (path, &text, NULL, &error));
    g_assert_no_error (error);
    media = strstr (text, "media: {");
    g_assert_nonnull (media);
    g_assert_nonnull (strstr (media, "slowlink_threshold = 3"));
    g_assert_true (strstr (media, "slowlink_threshold = 3") < strstr (media, "}"));
  }
  g_assert_cmpstr (jc_local_janus_get_api_secret (janus), ==, "s\"ecret");

  info = jc_local_janus_get_info (janus, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_int_member (info, "session-timeout"), ==, 17);
  g_assert_cmpint (json_int_member (info, "reclaim-session-timeout"), ==, 5);
  g_assert_nonnull (strstr (info, "\"api_secret\":true"));
  g_assert_nonnull (strstr (info, "\"auth_token\":true"));
  g_assert_nonnull (strstr (info, "\"server-name\":\"extra-name\""));

  stop_and_check_gone (janus);
}

static void
test_namespace_two (void)
{
  g_autoptr (JcLocalJanus) a = jc_local_janus_new ();
  g_autoptr (JcLocalJanus) b = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;

  if (!have_root ())
    return;

  jc_local_janus_set_network (a, JC_LOCAL_JANUS_NETWORK_NAMESPACE);
  jc_local_janus_set_network (b, JC_LOCAL_JANUS_NETWORK_NAMESPACE);
  jc_local_janus_start (a, START_TIMEOUT_MS, &error);
  g_assert_no_error (error);
  jc_local_janus_start (b, START_TIMEOUT_MS, &error);
  g_assert_no_error (error);

  g_assert_true (jc_local_janus_has_media (a));
  g_assert_true (jc_local_janus_has_media (b));
  g_assert_cmpstr (jc_local_janus_get_netns (a), !=, jc_local_janus_get_netns (b));
  g_assert_cmpstr (jc_local_janus_get_host (a), !=, jc_local_janus_get_host (b));
  g_assert_cmpstr (jc_local_janus_get_client_address (a), !=,
                   jc_local_janus_get_client_address (b));
  g_assert_cmpstr (jc_local_janus_get_work_dir (a), !=, jc_local_janus_get_work_dir (b));
  check_running (a);
  check_running (b);

  stop_and_check_gone (a);
  check_running (b); /* unaffected */
  stop_and_check_gone (b);
}

static void
test_namespace_stale (void)
{
  pid_t dead;
  g_autofree char *stale_ns = NULL;
  g_autofree char *stale_if = NULL;
  g_autofree char *live_ns = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *out = NULL;
  guint removed;

  if (!have_root ())
    return;

  dead = dead_pid ();
  stale_ns = g_strdup_printf ("jcns-%d-0", (int) dead);
  stale_if = g_strdup_printf ("jch%dn0", (int) dead);
  live_ns = g_strdup_printf ("jcns-%d-9999", (int) getpid ());

  cmd = g_strdup_printf ("netns add %s", stale_ns);
  g_free (run_ip (cmd));
  g_free (cmd);
  cmd = g_strdup_printf ("link add %s type veth peer name jcj%dn0", stale_if, (int) dead);
  g_free (run_ip (cmd));
  g_free (cmd);
  cmd = g_strdup_printf ("netns add %s", live_ns);
  g_free (run_ip (cmd));
  g_clear_pointer (&cmd, g_free);
  /* Another test binary starting a launcher at once may clean the stale
   * ones before we look (it did, in CI): check that they are gone
   * afterwards rather than that they were there, or the count. */
  removed = jc_local_janus_clean_stale ();
  g_test_message ("removed %u stale namespaces and veths", removed);
  g_assert_false (netns_exists (stale_ns));
  g_assert_false (link_exists (stale_if));
  /* Ours (a live pid) stays. */
  g_assert_true (netns_exists (live_ns));

  cmd = g_strdup_printf ("netns del %s", live_ns);
  out = run_ip (cmd);
  g_assert_false (netns_exists (live_ns));
}

static void
test_namespace_not_root (void)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root: the namespace is allowed");
      return;
    }
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_NAMESPACE);
  g_assert_false (jc_local_janus_start (janus, START_TIMEOUT_MS, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_false (jc_local_janus_is_running (janus));
}

static void
test_missing_binary (void)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *empty = g_dir_make_tmp ("jc-empty-XXXXXX", &error);
  gboolean ok;

  g_assert_no_error (error);
  g_setenv ("PATH", empty, TRUE);
  ok = jc_local_janus_start (janus, START_TIMEOUT_MS, &error);
  g_setenv ("PATH", old_path, TRUE);
  g_rmdir (empty);

  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "install the 'janus' package"));
  g_assert_false (jc_local_janus_is_running (janus));
  g_assert_null (jc_local_janus_get_work_dir (janus));
}

static void
test_early_exit (void)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  /* Replaces our plugins_folder: Janus exits at once. */
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_extra_general (janus, "  plugins_folder = \"/nonexistent\"");
  g_assert_false (jc_local_janus_start (janus, START_TIMEOUT_MS, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Janus exited during startup"));
  g_assert_nonnull (strstr (error->message, "Couldn't access plugins folder"));
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 5 * G_USEC_PER_SEC);
  g_assert_false (jc_local_janus_is_running (janus));
  g_assert_null (jc_local_janus_get_work_dir (janus));
}

static void
test_bad_config (void)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  /* Janus does not exit on a syntax error: it runs on its defaults. */
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_extra_general (janus, "  this is not { valid");
  g_assert_false (jc_local_janus_start (janus, START_TIMEOUT_MS, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "janus.jcfg"));
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 5 * G_USEC_PER_SEC);
  g_assert_false (jc_local_janus_is_running (janus));
  g_assert_null (jc_local_janus_get_work_dir (janus));
}

/* Plugin lines reach that plugin's .jcfg, replace the launcher's own
 * line for a key they set, and take effect: the VideoRoom takes string
 * room ids with string_ids = true. */
static void
test_plugin_config (void)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *videoroom = NULL;
  g_autofree char *nosip = NULL;
  g_autofree char *echotest = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *session_uri = NULL;
  g_autofree char *handle_uri = NULL;
  gint64 session_id, handle_id;

  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_plugin_config (janus, "janus.plugin.videoroom", "  string_ids = true");
  jc_local_janus_set_plugin_config (janus, "janus.plugin.nosip", "  rtp_port_range = \"30000-30100\"");
  jc_local_janus_set_plugin_config (janus, "janus.plugin.echotest", "  cleared = true");
  jc_local_janus_set_plugin_config (janus, "janus.plugin.echotest", NULL);
  jc_local_janus_start (janus, START_TIMEOUT_MS, &error);
  g_assert_no_error (error);

  path = g_build_filename (jc_local_janus_get_work_dir (janus), "janus.plugin.videoroom.jcfg", NULL);
  g_file_get_contents (path, &videoroom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (videoroom, ==, "general: {\n  string_ids = true\n}\n");
  g_free (path);
  path = g_build_filename (jc_local_janus_get_work_dir (janus), "janus.plugin.nosip.jcfg", NULL);
  g_file_get_contents (path, &nosip, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (nosip, "rtp_port_range = \"30000-30100\""));
  g_assert_null (strstr (nosip, "20000-40000"));
  g_assert_nonnull (strstr (nosip, "local_ip = \"127.0.0.1\""));
  g_free (path);
  path = g_build_filename (jc_local_janus_get_work_dir (janus), "janus.plugin.echotest.jcfg", NULL);
  g_file_get_contents (path, &echotest, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (echotest, ==, "general: {\n}\n");

  /* The VideoRoom now takes a string room id. */
  g_assert_cmpuint (http_request ("POST", jc_local_janus_get_http_uri (janus),
                                  "{\"janus\":\"create\",\"transaction\":\"t1\"}", &reply),
                    ==, 200);
  session_id = json_int_member (reply, "id");
  g_assert_cmpint (session_id, >, 0);
  g_clear_pointer (&reply, g_free);
  session_uri = g_strdup_printf ("%s/%" G_GINT64_FORMAT, jc_local_janus_get_http_uri (janus), session_id);
  g_assert_cmpuint (http_request ("POST", session_uri,
                                  "{\"janus\":\"attach\",\"plugin\":\"janus.plugin.videoroom\","
                                  "\"transaction\":\"t2\"}",
                                  &reply),
                    ==, 200);
  handle_id = json_int_member (reply, "id");
  g_assert_cmpint (handle_id, >, 0);
  g_clear_pointer (&reply, g_free);
  handle_uri = g_strdup_printf ("%s/%" G_GINT64_FORMAT, session_uri, handle_id);
  g_assert_cmpuint (http_request ("POST", handle_uri,
                                  "{\"janus\":\"message\",\"transaction\":\"t3\","
                                  "\"body\":{\"request\":\"create\",\"room\":\"jc-string-room\"}}",
                                  &reply),
                    ==, 200);
  g_test_message ("%s", reply);
  g_assert_nonnull (strstr (reply, "\"videoroom\":\"created\""));
  g_assert_nonnull (strstr (reply, "\"room\":\"jc-string-room\""));

  stop_and_check_gone (janus);
}

/* Janus goes on with a plugin's defaults when its .jcfg does not parse:
 * the launcher reads the log and fails. */
static void
test_bad_plugin_config (void)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;

  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_plugin_config (janus, "janus.plugin.videoroom", "  this is not { valid");
  g_assert_false (jc_local_janus_start (janus, START_TIMEOUT_MS, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "janus.plugin.videoroom"));
  g_assert_nonnull (strstr (error->message, "this is not { valid"));
  g_assert_false (jc_local_janus_is_running (janus));
  g_assert_null (jc_local_janus_get_work_dir (janus));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/local-janus/auto", test_auto);
  g_test_add_func ("/local-janus/loopback", test_loopback);
  g_test_add_func ("/local-janus/settings", test_settings);
  g_test_add_func ("/local-janus/early-exit", test_early_exit);
  g_test_add_func ("/local-janus/bad-config", test_bad_config);
  g_test_add_func ("/local-janus/plugin-config", test_plugin_config);
  g_test_add_func ("/local-janus/bad-plugin-config", test_bad_plugin_config);
  g_test_add_func ("/local-janus/missing-binary", test_missing_binary);
  g_test_add_func ("/local-janus/namespace/two", test_namespace_two);
  g_test_add_func ("/local-janus/namespace/stale", test_namespace_stale);
  g_test_add_func ("/local-janus/namespace/not-root", test_namespace_not_root);

  return g_test_run ();
}

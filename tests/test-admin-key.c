/* test-admin-key.c: plugin admin keys — `create` on a VideoRoom and a
 * TextRoom locked with `admin_key`, through the CLI (--admin-key and
 * JANUS_CLIENT_ADMIN_KEY) and the library, against a real private Janus
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The codes are what Janus 1.1.2 answers: a missing key is the plugin's
 * "missing mandatory element" (VideoRoom 429, TextRoom 413), a wrong one
 * its "unauthorized" (VideoRoom 433, TextRoom 419).
 */
#include <string.h>

#include "jc-json-private.h"
#include "jc-local-janus.h"
#include "jc-test-util.h"

#define ADMIN_KEY "adm1n-k3y-0f-th3-t3st"
#define ENV_NAME "JANUS_CLIENT_ADMIN_KEY"

static JcLocalJanus *janus;

typedef struct
{
  const char *command; /* the CLI's command word */
  int missing;         /* the plugin's code for a create without the key */
  int unauthorized;    /* … and with a wrong key */
} Plugin;

static const Plugin videoroom = { "videoroom", JC_VIDEO_ROOM_ERROR_MISSING_ELEMENT, JC_VIDEO_ROOM_ERROR_UNAUTHORIZED };
static const Plugin textroom = { "textroom", JC_TEXT_ROOM_ERROR_MISSING_ELEMENT, JC_TEXT_ROOM_ERROR_UNAUTHORIZED };

static guint64
fresh_room (void)
{
  static guint64 next = 0;

  if (next == 0)
    next = 7000000 + (guint64) g_random_int_range (0, 1000000) * 10;
  return next++;
}

/* Runs `--server URI --json [-v] COMMAND create --room N ARGS…` with
 * JANUS_CLIENT_ADMIN_KEY set to @env (NULL: unset). */
static void
run_create (JcTestCliRun *run, const Plugin *plugin, const char *env, gboolean verbose, guint64 room, const char *arg1, const char *arg2)
{
  g_autofree char *room_text = g_strdup_printf ("%" G_GUINT64_FORMAT, room);
  const char *prefix[] = { "--server", jc_local_janus_get_ws_uri (janus), "--json", verbose ? "-v" : NULL, NULL };
  const char *args[] = { plugin->command, "create", "--room", room_text, arg1, arg2, NULL };

  if (env != NULL)
    g_setenv (ENV_NAME, env, TRUE);
  else
    g_unsetenv (ENV_NAME);
  jc_test_cli_runv (run, NULL, prefix, args);
  g_unsetenv (ENV_NAME);
}

static JsonObject *
single_line (const char *out)
{
  g_autofree char *line = g_strdup (out);

  g_assert_true (g_str_has_suffix (line, "\n"));
  g_strchomp (line);
  g_assert_null (strchr (line, '\n'));
  return jc_test_json (line);
}

static void
assert_error_line (const JcTestCliRun *run, int code)
{
  g_autoptr (JsonObject) line = single_line (run->out);
  JsonObject *error = NULL;
  gint64 got = 0;

  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (jc_json_get_object (line, "error", &error, NULL));
  g_assert_true (jc_json_lookup_int (error, "code", &got));
  g_assert_cmpint (got, ==, code);
  g_assert_cmpstr (jc_json_lookup_string (error, "domain"), ==, "plugin");
}

static void
assert_created (const JcTestCliRun *run, guint64 room)
{
  g_autoptr (JsonObject) line = single_line (run->out);
  guint64 got = 0;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (jc_json_lookup_id (line, "room", &got));
  g_assert_cmpuint (got, ==, room);
}

static void
assert_no_key (const JcTestCliRun *run)
{
  g_assert_null (strstr (run->out, ADMIN_KEY));
  g_assert_null (strstr (run->err, ADMIN_KEY));
}

static void
test_missing (gconstpointer data)
{
  const Plugin *plugin = data;
  g_auto (JcTestCliRun) run = { 0 };
  g_auto (JcTestCliRun) empty = { 0 };

  run_create (&run, plugin, NULL, FALSE, fresh_room (), NULL, NULL);
  assert_error_line (&run, plugin->missing);
  g_assert_nonnull (strstr (run.out, "admin_key"));

  /* An empty --admin-key sends none, whatever the environment says. */
  run_create (&empty, plugin, ADMIN_KEY, FALSE, fresh_room (), "--admin-key", "");
  assert_error_line (&empty, plugin->missing);
}

static void
test_wrong (gconstpointer data)
{
  const Plugin *plugin = data;
  g_auto (JcTestCliRun) run = { 0 };
  g_auto (JcTestCliRun) env = { 0 };

  run_create (&run, plugin, NULL, FALSE, fresh_room (), "--admin-key", "not-the-key");
  assert_error_line (&run, plugin->unauthorized);
  run_create (&env, plugin, "not-the-key", FALSE, fresh_room (), NULL, NULL);
  assert_error_line (&env, plugin->unauthorized);
}

static void
test_option (gconstpointer data)
{
  const Plugin *plugin = data;
  g_auto (JcTestCliRun) run = { 0 };
  g_auto (JcTestCliRun) wins = { 0 };
  guint64 room = fresh_room (), other = fresh_room ();

  run_create (&run, plugin, NULL, FALSE, room, "--admin-key", ADMIN_KEY);
  assert_created (&run, room);
  /* The option wins over the environment. */
  run_create (&wins, plugin, "not-the-key", FALSE, other, "--admin-key", ADMIN_KEY);
  assert_created (&wins, other);
}

static void
test_env (gconstpointer data)
{
  const Plugin *plugin = data;
  g_auto (JcTestCliRun) run = { 0 };
  guint64 room = fresh_room ();

  run_create (&run, plugin, ADMIN_KEY, FALSE, room, NULL, NULL);
  assert_created (&run, room);
}

/* -v logs every message, the create with its admin_key redacted; the key
 * itself appears nowhere, from the option or from the environment, on
 * success and on failure. */
static void
test_verbose_redacted (gconstpointer data)
{
  const Plugin *plugin = data;
  g_auto (JcTestCliRun) option = { 0 };
  g_auto (JcTestCliRun) env = { 0 };
  g_auto (JcTestCliRun) failed = { 0 };
  guint64 room = fresh_room (), other = fresh_room ();

  run_create (&option, plugin, NULL, TRUE, room, "--admin-key", ADMIN_KEY);
  assert_created (&option, room);
  assert_no_key (&option);
  g_assert_nonnull (strstr (option.err, "\"admin_key\":\"[redacted]\""));
  g_assert_nonnull (strstr (option.err, "\"request\":\"create\""));

  run_create (&env, plugin, ADMIN_KEY, TRUE, other, NULL, NULL);
  assert_created (&env, other);
  assert_no_key (&env);
  g_assert_nonnull (strstr (env.err, "\"admin_key\":\"[redacted]\""));

  /* A wrong key is a secret too (it may be a key of another server). */
  run_create (&failed, plugin, NULL, TRUE, fresh_room (), "--admin-key", ADMIN_KEY "-typo");
  assert_error_line (&failed, plugin->unauthorized);
  assert_no_key (&failed);
}

/* The library: JcTextRoomRequest's admin_key, and the codes. */
static guint64
library_create (JcTextRoom *tr, const char *key, GError **error)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  jc_text_room_request_set_admin_key (options, key);
  jc_text_room_create_async (tr, 0, options, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  return jc_text_room_create_finish (tr, result, error);
}

static void
test_textroom_library (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcTextRoom) tr = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  guint64 room;

  g_assert_no_error (error);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  jc_text_room_attach_async (session, NULL, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  tr = jc_text_room_attach_finish (result, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (library_create (tr, NULL, &error), ==, 0);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  g_assert_cmpuint (library_create (tr, "wrong", &error), ==, 0);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  room = library_create (tr, ADMIN_KEY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (room, >, 0);

  jc_test_destroy (session, &error);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  const Plugin *plugins[] = { &videoroom, &textroom };
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_unsetenv (ENV_NAME);

  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_plugin_config (janus, "janus.plugin.videoroom", "  admin_key = \"" ADMIN_KEY "\"");
  jc_local_janus_set_plugin_config (janus, "janus.plugin.textroom", "  admin_key = \"" ADMIN_KEY "\"");
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);

  for (gsize i = 0; i < G_N_ELEMENTS (plugins); i++)
    {
      const char *name = plugins[i]->command;
      g_autofree char *missing = g_strdup_printf ("/admin-key/%s/missing", name);
      g_autofree char *wrong = g_strdup_printf ("/admin-key/%s/wrong", name);
      g_autofree char *option = g_strdup_printf ("/admin-key/%s/option", name);
      g_autofree char *env = g_strdup_printf ("/admin-key/%s/env", name);
      g_autofree char *verbose = g_strdup_printf ("/admin-key/%s/verbose-redacted", name);

      g_test_add_data_func (missing, plugins[i], test_missing);
      g_test_add_data_func (wrong, plugins[i], test_wrong);
      g_test_add_data_func (option, plugins[i], test_option);
      g_test_add_data_func (env, plugins[i], test_env);
      g_test_add_data_func (verbose, plugins[i], test_verbose_redacted);
    }
  g_test_add_func ("/admin-key/textroom/library", test_textroom_library);

  ret = g_test_run ();
  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  return ret;
}

/* jc-cmd-info.c: `janus-client info`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>

#include "jc-cli.h"

static const char *
yes_no (int value)
{
  return value < 0 ? "?" : value ? "yes"
                                 : "no";
}

static void
print_seconds (const char *label, JsonObject *info, const char *member)
{
  gint64 seconds = jc_cli_json_int (info, member, -1);

  if (seconds < 0)
    return;
  if (seconds == 0)
    g_print ("  %-22s none\n", label);
  else
    g_print ("  %-22s %" G_GINT64_FORMAT " s\n", label, seconds);
}

static void
print_string (const char *label, JsonObject *info, const char *member)
{
  const char *value = jc_cli_json_string (info, member);

  if (value != NULL && value[0] != '\0')
    g_print ("  %-22s %s\n", label, value);
}

static void
print_bool (const char *label, JsonObject *info, const char *member)
{
  int value = jc_cli_json_bool (info, member);

  if (value >= 0)
    g_print ("  %-22s %s\n", label, yes_no (value));
}

/* transports, plugins, events, loggers: name → {name, version_string, …} */
static void
print_modules (const char *title, JsonObject *info, const char *member)
{
  JsonObject *modules = jc_cli_json_object (info, member);
  g_autoptr (GList) names = NULL;

  if (modules == NULL || json_object_get_size (modules) == 0)
    return;
  names = g_list_sort (json_object_get_members (modules), (GCompareFunc) g_strcmp0);
  g_print ("%s (%u):\n", title, json_object_get_size (modules));
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *module = jc_cli_json_object (modules, l->data);
      const char *name = jc_cli_json_string (module, "name");
      const char *version = jc_cli_json_string (module, "version_string");

      g_print ("  %-28s %s%s%s%s\n", (const char *) l->data, name != NULL ? name : "",
               version != NULL ? " (" : "", version != NULL ? version : "", version != NULL ? ")" : "");
    }
}

static void
print_summary (JcClient *client, JsonObject *info)
{
  const char *name = jc_cli_json_string (info, "name");
  const char *version_string = jc_cli_json_string (info, "version_string");
  gint64 version = jc_cli_json_int (info, "version", -1);

  g_print ("%s %s", name != NULL ? name : "Janus", version_string != NULL ? version_string : "");
  if (version >= 0)
    g_print (" (version %" G_GINT64_FORMAT ")", version);
  g_print (" at %s\n", jc_client_get_uri (client));
  print_string ("server name:", info, "server-name");
  print_string ("author:", info, "author");
  print_string ("commit:", info, "commit-hash");
  print_string ("compiled:", info, "compile-time");
  print_bool ("accepting sessions:", info, "accepting-new-sessions");
  print_seconds ("session timeout:", info, "session-timeout");
  print_seconds ("reclaim timeout:", info, "reclaim-session-timeout");
  print_seconds ("candidates timeout:", info, "candidates-timeout");
  print_bool ("API secret:", info, "api_secret");
  print_bool ("token auth:", info, "auth_token");
  print_bool ("event handlers:", info, "event_handlers");
  print_bool ("data channels:", info, "data_channels");
  print_string ("local IP:", info, "local-ip");
  print_bool ("IPv6:", info, "ipv6");
  print_bool ("ICE lite:", info, "ice-lite");
  print_bool ("ICE TCP:", info, "ice-tcp");
  print_bool ("full trickle:", info, "full-trickle");
  print_bool ("mDNS:", info, "mdns-enabled");
  print_modules ("Transports", info, "transports");
  print_modules ("Plugins", info, "plugins");
  print_modules ("Event handlers", info, "events");
  print_modules ("Loggers", info, "loggers");
}

int
jc_cmd_info (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = jc_cli_parse_command (opts, "info", "",
                                 "Print the server's info reply: name, version, transports, plugins, "
                                 "timeouts.\nWith --json: the reply as Janus sends it, minus its "
                                 "transaction.",
                                 NULL, &argc, &argv);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (argc > 1)
    return jc_cli_usage_error (opts, "info takes no arguments (got “%s”); see janus-client info --help",
                               argv[1]);

  client = jc_cli_connect (opts, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error);
  if (client == NULL)
    return jc_cli_fail (opts, error);

  waiter = jc_cli_waiter_new ();
  jc_client_info_async (client, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  info = jc_client_info_finish (client, result, &error);
  if (info == NULL)
    {
      jc_client_close (client);
      return jc_cli_fail (opts, error);
    }

  if (opts->json)
    jc_cli_print_json_object (opts, info);
  else
    print_summary (client, info);
  fflush (stdout);
  jc_client_close (client);
  return JC_CLI_EXIT_OK;
}

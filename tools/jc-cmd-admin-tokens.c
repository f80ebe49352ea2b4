/* jc-cmd-admin-tokens.c: `janus-client admin tokens`, `add-token`,
 * `allow-token` and `disallow-token`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>

#include "jc-cmd-admin-private.h"

/* "a,b,,c" → {"a", "b", "c"}; NULL for NULL. */
static char **
split_list (const char *text)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, ",", -1);
  builder = g_strv_builder_new ();
  for (gsize i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/* Tokens */

static void
print_tokens (JcCliOptions *opts, GPtrArray *tokens)
{
  if (opts->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "tokens");
      json_builder_begin_array (builder);
      for (guint i = 0; i < tokens->len; i++)
        {
          JcAdminToken *token = g_ptr_array_index (tokens, i);
          const char *const *plugins = jc_admin_token_get_plugins (token);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "token");
          json_builder_add_string_value (builder, jc_admin_token_get_token (token));
          json_builder_set_member_name (builder, "allowed_plugins");
          json_builder_begin_array (builder);
          for (gsize p = 0; plugins[p] != NULL; p++)
            json_builder_add_string_value (builder, plugins[p]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jc_cli_print_json_node (opts, root);
      return;
    }
  if (tokens->len == 0)
    {
      g_print ("No stored tokens\n");
      return;
    }
  g_print ("%-36s %s\n", "TOKEN", "ALLOWED PLUGINS");
  for (guint i = 0; i < tokens->len; i++)
    {
      JcAdminToken *token = g_ptr_array_index (tokens, i);
      g_autofree char *plugins = g_strjoinv (", ", (char **) jc_admin_token_get_plugins (token));

      g_print ("%-36s %s\n", jc_admin_token_get_token (token), plugins[0] != '\0' ? plugins : "(none)");
    }
  g_print ("(%u token%s)\n", tokens->len, tokens->len == 1 ? "" : "s");
  fflush (stdout);
}

int
jc_cmd_admin_tokens (JcCliOptions *opts, int argc, char **argv)
{
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) tokens = NULL;
  g_autoptr (GError) error = NULL;

  PARSE ("tokens", "",
         "List the stored tokens and the plugins each may use (needs token_auth).\n"
         "With --json: {\"tokens\": [{\"token\": …, \"allowed_plugins\": […]}]}.",
         NULL, 0, 0);
  CONNECT ();
  jc_admin_list_tokens_async (admin, opts->cancellable, jc_cli_waiter_callback, waiter);
  result = WAIT (waiter);
  tokens = jc_admin_list_tokens_finish (admin, result, &error);
  if (tokens == NULL)
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  print_tokens (opts, tokens);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

typedef enum
{
  TOKEN_ADD,
  TOKEN_ALLOW,
  TOKEN_DISALLOW,
} TokenAction;

static int
token_command (JcCliOptions *opts, int argc, char **argv, TokenAction action)
{
  static const char *const names[] = { "add-token", "allow-token", "disallow-token" };
  static const char *const summaries[] = {
    "Add a stored token, for all plugins or those given with --plugins.",
    "Let a stored token use more plugins.",
    "Stop a stored token from using some plugins.",
  };
  const char *name = names[action];
  g_autoptr (JcAdmin) admin = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *plugins_text = NULL;
  g_autofree char *prg = g_strdup_printf ("admin %s", name);
  g_auto (GStrv) plugins = NULL;
  g_auto (GStrv) allowed = NULL;
  const GOptionEntry entries[] = {
    { "plugins", 0, 0, G_OPTION_ARG_STRING, &plugins_text, "Comma-separated plugin package names", "P,…" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = jc_cli_parse_command (opts, prg, "TOKEN", summaries[action], entries, &argc, &argv);
  if (status == JC_CLI_EXIT_OK)
    status = jc_cmd_admin_check_args (opts, name, argc, argv, 1, 1);
  if (status != JC_CLI_EXIT_OK)
    return status;
  plugins = split_list (plugins_text);
  if (action != TOKEN_ADD && (plugins == NULL || plugins[0] == NULL))
    return jc_cli_usage_error (opts, "admin %s needs --plugins P,…", name);
  CONNECT ();
  switch (action)
    {
    case TOKEN_ADD:
      jc_admin_add_token_async (admin, argv[1], (const char *const *) plugins, opts->cancellable,
                                jc_cli_waiter_callback, waiter);
      result = WAIT (waiter);
      allowed = jc_admin_add_token_finish (admin, result, &error);
      break;
    case TOKEN_ALLOW:
      jc_admin_allow_token_async (admin, argv[1], (const char *const *) plugins, opts->cancellable,
                                  jc_cli_waiter_callback, waiter);
      result = WAIT (waiter);
      allowed = jc_admin_allow_token_finish (admin, result, &error);
      break;
    case TOKEN_DISALLOW:
    default:
      jc_admin_disallow_token_async (admin, argv[1], (const char *const *) plugins, opts->cancellable,
                                     jc_cli_waiter_callback, waiter);
      result = WAIT (waiter);
      allowed = jc_admin_disallow_token_finish (admin, result, &error);
      break;
    }
  if (allowed == NULL)
    return jc_cmd_admin_finish_with_error (opts, admin, error);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();
      JsonArray *array = json_array_new ();

      for (gsize i = 0; allowed[i] != NULL; i++)
        json_array_add_string_element (array, allowed[i]);
      json_object_set_string_member (out, "token", argv[1]);
      json_object_set_array_member (out, "allowed_plugins", array);
      jc_cli_print_json_object (opts, out);
    }
  else
    {
      g_autofree char *list = g_strjoinv (", ", allowed);

      g_print ("token %s may use: %s\n", argv[1], list[0] != '\0' ? list : "(no plugin)");
    }
  fflush (stdout);
  jc_admin_close (admin);
  return JC_CLI_EXIT_OK;
}

int
jc_cmd_admin_add_token (JcCliOptions *opts, int argc, char **argv)
{
  return token_command (opts, argc, argv, TOKEN_ADD);
}

int
jc_cmd_admin_allow_token (JcCliOptions *opts, int argc, char **argv)
{
  return token_command (opts, argc, argv, TOKEN_ALLOW);
}

int
jc_cmd_admin_disallow_token (JcCliOptions *opts, int argc, char **argv)
{
  return token_command (opts, argc, argv, TOKEN_DISALLOW);
}

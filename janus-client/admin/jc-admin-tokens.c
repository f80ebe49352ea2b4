/* jc-admin-tokens.c: the stored-token requests of the Admin API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-admin-private.h"
#include "jc-error.h"
#include "jc-json-private.h"

/* Reading arrays of the reply: every element is checked, none coerced. */

/* NULL-terminated; NULL with JC_ERROR_PROTOCOL when an element is not a string. */
static char **
read_string_array (JsonArray *array, const char *member, GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          jc_set_protocol_error (error, "Janus sent a “%s” whose element %u is not a string", member, i);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

static JsonArray *
new_string_array (const char *const *strings)
{
  JsonArray *array = json_array_new ();

  for (gsize i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

/* Stored tokens */

/**
 * JcAdminToken:
 *
 * A stored token and the plugins it may use, as
 * [method@Admin.list_tokens_async] returns them.
 */
struct _JcAdminToken
{
  char *token;    /* (owned) */
  char **plugins; /* (owned) (array zero-terminated=1) */
};

G_DEFINE_BOXED_TYPE (JcAdminToken, jc_admin_token, jc_admin_token_copy, jc_admin_token_free)

/**
 * jc_admin_token_new:
 * @token: the token
 * @plugins: (nullable) (array zero-terminated=1): the package names of
 *   the plugins it may use
 *
 * Creates a token description.
 *
 * Returns: (transfer full): a new token description
 */
JcAdminToken *
jc_admin_token_new (const char *token, const char *const *plugins)
{
  JcAdminToken *self;

  g_return_val_if_fail (token != NULL, NULL);

  self = g_new0 (JcAdminToken, 1);
  self->token = g_strdup (token);
  self->plugins = plugins != NULL ? g_strdupv ((char **) plugins) : g_new0 (char *, 1);
  return self;
}

/**
 * jc_admin_token_copy:
 * @self: a token description
 *
 * Copies a token description.
 *
 * Returns: (transfer full): a copy of @self
 */
JcAdminToken *
jc_admin_token_copy (const JcAdminToken *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return jc_admin_token_new (self->token, (const char *const *) self->plugins);
}

/**
 * jc_admin_token_free:
 * @self: (nullable): a token description
 *
 * Frees a token description.
 */
void
jc_admin_token_free (JcAdminToken *self)
{
  if (self == NULL)
    return;
  g_free (self->token);
  g_strfreev (self->plugins);
  g_free (self);
}

/**
 * jc_admin_token_get_token:
 * @self: a token description
 *
 * Gets the token itself (a secret: do not log it).
 *
 * Returns: (transfer none): the token
 */
const char *
jc_admin_token_get_token (const JcAdminToken *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->token;
}

/**
 * jc_admin_token_get_plugins:
 * @self: a token description
 *
 * Gets the package names of the plugins the token may use.
 *
 * Returns: (transfer none) (array zero-terminated=1): the plugins the
 *   token may use
 */
const char *const *
jc_admin_token_get_plugins (const JcAdminToken *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *const *) self->plugins;
}

static void
token_request (JcAdmin *self,
               const char *verb,
               const char *token,
               const char *const *plugins,
               gpointer source_tag,
               const char *name,
               GCancellable *cancellable,
               GAsyncReadyCallback callback,
               gpointer user_data)
{
  JsonObject *request = jc_admin_new_request (verb, 0, 0);

  json_object_set_string_member (request, "token", token);
  if (plugins != NULL && plugins[0] != NULL)
    json_object_set_array_member (request, "plugins", new_string_array (plugins));
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT, source_tag, name, cancellable,
                 callback, user_data);
}

/* {"data": {"plugins": [names]}} */
static char **
finish_token_plugins (JcAdmin *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_autoptr (JsonObject) reply = jc_admin_call_finish (self, result, source_tag, error);
  JsonObject *data;
  JsonArray *plugins;

  if (reply == NULL || !jc_json_get_object (reply, "data", &data, error))
    return NULL;
  plugins = jc_json_lookup_array (data, "plugins");
  if (plugins == NULL)
    {
      jc_set_protocol_error (error, "Janus sent no valid “plugins” (want an array of names)");
      return NULL;
    }
  return read_string_array (plugins, "plugins", error);
}

/**
 * jc_admin_add_token_async:
 * @self: an admin connection
 * @token: the new token
 * @plugins: (nullable) (array zero-terminated=1): the package names of
 *   the plugins it may use; %NULL or empty for all of them
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugins the token may use
 * @user_data: data for @callback
 *
 * Adds a token to a server that runs with `token_auth` and no
 * `token_auth_secret` (`add_token`); clients then send it with
 * [method@Client.set_token]. Janus skips names of plugins it does not
 * have. A server without stored tokens fails with
 * %JC_SERVER_ERROR_UNKNOWN.
 */
void
jc_admin_add_token_async (JcAdmin *self,
                          const char *token,
                          const char *const *plugins,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (token != NULL);

  token_request (self, "add_token", token, plugins, jc_admin_add_token_async,
                 "jc_admin_add_token_async", cancellable, callback, user_data);
}

/**
 * jc_admin_add_token_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.add_token_async].
 *
 * Returns: (transfer full) (array zero-terminated=1): the package names
 *   of the plugins the token may use now
 */
char **
jc_admin_add_token_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return finish_token_plugins (self, result, jc_admin_add_token_async, error);
}

/**
 * jc_admin_list_tokens_async:
 * @self: an admin connection
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the tokens
 * @user_data: data for @callback
 *
 * Lists the stored tokens and the plugins each may use (`list_tokens`).
 * Janus leaves out tokens that may use no plugin.
 */
void
jc_admin_list_tokens_async (JcAdmin *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  jc_admin_call (self, jc_admin_new_request ("list_tokens", 0, 0), "success", JC_TIMEOUT_DEFAULT,
                 jc_admin_list_tokens_async, "jc_admin_list_tokens_async", cancellable, callback,
                 user_data);
}

/**
 * jc_admin_list_tokens_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.list_tokens_async].
 *
 * Returns: (transfer full) (element-type JcAdminToken): the tokens
 */
GPtrArray *
jc_admin_list_tokens_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) reply = jc_admin_call_finish (self, result, jc_admin_list_tokens_async, error);
  g_autoptr (GPtrArray) tokens = NULL;
  JsonObject *data;
  JsonArray *list;

  if (reply == NULL || !jc_json_get_object (reply, "data", &data, error))
    return NULL;
  list = jc_json_lookup_array (data, "tokens");
  if (list == NULL)
    {
      jc_set_protocol_error (error, "Janus sent no valid “tokens” (want an array)");
      return NULL;
    }
  tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_admin_token_free);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *entry;
      JsonArray *allowed;
      const char *token;
      g_auto (GStrv) plugins = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          jc_set_protocol_error (error, "Janus sent a “tokens” whose element %u is not an object", i);
          return NULL;
        }
      entry = json_node_get_object (node);
      if (!jc_json_get_string (entry, "token", &token, error))
        return NULL;
      allowed = jc_json_lookup_array (entry, "allowed_plugins");
      if (allowed == NULL)
        {
          jc_set_protocol_error (error, "Janus sent a token with no valid “allowed_plugins” (want an array)");
          return NULL;
        }
      plugins = read_string_array (allowed, "allowed_plugins", error);
      if (plugins == NULL)
        return NULL;
      g_ptr_array_add (tokens, jc_admin_token_new (token, (const char *const *) plugins));
    }
  return g_steal_pointer (&tokens);
}

/**
 * jc_admin_allow_token_async:
 * @self: an admin connection
 * @token: a stored token
 * @plugins: (array zero-terminated=1): the package names of the plugins
 *   it may use from now on, at least one
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugins the token may use
 * @user_data: data for @callback
 *
 * Lets a stored token use more plugins (`allow_token`). An unknown token
 * fails with %JC_SERVER_ERROR_TOKEN_NOT_FOUND, an unknown plugin with
 * %JC_SERVER_ERROR_INVALID_ELEMENT_TYPE.
 */
void
jc_admin_allow_token_async (JcAdmin *self,
                            const char *token,
                            const char *const *plugins,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (token != NULL);
  g_return_if_fail (plugins != NULL && plugins[0] != NULL);

  token_request (self, "allow_token", token, plugins, jc_admin_allow_token_async,
                 "jc_admin_allow_token_async", cancellable, callback, user_data);
}

/**
 * jc_admin_allow_token_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.allow_token_async].
 *
 * Returns: (transfer full) (array zero-terminated=1): the package names
 *   of the plugins the token may use now
 */
char **
jc_admin_allow_token_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return finish_token_plugins (self, result, jc_admin_allow_token_async, error);
}

/**
 * jc_admin_disallow_token_async:
 * @self: an admin connection
 * @token: a stored token
 * @plugins: (array zero-terminated=1): the package names of the plugins
 *   it may no longer use, at least one
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugins the token may use
 * @user_data: data for @callback
 *
 * Stops a stored token from using some plugins (`disallow_token`):
 * attaching to them with it then fails with
 * %JC_SERVER_ERROR_UNAUTHORIZED_PLUGIN.
 */
void
jc_admin_disallow_token_async (JcAdmin *self,
                               const char *token,
                               const char *const *plugins,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (token != NULL);
  g_return_if_fail (plugins != NULL && plugins[0] != NULL);

  token_request (self, "disallow_token", token, plugins, jc_admin_disallow_token_async,
                 "jc_admin_disallow_token_async", cancellable, callback, user_data);
}

/**
 * jc_admin_disallow_token_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.disallow_token_async].
 *
 * Returns: (transfer full) (array zero-terminated=1): the package names
 *   of the plugins the token may still use
 */
char **
jc_admin_disallow_token_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return finish_token_plugins (self, result, jc_admin_disallow_token_async, error);
}

/**
 * jc_admin_remove_token_async:
 * @self: an admin connection
 * @token: a stored token
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the token is gone
 * @user_data: data for @callback
 *
 * Removes a stored token (`remove_token`): requests that carry it then
 * fail with %JC_SERVER_ERROR_UNAUTHORIZED. Janus 1.1.2 answers an unknown
 * token with %JC_SERVER_ERROR_UNKNOWN.
 */
void
jc_admin_remove_token_async (JcAdmin *self,
                             const char *token,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));
  g_return_if_fail (token != NULL);

  token_request (self, "remove_token", token, NULL, jc_admin_remove_token_async,
                 "jc_admin_remove_token_async", cancellable, callback, user_data);
}

/**
 * jc_admin_remove_token_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.remove_token_async].
 *
 * Returns: %TRUE when Janus removed the token
 */
gboolean
jc_admin_remove_token_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_remove_token_async, error);
}

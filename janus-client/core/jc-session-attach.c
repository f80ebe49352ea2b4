/* jc-session-attach.c: attaching handles to a JcSession
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-handle-private.h"
#include "jc-json-private.h"
#include "jc-session-private.h"

/* attach */

typedef struct
{
  GType handle_type;
  char *plugin;    /* (owned) */
  char *opaque_id; /* (owned) (nullable) */
} AttachData;

static void
attach_data_free (gpointer data)
{
  AttachData *ad = data;

  g_free (ad->plugin);
  g_free (ad->opaque_id);
  g_free (ad);
}

static void
on_attach_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcSession *self = g_task_get_source_object (task);
  AttachData *ad = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);
  JsonObject *data;
  JcHandle *handle;
  guint64 id;
  guint64 *key;

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!jc_json_get_object (reply, "data", &data, &error) || !jc_json_get_id (data, "id", &id, &error))
    {
      g_prefix_error (&error, "Attaching %s: ", ad->plugin);
      g_task_return_error (task, error);
      return;
    }
  if (!self->alive)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_SESSION_DEAD,
                               "Session %" G_GUINT64_FORMAT " died while attaching %s", self->id, ad->plugin);
      return;
    }
  handle = g_object_new (ad->handle_type, "session", self, "id", id, "plugin", ad->plugin,
                         "opaque-id", ad->opaque_id, NULL);
  key = g_new (guint64, 1);
  *key = id;
  g_hash_table_replace (self->handles, key, handle);
  g_task_return_pointer (task, handle, g_object_unref);
}

static void
start_attach (JcSession *self,
              GTask *task_in,
              GType handle_type,
              const char *plugin,
              const char *opaque_id,
              const char *token,
              GCancellable *cancellable)
{
  g_autoptr (GTask) task = task_in;
  AttachData *ad;
  JsonObject *request;

  ad = g_new0 (AttachData, 1);
  ad->handle_type = handle_type;
  ad->plugin = g_strdup (plugin);
  ad->opaque_id = g_strdup (opaque_id);
  g_task_set_task_data (task, ad, attach_data_free);

  if (jc_session_return_if_dead (self, task, "attach"))
    return;

  request = jc_session_new_request (self, "attach");
  json_object_set_string_member (request, "plugin", plugin);
  if (opaque_id != NULL)
    json_object_set_string_member (request, "opaque_id", opaque_id);
  /* A handle's own token wins over the client's stored one. */
  if (token != NULL)
    json_object_set_string_member (request, "token", token);
  jc_client_send_request (self->client, request, JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT, cancellable,
                          on_attach_reply, g_steal_pointer (&task));
}

/**
 * jc_session_attach_with_type_async:
 * @self: a session
 * @handle_type: a subtype of [class@Handle] to instantiate
 * @plugin: the plugin's package name, e.g. `janus.plugin.echotest`
 * @opaque_id: (nullable): an id of the application's choosing that Janus
 *   shows in the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once the handle exists or attaching failed
 * @user_data: data for @callback
 *
 * Like [method@Session.attach_async], but the handle is a @handle_type:
 * this is how plugin classes attach themselves.
 */
void
jc_session_attach_with_type_async (JcSession *self,
                                   GType handle_type,
                                   const char *plugin,
                                   const char *opaque_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_SESSION (self));
  g_return_if_fail (g_type_is_a (handle_type, JC_TYPE_HANDLE));
  g_return_if_fail (plugin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_session_attach_with_type_async);
  g_task_set_name (task, "jc_session_attach_async");
  start_attach (self, task, handle_type, plugin, opaque_id, NULL, cancellable);
}

/**
 * jc_session_attach_full_async:
 * @self: a session
 * @handle_type: a subtype of [class@Handle] to instantiate
 * @plugin: the plugin's package name
 * @opaque_id: (nullable): an opaque id for the Admin API and event handlers
 * @token: (nullable): a token for this handle only (Janus checks it
 *   against the plugins it may use), instead of the client's stored token
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once the handle exists or attaching failed
 * @user_data: data for @callback
 *
 * Attaches with every option: a handle type and a per-handle token. A
 * token that may not use @plugin fails with
 * %JC_SERVER_ERROR_UNAUTHORIZED_PLUGIN.
 */
void
jc_session_attach_full_async (JcSession *self,
                              GType handle_type,
                              const char *plugin,
                              const char *opaque_id,
                              const char *token,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_SESSION (self));
  g_return_if_fail (g_type_is_a (handle_type, JC_TYPE_HANDLE));
  g_return_if_fail (plugin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_session_attach_full_async);
  g_task_set_name (task, "jc_session_attach_full_async");
  start_attach (self, task, handle_type, plugin, opaque_id, token, cancellable);
}

/**
 * jc_session_attach_full_finish:
 * @self: a session
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Session.attach_full_async].
 *
 * Returns: (transfer full): the new handle
 */
JcHandle *
jc_session_attach_full_finish (JcSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_session_attach_full_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jc_session_attach_with_type_finish:
 * @self: a session
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Session.attach_with_type_async].
 *
 * Returns: (transfer full): the new handle
 */
JcHandle *
jc_session_attach_with_type_finish (JcSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_session_attach_with_type_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_attach_forward (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  JcHandle *handle = jc_session_attach_with_type_finish (JC_SESSION (source), result, &error);

  if (handle == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, handle, g_object_unref);
}

void
jc_session_attach_into_task (JcSession *self, GType handle_type, const char *plugin, const char *opaque_id, GTask *task)
{
  jc_session_attach_with_type_async (self, handle_type, plugin, opaque_id, g_task_get_cancellable (task),
                                     on_attach_forward, task);
}

/**
 * jc_session_attach_async:
 * @self: a session
 * @plugin: the plugin's package name, e.g. `janus.plugin.echotest`
 * @opaque_id: (nullable): an id of the application's choosing that Janus
 *   shows in the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once the handle exists or attaching failed
 * @user_data: data for @callback
 *
 * Asks Janus for a new handle on @plugin. An unknown plugin fails with
 * %JC_SERVER_ERROR_PLUGIN_NOT_FOUND.
 */
void
jc_session_attach_async (JcSession *self,
                         const char *plugin,
                         const char *opaque_id,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_SESSION (self));
  g_return_if_fail (plugin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_session_attach_async);
  g_task_set_name (task, "jc_session_attach_async");
  jc_session_attach_into_task (self, JC_TYPE_HANDLE, plugin, opaque_id, task);
}

/**
 * jc_session_attach_finish:
 * @self: a session
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Session.attach_async].
 *
 * Returns: (transfer full): the new handle
 */
JcHandle *
jc_session_attach_finish (JcSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_session_attach_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

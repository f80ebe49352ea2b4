/* jc-streaming-admin.c: the Streaming plugin's mountpoint administration
 * (list, info, create, edit, destroy, recording, enable, disable,
 * kick_all), which the plugin answers synchronously
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-streaming-private.h"

/* list */

static void
list_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  JcStreaming *self = source;
  JsonArray *list = jc_json_lookup_array (data, "list");
  g_autoptr (GString) problems = g_string_new (NULL);
  GPtrArray *infos;

  if (list == NULL)
    {
      jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "Streaming answered list without a “list” array"));
      return;
    }
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_streaming_info_unref);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autoptr (GError) error = NULL;
      JcStreamingInfo *info;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          jc_plugin_add_problem (problems, "entry %u is not an object", i);
          continue;
        }
      info = jc_streaming_info_new_from_json (json_node_get_object (node), "media", problems, &error);
      if (info == NULL)
        jc_plugin_add_problem (problems, "entry %u: %s", i, error->message);
      else
        g_ptr_array_add (infos, info);
    }
  if (problems->len > 0)
    jc_streaming_report (self, "list", problems->str);
  g_task_return_pointer (task, infos, (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

/**
 * jc_streaming_list_async:
 * @self: a Streaming handle
 * @options: (nullable): other fields (none in Janus 1.1.2)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the mountpoints
 * @user_data: data for @callback
 *
 * Lists the public mountpoints (`list`).
 */
void
jc_streaming_list_async (JcStreaming *self,
                         JcStreamingRequest *options,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  static const char *const expect[] = { "list", NULL };

  g_return_if_fail (JC_IS_STREAMING (self));

  jc_streaming_send (self, "list", NULL, options, NULL, NULL, expect, list_hook, jc_streaming_list_async, "list", cancellable,
                     callback, user_data);
}

/**
 * jc_streaming_list_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.list_async]. Malformed entries (no valid
 * id, …) are left out and told through [signal@Streaming::error].
 *
 * Returns: (transfer container) (element-type JcStreamingInfo): the
 *   mountpoints
 */
GPtrArray *
jc_streaming_list_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_streaming_list_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* info, create: one mountpoint in @member of the reply */

static void
one_info (JcStreaming *self, GTask *task, JsonObject *data, const char *member, const char *media_member)
{
  JsonObject *obj = jc_json_lookup_object (data, member);
  g_autoptr (GString) problems = g_string_new (NULL);
  GError *error = NULL;
  JcStreamingInfo *info;

  if (obj == NULL)
    {
      jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "Streaming answered %s without a “%s” object",
                                              g_task_get_name (task), member));
      return;
    }
  info = jc_streaming_info_new_from_json (obj, media_member, problems, &error);
  if (info == NULL)
    {
      g_prefix_error (&error, "Streaming answered %s with ", g_task_get_name (task));
      jc_plugin_fail_task (task, error);
      return;
    }
  if (problems->len > 0)
    jc_streaming_report (self, g_task_get_name (task), problems->str);
  g_task_return_pointer (task, info, (GDestroyNotify) jc_streaming_info_unref);
  g_object_unref (task);
}

static void
info_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  one_info (source, task, data, "info", "media");
}

static void
created_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  one_info (source, task, data, "stream", "ports");
}

/**
 * jc_streaming_info_async:
 * @self: a Streaming handle
 * @id: the mountpoint
 * @options: (nullable): `secret`, for Janus to tell everything (ports,
 *   secret, pin, host)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the mountpoint
 * @user_data: data for @callback
 *
 * Asks about one mountpoint (`info`).
 */
void
jc_streaming_info_async (JcStreaming *self,
                         const JcId *id,
                         JcStreamingRequest *options,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  static const char *const expect[] = { "info", NULL };

  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (id != NULL);

  jc_streaming_send (self, "info", id, options, NULL, NULL, expect, info_hook, jc_streaming_info_async, "info", cancellable,
                     callback, user_data);
}

/**
 * jc_streaming_info_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.info_async].
 *
 * Returns: (transfer full): the mountpoint
 */
JcStreamingInfo *
jc_streaming_info_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_streaming_info_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jc_streaming_create_async:
 * @self: a Streaming handle
 * @mountpoint: what to create
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the new mountpoint
 * @user_data: data for @callback
 *
 * Creates a mountpoint (`create`). A taken id or port fails with
 * %JC_STREAMING_ERROR_CANT_CREATE; with the plugin's `admin_key` set, a
 * missing key with %JC_STREAMING_ERROR_MISSING_ELEMENT and a wrong one
 * with %JC_STREAMING_ERROR_UNAUTHORIZED.
 */
void
jc_streaming_create_async (JcStreaming *self,
                           JcStreamingMountpoint *mountpoint,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  static const char *const expect[] = { "created", NULL };

  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (mountpoint != NULL);

  jc_streaming_send (self, "create", NULL, NULL, jc_streaming_mountpoint_peek_body (mountpoint), NULL, expect, created_hook,
                     jc_streaming_create_async, "create", cancellable, callback, user_data);
}

/**
 * jc_streaming_create_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.create_async].
 *
 * Returns: (transfer full): the mountpoint as Janus created it (the
 *   reply's `stream`): its id, and for RTP mountpoints the port Janus
 *   bound for each stream ([method@StreamingMedia.get_port])
 */
JcStreamingInfo *
jc_streaming_create_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_streaming_create_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Requests answered with a kind and nothing we read. */

static void
simple_send (JcStreaming *self,
             const char *request,
             const JcId *id,
             JcStreamingRequest *options,
             JsonObject *extra,
             const char *reply,
             gpointer source_tag,
             GCancellable *cancellable,
             GAsyncReadyCallback callback,
             gpointer user_data)
{
  static const char *const expect_edited[] = { "edited", NULL };
  static const char *const expect_destroyed[] = { "destroyed", NULL };
  static const char *const expect_ok[] = { "ok", NULL };
  static const char *const expect_kicked[] = { "kicked_all", NULL };
  const char *const *expect = g_str_equal (reply, "edited")       ? expect_edited
                              : g_str_equal (reply, "destroyed")  ? expect_destroyed
                              : g_str_equal (reply, "kicked_all") ? expect_kicked
                                                                  : expect_ok;

  jc_streaming_send (self, request, id, options, extra, NULL, expect, NULL, source_tag, request, cancellable, callback, user_data);
}

/**
 * jc_streaming_edit_async:
 * @self: a Streaming handle
 * @id: the mountpoint
 * @options: (nullable): `secret`, `permanent`, and through set_extra
 *   `new_description`, `new_metadata`, `new_secret`, `new_pin`,
 *   `new_is_private`, `edited_event`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once edited
 * @user_data: data for @callback
 *
 * Edits a mountpoint's description, metadata, secret, pin or privacy
 * (`edit`).
 */
void
jc_streaming_edit_async (JcStreaming *self,
                         const JcId *id,
                         JcStreamingRequest *options,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (id != NULL);

  simple_send (self, "edit", id, options, NULL, "edited", jc_streaming_edit_async, cancellable, callback, user_data);
}

/**
 * jc_streaming_edit_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.edit_async].
 *
 * Returns: %TRUE once edited
 */
gboolean
jc_streaming_edit_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_edit_async, error);
}

/**
 * jc_streaming_destroy_async:
 * @self: a Streaming handle
 * @id: the mountpoint
 * @options: (nullable): `secret`, `permanent`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once destroyed
 * @user_data: data for @callback
 *
 * Destroys a mountpoint (`destroy`); its viewers are stopped. A missing
 * one fails with %JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT.
 */
void
jc_streaming_destroy_async (JcStreaming *self,
                            const JcId *id,
                            JcStreamingRequest *options,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (id != NULL);

  simple_send (self, "destroy", id, options, NULL, "destroyed", jc_streaming_destroy_async, cancellable, callback, user_data);
}

/**
 * jc_streaming_destroy_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.destroy_async].
 *
 * Returns: %TRUE once destroyed
 */
gboolean
jc_streaming_destroy_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_destroy_async, error);
}

/**
 * jc_streaming_recording_async:
 * @self: a Streaming handle
 * @id: the mountpoint
 * @start: %TRUE to start recording, %FALSE to stop
 * @media: (nullable): the drill-down `media` array: `{mid, filename}`
 *   objects to start (filename without `.mjr`), `{mid}` to stop
 * @options: (nullable): `secret`, or the deprecated `audio`/`video`/
 *   `data` fields through set_extra
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Starts or stops recording a live RTP mountpoint to Janus's MJR files
 * (`recording` with `action` start or stop).
 */
void
jc_streaming_recording_async (JcStreaming *self,
                              const JcId *id,
                              gboolean start,
                              JsonArray *media,
                              JcStreamingRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (id != NULL);

  json_object_set_string_member (extra, "action", start ? "start" : "stop");
  if (media != NULL)
    json_object_set_array_member (extra, "media", json_array_ref (media));
  simple_send (self, "recording", id, options, extra, "ok", jc_streaming_recording_async, cancellable, callback, user_data);
}

/**
 * jc_streaming_recording_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.recording_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_streaming_recording_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_recording_async, error);
}

/**
 * jc_streaming_enable_async:
 * @self: a Streaming handle
 * @id: the mountpoint
 * @enable: %TRUE for `enable`, %FALSE for `disable`
 * @options: (nullable): `secret`; for disable, `stop_recording` through
 *   set_extra (sent as %FALSE unless given: Janus 1.1.2 crashes when it
 *   stops the recordings of an RTP mountpoint one of whose streams is
 *   not being recorded, so set it to %TRUE only when every stream is)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Enables or disables a mountpoint (`enable`, `disable`): a disabled
 * one exists but nobody can watch it.
 */
void
jc_streaming_enable_async (JcStreaming *self,
                           const JcId *id,
                           gboolean enable,
                           JcStreamingRequest *options,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (id != NULL);

  /* Janus 1.1.2 crashes on a disable that stops the recordings (its
   * default) of an RTP mountpoint with a stream not recording: it logs
   * the missing recorder's filename. */
  if (!enable && (options == NULL || !jc_json_has_member (jc_streaming_request_peek_body (options), "stop_recording")))
    json_object_set_boolean_member (extra, "stop_recording", FALSE);
  simple_send (self, enable ? "enable" : "disable", id, options, extra, "ok", jc_streaming_enable_async, cancellable, callback,
               user_data);
}

/**
 * jc_streaming_enable_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.enable_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_streaming_enable_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_enable_async, error);
}

/**
 * jc_streaming_kick_all_async:
 * @self: a Streaming handle
 * @id: the mountpoint
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once done
 * @user_data: data for @callback
 *
 * Stops every viewer of a mountpoint (`kick_all`); they may watch again.
 */
void
jc_streaming_kick_all_async (JcStreaming *self,
                             const JcId *id,
                             JcStreamingRequest *options,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (id != NULL);

  simple_send (self, "kick_all", id, options, NULL, "kicked_all", jc_streaming_kick_all_async, cancellable, callback, user_data);
}

/**
 * jc_streaming_kick_all_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.kick_all_async].
 *
 * Returns: %TRUE once done
 */
gboolean
jc_streaming_kick_all_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_kick_all_async, error);
}

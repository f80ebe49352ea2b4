/* jc-plugin.c: the request path every plugin class shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-media-private.h"
#include "jc-plugin-private.h"
#include "jc-session-private.h"

typedef struct
{
  JsonObject *jsep;          /* (owned) (nullable) */
  const JcPluginSpec *spec;  /* (unowned) static */
  const char *const *expect; /* (unowned) static */
  JcPluginReplyHook hook;
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *sd = data;

  g_clear_pointer (&sd->jsep, json_object_unref);
  g_free (sd);
}

const char *const jc_plugin_expect_success[2] = { "success", NULL };

JsonObject *
jc_plugin_body_new (const char *request, JsonObject *options, JsonObject *extra)
{
  JsonObject *body = options != NULL ? jc_json_object_copy (options) : json_object_new ();

  json_object_set_string_member (body, "request", request);
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &member, &node))
        json_object_set_member (body, member, json_node_copy (node));
    }
  return body;
}

void
jc_plugin_return_data (GTask *task, JsonObject *data, JsonObject *jsep)
{
  SendData *sd = g_task_get_task_data (task);

  g_clear_pointer (&sd->jsep, json_object_unref);
  sd->jsep = jsep != NULL ? json_object_ref (jsep) : NULL;
  g_task_return_pointer (task, json_object_ref (data), (GDestroyNotify) json_object_unref);
}

void
jc_plugin_fail_task (GTask *task, GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
on_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  SendData *sd = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (JsonObject) jsep = NULL;
  g_autoptr (JsonObject) data = jc_handle_send_finish (JC_HANDLE (source), result, &jsep, &error);
  const char *what;

  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  what = jc_json_lookup_string (data, sd->spec->member);
  if (sd->expect != NULL && (what == NULL || !g_strv_contains (sd->expect, what)))
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL, "%s answered “%s” to %s", sd->spec->title,
                               what != NULL ? what : "nothing", g_task_get_name (task));
      return;
    }
  if (sd->hook != NULL)
    {
      sd->hook (source, g_steal_pointer (&task), data, jsep);
      return;
    }
  jc_plugin_return_data (task, data, jsep);
}

void
jc_plugin_send (JcHandle *handle,
                const JcPluginSpec *spec,
                JsonObject *body,
                JsonObject *jsep,
                const char *const *expect,
                JcPluginReplyHook hook,
                gpointer source_tag,
                const char *name,
                GCancellable *cancellable,
                GAsyncReadyCallback callback,
                gpointer user_data)
{
  GTask *task = g_task_new (handle, cancellable, callback, user_data);
  g_autoptr (JsonObject) owned_body = body;
  SendData *sd = g_new0 (SendData, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  sd->spec = spec;
  sd->expect = expect;
  sd->hook = hook;
  g_task_set_task_data (task, sd, send_data_free);
  jc_handle_send_async (handle, owned_body, jsep, JC_TIMEOUT_DEFAULT, cancellable, on_sent, task);
}

JsonObject *
jc_plugin_send_finish (JcHandle *handle, GAsyncResult *result, gpointer source_tag, JsonObject **out_jsep, GError **error)
{
  JsonObject *data;

  g_return_val_if_fail (g_task_is_valid (result, handle), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (out_jsep != NULL)
    *out_jsep = NULL;
  data = g_task_propagate_pointer (G_TASK (result), error);
  if (data != NULL && out_jsep != NULL)
    {
      SendData *sd = g_task_get_task_data (G_TASK (result));

      *out_jsep = g_steal_pointer (&sd->jsep);
    }
  return data;
}

gboolean
jc_plugin_finish_ok (JcHandle *handle, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (handle, result, source_tag, NULL, error);

  return data != NULL;
}

void
jc_plugin_add_problem (GString *problems, const char *format, ...)
{
  va_list args;

  if (problems->len > 0)
    g_string_append (problems, "; ");
  va_start (args, format);
  g_string_append_vprintf (problems, format, args);
  va_end (args);
}

gboolean
jc_plugin_check_jsep (const char *title, JsonObject *jsep, const char *type, GError **error)
{
  const char *want = type != NULL ? type : "offer or answer";
  const char *got;
  GstSDPMessage *msg;

  if (jsep == NULL)
    return jc_set_protocol_error (error, "%s sent no JSEP %s", title, want);
  got = jc_json_lookup_string (jsep, "type");
  if (got == NULL)
    return jc_set_protocol_error (error, "%s sent a JSEP with no valid “type” (want %s)", title, want);
  if (type != NULL ? !g_str_equal (got, type) : !g_str_equal (got, "offer") && !g_str_equal (got, "answer"))
    return jc_set_protocol_error (error, "%s sent a JSEP “%s” where it owes an %s", title, got, want);
  if ((msg = jc_sdp_parse_description (jc_json_lookup_string (jsep, "sdp"), error)) == NULL)
    {
      g_prefix_error (error, "%s sent a JSEP %s with ", title, got);
      return FALSE;
    }
  gst_sdp_message_free (msg);
  return TRUE;
}

void
jc_plugin_attach (JcSession *session,
                  GType handle_type,
                  const char *plugin,
                  const char *opaque_id,
                  gpointer source_tag,
                  const char *name,
                  GCancellable *cancellable,
                  GAsyncReadyCallback callback,
                  gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  jc_session_attach_into_task (session, handle_type, plugin, opaque_id, task);
}

gpointer
jc_plugin_attach_finish (GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gpointer
jc_plugin_options_new (void)
{
  JcPluginOptions *self = g_new0 (JcPluginOptions, 1);

  g_atomic_ref_count_init (&self->ref);
  self->body = json_object_new ();
  return self;
}

gpointer
jc_plugin_options_ref (gpointer options)
{
  JcPluginOptions *self = options;

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
jc_plugin_options_unref (gpointer options)
{
  JcPluginOptions *self = options;

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->body);
  g_free (self);
}

JsonObject *
jc_plugin_options_body (gpointer options)
{
  return ((JcPluginOptions *) options)->body;
}

void
jc_plugin_options_set_string (gpointer options, const char *member, const char *value)
{
  JcPluginOptions *self = options;

  if (value != NULL)
    json_object_set_string_member (self->body, member, value);
  else
    json_object_remove_member (self->body, member);
}

void
jc_plugin_options_set_extra (gpointer options, const char *member, JsonNode *value)
{
  json_object_set_member (((JcPluginOptions *) options)->body, member, jc_json_node_deep_copy (value));
}

/* jc-streaming-events.c: JcStreaming's reading of the plugin's results
 * and events, with what was malformed reported through the "error"
 * signal
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Streaming's asynchronous replies and its events are `{"streaming":
 * "event", "result": {…}}`: a `status` (preparing, updating, starting,
 * started, pausing, stopping, stopped, kicked_all), `switched`, the
 * simulcast `substream`/`temporal` or the SVC `spatial_layer`/
 * `temporal_layer` (with the `mid`), or `event: configured`. An error
 * carries `error_code` instead; `edit` with `edited_event` sends viewers
 * `{"streaming": "edited", "id", "metadata"}`.
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-streaming-private.h"

void
jc_streaming_emit_error (JcStreaming *self, const GError *error)
{
  g_signal_emit (self, jc_streaming_signals[ST_SIGNAL_ERROR], 0, error);
}

void
jc_streaming_report (JcStreaming *self, const char *what, const char *problem)
{
  g_autoptr (GError) error = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "Streaming sent a malformed “%s”: %s", what, problem);

  g_debug ("%s", error->message);
  jc_streaming_emit_error (self, error);
}

void
jc_streaming_set_status (JcStreaming *self, JcStreamingStatus status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify (G_OBJECT (self), "status");
  g_signal_emit (self, jc_streaming_signals[ST_SIGNAL_STATUS_CHANGED], 0, status);
}

static const struct
{
  const char *name;
  JcStreamingStatus status;
} statuses[] = {
  { "preparing", JC_STREAMING_STATUS_PREPARING },
  { "updating", JC_STREAMING_STATUS_PREPARING },
  { "starting", JC_STREAMING_STATUS_STARTING },
  { "started", JC_STREAMING_STATUS_STARTED },
  { "pausing", JC_STREAMING_STATUS_PAUSED },
  { "stopping", JC_STREAMING_STATUS_STOPPING },
  { "stopped", JC_STREAMING_STATUS_STOPPED },
  { "kicked_all", JC_STREAMING_STATUS_KICKED },
};

/* A layer member: -1 when absent; FALSE (a problem) when malformed. */
static gboolean
read_layer (JsonObject *result, const char *member, int *out, GString *problems)
{
  gint64 value;

  *out = -1;
  if (!jc_json_has_member (result, member))
    return TRUE;
  if (!jc_json_lookup_int (result, member, &value) || value < 0 || value > 16)
    {
      jc_plugin_add_problem (problems, "“%s” is not a layer number", member);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

gboolean
jc_streaming_take_result (JcStreaming *self, JsonObject *result, const char *what)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  const char *status = jc_json_lookup_string (result, "status");
  const char *mid = NULL;
  gboolean known = FALSE;
  int substream, temporal, spatial, temporal_layer;

  if (jc_json_has_member (result, "mid") && (mid = jc_json_lookup_string (result, "mid")) == NULL)
    jc_plugin_add_problem (problems, "“mid” is not a string");
  if (status != NULL)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (statuses); i++)
        if (g_str_equal (status, statuses[i].name))
          {
            jc_streaming_set_status (self, statuses[i].status);
            if (statuses[i].status == JC_STREAMING_STATUS_STOPPED)
              g_clear_pointer (&self->mountpoint, jc_id_free);
            known = TRUE;
          }
      if (!known)
        jc_plugin_add_problem (problems, "unknown status “%s”", status);
    }
  else if (jc_json_has_member (result, "status"))
    jc_plugin_add_problem (problems, "“status” is not a string");
  else if (jc_json_has_member (result, "switched"))
    {
      g_autoptr (JcId) id = jc_id_lookup (result, "id");

      if (g_strcmp0 (jc_json_lookup_string (result, "switched"), "ok") != 0)
        jc_plugin_add_problem (problems, "“switched” is not “ok”");
      else if (id == NULL)
        jc_plugin_add_problem (problems, "a switch without a valid mountpoint “id”");
      else
        {
          g_clear_pointer (&self->mountpoint, jc_id_free);
          self->mountpoint = jc_id_copy (id);
          g_signal_emit (self, jc_streaming_signals[ST_SIGNAL_SWITCHED], 0, id);
          known = TRUE;
        }
    }
  else if (jc_json_has_member (result, "substream") || jc_json_has_member (result, "temporal"))
    {
      if (read_layer (result, "substream", &substream, problems) && read_layer (result, "temporal", &temporal, problems))
        {
          g_signal_emit (self, jc_streaming_signals[ST_SIGNAL_SIMULCAST], 0, mid, substream, temporal);
          known = TRUE;
        }
    }
  else if (jc_json_has_member (result, "spatial_layer") || jc_json_has_member (result, "temporal_layer"))
    {
      if (read_layer (result, "spatial_layer", &spatial, problems) &&
          read_layer (result, "temporal_layer", &temporal_layer, problems))
        {
          g_signal_emit (self, jc_streaming_signals[ST_SIGNAL_SVC], 0, mid, spatial, temporal_layer);
          known = TRUE;
        }
    }
  else if (g_strcmp0 (jc_json_lookup_string (result, "event"), "configured") == 0)
    known = TRUE;
  else
    jc_plugin_add_problem (problems, "a result with nothing known in it");

  if (problems->len > 0)
    jc_streaming_report (self, what, problems->str);
  return known;
}

/* An offer Janus sends unasked (it does not in 1.1.2, but a restart
 * would look so): answered when there is a peer. */
static void
on_answer_started (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!jc_streaming_start_finish (JC_STREAMING (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_prefix_error (&error, "Cannot answer Streaming's renegotiation: ");
      jc_streaming_emit_error (JC_STREAMING (source), error);
    }
}

static void
on_event_answered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JcStreaming) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) answer = jc_peer_create_answer_finish (JC_PEER (source), result, &error);

  if (answer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_prefix_error (&error, "Cannot answer Streaming's renegotiation: ");
          jc_streaming_emit_error (self, error);
        }
      return;
    }
  jc_streaming_start_async (self, answer, jc_plugin_handle_get_cancellable (self), on_answer_started, NULL);
}

void
jc_streaming_dispatch_event (JcStreaming *self, JsonObject *data, JsonObject *jsep)
{
  const char *kind = jc_json_lookup_string (data, "streaming");
  gint64 code;

  if (jc_json_has_member (data, "error_code"))
    {
      g_autoptr (GError) error = NULL;
      const char *reason = jc_json_lookup_string (data, "error");

      if (!jc_json_lookup_int (data, "error_code", &code) || code <= 0 || code > G_MAXINT)
        {
          jc_streaming_report (self, "error", "“error_code” is not a positive integer");
          return;
        }
      error = g_error_new (JC_PLUGIN_ERROR, (int) code, "Streaming: %s", reason != NULL ? reason : "error without a reason");
      jc_streaming_emit_error (self, error);
      return;
    }
  if (g_strcmp0 (kind, "edited") == 0)
    {
      g_autoptr (JcId) id = jc_id_lookup (data, "id");
      const char *metadata = jc_json_lookup_string (data, "metadata");

      if (id == NULL)
        jc_streaming_report (self, "edited", "no valid mountpoint “id”");
      else if (jc_json_has_member (data, "metadata") && metadata == NULL)
        jc_streaming_report (self, "edited", "“metadata” is not a string");
      else
        g_signal_emit (self, jc_streaming_signals[ST_SIGNAL_EDITED], 0, id, metadata);
      return;
    }
  if (g_strcmp0 (kind, "event") != 0)
    {
      jc_streaming_report (self, kind != NULL ? kind : "event", "not an event of the Streaming plugin");
      return;
    }
  if (jsep != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!jc_plugin_check_jsep ("Streaming", jsep, "offer", &error))
        {
          g_prefix_error (&error, "Dropped an event: ");
          g_debug ("%s", error->message);
          jc_streaming_emit_error (self, error);
          return;
        }
    }
  if (jc_json_has_member (data, "result"))
    {
      JsonObject *result = jc_json_lookup_object (data, "result");

      if (result == NULL)
        {
          jc_streaming_report (self, "event", "“result” is not an object");
          return;
        }
      jc_streaming_take_result (self, result, "event");
    }
  else if (jsep == NULL)
    {
      jc_streaming_report (self, "event", "no “result”");
      return;
    }
  if (jsep != NULL && JC_PLUGIN_PEER (self) != NULL)
    jc_peer_create_answer_async (JC_PLUGIN_PEER (self), jsep, jc_plugin_handle_get_cancellable (self), on_event_answered, g_object_ref (self));
}

/* jc-record-play-events.c: JcRecordPlay's reading of the plugin's
 * events, with what was malformed reported through the "error" signal
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Record&Play 1.1.2 tells on its own: `{"recordplay": "event", "result":
 * "done"}` (a string, when the PeerConnection closed; newer plugins send
 * an object with `status: done` and the id) and `{"result": {"status":
 * "slow_link", "media", "current-bitrate", "uplink"}}`. The statuses that
 * answer our requests come with their transaction, to the request.
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-record-play-private.h"

void
jc_record_play_emit_error (JcRecordPlay *self, const GError *error)
{
  g_signal_emit (self, jc_record_play_signals[RP_SIGNAL_ERROR], 0, error);
}

static void
report (JcRecordPlay *self, const char *what, const char *problem)
{
  g_autoptr (GError) error = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "Record&Play sent a malformed “%s”: %s", what, problem);

  g_debug ("%s", error->message);
  jc_record_play_emit_error (self, error);
}

void
jc_record_play_end (JcRecordPlay *self, gboolean stopped, guint64 id)
{
  if (id == 0)
    id = self->recording_id;
  if (stopped)
    {
      jc_record_play_set_state (self, JC_RECORD_PLAY_STATE_IDLE, id);
      g_signal_emit (self, jc_record_play_signals[RP_SIGNAL_STOPPED], 0, id);
      return;
    }
  if (self->ended)
    {
      g_debug ("Record&Play: a further “done” for what already ended");
      return;
    }
  self->ended = TRUE;
  jc_record_play_set_state (self, JC_RECORD_PLAY_STATE_IDLE, id);
  g_signal_emit (self, jc_record_play_signals[RP_SIGNAL_DONE], 0, id);
}

/* An optional id: absent is 0, malformed a problem. */
static gboolean
read_id (JsonObject *result, guint64 *out, GString *problems)
{
  *out = 0;
  if (!jc_json_has_member (result, "id"))
    return TRUE;
  if (jc_json_lookup_id (result, "id", out))
    return TRUE;
  jc_plugin_add_problem (problems, "“id” is not a recording id (1 to 2^53-1)");
  return FALSE;
}

static void
dispatch_status (JcRecordPlay *self, const char *status, JsonObject *result, JsonObject *jsep)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  guint64 id = 0;

  if (!read_id (result, &id, problems))
    {
      report (self, status, problems->str);
      return;
    }
  if (g_str_equal (status, "done"))
    jc_record_play_end (self, FALSE, id);
  else if (g_str_equal (status, "stopped"))
    jc_record_play_end (self, TRUE, id);
  else if (g_str_equal (status, "slow_link"))
    {
      const char *media = NULL;
      gint64 bitrate = 0;
      gint64 uplink = 0;

      if (jc_json_has_member (result, "media") && (media = jc_json_lookup_string (result, "media")) == NULL)
        jc_plugin_add_problem (problems, "“media” is not a string");
      if (jc_json_has_member (result, "current-bitrate") &&
          (!jc_json_lookup_int (result, "current-bitrate", &bitrate) || bitrate < 0 || bitrate > G_MAXUINT))
        jc_plugin_add_problem (problems, "“current-bitrate” is not a bitrate");
      /* 1.1.2 sends uplink as 0 or 1. */
      if (jc_json_has_member (result, "uplink") && !jc_json_lookup_int (result, "uplink", &uplink))
        {
          gboolean b = FALSE;

          if (jc_json_lookup_bool (result, "uplink", &b))
            uplink = b;
          else
            jc_plugin_add_problem (problems, "“uplink” is not 0 or 1");
        }
      if (problems->len > 0)
        {
          report (self, status, problems->str);
          return;
        }
      g_signal_emit (self, jc_record_play_signals[RP_SIGNAL_SLOW_LINK], 0, media, (guint) bitrate, uplink != 0);
    }
  else if (g_str_equal (status, "paused") || g_str_equal (status, "resumed"))
    {
      gboolean paused = g_str_equal (status, "paused");

      if (self->state == JC_RECORD_PLAY_STATE_RECORDING || self->state == JC_RECORD_PLAY_STATE_PAUSED)
        jc_record_play_set_state (self, paused ? JC_RECORD_PLAY_STATE_PAUSED : JC_RECORD_PLAY_STATE_RECORDING, id);
      g_signal_emit (self, jc_record_play_signals[paused ? RP_SIGNAL_PAUSED : RP_SIGNAL_RESUMED], 0,
                     id != 0 ? id : self->recording_id);
    }
  else
    g_debug ("Record&Play: ignoring an unasked “%s”", status);
}

void
jc_record_play_dispatch_event (JcRecordPlay *self, JsonObject *data, JsonObject *jsep)
{
  JsonNode *node;
  const char *status;

  if (jc_json_has_member (data, "error_code"))
    {
      gint64 code = 0;
      const char *text = jc_json_lookup_string (data, "error");
      g_autoptr (GError) error = NULL;

      if (!jc_json_lookup_int (data, "error_code", &code) || code <= 0 || code > G_MAXINT)
        {
          report (self, "error", "“error_code” is not a positive integer");
          return;
        }
      error = g_error_new (JC_PLUGIN_ERROR, (int) code, "%s answered %d (%s)", JC_RECORD_PLAY_PLUGIN, (int) code,
                           text != NULL ? text : "no reason given");
      jc_record_play_emit_error (self, error);
      return;
    }
  if (g_strcmp0 (jc_json_lookup_string (data, "recordplay"), "event") != 0)
    {
      report (self, "event", "no “recordplay”: “event”");
      return;
    }
  node = json_object_get_member (data, "result");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      /* 1.1.2's "done" */
      if (g_str_equal (json_node_get_string (node), "done"))
        jc_record_play_end (self, FALSE, 0);
      else
        g_debug ("Record&Play: ignoring a result “%s”", json_node_get_string (node));
      return;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, "event", "no “result” object or string");
      return;
    }
  status = jc_json_lookup_string (json_node_get_object (node), "status");
  if (status == NULL)
    {
      report (self, "event", "no “status” string in “result”");
      return;
    }
  dispatch_status (self, status, json_node_get_object (node), jsep);
}

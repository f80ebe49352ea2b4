/* jc-audio-bridge-events.c: JcAudioBridge's reading of the events Janus
 * sends unasked, with what was malformed reported through "error"
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Janus 1.1.2 tells the room: `joined` (someone came: `participants`
 * holds them), `event` with `participants` (someone changed), `leaving`
 * (left), `kicked` or `kicked_all`, `muted` (the whole room), `talking` / `stopped-talking`, `destroyed`, `left`,
 * `announcement-started` / `announcement-stopped`; an error carries
 * `error_code`.
 */
#include "config.h"

#include "jc-audio-bridge-private.h"
#include "jc-error.h"
#include "jc-json-private.h"

void
jc_audio_bridge_emit_error (JcAudioBridge *self, const GError *error)
{
  g_signal_emit (self, jc_audio_bridge_signals[AB_SIGNAL_ERROR], 0, error);
}

static void
report (JcAudioBridge *self, const char *what, const char *problem)
{
  g_autoptr (GError) error = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "AudioBridge sent a malformed “%s”: %s", what, problem);

  g_debug ("%s", error->message);
  jc_audio_bridge_emit_error (self, error);
}

void
jc_audio_bridge_set_membership (JcAudioBridge *self, const JcId *room, const JcId *id, GPtrArray *participants)
{
  g_clear_pointer (&self->room, jc_id_free);
  g_clear_pointer (&self->id, jc_id_free);
  self->room = jc_id_copy (room);
  self->id = jc_id_copy (id);
  g_hash_table_remove_all (self->participants);
  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      JcAudioBridgeParticipant *p = g_ptr_array_index (participants, i);

      g_hash_table_replace (self->participants, jc_id_copy (p->id), jc_audio_bridge_participant_ref (p));
    }
}

void
jc_audio_bridge_clear_membership (JcAudioBridge *self)
{
  g_clear_pointer (&self->room, jc_id_free);
  g_clear_pointer (&self->id, jc_id_free);
  g_hash_table_remove_all (self->participants);
}

/* The event's `room` must be ours (when we are in one); a problem
 * otherwise. */
static gboolean
check_room (JcAudioBridge *self, JsonObject *data, const char *what, GString *problems)
{
  g_autoptr (JcId) room = NULL;

  if (!jc_json_has_member (data, "room"))
    return TRUE;
  if ((room = jc_id_lookup (data, "room")) == NULL)
    {
      jc_plugin_add_problem (problems, "“room” is not a valid room id");
      return FALSE;
    }
  if (self->room != NULL && !jc_id_equal (room, self->room))
    {
      g_autofree char *text = jc_id_to_string (room);

      g_debug ("AudioBridge: “%s” about room %s, not ours: ignored", what, text);
      return FALSE;
    }
  return TRUE;
}

/* joined (others) and event{participants}: each valid entry is told. */
static void
take_participants (JcAudioBridge *self, JsonObject *data, const char *what, gboolean joined)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (GPtrArray) list = NULL;
  JsonArray *array = jc_json_lookup_array (data, "participants");

  if (array == NULL)
    {
      report (self, what, "“participants” is not an array");
      return;
    }
  list = jc_audio_bridge_read_participants (array, self->room, problems);
  if (problems->len > 0)
    report (self, what, problems->str);
  for (guint i = 0; i < list->len; i++)
    {
      JcAudioBridgeParticipant *p = g_ptr_array_index (list, i);
      gboolean known = g_hash_table_contains (self->participants, p->id);

      /* Our own update (muted, display) comes back too: not another's. */
      if (self->id != NULL && jc_id_equal (p->id, self->id))
        continue;
      g_hash_table_replace (self->participants, jc_id_copy (p->id), jc_audio_bridge_participant_ref (p));
      g_signal_emit (self, jc_audio_bridge_signals[joined || !known ? AB_SIGNAL_PARTICIPANT_JOINED : AB_SIGNAL_PARTICIPANT_UPDATED], 0,
                     p);
    }
}

static void
dispatch_event (JcAudioBridge *self, JsonObject *data)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (JcId) id = NULL;

  if (jc_json_has_member (data, "participants"))
    {
      take_participants (self, data, "event", FALSE);
      return;
    }
  if (jc_json_has_member (data, "leaving"))
    {
      if ((id = jc_id_read (data, "leaving", self->room, "participant", problems)) == NULL)
        {
          report (self, "leaving", problems->len > 0 ? problems->str : "no participant id");
          return;
        }
      g_hash_table_remove (self->participants, id);
      g_signal_emit (self, jc_audio_bridge_signals[AB_SIGNAL_PARTICIPANT_LEFT], 0, id);
      return;
    }
  if (jc_json_has_member (data, "kicked") || jc_json_has_member (data, "kicked_all"))
    {
      const char *member = jc_json_has_member (data, "kicked") ? "kicked" : "kicked_all";

      if ((id = jc_id_read (data, member, self->room, "participant", problems)) == NULL)
        {
          report (self, member, problems->str);
          return;
        }
      g_hash_table_remove (self->participants, id);
      if (self->id != NULL && jc_id_equal (id, self->id))
        jc_audio_bridge_clear_membership (self);
      g_signal_emit (self, jc_audio_bridge_signals[AB_SIGNAL_KICKED], 0, id);
      return;
    }
  if (jc_json_has_member (data, "muted"))
    {
      gboolean muted = FALSE;

      if (!jc_json_lookup_bool (data, "muted", &muted))
        {
          report (self, "event", "“muted” is not a boolean");
          return;
        }
      g_signal_emit (self, jc_audio_bridge_signals[AB_SIGNAL_ROOM_MUTED], 0, muted);
      return;
    }
  g_debug ("AudioBridge: ignoring an event with nothing we know");
}

static void
dispatch (JcAudioBridge *self, const char *kind, JsonObject *data)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (JcId) id = NULL;

  if (!check_room (self, data, kind, problems))
    {
      if (problems->len > 0)
        report (self, kind, problems->str);
      return;
    }
  if (g_str_equal (kind, "event"))
    dispatch_event (self, data);
  else if (g_str_equal (kind, "joined"))
    take_participants (self, data, kind, TRUE);
  else if (g_str_equal (kind, "talking") || g_str_equal (kind, "stopped-talking"))
    {
      if ((id = jc_id_read (data, "id", self->room, "participant", problems)) == NULL)
        {
          report (self, kind, problems->len > 0 ? problems->str : "no participant “id”");
          return;
        }
      g_signal_emit (self, jc_audio_bridge_signals[AB_SIGNAL_TALKING], 0, id, g_str_equal (kind, "talking"));
    }
  else if (g_str_equal (kind, "destroyed") || g_str_equal (kind, "left"))
    {
      g_autoptr (JcId) room = jc_id_lookup (data, "room");

      if (room == NULL && self->room != NULL)
        room = jc_id_copy (self->room);
      if (room == NULL)
        {
          report (self, kind, "no valid “room”");
          return;
        }
      jc_audio_bridge_clear_membership (self);
      g_signal_emit (self, jc_audio_bridge_signals[g_str_equal (kind, "left") ? AB_SIGNAL_LEFT : AB_SIGNAL_DESTROYED], 0, room);
    }
  else if (g_str_equal (kind, "announcement-started") || g_str_equal (kind, "announcement-stopped"))
    {
      const char *file_id = jc_json_lookup_string (data, "file_id");

      if (file_id == NULL)
        {
          report (self, kind, "no “file_id” string");
          return;
        }
      g_signal_emit (self, jc_audio_bridge_signals[AB_SIGNAL_ANNOUNCEMENT], 0, file_id, g_str_equal (kind, "announcement-started"));
    }
  else
    g_debug ("AudioBridge: ignoring an event “%s”", kind);
}

void
jc_audio_bridge_dispatch_event (JcAudioBridge *self, JsonObject *data, JsonObject *jsep)
{
  const char *kind;

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
      error = g_error_new (JC_PLUGIN_ERROR, (int) code, "%s answered %d (%s)", JC_AUDIO_BRIDGE_PLUGIN, (int) code,
                           text != NULL ? text : "no reason given");
      jc_audio_bridge_emit_error (self, error);
      return;
    }
  if ((kind = jc_json_lookup_string (data, "audiobridge")) == NULL)
    {
      report (self, "event", "no “audiobridge” string");
      return;
    }
  if (jsep != NULL)
    {
      /* Janus sends a JSEP unasked only for a renegotiation we did not
       * start: none in AudioBridge with our offer. */
      g_autoptr (GError) error = NULL;

      if (!jc_plugin_check_jsep ("AudioBridge", jsep, NULL, &error))
        {
          report (self, kind, error->message);
          return;
        }
      g_debug ("AudioBridge: ignoring an unasked JSEP with “%s”", kind);
    }
  dispatch (self, kind, data);
}

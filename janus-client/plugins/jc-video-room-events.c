/* jc-video-room-events.c: JcVideoRoom's reading of the plugin's events
 * (what Janus tells unasked, and the state replies leave), with what was
 * malformed reported through the "error" signal
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-video-room-private.h"

static gboolean
is_ok (JsonObject *data, const char *member)
{
  return g_strcmp0 (jc_json_lookup_string (data, member), "ok") == 0;
}

static void
report (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  const char *what = jc_json_lookup_string (data, "videoroom");
  g_autoptr (GError) error = NULL;

  if (problems->len == 0)
    return;
  error = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "VideoRoom sent a malformed “%s”: %s", what != NULL ? what : "event",
                       problems->str);
  jc_video_room_emit_error (self, error);
}

void
jc_video_room_label_tracks (JcVideoRoom *self)
{
  if (self->sink == NULL)
    return;
  for (guint i = 0; i < self->streams->len; i++)
    {
      JcVideoRoomStream *stream = g_ptr_array_index (self->streams, i);
      const JcId *feed = jc_video_room_stream_get_feed_id (stream);
      const char *mid = jc_video_room_stream_get_mid (stream);

      if (feed != NULL && mid != NULL)
        {
          g_autofree char *label = jc_id_to_string (feed);

          jc_media_sink_set_track_label (self->sink, mid, label);
        }
    }
}

/* A subscription's streams as Janus describes them now; nothing changes
 * when "streams" is not an array. */
static void
take_streams (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  GPtrArray *streams = jc_video_room_read_streams (data, self->room, problems);

  if (streams == NULL)
    return;
  g_ptr_array_unref (self->streams);
  self->streams = streams;
  jc_video_room_label_tracks (self);
  g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_UPDATED], 0, self->streams);
}

gboolean
jc_video_room_take_streams (JcVideoRoom *self, JsonObject *data, GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);

  if (jc_json_has_member (data, "streams") && jc_json_lookup_array (data, "streams") == NULL)
    return jc_set_protocol_error (error, "VideoRoom sent “streams” that is not an array");
  take_streams (self, data, problems);
  report (self, data, problems);
  return TRUE;
}

static void
take_publishers (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  g_autoptr (GPtrArray) publishers = jc_video_room_read_publishers (data, self->room, problems);

  for (guint i = 0; publishers != NULL && i < publishers->len; i++)
    {
      JcVideoRoomParticipant *p = g_ptr_array_index (publishers, i);

      g_hash_table_replace (self->publishers, jc_id_copy (jc_video_room_participant_get_id (p)),
                            jc_video_room_participant_ref (p));
    }
  if (publishers != NULL && publishers->len > 0)
    g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_PUBLISHERS], 0, publishers);
}

gboolean
jc_video_room_take_join (JcVideoRoom *self, JsonObject *data, gboolean publisher, GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (JcId) room = jc_id_lookup (data, "room");
  g_autoptr (JcId) id = NULL;
  guint64 private_id = 0;

  /* Everything checked before anything changes. */
  if (room == NULL)
    return jc_set_protocol_error (error, "VideoRoom sent no valid “room” on joining");
  if (publisher)
    {
      id = jc_id_lookup_in (data, "id", room);
      if (id == NULL)
        return jc_set_protocol_error (error, "VideoRoom sent no valid participant “id” on joining (want %s, like the room's)",
                                      jc_id_is_string (room) ? "a string" : "an integer between 1 and 2^53-1");
      if (jc_json_has_member (data, "private_id") && !jc_json_lookup_id (data, "private_id", &private_id))
        return jc_set_protocol_error (error, "VideoRoom sent an invalid “private_id” on joining (want an integer between 1 and 2^53-1)");
      if (jc_json_has_member (data, "publishers") && jc_json_lookup_array (data, "publishers") == NULL)
        return jc_set_protocol_error (error, "VideoRoom sent “publishers” that is not an array on joining");
    }
  else if (jc_json_lookup_array (data, "streams") == NULL)
    return jc_set_protocol_error (error, "VideoRoom sent no “streams” array on subscribing");

  jc_id_free (self->room);
  self->room = g_steal_pointer (&room);
  self->subscriber = !publisher;
  if (publisher)
    {
      jc_id_free (self->id);
      self->id = g_steal_pointer (&id);
      self->private_id = private_id;
      g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_JOINED], 0, self->room, self->id);
      take_publishers (self, data, problems);
    }
  else
    {
      take_streams (self, data, problems);
    }
  report (self, data, problems);
  return TRUE;
}

void
jc_video_room_clear_membership (JcVideoRoom *self)
{
  g_clear_pointer (&self->id, jc_id_free);
  self->private_id = 0;
  self->subscriber = FALSE;
  g_hash_table_remove_all (self->publishers);
  g_ptr_array_set_size (self->streams, 0);
}

void
jc_video_room_emit_configured (JcVideoRoom *self, JsonObject *data)
{
  g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_CONFIGURED], 0, data);
}

static void
feed_gone (JcVideoRoom *self, guint signal, JcId *feed, const char *reason)
{
  g_hash_table_remove (self->publishers, feed);
  if (signal == VR_SIGNAL_LEAVING)
    g_signal_emit (self, jc_video_room_signals[signal], 0, feed, reason);
  else
    g_signal_emit (self, jc_video_room_signals[signal], 0, feed);
}

static void
on_error_event (JcVideoRoom *self, JsonObject *data)
{
  const char *text = jc_json_lookup_string (data, "error");
  g_autoptr (GError) error = NULL;
  gint64 code = 0;

  if (!jc_json_lookup_int (data, "error_code", &code) || code <= 0 || code > G_MAXINT)
    error = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "VideoRoom sent an error event with an invalid “error_code”%s%s",
                         text != NULL ? ": " : "", text != NULL ? text : "");
  else
    error = g_error_new (JC_PLUGIN_ERROR, (int) code, "janus.plugin.videoroom sent error %d (%s)", (int) code,
                         text != NULL ? text : "no reason given");
  jc_video_room_emit_error (self, error);
}

/* Simulcast: the layers Janus forwards now, on subscriber handles. */
static void
on_layer_event (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  static const char *const names[] = { "substream", "temporal" };
  int layers[] = { -1, -1 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 value = -1;

      if (!jc_json_has_member (data, names[i]))
        continue;
      if (jc_json_lookup_int (data, names[i], &value) && value >= 0 && value <= 2)
        layers[i] = (int) value;
      else
        jc_plugin_add_problem (problems, "“%s” is not a layer from 0 to 2", names[i]);
    }
  if (layers[0] >= 0 || layers[1] >= 0)
    g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_LAYER_CHANGED], 0, jc_json_lookup_string (data, "mid"), layers[0], layers[1]);
}

static void
on_display_event (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  const char *display = jc_json_lookup_string (data, "display");
  g_autoptr (JcId) id = NULL;
  JcVideoRoomParticipant *known;

  if (display == NULL || (id = jc_id_read (data, "id", self->room, "participant", problems)) == NULL)
    return;
  if ((known = g_hash_table_lookup (self->publishers, id)) != NULL)
    {
      /* A participant of its own: the old one's strings live in its JSON,
       * which others may hold. */
      g_autoptr (JsonObject) json = jc_json_object_copy (jc_video_room_participant_get_json (known));

      json_object_set_string_member (json, "display", display);
      g_hash_table_replace (self->publishers, jc_id_copy (id), jc_video_room_participant_new_from_json (json));
    }
  g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_DISPLAY_CHANGED], 0, id, display);
}

static void
on_plugin_event (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  g_autoptr (JcId) id = NULL;

  if (jc_json_has_member (data, "error_code"))
    {
      on_error_event (self, data);
      return;
    }
  take_publishers (self, data, problems);
  if (!is_ok (data, "unpublished") && (id = jc_id_read (data, "unpublished", self->room, "participant", problems)) != NULL)
    feed_gone (self, VR_SIGNAL_UNPUBLISHED, id, NULL);
  g_clear_pointer (&id, jc_id_free);
  if (is_ok (data, "leaving"))
    {
      /* We were made to leave: kicked, or the room went away. */
      const char *reason = jc_json_lookup_string (data, "reason");

      if (g_strcmp0 (reason, "kicked") == 0 && self->id != NULL)
        g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_KICKED], 0, self->id);
      jc_video_room_clear_membership (self);
    }
  else if ((id = jc_id_read (data, "leaving", self->room, "participant", problems)) != NULL)
    feed_gone (self, VR_SIGNAL_LEAVING, id, jc_json_lookup_string (data, "reason"));
  g_clear_pointer (&id, jc_id_free);
  if ((id = jc_id_read (data, "kicked", self->room, "participant", problems)) != NULL)
    feed_gone (self, VR_SIGNAL_KICKED, id, NULL);
  g_clear_pointer (&id, jc_id_free);
  if (jc_json_has_member (data, "joining"))
    {
      JsonObject *joining = jc_json_lookup_object (data, "joining");

      if (joining != NULL && (id = jc_id_lookup_in (joining, "id", self->room)) != NULL)
        g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_JOINING], 0, id, jc_json_lookup_string (joining, "display"));
      else
        jc_plugin_add_problem (problems, "“joining” has no valid participant “id”");
    }
  if (is_ok (data, "configured"))
    jc_video_room_emit_configured (self, data);
  else if (jc_json_has_member (data, "substream") || jc_json_has_member (data, "temporal"))
    on_layer_event (self, data, problems);
  on_display_event (self, data, problems);
}

static void
on_destroyed (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  g_autoptr (JcId) room = jc_id_lookup_in (data, "room", self->room);

  if (room == NULL)
    {
      jc_plugin_add_problem (problems, "no valid “room”");
      return;
    }
  if (self->room != NULL && !jc_id_equal (room, self->room))
    {
      g_autofree char *which = jc_id_to_string (room);
      g_autofree char *ours = jc_id_to_string (self->room);

      jc_plugin_add_problem (problems, "room %s is not the handle's room (%s)", which, ours);
      return;
    }
  g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_DESTROYED], 0, room);
  jc_video_room_clear_membership (self);
}

/* Handles one plugin event (JcHandle's event vfunc, before chaining up). */
void
jc_video_room_dispatch_event (JcVideoRoom *self, JsonObject *data, JsonObject *jsep)
{
  const char *what = jc_json_lookup_string (data, "videoroom");
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (JcId) id = NULL;

  if (what == NULL)
    jc_plugin_add_problem (problems, "no “videoroom” type");
  else if (g_str_equal (what, "event"))
    on_plugin_event (self, data, problems);
  else if (g_str_equal (what, "talking") || g_str_equal (what, "stopped-talking"))
    {
      if ((id = jc_id_lookup_in (data, "id", self->room)) != NULL)
        g_signal_emit (self, jc_video_room_signals[g_str_equal (what, "talking") ? VR_SIGNAL_TALKING : VR_SIGNAL_STOPPED_TALKING], 0, id,
                       jc_json_lookup_string (data, "mid"));
      else
        jc_plugin_add_problem (problems, "no valid participant “id”");
    }
  else if (g_str_equal (what, "destroyed"))
    on_destroyed (self, data, problems);
  else if (g_str_equal (what, "updated") || g_str_equal (what, "attached"))
    {
      g_autoptr (GError) error = NULL;

      take_streams (self, data, problems);
      /* Janus's own renegotiations (a publisher left): answered when we
       * have the peer, but never with something that is no offer. */
      if (jsep != NULL && JC_PLUGIN_PEER (self) != NULL)
        {
          if (jc_video_room_check_jsep (jsep, "offer", &error))
            jc_video_room_negotiate (self, jsep, NULL, NULL);
          else
            {
              g_prefix_error (&error, "Not answering “%s”: ", what);
              jc_video_room_emit_error (self, error);
            }
        }
    }
  else if (g_str_equal (what, "slow_link"))
    {
      gint64 bitrate = 0;

      if (!jc_json_lookup_int (data, "current-bitrate", &bitrate) || bitrate < 0 || bitrate > G_MAXUINT)
        bitrate = 0;
      g_signal_emit (self, jc_video_room_signals[VR_SIGNAL_SLOW_LINK], 0, (guint) bitrate);
    }
  else
    g_debug ("VideoRoom event “%s” has no typed signal", what);
  report (self, data, problems);
}

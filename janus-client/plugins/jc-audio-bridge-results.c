/* jc-audio-bridge-results.c: the typed results of the AudioBridge's
 * requests and events: rooms, participants, forwarders
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-audio-bridge-private.h"
#include "jc-json-private.h"

/* Reading helpers: absent members are fine, wrong types a problem. */

static const char *
optional_string (JsonObject *obj, const char *member, GString *problems)
{
  const char *value;

  if (!jc_json_has_member (obj, member))
    return NULL;
  if ((value = jc_json_lookup_string (obj, member)) == NULL)
    jc_plugin_add_problem (problems, "“%s” is not a string", member);
  return value;
}

static gboolean
optional_bool (JsonObject *obj, const char *member, GString *problems)
{
  gboolean value = FALSE;

  if (jc_json_has_member (obj, member) && !jc_json_lookup_bool (obj, member, &value))
    jc_plugin_add_problem (problems, "“%s” is not a boolean", member);
  return value;
}

static guint
optional_uint (JsonObject *obj, const char *member, guint max, GString *problems)
{
  gint64 value = 0;

  if (jc_json_has_member (obj, member) && (!jc_json_lookup_int (obj, member, &value) || value < 0 || value > max))
    {
      jc_plugin_add_problem (problems, "“%s” is not a number from 0 to %u", member, max);
      value = 0;
    }
  return (guint) value;
}

/* Participants */

/**
 * JcAudioBridgeParticipant:
 *
 * A participant of an AudioBridge room, as `listparticipants` and the
 * room's events tell it: id, display name, whether muted, talking (when
 * the room reports audio levels) and set up (its PeerConnection is up).
 */

G_DEFINE_BOXED_TYPE (JcAudioBridgeParticipant, jc_audio_bridge_participant, jc_audio_bridge_participant_ref, jc_audio_bridge_participant_unref)

JcAudioBridgeParticipant *
jc_audio_bridge_participant_from_json (JsonObject *obj, const JcId *room, GString *problems)
{
  g_autoptr (GString) mine = g_string_new (NULL);
  g_autoptr (JcId) id = jc_id_read (obj, "id", room, "participant", mine);
  JcAudioBridgeParticipant *self;
  const char *display;
  gboolean muted, talking, setup;

  if (id == NULL && !jc_json_has_member (obj, "id"))
    jc_plugin_add_problem (mine, "no participant “id”");
  display = optional_string (obj, "display", mine);
  muted = optional_bool (obj, "muted", mine);
  talking = optional_bool (obj, "talking", mine);
  setup = optional_bool (obj, "setup", mine);
  if (mine->len > 0)
    {
      jc_plugin_add_problem (problems, "participant dropped: %s", mine->str);
      return NULL;
    }
  self = g_new0 (JcAudioBridgeParticipant, 1);
  g_atomic_ref_count_init (&self->ref);
  self->id = g_steal_pointer (&id);
  self->display = g_strdup (display);
  self->muted = muted;
  self->talking = talking;
  self->setup = setup;
  self->json = jc_json_object_copy (obj);
  return self;
}

GPtrArray *
jc_audio_bridge_read_participants (JsonArray *array, const JcId *room, GString *problems)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_audio_bridge_participant_unref);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JcAudioBridgeParticipant *p;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          jc_plugin_add_problem (problems, "participant %u is not an object", i);
          continue;
        }
      if ((p = jc_audio_bridge_participant_from_json (json_node_get_object (node), room, problems)) != NULL)
        g_ptr_array_add (out, p);
    }
  return out;
}

/**
 * jc_audio_bridge_participant_ref:
 * @self: a participant
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @self
 */
JcAudioBridgeParticipant *
jc_audio_bridge_participant_ref (JcAudioBridgeParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_audio_bridge_participant_unref:
 * @self: (transfer full): a participant
 *
 * Drops a reference.
 */
void
jc_audio_bridge_participant_unref (JcAudioBridgeParticipant *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  jc_id_free (self->id);
  g_free (self->display);
  json_object_unref (self->json);
  g_free (self);
}

/**
 * jc_audio_bridge_participant_get_id:
 * @self: a participant
 *
 * Gets the participant's id.
 *
 * Returns: (transfer none): the id
 */
const JcId *
jc_audio_bridge_participant_get_id (JcAudioBridgeParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * jc_audio_bridge_participant_get_display:
 * @self: a participant
 *
 * Gets the participant's display name.
 *
 * Returns: (nullable): the name, or %NULL when it has none
 */
const char *
jc_audio_bridge_participant_get_display (JcAudioBridgeParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display;
}

/**
 * jc_audio_bridge_participant_is_muted:
 * @self: a participant
 *
 * Tells whether the participant is muted (left out of the mix).
 *
 * Returns: %TRUE when muted
 */
gboolean
jc_audio_bridge_participant_is_muted (JcAudioBridgeParticipant *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->muted;
}

/**
 * jc_audio_bridge_participant_is_talking:
 * @self: a participant
 *
 * Tells whether the participant talks, in rooms that report audio
 * levels.
 *
 * Returns: %TRUE when talking
 */
gboolean
jc_audio_bridge_participant_is_talking (JcAudioBridgeParticipant *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->talking;
}

/**
 * jc_audio_bridge_participant_is_setup:
 * @self: a participant
 *
 * Tells whether the participant's PeerConnection is up.
 *
 * Returns: %TRUE when set up
 */
gboolean
jc_audio_bridge_participant_is_setup (JcAudioBridgeParticipant *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->setup;
}

/**
 * jc_audio_bridge_participant_get_json:
 * @self: a participant
 *
 * Gets the participant as Janus sent it, e.g. for `spatial_position`.
 *
 * Returns: (transfer none): the object
 */
JsonObject *
jc_audio_bridge_participant_get_json (JcAudioBridgeParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

/* Rooms */

struct _JcAudioBridgeRoomInfo
{
  gatomicrefcount ref;
  JcId *room;        /* (owned) */
  char *description; /* (owned) (nullable) */
  guint num_participants;
  guint sampling_rate;
  gboolean pin_required;
  gboolean record;
  JsonObject *json; /* (owned) */
};

/**
 * JcAudioBridgeRoomInfo:
 *
 * A room as `list` tells it.
 */

G_DEFINE_BOXED_TYPE (JcAudioBridgeRoomInfo, jc_audio_bridge_room_info, jc_audio_bridge_room_info_ref, jc_audio_bridge_room_info_unref)

JcAudioBridgeRoomInfo *
jc_audio_bridge_room_info_from_json (JsonObject *obj, GString *problems)
{
  g_autoptr (GString) mine = g_string_new (NULL);
  g_autoptr (JcId) room = jc_id_read (obj, "room", NULL, "room", mine);
  JcAudioBridgeRoomInfo *self;
  const char *description;
  guint num, rate;
  gboolean pin, record;

  if (room == NULL && !jc_json_has_member (obj, "room"))
    jc_plugin_add_problem (mine, "no “room”");
  description = optional_string (obj, "description", mine);
  num = optional_uint (obj, "num_participants", G_MAXINT, mine);
  rate = optional_uint (obj, "sampling_rate", 384000, mine);
  pin = optional_bool (obj, "pin_required", mine);
  record = optional_bool (obj, "record", mine);
  if (mine->len > 0)
    {
      jc_plugin_add_problem (problems, "room dropped: %s", mine->str);
      return NULL;
    }
  self = g_new0 (JcAudioBridgeRoomInfo, 1);
  g_atomic_ref_count_init (&self->ref);
  self->room = g_steal_pointer (&room);
  self->description = g_strdup (description);
  self->num_participants = num;
  self->sampling_rate = rate;
  self->pin_required = pin;
  self->record = record;
  self->json = jc_json_object_copy (obj);
  return self;
}

/**
 * jc_audio_bridge_room_info_ref:
 * @self: a room
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @self
 */
JcAudioBridgeRoomInfo *
jc_audio_bridge_room_info_ref (JcAudioBridgeRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_audio_bridge_room_info_unref:
 * @self: (transfer full): a room
 *
 * Drops a reference.
 */
void
jc_audio_bridge_room_info_unref (JcAudioBridgeRoomInfo *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  jc_id_free (self->room);
  g_free (self->description);
  json_object_unref (self->json);
  g_free (self);
}

/**
 * jc_audio_bridge_room_info_get_room:
 * @self: a room
 *
 * Gets the room's id.
 *
 * Returns: (transfer none): the id
 */
const JcId *
jc_audio_bridge_room_info_get_room (JcAudioBridgeRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->room;
}

/**
 * jc_audio_bridge_room_info_get_description:
 * @self: a room
 *
 * Gets the room's description.
 *
 * Returns: (nullable): the description
 */
const char *
jc_audio_bridge_room_info_get_description (JcAudioBridgeRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

/**
 * jc_audio_bridge_room_info_get_num_participants:
 * @self: a room
 *
 * Gets how many participants are in the room.
 *
 * Returns: the count
 */
guint
jc_audio_bridge_room_info_get_num_participants (JcAudioBridgeRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->num_participants;
}

/**
 * jc_audio_bridge_room_info_get_sampling_rate:
 * @self: a room
 *
 * Gets the mixer's sampling rate.
 *
 * Returns: the rate in Hz, 0 when Janus did not say
 */
guint
jc_audio_bridge_room_info_get_sampling_rate (JcAudioBridgeRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sampling_rate;
}

/**
 * jc_audio_bridge_room_info_is_pin_required:
 * @self: a room
 *
 * Tells whether joining needs a pin.
 *
 * Returns: %TRUE when a pin is required
 */
gboolean
jc_audio_bridge_room_info_is_pin_required (JcAudioBridgeRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->pin_required;
}

/**
 * jc_audio_bridge_room_info_is_recording:
 * @self: a room
 *
 * Tells whether Janus records the room's mix.
 *
 * Returns: %TRUE when recording
 */
gboolean
jc_audio_bridge_room_info_is_recording (JcAudioBridgeRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->record;
}

/**
 * jc_audio_bridge_room_info_get_json:
 * @self: a room
 *
 * Gets the room as Janus sent it.
 *
 * Returns: (transfer none): the object
 */
JsonObject *
jc_audio_bridge_room_info_get_json (JcAudioBridgeRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

/* Forwarders */

struct _JcAudioBridgeForwarder
{
  gatomicrefcount ref;
  guint stream_id;
  char *host; /* (owned) (nullable) */
  guint port;
  char *codec; /* (owned) (nullable) */
  char *group; /* (owned) (nullable) */
  gboolean srtp;
  JsonObject *json; /* (owned) */
};

/**
 * JcAudioBridgeForwarder:
 *
 * An RTP forwarder of a room's mix, as `listforwarders` tells it.
 */

G_DEFINE_BOXED_TYPE (JcAudioBridgeForwarder, jc_audio_bridge_forwarder, jc_audio_bridge_forwarder_ref, jc_audio_bridge_forwarder_unref)

JcAudioBridgeForwarder *
jc_audio_bridge_forwarder_from_json (JsonObject *obj, GString *problems)
{
  g_autoptr (GString) mine = g_string_new (NULL);
  JcAudioBridgeForwarder *self;
  gint64 stream_id = 0;
  const char *host, *codec, *group;
  guint port;
  gboolean srtp;

  if (!jc_json_lookup_int (obj, "stream_id", &stream_id) || stream_id <= 0 || stream_id > G_MAXUINT32)
    jc_plugin_add_problem (mine, "no valid “stream_id”");
  host = optional_string (obj, "ip", mine);
  port = optional_uint (obj, "port", 65535, mine);
  codec = optional_string (obj, "codec", mine);
  group = optional_string (obj, "group", mine);
  srtp = optional_bool (obj, "srtp", mine);
  if (mine->len > 0)
    {
      jc_plugin_add_problem (problems, "forwarder dropped: %s", mine->str);
      return NULL;
    }
  self = g_new0 (JcAudioBridgeForwarder, 1);
  g_atomic_ref_count_init (&self->ref);
  self->stream_id = (guint) stream_id;
  self->host = g_strdup (host);
  self->port = port;
  self->codec = g_strdup (codec);
  self->group = g_strdup (group);
  self->srtp = srtp;
  self->json = jc_json_object_copy (obj);
  return self;
}

/**
 * jc_audio_bridge_forwarder_ref:
 * @self: a forwarder
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @self
 */
JcAudioBridgeForwarder *
jc_audio_bridge_forwarder_ref (JcAudioBridgeForwarder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_audio_bridge_forwarder_unref:
 * @self: (transfer full): a forwarder
 *
 * Drops a reference.
 */
void
jc_audio_bridge_forwarder_unref (JcAudioBridgeForwarder *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->host);
  g_free (self->codec);
  g_free (self->group);
  json_object_unref (self->json);
  g_free (self);
}

/**
 * jc_audio_bridge_forwarder_get_stream_id:
 * @self: a forwarder
 *
 * Gets the forwarder's id, for `stop_rtp_forward`.
 *
 * Returns: the id
 */
guint
jc_audio_bridge_forwarder_get_stream_id (JcAudioBridgeForwarder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stream_id;
}

/**
 * jc_audio_bridge_forwarder_get_host:
 * @self: a forwarder
 *
 * Gets the address the mix goes to (`ip`).
 *
 * Returns: (nullable): the address
 */
const char *
jc_audio_bridge_forwarder_get_host (JcAudioBridgeForwarder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->host;
}

/**
 * jc_audio_bridge_forwarder_get_port:
 * @self: a forwarder
 *
 * Gets the UDP port the mix goes to.
 *
 * Returns: the port
 */
guint
jc_audio_bridge_forwarder_get_port (JcAudioBridgeForwarder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->port;
}

/**
 * jc_audio_bridge_forwarder_get_codec:
 * @self: a forwarder
 *
 * Gets the codec the mix is sent in.
 *
 * Returns: (nullable): "opus", "pcma" or "pcmu"
 */
const char *
jc_audio_bridge_forwarder_get_codec (JcAudioBridgeForwarder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->codec;
}

/**
 * jc_audio_bridge_forwarder_get_group:
 * @self: a forwarder
 *
 * Gets the group whose mix is forwarded.
 *
 * Returns: (nullable): the group, %NULL for the whole mix
 */
const char *
jc_audio_bridge_forwarder_get_group (JcAudioBridgeForwarder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->group;
}

/**
 * jc_audio_bridge_forwarder_is_srtp:
 * @self: a forwarder
 *
 * Tells whether the forwarder encrypts (SRTP).
 *
 * Returns: %TRUE with SRTP
 */
gboolean
jc_audio_bridge_forwarder_is_srtp (JcAudioBridgeForwarder *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->srtp;
}

/**
 * jc_audio_bridge_forwarder_get_json:
 * @self: a forwarder
 *
 * Gets the forwarder as Janus sent it (`ssrc`, `ptype`, `always_on`, …).
 *
 * Returns: (transfer none): the object
 */
JsonObject *
jc_audio_bridge_forwarder_get_json (JcAudioBridgeForwarder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

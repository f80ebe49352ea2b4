/* jc-video-room-results.c: the streams, participants and rooms Janus
 * describes, as typed wrappers of its objects
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-media-private.h"
#include "jc-video-room-private.h"

/* Streams */

/**
 * JcVideoRoomStream:
 *
 * One stream (m-line) of a publisher, as listed in
 * [signal@VideoRoom::publishers], or of a subscription, as listed by
 * [method@VideoRoom.join_subscriber_finish] and
 * [signal@VideoRoom::updated]. Subscription streams name the feed they
 * carry.
 */
struct _JcVideoRoomStream
{
  gatomicrefcount ref;
  JsonObject *json;      /* (owned) */
  JcId *feed;            /* (owned) (nullable) */
  const char *kind;      /* (unowned) in json */
  const char *mid;       /* (unowned) (nullable) in json */
  const char *codec;     /* (unowned) (nullable) in json */
  const char *desc;      /* (unowned) (nullable) in json */
  const char *feed_mid;  /* (unowned) (nullable) in json */
  const char *feed_disp; /* (unowned) (nullable) in json */
  int mindex;
  gboolean active;
};

G_DEFINE_BOXED_TYPE (JcVideoRoomStream, jc_video_room_stream, jc_video_room_stream_ref, jc_video_room_stream_unref)

JcVideoRoomStream *
jc_video_room_stream_new_from_json (JsonObject *obj)
{
  JcVideoRoomStream *self;
  const char *kind = jc_json_lookup_string (obj, "type");
  g_autoptr (JcId) feed = jc_id_lookup (obj, "feed_id");
  gint64 mindex = -1;
  gboolean active = TRUE, disabled = FALSE;

  /* What names the stream must be right when it is there. */
  if (kind == NULL || (jc_json_has_member (obj, "mid") && jc_json_lookup_string (obj, "mid") == NULL) ||
      (jc_json_has_member (obj, "feed_id") && feed == NULL))
    return NULL;
  self = g_new0 (JcVideoRoomStream, 1);
  g_atomic_ref_count_init (&self->ref);
  self->json = json_object_ref (obj);
  self->kind = kind;
  self->mid = jc_json_lookup_string (obj, "mid");
  self->codec = jc_json_lookup_string (obj, "codec");
  self->desc = jc_json_lookup_string (obj, "description");
  self->feed = g_steal_pointer (&feed);
  self->feed_mid = jc_json_lookup_string (obj, "feed_mid");
  self->feed_disp = jc_json_lookup_string (obj, "feed_display");
  if (!jc_json_lookup_int (obj, "mindex", &mindex) || mindex < 0 || mindex > G_MAXINT)
    mindex = -1;
  self->mindex = (int) mindex;
  jc_json_lookup_bool (obj, "active", &active);
  jc_json_lookup_bool (obj, "disabled", &disabled);
  self->active = active && !disabled;
  return self;
}

/**
 * jc_video_room_stream_ref:
 * @self: a stream
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcVideoRoomStream *
jc_video_room_stream_ref (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_video_room_stream_unref:
 * @self: (transfer full): a stream
 *
 * Drops a reference.
 */
void
jc_video_room_stream_unref (JcVideoRoomStream *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->json);
  jc_id_free (self->feed);
  g_free (self);
}

/**
 * jc_video_room_stream_get_kind:
 * @self: a stream
 *
 * Gets the stream's media type.
 *
 * Returns: `audio`, `video` or `data`
 */
const char *
jc_video_room_stream_get_kind (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->kind;
}

/**
 * jc_video_room_stream_get_mid:
 * @self: a stream
 *
 * Gets the stream's mid (in the subscription's SDP for subscription
 * streams, in the publisher's for publisher streams).
 *
 * Returns: (nullable): the mid
 */
const char *
jc_video_room_stream_get_mid (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->mid;
}

/**
 * jc_video_room_stream_get_mindex:
 * @self: a stream
 *
 * Gets the stream's m-line index.
 *
 * Returns: the index, or -1 when Janus gave none
 */
int
jc_video_room_stream_get_mindex (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->mindex;
}

/**
 * jc_video_room_stream_get_codec:
 * @self: a stream
 *
 * Gets the stream's codec.
 *
 * Returns: (nullable): e.g. `vp8` or `opus`
 */
const char *
jc_video_room_stream_get_codec (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->codec;
}

/**
 * jc_video_room_stream_get_description:
 * @self: a stream
 *
 * Gets the description the publisher gave the stream.
 *
 * Returns: (nullable): the description
 */
const char *
jc_video_room_stream_get_description (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->desc;
}

/**
 * jc_video_room_stream_get_feed_id:
 * @self: a subscription stream
 *
 * Gets the publisher whose stream this is.
 *
 * Returns: (transfer none) (nullable): the feed id
 */
const JcId *
jc_video_room_stream_get_feed_id (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->feed;
}

/**
 * jc_video_room_stream_get_feed_mid:
 * @self: a subscription stream
 *
 * Gets the mid of the stream in the publisher's PeerConnection.
 *
 * Returns: (nullable): the publisher's mid
 */
const char *
jc_video_room_stream_get_feed_mid (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->feed_mid;
}

/**
 * jc_video_room_stream_get_feed_display:
 * @self: a subscription stream
 *
 * Gets the publisher's display name.
 *
 * Returns: (nullable): the display name
 */
const char *
jc_video_room_stream_get_feed_display (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->feed_disp;
}

/**
 * jc_video_room_stream_is_active:
 * @self: a stream
 *
 * Tells whether the stream still carries media: Janus keeps the m-line of
 * a feed that left, inactive, until it is reused.
 *
 * Returns: %TRUE unless Janus marked it inactive or disabled
 */
gboolean
jc_video_room_stream_is_active (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->active;
}

/**
 * jc_video_room_stream_get_json:
 * @self: a stream
 *
 * Gets every field Janus sent about the stream.
 *
 * Returns: (transfer none): the stream object
 */
JsonObject *
jc_video_room_stream_get_json (JcVideoRoomStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

static GPtrArray *
array_from_json (JsonObject *obj, const char *member, gpointer (*parse) (JsonObject *), GDestroyNotify free_func)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (free_func);
  JsonArray *array = obj != NULL ? jc_json_lookup_array (obj, member) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer entry = JSON_NODE_HOLDS_OBJECT (node) ? parse (json_node_get_object (node)) : NULL;

      if (entry == NULL)
        g_debug ("Dropping a malformed entry of “%s”", member);
      else
        g_ptr_array_add (out, entry);
    }
  return out;
}

GPtrArray *
jc_video_room_streams_from_json (JsonObject *obj, const char *member)
{
  return array_from_json (obj, member, (gpointer (*) (JsonObject *)) jc_video_room_stream_new_from_json,
                          (GDestroyNotify) jc_video_room_stream_unref);
}

/* Participants */

/**
 * JcVideoRoomParticipant:
 *
 * A participant of a room, as `listparticipants` lists it, or a publisher
 * with its streams, as [signal@VideoRoom::publishers] announces it.
 */
struct _JcVideoRoomParticipant
{
  gatomicrefcount ref;
  JsonObject *json;    /* (owned) */
  JcId *id;            /* (owned) */
  const char *display; /* (unowned) (nullable) in json */
  GPtrArray *streams;  /* (owned) JcVideoRoomStream */
  gboolean publisher;
  gboolean talking;
};

G_DEFINE_BOXED_TYPE (JcVideoRoomParticipant, jc_video_room_participant, jc_video_room_participant_ref, jc_video_room_participant_unref)

JcVideoRoomParticipant *
jc_video_room_participant_new_from_json (JsonObject *obj)
{
  JcVideoRoomParticipant *self;
  JcId *id = jc_id_lookup (obj, "id");

  if (id == NULL)
    return NULL;
  self = g_new0 (JcVideoRoomParticipant, 1);
  g_atomic_ref_count_init (&self->ref);
  self->json = json_object_ref (obj);
  self->id = id;
  self->display = jc_json_lookup_string (obj, "display");
  self->streams = jc_video_room_streams_from_json (obj, "streams");
  /* Entries of a publishers list have no "publisher" member: they are. */
  if (!jc_json_lookup_bool (obj, "publisher", &self->publisher))
    self->publisher = jc_json_has_member (obj, "streams");
  jc_json_lookup_bool (obj, "talking", &self->talking);
  return self;
}

/**
 * jc_video_room_participant_ref:
 * @self: a participant
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcVideoRoomParticipant *
jc_video_room_participant_ref (JcVideoRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_video_room_participant_unref:
 * @self: (transfer full): a participant
 *
 * Drops a reference.
 */
void
jc_video_room_participant_unref (JcVideoRoomParticipant *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->json);
  jc_id_free (self->id);
  g_ptr_array_unref (self->streams);
  g_free (self);
}

/**
 * jc_video_room_participant_get_id:
 * @self: a participant
 *
 * Gets the participant's id (a publisher's id is its feed id).
 *
 * Returns: (transfer none): the id
 */
const JcId *
jc_video_room_participant_get_id (JcVideoRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * jc_video_room_participant_get_display:
 * @self: a participant
 *
 * Gets the participant's display name.
 *
 * Returns: (nullable): the display name
 */
const char *
jc_video_room_participant_get_display (JcVideoRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display;
}

/**
 * jc_video_room_participant_is_publisher:
 * @self: a participant
 *
 * Tells whether the participant publishes media.
 *
 * Returns: %TRUE for an active publisher
 */
gboolean
jc_video_room_participant_is_publisher (JcVideoRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->publisher;
}

/**
 * jc_video_room_participant_is_talking:
 * @self: a participant
 *
 * Tells whether the participant talks (rooms with `audiolevel_event`).
 *
 * Returns: %TRUE when Janus says so
 */
gboolean
jc_video_room_participant_is_talking (JcVideoRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->talking;
}

/**
 * jc_video_room_participant_get_streams:
 * @self: a participant
 *
 * Gets a publisher's streams (empty for `listparticipants` entries).
 *
 * Returns: (transfer none) (element-type JcVideoRoomStream): the streams
 */
GPtrArray *
jc_video_room_participant_get_streams (JcVideoRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->streams;
}

/**
 * jc_video_room_participant_get_json:
 * @self: a participant
 *
 * Gets every field Janus sent about the participant.
 *
 * Returns: (transfer none): the participant object
 */
JsonObject *
jc_video_room_participant_get_json (JcVideoRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

GPtrArray *
jc_video_room_participants_from_json (JsonObject *obj, const char *member)
{
  return array_from_json (obj, member, (gpointer (*) (JsonObject *)) jc_video_room_participant_new_from_json,
                          (GDestroyNotify) jc_video_room_participant_unref);
}

/* Room information */

/**
 * JcVideoRoomInfo:
 *
 * A room as `list` describes it.
 */
struct _JcVideoRoomInfo
{
  gatomicrefcount ref;
  JsonObject *json;        /* (owned) */
  JcId *room;              /* (owned) */
  const char *description; /* (unowned) (nullable) in json */
  guint num_participants;
  guint max_publishers;
  gboolean pin_required;
};

G_DEFINE_BOXED_TYPE (JcVideoRoomInfo, jc_video_room_info, jc_video_room_info_ref, jc_video_room_info_unref)

JcVideoRoomInfo *
jc_video_room_info_new_from_json (JsonObject *obj)
{
  JcVideoRoomInfo *self;
  JcId *room = jc_id_lookup (obj, "room");
  gint64 value = 0;

  if (room == NULL)
    return NULL;
  self = g_new0 (JcVideoRoomInfo, 1);
  g_atomic_ref_count_init (&self->ref);
  self->json = json_object_ref (obj);
  self->room = room;
  self->description = jc_json_lookup_string (obj, "description");
  if (jc_json_lookup_int (obj, "num_participants", &value) && value >= 0 && value <= G_MAXUINT)
    self->num_participants = (guint) value;
  if (jc_json_lookup_int (obj, "max_publishers", &value) && value >= 0 && value <= G_MAXUINT)
    self->max_publishers = (guint) value;
  jc_json_lookup_bool (obj, "pin_required", &self->pin_required);
  return self;
}

/**
 * jc_video_room_info_ref:
 * @self: a room description
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcVideoRoomInfo *
jc_video_room_info_ref (JcVideoRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_video_room_info_unref:
 * @self: (transfer full): a room description
 *
 * Drops a reference.
 */
void
jc_video_room_info_unref (JcVideoRoomInfo *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->json);
  jc_id_free (self->room);
  g_free (self);
}

/**
 * jc_video_room_info_get_room:
 * @self: a room description
 *
 * Gets the room's id.
 *
 * Returns: (transfer none): the id
 */
const JcId *
jc_video_room_info_get_room (JcVideoRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->room;
}

/**
 * jc_video_room_info_get_description:
 * @self: a room description
 *
 * Gets the room's description.
 *
 * Returns: (nullable): the description
 */
const char *
jc_video_room_info_get_description (JcVideoRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

/**
 * jc_video_room_info_get_num_participants:
 * @self: a room description
 *
 * Gets how many participants the room has.
 *
 * Returns: the count
 */
guint
jc_video_room_info_get_num_participants (JcVideoRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->num_participants;
}

/**
 * jc_video_room_info_get_max_publishers:
 * @self: a room description
 *
 * Gets the most publishers the room takes at a time.
 *
 * Returns: the limit
 */
guint
jc_video_room_info_get_max_publishers (JcVideoRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_publishers;
}

/**
 * jc_video_room_info_is_pin_required:
 * @self: a room description
 *
 * Tells whether joining needs a pin.
 *
 * Returns: %TRUE for a room with a pin
 */
gboolean
jc_video_room_info_is_pin_required (JcVideoRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->pin_required;
}

/**
 * jc_video_room_info_get_json:
 * @self: a room description
 *
 * Gets every field Janus sent about the room.
 *
 * Returns: (transfer none): the room object
 */
JsonObject *
jc_video_room_info_get_json (JcVideoRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

/* Reading what Janus sends, with what was wrong */

GPtrArray *
jc_video_room_read_streams (JsonObject *obj, const JcId *room, GString *problems)
{
  JsonArray *array = jc_json_lookup_array (obj, "streams");
  g_autoptr (GPtrArray) parsed = NULL;
  GPtrArray *streams;
  guint n;

  if (array == NULL)
    {
      if (jc_json_has_member (obj, "streams"))
        jc_plugin_add_problem (problems, "“streams” is not an array");
      return NULL;
    }
  parsed = jc_video_room_streams_from_json (obj, "streams");
  streams = g_ptr_array_new_full (parsed->len, (GDestroyNotify) jc_video_room_stream_unref);
  for (guint i = 0; i < parsed->len; i++)
    {
      JcVideoRoomStream *stream = g_ptr_array_index (parsed, i);

      if (stream->feed == NULL || jc_id_fits (stream->feed, room))
        g_ptr_array_add (streams, jc_video_room_stream_ref (stream));
    }
  n = json_array_get_length (array);
  if (streams->len < n)
    jc_plugin_add_problem (problems, "dropped %u of %u “streams” entries (not an object, no “type”, or a “mid” or “feed_id” of the wrong kind)",
                           n - streams->len, n);
  return streams;
}

/* What is wrong with a publisher's streams, or NULL. */
static char *
streams_problem (JcVideoRoomParticipant *p)
{
  JsonArray *array = jc_json_lookup_array (p->json, "streams");
  g_autofree char *id = jc_id_to_string (p->id);
  guint n;

  if (array == NULL)
    return jc_json_has_member (p->json, "streams") ? g_strdup_printf ("“streams” of publisher %s is not an array", id) : NULL;
  n = json_array_get_length (array);
  if (p->streams->len == n)
    return NULL;
  return g_strdup_printf ("dropped %u of %u “streams” entries of publisher %s", n - p->streams->len, n, id);
}

GPtrArray *
jc_video_room_read_publishers (JsonObject *obj, const JcId *room, GString *problems)
{
  JsonArray *array = jc_json_lookup_array (obj, "publishers");
  g_autoptr (GPtrArray) parsed = NULL;
  g_autofree char *first = NULL;
  GPtrArray *publishers;
  guint n, n_bad_streams = 0;

  if (array == NULL)
    {
      if (jc_json_has_member (obj, "publishers"))
        jc_plugin_add_problem (problems, "“publishers” is not an array");
      return NULL;
    }
  parsed = jc_video_room_participants_from_json (obj, "publishers");
  publishers = g_ptr_array_new_full (parsed->len, (GDestroyNotify) jc_video_room_participant_unref);
  for (guint i = 0; i < parsed->len; i++)
    {
      JcVideoRoomParticipant *p = g_ptr_array_index (parsed, i);
      char *problem;

      if (!jc_id_fits (p->id, room))
        continue;
      if ((problem = streams_problem (p)) != NULL && n_bad_streams++ == 0)
        first = problem;
      else
        g_free (problem);
      g_ptr_array_add (publishers, jc_video_room_participant_ref (p));
    }
  n = json_array_get_length (array);
  if (publishers->len < n)
    jc_plugin_add_problem (problems, "dropped %u of %u “publishers” entries (not an object, or no valid “id”)",
                           n - publishers->len, n);
  if (n_bad_streams > 1)
    jc_plugin_add_problem (problems, "%s (and in %u more publishers)", first, n_bad_streams - 1);
  else if (first != NULL)
    jc_plugin_add_problem (problems, "%s", first);
  return publishers;
}

gboolean
jc_video_room_check_jsep (JsonObject *jsep, const char *type, GError **error)
{
  return jc_plugin_check_jsep ("VideoRoom", jsep, type, error);
}

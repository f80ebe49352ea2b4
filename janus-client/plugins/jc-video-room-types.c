/* jc-video-room-types.c: ids, requests and results of the VideoRoom plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-json-private.h"
#include "jc-video-room-private.h"

/* Ids */

/**
 * JcVideoRoomId:
 *
 * A room or participant id: Janus uses positive 64-bit numbers, or strings
 * when the plugin runs with `string_ids = true`. Compare with
 * [method@VideoRoomId.equal].
 */
struct _JcVideoRoomId
{
  guint64 number; /* 0 for string ids */
  char *string;   /* (owned) (nullable) */
};

G_DEFINE_BOXED_TYPE (JcVideoRoomId, jc_video_room_id, jc_video_room_id_copy, jc_video_room_id_free)

/**
 * jc_video_room_id_new_number:
 * @number: a positive id
 *
 * Creates a numeric id.
 *
 * Returns: (transfer full): a new id
 */
JcVideoRoomId *
jc_video_room_id_new_number (guint64 number)
{
  JcVideoRoomId *self;

  g_return_val_if_fail (number > 0, NULL);

  self = g_new0 (JcVideoRoomId, 1);
  self->number = number;
  return self;
}

/**
 * jc_video_room_id_new_string:
 * @string: a non-empty id
 *
 * Creates a string id, for rooms of a plugin configured with
 * `string_ids = true`.
 *
 * Returns: (transfer full): a new id
 */
JcVideoRoomId *
jc_video_room_id_new_string (const char *string)
{
  JcVideoRoomId *self;

  g_return_val_if_fail (string != NULL && *string != '\0', NULL);

  self = g_new0 (JcVideoRoomId, 1);
  self->string = g_strdup (string);
  return self;
}

/**
 * jc_video_room_id_parse:
 * @text: what a user typed
 *
 * Reads an id: digits make a number, anything else a string.
 *
 * Returns: (transfer full) (nullable): the id, or %NULL when @text is
 *   empty or the number zero or out of range
 */
JcVideoRoomId *
jc_video_room_id_parse (const char *text)
{
  guint64 number = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    return NULL;
  if (g_ascii_isdigit (*text))
    {
      if (!g_ascii_string_to_unsigned (text, 10, 1, JC_JSON_MAX_ID, &number, NULL))
        return NULL;
      return jc_video_room_id_new_number (number);
    }
  return jc_video_room_id_new_string (text);
}

/**
 * jc_video_room_id_copy:
 * @self: an id
 *
 * Copies an id.
 *
 * Returns: (transfer full): a copy
 */
JcVideoRoomId *
jc_video_room_id_copy (const JcVideoRoomId *self)
{
  JcVideoRoomId *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (JcVideoRoomId, 1);
  copy->number = self->number;
  copy->string = g_strdup (self->string);
  return copy;
}

/**
 * jc_video_room_id_free:
 * @self: (transfer full): an id
 *
 * Frees an id.
 */
void
jc_video_room_id_free (JcVideoRoomId *self)
{
  if (self == NULL)
    return;
  g_free (self->string);
  g_free (self);
}

/**
 * jc_video_room_id_is_string:
 * @self: an id
 *
 * Tells string ids from numeric ones.
 *
 * Returns: %TRUE for a string id
 */
gboolean
jc_video_room_id_is_string (const JcVideoRoomId *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->string != NULL;
}

/**
 * jc_video_room_id_get_number:
 * @self: an id
 *
 * Gets a numeric id's value.
 *
 * Returns: the number, or 0 for a string id
 */
guint64
jc_video_room_id_get_number (const JcVideoRoomId *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->number;
}

/**
 * jc_video_room_id_get_string:
 * @self: an id
 *
 * Gets a string id's value.
 *
 * Returns: (nullable): the string, or %NULL for a numeric id
 */
const char *
jc_video_room_id_get_string (const JcVideoRoomId *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->string;
}

/**
 * jc_video_room_id_to_string:
 * @self: an id
 *
 * Formats an id for people and file names.
 *
 * Returns: (transfer full): the number in decimal, or the string
 */
char *
jc_video_room_id_to_string (const JcVideoRoomId *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->string != NULL)
    return g_strdup (self->string);
  return g_strdup_printf ("%" G_GUINT64_FORMAT, self->number);
}

/**
 * jc_video_room_id_equal:
 * @a: an id
 * @b: another id
 *
 * Compares two ids; a number never equals a string.
 *
 * Returns: %TRUE when they are the same id
 */
gboolean
jc_video_room_id_equal (const JcVideoRoomId *a, const JcVideoRoomId *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->number == b->number && g_strcmp0 (a->string, b->string) == 0;
}

/**
 * jc_video_room_id_hash:
 * @self: an id
 *
 * Hashes an id, for hash tables keyed by id.
 *
 * Returns: a hash value
 */
guint
jc_video_room_id_hash (const JcVideoRoomId *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->string != NULL)
    return g_str_hash (self->string);
  return (guint) (self->number ^ (self->number >> 32));
}

/**
 * jc_video_room_id_to_json:
 * @self: an id
 *
 * Gets the id as Janus expects it in a request.
 *
 * Returns: (transfer full): an integer or string node
 */
JsonNode *
jc_video_room_id_to_json (const JcVideoRoomId *self)
{
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  node = json_node_new (JSON_NODE_VALUE);
  if (self->string != NULL)
    json_node_set_string (node, self->string);
  else
    json_node_set_int (node, (gint64) self->number);
  return node;
}

JcVideoRoomId *
jc_video_room_id_from_json (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      return value > 0 ? jc_video_room_id_new_number ((guint64) value) : NULL;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *value = json_node_get_string (node);

      return value != NULL && *value != '\0' ? jc_video_room_id_new_string (value) : NULL;
    }
  return NULL;
}

JcVideoRoomId *
jc_video_room_id_lookup (JsonObject *obj, const char *member)
{
  return jc_video_room_id_from_json (json_object_get_member (obj, member));
}

/* Requests */

/**
 * JcVideoRoomRequest:
 *
 * Optional fields of a VideoRoom request: typed setters for the common
 * ones, [method@VideoRoomRequest.set_extra] for any other (fields newer
 * plugins accept, or the `new_*` fields of `edit`). Fields left unset are
 * not sent; the `request` name and the ids the call takes as arguments are
 * set by the call itself.
 */
struct _JcVideoRoomRequest
{
  gatomicrefcount ref;
  JsonObject *body; /* (owned) */
};

G_DEFINE_BOXED_TYPE (JcVideoRoomRequest, jc_video_room_request, jc_video_room_request_ref, jc_video_room_request_unref)

/**
 * jc_video_room_request_new:
 *
 * Creates an empty set of options.
 *
 * Returns: (transfer full): a new request
 */
JcVideoRoomRequest *
jc_video_room_request_new (void)
{
  JcVideoRoomRequest *self = g_new0 (JcVideoRoomRequest, 1);

  g_atomic_ref_count_init (&self->ref);
  self->body = json_object_new ();
  return self;
}

/**
 * jc_video_room_request_ref:
 * @self: a request
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcVideoRoomRequest *
jc_video_room_request_ref (JcVideoRoomRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_video_room_request_unref:
 * @self: (transfer full): a request
 *
 * Drops a reference.
 */
void
jc_video_room_request_unref (JcVideoRoomRequest *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->body);
  g_free (self);
}

static void
set_string (JcVideoRoomRequest *self, const char *name, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (self->body, name, value);
  else
    json_object_remove_member (self->body, name);
}

/**
 * jc_video_room_request_set_secret:
 * @self: a request
 * @secret: (nullable): the room's secret
 *
 * Sets `secret`, which rooms created with one require to edit, destroy,
 * kick, moderate, forward or record.
 */
void
jc_video_room_request_set_secret (JcVideoRoomRequest *self, const char *secret)
{
  g_return_if_fail (self != NULL);
  set_string (self, "secret", secret);
}

/**
 * jc_video_room_request_set_pin:
 * @self: a request
 * @pin: (nullable): the room's pin
 *
 * Sets `pin`: required to join (and list) a room created with one; for
 * `create`, the pin of the new room.
 */
void
jc_video_room_request_set_pin (JcVideoRoomRequest *self, const char *pin)
{
  g_return_if_fail (self != NULL);
  set_string (self, "pin", pin);
}

/**
 * jc_video_room_request_set_token:
 * @self: a request
 * @token: (nullable): an invitation token
 *
 * Sets `token`, checked against the room's `allowed` list when enabled.
 */
void
jc_video_room_request_set_token (JcVideoRoomRequest *self, const char *token)
{
  g_return_if_fail (self != NULL);
  set_string (self, "token", token);
}

/**
 * jc_video_room_request_set_admin_key:
 * @self: a request
 * @admin_key: (nullable): the plugin's admin key
 *
 * Sets `admin_key`, needed to create rooms when the plugin is configured
 * with one.
 */
void
jc_video_room_request_set_admin_key (JcVideoRoomRequest *self, const char *admin_key)
{
  g_return_if_fail (self != NULL);
  set_string (self, "admin_key", admin_key);
}

/**
 * jc_video_room_request_set_display:
 * @self: a request
 * @display: (nullable): a display name
 *
 * Sets `display`: the name others see (join, configure).
 */
void
jc_video_room_request_set_display (JcVideoRoomRequest *self, const char *display)
{
  g_return_if_fail (self != NULL);
  set_string (self, "display", display);
}

/**
 * jc_video_room_request_set_id:
 * @self: a request
 * @id: (nullable): a participant id
 *
 * Sets `id`: the id to join with (chosen by the plugin when unset).
 */
void
jc_video_room_request_set_id (JcVideoRoomRequest *self, const JcVideoRoomId *id)
{
  g_return_if_fail (self != NULL);

  if (id != NULL)
    json_object_set_member (self->body, "id", jc_video_room_id_to_json (id));
  else
    json_object_remove_member (self->body, "id");
}

/**
 * jc_video_room_request_set_description:
 * @self: a request
 * @description: (nullable): a room description
 *
 * Sets `description` (create).
 */
void
jc_video_room_request_set_description (JcVideoRoomRequest *self, const char *description)
{
  g_return_if_fail (self != NULL);
  set_string (self, "description", description);
}

/**
 * jc_video_room_request_set_publishers:
 * @self: a request
 * @publishers: the most publishers at a time
 *
 * Sets `publishers` (create; default 3).
 */
void
jc_video_room_request_set_publishers (JcVideoRoomRequest *self, guint publishers)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (self->body, "publishers", publishers);
}

/**
 * jc_video_room_request_set_permanent:
 * @self: a request
 * @permanent: whether Janus saves the change to its configuration file
 *
 * Sets `permanent` (create, edit, destroy, allowed).
 */
void
jc_video_room_request_set_permanent (JcVideoRoomRequest *self, gboolean permanent)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (self->body, "permanent", permanent);
}

/**
 * jc_video_room_request_set_is_private:
 * @self: a request
 * @is_private: whether `list` hides the room
 *
 * Sets `is_private` (create).
 */
void
jc_video_room_request_set_is_private (JcVideoRoomRequest *self, gboolean is_private)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (self->body, "is_private", is_private);
}

/**
 * jc_video_room_request_set_bitrate:
 * @self: a request
 * @bitrate: bits per second
 *
 * Sets `bitrate`: the room's publisher cap (create) or a publisher's own
 * (configure, publish).
 */
void
jc_video_room_request_set_bitrate (JcVideoRoomRequest *self, guint bitrate)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (self->body, "bitrate", bitrate);
}

/**
 * jc_video_room_request_set_codecs:
 * @self: a request
 * @audio_codec: (nullable): e.g. `opus` or `opus,pcmu`
 * @video_codec: (nullable): e.g. `vp8` or `vp8,h264`
 *
 * Sets `audiocodec` and `videocodec`: the room's allowed codecs (create)
 * or a publisher's preference (publish).
 */
void
jc_video_room_request_set_codecs (JcVideoRoomRequest *self, const char *audio_codec, const char *video_codec)
{
  g_return_if_fail (self != NULL);
  set_string (self, "audiocodec", audio_codec);
  set_string (self, "videocodec", video_codec);
}

/**
 * jc_video_room_request_set_record:
 * @self: a request
 * @record: whether Janus records
 * @path: (nullable): `rec_dir` (create) or `filename` (configure, publish)
 *
 * Sets `record` and where the recording goes: server-side recording in
 * Janus's MJR format. With `create`, @path is the room's recording folder.
 */
void
jc_video_room_request_set_record (JcVideoRoomRequest *self, gboolean record, const char *path)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (self->body, "record", record);
  if (path != NULL)
    json_object_set_string_member (self->body, "rec_dir", path);
}

/**
 * jc_video_room_request_set_notify_joining:
 * @self: a request
 * @notify_joining: whether participants hear of every joining participant
 *
 * Sets `notify_joining` (create), which enables
 * [signal@VideoRoom::joining].
 */
void
jc_video_room_request_set_notify_joining (JcVideoRoomRequest *self, gboolean notify_joining)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (self->body, "notify_joining", notify_joining);
}

/**
 * jc_video_room_request_set_audiolevel_event:
 * @self: a request
 * @audiolevel_event: whether Janus sends talking events
 *
 * Sets `audiolevel_event` (create), which enables
 * [signal@VideoRoom::talking] and [signal@VideoRoom::stopped-talking].
 */
void
jc_video_room_request_set_audiolevel_event (JcVideoRoomRequest *self, gboolean audiolevel_event)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (self->body, "audiolevel_event", audiolevel_event);
}

/**
 * jc_video_room_request_set_private_id:
 * @self: a request
 * @private_id: the publisher's private id
 *
 * Sets `private_id` (subscriber join), which ties a subscription to a
 * publisher in rooms with `require_pvtid`.
 */
void
jc_video_room_request_set_private_id (JcVideoRoomRequest *self, guint64 private_id)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (self->body, "private_id", (gint64) private_id);
}

/**
 * jc_video_room_request_set_streams:
 * @self: a request
 * @streams: (transfer none): the `streams` array
 *
 * Sets `streams` as the plugin documents it: per-mid settings for
 * `configure` and `publish`, `{feed, mid}` objects for subscriptions
 * (overriding the feeds the call takes).
 */
void
jc_video_room_request_set_streams (JcVideoRoomRequest *self, JsonArray *streams)
{
  JsonNode *node;

  g_return_if_fail (self != NULL);
  g_return_if_fail (streams != NULL);

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, streams);
  json_object_set_member (self->body, "streams", json_node_copy (node));
  json_node_unref (node);
}

/**
 * jc_video_room_request_set_extra:
 * @self: a request
 * @name: a member name
 * @value: (transfer none): its value
 *
 * Sets any member of the request body.
 */
void
jc_video_room_request_set_extra (JcVideoRoomRequest *self, const char *name, JsonNode *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  json_object_set_member (self->body, name, json_node_copy (value));
}

/**
 * jc_video_room_request_to_json:
 * @self: a request
 *
 * Gets the fields set so far.
 *
 * Returns: (transfer full): a copy of the fields
 */
JsonObject *
jc_video_room_request_to_json (JcVideoRoomRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_json_object_copy (self->body);
}

JsonObject *
jc_video_room_request_peek_body (JcVideoRoomRequest *self)
{
  return self->body;
}

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
  JcVideoRoomId *feed;   /* (owned) (nullable) */
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
  gint64 mindex = -1;
  gboolean active = TRUE, disabled = FALSE;

  if (kind == NULL)
    return NULL;
  self = g_new0 (JcVideoRoomStream, 1);
  g_atomic_ref_count_init (&self->ref);
  self->json = json_object_ref (obj);
  self->kind = kind;
  self->mid = jc_json_lookup_string (obj, "mid");
  self->codec = jc_json_lookup_string (obj, "codec");
  self->desc = jc_json_lookup_string (obj, "description");
  self->feed = jc_video_room_id_lookup (obj, "feed_id");
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
  jc_video_room_id_free (self->feed);
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
const JcVideoRoomId *
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
  JcVideoRoomId *id;   /* (owned) */
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
  JcVideoRoomId *id = jc_video_room_id_lookup (obj, "id");

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
  jc_video_room_id_free (self->id);
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
const JcVideoRoomId *
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
  JcVideoRoomId *room;     /* (owned) */
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
  JcVideoRoomId *room = jc_video_room_id_lookup (obj, "room");
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
  jc_video_room_id_free (self->room);
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
const JcVideoRoomId *
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

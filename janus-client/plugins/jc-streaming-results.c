/* jc-streaming-results.c: the typed results of the Streaming plugin
 * (JcStreamingInfo and its JcStreamingMedia), read from Janus's replies
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-streaming-private.h"

/* JcStreamingMedia */

struct _JcStreamingMedia
{
  char *mid;   /* (owned) (nullable) */
  char *type;  /* (owned) (nullable) */
  char *label; /* (owned) (nullable) */
  char *codec; /* (owned) (nullable) */
  int pt;
  guint port;
  gint64 age_ms;
};

/**
 * JcStreamingMedia:
 *
 * One stream of a mountpoint, as `list`, `info` or `create` told it:
 * mid, type, codec and payload type, and the port Janus listens on
 * (RTP mountpoints: in `create`'s reply, and in `info` given the
 * secret).
 */

G_DEFINE_BOXED_TYPE (JcStreamingMedia, jc_streaming_media, jc_streaming_media_ref, jc_streaming_media_unref)

static void
media_clear (JcStreamingMedia *self)
{
  g_free (self->mid);
  g_free (self->type);
  g_free (self->label);
  g_free (self->codec);
}

/**
 * jc_streaming_media_ref:
 * @self: a stream
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcStreamingMedia *
jc_streaming_media_ref (JcStreamingMedia *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

/**
 * jc_streaming_media_unref:
 * @self: (transfer full): a stream
 *
 * Drops a reference.
 */
void
jc_streaming_media_unref (JcStreamingMedia *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) media_clear);
}

/**
 * jc_streaming_media_get_mid:
 * @self: a stream
 *
 * The stream's mid.
 *
 * Returns: (nullable): the mid
 */
const char *
jc_streaming_media_get_mid (JcStreamingMedia *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->mid;
}

/**
 * jc_streaming_media_get_media_type:
 * @self: a stream
 *
 * The stream's type.
 *
 * Returns: (nullable): `audio`, `video` or `data`
 */
const char *
jc_streaming_media_get_media_type (JcStreamingMedia *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->type;
}

/**
 * jc_streaming_media_get_label:
 * @self: a stream
 *
 * The stream's label.
 *
 * Returns: (nullable): the label
 */
const char *
jc_streaming_media_get_label (JcStreamingMedia *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

/**
 * jc_streaming_media_get_codec:
 * @self: a stream
 *
 * The stream's codec (`info` only).
 *
 * Returns: (nullable): e.g. `opus`, `vp8`
 */
const char *
jc_streaming_media_get_codec (JcStreamingMedia *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->codec;
}

/**
 * jc_streaming_media_get_pt:
 * @self: a stream
 *
 * The stream's RTP payload type (`info` only).
 *
 * Returns: the payload type, or -1 when not told
 */
int
jc_streaming_media_get_pt (JcStreamingMedia *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->pt;
}

/**
 * jc_streaming_media_get_port:
 * @self: a stream
 *
 * The UDP port Janus receives the stream on.
 *
 * Returns: the port, or 0 when not told
 */
guint
jc_streaming_media_get_port (JcStreamingMedia *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->port;
}

/**
 * jc_streaming_media_get_age_ms:
 * @self: a stream
 *
 * How long ago Janus last received media for the stream.
 *
 * Returns: milliseconds, or -1 when not told
 */
gint64
jc_streaming_media_get_age_ms (JcStreamingMedia *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->age_ms;
}

/* Optional members of Janus's JSON: absent is fine, another type is a
 * problem and the member is left out. */
static char *
opt_string (JsonObject *obj, const char *member, const char *where, GString *problems)
{
  const char *value;

  if (!jc_json_has_member (obj, member))
    return NULL;
  value = jc_json_lookup_string (obj, member);
  if (value == NULL)
    jc_plugin_add_problem (problems, "%s: “%s” is not a string", where, member);
  return g_strdup (value);
}

static gint64
opt_int (JsonObject *obj, const char *member, gint64 min, gint64 max, gint64 fallback, const char *where, GString *problems)
{
  gint64 value;

  if (!jc_json_has_member (obj, member))
    return fallback;
  if (!jc_json_lookup_int (obj, member, &value) || value < min || value > max)
    {
      jc_plugin_add_problem (problems, "%s: “%s” is not an integer from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT, where,
                             member, min, max);
      return fallback;
    }
  return value;
}

static gboolean
opt_bool (JsonObject *obj, const char *member, gboolean fallback, const char *where, GString *problems)
{
  gboolean value;

  if (!jc_json_has_member (obj, member))
    return fallback;
  if (!jc_json_lookup_bool (obj, member, &value))
    {
      jc_plugin_add_problem (problems, "%s: “%s” is not a boolean", where, member);
      return fallback;
    }
  return value;
}

static JcStreamingMedia *
media_new_from_json (JsonObject *obj, GString *problems)
{
  JcStreamingMedia *self = g_atomic_rc_box_new0 (JcStreamingMedia);

  self->mid = opt_string (obj, "mid", "a media entry", problems);
  self->type = opt_string (obj, "type", "a media entry", problems);
  self->label = opt_string (obj, "label", "a media entry", problems);
  self->codec = opt_string (obj, "codec", "a media entry", problems);
  self->pt = (int) opt_int (obj, "pt", 0, 127, -1, "a media entry", problems);
  self->port = (guint) opt_int (obj, "port", 0, 65535, 0, "a media entry", problems);
  self->age_ms = opt_int (obj, "age_ms", 0, G_MAXINT64, -1, "a media entry", problems);
  return self;
}

/* JcStreamingInfo */

struct _JcStreamingInfo
{
  JcId *id;          /* (owned) */
  char *name;        /* (owned) (nullable) */
  char *description; /* (owned) (nullable) */
  char *metadata;    /* (owned) (nullable) */
  char *type;        /* (owned) (nullable) */
  char *host;        /* (owned) (nullable) */
  char *secret;      /* (owned) (nullable) */
  char *pin;         /* (owned) (nullable) */
  gboolean enabled;
  gboolean is_private;
  int viewers;
  GPtrArray *media; /* (owned) (element-type JcStreamingMedia) */
  JsonObject *json; /* (owned) as Janus sent it */
};

/**
 * JcStreamingInfo:
 *
 * A mountpoint as Janus told it: an entry of `list`, the answer of
 * `info`, or the `stream` of `create`'s reply (with the ports Janus
 * bound). What a reply did not carry is %NULL, -1 or 0; the whole JSON
 * stays available ([method@StreamingInfo.get_json]) for members without a
 * getter (`rtsp`, `url`, `recording`, …).
 */

G_DEFINE_BOXED_TYPE (JcStreamingInfo, jc_streaming_info, jc_streaming_info_ref, jc_streaming_info_unref)

static void
info_clear (JcStreamingInfo *self)
{
  jc_id_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->metadata);
  g_free (self->type);
  g_free (self->host);
  g_free (self->secret);
  g_free (self->pin);
  g_ptr_array_unref (self->media);
  json_object_unref (self->json);
}

JcStreamingInfo *
jc_streaming_info_new_from_json (JsonObject *obj, const char *media_member, GString *problems, GError **error)
{
  g_autoptr (JcId) id = jc_id_lookup (obj, "id");
  JcStreamingInfo *self;
  JsonArray *media = NULL;

  if (id == NULL)
    {
      jc_set_protocol_error (error, "a mountpoint without a valid “id” (want a positive integer below 2^53 or a string)");
      return NULL;
    }
  self = g_atomic_rc_box_new0 (JcStreamingInfo);
  self->id = g_steal_pointer (&id);
  self->name = opt_string (obj, "name", "a mountpoint", problems);
  self->description = opt_string (obj, "description", "a mountpoint", problems);
  self->metadata = opt_string (obj, "metadata", "a mountpoint", problems);
  self->type = opt_string (obj, "type", "a mountpoint", problems);
  self->host = opt_string (obj, "host", "a mountpoint", problems);
  self->secret = opt_string (obj, "secret", "a mountpoint", problems);
  self->pin = opt_string (obj, "pin", "a mountpoint", problems);
  self->enabled = opt_bool (obj, "enabled", TRUE, "a mountpoint", problems);
  self->is_private = opt_bool (obj, "is_private", FALSE, "a mountpoint", problems);
  self->viewers = (int) opt_int (obj, "viewers", 0, G_MAXINT, -1, "a mountpoint", problems);
  self->media = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_streaming_media_unref);
  self->json = jc_json_object_copy (obj);
  if (jc_json_has_member (obj, media_member) && (media = jc_json_lookup_array (obj, media_member)) == NULL)
    jc_plugin_add_problem (problems, "a mountpoint: “%s” is not an array", media_member);
  else if (media != NULL)
    for (guint i = 0; i < json_array_get_length (media); i++)
      {
        JsonNode *node = json_array_get_element (media, i);

        if (!JSON_NODE_HOLDS_OBJECT (node))
          {
            jc_plugin_add_problem (problems, "a mountpoint: “%s” entry %u is not an object", media_member, i);
            continue;
          }
        g_ptr_array_add (self->media, media_new_from_json (json_node_get_object (node), problems));
      }
  return self;
}

/**
 * jc_streaming_info_ref:
 * @self: a mountpoint's info
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcStreamingInfo *
jc_streaming_info_ref (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

/**
 * jc_streaming_info_unref:
 * @self: (transfer full): a mountpoint's info
 *
 * Drops a reference.
 */
void
jc_streaming_info_unref (JcStreamingInfo *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) info_clear);
}

/**
 * jc_streaming_info_get_id:
 * @self: a mountpoint's info
 *
 * The mountpoint's id.
 *
 * Returns: (transfer none): the id
 */
const JcId *
jc_streaming_info_get_id (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * jc_streaming_info_get_name:
 * @self: a mountpoint's info
 *
 * The mountpoint's name (`info`; `create` tells it apart, in the reply's
 * `created`).
 *
 * Returns: (nullable): the name
 */
const char *
jc_streaming_info_get_name (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * jc_streaming_info_get_description:
 * @self: a mountpoint's info
 *
 * The mountpoint's description.
 *
 * Returns: (nullable): the description
 */
const char *
jc_streaming_info_get_description (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

/**
 * jc_streaming_info_get_metadata:
 * @self: a mountpoint's info
 *
 * The mountpoint's metadata.
 *
 * Returns: (nullable): the metadata
 */
const char *
jc_streaming_info_get_metadata (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->metadata;
}

/**
 * jc_streaming_info_get_mountpoint_type:
 * @self: a mountpoint's info
 *
 * The mountpoint's type as Janus 1.1.2 tells it: `live` (RTP, RTSP
 * and live files) or `on demand`.
 *
 * Returns: (nullable): the type
 */
const char *
jc_streaming_info_get_mountpoint_type (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->type;
}

/**
 * jc_streaming_info_get_host:
 * @self: a mountpoint's info
 *
 * The address the mountpoint's ports are bound to, when Janus tells it
 * (it does only for mountpoints created with a `host`).
 *
 * Returns: (nullable): the host
 */
const char *
jc_streaming_info_get_host (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->host;
}

/**
 * jc_streaming_info_get_secret:
 * @self: a mountpoint's info
 *
 * The mountpoint's secret (`info` given the secret).
 *
 * Returns: (nullable): the secret
 */
const char *
jc_streaming_info_get_secret (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->secret;
}

/**
 * jc_streaming_info_get_pin:
 * @self: a mountpoint's info
 *
 * The mountpoint's pin (`info` given the secret).
 *
 * Returns: (nullable): the pin
 */
const char *
jc_streaming_info_get_pin (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pin;
}

/**
 * jc_streaming_info_is_enabled:
 * @self: a mountpoint's info
 *
 * Whether viewers may watch the mountpoint.
 *
 * Returns: `enabled`, %TRUE when not told
 */
gboolean
jc_streaming_info_is_enabled (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->enabled;
}

/**
 * jc_streaming_info_is_private:
 * @self: a mountpoint's info
 *
 * Whether `list` leaves the mountpoint out.
 *
 * Returns: `is_private`, %FALSE when not told
 */
gboolean
jc_streaming_info_is_private (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->is_private;
}

/**
 * jc_streaming_info_get_viewers:
 * @self: a mountpoint's info
 *
 * How many viewers watch the mountpoint (`info`).
 *
 * Returns: the count, or -1 when not told
 */
int
jc_streaming_info_get_viewers (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->viewers;
}

/**
 * jc_streaming_info_get_media:
 * @self: a mountpoint's info
 *
 * The mountpoint's streams (`media` of list and info, `ports` of
 * create), malformed entries left out.
 *
 * Returns: (transfer none) (element-type JcStreamingMedia): the streams
 */
GPtrArray *
jc_streaming_info_get_media (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->media;
}

/**
 * jc_streaming_info_find_media:
 * @self: a mountpoint's info
 * @type: `audio`, `video` or `data`
 *
 * The first stream of @type.
 *
 * Returns: (transfer none) (nullable): the stream
 */
JcStreamingMedia *
jc_streaming_info_find_media (JcStreamingInfo *self, const char *type)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);
  for (guint i = 0; i < self->media->len; i++)
    {
      JcStreamingMedia *m = g_ptr_array_index (self->media, i);

      if (g_strcmp0 (m->type, type) == 0)
        return m;
    }
  return NULL;
}

/**
 * jc_streaming_info_get_json:
 * @self: a mountpoint's info
 *
 * The mountpoint as Janus sent it.
 *
 * Returns: (transfer none): the JSON object
 */
JsonObject *
jc_streaming_info_get_json (JcStreamingInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

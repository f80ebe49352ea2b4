/* jc-id.c: the ids of Janus's plugins — rooms, feeds, mountpoints,
 * participants — shared by every plugin class
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-json-private.h"
#include "jc-plugin-private.h"

/**
 * JcId:
 *
 * A plugin's id of a room, participant, feed or mountpoint: Janus uses
 * positive numbers (up to 2^53, what JavaScript's numbers hold), or strings
 * when the plugin runs with `string_ids = true` (VideoRoom, AudioBridge,
 * TextRoom and Streaming have that setting). Compare with
 * [method@Id.equal].
 */
struct _JcId
{
  guint64 number; /* 0 for string ids */
  char *string;   /* (owned) (nullable) */
};

G_DEFINE_BOXED_TYPE (JcId, jc_id, jc_id_copy, jc_id_free)

/**
 * jc_id_new_number:
 * @number: a positive id
 *
 * Creates a numeric id.
 *
 * Returns: (transfer full): a new id
 */
JcId *
jc_id_new_number (guint64 number)
{
  JcId *self;

  g_return_val_if_fail (number > 0, NULL);

  self = g_new0 (JcId, 1);
  self->number = number;
  return self;
}

/**
 * jc_id_new_string:
 * @string: a non-empty id
 *
 * Creates a string id, for rooms of a plugin configured with
 * `string_ids = true`.
 *
 * Returns: (transfer full): a new id
 */
JcId *
jc_id_new_string (const char *string)
{
  JcId *self;

  g_return_val_if_fail (string != NULL && *string != '\0', NULL);

  self = g_new0 (JcId, 1);
  self->string = g_strdup (string);
  return self;
}

/**
 * jc_id_parse:
 * @text: what a user typed
 *
 * Reads an id: digits make a number, anything else a string.
 *
 * Returns: (transfer full) (nullable): the id, or %NULL when @text is
 *   empty or the number zero or out of range
 */
JcId *
jc_id_parse (const char *text)
{
  guint64 number = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    return NULL;
  if (g_ascii_isdigit (*text))
    {
      if (!g_ascii_string_to_unsigned (text, 10, 1, JC_JSON_MAX_ID, &number, NULL))
        return NULL;
      return jc_id_new_number (number);
    }
  return jc_id_new_string (text);
}

/**
 * jc_id_copy:
 * @self: an id
 *
 * Copies an id.
 *
 * Returns: (transfer full): a copy
 */
JcId *
jc_id_copy (const JcId *self)
{
  JcId *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (JcId, 1);
  copy->number = self->number;
  copy->string = g_strdup (self->string);
  return copy;
}

/**
 * jc_id_free:
 * @self: (transfer full): an id
 *
 * Frees an id.
 */
void
jc_id_free (JcId *self)
{
  if (self == NULL)
    return;
  g_free (self->string);
  g_free (self);
}

/**
 * jc_id_is_string:
 * @self: an id
 *
 * Tells string ids from numeric ones.
 *
 * Returns: %TRUE for a string id
 */
gboolean
jc_id_is_string (const JcId *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->string != NULL;
}

/**
 * jc_id_get_number:
 * @self: an id
 *
 * Gets a numeric id's value.
 *
 * Returns: the number, or 0 for a string id
 */
guint64
jc_id_get_number (const JcId *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->number;
}

/**
 * jc_id_get_string:
 * @self: an id
 *
 * Gets a string id's value.
 *
 * Returns: (nullable): the string, or %NULL for a numeric id
 */
const char *
jc_id_get_string (const JcId *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->string;
}

/**
 * jc_id_to_string:
 * @self: an id
 *
 * Formats an id for people and file names.
 *
 * Returns: (transfer full): the number in decimal, or the string
 */
char *
jc_id_to_string (const JcId *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->string != NULL)
    return g_strdup (self->string);
  return g_strdup_printf ("%" G_GUINT64_FORMAT, self->number);
}

/**
 * jc_id_equal:
 * @a: an id
 * @b: another id
 *
 * Compares two ids; a number never equals a string.
 *
 * Returns: %TRUE when they are the same id
 */
gboolean
jc_id_equal (const JcId *a, const JcId *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->number == b->number && g_strcmp0 (a->string, b->string) == 0;
}

/**
 * jc_id_hash:
 * @self: an id
 *
 * Hashes an id, for hash tables keyed by id.
 *
 * Returns: a hash value
 */
guint
jc_id_hash (const JcId *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->string != NULL)
    return g_str_hash (self->string);
  return (guint) (self->number ^ (self->number >> 32));
}

/**
 * jc_id_to_json:
 * @self: an id
 *
 * Gets the id as Janus expects it in a request.
 *
 * Returns: (transfer full): an integer or string node
 */
JsonNode *
jc_id_to_json (const JcId *self)
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

JcId *
jc_id_from_json (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      /* Janus's ids fit in 53 bits, as jc_id_parse () wants. */
      return value > 0 && value <= JC_JSON_MAX_ID ? jc_id_new_number ((guint64) value) : NULL;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *value = json_node_get_string (node);

      return value != NULL && *value != '\0' ? jc_id_new_string (value) : NULL;
    }
  return NULL;
}

JcId *
jc_id_lookup (JsonObject *obj, const char *member)
{
  return jc_id_from_json (json_object_get_member (obj, member));
}

/* Rooms with string_ids use strings for rooms and participants alike. */
gboolean
jc_id_fits (const JcId *id, const JcId *room)
{
  return room == NULL || jc_id_is_string (id) == jc_id_is_string (room);
}

JcId *
jc_id_lookup_in (JsonObject *obj, const char *member, const JcId *room)
{
  JcId *id = jc_id_lookup (obj, member);

  if (id != NULL && !jc_id_fits (id, room))
    g_clear_pointer (&id, jc_id_free);
  return id;
}

JcId *
jc_id_read (JsonObject *obj, const char *member, const JcId *room, const char *what, GString *problems)
{
  JcId *id;

  if (!jc_json_has_member (obj, member))
    return NULL;
  if ((id = jc_id_lookup_in (obj, member, room)) == NULL)
    jc_plugin_add_problem (problems, "“%s” is not a valid %s id", member, what);
  return id;
}

void
jc_plugin_set_id (JsonObject *obj, const char *member, const JcId *id)
{
  if (id != NULL)
    json_object_set_member (obj, member, jc_id_to_json (id));
}

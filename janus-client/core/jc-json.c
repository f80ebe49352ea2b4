/* jc-json.c: typed, GError-returning accessors for server JSON
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"

gboolean
jc_set_protocol_error (GError **error, const char *format, ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (JC_ERROR, JC_ERROR_PROTOCOL, format, args);
  va_end (args);
  return FALSE;
}

/* json-glib recurses once per nesting level: a hostile message nested
 * deep enough overflows the stack long before the size limit. Janus
 * never nests beyond a dozen levels. */
#define MAX_DEPTH 256

static gboolean
too_deep (const char *data, gsize length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return TRUE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return FALSE;
}

/*
 * jc_json_parse_object:
 *
 * Parses one message; anything but exactly one JSON object (an array, a
 * scalar, empty input, a `var x =` assignment) is a protocol error.
 */
JsonObject *
jc_json_parse_object (const char *data, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || length == 0)
    {
      jc_set_protocol_error (error, "Empty message");
      return NULL;
    }

  if (too_deep (data, length < 0 ? strlen (data) : (gsize) length))
    {
      jc_set_protocol_error (error, "Message nests deeper than %d levels", MAX_DEPTH);
      return NULL;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      jc_set_protocol_error (error, "Message is not valid JSON: %s", local_error->message);
      return NULL;
    }
  if (json_parser_has_assignment (parser, NULL))
    {
      jc_set_protocol_error (error, "Message is a JavaScript assignment, not JSON");
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      jc_set_protocol_error (error, "Empty message");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      jc_set_protocol_error (error, "Message is a JSON %s, not an object",
                             json_node_type_name (root));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static JsonNode *
lookup_value (JsonObject *obj, const char *member, GType type)
{
  JsonNode *node;

  if (obj == NULL)
    return NULL;
  node = json_object_get_member (obj, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

gboolean
jc_json_has_member (JsonObject *obj, const char *member)
{
  return obj != NULL && json_object_has_member (obj, member);
}

const char *
jc_json_lookup_string (JsonObject *obj, const char *member)
{
  JsonNode *node = lookup_value (obj, member, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

gboolean
jc_json_get_string (JsonObject *obj, const char *member, const char **out, GError **error)
{
  const char *value = jc_json_lookup_string (obj, member);

  if (value == NULL)
    return jc_set_protocol_error (error, "Janus sent no valid “%s” (want a string)", member);
  *out = value;
  return TRUE;
}

JsonObject *
jc_json_lookup_object (JsonObject *obj, const char *member)
{
  JsonNode *node;

  if (obj == NULL)
    return NULL;
  node = json_object_get_member (obj, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

gboolean
jc_json_get_object (JsonObject *obj, const char *member, JsonObject **out, GError **error)
{
  JsonObject *value = jc_json_lookup_object (obj, member);

  if (value == NULL)
    return jc_set_protocol_error (error, "Janus sent no valid “%s” (want an object)", member);
  *out = value;
  return TRUE;
}

JsonArray *
jc_json_lookup_array (JsonObject *obj, const char *member)
{
  JsonNode *node;

  if (obj == NULL)
    return NULL;
  node = json_object_get_member (obj, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

gboolean
jc_json_lookup_int (JsonObject *obj, const char *member, gint64 *out)
{
  JsonNode *node = lookup_value (obj, member, G_TYPE_INT64);

  if (node == NULL)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
jc_json_lookup_bool (JsonObject *obj, const char *member, gboolean *out)
{
  JsonNode *node = lookup_value (obj, member, G_TYPE_BOOLEAN);

  if (node == NULL)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
jc_json_lookup_id (JsonObject *obj, const char *member, guint64 *out_id)
{
  gint64 value;

  if (!jc_json_lookup_int (obj, member, &value) || value <= 0 || value > JC_JSON_MAX_ID)
    return FALSE;
  *out_id = (guint64) value;
  return TRUE;
}

gboolean
jc_json_get_id (JsonObject *obj, const char *member, guint64 *out_id, GError **error)
{
  if (!jc_json_lookup_id (obj, member, out_id))
    return jc_set_protocol_error (error,
                                  "Janus sent no valid “%s” (want an integer between 1 and 2^53-1)",
                                  member);
  return TRUE;
}

/* A copy that shares nothing with @node (json_node_copy () shares the
 * objects and arrays it holds). */
JsonNode *
jc_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, jc_json_object_copy (json_node_get_object (node)));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *array_copy = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (array_copy, jc_json_node_deep_copy (json_array_get_element (array, i)));
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, array_copy);
    }
  else
    {
      copy = json_node_copy (node);
    }
  return copy;
}

/* A deep, mutable copy (json_node_copy () only adds references). */
JsonObject *
jc_json_object_copy (JsonObject *obj)
{
  JsonObject *copy = json_object_new ();
  g_autoptr (GList) members = json_object_get_members (obj); /* in their order */

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, jc_json_node_deep_copy (json_object_get_member (obj, l->data)));
  return copy;
}

char *
jc_json_to_string (JsonObject *obj)
{
  g_autoptr (JsonNode) node = json_node_alloc ();

  json_node_init_object (node, obj);
  return json_to_string (node, FALSE);
}

/* Members whose values never reach a log line. */
static const char *const secret_members[] = {
  "apisecret",
  "admin_secret",
  "token",
  "secret",
  "pin",
  "password",
  "ha1_secret",
  "new_secret",
  "new_pin",
  "admin_key",
  "allowed", /* VideoRoom's and TextRoom's invitation tokens */
  "rtsp_pwd",
};

gboolean
jc_json_is_secret_member (const char *member)
{
  for (gsize i = 0; i < G_N_ELEMENTS (secret_members); i++)
    if (g_str_equal (member, secret_members[i]))
      return TRUE;
  return FALSE;
}

static void redact_node (JsonNode *node);

static void
redact_object (JsonObject *obj)
{
  g_autoptr (GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *child = json_object_get_member (obj, name);

      if (jc_json_is_secret_member (name) && !JSON_NODE_HOLDS_NULL (child))
        json_object_set_string_member (obj, name, "[redacted]");
      else
        redact_node (child);
    }
}

static void
redact_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      redact_object (json_node_get_object (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        redact_node (json_array_get_element (array, i));
    }
}

/*
 * jc_json_to_redacted_string:
 *
 * Compact JSON for a log line, with the value of every secret member
 * (api secret, admin secret, tokens, room secrets and pins, passwords)
 * replaced by "[redacted]", at any depth.
 */
char *
jc_json_to_redacted_string (JsonObject *obj)
{
  g_autoptr (JsonObject) copy = jc_json_object_copy (obj);
  g_autoptr (JsonNode) node = json_node_alloc ();

  redact_object (copy);
  json_node_init_object (node, copy);
  return json_to_string (node, FALSE);
}

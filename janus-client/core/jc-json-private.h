/* jc-json-private.h: the one place that reads server JSON
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * json-glib 1.6 is lenient and its json_object_get_*_member() getters log
 * criticals on absent members and coerce wrong types; everything that reads
 * a message from the wire goes through these typed accessors instead.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Largest id Janus hands out (ids fit in 53 bits so JavaScript keeps them). */
#define JC_JSON_MAX_ID ((G_GINT64_CONSTANT (1) << 53) - 1)

gboolean jc_set_protocol_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

JsonObject *jc_json_parse_object (const char *data, gssize length, GError **error);

gboolean jc_json_get_string (JsonObject *obj, const char *member, const char **out, GError **error);
gboolean jc_json_get_id (JsonObject *obj, const char *member, guint64 *out_id, GError **error);
gboolean jc_json_get_object (JsonObject *obj, const char *member, JsonObject **out, GError **error);

/* Optional members: absent or of another type → NULL / FALSE, never a log. */
const char *jc_json_lookup_string (JsonObject *obj, const char *member);
JsonObject *jc_json_lookup_object (JsonObject *obj, const char *member);
JsonArray *jc_json_lookup_array (JsonObject *obj, const char *member);
gboolean jc_json_lookup_int (JsonObject *obj, const char *member, gint64 *out);
gboolean jc_json_lookup_bool (JsonObject *obj, const char *member, gboolean *out);
gboolean jc_json_lookup_id (JsonObject *obj, const char *member, guint64 *out_id);
gboolean jc_json_has_member (JsonObject *obj, const char *member);

JsonObject *jc_json_object_copy (JsonObject *obj);
JsonNode *jc_json_node_deep_copy (JsonNode *node);
char *jc_json_to_string (JsonObject *obj);
char *jc_json_to_redacted_string (JsonObject *obj);
gboolean jc_json_is_secret_member (const char *member);

G_END_DECLS

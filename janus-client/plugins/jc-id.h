/* jc-id.h: the ids of Janus's plugins (rooms, feeds, mountpoints,
 * participants): numbers, or strings where the plugin has string_ids
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "jc-version-macros.h"

G_BEGIN_DECLS

typedef struct _JcId JcId;

#define JC_TYPE_ID (jc_id_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_id_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcId *jc_id_new_number (guint64 number);
JC_AVAILABLE_IN_ALL
JcId *jc_id_new_string (const char *string);
JC_AVAILABLE_IN_ALL
JcId *jc_id_parse (const char *text);
JC_AVAILABLE_IN_ALL
JcId *jc_id_copy (const JcId *self);
JC_AVAILABLE_IN_ALL
void jc_id_free (JcId *self);
JC_AVAILABLE_IN_ALL
gboolean jc_id_is_string (const JcId *self);
JC_AVAILABLE_IN_ALL
guint64 jc_id_get_number (const JcId *self);
JC_AVAILABLE_IN_ALL
const char *jc_id_get_string (const JcId *self);
JC_AVAILABLE_IN_ALL
char *jc_id_to_string (const JcId *self);
JC_AVAILABLE_IN_ALL
gboolean jc_id_equal (const JcId *a,
                      const JcId *b);
JC_AVAILABLE_IN_ALL
guint jc_id_hash (const JcId *self);
JC_AVAILABLE_IN_ALL
JsonNode *jc_id_to_json (const JcId *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcId, jc_id_free)

G_END_DECLS

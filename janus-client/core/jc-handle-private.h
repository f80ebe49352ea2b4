/* jc-handle-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-handle.h"

G_BEGIN_DECLS

void jc_handle_dispatch (JcHandle *self, const char *janus, JsonObject *message);
/* Marks the handle detached and emits "detached" once. */
void jc_handle_mark_detached (JcHandle *self);
/* Turns a plugin reply (success or event) into its data and jsep, mapping
 * an error_code to JC_PLUGIN_ERROR. */
JsonObject *jc_handle_parse_plugin_reply (JcHandle *self,
                                          JsonObject *reply,
                                          JsonObject **out_jsep,
                                          GError **error);

G_END_DECLS

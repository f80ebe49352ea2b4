/* jc-text-room-private.h: JcTextRoom's insides
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * jc-text-room.c holds the handle and the requests the plugin answers
 * over the Janus API (room administration). The data-channel part
 * (setup, join, message, events) goes in files of its own that add their
 * members to the struct below and share these helpers.
 */
#pragma once

#include "jc-plugin-private.h"
#include "jc-text-room.h"

G_BEGIN_DECLS

struct _JcTextRoom
{
  JcHandle parent_instance;
  /* The data-channel state (the JcDataChannel, the rooms joined, the
   * transactions pending on the channel) goes here. */
};

/* The `textroom` member of the plugin's replies and the name errors use. */
extern const JcPluginSpec jc_text_room_spec;

/* Sends @request with @room (0: none) and @options' fields, then @extra's
 * (either may be NULL). The reply's `textroom` must be one of @expect
 * (NULL: any kind, or none). */
void jc_text_room_send (JcTextRoom *self,
                        const char *request,
                        guint64 room,
                        JcTextRoomRequest *options,
                        JsonObject *extra,
                        const char *const *expect,
                        JcPluginReplyHook hook,
                        gpointer source_tag,
                        const char *name,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data);

JsonObject *jc_text_room_request_peek_body (JcTextRoomRequest *self);

/* Typed entries from server objects; NULL when malformed (no valid
 * numeric `room`, no string `username`). */
JcTextRoomInfo *jc_text_room_info_new_from_json (JsonObject *obj);
JcTextRoomParticipant *jc_text_room_participant_new_from_json (JsonObject *obj);

G_END_DECLS

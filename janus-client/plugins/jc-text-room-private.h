/* jc-text-room-private.h: JcTextRoom's insides
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * jc-text-room.c holds the handle and the requests the plugin answers
 * over the Janus API (room administration), jc-text-room-types.c the
 * boxed types, jc-text-room-chat.c the data channel (setup, requests
 * matched by transaction), jc-text-room-events.c what arrives on it.
 */
#pragma once

#include "jc-plugin-private.h"
#include "jc-text-room.h"

G_BEGIN_DECLS

struct _JcTextRoom
{
  JcPluginHandle parent_instance;

  /* The data channel (jc-text-room-chat.c) */
  JcPeer *peer;           /* (unowned) (nullable) weak pointer: the application owns it */
  gulong data_channel_id; /* JcPeer::data-channel */
  JcDataChannel *channel; /* (owned) (nullable) "JanusDataChannel", where requests go */
  GPtrArray *listened;    /* (owned) JcDataChannel whose messages we read */
  GHashTable *pending;    /* (owned) transaction (char *) → ChatPending */
  GHashTable *joined;     /* (owned) room (guint64 *) → our username (char *), joined or joining */
  guint64 next_transaction;
  GTask *setup;         /* (owned) (nullable) waiting for the channel to open */
  GSource *setup_timer; /* (owned) (nullable) the setup's deadline */
};

enum
{
  TR_SIGNAL_JOINED,
  TR_SIGNAL_LEFT,
  TR_SIGNAL_MESSAGE,
  TR_SIGNAL_ANNOUNCEMENT,
  TR_SIGNAL_KICKED,
  TR_SIGNAL_DESTROYED,
  TR_SIGNAL_ERROR,
  TR_N_SIGNALS
};

extern guint jc_text_room_signals[TR_N_SIGNALS];

/* Requests pending on the channel at most; more fail at once. */
#define JC_TEXT_ROOM_MAX_PENDING 256

/* jc-text-room-events.c */
void jc_text_room_events_class_init (GObjectClass *klass);
void jc_text_room_emit_error (JcTextRoom *self, const GError *error);
void jc_text_room_log_channel_message (JcTextRoom *self, const char *arrow, JsonObject *message);
/* Reads @channel's messages (once per channel). */
void jc_text_room_listen (JcTextRoom *self, JcDataChannel *channel);
/* Listens to every channel Janus opens on @peer; the handler's id. */
gulong jc_text_room_watch_peer (JcTextRoom *self, JcPeer *peer);

/* jc-text-room-chat.c */
void jc_text_room_chat_init (JcTextRoom *self);
void jc_text_room_chat_dispose (JcTextRoom *self);
void jc_text_room_chat_finalize (JcTextRoom *self);
/* Whether requests go over the data channel: set up and not closed. */
gboolean jc_text_room_chat_ready (JcTextRoom *self);
/* Sends {"textroom": @verb, "transaction": …} plus @body's members
 * (transfer full) on the channel; the task (source @self, tagged
 * @source_tag) returns the reply object (transfer full) of a `success`
 * or of a reply without `textroom`, JC_PLUGIN_ERROR for an `error`. */
void jc_text_room_chat_send (JcTextRoom *self,
                             const char *verb,
                             JsonObject *body,
                             gboolean want_reply,
                             gpointer source_tag,
                             const char *name,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);

/* A reply (it has a string `transaction`) for a pending request. */
void jc_text_room_chat_reply (JcTextRoom *self, JsonObject *message, const char *transaction);
/* From the channels' open and closed signals. */
void jc_text_room_chat_channel_opened (JcTextRoom *self, JcDataChannel *channel);
void jc_text_room_chat_channel_closed (JcTextRoom *self, JcDataChannel *channel);

/* For tests: handles @text as if it came on the data channel. */
void jc_text_room_feed_channel_message_for_test (JcTextRoom *self, const char *text);

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
/* A message or announcement event; NULL with @error set when malformed. */
JcTextRoomMessage *jc_text_room_message_new_from_json (JsonObject *obj, gboolean announcement, GError **error);
/* Entries of a `participants` array; malformed ones are left out. */
GPtrArray *jc_text_room_participants_from_json (JsonArray *list);

G_END_DECLS

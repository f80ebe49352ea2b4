/* jc-video-call-private.h: JcVideoCall's insides, shared by its source
 * files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-plugin-private.h"
#include "jc-video-call.h"

G_BEGIN_DECLS

struct _JcVideoCall
{
  JcPluginHandle parent_instance;

  char *username;      /* (owned) (nullable) once registered */
  char *peer_username; /* (owned) (nullable) the other side of the call */
  JcVideoCallState state;
  JsonObject *incoming_offer; /* (owned) (nullable) while INCOMING */
};

enum
{
  VC_SIGNAL_REGISTERED,
  VC_SIGNAL_CALLING,
  VC_SIGNAL_INCOMING_CALL,
  VC_SIGNAL_ACCEPTED,
  VC_SIGNAL_UPDATED,
  VC_SIGNAL_CONFIGURED,
  VC_SIGNAL_HUNG_UP,
  VC_SIGNAL_SIMULCAST,
  VC_SIGNAL_SLOW_LINK,
  VC_SIGNAL_ERROR,
  VC_N_SIGNALS
};

extern guint jc_video_call_signals[VC_N_SIGNALS];
extern const JcPluginSpec jc_video_call_spec;

JsonObject *jc_video_call_request_peek_body (JcVideoCallRequest *self);

/* Requests: every reply is a `videocall: event`. */
void jc_video_call_send (JcVideoCall *self,
                         JsonObject *body,
                         JsonObject *jsep,
                         JcPluginReplyHook hook,
                         gpointer source_tag,
                         const char *name,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data);
/* The `result` of a reply to @request, which must name @event (NULL:
 * any); a protocol error otherwise. */
JsonObject *jc_video_call_reply_result (JsonObject *data, const char *event, const char *request, GError **error);

/* jc-video-call-events.c: reads the plugin's data (a reply to one of our
 * requests or an event) and updates the state. */
void jc_video_call_dispatch_event (JcVideoCall *self, JsonObject *data, JsonObject *jsep);
void jc_video_call_emit_error (JcVideoCall *self, const GError *error);
/* State changes shared by replies and events. */
void jc_video_call_set_state (JcVideoCall *self, JcVideoCallState state, const char *peer_username);
/* Ends the call once however many hangups Janus sends: emits hung-up
 * when there was a call. */
void jc_video_call_end (JcVideoCall *self, const char *username, const char *reason);

G_END_DECLS

/* jc-video-call.h: the VideoCall plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include "jc-handle.h"
#include "jc-peer.h"
#include "jc-plugin-handle.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

/**
 * JC_VIDEO_CALL_PLUGIN:
 *
 * The VideoCall plugin's package name.
 */
#define JC_VIDEO_CALL_PLUGIN "janus.plugin.videocall"

/**
 * JcVideoCallError:
 * @JC_VIDEO_CALL_ERROR_UNKNOWN: unknown error (499)
 * @JC_VIDEO_CALL_ERROR_NO_MESSAGE: no message (470)
 * @JC_VIDEO_CALL_ERROR_INVALID_JSON: invalid JSON (471)
 * @JC_VIDEO_CALL_ERROR_INVALID_REQUEST: unknown or invalid request (472)
 * @JC_VIDEO_CALL_ERROR_REGISTER_FIRST: register a username first (473)
 * @JC_VIDEO_CALL_ERROR_INVALID_ELEMENT: a field has an invalid value (474)
 * @JC_VIDEO_CALL_ERROR_MISSING_ELEMENT: a mandatory field is missing (475)
 * @JC_VIDEO_CALL_ERROR_USERNAME_TAKEN: the username is taken (476)
 * @JC_VIDEO_CALL_ERROR_ALREADY_REGISTERED: this handle registered already
 *   (477)
 * @JC_VIDEO_CALL_ERROR_NO_SUCH_USERNAME: nobody registered that username
 *   (478)
 * @JC_VIDEO_CALL_ERROR_USE_ECHO_TEST: calling oneself (479)
 * @JC_VIDEO_CALL_ERROR_ALREADY_IN_CALL: already in a call (480)
 * @JC_VIDEO_CALL_ERROR_NO_CALL: no call to accept or change (481)
 * @JC_VIDEO_CALL_ERROR_MISSING_SDP: the request needs an offer or answer
 *   (482)
 * @JC_VIDEO_CALL_ERROR_INVALID_SDP: the SDP was refused (483)
 *
 * The VideoCall plugin's `error_code` values, as they arrive in the
 * [error@PluginError] domain.
 */
typedef enum
{
  JC_VIDEO_CALL_ERROR_UNKNOWN = 499,
  JC_VIDEO_CALL_ERROR_NO_MESSAGE = 470,
  JC_VIDEO_CALL_ERROR_INVALID_JSON = 471,
  JC_VIDEO_CALL_ERROR_INVALID_REQUEST = 472,
  JC_VIDEO_CALL_ERROR_REGISTER_FIRST = 473,
  JC_VIDEO_CALL_ERROR_INVALID_ELEMENT = 474,
  JC_VIDEO_CALL_ERROR_MISSING_ELEMENT = 475,
  JC_VIDEO_CALL_ERROR_USERNAME_TAKEN = 476,
  JC_VIDEO_CALL_ERROR_ALREADY_REGISTERED = 477,
  JC_VIDEO_CALL_ERROR_NO_SUCH_USERNAME = 478,
  JC_VIDEO_CALL_ERROR_USE_ECHO_TEST = 479,
  JC_VIDEO_CALL_ERROR_ALREADY_IN_CALL = 480,
  JC_VIDEO_CALL_ERROR_NO_CALL = 481,
  JC_VIDEO_CALL_ERROR_MISSING_SDP = 482,
  JC_VIDEO_CALL_ERROR_INVALID_SDP = 483,
} JcVideoCallError;

/**
 * JcVideoCallState:
 * @JC_VIDEO_CALL_STATE_IDLE: no call (registered or not)
 * @JC_VIDEO_CALL_STATE_CALLING: our call is ringing at the other side
 * @JC_VIDEO_CALL_STATE_INCOMING: someone calls us; accept or hang up
 * @JC_VIDEO_CALL_STATE_IN_CALL: the call was accepted
 *
 * Where a VideoCall handle's call stands.
 */
typedef enum
{
  JC_VIDEO_CALL_STATE_IDLE,
  JC_VIDEO_CALL_STATE_CALLING,
  JC_VIDEO_CALL_STATE_INCOMING,
  JC_VIDEO_CALL_STATE_IN_CALL,
} JcVideoCallState;

typedef struct _JcVideoCallRequest JcVideoCallRequest;

#define JC_TYPE_VIDEO_CALL_REQUEST (jc_video_call_request_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_video_call_request_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcVideoCallRequest *jc_video_call_request_new (void);
JC_AVAILABLE_IN_ALL
JcVideoCallRequest *jc_video_call_request_ref (JcVideoCallRequest *self);
JC_AVAILABLE_IN_ALL
void jc_video_call_request_unref (JcVideoCallRequest *self);
JC_AVAILABLE_IN_ALL
void jc_video_call_request_set_audio (JcVideoCallRequest *self, gboolean audio);
JC_AVAILABLE_IN_ALL
void jc_video_call_request_set_video (JcVideoCallRequest *self, gboolean video);
JC_AVAILABLE_IN_ALL
void jc_video_call_request_set_bitrate (JcVideoCallRequest *self, guint bitrate);
JC_AVAILABLE_IN_ALL
void jc_video_call_request_set_record (JcVideoCallRequest *self, gboolean record, const char *filename);
JC_AVAILABLE_IN_ALL
void jc_video_call_request_set_substream (JcVideoCallRequest *self, int substream);
JC_AVAILABLE_IN_ALL
void jc_video_call_request_set_temporal (JcVideoCallRequest *self, int temporal);
JC_AVAILABLE_IN_ALL
void jc_video_call_request_set_fallback (JcVideoCallRequest *self, guint fallback_us);
JC_AVAILABLE_IN_ALL
void jc_video_call_request_set_extra (JcVideoCallRequest *self, const char *name, JsonNode *value);
JC_AVAILABLE_IN_ALL
JsonObject *jc_video_call_request_to_json (JcVideoCallRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcVideoCallRequest, jc_video_call_request_unref)

#define JC_TYPE_VIDEO_CALL (jc_video_call_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcVideoCall, jc_video_call, JC, VIDEO_CALL, JcPluginHandle)

JC_AVAILABLE_IN_ALL
void jc_video_call_attach_async (JcSession *session,
                                 const char *opaque_id,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
JcVideoCall *jc_video_call_attach_finish (GAsyncResult *result,
                                          GError **error);

JC_AVAILABLE_IN_ALL
void jc_video_call_set_peer (JcVideoCall *self,
                             JcPeer *peer);
JC_AVAILABLE_IN_ALL
JcPeer *jc_video_call_get_peer (JcVideoCall *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_call_get_username (JcVideoCall *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_call_get_peer_username (JcVideoCall *self);
JC_AVAILABLE_IN_ALL
JcVideoCallState jc_video_call_get_state (JcVideoCall *self);

JC_AVAILABLE_IN_ALL
void jc_video_call_list_async (JcVideoCall *self,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
GStrv jc_video_call_list_finish (JcVideoCall *self,
                                 GAsyncResult *result,
                                 GError **error);

JC_AVAILABLE_IN_ALL
void jc_video_call_register_async (JcVideoCall *self,
                                   const char *username,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_call_register_finish (JcVideoCall *self,
                                        GAsyncResult *result,
                                        GError **error);

JC_AVAILABLE_IN_ALL
void jc_video_call_call_async (JcVideoCall *self,
                               const char *username,
                               JsonObject *offer,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_call_call_finish (JcVideoCall *self,
                                    GAsyncResult *result,
                                    GError **error);

JC_AVAILABLE_IN_ALL
void jc_video_call_accept_async (JcVideoCall *self,
                                 JsonObject *answer,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_call_accept_finish (JcVideoCall *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_video_call_set_async (JcVideoCall *self,
                              JcVideoCallRequest *request,
                              JsonObject *jsep,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_call_set_finish (JcVideoCall *self,
                                   GAsyncResult *result,
                                   GError **error);

JC_AVAILABLE_IN_ALL
void jc_video_call_hangup_call_async (JcVideoCall *self,
                                      const char *reason,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_call_hangup_call_finish (JcVideoCall *self,
                                           GAsyncResult *result,
                                           GError **error);

G_END_DECLS

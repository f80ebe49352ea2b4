/* jc-audio-bridge.h: the AudioBridge plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include "jc-handle.h"
#include "jc-id.h"
#include "jc-peer.h"
#include "jc-plugin-handle.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

/**
 * JC_AUDIO_BRIDGE_PLUGIN:
 *
 * The AudioBridge plugin's package name.
 */
#define JC_AUDIO_BRIDGE_PLUGIN "janus.plugin.audiobridge"

/**
 * JcAudioBridgeError:
 * @JC_AUDIO_BRIDGE_ERROR_UNKNOWN: unknown error (499)
 * @JC_AUDIO_BRIDGE_ERROR_NO_MESSAGE: no message (480)
 * @JC_AUDIO_BRIDGE_ERROR_INVALID_JSON: invalid JSON (481)
 * @JC_AUDIO_BRIDGE_ERROR_INVALID_REQUEST: unknown or invalid request (482)
 * @JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT: a mandatory field is missing
 *   (483), also a missing secret, pin or admin key
 * @JC_AUDIO_BRIDGE_ERROR_INVALID_ELEMENT: a field has an invalid value
 *   (484)
 * @JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM: no such room (485)
 * @JC_AUDIO_BRIDGE_ERROR_ROOM_EXISTS: the room exists already (486)
 * @JC_AUDIO_BRIDGE_ERROR_NOT_JOINED: the handle has not joined a room
 *   (487)
 * @JC_AUDIO_BRIDGE_ERROR_LIBOPUS_ERROR: the Opus codec failed (488)
 * @JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED: wrong secret, pin, token or admin
 *   key (489)
 * @JC_AUDIO_BRIDGE_ERROR_ID_EXISTS: the participant id is taken (490)
 * @JC_AUDIO_BRIDGE_ERROR_ALREADY_JOINED: the handle joined already (491)
 * @JC_AUDIO_BRIDGE_ERROR_NO_SUCH_USER: no such participant (492)
 * @JC_AUDIO_BRIDGE_ERROR_INVALID_SDP: the SDP was refused (493)
 * @JC_AUDIO_BRIDGE_ERROR_NO_SUCH_GROUP: no such group (494)
 *
 * The AudioBridge plugin's `error_code` values (Janus 1.1.2), as they
 * arrive in the [error@PluginError] domain.
 */
typedef enum
{
  JC_AUDIO_BRIDGE_ERROR_UNKNOWN = 499,
  JC_AUDIO_BRIDGE_ERROR_NO_MESSAGE = 480,
  JC_AUDIO_BRIDGE_ERROR_INVALID_JSON = 481,
  JC_AUDIO_BRIDGE_ERROR_INVALID_REQUEST = 482,
  JC_AUDIO_BRIDGE_ERROR_MISSING_ELEMENT = 483,
  JC_AUDIO_BRIDGE_ERROR_INVALID_ELEMENT = 484,
  JC_AUDIO_BRIDGE_ERROR_NO_SUCH_ROOM = 485,
  JC_AUDIO_BRIDGE_ERROR_ROOM_EXISTS = 486,
  JC_AUDIO_BRIDGE_ERROR_NOT_JOINED = 487,
  JC_AUDIO_BRIDGE_ERROR_LIBOPUS_ERROR = 488,
  JC_AUDIO_BRIDGE_ERROR_UNAUTHORIZED = 489,
  JC_AUDIO_BRIDGE_ERROR_ID_EXISTS = 490,
  JC_AUDIO_BRIDGE_ERROR_ALREADY_JOINED = 491,
  JC_AUDIO_BRIDGE_ERROR_NO_SUCH_USER = 492,
  JC_AUDIO_BRIDGE_ERROR_INVALID_SDP = 493,
  JC_AUDIO_BRIDGE_ERROR_NO_SUCH_GROUP = 494,
} JcAudioBridgeError;

/* Request options */

typedef struct _JcAudioBridgeRequest JcAudioBridgeRequest;

#define JC_TYPE_AUDIO_BRIDGE_REQUEST (jc_audio_bridge_request_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_audio_bridge_request_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcAudioBridgeRequest *jc_audio_bridge_request_new (void);
JC_AVAILABLE_IN_ALL
JcAudioBridgeRequest *jc_audio_bridge_request_ref (JcAudioBridgeRequest *self);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_unref (JcAudioBridgeRequest *self);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_secret (JcAudioBridgeRequest *self, const char *secret);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_pin (JcAudioBridgeRequest *self, const char *pin);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_token (JcAudioBridgeRequest *self, const char *token);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_admin_key (JcAudioBridgeRequest *self, const char *admin_key);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_description (JcAudioBridgeRequest *self, const char *description);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_permanent (JcAudioBridgeRequest *self, gboolean permanent);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_is_private (JcAudioBridgeRequest *self, gboolean is_private);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_sampling_rate (JcAudioBridgeRequest *self, guint sampling_rate);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_record (JcAudioBridgeRequest *self, gboolean record, const char *filename);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_id (JcAudioBridgeRequest *self, const JcId *id);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_display (JcAudioBridgeRequest *self, const char *display);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_muted (JcAudioBridgeRequest *self, gboolean muted);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_volume (JcAudioBridgeRequest *self, guint volume);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_bitrate (JcAudioBridgeRequest *self, guint bitrate);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_quality (JcAudioBridgeRequest *self, guint quality);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_group (JcAudioBridgeRequest *self, const char *group);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_set_extra (JcAudioBridgeRequest *self, const char *name, JsonNode *value);
JC_AVAILABLE_IN_ALL
JsonObject *jc_audio_bridge_request_to_json (JcAudioBridgeRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcAudioBridgeRequest, jc_audio_bridge_request_unref)

/* Typed results */

typedef struct _JcAudioBridgeRoomInfo JcAudioBridgeRoomInfo;

#define JC_TYPE_AUDIO_BRIDGE_ROOM_INFO (jc_audio_bridge_room_info_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_audio_bridge_room_info_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcAudioBridgeRoomInfo *jc_audio_bridge_room_info_ref (JcAudioBridgeRoomInfo *self);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_room_info_unref (JcAudioBridgeRoomInfo *self);
JC_AVAILABLE_IN_ALL
const JcId *jc_audio_bridge_room_info_get_room (JcAudioBridgeRoomInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_audio_bridge_room_info_get_description (JcAudioBridgeRoomInfo *self);
JC_AVAILABLE_IN_ALL
guint jc_audio_bridge_room_info_get_num_participants (JcAudioBridgeRoomInfo *self);
JC_AVAILABLE_IN_ALL
guint jc_audio_bridge_room_info_get_sampling_rate (JcAudioBridgeRoomInfo *self);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_room_info_is_pin_required (JcAudioBridgeRoomInfo *self);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_room_info_is_recording (JcAudioBridgeRoomInfo *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_audio_bridge_room_info_get_json (JcAudioBridgeRoomInfo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcAudioBridgeRoomInfo, jc_audio_bridge_room_info_unref)

typedef struct _JcAudioBridgeParticipant JcAudioBridgeParticipant;

#define JC_TYPE_AUDIO_BRIDGE_PARTICIPANT (jc_audio_bridge_participant_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_audio_bridge_participant_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcAudioBridgeParticipant *jc_audio_bridge_participant_ref (JcAudioBridgeParticipant *self);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_participant_unref (JcAudioBridgeParticipant *self);
JC_AVAILABLE_IN_ALL
const JcId *jc_audio_bridge_participant_get_id (JcAudioBridgeParticipant *self);
JC_AVAILABLE_IN_ALL
const char *jc_audio_bridge_participant_get_display (JcAudioBridgeParticipant *self);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_participant_is_muted (JcAudioBridgeParticipant *self);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_participant_is_talking (JcAudioBridgeParticipant *self);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_participant_is_setup (JcAudioBridgeParticipant *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_audio_bridge_participant_get_json (JcAudioBridgeParticipant *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcAudioBridgeParticipant, jc_audio_bridge_participant_unref)

typedef struct _JcAudioBridgeForwarder JcAudioBridgeForwarder;

#define JC_TYPE_AUDIO_BRIDGE_FORWARDER (jc_audio_bridge_forwarder_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_audio_bridge_forwarder_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcAudioBridgeForwarder *jc_audio_bridge_forwarder_ref (JcAudioBridgeForwarder *self);
JC_AVAILABLE_IN_ALL
void jc_audio_bridge_forwarder_unref (JcAudioBridgeForwarder *self);
JC_AVAILABLE_IN_ALL
guint jc_audio_bridge_forwarder_get_stream_id (JcAudioBridgeForwarder *self);
JC_AVAILABLE_IN_ALL
const char *jc_audio_bridge_forwarder_get_host (JcAudioBridgeForwarder *self);
JC_AVAILABLE_IN_ALL
guint jc_audio_bridge_forwarder_get_port (JcAudioBridgeForwarder *self);
JC_AVAILABLE_IN_ALL
const char *jc_audio_bridge_forwarder_get_codec (JcAudioBridgeForwarder *self);
JC_AVAILABLE_IN_ALL
const char *jc_audio_bridge_forwarder_get_group (JcAudioBridgeForwarder *self);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_forwarder_is_srtp (JcAudioBridgeForwarder *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_audio_bridge_forwarder_get_json (JcAudioBridgeForwarder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcAudioBridgeForwarder, jc_audio_bridge_forwarder_unref)

/* The handle */

#define JC_TYPE_AUDIO_BRIDGE (jc_audio_bridge_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcAudioBridge, jc_audio_bridge, JC, AUDIO_BRIDGE, JcPluginHandle)

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_attach_async (JcSession *session,
                                   const char *opaque_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
JcAudioBridge *jc_audio_bridge_attach_finish (GAsyncResult *result,
                                              GError **error);

JC_AVAILABLE_IN_ALL
const JcId *jc_audio_bridge_get_room (JcAudioBridge *self);
JC_AVAILABLE_IN_ALL
const JcId *jc_audio_bridge_get_participant_id (JcAudioBridge *self);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_audio_bridge_get_participants (JcAudioBridge *self);
JC_AVAILABLE_IN_ALL
JcPeer *jc_audio_bridge_get_peer (JcAudioBridge *self);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_request_async (JcAudioBridge *self,
                                    const char *request,
                                    const JcId *room,
                                    JcAudioBridgeRequest *options,
                                    JsonObject *jsep,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_audio_bridge_request_finish (JcAudioBridge *self,
                                            GAsyncResult *result,
                                            JsonObject **out_jsep,
                                            GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_create_async (JcAudioBridge *self,
                                   const JcId *room,
                                   JcAudioBridgeRequest *options,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
JcId *jc_audio_bridge_create_finish (JcAudioBridge *self,
                                     GAsyncResult *result,
                                     GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_edit_async (JcAudioBridge *self,
                                 const JcId *room,
                                 JcAudioBridgeRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_edit_finish (JcAudioBridge *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_destroy_async (JcAudioBridge *self,
                                    const JcId *room,
                                    JcAudioBridgeRequest *options,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_destroy_finish (JcAudioBridge *self,
                                         GAsyncResult *result,
                                         GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_exists_async (JcAudioBridge *self,
                                   const JcId *room,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_exists_finish (JcAudioBridge *self,
                                        GAsyncResult *result,
                                        gboolean *out_exists,
                                        GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_list_async (JcAudioBridge *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_audio_bridge_list_finish (JcAudioBridge *self,
                                        GAsyncResult *result,
                                        GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_allowed_async (JcAudioBridge *self,
                                    const JcId *room,
                                    const char *action,
                                    const char *const *tokens,
                                    JcAudioBridgeRequest *options,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
JC_AVAILABLE_IN_ALL
GStrv jc_audio_bridge_allowed_finish (JcAudioBridge *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_kick_async (JcAudioBridge *self,
                                 const JcId *room,
                                 const JcId *id,
                                 JcAudioBridgeRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_kick_finish (JcAudioBridge *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_kick_all_async (JcAudioBridge *self,
                                     const JcId *room,
                                     JcAudioBridgeRequest *options,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_kick_all_finish (JcAudioBridge *self,
                                          GAsyncResult *result,
                                          GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_list_participants_async (JcAudioBridge *self,
                                              const JcId *room,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_audio_bridge_list_participants_finish (JcAudioBridge *self,
                                                     GAsyncResult *result,
                                                     GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_reset_decoder_async (JcAudioBridge *self,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_reset_decoder_finish (JcAudioBridge *self,
                                               GAsyncResult *result,
                                               GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_mute_async (JcAudioBridge *self,
                                 const JcId *room,
                                 const JcId *id,
                                 gboolean muted,
                                 JcAudioBridgeRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_mute_finish (JcAudioBridge *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_mute_room_async (JcAudioBridge *self,
                                      const JcId *room,
                                      gboolean muted,
                                      JcAudioBridgeRequest *options,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_mute_room_finish (JcAudioBridge *self,
                                           GAsyncResult *result,
                                           GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_enable_recording_async (JcAudioBridge *self,
                                             const JcId *room,
                                             gboolean record,
                                             JcAudioBridgeRequest *options,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_enable_recording_finish (JcAudioBridge *self,
                                                  GAsyncResult *result,
                                                  GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_enable_mjrs_async (JcAudioBridge *self,
                                        const JcId *room,
                                        gboolean mjrs,
                                        JcAudioBridgeRequest *options,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_enable_mjrs_finish (JcAudioBridge *self,
                                             GAsyncResult *result,
                                             GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_rtp_forward_async (JcAudioBridge *self,
                                        const JcId *room,
                                        const char *host,
                                        guint port,
                                        JcAudioBridgeRequest *options,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
JC_AVAILABLE_IN_ALL
guint jc_audio_bridge_rtp_forward_finish (JcAudioBridge *self,
                                          GAsyncResult *result,
                                          GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_stop_rtp_forward_async (JcAudioBridge *self,
                                             const JcId *room,
                                             guint stream_id,
                                             JcAudioBridgeRequest *options,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_stop_rtp_forward_finish (JcAudioBridge *self,
                                                  GAsyncResult *result,
                                                  GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_list_forwarders_async (JcAudioBridge *self,
                                            const JcId *room,
                                            JcAudioBridgeRequest *options,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_audio_bridge_list_forwarders_finish (JcAudioBridge *self,
                                                   GAsyncResult *result,
                                                   GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_play_file_async (JcAudioBridge *self,
                                      const JcId *room,
                                      const char *filename,
                                      const char *file_id,
                                      gboolean loop,
                                      JcAudioBridgeRequest *options,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
JC_AVAILABLE_IN_ALL
char *jc_audio_bridge_play_file_finish (JcAudioBridge *self,
                                        GAsyncResult *result,
                                        GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_is_playing_async (JcAudioBridge *self,
                                       const JcId *room,
                                       const char *file_id,
                                       JcAudioBridgeRequest *options,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_is_playing_finish (JcAudioBridge *self,
                                            GAsyncResult *result,
                                            gboolean *out_playing,
                                            GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_stop_file_async (JcAudioBridge *self,
                                      const JcId *room,
                                      const char *file_id,
                                      JcAudioBridgeRequest *options,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_stop_file_finish (JcAudioBridge *self,
                                           GAsyncResult *result,
                                           GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_join_async (JcAudioBridge *self,
                                 const JcId *room,
                                 JcAudioBridgeRequest *options,
                                 JsonObject *offer,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
JcId *jc_audio_bridge_join_finish (JcAudioBridge *self,
                                   GAsyncResult *result,
                                   JsonObject **out_answer,
                                   GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_join_media_async (JcAudioBridge *self,
                                       const JcId *room,
                                       JcPeer *peer,
                                       JcAudioBridgeRequest *options,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
JC_AVAILABLE_IN_ALL
JcId *jc_audio_bridge_join_media_finish (JcAudioBridge *self,
                                         GAsyncResult *result,
                                         GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_configure_async (JcAudioBridge *self,
                                      JcAudioBridgeRequest *options,
                                      JsonObject *jsep,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_configure_finish (JcAudioBridge *self,
                                           GAsyncResult *result,
                                           JsonObject **out_jsep,
                                           GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_change_room_async (JcAudioBridge *self,
                                        const JcId *room,
                                        JcAudioBridgeRequest *options,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
JC_AVAILABLE_IN_ALL
JcId *jc_audio_bridge_change_room_finish (JcAudioBridge *self,
                                          GAsyncResult *result,
                                          GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_leave_async (JcAudioBridge *self,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_leave_finish (JcAudioBridge *self,
                                       GAsyncResult *result,
                                       GError **error);

JC_AVAILABLE_IN_ALL
void jc_audio_bridge_hangup_media_async (JcAudioBridge *self,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_bridge_hangup_media_finish (JcAudioBridge *self,
                                              GAsyncResult *result,
                                              GError **error);

G_END_DECLS

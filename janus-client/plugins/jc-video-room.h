/* jc-video-room.h: the VideoRoom plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include "jc-handle.h"
#include "jc-id.h"
#include "jc-media-sink.h"
#include "jc-peer.h"
#include "jc-plugin-handle.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

/**
 * JC_VIDEO_ROOM_PLUGIN:
 *
 * The VideoRoom plugin's package name.
 */
#define JC_VIDEO_ROOM_PLUGIN "janus.plugin.videoroom"

/**
 * JcVideoRoomError:
 * @JC_VIDEO_ROOM_ERROR_UNKNOWN: unknown error (499)
 * @JC_VIDEO_ROOM_ERROR_NO_MESSAGE: no message (421)
 * @JC_VIDEO_ROOM_ERROR_INVALID_JSON: invalid JSON (422)
 * @JC_VIDEO_ROOM_ERROR_INVALID_REQUEST: unknown or invalid request (423)
 * @JC_VIDEO_ROOM_ERROR_JOIN_FIRST: join a room first (424)
 * @JC_VIDEO_ROOM_ERROR_ALREADY_JOINED: already joined (425)
 * @JC_VIDEO_ROOM_ERROR_NO_SUCH_ROOM: no such room (426)
 * @JC_VIDEO_ROOM_ERROR_ROOM_EXISTS: the room exists already (427)
 * @JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED: no such feed or participant (428)
 * @JC_VIDEO_ROOM_ERROR_MISSING_ELEMENT: a mandatory field is missing (429)
 * @JC_VIDEO_ROOM_ERROR_INVALID_ELEMENT: a field has an invalid value (430)
 * @JC_VIDEO_ROOM_ERROR_INVALID_SDP_TYPE: wrong JSEP type (431)
 * @JC_VIDEO_ROOM_ERROR_PUBLISHERS_FULL: the room has its maximum of
 *   publishers (432)
 * @JC_VIDEO_ROOM_ERROR_UNAUTHORIZED: wrong secret, pin or token (433)
 * @JC_VIDEO_ROOM_ERROR_ALREADY_PUBLISHED: already publishing (434)
 * @JC_VIDEO_ROOM_ERROR_NOT_PUBLISHED: not publishing (435)
 * @JC_VIDEO_ROOM_ERROR_ID_EXISTS: the participant id is taken (436)
 * @JC_VIDEO_ROOM_ERROR_INVALID_SDP: the SDP was refused (437)
 *
 * The VideoRoom plugin's `error_code` values, as they arrive in the
 * [error@PluginError] domain.
 */
typedef enum
{
  JC_VIDEO_ROOM_ERROR_UNKNOWN = 499,
  JC_VIDEO_ROOM_ERROR_NO_MESSAGE = 421,
  JC_VIDEO_ROOM_ERROR_INVALID_JSON = 422,
  JC_VIDEO_ROOM_ERROR_INVALID_REQUEST = 423,
  JC_VIDEO_ROOM_ERROR_JOIN_FIRST = 424,
  JC_VIDEO_ROOM_ERROR_ALREADY_JOINED = 425,
  JC_VIDEO_ROOM_ERROR_NO_SUCH_ROOM = 426,
  JC_VIDEO_ROOM_ERROR_ROOM_EXISTS = 427,
  JC_VIDEO_ROOM_ERROR_NO_SUCH_FEED = 428,
  JC_VIDEO_ROOM_ERROR_MISSING_ELEMENT = 429,
  JC_VIDEO_ROOM_ERROR_INVALID_ELEMENT = 430,
  JC_VIDEO_ROOM_ERROR_INVALID_SDP_TYPE = 431,
  JC_VIDEO_ROOM_ERROR_PUBLISHERS_FULL = 432,
  JC_VIDEO_ROOM_ERROR_UNAUTHORIZED = 433,
  JC_VIDEO_ROOM_ERROR_ALREADY_PUBLISHED = 434,
  JC_VIDEO_ROOM_ERROR_NOT_PUBLISHED = 435,
  JC_VIDEO_ROOM_ERROR_ID_EXISTS = 436,
  JC_VIDEO_ROOM_ERROR_INVALID_SDP = 437,
} JcVideoRoomError;

/**
 * JcVideoRoomAllowedAction:
 * @JC_VIDEO_ROOM_ALLOWED_ENABLE: turn the token check on
 * @JC_VIDEO_ROOM_ALLOWED_DISABLE: turn the token check off
 * @JC_VIDEO_ROOM_ALLOWED_ADD: add tokens to the list
 * @JC_VIDEO_ROOM_ALLOWED_REMOVE: remove tokens from the list
 *
 * What an `allowed` request does to a room's list of tokens.
 */
typedef enum
{
  JC_VIDEO_ROOM_ALLOWED_ENABLE,
  JC_VIDEO_ROOM_ALLOWED_DISABLE,
  JC_VIDEO_ROOM_ALLOWED_ADD,
  JC_VIDEO_ROOM_ALLOWED_REMOVE,
} JcVideoRoomAllowedAction;

/* Requests */

typedef struct _JcVideoRoomRequest JcVideoRoomRequest;

#define JC_TYPE_VIDEO_ROOM_REQUEST (jc_video_room_request_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_video_room_request_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcVideoRoomRequest *jc_video_room_request_new (void);
JC_AVAILABLE_IN_ALL
JcVideoRoomRequest *jc_video_room_request_ref (JcVideoRoomRequest *self);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_unref (JcVideoRoomRequest *self);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_secret (JcVideoRoomRequest *self, const char *secret);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_pin (JcVideoRoomRequest *self, const char *pin);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_token (JcVideoRoomRequest *self, const char *token);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_admin_key (JcVideoRoomRequest *self, const char *admin_key);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_display (JcVideoRoomRequest *self, const char *display);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_id (JcVideoRoomRequest *self, const JcId *id);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_description (JcVideoRoomRequest *self, const char *description);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_publishers (JcVideoRoomRequest *self, guint publishers);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_permanent (JcVideoRoomRequest *self, gboolean permanent);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_is_private (JcVideoRoomRequest *self, gboolean is_private);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_bitrate (JcVideoRoomRequest *self, guint bitrate);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_codecs (JcVideoRoomRequest *self, const char *audio_codec, const char *video_codec);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_record (JcVideoRoomRequest *self, gboolean record, const char *rec_dir);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_filename (JcVideoRoomRequest *self, const char *filename);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_notify_joining (JcVideoRoomRequest *self, gboolean notify_joining);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_audiolevel_event (JcVideoRoomRequest *self, gboolean audiolevel_event);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_private_id (JcVideoRoomRequest *self, guint64 private_id);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_streams (JcVideoRoomRequest *self, JsonArray *streams);
JC_AVAILABLE_IN_ALL
void jc_video_room_request_set_extra (JcVideoRoomRequest *self, const char *name, JsonNode *value);
JC_AVAILABLE_IN_ALL
JsonObject *jc_video_room_request_to_json (JcVideoRoomRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcVideoRoomRequest, jc_video_room_request_unref)

/* Results */

typedef struct _JcVideoRoomStream JcVideoRoomStream;

#define JC_TYPE_VIDEO_ROOM_STREAM (jc_video_room_stream_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_video_room_stream_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcVideoRoomStream *jc_video_room_stream_ref (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
void jc_video_room_stream_unref (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_room_stream_get_kind (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_room_stream_get_mid (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
int jc_video_room_stream_get_mindex (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_room_stream_get_codec (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_room_stream_get_description (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
const JcId *jc_video_room_stream_get_feed_id (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_room_stream_get_feed_mid (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_room_stream_get_feed_display (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_stream_is_active (JcVideoRoomStream *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_video_room_stream_get_json (JcVideoRoomStream *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcVideoRoomStream, jc_video_room_stream_unref)

typedef struct _JcVideoRoomParticipant JcVideoRoomParticipant;

#define JC_TYPE_VIDEO_ROOM_PARTICIPANT (jc_video_room_participant_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_video_room_participant_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcVideoRoomParticipant *jc_video_room_participant_ref (JcVideoRoomParticipant *self);
JC_AVAILABLE_IN_ALL
void jc_video_room_participant_unref (JcVideoRoomParticipant *self);
JC_AVAILABLE_IN_ALL
const JcId *jc_video_room_participant_get_id (JcVideoRoomParticipant *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_room_participant_get_display (JcVideoRoomParticipant *self);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_participant_is_publisher (JcVideoRoomParticipant *self);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_participant_is_talking (JcVideoRoomParticipant *self);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_video_room_participant_get_streams (JcVideoRoomParticipant *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_video_room_participant_get_json (JcVideoRoomParticipant *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcVideoRoomParticipant, jc_video_room_participant_unref)

typedef struct _JcVideoRoomInfo JcVideoRoomInfo;

#define JC_TYPE_VIDEO_ROOM_INFO (jc_video_room_info_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_video_room_info_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcVideoRoomInfo *jc_video_room_info_ref (JcVideoRoomInfo *self);
JC_AVAILABLE_IN_ALL
void jc_video_room_info_unref (JcVideoRoomInfo *self);
JC_AVAILABLE_IN_ALL
const JcId *jc_video_room_info_get_room (JcVideoRoomInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_video_room_info_get_description (JcVideoRoomInfo *self);
JC_AVAILABLE_IN_ALL
guint jc_video_room_info_get_num_participants (JcVideoRoomInfo *self);
JC_AVAILABLE_IN_ALL
guint jc_video_room_info_get_max_publishers (JcVideoRoomInfo *self);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_info_is_pin_required (JcVideoRoomInfo *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_video_room_info_get_json (JcVideoRoomInfo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcVideoRoomInfo, jc_video_room_info_unref)

/* The handle */

#define JC_TYPE_VIDEO_ROOM (jc_video_room_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcVideoRoom, jc_video_room, JC, VIDEO_ROOM, JcPluginHandle)

JC_AVAILABLE_IN_ALL
void jc_video_room_attach_async (JcSession *session,
                                 const char *opaque_id,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
JcVideoRoom *jc_video_room_attach_finish (GAsyncResult *result,
                                          GError **error);

JC_AVAILABLE_IN_ALL
const JcId *jc_video_room_get_room (JcVideoRoom *self);
JC_AVAILABLE_IN_ALL
const JcId *jc_video_room_get_participant_id (JcVideoRoom *self);
JC_AVAILABLE_IN_ALL
guint64 jc_video_room_get_private_id (JcVideoRoom *self);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_video_room_get_publishers (JcVideoRoom *self);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_video_room_get_streams (JcVideoRoom *self);
JC_AVAILABLE_IN_ALL
void jc_video_room_set_peer (JcVideoRoom *self,
                             JcPeer *peer,
                             JcMediaSink *sink);
JC_AVAILABLE_IN_ALL
JcPeer *jc_video_room_get_peer (JcVideoRoom *self);
JC_AVAILABLE_IN_ALL
void jc_video_room_follow (JcVideoRoom *self,
                           JcVideoRoom *publisher);

/* Every request: generic */
JC_AVAILABLE_IN_ALL
void jc_video_room_request_async (JcVideoRoom *self,
                                  const char *request,
                                  const JcId *room,
                                  JcVideoRoomRequest *options,
                                  JsonObject *jsep,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_video_room_request_finish (JcVideoRoom *self,
                                          GAsyncResult *result,
                                          JsonObject **out_jsep,
                                          GError **error);

/* Room administration (synchronous in the plugin) */
JC_AVAILABLE_IN_ALL
void jc_video_room_create_async (JcVideoRoom *self,
                                 const JcId *room,
                                 JcVideoRoomRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
JcId *jc_video_room_create_finish (JcVideoRoom *self,
                                   GAsyncResult *result,
                                   GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_edit_async (JcVideoRoom *self,
                               const JcId *room,
                               JcVideoRoomRequest *options,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_edit_finish (JcVideoRoom *self,
                                    GAsyncResult *result,
                                    GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_destroy_async (JcVideoRoom *self,
                                  const JcId *room,
                                  JcVideoRoomRequest *options,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_destroy_finish (JcVideoRoom *self,
                                       GAsyncResult *result,
                                       GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_exists_async (JcVideoRoom *self,
                                 const JcId *room,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_exists_finish (JcVideoRoom *self,
                                      GAsyncResult *result,
                                      gboolean *out_exists,
                                      GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_list_async (JcVideoRoom *self,
                               JcVideoRoomRequest *options,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_video_room_list_finish (JcVideoRoom *self,
                                      GAsyncResult *result,
                                      GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_allowed_async (JcVideoRoom *self,
                                  const JcId *room,
                                  JcVideoRoomAllowedAction action,
                                  const char *const *tokens,
                                  JcVideoRoomRequest *options,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
GStrv jc_video_room_allowed_finish (JcVideoRoom *self,
                                    GAsyncResult *result,
                                    GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_kick_async (JcVideoRoom *self,
                               const JcId *room,
                               const JcId *participant,
                               JcVideoRoomRequest *options,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_kick_finish (JcVideoRoom *self,
                                    GAsyncResult *result,
                                    GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_moderate_async (JcVideoRoom *self,
                                   const JcId *room,
                                   const JcId *participant,
                                   const char *mid,
                                   gboolean mute,
                                   JcVideoRoomRequest *options,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_moderate_finish (JcVideoRoom *self,
                                        GAsyncResult *result,
                                        GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_list_participants_async (JcVideoRoom *self,
                                            const JcId *room,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_video_room_list_participants_finish (JcVideoRoom *self,
                                                   GAsyncResult *result,
                                                   GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_list_forwarders_async (JcVideoRoom *self,
                                          const JcId *room,
                                          JcVideoRoomRequest *options,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonArray *jc_video_room_list_forwarders_finish (JcVideoRoom *self,
                                                 GAsyncResult *result,
                                                 GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_enable_recording_async (JcVideoRoom *self,
                                           const JcId *room,
                                           gboolean record,
                                           JcVideoRoomRequest *options,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_enable_recording_finish (JcVideoRoom *self,
                                                GAsyncResult *result,
                                                GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_rtp_forward_async (JcVideoRoom *self,
                                      const JcId *room,
                                      const JcId *publisher,
                                      const char *host,
                                      JsonArray *streams,
                                      JcVideoRoomRequest *options,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_video_room_rtp_forward_finish (JcVideoRoom *self,
                                              GAsyncResult *result,
                                              GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_stop_rtp_forward_async (JcVideoRoom *self,
                                           const JcId *room,
                                           const JcId *publisher,
                                           guint stream_id,
                                           JcVideoRoomRequest *options,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_stop_rtp_forward_finish (JcVideoRoom *self,
                                                GAsyncResult *result,
                                                GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_list_remotes_async (JcVideoRoom *self,
                                       const JcId *room,
                                       const JcId *publisher,
                                       JcVideoRoomRequest *options,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonArray *jc_video_room_list_remotes_finish (JcVideoRoom *self,
                                              GAsyncResult *result,
                                              GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_add_remote_publisher_async (JcVideoRoom *self,
                                               const JcId *room,
                                               JsonArray *streams,
                                               JcVideoRoomRequest *options,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_video_room_add_remote_publisher_finish (JcVideoRoom *self,
                                                       GAsyncResult *result,
                                                       GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_update_remote_publisher_async (JcVideoRoom *self,
                                                  const JcId *room,
                                                  const JcId *publisher,
                                                  JsonArray *streams,
                                                  JcVideoRoomRequest *options,
                                                  GCancellable *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_update_remote_publisher_finish (JcVideoRoom *self,
                                                       GAsyncResult *result,
                                                       GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_remove_remote_publisher_async (JcVideoRoom *self,
                                                  const JcId *room,
                                                  const JcId *publisher,
                                                  JcVideoRoomRequest *options,
                                                  GCancellable *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_remove_remote_publisher_finish (JcVideoRoom *self,
                                                       GAsyncResult *result,
                                                       GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_publish_remotely_async (JcVideoRoom *self,
                                           const JcId *room,
                                           const JcId *publisher,
                                           const char *remote_id,
                                           const char *host,
                                           guint port,
                                           JcVideoRoomRequest *options,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_video_room_publish_remotely_finish (JcVideoRoom *self,
                                                   GAsyncResult *result,
                                                   GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_unpublish_remotely_async (JcVideoRoom *self,
                                             const JcId *room,
                                             const JcId *publisher,
                                             const char *remote_id,
                                             JcVideoRoomRequest *options,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_unpublish_remotely_finish (JcVideoRoom *self,
                                                  GAsyncResult *result,
                                                  GError **error);

/* Participants (asynchronous in the plugin) */
JC_AVAILABLE_IN_ALL
void jc_video_room_join_publisher_async (JcVideoRoom *self,
                                         const JcId *room,
                                         JcVideoRoomRequest *options,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
JC_AVAILABLE_IN_ALL
JcId *jc_video_room_join_publisher_finish (JcVideoRoom *self,
                                           GAsyncResult *result,
                                           GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_join_and_configure_async (JcVideoRoom *self,
                                             const JcId *room,
                                             JcVideoRoomRequest *options,
                                             JsonObject *offer,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
JC_AVAILABLE_IN_ALL
JcId *jc_video_room_join_and_configure_finish (JcVideoRoom *self,
                                               GAsyncResult *result,
                                               JsonObject **out_answer,
                                               GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_configure_async (JcVideoRoom *self,
                                    JcVideoRoomRequest *options,
                                    JsonObject *jsep,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_configure_finish (JcVideoRoom *self,
                                         GAsyncResult *result,
                                         JsonObject **out_jsep,
                                         GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_publish_async (JcVideoRoom *self,
                                  JcVideoRoomRequest *options,
                                  JsonObject *offer,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_publish_finish (JcVideoRoom *self,
                                       GAsyncResult *result,
                                       JsonObject **out_answer,
                                       GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_unpublish_async (JcVideoRoom *self,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_unpublish_finish (JcVideoRoom *self,
                                         GAsyncResult *result,
                                         GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_publish_media_async (JcVideoRoom *self,
                                        const JcId *room,
                                        JcPeer *peer,
                                        JcVideoRoomRequest *options,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_publish_media_finish (JcVideoRoom *self,
                                             GAsyncResult *result,
                                             GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_join_subscriber_async (JcVideoRoom *self,
                                          const JcId *room,
                                          GPtrArray *feeds,
                                          JcVideoRoomRequest *options,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_video_room_join_subscriber_finish (JcVideoRoom *self,
                                                 GAsyncResult *result,
                                                 JsonObject **out_offer,
                                                 GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_update_async (JcVideoRoom *self,
                                 GPtrArray *subscribe,
                                 GPtrArray *unsubscribe,
                                 JcVideoRoomRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_video_room_update_finish (JcVideoRoom *self,
                                        GAsyncResult *result,
                                        JsonObject **out_offer,
                                        GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_subscribe_async (JcVideoRoom *self,
                                    GPtrArray *feeds,
                                    JcVideoRoomRequest *options,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_video_room_subscribe_finish (JcVideoRoom *self,
                                           GAsyncResult *result,
                                           JsonObject **out_offer,
                                           GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_unsubscribe_async (JcVideoRoom *self,
                                      GPtrArray *feeds,
                                      JcVideoRoomRequest *options,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_video_room_unsubscribe_finish (JcVideoRoom *self,
                                             GAsyncResult *result,
                                             JsonObject **out_offer,
                                             GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_start_async (JcVideoRoom *self,
                                JsonObject *answer,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_start_finish (JcVideoRoom *self,
                                     GAsyncResult *result,
                                     GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_pause_async (JcVideoRoom *self,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_pause_finish (JcVideoRoom *self,
                                     GAsyncResult *result,
                                     GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_switch_async (JcVideoRoom *self,
                                 JsonArray *streams,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_switch_finish (JcVideoRoom *self,
                                      GAsyncResult *result,
                                      GError **error);
JC_AVAILABLE_IN_ALL
void jc_video_room_leave_async (JcVideoRoom *self,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_video_room_leave_finish (JcVideoRoom *self,
                                     GAsyncResult *result,
                                     GError **error);

G_END_DECLS

/* jc-text-room.h: the TextRoom plugin
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
#include "jc-session.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

/**
 * JC_TEXT_ROOM_PLUGIN:
 *
 * The TextRoom plugin's package name.
 */
#define JC_TEXT_ROOM_PLUGIN "janus.plugin.textroom"

/**
 * JcTextRoomError:
 * @JC_TEXT_ROOM_ERROR_UNKNOWN: unknown error (499)
 * @JC_TEXT_ROOM_ERROR_NO_MESSAGE: no message (411)
 * @JC_TEXT_ROOM_ERROR_INVALID_JSON: invalid JSON (412)
 * @JC_TEXT_ROOM_ERROR_MISSING_ELEMENT: a mandatory field is missing, e.g.
 *   the `admin_key` of a plugin that requires one, or a room's `secret`
 *   (413)
 * @JC_TEXT_ROOM_ERROR_INVALID_ELEMENT: a field has an invalid value (414)
 * @JC_TEXT_ROOM_ERROR_INVALID_REQUEST: unknown or invalid request (415)
 * @JC_TEXT_ROOM_ERROR_ALREADY_SETUP: the data channel is set up already
 *   (416)
 * @JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM: no such room (417)
 * @JC_TEXT_ROOM_ERROR_ROOM_EXISTS: the room exists already (418)
 * @JC_TEXT_ROOM_ERROR_UNAUTHORIZED: wrong secret, pin, token or admin key
 *   (419)
 * @JC_TEXT_ROOM_ERROR_USERNAME_EXISTS: the username is taken (420)
 * @JC_TEXT_ROOM_ERROR_ALREADY_IN_ROOM: already in the room (421)
 * @JC_TEXT_ROOM_ERROR_NOT_IN_ROOM: not in the room (422)
 * @JC_TEXT_ROOM_ERROR_NO_SUCH_USER: no such participant (423)
 *
 * The TextRoom plugin's `error_code` values, as they arrive in the
 * [error@PluginError] domain.
 */
typedef enum
{
  JC_TEXT_ROOM_ERROR_UNKNOWN = 499,
  JC_TEXT_ROOM_ERROR_NO_MESSAGE = 411,
  JC_TEXT_ROOM_ERROR_INVALID_JSON = 412,
  JC_TEXT_ROOM_ERROR_MISSING_ELEMENT = 413,
  JC_TEXT_ROOM_ERROR_INVALID_ELEMENT = 414,
  JC_TEXT_ROOM_ERROR_INVALID_REQUEST = 415,
  JC_TEXT_ROOM_ERROR_ALREADY_SETUP = 416,
  JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM = 417,
  JC_TEXT_ROOM_ERROR_ROOM_EXISTS = 418,
  JC_TEXT_ROOM_ERROR_UNAUTHORIZED = 419,
  JC_TEXT_ROOM_ERROR_USERNAME_EXISTS = 420,
  JC_TEXT_ROOM_ERROR_ALREADY_IN_ROOM = 421,
  JC_TEXT_ROOM_ERROR_NOT_IN_ROOM = 422,
  JC_TEXT_ROOM_ERROR_NO_SUCH_USER = 423,
} JcTextRoomError;

/**
 * JcTextRoomAllowedAction:
 * @JC_TEXT_ROOM_ALLOWED_ENABLE: turn the token check on
 * @JC_TEXT_ROOM_ALLOWED_DISABLE: turn the token check off
 * @JC_TEXT_ROOM_ALLOWED_ADD: add tokens to the list
 * @JC_TEXT_ROOM_ALLOWED_REMOVE: remove tokens from the list
 *
 * What an `allowed` request does to a room's list of tokens.
 */
typedef enum
{
  JC_TEXT_ROOM_ALLOWED_ENABLE,
  JC_TEXT_ROOM_ALLOWED_DISABLE,
  JC_TEXT_ROOM_ALLOWED_ADD,
  JC_TEXT_ROOM_ALLOWED_REMOVE,
} JcTextRoomAllowedAction;

/* Requests */

typedef struct _JcTextRoomRequest JcTextRoomRequest;

#define JC_TYPE_TEXT_ROOM_REQUEST (jc_text_room_request_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_text_room_request_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcTextRoomRequest *jc_text_room_request_new (void);
JC_AVAILABLE_IN_ALL
JcTextRoomRequest *jc_text_room_request_ref (JcTextRoomRequest *self);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_unref (JcTextRoomRequest *self);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_secret (JcTextRoomRequest *self, const char *secret);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_pin (JcTextRoomRequest *self, const char *pin);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_admin_key (JcTextRoomRequest *self, const char *admin_key);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_description (JcTextRoomRequest *self, const char *description);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_is_private (JcTextRoomRequest *self, gboolean is_private);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_history (JcTextRoomRequest *self, guint history);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_post (JcTextRoomRequest *self, const char *post);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_permanent (JcTextRoomRequest *self, gboolean permanent);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_allowed (JcTextRoomRequest *self, const char *const *tokens);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_token (JcTextRoomRequest *self, const char *token);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_history_replay (JcTextRoomRequest *self, gboolean replay);
JC_AVAILABLE_IN_ALL
void jc_text_room_request_set_extra (JcTextRoomRequest *self, const char *name, JsonNode *value);
JC_AVAILABLE_IN_ALL
JsonObject *jc_text_room_request_to_json (JcTextRoomRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcTextRoomRequest, jc_text_room_request_unref)

/* Results */

typedef struct _JcTextRoomInfo JcTextRoomInfo;

#define JC_TYPE_TEXT_ROOM_INFO (jc_text_room_info_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_text_room_info_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcTextRoomInfo *jc_text_room_info_ref (JcTextRoomInfo *self);
JC_AVAILABLE_IN_ALL
void jc_text_room_info_unref (JcTextRoomInfo *self);
JC_AVAILABLE_IN_ALL
guint64 jc_text_room_info_get_room (JcTextRoomInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_text_room_info_get_description (JcTextRoomInfo *self);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_info_is_pin_required (JcTextRoomInfo *self);
JC_AVAILABLE_IN_ALL
guint jc_text_room_info_get_num_participants (JcTextRoomInfo *self);
JC_AVAILABLE_IN_ALL
guint jc_text_room_info_get_history (JcTextRoomInfo *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_text_room_info_get_json (JcTextRoomInfo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcTextRoomInfo, jc_text_room_info_unref)

typedef struct _JcTextRoomParticipant JcTextRoomParticipant;

#define JC_TYPE_TEXT_ROOM_PARTICIPANT (jc_text_room_participant_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_text_room_participant_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcTextRoomParticipant *jc_text_room_participant_ref (JcTextRoomParticipant *self);
JC_AVAILABLE_IN_ALL
void jc_text_room_participant_unref (JcTextRoomParticipant *self);
JC_AVAILABLE_IN_ALL
const char *jc_text_room_participant_get_username (JcTextRoomParticipant *self);
JC_AVAILABLE_IN_ALL
const char *jc_text_room_participant_get_display (JcTextRoomParticipant *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_text_room_participant_get_json (JcTextRoomParticipant *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcTextRoomParticipant, jc_text_room_participant_unref)

typedef struct _JcTextRoomMessage JcTextRoomMessage;

#define JC_TYPE_TEXT_ROOM_MESSAGE (jc_text_room_message_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_text_room_message_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcTextRoomMessage *jc_text_room_message_ref (JcTextRoomMessage *self);
JC_AVAILABLE_IN_ALL
void jc_text_room_message_unref (JcTextRoomMessage *self);
JC_AVAILABLE_IN_ALL
guint64 jc_text_room_message_get_room (JcTextRoomMessage *self);
JC_AVAILABLE_IN_ALL
const char *jc_text_room_message_get_from (JcTextRoomMessage *self);
JC_AVAILABLE_IN_ALL
const char *jc_text_room_message_get_display (JcTextRoomMessage *self);
JC_AVAILABLE_IN_ALL
const char *jc_text_room_message_get_text (JcTextRoomMessage *self);
JC_AVAILABLE_IN_ALL
const char *jc_text_room_message_get_date (JcTextRoomMessage *self);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_message_is_whisper (JcTextRoomMessage *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_text_room_message_get_json (JcTextRoomMessage *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcTextRoomMessage, jc_text_room_message_unref)

/* The handle */

#define JC_TYPE_TEXT_ROOM (jc_text_room_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcTextRoom, jc_text_room, JC, TEXT_ROOM, JcPluginHandle)

JC_AVAILABLE_IN_ALL
void jc_text_room_attach_async (JcSession *session,
                                const char *opaque_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
JcTextRoom *jc_text_room_attach_finish (GAsyncResult *result,
                                        GError **error);

/* Every request over the Janus API: generic */
JC_AVAILABLE_IN_ALL
void jc_text_room_request_async (JcTextRoom *self,
                                 const char *request,
                                 guint64 room,
                                 JcTextRoomRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_text_room_request_finish (JcTextRoom *self,
                                         GAsyncResult *result,
                                         GError **error);

/* Room administration */
JC_AVAILABLE_IN_ALL
void jc_text_room_list_async (JcTextRoom *self,
                              JcTextRoomRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_text_room_list_finish (JcTextRoom *self,
                                     GAsyncResult *result,
                                     GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_list_participants_async (JcTextRoom *self,
                                           guint64 room,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_text_room_list_participants_finish (JcTextRoom *self,
                                                  GAsyncResult *result,
                                                  GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_exists_async (JcTextRoom *self,
                                guint64 room,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_exists_finish (JcTextRoom *self,
                                     GAsyncResult *result,
                                     gboolean *out_exists,
                                     GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_create_async (JcTextRoom *self,
                                guint64 room,
                                JcTextRoomRequest *options,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
guint64 jc_text_room_create_finish (JcTextRoom *self,
                                    GAsyncResult *result,
                                    GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_edit_async (JcTextRoom *self,
                              guint64 room,
                              JcTextRoomRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_edit_finish (JcTextRoom *self,
                                   GAsyncResult *result,
                                   GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_destroy_async (JcTextRoom *self,
                                 guint64 room,
                                 JcTextRoomRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_destroy_finish (JcTextRoom *self,
                                      GAsyncResult *result,
                                      GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_announcement_async (JcTextRoom *self,
                                      guint64 room,
                                      const char *text,
                                      JcTextRoomRequest *options,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_announcement_finish (JcTextRoom *self,
                                           GAsyncResult *result,
                                           GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_allowed_async (JcTextRoom *self,
                                 guint64 room,
                                 JcTextRoomAllowedAction action,
                                 const char *const *tokens,
                                 JcTextRoomRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
GStrv jc_text_room_allowed_finish (JcTextRoom *self,
                                   GAsyncResult *result,
                                   GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_kick_async (JcTextRoom *self,
                              guint64 room,
                              const char *username,
                              JcTextRoomRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_kick_finish (JcTextRoom *self,
                                   GAsyncResult *result,
                                   GError **error);

/* The data channel */
JC_AVAILABLE_IN_ALL
void jc_text_room_setup_async (JcTextRoom *self,
                               JcPeer *peer,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_setup_finish (JcTextRoom *self,
                                    GAsyncResult *result,
                                    GError **error);
JC_AVAILABLE_IN_ALL
JcDataChannel *jc_text_room_get_data_channel (JcTextRoom *self);

JC_AVAILABLE_IN_ALL
void jc_text_room_join_async (JcTextRoom *self,
                              guint64 room,
                              const char *username,
                              const char *display,
                              JcTextRoomRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_text_room_join_finish (JcTextRoom *self,
                                     GAsyncResult *result,
                                     GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_leave_async (JcTextRoom *self,
                               guint64 room,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_leave_finish (JcTextRoom *self,
                                    GAsyncResult *result,
                                    GError **error);
JC_AVAILABLE_IN_ALL
void jc_text_room_send_message_async (JcTextRoom *self,
                                      guint64 room,
                                      const char *text,
                                      const char *const *to,
                                      gboolean ack,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_text_room_send_message_finish (JcTextRoom *self,
                                           GAsyncResult *result,
                                           GStrv *out_missed,
                                           GError **error);

G_END_DECLS

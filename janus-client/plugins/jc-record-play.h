/* jc-record-play.h: the Record&Play plugin
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
 * JC_RECORD_PLAY_PLUGIN:
 *
 * The Record&Play plugin's package name.
 */
#define JC_RECORD_PLAY_PLUGIN "janus.plugin.recordplay"

/**
 * JcRecordPlayError:
 * @JC_RECORD_PLAY_ERROR_UNKNOWN: unknown error (499)
 * @JC_RECORD_PLAY_ERROR_NO_MESSAGE: no message (411)
 * @JC_RECORD_PLAY_ERROR_INVALID_JSON: invalid JSON (412)
 * @JC_RECORD_PLAY_ERROR_INVALID_REQUEST: unknown or invalid request (413)
 * @JC_RECORD_PLAY_ERROR_INVALID_ELEMENT: a field has an invalid value, or
 *   a `play` carried an SDP (414)
 * @JC_RECORD_PLAY_ERROR_MISSING_ELEMENT: a mandatory field is missing,
 *   e.g. the offer of a `record` or the answer of a `start` (415)
 * @JC_RECORD_PLAY_ERROR_NOT_FOUND: no such recording (416)
 * @JC_RECORD_PLAY_ERROR_INVALID_RECORDING: the recording's files cannot
 *   be read (417)
 * @JC_RECORD_PLAY_ERROR_INVALID_STATE: the request does not fit what the
 *   handle is doing, e.g. `start` without a `play` (418)
 * @JC_RECORD_PLAY_ERROR_INVALID_SDP: the offer was refused (419)
 * @JC_RECORD_PLAY_ERROR_RECORDING_EXISTS: a recording with that id
 *   exists already (420)
 *
 * The Record&Play plugin's `error_code` values (Janus 1.1.2), as they
 * arrive in the [error@PluginError] domain.
 */
typedef enum
{
  JC_RECORD_PLAY_ERROR_UNKNOWN = 499,
  JC_RECORD_PLAY_ERROR_NO_MESSAGE = 411,
  JC_RECORD_PLAY_ERROR_INVALID_JSON = 412,
  JC_RECORD_PLAY_ERROR_INVALID_REQUEST = 413,
  JC_RECORD_PLAY_ERROR_INVALID_ELEMENT = 414,
  JC_RECORD_PLAY_ERROR_MISSING_ELEMENT = 415,
  JC_RECORD_PLAY_ERROR_NOT_FOUND = 416,
  JC_RECORD_PLAY_ERROR_INVALID_RECORDING = 417,
  JC_RECORD_PLAY_ERROR_INVALID_STATE = 418,
  JC_RECORD_PLAY_ERROR_INVALID_SDP = 419,
  JC_RECORD_PLAY_ERROR_RECORDING_EXISTS = 420,
} JcRecordPlayError;

/**
 * JcRecordPlayState:
 * @JC_RECORD_PLAY_STATE_IDLE: neither recording nor playing
 * @JC_RECORD_PLAY_STATE_RECORDING: Janus records what we send
 * @JC_RECORD_PLAY_STATE_PAUSED: recording, paused
 * @JC_RECORD_PLAY_STATE_PREPARING: Janus offered a recording; `start`
 *   with our answer plays it
 * @JC_RECORD_PLAY_STATE_PLAYING: Janus plays a recording to us
 *
 * What a Record&Play handle is doing.
 */
typedef enum
{
  JC_RECORD_PLAY_STATE_IDLE,
  JC_RECORD_PLAY_STATE_RECORDING,
  JC_RECORD_PLAY_STATE_PAUSED,
  JC_RECORD_PLAY_STATE_PREPARING,
  JC_RECORD_PLAY_STATE_PLAYING,
} JcRecordPlayState;

/* Requests */

typedef struct _JcRecordPlayRequest JcRecordPlayRequest;

#define JC_TYPE_RECORD_PLAY_REQUEST (jc_record_play_request_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_record_play_request_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcRecordPlayRequest *jc_record_play_request_new (void);
JC_AVAILABLE_IN_ALL
JcRecordPlayRequest *jc_record_play_request_ref (JcRecordPlayRequest *self);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_unref (JcRecordPlayRequest *self);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_set_filename (JcRecordPlayRequest *self, const char *filename);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_set_audio_codec (JcRecordPlayRequest *self, const char *codec);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_set_video_codec (JcRecordPlayRequest *self, const char *codec);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_set_video_profile (JcRecordPlayRequest *self, const char *profile);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_set_opus_red (JcRecordPlayRequest *self, gboolean opus_red);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_set_text_data (JcRecordPlayRequest *self, gboolean text_data);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_set_video_bitrate_max (JcRecordPlayRequest *self, guint bitrate);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_set_video_keyframe_interval (JcRecordPlayRequest *self, guint seconds);
JC_AVAILABLE_IN_ALL
void jc_record_play_request_set_extra (JcRecordPlayRequest *self, const char *name, JsonNode *value);
JC_AVAILABLE_IN_ALL
JsonObject *jc_record_play_request_to_json (JcRecordPlayRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcRecordPlayRequest, jc_record_play_request_unref)

/* Results */

typedef struct _JcRecordPlayRecording JcRecordPlayRecording;

#define JC_TYPE_RECORD_PLAY_RECORDING (jc_record_play_recording_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_record_play_recording_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcRecordPlayRecording *jc_record_play_recording_ref (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
void jc_record_play_recording_unref (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
guint64 jc_record_play_recording_get_id (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
const char *jc_record_play_recording_get_name (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
const char *jc_record_play_recording_get_date (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_recording_has_audio (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_recording_has_video (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_recording_has_data (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
const char *jc_record_play_recording_get_audio_codec (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
const char *jc_record_play_recording_get_video_codec (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_recording_has_audio_red (JcRecordPlayRecording *self);
JC_AVAILABLE_IN_ALL
JsonObject *jc_record_play_recording_get_json (JcRecordPlayRecording *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcRecordPlayRecording, jc_record_play_recording_unref)

/* The handle */

#define JC_TYPE_RECORD_PLAY (jc_record_play_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcRecordPlay, jc_record_play, JC, RECORD_PLAY, JcPluginHandle)

JC_AVAILABLE_IN_ALL
void jc_record_play_attach_async (JcSession *session,
                                  const char *opaque_id,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
JcRecordPlay *jc_record_play_attach_finish (GAsyncResult *result,
                                            GError **error);

JC_AVAILABLE_IN_ALL
void jc_record_play_set_peer (JcRecordPlay *self,
                              JcPeer *peer);
JC_AVAILABLE_IN_ALL
JcPeer *jc_record_play_get_peer (JcRecordPlay *self);
JC_AVAILABLE_IN_ALL
JcRecordPlayState jc_record_play_get_state (JcRecordPlay *self);
JC_AVAILABLE_IN_ALL
guint64 jc_record_play_get_recording_id (JcRecordPlay *self);

JC_AVAILABLE_IN_ALL
void jc_record_play_list_async (JcRecordPlay *self,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_record_play_list_finish (JcRecordPlay *self,
                                       GAsyncResult *result,
                                       GError **error);

JC_AVAILABLE_IN_ALL
void jc_record_play_update_async (JcRecordPlay *self,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_update_finish (JcRecordPlay *self,
                                       GAsyncResult *result,
                                       GError **error);

JC_AVAILABLE_IN_ALL
void jc_record_play_configure_async (JcRecordPlay *self,
                                     JcRecordPlayRequest *request,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_configure_finish (JcRecordPlay *self,
                                          GAsyncResult *result,
                                          guint *out_video_bitrate_max,
                                          guint *out_video_keyframe_interval,
                                          GError **error);

JC_AVAILABLE_IN_ALL
void jc_record_play_record_async (JcRecordPlay *self,
                                  const char *name,
                                  guint64 id,
                                  JcRecordPlayRequest *options,
                                  JsonObject *offer,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
guint64 jc_record_play_record_finish (JcRecordPlay *self,
                                      GAsyncResult *result,
                                      JsonObject **out_answer,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_record_play_play_async (JcRecordPlay *self,
                                guint64 id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_play_finish (JcRecordPlay *self,
                                     GAsyncResult *result,
                                     JsonObject **out_offer,
                                     GError **error);

JC_AVAILABLE_IN_ALL
void jc_record_play_start_async (JcRecordPlay *self,
                                 JsonObject *answer,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_start_finish (JcRecordPlay *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_record_play_pause_async (JcRecordPlay *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_pause_finish (JcRecordPlay *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_record_play_resume_async (JcRecordPlay *self,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_resume_finish (JcRecordPlay *self,
                                       GAsyncResult *result,
                                       GError **error);

JC_AVAILABLE_IN_ALL
void jc_record_play_stop_async (JcRecordPlay *self,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_record_play_stop_finish (JcRecordPlay *self,
                                     GAsyncResult *result,
                                     GError **error);

G_END_DECLS

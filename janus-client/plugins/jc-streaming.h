/* jc-streaming.h: the Streaming plugin
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
 * JC_STREAMING_PLUGIN:
 *
 * The Streaming plugin's package name.
 */
#define JC_STREAMING_PLUGIN "janus.plugin.streaming"

/**
 * JcStreamingError:
 * @JC_STREAMING_ERROR_NO_MESSAGE: no message (450)
 * @JC_STREAMING_ERROR_INVALID_JSON: invalid JSON (451)
 * @JC_STREAMING_ERROR_INVALID_REQUEST: unknown or invalid request (452)
 * @JC_STREAMING_ERROR_MISSING_ELEMENT: a mandatory field is missing,
 *   e.g. the secret or pin of a protected mountpoint, or the admin_key
 *   (453)
 * @JC_STREAMING_ERROR_INVALID_ELEMENT: a field has an invalid value (454)
 * @JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT: no such mountpoint (455)
 * @JC_STREAMING_ERROR_CANT_CREATE: the mountpoint could not be created,
 *   e.g. its port is taken (456)
 * @JC_STREAMING_ERROR_UNAUTHORIZED: wrong secret, pin or admin_key (457)
 * @JC_STREAMING_ERROR_CANT_SWITCH: the switch was refused (458)
 * @JC_STREAMING_ERROR_CANT_RECORD: recording failed (459)
 * @JC_STREAMING_ERROR_INVALID_STATE: the request does not fit the
 *   handle's state, e.g. a second watch (460)
 * @JC_STREAMING_ERROR_UNKNOWN: unknown error (470)
 *
 * The Streaming plugin's `error_code` values (Janus 1.1.2), as they
 * arrive in the [error@PluginError] domain.
 */
typedef enum
{
  JC_STREAMING_ERROR_NO_MESSAGE = 450,
  JC_STREAMING_ERROR_INVALID_JSON = 451,
  JC_STREAMING_ERROR_INVALID_REQUEST = 452,
  JC_STREAMING_ERROR_MISSING_ELEMENT = 453,
  JC_STREAMING_ERROR_INVALID_ELEMENT = 454,
  JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT = 455,
  JC_STREAMING_ERROR_CANT_CREATE = 456,
  JC_STREAMING_ERROR_UNAUTHORIZED = 457,
  JC_STREAMING_ERROR_CANT_SWITCH = 458,
  JC_STREAMING_ERROR_CANT_RECORD = 459,
  JC_STREAMING_ERROR_INVALID_STATE = 460,
  JC_STREAMING_ERROR_UNKNOWN = 470,
} JcStreamingError;

/**
 * JcStreamingStatus:
 * @JC_STREAMING_STATUS_IDLE: not watching anything
 * @JC_STREAMING_STATUS_PREPARING: Janus sent its offer (`preparing`, or
 *   `updating` for a renegotiation); the answer goes with `start`
 * @JC_STREAMING_STATUS_STARTING: `start` was taken; waiting for the
 *   PeerConnection (`starting`)
 * @JC_STREAMING_STATUS_STARTED: media is relayed (`started`)
 * @JC_STREAMING_STATUS_PAUSED: media is paused (`pausing`); `start`
 *   resumes it
 * @JC_STREAMING_STATUS_STOPPING: `stop` was taken (`stopping`)
 * @JC_STREAMING_STATUS_STOPPED: the PeerConnection is gone (`stopped`)
 * @JC_STREAMING_STATUS_KICKED: the mountpoint's viewers were kicked
 *   (`kicked_all`)
 *
 * Where a viewer stands, as the `status` of the plugin's `result`.
 */
typedef enum
{
  JC_STREAMING_STATUS_IDLE,
  JC_STREAMING_STATUS_PREPARING,
  JC_STREAMING_STATUS_STARTING,
  JC_STREAMING_STATUS_STARTED,
  JC_STREAMING_STATUS_PAUSED,
  JC_STREAMING_STATUS_STOPPING,
  JC_STREAMING_STATUS_STOPPED,
  JC_STREAMING_STATUS_KICKED,
} JcStreamingStatus;

/* JcStreamingRequest: optional fields of any request */

typedef struct _JcStreamingRequest JcStreamingRequest;

#define JC_TYPE_STREAMING_REQUEST (jc_streaming_request_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_streaming_request_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcStreamingRequest *jc_streaming_request_new (void);
JC_AVAILABLE_IN_ALL
JcStreamingRequest *jc_streaming_request_ref (JcStreamingRequest *self);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_unref (JcStreamingRequest *self);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_secret (JcStreamingRequest *self, const char *secret);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_pin (JcStreamingRequest *self, const char *pin);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_admin_key (JcStreamingRequest *self, const char *admin_key);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_permanent (JcStreamingRequest *self, gboolean permanent);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_mid (JcStreamingRequest *self, const char *mid);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_send (JcStreamingRequest *self, gboolean send);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_substream (JcStreamingRequest *self, int substream);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_temporal (JcStreamingRequest *self, int temporal);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_fallback (JcStreamingRequest *self, guint fallback_us);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_spatial_layer (JcStreamingRequest *self, int spatial_layer);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_temporal_layer (JcStreamingRequest *self, int temporal_layer);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_playout_delay (JcStreamingRequest *self, int min_delay, int max_delay);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_media (JcStreamingRequest *self, const char *const *mids);
JC_AVAILABLE_IN_ALL
void jc_streaming_request_set_extra (JcStreamingRequest *self, const char *name, JsonNode *value);
JC_AVAILABLE_IN_ALL
JsonObject *jc_streaming_request_to_json (JcStreamingRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcStreamingRequest, jc_streaming_request_unref)

/* JcStreamingMountpoint: what `create` sends */

typedef struct _JcStreamingMountpoint JcStreamingMountpoint;

#define JC_TYPE_STREAMING_MOUNTPOINT (jc_streaming_mountpoint_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_streaming_mountpoint_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcStreamingMountpoint *jc_streaming_mountpoint_new (const char *type);
JC_AVAILABLE_IN_ALL
JcStreamingMountpoint *jc_streaming_mountpoint_ref (JcStreamingMountpoint *self);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_unref (JcStreamingMountpoint *self);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_id (JcStreamingMountpoint *self, const JcId *id);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_name (JcStreamingMountpoint *self, const char *name);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_description (JcStreamingMountpoint *self, const char *description);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_metadata (JcStreamingMountpoint *self, const char *metadata);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_secret (JcStreamingMountpoint *self, const char *secret);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_pin (JcStreamingMountpoint *self, const char *pin);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_is_private (JcStreamingMountpoint *self, gboolean is_private);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_permanent (JcStreamingMountpoint *self, gboolean permanent);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_admin_key (JcStreamingMountpoint *self, const char *admin_key);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_add_rtp_media (JcStreamingMountpoint *self,
                                            const char *type,
                                            const char *mid,
                                            const char *codec,
                                            int pt,
                                            guint port);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_mountpoint_set_media_extra (JcStreamingMountpoint *self,
                                                  const char *mid,
                                                  const char *name,
                                                  JsonNode *value);
JC_AVAILABLE_IN_ALL
void jc_streaming_mountpoint_set_extra (JcStreamingMountpoint *self, const char *name, JsonNode *value);
JC_AVAILABLE_IN_ALL
JsonObject *jc_streaming_mountpoint_to_json (JcStreamingMountpoint *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcStreamingMountpoint, jc_streaming_mountpoint_unref)

/* JcStreamingMedia: one stream of a mountpoint */

typedef struct _JcStreamingMedia JcStreamingMedia;

#define JC_TYPE_STREAMING_MEDIA (jc_streaming_media_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_streaming_media_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcStreamingMedia *jc_streaming_media_ref (JcStreamingMedia *self);
JC_AVAILABLE_IN_ALL
void jc_streaming_media_unref (JcStreamingMedia *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_media_get_mid (JcStreamingMedia *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_media_get_media_type (JcStreamingMedia *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_media_get_label (JcStreamingMedia *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_media_get_codec (JcStreamingMedia *self);
JC_AVAILABLE_IN_ALL
int jc_streaming_media_get_pt (JcStreamingMedia *self);
JC_AVAILABLE_IN_ALL
guint jc_streaming_media_get_port (JcStreamingMedia *self);
JC_AVAILABLE_IN_ALL
gint64 jc_streaming_media_get_age_ms (JcStreamingMedia *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcStreamingMedia, jc_streaming_media_unref)

/* JcStreamingInfo: a mountpoint as list, info or create tell it */

typedef struct _JcStreamingInfo JcStreamingInfo;

#define JC_TYPE_STREAMING_INFO (jc_streaming_info_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_streaming_info_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcStreamingInfo *jc_streaming_info_ref (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
void jc_streaming_info_unref (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
const JcId *jc_streaming_info_get_id (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_info_get_name (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_info_get_description (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_info_get_metadata (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_info_get_mountpoint_type (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_info_get_host (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_info_get_secret (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
const char *jc_streaming_info_get_pin (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_info_is_enabled (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_info_is_private (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
int jc_streaming_info_get_viewers (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_streaming_info_get_media (JcStreamingInfo *self);
JC_AVAILABLE_IN_ALL
JcStreamingMedia *jc_streaming_info_find_media (JcStreamingInfo *self, const char *type);
JC_AVAILABLE_IN_ALL
JsonObject *jc_streaming_info_get_json (JcStreamingInfo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcStreamingInfo, jc_streaming_info_unref)

/* JcStreaming */

#define JC_TYPE_STREAMING (jc_streaming_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcStreaming, jc_streaming, JC, STREAMING, JcPluginHandle)

JC_AVAILABLE_IN_ALL
void jc_streaming_attach_async (JcSession *session,
                                const char *opaque_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
JcStreaming *jc_streaming_attach_finish (GAsyncResult *result,
                                         GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_set_peer (JcStreaming *self,
                            JcPeer *peer);
JC_AVAILABLE_IN_ALL
JcPeer *jc_streaming_get_peer (JcStreaming *self);
JC_AVAILABLE_IN_ALL
JcStreamingStatus jc_streaming_get_status (JcStreaming *self);
JC_AVAILABLE_IN_ALL
const JcId *jc_streaming_get_mountpoint (JcStreaming *self);

/* Administration (synchronous answers) */

JC_AVAILABLE_IN_ALL
void jc_streaming_list_async (JcStreaming *self,
                              JcStreamingRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_streaming_list_finish (JcStreaming *self,
                                     GAsyncResult *result,
                                     GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_info_async (JcStreaming *self,
                              const JcId *id,
                              JcStreamingRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
JcStreamingInfo *jc_streaming_info_finish (JcStreaming *self,
                                           GAsyncResult *result,
                                           GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_create_async (JcStreaming *self,
                                JcStreamingMountpoint *mountpoint,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
JcStreamingInfo *jc_streaming_create_finish (JcStreaming *self,
                                             GAsyncResult *result,
                                             GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_edit_async (JcStreaming *self,
                              const JcId *id,
                              JcStreamingRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_edit_finish (JcStreaming *self,
                                   GAsyncResult *result,
                                   GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_destroy_async (JcStreaming *self,
                                 const JcId *id,
                                 JcStreamingRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_destroy_finish (JcStreaming *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_recording_async (JcStreaming *self,
                                   const JcId *id,
                                   gboolean start,
                                   JsonArray *media,
                                   JcStreamingRequest *options,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_recording_finish (JcStreaming *self,
                                        GAsyncResult *result,
                                        GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_enable_async (JcStreaming *self,
                                const JcId *id,
                                gboolean enable,
                                JcStreamingRequest *options,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_enable_finish (JcStreaming *self,
                                     GAsyncResult *result,
                                     GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_kick_all_async (JcStreaming *self,
                                  const JcId *id,
                                  JcStreamingRequest *options,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_kick_all_finish (JcStreaming *self,
                                       GAsyncResult *result,
                                       GError **error);

/* Watching (asynchronous answers) */

JC_AVAILABLE_IN_ALL
void jc_streaming_watch_async (JcStreaming *self,
                               const JcId *id,
                               JcStreamingRequest *options,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_watch_finish (JcStreaming *self,
                                    GAsyncResult *result,
                                    JsonObject **out_offer,
                                    GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_start_async (JcStreaming *self,
                               JsonObject *answer,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_start_finish (JcStreaming *self,
                                    GAsyncResult *result,
                                    GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_pause_async (JcStreaming *self,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_pause_finish (JcStreaming *self,
                                    GAsyncResult *result,
                                    GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_stop_async (JcStreaming *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_stop_finish (JcStreaming *self,
                                   GAsyncResult *result,
                                   GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_configure_async (JcStreaming *self,
                                   JcStreamingRequest *options,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_configure_finish (JcStreaming *self,
                                        GAsyncResult *result,
                                        GError **error);

JC_AVAILABLE_IN_ALL
void jc_streaming_switch_async (JcStreaming *self,
                                const JcId *id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_streaming_switch_finish (JcStreaming *self,
                                     GAsyncResult *result,
                                     GError **error);

G_END_DECLS

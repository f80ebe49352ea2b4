/* jc-admin.h: the Janus Admin/Monitor API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "jc-client.h"
#include "jc-transport.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

#define JC_TYPE_ADMIN (jc_admin_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcAdmin, jc_admin, JC, ADMIN, GObject)

#define JC_TYPE_ADMIN_TOKEN (jc_admin_token_get_type ())
typedef struct _JcAdminToken JcAdminToken;

JC_AVAILABLE_IN_ALL
GType jc_admin_token_get_type (void) G_GNUC_CONST;
JC_AVAILABLE_IN_ALL
JcAdminToken *jc_admin_token_new (const char *token, const char *const *plugins);
JC_AVAILABLE_IN_ALL
JcAdminToken *jc_admin_token_copy (const JcAdminToken *self);
JC_AVAILABLE_IN_ALL
void jc_admin_token_free (JcAdminToken *self);
JC_AVAILABLE_IN_ALL
const char *jc_admin_token_get_token (const JcAdminToken *self);
JC_AVAILABLE_IN_ALL
const char *const *jc_admin_token_get_plugins (const JcAdminToken *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcAdminToken, jc_admin_token_free)

/* Construction and connection */

JC_AVAILABLE_IN_ALL
JcAdmin *jc_admin_new (JcTransport *transport, const char *admin_secret);
JC_AVAILABLE_IN_ALL
JcAdmin *jc_admin_new_for_uri (const char *uri, const char *admin_secret, GError **error);
JC_AVAILABLE_IN_ALL
JcClient *jc_admin_get_client (JcAdmin *self);
JC_AVAILABLE_IN_ALL
const char *jc_admin_get_uri (JcAdmin *self);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_is_connected (JcAdmin *self);
JC_AVAILABLE_IN_ALL
void jc_admin_close (JcAdmin *self);

JC_AVAILABLE_IN_ALL
void jc_admin_connect_async (JcAdmin *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_connect_finish (JcAdmin *self, GAsyncResult *result, GError **error);

/* The escape hatch */

JC_AVAILABLE_IN_ALL
void jc_admin_request_async (JcAdmin *self, JsonObject *request, int timeout_ms, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_admin_request_finish (JcAdmin *self, GAsyncResult *result, GError **error);

/* Server */

JC_AVAILABLE_IN_ALL
void jc_admin_info_async (JcAdmin *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_admin_info_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_ping_async (JcAdmin *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_ping_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_get_status_async (JcAdmin *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_admin_get_status_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_loops_info_async (JcAdmin *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonArray *jc_admin_loops_info_finish (JcAdmin *self, GAsyncResult *result, GError **error);

/* Settings */

JC_AVAILABLE_IN_ALL
void jc_admin_set_session_timeout_async (JcAdmin *self, guint timeout_s, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_session_timeout_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_log_level_async (JcAdmin *self, guint level, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_log_level_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_locking_debug_async (JcAdmin *self, gboolean enabled, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_locking_debug_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_refcount_debug_async (JcAdmin *self, gboolean enabled, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_refcount_debug_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_log_timestamps_async (JcAdmin *self, gboolean enabled, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_log_timestamps_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_log_colors_async (JcAdmin *self, gboolean enabled, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_log_colors_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_libnice_debug_async (JcAdmin *self, gboolean enabled, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_libnice_debug_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_min_nack_queue_async (JcAdmin *self, guint queue_ms, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_min_nack_queue_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_nack_optimizations_async (JcAdmin *self, gboolean enabled, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_nack_optimizations_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_no_media_timer_async (JcAdmin *self, guint timer_s, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_no_media_timer_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_slowlink_threshold_async (JcAdmin *self, guint threshold, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_slowlink_threshold_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_accept_new_sessions_async (JcAdmin *self, gboolean accept, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_accept_new_sessions_finish (JcAdmin *self, GAsyncResult *result, GError **error);

/* Sessions and handles */

JC_AVAILABLE_IN_ALL
void jc_admin_list_sessions_async (JcAdmin *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
GArray *jc_admin_list_sessions_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_list_handles_async (JcAdmin *self, guint64 session_id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
GArray *jc_admin_list_handles_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_set_session_timeout_for_session_async (JcAdmin *self, guint64 session_id, int timeout_s, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_set_session_timeout_for_session_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_destroy_session_async (JcAdmin *self, guint64 session_id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_destroy_session_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_handle_info_async (JcAdmin *self, guint64 session_id, guint64 handle_id, gboolean plugin_only, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_admin_handle_info_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_detach_handle_async (JcAdmin *self, guint64 session_id, guint64 handle_id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_detach_handle_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_hangup_webrtc_async (JcAdmin *self, guint64 session_id, guint64 handle_id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_hangup_webrtc_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_start_pcap_async (JcAdmin *self, guint64 session_id, guint64 handle_id, const char *folder, const char *filename, guint truncate, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_start_pcap_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_stop_pcap_async (JcAdmin *self, guint64 session_id, guint64 handle_id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_stop_pcap_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_start_text2pcap_async (JcAdmin *self, guint64 session_id, guint64 handle_id, const char *folder, const char *filename, guint truncate, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_start_text2pcap_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_stop_text2pcap_async (JcAdmin *self, guint64 session_id, guint64 handle_id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_stop_text2pcap_finish (JcAdmin *self, GAsyncResult *result, GError **error);

/* Plugins, transports, event handlers, loggers */

JC_AVAILABLE_IN_ALL
void jc_admin_message_plugin_async (JcAdmin *self, const char *plugin, JsonObject *request, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_admin_message_plugin_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_query_transport_async (JcAdmin *self, const char *transport, JsonObject *request, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_admin_query_transport_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_query_eventhandler_async (JcAdmin *self, const char *handler, JsonObject *request, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_admin_query_eventhandler_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_query_logger_async (JcAdmin *self, const char *logger, JsonObject *request, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_admin_query_logger_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_custom_event_async (JcAdmin *self, const char *schema, JsonObject *data, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_custom_event_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_custom_logline_async (JcAdmin *self, const char *line, int level, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_custom_logline_finish (JcAdmin *self, GAsyncResult *result, GError **error);

/* Network helpers */

JC_AVAILABLE_IN_ALL
void jc_admin_resolve_address_async (JcAdmin *self, const char *address, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
char *jc_admin_resolve_address_finish (JcAdmin *self, GAsyncResult *result, gint64 *elapsed_us, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_test_stun_async (JcAdmin *self, const char *address, guint16 port, guint16 local_port, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
char *jc_admin_test_stun_finish (JcAdmin *self, GAsyncResult *result, guint16 *public_port, gint64 *elapsed_us, GError **error);

/* Stored tokens */

JC_AVAILABLE_IN_ALL
void jc_admin_add_token_async (JcAdmin *self, const char *token, const char *const *plugins, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
char **jc_admin_add_token_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_list_tokens_async (JcAdmin *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_admin_list_tokens_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_allow_token_async (JcAdmin *self, const char *token, const char *const *plugins, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
char **jc_admin_allow_token_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_disallow_token_async (JcAdmin *self, const char *token, const char *const *plugins, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
char **jc_admin_disallow_token_finish (JcAdmin *self, GAsyncResult *result, GError **error);

JC_AVAILABLE_IN_ALL
void jc_admin_remove_token_async (JcAdmin *self, const char *token, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_admin_remove_token_finish (JcAdmin *self, GAsyncResult *result, GError **error);

G_END_DECLS

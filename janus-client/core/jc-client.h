/* jc-client.h: one connection to one Janus server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "jc-transport.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

#define JC_TYPE_CLIENT (jc_client_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcClient, jc_client, JC, CLIENT, GObject)

typedef struct _JcSession JcSession;

/**
 * JC_TIMEOUT_DEFAULT:
 *
 * Pass as a per-call timeout to use [property@Client:timeout].
 */
#define JC_TIMEOUT_DEFAULT (-1)

/**
 * JC_TIMEOUT_NONE:
 *
 * Pass as a per-call timeout to wait for the answer for ever.
 */
#define JC_TIMEOUT_NONE G_MAXINT

JC_AVAILABLE_IN_ALL
JcClient *jc_client_new (JcTransport *transport);
JC_AVAILABLE_IN_ALL
JcClient *jc_client_new_for_uri (const char *uri,
                                 GError **error);

JC_AVAILABLE_IN_ALL
JcTransport *jc_client_get_transport (JcClient *self);
JC_AVAILABLE_IN_ALL
const char *jc_client_get_uri (JcClient *self);
JC_AVAILABLE_IN_ALL
gboolean jc_client_is_connected (JcClient *self);

JC_AVAILABLE_IN_ALL
void jc_client_set_api_secret (JcClient *self,
                               const char *api_secret);
JC_AVAILABLE_IN_ALL
void jc_client_set_token (JcClient *self,
                          const char *token);
JC_AVAILABLE_IN_ALL
guint jc_client_get_timeout (JcClient *self);
JC_AVAILABLE_IN_ALL
void jc_client_set_timeout (JcClient *self,
                            guint timeout_ms);
JC_AVAILABLE_IN_ALL
guint jc_client_get_keepalive_interval (JcClient *self);
JC_AVAILABLE_IN_ALL
void jc_client_set_keepalive_interval (JcClient *self,
                                       guint interval_ms);
JC_AVAILABLE_IN_ALL
JsonObject *jc_client_get_server_info (JcClient *self);
JC_AVAILABLE_IN_ALL
void jc_client_set_reconnect (JcClient *self,
                              gboolean reconnect);
JC_AVAILABLE_IN_ALL
gboolean jc_client_get_reconnect (JcClient *self);
JC_AVAILABLE_IN_ALL
void jc_client_set_reconnect_backoff (JcClient *self,
                                      guint initial_ms,
                                      guint max_ms,
                                      guint max_attempts);

JC_AVAILABLE_IN_ALL
void jc_client_connect_async (JcClient *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_client_connect_finish (JcClient *self,
                                   GAsyncResult *result,
                                   GError **error);
JC_AVAILABLE_IN_ALL
void jc_client_close (JcClient *self);

JC_AVAILABLE_IN_ALL
void jc_client_info_async (JcClient *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_client_info_finish (JcClient *self,
                                   GAsyncResult *result,
                                   GError **error);

JC_AVAILABLE_IN_ALL
void jc_client_ping_async (JcClient *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_client_ping_finish (JcClient *self,
                                GAsyncResult *result,
                                GError **error);

JC_AVAILABLE_IN_ALL
void jc_client_create_session_async (JcClient *self,
                                     guint64 session_id,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
JC_AVAILABLE_IN_ALL
JcSession *jc_client_create_session_finish (JcClient *self,
                                            GAsyncResult *result,
                                            GError **error);

JC_AVAILABLE_IN_ALL
void jc_client_request_async (JcClient *self,
                              JsonObject *request,
                              int timeout_ms,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_client_request_finish (JcClient *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
guint jc_client_get_pending_count (JcClient *self);

G_END_DECLS

/* jc-session.h: a Janus session
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <gio/gio.h>

#include "jc-client.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

#define JC_TYPE_SESSION (jc_session_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcSession, jc_session, JC, SESSION, GObject)

typedef struct _JcHandle JcHandle;

JC_AVAILABLE_IN_ALL
JcClient *jc_session_get_client (JcSession *self);
JC_AVAILABLE_IN_ALL
guint64 jc_session_get_id (JcSession *self);
JC_AVAILABLE_IN_ALL
gboolean jc_session_is_alive (JcSession *self);
JC_AVAILABLE_IN_ALL
guint jc_session_get_keepalive_interval (JcSession *self);
JC_AVAILABLE_IN_ALL
void jc_session_set_keepalive_interval (JcSession *self,
                                        guint interval_ms);
JC_AVAILABLE_IN_ALL
JcHandle *jc_session_lookup_handle (JcSession *self,
                                    guint64 handle_id);
JC_AVAILABLE_IN_ALL
GList *jc_session_get_handles (JcSession *self);

JC_AVAILABLE_IN_ALL
void jc_session_attach_async (JcSession *self,
                              const char *plugin,
                              const char *opaque_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
JcHandle *jc_session_attach_finish (JcSession *self,
                                    GAsyncResult *result,
                                    GError **error);

JC_AVAILABLE_IN_ALL
void jc_session_attach_with_type_async (JcSession *self,
                                        GType handle_type,
                                        const char *plugin,
                                        const char *opaque_id,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
JC_AVAILABLE_IN_ALL
JcHandle *jc_session_attach_with_type_finish (JcSession *self,
                                              GAsyncResult *result,
                                              GError **error);

JC_AVAILABLE_IN_ALL
void jc_session_attach_full_async (JcSession *self,
                                   GType handle_type,
                                   const char *plugin,
                                   const char *opaque_id,
                                   const char *token,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
JcHandle *jc_session_attach_full_finish (JcSession *self,
                                         GAsyncResult *result,
                                         GError **error);

JC_AVAILABLE_IN_ALL
void jc_session_keepalive_async (JcSession *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_session_keepalive_finish (JcSession *self,
                                      GAsyncResult *result,
                                      GError **error);

JC_AVAILABLE_IN_ALL
void jc_session_destroy_async (JcSession *self,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_session_destroy_finish (JcSession *self,
                                    GAsyncResult *result,
                                    GError **error);

G_END_DECLS

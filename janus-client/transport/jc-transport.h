/* jc-transport.h: the abstract link to a Janus server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "jc-version-macros.h"

G_BEGIN_DECLS

#define JC_TYPE_TRANSPORT (jc_transport_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (JcTransport, jc_transport, JC, TRANSPORT, GObject)

/**
 * JcTransportClass:
 * @connect_async: opens the link
 * @connect_finish: finishes @connect_async
 * @send: queues one message; fails only when the link is not open
 * @close: closes the link; `closed` is emitted once, later, in the
 *   transport's main context
 * @session_added: the client created or claimed a session (HTTP starts its
 *   long-poll here)
 * @session_removed: the session is gone (HTTP stops its long-poll)
 * @message: class handler of [signal@Transport::message]
 * @closed: class handler of [signal@Transport::closed]
 *
 * The virtual methods a transport implements. A transport moves JSON
 * messages and knows nothing of sessions beyond what long-polling needs.
 */
struct _JcTransportClass
{
  GObjectClass parent_class;

  void (*connect_async) (JcTransport *self,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data);
  gboolean (*connect_finish) (JcTransport *self,
                              GAsyncResult *result,
                              GError **error);
  gboolean (*send) (JcTransport *self,
                    JsonObject *message,
                    GError **error);
  void (*close) (JcTransport *self);
  void (*session_added) (JcTransport *self,
                         guint64 session_id);
  void (*session_removed) (JcTransport *self,
                           guint64 session_id);

  /* signals */
  void (*message) (JcTransport *self,
                   JsonObject *message);
  void (*closed) (JcTransport *self,
                  const GError *error);

  /*< private >*/
  gpointer padding[12];
};

JC_AVAILABLE_IN_ALL
const char *jc_transport_get_uri (JcTransport *self);
JC_AVAILABLE_IN_ALL
gboolean jc_transport_is_connected (JcTransport *self);

JC_AVAILABLE_IN_ALL
void jc_transport_connect_async (JcTransport *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_transport_connect_finish (JcTransport *self,
                                      GAsyncResult *result,
                                      GError **error);
JC_AVAILABLE_IN_ALL
gboolean jc_transport_send (JcTransport *self,
                            JsonObject *message,
                            GError **error);
JC_AVAILABLE_IN_ALL
void jc_transport_close (JcTransport *self);
JC_AVAILABLE_IN_ALL
gboolean jc_transport_set_tls_ca_file (JcTransport *self,
                                       const char *path,
                                       GError **error);
JC_AVAILABLE_IN_ALL
void jc_transport_set_tls_insecure (JcTransport *self,
                                    gboolean insecure);
JC_AVAILABLE_IN_ALL
void jc_transport_session_added (JcTransport *self,
                                 guint64 session_id);
JC_AVAILABLE_IN_ALL
void jc_transport_session_removed (JcTransport *self,
                                   guint64 session_id);

/* For implementations */
JC_AVAILABLE_IN_ALL
void jc_transport_emit_message (JcTransport *self,
                                JsonObject *message);
JC_AVAILABLE_IN_ALL
void jc_transport_emit_closed (JcTransport *self,
                               const GError *error);
JC_AVAILABLE_IN_ALL
GMainContext *jc_transport_get_context (JcTransport *self);

/**
 * JC_TRANSPORT_MAX_MESSAGE_SIZE:
 *
 * The largest message a transport accepts from the server: 8 MiB. Janus's
 * biggest replies (handle_info of a many-stream VideoRoom subscriber, SDPs
 * with hundreds of m-lines) stay far below it; libsoup's WebSocket default
 * of 128 KiB does not.
 */
#define JC_TRANSPORT_MAX_MESSAGE_SIZE (8 * 1024 * 1024)

G_END_DECLS

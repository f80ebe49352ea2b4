/* jc-handle.h: a handle on a Janus plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "jc-session.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

#define JC_TYPE_HANDLE (jc_handle_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (JcHandle, jc_handle, JC, HANDLE, GObject)

/**
 * JcHandleClass:
 * @event: class handler of [signal@Handle::event]
 * @webrtcup: class handler of [signal@Handle::webrtcup]
 * @media: class handler of [signal@Handle::media]
 * @slowlink: class handler of [signal@Handle::slowlink]
 * @hangup: class handler of [signal@Handle::hangup]
 * @detached: class handler of [signal@Handle::detached]
 * @trickle: class handler of [signal@Handle::trickle]
 * @ice_failed: class handler of [signal@Handle::ice-failed]
 *
 * Plugin classes derive from [class@Handle] and override these to turn
 * Janus's events into typed ones; chain up to keep the signals.
 */
struct _JcHandleClass
{
  GObjectClass parent_class;

  void (*event) (JcHandle *self,
                 JsonObject *data,
                 JsonObject *jsep);
  void (*webrtcup) (JcHandle *self);
  void (*media) (JcHandle *self,
                 const char *type,
                 const char *mid,
                 gboolean receiving);
  void (*slowlink) (JcHandle *self,
                    const char *media,
                    const char *mid,
                    gboolean uplink,
                    guint lost);
  void (*hangup) (JcHandle *self,
                  const char *reason);
  void (*detached) (JcHandle *self);
  void (*trickle) (JcHandle *self,
                   JsonObject *candidate);
  void (*ice_failed) (JcHandle *self);

  /*< private >*/
  gpointer padding[16];
};

JC_AVAILABLE_IN_ALL
JcSession *jc_handle_get_session (JcHandle *self);
JC_AVAILABLE_IN_ALL
guint64 jc_handle_get_id (JcHandle *self);
JC_AVAILABLE_IN_ALL
const char *jc_handle_get_plugin (JcHandle *self);
JC_AVAILABLE_IN_ALL
const char *jc_handle_get_opaque_id (JcHandle *self);
JC_AVAILABLE_IN_ALL
gboolean jc_handle_is_attached (JcHandle *self);

JC_AVAILABLE_IN_ALL
void jc_handle_send_async (JcHandle *self,
                           JsonObject *body,
                           JsonObject *jsep,
                           int timeout_ms,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data);
JC_AVAILABLE_IN_ALL
JsonObject *jc_handle_send_finish (JcHandle *self,
                                   GAsyncResult *result,
                                   JsonObject **out_jsep,
                                   GError **error);

JC_AVAILABLE_IN_ALL
void jc_handle_trickle_async (JcHandle *self,
                              const char *candidate,
                              const char *sdp_mid,
                              int sdp_mline_index,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_handle_trickle_finish (JcHandle *self,
                                   GAsyncResult *result,
                                   GError **error);

JC_AVAILABLE_IN_ALL
void jc_handle_trickle_many_async (JcHandle *self,
                                   JsonArray *candidates,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_handle_trickle_many_finish (JcHandle *self,
                                        GAsyncResult *result,
                                        GError **error);

JC_AVAILABLE_IN_ALL
void jc_handle_hangup_async (JcHandle *self,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_handle_hangup_finish (JcHandle *self,
                                  GAsyncResult *result,
                                  GError **error);

JC_AVAILABLE_IN_ALL
void jc_handle_detach_async (JcHandle *self,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_handle_detach_finish (JcHandle *self,
                                  GAsyncResult *result,
                                  GError **error);

G_END_DECLS

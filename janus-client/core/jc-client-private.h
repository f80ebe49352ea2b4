/* jc-client-private.h: what sessions and handles call on their client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-client.h"
#include "jc-session.h"

G_BEGIN_DECLS

typedef enum
{
  JC_REQUEST_FLAGS_NONE = 0,
  /* An "ack" does not complete the request: the "event" (or a "success")
   * with the same transaction does. Plugin messages. */
  JC_REQUEST_FLAGS_WAIT_EVENT = 1 << 0,
} JcRequestFlags;

/* @request: (transfer full) a message without "transaction"; the client adds
 * the transaction and the credentials, arms the deadline and sends it.
 * Completes with the reply message; a Janus "error" reply becomes a
 * JC_SERVER_ERROR whose message names the request and its target. */
void jc_client_send_request (JcClient *self,
                             JsonObject *request,
                             JcRequestFlags flags,
                             int timeout_ms,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
JsonObject *jc_client_send_request_finish (JcClient *self,
                                           GAsyncResult *result,
                                           GError **error);

GMainContext *jc_client_get_context (JcClient *self);
/* For JcAdmin: every request then carries "admin_secret" (never logged). */
void jc_client_set_admin_secret (JcClient *self, const char *admin_secret);
void jc_client_add_session (JcClient *self, JcSession *session);
void jc_client_remove_session (JcClient *self, guint64 session_id);
guint jc_client_get_effective_keepalive_interval (JcClient *self);

G_END_DECLS

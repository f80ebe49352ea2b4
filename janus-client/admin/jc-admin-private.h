/* jc-admin-private.h: what the files of JcAdmin share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-admin.h"

G_BEGIN_DECLS

/* A new admin request: {"janus": @verb}, plus "session_id" and
 * "handle_id" when not 0. (transfer full) */
JsonObject *jc_admin_new_request (const char *verb, guint64 session_id, guint64 handle_id);

/* The one path every request takes. Sends @request (transfer full) through
 * the client (which adds transaction and admin_secret, arms the deadline)
 * and completes a task of @self tagged @source_tag with the reply, minus
 * its "transaction", once Janus answers with @expect ("success", "pong",
 * …; NULL: any answer that is not an error). A Janus error is a
 * JC_SERVER_ERROR, another answer a JC_ERROR_PROTOCOL. */
void jc_admin_call (JcAdmin *self,
                    JsonObject *request,
                    const char *expect,
                    int timeout_ms,
                    gpointer source_tag,
                    const char *name,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data);
/* The reply (transfer full), after checking @result and its tag. */
JsonObject *jc_admin_call_finish (JcAdmin *self, GAsyncResult *result, gpointer source_tag, GError **error);
/* For requests whose answer carries nothing worth returning. */
gboolean jc_admin_call_finish_boolean (JcAdmin *self, GAsyncResult *result, gpointer source_tag, GError **error);
/* The object member @member of the reply, (transfer full), or NULL with
 * JC_ERROR_PROTOCOL. */
JsonObject *jc_admin_call_finish_object (JcAdmin *self, GAsyncResult *result, gpointer source_tag, const char *member, GError **error);

G_END_DECLS

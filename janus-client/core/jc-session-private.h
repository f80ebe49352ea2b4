/* jc-session-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-handle.h"
#include "jc-session.h"

G_BEGIN_DECLS

/* Shared by jc-session.c and jc-session-attach.c. */
struct _JcSession
{
  GObject parent_instance;

  JcClient *client; /* (owned) */
  guint64 id;
  gboolean alive;
  guint keepalive_ms;
  GSource *keepalive;        /* (owned) (nullable) attached to the client's context */
  GHashTable *handles;       /* (owned) guint64 id → (unowned) JcHandle, removed in its dispose */
  GCancellable *cancellable; /* (owned) cancels keepalives on dispose */
};

/* A request {"janus": @verb, "session_id"} (transfer full). */
JsonObject *jc_session_new_request (JcSession *self, const char *verb);
/* When the session is dead: returns the SESSION_DEAD error on @task ("Cannot
 * @verb: …") and TRUE. */
gboolean jc_session_return_if_dead (JcSession *self, GTask *task, const char *verb);

JcSession *jc_session_new (JcClient *client, guint64 id);
/* Routes one message addressed to this session (no pending transaction). */
void jc_session_dispatch (JcSession *self, const char *janus, JsonObject *message);
/* The link closed: stop keepalives, mark dead, detach handles. */
void jc_session_mark_dead (JcSession *self, const GError *error);
void jc_session_remove_handle (JcSession *self, guint64 handle_id);
/* Attaches a @handle_type on @plugin and returns the handle (or the error)
 * on @task (transfer full): how plugin classes implement their attach. */
void jc_session_attach_into_task (JcSession *self,
                                  GType handle_type,
                                  const char *plugin,
                                  const char *opaque_id,
                                  GTask *task);

G_END_DECLS

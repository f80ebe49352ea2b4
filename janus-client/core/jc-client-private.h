/* jc-client-private.h: what sessions and handles call on their client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-client.h"
#include "jc-session.h"

G_BEGIN_DECLS

/* Shared by jc-client.c and jc-client-request.c only. */
struct _JcClient
{
  GObject parent_instance;

  JcTransport *transport; /* (owned) */
  GMainContext *context;  /* (owned) thread-default at construction */
  char *api_secret;       /* (owned) (nullable) never logged */
  char *token;            /* (owned) (nullable) never logged */
  char *admin_secret;     /* (owned) (nullable) never logged; JcAdmin only */
  guint timeout_ms;
  guint keepalive_ms;      /* 0: derived from the server's session-timeout */
  JsonObject *server_info; /* (owned) (nullable) from the info on connect */
  GHashTable *pending;     /* (owned) transaction (owned) → GTask (owned) */
  GHashTable *sessions;    /* (owned) guint64 id → (unowned) JcSession, removed in its dispose */
  guint64 next_transaction;
  char *transaction_prefix; /* (owned) */
  gulong message_id;
  gulong closed_id;
  gboolean connecting;
  gboolean closing; /* jc_client_close () was called */
  gboolean ever_connected;
  gboolean reconnect; /* reconnect when the link drops */
  guint reconnect_initial_ms;
  guint reconnect_max_ms;
  guint reconnect_max_attempts; /* 0: for ever */
  gboolean reconnecting;        /* between the drop and reconnected or closed */
  guint reconnect_attempt;      /* 0 when not reconnecting */
  guint reconnect_delay_ms;
  GSource *reconnect_source; /* (owned) (nullable) */
  GError *reconnect_cause;   /* (owned) (nullable) why the link dropped */
  guint pending_claims;
  gint64 disconnected_at; /* monotonic µs */
};

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
void jc_client_return_boolean (GObject *source, GAsyncResult *result, gpointer user_data);
JsonObject *jc_client_send_request_finish (JcClient *self,
                                           GAsyncResult *result,
                                           GError **error);

GMainContext *jc_client_get_context (JcClient *self);
/* For JcAdmin: every request then carries "admin_secret" (never logged). */
void jc_client_set_admin_secret (JcClient *self, const char *admin_secret);
void jc_client_add_session (JcClient *self, JcSession *session);
void jc_client_remove_session (JcClient *self, guint64 session_id);
guint jc_client_get_effective_keepalive_interval (JcClient *self);

/* Notifies JcClient:connected and emits one of the client's signals. */
typedef enum
{
  JC_CLIENT_SIGNAL_CLOSED,
  JC_CLIENT_SIGNAL_DISCONNECTED,
  JC_CLIENT_SIGNAL_RECONNECTED,
} JcClientSignal;

void jc_client_emit (JcClient *self, JcClientSignal which, const GError *error);
void jc_client_notify_connected (JcClient *self);

/* jc-client-connect.c */
void jc_client_close_for_good (JcClient *self, const GError *cause);
void jc_client_stop_reconnecting (JcClient *self);
void jc_client_on_transport_closed (JcTransport *transport, const GError *error, gpointer user_data);

/* jc-client-request.c */
GTask *jc_client_take_pending (JcClient *self, const char *transaction);
void jc_client_fail_all_pending (JcClient *self, const GError *cause);
void jc_client_complete_request (JcClient *self, GTask *task, const char *janus, JsonObject *message);
JsonObject *jc_client_new_request (const char *verb);
gboolean jc_client_request_waits_event (GTask *task);
void jc_client_request_mark_acked (GTask *task);

G_END_DECLS

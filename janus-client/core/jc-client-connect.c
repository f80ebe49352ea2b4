/* jc-client-connect.c: JcClient connecting, losing its link, getting it
 * back and claiming its sessions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-http-transport.h"
#include "jc-json-private.h"
#include "jc-session-private.h"

/* Every session dies with @cause and the client is closed for good. */
void
jc_client_close_for_good (JcClient *self, const GError *cause)
{
  g_autoptr (GList) sessions = NULL;

  self->reconnecting = FALSE;
  self->reconnect_attempt = 0;
  jc_client_fail_all_pending (self, cause);
  sessions = g_hash_table_get_values (self->sessions);
  g_list_foreach (sessions, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = sessions; l != NULL; l = l->next)
    jc_session_mark_dead (l->data, cause);
  g_list_free_full (g_steal_pointer (&sessions), g_object_unref);

  jc_client_emit (self, JC_CLIENT_SIGNAL_CLOSED, cause);
}

static void schedule_reconnect (JcClient *self);

static void
claims_done (JcClient *self)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - self->disconnected_at) / 1000;

  g_debug ("Reconnected to %s after %" G_GINT64_FORMAT " ms and %u attempt(s)", jc_client_get_uri (self), elapsed_ms,
           self->reconnect_attempt);
  self->reconnecting = FALSE;
  self->reconnect_attempt = 0;
  g_clear_error (&self->reconnect_cause);
  jc_client_emit (self, JC_CLIENT_SIGNAL_RECONNECTED, NULL);
}

static void
on_claim_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JcSession) session = user_data;
  JcClient *self = JC_CLIENT (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (self, result, &error);

  if (reply == NULL)
    {
      gint64 reclaim = -1;

      g_prefix_error (&error, "Reclaiming session %" G_GUINT64_FORMAT " after reconnecting: ",
                      jc_session_get_id (session));
      /* Say why when the server told us: it drops sessions with their
       * connection (though not always at once). */
      if (g_error_matches (error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND) &&
          jc_json_lookup_int (self->server_info, "reclaim-session-timeout", &reclaim) && reclaim == 0)
        {
          g_autofree char *message = g_strdup_printf ("%s (the server's reclaim_session_timeout is 0: it does not "
                                                      "keep sessions whose connection dropped)",
                                                      error->message);

          g_free (error->message);
          error->message = g_steal_pointer (&message);
        }
      jc_session_mark_dead (session, error);
    }
  else
    {
      jc_transport_session_added (self->transport, jc_session_get_id (session));
    }
  if (--self->pending_claims == 0 && jc_client_is_connected (self))
    claims_done (self);
}

/* The link is back: claim every live session so that its handles (and
 * their PeerConnections) survive. */
static void
claim_sessions (JcClient *self)
{
  g_autoptr (GList) sessions = g_hash_table_get_values (self->sessions);

  self->pending_claims = 1; /* held until every claim is sent */
  for (GList *l = sessions; l != NULL; l = l->next)
    {
      JcSession *session = l->data;
      JsonObject *request = jc_client_new_request ("claim");

      json_object_set_int_member (request, "session_id", (gint64) jc_session_get_id (session));
      self->pending_claims++;
      jc_client_send_request (self, request, JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT, NULL, on_claim_reply,
                              g_object_ref (session));
    }
  if (--self->pending_claims == 0)
    claims_done (self);
}

static void
on_reconnected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JcClient) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!self->reconnecting || self->closing)
    return;
  if (!jc_transport_connect_finish (JC_TRANSPORT (source), result, &error))
    {
      g_debug ("Reconnecting to %s (attempt %u) failed: %s", jc_client_get_uri (self), self->reconnect_attempt,
               error->message);
      if (self->reconnect_max_attempts != 0 && self->reconnect_attempt >= self->reconnect_max_attempts)
        {
          g_autoptr (GError) cause = g_error_new (JC_ERROR, JC_ERROR_CLOSED,
                                                  "Gave up reconnecting to %s after %u attempts: %s",
                                                  jc_client_get_uri (self), self->reconnect_attempt,
                                                  self->reconnect_cause != NULL ? self->reconnect_cause->message : error->message);

          g_clear_error (&self->reconnect_cause);
          jc_client_close_for_good (self, cause);
          return;
        }
      schedule_reconnect (self);
      return;
    }
  claim_sessions (self);
}

static gboolean
on_reconnect_timer (gpointer user_data)
{
  JcClient *self = user_data;

  g_clear_pointer (&self->reconnect_source, g_source_unref);
  self->reconnect_attempt++;
  jc_transport_connect_async (self->transport, NULL, on_reconnected, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (JcClient *self)
{
  self->reconnect_delay_ms = self->reconnect_attempt == 0 ? self->reconnect_initial_ms
                                                          : MIN (self->reconnect_delay_ms * 2, self->reconnect_max_ms);
  self->reconnect_source = g_timeout_source_new (self->reconnect_delay_ms);
  g_source_set_static_name (self->reconnect_source, "[janus-client] reconnect");
  g_source_set_callback (self->reconnect_source, on_reconnect_timer, self, NULL);
  g_source_attach (self->reconnect_source, self->context);
}

void
jc_client_stop_reconnecting (JcClient *self)
{
  if (self->reconnect_source != NULL)
    {
      g_source_destroy (self->reconnect_source);
      g_clear_pointer (&self->reconnect_source, g_source_unref);
    }
  self->reconnecting = FALSE;
  self->reconnect_attempt = 0;
}

void
jc_client_on_transport_closed (JcTransport *transport, const GError *error, gpointer user_data)
{
  JcClient *self = g_object_ref (user_data);
  g_autoptr (GError) cause = NULL;

  if (error != NULL)
    cause = g_error_copy (error);
  else
    cause = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "The connection to %s was closed",
                         jc_transport_get_uri (transport));

  if (self->closing || !self->reconnect || !self->ever_connected || self->reconnecting)
    {
      if (self->reconnecting && !self->closing && self->reconnect)
        {
          /* Dropped again while claiming: keep trying. */
          jc_client_fail_all_pending (self, cause);
          schedule_reconnect (self);
        }
      else
        {
          jc_client_stop_reconnecting (self);
          jc_client_close_for_good (self, cause);
        }
      g_object_unref (self);
      return;
    }

  /* Requests in flight fail (nothing is re-sent behind the caller's back);
   * sessions and handles stay, to be claimed once the link is back. */
  self->disconnected_at = g_get_monotonic_time ();
  self->reconnecting = TRUE;
  g_clear_error (&self->reconnect_cause);
  self->reconnect_cause = g_error_copy (cause);
  jc_client_fail_all_pending (self, cause);
  jc_client_emit (self, JC_CLIENT_SIGNAL_DISCONNECTED, cause);
  if (!self->closing)
    schedule_reconnect (self);
  g_object_unref (self);
}

/* Connecting */

typedef struct
{
  GSource *timeout_source;   /* (owned) (nullable) */
  GCancellable *cancellable; /* (owned) cancels the transport connect on timeout */
  gboolean timed_out;
} ConnectData;

static void
connect_data_free (gpointer data)
{
  ConnectData *cd = data;

  if (cd->timeout_source != NULL)
    {
      g_source_destroy (cd->timeout_source);
      g_source_unref (cd->timeout_source);
    }
  g_clear_object (&cd->cancellable);
  g_free (cd);
}

static gboolean
on_connect_timeout (gpointer user_data)
{
  ConnectData *cd = user_data;

  cd->timed_out = TRUE;
  g_cancellable_cancel (cd->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_connect_info (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcClient *self = JC_CLIENT (source);
  g_autoptr (GError) error = NULL;
  JsonObject *reply;

  self->connecting = FALSE;
  reply = jc_client_send_request_finish (self, result, &error);
  if (reply == NULL)
    {
      if (g_error_matches (error, JC_ERROR, JC_ERROR_CLOSED) ||
          g_error_matches (error, JC_ERROR, JC_ERROR_NOT_CONNECTED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* The server is there; it just keeps its info to itself. */
      g_debug ("No server info from %s (%s): using default keepalive", jc_client_get_uri (self),
               error->message);
    }
  else
    {
      g_clear_pointer (&self->server_info, json_object_unref);
      self->server_info = reply;
    }
  self->ever_connected = TRUE;
  self->closing = FALSE;
  jc_client_notify_connected (self);
  g_task_return_boolean (task, TRUE);
}

static void
on_transport_connected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcClient *self = g_task_get_source_object (task);
  ConnectData *cd = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GCancellable *cancellable;

  if (!jc_transport_connect_finish (JC_TRANSPORT (source), result, &error))
    {
      self->connecting = FALSE;
      if (cd->timed_out)
        g_task_return_new_error (task, JC_ERROR, JC_ERROR_TIMEOUT,
                                 "Timed out connecting to %s after %u ms",
                                 jc_client_get_uri (self), self->timeout_ms);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The info request has its own deadline from here on. */
  if (cd->timeout_source != NULL)
    g_source_destroy (cd->timeout_source);
  cancellable = g_task_get_cancellable (task);
  jc_client_send_request (self, jc_client_new_request ("info"), JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT,
                          cancellable, on_connect_info, g_steal_pointer (&task));
}

static void
on_connect_cancelled (GCancellable *cancellable, gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/**
 * jc_client_connect_async:
 * @self: a client
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when connected or when connecting failed
 * @user_data: data for @callback
 *
 * Opens the connection to the server and fetches its `info` (which sets
 * the keepalive interval of new sessions), within
 * [property@Client:timeout]. Fails with %JC_ERROR_CONNECT naming the URI
 * and the cause, or %JC_ERROR_TIMEOUT.
 */
void
jc_client_connect_async (JcClient *self,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ConnectData *cd;

  g_return_if_fail (JC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_client_connect_async);
  g_task_set_name (task, "jc_client_connect_async");

  if (jc_client_is_connected (self) || self->connecting)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_CONNECT,
                               "Already connected or connecting to %s", jc_client_get_uri (self));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  cd = g_new0 (ConnectData, 1);
  cd->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, cd, connect_data_free);
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (on_connect_cancelled),
                           g_object_ref (cd->cancellable), g_object_unref);
  if (self->timeout_ms > 0)
    {
      cd->timeout_source = g_timeout_source_new (self->timeout_ms);
      g_source_set_static_name (cd->timeout_source, "[janus-client] connect timeout");
      g_source_set_callback (cd->timeout_source, on_connect_timeout, cd, NULL);
      g_source_attach (cd->timeout_source, self->context);
    }
  self->connecting = TRUE;
  jc_transport_connect_async (self->transport, cd->cancellable, on_transport_connected,
                              g_steal_pointer (&task));
}

/**
 * jc_client_connect_finish:
 * @self: a client
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Client.connect_async].
 *
 * Returns: %TRUE when connected
 */
gboolean
jc_client_connect_finish (JcClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_client_connect_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * jc_client_close:
 * @self: a client
 *
 * Closes the connection. Pending requests fail with %JC_ERROR_CLOSED and
 * [signal@Client::closed] follows, in the client's main context.
 */
void
jc_client_close (JcClient *self)
{
  g_return_if_fail (JC_IS_CLIENT (self));

  self->closing = TRUE;
  if (self->reconnecting)
    {
      g_autoptr (GError) cause = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "The client was closed while reconnecting to %s",
                                              jc_client_get_uri (self));

      jc_client_stop_reconnecting (self);
      g_clear_error (&self->reconnect_cause);
      jc_client_close_for_good (self, cause);
      return;
    }
  if (self->transport != NULL)
    jc_transport_close (self->transport);
}

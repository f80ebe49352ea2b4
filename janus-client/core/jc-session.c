/* jc-session.c: a Janus session
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-handle-private.h"
#include "jc-json-private.h"
#include "jc-session-private.h"

/**
 * JcSession:
 *
 * A Janus session, created with [method@Client.create_session_async].
 *
 * The session sends a keepalive every [property@Session:keepalive-interval]
 * milliseconds for as long as the application holds a reference to it and
 * it is alive. When Janus times it out anyway, [signal@Session::timeout] is
 * emitted and the session is dead; so it is after
 * [method@Session.destroy_async] or when the connection closes.
 *
 * Handles are attached with [method@Session.attach_async]; each handle
 * holds a reference to its session.
 *
 * ```c
 * static void
 * on_attached (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr (GError) error = NULL;
 *   g_autoptr (JcHandle) handle = jc_session_attach_finish (JC_SESSION (source), result, &error);
 *
 *   if (handle == NULL)
 *     g_printerr ("attach failed: %s\n", error->message);
 * }
 *
 * jc_session_attach_async (session, "janus.plugin.echotest", NULL, NULL, on_attached, NULL);
 * ```
 */

G_DEFINE_FINAL_TYPE (JcSession, jc_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_ID,
  PROP_ALIVE,
  PROP_KEEPALIVE_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_TIMEOUT,
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_keepalive (JcSession *self);

static void
stop_keepalive (JcSession *self)
{
  if (self->keepalive == NULL)
    return;
  g_source_destroy (self->keepalive);
  g_clear_pointer (&self->keepalive, g_source_unref);
}

static void
detach_all_handles (JcSession *self)
{
  g_autoptr (GList) handles = g_hash_table_get_values (self->handles);

  g_list_foreach (handles, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = handles; l != NULL; l = l->next)
    jc_handle_mark_detached (l->data);
  g_list_free_full (g_steal_pointer (&handles), g_object_unref);
}

static void
set_dead (JcSession *self)
{
  if (!self->alive)
    return;
  self->alive = FALSE;
  stop_keepalive (self);
  jc_client_remove_session (self->client, self->id);
  jc_transport_session_removed (jc_client_get_transport (self->client), self->id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIVE]);
  detach_all_handles (self);
}

void
jc_session_mark_dead (JcSession *self, const GError *error)
{
  g_return_if_fail (JC_IS_SESSION (self));

  if (!self->alive)
    return;
  g_debug ("Session %" G_GUINT64_FORMAT " is dead: %s", self->id,
           error != NULL ? error->message : "destroyed");
  g_object_ref (self);
  set_dead (self);
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0, error);
  g_object_unref (self);
}

static void
on_keepalive_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JcSession) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);

  if (reply != NULL)
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_debug ("Keepalive failed: %s", error->message);
  if (g_error_matches (error, JC_SERVER_ERROR, JC_SERVER_ERROR_SESSION_NOT_FOUND))
    jc_session_mark_dead (self, error);
}

static gboolean
on_keepalive_tick (gpointer user_data)
{
  JcSession *self = user_data;

  g_clear_pointer (&self->keepalive, g_source_unref);
  if (!self->alive)
    return G_SOURCE_REMOVE;
  jc_session_keepalive_async (self, self->cancellable, NULL, NULL);
  schedule_keepalive (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_keepalive (JcSession *self)
{
  stop_keepalive (self);
  if (!self->alive || self->keepalive_ms == 0)
    return;
  self->keepalive = g_timeout_source_new (self->keepalive_ms);
  g_source_set_static_name (self->keepalive, "[janus-client] keepalive");
  /* Unowned: the source is destroyed in dispose. */
  g_source_set_callback (self->keepalive, on_keepalive_tick, self, NULL);
  g_source_attach (self->keepalive, jc_client_get_context (self->client));
}

static void
jc_session_dispose (GObject *object)
{
  JcSession *self = JC_SESSION (object);

  stop_keepalive (self);
  g_cancellable_cancel (self->cancellable);
  if (self->client != NULL && self->alive)
    {
      /* Nobody holds the session any more: Janus will time it out. */
      jc_client_remove_session (self->client, self->id);
      self->alive = FALSE;
    }
  g_clear_object (&self->client);

  G_OBJECT_CLASS (jc_session_parent_class)->dispose (object);
}

static void
jc_session_finalize (GObject *object)
{
  JcSession *self = JC_SESSION (object);

  g_hash_table_unref (self->handles);
  g_object_unref (self->cancellable);

  G_OBJECT_CLASS (jc_session_parent_class)->finalize (object);
}

static void
jc_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcSession *self = JC_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ID:
      g_value_set_uint64 (value, self->id);
      break;
    case PROP_ALIVE:
      g_value_set_boolean (value, self->alive);
      break;
    case PROP_KEEPALIVE_INTERVAL:
      g_value_set_uint (value, self->keepalive_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_session_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JcSession *self = JC_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_ID:
      self->id = g_value_get_uint64 (value);
      break;
    case PROP_KEEPALIVE_INTERVAL:
      jc_session_set_keepalive_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_session_class_init (JcSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jc_session_dispose;
  object_class->finalize = jc_session_finalize;
  object_class->get_property = jc_session_get_property;
  object_class->set_property = jc_session_set_property;

  /**
   * JcSession:client:
   *
   * The client the session lives on.
   */
  properties[PROP_CLIENT] =
      g_param_spec_object ("client", NULL, NULL, JC_TYPE_CLIENT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcSession:id:
   *
   * The session's id on the server.
   */
  properties[PROP_ID] =
      g_param_spec_uint64 ("id", NULL, NULL, 0, G_MAXUINT64, 0,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcSession:alive:
   *
   * %FALSE once the session timed out, was destroyed or lost its
   * connection.
   */
  properties[PROP_ALIVE] =
      g_param_spec_boolean ("alive", NULL, NULL, TRUE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * JcSession:keepalive-interval:
   *
   * Milliseconds between keepalives; 0 sends none. Starts as the client's
   * [property@Client:keepalive-interval] (or the one derived from the
   * server's session timeout).
   */
  properties[PROP_KEEPALIVE_INTERVAL] =
      g_param_spec_uint ("keepalive-interval", NULL, NULL, 0, G_MAXINT, 25000,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcSession::timeout:
   * @self: the session
   *
   * Emitted in the client's main context when Janus timed the session out
   * (no keepalive reached it within its `session_timeout`). The session is
   * dead from then on and its handles are detached.
   */
  /**
   * JcSession::closed:
   * @self: the session
   * @error: why the session is gone
   *
   * Emitted in the client's main context when the session died for a
   * reason other than [method@Session.destroy_async] or a
   * [signal@Session::timeout]: the connection closed for good, reclaiming
   * it after a reconnection failed, or Janus no longer knows it (458). Its
   * handles are detached.
   */
  signals[SIGNAL_CLOSED] =
      g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_ERROR);

  signals[SIGNAL_TIMEOUT] =
      g_signal_new ("timeout", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 0);
}

static void
jc_session_init (JcSession *self)
{
  self->alive = TRUE;
  self->handles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

JcSession *
jc_session_new (JcClient *client, guint64 id)
{
  JcSession *self = g_object_new (JC_TYPE_SESSION, "client", client, "id", id, NULL);

  jc_client_add_session (client, self);
  jc_transport_session_added (jc_client_get_transport (client), id);
  self->keepalive_ms = jc_client_get_effective_keepalive_interval (client);
  schedule_keepalive (self);
  return self;
}

/**
 * jc_session_get_client:
 * @self: a session
 *
 * Gets (transfer none): the session's client.
 *
 * Returns: (transfer none): the session's client
 */
JcClient *
jc_session_get_client (JcSession *self)
{
  g_return_val_if_fail (JC_IS_SESSION (self), NULL);

  return self->client;
}

/**
 * jc_session_get_id:
 * @self: a session
 *
 * Gets the session's id on the server.
 *
 * Returns: the session's id on the server
 */
guint64
jc_session_get_id (JcSession *self)
{
  g_return_val_if_fail (JC_IS_SESSION (self), 0);

  return self->id;
}

/**
 * jc_session_is_alive:
 * @self: a session
 *
 * Tells %FALSE once the session timed out, was destroyed or lost its connection.
 *
 * Returns: %FALSE once the session timed out, was destroyed or lost its
 *   connection
 */
gboolean
jc_session_is_alive (JcSession *self)
{
  g_return_val_if_fail (JC_IS_SESSION (self), FALSE);

  return self->alive;
}

/**
 * jc_session_get_keepalive_interval:
 * @self: a session
 *
 * Gets milliseconds between keepalives (0: none).
 *
 * Returns: milliseconds between keepalives (0: none)
 */
guint
jc_session_get_keepalive_interval (JcSession *self)
{
  g_return_val_if_fail (JC_IS_SESSION (self), 0);

  return self->keepalive_ms;
}

/**
 * jc_session_set_keepalive_interval:
 * @self: a session
 * @interval_ms: milliseconds between keepalives; 0 to send none
 *
 * Changes the keepalive cadence; the next keepalive is due @interval_ms
 * from now.
 */
void
jc_session_set_keepalive_interval (JcSession *self, guint interval_ms)
{
  g_return_if_fail (JC_IS_SESSION (self));

  if (self->keepalive_ms == interval_ms)
    return;
  self->keepalive_ms = interval_ms;
  if (self->client != NULL)
    schedule_keepalive (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEPALIVE_INTERVAL]);
}

/**
 * jc_session_lookup_handle:
 * @self: a session
 * @handle_id: a handle id
 *
 * Gets (nullable): the attached handle with that id.
 *
 * Returns: (transfer none) (nullable): the attached handle with that id
 */
JcHandle *
jc_session_lookup_handle (JcSession *self, guint64 handle_id)
{
  g_return_val_if_fail (JC_IS_SESSION (self), NULL);

  return g_hash_table_lookup (self->handles, &handle_id);
}

/**
 * jc_session_get_handles:
 * @self: a session
 *
 * Gets (element-type JcHandle): the attached handles.
 *
 * Returns: (transfer container) (element-type JcHandle): the attached handles
 */
GList *
jc_session_get_handles (JcSession *self)
{
  g_return_val_if_fail (JC_IS_SESSION (self), NULL);

  return g_hash_table_get_values (self->handles);
}

void
jc_session_remove_handle (JcSession *self, guint64 handle_id)
{
  g_hash_table_remove (self->handles, &handle_id);
}

void
jc_session_dispatch (JcSession *self, const char *janus, JsonObject *message)
{
  guint64 sender = 0;
  JcHandle *handle;

  if (g_str_equal (janus, "timeout"))
    {
      g_debug ("Janus timed out session %" G_GUINT64_FORMAT, self->id);
      set_dead (self);
      g_signal_emit (self, signals[SIGNAL_TIMEOUT], 0);
      return;
    }
  if (g_str_equal (janus, "keepalive"))
    return;
  if (g_str_equal (janus, "error"))
    {
      JsonObject *error_obj = jc_json_lookup_object (message, "error");
      gint64 code = 0;

      if (jc_json_lookup_int (error_obj, "code", &code) && code == JC_SERVER_ERROR_SESSION_NOT_FOUND)
        {
          g_autoptr (GError) error = g_error_new (JC_SERVER_ERROR, (int) code, "Janus no longer knows session %" G_GUINT64_FORMAT, self->id);

          jc_session_mark_dead (self, error);
        }
      else
        g_debug ("Dropping an error for session %" G_GUINT64_FORMAT, self->id);
      return;
    }
  if (!jc_json_lookup_id (message, "sender", &sender))
    {
      g_debug ("Dropping a “%s” on session %" G_GUINT64_FORMAT " with no valid sender", janus, self->id);
      return;
    }
  handle = g_hash_table_lookup (self->handles, &sender);
  if (handle == NULL)
    {
      g_debug ("Dropping a “%s” for unknown handle %" G_GUINT64_FORMAT " on session %" G_GUINT64_FORMAT,
               janus, sender, self->id);
      return;
    }
  g_object_ref (handle);
  jc_handle_dispatch (handle, janus, message);
  g_object_unref (handle);
}

JsonObject *
jc_session_new_request (JcSession *self, const char *verb)
{
  JsonObject *request = json_object_new ();

  json_object_set_string_member (request, "janus", verb);
  json_object_set_int_member (request, "session_id", (gint64) self->id);
  return request;
}

gboolean
jc_session_return_if_dead (JcSession *self, GTask *task, const char *verb)
{
  if (self->alive)
    return FALSE;
  g_task_return_new_error (task, JC_ERROR, JC_ERROR_SESSION_DEAD,
                           "Cannot %s: session %" G_GUINT64_FORMAT " is no longer alive", verb, self->id);
  return TRUE;
}

/* keepalive, destroy */

/**
 * jc_session_keepalive_async:
 * @self: a session
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async) (nullable): called when Janus acknowledged it
 * @user_data: data for @callback
 *
 * Sends one keepalive now (the session sends them on its own too).
 */
void
jc_session_keepalive_async (JcSession *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (JC_IS_SESSION (self));

  if (callback == NULL)
    {
      /* The session's own tick: failures are only logged. */
      if (self->alive)
        jc_client_send_request (self->client, jc_session_new_request (self, "keepalive"),
                                JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT, cancellable,
                                on_keepalive_reply, g_object_ref (self));
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_session_keepalive_async);
  g_task_set_name (task, "jc_session_keepalive_async");
  if (jc_session_return_if_dead (self, task, "send a keepalive"))
    return;
  jc_client_send_request (self->client, jc_session_new_request (self, "keepalive"),
                          JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT, cancellable,
                          jc_client_return_boolean, g_steal_pointer (&task));
}

/**
 * jc_session_keepalive_finish:
 * @self: a session
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Session.keepalive_async].
 *
 * Returns: %TRUE when Janus acknowledged the keepalive
 */
gboolean
jc_session_keepalive_finish (JcSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_session_keepalive_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_destroy_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcSession *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (JsonObject) reply = jc_client_send_request_finish (JC_CLIENT (source), result, &error);

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  set_dead (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * jc_session_destroy_async:
 * @self: a session
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus destroyed the session
 * @user_data: data for @callback
 *
 * Destroys the session on the server; its handles are detached and the
 * session is dead afterwards.
 */
void
jc_session_destroy_async (JcSession *self,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (JC_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_session_destroy_async);
  g_task_set_name (task, "jc_session_destroy_async");
  if (jc_session_return_if_dead (self, task, "destroy"))
    return;
  jc_client_send_request (self->client, jc_session_new_request (self, "destroy"),
                          JC_REQUEST_FLAGS_NONE, JC_TIMEOUT_DEFAULT, cancellable,
                          on_destroy_reply, g_steal_pointer (&task));
}

/**
 * jc_session_destroy_finish:
 * @self: a session
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Session.destroy_async].
 *
 * Returns: %TRUE when the session was destroyed
 */
gboolean
jc_session_destroy_finish (JcSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_session_destroy_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* jc-admin-settings.c: the Admin API settings (log level, debug switches,
 * NACK queue, timers, accepting sessions)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-admin-private.h"
#include "jc-error.h"
#include "jc-json-private.h"

/* Settings: one member, a boolean or a number. */

static void
set_boolean (JcAdmin *self,
             const char *verb,
             const char *member,
             gboolean value,
             gpointer source_tag,
             const char *name,
             GCancellable *cancellable,
             GAsyncReadyCallback callback,
             gpointer user_data)
{
  JsonObject *request = jc_admin_new_request (verb, 0, 0);

  json_object_set_boolean_member (request, member, value);
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT, source_tag, name, cancellable,
                 callback, user_data);
}

static void
set_number (JcAdmin *self,
            const char *verb,
            const char *member,
            gint64 value,
            gpointer source_tag,
            const char *name,
            GCancellable *cancellable,
            GAsyncReadyCallback callback,
            gpointer user_data)
{
  JsonObject *request = jc_admin_new_request (verb, 0, 0);

  json_object_set_int_member (request, member, value);
  jc_admin_call (self, request, "success", JC_TIMEOUT_DEFAULT, source_tag, name, cancellable,
                 callback, user_data);
}

/**
 * jc_admin_set_session_timeout_async:
 * @self: an admin connection
 * @timeout_s: seconds without activity after which Janus drops a
 *   session; 0 for never
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Changes the global session timeout (`set_session_timeout`). See
 * [method@Admin.set_session_timeout_for_session_async] for one session.
 */
void
jc_admin_set_session_timeout_async (JcAdmin *self,
                                    guint timeout_s,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_number (self, "set_session_timeout", "timeout", timeout_s, jc_admin_set_session_timeout_async,
              "jc_admin_set_session_timeout_async", cancellable, callback, user_data);
}

/**
 * jc_admin_set_session_timeout_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_session_timeout_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_session_timeout_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_session_timeout_async, error);
}

/**
 * jc_admin_set_log_level_async:
 * @self: an admin connection
 * @level: 0 (nothing) to 7 (everything); Janus's default is 4
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Changes how much Janus logs (`set_log_level`). A level above 7 fails
 * with %JC_SERVER_ERROR_INVALID_ELEMENT_TYPE.
 */
void
jc_admin_set_log_level_async (JcAdmin *self,
                              guint level,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_number (self, "set_log_level", "level", level, jc_admin_set_log_level_async,
              "jc_admin_set_log_level_async", cancellable, callback, user_data);
}

/**
 * jc_admin_set_log_level_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_log_level_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_log_level_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_log_level_async, error);
}

/**
 * jc_admin_set_locking_debug_async:
 * @self: an admin connection
 * @enabled: whether Janus logs every lock and unlock
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Turns the locking debug on or off (`set_locking_debug`).
 */
void
jc_admin_set_locking_debug_async (JcAdmin *self,
                                  gboolean enabled,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_boolean (self, "set_locking_debug", "debug", enabled, jc_admin_set_locking_debug_async,
               "jc_admin_set_locking_debug_async", cancellable, callback, user_data);
}

/**
 * jc_admin_set_locking_debug_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_locking_debug_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_locking_debug_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_locking_debug_async, error);
}

/**
 * jc_admin_set_refcount_debug_async:
 * @self: an admin connection
 * @enabled: whether Janus logs every reference count change
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Turns the reference counter debug on or off (`set_refcount_debug`).
 */
void
jc_admin_set_refcount_debug_async (JcAdmin *self,
                                   gboolean enabled,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_boolean (self, "set_refcount_debug", "debug", enabled, jc_admin_set_refcount_debug_async,
               "jc_admin_set_refcount_debug_async", cancellable, callback, user_data);
}

/**
 * jc_admin_set_refcount_debug_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_refcount_debug_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_refcount_debug_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_refcount_debug_async, error);
}

/**
 * jc_admin_set_log_timestamps_async:
 * @self: an admin connection
 * @enabled: whether log lines start with a timestamp
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Turns log timestamps on or off (`set_log_timestamps`).
 */
void
jc_admin_set_log_timestamps_async (JcAdmin *self,
                                   gboolean enabled,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_boolean (self, "set_log_timestamps", "timestamps", enabled, jc_admin_set_log_timestamps_async,
               "jc_admin_set_log_timestamps_async", cancellable, callback, user_data);
}

/**
 * jc_admin_set_log_timestamps_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_log_timestamps_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_log_timestamps_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_log_timestamps_async, error);
}

/**
 * jc_admin_set_log_colors_async:
 * @self: an admin connection
 * @enabled: whether log lines are coloured
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Turns log colours on or off (`set_log_colors`).
 */
void
jc_admin_set_log_colors_async (JcAdmin *self,
                               gboolean enabled,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_boolean (self, "set_log_colors", "colors", enabled, jc_admin_set_log_colors_async,
               "jc_admin_set_log_colors_async", cancellable, callback, user_data);
}

/**
 * jc_admin_set_log_colors_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_log_colors_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_log_colors_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_log_colors_async, error);
}

/**
 * jc_admin_set_libnice_debug_async:
 * @self: an admin connection
 * @enabled: whether libnice logs its debug messages
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Turns libnice's debug logging on or off (`set_libnice_debug`; Janus
 * 1.1.2 has it, later versions may not, and then this fails with
 * %JC_SERVER_ERROR_INVALID_REQUEST_PATH).
 */
void
jc_admin_set_libnice_debug_async (JcAdmin *self,
                                  gboolean enabled,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_boolean (self, "set_libnice_debug", "debug", enabled, jc_admin_set_libnice_debug_async,
               "jc_admin_set_libnice_debug_async", cancellable, callback, user_data);
}

/**
 * jc_admin_set_libnice_debug_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_libnice_debug_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_libnice_debug_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_libnice_debug_async, error);
}

/**
 * jc_admin_set_min_nack_queue_async:
 * @self: an admin connection
 * @queue_ms: the least time, in milliseconds, Janus keeps sent packets
 *   for retransmission
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Changes the minimum NACK queue (`set_min_nack_queue`).
 */
void
jc_admin_set_min_nack_queue_async (JcAdmin *self,
                                   guint queue_ms,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_number (self, "set_min_nack_queue", "min_nack_queue", queue_ms,
              jc_admin_set_min_nack_queue_async, "jc_admin_set_min_nack_queue_async", cancellable,
              callback, user_data);
}

/**
 * jc_admin_set_min_nack_queue_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_min_nack_queue_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_min_nack_queue_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_min_nack_queue_async, error);
}

/**
 * jc_admin_set_nack_optimizations_async:
 * @self: an admin connection
 * @enabled: whether Janus skips retransmissions that would arrive too late
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Turns the NACK optimizations on or off (`set_nack_optimizations`).
 */
void
jc_admin_set_nack_optimizations_async (JcAdmin *self,
                                       gboolean enabled,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_boolean (self, "set_nack_optimizations", "nack_optimizations", enabled,
               jc_admin_set_nack_optimizations_async, "jc_admin_set_nack_optimizations_async",
               cancellable, callback, user_data);
}

/**
 * jc_admin_set_nack_optimizations_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_nack_optimizations_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_nack_optimizations_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_nack_optimizations_async, error);
}

/**
 * jc_admin_set_no_media_timer_async:
 * @self: an admin connection
 * @timer_s: seconds without incoming media before Janus tells the plugin
 *   media stopped
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Changes the no-media timer (`set_no_media_timer`).
 */
void
jc_admin_set_no_media_timer_async (JcAdmin *self,
                                   guint timer_s,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_number (self, "set_no_media_timer", "no_media_timer", timer_s,
              jc_admin_set_no_media_timer_async, "jc_admin_set_no_media_timer_async", cancellable,
              callback, user_data);
}

/**
 * jc_admin_set_no_media_timer_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_no_media_timer_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_no_media_timer_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_no_media_timer_async, error);
}

/**
 * jc_admin_set_slowlink_threshold_async:
 * @self: an admin connection
 * @threshold: lost packets per second above which Janus reports a
 *   `slowlink`; 0 turns the reports off
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Changes the slow-link threshold (`set_slowlink_threshold`).
 */
void
jc_admin_set_slowlink_threshold_async (JcAdmin *self,
                                       guint threshold,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_number (self, "set_slowlink_threshold", "slowlink_threshold", threshold,
              jc_admin_set_slowlink_threshold_async, "jc_admin_set_slowlink_threshold_async",
              cancellable, callback, user_data);
}

/**
 * jc_admin_set_slowlink_threshold_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.set_slowlink_threshold_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_set_slowlink_threshold_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_set_slowlink_threshold_async, error);
}

/**
 * jc_admin_accept_new_sessions_async:
 * @self: an admin connection
 * @accept: %FALSE to refuse new sessions (to drain the server), %TRUE to
 *   accept them again
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when Janus applied it
 * @user_data: data for @callback
 *
 * Changes whether Janus accepts new sessions (`accept_new_sessions`);
 * while it refuses, `create` fails with
 * %JC_SERVER_ERROR_NOT_ACCEPTING_SESSIONS.
 */
void
jc_admin_accept_new_sessions_async (JcAdmin *self,
                                    gboolean accept,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_return_if_fail (JC_IS_ADMIN (self));

  set_boolean (self, "accept_new_sessions", "accept", accept, jc_admin_accept_new_sessions_async,
               "jc_admin_accept_new_sessions_async", cancellable, callback, user_data);
}

/**
 * jc_admin_accept_new_sessions_finish:
 * @self: an admin connection
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Admin.accept_new_sessions_async].
 *
 * Returns: %TRUE when Janus applied the setting
 */
gboolean
jc_admin_accept_new_sessions_finish (JcAdmin *self, GAsyncResult *result, GError **error)
{
  return jc_admin_call_finish_boolean (self, result, jc_admin_accept_new_sessions_async, error);
}

/* jc-streaming.c: the Streaming plugin: the handle, and the viewer's
 * requests (watch, start, pause, stop, configure, switch), which Janus
 * answers asynchronously
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-enum-types.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-streaming-private.h"

/**
 * JcStreaming:
 *
 * A handle on the Streaming plugin: administer mountpoints (list, info,
 * create, edit, destroy, recording, enable, disable, kick_all — answered
 * at once) and watch one (watch, start, pause, stop, configure, switch —
 * answered by events).
 *
 * Every request of Janus 1.1.2 is an async call that completes with the
 * plugin's answer; an error carries the plugin's code in the
 * [error@PluginError] domain, e.g.
 * %JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT. Mountpoint ids are
 * [struct@Id]s: numbers, or strings when the plugin has `string_ids`.
 *
 * Watching makes Janus the offerer: `watch` brings its offer. With a
 * [class@Peer] set ([method@Streaming.set_peer]) the handle answers it and
 * sends `start` with the answer before [method@Streaming.watch_async]
 * completes; the tracks go to the peer's [class@MediaSink]. What Janus
 * tells unasked comes as signals in the handle's main context:
 * [signal@Streaming::status-changed] (also for the replies),
 * [signal@Streaming::switched], [signal@Streaming::simulcast],
 * [signal@Streaming::svc], [signal@Streaming::edited] and
 * [signal@Streaming::error] (plugin errors, and malformed events, which
 * are dropped).
 *
 * ```c
 * g_autoptr (JcPeer) peer = jc_peer_new (JC_HANDLE (streaming));
 * g_autoptr (JcMediaSink) sink = jc_media_sink_new ("camera.webm", NULL);
 * g_autoptr (JcId) id = jc_id_new_number (1234);
 *
 * jc_peer_set_sink (peer, sink);
 * jc_streaming_set_peer (streaming, peer);
 * jc_streaming_watch_async (streaming, id, NULL, NULL, on_watching, NULL);
 * ```
 */

G_DEFINE_FINAL_TYPE (JcStreaming, jc_streaming, JC_TYPE_PLUGIN_HANDLE)

enum
{
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint jc_streaming_signals[ST_N_SIGNALS];

const JcPluginSpec jc_streaming_spec = { "streaming", "Streaming" };

static const char *const expect_event[] = { "event", NULL };

static void
jc_streaming_finalize (GObject *object)
{
  JcStreaming *self = JC_STREAMING (object);

  g_clear_pointer (&self->mountpoint, jc_id_free);
  G_OBJECT_CLASS (jc_streaming_parent_class)->finalize (object);
}

static void
jc_streaming_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcStreaming *self = JC_STREAMING (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_streaming_event (JcHandle *handle, JsonObject *data, JsonObject *jsep)
{
  jc_streaming_dispatch_event (JC_STREAMING (handle), data, jsep);
  if (JC_HANDLE_CLASS (jc_streaming_parent_class)->event != NULL)
    JC_HANDLE_CLASS (jc_streaming_parent_class)->event (handle, data, jsep);
}

/* Janus 1.1.2 tells `stopped` only when the mountpoint ends; after our
 * `stop` (or a kick) the PeerConnection's hangup is the end. */
static void
jc_streaming_hangup (JcHandle *handle, const char *reason)
{
  JcStreaming *self = JC_STREAMING (handle);

  if (self->status != JC_STREAMING_STATUS_IDLE)
    {
      g_clear_pointer (&self->mountpoint, jc_id_free);
      jc_streaming_set_status (self, JC_STREAMING_STATUS_STOPPED);
    }
  if (JC_HANDLE_CLASS (jc_streaming_parent_class)->hangup != NULL)
    JC_HANDLE_CLASS (jc_streaming_parent_class)->hangup (handle, reason);
}

static void
jc_streaming_class_init (JcStreamingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jc_streaming_finalize;
  object_class->get_property = jc_streaming_get_property;
  JC_HANDLE_CLASS (klass)->event = jc_streaming_event;
  JC_HANDLE_CLASS (klass)->hangup = jc_streaming_hangup;

  /**
   * JcStreaming:status:
   *
   * Where the viewer stands.
   */
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, JC_TYPE_STREAMING_STATUS, JC_STREAMING_STATUS_IDLE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcStreaming::status-changed:
   * @self: the handle
   * @status: the new status
   *
   * Emitted when Janus tells a new `status` (preparing, starting,
   * started, pausing, stopping, stopped, kicked_all), in a reply (before
   * the request completes) or in an event — `started` comes as an event
   * once the PeerConnection is up. Janus 1.1.2 sends `stopped` only when
   * the mountpoint itself ends; the handle also turns
   * %JC_STREAMING_STATUS_STOPPED when the PeerConnection is hung up
   * (after `stop`, a kick, or a failure).
   */
  jc_streaming_signals[ST_SIGNAL_STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                                 NULL, NULL, NULL, G_TYPE_NONE, 1, JC_TYPE_STREAMING_STATUS);
  /**
   * JcStreaming::switched:
   * @self: the handle
   * @id: the mountpoint now watched
   *
   * Emitted when a `switch` succeeded, before the call completes.
   */
  jc_streaming_signals[ST_SIGNAL_SWITCHED] = g_signal_new ("switched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 1, JC_TYPE_ID | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * JcStreaming::simulcast:
   * @self: the handle
   * @mid: (nullable): the video stream, when Janus names it
   * @substream: the substream now received, or -1 when unchanged
   * @temporal: the temporal layer now received, or -1 when unchanged
   *
   * Emitted when the simulcast layer we receive changed.
   */
  jc_streaming_signals[ST_SIGNAL_SIMULCAST] = g_signal_new ("simulcast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                            NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
  /**
   * JcStreaming::svc:
   * @self: the handle
   * @mid: (nullable): the video stream, when Janus names it
   * @spatial_layer: the VP9-SVC spatial layer now received, or -1
   * @temporal_layer: the VP9-SVC temporal layer now received, or -1
   *
   * Emitted when the VP9-SVC layer we receive changed.
   */
  jc_streaming_signals[ST_SIGNAL_SVC] = g_signal_new ("svc", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                      G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
  /**
   * JcStreaming::edited:
   * @self: the handle
   * @id: the mountpoint
   * @metadata: (nullable): its new metadata
   *
   * Emitted when the watched mountpoint's metadata changed (an `edit`
   * with `edited_event`).
   */
  jc_streaming_signals[ST_SIGNAL_EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                         G_TYPE_NONE, 2, JC_TYPE_ID | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_STRING);
  /**
   * JcStreaming::error:
   * @self: the handle
   * @error: an error event of the plugin ([error@PluginError] with its
   *   code), what failed while driving the peer, or %JC_ERROR_PROTOCOL
   *   naming what was wrong with a malformed event or entry (which was
   *   dropped)
   *
   * Emitted for errors no request of ours is waiting for.
   */
  jc_streaming_signals[ST_SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                        G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
jc_streaming_init (JcStreaming *self)
{
}

/**
 * jc_streaming_attach_async:
 * @session: a session
 * @opaque_id: (nullable): an opaque id for the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the handle
 * @user_data: data for @callback
 *
 * Attaches a new handle to the Streaming plugin: one per watched
 * mountpoint (administration works on any).
 */
void
jc_streaming_attach_async (JcSession *session,
                           const char *opaque_id,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_SESSION (session));

  jc_plugin_attach (session, JC_TYPE_STREAMING, JC_STREAMING_PLUGIN, opaque_id, jc_streaming_attach_async, "jc_streaming_attach_async",
                    cancellable, callback, user_data);
}

/**
 * jc_streaming_attach_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [func@Streaming.attach_async].
 *
 * Returns: (transfer full): the new Streaming handle
 */
JcStreaming *
jc_streaming_attach_finish (GAsyncResult *result, GError **error)
{
  return jc_plugin_attach_finish (result, jc_streaming_attach_async, error);
}

/**
 * jc_streaming_set_peer:
 * @self: a Streaming handle
 * @peer: (nullable): the PeerConnection that receives the mountpoint
 *
 * Lets the handle drive @peer: Janus's offers (watch) are answered and
 * the answer sent with `start`. The handle lets go of its peer when it
 * is detached.
 */
void
jc_streaming_set_peer (JcStreaming *self, JcPeer *peer)
{
  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (peer == NULL || JC_IS_PEER (peer));

  jc_plugin_handle_set_peer (JC_PLUGIN_HANDLE (self), peer);
}

/**
 * jc_streaming_get_peer:
 * @self: a Streaming handle
 *
 * Gets the peer set with [method@Streaming.set_peer].
 *
 * Returns: (transfer none) (nullable): the peer
 */
JcPeer *
jc_streaming_get_peer (JcStreaming *self)
{
  g_return_val_if_fail (JC_IS_STREAMING (self), NULL);
  return JC_PLUGIN_PEER (self);
}

/**
 * jc_streaming_get_status:
 * @self: a Streaming handle
 *
 * Gets where the viewer stands.
 *
 * Returns: the status
 */
JcStreamingStatus
jc_streaming_get_status (JcStreaming *self)
{
  g_return_val_if_fail (JC_IS_STREAMING (self), JC_STREAMING_STATUS_IDLE);
  return self->status;
}

/**
 * jc_streaming_get_mountpoint:
 * @self: a Streaming handle
 *
 * Gets the mountpoint being watched (since `watch` succeeded, updated by
 * `switch`, cleared by `stopped`).
 *
 * Returns: (transfer none) (nullable): the mountpoint's id
 */
const JcId *
jc_streaming_get_mountpoint (JcStreaming *self)
{
  g_return_val_if_fail (JC_IS_STREAMING (self), NULL);
  return self->mountpoint;
}

void
jc_streaming_send (JcStreaming *self,
                   const char *request,
                   const JcId *id,
                   JcStreamingRequest *options,
                   JsonObject *extra,
                   JsonObject *jsep,
                   const char *const *expect,
                   JcPluginReplyHook hook,
                   gpointer source_tag,
                   const char *name,
                   GCancellable *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer user_data)
{
  JsonObject *body = jc_plugin_body_new (request, options != NULL ? jc_streaming_request_peek_body (options) : NULL, extra);

  jc_plugin_set_id (body, "id", id);
  jc_plugin_send (JC_HANDLE (self), &jc_streaming_spec, body, jsep, expect, hook, source_tag, name, cancellable, callback,
                  user_data);
}

/* Watching */

/* The `result` of an asynchronous reply, read like an event's; a reply
 * that has none, or one we cannot read, fails the request. */
static gboolean
take_reply_result (JcStreaming *self, JsonObject *data, const char *request, GError **error)
{
  JsonObject *result = jc_json_lookup_object (data, "result");

  if (result == NULL || !jc_streaming_take_result (self, result, request))
    return jc_set_protocol_error (error, "Streaming answered %s without a result it could be read from", request);
  return TRUE;
}

static void
result_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  JcStreaming *self = source;
  GError *error = NULL;

  if (!take_reply_result (self, data, g_task_get_name (task), &error))
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

typedef struct
{
  GTask *task;      /* (owned) the watch */
  JsonObject *data; /* (owned) the watch's reply */
  JsonObject *offer;
} Negotiation;

static void
negotiation_free (Negotiation *n)
{
  g_clear_object (&n->task);
  json_object_unref (n->data);
  json_object_unref (n->offer);
  g_free (n);
}

static void
on_watch_started (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Negotiation *n = user_data;
  GError *error = NULL;

  if (!jc_streaming_start_finish (JC_STREAMING (source), result, &error))
    {
      g_prefix_error (&error, "Starting the stream: ");
      g_task_return_error (n->task, error);
    }
  else
    jc_plugin_return_data (n->task, n->data, n->offer);
  negotiation_free (n);
}

static void
on_watch_answered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Negotiation *n = user_data;
  JcStreaming *self = g_task_get_source_object (n->task);
  GError *error = NULL;
  g_autoptr (JsonObject) answer = jc_peer_create_answer_finish (JC_PEER (source), result, &error);

  if (answer == NULL)
    {
      g_prefix_error (&error, "Answering Janus's offer: ");
      g_task_return_error (n->task, error);
      negotiation_free (n);
      return;
    }
  jc_streaming_start_async (self, answer, g_task_get_cancellable (n->task), on_watch_started, n);
}

static void
watch_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  JcStreaming *self = source;
  GError *error = NULL;
  Negotiation *n;

  if (!jc_plugin_check_jsep ("Streaming", jsep, "offer", &error) || !take_reply_result (self, data, "watch", &error))
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  if (JC_PLUGIN_PEER (self) == NULL)
    {
      jc_plugin_return_data (task, data, jsep);
      g_object_unref (task);
      return;
    }
  n = g_new0 (Negotiation, 1);
  n->task = task;
  n->data = json_object_ref (data);
  n->offer = json_object_ref (jsep);
  jc_peer_create_answer_async (JC_PLUGIN_PEER (self), jsep, g_task_get_cancellable (task), on_watch_answered, n);
}

static void
on_watch_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcStreaming *self = JC_STREAMING (source);
  JcId *id = g_task_get_task_data (task);
  GError *error = NULL;
  JsonObject *offer = NULL;
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, on_watch_sent, &offer, &error);

  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_pointer (&self->mountpoint, jc_id_free);
  self->mountpoint = jc_id_copy (id);
  g_task_return_pointer (task, offer, (GDestroyNotify) json_object_unref);
}

/**
 * jc_streaming_watch_async:
 * @self: a Streaming handle
 * @id: the mountpoint
 * @options: (nullable): `pin`, `media` (a subset of the mids), …
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once watching (or with the error)
 * @user_data: data for @callback
 *
 * Asks to watch a mountpoint (`watch`): Janus answers `preparing` with
 * its offer. With a peer set, the offer is answered and `start` sent
 * with the answer before the call completes (media flows once the
 * PeerConnection is up: [signal@Streaming::status-changed] with
 * %JC_STREAMING_STATUS_STARTED); without, answer it yourself and call
 * [method@Streaming.start_async]. A missing mountpoint fails with
 * %JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT, a wrong or missing pin with
 * %JC_STREAMING_ERROR_UNAUTHORIZED or
 * %JC_STREAMING_ERROR_MISSING_ELEMENT.
 */
void
jc_streaming_watch_async (JcStreaming *self,
                          const JcId *id,
                          JcStreamingRequest *options,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_streaming_watch_async);
  g_task_set_name (task, "jc_streaming_watch_async");
  g_task_set_task_data (task, jc_id_copy (id), (GDestroyNotify) jc_id_free);
  jc_streaming_send (self, "watch", id, options, NULL, NULL, expect_event, watch_hook, on_watch_sent, "watch", cancellable,
                     on_watch_sent, g_steal_pointer (&task));
}

/**
 * jc_streaming_watch_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @out_offer: (out) (optional) (nullable) (transfer full): Janus's offer
 *   (already answered when the handle has a peer)
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.watch_async].
 *
 * Returns: %TRUE when watching
 */
gboolean
jc_streaming_watch_finish (JcStreaming *self, GAsyncResult *result, JsonObject **out_offer, GError **error)
{
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_streaming_watch_async, FALSE);

  offer = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (out_offer != NULL)
    *out_offer = g_steal_pointer (&offer);
  return TRUE;
}

/**
 * jc_streaming_start_async:
 * @self: a Streaming handle
 * @answer: (nullable): the answer to Janus's offer; %NULL to resume
 *   after a pause
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus took it
 * @user_data: data for @callback
 *
 * Starts, or resumes, the media (`start`; Janus answers `starting`, or
 * `started` when the PeerConnection is already up).
 */
void
jc_streaming_start_async (JcStreaming *self,
                          JsonObject *answer,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_return_if_fail (JC_IS_STREAMING (self));

  jc_streaming_send (self, "start", NULL, NULL, NULL, answer, expect_event, result_hook, jc_streaming_start_async, "start",
                     cancellable, callback, user_data);
}

/**
 * jc_streaming_start_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.start_async].
 *
 * Returns: %TRUE once Janus took it
 */
gboolean
jc_streaming_start_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_start_async, error);
}

/**
 * jc_streaming_pause_async:
 * @self: a Streaming handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once paused
 * @user_data: data for @callback
 *
 * Pauses every stream (`pause`, answered `pausing`); the PeerConnection
 * stays. [method@Streaming.start_async] without an answer resumes.
 */
void
jc_streaming_pause_async (JcStreaming *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (JC_IS_STREAMING (self));

  jc_streaming_send (self, "pause", NULL, NULL, NULL, NULL, expect_event, result_hook, jc_streaming_pause_async, "pause",
                     cancellable, callback, user_data);
}

/**
 * jc_streaming_pause_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.pause_async].
 *
 * Returns: %TRUE once paused
 */
gboolean
jc_streaming_pause_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_pause_async, error);
}

/**
 * jc_streaming_stop_async:
 * @self: a Streaming handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus took it
 * @user_data: data for @callback
 *
 * Stops watching (`stop`, answered `stopping`): Janus closes the
 * PeerConnection (the handle's hangup then turns the status to
 * %JC_STREAMING_STATUS_STOPPED). The handle can watch again, with a new
 * peer. Janus 1.1.2 answers nothing to a stop before `started` or after
 * a first stop, so these fail at once with %JC_ERROR_INVALID_ARGUMENT:
 * hang the handle up ([method@Handle.hangup_async]) or detach it.
 */
void
jc_streaming_stop_async (JcStreaming *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (JC_IS_STREAMING (self));

  /* Janus 1.1.2 drops a stop it does not act on without a word. */
  if (self->status != JC_STREAMING_STATUS_STARTED && self->status != JC_STREAMING_STATUS_PAUSED)
    {
      g_task_report_new_error (self, callback, user_data, jc_streaming_stop_async, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                               "Janus ignores stop until the stream has started (and after a first stop): hang the handle up "
                               "or detach it instead");
      return;
    }
  jc_streaming_send (self, "stop", NULL, NULL, NULL, NULL, expect_event, result_hook, jc_streaming_stop_async, "stop", cancellable,
                     callback, user_data);
}

/**
 * jc_streaming_stop_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.stop_async].
 *
 * Returns: %TRUE once Janus took it
 */
gboolean
jc_streaming_stop_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_stop_async, error);
}

/**
 * jc_streaming_configure_async:
 * @self: a Streaming handle
 * @options: `mid` + `send` (one stream on or off), `substream`,
 *   `temporal`, `fallback` (simulcast), `spatial_layer`,
 *   `temporal_layer` (VP9-SVC), `min_delay`, `max_delay`, or the
 *   deprecated `audio`/`video`/`data` booleans through set_extra
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once configured
 * @user_data: data for @callback
 *
 * Changes what Janus relays to this viewer (`configure`, answered
 * `event: configured`). Layer changes are told later by
 * [signal@Streaming::simulcast] and [signal@Streaming::svc].
 */
void
jc_streaming_configure_async (JcStreaming *self,
                              JcStreamingRequest *options,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (options != NULL);

  jc_streaming_send (self, "configure", NULL, options, NULL, NULL, expect_event, result_hook, jc_streaming_configure_async,
                     "configure", cancellable, callback, user_data);
}

/**
 * jc_streaming_configure_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.configure_async].
 *
 * Returns: %TRUE once configured
 */
gboolean
jc_streaming_configure_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_configure_async, error);
}

/**
 * jc_streaming_switch_async:
 * @self: a Streaming handle
 * @id: the mountpoint to watch instead
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once switched
 * @user_data: data for @callback
 *
 * Switches to another mountpoint on the same PeerConnection (`switch`,
 * answered `switched`): Janus 1.1.2 allows it between live RTP
 * mountpoints with the same media (codecs, payload types);
 * [signal@Streaming::switched] is emitted before the call completes.
 */
void
jc_streaming_switch_async (JcStreaming *self,
                           const JcId *id,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_STREAMING (self));
  g_return_if_fail (id != NULL);

  jc_streaming_send (self, "switch", id, NULL, NULL, NULL, expect_event, result_hook, jc_streaming_switch_async, "switch",
                     cancellable, callback, user_data);
}

/**
 * jc_streaming_switch_finish:
 * @self: a Streaming handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Streaming.switch_async].
 *
 * Returns: %TRUE once switched
 */
gboolean
jc_streaming_switch_finish (JcStreaming *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_streaming_switch_async, error);
}

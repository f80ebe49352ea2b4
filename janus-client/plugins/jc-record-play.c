/* jc-record-play.c: the Record&Play plugin — the class, its signals and
 * the synchronous requests (list, update, configure)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-enum-types.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-record-play-private.h"

/**
 * JcRecordPlay:
 *
 * A handle on the Record&Play plugin: Janus records what we send (one
 * MJR file per medium in its recordings folder) and plays recordings
 * back to us.
 *
 * Recording is the publisher's role: [method@RecordPlay.record_async]
 * sends our offer (made by the [class@Peer] set with
 * [method@RecordPlay.set_peer], or given) with a name, and completes with
 * the recording's id once Janus's answer is applied. Playing is the
 * subscriber's: [method@RecordPlay.play_async] asks for a recording,
 * Janus offers it, the peer answers and `start` is sent before the call
 * completes; the tracks reach the peer's [class@MediaSink]. When the
 * recording has been played to its end Janus closes the PeerConnection
 * and [signal@RecordPlay::done] is emitted. [method@RecordPlay.stop_async]
 * ends either.
 *
 * Errors carry the plugin's code in the [error@PluginError] domain (e.g.
 * %JC_RECORD_PLAY_ERROR_NOT_FOUND). Recording ids are numbers in Janus
 * 1.1.2, at most 2^53-1 (Janus draws them below 2^53; ids read from its
 * `.nfo` files may be larger, and are reported and dropped).
 *
 * ```c
 * static void
 * on_recorded (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr (GError) error = NULL;
 *   guint64 id = jc_record_play_record_finish (JC_RECORD_PLAY (source), result, NULL, &error);
 *
 *   if (id == 0)
 *     g_printerr ("Not recording: %s\n", error->message);
 *   else
 *     g_print ("Recording %" G_GUINT64_FORMAT "\n", id);
 * }
 *
 * jc_peer_set_source (peer, source);
 * jc_record_play_set_peer (rp, peer);
 * jc_record_play_record_async (rp, "my session", 0, NULL, NULL, NULL, on_recorded, NULL);
 * ```
 */

G_DEFINE_FINAL_TYPE (JcRecordPlay, jc_record_play, JC_TYPE_PLUGIN_HANDLE)

enum
{
  PROP_0,
  PROP_STATE,
  PROP_RECORDING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint jc_record_play_signals[RP_N_SIGNALS];

const JcPluginSpec jc_record_play_spec = { "recordplay", "Record&Play" };

const char *const jc_record_play_expect_event[] = { "event", NULL };

static void
jc_record_play_finalize (GObject *object)
{
  JcRecordPlay *self = JC_RECORD_PLAY (object);

  g_clear_pointer (&self->offer, json_object_unref);
  G_OBJECT_CLASS (jc_record_play_parent_class)->finalize (object);
}

static void
jc_record_play_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcRecordPlay *self = JC_RECORD_PLAY (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_RECORDING_ID:
      g_value_set_uint64 (value, self->recording_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_record_play_event (JcHandle *handle, JsonObject *data, JsonObject *jsep)
{
  jc_record_play_dispatch_event (JC_RECORD_PLAY (handle), data, jsep);
  if (JC_HANDLE_CLASS (jc_record_play_parent_class)->event != NULL)
    JC_HANDLE_CLASS (jc_record_play_parent_class)->event (handle, data, jsep);
}

static void
jc_record_play_class_init (JcRecordPlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType json_type = JSON_TYPE_OBJECT | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->finalize = jc_record_play_finalize;
  object_class->get_property = jc_record_play_get_property;
  JC_HANDLE_CLASS (klass)->event = jc_record_play_event;

  /**
   * JcRecordPlay:state:
   *
   * What the handle is doing.
   */
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, JC_TYPE_RECORD_PLAY_STATE, JC_RECORD_PLAY_STATE_IDLE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JcRecordPlay:recording-id:
   *
   * The recording being recorded or played (or last so), 0 before any.
   */
  properties[PROP_RECORDING_ID] = g_param_spec_uint64 ("recording-id", NULL, NULL, 0, G_MAXUINT64, 0,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcRecordPlay::recording:
   * @self: the handle
   * @id: the recording's id
   *
   * Emitted when Janus started recording (the `recording` status), before
   * [method@RecordPlay.record_async] completes.
   */
  jc_record_play_signals[RP_SIGNAL_RECORDING] = g_signal_new ("recording", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                              NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /**
   * JcRecordPlay::preparing:
   * @self: the handle
   * @id: the recording's id
   * @offer: Janus's offer of the recording's media
   * @warning: (nullable): what Janus could not read, e.g. "Broken audio
   *   file, playing video only"
   *
   * Emitted when Janus offered a recording (the `preparing` status of
   * `play`). With a peer set the offer is being answered already.
   */
  jc_record_play_signals[RP_SIGNAL_PREPARING] = g_signal_new ("preparing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                              NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT64, json_type, G_TYPE_STRING);
  /**
   * JcRecordPlay::playing:
   * @self: the handle
   * @id: the recording's id
   *
   * Emitted when `start` succeeded: Janus plays the recording once the
   * PeerConnection is up.
   */
  jc_record_play_signals[RP_SIGNAL_PLAYING] = g_signal_new ("playing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                            NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /**
   * JcRecordPlay::paused:
   * @self: the handle
   * @id: the recording's id
   *
   * Emitted when `pause` succeeded: what arrives is not recorded.
   */
  jc_record_play_signals[RP_SIGNAL_PAUSED] = g_signal_new ("paused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /**
   * JcRecordPlay::resumed:
   * @self: the handle
   * @id: the recording's id
   *
   * Emitted when `resume` succeeded.
   */
  jc_record_play_signals[RP_SIGNAL_RESUMED] = g_signal_new ("resumed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                            NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /**
   * JcRecordPlay::stopped:
   * @self: the handle
   * @id: the recording that was recorded or played, 0 when Janus did not
   *   say
   *
   * Emitted when `stop` succeeded; Janus then closes the PeerConnection
   * and [signal@RecordPlay::done] follows.
   */
  jc_record_play_signals[RP_SIGNAL_STOPPED] = g_signal_new ("stopped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                            NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /**
   * JcRecordPlay::done:
   * @self: the handle
   * @id: the recording that ended (the handle's own record, since Janus
   *   1.1.2 does not say), 0 when none
   *
   * Emitted once per recording or playout when Janus tells it is over
   * (the `done` result): its PeerConnection closed, after `stop` or at
   * the end of a playout. A finished recording is listed from then on.
   */
  jc_record_play_signals[RP_SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                         G_TYPE_NONE, 1, G_TYPE_UINT64);
  /**
   * JcRecordPlay::slow-link:
   * @self: the handle
   * @media: (nullable): "audio" or "video"
   * @current_bitrate: the bitrate cap in force (video), 0 when none
   * @uplink: whether the losses are on what we send
   *
   * Emitted for the plugin's `slow_link` status.
   */
  jc_record_play_signals[RP_SIGNAL_SLOW_LINK] = g_signal_new ("slow-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                              NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_BOOLEAN);
  /**
   * JcRecordPlay::error:
   * @self: the handle
   * @error: an error event of the plugin ([error@PluginError] with its
   *   code), what failed while driving the peer, or %JC_ERROR_PROTOCOL
   *   naming what was wrong with a malformed event or list entry (which
   *   was dropped)
   *
   * Emitted for errors no request of ours is waiting for.
   */
  jc_record_play_signals[RP_SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                          G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
jc_record_play_init (JcRecordPlay *self)
{
}

void
jc_record_play_set_state (JcRecordPlay *self, JcRecordPlayState state, guint64 id)
{
  if (id != 0 && id != self->recording_id)
    {
      self->recording_id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDING_ID]);
    }
  if (state != JC_RECORD_PLAY_STATE_PREPARING)
    g_clear_pointer (&self->offer, json_object_unref);
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

/**
 * jc_record_play_attach_async:
 * @session: a session
 * @opaque_id: (nullable): an opaque id for the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the handle
 * @user_data: data for @callback
 *
 * Attaches a new handle to the Record&Play plugin: one per recording or
 * playout at a time.
 */
void
jc_record_play_attach_async (JcSession *session,
                             const char *opaque_id,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (JC_IS_SESSION (session));

  jc_plugin_attach (session, JC_TYPE_RECORD_PLAY, JC_RECORD_PLAY_PLUGIN, opaque_id, jc_record_play_attach_async,
                    "jc_record_play_attach_async", cancellable, callback, user_data);
}

/**
 * jc_record_play_attach_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [func@RecordPlay.attach_async].
 *
 * Returns: (transfer full): the new Record&Play handle
 */
JcRecordPlay *
jc_record_play_attach_finish (GAsyncResult *result, GError **error)
{
  return jc_plugin_attach_finish (result, jc_record_play_attach_async, error);
}

/**
 * jc_record_play_set_peer:
 * @self: a Record&Play handle
 * @peer: (nullable): the PeerConnection of this handle
 *
 * Lets the handle drive @peer: its offer for `record` (give it a
 * [class@MediaSource]), its answer to Janus's offer for `play` (give it
 * a [class@MediaSink]).
 */
void
jc_record_play_set_peer (JcRecordPlay *self, JcPeer *peer)
{
  g_return_if_fail (JC_IS_RECORD_PLAY (self));
  g_return_if_fail (peer == NULL || JC_IS_PEER (peer));

  jc_plugin_handle_set_peer (JC_PLUGIN_HANDLE (self), peer);
}

/**
 * jc_record_play_get_peer:
 * @self: a Record&Play handle
 *
 * Gets the peer set with [method@RecordPlay.set_peer].
 *
 * Returns: (transfer none) (nullable): the peer
 */
JcPeer *
jc_record_play_get_peer (JcRecordPlay *self)
{
  g_return_val_if_fail (JC_IS_RECORD_PLAY (self), NULL);
  return JC_PLUGIN_PEER (self);
}

/**
 * jc_record_play_get_state:
 * @self: a Record&Play handle
 *
 * Gets what the handle is doing.
 *
 * Returns: the state
 */
JcRecordPlayState
jc_record_play_get_state (JcRecordPlay *self)
{
  g_return_val_if_fail (JC_IS_RECORD_PLAY (self), JC_RECORD_PLAY_STATE_IDLE);
  return self->state;
}

/**
 * jc_record_play_get_recording_id:
 * @self: a Record&Play handle
 *
 * Gets the recording being (or last) recorded or played.
 *
 * Returns: its id, 0 before any
 */
guint64
jc_record_play_get_recording_id (JcRecordPlay *self)
{
  g_return_val_if_fail (JC_IS_RECORD_PLAY (self), 0);
  return self->recording_id;
}

/* Requests */

void
jc_record_play_send (JcRecordPlay *self,
                     JsonObject *body,
                     JsonObject *jsep,
                     const char *const *expect,
                     JcPluginReplyHook hook,
                     gpointer source_tag,
                     const char *name,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  jc_plugin_send (JC_HANDLE (self), &jc_record_play_spec, body, jsep, expect, hook, source_tag, name, cancellable, callback,
                  user_data);
}

gboolean
jc_record_play_reply_status (JsonObject *data, const char *status, const char *request, gboolean need_id, guint64 *out_id, GError **error)
{
  JsonObject *result = jc_json_lookup_object (data, "result");
  const char *what = result != NULL ? jc_json_lookup_string (result, "status") : NULL;
  guint64 id = 0;

  if (out_id != NULL)
    *out_id = 0;
  if (result == NULL)
    return jc_set_protocol_error (error, "Record&Play answered %s with no “result” object", request);
  if (g_strcmp0 (what, status) != 0)
    return jc_set_protocol_error (error, "Record&Play answered “%s” to %s (want “%s”)", what != NULL ? what : "nothing", request,
                                  status);
  if (jc_json_has_member (result, "id") ? !jc_json_lookup_id (result, "id", &id) : need_id)
    return jc_set_protocol_error (error, "Record&Play answered %s with no valid “id” (want an integer between 1 and 2^53-1)",
                                  request);
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

/**
 * jc_record_play_list_async:
 * @self: a Record&Play handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the recordings
 * @user_data: data for @callback
 *
 * Lists the finished recordings (one still being recorded is not listed
 * before its [signal@RecordPlay::done]).
 */
void
jc_record_play_list_async (JcRecordPlay *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  static const char *const expect[] = { "list", NULL };

  g_return_if_fail (JC_IS_RECORD_PLAY (self));

  jc_record_play_send (self, jc_plugin_body_new ("list", NULL, NULL), NULL, expect, NULL, jc_record_play_list_async,
                       "jc_record_play_list_async", cancellable, callback, user_data);
}

/**
 * jc_record_play_list_finish:
 * @self: a Record&Play handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@RecordPlay.list_async]. A reply without a `list`
 * array is a %JC_ERROR_PROTOCOL error; a malformed entry (an id beyond
 * 2^53, no name, …) is left out and told through
 * [signal@RecordPlay::error].
 *
 * Returns: (transfer container) (element-type JcRecordPlayRecording): the
 *   recordings
 */
GPtrArray *
jc_record_play_list_finish (JcRecordPlay *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_record_play_list_async, NULL, error);
  g_autoptr (GPtrArray) recordings = NULL;
  JsonArray *list;

  if (data == NULL)
    return NULL;
  if ((list = jc_json_lookup_array (data, "list")) == NULL)
    {
      jc_set_protocol_error (error, "Record&Play answered list with no “list” array");
      return NULL;
    }
  recordings = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_record_play_recording_unref);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autoptr (GString) problems = g_string_new (NULL);
      JcRecordPlayRecording *rec = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        rec = jc_record_play_recording_new_from_json (json_node_get_object (node), problems);
      else
        jc_plugin_add_problem (problems, "not an object");
      if (rec == NULL)
        {
          g_autoptr (GError) bad = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "Record&Play listed a malformed recording (entry %u): %s", i,
                                                problems->str);

          g_debug ("%s", bad->message);
          jc_record_play_emit_error (self, bad);
          continue;
        }
      g_ptr_array_add (recordings, rec);
    }
  return g_steal_pointer (&recordings);
}

/**
 * jc_record_play_update_async:
 * @self: a Record&Play handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus rescanned its folder
 * @user_data: data for @callback
 *
 * Makes Janus read its recordings folder again (`update`), for
 * recordings added there by hand (MJR files and a `.nfo` file).
 */
void
jc_record_play_update_async (JcRecordPlay *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  static const char *const expect[] = { "ok", NULL };

  g_return_if_fail (JC_IS_RECORD_PLAY (self));

  jc_record_play_send (self, jc_plugin_body_new ("update", NULL, NULL), NULL, expect, NULL, jc_record_play_update_async,
                       "jc_record_play_update_async", cancellable, callback, user_data);
}

/**
 * jc_record_play_update_finish:
 * @self: a Record&Play handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@RecordPlay.update_async].
 *
 * Returns: %TRUE once rescanned
 */
gboolean
jc_record_play_update_finish (JcRecordPlay *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_record_play_update_async, error);
}

/**
 * jc_record_play_configure_async:
 * @self: a Record&Play handle
 * @request: (nullable): `video-bitrate-max`, `video-keyframe-interval`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the settings in force
 * @user_data: data for @callback
 *
 * Changes the recording's settings (`configure`, answered at once).
 */
void
jc_record_play_configure_async (JcRecordPlay *self,
                                JcRecordPlayRequest *request,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  static const char *const expect[] = { "configure", NULL };

  g_return_if_fail (JC_IS_RECORD_PLAY (self));

  jc_record_play_send (self, jc_plugin_body_new ("configure", request != NULL ? jc_record_play_request_peek_body (request) : NULL, NULL),
                       NULL, expect, NULL, jc_record_play_configure_async, "jc_record_play_configure_async", cancellable,
                       callback, user_data);
}

static gboolean
read_setting (JsonObject *settings, const char *member, guint *out, GError **error)
{
  gint64 value = 0;

  if (out != NULL)
    *out = 0;
  if (!jc_json_lookup_int (settings, member, &value) || value < 0 || value > G_MAXUINT)
    return jc_set_protocol_error (error, "Record&Play answered configure with no valid “%s”", member);
  if (out != NULL)
    *out = (guint) value;
  return TRUE;
}

/**
 * jc_record_play_configure_finish:
 * @self: a Record&Play handle
 * @result: the result passed to the callback
 * @out_video_bitrate_max: (out) (optional): the bitrate cap now in force
 *   (0: none)
 * @out_video_keyframe_interval: (out) (optional): the key-frame interval
 *   now in force, in seconds (0: none)
 * @error: return location for a #GError
 *
 * Finishes [method@RecordPlay.configure_async].
 *
 * Returns: %TRUE once applied
 */
gboolean
jc_record_play_configure_finish (JcRecordPlay *self,
                                 GAsyncResult *result,
                                 guint *out_video_bitrate_max,
                                 guint *out_video_keyframe_interval,
                                 GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_record_play_configure_async, NULL, error);
  JsonObject *settings;

  if (data == NULL)
    return FALSE;
  if (g_strcmp0 (jc_json_lookup_string (data, "status"), "ok") != 0)
    return jc_set_protocol_error (error, "Record&Play answered configure without “status”: “ok”");
  if ((settings = jc_json_lookup_object (data, "settings")) == NULL)
    return jc_set_protocol_error (error, "Record&Play answered configure with no “settings” object");
  return read_setting (settings, "video-bitrate-max", out_video_bitrate_max, error) &&
         read_setting (settings, "video-keyframe-interval", out_video_keyframe_interval, error);
}

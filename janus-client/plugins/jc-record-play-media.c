/* jc-record-play-media.c: JcRecordPlay's asynchronous requests — record
 * (our offer, Janus's answer), play and start (Janus's offer, our
 * answer), pause, resume, stop
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-record-play-private.h"

/* The inner requests, tagged with these. */
static void send_record (GTask *task, JsonObject *offer);
static void send_play (GTask *task);
static void send_start (GTask *task, JsonObject *answer);

typedef struct
{
  char *name;                  /* (owned) (nullable) record's */
  guint64 id;                  /* asked for (record: 0 = Janus picks), then got */
  JsonObject *options;         /* (owned) (nullable) record's fields */
  JsonObject *jsep;            /* (owned) (nullable) Janus's answer or offer */
  gboolean apply;              /* drive the peer with Janus's jsep */
  gboolean start_after_answer; /* play: answer and start before completing */
} MediaData;

static void
media_data_free (gpointer data)
{
  MediaData *md = data;

  g_free (md->name);
  g_clear_pointer (&md->options, json_object_unref);
  g_clear_pointer (&md->jsep, json_object_unref);
  g_free (md);
}

static GTask *
media_task_new (JcRecordPlay *self, gpointer tag, const char *name, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, g_new0 (MediaData, 1), media_data_free);
  return task;
}

static MediaData *
media_data (GTask *task)
{
  return g_task_get_task_data (task);
}

/* record */

static void
on_record_answer_set (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!jc_peer_set_remote_description_finish (JC_PEER (source), result, &error))
    {
      g_prefix_error (&error, "Cannot take Record&Play's answer: ");
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_record_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcRecordPlay *self = JC_RECORD_PLAY (source);
  MediaData *md = media_data (task);
  GError *error = NULL;
  g_autoptr (JsonObject) jsep = NULL;
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, send_record, &jsep, &error);
  guint64 id = 0;

  if (data == NULL || !jc_record_play_reply_status (data, "recording", "record", TRUE, &id, &error) ||
      !jc_plugin_check_jsep ("Record&Play", jsep, "answer", &error))
    {
      g_task_return_error (task, error);
      return;
    }
  md->id = id;
  md->jsep = g_steal_pointer (&jsep);
  self->ended = FALSE;
  jc_record_play_set_state (self, JC_RECORD_PLAY_STATE_RECORDING, id);
  g_signal_emit (self, jc_record_play_signals[RP_SIGNAL_RECORDING], 0, id);
  if (md->apply && JC_PLUGIN_PEER (self) != NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      jc_peer_set_remote_description_async (JC_PLUGIN_PEER (self), md->jsep, cancellable, on_record_answer_set, g_steal_pointer (&task));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
send_record (GTask *task, JsonObject *offer)
{
  JcRecordPlay *self = g_task_get_source_object (task);
  MediaData *md = media_data (task);
  JsonObject *body = jc_plugin_body_new ("record", md->options, NULL);

  json_object_set_string_member (body, "name", md->name);
  if (md->id != 0)
    json_object_set_int_member (body, "id", (gint64) md->id);
  jc_record_play_send (self, body, offer, jc_record_play_expect_event, NULL, send_record, "jc_record_play_record_async",
                       g_task_get_cancellable (task), on_record_sent, task);
}

static void
on_record_offer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  g_autoptr (JsonObject) offer = jc_peer_create_offer_finish (JC_PEER (source), result, &error);

  if (offer == NULL)
    {
      g_prefix_error (&error, "Cannot make the offer to record: ");
      jc_plugin_fail_task (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  send_record (task, offer);
}

/**
 * jc_record_play_record_async:
 * @self: a Record&Play handle
 * @name: the recording's name, shown by `list` (not empty)
 * @id: the id to give it, 1 to 2^53-1; 0 lets Janus pick one
 * @options: (nullable): `filename`, preferred codecs, …
 * @offer: (nullable): our offer; %NULL to have the peer
 *   ([method@RecordPlay.set_peer]) make one (from its source)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus records
 * @user_data: data for @callback
 *
 * Asks Janus to record what we send (`record`). Completes once Janus
 * answered (and, when the peer made the offer, once the answer is
 * applied: media flows after webrtcup) with the recording's id. An id in
 * use fails with %JC_RECORD_PLAY_ERROR_RECORDING_EXISTS; no offer and no
 * peer at once with %JC_ERROR_INVALID_ARGUMENT. The recording is listed
 * once it is over ([method@RecordPlay.stop_async], then
 * [signal@RecordPlay::done]).
 */
void
jc_record_play_record_async (JcRecordPlay *self,
                             const char *name,
                             guint64 id,
                             JcRecordPlayRequest *options,
                             JsonObject *offer,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  GTask *task;
  MediaData *md;

  g_return_if_fail (JC_IS_RECORD_PLAY (self));
  g_return_if_fail (name != NULL);

  task = media_task_new (self, jc_record_play_record_async, "jc_record_play_record_async", cancellable, callback, user_data);
  md = media_data (task);
  md->name = g_strdup (name);
  md->id = id;
  md->options = options != NULL ? jc_json_object_copy (jc_record_play_request_peek_body (options)) : NULL;
  if (*name == '\0' || id > JC_JSON_MAX_ID)
    jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Cannot record: %s",
                                            *name == '\0' ? "the name is empty" : "the id is beyond 2^53-1"));
  else if (offer != NULL)
    send_record (task, offer);
  else if (JC_PLUGIN_PEER (self) != NULL)
    {
      md->apply = TRUE;
      jc_peer_create_offer_async (JC_PLUGIN_PEER (self), cancellable, on_record_offer, task);
    }
  else
    jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                                            "Cannot record “%s”: no offer given and no peer set to make one", name));
}

/**
 * jc_record_play_record_finish:
 * @self: a Record&Play handle
 * @result: the result passed to the callback
 * @out_answer: (out) (optional) (nullable) (transfer full): Janus's
 *   answer (already applied when the peer made the offer)
 * @error: return location for a #GError
 *
 * Finishes [method@RecordPlay.record_async].
 *
 * Returns: the recording's id, 0 on error
 */
guint64
jc_record_play_record_finish (JcRecordPlay *self, GAsyncResult *result, JsonObject **out_answer, GError **error)
{
  MediaData *md;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_record_play_record_async, 0);

  if (out_answer != NULL)
    *out_answer = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;
  md = media_data (G_TASK (result));
  if (out_answer != NULL)
    *out_answer = md->jsep != NULL ? json_object_ref (md->jsep) : NULL;
  return md->id;
}

/* play and start */

static void
on_start_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcRecordPlay *self = JC_RECORD_PLAY (source);
  GError *error = NULL;
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, send_start, NULL, &error);
  guint64 id = 0;

  if (data == NULL || !jc_record_play_reply_status (data, "playing", "start", FALSE, &id, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  jc_record_play_set_state (self, JC_RECORD_PLAY_STATE_PLAYING, id);
  g_signal_emit (self, jc_record_play_signals[RP_SIGNAL_PLAYING], 0, self->recording_id);
  g_task_return_boolean (task, TRUE);
}

static void
send_start (GTask *task, JsonObject *answer)
{
  JcRecordPlay *self = g_task_get_source_object (task);

  jc_record_play_send (self, jc_plugin_body_new ("start", NULL, NULL), answer, jc_record_play_expect_event, NULL, send_start,
                       "jc_record_play_start_async", g_task_get_cancellable (task), on_start_sent, task);
}

static void
on_play_answer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  g_autoptr (JsonObject) answer = jc_peer_create_answer_finish (JC_PEER (source), result, &error);

  if (answer == NULL)
    {
      g_prefix_error (&error, "Cannot answer Record&Play's offer: ");
      jc_plugin_fail_task (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  send_start (task, answer);
}

static void
on_play_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcRecordPlay *self = JC_RECORD_PLAY (source);
  MediaData *md = media_data (task);
  GError *error = NULL;
  g_autoptr (JsonObject) jsep = NULL;
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, send_play, &jsep, &error);
  JsonObject *res;
  const char *warning = NULL;
  guint64 id = 0;

  if (data == NULL || !jc_record_play_reply_status (data, "preparing", "play", FALSE, &id, &error) ||
      !jc_plugin_check_jsep ("Record&Play", jsep, "offer", &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (id != 0 && id != md->id)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL,
                               "Record&Play answered play %" G_GUINT64_FORMAT " with recording %" G_GUINT64_FORMAT, md->id, id);
      return;
    }
  res = jc_json_lookup_object (data, "result");
  if (jc_json_has_member (res, "warning"))
    warning = jc_json_lookup_string (res, "warning");
  md->jsep = g_steal_pointer (&jsep);
  self->ended = FALSE;
  jc_record_play_set_state (self, JC_RECORD_PLAY_STATE_PREPARING, md->id);
  g_clear_pointer (&self->offer, json_object_unref);
  self->offer = json_object_ref (md->jsep);
  g_signal_emit (self, jc_record_play_signals[RP_SIGNAL_PREPARING], 0, md->id, md->jsep, warning);
  if (JC_PLUGIN_PEER (self) != NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      jc_peer_create_answer_async (JC_PLUGIN_PEER (self), md->jsep, cancellable, on_play_answer, g_steal_pointer (&task));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
send_play (GTask *task)
{
  JcRecordPlay *self = g_task_get_source_object (task);
  JsonObject *body = jc_plugin_body_new ("play", NULL, NULL);

  json_object_set_int_member (body, "id", (gint64) media_data (task)->id);
  jc_record_play_send (self, body, NULL, jc_record_play_expect_event, NULL, send_play, "jc_record_play_play_async",
                       g_task_get_cancellable (task), on_play_sent, task);
}

/**
 * jc_record_play_play_async:
 * @self: a Record&Play handle
 * @id: the recording to play
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus plays (or offered) it
 * @user_data: data for @callback
 *
 * Asks Janus to play a recording (`play`): Janus offers its media
 * ([signal@RecordPlay::preparing]). With a peer set the offer is
 * answered and `start` sent before the call completes (then
 * [signal@RecordPlay::playing]; the media flows once the PeerConnection
 * is up, and [signal@RecordPlay::done] comes at its end); without, answer
 * the offer yourself and call [method@RecordPlay.start_async]. An
 * unknown id fails with %JC_RECORD_PLAY_ERROR_NOT_FOUND.
 */
void
jc_record_play_play_async (JcRecordPlay *self, guint64 id, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_RECORD_PLAY (self));

  task = media_task_new (self, jc_record_play_play_async, "jc_record_play_play_async", cancellable, callback, user_data);
  media_data (task)->id = id;
  if (id == 0 || id > JC_JSON_MAX_ID)
    jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                                            "Cannot play recording %" G_GUINT64_FORMAT ": ids are 1 to 2^53-1", id));
  else
    send_play (task);
}

/**
 * jc_record_play_play_finish:
 * @self: a Record&Play handle
 * @result: the result passed to the callback
 * @out_offer: (out) (optional) (nullable) (transfer full): Janus's offer
 *   (already answered when the handle has a peer)
 * @error: return location for a #GError
 *
 * Finishes [method@RecordPlay.play_async].
 *
 * Returns: %TRUE once playing (with a peer) or offered (without)
 */
gboolean
jc_record_play_play_finish (JcRecordPlay *self, GAsyncResult *result, JsonObject **out_offer, GError **error)
{
  MediaData *md;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_record_play_play_async, FALSE);

  if (out_offer != NULL)
    *out_offer = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  md = media_data (G_TASK (result));
  if (out_offer != NULL)
    *out_offer = md->jsep != NULL ? json_object_ref (md->jsep) : NULL;
  return TRUE;
}

/**
 * jc_record_play_start_async:
 * @self: a Record&Play handle that Janus offered a recording
 * @answer: (nullable): our answer to Janus's offer; %NULL to have the
 *   peer answer it
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once Janus plays
 * @user_data: data for @callback
 *
 * Starts the playout Janus offered (`start` with our answer), for a
 * [method@RecordPlay.play_async] made without a peer. Without an offer
 * to answer, Janus answers %JC_RECORD_PLAY_ERROR_INVALID_STATE.
 */
void
jc_record_play_start_async (JcRecordPlay *self,
                            JsonObject *answer,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_RECORD_PLAY (self));

  task = media_task_new (self, jc_record_play_start_async, "jc_record_play_start_async", cancellable, callback, user_data);
  if (answer != NULL)
    send_start (task, answer);
  else if (JC_PLUGIN_PEER (self) != NULL && self->offer != NULL)
    jc_peer_create_answer_async (JC_PLUGIN_PEER (self), self->offer, cancellable, on_play_answer, task);
  else
    jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Cannot start: %s",
                                            self->offer == NULL ? "no offer of Janus's to answer" : "no answer given and no peer set to make one"));
}

/**
 * jc_record_play_start_finish:
 * @self: a Record&Play handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@RecordPlay.start_async].
 *
 * Returns: %TRUE once playing
 */
gboolean
jc_record_play_start_finish (JcRecordPlay *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_record_play_start_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* pause, resume, stop */

static void
pause_resume_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  JcRecordPlay *self = source;
  gboolean pause = g_task_get_source_tag (task) == jc_record_play_pause_async;
  const char *request = pause ? "pause" : "resume";
  GError *error = NULL;
  guint64 id = 0;

  if (!jc_json_has_member (data, "result"))
    {
      /* 1.1.2 answers an empty event when nothing is recorded. */
      jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_FAILED, "Record&Play ignored %s: the handle records nothing",
                                              request));
      return;
    }
  if (!jc_record_play_reply_status (data, pause ? "paused" : "resumed", request, FALSE, &id, &error))
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  if (self->state == JC_RECORD_PLAY_STATE_RECORDING || self->state == JC_RECORD_PLAY_STATE_PAUSED)
    jc_record_play_set_state (self, pause ? JC_RECORD_PLAY_STATE_PAUSED : JC_RECORD_PLAY_STATE_RECORDING, id);
  g_signal_emit (self, jc_record_play_signals[pause ? RP_SIGNAL_PAUSED : RP_SIGNAL_RESUMED], 0, id != 0 ? id : self->recording_id);
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_record_play_pause_async:
 * @self: a recording Record&Play handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once paused
 * @user_data: data for @callback
 *
 * Pauses the recording (`pause`): media still flows, Janus stops writing
 * it (the recording has no gap: it goes on where it paused). A handle
 * recording nothing fails with %JC_ERROR_FAILED (Janus 1.1.2 ignores
 * the request).
 */
void
jc_record_play_pause_async (JcRecordPlay *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (JC_IS_RECORD_PLAY (self));

  jc_record_play_send (self, jc_plugin_body_new ("pause", NULL, NULL), NULL, jc_record_play_expect_event, pause_resume_hook,
                       jc_record_play_pause_async, "jc_record_play_pause_async", cancellable, callback, user_data);
}

/**
 * jc_record_play_pause_finish:
 * @self: a Record&Play handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@RecordPlay.pause_async].
 *
 * Returns: %TRUE once paused
 */
gboolean
jc_record_play_pause_finish (JcRecordPlay *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_record_play_pause_async, error);
}

/**
 * jc_record_play_resume_async:
 * @self: a paused Record&Play handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once recording again
 * @user_data: data for @callback
 *
 * Resumes a paused recording (`resume`; Janus asks the sender for a key
 * frame).
 */
void
jc_record_play_resume_async (JcRecordPlay *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (JC_IS_RECORD_PLAY (self));

  jc_record_play_send (self, jc_plugin_body_new ("resume", NULL, NULL), NULL, jc_record_play_expect_event, pause_resume_hook,
                       jc_record_play_resume_async, "jc_record_play_resume_async", cancellable, callback, user_data);
}

/**
 * jc_record_play_resume_finish:
 * @self: a Record&Play handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@RecordPlay.resume_async].
 *
 * Returns: %TRUE once resumed
 */
gboolean
jc_record_play_resume_finish (JcRecordPlay *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_record_play_resume_async, error);
}

static void
stop_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  GError *error = NULL;
  guint64 id = 0;

  if (!jc_record_play_reply_status (data, "stopped", "stop", FALSE, &id, &error))
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  jc_record_play_end (source, TRUE, id);
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_record_play_stop_async:
 * @self: a Record&Play handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once stopped
 * @user_data: data for @callback
 *
 * Ends the recording or the playout (`stop`): Janus closes the
 * PeerConnection ([signal@RecordPlay::stopped], then
 * [signal@RecordPlay::done]). Stop the peer too.
 */
void
jc_record_play_stop_async (JcRecordPlay *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (JC_IS_RECORD_PLAY (self));

  jc_record_play_send (self, jc_plugin_body_new ("stop", NULL, NULL), NULL, jc_record_play_expect_event, stop_hook,
                       jc_record_play_stop_async, "jc_record_play_stop_async", cancellable, callback, user_data);
}

/**
 * jc_record_play_stop_finish:
 * @self: a Record&Play handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@RecordPlay.stop_async].
 *
 * Returns: %TRUE once stopped
 */
gboolean
jc_record_play_stop_finish (JcRecordPlay *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_record_play_stop_async, error);
}

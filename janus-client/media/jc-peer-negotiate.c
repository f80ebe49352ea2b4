/* jc-peer-negotiate.c: offers, answers, stopping and statistics of JcPeer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gst/sdp/sdp.h>
#include <gst/webrtc/webrtc.h>

#include "jc-data-channel-private.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-media-private.h"
#include "jc-peer-private.h"

#define CAPS_DEADLINE_US (10 * G_USEC_PER_SEC)
#define FINISH_TIMEOUT_MS 5000

static gboolean
pipeline_error (JcPeer *self, GError **error)
{
  if (self->error == NULL)
    return FALSE;
  g_propagate_error (error, g_error_copy (self->error));
  return TRUE;
}

/* Builds the source, links it to webrtcbin and starts the pipeline. */
static gboolean
ensure_started (JcPeer *self, GError **error)
{
  static const char *const kinds[] = { "video", "audio" };

  if (self->started)
    return !pipeline_error (self, error);
  self->started = TRUE;

  if (self->source != NULL)
    {
      GstElement *bin = jc_media_source_build (self->source, error);

      if (bin == NULL)
        return FALSE;
      gst_bin_add (GST_BIN (self->pipeline), bin);
      for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          g_autoptr (GstPad) src = gst_element_get_static_pad (bin, kinds[i]);
          g_autoptr (GstPad) sink = NULL;
          const char *encoding;
          PeerTrack *track;

          if (src == NULL)
            continue;
          sink = gst_element_request_pad_simple (self->webrtc, "sink_%u");
          if (sink == NULL || gst_pad_link (src, sink) != GST_PAD_LINK_OK)
            {
              g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot link the %s source to webrtcbin", kinds[i]);
              gst_object_unref (bin);
              return FALSE;
            }
          encoding = g_str_equal (kinds[i], "video") ? jc_media_source_get_video_encoding (self->source)
                                                     : jc_media_source_get_audio_encoding (self->source);
          track = jc_peer_add_track (self, "sent", kinds[i], encoding, sink);
          /* Nothing flows before the pipeline plays, below. */
          if (g_str_equal (kinds[i], "video"))
            track->simulcast = jc_encode_simulcast_ssrcs (GST_BIN (bin), track->layer_ssrc);
        }
      jc_encode_route_keyframe_requests (GST_BIN (bin), self->webrtc);
      gst_object_unref (bin);
    }

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr (GstBus) bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
      g_autoptr (GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
      g_autoptr (GError) gst_error = NULL;

      if (message != NULL)
        gst_message_parse_error (message, &gst_error, NULL);
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot start the media pipeline%s%s",
                   gst_error != NULL ? ": " : "", gst_error != NULL ? gst_error->message : "");
      return FALSE;
    }
  return TRUE;
}

/* Whether every pad we send on has caps: an offer made earlier lacks the
 * a=ssrc lines and Janus drops that stream (JANUS-NOTES.md). */
static gboolean
all_sent_pads_have_caps (JcPeer *self)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->tracks_lock);

  for (guint i = 0; i < self->tracks->len; i++)
    {
      PeerTrack *track = g_ptr_array_index (self->tracks, i);

      if (g_str_equal (track->direction, "sent") && !gst_pad_has_current_caps (track->pad))
        return FALSE;
    }
  return TRUE;
}

/* Promise replies: webrtcbin's thread → the peer's context */

typedef void (*ReplyFunc) (JcPeer *self, GTask *task, const GstStructure *reply);

typedef struct
{
  GTask *task;         /* (owned) (nullable once returned) */
  GstPromise *promise; /* (owned) */
  PeerBridge *bridge;  /* (owned) */
  ReplyFunc func;
} PromiseHop;

static void
promise_hop_free (gpointer data)
{
  PromiseHop *ph = data;

  if (ph->task != NULL)
    {
      g_task_return_new_error (ph->task, JC_ERROR, JC_ERROR_MEDIA, "The peer was destroyed during negotiation");
      g_object_unref (ph->task);
    }
  gst_promise_unref (ph->promise);
  jc_peer_bridge_unref (ph->bridge);
  g_free (ph);
}

static void
deliver_promise (JcPeer *self, gpointer data)
{
  PromiseHop *ph = data;
  const GstStructure *reply = gst_promise_get_reply (ph->promise);
  GTask *task = g_steal_pointer (&ph->task);
  g_autoptr (GError) error = NULL;

  if (gst_promise_wait (ph->promise) != GST_PROMISE_RESULT_REPLIED)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_MEDIA, "webrtcbin did not answer (promise interrupted)");
    }
  else if (reply != NULL && gst_structure_has_field (reply, "error"))
    {
      gst_structure_get (reply, "error", G_TYPE_ERROR, &error, NULL);
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_MEDIA, "webrtcbin refused: %s",
                               error != NULL ? error->message : "unknown error");
    }
  else
    {
      ph->func (self, task, reply);
    }
  g_object_unref (task);
}

static void
on_promise_changed (GstPromise *promise, gpointer user_data)
{
  PromiseHop *ph = user_data;

  jc_peer_hop (ph->bridge, deliver_promise, ph, promise_hop_free);
}

static GstPromise *
promise_for (JcPeer *self, GTask *task, ReplyFunc func)
{
  PromiseHop *ph = g_new0 (PromiseHop, 1);

  ph->task = g_object_ref (task);
  ph->func = func;
  ph->bridge = g_atomic_rc_box_acquire (self->bridge);
  ph->promise = gst_promise_new_with_change_func (on_promise_changed, ph, NULL);
  return gst_promise_ref (ph->promise);
}

static JsonObject *
jsep_from_description (GstWebRTCSessionDescription *desc)
{
  JsonObject *jsep = json_object_new ();
  g_autofree char *sdp = gst_sdp_message_as_text (desc->sdp);

  json_object_set_string_member (jsep, "type", gst_webrtc_sdp_type_to_string (desc->type));
  json_object_set_string_member (jsep, "sdp", sdp);
  return jsep;
}

/* Offer */

/* webrtcbin 1.22 knows nothing of simulcast: when the source sends
 * layers, the offer Janus gets lists them (a=rid, a=simulcast) and the
 * payloaders learn the m-line's mid for their mid header extension. The
 * local description stays as webrtcbin wrote it. */
static gboolean
add_simulcast (JcPeer *self, JsonObject *jsep, GError **error)
{
  g_autoptr (GstElement) source = gst_bin_get_by_name (GST_BIN (self->pipeline), "jc-source");
  g_autofree char *mid = NULL;
  g_autofree char *sdp = NULL;

  if (source == NULL || !jc_encode_has_simulcast (GST_BIN (source)))
    return TRUE;
  sdp = jc_sdp_add_simulcast (jc_json_lookup_string (jsep, "sdp"), &mid, error);
  if (sdp == NULL)
    return FALSE;
  json_object_set_string_member (jsep, "sdp", sdp);
  jc_encode_set_simulcast_mid (GST_BIN (source), mid);
  return TRUE;
}

static void
on_offer_created (JcPeer *self, GTask *task, const GstStructure *reply)
{
  GstWebRTCSessionDescription *offer = NULL;
  g_autoptr (JsonObject) jsep = NULL;
  GError *error = NULL;

  if (reply == NULL || !gst_structure_get (reply, "offer", GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &offer, NULL))
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_MEDIA, "webrtcbin created no offer");
      return;
    }
  g_signal_emit_by_name (self->webrtc, "set-local-description", offer, NULL);
  jsep = jsep_from_description (offer);
  gst_webrtc_session_description_free (offer);
  if (!add_simulcast (self, jsep, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&jsep), (GDestroyNotify) json_object_unref);
}

static void
create_offer_now (JcPeer *self, GTask *task)
{
  g_autoptr (GstPromise) promise = promise_for (self, task, on_offer_created);

  g_signal_emit_by_name (self->webrtc, "create-offer", NULL, promise);
}

typedef struct
{
  GTask *task;
  gint64 deadline;
  void (*then) (JcPeer *self, GTask *task);
} CapsWait;

static gboolean
on_caps_poll (gpointer user_data)
{
  CapsWait *cw = user_data;
  JcPeer *self = g_task_get_source_object (cw->task);
  g_autoptr (GError) error = NULL;

  if (pipeline_error (self, &error))
    {
      g_task_return_error (cw->task, g_steal_pointer (&error));
      return G_SOURCE_REMOVE;
    }
  if (g_task_return_error_if_cancelled (cw->task))
    return G_SOURCE_REMOVE;
  if (all_sent_pads_have_caps (self))
    {
      cw->then (self, cw->task);
      return G_SOURCE_REMOVE;
    }
  if (g_get_monotonic_time () > cw->deadline)
    {
      g_task_return_new_error (cw->task, JC_ERROR, JC_ERROR_MEDIA,
                               "The media source produced nothing within %d s", (int) (CAPS_DEADLINE_US / G_USEC_PER_SEC));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
caps_wait_free (gpointer data)
{
  CapsWait *cw = data;

  g_object_unref (cw->task);
  g_free (cw);
}

/* Runs @then once every sent pad has caps (usually 0–15 ms). */
static void
when_caps_ready (JcPeer *self, GTask *task, void (*then) (JcPeer *self, GTask *task))
{
  CapsWait *cw;
  GSource *source;

  if (all_sent_pads_have_caps (self))
    {
      then (self, task);
      return;
    }
  cw = g_new0 (CapsWait, 1);
  cw->task = g_object_ref (task);
  cw->deadline = g_get_monotonic_time () + CAPS_DEADLINE_US;
  cw->then = then;
  source = g_timeout_source_new (5);
  g_source_set_static_name (source, "[janus-client] wait for caps");
  g_source_set_callback (source, on_caps_poll, cw, caps_wait_free);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/**
 * jc_peer_create_offer_async:
 * @self: a peer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the offer
 * @user_data: data for @callback
 *
 * Starts the media, waits until every track it sends has its format, and
 * creates an offer (set as the local description). Send it to the plugin
 * as the JSEP of a message, then give Janus's answer to
 * [method@Peer.set_remote_description_async].
 */
void
jc_peer_create_offer_async (JcPeer *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (JC_IS_PEER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_peer_create_offer_async);
  g_task_set_name (task, "jc_peer_create_offer_async");
  if (!ensure_started (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  when_caps_ready (self, task, create_offer_now);
}

/**
 * jc_peer_create_offer_finish:
 * @self: a peer
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Peer.create_offer_async].
 *
 * Returns: (transfer full): the offer as a JSEP object (`type`, `sdp`)
 */
JsonObject *
jc_peer_create_offer_finish (JcPeer *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_peer_create_offer_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Remote description */

static GstWebRTCSessionDescription *
description_from_jsep (JsonObject *jsep, GError **error)
{
  const char *type = jc_json_lookup_string (jsep, "type");
  const char *sdp = jc_json_lookup_string (jsep, "sdp");
  GstWebRTCSDPType sdp_type;
  GstSDPMessage *msg = NULL;

  if (g_strcmp0 (type, "offer") == 0)
    sdp_type = GST_WEBRTC_SDP_TYPE_OFFER;
  else if (g_strcmp0 (type, "answer") == 0)
    sdp_type = GST_WEBRTC_SDP_TYPE_ANSWER;
  else
    {
      g_set_error (error, JC_ERROR, JC_ERROR_PROTOCOL, "The JSEP type is “%s”, not offer or answer",
                   type != NULL ? type : "missing");
      return NULL;
    }
  if ((msg = jc_sdp_parse_description (sdp, error)) == NULL)
    {
      g_prefix_error (error, "The JSEP carries ");
      return NULL;
    }
  return gst_webrtc_session_description_new (sdp_type, msg);
}

static void
remote_is_set (JcPeer *self)
{
  self->remote_set = TRUE;
  jc_peer_tune_rtcp (self);
  for (guint i = 0; i < self->pending_candidates->len; i++)
    jc_peer_add_remote_candidate (self, g_ptr_array_index (self->pending_candidates, i));
  g_ptr_array_set_size (self->pending_candidates, 0);
}

typedef struct
{
  char *sdp;            /* (owned) the remote SDP */
  gboolean then_answer; /* create an answer afterwards */
  JsonObject *answer;   /* (owned) (nullable) once created */
} RemoteData;

static void
remote_data_free (gpointer data)
{
  RemoteData *rd = data;

  g_free (rd->sdp);
  g_clear_pointer (&rd->answer, json_object_unref);
  g_free (rd);
}

static gboolean
prepare_sink (JcPeer *self, const char *sdp, GError **error)
{
  g_autoptr (GPtrArray) tracks = NULL;

  if (self->sink == NULL)
    return TRUE;
  tracks = jc_sdp_parse_tracks (sdp, FALSE, error);
  if (tracks == NULL)
    return FALSE;
  return jc_media_sink_prepare (self->sink, GST_BIN (self->pipeline), tracks, error);
}

static void
on_local_set (JcPeer *self, GTask *task, const GstStructure *reply)
{
  RemoteData *rd = g_task_get_task_data (task);

  g_task_return_pointer (task, g_steal_pointer (&rd->answer), (GDestroyNotify) json_object_unref);
}

/* The answer goes to Janus only once webrtcbin has applied it. */
static void
on_answer_created (JcPeer *self, GTask *task, const GstStructure *reply)
{
  RemoteData *rd = g_task_get_task_data (task);
  GstWebRTCSessionDescription *answer = NULL;
  g_autoptr (GstPromise) promise = NULL;

  if (reply == NULL || !gst_structure_get (reply, "answer", GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &answer, NULL))
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_MEDIA, "webrtcbin created no answer");
      return;
    }
  rd->answer = jsep_from_description (answer);
  promise = promise_for (self, task, on_local_set);
  g_signal_emit_by_name (self->webrtc, "set-local-description", answer, promise);
  gst_webrtc_session_description_free (answer);
}

static void
create_answer_now (JcPeer *self, GTask *task)
{
  g_autoptr (GstPromise) promise = promise_for (self, task, on_answer_created);

  g_signal_emit_by_name (self->webrtc, "create-answer", NULL, promise);
}

static void
on_remote_set (JcPeer *self, GTask *task, const GstStructure *reply)
{
  RemoteData *rd = g_task_get_task_data (task);
  GError *error = NULL;

  remote_is_set (self);
  if (!prepare_sink (self, rd->sdp, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (rd->then_answer)
    {
      /* Like offers, an answer made before the tracks we send have caps
       * lacks their a=ssrc, and Janus drops them ("Unknown SSRC"): a
       * VideoCall callee's video never reached the caller, 1 call in 3. */
      when_caps_ready (self, task, create_answer_now);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_offer_done (GTask *task, GParamSpec *pspec, PeerGuard *guard)
{
  jc_peer_guard_release (guard);
}

static void
set_remote (JcPeer *self, GTask *task, JsonObject *jsep, gboolean then_answer)
{
  GError *error = NULL;
  GstWebRTCSessionDescription *desc = description_from_jsep (jsep, &error);
  g_autoptr (GstPromise) promise = NULL;
  RemoteData *rd;

  if (desc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (then_answer && desc->type != GST_WEBRTC_SDP_TYPE_OFFER)
    {
      gst_webrtc_session_description_free (desc);
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_PROTOCOL, "Expected an offer to answer, got an answer");
      return;
    }
  if (!ensure_started (self, &error))
    {
      gst_webrtc_session_description_free (desc);
      g_task_return_error (task, error);
      return;
    }
  rd = g_new0 (RemoteData, 1);
  rd->sdp = g_strdup (jc_json_lookup_string (jsep, "sdp"));
  rd->then_answer = then_answer;
  g_task_set_task_data (task, rd, remote_data_free);
  if (then_answer)
    {
      /* Until the answer is applied, or the negotiation failed. */
      jc_peer_guard_hold (self->guard);
      g_signal_connect_data (task, "notify::completed", G_CALLBACK (on_offer_done), g_atomic_rc_box_acquire (self->guard),
                             (GClosureNotify) (void (*) (void)) jc_peer_guard_unref, 0);
    }
  promise = promise_for (self, task, on_remote_set);
  g_signal_emit_by_name (self->webrtc, "set-remote-description", desc, promise);
  gst_webrtc_session_description_free (desc);
}

/**
 * jc_peer_set_remote_description_async:
 * @self: a peer
 * @jsep: Janus's JSEP (`type` and `sdp`), usually its answer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when webrtcbin accepted it
 * @user_data: data for @callback
 *
 * Sets the remote description. Candidates Janus trickled before are added
 * now, and the sink prepares for the tracks the description announces.
 */
void
jc_peer_set_remote_description_async (JcPeer *self,
                                      JsonObject *jsep,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (JC_IS_PEER (self));
  g_return_if_fail (jsep != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_peer_set_remote_description_async);
  g_task_set_name (task, "jc_peer_set_remote_description_async");
  set_remote (self, task, jsep, FALSE);
}

/**
 * jc_peer_set_remote_description_finish:
 * @self: a peer
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Peer.set_remote_description_async].
 *
 * Returns: %TRUE when the remote description is set
 */
gboolean
jc_peer_set_remote_description_finish (JcPeer *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_peer_set_remote_description_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * jc_peer_create_answer_async:
 * @self: a peer
 * @offer: Janus's offer (`type` and `sdp`)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the answer
 * @user_data: data for @callback
 *
 * Answers an offer Janus made (a subscription, a stream, a data channel):
 * sets it as the remote description and creates the answer, set as the
 * local description. @callback runs once webrtcbin has applied the
 * answer. Send the answer back as the JSEP of the plugin's start/accept
 * message.
 */
void
jc_peer_create_answer_async (JcPeer *self,
                             JsonObject *offer,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (JC_IS_PEER (self));
  g_return_if_fail (offer != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_peer_create_answer_async);
  g_task_set_name (task, "jc_peer_create_answer_async");
  set_remote (self, task, offer, TRUE);
}

/**
 * jc_peer_create_answer_finish:
 * @self: a peer
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Peer.create_answer_async].
 *
 * Returns: (transfer full): the answer as a JSEP object (`type`, `sdp`)
 */
JsonObject *
jc_peer_create_answer_finish (JcPeer *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_peer_create_answer_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Stopping */

static gboolean
on_sink_finished (gpointer user_data)
{
  GTask *task = user_data;
  JcPeer *self = g_task_get_source_object (task);

  jc_peer_teardown (self);
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

/**
 * jc_peer_stop_async:
 * @self: a peer
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once everything stopped
 * @user_data: data for @callback
 *
 * Stops the media: a recording is finalised (its last frames, index and
 * duration written, within 5 s), then the pipeline and its threads stop.
 * Hang up the handle as well to tell Janus.
 */
void
jc_peer_stop_async (JcPeer *self,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (JC_IS_PEER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_peer_stop_async);
  g_task_set_name (task, "jc_peer_stop_async");
  jc_peer_data_close_all (self, TRUE);
  if (!self->started || self->stopped || self->sink == NULL)
    {
      jc_peer_teardown (self);
      g_task_return_boolean (task, TRUE);
      return;
    }
  jc_media_sink_finish (self->sink, self->context, FINISH_TIMEOUT_MS, on_sink_finished, g_steal_pointer (&task),
                        g_object_unref);
}

/**
 * jc_peer_stop_finish:
 * @self: a peer
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Peer.stop_async].
 *
 * Returns: %TRUE once stopped
 */
gboolean
jc_peer_stop_finish (JcPeer *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_peer_stop_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* jc-peer-tracks.c: what JcPeer sends and receives, track by track:
 * packet, byte and frame counts (per simulcast layer too), and incoming
 * tracks handed to the sink
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gst/rtp/gstrtcpbuffer.h>
#include <gst/rtp/gstrtpbuffer.h>
#include <gst/video/video.h>
#include <gst/webrtc/webrtc.h>

#include "jc-media-private.h"
#include "jc-media-sink.h"
#include "jc-peer-private.h"

void
jc_peer_track_free (PeerTrack *track)
{
  g_free (track->direction);
  g_free (track->kind);
  g_free (track->codec);
  g_clear_object (&track->pad);
  g_free (track);
}

static GstPadProbeReturn
count_rtp (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  PeerTrack *track = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  GstRTPBuffer rtp = GST_RTP_BUFFER_INIT;
  gssize size = (gssize) gst_buffer_get_size (buffer);

  g_atomic_pointer_add (&track->packets, 1);
  g_atomic_pointer_add (&track->bytes, size);
  if (g_str_equal (track->direction, "sent") && gst_rtp_buffer_map (buffer, GST_MAP_READ, &rtp))
    {
      /* A marker ends a video frame; every audio packet is one. */
      gboolean frame = !track->video || gst_rtp_buffer_get_marker (&rtp);
      guint32 ssrc = gst_rtp_buffer_get_ssrc (&rtp);

      gst_rtp_buffer_unmap (&rtp);
      if (!track->simulcast)
        {
          if (frame)
            g_atomic_pointer_add (&track->frames, 1);
          return GST_PAD_PROBE_OK;
        }
      for (guint i = 0; i < JC_SIMULCAST_LAYERS; i++)
        if (track->layer_ssrc[i] == ssrc)
          {
            g_atomic_pointer_add (&track->layer_packets[i], 1);
            g_atomic_pointer_add (&track->layer_bytes[i], size);
            if (frame)
              g_atomic_pointer_add (&track->layer_frames[i], 1);
            /* The frames sent are the best layer's (the others are the
             * same frames, smaller). */
            if (frame && i == 0)
              g_atomic_pointer_add (&track->frames, 1);
          }
    }
  return GST_PAD_PROBE_OK;
}

PeerTrack *
jc_peer_add_track (JcPeer *self, const char *direction, const char *kind, const char *codec, GstPad *pad)
{
  PeerTrack *track = g_new0 (PeerTrack, 1);

  track->direction = g_strdup (direction);
  track->kind = g_strdup (kind);
  track->codec = g_ascii_strdown (codec != NULL ? codec : "unknown", -1);
  track->pad = gst_object_ref (pad);
  track->video = g_str_equal (kind, "video");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, count_rtp, track, NULL);
  g_mutex_lock (&self->tracks_lock);
  g_ptr_array_add (self->tracks, track);
  g_mutex_unlock (&self->tracks_lock);
  return track;
}

/* Incoming tracks: streaming thread */

typedef struct
{
  GError *error;
} ErrorHop;

static void
deliver_error (JcPeer *self, gpointer data)
{
  jc_peer_set_error (self, data);
}

char *
jc_peer_pad_mid (GstPad *pad)
{
  g_autoptr (GstWebRTCRTPTransceiver) transceiver = NULL;
  char *mid = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (pad), "transceiver") == NULL)
    return NULL;
  g_object_get (pad, "transceiver", &transceiver, NULL);
  if (transceiver != NULL)
    g_object_get (transceiver, "mid", &mid, NULL);
  return mid;
}

void
jc_peer_force_keyframes (JcPeer *self)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->tracks_lock);

  for (guint i = 0; i < self->tracks->len; i++)
    {
      PeerTrack *track = g_ptr_array_index (self->tracks, i);

      /* webrtcbin's sink pad: the event goes upstream to our encoder. */
      if (track->video && g_str_equal (track->direction, "sent"))
        gst_pad_push_event (track->pad, gst_video_event_new_upstream_force_key_unit (GST_CLOCK_TIME_NONE, TRUE, 0));
    }
}

/* RTCP: rtpsession sends feedback (our key-frame requests) early only
 * once per regular interval, which defaults to 5 s; keep that interval
 * short so a PLI leaves within a second. And rtpsession 1.22 does not
 * always turn the FIRs Janus relays (a VideoCall peer's PLI) into a key
 * frame: the callee's encoder only made its periodic one, 4 s later. So
 * the peer answers PLI and FIR itself, at most every 250 ms. */
#define RTCP_MIN_INTERVAL_NS (500 * GST_MSECOND)
#define KEYFRAME_ANSWER_MIN_US (250 * G_TIME_SPAN_MILLISECOND)

static void
answer_keyframe_request (JcPeer *self, gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (self->stopped || now - self->last_keyframe_answer_us < KEYFRAME_ANSWER_MIN_US)
    return;
  self->last_keyframe_answer_us = now;
  jc_peer_force_keyframes (self);
}

/* An RTCP thread. */
static void
on_feedback_rtcp (GObject *session, guint type, guint fbtype, guint sender_ssrc, guint media_ssrc, GstBuffer *fci, gpointer user_data)
{
  PeerBridge *bridge = user_data;

  if (type == GST_RTCP_TYPE_PSFB && (fbtype == GST_RTCP_PSFB_TYPE_PLI || fbtype == GST_RTCP_PSFB_TYPE_FIR))
    jc_peer_hop (bridge, answer_keyframe_request, NULL, NULL);
}

/* In the peer's context, once the remote description is set (webrtcbin
 * has made its RTP sessions then). Not from rtpbin's on-new-ssrc: that
 * comes while rtpsession iterates its sources with the lock released,
 * and work there raced its table (a GLib critical in g_hash_table_foreach
 * under load). */
void
jc_peer_tune_rtcp (JcPeer *self)
{
  g_autoptr (GstElement) rtpbin = gst_bin_get_by_name (GST_BIN (self->webrtc), "rtpbin");

  if (rtpbin == NULL)
    return;
  /* BUNDLE: one session per transport, numbered from 0. */
  for (guint id = 0; id < 16; id++)
    {
      GObject *session = NULL;

      g_signal_emit_by_name (rtpbin, "get-internal-session", id, &session);
      if (session == NULL)
        break;
      if (g_object_get_data (session, "jc-peer-tuned") == NULL)
        {
          g_object_set_data (session, "jc-peer-tuned", GINT_TO_POINTER (1));
          g_object_set (session, "rtcp-min-interval", (guint64) RTCP_MIN_INTERVAL_NS, NULL);
          jc_peer_connect_bridged (self, session, "on-feedback-rtcp", G_CALLBACK (on_feedback_rtcp));
        }
      g_object_unref (session);
    }
}

/* Key-frame requests for a new incoming video track, until its first
 * frame arrives: the sender's first key frame may have reached Janus
 * before our PeerConnection was up (a VideoCall callee's does, often),
 * and the depayloader only asks again after a loss. */

#define KEYFRAME_KICK_INTERVAL_MS 400
#define KEYFRAME_KICK_MAX 25

typedef struct
{
  PeerBridge *bridge; /* (owned) */
  GstPad *pad;        /* (owned) webrtcbin's src pad */
  char *mid;          /* (owned) (nullable) */
  guint attempts;
} KeyframeKick;

static void
keyframe_kick_free (gpointer data)
{
  KeyframeKick *kick = data;

  jc_peer_bridge_unref (kick->bridge);
  gst_object_unref (kick->pad);
  g_free (kick->mid);
  g_free (kick);
}

static gboolean
keyframe_kick_tick (gpointer data)
{
  KeyframeKick *kick = data;
  g_autoptr (JcPeer) self = g_weak_ref_get (&kick->bridge->peer);

  if (self == NULL || self->stopped || self->sink == NULL || kick->attempts++ >= KEYFRAME_KICK_MAX ||
      jc_media_sink_get_frames (self->sink, kick->mid) > 0)
    return G_SOURCE_REMOVE;
  /* An upstream event sent into webrtcbin's src pad: rtpbin turns it
   * into a PLI (or FIR) to the sender. */
  gst_pad_send_event (kick->pad, gst_video_event_new_upstream_force_key_unit (GST_CLOCK_TIME_NONE, TRUE, 0));
  return G_SOURCE_CONTINUE;
}

/* Runs in the peer's context; @data stays the hop's. */
static void
start_keyframe_kick (JcPeer *self, gpointer data)
{
  KeyframeKick *hopped = data;
  KeyframeKick *kick = g_new0 (KeyframeKick, 1);
  GSource *source = g_timeout_source_new (KEYFRAME_KICK_INTERVAL_MS);

  kick->bridge = g_atomic_rc_box_acquire (hopped->bridge);
  kick->pad = gst_object_ref (hopped->pad);
  kick->mid = g_strdup (hopped->mid);
  g_source_set_static_name (source, "[janus-client] key-frame requests");
  g_source_set_callback (source, keyframe_kick_tick, kick, keyframe_kick_free);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

void
jc_peer_on_pad_added (GstElement *webrtc, GstPad *pad, gpointer user_data)
{
  PeerBridge *bridge = user_data;
  g_autoptr (JcPeer) self = g_weak_ref_get (&bridge->peer);
  g_autoptr (GstCaps) caps = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *mid = NULL;
  g_autofree char *encoding = NULL;
  const GstStructure *s;
  const char *media;

  if (self == NULL || GST_PAD_DIRECTION (pad) != GST_PAD_SRC)
    return;
  caps = gst_pad_get_current_caps (pad);
  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  s = gst_caps_get_structure (caps, 0);
  media = gst_structure_get_string (s, "media");
  encoding = g_ascii_strup (gst_structure_get_string (s, "encoding-name") != NULL ? gst_structure_get_string (s, "encoding-name") : "UNKNOWN", -1);
  mid = jc_peer_pad_mid (pad);
  if (media == NULL)
    return;

  jc_peer_add_track (self, "received", media, encoding, pad);
  if (self->sink == NULL)
    {
      /* Nobody wants it: keep the pad drained. */
      GstElement *fake = gst_element_factory_make ("fakesink", NULL);
      g_autoptr (GstPad) sink = gst_element_get_static_pad (fake, "sink");

      g_object_set (fake, "sync", FALSE, "async", FALSE, NULL);
      gst_bin_add (GST_BIN (self->pipeline), fake);
      gst_element_sync_state_with_parent (fake);
      gst_pad_link (pad, sink);
      return;
    }
  if (!jc_media_sink_link_pad (self->sink, pad, media, mid, encoding, &error))
    {
      jc_peer_hop (bridge, deliver_error, g_steal_pointer (&error), (GDestroyNotify) g_error_free);
      return;
    }
  if (g_str_equal (media, "video"))
    {
      KeyframeKick *kick = g_new0 (KeyframeKick, 1);

      kick->bridge = g_atomic_rc_box_acquire (bridge);
      kick->pad = gst_object_ref (pad);
      kick->mid = g_strdup (mid);
      jc_peer_hop (bridge, start_keyframe_kick, kick, keyframe_kick_free);
    }
}

/* webrtcbin removed an incoming pad (a renegotiation dropped the track). */
void
jc_peer_on_pad_removed (GstElement *webrtc, GstPad *pad, gpointer user_data)
{
  PeerBridge *bridge = user_data;
  g_autoptr (JcPeer) self = g_weak_ref_get (&bridge->peer);

  if (self == NULL || GST_PAD_DIRECTION (pad) != GST_PAD_SRC || self->sink == NULL)
    return;
  jc_media_sink_unlink_pad (self->sink, pad);
}

/**
 * jc_peer_get_track_stats:
 * @self: a peer
 *
 * Gets a statistics object per track: `kind`, `mid`, `codec`,
 * `direction` (`sent` or `received`), `packets`, `bytes` and `frames`
 * (video frames, audio buffers). Video sent as simulcast adds `layers`:
 * `rid`, `packets`, `bytes` and `frames` of each layer, best first; its
 * `frames` are then the best layer's, while `packets` and `bytes` count
 * all layers.
 *
 * Returns: (transfer full): the statistics, one object per track
 */
JsonArray *
jc_peer_get_track_stats (JcPeer *self)
{
  g_autoptr (GMutexLocker) locker = NULL;
  JsonArray *array = json_array_new ();

  g_return_val_if_fail (JC_IS_PEER (self), array);

  locker = g_mutex_locker_new (&self->tracks_lock);
  for (guint i = 0; i < self->tracks->len; i++)
    {
      PeerTrack *track = g_ptr_array_index (self->tracks, i);
      JsonObject *obj = json_object_new ();
      g_autofree char *mid = jc_peer_pad_mid (track->pad);
      gssize frames = g_atomic_pointer_get (&track->frames);

      if (g_str_equal (track->direction, "received"))
        frames = self->sink != NULL ? (gssize) jc_media_sink_get_frames (self->sink, mid) : 0;
      json_object_set_string_member (obj, "kind", track->kind);
      if (mid != NULL)
        json_object_set_string_member (obj, "mid", mid);
      else
        json_object_set_null_member (obj, "mid");
      json_object_set_string_member (obj, "codec", track->codec);
      json_object_set_string_member (obj, "direction", track->direction);
      json_object_set_int_member (obj, "packets", g_atomic_pointer_get (&track->packets));
      json_object_set_int_member (obj, "bytes", g_atomic_pointer_get (&track->bytes));
      json_object_set_int_member (obj, "frames", frames);
      if (track->simulcast)
        {
          JsonArray *layers = json_array_new ();

          for (guint l = 0; l < JC_SIMULCAST_LAYERS; l++)
            {
              JsonObject *layer = json_object_new ();

              json_object_set_string_member (layer, "rid", jc_encode_simulcast_rid (l));
              json_object_set_int_member (layer, "packets", g_atomic_pointer_get (&track->layer_packets[l]));
              json_object_set_int_member (layer, "bytes", g_atomic_pointer_get (&track->layer_bytes[l]));
              json_object_set_int_member (layer, "frames", g_atomic_pointer_get (&track->layer_frames[l]));
              json_array_add_object_element (layers, layer);
            }
          json_object_set_array_member (obj, "layers", layers);
        }
      json_array_add_object_element (array, obj);
    }
  return array;
}

/* jc-peer-tracks.c: what JcPeer sends and receives, track by track:
 * packet, byte and frame counts (per simulcast layer too), and incoming
 * tracks handed to the sink
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gst/rtp/gstrtpbuffer.h>
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
    jc_peer_hop (bridge, deliver_error, g_steal_pointer (&error), (GDestroyNotify) g_error_free);
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

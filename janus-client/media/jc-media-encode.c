/* jc-media-encode.c: encoders, payloaders and simulcast for sources
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gst/rtp/rtp.h>
#include <gst/video/video.h>
#include <string.h>

#include "jc-error.h"
#include "jc-media-private.h"

/* Encoded streams as webrtcbin wants them: a payloader and the full caps
 * (webrtcbin builds the m-line from them). */

#define RTCP_FB ",rtcp-fb-nack=(boolean)true,rtcp-fb-nack-pli=(boolean)true,rtcp-fb-ccm-fir=(boolean)true"
/* As the payloader writes it once the extension is on (with vad=on), or
 * caps would not intersect; quotes escaped for gst_parse. */
#define AUDIO_LEVEL_CAPS \
  ",extmap-" G_STRINGIFY (JC_EXTMAP_AUDIO_LEVEL) "=(string)<\\\"\\\", \\\"" JC_EXTMAP_AUDIO_LEVEL_URI "\\\", \\\"vad=on\\\">"

/* The Opus payloader and its caps, left open for more caps fields. */
#define OPUS_PAY                                                                                        \
  "rtpopuspay pt=111 ! capsfilter caps=\"application/x-rtp,media=audio,encoding-name=OPUS,payload=111," \
  "clock-rate=48000,encoding-params=(string)2"

/* The simulcast layers, best first, as the a=rid lines list them (Janus
 * reads the first rid as the highest quality unless told otherwise). */
static const struct
{
  const char *rid;
  guint shift;   /* resolution divided by 2^shift */
  guint divisor; /* bitrate divided by this */
} layers[JC_SIMULCAST_LAYERS] = {
  { "h", 0, 1 },
  { "m", 1, 3 },
  { "l", 2, 9 },
};

static const char *
payloader_element (const char *encoding)
{
  if (g_str_equal (encoding, "VP9"))
    return "rtpvp9pay pt=98 mtu=1200 picture-id-mode=15-bit";
  if (g_str_equal (encoding, "H264"))
    return "rtph264pay pt=100 mtu=1200 config-interval=-1 aggregate-mode=zero-latency";
  return "rtpvp8pay pt=96 mtu=1200 picture-id-mode=15-bit";
}

static const char *
payloader_caps (const char *encoding)
{
  if (g_str_equal (encoding, "VP9"))
    return "application/x-rtp,media=video,encoding-name=VP9,payload=98,clock-rate=90000" RTCP_FB;
  if (g_str_equal (encoding, "H264"))
    return "application/x-rtp,media=video,encoding-name=H264,payload=100,clock-rate=90000,"
           "packetization-mode=(string)1" RTCP_FB;
  return "application/x-rtp,media=video,encoding-name=VP8,payload=96,clock-rate=90000" RTCP_FB;
}

char *
jc_encode_video_payloader (const char *encoding)
{
  return g_strdup_printf ("%s ! capsfilter caps=\"%s\"", payloader_element (encoding), payloader_caps (encoding));
}

const char *
jc_encode_video_encoding (JcVideoCodec codec)
{
  switch (codec)
    {
    case JC_VIDEO_CODEC_VP9:
      return "VP9";
    case JC_VIDEO_CODEC_H264:
      return "H264";
    case JC_VIDEO_CODEC_VP8:
    default:
      return "VP8";
    }
}

static char *
video_encoder (JcVideoCodec codec, guint bitrate)
{
  switch (codec)
    {
    case JC_VIDEO_CODEC_VP9:
      return g_strdup_printf ("vp9enc deadline=1 cpu-used=8 row-mt=true lag-in-frames=0 end-usage=cbr "
                              "keyframe-max-dist=60 target-bitrate=%u",
                              bitrate);
    case JC_VIDEO_CODEC_H264:
      return g_strdup_printf ("x264enc tune=zerolatency speed-preset=ultrafast key-int-max=60 bitrate=%u ! "
                              "video/x-h264,profile=constrained-baseline,level=(string)3.1",
                              MAX (bitrate / 1000, 1));
    case JC_VIDEO_CODEC_VP8:
    default:
      return g_strdup_printf ("vp8enc deadline=1 cpu-used=8 lag-in-frames=0 end-usage=cbr "
                              "keyframe-max-dist=60 error-resilient=default target-bitrate=%u",
                              bitrate);
    }
}

/* Simulcast: the raw video is split by a tee into one scaled encoder and
 * payloader per layer, each with its own SSRC and the mid and rid header
 * extensions, and an rtpfunnel joins them into the one sink pad webrtcbin
 * has per m-line. rtpfunnel gives bare "application/x-rtp" caps, so a
 * capssetter adds back what webrtcbin needs to write the m-line; the SDP is
 * then given its a=rid and a=simulcast lines (jc_sdp_add_simulcast). */
static char *
simulcast_chain (JcVideoCodec codec, guint bitrate)
{
  const char *encoding = jc_encode_video_encoding (codec);
  GString *chain = g_string_new ("videoscale ! capsfilter name=jc-sim-in ! tee name=jc-sim-tee");

  for (guint i = 0; i < JC_SIMULCAST_LAYERS; i++)
    {
      g_autofree char *encoder = video_encoder (codec, MAX (bitrate / layers[i].divisor, 16000));

      g_string_append_printf (chain,
                              "  jc-sim-tee. ! queue max-size-buffers=2 leaky=downstream ! videoscale ! "
                              "capsfilter name=jc-sim-scale-%u ! %s ! %s name=jc-sim-pay-%u "
                              "auto-header-extension=false ! jc-sim-funnel.",
                              i, encoder, payloader_element (encoding), i);
    }
  g_string_append_printf (chain,
                          "  rtpfunnel name=jc-sim-funnel ! capssetter join=true replace=false caps=\"%s,"
                          "extmap-%u=(string)%s,extmap-%u=(string)%s\"",
                          payloader_caps (encoding), JC_EXTMAP_MID, JC_EXTMAP_MID_URI, JC_EXTMAP_RID, JC_EXTMAP_RID_URI);
  return g_string_free (chain, FALSE);
}

char *
jc_encode_video_chain (JcVideoCodec codec, guint bitrate, gboolean simulcast)
{
  g_autofree char *encoder = NULL;
  g_autofree char *payloader = NULL;

  if (simulcast)
    return simulcast_chain (codec, bitrate);
  encoder = video_encoder (codec, bitrate);
  payloader = jc_encode_video_payloader (jc_encode_video_encoding (codec));
  return g_strdup_printf ("%s ! %s", encoder, payloader);
}

/* Streaming thread: the raw video's first size is known. It is locked in
 * (the jc-sim-in filter before the tee), or the scaled-down branches would
 * pull a renegotiating upstream (a file's videoscale) down with them, and
 * every lower layer is scaled down from it. */
static GstPadProbeReturn
on_simulcast_caps (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  GstBin *bin = user_data;
  GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);
  g_autoptr (GstElement) in = NULL;
  g_autoptr (GstCaps) locked = NULL;
  const GstStructure *s;
  GstCaps *caps;
  int width, height;

  if (GST_EVENT_TYPE (event) != GST_EVENT_CAPS)
    return GST_PAD_PROBE_OK;
  in = gst_pad_get_parent_element (pad);
  if (in == NULL || g_object_get_data (G_OBJECT (in), "jc-sim-locked") != NULL)
    return GST_PAD_PROBE_OK;
  gst_event_parse_caps (event, &caps);
  s = gst_caps_get_structure (caps, 0);
  if (!gst_structure_get_int (s, "width", &width) || !gst_structure_get_int (s, "height", &height))
    return GST_PAD_PROBE_OK;
  g_object_set_data (G_OBJECT (in), "jc-sim-locked", GINT_TO_POINTER (TRUE));
  locked = gst_caps_new_simple ("video/x-raw", "width", G_TYPE_INT, width, "height", G_TYPE_INT, height, NULL);
  if (gst_structure_has_field (s, "pixel-aspect-ratio"))
    gst_structure_set_value (gst_caps_get_structure (locked, 0), "pixel-aspect-ratio",
                             gst_structure_get_value (s, "pixel-aspect-ratio"));
  g_object_set (in, "caps", locked, NULL);
  for (guint i = 1; i < JC_SIMULCAST_LAYERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("jc-sim-scale-%u", i);
      g_autoptr (GstElement) filter = gst_bin_get_by_name (bin, name);
      g_autoptr (GstCaps) scaled = NULL;

      if (filter == NULL)
        continue;
      scaled = gst_caps_copy (locked);
      gst_caps_set_simple (scaled, "width", G_TYPE_INT, MAX ((width >> layers[i].shift) & ~1, 2), "height", G_TYPE_INT,
                           MAX ((height >> layers[i].shift) & ~1, 2), NULL);
      g_object_set (filter, "caps", scaled, NULL);
    }
  return GST_PAD_PROBE_OK;
}

/* What the built bin knows of its layers, set once by setup. */
typedef struct
{
  GstRTPHeaderExtension *mid[JC_SIMULCAST_LAYERS]; /* (owned) */
  GstPad *payloader_sink[JC_SIMULCAST_LAYERS];     /* (owned) */
  guint32 ssrc[JC_SIMULCAST_LAYERS];
} Simulcast;

static void
simulcast_free (gpointer data)
{
  Simulcast *sim = data;

  for (guint i = 0; i < JC_SIMULCAST_LAYERS; i++)
    {
      g_clear_object (&sim->mid[i]);
      g_clear_object (&sim->payloader_sink[i]);
    }
  g_free (sim);
}

static Simulcast *
simulcast_of (GstBin *bin)
{
  return g_object_get_data (G_OBJECT (bin), "jc-simulcast");
}

gboolean
jc_encode_setup_simulcast (GstBin *bin, GError **error)
{
  g_autoptr (GstElement) in = gst_bin_get_by_name (bin, "jc-sim-in");
  g_autoptr (GstPad) sink = NULL;
  Simulcast *sim;

  if (in == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "The simulcast encoders are missing from the pipeline");
      return FALSE;
    }
  sink = gst_element_get_static_pad (in, "sink");
  gst_pad_add_probe (sink, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, on_simulcast_caps, bin, NULL);

  sim = g_new0 (Simulcast, 1);
  for (guint i = 0; i < JC_SIMULCAST_LAYERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("jc-sim-pay-%u", i);
      g_autoptr (GstElement) payloader = gst_bin_get_by_name (bin, name);
      g_autoptr (GstRTPHeaderExtension) rid = gst_rtp_header_extension_create_from_uri (JC_EXTMAP_RID_URI);

      sim->mid[i] = gst_rtp_header_extension_create_from_uri (JC_EXTMAP_MID_URI);
      if (payloader == NULL || sim->mid[i] == NULL || rid == NULL)
        {
          simulcast_free (sim);
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA,
                       "Simulcast needs GStreamer's RTP header extensions for mid and rid "
                       "(rtphdrextmid, rtphdrextstreamid: gstreamer1.0-plugins-good 1.22 or later)");
          return FALSE;
        }
      gst_rtp_header_extension_set_id (sim->mid[i], JC_EXTMAP_MID);
      gst_rtp_header_extension_set_id (rid, JC_EXTMAP_RID);
      g_object_set (rid, "rid", layers[i].rid, NULL);
      /* One random SSRC per layer: what Janus tells the layers apart by,
       * after the rid extension of their first packets named them. */
      sim->ssrc[i] = g_random_int ();
      g_object_set (payloader, "ssrc", sim->ssrc[i], NULL);
      g_signal_emit_by_name (payloader, "add-extension", sim->mid[i]);
      g_signal_emit_by_name (payloader, "add-extension", rid);
      sim->payloader_sink[i] = gst_element_get_static_pad (payloader, "sink");
    }
  g_object_set_data_full (G_OBJECT (bin), "jc-simulcast", sim, simulcast_free);
  return TRUE;
}

gboolean
jc_encode_has_simulcast (GstBin *bin)
{
  return simulcast_of (bin) != NULL;
}

gboolean
jc_encode_simulcast_ssrcs (GstBin *bin, guint32 ssrcs[JC_SIMULCAST_LAYERS])
{
  Simulcast *sim = simulcast_of (bin);

  if (sim == NULL)
    return FALSE;
  memcpy (ssrcs, sim->ssrc, sizeof sim->ssrc);
  return TRUE;
}

void
jc_encode_set_simulcast_mid (GstBin *bin, const char *mid)
{
  Simulcast *sim = simulcast_of (bin);

  for (guint i = 0; sim != NULL && i < JC_SIMULCAST_LAYERS; i++)
    g_object_set (sim->mid[i], "mid", mid, NULL);
}

/* RTCP thread: a PLI or FIR from Janus for one of the layers. webrtcbin
 * 1.22's own BUNDLE funnel knows one SSRC per sink pad (from the caps) and
 * drops a key-unit request for any other, so each layer's request is
 * taken here, before that funnel, and sent to that layer's encoder. */
static GstPadProbeReturn
on_upstream_event (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  Simulcast *sim = simulcast_of (GST_BIN (user_data));
  GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);
  guint ssrc;

  if (sim == NULL || !gst_video_event_is_force_key_unit (event) ||
      !gst_structure_get_uint (gst_event_get_structure (event), "ssrc", &ssrc))
    return GST_PAD_PROBE_OK;
  for (guint i = 0; i < JC_SIMULCAST_LAYERS; i++)
    if (sim->ssrc[i] == ssrc)
      {
        gst_pad_push_event (sim->payloader_sink[i],
                            gst_video_event_new_upstream_force_key_unit (GST_CLOCK_TIME_NONE, TRUE, 0));
        return GST_PAD_PROBE_DROP;
      }
  return GST_PAD_PROBE_OK;
}

static void
probe_if_funnel (GstElement *element, GstBin *source_bin)
{
  GstElementFactory *factory = gst_element_get_factory (element);
  g_autoptr (GstPad) src = NULL;

  if (factory == NULL || !g_str_equal (GST_OBJECT_NAME (factory), "rtpfunnel"))
    return;
  src = gst_element_get_static_pad (element, "src");
  gst_pad_add_probe (src, GST_PAD_PROBE_TYPE_EVENT_UPSTREAM, on_upstream_event, gst_object_ref (source_bin),
                     gst_object_unref);
}

/* webrtcbin makes its BUNDLE funnel when a description is set. */
static void
on_deep_element_added (GstBin *webrtc, GstBin *sub_bin, GstElement *element, gpointer user_data)
{
  probe_if_funnel (element, user_data);
}

void
jc_encode_route_keyframe_requests (GstBin *source_bin, GstElement *webrtc)
{
  g_autoptr (GstIterator) it = NULL;
  GValue item = G_VALUE_INIT;

  if (!jc_encode_has_simulcast (source_bin))
    return;
  it = gst_bin_iterate_recurse (GST_BIN (webrtc));
  while (gst_iterator_next (it, &item) == GST_ITERATOR_OK)
    {
      probe_if_funnel (g_value_get_object (&item), source_bin);
      g_value_reset (&item);
    }
  g_value_unset (&item);
  g_signal_connect_data (webrtc, "deep-element-added", G_CALLBACK (on_deep_element_added), gst_object_ref (source_bin),
                         (GClosureNotify) (void (*) (void)) gst_object_unref, 0);
}

const char *
jc_encode_simulcast_rid (guint layer)
{
  g_return_val_if_fail (layer < JC_SIMULCAST_LAYERS, NULL);

  return layers[layer].rid;
}

/* Audio: Opus carries the audio-level header extension (RFC 6464, filled
 * from the level element's meta), which Janus's talking events need. */
const char *
jc_encode_audio_chain (JcAudioCodec codec)
{
  switch (codec)
    {
    case JC_AUDIO_CODEC_PCMU:
      return "audioconvert ! audioresample ! audio/x-raw,rate=8000,channels=1 ! mulawenc ! rtppcmupay pt=0 ! "
             "capsfilter caps=\"application/x-rtp,media=audio,encoding-name=PCMU,payload=0,clock-rate=8000\"";
    case JC_AUDIO_CODEC_PCMA:
      return "audioconvert ! audioresample ! audio/x-raw,rate=8000,channels=1 ! alawenc ! rtppcmapay pt=8 ! "
             "capsfilter caps=\"application/x-rtp,media=audio,encoding-name=PCMA,payload=8,clock-rate=8000\"";
    case JC_AUDIO_CODEC_OPUS:
    default:
      return "audioconvert ! audioresample ! level audio-level-meta=true post-messages=false ! opusenc bitrate=32000 ! " OPUS_PAY AUDIO_LEVEL_CAPS "\"";
    }
}

const char *
jc_encode_opus_payloader (void)
{
  return OPUS_PAY "\"";
}

const char *
jc_encode_audio_encoding (JcAudioCodec codec)
{
  switch (codec)
    {
    case JC_AUDIO_CODEC_PCMU:
      return "PCMU";
    case JC_AUDIO_CODEC_PCMA:
      return "PCMA";
    case JC_AUDIO_CODEC_OPUS:
    default:
      return "OPUS";
    }
}

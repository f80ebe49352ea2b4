/* jc-media-private.h: what JcPeer calls on sources and sinks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gst/gst.h>
#include <gst/sdp/sdp.h>

#include "jc-media-sink.h"
#include "jc-media-source.h"

G_BEGIN_DECLS

/* One track the negotiated SDP says we will receive. */
typedef struct
{
  char *kind;     /* "audio" or "video" */
  char *mid;      /* (nullable) */
  char *encoding; /* upper-case encoding name, e.g. "VP8", "OPUS" */
  guint payload;
  guint clock_rate;
  gboolean receives; /* direction lets us receive */
  gboolean sends;    /* direction lets us send */
} JcTrackInfo;

void jc_track_info_free (JcTrackInfo *info);
/* NULL for a missing, empty or unparsable text */
GstSDPMessage *jc_sdp_parse (const char *sdp);
/* A description a peer can take: parsed, with at least one m= line; else
 * NULL and a JC_ERROR_PROTOCOL error ("no valid SDP …", "an SDP with no
 * media …") for the caller to prefix. */
GstSDPMessage *jc_sdp_parse_description (const char *sdp, GError **error);
/* Parses an SDP; @local says whether it is ours (directions flip). */
GPtrArray *jc_sdp_parse_tracks (const char *sdp, gboolean local, GError **error);

/* Builds the sending bin: one ghost src pad per track ("video", "audio"),
 * each giving RTP with full caps (media, encoding-name, payload,
 * clock-rate, rtcp-fb). Runs discovery for files (blocking, bounded). */
GstElement *jc_media_source_build (JcMediaSource *self, GError **error);
/* The encoder element names (or none, for pass-through) chosen by build. */
gboolean jc_media_source_is_passthrough (JcMediaSource *self);
const char *jc_media_source_get_video_encoding (JcMediaSource *self); /* "VP8"…, NULL without video */
const char *jc_media_source_get_audio_encoding (JcMediaSource *self); /* "OPUS"…, NULL without audio */

/* Encoding chains (jc-media-encode.c). Header extension ids are one per
 * URI across the whole BUNDLE. */
#define JC_EXTMAP_AUDIO_LEVEL 1
#define JC_EXTMAP_MID 10
#define JC_EXTMAP_RID 11
#define JC_EXTMAP_AUDIO_LEVEL_URI "urn:ietf:params:rtp-hdrext:ssrc-audio-level"
#define JC_EXTMAP_MID_URI "urn:ietf:params:rtp-hdrext:sdes:mid"
#define JC_EXTMAP_RID_URI "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"
#define JC_SIMULCAST_LAYERS 3

/* "rtpvp8pay … ! capsfilter caps=…" for an encoding name ("VP8"…) */
char *jc_encode_video_payloader (const char *encoding);
const char *jc_encode_video_encoding (JcVideoCodec codec);
/* Raw video in, RTP out; with @simulcast, three layers funnelled into one
 * output (then call jc_encode_setup_simulcast on the built bin). */
char *jc_encode_video_chain (JcVideoCodec codec, guint bitrate, gboolean simulcast);
gboolean jc_encode_setup_simulcast (GstBin *bin, GError **error);
/* Whether the built source @bin sends simulcast layers. */
gboolean jc_encode_has_simulcast (GstBin *bin);
/* The SSRC of each layer (in jc_encode_simulcast_rid () order), or FALSE
 * without simulcast. */
gboolean jc_encode_simulcast_ssrcs (GstBin *bin, guint32 ssrcs[JC_SIMULCAST_LAYERS]);
/* The m-line's mid, once webrtcbin chose it, for the mid extension. */
void jc_encode_set_simulcast_mid (GstBin *bin, const char *mid);
/* Sends Janus's key-frame requests (PLI, FIR) for a layer to that layer's
 * encoder; call once the source is linked to @webrtc. No-op without
 * simulcast. */
void jc_encode_route_keyframe_requests (GstBin *source_bin, GstElement *webrtc);
/* "h", "m", "l": layer 0 is the best. */
const char *jc_encode_simulcast_rid (guint layer);
/* Raw audio in, RTP out */
const char *jc_encode_audio_chain (JcAudioCodec codec);
const char *jc_encode_audio_encoding (JcAudioCodec codec);
const char *jc_encode_opus_payloader (void);

/* Adds a=rid and a=simulcast to the first video m-line of an offer (and
 * drops its a=ssrc lines: the layers are told apart by rid), returns the
 * new SDP and the m-line's mid. */
char *jc_sdp_add_simulcast (const char *sdp, char **out_mid, GError **error);

/* Called before media flows, once the tracks to receive are known; file
 * sinks create their muxer and request one pad per expected track. */
gboolean jc_media_sink_prepare (JcMediaSink *self, GstBin *pipeline, GPtrArray *tracks, GError **error);
/* Streaming thread: a new incoming RTP pad of webrtcbin. */
gboolean jc_media_sink_link_pad (JcMediaSink *self, GstPad *pad, const char *kind, const char *mid, const char *encoding, GError **error);
/* Streaming thread: webrtcbin removed an incoming pad (renegotiation
 * dropped the track); its recording is finalised. */
void jc_media_sink_unlink_pad (JcMediaSink *self, GstPad *pad);
/* Number of frames (video) or buffers (audio) that reached the sink on
 * this mid. Any thread. */
guint64 jc_media_sink_get_frames (JcMediaSink *self, const char *mid);
/* Stops feeding, sends EOS into every branch and calls @done (in @context)
 * when the recording is finalised or after @timeout_ms. */
void jc_media_sink_finish (JcMediaSink *self, GMainContext *context, guint timeout_ms, GSourceFunc done, gpointer user_data, GDestroyNotify notify);
/* Emits MediaSink::frame in the sink's context (callback sinks). */

G_END_DECLS

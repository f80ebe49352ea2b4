/* jc-media-source.h: what a peer sends
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <glib-object.h>

#include "jc-version-macros.h"

G_BEGIN_DECLS

/**
 * JcVideoCodec:
 * @JC_VIDEO_CODEC_VP8: VP8
 * @JC_VIDEO_CODEC_VP9: VP9 (profile 0)
 * @JC_VIDEO_CODEC_H264: H.264 (constrained baseline)
 *
 * The video codecs a [class@MediaSource] can send.
 */
typedef enum
{
  JC_VIDEO_CODEC_VP8,
  JC_VIDEO_CODEC_VP9,
  JC_VIDEO_CODEC_H264,
} JcVideoCodec;

/**
 * JcAudioCodec:
 * @JC_AUDIO_CODEC_OPUS: Opus
 * @JC_AUDIO_CODEC_PCMU: G.711 µ-law
 * @JC_AUDIO_CODEC_PCMA: G.711 A-law
 *
 * The audio codecs a [class@MediaSource] can send.
 */
typedef enum
{
  JC_AUDIO_CODEC_OPUS,
  JC_AUDIO_CODEC_PCMU,
  JC_AUDIO_CODEC_PCMA,
} JcAudioCodec;

#define JC_TYPE_MEDIA_SOURCE (jc_media_source_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcMediaSource, jc_media_source, JC, MEDIA_SOURCE, GObject)

JC_AVAILABLE_IN_ALL
JcMediaSource *jc_media_source_new (const char *spec,
                                    GError **error);
JC_AVAILABLE_IN_ALL
const char *jc_media_source_get_spec (JcMediaSource *self);

JC_AVAILABLE_IN_ALL
void jc_media_source_set_video_codec (JcMediaSource *self,
                                      JcVideoCodec codec);
JC_AVAILABLE_IN_ALL
JcVideoCodec jc_media_source_get_video_codec (JcMediaSource *self);
JC_AVAILABLE_IN_ALL
void jc_media_source_set_audio_codec (JcMediaSource *self,
                                      JcAudioCodec codec);
JC_AVAILABLE_IN_ALL
JcAudioCodec jc_media_source_get_audio_codec (JcMediaSource *self);
JC_AVAILABLE_IN_ALL
void jc_media_source_set_audio (JcMediaSource *self,
                                gboolean enabled);
JC_AVAILABLE_IN_ALL
void jc_media_source_set_video (JcMediaSource *self,
                                gboolean enabled);
JC_AVAILABLE_IN_ALL
void jc_media_source_set_loop (JcMediaSource *self,
                               gboolean loop);
JC_AVAILABLE_IN_ALL
void jc_media_source_set_simulcast (JcMediaSource *self,
                                    gboolean simulcast);
JC_AVAILABLE_IN_ALL
gboolean jc_media_source_get_simulcast (JcMediaSource *self);
JC_AVAILABLE_IN_ALL
void jc_media_source_set_bitrate (JcMediaSource *self,
                                  guint bitrate);

JC_AVAILABLE_IN_ALL
const char *jc_video_codec_to_string (JcVideoCodec codec);
JC_AVAILABLE_IN_ALL
gboolean jc_video_codec_from_string (const char *name,
                                     JcVideoCodec *out_codec);
JC_AVAILABLE_IN_ALL
const char *jc_audio_codec_to_string (JcAudioCodec codec);
JC_AVAILABLE_IN_ALL
gboolean jc_audio_codec_from_string (const char *name,
                                     JcAudioCodec *out_codec);

G_END_DECLS

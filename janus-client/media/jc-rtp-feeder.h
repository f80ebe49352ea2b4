/* jc-rtp-feeder.h: plain RTP from a media source
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include "jc-media-source.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

#define JC_TYPE_RTP_FEEDER (jc_rtp_feeder_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcRtpFeeder, jc_rtp_feeder, JC, RTP_FEEDER, GObject)

JC_AVAILABLE_IN_ALL
JcRtpFeeder *jc_rtp_feeder_new (JcMediaSource *source,
                                const char *host);
JC_AVAILABLE_IN_ALL
JcMediaSource *jc_rtp_feeder_get_source (JcRtpFeeder *self);
JC_AVAILABLE_IN_ALL
const char *jc_rtp_feeder_get_host (JcRtpFeeder *self);
JC_AVAILABLE_IN_ALL
void jc_rtp_feeder_set_audio (JcRtpFeeder *self,
                              guint port,
                              int pt);
JC_AVAILABLE_IN_ALL
void jc_rtp_feeder_set_video (JcRtpFeeder *self,
                              guint port,
                              int pt);
JC_AVAILABLE_IN_ALL
gboolean jc_rtp_feeder_start (JcRtpFeeder *self,
                              GError **error);
JC_AVAILABLE_IN_ALL
void jc_rtp_feeder_stop (JcRtpFeeder *self);
JC_AVAILABLE_IN_ALL
gboolean jc_rtp_feeder_is_running (JcRtpFeeder *self);
JC_AVAILABLE_IN_ALL
guint64 jc_rtp_feeder_get_packets_sent (JcRtpFeeder *self,
                                        const char *kind);
JC_AVAILABLE_IN_ALL
guint64 jc_rtp_feeder_get_frames_sent (JcRtpFeeder *self,
                                       const char *kind);
JC_AVAILABLE_IN_ALL
guint64 jc_rtp_feeder_get_bytes_sent (JcRtpFeeder *self,
                                      const char *kind);

G_END_DECLS

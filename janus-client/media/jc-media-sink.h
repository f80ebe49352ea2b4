/* jc-media-sink.h: where a peer's incoming media goes
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
 * JcMediaSinkKind:
 * @JC_MEDIA_SINK_FILE: a file recorder (container from the extension)
 * @JC_MEDIA_SINK_NULL: count frames and drop them
 * @JC_MEDIA_SINK_SCREEN: decode and play (video window, sound card)
 * @JC_MEDIA_SINK_CALLBACK: decode and emit [signal@MediaSink::frame]
 * @JC_MEDIA_SINK_DIRECTORY: one file per incoming track in a folder
 *
 * What a [class@MediaSink] does with incoming tracks.
 */
typedef enum
{
  JC_MEDIA_SINK_FILE,
  JC_MEDIA_SINK_NULL,
  JC_MEDIA_SINK_SCREEN,
  JC_MEDIA_SINK_CALLBACK,
  JC_MEDIA_SINK_DIRECTORY,
} JcMediaSinkKind;

#define JC_TYPE_MEDIA_SINK (jc_media_sink_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcMediaSink, jc_media_sink, JC, MEDIA_SINK, GObject)

JC_AVAILABLE_IN_ALL
JcMediaSink *jc_media_sink_new (const char *spec,
                                GError **error);
JC_AVAILABLE_IN_ALL
JcMediaSink *jc_media_sink_new_callback (void);
JC_AVAILABLE_IN_ALL
JcMediaSinkKind jc_media_sink_get_kind (JcMediaSink *self);
JC_AVAILABLE_IN_ALL
const char *jc_media_sink_get_path (JcMediaSink *self);
JC_AVAILABLE_IN_ALL
void jc_media_sink_set_track_label (JcMediaSink *self,
                                    const char *mid,
                                    const char *label);
JC_AVAILABLE_IN_ALL
GPtrArray *jc_media_sink_get_track_files (JcMediaSink *self);

G_END_DECLS

/* jc-media-source-private.h: JcMediaSource's insides, shared by its two
 * source files (the object, and the pipelines it builds)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-media-source.h"

G_BEGIN_DECLS

typedef enum
{
  SOURCE_TEST,
  SOURCE_URI,
  SOURCE_DEVICE,
  SOURCE_PIPELINE,
} SourceKind;

struct _JcMediaSource
{
  GObject parent_instance;

  char *spec; /* (owned) as given */
  SourceKind kind;
  char *uri;         /* (owned) (nullable) SOURCE_URI */
  char *description; /* (owned) (nullable) SOURCE_PIPELINE */
  JcVideoCodec video_codec;
  JcAudioCodec audio_codec;
  gboolean audio;
  gboolean video;
  guint bitrate;              /* video bits per second */
  gboolean passthrough;       /* set by build: no encoder at all */
  gboolean loop;              /* files: start again at the end */
  gboolean simulcast;         /* three video layers (rid h, m, l) */
  const char *video_encoding; /* set by build (static string) */
  const char *audio_encoding; /* set by build (static string) */
};

G_END_DECLS

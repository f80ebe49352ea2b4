/* jc-media-sink-private.h: JcMediaSink's insides, shared by its two
 * source files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gst/gst.h>

#include "jc-media-sink.h"

G_BEGIN_DECLS

typedef struct
{
  char *kind;           /* (owned) */
  char *mid;            /* (owned) */
  char *encoding;       /* (owned) */
  GstPad *mux_pad;      /* (owned) (nullable) file sinks */
  GstPad *source_pad;   /* (owned) (nullable) webrtcbin's pad, once linked */
  GstPad *branch_sink;  /* (owned) (nullable) the branch's entry */
  GstElement *filesink; /* (unowned) (nullable) directory sinks: the track's own file */
  char *file;           /* (owned) (nullable) directory sinks: its path */
  gboolean finished;    /* EOS sent into the branch */
  gulong drop_probe;
  gssize frames; /* atomic (pointer-sized) */
} SinkTrack;

struct _JcMediaSink
{
  GObject parent_instance;

  JcMediaSinkKind kind;
  char *path;            /* (owned) (nullable) */
  const char *mux_name;  /* static: webmmux, matroskamux, mp4mux */
  GMainContext *context; /* (owned) thread-default at construction */

  GMutex lock;          /* protects the fields below */
  GstBin *pipeline;     /* (unowned) the peer's, set by prepare */
  GstElement *mux;      /* (unowned) in the pipeline */
  GstElement *filesink; /* (unowned) in the pipeline */
  GPtrArray *tracks;    /* (owned) SinkTrack */
  GHashTable *labels;   /* (owned) mid → label, directory sinks */
  gboolean finishing;
};

G_END_DECLS

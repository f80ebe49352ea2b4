/* jc-media-sink.c: where a peer's incoming media goes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gst/app/gstappsink.h>

#include "jc-error.h"
#include "jc-media-private.h"
#include "jc-media-sink-private.h"

/**
 * JcMediaSink:
 *
 * Where the tracks a [class@Peer] receives go: a file (`.webm`, `.mkv` or
 * `.mp4`, chosen by the extension; the media is depayloaded and muxed,
 * never transcoded), `null` (frames are counted and dropped), `screen`
 * (decoded and played), or a callback sink created with
 * [ctor@MediaSink.new_callback] that decodes and emits
 * [signal@MediaSink::frame].
 *
 * A recording is finalised (its index and duration written) when the peer
 * stops: [method@Peer.stop_async].
 *
 * ```c
 * g_autoptr (JcMediaSink) sink = jc_media_sink_new ("echo.webm", &error);  // or "feeds/", "null", "screen"
 *
 * if (sink == NULL)
 *   g_printerr ("%s\n", error->message);  // e.g. an extension we cannot write
 * else
 *   jc_peer_set_sink (peer, sink);
 * ```
 *
 * Looking at the frames instead:
 *
 * ```c
 * static void
 * on_frame (JcMediaSink *sink, const char *kind, const char *mid, GstSample *sample, gpointer user_data)
 * {
 *   g_print ("%s frame on mid %s: %" G_GSIZE_FORMAT " bytes\n", kind, mid,
 *            gst_buffer_get_size (gst_sample_get_buffer (sample)));
 * }
 *
 * g_autoptr (JcMediaSink) sink = jc_media_sink_new_callback ();
 * g_signal_connect (sink, "frame", G_CALLBACK (on_frame), NULL);
 * jc_peer_set_sink (peer, sink);
 * ```
 *
 * See [Media sources and sinks](media.html) for every kind.
 */

G_DEFINE_FINAL_TYPE (JcMediaSink, jc_media_sink, G_TYPE_OBJECT)

enum
{
  SIGNAL_FRAME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sink_track_free (SinkTrack *track)
{
  g_free (track->kind);
  g_free (track->mid);
  g_free (track->encoding);
  g_clear_object (&track->mux_pad);
  g_clear_object (&track->source_pad);
  g_clear_object (&track->branch_sink);
  g_free (track->file);
  g_free (track);
}

static void
jc_media_sink_finalize (GObject *object)
{
  JcMediaSink *self = JC_MEDIA_SINK (object);

  g_free (self->path);
  g_ptr_array_unref (self->tracks);
  g_hash_table_unref (self->labels);
  g_mutex_clear (&self->lock);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (jc_media_sink_parent_class)->finalize (object);
}

static void
jc_media_sink_class_init (JcMediaSinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jc_media_sink_finalize;

  /* GST_TYPE_SAMPLE is only registered by gst_init (); introspection and
   * bindings may get here first. */
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  /**
   * JcMediaSink::frame:
   * @self: the sink
   * @kind: `audio` or `video`
   * @mid: the track's mid
   * @sample: a decoded frame: RGB video or interleaved S16LE audio, with
   *   its caps
   *
   * Emitted by callback sinks, in the sink's main context, for each
   * decoded video frame and audio buffer.
   */
  signals[SIGNAL_FRAME] =
      g_signal_new ("frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, GST_TYPE_SAMPLE);
}

static void
jc_media_sink_init (JcMediaSink *self)
{
  g_mutex_init (&self->lock);
  self->tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) sink_track_free);
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * jc_media_sink_new:
 * @spec: a file path ending in `.webm`, `.mkv` or `.mp4`, a folder
 *   (ending in `/` or existing; created when missing), `null`, or `screen`
 * @error: return location for a #GError
 *
 * Creates a media sink.
 *
 * Returns: (transfer full) (nullable): a new sink, or %NULL with
 *   %JC_ERROR_INVALID_ARGUMENT for an unknown extension
 */
JcMediaSink *
jc_media_sink_new (const char *spec, GError **error)
{
  g_autoptr (JcMediaSink) self = NULL;

  g_return_val_if_fail (spec != NULL, NULL);

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  self = g_object_new (JC_TYPE_MEDIA_SINK, NULL);
  if (g_str_equal (spec, "null"))
    {
      self->kind = JC_MEDIA_SINK_NULL;
    }
  else if (g_str_equal (spec, "screen"))
    {
      self->kind = JC_MEDIA_SINK_SCREEN;
    }
  else if (g_str_has_suffix (spec, "/") || g_file_test (spec, G_FILE_TEST_IS_DIR))
    {
      self->kind = JC_MEDIA_SINK_DIRECTORY;
      self->path = g_strdup (spec);
      if (g_mkdir_with_parents (spec, 0755) != 0)
        {
          int saved = errno;

          g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Cannot create the folder “%s”: %s", spec,
                       g_strerror (saved));
          return NULL;
        }
    }
  else
    {
      g_autofree char *lower = g_ascii_strdown (spec, -1);

      self->kind = JC_MEDIA_SINK_FILE;
      self->path = g_strdup (spec);
      if (g_str_has_suffix (lower, ".webm"))
        self->mux_name = "webmmux";
      else if (g_str_has_suffix (lower, ".mkv"))
        self->mux_name = "matroskamux";
      else if (g_str_has_suffix (lower, ".mp4"))
        self->mux_name = "mp4mux";
      else
        {
          g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                       "Cannot record to “%s”: want a .webm, .mkv or .mp4 file, “null” or “screen”", spec);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

/**
 * jc_media_sink_new_callback:
 *
 * Creates a sink that decodes every incoming track and emits
 * [signal@MediaSink::frame] for each frame, for applications that look at
 * or listen to the media.
 *
 * Returns: (transfer full): a new sink
 */
JcMediaSink *
jc_media_sink_new_callback (void)
{
  JcMediaSink *self;

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
  self = g_object_new (JC_TYPE_MEDIA_SINK, NULL);
  self->kind = JC_MEDIA_SINK_CALLBACK;
  return self;
}

/**
 * jc_media_sink_get_kind:
 * @self: a sink
 *
 * Gets what the sink does with incoming tracks.
 *
 * Returns: the sink's kind
 */
JcMediaSinkKind
jc_media_sink_get_kind (JcMediaSink *self)
{
  g_return_val_if_fail (JC_IS_MEDIA_SINK (self), JC_MEDIA_SINK_NULL);

  return self->kind;
}

/**
 * jc_media_sink_get_path:
 * @self: a sink
 *
 * Gets the file a file sink records to, or the folder of a directory sink.
 *
 * Returns: (transfer none) (nullable): the path, or %NULL for other kinds
 */
const char *
jc_media_sink_get_path (JcMediaSink *self)
{
  g_return_val_if_fail (JC_IS_MEDIA_SINK (self), NULL);

  return self->path;
}

/**
 * jc_media_sink_set_track_label:
 * @self: a directory sink
 * @mid: a track's mid
 * @label: (nullable): what to name its file after (e.g. the publisher's
 *   feed id), or %NULL for `track`
 *
 * Names the file of the track with @mid `LABEL-MID.webm` (or `.mkv`).
 * Set it before the track arrives.
 */
void
jc_media_sink_set_track_label (JcMediaSink *self, const char *mid, const char *label)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_if_fail (JC_IS_MEDIA_SINK (self));
  g_return_if_fail (mid != NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (label != NULL)
    g_hash_table_replace (self->labels, g_strdup (mid), g_strdup (label));
  else
    g_hash_table_remove (self->labels, mid);
}

/**
 * jc_media_sink_get_track_files:
 * @self: a sink
 *
 * Gets the files a directory sink wrote (or is writing), one per track
 * that arrived, in arrival order.
 *
 * Returns: (transfer container) (element-type utf8): the paths
 */
GPtrArray *
jc_media_sink_get_track_files (JcMediaSink *self)
{
  g_autoptr (GMutexLocker) locker = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (JC_IS_MEDIA_SINK (self), files);

  locker = g_mutex_locker_new (&self->lock);
  for (guint i = 0; i < self->tracks->len; i++)
    {
      SinkTrack *track = g_ptr_array_index (self->tracks, i);

      if (track->file != NULL)
        g_ptr_array_add (files, g_strdup (track->file));
    }
  return files;
}

/* Whether a codec goes into the container as it is. */
static gboolean
fits_container (const char *mux_name, const char *encoding)
{
  static const char *const webm[] = { "VP8", "VP9", "OPUS", NULL };
  static const char *const mkv[] = { "VP8", "VP9", "H264", "OPUS", "PCMU", "PCMA", NULL };
  static const char *const mp4[] = { "H264", "VP9", "OPUS", NULL };
  const char *const *list = g_str_equal (mux_name, "webmmux") ? webm : g_str_equal (mux_name, "mp4mux") ? mp4
                                                                                                        : mkv;

  return g_strv_contains (list, encoding);
}

static SinkTrack *
find_track (JcMediaSink *self, const char *mid)
{
  for (guint i = 0; i < self->tracks->len; i++)
    {
      SinkTrack *track = g_ptr_array_index (self->tracks, i);

      if (g_strcmp0 (track->mid, mid) == 0 && !track->finished)
        return track;
    }
  return NULL;
}

gboolean
jc_media_sink_prepare (JcMediaSink *self, GstBin *pipeline, GPtrArray *tracks, GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->pipeline = pipeline;
  for (guint i = 0; i < tracks->len; i++)
    {
      JcTrackInfo *info = g_ptr_array_index (tracks, i);
      SinkTrack *track;

      if (!info->receives || find_track (self, info->mid) != NULL)
        continue;
      if (self->kind == JC_MEDIA_SINK_FILE && !fits_container (self->mux_name, info->encoding))
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA,
                       "Cannot record %s %s into “%s” without transcoding: use %s",
                       info->kind, info->encoding, self->path,
                       g_str_equal (info->encoding, "H264") ? ".mkv or .mp4" : ".mkv");
          return FALSE;
        }
      track = g_new0 (SinkTrack, 1);
      track->kind = g_strdup (info->kind);
      track->mid = g_strdup (info->mid);
      track->encoding = g_strdup (info->encoding);
      g_ptr_array_add (self->tracks, track);
    }

  if (self->kind != JC_MEDIA_SINK_FILE || self->tracks->len == 0 || self->mux != NULL)
    return TRUE;

  self->mux = gst_element_factory_make (self->mux_name, NULL);
  self->filesink = gst_element_factory_make ("filesink", NULL);
  if (self->mux == NULL || self->filesink == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "GStreamer's %s or filesink is missing", self->mux_name);
      g_clear_pointer (&self->mux, gst_object_unref);
      g_clear_pointer (&self->filesink, gst_object_unref);
      return FALSE;
    }
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self->mux), "offset-to-zero") != NULL)
    g_object_set (self->mux, "offset-to-zero", TRUE, NULL);
  g_object_set (self->filesink, "location", self->path, "async", FALSE, NULL);
  gst_bin_add_many (pipeline, self->mux, self->filesink, NULL);
  gst_element_link (self->mux, self->filesink);

  for (guint i = 0; i < self->tracks->len; i++)
    {
      SinkTrack *track = g_ptr_array_index (self->tracks, i);

      track->mux_pad = gst_element_request_pad_simple (self->mux,
                                                       g_str_equal (track->kind, "video") ? "video_%u" : "audio_%u");
      if (track->mux_pad == NULL)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "%s refused a %s track", self->mux_name, track->kind);
          return FALSE;
        }
    }
  gst_element_sync_state_with_parent (self->filesink);
  gst_element_sync_state_with_parent (self->mux);
  return TRUE;
}

/* Video depayloaders ask for a key frame (a PLI) when they start on a
 * delta frame or lose packets: the sender's first key frame may have
 * reached Janus before our PeerConnection was up (a VideoCall callee's
 * video reaches the caller that way). */
static const char *
depayloader (const char *encoding)
{
  if (g_str_equal (encoding, "VP8"))
    return "rtpvp8depay request-keyframe=true name=counted";
  if (g_str_equal (encoding, "VP9"))
    return "rtpvp9depay request-keyframe=true name=counted";
  if (g_str_equal (encoding, "H264"))
    return "rtph264depay request-keyframe=true ! h264parse name=counted";
  if (g_str_equal (encoding, "OPUS"))
    return "rtpopusdepay ! opusparse name=counted";
  if (g_str_equal (encoding, "PCMU"))
    return "rtppcmudepay name=counted";
  if (g_str_equal (encoding, "PCMA"))
    return "rtppcmadepay name=counted";
  return NULL;
}

static GstPadProbeReturn
count_frames (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  SinkTrack *track = user_data;

  if (GST_PAD_PROBE_INFO_TYPE (info) & GST_PAD_PROBE_TYPE_BUFFER_LIST)
    {
      GstBufferList *list = GST_PAD_PROBE_INFO_BUFFER_LIST (info);

      for (guint i = 0; i < gst_buffer_list_length (list); i++)
        g_atomic_pointer_add ((gpointer *) &track->frames, 1);
    }
  else
    {
      g_atomic_pointer_add ((gpointer *) &track->frames, 1);
    }
  return GST_PAD_PROBE_OK;
}

/* A decoded frame, on its way to the sink's context. */
typedef struct
{
  GWeakRef sink;
  char *kind;
  char *mid;
  GstSample *sample;
} FrameHop;

static void
frame_hop_free (gpointer data)
{
  FrameHop *hop = data;

  g_weak_ref_clear (&hop->sink);
  g_free (hop->kind);
  g_free (hop->mid);
  gst_sample_unref (hop->sample);
  g_free (hop);
}

static gboolean
deliver_frame (gpointer data)
{
  FrameHop *hop = data;
  g_autoptr (JcMediaSink) self = g_weak_ref_get (&hop->sink);

  if (self != NULL)
    g_signal_emit (self, signals[SIGNAL_FRAME], 0, hop->kind, hop->mid, hop->sample);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  GWeakRef sink;
  char *kind;
  char *mid;
  GMainContext *context;
} AppsinkData;

static void
appsink_data_free (gpointer data)
{
  AppsinkData *ad = data;

  g_weak_ref_clear (&ad->sink);
  g_free (ad->kind);
  g_free (ad->mid);
  g_main_context_unref (ad->context);
  g_free (ad);
}

/* Streaming thread: copy, hop, nothing else. */
static GstFlowReturn
on_new_sample (GstAppSink *appsink, gpointer user_data)
{
  AppsinkData *ad = user_data;
  GstSample *sample = gst_app_sink_pull_sample (appsink);
  FrameHop *hop;
  GSource *source;

  if (sample == NULL)
    return GST_FLOW_EOS;
  hop = g_new0 (FrameHop, 1);
  {
    g_autoptr (JcMediaSink) self = g_weak_ref_get (&ad->sink);

    g_weak_ref_init (&hop->sink, self);
  }
  hop->kind = g_strdup (ad->kind);
  hop->mid = g_strdup (ad->mid);
  hop->sample = sample;
  source = g_idle_source_new ();
  g_source_set_static_name (source, "[janus-client] frame");
  g_source_set_callback (source, deliver_frame, hop, frame_hop_free);
  g_source_attach (source, ad->context);
  g_source_unref (source);
  return GST_FLOW_OK;
}

static char *
branch_description (JcMediaSink *self, const char *kind, const char *depay, const char *encoding)
{
  gboolean video = g_str_equal (kind, "video");

  switch (self->kind)
    {
    case JC_MEDIA_SINK_FILE:
      return g_strdup_printf ("queue name=entry ! %s", depay);
    case JC_MEDIA_SINK_SCREEN:
      return g_strdup_printf ("queue name=entry ! %s ! decodebin ! %s", depay,
                              video ? "videoconvert ! autovideosink sync=false"
                                    : "audioconvert ! audioresample ! autoaudiosink sync=false");
    case JC_MEDIA_SINK_CALLBACK:
      return g_strdup_printf ("queue name=entry ! %s ! decodebin ! %s ! appsink name=out sync=false max-buffers=30 drop=true",
                              depay, video ? "videoconvert ! video/x-raw,format=RGB" : "audioconvert ! audio/x-raw,format=S16LE,layout=interleaved");
    case JC_MEDIA_SINK_DIRECTORY:
      /* Filled in by the caller: the muxer and the file. */
      return g_strdup_printf ("queue name=entry ! %s ! %s name=mux ! filesink name=file async=false", depay,
                              fits_container ("webmmux", encoding) ? "webmmux offset-to-zero=true"
                                                                   : "matroskamux offset-to-zero=true");
    case JC_MEDIA_SINK_NULL:
    default:
      return g_strdup_printf ("queue name=entry ! %s ! fakesink sync=false async=false", depay);
    }
}

gboolean
jc_media_sink_link_pad (JcMediaSink *self,
                        GstPad *pad,
                        const char *kind,
                        const char *mid,
                        const char *encoding,
                        GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *desc = NULL;
  const char *depay = depayloader (encoding);
  SinkTrack *track;
  GstElement *branch;
  GstElement *counted;
  GstElement *entry;
  g_autoptr (GstPad) entry_pad = NULL;
  g_autoptr (GstPad) counted_pad = NULL;

  if (self->finishing || self->pipeline == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "The sink is not ready for a new track");
      return FALSE;
    }
  if (depay == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot receive %s %s: no depayloader", kind, encoding);
      return FALSE;
    }
  track = find_track (self, mid);
  if (track == NULL)
    {
      if (self->kind == JC_MEDIA_SINK_FILE)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "A %s track (mid %s) arrived that the negotiation did not announce",
                       kind, mid != NULL ? mid : "none");
          return FALSE;
        }
      track = g_new0 (SinkTrack, 1);
      track->kind = g_strdup (kind);
      track->mid = g_strdup (mid);
      track->encoding = g_strdup (encoding);
      g_ptr_array_add (self->tracks, track);
    }
  if (track->source_pad != NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Track %s is already linked", mid);
      return FALSE;
    }

  desc = branch_description (self, kind, depay, encoding);
  branch = gst_parse_bin_from_description (desc, FALSE, &local_error);
  if (branch == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot build the %s receiving branch: %s", kind, local_error->message);
      return FALSE;
    }
  entry = gst_bin_get_by_name (GST_BIN (branch), "entry");
  counted = gst_bin_get_by_name (GST_BIN (branch), "counted");
  entry_pad = gst_element_get_static_pad (entry, "sink");
  counted_pad = gst_element_get_static_pad (counted, "src");
  gst_pad_add_probe (counted_pad, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST, count_frames, track, NULL);
  {
    GstPad *ghost = gst_ghost_pad_new ("sink", entry_pad);

    gst_pad_set_active (ghost, TRUE);
    gst_element_add_pad (branch, ghost);
    track->branch_sink = gst_object_ref (ghost);
  }
  if (self->kind == JC_MEDIA_SINK_FILE)
    {
      GstPad *ghost = gst_ghost_pad_new ("src", counted_pad);

      gst_pad_set_active (ghost, TRUE);
      gst_element_add_pad (branch, ghost);
    }
  if (self->kind == JC_MEDIA_SINK_DIRECTORY)
    {
      const char *label = mid != NULL ? g_hash_table_lookup (self->labels, mid) : NULL;
      g_autofree char *name = g_strdup_printf ("%s-%s.%s", label != NULL ? label : "track",
                                               mid != NULL ? mid : kind,
                                               fits_container ("webmmux", encoding) ? "webm" : "mkv");

      g_strdelimit (name, "/\\", '_');
      track->filesink = gst_bin_get_by_name (GST_BIN (branch), "file");
      gst_object_unref (track->filesink); /* the branch holds it */
      track->file = g_build_filename (self->path, name, NULL);
      /* A mid Janus reuses for another feed gets a file of its own. */
      for (guint n = 2; g_file_test (track->file, G_FILE_TEST_EXISTS); n++)
        {
          g_free (track->file);
          track->file = g_strdup_printf ("%s/%s-%s-%u.%s", self->path, label != NULL ? label : "track",
                                         mid != NULL ? mid : kind, n,
                                         fits_container ("webmmux", encoding) ? "webm" : "mkv");
        }
      g_object_set (track->filesink, "location", track->file, NULL);
    }
  if (self->kind == JC_MEDIA_SINK_CALLBACK)
    {
      GstElement *out = gst_bin_get_by_name (GST_BIN (branch), "out");
      GstAppSinkCallbacks callbacks = { .new_sample = on_new_sample };
      AppsinkData *ad = g_new0 (AppsinkData, 1);

      g_weak_ref_init (&ad->sink, self);
      ad->kind = g_strdup (kind);
      ad->mid = g_strdup (mid);
      ad->context = g_main_context_ref (self->context);
      gst_app_sink_set_callbacks (GST_APP_SINK (out), &callbacks, ad, appsink_data_free);
      gst_object_unref (out);
    }
  gst_object_unref (entry);
  gst_object_unref (counted);

  gst_bin_add (self->pipeline, branch);
  if (self->kind == JC_MEDIA_SINK_FILE)
    {
      g_autoptr (GstPad) src = gst_element_get_static_pad (branch, "src");

      if (gst_pad_link (src, track->mux_pad) != GST_PAD_LINK_OK)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot link the %s track into %s", kind, self->mux_name);
          return FALSE;
        }
    }
  gst_element_sync_state_with_parent (branch);
  if (gst_pad_link (pad, track->branch_sink) != GST_PAD_LINK_OK)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot link the incoming %s track", kind);
      return FALSE;
    }
  track->source_pad = gst_object_ref (pad);
  return TRUE;
}

guint64
jc_media_sink_get_frames (JcMediaSink *self, const char *mid)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  guint64 frames = 0;

  /* Finished tracks count too: a summary is made after stopping. */
  for (guint i = 0; i < self->tracks->len; i++)
    {
      SinkTrack *track = g_ptr_array_index (self->tracks, i);

      if (g_strcmp0 (track->mid, mid) == 0)
        frames += (guint64) g_atomic_pointer_get (&track->frames);
    }
  return frames;
}

/* jc-media-source-build.c: the sending pipelines of JcMediaSource (test
 * pattern, file or URI, devices, gst-launch descriptions)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gst/pbutils/pbutils.h>

#include "jc-error.h"
#include "jc-media-private.h"
#include "jc-media-source-private.h"

/* Building */

static char *
video_chain (JcMediaSource *self)
{
  return jc_encode_video_chain (self->video_codec, self->bitrate, self->simulcast);
}

/* Finds the single unlinked src pad the parsed description left and
 * ghosts it on @bin as @name. */
static gboolean
ghost_unlinked_src (GstBin *bin, const char *name, GError **error)
{
  g_autoptr (GstPad) pad = gst_bin_find_unlinked_pad (bin, GST_PAD_SRC);
  GstPad *ghost;

  if (pad == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "The %s branch has no output", name);
      return FALSE;
    }
  ghost = gst_ghost_pad_new (name, pad);
  gst_pad_set_active (ghost, TRUE);
  return gst_element_add_pad (GST_ELEMENT (bin), ghost);
}

/* Parses @description into @bin's children (no ghosting by the parser:
 * delayed links to sometimes pads must stay inside @bin). */
static gboolean
add_description (GstBin *bin, const char *description, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GstParseContext) ctx = gst_parse_context_new ();
  GstElement *parsed;

  parsed = gst_parse_launch_full (description, ctx, GST_PARSE_FLAG_FATAL_ERRORS | GST_PARSE_FLAG_NO_SINGLE_ELEMENT_BINS,
                                  &local_error);
  if (parsed == NULL)
    {
      g_autofree char *missing = NULL;
      g_auto (GStrv) names = gst_parse_context_get_missing_elements (ctx);

      if (names != NULL)
        missing = g_strjoinv (", ", names);
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot build the media pipeline: %s%s%s",
                   local_error->message, missing != NULL ? " (missing GStreamer elements: " : "",
                   missing != NULL ? missing : "");
      if (missing != NULL)
        g_prefix_error (error, "%s", "");
      return FALSE;
    }
  gst_bin_add (bin, parsed);
  return TRUE;
}

static GstElement *
branch_bin (const char *name, const char *description, GError **error)
{
  GstElement *bin = gst_bin_new (name);

  if (!add_description (GST_BIN (bin), description, error) ||
      !ghost_unlinked_src (GST_BIN (bin), "src", error))
    {
      gst_object_unref (gst_object_ref_sink (bin));
      return NULL;
    }
  return bin;
}

static gboolean
add_branch (GstBin *outer, const char *name, const char *description, GError **error)
{
  GstElement *branch = branch_bin (name, description, error);
  g_autoptr (GstPad) src = NULL;
  GstPad *ghost;

  if (branch == NULL)
    return FALSE;
  gst_bin_add (outer, branch);
  src = gst_element_get_static_pad (branch, "src");
  ghost = gst_ghost_pad_new (name, src);
  gst_pad_set_active (ghost, TRUE);
  return gst_element_add_pad (GST_ELEMENT (outer), ghost);
}

static gboolean
build_test (JcMediaSource *self, GstBin *outer, GError **error)
{
  if (self->video)
    {
      g_autofree char *chain = video_chain (self);
      g_autofree char *desc = NULL;

      self->video_encoding = jc_encode_video_encoding (self->video_codec);
      desc = g_strdup_printf ("videotestsrc is-live=true pattern=ball ! "
                              "video/x-raw,width=320,height=240,framerate=15/1 ! videoconvert ! "
                              "queue max-size-buffers=2 leaky=downstream ! %s",
                              chain);
      if (!add_branch (outer, "video", desc, error))
        return FALSE;
    }
  if (self->audio)
    {
      g_autofree char *desc = NULL;

      self->audio_encoding = jc_encode_audio_encoding (self->audio_codec);
      desc = g_strdup_printf ("audiotestsrc is-live=true wave=sine freq=440 volume=0.2 ! %s",
                              jc_encode_audio_chain (self->audio_codec));
      if (!add_branch (outer, "audio", desc, error))
        return FALSE;
    }
  return TRUE;
}

/* What discovery found in a file. */
typedef struct
{
  char *video_caps; /* (owned) (nullable) structure name, e.g. "video/x-vp8" */
  char *audio_caps; /* (owned) (nullable) */
} FileInfo;

static gboolean
discover (JcMediaSource *self, FileInfo *info, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GstDiscoverer) discoverer = gst_discoverer_new (10 * GST_SECOND, &local_error);
  g_autoptr (GstDiscovererInfo) result = NULL;
  GList *streams;

  if (discoverer == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot inspect %s: %s", self->spec, local_error->message);
      return FALSE;
    }
  result = gst_discoverer_discover_uri (discoverer, self->uri, &local_error);
  if (result == NULL || gst_discoverer_info_get_result (result) != GST_DISCOVERER_OK)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot read media from %s: %s", self->spec,
                   local_error != NULL ? local_error->message : "not a media file GStreamer understands");
      return FALSE;
    }

  streams = gst_discoverer_info_get_video_streams (result);
  if (streams != NULL)
    {
      g_autoptr (GstCaps) caps = gst_discoverer_stream_info_get_caps (streams->data);

      if (caps != NULL && !gst_caps_is_empty (caps))
        info->video_caps = g_strdup (gst_structure_get_name (gst_caps_get_structure (caps, 0)));
    }
  gst_discoverer_stream_info_list_free (streams);
  streams = gst_discoverer_info_get_audio_streams (result);
  if (streams != NULL)
    {
      g_autoptr (GstCaps) caps = gst_discoverer_stream_info_get_caps (streams->data);

      if (caps != NULL && !gst_caps_is_empty (caps))
        info->audio_caps = g_strdup (gst_structure_get_name (gst_caps_get_structure (caps, 0)));
    }
  gst_discoverer_stream_info_list_free (streams);

  if (info->video_caps == NULL && info->audio_caps == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "%s holds neither audio nor video", self->spec);
      return FALSE;
    }
  return TRUE;
}

static const char *
passthrough_encoding (const char *caps_name)
{
  if (g_strcmp0 (caps_name, "video/x-vp8") == 0)
    return "VP8";
  if (g_strcmp0 (caps_name, "video/x-vp9") == 0)
    return "VP9";
  if (g_strcmp0 (caps_name, "video/x-h264") == 0)
    return "H264";
  if (g_strcmp0 (caps_name, "audio/x-opus") == 0)
    return "OPUS";
  return NULL;
}

/* Looping a file: each time every branch has seen the end, a fresh
 * urisourcebin + parsebin pair replaces the spent one, and its pads are
 * offset by the running time played so far, so timestamps go on. */
typedef struct
{
  GstBin *outer;    /* (unowned) holds this state */
  char *uri;        /* (owned) */
  char *video_caps; /* (owned) (nullable) */
  char *audio_caps; /* (owned) (nullable) */
  gboolean loop;
  GMutex lock;
  guint n_branches;    /* branches fed by the file */
  guint n_ended;       /* branches whose EOS was held back this round */
  GstClockTime offset; /* running time of the current round's start */
  GstClockTime end;    /* furthest buffer end seen this round */
  GstElement *front;   /* (unowned) the current pair */
  GstElement *demux;   /* (unowned) */
} FileFeed;

static void
file_feed_free (gpointer data)
{
  FileFeed *feed = data;

  g_free (feed->uri);
  g_free (feed->video_caps);
  g_free (feed->audio_caps);
  g_mutex_clear (&feed->lock);
  g_free (feed);
}

static void add_front (FileFeed *feed);

static void
restart_front (GstElement *outer, gpointer user_data)
{
  FileFeed *feed = user_data;
  GstElement *old_front, *old_demux;

  g_mutex_lock (&feed->lock);
  old_front = feed->front;
  old_demux = feed->demux;
  feed->offset += feed->end;
  feed->end = 0;
  feed->n_ended = 0;
  g_mutex_unlock (&feed->lock);

  gst_element_set_state (old_front, GST_STATE_NULL);
  gst_element_set_state (old_demux, GST_STATE_NULL);
  gst_bin_remove_many (feed->outer, old_front, old_demux, NULL);
  add_front (feed);
  gst_element_sync_state_with_parent (feed->demux);
  gst_element_sync_state_with_parent (feed->front);
}

/* Streaming thread: what reaches a branch from the file. */
static GstPadProbeReturn
on_branch_entry (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  FileFeed *feed = user_data;

  if (GST_PAD_PROBE_INFO_TYPE (info) & GST_PAD_PROBE_TYPE_BUFFER)
    {
      GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
      GstClockTime pts = GST_BUFFER_PTS (buffer);

      if (GST_CLOCK_TIME_IS_VALID (pts))
        {
          GstClockTime end = pts + (GST_BUFFER_DURATION_IS_VALID (buffer) ? GST_BUFFER_DURATION (buffer) : 0);

          g_mutex_lock (&feed->lock);
          feed->end = MAX (feed->end, end);
          g_mutex_unlock (&feed->lock);
        }
      return GST_PAD_PROBE_OK;
    }
  if (GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_EOS && feed->loop)
    {
      gboolean all;

      g_mutex_lock (&feed->lock);
      all = ++feed->n_ended == feed->n_branches;
      g_mutex_unlock (&feed->lock);
      /* Not from this streaming thread: it belongs to the old pair. */
      if (all)
        gst_element_call_async (GST_ELEMENT (feed->outer), restart_front, feed, NULL);
      return GST_PAD_PROBE_DROP;
    }
  return GST_PAD_PROBE_OK;
}

/* Streaming thread: urisourcebin exposed the file's byte stream. */
static void
on_front_pad_added (GstElement *front, GstPad *pad, gpointer user_data)
{
  g_autoptr (GstPad) sink = gst_element_get_static_pad (GST_ELEMENT (user_data), "sink");

  if (GST_PAD_DIRECTION (pad) == GST_PAD_SRC && !gst_pad_is_linked (sink) &&
      gst_pad_link (pad, sink) != GST_PAD_LINK_OK)
    g_debug ("Cannot link %s to parsebin", GST_PAD_NAME (pad));
}

static gboolean
build_uri (JcMediaSource *self, GstBin *outer, GError **error)
{
  FileInfo info = { 0 };
  gboolean ok = FALSE;
  gboolean video = FALSE, audio = FALSE;
  gboolean any_transcoded = FALSE;

  if (!discover (self, &info, error))
    goto out;

  video = self->video && info.video_caps != NULL;
  audio = self->audio && info.audio_caps != NULL;
  if (!video && !audio)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "%s has no %s to send", self->spec,
                   self->video ? "video" : "audio");
      goto out;
    }

  /* One demuxing front end; each stream is paced to the clock (a file is
   * not live) and either payloaded as it is or decoded and encoded. The
   * front end's elements are direct children of @outer, like the branches:
   * a parsed "a ! b" would be a nested bin, and parsebin's pads could not
   * be linked to the branches (wrong hierarchy: nothing would flow). */
  if (gst_element_factory_find ("urisourcebin") == NULL || gst_element_factory_find ("parsebin") == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA,
                   "GStreamer's urisourcebin or parsebin is missing (gstreamer1.0-plugins-base)");
      goto out;
    }

  if (video)
    {
      /* Simulcast needs the raw frames: no pass-through then. */
      const char *enc = self->simulcast ? NULL : passthrough_encoding (info.video_caps);
      g_autofree char *desc = NULL;

      if (enc != NULL)
        {
          g_autofree char *payloader = jc_encode_video_payloader (enc);

          self->video_encoding = enc;
          desc = g_strdup_printf ("queue name=vq max-size-time=2000000000 ! identity sync=true ! %s%s ! %s",
                                  g_str_equal (enc, "H264") ? "h264parse config-interval=-1 ! " : "",
                                  g_str_equal (enc, "H264") ? "video/x-h264,stream-format=avc,alignment=au" : "identity",
                                  payloader);
        }
      else
        {
          g_autofree char *chain = video_chain (self);

          any_transcoded = TRUE;
          self->video_encoding = jc_encode_video_encoding (self->video_codec);
          desc = g_strdup_printf ("queue name=vq max-size-time=2000000000 ! decodebin ! videoconvert ! videoscale ! "
                                  "videorate ! identity sync=true ! %s",
                                  chain);
        }
      if (!add_branch (outer, "video", desc, error))
        goto out;
    }
  if (audio)
    {
      const char *enc = passthrough_encoding (info.audio_caps);
      g_autofree char *desc = NULL;

      if (enc != NULL)
        {
          self->audio_encoding = enc;
          desc = g_strdup_printf ("queue name=aq max-size-time=2000000000 ! identity sync=true ! opusparse ! %s", jc_encode_opus_payloader ());
        }
      else
        {
          any_transcoded = TRUE;
          self->audio_encoding = jc_encode_audio_encoding (self->audio_codec);
          desc = g_strdup_printf ("queue name=aq max-size-time=2000000000 ! decodebin ! identity sync=true ! %s",
                                  jc_encode_audio_chain (self->audio_codec));
        }
      if (!add_branch (outer, "audio", desc, error))
        goto out;
    }

  /* The front end, whose dynamic pads reach the branches by media type. */
  {
    FileFeed *feed = g_new0 (FileFeed, 1);

    feed->outer = outer;
    feed->uri = g_strdup (self->uri);
    feed->video_caps = g_strdup (video ? info.video_caps : NULL);
    feed->audio_caps = g_strdup (audio ? info.audio_caps : NULL);
    feed->loop = self->loop;
    feed->n_branches = (video ? 1 : 0) + (audio ? 1 : 0);
    g_mutex_init (&feed->lock);
    g_object_set_data_full (G_OBJECT (outer), "jc-file-feed", feed, file_feed_free);
    add_front (feed);
  }
  self->passthrough = !any_transcoded;
  ok = TRUE;

out:
  g_free (info.video_caps);
  g_free (info.audio_caps);
  return ok;
}

/* Streaming thread: parsebin exposed a stream. */
static void
on_demux_pad_added (GstElement *demux, GstPad *pad, gpointer user_data)
{
  FileFeed *feed = user_data;
  g_autoptr (GstCaps) caps = gst_pad_get_current_caps (pad);
  g_autoptr (GstElement) target = NULL;
  const char *name;
  GstPad *entry;
  gboolean video;

  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  if (caps == NULL || gst_caps_is_empty (caps))
    return;
  name = gst_structure_get_name (gst_caps_get_structure (caps, 0));
  if (g_strcmp0 (name, feed->video_caps) == 0)
    video = TRUE;
  else if (g_strcmp0 (name, feed->audio_caps) == 0)
    video = FALSE;
  else
    return; /* a stream we do not send (a second video, subtitles, …) */
  target = gst_bin_get_by_name (feed->outer, video ? "video" : "audio");
  if (target == NULL)
    return;

  /* The branch's queue is inside a bin: ghost its sink pad once, and watch
   * what enters (the end of each round of a loop). */
  entry = gst_element_get_static_pad (target, "entry");
  if (entry == NULL)
    {
      GstElement *queue = gst_bin_get_by_name (GST_BIN (target), video ? "vq" : "aq");
      g_autoptr (GstPad) sink = gst_element_get_static_pad (queue, "sink");

      entry = gst_ghost_pad_new ("entry", sink);
      gst_pad_set_active (entry, TRUE);
      gst_element_add_pad (target, gst_object_ref (entry));
      gst_pad_add_probe (entry, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, on_branch_entry, feed,
                         NULL);
      gst_object_unref (queue);
    }
  if (gst_pad_is_linked (entry))
    {
      gst_object_unref (entry);
      return; /* a second stream of the same kind */
    }
  g_mutex_lock (&feed->lock);
  gst_pad_set_offset (pad, (gint64) feed->offset);
  g_mutex_unlock (&feed->lock);
  gst_pad_link (pad, entry);
  gst_object_unref (entry);
}

/* A urisourcebin + parsebin pair for the file, in @feed's bin. */
static void
add_front (FileFeed *feed)
{
  GstElement *front = gst_element_factory_make ("urisourcebin", NULL);
  GstElement *demux = gst_element_factory_make ("parsebin", NULL);

  /* Direct children of the outer bin, like the branches: a parsed "a ! b"
   * would be a nested bin, and parsebin's pads could not be linked to the
   * branches (wrong hierarchy: nothing would flow). */
  g_object_set (front, "uri", feed->uri, NULL);
  gst_bin_add_many (feed->outer, front, demux, NULL);
  g_signal_connect (front, "pad-added", G_CALLBACK (on_front_pad_added), demux);
  g_signal_connect (demux, "pad-added", G_CALLBACK (on_demux_pad_added), feed);
  g_mutex_lock (&feed->lock);
  feed->front = front;
  feed->demux = demux;
  g_mutex_unlock (&feed->lock);
}

static gboolean
find_device (const char *klass, GstDevice **out_device)
{
  g_autoptr (GstDeviceMonitor) monitor = gst_device_monitor_new ();
  GList *devices;

  gst_device_monitor_add_filter (monitor, klass, NULL);
  if (!gst_device_monitor_start (monitor))
    return FALSE;
  devices = gst_device_monitor_get_devices (monitor);
  gst_device_monitor_stop (monitor);
  if (devices == NULL)
    return FALSE;
  *out_device = g_object_ref (devices->data);
  g_list_free_full (devices, gst_object_unref);
  return TRUE;
}

static gboolean
add_device_branch (GstBin *outer, const char *name, GstDevice *device, const char *chain, GError **error)
{
  GstElement *bin = gst_bin_new (name);
  GstElement *src = gst_device_create_element (device, NULL);
  g_autoptr (GstPad) src_pad = NULL;
  g_autoptr (GstPad) sink_pad = NULL;
  g_autoptr (GstPad) out = NULL;
  GstElement *parsed;
  GstPad *ghost;

  if (src == NULL)
    {
      gst_object_unref (gst_object_ref_sink (bin));
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot open the %s device", name);
      return FALSE;
    }
  gst_bin_add (GST_BIN (bin), src);
  if (!add_description (GST_BIN (bin), chain, error))
    {
      gst_object_unref (gst_object_ref_sink (bin));
      return FALSE;
    }
  parsed = GST_ELEMENT (g_list_first (GST_BIN (bin)->children)->data);
  sink_pad = gst_bin_find_unlinked_pad (GST_BIN (parsed), GST_PAD_SINK);
  src_pad = gst_element_get_static_pad (src, "src");
  if (sink_pad == NULL || src_pad == NULL || gst_pad_link (src_pad, sink_pad) != GST_PAD_LINK_OK)
    {
      gst_object_unref (gst_object_ref_sink (bin));
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot link the %s device", name);
      return FALSE;
    }
  out = gst_bin_find_unlinked_pad (GST_BIN (bin), GST_PAD_SRC);
  ghost = gst_ghost_pad_new ("src", out);
  gst_pad_set_active (ghost, TRUE);
  gst_element_add_pad (bin, ghost);
  gst_bin_add (outer, bin);
  ghost = gst_ghost_pad_new (name, ghost);
  gst_pad_set_active (ghost, TRUE);
  return gst_element_add_pad (GST_ELEMENT (outer), ghost);
}

static gboolean
build_device (JcMediaSource *self, GstBin *outer, GError **error)
{
  if (self->video)
    {
      g_autoptr (GstDevice) camera = NULL;
      g_autofree char *enc = video_chain (self);
      g_autofree char *chain = NULL;

      if (!find_device ("Video/Source", &camera))
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA,
                       "No camera found (no Video/Source device); use --no-video or another --input");
          return FALSE;
        }
      self->video_encoding = jc_encode_video_encoding (self->video_codec);
      chain = g_strdup_printf ("bin.( queue ! decodebin ! videoconvert ! videoscale ! videorate ! "
                               "video/x-raw,width=640,height=480,framerate=30/1 ! %s )",
                               enc);
      if (!add_device_branch (outer, "video", camera, chain, error))
        return FALSE;
    }
  if (self->audio)
    {
      g_autoptr (GstDevice) microphone = NULL;
      g_autofree char *chain = NULL;

      if (!find_device ("Audio/Source", &microphone))
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA,
                       "No microphone found (no Audio/Source device); use --no-audio or another --input");
          return FALSE;
        }
      self->audio_encoding = jc_encode_audio_encoding (self->audio_codec);
      chain = g_strdup_printf ("bin.( queue ! %s )", jc_encode_audio_chain (self->audio_codec));
      if (!add_device_branch (outer, "audio", microphone, chain, error))
        return FALSE;
    }
  return TRUE;
}

/* The next source pad of the user's pipeline nothing is linked to, ghosted
 * onto @user when it belongs to an element inside it. */
static GstPad *
next_user_pad (GstElement *user)
{
  GstPad *pad;
  GstPad *ghost;

  if (!GST_IS_BIN (user))
    {
      pad = gst_element_get_static_pad (user, "src");
      if (pad != NULL && gst_pad_is_linked (pad))
        g_clear_object (&pad);
      return pad;
    }
  pad = gst_bin_find_unlinked_pad (GST_BIN (user), GST_PAD_SRC);
  if (pad == NULL)
    return NULL;
  ghost = gst_ghost_pad_new (NULL, pad);
  gst_object_unref (pad);
  gst_pad_set_active (ghost, TRUE);
  gst_element_add_pad (user, ghost);
  return gst_object_ref (ghost);
}

/* "pipeline:…": the user's description ends in one or two unlinked source
 * pads; each is decoded if it must be and encoded with the chosen codec. */
static gboolean
build_pipeline (JcMediaSource *self, GstBin *outer, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GstParseContext) ctx = gst_parse_context_new ();
  GstElement *user;
  GstPad *pad;
  gboolean have_video = FALSE, have_audio = FALSE;

  user = gst_parse_launch_full (self->description, ctx, GST_PARSE_FLAG_FATAL_ERRORS, &local_error);
  if (user == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot build the pipeline “%s”: %s%s", self->description,
                   local_error->message,
                   g_str_has_suffix (g_strstrip (self->description), "\"") ||
                           strchr (self->description, '/') != NULL
                       ? " (a description cannot end in caps: end it with an element, e.g. “! videoconvert”)"
                       : "");
      return FALSE;
    }
  gst_bin_add (outer, user);

  while ((pad = next_user_pad (user)) != NULL)
    {
      g_autoptr (GstPad) owned = pad;
      g_autoptr (GstCaps) caps = gst_pad_query_caps (pad, NULL);
      const char *name = caps != NULL && !gst_caps_is_empty (caps) && !gst_caps_is_any (caps)
                             ? gst_structure_get_name (gst_caps_get_structure (caps, 0))
                             : "";
      gboolean is_video = g_str_has_prefix (name, "video/") || g_str_has_prefix (name, "image/");
      gboolean is_audio = g_str_has_prefix (name, "audio/");
      g_autofree char *desc = NULL;
      g_autoptr (GstPad) branch_sink = NULL;
      g_autoptr (GstPad) branch_src = NULL;
      GstElement *branch;
      GstPad *ghost;

      if ((!is_video && !is_audio) || (is_video && have_video) || (is_audio && have_audio))
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA,
                       "The pipeline's output %s:%s gives “%s”: want at most one video and one audio output",
                       GST_DEBUG_PAD_NAME (pad), *name != '\0' ? name : "unknown caps");
          return FALSE;
        }
      if (is_video)
        {
          g_autofree char *chain = video_chain (self);

          have_video = TRUE;
          self->video_encoding = jc_encode_video_encoding (self->video_codec);
          desc = g_strdup_printf ("queue ! %s ! %s",
                                  g_str_has_prefix (name, "video/x-raw") ? "videoconvert" : "decodebin ! videoconvert",
                                  chain);
        }
      else
        {
          have_audio = TRUE;
          self->audio_encoding = jc_encode_audio_encoding (self->audio_codec);
          desc = g_strdup_printf ("queue ! %s%s", g_str_has_prefix (name, "audio/x-raw") ? "" : "decodebin ! ",
                                  jc_encode_audio_chain (self->audio_codec));
        }
      branch = gst_bin_new (is_video ? "video" : "audio");
      if (!add_description (GST_BIN (branch), desc, error))
        {
          gst_object_unref (gst_object_ref_sink (branch));
          return FALSE;
        }
      branch_sink = gst_bin_find_unlinked_pad (GST_BIN (branch), GST_PAD_SINK);
      ghost = gst_ghost_pad_new ("sink", branch_sink);
      gst_pad_set_active (ghost, TRUE);
      gst_element_add_pad (branch, ghost);
      branch_src = gst_bin_find_unlinked_pad (GST_BIN (branch), GST_PAD_SRC);
      ghost = gst_ghost_pad_new ("src", branch_src);
      gst_pad_set_active (ghost, TRUE);
      gst_element_add_pad (branch, ghost);
      gst_bin_add (outer, branch);
      if (gst_pad_link (pad, GST_PAD (GST_ELEMENT (branch)->sinkpads->data)) != GST_PAD_LINK_OK)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot link the pipeline's %s output", is_video ? "video" : "audio");
          return FALSE;
        }
      ghost = gst_ghost_pad_new (is_video ? "video" : "audio", GST_PAD (GST_ELEMENT (branch)->srcpads->data));
      gst_pad_set_active (ghost, TRUE);
      gst_element_add_pad (GST_ELEMENT (outer), ghost);
    }
  if (!have_video && !have_audio)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "The pipeline “%s” has no unlinked source pad to send",
                   self->description);
      return FALSE;
    }
  return TRUE;
}

GstElement *
jc_media_source_build (JcMediaSource *self, GError **error)
{
  GstElement *outer;
  gboolean ok = FALSE;

  g_return_val_if_fail (JC_IS_MEDIA_SOURCE (self), NULL);

  if (!self->audio && !self->video)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Nothing to send: audio and video are both off");
      return NULL;
    }
  self->video_encoding = NULL;
  self->audio_encoding = NULL;
  self->passthrough = FALSE;
  outer = gst_object_ref_sink (gst_bin_new ("jc-source"));
  switch (self->kind)
    {
    case SOURCE_TEST:
      ok = build_test (self, GST_BIN (outer), error);
      break;
    case SOURCE_URI:
      ok = build_uri (self, GST_BIN (outer), error);
      break;
    case SOURCE_DEVICE:
      ok = build_device (self, GST_BIN (outer), error);
      break;
    case SOURCE_PIPELINE:
      ok = build_pipeline (self, GST_BIN (outer), error);
      break;
    }
  if (ok && self->simulcast && self->video_encoding != NULL)
    ok = jc_encode_setup_simulcast (GST_BIN (outer), error);
  if (!ok)
    {
      gst_object_unref (outer);
      return NULL;
    }
  return outer;
}

/* jc-rtp-feeder.c: plain RTP from a media source
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The source bin JcPeer would link to webrtcbin (jc_media_source_build:
 * one ghost pad per medium, RTP with full caps) is linked to an rtpbin
 * and one udpsink per medium instead. A pad probe on each source pad
 * rewrites the payload type (buffers, buffer lists and caps) and counts
 * packets, bytes and frames (video: packets with the marker bit, the
 * last of each frame; audio: every packet). No RTCP is sent: ports Janus
 * picks may sit next to other mountpoints' ports.
 */
#include "config.h"

#include "jc-rtp-feeder.h"

#include <gio/gio.h>
#include <gst/gst.h>
#include <gst/rtp/rtp.h>

#include "jc-error.h"
#include "jc-media-private.h"

/**
 * JcRtpFeeder:
 *
 * Sends a [class@MediaSource]'s audio and video as plain RTP (no
 * WebRTC, no signalling) to a host and one UDP port per medium, e.g. to
 * the ports of a Streaming RTP mountpoint ([method@Streaming.create_async]
 * tells them). The media is encoded as for a [class@Peer]: VP8 and Opus
 * unless the source says otherwise ([method@MediaSource.set_video_codec]);
 * pick the codec the mountpoint was created with. Payload types are
 * rewritten to those given.
 *
 * ```c
 * g_autoptr (JcMediaSource) camera = jc_media_source_new ("device", NULL);
 * g_autoptr (JcRtpFeeder) feeder = jc_rtp_feeder_new (camera, "127.0.0.1");
 * g_autoptr (GError) error = NULL;
 *
 * jc_rtp_feeder_set_audio (feeder, audio_port, 111);
 * jc_rtp_feeder_set_video (feeder, video_port, 96);
 * if (!jc_rtp_feeder_start (feeder, &error))
 *   g_printerr ("%s\n", error->message);
 * ```
 *
 * GStreamer runs in its own threads; [signal@RtpFeeder::error] and
 * [signal@RtpFeeder::eos] are emitted in the main context that was the
 * thread-default one when the feeder was created. Counters may be read
 * from any thread.
 */

typedef struct
{
  const char *kind; /* "audio" or "video" (static) */
  guint port;       /* 0: not sent */
  int pt;           /* -1: as the source payloads it */
  GMutex lock;      /* guards the counters (streaming thread) */
  guint64 packets;
  guint64 frames;
  guint64 bytes;
} Medium;

struct _JcRtpFeeder
{
  GObject parent_instance;

  JcMediaSource *source; /* (owned) */
  char *host;            /* (owned) */
  Medium media[2];       /* audio, video */
  GstElement *pipeline;  /* (owned) (nullable) while running */
  GSource *bus_watch;    /* (owned) (nullable) attached to @context */
  GMainContext *context; /* (owned) */
};

enum
{
  PROP_0,
  PROP_SOURCE,
  PROP_HOST,
  N_PROPS
};

enum
{
  SIGNAL_ERROR,
  SIGNAL_EOS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JcRtpFeeder, jc_rtp_feeder, G_TYPE_OBJECT)

static Medium *
medium_for (JcRtpFeeder *self, const char *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (self->media); i++)
    if (g_strcmp0 (self->media[i].kind, kind) == 0)
      return &self->media[i];
  return NULL;
}

static void
jc_rtp_feeder_dispose (GObject *object)
{
  JcRtpFeeder *self = JC_RTP_FEEDER (object);

  jc_rtp_feeder_stop (self);
  g_clear_object (&self->source);
  G_OBJECT_CLASS (jc_rtp_feeder_parent_class)->dispose (object);
}

static void
jc_rtp_feeder_finalize (GObject *object)
{
  JcRtpFeeder *self = JC_RTP_FEEDER (object);

  for (gsize i = 0; i < G_N_ELEMENTS (self->media); i++)
    g_mutex_clear (&self->media[i].lock);
  g_free (self->host);
  g_main_context_unref (self->context);
  G_OBJECT_CLASS (jc_rtp_feeder_parent_class)->finalize (object);
}

static void
jc_rtp_feeder_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcRtpFeeder *self = JC_RTP_FEEDER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_rtp_feeder_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JcRtpFeeder *self = JC_RTP_FEEDER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      break;
    case PROP_HOST:
      self->host = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_rtp_feeder_class_init (JcRtpFeederClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jc_rtp_feeder_dispose;
  object_class->finalize = jc_rtp_feeder_finalize;
  object_class->get_property = jc_rtp_feeder_get_property;
  object_class->set_property = jc_rtp_feeder_set_property;

  /**
   * JcRtpFeeder:source:
   *
   * The media to send.
   */
  properties[PROP_SOURCE] = g_param_spec_object ("source", NULL, NULL, JC_TYPE_MEDIA_SOURCE,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * JcRtpFeeder:host:
   *
   * Where to send it: an IP address or a host name.
   */
  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcRtpFeeder::error:
   * @self: the feeder
   * @error: what failed in the pipeline (%JC_ERROR_MEDIA)
   *
   * Emitted when sending failed; the feeder has stopped.
   */
  signals[SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                        1, G_TYPE_ERROR);
  /**
   * JcRtpFeeder::eos:
   * @self: the feeder
   *
   * Emitted when the source ended (a file without loop); the feeder is
   * still running until [method@RtpFeeder.stop].
   */
  signals[SIGNAL_EOS] = g_signal_new ("eos", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jc_rtp_feeder_init (JcRtpFeeder *self)
{
  static const char *const kinds[] = { "audio", "video" };

  self->context = g_main_context_ref_thread_default ();
  for (gsize i = 0; i < G_N_ELEMENTS (self->media); i++)
    {
      self->media[i].kind = kinds[i];
      self->media[i].pt = -1;
      g_mutex_init (&self->media[i].lock);
    }
}

/**
 * jc_rtp_feeder_new:
 * @source: what to send
 * @host: where to send it: an IP address or a host name (resolved by
 *   [method@RtpFeeder.start])
 *
 * Creates a feeder; give it ports with [method@RtpFeeder.set_audio] and
 * [method@RtpFeeder.set_video], then start it.
 *
 * Returns: (transfer full): a new feeder
 */
JcRtpFeeder *
jc_rtp_feeder_new (JcMediaSource *source, const char *host)
{
  g_return_val_if_fail (JC_IS_MEDIA_SOURCE (source), NULL);
  g_return_val_if_fail (host != NULL, NULL);

  return g_object_new (JC_TYPE_RTP_FEEDER, "source", source, "host", host, NULL);
}

/**
 * jc_rtp_feeder_get_source:
 * @self: a feeder
 *
 * Gets the source.
 *
 * Returns: (transfer none): the source
 */
JcMediaSource *
jc_rtp_feeder_get_source (JcRtpFeeder *self)
{
  g_return_val_if_fail (JC_IS_RTP_FEEDER (self), NULL);
  return self->source;
}

/**
 * jc_rtp_feeder_get_host:
 * @self: a feeder
 *
 * Gets the host.
 *
 * Returns: the host
 */
const char *
jc_rtp_feeder_get_host (JcRtpFeeder *self)
{
  g_return_val_if_fail (JC_IS_RTP_FEEDER (self), NULL);
  return self->host;
}

static void
set_medium (JcRtpFeeder *self, const char *kind, guint port, int pt)
{
  Medium *m = medium_for (self, kind);

  g_return_if_fail (self->pipeline == NULL);
  g_return_if_fail (port < 65536);
  g_return_if_fail (pt >= -1 && pt < 128);
  m->port = port;
  m->pt = pt;
}

/**
 * jc_rtp_feeder_set_audio:
 * @self: a feeder, not running
 * @port: the UDP port for the audio; 0: do not send audio
 * @pt: the payload type to send, or -1 for the source's (Opus: 111)
 *
 * Where the audio goes.
 */
void
jc_rtp_feeder_set_audio (JcRtpFeeder *self, guint port, int pt)
{
  g_return_if_fail (JC_IS_RTP_FEEDER (self));
  set_medium (self, "audio", port, pt);
}

/**
 * jc_rtp_feeder_set_video:
 * @self: a feeder, not running
 * @port: the UDP port for the video; 0: do not send video
 * @pt: the payload type to send, or -1 for the source's (VP8: 96, VP9:
 *   98, H.264: 100)
 *
 * Where the video goes.
 */
void
jc_rtp_feeder_set_video (JcRtpFeeder *self, guint port, int pt)
{
  g_return_if_fail (JC_IS_RTP_FEEDER (self));
  set_medium (self, "video", port, pt);
}

/* Streaming threads: rewrite the payload type, count. */

static gboolean
rewrite_one (GstBuffer **buffer, guint idx, gpointer user_data)
{
  Medium *m = user_data;
  GstRTPBuffer rtp = GST_RTP_BUFFER_INIT;
  gboolean marker = FALSE;
  gsize size;

  *buffer = gst_buffer_make_writable (*buffer);
  size = gst_buffer_get_size (*buffer);
  if (gst_rtp_buffer_map (*buffer, GST_MAP_READWRITE, &rtp))
    {
      if (m->pt >= 0)
        gst_rtp_buffer_set_payload_type (&rtp, (guint8) m->pt);
      marker = gst_rtp_buffer_get_marker (&rtp);
      gst_rtp_buffer_unmap (&rtp);
    }
  g_mutex_lock (&m->lock);
  m->packets++;
  m->bytes += size;
  if (g_str_equal (m->kind, "audio") || marker)
    m->frames++;
  g_mutex_unlock (&m->lock);
  return TRUE;
}

static GstPadProbeReturn
on_probe (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  Medium *m = user_data;

  if (info->type & GST_PAD_PROBE_TYPE_BUFFER)
    {
      GstBuffer *buffer = gst_pad_probe_info_get_buffer (info);

      rewrite_one (&buffer, 0, m);
      GST_PAD_PROBE_INFO_DATA (info) = buffer;
    }
  else if (info->type & GST_PAD_PROBE_TYPE_BUFFER_LIST)
    {
      GstBufferList *list = gst_buffer_list_make_writable (gst_pad_probe_info_get_buffer_list (info));

      gst_buffer_list_foreach (list, rewrite_one, m);
      GST_PAD_PROBE_INFO_DATA (info) = list;
    }
  else if ((info->type & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) && m->pt >= 0)
    {
      GstEvent *event = gst_pad_probe_info_get_event (info);

      if (GST_EVENT_TYPE (event) == GST_EVENT_CAPS)
        {
          GstCaps *caps;

          gst_event_parse_caps (event, &caps);
          caps = gst_caps_copy (caps);
          gst_caps_set_simple (caps, "payload", G_TYPE_INT, m->pt, NULL);
          gst_event_unref (event);
          GST_PAD_PROBE_INFO_DATA (info) = gst_event_new_caps (caps);
          gst_caps_unref (caps);
        }
    }
  return GST_PAD_PROBE_OK;
}

/* The bus, in @context. */

static gboolean
on_bus_message (GstBus *bus, GstMessage *message, gpointer user_data)
{
  JcRtpFeeder *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr (GError) gst_error = NULL;
        g_autofree char *debug = NULL;
        g_autoptr (GError) error = NULL;

        gst_message_parse_error (message, &gst_error, &debug);
        g_debug ("RTP feeder: %s (%s)", gst_error->message, debug != NULL ? debug : "");
        error = g_error_new (JC_ERROR, JC_ERROR_MEDIA, "Sending RTP to %s failed: %s", self->host, gst_error->message);
        g_object_ref (self);
        jc_rtp_feeder_stop (self);
        g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
        g_object_unref (self);
        return G_SOURCE_REMOVE;
      }
    case GST_MESSAGE_EOS:
      g_signal_emit (self, signals[SIGNAL_EOS], 0);
      break;
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

static char *
resolve_host (const char *host, GError **error)
{
  g_autoptr (GInetAddress) address = g_inet_address_new_from_string (host);
  g_autoptr (GResolver) resolver = NULL;
  GList *addresses;
  g_autoptr (GError) local = NULL;
  char *text;

  if (address != NULL)
    return g_inet_address_to_string (address);
  resolver = g_resolver_get_default ();
  addresses = g_resolver_lookup_by_name (resolver, host, NULL, &local);
  if (addresses == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Cannot send RTP to “%s”: %s", host,
                   local != NULL ? local->message : "no address");
      return NULL;
    }
  text = g_inet_address_to_string (addresses->data);
  g_resolver_free_addresses (addresses);
  return text;
}

static gboolean
link_medium (JcRtpFeeder *self, GstElement *source_bin, GstElement *rtpbin, Medium *m, const char *address, guint index, GError **error)
{
  g_autoptr (GstPad) src = gst_element_get_static_pad (source_bin, m->kind);
  g_autofree char *sink_name = g_strdup_printf ("send_rtp_sink_%u", index);
  g_autofree char *out_name = g_strdup_printf ("send_rtp_src_%u", index);
  g_autoptr (GstPad) sink = NULL;
  g_autoptr (GstPad) out = NULL;
  g_autoptr (GstPad) udp_sink = NULL;
  GstElement *udp;

  if (src == NULL)
    {
      if (m->port != 0)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "The source “%s” has no %s to send to port %u",
                       jc_media_source_get_spec (self->source), m->kind, m->port);
          return FALSE;
        }
      return TRUE;
    }
  gst_pad_add_probe (src, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, on_probe, m,
                     NULL);
  if (m->port == 0)
    {
      GstElement *fake = gst_element_factory_make ("fakesink", NULL);
      g_autoptr (GstPad) fake_sink = gst_element_get_static_pad (fake, "sink");

      g_object_set (fake, "sync", FALSE, "async", FALSE, NULL);
      gst_bin_add (GST_BIN (self->pipeline), fake);
      gst_pad_link (src, fake_sink);
      return TRUE;
    }
  sink = gst_element_request_pad_simple (rtpbin, sink_name);
  if (sink == NULL || gst_pad_link (src, sink) != GST_PAD_LINK_OK)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot link the %s of “%s” to rtpbin", m->kind, jc_media_source_get_spec (self->source));
      return FALSE;
    }
  out = gst_element_get_static_pad (rtpbin, out_name);
  udp = gst_element_factory_make ("udpsink", NULL);
  if (out == NULL || udp == NULL)
    {
      g_clear_object (&udp);
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot set up sending %s (no rtpbin output or udpsink)", m->kind);
      return FALSE;
    }
  g_object_set (udp, "host", address, "port", (int) m->port, "sync", FALSE, "async", FALSE, NULL);
  gst_bin_add (GST_BIN (self->pipeline), udp);
  udp_sink = gst_element_get_static_pad (udp, "sink");
  gst_pad_link (out, udp_sink);
  return TRUE;
}

/**
 * jc_rtp_feeder_start:
 * @self: a feeder
 * @error: return location for a #GError
 *
 * Builds the pipeline and starts sending. Fails with
 * %JC_ERROR_INVALID_ARGUMENT when the host does not resolve, no port was
 * given, a port was given for a medium the source lacks, or the source
 * is simulcast; with %JC_ERROR_MEDIA when the pipeline cannot be built or
 * started. Media of the source without a port is dropped.
 *
 * Returns: %TRUE once sending
 */
gboolean
jc_rtp_feeder_start (JcRtpFeeder *self, GError **error)
{
  g_autofree char *address = NULL;
  g_autoptr (GstElement) source_bin = NULL;
  g_autoptr (GstBus) bus = NULL;
  GstElement *rtpbin;
  guint index = 0;

  g_return_val_if_fail (JC_IS_RTP_FEEDER (self), FALSE);
  g_return_val_if_fail (self->pipeline == NULL, FALSE);

  if (self->media[0].port == 0 && self->media[1].port == 0)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "No port to send RTP to: give the audio or video port");
      return FALSE;
    }
  if (jc_media_source_get_simulcast (self->source))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Plain RTP cannot carry a simulcast source: turn simulcast off");
      return FALSE;
    }
  if ((address = resolve_host (self->host, error)) == NULL)
    return FALSE;
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
  if ((source_bin = jc_media_source_build (self->source, error)) == NULL)
    return FALSE;
  rtpbin = gst_element_factory_make ("rtpbin", NULL);
  if (rtpbin == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "GStreamer has no rtpbin (gstreamer1.0-plugins-good)");
      return FALSE;
    }
  self->pipeline = gst_object_ref_sink (gst_pipeline_new ("jc-rtp-feeder"));
  gst_bin_add_many (GST_BIN (self->pipeline), source_bin, rtpbin, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (self->media); i++)
    {
      Medium *m = &self->media[i];

      g_mutex_lock (&m->lock);
      m->packets = m->frames = m->bytes = 0;
      g_mutex_unlock (&m->lock);
      if (!link_medium (self, source_bin, rtpbin, m, address, index, error))
        {
          jc_rtp_feeder_stop (self);
          return FALSE;
        }
      if (m->port != 0)
        index++;
    }
  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  self->bus_watch = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_watch, (GSourceFunc) (void (*) (void)) on_bus_message, self, NULL);
  g_source_set_static_name (self->bus_watch, "jc-rtp-feeder bus");
  g_source_attach (self->bus_watch, self->context);
  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot start sending “%s” to %s", jc_media_source_get_spec (self->source), self->host);
      jc_rtp_feeder_stop (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * jc_rtp_feeder_stop:
 * @self: a feeder
 *
 * Stops sending (nothing when not running). The counters keep their
 * values until the next start.
 */
void
jc_rtp_feeder_stop (JcRtpFeeder *self)
{
  g_return_if_fail (JC_IS_RTP_FEEDER (self));

  if (self->bus_watch != NULL)
    {
      g_source_destroy (self->bus_watch);
      g_clear_pointer (&self->bus_watch, g_source_unref);
    }
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      g_clear_object (&self->pipeline);
    }
}

/**
 * jc_rtp_feeder_is_running:
 * @self: a feeder
 *
 * Whether the feeder sends.
 *
 * Returns: %TRUE between a successful start and stop (or an error)
 */
gboolean
jc_rtp_feeder_is_running (JcRtpFeeder *self)
{
  g_return_val_if_fail (JC_IS_RTP_FEEDER (self), FALSE);
  return self->pipeline != NULL;
}

static guint64
counter (JcRtpFeeder *self, const char *kind, gsize offset)
{
  Medium *m = medium_for (self, kind);
  guint64 value;

  g_return_val_if_fail (m != NULL, 0);
  g_mutex_lock (&m->lock);
  value = G_STRUCT_MEMBER (guint64, m, offset);
  g_mutex_unlock (&m->lock);
  return value;
}

/**
 * jc_rtp_feeder_get_packets_sent:
 * @self: a feeder
 * @kind: `audio` or `video`
 *
 * RTP packets sent for @kind since the last start.
 *
 * Returns: the count
 */
guint64
jc_rtp_feeder_get_packets_sent (JcRtpFeeder *self, const char *kind)
{
  g_return_val_if_fail (JC_IS_RTP_FEEDER (self), 0);
  return counter (self, kind, G_STRUCT_OFFSET (Medium, packets));
}

/**
 * jc_rtp_feeder_get_frames_sent:
 * @self: a feeder
 * @kind: `audio` or `video`
 *
 * Frames sent for @kind since the last start: video frames (packets with
 * the RTP marker bit), audio packets.
 *
 * Returns: the count
 */
guint64
jc_rtp_feeder_get_frames_sent (JcRtpFeeder *self, const char *kind)
{
  g_return_val_if_fail (JC_IS_RTP_FEEDER (self), 0);
  return counter (self, kind, G_STRUCT_OFFSET (Medium, frames));
}

/**
 * jc_rtp_feeder_get_bytes_sent:
 * @self: a feeder
 * @kind: `audio` or `video`
 *
 * RTP bytes (headers included) sent for @kind since the last start.
 *
 * Returns: the count
 */
guint64
jc_rtp_feeder_get_bytes_sent (JcRtpFeeder *self, const char *kind)
{
  g_return_val_if_fail (JC_IS_RTP_FEEDER (self), 0);
  return counter (self, kind, G_STRUCT_OFFSET (Medium, bytes));
}

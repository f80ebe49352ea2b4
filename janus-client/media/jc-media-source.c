/* jc-media-source.c: what a peer sends
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-media-private.h"
#include "jc-media-source-private.h"

/**
 * JcMediaSource:
 *
 * What a [class@Peer] sends: a moving test pattern and a tone (`test`), a
 * file or URI, the default camera and microphone (`device`), or any
 * gst-launch description (`pipeline:DESCRIPTION`) ending in one or two
 * unlinked source pads.
 *
 * Files whose streams are already VP8, VP9, H.264 or Opus are sent as they
 * are, with no encoder in the pipeline (the file's codec then wins over
 * [method@MediaSource.set_video_codec]); anything else is decoded and
 * encoded with the chosen codecs. Opus the source encodes carries its audio
 * level (RFC 6464), which Janus's VideoRoom and AudioBridge use for talking
 * events; video can go out as three simulcast layers
 * ([method@MediaSource.set_simulcast]).
 *
 * ```c
 * g_autoptr (JcMediaSource) source = jc_media_source_new ("movie.webm", &error);  // or "test", "device", "pipeline:…"
 *
 * if (source == NULL)
 *   {
 *     g_printerr ("%s\n", error->message);  // no such file
 *     return;
 *   }
 * jc_media_source_set_video_codec (source, JC_VIDEO_CODEC_VP9);  // for what gets encoded
 * jc_media_source_set_loop (source, TRUE);
 * jc_peer_set_source (peer, source);
 * ```
 *
 * See [Media sources and sinks](media.html) for every kind.
 */

G_DEFINE_FINAL_TYPE (JcMediaSource, jc_media_source, G_TYPE_OBJECT)

static void
jc_media_source_finalize (GObject *object)
{
  JcMediaSource *self = JC_MEDIA_SOURCE (object);

  g_free (self->spec);
  g_free (self->uri);
  g_free (self->description);

  G_OBJECT_CLASS (jc_media_source_parent_class)->finalize (object);
}

static void
jc_media_source_class_init (JcMediaSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jc_media_source_finalize;
}

static void
jc_media_source_init (JcMediaSource *self)
{
  self->video_codec = JC_VIDEO_CODEC_VP8;
  self->audio_codec = JC_AUDIO_CODEC_OPUS;
  self->audio = TRUE;
  self->video = TRUE;
  self->bitrate = 256000;
}

/**
 * jc_media_source_new:
 * @spec: `test`, a file path or URI, `device`, or `pipeline:DESCRIPTION`
 * @error: return location for a #GError
 *
 * Creates a media source. A file that does not exist fails here with
 * %JC_ERROR_MEDIA; other problems (a file GStreamer cannot read, a missing
 * camera) surface when the peer builds its pipeline.
 *
 * Returns: (transfer full) (nullable): a new source
 */
JcMediaSource *
jc_media_source_new (const char *spec, GError **error)
{
  g_autoptr (JcMediaSource) self = NULL;
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (spec != NULL, NULL);

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  self = g_object_new (JC_TYPE_MEDIA_SOURCE, NULL);
  self->spec = g_strdup (spec);
  scheme = g_uri_parse_scheme (spec);

  if (g_str_equal (spec, "test"))
    {
      self->kind = SOURCE_TEST;
    }
  else if (g_str_equal (spec, "device"))
    {
      self->kind = SOURCE_DEVICE;
    }
  else if (g_str_has_prefix (spec, "pipeline:"))
    {
      self->kind = SOURCE_PIPELINE;
      self->description = g_strdup (spec + strlen ("pipeline:"));
      if (*g_strstrip (self->description) == '\0')
        {
          g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                       "“pipeline:” needs a gst-launch description after the colon");
          return NULL;
        }
    }
  else if (scheme != NULL && gst_uri_is_valid (spec))
    {
      self->kind = SOURCE_URI;
      self->uri = g_strdup (spec);
    }
  else
    {
      g_autoptr (GError) local_error = NULL;

      if (!g_file_test (spec, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA,
                       "Cannot send “%s”: no such file (want a file, a URI, “test”, “device” or “pipeline:…”)",
                       spec);
          return NULL;
        }
      self->kind = SOURCE_URI;
      self->uri = gst_filename_to_uri (spec, &local_error);
      if (self->uri == NULL)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Cannot send “%s”: %s", spec, local_error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

/**
 * jc_media_source_get_spec:
 * @self: a source
 *
 * Gets the specification the source was created from.
 *
 * Returns: (transfer none): the specification
 */
const char *
jc_media_source_get_spec (JcMediaSource *self)
{
  g_return_val_if_fail (JC_IS_MEDIA_SOURCE (self), NULL);

  return self->spec;
}

/**
 * jc_media_source_set_video_codec:
 * @self: a source
 * @codec: the codec to encode video with
 *
 * Sets the video codec (VP8 unless set). Files already in VP8, VP9 or
 * H.264 keep their codec.
 */
void
jc_media_source_set_video_codec (JcMediaSource *self, JcVideoCodec codec)
{
  g_return_if_fail (JC_IS_MEDIA_SOURCE (self));

  self->video_codec = codec;
}

/**
 * jc_media_source_get_video_codec:
 * @self: a source
 *
 * Gets the video codec set with [method@MediaSource.set_video_codec].
 *
 * Returns: the video codec
 */
JcVideoCodec
jc_media_source_get_video_codec (JcMediaSource *self)
{
  g_return_val_if_fail (JC_IS_MEDIA_SOURCE (self), JC_VIDEO_CODEC_VP8);

  return self->video_codec;
}

/**
 * jc_media_source_set_audio_codec:
 * @self: a source
 * @codec: the codec to encode audio with
 *
 * Sets the audio codec (Opus unless set). Files already in Opus keep it.
 */
void
jc_media_source_set_audio_codec (JcMediaSource *self, JcAudioCodec codec)
{
  g_return_if_fail (JC_IS_MEDIA_SOURCE (self));

  self->audio_codec = codec;
}

/**
 * jc_media_source_get_audio_codec:
 * @self: a source
 *
 * Gets the audio codec set with [method@MediaSource.set_audio_codec].
 *
 * Returns: the audio codec
 */
JcAudioCodec
jc_media_source_get_audio_codec (JcMediaSource *self)
{
  g_return_val_if_fail (JC_IS_MEDIA_SOURCE (self), JC_AUDIO_CODEC_OPUS);

  return self->audio_codec;
}

/**
 * jc_media_source_set_audio:
 * @self: a source
 * @enabled: whether to send audio
 *
 * Turns the audio track on (the default) or off.
 */
void
jc_media_source_set_audio (JcMediaSource *self, gboolean enabled)
{
  g_return_if_fail (JC_IS_MEDIA_SOURCE (self));

  self->audio = enabled;
}

/**
 * jc_media_source_set_video:
 * @self: a source
 * @enabled: whether to send video
 *
 * Turns the video track on (the default) or off.
 */
void
jc_media_source_set_video (JcMediaSource *self, gboolean enabled)
{
  g_return_if_fail (JC_IS_MEDIA_SOURCE (self));

  self->video = enabled;
}

/**
 * jc_media_source_set_loop:
 * @self: a source
 * @loop: whether a file starts again when it ends
 *
 * Plays a file or URI source in a loop, without a gap in the timestamps
 * (the default plays it once, then the tracks stop). Other sources ignore
 * it.
 */
void
jc_media_source_set_loop (JcMediaSource *self, gboolean loop)
{
  g_return_if_fail (JC_IS_MEDIA_SOURCE (self));

  self->loop = loop;
}

/**
 * jc_media_source_set_simulcast:
 * @self: a source
 * @simulcast: whether to send video as three simulcast layers
 *
 * Sends the video as three encodings of the same picture, told apart by
 * their RTP stream ids (`rid`, RFC 8851/8852) as browsers do: `h` at the
 * source's resolution and the whole bitrate, `m` at half the width and
 * height and a third of the bitrate, `l` at a quarter of the size and a
 * ninth of the bitrate. An SFU such as Janus's VideoRoom then forwards to
 * each subscriber the layer it asks for.
 *
 * Files are decoded and encoded again when simulcast is on (there is no
 * pass-through). Off by default.
 *
 * Tested with VP8 and H.264 against Janus 1.1.2. With VP9 the layers reach
 * Janus and the best one plays, but Janus 1.1.2 was not seen to switch to
 * another layer on request (EchoTest and VideoRoom alike).
 *
 * ```c
 * jc_media_source_set_simulcast (source, TRUE);
 * jc_media_source_set_bitrate (source, 900000);
 * ```
 */
void
jc_media_source_set_simulcast (JcMediaSource *self, gboolean simulcast)
{
  g_return_if_fail (JC_IS_MEDIA_SOURCE (self));

  self->simulcast = simulcast;
}

/**
 * jc_media_source_get_simulcast:
 * @self: a source
 *
 * Tells whether [method@MediaSource.set_simulcast] turned simulcast on.
 *
 * Returns: whether the video is sent as three simulcast layers
 */
gboolean
jc_media_source_get_simulcast (JcMediaSource *self)
{
  g_return_val_if_fail (JC_IS_MEDIA_SOURCE (self), FALSE);

  return self->simulcast;
}

/**
 * jc_media_source_set_bitrate:
 * @self: a source
 * @bitrate: the video bitrate in bits per second
 *
 * Sets the target bitrate of encoded video (256 kbit/s unless set).
 */
void
jc_media_source_set_bitrate (JcMediaSource *self, guint bitrate)
{
  g_return_if_fail (JC_IS_MEDIA_SOURCE (self));
  g_return_if_fail (bitrate >= 16000);

  self->bitrate = bitrate;
}

/**
 * jc_video_codec_to_string:
 * @codec: a video codec
 *
 * Gets the codec's lower-case name, as the CLI and Janus spell it.
 *
 * Returns: (transfer none): `vp8`, `vp9` or `h264`
 */
const char *
jc_video_codec_to_string (JcVideoCodec codec)
{
  switch (codec)
    {
    case JC_VIDEO_CODEC_VP9:
      return "vp9";
    case JC_VIDEO_CODEC_H264:
      return "h264";
    case JC_VIDEO_CODEC_VP8:
    default:
      return "vp8";
    }
}

/**
 * jc_video_codec_from_string:
 * @name: `vp8`, `vp9` or `h264` (any case)
 * @out_codec: (out): the codec
 *
 * Parses a video codec name.
 *
 * Returns: %FALSE for an unknown name
 */
gboolean
jc_video_codec_from_string (const char *name, JcVideoCodec *out_codec)
{
  static const JcVideoCodec codecs[] = { JC_VIDEO_CODEC_VP8, JC_VIDEO_CODEC_VP9, JC_VIDEO_CODEC_H264 };

  g_return_val_if_fail (name != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (codecs); i++)
    if (g_ascii_strcasecmp (name, jc_video_codec_to_string (codecs[i])) == 0)
      {
        *out_codec = codecs[i];
        return TRUE;
      }
  return FALSE;
}

/**
 * jc_audio_codec_to_string:
 * @codec: an audio codec
 *
 * Gets the codec's lower-case name, as the CLI and Janus spell it.
 *
 * Returns: (transfer none): `opus`, `pcmu` or `pcma`
 */
const char *
jc_audio_codec_to_string (JcAudioCodec codec)
{
  switch (codec)
    {
    case JC_AUDIO_CODEC_PCMU:
      return "pcmu";
    case JC_AUDIO_CODEC_PCMA:
      return "pcma";
    case JC_AUDIO_CODEC_OPUS:
    default:
      return "opus";
    }
}

/**
 * jc_audio_codec_from_string:
 * @name: `opus`, `pcmu` or `pcma` (any case)
 * @out_codec: (out): the codec
 *
 * Parses an audio codec name.
 *
 * Returns: %FALSE for an unknown name
 */
gboolean
jc_audio_codec_from_string (const char *name, JcAudioCodec *out_codec)
{
  static const JcAudioCodec codecs[] = { JC_AUDIO_CODEC_OPUS, JC_AUDIO_CODEC_PCMU, JC_AUDIO_CODEC_PCMA };

  g_return_val_if_fail (name != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (codecs); i++)
    if (g_ascii_strcasecmp (name, jc_audio_codec_to_string (codecs[i])) == 0)
      {
        *out_codec = codecs[i];
        return TRUE;
      }
  return FALSE;
}

gboolean
jc_media_source_is_passthrough (JcMediaSource *self)
{
  return self->passthrough;
}

const char *
jc_media_source_get_video_encoding (JcMediaSource *self)
{
  return self->video_encoding;
}

const char *
jc_media_source_get_audio_encoding (JcMediaSource *self)
{
  return self->audio_encoding;
}

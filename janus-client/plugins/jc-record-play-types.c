/* jc-record-play-types.c: JcRecordPlayRequest (the fields of `record`
 * and `configure`) and JcRecordPlayRecording (an entry of `list`)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-json-private.h"
#include "jc-record-play-private.h"

/**
 * JcRecordPlayRequest:
 *
 * The optional fields of a Record&Play `record` (file name, preferred
 * codecs, video profile, RED, data format) and of `configure` (bitrate
 * cap, key-frame interval): typed setters for what Janus 1.1.2 reads,
 * [method@RecordPlayRequest.set_extra] for anything else. Fields left
 * unset are not sent.
 */
/* A JcPluginOptions (jc-plugin-private.h). */

G_DEFINE_BOXED_TYPE (JcRecordPlayRequest, jc_record_play_request, jc_record_play_request_ref, jc_record_play_request_unref)

/**
 * jc_record_play_request_new:
 *
 * Creates an empty request.
 *
 * Returns: (transfer full): a new request
 */
JcRecordPlayRequest *
jc_record_play_request_new (void)
{
  return jc_plugin_options_new ();
}

/**
 * jc_record_play_request_ref:
 * @self: a request
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcRecordPlayRequest *
jc_record_play_request_ref (JcRecordPlayRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_plugin_options_ref (self);
}

/**
 * jc_record_play_request_unref:
 * @self: (transfer full): a request
 *
 * Drops a reference.
 */
void
jc_record_play_request_unref (JcRecordPlayRequest *self)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_unref (self);
}

/**
 * jc_record_play_request_set_filename:
 * @self: a request
 * @filename: (nullable): the base name of the recording's files, in
 *   the plugin's folder (`-audio.mjr`, `-video.mjr`, `-data.mjr` are
 *   appended); %NULL: `rec-ID`
 *
 * Sets `filename` (record).
 */
void
jc_record_play_request_set_filename (JcRecordPlayRequest *self, const char *filename)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "filename", filename);
}

/**
 * jc_record_play_request_set_audio_codec:
 * @self: a request
 * @codec: (nullable): e.g. "opus"; %NULL: the offer's first
 *
 * Sets `audiocodec` (record): the audio codec to record.
 */
void
jc_record_play_request_set_audio_codec (JcRecordPlayRequest *self, const char *codec)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "audiocodec", codec);
}

/**
 * jc_record_play_request_set_video_codec:
 * @self: a request
 * @codec: (nullable): e.g. "vp8"; %NULL: the offer's first
 *
 * Sets `videocodec` (record): the video codec to record.
 */
void
jc_record_play_request_set_video_codec (JcRecordPlayRequest *self, const char *codec)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "videocodec", codec);
}

/**
 * jc_record_play_request_set_video_profile:
 * @self: a request
 * @profile: (nullable): e.g. "2" for VP9 or "42e01f" for H.264
 *
 * Sets `videoprofile` (record).
 */
void
jc_record_play_request_set_video_profile (JcRecordPlayRequest *self, const char *profile)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "videoprofile", profile);
}

/**
 * jc_record_play_request_set_opus_red:
 * @self: a request
 * @opus_red: whether to record Opus with RED, when offered
 *
 * Sets `opusred` (record).
 */
void
jc_record_play_request_set_opus_red (JcRecordPlayRequest *self, gboolean opus_red)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "opusred", opus_red);
}

/**
 * jc_record_play_request_set_text_data:
 * @self: a request
 * @text_data: whether data-channel messages are text (the default) or
 *   binary
 *
 * Sets `textdata` (record, when the offer has a data channel).
 */
void
jc_record_play_request_set_text_data (JcRecordPlayRequest *self, gboolean text_data)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "textdata", text_data);
}

/**
 * jc_record_play_request_set_video_bitrate_max:
 * @self: a request
 * @bitrate: bits per second
 *
 * Sets `video-bitrate-max` (configure): the cap Janus asks the recorded
 * sender to keep to (REMB).
 */
void
jc_record_play_request_set_video_bitrate_max (JcRecordPlayRequest *self, guint bitrate)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "video-bitrate-max", bitrate);
}

/**
 * jc_record_play_request_set_video_keyframe_interval:
 * @self: a request
 * @seconds: how often Janus asks the recorded sender for a key frame
 *
 * Sets `video-keyframe-interval` (configure).
 */
void
jc_record_play_request_set_video_keyframe_interval (JcRecordPlayRequest *self, guint seconds)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (jc_plugin_options_body (self), "video-keyframe-interval", seconds);
}

/**
 * jc_record_play_request_set_extra:
 * @self: a request
 * @name: a member name
 * @value: (transfer none): its value, copied
 *
 * Sets any member, for fields newer plugins accept (e.g. `is_private`).
 */
void
jc_record_play_request_set_extra (JcRecordPlayRequest *self, const char *name, JsonNode *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  jc_plugin_options_set_extra (self, name, value);
}

/**
 * jc_record_play_request_to_json:
 * @self: a request
 *
 * Gets the fields set so far.
 *
 * Returns: (transfer full): a copy of the fields
 */
JsonObject *
jc_record_play_request_to_json (JcRecordPlayRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_json_object_copy (jc_plugin_options_body (self));
}

JsonObject *
jc_record_play_request_peek_body (JcRecordPlayRequest *self)
{
  return jc_plugin_options_body (self);
}

/**
 * JcRecordPlayRecording:
 *
 * A recording as `list` describes it: id, name, date, which media it
 * holds and their codecs.
 */
struct _JcRecordPlayRecording
{
  gatomicrefcount ref;
  JsonObject *json; /* (owned) */
  guint64 id;       /* 1 to 2^53-1 */
  const char *name; /* (unowned) in @json */
  const char *date; /* (unowned) (nullable) in @json */
  gboolean audio;
  gboolean video;
  gboolean data;
  gboolean audio_red;
  const char *audio_codec; /* (unowned) (nullable) in @json */
  const char *video_codec; /* (unowned) (nullable) in @json */
};

G_DEFINE_BOXED_TYPE (JcRecordPlayRecording, jc_record_play_recording, jc_record_play_recording_ref, jc_record_play_recording_unref)

/* An optional boolean; Janus 1.1.2 sends booleans for audio/video/data
 * (its own docs say file names), so a string counts as present. */
static gboolean
read_flag (JsonObject *obj, const char *member, gboolean *out, GString *problems)
{
  *out = FALSE;
  if (!jc_json_has_member (obj, member))
    return TRUE;
  if (jc_json_lookup_bool (obj, member, out))
    return TRUE;
  if (jc_json_lookup_string (obj, member) != NULL)
    {
      *out = TRUE;
      return TRUE;
    }
  jc_plugin_add_problem (problems, "“%s” is not a boolean", member);
  return FALSE;
}

static gboolean
read_string (JsonObject *obj, const char *member, gboolean required, const char **out, GString *problems)
{
  *out = NULL;
  if (!jc_json_has_member (obj, member))
    {
      if (required)
        jc_plugin_add_problem (problems, "no “%s”", member);
      return !required;
    }
  if ((*out = jc_json_lookup_string (obj, member)) == NULL)
    {
      jc_plugin_add_problem (problems, "“%s” is not a string", member);
      return FALSE;
    }
  return TRUE;
}

JcRecordPlayRecording *
jc_record_play_recording_new_from_json (JsonObject *obj, GString *problems)
{
  g_autoptr (JcRecordPlayRecording) self = g_new0 (JcRecordPlayRecording, 1);
  gboolean ok = TRUE;

  g_atomic_ref_count_init (&self->ref);
  self->json = json_object_ref (obj);
  if (!jc_json_lookup_id (obj, "id", &self->id))
    {
      jc_plugin_add_problem (problems, "“id” is not a recording id (1 to 2^53-1)");
      ok = FALSE;
    }
  ok &= read_string (obj, "name", TRUE, &self->name, problems);
  ok &= read_string (obj, "date", FALSE, &self->date, problems);
  ok &= read_string (obj, "audio_codec", FALSE, &self->audio_codec, problems);
  ok &= read_string (obj, "video_codec", FALSE, &self->video_codec, problems);
  ok &= read_flag (obj, "audio", &self->audio, problems);
  ok &= read_flag (obj, "video", &self->video, problems);
  ok &= read_flag (obj, "data", &self->data, problems);
  ok &= read_flag (obj, "audio_red", &self->audio_red, problems);
  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * jc_record_play_recording_ref:
 * @self: a recording
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcRecordPlayRecording *
jc_record_play_recording_ref (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_record_play_recording_unref:
 * @self: (transfer full): a recording
 *
 * Drops a reference.
 */
void
jc_record_play_recording_unref (JcRecordPlayRecording *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->json);
  g_free (self);
}

/**
 * jc_record_play_recording_get_id:
 * @self: a recording
 *
 * Gets the recording's id, for [method@RecordPlay.play_async].
 *
 * Returns: the id
 */
guint64
jc_record_play_recording_get_id (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->id;
}

/**
 * jc_record_play_recording_get_name:
 * @self: a recording
 *
 * Gets the name given when it was recorded.
 *
 * Returns: the name
 */
const char *
jc_record_play_recording_get_name (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * jc_record_play_recording_get_date:
 * @self: a recording
 *
 * Gets when it was recorded, as Janus wrote it (`YYYY-MM-DD HH:MM:SS`,
 * Janus's local time).
 *
 * Returns: (nullable): the date
 */
const char *
jc_record_play_recording_get_date (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

/**
 * jc_record_play_recording_has_audio:
 * @self: a recording
 *
 * Tells whether the recording holds audio.
 *
 * Returns: %TRUE when it does
 */
gboolean
jc_record_play_recording_has_audio (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->audio;
}

/**
 * jc_record_play_recording_has_video:
 * @self: a recording
 *
 * Tells whether the recording holds video.
 *
 * Returns: %TRUE when it does
 */
gboolean
jc_record_play_recording_has_video (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->video;
}

/**
 * jc_record_play_recording_has_data:
 * @self: a recording
 *
 * Tells whether the recording holds data-channel messages.
 *
 * Returns: %TRUE when it does
 */
gboolean
jc_record_play_recording_has_data (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->data;
}

/**
 * jc_record_play_recording_get_audio_codec:
 * @self: a recording
 *
 * Gets the audio codec, e.g. "opus".
 *
 * Returns: (nullable): the codec, %NULL without audio
 */
const char *
jc_record_play_recording_get_audio_codec (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->audio_codec;
}

/**
 * jc_record_play_recording_get_video_codec:
 * @self: a recording
 *
 * Gets the video codec, e.g. "vp8".
 *
 * Returns: (nullable): the codec, %NULL without video
 */
const char *
jc_record_play_recording_get_video_codec (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->video_codec;
}

/**
 * jc_record_play_recording_has_audio_red:
 * @self: a recording
 *
 * Tells whether the audio was recorded with RED (`audio_red`).
 *
 * Returns: %TRUE when it was
 */
gboolean
jc_record_play_recording_has_audio_red (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->audio_red;
}

/**
 * jc_record_play_recording_get_json:
 * @self: a recording
 *
 * Gets the entry as Janus sent it, for fields without a getter.
 *
 * Returns: (transfer none): the entry
 */
JsonObject *
jc_record_play_recording_get_json (JcRecordPlayRecording *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

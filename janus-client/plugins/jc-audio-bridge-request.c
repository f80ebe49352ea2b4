/* jc-audio-bridge-request.c: JcAudioBridgeRequest, the fields of a
 * request (the typed results are in jc-audio-bridge-results.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-audio-bridge-private.h"
#include "jc-json-private.h"

/**
 * JcAudioBridgeRequest:
 *
 * The optional fields of an AudioBridge request: typed setters for the
 * common ones of Janus 1.1.2 (`secret`, `pin`, `display`, `muted`, …),
 * [method@AudioBridgeRequest.set_extra] for any other. Fields left unset
 * are not sent; each request reads the ones it knows and Janus ignores
 * the rest (`create` takes `description` and `secret`, `join` takes
 * `display`, `pin` and `muted`, `configure` `muted`, `volume`, …).
 */
/* A JcPluginOptions (jc-plugin-private.h). */

G_DEFINE_BOXED_TYPE (JcAudioBridgeRequest, jc_audio_bridge_request, jc_audio_bridge_request_ref, jc_audio_bridge_request_unref)

/**
 * jc_audio_bridge_request_new:
 *
 * Creates an empty request.
 *
 * Returns: (transfer full): a new request
 */
JcAudioBridgeRequest *
jc_audio_bridge_request_new (void)
{
  return jc_plugin_options_new ();
}

/**
 * jc_audio_bridge_request_ref:
 * @self: a request
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @self
 */
JcAudioBridgeRequest *
jc_audio_bridge_request_ref (JcAudioBridgeRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_plugin_options_ref (self);
}

/**
 * jc_audio_bridge_request_unref:
 * @self: (transfer full): a request
 *
 * Drops a reference.
 */
void
jc_audio_bridge_request_unref (JcAudioBridgeRequest *self)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_unref (self);
}

JsonObject *
jc_audio_bridge_request_peek_body (JcAudioBridgeRequest *self)
{
  return jc_plugin_options_body (self);
}

/**
 * jc_audio_bridge_request_set_secret:
 * @self: a request
 * @secret: (nullable): the room's secret (to edit, destroy, kick, mute,
 *   forward, play), or %NULL to unset
 *
 * Sets `secret`; on `create`, the new room's secret.
 */
void
jc_audio_bridge_request_set_secret (JcAudioBridgeRequest *self, const char *secret)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "secret", secret);
}

/**
 * jc_audio_bridge_request_set_pin:
 * @self: a request
 * @pin: (nullable): the room's pin (to join), or %NULL to unset
 *
 * Sets `pin`; on `create`, the new room's pin.
 */
void
jc_audio_bridge_request_set_pin (JcAudioBridgeRequest *self, const char *pin)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "pin", pin);
}

/**
 * jc_audio_bridge_request_set_token:
 * @self: a request
 * @token: (nullable): an invitation token of the room's `allowed` list
 *
 * Sets `token` (for `join` and `changeroom`).
 */
void
jc_audio_bridge_request_set_token (JcAudioBridgeRequest *self, const char *token)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "token", token);
}

/**
 * jc_audio_bridge_request_set_admin_key:
 * @self: a request
 * @admin_key: (nullable): the plugin's `admin_key`
 *
 * Sets `admin_key`, needed by `create` (and, when the plugin is so
 * configured, by `rtp_forward` and `play_file`) when the plugin has one.
 * It never appears in logs.
 */
void
jc_audio_bridge_request_set_admin_key (JcAudioBridgeRequest *self, const char *admin_key)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "admin_key", admin_key);
}

/**
 * jc_audio_bridge_request_set_description:
 * @self: a request
 * @description: (nullable): the room's description
 *
 * Sets `description` (for `create`).
 */
void
jc_audio_bridge_request_set_description (JcAudioBridgeRequest *self, const char *description)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "description", description);
}

static void
set_bool (JcAudioBridgeRequest *self, const char *member, gboolean value)
{
  json_object_set_boolean_member (jc_plugin_options_body (self), member, value);
}

static void
set_uint (JcAudioBridgeRequest *self, const char *member, guint value)
{
  json_object_set_int_member (jc_plugin_options_body (self), member, value);
}

/**
 * jc_audio_bridge_request_set_permanent:
 * @self: a request
 * @permanent: whether Janus saves the change to its configuration file
 *
 * Sets `permanent` (for `create`, `edit`, `destroy`, `allowed`).
 */
void
jc_audio_bridge_request_set_permanent (JcAudioBridgeRequest *self, gboolean permanent)
{
  g_return_if_fail (self != NULL);
  set_bool (self, "permanent", permanent);
}

/**
 * jc_audio_bridge_request_set_is_private:
 * @self: a request
 * @is_private: whether `list` leaves the room out
 *
 * Sets `is_private` (for `create`).
 */
void
jc_audio_bridge_request_set_is_private (JcAudioBridgeRequest *self, gboolean is_private)
{
  g_return_if_fail (self != NULL);
  set_bool (self, "is_private", is_private);
}

/**
 * jc_audio_bridge_request_set_sampling_rate:
 * @self: a request
 * @sampling_rate: the mixer's rate in Hz (8000, 12000, 16000, 24000 or
 *   48000)
 *
 * Sets `sampling_rate` (for `create`).
 */
void
jc_audio_bridge_request_set_sampling_rate (JcAudioBridgeRequest *self, guint sampling_rate)
{
  g_return_if_fail (self != NULL);
  set_uint (self, "sampling_rate", sampling_rate);
}

/**
 * jc_audio_bridge_request_set_record:
 * @self: a request
 * @record: whether Janus records
 * @filename: (nullable): where: the room's `.wav` on `create`
 *   (`record_file`), the base name of the participant's `.mjr` on `join`
 *   and `configure` (`filename`)
 *
 * Sets `record` and `record_file` and `filename`; each request reads
 * the ones it knows.
 */
void
jc_audio_bridge_request_set_record (JcAudioBridgeRequest *self, gboolean record, const char *filename)
{
  g_return_if_fail (self != NULL);
  set_bool (self, "record", record);
  jc_plugin_options_set_string (self, "record_file", filename);
  jc_plugin_options_set_string (self, "filename", filename);
}

/**
 * jc_audio_bridge_request_set_id:
 * @self: a request
 * @id: (nullable): the participant id to take on `join` or `changeroom`
 *
 * Sets `id`; Janus picks one when unset.
 */
void
jc_audio_bridge_request_set_id (JcAudioBridgeRequest *self, const JcId *id)
{
  g_return_if_fail (self != NULL);
  if (id != NULL)
    jc_plugin_set_id (jc_plugin_options_body (self), "id", id);
  else
    json_object_remove_member (jc_plugin_options_body (self), "id");
}

/**
 * jc_audio_bridge_request_set_display:
 * @self: a request
 * @display: (nullable): the name others see
 *
 * Sets `display` (for `join`, `configure` and `changeroom`).
 */
void
jc_audio_bridge_request_set_display (JcAudioBridgeRequest *self, const char *display)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "display", display);
}

/**
 * jc_audio_bridge_request_set_muted:
 * @self: a request
 * @muted: whether our audio is left out of the mix
 *
 * Sets `muted` (for `join`, `configure` and `changeroom`).
 */
void
jc_audio_bridge_request_set_muted (JcAudioBridgeRequest *self, gboolean muted)
{
  g_return_if_fail (self != NULL);
  set_bool (self, "muted", muted);
}

/**
 * jc_audio_bridge_request_set_volume:
 * @self: a request
 * @volume: a gain in percent (100: unchanged)
 *
 * Sets `volume` (for `join` and `configure`).
 */
void
jc_audio_bridge_request_set_volume (JcAudioBridgeRequest *self, guint volume)
{
  g_return_if_fail (self != NULL);
  set_uint (self, "volume", volume);
}

/**
 * jc_audio_bridge_request_set_bitrate:
 * @self: a request
 * @bitrate: the bitrate of the Opus stream Janus sends us, in bps (0:
 *   libopus decides)
 *
 * Sets `bitrate` (for `join`, `configure` and `changeroom`).
 */
void
jc_audio_bridge_request_set_bitrate (JcAudioBridgeRequest *self, guint bitrate)
{
  g_return_if_fail (self != NULL);
  set_uint (self, "bitrate", bitrate);
}

/**
 * jc_audio_bridge_request_set_quality:
 * @self: a request
 * @quality: the Opus encoder's complexity, 1 to 10
 *
 * Sets `quality` (for `join`, `configure` and `changeroom`).
 */
void
jc_audio_bridge_request_set_quality (JcAudioBridgeRequest *self, guint quality)
{
  g_return_if_fail (self != NULL);
  set_uint (self, "quality", quality);
}

/**
 * jc_audio_bridge_request_set_group:
 * @self: a request
 * @group: (nullable): a group of the room (for forwarders)
 *
 * Sets `group` (for `join`, `configure`, `rtp_forward`, `play_file`).
 */
void
jc_audio_bridge_request_set_group (JcAudioBridgeRequest *self, const char *group)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "group", group);
}

/**
 * jc_audio_bridge_request_set_extra:
 * @self: a request
 * @name: a member name
 * @value: its value (copied)
 *
 * Sets any other member, e.g. `new_description` for `edit` or
 * `spatial_position` for `configure`.
 */
void
jc_audio_bridge_request_set_extra (JcAudioBridgeRequest *self, const char *name, JsonNode *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  jc_plugin_options_set_extra (self, name, value);
}

/**
 * jc_audio_bridge_request_to_json:
 * @self: a request
 *
 * Gets the fields set so far.
 *
 * Returns: (transfer full): a copy of the fields
 */
JsonObject *
jc_audio_bridge_request_to_json (JcAudioBridgeRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_json_object_copy (jc_plugin_options_body (self));
}

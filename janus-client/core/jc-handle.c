/* jc-handle.c: a handle on a Janus plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-handle-private.h"
#include "jc-json-private.h"
#include "jc-session-private.h"

/**
 * JcHandle:
 *
 * A handle on a Janus plugin, attached with [method@Session.attach_async].
 *
 * [method@Handle.send_async] sends any message to the plugin and completes
 * with the plugin's data: from the synchronous `success`, or from the
 * `event` that follows Janus's `ack` for asynchronous requests. A reply
 * carrying `error_code` fails with [error@PluginError]. Events the plugin
 * sends on its own arrive as [signal@Handle::event]; the core's
 * notifications as [signal@Handle::webrtcup], [signal@Handle::media],
 * [signal@Handle::slowlink], [signal@Handle::hangup],
 * [signal@Handle::trickle], [signal@Handle::ice-failed] and
 * [signal@Handle::detached].
 *
 * Plugin classes derive from it and override the class handlers.
 *
 * ```c
 * static void
 * on_reply (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr (GError) error = NULL;
 *   g_autoptr (JsonObject) jsep = NULL;
 *   g_autoptr (JsonObject) data = jc_handle_send_finish (JC_HANDLE (source), result, &jsep, &error);
 *
 *   if (data == NULL)
 *     g_printerr ("%s\n", error->message);
 * }
 *
 * g_autoptr (JsonObject) body = json_object_new ();
 * json_object_set_boolean_member (body, "audio", TRUE);
 * jc_handle_send_async (handle, body, NULL, JC_TIMEOUT_DEFAULT, NULL, on_reply, NULL);
 * ```
 */

typedef struct
{
  JcSession *session; /* (owned) */
  guint64 id;
  char *plugin;    /* (owned) */
  char *opaque_id; /* (owned) (nullable) */
  gboolean attached;
} JcHandlePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (JcHandle, jc_handle, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_ID,
  PROP_PLUGIN,
  PROP_OPAQUE_ID,
  PROP_ATTACHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_EVENT,
  SIGNAL_WEBRTCUP,
  SIGNAL_MEDIA,
  SIGNAL_SLOWLINK,
  SIGNAL_HANGUP,
  SIGNAL_DETACHED,
  SIGNAL_TRICKLE,
  SIGNAL_ICE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
jc_handle_dispose (GObject *object)
{
  JcHandle *self = JC_HANDLE (object);
  JcHandlePrivate *priv = jc_handle_get_instance_private (self);

  if (priv->session != NULL)
    {
      jc_session_remove_handle (priv->session, priv->id);
      g_clear_object (&priv->session);
    }

  G_OBJECT_CLASS (jc_handle_parent_class)->dispose (object);
}

static void
jc_handle_finalize (GObject *object)
{
  JcHandle *self = JC_HANDLE (object);
  JcHandlePrivate *priv = jc_handle_get_instance_private (self);

  g_free (priv->plugin);
  g_free (priv->opaque_id);

  G_OBJECT_CLASS (jc_handle_parent_class)->finalize (object);
}

static void
jc_handle_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcHandle *self = JC_HANDLE (object);
  JcHandlePrivate *priv = jc_handle_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    case PROP_ID:
      g_value_set_uint64 (value, priv->id);
      break;
    case PROP_PLUGIN:
      g_value_set_string (value, priv->plugin);
      break;
    case PROP_OPAQUE_ID:
      g_value_set_string (value, priv->opaque_id);
      break;
    case PROP_ATTACHED:
      g_value_set_boolean (value, priv->attached);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_handle_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  JcHandle *self = JC_HANDLE (object);
  JcHandlePrivate *priv = jc_handle_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    case PROP_ID:
      priv->id = g_value_get_uint64 (value);
      break;
    case PROP_PLUGIN:
      priv->plugin = g_value_dup_string (value);
      break;
    case PROP_OPAQUE_ID:
      priv->opaque_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_handle_class_init (JcHandleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jc_handle_dispose;
  object_class->finalize = jc_handle_finalize;
  object_class->get_property = jc_handle_get_property;
  object_class->set_property = jc_handle_set_property;

  /**
   * JcHandle:session:
   *
   * The session the handle belongs to.
   */
  properties[PROP_SESSION] =
      g_param_spec_object ("session", NULL, NULL, JC_TYPE_SESSION,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcHandle:id:
   *
   * The handle's id on the server.
   */
  properties[PROP_ID] =
      g_param_spec_uint64 ("id", NULL, NULL, 0, G_MAXUINT64, 0,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcHandle:plugin:
   *
   * The plugin's package name, e.g. `janus.plugin.echotest`.
   */
  properties[PROP_PLUGIN] =
      g_param_spec_string ("plugin", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcHandle:opaque-id:
   *
   * The opaque id given when attaching.
   */
  properties[PROP_OPAQUE_ID] =
      g_param_spec_string ("opaque-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JcHandle:attached:
   *
   * %FALSE once the handle is detached.
   */
  properties[PROP_ATTACHED] =
      g_param_spec_boolean ("attached", NULL, NULL, TRUE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcHandle::event:
   * @self: the handle
   * @data: the plugin's data
   * @jsep: (nullable): the JSEP (an offer or answer) that came with it
   *
   * Emitted in the client's main context for each event the plugin sends
   * that does not answer a pending [method@Handle.send_async].
   */
  signals[SIGNAL_EVENT] =
      g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcHandleClass, event), NULL, NULL, NULL,
                    G_TYPE_NONE, 2, JSON_TYPE_OBJECT, JSON_TYPE_OBJECT);

  /**
   * JcHandle::webrtcup:
   * @self: the handle
   *
   * Emitted when Janus's PeerConnection for this handle is up (ICE and
   * DTLS done).
   */
  signals[SIGNAL_WEBRTCUP] =
      g_signal_new ("webrtcup", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcHandleClass, webrtcup), NULL, NULL, NULL,
                    G_TYPE_NONE, 0);

  /**
   * JcHandle::media:
   * @self: the handle
   * @type: `audio` or `video`
   * @mid: (nullable): the stream's mid
   * @receiving: whether Janus receives this stream (again), or stopped
   *
   * Emitted when Janus starts or stops receiving a stream from us.
   */
  signals[SIGNAL_MEDIA] =
      g_signal_new ("media", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcHandleClass, media), NULL, NULL, NULL,
                    G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);

  /**
   * JcHandle::slowlink:
   * @self: the handle
   * @media: `audio` or `video`
   * @mid: (nullable): the stream's mid
   * @uplink: Janus's `uplink`, from its own side: %FALSE when Janus is
   *   missing packets we sent (our upload is lossy), %TRUE when we asked
   *   again for packets Janus sent us (our download is lossy)
   * @lost: packets lost in the last second
   *
   * Emitted when Janus sees many NACKs on a stream.
   */
  signals[SIGNAL_SLOWLINK] =
      g_signal_new ("slowlink", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcHandleClass, slowlink), NULL, NULL, NULL,
                    G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN, G_TYPE_UINT);

  /**
   * JcHandle::hangup:
   * @self: the handle
   * @reason: (nullable): the reason Janus gave
   *
   * Emitted when Janus closed the PeerConnection of this handle.
   */
  signals[SIGNAL_HANGUP] =
      g_signal_new ("hangup", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcHandleClass, hangup), NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * JcHandle::detached:
   * @self: the handle
   *
   * Emitted once when the handle is detached: on Janus's notification,
   * after [method@Handle.detach_async], or when its session died.
   */
  signals[SIGNAL_DETACHED] =
      g_signal_new ("detached", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcHandleClass, detached), NULL, NULL, NULL,
                    G_TYPE_NONE, 0);

  /**
   * JcHandle::trickle:
   * @self: the handle
   * @candidate: a candidate object (`candidate`, `sdpMid`,
   *   `sdpMLineIndex`) or `{"completed": true}` at the end
   *
   * Emitted for each ICE candidate Janus trickles to us.
   */
  signals[SIGNAL_TRICKLE] =
      g_signal_new ("trickle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcHandleClass, trickle), NULL, NULL, NULL,
                    G_TYPE_NONE, 1, JSON_TYPE_OBJECT);

  /**
   * JcHandle::ice-failed:
   * @self: the handle
   *
   * Emitted when Janus reports that ICE failed on this handle.
   */
  signals[SIGNAL_ICE_FAILED] =
      g_signal_new ("ice-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    G_STRUCT_OFFSET (JcHandleClass, ice_failed), NULL, NULL, NULL,
                    G_TYPE_NONE, 0);
}

static void
jc_handle_init (JcHandle *self)
{
  JcHandlePrivate *priv = jc_handle_get_instance_private (self);

  priv->attached = TRUE;
}

/**
 * jc_handle_get_session:
 * @self: a handle
 *
 * Gets (transfer none): the handle's session.
 *
 * Returns: (transfer none): the handle's session
 */
JcSession *
jc_handle_get_session (JcHandle *self)
{
  JcHandlePrivate *priv;

  g_return_val_if_fail (JC_IS_HANDLE (self), NULL);

  priv = jc_handle_get_instance_private (self);
  return priv->session;
}

/**
 * jc_handle_get_id:
 * @self: a handle
 *
 * Gets the handle's id on the server.
 *
 * Returns: the handle's id on the server
 */
guint64
jc_handle_get_id (JcHandle *self)
{
  JcHandlePrivate *priv;

  g_return_val_if_fail (JC_IS_HANDLE (self), 0);

  priv = jc_handle_get_instance_private (self);
  return priv->id;
}

/**
 * jc_handle_get_plugin:
 * @self: a handle
 *
 * Gets (transfer none): the plugin's package name.
 *
 * Returns: (transfer none): the plugin's package name
 */
const char *
jc_handle_get_plugin (JcHandle *self)
{
  JcHandlePrivate *priv;

  g_return_val_if_fail (JC_IS_HANDLE (self), NULL);

  priv = jc_handle_get_instance_private (self);
  return priv->plugin;
}

/**
 * jc_handle_get_opaque_id:
 * @self: a handle
 *
 * Gets (nullable): the opaque id given when attaching.
 *
 * Returns: (transfer none) (nullable): the opaque id given when attaching
 */
const char *
jc_handle_get_opaque_id (JcHandle *self)
{
  JcHandlePrivate *priv;

  g_return_val_if_fail (JC_IS_HANDLE (self), NULL);

  priv = jc_handle_get_instance_private (self);
  return priv->opaque_id;
}

/**
 * jc_handle_is_attached:
 * @self: a handle
 *
 * Tells %FALSE once the handle is detached.
 *
 * Returns: %FALSE once the handle is detached
 */
gboolean
jc_handle_is_attached (JcHandle *self)
{
  JcHandlePrivate *priv;

  g_return_val_if_fail (JC_IS_HANDLE (self), FALSE);

  priv = jc_handle_get_instance_private (self);
  return priv->attached;
}

void
jc_handle_mark_detached (JcHandle *self)
{
  JcHandlePrivate *priv = jc_handle_get_instance_private (self);

  if (!priv->attached)
    return;
  priv->attached = FALSE;
  if (priv->session != NULL)
    jc_session_remove_handle (priv->session, priv->id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTACHED]);
  g_signal_emit (self, signals[SIGNAL_DETACHED], 0);
}

JsonObject *
jc_handle_parse_plugin_reply (JcHandle *self, JsonObject *reply, JsonObject **out_jsep, GError **error)
{
  JcHandlePrivate *priv = jc_handle_get_instance_private (self);
  JsonObject *plugindata;
  JsonObject *data;
  JsonObject *jsep;
  gint64 code = 0;

  if (!jc_json_get_object (reply, "plugindata", &plugindata, error) ||
      !jc_json_get_object (plugindata, "data", &data, error))
    {
      g_prefix_error (error, "Reply from %s: ", priv->plugin);
      return NULL;
    }
  if (json_object_has_member (data, "error_code"))
    {
      const char *text = jc_json_lookup_string (data, "error");

      if (!jc_json_lookup_int (data, "error_code", &code) || code <= 0 || code > G_MAXINT)
        {
          jc_set_protocol_error (error, "%s answered with an invalid error_code%s%s", priv->plugin,
                                 text != NULL ? ": " : "", text != NULL ? text : "");
          return NULL;
        }
      g_set_error (error, JC_PLUGIN_ERROR, (int) code, "%s answered %d (%s)", priv->plugin, (int) code,
                   text != NULL ? text : "no reason given");
      return NULL;
    }
  jsep = jc_json_lookup_object (reply, "jsep");
  if (out_jsep != NULL)
    *out_jsep = jsep != NULL ? json_object_ref (jsep) : NULL;
  return json_object_ref (data);
}

void
jc_handle_dispatch (JcHandle *self, const char *janus, JsonObject *message)
{
  JcHandlePrivate *priv = jc_handle_get_instance_private (self);

  if (g_str_equal (janus, "event"))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonObject) jsep = NULL;
      g_autoptr (JsonObject) data = NULL;
      JsonObject *plugindata;

      /* An event carrying an error_code is still an event: hand it over. */
      if (!jc_json_get_object (message, "plugindata", &plugindata, &error) ||
          !jc_json_get_object (plugindata, "data", &data, &error))
        {
          g_debug ("Dropping an event for handle %" G_GUINT64_FORMAT ": %s", priv->id, error->message);
          return;
        }
      data = json_object_ref (data);
      jsep = jc_json_lookup_object (message, "jsep");
      if (jsep != NULL)
        json_object_ref (jsep);
      g_signal_emit (self, signals[SIGNAL_EVENT], 0, data, jsep);
    }
  else if (g_str_equal (janus, "webrtcup"))
    {
      g_signal_emit (self, signals[SIGNAL_WEBRTCUP], 0);
    }
  else if (g_str_equal (janus, "media"))
    {
      const char *type = jc_json_lookup_string (message, "type");
      gboolean receiving = FALSE;

      if (type == NULL || !jc_json_lookup_bool (message, "receiving", &receiving))
        {
          g_debug ("Dropping a media event without type or receiving");
          return;
        }
      g_signal_emit (self, signals[SIGNAL_MEDIA], 0, type, jc_json_lookup_string (message, "mid"), receiving);
    }
  else if (g_str_equal (janus, "slowlink"))
    {
      gboolean uplink = FALSE;
      gint64 lost = 0;

      jc_json_lookup_bool (message, "uplink", &uplink);
      if (!jc_json_lookup_int (message, "lost", &lost) || lost < 0 || lost > G_MAXUINT)
        lost = 0;
      g_signal_emit (self, signals[SIGNAL_SLOWLINK], 0, jc_json_lookup_string (message, "media"),
                     jc_json_lookup_string (message, "mid"), uplink, (guint) lost);
    }
  else if (g_str_equal (janus, "hangup"))
    {
      const char *reason = jc_json_lookup_string (message, "reason");

      g_signal_emit (self, signals[SIGNAL_HANGUP], 0, reason);
      if (reason != NULL && g_ascii_strcasecmp (reason, "ICE failed") == 0)
        g_signal_emit (self, signals[SIGNAL_ICE_FAILED], 0);
    }
  else if (g_str_equal (janus, "ice-failed"))
    {
      g_signal_emit (self, signals[SIGNAL_ICE_FAILED], 0);
    }
  else if (g_str_equal (janus, "detached"))
    {
      jc_handle_mark_detached (self);
    }
  else if (g_str_equal (janus, "trickle"))
    {
      JsonObject *candidate = jc_json_lookup_object (message, "candidate");

      if (candidate == NULL)
        {
          g_debug ("Dropping a trickle without a candidate object");
          return;
        }
      g_signal_emit (self, signals[SIGNAL_TRICKLE], 0, candidate);
    }
  else
    {
      g_debug ("Dropping an unknown “%s” for handle %" G_GUINT64_FORMAT, janus, priv->id);
    }
}

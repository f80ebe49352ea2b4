/* jc-video-call.c: the VideoCall plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-enum-types.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-session-private.h"
#include "jc-video-call-private.h"

/**
 * JcVideoCall:
 *
 * A handle on the VideoCall plugin: register a username, call another
 * user or answer their call, change the call's settings, hang up.
 *
 * Every request of Janus 1.1.2 is an async call that completes with the
 * plugin's answer (an error carries the plugin's code in the
 * [error@PluginError] domain, e.g.
 * %JC_VIDEO_CALL_ERROR_NO_SUCH_USERNAME). What Janus tells unasked comes
 * as signals, all in the handle's main context:
 * [signal@VideoCall::incoming-call], [signal@VideoCall::accepted],
 * [signal@VideoCall::updated], [signal@VideoCall::hung-up] (once per
 * call, however many hangups Janus sends), [signal@VideoCall::simulcast],
 * [signal@VideoCall::slow-link] and [signal@VideoCall::error].
 *
 * With a [class@Peer] set ([method@VideoCall.set_peer]), the handle
 * drives it: `call` creates the offer, `accept` answers Janus's offer,
 * the callee's answer and renegotiations are applied as they come. Signal
 * handlers run in the main context, so answering a call from the
 * incoming-call handler is just starting the async accept:
 *
 * ```c
 * static void
 * on_incoming_call (JcVideoCall *call, const char *caller, JsonObject *offer, gpointer user_data)
 * {
 *   g_print ("%s calls\n", caller);
 *   jc_video_call_accept_async (call, NULL, NULL, on_accepted, user_data);
 * }
 *
 * jc_video_call_set_peer (call, peer);
 * g_signal_connect (call, "incoming-call", G_CALLBACK (on_incoming_call), NULL);
 * jc_video_call_register_async (call, "bob", NULL, on_registered, NULL);
 * ```
 */

G_DEFINE_FINAL_TYPE (JcVideoCall, jc_video_call, JC_TYPE_PLUGIN_HANDLE)

enum
{
  PROP_0,
  PROP_STATE,
  PROP_USERNAME,
  PROP_PEER_USERNAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint jc_video_call_signals[VC_N_SIGNALS];

const JcPluginSpec jc_video_call_spec = { "videocall", "VideoCall" };

static const char *const jc_video_call_expect_event[] = { "event", NULL };

static void
jc_video_call_finalize (GObject *object)
{
  JcVideoCall *self = JC_VIDEO_CALL (object);

  g_free (self->username);
  g_free (self->peer_username);
  g_clear_pointer (&self->incoming_offer, json_object_unref);
  G_OBJECT_CLASS (jc_video_call_parent_class)->finalize (object);
}

static void
jc_video_call_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcVideoCall *self = JC_VIDEO_CALL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_PEER_USERNAME:
      g_value_set_string (value, self->peer_username);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_video_call_event (JcHandle *handle, JsonObject *data, JsonObject *jsep)
{
  jc_video_call_dispatch_event (JC_VIDEO_CALL (handle), data, jsep);
  if (JC_HANDLE_CLASS (jc_video_call_parent_class)->event != NULL)
    JC_HANDLE_CLASS (jc_video_call_parent_class)->event (handle, data, jsep);
}

static void
jc_video_call_class_init (JcVideoCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType json_type = JSON_TYPE_OBJECT | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->finalize = jc_video_call_finalize;
  object_class->get_property = jc_video_call_get_property;
  JC_HANDLE_CLASS (klass)->event = jc_video_call_event;

  /**
   * JcVideoCall:state:
   *
   * Where the call stands.
   */
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, JC_TYPE_VIDEO_CALL_STATE, JC_VIDEO_CALL_STATE_IDLE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JcVideoCall:username:
   *
   * The username this handle registered, or %NULL.
   */
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * JcVideoCall:peer-username:
   *
   * The other side of the current (or last) call, or %NULL.
   */
  properties[PROP_PEER_USERNAME] = g_param_spec_string ("peer-username", NULL, NULL, NULL,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcVideoCall::registered:
   * @self: the handle
   * @username: the username now ours
   *
   * Emitted when `register` succeeded, before the call completes.
   */
  jc_video_call_signals[VC_SIGNAL_REGISTERED] = g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                              NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * JcVideoCall::calling:
   * @self: the handle
   * @username: the user we call
   *
   * Emitted when Janus rings the other side (the `calling` event), before
   * [method@VideoCall.call_async] completes.
   */
  jc_video_call_signals[VC_SIGNAL_CALLING] = g_signal_new ("calling", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * JcVideoCall::incoming-call:
   * @self: the handle
   * @username: the caller
   * @offer: Janus's offer (the caller's, rewritten by Janus)
   *
   * Emitted when someone calls us. Answer with
   * [method@VideoCall.accept_async] (without an answer when a peer is
   * set: it answers @offer) or decline with
   * [method@VideoCall.hangup_call_async].
   */
  jc_video_call_signals[VC_SIGNAL_INCOMING_CALL] = g_signal_new ("incoming-call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, json_type);
  /**
   * JcVideoCall::accepted:
   * @self: the handle
   * @username: (nullable): the other side
   * @answer: (nullable): the callee's answer, on the caller's side
   *
   * Emitted when the call was accepted: on the caller's side with the
   * answer (already being applied to the peer, if set), on the callee's
   * when its `accept` succeeded.
   */
  jc_video_call_signals[VC_SIGNAL_ACCEPTED] = g_signal_new ("accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                            NULL, G_TYPE_NONE, 2, G_TYPE_STRING, json_type);
  /**
   * JcVideoCall::updated:
   * @self: the handle
   * @jsep: the other side's renegotiation offer, or its answer to ours
   *
   * Emitted for the `update` event. With a peer set, an offer is answered
   * (through `set`) and an answer applied.
   */
  jc_video_call_signals[VC_SIGNAL_UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 1, json_type);
  /**
   * JcVideoCall::configured:
   * @self: the handle
   *
   * Emitted when a `set` request succeeded (the `set` event).
   */
  jc_video_call_signals[VC_SIGNAL_CONFIGURED] = g_signal_new ("configured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                              NULL, NULL, G_TYPE_NONE, 0);
  /**
   * JcVideoCall::hung-up:
   * @self: the handle
   * @username: (nullable): who hung up, when Janus says
   * @reason: (nullable): why, e.g. "Explicit hangup", "Remote WebRTC
   *   hangup", "User busy"
   *
   * Emitted once when the call ended (or was declined or cancelled),
   * whichever side ended it.
   */
  jc_video_call_signals[VC_SIGNAL_HUNG_UP] = g_signal_new ("hung-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                           NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * JcVideoCall::simulcast:
   * @self: the handle
   * @video_codec: (nullable): the codec
   * @substream: the substream we now receive, or -1 when unchanged
   * @temporal: the temporal layer we now receive, or -1 when unchanged
   *
   * Emitted when the simulcast layer we receive changed.
   */
  jc_video_call_signals[VC_SIGNAL_SIMULCAST] = g_signal_new ("simulcast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                             NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
  /**
   * JcVideoCall::slow-link:
   * @self: the handle
   * @media: (nullable): "audio" or "video"
   * @current_bitrate: the bitrate cap in force (video), 0 when none
   *
   * Emitted when Janus sees many packets lost on what it sends us (the
   * plugin's `slow_link` event): a hint to lower the other side's bitrate.
   */
  jc_video_call_signals[VC_SIGNAL_SLOW_LINK] = g_signal_new ("slow-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                             NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
  /**
   * JcVideoCall::error:
   * @self: the handle
   * @error: an error event of the plugin ([error@PluginError] with its
   *   code), what failed while driving the peer, or %JC_ERROR_PROTOCOL
   *   naming what was wrong with a malformed event (which was dropped)
   *
   * Emitted for errors no request of ours is waiting for.
   */
  jc_video_call_signals[VC_SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                         G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
jc_video_call_init (JcVideoCall *self)
{
}

/**
 * jc_video_call_attach_async:
 * @session: a session
 * @opaque_id: (nullable): an opaque id for the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the handle
 * @user_data: data for @callback
 *
 * Attaches a new handle to the VideoCall plugin: one per user.
 */
void
jc_video_call_attach_async (JcSession *session,
                            const char *opaque_id,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (JC_IS_SESSION (session));

  jc_plugin_attach (session, JC_TYPE_VIDEO_CALL, JC_VIDEO_CALL_PLUGIN, opaque_id, jc_video_call_attach_async, "jc_video_call_attach_async", cancellable, callback,
                    user_data);
}

/**
 * jc_video_call_attach_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [func@VideoCall.attach_async].
 *
 * Returns: (transfer full): the new VideoCall handle
 */
JcVideoCall *
jc_video_call_attach_finish (GAsyncResult *result, GError **error)
{
  return jc_plugin_attach_finish (result, jc_video_call_attach_async, error);
}

/**
 * jc_video_call_set_peer:
 * @self: a VideoCall handle
 * @peer: (nullable): the PeerConnection of this handle
 *
 * Lets the handle drive @peer: offers for `call`, answers for `accept`
 * and renegotiations, the callee's answer applied when it comes.
 */
void
jc_video_call_set_peer (JcVideoCall *self, JcPeer *peer)
{
  g_return_if_fail (JC_IS_VIDEO_CALL (self));
  g_return_if_fail (peer == NULL || JC_IS_PEER (peer));

  jc_plugin_handle_set_peer (JC_PLUGIN_HANDLE (self), peer);
}

/**
 * jc_video_call_get_peer:
 * @self: a VideoCall handle
 *
 * Gets the peer set with [method@VideoCall.set_peer].
 *
 * Returns: (transfer none) (nullable): the peer
 */
JcPeer *
jc_video_call_get_peer (JcVideoCall *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_CALL (self), NULL);
  return JC_PLUGIN_PEER (self);
}

/**
 * jc_video_call_get_username:
 * @self: a VideoCall handle
 *
 * Gets the username this handle registered.
 *
 * Returns: (nullable): the username, or %NULL before registering
 */
const char *
jc_video_call_get_username (JcVideoCall *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_CALL (self), NULL);
  return self->username;
}

/**
 * jc_video_call_get_peer_username:
 * @self: a VideoCall handle
 *
 * Gets the other side of the current or last call.
 *
 * Returns: (nullable): the username, or %NULL before any call
 */
const char *
jc_video_call_get_peer_username (JcVideoCall *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_CALL (self), NULL);
  return self->peer_username;
}

/**
 * jc_video_call_get_state:
 * @self: a VideoCall handle
 *
 * Gets where the call stands.
 *
 * Returns: the state
 */
JcVideoCallState
jc_video_call_get_state (JcVideoCall *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_CALL (self), JC_VIDEO_CALL_STATE_IDLE);
  return self->state;
}

/* Requests */

JsonObject *
jc_video_call_reply_result (JsonObject *data, const char *event, const char *request, GError **error)
{
  JsonObject *result = jc_json_lookup_object (data, "result");
  const char *what = result != NULL ? jc_json_lookup_string (result, "event") : NULL;

  if (result == NULL)
    {
      jc_set_protocol_error (error, "VideoCall answered %s with no “result” object", request);
      return NULL;
    }
  if (event != NULL && g_strcmp0 (what, event) != 0)
    {
      jc_set_protocol_error (error, "VideoCall answered “%s” to %s (want “%s”)", what != NULL ? what : "nothing", request, event);
      return NULL;
    }
  return result;
}

void
jc_video_call_send (JcVideoCall *self,
                    JsonObject *body,
                    JsonObject *jsep,
                    JcPluginReplyHook hook,
                    gpointer source_tag,
                    const char *name,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data)
{
  jc_plugin_send (JC_HANDLE (self), &jc_video_call_spec, body, jsep, jc_video_call_expect_event, hook, source_tag, name, cancellable,
                  callback, user_data);
}

/**
 * jc_video_call_list_async:
 * @self: a VideoCall handle
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the registered usernames
 * @user_data: data for @callback
 *
 * Lists the usernames registered with the plugin.
 */
void
jc_video_call_list_async (JcVideoCall *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (JC_IS_VIDEO_CALL (self));

  jc_video_call_send (self, jc_plugin_body_new ("list", NULL, NULL), NULL, NULL, jc_video_call_list_async,
                      "jc_video_call_list_async", cancellable, callback, user_data);
}

/**
 * jc_video_call_list_finish:
 * @self: a VideoCall handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoCall.list_async]. A list whose entries are not
 * all strings is a %JC_ERROR_PROTOCOL error.
 *
 * Returns: (transfer full) (array zero-terminated=1): the usernames
 */
GStrv
jc_video_call_list_finish (JcVideoCall *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_video_call_list_async, NULL, error);
  g_autoptr (GStrvBuilder) builder = NULL;
  JsonObject *res;
  JsonArray *list;

  if (data == NULL)
    return NULL;
  if ((res = jc_video_call_reply_result (data, NULL, "list", error)) == NULL)
    return NULL;
  if ((list = jc_json_lookup_array (res, "list")) == NULL)
    {
      jc_set_protocol_error (error, "VideoCall answered list with no “list” array");
      return NULL;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          jc_set_protocol_error (error, "VideoCall answered list with entry %u not a username", i);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

static void
registered_hook (gpointer source, GTask *task, JsonObject *data, JsonObject *jsep)
{
  JcVideoCall *self = source;
  GError *error = NULL;
  JsonObject *result = jc_video_call_reply_result (data, "registered", "register", &error);
  const char *username = result != NULL ? jc_json_lookup_string (result, "username") : NULL;

  if (result != NULL && username == NULL)
    jc_set_protocol_error (&error, "VideoCall answered register with no “username”");
  if (error != NULL)
    {
      jc_plugin_fail_task (task, error);
      return;
    }
  g_free (self->username);
  self->username = g_strdup (username);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
  g_signal_emit (self, jc_video_call_signals[VC_SIGNAL_REGISTERED], 0, self->username);
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_video_call_register_async:
 * @self: a VideoCall handle
 * @username: the username to take
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once registered
 * @user_data: data for @callback
 *
 * Registers @username, first come first served: a taken one fails with
 * %JC_VIDEO_CALL_ERROR_USERNAME_TAKEN, a second registration on the same
 * handle with %JC_VIDEO_CALL_ERROR_ALREADY_REGISTERED. Janus has no
 * unregister: detach the handle to free the name.
 */
void
jc_video_call_register_async (JcVideoCall *self,
                              const char *username,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  JsonObject *body;

  g_return_if_fail (JC_IS_VIDEO_CALL (self));
  g_return_if_fail (username != NULL);

  body = jc_plugin_body_new ("register", NULL, NULL);
  json_object_set_string_member (body, "username", username);
  jc_video_call_send (self, body, NULL, registered_hook, jc_video_call_register_async, "jc_video_call_register_async",
                      cancellable, callback, user_data);
}

/**
 * jc_video_call_register_finish:
 * @self: a VideoCall handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@VideoCall.register_async].
 *
 * Returns: %TRUE once registered
 */
gboolean
jc_video_call_register_finish (JcVideoCall *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, jc_video_call_register_async, error);
}

/* jc-data-channel.c: one WebRTC data channel of a JcPeer (the peer's
 * side of its data channels is jc-peer-data.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gst/webrtc/webrtc.h>
#include <string.h>

#include "jc-data-channel-private.h"
#include "jc-enum-types.h"
#include "jc-error.h"

/**
 * JcDataChannel:
 *
 * One WebRTC data channel of a [class@Peer]: text and binary messages
 * over the PeerConnection's SCTP association, as TextRoom uses, and as
 * EchoTest echoes.
 *
 * Create one with [method@Peer.create_data_channel] before negotiating
 * (the offer or answer then carries an `m=application` line), or later;
 * channels Janus opens arrive through [signal@Peer::data-channel].
 * Messages sent before the channel is open wait in a queue and go out in
 * order once it opens: Janus silently drops what arrives earlier.
 *
 * Every signal is emitted in the peer's main context (the thread-default
 * one when the peer was created); webrtcbin's threads never touch the
 * channel. Like the peer, a channel is not thread-safe.
 *
 * ```c
 * g_autoptr (JcDataChannel) channel = jc_peer_create_data_channel (peer, "chat", &error);
 * g_signal_connect (channel, "message", G_CALLBACK (on_message), NULL);
 * jc_data_channel_send_text (channel, "hello", &error); // sent once open
 * jc_peer_create_offer_async (peer, NULL, on_offer, NULL);
 * ```
 */

#define CLOSE_TIMEOUT_MS 1000

typedef struct
{
  char *text;   /* (owned) (nullable) a text message */
  GBytes *data; /* (owned) (nullable) a binary message */
} Pending;

struct _JcDataChannel
{
  GObject parent_instance;

  GstWebRTCDataChannel *channel; /* (owned) (nullable) until detached */
  ChannelBridge *bridge;         /* (owned) (nullable) atomic rc box */
  char *label;                   /* (owned) (nullable) */
  JcDataChannelState state;
  GQueue pending;       /* (owned) Pending, sent in order on open */
  GSource *close_timer; /* (owned) (nullable) while closing */
};

G_DEFINE_FINAL_TYPE (JcDataChannel, jc_data_channel, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OPEN,
  SIGNAL_MESSAGE,
  SIGNAL_DATA,
  SIGNAL_CLOSED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
guint jc_peer_data_channel_signal;

ChannelBridge *
jc_data_channel_bridge_new (PeerBridge *peer)
{
  ChannelBridge *cb = g_atomic_rc_box_new0 (ChannelBridge);

  g_weak_ref_init (&cb->channel, NULL);
  cb->peer = g_atomic_rc_box_acquire (peer);
  return cb;
}

static void
channel_bridge_clear (ChannelBridge *cb)
{
  g_weak_ref_clear (&cb->channel);
  jc_peer_bridge_unref (cb->peer);
}

void
jc_data_channel_bridge_unref (gpointer cb)
{
  g_atomic_rc_box_release_full (cb, (GDestroyNotify) channel_bridge_clear);
}

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_free (p->text);
  g_clear_pointer (&p->data, g_bytes_unref);
  g_free (p);
}

/* State changes, in the peer's context */

static void
set_state (JcDataChannel *self, JcDataChannelState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Stops listening to webrtcbin's channel and lets it go. */
void
jc_data_channel_detach (JcDataChannel *self)
{
  if (self->channel == NULL)
    return;
  g_signal_handlers_disconnect_matched (self->channel, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self->bridge);
  g_clear_object (&self->channel);
}

void
jc_data_channel_mark_closed (JcDataChannel *self, gboolean emit)
{
  if (self->state == JC_DATA_CHANNEL_STATE_CLOSED)
    return;
  g_queue_clear_full (&self->pending, pending_free);
  if (self->close_timer != NULL)
    {
      g_source_destroy (self->close_timer);
      g_clear_pointer (&self->close_timer, g_source_unref);
    }
  if (!emit)
    {
      self->state = JC_DATA_CHANNEL_STATE_CLOSED;
      return;
    }
  g_debug ("Data channel “%s” closed", self->label);
  set_state (self, JC_DATA_CHANNEL_STATE_CLOSED);
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static JcDataChannelState
gst_ready_state (JcDataChannel *self)
{
  GstWebRTCDataChannelState state = GST_WEBRTC_DATA_CHANNEL_STATE_CLOSED;

  if (self->channel != NULL)
    g_object_get (self->channel, "ready-state", &state, NULL);
  switch (state)
    {
    case GST_WEBRTC_DATA_CHANNEL_STATE_OPEN:
      return JC_DATA_CHANNEL_STATE_OPEN;
    case GST_WEBRTC_DATA_CHANNEL_STATE_CLOSING:
      return JC_DATA_CHANNEL_STATE_CLOSING;
    case GST_WEBRTC_DATA_CHANNEL_STATE_CLOSED:
      return JC_DATA_CHANNEL_STATE_CLOSED;
    default:
      /* webrtcbin 1.22 starts at 0, before CONNECTING. */
      return JC_DATA_CHANNEL_STATE_CONNECTING;
    }
}

/* Sends one message now; the channel is open on our side. */
static gboolean
send_now (JcDataChannel *self, Pending *p, GError **error)
{
  g_autoptr (GError) gst_error = NULL;
  gboolean ok;

  /* webrtcbin may be closing it already (our state follows in a hop);
   * sending then would only fail. */
  if (gst_ready_state (self) != JC_DATA_CHANNEL_STATE_OPEN)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_CLOSED, "Data channel “%s” is closing", self->label);
      return FALSE;
    }
  if (p->data != NULL)
    ok = gst_webrtc_data_channel_send_data_full (self->channel, p->data, &gst_error);
  else
    ok = gst_webrtc_data_channel_send_string_full (self->channel, p->text, &gst_error);
  if (!ok)
    {
      gboolean closed = gst_error != NULL && g_error_matches (gst_error, GST_WEBRTC_ERROR, GST_WEBRTC_ERROR_INVALID_STATE);

      g_set_error (error, JC_ERROR, closed ? JC_ERROR_CLOSED : JC_ERROR_MEDIA, "Cannot send on data channel “%s”: %s",
                   self->label, gst_error != NULL ? gst_error->message : "webrtcbin refused the message");
    }
  return ok;
}

static void
mark_open (JcDataChannel *self)
{
  Pending *p;

  if (self->state != JC_DATA_CHANNEL_STATE_CONNECTING)
    return;
  g_object_ref (self);
  self->state = JC_DATA_CHANNEL_STATE_OPEN;
  g_debug ("Data channel “%s” open, sending %u queued messages", self->label, self->pending.length);
  while (self->state == JC_DATA_CHANNEL_STATE_OPEN && (p = g_queue_pop_head (&self->pending)) != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!send_now (self, p, &error))
        g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
      pending_free (p);
    }
  if (self->state == JC_DATA_CHANNEL_STATE_OPEN)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      g_signal_emit (self, signals[SIGNAL_OPEN], 0);
    }
  g_object_unref (self);
}

/* Follows webrtcbin's ready-state. */
void
jc_data_channel_sync_state (JcDataChannel *self)
{
  switch (gst_ready_state (self))
    {
    case JC_DATA_CHANNEL_STATE_OPEN:
      if (self->state == JC_DATA_CHANNEL_STATE_CLOSED && self->channel != NULL)
        /* Closed by us before it opened: close it on the wire too. */
        gst_webrtc_data_channel_close (self->channel);
      mark_open (self);
      break;
    case JC_DATA_CHANNEL_STATE_CLOSING:
      if (self->state == JC_DATA_CHANNEL_STATE_OPEN || self->state == JC_DATA_CHANNEL_STATE_CONNECTING)
        {
          g_queue_clear_full (&self->pending, pending_free);
          set_state (self, JC_DATA_CHANNEL_STATE_CLOSING);
        }
      break;
    case JC_DATA_CHANNEL_STATE_CLOSED:
      jc_data_channel_mark_closed (self, TRUE);
      jc_data_channel_detach (self);
      break;
    default:
      break;
    }
}

/* webrtcbin's events: its thread → the peer's context */

typedef enum
{
  EVENT_OPEN,
  EVENT_STATE,
  EVENT_CLOSE,
  EVENT_ERROR,
  EVENT_TEXT,
  EVENT_DATA,
} EventKind;

typedef struct
{
  ChannelBridge *bridge; /* (owned) */
  EventKind kind;
  char *text;    /* (owned) (nullable) EVENT_TEXT */
  GBytes *data;  /* (owned) (nullable) EVENT_DATA */
  GError *error; /* (owned) (nullable) EVENT_ERROR */
} ChannelEvent;

static void
channel_event_free (gpointer data)
{
  ChannelEvent *ev = data;

  jc_data_channel_bridge_unref (ev->bridge);
  g_free (ev->text);
  g_clear_pointer (&ev->data, g_bytes_unref);
  g_clear_error (&ev->error);
  g_free (ev);
}

static void
deliver_event (JcPeer *peer, gpointer data)
{
  ChannelEvent *ev = data;
  g_autoptr (JcDataChannel) self = g_weak_ref_get (&ev->bridge->channel);

  if (self == NULL)
    return;
  if (self->state == JC_DATA_CHANNEL_STATE_CLOSED)
    {
      if (ev->kind == EVENT_CLOSE)
        jc_data_channel_detach (self);
      else if (ev->kind == EVENT_OPEN || ev->kind == EVENT_STATE)
        jc_data_channel_sync_state (self);
      return;
    }
  switch (ev->kind)
    {
    case EVENT_OPEN:
    case EVENT_STATE:
      jc_data_channel_sync_state (self);
      break;
    case EVENT_CLOSE:
      jc_data_channel_mark_closed (self, TRUE);
      jc_data_channel_detach (self);
      break;
    case EVENT_ERROR:
      {
        g_autoptr (GError) error = g_error_new (JC_ERROR, JC_ERROR_MEDIA, "Data channel “%s” failed: %s", self->label,
                                                ev->error != NULL ? ev->error->message : "unknown error");

        g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
        break;
      }
    case EVENT_TEXT:
    case EVENT_DATA:
      /* A message can overtake the hop of on-open. */
      mark_open (self);
      if (self->state != JC_DATA_CHANNEL_STATE_OPEN)
        break;
      if (ev->kind == EVENT_TEXT)
        g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, ev->text);
      else
        g_signal_emit (self, signals[SIGNAL_DATA], 0, ev->data);
      break;
    }
}

/* Any thread. */
static void
channel_hop (ChannelBridge *cb, EventKind kind, char *text, GBytes *data, GError *error)
{
  ChannelEvent *ev = g_new0 (ChannelEvent, 1);

  ev->bridge = g_atomic_rc_box_acquire (cb);
  ev->kind = kind;
  ev->text = text;
  ev->data = data;
  ev->error = error;
  jc_peer_hop (cb->peer, deliver_event, ev, channel_event_free);
}

/* webrtcbin's thread, for all of these: copy, hop, nothing else. */
static void
on_gst_open (GstWebRTCDataChannel *channel, gpointer user_data)
{
  channel_hop (user_data, EVENT_OPEN, NULL, NULL, NULL);
}

static void
on_gst_close (GstWebRTCDataChannel *channel, gpointer user_data)
{
  channel_hop (user_data, EVENT_CLOSE, NULL, NULL, NULL);
}

static void
on_gst_error (GstWebRTCDataChannel *channel, GError *error, gpointer user_data)
{
  channel_hop (user_data, EVENT_ERROR, NULL, NULL, error != NULL ? g_error_copy (error) : NULL);
}

static void
on_gst_string (GstWebRTCDataChannel *channel, const char *text, gpointer user_data)
{
  /* webrtcbin gives NULL for an empty message. */
  channel_hop (user_data, EVENT_TEXT, g_strdup (text != NULL ? text : ""), NULL, NULL);
}

static void
on_gst_data (GstWebRTCDataChannel *channel, GBytes *data, gpointer user_data)
{
  channel_hop (user_data, EVENT_DATA, NULL, data != NULL ? g_bytes_ref (data) : g_bytes_new (NULL, 0), NULL);
}

static void
on_gst_state (GObject *channel, GParamSpec *pspec, gpointer user_data)
{
  channel_hop (user_data, EVENT_STATE, NULL, NULL, NULL);
}

static void
connect_bridged (GstWebRTCDataChannel *channel, const char *signal, GCallback callback, ChannelBridge *cb)
{
  g_signal_connect_data (channel, signal, callback, g_atomic_rc_box_acquire (cb),
                         (GClosureNotify) (void (*) (void)) jc_data_channel_bridge_unref, 0);
}

void
jc_data_channel_connect (GstWebRTCDataChannel *channel, ChannelBridge *cb)
{
  connect_bridged (channel, "on-open", G_CALLBACK (on_gst_open), cb);
  connect_bridged (channel, "on-close", G_CALLBACK (on_gst_close), cb);
  connect_bridged (channel, "on-error", G_CALLBACK (on_gst_error), cb);
  connect_bridged (channel, "on-message-string", G_CALLBACK (on_gst_string), cb);
  connect_bridged (channel, "on-message-data", G_CALLBACK (on_gst_data), cb);
  connect_bridged (channel, "notify::ready-state", G_CALLBACK (on_gst_state), cb);
}

/* Wraps webrtcbin's @channel, whose events reach @cb already; takes
 * both. Peer's context. */
JcDataChannel *
jc_data_channel_wrap (GstWebRTCDataChannel *channel, ChannelBridge *cb)
{
  JcDataChannel *self = g_object_new (JC_TYPE_DATA_CHANNEL, NULL);

  self->channel = channel;
  self->bridge = cb;
  g_object_get (channel, "label", &self->label, NULL);
  if (self->label == NULL)
    self->label = g_strdup ("");
  self->state = JC_DATA_CHANNEL_STATE_CONNECTING;
  g_weak_ref_set (&cb->channel, self);
  return self;
}

/* GObject */

static void
jc_data_channel_dispose (GObject *object)
{
  JcDataChannel *self = JC_DATA_CHANNEL (object);

  jc_data_channel_mark_closed (self, FALSE);
  jc_data_channel_detach (self);

  G_OBJECT_CLASS (jc_data_channel_parent_class)->dispose (object);
}

static void
jc_data_channel_finalize (GObject *object)
{
  JcDataChannel *self = JC_DATA_CHANNEL (object);

  g_clear_pointer (&self->bridge, jc_data_channel_bridge_unref);
  g_free (self->label);

  G_OBJECT_CLASS (jc_data_channel_parent_class)->finalize (object);
}

static void
jc_data_channel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  JcDataChannel *self = JC_DATA_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, jc_data_channel_get_label (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jc_data_channel_class_init (JcDataChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jc_data_channel_dispose;
  object_class->finalize = jc_data_channel_finalize;
  object_class->get_property = jc_data_channel_get_property;

  /**
   * JcDataChannel:label:
   *
   * The channel's label, which Janus uses to tell channels apart.
   */
  properties[PROP_LABEL] =
      g_param_spec_string ("label", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * JcDataChannel:state:
   *
   * Whether the channel is connecting, open, closing or closed; notified
   * in the peer's main context.
   */
  properties[PROP_STATE] =
      g_param_spec_enum ("state", NULL, NULL, JC_TYPE_DATA_CHANNEL_STATE, JC_DATA_CHANNEL_STATE_CLOSED,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JcDataChannel::open:
   * @self: the channel
   *
   * Emitted in the peer's main context when the channel opened, after
   * the messages queued before went out.
   */
  signals[SIGNAL_OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  /**
   * JcDataChannel::message:
   * @self: the channel
   * @text: the text received
   *
   * Emitted in the peer's main context for each text message received.
   */
  signals[SIGNAL_MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * JcDataChannel::data:
   * @self: the channel
   * @data: the bytes received
   *
   * Emitted in the peer's main context for each binary message received.
   */
  signals[SIGNAL_DATA] = g_signal_new ("data", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_BYTES);

  /**
   * JcDataChannel::closed:
   * @self: the channel
   *
   * Emitted in the peer's main context once when the channel closed:
   * either side closed it, or the peer stopped. Not emitted when the
   * peer is disposed (the channel's state just becomes closed).
   */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 0);

  /**
   * JcDataChannel::error:
   * @self: the channel
   * @error: what went wrong (%JC_ERROR_MEDIA, or %JC_ERROR_CLOSED for a
   *   queued message that could not go out)
   *
   * Emitted in the peer's main context when webrtcbin reported a failure
   * of the channel, or a message queued before the channel opened could
   * not be sent.
   */
  signals[SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
jc_data_channel_init (JcDataChannel *self)
{
  /* Only a peer makes working channels. */
  self->state = JC_DATA_CHANNEL_STATE_CLOSED;
  g_queue_init (&self->pending);
}

/**
 * jc_data_channel_get_label:
 * @self: a data channel
 *
 * Gets [property@DataChannel:label].
 *
 * Returns: (transfer none): the label
 */
const char *
jc_data_channel_get_label (JcDataChannel *self)
{
  g_return_val_if_fail (JC_IS_DATA_CHANNEL (self), NULL);

  return self->label != NULL ? self->label : "";
}

/**
 * jc_data_channel_get_state:
 * @self: a data channel
 *
 * Gets [property@DataChannel:state].
 *
 * Returns: the channel's state
 */
JcDataChannelState
jc_data_channel_get_state (JcDataChannel *self)
{
  g_return_val_if_fail (JC_IS_DATA_CHANNEL (self), JC_DATA_CHANNEL_STATE_CLOSED);

  return self->state;
}

/* Sends @p now, queues it until open, or fails; takes @p. */
static gboolean
send_or_queue (JcDataChannel *self, Pending *p, gsize size, GError **error)
{
  gboolean ok = FALSE;

  if (size > JC_DATA_CHANNEL_MAX_MESSAGE_SIZE)
    g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                 "Cannot send %" G_GSIZE_FORMAT " bytes on data channel “%s”: a message holds at most %d bytes", size,
                 jc_data_channel_get_label (self), JC_DATA_CHANNEL_MAX_MESSAGE_SIZE);
  else if (size == 0)
    /* webrtcbin 1.22 hands SCTP an empty buffer, which fails and takes
     * the whole association down. */
    g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT,
                 "Cannot send an empty message on data channel “%s”: webrtcbin 1.22 cannot", jc_data_channel_get_label (self));
  else if (self->state == JC_DATA_CHANNEL_STATE_CONNECTING)
    {
      g_queue_push_tail (&self->pending, g_steal_pointer (&p));
      return TRUE;
    }
  else if (self->state == JC_DATA_CHANNEL_STATE_OPEN)
    ok = send_now (self, p, error);
  else
    g_set_error (error, JC_ERROR, JC_ERROR_CLOSED, "Data channel “%s” is %s", jc_data_channel_get_label (self),
                 self->state == JC_DATA_CHANNEL_STATE_CLOSING ? "closing" : "closed");
  pending_free (p);
  return ok;
}

/**
 * jc_data_channel_send_text:
 * @self: a data channel
 * @text: UTF-8 text, 1 to %JC_DATA_CHANNEL_MAX_MESSAGE_SIZE bytes
 * @error: return location for a #GError
 *
 * Sends @text as one message. Before the channel opens it waits in a
 * queue, sent in order on open. Fails with %JC_ERROR_INVALID_ARGUMENT
 * when @text is empty (webrtcbin 1.22 cannot send that), too long or not
 * UTF-8 (the channel keeps working), and
 * with %JC_ERROR_CLOSED when the channel is closing or closed.
 *
 * Returns: %TRUE if @text was sent or queued
 */
gboolean
jc_data_channel_send_text (JcDataChannel *self, const char *text, GError **error)
{
  Pending *p;
  gsize size;

  g_return_val_if_fail (JC_IS_DATA_CHANNEL (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  size = strlen (text);
  if (size <= JC_DATA_CHANNEL_MAX_MESSAGE_SIZE && !g_utf8_validate (text, (gssize) size, NULL))
    {
      g_set_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "Cannot send text on data channel “%s”: it is not UTF-8",
                   jc_data_channel_get_label (self));
      return FALSE;
    }
  p = g_new0 (Pending, 1);
  p->text = g_strdup (text);
  return send_or_queue (self, p, size, error);
}

/**
 * jc_data_channel_send_data:
 * @self: a data channel
 * @data: the bytes, 1 to %JC_DATA_CHANNEL_MAX_MESSAGE_SIZE of them
 * @error: return location for a #GError
 *
 * Sends @data as one binary message, queued like
 * [method@DataChannel.send_text] until the channel opens.
 *
 * Returns: %TRUE if @data was sent or queued
 */
gboolean
jc_data_channel_send_data (JcDataChannel *self, GBytes *data, GError **error)
{
  Pending *p;

  g_return_val_if_fail (JC_IS_DATA_CHANNEL (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = g_new0 (Pending, 1);
  p->data = g_bytes_ref (data);
  return send_or_queue (self, p, g_bytes_get_size (data), error);
}

static gboolean
on_close_timeout (gpointer user_data)
{
  JcDataChannel *self = user_data;

  g_debug ("Data channel “%s”: no close from the other side within %d ms", self->label, CLOSE_TIMEOUT_MS);
  g_clear_pointer (&self->close_timer, g_source_unref);
  g_object_ref (self);
  jc_data_channel_mark_closed (self, TRUE);
  jc_data_channel_detach (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/**
 * jc_data_channel_close:
 * @self: a data channel
 *
 * Closes the channel: queued messages are dropped and sending fails from
 * now on. An open channel is closing until the other side closes its
 * half too, or for at most 1 s (Janus 1.1.2 never does), then
 * [signal@DataChannel::closed] is emitted; one that never opened is
 * closed at once.
 */
void
jc_data_channel_close (JcDataChannel *self)
{
  g_return_if_fail (JC_IS_DATA_CHANNEL (self));

  if (self->state == JC_DATA_CHANNEL_STATE_CONNECTING)
    {
      /* webrtcbin cannot close a channel that is not open; jc_data_channel_sync_state ()
       * closes it if it opens later. */
      jc_data_channel_mark_closed (self, TRUE);
      return;
    }
  if (self->state != JC_DATA_CHANNEL_STATE_OPEN)
    return;
  g_queue_clear_full (&self->pending, pending_free);
  set_state (self, JC_DATA_CHANNEL_STATE_CLOSING);
  self->close_timer = g_timeout_source_new (CLOSE_TIMEOUT_MS);
  g_source_set_static_name (self->close_timer, "[janus-client] data channel close");
  g_source_set_callback (self->close_timer, on_close_timeout, self, NULL);
  g_source_attach (self->close_timer, self->bridge->peer->context);
  gst_webrtc_data_channel_close (self->channel);
}

void
jc_data_channel_open_if_ready (JcDataChannel *self)
{
  /* "open" comes in a hop, after the caller returns. */
  if (self->bridge != NULL && gst_ready_state (self) == JC_DATA_CHANNEL_STATE_OPEN)
    channel_hop (self->bridge, EVENT_OPEN, NULL, NULL, NULL);
}

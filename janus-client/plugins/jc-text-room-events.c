/* jc-text-room-events.c: what arrives on JcTextRoom's data channels:
 * replies handed to the pending requests, the rooms' events turned into
 * signals, and hostile input reported and dropped
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See jc-text-room-chat.c for what Janus 1.1.2 sends.
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-text-room-private.h"

guint jc_text_room_signals[TR_N_SIGNALS];

void
jc_text_room_emit_error (JcTextRoom *self, const GError *error)
{
  g_debug ("TextRoom handle %" G_GUINT64_FORMAT ": %s", jc_handle_get_id (JC_HANDLE (self)), error->message);
  g_signal_emit (self, jc_text_room_signals[TR_SIGNAL_ERROR], 0, error);
}

void
jc_text_room_log_channel_message (JcTextRoom *self, const char *arrow, JsonObject *message)
{
  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    {
      g_autofree char *text = jc_json_to_redacted_string (message);

      g_debug ("TextRoom handle %" G_GUINT64_FORMAT " channel %s %s", jc_handle_get_id (JC_HANDLE (self)), arrow, text);
    }
}

/* What arrives on the channel */

static void
report (JcTextRoom *self, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
report (JcTextRoom *self, const char *format, ...)
{
  g_autoptr (GError) error = NULL;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (JC_ERROR, JC_ERROR_PROTOCOL, format, args);
  va_end (args);
  jc_text_room_emit_error (self, error);
}

/* Our own username in @room, or NULL. */
static const char *
own_username (JcTextRoom *self, guint64 room)
{
  return g_hash_table_lookup (self->joined, &room);
}

static void
handle_event (JcTextRoom *self, JsonObject *message, const char *what)
{
  g_autoptr (GError) error = NULL;
  const char *username = NULL, *display = NULL;
  gboolean needs_username;
  guint64 room = 0;

  if (g_str_equal (what, "message") || g_str_equal (what, "announcement"))
    {
      gboolean announcement = g_str_equal (what, "announcement");
      g_autoptr (JcTextRoomMessage) msg = jc_text_room_message_new_from_json (message, announcement, &error);

      if (msg == NULL)
        jc_text_room_emit_error (self, error);
      else
        g_signal_emit (self, jc_text_room_signals[announcement ? TR_SIGNAL_ANNOUNCEMENT : TR_SIGNAL_MESSAGE], 0, msg);
      return;
    }
  if (g_str_equal (what, "error"))
    {
      gint64 code = 0;
      const char *reason = jc_json_lookup_string (message, "error");

      if (!jc_json_lookup_int (message, "error_code", &code) || code <= 0 || code > G_MAXINT)
        code = JC_PLUGIN_ERROR_UNKNOWN;
      error = g_error_new (JC_PLUGIN_ERROR, (int) code, "TextRoom: %s", reason != NULL ? reason : "error");
      jc_text_room_emit_error (self, error);
      return;
    }
  if (!g_str_equal (what, "join") && !g_str_equal (what, "leave") && !g_str_equal (what, "kicked") &&
      !g_str_equal (what, "destroyed"))
    {
      report (self, "TextRoom sent an unknown data-channel event “%s”", what);
      return;
    }
  if (!jc_json_lookup_id (message, "room", &room))
    {
      report (self,
              "TextRoom sent a “%s” event with no valid “room” (want an integer between 1 and 2^53-1; rooms with "
              "string ids are not supported)",
              what);
      return;
    }
  needs_username = !g_str_equal (what, "destroyed");
  if (needs_username && (username = jc_json_lookup_string (message, "username")) == NULL)
    {
      report (self, "TextRoom sent a “%s” event with no string “username”", what);
      return;
    }
  if (g_str_equal (what, "join"))
    {
      if (jc_json_has_member (message, "display") && (display = jc_json_lookup_string (message, "display")) == NULL)
        {
          report (self, "TextRoom sent a “join” event whose “display” is not a string");
          return;
        }
      /* Janus tells us of our own join too. */
      if (g_strcmp0 (own_username (self, room), username) != 0)
        g_signal_emit (self, jc_text_room_signals[TR_SIGNAL_JOINED], 0, room, username, display);
    }
  else if (g_str_equal (what, "leave"))
    {
      if (g_strcmp0 (own_username (self, room), username) != 0)
        g_signal_emit (self, jc_text_room_signals[TR_SIGNAL_LEFT], 0, room, username);
    }
  else if (g_str_equal (what, "kicked"))
    {
      g_autofree char *kept = g_strdup (username);

      if (g_strcmp0 (own_username (self, room), username) == 0)
        g_hash_table_remove (self->joined, &room);
      g_signal_emit (self, jc_text_room_signals[TR_SIGNAL_KICKED], 0, room, kept);
    }
  else
    {
      g_hash_table_remove (self->joined, &room);
      g_signal_emit (self, jc_text_room_signals[TR_SIGNAL_DESTROYED], 0, room);
    }
}

static void
handle_text (JcTextRoom *self, const char *text)
{
  g_autoptr (JcTextRoom) keep = g_object_ref (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) message = jc_json_parse_object (text, -1, &error);
  const char *what;

  if (message == NULL)
    {
      report (self, "TextRoom sent a data-channel message that is not a JSON object (%s)", error->message);
      return;
    }
  jc_text_room_log_channel_message (self, "←", message);
  if (jc_json_has_member (message, "transaction"))
    {
      const char *transaction = jc_json_lookup_string (message, "transaction");

      if (transaction == NULL)
        report (self, "TextRoom sent a data-channel message whose “transaction” is not a string");
      else
        jc_text_room_chat_reply (self, message, transaction);
      return;
    }
  what = jc_json_lookup_string (message, "textroom");
  if (what == NULL)
    report (self, "TextRoom sent a data-channel message with no “textroom” (want an event name) and no transaction");
  else
    handle_event (self, message, what);
}

void
jc_text_room_feed_channel_message_for_test (JcTextRoom *self, const char *text)
{
  handle_text (self, text);
}
/* The channels */

static void
on_channel_message (JcDataChannel *channel, const char *text, gpointer user_data)
{
  handle_text (JC_TEXT_ROOM (user_data), text);
}

static void
on_channel_data (JcDataChannel *channel, GBytes *data, gpointer user_data)
{
  report (JC_TEXT_ROOM (user_data), "TextRoom sent a binary data-channel message (%" G_GSIZE_FORMAT " bytes), not JSON text",
          g_bytes_get_size (data));
}

static void
on_channel_open (JcDataChannel *channel, gpointer user_data)
{
  jc_text_room_chat_channel_opened (JC_TEXT_ROOM (user_data), channel);
}

static void
on_channel_closed (JcDataChannel *channel, gpointer user_data)
{
  jc_text_room_chat_channel_closed (JC_TEXT_ROOM (user_data), channel);
}

void
jc_text_room_listen (JcTextRoom *self, JcDataChannel *channel)
{
  if (g_ptr_array_find (self->listened, channel, NULL))
    return;
  g_ptr_array_add (self->listened, g_object_ref (channel));
  g_signal_connect (channel, "message", G_CALLBACK (on_channel_message), self);
  g_signal_connect (channel, "data", G_CALLBACK (on_channel_data), self);
  g_signal_connect (channel, "open", G_CALLBACK (on_channel_open), self);
  g_signal_connect (channel, "closed", G_CALLBACK (on_channel_closed), self);
}

/* Janus opens a channel of its own, and answers there, when the client's
 * has another label. */
static void
on_peer_data_channel (JcPeer *peer, JcDataChannel *channel, gpointer user_data)
{
  jc_text_room_listen (JC_TEXT_ROOM (user_data), channel);
}

gulong
jc_text_room_watch_peer (JcTextRoom *self, JcPeer *peer)
{
  return g_signal_connect (peer, "data-channel", G_CALLBACK (on_peer_data_channel), self);
}

/* The signals */

void
jc_text_room_events_class_init (GObjectClass *klass)
{
  /**
   * JcTextRoom::joined:
   * @self: the handle
   * @room: the room
   * @username: who joined
   * @display: (nullable): their display name
   *
   * Emitted in the client's main context when another participant joined
   * a room this handle is in.
   */
  jc_text_room_signals[TR_SIGNAL_JOINED] =
      g_signal_new ("joined", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                    G_TYPE_UINT64, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * JcTextRoom::left:
   * @self: the handle
   * @room: the room
   * @username: who left
   *
   * Emitted in the client's main context when another participant left
   * a room this handle is in.
   */
  jc_text_room_signals[TR_SIGNAL_LEFT] = g_signal_new ("left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                       NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_STRING);

  /**
   * JcTextRoom::message:
   * @self: the handle
   * @message: the message
   *
   * Emitted in the client's main context for each message received: the
   * public ones of the rooms joined (this handle's own too), whispers to
   * this handle, and the history a room replays on join, in the order
   * Janus sent them.
   */
  jc_text_room_signals[TR_SIGNAL_MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                          NULL, NULL, NULL, G_TYPE_NONE, 1, JC_TYPE_TEXT_ROOM_MESSAGE);

  /**
   * JcTextRoom::announcement:
   * @self: the handle
   * @message: the announcement, with no sender
   *
   * Emitted in the client's main context for each announcement of a
   * room joined ([method@TextRoom.announcement_async]).
   */
  jc_text_room_signals[TR_SIGNAL_ANNOUNCEMENT] =
      g_signal_new ("announcement", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                    JC_TYPE_TEXT_ROOM_MESSAGE);

  /**
   * JcTextRoom::kicked:
   * @self: the handle
   * @room: the room
   * @username: who was kicked: this handle's own username when it was
   *
   * Emitted in the client's main context when a participant of a room
   * joined was kicked out.
   */
  jc_text_room_signals[TR_SIGNAL_KICKED] = g_signal_new ("kicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                         NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_STRING);

  /**
   * JcTextRoom::destroyed:
   * @self: the handle
   * @room: the room
   *
   * Emitted in the client's main context when a room joined was
   * destroyed.
   */
  jc_text_room_signals[TR_SIGNAL_DESTROYED] = g_signal_new ("destroyed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);

  /**
   * JcTextRoom::error:
   * @self: the handle
   * @error: what went wrong
   *
   * Emitted in the client's main context for what no request waits for:
   * a data-channel message that is not JSON, not an object, of an
   * unknown kind or of the wrong shape (%JC_ERROR_PROTOCOL; the message is
   * dropped, the rooms keep working), or an error the plugin sent with
   * no transaction ([error@PluginError]).
   */
  jc_text_room_signals[TR_SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                        NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

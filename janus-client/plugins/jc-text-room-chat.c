/* jc-text-room-chat.c: JcTextRoom over its data channel: setup, and the
 * requests matched to their replies by transaction (the rooms' events are
 * in jc-text-room-events.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What Janus 1.1.2 sends on the channel (janus_textroom.c): one JSON
 * object per message, pretty-printed across lines. Replies carry the
 * request's `transaction`: `success`, `error` with `error_code`, or, for
 * listparticipants, no `textroom` at all and, for kick, `"textbridge":
 * "success"`; a message sent with `ack: false` gets no reply. Events carry
 * none: `message`, `announcement`, `join`, `leave`, `kicked`, `destroyed`.
 * A join gets the room's history (as `message` events, oldest first),
 * then its own `join` event, then the reply; a leave its own `leave`
 * event before the reply; public messages come back to their sender.
 */
#include "config.h"

#include <string.h>

#include "jc-client-private.h"
#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-text-room-private.h"

#define CHANNEL_LABEL "JanusDataChannel"

/* One request waiting for its reply. */
typedef struct
{
  char *transaction;         /* (owned) key in self->pending */
  char *verb;                /* (owned) */
  guint64 room;              /* 0: none */
  gboolean joining;          /* a join that put @room in self->joined */
  GTask *task;               /* (owned) */
  GSource *timer;            /* (owned) (nullable) attached to the client's context */
  GCancellable *cancellable; /* (owned) (nullable) */
  gulong cancelled_id;
} ChatPending;

static void
chat_pending_free (gpointer data)
{
  ChatPending *p = data;

  /* Completed (the task returned) before it is freed. */
  g_assert (p->task == NULL);
  if (p->timer != NULL)
    {
      g_source_destroy (p->timer);
      g_source_unref (p->timer);
    }
  if (p->cancellable != NULL)
    {
      g_cancellable_disconnect (p->cancellable, p->cancelled_id);
      g_object_unref (p->cancellable);
    }
  g_free (p->transaction);
  g_free (p->verb);
  g_free (p);
}

static JcClient *
client_of (JcTextRoom *self)
{
  JcSession *session = jc_handle_get_session (JC_HANDLE (self));

  return session != NULL ? jc_session_get_client (session) : NULL;
}

static GMainContext *
context_of (JcTextRoom *self)
{
  JcClient *client = client_of (self);

  return client != NULL ? jc_client_get_context (client) : g_main_context_get_thread_default ();
}

/* Pending requests */

/* Ends @p's request with @reply (transfer none) or @error (transfer
 * full), once; @p is freed. */
static void
complete (JcTextRoom *self, ChatPending *p, JsonObject *reply, GError *error)
{
  g_autoptr (GTask) task = g_steal_pointer (&p->task);

  g_hash_table_steal (self->pending, p->transaction);
  if (error == NULL && g_str_equal (p->verb, "leave") && p->room != 0)
    g_hash_table_remove (self->joined, &p->room);
  if (error != NULL && p->joining)
    g_hash_table_remove (self->joined, &p->room);
  chat_pending_free (p);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, json_object_ref (reply), (GDestroyNotify) json_object_unref);
}

static void
fail_all (JcTextRoom *self, const GError *error)
{
  g_autoptr (GList) list = g_hash_table_get_values (self->pending);

  for (GList *l = list; l != NULL; l = l->next)
    complete (self, l->data, NULL, g_error_copy (error));
}

static gboolean
on_request_timeout (gpointer user_data)
{
  ChatPending *p = user_data;
  JcTextRoom *self = g_task_get_source_object (p->task);
  JcClient *client = client_of (self);

  complete (self, p, NULL,
            g_error_new (JC_ERROR, JC_ERROR_TIMEOUT, "TextRoom did not answer “%s” on the data channel within %u ms",
                         p->verb, client != NULL ? jc_client_get_timeout (client) : 0));
  return G_SOURCE_REMOVE;
}

/* A cancellation, from any thread: only hops to the room's context. */
typedef struct
{
  GWeakRef self; /* JcTextRoom */
  char *transaction;
} CancelHop;

static void
cancel_hop_free (gpointer data)
{
  CancelHop *hop = data;

  g_weak_ref_clear (&hop->self);
  g_free (hop->transaction);
  g_free (hop);
}

static gboolean
cancel_hop_deliver (gpointer data)
{
  CancelHop *hop = data;
  g_autoptr (JcTextRoom) self = g_weak_ref_get (&hop->self);
  ChatPending *p = self != NULL ? g_hash_table_lookup (self->pending, hop->transaction) : NULL;

  if (p != NULL)
    complete (self, p, NULL,
              g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The TextRoom “%s” request was cancelled", p->verb));
  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable *cancellable, gpointer user_data)
{
  CancelHop *template = user_data;
  g_autoptr (JcTextRoom) self = g_weak_ref_get (&template->self);
  CancelHop *hop;
  GSource *source;

  if (self == NULL)
    return;
  hop = g_new0 (CancelHop, 1);
  g_weak_ref_init (&hop->self, self);
  hop->transaction = g_strdup (template->transaction);
  /* An idle, never g_main_context_invoke (): that may run it right here,
   * and completing disconnects from the cancellable, which deadlocks
   * inside its handler. */
  source = g_idle_source_new ();
  g_source_set_static_name (source, "[janus-client] TextRoom request cancelled");
  g_source_set_callback (source, cancel_hop_deliver, hop, cancel_hop_free);
  g_source_attach (source, context_of (self));
  g_source_unref (source);
}

gboolean
jc_text_room_chat_ready (JcTextRoom *self)
{
  return self->channel != NULL && self->setup == NULL &&
         jc_data_channel_get_state (self->channel) == JC_DATA_CHANNEL_STATE_OPEN;
}

void
jc_text_room_chat_send (JcTextRoom *self,
                        const char *verb,
                        JsonObject *body,
                        gboolean want_reply,
                        gpointer source_tag,
                        const char *name,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (JsonObject) message = body;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JcClient *client = client_of (self);
  guint timeout_ms = client != NULL ? jc_client_get_timeout (client) : 0;
  const char *username;
  ChatPending *p;

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!jc_text_room_chat_ready (self))
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_CLOSED,
                               "Cannot send “%s”: the TextRoom data channel is not open (set it up first)", verb);
      return;
    }
  if (want_reply && g_hash_table_size (self->pending) >= JC_TEXT_ROOM_MAX_PENDING)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_FAILED,
                               "Cannot send “%s”: %u TextRoom requests are waiting for their reply already", verb,
                               (guint) JC_TEXT_ROOM_MAX_PENDING);
      return;
    }

  p = g_new0 (ChatPending, 1);
  p->transaction = g_strdup_printf ("jc-tr-%" G_GUINT64_FORMAT, ++self->next_transaction);
  p->verb = g_strdup (verb);
  jc_json_lookup_id (message, "room", &p->room);
  json_object_set_string_member (message, "textroom", verb);
  json_object_set_string_member (message, "transaction", p->transaction);
  if (!want_reply)
    json_object_set_boolean_member (message, "ack", FALSE);
  username = jc_json_lookup_string (message, "username");
  if (g_str_equal (verb, "join") && p->room != 0 && username != NULL &&
      !g_hash_table_contains (self->joined, &p->room))
    {
      g_hash_table_insert (self->joined, g_memdup2 (&p->room, sizeof p->room), g_strdup (username));
      p->joining = TRUE;
    }

  jc_text_room_log_channel_message (self, "→", message);
  text = jc_json_to_string (message);
  if (!jc_data_channel_send_text (self->channel, text, &error))
    {
      g_prefix_error (&error, "Cannot send “%s” on the TextRoom data channel: ", verb);
      if (p->joining)
        g_hash_table_remove (self->joined, &p->room);
      chat_pending_free (p);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!want_reply)
    {
      g_autoptr (JsonObject) empty = json_object_new ();

      chat_pending_free (p);
      g_task_return_pointer (task, g_steal_pointer (&empty), (GDestroyNotify) json_object_unref);
      return;
    }

  p->task = g_steal_pointer (&task);
  g_hash_table_insert (self->pending, p->transaction, p);
  if (timeout_ms > 0)
    {
      p->timer = g_timeout_source_new (timeout_ms);
      g_source_set_static_name (p->timer, "[janus-client] TextRoom request timeout");
      g_source_set_callback (p->timer, on_request_timeout, p, NULL);
      g_source_attach (p->timer, context_of (self));
    }
  if (cancellable != NULL)
    {
      CancelHop *template = g_new0 (CancelHop, 1);

      g_weak_ref_init (&template->self, self);
      template->transaction = g_strdup (p->transaction);
      p->cancellable = g_object_ref (cancellable);
      p->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), template, cancel_hop_free);
    }
}

void
jc_text_room_chat_reply (JcTextRoom *self, JsonObject *message, const char *transaction)
{
  ChatPending *p = g_hash_table_lookup (self->pending, transaction);
  const char *what = jc_json_lookup_string (message, "textroom");
  gint64 code = 0;

  if (p == NULL)
    {
      g_debug ("TextRoom handle %" G_GUINT64_FORMAT ": dropping a data-channel reply to unknown transaction “%s”",
               jc_handle_get_id (JC_HANDLE (self)), transaction);
      return;
    }
  if (jc_json_has_member (message, "textroom") && what == NULL)
    complete (self, p, NULL,
              g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "TextRoom answered “%s” with a “textroom” that is not a string",
                           p->verb));
  else if (g_strcmp0 (what, "error") != 0)
    complete (self, p, message, NULL);
  else if (!jc_json_lookup_int (message, "error_code", &code) || code <= 0 || code > G_MAXINT)
    complete (self, p, NULL,
              g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "TextRoom answered “%s” with an error but no valid “error_code”",
                           p->verb));
  else
    {
      const char *reason = jc_json_lookup_string (message, "error");

      complete (self, p, NULL,
                g_error_new (JC_PLUGIN_ERROR, (int) code, "%s", reason != NULL ? reason : "TextRoom error"));
    }
}

/* setup */

static const char setup_tag, ack_tag;
static const char *const expect_event[] = { "event", NULL };

static void
complete_setup (JcTextRoom *self, GError *error)
{
  g_autoptr (GTask) task = g_steal_pointer (&self->setup);

  if (self->setup_timer != NULL)
    {
      g_source_destroy (self->setup_timer);
      g_clear_pointer (&self->setup_timer, g_source_unref);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
jc_text_room_chat_channel_opened (JcTextRoom *self, JcDataChannel *channel)
{
  if (channel == self->channel && self->setup != NULL)
    complete_setup (self, NULL);
}

void
jc_text_room_chat_channel_closed (JcTextRoom *self, JcDataChannel *channel)
{
  g_autoptr (JcTextRoom) keep = g_object_ref (self);
  g_autoptr (GError) error = NULL;

  if (channel != self->channel)
    return;
  error = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "The TextRoom data channel closed");
  if (self->setup != NULL)
    complete_setup (self, g_error_copy (error));
  fail_all (self, error);
  g_hash_table_remove_all (self->joined);
}

static gboolean
on_setup_timeout (gpointer user_data)
{
  JcTextRoom *self = user_data;
  JcClient *client = client_of (self);

  complete_setup (self, g_error_new (JC_ERROR, JC_ERROR_TIMEOUT, "The TextRoom data channel did not open within %u ms",
                                     client != NULL ? jc_client_get_timeout (client) : 0));
  return G_SOURCE_REMOVE;
}

static void
on_ack (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  JcTextRoom *self = g_task_get_source_object (task);
  GError *error = NULL;
  JcClient *client;
  guint timeout_ms;

  if (!jc_plugin_finish_ok (JC_HANDLE (source), result, (gpointer) &ack_tag, &error))
    {
      g_prefix_error (&error, "TextRoom refused the answer: ");
      g_task_return_error (task, error);
      return;
    }
  if (jc_data_channel_get_state (self->channel) == JC_DATA_CHANNEL_STATE_OPEN)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (jc_data_channel_get_state (self->channel) != JC_DATA_CHANNEL_STATE_CONNECTING)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_CLOSED, "The TextRoom data channel closed before it opened");
      return;
    }
  /* "open" completes it. */
  self->setup = g_steal_pointer (&task);
  client = client_of (self);
  timeout_ms = client != NULL ? jc_client_get_timeout (client) : 0;
  if (timeout_ms > 0)
    {
      self->setup_timer = g_timeout_source_new (timeout_ms);
      g_source_set_static_name (self->setup_timer, "[janus-client] TextRoom channel open timeout");
      g_source_set_callback (self->setup_timer, on_setup_timeout, self, NULL);
      g_source_attach (self->setup_timer, context_of (self));
    }
}

static void
on_answer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  JcTextRoom *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (JsonObject) answer = jc_peer_create_answer_finish (JC_PEER (source), result, &error);

  if (answer == NULL)
    {
      g_prefix_error (&error, "Answering TextRoom's offer: ");
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  jc_plugin_send (JC_HANDLE (self), &jc_text_room_spec, jc_plugin_body_new ("ack", NULL, NULL), answer, expect_event,
                  NULL, (gpointer) &ack_tag, "jc_text_room_setup_async (ack)", g_task_get_cancellable (task), on_ack,
                  task);
}

static void
on_setup_reply (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  JcTextRoom *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (source), result, (gpointer) &setup_tag, &offer, &error);
  const char *sdp;

  if (data == NULL || !jc_plugin_check_jsep ("TextRoom", offer, "offer", &error))
    goto fail;
  sdp = jc_json_lookup_string (offer, "sdp");
  if (strstr (sdp, "m=application ") == NULL)
    {
      jc_set_protocol_error (&error, "TextRoom offered no data channel (no m=application line)");
      goto fail;
    }
  if (self->peer == NULL)
    {
      g_set_error (&error, JC_ERROR, JC_ERROR_CLOSED, "The peer of the TextRoom setup went away");
      goto fail;
    }
  /* Janus never opens "JanusDataChannel" itself: create it before the
   * answer, as its own demo does. */
  self->channel = jc_peer_create_data_channel (self->peer, CHANNEL_LABEL, &error);
  if (self->channel == NULL)
    goto fail;
  jc_text_room_listen (self, self->channel);
  jc_peer_create_answer_async (self->peer, offer, g_task_get_cancellable (task), on_answer, task);
  return;

fail:
  g_prefix_error (&error, "TextRoom setup: ");
  g_task_return_error (task, error);
  g_object_unref (task);
}

/**
 * jc_text_room_setup_async:
 * @self: a TextRoom handle
 * @peer: a peer made for @self ([ctor@Peer.new] with this handle), with
 *   no media
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once the data channel is open
 * @user_data: data for @callback
 *
 * Sets up the data channel: asks Janus for its offer (`setup`), creates
 * the channel `JanusDataChannel` on @peer, answers (`ack`) and completes
 * when the channel is open. The handle keeps a weak pointer to @peer:
 * keep it alive while chatting. From then on the room requests go over
 * the channel (see [class@TextRoom]).
 *
 * A handle is set up once: Janus answers a second setup with
 * %JC_TEXT_ROOM_ERROR_ALREADY_SETUP. The plugin's `restart` (an ICE
 * restart) is not offered: webrtcbin 1.22 cannot restart ICE; set up a
 * new handle instead.
 */
void
jc_text_room_setup_async (JcTextRoom *self,
                          JcPeer *peer,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (JC_IS_PEER (peer));
  g_return_if_fail (jc_peer_get_handle (peer) == JC_HANDLE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_text_room_setup_async);
  g_task_set_name (task, "jc_text_room_setup_async");
  if (self->peer != NULL || self->channel != NULL)
    {
      g_task_return_new_error (task, JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "The TextRoom handle is set up already");
      g_object_unref (task);
      return;
    }
  self->peer = peer;
  g_object_add_weak_pointer (G_OBJECT (peer), (gpointer *) &self->peer);
  self->data_channel_id = jc_text_room_watch_peer (self, peer);
  jc_plugin_send (JC_HANDLE (self), &jc_text_room_spec, jc_plugin_body_new ("setup", NULL, NULL), NULL, expect_event,
                  NULL, (gpointer) &setup_tag, "jc_text_room_setup_async (setup)", cancellable, on_setup_reply, task);
}

/**
 * jc_text_room_setup_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.setup_async].
 *
 * Returns: %TRUE once the data channel is open
 */
gboolean
jc_text_room_setup_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_text_room_setup_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * jc_text_room_get_data_channel:
 * @self: a TextRoom handle
 *
 * Gets the data channel requests go out on, once
 * [method@TextRoom.setup_async] created it.
 *
 * Returns: (transfer none) (nullable): the channel
 */
JcDataChannel *
jc_text_room_get_data_channel (JcTextRoom *self)
{
  g_return_val_if_fail (JC_IS_TEXT_ROOM (self), NULL);
  return self->channel;
}

/* join, leave, message */

#define VALID_ROOM(room) ((room) > 0 && (room) <= (guint64) JC_JSON_MAX_ID)

static JsonObject *
finish_reply (JcTextRoom *self, GAsyncResult *result, gpointer tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jc_text_room_join_async:
 * @self: a TextRoom handle, set up
 * @room: the room
 * @username: the username, unique in the room
 * @display: (nullable): a display name
 * @options: (nullable): `pin`, `token`, and whether to replay the
 *   room's history ([method@TextRoomRequest.set_history_replay])
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the other participants
 * @user_data: data for @callback
 *
 * Joins a room over the data channel. The room's history, if it keeps
 * one, arrives as [signal@TextRoom::message] signals, oldest first,
 * before @callback runs. A handle may be in several rooms at once.
 * Fails with [error@PluginError]: %JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM,
 * %JC_TEXT_ROOM_ERROR_UNAUTHORIZED (wrong pin or token),
 * %JC_TEXT_ROOM_ERROR_MISSING_ELEMENT (no pin),
 * %JC_TEXT_ROOM_ERROR_USERNAME_EXISTS, %JC_TEXT_ROOM_ERROR_ALREADY_IN_ROOM.
 */
void
jc_text_room_join_async (JcTextRoom *self,
                         guint64 room,
                         const char *username,
                         const char *display,
                         JcTextRoomRequest *options,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  JsonObject *body;

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));
  g_return_if_fail (username != NULL);

  body = options != NULL ? jc_json_object_copy (jc_text_room_request_peek_body (options)) : json_object_new ();
  json_object_set_int_member (body, "room", (gint64) room);
  json_object_set_string_member (body, "username", username);
  if (display != NULL)
    json_object_set_string_member (body, "display", display);
  jc_text_room_chat_send (self, "join", body, TRUE, jc_text_room_join_async, "jc_text_room_join_async", cancellable,
                          callback, user_data);
}

/**
 * jc_text_room_join_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.join_async].
 *
 * Returns: (transfer container) (element-type JcTextRoomParticipant): the
 *   other participants in the room
 */
GPtrArray *
jc_text_room_join_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) reply = finish_reply (self, result, jc_text_room_join_async, error);
  JsonArray *list;

  if (reply == NULL)
    return NULL;
  list = jc_json_lookup_array (reply, "participants");
  if (list == NULL && jc_json_has_member (reply, "participants"))
    {
      jc_set_protocol_error (error, "TextRoom answered “join” with “participants” that is not an array");
      return NULL;
    }
  if (list == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) jc_text_room_participant_unref);
  return jc_text_room_participants_from_json (list);
}

/**
 * jc_text_room_leave_async:
 * @self: a TextRoom handle, set up
 * @room: a room joined
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once left
 * @user_data: data for @callback
 *
 * Leaves a room; the others get [signal@TextRoom::left]. A room not
 * joined fails with %JC_TEXT_ROOM_ERROR_NOT_IN_ROOM.
 */
void
jc_text_room_leave_async (JcTextRoom *self,
                          guint64 room,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  JsonObject *body;

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));

  body = json_object_new ();
  json_object_set_int_member (body, "room", (gint64) room);
  jc_text_room_chat_send (self, "leave", body, TRUE, jc_text_room_leave_async, "jc_text_room_leave_async", cancellable,
                          callback, user_data);
}

/**
 * jc_text_room_leave_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.leave_async].
 *
 * Returns: %TRUE once left
 */
gboolean
jc_text_room_leave_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) reply = finish_reply (self, result, jc_text_room_leave_async, error);

  return reply != NULL;
}

/**
 * jc_text_room_send_message_async:
 * @self: a TextRoom handle, set up
 * @room: a room joined
 * @text: the message
 * @to: (nullable) (array zero-terminated=1): the usernames of a private
 *   message (a whisper); %NULL or empty for the whole room
 * @ack: whether Janus confirms the message; without, @callback runs
 *   once the message went out on the channel
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once sent
 * @user_data: data for @callback
 *
 * Sends a message to a room joined. A public one reaches every
 * participant, the sender included ([signal@TextRoom::message]); a
 * whisper reaches only @to, flagged as a whisper. Not being in the room
 * fails with %JC_TEXT_ROOM_ERROR_NOT_IN_ROOM.
 */
void
jc_text_room_send_message_async (JcTextRoom *self,
                                 guint64 room,
                                 const char *text,
                                 const char *const *to,
                                 gboolean ack,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  JsonObject *body;

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));
  g_return_if_fail (text != NULL);

  body = json_object_new ();
  json_object_set_int_member (body, "room", (gint64) room);
  json_object_set_string_member (body, "text", text);
  if (to != NULL && to[0] != NULL && to[1] == NULL)
    json_object_set_string_member (body, "to", to[0]);
  else if (to != NULL && to[0] != NULL)
    {
      JsonArray *tos = json_array_new ();

      for (guint i = 0; to[i] != NULL; i++)
        json_array_add_string_element (tos, to[i]);
      json_object_set_array_member (body, "tos", tos);
    }
  jc_text_room_chat_send (self, "message", body, ack, jc_text_room_send_message_async,
                          "jc_text_room_send_message_async", cancellable, callback, user_data);
}

/**
 * jc_text_room_send_message_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @out_missed: (out) (optional) (transfer full) (array zero-terminated=1):
 *   the usernames of a whisper that are not in the room (empty without
 *   an ack)
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.send_message_async].
 *
 * Returns: %TRUE once sent (confirmed, with an ack)
 */
gboolean
jc_text_room_send_message_finish (JcTextRoom *self, GAsyncResult *result, GStrv *out_missed, GError **error)
{
  g_autoptr (JsonObject) reply = finish_reply (self, result, jc_text_room_send_message_async, error);
  g_autoptr (GStrvBuilder) missed = g_strv_builder_new ();
  JsonObject *sent;

  if (out_missed != NULL)
    *out_missed = NULL;
  if (reply == NULL)
    return FALSE;
  sent = jc_json_lookup_object (reply, "sent");
  if (sent != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, sent);
      while (json_object_iter_next (&iter, &name, &node))
        {
          gboolean reached = FALSE;

          if (jc_json_lookup_bool (sent, name, &reached) && !reached)
            g_strv_builder_add (missed, name);
        }
    }
  if (out_missed != NULL)
    *out_missed = g_strv_builder_end (missed);
  return TRUE;
}

/* The class's part */

void
jc_text_room_chat_init (JcTextRoom *self)
{
  self->listened = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, chat_pending_free);
  self->joined = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

void
jc_text_room_chat_dispose (JcTextRoom *self)
{
  if (self->pending != NULL && g_hash_table_size (self->pending) > 0)
    {
      g_autoptr (GError) error = g_error_new (JC_ERROR, JC_ERROR_CLOSED, "The TextRoom handle went away");

      fail_all (self, error);
    }
  if (self->setup != NULL)
    complete_setup (self, g_error_new (JC_ERROR, JC_ERROR_CLOSED, "The TextRoom handle went away"));
  if (self->peer != NULL)
    {
      g_clear_signal_handler (&self->data_channel_id, self->peer);
      g_object_remove_weak_pointer (G_OBJECT (self->peer), (gpointer *) &self->peer);
      self->peer = NULL;
    }
  for (guint i = 0; self->listened != NULL && i < self->listened->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->listened, i), self);
  if (self->listened != NULL)
    g_ptr_array_set_size (self->listened, 0);
  g_clear_object (&self->channel);
}

void
jc_text_room_chat_finalize (JcTextRoom *self)
{
  g_clear_pointer (&self->listened, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->joined, g_hash_table_unref);
}

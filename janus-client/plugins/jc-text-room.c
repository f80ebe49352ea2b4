/* jc-text-room.c: the TextRoom plugin: the handle, its options and
 * results, and the room requests the plugin answers over the Janus API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-session-private.h"
#include "jc-text-room-private.h"

/**
 * JcTextRoom:
 *
 * A handle on Janus's TextRoom plugin: chat rooms whose messages travel
 * over a WebRTC data channel.
 *
 * Room administration works over the Janus API at once:
 * [method@TextRoom.create_async], [method@TextRoom.list_async],
 * [method@TextRoom.exists_async], [method@TextRoom.list_participants_async],
 * [method@TextRoom.edit_async], [method@TextRoom.announcement_async],
 * [method@TextRoom.allowed_async], [method@TextRoom.kick_async] and
 * [method@TextRoom.destroy_async]; [method@TextRoom.request_async] sends
 * anything else.
 *
 * Chatting needs the data channel: [method@TextRoom.setup_async] with a
 * [class@Peer] of this handle negotiates it. From then on
 * [method@TextRoom.join_async], [method@TextRoom.send_message_async] and
 * [method@TextRoom.leave_async] work, every request above (and
 * [method@TextRoom.request_async]) travels over the channel too, each
 * matched to its reply by a `transaction` of its own, and what the rooms
 * say arrives as signals: [signal@TextRoom::joined],
 * [signal@TextRoom::left], [signal@TextRoom::message],
 * [signal@TextRoom::announcement], [signal@TextRoom::kicked],
 * [signal@TextRoom::destroyed]; what Janus sent wrong, or what no request
 * waits for, comes as [signal@TextRoom::error]. A request the plugin does
 * not answer within the client's [property@Client:timeout] fails with
 * %JC_ERROR_TIMEOUT; all pending ones fail with %JC_ERROR_CLOSED when the
 * channel closes.
 *
 * Rooms are numbers (a plugin configured with `string_ids` is not
 * supported: its replies fail with %JC_ERROR_PROTOCOL). Optional fields go
 * in a [struct@TextRoomRequest]; a plugin configured with an `admin_key`
 * refuses `create` without it (%JC_TEXT_ROOM_ERROR_MISSING_ELEMENT) or
 * with a wrong one (%JC_TEXT_ROOM_ERROR_UNAUTHORIZED). Errors the plugin
 * answers arrive as [error@PluginError] with the plugin's code
 * ([enum@TextRoomError]).
 *
 * ```c
 * g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
 *
 * jc_text_room_request_set_description (options, "Support chat");
 * jc_text_room_request_set_secret (options, "s3cret");
 * jc_text_room_request_set_history (options, 20);
 * jc_text_room_create_async (textroom, 0, options, NULL, on_created, NULL);
 *
 * static void
 * on_created (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr (GError) error = NULL;
 *   guint64 room = jc_text_room_create_finish (JC_TEXT_ROOM (source), result, &error);
 *
 *   if (room == 0)
 *     g_printerr ("create: %s\n", error->message);
 * }
 * ```
 *
 * Chatting:
 *
 * ```c
 * peer = jc_peer_new (JC_HANDLE (textroom));
 * g_signal_connect (textroom, "message", G_CALLBACK (on_message), NULL);
 * jc_text_room_setup_async (textroom, peer, NULL, on_setup, NULL);
 * // on_setup: jc_text_room_join_async (textroom, room, "alice", "Alice", NULL, NULL, on_joined, NULL);
 * // on_joined: jc_text_room_send_message_async (textroom, room, "hello", NULL, TRUE, NULL, on_sent, NULL);
 *
 * static void
 * on_message (JcTextRoom *textroom, JcTextRoomMessage *message, gpointer user_data)
 * {
 *   g_print ("%s: %s\n", jc_text_room_message_get_from (message), jc_text_room_message_get_text (message));
 * }
 * ```
 */

const JcPluginSpec jc_text_room_spec = { "textroom", "TextRoom" };

/* The handle */

G_DEFINE_FINAL_TYPE (JcTextRoom, jc_text_room, JC_TYPE_PLUGIN_HANDLE)

static void
jc_text_room_dispose (GObject *object)
{
  jc_text_room_chat_dispose (JC_TEXT_ROOM (object));
  G_OBJECT_CLASS (jc_text_room_parent_class)->dispose (object);
}

static void
jc_text_room_finalize (GObject *object)
{
  jc_text_room_chat_finalize (JC_TEXT_ROOM (object));
  G_OBJECT_CLASS (jc_text_room_parent_class)->finalize (object);
}

static void
jc_text_room_class_init (JcTextRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jc_text_room_dispose;
  object_class->finalize = jc_text_room_finalize;
  jc_text_room_events_class_init (object_class);
}

static void
jc_text_room_init (JcTextRoom *self)
{
  jc_text_room_chat_init (self);
}

/**
 * jc_text_room_attach_async:
 * @session: a session
 * @opaque_id: (nullable): an opaque id for the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the handle
 * @user_data: data for @callback
 *
 * Attaches a new handle to the TextRoom plugin.
 */
void
jc_text_room_attach_async (JcSession *session,
                           const char *opaque_id,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_SESSION (session));

  jc_plugin_attach (session, JC_TYPE_TEXT_ROOM, JC_TEXT_ROOM_PLUGIN, opaque_id, jc_text_room_attach_async,
                    "jc_text_room_attach_async", cancellable, callback, user_data);
}

/**
 * jc_text_room_attach_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [func@TextRoom.attach_async].
 *
 * Returns: (transfer full): the new TextRoom handle
 */
JcTextRoom *
jc_text_room_attach_finish (GAsyncResult *result, GError **error)
{
  return jc_plugin_attach_finish (result, jc_text_room_attach_async, error);
}

/* Requests over the Janus API */

#define VALID_ROOM(room) ((room) > 0 && (room) <= (guint64) JC_JSON_MAX_ID)

void
jc_text_room_send (JcTextRoom *self,
                   const char *request,
                   guint64 room,
                   JcTextRoomRequest *options,
                   JsonObject *extra,
                   const char *const *expect,
                   JcPluginReplyHook hook,
                   gpointer source_tag,
                   const char *name,
                   GCancellable *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer user_data)
{
  JsonObject *body = jc_plugin_body_new (request, options != NULL ? jc_text_room_request_peek_body (options) : NULL, extra);

  if (room != 0)
    json_object_set_int_member (body, "room", (gint64) room);
  if (jc_text_room_chat_ready (self))
    {
      /* Over the channel the verb is `textroom`, and every answer is
       * `success` (or none at all, or "textbridge", for some). */
      json_object_remove_member (body, "request");
      jc_text_room_chat_send (self, request, body, TRUE, source_tag, name, cancellable, callback, user_data);
      return;
    }
  jc_plugin_send (JC_HANDLE (self), &jc_text_room_spec, body, NULL, expect, hook, source_tag, name, cancellable,
                  callback, user_data);
}

/* Janus 1.1.2 answers `listparticipants` without a `textroom` member and
 * `kick` with `"textbridge": "success"`; later versions say `success`. */
static void
expect_success_or_unnamed (gpointer self, GTask *task, JsonObject *data, JsonObject *jsep)
{
  const char *what = jc_json_lookup_string (data, "textroom");

  if (jc_json_has_member (data, "textroom") && g_strcmp0 (what, "success") != 0)
    {
      jc_plugin_fail_task (task, g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "TextRoom answered “%s” to %s",
                                              what != NULL ? what : "something not a string", g_task_get_name (task)));
      return;
    }
  jc_plugin_return_data (task, data, jsep);
  g_object_unref (task);
}

/**
 * jc_text_room_request_async:
 * @self: a TextRoom handle
 * @request: the request name, e.g. `listparticipants`
 * @room: the room, sent as `room`; 0 to send none
 * @options: (nullable): the other fields
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the plugin's answer
 * @user_data: data for @callback
 *
 * Sends any request, for what the typed calls do not cover: the plugin's
 * data comes back untouched.
 */
void
jc_text_room_request_async (JcTextRoom *self,
                            const char *request,
                            guint64 room,
                            JcTextRoomRequest *options,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (room <= (guint64) JC_JSON_MAX_ID);

  jc_text_room_send (self, request, room, options, NULL, NULL, NULL, jc_text_room_request_async,
                     "jc_text_room_request_async", cancellable, callback, user_data);
}

/**
 * jc_text_room_request_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.request_async].
 *
 * Returns: (transfer full): the plugin's data
 */
JsonObject *
jc_text_room_request_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  return jc_plugin_send_finish (JC_HANDLE (self), result, jc_text_room_request_async, NULL, error);
}

/**
 * jc_text_room_list_async:
 * @self: a TextRoom handle
 * @options: (nullable): `admin_key`, to see private rooms too
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the rooms
 * @user_data: data for @callback
 *
 * Lists the public rooms.
 */
void
jc_text_room_list_async (JcTextRoom *self,
                         JcTextRoomRequest *options,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_return_if_fail (JC_IS_TEXT_ROOM (self));

  jc_text_room_send (self, "list", 0, options, NULL, jc_plugin_expect_success, NULL, jc_text_room_list_async,
                     "jc_text_room_list_async", cancellable, callback, user_data);
}

/**
 * jc_text_room_list_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.list_async]. Entries that are not rooms with a
 * numeric id are left out.
 *
 * Returns: (transfer container) (element-type JcTextRoomInfo): the rooms
 */
GPtrArray *
jc_text_room_list_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_text_room_list_async, NULL, error);
  GPtrArray *rooms;
  JsonArray *list;

  if (data == NULL)
    return NULL;
  /* Janus sends "list"; its documentation says "rooms". */
  list = jc_json_lookup_array (data, "list");
  if (list == NULL)
    list = jc_json_lookup_array (data, "rooms");
  if (list == NULL)
    {
      jc_set_protocol_error (error, "TextRoom sent no “list” array");
      return NULL;
    }
  rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_text_room_info_unref);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JcTextRoomInfo *info = JSON_NODE_HOLDS_OBJECT (node) ? jc_text_room_info_new_from_json (json_node_get_object (node)) : NULL;

      if (info != NULL)
        g_ptr_array_add (rooms, info);
      else
        g_debug ("Dropping a malformed room of a TextRoom list");
    }
  return rooms;
}

/**
 * jc_text_room_list_participants_async:
 * @self: a TextRoom handle
 * @room: the room
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the participants
 * @user_data: data for @callback
 *
 * Lists a room's participants.
 */
void
jc_text_room_list_participants_async (JcTextRoom *self,
                                      guint64 room,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));

  jc_text_room_send (self, "listparticipants", room, NULL, NULL, NULL, expect_success_or_unnamed,
                     jc_text_room_list_participants_async, "jc_text_room_list_participants_async", cancellable,
                     callback, user_data);
}

/**
 * jc_text_room_list_participants_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.list_participants_async]. Entries without a
 * username are left out.
 *
 * Returns: (transfer container) (element-type JcTextRoomParticipant): the
 *   participants
 */
GPtrArray *
jc_text_room_list_participants_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data =
      jc_plugin_send_finish (JC_HANDLE (self), result, jc_text_room_list_participants_async, NULL, error);
  GPtrArray *participants;
  JsonArray *list;

  if (data == NULL)
    return NULL;
  list = jc_json_lookup_array (data, "participants");
  if (list == NULL)
    {
      jc_set_protocol_error (error, "TextRoom sent no “participants” array");
      return NULL;
    }
  participants = jc_text_room_participants_from_json (list);
  return participants;
}

/**
 * jc_text_room_exists_async:
 * @self: a TextRoom handle
 * @room: the room
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the answer
 * @user_data: data for @callback
 *
 * Asks whether a room exists.
 */
void
jc_text_room_exists_async (JcTextRoom *self,
                           guint64 room,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));

  jc_text_room_send (self, "exists", room, NULL, NULL, jc_plugin_expect_success, NULL, jc_text_room_exists_async,
                     "jc_text_room_exists_async", cancellable, callback, user_data);
}

/**
 * jc_text_room_exists_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @out_exists: (out): whether the room exists
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.exists_async].
 *
 * Returns: %TRUE when Janus answered
 */
gboolean
jc_text_room_exists_finish (JcTextRoom *self, GAsyncResult *result, gboolean *out_exists, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_text_room_exists_async, NULL, error);
  gboolean exists = FALSE;

  *out_exists = FALSE;
  if (data == NULL)
    return FALSE;
  if (!jc_json_lookup_bool (data, "exists", &exists))
    return jc_set_protocol_error (error, "TextRoom sent no boolean “exists”");
  *out_exists = exists;
  return TRUE;
}

/**
 * jc_text_room_create_async:
 * @self: a TextRoom handle
 * @room: the id of the new room; 0: Janus picks one
 * @options: (nullable): `description`, `secret`, `pin`, `admin_key`,
 *   `is_private`, `history`, `post`, `allowed`, `permanent`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the room's id
 * @user_data: data for @callback
 *
 * Creates a room. An existing id fails with
 * %JC_TEXT_ROOM_ERROR_ROOM_EXISTS; on a plugin configured with an
 * `admin_key`, a missing key fails with
 * %JC_TEXT_ROOM_ERROR_MISSING_ELEMENT and a wrong one with
 * %JC_TEXT_ROOM_ERROR_UNAUTHORIZED.
 */
void
jc_text_room_create_async (JcTextRoom *self,
                           guint64 room,
                           JcTextRoomRequest *options,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  /* "success" is the data channel's answer; the Janus API's is "created". */
  static const char *const expect[] = { "created", "success", NULL };

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (room <= (guint64) JC_JSON_MAX_ID);

  jc_text_room_send (self, "create", room, options, NULL, expect, NULL, jc_text_room_create_async,
                     "jc_text_room_create_async", cancellable, callback, user_data);
}

/**
 * jc_text_room_create_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.create_async].
 *
 * Returns: the new room's id, or 0 with @error set
 */
guint64
jc_text_room_create_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_text_room_create_async, NULL, error);
  guint64 room = 0;

  if (data == NULL)
    return 0;
  if (!jc_json_lookup_id (data, "room", &room))
    {
      jc_set_protocol_error (error, "TextRoom created a room but sent no valid “room” (want a positive integer)");
      return 0;
    }
  return room;
}

static gboolean
finish_ok (JcTextRoom *self, GAsyncResult *result, gpointer tag, GError **error)
{
  return jc_plugin_finish_ok (JC_HANDLE (self), result, tag, error);
}

/**
 * jc_text_room_edit_async:
 * @self: a TextRoom handle
 * @room: the room
 * @options: (nullable): `secret` (required when the room has one),
 *   `permanent`, and the `new_description`, `new_secret`, `new_pin`,
 *   `new_is_private` or `new_post` to change (set them with
 *   [method@TextRoomRequest.set_extra])
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once edited
 * @user_data: data for @callback
 *
 * Changes a room's settings.
 */
void
jc_text_room_edit_async (JcTextRoom *self,
                         guint64 room,
                         JcTextRoomRequest *options,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  static const char *const expect[] = { "edited", "success", NULL };

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));

  jc_text_room_send (self, "edit", room, options, NULL, expect, NULL, jc_text_room_edit_async, "jc_text_room_edit_async",
                     cancellable, callback, user_data);
}

/**
 * jc_text_room_edit_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.edit_async].
 *
 * Returns: %TRUE once edited
 */
gboolean
jc_text_room_edit_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  return finish_ok (self, result, jc_text_room_edit_async, error);
}

/**
 * jc_text_room_destroy_async:
 * @self: a TextRoom handle
 * @room: the room
 * @options: (nullable): `secret` (required when the room has one),
 *   `permanent`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once destroyed
 * @user_data: data for @callback
 *
 * Destroys a room; an unknown one fails with
 * %JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM.
 */
void
jc_text_room_destroy_async (JcTextRoom *self,
                            guint64 room,
                            JcTextRoomRequest *options,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  static const char *const expect[] = { "destroyed", "success", NULL };

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));

  jc_text_room_send (self, "destroy", room, options, NULL, expect, NULL, jc_text_room_destroy_async,
                     "jc_text_room_destroy_async", cancellable, callback, user_data);
}

/**
 * jc_text_room_destroy_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.destroy_async].
 *
 * Returns: %TRUE once destroyed
 */
gboolean
jc_text_room_destroy_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  return finish_ok (self, result, jc_text_room_destroy_async, error);
}

/**
 * jc_text_room_announcement_async:
 * @self: a TextRoom handle
 * @room: the room
 * @text: what the room says to all its participants
 * @options: (nullable): `secret` (required when the room has one)
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once sent
 * @user_data: data for @callback
 *
 * Sends an announcement: a message from the room itself, which its
 * participants receive as an `announcement` event.
 */
void
jc_text_room_announcement_async (JcTextRoom *self,
                                 guint64 room,
                                 const char *text,
                                 JcTextRoomRequest *options,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));
  g_return_if_fail (text != NULL);

  json_object_set_string_member (extra, "text", text);
  jc_text_room_send (self, "announcement", room, options, extra, jc_plugin_expect_success, NULL,
                     jc_text_room_announcement_async, "jc_text_room_announcement_async", cancellable, callback,
                     user_data);
}

/**
 * jc_text_room_announcement_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.announcement_async].
 *
 * Returns: %TRUE once sent
 */
gboolean
jc_text_room_announcement_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  return finish_ok (self, result, jc_text_room_announcement_async, error);
}

/**
 * jc_text_room_allowed_async:
 * @self: a TextRoom handle
 * @room: the room
 * @action: what to do with the list
 * @tokens: (nullable) (array zero-terminated=1): the tokens to add or remove
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the resulting list
 * @user_data: data for @callback
 *
 * Manages the tokens a room accepts to join (`allowed`).
 */
void
jc_text_room_allowed_async (JcTextRoom *self,
                            guint64 room,
                            JcTextRoomAllowedAction action,
                            const char *const *tokens,
                            JcTextRoomRequest *options,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  static const char *const actions[] = { "enable", "disable", "add", "remove" };
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));
  g_return_if_fail ((guint) action < G_N_ELEMENTS (actions));

  json_object_set_string_member (extra, "action", actions[action]);
  if (tokens != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; tokens[i] != NULL; i++)
        json_array_add_string_element (array, tokens[i]);
      json_object_set_array_member (extra, "allowed", array);
    }
  jc_text_room_send (self, "allowed", room, options, extra, jc_plugin_expect_success, NULL, jc_text_room_allowed_async,
                     "jc_text_room_allowed_async", cancellable, callback, user_data);
}

/**
 * jc_text_room_allowed_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.allowed_async].
 *
 * Returns: (transfer full): the tokens the room now accepts (empty after
 *   %JC_TEXT_ROOM_ALLOWED_DISABLE, which Janus answers without a list)
 */
GStrv
jc_text_room_allowed_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  g_autoptr (JsonObject) data = jc_plugin_send_finish (JC_HANDLE (self), result, jc_text_room_allowed_async, NULL, error);
  g_autoptr (GStrvBuilder) builder = NULL;
  JsonArray *allowed;

  if (data == NULL)
    return NULL;
  allowed = jc_json_lookup_array (data, "allowed");
  if (allowed == NULL && jc_json_has_member (data, "allowed"))
    {
      jc_set_protocol_error (error, "TextRoom sent an “allowed” that is not an array");
      return NULL;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; allowed != NULL && i < json_array_get_length (allowed); i++)
    {
      JsonNode *node = json_array_get_element (allowed, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
      else
        g_debug ("Dropping a token of a TextRoom allowed answer that is not a string");
    }
  return g_strv_builder_end (builder);
}

/**
 * jc_text_room_kick_async:
 * @self: a TextRoom handle
 * @room: the room
 * @username: who to kick
 * @options: (nullable): `secret`
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called once kicked
 * @user_data: data for @callback
 *
 * Kicks a participant out of a room (they may join again unless the
 * room checks tokens and theirs was removed); an unknown one fails with
 * %JC_TEXT_ROOM_ERROR_NO_SUCH_USER.
 */
void
jc_text_room_kick_async (JcTextRoom *self,
                         guint64 room,
                         const char *username,
                         JcTextRoomRequest *options,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (JC_IS_TEXT_ROOM (self));
  g_return_if_fail (VALID_ROOM (room));
  g_return_if_fail (username != NULL);

  json_object_set_string_member (extra, "username", username);
  jc_text_room_send (self, "kick", room, options, extra, NULL, expect_success_or_unnamed, jc_text_room_kick_async,
                     "jc_text_room_kick_async", cancellable, callback, user_data);
}

/**
 * jc_text_room_kick_finish:
 * @self: a TextRoom handle
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@TextRoom.kick_async].
 *
 * Returns: %TRUE once kicked
 */
gboolean
jc_text_room_kick_finish (JcTextRoom *self, GAsyncResult *result, GError **error)
{
  return finish_ok (self, result, jc_text_room_kick_async, error);
}

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
 * over a WebRTC data channel. The plugin answers its room administration
 * over the Janus API too, which is what this class does today:
 * [method@TextRoom.create_async], [method@TextRoom.list_async],
 * [method@TextRoom.exists_async], [method@TextRoom.list_participants_async],
 * [method@TextRoom.edit_async], [method@TextRoom.announcement_async],
 * [method@TextRoom.allowed_async], [method@TextRoom.kick_async] and
 * [method@TextRoom.destroy_async]; [method@TextRoom.request_async] sends
 * anything else.
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
 */

const JcPluginSpec jc_text_room_spec = { "textroom", "TextRoom" };

/* Requests */

/**
 * JcTextRoomRequest:
 *
 * Optional fields of a TextRoom request: typed setters for the common
 * ones, [method@TextRoomRequest.set_extra] for any other (fields newer
 * plugins accept, or the `new_*` fields of `edit`). Fields left unset are
 * not sent; the `request` name and the room the call takes as an
 * argument are set by the call itself.
 */
struct _JcTextRoomRequest
{
  gatomicrefcount ref;
  JsonObject *body; /* (owned) */
};

G_DEFINE_BOXED_TYPE (JcTextRoomRequest, jc_text_room_request, jc_text_room_request_ref, jc_text_room_request_unref)

/**
 * jc_text_room_request_new:
 *
 * Creates an empty set of options.
 *
 * Returns: (transfer full): a new request
 */
JcTextRoomRequest *
jc_text_room_request_new (void)
{
  JcTextRoomRequest *self = g_new0 (JcTextRoomRequest, 1);

  g_atomic_ref_count_init (&self->ref);
  self->body = json_object_new ();
  return self;
}

/**
 * jc_text_room_request_ref:
 * @self: a request
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcTextRoomRequest *
jc_text_room_request_ref (JcTextRoomRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_text_room_request_unref:
 * @self: (transfer full): a request
 *
 * Drops a reference.
 */
void
jc_text_room_request_unref (JcTextRoomRequest *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->body);
  g_free (self);
}

static void
set_string (JcTextRoomRequest *self, const char *name, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (self->body, name, value);
  else
    json_object_remove_member (self->body, name);
}

/**
 * jc_text_room_request_set_secret:
 * @self: a request
 * @secret: (nullable): the room's secret
 *
 * Sets `secret`: for `create`, the secret of the new room; afterwards
 * required to edit or destroy the room, send announcements, manage its
 * tokens and kick.
 */
void
jc_text_room_request_set_secret (JcTextRoomRequest *self, const char *secret)
{
  g_return_if_fail (self != NULL);
  set_string (self, "secret", secret);
}

/**
 * jc_text_room_request_set_pin:
 * @self: a request
 * @pin: (nullable): the room's pin
 *
 * Sets `pin`: for `create`, the pin participants need to join the room.
 */
void
jc_text_room_request_set_pin (JcTextRoomRequest *self, const char *pin)
{
  g_return_if_fail (self != NULL);
  set_string (self, "pin", pin);
}

/**
 * jc_text_room_request_set_admin_key:
 * @self: a request
 * @admin_key: (nullable): the plugin's administrator key
 *
 * Sets `admin_key`, which `create` needs when the plugin is configured
 * with one; with `list`, a valid key shows the private rooms too. The key
 * never appears in the library's logs.
 */
void
jc_text_room_request_set_admin_key (JcTextRoomRequest *self, const char *admin_key)
{
  g_return_if_fail (self != NULL);
  set_string (self, "admin_key", admin_key);
}

/**
 * jc_text_room_request_set_description:
 * @self: a request
 * @description: (nullable): the room's description
 *
 * Sets `description`, the room's name in lists.
 */
void
jc_text_room_request_set_description (JcTextRoomRequest *self, const char *description)
{
  g_return_if_fail (self != NULL);
  set_string (self, "description", description);
}

/**
 * jc_text_room_request_set_is_private:
 * @self: a request
 * @is_private: whether the room stays out of `list` answers
 *
 * Sets `is_private`.
 */
void
jc_text_room_request_set_is_private (JcTextRoomRequest *self, gboolean is_private)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (self->body, "is_private", is_private);
}

/**
 * jc_text_room_request_set_history:
 * @self: a request
 * @history: how many messages the room keeps and sends to participants
 *   who join; 0 for none
 *
 * Sets `history`.
 */
void
jc_text_room_request_set_history (JcTextRoomRequest *self, guint history)
{
  g_return_if_fail (self != NULL);
  json_object_set_int_member (self->body, "history", history);
}

/**
 * jc_text_room_request_set_post:
 * @self: a request
 * @post: (nullable): a URL Janus posts every message of the room to
 *
 * Sets `post` (the room's HTTP backend).
 */
void
jc_text_room_request_set_post (JcTextRoomRequest *self, const char *post)
{
  g_return_if_fail (self != NULL);
  set_string (self, "post", post);
}

/**
 * jc_text_room_request_set_permanent:
 * @self: a request
 * @permanent: whether the plugin saves the change to its configuration
 *   file
 *
 * Sets `permanent` (for `create`, `edit` and `destroy`).
 */
void
jc_text_room_request_set_permanent (JcTextRoomRequest *self, gboolean permanent)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (self->body, "permanent", permanent);
}

/**
 * jc_text_room_request_set_allowed:
 * @self: a request
 * @tokens: (nullable) (array zero-terminated=1): the tokens a participant
 *   may join with; %NULL to unset
 *
 * Sets `allowed`: for `create`, the room's list of tokens (the room then
 * checks them).
 */
void
jc_text_room_request_set_allowed (JcTextRoomRequest *self, const char *const *tokens)
{
  JsonArray *array;

  g_return_if_fail (self != NULL);

  if (tokens == NULL)
    {
      json_object_remove_member (self->body, "allowed");
      return;
    }
  array = json_array_new ();
  for (guint i = 0; tokens[i] != NULL; i++)
    json_array_add_string_element (array, tokens[i]);
  json_object_set_array_member (self->body, "allowed", array);
}

/**
 * jc_text_room_request_set_extra:
 * @self: a request
 * @name: a member name
 * @value: (transfer none): its value, copied
 *
 * Sets any member of the request body, e.g. `new_description` for
 * `edit`.
 */
void
jc_text_room_request_set_extra (JcTextRoomRequest *self, const char *name, JsonNode *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  json_object_set_member (self->body, name, jc_json_node_deep_copy (value));
}

/**
 * jc_text_room_request_to_json:
 * @self: a request
 *
 * Gets the fields set so far.
 *
 * Returns: (transfer full): a copy of the fields
 */
JsonObject *
jc_text_room_request_to_json (JcTextRoomRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return jc_json_object_copy (self->body);
}

JsonObject *
jc_text_room_request_peek_body (JcTextRoomRequest *self)
{
  return self->body;
}

/* Results */

/**
 * JcTextRoomInfo:
 *
 * A room as `list` describes it.
 */
struct _JcTextRoomInfo
{
  gatomicrefcount ref;
  JsonObject *json;        /* (owned) */
  guint64 room;            /* > 0 */
  const char *description; /* (unowned) (nullable) in @json */
  gboolean pin_required;
  guint num_participants;
  guint history;
};

G_DEFINE_BOXED_TYPE (JcTextRoomInfo, jc_text_room_info, jc_text_room_info_ref, jc_text_room_info_unref)

static guint
lookup_count (JsonObject *obj, const char *member)
{
  gint64 value = 0;

  if (jc_json_lookup_int (obj, member, &value) && value >= 0 && value <= G_MAXUINT)
    return (guint) value;
  return 0;
}

JcTextRoomInfo *
jc_text_room_info_new_from_json (JsonObject *obj)
{
  JcTextRoomInfo *self;
  guint64 room = 0;

  if (!jc_json_lookup_id (obj, "room", &room))
    return NULL;
  self = g_new0 (JcTextRoomInfo, 1);
  g_atomic_ref_count_init (&self->ref);
  self->json = json_object_ref (obj);
  self->room = room;
  self->description = jc_json_lookup_string (obj, "description");
  jc_json_lookup_bool (obj, "pin_required", &self->pin_required);
  self->num_participants = lookup_count (obj, "num_participants");
  self->history = lookup_count (obj, "history");
  return self;
}

/**
 * jc_text_room_info_ref:
 * @self: a room description
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcTextRoomInfo *
jc_text_room_info_ref (JcTextRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_text_room_info_unref:
 * @self: (transfer full): a room description
 *
 * Drops a reference.
 */
void
jc_text_room_info_unref (JcTextRoomInfo *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->json);
  g_free (self);
}

/**
 * jc_text_room_info_get_room:
 * @self: a room description
 *
 * Gets the room's id.
 *
 * Returns: the room
 */
guint64
jc_text_room_info_get_room (JcTextRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->room;
}

/**
 * jc_text_room_info_get_description:
 * @self: a room description
 *
 * Gets the room's description.
 *
 * Returns: (nullable): the description
 */
const char *
jc_text_room_info_get_description (JcTextRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

/**
 * jc_text_room_info_is_pin_required:
 * @self: a room description
 *
 * Tells whether joining the room needs a pin.
 *
 * Returns: %TRUE when it does
 */
gboolean
jc_text_room_info_is_pin_required (JcTextRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->pin_required;
}

/**
 * jc_text_room_info_get_num_participants:
 * @self: a room description
 *
 * Gets how many participants are in the room.
 *
 * Returns: the count (0 when Janus did not say)
 */
guint
jc_text_room_info_get_num_participants (JcTextRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->num_participants;
}

/**
 * jc_text_room_info_get_history:
 * @self: a room description
 *
 * Gets how many messages the room keeps for participants who join.
 *
 * Returns: the size of the history (0: none, or Janus did not say)
 */
guint
jc_text_room_info_get_history (JcTextRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->history;
}

/**
 * jc_text_room_info_get_json:
 * @self: a room description
 *
 * Gets the entry as Janus sent it, for fields without a getter.
 *
 * Returns: (transfer none): the entry
 */
JsonObject *
jc_text_room_info_get_json (JcTextRoomInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

/**
 * JcTextRoomParticipant:
 *
 * A participant of a room as `listparticipants` describes it.
 */
struct _JcTextRoomParticipant
{
  gatomicrefcount ref;
  JsonObject *json;     /* (owned) */
  const char *username; /* (unowned) in @json */
  const char *display;  /* (unowned) (nullable) in @json */
};

G_DEFINE_BOXED_TYPE (JcTextRoomParticipant, jc_text_room_participant, jc_text_room_participant_ref, jc_text_room_participant_unref)

JcTextRoomParticipant *
jc_text_room_participant_new_from_json (JsonObject *obj)
{
  JcTextRoomParticipant *self;
  const char *username = jc_json_lookup_string (obj, "username");

  if (username == NULL)
    return NULL;
  self = g_new0 (JcTextRoomParticipant, 1);
  g_atomic_ref_count_init (&self->ref);
  self->json = json_object_ref (obj);
  self->username = username;
  self->display = jc_json_lookup_string (obj, "display");
  return self;
}

/**
 * jc_text_room_participant_ref:
 * @self: a participant
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcTextRoomParticipant *
jc_text_room_participant_ref (JcTextRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_text_room_participant_unref:
 * @self: (transfer full): a participant
 *
 * Drops a reference.
 */
void
jc_text_room_participant_unref (JcTextRoomParticipant *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->json);
  g_free (self);
}

/**
 * jc_text_room_participant_get_username:
 * @self: a participant
 *
 * Gets the participant's username, unique in the room.
 *
 * Returns: the username
 */
const char *
jc_text_room_participant_get_username (JcTextRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->username;
}

/**
 * jc_text_room_participant_get_display:
 * @self: a participant
 *
 * Gets the participant's display name.
 *
 * Returns: (nullable): the display name, if the participant gave one
 */
const char *
jc_text_room_participant_get_display (JcTextRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display;
}

/**
 * jc_text_room_participant_get_json:
 * @self: a participant
 *
 * Gets the entry as Janus sent it, for fields without a getter.
 *
 * Returns: (transfer none): the entry
 */
JsonObject *
jc_text_room_participant_get_json (JcTextRoomParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

/* The handle */

G_DEFINE_FINAL_TYPE (JcTextRoom, jc_text_room, JC_TYPE_HANDLE)

static void
jc_text_room_class_init (JcTextRoomClass *klass)
{
}

static void
jc_text_room_init (JcTextRoom *self)
{
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
  GTask *task;

  g_return_if_fail (JC_IS_SESSION (session));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_text_room_attach_async);
  g_task_set_name (task, "jc_text_room_attach_async");
  jc_session_attach_into_task (session, JC_TYPE_TEXT_ROOM, JC_TEXT_ROOM_PLUGIN, opaque_id, task);
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
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_text_room_attach_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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
  JsonObject *body = jc_plugin_body_new (request, options != NULL ? options->body : NULL, extra);

  if (room != 0)
    json_object_set_int_member (body, "room", (gint64) room);
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
  participants = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_text_room_participant_unref);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JcTextRoomParticipant *p =
          JSON_NODE_HOLDS_OBJECT (node) ? jc_text_room_participant_new_from_json (json_node_get_object (node)) : NULL;

      if (p != NULL)
        g_ptr_array_add (participants, p);
      else
        g_debug ("Dropping a malformed participant of a TextRoom listparticipants answer");
    }
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

/* jc-text-room-types.c: the TextRoom plugin's boxed types: request
 * options (JcTextRoomRequest), rooms (JcTextRoomInfo), participants
 * (JcTextRoomParticipant) and messages (JcTextRoomMessage)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-text-room-private.h"

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
/* A JcPluginOptions (jc-plugin-private.h). */

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
  return jc_plugin_options_new ();
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
  return jc_plugin_options_ref (self);
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
  jc_plugin_options_unref (self);
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
  jc_plugin_options_set_string (self, "secret", secret);
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
  jc_plugin_options_set_string (self, "pin", pin);
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
  jc_plugin_options_set_string (self, "admin_key", admin_key);
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
  jc_plugin_options_set_string (self, "description", description);
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
  json_object_set_boolean_member (jc_plugin_options_body (self), "is_private", is_private);
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
  json_object_set_int_member (jc_plugin_options_body (self), "history", history);
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
  jc_plugin_options_set_string (self, "post", post);
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
  json_object_set_boolean_member (jc_plugin_options_body (self), "permanent", permanent);
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
      json_object_remove_member (jc_plugin_options_body (self), "allowed");
      return;
    }
  array = json_array_new ();
  for (guint i = 0; tokens[i] != NULL; i++)
    json_array_add_string_element (array, tokens[i]);
  json_object_set_array_member (jc_plugin_options_body (self), "allowed", array);
}

/**
 * jc_text_room_request_set_token:
 * @self: a request
 * @token: (nullable): an invitation token
 *
 * Sets `token`: for `join`, the token a room that checks its `allowed`
 * list wants. Tokens never appear in the library's logs.
 */
void
jc_text_room_request_set_token (JcTextRoomRequest *self, const char *token)
{
  g_return_if_fail (self != NULL);
  jc_plugin_options_set_string (self, "token", token);
}

/**
 * jc_text_room_request_set_history_replay:
 * @self: a request
 * @replay: whether the room replays its history to who joins
 *
 * Sets `history` as a boolean, for `join`: %FALSE asks the room not to
 * send its past messages (Janus sends them by default). `create` takes a
 * number instead: [method@TextRoomRequest.set_history].
 */
void
jc_text_room_request_set_history_replay (JcTextRoomRequest *self, gboolean replay)
{
  g_return_if_fail (self != NULL);
  json_object_set_boolean_member (jc_plugin_options_body (self), "history", replay);
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
  jc_plugin_options_set_extra (self, name, value);
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
  return jc_json_object_copy (jc_plugin_options_body (self));
}

JsonObject *
jc_text_room_request_peek_body (JcTextRoomRequest *self)
{
  return jc_plugin_options_body (self);
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

GPtrArray *
jc_text_room_participants_from_json (JsonArray *list)
{
  GPtrArray *participants = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_text_room_participant_unref);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JcTextRoomParticipant *p =
          JSON_NODE_HOLDS_OBJECT (node) ? jc_text_room_participant_new_from_json (json_node_get_object (node)) : NULL;

      if (p != NULL)
        g_ptr_array_add (participants, p);
      else
        g_debug ("Dropping a malformed participant of a TextRoom answer");
    }
  return participants;
}

/* Messages */

/**
 * JcTextRoomMessage:
 *
 * A message received in a room: from a participant (public, or a
 * whisper meant for some participants only), or an announcement from
 * the room itself (no sender). Messages the room replays to who joins
 * (its history) arrive the same way, oldest first.
 */
struct _JcTextRoomMessage
{
  gatomicrefcount ref;
  JsonObject *json;    /* (owned) */
  guint64 room;        /* > 0 */
  const char *from;    /* (unowned) (nullable) in @json; NULL for announcements */
  const char *display; /* (unowned) (nullable) in @json */
  const char *text;    /* (unowned) in @json */
  const char *date;    /* (unowned) in @json */
  gboolean whisper;
};

G_DEFINE_BOXED_TYPE (JcTextRoomMessage, jc_text_room_message, jc_text_room_message_ref, jc_text_room_message_unref)

/* An optional string member: absent, null or a string. */
static gboolean
optional_string (JsonObject *obj, const char *member, const char **out, const char *what, GError **error)
{
  *out = NULL;
  if (!jc_json_has_member (obj, member) || JSON_NODE_HOLDS_NULL (json_object_get_member (obj, member)))
    return TRUE;
  *out = jc_json_lookup_string (obj, member);
  if (*out == NULL)
    return jc_set_protocol_error (error, "TextRoom sent a “%s” event whose “%s” is not a string", what, member);
  return TRUE;
}

static gboolean
required_string (JsonObject *obj, const char *member, const char **out, const char *what, GError **error)
{
  *out = jc_json_lookup_string (obj, member);
  if (*out == NULL)
    return jc_set_protocol_error (error, "TextRoom sent a “%s” event with no string “%s”", what, member);
  return TRUE;
}

JcTextRoomMessage *
jc_text_room_message_new_from_json (JsonObject *obj, gboolean announcement, GError **error)
{
  const char *what = announcement ? "announcement" : "message";
  g_autoptr (JcTextRoomMessage) self = g_new0 (JcTextRoomMessage, 1);

  g_atomic_ref_count_init (&self->ref);
  self->json = json_object_ref (obj);
  if (!jc_json_lookup_id (obj, "room", &self->room))
    {
      jc_set_protocol_error (error,
                             "TextRoom sent a “%s” event with no valid “room” (want an integer between 1 and "
                             "2^53-1; rooms with string ids are not supported)",
                             what);
      return NULL;
    }
  if ((!announcement && !required_string (obj, "from", &self->from, what, error)) ||
      !required_string (obj, "text", &self->text, what, error) ||
      !optional_string (obj, "date", &self->date, what, error) ||
      !optional_string (obj, "display", &self->display, what, error))
    return NULL;
  if (jc_json_has_member (obj, "whisper") && !jc_json_lookup_bool (obj, "whisper", &self->whisper))
    {
      jc_set_protocol_error (error, "TextRoom sent a “%s” event whose “whisper” is not a boolean", what);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * jc_text_room_message_ref:
 * @self: a message
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
JcTextRoomMessage *
jc_text_room_message_ref (JcTextRoomMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * jc_text_room_message_unref:
 * @self: (transfer full): a message
 *
 * Drops a reference.
 */
void
jc_text_room_message_unref (JcTextRoomMessage *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  json_object_unref (self->json);
  g_free (self);
}

/**
 * jc_text_room_message_get_room:
 * @self: a message
 *
 * Gets the room the message was sent in.
 *
 * Returns: the room
 */
guint64
jc_text_room_message_get_room (JcTextRoomMessage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->room;
}

/**
 * jc_text_room_message_get_from:
 * @self: a message
 *
 * Gets the username of the participant who sent the message.
 *
 * Returns: (nullable): the sender, %NULL for an announcement
 */
const char *
jc_text_room_message_get_from (JcTextRoomMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->from;
}

/**
 * jc_text_room_message_get_display:
 * @self: a message
 *
 * Gets the sender's display name, which Janus 1.1.2 includes in the
 * messages it replays from a room's history only.
 *
 * Returns: (nullable): the display name
 */
const char *
jc_text_room_message_get_display (JcTextRoomMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display;
}

/**
 * jc_text_room_message_get_text:
 * @self: a message
 *
 * Gets the message's text.
 *
 * Returns: the text
 */
const char *
jc_text_room_message_get_text (JcTextRoomMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

/**
 * jc_text_room_message_get_date:
 * @self: a message
 *
 * Gets when Janus relayed the message, as it wrote it (local time of the
 * server, `2024-05-01T12:00:00+0200`).
 *
 * Returns: (nullable): the date, %NULL when Janus sent none
 */
const char *
jc_text_room_message_get_date (JcTextRoomMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

/**
 * jc_text_room_message_is_whisper:
 * @self: a message
 *
 * Tells whether the message was private: sent to some participants only
 * (`to` or `tos`), not to the whole room.
 *
 * Returns: %TRUE for a whisper
 */
gboolean
jc_text_room_message_is_whisper (JcTextRoomMessage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->whisper;
}

/**
 * jc_text_room_message_get_json:
 * @self: a message
 *
 * Gets the event as Janus sent it, for fields without a getter.
 *
 * Returns: (transfer none): the event
 */
JsonObject *
jc_text_room_message_get_json (JcTextRoomMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->json;
}

/* jc-cmd-textroom.c: `janus-client textroom list|create|destroy|exists|
 * participants|join`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Room administration over the Janus API, printing the shapes of CLI.md.
 * Each subcommand is a row of the table at the end; join opens its run
 * with tr_open as well, then sets up the data channel and chats.
 */
#include <stdio.h>

#include "jc-cli-media.h"
#include "jc-cli.h"

/* One command's connection: client, session and the TextRoom handle. */
typedef struct
{
  JC_CLI_SESSION_FIELDS
  JcTextRoom *tr; /* (owned) */
} TrRun;

static GAsyncResult *
tr_wait (TrRun *run)
{
  return jc_cli_session_wait ((JcCliSession *) run);
}

/* Connects, creates the session and attaches run->tr. */
static gboolean
tr_open (TrRun *run, JcLocalJanusNetwork network, GError **error)
{
  if (!jc_cli_session_open ((JcCliSession *) run, network, error))
    return FALSE;
  run->tr = jc_cli_session_attach ((JcCliSession *) run, jc_text_room_attach_async,
                                   (JcCliAttachFinish) jc_text_room_attach_finish, error);
  return run->tr != NULL;
}

static void
tr_close (TrRun *run)
{
  jc_cli_session_detach ((JcCliSession *) run, run->tr);
  g_clear_object (&run->tr);
  jc_cli_session_close ((JcCliSession *) run);
}

/* --room ID into *out_room (0 when absent); a usage error when @required
 * and missing. TextRoom rooms are numbers here: string_ids are not
 * supported. */
static int
tr_parse_room (JcCliOptions *opts, const char *sub, const char *text, gboolean required, guint64 *out_room)
{
  *out_room = 0;
  if (text == NULL)
    return required ? jc_cli_usage_error (opts, "textroom %s needs --room ID", sub) : JC_CLI_EXIT_OK;
  if (!g_ascii_string_to_unsigned (text, 10, 1, (G_GUINT64_CONSTANT (1) << 53) - 1, out_room, NULL))
    return jc_cli_usage_error (opts, "Invalid --room “%s” (want a number between 1 and 2^53-1)", text);
  return JC_CLI_EXIT_OK;
}

static void
print_room_line (JcCliOptions *opts, guint64 room, const char *member, gboolean value)
{
  g_autoptr (JsonObject) out = json_object_new ();

  json_object_set_int_member (out, "room", (gint64) room);
  if (member != NULL)
    json_object_set_boolean_member (out, member, value);
  jc_cli_print_json_object (opts, out);
}

/* list */

static int
cmd_list (JcCliOptions *opts, int argc, char **argv)
{
  TrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (JsonObject) out = json_object_new ();
  JsonArray *array = json_array_new ();
  int status = jc_cli_parse_plugin_command (opts, "textroom", "list", "List the public rooms.", NULL, &argc, &argv);

  json_object_set_array_member (out, "rooms", array);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (tr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_text_room_list_async (run.tr, NULL, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = tr_wait (&run);
      rooms = jc_text_room_list_finish (run.tr, result, &error);
    }
  tr_close (&run);
  if (rooms == NULL)
    return jc_cli_fail_hinting (opts, error, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  for (guint i = 0; i < rooms->len; i++)
    {
      JcTextRoomInfo *info = g_ptr_array_index (rooms, i);
      JsonObject *room = json_object_new ();

      json_object_set_int_member (room, "room", (gint64) jc_text_room_info_get_room (info));
      jc_cli_json_set_string_or_null (room, "description", jc_text_room_info_get_description (info));
      json_object_set_int_member (room, "num_participants", jc_text_room_info_get_num_participants (info));
      json_array_add_object_element (array, room);
      if (!opts->json)
        printf ("%-12" G_GUINT64_FORMAT " %3u participants  %s\n", jc_text_room_info_get_room (info),
                jc_text_room_info_get_num_participants (info),
                jc_text_room_info_get_description (info) != NULL ? jc_text_room_info_get_description (info) : "");
    }
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  else if (rooms->len == 0)
    printf ("No public rooms.\n");
  return JC_CLI_EXIT_OK;
}

/* create, destroy, exists, participants */

static int
cmd_create (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *description = NULL, *secret = NULL, *pin = NULL, *admin_key = NULL;
  int history = -1;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room's id (default: Janus picks one)", "ID" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, "The room's description", "D" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "Secret needed to edit or destroy the room", "S" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "Pin needed to join the room", "P" },
    JC_CLI_ADMIN_KEY_ENTRY (&admin_key),
    { "history", 0, 0, G_OPTION_ARG_INT, &history, "Messages kept for who joins (default 0: none)", "N" },
    G_OPTION_ENTRY_NULL
  };
  TrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  guint64 room = 0, created = 0;
  int status = jc_cli_parse_plugin_command (opts, "textroom", "create", "Create a room.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = tr_parse_room (opts, "create", room_text, FALSE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (history < -1)
    return jc_cli_usage_error (opts, "--history must be 0 or more");
  jc_text_room_request_set_description (options, description);
  jc_text_room_request_set_secret (options, secret);
  jc_text_room_request_set_pin (options, pin);
  jc_text_room_request_set_admin_key (options, jc_cli_admin_key (admin_key));
  if (history >= 0)
    jc_text_room_request_set_history (options, (guint) history);
  if (tr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_text_room_create_async (run.tr, room, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = tr_wait (&run);
      created = jc_text_room_create_finish (run.tr, result, &error);
    }
  tr_close (&run);
  if (created == 0)
    return jc_cli_fail_hinting (opts, error, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  if (opts->json)
    print_room_line (opts, created, NULL, FALSE);
  else
    printf ("created room %" G_GUINT64_FORMAT "\n", created);
  return JC_CLI_EXIT_OK;
}

static int
cmd_destroy (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *secret = NULL;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret, "The room's secret", "S" },
    G_OPTION_ENTRY_NULL
  };
  TrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  guint64 room = 0;
  gboolean ok = FALSE;
  int status = jc_cli_parse_plugin_command (opts, "textroom", "destroy", "Destroy a room.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = tr_parse_room (opts, "destroy", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  jc_text_room_request_set_secret (options, secret);
  if (tr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_text_room_destroy_async (run.tr, room, options, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = tr_wait (&run);
      ok = jc_text_room_destroy_finish (run.tr, result, &error);
    }
  tr_close (&run);
  if (!ok)
    return jc_cli_fail_hinting (opts, error, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  if (opts->json)
    print_room_line (opts, room, "destroyed", TRUE);
  else
    printf ("destroyed room %" G_GUINT64_FORMAT "\n", room);
  return JC_CLI_EXIT_OK;
}

static int
cmd_exists (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    G_OPTION_ENTRY_NULL
  };
  TrRun run = { opts };
  g_autoptr (GError) error = NULL;
  guint64 room = 0;
  gboolean ok = FALSE, exists = FALSE;
  int status = jc_cli_parse_plugin_command (opts, "textroom", "exists", "Tell whether a room exists.", entries, &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = tr_parse_room (opts, "exists", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (tr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_text_room_exists_async (run.tr, room, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = tr_wait (&run);
      ok = jc_text_room_exists_finish (run.tr, result, &exists, &error);
    }
  tr_close (&run);
  if (!ok)
    return jc_cli_fail_hinting (opts, error, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  if (opts->json)
    print_room_line (opts, room, "exists", exists);
  else
    {
      printf ("room %" G_GUINT64_FORMAT " %s\n", room, exists ? "exists" : "does not exist");
      if (!exists && opts->server == NULL)
        jc_cli_private_janus_hint ();
    }
  return JC_CLI_EXIT_OK;
}

static int
cmd_participants (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    G_OPTION_ENTRY_NULL
  };
  TrRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (JsonObject) out = json_object_new ();
  JsonArray *array = json_array_new ();
  guint64 room = 0;
  int status = jc_cli_parse_plugin_command (opts, "textroom", "participants", "List a room's participants.", entries, &argc, &argv);

  json_object_set_array_member (out, "participants", array);
  if (status != JC_CLI_EXIT_OK ||
      (status = tr_parse_room (opts, "participants", room_text, TRUE, &room)) != JC_CLI_EXIT_OK)
    return status;
  if (tr_open (&run, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_text_room_list_participants_async (run.tr, room, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      result = tr_wait (&run);
      list = jc_text_room_list_participants_finish (run.tr, result, &error);
    }
  tr_close (&run);
  if (list == NULL)
    return jc_cli_fail_hinting (opts, error, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  for (guint i = 0; i < list->len; i++)
    {
      JcTextRoomParticipant *p = g_ptr_array_index (list, i);
      JsonObject *entry = json_object_new ();
      const char *display = jc_text_room_participant_get_display (p);

      json_object_set_string_member (entry, "username", jc_text_room_participant_get_username (p));
      jc_cli_json_set_string_or_null (entry, "display", display);
      json_array_add_object_element (array, entry);
      if (!opts->json)
        printf ("%-20s %s\n", jc_text_room_participant_get_username (p), display != NULL ? display : "");
    }
  if (opts->json)
    jc_cli_print_json_object (opts, out);
  else if (list->len == 0)
    printf ("No participants.\n");
  return JC_CLI_EXIT_OK;
}

/* join: chat over the data channel */

typedef struct
{
  JcCliOptions *opts;
  guint64 room;
  const char *username;
  GCancellable *stop; /* (owned) cancelled when the room is gone for us */
  gboolean kicked;
  gboolean destroyed;
} Chat;

static void
print_event (Chat *chat, JsonObject *line, const char *human)
{
  if (chat->opts->json)
    jc_cli_print_json_object (chat->opts, line);
  else
    printf ("%s\n", human);
  fflush (stdout);
}

static JsonObject *
event_line (const char *event, guint64 room)
{
  JsonObject *line = json_object_new ();

  json_object_set_string_member (line, "event", event);
  json_object_set_int_member (line, "room", (gint64) room);
  return line;
}

static void
on_chat_message (JcTextRoom *tr, JcTextRoomMessage *message, Chat *chat)
{
  g_autoptr (JsonObject) line = event_line ("message", jc_text_room_message_get_room (message));
  const char *date = jc_text_room_message_get_date (message);
  gboolean whisper = jc_text_room_message_is_whisper (message);
  g_autofree char *human = g_strdup_printf ("[%s] %s%s: %s", date != NULL ? date : "?",
                                            jc_text_room_message_get_from (message), whisper ? " (whisper)" : "",
                                            jc_text_room_message_get_text (message));

  json_object_set_string_member (line, "from", jc_text_room_message_get_from (message));
  json_object_set_string_member (line, "text", jc_text_room_message_get_text (message));
  jc_cli_json_set_string_or_null (line, "date", date);
  if (whisper)
    json_object_set_boolean_member (line, "whisper", TRUE);
  print_event (chat, line, human);
}

static void
on_chat_announcement (JcTextRoom *tr, JcTextRoomMessage *message, Chat *chat)
{
  g_autoptr (JsonObject) line = event_line ("announcement", jc_text_room_message_get_room (message));
  const char *date = jc_text_room_message_get_date (message);
  g_autofree char *human =
      g_strdup_printf ("[%s] announcement: %s", date != NULL ? date : "?", jc_text_room_message_get_text (message));

  json_object_set_string_member (line, "text", jc_text_room_message_get_text (message));
  jc_cli_json_set_string_or_null (line, "date", date);
  print_event (chat, line, human);
}

static void
on_chat_joined (JcTextRoom *tr, guint64 room, const char *username, const char *display, Chat *chat)
{
  g_autoptr (JsonObject) line = event_line ("join", room);
  g_autofree char *human = g_strdup_printf ("* %s%s%s%s joined", username, display != NULL ? " (" : "",
                                            display != NULL ? display : "", display != NULL ? ")" : "");

  json_object_set_string_member (line, "username", username);
  jc_cli_json_set_string_or_null (line, "display", display);
  print_event (chat, line, human);
}

static void
on_chat_left (JcTextRoom *tr, guint64 room, const char *username, Chat *chat)
{
  g_autoptr (JsonObject) line = event_line ("leave", room);
  g_autofree char *human = g_strdup_printf ("* %s left", username);

  json_object_set_string_member (line, "username", username);
  print_event (chat, line, human);
}

static void
on_chat_kicked (JcTextRoom *tr, guint64 room, const char *username, Chat *chat)
{
  g_autoptr (JsonObject) line = event_line ("kicked", room);
  g_autofree char *human = g_strdup_printf ("* %s was kicked out", username);

  json_object_set_string_member (line, "username", username);
  print_event (chat, line, human);
  if (room == chat->room && g_strcmp0 (username, chat->username) == 0)
    {
      chat->kicked = TRUE;
      g_cancellable_cancel (chat->stop);
    }
}

static void
on_chat_destroyed (JcTextRoom *tr, guint64 room, Chat *chat)
{
  g_autoptr (JsonObject) line = event_line ("destroyed", room);

  print_event (chat, line, "* the room was destroyed");
  if (room == chat->room)
    {
      chat->destroyed = TRUE;
      g_cancellable_cancel (chat->stop);
    }
}

static void
on_chat_error (JcTextRoom *tr, GError *error, Chat *chat)
{
  jc_cli_warn ("%s", error->message);
}

static void
on_interrupted (GCancellable *cancellable, Chat *chat)
{
  g_cancellable_cancel (chat->stop);
}

/* Stops the peer and ends the chat's connection. */
static void
chat_close (TrRun *run, JcPeer *peer)
{
  if (peer != NULL)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;

      jc_peer_stop_async (peer, NULL, jc_cli_waiter_callback, run->waiter);
      result = tr_wait (run);
      if (!jc_peer_stop_finish (peer, result, &error))
        g_debug ("Stopping the peer: %s", error->message);
    }
  tr_close (run);
}

/* Sets up the data channel, joins, says each of @say and listens. */
static gboolean
chat_run (TrRun *run, Chat *chat, JcPeer *peer, const char *display, const char *pin, char **say, int listen_s, GError **error)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (GPtrArray) others = NULL;
  gint64 start;

  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_setup_async (run->tr, peer, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
    result = tr_wait (run);
    if (!jc_text_room_setup_finish (run->tr, result, error))
      return FALSE;
  }
  jc_text_room_request_set_pin (options, pin);
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_join_async (run->tr, chat->room, chat->username, display, options, run->opts->cancellable,
                             jc_cli_waiter_callback, run->waiter);
    result = tr_wait (run);
    others = jc_text_room_join_finish (run->tr, result, error);
    if (others == NULL)
      return FALSE;
  }
  g_printerr ("Joined room %" G_GUINT64_FORMAT " as %s (%u other participant%s)\n", chat->room, chat->username,
              others->len, others->len == 1 ? "" : "s");
  for (guint i = 0; say != NULL && say[i] != NULL; i++)
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_text_room_send_message_async (run->tr, chat->room, say[i], NULL, TRUE, run->opts->cancellable,
                                       jc_cli_waiter_callback, run->waiter);
      result = tr_wait (run);
      if (!jc_text_room_send_message_finish (run->tr, result, NULL, error))
        return FALSE;
    }
  if (listen_s > 0)
    g_printerr ("Listening for %d s\n", listen_s);
  else
    g_printerr ("Listening until Ctrl-C\n");
  start = g_get_monotonic_time ();
  while (!g_cancellable_is_cancelled (chat->stop))
    {
      gint64 left_ms = listen_s > 0 ? (gint64) listen_s * 1000 - (g_get_monotonic_time () - start) / 1000 : 3600000;

      if (left_ms <= 0)
        break;
      jc_cli_sleep ((guint) left_ms, chat->stop);
    }
  if (g_cancellable_is_cancelled (run->opts->cancellable))
    return TRUE;
  if (chat->kicked || chat->destroyed)
    {
      g_printerr ("%s\n", chat->kicked ? "Kicked out of the room" : "The room was destroyed");
      return TRUE;
    }
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_text_room_leave_async (run->tr, chat->room, NULL, jc_cli_waiter_callback, run->waiter);
    result = tr_wait (run);
    if (!jc_text_room_leave_finish (run->tr, result, error))
      return FALSE;
  }
  g_printerr ("Left room %" G_GUINT64_FORMAT "\n", chat->room);
  return TRUE;
}

static int
cmd_join (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *room_text = NULL, *username = NULL, *display = NULL, *pin = NULL;
  g_auto (GStrv) say = NULL;
  int listen_s = 5;
  const GOptionEntry entries[] = {
    { "room", 0, 0, G_OPTION_ARG_STRING, &room_text, "The room", "ID" },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username, "Your username, unique in the room", "U" },
    { "display", 0, 0, G_OPTION_ARG_STRING, &display, "Your display name", "D" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin, "The room's pin", "P" },
    { "say", 0, 0, G_OPTION_ARG_STRING_ARRAY, &say, "Send TEXT to the room once joined (repeatable)", "TEXT" },
    { "listen", 0, 0, G_OPTION_ARG_INT, &listen_s, "Stay this long printing what arrives (default 5; 0: until Ctrl-C)",
      "SECS" },
    G_OPTION_ENTRY_NULL
  };
  TrRun run = { opts };
  Chat chat = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (JcPeer) peer = NULL;
  gulong interrupt_id = 0;
  gboolean ok = FALSE;
  int status = jc_cli_parse_plugin_command (opts, "textroom", "join", "Join a room over a data channel, say things and print what arrives.", entries,
                                            &argc, &argv);

  if (status != JC_CLI_EXIT_OK || (status = tr_parse_room (opts, "join", room_text, TRUE, &chat.room)) != JC_CLI_EXIT_OK)
    return status;
  if (username == NULL || *username == '\0')
    return jc_cli_usage_error (opts, "textroom join needs --username U");
  if (listen_s < 0)
    return jc_cli_usage_error (opts, "--listen must be 0 or more");
  for (guint i = 0; say != NULL && say[i] != NULL; i++)
    if (*say[i] == '\0')
      return jc_cli_usage_error (opts, "--say needs a text");
  chat.username = username;

  /* A data channel is WebRTC: the private Janus needs its namespace. */
  run.waiter = jc_cli_waiter_new ();
  run.client = jc_cli_connect (opts, JC_LOCAL_JANUS_NETWORK_AUTO, &error);
  if (run.client != NULL && opts->local != NULL && !jc_local_janus_has_media (opts->local))
    g_set_error (&error, JC_ERROR, JC_ERROR_MEDIA,
                 "A data channel needs the private Janus in a network namespace (Janus never gathers ICE candidates "
                 "on loopback), and creating one needs root: run as root or give --server");
  else if (run.client != NULL)
    {
      g_autoptr (GAsyncResult) created = NULL;
      g_autoptr (GAsyncResult) attached = NULL;

      jc_client_create_session_async (run.client, 0, opts->cancellable, jc_cli_waiter_callback, run.waiter);
      created = tr_wait (&run);
      run.session = jc_client_create_session_finish (run.client, created, &error);
      if (run.session != NULL)
        {
          jc_text_room_attach_async (run.session, NULL, opts->cancellable, jc_cli_waiter_callback, run.waiter);
          attached = tr_wait (&run);
          run.tr = jc_text_room_attach_finish (attached, &error);
        }
    }
  if (run.tr != NULL)
    {
      chat.stop = g_cancellable_new ();
      interrupt_id = g_cancellable_connect (opts->cancellable, G_CALLBACK (on_interrupted), &chat, NULL);
      g_signal_connect (run.tr, "message", G_CALLBACK (on_chat_message), &chat);
      g_signal_connect (run.tr, "announcement", G_CALLBACK (on_chat_announcement), &chat);
      g_signal_connect (run.tr, "joined", G_CALLBACK (on_chat_joined), &chat);
      g_signal_connect (run.tr, "left", G_CALLBACK (on_chat_left), &chat);
      g_signal_connect (run.tr, "kicked", G_CALLBACK (on_chat_kicked), &chat);
      g_signal_connect (run.tr, "destroyed", G_CALLBACK (on_chat_destroyed), &chat);
      g_signal_connect (run.tr, "error", G_CALLBACK (on_chat_error), &chat);
      peer = jc_cli_media_peer (opts, JC_HANDLE (run.tr));
      ok = chat_run (&run, &chat, peer, display, pin, say, listen_s, &error);
      g_signal_handlers_disconnect_by_data (run.tr, &chat);
    }
  chat_close (&run, peer);
  if (chat.stop != NULL)
    {
      g_cancellable_disconnect (opts->cancellable, interrupt_id);
      g_clear_object (&chat.stop);
    }
  if (!ok)
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? JC_CLI_EXIT_INTERRUPTED : jc_cli_fail_hinting (opts, error, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  return g_cancellable_is_cancelled (opts->cancellable) ? JC_CLI_EXIT_INTERRUPTED : JC_CLI_EXIT_OK;
}

static const JcCliCommand subcommands[] = {
  { "list", "list the public rooms", cmd_list },
  { "create", "create a room", cmd_create },
  { "destroy", "destroy a room", cmd_destroy },
  { "exists", "tell whether a room exists", cmd_exists },
  { "participants", "list a room's participants", cmd_participants },
  { "join", "chat in a room over a data channel", cmd_join },
};

int
jc_cmd_textroom (JcCliOptions *opts, int argc, char **argv)
{
  return jc_cli_run_subcommand (opts, "textroom", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}

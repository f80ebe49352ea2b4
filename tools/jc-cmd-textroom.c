/* jc-cmd-textroom.c: `janus-client textroom list|create|destroy|exists|
 * participants`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Room administration over the Janus API, printing the shapes of CLI.md.
 * Each subcommand is a row of the table at the end; one that talks over
 * the data channel (join) opens its run with tr_open as well.
 */
#include <stdio.h>

#include "jc-cli.h"

/* One command's connection: client, session and the TextRoom handle. */
typedef struct
{
  JcCliOptions *opts;
  JcCliWaiter *waiter; /* (owned) */
  JcClient *client;    /* (owned) */
  JcSession *session;  /* (owned) */
  JcTextRoom *tr;      /* (owned) */
} TrRun;

static GAsyncResult *
tr_wait (TrRun *run)
{
  return jc_cli_waiter_wait (run->waiter);
}

/* Connects, creates the session and attaches run->tr. */
static gboolean
tr_open (TrRun *run, JcLocalJanusNetwork network, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) attached = NULL;

  run->waiter = jc_cli_waiter_new ();
  run->client = jc_cli_connect (run->opts, network, error);
  if (run->client == NULL)
    return FALSE;
  jc_client_create_session_async (run->client, 0, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = tr_wait (run);
  run->session = jc_client_create_session_finish (run->client, result, error);
  if (run->session == NULL)
    return FALSE;
  jc_text_room_attach_async (run->session, NULL, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  attached = tr_wait (run);
  run->tr = jc_text_room_attach_finish (attached, error);
  return run->tr != NULL;
}

static void
tr_close (TrRun *run)
{
  if (run->waiter != NULL)
    {
      if (run->tr != NULL && jc_handle_is_attached (JC_HANDLE (run->tr)))
        {
          g_autoptr (GAsyncResult) result = NULL;
          g_autoptr (GError) error = NULL;

          jc_handle_detach_async (JC_HANDLE (run->tr), NULL, jc_cli_waiter_callback, run->waiter);
          result = tr_wait (run);
          if (!jc_handle_detach_finish (JC_HANDLE (run->tr), result, &error))
            g_debug ("Detach: %s", error->message);
        }
      if (run->session != NULL && jc_session_is_alive (run->session))
        {
          g_autoptr (GAsyncResult) result = NULL;
          g_autoptr (GError) error = NULL;

          jc_session_destroy_async (run->session, NULL, jc_cli_waiter_callback, run->waiter);
          result = tr_wait (run);
          if (!jc_session_destroy_finish (run->session, result, &error))
            g_debug ("Destroy: %s", error->message);
        }
    }
  g_clear_object (&run->tr);
  g_clear_object (&run->session);
  g_clear_object (&run->client);
  g_clear_pointer (&run->waiter, jc_cli_waiter_free);
}

static int
tr_fail (JcCliOptions *opts, const GError *error)
{
  int status = jc_cli_fail (opts, error);

  /* jc_cli_fail gives the hint for VideoRoom's "No such room" only. */
  if (!opts->json && opts->server == NULL && g_error_matches (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM))
    jc_cli_private_janus_hint ();
  return status;
}

/* Parses the subcommand's options and refuses positional arguments. */
static int
tr_parse (JcCliOptions *opts, const char *sub, const char *summary, const GOptionEntry *entries, int *argc, char ***argv)
{
  g_autofree char *command = g_strdup_printf ("textroom %s", sub);
  int status = jc_cli_parse_command (opts, command, "", summary, entries, argc, argv);

  if (status != JC_CLI_EXIT_OK)
    return status;
  if (*argc > 1)
    return jc_cli_usage_error (opts, "textroom %s takes no arguments (got “%s”)", sub, (*argv)[1]);
  return JC_CLI_EXIT_OK;
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

static void
set_string_or_null (JsonObject *obj, const char *member, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (obj, member, value);
  else
    json_object_set_null_member (obj, member);
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
  int status = tr_parse (opts, "list", "List the public rooms.", NULL, &argc, &argv);

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
    return tr_fail (opts, error);
  for (guint i = 0; i < rooms->len; i++)
    {
      JcTextRoomInfo *info = g_ptr_array_index (rooms, i);
      JsonObject *room = json_object_new ();

      json_object_set_int_member (room, "room", (gint64) jc_text_room_info_get_room (info));
      set_string_or_null (room, "description", jc_text_room_info_get_description (info));
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
  int status = tr_parse (opts, "create", "Create a room.", entries, &argc, &argv);

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
    return tr_fail (opts, error);
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
  int status = tr_parse (opts, "destroy", "Destroy a room.", entries, &argc, &argv);

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
    return tr_fail (opts, error);
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
  int status = tr_parse (opts, "exists", "Tell whether a room exists.", entries, &argc, &argv);

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
    return tr_fail (opts, error);
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
  int status = tr_parse (opts, "participants", "List a room's participants.", entries, &argc, &argv);

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
    return tr_fail (opts, error);
  for (guint i = 0; i < list->len; i++)
    {
      JcTextRoomParticipant *p = g_ptr_array_index (list, i);
      JsonObject *entry = json_object_new ();
      const char *display = jc_text_room_participant_get_display (p);

      json_object_set_string_member (entry, "username", jc_text_room_participant_get_username (p));
      set_string_or_null (entry, "display", display);
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

static const struct
{
  const char *name;
  const char *summary;
  JcCliCommandFunc run;
} subcommands[] = {
  { "list", "list the public rooms", cmd_list },
  { "create", "create a room", cmd_create },
  { "destroy", "destroy a room", cmd_destroy },
  { "exists", "tell whether a room exists", cmd_exists },
  { "participants", "list a room's participants", cmd_participants },
};

int
jc_cmd_textroom (JcCliOptions *opts, int argc, char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_autoptr (GString) text = g_string_new ("Usage: janus-client textroom SUBCOMMAND [OPTION…]\n\nSubcommands:\n");

      for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
        g_string_append_printf (text, "  %-13s %s\n", subcommands[i].name, subcommands[i].summary);
      g_string_append (text, "\nRun 'janus-client textroom SUBCOMMAND --help' for its options.\n");
      if (argc < 2)
        {
          g_printerr ("%s", text->str);
          return jc_cli_usage_error (opts, "textroom needs a subcommand");
        }
      printf ("%s", text->str);
      return JC_CLI_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (opts, argc - 1, argv + 1);
  return jc_cli_usage_error (opts, "Unknown textroom subcommand “%s”; see janus-client textroom --help", argv[1]);
}

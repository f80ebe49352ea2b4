/* test-textroom.c: TextRoom room administration over the Janus API —
 * against a real, private Janus (signalling only: loopback), through the
 * library and the CLI; and against an in-process fake Janus that answers
 * with replies of the wrong shape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What Janus 1.1.2 answers over the Janus API (checked here): create →
 * "created", edit → "edited", destroy → "destroyed", list → "success" with
 * the rooms in "list", listparticipants → no "textroom" member at all.
 * A successful kick needs a participant, hence a data channel: its
 * {"textbridge": "success"} (sic, janus_textroom.c) is played by the fake.
 */
#include <string.h>

#include "fake-janus.h"
#include "jc-json-private.h"
#include "jc-local-janus.h"
#include "jc-test-util.h"

static JcLocalJanus *janus;

static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

static JcTextRoom *
attach (JcSession *session)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  JcTextRoom *tr;

  jc_text_room_attach_async (session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  tr = jc_text_room_attach_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (JC_IS_TEXT_ROOM (tr));
  g_assert_true (JC_IS_HANDLE (tr));
  return tr;
}

typedef struct
{
  JcClient *client;
  JcSession *session;
  JcTextRoom *tr;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  f->session = jc_test_create_session (f->client, &error);
  g_assert_no_error (error);
  f->tr = attach (f->session);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->tr);
  jc_test_destroy (f->session, &error);
  g_assert_no_error (error);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
}

static guint64
fresh_room (void)
{
  static guint64 next = 0;

  if (next == 0)
    next = 3000000 + (guint64) g_random_int_range (0, 1000000) * 10;
  return next++;
}

static guint64
create_room (JcTextRoom *tr, guint64 room, JcTextRoomRequest *options, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  jc_text_room_create_async (tr, room, options, NULL, CB);
  result = WAIT_RESULT ();
  return jc_text_room_create_finish (tr, result, error);
}

static gboolean
room_exists (JcTextRoom *tr, guint64 room)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean exists = TRUE;

  jc_text_room_exists_async (tr, room, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_text_room_exists_finish (tr, result, &exists, &error));
  g_assert_no_error (error);
  return exists;
}

static gboolean
destroy_room (JcTextRoom *tr, guint64 room, const char *secret, GError **error)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;

  jc_text_room_request_set_secret (options, secret);
  jc_text_room_destroy_async (tr, room, options, NULL, CB);
  result = WAIT_RESULT ();
  return jc_text_room_destroy_finish (tr, result, error);
}

/* The room's entry in `list`, or NULL. (transfer full) */
static JcTextRoomInfo *
find_listed (JcTextRoom *tr, guint64 room)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rooms = NULL;

  jc_text_room_list_async (tr, NULL, NULL, CB);
  result = WAIT_RESULT ();
  rooms = jc_text_room_list_finish (tr, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rooms->len; i++)
    {
      JcTextRoomInfo *info = g_ptr_array_index (rooms, i);

      if (jc_text_room_info_get_room (info) == room)
        return jc_text_room_info_ref (info);
    }
  return NULL;
}

static void
test_request_fields (void)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  const char *const tokens[] = { "t1", "t2", NULL };
  g_autoptr (JsonNode) extra = json_node_init_string (json_node_alloc (), "x");
  g_autoptr (JsonObject) body = NULL;
  g_autofree char *text = NULL;

  jc_text_room_request_set_secret (options, "s");
  jc_text_room_request_set_pin (options, "p");
  jc_text_room_request_set_pin (options, NULL);
  jc_text_room_request_set_admin_key (options, "k");
  jc_text_room_request_set_description (options, "d");
  jc_text_room_request_set_is_private (options, TRUE);
  jc_text_room_request_set_history (options, 5);
  jc_text_room_request_set_post (options, "http://127.0.0.1:1/post");
  jc_text_room_request_set_permanent (options, FALSE);
  jc_text_room_request_set_allowed (options, tokens);
  jc_text_room_request_set_extra (options, "new_description", extra);
  body = jc_text_room_request_to_json (options);
  text = jc_json_to_string (body);
  g_assert_cmpstr (text, ==,
                   "{\"secret\":\"s\",\"admin_key\":\"k\",\"description\":\"d\",\"is_private\":true,\"history\":5,"
                   "\"post\":\"http://127.0.0.1:1/post\",\"permanent\":false,\"allowed\":[\"t1\",\"t2\"],"
                   "\"new_description\":\"x\"}");
  /* A copy: changing the request later leaves it alone. */
  jc_text_room_request_set_secret (options, "other");
  g_assert_cmpstr (jc_json_lookup_string (body, "secret"), ==, "s");
}

static void
test_create_exists_list_destroy (Fixture *f, gconstpointer data)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (JcTextRoomInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  guint64 wanted = fresh_room (), room;

  jc_text_room_request_set_description (options, "Test chat");
  jc_text_room_request_set_pin (options, "1234");
  jc_text_room_request_set_history (options, 7);
  room = create_room (f->tr, wanted, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (room, ==, wanted);
  g_assert_true (room_exists (f->tr, room));

  info = find_listed (f->tr, room);
  g_assert_nonnull (info);
  g_assert_cmpstr (jc_text_room_info_get_description (info), ==, "Test chat");
  g_assert_true (jc_text_room_info_is_pin_required (info));
  g_assert_cmpuint (jc_text_room_info_get_num_participants (info), ==, 0);
  g_assert_cmpuint (jc_text_room_info_get_history (info), ==, 7);
  g_assert_true (jc_json_has_member (jc_text_room_info_get_json (info), "history"));

  /* The same id again: 418. */
  g_assert_cmpuint (create_room (f->tr, room, NULL, &error), ==, 0);
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_ROOM_EXISTS);
  g_clear_error (&error);

  g_assert_true (destroy_room (f->tr, room, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (room_exists (f->tr, room));
  /* Twice: 417. */
  g_assert_false (destroy_room (f->tr, room, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  g_clear_error (&error);

  /* Janus picks the id; a private room stays out of the list. */
  jc_text_room_request_set_is_private (options, TRUE);
  room = create_room (f->tr, 0, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (room, >, 0);
  g_assert_true (room_exists (f->tr, room));
  g_clear_pointer (&info, jc_text_room_info_unref);
  info = find_listed (f->tr, room);
  g_assert_null (info);
  g_assert_true (destroy_room (f->tr, room, NULL, &error));
  g_assert_no_error (error);
}

static void
test_secret_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (JcTextRoomRequest) edit = jc_text_room_request_new ();
  g_autoptr (JsonNode) description = json_node_init_string (json_node_alloc (), "Renamed");
  g_autoptr (JsonNode) new_secret = json_node_init_string (json_node_alloc (), "second");
  g_autoptr (JcTextRoomInfo) info = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint64 room;

  jc_text_room_request_set_description (options, "Original");
  jc_text_room_request_set_secret (options, "first");
  room = create_room (f->tr, fresh_room (), options, &error);
  g_assert_no_error (error);

  /* Without the secret: 413; with a wrong one: 419. */
  jc_text_room_request_set_extra (edit, "new_description", description);
  jc_text_room_request_set_extra (edit, "new_secret", new_secret);
  jc_text_room_edit_async (f->tr, room, edit, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_text_room_edit_finish (f->tr, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  g_clear_object (&result);

  jc_text_room_request_set_secret (edit, "wrong");
  jc_text_room_edit_async (f->tr, room, edit, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_text_room_edit_finish (f->tr, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_clear_object (&result);

  jc_text_room_request_set_secret (edit, "first");
  jc_text_room_edit_async (f->tr, room, edit, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_text_room_edit_finish (f->tr, result, &error));
  g_assert_no_error (error);
  info = find_listed (f->tr, room);
  g_assert_nonnull (info);
  g_assert_cmpstr (jc_text_room_info_get_description (info), ==, "Renamed");
  g_assert_false (jc_text_room_info_is_pin_required (info));

  /* The secret changed too. */
  g_assert_false (destroy_room (f->tr, room, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  g_assert_false (destroy_room (f->tr, room, "first", &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_true (room_exists (f->tr, room));
  g_assert_true (destroy_room (f->tr, room, "second", &error));
  g_assert_no_error (error);
}

static GStrv
allowed (Fixture *f, guint64 room, JcTextRoomAllowedAction action, const char *const *tokens, const char *secret, GError **error)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (GAsyncResult) result = NULL;

  jc_text_room_request_set_secret (options, secret);
  jc_text_room_allowed_async (f->tr, room, action, tokens, options, NULL, CB);
  result = WAIT_RESULT ();
  return jc_text_room_allowed_finish (f->tr, result, error);
}

static void
test_allowed_participants_kick_announcement (Fixture *f, gconstpointer data)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (JcTextRoomRequest) secret = jc_text_room_request_new ();
  const char *const tokens[] = { "alpha", "beta", NULL };
  const char *const beta[] = { "beta", NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) participants = NULL;
  g_auto (GStrv) list = NULL;
  guint64 room;

  jc_text_room_request_set_secret (options, "s");
  jc_text_room_request_set_allowed (options, tokens);
  room = create_room (f->tr, fresh_room (), options, &error);
  g_assert_no_error (error);
  jc_text_room_request_set_secret (secret, "s");

  list = allowed (f, room, JC_TEXT_ROOM_ALLOWED_REMOVE, beta, "s", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (list, ((const char *const[]){ "alpha", NULL }));
  g_clear_pointer (&list, g_strfreev);
  list = allowed (f, room, JC_TEXT_ROOM_ALLOWED_ADD, beta, "s", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) list, "beta"));
  g_clear_pointer (&list, g_strfreev);
  /* disable: Janus sends no list. */
  list = allowed (f, room, JC_TEXT_ROOM_ALLOWED_DISABLE, NULL, "s", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (list), ==, 0);
  g_clear_pointer (&list, g_strfreev);
  list = allowed (f, room, JC_TEXT_ROOM_ALLOWED_ENABLE, NULL, "s", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  g_clear_pointer (&list, g_strfreev);
  g_assert_null (allowed (f, room, JC_TEXT_ROOM_ALLOWED_ENABLE, NULL, "wrong", &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* Nobody joined (joining needs the data channel). */
  jc_text_room_list_participants_async (f->tr, room, NULL, CB);
  result = WAIT_RESULT ();
  participants = jc_text_room_list_participants_finish (f->tr, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (participants->len, ==, 0);
  g_clear_object (&result);

  jc_text_room_kick_async (f->tr, room, "nobody", secret, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_text_room_kick_finish (f->tr, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NO_SUCH_USER);
  g_clear_error (&error);
  g_clear_object (&result);

  /* An announcement to an empty room is accepted; without the secret not. */
  jc_text_room_announcement_async (f->tr, room, "Closing soon", secret, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_text_room_announcement_finish (f->tr, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  jc_text_room_announcement_async (f->tr, room, "Closing soon", NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_text_room_announcement_finish (f->tr, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  g_clear_object (&result);

  g_assert_true (destroy_room (f->tr, room, "s", &error));
  g_assert_no_error (error);

  /* Requests on a room that is gone: 417. */
  jc_text_room_list_participants_async (f->tr, room, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_null (jc_text_room_list_participants_finish (f->tr, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  g_clear_error (&error);
  g_clear_object (&result);
  jc_text_room_kick_async (f->tr, room, "nobody", secret, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_text_room_kick_finish (f->tr, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
}

static void
test_generic_request (Fixture *f, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;
  gboolean exists = TRUE;

  jc_text_room_request_async (f->tr, "exists", 424242, NULL, NULL, CB);
  result = WAIT_RESULT ();
  reply = jc_text_room_request_finish (f->tr, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jc_json_lookup_string (reply, "textroom"), ==, "success");
  g_assert_true (jc_json_lookup_bool (reply, "exists", &exists));
  g_assert_false (exists);
  g_clear_object (&result);

  /* Chat requests belong to the data channel: 415 over the Janus API. */
  jc_text_room_request_async (f->tr, "join", 424242, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_null (jc_text_room_request_finish (f->tr, result, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_INVALID_REQUEST);
}

/* The CLI */

static void run_cli (JcTestCliRun *run, ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (JcTestCliRun *run, ...)
{
  const char *prefix[] = { "--server", jc_local_janus_get_ws_uri (janus), "--json", NULL };
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  jc_test_cli_runv (run, NULL, prefix, (const char *const *) args->pdata);
}

/* stdout: exactly one JSON object line. */
static JsonObject *
single_line (const JcTestCliRun *run)
{
  g_autofree char *line = g_strdup (run->out);

  g_assert_true (g_str_has_suffix (line, "\n"));
  g_strchomp (line);
  g_assert_null (strchr (line, '\n'));
  return jc_test_json (line);
}

static void
assert_error_code (const JcTestCliRun *run, int status, const char *domain, int code)
{
  g_autoptr (JsonObject) line = single_line (run);
  JsonObject *error = NULL;
  gint64 got = 0;

  g_assert_cmpint (run->status, ==, status);
  g_assert_true (jc_json_get_object (line, "error", &error, NULL));
  g_assert_cmpstr (jc_json_lookup_string (error, "domain"), ==, domain);
  g_assert_true (jc_json_lookup_int (error, "code", &got));
  g_assert_cmpint (got, ==, code);
}

static void
test_cli (void)
{
  guint64 room = fresh_room ();
  g_autofree char *room_text = g_strdup_printf ("%" G_GUINT64_FORMAT, room);
  g_autofree char *expect_created = g_strdup_printf ("{\"room\":%s}\n", room_text);
  g_autofree char *expect_exists = g_strdup_printf ("{\"room\":%s,\"exists\":true}\n", room_text);
  g_autofree char *expect_gone = g_strdup_printf ("{\"room\":%s,\"exists\":false}\n", room_text);
  g_autofree char *expect_destroyed = g_strdup_printf ("{\"room\":%s,\"destroyed\":true}\n", room_text);
  g_autofree char *expect_listed = g_strdup_printf ("{\"room\":%s,\"description\":\"CLI chat\",\"num_participants\":0}", room_text);
  g_auto (JcTestCliRun) create = { 0 }, again = { 0 }, list = { 0 }, exists = { 0 }, participants = { 0 };
  g_auto (JcTestCliRun) wrong = { 0 }, destroy = { 0 }, twice = { 0 }, gone = { 0 };
  g_auto (JcTestCliRun) no_room = { 0 }, bad_room = { 0 }, extra = { 0 }, unknown = { 0 }, help = { 0 };
  g_autoptr (JsonObject) listed = NULL;
  JsonArray *rooms;

  run_cli (&create, "textroom", "create", "--room", room_text, "--description", "CLI chat", "--secret", "s", "--pin",
           "p", "--history", "3", NULL);
  g_assert_cmpint (create.status, ==, 0);
  g_assert_cmpstr (create.out, ==, expect_created);
  run_cli (&again, "textroom", "create", "--room", room_text, NULL);
  assert_error_code (&again, 1, "plugin", JC_TEXT_ROOM_ERROR_ROOM_EXISTS);

  run_cli (&list, "textroom", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  listed = single_line (&list);
  rooms = jc_json_lookup_array (listed, "rooms");
  g_assert_nonnull (rooms);
  g_assert_nonnull (strstr (list.out, expect_listed));

  run_cli (&exists, "textroom", "exists", "--room", room_text, NULL);
  g_assert_cmpint (exists.status, ==, 0);
  g_assert_cmpstr (exists.out, ==, expect_exists);
  run_cli (&participants, "textroom", "participants", "--room", room_text, NULL);
  g_assert_cmpint (participants.status, ==, 0);
  g_assert_cmpstr (participants.out, ==, "{\"participants\":[]}\n");

  run_cli (&wrong, "textroom", "destroy", "--room", room_text, "--secret", "wrong", NULL);
  assert_error_code (&wrong, 1, "plugin", JC_TEXT_ROOM_ERROR_UNAUTHORIZED);
  run_cli (&destroy, "textroom", "destroy", "--room", room_text, "--secret", "s", NULL);
  g_assert_cmpint (destroy.status, ==, 0);
  g_assert_cmpstr (destroy.out, ==, expect_destroyed);
  run_cli (&twice, "textroom", "destroy", "--room", room_text, "--secret", "s", NULL);
  assert_error_code (&twice, 1, "plugin", JC_TEXT_ROOM_ERROR_NO_SUCH_ROOM);
  run_cli (&gone, "textroom", "exists", "--room", room_text, NULL);
  g_assert_cmpint (gone.status, ==, 0);
  g_assert_cmpstr (gone.out, ==, expect_gone);

  /* Usage errors: exit 2, before connecting. */
  run_cli (&no_room, "textroom", "destroy", NULL);
  assert_error_code (&no_room, 2, "usage", 2);
  run_cli (&bad_room, "textroom", "exists", "--room", "lobby", NULL);
  assert_error_code (&bad_room, 2, "usage", 2);
  run_cli (&extra, "textroom", "list", "extra", NULL);
  assert_error_code (&extra, 2, "usage", 2);
  run_cli (&unknown, "textroom", "chat", NULL);
  assert_error_code (&unknown, 2, "usage", 2);
  run_cli (&help, "textroom", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "participants"));
}

/* Hostile replies: a fake Janus answers every plugin message with the
 * scripted plugin data. */

typedef enum
{
  LIST,
  PARTICIPANTS,
  EXISTS,
  CREATE,
  EDIT,
  DESTROY,
  ALLOWED,
  KICK,
  ANNOUNCE,
} Request;

typedef struct
{
  const char *name;
  Request request;
  const char *data;   /* plugin data, single-quoted JSON */
  const char *error;  /* (nullable) in the request's error; NULL: it succeeds */
  int code;           /* of the error: 0 for JC_ERROR_PROTOCOL, else the plugin's */
  const char *result; /* (nullable) what the call returned, as summarise () writes it */
} ReplyCase;

static const ReplyCase cases[] = {
  { "list/ok", LIST, "{'textroom': 'success', 'list': [{'room': 12, 'description': 'a', 'num_participants': 2, 'history': 5, 'pin_required': true}]}", NULL, 0, "12:a:2:5:pin" },
  { "list/rooms-member", LIST, "{'textroom': 'success', 'rooms': [{'room': 12}]}", NULL, 0, "12:-:0:0:-" },
  { "list/not-array", LIST, "{'textroom': 'success', 'list': {'room': 12}}", "“list”" },
  { "list/string", LIST, "{'textroom': 'success', 'list': 'rooms'}", "“list”" },
  { "list/missing", LIST, "{'textroom': 'success'}", "“list”" },
  { "list/entries", LIST, "{'textroom': 'success', 'list': [5, 'x', null, [], {'room': 'lobby'}, {'room': 1.5}, {'room': -3}, {'room': 9007199254740992}, {'description': 'no id'}, {'room': 13, 'description': 7, 'num_participants': '2', 'history': -1, 'pin_required': 'yes'}]}", NULL, 0, "13:-:0:0:-" },
  { "list/kind-event", LIST, "{'textroom': 'event', 'list': []}", "answered “event”" },
  { "list/kind-missing", LIST, "{'list': []}", "answered “nothing”" },
  { "list/kind-number", LIST, "{'textroom': 5, 'list': []}", "answered “nothing”" },
  { "list/error", LIST, "{'textroom': 'error', 'error_code': 417, 'error': 'No such room'}", "No such room", 417 },
  { "list/error-code-string", LIST, "{'textroom': 'error', 'error_code': '417', 'error': 'No such room'}", "invalid error_code" },
  { "list/error-code-float", LIST, "{'textroom': 'error', 'error_code': 417.5}", "invalid error_code" },
  { "list/error-code-negative", LIST, "{'textroom': 'error', 'error_code': -1}", "invalid error_code" },
  { "participants/ok", PARTICIPANTS, "{'room': 12, 'participants': [{'username': 'alice', 'display': 'Alice'}, {'username': 'bob'}]}", NULL, 0, "alice:Alice,bob:-" },
  { "participants/success", PARTICIPANTS, "{'textroom': 'success', 'participants': []}", NULL, 0, "" },
  { "participants/kind-event", PARTICIPANTS, "{'textroom': 'event', 'participants': []}", "answered “event”" },
  { "participants/kind-number", PARTICIPANTS, "{'textroom': 1, 'participants': []}", "answered “something not a string”" },
  { "participants/not-array", PARTICIPANTS, "{'participants': {'username': 'alice'}}", "“participants”" },
  { "participants/entries", PARTICIPANTS, "{'participants': [1, 'alice', {'display': 'x'}, {'username': 5}, {'username': 'carol', 'display': 6}]}", NULL, 0, "carol:-" },
  { "exists/ok", EXISTS, "{'textroom': 'success', 'room': 12, 'exists': true}", NULL, 0, "true" },
  { "exists/string", EXISTS, "{'textroom': 'success', 'room': 12, 'exists': 'yes'}", "“exists”" },
  { "exists/missing", EXISTS, "{'textroom': 'success', 'room': 12}", "“exists”" },
  { "create/ok", CREATE, "{'textroom': 'created', 'room': 12, 'permanent': false}", NULL, 0, "12" },
  { "create/success", CREATE, "{'textroom': 'success', 'room': 12}", NULL, 0, "12" },
  { "create/room-string", CREATE, "{'textroom': 'created', 'room': '12'}", "“room”" },
  { "create/room-float", CREATE, "{'textroom': 'created', 'room': 12.5}", "“room”" },
  { "create/room-zero", CREATE, "{'textroom': 'created', 'room': 0}", "“room”" },
  { "create/room-2^53", CREATE, "{'textroom': 'created', 'room': 9007199254740992}", "“room”" },
  { "create/room-missing", CREATE, "{'textroom': 'created'}", "“room”" },
  { "create/kind-destroyed", CREATE, "{'textroom': 'destroyed', 'room': 12}", "answered “destroyed”" },
  { "create/error", CREATE, "{'textroom': 'error', 'error_code': 418, 'error': 'Room 12 already exists'}", "already exists", 418 },
  { "edit/ok", EDIT, "{'textroom': 'edited', 'room': 12}", NULL, 0, "ok" },
  { "edit/kind-created", EDIT, "{'textroom': 'created', 'room': 12}", "answered “created”" },
  { "destroy/ok", DESTROY, "{'textroom': 'destroyed', 'room': 12}", NULL, 0, "ok" },
  { "destroy/kind-edited", DESTROY, "{'textroom': 'edited', 'room': 12}", "answered “edited”" },
  { "allowed/ok", ALLOWED, "{'textroom': 'success', 'room': 12, 'allowed': ['a', 'b']}", NULL, 0, "a,b" },
  { "allowed/missing", ALLOWED, "{'textroom': 'success', 'room': 12}", NULL, 0, "" },
  { "allowed/object", ALLOWED, "{'textroom': 'success', 'allowed': {'a': 1}}", "“allowed”" },
  { "allowed/entries", ALLOWED, "{'textroom': 'success', 'allowed': [1, 'a', null, {}, 'b']}", NULL, 0, "a,b" },
  { "kick/textbridge", KICK, "{'textbridge': 'success'}", NULL, 0, "ok" },
  { "kick/success", KICK, "{'textroom': 'success'}", NULL, 0, "ok" },
  { "kick/kind-event", KICK, "{'textroom': 'event'}", "answered “event”" },
  { "kick/error", KICK, "{'textroom': 'error', 'error_code': 423, 'error': 'No such user'}", "No such user", 423 },
  { "announcement/ok", ANNOUNCE, "{'textroom': 'success'}", NULL, 0, "ok" },
  { "announcement/kind-created", ANNOUNCE, "{'textroom': 'created'}", "answered “created”" },
};

typedef struct
{
  FakeJanus *fake;
  JcClient *client;
  JcSession *session;
  JcTextRoom *tr;
  char *reply; /* (owned) (nullable) plugin data for every message */
} Hostile;

/* TextRoom answers its room requests synchronously: `success` at once. */
static gboolean
hostile_hook (FakeJanus *fake, SoupWebsocketConnection *conn, JsonObject *request, gpointer user_data)
{
  Hostile *h = user_data;
  g_autofree char *extra = NULL;

  if (g_strcmp0 (jc_json_lookup_string (request, "janus"), "message") != 0 || h->reply == NULL)
    return FALSE;
  extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}}", JC_TEXT_ROOM_PLUGIN, h->reply);
  fake_janus_reply (fake, request, "success", extra);
  return TRUE;
}

static void
hostile_setup (Hostile *h, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  h->fake = fake_janus_new ();
  fake_janus_set_hook (h->fake, hostile_hook, h);
  h->client = jc_test_connect (fake_janus_get_uri (h->fake), &error);
  g_assert_no_error (error);
  h->session = jc_test_create_session (h->client, &error);
  g_assert_no_error (error);
  h->tr = attach (h->session);
}

static void
hostile_teardown (Hostile *h, gconstpointer data)
{
  g_clear_object (&h->tr);
  g_clear_object (&h->session);
  g_clear_object (&h->client);
  g_clear_pointer (&h->fake, fake_janus_free);
  g_clear_pointer (&h->reply, g_free);
}

static void
append_room (GString *out, JcTextRoomInfo *info)
{
  const char *description = jc_text_room_info_get_description (info);

  g_string_append_printf (out, "%" G_GUINT64_FORMAT ":%s:%u:%u:%s", jc_text_room_info_get_room (info),
                          description != NULL ? description : "-", jc_text_room_info_get_num_participants (info),
                          jc_text_room_info_get_history (info), jc_text_room_info_is_pin_required (info) ? "pin" : "-");
}

/* Runs @request; returns what it returned as text, or NULL with @error. */
static char *
run_request (Hostile *h, Request request, GError **error)
{
  const char *const tokens[] = { "a", NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) array = NULL;
  g_auto (GStrv) strv = NULL;
  GString *out = g_string_new (NULL);
  gboolean exists = FALSE, ok = FALSE;
  guint64 room;

  switch (request)
    {
    case LIST:
      jc_text_room_list_async (h->tr, NULL, NULL, CB);
      result = WAIT_RESULT ();
      array = jc_text_room_list_finish (h->tr, result, error);
      for (guint i = 0; array != NULL && i < array->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_room (out, g_ptr_array_index (array, i));
        }
      ok = array != NULL;
      break;
    case PARTICIPANTS:
      jc_text_room_list_participants_async (h->tr, 12, NULL, CB);
      result = WAIT_RESULT ();
      array = jc_text_room_list_participants_finish (h->tr, result, error);
      for (guint i = 0; array != NULL && i < array->len; i++)
        {
          JcTextRoomParticipant *p = g_ptr_array_index (array, i);
          const char *display = jc_text_room_participant_get_display (p);

          g_string_append_printf (out, "%s%s:%s", i > 0 ? "," : "", jc_text_room_participant_get_username (p),
                                  display != NULL ? display : "-");
          g_assert_nonnull (jc_text_room_participant_get_json (p));
        }
      ok = array != NULL;
      break;
    case EXISTS:
      jc_text_room_exists_async (h->tr, 12, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_text_room_exists_finish (h->tr, result, &exists, error);
      g_string_append (out, exists ? "true" : "false");
      break;
    case CREATE:
      jc_text_room_create_async (h->tr, 0, NULL, NULL, CB);
      result = WAIT_RESULT ();
      room = jc_text_room_create_finish (h->tr, result, error);
      g_string_append_printf (out, "%" G_GUINT64_FORMAT, room);
      ok = room != 0;
      break;
    case EDIT:
      jc_text_room_edit_async (h->tr, 12, NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_text_room_edit_finish (h->tr, result, error);
      g_string_append (out, "ok");
      break;
    case DESTROY:
      jc_text_room_destroy_async (h->tr, 12, NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_text_room_destroy_finish (h->tr, result, error);
      g_string_append (out, "ok");
      break;
    case ALLOWED:
      jc_text_room_allowed_async (h->tr, 12, JC_TEXT_ROOM_ALLOWED_ADD, tokens, NULL, NULL, CB);
      result = WAIT_RESULT ();
      strv = jc_text_room_allowed_finish (h->tr, result, error);
      if (strv != NULL)
        {
          g_autofree char *joined = g_strjoinv (",", strv);

          g_string_append (out, joined);
        }
      ok = strv != NULL;
      break;
    case KICK:
      jc_text_room_kick_async (h->tr, 12, "alice", NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_text_room_kick_finish (h->tr, result, error);
      g_string_append (out, "ok");
      break;
    case ANNOUNCE:
      jc_text_room_announcement_async (h->tr, 12, "hello", NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_text_room_announcement_finish (h->tr, result, error);
      g_string_append (out, "ok");
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, !ok);
}

static void
test_hostile_reply (Hostile *h, gconstpointer data)
{
  const ReplyCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) after_error = NULL;
  g_autofree char *got = NULL;
  g_autofree char *after = NULL;

  h->reply = g_strdelimit (g_strdup (c->data), "'", '"');
  got = run_request (h, c->request, &error);
  if (c->error != NULL)
    {
      g_assert_null (got);
      g_assert_nonnull (error);
      if (c->code == 0)
        g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      else
        g_assert_error (error, JC_PLUGIN_ERROR, c->code);
      if (strstr (error->message, c->error) == NULL)
        g_error ("“%s” not in the error message “%s”", c->error, error->message);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, c->result);
    }

  /* The handle still works. */
  g_free (h->reply);
  h->reply = g_strdup ("{\"textroom\": \"success\", \"room\": 12, \"exists\": true}");
  after = run_request (h, EXISTS, &after_error);
  g_assert_no_error (after_error);
  g_assert_cmpstr (after, ==, "true");
}

/* What goes out: the body of each typed request. */
static void
test_hostile_bodies (Hostile *h, gconstpointer data)
{
  g_autoptr (JcTextRoomRequest) options = jc_text_room_request_new ();
  g_autoptr (GError) error = NULL;
  static const struct
  {
    Request request;
    const char *body;
  } expected[] = {
    { LIST, "{\"request\":\"list\"}" },
    { PARTICIPANTS, "{\"request\":\"listparticipants\",\"room\":12}" },
    { EXISTS, "{\"request\":\"exists\",\"room\":12}" },
    { CREATE, "{\"request\":\"create\"}" },
    { EDIT, "{\"request\":\"edit\",\"room\":12}" },
    { DESTROY, "{\"request\":\"destroy\",\"room\":12}" },
    { ALLOWED, "{\"request\":\"allowed\",\"action\":\"add\",\"allowed\":[\"a\"],\"room\":12}" },
    { KICK, "{\"request\":\"kick\",\"username\":\"alice\",\"room\":12}" },
    { ANNOUNCE, "{\"request\":\"announcement\",\"text\":\"hello\",\"room\":12}" },
  };

  h->reply = g_strdup ("{\"textroom\": \"error\", \"error_code\": 499, \"error\": \"scripted\"}");
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *got = NULL;
      g_autofree char *text = NULL;
      JsonObject *message;
      JsonObject *body = NULL;

      got = run_request (h, expected[i].request, &error);
      g_assert_null (got);
      g_assert_error (error, JC_PLUGIN_ERROR, JC_TEXT_ROOM_ERROR_UNKNOWN);
      g_clear_error (&error);
      message = fake_janus_last_request (h->fake, "message");
      g_assert_nonnull (message);
      g_assert_true (jc_json_get_object (message, "body", &body, NULL));
      text = jc_json_to_string (body);
      g_assert_cmpstr (text, ==, expected[i].body);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int ret;

  /* The fake Janus: no GSettings schemas, no proxy for 127.0.0.1. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);

  g_test_add_func ("/textroom/request-fields", test_request_fields);
#define ADD(path, func) g_test_add ("/textroom/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("admin/create-exists-list-destroy", test_create_exists_list_destroy);
  ADD ("admin/secret-edit", test_secret_edit);
  ADD ("admin/allowed-participants-kick-announcement", test_allowed_participants_kick_announcement);
  ADD ("admin/generic-request", test_generic_request);
#undef ADD
  g_test_add_func ("/textroom/cli", test_cli);
  g_test_add ("/textroom/hostile/bodies", Hostile, NULL, hostile_setup, test_hostile_bodies, hostile_teardown);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/textroom/hostile/reply/%s", cases[i].name);

      g_test_add (path, Hostile, &cases[i], hostile_setup, test_hostile_reply, hostile_teardown);
    }

  ret = g_test_run ();
  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  return ret;
}

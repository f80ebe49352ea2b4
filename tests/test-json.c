/* test-json.c: the typed JSON accessors that read everything Janus sends
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-enum-types.h"
#include "jc-json-private.h"
#include "jc-test-util.h"

/* jc_json_parse_object */

typedef struct
{
  const char *path;
  const char *text;
  gssize length; /* -1: NUL-terminated */
  gboolean ok;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "object", "{\"janus\": \"ack\", \"transaction\": \"t\"}", -1, TRUE },
  { "object-with-whitespace", " \n\t{\"a\": [1, 2, {\"b\": null}]}\n ", -1, TRUE },
  { "empty-object", "{}", -1, TRUE },
  { "array", "[1, 2, 3]", -1, FALSE },
  { "empty-array", "[]", -1, FALSE },
  { "number", "42", -1, FALSE },
  { "string", "\"janus\"", -1, FALSE },
  { "null", "null", -1, FALSE },
  { "true", "true", -1, FALSE },
  { "empty", "", -1, FALSE },
  { "empty-with-length", "{}", 0, FALSE },
  { "whitespace", "  \n ", -1, FALSE },
  { "assignment", "var x = {\"janus\": \"ack\"}", -1, FALSE },
  /* json-glib 1.6 accepts comments and single quotes: still one object. */
  { "comment", "/* c */ {\"janus\": \"ack\"}", -1, TRUE },
  { "single-quotes", "{'janus': 'ack'}", -1, TRUE },
  { "garbage", "{{{", -1, FALSE },
  { "truncated", "{\"janus\": \"ack\"", -1, FALSE },
  { "missing-value", "{\"janus\":}", -1, FALSE },
  { "trailing-garbage", "{\"janus\": \"ack\"} x", -1, FALSE },
  { "invalid-utf8", "{\"janus\": \"\xff\xfe\"}", -1, FALSE },
  { "embedded-nul", "{\"a\": 1}\0{\"b\": 2}", 17, FALSE },
  { "length-cuts-object", "{\"a\": 1}{", 8, TRUE },
  { "binary", "\x01\x02\x03", -1, FALSE },
};

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) obj = jc_json_parse_object (c->text, c->length, &error);

  if (c->ok)
    {
      g_assert_no_error (error);
      g_assert_nonnull (obj);
    }
  else
    {
      g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      g_assert_null (obj);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_parse_null_error (void)
{
  /* A NULL GError ** must be fine on every failure path. */
  g_assert_null (jc_json_parse_object ("[]", -1, NULL));
  g_assert_null (jc_json_parse_object ("", -1, NULL));
  g_assert_null (jc_json_parse_object (NULL, 0, NULL));
  g_assert_null (jc_json_parse_object ("{", -1, NULL));
  g_assert_null (jc_json_parse_object ("var a = {}", -1, NULL));
}

static char *
nested (guint depth, const char *open, const char *inner, const char *close)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, open);
  g_string_append (s, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (s, close);
  return g_string_free (s, FALSE);
}

static void
test_parse_nested_moderate (void)
{
  g_autofree char *text = nested (200, "{\"a\": ", "1", "}");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) obj = jc_json_parse_object (text, -1, &error);

  /* Sane nesting parses. */
  g_assert_no_error (error);
  g_assert_nonnull (obj);
}

/* A hostile server can send a deeply nested message far below the 8 MiB
 * limit; json-glib 1.6 recurses once per level and overflows the stack
 * around 100 000 levels (~200 KB of text). The parser must refuse it with
 * a protocol error instead of crashing. Runs in a subprocess so a crash
 * fails only this test. */
static void
test_parse_nested_hostile (gconstpointer data)
{
  const char *kind = data;

  if (g_test_subprocess ())
    {
      g_autofree char *text = g_str_equal (kind, "array") ? nested (500000, "[", "", "]")
                                                          : nested (500000, "{\"a\":", "1", "}");
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonObject) obj = jc_json_parse_object (text, -1, &error);

      g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      g_assert_null (obj);
      return;
    }
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* jc_json_get_id */

typedef struct
{
  const char *path;
  const char *json; /* an object; "id" is looked up */
  gboolean ok;
  guint64 expected;
} IdCase;

static const IdCase id_cases[] = {
  { "one", "{\"id\": 1}", TRUE, 1 },
  { "typical", "{\"id\": 5396531405862171}", TRUE, G_GUINT64_CONSTANT (5396531405862171) },
  { "max", "{\"id\": 9007199254740991}", TRUE, G_GUINT64_CONSTANT (9007199254740991) },
  { "missing", "{\"other\": 1}", FALSE, 0 },
  { "string", "{\"id\": \"123\"}", FALSE, 0 },
  { "negative", "{\"id\": -5}", FALSE, 0 },
  { "zero", "{\"id\": 0}", FALSE, 0 },
  { "2^53", "{\"id\": 9007199254740992}", FALSE, 0 },
  { "2^63", "{\"id\": 9223372036854775808}", FALSE, 0 },
  { "2^64-1", "{\"id\": 18446744073709551615}", FALSE, 0 },
  { "beyond-2^64", "{\"id\": 99999999999999999999999}", FALSE, 0 },
  { "below-int64", "{\"id\": -9223372036854775809}", FALSE, 0 },
  { "double", "{\"id\": 1.5}", FALSE, 0 },
  { "double-integral", "{\"id\": 7.0}", FALSE, 0 },
  { "1e300", "{\"id\": 1e300}", FALSE, 0 },
  { "bool", "{\"id\": true}", FALSE, 0 },
  { "null", "{\"id\": null}", FALSE, 0 },
  { "object", "{\"id\": {\"id\": 1}}", FALSE, 0 },
  { "array", "{\"id\": [1]}", FALSE, 0 },
};

static void
test_get_id (gconstpointer data)
{
  const IdCase *c = data;
  g_autoptr (JsonObject) obj = jc_test_json (c->json);
  g_autoptr (GError) error = NULL;
  guint64 id = 77;
  guint64 looked_up = 77;
  gboolean ok = jc_json_get_id (obj, "id", &id, &error);

  g_assert_cmpint (jc_json_lookup_id (obj, "id", &looked_up), ==, c->ok);
  if (c->ok)
    {
      g_assert_true (ok);
      g_assert_no_error (error);
      g_assert_cmpuint (id, ==, c->expected);
      g_assert_cmpuint (looked_up, ==, c->expected);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, "“id”"));
      /* Untouched on failure. */
      g_assert_cmpuint (id, ==, 77);
      g_assert_cmpuint (looked_up, ==, 77);
    }
}

/* get_string, get_object: wrong types are errors, never criticals */

static void
test_get_string_object (void)
{
  g_autoptr (JsonObject) obj = jc_test_json ("{\"s\": \"x\", \"n\": 7, \"d\": 1.5, \"b\": false, \"z\": null,"
                                             " \"o\": {\"k\": 1}, \"a\": [\"x\"]}");
  const char *wrong_for_string[] = { "n", "d", "b", "z", "o", "a", "missing" };
  const char *wrong_for_object[] = { "s", "n", "d", "b", "z", "a", "missing" };
  const char *s = NULL;
  JsonObject *o = NULL;

  g_assert_true (jc_json_get_string (obj, "s", &s, NULL));
  g_assert_cmpstr (s, ==, "x");
  g_assert_true (jc_json_get_object (obj, "o", &o, NULL));
  g_assert_true (json_object_has_member (o, "k"));

  for (gsize i = 0; i < G_N_ELEMENTS (wrong_for_string); i++)
    {
      g_autoptr (GError) error = NULL;

      s = "untouched";
      g_assert_false (jc_json_get_string (obj, wrong_for_string[i], &s, &error));
      g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, wrong_for_string[i]));
      g_assert_cmpstr (s, ==, "untouched");
    }
  for (gsize i = 0; i < G_N_ELEMENTS (wrong_for_object); i++)
    {
      g_autoptr (GError) error = NULL;

      o = NULL;
      g_assert_false (jc_json_get_object (obj, wrong_for_object[i], &o, &error));
      g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, wrong_for_object[i]));
      g_assert_null (o);
    }
  /* A NULL object (an absent parent) is an error too, not a critical. */
  g_assert_false (jc_json_get_string (NULL, "s", &s, NULL));
  g_assert_false (jc_json_get_object (NULL, "o", &o, NULL));
}

/* lookup_*: absent or wrong type → NULL/FALSE and silence (a critical or
 * warning would abort the test: g_test_init () makes them fatal). */
static void
test_lookup_quiet (void)
{
  g_autoptr (JsonObject) obj = jc_test_json ("{\"s\": \"x\", \"n\": 7, \"d\": 1.5, \"b\": true, \"z\": null,"
                                             " \"o\": {}, \"a\": []}");
  const char *members[] = { "s", "n", "d", "b", "z", "o", "a", "missing" };
  gint64 i64;
  gboolean b;
  guint64 id;

  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *m = members[i];

      g_assert_true ((jc_json_lookup_string (obj, m) != NULL) == g_str_equal (m, "s"));
      g_assert_true ((jc_json_lookup_object (obj, m) != NULL) == g_str_equal (m, "o"));
      g_assert_true ((jc_json_lookup_array (obj, m) != NULL) == g_str_equal (m, "a"));
      g_assert_true (jc_json_lookup_int (obj, m, &i64) == g_str_equal (m, "n"));
      g_assert_true (jc_json_lookup_bool (obj, m, &b) == g_str_equal (m, "b"));
      g_assert_true (jc_json_lookup_id (obj, m, &id) == g_str_equal (m, "n"));
      g_assert_true (jc_json_has_member (obj, m) == !g_str_equal (m, "missing"));
    }
  g_assert_true (jc_json_lookup_int (obj, "n", &i64));
  g_assert_cmpint (i64, ==, 7);
  g_assert_true (jc_json_lookup_bool (obj, "b", &b));
  g_assert_true (b);

  /* A NULL object: the parent member was absent. */
  g_assert_null (jc_json_lookup_string (NULL, "s"));
  g_assert_null (jc_json_lookup_object (NULL, "o"));
  g_assert_null (jc_json_lookup_array (NULL, "a"));
  g_assert_false (jc_json_lookup_int (NULL, "n", &i64));
  g_assert_false (jc_json_lookup_bool (NULL, "b", &b));
  g_assert_false (jc_json_lookup_id (NULL, "n", &id));
  g_assert_false (jc_json_has_member (NULL, "n"));
}

/* Redaction */

static const char *const secrets[] = {
  "SECRET-apisecret",
  "SECRET-admin",
  "SECRET-token",
  "SECRET-room",
  "SECRET-pin",
  "SECRET-in-array",
  "SECRET-deep",
  "SECRET-password",
};

static void
test_redact (void)
{
  g_autoptr (JsonObject) obj = jc_test_json (
      "{\"janus\": \"message\", \"apisecret\": \"SECRET-apisecret\", \"admin_secret\": \"SECRET-admin\","
      " \"token\": \"SECRET-token\", \"transaction\": \"keep-1\","
      " \"body\": {\"request\": \"create\", \"secret\": \"SECRET-room\", \"pin\": \"SECRET-pin\","
      "          \"list\": [{\"secret\": \"SECRET-in-array\"}, [{\"x\": {\"token\": \"SECRET-deep\"}}], \"keep-2\"],"
      "          \"password\": \"SECRET-password\", \"numeric_pin\": 1234, \"pin_number\": \"keep-3\"}}");
  g_autoptr (JsonObject) numeric = jc_test_json ("{\"body\": {\"pin\": 987654321}}");
  g_autofree char *before = jc_json_to_string (obj);
  g_autofree char *text = jc_json_to_redacted_string (obj);
  g_autofree char *after = jc_json_to_string (obj);
  g_autofree char *numeric_text = jc_json_to_redacted_string (numeric);

  for (gsize i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_assert_null (strstr (text, secrets[i]));
      g_assert_nonnull (strstr (before, secrets[i]));
    }
  g_assert_nonnull (strstr (text, "[redacted]"));
  g_assert_nonnull (strstr (text, "keep-1"));
  g_assert_nonnull (strstr (text, "keep-2"));
  g_assert_nonnull (strstr (text, "keep-3"));
  g_assert_nonnull (strstr (text, "1234"));
  g_assert_nonnull (strstr (text, "\"request\":\"create\""));
  g_assert_null (strstr (numeric_text, "987654321"));
  /* The original is left alone. */
  g_assert_cmpstr (before, ==, after);

  /* The result is still JSON. */
  {
    g_autoptr (JsonObject) back = jc_json_parse_object (text, -1, NULL);

    g_assert_nonnull (back);
    g_assert_cmpstr (jc_json_lookup_string (back, "apisecret"), ==, "[redacted]");
  }
}

/* A secret member whose value is an object or an array must not leak its
 * contents either. */
static void
test_redact_structured_secret (void)
{
  g_autoptr (JsonObject) obj = jc_test_json (
      "{\"token\": [\"SECRET-a\", \"SECRET-b\"], \"body\": {\"secret\": {\"value\": \"SECRET-c\"}}}");
  g_autofree char *text = jc_json_to_redacted_string (obj);

  g_assert_null (strstr (text, "SECRET-a"));
  g_assert_null (strstr (text, "SECRET-b"));
  g_assert_null (strstr (text, "SECRET-c"));
}

/* VideoRoom's and TextRoom's `allowed` lists are invitation tokens. */
static void
test_redact_allowed_tokens (void)
{
  g_autoptr (JsonObject) obj = jc_test_json (
      "{\"body\": {\"request\": \"allowed\", \"action\": \"add\", \"allowed\": [\"SECRET-t1\", \"SECRET-t2\"]}}");
  g_autofree char *text = jc_json_to_redacted_string (obj);

  g_assert_null (strstr (text, "SECRET-t1"));
  g_assert_null (strstr (text, "SECRET-t2"));
  g_assert_nonnull (strstr (text, "\"action\":\"add\""));
}

static void
test_secret_members (void)
{
  const char *yes[] = { "apisecret", "admin_secret", "token", "secret", "pin", "allowed", "admin_key" };
  const char *no[] = { "janus", "transaction", "session_id", "secrets", "Token", "pin_code", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (jc_json_is_secret_member (yes[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (jc_json_is_secret_member (no[i]));
}

/* Deep copy */

static gboolean
objects_equal (JsonObject *a, JsonObject *b)
{
  g_autoptr (JsonNode) na = json_node_init_object (json_node_alloc (), a);
  g_autoptr (JsonNode) nb = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (na, nb);
}

static void
test_copy_deep (void)
{
  const char *text = "{\"a\": {\"b\": {\"c\": 1}}, \"l\": [{\"d\": 2}, [3]], \"s\": \"x\", \"z\": null}";
  g_autoptr (JsonObject) orig = jc_test_json (text);
  g_autoptr (JsonObject) pristine = jc_test_json (text);
  g_autoptr (JsonObject) copy = jc_json_object_copy (orig);
  JsonObject *b;
  JsonArray *l;

  g_assert_true (copy != orig);
  g_assert_true (objects_equal (copy, orig));

  b = jc_json_lookup_object (jc_json_lookup_object (copy, "a"), "b");
  g_assert_nonnull (b);
  g_assert_true (b != jc_json_lookup_object (jc_json_lookup_object (orig, "a"), "b"));
  json_object_set_int_member (b, "c", 99);
  json_object_set_string_member (b, "new", "y");
  l = jc_json_lookup_array (copy, "l");
  g_assert_nonnull (l);
  g_assert_true (l != jc_json_lookup_array (orig, "l"));
  json_object_set_int_member (json_array_get_object_element (l, 0), "d", 42);
  json_array_add_int_element (json_array_get_array_element (l, 1), 4);
  json_array_add_int_element (l, 5);
  json_object_remove_member (copy, "s");

  /* The original did not move. */
  g_assert_true (objects_equal (orig, pristine));
  g_assert_false (objects_equal (copy, pristine));
}

/* Error descriptions */

static void
test_server_error_describe (void)
{
  GEnumClass *klass = g_type_class_ref (JC_TYPE_SERVER_ERROR);

  g_assert_cmpstr (jc_server_error_describe (458), ==, "No such session");
  g_assert_cmpstr (jc_server_error_describe (403), ==, "Unauthorized");
  g_assert_cmpstr (jc_server_error_describe (460), ==, "No such plugin");
  g_assert_cmpstr (jc_server_error_describe (490), ==, "Unknown error");
  g_assert_cmpstr (jc_server_error_describe (0), ==, "Unknown error code");
  g_assert_cmpstr (jc_server_error_describe (-1), ==, "Unknown error code");
  g_assert_cmpstr (jc_server_error_describe (12345), ==, "Unknown error code");
  /* Every named code has its own description. */
  for (guint i = 0; i < klass->n_values; i++)
    g_assert_cmpstr (jc_server_error_describe (klass->values[i].value), !=, "Unknown error code");
  g_type_class_unref (klass);

  g_assert_cmpstr (g_quark_to_string (JC_ERROR), ==, "jc-error-quark");
  g_assert_cmpstr (g_quark_to_string (JC_SERVER_ERROR), ==, "jc-server-error-quark");
  g_assert_cmpstr (g_quark_to_string (JC_PLUGIN_ERROR), ==, "jc-plugin-error-quark");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/parse/%s", parse_cases[i].path);

      g_test_add_data_func (path, &parse_cases[i], test_parse);
    }
  g_test_add_func ("/json/parse/null-error", test_parse_null_error);
  g_test_add_func ("/json/parse/nested-moderate", test_parse_nested_moderate);
  for (gsize i = 0; i < G_N_ELEMENTS (id_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/id/%s", id_cases[i].path);

      g_test_add_data_func (path, &id_cases[i], test_get_id);
    }
  g_test_add_func ("/json/get/string-object", test_get_string_object);
  g_test_add_func ("/json/lookup/quiet", test_lookup_quiet);
  g_test_add_func ("/json/redact/any-depth", test_redact);
  g_test_add_func ("/json/redact/structured-secret", test_redact_structured_secret);
  g_test_add_func ("/json/redact/members", test_secret_members);
  g_test_add_func ("/json/redact/allowed-tokens", test_redact_allowed_tokens);
  g_test_add_func ("/json/copy/deep", test_copy_deep);
  g_test_add_func ("/json/error/describe", test_server_error_describe);
  /* Last: a failure here ends the TAP run (Bail out!). */
  g_test_add_data_func ("/json/hostile/nested/object", "object", test_parse_nested_hostile);
  g_test_add_data_func ("/json/hostile/nested/array", "array", test_parse_nested_hostile);

  return g_test_run ();
}

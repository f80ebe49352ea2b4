/* test-tls.c: wss:// and https:// certificate verification against the
 * fake Janus
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib/gstdio.h>

#include "fake-janus.h"
#include "jc-test-util.h"

static char *cert_dir;  /* (owned) a temporary folder */
static char *cert_path; /* (owned) cert.pem, also the CA file */
static GTlsCertificate *certificate;

/* A self-signed certificate for 127.0.0.1, made with openssl. */
static gboolean
make_certificate (void)
{
  g_autofree char *key_path = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                         "-keyout", NULL, "-out", NULL, NULL };

  cert_dir = g_dir_make_tmp ("jc-tls-XXXXXX", &error);
  g_assert_no_error (error);
  key_path = g_build_filename (cert_dir, "key.pem", NULL);
  cert_path = g_build_filename (cert_dir, "cert.pem", NULL);
  argv[13] = key_path;
  argv[15] = cert_path;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  g_unlink (key_path);
  return TRUE;
}

static GError *
try_connect (JcClient *client)
{
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  GError *error = NULL;

  jc_client_connect_async (client, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  jc_client_connect_finish (client, result, &error);
  return error;
}

static void
test_tls_untrusted (void)
{
  FakeJanus *fake;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (GError) error = NULL;

  if (certificate == NULL)
    {
      g_test_skip ("openssl is not installed: cannot make a test certificate");
      return;
    }
  fake = fake_janus_new_tls (certificate);
  client = jc_client_new_for_uri (fake_janus_get_uri (fake), &error);
  g_assert_no_error (error);
  /* Verification is on by default: a self-signed certificate is refused. */
  error = try_connect (client);
  g_assert_error (error, JC_ERROR, JC_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, fake_janus_get_uri (fake)));
  g_clear_object (&client);
  fake_janus_free (fake);
}

static void
test_tls_ca_file (void)
{
  FakeJanus *fake;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (GError) error = NULL;

  if (certificate == NULL)
    {
      g_test_skip ("openssl is not installed: cannot make a test certificate");
      return;
    }
  fake = fake_janus_new_tls (certificate);
  client = jc_client_new_for_uri (fake_janus_get_uri (fake), &error);
  g_assert_no_error (error);
  g_assert_true (jc_transport_set_tls_ca_file (jc_client_get_transport (client), cert_path, &error));
  g_assert_no_error (error);
  error = try_connect (client);
  g_assert_no_error (error);
  session = jc_test_create_session (client, &error);
  g_assert_no_error (error);
  g_clear_object (&session);
  g_clear_object (&client);
  fake_janus_free (fake);
}

static void
test_tls_bad_ca_file (void)
{
  g_autoptr (JcClient) client = jc_client_new_for_uri ("wss://127.0.0.1:1/janus", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (jc_transport_set_tls_ca_file (jc_client_get_transport (client), "/nonexistent/ca.pem", &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/ca.pem"));
}

static void
test_tls_insecure (void)
{
  g_autofree char *logs = NULL;
  FakeJanus *fake;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (GError) error = NULL;

  if (certificate == NULL)
    {
      g_test_skip ("openssl is not installed: cannot make a test certificate");
      return;
    }
  fake = fake_janus_new_tls (certificate);
  client = jc_client_new_for_uri (fake_janus_get_uri (fake), &error);
  g_assert_no_error (error);
  jc_transport_set_tls_insecure (jc_client_get_transport (client), TRUE);
  jc_test_capture_logs_begin ();
  error = try_connect (client);
  logs = jc_test_capture_logs_end ();
  g_assert_no_error (error);
  g_assert_nonnull (strstr (logs, "unverified TLS certificate"));
  g_clear_object (&client);
  fake_janus_free (fake);
}

int
main (int argc, char **argv)
{
  int ret;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);
  make_certificate ();

  g_test_add_func ("/tls/untrusted", test_tls_untrusted);
  g_test_add_func ("/tls/ca-file", test_tls_ca_file);
  g_test_add_func ("/tls/bad-ca-file", test_tls_bad_ca_file);
  g_test_add_func ("/tls/insecure", test_tls_insecure);

  ret = g_test_run ();
  g_clear_object (&certificate);
  if (cert_path != NULL)
    g_unlink (cert_path);
  if (cert_dir != NULL)
    g_rmdir (cert_dir);
  g_free (cert_path);
  g_free (cert_dir);
  return ret;
}

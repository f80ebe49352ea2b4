/* jc-local-janus-ready.c: telling when the private Janus is ready, and
 * why it is not
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <gio/gunixsocketaddress.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "jc-local-janus-private.h"

/* ---------------------------------------------------------------------- */
/* Readiness                                                              */

static GSocketConnection *
tcp_connect (const char *host, guint16 port, GError **error)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();

  /* Local addresses only: no proxy (the resolver may also need GSettings
   * schemas, which tests isolating XDG dirs do not have). */
  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_timeout (client, 2);
  return g_socket_client_connect_to_host (client, host, port, NULL, error);
}

static gboolean
tcp_accepts (const char *host, guint16 port)
{
  g_autoptr (GSocketConnection) conn = tcp_connect (host, port, NULL);

  return conn != NULL;
}

/* A blocking HTTP/1.0 GET (no chunked encoding); returns the body of a
 * 200 answer. */
char *
jc_local_janus_http_get (const char *host, guint16 port, const char *path, GError **error)
{
  g_autoptr (GSocketConnection) conn = tcp_connect (host, port, error);
  g_autofree char *request = NULL;
  g_autoptr (GByteArray) buf = g_byte_array_new ();
  GInputStream *in;
  const char *body;
  guint8 chunk[4096];
  gssize n;

  if (conn == NULL)
    return NULL;
  request = g_strdup_printf ("GET %s HTTP/1.0\r\nHost: %s:%u\r\nAccept: application/json\r\n\r\n",
                             path, host, port);
  if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), request,
                                  strlen (request), NULL, NULL, error))
    return NULL;
  in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  while ((n = g_input_stream_read (in, chunk, sizeof chunk, NULL, error)) > 0)
    {
      g_byte_array_append (buf, chunk, (guint) n);
      if (buf->len > 4 * 1024 * 1024)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       "http://%s:%u%s: answer too large", host, port, path);
          return NULL;
        }
    }
  if (n < 0)
    return NULL;
  g_byte_array_append (buf, (const guint8 *) "", 1);
  if (!g_str_has_prefix ((const char *) buf->data, "HTTP/1.") || buf->len < 13 ||
      strncmp ((const char *) buf->data + 8, " 200", 4) != 0)
    {
      g_autofree char *line = g_strndup ((const char *) buf->data,
                                         strcspn ((const char *) buf->data, "\r\n"));
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "http://%s:%u%s answered “%s”", host,
                   port, path, line);
      return NULL;
    }
  body = strstr ((const char *) buf->data, "\r\n\r\n");
  if (body == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "http://%s:%u%s: malformed answer",
                   host, port, path);
      return NULL;
    }
  return g_strdup (body + 4);
}

/* A WebSocket upgrade with @protocol answered by 101: proves the
 * WebSockets service thread is alive (a bound port alone does not). */
static gboolean
ws_handshake (const char *host, guint16 port, const char *protocol)
{
  g_autoptr (GSocketConnection) conn = tcp_connect (host, port, NULL);
  g_autofree char *request = NULL;
  GInputStream *in;
  char answer[1024];
  gsize got = 0;

  if (conn == NULL)
    return FALSE;
  request = g_strdup_printf ("GET / HTTP/1.1\r\nHost: %s:%u\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Key: amMtbG9jYWwtamFudXMtMQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: %s\r\n\r\n",
                             host, port, protocol);
  if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), request,
                                  strlen (request), NULL, NULL, NULL))
    return FALSE;
  in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  while (got < sizeof answer - 1)
    {
      gssize n = g_input_stream_read (in, answer + got, sizeof answer - 1 - got, NULL, NULL);

      if (n <= 0)
        return FALSE;
      got += (gsize) n;
      answer[got] = '\0';
      if (strstr (answer, "\r\n") != NULL)
        break;
    }
  return g_str_has_prefix (answer, "HTTP/1.1 101");
}

/* A Janus API ping over the Unix socket answered by pong: proves the
 * Unix Sockets service thread is alive (the socket file alone does not). */
static gboolean
unix_ping (const char *path)
{
  static const char ping[] = "{\"janus\":\"ping\",\"transaction\":\"jc-local-janus\"}";
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  char answer[512];
  gssize n;

  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_SEQPACKET, G_SOCKET_PROTOCOL_DEFAULT,
                         NULL);
  if (socket == NULL)
    return FALSE;
  g_socket_set_timeout (socket, 2);
  address = g_unix_socket_address_new (path);
  if (!g_socket_connect (socket, address, NULL, NULL) ||
      g_socket_send (socket, ping, strlen (ping), NULL, NULL) != (gssize) strlen (ping))
    return FALSE;
  n = g_socket_receive (socket, answer, sizeof answer - 1, NULL, NULL);
  if (n <= 0)
    return FALSE;
  answer[n] = '\0';
  return strstr (answer, "\"pong\"") != NULL;
}

static gboolean
info_lists (const char *info, const char *kind, const char *name)
{
  g_autofree char *key = g_strdup_printf ("\"janus.%s.%s\":", kind, name);

  return strstr (info, key) != NULL;
}

/* Returns TRUE if the child exited (and reaps it); @status gets its status. */
gboolean
jc_local_janus_child_exited (GPid pid, int *status)
{
  pid_t r;

  do
    r = waitpid (pid, status, WNOHANG);
  while (r < 0 && errno == EINTR);
  return r == pid || (r < 0 && errno == ECHILD);
}

static gboolean
janus_output_mentions (JcLocalJanus *self, const char *text)
{
  g_autofree char *out = NULL;

  return g_file_get_contents (self->out_path, &out, NULL, NULL) && strstr (out, text) != NULL;
}

static gboolean
log_mentions_dead_thread (JcLocalJanus *self)
{
  g_autofree char *log = NULL;

  if (!g_file_get_contents (self->log_path, &log, NULL, NULL))
    return FALSE;
  return strstr (log, "WebSockets thread ended") != NULL ||
         strstr (log, "Unix Sockets thread ended") != NULL;
}

static gboolean
log_mentions_bind_failure (JcLocalJanus *self)
{
  g_autofree char *log = NULL;

  if (!g_file_get_contents (self->log_path, &log, NULL, NULL))
    return FALSE;
  /* libwebsockets: "ERROR on binding fd 11 to port 36869 (-1 98)" then
   * "Error creating vhost for Websockets server"; HTTP: "Couldn't start
   * webserver on port N"; pfunix: "Bind for Unix Socket". */
  return strstr (log, "ERROR on binding") != NULL ||
         strstr (log, "Error creating vhost") != NULL ||
         strstr (log, "Couldn't start webserver") != NULL ||
         strstr (log, "Couldn't start admin/monitor webserver") != NULL ||
         strstr (log, "Bind for Unix Socket") != NULL ||
         strstr (log, "Address already in use") != NULL;
}

/* TRUE if a line of @log starts with @text (after the timestamp). */
static gboolean
log_has_line (const char *log, const char *text)
{
  for (const char *p = strstr (log, text); p != NULL; p = strstr (p + 1, text))
    if (p == log || p[-1] == '\n' || (p - log >= 2 && p[-2] == ']' && p[-1] == ' '))
      return TRUE;
  return FALSE;
}

/* NULL if Janus logged that it listens on every port, else what is missing. */
static char *
log_missing_listener (JcLocalJanus *self)
{
  g_autofree char *log = NULL;
  char *lines[4];
  char *missing = NULL;

  if (!g_file_get_contents (self->log_path, &log, NULL, NULL))
    return g_strdup_printf ("Janus's log %s", self->log_path);
  lines[0] = g_strdup_printf ("Websockets server started (port %u)", self->ws_port);
  lines[1] = g_strdup_printf ("Admin Websockets server started (port %u)", self->admin_ws_port);
  lines[2] = g_strdup_printf ("HTTP webserver started (port %u,", self->http_port);
  lines[3] = g_strdup_printf ("Admin/monitor HTTP webserver started (port %u,",
                              self->admin_http_port);
  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      if (missing == NULL && !log_has_line (log, lines[i]))
        missing = g_strdup_printf ("“%s” in Janus's log", lines[i]);
      g_free (lines[i]);
    }
  return missing;
}

/* The module whose .jcfg Janus could not parse (e.g.
 * "janus.plugin.videoroom"), or NULL. Janus logs the error and goes on
 * with that module's defaults: "Error parsing config file at line 2:
 * syntax error", then "Couldn't find .jcfg configuration file
 * (janus.plugin.videoroom), trying .cfg". */
static char *
log_unparsable_module (JcLocalJanus *self)
{
  static const char intro[] = "Couldn't find .jcfg configuration file (";
  g_autofree char *log = NULL;
  const char *p;

  if (!g_file_get_contents (self->log_path, &log, NULL, NULL))
    return NULL;
  p = strstr (log, "Error parsing config file");
  if (p == NULL)
    return NULL;
  p = strstr (p, intro);
  if (p == NULL)
    return g_strdup ("a module");
  p += strlen (intro);
  return g_strndup (p, strcspn (p, ")\n"));
}

WaitResult
jc_local_janus_wait_ready (JcLocalJanus *self, gint64 deadline, GError **error)
{
  g_autofree char *missing = NULL;

  for (;;)
    {
      g_autofree char *info = NULL;
      g_autoptr (GError) http_error = NULL;
      int status = 0;

      g_clear_pointer (&missing, g_free);
      if (jc_local_janus_child_exited (self->pid, &status))
        {
          g_autoptr (GError) status_error = NULL;
          g_autofree char *tail = NULL;

          self->pid = 0;
          g_spawn_check_wait_status (status, &status_error);
          tail = jc_local_janus_log_tail (self);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Janus exited during startup (%s)%s",
                       status_error != NULL ? status_error->message : "exit status 0", tail);
          return log_mentions_bind_failure (self) ? WAIT_RETRY : WAIT_FAILED;
        }

      info = jc_local_janus_http_get (self->host, self->http_port, "/janus/info", &http_error);
      /* Janus does not exit on a janus.jcfg it cannot parse: it goes on
       * with its defaults (stock module folders, no log, public IP). It
       * says so before listening, so check after the request. */
      if (janus_output_mentions (self, "Error reading/parsing the configuration file"))
        {
          g_autofree char *tail = jc_local_janus_log_tail (self);
          g_autofree char *config = jc_local_janus_work_path (self, "janus.jcfg");
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Janus could not parse %s (extra general lines: “%s”)%s", config,
                       self->extra_general != NULL ? self->extra_general : "", tail);
          return WAIT_FAILED;
        }

      if (info == NULL)
        missing = g_strdup_printf ("HTTP info: %s", http_error->message);
      else
        {
          /* Plugins load before transports: once HTTP answers, a missing
           * plugin will never come. */
          for (gsize i = 0; i < G_N_ELEMENTS (jc_local_janus_wanted_plugins); i++)
            if (!info_lists (info, "plugin", jc_local_janus_wanted_plugins[i]))
              {
                g_autofree char *tail = jc_local_janus_log_tail (self);
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             "Janus did not load plugin janus.plugin.%s%s", jc_local_janus_wanted_plugins[i],
                             tail);
                return WAIT_FAILED;
              }
          for (gsize i = 0; i < G_N_ELEMENTS (jc_local_janus_wanted_transports) && missing == NULL; i++)
            if (!info_lists (info, "transport", jc_local_janus_wanted_transports[i]))
              missing = g_strdup_printf ("transport janus.transport.%s not in info",
                                         jc_local_janus_wanted_transports[i]);
          /* Something else may hold a port we picked (loopback): only
           * Janus's log says the listener is Janus. */
          if (missing == NULL)
            missing = log_missing_listener (self);
          if (missing == NULL && !tcp_accepts (self->host, self->admin_http_port))
            missing = g_strdup_printf ("admin HTTP port %s:%u", self->host, self->admin_http_port);
          if (missing == NULL && !g_file_test (self->admin_unix_path, G_FILE_TEST_EXISTS))
            missing = g_strdup_printf ("Unix socket %s", self->admin_unix_path);
          if (missing == NULL && !ws_handshake (self->host, self->ws_port, "janus-protocol"))
            missing = g_strdup_printf ("a WebSocket handshake on %s:%u", self->host, self->ws_port);
          if (missing == NULL &&
              !ws_handshake (self->host, self->admin_ws_port, "janus-admin-protocol"))
            missing = g_strdup_printf ("an admin WebSocket handshake on %s:%u", self->host,
                                       self->admin_ws_port);
          if (missing == NULL && !unix_ping (self->unix_path))
            missing = g_strdup_printf ("a ping over Unix socket %s", self->unix_path);
          if (missing == NULL)
            {
              /* Every listener is in the log, so is every module's
               * configuration parse. */
              g_autofree char *module = log_unparsable_module (self);
              const char *lines;
              g_autofree char *tail = NULL;

              if (module == NULL)
                return WAIT_READY;
              lines = self->plugin_config != NULL ? g_hash_table_lookup (self->plugin_config, module) : NULL;
              tail = jc_local_janus_log_tail (self);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Janus could not parse the configuration of %s (extra lines: “%s”)%s", module,
                           lines != NULL ? lines : "", tail);
              return WAIT_FAILED;
            }
        }

      /* Janus 1.1.2's WebSockets and Unix Sockets transports start their
       * service thread before setting their "initialized" flag, and the
       * thread loops only while it is set: on a busy machine the thread
       * may end at once, leaving a port nobody serves. Start again. */
      if (log_mentions_dead_thread (self))
        {
          g_autofree char *tail = jc_local_janus_log_tail (self);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "A Janus transport thread ended during startup (waiting for %s)%s",
                       missing, tail);
          return WAIT_RETRY;
        }
      /* A transport that cannot bind logs FATAL, but Janus stays up. */
      if (log_mentions_bind_failure (self))
        {
          g_autofree char *tail = jc_local_janus_log_tail (self);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE,
                       "Janus could not listen on a port (waiting for %s)%s", missing, tail);
          return WAIT_RETRY;
        }
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *tail = jc_local_janus_log_tail (self);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "Janus was not ready in time (waiting for %s)%s", missing, tail);
          return WAIT_FAILED;
        }
      g_usleep (POLL_STEP_US);
    }
}

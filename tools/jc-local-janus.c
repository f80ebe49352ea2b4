/* jc-local-janus.c: a private Janus server for tests and the CLI
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Starts `janus -F DIR -N -o` with a configuration generated in a fresh
 * temporary folder, either on 127.0.0.1 with free ports (signalling only:
 * Janus never gathers ICE candidates on loopback) or inside a private
 * network namespace joined to ours by a veth pair (needs root; media
 * works). See docs in jc-local-janus.h and /work/shared/JANUS-NOTES.md.
 *
 * Janus is started with PR_SET_PDEATHSIG (SIGKILL), which fires when the
 * *thread* that forked it exits: call jc_local_janus_start () from a
 * thread that outlives the server (normally the main thread).
 */
#include <errno.h>
#include <fcntl.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jc-local-janus-private.h"

const char *const jc_local_janus_wanted_plugins[] = {
  "echotest",
  "videoroom",
  "videocall",
  "textroom",
  "streaming",
  "audiobridge",
  "recordplay",
  "nosip",
};

const char *const jc_local_janus_wanted_transports[] = {
  "http",
  "websockets",
  "pfunix",
};

G_DEFINE_FINAL_TYPE (JcLocalJanus, jc_local_janus, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Small helpers                                                          */

/* rm -rf that never follows symbolic links. */
static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);
              remove_tree (child);
            }
          g_dir_close (dir);
        }
      if (g_rmdir (path) != 0)
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0)
    g_debug ("Could not remove %s: %s", path, g_strerror (errno));
}

/* The last @n_lines lines of a file, or a note that it could not be read. */
static char *
file_tail (const char *path, guint n_lines)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *start;
  guint seen = 0;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(no log)");
  while (length > 0 && (contents[length - 1] == '\n' || contents[length - 1] == '\r'))
    contents[--length] = '\0';
  if (length == 0)
    return g_strdup ("(empty)");
  start = contents + length;
  while (start > contents)
    {
      if (start[-1] == '\n' && ++seen == n_lines)
        break;
      start--;
    }
  return g_strdup (start);
}

char *
jc_local_janus_log_tail (JcLocalJanus *self)
{
  g_autofree char *log = file_tail (self->log_path, 25);
  g_autofree char *out = file_tail (self->out_path, 10);

  return g_strdup_printf ("\n--- last lines of %s:\n%s\n--- janus stdout/stderr:\n%s", self->log_path,
                          log, out);
}

/* ---------------------------------------------------------------------- */
/* Modules                                                                */

static gboolean
is_module_dir (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, "plugins", "libjanus_echotest.so", NULL);

  return g_file_test (probe, G_FILE_TEST_EXISTS);
}

/* Finds Janus's module folder (the one holding plugins/ and transports/):
 * $JC_JANUS_MODULES_DIR, then beside the binary (PREFIX/lib[/TRIPLET]/janus),
 * then the usual prefixes. */
static char *
find_modules_dir (const char *janus_path)
{
  const char *env = g_getenv ("JC_JANUS_MODULES_DIR");
  g_autofree char *bindir = g_path_get_dirname (janus_path);
  g_autofree char *prefix = g_path_get_dirname (bindir);
  g_autofree char *prefix_lib = g_build_filename (prefix, "lib", NULL);
  const char *libdirs[] = { prefix_lib, "/usr/lib", "/usr/local/lib", "/opt/janus/lib" };

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  for (gsize i = 0; i < G_N_ELEMENTS (libdirs); i++)
    {
      g_autofree char *direct = g_build_filename (libdirs[i], "janus", NULL);
      GDir *dir;
      const char *name;

      if (is_module_dir (direct))
        return g_steal_pointer (&direct);
      dir = g_dir_open (libdirs[i], 0, NULL);
      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *candidate = g_build_filename (libdirs[i], name, "janus", NULL);
          if (is_module_dir (candidate))
            {
              g_dir_close (dir);
              return g_steal_pointer (&candidate);
            }
        }
      g_dir_close (dir);
    }
  return NULL;
}

/* Makes WORK_DIR/KIND holding links to just the wanted modules. */
static gboolean
link_modules (const char *modules_dir, const char *kind, const char *const *names, gsize n_names, const char *work_dir, GError **error)
{
  g_autofree char *dest_dir = g_build_filename (work_dir, kind, NULL);

  if (g_mkdir (dest_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Could not create %s: %s",
                   dest_dir, g_strerror (errno));
      return FALSE;
    }
  for (gsize i = 0; i < n_names; i++)
    {
      g_autofree char *file = g_strdup_printf ("libjanus_%s.so", names[i]);
      g_autofree char *target = g_build_filename (modules_dir, kind, file, NULL);
      g_autofree char *link = g_build_filename (dest_dir, file, NULL);

      if (!g_file_test (target, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "Janus module %s is missing: install the 'janus' package", target);
          return FALSE;
        }
      if (symlink (target, link) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Could not link %s: %s",
                       link, g_strerror (errno));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Configuration                                                          */

char *
jc_local_janus_work_path (JcLocalJanus *self, const char *name)
{
  return g_build_filename (self->work_dir, name, NULL);
}

/* ---------------------------------------------------------------------- */
/* Network                                                                */

/* Picks @n free TCP ports on 127.0.0.1 (all bound at once, so distinct). */
static gboolean
pick_free_ports (guint16 *ports, guint n, GError **error)
{
  g_autoptr (GPtrArray) sockets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GSocket) socket = NULL;
      g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
      g_autoptr (GSocketAddress) bound = NULL;

      socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
      if (socket == NULL || !g_socket_bind (socket, any, FALSE, error))
        return FALSE;
      bound = g_socket_get_local_address (socket, error);
      if (bound == NULL)
        return FALSE;
      ports[i] = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
      g_ptr_array_add (sockets, g_steal_pointer (&socket));
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Process                                                                */

static pid_t parent_pid_for_child;

/* Runs in the child between fork and exec: async-signal-safe only. */
static void
child_setup (gpointer user_data)
{
  (void) user_data;
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  /* The parent may have died before prctl. */
  if (getppid () != parent_pid_for_child)
    _exit (127);
}

static gboolean
spawn_janus (JcLocalJanus *self, const char *janus_path, GError **error)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *ip = NULL;
  int out_fd;
  gboolean ok;

  if (self->netns != NULL)
    {
      ip = jc_local_janus_find_ip_binary ();
      g_ptr_array_add (argv, ip);
      g_ptr_array_add (argv, (gpointer) "netns");
      g_ptr_array_add (argv, (gpointer) "exec");
      g_ptr_array_add (argv, self->netns);
    }
  g_ptr_array_add (argv, (gpointer) janus_path);
  g_ptr_array_add (argv, (gpointer) "-F");
  g_ptr_array_add (argv, self->work_dir);
  g_ptr_array_add (argv, (gpointer) "-N"); /* no stdout logging: log_to_file */
  g_ptr_array_add (argv, (gpointer) "-o"); /* no colours */
  g_ptr_array_add (argv, NULL);

  out_fd = g_open (self->out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out_fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Could not create %s: %s",
                   self->out_path, g_strerror (errno));
      return FALSE;
    }
  parent_pid_for_child = getpid ();
  ok = g_spawn_async_with_fds (self->work_dir, (char **) argv->pdata, NULL,
                               G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL,
                               child_setup, NULL, &self->pid, -1, out_fd, out_fd, error);
  g_close (out_fd, NULL);
  if (!ok)
    {
      self->pid = 0;
      g_prefix_error (error, "Could not start %s: ", janus_path);
    }
  return ok;
}

/* SIGTERM, then SIGKILL after 3 s; at once if not @graceful. */
static void
kill_janus (JcLocalJanus *self, gboolean graceful)
{
  gint64 deadline;
  int status;

  if (self->pid <= 0)
    return;
  if (kill (self->pid, graceful ? SIGTERM : SIGKILL) != 0 && errno == ESRCH)
    {
      jc_local_janus_child_exited (self->pid, &status);
      self->pid = 0;
      return;
    }
  deadline = g_get_monotonic_time () + STOP_GRACE_US;
  while (!jc_local_janus_child_exited (self->pid, &status))
    {
      if (g_get_monotonic_time () >= deadline)
        {
          g_debug ("Janus (pid %d) ignored SIGTERM for 3 s: SIGKILL", (int) self->pid);
          kill (self->pid, SIGKILL);
          while (waitpid (self->pid, &status, 0) < 0 && errno == EINTR)
            ;
          break;
        }
      g_usleep (POLL_STEP_US);
    }
  self->pid = 0;
}

static void
clear_state (JcLocalJanus *self)
{
  g_clear_pointer (&self->work_dir, g_free);
  g_clear_pointer (&self->log_path, g_free);
  g_clear_pointer (&self->out_path, g_free);
  g_clear_pointer (&self->admin_secret, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->client_address, g_free);
  g_clear_pointer (&self->unix_path, g_free);
  g_clear_pointer (&self->admin_unix_path, g_free);
  g_clear_pointer (&self->ws_uri, g_free);
  g_clear_pointer (&self->http_uri, g_free);
  g_clear_pointer (&self->unix_uri, g_free);
  g_clear_pointer (&self->admin_ws_uri, g_free);
  g_clear_pointer (&self->admin_http_uri, g_free);
  g_clear_pointer (&self->admin_unix_uri, g_free);
}

/* Kills janus and removes the namespace; keeps the work dir. */
static void
stop_process_and_network (JcLocalJanus *self, gboolean graceful)
{
  kill_janus (self, graceful);
  jc_local_janus_teardown_namespace (self);
}

static void
remove_work_dir (JcLocalJanus *self)
{
  if (self->work_dir == NULL)
    return;
  if (g_getenv ("JC_KEEP_JANUS_DIR") != NULL)
    g_message ("Keeping Janus work folder %s (JC_KEEP_JANUS_DIR is set)", self->work_dir);
  else
    remove_tree (self->work_dir);
}

/* ---------------------------------------------------------------------- */
/* One attempt: work dir, network, config, spawn, wait                    */

static WaitResult
start_once (JcLocalJanus *self, JcLocalJanusNetwork network, const char *janus_path, const char *modules_dir, gint64 deadline, GError **error)
{
  g_autofree char *dir = NULL;
  WaitResult result;

  dir = g_dir_make_tmp ("jc-janus-XXXXXX", error);
  if (dir == NULL)
    return WAIT_FAILED;
  self->work_dir = g_steal_pointer (&dir);
  self->log_path = jc_local_janus_work_path (self, "janus.log");
  self->out_path = jc_local_janus_work_path (self, "janus.out");
  self->unix_path = jc_local_janus_work_path (self, "janus.sock");
  self->admin_unix_path = jc_local_janus_work_path (self, "janus-admin.sock");
  self->admin_secret = g_uuid_string_random ();
  if (strlen (self->admin_unix_path) >= 108)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG,
                   "Unix socket path %s is too long: set TMPDIR to a shorter folder",
                   self->admin_unix_path);
      return WAIT_FAILED;
    }

  if (!link_modules (modules_dir, "plugins", jc_local_janus_wanted_plugins, G_N_ELEMENTS (jc_local_janus_wanted_plugins),
                     self->work_dir, error) ||
      !link_modules (modules_dir, "transports", jc_local_janus_wanted_transports,
                     G_N_ELEMENTS (jc_local_janus_wanted_transports), self->work_dir, error) ||
      !link_modules (modules_dir, "events", NULL, 0, self->work_dir, error) ||
      !link_modules (modules_dir, "loggers", NULL, 0, self->work_dir, error))
    return WAIT_FAILED;

  if (network == JC_LOCAL_JANUS_NETWORK_NAMESPACE)
    {
      if (!jc_local_janus_setup_namespace (self, error))
        return WAIT_NETNS_FAILED;
    }
  else
    {
      guint16 ports[4];

      if (!pick_free_ports (ports, G_N_ELEMENTS (ports), error))
        {
          g_prefix_error (error, "Could not pick free ports on 127.0.0.1: ");
          return WAIT_FAILED;
        }
      self->host = g_strdup ("127.0.0.1");
      self->client_address = g_strdup ("127.0.0.1");
      self->ws_port = ports[0];
      self->admin_ws_port = ports[1];
      self->http_port = ports[2];
      self->admin_http_port = ports[3];
    }

  if (!jc_local_janus_write_configs (self, error))
    return WAIT_FAILED;
  if (!spawn_janus (self, janus_path, error))
    return WAIT_FAILED;
  result = jc_local_janus_wait_ready (self, deadline, error);
  if (result != WAIT_READY)
    return result;

  self->ws_uri = g_strdup_printf ("ws://%s:%u", self->host, self->ws_port);
  self->admin_ws_uri = g_strdup_printf ("ws://%s:%u", self->host, self->admin_ws_port);
  self->http_uri = g_strdup_printf ("http://%s:%u/janus", self->host, self->http_port);
  self->admin_http_uri = g_strdup_printf ("http://%s:%u/admin", self->host, self->admin_http_port);
  self->unix_uri = g_strconcat ("unix://", self->unix_path, NULL);
  self->admin_unix_uri = g_strconcat ("unix://", self->admin_unix_path, NULL);
  return WAIT_READY;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static void
jc_local_janus_dispose (GObject *object)
{
  jc_local_janus_stop (JC_LOCAL_JANUS (object));
  G_OBJECT_CLASS (jc_local_janus_parent_class)->dispose (object);
}

static void
jc_local_janus_finalize (GObject *object)
{
  JcLocalJanus *self = JC_LOCAL_JANUS (object);

  jc_local_janus_stop (self);
  g_free (self->api_secret);
  g_free (self->extra_general);
  g_free (self->extra_media);
  g_clear_pointer (&self->plugin_config, g_hash_table_unref);
  G_OBJECT_CLASS (jc_local_janus_parent_class)->finalize (object);
}

static void
jc_local_janus_class_init (JcLocalJanusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jc_local_janus_dispose;
  object_class->finalize = jc_local_janus_finalize;
}

static void
jc_local_janus_init (JcLocalJanus *self)
{
  self->requested_network = JC_LOCAL_JANUS_NETWORK_AUTO;
  self->network = JC_LOCAL_JANUS_NETWORK_AUTO;
  self->session_timeout = 60;
}

JcLocalJanus *
jc_local_janus_new (void)
{
  return g_object_new (JC_TYPE_LOCAL_JANUS, NULL);
}

void
jc_local_janus_set_network (JcLocalJanus *self, JcLocalJanusNetwork network)
{
  g_return_if_fail (JC_IS_LOCAL_JANUS (self));
  g_return_if_fail (!self->running);
  self->requested_network = network;
  self->network = network;
}

void
jc_local_janus_set_session_timeout (JcLocalJanus *self, guint seconds)
{
  g_return_if_fail (JC_IS_LOCAL_JANUS (self));
  self->session_timeout = seconds;
}

void
jc_local_janus_set_reclaim_session_timeout (JcLocalJanus *self, guint seconds)
{
  g_return_if_fail (JC_IS_LOCAL_JANUS (self));
  self->reclaim_session_timeout = seconds;
}

void
jc_local_janus_set_api_secret (JcLocalJanus *self, const char *api_secret)
{
  g_return_if_fail (JC_IS_LOCAL_JANUS (self));
  g_free (self->api_secret);
  self->api_secret = g_strdup (api_secret);
}

void
jc_local_janus_set_token_auth (JcLocalJanus *self, gboolean token_auth)
{
  g_return_if_fail (JC_IS_LOCAL_JANUS (self));
  self->token_auth = token_auth;
}

void
jc_local_janus_set_extra_general (JcLocalJanus *self, const char *lines)
{
  g_return_if_fail (JC_IS_LOCAL_JANUS (self));
  g_free (self->extra_general);
  self->extra_general = g_strdup (lines);
}

void
jc_local_janus_set_extra_media (JcLocalJanus *self, const char *lines)
{
  g_return_if_fail (JC_IS_LOCAL_JANUS (self));
  g_free (self->extra_media);
  self->extra_media = g_strdup (lines);
}

static gboolean
is_loaded_plugin (const char *plugin)
{
  if (!g_str_has_prefix (plugin, "janus.plugin."))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (jc_local_janus_wanted_plugins); i++)
    if (g_str_equal (plugin + strlen ("janus.plugin."), jc_local_janus_wanted_plugins[i]))
      return TRUE;
  return FALSE;
}

void
jc_local_janus_set_plugin_config (JcLocalJanus *self, const char *plugin, const char *lines)
{
  g_return_if_fail (JC_IS_LOCAL_JANUS (self));
  g_return_if_fail (plugin != NULL && is_loaded_plugin (plugin));

  if (lines == NULL)
    {
      if (self->plugin_config != NULL)
        g_hash_table_remove (self->plugin_config, plugin);
      return;
    }
  if (self->plugin_config == NULL)
    self->plugin_config = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (self->plugin_config, g_strdup (plugin), g_strdup (lines));
}

/* The janus binary in PATH, or an error that says how to get it. */
static char *
find_janus (GError **error)
{
  char *path = g_find_program_in_path ("janus");

  if (path == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         "The “janus” program was not found in PATH: install the 'janus' package");
  return path;
}

gboolean
jc_local_janus_start (JcLocalJanus *self, guint timeout_ms, GError **error)
{
  g_autofree char *janus_path = NULL;
  g_autofree char *modules_dir = NULL;
  g_autofree char *why = NULL;
  JcLocalJanusNetwork network;
  gint64 deadline;

  g_return_val_if_fail (JC_IS_LOCAL_JANUS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->running)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "Janus is already running");
      return FALSE;
    }
  deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  janus_path = find_janus (error);
  if (janus_path == NULL)
    return FALSE;
  modules_dir = find_modules_dir (janus_path);
  if (modules_dir == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "Janus's plugin folder (…/janus/plugins beside %s) was not found: install the "
                   "'janus' package or set JC_JANUS_MODULES_DIR",
                   janus_path);
      return FALSE;
    }

  network = self->requested_network;
  if (network == JC_LOCAL_JANUS_NETWORK_AUTO)
    {
      if (jc_local_janus_namespace_possible (&why))
        network = JC_LOCAL_JANUS_NETWORK_NAMESPACE;
      else
        {
          g_message ("Local Janus on loopback (%s): media tests will be skipped", why);
          network = JC_LOCAL_JANUS_NETWORK_LOOPBACK;
        }
    }
  if (network == JC_LOCAL_JANUS_NETWORK_NAMESPACE)
    jc_local_janus_clean_stale ();

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr (GError) local_error = NULL;
      WaitResult result = start_once (self, network, janus_path, modules_dir, deadline, &local_error);

      if (result == WAIT_READY)
        break;
      if (result == WAIT_NETNS_FAILED && self->requested_network == JC_LOCAL_JANUS_NETWORK_AUTO)
        {
          g_message ("Local Janus on loopback (%s): media tests will be skipped",
                     local_error->message);
          network = JC_LOCAL_JANUS_NETWORK_LOOPBACK;
          remove_work_dir (self);
          clear_state (self);
          continue;
        }
      /* A server that failed to start gets no graceful shutdown (one
       * running on its defaults after a parse error ignores SIGTERM). */
      stop_process_and_network (self, FALSE);
      remove_work_dir (self);
      clear_state (self);
      if (result == WAIT_RETRY && attempt < START_ATTEMPTS && g_get_monotonic_time () < deadline)
        {
          g_debug ("Starting Janus again: %s", local_error->message);
          continue;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->network = network;
  self->running = TRUE;
  g_debug ("Janus %d ready at %s (%s)", (int) self->pid, self->http_uri, self->work_dir);
  return TRUE;
}

gboolean
jc_local_janus_restart (JcLocalJanus *self, guint timeout_ms, GError **error)
{
  g_autofree char *janus_path = NULL;
  gint64 deadline;

  g_return_val_if_fail (JC_IS_LOCAL_JANUS (self), FALSE);
  g_return_val_if_fail (self->running, FALSE);

  deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  janus_path = find_janus (error);
  if (janus_path == NULL)
    return FALSE;
  /* Same folder, configuration, ports and namespace: a fresh server that
   * knows none of the old sessions. */
  kill_janus (self, TRUE);
  for (guint attempt = 1;; attempt++)
    {
      g_autoptr (GError) local_error = NULL;
      WaitResult result;

      g_unlink (self->log_path); /* readiness reads the log */
      if (!spawn_janus (self, janus_path, error))
        return FALSE;
      result = jc_local_janus_wait_ready (self, deadline, &local_error);
      if (result == WAIT_READY)
        break;
      /* Janus's startup races (a transport thread that died, a port still
       * held by the old process) deserve another try, as in start. */
      kill_janus (self, FALSE);
      if (result != WAIT_RETRY || attempt >= START_ATTEMPTS || g_get_monotonic_time () >= deadline)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("Restarting Janus again: %s", local_error->message);
    }
  g_debug ("Janus restarted as %d", (int) self->pid);
  return TRUE;
}

void
jc_local_janus_stop (JcLocalJanus *self)
{
  g_return_if_fail (JC_IS_LOCAL_JANUS (self));

  stop_process_and_network (self, TRUE);
  remove_work_dir (self);
  clear_state (self);
  self->running = FALSE;
}

gboolean
jc_local_janus_is_running (JcLocalJanus *self)
{
  g_return_val_if_fail (JC_IS_LOCAL_JANUS (self), FALSE);

  if (self->running && self->pid > 0)
    {
      int status;
      if (jc_local_janus_child_exited (self->pid, &status))
        self->pid = 0;
    }
  return self->running && self->pid > 0;
}

JcLocalJanusNetwork
jc_local_janus_get_network (JcLocalJanus *self)
{
  g_return_val_if_fail (JC_IS_LOCAL_JANUS (self), JC_LOCAL_JANUS_NETWORK_AUTO);
  return self->network;
}

gboolean
jc_local_janus_has_media (JcLocalJanus *self)
{
  g_return_val_if_fail (JC_IS_LOCAL_JANUS (self), FALSE);
  return self->running && self->network == JC_LOCAL_JANUS_NETWORK_NAMESPACE;
}

#define GETTER(name, field)                                  \
  const char *jc_local_janus_get_##name (JcLocalJanus *self) \
  {                                                          \
    g_return_val_if_fail (JC_IS_LOCAL_JANUS (self), NULL);   \
    return self->field;                                      \
  }

GETTER (host, host)
GETTER (client_address, client_address)
GETTER (ws_uri, ws_uri)
GETTER (http_uri, http_uri)
GETTER (unix_uri, unix_uri)
GETTER (admin_ws_uri, admin_ws_uri)
GETTER (admin_http_uri, admin_http_uri)
GETTER (admin_unix_uri, admin_unix_uri)
GETTER (admin_secret, admin_secret)
GETTER (api_secret, api_secret)
GETTER (work_dir, work_dir)
GETTER (log_path, log_path)
GETTER (netns, netns)

#undef GETTER

GPid
jc_local_janus_get_pid (JcLocalJanus *self)
{
  g_return_val_if_fail (JC_IS_LOCAL_JANUS (self), 0);
  return self->pid;
}

char *
jc_local_janus_get_info (JcLocalJanus *self, GError **error)
{
  g_return_val_if_fail (JC_IS_LOCAL_JANUS (self), NULL);

  if (!self->running)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED, "Janus is not running");
      return NULL;
    }
  return jc_local_janus_http_get (self->host, self->http_port, "/janus/info", error);
}
